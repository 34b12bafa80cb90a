// SPDX-License-Identifier: GPL-2.0
/*
 * The device cdev, /dev/vfio/devices/vfioN: opening it, binding it to an
 * iommufd, and attaching it to an IOAS or HWPT of that iommufd.
 *
 * Errors follow Linux: a short or malformed argument (argsz below the
 * minimum, non-zero flags, a negative iommufd) is -EINVAL, an unreadable
 * argument -EFAULT; binding a file twice, or binding a device that another
 * file has bound, is -EINVAL; errors of iommufd (-EBADF/-EBADFD for a
 * descriptor that is not an iommufd, -EPERM when another iommufd owns the
 * DMA of the group, -EINVAL for a group attached elsewhere, -ENOENT for an
 * unknown id) are passed through unchanged.
 */
#include <linux/iommufd.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vfio.h>

#include "vfio.h"

/**
 * vfio_device_fops_cdev_open() - open() of a device node
 * @inode: the node's inode
 * @filep: the new file; its private_data is the node's miscdevice
 *
 * The file cannot reach the device until VFIO_DEVICE_BIND_IOMMUFD.
 *
 * Return: 0, -ENODEV if the device is being unregistered, -ENOMEM.
 */
int vfio_device_fops_cdev_open(struct inode *inode, struct file *filep)
{
	struct miscdevice *misc = filep->private_data;
	struct vfio_device *device = container_of(misc, struct vfio_device, misc);
	struct vfio_device_file *df;

	/* Dropped when the file is released */
	if (!vfio_device_try_get_registration(device))
		return -ENODEV;

	df = vfio_allocate_device_file(device);
	if (IS_ERR(df)) {
		vfio_device_put_registration(device);
		return PTR_ERR(df);
	}
	filep->private_data = df;
	return 0;
}

/**
 * vfio_df_ioctl_bind_iommufd() - VFIO_DEVICE_BIND_IOMMUFD
 * @df: the file
 * @arg: the user's struct vfio_device_bind_iommufd
 *
 * Binds the device to the iommufd named by @arg->iommufd, which claims the
 * DMA of the device's whole IOMMU group for that iommufd, and reports the
 * device id.  The file keeps a reference on the iommufd until it is closed.
 *
 * Return: 0, or a negative errno (see the top of this file).
 */
long vfio_df_ioctl_bind_iommufd(struct vfio_device_file *df,
				struct vfio_device_bind_iommufd __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_device_bind_iommufd, out_devid);
	struct vfio_device *device = df->device;
	struct vfio_device_bind_iommufd bind;
	struct iommufd_ctx *ictx;
	long ret;

	if (copy_from_user(&bind, arg, minsz))
		return -EFAULT;
	if (bind.argsz < minsz || bind.flags || bind.iommufd < 0)
		return -EINVAL;

	mutex_lock(&device->lock);
	if (df->access_granted) {
		ret = -EINVAL;
		goto out_unlock;
	}

	ictx = iommufd_ctx_from_fd(bind.iommufd);
	if (IS_ERR(ictx)) {
		ret = PTR_ERR(ictx);
		goto out_unlock;
	}
	df->iommufd = ictx;

	ret = vfio_df_open(df);
	if (ret)
		goto out_put_ctx;

	if (copy_to_user(&arg->out_devid, &df->devid, sizeof(df->devid))) {
		ret = -EFAULT;
		goto out_close;
	}

	device->cdev_opened = true;
	/* Pairs with the acquire loads in the other file operations */
	smp_store_release(&df->access_granted, true);
	mutex_unlock(&device->lock);
	return 0;

out_close:
	vfio_df_close(df);
out_put_ctx:
	iommufd_ctx_put(ictx);
	df->iommufd = NULL;
out_unlock:
	mutex_unlock(&device->lock);
	return ret;
}

/**
 * vfio_df_unbind_iommufd() - undo the bind of a file that is being closed
 * @df: the file; nothing happens if it never bound the device
 */
void vfio_df_unbind_iommufd(struct vfio_device_file *df)
{
	struct vfio_device *device = df->device;

	/* The file is going away: nobody can be binding through it now */
	if (!df->access_granted)
		return;

	mutex_lock(&device->lock);
	vfio_df_close(df);
	iommufd_ctx_put(df->iommufd);
	df->iommufd = NULL;
	device->cdev_opened = false;
	mutex_unlock(&device->lock);
}

/**
 * vfio_df_ioctl_attach_pt() - VFIO_DEVICE_ATTACH_IOMMUFD_PT
 * @df: a bound file
 * @arg: the user's struct vfio_device_attach_iommufd_pt
 *
 * Attaches the device to the IOAS or HWPT @arg->pt_id, or moves it there
 * if it is attached already, and returns the id of the HWPT it is now
 * attached to.
 *
 * Return: 0, or a negative errno (see the top of this file).
 */
long vfio_df_ioctl_attach_pt(struct vfio_device_file *df,
			     struct vfio_device_attach_iommufd_pt __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_device_attach_iommufd_pt, pt_id);
	struct vfio_device *device = df->device;
	struct vfio_device_attach_iommufd_pt attach;
	long ret;

	if (copy_from_user(&attach, arg, minsz))
		return -EFAULT;
	if (attach.argsz < minsz || attach.flags)
		return -EINVAL;

	mutex_lock(&device->lock);
	ret = device->ops->attach_ioas(device, &attach.pt_id);
	if (!ret && copy_to_user(&arg->pt_id, &attach.pt_id, sizeof(attach.pt_id))) {
		/* As Linux: a result userspace cannot learn is not kept */
		device->ops->detach_ioas(device);
		ret = -EFAULT;
	}
	mutex_unlock(&device->lock);
	return ret;
}

/**
 * vfio_df_ioctl_detach_pt() - VFIO_DEVICE_DETACH_IOMMUFD_PT
 * @df: a bound file
 * @arg: the user's struct vfio_device_detach_iommufd_pt
 *
 * Detaching a device that is not attached succeeds and changes nothing.
 *
 * Return: 0, -EFAULT, or -EINVAL for a short argsz or non-zero flags.
 */
long vfio_df_ioctl_detach_pt(struct vfio_device_file *df,
			     struct vfio_device_detach_iommufd_pt __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_device_detach_iommufd_pt, flags);
	struct vfio_device *device = df->device;
	struct vfio_device_detach_iommufd_pt detach;

	if (copy_from_user(&detach, arg, minsz))
		return -EFAULT;
	if (detach.argsz < minsz || detach.flags)
		return -EINVAL;

	mutex_lock(&device->lock);
	device->ops->detach_ioas(device);
	mutex_unlock(&device->lock);
	return 0;
}
