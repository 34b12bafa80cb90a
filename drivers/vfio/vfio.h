/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of the VFIO core, shared by vfio_main.c (device lifetime and
 * the file operations of the nodes) and device_cdev.c (what an open node
 * does: bind, attach, detach).
 */
#ifndef __VFIO_VFIO_H__
#define __VFIO_VFIO_H__

#include <linux/fs.h>
#include <linux/types.h>
#include <linux/vfio.h>

struct iommufd_ctx;

/**
 * struct vfio_cdev_file - the state of one open device node
 * @vdev: the device; the file holds one of its @vdev->users references
 * @ictx: the iommufd the file bound the device to, with a reference;
 *	NULL until VFIO_DEVICE_BIND_IOMMUFD succeeded
 * @devid: the device's id inside @ictx
 * @granted: set, with release ordering, when the bind completed; until
 *	then the file can do nothing but bind
 */
struct vfio_cdev_file {
	struct vfio_device *vdev;
	struct iommufd_ctx *ictx;
	u32 devid;
	bool granted;
};

extern const struct file_operations vfio_cdev_fops;

/* vfio_main.c */
bool vfio_device_get_user(struct vfio_device *vdev);
void vfio_device_put_user(struct vfio_device *vdev);

/* device_cdev.c */
int vfio_cdev_open(struct inode *inode, struct file *file);
long vfio_cdev_bind(struct vfio_cdev_file *cf, void __user *uarg);
void vfio_cdev_unbind(struct vfio_cdev_file *cf);
long vfio_cdev_attach(struct vfio_cdev_file *cf, void __user *uarg);
long vfio_cdev_detach(struct vfio_cdev_file *cf, void __user *uarg);

#endif /* __VFIO_VFIO_H__ */
