// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the host XArray, IDR and IDA.
 */
#include <kunit/bug.h>
#include <kunit/test.h>
#include <linux/idr.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/xarray.h>

static void *p(unsigned long v)
{
	return xa_mk_value(v);
}

static void xarray_store_load_erase(struct kunit *test)
{
	DEFINE_XARRAY(xa);
	unsigned long big = (1UL << 40) + 5;

	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
	KUNIT_EXPECT_NULL(test, xa_store(&xa, 3, p(3), GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, xa_store(&xa, big, p(42), GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, xa_store(&xa, ULONG_MAX, p(7), GFP_KERNEL));
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, 3), p(3));
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, big), p(42));
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, ULONG_MAX), p(7));
	KUNIT_EXPECT_NULL(test, xa_load(&xa, 4));
	KUNIT_EXPECT_PTR_EQ(test, xa_store(&xa, 3, p(33), GFP_KERNEL), p(3));
	KUNIT_EXPECT_PTR_EQ(test, xa_erase(&xa, 3), p(33));
	KUNIT_EXPECT_NULL(test, xa_erase(&xa, 3));
	KUNIT_EXPECT_PTR_EQ(test, xa_erase(&xa, big), p(42));
	KUNIT_EXPECT_FALSE(test, xa_empty(&xa));
	/* Storing NULL erases in a non-allocating array. */
	KUNIT_EXPECT_PTR_EQ(test, xa_store(&xa, ULONG_MAX, NULL, GFP_KERNEL), p(7));
	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
	xa_destroy(&xa);
}

static void xarray_alloc_lowest_free(struct kunit *test)
{
	DEFINE_XARRAY_ALLOC(xa);
	u32 id, i;

	for (i = 0; i < 200; i++) {
		KUNIT_ASSERT_EQ(test, xa_alloc(&xa, &id, p(i), xa_limit_32b, GFP_KERNEL), 0);
		KUNIT_EXPECT_EQ(test, id, i);
	}
	xa_erase(&xa, 70);
	xa_erase(&xa, 5);
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, p(1), xa_limit_32b, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 5);
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, p(1), xa_limit_32b, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 70);
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, p(1), XA_LIMIT(10, 300), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 200);
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, p(1), XA_LIMIT(1000, 1001), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 1000);
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, p(1), XA_LIMIT(1000, 1001), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 1001);
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, p(1), XA_LIMIT(1000, 1001), GFP_KERNEL), -EBUSY);
	/* A NULL entry reserves the id: it reads as NULL but is not free. */
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, NULL, xa_limit_32b, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 201);
	KUNIT_EXPECT_NULL(test, xa_load(&xa, 201));
	KUNIT_EXPECT_EQ(test, xa_alloc(&xa, &id, p(1), xa_limit_32b, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 202);
	xa_destroy(&xa);
	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
}

