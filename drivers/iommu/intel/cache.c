// SPDX-License-Identifier: GPL-2.0
/*
 * IOTLB invalidation for paging domains.
 *
 * A second-stage domain is cached under its domain id on each unit it is
 * used on, whatever the PASID, so one IOTLB invalidation per unit covers
 * it. A first-stage domain is cached per (domain id, PASID): every RID
 * attachment (PASID 0 in scalable mode) and every PASID attachment gets
 * its own PASID-based invalidation.
 */

#include <linux/list.h>
#include <linux/spinlock.h>

#include "iommu.h"
#include "qi.h"

static u16 dmar_domain_did(struct dmar_domain *domain, struct intel_iommu *iommu)
{
	struct dmar_domain_unit *du;

	lockdep_assert_held(&domain->lock);
	list_for_each_entry(du, &domain->units, link) {
		if (du->iommu == iommu)
			return du->did;
	}
	return DMAR_DID_NONE;
}

/* Invalidate [@start, @last] of a first-stage domain for one PASID */
static void fs_flush(struct dmar_domain *domain, struct intel_iommu *iommu,
		     u32 pasid, u64 start, u64 last, bool ih, bool all)
{
	u16 did = dmar_domain_did(domain, iommu);

	if (all)
		dmar_flush_piotlb(iommu, did, pasid, 0, 0, false, QI_PIOTLB_ALL_IN_PASID);
	else
		dmar_flush_piotlb_range(iommu, did, pasid, start, last, ih);
}

static void domain_flush(struct dmar_domain *domain, u64 start, u64 last,
			 bool ih, bool all)
{
	struct device_domain_info *info;
	struct dmar_domain_unit *du;
	struct dev_pasid_info *dpi;
	unsigned long flags;

	spin_lock_irqsave(&domain->lock, flags);
	if (!domain->first_stage) {
		list_for_each_entry(du, &domain->units, link) {
			if (all)
				dmar_flush_iotlb(du->iommu, du->did, 0, 0, false,
						 DMAR_INV_DOMAIN);
			else
				dmar_flush_iotlb_range(du->iommu, du->did, start,
						       last, ih);
		}
	} else {
		list_for_each_entry(info, &domain->devices, link)
			fs_flush(domain, info->iommu, IOMMU_NO_PASID, start, last, ih, all);
		list_for_each_entry(dpi, &domain->dev_pasids, link)
			fs_flush(domain, dpi->info->iommu, dpi->pasid, start, last, ih, all);
	}
	spin_unlock_irqrestore(&domain->lock, flags);
}

/**
 * dmar_domain_flush_range() - invalidate cached translations of a range
 * @domain: the paging domain
 * @start: first address
 * @last: last address (inclusive)
 * @ih: only leaf entries changed; paging-structure caches may be kept
 */
void dmar_domain_flush_range(struct dmar_domain *domain, u64 start, u64 last,
			     bool ih)
{
	domain_flush(domain, start, last, ih, false);
}

/**
 * dmar_domain_flush_all() - invalidate every cached translation of a domain
 * @domain: the paging domain
 */
void dmar_domain_flush_all(struct dmar_domain *domain)
{
	domain_flush(domain, 0, 0, false, true);
}

/**
 * dmar_domain_flush_new_mappings() - make new mappings visible
 * @domain: the paging domain
 * @start: first address mapped
 * @last: last address mapped (inclusive)
 *
 * Only units in caching mode may have cached the entries as not present,
 * and only second-stage walks do so; the others need at most a
 * write-buffer flush.
 */
void dmar_domain_flush_new_mappings(struct dmar_domain *domain, u64 start,
				    u64 last)
{
	struct dmar_domain_unit *du;
	unsigned long flags;

	spin_lock_irqsave(&domain->lock, flags);
	list_for_each_entry(du, &domain->units, link) {
		if (dmar_caching_mode(du->iommu) && !domain->first_stage)
			dmar_flush_iotlb_range(du->iommu, du->did, start, last, false);
		else
			dmar_flush_write_buffer(du->iommu);
	}
	spin_unlock_irqrestore(&domain->lock, flags);
}
