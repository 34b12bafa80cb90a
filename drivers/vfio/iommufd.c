// SPDX-License-Identifier: GPL-2.0
/*
 * The iommufd side of a physical VFIO device: the helpers a driver of a
 * real device (one in an IOMMU group, such as a PCI function) puts in its
 * struct vfio_device_ops.  They all run under the device's state_lock,
 * which the VFIO core holds around every bind, attach and detach.
 */
#include <linux/err.h>
#include <linux/iommufd.h>
#include <linux/module.h>
#include <linux/vfio.h>

MODULE_IMPORT_NS(IOMMUFD);

/* Take the device off the page table it uses, if any */
static void vfio_phys_leave_pt(struct vfio_device *core)
{
	if (!core->idev_attached)
		return;
	core->idev_attached = false;
	iommufd_device_detach(core->idev);
}

/**
 * vfio_iommufd_physical_bind() - &vfio_device_ops.bind_iommufd of a
 *	physical device
 * @core: the device
 * @ctx: the iommufd context
 * @devid: returns the device id inside @ctx
 *
 * iommufd claims the DMA of the device's IOMMU group: the group is blocked
 * from DMA until a device of it is attached.
 *
 * Return: 0, or the error of iommufd_device_bind(): -EPERM when another
 * iommufd owns the group's DMA, -EBUSY when a kernel driver uses it,
 * -EINVAL when the group must keep an identity mapping (RMRR), -ENODEV
 * without a group.
 */
int vfio_iommufd_physical_bind(struct vfio_device *core, struct iommufd_ctx *ctx,
			       u32 *devid)
{
	struct iommufd_device *bound;

	lockdep_assert_held(&core->state_lock);

	bound = iommufd_device_bind(ctx, core->dev, devid);
	if (IS_ERR(bound))
		return PTR_ERR(bound);
	core->idev = bound;
	core->idev_attached = false;
	return 0;
}
EXPORT_SYMBOL_GPL(vfio_iommufd_physical_bind);

/**
 * vfio_iommufd_physical_unbind() - &vfio_device_ops.unbind_iommufd of a
 *	physical device
 * @core: a bound device; it is detached first if attached
 */
void vfio_iommufd_physical_unbind(struct vfio_device *core)
{
	struct iommufd_device *bound = core->idev;

	lockdep_assert_held(&core->state_lock);

	vfio_phys_leave_pt(core);
	core->idev = NULL;
	iommufd_device_unbind(bound);
}
EXPORT_SYMBOL_GPL(vfio_iommufd_physical_unbind);

/**
 * vfio_iommufd_physical_attach_ioas() - &vfio_device_ops.attach_ioas of a
 *	physical device
 * @core: a bound device
 * @pt_id: in: IOAS or HWPT id; out: the HWPT now in use
 *
 * The first attach uses iommufd_device_attach(); on an attached device the
 * page table is swapped with iommufd_device_replace(), without a window in
 * which DMA is blocked.
 *
 * Return: 0, or the error of iommufd_device_attach()/replace().
 */
int vfio_iommufd_physical_attach_ioas(struct vfio_device *core, u32 *pt_id)
{
	int (*change_pt)(struct iommufd_device *idev, u32 *pt_id);
	int err;

	lockdep_assert_held(&core->state_lock);

	if (WARN_ON(!core->idev))
		return -EINVAL;
	change_pt = core->idev_attached ? iommufd_device_replace : iommufd_device_attach;
	err = change_pt(core->idev, pt_id);
	if (!err)
		core->idev_attached = true;
	return err;
}
EXPORT_SYMBOL_GPL(vfio_iommufd_physical_attach_ioas);

/**
 * vfio_iommufd_physical_detach_ioas() - &vfio_device_ops.detach_ioas of a
 *	physical device
 * @core: a bound device; nothing happens if it is not attached
 */
void vfio_iommufd_physical_detach_ioas(struct vfio_device *core)
{
	lockdep_assert_held(&core->state_lock);

	if (!WARN_ON(!core->idev))
		vfio_phys_leave_pt(core);
}
EXPORT_SYMBOL_GPL(vfio_iommufd_physical_detach_ioas);
