/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Abortable execution of a test case for the host runner.
 *
 * In the kernel a test case runs in its own kthread so that a failed
 * assertion can end it.  The host runner instead runs the case on the
 * calling thread below a catch point; aborting unwinds straight back to it.
 */
#ifndef _KUNIT_TRY_CATCH_H
#define _KUNIT_TRY_CATCH_H

#include <linux/compiler.h>

struct kunit;

/**
 * typedef kunit_try_catch_func_t - body or handler run under a catch point
 * @data: the context passed to kunit_try_catch_run().
 */
typedef void (*kunit_try_catch_func_t)(void *data);

/**
 * struct kunit_try_catch - the catch point of a running test
 * @test: the test this catch point belongs to.
 * @frame: private to the runner: the innermost active catch frame, or NULL
 *	when nothing is running under this catch point.
 * @try_result: 0 if the last body returned normally, -EINTR if it was
 *	aborted, -EFAULT if it crashed.
 * @signal: the signal the last body crashed with, or 0.
 */
struct kunit_try_catch {
	struct kunit *test;
	void *frame;
	int try_result;
	int signal;
};

/**
 * kunit_try_catch_run() - run @body so that it can be aborted
 * @try_catch: the catch point; must belong to the current test.
 * @body: function to run.
 * @data: its argument.
 *
 * Return: 0 if @body returned, -EINTR if it called kunit_try_catch_throw(),
 * -EFAULT if it crashed (a fault signal on the calling thread).
 */
int kunit_try_catch_run(struct kunit_try_catch *try_catch,
			kunit_try_catch_func_t body, void *data);

/**
 * kunit_try_catch_throw() - abandon the body running under @try_catch
 * @try_catch: the catch point to return to.
 *
 * Does not return.  Must be called on the thread running the body.
 */
void __noreturn kunit_try_catch_throw(struct kunit_try_catch *try_catch);

#endif /* _KUNIT_TRY_CATCH_H */
