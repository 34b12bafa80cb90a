/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_DMA_DEV_H
#define _HOST_DMA_DEV_H

/*
 * A DMA test device for the hardware models.  It issues reads and writes at
 * an I/O virtual address through its upstream IOMMU model, one page at a
 * time, and touches memory only through the checked host memory accessor.
 * Faults come back as data: a test can prove that a device reaches exactly
 * what its domain maps and nothing else.
 *
 * Host-only: kernel code under drivers/ never includes this.
 */

#include <linux/bits.h>
#include <linux/limits.h>
#include <linux/types.h>

/* Request without a PASID. */
#define DMA_DEV_NO_PASID	U32_MAX

/* Access kinds of a request, also used for the permissions of a translation. */
#define DMA_ACC_READ		BIT(0)
#define DMA_ACC_WRITE		BIT(1)
#define DMA_ACC_EXEC		BIT(2)	/* instruction fetch (requests with PASID) */
#define DMA_ACC_PRIV		BIT(3)	/* supervisor request (requests with PASID) */

/**
 * struct dma_dev_fault - why a DMA did not complete
 * @reason: architectural fault reason of the IOMMU (0 when the IOMMU blocked
 *	the request without a reason, or when @mem_error is set)
 * @recorded: the IOMMU wrote a fault record (not suppressed, no overflow)
 * @mem_error: the translation succeeded but the output address is not RAM
 *	(the device saw a target abort)
 * @write: the failing request was a write
 * @source_id: requester id of the device (bus << 8 | devfn)
 * @pasid: PASID of the request, or %DMA_DEV_NO_PASID
 * @addr: input address (IOVA) of the failing page access
 */
struct dma_dev_fault {
	u16 reason;
	bool recorded;
	bool mem_error;
	bool write;
	u16 source_id;
	u32 pasid;
	u64 addr;
};

/**
 * struct dma_dev_xlate - a successful translation of one address
 * @pa: output (physical) address of the input address
 * @size: bytes from @pa to the end of the translated page
 * @perms: DMA_ACC_* the translation allows
 */
struct dma_dev_xlate {
	u64 pa;
	u64 size;
	unsigned int perms;
};

/**
 * struct dma_iommu_ops - what a device needs from its upstream IOMMU model
 * @name: model name for messages
 * @translate: translate @iova for a request of kind @access (DMA_ACC_*) by
 *	@source_id with @pasid (or %DMA_DEV_NO_PASID).  Returns 0 and fills
 *	@out, or a negative errno and fills @fault.
 */
struct dma_iommu_ops {
	const char *name;
	int (*translate)(void *iommu, u16 source_id, u32 pasid, u64 iova,
			 unsigned int access, struct dma_dev_xlate *out,
			 struct dma_dev_fault *fault);
};

/**
 * struct dma_dev - a DMA-capable test device
 * @name: for messages
 * @source_id: requester id (bus << 8 | devfn)
 * @ops: upstream IOMMU, or NULL for a device whose DMA is not remapped
 * @iommu: first argument of @ops->translate
 * @last_fault: the fault of the most recent failed transfer
 * @bytes_read: bytes read from memory so far
 * @bytes_written: bytes written to memory so far
 * @faults: failed transfers so far
 */
struct dma_dev {
	const char *name;
	u16 source_id;
	const struct dma_iommu_ops *ops;
	void *iommu;
	struct dma_dev_fault last_fault;
	u64 bytes_read;
	u64 bytes_written;
	unsigned long faults;
};

/**
 * dma_dev_init() - set up a test device
 * @dev: the device
 * @name: name for messages
 * @source_id: requester id
 * @ops: upstream IOMMU model, or NULL (DMA addresses are physical)
 * @iommu: the IOMMU model instance passed to @ops
 */
void dma_dev_init(struct dma_dev *dev, const char *name, u16 source_id,
		  const struct dma_iommu_ops *ops, void *iommu);

/**
 * dma_dev_access() - perform one DMA transfer
 * @dev: the device
 * @iova: input address
 * @buf: source (writes) or destination (reads)
 * @len: bytes
 * @pasid: PASID of the requests, or %DMA_DEV_NO_PASID
 * @access: DMA_ACC_READ or DMA_ACC_WRITE, optionally with DMA_ACC_PRIV
 *	(DMA_ACC_EXEC makes a read an instruction fetch)
 *
 * The transfer is split at page boundaries of the translations.  Pages
 * before a faulting page have been transferred, as on a real bus.
 *
 * Return: 0; -EFAULT if the IOMMU faulted; -EIO if a translated address is
 * not RAM; -EINVAL for a bad @access.  The fault is in @dev->last_fault.
 */
int dma_dev_access(struct dma_dev *dev, u64 iova, void *buf, size_t len, u32 pasid,
		   unsigned int access);

/**
 * dma_dev_read() - DMA read from memory into @buf
 * @dev: the device
 * @iova: input address
 * @buf: destination
 * @len: bytes
 * @pasid: PASID, or %DMA_DEV_NO_PASID
 *
 * Return: as dma_dev_access().
 */
int dma_dev_read(struct dma_dev *dev, u64 iova, void *buf, size_t len, u32 pasid);

/**
 * dma_dev_write() - DMA write of @buf to memory
 * @dev: the device
 * @iova: input address
 * @buf: source
 * @len: bytes
 * @pasid: PASID, or %DMA_DEV_NO_PASID
 *
 * Return: as dma_dev_access().
 */
int dma_dev_write(struct dma_dev *dev, u64 iova, const void *buf, size_t len, u32 pasid);

/**
 * dma_dev_last_fault() - the fault of the most recent failed transfer
 * @dev: the device
 *
 * Return: the fault record kept in @dev.
 */
static inline const struct dma_dev_fault *dma_dev_last_fault(const struct dma_dev *dev)
{
	return &dev->last_fault;
}

#endif /* _HOST_DMA_DEV_H */
