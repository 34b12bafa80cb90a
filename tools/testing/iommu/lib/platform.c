// SPDX-License-Identifier: GPL-2.0
/*
 * The platform bus for the host environment.
 *
 * Binding a platform device to a driver that uses the DMA API claims the
 * device's IOMMU default domain (iommu_device_use_default_domain()) in the
 * bus's dma_configure(), and releases it in dma_cleanup(), as in the
 * kernel. Devicetree/ACPI DMA configuration does not exist on the host: a
 * machine description sets up a device's fwspec itself.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/overflow.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/idr.h>
#include <linux/err.h>

#include "device-internal.h"

/* Instance numbers of devices registered with PLATFORM_DEVID_AUTO */
static DEFINE_IDA(platform_auto_ids);

/* The parent of platform devices that have no other: /sys/devices/platform */
struct device platform_bus = {
	.init_name	= "platform",
};
EXPORT_SYMBOL_GPL(platform_bus);

/* === Devices === */

/* A device from platform_device_alloc(), with its name stored behind it */
struct platform_dev_box {
	struct platform_device pdev;
	char name[];
};

static void platform_dev_box_free(struct device *dev)
{
	struct platform_device *pdev = to_platform_device(dev);

	kfree(pdev->driver_override);
	kfree(dev->platform_data);
	kfree(container_of(pdev, struct platform_dev_box, pdev));
}

/* Default to 32-bit DMA, unless the creator already chose masks */
static void platform_dev_default_dma(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;

	if (!dev->dma_mask) {
		pdev->platform_dma_mask = DMA_BIT_MASK(32);
		dev->dma_mask = &pdev->platform_dma_mask;
	}
	if (!dev->coherent_dma_mask)
		dev->coherent_dma_mask = DMA_BIT_MASK(32);
}

/**
 * platform_device_alloc() - allocate a platform device
 * @name: the device name (copied)
 * @id: the instance number, PLATFORM_DEVID_NONE or PLATFORM_DEVID_AUTO
 *
 * Return: the device, initialised; add it with platform_device_add() and
 * free it with platform_device_put(). NULL on allocation failure.
 */
struct platform_device *platform_device_alloc(const char *name, int id)
{
	size_t bytes = strlen(name) + 1;
	struct platform_dev_box *box;

	box = kzalloc(struct_size(box, name, bytes), GFP_KERNEL);
	if (!box)
		return NULL;

	device_initialize(&box->pdev.dev);
	box->pdev.dev.release = platform_dev_box_free;
	memcpy(box->name, name, bytes);
	box->pdev.name = box->name;
	box->pdev.id = id;
	platform_dev_default_dma(&box->pdev);
	return &box->pdev;
}
EXPORT_SYMBOL_GPL(platform_device_alloc);

/**
 * platform_device_add_data() - copy platform data into a device
 * @pdev: a device from platform_device_alloc()
 * @blob: the data, or NULL
 * @bytes: its size
 *
 * Return: 0 or -ENOMEM.
 */
int platform_device_add_data(struct platform_device *pdev, const void *blob,
			     size_t bytes)
{
	void *copy = blob ? kmemdup(blob, bytes, GFP_KERNEL) : NULL;

	if (blob && !copy)
		return -ENOMEM;

	swap(pdev->dev.platform_data, copy);
	kfree(copy);
	return 0;
}
EXPORT_SYMBOL_GPL(platform_device_add_data);

/* Give back an automatically assigned instance number */
static void platform_dev_put_auto_id(struct platform_device *pdev)
{
	if (!pdev->id_auto)
		return;
	ida_free(&platform_auto_ids, pdev->id);
	pdev->id_auto = false;
	pdev->id = PLATFORM_DEVID_AUTO;
}

/* "<name>", "<name>.<id>", or "<name>.<n>.auto" with a fresh n */
static int platform_dev_pick_name(struct platform_device *pdev)
{
	int n;

	if (pdev->id == PLATFORM_DEVID_NONE)
		return dev_set_name(&pdev->dev, "%s", pdev->name);
	if (pdev->id != PLATFORM_DEVID_AUTO)
		return dev_set_name(&pdev->dev, "%s.%d", pdev->name, pdev->id);

	n = ida_alloc(&platform_auto_ids, GFP_KERNEL);
	if (n < 0)
		return n;
	pdev->id_auto = true;
	pdev->id = n;
	return dev_set_name(&pdev->dev, "%s.%d.auto", pdev->name, n);
}

