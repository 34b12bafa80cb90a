/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals shared by the files of the host KUnit runner, and the hooks its
 * self-test uses to run suites of its own without disturbing the real run.
 */
#ifndef _KUNIT_RUNNER_H
#define _KUNIT_RUNNER_H

#include <kunit/test.h>
#include <linux/stdarg.h>

/*
 * The bounds of the section kunit_test_suites() fills, defined by the
 * linker.  Weak: a build without any suite has no such section.
 */
extern struct kunit_suite * const __start_kunit_test_suites[] __weak;
extern struct kunit_suite * const __stop_kunit_test_suites[] __weak;

/**
 * struct kunit_result_stats - counts of outcomes
 * @passed: runs that passed.
 * @skipped: runs that were skipped.
 * @failed: runs that failed.
 * @total: all runs.
 */
struct kunit_result_stats {
	unsigned long passed;
	unsigned long skipped;
	unsigned long failed;
	unsigned long total;
};

/**
 * struct kunit_run_result - what a captured suite run produced
 * @status: the suite's overall status.
 * @cases: one count per case (a parameterised case counts once).
 * @runs: one count per run: each parameter of a parameterised case counts.
 * @warnings: warnings that fired unexpectedly during the cases.
 * @output: the KTAP text the run printed, NUL-terminated; test-managed
 *	memory of the test that asked for the run.
 * @output_len: length of @output.
 * @truncated: @output was cut off because the run printed too much.
 */
struct kunit_run_result {
	enum kunit_status status;
	struct kunit_result_stats cases;
	struct kunit_result_stats runs;
	unsigned long warnings;
	char *output;
	size_t output_len;
	bool truncated;
};

/**
 * struct kunit_capture - a buffer standing in for standard output
 * @buf: the text so far.
 * @len: bytes used, excluding the terminating NUL.
 * @size: bytes available in @buf.
 * @truncated: something did not fit.
 */
struct kunit_capture {
	char *buf;
	size_t len;
	size_t size;
	bool truncated;
};

/* test.c */
unsigned long kunit_run_suite(struct kunit_suite *suite, size_t number,
			      struct kunit_result_stats *cases,
			      struct kunit_result_stats *runs);
int kunit_run_suite_captured(struct kunit *test, struct kunit_suite *suite,
			     struct kunit_run_result *result);
struct kunit_capture *kunit_capture_swap(struct kunit_capture *capture);
void kunit_log_vemit(const char *fmt, va_list args);
unsigned long kunit_unexpected_warnings(void);

/* assert.c */
void kunit_assert_report(struct kunit *test, const struct kunit_loc *loc,
			 enum kunit_assert_type type,
			 const struct kunit_assert *assert,
			 const char *fmt, va_list *args);

/* bug.c */
void kunit_suppress_release_owned(struct kunit *test);

/* executor.c */
bool kunit_glob_match(const char *pattern, const char *str);

#endif /* _KUNIT_RUNNER_H */
