// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite vtd_model_faults: fault reasons, the fault recording
 * registers, fault-processing disable, overflow and the fault event.
 */

#include <linux/string.h>
#include <kunit/test.h>

#include "vtd-test.h"

#define SID		VTD_SID(0x0a, 3, 0)
#define DID		5
#define NOPASID		DMA_DEV_NO_PASID
#define RW		(VTDM_SL_R | VTDM_SL_W)
#define NOT_RAM		0x3000ULL	/* never host memory */

static u8 reason_of(struct vtd_test_env *env, u16 sid, u32 pasid, u64 iova, bool write)
{
	return vtd_test_reason(env, sid, pasid, iova, write ? DMA_ACC_WRITE : DMA_ACC_READ);
}

static void vtd_fault_record_format(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_xlate res;
	u64 *top, lo, hi;
	u32 fsts;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, 0);
	top = vtd_test_page(env);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));
	vtd_test_sl_map(env, top, 4, 0x5000, 0x9000, 12, VTDM_SL_R);

	KUNIT_ASSERT_EQ(test, vtd_test_xlate(env, SID, NOPASID, 0x123456, DMA_ACC_READ, &res),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, res.fault.reason, VTDM_FR_NO_READ);
	KUNIT_EXPECT_TRUE(test, res.fault.recorded);
	KUNIT_EXPECT_EQ(test, res.fault.source_id, SID);
	KUNIT_EXPECT_EQ(test, res.fault.addr, 0x123456ULL);
	KUNIT_EXPECT_EQ(test, res.fault.pasid, NOPASID);
	KUNIT_EXPECT_FALSE(test, res.fault.write);

	vtd_test_frcd(env, 0, &lo, &hi);
	KUNIT_EXPECT_EQ(test, lo, 0x123000ULL);
	KUNIT_EXPECT_EQ(test, hi & VTDM_FRCD_HI_SID_MASK, (u64)SID);
	KUNIT_EXPECT_EQ(test, (hi & VTDM_FRCD_HI_FR_MASK) >> VTDM_FRCD_HI_FR_SHIFT,
			(u64)VTDM_FR_NO_READ);
	KUNIT_EXPECT_TRUE(test, hi & VTDM_FRCD_HI_T);
	KUNIT_EXPECT_TRUE(test, hi & VTDM_FRCD_HI_F);
	KUNIT_EXPECT_FALSE(test, hi & VTDM_FRCD_HI_PP);
	fsts = vtd_test_rd32(env, VTDM_REG_FSTS);
	KUNIT_EXPECT_TRUE(test, fsts & VTDM_FSTS_PPF);
	KUNIT_EXPECT_EQ(test, (fsts & VTDM_FSTS_FRI_MASK) >> VTDM_FSTS_FRI_SHIFT, 0U);
	/* The same record through 32-bit reads, as a driver does. */
	KUNIT_EXPECT_EQ(test, vtd_test_rd32(env, VTDM_FRO_OFFSET + 12), (u32)(hi >> 32));
	KUNIT_EXPECT_EQ(test, vtd_test_rd32(env, VTDM_FRO_OFFSET + 8), (u32)hi);

	/* A write fault goes to the next record, T clear. */
	KUNIT_EXPECT_EQ(test, reason_of(env, SID, NOPASID, 0x5008, true), VTDM_FR_NO_WRITE);
	vtd_test_frcd(env, 1, &lo, &hi);
	KUNIT_EXPECT_EQ(test, lo, 0x5000ULL);
	KUNIT_EXPECT_EQ(test, (hi & VTDM_FRCD_HI_FR_MASK) >> VTDM_FRCD_HI_FR_SHIFT,
			(u64)VTDM_FR_NO_WRITE);
	KUNIT_EXPECT_FALSE(test, hi & VTDM_FRCD_HI_T);
	KUNIT_EXPECT_TRUE(test, hi & VTDM_FRCD_HI_F);

	/* F is write-1-to-clear; the rest of the record is read only. */
	vtd_test_wr64(env, VTDM_FRO_OFFSET + 8, 0);
	vtd_test_frcd(env, 0, &lo, &hi);
	KUNIT_EXPECT_TRUE(test, hi & VTDM_FRCD_HI_F);
	vtd_test_wr32(env, VTDM_FRO_OFFSET + 12, BIT(31));
	vtd_test_frcd(env, 0, &lo, &hi);
	KUNIT_EXPECT_FALSE(test, hi & VTDM_FRCD_HI_F);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_PPF);
	vtd_test_wr64(env, VTDM_FRO_OFFSET + 16 + 8, VTDM_FRCD_HI_F);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_PPF);
}

