// SPDX-License-Identifier: GPL-2.0
/*
 * Paging domains: allocation, mapping and unmapping, IOTLB maintenance and
 * cache coherency enforcement.
 *
 * A domain's table geometry comes from the unit of the device it is
 * allocated for: second-stage domains use the unit's widest supported
 * address width (capped by MGAW) and its second-stage superpage sizes;
 * first-stage domains use 4-level (or 5-level) x86-64 tables, with the
 * lower canonical half as aperture. Attaching to a unit that cannot serve
 * that geometry fails with -EINVAL.
 */

#include <linux/errno.h>
#include <linux/iommu.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <uapi/linux/iommufd.h>

#include "iommu.h"

static const struct iommu_domain_ops intel_paging_domain_ops;

/**
 * dmar_is_paging() - was a domain allocated by this driver as paging domain?
 * @domain: any domain
 *
 * Return: true for this driver's paging domains.
 */
bool dmar_is_paging(struct iommu_domain *domain)
{
	return domain && domain->ops == &intel_paging_domain_ops;
}

/**
 * dmar_domain_alloc() - allocate an empty paging domain suited to a unit
 * @iommu: the unit the geometry is taken from
 * @first_stage: first-stage format (else second stage)
 *
 * Return: the domain, or an ERR_PTR(): -EINVAL when the unit cannot use
 * the format, -ENOMEM.
 */
struct dmar_domain *dmar_domain_alloc(struct intel_iommu *iommu, bool first_stage)
{
	unsigned int levels, max_leaf = 1;
	struct dmar_domain *dd;
	u64 last;
	int ret;

	if (first_stage && !(iommu->sm && (iommu->ecap & DMAR_ECAP_FLTS)))
		return ERR_PTR(-EINVAL);
	if (!first_stage && iommu->sm && !(iommu->ecap & DMAR_ECAP_SLTS))
		return ERR_PTR(-EINVAL);

	dd = kzalloc(sizeof(*dd), GFP_KERNEL);
	if (!dd)
		return ERR_PTR(-ENOMEM);
	spin_lock_init(&dd->lock);
	INIT_LIST_HEAD(&dd->units);
	INIT_LIST_HEAD(&dd->devices);
	INIT_LIST_HEAD(&dd->dev_pasids);
	dd->first_stage = first_stage;

	if (first_stage) {
		levels = (iommu->aw == DMAR_AW_57BIT && (iommu->cap & DMAR_CAP_FL5LP)) ? 5 : 4;
		dd->aw = levels - 2;
		dd->gaw = dmar_aw_to_width(dd->aw);
		/* Canonical addresses: the upper half is not for DMA */
		last = (1ULL << (dd->gaw - 1)) - 1;
		max_leaf = (iommu->cap & DMAR_CAP_FL1GP) ? 3 : 2;
	} else {
		unsigned long sllps = dmar_cap_sllps(iommu->cap);

		dd->aw = iommu->aw;
		levels = dmar_aw_to_levels(dd->aw);
		dd->gaw = min_t(unsigned int, dmar_aw_to_width(dd->aw),
				dmar_cap_mgaw(iommu->cap));
		last = (1ULL << dd->gaw) - 1;
		if (sllps & DMAR_SLLPS_2M)
			max_leaf = (sllps & DMAR_SLLPS_1G) ? 3 : 2;
	}
	dd->walk_coherent = dmar_walk_coherent(iommu);

	ret = dmar_pgtable_init(&dd->pgt, first_stage ? DMAR_PGTABLE_FIRST_STAGE :
				DMAR_PGTABLE_SECOND_STAGE, levels, max_leaf, last,
				GFP_KERNEL);
	if (ret) {
		kfree(dd);
		return ERR_PTR(ret);
	}

	dd->domain.ops = &intel_paging_domain_ops;
	dd->domain.pgsize_bitmap = dmar_pgtable_pgsizes(&dd->pgt);
	dd->domain.geometry.aperture_start = 0;
	dd->domain.geometry.aperture_end = last;
	dd->domain.geometry.force_aperture = true;
	return dd;
}

/* The unit a domain for @dev is shaped after; any running unit without one */
static struct intel_iommu *dmar_unit_for_alloc(struct device *dev)
{
	struct device_domain_info *info = dev ? dev_iommu_priv_get(dev) : NULL;
	struct dmar_drhd_unit *drhd;

	if (info)
		return info->iommu;
	if (dev)
		return NULL;
	list_for_each_entry(drhd, &dmar_tbl_info.drhds, list) {
		if (drhd->iommu)
			return drhd->iommu;
	}
	return NULL;
}

/**
 * intel_domain_alloc_paging() - domain_alloc_paging() of the driver
 * @dev: the device the domain is for, or NULL
 *
 * Second-stage tables, which serve the RID in both modes and PASIDs in
 * scalable mode; first stage only on units without second-stage support.
 *
 * Return: the domain or an ERR_PTR().
 */
struct iommu_domain *intel_domain_alloc_paging(struct device *dev)
{
	struct intel_iommu *iommu = dmar_unit_for_alloc(dev);
	struct dmar_domain *dd;

	if (!iommu)
		return ERR_PTR(-ENODEV);
	dd = dmar_domain_alloc(iommu, iommu->sm && !(iommu->ecap & DMAR_ECAP_SLTS));
	return IS_ERR(dd) ? ERR_CAST(dd) : &dd->domain;
}

/**
 * intel_domain_alloc_user() - domain_alloc_user() of the driver (iommufd)
 * @dev: the device
 * @flags: IOMMU_HWPT_ALLOC_* flags; none are supported
 * @parent: must be NULL (no nesting)
 * @user_data: must be NULL
 *
 * Units in scalable mode with first-stage support get first-stage tables,
 * as Linux does for iommufd; the others second-stage ones.
 *
 * Return: an UNMANAGED domain, or ERR_PTR(-EOPNOTSUPP) for flags, nesting
 * or user data, ERR_PTR(-ENODEV), ERR_PTR(-ENOMEM).
 */
