// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the host KUnit runner itself.
 *
 * A test of the runner has to watch tests fail without failing itself, so
 * most cases here build a small inner suite and run it on the side with
 * kunit_run_suite_captured(): its KTAP text goes to a buffer, its warnings
 * are charged to its own cases, and the outer case checks the outcome.
 */
#include <kunit/bug.h>
#include <kunit/resource.h>
#include <kunit/static_stub.h>
#include <kunit/test.h>
#include <kunit/test-bug.h>

#include <linux/bug.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <host/env.h>

#include "runner.h"

/* What the inner cases saw; reset by each outer case. */
static struct {
	int reached_end;
	int exit_calls;
	int evaluations;
	int order[8];
	int order_len;
	int params_seen[16];
	int params_len;
	long alloc_base;
	long alloc_at_release;
	long alloc_after_kfree;
	void *priv_seen;
	struct kunit *current_seen;
	struct kunit *self_seen;
	bool zeroed;
} inner;

static void inner_reset(void)
{
	memset(&inner, 0, sizeof(inner));
}

static unsigned int count_substr(const char *haystack, const char *needle)
{
	unsigned int n = 0;
	const char *p = haystack;

	while ((p = strstr(p, needle))) {
		n++;
		p += strlen(needle);
	}
	return n;
}

/* Check that a captured run printed @text somewhere. */
#define EXPECT_OUTPUT(test, res, text) do {				\
	const char *__want = (text);					\
									\
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr((res)->output, __want),	\
				  "the run did not print:\n%s", __want);	\
} while (0)

/* Run @suite on the side; abort the outer case if that is impossible. */
static void run_inner(struct kunit *test, struct kunit_suite *suite,
		      struct kunit_run_result *res)
{
	KUNIT_ASSERT_EQ(test, kunit_run_suite_captured(test, suite, res), 0);
	KUNIT_ASSERT_NOT_NULL(test, res->output);
	KUNIT_EXPECT_FALSE(test, res->truncated);
}

static int inner_count_eval(int v)
{
	inner.evaluations++;
	return v;
}

/* ---- expectations count failures and carry on ------------------------- */

static void inner_expect_three_failures(struct kunit *test)
{
	int two = 2;

	KUNIT_EXPECT_EQ(test, 1 + 1, 3);
	KUNIT_EXPECT_TRUE(test, two == 3);
	KUNIT_EXPECT_STREQ_MSG(test, "abc", "abd", "note %d", 42);
	KUNIT_EXPECT_EQ(test, two, 2);
	inner.reached_end = 1;
}

static struct kunit_case inner_expect_cases[] = {
	KUNIT_CASE(inner_expect_three_failures),
	{}
};

static struct kunit_suite inner_expect_suite = {
	.name = "inner_expect",
	.test_cases = inner_expect_cases,
};

static void kunit_runner_expect_continues(struct kunit *test)
{
	struct kunit_run_result res;

	inner_reset();
	run_inner(test, &inner_expect_suite, &res);

	KUNIT_EXPECT_EQ(test, res.status, KUNIT_FAILURE);
	KUNIT_EXPECT_EQ(test, inner_expect_cases[0].status, KUNIT_FAILURE);
	KUNIT_EXPECT_EQ(test, inner.reached_end, 1);
	KUNIT_EXPECT_EQ(test, count_substr(res.output, "EXPECTATION FAILED at "), 3);
	KUNIT_EXPECT_EQ(test, count_substr(res.output, "ASSERTION FAILED"), 0);
	EXPECT_OUTPUT(test, &res, "    # inner_expect_three_failures: EXPECTATION FAILED at ");
	EXPECT_OUTPUT(test, &res, "    # Expected 1 + 1 == 3, but\n    #     1 + 1 == 2 (0x2)\n");
	EXPECT_OUTPUT(test, &res, "    # Expected two == 3 to be true, but is false\n");
	EXPECT_OUTPUT(test, &res, "    # Expected \"abc\" == \"abd\", but\n    # note 42\n");
	EXPECT_OUTPUT(test, &res, "not ok 1 inner_expect_three_failures\n");
	EXPECT_OUTPUT(test, &res, "not ok 1 inner_expect\n");
	KUNIT_EXPECT_EQ(test, res.cases.failed, 1);
	KUNIT_EXPECT_EQ(test, res.runs.total, 1);
}

