// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the VT-d page-table code: map, unmap and iova_to_phys at
 * every page size in both formats, the entry bits each permission gives,
 * the superpage rules (no split on unmap, a superpage may only replace an
 * empty table), table freeing, aperture and argument checks, and
 * allocation failures. No hardware is involved.
 */

#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <kunit/test.h>

#include "pgtable.h"

#define RW	(IOMMU_READ | IOMMU_WRITE)
/* An output address whose bit pattern is easy to recognise */
#define PA_BASE	0x123400000000ULL

struct pt_param {
	enum dmar_pgtable_fmt fmt;
	size_t pgsize;
	const char *desc;
};

static const struct pt_param pt_params[] = {
	{ DMAR_PGTABLE_SECOND_STAGE, SZ_4K, "second-stage 4K" },
	{ DMAR_PGTABLE_SECOND_STAGE, SZ_2M, "second-stage 2M" },
	{ DMAR_PGTABLE_SECOND_STAGE, SZ_1G, "second-stage 1G" },
	{ DMAR_PGTABLE_FIRST_STAGE, SZ_4K, "first-stage 4K" },
	{ DMAR_PGTABLE_FIRST_STAGE, SZ_2M, "first-stage 2M" },
	{ DMAR_PGTABLE_FIRST_STAGE, SZ_1G, "first-stage 1G" },
};

KUNIT_ARRAY_PARAM_DESC(pt, pt_params, desc);

static const struct pt_param pt_super_params[] = {
	{ DMAR_PGTABLE_SECOND_STAGE, SZ_2M, "second-stage 2M" },
	{ DMAR_PGTABLE_SECOND_STAGE, SZ_1G, "second-stage 1G" },
	{ DMAR_PGTABLE_FIRST_STAGE, SZ_2M, "first-stage 2M" },
	{ DMAR_PGTABLE_FIRST_STAGE, SZ_1G, "first-stage 1G" },
};

KUNIT_ARRAY_PARAM_DESC(pt_super, pt_super_params, desc);

static void pt_destroy_action(void *data)
{
	dmar_pgtable_destroy(data);
}

/* Highest input address of a table: all of it, or its lower canonical half */
static u64 pt_last_iova(enum dmar_pgtable_fmt fmt, unsigned int levels)
{
	unsigned int bits = dmar_pt_level_shift(levels + 1);

	if (fmt == DMAR_PGTABLE_FIRST_STAGE)
		bits--;
	return (1ULL << bits) - 1;
}

static struct dmar_pgtable *pt_new(struct kunit *test, enum dmar_pgtable_fmt fmt,
				   unsigned int levels, unsigned int max_leaf)
{
	struct dmar_pgtable *pgt = kunit_kzalloc(test, sizeof(*pgt), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, pgt);
	KUNIT_ASSERT_EQ(test, dmar_pgtable_init(pgt, fmt, levels, max_leaf,
						pt_last_iova(fmt, levels), GFP_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, pt_destroy_action, pgt), 0);
	return pgt;
}

static size_t pt_list_len(struct list_head *list)
{
	struct list_head *pos;
	size_t n = 0;

	list_for_each(pos, list)
		n++;
	return n;
}

static int pt_map(struct dmar_pgtable *pgt, u64 iova, u64 pa, size_t pgsize,
		  size_t count, int prot, size_t *mapped)
{
	LIST_HEAD(freelist);
	size_t dummy = 0;
	int ret;

	ret = dmar_pgtable_map(pgt, iova, pa, pgsize, count, prot, GFP_KERNEL,
			       mapped ?: &dummy, &freelist);
	dmar_pgtable_free_list(&freelist);
	return ret;
}

static size_t pt_unmap(struct dmar_pgtable *pgt, u64 iova, size_t pgsize, size_t count,
		       size_t *nr_freed)
{
	LIST_HEAD(freelist);
	size_t size;

	size = dmar_pgtable_unmap(pgt, iova, pgsize, count, &freelist);
	if (nr_freed)
		*nr_freed = pt_list_len(&freelist);
	dmar_pgtable_free_list(&freelist);
	return size;
}

