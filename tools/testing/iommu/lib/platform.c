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
#include <linux/platform_device.h>
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/idr.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/module.h>

#include "device-internal.h"

static DEFINE_IDA(platform_devid_ida);

/* The parent of platform devices that have no other: /sys/devices/platform. */
struct device platform_bus = {
	.init_name	= "platform",
};
EXPORT_SYMBOL_GPL(platform_bus);

/* ------------------------------------------------------------------------
 * Devices.
 */

struct platform_object {
	struct platform_device pdev;
	char name[];
};

static void platform_device_release(struct device *dev)
{
	struct platform_object *pa = container_of(dev, struct platform_object,
						  pdev.dev);

	kfree(pa->pdev.dev.platform_data);
	kfree(pa->pdev.driver_override);
	kfree(pa);
}

static void setup_pdev_dma_masks(struct platform_device *pdev)
{
	if (!pdev->dev.coherent_dma_mask)
		pdev->dev.coherent_dma_mask = 0xffffffffULL;
	if (!pdev->dev.dma_mask) {
		pdev->platform_dma_mask = 0xffffffffULL;
		pdev->dev.dma_mask = &pdev->platform_dma_mask;
	}
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
	struct platform_object *pa;
	size_t len = strlen(name) + 1;

	pa = kzalloc(sizeof(*pa) + len, GFP_KERNEL);
	if (!pa)
		return NULL;

	memcpy(pa->name, name, len);
	pa->pdev.name = pa->name;
	pa->pdev.id = id;
	device_initialize(&pa->pdev.dev);
	pa->pdev.dev.release = platform_device_release;
	setup_pdev_dma_masks(&pa->pdev);
	return &pa->pdev;
}
EXPORT_SYMBOL_GPL(platform_device_alloc);

/**
 * platform_device_add_data() - copy platform data into a device
 * @pdev: a device from platform_device_alloc()
 * @data: the data, or NULL
 * @size: its size
 *
 * Return: 0 or -ENOMEM.
 */
int platform_device_add_data(struct platform_device *pdev, const void *data,
			     size_t size)
{
	void *d = NULL;

	if (data) {
		d = kmemdup(data, size, GFP_KERNEL);
		if (!d)
			return -ENOMEM;
	}
	kfree(pdev->dev.platform_data);
	pdev->dev.platform_data = d;
	return 0;
}
EXPORT_SYMBOL_GPL(platform_device_add_data);

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
	int ret;

	if (!pdev)
		return -EINVAL;

	if (!pdev->dev.parent)
		pdev->dev.parent = &platform_bus;
	pdev->dev.bus = &platform_bus_type;

	switch (pdev->id) {
	default:
		ret = dev_set_name(&pdev->dev, "%s.%d", pdev->name, pdev->id);
		break;
	case PLATFORM_DEVID_NONE:
		ret = dev_set_name(&pdev->dev, "%s", pdev->name);
		break;
	case PLATFORM_DEVID_AUTO:
		ret = ida_alloc(&platform_devid_ida, GFP_KERNEL);
		if (ret < 0)
			return ret;
		pdev->id = ret;
		pdev->id_auto = true;
		ret = dev_set_name(&pdev->dev, "%s.%d.auto", pdev->name,
				   pdev->id);
		break;
	}
	if (ret)
		goto err_id;

	ret = device_add(&pdev->dev);
	if (ret)
		goto err_id;
	return 0;

err_id:
	if (pdev->id_auto) {
		ida_free(&platform_devid_ida, pdev->id);
		pdev->id = PLATFORM_DEVID_AUTO;
		pdev->id_auto = false;
	}
	return ret;
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
	if (pdev->id_auto) {
		ida_free(&platform_devid_ida, pdev->id);
		pdev->id = PLATFORM_DEVID_AUTO;
		pdev->id_auto = false;
	}
}
EXPORT_SYMBOL_GPL(platform_device_del);

/**
 * platform_device_put() - drop a reference on a platform device
 * @pdev: the device, or an ERR_PTR/NULL (ignored)
 */
void platform_device_put(struct platform_device *pdev)
{
	if (!IS_ERR_OR_NULL(pdev))
		put_device(&pdev->dev);
}
EXPORT_SYMBOL_GPL(platform_device_put);

/**
 * platform_device_register() - initialise and add a caller-owned device
 * @pdev: the device; dev.release must be set by the caller
 *
 * Return: 0 or an errno.
 */
int platform_device_register(struct platform_device *pdev)
{
	device_initialize(&pdev->dev);
	setup_pdev_dma_masks(pdev);
	return platform_device_add(pdev);
}
EXPORT_SYMBOL_GPL(platform_device_register);

/**
 * platform_device_unregister() - unregister and drop a reference
 * @pdev: the device, or an ERR_PTR/NULL (ignored)
 */
void platform_device_unregister(struct platform_device *pdev)
{
	if (IS_ERR_OR_NULL(pdev))
		return;
	platform_device_del(pdev);
	platform_device_put(pdev);
}
EXPORT_SYMBOL_GPL(platform_device_unregister);

