/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Platform devices: devices that are not on a discoverable bus and are
 * described by the machine (here, by host machine descriptions with
 * software nodes).
 */
#ifndef _PLATFORM_DEVICE_H_
#define _PLATFORM_DEVICE_H_

#include <linux/device.h>
#include <linux/mod_devicetable.h>

#define PLATFORM_DEVID_NONE	(-1)
#define PLATFORM_DEVID_AUTO	(-2)

struct resource;

/**
 * struct platform_device - a device on the platform bus
 * @name: the device name, matched against driver names
 * @id: the instance number, or PLATFORM_DEVID_NONE
 * @id_auto: @id was allocated by PLATFORM_DEVID_AUTO
 * @dev: the embedded device
 * @platform_dma_mask: storage for dev.dma_mask
 * @num_resources: entries in @resource
 * @resource: MMIO/IRQ resources (not modelled by the host yet)
 * @id_entry: the driver ID table entry that matched
 * @driver_override: bind only to the driver of this name
 */
struct platform_device {
	const char	*name;
	int		id;
	bool		id_auto;
	struct device	dev;
	u64		platform_dma_mask;
	u32		num_resources;
	struct resource	*resource;
	const struct platform_device_id	*id_entry;
	const char	*driver_override;
};

#define platform_get_device_id(pdev)	((pdev)->id_entry)

#define dev_is_platform(dev)	((dev)->bus == &platform_bus_type)
#define to_platform_device(x)	container_of((x), struct platform_device, dev)

extern const struct bus_type platform_bus_type;
extern struct device platform_bus;

struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add_data(struct platform_device *pdev, const void *data,
			     size_t size);
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);
int platform_device_register(struct platform_device *pdev);
void platform_device_unregister(struct platform_device *pdev);
struct platform_device *platform_device_register_resndata(struct device *parent,
							  const char *name, int id,
							  const struct resource *res,
							  unsigned int num,
							  const void *data,
							  size_t size);

/**
 * platform_device_register_simple() - allocate and register a platform device
 * @name: the device name
 * @id: the instance number, PLATFORM_DEVID_NONE or PLATFORM_DEVID_AUTO
 * @res: resources (must be NULL: not modelled yet)
 * @num: number of resources (must be 0)
 *
 * Return: the device (unregister it with platform_device_unregister()), or
 * an ERR_PTR.
 */
static inline struct platform_device *
platform_device_register_simple(const char *name, int id,
				const struct resource *res, unsigned int num)
{
	return platform_device_register_resndata(NULL, name, id, res, num,
						 NULL, 0);
}

/**
 * platform_get_drvdata() - the driver data of a platform device
 * @pdev: the device
 *
 * Return: what was stored with platform_set_drvdata().
 */
static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

/**
 * platform_set_drvdata() - store driver data in a platform device
 * @pdev: the device
 * @data: the data
 */
static inline void platform_set_drvdata(struct platform_device *pdev,
					void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

/**
 * struct platform_driver - a driver of platform devices
 * @probe: binds to a device
 * @remove: unbinds from a device
 * @remove_new: the same as @remove (a relic of the remove() conversion)
 * @shutdown: not used on the host
 * @driver: the embedded driver; its name matches device names
 * @id_table: names of devices handled, matched before the driver name
 * @prevent_deferred_probe: turn -EPROBE_DEFER from probe into -ENXIO
 * @driver_managed_dma: the driver does not use the kernel DMA API (e.g.
 *			VFIO); binding then does not claim the default domain
 */
struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	union {
		void (*remove)(struct platform_device *pdev);
		void (*remove_new)(struct platform_device *pdev);
	};
	void (*shutdown)(struct platform_device *pdev);
	struct device_driver driver;
	const struct platform_device_id *id_table;
	bool prevent_deferred_probe;
	bool driver_managed_dma;
};

#define to_platform_driver(drv)	(container_of((drv), struct platform_driver, \
				 driver))

int __platform_driver_register(struct platform_driver *drv,
			       struct module *owner);
#define platform_driver_register(drv) \
	__platform_driver_register(drv, THIS_MODULE)
void platform_driver_unregister(struct platform_driver *drv);

#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, \
		      platform_driver_unregister)

#define builtin_platform_driver(__platform_driver) \
	builtin_driver(__platform_driver, platform_driver_register)

#endif /* _PLATFORM_DEVICE_H_ */
