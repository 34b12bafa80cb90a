// SPDX-License-Identifier: GPL-2.0
/*
 * The KUnit runner of the host build: runs suites and cases, and prints
 * their results as KTAP version 1, laid out like the in-kernel executor's.
 *
 * A case runs on the runner's thread below a catch point, so that a failed
 * assertion or kunit_skip() can end it early.  After each run (each
 * parameter of a parameterised case) the runner withdraws the warning
 * declarations the run left active, releases its resources, and fails the
 * run if a warning fired that the run did not declare.
 */
#include <kunit/bug.h>
#include <kunit/resource.h>
#include <kunit/test.h>
#include <kunit/test-bug.h>

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include <host/env.h>

#include "kunit-host.h"
#include "runner.h"

/* Longest single line the runner formats; longer text is cut. */
#define KUNIT_LINE_MAX		1024

/* Output of a captured suite run, per run. */
#define KUNIT_CAPTURE_SIZE	(64 * 1024)

/*
 * Print "# name: pass:..." lines only for tests with more than one subtest,
 * as the kernel does with its default kunit.stats_enabled=1.
 */
#define KUNIT_STATS_MIN_TOTAL	2

static DEFINE_SPINLOCK(kunit_output_lock);
static struct kunit_capture *kunit_output_capture;

/*
 * Warnings already charged to a nested run (a suite a test runs through
 * kunit_run_suite_captured()), so the enclosing run does not count them
 * again.
 */
static unsigned long kunit_warnings_absorbed;

/* Suite numbers for kunit_run_tests() callers that do not number suites. */
static size_t kunit_next_suite_number = 1;

/**
 * kunit_capture_swap() - redirect the runner's output
 * @capture: where output goes from now on, or NULL for standard output.
 *
 * Return: the previous destination, to be restored by the caller.
 */
struct kunit_capture *kunit_capture_swap(struct kunit_capture *capture)
{
	struct kunit_capture *old;

	spin_lock(&kunit_output_lock);
	old = kunit_output_capture;
	kunit_output_capture = capture;
	spin_unlock(&kunit_output_lock);
	return old;
}

static void kunit_capture_append(struct kunit_capture *cap, const char *text,
				 size_t len)
{
	size_t room = cap->size - cap->len - 1;

	if (len > room) {
		len = room;
		cap->truncated = true;
	}
	memcpy(cap->buf + cap->len, text, len);
	cap->len += len;
	cap->buf[cap->len] = '\0';
}

/* Send one finished line, newline included, to the current destination. */
static void kunit_output_line(const char *line, size_t len)
{
	spin_lock(&kunit_output_lock);
	if (kunit_output_capture)
		kunit_capture_append(kunit_output_capture, line, len);
	else
		kunit_host_write(line, len);
	spin_unlock(&kunit_output_lock);
}

/*
 * Emit @len bytes of @text as one line, behind @indent spaces and, if
 * @diag, a "# " marker.
 */
static void kunit_output_piece(size_t indent, bool diag, const char *text,
			       size_t len)
{
	char line[KUNIT_LINE_MAX + 8];
	size_t pos = 0;

	if (indent > KUNIT_LINE_MAX / 2)
		indent = KUNIT_LINE_MAX / 2;
	memset(line, ' ', indent);
	pos = indent;
	if (diag) {
		line[pos++] = '#';
		line[pos++] = ' ';
	}
	if (len > KUNIT_LINE_MAX - pos)
		len = KUNIT_LINE_MAX - pos;
	memcpy(line + pos, text, len);
	pos += len;
	line[pos++] = '\n';
	kunit_output_line(line, pos);
}

/**
 * kunit_log_vemit() - print formatted text as KTAP lines
 * @fmt: format, optionally starting with a KERN_* level (ignored).
 * @args: its arguments.
 *
 * Trailing newlines are dropped.  If the text spans several lines, the
 * later lines get the first line's indentation and, when the first line is
 * a "# " diagnostic, the same marker, so that a multi-line message stays a
 * block of diagnostics inside its test.
 */