/* ---- assertions abort; exit and actions still run --------------------- */

static void inner_note_action(void *ctx)
{
	if (inner.order_len < (int)ARRAY_SIZE(inner.order))
		inner.order[inner.order_len++] = (int)(long)ctx;
}

static void inner_assert_aborts(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, inner_note_action,
					       (void *)1L), 0);
	KUNIT_ASSERT_EQ(test, inner_count_eval(5), 6);
	inner.reached_end = 1;
}

static void inner_assert_null(struct kunit *test)
{
	void *p = ERR_PTR(-ENODEV);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	inner.reached_end = 2;
}

static void inner_count_exit(struct kunit *test)
{
	inner.exit_calls++;
	/* exit runs before the test's actions are released. */
	inner_note_action((void *)100L);
}

static struct kunit_case inner_assert_cases[] = {
	KUNIT_CASE(inner_assert_aborts),
	KUNIT_CASE(inner_assert_null),
	{}
};

static struct kunit_suite inner_assert_suite = {
	.name = "inner_assert",
	.exit = inner_count_exit,
	.test_cases = inner_assert_cases,
};

static void kunit_runner_assert_aborts(struct kunit *test)
{
	struct kunit_run_result res;

	inner_reset();
	run_inner(test, &inner_assert_suite, &res);

	KUNIT_EXPECT_EQ(test, inner.reached_end, 0);
	KUNIT_EXPECT_EQ(test, inner.evaluations, 1);
	KUNIT_EXPECT_EQ(test, inner.exit_calls, 2);
	KUNIT_ASSERT_EQ(test, inner.order_len, 3);
	KUNIT_EXPECT_EQ(test, inner.order[0], 100);
	KUNIT_EXPECT_EQ(test, inner.order[1], 1);
	KUNIT_EXPECT_EQ(test, inner.order[2], 100);
	KUNIT_EXPECT_EQ(test, res.cases.failed, 2);
	KUNIT_EXPECT_EQ(test, count_substr(res.output, "ASSERTION FAILED at "), 2);
	EXPECT_OUTPUT(test, &res,
		      "    # Expected inner_count_eval(5) == 6, but\n"
		      "    #     inner_count_eval(5) == 5 (0x5)\n");
	EXPECT_OUTPUT(test, &res, "    # Expected p is not error, but is: -19\n");
}

/* ---- operands are evaluated exactly once ------------------------------- */

static void kunit_runner_operands_once(struct kunit *test)
{
	int i = 0;
	const char *s = "x";
	char buf[2] = "x";

	KUNIT_EXPECT_EQ(test, i++, 0);
	KUNIT_EXPECT_EQ(test, i, 1);
	KUNIT_EXPECT_LT(test, i++, ++i);
	KUNIT_EXPECT_EQ(test, i, 3);
	KUNIT_EXPECT_PTR_EQ(test, s++, s - 1);
	KUNIT_EXPECT_STREQ(test, s - 1, "x");
	KUNIT_EXPECT_MEMEQ(test, buf, s - 1, 2);

	inner_reset();
	KUNIT_EXPECT_TRUE(test, inner_count_eval(1));
	KUNIT_EXPECT_NE(test, inner_count_eval(2), inner_count_eval(3));
	KUNIT_EXPECT_EQ(test, inner.evaluations, 3);
}

/* ---- test-managed memory is released ----------------------------------- */

static void inner_record_allocs(void *ctx)
{
	inner.alloc_at_release = host_alloc_outstanding();
}

static void inner_kzalloc(struct kunit *test)
{
	u8 *a, *b;
	u32 *c;
	size_t i;

	inner.alloc_base = host_alloc_outstanding();
	/* Registered first, so released last, after the memory. */
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, inner_record_allocs, NULL), 0);

	a = kunit_kzalloc(test, 100, GFP_KERNEL);
	b = kunit_kmalloc(test, 50, GFP_KERNEL);
	c = kunit_kcalloc(test, 8, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_NOT_NULL(test, c);
	inner.zeroed = true;
	for (i = 0; i < 100; i++)
		inner.zeroed &= a[i] == 0;
	for (i = 0; i < 8; i++)
		inner.zeroed &= c[i] == 0;
	memset(b, 0xa5, 50);

	kunit_kfree(test, b);
	inner.alloc_after_kfree = host_alloc_outstanding();
}

