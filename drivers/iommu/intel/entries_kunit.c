// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the VT-d entry encoders: root, legacy and scalable-mode
 * context entries, PASID directory sizing and PASID entries, paging-entry
 * predicates, capability register decoding and fault reason names. Bit
 * positions are spelled out here as numbers on purpose, so that a wrong
 * definition in the driver's headers cannot cancel itself out.
 */

#include <linux/bits.h>
#include <linux/iommu.h>
#include <linux/sizes.h>
#include <kunit/test.h>

#include "context.h"
#include "iommu.h"
#include "pasid.h"
#include "pgtable.h"
#include "regs.h"

#define TABLE_PA	0x0000123456789000ULL

static void ent_legacy_context(struct kunit *test)
{
	/* P at 0, TT at 3:2, table pointer at 63:12; FPD (bit 1) clear */
	KUNIT_EXPECT_EQ(test, dmar_ctx_lo(TABLE_PA, DMAR_TT_SL), TABLE_PA | 0x1);
	KUNIT_EXPECT_EQ(test, dmar_ctx_lo(TABLE_PA | 0xfff, DMAR_TT_SL), TABLE_PA | 0x1);
	KUNIT_EXPECT_EQ(test, dmar_ctx_lo(TABLE_PA, DMAR_TT_SL_DEVTLB), TABLE_PA | 0x5);
	/* Pass-through ignores the table */
	KUNIT_EXPECT_EQ(test, dmar_ctx_lo(TABLE_PA, DMAR_TT_PASS_THROUGH), 0x9ULL);
	/* AW at 2:0, DID at 23:8 */
	KUNIT_EXPECT_EQ(test, dmar_ctx_hi(DMAR_AW_48BIT, 0x1234), 0x123402ULL);
	KUNIT_EXPECT_EQ(test, dmar_ctx_hi(DMAR_AW_39BIT, 0xffff), 0xffff01ULL);
	KUNIT_EXPECT_EQ(test, dmar_ctx_hi(DMAR_AW_57BIT, 1), 0x103ULL);
}

static void ent_sm_context(struct kunit *test)
{
	/* P 0, PASIDE 3, PDTS 11:9, directory 63:12 */
	KUNIT_EXPECT_EQ(test, dmar_smctx_qw0(TABLE_PA, 2, false), TABLE_PA | (2 << 9) | 1);
	KUNIT_EXPECT_EQ(test, dmar_smctx_qw0(TABLE_PA, 7, true),
			TABLE_PA | (7 << 9) | BIT(3) | 1);
	KUNIT_EXPECT_EQ(test, sizeof(struct sm_context_entry), (size_t)32);
	KUNIT_EXPECT_EQ(test, sizeof(struct context_entry), (size_t)16);
	KUNIT_EXPECT_EQ(test, sizeof(struct root_entry), (size_t)16);
}

static void ent_pasid_dir_size(struct kunit *test)
{
	struct pasid_table tbl;

	/* A directory page has 512 entries: 2^(PDTS + 7) */
	KUNIT_EXPECT_EQ(test, dmar_pasid_pdts(1U << 15), 2U);
	KUNIT_EXPECT_EQ(test, dmar_pasid_pdts(1U << 20), 7U);

	KUNIT_ASSERT_EQ(test, dmar_pasid_table_alloc(&tbl, 0), 0);
	KUNIT_EXPECT_EQ(test, tbl.order, 0U);
	KUNIT_EXPECT_EQ(test, tbl.max_pasid, 1U << 15);
	dmar_pasid_table_free(&tbl);
	KUNIT_EXPECT_NULL(test, tbl.dir);

	KUNIT_ASSERT_EQ(test, dmar_pasid_table_alloc(&tbl, 1U << 16), 0);
	KUNIT_EXPECT_EQ(test, tbl.order, 1U);
	KUNIT_EXPECT_EQ(test, tbl.max_pasid, 1U << 16);
	dmar_pasid_table_free(&tbl);

	KUNIT_ASSERT_EQ(test, dmar_pasid_table_alloc(&tbl, 1U << 20), 0);
	KUNIT_EXPECT_EQ(test, tbl.order, 5U);
	KUNIT_EXPECT_EQ(test, tbl.max_pasid, 1U << 20);
	dmar_pasid_table_free(&tbl);
}