struct iommu_domain *intel_domain_alloc_user(struct device *dev, u32 flags,
					     struct iommu_domain *parent,
					     const struct iommu_user_data *user_data)
{
	struct intel_iommu *iommu = dmar_unit_for_alloc(dev);
	struct dmar_domain *dd;

	if (flags || parent || user_data)
		return ERR_PTR(-EOPNOTSUPP);
	if (!iommu)
		return ERR_PTR(-ENODEV);
	dd = dmar_domain_alloc(iommu, iommu->sm && (iommu->ecap & DMAR_ECAP_FLTS));
	if (IS_ERR(dd))
		return ERR_CAST(dd);
	dd->domain.type = IOMMU_DOMAIN_UNMANAGED;
	return &dd->domain;
}

static void intel_paging_free(struct iommu_domain *domain)
{
	struct dmar_domain *dd = to_dmar_domain(domain);

	WARN_ON(!list_empty(&dd->devices) || !list_empty(&dd->dev_pasids) ||
		!list_empty(&dd->units));
	dmar_pgtable_destroy(&dd->pgt);
	kfree(dd);
}

static int intel_map_pages(struct iommu_domain *domain, unsigned long iova,
			   phys_addr_t paddr, size_t pgsize, size_t pgcount,
			   int prot, gfp_t gfp, size_t *mapped)
{
	struct dmar_domain *dd = to_dmar_domain(domain);
	LIST_HEAD(freelist);
	int ret;

	WRITE_ONCE(dd->has_mappings, true);
	ret = dmar_pgtable_map(&dd->pgt, iova, paddr, pgsize, pgcount, prot, gfp,
			       mapped, &freelist);

	/* Superpages replaced empty tables: no walk may use those any more */
	if (!list_empty(&freelist)) {
		dmar_domain_flush_range(dd, iova, iova + pgsize * pgcount - 1, false);
		dmar_pgtable_free_list(&freelist);
	}
	return ret;
}

static size_t intel_unmap_pages(struct iommu_domain *domain, unsigned long iova,
				size_t pgsize, size_t pgcount,
				struct iommu_iotlb_gather *gather)
{
	struct dmar_domain *dd = to_dmar_domain(domain);
	size_t size;

	size = dmar_pgtable_unmap(&dd->pgt, iova, pgsize, pgcount, &gather->freelist);
	if (size)
		iommu_iotlb_gather_add_range(gather, iova, size);
	return size;
}

static void intel_iotlb_sync(struct iommu_domain *domain,
			     struct iommu_iotlb_gather *gather)
{
	struct dmar_domain *dd = to_dmar_domain(domain);

	if (gather->end)
		dmar_domain_flush_range(dd, gather->start, gather->end,
					list_empty(&gather->freelist));
	dmar_pgtable_free_list(&gather->freelist);
}

static void intel_flush_iotlb_all(struct iommu_domain *domain)
{
	dmar_domain_flush_all(to_dmar_domain(domain));
}

static int intel_iotlb_sync_map(struct iommu_domain *domain, unsigned long iova,
				size_t size)
{
	if (size)
		dmar_domain_flush_new_mappings(to_dmar_domain(domain), iova,
					       iova + size - 1);
	return 0;
}

static phys_addr_t intel_iova_to_phys(struct iommu_domain *domain, dma_addr_t iova)
{
	return dmar_pgtable_iova_to_phys(&to_dmar_domain(domain)->pgt, iova);
}

static bool intel_enforce_cache_coherency(struct iommu_domain *domain)
{
	struct dmar_domain *dd = to_dmar_domain(domain);
	struct device_domain_info *info;
	struct dmar_domain_unit *du;
	struct dev_pasid_info *dpi;
	unsigned long flags;
	bool ok = true;

	spin_lock_irqsave(&dd->lock, flags);
	list_for_each_entry(du, &dd->units, link) {
		if (!(du->iommu->ecap & DMAR_ECAP_SC))
			ok = false;
	}
	/* Second stage: snooping is per leaf, so existing leaves would lack it */
	if (!dd->first_stage && READ_ONCE(dd->has_mappings) && !dd->force_snooping)
		ok = false;
	if (!ok)
		goto out;

	dd->force_snooping = true;
	if (!dd->first_stage) {
		spin_lock(&dd->pgt.lock);
		dd->pgt.snoop = true;
		spin_unlock(&dd->pgt.lock);
		goto out;
	}
	/* First stage: the PASID entries force snooping */
	list_for_each_entry(info, &dd->devices, link)
		dmar_pasid_set_pgsnp(info->iommu, &info->pasid_table, IOMMU_NO_PASID);
	list_for_each_entry(dpi, &dd->dev_pasids, link)
		dmar_pasid_set_pgsnp(dpi->info->iommu, &dpi->info->pasid_table, dpi->pasid);
out:
	spin_unlock_irqrestore(&dd->lock, flags);
	return ok;
}

static const struct iommu_domain_ops intel_paging_domain_ops = {
	.attach_dev = intel_paging_attach_dev,
	.set_dev_pasid = intel_paging_set_dev_pasid,
	.map_pages = intel_map_pages,
	.unmap_pages = intel_unmap_pages,
	.iotlb_sync_map = intel_iotlb_sync_map,
	.flush_iotlb_all = intel_flush_iotlb_all,
	.iotlb_sync = intel_iotlb_sync,
	.iova_to_phys = intel_iova_to_phys,
	.enforce_cache_coherency = intel_enforce_cache_coherency,
	.free = intel_paging_free,
};
