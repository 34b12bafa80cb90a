// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-pci: hands a PCI function to userspace.
 *
 * The driver binds only to functions whose driver_override names it, as
 * an administrator arranges on Linux; it does not use the DMA API, so
 * binding leaves the function's DMA to iommufd (driver_managed_dma).
 *
 * Regions sit at offset index << 40 of the device file:
 *  - 0-5, the BARs: memory BARs the function implements, accessed with
 *    the widest naturally aligned access that fits (8, 4, 2 or 1 bytes);
 *    an I/O or missing BAR has size 0;
 *  - 6, the expansion ROM: not implemented (size 0);
 *  - 7, configuration space: read-only here (Linux virtualises writes);
 *  - 8, VGA: absent, -EINVAL, as for a function without VGA.
 * No interrupts, no reset and no mmap of BARs are offered.
 */
#include <linux/err.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/unaligned.h>
#include <linux/vfio.h>

/* A region's place in the device file: its index in the top bits */
#define VFIO_PCI_REGION_SHIFT	40
#define VFIO_PCI_REGION_BASE(idx)	((u64)(idx) << VFIO_PCI_REGION_SHIFT)
#define VFIO_PCI_REGION_POS_MASK	(VFIO_PCI_REGION_BASE(1) - 1)

/**
 * struct vfio_pci_fn - a PCI function offered through VFIO
 * @core: the VFIO device; must be first
 * @pdev: the function
 * @bar_io: the mapping of each BAR used so far, or NULL
 */
struct vfio_pci_fn {
	struct vfio_device core;
	struct pci_dev *pdev;
	void __iomem *bar_io[PCI_STD_NUM_BARS];
};

static struct vfio_pci_fn *core_to_fn(struct vfio_device *core)
{
	return container_of(core, struct vfio_pci_fn, core);
}

/*
 * Size and access flags of region @idx; -EINVAL for a region this
 * function cannot have at all.  A region of size 0 exists but is empty.
 */
static int vfio_pci_describe(struct pci_dev *pdev, u32 idx, u64 *size, u32 *flags)
{
	const u32 rw = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;

	*size = 0;
	*flags = 0;
	if (idx <= VFIO_PCI_BAR5_REGION_INDEX) {
		if (pci_resource_start(pdev, idx) &&
		    (pci_resource_flags(pdev, idx) & IORESOURCE_MEM)) {
			*size = pci_resource_len(pdev, idx);
			*flags = *size ? rw : 0;
		}
		return 0;
	}
	if (idx == VFIO_PCI_ROM_REGION_INDEX)
		return 0;
	if (idx == VFIO_PCI_CONFIG_REGION_INDEX) {
		*size = pdev->cfg_size;
		*flags = VFIO_REGION_INFO_FLAG_READ;
		return 0;
	}
	return -EINVAL;
}

/* Map BAR @bar into *@io on first use; the mapping is kept until close */
static int vfio_pci_bar_map(struct vfio_pci_fn *fn, int bar, void __iomem **io)
{
	struct pci_dev *pdev = fn->pdev;
	resource_size_t base = pci_resource_start(pdev, bar);
	resource_size_t len = pci_resource_len(pdev, bar);
	int err = 0;

	mutex_lock(&fn->core.state_lock);
	if (fn->bar_io[bar])
		goto out;
	if (!request_mem_region(base, len, "vfio-pci")) {
		err = -EBUSY;
		goto out;
	}
	fn->bar_io[bar] = ioremap(base, len);
	if (!fn->bar_io[bar]) {
		release_mem_region(base, len);
		err = -ENOMEM;
	}
out:
	*io = fn->bar_io[bar];
	mutex_unlock(&fn->core.state_lock);
	return err;
}

static void vfio_pci_bar_unmap_all(struct vfio_pci_fn *fn)
{
	int bar;

	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		if (!fn->bar_io[bar])
			continue;
		iounmap(fn->bar_io[bar]);
		release_mem_region(pci_resource_start(fn->pdev, bar),
				   pci_resource_len(fn->pdev, bar));
		fn->bar_io[bar] = NULL;
	}
}

/* The widest naturally aligned access at @pos that fits in @left bytes */
static size_t vfio_pci_step(loff_t pos, size_t left, size_t widest)
{
	size_t w;

	for (w = widest; w > 1; w /= 2)
		if (left >= w && !(pos & (w - 1)))
			break;
	return w;
}

