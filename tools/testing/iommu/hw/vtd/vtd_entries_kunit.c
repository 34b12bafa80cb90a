// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite vtd_model_entries: the register file of the VT-d model and its
 * decoding of root, context, PASID and paging entries, reserved bits first.
 */

#include <linux/err.h>
#include <linux/io.h>
#include <kunit/test.h>

#include "vtd-test.h"

#define SID		VTD_SID(0, 3, 0)
#define DID		5
#define IOVA		0x1000ULL
#define ANY_PA		0x7654321000ULL

static void cfg_nocache(struct vtd_config *cfg)
{
	vtd_config_default(cfg);
	cfg->no_cache = true;
}

/* A legacy unit with one 4-level domain that maps IOVA. */
static struct vtd_test_env *legacy_env(struct kunit *test, struct vtd_config *cfg,
				       u64 **top, u64 **leaf)
{
	struct vtd_test_env *env = vtd_test_env_create(test, cfg, 0);

	*top = vtd_test_page(env);
	*leaf = vtd_test_sl_map(env, *top, 4, IOVA, ANY_PA, 12, VTDM_SL_R | VTDM_SL_W);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(*top));
	return env;
}

static void vtd_caps_reflect_config(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 cap, ecap;

	vtd_config_default(&cfg);
	cfg.nr_fault_records = 4;
	cfg.mgaw = 39;
	cfg.caching_mode = true;
	cfg.rwbf = true;
	cfg.mamv = 6;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_NO_QI | VTD_TEST_NO_TE);

	cap = vtd_test_rd64(env, VTDM_REG_CAP);
	ecap = vtd_test_rd64(env, VTDM_REG_ECAP);
	KUNIT_EXPECT_EQ(test, vtd_test_rd32(env, VTDM_REG_VER), 0x60);
	KUNIT_EXPECT_EQ(test, (cap & VTDM_CAP_SAGAW_MASK) >> VTDM_CAP_SAGAW_SHIFT,
			(u64)(VTDM_SAGAW_39 | VTDM_SAGAW_48));
	KUNIT_EXPECT_EQ(test, ((cap & VTDM_CAP_MGAW_MASK) >> VTDM_CAP_MGAW_SHIFT) + 1, 39ULL);
	KUNIT_EXPECT_EQ(test, cap & VTDM_CAP_ND_MASK, 6ULL);
	KUNIT_EXPECT_TRUE(test, cap & VTDM_CAP_CM);
	KUNIT_EXPECT_TRUE(test, cap & VTDM_CAP_RWBF);
	KUNIT_EXPECT_TRUE(test, cap & VTDM_CAP_PSI);
	KUNIT_EXPECT_TRUE(test, cap & VTDM_CAP_FL1GP);
	KUNIT_EXPECT_FALSE(test, cap & VTDM_CAP_FL5LP);
	KUNIT_EXPECT_EQ(test, (cap & VTDM_CAP_MAMV_MASK) >> VTDM_CAP_MAMV_SHIFT, 6ULL);
	KUNIT_EXPECT_EQ(test, (cap & VTDM_CAP_NFR_MASK) >> VTDM_CAP_NFR_SHIFT, 3ULL);
	KUNIT_EXPECT_EQ(test, ((cap & VTDM_CAP_FRO_MASK) >> VTDM_CAP_FRO_SHIFT) * 16,
			(u64)VTDM_FRO_OFFSET);
	KUNIT_EXPECT_EQ(test, (cap & VTDM_CAP_SLLPS_MASK) >> VTDM_CAP_SLLPS_SHIFT, 3ULL);

	KUNIT_EXPECT_TRUE(test, ecap & VTDM_ECAP_QI);
	KUNIT_EXPECT_TRUE(test, ecap & VTDM_ECAP_PT);
	KUNIT_EXPECT_TRUE(test, ecap & VTDM_ECAP_SC);
	KUNIT_EXPECT_TRUE(test, ecap & VTDM_ECAP_DT);
	KUNIT_EXPECT_TRUE(test, ecap & VTDM_ECAP_SMTS);
	KUNIT_EXPECT_TRUE(test, ecap & VTDM_ECAP_SLTS);
	KUNIT_EXPECT_TRUE(test, ecap & VTDM_ECAP_FLTS);
	KUNIT_EXPECT_TRUE(test, ecap & VTDM_ECAP_PASID);
	KUNIT_EXPECT_TRUE(test, ecap & VTDM_ECAP_SMPWC);
	KUNIT_EXPECT_FALSE(test, ecap & VTDM_ECAP_IR);
	KUNIT_EXPECT_EQ(test, (ecap & VTDM_ECAP_PSS_MASK) >> VTDM_ECAP_PSS_SHIFT, 19ULL);
	KUNIT_EXPECT_EQ(test, ((ecap & VTDM_ECAP_IRO_MASK) >> VTDM_ECAP_IRO_SHIFT) * 16,
			(u64)VTDM_IRO_OFFSET);
	KUNIT_EXPECT_EQ(test, vtd_mmio_size(env->u), (size_t)4096);
}

