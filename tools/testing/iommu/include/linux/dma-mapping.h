/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DMA mapping API: the DMA mask part.
 *
 * Host environment: masks are stored in struct device as in the kernel.
 * The mapping calls themselves (dma_map_*, dma_alloc_coherent) are not
 * provided yet.
 */
#ifndef _LINUX_DMA_MAPPING_H
#define _LINUX_DMA_MAPPING_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/errno.h>

#define DMA_BIT_MASK(n)	(((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))

#define DMA_MAPPING_ERROR		(~(dma_addr_t)0)

/**
 * enum dma_data_direction - the direction of a streaming DMA mapping
 * @DMA_BIDIRECTIONAL: both ways
 * @DMA_TO_DEVICE: memory to device
 * @DMA_FROM_DEVICE: device to memory
 * @DMA_NONE: no transfer (debugging)
 */
enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0,
	DMA_TO_DEVICE = 1,
	DMA_FROM_DEVICE = 2,
	DMA_NONE = 3,
};

/**
 * dma_get_mask() - the streaming DMA mask of a device
 * @dev: the device
 *
 * Return: the mask, or a 32-bit mask if none is set.
 */
static inline u64 dma_get_mask(struct device *dev)
{
	if (dev->dma_mask && *dev->dma_mask)
		return *dev->dma_mask;
	return DMA_BIT_MASK(32);
}

/**
 * dma_set_mask() - set the streaming DMA mask of a device
 * @dev: the device
 * @mask: the mask
 *
 * Every mask of at least 32 bits is supported on the host.
 *
 * Return: 0, or -EIO if the device cannot DMA (no dma_mask pointer) or
 * the mask is below 32 bits.
 */
static inline int dma_set_mask(struct device *dev, u64 mask)
{
	if (!dev->dma_mask || mask < DMA_BIT_MASK(32))
		return -EIO;
	*dev->dma_mask = mask;
	return 0;
}

/**
 * dma_set_coherent_mask() - set the mask for coherent allocations
 * @dev: the device
 * @mask: the mask
 *
 * Return: 0, or -EIO if the mask is below 32 bits.
 */
static inline int dma_set_coherent_mask(struct device *dev, u64 mask)
{
	if (mask < DMA_BIT_MASK(32))
		return -EIO;
	dev->coherent_dma_mask = mask;
	return 0;
}

/**
 * dma_set_mask_and_coherent() - set both DMA masks
 * @dev: the device
 * @mask: the mask
 *
 * Return: 0 or -EIO.
 */
static inline int dma_set_mask_and_coherent(struct device *dev, u64 mask)
{
	int ret = dma_set_mask(dev, mask);

	if (!ret)
		ret = dma_set_coherent_mask(dev, mask);
	return ret;
}

/**
 * dma_coerce_mask_and_coherent() - point dma_mask at coherent_dma_mask and set both
 * @dev: the device
 * @mask: the mask
 *
 * Return: 0 or -EIO.
 */
static inline int dma_coerce_mask_and_coherent(struct device *dev, u64 mask)
{
	dev->dma_mask = &dev->coherent_dma_mask;
	return dma_set_mask_and_coherent(dev, mask);
}

#endif /* _LINUX_DMA_MAPPING_H */
