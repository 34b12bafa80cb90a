// SPDX-License-Identifier: GPL-2.0
/*
 * Attaching domains to devices and PASIDs.
 *
 * Requests without PASID (the RID) are translated by the context entries
 * of the device and its DMA aliases in legacy mode, and by PASID entry 0
 * of the device's PASID table in scalable mode. Requests with a PASID use
 * that PASID's entry.
 *
 * Changing a translation never fails half way: everything that can fail
 * (compatibility, domain ids, table allocation) is done before the old
 * translation is torn down, so a failed attach leaves the old one in place.
 * Between teardown and set-up, requests fault; they never reach anything
 * but the old or the new translation.
 *
 * Errors follow the core's attach contract: -EINVAL when the domain cannot
 * work with the device's unit (format, address width, page sizes, snoop
 * control), -ENODEV when the device cannot take a domain at all, -ENOSPC
 * when the unit is out of domain ids, -ENOMEM.
 */

#include <linux/errno.h>
#include <linux/iommu.h>
#include <linux/list.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>

#include "context.h"
#include "iommu.h"
#include "pasid.h"
#include "qi.h"

/* Publish what the fault handler should report a RID fault to */
static void info_set_rid(struct device_domain_info *info,
			 struct iommu_domain *rid_domain, struct dmar_domain *dd)
{
	unsigned long flags;

	xa_lock_irqsave(&info->iommu->devices, flags);
	info->rid_domain = rid_domain;
	info->domain = dd;
	xa_unlock_irqrestore(&info->iommu->devices, flags);
}

/**
 * dmar_domain_compatible() - can a unit use a paging domain?
 * @dd: the domain
 * @iommu: the unit
 *
 * Return: 0, or -EINVAL when the unit lacks the domain's table format,
 * address width, page sizes or snoop control.
 */
static int dmar_domain_compatible(struct dmar_domain *dd, struct intel_iommu *iommu)
{
	unsigned long sllps = dmar_cap_sllps(iommu->cap);

	if (dd->first_stage) {
		if (!iommu->sm || !(iommu->ecap & DMAR_ECAP_FLTS))
			return -EINVAL;
		if (dd->pgt.levels == 5 && !(iommu->cap & DMAR_CAP_FL5LP))
			return -EINVAL;
		if (dd->pgt.max_leaf_level >= 3 && !(iommu->cap & DMAR_CAP_FL1GP))
			return -EINVAL;
	} else {
		if (iommu->sm && !(iommu->ecap & DMAR_ECAP_SLTS))
			return -EINVAL;
		if (!(dmar_cap_sagaw(iommu->cap) & BIT(dd->aw)))
			return -EINVAL;
		if (dd->gaw > dmar_cap_mgaw(iommu->cap))
			return -EINVAL;
		if (dd->pgt.max_leaf_level >= 2 && !(sllps & DMAR_SLLPS_2M))
			return -EINVAL;
		if (dd->pgt.max_leaf_level >= 3 && !(sllps & DMAR_SLLPS_1G))
			return -EINVAL;
	}
	if (dd->force_snooping && !(iommu->ecap & DMAR_ECAP_SC))
		return -EINVAL;
	if (dd->walk_coherent && !dmar_walk_coherent(iommu))
		return -EINVAL;
	return 0;
}

/*
 * Take a reference on the domain's presence on @iommu, allocating a domain
 * id on first use.
 */
static struct dmar_domain_unit *dmar_domain_get_unit(struct dmar_domain *dd,
						     struct intel_iommu *iommu)
{
	struct dmar_domain_unit *du, *fresh;
	unsigned long flags;
	int did;

	spin_lock_irqsave(&dd->lock, flags);
	list_for_each_entry(du, &dd->units, link) {
		if (du->iommu == iommu) {
			du->refcnt++;
			spin_unlock_irqrestore(&dd->lock, flags);
			return du;
		}
	}
	spin_unlock_irqrestore(&dd->lock, flags);