static void vtd_config_rejects_invalid(struct kunit *test)
{
	struct vtd_config cfg;
	struct vtd_unit *u;

	vtd_config_default(&cfg);
	cfg.sagaw = 0;
	KUNIT_EXPECT_EQ(test, PTR_ERR(vtd_unit_create(&cfg)), -EINVAL);

	vtd_config_default(&cfg);
	cfg.qi = false;		/* scalable mode requires queued invalidation */
	KUNIT_EXPECT_EQ(test, PTR_ERR(vtd_unit_create(&cfg)), -EINVAL);

	vtd_config_default(&cfg);
	cfg.nr_fault_records = 0;
	KUNIT_EXPECT_EQ(test, PTR_ERR(vtd_unit_create(&cfg)), -EINVAL);

	vtd_config_default(&cfg);
	cfg.smts = false;	/* first/second stage and PASID need scalable mode */
	KUNIT_EXPECT_EQ(test, PTR_ERR(vtd_unit_create(&cfg)), -EINVAL);

	vtd_config_default(&cfg);
	cfg.mmio_base = 0x1234;
	KUNIT_EXPECT_EQ(test, PTR_ERR(vtd_unit_create(&cfg)), -EINVAL);

	/* Many fault records need a larger register window. */
	vtd_config_default(&cfg);
	cfg.nr_fault_records = 256;
	u = vtd_unit_create(&cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, u);
	KUNIT_EXPECT_EQ(test, vtd_mmio_size(u), (size_t)8192);
	vtd_unit_destroy(u);
}

static void vtd_reset_state(struct kunit *test)
{
	struct vtd_config cfg;
	struct vtd_unit *u;

	vtd_config_default(&cfg);
	u = vtd_unit_create(&cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, u);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, VTDM_REG_GSTS, 4), 0ULL);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, VTDM_REG_FSTS, 4), 0ULL);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, VTDM_REG_FECTL, 4), 0ULL);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, VTDM_REG_RTADDR, 8), 0ULL);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, VTDM_REG_IQH, 8), 0ULL);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, VTDM_REG_IQT, 8), 0ULL);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, VTDM_REG_ICS, 4), 0ULL);
	/* GCMD is write only; 0x04 is reserved. */
	vtd_mmio_write(u, VTDM_REG_GCMD, VTDM_GCMD_TE, 4);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, VTDM_REG_GCMD, 4), 0ULL);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, VTDM_REG_GSTS, 4), (u64)VTDM_GSTS_TES);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, 0x04, 4), 0ULL);
	/* Read-only registers ignore writes. */
	vtd_mmio_write(u, VTDM_REG_CAP, 0, 8);
	KUNIT_EXPECT_NE(test, vtd_mmio_read(u, VTDM_REG_CAP, 8), 0ULL);
	vtd_mmio_write(u, VTDM_REG_IQH, 0x100, 8);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, VTDM_REG_IQH, 8), 0ULL);
	vtd_unit_destroy(u);
}

static void vtd_mmio_access_sizes(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 cap;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_NO_QI | VTD_TEST_NO_TE);
	cap = vtd_test_rd64(env, VTDM_REG_CAP);
	KUNIT_EXPECT_EQ(test, vtd_test_rd(env, VTDM_REG_CAP, 4), cap & 0xffffffff);
	KUNIT_EXPECT_EQ(test, vtd_test_rd(env, VTDM_REG_CAP + 4, 4), cap >> 32);
	KUNIT_EXPECT_EQ(test, vtd_test_rd(env, VTDM_REG_CAP + 2, 2), (cap >> 16) & 0xffff);
	KUNIT_EXPECT_EQ(test, vtd_test_rd(env, VTDM_REG_VER, 1), 0x60ULL);
	/* Misaligned and out-of-window accesses read as zero. */
	KUNIT_EXPECT_EQ(test, vtd_test_rd(env, VTDM_REG_CAP + 2, 4), 0ULL);
	KUNIT_EXPECT_EQ(test, vtd_test_rd(env, 0x5000, 4), 0ULL);

	/* A 64-bit write reaches two adjacent 32-bit registers. */
	vtd_test_wr64(env, VTDM_REG_FEADDR, 0x12345678fee00004ULL);
	KUNIT_EXPECT_EQ(test, vtd_test_rd32(env, VTDM_REG_FEADDR), 0xfee00004U);
	KUNIT_EXPECT_EQ(test, vtd_test_rd32(env, VTDM_REG_FEUADDR), 0x12345678U);

	/* 32-bit halves of a 64-bit register. */
	vtd_test_wr32(env, VTDM_REG_IRTA + 4, 0xabcd);
	vtd_test_wr32(env, VTDM_REG_IRTA, 0x5000);
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_IRTA), 0xabcd00005000ULL);
	vtd_test_wr32(env, VTDM_REG_RTADDR, 0x7000 | BIT(10));
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_RTADDR) & 0xffffffff,
			0x7000ULL | BIT(10));
	/* Bits below bit 10 of RTADDR are reserved and read as zero. */
	vtd_test_wr64(env, VTDM_REG_RTADDR, 0x9000 | 0x3ff);
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_RTADDR), 0x9000ULL);
}