static void ent_pasid_entry_second_stage(struct kunit *test)
{
	struct pasid_entry pe;
	int i;

	memset(&pe, 0xa5, sizeof(pe));
	dmar_pe_encode_sl(&pe, TABLE_PA, DMAR_AW_48BIT, 0x42, true, false);
	/* P 0, AW 4:2, PGTT 8:6 = 2, SLPTPTR 63:12 */
	KUNIT_EXPECT_EQ(test, pe.val[0], TABLE_PA | (2 << 6) | (2 << 2) | 1);
	/* DID 15:0, PWSNP 23 */
	KUNIT_EXPECT_EQ(test, pe.val[1], 0x42ULL | BIT_ULL(23));
	for (i = 2; i < 8; i++)
		KUNIT_EXPECT_EQ(test, pe.val[i], 0ULL);

	dmar_pe_encode_sl(&pe, TABLE_PA, DMAR_AW_39BIT, 7, false, true);
	KUNIT_EXPECT_EQ(test, pe.val[0], TABLE_PA | (2 << 6) | (1 << 2) | 1);
	/* PGSNP 24 */
	KUNIT_EXPECT_EQ(test, pe.val[1], 7ULL | BIT_ULL(24));
}

static void ent_pasid_entry_first_stage(struct kunit *test)
{
	struct pasid_entry pe;

	dmar_pe_encode_fl(&pe, TABLE_PA, false, DMAR_AW_48BIT, 9, false, false);
	/* PGTT 1, the table is in qword 2 with FLPM 3:2 */
	KUNIT_EXPECT_EQ(test, pe.val[0], (1ULL << 6) | (2 << 2) | 1);
	KUNIT_EXPECT_EQ(test, pe.val[1], 9ULL);
	KUNIT_EXPECT_EQ(test, pe.val[2], TABLE_PA);
	KUNIT_EXPECT_EQ(test, pe.val[3], 0ULL);

	dmar_pe_encode_fl(&pe, TABLE_PA, true, DMAR_AW_57BIT, 9, true, true);
	KUNIT_EXPECT_EQ(test, pe.val[2], TABLE_PA | (1 << 2));
	KUNIT_EXPECT_EQ(test, pe.val[1], 9ULL | BIT_ULL(23) | BIT_ULL(24));
}

static void ent_pasid_entry_pass_through(struct kunit *test)
{
	struct pasid_entry pe;
	int i;

	dmar_pe_encode_pt(&pe, DMAR_AW_48BIT, DMAR_DID_PASS_THROUGH, true);
	KUNIT_EXPECT_EQ(test, pe.val[0], (4ULL << 6) | (2 << 2) | 1);
	KUNIT_EXPECT_EQ(test, pe.val[1], 1ULL | BIT_ULL(23));
	for (i = 2; i < 8; i++)
		KUNIT_EXPECT_EQ(test, pe.val[i], 0ULL);
	KUNIT_EXPECT_EQ(test, sizeof(struct pasid_entry), (size_t)64);
}

static void ent_pte_predicates(struct kunit *test)
{
	enum dmar_pgtable_fmt sl = DMAR_PGTABLE_SECOND_STAGE, fl = DMAR_PGTABLE_FIRST_STAGE;

	/* Second stage: present means R or W; there is no present bit */
	KUNIT_EXPECT_FALSE(test, dmar_pte_present(sl, TABLE_PA));
	KUNIT_EXPECT_TRUE(test, dmar_pte_present(sl, TABLE_PA | 2));
	KUNIT_EXPECT_TRUE(test, dmar_pte_present(sl, TABLE_PA | 1));
	/* First stage: only P counts */
	KUNIT_EXPECT_FALSE(test, dmar_pte_present(fl, TABLE_PA | 2));
	KUNIT_EXPECT_TRUE(test, dmar_pte_present(fl, TABLE_PA | 1));

	/* PS (bit 7) makes a leaf above level 1 */
	KUNIT_EXPECT_TRUE(test, dmar_pte_is_leaf(sl, 3, 1));
	KUNIT_EXPECT_FALSE(test, dmar_pte_is_leaf(sl, 3, 2));
	KUNIT_EXPECT_TRUE(test, dmar_pte_is_leaf(sl, 3 | BIT(7), 2));
	KUNIT_EXPECT_TRUE(test, dmar_pte_is_leaf(fl, 1 | BIT(7), 3));

	KUNIT_EXPECT_EQ(test, dmar_pte_leaf(sl, SZ_2M, 2, IOMMU_READ, false),
			(u64)SZ_2M | BIT(7) | 1);
	KUNIT_EXPECT_EQ(test, dmar_pte_leaf(sl, SZ_4K, 1, IOMMU_WRITE, true),
			(u64)SZ_4K | BIT(11) | 3);
	/* P | RW | US | A | D | PS, XD at 63 */
	KUNIT_EXPECT_EQ(test, dmar_pte_leaf(fl, SZ_1G, 3, IOMMU_READ | IOMMU_WRITE, false),
			(u64)SZ_1G | BIT(7) | BIT(6) | BIT(5) | BIT(2) | BIT(1) | 1);
	KUNIT_EXPECT_EQ(test, dmar_pte_leaf(fl, SZ_4K, 1, IOMMU_READ | IOMMU_NOEXEC, false),
			(u64)SZ_4K | BIT_ULL(63) | BIT(5) | BIT(2) | 1);
	KUNIT_EXPECT_EQ(test, dmar_pte_table(sl, TABLE_PA), TABLE_PA | 3);
	KUNIT_EXPECT_EQ(test, dmar_pte_table(fl, TABLE_PA), TABLE_PA | 0x27);
}