/* Map three pages of each size, translate inside each, unmap everything */
static void pt_map_unmap_each_size(struct kunit *test)
{
	const struct pt_param *p = test->param_value;
	struct dmar_pgtable *pgt = pt_new(test, p->fmt, 4, 3);
	u64 iova = 4 * (u64)SZ_1G, pa = PA_BASE;
	unsigned int level, i;
	size_t mapped = 0, freed;

	KUNIT_ASSERT_EQ(test, pt_map(pgt, iova, pa, p->pgsize, 3, RW, &mapped), 0);
	KUNIT_EXPECT_EQ(test, mapped, 3 * p->pgsize);

	for (i = 0; i < 3; i++) {
		u64 page = iova + i * p->pgsize, out = pa + i * p->pgsize;

		KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, page), out);
		KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, page + 0x123), out + 0x123);
		KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, page + p->pgsize - 1),
				out + p->pgsize - 1);
		KUNIT_EXPECT_NOT_NULL(test, dmar_pgtable_lookup(pgt, page, &level));
		KUNIT_EXPECT_EQ(test, dmar_pt_level_size(level), (u64)p->pgsize);
	}
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, iova - 1), 0);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, iova + 3 * p->pgsize), 0);

	KUNIT_EXPECT_EQ(test, pt_unmap(pgt, iova, p->pgsize, 3, &freed), 3 * p->pgsize);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, iova), 0);
	/* Every table below the root went back on the freelist */
	KUNIT_EXPECT_EQ(test, pgt->nr_tables, 1UL);
	KUNIT_EXPECT_GT(test, freed, (size_t)0);
}

