// SPDX-License-Identifier: GPL-2.0
/*
 * Root and context tables of a remapping unit.
 *
 * Context tables are allocated on first use and kept until the unit goes
 * away. An entry is written with its present bit last and cleared with its
 * present bit first; after a change the caches are invalidated as the
 * architecture asks: a present entry that changes needs a context-cache
 * and IOTLB invalidation for its old domain id, while an entry becoming
 * present needs one only in caching mode (where the hardware may have
 * cached the not-present entry, tagged with domain id 0), otherwise just a
 * write-buffer flush.
 */

#define pr_fmt(fmt) "DMAR: " fmt

#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/spinlock.h>

#include "context.h"
#include "iommu.h"
#include "qi.h"

/**
 * dmar_root_table_alloc() - allocate an empty root table for a unit
 * @iommu: the unit
 *
 * Return: 0 or -ENOMEM.
 */
int dmar_root_table_alloc(struct intel_iommu *iommu)
{
	iommu->root_entry = (void *)get_zeroed_page(GFP_KERNEL);
	return iommu->root_entry ? 0 : -ENOMEM;
}

static void ctx_table_free(u64 root_half)
{
	if (root_half & DMAR_ROOT_P)
		free_page((unsigned long)phys_to_virt(root_half & DMAR_ROOT_CTP));
}

/**
 * dmar_root_table_free() - free the root table and every context table
 * @iommu: the unit; translation must be off
 */
void dmar_root_table_free(struct intel_iommu *iommu)
{
	unsigned int bus;

	if (!iommu->root_entry)
		return;
	for (bus = 0; bus < DMAR_ROOT_ENTRIES; bus++) {
		ctx_table_free(iommu->root_entry[bus].lo);
		if (iommu->sm)
			ctx_table_free(iommu->root_entry[bus].hi);
	}
	free_page((unsigned long)iommu->root_entry);
	iommu->root_entry = NULL;
}

/*
 * The context table covering (@bus, @devfn) and the entry index in it. A
 * missing table is installed from *@spare when the caller provides one.
 */
static void *ctx_table(struct intel_iommu *iommu, u8 bus, u8 devfn,
		       void **spare, unsigned int *idx)
{
	struct root_entry *re = &iommu->root_entry[bus];
	u64 *half = &re->lo;
	void *tbl;
	u64 val;

	lockdep_assert_held(&iommu->lock);

	*idx = devfn;
	if (iommu->sm && devfn >= 0x80) {
		half = &re->hi;
		*idx = devfn - 0x80;
	}

	val = READ_ONCE(*half);
	if (val & DMAR_ROOT_P)
		return phys_to_virt(val & DMAR_ROOT_CTP);
	if (!spare || !*spare)
		return NULL;
	tbl = *spare;
	*spare = NULL;
	WRITE_ONCE(*half, virt_to_phys(tbl) | DMAR_ROOT_P);
	return tbl;
}

/**
 * dmar_context_prepare() - make sure the context table of a requester exists
 * @iommu: the unit
 * @bus: bus number
 * @devfn: device and function
 *
 * Called before anything is torn down, so that the later entry update
 * cannot fail.
 *
 * Return: 0 or -ENOMEM.
 */
int dmar_context_prepare(struct intel_iommu *iommu, u8 bus, u8 devfn)
{
	void *spare = NULL;
	unsigned int idx;
	bool have;

	spin_lock(&iommu->lock);
	have = ctx_table(iommu, bus, devfn, NULL, &idx);
	spin_unlock(&iommu->lock);
	if (have)
		return 0;

	spare = (void *)get_zeroed_page(GFP_KERNEL);
	if (!spare)
		return -ENOMEM;
	spin_lock(&iommu->lock);
	ctx_table(iommu, bus, devfn, &spare, &idx);
	spin_unlock(&iommu->lock);
	if (spare)
		free_page((unsigned long)spare);
	return 0;
}

