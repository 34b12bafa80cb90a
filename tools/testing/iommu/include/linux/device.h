/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device model: devices, their lifetime, binding to drivers.
 *
 * Host environment: the same rules as the kernel's driver core. A device is
 * reference counted through its kobject and released by its release()
 * method on the last put_device(); device_add() puts it on its bus and tries
 * to bind a driver; binding runs the bus's dma_configure() before probe and
 * dma_cleanup() after remove or a failed probe.
 */
#ifndef _DEVICE_H_
#define _DEVICE_H_

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/lockdep.h>
#include <linux/err.h>
#include <linux/dev_printk.h>
#include <linux/device/bus.h>
#include <linux/device/class.h>
#include <linux/device/driver.h>
#include <linux/device/devres.h>

struct device_private;
struct device_node;
struct fwnode_handle;
struct iommu_group;
struct dev_iommu;

/**
 * struct device_type - a kind of device within a bus or class
 * @name: the type name
 * @groups: attribute groups added to every device of the type
 * @release: releases a device of the type that has no release() of its own
 */
struct device_type {
	const char *name;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
};

/**
 * struct device_attribute - a sysfs attribute of a device
 * @attr: the attribute
 * @show: formats the value into a PAGE_SIZE buffer
 * @store: parses a written value
 */
struct device_attribute {
	struct attribute	attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr,
			char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count);
};

#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_ADMIN_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RW_MODE(_name, 0600)
#define DEVICE_ATTR_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_ADMIN_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RO_MODE(_name, 0400)
#define DEVICE_ATTR_WO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_WO(_name)

int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);

/**
 * enum device_removable - whether the user can remove the device
 * @DEVICE_REMOVABLE_NOT_SUPPORTED: not known to the bus (the default)
 * @DEVICE_REMOVABLE_UNKNOWN: the location is unknown
 * @DEVICE_FIXED: not removable by the user
 * @DEVICE_REMOVABLE: removable by the user (e.g. behind an external port)
 */
enum device_removable {
	DEVICE_REMOVABLE_NOT_SUPPORTED = 0,
	DEVICE_REMOVABLE_UNKNOWN,
	DEVICE_FIXED,
	DEVICE_REMOVABLE,
};

/**
 * struct device - the basic device structure
 * @kobj: the embedded kobject: reference count and sysfs directory
 * @parent: the parent device (a bridge, a bus controller), or NULL
 * @p: private to the driver core
 * @init_name: the name to give the device in device_add(), if not set
 *	       with dev_set_name()
 * @type: the device type
 * @bus: the bus the device is on, or NULL
 * @driver: the bound driver (set during probe and while bound)
 * @platform_data: board data for the driver
 * @driver_data: the driver's data (dev_get_drvdata()/dev_set_drvdata())
 * @mutex: the device lock, held by the core around probe and remove
 * @dma_ops: DMA mapping operations, if not the direct ones
 * @dma_mask: the streaming DMA mask, or NULL if the device cannot DMA
 * @coherent_dma_mask: the mask for coherent allocations
 * @bus_dma_limit: an upstream DMA limit, 0 for none
 * @of_node: the devicetree node, if any
 * @fwnode: the firmware node, if any
 * @numa_node: the NUMA node, NUMA_NO_NODE if unknown
 * @devt: the device number, for character and block devices
 * @id: an instance number
 * @devres_lock: protects @devres_head
 * @devres_head: device-managed resources
 * @class: the device class, or NULL
 * @groups: extra attribute groups created in device_add()
 * @release: frees the structure on the last put_device()
 * @iommu_group: the IOMMU group, set by the IOMMU core
 * @iommu: per-device IOMMU data, owned by the IOMMU core
 * @removable: whether the user can remove the device
 * @offline_disabled: the device cannot be taken offline
 * @offline: the device is offline
 * @of_node_reused: @of_node is shared with an ancestor
 * @state_synced: sync_state() was called
 * @can_match: some driver matched the device at some point
 * @dma_coherent: DMA is cache coherent
 * @dma_ops_bypass: use direct mapping for masks that cover all memory
 * @dma_skip_sync: DMA syncs may be skipped
 * @dma_iommu: DMA goes through the IOMMU DMA ops
 */
struct device {
	struct kobject kobj;
	struct device		*parent;

	struct device_private	*p;

	const char		*init_name;
	const struct device_type *type;

	const struct bus_type	*bus;
	struct device_driver	*driver;
	void			*platform_data;
	void			*driver_data;
	struct mutex		mutex;	/* see above */

	const struct dma_map_ops *dma_ops;
	u64			*dma_mask;
	u64			coherent_dma_mask;
	u64			bus_dma_limit;

	struct device_node	*of_node;
	struct fwnode_handle	*fwnode;

	int			numa_node;
	dev_t			devt;
	u32			id;

	spinlock_t		devres_lock;	/* see above */
	struct list_head	devres_head;

	const struct class	*class;
	const struct attribute_group **groups;

	void	(*release)(struct device *dev);
	struct iommu_group	*iommu_group;
	struct dev_iommu	*iommu;

	enum device_removable	removable;

	bool			offline_disabled:1;
	bool			offline:1;
	bool			of_node_reused:1;
	bool			state_synced:1;
	bool			can_match:1;
	bool			dma_coherent:1;
	bool			dma_ops_bypass:1;
	bool			dma_skip_sync:1;
	bool			dma_iommu:1;
};

/**
 * kobj_to_dev() - the device embedding a kobject
 * @kobj: the kobject of a device
 *
 * Return: the device.
 */
static inline struct device *kobj_to_dev(struct kobject *kobj)
{
	return container_of(kobj, struct device, kobj);
}

