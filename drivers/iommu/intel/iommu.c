// SPDX-License-Identifier: GPL-2.0
/*
 * Intel VT-d: the iommu_ops of the driver. Probing a device finds its unit
 * through the DMAR device scopes and, in scalable mode, gives it a PASID
 * directory and context entries pointing there.
 *
 * Identity is offered per device: only devices behind a unit with
 * pass-through (ECAP.PT) get the static identity domain; for the others
 * domain_alloc_identity() fails with -EOPNOTSUPP and the core falls back
 * to a DMA domain.
 */

#define pr_fmt(fmt) "DMAR: " fmt

#include <linux/errno.h>
#include <linux/iommu.h>
#include <linux/pci.h>
#include <linux/pci-ats.h>
#include <linux/slab.h>
#include <linux/sizes.h>
#include <linux/xarray.h>
#include <uapi/linux/iommufd.h>

#include "context.h"
#include "iommu.h"
#include "pasid.h"

/* The interrupt address window, which DMA must never be translated into */
#define DMAR_MSI_WINDOW_START	0xfee00000ULL
#define DMAR_MSI_WINDOW_SIZE	0x100000ULL

struct sm_alias_args {
	struct device_domain_info *info;
	bool clear;
};

/* Scalable mode: point the context entries of the device's aliases at it */
static int sm_alias_fn(struct pci_dev *pdev, u16 alias, void *data)
{
	struct sm_alias_args *a = data;
	struct device_domain_info *info = a->info;
	struct intel_iommu *iommu = info->iommu;
	u64 dir = virt_to_phys(info->pasid_table.dir);
	u8 bus = PCI_BUS_NUM(alias), devfn = alias & 0xff;
	int ret;

	if (a->clear) {
		/* An alias entry set up by another device stays */
		if (dmar_context_sm_dir(iommu, bus, devfn) == dir)
			dmar_context_clear(iommu, bus, devfn);
		return 0;
	}
	ret = dmar_context_prepare(iommu, bus, devfn);
	if (ret)
		return ret;
	dmar_context_set_sm(iommu, bus, devfn, dir,
			    dmar_pasid_pdts(info->pasid_table.max_pasid),
			    info->pasid_enabled);
	return 0;
}

static int intel_probe_sm(struct device_domain_info *info)
{
	struct intel_iommu *iommu = info->iommu;
	struct sm_alias_args args = { .info = info };
	struct pci_dev *pdev = info->pdev;
	u32 max_pasids = 0;
	int ret, n;

	if ((iommu->ecap & DMAR_ECAP_PASID) && iommu->iommu.max_pasids) {
		n = pci_max_pasids(pdev);
		if (n > 1)
			max_pasids = min_t(u32, n, iommu->iommu.max_pasids);
	}
	ret = dmar_pasid_table_alloc(&info->pasid_table, max_pasids);
	if (ret)
		return ret;
	ret = dmar_pasid_prepare(iommu, &info->pasid_table, IOMMU_NO_PASID);
	if (ret)
		goto fail;

	if (max_pasids) {
		int features = pci_pasid_features(pdev);

		info->pasid_supported = true;
		if (features >= 0 && !pci_enable_pasid(pdev, features))
			info->pasid_enabled = true;
	}

	ret = pci_for_each_dma_alias(pdev, sm_alias_fn, &args);
	if (ret)
		goto fail_pasid;
	return 0;

fail_pasid:
	args.clear = true;
	pci_for_each_dma_alias(pdev, sm_alias_fn, &args);
	if (info->pasid_enabled)
		pci_disable_pasid(pdev);
	info->pasid_enabled = false;
fail:
	dmar_pasid_table_free(&info->pasid_table);
	return ret;
}

static struct iommu_device *intel_iommu_probe_device(struct device *dev)
{
	struct device_domain_info *info;
	struct intel_iommu *iommu;
	struct pci_dev *pdev;
	int ret;

	if (!dev_is_pci(dev))
		return ERR_PTR(-ENODEV);
	pdev = to_pci_dev(dev);
	iommu = dmar_iommu_for_dev(pdev);
	if (!iommu || !iommu->registered)
		return ERR_PTR(-ENODEV);

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return ERR_PTR(-ENOMEM);
	info->dev = dev;
	info->pdev = pdev;
	info->iommu = iommu;
	info->segment = pci_domain_nr(pdev->bus);
	info->bus = pdev->bus->number;
	info->devfn = pdev->devfn;
	info->rid = PCI_DEVID(info->bus, info->devfn);
	INIT_LIST_HEAD(&info->link);
	xa_init(&info->pasids);

	if (iommu->sm) {
		ret = intel_probe_sm(info);
		if (ret)
			goto fail;
	}

	ret = xa_insert_irq(&iommu->devices, info->rid, info, GFP_KERNEL);
	if (ret)
		goto fail_sm;

	dev_iommu_priv_set(dev, info);
	return &iommu->iommu;

fail_sm:
	if (iommu->sm) {
		struct sm_alias_args args = { .info = info, .clear = true };

		pci_for_each_dma_alias(pdev, sm_alias_fn, &args);
		if (info->pasid_enabled)
			pci_disable_pasid(pdev);
		dmar_pasid_table_free(&info->pasid_table);
	}
fail:
	kfree(info);
	return ERR_PTR(ret == -EBUSY ? -ENODEV : ret);
}

