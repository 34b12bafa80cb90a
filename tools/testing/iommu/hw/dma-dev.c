// SPDX-License-Identifier: GPL-2.0
/*
 * A DMA test device: issues reads and writes through its upstream IOMMU
 * model, one translated page at a time, and reaches memory only through the
 * host's checked accessor.
 */

#include <linux/errno.h>
#include <linux/minmax.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <host/dma-dev.h>
#include <host/mem.h>

void dma_dev_init(struct dma_dev *dev, const char *name, u16 source_id,
		  const struct dma_iommu_ops *ops, void *iommu)
{
	memset(dev, 0, sizeof(*dev));
	dev->name = name;
	dev->source_id = source_id;
	dev->ops = ops;
	dev->iommu = iommu;
}

static void dma_dev_note_fault(struct dma_dev *dev, const struct dma_dev_fault *f)
{
	dev->last_fault = *f;
	dev->faults++;
}

int dma_dev_access(struct dma_dev *dev, u64 iova, void *buf, size_t len, u32 pasid,
		   unsigned int access)
{
	bool write = access & DMA_ACC_WRITE;
	u8 *p = buf;
	int ret;

	/* A transfer is either a read or a write. */
	if (!!(access & DMA_ACC_READ) == write)
		return -EINVAL;

	while (len) {
		struct dma_dev_fault fault = {
			.write = write, .source_id = dev->source_id, .pasid = pasid, .addr = iova,
		};
		struct dma_dev_xlate x = {
			.pa = iova, .size = SZ_4K - (iova & (SZ_4K - 1)),
			.perms = DMA_ACC_READ | DMA_ACC_WRITE,
		};
		size_t chunk;

		if (dev->ops) {
			ret = dev->ops->translate(dev->iommu, dev->source_id, pasid, iova, access,
						  &x, &fault);
			if (ret) {
				fault.write = write;
				fault.addr = iova;
				dma_dev_note_fault(dev, &fault);
				return ret;
			}
		}
		chunk = min_t(u64, len, x.size);
		if (!chunk)
			chunk = 1;

		if (write)
			ret = host_phys_write(x.pa, p, chunk);
		else
			ret = host_phys_read(x.pa, p, chunk);
		if (ret) {
			fault.mem_error = true;
			dma_dev_note_fault(dev, &fault);
			return -EIO;
		}
		if (write)
			dev->bytes_written += chunk;
		else
			dev->bytes_read += chunk;
		iova += chunk;
		p += chunk;
		len -= chunk;
	}
	return 0;
}

int dma_dev_read(struct dma_dev *dev, u64 iova, void *buf, size_t len, u32 pasid)
{
	return dma_dev_access(dev, iova, buf, len, pasid, DMA_ACC_READ);
}

int dma_dev_write(struct dma_dev *dev, u64 iova, const void *buf, size_t len, u32 pasid)
{
	return dma_dev_access(dev, iova, (void *)buf, len, pasid, DMA_ACC_WRITE);
}