/**
 * device_iommu_mapped() - whether the device's DMA is translated by an IOMMU
 * @dev: the device
 *
 * Return: true when the device is in an IOMMU group.
 */
static inline bool device_iommu_mapped(struct device *dev)
{
	/* Being in an IOMMU group is what makes a device IOMMU-translated. */
	const struct iommu_group *grp = dev->iommu_group;

	return grp;
}

/**
 * dev_name() - the name of a device
 * @dev: the device
 *
 * Return: the name (init_name until device_add() moved it into the kobject).
 */
static inline const char *dev_name(const struct device *dev)
{
	/* Before device_add() the name may still sit in init_name. */
	const char *early = dev->init_name;

	return early ? early : kobject_name(&dev->kobj);
}

/**
 * dev_bus_name() - the name of the device's bus, or of its class
 * @dev: the device
 *
 * Return: the bus name, the class name, or "".
 */
static inline const char *dev_bus_name(const struct device *dev)
{
	if (dev->bus)
		return dev->bus->name;
	if (dev->class)
		return dev->class->name;
	return "";
}

__printf(2, 3) int dev_set_name(struct device *dev, const char *name, ...);

/**
 * dev_to_node() - the NUMA node of a device
 * @dev: the device
 *
 * Return: the node, or NUMA_NO_NODE (-1).
 */
static inline int dev_to_node(struct device *dev)
{
	return dev->numa_node;
}

/**
 * set_dev_node() - set the NUMA node of a device
 * @dev: the device
 * @node: the node
 */
static inline void set_dev_node(struct device *dev, int node)
{
	dev->numa_node = node;
}

/**
 * dev_get_drvdata() - the driver data of a device
 * @dev: the device
 *
 * Return: what the driver stored with dev_set_drvdata().
 */
static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

/**
 * dev_set_drvdata() - store driver data in a device
 * @dev: the device
 * @data: the data
 */
static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

/**
 * dev_of_node() - the devicetree node of a device
 * @dev: the device
 *
 * Return: the node, or NULL.
 */
static inline struct device_node *dev_of_node(struct device *dev)
{
	return dev->of_node;
}

/**
 * dev_set_removable() - record whether the user can remove the device
 * @dev: the device
 * @removable: the state
 */
static inline void dev_set_removable(struct device *dev,
				     enum device_removable removable)
{
	dev->removable = removable;
}

/**
 * dev_is_removable() - whether the user can remove the device
 * @dev: the device
 *
 * Return: true for DEVICE_REMOVABLE.
 */
static inline bool dev_is_removable(struct device *dev)
{
	enum device_removable state = dev->removable;

	return state == DEVICE_REMOVABLE;
}

/**
 * dev_removable_is_valid() - whether the bus reports removability
 * @dev: the device
 *
 * Return: true unless DEVICE_REMOVABLE_NOT_SUPPORTED.
 */
static inline bool dev_removable_is_valid(struct device *dev)
{
	enum device_removable state = dev->removable;

	return state != DEVICE_REMOVABLE_NOT_SUPPORTED;
}

/**
 * device_lock() - take the device lock
 * @dev: the device
 */
static inline void device_lock(struct device *dev)
{
	mutex_lock(&dev->mutex);
}

/**
 * device_lock_interruptible() - take the device lock, unless interrupted
 * @dev: the device
 *
 * Return: 0 (there are no signals on the host).
 */
static inline int device_lock_interruptible(struct device *dev)
{
	return mutex_lock_interruptible(&dev->mutex);
}

/**
 * device_trylock() - take the device lock if it is free
 * @dev: the device
 *
 * Return: 1 if taken, 0 otherwise.
 */
static inline int device_trylock(struct device *dev)
{
	return mutex_trylock(&dev->mutex);
}

/**
 * device_unlock() - release the device lock
 * @dev: the device
 */
static inline void device_unlock(struct device *dev)
{
	mutex_unlock(&dev->mutex);
}

/**
 * device_lock_assert() - warn unless the caller holds the device lock
 * @dev: the device
 */
static inline void device_lock_assert(struct device *dev)
{
	lockdep_assert_held(&dev->mutex);
}

bool device_is_registered(struct device *dev);
bool device_is_bound(struct device *dev);

const char *dev_driver_string(const struct device *dev);

void device_initialize(struct device *dev);
int __must_check device_add(struct device *dev);
void device_del(struct device *dev);
int __must_check device_register(struct device *dev);
void device_unregister(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);

int device_for_each_child(struct device *parent, void *data,
			  int (*fn)(struct device *dev, void *data));
int device_for_each_child_reverse(struct device *parent, void *data,
				  int (*fn)(struct device *dev, void *data));
struct device *device_find_child(struct device *parent, void *data,
				 int (*match)(struct device *dev, void *data));
struct device *device_find_child_by_name(struct device *parent,
					 const char *name);
struct device *device_find_any_child(struct device *parent);

int device_add_groups(struct device *dev,
		      const struct attribute_group **groups);
void device_remove_groups(struct device *dev,
			  const struct attribute_group **groups);
int device_add_group(struct device *dev, const struct attribute_group *grp);
void device_remove_group(struct device *dev, const struct attribute_group *grp);

void device_set_node(struct device *dev, struct fwnode_handle *fwnode);

struct device *__root_device_register(const char *name, struct module *owner);
#define root_device_register(name) __root_device_register(name, NULL)
void root_device_unregister(struct device *root);

int __must_check device_attach(struct device *dev);
int __must_check driver_attach(const struct device_driver *drv);
int __must_check device_driver_attach(const struct device_driver *drv,
				      struct device *dev);
int __must_check device_bind_driver(struct device *dev);
void device_release_driver(struct device *dev);
int __must_check device_reprobe(struct device *dev);
void device_initial_probe(struct device *dev);

#endif /* _DEVICE_H_ */