static struct kunit_case inner_alloc_cases[] = {
	KUNIT_CASE(inner_kzalloc),
	{}
};

static struct kunit_suite inner_alloc_suite = {
	.name = "inner_alloc",
	.test_cases = inner_alloc_cases,
};

static void kunit_runner_kzalloc_released(struct kunit *test)
{
	struct kunit_run_result res;

	inner_reset();
	run_inner(test, &inner_alloc_suite, &res);

	KUNIT_EXPECT_EQ(test, res.status, KUNIT_SUCCESS);
	KUNIT_EXPECT_TRUE(test, inner.zeroed);
	/* One action plus two live buffers, each with its tracking node. */
	KUNIT_EXPECT_EQ(test, inner.alloc_after_kfree - inner.alloc_base, 5);
	/* Only the recording action's own node is left when it runs. */
	KUNIT_EXPECT_EQ(test, inner.alloc_at_release - inner.alloc_base, 1);
	KUNIT_EXPECT_NULL(test, strstr(res.output, "outstanding"));
}

/* ---- actions run newest first ------------------------------------------ */

KUNIT_DEFINE_ACTION_WRAPPER(inner_note_wrapped, inner_note_action, void *);

static void inner_actions(struct kunit *test)
{
	int i;

	for (i = 1; i <= 5; i++) {
		void *ctx = (void *)(long)i;

		KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, inner_note_action, ctx), 0);
	}
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, inner_note_wrapped,
					       (void *)6L), 0);
	/* 2 is cancelled; 4 runs now, not at the end. */
	kunit_remove_action(test, inner_note_action, (void *)2L);
	kunit_release_action(test, inner_note_action, (void *)4L);
	/* Neither of these is registered any more: no effect. */
	kunit_release_action(test, inner_note_action, (void *)4L);
	kunit_remove_action(test, inner_note_action, (void *)2L);
}

static struct kunit_case inner_action_cases[] = {
	KUNIT_CASE(inner_actions),
	{}
};

static struct kunit_suite inner_action_suite = {
	.name = "inner_action",
	.test_cases = inner_action_cases,
};

static void kunit_runner_actions_reverse(struct kunit *test)
{
	static const int want[] = { 4, 6, 5, 3, 1 };
	struct kunit_run_result res;
	int i;

	inner_reset();
	run_inner(test, &inner_action_suite, &res);

	KUNIT_EXPECT_EQ(test, res.status, KUNIT_SUCCESS);
	KUNIT_ASSERT_EQ(test, inner.order_len, (int)ARRAY_SIZE(want));
	for (i = 0; i < inner.order_len; i++)
		KUNIT_EXPECT_EQ_MSG(test, inner.order[i], want[i], "position %d", i);
}

/* ---- parameters iterate ------------------------------------------------ */

struct inner_param {
	int value;
	const char *name;
};

static const struct inner_param inner_params[] = {
	{ 10, "ten" }, { 20, "twenty" }, { 30, "thirty" }, { 40, "forty" },
};

static void inner_param_desc(const struct inner_param *p, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "value %d", p->value);
}

KUNIT_ARRAY_PARAM(inner_described, inner_params, inner_param_desc);
KUNIT_ARRAY_PARAM_DESC(inner_named, inner_params, name);
KUNIT_ARRAY_PARAM(inner_plain, inner_params, NULL);

static void inner_param_case(struct kunit *test)
{
	const struct inner_param *p = test->param_value;

	KUNIT_ASSERT_NOT_NULL(test, p);
	if (inner.params_len < (int)ARRAY_SIZE(inner.params_seen))
		inner.params_seen[inner.params_len++] = p->value;
	/* priv starts cleared for every parameter. */
	KUNIT_EXPECT_NULL(test, test->priv);
	test->priv = test;
	if (p->value == 40)
		kunit_skip(test, "forty is skipped");
	KUNIT_EXPECT_NE(test, p->value, 30);
}

static struct kunit_case inner_param_cases[] = {
	KUNIT_CASE_PARAM(inner_param_case, inner_described_gen_params),
	KUNIT_CASE_PARAM(inner_param_case, inner_named_gen_params),
	KUNIT_CASE_PARAM(inner_param_case, inner_plain_gen_params),
	{}
};

