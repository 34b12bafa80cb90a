/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit test API, host edition.
 *
 * Test suites written against this header are ordinary KUnit suites: the
 * structures, macros and helpers carry KUnit's names and behave as KUnit
 * documents them.  The runner behind them lives in tools/testing/iommu/kunit/
 * and prints KTAP version 1 the way the in-kernel executor does.
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <kunit/assert.h>
#include <kunit/try-catch.h>

#include <linux/array_size.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <linux/types.h>

struct kunit;

/* Room for the description a parameter generator may write. */
#define KUNIT_PARAM_DESC_SIZE 128

/* Room for a status comment, e.g. the reason a test was skipped. */
#define KUNIT_STATUS_COMMENT_SIZE 256

/* KTAP nests a subtest four columns deeper than its parent. */
#define KUNIT_INDENT_LEN		4
#define KUNIT_SUBTEST_INDENT		"    "
#define KUNIT_SUBSUBTEST_INDENT		"        "

/**
 * enum kunit_status - outcome of a test, a parameter run or a suite
 * @KUNIT_SUCCESS: nothing failed (and it was not skipped).
 * @KUNIT_FAILURE: at least one check failed, or the runner found a fault.
 * @KUNIT_SKIPPED: the test was skipped.
 */
enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

/**
 * enum kunit_speed - how long a test case is expected to take
 * @KUNIT_SPEED_UNSET: not stated; treated as normal.
 * @KUNIT_SPEED_VERY_SLOW: very slow.
 * @KUNIT_SPEED_SLOW: slow (more than about a second).
 * @KUNIT_SPEED_NORMAL: normal.
 * @KUNIT_SPEED_MAX: the largest valid value.
 */
enum kunit_speed {
	KUNIT_SPEED_UNSET,
	KUNIT_SPEED_VERY_SLOW,
	KUNIT_SPEED_SLOW,
	KUNIT_SPEED_NORMAL,
	KUNIT_SPEED_MAX = KUNIT_SPEED_NORMAL,
};

/**
 * struct kunit_attributes - attributes of a test case or suite
 * @speed: expected run time class.
 */
struct kunit_attributes {
	enum kunit_speed speed;
};

/**
 * struct kunit_case - one test case of a suite
 * @run_case: the test function.
 * @name: its name, as printed in the KTAP output.
 * @generate_params: for parameterised cases, the generator: called with
 *	NULL first and then with the previous value, it returns the next
 *	parameter or NULL when there are no more, and may write a description
 *	of up to %KUNIT_PARAM_DESC_SIZE bytes into its second argument.
 * @attr: attributes of the case.
 *
 * Build entries with KUNIT_CASE() and friends; an array of cases ends with
 * an all-zero entry.
 */
struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);
	struct kunit_attributes attr;

	/* private: internal use only. */
	enum kunit_status status;
	char *module_name;
};

/**
 * KUNIT_CASE() - declare a test case
 * @test_name: the test function; its name becomes the case name.
 */