/* Each format's leaf bits for each permission */
static void pt_leaf_entry_bits(struct kunit *test)
{
	const struct pt_param *p = test->param_value;
	struct dmar_pgtable *pgt = pt_new(test, p->fmt, 4, 3);
	bool sl = p->fmt == DMAR_PGTABLE_SECOND_STAGE;
	unsigned int level;
	u64 *pte;

	KUNIT_ASSERT_EQ(test, pt_map(pgt, 0, PA_BASE, p->pgsize, 1, IOMMU_READ, NULL), 0);
	KUNIT_ASSERT_EQ(test, pt_map(pgt, p->pgsize, PA_BASE, p->pgsize, 1,
				     IOMMU_WRITE, NULL), 0);
	KUNIT_ASSERT_EQ(test, pt_map(pgt, 2 * p->pgsize, PA_BASE, p->pgsize, 1,
				     RW | IOMMU_NOEXEC, NULL), 0);

	pte = dmar_pgtable_lookup(pgt, 0, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_EQ(test, *pte & DMAR_PTE_ADDR, PA_BASE);
	KUNIT_EXPECT_EQ(test, dmar_pte_prot(p->fmt, *pte), IOMMU_READ);
	KUNIT_EXPECT_EQ(test, !!(*pte & DMAR_SL_PS), p->pgsize != SZ_4K);
	if (sl) {
		KUNIT_EXPECT_EQ(test, *pte & ~DMAR_PTE_ADDR & ~DMAR_SL_PS, DMAR_SL_R);
	} else {
		KUNIT_EXPECT_EQ(test, *pte & ~DMAR_PTE_ADDR & ~DMAR_FL_PS,
				DMAR_FL_P | DMAR_FL_US | DMAR_FL_A);
	}

	/* Write-only cannot be expressed: the page is readable too */
	pte = dmar_pgtable_lookup(pgt, p->pgsize, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_EQ(test, dmar_pte_prot(p->fmt, *pte), RW);
	if (!sl)
		KUNIT_EXPECT_TRUE(test, *pte & DMAR_FL_D);

	pte = dmar_pgtable_lookup(pgt, 2 * p->pgsize, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_EQ(test, dmar_pte_prot(p->fmt, *pte), RW);
	if (!sl)
		KUNIT_EXPECT_TRUE(test, *pte & DMAR_FL_XD);
}

/* The snoop bit appears on second-stage leaves once asked for */
static void pt_sl_snoop_bit(struct kunit *test)
{
	struct dmar_pgtable *pgt = pt_new(test, DMAR_PGTABLE_SECOND_STAGE, 4, 3);
	unsigned int level;
	u64 *pte;

	KUNIT_ASSERT_EQ(test, pt_map(pgt, 0, PA_BASE, SZ_4K, 1, RW | IOMMU_CACHE, NULL), 0);
	pte = dmar_pgtable_lookup(pgt, 0, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_FALSE(test, *pte & DMAR_SL_SNP);

	pgt->snoop = true;
	KUNIT_ASSERT_EQ(test, pt_map(pgt, SZ_4K, PA_BASE, SZ_4K, 1, RW, NULL), 0);
	pte = dmar_pgtable_lookup(pgt, SZ_4K, &level);
	KUNIT_ASSERT_NOT_NULL(test, pte);
	KUNIT_EXPECT_TRUE(test, *pte & DMAR_SL_SNP);
}

/* Tables between the root and a leaf grant everything */
static void pt_table_entries(struct kunit *test)
{
	const struct pt_param *p = test->param_value;
	struct dmar_pgtable *pgt = pt_new(test, p->fmt, 4, 3);
	u64 iova = 0x7000000000ULL, *table = pgt->root, pte;
	unsigned int level;

	KUNIT_ASSERT_EQ(test, pt_map(pgt, iova, PA_BASE, SZ_4K, 1, IOMMU_READ, NULL), 0);
	for (level = 4; level > 1; level--) {
		pte = table[dmar_pt_index(iova, level)];
		KUNIT_EXPECT_EQ(test, pte & ~DMAR_PTE_ADDR,
				p->fmt == DMAR_PGTABLE_SECOND_STAGE ?
				DMAR_SL_R | DMAR_SL_W :
				DMAR_FL_P | DMAR_FL_RW | DMAR_FL_US | DMAR_FL_A);
		KUNIT_EXPECT_FALSE(test, dmar_pte_is_leaf(p->fmt, pte, level));
		table = phys_to_virt(pte & DMAR_PTE_ADDR);
	}
	KUNIT_EXPECT_EQ(test, pgt->nr_tables, 4UL);
}

/* Bad arguments are refused before anything is mapped */
static void pt_map_bad_args(struct kunit *test)
{
	struct dmar_pgtable *pgt = pt_new(test, DMAR_PGTABLE_SECOND_STAGE, 4, 2);
	size_t mapped = 0;

	KUNIT_EXPECT_EQ(test, pt_map(pgt, 0, PA_BASE, SZ_4K, 1, 0, &mapped), -EINVAL);
	KUNIT_EXPECT_EQ(test, pt_map(pgt, 0, PA_BASE, SZ_4K, 1, IOMMU_CACHE, &mapped), -EINVAL);
	KUNIT_EXPECT_EQ(test, pt_map(pgt, 0, PA_BASE, SZ_8K, 1, RW, &mapped), -EINVAL);
	/* 1 GiB pages were not allowed for this table */
	KUNIT_EXPECT_EQ(test, pt_map(pgt, 0, PA_BASE, SZ_1G, 1, RW, &mapped), -EINVAL);
	KUNIT_EXPECT_EQ(test, pt_map(pgt, SZ_4K, PA_BASE, SZ_2M, 1, RW, &mapped), -EINVAL);
	KUNIT_EXPECT_EQ(test, pt_map(pgt, 0, PA_BASE + SZ_4K, SZ_2M, 1, RW, &mapped), -EINVAL);
	KUNIT_EXPECT_EQ(test, pt_map(pgt, 0x800, PA_BASE, SZ_4K, 1, RW, &mapped), -EINVAL);
	KUNIT_EXPECT_EQ(test, mapped, (size_t)0);
	KUNIT_EXPECT_EQ(test, pgt->nr_tables, 1UL);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_pgsizes(pgt), (unsigned long)(SZ_4K | SZ_2M));
}

/* Input and output addresses must fit the table */
static void pt_map_aperture(struct kunit *test)
{
	const struct pt_param *p = test->param_value;
	struct dmar_pgtable *pgt = pt_new(test, p->fmt, 4, 3);
	u64 last = pt_last_iova(p->fmt, 4);
	u64 top = (last + 1) - p->pgsize;

	KUNIT_EXPECT_EQ(test, pt_map(pgt, top, PA_BASE, p->pgsize, 1, RW, NULL), 0);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, last), PA_BASE + p->pgsize - 1);
	KUNIT_EXPECT_EQ(test, pt_map(pgt, top, PA_BASE, p->pgsize, 2, RW, NULL), -ERANGE);
	KUNIT_EXPECT_EQ(test, pt_map(pgt, last + 1, PA_BASE, p->pgsize, 1, RW, NULL), -ERANGE);
	KUNIT_EXPECT_EQ(test, pt_map(pgt, 0, 1ULL << 52, p->pgsize, 1, RW, NULL), -ERANGE);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, last + 1), 0);
	KUNIT_EXPECT_EQ(test, pt_unmap(pgt, last + 1, p->pgsize, 1, NULL), (size_t)0);
}