static void vtd_fault_record_pasid(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 lo, hi;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	vtd_test_pasid_pt(env, SID, 0, 1);
	KUNIT_EXPECT_EQ(test, reason_of(env, SID, 0x4567, 0xfffff000, true),
			VTDM_FR_SM_PDIR_NOT_PRESENT);
	vtd_test_frcd(env, 0, &lo, &hi);
	KUNIT_EXPECT_EQ(test, lo, 0xfffff000ULL);
	KUNIT_EXPECT_TRUE(test, hi & VTDM_FRCD_HI_PP);
	KUNIT_EXPECT_EQ(test, (hi & VTDM_FRCD_HI_PV_MASK) >> VTDM_FRCD_HI_PV_SHIFT, 0x4567ULL);
	KUNIT_EXPECT_EQ(test, (hi & VTDM_FRCD_HI_FR_MASK) >> VTDM_FRCD_HI_FR_SHIFT,
			(u64)VTDM_FR_SM_PDIR_NOT_PRESENT);
}

static void vtd_fault_legacy_reasons(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u16 sid2 = VTD_SID(0x0a, 4, 0), sid3 = VTD_SID(0x0b, 0, 0), sid4 = VTD_SID(0x0a, 5, 0);
	u64 *top, *top3;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, 0);
	KUNIT_EXPECT_EQ(test, reason_of(env, SID, NOPASID, 0, false), VTDM_FR_ROOT_NOT_PRESENT);
	top = vtd_test_page(env);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));
	KUNIT_EXPECT_EQ(test, reason_of(env, sid2, NOPASID, 0, false), VTDM_FR_CTX_NOT_PRESENT);
	/* Requests with PASID need scalable mode. */
	KUNIT_EXPECT_EQ(test, reason_of(env, SID, 1, 0, false), VTDM_FR_SM_TTM0_PASID);

	/* Context-table pointer into something that is not memory. */
	env->root[0x0b * 2] = NOT_RAM | VTDM_ROOT_P;
	KUNIT_EXPECT_EQ(test, reason_of(env, sid3, NOPASID, 0, false), VTDM_FR_CTX_ACCESS);

	/* Second-stage pointer, then a lower-level pointer, into nothing. */
	vtd_test_legacy_ctx(env, sid2, VTDM_TT_SLONLY, VTDM_AW_48, DID + 1, NOT_RAM);
	KUNIT_EXPECT_EQ(test, reason_of(env, sid2, NOPASID, 0, false), VTDM_FR_SL_TABLE_ACCESS);
	top3 = vtd_test_page(env);
	top3[0] = NOT_RAM | RW;
	vtd_test_legacy_ctx(env, sid4, VTDM_TT_SLONLY, VTDM_AW_48, DID + 2, vtd_test_pa(top3));
	KUNIT_EXPECT_EQ(test, reason_of(env, sid4, NOPASID, 0, true), VTDM_FR_SL_TABLE_ACCESS);

	/* Root table pointer into nothing. */
	vtd_test_set_root(env, NOT_RAM);
	KUNIT_EXPECT_EQ(test, reason_of(env, VTD_SID(0x20, 0, 0), NOPASID, 0, false),
			VTDM_FR_ROOT_ACCESS);
}