#define KUNIT_CASE(test_name)						\
	{ .run_case = (test_name), .name = #test_name }

/**
 * KUNIT_CASE_ATTR() - declare a test case with attributes
 * @test_name: the test function.
 * @attributes: a struct kunit_attributes initializer.
 */
#define KUNIT_CASE_ATTR(test_name, attributes)				\
	{ .run_case = (test_name), .name = #test_name,			\
	  .attr = attributes }

/**
 * KUNIT_CASE_SLOW() - declare a test case that is known to be slow
 * @test_name: the test function.
 */
#define KUNIT_CASE_SLOW(test_name)					\
	{ .run_case = (test_name), .name = #test_name,			\
	  .attr.speed = KUNIT_SPEED_SLOW }

/**
 * KUNIT_CASE_PARAM() - declare a parameterised test case
 * @test_name: the test function; it finds its parameter in
 *	test->param_value.
 * @gen_params: the parameter generator, see &struct kunit_case.
 */
#define KUNIT_CASE_PARAM(test_name, gen_params)				\
	{ .run_case = (test_name), .name = #test_name,			\
	  .generate_params = (gen_params) }

/**
 * KUNIT_CASE_PARAM_ATTR() - declare a parameterised test case with attributes
 * @test_name: the test function.
 * @gen_params: the parameter generator.
 * @attributes: a struct kunit_attributes initializer.
 */
#define KUNIT_CASE_PARAM_ATTR(test_name, gen_params, attributes)	\
	{ .run_case = (test_name), .name = #test_name,			\
	  .generate_params = (gen_params), .attr = attributes }

/**
 * struct kunit_suite - a named collection of test cases
 * @name: suite name, as printed and as matched by the filter glob.
 * @suite_init: optional, runs once before the first case; a non-zero
 *	return fails the whole suite without running any case.
 * @suite_exit: optional, runs once after the last case.
 * @init: optional, runs before every case (every parameter of a
 *	parameterised case); a non-zero return fails that run.
 * @exit: optional, runs after every case, even when @init failed or the
 *	case aborted.
 * @test_cases: the cases, ending with an all-zero entry.
 * @attr: attributes of the suite.
 *
 * The private part records the outcome of the last run: what @suite_init
 * returned and the comment printed with the suite's result.
 */
struct kunit_suite {
	const char name[256];
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;
	struct kunit_attributes attr;

	/* private: internal use only */
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	int suite_init_err;
	bool is_init;
};

/**
 * struct kunit_suite_set - a range of suite pointers
 * @start: first pointer.
 * @end: one past the last pointer.
 */
struct kunit_suite_set {
	struct kunit_suite * const *start;
	struct kunit_suite * const *end;
};

/**
 * struct kunit - the context of one running test case
 * @priv: free for the test's own use, typically set up by the suite's init
 *	function.  Cleared between the runs of a parameterised case.
 *
 * Everything else is private to the runner, except that a parameterised
 * case reads its parameter from @param_value (and its index, from 0, from
 * @param_index).  The runner keeps here the case name, the catch point an
 * assertion unwinds to, the status and its comment, the resources to
 * release, and the host counters (warnings, allocations, locks held)
 * sampled when the run started.
 */
struct kunit {
	void *priv;

	/* private: internal use only. */
	const char *name;
	struct kunit_try_catch try_catch;
	const void *param_value;
	int param_index;
	/* Protects status and resources against other threads of the test. */
	spinlock_t lock;
	enum kunit_status status;
	struct list_head resources;
	char status_comment[KUNIT_STATUS_COMMENT_SIZE];
	struct kunit_loc last_seen;

	struct kunit *outer;
	unsigned long warn_mark;
	unsigned long absorbed_mark;
	long alloc_mark;
	int lock_mark;
};

/**
 * kunit_set_failure() - mark @test as failed
 * @test: the test.
 */
static inline void kunit_set_failure(struct kunit *test)
{
	WRITE_ONCE(test->status, KUNIT_FAILURE);
}

/**
 * kunit_status_to_ok_not_ok() - KTAP result word for a status
 * @status: the status.
 *
 * Return: "not ok" for a failure, "ok" otherwise.
 */
static inline const char *kunit_status_to_ok_not_ok(enum kunit_status status)
{
	return status == KUNIT_FAILURE ? "not ok" : "ok";
}

bool kunit_enabled(void);
const char *kunit_action(void);
const char *kunit_filter_glob(void);

struct string_stream;
void kunit_init_test(struct kunit *test, const char *name,
		     struct string_stream *log);
int kunit_run_tests(struct kunit_suite *suite);
size_t kunit_suite_num_test_cases(struct kunit_suite *suite);
unsigned int kunit_test_case_num(struct kunit_suite *suite,
				 struct kunit_case *test_case);
enum kunit_status kunit_suite_has_succeeded(struct kunit_suite *suite);

struct kunit_suite_set
kunit_filter_suites(const struct kunit_suite_set *suite_set,
		    const char *filter_glob, char *filters, char *filter_action,
		    int *err);
void kunit_free_suite_set(struct kunit_suite_set suite_set);
void kunit_exec_run_tests(struct kunit_suite_set *suite_set, bool builtin);
void kunit_exec_list_tests(struct kunit_suite_set *suite_set, bool include_attr);
int __kunit_test_suites_init(struct kunit_suite * const * const suites,
			     int num_suites);

/* Registration: the linker collects the pointers into one array. */
#define KUNIT_SUITE_SECTION "kunit_test_suites"

#define __kunit_test_suites(array_name, ...)				\
	static struct kunit_suite *(array_name)[]			\
	__aligned(sizeof(struct kunit_suite *)) __used			\
	__section(KUNIT_SUITE_SECTION) = { __VA_ARGS__ }

/**
 * kunit_test_suites() - register suites with the runner
 * @...: pointers to statically allocated &struct kunit_suite.
 */
#define kunit_test_suites(...)						\
	__kunit_test_suites(__UNIQUE_ID(kunit_suites_), __VA_ARGS__)

/**
 * kunit_test_suite() - register one suite with the runner
 * @suite: a statically allocated &struct kunit_suite (not a pointer).
 */
#define kunit_test_suite(suite)	kunit_test_suites(&(suite))

/*
 * The host has no init sections to discard, so suites that touch __init
 * code are registered like any other.
 */
#define kunit_test_init_section_suites(...)	kunit_test_suites(__VA_ARGS__)
#define kunit_test_init_section_suite(suite)	kunit_test_suite(suite)

/*
 * Walks @test_case (a struct kunit_case pointer) over the cases of @suite;
 * each argument is evaluated once.
 */
#define kunit_suite_for_each_test_case(suite, test_case)		\
	for (typeof(test_case) *__kunit_tc = &(test_case),		\
	     __maybe_unused __kunit_tc0 = (*__kunit_tc = (suite)->test_cases); \
	     (*__kunit_tc)->run_case; (*__kunit_tc)++)

/**
 * kunit_kmalloc_array() - kmalloc_array() released when the test ends
 * @test: the test that owns the memory.
 * @n: number of elements.
 * @size: size of one element.
 * @gfp: allocation flags.
 *
 * Return: the memory, or NULL on failure.
 */
void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp);

