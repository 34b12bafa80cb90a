// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-pci: hands a PCI function to userspace.
 *
 * The driver binds only to functions whose driver_override names it, as
 * an administrator arranges on Linux; it does not use the DMA API, so
 * binding leaves the function's DMA to iommufd (driver_managed_dma).
 *
 * Regions, at offset index << VFIO_PCI_OFFSET_SHIFT of the device file:
 *  - BAR0-BAR5: the memory BARs the function implements, read and written
 *    with accesses of the natural width (8, 4, 2 or 1 bytes by alignment);
 *  - ROM: not implemented (size 0);
 *  - configuration space: read-only here (Linux virtualises writes);
 *  - VGA: not implemented (-EINVAL, as for a function without VGA).
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

#define VFIO_PCI_OFFSET_SHIFT		40
#define VFIO_PCI_OFFSET_TO_INDEX(off)	((off) >> VFIO_PCI_OFFSET_SHIFT)
#define VFIO_PCI_INDEX_TO_OFFSET(index)	((u64)(index) << VFIO_PCI_OFFSET_SHIFT)
#define VFIO_PCI_OFFSET_MASK		(((u64)1 << VFIO_PCI_OFFSET_SHIFT) - 1)

/**
 * struct vfio_pci_device - a PCI function offered through VFIO
 * @vdev: the VFIO device; must be first
 * @pdev: the function
 * @barmap: the BARs mapped so far, or NULL
 * @bar_claimed: the BAR's range is claimed in the iomem tree
 */
struct vfio_pci_device {
	struct vfio_device vdev;
	struct pci_dev *pdev;
	void __iomem *barmap[PCI_STD_NUM_BARS];
	bool bar_claimed[PCI_STD_NUM_BARS];
};

static struct vfio_pci_device *to_vfio_pci(struct vfio_device *vdev)
{
	return container_of(vdev, struct vfio_pci_device, vdev);
}

/* A BAR userspace may reach: implemented, in memory space */
static bool vfio_pci_bar_usable(struct pci_dev *pdev, int bar)
{
	return pci_resource_start(pdev, bar) && pci_resource_len(pdev, bar) &&
	       (pci_resource_flags(pdev, bar) & IORESOURCE_MEM);
}

static int vfio_pci_setup_barmap(struct vfio_pci_device *vpdev, int bar)
{
	struct pci_dev *pdev = vpdev->pdev;
	resource_size_t start = pci_resource_start(pdev, bar);
	resource_size_t len = pci_resource_len(pdev, bar);
	void __iomem *io;

	lockdep_assert_held(&vpdev->vdev.lock);

	if (vpdev->barmap[bar])
		return 0;
	if (!request_mem_region(start, len, "vfio"))
		return -EBUSY;
	io = ioremap(start, len);
	if (!io) {
		release_mem_region(start, len);
		return -ENOMEM;
	}
	vpdev->bar_claimed[bar] = true;
	vpdev->barmap[bar] = io;
	return 0;
}

static void vfio_pci_release_barmaps(struct vfio_pci_device *vpdev)
{
	struct pci_dev *pdev = vpdev->pdev;
	int bar;

	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		if (!vpdev->barmap[bar])
			continue;
		iounmap(vpdev->barmap[bar]);
		vpdev->barmap[bar] = NULL;
		if (vpdev->bar_claimed[bar])
			release_mem_region(pci_resource_start(pdev, bar),
					   pci_resource_len(pdev, bar));
		vpdev->bar_claimed[bar] = false;
	}
}

static int vfio_pci_open_device(struct vfio_device *vdev)
{
	return pci_enable_device(to_vfio_pci(vdev)->pdev);
}

static void vfio_pci_close_device(struct vfio_device *vdev)
{
	struct vfio_pci_device *vpdev = to_vfio_pci(vdev);

	vfio_pci_release_barmaps(vpdev);
	pci_disable_device(vpdev->pdev);
}

static long vfio_pci_ioctl_get_info(struct vfio_pci_device *vpdev,
				    struct vfio_device_info __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_device_info, num_irqs);
	struct vfio_device_info info = {};

	if (copy_from_user(&info, arg, minsz))
		return -EFAULT;
	if (info.argsz < minsz)
		return -EINVAL;

	info.flags = VFIO_DEVICE_FLAGS_PCI;
	info.num_regions = VFIO_PCI_NUM_REGIONS;
	info.num_irqs = VFIO_PCI_NUM_IRQS;
	info.cap_offset = 0;

	/* Older callers know a shorter structure: fill what they gave */
	minsz = min_t(unsigned long, info.argsz, sizeof(info));
	return copy_to_user(arg, &info, minsz) ? -EFAULT : 0;
}