/* Nothing is mapped over anything */
static void pt_map_overlap(struct kunit *test)
{
	struct dmar_pgtable *pgt = pt_new(test, DMAR_PGTABLE_SECOND_STAGE, 4, 3);
	size_t mapped = 0;

	KUNIT_ASSERT_EQ(test, pt_map(pgt, SZ_4K, PA_BASE, SZ_4K, 1, RW, NULL), 0);
	/* Pages 0 and 1: page 0 maps, page 1 collides */
	KUNIT_EXPECT_EQ(test, pt_map(pgt, 0, PA_BASE, SZ_4K, 2, RW, &mapped), -EEXIST);
	KUNIT_EXPECT_EQ(test, mapped, (size_t)SZ_4K);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, SZ_4K), PA_BASE);

	/* A superpage over a table that still maps something */
	KUNIT_EXPECT_EQ(test, pt_map(pgt, 0, PA_BASE, SZ_2M, 1, RW, NULL), -EEXIST);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, 0), PA_BASE);

	/* A small page inside a superpage */
	KUNIT_ASSERT_EQ(test, pt_map(pgt, SZ_1G, PA_BASE, SZ_2M, 1, RW, NULL), 0);
	KUNIT_EXPECT_EQ(test, pt_map(pgt, SZ_1G + SZ_8K, 0, SZ_4K, 1, RW, NULL), -EEXIST);
	/* A superpage inside a larger one */
	KUNIT_ASSERT_EQ(test, pt_map(pgt, 2 * (u64)SZ_1G, PA_BASE, SZ_1G, 1, RW, NULL), 0);
	KUNIT_EXPECT_EQ(test, pt_map(pgt, 2 * (u64)SZ_1G + SZ_2M, 0, SZ_2M, 1, RW, NULL),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, 2 * (u64)SZ_1G + SZ_2M),
			PA_BASE + SZ_2M);
}

/* Unmapping a superpage never splits it */
static void pt_unmap_no_split(struct kunit *test)
{
	const struct pt_param *p = test->param_value;
	struct dmar_pgtable *pgt = pt_new(test, p->fmt, 4, 3);

	KUNIT_ASSERT_EQ(test, pt_map(pgt, p->pgsize, PA_BASE, p->pgsize, 1, RW, NULL), 0);

	/* Starting inside: nothing happens */
	KUNIT_EXPECT_EQ(test, pt_unmap(pgt, p->pgsize + SZ_4K, SZ_4K, 1, NULL), (size_t)0);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, p->pgsize + SZ_4K),
			PA_BASE + SZ_4K);

	/* Starting at it with a smaller size: all of it goes */
	KUNIT_EXPECT_EQ(test, pt_unmap(pgt, p->pgsize, SZ_4K, 1, NULL), p->pgsize);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, p->pgsize + p->pgsize - 1), 0);
	KUNIT_EXPECT_EQ(test, pgt->nr_tables, 1UL);
}

/* Small pages merge into a superpage only once their table is gone */
static void pt_superpage_after_small_pages(struct kunit *test)
{
	struct dmar_pgtable *pgt = pt_new(test, DMAR_PGTABLE_SECOND_STAGE, 4, 3);
	size_t freed;

	KUNIT_ASSERT_EQ(test, pt_map(pgt, SZ_2M, PA_BASE, SZ_4K, 512, RW, NULL), 0);
	KUNIT_EXPECT_EQ(test, pgt->nr_tables, 4UL);
	KUNIT_EXPECT_EQ(test, pt_map(pgt, SZ_2M, PA_BASE, SZ_2M, 1, RW, NULL), -EEXIST);

	/* All 512 pages in one call with a 2M unit: the leaf table goes */
	KUNIT_EXPECT_EQ(test, pt_unmap(pgt, SZ_2M, SZ_2M, 1, &freed), (size_t)SZ_2M);
	KUNIT_EXPECT_EQ(test, freed, (size_t)3);
	KUNIT_EXPECT_EQ(test, pgt->nr_tables, 1UL);

	KUNIT_EXPECT_EQ(test, pt_map(pgt, SZ_2M, PA_BASE, SZ_2M, 1, RW, NULL), 0);
	KUNIT_EXPECT_EQ(test, pgt->nr_tables, 3UL);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, SZ_2M + 0x1234), PA_BASE + 0x1234);
}