/**
 * kunit_kfree() - release test-managed memory early
 * @test: the owning test.
 * @ptr: memory from kunit_kmalloc() and friends; NULL is ignored.
 */
void kunit_kfree(struct kunit *test, const void *ptr);

/**
 * kunit_kmalloc() - kmalloc() released when the test ends
 * @test: the owning test.
 * @size: bytes wanted.
 * @gfp: allocation flags.
 *
 * Return: the memory, or NULL on failure.
 */
static inline void *kunit_kmalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, 1, size, gfp);
}

/**
 * kunit_kzalloc() - zeroed kunit_kmalloc()
 * @test: the owning test.
 * @size: bytes wanted.
 * @gfp: allocation flags.
 *
 * Return: the memory, or NULL on failure.
 */
static inline void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc(test, size, gfp | __GFP_ZERO);
}

/**
 * kunit_kcalloc() - zeroed kunit_kmalloc_array()
 * @test: the owning test.
 * @n: number of elements.
 * @size: size of one element.
 * @gfp: allocation flags.
 *
 * Return: the memory, or NULL on failure.
 */
static inline void *kunit_kcalloc(struct kunit *test, size_t n, size_t size,
				  gfp_t gfp)
{
	return kunit_kmalloc_array(test, n, size, gfp | __GFP_ZERO);
}

/**
 * kunit_kstrdup() - kstrdup() released when the test ends
 * @test: the owning test.
 * @str: string to copy, may be NULL.
 * @gfp: allocation flags.
 *
 * Return: the copy, or NULL if @str is NULL or allocation failed.
 */
static inline char *kunit_kstrdup(struct kunit *test, const char *str,
				  gfp_t gfp)
{
	size_t bytes;
	char *copy;

	if (!str)
		return NULL;
	bytes = strlen(str) + 1;
	copy = kunit_kmalloc(test, bytes, gfp);
	if (copy)
		memcpy(copy, str, bytes);
	return copy;
}

void kunit_cleanup(struct kunit *test);

