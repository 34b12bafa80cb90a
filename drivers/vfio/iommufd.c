// SPDX-License-Identifier: GPL-2.0
/*
 * VFIO and iommufd: how a bound file hands its device to iommufd, and the
 * helpers that drivers of physical devices plug into their
 * struct vfio_device_ops.
 */
#include <linux/err.h>
#include <linux/iommufd.h>
#include <linux/module.h>
#include <linux/vfio.h>

#include "vfio.h"

MODULE_IMPORT_NS(IOMMUFD);

/**
 * vfio_df_iommufd_bind() - bind a file's device to the file's iommufd
 * @df: the file, with @df->iommufd set
 *
 * Return: 0 and @df->devid set, or the error of the driver's bind.
 */
int vfio_df_iommufd_bind(struct vfio_device_file *df)
{
	struct vfio_device *vdev = df->device;

	lockdep_assert_held(&vdev->lock);

	return vdev->ops->bind_iommufd(vdev, df->iommufd, &df->devid);
}

/**
 * vfio_df_iommufd_unbind() - undo vfio_df_iommufd_bind()
 * @df: the file
 */
void vfio_df_iommufd_unbind(struct vfio_device_file *df)
{
	struct vfio_device *vdev = df->device;

	lockdep_assert_held(&vdev->lock);

	if (vdev->ops->unbind_iommufd)
		vdev->ops->unbind_iommufd(vdev);
}

/**
 * vfio_iommufd_physical_bind() - &vfio_device_ops.bind_iommufd of a
 *	physical device
 * @vdev: the device
 * @ictx: the iommufd context
 * @out_device_id: returns the device id inside @ictx
 *
 * iommufd claims the DMA of the device's IOMMU group: the group is blocked
 * from DMA until a device of it is attached.
 *
 * Return: 0, or the error of iommufd_device_bind(): -EPERM when another
 * iommufd owns the group's DMA, -EBUSY when a kernel driver uses it,
 * -EINVAL when the group must keep an identity mapping (RMRR), -ENODEV
 * without a group.
 */
int vfio_iommufd_physical_bind(struct vfio_device *vdev, struct iommufd_ctx *ictx,
			       u32 *out_device_id)
{
	struct iommufd_device *idev;

	idev = iommufd_device_bind(ictx, vdev->dev, out_device_id);
	if (IS_ERR(idev))
		return PTR_ERR(idev);
	vdev->iommufd_device = idev;
	return 0;
}
EXPORT_SYMBOL_GPL(vfio_iommufd_physical_bind);

/**
 * vfio_iommufd_physical_unbind() - &vfio_device_ops.unbind_iommufd of a
 *	physical device
 * @vdev: a bound device; it is detached first if attached
 */
void vfio_iommufd_physical_unbind(struct vfio_device *vdev)
{
	lockdep_assert_held(&vdev->lock);

	if (vdev->iommufd_attached) {
		iommufd_device_detach(vdev->iommufd_device);
		vdev->iommufd_attached = false;
	}
	iommufd_device_unbind(vdev->iommufd_device);
	vdev->iommufd_device = NULL;
}
EXPORT_SYMBOL_GPL(vfio_iommufd_physical_unbind);

/**
 * vfio_iommufd_physical_attach_ioas() - &vfio_device_ops.attach_ioas of a
 *	physical device
 * @vdev: a bound device
 * @pt_id: in: IOAS or HWPT id; out: the HWPT now in use
 *
 * A device that is attached already is moved with iommufd_device_replace().
 *
 * Return: 0, or the error of iommufd_device_attach()/replace().
 */
int vfio_iommufd_physical_attach_ioas(struct vfio_device *vdev, u32 *pt_id)
{
	int ret;

	lockdep_assert_held(&vdev->lock);

	if (WARN_ON(!vdev->iommufd_device))
		return -EINVAL;

	if (vdev->iommufd_attached)
		ret = iommufd_device_replace(vdev->iommufd_device, pt_id);
	else
		ret = iommufd_device_attach(vdev->iommufd_device, pt_id);
	if (ret)
		return ret;
	vdev->iommufd_attached = true;
	return 0;
}
EXPORT_SYMBOL_GPL(vfio_iommufd_physical_attach_ioas);

/**
 * vfio_iommufd_physical_detach_ioas() - &vfio_device_ops.detach_ioas of a
 *	physical device
 * @vdev: a bound device; nothing happens if it is not attached
 */
void vfio_iommufd_physical_detach_ioas(struct vfio_device *vdev)
{
	lockdep_assert_held(&vdev->lock);

	if (WARN_ON(!vdev->iommufd_device) || !vdev->iommufd_attached)
		return;
	iommufd_device_detach(vdev->iommufd_device);
	vdev->iommufd_attached = false;
}
EXPORT_SYMBOL_GPL(vfio_iommufd_physical_detach_ioas);
