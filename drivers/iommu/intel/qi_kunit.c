// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the VT-d invalidation descriptor encoders and of the
 * page-selective invalidation range computation. Field positions are
 * spelled out as numbers, independent of the driver's definitions.
 */

#include <linux/bits.h>
#include <linux/prandom.h>
#include <linux/sizes.h>
#include <kunit/test.h>

#include "qi.h"
#include "regs.h"

static void qi_context_cache_desc(struct kunit *test)
{
	struct qi_desc d = qi_desc_cc(0, 0, 0, DMAR_INV_GLOBAL);

	/* Type 1, granularity at 5:4 */
	KUNIT_EXPECT_EQ(test, d.qw0, 0x11ULL);
	KUNIT_EXPECT_EQ(test, d.qw1, 0ULL);

	/* Device selective: DID 31:16, SID 47:32, FM 49:48 */
	d = qi_desc_cc(0x1234, 0x0a10, 3, DMAR_INV_DEVICE);
	KUNIT_EXPECT_EQ(test, d.qw0, 0x31ULL | (0x1234ULL << 16) | (0x0a10ULL << 32) |
			(3ULL << 48));
	KUNIT_EXPECT_EQ(test, d.qw1 | d.qw2 | d.qw3, 0ULL);
}

static void qi_iotlb_desc(struct kunit *test)
{
	struct qi_desc d = qi_desc_iotlb(5, 0x12345000, 3, true, DMAR_INV_DOMAIN);

	/* Type 2; domain granularity ignores the address */
	KUNIT_EXPECT_EQ(test, d.qw0, 0x22ULL | (5ULL << 16));
	KUNIT_EXPECT_EQ(test, d.qw1, 0ULL);

	/* Page selective: ADDR 63:12, IH 6, AM 5:0 */
	d = qi_desc_iotlb(5, 0x12345000, 3, true, DMAR_INV_PAGE);
	KUNIT_EXPECT_EQ(test, d.qw0, 0x32ULL | (5ULL << 16));
	KUNIT_EXPECT_EQ(test, d.qw1, 0x12345000ULL | BIT(6) | 3);
	d = qi_desc_iotlb(5, 0x12345fff, 0, false, DMAR_INV_PAGE);
	KUNIT_EXPECT_EQ(test, d.qw1, 0x12345000ULL);

	d = qi_desc_iotlb(0, 0, 0, false, DMAR_INV_GLOBAL);
	KUNIT_EXPECT_EQ(test, d.qw0, 0x12ULL);
}

static void qi_pasid_descs(struct kunit *test)
{
	struct qi_desc d = qi_desc_pc(0x22, 0xfffff, QI_PC_PASID);

	/* Type 7, DID 31:16, PASID 51:32 */
	KUNIT_EXPECT_EQ(test, d.qw0, 0x17ULL | (0x22ULL << 16) | (0xfffffULL << 32));
	KUNIT_EXPECT_EQ(test, qi_desc_pc(0, 0, QI_PC_GLOBAL).qw0, 0x37ULL);
	KUNIT_EXPECT_EQ(test, qi_desc_pc(9, 0, QI_PC_ALL_PASIDS).qw0, 0x07ULL | (9ULL << 16));

	/* Type 6: all of a PASID, or page selective */
	d = qi_desc_piotlb(3, 17, 0xabc000, 2, false, QI_PIOTLB_ALL_IN_PASID);
	KUNIT_EXPECT_EQ(test, d.qw0, 0x26ULL | (3ULL << 16) | (17ULL << 32));
	KUNIT_EXPECT_EQ(test, d.qw1, 0ULL);
	d = qi_desc_piotlb(3, 17, 0xabc000, 2, true, QI_PIOTLB_PAGE);
	KUNIT_EXPECT_EQ(test, d.qw0, 0x36ULL | (3ULL << 16) | (17ULL << 32));
	KUNIT_EXPECT_EQ(test, d.qw1, 0xabc000ULL | BIT(6) | 2);
}