static void vtd_mmio_window(struct kunit *test)
{
	const phys_addr_t base = 0xfb7d0000ULL;
	struct vtd_config cfg;
	struct vtd_unit *u, *u2;
	void __iomem *regs;

	vtd_config_default(&cfg);
	cfg.mmio_base = base;
	u = vtd_unit_create(&cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, u);
	/* A second unit cannot claim the same window. */
	u2 = vtd_unit_create(&cfg);
	KUNIT_EXPECT_EQ(test, PTR_ERR(u2), -EBUSY);

	regs = ioremap(base, vtd_mmio_size(u));
	KUNIT_ASSERT_NOT_NULL(test, regs);
	KUNIT_EXPECT_EQ(test, readl(regs + VTDM_REG_VER), 0x60U);
	KUNIT_EXPECT_EQ(test, readq(regs + VTDM_REG_CAP), vtd_mmio_read(u, VTDM_REG_CAP, 8));
	writel(VTDM_GCMD_TE, regs + VTDM_REG_GCMD);
	KUNIT_EXPECT_EQ(test, readl(regs + VTDM_REG_GSTS), (u32)VTDM_GSTS_TES);
	writeq(0x5000, regs + VTDM_REG_RTADDR);
	KUNIT_EXPECT_EQ(test, vtd_mmio_read(u, VTDM_REG_RTADDR, 8), 0x5000ULL);
	iounmap(regs);
	vtd_unit_destroy(u);
}

static void vtd_gcmd_srtp_latches(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_xlate res;
	u64 *top, *leaf, *root2, *ctx2, *top2;

	cfg_nocache(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_NO_TE);
	top = vtd_test_page(env);
	leaf = vtd_test_sl_map(env, top, 4, IOVA, 0x111000, 12, VTDM_SL_R);
	KUNIT_ASSERT_NOT_NULL(test, leaf);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));

	/* A second root table mapping the same IOVA elsewhere. */
	root2 = vtd_test_page(env);
	ctx2 = vtd_test_page(env);
	top2 = vtd_test_page(env);
	vtd_test_sl_map(env, top2, 4, IOVA, 0x222000, 12, VTDM_SL_R);
	root2[0] = vtd_test_pa(ctx2) | VTDM_ROOT_P;
	ctx2[(SID & 0xff) * 2 + 1] = VTDM_AW_48 | (DID << 8);
	ctx2[(SID & 0xff) * 2] = vtd_test_pa(top2) | VTDM_CTX_P;

	/* Translation off: requests are not remapped. */
	KUNIT_ASSERT_EQ(test, vtd_test_xlate(env, SID, DMA_DEV_NO_PASID, 0xabc000, DMA_ACC_READ,
					     &res), 0);
	KUNIT_EXPECT_EQ(test, res.pa, 0xabc000ULL);

	vtd_test_gcmd(env, VTDM_GCMD_TE, 0);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_GSTS) & VTDM_GSTS_TES);
	/* Writing RTADDR alone changes nothing until SRTP latches it. */
	vtd_test_wr64(env, VTDM_REG_RTADDR, vtd_test_pa(root2));
	KUNIT_ASSERT_EQ(test, vtd_test_xlate(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ,
					     &res), 0);
	KUNIT_EXPECT_EQ(test, res.pa, 0x111000ULL);
	vtd_test_gcmd(env, VTDM_GCMD_SRTP, 0);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_GSTS) & VTDM_GSTS_RTPS);
	KUNIT_ASSERT_EQ(test, vtd_test_xlate(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ,
					     &res), 0);
	KUNIT_EXPECT_EQ(test, res.pa, 0x222000ULL);

	/* Dropping TE from the persistent state turns translation off again. */
	vtd_test_gcmd(env, 0, VTDM_GCMD_TE);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_GSTS) & VTDM_GSTS_TES);
	KUNIT_ASSERT_EQ(test, vtd_test_xlate(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ,
					     &res), 0);
	KUNIT_EXPECT_EQ(test, res.pa, IOVA);
}