void kunit_log_vemit(const char *fmt, va_list args)
{
	char buf[KUNIT_LINE_MAX];
	const char *text = buf;
	const char *nl;
	size_t len, indent = 0;
	bool diag;

	vscnprintf(buf, sizeof(buf), fmt, args);
	if (text[0] == KERN_SOH_ASCII && text[1])
		text += 2;

	len = strlen(text);
	while (len && text[len - 1] == '\n')
		len--;

	while (indent < len && text[indent] == ' ')
		indent++;
	diag = indent < len && text[indent] == '#';

	nl = memchr(text, '\n', len);
	if (!nl) {
		kunit_output_piece(0, false, text, len);
		return;
	}
	kunit_output_piece(0, false, text, nl - text);
	len -= nl + 1 - text;
	text = nl + 1;
	while (len) {
		size_t piece;

		nl = memchr(text, '\n', len);
		piece = nl ? (size_t)(nl - text) : len;
		kunit_output_piece(indent, diag, text, piece);
		if (!nl)
			break;
		len -= piece + 1;
		text = nl + 1;
	}
}

/**
 * kunit_log_emit() - print formatted text as KTAP lines
 * @fmt: format, optionally starting with a KERN_* level.
 * @...: its arguments.
 *
 * This is what kunit_log() and kunit_info() and friends end up in; see
 * kunit_log_vemit().
 */
void kunit_log_emit(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	kunit_log_vemit(fmt, args);
	va_end(args);
}
EXPORT_SYMBOL_GPL(kunit_log_emit);

/**
 * kunit_enabled() - whether KUnit runs tests
 *
 * Return: always true on the host; running tests is all the program does.
 */
bool kunit_enabled(void)
{
	return true;
}

/**
 * kunit_try_catch_run() - run @body so that it can be aborted
 * @try_catch: the catch point of the running test.
 * @body: the function.
 * @data: its argument.
 *
 * Return: 0 if @body returned, -EINTR if it was aborted, -EFAULT if it
 * crashed.
 */
int kunit_try_catch_run(struct kunit_try_catch *try_catch,
			kunit_try_catch_func_t body, void *data)
{
	int outcome = kunit_host_try(&try_catch->frame, body, data,
				     &try_catch->signal);

	try_catch->try_result = outcome == 0 ? 0 : outcome == 1 ? -EINTR : -EFAULT;
	return try_catch->try_result;
}

/**
 * kunit_try_catch_throw() - abandon the body running under @try_catch
 * @try_catch: the catch point.
 */
void kunit_try_catch_throw(struct kunit_try_catch *try_catch)
{
	kunit_host_throw(try_catch->frame);
}

/**
 * __kunit_abort() - end the running case of @test now
 * @test: the test.
 *
 * Used by KUNIT_ASSERT_*() after the failure was recorded, and by
 * kunit_skip().  Cleanup (the suite's exit function, resources, actions)
 * still runs.
 */
void __kunit_abort(struct kunit *test)
{
	kunit_try_catch_throw(&test->try_catch);
}
EXPORT_SYMBOL_GPL(__kunit_abort);

/**
 * __kunit_do_failed_assertion() - record and report a failed check
 * @test: the test.
 * @loc: where the check is.
 * @type: expectation or assertion.
 * @assert: what was checked and the values seen.
 * @fmt: the user's message format, or NULL.
 * @...: its arguments.
 *
 * Marks @test failed and prints the diagnostic.  The caller aborts for an
 * assertion.
 */
void __kunit_do_failed_assertion(struct kunit *test, const struct kunit_loc *loc,
				 enum kunit_assert_type type,
				 const struct kunit_assert *assert,
				 const char *fmt, ...)
{
	va_list args;

	kunit_set_failure(test);
	va_start(args, fmt);
	kunit_assert_report(test, loc, type, assert, fmt, &args);
	va_end(args);
}
EXPORT_SYMBOL_GPL(__kunit_do_failed_assertion);

/**
 * __kunit_fail_current_test_impl() - fail whatever test the caller runs in
 * @file: source file of the caller.
 * @line: source line of the caller.
 * @fmt: explanation.
 * @...: its arguments.
 */
