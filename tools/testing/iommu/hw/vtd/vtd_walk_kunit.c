// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite vtd_model_walk: translations through legacy and scalable-mode
 * tables, every page size, permissions, pass-through, and the DMA test
 * device on top of the model.
 */

#include <linux/sizes.h>
#include <linux/string.h>
#include <kunit/test.h>

#include "vtd-test.h"

#define SID		VTD_SID(0, 3, 0)
#define DID		5
#define NOPASID		DMA_DEV_NO_PASID
#define FLRW		(VTDM_FL_RW | VTDM_FL_US | VTDM_FL_A | VTDM_FL_D)

static void expect_xlate(struct kunit *test, struct vtd_test_env *env, u16 sid, u32 pasid,
			 u64 iova, unsigned int access, u64 pa, u64 size)
{
	struct vtd_xlate res;
	int ret;

	ret = vtd_test_xlate(env, sid, pasid, iova, access, &res);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "iova %llx reason %#x", iova, res.fault.reason);
	if (ret)
		return;
	KUNIT_EXPECT_EQ_MSG(test, res.pa, pa, "iova %llx", iova);
	KUNIT_EXPECT_EQ_MSG(test, res.page_size, size, "iova %llx", iova);
	KUNIT_EXPECT_EQ(test, res.perms & access & (DMA_ACC_READ | DMA_ACC_WRITE),
			access & (DMA_ACC_READ | DMA_ACC_WRITE));
}

static struct vtd_test_env *legacy_domain(struct kunit *test, unsigned int aw, u64 **top)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, 0);
	*top = vtd_test_page(env);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, aw, DID, vtd_test_pa(*top));
	return env;
}

static void vtd_walk_legacy_3level(struct kunit *test)
{
	struct vtd_test_env *env;
	u64 *top, last = (1ULL << 39) - 0x1000;

	env = legacy_domain(test, VTDM_AW_39, &top);
	vtd_test_sl_map(env, top, 3, 0x5000, 0x9a000, 12, VTDM_SL_R | VTDM_SL_W);
	vtd_test_sl_map(env, top, 3, last, 0x7b000, 12, VTDM_SL_R);
	expect_xlate(test, env, SID, NOPASID, 0x5123, DMA_ACC_READ, 0x9a123, SZ_4K);
	expect_xlate(test, env, SID, NOPASID, 0x5ff8, DMA_ACC_WRITE, 0x9aff8, SZ_4K);
	expect_xlate(test, env, SID, NOPASID, last + 0xfff, DMA_ACC_READ, 0x7bfff, SZ_4K);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x6000, DMA_ACC_READ),
			VTDM_FR_NO_READ);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 1ULL << 39, DMA_ACC_READ),
			VTDM_FR_BEYOND_AGAW);
}

static void vtd_walk_legacy_4level(struct kunit *test)
{
	struct vtd_test_env *env;
	u64 *top, last = (1ULL << 48) - 0x1000;

	env = legacy_domain(test, VTDM_AW_48, &top);
	vtd_test_sl_map(env, top, 4, 0x12345000, 0x55555000, 12, VTDM_SL_R | VTDM_SL_W);
	vtd_test_sl_map(env, top, 4, last, 0x66666000, 12, VTDM_SL_R | VTDM_SL_W);
	expect_xlate(test, env, SID, NOPASID, 0x12345678, DMA_ACC_READ | DMA_ACC_WRITE,
		     0x55555678, SZ_4K);
	expect_xlate(test, env, SID, NOPASID, last + 8, DMA_ACC_WRITE, 0x66666008, SZ_4K);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 1ULL << 48, DMA_ACC_READ),
			VTDM_FR_BEYOND_AGAW);
}

