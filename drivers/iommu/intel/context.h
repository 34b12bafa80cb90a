/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Root and context entries: the first two levels of a remapping unit's
 * translation structures, indexed by the requester id (bus, then devfn).
 *
 * Legacy mode: a root entry per bus points to one table of 256 16-byte
 * context entries. Scalable mode: the root entry holds two pointers (devfn
 * 0x00-0x7f and 0x80-0xff), each to a table of 128 32-byte context entries
 * that point to a PASID directory.
 */
#ifndef _INTEL_IOMMU_CONTEXT_H
#define _INTEL_IOMMU_CONTEXT_H

#include <linux/bits.h>
#include <linux/bitfield.h>
#include <linux/types.h>

struct intel_iommu;

#define DMAR_ROOT_ENTRIES	256

/* Root entry, both modes (the scalable upper pointer has the same layout) */
#define DMAR_ROOT_P		BIT_ULL(0)
#define DMAR_ROOT_CTP		GENMASK_ULL(63, 12)

/* Legacy context entry, low qword */
#define DMAR_CTX_P		BIT_ULL(0)
#define DMAR_CTX_FPD		BIT_ULL(1)
#define DMAR_CTX_TT		GENMASK_ULL(3, 2)
#define DMAR_CTX_SLPTPTR	GENMASK_ULL(63, 12)
/* Legacy context entry, high qword */
#define DMAR_CTX_AW		GENMASK_ULL(2, 0)
#define DMAR_CTX_DID		GENMASK_ULL(23, 8)

/* Legacy translation types */
#define DMAR_TT_SL		0	/* untranslated requests, second stage */
#define DMAR_TT_SL_DEVTLB	1	/* also translated requests (ATS) */
#define DMAR_TT_PASS_THROUGH	2

/* Scalable-mode context entry, qword 0 */
#define DMAR_SMCTX_P		BIT_ULL(0)
#define DMAR_SMCTX_FPD		BIT_ULL(1)
#define DMAR_SMCTX_DTE		BIT_ULL(2)
#define DMAR_SMCTX_PASIDE	BIT_ULL(3)
#define DMAR_SMCTX_PRE		BIT_ULL(4)
#define DMAR_SMCTX_PDTS		GENMASK_ULL(11, 9)
#define DMAR_SMCTX_PASIDDIR	GENMASK_ULL(63, 12)
/* Scalable-mode context entry, qword 1 */
#define DMAR_SMCTX_RID_PASID	GENMASK_ULL(19, 0)

/**
 * struct root_entry - one root table entry
 * @lo: legacy: present bit and context table; scalable: the lower table
 * @hi: legacy: reserved; scalable: the upper table
 */
struct root_entry {
	u64 lo;
	u64 hi;
};

/**
 * struct context_entry - one legacy context entry
 * @lo: present, fault-processing disable, translation type, second-stage
 *	table pointer
 * @hi: address width and domain id
 */
struct context_entry {
	u64 lo;
	u64 hi;
};

/**
 * struct sm_context_entry - one scalable-mode context entry
 * @val: qword 0: present, DTE, PASIDE, PDTS, PASID directory; qword 1:
 *	RID_PASID; qwords 2 and 3: reserved
 */
struct sm_context_entry {
	u64 val[4];
};

/**
 * dmar_ctx_lo() - low qword of a present legacy context entry
 * @slptptr: second-stage table (ignored for pass-through)
 * @tt: DMAR_TT_* translation type
 *
 * Return: the qword, with P set and FPD clear.
 */
static inline u64 dmar_ctx_lo(u64 slptptr, unsigned int tt)
{
	u64 lo = DMAR_CTX_P | FIELD_PREP(DMAR_CTX_TT, tt);

	if (tt != DMAR_TT_PASS_THROUGH)
		lo |= slptptr & DMAR_CTX_SLPTPTR;
	return lo;
}

/**
 * dmar_ctx_hi() - high qword of a legacy context entry
 * @aw: AW code (DMAR_AW_*)
 * @did: domain id
 *
 * Return: the qword.
 */
static inline u64 dmar_ctx_hi(unsigned int aw, u16 did)
{
	return FIELD_PREP(DMAR_CTX_AW, aw) | FIELD_PREP(DMAR_CTX_DID, did);
}

/**
 * dmar_smctx_qw0() - qword 0 of a present scalable-mode context entry
 * @pasid_dir: physical address of the PASID directory
 * @pdts: PASID directory size code: the directory has 2^(@pdts + 7) entries
 * @paside: accept requests with PASID
 *
 * Return: the qword, with P set and FPD clear.
 */
static inline u64 dmar_smctx_qw0(u64 pasid_dir, unsigned int pdts, bool paside)
{
	u64 qw0 = DMAR_SMCTX_P | FIELD_PREP(DMAR_SMCTX_PDTS, pdts) |
		  (pasid_dir & DMAR_SMCTX_PASIDDIR);

	if (paside)
		qw0 |= DMAR_SMCTX_PASIDE;
	return qw0;
}

int dmar_root_table_alloc(struct intel_iommu *iommu);
void dmar_root_table_free(struct intel_iommu *iommu);
int dmar_context_prepare(struct intel_iommu *iommu, u8 bus, u8 devfn);
void dmar_context_set_legacy(struct intel_iommu *iommu, u8 bus, u8 devfn,
			     u16 did, u64 slptptr, unsigned int aw,
			     unsigned int tt);
int dmar_context_set_sm(struct intel_iommu *iommu, u8 bus, u8 devfn,
			u64 pasid_dir, unsigned int pdts, bool paside);
u64 dmar_context_sm_dir(struct intel_iommu *iommu, u8 bus, u8 devfn);
void dmar_context_clear(struct intel_iommu *iommu, u8 bus, u8 devfn);
bool dmar_context_present(struct intel_iommu *iommu, u8 bus, u8 devfn);

#endif /* _INTEL_IOMMU_CONTEXT_H */