static void vtd_fault_sm_reasons(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u16 s[8];
	u64 *e, *top;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(s); i++)
		s[i] = VTD_SID(1, i, 0);
	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	KUNIT_EXPECT_EQ(test, reason_of(env, s[0], NOPASID, 0, false),
			VTDM_FR_SM_ROOT_NOT_PRESENT);
	vtd_test_ctx_entry(env, s[0]);		/* root present, context not */
	KUNIT_EXPECT_EQ(test, reason_of(env, s[0], NOPASID, 0, false),
			VTDM_FR_SM_CTX_NOT_PRESENT);

	/* PASID directory pointer into nothing. */
	e = vtd_test_sm_ctx(env, s[1]);
	e[0] = (e[0] & ~VTDM_SMCTX_PDIR_MASK) | NOT_RAM;
	KUNIT_EXPECT_EQ(test, reason_of(env, s[1], NOPASID, 0, false), VTDM_FR_SM_PDIR_ACCESS);
	/* PASID table pointer into nothing. */
	vtd_test_pasid_entry(env, s[2], 0);
	e = vtd_test_sm_ctx(env, s[2]);
	e = (u64 *)(unsigned long)(e[0] & VTDM_SMCTX_PDIR_MASK);
	e[0] = NOT_RAM | VTDM_PDE_P;
	KUNIT_EXPECT_EQ(test, reason_of(env, s[2], NOPASID, 0, false), VTDM_FR_SM_PE_ACCESS);
	/* Second-stage pointers into nothing: top level, then below. */
	vtd_test_pasid_sl(env, s[3], 0, NOT_RAM, VTDM_AW_48, DID);
	KUNIT_EXPECT_EQ(test, reason_of(env, s[3], NOPASID, 0, false),
			VTDM_FR_SM_SL_PTR_INVALID);
	top = vtd_test_page(env);
	top[0] = NOT_RAM | RW;
	vtd_test_pasid_sl(env, s[4], 0, vtd_test_pa(top), VTDM_AW_48, DID + 1);
	KUNIT_EXPECT_EQ(test, reason_of(env, s[4], NOPASID, 0, false), VTDM_FR_SM_SL_ACCESS);
	/* First stage into nothing, and not present. */
	vtd_test_pasid_fl(env, s[5], 0, NOT_RAM, DID + 2, 0);
	KUNIT_EXPECT_EQ(test, reason_of(env, s[5], NOPASID, 0, false), VTDM_FR_SM_FL_ACCESS);
	vtd_test_pasid_fl(env, s[6], 0, vtd_test_pa(vtd_test_page(env)), DID + 3, 0);
	KUNIT_EXPECT_EQ(test, reason_of(env, s[6], NOPASID, 0, false),
			VTDM_FR_SM_FL_NOT_PRESENT);
	/* Second stage not present: read and write permission faults. */
	vtd_test_pasid_sl(env, s[7], 0, vtd_test_pa(vtd_test_page(env)), VTDM_AW_48, DID + 4);
	KUNIT_EXPECT_EQ(test, reason_of(env, s[7], NOPASID, 0, false), VTDM_FR_SM_NO_READ);
	KUNIT_EXPECT_EQ(test, reason_of(env, s[7], NOPASID, 0, true), VTDM_FR_SM_NO_WRITE);

	/* Root table into nothing. */
	vtd_test_set_root(env, NOT_RAM | ((u64)VTDM_TTM_SCALABLE << VTDM_RTADDR_TTM_SHIFT));
	KUNIT_EXPECT_EQ(test, reason_of(env, VTD_SID(9, 0, 0), NOPASID, 0, false),
			VTDM_FR_SM_ROOT_ACCESS);
}

static void vtd_fault_sm_ctx_table_access(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	env->root[2] = NOT_RAM | VTDM_ROOT_P;	/* bus 1, lower half */
	KUNIT_EXPECT_EQ(test, reason_of(env, VTD_SID(1, 0, 0), NOPASID, 0, false),
			VTDM_FR_SM_CTX_ACCESS);
	KUNIT_EXPECT_EQ(test, reason_of(env, VTD_SID(1, 0x10, 0), NOPASID, 0, false),
			VTDM_FR_SM_ROOT_NOT_PRESENT);
}

static void vtd_fault_interrupt_range(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 *top;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	top = vtd_test_page(env);
	vtd_test_sl_map(env, top, 4, 0x1000, 0xfee00000ULL, 12, RW);
	vtd_test_sl_map(env, top, 4, 0x2000, 0xfef00000ULL, 12, RW);
	vtd_test_pasid_sl(env, SID, 0, vtd_test_pa(top), VTDM_AW_48, DID);
	KUNIT_EXPECT_EQ(test, reason_of(env, SID, NOPASID, 0x1004, true), VTDM_FR_SM_INTR_ADDR);
	KUNIT_EXPECT_EQ(test, reason_of(env, SID, NOPASID, 0x2004, true), 0);
}

