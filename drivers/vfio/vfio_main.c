// SPDX-License-Identifier: GPL-2.0
/*
 * The VFIO core: how a device becomes a node under /dev/vfio/devices, how
 * long it lives, and the file operations that every node shares.
 *
 * Two counts govern a device.  Its memory belongs to the "vfioN" class
 * device (class_dev): the driver's reference from vfio_alloc_device() is
 * dropped with vfio_put_device(), and the last put frees everything.
 * Independently, @users counts who may still call into the driver: the
 * registration itself and every open file.  vfio_unregister_group_dev()
 * removes the node first, so that no file can be opened any more, drops
 * the registration's count and sleeps until the open files are gone;
 * after that the driver may unbind from the physical device.
 *
 * An open file reaches the driver only once it has bound the device to an
 * iommufd (device_cdev.c); before that every call except the bind is
 * refused with -EINVAL, as on Linux.
 */
#include <linux/err.h>
#include <linux/idr.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vfio.h>

#include "vfio.h"

/* Numbers N of /dev/vfio/devices/vfioN */
static DEFINE_IDA(vfio_node_ids);

static const struct class vfio_dev_class = {
	.name = "vfio-dev",
};

static struct vfio_device *class_dev_to_vfio(struct device *class_dev)
{
	return container_of(class_dev, struct vfio_device, class_dev);
}

/* The last reference to the class device is gone: free the structure */
static void vfio_dev_free(struct device *class_dev)
{
	struct vfio_device *vdev = class_dev_to_vfio(class_dev);
	unsigned int id = vdev->id;

	if (vdev->ops->release)
		vdev->ops->release(vdev);
	mutex_destroy(&vdev->state_lock);
	kvfree(vdev);
	ida_free(&vfio_node_ids, id);
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
	struct vfio_device *vdev;
	int id, err;

	if (WARN_ON(size < sizeof(*vdev)))
		return ERR_PTR(-EINVAL);

	id = ida_alloc(&vfio_node_ids, GFP_KERNEL);
	if (id < 0)
		return ERR_PTR(id);

	vdev = kvzalloc(size, GFP_KERNEL);
	if (!vdev) {
		err = -ENOMEM;
		goto out_id;
	}
	vdev->id = id;
	vdev->dev = dev;
	vdev->ops = ops;
	mutex_init(&vdev->state_lock);
	init_completion(&vdev->unregistered);

	err = ops->init ? ops->init(vdev) : 0;
	if (err)
		goto out_mem;

	/* Only now does the class device's reference count own the memory */
	device_initialize(&vdev->class_dev);
	vdev->class_dev.parent = dev;
	vdev->class_dev.class = &vfio_dev_class;
	vdev->class_dev.release = vfio_dev_free;
	return vdev;

out_mem:
	mutex_destroy(&vdev->state_lock);
	kvfree(vdev);
out_id:
	ida_free(&vfio_node_ids, id);
	return ERR_PTR(err);
}
EXPORT_SYMBOL_GPL(_vfio_alloc_device);

/**
 * vfio_put_device() - drop the driver's reference to a device
 * @device: from vfio_alloc_device(), not registered (any more)
 *
 * The last reference calls &vfio_device_ops.release and frees the memory.
 */
void vfio_put_device(struct vfio_device *device)
{
	put_device(&device->class_dev);
}
EXPORT_SYMBOL_GPL(vfio_put_device);

/* The physical device is isolated by an IOMMU: it has an IOMMU group */
static bool vfio_dev_has_group(struct device *dev)
{
	struct iommu_group *grp = iommu_group_get(dev);

	iommu_group_put(grp);
	return grp;
}

/**
 * vfio_register_group_dev() - offer a physical device to userspace
 * @device: from vfio_alloc_device()
 *
 * Adds "vfioN" (class "vfio-dev") under the physical device in sysfs and
 * creates the node /dev/vfio/devices/vfioN.  The physical device must be
 * in an IOMMU group: there is no no-IOMMU mode.
 *
 * Return: 0, -EINVAL if the device has no IOMMU group, or the error of
 * adding the class device or the node.
 */
