/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Buses of the device model: the bus type, bus notifiers, and iteration
 * over the devices and drivers of a bus.
 */
#ifndef _DEVICE_BUS_H_
#define _DEVICE_BUS_H_

#include <linux/kobject.h>

struct device;
struct device_driver;
struct fwnode_handle;
struct notifier_block;

/**
 * struct bus_type - a kind of bus that devices and drivers meet on
 * @name: the bus name (/sys/bus/@name)
 * @dev_name: used with the device id to name devices that have no name
 * @bus_groups: attribute groups of the bus directory
 * @dev_groups: attribute groups added to every device on the bus
 * @drv_groups: attribute groups added to every driver on the bus
 * @match: whether @drv can drive @dev: positive for a match, 0 for none,
 *	   -EPROBE_DEFER to stop trying other drivers for now, other negative
 *	   errno to abandon the attach; without it every driver matches
 * @uevent: adds uevent variables (not called on the host)
 * @probe: probes the device with dev->driver set (instead of the driver's
 *	   probe)
 * @sync_state: not used on the host
 * @remove: unbinds the device (instead of the driver's remove)
 * @shutdown: not used on the host
 * @online: not used on the host
 * @offline: not used on the host
 * @num_vf: number of virtual functions, if the bus has them
 * @dma_configure: sets up DMA for a device about to be probed, with
 *		   dev->driver already set; an error fails the probe
 * @dma_cleanup: undoes @dma_configure after remove or a failed probe
 * @driver_override: the bus supports driver_override
 */
struct bus_type {
	const char		*name;
	const char		*dev_name;
	const struct attribute_group **bus_groups;
	const struct attribute_group **dev_groups;
	const struct attribute_group **drv_groups;

	int (*match)(struct device *dev, const struct device_driver *drv);
	int (*uevent)(const struct device *dev, struct kobj_uevent_env *env);
	int (*probe)(struct device *dev);
	void (*sync_state)(struct device *dev);
	void (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);

	int (*online)(struct device *dev);
	int (*offline)(struct device *dev);

	int (*num_vf)(struct device *dev);

	int (*dma_configure)(struct device *dev);
	void (*dma_cleanup)(struct device *dev);

	bool driver_override;
};

/* Bus lifetime */
bool bus_is_registered(const struct bus_type *bus);
void bus_unregister(const struct bus_type *bus);
int __must_check bus_register(const struct bus_type *bus);
int __must_check bus_rescan_devices(const struct bus_type *bus);
struct kset *bus_get_kset(const struct bus_type *bus);

/* Bus notifiers (events below) */
int bus_unregister_notifier(const struct bus_type *bus, struct notifier_block *nb);
int bus_register_notifier(const struct bus_type *bus, struct notifier_block *nb);

/*
 * Ready-made match callbacks for the bus_find_device() family; each returns
 * non-zero when @dev has the given property.
 */
int device_match_any(struct device *dev, const void *unused);
int device_match_devt(struct device *dev, const void *pdevt);
int device_match_fwnode(struct device *dev, const void *fwnode);
int device_match_of_node(struct device *dev, const void *np);
int device_match_name(struct device *dev, const void *name);

/* Iteration over a bus's drivers and devices */
int bus_for_each_drv(const struct bus_type *bus, struct device_driver *start,
		     void *data, int (*fn)(struct device_driver *, void *));
int bus_for_each_dev(const struct bus_type *bus, struct device *start,
		     void *data, int (*fn)(struct device *dev, void *data));
struct device *bus_find_device(const struct bus_type *bus, struct device *start,
			       const void *data,
			       int (*match)(struct device *dev, const void *data));

/**
 * bus_find_device_by_name() - find a device on a bus by name
 * @bus: the bus
 * @start: the device to start after, or NULL
 * @name: the name
 *
 * Return: the device with a reference taken (put_device() it), or NULL.
 */
static inline struct device *bus_find_device_by_name(const struct bus_type *bus,
						     struct device *start,
						     const char *name)
{
	const void *key = name;

	return bus_find_device(bus, start, key, device_match_name);
}

/**
 * bus_find_device_by_fwnode() - find a device on a bus by firmware node
 * @bus: the bus
 * @fwnode: the node
 *
 * Return: the device with a reference taken (put_device() it), or NULL.
 */
static inline struct device *
bus_find_device_by_fwnode(const struct bus_type *bus,
			  const struct fwnode_handle *fwnode)
{
	const void *key = fwnode;

	/* Always a search from the start of the bus. */
	return bus_find_device(bus, NULL, key, device_match_fwnode);
}

/**
 * bus_find_next_device() - the next device on a bus
 * @bus: the bus
 * @cur: the current device, or NULL for the first
 *
 * Return: the device with a reference taken (put_device() it), or NULL.
 */
static inline struct device *bus_find_next_device(const struct bus_type *bus,
						  struct device *cur)
{
	/* Every device matches, so this is simply the successor of @cur. */
	return bus_find_device(bus, cur, NULL, device_match_any);
}

/*
 * Bus notifier events, delivered in this order for one device:
 * ADD_DEVICE (after it joined the bus, before any probe), then for each
 * binding BIND_DRIVER, and BOUND_DRIVER or DRIVER_NOT_BOUND; for an unbind
 * UNBIND_DRIVER then UNBOUND_DRIVER; on removal DEL_DEVICE (before the
 * driver is unbound) and REMOVED_DEVICE (after it left the bus).
 */
enum bus_notifier_event {
	BUS_NOTIFY_ADD_DEVICE,
	BUS_NOTIFY_DEL_DEVICE,
	BUS_NOTIFY_REMOVED_DEVICE,
	BUS_NOTIFY_BIND_DRIVER,
	BUS_NOTIFY_BOUND_DRIVER,
	BUS_NOTIFY_UNBIND_DRIVER,
	BUS_NOTIFY_UNBOUND_DRIVER,
	BUS_NOTIFY_DRIVER_NOT_BOUND,
};

#endif /* _DEVICE_BUS_H_ */
