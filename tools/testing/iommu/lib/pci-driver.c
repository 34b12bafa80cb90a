// SPDX-License-Identifier: GPL-2.0
/*
 * The "pci" bus type and PCI drivers for the host environment.
 *
 * As in the kernel, binding a PCI driver that uses the DMA API claims the
 * IOMMU default domain of the function in the bus's dma_configure(), and
 * unbinding releases it in dma_cleanup(); a driver with driver_managed_dma
 * (VFIO style) skips both.
 */
#include <linux/init.h>
#include <linux/pci.h>
#include <linux/sysfs.h>
#include <linux/string.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include "pci-internal.h"
#include "device-internal.h"

/* === ID tables === */

/* An ID field matches when the table asks for anything or for this value */
static bool pci_id_field_ok(u32 want, u32 have)
{
	return want == PCI_ANY_ID || want == have;
}

static bool pci_id_entry_matches(const struct pci_device_id *ent,
				 const struct pci_dev *pdev)
{
	/* Class bits outside the mask do not matter */
	if ((ent->class ^ pdev->class) & ent->class_mask)
		return false;

	return pci_id_field_ok(ent->vendor, pdev->vendor) &&
	       pci_id_field_ok(ent->device, pdev->device) &&
	       pci_id_field_ok(ent->subvendor, pdev->subsystem_vendor) &&
	       pci_id_field_ok(ent->subdevice, pdev->subsystem_device);
}

/* Tables end with an entry whose vendor, subvendor and class_mask are 0 */
static bool pci_id_table_end(const struct pci_device_id *ent)
{
	return !ent->vendor && !ent->subvendor && !ent->class_mask;
}

/*
 * The first entry of @table that @pdev matches; override_only entries take
 * part only when @with_override_only.
 */
static const struct pci_device_id *pci_id_lookup(const struct pci_device_id *table,
						 const struct pci_dev *pdev,
						 bool with_override_only)
{
	const struct pci_device_id *ent;

	for (ent = table; ent && !pci_id_table_end(ent); ent++) {
		if (ent->override_only && !with_override_only)
			continue;
		if (pci_id_entry_matches(ent, pdev))
			return ent;
	}
	return NULL;
}

/**
 * pci_match_id() - find the entry of an ID table that matches a function
 * @table: the table, ended by an entry with vendor, subvendor and class_mask 0
 * @pdev: the function
 *
 * Entries marked override_only are skipped.
 *
 * Return: the entry, or NULL.
 */
const struct pci_device_id *pci_match_id(const struct pci_device_id *table,
					 struct pci_dev *pdev)
{
	return pci_id_lookup(table, pdev, false);
}
EXPORT_SYMBOL(pci_match_id);

/* What a function bound through driver_override and no table entry gets */
static const struct pci_device_id pci_id_wildcard = {
	.vendor = PCI_ANY_ID,
	.device = PCI_ANY_ID,
	.subvendor = PCI_ANY_ID,
	.subdevice = PCI_ANY_ID,
};

/*
 * The entry of @pdrv's table that @pdev matches. With driver_override set,
 * only the driver of that name matches, also through its override_only
 * entries or, failing any entry, through pci_id_wildcard.
 */
static const struct pci_device_id *pci_driver_entry(const struct pci_driver *pdrv,
						    struct pci_dev *pdev)
{
	const char *forced = pdev->driver_override;
	const struct pci_device_id *ent;

	if (!forced)
		return pci_id_lookup(pdrv->id_table, pdev, false);

	if (strcmp(forced, pdrv->name) != 0)
		return NULL;
	ent = pci_id_lookup(pdrv->id_table, pdev, true);
	return ent ? ent : &pci_id_wildcard;
}

/* === Bus callbacks === */

static int pci_bus_match(struct device *dev, const struct device_driver *drv)
{
	struct pci_dev *pdev = to_pci_dev(dev);

	return pdev->match_driver && pci_driver_entry(to_pci_driver(drv), pdev);
}

static int pci_device_probe(struct device *dev)
{
	struct pci_driver *pdrv = to_pci_driver(dev->driver);
	struct pci_dev *pdev = to_pci_dev(dev);
	const struct pci_device_id *ent;
	int err;

	ent = pci_driver_entry(pdrv, pdev);
	if (!ent)
		return -ENODEV;
	if (!pdrv->probe)
		return 0;

	/* A bound driver holds a reference on its function */
	pci_dev_get(pdev);
	err = pdrv->probe(pdev, ent);
	if (!err)
		return 0;

	pci_dev_put(pdev);
	/* Positive returns are a driver bug; treat them as a refusal */
	return err < 0 ? err : -ENODEV;
}

static void pci_device_remove(struct device *dev)
{
	struct pci_driver *pdrv = to_pci_driver(dev->driver);

	/* Without a probe op no reference was taken at bind time */
	if (!pdrv->probe)
		return;

	if (pdrv->remove)
		pdrv->remove(to_pci_dev(dev));
	pci_dev_put(to_pci_dev(dev));
}