static void vtd_fault_fpd(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_xlate res;
	u16 sid2 = VTD_SID(0x0a, 4, 0), sid3 = VTD_SID(0x0b, 0, 0);
	u64 *top, *ctx, *pe;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, 0);
	top = vtd_test_page(env);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));
	vtd_test_ctx_entry(env, SID)[0] |= VTDM_CTX_FPD;
	/* Translation faults behind FPD=1 abort silently. */
	KUNIT_EXPECT_EQ(test, vtd_test_xlate(env, SID, NOPASID, 0, DMA_ACC_READ, &res), -EFAULT);
	KUNIT_EXPECT_EQ(test, res.fault.reason, VTDM_FR_NO_READ);
	KUNIT_EXPECT_FALSE(test, res.fault.recorded);
	/* So do not-present context entries whose FPD is set. */
	ctx = vtd_test_ctx_entry(env, sid2);
	ctx[0] = VTDM_CTX_FPD;
	KUNIT_EXPECT_EQ(test, vtd_test_xlate(env, sid2, NOPASID, 0, DMA_ACC_READ, &res), -EFAULT);
	KUNIT_EXPECT_EQ(test, res.fault.reason, VTDM_FR_CTX_NOT_PRESENT);
	KUNIT_EXPECT_FALSE(test, res.fault.recorded);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_PPF);
	/* Faults before any context entry is read are always recorded. */
	KUNIT_EXPECT_EQ(test, vtd_test_xlate(env, sid3, NOPASID, 0, DMA_ACC_READ, &res), -EFAULT);
	KUNIT_EXPECT_EQ(test, res.fault.reason, VTDM_FR_ROOT_NOT_PRESENT);
	KUNIT_EXPECT_TRUE(test, res.fault.recorded);

	/* Scalable mode: FPD of the PASID entry, left set on a cleared entry. */
	env = vtd_test_env_create(test, &cfg, VTD_TEST_SM);
	vtd_test_pasid_pt(env, SID, 0, 1);
	pe = vtd_test_pasid_entry(env, SID, 3);
	pe[0] = VTDM_PE0_FPD;
	KUNIT_EXPECT_EQ(test, vtd_test_xlate(env, SID, 3, 0, DMA_ACC_READ, &res), -EFAULT);
	KUNIT_EXPECT_EQ(test, res.fault.reason, VTDM_FR_SM_PE_NOT_PRESENT);
	KUNIT_EXPECT_FALSE(test, res.fault.recorded);
	KUNIT_EXPECT_EQ(test, vtd_test_xlate(env, SID, 4, 0, DMA_ACC_READ, &res), -EFAULT);
	KUNIT_EXPECT_TRUE(test, res.fault.recorded);
	/* ... and of the directory entry. */
	ctx = vtd_test_sm_ctx(env, SID);
	((u64 *)(unsigned long)(ctx[0] & VTDM_SMCTX_PDIR_MASK))[5] = VTDM_PDE_FPD;
	KUNIT_EXPECT_EQ(test, vtd_test_xlate(env, SID, 5 * 64, 0, DMA_ACC_READ, &res), -EFAULT);
	KUNIT_EXPECT_EQ(test, res.fault.reason, VTDM_FR_SM_PDIR_NOT_PRESENT);
	KUNIT_EXPECT_FALSE(test, res.fault.recorded);
}

