// SPDX-License-Identifier: GPL-2.0
/*
 * Buses, drivers and classes of the host driver core: registration, the
 * per-bus device and driver lists, bus notifiers and sysfs links.
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/notifier.h>

#include "device-internal.h"

static DEFINE_MUTEX(subsys_list_lock);
static LIST_HEAD(bus_list);
static LIST_HEAD(class_list);

static void subsys_release(struct kobject *kobj)
{
	kfree(container_of(to_kset(kobj), struct subsys_private, subsys));
}

static const struct kobj_type subsys_ktype = {
	.release	= subsys_release,
	.sysfs_ops	= &kobj_sysfs_ops,
};

/**
 * bus_to_subsys() - the driver-core state of a registered bus
 * @bus: the bus, or NULL
 *
 * Return: the state, or NULL if @bus is not registered.
 */
struct subsys_private *bus_to_subsys(const struct bus_type *bus)
{
	struct subsys_private *sp, *found = NULL;

	if (!bus)
		return NULL;
	mutex_lock(&subsys_list_lock);
	list_for_each_entry(sp, &bus_list, node) {
		if (sp->bus == bus) {
			found = sp;
			break;
		}
	}
	mutex_unlock(&subsys_list_lock);
	return found;
}

/**
 * class_to_subsys() - the driver-core state of a registered class
 * @class: the class, or NULL
 *
 * Return: the state, or NULL if @class is not registered.
 */
struct subsys_private *class_to_subsys(const struct class *class)
{
	struct subsys_private *sp, *found = NULL;

	if (!class)
		return NULL;
	mutex_lock(&subsys_list_lock);
	list_for_each_entry(sp, &class_list, node) {
		if (sp->class == class) {
			found = sp;
			break;
		}
	}
	mutex_unlock(&subsys_list_lock);
	return found;
}

/**
 * bus_is_registered() - whether bus_register() succeeded for a bus
 * @bus: the bus
 *
 * Return: true if registered.
 */
bool bus_is_registered(const struct bus_type *bus)
{
	return !!bus_to_subsys(bus);
}
EXPORT_SYMBOL_GPL(bus_is_registered);

/**
 * bus_get_kset() - the sysfs directory of a bus
 * @bus: the bus
 *
 * Return: the kset of /sys/bus/<name>, or NULL if not registered.
 */
struct kset *bus_get_kset(const struct bus_type *bus)
{
	struct subsys_private *sp = bus_to_subsys(bus);

	return sp ? &sp->subsys : NULL;
}
EXPORT_SYMBOL_GPL(bus_get_kset);

/*
 * Allocate the state of a bus or class and create its /sys/<dir>/<name>
 * directory, which owns the state from then on. Returns ERR_PTR() on failure.
 */
static struct subsys_private *subsys_create(const char *dir, const char *name)
{
	struct kobject *parent = dm_sysfs_dir(dir);
	struct subsys_private *sp;
	int ret;

	sp = kzalloc(sizeof(*sp), GFP_KERNEL);
	if (!sp)
		return ERR_PTR(-ENOMEM);
	dm_list_init(&sp->devices);
	dm_list_init(&sp->drivers);
	BLOCKING_INIT_NOTIFIER_HEAD(&sp->bus_notifier);
	INIT_LIST_HEAD(&sp->node);

	ret = parent ? kobject_set_name(&sp->subsys.kobj, "%s", name) : -ENOMEM;
	if (ret)
		goto err_free;
	sp->subsys.kobj.parent = parent;
	sp->subsys.kobj.ktype = &subsys_ktype;
	ret = kset_register(&sp->subsys);
	if (ret)
		goto err_put;
	return sp;

err_put:
	/* Once kset_register() ran, the release frees @sp. */
	if (sp->subsys.kobj.state_initialized) {
		kset_put(&sp->subsys);
		return ERR_PTR(ret);
	}
err_free:
	kfree_const(sp->subsys.kobj.name);
	kfree(sp);
	return ERR_PTR(ret);
}