/**
 * platform_device_add() - register a platform device
 * @pdev: the device
 *
 * Names it "<name>", "<name>.<id>" or "<name>.<n>.auto" and registers it
 * below platform_bus unless it has a parent.
 *
 * Return: 0 or an errno (the caller still owns its reference).
 */
int platform_device_add(struct platform_device *pdev)
{
	int err;

	if (!pdev)
		return -EINVAL;

	pdev->dev.bus = &platform_bus_type;
	if (!pdev->dev.parent)
		pdev->dev.parent = &platform_bus;

	err = platform_dev_pick_name(pdev);
	if (err)
		goto undo_id;
	err = device_add(&pdev->dev);
	if (err)
		goto undo_id;
	return 0;

undo_id:
	platform_dev_put_auto_id(pdev);
	return err;
}
EXPORT_SYMBOL_GPL(platform_device_add);

/**
 * platform_device_del() - unregister a platform device, keeping a reference
 * @pdev: the device, or an ERR_PTR/NULL (ignored)
 */
void platform_device_del(struct platform_device *pdev)
{
	if (IS_ERR_OR_NULL(pdev))
		return;

	device_del(&pdev->dev);
	platform_dev_put_auto_id(pdev);
}
EXPORT_SYMBOL_GPL(platform_device_del);

/**
 * platform_device_put() - drop a reference on a platform device
 * @pdev: the device, or an ERR_PTR/NULL (ignored)
 */
void platform_device_put(struct platform_device *pdev)
{
	if (IS_ERR_OR_NULL(pdev))
		return;
	put_device(&pdev->dev);
}
EXPORT_SYMBOL_GPL(platform_device_put);

/**
 * platform_device_unregister() - unregister and drop a reference
 * @pdev: the device, or an ERR_PTR/NULL (ignored)
 */
void platform_device_unregister(struct platform_device *pdev)
{
	platform_device_del(pdev);
	platform_device_put(pdev);
}
EXPORT_SYMBOL_GPL(platform_device_unregister);

/**
 * platform_device_register() - initialise and add a caller-owned device
 * @pdev: the device; dev.release must be set by the caller
 *
 * Return: 0 or an errno.
 */
int platform_device_register(struct platform_device *pdev)
{
	device_initialize(&pdev->dev);
	platform_dev_default_dma(pdev);
	return platform_device_add(pdev);
}
EXPORT_SYMBOL_GPL(platform_device_register);

/**
 * platform_device_register_resndata() - allocate, fill and register a device
 * @parent: the parent, or NULL for platform_bus
 * @name: the device name
 * @id: the instance number, PLATFORM_DEVID_NONE or PLATFORM_DEVID_AUTO
 * @res: resources; must be NULL (not modelled yet)
 * @num: number of resources; must be 0
 * @blob: platform data to copy, or NULL
 * @bytes: its size
 *
 * Return: the registered device, or an ERR_PTR (-EINVAL, -ENOMEM, or an
 * error from device_add()).
 */
struct platform_device *platform_device_register_resndata(struct device *parent,
							  const char *name, int id,
							  const struct resource *res,
							  unsigned int num,
							  const void *blob,
							  size_t bytes)
{
	struct platform_device *pdev;
	int err;

	if (res || num) {
		pr_err("platform: %s: resources are not modelled by the host environment\n",
		       name);
		return ERR_PTR(-EINVAL);
	}

	pdev = platform_device_alloc(name, id);
	if (!pdev)
		return ERR_PTR(-ENOMEM);

	pdev->dev.parent = parent;
	err = platform_device_add_data(pdev, blob, bytes);
	if (!err)
		err = platform_device_add(pdev);
	if (!err)
		return pdev;

	platform_device_put(pdev);
	return ERR_PTR(err);
}
EXPORT_SYMBOL_GPL(platform_device_register_resndata);

