// SPDX-License-Identifier: GPL-2.0
/*
 * The VFIO core: devices that drivers hand to userspace, their character
 * nodes, and the file operations every device node shares.
 *
 * Lifetime.  A struct vfio_device is reference counted through its
 * "vfioN" struct device; the driver holds the first reference from
 * vfio_alloc_device() and drops it with vfio_put_device().  Separately,
 * while the device is registered, a registration count lets files keep
 * using the driver: vfio_unregister_group_dev() removes the node, so no
 * new file can be opened, and then waits until every open file is gone
 * before the driver may go away.
 *
 * Access.  An open file can do nothing but VFIO_DEVICE_BIND_IOMMUFD; every
 * other ioctl, read and write fails with -EINVAL until the bind succeeded.
 * Only one file can have the device bound at a time.
 */
#include <linux/err.h>
#include <linux/idr.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vfio.h>

#include "vfio.h"

static DEFINE_IDA(vfio_device_ida);

static void vfio_device_release(struct device *dev)
{
	struct vfio_device *device = container_of(dev, struct vfio_device, device);

	ida_free(&vfio_device_ida, device->index);
	if (device->ops->release)
		device->ops->release(device);
	mutex_destroy(&device->lock);
	kvfree(device);
}

static const struct class vfio_device_class = {
	.name = "vfio-dev",
};

static int vfio_init_device(struct vfio_device *device, struct device *dev,
			    const struct vfio_device_ops *ops)
{
	int ret;

	ret = ida_alloc(&vfio_device_ida, GFP_KERNEL);
	if (ret < 0)
		return ret;
	device->index = ret;
	device->dev = dev;
	device->ops = ops;
	mutex_init(&device->lock);
	init_completion(&device->comp);

	if (ops->init) {
		ret = ops->init(device);
		if (ret) {
			mutex_destroy(&device->lock);
			ida_free(&vfio_device_ida, device->index);
			return ret;
		}
	}

	/* From here on the struct device's reference count owns the memory */
	device_initialize(&device->device);
	device->device.release = vfio_device_release;
	device->device.class = &vfio_device_class;
	device->device.parent = dev;
	return 0;
}

/**
 * _vfio_alloc_device() - allocate and initialise a vfio_device
 * @size: size of the driver structure that starts with the vfio_device
 * @dev: the physical device
 * @ops: the driver's operations
 *
 * Use vfio_alloc_device() rather than calling this directly.
 *
 * Return: the device, or ERR_PTR(-EINVAL) for a @size too small,
 * ERR_PTR(-ENOMEM), or the error of @ops->init.
 */
struct vfio_device *_vfio_alloc_device(size_t size, struct device *dev,
				       const struct vfio_device_ops *ops)
{
	struct vfio_device *device;
	int ret;

	if (WARN_ON(size < sizeof(struct vfio_device)))
		return ERR_PTR(-EINVAL);

	device = kvzalloc(size, GFP_KERNEL);
	if (!device)
		return ERR_PTR(-ENOMEM);

	ret = vfio_init_device(device, dev, ops);
	if (ret) {
		kvfree(device);
		return ERR_PTR(ret);
	}
	return device;
}
EXPORT_SYMBOL_GPL(_vfio_alloc_device);

/**
 * vfio_put_device() - drop the driver's reference to a device
 * @device: from vfio_alloc_device(), unregistered
 *
 * The last reference calls &vfio_device_ops.release and frees the memory.
 */
void vfio_put_device(struct vfio_device *device)
{
	put_device(&device->device);
}
EXPORT_SYMBOL_GPL(vfio_put_device);

/**
 * vfio_register_group_dev() - offer a physical device to userspace
 * @device: from vfio_alloc_device()
 *
 * Adds "vfioN" (class "vfio-dev") under the physical device in sysfs and
 * creates the node /dev/vfio/devices/vfioN.  The physical device must be
 * in an IOMMU group: there is no no-IOMMU mode.
 *
 * Return: 0, -EINVAL if the device has no IOMMU group, or the error of
 * adding the device or its node.
 */