	fresh = kzalloc(sizeof(*fresh), GFP_KERNEL);
	if (!fresh)
		return ERR_PTR(-ENOMEM);
	did = ida_alloc_range(&iommu->domain_ida, DMAR_DID_FIRST,
			      dmar_cap_ndoms(iommu->cap) - 1, GFP_KERNEL);
	if (did < 0) {
		kfree(fresh);
		return ERR_PTR(did == -ENOMEM ? -ENOMEM : -ENOSPC);
	}
	fresh->iommu = iommu;
	fresh->did = did;
	fresh->refcnt = 1;

	/* Attachments to one domain can race only across groups */
	spin_lock_irqsave(&dd->lock, flags);
	list_for_each_entry(du, &dd->units, link) {
		if (du->iommu == iommu) {
			du->refcnt++;
			spin_unlock_irqrestore(&dd->lock, flags);
			ida_free(&iommu->domain_ida, did);
			kfree(fresh);
			return du;
		}
	}
	list_add_tail(&fresh->link, &dd->units);
	spin_unlock_irqrestore(&dd->lock, flags);
	return fresh;
}

/* Drop a reference taken by dmar_domain_get_unit(); caches are clean */
static void dmar_domain_put_unit(struct dmar_domain *dd, struct intel_iommu *iommu)
{
	struct dmar_domain_unit *du, *gone = NULL;
	unsigned long flags;

	spin_lock_irqsave(&dd->lock, flags);
	list_for_each_entry(du, &dd->units, link) {
		if (du->iommu != iommu)
			continue;
		if (!--du->refcnt) {
			list_del(&du->link);
			gone = du;
		}
		break;
	}
	spin_unlock_irqrestore(&dd->lock, flags);

	if (gone) {
		ida_free(&iommu->domain_ida, gone->did);
		kfree(gone);
	}
}

/* Legacy mode: the operation applied to the context entry of each alias */
enum rid_alias_op {
	RID_ALIAS_PREPARE,
	RID_ALIAS_SET,
	RID_ALIAS_CLEAR,
};

struct rid_alias_args {
	struct intel_iommu *iommu;
	enum rid_alias_op op;
	u16 did;
	u64 slptptr;
	unsigned int aw;
	unsigned int tt;
};

static int rid_alias_fn(struct pci_dev *pdev, u16 alias, void *data)
{
	struct rid_alias_args *a = data;
	u8 bus = PCI_BUS_NUM(alias), devfn = alias & 0xff;

	switch (a->op) {
	case RID_ALIAS_PREPARE:
		return dmar_context_prepare(a->iommu, bus, devfn);
	case RID_ALIAS_SET:
		dmar_context_set_legacy(a->iommu, bus, devfn, a->did, a->slptptr,
					a->aw, a->tt);
		return 0;
	case RID_ALIAS_CLEAR:
		dmar_context_clear(a->iommu, bus, devfn);
		return 0;
	}
	return 0;
}

static int rid_walk_aliases(struct device_domain_info *info,
			    struct rid_alias_args *args)
{
	args->iommu = info->iommu;
	return pci_for_each_dma_alias(info->pdev, rid_alias_fn, args);
}

/**
 * dmar_rid_tables_prepare() - allocate what a RID translation change needs
 * @info: the device
 *
 * Return: 0 or -ENOMEM.
 */
int dmar_rid_tables_prepare(struct device_domain_info *info)
{
	struct rid_alias_args args = { .op = RID_ALIAS_PREPARE };

	if (info->iommu->sm)
		return dmar_pasid_prepare(info->iommu, &info->pasid_table, IOMMU_NO_PASID);
	return rid_walk_aliases(info, &args);
}

/**
 * dmar_rid_block() - stop translating requests without PASID
 * @info: the device
 *
 * Legacy: the context entries of the device and its aliases become not
 * present. Scalable: PASID entry 0 becomes not present. The device leaves
 * the paging domain it was attached to.
 */
void dmar_rid_block(struct device_domain_info *info)
{
	struct dmar_domain *old = info->domain;
	struct rid_alias_args args = { .op = RID_ALIAS_CLEAR };
	unsigned long flags;

	if (info->iommu->sm)
		dmar_pasid_teardown(info->iommu, &info->pasid_table, IOMMU_NO_PASID);
	else
		rid_walk_aliases(info, &args);

	info_set_rid(info, NULL, NULL);
	if (old) {
		spin_lock_irqsave(&old->lock, flags);
		list_del_init(&info->link);
		spin_unlock_irqrestore(&old->lock, flags);
		dmar_domain_put_unit(old, info->iommu);
	}
}