static void ent_capability_fields(struct kunit *test)
{
	/*
	 * CAP: ND 6, RWBF, CM, SAGAW 39+48, MGAW 48, FRO 0x20 (offset
	 * 0x200), SLLPS 2M+1G, PSI, NFR 8, MAMV 9, FL1GP.
	 */
	u64 cap = 6 | BIT(4) | BIT(7) | (0x6ULL << 8) | (47ULL << 16) | (0x20ULL << 24) |
		  (0x3ULL << 34) | BIT_ULL(39) | (7ULL << 40) | (9ULL << 48) | BIT_ULL(56);
	/* ECAP: QI, PT, SC, IRO 0x10 (offset 0x100), PSS 19, PASID, SMTS */
	u64 ecap = BIT(1) | BIT(6) | BIT(7) | (0x10ULL << 8) | (19ULL << 35) |
		   BIT_ULL(40) | BIT_ULL(43);

	KUNIT_EXPECT_EQ(test, dmar_cap_ndoms(cap), 65536UL);
	KUNIT_EXPECT_EQ(test, dmar_cap_sagaw(cap), 0x6ULL);
	KUNIT_EXPECT_EQ(test, dmar_cap_mgaw(cap), 48ULL);
	KUNIT_EXPECT_EQ(test, dmar_cap_fro(cap), 0x200ULL);
	KUNIT_EXPECT_EQ(test, dmar_cap_nfr(cap), 8ULL);
	KUNIT_EXPECT_EQ(test, dmar_cap_sllps(cap), 3ULL);
	KUNIT_EXPECT_EQ(test, dmar_cap_mamv(cap), 9ULL);
	KUNIT_EXPECT_TRUE(test, cap & DMAR_CAP_CM);
	KUNIT_EXPECT_TRUE(test, cap & DMAR_CAP_RWBF);
	KUNIT_EXPECT_TRUE(test, cap & DMAR_CAP_PSI);
	KUNIT_EXPECT_TRUE(test, cap & DMAR_CAP_FL1GP);
	KUNIT_EXPECT_FALSE(test, cap & DMAR_CAP_FL5LP);
	KUNIT_EXPECT_EQ(test, dmar_ecap_iro(ecap), 0x100ULL);
	KUNIT_EXPECT_EQ(test, dmar_ecap_pasid_bits(ecap), 20ULL);
	KUNIT_EXPECT_TRUE(test, ecap & DMAR_ECAP_QI);
	KUNIT_EXPECT_TRUE(test, ecap & DMAR_ECAP_PT);
	KUNIT_EXPECT_TRUE(test, ecap & DMAR_ECAP_SMTS);
	KUNIT_EXPECT_FALSE(test, ecap & DMAR_ECAP_FLTS);
	KUNIT_EXPECT_EQ(test, dmar_aw_to_width(DMAR_AW_48BIT), 48);
	KUNIT_EXPECT_EQ(test, dmar_aw_to_levels(DMAR_AW_57BIT), 5);
}

static void ent_fault_reasons(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, dmar_fault_reason_str(0x02), "context entry not present");
	KUNIT_EXPECT_STREQ(test, dmar_fault_reason_str(0x05), "write not allowed");
	KUNIT_EXPECT_STREQ(test, dmar_fault_reason_str(0x59), "PASID entry not present");
	KUNIT_EXPECT_STREQ(test, dmar_fault_reason_str(0x86), "read not allowed");
	KUNIT_EXPECT_STREQ(test, dmar_fault_reason_str(0x22), "interrupt remapping fault");
	KUNIT_EXPECT_STREQ(test, dmar_fault_reason_str(0x00), "unknown");
	KUNIT_EXPECT_STREQ(test, dmar_fault_reason_str(0xff), "unknown");
}

static struct kunit_case intel_entries_cases[] = {
	KUNIT_CASE(ent_legacy_context),
	KUNIT_CASE(ent_sm_context),
	KUNIT_CASE(ent_pasid_dir_size),
	KUNIT_CASE(ent_pasid_entry_second_stage),
	KUNIT_CASE(ent_pasid_entry_first_stage),
	KUNIT_CASE(ent_pasid_entry_pass_through),
	KUNIT_CASE(ent_pte_predicates),
	KUNIT_CASE(ent_capability_fields),
	KUNIT_CASE(ent_fault_reasons),
	{}
};

static struct kunit_suite intel_entries_suite = {
	.name = "intel_iommu_entries",
	.test_cases = intel_entries_cases,
};

kunit_test_suite(intel_entries_suite);