/**
 * bus_register() - register a bus type
 * @bus: the bus
 *
 * Creates /sys/bus/<name> with its devices/ and drivers/ directories.
 *
 * Return: 0, -EEXIST (a bus of that name exists), -ENOMEM, or an error from
 * the bus attribute groups.
 */
int bus_register(const struct bus_type *bus)
{
	struct subsys_private *sp = subsys_create("bus", bus->name);
	int ret = -ENOMEM;

	if (IS_ERR(sp))
		return PTR_ERR(sp);
	sp->bus = bus;
	sp->drivers_autoprobe = true;

	sp->devices_kset = kset_create_and_add("devices", NULL, &sp->subsys.kobj);
	if (!sp->devices_kset)
		goto err_subsys;
	sp->drivers_kset = kset_create_and_add("drivers", NULL, &sp->subsys.kobj);
	if (!sp->drivers_kset)
		goto err_devices;
	ret = sysfs_create_groups(&sp->subsys.kobj, bus->bus_groups);
	if (ret)
		goto err_drivers;

	mutex_lock(&subsys_list_lock);
	list_add_tail(&sp->node, &bus_list);
	mutex_unlock(&subsys_list_lock);

	pr_debug("bus: '%s': registered\n", bus->name);
	return 0;

err_drivers:
	kset_unregister(sp->drivers_kset);
err_devices:
	kset_unregister(sp->devices_kset);
err_subsys:
	kset_unregister(&sp->subsys);
	return ret;
}
EXPORT_SYMBOL_GPL(bus_register);

/**
 * bus_unregister() - unregister a bus type
 * @bus: the bus; its devices and drivers should be gone
 */
void bus_unregister(const struct bus_type *bus)
{
	struct subsys_private *sp = bus_to_subsys(bus);

	if (!sp)
		return;

	WARN(!dm_list_empty(&sp->devices) || !dm_list_empty(&sp->drivers),
	     "bus '%s' unregistered while it has devices or drivers\n",
	     bus->name);

	mutex_lock(&subsys_list_lock);
	list_del_init(&sp->node);
	mutex_unlock(&subsys_list_lock);

	sysfs_remove_groups(&sp->subsys.kobj, bus->bus_groups);
	kset_unregister(sp->drivers_kset);
	kset_unregister(sp->devices_kset);
	kset_unregister(&sp->subsys);
}
EXPORT_SYMBOL_GPL(bus_unregister);

/**
 * bus_register_notifier() - get told about devices coming and going on a bus
 * @bus: the bus
 * @nb: the notifier; its callback gets an enum bus_notifier_event and the
 *	struct device
 *
 * Return: 0, or -EINVAL if the bus is not registered.
 */
int bus_register_notifier(const struct bus_type *bus, struct notifier_block *nb)
{
	struct subsys_private *sp = bus_to_subsys(bus);

	if (!sp)
		return -EINVAL;
	return blocking_notifier_chain_register(&sp->bus_notifier, nb);
}
EXPORT_SYMBOL_GPL(bus_register_notifier);

/**
 * bus_unregister_notifier() - stop getting bus notifications
 * @bus: the bus
 * @nb: the notifier
 *
 * Return: 0, -ENOENT if @nb was not registered, -EINVAL for an unknown bus.
 */
int bus_unregister_notifier(const struct bus_type *bus, struct notifier_block *nb)
{
	struct subsys_private *sp = bus_to_subsys(bus);

	if (!sp)
		return -EINVAL;
	return blocking_notifier_chain_unregister(&sp->bus_notifier, nb);
}
EXPORT_SYMBOL_GPL(bus_unregister_notifier);

void bus_notify(struct device *dev, enum bus_notifier_event value)
{
	struct subsys_private *sp = bus_to_subsys(dev->bus);

	if (sp)
		blocking_notifier_call_chain(&sp->bus_notifier, value, dev);
}