static void xarray_alloc1_and_cyclic(struct kunit *test)
{
	DEFINE_XARRAY_ALLOC1(xa1);
	DEFINE_XARRAY_ALLOC(xa);
	struct xa_limit lim = XA_LIMIT(0, 3);
	u32 id, next = 0;

	KUNIT_EXPECT_EQ(test, xa_alloc(&xa1, &id, p(1), xa_limit_32b, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 1);
	xa_destroy(&xa1);

	KUNIT_EXPECT_EQ(test, xa_alloc_cyclic(&xa, &id, p(1), lim, &next, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 0);
	KUNIT_EXPECT_EQ(test, xa_alloc_cyclic(&xa, &id, p(1), lim, &next, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 1);
	xa_erase(&xa, 0);
	KUNIT_EXPECT_EQ(test, xa_alloc_cyclic(&xa, &id, p(1), lim, &next, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 2);
	KUNIT_EXPECT_EQ(test, xa_alloc_cyclic(&xa, &id, p(1), lim, &next, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, id, 3);
	/* Wraps around to the freed id 0 and says so. */
	KUNIT_EXPECT_EQ(test, xa_alloc_cyclic(&xa, &id, p(1), lim, &next, GFP_KERNEL), 1);
	KUNIT_EXPECT_EQ(test, id, 0);
	KUNIT_EXPECT_EQ(test, xa_alloc_cyclic(&xa, &id, p(1), lim, &next, GFP_KERNEL), -EBUSY);
	xa_destroy(&xa);
}

static void xarray_insert_reserve_release(struct kunit *test)
{
	DEFINE_XARRAY(xa);

	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 10, p(1), GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 10, p(2), GFP_KERNEL), -EBUSY);
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, 10), p(1));

	KUNIT_EXPECT_EQ(test, xa_reserve(&xa, 11, GFP_KERNEL), 0);
	KUNIT_EXPECT_NULL(test, xa_load(&xa, 11));
	KUNIT_EXPECT_FALSE(test, xa_empty(&xa));
	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 11, p(3), GFP_KERNEL), -EBUSY);
	/* Reserving an occupied slot changes nothing. */
	KUNIT_EXPECT_EQ(test, xa_reserve(&xa, 10, GFP_KERNEL), 0);
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, 10), p(1));

	/* Release removes only a still-reserved slot. */
	KUNIT_EXPECT_NULL(test, xa_store(&xa, 11, p(4), GFP_KERNEL));
	xa_release(&xa, 11);
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, 11), p(4));
	KUNIT_EXPECT_EQ(test, xa_reserve(&xa, 12, GFP_KERNEL), 0);
	xa_release(&xa, 12);
	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 12, p(5), GFP_KERNEL), 0);

	/* Reserved entries are skipped by iteration. */
	KUNIT_EXPECT_EQ(test, xa_reserve(&xa, 13, GFP_KERNEL), 0);
	{
		unsigned long index, n = 0;
		void *entry;

		xa_for_each(&xa, index, entry)
			n++;
		KUNIT_EXPECT_EQ(test, n, 3);
	}
	/* Inserting NULL reserves. */
	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 14, NULL, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 14, p(6), GFP_KERNEL), -EBUSY);
	xa_destroy(&xa);
}

static void xarray_cmpxchg(struct kunit *test)
{
	DEFINE_XARRAY(xa);

	KUNIT_EXPECT_NULL(test, xa_cmpxchg(&xa, 5, NULL, p(1), GFP_KERNEL));
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, 5), p(1));
	KUNIT_EXPECT_PTR_EQ(test, xa_cmpxchg(&xa, 5, p(9), p(2), GFP_KERNEL), p(1));
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, 5), p(1));
	KUNIT_EXPECT_PTR_EQ(test, xa_cmpxchg(&xa, 5, p(1), p(2), GFP_KERNEL), p(1));
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, 5), p(2));
	KUNIT_EXPECT_PTR_EQ(test, xa_cmpxchg(&xa, 5, p(2), NULL, GFP_KERNEL), p(2));
	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
	/* Internal entries may not be stored. */
	{
		DEFINE_SUPPRESSED_WARNING(__xa_cmpxchg);

		START_SUPPRESSED_WARNING(__xa_cmpxchg);
		KUNIT_EXPECT_EQ(test, xa_err(xa_cmpxchg(&xa, 1, NULL, XA_RETRY_ENTRY, GFP_KERNEL)),
				-EINVAL);
		END_SUPPRESSED_WARNING(__xa_cmpxchg);
		KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(__xa_cmpxchg), 1);
	}
	xa_destroy(&xa);
}

static void xarray_marks(struct kunit *test)
{
	DEFINE_XARRAY(xa);
	unsigned long index, seen[8], n = 0;
	void *entry;
	int i;

	for (i = 0; i < 8; i++)
		xa_store(&xa, i * 1000, p(i), GFP_KERNEL);
	xa_set_mark(&xa, 2000, XA_MARK_1);
	xa_set_mark(&xa, 7000, XA_MARK_1);
	xa_set_mark(&xa, 5000, XA_MARK_2);
	xa_set_mark(&xa, 123, XA_MARK_1);	/* no entry: ignored */
	KUNIT_EXPECT_TRUE(test, xa_get_mark(&xa, 2000, XA_MARK_1));
	KUNIT_EXPECT_FALSE(test, xa_get_mark(&xa, 2000, XA_MARK_2));
	KUNIT_EXPECT_FALSE(test, xa_get_mark(&xa, 123, XA_MARK_1));
	KUNIT_EXPECT_TRUE(test, xa_marked(&xa, XA_MARK_1));
	KUNIT_EXPECT_FALSE(test, xa_marked(&xa, XA_MARK_0));

	xa_for_each_marked(&xa, index, entry, XA_MARK_1)
		seen[n++] = index;
	KUNIT_ASSERT_EQ(test, n, 2);
	KUNIT_EXPECT_EQ(test, seen[0], 2000);
	KUNIT_EXPECT_EQ(test, seen[1], 7000);

	xa_clear_mark(&xa, 2000, XA_MARK_1);
	KUNIT_EXPECT_FALSE(test, xa_get_mark(&xa, 2000, XA_MARK_1));
	/* Erasing an entry drops its marks. */
	xa_erase(&xa, 7000);
	KUNIT_EXPECT_FALSE(test, xa_marked(&xa, XA_MARK_1));
	xa_store(&xa, 7000, p(7), GFP_KERNEL);
	KUNIT_EXPECT_FALSE(test, xa_get_mark(&xa, 7000, XA_MARK_1));
	KUNIT_EXPECT_TRUE(test, xa_get_mark(&xa, 5000, XA_MARK_2));
	xa_destroy(&xa);
}

