/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

/*
 * Miscellaneous character devices.  On the host a registered device is
 * reachable by its node path under /dev ("iommu" is /dev/iommu, a nodename
 * "vfio/devices/vfio0" is /dev/vfio/devices/vfio0): the preload library
 * routes open() of that path to the device's file_operations.
 */

#include <linux/compiler.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/types.h>

struct attribute_group;
struct device;

#define MISC_MAJOR		10
#define MISC_DYNAMIC_MINOR	255
#define VFIO_MINOR		196

/**
 * struct miscdevice - a character device with major number 10
 * @minor: fixed minor number, or MISC_DYNAMIC_MINOR to have one assigned
 * @name: device name; the node is /dev/@name unless @nodename is set
 * @fops: the file operations; open() of the node sets file->private_data
 *	to this miscdevice before calling @fops->open
 * @list: link in the registry
 * @parent: parent device, may be NULL
 * @this_device: the device created for the node (NULL on the host)
 * @groups: sysfs attribute groups (unused on the host)
 * @nodename: node path below /dev, if different from @name
 * @mode: node permissions (informational on the host)
 */
struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const struct attribute_group **groups;
	const char *nodename;
	umode_t mode;
};

/**
 * misc_register() - create a miscellaneous device node
 * @misc: the device, which must stay valid until misc_deregister()
 *
 * Return: 0, -EBUSY if the minor or the node path is taken, -EINVAL for a
 * missing name, or -ENOMEM.
 */
int misc_register(struct miscdevice *misc);

/**
 * misc_deregister() - remove a miscellaneous device node
 * @misc: a registered device
 *
 * Files already open stay usable; new opens of the node fail with -ENODEV.
 */
void misc_deregister(struct miscdevice *misc);

#define module_misc_device(__misc_device) \
	module_driver(__misc_device, misc_register, misc_deregister)

#endif /* _LINUX_MISCDEVICE_H */