static void vtd_gcmd_qie(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *queue, d[4] = { 0 };

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_NO_QI | VTD_TEST_NO_TE);
	queue = vtd_test_page(env);
	vtd_test_wr64(env, VTDM_REG_IQT, 0);
	vtd_test_wr64(env, VTDM_REG_IQA, vtd_test_pa(queue));
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_GSTS) & VTDM_GSTS_QIES);
	vtd_test_gcmd(env, VTDM_GCMD_QIE, 0);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_GSTS) & VTDM_GSTS_QIES);

	/* Two global context-cache descriptors: IQH follows IQT. */
	vtd_test_desc_cc(d, VTDM_CC_GLOBAL, 0, 0, 0);
	queue[0] = d[0];
	queue[2] = d[0];
	vtd_test_wr64(env, VTDM_REG_IQT, 2 << 4);
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_IQH), 2ULL << 4);

	/* Disabling the queue resets the head. */
	vtd_test_gcmd(env, 0, VTDM_GCMD_QIE);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_GSTS) & VTDM_GSTS_QIES);
	KUNIT_EXPECT_EQ(test, vtd_test_rd64(env, VTDM_REG_IQH), 0ULL);
}

static void vtd_gcmd_qie_unsupported(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;

	vtd_config_default(&cfg);
	vtd_test_cfg_no_sm(&cfg);
	cfg.qi = false;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_NO_TE);
	vtd_test_gcmd(env, VTDM_GCMD_QIE | VTDM_GCMD_IRE, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_rd32(env, VTDM_REG_GSTS) &
			(VTDM_GSTS_QIES | VTDM_GSTS_IRES), 0U);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd64(env, VTDM_REG_ECAP) & VTDM_ECAP_QI);
}

static void vtd_legacy_root_reserved(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *leaf, saved;

	cfg_nocache(&cfg);
	env = legacy_env(test, &cfg, &top, &leaf);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ), 0);

	saved = env->root[0];
	env->root[0] = saved | BIT_ULL(5);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_ROOT_RSVD);
	env->root[0] = saved | BIT_ULL(50);	/* above HAW (48) */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_ROOT_RSVD);
	env->root[0] = saved;
	env->root[1] = 1;			/* upper qword is reserved in legacy mode */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_ROOT_RSVD);
	env->root[1] = 0;
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ), 0);
}

static void vtd_legacy_ctx_reserved(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *leaf, *ctx, lo, hi;
	static const u64 lo_bits[] = { BIT_ULL(4), BIT_ULL(8), BIT_ULL(11), BIT_ULL(49) };
	static const u64 hi_bits[] = { BIT_ULL(7), BIT_ULL(24), BIT_ULL(40), BIT_ULL(63) };
	unsigned int i;

	cfg_nocache(&cfg);
	cfg.nd = 0;		/* 16 domain ids */
	env = legacy_env(test, &cfg, &top, &leaf);
	ctx = vtd_test_ctx_entry(env, SID);
	lo = ctx[0];
	hi = ctx[1];

	for (i = 0; i < ARRAY_SIZE(lo_bits); i++) {
		ctx[0] = lo | lo_bits[i];
		KUNIT_EXPECT_EQ_MSG(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA,
							  DMA_ACC_READ),
				    VTDM_FR_CTX_RSVD, "lo bit %d", (int)__ffs64(lo_bits[i]));
	}
	ctx[0] = lo;
	for (i = 0; i < ARRAY_SIZE(hi_bits); i++) {
		ctx[1] = hi | hi_bits[i];
		KUNIT_EXPECT_EQ_MSG(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA,
							  DMA_ACC_READ),
				    VTDM_FR_CTX_RSVD, "hi bit %d", (int)__ffs64(hi_bits[i]));
	}
	/* AVAIL bits are software's. */
	ctx[1] = hi | (0xfULL << 3);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ), 0);
	/* Domain ids beyond CAP.ND. */
	ctx[1] = VTDM_AW_48 | (16ULL << VTDM_CTX_HI_DID_SHIFT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_CTX_RSVD);
	ctx[1] = VTDM_AW_48 | (15ULL << VTDM_CTX_HI_DID_SHIFT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ), 0);
}