static long vfio_pci_ioctl_get_region_info(struct vfio_pci_device *vpdev,
					   struct vfio_region_info __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_region_info, offset);
	struct pci_dev *pdev = vpdev->pdev;
	struct vfio_region_info info;

	if (copy_from_user(&info, arg, minsz))
		return -EFAULT;
	if (info.argsz < minsz)
		return -EINVAL;

	switch (info.index) {
	case VFIO_PCI_BAR0_REGION_INDEX ... VFIO_PCI_BAR5_REGION_INDEX:
		info.offset = VFIO_PCI_INDEX_TO_OFFSET(info.index);
		if (vfio_pci_bar_usable(pdev, info.index)) {
			info.size = pci_resource_len(pdev, info.index);
			info.flags = VFIO_REGION_INFO_FLAG_READ |
				     VFIO_REGION_INFO_FLAG_WRITE;
		} else {
			info.size = 0;
			info.flags = 0;
		}
		break;
	case VFIO_PCI_ROM_REGION_INDEX:
		info.offset = VFIO_PCI_INDEX_TO_OFFSET(info.index);
		info.size = 0;
		info.flags = 0;
		break;
	case VFIO_PCI_CONFIG_REGION_INDEX:
		info.offset = VFIO_PCI_INDEX_TO_OFFSET(info.index);
		info.size = pdev->cfg_size;
		info.flags = VFIO_REGION_INFO_FLAG_READ;
		break;
	default:
		/* No VGA, and no device-specific regions */
		return -EINVAL;
	}
	info.cap_offset = 0;
	return copy_to_user(arg, &info, minsz) ? -EFAULT : 0;
}

static long vfio_pci_ioctl(struct vfio_device *vdev, unsigned int cmd,
			   unsigned long arg)
{
	struct vfio_pci_device *vpdev = to_vfio_pci(vdev);
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case VFIO_DEVICE_GET_INFO:
		return vfio_pci_ioctl_get_info(vpdev, uarg);
	case VFIO_DEVICE_GET_REGION_INFO:
		return vfio_pci_ioctl_get_region_info(vpdev, uarg);
	default:
		return -ENOTTY;
	}
}

/* Configuration space, read in naturally aligned pieces of up to 4 bytes */
static ssize_t vfio_pci_config_read(struct vfio_pci_device *vpdev, char __user *buf,
				    size_t count, loff_t pos)
{
	struct pci_dev *pdev = vpdev->pdev;
	ssize_t done = 0;

	if (pos >= pdev->cfg_size)
		return -EINVAL;
	count = min_t(size_t, count, pdev->cfg_size - pos);

	while (count) {
		size_t width;
		u8 bytes[4];
		u32 v32;
		u16 v16;
		u8 v8;
		int ret;

		if (count >= 4 && !(pos % 4)) {
			width = 4;
			ret = pci_read_config_dword(pdev, pos, &v32);
			put_unaligned_le32(v32, bytes);
		} else if (count >= 2 && !(pos % 2)) {
			width = 2;
			ret = pci_read_config_word(pdev, pos, &v16);
			put_unaligned_le16(v16, bytes);
		} else {
			width = 1;
			ret = pci_read_config_byte(pdev, pos, &v8);
			bytes[0] = v8;
		}
		if (ret)
			return done ? done : -EIO;
		if (copy_to_user(buf, bytes, width))
			return -EFAULT;
		buf += width;
		pos += width;
		count -= width;
		done += width;
	}
	return done;
}

/* One access of @width bytes at @off of a mapped BAR, to or from @buf */
static int vfio_pci_bar_access(void __iomem *io, loff_t off, char __user *buf,
			       size_t width, bool write)
{
	u8 bytes[8];

	if (write) {
		if (copy_from_user(bytes, buf, width))
			return -EFAULT;
		switch (width) {
		case 8:
			iowrite64(get_unaligned_le64(bytes), io + off);
			break;
		case 4:
			iowrite32(get_unaligned_le32(bytes), io + off);
			break;
		case 2:
			iowrite16(get_unaligned_le16(bytes), io + off);
			break;
		default:
			iowrite8(bytes[0], io + off);
			break;
		}
		return 0;
	}

	switch (width) {
	case 8:
		put_unaligned_le64(ioread64(io + off), bytes);
		break;
	case 4:
		put_unaligned_le32(ioread32(io + off), bytes);
		break;
	case 2:
		put_unaligned_le16(ioread16(io + off), bytes);
		break;
	default:
		bytes[0] = ioread8(io + off);
		break;
	}
	return copy_to_user(buf, bytes, width) ? -EFAULT : 0;
}