int bus_add_device(struct device *dev)
{
	struct subsys_private *sp = bus_to_subsys(dev->bus);
	int ret;

	/* A device of an unregistered bus is simply not on any bus list. */
	if (!sp)
		return 0;

	ret = device_add_groups(dev, dev->bus->dev_groups);
	if (ret)
		return ret;
	ret = sysfs_create_link(&sp->devices_kset->kobj, &dev->kobj,
				dev_name(dev));
	if (ret)
		goto err_groups;
	ret = sysfs_create_link(&dev->kobj, &sp->subsys.kobj, "subsystem");
	if (ret)
		goto err_link;

	dm_list_add(&sp->devices, &dev->p->knode_bus);
	return 0;

err_link:
	sysfs_remove_link(&sp->devices_kset->kobj, dev_name(dev));
err_groups:
	device_remove_groups(dev, dev->bus->dev_groups);
	return ret;
}

void bus_probe_device(struct device *dev)
{
	struct subsys_private *sp = bus_to_subsys(dev->bus);

	if (sp && sp->drivers_autoprobe)
		device_initial_probe(dev);
}

void bus_remove_device(struct device *dev)
{
	struct subsys_private *sp = bus_to_subsys(dev->bus);

	if (!sp)
		return;

	sysfs_remove_link(&dev->kobj, "subsystem");
	sysfs_remove_link(&sp->devices_kset->kobj, dev_name(dev));
	device_remove_groups(dev, dev->bus->dev_groups);
	if (dev->p->knode_bus.linked)
		dm_list_del(&sp->devices, &dev->p->knode_bus);

	device_release_driver(dev);
}

static void bus_dev_get(struct dm_node *node)
{
	get_device(to_device_private_bus(node)->device);
}

/**
 * bus_for_each_dev() - call a function for each device on a bus
 * @bus: the bus
 * @start: the device to start after, or NULL to start at the first
 * @data: passed to @fn
 * @fn: the function; a non-zero return stops the walk. It runs without
 *	driver-core locks and may add or remove devices.
 *
 * Return: the value that stopped the walk, 0, or -EINVAL for an
 * unregistered bus.
 */
int bus_for_each_dev(const struct bus_type *bus, struct device *start,
		     void *data, int (*fn)(struct device *dev, void *data))
{
	struct subsys_private *sp = bus_to_subsys(bus);

	if (!sp)
		return -EINVAL;
	return dm_walk_devices(&sp->devices, start && start->p ? &start->p->knode_bus : NULL,
			       false, offsetof(struct device_private, knode_bus),
			       bus_dev_get, data, fn);
}
EXPORT_SYMBOL_GPL(bus_for_each_dev);

struct find_dev_data {
	const void *data;
	int (*match)(struct device *dev, const void *data);
	struct device *found;
};

static int find_dev_one(struct device *dev, void *data)
{
	struct find_dev_data *fd = data;

	if (!fd->match(dev, fd->data))
		return 0;
	fd->found = get_device(dev);
	return 1;
}

/**
 * bus_find_device() - find a device on a bus
 * @bus: the bus
 * @start: the device to start after, or NULL
 * @data: passed to @match
 * @match: returns non-zero for the device wanted
 *
 * Return: the device with a reference taken (put_device() it), or NULL.
 */
struct device *bus_find_device(const struct bus_type *bus, struct device *start,
			       const void *data,
			       int (*match)(struct device *dev, const void *data))
{
	struct find_dev_data fd = { .data = data, .match = match };

	bus_for_each_dev(bus, start, &fd, find_dev_one);
	return fd.found;
}
EXPORT_SYMBOL_GPL(bus_find_device);

#define to_driver_private_bus(n) container_of(n, struct driver_private, knode_bus)

static void bus_drv_get(struct dm_node *node)
{
	kobject_get(&to_driver_private_bus(node)->kobj);
}

static void bus_drv_put(struct dm_node *node, void *arg)
{
	kobject_put(&to_driver_private_bus(node)->kobj);
}

/* What bus_for_each_drv() hands to dm_walk(). */
struct drv_walk {
	void *data;
	int (*fn)(struct device_driver *drv, void *data);
};

static int bus_drv_visit(struct dm_node *node, void *arg)
{
	struct drv_walk *w = arg;

	return w->fn(to_driver_private_bus(node)->driver, w->data);
}

