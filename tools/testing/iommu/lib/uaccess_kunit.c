// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of user memory access: bad pointers give short counts or
 * -EFAULT, never a crash.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <host/mem.h>

/* A page-aligned range guaranteed to fault on any access. */
static char *hole;
#define HOLE_BASE ((unsigned long)hole)

static int uaccess_init(struct kunit *test)
{
	if (!hole)
		hole = host_guard_region(PAGE_SIZE, 0);
	KUNIT_ASSERT_NOT_NULL(test, hole);
	return 0;
}

static void uaccess_copy_basic(struct kunit *test)
{
	char *user = kunit_kzalloc(test, 64, GFP_KERNEL);
	char kbuf[16];

	KUNIT_ASSERT_NOT_NULL(test, user);
	memcpy(user, "hello", 6);
	KUNIT_EXPECT_EQ(test, copy_from_user(kbuf, (void __user *)user, 6), 0UL);
	KUNIT_EXPECT_STREQ(test, kbuf, "hello");
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(user + 10), "world", 6), 0UL);
	KUNIT_EXPECT_STREQ(test, user + 10, "world");
	KUNIT_EXPECT_EQ(test, clear_user((void __user *)user, 6), 0UL);
	KUNIT_EXPECT_EQ(test, user[0], 0);
}

static void uaccess_bad_pointers(struct kunit *test)
{
	char kbuf[32];
	u32 v = 0x55;

	memset(kbuf, 'x', sizeof(kbuf));
	KUNIT_EXPECT_EQ(test, copy_from_user(kbuf, NULL, 8), 8UL);
	/* The part that could not be copied is zeroed. */
	KUNIT_EXPECT_EQ(test, kbuf[0], 0);
	KUNIT_EXPECT_EQ(test, copy_to_user(NULL, kbuf, 8), 8UL);
	KUNIT_EXPECT_EQ(test, copy_from_user(kbuf, (void __user *)HOLE_BASE, 8), 8UL);
	KUNIT_EXPECT_EQ(test, get_user(v, (u32 __user *)HOLE_BASE), -EFAULT);
	KUNIT_EXPECT_EQ(test, v, 0U);
	KUNIT_EXPECT_EQ(test, put_user(v, (u32 __user *)HOLE_BASE), -EFAULT);
	KUNIT_EXPECT_EQ(test, clear_user((void __user *)HOLE_BASE, 4), 4UL);
	/* Read-only memory refuses writes. */
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)"constant", kbuf, 4), 4UL);
	KUNIT_EXPECT_TRUE(test, IS_ERR(memdup_user(NULL, 4)));
	KUNIT_EXPECT_EQ(test, PTR_ERR(memdup_user(NULL, 4)), -EFAULT);
}

static void uaccess_partial(struct kunit *test)
{
	static char *edge;
	char kbuf[16];

	/* One writable page followed by one that faults. */
	if (!edge)
		edge = host_guard_region(2 * PAGE_SIZE, PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, edge);
	memset(edge + PAGE_SIZE - 8, 'a', 8);
	memset(kbuf, 'x', sizeof(kbuf));
	KUNIT_EXPECT_EQ(test, copy_from_user(kbuf, (void __user *)(edge + PAGE_SIZE - 8), 16),
			8UL);
	KUNIT_EXPECT_EQ(test, kbuf[7], 'a');
	KUNIT_EXPECT_EQ(test, kbuf[8], 0);
	KUNIT_EXPECT_EQ(test, copy_to_user((void __user *)(edge + PAGE_SIZE - 4), "12345678", 8),
			4UL);
	KUNIT_EXPECT_EQ(test, edge[PAGE_SIZE - 1], '4');
	KUNIT_EXPECT_EQ(test, clear_user((void __user *)(edge + PAGE_SIZE - 2), 10), 8UL);
	/* clear_user() left a NUL two bytes before the edge. */
	KUNIT_EXPECT_EQ(test, strncpy_from_user(kbuf, (void __user *)(edge + PAGE_SIZE - 8), 16),
			6L);
	/* Without a NUL before the edge, the string runs into the fault. */
	memset(edge + PAGE_SIZE - 8, 'b', 8);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(kbuf, (void __user *)(edge + PAGE_SIZE - 8), 16),
			(long)-EFAULT);
}