static ssize_t vfio_pci_bar_rw(struct vfio_pci_device *vpdev, int bar,
			       char __user *buf, size_t count, loff_t pos, bool write)
{
	struct pci_dev *pdev = vpdev->pdev;
	resource_size_t end;
	ssize_t done = 0;
	int ret;

	if (!vfio_pci_bar_usable(pdev, bar))
		return -EINVAL;
	end = pci_resource_len(pdev, bar);
	if (pos >= end)
		return -EINVAL;
	count = min_t(size_t, count, end - pos);

	mutex_lock(&vpdev->vdev.lock);
	ret = vfio_pci_setup_barmap(vpdev, bar);
	mutex_unlock(&vpdev->vdev.lock);
	if (ret)
		return ret;

	while (count) {
		size_t width;

		if (count >= 8 && !(pos % 8))
			width = 8;
		else if (count >= 4 && !(pos % 4))
			width = 4;
		else if (count >= 2 && !(pos % 2))
			width = 2;
		else
			width = 1;
		ret = vfio_pci_bar_access(vpdev->barmap[bar], pos, buf, width, write);
		if (ret)
			return ret;
		buf += width;
		pos += width;
		count -= width;
		done += width;
	}
	return done;
}

static ssize_t vfio_pci_rw(struct vfio_pci_device *vpdev, char __user *buf,
			   size_t count, loff_t *ppos, bool write)
{
	unsigned int index = VFIO_PCI_OFFSET_TO_INDEX(*ppos);
	loff_t pos = *ppos & VFIO_PCI_OFFSET_MASK;
	ssize_t done;

	if (*ppos < 0 || index >= VFIO_PCI_NUM_REGIONS)
		return -EINVAL;

	switch (index) {
	case VFIO_PCI_BAR0_REGION_INDEX ... VFIO_PCI_BAR5_REGION_INDEX:
		done = vfio_pci_bar_rw(vpdev, index, buf, count, pos, write);
		break;
	case VFIO_PCI_CONFIG_REGION_INDEX:
		done = write ? -EINVAL : vfio_pci_config_read(vpdev, buf, count, pos);
		break;
	default:
		/* ROM (not implemented) and VGA (not present) */
		done = -EINVAL;
		break;
	}
	if (done > 0)
		*ppos += done;
	return done;
}

static ssize_t vfio_pci_read(struct vfio_device *vdev, char __user *buf,
			     size_t count, loff_t *ppos)
{
	if (!count)
		return 0;
	return vfio_pci_rw(to_vfio_pci(vdev), buf, count, ppos, false);
}

static ssize_t vfio_pci_write(struct vfio_device *vdev, const char __user *buf,
			      size_t count, loff_t *ppos)
{
	if (!count)
		return 0;
	return vfio_pci_rw(to_vfio_pci(vdev), (char __user *)buf, count, ppos, true);
}

static const struct vfio_device_ops vfio_pci_ops = {
	.name		= "vfio-pci",
	.bind_iommufd	= vfio_iommufd_physical_bind,
	.unbind_iommufd	= vfio_iommufd_physical_unbind,
	.attach_ioas	= vfio_iommufd_physical_attach_ioas,
	.detach_ioas	= vfio_iommufd_physical_detach_ioas,
	.open_device	= vfio_pci_open_device,
	.close_device	= vfio_pci_close_device,
	.read		= vfio_pci_read,
	.write		= vfio_pci_write,
	.ioctl		= vfio_pci_ioctl,
};

static int vfio_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct vfio_pci_device *vpdev;
	int ret;

	/* Bridges stay with the kernel: their secondary buses depend on them */
	if (pdev->hdr_type != PCI_HEADER_TYPE_NORMAL)
		return -EINVAL;

	vpdev = vfio_alloc_device(vfio_pci_device, vdev, &pdev->dev, &vfio_pci_ops);
	if (IS_ERR(vpdev))
		return PTR_ERR(vpdev);
	vpdev->pdev = pdev;

	ret = vfio_register_group_dev(&vpdev->vdev);
	if (ret) {
		vfio_put_device(&vpdev->vdev);
		return ret;
	}
	dev_set_drvdata(&pdev->dev, vpdev);
	return 0;
}

static void vfio_pci_remove(struct pci_dev *pdev)
{
	struct vfio_pci_device *vpdev = dev_get_drvdata(&pdev->dev);

	vfio_unregister_group_dev(&vpdev->vdev);
	vfio_put_device(&vpdev->vdev);
}

static const struct pci_device_id vfio_pci_table[] = {
	/* Any function, but only through driver_override */
	{ PCI_DRIVER_OVERRIDE_DEVICE_VFIO(PCI_ANY_ID, PCI_ANY_ID) },
	{}
};

static struct pci_driver vfio_pci_driver = {
	.name			= "vfio-pci",
	.id_table		= vfio_pci_table,
	.probe			= vfio_pci_probe,
	.remove			= vfio_pci_remove,
	.driver_managed_dma	= true,
};

module_pci_driver(vfio_pci_driver);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("VFIO driver for PCI functions");
