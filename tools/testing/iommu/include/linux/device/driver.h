/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Drivers of the device model.
 */
#ifndef _DEVICE_DRIVER_H_
#define _DEVICE_DRIVER_H_

#include <linux/kobject.h>
#include <linux/device/bus.h>

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

int __must_check driver_register(struct device_driver *drv);
void driver_unregister(struct device_driver *drv);

struct device_driver *driver_find(const char *name, const struct bus_type *bus);
void wait_for_device_probe(void);

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
	return driver_find_device(drv, NULL, name, device_match_name);
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
	return driver_find_device(drv, start, NULL, device_match_any);
}

void driver_deferred_probe_add(struct device *dev);

/**
 * module_driver() - register a driver at init and unregister it at exit
 * @__driver: the driver structure
 * @__register: the registration function
 * @__unregister: the unregistration function
 */
#define module_driver(__driver, __register, __unregister, ...)		\
static int __init __driver##_init(void)					\
{									\
	return __register(&(__driver), ##__VA_ARGS__);			\
}									\
module_init(__driver##_init);						\
static void __exit __driver##_exit(void)				\
{									\
	__unregister(&(__driver), ##__VA_ARGS__);			\
}									\
module_exit(__driver##_exit)

/**
 * builtin_driver() - register a driver at init, never unregister it
 * @__driver: the driver structure
 * @__register: the registration function
 */
#define builtin_driver(__driver, __register, ...)			\
static int __init __driver##_init(void)					\
{									\
	return __register(&(__driver), ##__VA_ARGS__);			\
}									\
device_initcall(__driver##_init)

#endif /* _DEVICE_DRIVER_H_ */
