// SPDX-License-Identifier: GPL-2.0
/*
 * Catch points for KUnit test cases: sigsetjmp()/siglongjmp() glue.
 *
 * The kernel runs every test case in a kthread and ends that thread when an
 * assertion fails or the case oopses; the rest of the run goes on.  The
 * host runs the case on the runner's own thread instead, below a
 * sigsetjmp().  A failed assertion siglongjmp()s back to it, and so does a
 * crash signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL) raised while a case runs,
 * so that a crashing case fails like an oopsing one instead of ending the
 * program.
 */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kunit-host.h"

struct kunit_host_frame {
	sigjmp_buf env;
	pthread_t owner;
	struct kunit_host_frame *enclosing;	/* this thread's previous frame */
	/*
	 * Written by the signal handler between sigsetjmp() and its return;
	 * always accessed with __atomic builtins, so that it is read from
	 * memory after the jump.
	 */
	int signal;
};

/* The innermost catch point of each thread, for the signal handler. */
static __thread struct kunit_host_frame *kunit_innermost;

static const int kunit_crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL };
#define KUNIT_NR_CRASH_SIGNALS (sizeof(kunit_crash_signals) / sizeof(int))

static void kunit_crash_handler(int sig)
{
	struct kunit_host_frame *frame = kunit_innermost;

	if (!frame) {
		/* Not in a test case: crash as if we had never been here. */
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	__atomic_store_n(&frame->signal, sig, __ATOMIC_RELAXED);
	siglongjmp(frame->env, 2);
}

static char kunit_altstack[64 * 1024];

static void kunit_install_crash_handler_once(void)
{
	stack_t ss = { .ss_sp = kunit_altstack, .ss_size = sizeof(kunit_altstack) };
	struct sigaction sa;
	size_t i;

	/* A stack overflow can only be caught on another stack. */
	sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = kunit_crash_handler;
	sa.sa_flags = SA_ONSTACK | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < KUNIT_NR_CRASH_SIGNALS; i++)
		sigaction(kunit_crash_signals[i], &sa, NULL);
}

static void kunit_install_crash_handler(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, kunit_install_crash_handler_once);
}

int kunit_host_try(void **frame_slot, void (*body)(void *data), void *data,
		   int *signal_out)
{
	struct kunit_host_frame frame;
	void *outer = *frame_slot;
	int outcome;

	kunit_install_crash_handler();
	frame.owner = pthread_self();
	frame.enclosing = kunit_innermost;
	__atomic_store_n(&frame.signal, 0, __ATOMIC_RELAXED);
	*frame_slot = &frame;
	kunit_innermost = &frame;

	if (sigsetjmp(frame.env, 1) == 0) {
		body(data);
		outcome = 0;
	} else {
		outcome = __atomic_load_n(&frame.signal, __ATOMIC_RELAXED) ? 2 : 1;
	}

	kunit_innermost = frame.enclosing;
	*frame_slot = outer;
	*signal_out = __atomic_load_n(&frame.signal, __ATOMIC_RELAXED);
	return outcome;
}

void kunit_host_throw(void *frame)
{
	struct kunit_host_frame *target = frame;

	if (!target) {
		fprintf(stderr, "kunit: test aborted while no case was running\n");
		abort();
	}
	if (!pthread_equal(target->owner, pthread_self())) {
		fprintf(stderr,
			"kunit: KUNIT_ASSERT or kunit_skip() on a thread other than the test's; cannot unwind\n");
		abort();
	}
	siglongjmp(target->env, 1);
}

const char *kunit_host_signal_name(int sig)
{
	return strsignal(sig);
}