/**
 * dmar_rid_set_pass_through() - translate requests without PASID 1:1
 * @info: the device; its unit has ECAP.PT and the RID is blocked
 */
void dmar_rid_set_pass_through(struct device_domain_info *info)
{
	struct intel_iommu *iommu = info->iommu;

	if (iommu->sm) {
		struct pasid_entry pe;

		dmar_pe_encode_pt(&pe, iommu->max_aw, DMAR_DID_PASS_THROUGH, iommu->pwsnp);
		dmar_pasid_install(iommu, &info->pasid_table, IOMMU_NO_PASID, &pe);
	} else {
		struct rid_alias_args args = {
			.op = RID_ALIAS_SET,
			.did = DMAR_DID_PASS_THROUGH,
			.aw = iommu->max_aw,
			.tt = DMAR_TT_PASS_THROUGH,
		};

		rid_walk_aliases(info, &args);
	}
}

/* The PASID entry that makes @pasid translate through @dd */
static void dmar_pe_for_domain(struct pasid_entry *pe, struct dmar_domain *dd,
			       struct intel_iommu *iommu, u16 did)
{
	u64 pgd = virt_to_phys(dd->pgt.root);

	if (dd->first_stage)
		dmar_pe_encode_fl(pe, pgd, dd->pgt.levels == 5, iommu->aw, did,
				  iommu->pwsnp, dd->force_snooping);
	else
		dmar_pe_encode_sl(pe, pgd, dd->aw, did, iommu->pwsnp,
				  dd->force_snooping);
}

static void dmar_rid_set_paging(struct device_domain_info *info,
				struct dmar_domain *dd, u16 did)
{
	struct intel_iommu *iommu = info->iommu;

	if (iommu->sm) {
		struct pasid_entry pe;

		dmar_pe_for_domain(&pe, dd, iommu, did);
		dmar_pasid_install(iommu, &info->pasid_table, IOMMU_NO_PASID, &pe);
	} else {
		struct rid_alias_args args = {
			.op = RID_ALIAS_SET,
			.did = did,
			.slptptr = virt_to_phys(dd->pgt.root),
			.aw = dd->aw,
			.tt = DMAR_TT_SL,
		};

		rid_walk_aliases(info, &args);
	}
}

/**
 * intel_paging_attach_dev() - make a paging domain translate a device's RID
 * @domain: the paging domain
 * @dev: the device
 *
 * Return: 0, -EINVAL (incompatible domain), -ENODEV (device not served),
 * -ENOSPC (no domain id left), -ENOMEM.
 */
int intel_paging_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct device_domain_info *info = dev_iommu_priv_get(dev);
	struct dmar_domain *dd = to_dmar_domain(domain);
	struct dmar_domain_unit *du;
	unsigned long flags;
	int ret;

	if (!info)
		return -ENODEV;
	if (info->domain == dd)
		return 0;

	ret = dmar_domain_compatible(dd, info->iommu);
	if (ret)
		return ret;
	ret = dmar_rid_tables_prepare(info);
	if (ret)
		return ret;
	du = dmar_domain_get_unit(dd, info->iommu);
	if (IS_ERR(du))
		return PTR_ERR(du);

	dmar_rid_block(info);
	dmar_rid_set_paging(info, dd, du->did);

	spin_lock_irqsave(&dd->lock, flags);
	list_add_tail(&info->link, &dd->devices);
	spin_unlock_irqrestore(&dd->lock, flags);
	info_set_rid(info, domain, dd);
	return 0;
}

/* Forget an attachment record: leave its domain, free it */
static void dpi_put(struct device_domain_info *info, struct dev_pasid_info *dpi)
{
	unsigned long flags;

	if (dmar_is_paging(dpi->domain)) {
		struct dmar_domain *dd = to_dmar_domain(dpi->domain);

		spin_lock_irqsave(&dd->lock, flags);
		list_del(&dpi->link);
		spin_unlock_irqrestore(&dd->lock, flags);
		dmar_domain_put_unit(dd, info->iommu);
	}
	kfree(dpi);
}

