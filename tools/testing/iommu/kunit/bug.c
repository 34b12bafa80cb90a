// SPDX-License-Identifier: GPL-2.0
/*
 * Expected warnings: the runner's side of <kunit/bug.h>.
 *
 * The host's WARN() asks kunit_is_suppressed_warning() about the function
 * it fires in; if a test declared warnings of that function as expected,
 * the warning is counted on the declaration and neither printed nor
 * counted as unexpected.
 *
 * Active declarations are kept in a small table of our own rather than
 * linked through the records: records usually live on a test's stack, and
 * the table lets the runner forget the ones a test left active without
 * touching memory that may already be gone.  Warnings can fire on any
 * thread, so the table is locked.
 */
#include <kunit/bug.h>
#include <kunit/test.h>
#include <kunit/test-bug.h>

#include <linux/array_size.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "runner.h"

/* More simultaneously active declarations than any sane test needs. */
#define KUNIT_SUPPRESS_MAX	32

struct kunit_suppression {
	struct __suppressed_warning *record;
	struct kunit *owner;
};

static DEFINE_SPINLOCK(kunit_suppress_lock);
static struct kunit_suppression kunit_suppress_table[KUNIT_SUPPRESS_MAX];
static unsigned int kunit_suppress_count;

/* Drop entry @i, keeping the rest in activation order. Lock held. */
static void kunit_suppress_drop(unsigned int i)
{
	lockdep_assert_held(&kunit_suppress_lock);
	kunit_suppress_count--;
	memmove(&kunit_suppress_table[i], &kunit_suppress_table[i + 1],
		(kunit_suppress_count - i) * sizeof(kunit_suppress_table[0]));
}

/**
 * __kunit_start_suppress_warning() - activate a declaration
 * @warning: the record made by DEFINE_SUPPRESSED_WARNING().
 *
 * The declaration belongs to the running test.  Starting a declaration
 * that is already active does nothing.  If too many are active the running
 * test fails.
 */
void __kunit_start_suppress_warning(struct __suppressed_warning *warning)
{
	bool full = false;
	unsigned int i;

	spin_lock(&kunit_suppress_lock);
	for (i = 0; i < kunit_suppress_count; i++)
		if (kunit_suppress_table[i].record == warning)
			goto out;
	if (kunit_suppress_count == ARRAY_SIZE(kunit_suppress_table)) {
		full = true;
		goto out;
	}
	kunit_suppress_table[kunit_suppress_count].record = warning;
	kunit_suppress_table[kunit_suppress_count].owner = kunit_get_current_test();
	kunit_suppress_count++;
out:
	spin_unlock(&kunit_suppress_lock);
	if (full)
		kunit_fail_current_test("more than %d warning declarations active",
					KUNIT_SUPPRESS_MAX);
}
EXPORT_SYMBOL_GPL(__kunit_start_suppress_warning);

/**
 * __kunit_end_suppress_warning() - withdraw a declaration
 * @warning: the record.  Its count stays readable with
 *	SUPPRESSED_WARNING_COUNT().
 */
void __kunit_end_suppress_warning(struct __suppressed_warning *warning)
{
	unsigned int i;

	spin_lock(&kunit_suppress_lock);
	for (i = 0; i < kunit_suppress_count; i++) {
		if (kunit_suppress_table[i].record == warning) {
			kunit_suppress_drop(i);
			break;
		}
	}
	spin_unlock(&kunit_suppress_lock);
}
EXPORT_SYMBOL_GPL(__kunit_end_suppress_warning);

/**
 * kunit_suppress_warning() - whether a warning is expected, and note it
 * @function: name of the function the warning fires in.
 * @message: the warning's text, or NULL.
 *
 * Called by the host's WARN() implementation.  The warning is counted on
 * the most recently activated declaration for @function, which also keeps
 * @message.
 *
 * Return: true if the warning was declared and must be neither printed nor
 * counted as unexpected.
 */
bool kunit_suppress_warning(const char *function, const char *message)
{
	bool hit = false;
	unsigned int i;

	if (!function)
		return false;
	spin_lock(&kunit_suppress_lock);
	for (i = kunit_suppress_count; i-- > 0;) {
		struct __suppressed_warning *w = kunit_suppress_table[i].record;

		if (!strcmp(w->function, function)) {
			w->counter++;
			if (message)
				strscpy(w->message, message, sizeof(w->message));
			hit = true;
			break;
		}
	}
	spin_unlock(&kunit_suppress_lock);
	return hit;
}
EXPORT_SYMBOL_GPL(kunit_suppress_warning);

/**
 * kunit_is_suppressed_warning() - whether a warning is expected
 * @function: name of the function the warning fires in.
 *
 * kunit_suppress_warning() without a message: the warning is counted.
 *
 * Return: true if the warning was declared.
 */
bool kunit_is_suppressed_warning(const char *function)
{
	return kunit_suppress_warning(function, NULL);
}
EXPORT_SYMBOL_GPL(kunit_is_suppressed_warning);

/**
 * kunit_suppress_release_owned() - withdraw what a test left active
 * @test: the test whose case function just returned or aborted.
 *
 * Only the table is touched, never the records, which may be out of scope.
 */
void kunit_suppress_release_owned(struct kunit *test)
{
	unsigned int i = 0;

	spin_lock(&kunit_suppress_lock);
	while (i < kunit_suppress_count) {
		if (kunit_suppress_table[i].owner == test)
			kunit_suppress_drop(i);
		else
			i++;
	}
	spin_unlock(&kunit_suppress_lock);
}
