// SPDX-License-Identifier: GPL-2.0
/*
 * Turning a failed KUnit check into diagnostic lines.
 *
 * The text follows KUnit's: a first line naming the kind of check and its
 * position ("EXPECTATION FAILED at file:line"), then what was expected, then
 * the operand values that are not obvious from the source text, then the
 * user's message.  Every line is a KTAP "# " diagnostic of the case.
 */
#include <kunit/assert.h>
#include <kunit/test.h>

#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "runner.h"

/* Bytes shown per hexdump line of a failed memory comparison. */
#define KUNIT_HEXDUMP_ROW	16

/* One diagnostic line (or block of lines) of @test's failure report. */
#define kunit_diag(test, fmt, ...)					\
	kunit_log(KERN_ERR, test, KUNIT_SUBTEST_INDENT "# " fmt, ##__VA_ARGS__)

/* True if the source text of an operand already shows its value. */
static bool kunit_text_is_number(const char *text, long long value)
{
	char digits[24];

	snprintf(digits, sizeof(digits), "%lld", value);
	return !strcmp(digits, text);
}

/* True if the source text of an operand is the string literal @value. */
static bool kunit_text_is_string(const char *text, const char *value)
{
	size_t len = strlen(text);

	if (!value || len < 2 || text[0] != '"' || text[len - 1] != '"')
		return false;
	return strlen(value) == len - 2 && !strncmp(text + 1, value, len - 2);
}

static void kunit_report_expected(struct kunit *test,
				  const struct kunit_binary_assert_text *t)
{
	kunit_diag(test, "Expected %s %s %s, but", t->left_text, t->operation,
		   t->right_text);
}

static void kunit_report_int(struct kunit *test, const struct kunit_assert *a)
{
	kunit_report_expected(test, a->text);
	if (!kunit_text_is_number(a->text->left_text, a->left_value.as_int))
		kunit_diag(test, "    %s == %lld (0x%llx)", a->text->left_text,
			   a->left_value.as_int, (unsigned long long)a->left_value.as_int);
	if (!kunit_text_is_number(a->text->right_text, a->right_value.as_int))
		kunit_diag(test, "    %s == %lld (0x%llx)", a->text->right_text,
			   a->right_value.as_int, (unsigned long long)a->right_value.as_int);
}

static void kunit_report_ptr(struct kunit *test, const struct kunit_assert *a)
{
	kunit_report_expected(test, a->text);
	kunit_diag(test, "    %s == %016lx", a->text->left_text,
		   (unsigned long)a->left_value.as_ptr);
	kunit_diag(test, "    %s == %016lx", a->text->right_text,
		   (unsigned long)a->right_value.as_ptr);
}

static void kunit_report_str_side(struct kunit *test, const char *text,
				  const char *value)
{
	if (!value)
		kunit_diag(test, "    %s == NULL", text);
	else if (!kunit_text_is_string(text, value))
		kunit_diag(test, "    %s == \"%s\"", text, value);
}

static void kunit_report_str(struct kunit *test, const struct kunit_assert *a)
{
	kunit_report_expected(test, a->text);
	kunit_report_str_side(test, a->text->left_text, a->left_value.as_str);
	kunit_report_str_side(test, a->text->right_text, a->right_value.as_str);
}

/*
 * Print @len bytes of @buf in rows, with each byte that differs from the
 * same byte of @other in angle brackets.
 */
static void kunit_report_hexdump(struct kunit *test, const u8 *buf,
				 const u8 *other, size_t len)
{
	char row[KUNIT_HEXDUMP_ROW * 4 + 1];
	size_t off, i;

	for (off = 0; off < len; off += KUNIT_HEXDUMP_ROW) {
		size_t pos = 0;

		for (i = off; i < len && i < off + KUNIT_HEXDUMP_ROW; i++) {
			bool differs = buf[i] != other[i];

			pos += scnprintf(row + pos, sizeof(row) - pos,
					 differs ? "<%02x>" : " %02x ", buf[i]);
		}
		/* The last byte's padding would only be trailing blanks. */
		while (pos && row[pos - 1] == ' ')
			row[--pos] = '\0';
		kunit_diag(test, "    %s", row);
	}
}

static void kunit_report_mem(struct kunit *test, const struct kunit_assert *a)
{
	const struct kunit_binary_assert_text *t = a->text;

	if (!a->left_value.as_ptr) {
		kunit_diag(test, "Expected %s is not null, but is", t->left_text);
		return;
	}
	if (!a->right_value.as_ptr) {
		kunit_diag(test, "Expected %s is not null, but is", t->right_text);
		return;
	}
	kunit_report_expected(test, t);
	kunit_diag(test, "    %s ==", t->left_text);
	kunit_report_hexdump(test, a->left_value.as_ptr, a->right_value.as_ptr, a->size);
	kunit_diag(test, "    %s ==", t->right_text);
	kunit_report_hexdump(test, a->right_value.as_ptr, a->left_value.as_ptr, a->size);
}

static void kunit_report_not_err_or_null(struct kunit *test,
					 const struct kunit_assert *a)
{
	if (!a->left_value.as_ptr)
		kunit_diag(test, "Expected %s is not null, but is", a->condition);
	else
		kunit_diag(test, "Expected %s is not error, but is: %ld",
			   a->condition, PTR_ERR(a->left_value.as_ptr));
}

/**
 * kunit_assert_report() - print the diagnostic for a failed check
 * @test: the test the check belongs to.
 * @loc: where the check is.
 * @type: expectation or assertion.
 * @a: what was checked, and the values seen.
 * @fmt: the user's message, or NULL.
 * @args: arguments of @fmt.
 */
void kunit_assert_report(struct kunit *test, const struct kunit_loc *loc,
			 enum kunit_assert_type type,
			 const struct kunit_assert *a, const char *fmt,
			 va_list *args)
{
	kunit_err(test, "%s FAILED at %s:%d",
		  type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION",
		  loc->file, loc->line);

	switch (a->kind) {
	case KUNIT_ASSERT_KIND_FAIL:
		break;
	case KUNIT_ASSERT_KIND_BOOL:
		kunit_diag(test, "Expected %s to be %s, but is %s", a->condition,
			   a->expected_true ? "true" : "false",
			   a->expected_true ? "false" : "true");
		break;
	case KUNIT_ASSERT_KIND_INT:
		kunit_report_int(test, a);
		break;
	case KUNIT_ASSERT_KIND_PTR:
		kunit_report_ptr(test, a);
		break;
	case KUNIT_ASSERT_KIND_STR:
		kunit_report_str(test, a);
		break;
	case KUNIT_ASSERT_KIND_MEM:
		kunit_report_mem(test, a);
		break;
	case KUNIT_ASSERT_KIND_NOT_ERR_OR_NULL:
		kunit_report_not_err_or_null(test, a);
		break;
	}

	if (fmt) {
		char msg[512];
		va_list copy;

		va_copy(copy, *args);
		vscnprintf(msg, sizeof(msg), fmt, copy);
		va_end(copy);
		if (msg[0])
			kunit_diag(test, "%s", msg);
	}
}