static void vtd_fault_overflow(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct vtd_xlate res;
	struct vtd_stats st;
	u64 lo, hi;
	unsigned int i;

	vtd_config_default(&cfg);
	cfg.nr_fault_records = 4;
	env = vtd_test_env_create(test, &cfg, 0);
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, vtd_test_xlate(env, SID, NOPASID, i << 12, DMA_ACC_READ,
						     &res), -EFAULT);
		KUNIT_EXPECT_TRUE(test, res.fault.recorded);
	}
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_PFO);
	/* The log is full: the fifth fault is lost and flagged. */
	KUNIT_EXPECT_EQ(test, vtd_test_xlate(env, SID, NOPASID, 4 << 12, DMA_ACC_READ, &res),
			-EFAULT);
	KUNIT_EXPECT_FALSE(test, res.fault.recorded);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_PFO);
	for (i = 0; i < 4; i++) {
		vtd_test_frcd(env, i, &lo, &hi);
		KUNIT_EXPECT_EQ(test, lo, (u64)i << 12);
	}
	/* Freeing a record is not enough while PFO is set. */
	vtd_test_wr32(env, VTDM_FRO_OFFSET + 12, BIT(31));
	vtd_test_xlate(env, SID, NOPASID, 5 << 12, DMA_ACC_READ, &res);
	KUNIT_EXPECT_FALSE(test, res.fault.recorded);
	vtd_test_wr32(env, VTDM_REG_FSTS, VTDM_FSTS_PFO);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_PFO);
	vtd_test_xlate(env, SID, NOPASID, 6 << 12, DMA_ACC_READ, &res);
	KUNIT_EXPECT_TRUE(test, res.fault.recorded);
	vtd_test_frcd(env, 0, &lo, &hi);
	KUNIT_EXPECT_EQ(test, lo, 6ULL << 12);
	vtd_get_stats(env->u, &st);
	KUNIT_EXPECT_EQ(test, st.faults_recorded, 5ULL);
	KUNIT_EXPECT_EQ(test, st.faults_dropped, 2ULL);
	KUNIT_EXPECT_EQ(test, st.faults, 7ULL);
}

static void vtd_fault_index_wraps(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 lo, hi;
	u32 fsts;

	vtd_config_default(&cfg);
	cfg.nr_fault_records = 4;
	env = vtd_test_env_create(test, &cfg, 0);
	reason_of(env, SID, NOPASID, 0x1000, false);
	reason_of(env, SID, NOPASID, 0x2000, false);
	reason_of(env, SID, NOPASID, 0x3000, false);
	vtd_test_clear_faults(env);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_PPF);
	/* The next record is the fourth, then the log wraps to the first. */
	reason_of(env, SID, NOPASID, 0x4000, false);
	fsts = vtd_test_rd32(env, VTDM_REG_FSTS);
	KUNIT_EXPECT_EQ(test, (fsts & VTDM_FSTS_FRI_MASK) >> VTDM_FSTS_FRI_SHIFT, 3U);
	reason_of(env, SID, NOPASID, 0x5000, false);
	vtd_test_frcd(env, 3, &lo, &hi);
	KUNIT_EXPECT_EQ(test, lo, 0x4000ULL);
	vtd_test_frcd(env, 0, &lo, &hi);
	KUNIT_EXPECT_EQ(test, lo, 0x5000ULL);
	KUNIT_EXPECT_TRUE(test, hi & VTDM_FRCD_HI_F);
	fsts = vtd_test_rd32(env, VTDM_REG_FSTS);
	KUNIT_EXPECT_EQ(test, (fsts & VTDM_FSTS_FRI_MASK) >> VTDM_FSTS_FRI_SHIFT, 3U);
}

static int fault_events;
static u64 fault_addr;
static u32 fault_data;

static void count_fault(struct vtd_unit *u, enum vtd_event ev, u64 addr, u32 data, void *priv)
{
	if (ev == VTD_EVENT_FAULT) {
		fault_events++;
		fault_addr = addr;
		fault_data = data;
	}
}