/**
 * dmar_domain_remove_pasid() - stop translating a PASID of a device
 * @info: the device
 * @pasid: the PASID (not IOMMU_NO_PASID)
 *
 * The PASID entry becomes not present and the PASID leaves its domain.
 * Nothing happens for a PASID that is not attached.
 */
void dmar_domain_remove_pasid(struct device_domain_info *info, ioasid_t pasid)
{
	struct intel_iommu *iommu = info->iommu;
	struct dev_pasid_info *dpi;
	unsigned long flags;

	xa_lock_irqsave(&iommu->devices, flags);
	dpi = xa_erase(&info->pasids, pasid);
	xa_unlock_irqrestore(&iommu->devices, flags);

	if (iommu->sm)
		dmar_pasid_teardown(iommu, &info->pasid_table, pasid);
	if (dpi)
		dpi_put(info, dpi);
}

/*
 * Common part of set_dev_pasid(): checks, allocation, replacing what the
 * PASID had, and publishing the new attachment. Returns the new record with
 * the entry still to be installed.
 */
static struct dev_pasid_info *pasid_attach_begin(struct iommu_domain *domain,
						 struct device_domain_info *info,
						 ioasid_t pasid)
{
	struct intel_iommu *iommu = info->iommu;
	struct dev_pasid_info *dpi, *prev;
	unsigned long flags;
	int ret;

	if (!iommu->sm || !info->pasid_enabled)
		return ERR_PTR(-ENODEV);
	if (pasid == IOMMU_NO_PASID)
		return ERR_PTR(-EINVAL);
	ret = dmar_pasid_prepare(iommu, &info->pasid_table, pasid);
	if (ret)
		return ERR_PTR(ret);

	dpi = kzalloc(sizeof(*dpi), GFP_KERNEL);
	if (!dpi)
		return ERR_PTR(-ENOMEM);
	dpi->info = info;
	dpi->pasid = pasid;
	dpi->domain = domain;
	INIT_LIST_HEAD(&dpi->link);

	/* Publish the new record; a previous one is replaced in one step */
	xa_lock_irqsave(&iommu->devices, flags);
	prev = xa_store(&info->pasids, pasid, dpi, GFP_ATOMIC);
	xa_unlock_irqrestore(&iommu->devices, flags);
	if (xa_is_err(prev)) {
		kfree(dpi);
		return ERR_PTR(xa_err(prev));
	}

	/* Whatever translated the PASID before goes away now */
	dmar_pasid_teardown(iommu, &info->pasid_table, pasid);
	if (prev)
		dpi_put(info, prev);
	return dpi;
}

/* Undo pasid_attach_begin() after a failure */
static void pasid_attach_abort(struct device_domain_info *info,
			       struct dev_pasid_info *dpi)
{
	unsigned long flags;

	xa_lock_irqsave(&info->iommu->devices, flags);
	xa_erase(&info->pasids, dpi->pasid);
	xa_unlock_irqrestore(&info->iommu->devices, flags);
	kfree(dpi);
}

/**
 * intel_paging_set_dev_pasid() - make a paging domain translate a PASID
 * @domain: the paging domain (either stage)
 * @dev: the device
 * @pasid: the PASID
 * @old: unused (always NULL)
 *
 * Return: as intel_paging_attach_dev(); -ENODEV for a device without
 * PASID support.
 */
