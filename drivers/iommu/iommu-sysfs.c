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

#include <linux/iommu.h>
#include <linux/export.h>
#include <linux/device.h>
#include <linux/slab.h>

/* The instance device is a bare struct device, allocated on its own */
static void iommu_unit_dev_free(struct device *unit_dev)
{
	kfree(unit_dev);
}

/*
 * Allocate and initialise the instance device. From here on it is
 * reference counted: put_device() frees it, and its name with it.
 */
static struct device *iommu_unit_dev_new(struct device *hw_parent,
					 const struct attribute_group **attrs)
{
	struct device *unit_dev = kzalloc(sizeof(*unit_dev), GFP_KERNEL);

	if (!unit_dev)
		return NULL;

	device_initialize(unit_dev);
	unit_dev->release = iommu_unit_dev_free;
	unit_dev->groups = attrs;
	unit_dev->parent = hw_parent;
	return unit_dev;
}

/**
 * iommu_device_sysfs_add() - create the device of an IOMMU instance
 * @unit: the instance; unit->dev is set on success
 * @hw_parent: the hardware device of the instance, may be NULL
 * @attrs: attribute groups for the device (kept, not published)
 * @fmt: printf-style name of the instance
 *
 * Return: 0 or -ENOMEM.
 */
int iommu_device_sysfs_add(struct iommu_device *unit, struct device *hw_parent,
			   const struct attribute_group **attrs, const char *fmt, ...)
{
	struct device *unit_dev;
	va_list ap;
	int err;

	unit_dev = iommu_unit_dev_new(hw_parent, attrs);
	if (!unit_dev)
		return -ENOMEM;

	va_start(ap, fmt);
	err = kobject_set_name_vargs(&unit_dev->kobj, fmt, ap);
	va_end(ap);
	if (err) {
		put_device(unit_dev);
		return err;
	}

	dev_set_drvdata(unit_dev, unit);
	unit->dev = unit_dev;
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_device_sysfs_add);

/**
 * iommu_device_sysfs_remove() - drop the device of an IOMMU instance
 * @unit: the instance; a second call does nothing
 */
void iommu_device_sysfs_remove(struct iommu_device *unit)
{
	struct device *unit_dev = unit->dev;

	unit->dev = NULL;
	if (unit_dev)
		put_device(unit_dev);
}
EXPORT_SYMBOL_GPL(iommu_device_sysfs_remove);

/**
 * iommu_device_link() - record that an instance serves a client device
 * @unit: the instance
 * @client: the client
 *
 * No sysfs links exist in this tree; this only checks its arguments.
 *
 * Return: 0, or -EINVAL for a NULL argument.
 */
int iommu_device_link(struct iommu_device *unit, struct device *client)
{
	if (IS_ERR_OR_NULL(unit) || !client)
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_device_link);

/**
 * iommu_device_unlink() - forget that an instance serves a client device
 * @unit: the instance
 * @client: the client
 *
 * There is nothing to undo, since iommu_device_link() records nothing.
 */
void iommu_device_unlink(struct iommu_device *unit, struct device *client)
{
}
EXPORT_SYMBOL_GPL(iommu_device_unlink);
