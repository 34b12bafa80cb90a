// SPDX-License-Identifier: GPL-2.0
/*
 * Scalable-mode PASID directories and tables.
 *
 * PASID tables are allocated on first use of a PASID in their range and
 * kept with the directory. An entry is installed with its present bit
 * written last and torn down by clearing the present bit, invalidating the
 * PASID cache and the IOTLB entries of its domain id, and only then
 * clearing the rest, so that no cached translation survives the teardown.
 */

#define pr_fmt(fmt) "DMAR: " fmt

#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/spinlock.h>

#include "iommu.h"
#include "pasid.h"
#include "qi.h"

/* Entries of one PASID directory page */
#define DMAR_PDES_PER_PAGE	(PAGE_SIZE / sizeof(u64))

/**
 * dmar_pasid_table_alloc() - allocate a PASID directory
 * @tbl: filled in
 * @max_pasids: PASIDs the device may use (0 or 1 for none but PASID 0)
 *
 * The directory covers at least one page worth of entries (32768 PASIDs)
 * and at most 2^20 PASIDs.
 *
 * Return: 0 or -ENOMEM.
 */
int dmar_pasid_table_alloc(struct pasid_table *tbl, u32 max_pasids)
{
	u32 want = clamp_t(u32, max_pasids, 1, 1U << DMAR_PASID_BITS_MAX);
	size_t bytes = DIV_ROUND_UP(want, DMAR_PASID_PER_TABLE) * sizeof(u64);
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < bytes)
		order++;
	tbl->dir = (u64 *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, order);
	if (!tbl->dir)
		return -ENOMEM;
	tbl->order = order;
	tbl->max_pasid = (DMAR_PDES_PER_PAGE << order) * DMAR_PASID_PER_TABLE;
	return 0;
}

/**
 * dmar_pasid_table_free() - free a PASID directory and its tables
 * @tbl: the directory; no context entry may point to it any more
 */
void dmar_pasid_table_free(struct pasid_table *tbl)
{
	unsigned long i, nr;

	if (!tbl->dir)
		return;
	nr = DMAR_PDES_PER_PAGE << tbl->order;
	for (i = 0; i < nr; i++) {
		u64 pde = tbl->dir[i];

		if (pde & DMAR_PDE_P)
			free_page((unsigned long)phys_to_virt(pde & DMAR_PDE_PTP));
	}
	free_pages((unsigned long)tbl->dir, tbl->order);
	tbl->dir = NULL;
}

/*
 * The entry of @pasid, installing *@spare as its PASID table when there is
 * none yet and the caller provides one.
 */
static struct pasid_entry *pasid_entry(struct intel_iommu *iommu,
				       struct pasid_table *tbl, u32 pasid,
				       void **spare)
{
	struct pasid_entry *table;
	u64 *pde;

	lockdep_assert_held(&iommu->lock);

	if (!tbl->dir || pasid >= tbl->max_pasid)
		return NULL;
	pde = &tbl->dir[pasid >> DMAR_PASID_DIR_SHIFT];
	if (!(READ_ONCE(*pde) & DMAR_PDE_P)) {
		if (!spare || !*spare)
			return NULL;
		table = *spare;
		*spare = NULL;
		WRITE_ONCE(*pde, virt_to_phys(table) | DMAR_PDE_P);
	} else {
		table = phys_to_virt(READ_ONCE(*pde) & DMAR_PDE_PTP);
	}
	return &table[pasid % DMAR_PASID_PER_TABLE];
}

/**
 * dmar_pasid_prepare() - make sure the PASID table holding a PASID exists
 * @iommu: the unit
 * @tbl: the device's directory
 * @pasid: the PASID
 *
 * Return: 0, -EINVAL for a PASID beyond the directory, -ENOMEM.
 */
int dmar_pasid_prepare(struct intel_iommu *iommu, struct pasid_table *tbl,
		       u32 pasid)
{
	void *spare;
	bool have;

	if (pasid >= tbl->max_pasid)
		return -EINVAL;

	spin_lock(&iommu->lock);
	have = pasid_entry(iommu, tbl, pasid, NULL);
	spin_unlock(&iommu->lock);
	if (have)
		return 0;

	spare = (void *)get_zeroed_page(GFP_KERNEL);
	if (!spare)
		return -ENOMEM;
	spin_lock(&iommu->lock);
	pasid_entry(iommu, tbl, pasid, &spare);
	spin_unlock(&iommu->lock);
	if (spare)
		free_page((unsigned long)spare);
	return 0;
}

static void pasid_flush_dropped(struct intel_iommu *iommu, u16 did, u32 pasid,
				unsigned int pgtt)
{
	dmar_flush_pasid_cache(iommu, did, pasid, QI_PC_PASID);
	if (pgtt == DMAR_PGTT_FIRST_STAGE)
		dmar_flush_piotlb(iommu, did, pasid, 0, 0, false, QI_PIOTLB_ALL_IN_PASID);
	else if (pgtt != DMAR_PGTT_PASS_THROUGH)
		dmar_flush_iotlb(iommu, did, 0, 0, false, DMAR_INV_DOMAIN);
}