/* One BAR access of @w bytes at @io, between device and the byte image */
static void vfio_pci_mmio(void __iomem *io, u8 *img, size_t w, bool store)
{
	if (store) {
		if (w == 8)
			writeq(get_unaligned_le64(img), io);
		else if (w == 4)
			writel(get_unaligned_le32(img), io);
		else if (w == 2)
			writew(get_unaligned_le16(img), io);
		else
			writeb(*img, io);
	} else {
		if (w == 8)
			put_unaligned_le64(readq(io), img);
		else if (w == 4)
			put_unaligned_le32(readl(io), img);
		else if (w == 2)
			put_unaligned_le16(readw(io), img);
		else
			*img = readb(io);
	}
}

/* One configuration read of @w bytes into the byte image */
static int vfio_pci_cfg_load(struct pci_dev *pdev, loff_t pos, u8 *img, size_t w)
{
	u32 dword;
	u16 word;
	int err;

	if (w == 4) {
		err = pci_read_config_dword(pdev, pos, &dword);
		put_unaligned_le32(dword, img);
	} else if (w == 2) {
		err = pci_read_config_word(pdev, pos, &word);
		put_unaligned_le16(word, img);
	} else {
		err = pci_read_config_byte(pdev, pos, img);
	}
	return err ? -EIO : 0;
}

/*
 * Move @len bytes between the user buffer and region @idx at @pos, which
 * lies inside the region (of @size bytes); stops at the region's end.
 */
static ssize_t vfio_pci_region_rw(struct vfio_pci_fn *fn, u32 idx, u64 size,
				  char __user *ubuf, size_t len, loff_t pos, bool store)
{
	void __iomem *io = NULL;
	ssize_t moved = 0;
	u8 img[8];

	if (idx <= VFIO_PCI_BAR5_REGION_INDEX) {
		int err = vfio_pci_bar_map(fn, idx, &io);

		if (err)
			return err;
	} else if (store) {
		/* Configuration space is read-only here */
		return -EINVAL;
	}

	len = min_t(u64, len, size - pos);
	while (len) {
		size_t w = vfio_pci_step(pos, len, io ? 8 : 4);
		int err = 0;

		if (store && copy_from_user(img, ubuf, w))
			return -EFAULT;
		if (io)
			vfio_pci_mmio(io + pos, img, w, store);
		else
			err = vfio_pci_cfg_load(fn->pdev, pos, img, w);
		if (err)
			return moved ? moved : err;
		if (!store && copy_to_user(ubuf, img, w))
			return -EFAULT;
		ubuf += w;
		pos += w;
		len -= w;
		moved += w;
	}
	return moved;
}

static ssize_t vfio_pci_file_rw(struct vfio_device *core, char __user *ubuf, size_t len,
				loff_t *ppos, bool store)
{
	u32 idx = *ppos >> VFIO_PCI_REGION_SHIFT;
	loff_t pos = *ppos & VFIO_PCI_REGION_POS_MASK;
	struct vfio_pci_fn *fn = core_to_fn(core);
	ssize_t moved;
	u32 flags;
	u64 size;

	if (!len)
		return 0;
	if (idx >= VFIO_PCI_NUM_REGIONS ||
	    vfio_pci_describe(fn->pdev, idx, &size, &flags) || pos >= size)
		return -EINVAL;
	moved = vfio_pci_region_rw(fn, idx, size, ubuf, len, pos, store);
	if (moved > 0)
		*ppos += moved;
	return moved;
}

static ssize_t vfio_pci_read(struct vfio_device *core, char __user *ubuf, size_t len,
			     loff_t *ppos)
{
	return vfio_pci_file_rw(core, ubuf, len, ppos, false);
}

static ssize_t vfio_pci_write(struct vfio_device *core, const char __user *ubuf,
			      size_t len, loff_t *ppos)
{
	return vfio_pci_file_rw(core, (char __user *)ubuf, len, ppos, true);
}

