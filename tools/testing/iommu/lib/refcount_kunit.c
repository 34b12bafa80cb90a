// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of refcount_t and kref.
 */
#include <kunit/bug.h>
#include <kunit/test.h>
#include <linux/kref.h>
#include <linux/refcount.h>

static void refcount_basic(struct kunit *test)
{
	refcount_t r = REFCOUNT_INIT(1);

	refcount_inc(&r);
	refcount_add(3, &r);
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 5);
	KUNIT_EXPECT_TRUE(test, refcount_inc_not_zero(&r));
	KUNIT_EXPECT_FALSE(test, refcount_dec_and_test(&r));
	refcount_dec(&r);
	KUNIT_EXPECT_TRUE(test, refcount_dec_not_one(&r));
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 3);
	KUNIT_EXPECT_FALSE(test, refcount_sub_and_test(2, &r));
	KUNIT_EXPECT_FALSE(test, refcount_dec_not_one(&r));
	KUNIT_EXPECT_TRUE(test, refcount_dec_and_test(&r));
	KUNIT_EXPECT_FALSE(test, refcount_inc_not_zero(&r));
	KUNIT_EXPECT_EQ(test, refcount_read(&r), 0);
}

static void refcount_saturation_warns(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(refcount_warn_saturate);
	refcount_t r;

	START_SUPPRESSED_WARNING(refcount_warn_saturate);

	/* Increment from zero: use-after-free. */
	refcount_set(&r, 0);
	refcount_inc(&r);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(refcount_warn_saturate), 1);
	KUNIT_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);

	/* Overflow. */
	refcount_set(&r, INT_MAX);
	refcount_inc(&r);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(refcount_warn_saturate), 2);
	KUNIT_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);

	/* A saturated counter never reaches zero. */
	KUNIT_EXPECT_FALSE(test, refcount_dec_and_test(&r));
	KUNIT_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);

	/* Underflow. */
	refcount_set(&r, 0);
	KUNIT_EXPECT_FALSE(test, refcount_dec_and_test(&r));
	KUNIT_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);
	KUNIT_EXPECT_GE(test, SUPPRESSED_WARNING_COUNT(refcount_warn_saturate), 3);

	/* refcount_dec() to zero leaks. */
	refcount_set(&r, 1);
	refcount_dec(&r);
	KUNIT_EXPECT_EQ(test, (int)refcount_read(&r), REFCOUNT_SATURATED);

	END_SUPPRESSED_WARNING(refcount_warn_saturate);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(refcount_warn_saturate), 5);
}

static int kref_released;

static void kref_release_fn(struct kref *kref)
{
	kref_released++;
}

static void kref_lifecycle(struct kunit *test)
{
	struct kref k;

	kref_released = 0;
	kref_init(&k);
	kref_get(&k);
	KUNIT_EXPECT_EQ(test, kref_read(&k), 2);
	KUNIT_EXPECT_EQ(test, kref_put(&k, kref_release_fn), 0);
	KUNIT_EXPECT_EQ(test, kref_released, 0);
	KUNIT_EXPECT_EQ(test, kref_put(&k, kref_release_fn), 1);
	KUNIT_EXPECT_EQ(test, kref_released, 1);
	KUNIT_EXPECT_EQ(test, kref_get_unless_zero(&k), 0);
}

static struct kunit_case hostenv_refcount_cases[] = {
	KUNIT_CASE(refcount_basic),
	KUNIT_CASE(refcount_saturation_warns),
	KUNIT_CASE(kref_lifecycle),
	{}
};

static struct kunit_suite hostenv_refcount_suite = {
	.name = "hostenv_refcount",
	.test_cases = hostenv_refcount_cases,
};

kunit_test_suite(hostenv_refcount_suite);
