// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite vtd_model_inval: the model's caches keep stale translations
 * until exactly the right invalidation arrives, through the queue or the
 * registers; the queue reports bad descriptors the architectural way.
 */

#include <linux/string.h>
#include <kunit/test.h>

#include "vtd-test.h"

#define SID		VTD_SID(0, 3, 0)
#define DID		5
#define NOPASID		DMA_DEV_NO_PASID
#define RW		(VTDM_SL_R | VTDM_SL_W)
#define FLRW		(VTDM_FL_RW | VTDM_FL_US | VTDM_FL_A | VTDM_FL_D)

static u64 pa_of(struct vtd_test_env *env, u16 sid, u32 pasid, u64 iova)
{
	struct vtd_xlate res;

	if (vtd_test_xlate(env, sid, pasid, iova, DMA_ACC_READ, &res))
		return ~0ULL;
	return res.pa;
}

static struct vtd_test_env *legacy_domain(struct kunit *test, struct vtd_config *cfg,
					  unsigned int opts, u64 **top)
{
	struct vtd_test_env *env = vtd_test_env_create(test, cfg, opts);

	*top = vtd_test_page(env);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(*top));
	return env;
}

static void vtd_inval_iotlb_domain(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_stats st;
	u64 *top, *leaf, d[4];

	vtd_config_default(&cfg);
	env = legacy_domain(test, &cfg, 0, &top);
	leaf = vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, RW);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	vtd_get_stats(env->u, &st);
	KUNIT_EXPECT_EQ(test, st.iotlb_hits, 1ULL);

	/* Software changes the mapping; the IOTLB still has the old one. */
	*leaf = 0xb000 | RW;
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	vtd_test_desc_iotlb(d, VTDM_IOTLB_DOMAIN, DID + 1, 0, 0, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	vtd_test_desc_iotlb(d, VTDM_IOTLB_DOMAIN, DID, 0, 0, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xb000ULL);

	/* Unmap: a cached translation keeps working until invalidated. */
	*leaf = 0;
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xb000ULL);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_NO_READ);
}

static void vtd_inval_iotlb_page(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *a, *b, *c, d[4];

	vtd_config_default(&cfg);
	env = legacy_domain(test, &cfg, 0, &top);
	a = vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, RW);
	b = vtd_test_sl_map(env, top, 4, 0x2000, 0xb000, 12, RW);
	c = vtd_test_sl_map(env, top, 4, 0x3000, 0xc000, 12, RW);
	pa_of(env, SID, NOPASID, 0x1000);
	pa_of(env, SID, NOPASID, 0x2000);
	pa_of(env, SID, NOPASID, 0x3000);
	*a = 0x1a000 | RW;
	*b = 0x1b000 | RW;
	*c = 0x1c000 | RW;

	/* One page. */
	vtd_test_desc_iotlb(d, VTDM_IOTLB_PAGE, DID, 0x1000, 0, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0x1a000ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x2000), 0xb000ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x3000), 0xc000ULL);
	/* AM=1 at 0x3000 covers the aligned pair 0x2000-0x3fff. */
	vtd_test_desc_iotlb(d, VTDM_IOTLB_PAGE, DID, 0x3000, 1, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x2000), 0x1b000ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x3000), 0x1c000ULL);
}

static void vtd_inval_iotlb_page_superpage(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *e, d[4];

	vtd_config_default(&cfg);
	env = legacy_domain(test, &cfg, 0, &top);
	e = vtd_test_sl_map(env, top, 4, 0x200000, 0x7600000000ULL, 21, RW);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x345678), 0x7600145678ULL);
	*e = 0x7800000000ULL | RW | VTDM_SL_PS;
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x345678), 0x7600145678ULL);
	/* Invalidating any 4 KiB page inside the 2 MiB mapping drops it. */
	vtd_test_desc_iotlb(d, VTDM_IOTLB_PAGE, DID, 0x3ff000, 0, true);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x345678), 0x7800145678ULL);
}