static void vtd_legacy_ctx_invalid(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *leaf, *ctx, lo, hi;

	cfg_nocache(&cfg);
	cfg.pt = false;
	cfg.dt = false;
	env = legacy_env(test, &cfg, &top, &leaf);
	ctx = vtd_test_ctx_entry(env, SID);
	lo = ctx[0];
	hi = ctx[1];

	ctx[0] = lo | (3ULL << VTDM_CTX_TT_SHIFT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_CTX_INVALID);
	ctx[0] = lo | ((u64)VTDM_TT_PASSTHROUGH << VTDM_CTX_TT_SHIFT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_CTX_INVALID);
	ctx[0] = lo | ((u64)VTDM_TT_DEVTLB << VTDM_CTX_TT_SHIFT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_CTX_INVALID);
	ctx[0] = lo;
	ctx[1] = (hi & ~VTDM_CTX_HI_AW_MASK) | VTDM_AW_57;
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_CTX_INVALID);
	ctx[1] = hi & ~VTDM_CTX_HI_AW_MASK;
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_CTX_INVALID);
	ctx[1] = hi;
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ), 0);
}

static void vtd_legacy_ctx_tt_devtlb(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_xlate res;
	u64 *top, *leaf, *ctx;

	cfg_nocache(&cfg);
	env = legacy_env(test, &cfg, &top, &leaf);
	ctx = vtd_test_ctx_entry(env, SID);
	/* With ECAP.DT, TT=01 still translates untranslated requests. */
	ctx[0] |= (u64)VTDM_TT_DEVTLB << VTDM_CTX_TT_SHIFT;
	KUNIT_ASSERT_EQ(test, vtd_test_xlate(env, SID, DMA_DEV_NO_PASID, IOVA + 0x24,
					     DMA_ACC_WRITE, &res), 0);
	KUNIT_EXPECT_EQ(test, res.pa, ANY_PA + 0x24);
}

static void vtd_sm_root_ctx_reserved(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u16 sid_hi = VTD_SID(0, 0x10, 1);	/* devfn 0x81: upper root half */
	u64 *top, *ctx, saved[4];
	unsigned int i;

	cfg_nocache(&cfg);
	cfg.dt = false;
	cfg.pasid_bits = 8;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	top = vtd_test_page(env);
	vtd_test_sl_map(env, top, 4, IOVA, ANY_PA, 12, VTDM_SL_R | VTDM_SL_W);
	vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(top), VTDM_AW_48, DID);
	vtd_test_pasid_sl(env, sid_hi, 0, vtd_test_pa(top), VTDM_AW_48, DID);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ), 0);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, sid_hi, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			0);

	env->root[0] |= BIT_ULL(3);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_ROOT_RSVD);
	env->root[0] &= ~BIT_ULL(3);
	/* Each half of the root entry has its own present bit. */
	env->root[1] &= ~VTDM_ROOT_P;
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, sid_hi, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_ROOT_NOT_PRESENT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ), 0);
	env->root[1] |= VTDM_ROOT_P;

	ctx = vtd_test_ctx_entry(env, SID);
	memcpy(saved, ctx, sizeof(saved));
	for (i = 0; i < 6; i++) {
		memcpy(ctx, saved, sizeof(saved));
		switch (i) {
		case 0:
			ctx[0] |= BIT_ULL(5);
			break;
		case 1:
			ctx[0] |= BIT_ULL(8);
			break;
		case 2:
			ctx[1] |= BIT_ULL(21);
			break;
		case 3:
			ctx[2] = 1;
			break;
		case 4:
			ctx[3] = BIT_ULL(63);
			break;
		case 5:
			ctx[0] |= VTDM_SMCTX_DTE;	/* no device-TLB support */
			break;
		}
		KUNIT_EXPECT_EQ_MSG(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA,
							  DMA_ACC_READ),
				    VTDM_FR_SM_CTX_RSVD, "variant %u", i);
	}
	/* RID_PASID beyond the 8-bit PASID width. */
	memcpy(ctx, saved, sizeof(saved));
	ctx[1] = 0x100;
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_RIDPASID);
	ctx[1] = 0;
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ), 0);
}