static void vtd_walk_legacy_superpages(struct kunit *test)
{
	struct vtd_test_env *env;
	u64 *top;

	env = legacy_domain(test, VTDM_AW_48, &top);
	vtd_test_sl_map(env, top, 4, 0x40200000, 0x7600000000ULL, 21, VTDM_SL_R | VTDM_SL_W);
	vtd_test_sl_map(env, top, 4, 0x80000000, 0x7700000000ULL, 30, VTDM_SL_R);
	vtd_test_sl_map(env, top, 4, 0x40400000, 0x1234000, 12, VTDM_SL_R);
	expect_xlate(test, env, SID, NOPASID, 0x40200000, DMA_ACC_READ, 0x7600000000ULL, SZ_2M);
	expect_xlate(test, env, SID, NOPASID, 0x403fffff, DMA_ACC_WRITE, 0x76001fffffULL, SZ_2M);
	expect_xlate(test, env, SID, NOPASID, 0x80000000 + 0x3abcdef1, DMA_ACC_READ,
		     0x7700000000ULL + 0x3abcdef1, SZ_1G);
	/* A 4 KiB page next to the 2 MiB one comes from its own table. */
	expect_xlate(test, env, SID, NOPASID, 0x40400010, DMA_ACC_READ, 0x1234010, SZ_4K);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x80000000, DMA_ACC_WRITE),
			VTDM_FR_NO_WRITE);
}

static void vtd_walk_legacy_permissions(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_xlate res;
	u64 *top, *l2;

	env = legacy_domain(test, VTDM_AW_48, &top);
	vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, VTDM_SL_R);
	vtd_test_sl_map(env, top, 4, 0x2000, 0xb000, 12, VTDM_SL_W);
	vtd_test_sl_map(env, top, 4, 0x3000, 0xc000, 12, VTDM_SL_R | VTDM_SL_W);

	KUNIT_ASSERT_EQ(test, vtd_test_xlate(env, SID, NOPASID, 0x1000, DMA_ACC_READ, &res), 0);
	KUNIT_EXPECT_EQ(test, res.perms, (unsigned int)DMA_ACC_READ);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_WRITE),
			VTDM_FR_NO_WRITE);
	/* A write-only second-stage mapping is expressible. */
	KUNIT_ASSERT_EQ(test, vtd_test_xlate(env, SID, NOPASID, 0x2000, DMA_ACC_WRITE, &res), 0);
	KUNIT_EXPECT_EQ(test, res.perms, (unsigned int)DMA_ACC_WRITE);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x2000, DMA_ACC_READ),
			VTDM_FR_NO_READ);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x3000,
					      DMA_ACC_READ | DMA_ACC_WRITE), 0);

	/* Permissions of non-leaf entries are ANDed in: drop W at level 2. */
	l2 = (u64 *)(unsigned long)(top[0] & VTDM_SL_ADDR_MASK);
	l2 = (u64 *)(unsigned long)(l2[0] & VTDM_SL_ADDR_MASK);
	l2[0] &= ~VTDM_SL_W;
	vtd_test_flush_all(env);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x3000, DMA_ACC_WRITE),
			VTDM_FR_NO_WRITE);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x3000, DMA_ACC_READ), 0);
}

static void vtd_walk_legacy_passthrough(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_stats st0, st1;
	struct vtd_xlate res;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, 0);
	/* Pass-through ignores the second-stage pointer entirely. */
	vtd_test_legacy_ctx(env, SID, VTDM_TT_PASSTHROUGH, VTDM_AW_48, 1, 0xdead000);
	vtd_get_stats(env->u, &st0);
	KUNIT_ASSERT_EQ(test, vtd_test_xlate(env, SID, NOPASID, 0xabcdef123ULL, DMA_ACC_WRITE,
					     &res), 0);
	KUNIT_EXPECT_EQ(test, res.pa, 0xabcdef123ULL);
	KUNIT_EXPECT_EQ(test, res.perms, (unsigned int)(DMA_ACC_READ | DMA_ACC_WRITE));
	vtd_get_stats(env->u, &st1);
	/* Root and context entry only: two reads, no walk. */
	KUNIT_EXPECT_EQ(test, st1.table_reads - st0.table_reads, 2ULL);
	expect_xlate(test, env, SID, NOPASID, 0x10, DMA_ACC_READ, 0x10, SZ_4K);
}