static void intel_iommu_release_device(struct device *dev)
{
	struct device_domain_info *info = dev_iommu_priv_get(dev);
	struct intel_iommu *iommu;
	unsigned long index;
	void *entry;

	if (!info)
		return;
	iommu = info->iommu;

	/* The core attached the blocking domain; drop what may be left */
	xa_for_each(&info->pasids, index, entry)
		dmar_domain_remove_pasid(info, index);
	dmar_rid_block(info);

	xa_erase_irq(&iommu->devices, info->rid);

	if (iommu->sm) {
		struct sm_alias_args args = { .info = info, .clear = true };

		pci_for_each_dma_alias(info->pdev, sm_alias_fn, &args);
		if (info->pasid_enabled)
			pci_disable_pasid(info->pdev);
		dmar_pasid_table_free(&info->pasid_table);
	}
	xa_destroy(&info->pasids);
	kfree(info);
}

static struct iommu_group *intel_iommu_device_group(struct device *dev)
{
	if (dev_is_pci(dev))
		return pci_device_group(dev);
	return generic_device_group(dev);
}

static struct iommu_domain *intel_domain_alloc_identity(struct device *dev)
{
	struct device_domain_info *info = dev_iommu_priv_get(dev);

	if (!info || !(info->iommu->ecap & DMAR_ECAP_PT))
		return ERR_PTR(-EOPNOTSUPP);
	return &intel_identity_domain;
}

/* USB and graphics keep using firmware memory only until a driver takes over */
static bool dmar_rmrr_relaxable(struct pci_dev *pdev)
{
	return (pdev->class >> 8) == PCI_CLASS_SERIAL_USB ||
	       (pdev->class >> 16) == PCI_BASE_CLASS_DISPLAY;
}

static void intel_iommu_get_resv_regions(struct device *dev,
					 struct list_head *head)
{
	struct dmar_rmrr_unit *rmrr;
	struct iommu_resv_region *reg;
	struct pci_dev *pdev;

	if (!dev_is_pci(dev))
		return;
	pdev = to_pci_dev(dev);

	list_for_each_entry(rmrr, &dmar_tbl_info.rmrrs, list) {
		enum iommu_resv_type type;

		if (!dmar_scopes_match(rmrr->segment, rmrr->scopes, rmrr->nr_scopes, pdev))
			continue;
		type = dmar_rmrr_relaxable(pdev) ? IOMMU_RESV_DIRECT_RELAXABLE :
						   IOMMU_RESV_DIRECT;
		reg = iommu_alloc_resv_region(rmrr->base, rmrr->last - rmrr->base + 1,
					      IOMMU_READ | IOMMU_WRITE, type, GFP_KERNEL);
		if (!reg)
			return;
		list_add_tail(&reg->list, head);
	}

	reg = iommu_alloc_resv_region(DMAR_MSI_WINDOW_START, DMAR_MSI_WINDOW_SIZE,
				      IOMMU_WRITE | IOMMU_MMIO, IOMMU_RESV_MSI,
				      GFP_KERNEL);
	if (reg)
		list_add_tail(&reg->list, head);
}

static bool intel_iommu_capable(struct device *dev, enum iommu_cap cap)
{
	struct device_domain_info *info = dev_iommu_priv_get(dev);

	switch (cap) {
	case IOMMU_CAP_CACHE_COHERENCY:
	case IOMMU_CAP_DEFERRED_FLUSH:
		return true;
	case IOMMU_CAP_ENFORCE_CACHE_COHERENCY:
		return info && (info->iommu->ecap & DMAR_ECAP_SC);
	case IOMMU_CAP_PRE_BOOT_PROTECTION:
		return dmar_tbl_info.flags & DMAR_PLATFORM_OPT_IN;
	default:
		return false;
	}
}

static void *intel_iommu_hw_info(struct device *dev, u32 *length, u32 *type)
{
	struct device_domain_info *info = dev_iommu_priv_get(dev);
	struct iommu_hw_info_vtd *vtd;

	if (!info)
		return ERR_PTR(-ENODEV);
	vtd = kzalloc(sizeof(*vtd), GFP_KERNEL);
	if (!vtd)
		return ERR_PTR(-ENOMEM);
	vtd->cap_reg = info->iommu->cap;
	vtd->ecap_reg = info->iommu->ecap;
	*length = sizeof(*vtd);
	*type = IOMMU_HW_INFO_TYPE_INTEL_VTD;
	return vtd;
}

static void intel_iommu_remove_dev_pasid(struct device *dev, ioasid_t pasid,
					 struct iommu_domain *domain)
{
	struct device_domain_info *info = dev_iommu_priv_get(dev);

	if (info)
		dmar_domain_remove_pasid(info, pasid);
}

const struct iommu_ops intel_iommu_ops = {
	.capable		= intel_iommu_capable,
	.hw_info		= intel_iommu_hw_info,
	.domain_alloc_paging	= intel_domain_alloc_paging,
	.domain_alloc_user	= intel_domain_alloc_user,
	.domain_alloc_identity	= intel_domain_alloc_identity,
	.probe_device		= intel_iommu_probe_device,
	.release_device		= intel_iommu_release_device,
	.device_group		= intel_iommu_device_group,
	.get_resv_regions	= intel_iommu_get_resv_regions,
	.remove_dev_pasid	= intel_iommu_remove_dev_pasid,
	.pgsize_bitmap		= SZ_4K,
	.blocked_domain		= &intel_blocked_domain,
	.release_domain		= &intel_blocked_domain,
};