static void uaccess_strings(struct kunit *test)
{
	char *user = kunit_kzalloc(test, 32, GFP_KERNEL);
	char kbuf[8];

	KUNIT_ASSERT_NOT_NULL(test, user);
	strscpy(user, "abc", 32);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(kbuf, (void __user *)user, sizeof(kbuf)), 3L);
	KUNIT_EXPECT_STREQ(test, kbuf, "abc");
	strscpy(user, "longer than eight", 32);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(kbuf, (void __user *)user, sizeof(kbuf)), 8L);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(kbuf, NULL, sizeof(kbuf)), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, strnlen_user((void __user *)user, 32), 18L);
	KUNIT_EXPECT_GT(test, strnlen_user((void __user *)user, 4), 4L);
	KUNIT_EXPECT_EQ(test, strnlen_user(NULL, 4), 0L);
}

/**
 * struct ext_v2 - an extensible uapi-style structure, version 2
 * @size: structure size
 * @a: field of version 1
 * @b: field added in version 2
 */
struct ext_v2 {
	u32 size;
	u32 a;
	u64 b;
};

static void uaccess_copy_struct(struct kunit *test)
{
	u8 *user = kunit_kzalloc(test, 64, GFP_KERNEL);
	struct ext_v2 k;

	KUNIT_ASSERT_NOT_NULL(test, user);
	((u32 *)user)[1] = 7;
	((u64 *)user)[1] = 9;
	/* Older, shorter user structure: the rest is zero-filled. */
	memset(&k, 0xff, sizeof(k));
	KUNIT_EXPECT_EQ(test, copy_struct_from_user(&k, sizeof(k), (void __user *)user, 8), 0);
	KUNIT_EXPECT_EQ(test, k.a, 7U);
	KUNIT_EXPECT_EQ(test, k.b, 0ULL);
	/* Same size. */
	KUNIT_EXPECT_EQ(test, copy_struct_from_user(&k, sizeof(k), (void __user *)user, 16), 0);
	KUNIT_EXPECT_EQ(test, k.b, 9ULL);
	/* Newer, longer structure with zero tail: accepted. */
	KUNIT_EXPECT_EQ(test, copy_struct_from_user(&k, sizeof(k), (void __user *)user, 64), 0);
	/* Non-zero byte the kernel does not know: -E2BIG. */
	user[40] = 1;
	KUNIT_EXPECT_EQ(test, copy_struct_from_user(&k, sizeof(k), (void __user *)user, 64),
			-E2BIG);
	KUNIT_EXPECT_EQ(test, copy_struct_from_user(&k, sizeof(k), NULL, 8), -EFAULT);
	KUNIT_EXPECT_EQ(test, check_zeroed_user((void __user *)(user + 16), 24), 1);
	KUNIT_EXPECT_EQ(test, check_zeroed_user((void __user *)(user + 16), 25), 0);
	KUNIT_EXPECT_EQ(test, check_zeroed_user(NULL, 4), -EFAULT);
}

static struct kunit_case hostenv_uaccess_cases[] = {
	KUNIT_CASE(uaccess_copy_basic),
	KUNIT_CASE(uaccess_bad_pointers),
	KUNIT_CASE(uaccess_partial),
	KUNIT_CASE(uaccess_strings),
	KUNIT_CASE(uaccess_copy_struct),
	{}
};

static struct kunit_suite hostenv_uaccess_suite = {
	.name = "hostenv_uaccess",
	.init = uaccess_init,
	.test_cases = hostenv_uaccess_cases,
};

kunit_test_suite(hostenv_uaccess_suite);
