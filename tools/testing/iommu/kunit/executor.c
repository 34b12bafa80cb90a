// SPDX-License-Identifier: GPL-2.0
/*
 * The executor: finds the registered suites, applies the filter glob, and
 * runs or lists them.
 *
 * kunit_test_suites() drops suite pointers into the "kunit_test_suites"
 * section; the linker brackets it with __start_/__stop_ symbols.  Link order
 * is not a useful order, so suites run sorted by name.
 */
#include <kunit/test.h>

#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <host/env.h>

#include "kunit-host.h"
#include "runner.h"

/* Exit statuses of the test program. */
#define KUNIT_EXIT_PASS		0
#define KUNIT_EXIT_FAIL		1
#define KUNIT_EXIT_USAGE	2

static const char *kunit_action_param;
static const char *kunit_filter_glob_param;

/**
 * kunit_action() - what the executor was asked to do
 *
 * Return: NULL to run tests, or "list".
 */
const char *kunit_action(void)
{
	return kunit_action_param;
}

/**
 * kunit_filter_glob() - the filter given on the command line
 *
 * Return: the glob, or NULL for all tests.
 */
const char *kunit_filter_glob(void)
{
	return kunit_filter_glob_param;
}

/* Match a bracket expression at @p against @c; advance *@p past it. */
static bool kunit_glob_class(const char **p, char c)
{
	const char *s = *p + 1;
	bool negate = false, hit = false;

	if (*s == '!' || *s == '^') {
		negate = true;
		s++;
	}
	/* A ']' right after the opening bracket is a member, not the end. */
	do {
		char lo = *s, hi = *s;

		if (!lo)
			return false;
		if (s[1] == '-' && s[2] && s[2] != ']') {
			hi = s[2];
			s += 2;
		}
		if (c >= lo && c <= hi)
			hit = true;
		s++;
	} while (*s != ']');
	*p = s + 1;
	return hit != negate;
}

/**
 * kunit_glob_match() - shell-style wildcard match
 * @pattern: the pattern: '*' matches any run of characters, '?' any one
 *	character, "[abc]", "[a-z]" and "[!a-z]" a character class.
 * @str: the string to test.
 *
 * Return: true if all of @str matches all of @pattern.
 */
bool kunit_glob_match(const char *pattern, const char *str)
{
	/* Where to resume after the most recent '*' if a later part fails. */
	const char *star_p = NULL, *star_s = NULL;
	const char *p = pattern, *s = str;

	while (*s) {
		const char *next = p;

		if (*p == '*') {
			star_p = ++p;
			star_s = s;
			continue;
		}
		if (*p == '?') {
			p++;
			s++;
			continue;
		}
		if (*p == '[' && p[1] && strchr(p + 2, ']')) {
			if (kunit_glob_class(&next, *s)) {
				p = next;
				s++;
				continue;
			}
		} else if (*p && *p == *s) {
			p++;
			s++;
			continue;
		}
		if (!star_p)
			return false;
		/* Let the last '*' swallow one more character and retry. */
		p = star_p;
		s = ++star_s;
	}
	while (*p == '*')
		p++;
	return !*p;
}

/* Copy @suite, keeping only the cases whose names match @case_glob. */
static struct kunit_suite *kunit_copy_matching(struct kunit_suite *suite,
					       const char *case_glob)
{
	struct kunit_case *tc, *cases;
	struct kunit_suite *copy;
	size_t n = 0;

	kunit_suite_for_each_test_case(suite, tc)
		if (kunit_glob_match(case_glob, tc->name))
			n++;
	if (!n)
		return NULL;

	copy = kmemdup(suite, sizeof(*suite), GFP_KERNEL);
	cases = kcalloc(n + 1, sizeof(*cases), GFP_KERNEL);
	if (!copy || !cases) {
		kfree(copy);
		kfree(cases);
		return ERR_PTR(-ENOMEM);
	}
	n = 0;
	kunit_suite_for_each_test_case(suite, tc)
		if (kunit_glob_match(case_glob, tc->name))
			cases[n++] = *tc;
	copy->test_cases = cases;
	return copy;
}

/**
 * kunit_free_suite_set() - free a set made by kunit_filter_suites()
 * @suite_set: the set.
 */