static struct kunit_suite inner_param_suite = {
	.name = "inner_param",
	.test_cases = inner_param_cases,
};

static void kunit_runner_params_iterate(struct kunit *test)
{
	struct kunit_run_result res;
	int i;

	inner_reset();
	run_inner(test, &inner_param_suite, &res);

	KUNIT_ASSERT_EQ(test, inner.params_len, 12);
	for (i = 0; i < 12; i++)
		KUNIT_EXPECT_EQ(test, inner.params_seen[i], 10 * (i % 4 + 1));
	KUNIT_EXPECT_EQ(test, res.cases.total, 3);
	KUNIT_EXPECT_EQ(test, res.cases.failed, 3);
	KUNIT_EXPECT_EQ(test, res.runs.total, 12);
	KUNIT_EXPECT_EQ(test, res.runs.passed, 6);
	KUNIT_EXPECT_EQ(test, res.runs.failed, 3);
	KUNIT_EXPECT_EQ(test, res.runs.skipped, 3);
	EXPECT_OUTPUT(test, &res,
		      "        KTAP version 1\n"
		      "        # Subtest: inner_param_case\n"
		      "        ok 1 value 10\n"
		      "        ok 2 value 20\n");
	EXPECT_OUTPUT(test, &res,
		      "        not ok 3 value 30\n"
		      "        ok 4 value 40 # SKIP forty is skipped\n"
		      "    # inner_param_case: pass:2 fail:1 skip:1 total:4\n"
		      "    not ok 1 inner_param_case\n");
	EXPECT_OUTPUT(test, &res, "        ok 2 twenty\n");
	EXPECT_OUTPUT(test, &res, "        ok 1 param-0\n");
	EXPECT_OUTPUT(test, &res, "        ok 4 param-3 # SKIP forty is skipped\n");
	EXPECT_OUTPUT(test, &res,
		      "# inner_param: pass:0 fail:3 skip:0 total:3\n"
		      "# Totals: pass:6 fail:3 skip:3 total:12\n"
		      "not ok 1 inner_param\n");
}

/* ---- warnings --------------------------------------------------------- */

static noinline int kunit_runner_warn_helper(int times)
{
	int i, fired = 0;

	for (i = 0; i < times; i++)
		fired += WARN(i >= 0, "warning %d of %d\n", i + 1, times);
	return fired;
}

static void kunit_runner_suppressed_warning(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(kunit_runner_warn_helper);

	KUNIT_EXPECT_STREQ(test, SUPPRESSED_WARNING_MESSAGE(kunit_runner_warn_helper), "");
	START_SUPPRESSED_WARNING(kunit_runner_warn_helper);
	KUNIT_EXPECT_EQ(test, kunit_runner_warn_helper(2), 2);
	/* The record keeps the text of the last one, without its newline */
	KUNIT_EXPECT_STREQ(test, SUPPRESSED_WARNING_MESSAGE(kunit_runner_warn_helper),
			   "warning 2 of 2");
	KUNIT_EXPECT_TRUE(test, IS_SUPPRESSED_WARNING("kunit_runner_warn_helper"));
	END_SUPPRESSED_WARNING(kunit_runner_warn_helper);

	/* Two from the helper, one from the IS_SUPPRESSED_WARNING() probe. */
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(kunit_runner_warn_helper), 3);
	KUNIT_EXPECT_FALSE(test, IS_SUPPRESSED_WARNING("kunit_runner_warn_helper"));
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(kunit_runner_warn_helper), 3);
}

static void inner_unexpected_warning(struct kunit *test)
{
	kunit_runner_warn_helper(1);
}

static void inner_declared_warning(struct kunit *test)
{
	/*
	 * Static, so that a declaration the runner failed to withdraw would
	 * still match later warnings instead of pointing at a dead frame.
	 */
	static DEFINE_SUPPRESSED_WARNING(kunit_runner_warn_helper);
	int before = SUPPRESSED_WARNING_COUNT(kunit_runner_warn_helper);

	START_SUPPRESSED_WARNING(kunit_runner_warn_helper);
	kunit_runner_warn_helper(3);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(kunit_runner_warn_helper) - before, 3);
	/* No END: the runner withdraws the declaration when the case ends. */
}

static struct kunit_case inner_warn_cases[] = {
	KUNIT_CASE(inner_unexpected_warning),
	KUNIT_CASE(inner_declared_warning),
	{}
};