void __kunit_fail_current_test_impl(const char *file, int line,
				    const char *fmt, ...)
{
	struct kunit *test = current->kunit_test;
	char msg[KUNIT_LINE_MAX / 2];
	va_list args;

	if (!test)
		return;
	kunit_set_failure(test);
	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	kunit_err(test, "%s:%d: %s", file, line, msg);
}
EXPORT_SYMBOL_GPL(__kunit_fail_current_test_impl);

/**
 * kunit_init_test() - prepare a struct kunit for a run
 * @test: the test context.
 * @name: the case name.
 * @log: unused on the host (output is not kept per test).
 */
void kunit_init_test(struct kunit *test, const char *name,
		     struct string_stream *log)
{
	spin_lock_init(&test->lock);
	INIT_LIST_HEAD(&test->resources);
	test->name = name;
	test->try_catch.test = test;
	test->try_catch.frame = NULL;
	test->try_catch.try_result = 0;
	test->status = KUNIT_SUCCESS;
	test->status_comment[0] = '\0';
}
EXPORT_SYMBOL_GPL(kunit_init_test);

/**
 * kunit_suite_num_test_cases() - count the cases of @suite
 * @suite: the suite.
 *
 * Return: the number of cases.
 */
size_t kunit_suite_num_test_cases(struct kunit_suite *suite)
{
	struct kunit_case *test_case;
	size_t n = 0;

	kunit_suite_for_each_test_case(suite, test_case)
		n++;
	return n;
}
EXPORT_SYMBOL_GPL(kunit_suite_num_test_cases);

/**
 * kunit_test_case_num() - the KTAP number of a case within its suite
 * @suite: the suite.
 * @test_case: one of its cases.
 *
 * Return: the 1-based position of @test_case, or 0 if it is not in @suite.
 */
unsigned int kunit_test_case_num(struct kunit_suite *suite,
				 struct kunit_case *test_case)
{
	struct kunit_case *tc;
	unsigned int n = 0;