/**
 * kunit_mark_skipped() - record that @test is skipped, and carry on
 * @test_or_suite: the test.
 * @fmt: printf-style reason, printed after "# SKIP".
 * @...: arguments for @fmt.
 */
#define kunit_mark_skipped(test_or_suite, fmt, ...)			\
	do {								\
		typeof(test_or_suite) __kunit_ms = (test_or_suite);	\
									\
		WRITE_ONCE(__kunit_ms->status, KUNIT_SKIPPED);		\
		scnprintf(__kunit_ms->status_comment,			\
			  KUNIT_STATUS_COMMENT_SIZE, fmt, ##__VA_ARGS__); \
	} while (0)

/**
 * kunit_skip() - skip @test and stop running it
 * @test_or_suite: the test.
 * @fmt: printf-style reason, printed after "# SKIP".
 * @...: arguments for @fmt.
 */
#define kunit_skip(test_or_suite, fmt, ...)				\
	do {								\
		typeof(test_or_suite) __kunit_sk = (test_or_suite);	\
									\
		kunit_mark_skipped(__kunit_sk, fmt, ##__VA_ARGS__);	\
		__kunit_abort(__kunit_sk);				\
	} while (0)

void __printf(1, 2) kunit_log_emit(const char *fmt, ...);

/**
 * kunit_log() - print one KTAP line (or several) for a test or suite
 * @lvl: a KERN_* level, kept for source compatibility.
 * @test_or_suite: the test or suite the line belongs to.
 * @fmt: printf-style format, without a trailing newline.
 * @...: arguments for @fmt.
 */
#define kunit_log(lvl, test_or_suite, fmt, ...)				\
	do {								\
		(void)(test_or_suite);					\
		kunit_log_emit(lvl fmt, ##__VA_ARGS__);			\
	} while (0)

#define kunit_printk(lvl, test, fmt, ...)				\
	do {								\
		struct kunit *__kunit_pt = (test);			\
									\
		kunit_log(lvl, __kunit_pt, KUNIT_SUBTEST_INDENT "# %s: " fmt, \
			  __kunit_pt->name, ##__VA_ARGS__);		\
	} while (0)

/**
 * kunit_info() - print an informational diagnostic for @test
 * @test: the test.
 * @fmt: printf-style format.
 * @...: arguments for @fmt.
 */
#define kunit_info(test, fmt, ...)					\
	kunit_printk(KERN_INFO, test, fmt, ##__VA_ARGS__)

/**
 * kunit_warn() - print a warning diagnostic for @test
 * @test: the test.
 * @fmt: printf-style format.
 * @...: arguments for @fmt.
 */
#define kunit_warn(test, fmt, ...)					\
	kunit_printk(KERN_WARNING, test, fmt, ##__VA_ARGS__)

/**
 * kunit_err() - print an error diagnostic for @test
 * @test: the test.
 * @fmt: printf-style format.
 * @...: arguments for @fmt.
 *
 * This only prints; it does not fail the test.
 */
#define kunit_err(test, fmt, ...)					\
	kunit_printk(KERN_ERR, test, fmt, ##__VA_ARGS__)

/* ---- checks ------------------------------------------------------------ */

/* Record where @test last reached a check, for crash reports. */
static inline void __kunit_save_loc(struct kunit *test, const char *file, int line)
{
	WRITE_ONCE(test->last_seen.file, file);
	WRITE_ONCE(test->last_seen.line, line);
}

#define _KUNIT_SAVE_LOC(test) __kunit_save_loc(test, __FILE__, __LINE__)

/**
 * KUNIT_SUCCEED() - a check that always passes, for readability
 * @test: the test.
 */
#define KUNIT_SUCCEED(test) _KUNIT_SAVE_LOC(test)

void __noreturn __kunit_abort(struct kunit *test);

void __printf(5, 6)
__kunit_do_failed_assertion(struct kunit *test, const struct kunit_loc *loc,
			    enum kunit_assert_type type,
			    const struct kunit_assert *assert,
			    const char *fmt, ...);

/*
 * Report a failed check described by the struct kunit_assert initializer
 * @desc and, for an assertion, abort the case.
 */
#define _KUNIT_REPORT(test, assert_type, desc, fmt, ...)		\
	do {								\
		static const struct kunit_loc __kunit_loc =		\
			KUNIT_CURRENT_LOC;				\
		const struct kunit_assert __kunit_desc = desc;		\
		struct kunit *__kunit_rt = (test);			\
		const enum kunit_assert_type __kunit_at = (assert_type); \
									\
		__kunit_do_failed_assertion(__kunit_rt, &__kunit_loc,	\
					    __kunit_at, &__kunit_desc,	\
					    fmt, ##__VA_ARGS__);	\
		if (__kunit_at == KUNIT_ASSERTION)			\
			__kunit_abort(__kunit_rt);			\
	} while (0)

/* Lets an initializer with commas travel through one macro argument. */
#define KUNIT_INIT_ASSERT(fields...) { fields }

#define KUNIT_FAIL_ASSERTION(test, assert_type, fmt, ...)		\
	do {								\
		struct kunit *__kunit_test = (test);			\
									\
		_KUNIT_SAVE_LOC(__kunit_test);				\
		_KUNIT_REPORT(__kunit_test, assert_type,		\
			      KUNIT_INIT_ASSERT(.kind =			\
					KUNIT_ASSERT_KIND_FAIL),	\
			      fmt, ##__VA_ARGS__);			\
	} while (0)

/**
 * KUNIT_FAIL() - record a failure unconditionally
 * @test: the test.
 * @fmt: printf-style message.
 * @...: arguments for @fmt.
 */
#define KUNIT_FAIL(test, fmt, ...)					\
	KUNIT_FAIL_ASSERTION(test, KUNIT_EXPECTATION, fmt, ##__VA_ARGS__)

/**
 * KUNIT_FAIL_AND_ABORT() - record a failure and end the case
 * @test: the test.
 * @fmt: printf-style message.
 * @...: arguments for @fmt.
 */
#define KUNIT_FAIL_AND_ABORT(test, fmt, ...)				\
	KUNIT_FAIL_ASSERTION(test, KUNIT_ASSERTION, fmt, ##__VA_ARGS__)

#define KUNIT_UNARY_ASSERTION(test, assert_type, cond, want, fmt, ...)	\
	do {								\
		struct kunit *__kunit_test = (test);			\
		const bool __kunit_want = (want);			\
									\
		_KUNIT_SAVE_LOC(__kunit_test);				\
		if (likely(!!(cond) == __kunit_want))			\
			break;						\
		_KUNIT_REPORT(__kunit_test, assert_type,		\
			      KUNIT_INIT_ASSERT(.kind =			\
					KUNIT_ASSERT_KIND_BOOL,		\
					.condition = #cond,		\
					.expected_true = __kunit_want),	\
			      fmt, ##__VA_ARGS__);			\
	} while (0)

#define KUNIT_TRUE_MSG_ASSERTION(test, assert_type, cond, fmt, ...)	\
	KUNIT_UNARY_ASSERTION(test, assert_type, cond, true, fmt,	\
			      ##__VA_ARGS__)

#define KUNIT_FALSE_MSG_ASSERTION(test, assert_type, cond, fmt, ...)	\
	KUNIT_UNARY_ASSERTION(test, assert_type, cond, false, fmt,	\
			      ##__VA_ARGS__)

#define __KUNIT_UNPAREN(...) __VA_ARGS__

/*
 * How the two-operand checks compare their operands, the locals
 * __kunit_l and __kunit_r (and __kunit_n bytes for memory).
 */
#define __KUNIT_CMP_VALUES(op)	(__kunit_l op __kunit_r)
#define __KUNIT_CMP_STRS(op)						\
	(__kunit_l && __kunit_r && strcmp(__kunit_l, __kunit_r) op 0)
#define __KUNIT_CMP_MEMS(op)						\
	(__kunit_l && __kunit_r && memcmp(__kunit_l, __kunit_r, __kunit_n) op 0)

/*
 * The shared body of the two-operand checks. Each operand (and then
 * @size_, used only by memory checks) is evaluated exactly once, into a
 * local, before anything is compared or reported. @cmp is one of the
 * __KUNIT_CMP_*() above; @fields, in parentheses, fill in the rest of the
 * failure description.
 */
#define __KUNIT_BINARY_CHECK(test, assert_type, ltype, left, op, rtype,	\
			     right, size_, cmp, fields, fmt, ...)	\
	do {								\
		struct kunit *__kunit_test = (test);			\
		ltype __kunit_l = (left);				\
		rtype __kunit_r = (right);				\
		const size_t __kunit_n __maybe_unused = (size_);	\
		static const struct kunit_binary_assert_text __kunit_t = { \
			.operation = #op,				\
			.left_text = #left,				\
			.right_text = #right,				\
		};							\
									\
		_KUNIT_SAVE_LOC(__kunit_test);				\
		if (likely(cmp(op)))					\
			break;						\
		_KUNIT_REPORT(__kunit_test, assert_type,		\
			      KUNIT_INIT_ASSERT(.text = &__kunit_t,	\
						__KUNIT_UNPAREN fields), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

#define KUNIT_BINARY_INT_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	__KUNIT_BINARY_CHECK(test, assert_type,				\
			     const typeof(left), left, op,		\
			     const typeof(right), right, 0,		\
			     __KUNIT_CMP_VALUES,			\
			     (.kind = KUNIT_ASSERT_KIND_INT,		\
			      .left_value.as_int = (long long)__kunit_l,	\
			      .right_value.as_int = (long long)__kunit_r),	\
			     fmt, ##__VA_ARGS__)

#define KUNIT_BINARY_PTR_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	__KUNIT_BINARY_CHECK(test, assert_type,				\
			     const typeof(left), left, op,		\
			     const typeof(right), right, 0,		\
			     __KUNIT_CMP_VALUES,			\
			     (.kind = KUNIT_ASSERT_KIND_PTR,		\
			      .left_value.as_ptr = (const void *)__kunit_l,	\
			      .right_value.as_ptr = (const void *)__kunit_r), \
			     fmt, ##__VA_ARGS__)

#define KUNIT_BINARY_STR_ASSERTION(test, assert_type, left, op, right,	\
				   fmt, ...)				\
	__KUNIT_BINARY_CHECK(test, assert_type,				\
			     const char *, left, op,			\
			     const char *, right, 0,			\
			     __KUNIT_CMP_STRS,				\
			     (.kind = KUNIT_ASSERT_KIND_STR,		\
			      .left_value.as_str = __kunit_l,		\
			      .right_value.as_str = __kunit_r),		\
			     fmt, ##__VA_ARGS__)

#define KUNIT_MEM_ASSERTION(test, assert_type, left, op, right, size_,	\
			    fmt, ...)					\
	__KUNIT_BINARY_CHECK(test, assert_type,				\
			     const void *, left, op,			\
			     const void *, right, size_,		\
			     __KUNIT_CMP_MEMS,				\
			     (.kind = KUNIT_ASSERT_KIND_MEM,		\
			      .left_value.as_ptr = __kunit_l,		\
			      .right_value.as_ptr = __kunit_r,		\
			      .size = __kunit_n),			\
			     fmt, ##__VA_ARGS__)

#define KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, assert_type, ptr,	\
						fmt, ...)		\
	do {								\
		struct kunit *__kunit_test = (test);			\
		const typeof(ptr) __kunit_p = (ptr);			\
									\
		_KUNIT_SAVE_LOC(__kunit_test);				\
		if (!IS_ERR_OR_NULL(__kunit_p))				\
			break;						\
		_KUNIT_REPORT(__kunit_test, assert_type,		\
			      KUNIT_INIT_ASSERT(.kind =			\
					KUNIT_ASSERT_KIND_NOT_ERR_OR_NULL, \
					.condition = #ptr,		\
					.left_value.as_ptr = (const void *)__kunit_p), \
			      fmt, ##__VA_ARGS__);			\
	} while (0)

/*
 * The public checks.  KUNIT_EXPECT_*() records a failure and lets the case
 * continue; KUNIT_ASSERT_*() records it and ends the case.  Every check has
 * a _MSG form taking a printf-style message printed under the failure.
 */
#define KUNIT_EXPECT_TRUE(test, condition)				\
	KUNIT_EXPECT_TRUE_MSG(test, condition, NULL)
#define KUNIT_EXPECT_TRUE_MSG(test, condition, fmt, ...)		\
	KUNIT_TRUE_MSG_ASSERTION(test, KUNIT_EXPECTATION, condition,	\
				 fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_TRUE(test, condition)				\
	KUNIT_ASSERT_TRUE_MSG(test, condition, NULL)
#define KUNIT_ASSERT_TRUE_MSG(test, condition, fmt, ...)		\
	KUNIT_TRUE_MSG_ASSERTION(test, KUNIT_ASSERTION, condition,	\
				 fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_FALSE(test, condition)				\
	KUNIT_EXPECT_FALSE_MSG(test, condition, NULL)
#define KUNIT_EXPECT_FALSE_MSG(test, condition, fmt, ...)		\
	KUNIT_FALSE_MSG_ASSERTION(test, KUNIT_EXPECTATION, condition,	\
				  fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_FALSE(test, condition)				\
	KUNIT_ASSERT_FALSE_MSG(test, condition, NULL)
#define KUNIT_ASSERT_FALSE_MSG(test, condition, fmt, ...)		\
	KUNIT_FALSE_MSG_ASSERTION(test, KUNIT_ASSERTION, condition,	\
				  fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_EQ(test, left, right)				\
	KUNIT_EXPECT_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_EQ(test, left, right)				\
	KUNIT_ASSERT_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_NE(test, left, right)				\
	KUNIT_EXPECT_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NE(test, left, right)				\
	KUNIT_ASSERT_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_LT(test, left, right)				\
	KUNIT_EXPECT_LT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, <, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LT(test, left, right)				\
	KUNIT_ASSERT_LT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, <, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_LE(test, left, right)				\
	KUNIT_EXPECT_LE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_LE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, <=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_LE(test, left, right)				\
	KUNIT_ASSERT_LE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_LE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, <=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_GT(test, left, right)				\
	KUNIT_EXPECT_GT_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, >, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GT(test, left, right)				\
	KUNIT_ASSERT_GT_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GT_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, >, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_GE(test, left, right)				\
	KUNIT_EXPECT_GE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_GE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, >=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_GE(test, left, right)				\
	KUNIT_ASSERT_GE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_GE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_INT_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, >=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_PTR_EQ(test, left, right)				\
	KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_PTR_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_EQ(test, left, right)				\
	KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_PTR_EQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_PTR_NE(test, left, right)				\
	KUNIT_EXPECT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_PTR_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_PTR_NE(test, left, right)				\
	KUNIT_ASSERT_PTR_NE_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_PTR_NE_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_NULL(test, ptr)					\
	KUNIT_EXPECT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   ptr, ==, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NULL(test, ptr)					\
	KUNIT_ASSERT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   ptr, ==, NULL, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_NOT_NULL(test, ptr)				\
	KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   ptr, !=, NULL, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_NULL(test, ptr)				\
	KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_NULL_MSG(test, ptr, fmt, ...)			\
	KUNIT_BINARY_PTR_ASSERTION(test, KUNIT_ASSERTION,		\
				   ptr, !=, NULL, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_NOT_ERR_OR_NULL(test, ptr)				\
	KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)		\
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_EXPECTATION, \
						ptr, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ptr)				\
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, NULL)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ptr, fmt, ...)		\
	KUNIT_PTR_NOT_ERR_OR_NULL_MSG_ASSERTION(test, KUNIT_ASSERTION,	\
						ptr, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_STREQ(test, left, right)				\
	KUNIT_EXPECT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_STREQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_STREQ(test, left, right)				\
	KUNIT_ASSERT_STREQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_STREQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, ==, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_STRNEQ(test, left, right)				\
	KUNIT_EXPECT_STRNEQ_MSG(test, left, right, NULL)
#define KUNIT_EXPECT_STRNEQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_EXPECTATION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_STRNEQ(test, left, right)				\
	KUNIT_ASSERT_STRNEQ_MSG(test, left, right, NULL)
#define KUNIT_ASSERT_STRNEQ_MSG(test, left, right, fmt, ...)		\
	KUNIT_BINARY_STR_ASSERTION(test, KUNIT_ASSERTION,		\
				   left, !=, right, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_MEMEQ(test, left, right, size)			\
	KUNIT_EXPECT_MEMEQ_MSG(test, left, right, size, NULL)
#define KUNIT_EXPECT_MEMEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION,			\
			    left, ==, right, size, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMEQ(test, left, right, size)			\
	KUNIT_ASSERT_MEMEQ_MSG(test, left, right, size, NULL)
#define KUNIT_ASSERT_MEMEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_ASSERTION,			\
			    left, ==, right, size, fmt, ##__VA_ARGS__)

#define KUNIT_EXPECT_MEMNEQ(test, left, right, size)			\
	KUNIT_EXPECT_MEMNEQ_MSG(test, left, right, size, NULL)
#define KUNIT_EXPECT_MEMNEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_EXPECTATION,			\
			    left, !=, right, size, fmt, ##__VA_ARGS__)
#define KUNIT_ASSERT_MEMNEQ(test, left, right, size)			\
	KUNIT_ASSERT_MEMNEQ_MSG(test, left, right, size, NULL)
#define KUNIT_ASSERT_MEMNEQ_MSG(test, left, right, size, fmt, ...)	\
	KUNIT_MEM_ASSERTION(test, KUNIT_ASSERTION,			\
			    left, !=, right, size, fmt, ##__VA_ARGS__)

/* ---- parameter generators ---------------------------------------------- */

/**
 * KUNIT_ARRAY_PARAM() - define a generator walking the elements of an array
 * @name: prefix; the generator is called @name_gen_params.
 * @array: the array of parameters.
 * @get_desc: NULL, or a function (element pointer, char *desc) that writes
 *	a description of each element.
 */
#define KUNIT_ARRAY_PARAM(name, array, get_desc)			\
	static const void *name##_gen_params(const void *prev, char *desc) \
	{								\
		__auto_type __kunit_first = &(array)[0];		\
		size_t __kunit_i = prev ?				\
			(size_t)((typeof(__kunit_first))prev -		\
				 __kunit_first) + 1 : 0;		\
		void (*__kunit_describe)(typeof(__kunit_first) elem,	\
					 char *buf) =			\
			(get_desc);					\
									\
		if (__kunit_i >= sizeof(array) / sizeof(*__kunit_first) + \
				 __must_be_array(array))		\
			return NULL;					\
		if (__kunit_describe)					\
			__kunit_describe(&__kunit_first[__kunit_i], desc); \
		return &__kunit_first[__kunit_i];			\
	}

/**
 * KUNIT_ARRAY_PARAM_DESC() - like KUNIT_ARRAY_PARAM(), describing each
 *	element by one of its string members
 * @name: prefix; the generator is called @name_gen_params.
 * @array: the array of parameters.
 * @desc_member: the member holding each element's description.
 */
#define KUNIT_ARRAY_PARAM_DESC(name, array, desc_member)		\
	static const void *name##_gen_params(const void *prev, char *desc) \
	{								\
		__auto_type __kunit_first = &(array)[0];		\
		size_t __kunit_i = prev ?				\
			(size_t)((typeof(__kunit_first))prev -		\
				 __kunit_first) + 1 : 0;		\
									\
		if (__kunit_i >= sizeof(array) / sizeof(*__kunit_first) + \
				 __must_be_array(array))		\
			return NULL;					\
		strscpy(desc, __kunit_first[__kunit_i].desc_member,	\
			KUNIT_PARAM_DESC_SIZE);				\
		return &__kunit_first[__kunit_i];			\
	}

#include <kunit/resource.h>

#endif /* _KUNIT_TEST_H */