static void xarray_iterate_range(struct kunit *test)
{
	DEFINE_XARRAY(xa);
	unsigned long index, expect = 10;
	void *entry;
	int n = 0;

	for (index = 0; index < 100; index += 10)
		xa_store(&xa, index, p(index), GFP_KERNEL);
	xa_for_each_range(&xa, index, entry, 5, 55) {
		KUNIT_EXPECT_EQ(test, index, expect);
		KUNIT_EXPECT_PTR_EQ(test, entry, p(index));
		expect += 10;
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 5);
	index = 91;
	KUNIT_EXPECT_NULL(test, xa_find(&xa, &index, ULONG_MAX, XA_PRESENT));
	KUNIT_EXPECT_EQ(test, index, 91);
	index = 90;
	KUNIT_EXPECT_PTR_EQ(test, xa_find(&xa, &index, ULONG_MAX, XA_PRESENT), p(90));
	xa_destroy(&xa);
}

static void xarray_random_vs_model(struct kunit *test)
{
	const unsigned int n = 2000;
	DEFINE_XARRAY(xa);
	unsigned long *model;
	unsigned int i;

	model = kunit_kcalloc(test, n, sizeof(*model), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, model);
	for (i = 0; i < 20000; i++) {
		unsigned int idx = get_random_u32_below(n) * 37;
		unsigned long v = get_random_u32_below(1000) + 1;

		if (get_random_u32_below(3) == 0) {
			xa_erase(&xa, idx);
			model[idx / 37] = 0;
		} else {
			xa_store(&xa, idx, p(v), GFP_KERNEL);
			model[idx / 37] = v;
		}
	}
	for (i = 0; i < n; i++) {
		void *e = xa_load(&xa, i * 37);

		if (model[i])
			KUNIT_EXPECT_PTR_EQ(test, e, p(model[i]));
		else
			KUNIT_EXPECT_NULL(test, e);
	}
	for (i = 0; i < n; i++)
		xa_erase(&xa, i * 37);
	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
}

static void xarray_alloc_failure(struct kunit *test)
{
	DEFINE_XARRAY_ALLOC(xa);
	u32 id = 77;
	int ret;

	/* The first node allocation fails: nothing may be left behind. */
	current->fail_nth = 1;
	ret = xa_alloc(&xa, &id, p(1), xa_limit_32b, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, ret, -ENOMEM);
	KUNIT_EXPECT_EQ(test, current->fail_nth, 0);
	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
	KUNIT_EXPECT_EQ(test, xa_err(xa_store(&xa, 5000, p(1), GFP_KERNEL)), 0);
	/* Growing a level fails: the existing entry must survive. */
	current->fail_nth = 1;
	KUNIT_EXPECT_EQ(test, xa_err(xa_store(&xa, 1UL << 30, p(2), GFP_KERNEL)), -ENOMEM);
	KUNIT_EXPECT_PTR_EQ(test, xa_load(&xa, 5000), p(1));
	KUNIT_EXPECT_NULL(test, xa_load(&xa, 1UL << 30));
	current->fail_nth = 2;
	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 1UL << 30, p(2), GFP_KERNEL), -ENOMEM);
	KUNIT_EXPECT_NULL(test, xa_load(&xa, 1UL << 30));
	/* __GFP_NOFAIL ignores injection. */
	current->fail_nth = 1;
	KUNIT_EXPECT_EQ(test, xa_insert(&xa, 1UL << 30, p(2), GFP_KERNEL | __GFP_NOFAIL), 0);
	current->fail_nth = 0;
	xa_erase(&xa, 5000);
	xa_erase(&xa, 1UL << 30);
	KUNIT_EXPECT_TRUE(test, xa_empty(&xa));
}

