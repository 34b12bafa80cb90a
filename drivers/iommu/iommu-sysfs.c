// SPDX-License-Identifier: GPL-2.0
/*
 * The device that represents an IOMMU instance.
 *
 * This tree keeps no "iommu" class in sysfs: iommu_device_sysfs_add() only
 * creates the instance's struct device, named as the driver asks (for
 * example "dmar0"), so that the instance has a name and a parent. The core
 * uses that name when it has to report a driver bug. Links between the
 * instance and its client devices are not kept.
 */

#include <linux/device.h>
#include <linux/export.h>
#include <linux/iommu.h>
#include <linux/slab.h>

static void iommu_instance_dev_release(struct device *dev)
{
	kfree(dev);
}

/**
 * iommu_device_sysfs_add() - create the device of an IOMMU instance
 * @iommu: the instance; iommu->dev is set on success
 * @parent: the hardware device of the instance, may be NULL
 * @groups: attribute groups for the device (kept, not published)
 * @fmt: printf-style name of the instance
 *
 * Return: 0 or -ENOMEM.
 */
int iommu_device_sysfs_add(struct iommu_device *iommu, struct device *parent,
			   const struct attribute_group **groups,
			   const char *fmt, ...)
{
	struct device *dev;
	va_list args;
	char *name;
	int ret;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;

	va_start(args, fmt);
	name = kvasprintf(GFP_KERNEL, fmt, args);
	va_end(args);
	if (!name) {
		kfree(dev);
		return -ENOMEM;
	}

	device_initialize(dev);
	dev->parent = parent;
	dev->groups = groups;
	dev->release = iommu_instance_dev_release;
	ret = dev_set_name(dev, "%s", name);
	kfree(name);
	if (ret) {
		put_device(dev);
		return ret;
	}

	dev_set_drvdata(dev, iommu);
	iommu->dev = dev;
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_device_sysfs_add);

/**
 * iommu_device_sysfs_remove() - drop the device of an IOMMU instance
 * @iommu: the instance
 */
void iommu_device_sysfs_remove(struct iommu_device *iommu)
{
	if (!iommu->dev)
		return;
	put_device(iommu->dev);
	iommu->dev = NULL;
}
EXPORT_SYMBOL_GPL(iommu_device_sysfs_remove);

/**
 * iommu_device_link() - record that an instance serves a client device
 * @iommu: the instance
 * @link: the client
 *
 * No sysfs links exist in this tree; this only checks its arguments.
 *
 * Return: 0, or -EINVAL for a NULL argument.
 */
int iommu_device_link(struct iommu_device *iommu, struct device *link)
{
	if (!iommu || IS_ERR(iommu) || !link)
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_device_link);

/**
 * iommu_device_unlink() - forget that an instance serves a client device
 * @iommu: the instance
 * @link: the client
 */
void iommu_device_unlink(struct iommu_device *iommu, struct device *link)
{
}
EXPORT_SYMBOL_GPL(iommu_device_unlink);