/* Does the driver bound to @dev go through the DMA API (and so the core)? */
static bool pci_bound_uses_dma_api(struct device *dev)
{
	return dev->driver && !to_pci_driver(dev->driver)->driver_managed_dma;
}

static int pci_dma_configure(struct device *dev)
{
	/* The IOMMU core may also call this with no driver bound */
	if (!pci_bound_uses_dma_api(dev))
		return 0;
	return iommu_device_use_default_domain(dev);
}

static void pci_dma_cleanup(struct device *dev)
{
	if (pci_bound_uses_dma_api(dev))
		iommu_device_unuse_default_domain(dev);
}

/* === Identification attributes === */

/* The identification fields of struct pci_dev shown in sysfs */
enum pci_id_field {
	PCI_ID_VENDOR,
	PCI_ID_DEVICE,
	PCI_ID_SUBVENDOR,
	PCI_ID_SUBDEVICE,
	PCI_ID_REVISION,
	PCI_ID_CLASS,
};

/* A read-only attribute showing one field in hex, zero padded */
struct pci_id_attr {
	struct device_attribute dattr;
	enum pci_id_field which;
	int digits;
};

static u32 pci_id_value(const struct pci_dev *pdev, enum pci_id_field which)
{
	switch (which) {
	case PCI_ID_VENDOR:
		return pdev->vendor;
	case PCI_ID_DEVICE:
		return pdev->device;
	case PCI_ID_SUBVENDOR:
		return pdev->subsystem_vendor;
	case PCI_ID_SUBDEVICE:
		return pdev->subsystem_device;
	case PCI_ID_REVISION:
		return pdev->revision;
	case PCI_ID_CLASS:
		return pdev->class;
	}
	return 0;
}

static ssize_t pci_id_attr_show(struct device *dev,
				struct device_attribute *dattr, char *buf)
{
	const struct pci_id_attr *ia = container_of(dattr, struct pci_id_attr,
						    dattr);

	return sysfs_emit(buf, "0x%0*x\n", ia->digits,
			  pci_id_value(to_pci_dev(dev), ia->which));
}

#define PCI_ID_ATTR(_name, _which, _digits)				\
	static struct pci_id_attr pci_id_attr_##_name = {		\
		.dattr = __ATTR(_name, 0444, pci_id_attr_show, NULL),	\
		.which = _which,					\
		.digits = _digits,					\
	}

PCI_ID_ATTR(vendor, PCI_ID_VENDOR, 4);
PCI_ID_ATTR(device, PCI_ID_DEVICE, 4);
PCI_ID_ATTR(subsystem_vendor, PCI_ID_SUBVENDOR, 4);
PCI_ID_ATTR(subsystem_device, PCI_ID_SUBDEVICE, 4);
PCI_ID_ATTR(revision, PCI_ID_REVISION, 2);
PCI_ID_ATTR(class, PCI_ID_CLASS, 6);

static struct attribute *pci_id_attrs[] = {
	&pci_id_attr_class.dattr.attr,
	&pci_id_attr_device.dattr.attr,
	&pci_id_attr_revision.dattr.attr,
	&pci_id_attr_subsystem_device.dattr.attr,
	&pci_id_attr_subsystem_vendor.dattr.attr,
	&pci_id_attr_vendor.dattr.attr,
	NULL,
};

static const struct attribute_group pci_id_group = {
	.attrs = pci_id_attrs,
};

static const struct attribute_group *pci_id_groups[] = {
	&pci_id_group,
	NULL,
};

const struct bus_type pci_bus_type = {
	.name		= "pci",
	.dev_groups	= pci_id_groups,
	.match		= pci_bus_match,
	.dma_configure	= pci_dma_configure,
	.probe		= pci_device_probe,
	.remove		= pci_device_remove,
	.dma_cleanup	= pci_dma_cleanup,
};
EXPORT_SYMBOL(pci_bus_type);

/* === Drivers === */

/**
 * __pci_register_driver() - register a PCI driver
 * @pdrv: the driver
 * @owner: its module
 * @mod_name: the module name, unused
 *
 * Binds the driver to every matching function already added.
 *
 * Return: as driver_register().
 */
int __pci_register_driver(struct pci_driver *pdrv, struct module *owner,
			  const char *mod_name)
{
	struct device_driver *core = &pdrv->driver;

	core->bus = &pci_bus_type;
	core->owner = owner;
	core->mod_name = mod_name;
	core->name = pdrv->name;
	core->dev_groups = pdrv->dev_groups;
	core->groups = pdrv->groups;
	return driver_register(core);
}
EXPORT_SYMBOL(__pci_register_driver);

/**
 * pci_unregister_driver() - unbind a PCI driver everywhere and remove it
 * @pdrv: the driver
 */
void pci_unregister_driver(struct pci_driver *pdrv)
{
	driver_unregister(&pdrv->driver);
}
EXPORT_SYMBOL(pci_unregister_driver);

/* Registered at postcore time, as in the kernel, before any PCI driver */
static int __init pci_bus_type_register(void)
{
	return bus_register(&pci_bus_type);
}
postcore_initcall(pci_bus_type_register);
