// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of bitmaps, bit operations and bit fields.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/log2.h>
#include <linux/random.h>

static void bitmap_set_clear_find(struct kunit *test)
{
	DECLARE_BITMAP(map, 200);
	unsigned long bit;
	int n = 0;

	bitmap_zero(map, 200);
	KUNIT_EXPECT_TRUE(test, bitmap_empty(map, 200));
	bitmap_set(map, 60, 10);
	KUNIT_EXPECT_EQ(test, bitmap_weight(map, 200), 10U);
	KUNIT_EXPECT_EQ(test, find_first_bit(map, 200), 60UL);
	KUNIT_EXPECT_EQ(test, find_next_zero_bit(map, 200, 60), 70UL);
	KUNIT_EXPECT_EQ(test, find_last_bit(map, 200), 69UL);
	bitmap_clear(map, 62, 3);
	for_each_set_bit(bit, map, 200)
		n++;
	KUNIT_EXPECT_EQ(test, n, 7);
	KUNIT_EXPECT_FALSE(test, test_bit(63, map));
	KUNIT_EXPECT_TRUE(test, test_bit(65, map));
	KUNIT_EXPECT_TRUE(test, test_and_clear_bit(65, map));
	KUNIT_EXPECT_FALSE(test, test_and_set_bit(199, map));
	KUNIT_EXPECT_EQ(test, find_last_bit(map, 200), 199UL);
	KUNIT_EXPECT_EQ(test, find_next_bit(map, 199, 70), 199UL);
	bitmap_fill(map, 200);
	KUNIT_EXPECT_TRUE(test, bitmap_full(map, 200));
	KUNIT_EXPECT_EQ(test, find_first_zero_bit(map, 200), 200UL);
}

static void bitmap_ops_vs_bits(struct kunit *test)
{
	DECLARE_BITMAP(a, 150);
	DECLARE_BITMAP(b, 150);
	DECLARE_BITMAP(r, 150);
	unsigned int i, weight = 0;

	bitmap_zero(a, 150);
	bitmap_zero(b, 150);
	for (i = 0; i < 150; i++) {
		if (get_random_u32_below(2))
			__set_bit(i, a);
		if (get_random_u32_below(2))
			__set_bit(i, b);
	}
	bitmap_and(r, a, b, 150);
	for (i = 0; i < 150; i++) {
		KUNIT_EXPECT_EQ(test, test_bit(i, r), test_bit(i, a) && test_bit(i, b));
		weight += test_bit(i, a) && test_bit(i, b);
	}
	KUNIT_EXPECT_EQ(test, bitmap_weight_and(a, b, 150), weight);
	bitmap_or(r, a, b, 150);
	for (i = 0; i < 150; i++)
		KUNIT_EXPECT_EQ(test, test_bit(i, r), test_bit(i, a) || test_bit(i, b));
	bitmap_shift_left(r, a, 7, 150);
	for (i = 0; i < 150; i++)
		KUNIT_EXPECT_EQ(test, test_bit(i, r), i >= 7 && test_bit(i - 7, a));
	bitmap_shift_right(r, a, 70, 150);
	for (i = 0; i < 150; i++)
		KUNIT_EXPECT_EQ(test, test_bit(i, r), i + 70 < 150 && test_bit(i + 70, a));
	bitmap_andnot(r, a, a, 150);
	KUNIT_EXPECT_TRUE(test, bitmap_empty(r, 150));
	KUNIT_EXPECT_TRUE(test, bitmap_subset(r, a, 150));
	KUNIT_EXPECT_TRUE(test, bitmap_equal(a, a, 150));
}