void kunit_free_suite_set(struct kunit_suite_set suite_set)
{
	struct kunit_suite * const *s;

	for (s = suite_set.start; s < suite_set.end; s++) {
		kfree((*s)->test_cases);
		kfree(*s);
	}
	kfree(suite_set.start);
}
EXPORT_SYMBOL_GPL(kunit_free_suite_set);

/**
 * kunit_filter_suites() - the suites and cases selected by a glob
 * @suite_set: the suites to choose from.
 * @filter_glob: "suite_glob" or "suite_glob.case_glob"; NULL selects all.
 * @filters: attribute filters; not supported on the host, must be NULL.
 * @filter_action: ignored.
 * @err: set to 0 or a negative errno.
 *
 * Every selected suite is a copy holding only the selected cases; suites
 * with no selected case are left out.  Free the result with
 * kunit_free_suite_set().
 *
 * Return: the selection (empty on error).
 */
struct kunit_suite_set
kunit_filter_suites(const struct kunit_suite_set *suite_set,
		    const char *filter_glob, char *filters, char *filter_action,
		    int *err)
{
	struct kunit_suite_set out = { NULL, NULL };
	struct kunit_suite **picked;
	const char *dot;
	char *suite_glob;
	const char *case_glob;
	size_t max = suite_set->end - suite_set->start, n = 0, i;

	*err = 0;
	if (filters && filters[0]) {
		*err = -EOPNOTSUPP;
		return out;
	}
	if (!filter_glob)
		filter_glob = "*";

	dot = strchr(filter_glob, '.');
	if (dot) {
		suite_glob = kstrndup(filter_glob, dot - filter_glob, GFP_KERNEL);
		case_glob = dot + 1;
	} else {
		suite_glob = kstrdup(filter_glob, GFP_KERNEL);
		case_glob = "*";
	}
	picked = kcalloc(max + 1, sizeof(*picked), GFP_KERNEL);
	if (!suite_glob || !picked) {
		*err = -ENOMEM;
		goto out_free;
	}

	for (i = 0; i < max; i++) {
		struct kunit_suite *copy;

		if (!kunit_glob_match(suite_glob, suite_set->start[i]->name))
			continue;
		copy = kunit_copy_matching(suite_set->start[i], case_glob);
		if (IS_ERR(copy)) {
			*err = PTR_ERR(copy);
			goto out_free;
		}
		if (copy)
			picked[n++] = copy;
	}
	out.start = picked;
	out.end = picked + n;
	kfree(suite_glob);
	return out;

out_free:
	while (n--) {
		kfree(picked[n]->test_cases);
		kfree(picked[n]);
	}
	kfree(picked);
	kfree(suite_glob);
	return out;
}
EXPORT_SYMBOL_GPL(kunit_filter_suites);

static unsigned long kunit_run_set(struct kunit_suite_set *suite_set,
				   struct kunit_result_stats *cases,
				   struct kunit_result_stats *runs)
{
	size_t num = suite_set->end - suite_set->start, i;
	unsigned long failed = 0;

	kunit_log_emit("KTAP version 1");
	kunit_log_emit("1..%zu", num);
	for (i = 0; i < num; i++) {
		kunit_run_suite(suite_set->start[i], i + 1, cases, runs);
		if (kunit_suite_has_succeeded(suite_set->start[i]) ==
		    KUNIT_FAILURE)
			failed++;
	}
	return failed;
}

/**
 * kunit_exec_run_tests() - run a set of suites as one KTAP document
 * @suite_set: the suites, in the order to run them.
 * @builtin: unused; the header is always printed.
 */
void kunit_exec_run_tests(struct kunit_suite_set *suite_set, bool builtin)
{
	kunit_run_set(suite_set, NULL, NULL);
}
EXPORT_SYMBOL_GPL(kunit_exec_run_tests);

/**
 * kunit_exec_list_tests() - print "suite.case" for every case in a set
 * @suite_set: the suites.
 * @include_attr: also print each slow case's speed attribute.
 */