static void vtd_inval_pde_cache_hint(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_stats st;
	u64 *top, *l3, *l2, *newl1, d[4];

	vtd_config_default(&cfg);
	env = legacy_domain(test, &cfg, 0, &top);
	vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, RW);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);

	/* Replace the leaf table behind the level-2 entry. */
	newl1 = vtd_test_page(env);
	newl1[1] = 0xe000 | RW;
	l3 = (u64 *)(unsigned long)(top[0] & VTDM_SL_ADDR_MASK);
	l2 = (u64 *)(unsigned long)(l3[0] & VTDM_SL_ADDR_MASK);
	l2[0] = vtd_test_pa(newl1) | RW;

	/* IH=1: only leaves are dropped; the cached level-2 entry is reused. */
	vtd_test_desc_iotlb(d, VTDM_IOTLB_PAGE, DID, 0x1000, 0, true);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	vtd_get_stats(env->u, &st);
	KUNIT_EXPECT_GE(test, st.pde_hits, 1ULL);

	/* IH=0: the paging-structure cache goes too. */
	vtd_test_desc_iotlb(d, VTDM_IOTLB_PAGE, DID, 0x1000, 0, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xe000ULL);
}

static struct vtd_test_env *sm_two_stage_env(struct kunit *test, struct vtd_config *cfg,
					     u64 **sl_leaf, u64 **fl_leaf)
{
	struct vtd_test_env *env = vtd_test_env_create(test, cfg, VTD_TEST_SM);
	u64 *sl = vtd_test_page(env), *fl = vtd_test_page(env);

	*sl_leaf = vtd_test_sl_map(env, sl, 4, 0x1000, 0xa000, 12, RW);
	*fl_leaf = vtd_test_fl_map(env, fl, 4, 0x1000, 0xb000, 12, FLRW);
	vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(sl), VTDM_AW_48, DID);
	vtd_test_pasid_fl(env, SID, 1, vtd_test_pa(fl), DID + 1, 0);
	return env;
}

static void vtd_inval_iotlb_global(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *sl_leaf, *fl_leaf, d[4];

	vtd_config_default(&cfg);
	env = sm_two_stage_env(test, &cfg, &sl_leaf, &fl_leaf);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 1, 0x1000), 0xb000ULL);
	*sl_leaf = 0x1a000 | RW;
	*fl_leaf = 0x1b000 | FLRW | VTDM_FL_P;
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 1, 0x1000), 0xb000ULL);
	vtd_test_desc_iotlb(d, VTDM_IOTLB_GLOBAL, 0, 0, 0, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0x1a000ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 1, 0x1000), 0x1b000ULL);
}

static void vtd_inval_piotlb(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *sl_leaf, *fl_leaf, d[4];

	vtd_config_default(&cfg);
	env = sm_two_stage_env(test, &cfg, &sl_leaf, &fl_leaf);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 1, 0x1000), 0xb000ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	*fl_leaf = 0x1b000 | FLRW | VTDM_FL_P;
	*sl_leaf = 0x1a000 | RW;

	/* The IOTLB descriptor covers second-stage mappings only. */
	vtd_test_desc_iotlb(d, VTDM_IOTLB_DOMAIN, DID + 1, 0, 0, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 1, 0x1000), 0xb000ULL);
	/* A PASID-based one for another PASID or domain misses. */
	vtd_test_desc_piotlb(d, VTDM_QI_PIOTLB_PASID, DID + 1, 2, 0, 0, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	vtd_test_desc_piotlb(d, VTDM_QI_PIOTLB_PASID, DID, 1, 0, 0, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 1, 0x1000), 0xb000ULL);
	/* Page-selective within the PASID, then the whole PASID. */
	vtd_test_desc_piotlb(d, VTDM_QI_PIOTLB_PAGE, DID + 1, 1, 0x5000, 0, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 1, 0x1000), 0xb000ULL);
	vtd_test_desc_piotlb(d, VTDM_QI_PIOTLB_PAGE, DID + 1, 1, 0x1000, 0, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 1, 0x1000), 0x1b000ULL);
	*fl_leaf = 0x2b000 | FLRW | VTDM_FL_P;
	vtd_test_desc_piotlb(d, VTDM_QI_PIOTLB_PASID, DID + 1, 1, 0, 0, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 1, 0x1000), 0x2b000ULL);
	/* The second-stage domain was never invalidated. */
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
}

