// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of allocation fault injection and the memory registry.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <host/env.h>
#include <host/mem.h>

static void failslab_nth(struct kunit *test)
{
	void *a, *b, *c;

	current->fail_nth = 3;
	a = kmalloc(8, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, current->fail_nth, 2);
	b = kzalloc(8, GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, current->fail_nth, 1);
	c = kmalloc(8, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, a);
	KUNIT_EXPECT_NOT_NULL(test, b);
	KUNIT_EXPECT_NULL(test, c);
	/* After the injected failure the counter is back to 0. */
	KUNIT_EXPECT_EQ(test, current->fail_nth, 0);
	c = kmalloc(8, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, c);
	kfree(a);
	kfree(b);
	kfree(c);
}

static void failslab_nofail(struct kunit *test)
{
	void *a;

	current->fail_nth = 1;
	a = kmalloc(16, GFP_KERNEL | __GFP_NOFAIL);
	KUNIT_EXPECT_NOT_NULL(test, a);
	/* __GFP_NOFAIL does not consume the count either. */
	KUNIT_EXPECT_EQ(test, current->fail_nth, 1);
	kfree(a);
	KUNIT_EXPECT_NULL(test, kmalloc(16, GFP_KERNEL));
	KUNIT_EXPECT_EQ(test, current->fail_nth, 0);
}

static void failslab_every_allocator(struct kunit *test)
{
	current->fail_nth = 1;
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, 0));
	current->fail_nth = 1;
	KUNIT_EXPECT_NULL(test, vzalloc(100));
	current->fail_nth = 1;
	KUNIT_EXPECT_NULL(test, kvmalloc(1 << 23, GFP_KERNEL));
	current->fail_nth = 1;
	KUNIT_EXPECT_NULL(test, kstrdup("x", GFP_KERNEL));
	current->fail_nth = 1;
	KUNIT_EXPECT_NULL(test, kmemdup("xy", 2, GFP_KERNEL));
	current->fail_nth = 1;
	KUNIT_EXPECT_EQ(test, __get_free_pages(GFP_KERNEL, 2), 0UL);
	KUNIT_EXPECT_EQ(test, current->fail_nth, 0);
}

static void failslab_outstanding(struct kunit *test)
{
	long before = host_alloc_outstanding();
	struct page *page;
	void *p, *v;

	p = kmalloc(100, GFP_KERNEL);
	v = vmalloc(3 * PAGE_SIZE);
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 2);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, host_alloc_outstanding(), before + 3);
	kfree(p);
	vfree(v);
	__free_pages(page, 2);
	KUNIT_EXPECT_EQ(test, host_alloc_outstanding(), before);
}

static void mem_pages_and_ram(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 1);
	u64 word = 0x1122334455667788ULL, back = 0;
	char *va;
	void *k;

	KUNIT_ASSERT_NOT_NULL(test, page);
	va = page_address(page);
	/* Blocks are naturally aligned and have real page descriptors. */
	KUNIT_EXPECT_EQ(test, (unsigned long)va & (2 * PAGE_SIZE - 1), 0UL);
	KUNIT_EXPECT_PTR_EQ(test, virt_to_page(va), page);
	KUNIT_EXPECT_PTR_EQ(test, virt_to_page(va + PAGE_SIZE + 5), page + 1);
	KUNIT_EXPECT_PTR_EQ(test, page_address(page + 1), (void *)(va + PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, virt_to_phys(va), (phys_addr_t)(unsigned long)va);
	KUNIT_EXPECT_EQ(test, page_to_pfn(page), (unsigned long)va >> PAGE_SHIFT);

	/* The checked accessors reach RAM and refuse anything else. */
	KUNIT_EXPECT_EQ(test, host_phys_write(virt_to_phys(va) + 8, &word, 8), 0);
	KUNIT_EXPECT_EQ(test, host_phys_read(virt_to_phys(va) + 8, &back, 8), 0);
	KUNIT_EXPECT_EQ(test, back, word);
	KUNIT_EXPECT_EQ(test, host_phys_read(virt_to_phys(va) + 2 * PAGE_SIZE - 4, &back, 8),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, host_phys_read(0x1000, &back, 8), -EFAULT);
	KUNIT_EXPECT_EQ(test, host_phys_read(virt_to_phys(&back), &word, 8), -EFAULT);

	k = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, k);
	KUNIT_EXPECT_EQ(test, host_phys_write(virt_to_phys(k), &word, 8), 0);
	kfree(k);
	KUNIT_EXPECT_FALSE(test, host_phys_is_ram(virt_to_phys(k), 8));
	__free_pages(page, 1);
	KUNIT_EXPECT_FALSE(test, host_phys_is_ram(virt_to_phys(va), 8));

	/* Registered external memory counts as RAM until unregistered. */
	KUNIT_EXPECT_EQ(test, host_ram_register(virt_to_phys(&back), 8), 0);
	KUNIT_EXPECT_EQ(test, host_phys_write(virt_to_phys(&back), &word, 8), 0);
	host_ram_unregister(virt_to_phys(&back));
	KUNIT_EXPECT_FALSE(test, host_phys_is_ram(virt_to_phys(&back), 8));
}

static void mem_kmalloc_alignment(struct kunit *test)
{
	size_t sizes[] = { 16, 64, 256, 1024, 4096 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		void *q = kmalloc(sizes[i], GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, q);
		KUNIT_EXPECT_EQ(test, (unsigned long)q & (sizes[i] - 1), 0UL);
		KUNIT_EXPECT_GE(test, ksize(q), sizes[i]);
		kfree(q);
	}
	KUNIT_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	{
		char *old = kmalloc(4, GFP_KERNEL), *r;

		KUNIT_ASSERT_NOT_NULL(test, old);
		memcpy(old, "abc", 4);
		r = krealloc(old, 5000, GFP_KERNEL | __GFP_ZERO);
		KUNIT_ASSERT_NOT_NULL(test, r);
		KUNIT_EXPECT_STREQ(test, r, "abc");
		KUNIT_EXPECT_EQ(test, r[4999], 0);
		kfree(r);
	}
}

static struct kunit_case hostenv_failslab_cases[] = {
	KUNIT_CASE(failslab_nth),
	KUNIT_CASE(failslab_nofail),
	KUNIT_CASE(failslab_every_allocator),
	KUNIT_CASE(failslab_outstanding),
	KUNIT_CASE(mem_pages_and_ram),
	KUNIT_CASE(mem_kmalloc_alignment),
	{}
};

static struct kunit_suite hostenv_failslab_suite = {
	.name = "hostenv_failslab",
	.test_cases = hostenv_failslab_cases,
};

kunit_test_suite(hostenv_failslab_suite);