	kunit_suite_for_each_test_case(suite, tc) {
		n++;
		if (tc == test_case)
			return n;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(kunit_test_case_num);

/**
 * kunit_suite_has_succeeded() - overall status of the last run of @suite
 * @suite: the suite.
 *
 * Return: failure if initialisation or any case failed, else success if any
 * case passed, else skipped.
 */
enum kunit_status kunit_suite_has_succeeded(struct kunit_suite *suite)
{
	const struct kunit_case *tc;
	enum kunit_status status = KUNIT_SKIPPED;

	if (suite->suite_init_err)
		return KUNIT_FAILURE;
	kunit_suite_for_each_test_case(suite, tc) {
		if (tc->status == KUNIT_FAILURE)
			return KUNIT_FAILURE;
		if (tc->status == KUNIT_SUCCESS)
			status = KUNIT_SUCCESS;
	}
	return status;
}
EXPORT_SYMBOL_GPL(kunit_suite_has_succeeded);

static void kunit_count(struct kunit_result_stats *stats,
			enum kunit_status status)
{
	if (status == KUNIT_SUCCESS)
		stats->passed++;
	else if (status == KUNIT_FAILURE)
		stats->failed++;
	else
		stats->skipped++;
	stats->total++;
}

static void kunit_add_stats(struct kunit_result_stats *sum,
			    const struct kunit_result_stats *more)
{
	sum->passed += more->passed;
	sum->skipped += more->skipped;
	sum->failed += more->failed;
	sum->total += more->total;
}

static void kunit_print_stats(const char *indent, const char *name,
			      const struct kunit_result_stats *stats)
{
	if (stats->total < KUNIT_STATS_MIN_TOTAL)
		return;
	kunit_log_emit("%s# %s: pass:%lu fail:%lu skip:%lu total:%lu", indent,
		       name, stats->passed, stats->failed, stats->skipped,
		       stats->total);
}

/* One KTAP result line; @comment is printed after "# SKIP" for skips. */
static void kunit_print_result(const char *indent, enum kunit_status status,
			       size_t number, const char *description,
			       const char *comment)
{
	bool skip = status == KUNIT_SKIPPED;

	kunit_log_emit("%s%s %zu %s%s%s%s", indent,
		       kunit_status_to_ok_not_ok(status), number, description,
		       skip ? " # SKIP" : "",
		       skip && comment && comment[0] ? " " : "",
		       skip && comment ? comment : "");
}

/* ---- warning and allocation accounting --------------------------------- */

/**
 * kunit_unexpected_warnings() - warnings that fired and were not declared
 *
 * Return: the host's count of reported (not suppressed) warnings.
 */
unsigned long kunit_unexpected_warnings(void)
{
	return host_warn_count();
}

static void kunit_accounting_start(struct kunit *test)
{
	test->warn_mark = kunit_unexpected_warnings();
	test->absorbed_mark = READ_ONCE(kunit_warnings_absorbed);
	test->alloc_mark = host_alloc_outstanding();
	test->lock_mark = current->lockdep_depth;
}

/* Return: the number of undeclared warnings charged to this run. */
static unsigned long kunit_accounting_finish(struct kunit *test)
{
	unsigned long fired = kunit_unexpected_warnings() - test->warn_mark;
	unsigned long nested = READ_ONCE(kunit_warnings_absorbed) -
			       test->absorbed_mark;
	unsigned long own = fired > nested ? fired - nested : 0;
	long leaked = host_alloc_outstanding() - test->alloc_mark;
	int locks = current->lockdep_depth - test->lock_mark;

	/* An injected failure the test did not use must not hit the runner. */
	current->fail_nth = 0;

	if (locks > 0) {
		kunit_set_failure(test);
		kunit_err(test, "test ended holding %d lock%s (aborted while locked?)",
			  locks, locks == 1 ? "" : "s");
	}
	if (own) {
		kunit_set_failure(test);
		kunit_err(test,
			  "%lu unexpected warning%s (WARN) fired during the test; declare expected ones with START_SUPPRESSED_WARNING()",
			  own, own == 1 ? "" : "s");
		WRITE_ONCE(kunit_warnings_absorbed,
			   kunit_warnings_absorbed + own);
	}
	/* Memory freed through RCU counts until its grace period ended. */
	if (leaked > 0) {
		rcu_barrier();
		leaked = host_alloc_outstanding() - test->alloc_mark;
	}
	if (leaked > 0)
		kunit_info(test, "note: %ld allocation%s still outstanding after the test (possible leak)",
			   leaked, leaked == 1 ? "" : "s");
	return own;
}

/* ---- running one case -------------------------------------------------- */

struct kunit_case_ctx {
	struct kunit *test;
	struct kunit_suite *suite;
	struct kunit_case *test_case;
};

static void kunit_case_body(void *data)
{
	struct kunit_case_ctx *ctx = data;
	struct kunit *test = ctx->test;

	if (ctx->suite->init) {
		int err = ctx->suite->init(test);

		if (err) {
			kunit_err(test, "failed to initialize: %d", err);
			kunit_set_failure(test);
			return;
		}
	}
	ctx->test_case->run_case(test);
}

static void kunit_case_exit(void *data)
{
	struct kunit_case_ctx *ctx = data;

	if (ctx->suite->exit)
		ctx->suite->exit(ctx->test);
	kunit_cleanup(ctx->test);
}

static void kunit_case_release(void *data)
{
	kunit_cleanup(data);
}

/*
 * Like an oops in a kernel test thread, a crash fails the case and the run
 * goes on.  Locks the case held stay held; the runner says so afterwards.
 */
static void kunit_report_crash(struct kunit *test, const char *when)
{
	int sig = test->try_catch.signal;

	kunit_set_failure(test);
	kunit_err(test, "test crashed%s: %s (signal %d)", when,
		  kunit_host_signal_name(sig), sig);
}

/*
 * One run of a case (one parameter of a parameterised case), from init to
 * cleanup.  Returns the number of unexpected warnings the run produced.
 */
static unsigned long kunit_run_case_once(struct kunit_suite *suite,
					 struct kunit_case *test_case,
					 struct kunit *test)
{
	struct kunit_case_ctx ctx = {
		.test = test, .suite = suite, .test_case = test_case,
	};
	unsigned long warnings;
	int err;

	test->outer = current->kunit_test;
	kunit_accounting_start(test);
	current->kunit_test = test;

	if (kunit_try_catch_run(&test->try_catch, kunit_case_body, &ctx) == -EFAULT)
		kunit_report_crash(test, "");
	/* Declarations left active point into the case's dead stack frame. */
	kunit_suppress_release_owned(test);

	err = kunit_try_catch_run(&test->try_catch, kunit_case_exit, &ctx);
	if (err) {
		kunit_set_failure(test);
		if (err == -EFAULT)
			kunit_report_crash(test, " during cleanup");
		kunit_err(test, "test aborted during cleanup; releasing the rest of its resources");
		/* Each attempt drops at least the resource that failed. */
		while (kunit_try_catch_run(&test->try_catch,
					   kunit_case_release, test))
			;
	}
	kunit_suppress_release_owned(test);

	current->kunit_test = test->outer;
	warnings = kunit_accounting_finish(test);
	test->outer = NULL;

	if (test->status == KUNIT_FAILURE)
		test_case->status = KUNIT_FAILURE;
	else if (test_case->status != KUNIT_FAILURE &&
		 test->status == KUNIT_SUCCESS)
		test_case->status = KUNIT_SUCCESS;
	return warnings;
}

static void kunit_print_attributes(struct kunit_case *test_case)
{
	static const char * const speed_names[] = {
		[KUNIT_SPEED_VERY_SLOW] = "very_slow",
		[KUNIT_SPEED_SLOW] = "slow",
	};
	enum kunit_speed speed = test_case->attr.speed;

	if (speed == KUNIT_SPEED_VERY_SLOW || speed == KUNIT_SPEED_SLOW)
		kunit_log_emit(KUNIT_SUBTEST_INDENT "# %s.speed: %s",
			       test_case->name, speed_names[speed]);
}

/*
 * Run every case of @suite, printing it as subtest @number.  @cases and
 * @runs receive the suite's counts (per case, and per run).  Returns the
 * number of unexpected warnings.
 */
static unsigned long kunit_run_suite_cases(struct kunit_suite *suite,
					   struct kunit_result_stats *cases,
					   struct kunit_result_stats *runs)
{
	char param_desc[KUNIT_PARAM_DESC_SIZE];
	struct kunit_case *test_case;
	unsigned long warnings = 0;
	size_t number = 0;

	kunit_suite_for_each_test_case(suite, test_case) {
		struct kunit_result_stats case_runs = { 0 };
		struct kunit test = { .param_value = NULL, .param_index = 0 };

		number++;
		kunit_init_test(&test, test_case->name, NULL);

		if (!test_case->generate_params) {
			test_case->status = KUNIT_SKIPPED;
			warnings += kunit_run_case_once(suite, test_case, &test);
			kunit_count(&case_runs, test.status);
		} else {
			test_case->status = KUNIT_SKIPPED;
			param_desc[0] = '\0';
			test.param_value = test_case->generate_params(NULL,
								      param_desc);
			kunit_log_emit(KUNIT_SUBSUBTEST_INDENT "KTAP version 1");
			kunit_log_emit(KUNIT_SUBSUBTEST_INDENT "# Subtest: %s",
				       test_case->name);

			while (test.param_value) {
				warnings += kunit_run_case_once(suite, test_case,
								&test);
				if (!param_desc[0])
					snprintf(param_desc, sizeof(param_desc),
						 "param-%d", test.param_index);
				kunit_print_result(KUNIT_SUBSUBTEST_INDENT,
						   test.status,
						   test.param_index + 1,
						   param_desc,
						   test.status_comment);
				kunit_count(&case_runs, test.status);

				param_desc[0] = '\0';
				test.param_value =
					test_case->generate_params(test.param_value,
								   param_desc);
				test.param_index++;
				test.status = KUNIT_SUCCESS;
				test.status_comment[0] = '\0';
				test.priv = NULL;
			}
		}

		kunit_print_attributes(test_case);
		kunit_print_stats(KUNIT_SUBTEST_INDENT, test_case->name,
				  &case_runs);
		kunit_print_result(KUNIT_SUBTEST_INDENT, test_case->status,
				   number, test_case->name,
				   test.status_comment);

		kunit_count(cases, test_case->status);
		kunit_add_stats(runs, &case_runs);
	}
	return warnings;
}

/**
 * kunit_run_suite() - run one suite and print it as KTAP subtest @number
 * @suite: the suite.
 * @number: its number in the enclosing plan.
 * @cases: if not NULL, receives per-case counts.
 * @runs: if not NULL, receives per-run counts (parameters counted singly).
 *
 * Return: the number of unexpected warnings the suite's cases produced.
 */
unsigned long kunit_run_suite(struct kunit_suite *suite, size_t number,
			      struct kunit_result_stats *cases,
			      struct kunit_result_stats *runs)
{
	struct kunit_result_stats case_stats = { 0 };
	struct kunit_result_stats run_stats = { 0 };
	unsigned long warnings = 0;

	suite->status_comment[0] = '\0';
	suite->suite_init_err = 0;

	if (suite->suite_init) {
		suite->suite_init_err = suite->suite_init(suite);
		if (suite->suite_init_err) {
			kunit_log_emit(KUNIT_SUBTEST_INDENT "# %s: failed to initialize (%d)",
				       suite->name, suite->suite_init_err);
			goto print_result;
		}
	}

	kunit_log_emit(KUNIT_SUBTEST_INDENT "KTAP version 1");
	kunit_log_emit(KUNIT_SUBTEST_INDENT "# Subtest: %s", suite->name);
	kunit_log_emit(KUNIT_SUBTEST_INDENT "1..%zu",
		       kunit_suite_num_test_cases(suite));

	warnings = kunit_run_suite_cases(suite, &case_stats, &run_stats);

	if (suite->suite_exit)
		suite->suite_exit(suite);

	kunit_print_stats("", suite->name, &case_stats);
	kunit_print_stats("", "Totals", &run_stats);

print_result:
	kunit_print_result("", kunit_suite_has_succeeded(suite), number,
			   suite->name, suite->status_comment);
	if (cases)
		kunit_add_stats(cases, &case_stats);
	if (runs)
		kunit_add_stats(runs, &run_stats);
	return warnings;
}

/**
 * kunit_run_tests() - run one suite, numbering it after the previous one
 * @suite: the suite.
 *
 * Return: 0.
 */
int kunit_run_tests(struct kunit_suite *suite)
{
	kunit_run_suite(suite, kunit_next_suite_number++, NULL, NULL);
	return 0;
}
EXPORT_SYMBOL_GPL(kunit_run_tests);

/**
 * __kunit_test_suites_init() - run an array of suites, numbered from 1
 * @suites: the suites.
 * @num_suites: how many.
 *
 * Return: 0.
 */
int __kunit_test_suites_init(struct kunit_suite * const * const suites,
			     int num_suites)
{
	int i;

	kunit_next_suite_number = 1;
	for (i = 0; i < num_suites; i++)
		kunit_run_tests(suites[i]);
	return 0;
}
EXPORT_SYMBOL_GPL(__kunit_test_suites_init);

/**
 * kunit_run_suite_captured() - run a suite on the side, for testing KUnit
 * @test: the test asking; owns the captured output.
 * @suite: the suite to run.
 * @result: filled in with the outcome and the KTAP text printed.
 *
 * The suite's output goes to a buffer instead of the real output, and the
 * warnings its cases did not expect are charged to those cases, not to
 * @test.  Its cases' statuses are left in @suite for inspection.
 *
 * Return: 0, or -ENOMEM if no output buffer could be allocated.
 */
int kunit_run_suite_captured(struct kunit *test, struct kunit_suite *suite,
			     struct kunit_run_result *result)
{
	struct kunit_capture capture = { .size = KUNIT_CAPTURE_SIZE };
	struct kunit_capture *saved;

	memset(result, 0, sizeof(*result));
	capture.buf = kunit_kzalloc(test, capture.size, GFP_KERNEL);
	if (!capture.buf)
		return -ENOMEM;

	saved = kunit_capture_swap(&capture);
	kunit_log_emit("KTAP version 1");
	kunit_log_emit("1..1");
	result->warnings = kunit_run_suite(suite, 1, &result->cases,
					   &result->runs);
	kunit_capture_swap(saved);

	result->status = kunit_suite_has_succeeded(suite);
	result->output = capture.buf;
	result->output_len = capture.len;
	result->truncated = capture.truncated;
	return 0;
}
