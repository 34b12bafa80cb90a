/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit assertion records for the host runner.
 *
 * A failing KUNIT_EXPECT_*() or KUNIT_ASSERT_*() builds one struct
 * kunit_assert on its stack describing what was compared, and hands it to
 * the runner, which turns it into KTAP diagnostic lines.  Nothing here is
 * touched on the passing path.
 */
#ifndef _KUNIT_ASSERT_H
#define _KUNIT_ASSERT_H

#include <linux/types.h>

struct kunit;

/**
 * enum kunit_assert_type - whether a failed check ends the test case
 * @KUNIT_ASSERTION: a KUNIT_ASSERT_*() check; failure aborts the case.
 * @KUNIT_EXPECTATION: a KUNIT_EXPECT_*() check; failure is recorded and the
 *	case goes on.
 */
enum kunit_assert_type {
	KUNIT_ASSERTION,
	KUNIT_EXPECTATION,
};

/**
 * struct kunit_loc - source position of a check
 * @line: line number, from __LINE__.
 * @file: file name, from __FILE__.
 */
struct kunit_loc {
	int line;
	const char *file;
};

#define KUNIT_CURRENT_LOC { .file = __FILE__, .line = __LINE__ }

/**
 * enum kunit_assert_kind - which family of check failed
 * @KUNIT_ASSERT_KIND_FAIL: KUNIT_FAIL(); only the message is reported.
 * @KUNIT_ASSERT_KIND_BOOL: KUNIT_*_TRUE() / KUNIT_*_FALSE().
 * @KUNIT_ASSERT_KIND_INT: integer comparison (EQ, NE, LT, LE, GT, GE).
 * @KUNIT_ASSERT_KIND_PTR: pointer comparison (PTR_EQ, PTR_NE, NULL, NOT_NULL).
 * @KUNIT_ASSERT_KIND_STR: string comparison (STREQ, STRNEQ).
 * @KUNIT_ASSERT_KIND_MEM: memory comparison (MEMEQ, MEMNEQ).
 * @KUNIT_ASSERT_KIND_NOT_ERR_OR_NULL: KUNIT_*_NOT_ERR_OR_NULL().
 */
enum kunit_assert_kind {
	KUNIT_ASSERT_KIND_FAIL,
	KUNIT_ASSERT_KIND_BOOL,
	KUNIT_ASSERT_KIND_INT,
	KUNIT_ASSERT_KIND_PTR,
	KUNIT_ASSERT_KIND_STR,
	KUNIT_ASSERT_KIND_MEM,
	KUNIT_ASSERT_KIND_NOT_ERR_OR_NULL,
};

/**
 * struct kunit_binary_assert_text - the source text of a comparison
 * @operation: the C operator as written, e.g. "==".
 * @left_text: the left operand as written.
 * @right_text: the right operand as written.
 *
 * One of these is emitted as a static constant at each comparison site.
 */
struct kunit_binary_assert_text {
	const char *operation;
	const char *left_text;
	const char *right_text;
};

/**
 * union kunit_assert_value - an operand value captured by a failed check
 * @as_int: integer operands, widened to long long.
 * @as_ptr: pointer and memory operands.
 * @as_str: string operands.
 */
union kunit_assert_value {
	long long as_int;
	const void *as_ptr;
	const char *as_str;
};

/**
 * struct kunit_assert - everything needed to describe one failed check
 * @kind: the family of the check, selects how the rest is printed.
 * @text: operator and operand text (comparisons only).
 * @condition: the expression text (boolean and not-error checks).
 * @expected_true: for boolean checks, the truth value that was wanted.
 * @left_value: the left operand's value, or the checked pointer.
 * @right_value: the right operand's value.
 * @size: number of bytes compared (memory checks only).
 */
struct kunit_assert {
	enum kunit_assert_kind kind;
	const struct kunit_binary_assert_text *text;
	const char *condition;
	bool expected_true;
	union kunit_assert_value left_value;
	union kunit_assert_value right_value;
	size_t size;
};

#endif /* _KUNIT_ASSERT_H */