static void vtd_walk_mgaw_limit(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top;

	vtd_config_default(&cfg);
	cfg.mgaw = 40;
	env = vtd_test_env_create(test, &cfg, 0);
	top = vtd_test_page(env);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));
	vtd_test_sl_map(env, top, 4, (1ULL << 40) - 0x1000, 0x3000, 12, VTDM_SL_R);
	expect_xlate(test, env, SID, NOPASID, (1ULL << 40) - 1, DMA_ACC_READ, 0x3fff, SZ_4K);
	/* The 4-level table could reach it, MGAW does not. */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 1ULL << 40, DMA_ACC_READ),
			VTDM_FR_BEYOND_AGAW);

	/* Scalable mode reports it as beyond the hardware maximum. */
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	top = vtd_test_page(env);
	vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(top), VTDM_AW_48, DID);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 1ULL << 41, DMA_ACC_READ),
			VTDM_FR_SM_BEYOND_MAX);
}

static void vtd_walk_sm_second_stage(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *top3;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	top = vtd_test_page(env);
	vtd_test_sl_map(env, top, 4, 0x7000, 0x17000, 12, VTDM_SL_R | VTDM_SL_W);
	vtd_test_sl_map(env, top, 4, 0x600000, 0x7600000000ULL, 21, VTDM_SL_R | VTDM_SL_W);
	vtd_test_sl_map(env, top, 4, 0xc0000000, 0x7700000000ULL, 30, VTDM_SL_R);
	vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(top), VTDM_AW_48, DID);
	/* PASID 9 uses a 3-level table of another domain. */
	top3 = vtd_test_page(env);
	vtd_test_sl_map(env, top3, 3, 0x7000, 0x27000, 12, VTDM_SL_R);
	vtd_test_pasid_sl(env, SID, 9, vtd_test_pa(top3), VTDM_AW_39, DID + 1);

	expect_xlate(test, env, SID, NOPASID, 0x7abc, DMA_ACC_WRITE, 0x17abc, SZ_4K);
	expect_xlate(test, env, SID, NOPASID, 0x612345, DMA_ACC_READ, 0x7600012345ULL, SZ_2M);
	expect_xlate(test, env, SID, NOPASID, 0xc0000008, DMA_ACC_READ, 0x7700000008ULL, SZ_1G);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0xc0000008, DMA_ACC_WRITE),
			VTDM_FR_SM_NO_WRITE);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x8000, DMA_ACC_READ),
			VTDM_FR_SM_NO_READ);
	/* The explicit PASID 0 is the same entry as RID_PASID. */
	expect_xlate(test, env, SID, 0, 0x7abc, DMA_ACC_READ, 0x17abc, SZ_4K);
	expect_xlate(test, env, SID, 9, 0x7abc, DMA_ACC_READ, 0x27abc, SZ_4K);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 9, 0x7abc, DMA_ACC_WRITE),
			VTDM_FR_SM_NO_WRITE);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 9, 1ULL << 39, DMA_ACC_READ),
			VTDM_FR_SM_BEYOND_MAX);
}

static struct vtd_test_env *fl_env(struct kunit *test, u64 **top, u64 qw2)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	*top = vtd_test_page(env);
	vtd_test_pasid_fl(env, SID, 0, vtd_test_pa(*top), DID, qw2);
	vtd_test_pasid_fl(env, SID, 3, vtd_test_pa(*top), DID, qw2);
	return env;
}