/* An empty table left by a failed map gives way to a superpage */
static void pt_superpage_replaces_empty_table(struct kunit *test)
{
	struct dmar_pgtable *pgt = pt_new(test, DMAR_PGTABLE_SECOND_STAGE, 4, 3);
	LIST_HEAD(freelist);
	size_t mapped = 0;
	int ret;

	/* Level 3 and 2 tables get allocated, the leaf table does not */
	current->fail_nth = 3;
	ret = dmar_pgtable_map(pgt, 0, PA_BASE, SZ_4K, 1, RW, GFP_KERNEL, &mapped, &freelist);
	current->fail_nth = 0;
	KUNIT_ASSERT_EQ(test, ret, -ENOMEM);
	KUNIT_EXPECT_EQ(test, mapped, (size_t)0);
	KUNIT_EXPECT_EQ(test, pgt->nr_tables, 3UL);

	ret = dmar_pgtable_map(pgt, 0, PA_BASE, SZ_1G, 1, RW, GFP_KERNEL, &mapped, &freelist);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, pt_list_len(&freelist), (size_t)1);
	KUNIT_EXPECT_EQ(test, pgt->nr_tables, 2UL);
	dmar_pgtable_free_list(&freelist);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, SZ_1G - 1), PA_BASE + SZ_1G - 1);
}

/* Unmap stops at the first hole */
static void pt_unmap_stops_at_hole(struct kunit *test)
{
	struct dmar_pgtable *pgt = pt_new(test, DMAR_PGTABLE_FIRST_STAGE, 4, 3);

	KUNIT_ASSERT_EQ(test, pt_map(pgt, 0, PA_BASE, SZ_4K, 2, RW, NULL), 0);
	KUNIT_ASSERT_EQ(test, pt_map(pgt, 3 * SZ_4K, PA_BASE, SZ_4K, 1, RW, NULL), 0);
	KUNIT_EXPECT_EQ(test, pt_unmap(pgt, 0, SZ_4K, 4, NULL), (size_t)SZ_8K);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, 3 * SZ_4K), PA_BASE);
	KUNIT_EXPECT_EQ(test, pt_unmap(pgt, 0, SZ_4K, 1, NULL), (size_t)0);
	KUNIT_EXPECT_EQ(test, pt_unmap(pgt, 0x800, SZ_4K, 1, NULL), (size_t)0);
}

/* Mixed page sizes next to each other */
static void pt_mixed_sizes(struct kunit *test)
{
	struct dmar_pgtable *pgt = pt_new(test, DMAR_PGTABLE_SECOND_STAGE, 4, 3);
	u64 base = 8 * (u64)SZ_1G;
	unsigned int level;

	KUNIT_ASSERT_EQ(test, pt_map(pgt, base, PA_BASE, SZ_1G, 1, RW, NULL), 0);
	KUNIT_ASSERT_EQ(test, pt_map(pgt, base + SZ_1G, PA_BASE + SZ_1G, SZ_2M, 1, RW, NULL), 0);
	KUNIT_ASSERT_EQ(test, pt_map(pgt, base + SZ_1G + SZ_2M, PA_BASE + SZ_1G + SZ_2M, SZ_4K,
				     1, IOMMU_READ, NULL), 0);

	KUNIT_EXPECT_NOT_NULL(test, dmar_pgtable_lookup(pgt, base + SZ_1G - 1, &level));
	KUNIT_EXPECT_EQ(test, level, 3U);
	KUNIT_EXPECT_NOT_NULL(test, dmar_pgtable_lookup(pgt, base + SZ_1G, &level));
	KUNIT_EXPECT_EQ(test, level, 2U);
	KUNIT_EXPECT_NOT_NULL(test, dmar_pgtable_lookup(pgt, base + SZ_1G + SZ_2M, &level));
	KUNIT_EXPECT_EQ(test, level, 1U);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, base + SZ_1G + SZ_2M + 5),
			PA_BASE + SZ_1G + SZ_2M + 5);
	KUNIT_EXPECT_NULL(test, dmar_pgtable_lookup(pgt, base + SZ_1G + SZ_2M + SZ_4K, &level));

	/* One unmap call over all three */
	KUNIT_EXPECT_EQ(test, pt_unmap(pgt, base, SZ_4K, (SZ_1G + SZ_2M + SZ_4K) / SZ_4K, NULL),
			(size_t)(SZ_1G + SZ_2M + SZ_4K));
	KUNIT_EXPECT_EQ(test, pgt->nr_tables, 1UL);
}

