/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Static stubbing: letting a test replace a function of the code under
 * test for the duration of the test.
 *
 * The function to be replaceable starts with KUNIT_STATIC_STUB_REDIRECT();
 * while a test that activated a replacement runs, the call is forwarded to
 * the replacement.  Outside tests, and for other tests, nothing changes.
 *
 *	int read_id(struct foo *f)
 *	{
 *		KUNIT_STATIC_STUB_REDIRECT(read_id, f);
 *		return readl(f->regs + ID);
 *	}
 *
 *	kunit_activate_static_stub(test, read_id, fake_read_id);
 */
#ifndef _KUNIT_STATIC_STUB_H
#define _KUNIT_STATIC_STUB_H

#include <linux/compiler.h>
#include <linux/typecheck.h>

struct kunit;

#if !IS_ENABLED(CONFIG_KUNIT)

#define KUNIT_STATIC_STUB_REDIRECT(real_fn_name, args...) ((void)(real_fn_name))

#else

#include <kunit/test-bug.h>

/**
 * kunit_get_static_stub_address() - the active replacement of a function
 * @test: the running test.
 * @real_fn_addr: the function that may be replaced.
 *
 * Return: the replacement @test activated for @real_fn_addr, or NULL.
 */
void *kunit_get_static_stub_address(struct kunit *test, void *real_fn_addr);

/**
 * KUNIT_STATIC_STUB_REDIRECT() - call the test's replacement, if any
 * @real_fn_name: the function this statement is in.
 * @args: all of its arguments, in order.
 *
 * Returns from the enclosing function with the replacement's result when
 * the running test replaced @real_fn_name.
 */
#define KUNIT_STATIC_STUB_REDIRECT(real_fn_name, args...)		\
	do {								\
		typeof(real_fn_name) *__kunit_repl;			\
		struct kunit *__kunit_test = kunit_get_current_test();	\
									\
		if (likely(!__kunit_test))				\
			break;						\
		__kunit_repl = kunit_get_static_stub_address(__kunit_test, \
							(void *)&(real_fn_name)); \
		if (unlikely(__kunit_repl))				\
			return __kunit_repl(args);			\
	} while (0)

/**
 * __kunit_activate_static_stub() - untyped kunit_activate_static_stub()
 * @test: the test; the replacement ends with it.
 * @real_fn_addr: the function to replace.
 * @replacement_addr: its replacement, or NULL to deactivate.
 */
void __kunit_activate_static_stub(struct kunit *test, void *real_fn_addr,
				  void *replacement_addr);

/**
 * kunit_activate_static_stub() - replace a function for the rest of a test
 * @test: the test.
 * @real_fn_addr: the function, which must use KUNIT_STATIC_STUB_REDIRECT().
 * @replacement_addr: a function of the same type.
 *
 * Activating again replaces the previous replacement.
 */
#define kunit_activate_static_stub(test, real_fn_addr, replacement_addr) \
	do {								\
		typeof(replacement_addr) *__kunit_repl_fn = (replacement_addr); \
		typeof(__kunit_repl_fn) __kunit_real_fn = (real_fn_addr); \
									\
		__kunit_activate_static_stub(test, (void *)__kunit_real_fn, \
					     (void *)__kunit_repl_fn);	\
	} while (0)

/**
 * kunit_deactivate_static_stub() - restore the real function
 * @test: the test.
 * @real_fn_addr: the function.
 */
void kunit_deactivate_static_stub(struct kunit *test, void *real_fn_addr);

#endif /* CONFIG_KUNIT */

#endif /* _KUNIT_STATIC_STUB_H */