static void vtd_inval_context_cache(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *top2, d[4];

	vtd_config_default(&cfg);
	env = legacy_domain(test, &cfg, 0, &top);
	vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, RW);
	top2 = vtd_test_page(env);
	vtd_test_sl_map(env, top2, 4, 0x1000, 0xc000, 12, RW);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);

	/* Move the device to another domain. */
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID + 1, vtd_test_pa(top2));
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	/* Device-selective invalidation names the old domain id. */
	vtd_test_desc_cc(d, VTDM_CC_DEVICE, DID + 1, SID, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	vtd_test_desc_cc(d, VTDM_CC_DEVICE, DID, SID + 1, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	vtd_test_desc_cc(d, VTDM_CC_DEVICE, DID, SID, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xc000ULL);

	/* Domain-selective, then global. */
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));
	vtd_test_desc_cc(d, VTDM_CC_DOMAIN, DID, 0, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xc000ULL);
	vtd_test_desc_cc(d, VTDM_CC_DOMAIN, DID + 1, 0, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID + 1, vtd_test_pa(top2));
	vtd_test_desc_cc(d, VTDM_CC_GLOBAL, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xc000ULL);
}

static void vtd_inval_context_function_mask(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u16 f0 = VTD_SID(0, 3, 0), f4 = VTD_SID(0, 3, 4), f6 = VTD_SID(0, 3, 6);
	u64 *top, d[4];

	vtd_config_default(&cfg);
	env = legacy_domain(test, &cfg, 0, &top);
	vtd_test_legacy_ctx(env, f4, VTDM_TT_PASSTHROUGH, VTDM_AW_48, DID, 0);
	vtd_test_legacy_ctx(env, f6, VTDM_TT_PASSTHROUGH, VTDM_AW_48, DID, 0);
	vtd_test_legacy_ctx(env, f0, VTDM_TT_PASSTHROUGH, VTDM_AW_48, DID, 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, f0, NOPASID, 0x1000), 0x1000ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, f4, NOPASID, 0x1000), 0x1000ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, f6, NOPASID, 0x1000), 0x1000ULL);
	vtd_test_ctx_entry(env, f0)[0] = 0;
	vtd_test_ctx_entry(env, f4)[0] = 0;
	vtd_test_ctx_entry(env, f6)[0] = 0;

	/* FM=1 ignores function bit 2: functions 0 and 4, not 6. */
	vtd_test_desc_cc(d, VTDM_CC_DEVICE, DID, f0, 1);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, f0, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_CTX_NOT_PRESENT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, f4, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_CTX_NOT_PRESENT);
	KUNIT_EXPECT_EQ(test, pa_of(env, f6, NOPASID, 0x1000), 0x1000ULL);
	/* FM=3 ignores the whole function number. */
	vtd_test_desc_cc(d, VTDM_CC_DEVICE, DID, f0, 3);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, f6, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_CTX_NOT_PRESENT);
}

static void vtd_inval_pasid_cache(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *sl_leaf, *fl_leaf, *top2, d[4];

	vtd_config_default(&cfg);
	env = sm_two_stage_env(test, &cfg, &sl_leaf, &fl_leaf);
	top2 = vtd_test_page(env);
	vtd_test_sl_map(env, top2, 4, 0x1000, 0xd000, 12, RW);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 0, 0x1000), 0xa000ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 1, 0x1000), 0xb000ULL);

	/* PASID 0 moves to a new domain (DID 9); the PASID cache holds the old entry. */
	vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(top2), VTDM_AW_48, 9);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 0, 0x1000), 0xa000ULL);
	/* PASID-selective with the wrong PASID or domain misses. */
	vtd_test_desc_pc(d, VTDM_QI_PC_PASID, DID, 1);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	vtd_test_desc_pc(d, VTDM_QI_PC_PASID, 9, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 0, 0x1000), 0xa000ULL);
	vtd_test_desc_pc(d, VTDM_QI_PC_PASID, DID, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 0, 0x1000), 0xd000ULL);

	/* Domain-selective drops every PASID of the domain. */
	vtd_test_pasid_fl(env, SID, 1, vtd_test_pa(top2), DID + 2, 0);
	vtd_test_desc_pc(d, VTDM_QI_PC_DOMAIN, DID, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 1, 0x1000), 0xb000ULL);
	vtd_test_desc_pc(d, VTDM_QI_PC_DOMAIN, DID + 1, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_NE(test, pa_of(env, SID, 1, 0x1000), 0xb000ULL);

	/* Global. */
	vtd_test_pasid_pt(env, SID, 0, 1);
	vtd_test_desc_pc(d, VTDM_QI_PC_GLOBAL, 0, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 0, 0x1000), 0x1000ULL);
}