static void ida_basic(struct kunit *test)
{
	DEFINE_IDA(ida);
	DEFINE_SUPPRESSED_WARNING(ida_free);

	KUNIT_EXPECT_EQ(test, ida_alloc(&ida, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, ida_alloc(&ida, GFP_KERNEL), 1);
	KUNIT_EXPECT_EQ(test, ida_alloc_min(&ida, 10, GFP_KERNEL), 10);
	KUNIT_EXPECT_EQ(test, ida_alloc_max(&ida, 1, GFP_KERNEL), -ENOSPC);
	KUNIT_EXPECT_EQ(test, ida_alloc_range(&ida, 5, 6, GFP_KERNEL), 5);
	KUNIT_EXPECT_EQ(test, ida_alloc_range(&ida, 5, 6, GFP_KERNEL), 6);
	KUNIT_EXPECT_EQ(test, ida_alloc_range(&ida, 5, 6, GFP_KERNEL), -ENOSPC);
	ida_free(&ida, 0);
	KUNIT_EXPECT_EQ(test, ida_alloc(&ida, GFP_KERNEL), 0);
	KUNIT_EXPECT_TRUE(test, ida_exists(&ida, 10));
	KUNIT_EXPECT_FALSE(test, ida_exists(&ida, 11));

	START_SUPPRESSED_WARNING(ida_free);
	ida_free(&ida, 3);
	END_SUPPRESSED_WARNING(ida_free);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(ida_free), 1);
	ida_destroy(&ida);
	KUNIT_EXPECT_TRUE(test, ida_is_empty(&ida));
}

static void idr_basic(struct kunit *test)
{
	DEFINE_IDR(idr);
	int a = 1, b = 2, id;
	void *entry;
	int n = 0;

	KUNIT_EXPECT_EQ(test, idr_alloc(&idr, &a, 1, 0, GFP_KERNEL), 1);
	KUNIT_EXPECT_EQ(test, idr_alloc(&idr, &b, 1, 0, GFP_KERNEL), 2);
	KUNIT_EXPECT_EQ(test, idr_alloc(&idr, &b, 5, 6, GFP_KERNEL), 5);
	KUNIT_EXPECT_EQ(test, idr_alloc(&idr, &b, 5, 6, GFP_KERNEL), -ENOSPC);
	KUNIT_EXPECT_PTR_EQ(test, idr_find(&idr, 1), (void *)&a);
	KUNIT_EXPECT_PTR_EQ(test, idr_replace(&idr, &a, 2), (void *)&b);
	KUNIT_EXPECT_TRUE(test, IS_ERR(idr_replace(&idr, &a, 3)));
	idr_for_each_entry(&idr, entry, id)
		n++;
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_EXPECT_PTR_EQ(test, idr_remove(&idr, 5), (void *)&b);
	idr_destroy(&idr);
	KUNIT_EXPECT_TRUE(test, idr_is_empty(&idr));
}

static struct kunit_case hostenv_xarray_cases[] = {
	KUNIT_CASE(xarray_store_load_erase),
	KUNIT_CASE(xarray_alloc_lowest_free),
	KUNIT_CASE(xarray_alloc1_and_cyclic),
	KUNIT_CASE(xarray_insert_reserve_release),
	KUNIT_CASE(xarray_cmpxchg),
	KUNIT_CASE(xarray_marks),
	KUNIT_CASE(xarray_iterate_range),
	KUNIT_CASE(xarray_random_vs_model),
	KUNIT_CASE(xarray_alloc_failure),
	KUNIT_CASE(ida_basic),
	KUNIT_CASE(idr_basic),
	{}
};

static struct kunit_suite hostenv_xarray_suite = {
	.name = "hostenv_xarray",
	.test_cases = hostenv_xarray_cases,
};

kunit_test_suite(hostenv_xarray_suite);