static struct kunit_suite inner_warn_suite = {
	.name = "inner_warn",
	.test_cases = inner_warn_cases,
};

static void kunit_runner_unexpected_warning_fails(struct kunit *test)
{
	struct kunit_run_result res;

	kunit_info(test, "one WARNING from kunit_runner_warn_helper is expected on the console");
	inner_reset();
	run_inner(test, &inner_warn_suite, &res);

	KUNIT_EXPECT_EQ(test, res.warnings, 1);
	KUNIT_EXPECT_EQ(test, inner_warn_cases[0].status, KUNIT_FAILURE);
	KUNIT_EXPECT_EQ(test, inner_warn_cases[1].status, KUNIT_SUCCESS);
	EXPECT_OUTPUT(test, &res,
		      "    # inner_unexpected_warning: 1 unexpected warning (WARN) fired");
	/* The declaration left active by the inner case is gone. */
	KUNIT_EXPECT_FALSE(test, IS_SUPPRESSED_WARNING("kunit_runner_warn_helper"));
}

/* ---- skipping, init and exit hooks, priv, current test ----------------- */

static int inner_suite_init_calls;
static int inner_suite_exit_calls;

static int inner_suite_init(struct kunit_suite *suite)
{
	inner_suite_init_calls++;
	return 0;
}

static void inner_suite_exit(struct kunit_suite *suite)
{
	inner_suite_exit_calls++;
}

static int inner_init(struct kunit *test)
{
	test->priv = &inner;
	return 0;
}

static void inner_skip(struct kunit *test)
{
	inner.priv_seen = test->priv;
	inner.current_seen = kunit_get_current_test();
	inner.self_seen = test;
	kunit_skip(test, "not today (%d)", 7);
	inner.reached_end = 1;
}

static void inner_mark_skipped(struct kunit *test)
{
	kunit_mark_skipped(test, "marked");
	inner.evaluations++;
}

static void inner_pass(struct kunit *test)
{
	KUNIT_SUCCEED(test);
}

static struct kunit_case inner_skip_cases[] = {
	KUNIT_CASE(inner_skip),
	KUNIT_CASE_SLOW(inner_mark_skipped),
	{}
};

static struct kunit_suite inner_skip_suite = {
	.name = "inner_skip",
	.suite_init = inner_suite_init,
	.suite_exit = inner_suite_exit,
	.init = inner_init,
	.test_cases = inner_skip_cases,
};

static void kunit_runner_skip(struct kunit *test)
{
	struct kunit_run_result res;

	inner_reset();
	inner_suite_init_calls = 0;
	inner_suite_exit_calls = 0;
	run_inner(test, &inner_skip_suite, &res);

	KUNIT_EXPECT_EQ(test, res.status, KUNIT_SKIPPED);
	KUNIT_EXPECT_EQ(test, inner.reached_end, 0);
	KUNIT_EXPECT_EQ(test, inner.evaluations, 1);
	KUNIT_EXPECT_PTR_EQ(test, inner.priv_seen, (void *)&inner);
	KUNIT_EXPECT_PTR_EQ(test, inner.current_seen, inner.self_seen);
	KUNIT_EXPECT_PTR_NE(test, inner.self_seen, test);
	KUNIT_EXPECT_PTR_EQ(test, kunit_get_current_test(), test);
	KUNIT_EXPECT_EQ(test, inner_suite_init_calls, 1);
	KUNIT_EXPECT_EQ(test, inner_suite_exit_calls, 1);
	KUNIT_EXPECT_STREQ(test, res.output, "KTAP version 1\n"
		"1..1\n"
		"    KTAP version 1\n"
		"    # Subtest: inner_skip\n"
		"    1..2\n"
		"    ok 1 inner_skip # SKIP not today (7)\n"
		"    # inner_mark_skipped.speed: slow\n"
		"    ok 2 inner_mark_skipped # SKIP marked\n"
		"# inner_skip: pass:0 fail:0 skip:2 total:2\n"
		"# Totals: pass:0 fail:0 skip:2 total:2\n"
		"ok 1 inner_skip # SKIP\n");
}

static int inner_failing_suite_init(struct kunit_suite *suite)
{
	return -ENXIO;
}

static struct kunit_case inner_pass_cases[] = {
	KUNIT_CASE(inner_pass),
	{}
};