/* 3-, 4- and 5-level tables index each level correctly */
static void pt_levels(struct kunit *test)
{
	static const unsigned int levels[] = { 3, 4, 5 };
	unsigned int i, l;

	for (i = 0; i < ARRAY_SIZE(levels); i++) {
		struct dmar_pgtable *pgt = pt_new(test, DMAR_PGTABLE_SECOND_STAGE, levels[i], 1);
		u64 top = pt_last_iova(DMAR_PGTABLE_SECOND_STAGE, levels[i]) + 1 - SZ_4K;
		u64 *table = pgt->root;

		KUNIT_ASSERT_EQ(test, pt_map(pgt, top, PA_BASE, SZ_4K, 1, RW, NULL), 0);
		KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, top + 7), PA_BASE + 7);
		KUNIT_EXPECT_EQ(test, pgt->nr_tables, (unsigned long)levels[i]);
		/* The last entry of every table is the one in use */
		for (l = levels[i]; l > 1; l--) {
			KUNIT_EXPECT_TRUE(test, dmar_pte_present(pgt->fmt, table[511]));
			KUNIT_EXPECT_FALSE(test, dmar_pte_present(pgt->fmt, table[510]));
			table = phys_to_virt(table[511] & DMAR_PTE_ADDR);
		}
		KUNIT_EXPECT_EQ(test, table[511] & DMAR_PTE_ADDR, PA_BASE);
	}
	KUNIT_EXPECT_EQ(test, dmar_pgtable_init(&(struct dmar_pgtable){}, DMAR_PGTABLE_SECOND_STAGE,
						6, 1, SZ_4K, GFP_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_init(&(struct dmar_pgtable){}, DMAR_PGTABLE_SECOND_STAGE,
						3, 1, 1ULL << 39, GFP_KERNEL), -EINVAL);
}

/* Allocation failures: what was mapped is reported, the rest untouched */
static void pt_map_enomem(struct kunit *test)
{
	struct dmar_pgtable *pgt = pt_new(test, DMAR_PGTABLE_SECOND_STAGE, 4, 3);
	size_t mapped = 0;

	/* The first page fits the existing tables, the second needs new ones */
	KUNIT_ASSERT_EQ(test, pt_map(pgt, SZ_2M - SZ_4K, PA_BASE, SZ_4K, 1, RW, NULL), 0);
	KUNIT_ASSERT_EQ(test, pt_unmap(pgt, SZ_2M - SZ_4K, SZ_4K, 1, NULL), (size_t)SZ_4K);
	KUNIT_ASSERT_EQ(test, pt_map(pgt, 0, PA_BASE, SZ_4K, 1, RW, NULL), 0);

	current->fail_nth = 1;
	KUNIT_EXPECT_EQ(test, pt_map(pgt, SZ_2M - SZ_4K, PA_BASE, SZ_4K, 2, RW, &mapped),
			-ENOMEM);
	current->fail_nth = 0;
	KUNIT_EXPECT_EQ(test, mapped, (size_t)SZ_4K);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, SZ_2M - SZ_4K), PA_BASE);
	KUNIT_EXPECT_EQ(test, dmar_pgtable_iova_to_phys(pgt, SZ_2M), 0);

	/* The top-level table itself */
	current->fail_nth = 1;
	KUNIT_EXPECT_EQ(test, dmar_pgtable_init(&(struct dmar_pgtable){}, DMAR_PGTABLE_FIRST_STAGE,
						4, 2, SZ_1G, GFP_KERNEL), -ENOMEM);
	current->fail_nth = 0;
}

static struct kunit_case intel_pgtable_cases[] = {
	KUNIT_CASE_PARAM(pt_map_unmap_each_size, pt_gen_params),
	KUNIT_CASE_PARAM(pt_leaf_entry_bits, pt_gen_params),
	KUNIT_CASE_PARAM(pt_map_aperture, pt_gen_params),
	KUNIT_CASE_PARAM(pt_unmap_no_split, pt_super_gen_params),
	KUNIT_CASE_PARAM(pt_table_entries, pt_gen_params),
	KUNIT_CASE(pt_sl_snoop_bit),
	KUNIT_CASE(pt_map_bad_args),
	KUNIT_CASE(pt_map_overlap),
	KUNIT_CASE(pt_superpage_after_small_pages),
	KUNIT_CASE(pt_superpage_replaces_empty_table),
	KUNIT_CASE(pt_unmap_stops_at_hole),
	KUNIT_CASE(pt_mixed_sizes),
	KUNIT_CASE(pt_levels),
	KUNIT_CASE(pt_map_enomem),
	{}
};

static struct kunit_suite intel_pgtable_suite = {
	.name = "intel_iommu_pgtable",
	.test_cases = intel_pgtable_cases,
};

kunit_test_suite(intel_pgtable_suite);