static void vtd_pasid_dir_entry(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *ctx, *dir, saved;

	cfg_nocache(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	top = vtd_test_page(env);
	vtd_test_sl_map(env, top, 4, IOVA, ANY_PA, 12, VTDM_SL_R);
	vtd_test_pasid_sl(env, SID, 70, vtd_test_pa(top), VTDM_AW_48, DID);
	ctx = vtd_test_ctx_entry(env, SID);
	dir = (u64 *)(unsigned long)(ctx[0] & VTDM_SMCTX_PDIR_MASK);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 70, IOVA, DMA_ACC_READ), 0);

	/* PASID 70 lives in directory entry 1. */
	saved = dir[1];
	dir[1] = saved | BIT_ULL(2);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 70, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_PDIR_RSVD);
	dir[1] = saved | BIT_ULL(51);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 70, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_PDIR_RSVD);
	dir[1] = saved & ~VTDM_PDE_P;
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 70, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_PDIR_NOT_PRESENT);
	/* Directory entry 0 (PASIDs 0-63) was never made present. */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 5, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_PDIR_NOT_PRESENT);
	dir[1] = saved;
	/* The neighbour in the same table is not present. */
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, 71, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_PE_NOT_PRESENT);
}

static void vtd_pasid_entry_reserved(struct kunit *test)
{
	static const struct {
		unsigned int qw;
		u64 bit;
	} bad[] = {
		{ 0, BIT_ULL(10) }, { 0, BIT_ULL(11) }, { 0, VTDM_PE0_SSADE }, { 0, BIT_ULL(50) },
		{ 1, BIT_ULL(16) }, { 1, BIT_ULL(40) }, { 1, 16 },
		{ 2, BIT_ULL(1) }, { 2, BIT_ULL(5) }, { 2, VTDM_PE2_EAFE },
		{ 3, 1 }, { 4, BIT_ULL(20) }, { 7, BIT_ULL(63) },
	};
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *pe, saved[8];
	unsigned int i;

	cfg_nocache(&cfg);
	cfg.nd = 0;		/* DID 16 is out of range */
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	top = vtd_test_page(env);
	vtd_test_sl_map(env, top, 4, IOVA, ANY_PA, 12, VTDM_SL_R);
	vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(top), VTDM_AW_48, DID);
	pe = vtd_test_pasid_entry(env, SID, 0);
	memcpy(saved, pe, sizeof(saved));
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ), 0);

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memcpy(pe, saved, sizeof(saved));
		if (bad[i].qw == 1 && bad[i].bit == 16)
			pe[1] = 16;
		else
			pe[bad[i].qw] |= bad[i].bit;
		KUNIT_EXPECT_EQ_MSG(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA,
							  DMA_ACC_READ),
				    VTDM_FR_SM_PE_RSVD, "case %u", i);
	}
	/* Snoop bits of qword 1 are accepted. */
	memcpy(pe, saved, sizeof(saved));
	pe[1] |= VTDM_PE1_PWSNP | VTDM_PE1_PGSNP;
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ), 0);
}

static void vtd_pasid_entry_pgtt(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *pe, saved[8];
	static const unsigned int bad_pgtt[] = { 0, 3, 5, 6, 7 };
	unsigned int i;

	cfg_nocache(&cfg);
	cfg.pt = false;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	top = vtd_test_page(env);
	vtd_test_sl_map(env, top, 4, IOVA, ANY_PA, 12, VTDM_SL_R);
	vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(top), VTDM_AW_48, DID);
	pe = vtd_test_pasid_entry(env, SID, 0);
	memcpy(saved, pe, sizeof(saved));

	for (i = 0; i < ARRAY_SIZE(bad_pgtt); i++) {
		pe[0] = (saved[0] & ~VTDM_PE0_PGTT_MASK) |
			((u64)bad_pgtt[i] << VTDM_PE0_PGTT_SHIFT);
		KUNIT_EXPECT_EQ_MSG(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA,
							  DMA_ACC_READ),
				    VTDM_FR_SM_PE_INVALID, "PGTT %u", bad_pgtt[i]);
	}
	/* Pass-through without ECAP.PT. */
	pe[0] = (saved[0] & ~VTDM_PE0_PGTT_MASK) | ((u64)VTDM_PGTT_PT << VTDM_PE0_PGTT_SHIFT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_PE_INVALID);
	/* Second stage with an AW the unit does not support. */
	pe[0] = (saved[0] & ~VTDM_PE0_AW_MASK) | ((u64)VTDM_AW_57 << VTDM_PE0_AW_SHIFT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_PE_INVALID);
	/* First stage: 5-level without FL5LP, and FLPM values 2 and 3. */
	vtd_test_pasid_fl(env, SID, 0, vtd_test_pa(top), DID, 1ULL << VTDM_PE2_FLPM_SHIFT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_PE_INVALID);
	pe[2] = (pe[2] & ~VTDM_PE2_FLPM_MASK) | (2ULL << VTDM_PE2_FLPM_SHIFT);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_PE_INVALID);
	memcpy(pe, saved, sizeof(saved));
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ), 0);
}