static void vtd_walk_sm_first_stage(struct kunit *test)
{
	struct vtd_test_env *env;
	u64 *top, *leaf, *pml4e, us = VTDM_FL_US;

	env = fl_env(test, &top, 0);
	/* A and D clear: the unit must set them. */
	leaf = vtd_test_fl_map(env, top, 4, 0x5000, 0x15000, 12, VTDM_FL_RW | us);
	vtd_test_fl_map(env, top, 4, 0x800000, 0x7600000000ULL, 21, us | VTDM_FL_A);
	vtd_test_fl_map(env, top, 4, 0x40000000, 0x7700000000ULL, 30, FLRW);
	pml4e = &top[0];
	*pml4e &= ~VTDM_FL_A;

	expect_xlate(test, env, SID, 3, 0x5010, DMA_ACC_READ, 0x15010, SZ_4K);
	KUNIT_EXPECT_TRUE(test, *leaf & VTDM_FL_A);
	KUNIT_EXPECT_TRUE(test, *pml4e & VTDM_FL_A);
	KUNIT_EXPECT_FALSE(test, *leaf & VTDM_FL_D);
	expect_xlate(test, env, SID, 3, 0x5010, DMA_ACC_WRITE, 0x15010, SZ_4K);
	KUNIT_EXPECT_TRUE(test, *leaf & VTDM_FL_D);

	expect_xlate(test, env, SID, NOPASID, 0x9abcde, DMA_ACC_READ, 0x76001abcdeULL, SZ_2M);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x9abcde, DMA_ACC_WRITE),
			VTDM_FR_SM_NO_WRITE);
	expect_xlate(test, env, SID, NOPASID, 0x7fffffff, DMA_ACC_WRITE, 0x773fffffffULL, SZ_1G);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x6000, DMA_ACC_READ),
			VTDM_FR_SM_FL_NOT_PRESENT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 1ULL << 40, DMA_ACC_READ),
			VTDM_FR_SM_FL_NOT_PRESENT);
}

static void vtd_walk_sm_first_stage_privilege(struct kunit *test)
{
	struct vtd_test_env *env;
	u64 *top, *pe;

	env = fl_env(test, &top, 0);
	vtd_test_fl_map(env, top, 4, 0x1000, 0x11000, 12, VTDM_FL_A | VTDM_FL_D);
	vtd_test_fl_map(env, top, 4, 0x2000, 0x12000, 12, VTDM_FL_US | VTDM_FL_A | VTDM_FL_XD);
	vtd_test_fl_map(env, top, 4, 0x3000, 0x13000, 12, FLRW);

	/* A user request to a supervisor page. */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 3, 0x1000, DMA_ACC_READ),
			VTDM_FR_SM_US_CLEAR);
	/* Supervisor requests need SRE. */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 3, 0x1000,
					      DMA_ACC_READ | DMA_ACC_PRIV), VTDM_FR_SM_SRE_CLEAR);
	/* Execute-disable. */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 3, 0x2000,
					      DMA_ACC_READ | DMA_ACC_EXEC), VTDM_FR_SM_NO_EXEC);
	expect_xlate(test, env, SID, 3, 0x2000, DMA_ACC_READ, 0x12000, SZ_4K);
	expect_xlate(test, env, SID, 3, 0x3000, DMA_ACC_READ | DMA_ACC_EXEC, 0x13000, SZ_4K);

	pe = vtd_test_pasid_entry(env, SID, 3);
	pe[2] |= VTDM_PE2_SRE;
	vtd_test_flush_all(env);
	expect_xlate(test, env, SID, 3, 0x1000, DMA_ACC_READ | DMA_ACC_PRIV, 0x11000, SZ_4K);
	/* Without WPE a supervisor may write a read-only page ... */
	expect_xlate(test, env, SID, 3, 0x1000, DMA_ACC_WRITE | DMA_ACC_PRIV, 0x11000, SZ_4K);
	/* ... with WPE it may not. */
	pe[2] |= VTDM_PE2_WPE;
	vtd_test_flush_all(env);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 3, 0x1000,
					      DMA_ACC_WRITE | DMA_ACC_PRIV), VTDM_FR_SM_NO_WRITE);
	/* Requests without PASID are never supervisor requests. */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000,
					      DMA_ACC_READ | DMA_ACC_PRIV), VTDM_FR_SM_US_CLEAR);
}

