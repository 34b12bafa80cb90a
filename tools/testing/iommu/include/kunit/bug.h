/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Declaring warnings a test expects.
 *
 * A test that deliberately drives code into a WARN() declares it first, by
 * the name of the function that warns.  While the declaration is active a
 * warning from that function is counted against it instead of failing the
 * test, and the test can check how many were seen:
 *
 *	DEFINE_SUPPRESSED_WARNING(iommu_attach_device);
 *
 *	START_SUPPRESSED_WARNING(iommu_attach_device);
 *	ret = iommu_attach_device(bad_domain, dev);
 *	END_SUPPRESSED_WARNING(iommu_attach_device);
 *	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(iommu_attach_device), 1);
 *
 * A declaration still active when its test case function returns (or aborts)
 * is withdrawn by the runner.
 */
#ifndef _KUNIT_BUG_H
#define _KUNIT_BUG_H

#include <linux/stringify.h>
#include <linux/types.h>

struct kunit;

/**
 * struct __suppressed_warning - one declared, expected warning
 * @function: name of the function whose warnings are expected.
 * @counter: how many of its warnings were suppressed so far.
 * @message: the text of the last one, so that a test can check what the
 *	warning says (an addition of this host's KUnit).
 *
 * The runner keeps its own list of active declarations and only points at
 * this record, so a record may live on the test's stack.  It must stay in
 * scope while active: END_SUPPRESSED_WARNING() it before it goes out of
 * scope (the runner withdraws those left active by a test case as soon as
 * the case function returns or aborts).
 */
struct __suppressed_warning {
	const char *function;
	int counter;
	char message[160];
};

void __kunit_start_suppress_warning(struct __suppressed_warning *warning);
void __kunit_end_suppress_warning(struct __suppressed_warning *warning);
bool kunit_is_suppressed_warning(const char *function);
bool kunit_suppress_warning(const char *function, const char *message);

/* Define the record for warnings from @func (no quotes). */
#define DEFINE_SUPPRESSED_WARNING(func)					\
	struct __suppressed_warning __kunit_suppress_##func =		\
		{ .function = __stringify(func) }

/* Start treating warnings from @func as expected. */
#define START_SUPPRESSED_WARNING(func)					\
	__kunit_start_suppress_warning(&__kunit_suppress_##func)

/* Stop treating warnings from @func as expected. */
#define END_SUPPRESSED_WARNING(func)					\
	__kunit_end_suppress_warning(&__kunit_suppress_##func)

/* True if a warning raised in @func (a string) is currently expected. */
#define IS_SUPPRESSED_WARNING(func) kunit_is_suppressed_warning(func)

/* How many warnings from @func were suppressed. */
#define SUPPRESSED_WARNING_COUNT(func)	(__kunit_suppress_##func.counter)

/* The text of the last warning from @func that was suppressed ("" if none). */
#define SUPPRESSED_WARNING_MESSAGE(func) ((const char *)__kunit_suppress_##func.message)

#endif /* _KUNIT_BUG_H */