void kunit_exec_list_tests(struct kunit_suite_set *suite_set, bool include_attr)
{
	struct kunit_suite * const *s;
	struct kunit_case *tc;

	for (s = suite_set->start; s < suite_set->end; s++) {
		kunit_suite_for_each_test_case(*s, tc) {
			kunit_log_emit("%s.%s", (*s)->name, tc->name);
			if (include_attr && tc->attr.speed != KUNIT_SPEED_UNSET)
				kunit_log_emit("%s.%s.speed: %s", (*s)->name,
					       tc->name,
					       tc->attr.speed == KUNIT_SPEED_NORMAL ?
					       "normal" : "slow");
		}
	}
}
EXPORT_SYMBOL_GPL(kunit_exec_list_tests);

/* All registered suites, sorted by name, in a new array. */
static struct kunit_suite **kunit_registered_sorted(size_t *count)
{
	size_t n = __stop_kunit_test_suites - __start_kunit_test_suites;
	struct kunit_suite **all;
	size_t i, j;

	*count = 0;
	all = kcalloc(n + 1, sizeof(*all), GFP_KERNEL);
	if (!all)
		return NULL;
	for (i = 0; i < n; i++) {
		struct kunit_suite *s = __start_kunit_test_suites[i];

		/* Insertion sort: there are few suites, and it is stable. */
		for (j = i; j > 0 && strcmp(all[j - 1]->name, s->name) > 0; j--)
			all[j] = all[j - 1];
		all[j] = s;
	}
	*count = n;
	return all;
}

static void kunit_usage(const char *prog)
{
	kunit_log_emit("usage: %s [--list] [SUITE_GLOB[.CASE_GLOB]]", prog);
	kunit_log_emit("Runs the KUnit suites of this program, printing KTAP version 1.");
	kunit_log_emit("  SUITE_GLOB[.CASE_GLOB]  run matching tests only (*, ?, [...])");
	kunit_log_emit("  --list                  print suite.case of the selected tests");
}

/**
 * kunit_host_main() - the test program's entry point
 * @argc: argument count.
 * @argv: arguments.
 *
 * Boots the host kernel (init calls), then runs or lists the selected
 * suites.
 *
 * Return: 0 if every selected test passed or was skipped, 1 if any failed,
 * 2 for a usage error or a filter that selected nothing.
 */
int kunit_host_main(int argc, char **argv)
{
	struct kunit_result_stats cases = { 0 }, runs = { 0 };
	struct kunit_suite_set registered, selected;
	struct kunit_suite **all;
	unsigned long failed_suites;
	bool bad_usage = false;
	size_t count;
	int i, err, status;

	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			kunit_usage(argv[0]);
			return KUNIT_EXIT_PASS;
		}
		if (!strcmp(arg, "--list"))
			kunit_action_param = "list";
		else if (arg[0] != '-' && !kunit_filter_glob_param)
			kunit_filter_glob_param = arg;
		else
			bad_usage = true;
	}
	if (bad_usage) {
		kunit_usage(argv[0]);
		return KUNIT_EXIT_USAGE;
	}

	all = kunit_registered_sorted(&count);
	if (!all)
		return KUNIT_EXIT_FAIL;
	registered.start = all;
	registered.end = all + count;

	/* Like the kernel, run the registered suites themselves unless filtered. */
	selected = registered;
	if (kunit_filter_glob_param) {
		selected = kunit_filter_suites(&registered,
					       kunit_filter_glob_param,
					       NULL, NULL, &err);
		if (err) {
			kunit_log_emit("# kunit: filtering suites failed: %d", err);
			status = KUNIT_EXIT_FAIL;
			goto out_free_all;
		}
		if (selected.start == selected.end) {
			kunit_log_emit("# kunit: no test matches '%s'",
				       kunit_filter_glob_param);
			status = KUNIT_EXIT_USAGE;
			goto out_free_selected;
		}
	}

	if (kunit_action_param) {
		kunit_exec_list_tests(&selected, false);
		status = KUNIT_EXIT_PASS;
		goto out_free_selected;
	}

	host_boot();
	failed_suites = kunit_run_set(&selected, &cases, &runs);
	kunit_log_emit("# Totals: pass:%lu fail:%lu skip:%lu total:%lu",
		       runs.passed, runs.failed, runs.skipped, runs.total);
	status = failed_suites ? KUNIT_EXIT_FAIL : KUNIT_EXIT_PASS;

out_free_selected:
	if (kunit_filter_glob_param)
		kunit_free_suite_set(selected);
out_free_all:
	kfree(all);
	return status;
}
