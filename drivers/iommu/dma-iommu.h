/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The part of the DMA API layer the IOMMU core talks to.
 *
 * This tree has no IOMMU-backed DMA API implementation: dma-iommu.c only
 * keeps the per-domain cookie (with the errno rules the core and iommufd
 * rely on) and the flush-queue state of DMA_FQ domains.
 */
#ifndef __DMA_IOMMU_H
#define __DMA_IOMMU_H

#include <linux/iommu.h>

#ifdef CONFIG_IOMMU_DMA

void iommu_setup_dma_ops(struct device *dev);

int iommu_get_dma_cookie(struct iommu_domain *domain);
void iommu_put_dma_cookie(struct iommu_domain *domain);

int iommu_dma_init_fq(struct iommu_domain *domain);

void iommu_dma_get_resv_regions(struct device *dev, struct list_head *list);

extern bool iommu_dma_forcedac;

#else /* CONFIG_IOMMU_DMA */

static inline void iommu_setup_dma_ops(struct device *dev)
{
}

static inline int iommu_dma_init_fq(struct iommu_domain *domain)
{
	return -EINVAL;
}

static inline int iommu_get_dma_cookie(struct iommu_domain *domain)
{
	return -ENODEV;
}

static inline void iommu_put_dma_cookie(struct iommu_domain *domain)
{
}

static inline void iommu_dma_get_resv_regions(struct device *dev,
					      struct list_head *list)
{
}

#endif /* CONFIG_IOMMU_DMA */
#endif /* __DMA_IOMMU_H */