static void vtd_inval_caching_mode_legacy(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, d[4];

	/* CM=1: not-present entries are cached; software must invalidate. */
	vtd_config_default(&cfg);
	cfg.caching_mode = true;
	env = vtd_test_env_create(test, &cfg, 0);
	top = vtd_test_page(env);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_ROOT_NOT_PRESENT);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_ROOT_NOT_PRESENT);
	/* Cached not-present context entries carry domain id 0. */
	vtd_test_desc_cc(d, VTDM_CC_DEVICE, DID, SID, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_ROOT_NOT_PRESENT);
	vtd_test_desc_cc(d, VTDM_CC_DEVICE, 0, SID, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_NO_READ);
	/* A not-present leaf is cached too, until a page-selective flush. */
	vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, RW);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_WRITE),
			VTDM_FR_NO_WRITE);
	vtd_test_desc_iotlb(d, VTDM_IOTLB_PAGE, DID, 0x1000, 0, true);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);

	/* CM=0: no invalidation is needed after making entries present. */
	cfg.caching_mode = false;
	env = vtd_test_env_create(test, &cfg, 0);
	top = vtd_test_page(env);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_ROOT_NOT_PRESENT);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_NO_READ);
	vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, RW);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
}

static void vtd_inval_caching_mode_pasid(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, d[4];

	vtd_config_default(&cfg);
	cfg.caching_mode = true;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	top = vtd_test_page(env);
	vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, RW);
	vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(top), VTDM_AW_48, DID);
	vtd_test_pasid_entry(env, SID, 2);	/* same table, entry 2 stays empty */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 2, 0x1000, DMA_ACC_READ),
			VTDM_FR_SM_PE_NOT_PRESENT);
	vtd_test_pasid_sl(env, SID, 2, vtd_test_pa(top), VTDM_AW_48, DID);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 2, 0x1000, DMA_ACC_READ),
			VTDM_FR_SM_PE_NOT_PRESENT);
	/* The negative entry goes with a PASID-selective flush naming the new domain. */
	vtd_test_desc_pc(d, VTDM_QI_PC_PASID, DID, 2);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, 2, 0x1000), 0xa000ULL);
}

static int inv_events;
static u32 inv_data;

static void count_inv(struct vtd_unit *u, enum vtd_event ev, u64 addr, u32 data, void *priv)
{
	if (ev == VTD_EVENT_INV_DONE) {
		inv_events++;
		inv_data = data;
	}
}

static void vtd_inval_wait_descriptor(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u32 *status;
	u64 w[4] = { 0 };

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, 0);
	inv_events = 0;
	vtd_set_event_handler(env->u, count_inv, NULL);
	vtd_test_wr32(env, VTDM_REG_IEDATA, 0x4321);
	status = vtd_test_page(env);

	/* Status write: the 32-bit data lands at the address. */
	w[0] = VTDM_QI_WAIT | VTDM_QI_WAIT_SW | (0xdeadbeefULL << VTDM_QI_WAIT_DATA_SHIFT);
	w[1] = vtd_test_pa(&status[3]);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, w), 0);
	KUNIT_EXPECT_EQ(test, status[3], 0xdeadbeefU);
	KUNIT_EXPECT_EQ(test, status[2], 0U);
	KUNIT_EXPECT_EQ(test, status[4], 0U);
	KUNIT_EXPECT_EQ(test, vtd_test_rd32(env, VTDM_REG_ICS), 0U);
	KUNIT_EXPECT_EQ(test, inv_events, 0);

	/* Interrupt flag: ICS.IWC and one completion event. */
	w[0] = VTDM_QI_WAIT | VTDM_QI_WAIT_IF;
	w[1] = 0;
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, w), 0);
	KUNIT_EXPECT_EQ(test, vtd_test_rd32(env, VTDM_REG_ICS), (u32)VTDM_ICS_IWC);
	KUNIT_EXPECT_EQ(test, inv_events, 1);
	KUNIT_EXPECT_EQ(test, inv_data, 0x4321U);
	/* While IWC is set, another IF wait raises nothing new. */
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, w), 0);
	KUNIT_EXPECT_EQ(test, inv_events, 1);
	vtd_test_wr32(env, VTDM_REG_ICS, VTDM_ICS_IWC);
	KUNIT_EXPECT_EQ(test, vtd_test_rd32(env, VTDM_REG_ICS), 0U);

	/* Masked: pending until unmasked. */
	vtd_test_wr32(env, VTDM_REG_IECTL, VTDM_IECTL_IM);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, w), 0);
	KUNIT_EXPECT_EQ(test, inv_events, 1);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_IECTL) & VTDM_IECTL_IP);
	vtd_test_wr32(env, VTDM_REG_IECTL, 0);
	KUNIT_EXPECT_EQ(test, inv_events, 2);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_IECTL) & VTDM_IECTL_IP);
	vtd_set_event_handler(env->u, NULL, NULL);
}