static void vtd_walk_sm_first_stage_canonical(struct kunit *test)
{
	struct vtd_test_env *env;
	u64 *top, hi = 0xffff800000001000ULL;

	env = fl_env(test, &top, 0);
	vtd_test_fl_map(env, top, 4, hi, 0x31000, 12, FLRW);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 3, 0x800000000000ULL, DMA_ACC_READ),
			VTDM_FR_SM_NON_CANONICAL);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 3, 0x00ff800000001000ULL, DMA_ACC_READ),
			VTDM_FR_SM_NON_CANONICAL);
	/* The upper half is reached through PML4 entry 256. */
	expect_xlate(test, env, SID, 3, hi + 0x44, DMA_ACC_READ, 0x31044, SZ_4K);
	KUNIT_EXPECT_TRUE(test, top[256] & VTDM_FL_P);
}

static void vtd_walk_sm_passthrough(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	vtd_test_pasid_pt(env, SID, 0, 1);
	vtd_test_pasid_pt(env, SID, 12, 1);
	expect_xlate(test, env, SID, NOPASID, 0x123456789ULL, DMA_ACC_WRITE, 0x123456789ULL,
		     SZ_4K);
	expect_xlate(test, env, SID, 12, 0xabc, DMA_ACC_READ, 0xabc, SZ_4K);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 13, 0xabc, DMA_ACC_READ),
			VTDM_FR_SM_PE_NOT_PRESENT);
}

static void vtd_walk_sm_rid_pasid(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *ctx;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	vtd_test_pasid_pt(env, SID, 0, 1);
	ctx = vtd_test_ctx_entry(env, SID);
	ctx[1] = 7;		/* requests without PASID use PASID 7 */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_SM_PE_NOT_PRESENT);
	vtd_test_pasid_pt(env, SID, 7, 1);
	vtd_test_flush_all(env);
	expect_xlate(test, env, SID, NOPASID, 0x1000, DMA_ACC_READ, 0x1000, SZ_4K);
	/* A request with PASID 0 still uses entry 0. */
	expect_xlate(test, env, SID, 0, 0x1000, DMA_ACC_READ, 0x1000, SZ_4K);
}

static void vtd_walk_sm_pasid_limits(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *ctx;

	vtd_config_default(&cfg);
	cfg.pasid_bits = 10;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	vtd_test_pasid_pt(env, SID, 0, 1);
	vtd_test_pasid_pt(env, SID, 1023, 1);
	expect_xlate(test, env, SID, 1023, 0x1000, DMA_ACC_READ, 0x1000, SZ_4K);
	/* Beyond the unit's PASID width. */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 1024, 0x1000, DMA_ACC_READ),
			VTDM_FR_SM_PASID_TOO_BIG);

	/* Beyond the directory size given by PDTS (2^(0 + 7) entries). */
	cfg.pasid_bits = 20;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	vtd_test_pasid_pt(env, SID, 0, 1);
	ctx = vtd_test_ctx_entry(env, SID);
	ctx[0] &= ~VTDM_SMCTX_PDTS_MASK;
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 128 * 64, 0x1000, DMA_ACC_READ),
			VTDM_FR_SM_PASID_TOO_BIG);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 128 * 64 - 1, 0x1000, DMA_ACC_READ),
			VTDM_FR_SM_PDIR_NOT_PRESENT);

	/* Requests with PASID need PASIDE. */
	ctx[0] &= ~VTDM_SMCTX_PASIDE;
	vtd_test_flush_all(env);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 0, 0x1000, DMA_ACC_READ),
			VTDM_FR_SM_PASIDE_CLEAR);
	expect_xlate(test, env, SID, NOPASID, 0x1000, DMA_ACC_READ, 0x1000, SZ_4K);
}