/* Invalidate what the hardware may have cached of a present legacy entry */
static void ctx_flush_old(struct intel_iommu *iommu, u16 sid, u16 did)
{
	dmar_flush_context(iommu, did, sid, 0, DMAR_INV_DEVICE);
	dmar_flush_iotlb(iommu, did, 0, 0, false, DMAR_INV_DOMAIN);
}

/* Make an entry that just became present visible to the hardware */
static void ctx_flush_new(struct intel_iommu *iommu, u16 sid, u16 did)
{
	if (!dmar_caching_mode(iommu)) {
		dmar_flush_write_buffer(iommu);
		return;
	}
	dmar_flush_context(iommu, DMAR_DID_NONE, sid, 0, DMAR_INV_DEVICE);
	if (!iommu->sm)
		dmar_flush_iotlb(iommu, did, 0, 0, false, DMAR_INV_DOMAIN);
}

/**
 * dmar_context_set_legacy() - point a legacy context entry at a translation
 * @iommu: the unit (legacy mode)
 * @bus: bus number
 * @devfn: device and function
 * @did: domain id
 * @slptptr: second-stage table (ignored for pass-through)
 * @aw: AW code
 * @tt: DMAR_TT_* translation type
 *
 * A present entry is cleared and its caches invalidated first. The context
 * table must exist (dmar_context_prepare()).
 */
void dmar_context_set_legacy(struct intel_iommu *iommu, u8 bus, u8 devfn,
			     u16 did, u64 slptptr, unsigned int aw,
			     unsigned int tt)
{
	u16 sid = PCI_DEVID(bus, devfn);
	struct context_entry *ce;
	unsigned int idx;
	u64 old_hi = 0;
	bool was_present;

	spin_lock(&iommu->lock);
	ce = ctx_table(iommu, bus, devfn, NULL, &idx);
	if (WARN_ON(!ce)) {
		spin_unlock(&iommu->lock);
		return;
	}
	ce += idx;
	was_present = READ_ONCE(ce->lo) & DMAR_CTX_P;
	if (was_present) {
		old_hi = READ_ONCE(ce->hi);
		WRITE_ONCE(ce->lo, 0);
		WRITE_ONCE(ce->hi, 0);
	}
	spin_unlock(&iommu->lock);

	if (was_present)
		ctx_flush_old(iommu, sid, FIELD_GET(DMAR_CTX_DID, old_hi));

	spin_lock(&iommu->lock);
	WRITE_ONCE(ce->hi, dmar_ctx_hi(aw, did));
	WRITE_ONCE(ce->lo, dmar_ctx_lo(slptptr, tt));
	spin_unlock(&iommu->lock);

	ctx_flush_new(iommu, sid, did);
}

/**
 * dmar_context_set_sm() - point a scalable-mode context entry at a PASID
 *	directory
 * @iommu: the unit (scalable mode)
 * @bus: bus number
 * @devfn: device and function
 * @pasid_dir: physical address of the directory
 * @pdts: directory size code
 * @paside: accept requests with PASID
 *
 * An entry that is already present (a DMA alias shared with another
 * device) is left alone. The context table must exist.
 *
 * Return: 0, or -EEXIST when the entry was present already.
 */
int dmar_context_set_sm(struct intel_iommu *iommu, u8 bus, u8 devfn,
			u64 pasid_dir, unsigned int pdts, bool paside)
{
	struct sm_context_entry *ce;
	unsigned int idx;

	spin_lock(&iommu->lock);
	ce = ctx_table(iommu, bus, devfn, NULL, &idx);
	if (WARN_ON(!ce)) {
		spin_unlock(&iommu->lock);
		return -EEXIST;
	}
	ce += idx;
	if (READ_ONCE(ce->val[0]) & DMAR_SMCTX_P) {
		spin_unlock(&iommu->lock);
		return -EEXIST;
	}
	WRITE_ONCE(ce->val[3], 0);
	WRITE_ONCE(ce->val[2], 0);
	/* Requests without PASID use PASID entry 0 */
	WRITE_ONCE(ce->val[1], FIELD_PREP(DMAR_SMCTX_RID_PASID, 0));
	WRITE_ONCE(ce->val[0], dmar_smctx_qw0(pasid_dir, pdts, paside));
	spin_unlock(&iommu->lock);

	ctx_flush_new(iommu, PCI_DEVID(bus, devfn), DMAR_DID_NONE);
	return 0;
}