int vfio_register_group_dev(struct vfio_device *device)
{
	struct iommu_group *group;
	int ret;

	group = iommu_group_get(device->dev);
	if (!group)
		return -EINVAL;
	iommu_group_put(group);

	ret = dev_set_name(&device->device, "vfio%u", device->index);
	if (ret)
		return ret;

	refcount_set(&device->refcount, 1);
	reinit_completion(&device->comp);

	ret = device_add(&device->device);
	if (ret)
		return ret;

	snprintf(device->node, sizeof(device->node), "vfio/devices/%s",
		 dev_name(&device->device));
	device->misc.minor = MISC_DYNAMIC_MINOR;
	device->misc.name = dev_name(&device->device);
	device->misc.nodename = device->node;
	device->misc.fops = &vfio_device_fops;
	device->misc.parent = &device->device;
	device->misc.mode = 0600;
	ret = misc_register(&device->misc);
	if (ret) {
		device_del(&device->device);
		return ret;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(vfio_register_group_dev);

/**
 * vfio_unregister_group_dev() - withdraw a device from userspace
 * @device: a registered device
 *
 * Removes the node, then waits until every file opened through it has
 * been closed, so that the driver can safely go away afterwards.
 */
void vfio_unregister_group_dev(struct vfio_device *device)
{
	misc_deregister(&device->misc);
	vfio_device_put_registration(device);
	wait_for_completion(&device->comp);
	device_del(&device->device);
}
EXPORT_SYMBOL_GPL(vfio_unregister_group_dev);

/**
 * vfio_device_try_get_registration() - take a registration reference
 * @device: the device
 *
 * Return: false if the device is being unregistered.
 */
bool vfio_device_try_get_registration(struct vfio_device *device)
{
	return refcount_inc_not_zero(&device->refcount);
}

/**
 * vfio_device_put_registration() - drop a registration reference
 * @device: the device
 */
void vfio_device_put_registration(struct vfio_device *device)
{
	if (refcount_dec_and_test(&device->refcount))
		complete(&device->comp);
}

/**
 * vfio_allocate_device_file() - the per-file state of a device node
 * @device: the device
 *
 * Return: the state, or ERR_PTR(-ENOMEM).
 */
struct vfio_device_file *vfio_allocate_device_file(struct vfio_device *device)
{
	struct vfio_device_file *df;

	df = kzalloc(sizeof(*df), GFP_KERNEL_ACCOUNT);
	if (!df)
		return ERR_PTR(-ENOMEM);
	df->device = device;
	return df;
}

/* First user: bind to the iommufd the file chose, then open the driver */
static int vfio_df_device_first_open(struct vfio_device_file *df)
{
	struct vfio_device *device = df->device;
	int ret;

	lockdep_assert_held(&device->lock);

	if (!try_module_get(device->dev->driver->owner))
		return -ENODEV;

	ret = vfio_df_iommufd_bind(df);
	if (ret)
		goto err_module;

	if (device->ops->open_device) {
		ret = device->ops->open_device(device);
		if (ret)
			goto err_unbind;
	}
	return 0;

err_unbind:
	vfio_df_iommufd_unbind(df);
err_module:
	module_put(device->dev->driver->owner);
	return ret;
}

static void vfio_df_device_last_close(struct vfio_device_file *df)
{
	struct vfio_device *device = df->device;

	lockdep_assert_held(&device->lock);

	if (device->ops->close_device)
		device->ops->close_device(device);
	vfio_df_iommufd_unbind(df);
	module_put(device->dev->driver->owner);
}

/**
 * vfio_df_open() - make a file the user of its device
 * @df: the file; @df->iommufd is set
 *
 * A device cdev cannot be shared: a second file cannot bind the device
 * while another has it bound.
 *
 * Return: 0, -EINVAL if the device is in use, or the error of binding it
 * to the iommufd or of the driver's open_device.
 */
int vfio_df_open(struct vfio_device_file *df)
{
	struct vfio_device *device = df->device;
	int ret;

	lockdep_assert_held(&device->lock);

	if (device->open_count)
		return -EINVAL;

	device->open_count = 1;
	ret = vfio_df_device_first_open(df);
	if (ret)
		device->open_count = 0;
	return ret;
}

/**
 * vfio_df_close() - end a file's use of its device
 * @df: a file for which vfio_df_open() succeeded
 */
void vfio_df_close(struct vfio_device_file *df)
{
	struct vfio_device *device = df->device;

	lockdep_assert_held(&device->lock);

	if (WARN_ON(!device->open_count))
		return;
	vfio_df_device_last_close(df);
	device->open_count = 0;
}

static int vfio_device_fops_release(struct inode *inode, struct file *filep)
{
	struct vfio_device_file *df = filep->private_data;
	struct vfio_device *device = df->device;

	vfio_df_unbind_iommufd(df);
	vfio_device_put_registration(device);
	kfree(df);
	return 0;
}

static bool vfio_df_granted(struct vfio_device_file *df)
{
	/* Pairs with the release store at the end of the bind */
	return smp_load_acquire(&df->access_granted);
}

static long vfio_device_fops_unl_ioctl(struct file *filep, unsigned int cmd,
				       unsigned long arg)
{
	struct vfio_device_file *df = filep->private_data;
	struct vfio_device *device = df->device;
	void __user *uptr = (void __user *)arg;

	if (cmd == VFIO_DEVICE_BIND_IOMMUFD)
		return vfio_df_ioctl_bind_iommufd(df, uptr);

	if (!vfio_df_granted(df))
		return -EINVAL;

	switch (cmd) {
	case VFIO_DEVICE_ATTACH_IOMMUFD_PT:
		return vfio_df_ioctl_attach_pt(df, uptr);
	case VFIO_DEVICE_DETACH_IOMMUFD_PT:
		return vfio_df_ioctl_detach_pt(df, uptr);
	default:
		if (!device->ops->ioctl)
			return -EINVAL;
		return device->ops->ioctl(device, cmd, arg);
	}
}

static ssize_t vfio_device_fops_read(struct file *filep, char __user *buf,
				     size_t count, loff_t *ppos)
{
	struct vfio_device_file *df = filep->private_data;
	struct vfio_device *device = df->device;

	if (!vfio_df_granted(df) || !device->ops->read)
		return -EINVAL;
	return device->ops->read(device, buf, count, ppos);
}

static ssize_t vfio_device_fops_write(struct file *filep, const char __user *buf,
				      size_t count, loff_t *ppos)
{
	struct vfio_device_file *df = filep->private_data;
	struct vfio_device *device = df->device;

	if (!vfio_df_granted(df) || !device->ops->write)
		return -EINVAL;
	return device->ops->write(device, buf, count, ppos);
}

const struct file_operations vfio_device_fops = {
	.owner		= THIS_MODULE,
	.open		= vfio_device_fops_cdev_open,
	.release	= vfio_device_fops_release,
	.read		= vfio_device_fops_read,
	.write		= vfio_device_fops_write,
	.unlocked_ioctl	= vfio_device_fops_unl_ioctl,
};

static int __init vfio_init(void)
{
	int ret;

	ret = class_register(&vfio_device_class);
	if (ret)
		pr_err("vfio: cannot register the vfio-dev class: %d\n", ret);
	return ret;
}

static void __exit vfio_cleanup(void)
{
	class_unregister(&vfio_device_class);
	ida_destroy(&vfio_device_ida);
}

module_init(vfio_init);
module_exit(vfio_cleanup);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("VFIO: devices for userspace drivers");