static struct kunit_suite inner_bad_suite = {
	.name = "inner_bad_suite",
	.suite_init = inner_failing_suite_init,
	.test_cases = inner_pass_cases,
};

static int inner_failing_init(struct kunit *test)
{
	return -EIO;
}

static struct kunit_suite inner_bad_init_suite = {
	.name = "inner_bad_init",
	.init = inner_failing_init,
	.exit = inner_count_exit,
	.test_cases = inner_pass_cases,
};

static void kunit_runner_init_failures(struct kunit *test)
{
	struct kunit_run_result res;

	inner_reset();
	run_inner(test, &inner_bad_suite, &res);
	KUNIT_EXPECT_EQ(test, res.status, KUNIT_FAILURE);
	KUNIT_EXPECT_EQ(test, res.cases.total, 0);
	KUNIT_EXPECT_STREQ(test, res.output, "KTAP version 1\n"
		"1..1\n"
		"    # inner_bad_suite: failed to initialize (-6)\n"
		"not ok 1 inner_bad_suite\n");

	inner_reset();
	run_inner(test, &inner_bad_init_suite, &res);
	KUNIT_EXPECT_EQ(test, res.status, KUNIT_FAILURE);
	KUNIT_EXPECT_EQ(test, inner.exit_calls, 1);
	EXPECT_OUTPUT(test, &res,
		      "    # inner_pass: failed to initialize: -5\n"
		      "    not ok 1 inner_pass\n");
}

static DEFINE_MUTEX(inner_mutex);

static void inner_abort_locked(struct kunit *test)
{
	mutex_lock(&inner_mutex);
	KUNIT_ASSERT_TRUE(test, false);
	mutex_unlock(&inner_mutex);
}

static struct kunit_case inner_locked_cases[] = {
	KUNIT_CASE(inner_abort_locked),
	{}
};

static struct kunit_suite inner_locked_suite = {
	.name = "inner_locked",
	.test_cases = inner_locked_cases,
};

static void kunit_runner_lock_held(struct kunit *test)
{
	struct kunit_run_result res;

	inner_reset();
	run_inner(test, &inner_locked_suite, &res);
	/* The abort left the mutex locked by this thread: release it. */
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&inner_mutex));
	mutex_unlock(&inner_mutex);

	EXPECT_OUTPUT(test, &res, "    # inner_abort_locked: test ended holding 1 lock");
	KUNIT_EXPECT_EQ(test, res.status, KUNIT_FAILURE);
}

static void inner_crash(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, inner_note_action,
					       (void *)7L), 0);
	/* An invalid instruction: SIGILL, as an oops would be in the kernel. */
	__builtin_trap();
}

static struct kunit_case inner_crash_cases[] = {
	KUNIT_CASE(inner_crash),
	KUNIT_CASE(inner_pass),
	{}
};

static struct kunit_suite inner_crash_suite = {
	.name = "inner_crash",
	.exit = inner_count_exit,
	.test_cases = inner_crash_cases,
};

static void kunit_runner_crash(struct kunit *test)
{
	struct kunit_run_result res;

	inner_reset();
	run_inner(test, &inner_crash_suite, &res);
	KUNIT_EXPECT_EQ(test, inner_crash_cases[0].status, KUNIT_FAILURE);
	KUNIT_EXPECT_EQ(test, inner_crash_cases[1].status, KUNIT_SUCCESS);
	/* Cleanup still ran for the crashed case: exit, then its action. */
	KUNIT_ASSERT_EQ(test, inner.order_len, 3);
	KUNIT_EXPECT_EQ(test, inner.order[1], 7);
	EXPECT_OUTPUT(test, &res, "    # inner_crash: test crashed: ");
	EXPECT_OUTPUT(test, &res, "(signal 4)\n    not ok 1 inner_crash\n");
}

/* ---- filtering --------------------------------------------------------- */