static void vtd_walk_translation_modes(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_xlate res;
	u64 rt;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, 0);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_PASSTHROUGH, VTDM_AW_48, 1, 0);
	expect_xlate(test, env, SID, NOPASID, 0x1000, DMA_ACC_READ, 0x1000, SZ_4K);

	/* Abort-DMA mode: blocked, nothing recorded. */
	rt = vtd_test_pa(env->root);
	vtd_test_set_root(env, rt | ((u64)VTDM_TTM_ABORT << VTDM_RTADDR_TTM_SHIFT));
	KUNIT_EXPECT_EQ(test, vtd_test_xlate(env, SID, NOPASID, 0x1000, DMA_ACC_READ, &res),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, res.fault.reason, 0);
	KUNIT_EXPECT_FALSE(test, res.fault.recorded);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_PPF);

	/* The reserved TTM encoding. */
	vtd_test_set_root(env, rt | ((u64)VTDM_TTM_RESERVED << VTDM_RTADDR_TTM_SHIFT));
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_SM_RTADDR_INVALID);

	/* Scalable mode on a unit without it. */
	vtd_test_cfg_no_sm(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_SM_RTADDR_INVALID);
	/* An access type must be given. */
	KUNIT_EXPECT_EQ(test, vtd_test_xlate(env, SID, NOPASID, 0x1000, 0, &res), -EINVAL);
}

static void vtd_walk_five_level(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *sl, *fl, top57 = (1ULL << 57) - 0x1000, hi = 0xff00000000001000ULL;

	vtd_config_default(&cfg);
	cfg.sagaw |= VTDM_SAGAW_57;
	cfg.mgaw = 57;
	cfg.fl5lp = true;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	sl = vtd_test_page(env);
	fl = vtd_test_page(env);
	vtd_test_sl_map(env, sl, 5, top57, 0x45000, 12, VTDM_SL_R);
	vtd_test_sl_map(env, sl, 5, 0x1000, 0x46000, 12, VTDM_SL_R);
	vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(sl), VTDM_AW_57, DID);
	vtd_test_fl_map(env, fl, 5, hi, 0x47000, 12, FLRW);
	vtd_test_fl_map(env, fl, 5, 1ULL << 50, 0x48000, 12, FLRW);
	vtd_test_pasid_fl(env, SID, 1, vtd_test_pa(fl), DID + 1, 1ULL << VTDM_PE2_FLPM_SHIFT);

	expect_xlate(test, env, SID, NOPASID, top57 + 0x10, DMA_ACC_READ, 0x45010, SZ_4K);
	expect_xlate(test, env, SID, NOPASID, 0x1010, DMA_ACC_READ, 0x46010, SZ_4K);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 1ULL << 57, DMA_ACC_READ),
			VTDM_FR_SM_BEYOND_MAX);
	/* 5-level first stage: 57-bit canonical addresses. */
	expect_xlate(test, env, SID, 1, hi + 4, DMA_ACC_WRITE, 0x47004, SZ_4K);
	expect_xlate(test, env, SID, 1, (1ULL << 50) + 8, DMA_ACC_READ, 0x48008, SZ_4K);
	KUNIT_EXPECT_TRUE(test, fl[256] & VTDM_FL_P);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 1, 1ULL << 56, DMA_ACC_READ),
			VTDM_FR_SM_NON_CANONICAL);
}

