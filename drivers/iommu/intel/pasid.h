/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Scalable-mode PASID directory and PASID tables.
 *
 * A device's scalable-mode context entry points to its PASID directory, an
 * array of 8-byte entries indexed by PASID[19:6]; each present directory
 * entry points to a 4 KiB PASID table of 64 entries of 64 bytes, indexed by
 * PASID[5:0]. A PASID entry says how requests carrying that PASID are
 * translated: first stage, second stage or pass-through. Requests without
 * PASID use the entry of the RID_PASID of the context entry (always 0 here).
 */
#ifndef _INTEL_IOMMU_PASID_H
#define _INTEL_IOMMU_PASID_H

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/log2.h>
#include <linux/string.h>
#include <linux/types.h>

struct intel_iommu;
struct device_domain_info;

#define DMAR_PASID_DIR_SHIFT	6		/* PASID[19:6] indexes the directory */
#define DMAR_PASID_PER_TABLE	64
#define DMAR_PASID_BITS_MAX	20

/* PASID directory entry */
#define DMAR_PDE_P		BIT_ULL(0)
#define DMAR_PDE_FPD		BIT_ULL(1)
#define DMAR_PDE_PTP		GENMASK_ULL(63, 12)

/* PASID entry, qword 0 */
#define DMAR_PE_P		BIT_ULL(0)
#define DMAR_PE_FPD		BIT_ULL(1)
#define DMAR_PE_AW		GENMASK_ULL(4, 2)
#define DMAR_PE_PGTT		GENMASK_ULL(8, 6)
#define DMAR_PE_SLPTPTR		GENMASK_ULL(63, 12)
/* PASID entry, qword 1 */
#define DMAR_PE_DID		GENMASK_ULL(15, 0)
#define DMAR_PE_PWSNP		BIT_ULL(23)
#define DMAR_PE_PGSNP		BIT_ULL(24)
/* PASID entry, qword 2 */
#define DMAR_PE_SRE		BIT_ULL(0)
#define DMAR_PE_FLPM		GENMASK_ULL(3, 2)
#define DMAR_PE_FLPTPTR		GENMASK_ULL(63, 12)

/* PASID granular translation types (PGTT) */
#define DMAR_PGTT_FIRST_STAGE	1
#define DMAR_PGTT_SECOND_STAGE	2
#define DMAR_PGTT_NESTED	3
#define DMAR_PGTT_PASS_THROUGH	4

/**
 * struct pasid_entry - one 512-bit PASID table entry
 * @val: the eight qwords
 */
struct pasid_entry {
	u64 val[8];
};

/**
 * struct pasid_table - a device's PASID directory
 * @dir: the directory (physically contiguous, 2^@order pages)
 * @order: allocation order of @dir
 * @max_pasid: PASIDs the directory covers (a power of two)
 */
struct pasid_table {
	u64 *dir;
	unsigned int order;
	u32 max_pasid;
};

/**
 * dmar_pe_encode_sl() - a second-stage PASID entry
 * @pe: filled in (present)
 * @pgd: physical address of the second-stage table
 * @aw: AW code of the table
 * @did: domain id
 * @pwsnp: page walks snoop
 * @pgsnp: force snooping of the page accesses
 */
static inline void dmar_pe_encode_sl(struct pasid_entry *pe, u64 pgd,
				     unsigned int aw, u16 did, bool pwsnp,
				     bool pgsnp)
{
	memset(pe, 0, sizeof(*pe));
	pe->val[0] = DMAR_PE_P | FIELD_PREP(DMAR_PE_AW, aw) |
		     FIELD_PREP(DMAR_PE_PGTT, DMAR_PGTT_SECOND_STAGE) |
		     (pgd & DMAR_PE_SLPTPTR);
	pe->val[1] = FIELD_PREP(DMAR_PE_DID, did) |
		     (pwsnp ? DMAR_PE_PWSNP : 0) | (pgsnp ? DMAR_PE_PGSNP : 0);
}

/**
 * dmar_pe_encode_fl() - a first-stage PASID entry
 * @pe: filled in (present)
 * @pgd: physical address of the first-stage table
 * @five_level: 5-level paging (FLPM = 1), else 4-level
 * @aw: AW code recorded in the entry
 * @did: domain id
 * @pwsnp: page walks snoop
 * @pgsnp: force snooping of the page accesses
 */
static inline void dmar_pe_encode_fl(struct pasid_entry *pe, u64 pgd,
				     bool five_level, unsigned int aw, u16 did,
				     bool pwsnp, bool pgsnp)
{
	memset(pe, 0, sizeof(*pe));
	pe->val[0] = DMAR_PE_P | FIELD_PREP(DMAR_PE_AW, aw) |
		     FIELD_PREP(DMAR_PE_PGTT, DMAR_PGTT_FIRST_STAGE);
	pe->val[1] = FIELD_PREP(DMAR_PE_DID, did) |
		     (pwsnp ? DMAR_PE_PWSNP : 0) | (pgsnp ? DMAR_PE_PGSNP : 0);
	pe->val[2] = FIELD_PREP(DMAR_PE_FLPM, five_level ? 1 : 0) |
		     (pgd & DMAR_PE_FLPTPTR);
}

/**
 * dmar_pe_encode_pt() - a pass-through PASID entry
 * @pe: filled in (present)
 * @aw: AW code recorded in the entry
 * @did: domain id
 * @pwsnp: page walks snoop
 */
static inline void dmar_pe_encode_pt(struct pasid_entry *pe, unsigned int aw,
				     u16 did, bool pwsnp)
{
	memset(pe, 0, sizeof(*pe));
	pe->val[0] = DMAR_PE_P | FIELD_PREP(DMAR_PE_AW, aw) |
		     FIELD_PREP(DMAR_PE_PGTT, DMAR_PGTT_PASS_THROUGH);
	pe->val[1] = FIELD_PREP(DMAR_PE_DID, did) | (pwsnp ? DMAR_PE_PWSNP : 0);
}

/**
 * dmar_pasid_pdts() - PDTS code of a context entry for a directory
 * @max_pasid: PASIDs the directory covers, a power of two of at least 2^13
 *
 * Return: the code; the directory has 2^(code + 7) entries.
 */
static inline unsigned int dmar_pasid_pdts(u32 max_pasid)
{
	return ilog2(max_pasid >> DMAR_PASID_DIR_SHIFT) - 7;
}

int dmar_pasid_table_alloc(struct pasid_table *tbl, u32 max_pasids);
void dmar_pasid_table_free(struct pasid_table *tbl);
int dmar_pasid_prepare(struct intel_iommu *iommu, struct pasid_table *tbl,
		       u32 pasid);
int dmar_pasid_install(struct intel_iommu *iommu, struct pasid_table *tbl,
		       u32 pasid, const struct pasid_entry *new);
void dmar_pasid_teardown(struct intel_iommu *iommu, struct pasid_table *tbl,
			 u32 pasid);
void dmar_pasid_set_pgsnp(struct intel_iommu *iommu, struct pasid_table *tbl,
			  u32 pasid);
bool dmar_pasid_present(struct intel_iommu *iommu, struct pasid_table *tbl,
			u32 pasid);

#endif /* _INTEL_IOMMU_PASID_H */