static void kunit_runner_glob(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, kunit_glob_match("*", ""));
	KUNIT_EXPECT_TRUE(test, kunit_glob_match("*", "iommu_core"));
	KUNIT_EXPECT_TRUE(test, kunit_glob_match("iommu_*", "iommu_core"));
	KUNIT_EXPECT_FALSE(test, kunit_glob_match("iommu_*", "iommufd"));
	KUNIT_EXPECT_TRUE(test, kunit_glob_match("*_core", "iommu_core"));
	KUNIT_EXPECT_TRUE(test, kunit_glob_match("i*m*_c?re", "iommu_core"));
	KUNIT_EXPECT_FALSE(test, kunit_glob_match("i*m*_c?re", "iommu_coore"));
	KUNIT_EXPECT_TRUE(test, kunit_glob_match("a*b*c", "aXbYbZc"));
	KUNIT_EXPECT_FALSE(test, kunit_glob_match("a*b*c", "aXbYbZ"));
	KUNIT_EXPECT_TRUE(test, kunit_glob_match("[ab]x[!0-9]", "bxz"));
	KUNIT_EXPECT_FALSE(test, kunit_glob_match("[ab]x[!0-9]", "bx5"));
	KUNIT_EXPECT_FALSE(test, kunit_glob_match("abc", "ab"));
	KUNIT_EXPECT_FALSE(test, kunit_glob_match("ab", "abc"));
	KUNIT_EXPECT_TRUE(test, kunit_glob_match("**", "abc"));
}

static void inner_alpha_one(struct kunit *test)
{
	KUNIT_SUCCEED(test);
}

static void inner_alpha_two(struct kunit *test)
{
	KUNIT_SUCCEED(test);
}

static struct kunit_case inner_alpha_cases[] = {
	KUNIT_CASE(inner_alpha_one),
	KUNIT_CASE(inner_alpha_two),
	KUNIT_CASE(inner_pass),
	{}
};

static struct kunit_suite inner_alpha_suite = {
	.name = "alpha",
	.test_cases = inner_alpha_cases,
};

static struct kunit_suite inner_alphabet_suite = {
	.name = "alphabet",
	.test_cases = inner_pass_cases,
};

static struct kunit_suite inner_beta_suite = {
	.name = "beta",
	.test_cases = inner_alpha_cases,
};

static void kunit_runner_filter(struct kunit *test)
{
	struct kunit_suite *all[] = {
		&inner_alpha_suite, &inner_alphabet_suite, &inner_beta_suite,
	};
	struct kunit_suite_set set = { all, all + ARRAY_SIZE(all) };
	struct kunit_suite_set got;
	int err;

	got = kunit_filter_suites(&set, "alpha", NULL, NULL, &err);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_ASSERT_EQ(test, got.end - got.start, 1);
	KUNIT_EXPECT_STREQ(test, got.start[0]->name, "alpha");
	KUNIT_EXPECT_EQ(test, kunit_suite_num_test_cases(got.start[0]), 3);
	kunit_free_suite_set(got);

	got = kunit_filter_suites(&set, "alpha*.inner_alpha_*", NULL, NULL, &err);
	KUNIT_ASSERT_EQ(test, err, 0);
	/* "alphabet" matches the suite glob but none of its cases do. */
	KUNIT_ASSERT_EQ(test, got.end - got.start, 1);
	KUNIT_EXPECT_EQ(test, kunit_suite_num_test_cases(got.start[0]), 2);
	KUNIT_EXPECT_STREQ(test, got.start[0]->test_cases[1].name,
			   "inner_alpha_two");
	KUNIT_EXPECT_NULL(test, got.start[0]->test_cases[2].run_case);
	/* A copy: the registered suite is untouched. */
	KUNIT_EXPECT_PTR_NE(test, got.start[0], &inner_alpha_suite);
	kunit_free_suite_set(got);

	got = kunit_filter_suites(&set, "*.inner_pass", NULL, NULL, &err);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_ASSERT_EQ(test, got.end - got.start, 3);
	KUNIT_EXPECT_STREQ(test, got.start[2]->name, "beta");
	KUNIT_EXPECT_EQ(test, kunit_suite_num_test_cases(got.start[2]), 1);
	kunit_free_suite_set(got);

	got = kunit_filter_suites(&set, "gamma*", NULL, NULL, &err);
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_TRUE(test, got.start == got.end);
	kunit_free_suite_set(got);

	got = kunit_filter_suites(&set, NULL, "speed>slow", NULL, &err);
	KUNIT_EXPECT_EQ(test, err, -EOPNOTSUPP);
}

/* ---- a check that fails shows in KTAP the way kunit.py expects --------- */

