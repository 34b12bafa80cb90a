/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VFIO: the in-kernel interface between the VFIO core and the drivers that
 * hand a device to userspace (vfio-pci here).
 *
 * A driver embeds a struct vfio_device at the start of its own device
 * structure, allocates it with vfio_alloc_device() and registers it with
 * vfio_register_group_dev().  The core then offers the device to userspace
 * as the character node /dev/vfio/devices/vfioN; userspace binds the opened
 * node to an iommufd (VFIO_DEVICE_BIND_IOMMUFD), attaches it to an IOAS or
 * HWPT and reaches the device through the driver's ioctl/read/write.
 *
 * Only the device cdev path exists in this tree: there are no VFIO group
 * files and no VFIO container; iommufd provides the container interface.
 */
#ifndef __LINUX_VFIO_H
#define __LINUX_VFIO_H

#include <linux/completion.h>
#include <linux/device.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/types.h>
#include <uapi/linux/vfio.h>

struct iommufd_ctx;
struct iommufd_device;
struct vfio_device;

/* Longest node name below /dev: "vfio/devices/vfio" plus an index */
#define VFIO_DEVICE_NODE_MAX	32

/**
 * struct vfio_device_ops - what a VFIO driver implements
 * @name: driver name, for messages
 * @init: called by vfio_alloc_device() to set up the driver's part
 * @release: called when the last reference to the device is dropped;
 *	frees what @init set up (not the structure itself)
 * @bind_iommufd: bind the device to an iommufd and return its device id
 *	(vfio_iommufd_physical_bind() for a physical device)
 * @unbind_iommufd: undo @bind_iommufd, detaching first if attached
 * @attach_ioas: attach the bound device to an IOAS or HWPT, or move it if
 *	attached; returns the HWPT id through the argument
 * @detach_ioas: detach the device; nothing happens if it is not attached
 * @open_device: the device was bound by its first user
 * @close_device: the last user unbinds
 * @read: read(2) and pread(2) on the device file, once bound
 * @write: write(2) and pwrite(2) on the device file, once bound
 * @ioctl: the device ioctls the core does not handle itself
 */
struct vfio_device_ops {
	const char *name;
	int (*init)(struct vfio_device *vdev);
	void (*release)(struct vfio_device *vdev);
	int (*bind_iommufd)(struct vfio_device *vdev, struct iommufd_ctx *ictx,
			    u32 *out_device_id);
	void (*unbind_iommufd)(struct vfio_device *vdev);
	int (*attach_ioas)(struct vfio_device *vdev, u32 *pt_id);
	void (*detach_ioas)(struct vfio_device *vdev);
	int (*open_device)(struct vfio_device *vdev);
	void (*close_device)(struct vfio_device *vdev);
	ssize_t (*read)(struct vfio_device *vdev, char __user *buf, size_t count,
			loff_t *ppos);
	ssize_t (*write)(struct vfio_device *vdev, const char __user *buf,
			 size_t count, loff_t *ppos);
	long (*ioctl)(struct vfio_device *vdev, unsigned int cmd, unsigned long arg);
};

/**
 * struct vfio_device - a device offered to userspace
 * @dev: the physical device the driver is bound to
 * @ops: the driver's operations
 * @class_dev: "vfioN" of class "vfio-dev", a child of @dev in sysfs; its
 *	reference count owns the memory of the whole structure
 * @id: N of "vfioN", also the minor of the node
 * @state_lock: serialises binding, attaching and unbinding
 * @users: one reference for being registered plus one per open file; the
 *	node may be removed only once it dropped to zero
 * @unregistered: completed when @users reaches zero
 * @holder: the open file that has the device bound, or NULL; a device
 *	cdev is never shared between files
 * @idev: the iommufd binding of a physical device, or NULL
 * @idev_attached: @idev is attached to an IOAS or HWPT
 * @node: the character node /dev/vfio/devices/vfioN
 * @node_name: the node's path below /dev
 */
struct vfio_device {
	struct device *dev;
	const struct vfio_device_ops *ops;
	struct device class_dev;
	unsigned int id;
	struct mutex state_lock;	/* see @state_lock above */
	refcount_t users;
	struct completion unregistered;
	const void *holder;
	struct iommufd_device *idev;
	bool idev_attached;
	struct miscdevice node;
	char node_name[VFIO_DEVICE_NODE_MAX];
};

struct vfio_device *_vfio_alloc_device(size_t size, struct device *dev,
				       const struct vfio_device_ops *ops);

/**
 * vfio_alloc_device() - allocate a driver structure that embeds a vfio_device
 * @type: the name of the driver's structure (struct @type)
 * @member: the name of its struct vfio_device member, which must come first
 * @dev: the physical device
 * @ops: the driver's operations
 *
 * Return: the driver structure, or an ERR_PTR (-ENOMEM, or the error of
 * @ops->init).  Free it with vfio_put_device().
 */
#define vfio_alloc_device(type, member, dev, ops)				\
	((struct type *)_vfio_alloc_device(sizeof(struct type) +		\
					   BUILD_BUG_ON_ZERO(offsetof(struct type, \
								      member)), \
					   dev, ops))

void vfio_put_device(struct vfio_device *device);
int vfio_register_group_dev(struct vfio_device *device);
void vfio_unregister_group_dev(struct vfio_device *device);

int vfio_iommufd_physical_bind(struct vfio_device *core, struct iommufd_ctx *ctx,
			       u32 *devid);
void vfio_iommufd_physical_unbind(struct vfio_device *core);
int vfio_iommufd_physical_attach_ioas(struct vfio_device *core, u32 *pt_id);
void vfio_iommufd_physical_detach_ioas(struct vfio_device *core);

#endif /* __LINUX_VFIO_H */
