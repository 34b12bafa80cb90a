/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private state of the host driver core (lib/device*.c).
 */
#ifndef _HOSTENV_DEVICE_INTERNAL_H
#define _HOSTENV_DEVICE_INTERNAL_H

#include <linux/device.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/notifier.h>

/*
 * A list that can be walked while its members are added and removed: the
 * walker pins the node it stands on, and removing a pinned node only marks
 * it; the walker unlinks it when it moves on. Callbacks run unlocked.
 */

/**
 * struct dm_list - a list walkable under concurrent removal
 * @lock: protects the links, pins and flags of the nodes
 * @head: the nodes
 */
struct dm_list {
	struct mutex lock;	/* see above */
	struct list_head head;
};

/**
 * struct dm_node - a member of a &struct dm_list
 * @entry: link in dm_list.head
 * @pins: walkers standing on this node
 * @linked: the node is in the list (possibly only waiting for walkers)
 * @removed: the owner removed it; it is skipped and unlinked when unpinned
 */
struct dm_node {
	struct list_head entry;
	unsigned int pins;
	bool linked;
	bool removed;
};

void dm_list_init(struct dm_list *list);
void dm_list_add(struct dm_list *list, struct dm_node *node);
void dm_list_del(struct dm_list *list, struct dm_node *node);
bool dm_list_empty(struct dm_list *list);

/**
 * struct dm_iter - a walk over a &struct dm_list
 * @list: the list
 * @cur: the pinned node, or NULL before the first step
 * @reverse: walk from the tail
 * @done: nothing (more) to visit: the start node had left the list
 */
struct dm_iter {
	struct dm_list *list;
	struct dm_node *cur;
	bool reverse;
	bool done;
};

void dm_iter_start(struct dm_iter *it, struct dm_list *list,
		   struct dm_node *start, bool reverse);
struct dm_node *dm_iter_next(struct dm_iter *it,
			     void (*get)(struct dm_node *node));
void dm_iter_exit(struct dm_iter *it);

/**
 * struct dm_walk_ops - callbacks of dm_walk()
 * @get: pins the owner of a node; runs under the list lock
 * @put: unpins the owner of a node @get was called for
 * @visit: the per-node work; non-zero stops the walk
 */
struct dm_walk_ops {
	void (*get)(struct dm_node *node);
	void (*put)(struct dm_node *node, void *arg);
	int (*visit)(struct dm_node *node, void *arg);
};

int dm_walk(struct dm_list *list, struct dm_node *start, bool reverse,
	    const struct dm_walk_ops *ops, void *arg);
int dm_walk_devices(struct dm_list *list, struct dm_node *start, bool reverse,
		    size_t link, void (*get)(struct dm_node *node), void *data,
		    int (*fn)(struct device *dev, void *data));

/**
 * struct device_private - driver-core state of a device
 * @children: child devices, through their @knode_parent
 * @knode_parent: link in the parent's @children
 * @knode_driver: link in the bound driver's device list
 * @knode_bus: link in the bus's device list
 * @knode_class: link in the class's device list
 * @deferred_probe: link in the deferred-probe list
 * @deferred_probe_reason: why the last probe was deferred (dev_err_probe())
 * @device: back pointer
 * @dead: device_del() started; no new bindings
 * @ready_to_probe: device_add() got far enough for binding
 */
struct device_private {
	struct dm_list children;
	struct dm_node knode_parent;
	struct dm_node knode_driver;
	struct dm_node knode_bus;
	struct dm_node knode_class;
	struct list_head deferred_probe;
	char *deferred_probe_reason;
	struct device *device;
	bool dead;
	bool ready_to_probe;
};

/**
 * struct driver_private - driver-core state of a driver
 * @kobj: the driver's sysfs directory /sys/bus/<bus>/drivers/<name>
 * @devices: bound devices, through device_private.knode_driver
 * @knode_bus: link in the bus's driver list
 * @driver: back pointer
 */
struct driver_private {
	struct kobject kobj;
	struct dm_list devices;
	struct dm_node knode_bus;
	struct device_driver *driver;
};

/**
 * struct subsys_private - driver-core state of a bus or class
 * @subsys: the /sys/bus/<name> or /sys/class/<name> directory
 * @devices_kset: /sys/bus/<name>/devices (buses only)
 * @drivers_kset: /sys/bus/<name>/drivers (buses only)
 * @devices: the devices, through knode_bus or knode_class
 * @drivers: the drivers, through driver_private.knode_bus
 * @bus_notifier: the bus notifier chain
 * @bus: the bus, or NULL for a class
 * @class: the class, or NULL for a bus
 * @drivers_autoprobe: bind drivers to devices automatically
 * @node: link in the list of registered buses or classes
 */
struct subsys_private {
	struct kset subsys;
	struct kset *devices_kset;
	struct kset *drivers_kset;
	struct dm_list devices;
	struct dm_list drivers;
	struct blocking_notifier_head bus_notifier;
	const struct bus_type *bus;
	const struct class *class;
	bool drivers_autoprobe;
	struct list_head node;
};

#define to_device_private_parent(n) \
	container_of(n, struct device_private, knode_parent)
#define to_device_private_driver(n) \
	container_of(n, struct device_private, knode_driver)
#define to_device_private_bus(n) \
	container_of(n, struct device_private, knode_bus)
#define to_device_private_class(n) \
	container_of(n, struct device_private, knode_class)

/* lib/device.c */
struct kset *devices_root_kset(void);
struct kobject *dm_sysfs_dir(const char *name);
int device_links_to_driver(struct device *dev);
void device_links_from_driver(struct device *dev);

/* lib/device-bus.c */
struct subsys_private *bus_to_subsys(const struct bus_type *bus);
struct subsys_private *class_to_subsys(const struct class *class);
void bus_notify(struct device *dev, enum bus_notifier_event value);
int bus_add_device(struct device *dev);
void bus_probe_device(struct device *dev);
void bus_remove_device(struct device *dev);
int class_add_device(struct device *dev);
void class_remove_device(struct device *dev);
int driver_add_groups(const struct device_driver *drv,
		      const struct attribute_group **groups);
void driver_remove_groups(const struct device_driver *drv,
			  const struct attribute_group **groups);

/* lib/device-dd.c */
void driver_detach(const struct device_driver *drv);
void driver_deferred_probe_del(struct device *dev);
void device_set_deferred_probe_reason(const struct device *dev,
				      const char *reason);

/* lib/device-devres.c */
void devres_release_all(struct device *dev);

/*
 * From <linux/iommu.h>: what bus dma_configure()/dma_cleanup() call. Declared
 * here by name so that the device model does not depend on the IOMMU core
 * (weak fallbacks live in device-iommu.c).
 */
int iommu_device_use_default_domain(struct device *dev);
void iommu_device_unuse_default_domain(struct device *dev);

/* lib/platform.c */
int platform_bus_init(void);

#endif /* _HOSTENV_DEVICE_INTERNAL_H */