static void kunit_runner_mem_report(struct kunit *test)
{
	static const u8 want[18] = { [3] = 1, [17] = 2 };
	static const u8 have[18] = { [3] = 1, [17] = 3 };
	struct kunit inner_test = { .name = "memcase" };
	struct kunit_capture cap = { .size = 512 };
	struct kunit_capture *saved;

	cap.buf = kunit_kzalloc(test, cap.size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cap.buf);

	/* Report a MEMEQ failure by hand, into a private buffer. */
	saved = kunit_capture_swap(&cap);
	KUNIT_EXPECT_MEMEQ(&inner_test, have, want, sizeof(have));
	kunit_capture_swap(saved);

	KUNIT_EXPECT_EQ(test, inner_test.status, KUNIT_FAILURE);
	KUNIT_EXPECT_NOT_NULL(test, strstr(cap.buf, "    # Expected have == want, but\n"
		"    #     have ==\n"
		"    #      00  00  00  01  00  00  00  00  00  00  00  00  00  00  00  00\n"
		"    #      00 <03>\n"
		"    #     want ==\n"
		"    #      00  00  00  01  00  00  00  00  00  00  00  00  00  00  00  00\n"
		"    #      00 <02>\n"));
}

/* ---- static stubs -------------------------------------------------- */

static noinline int kunit_runner_stubbed(int x)
{
	KUNIT_STATIC_STUB_REDIRECT(kunit_runner_stubbed, x);
	return x + 1;
}

static int kunit_runner_fake_double(int x)
{
	return 2 * x;
}

static int kunit_runner_fake_negate(int x)
{
	return -x;
}

static void inner_stub_then_leave(struct kunit *test)
{
	kunit_activate_static_stub(test, kunit_runner_stubbed,
				   kunit_runner_fake_double);
	inner.evaluations = kunit_runner_stubbed(5);
}

static struct kunit_case inner_stub_cases[] = {
	KUNIT_CASE(inner_stub_then_leave),
	{}
};

static struct kunit_suite inner_stub_suite = {
	.name = "inner_stub",
	.test_cases = inner_stub_cases,
};

static void kunit_runner_static_stub(struct kunit *test)
{
	struct kunit_run_result res;

	KUNIT_EXPECT_EQ(test, kunit_runner_stubbed(3), 4);
	kunit_activate_static_stub(test, kunit_runner_stubbed,
				   kunit_runner_fake_double);
	KUNIT_EXPECT_EQ(test, kunit_runner_stubbed(3), 6);
	kunit_activate_static_stub(test, kunit_runner_stubbed,
				   kunit_runner_fake_negate);
	KUNIT_EXPECT_EQ(test, kunit_runner_stubbed(3), -3);

	/* An inner test sees only its own stubs, and they end with it. */
	inner_reset();
	run_inner(test, &inner_stub_suite, &res);
	KUNIT_EXPECT_EQ(test, inner.evaluations, 10);
	KUNIT_EXPECT_EQ(test, kunit_runner_stubbed(3), -3);

	kunit_deactivate_static_stub(test, kunit_runner_stubbed);
	KUNIT_EXPECT_EQ(test, kunit_runner_stubbed(3), 4);
}

static struct kunit_case kunit_runner_cases[] = {
	KUNIT_CASE(kunit_runner_expect_continues),
	KUNIT_CASE(kunit_runner_assert_aborts),
	KUNIT_CASE(kunit_runner_operands_once),
	KUNIT_CASE(kunit_runner_kzalloc_released),
	KUNIT_CASE(kunit_runner_actions_reverse),
	KUNIT_CASE(kunit_runner_params_iterate),
	KUNIT_CASE(kunit_runner_suppressed_warning),
	KUNIT_CASE(kunit_runner_unexpected_warning_fails),
	KUNIT_CASE(kunit_runner_skip),
	KUNIT_CASE(kunit_runner_init_failures),
	KUNIT_CASE(kunit_runner_lock_held),
	KUNIT_CASE(kunit_runner_crash),
	KUNIT_CASE(kunit_runner_glob),
	KUNIT_CASE(kunit_runner_filter),
	KUNIT_CASE(kunit_runner_mem_report),
	KUNIT_CASE(kunit_runner_static_stub),
	{}
};

static struct kunit_suite kunit_runner_suite = {
	.name = "kunit_runner",
	.test_cases = kunit_runner_cases,
};

kunit_test_suite(kunit_runner_suite);