/* Post a bad descriptor and check the queue stops on it, then recover. */
static void expect_queue_error(struct kunit *test, struct vtd_test_env *env, const u64 *bad,
			       const char *what)
{
	unsigned int shift = env->wide ? 5 : 4, slot = env->qtail;
	u64 w[4] = { 0 }, head;

	KUNIT_EXPECT_EQ_MSG(test, vtd_test_qi_one(env, bad), -EIO, "%s", what);
	head = vtd_test_rd64(env, VTDM_REG_IQH);
	KUNIT_EXPECT_EQ_MSG(test, head, (u64)slot << shift, "%s", what);
	KUNIT_EXPECT_EQ(test, env->status[0], 1U);

	/* Like a driver: replace the bad descriptor, then clear IQE. */
	w[0] = VTDM_QI_WAIT | VTDM_QI_WAIT_SW | (7ULL << VTDM_QI_WAIT_DATA_SHIFT);
	w[1] = vtd_test_pa(&env->status[1]);
	memcpy(&env->queue[slot * (env->wide ? 4 : 2)], w, (env->wide ? 4 : 2) * sizeof(u64));
	vtd_test_wr32(env, VTDM_REG_FSTS, VTDM_FSTS_IQE);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_IQE);
	KUNIT_EXPECT_EQ(test, env->status[1], 7U);
	KUNIT_EXPECT_EQ(test, env->status[0], 2U);
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_IQH), (u64)env->qtail << shift);
	env->status[1] = 0;
}

static void vtd_inval_bad_descriptors(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_stats st;
	u64 d[4];

	vtd_config_default(&cfg);
	cfg.dt = false;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);

	memset(d, 0, sizeof(d));
	expect_queue_error(test, env, d, "type 0");
	d[0] = 0xf;
	expect_queue_error(test, env, d, "type 15");
	vtd_test_desc_cc(d, VTDM_CC_GLOBAL, 0, 0, 0);
	d[0] |= BIT_ULL(9);
	expect_queue_error(test, env, d, "type high bits");
	vtd_test_desc_cc(d, VTDM_CC_GLOBAL, 0, 0, 0);
	d[0] |= BIT_ULL(7);
	expect_queue_error(test, env, d, "cc reserved");
	vtd_test_desc_cc(d, 0, 0, 0, 0);
	expect_queue_error(test, env, d, "cc granularity 0");
	vtd_test_desc_iotlb(d, VTDM_IOTLB_PAGE, DID, 0, 0, false);
	d[1] |= BIT_ULL(8);
	expect_queue_error(test, env, d, "iotlb reserved");
	vtd_test_desc_iotlb(d, VTDM_IOTLB_PAGE, DID, 0, 10, false);
	expect_queue_error(test, env, d, "AM above MAMV");
	vtd_test_desc_piotlb(d, 1, DID, 1, 0, 0, false);
	expect_queue_error(test, env, d, "piotlb granularity 1");
	vtd_test_desc_pc(d, 2, DID, 1);
	expect_queue_error(test, env, d, "pc granularity 2");
	vtd_test_desc_pc(d, VTDM_QI_PC_GLOBAL, 0, 0);
	d[2] = 1;
	expect_queue_error(test, env, d, "qword 2 of a 256-bit descriptor");
	memset(d, 0, sizeof(d));
	d[0] = VTDM_QI_DEVTLB;
	expect_queue_error(test, env, d, "device-TLB without ECAP.DT");
	d[0] = VTDM_QI_IEC;
	expect_queue_error(test, env, d, "interrupt cache without ECAP.IR");
	d[0] = VTDM_QI_WAIT;
	expect_queue_error(test, env, d, "wait without SW or IF");
	d[0] = VTDM_QI_WAIT | VTDM_QI_WAIT_SW;
	d[1] = 0x1000;		/* not memory */
	expect_queue_error(test, env, d, "status address");
	vtd_get_stats(env->u, &st);
	KUNIT_EXPECT_EQ(test, st.queue_errors, 14ULL);
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_IQER) & VTDM_IQER_IQEI_MASK,
			(u64)VTDM_IQEI_STATUS_WRITE);
}