/**
 * platform_device_register_resndata() - allocate, fill and register a device
 * @parent: the parent, or NULL for platform_bus
 * @name: the device name
 * @id: the instance number, PLATFORM_DEVID_NONE or PLATFORM_DEVID_AUTO
 * @res: resources; must be NULL (not modelled yet)
 * @num: number of resources; must be 0
 * @data: platform data to copy, or NULL
 * @size: its size
 *
 * Return: the registered device, or an ERR_PTR (-EINVAL, -ENOMEM, or an
 * error from device_add()).
 */
struct platform_device *platform_device_register_resndata(struct device *parent,
							  const char *name, int id,
							  const struct resource *res,
							  unsigned int num,
							  const void *data,
							  size_t size)
{
	struct platform_device *pdev;
	int ret;

	if (res || num) {
		pr_err("platform: resources are not modelled by the host environment\n");
		return ERR_PTR(-EINVAL);
	}

	pdev = platform_device_alloc(name, id);
	if (!pdev)
		return ERR_PTR(-ENOMEM);
	pdev->dev.parent = parent;

	ret = platform_device_add_data(pdev, data, size);
	if (ret)
		goto err;
	ret = platform_device_add(pdev);
	if (ret)
		goto err;
	return pdev;

err:
	platform_device_put(pdev);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_GPL(platform_device_register_resndata);

/* ------------------------------------------------------------------------
 * Drivers and the bus.
 */

static int platform_drv_probe(struct device *dev)
{
	struct platform_driver *drv = to_platform_driver(dev->driver);
	struct platform_device *pdev = to_platform_device(dev);
	int ret = 0;

	if (drv->probe)
		ret = drv->probe(pdev);
	if (drv->prevent_deferred_probe && ret == -EPROBE_DEFER) {
		dev_warn(dev, "probe deferral not supported\n");
		ret = -ENXIO;
	}
	return ret;
}

static void platform_drv_remove(struct device *dev)
{
	struct platform_driver *drv = to_platform_driver(dev->driver);

	if (drv->remove)
		drv->remove(to_platform_device(dev));
}

static const struct platform_device_id *platform_match_id(const struct platform_device_id *id,
							  struct platform_device *pdev)
{
	for (; id->name[0]; id++) {
		if (!strcmp(pdev->name, id->name)) {
			pdev->id_entry = id;
			return id;
		}
	}
	return NULL;
}

static int platform_match(struct device *dev, const struct device_driver *drv)
{
	struct platform_device *pdev = to_platform_device(dev);
	const struct platform_driver *pdrv = to_platform_driver(drv);

	if (pdev->driver_override)
		return !strcmp(pdev->driver_override, drv->name);
	if (pdrv->id_table)
		return !!platform_match_id(pdrv->id_table, pdev);
	return !strcmp(pdev->name, drv->name);
}

static int platform_dma_configure(struct device *dev)
{
	struct platform_driver *drv = to_platform_driver(dev->driver);

	/* The IOMMU core may call this with no driver bound. */
	if (!dev->driver || drv->driver_managed_dma)
		return 0;
	return iommu_device_use_default_domain(dev);
}

static void platform_dma_cleanup(struct device *dev)
{
	struct platform_driver *drv = to_platform_driver(dev->driver);

	if (!drv->driver_managed_dma)
		iommu_device_unuse_default_domain(dev);
}

const struct bus_type platform_bus_type = {
	.name		= "platform",
	.match		= platform_match,
	.probe		= platform_drv_probe,
	.remove		= platform_drv_remove,
	.dma_configure	= platform_dma_configure,
	.dma_cleanup	= platform_dma_cleanup,
};
EXPORT_SYMBOL_GPL(platform_bus_type);

/**
 * __platform_driver_register() - register a platform driver
 * @drv: the driver
 * @owner: its module
 *
 * Return: as driver_register().
 */
int __platform_driver_register(struct platform_driver *drv, struct module *owner)
{
	drv->driver.owner = owner;
	drv->driver.bus = &platform_bus_type;
	return driver_register(&drv->driver);
}
EXPORT_SYMBOL_GPL(__platform_driver_register);

/**
 * platform_driver_unregister() - unregister a platform driver
 * @drv: the driver
 */
void platform_driver_unregister(struct platform_driver *drv)
{
	driver_unregister(&drv->driver);
}
EXPORT_SYMBOL_GPL(platform_driver_unregister);

int platform_bus_init(void)
{
	int ret;

	ret = device_register(&platform_bus);
	if (ret) {
		put_device(&platform_bus);
		return ret;
	}
	ret = bus_register(&platform_bus_type);
	if (ret)
		device_unregister(&platform_bus);
	return ret;
}

/* The kernel registers the platform bus before any initcall runs. */
static int __init platform_bus_initcall(void)
{
	return platform_bus_init();
}
pure_initcall(platform_bus_initcall);