static void qi_wait_desc(struct kunit *test)
{
	struct qi_desc d = qi_desc_wait(0x7ffe12345678ULL, 0xdeadbeef);

	/* Type 5, SW 5, FN 6, data 63:32; status address 63:2 */
	KUNIT_EXPECT_EQ(test, d.qw0, 0x65ULL | (0xdeadbeefULL << 32));
	KUNIT_EXPECT_EQ(test, d.qw1, 0x7ffe12345678ULL);
	KUNIT_EXPECT_EQ(test, qi_desc_wait(0x1003, 1).qw1, 0x1000ULL);
	KUNIT_EXPECT_FALSE(test, d.qw0 & BIT(4));	/* no interrupt */
}

static void qi_psi_mask_cases(struct kunit *test)
{
	u64 aligned;

	KUNIT_EXPECT_EQ(test, dmar_psi_mask(0x5000, 0x5fff, &aligned), 0U);
	KUNIT_EXPECT_EQ(test, aligned, 0x5000ULL);
	KUNIT_EXPECT_EQ(test, dmar_psi_mask(0x4000, 0x5fff, &aligned), 1U);
	KUNIT_EXPECT_EQ(test, aligned, 0x4000ULL);
	/* Two pages across a 2-page boundary need a 4-page block */
	KUNIT_EXPECT_EQ(test, dmar_psi_mask(0x5000, 0x6fff, &aligned), 2U);
	KUNIT_EXPECT_EQ(test, aligned, 0x4000ULL);
	/* Three pages from page 1: four pages from page 0 */
	KUNIT_EXPECT_EQ(test, dmar_psi_mask(0x1000, 0x3fff, &aligned), 2U);
	KUNIT_EXPECT_EQ(test, aligned, 0ULL);
	/* A 2 MiB page */
	KUNIT_EXPECT_EQ(test, dmar_psi_mask(SZ_2M, 2 * SZ_2M - 1, &aligned), 9U);
	KUNIT_EXPECT_EQ(test, aligned, (u64)SZ_2M);
	/* Last page of one 1 GiB block and first of the next: 2 GiB */
	KUNIT_EXPECT_EQ(test, dmar_psi_mask(SZ_1G - SZ_4K, SZ_1G + SZ_4K - 1, &aligned), 19U);
	KUNIT_EXPECT_EQ(test, aligned, 0ULL);
	/* Offsets inside pages do not matter */
	KUNIT_EXPECT_EQ(test, dmar_psi_mask(0x5123, 0x5124, &aligned), 0U);
	KUNIT_EXPECT_EQ(test, aligned, 0x5000ULL);
}

/* Whatever the range, the block covers it and is minimal */
static void qi_psi_mask_covers(struct kunit *test)
{
	struct rnd_state rnd;
	unsigned int i;

	prandom_seed_state(&rnd, 0x7d1);
	for (i = 0; i < 2000; i++) {
		u64 start = ((u64)prandom_u32_state(&rnd) << 12) & GENMASK_ULL(47, 12);
		u64 len = ((u64)(prandom_u32_state(&rnd) % 4096) + 1) << 12;
		u64 last = start + len - 1, aligned, size;
		unsigned int mask = dmar_psi_mask(start, last, &aligned);

		size = 1ULL << (mask + 12);
		KUNIT_ASSERT_EQ(test, aligned & (size - 1), 0ULL);
		KUNIT_ASSERT_LE(test, aligned, start);
		KUNIT_ASSERT_GE(test, aligned + size - 1, last);
		/* Half the block, at either alignment, would miss part of it */
		if (mask) {
			u64 half = size / 2;

			KUNIT_ASSERT_TRUE(test, (start & ~(half - 1)) + half - 1 < last);
		}
	}
}

static struct kunit_case intel_qi_cases[] = {
	KUNIT_CASE(qi_context_cache_desc),
	KUNIT_CASE(qi_iotlb_desc),
	KUNIT_CASE(qi_pasid_descs),
	KUNIT_CASE(qi_wait_desc),
	KUNIT_CASE(qi_psi_mask_cases),
	KUNIT_CASE(qi_psi_mask_covers),
	{}
};

static struct kunit_suite intel_qi_suite = {
	.name = "intel_iommu_qi",
	.test_cases = intel_qi_cases,
};

kunit_test_suite(intel_qi_suite);