static void vtd_pasid_entry_stage_caps(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top;

	cfg_nocache(&cfg);
	cfg.flts = false;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	top = vtd_test_page(env);
	vtd_test_pasid_fl(env, SID, 0, vtd_test_pa(top), DID, 0);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_PE_INVALID);

	cfg_nocache(&cfg);
	cfg.slts = false;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	top = vtd_test_page(env);
	vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(top), VTDM_AW_48, DID);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, IOVA, DMA_ACC_READ),
			VTDM_FR_SM_PE_INVALID);
}

/* Reserved bits of second-stage entries, legacy (0xC) and scalable (0x7A). */
static void check_sl_reserved(struct kunit *test, bool sm)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *leaf, *l4, *l2e, v;
	u64 iova2m = 0x40200000ULL, iova1g = 0x80000000ULL;
	u8 rsvd = sm ? VTDM_FR_SM_SL_RSVD : VTDM_FR_SL_RSVD;

	cfg_nocache(&cfg);
	env = vtd_test_env_create(test, &cfg, sm ? VTD_TEST_SM : 0);
	top = vtd_test_page(env);
	leaf = vtd_test_sl_map(env, top, 4, IOVA, ANY_PA, 12, VTDM_SL_R | VTDM_SL_W);
	l2e = vtd_test_sl_map(env, top, 4, iova2m, 0x7600000000ULL, 21, VTDM_SL_R);
	vtd_test_sl_map(env, top, 4, iova1g, 0x7700000000ULL, 30, VTDM_SL_R);
	if (sm)
		vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(top), VTDM_AW_48, DID);
	else
		vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));
	l4 = &top[0];

#define REASON(iova)	vtd_test_reason(env, SID, DMA_DEV_NO_PASID, iova, DMA_ACC_READ)
	KUNIT_EXPECT_EQ(test, REASON(IOVA), 0);
	KUNIT_EXPECT_EQ(test, REASON(iova2m + 0x1234), 0);
	KUNIT_EXPECT_EQ(test, REASON(iova1g + 0x123456), 0);

	v = *l4;
	*l4 = v | VTDM_SL_SNP;		/* SNP only exists in leaves */
	KUNIT_EXPECT_EQ(test, REASON(IOVA), rsvd);
	*l4 = v | VTDM_SL_PS;		/* no 512 GiB pages */
	KUNIT_EXPECT_EQ(test, REASON(IOVA), rsvd);
	*l4 = v | BIT_ULL(48);		/* above HAW */
	KUNIT_EXPECT_EQ(test, REASON(IOVA), rsvd);
	*l4 = v;

	v = *leaf;
	*leaf = v | BIT_ULL(49);
	KUNIT_EXPECT_EQ(test, REASON(IOVA), rsvd);
	/* Leaf SNP (with ECAP.SC), TM (with ECAP.DT) and ignored bits are fine. */
	*leaf = v | VTDM_SL_SNP | VTDM_SL_TM | GENMASK_ULL(61, 52) | BIT_ULL(63) | BIT_ULL(8);
	KUNIT_EXPECT_EQ(test, REASON(IOVA), 0);
	*leaf = v;

	v = *l2e;
	*l2e = v | BIT_ULL(13);		/* 2 MiB page: address bits 20:12 are reserved */
	KUNIT_EXPECT_EQ(test, REASON(iova2m), rsvd);
	*l2e = v;
#undef REASON
}

static void vtd_sl_entry_reserved_legacy(struct kunit *test)
{
	check_sl_reserved(test, false);
}

static void vtd_sl_entry_reserved_scalable(struct kunit *test)
{
	check_sl_reserved(test, true);
}

static void vtd_sl_superpage_caps(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *e1g;

	cfg_nocache(&cfg);
	cfg.sllps = VTDM_SLLPS_2M;
	env = vtd_test_env_create(test, &cfg, 0);
	top = vtd_test_page(env);
	vtd_test_sl_map(env, top, 4, 0x200000, 0x7600000000ULL, 21, VTDM_SL_R);
	e1g = vtd_test_sl_map(env, top, 4, 0x40000000, 0x7700000000ULL, 30, VTDM_SL_R);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, 0x200000, DMA_ACC_READ),
			0);
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, 0x40000000,
					      DMA_ACC_READ), VTDM_FR_SL_RSVD);
	KUNIT_EXPECT_TRUE(test, *e1g & VTDM_SL_PS);

	cfg_nocache(&cfg);
	cfg.sllps = 0;
	env = vtd_test_env_create(test, &cfg, 0);
	top = vtd_test_page(env);
	vtd_test_sl_map(env, top, 4, 0x200000, 0x7600000000ULL, 21, VTDM_SL_R);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));
	KUNIT_EXPECT_EQ(test, vtd_test_reason(env, SID, DMA_DEV_NO_PASID, 0x200000, DMA_ACC_READ),
			VTDM_FR_SL_RSVD);
}

