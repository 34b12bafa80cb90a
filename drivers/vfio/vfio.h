/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of the VFIO core, shared by vfio_main.c (devices and their
 * files), device_cdev.c (the cdev ioctls) and iommufd.c (the iommufd glue).
 */
#ifndef __VFIO_VFIO_H__
#define __VFIO_VFIO_H__

#include <linux/fs.h>
#include <linux/types.h>
#include <linux/vfio.h>

struct iommufd_ctx;

/**
 * struct vfio_device_file - one open file of a device node
 * @device: the device; the file holds a registration reference
 * @iommufd: the iommufd context the file bound the device to, with a
 *	reference, or NULL before VFIO_DEVICE_BIND_IOMMUFD
 * @devid: the device id inside @iommufd
 * @access_granted: set (with release semantics) once the bind completed;
 *	until then every call but the bind is refused
 */
struct vfio_device_file {
	struct vfio_device *device;
	struct iommufd_ctx *iommufd;
	u32 devid;
	bool access_granted;
};

extern const struct file_operations vfio_device_fops;

/* vfio_main.c */
struct vfio_device_file *vfio_allocate_device_file(struct vfio_device *device);
bool vfio_device_try_get_registration(struct vfio_device *device);
void vfio_device_put_registration(struct vfio_device *device);
int vfio_df_open(struct vfio_device_file *df);
void vfio_df_close(struct vfio_device_file *df);

/* device_cdev.c */
int vfio_device_fops_cdev_open(struct inode *inode, struct file *filep);
long vfio_df_ioctl_bind_iommufd(struct vfio_device_file *df,
				struct vfio_device_bind_iommufd __user *arg);
void vfio_df_unbind_iommufd(struct vfio_device_file *df);
long vfio_df_ioctl_attach_pt(struct vfio_device_file *df,
			     struct vfio_device_attach_iommufd_pt __user *arg);
long vfio_df_ioctl_detach_pt(struct vfio_device_file *df,
			     struct vfio_device_detach_iommufd_pt __user *arg);

/* iommufd.c */
int vfio_df_iommufd_bind(struct vfio_device_file *df);
void vfio_df_iommufd_unbind(struct vfio_device_file *df);

#endif /* __VFIO_VFIO_H__ */
