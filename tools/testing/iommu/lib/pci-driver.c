// SPDX-License-Identifier: GPL-2.0
/*
 * The "pci" bus type and PCI drivers for the host environment.
 *
 * As in the kernel, binding a PCI driver that uses the DMA API claims the
 * IOMMU default domain of the function in the bus's dma_configure(), and
 * unbinding releases it in dma_cleanup(); a driver with driver_managed_dma
 * (VFIO style) skips both.
 */
#include <linux/pci.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/export.h>

#include "device-internal.h"
#include "pci-internal.h"

static const struct pci_device_id *pci_match_one_device(const struct pci_device_id *id,
							const struct pci_dev *dev)
{
	if ((id->vendor == PCI_ANY_ID || id->vendor == dev->vendor) &&
	    (id->device == PCI_ANY_ID || id->device == dev->device) &&
	    (id->subvendor == PCI_ANY_ID ||
	     id->subvendor == dev->subsystem_vendor) &&
	    (id->subdevice == PCI_ANY_ID ||
	     id->subdevice == dev->subsystem_device) &&
	    !((id->class ^ dev->class) & id->class_mask))
		return id;
	return NULL;
}

/**
 * pci_match_id() - find the entry of an ID table that matches a function
 * @ids: the table, ended by an entry with vendor, subvendor and class_mask 0
 * @dev: the function
 *
 * Return: the entry, or NULL.
 */
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev)
{
	if (!ids)
		return NULL;
	for (; ids->vendor || ids->subvendor || ids->class_mask; ids++) {
		if (ids->override_only)
			continue;
		if (pci_match_one_device(ids, dev))
			return ids;
	}
	return NULL;
}
EXPORT_SYMBOL(pci_match_id);

/* What a function bound through driver_override and no table entry gets */
static const struct pci_device_id pci_device_id_any = {
	.vendor = PCI_ANY_ID, .device = PCI_ANY_ID,
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID,
};

/*
 * The entry of @drv's table that @dev matches.  With driver_override set,
 * only the driver of that name matches, also through its override_only
 * entries or, failing any entry, through pci_device_id_any.
 */
static const struct pci_device_id *pci_match_device(const struct pci_driver *drv,
						    struct pci_dev *dev)
{
	const struct pci_device_id *ids = drv->id_table;

	if (dev->driver_override && strcmp(dev->driver_override, drv->name))
		return NULL;
	for (; ids && (ids->vendor || ids->subvendor || ids->class_mask); ids++) {
		if (ids->override_only && !dev->driver_override)
			continue;
		if (pci_match_one_device(ids, dev))
			return ids;
	}
	return dev->driver_override ? &pci_device_id_any : NULL;
}

static int pci_bus_match(struct device *dev, const struct device_driver *drv)
{
	struct pci_dev *pci_dev = to_pci_dev(dev);
	const struct pci_driver *pci_drv = to_pci_driver(drv);

	if (!pci_dev->match_driver)
		return 0;
	return !!pci_match_device(pci_drv, pci_dev);
}

static int pci_device_probe(struct device *dev)
{
	struct pci_dev *pci_dev = to_pci_dev(dev);
	struct pci_driver *drv = to_pci_driver(dev->driver);
	const struct pci_device_id *id;
	int ret;

	id = pci_match_device(drv, pci_dev);
	if (!id)
		return -ENODEV;
	if (!drv->probe)
		return 0;

	pci_dev_get(pci_dev);
	ret = drv->probe(pci_dev, id);
	if (ret) {
		pci_dev_put(pci_dev);
		/* Positive returns are a driver bug; treat them as refusal. */
		if (ret > 0)
			ret = -ENODEV;
	}
	return ret;
}

static void pci_device_remove(struct device *dev)
{
	struct pci_dev *pci_dev = to_pci_dev(dev);
	struct pci_driver *drv = to_pci_driver(dev->driver);

	if (!drv->probe)
		return;
	if (drv->remove)
		drv->remove(pci_dev);
	pci_dev_put(pci_dev);
}

static int pci_dma_configure(struct device *dev)
{
	struct pci_driver *driver = to_pci_driver(dev->driver);

	/* The IOMMU core may call this with no driver bound. */
	if (!dev->driver || driver->driver_managed_dma)
		return 0;
	return iommu_device_use_default_domain(dev);
}

static void pci_dma_cleanup(struct device *dev)
{
	struct pci_driver *driver = to_pci_driver(dev->driver);

	if (!driver->driver_managed_dma)
		iommu_device_unuse_default_domain(dev);
}

static ssize_t vendor_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%04x\n", to_pci_dev(dev)->vendor);
}
static DEVICE_ATTR_RO(vendor);

static ssize_t device_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%04x\n", to_pci_dev(dev)->device);
}
static DEVICE_ATTR_RO(device);

static ssize_t subsystem_vendor_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%04x\n", to_pci_dev(dev)->subsystem_vendor);
}
static DEVICE_ATTR_RO(subsystem_vendor);

static ssize_t subsystem_device_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%04x\n", to_pci_dev(dev)->subsystem_device);
}
static DEVICE_ATTR_RO(subsystem_device);

static ssize_t revision_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%02x\n", to_pci_dev(dev)->revision);
}
static DEVICE_ATTR_RO(revision);

static ssize_t class_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%06x\n", to_pci_dev(dev)->class);
}
static DEVICE_ATTR_RO(class);

static struct attribute *pci_dev_attrs[] = {
	&dev_attr_vendor.attr,
	&dev_attr_device.attr,
	&dev_attr_subsystem_vendor.attr,
	&dev_attr_subsystem_device.attr,
	&dev_attr_revision.attr,
	&dev_attr_class.attr,
	NULL,
};
ATTRIBUTE_GROUPS(pci_dev);

const struct bus_type pci_bus_type = {
	.name		= "pci",
	.match		= pci_bus_match,
	.probe		= pci_device_probe,
	.remove		= pci_device_remove,
	.dev_groups	= pci_dev_groups,
	.dma_configure	= pci_dma_configure,
	.dma_cleanup	= pci_dma_cleanup,
};
EXPORT_SYMBOL(pci_bus_type);

/**
 * __pci_register_driver() - register a PCI driver
 * @drv: the driver
 * @owner: its module
 * @mod_name: the module name, unused
 *
 * Binds the driver to every matching function already added.
 *
 * Return: as driver_register().
 */
int __pci_register_driver(struct pci_driver *drv, struct module *owner,
			  const char *mod_name)
{
	drv->driver.name = drv->name;
	drv->driver.bus = &pci_bus_type;
	drv->driver.owner = owner;
	drv->driver.mod_name = mod_name;
	drv->driver.groups = drv->groups;
	drv->driver.dev_groups = drv->dev_groups;
	return driver_register(&drv->driver);
}
EXPORT_SYMBOL(__pci_register_driver);

/**
 * pci_unregister_driver() - unbind a PCI driver everywhere and remove it
 * @drv: the driver
 */
void pci_unregister_driver(struct pci_driver *drv)
{
	driver_unregister(&drv->driver);
}
EXPORT_SYMBOL(pci_unregister_driver);

/* The kernel registers the PCI bus at postcore time. */
static int __init pci_driver_init(void)
{
	return bus_register(&pci_bus_type);
}
postcore_initcall(pci_driver_init);