static void bitmap_regions(struct kunit *test)
{
	DECLARE_BITMAP(map, 64);
	unsigned long pos;

	bitmap_zero(map, 64);
	KUNIT_EXPECT_EQ(test, bitmap_find_free_region(map, 64, 2), 0);
	KUNIT_EXPECT_EQ(test, bitmap_find_free_region(map, 64, 3), 8);
	KUNIT_EXPECT_EQ(test, bitmap_allocate_region(map, 8, 1), -EBUSY);
	bitmap_release_region(map, 0, 2);
	KUNIT_EXPECT_EQ(test, bitmap_find_free_region(map, 64, 1), 0);
	pos = bitmap_find_next_zero_area(map, 64, 0, 5, 3);
	KUNIT_EXPECT_EQ(test, pos, 16UL);
}

static void bitops_and_fields(struct kunit *test)
{
	u32 reg = 0;

	KUNIT_EXPECT_EQ(test, __ffs(0x80UL), 7UL);
	KUNIT_EXPECT_EQ(test, __fls(0x80UL), 7UL);
	KUNIT_EXPECT_EQ(test, fls(0), 0);
	KUNIT_EXPECT_EQ(test, fls64(1ULL << 40), 41);
	KUNIT_EXPECT_EQ(test, ilog2(4096), 12);
	KUNIT_EXPECT_EQ(test, order_base_2(4097), 13);
	KUNIT_EXPECT_EQ(test, roundup_pow_of_two(1000), 1024UL);
	KUNIT_EXPECT_EQ(test, GENMASK(7, 4), 0xf0UL);
	KUNIT_EXPECT_EQ(test, GENMASK_ULL(63, 62), 0xc000000000000000ULL);
	KUNIT_EXPECT_EQ(test, hweight64(0xff00ff00ULL), 16U);
	KUNIT_EXPECT_EQ(test, sign_extend64(0x80, 7), -128LL);
	reg |= FIELD_PREP(GENMASK(11, 8), 0xa);
	reg |= FIELD_PREP(GENMASK(3, 0), 0x5);
	KUNIT_EXPECT_EQ(test, reg, 0xa05U);
	KUNIT_EXPECT_EQ(test, FIELD_GET(GENMASK(11, 8), reg), 0xaU);
	KUNIT_EXPECT_EQ(test, le64_get_bits(cpu_to_le64(0x1234), GENMASK_ULL(15, 8)), 0x12ULL);
	KUNIT_EXPECT_EQ(test, (unsigned long)FIELD_MAX(GENMASK(5, 2)), 15UL);
}

static void bitmap_print_parse(struct kunit *test)
{
	DECLARE_BITMAP(map, 100);
	DECLARE_BITMAP(back, 100);
	char buf[64];

	bitmap_zero(map, 100);
	bitmap_set(map, 0, 4);
	__set_bit(7, map);
	bitmap_set(map, 64, 3);
	snprintf(buf, sizeof(buf), "%*pbl", 100, map);
	KUNIT_EXPECT_STREQ(test, buf, "0-3,7,64-66");
	KUNIT_EXPECT_EQ(test, bitmap_parselist(buf, back, 100), 0);
	KUNIT_EXPECT_TRUE(test, bitmap_equal(map, back, 100));
	KUNIT_EXPECT_EQ(test, bitmap_parselist("1-200", back, 100), -ERANGE);
	KUNIT_EXPECT_EQ(test, bitmap_parselist("3-1", back, 100), -EINVAL);
	snprintf(buf, sizeof(buf), "%*pb", 40, map);
	KUNIT_EXPECT_STREQ(test, buf, "00,0000008f");
}

static struct kunit_case hostenv_bitmap_cases[] = {
	KUNIT_CASE(bitmap_set_clear_find),
	KUNIT_CASE(bitmap_ops_vs_bits),
	KUNIT_CASE(bitmap_regions),
	KUNIT_CASE(bitops_and_fields),
	KUNIT_CASE(bitmap_print_parse),
	{}
};

static struct kunit_suite hostenv_bitmap_suite = {
	.name = "hostenv_bitmap",
	.test_cases = hostenv_bitmap_cases,
};

kunit_test_suite(hostenv_bitmap_suite);