int intel_paging_set_dev_pasid(struct iommu_domain *domain, struct device *dev,
			       ioasid_t pasid, struct iommu_domain *old)
{
	struct device_domain_info *info = dev_iommu_priv_get(dev);
	struct dmar_domain *dd = to_dmar_domain(domain);
	struct dmar_domain_unit *du;
	struct dev_pasid_info *dpi;
	struct pasid_entry pe;
	unsigned long flags;
	int ret;

	if (!info)
		return -ENODEV;
	ret = dmar_domain_compatible(dd, info->iommu);
	if (ret)
		return ret;
	du = dmar_domain_get_unit(dd, info->iommu);
	if (IS_ERR(du))
		return PTR_ERR(du);

	dpi = pasid_attach_begin(domain, info, pasid);
	if (IS_ERR(dpi)) {
		dmar_domain_put_unit(dd, info->iommu);
		return PTR_ERR(dpi);
	}

	dmar_pe_for_domain(&pe, dd, info->iommu, du->did);
	ret = dmar_pasid_install(info->iommu, &info->pasid_table, pasid, &pe);
	if (ret) {
		pasid_attach_abort(info, dpi);
		dmar_domain_put_unit(dd, info->iommu);
		return ret == -EBUSY ? -ENOSPC : ret;
	}

	spin_lock_irqsave(&dd->lock, flags);
	list_add_tail(&dpi->link, &dd->dev_pasids);
	spin_unlock_irqrestore(&dd->lock, flags);
	return 0;
}

static int intel_identity_attach_dev(struct iommu_domain *domain,
				     struct device *dev)
{
	struct device_domain_info *info = dev_iommu_priv_get(dev);
	int ret;

	if (!info)
		return -ENODEV;
	if (!(info->iommu->ecap & DMAR_ECAP_PT))
		return -EINVAL;
	if (info->rid_domain == domain)
		return 0;
	ret = dmar_rid_tables_prepare(info);
	if (ret)
		return ret;

	dmar_rid_block(info);
	dmar_rid_set_pass_through(info);
	info_set_rid(info, domain, NULL);
	return 0;
}

static int intel_identity_set_dev_pasid(struct iommu_domain *domain,
					struct device *dev, ioasid_t pasid,
					struct iommu_domain *old)
{
	struct device_domain_info *info = dev_iommu_priv_get(dev);
	struct intel_iommu *iommu;
	struct dev_pasid_info *dpi;
	struct pasid_entry pe;
	int ret;

	if (!info)
		return -ENODEV;
	iommu = info->iommu;
	if (!(iommu->ecap & DMAR_ECAP_PT))
		return -EINVAL;
	dpi = pasid_attach_begin(domain, info, pasid);
	if (IS_ERR(dpi))
		return PTR_ERR(dpi);

	dmar_pe_encode_pt(&pe, iommu->max_aw, DMAR_DID_PASS_THROUGH, iommu->pwsnp);
	ret = dmar_pasid_install(iommu, &info->pasid_table, pasid, &pe);
	if (ret) {
		pasid_attach_abort(info, dpi);
		return ret == -EBUSY ? -ENOSPC : ret;
	}
	return 0;
}

static int intel_blocked_attach_dev(struct iommu_domain *domain,
				    struct device *dev)
{
	struct device_domain_info *info = dev_iommu_priv_get(dev);

	if (!info)
		return -ENODEV;
	dmar_rid_block(info);
	info_set_rid(info, domain, NULL);
	return 0;
}

static int intel_blocked_set_dev_pasid(struct iommu_domain *domain,
				       struct device *dev, ioasid_t pasid,
				       struct iommu_domain *old)
{
	struct device_domain_info *info = dev_iommu_priv_get(dev);

	if (!info)
		return -ENODEV;
	dmar_domain_remove_pasid(info, pasid);
	return 0;
}

static const struct iommu_domain_ops intel_identity_ops = {
	.attach_dev = intel_identity_attach_dev,
	.set_dev_pasid = intel_identity_set_dev_pasid,
};

static const struct iommu_domain_ops intel_blocked_ops = {
	.attach_dev = intel_blocked_attach_dev,
	.set_dev_pasid = intel_blocked_set_dev_pasid,
};

/*
 * The static identity domain. It is only handed out (through
 * domain_alloc_identity()) for devices whose unit has pass-through.
 */
struct iommu_domain intel_identity_domain = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &intel_identity_ops,
};

/* The static blocking domain, also attached right before release */
struct iommu_domain intel_blocked_domain = {
	.type = IOMMU_DOMAIN_BLOCKED,
	.ops = &intel_blocked_ops,
};