/**
 * dmar_context_sm_dir() - the PASID directory a scalable-mode entry names
 * @iommu: the unit (scalable mode)
 * @bus: bus number
 * @devfn: device and function
 *
 * Return: its physical address, or 0 when the entry is not present.
 */
u64 dmar_context_sm_dir(struct intel_iommu *iommu, u8 bus, u8 devfn)
{
	struct sm_context_entry *ce;
	unsigned int idx;
	u64 qw0 = 0;

	spin_lock(&iommu->lock);
	ce = ctx_table(iommu, bus, devfn, NULL, &idx);
	if (ce)
		qw0 = READ_ONCE(ce[idx].val[0]);
	spin_unlock(&iommu->lock);
	return (qw0 & DMAR_SMCTX_P) ? qw0 & DMAR_SMCTX_PASIDDIR : 0;
}

/**
 * dmar_context_clear() - make a context entry not present
 * @iommu: the unit
 * @bus: bus number
 * @devfn: device and function
 *
 * Requests of that requester id fault afterwards (context entry not
 * present). Caches are invalidated before this returns.
 */
void dmar_context_clear(struct intel_iommu *iommu, u8 bus, u8 devfn)
{
	u16 sid = PCI_DEVID(bus, devfn);
	struct context_entry *lce;
	unsigned int idx;
	void *tbl;
	u16 did;

	spin_lock(&iommu->lock);
	tbl = ctx_table(iommu, bus, devfn, NULL, &idx);
	if (!tbl)
		goto out_unlock;

	if (iommu->sm) {
		struct sm_context_entry *ce = (struct sm_context_entry *)tbl + idx;

		if (!(READ_ONCE(ce->val[0]) & DMAR_SMCTX_P))
			goto out_unlock;
		WRITE_ONCE(ce->val[0], 0);
		WRITE_ONCE(ce->val[1], 0);
		spin_unlock(&iommu->lock);
		/*
		 * The PASID entries behind the directory may be cached under
		 * any domain id: drop them all.
		 */
		dmar_flush_context(iommu, DMAR_DID_NONE, sid, 0, DMAR_INV_DEVICE);
		dmar_flush_pasid_cache(iommu, 0, 0, QI_PC_GLOBAL);
		dmar_flush_iotlb(iommu, 0, 0, 0, false, DMAR_INV_GLOBAL);
		return;
	}

	lce = (struct context_entry *)tbl + idx;
	if (!(READ_ONCE(lce->lo) & DMAR_CTX_P))
		goto out_unlock;
	did = FIELD_GET(DMAR_CTX_DID, READ_ONCE(lce->hi));
	WRITE_ONCE(lce->lo, 0);
	WRITE_ONCE(lce->hi, 0);
	spin_unlock(&iommu->lock);
	ctx_flush_old(iommu, sid, did);
	return;

out_unlock:
	spin_unlock(&iommu->lock);
}

/**
 * dmar_context_present() - is a context entry present?
 * @iommu: the unit
 * @bus: bus number
 * @devfn: device and function
 *
 * Return: true if present.
 */
bool dmar_context_present(struct intel_iommu *iommu, u8 bus, u8 devfn)
{
	unsigned int idx;
	bool present = false;
	void *tbl;

	spin_lock(&iommu->lock);
	tbl = ctx_table(iommu, bus, devfn, NULL, &idx);
	if (tbl && iommu->sm)
		present = READ_ONCE(((struct sm_context_entry *)tbl)[idx].val[0]) & DMAR_SMCTX_P;
	else if (tbl)
		present = READ_ONCE(((struct context_entry *)tbl)[idx].lo) & DMAR_CTX_P;
	spin_unlock(&iommu->lock);
	return present;
}
