/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hooks for code that is not itself a test but wants to talk to the test
 * that is running it.
 */
#ifndef _KUNIT_TEST_BUG_H
#define _KUNIT_TEST_BUG_H

#include <linux/compiler.h>
#include <linux/stddef.h>

struct kunit;

#if IS_ENABLED(CONFIG_KUNIT)

#include <linux/sched.h>

/**
 * kunit_get_current_test() - the test the calling task is running, if any
 *
 * Return: the test, or NULL outside a test (or in a thread the test made).
 */
static inline struct kunit *kunit_get_current_test(void)
{
	return current->kunit_test;
}

void __printf(3, 4) __kunit_fail_current_test_impl(const char *file, int line,
						   const char *fmt, ...);

/**
 * kunit_fail_current_test() - fail the running test, if there is one
 * @fmt: printf-style explanation, printed as a diagnostic.
 * @...: arguments for @fmt.
 */
#define kunit_fail_current_test(fmt, ...)				\
	__kunit_fail_current_test_impl(__FILE__, __LINE__, fmt, ##__VA_ARGS__)

#else

static inline struct kunit *kunit_get_current_test(void)
{
	return NULL;
}

static inline __printf(1, 2) void kunit_fail_current_test(const char *fmt, ...)
{
}

#endif

#endif /* _KUNIT_TEST_BUG_H */
