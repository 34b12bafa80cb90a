// SPDX-License-Identifier: GPL-2.0
/*
 * Domain cookies of the DMA API layer.
 *
 * There is no IOVA allocator or IOMMU-backed dma_map_ops in this tree. What
 * is kept is the bookkeeping the core and iommufd depend on:
 *
 *  - every DMA/DMA_FQ domain gets an IOVA cookie when it is allocated
 *    (iommu_get_dma_cookie()), and loses it when freed;
 *  - an UNMANAGED domain may instead get an MSI cookie
 *    (iommu_get_msi_cookie()), at most once;
 *  - a DMA_FQ domain keeps its flush-queue type only if the device's IOMMU
 *    defers TLB maintenance (IOMMU_CAP_DEFERRED_FLUSH); otherwise it is
 *    turned into a strict DMA domain when the device's DMA ops are set up.
 */

#define pr_fmt(fmt)    "iommu: " fmt

#include <linux/device.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/slab.h>

#include "dma-iommu.h"

/**
 * enum iommu_dma_cookie_type - what a domain cookie is for
 * @IOMMU_DMA_IOVA_COOKIE: a DMA API domain
 * @IOMMU_DMA_MSI_COOKIE: MSI doorbell mapping in a caller-managed domain
 */
enum iommu_dma_cookie_type {
	IOMMU_DMA_IOVA_COOKIE,
	IOMMU_DMA_MSI_COOKIE,
};

/**
 * struct iommu_dma_cookie - DMA API state of one domain
 * @type: what the cookie is for
 * @msi_iova: for MSI cookies, the start of the IOVA window for doorbells
 * @fq_domain: for IOVA cookies, the domain once its flush queue is set up
 * @mutex: serialises setup of the cookie
 */
struct iommu_dma_cookie {
	enum iommu_dma_cookie_type type;
	dma_addr_t msi_iova;
	struct iommu_domain *fq_domain;
	struct mutex mutex;	/* serialises cookie setup */
};

bool iommu_dma_forcedac;

/* iommu.forcedac=<bool>: do not prefer 32-bit IOVAs for PCI devices */
static int __init iommu_dma_forcedac_setup(char *str)
{
	int ret = kstrtobool(str, &iommu_dma_forcedac);

	if (!ret && iommu_dma_forcedac)
		pr_info("not preferring 32-bit IOVAs for PCI devices\n");
	return ret;
}
early_param("iommu.forcedac", iommu_dma_forcedac_setup);

static struct iommu_dma_cookie *iommu_dma_cookie_alloc(enum iommu_dma_cookie_type type)
{
	struct iommu_dma_cookie *cookie;

	cookie = kzalloc(sizeof(*cookie), GFP_KERNEL);
	if (!cookie)
		return NULL;
	cookie->type = type;
	mutex_init(&cookie->mutex);
	return cookie;
}

/**
 * iommu_get_dma_cookie() - give a DMA API domain its cookie
 * @domain: a freshly allocated DMA or DMA_FQ domain
 *
 * Return: 0, -EEXIST if the domain has a cookie already, or -ENOMEM.
 */
int iommu_get_dma_cookie(struct iommu_domain *domain)
{
	if (domain->iova_cookie)
		return -EEXIST;

	domain->iova_cookie = iommu_dma_cookie_alloc(IOMMU_DMA_IOVA_COOKIE);
	if (!domain->iova_cookie)
		return -ENOMEM;
	return 0;
}

/**
 * iommu_get_msi_cookie() - prepare a caller-managed domain for MSIs
 * @domain: an UNMANAGED domain
 * @base: start of an IOVA window the caller keeps free for MSI doorbells
 *
 * Used by VFIO and iommufd on platforms whose MSIs go through the IOMMU
 * (an IOMMU_RESV_SW_MSI region). Can be done once per domain.
 *
 * Return: 0; -EINVAL if @domain is not UNMANAGED; -EEXIST if it has a
 * cookie already; -ENOMEM.
 */
int iommu_get_msi_cookie(struct iommu_domain *domain, dma_addr_t base)
{
	struct iommu_dma_cookie *cookie;

	if (domain->type != IOMMU_DOMAIN_UNMANAGED)
		return -EINVAL;
	if (domain->iova_cookie)
		return -EEXIST;

	cookie = iommu_dma_cookie_alloc(IOMMU_DMA_MSI_COOKIE);
	if (!cookie)
		return -ENOMEM;
	cookie->msi_iova = base;
	domain->iova_cookie = cookie;
	return 0;
}
EXPORT_SYMBOL(iommu_get_msi_cookie);

/**
 * iommu_put_dma_cookie() - drop a domain's cookie, if any
 * @domain: the domain
 */
void iommu_put_dma_cookie(struct iommu_domain *domain)
{
	kfree(domain->iova_cookie);
	domain->iova_cookie = NULL;
}

/**
 * iommu_dma_init_fq() - set up the flush queue of a DMA domain
 * @domain: a domain with an IOVA cookie
 *
 * Called when a domain becomes (or is created as) DMA_FQ. Doing it twice
 * is harmless. Callers serialise through the group mutex.
 *
 * Return: 0, or -EINVAL if the domain has no IOVA cookie.
 */
int iommu_dma_init_fq(struct iommu_domain *domain)
{
	struct iommu_dma_cookie *cookie = domain->iova_cookie;

	if (!cookie || cookie->type != IOMMU_DMA_IOVA_COOKIE)
		return -EINVAL;

	WRITE_ONCE(cookie->fq_domain, domain);
	return 0;
}

/*
 * Settle the flush-queue question for a DMA domain the device is using:
 * the queue is only worth having if unmapping leaves TLB maintenance to
 * the queue.
 */
static void iommu_dma_init_domain(struct iommu_domain *domain,
				  struct device *dev)
{
	if (domain->type != IOMMU_DOMAIN_DMA_FQ)
		return;

	if (!device_iommu_capable(dev, IOMMU_CAP_DEFERRED_FLUSH) ||
	    iommu_dma_init_fq(domain))
		domain->type = IOMMU_DOMAIN_DMA;
}

/**
 * iommu_setup_dma_ops() - decide how a device does DMA through the IOMMU
 * @dev: a device whose group has a default domain
 *
 * Marks the device as using the IOMMU for the DMA API when its domain is a
 * DMA API domain, and settles the domain's flush queue.
 */
void iommu_setup_dma_ops(struct device *dev)
{
	struct iommu_domain *domain = iommu_get_domain_for_dev(dev);

	if (dev_is_pci(dev))
		dev->iommu->pci_32bit_workaround = !iommu_dma_forcedac;

	dev->dma_iommu = domain && iommu_is_dma_domain(domain);
	if (dev->dma_iommu)
		iommu_dma_init_domain(domain, dev);
}

/**
 * iommu_dma_get_resv_regions() - reserved regions common to all drivers
 * @dev: the device
 * @list: where to add them
 *
 * For the firmware-described (IORT, device tree) reservations of a
 * platform. No such firmware tables exist here, so nothing is added.
 */
void iommu_dma_get_resv_regions(struct device *dev, struct list_head *list)
{
}
EXPORT_SYMBOL(iommu_dma_get_resv_regions);