static void vtd_inval_queue_stalls_on_error(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 d[4] = { 0 }, w[4] = { 0 };

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, 0);
	vtd_test_desc_cc(d, VTDM_CC_GLOBAL, 0, 0, 0);
	vtd_test_qi_post(env, d);
	d[0] = 0xe;
	vtd_test_qi_post(env, d);
	w[0] = VTDM_QI_WAIT | VTDM_QI_WAIT_SW | (5ULL << VTDM_QI_WAIT_DATA_SHIFT);
	w[1] = vtd_test_pa(&env->status[8]);
	vtd_test_qi_post(env, w);
	vtd_test_wr64(env, VTDM_REG_IQT, env->qtail << 4);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_IQE);
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_IQH), 1ULL << 4);
	KUNIT_EXPECT_EQ(test, env->status[8], 0U);
	/* Tail writes while IQE is set are not processed. */
	vtd_test_wr64(env, VTDM_REG_IQT, env->qtail << 4);
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_IQH), 1ULL << 4);
	/* Clearing IQE without fixing the descriptor stops again. */
	vtd_test_wr32(env, VTDM_REG_FSTS, VTDM_FSTS_IQE);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_IQE);
	/* Fixed: the rest of the queue runs. */
	env->queue[2] = VTDM_QI_IOTLB | (VTDM_IOTLB_GLOBAL << VTDM_QI_GRAN_SHIFT);
	vtd_test_wr32(env, VTDM_REG_FSTS, VTDM_FSTS_IQE);
	KUNIT_EXPECT_EQ(test, env->status[8], 5U);
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_IQH), 3ULL << 4);
}

static void vtd_inval_queue_tail_errors(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, 0);
	/* QS=0 with 128-bit descriptors: 256 entries. */
	vtd_test_wr64(env, VTDM_REG_IQT, 256 << 4);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_IQE);
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_IQER) & VTDM_IQER_IQEI_MASK,
			(u64)VTDM_IQEI_TAIL);
	vtd_test_wr64(env, VTDM_REG_IQT, 0);
	vtd_test_wr32(env, VTDM_REG_FSTS, VTDM_FSTS_IQE);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_IQE);

	/* 256-bit descriptors: the tail must be 32-byte aligned. */
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	vtd_test_wr64(env, VTDM_REG_IQT, 1 << 4);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_IQE);

	/* 256-bit descriptors need scalable-mode support. */
	vtd_test_cfg_no_sm(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_NO_QI);
	vtd_test_wr64(env, VTDM_REG_IQA, vtd_test_pa(vtd_test_page(env)) | VTDM_IQA_DW);
	vtd_test_gcmd(env, VTDM_GCMD_QIE, 0);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_IQE);
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_IQER) & VTDM_IQER_IQEI_MASK,
			(u64)VTDM_IQEI_WIDTH);
}

