// SPDX-License-Identifier: GPL-2.0
/*
 * Per-domain state of the DMA API layer ("cookies").
 *
 * This tree has neither an IOVA allocator nor IOMMU-backed dma_map_ops.
 * What remains is the bookkeeping that the core and iommufd rely on:
 *
 *  - a DMA or DMA_FQ domain is given an IOVA cookie when it is allocated
 *    (iommu_get_dma_cookie()) and loses it when it is freed;
 *  - an UNMANAGED domain can instead be given one MSI cookie
 *    (iommu_get_msi_cookie());
 *  - a DMA_FQ domain stays lazy only when the IOMMU of the device using it
 *    defers TLB invalidation (IOMMU_CAP_DEFERRED_FLUSH); otherwise it is
 *    downgraded to a strict DMA domain when DMA ops are set up.
 */

#define pr_fmt(fmt)    "iommu: " fmt

#include <linux/device.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/pci.h>
#include <linux/slab.h>

#include "dma-iommu.h"

/* The two uses of a cookie */
enum dma_cookie_kind {
	DMA_COOKIE_IOVA,	/* the kernel's DMA API owns the domain */
	DMA_COOKIE_MSI,		/* MSI doorbells in a caller-owned domain */
};

/**
 * struct iommu_dma_cookie - state the DMA API layer keeps in a domain
 * @kind: which use the cookie serves
 * @msi_base: MSI cookies only: where the IOVA window for doorbells starts
 * @fq_ready: IOVA cookies only: the flush queue has been set up
 */
struct iommu_dma_cookie {
	enum dma_cookie_kind kind;
	dma_addr_t msi_base;
	bool fq_ready;
};

/* Set by iommu.forcedac=1: PCI devices get no 32-bit IOVA preference */
bool iommu_dma_forcedac;

static int __init forcedac_param(char *arg)
{
	int err;

	err = kstrtobool(arg, &iommu_dma_forcedac);
	if (err)
		return err;
	if (iommu_dma_forcedac)
		pr_info("PCI devices will not be steered to 32-bit IOVAs\n");
	return 0;
}
early_param("iommu.forcedac", forcedac_param);

/* A domain gets at most one cookie in its life */
static int dma_cookie_install(struct iommu_domain *dom,
			      enum dma_cookie_kind kind, dma_addr_t msi_base)
{
	struct iommu_dma_cookie *c;

	if (dom->iova_cookie)
		return -EEXIST;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->kind = kind;
	c->msi_base = msi_base;
	dom->iova_cookie = c;
	return 0;
}

/**
 * iommu_get_dma_cookie() - give a DMA API domain its cookie
 * @domain: a DMA or DMA_FQ domain just allocated
 *
 * Return: 0, -EEXIST if @domain has a cookie already, or -ENOMEM.
 */
int iommu_get_dma_cookie(struct iommu_domain *domain)
{
	return dma_cookie_install(domain, DMA_COOKIE_IOVA, 0);
}

/**
 * iommu_get_msi_cookie() - prepare a caller-owned domain for MSIs
 * @domain: an UNMANAGED domain
 * @base: start of an IOVA range the caller leaves free for MSI doorbells
 *
 * VFIO and iommufd call this on platforms where MSI writes are translated
 * by the IOMMU (those reporting an IOMMU_RESV_SW_MSI region). Only one
 * cookie per domain is possible.
 *
 * Return: 0; -EINVAL unless @domain is UNMANAGED; -EEXIST if it has a
 * cookie already; -ENOMEM.
 */
int iommu_get_msi_cookie(struct iommu_domain *domain, dma_addr_t base)
{
	if (domain->type != IOMMU_DOMAIN_UNMANAGED)
		return -EINVAL;
	return dma_cookie_install(domain, DMA_COOKIE_MSI, base);
}
EXPORT_SYMBOL(iommu_get_msi_cookie);

/**
 * iommu_put_dma_cookie() - free a domain's cookie, if it has one
 * @domain: the domain
 */
void iommu_put_dma_cookie(struct iommu_domain *domain)
{
	struct iommu_dma_cookie *c = domain->iova_cookie;

	domain->iova_cookie = NULL;
	kfree(c);
}

/**
 * iommu_dma_init_fq() - set up the flush queue of a DMA API domain
 * @domain: a domain that has an IOVA cookie
 *
 * Used when a domain is created as, or turned into, DMA_FQ. Repeating it
 * does no harm. The group mutex serialises callers.
 *
 * Return: 0, or -EINVAL if @domain has no IOVA cookie.
 */
int iommu_dma_init_fq(struct iommu_domain *domain)
{
	struct iommu_dma_cookie *c = domain->iova_cookie;

	if (c && c->kind == DMA_COOKIE_IOVA) {
		WRITE_ONCE(c->fq_ready, true);
		return 0;
	}
	return -EINVAL;
}

/*
 * Can @dom keep its flush queue while @dev uses it? Only if the IOMMU lets
 * the queue do the TLB maintenance and the queue can be set up.
 */
static bool dma_fq_usable(struct iommu_domain *dom, struct device *dev)
{
	if (!device_iommu_capable(dev, IOMMU_CAP_DEFERRED_FLUSH))
		return false;
	return iommu_dma_init_fq(dom) == 0;
}

/**
 * iommu_setup_dma_ops() - decide how a device's DMA API calls are served
 * @dev: a device whose group already has its default domain
 *
 * The device uses the IOMMU for the DMA API when its domain is a DMA API
 * domain; a lazy domain is made strict here when it cannot be lazy.
 */
void iommu_setup_dma_ops(struct device *dev)
{
	struct iommu_domain *dom = iommu_get_domain_for_dev(dev);
	bool translated = dom && iommu_is_dma_domain(dom);

	if (dev_is_pci(dev))
		dev->iommu->pci_32bit_workaround = !iommu_dma_forcedac;

	dev->dma_iommu = translated;
	if (translated && dom->type == IOMMU_DOMAIN_DMA_FQ &&
	    !dma_fq_usable(dom, dev))
		dom->type = IOMMU_DOMAIN_DMA;
}

/**
 * iommu_dma_get_resv_regions() - reservations common to every driver
 * @dev: the device
 * @list: the list to add regions to
 *
 * On real platforms firmware tables (IORT, device tree) describe these.
 * There are no such tables here, so the list is left as it is.
 */
void iommu_dma_get_resv_regions(struct device *dev, struct list_head *list)
{
}
EXPORT_SYMBOL(iommu_dma_get_resv_regions);