static void vtd_fl_entry_reserved(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top, *leaf, *l2e, v, flags = VTDM_FL_RW | VTDM_FL_US | VTDM_FL_A | VTDM_FL_D;
	u64 iova2m = 0x600000ULL, iova1g = 0x40000000ULL;

	cfg_nocache(&cfg);
	cfg.fl1gp = false;
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	top = vtd_test_page(env);
	leaf = vtd_test_fl_map(env, top, 4, IOVA, ANY_PA, 12, flags);
	l2e = vtd_test_fl_map(env, top, 4, iova2m, 0x7600000000ULL, 21, flags);
	vtd_test_fl_map(env, top, 4, iova1g, 0x7700000000ULL, 30, flags);
	vtd_test_pasid_fl(env, SID, 0, vtd_test_pa(top), DID, 0);

#define REASON(iova)	vtd_test_reason(env, SID, DMA_DEV_NO_PASID, iova, DMA_ACC_READ)
	KUNIT_EXPECT_EQ(test, REASON(IOVA), 0);
	KUNIT_EXPECT_EQ(test, REASON(iova2m), 0);
	/* 1 GiB pages need CAP.FL1GP. */
	KUNIT_EXPECT_EQ(test, REASON(iova1g), VTDM_FR_SM_FL_RSVD);

	v = top[0];
	top[0] = v | VTDM_FL_PS;
	KUNIT_EXPECT_EQ(test, REASON(IOVA), VTDM_FR_SM_FL_RSVD);
	top[0] = v;
	v = *leaf;
	*leaf = v | BIT_ULL(50);
	KUNIT_EXPECT_EQ(test, REASON(IOVA), VTDM_FR_SM_FL_RSVD);
	*leaf = v | GENMASK_ULL(62, 52) | VTDM_FL_G | VTDM_FL_PWT | VTDM_FL_PCD;
	KUNIT_EXPECT_EQ(test, REASON(IOVA), 0);
	*leaf = v;
	v = *l2e;
	*l2e = v | BIT_ULL(14);
	KUNIT_EXPECT_EQ(test, REASON(iova2m), VTDM_FR_SM_FL_RSVD);
	*l2e = v | BIT_ULL(12);	/* PAT bit of a large page */
	KUNIT_EXPECT_EQ(test, REASON(iova2m), 0);
	*l2e = v;
#undef REASON
}

static struct kunit_case vtd_entries_cases[] = {
	KUNIT_CASE(vtd_caps_reflect_config),
	KUNIT_CASE(vtd_config_rejects_invalid),
	KUNIT_CASE(vtd_reset_state),
	KUNIT_CASE(vtd_mmio_access_sizes),
	KUNIT_CASE(vtd_mmio_window),
	KUNIT_CASE(vtd_gcmd_srtp_latches),
	KUNIT_CASE(vtd_gcmd_qie),
	KUNIT_CASE(vtd_gcmd_qie_unsupported),
	KUNIT_CASE(vtd_legacy_root_reserved),
	KUNIT_CASE(vtd_legacy_ctx_reserved),
	KUNIT_CASE(vtd_legacy_ctx_invalid),
	KUNIT_CASE(vtd_legacy_ctx_tt_devtlb),
	KUNIT_CASE(vtd_sm_root_ctx_reserved),
	KUNIT_CASE(vtd_pasid_dir_entry),
	KUNIT_CASE(vtd_pasid_entry_reserved),
	KUNIT_CASE(vtd_pasid_entry_pgtt),
	KUNIT_CASE(vtd_pasid_entry_stage_caps),
	KUNIT_CASE(vtd_sl_entry_reserved_legacy),
	KUNIT_CASE(vtd_sl_entry_reserved_scalable),
	KUNIT_CASE(vtd_sl_superpage_caps),
	KUNIT_CASE(vtd_fl_entry_reserved),
	{}
};

static struct kunit_suite vtd_entries_suite = {
	.name = "vtd_model_entries",
	.test_cases = vtd_entries_cases,
};

kunit_test_suite(vtd_entries_suite);
