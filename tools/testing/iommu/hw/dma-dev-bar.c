// SPDX-License-Identifier: GPL-2.0
/*
 * The register window of the DMA test device (its BAR0).
 *
 * The registers live in a little-endian byte image, so that accesses of
 * any width and alignment inside the register part behave alike; which
 * bytes software may change is decided per byte.  A write that touches the
 * doorbell starts a transfer after the other bytes of the same write have
 * landed, so one 64-bit write can set FLAGS and ring the doorbell.
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <host/dma-dev-bar.h>
#include <host/mmio.h>

/**
 * struct dma_dev_bar - the state behind one register window
 * @dev: the device that performs the transfers
 * @base: physical base of the window
 * @lock: serialises register accesses and transfers
 * @regs: the register part, as software reads it
 * @data: the device's buffer (the DATA window)
 */
struct dma_dev_bar {
	struct dma_dev *dev;
	phys_addr_t base;
	struct mutex lock;	/* see above */
	u8 regs[DMA_REG_SPACE];
	u8 data[DMA_REGS_DATA_SIZE];
};

/* Bytes of the register part that software may write */
static bool reg_byte_writable(unsigned int off)
{
	return off >= DMA_REG_IOVA && off < DMA_REG_DOORBELL;
}

static u32 reg32(struct dma_dev_bar *bar, unsigned int off)
{
	return get_unaligned_le32(&bar->regs[off]);
}

static void set_reg32(struct dma_dev_bar *bar, unsigned int off, u32 val)
{
	put_unaligned_le32(val, &bar->regs[off]);
}

static void set_reg64(struct dma_dev_bar *bar, unsigned int off, u64 val)
{
	put_unaligned_le64(val, &bar->regs[off]);
}

/* Run the transfer the registers describe and report its outcome. */
static void dma_bar_doorbell(struct dma_dev_bar *bar)
{
	u64 iova = get_unaligned_le64(&bar->regs[DMA_REG_IOVA]);
	u32 len = reg32(bar, DMA_REG_LEN);
	u32 flags = reg32(bar, DMA_REG_FLAGS);
	u32 pasid = reg32(bar, DMA_REG_PASID);
	struct dma_dev *dev = bar->dev;
	const struct dma_dev_fault *f;
	bool to_mem = flags & DMA_FLAG_TO_MEM;
	u64 before, moved;
	u32 status;
	int ret;

	lockdep_assert_held(&bar->lock);

	set_reg32(bar, DMA_REG_FAULT_REASON, 0);
	set_reg64(bar, DMA_REG_FAULT_ADDR, 0);
	set_reg32(bar, DMA_REG_FAULT_INFO, 0);
	set_reg32(bar, DMA_REG_XFER, 0);

	if (!len || len > DMA_REGS_DATA_SIZE || (flags & ~DMA_FLAGS_VALID) ||
	    ((flags & DMA_FLAG_PASID) && pasid > DMA_REGS_PASID_MAX)) {
		set_reg32(bar, DMA_REG_STATUS, DMA_STATUS_INVALID);
		return;
	}

	before = to_mem ? dev->bytes_written : dev->bytes_read;
	ret = dma_dev_access(dev, iova, bar->data, len,
			     (flags & DMA_FLAG_PASID) ? pasid : DMA_DEV_NO_PASID,
			     to_mem ? DMA_ACC_WRITE : DMA_ACC_READ);
	moved = (to_mem ? dev->bytes_written : dev->bytes_read) - before;
	set_reg32(bar, DMA_REG_XFER, (u32)moved);

	switch (ret) {
	case 0:
		status = DMA_STATUS_DONE;
		break;
	case -EFAULT:
	case -EIO:
		f = dma_dev_last_fault(dev);
		status = ret == -EIO ? DMA_STATUS_ABORT : DMA_STATUS_FAULT;
		set_reg32(bar, DMA_REG_FAULT_REASON, f->reason);
		set_reg64(bar, DMA_REG_FAULT_ADDR, f->addr);
		set_reg32(bar, DMA_REG_FAULT_INFO,
			  (f->recorded ? DMA_FAULT_INFO_RECORDED : 0) |
			  (f->write ? DMA_FAULT_INFO_WRITE : 0));
		break;
	default:
		status = DMA_STATUS_INVALID;
		break;
	}
	set_reg32(bar, DMA_REG_STATUS, status);
}

static u64 dma_bar_read(void *opaque, u64 offset, unsigned int size)
{
	struct dma_dev_bar *bar = opaque;
	u64 val = 0;
	unsigned int i;

	mutex_lock(&bar->lock);
	for (i = 0; i < size; i++) {
		u64 off = offset + i;
		u8 byte = 0;

		if (off < DMA_REG_SPACE)
			byte = bar->regs[off];
		else if (off >= DMA_REG_DATA && off < DMA_REG_DATA + DMA_REGS_DATA_SIZE)
			byte = bar->data[off - DMA_REG_DATA];
		val |= (u64)byte << (8 * i);
	}
	mutex_unlock(&bar->lock);
	return val;
}

static void dma_bar_write(void *opaque, u64 offset, u64 val, unsigned int size)
{
	struct dma_dev_bar *bar = opaque;
	bool ring = false;
	unsigned int i;

	mutex_lock(&bar->lock);
	for (i = 0; i < size; i++) {
		u64 off = offset + i;
		u8 byte = val >> (8 * i);

		if (off < DMA_REG_SPACE && reg_byte_writable(off))
			bar->regs[off] = byte;
		else if (off >= DMA_REG_DOORBELL && off < DMA_REG_DOORBELL + 4)
			ring = true;
		else if (off >= DMA_REG_DATA && off < DMA_REG_DATA + DMA_REGS_DATA_SIZE)
			bar->data[off - DMA_REG_DATA] = byte;
	}
	if (ring)
		dma_bar_doorbell(bar);
	mutex_unlock(&bar->lock);
}

static const struct host_mmio_ops dma_bar_ops = {
	.read = dma_bar_read,
	.write = dma_bar_write,
};

struct dma_dev_bar *dma_dev_bar_create(struct dma_dev *dev, phys_addr_t base)
{
	struct dma_dev_bar *bar;
	int ret;

	if (base & (DMA_REGS_BAR_SIZE - 1))
		return ERR_PTR(-EINVAL);
	bar = kzalloc(sizeof(*bar), GFP_KERNEL);
	if (!bar)
		return ERR_PTR(-ENOMEM);
	bar->dev = dev;
	bar->base = base;
	mutex_init(&bar->lock);
	set_reg32(bar, DMA_REG_ID, DMA_REGS_ID);
	set_reg32(bar, DMA_REG_VERSION, DMA_REGS_VERSION);
	set_reg32(bar, DMA_REG_STATUS, DMA_STATUS_IDLE);

	ret = host_mmio_register(base, DMA_REGS_BAR_SIZE, &dma_bar_ops, bar);
	if (ret) {
		kfree(bar);
		return ERR_PTR(ret);
	}
	return bar;
}

void dma_dev_bar_destroy(struct dma_dev_bar *bar)
{
	if (IS_ERR_OR_NULL(bar))
		return;
	host_mmio_unregister(bar->base);
	mutex_destroy(&bar->lock);
	kfree(bar);
}

phys_addr_t dma_dev_bar_base(const struct dma_dev_bar *bar)
{
	return bar->base;
}