/**
 * bus_for_each_drv() - call a function for each driver of a bus
 * @bus: the bus
 * @start: the driver to start after, or NULL
 * @data: passed to @fn
 * @fn: the function; a non-zero return stops the walk
 *
 * Return: the value that stopped the walk, 0, or -EINVAL for an
 * unregistered bus.
 */
int bus_for_each_drv(const struct bus_type *bus, struct device_driver *start,
		     void *data, int (*fn)(struct device_driver *, void *))
{
	static const struct dm_walk_ops drv_ops = {
		.get = bus_drv_get,
		.put = bus_drv_put,
		.visit = bus_drv_visit,
	};
	struct subsys_private *sp = bus_to_subsys(bus);
	struct drv_walk w = { .data = data, .fn = fn };

	if (!sp)
		return -EINVAL;
	return dm_walk(&sp->drivers, start && start->p ? &start->p->knode_bus : NULL,
		       false, &drv_ops, &w);
}
EXPORT_SYMBOL_GPL(bus_for_each_drv);

static int rescan_one(struct device *dev, void *data)
{
	int ret = 0;

	if (!dev->driver) {
		ret = device_attach(dev);
		if (ret > 0)
			ret = 0;
	}
	return ret;
}

/**
 * bus_rescan_devices() - try to bind drivers to the unbound devices of a bus
 * @bus: the bus
 *
 * Return: 0 or the first error.
 */
int bus_rescan_devices(const struct bus_type *bus)
{
	return bus_for_each_dev(bus, NULL, NULL, rescan_one);
}
EXPORT_SYMBOL_GPL(bus_rescan_devices);

/* ------------------------------------------------------------------------
 * Drivers.
 */

static void driver_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct driver_private, kobj));
}

static const struct kobj_type driver_ktype = {
	.release	= driver_release,
	.sysfs_ops	= &kobj_sysfs_ops,
};

int driver_add_groups(const struct device_driver *drv,
		      const struct attribute_group **groups)
{
	return sysfs_create_groups(&drv->p->kobj, groups);
}

void driver_remove_groups(const struct device_driver *drv,
			  const struct attribute_group **groups)
{
	sysfs_remove_groups(&drv->p->kobj, groups);
}

struct find_drv_data {
	const char *name;
	struct device_driver *found;
};

static int find_drv_one(struct device_driver *drv, void *data)
{
	struct find_drv_data *fd = data;

	if (strcmp(drv->name, fd->name))
		return 0;
	fd->found = drv;
	return 1;
}

/**
 * driver_find() - find a driver of a bus by name
 * @name: the name
 * @bus: the bus
 *
 * Return: the driver, or NULL.
 */
struct device_driver *driver_find(const char *name, const struct bus_type *bus)
{
	struct find_drv_data fd = { .name = name };

	bus_for_each_drv(bus, NULL, &fd, find_drv_one);
	return fd.found;
}
EXPORT_SYMBOL_GPL(driver_find);

/**
 * driver_register() - register a driver with its bus
 * @drv: the driver, with name and bus set
 *
 * Binds the driver to every matching unbound device of the bus.
 *
 * Return: 0, -EINVAL (the bus is not registered), -EBUSY (a driver of
 * that name exists on the bus), -ENOMEM, or an error from the driver's
 * attribute groups.
 */