/* VFIO_DEVICE_GET_INFO: a PCI function with the standard regions and IRQs */
static long vfio_pci_device_info(void __user *uarg)
{
	const size_t fixed = offsetofend(struct vfio_device_info, num_irqs);
	struct vfio_device_info reply = {
		.flags = VFIO_DEVICE_FLAGS_PCI,
		.num_regions = VFIO_PCI_NUM_REGIONS,
		.num_irqs = VFIO_PCI_NUM_IRQS,
	};
	struct vfio_device_info req;

	if (copy_from_user(&req, uarg, fixed))
		return -EFAULT;
	if (req.argsz < fixed)
		return -EINVAL;
	reply.argsz = req.argsz;
	/* A caller that knows a shorter structure gets just that much */
	if (copy_to_user(uarg, &reply, min_t(size_t, req.argsz, sizeof(reply))))
		return -EFAULT;
	return 0;
}

/* VFIO_DEVICE_GET_REGION_INFO */
static long vfio_pci_region_info(struct vfio_pci_fn *fn, void __user *uarg)
{
	const size_t fixed = offsetofend(struct vfio_region_info, offset);
	struct vfio_region_info reply;
	u32 flags;
	u64 size;
	int err;

	if (copy_from_user(&reply, uarg, fixed))
		return -EFAULT;
	if (reply.argsz < fixed)
		return -EINVAL;
	err = vfio_pci_describe(fn->pdev, reply.index, &size, &flags);
	if (err)
		return err;
	reply.size = size;
	reply.flags = flags;
	reply.offset = VFIO_PCI_REGION_BASE(reply.index);
	reply.cap_offset = 0;
	return copy_to_user(uarg, &reply, fixed) ? -EFAULT : 0;
}

static long vfio_pci_ioctl(struct vfio_device *core, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	if (cmd == VFIO_DEVICE_GET_INFO)
		return vfio_pci_device_info(uarg);
	if (cmd == VFIO_DEVICE_GET_REGION_INFO)
		return vfio_pci_region_info(core_to_fn(core), uarg);
	return -ENOTTY;
}

static int vfio_pci_open(struct vfio_device *core)
{
	return pci_enable_device(core_to_fn(core)->pdev);
}

static void vfio_pci_close(struct vfio_device *core)
{
	struct vfio_pci_fn *fn = core_to_fn(core);

	vfio_pci_bar_unmap_all(fn);
	pci_disable_device(fn->pdev);
}

static const struct vfio_device_ops vfio_pci_fn_ops = {
	.name		= "vfio-pci",
	.open_device	= vfio_pci_open,
	.close_device	= vfio_pci_close,
	.ioctl		= vfio_pci_ioctl,
	.read		= vfio_pci_read,
	.write		= vfio_pci_write,
	.bind_iommufd	= vfio_iommufd_physical_bind,
	.attach_ioas	= vfio_iommufd_physical_attach_ioas,
	.detach_ioas	= vfio_iommufd_physical_detach_ioas,
	.unbind_iommufd	= vfio_iommufd_physical_unbind,
};

static int vfio_pci_bind_fn(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct vfio_pci_fn *fn;
	int err;

	/* A bridge stays with the kernel: the buses behind it depend on it */
	if (pdev->hdr_type != PCI_HEADER_TYPE_NORMAL)
		return -EINVAL;

	fn = vfio_alloc_device(vfio_pci_fn, core, &pdev->dev, &vfio_pci_fn_ops);
	if (IS_ERR(fn))
		return PTR_ERR(fn);
	fn->pdev = pdev;
	dev_set_drvdata(&pdev->dev, fn);

	err = vfio_register_group_dev(&fn->core);
	if (err) {
		dev_set_drvdata(&pdev->dev, NULL);
		vfio_put_device(&fn->core);
	}
	return err;
}

static void vfio_pci_unbind_fn(struct pci_dev *pdev)
{
	struct vfio_pci_fn *fn = dev_get_drvdata(&pdev->dev);

	vfio_unregister_group_dev(&fn->core);
	dev_set_drvdata(&pdev->dev, NULL);
	vfio_put_device(&fn->core);
}

/* Every function, but only through driver_override */
static const struct pci_device_id vfio_pci_ids[] = {
	{ PCI_DRIVER_OVERRIDE_DEVICE_VFIO(PCI_ANY_ID, PCI_ANY_ID) },
	{ /* end */ }
};

static struct pci_driver vfio_pci_fn_driver = {
	.name			= "vfio-pci",
	.driver_managed_dma	= true,
	.probe			= vfio_pci_bind_fn,
	.remove			= vfio_pci_unbind_fn,
	.id_table		= vfio_pci_ids,
};

module_pci_driver(vfio_pci_fn_driver);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("VFIO driver for PCI functions");