static void vtd_fault_event(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	u64 d[4] = { 0 };

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, 0);
	fault_events = 0;
	vtd_set_event_handler(env->u, count_fault, NULL);
	vtd_test_wr32(env, VTDM_REG_FEDATA, 0x41);
	vtd_test_wr32(env, VTDM_REG_FEADDR, 0xfee00000);
	vtd_test_wr32(env, VTDM_REG_FEUADDR, 0);

	reason_of(env, SID, NOPASID, 0, false);
	KUNIT_EXPECT_EQ(test, fault_events, 1);
	KUNIT_EXPECT_EQ(test, fault_addr, 0xfee00000ULL);
	KUNIT_EXPECT_EQ(test, fault_data, 0x41U);
	/* PPF already set: no new event. */
	reason_of(env, SID, NOPASID, 0, false);
	KUNIT_EXPECT_EQ(test, fault_events, 1);
	vtd_test_clear_faults(env);
	reason_of(env, SID, NOPASID, 0, false);
	KUNIT_EXPECT_EQ(test, fault_events, 2);
	vtd_test_clear_faults(env);

	/* Masked: IP is set, and the event fires once unmasked. */
	vtd_test_wr32(env, VTDM_REG_FECTL, VTDM_FECTL_IM);
	reason_of(env, SID, NOPASID, 0, false);
	KUNIT_EXPECT_EQ(test, fault_events, 2);
	KUNIT_EXPECT_TRUE(test, vtd_test_rd32(env, VTDM_REG_FECTL) & VTDM_FECTL_IP);
	vtd_test_wr32(env, VTDM_REG_FECTL, 0);
	KUNIT_EXPECT_EQ(test, fault_events, 3);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_FECTL) & VTDM_FECTL_IP);
	vtd_test_clear_faults(env);

	/* Masked and serviced before unmasking: the event is void. */
	vtd_test_wr32(env, VTDM_REG_FECTL, VTDM_FECTL_IM);
	reason_of(env, SID, NOPASID, 0, false);
	vtd_test_clear_faults(env);
	KUNIT_EXPECT_FALSE(test, vtd_test_rd32(env, VTDM_REG_FECTL) & VTDM_FECTL_IP);
	vtd_test_wr32(env, VTDM_REG_FECTL, 0);
	KUNIT_EXPECT_EQ(test, fault_events, 3);

	/* A queue error is a fault event too. */
	d[0] = 0xf;
	KUNIT_EXPECT_EQ(test, vtd_test_qi_one(env, d), -EIO);
	KUNIT_EXPECT_EQ(test, fault_events, 4);
	vtd_set_event_handler(env->u, NULL, NULL);
}

static void vtd_fault_blocks_access(struct kunit *test)
{
	struct vtd_test_env *env;
	struct vtd_config cfg;
	struct dma_dev dev;
	u64 *top, junk = ~0ULL;
	u8 *page;
	unsigned int i;

	vtd_config_default(&cfg);
	env = vtd_test_env_create(test, &cfg, 0);
	top = vtd_test_page(env);
	page = vtd_test_page(env);
	vtd_test_legacy_ctx(env, SID, VTDM_TT_SLONLY, VTDM_AW_48, DID, vtd_test_pa(top));
	vtd_test_sl_map(env, top, 4, 0x1000, vtd_test_pa(page), 12, VTDM_SL_R);
	dma_dev_init(&dev, "ro", SID, &vtd_dma_iommu_ops, env->u);
	for (i = 0; i < 64; i++)
		KUNIT_EXPECT_EQ(test, dma_dev_write(&dev, 0x1000 + i * 8, &junk, 8, NOPASID),
				-EFAULT);
	for (i = 0; i < 4096; i++)
		if (page[i])
			break;
	KUNIT_EXPECT_EQ(test, i, 4096U);
	KUNIT_EXPECT_EQ(test, dev.bytes_written, 0ULL);
	KUNIT_EXPECT_EQ(test, dev.faults, 64UL);
}

static struct kunit_case vtd_faults_cases[] = {
	KUNIT_CASE(vtd_fault_record_format),
	KUNIT_CASE(vtd_fault_record_pasid),
	KUNIT_CASE(vtd_fault_legacy_reasons),
	KUNIT_CASE(vtd_fault_sm_reasons),
	KUNIT_CASE(vtd_fault_sm_ctx_table_access),
	KUNIT_CASE(vtd_fault_interrupt_range),
	KUNIT_CASE(vtd_fault_fpd),
	KUNIT_CASE(vtd_fault_overflow),
	KUNIT_CASE(vtd_fault_index_wraps),
	KUNIT_CASE(vtd_fault_event),
	KUNIT_CASE(vtd_fault_blocks_access),
	{}
};

static struct kunit_suite vtd_faults_suite = {
	.name = "vtd_model_faults",
	.test_cases = vtd_faults_cases,
};

kunit_test_suite(vtd_faults_suite);