static void vtd_inval_register_based(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_stats st;
	u64 *top, *leaf, v;
	u64 iotlb = VTDM_IRO_OFFSET + VTDM_REG_IOTLB_REL, iva = VTDM_IRO_OFFSET;

	vtd_config_default(&cfg);
	vtd_test_cfg_no_sm(&cfg);
	cfg.qi = false;
	cfg.mamv = 2;
	env = legacy_domain(test, &cfg, 0, &top);
	leaf = vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, RW);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	*leaf = 0xb000 | RW;

	/* Page-selective through IVA + IOTLB. */
	vtd_test_wr64(env, iva, 0x1000);
	vtd_test_wr64(env, iotlb, VTDM_IOTLB_IVT | (3ULL << VTDM_IOTLB_IIRG_SHIFT) |
		      ((u64)DID << VTDM_IOTLB_DID_SHIFT));
	v = vtd_test_rd64(env, iotlb);
	KUNIT_EXPECT_FALSE(test, v & VTDM_IOTLB_IVT);
	KUNIT_EXPECT_EQ(test, (v & VTDM_IOTLB_IAIG_MASK) >> VTDM_IOTLB_IAIG_SHIFT, 3ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xb000ULL);

	/* AM above MAMV: the unit falls back to a domain flush and says so. */
	*leaf = 0xc000 | RW;
	vtd_test_wr64(env, iva, 0x1000 | 5);
	vtd_test_wr32(env, iotlb + 4, (u32)((VTDM_IOTLB_IVT | (3ULL << VTDM_IOTLB_IIRG_SHIFT) |
					     ((u64)DID << VTDM_IOTLB_DID_SHIFT)) >> 32));
	v = vtd_test_rd64(env, iotlb);
	KUNIT_EXPECT_EQ(test, (v & VTDM_IOTLB_IAIG_MASK) >> VTDM_IOTLB_IAIG_SHIFT, 2ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xc000ULL);

	/* Context command, global. */
	vtd_test_legacy_ctx(env, SID, VTDM_TT_PASSTHROUGH, VTDM_AW_48, 1, 0);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xc000ULL);
	vtd_test_wr64(env, VTDM_REG_CCMD, VTDM_CCMD_ICC | (1ULL << VTDM_CCMD_CIRG_SHIFT));
	v = vtd_test_rd64(env, VTDM_REG_CCMD);
	KUNIT_EXPECT_FALSE(test, v & VTDM_CCMD_ICC);
	KUNIT_EXPECT_EQ(test, (v & VTDM_CCMD_CAIG_MASK) >> VTDM_CCMD_CAIG_SHIFT, 1ULL);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0x1000ULL);
	vtd_get_stats(env->u, &st);
	KUNIT_EXPECT_EQ(test, st.reg_inval_ignored, 0ULL);
}

static void vtd_inval_register_based_ignored(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_stats st;
	u64 *top, v;

	/* With the queue enabled, register-based requests are not performed. */
	vtd_config_default(&cfg);
	env = legacy_domain(test, &cfg, 0, &top);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_NO_READ);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_PASSTHROUGH, VTDM_AW_48, 1, 0);
	vtd_test_wr64(env, VTDM_REG_CCMD, VTDM_CCMD_ICC | (1ULL << VTDM_CCMD_CIRG_SHIFT));
	v = vtd_test_rd64(env, VTDM_REG_CCMD);
	KUNIT_EXPECT_FALSE(test, v & VTDM_CCMD_ICC);
	KUNIT_EXPECT_EQ(test, (v & VTDM_CCMD_CAIG_MASK) >> VTDM_CCMD_CAIG_SHIFT, 0ULL);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, NOPASID, 0x1000, DMA_ACC_READ),
			VTDM_FR_NO_READ);
	vtd_get_stats(env->u, &st);
	KUNIT_EXPECT_EQ(test, st.reg_inval_ignored, 1ULL);
}

static void vtd_inval_srtp(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *leaf;

	vtd_config_default(&cfg);
	env = legacy_domain(test, &cfg, 0, &top);
	leaf = vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, RW);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	*leaf = 0xb000 | RW;
	/* Plain SRTP, TE toggling and fault servicing do not flush. */
	vtd_test_set_root(env, vtd_test_pa(env->root));
	vtd_test_gcmd(env, 0, VTDM_GCMD_TE);
	vtd_test_gcmd(env, VTDM_GCMD_TE, 0);
	vtd_test_clear_faults(env);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);

	/* With CAP.ESRTPS it does. */
	cfg.esrtps = true;
	env = legacy_domain(test, &cfg, 0, &top);
	leaf = vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, RW);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	*leaf = 0xb000 | RW;
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	vtd_test_set_root(env, vtd_test_pa(env->root));
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xb000ULL);
}

