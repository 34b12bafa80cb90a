/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Drivers of the device model.
 */
#ifndef _DEVICE_DRIVER_H_
#define _DEVICE_DRIVER_H_

#include <linux/kobject.h>
#include <linux/device/bus.h>
#include <linux/module.h>

struct device;
struct module;
struct acpi_device_id;
struct driver_private;

/**
 * enum probe_type - whether a driver may be probed asynchronously
 * @PROBE_DEFAULT_STRATEGY: synchronous unless asked otherwise
 * @PROBE_PREFER_ASYNCHRONOUS: asynchronous is fine (probed synchronously here)
 * @PROBE_FORCE_SYNCHRONOUS: always synchronous
 */
enum probe_type {
	PROBE_DEFAULT_STRATEGY,
	PROBE_PREFER_ASYNCHRONOUS,
	PROBE_FORCE_SYNCHRONOUS,
};

/**
 * struct device_driver - the basic driver structure
 * @name: the driver name
 * @bus: the bus its devices are on
 * @owner: the module
 * @mod_name: name of a built-in module
 * @suppress_bind_attrs: no bind/unbind attributes in sysfs
 * @probe_type: the probing strategy
 * @of_match_table: devicetree match table
 * @acpi_match_table: ACPI match table
 * @probe: binds to a device; 0 on success, -ENODEV/-ENXIO to decline
 *	   quietly, -EPROBE_DEFER to be tried again later
 * @sync_state: not used on the host
 * @remove: unbinds from a device
 * @shutdown: not used on the host
 * @groups: attribute groups of the driver directory
 * @dev_groups: attribute groups added to each bound device
 * @p: private to the driver core
 */
struct device_driver {
	const char		*name;
	const struct bus_type	*bus;

	struct module		*owner;
	const char		*mod_name;

	bool suppress_bind_attrs;
	enum probe_type probe_type;

	const struct of_device_id	*of_match_table;
	const struct acpi_device_id	*acpi_match_table;

	int (*probe)(struct device *dev);
	void (*sync_state)(struct device *dev);
	int (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;

	struct driver_private *p;
};

/* Lookup and probe synchronisation */
void wait_for_device_probe(void);
struct device_driver *driver_find(const char *name, const struct bus_type *bus);
void driver_deferred_probe_add(struct device *dev);

/* Registration */
void driver_unregister(struct device_driver *drv);
int __must_check driver_register(struct device_driver *drv);

/* Walking the devices bound to a driver */
int __must_check driver_for_each_device(struct device_driver *drv,
					struct device *start, void *data,
					int (*fn)(struct device *dev, void *));
struct device *driver_find_device(const struct device_driver *drv,
				  struct device *start, const void *data,
				  int (*match)(struct device *dev, const void *data));

/**
 * driver_find_device_by_name() - find a device bound to a driver by name
 * @drv: the driver
 * @name: the device name
 *
 * Return: the device with a reference taken (put_device() it), or NULL.
 */
static inline struct device *driver_find_device_by_name(const struct device_driver *drv,
							const char *name)
{
	const void *key = name;

	return driver_find_device(drv, NULL, key, device_match_name);
}

/**
 * driver_find_next_device() - the next device bound to a driver
 * @drv: the driver
 * @start: the current device, or NULL for the first
 *
 * Return: the device with a reference taken (put_device() it), or NULL.
 */
static inline struct device *driver_find_next_device(const struct device_driver *drv,
						     struct device *start)
{
	/* device_match_any() accepts every device: the one after @start wins. */
	return driver_find_device(drv, start, NULL, device_match_any);
}

/*
 * module_driver() and builtin_driver(), which wrap a driver's registration
 * in init/exit calls, come from <linux/module.h> in this tree.
 */

#endif /* _DEVICE_DRIVER_H_ */
