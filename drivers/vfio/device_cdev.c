// SPDX-License-Identifier: GPL-2.0
/*
 * What an open /dev/vfio/devices/vfioN does: bind the device to an
 * iommufd, attach it to an IOAS or HWPT there, detach it, and undo the
 * binding when the file is closed.
 *
 * Errnos are those of Linux.  The three commands read a fixed part that
 * starts with argsz and flags: an unreadable fixed part is -EFAULT, an
 * argsz below it or a flag set is -EINVAL (so is a negative iommufd).
 * A file binds once, and a device is bound through one file at a time:
 * anything else is -EINVAL.  What iommufd says is passed on unchanged:
 * -EBADF and -EBADFD for a descriptor that is not open or not an iommufd,
 * -EPERM when another iommufd owns the DMA of the group, -EINVAL for a
 * group attached to another page table, -ENOENT for an unknown id.
 */
#include <linux/err.h>
#include <linux/iommufd.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vfio.h>

#include "vfio.h"

/* The fixed part of a command's argument: everything up to @last */
#define VFIO_CDEV_MIN(type, last)	offsetofend(type, last)

/**
 * struct vfio_cdev_hdr - how every cdev command's argument begins
 * @argsz: bytes userspace provides
 * @flags: must be zero for the commands handled here
 */
struct vfio_cdev_hdr {
	u32 argsz;
	u32 flags;
};

/* Copy in the fixed part of an argument and check its header */
static int vfio_cdev_fetch(void *karg, const void __user *uarg, size_t fixed)
{
	const struct vfio_cdev_hdr *hdr = karg;

	if (copy_from_user(karg, uarg, fixed))
		return -EFAULT;
	return hdr->argsz < fixed || hdr->flags ? -EINVAL : 0;
}

/**
 * vfio_cdev_open() - open() of a device node
 * @inode: the node's inode
 * @file: the new file; its private_data is the node's miscdevice
 *
 * Return: 0, -ENODEV if the device is being unregistered, -ENOMEM.
 */
int vfio_cdev_open(struct inode *inode, struct file *file)
{
	struct vfio_device *vdev = container_of(file->private_data,
						struct vfio_device, node);
	struct vfio_cdev_file *cf;

	if (!vfio_device_get_user(vdev))
		return -ENODEV;
	cf = kzalloc(sizeof(*cf), GFP_KERNEL_ACCOUNT);
	if (!cf) {
		vfio_device_put_user(vdev);
		return -ENOMEM;
	}
	cf->vdev = vdev;
	file->private_data = cf;
	return 0;
}

/*
 * Make @cf the holder of its device: pin the driver, bind the device to
 * @ictx and let the driver prepare it.  Undone by vfio_cdev_give_up().
 */
static int vfio_cdev_take(struct vfio_cdev_file *cf, struct iommufd_ctx *ictx)
{
	struct vfio_device *vdev = cf->vdev;
	struct module *drv_owner = vdev->dev->driver->owner;
	int err;

	lockdep_assert_held(&vdev->state_lock);

	if (vdev->holder)
		return -EINVAL;
	if (!try_module_get(drv_owner))
		return -ENODEV;

	err = vdev->ops->bind_iommufd(vdev, ictx, &cf->devid);
	if (err)
		goto drop_module;
	if (vdev->ops->open_device) {
		err = vdev->ops->open_device(vdev);
		if (err)
			goto unbind;
	}
	vdev->holder = cf;
	return 0;

unbind:
	if (vdev->ops->unbind_iommufd)
		vdev->ops->unbind_iommufd(vdev);
drop_module:
	module_put(drv_owner);
	return err;
}

static void vfio_cdev_give_up(struct vfio_cdev_file *cf)
{
	struct vfio_device *vdev = cf->vdev;

	lockdep_assert_held(&vdev->state_lock);

	if (WARN_ON(vdev->holder != cf))
		return;
	vdev->holder = NULL;
	if (vdev->ops->close_device)
		vdev->ops->close_device(vdev);
	if (vdev->ops->unbind_iommufd)
		vdev->ops->unbind_iommufd(vdev);
	module_put(vdev->dev->driver->owner);
}

/**
 * vfio_cdev_bind() - VFIO_DEVICE_BIND_IOMMUFD
 * @cf: the file
 * @uarg: the user's struct vfio_device_bind_iommufd
 *
 * Binds the device to the iommufd named by the argument's iommufd field,
 * which claims the DMA of the device's whole IOMMU group for it, and
 * reports the device id.  The file holds a reference on the iommufd until
 * it is closed.
 *
 * Return: 0, or a negative errno (see the top of this file).
 */