int driver_register(struct device_driver *drv)
{
	struct subsys_private *sp = bus_to_subsys(drv->bus);
	struct driver_private *priv;
	int ret;

	if (!sp) {
		pr_err("Driver '%s' cannot register: bus '%s' is not registered\n",
		       drv->name, drv->bus ? drv->bus->name : "(none)");
		return -EINVAL;
	}
	if ((drv->bus->probe && drv->probe) || (drv->bus->remove && drv->remove))
		pr_warn("Driver '%s': its bus has probe/remove methods that take precedence\n",
			drv->name);
	if (driver_find(drv->name, drv->bus)) {
		pr_err("Driver '%s' is already registered on bus '%s'\n",
		       drv->name, drv->bus->name);
		return -EBUSY;
	}

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->driver = drv;
	dm_list_init(&priv->devices);
	drv->p = priv;

	ret = kobject_init_and_add(&priv->kobj, &driver_ktype,
				   &sp->drivers_kset->kobj, "%s", drv->name);
	if (ret)
		goto err_put;
	ret = driver_add_groups(drv, drv->bus->drv_groups);
	if (ret)
		goto err_put;
	ret = driver_add_groups(drv, drv->groups);
	if (ret)
		goto err_bus_groups;

	dm_list_add(&sp->drivers, &priv->knode_bus);

	if (sp->drivers_autoprobe) {
		ret = driver_attach(drv);
		if (ret)
			goto err_list;
	}
	kobject_uevent(&priv->kobj, KOBJ_ADD);
	return 0;

err_list:
	dm_list_del(&sp->drivers, &priv->knode_bus);
	driver_detach(drv);
	driver_remove_groups(drv, drv->groups);
err_bus_groups:
	driver_remove_groups(drv, drv->bus->drv_groups);
err_put:
	drv->p = NULL;
	kobject_put(&priv->kobj);
	return ret;
}
EXPORT_SYMBOL_GPL(driver_register);

/**
 * driver_unregister() - unbind a driver from all its devices and remove it
 * @drv: the driver
 */
void driver_unregister(struct device_driver *drv)
{
	struct subsys_private *sp = bus_to_subsys(drv->bus);
	struct driver_private *priv = drv->p;

	if (!priv || !sp) {
		WARN(1, "Unexpected driver unregister of '%s'\n", drv->name);
		return;
	}

	driver_remove_groups(drv, drv->groups);
	driver_remove_groups(drv, drv->bus->drv_groups);
	dm_list_del(&sp->drivers, &priv->knode_bus);
	driver_detach(drv);

	kobject_del(&priv->kobj);
	drv->p = NULL;
	kobject_put(&priv->kobj);
}
EXPORT_SYMBOL_GPL(driver_unregister);

static void drv_dev_get(struct dm_node *node)
{
	get_device(to_device_private_driver(node)->device);
}

/**
 * driver_for_each_device() - call a function for each device bound to a driver
 * @drv: the driver
 * @start: the device to start after, or NULL
 * @data: passed to @fn
 * @fn: the function; a non-zero return stops the walk
 *
 * Return: the value that stopped the walk, 0, or -EINVAL for an
 * unregistered driver.
 */
int driver_for_each_device(struct device_driver *drv, struct device *start,
			   void *data, int (*fn)(struct device *dev, void *))
{
	if (!drv || !drv->p)
		return -EINVAL;
	return dm_walk_devices(&drv->p->devices,
			       start && start->p ? &start->p->knode_driver : NULL,
			       false, offsetof(struct device_private, knode_driver),
			       drv_dev_get, data, fn);
}
EXPORT_SYMBOL_GPL(driver_for_each_device);

/**
 * driver_find_device() - find a device bound to a driver
 * @drv: the driver
 * @start: the device to start after, or NULL
 * @data: passed to @match
 * @match: returns non-zero for the device wanted
 *
 * Return: the device with a reference taken (put_device() it), or NULL.
 */
struct device *driver_find_device(const struct device_driver *drv,
				  struct device *start, const void *data,
				  int (*match)(struct device *dev, const void *data))
{
	struct find_dev_data fd = { .data = data, .match = match };

	if (driver_for_each_device((struct device_driver *)drv, start, &fd,
				   find_dev_one) < 0)
		return NULL;
	return fd.found;
}
EXPORT_SYMBOL_GPL(driver_find_device);

/* ------------------------------------------------------------------------
 * Classes.
 */

/**
 * class_register() - register a device class
 * @class: the class
 *
 * Return: 0, -EEXIST, -ENOMEM, or an error from the class attribute groups.
 */
int class_register(const struct class *class)
{
	struct subsys_private *sp = subsys_create("class", class->name);
	int ret;

	if (IS_ERR(sp))
		return PTR_ERR(sp);
	sp->class = class;
	ret = sysfs_create_groups(&sp->subsys.kobj, class->class_groups);
	if (ret) {
		kset_unregister(&sp->subsys);
		return ret;
	}

	mutex_lock(&subsys_list_lock);
	list_add_tail(&sp->node, &class_list);
	mutex_unlock(&subsys_list_lock);
	return 0;
}
EXPORT_SYMBOL_GPL(class_register);