/* === Drivers and the bus === */

static int platform_bus_probe(struct device *dev)
{
	struct platform_driver *pdrv = to_platform_driver(dev->driver);
	int err;

	if (!pdrv->probe)
		return 0;

	err = pdrv->probe(to_platform_device(dev));
	/* Drivers that cannot be retried turn a deferral into a failure */
	if (err == -EPROBE_DEFER && pdrv->prevent_deferred_probe) {
		dev_warn(dev, "probe deferral not supported\n");
		err = -ENXIO;
	}
	return err;
}

static void platform_bus_remove(struct device *dev)
{
	void (*remove)(struct platform_device *pdev);

	remove = to_platform_driver(dev->driver)->remove;
	if (remove)
		remove(to_platform_device(dev));
}

/* The entry of @table named like @pdev, remembered in pdev->id_entry */
static bool platform_id_table_match(const struct platform_device_id *table,
				    struct platform_device *pdev)
{
	const struct platform_device_id *ent;

	for (ent = table; ent->name[0]; ent++) {
		if (strcmp(ent->name, pdev->name))
			continue;
		pdev->id_entry = ent;
		return true;
	}
	return false;
}

static int platform_bus_match(struct device *dev,
			      const struct device_driver *drv)
{
	const struct platform_driver *pdrv = to_platform_driver(drv);
	struct platform_device *pdev = to_platform_device(dev);

	/* An override names the only driver the device accepts */
	if (pdev->driver_override)
		return strcmp(pdev->driver_override, drv->name) == 0;
	if (!pdrv->id_table)
		return strcmp(pdev->name, drv->name) == 0;
	return platform_id_table_match(pdrv->id_table, pdev);
}

/* Does the driver bound to @dev go through the DMA API (and so the core)? */
static bool platform_bound_uses_dma_api(struct device *dev)
{
	return dev->driver &&
	       !to_platform_driver(dev->driver)->driver_managed_dma;
}

static int platform_dma_configure(struct device *dev)
{
	/* The IOMMU core may also call this with no driver bound */
	return platform_bound_uses_dma_api(dev) ?
	       iommu_device_use_default_domain(dev) : 0;
}

static void platform_dma_cleanup(struct device *dev)
{
	if (platform_bound_uses_dma_api(dev))
		iommu_device_unuse_default_domain(dev);
}

const struct bus_type platform_bus_type = {
	.name		= "platform",
	.dma_configure	= platform_dma_configure,
	.dma_cleanup	= platform_dma_cleanup,
	.match		= platform_bus_match,
	.probe		= platform_bus_probe,
	.remove		= platform_bus_remove,
};
EXPORT_SYMBOL_GPL(platform_bus_type);

/**
 * __platform_driver_register() - register a platform driver
 * @pdrv: the driver
 * @owner: its module
 *
 * Return: as driver_register().
 */
int __platform_driver_register(struct platform_driver *pdrv,
			       struct module *owner)
{
	struct device_driver *core = &pdrv->driver;

	core->bus = &platform_bus_type;
	core->owner = owner;
	return driver_register(core);
}
EXPORT_SYMBOL_GPL(__platform_driver_register);

/**
 * platform_driver_unregister() - unregister a platform driver
 * @pdrv: the driver
 */
void platform_driver_unregister(struct platform_driver *pdrv)
{
	driver_unregister(&pdrv->driver);
}
EXPORT_SYMBOL_GPL(platform_driver_unregister);

/**
 * platform_bus_init() - register the platform root device and bus type
 *
 * Return: 0 or the error of device_register() or bus_register().
 */
int platform_bus_init(void)
{
	int err;

	err = device_register(&platform_bus);
	if (err)
		goto put_root;
	err = bus_register(&platform_bus_type);
	if (err)
		goto unregister_root;
	return 0;

put_root:
	put_device(&platform_bus);
	return err;
unregister_root:
	device_unregister(&platform_bus);
	return err;
}

/* Registered first thing, as the kernel does before any initcall */
static int __init platform_bus_register_early(void)
{
	return platform_bus_init();
}
pure_initcall(platform_bus_register_early);