int vfio_register_group_dev(struct vfio_device *device)
{
	struct miscdevice *node = &device->node;
	int err;

	if (!vfio_dev_has_group(device->dev))
		return -EINVAL;

	err = dev_set_name(&device->class_dev, "vfio%u", device->id);
	if (err)
		return err;
	snprintf(device->node_name, sizeof(device->node_name), "vfio/devices/vfio%u",
		 device->id);

	/* The registration is the first user */
	refcount_set(&device->users, 1);
	reinit_completion(&device->unregistered);

	err = device_add(&device->class_dev);
	if (err)
		return err;

	node->name = dev_name(&device->class_dev);
	node->nodename = device->node_name;
	node->minor = MISC_DYNAMIC_MINOR;
	node->mode = 0600;
	node->parent = &device->class_dev;
	node->fops = &vfio_cdev_fops;
	err = misc_register(node);
	if (err)
		device_del(&device->class_dev);
	return err;
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
	misc_deregister(&device->node);
	vfio_device_put_user(device);
	wait_for_completion(&device->unregistered);
	device_del(&device->class_dev);
}
EXPORT_SYMBOL_GPL(vfio_unregister_group_dev);

/**
 * vfio_device_get_user() - count a new user of a registered device
 * @vdev: the device
 *
 * Return: true, or false once unregistration has begun.
 */
bool vfio_device_get_user(struct vfio_device *vdev)
{
	return refcount_inc_not_zero(&vdev->users);
}

/**
 * vfio_device_put_user() - a user of the device is gone
 * @vdev: the device
 */
void vfio_device_put_user(struct vfio_device *vdev)
{
	if (refcount_dec_and_test(&vdev->users))
		complete(&vdev->unregistered);
}

/* ---------------------------------------------------------------------------
 * File operations of the nodes
 */

static struct vfio_cdev_file *vfio_cdev_of(struct file *file)
{
	return file->private_data;
}

/* Has the file bound the device? */
static bool vfio_cdev_usable(struct vfio_cdev_file *cf)
{
	/* Pairs with the release at the end of vfio_cdev_bind() */
	return smp_load_acquire(&cf->granted);
}

static long vfio_cdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct vfio_cdev_file *cf = vfio_cdev_of(file);
	const struct vfio_device_ops *ops = cf->vdev->ops;
	void __user *uarg = (void __user *)arg;

	if (cmd == VFIO_DEVICE_BIND_IOMMUFD)
		return vfio_cdev_bind(cf, uarg);
	if (!vfio_cdev_usable(cf))
		return -EINVAL;
	if (cmd == VFIO_DEVICE_ATTACH_IOMMUFD_PT)
		return vfio_cdev_attach(cf, uarg);
	if (cmd == VFIO_DEVICE_DETACH_IOMMUFD_PT)
		return vfio_cdev_detach(cf, uarg);
	return ops->ioctl ? ops->ioctl(cf->vdev, cmd, arg) : -EINVAL;
}

/* read() and write() both end in the driver, once the file is bound */
static ssize_t vfio_cdev_access(struct file *file, char __user *ubuf, size_t len,
				loff_t *pos, bool store)
{
	struct vfio_cdev_file *cf = vfio_cdev_of(file);
	const struct vfio_device_ops *ops = cf->vdev->ops;

	if (!vfio_cdev_usable(cf))
		return -EINVAL;
	if (store)
		return ops->write ? ops->write(cf->vdev, ubuf, len, pos) : -EINVAL;
	return ops->read ? ops->read(cf->vdev, ubuf, len, pos) : -EINVAL;
}

static ssize_t vfio_cdev_read(struct file *file, char __user *ubuf, size_t len,
			      loff_t *pos)
{
	return vfio_cdev_access(file, ubuf, len, pos, false);
}

static ssize_t vfio_cdev_write(struct file *file, const char __user *ubuf, size_t len,
			       loff_t *pos)
{
	return vfio_cdev_access(file, (char __user *)ubuf, len, pos, true);
}

static int vfio_cdev_release(struct inode *inode, struct file *file)
{
	struct vfio_cdev_file *cf = vfio_cdev_of(file);
	struct vfio_device *vdev = cf->vdev;

	vfio_cdev_unbind(cf);
	kfree(cf);
	vfio_device_put_user(vdev);
	return 0;
}

const struct file_operations vfio_cdev_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= vfio_cdev_ioctl,
	.read		= vfio_cdev_read,
	.write		= vfio_cdev_write,
	.open		= vfio_cdev_open,
	.release	= vfio_cdev_release,
};

static int __init vfio_core_init(void)
{
	int err = class_register(&vfio_dev_class);

	if (err)
		pr_err("vfio: the vfio-dev class cannot be registered (%d)\n", err);
	return err;
}

static void __exit vfio_core_exit(void)
{
	class_unregister(&vfio_dev_class);
	ida_destroy(&vfio_node_ids);
}

module_init(vfio_core_init);
module_exit(vfio_core_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("VFIO: devices for userspace drivers");