/**
 * dmar_pasid_install() - make a PASID entry present
 * @iommu: the unit
 * @tbl: the device's directory
 * @pasid: the PASID; its table must exist (dmar_pasid_prepare())
 * @new: the entry, present bit set
 *
 * Return: 0; -EBUSY if the entry is present already; -EINVAL if the PASID
 * has no table.
 */
int dmar_pasid_install(struct intel_iommu *iommu, struct pasid_table *tbl,
		       u32 pasid, const struct pasid_entry *new)
{
	struct pasid_entry *pe;
	u16 did = FIELD_GET(DMAR_PE_DID, new->val[1]);
	int i;

	spin_lock(&iommu->lock);
	pe = pasid_entry(iommu, tbl, pasid, NULL);
	if (WARN_ON(!pe)) {
		spin_unlock(&iommu->lock);
		return -EINVAL;
	}
	if (READ_ONCE(pe->val[0]) & DMAR_PE_P) {
		spin_unlock(&iommu->lock);
		return -EBUSY;
	}
	for (i = ARRAY_SIZE(pe->val) - 1; i > 0; i--)
		WRITE_ONCE(pe->val[i], new->val[i]);
	WRITE_ONCE(pe->val[0], new->val[0]);
	spin_unlock(&iommu->lock);

	if (!dmar_caching_mode(iommu)) {
		dmar_flush_write_buffer(iommu);
		return 0;
	}
	/* Caching mode: the not-present entry may be cached */
	pasid_flush_dropped(iommu, did, pasid, FIELD_GET(DMAR_PE_PGTT, new->val[0]));
	return 0;
}

/**
 * dmar_pasid_teardown() - make a PASID entry not present
 * @iommu: the unit
 * @tbl: the device's directory
 * @pasid: the PASID
 *
 * Requests with that PASID fault afterwards (PASID entry not present);
 * nothing cached from the entry survives.
 */
void dmar_pasid_teardown(struct intel_iommu *iommu, struct pasid_table *tbl,
			 u32 pasid)
{
	struct pasid_entry *pe;
	unsigned int pgtt;
	u64 qw0;
	u16 did;
	int i;

	spin_lock(&iommu->lock);
	pe = pasid_entry(iommu, tbl, pasid, NULL);
	qw0 = pe ? READ_ONCE(pe->val[0]) : 0;
	if (!(qw0 & DMAR_PE_P)) {
		spin_unlock(&iommu->lock);
		return;
	}
	did = FIELD_GET(DMAR_PE_DID, READ_ONCE(pe->val[1]));
	pgtt = FIELD_GET(DMAR_PE_PGTT, qw0);
	WRITE_ONCE(pe->val[0], qw0 & ~DMAR_PE_P);
	spin_unlock(&iommu->lock);

	pasid_flush_dropped(iommu, did, pasid, pgtt);

	spin_lock(&iommu->lock);
	for (i = 0; i < ARRAY_SIZE(pe->val); i++)
		WRITE_ONCE(pe->val[i], 0);
	spin_unlock(&iommu->lock);
}

/**
 * dmar_pasid_set_pgsnp() - force snooping for a present PASID entry
 * @iommu: the unit
 * @tbl: the device's directory
 * @pasid: the PASID
 */
void dmar_pasid_set_pgsnp(struct intel_iommu *iommu, struct pasid_table *tbl,
			  u32 pasid)
{
	struct pasid_entry *pe;
	unsigned int pgtt = 0;
	u16 did = 0;
	u64 qw0;

	spin_lock(&iommu->lock);
	pe = pasid_entry(iommu, tbl, pasid, NULL);
	qw0 = pe ? READ_ONCE(pe->val[0]) : 0;
	if (qw0 & DMAR_PE_P) {
		WRITE_ONCE(pe->val[1], READ_ONCE(pe->val[1]) | DMAR_PE_PGSNP);
		did = FIELD_GET(DMAR_PE_DID, READ_ONCE(pe->val[1]));
		pgtt = FIELD_GET(DMAR_PE_PGTT, qw0);
	}
	spin_unlock(&iommu->lock);

	if (qw0 & DMAR_PE_P)
		pasid_flush_dropped(iommu, did, pasid, pgtt);
}

/**
 * dmar_pasid_present() - is a PASID entry present?
 * @iommu: the unit
 * @tbl: the device's directory
 * @pasid: the PASID
 *
 * Return: true if present.
 */
bool dmar_pasid_present(struct intel_iommu *iommu, struct pasid_table *tbl,
			u32 pasid)
{
	struct pasid_entry *pe;
	bool present;

	spin_lock(&iommu->lock);
	pe = pasid_entry(iommu, tbl, pasid, NULL);
	present = pe && (READ_ONCE(pe->val[0]) & DMAR_PE_P);
	spin_unlock(&iommu->lock);
	return present;
}