static void vtd_walk_dma_dev_legacy(struct kunit *test)
{
	struct vtd_test_env *env;
	struct dma_dev dev;
	u8 *p1, *p2, buf[4096], back[4096];
	u64 *top;
	unsigned int i;

	env = legacy_domain(test, VTDM_AW_48, &top);
	p1 = vtd_test_page(env);
	p2 = vtd_test_page(env);
	/* Two adjacent IOVA pages land on two unrelated physical pages. */
	vtd_test_sl_map(env, top, 4, 0x10000, vtd_test_pa(p2), 12, VTDM_SL_R | VTDM_SL_W);
	vtd_test_sl_map(env, top, 4, 0x11000, vtd_test_pa(p1), 12, VTDM_SL_R | VTDM_SL_W);
	vtd_test_sl_map(env, top, 4, 0x12000, vtd_test_pa(p1), 12, VTDM_SL_R);
	vtd_test_sl_map(env, top, 4, 0x20000, 0x1000, 12, VTDM_SL_R);	/* not RAM */
	dma_dev_init(&dev, "dev0", SID, &vtd_dma_iommu_ops, env->u);

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = i * 7 + 1;
	KUNIT_ASSERT_EQ(test, dma_dev_write(&dev, 0x10800, buf, 4000, NOPASID), 0);
	KUNIT_EXPECT_EQ(test, memcmp(p2 + 0x800, buf, 0x800), 0);
	KUNIT_EXPECT_EQ(test, memcmp(p1, buf + 0x800, 4000 - 0x800), 0);
	KUNIT_EXPECT_EQ(test, p2[0x7ff], 0);
	KUNIT_EXPECT_EQ(test, dev.bytes_written, 4000ULL);
	memset(back, 0, sizeof(back));
	KUNIT_ASSERT_EQ(test, dma_dev_read(&dev, 0x10800, back, 4000, NOPASID), 0);
	KUNIT_EXPECT_EQ(test, memcmp(back, buf, 4000), 0);

	/* Crossing into a read-only page: the first part lands, then a fault. */
	memset(p1, 0, 4096);
	KUNIT_EXPECT_EQ(test, dma_dev_write(&dev, 0x11f00, buf, 0x200, NOPASID), -EFAULT);
	KUNIT_EXPECT_EQ(test, memcmp(p1 + 0xf00, buf, 0x100), 0);
	KUNIT_EXPECT_EQ(test, dma_dev_last_fault(&dev)->reason, VTDM_FR_NO_WRITE);
	KUNIT_EXPECT_EQ(test, dma_dev_last_fault(&dev)->addr, 0x12000ULL);
	KUNIT_EXPECT_EQ(test, dma_dev_last_fault(&dev)->source_id, SID);
	KUNIT_EXPECT_TRUE(test, dma_dev_last_fault(&dev)->write);
	KUNIT_EXPECT_TRUE(test, dma_dev_last_fault(&dev)->recorded);

	/* Unmapped: read fault, and the buffer is not written. */
	memset(back, 0x5a, sizeof(back));
	KUNIT_EXPECT_EQ(test, dma_dev_read(&dev, 0x30000, back, 16, NOPASID), -EFAULT);
	KUNIT_EXPECT_EQ(test, dma_dev_last_fault(&dev)->reason, VTDM_FR_NO_READ);
	KUNIT_EXPECT_EQ(test, back[0], 0x5a);

	/* Translated, but the output address is no memory: a target abort. */
	KUNIT_EXPECT_EQ(test, dma_dev_read(&dev, 0x20000, back, 16, NOPASID), -EIO);
	KUNIT_EXPECT_TRUE(test, dma_dev_last_fault(&dev)->mem_error);
	KUNIT_EXPECT_EQ(test, dev.faults, 3UL);
	KUNIT_EXPECT_EQ(test, dma_dev_access(&dev, 0x10000, back, 4,  NOPASID,
					     DMA_ACC_READ | DMA_ACC_WRITE), -EINVAL);
}