/**
 * class_unregister() - unregister a device class
 * @class: the class; its devices should be gone
 */
void class_unregister(const struct class *class)
{
	struct subsys_private *sp = class_to_subsys(class);

	if (!sp)
		return;
	mutex_lock(&subsys_list_lock);
	list_del_init(&sp->node);
	mutex_unlock(&subsys_list_lock);

	sysfs_remove_groups(&sp->subsys.kobj, class->class_groups);
	kset_unregister(&sp->subsys);
}
EXPORT_SYMBOL_GPL(class_unregister);

/**
 * class_is_registered() - whether class_register() succeeded for a class
 * @class: the class
 *
 * Return: true if registered.
 */
bool class_is_registered(const struct class *class)
{
	return !!class_to_subsys(class);
}
EXPORT_SYMBOL_GPL(class_is_registered);

int class_add_device(struct device *dev)
{
	struct subsys_private *sp = class_to_subsys(dev->class);
	int ret;

	if (!sp)
		return 0;

	ret = sysfs_create_link(&sp->subsys.kobj, &dev->kobj, dev_name(dev));
	if (ret)
		return ret;
	if (!dev->bus) {
		ret = sysfs_create_link(&dev->kobj, &sp->subsys.kobj,
					"subsystem");
		if (ret) {
			sysfs_remove_link(&sp->subsys.kobj, dev_name(dev));
			return ret;
		}
	}
	/* A class device names the device it belongs to, as in Linux. */
	if (dev->parent) {
		ret = sysfs_create_link(&dev->kobj, &dev->parent->kobj, "device");
		if (ret) {
			if (!dev->bus)
				sysfs_remove_link(&dev->kobj, "subsystem");
			sysfs_remove_link(&sp->subsys.kobj, dev_name(dev));
			return ret;
		}
	}
	dm_list_add(&sp->devices, &dev->p->knode_class);
	return 0;
}

void class_remove_device(struct device *dev)
{
	struct subsys_private *sp = class_to_subsys(dev->class);

	if (!sp)
		return;
	if (dev->p->knode_class.linked)
		dm_list_del(&sp->devices, &dev->p->knode_class);
	if (dev->parent)
		sysfs_remove_link(&dev->kobj, "device");
	if (!dev->bus)
		sysfs_remove_link(&dev->kobj, "subsystem");
	sysfs_remove_link(&sp->subsys.kobj, dev_name(dev));
}

static void class_dev_get(struct dm_node *node)
{
	get_device(to_device_private_class(node)->device);
}

/**
 * class_for_each_device() - call a function for each device of a class
 * @class: the class
 * @start: the device to start after, or NULL
 * @data: passed to @fn
 * @fn: the function; a non-zero return stops the walk
 *
 * Return: the value that stopped the walk, 0, or -EINVAL for an
 * unregistered class.
 */
int class_for_each_device(const struct class *class, const struct device *start,
			  void *data, int (*fn)(struct device *dev, void *data))
{
	struct subsys_private *sp = class_to_subsys(class);

	if (!sp)
		return -EINVAL;
	return dm_walk_devices(&sp->devices,
			       start && start->p ? &start->p->knode_class : NULL,
			       false, offsetof(struct device_private, knode_class),
			       class_dev_get, data, fn);
}
EXPORT_SYMBOL_GPL(class_for_each_device);

/**
 * class_find_device() - find a device of a class
 * @class: the class
 * @start: the device to start after, or NULL
 * @data: passed to @match
 * @match: returns non-zero for the device wanted
 *
 * Return: the device with a reference taken (put_device() it), or NULL.
 */
struct device *class_find_device(const struct class *class,
				 const struct device *start, const void *data,
				 int (*match)(struct device *dev, const void *data))
{
	struct find_dev_data fd = { .data = data, .match = match };

	class_for_each_device(class, start, &fd, find_dev_one);
	return fd.found;
}
EXPORT_SYMBOL_GPL(class_find_device);