long vfio_cdev_bind(struct vfio_cdev_file *cf, void __user *uarg)
{
	struct vfio_device_bind_iommufd __user *ubind = uarg;
	struct vfio_device_bind_iommufd req;
	struct vfio_device *vdev = cf->vdev;
	struct iommufd_ctx *ictx;
	long err;

	err = vfio_cdev_fetch(&req, uarg,
			      VFIO_CDEV_MIN(struct vfio_device_bind_iommufd, out_devid));
	if (err)
		return err;
	if (req.iommufd < 0)
		return -EINVAL;

	mutex_lock(&vdev->state_lock);
	if (cf->granted) {
		err = -EINVAL;
		goto unlock;
	}
	ictx = iommufd_ctx_from_fd(req.iommufd);
	if (IS_ERR(ictx)) {
		err = PTR_ERR(ictx);
		goto unlock;
	}
	err = vfio_cdev_take(cf, ictx);
	if (err)
		goto put_ictx;
	if (put_user(cf->devid, &ubind->out_devid)) {
		vfio_cdev_give_up(cf);
		err = -EFAULT;
		goto put_ictx;
	}
	cf->ictx = ictx;
	/* From here on the other file operations reach the driver */
	smp_store_release(&cf->granted, true);
	mutex_unlock(&vdev->state_lock);
	return 0;

put_ictx:
	iommufd_ctx_put(ictx);
unlock:
	mutex_unlock(&vdev->state_lock);
	return err;
}

/**
 * vfio_cdev_unbind() - undo the bind of a file that is being closed
 * @cf: the file; nothing happens if it never bound its device
 *
 * The device is detached and unbound, and the file's iommufd reference
 * dropped.
 */
void vfio_cdev_unbind(struct vfio_cdev_file *cf)
{
	struct vfio_device *vdev = cf->vdev;

	/* The last reference to the file is gone: no bind can be running */
	if (!cf->granted)
		return;
	mutex_lock(&vdev->state_lock);
	vfio_cdev_give_up(cf);
	mutex_unlock(&vdev->state_lock);
	iommufd_ctx_put(cf->ictx);
	cf->ictx = NULL;
	cf->granted = false;
}

/**
 * vfio_cdev_attach() - VFIO_DEVICE_ATTACH_IOMMUFD_PT
 * @cf: a bound file
 * @uarg: the user's struct vfio_device_attach_iommufd_pt
 *
 * Attaches the device to the IOAS or HWPT named by pt_id, or moves it
 * there if it is attached already, and writes back the id of the HWPT it
 * now uses.  If that id cannot be written back the device is detached.
 *
 * Return: 0, or a negative errno (see the top of this file).
 */
long vfio_cdev_attach(struct vfio_cdev_file *cf, void __user *uarg)
{
	struct vfio_device_attach_iommufd_pt __user *uattach = uarg;
	struct vfio_device_attach_iommufd_pt req;
	struct vfio_device *vdev = cf->vdev;
	long err;

	err = vfio_cdev_fetch(&req, uarg,
			      VFIO_CDEV_MIN(struct vfio_device_attach_iommufd_pt, pt_id));
	if (err)
		return err;

	mutex_lock(&vdev->state_lock);
	err = vdev->ops->attach_ioas(vdev, &req.pt_id);
	if (!err && put_user(req.pt_id, &uattach->pt_id)) {
		vdev->ops->detach_ioas(vdev);
		err = -EFAULT;
	}
	mutex_unlock(&vdev->state_lock);
	return err;
}

/**
 * vfio_cdev_detach() - VFIO_DEVICE_DETACH_IOMMUFD_PT
 * @cf: a bound file
 * @uarg: the user's struct vfio_device_detach_iommufd_pt
 *
 * Detaching a device that is not attached succeeds and changes nothing.
 *
 * Return: 0, -EFAULT, or -EINVAL for a short argsz or a flag set.
 */
long vfio_cdev_detach(struct vfio_cdev_file *cf, void __user *uarg)
{
	struct vfio_device_detach_iommufd_pt req;
	struct vfio_device *vdev = cf->vdev;
	long err;

	err = vfio_cdev_fetch(&req, uarg,
			      VFIO_CDEV_MIN(struct vfio_device_detach_iommufd_pt, flags));
	if (err)
		return err;

	mutex_lock(&vdev->state_lock);
	vdev->ops->detach_ioas(vdev);
	mutex_unlock(&vdev->state_lock);
	return 0;
}