static void vtd_walk_dma_dev_pasid(struct kunit *test)
{
	struct vtd_test_env *env;
	struct dma_dev dev;
	u64 *top, *top2, val = 0x1122334455667788ULL, got = 0;
	u8 *p;

	env = fl_env(test, &top, 0);
	p = vtd_test_page(env);
	vtd_test_fl_map(env, top, 4, 0x7f0000, vtd_test_pa(p), 12, FLRW);
	/* A second-stage PASID mapping the same IOVA somewhere else. */
	top2 = vtd_test_page(env);
	vtd_test_pasid_sl(env, SID, 4, vtd_test_pa(top2), VTDM_AW_48, DID + 1);
	dma_dev_init(&dev, "pasid-dev", SID, &vtd_dma_iommu_ops, env->u);

	KUNIT_ASSERT_EQ(test, dma_dev_write(&dev, 0x7f0010, &val, sizeof(val), 3), 0);
	KUNIT_EXPECT_EQ(test, *(u64 *)(p + 0x10), val);
	KUNIT_ASSERT_EQ(test, dma_dev_read(&dev, 0x7f0010, &got, sizeof(got), NOPASID), 0);
	KUNIT_EXPECT_EQ(test, got, val);
	KUNIT_EXPECT_EQ(test, dma_dev_read(&dev, 0x7f0010, &got, sizeof(got), 4), -EFAULT);
	KUNIT_EXPECT_EQ(test, dma_dev_last_fault(&dev)->reason, VTDM_FR_SM_NO_READ);
	KUNIT_EXPECT_EQ(test, dma_dev_last_fault(&dev)->pasid, 4U);
}

static void vtd_walk_dma_dev_no_iommu(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct dma_dev dev;
	u32 v = 0xcafef00d;
	u8 *p;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_NO_TE);
	p = vtd_test_page(env);
	dma_dev_init(&dev, "direct", SID, NULL, NULL);
	KUNIT_ASSERT_EQ(test, dma_dev_write(&dev, vtd_test_pa(p) + 4092, &v, 4, NOPASID), 0);
	KUNIT_EXPECT_EQ(test, *(u32 *)(p + 4092), v);
	KUNIT_EXPECT_EQ(test, dma_dev_write(&dev, 0x1000, &v, 4, NOPASID), -EIO);

	/* Behind a unit with translation off, DMA is untranslated too. */
	dma_dev_init(&dev, "te-off", SID, &vtd_dma_iommu_ops, env->u);
	v = 0x600df00d;
	KUNIT_ASSERT_EQ(test, dma_dev_write(&dev, vtd_test_pa(p), &v, 4, NOPASID), 0);
	KUNIT_EXPECT_EQ(test, *(u32 *)p, v);
}

static struct kunit_case vtd_walk_cases[] = {
	KUNIT_CASE(vtd_walk_legacy_3level),
	KUNIT_CASE(vtd_walk_legacy_4level),
	KUNIT_CASE(vtd_walk_legacy_superpages),
	KUNIT_CASE(vtd_walk_legacy_permissions),
	KUNIT_CASE(vtd_walk_legacy_passthrough),
	KUNIT_CASE(vtd_walk_mgaw_limit),
	KUNIT_CASE(vtd_walk_sm_second_stage),
	KUNIT_CASE(vtd_walk_sm_first_stage),
	KUNIT_CASE(vtd_walk_sm_first_stage_privilege),
	KUNIT_CASE(vtd_walk_sm_first_stage_canonical),
	KUNIT_CASE(vtd_walk_sm_passthrough),
	KUNIT_CASE(vtd_walk_sm_rid_pasid),
	KUNIT_CASE(vtd_walk_sm_pasid_limits),
	KUNIT_CASE(vtd_walk_translation_modes),
	KUNIT_CASE(vtd_walk_five_level),
	KUNIT_CASE(vtd_walk_dma_dev_legacy),
	KUNIT_CASE(vtd_walk_dma_dev_pasid),
	KUNIT_CASE(vtd_walk_dma_dev_no_iommu),
	{}
};

static struct kunit_suite vtd_walk_suite = {
	.name = "vtd_model_walk",
	.test_cases = vtd_walk_cases,
};

kunit_test_suite(vtd_walk_suite);