static void vtd_inval_devtlb_and_wbf(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_stats st;
	u64 d[4] = { 0 };

	vtd_config_default(&cfg);
	cfg.rwbf = true;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	d[0] = VTDM_QI_DEVTLB | ((u64)SID << 32);
	d[1] = 0x7000 | VTDM_QI_DEVTLB_S;
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	d[0] = VTDM_QI_PDEVTLB | ((u64)SID << 16) | (5ULL << VTDM_QI_PASID_SHIFT);
	d[1] = 0x7000;
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	vtd_get_stats(env->u, &st);
	KUNIT_EXPECT_EQ(test, st.devtlb_invalidations, 2ULL);

	vtd_test_gcmd(env, VTDM_GCMD_WBF, 0);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_GSTS) & VTDM_GSTS_WBFS);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_GSTS) & VTDM_GSTS_TES);
	vtd_get_stats(env->u, &st);
	KUNIT_EXPECT_EQ(test, st.wbf, 1ULL);
}

static void vtd_inval_no_cache_knob(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_stats st;
	u64 *top, *leaf;

	vtd_config_default(&cfg);
	cfg.no_cache = true;
	env = legacy_domain(test, &cfg, 0, &top);
	leaf = vtd_test_sl_map(env, top, 4, 0x1000, 0xa000, 12, RW);
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xa000ULL);
	*leaf = 0xb000 | RW;
	KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, 0x1000), 0xb000ULL);
	vtd_get_stats(env->u, &st);
	KUNIT_EXPECT_EQ(test, st.iotlb_hits + st.ctx_hits + st.pde_hits, 0ULL);
	KUNIT_EXPECT_EQ(test, st.iotlb_misses, 2ULL);
}

static void vtd_inval_cache_capacity(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, i, d[4];

	/* Far more pages than IOTLB entries: evictions are silent re-walks. */
	vtd_config_default(&cfg);
	env = legacy_domain(test, &cfg, 0, &top);
	for (i = 0; i < 1024; i++)
		vtd_test_sl_map(env, top, 4, i << 12, (i + 0x100) << 12, 12, RW);
	for (i = 0; i < 1024; i++)
		KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, i << 12), (i + 0x100) << 12);
	vtd_test_desc_iotlb(d, VTDM_IOTLB_PAGE, DID, 0, 9, false);
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), 0);
	for (i = 0; i < 1024; i += 37)
		KUNIT_EXPECT_EQ(test, pa_of(env, SID, NOPASID, i << 12), (i + 0x100) << 12);
}

static struct kunit_case vtd_inval_cases[] = {
	KUNIT_CASE(vtd_inval_iotlb_domain),
	KUNIT_CASE(vtd_inval_iotlb_page),
	KUNIT_CASE(vtd_inval_iotlb_page_superpage),
	KUNIT_CASE(vtd_inval_pde_cache_hint),
	KUNIT_CASE(vtd_inval_iotlb_global),
	KUNIT_CASE(vtd_inval_piotlb),
	KUNIT_CASE(vtd_inval_context_cache),
	KUNIT_CASE(vtd_inval_context_function_mask),
	KUNIT_CASE(vtd_inval_pasid_cache),
	KUNIT_CASE(vtd_inval_caching_mode_legacy),
	KUNIT_CASE(vtd_inval_caching_mode_pasid),
	KUNIT_CASE(vtd_inval_wait_descriptor),
	KUNIT_CASE(vtd_inval_bad_descriptors),
	KUNIT_CASE(vtd_inval_queue_stalls_on_error),
	KUNIT_CASE(vtd_inval_queue_tail_errors),
	KUNIT_CASE(vtd_inval_register_based),
	KUNIT_CASE(vtd_inval_register_based_ignored),
	KUNIT_CASE(vtd_inval_srtp),
	KUNIT_CASE(vtd_inval_devtlb_and_wbf),
	KUNIT_CASE(vtd_inval_no_cache_knob),
	KUNIT_CASE(vtd_inval_cache_capacity),
	{}
};

static struct kunit_suite vtd_inval_suite = {
	.name = "vtd_model_inval",
	.test_cases = vtd_inval_cases,
};

kunit_test_suite(vtd_inval_suite);
