// SPDX-License-Identifier: GPL-2.0
/*
 * The core of the host driver core: device lifetime, registration, naming,
 * children, attributes and device messages.
 */
#include <linux/fwnode.h>
#include <linux/device.h>
#include <linux/property.h>
#include <linux/of.h>
#include <linux/numa.h>
#include <linux/sprintf.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/kernel.h>

#include "host-internal.h"
#include "device-internal.h"

/* ------------------------------------------------------------------------
 * Walkable lists.
 */

void dm_list_init(struct dm_list *list)
{
	mutex_init(&list->lock);
	INIT_LIST_HEAD(&list->head);
}

void dm_list_add(struct dm_list *list, struct dm_node *node)
{
	mutex_lock(&list->lock);
	WARN_ON(node->linked);
	node->pins = 0;
	node->removed = false;
	node->linked = true;
	list_add_tail(&node->entry, &list->head);
	mutex_unlock(&list->lock);
}

static void dm_node_unlink(struct dm_node *node)
{
	list_del_init(&node->entry);
	node->linked = false;
}

void dm_list_del(struct dm_list *list, struct dm_node *node)
{
	mutex_lock(&list->lock);
	if (node->linked && !node->removed) {
		node->removed = true;
		if (!node->pins)
			dm_node_unlink(node);
	}
	mutex_unlock(&list->lock);
}

bool dm_list_empty(struct dm_list *list)
{
	struct dm_node *node;
	bool empty = true;

	mutex_lock(&list->lock);
	list_for_each_entry(node, &list->head, entry) {
		if (!node->removed) {
			empty = false;
			break;
		}
	}
	mutex_unlock(&list->lock);
	return empty;
}

/*
 * Start a walk. With @start the walk begins after @start; if @start has
 * already left the list there is no "after" and the walk is empty (never
 * restarted from the head, which could loop forever). Without @start the
 * walk begins at the first node.
 */
void dm_iter_start(struct dm_iter *it, struct dm_list *list,
		   struct dm_node *start, bool reverse)
{
	it->list = list;
	it->cur = NULL;
	it->reverse = reverse;
	it->done = false;
	if (!start)
		return;
	mutex_lock(&list->lock);
	if (start->linked) {
		start->pins++;
		it->cur = start;
	} else {
		it->done = true;
	}
	mutex_unlock(&list->lock);
}

static void dm_iter_unpin(struct dm_node *node)
{
	if (!--node->pins && node->removed)
		dm_node_unlink(node);
}

/*
 * Step to the next live node, pin it and call @get on it under the list
 * lock (to take a reference on the owning object). Returns NULL at the end.
 * The previous node is unpinned; the caller drops its own reference on the
 * previous owner after this returns.
 */
struct dm_node *dm_iter_next(struct dm_iter *it,
			     void (*get)(struct dm_node *node))
{
	struct list_head *pos, *head = &it->list->head;
	struct dm_node *prev = it->cur, *next = NULL;

	if (it->done)
		return NULL;
	mutex_lock(&it->list->lock);
	pos = prev ? &prev->entry : head;
	for (;;) {
		pos = it->reverse ? pos->prev : pos->next;
		if (pos == head)
			break;
		next = list_entry(pos, struct dm_node, entry);
		if (!next->removed)
			break;
		next = NULL;
	}
	if (prev)
		dm_iter_unpin(prev);
	if (next) {
		next->pins++;
		if (get)
			get(next);
	}
	it->cur = next;
	it->done = !next;
	mutex_unlock(&it->list->lock);
	return next;
}

void dm_iter_exit(struct dm_iter *it)
{
	if (!it->cur)
		return;
	mutex_lock(&it->list->lock);
	dm_iter_unpin(it->cur);
	mutex_unlock(&it->list->lock);
	it->cur = NULL;
}

/**
 * dm_walk() - visit the live nodes of a &struct dm_list one by one
 * @list: the list
 * @start: the node to start after, or NULL to start at the first
 * @reverse: walk from the tail
 * @ops: how to pin a node's owner, visit it and unpin it again
 * @arg: passed to every @ops callback except @ops->get
 *
 * The owner of the node being visited stays referenced until the walk has
 * moved past it, so @ops->visit may remove it from the list.
 *
 * Return: the non-zero value @ops->visit stopped the walk with, or 0.
 */
int dm_walk(struct dm_list *list, struct dm_node *start, bool reverse,
	    const struct dm_walk_ops *ops, void *arg)
{
	struct dm_node *node, *held = NULL;
	struct dm_iter it;
	int ret = 0;

	dm_iter_start(&it, list, start, reverse);
	while ((node = dm_iter_next(&it, ops->get))) {
		if (held)
			ops->put(held, arg);
		held = node;
		ret = ops->visit(node, arg);
		if (ret)
			break;
	}
	dm_iter_exit(&it);
	if (held)
		ops->put(held, arg);
	return ret;
}

/* What dm_walk_devices() hands to dm_walk() as its argument. */
struct dm_dev_walk {
	size_t link;
	void *data;
	int (*fn)(struct device *dev, void *data);
};

static struct device *dm_dev_walk_owner(struct dm_node *node, const struct dm_dev_walk *w)
{
	return ((struct device_private *)((char *)node - w->link))->device;
}

static void dm_dev_walk_put(struct dm_node *node, void *arg)
{
	put_device(dm_dev_walk_owner(node, arg));
}

static int dm_dev_walk_visit(struct dm_node *node, void *arg)
{
	struct dm_dev_walk *w = arg;

	return w->fn(dm_dev_walk_owner(node, w), w->data);
}

/**
 * dm_walk_devices() - call a function for each device on a device list
 * @list: the list
 * @start: the node to start after, or NULL to start at the first
 * @reverse: walk from the tail
 * @link: offset of the list's &struct dm_node inside &struct device_private
 * @get: takes a reference on the device owning a node (under the list lock)
 * @data: passed to @fn
 * @fn: the function; a non-zero return stops the walk. It runs without
 *	driver-core locks.
 *
 * Return: the non-zero value @fn returned, or 0.
 */
int dm_walk_devices(struct dm_list *list, struct dm_node *start, bool reverse,
		    size_t link, void (*get)(struct dm_node *node), void *data,
		    int (*fn)(struct device *dev, void *data))
{
	const struct dm_walk_ops ops = {
		.get = get,
		.put = dm_dev_walk_put,
		.visit = dm_dev_walk_visit,
	};
	struct dm_dev_walk w = { .link = link, .data = data, .fn = fn };

	return dm_walk(list, start, reverse, &ops, &w);
}

/* ------------------------------------------------------------------------
 * Top-level sysfs directories: /sys/devices, /sys/bus, /sys/class and
 * /sys/devices/virtual, created on first use.
 */

static DEFINE_MUTEX(dm_sysfs_lock);
static struct kset *devices_kset;
static struct kobject *dm_dirs[3];
static const char * const dm_dir_names[] = { "bus", "class", "virtual" };

struct kset *devices_root_kset(void)
{
	mutex_lock(&dm_sysfs_lock);
	if (!devices_kset)
		devices_kset = kset_create_and_add("devices", NULL, NULL);
	mutex_unlock(&dm_sysfs_lock);
	return devices_kset;
}

/*
 * "bus" and "class" live at the sysfs root, "virtual" in /sys/devices.
 * Returns NULL if the directory cannot be created.
 */
struct kobject *dm_sysfs_dir(const char *name)
{
	struct kobject *parent = NULL;
	struct kobject *dir = NULL;
	int i;

	if (!strcmp(name, "virtual")) {
		struct kset *root = devices_root_kset();

		if (!root)
			return NULL;
		parent = &root->kobj;
	}

	mutex_lock(&dm_sysfs_lock);
	for (i = 0; i < ARRAY_SIZE(dm_dir_names); i++) {
		if (strcmp(name, dm_dir_names[i]))
			continue;
		if (!dm_dirs[i])
			dm_dirs[i] = kobject_create_and_add(name, parent);
		dir = dm_dirs[i];
		break;
	}
	mutex_unlock(&dm_sysfs_lock);
	return dir;
}

/* ------------------------------------------------------------------------
 * Device kobjects.
 */

/*
 * Hand the memory of @dev back to its owner: the device's own release
 * method wins over its type's, which wins over its class's.
 */
static bool device_hand_back(struct device *dev)
{
	void (*method)(struct device *dev) = dev->release;

	if (!method && dev->type)
		method = dev->type->release;
	if (!method && dev->class)
		method = dev->class->dev_release;
	if (!method)
		return false;

	method(dev);
	return true;
}

/* The last reference to the kobject of a device is gone */
static void device_kobj_release(struct kobject *kobj)
{
	struct device *dev = kobj_to_dev(kobj);
	struct device_private *priv = dev->p;

	/* Managed resources outlive a driver only until the device is freed */
	devres_release_all(dev);

	WARN(!device_hand_back(dev),
	     "device %s: no release method anywhere, leaking it\n",
	     dev_name(dev));

	if (priv) {
		kfree(priv->deferred_probe_reason);
		kfree(priv);
	}
}

/* sysfs reads and writes of a device attribute go to its methods */
static ssize_t device_attr_show(struct kobject *kobj, struct attribute *a,
				char *page)
{
	struct device_attribute *da = container_of(a, struct device_attribute,
						   attr);

	return da->show ? da->show(kobj_to_dev(kobj), da, page) : -EIO;
}

static ssize_t device_attr_store(struct kobject *kobj, struct attribute *a,
				 const char *page, size_t len)
{
	struct device_attribute *da = container_of(a, struct device_attribute,
						   attr);

	return da->store ? da->store(kobj_to_dev(kobj), da, page, len) : -EIO;
}

static const struct sysfs_ops device_attr_ops = {
	.store	= device_attr_store,
	.show	= device_attr_show,
};

static const struct kobj_type device_ktype = {
	.sysfs_ops	= &device_attr_ops,
	.release	= device_kobj_release,
};

/**
 * dev_set_name() - set the name of a device
 * @dev: the device
 * @fmt: printf-style format for the name
 *
 * Return: 0 or -ENOMEM.
 */
int dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = kobject_set_name_vargs(&dev->kobj, fmt, ap);
	va_end(ap);
	return rc;
}
EXPORT_SYMBOL_GPL(dev_set_name);

/**
 * device_initialize() - prepare a device structure for use
 * @dev: the device, zeroed apart from fields the caller set
 *
 * After this the device is reference counted: free it with put_device(),
 * which ends in its release() method, never with kfree().
 */
void device_initialize(struct device *dev)
{
	INIT_LIST_HEAD(&dev->devres_head);
	spin_lock_init(&dev->devres_lock);
	/*
	 * Device locks nest parent over child.  Linux exempts dev->mutex from
	 * lock-order validation; the host's validator checks only what a
	 * thread holds, never the order, so there is nothing to exempt it from.
	 */
	mutex_init(&dev->mutex);
	set_dev_node(dev, NUMA_NO_NODE);
	kobject_init(&dev->kobj, &device_ktype);
}
EXPORT_SYMBOL_GPL(device_initialize);

/**
 * get_device() - take a reference on a device
 * @dev: the device, or NULL
 *
 * Return: @dev.
 */
struct device *get_device(struct device *dev)
{
	return dev ? kobj_to_dev(kobject_get(&dev->kobj)) : NULL;
}
EXPORT_SYMBOL_GPL(get_device);

/**
 * put_device() - drop a reference on a device
 * @dev: the device, or NULL
 *
 * The last put calls the device's release() method.
 */
void put_device(struct device *dev)
{
	if (!dev)
		return;
	kobject_put(&dev->kobj);
}
EXPORT_SYMBOL_GPL(put_device);

/**
 * device_is_registered() - whether device_add() completed and device_del()
 * has not yet run
 * @dev: the device
 *
 * Return: true while registered.
 */
bool device_is_registered(struct device *dev)
{
	return dev->kobj.state_in_sysfs;
}
EXPORT_SYMBOL_GPL(device_is_registered);

/* The driver-core private part of a device, made on the first device_add() */
static int device_alloc_private(struct device *dev)
{
	struct device_private *priv;

	if (dev->p)
		return 0;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	INIT_LIST_HEAD(&priv->deferred_probe);
	dm_list_init(&priv->children);
	priv->device = dev;
	dev->p = priv;
	return 0;
}

/*
 * Where the device appears in sysfs: below its parent; class devices
 * without a bus or parent in /sys/devices/virtual; others in /sys/devices.
 */
static struct kobject *device_sysfs_parent(struct device *dev)
{
	struct kset *top;

	if (dev->parent)
		return &dev->parent->kobj;
	if (!dev->bus && dev->class)
		return dm_sysfs_dir("virtual");
	top = devices_root_kset();
	return top ? &top->kobj : NULL;
}

/* The attribute groups a device gets, in the order they are created */
static void device_fill_group_sources(struct device *dev,
				      const struct attribute_group **srcs[3])
{
	srcs[0] = dev->class ? dev->class->dev_groups : NULL;
	srcs[1] = dev->type ? dev->type->groups : NULL;
	srcs[2] = dev->groups;
}

static int device_add_attrs(struct device *dev)
{
	const struct attribute_group **srcs[3];
	int i, err;

	device_fill_group_sources(dev, srcs);
	for (i = 0; i < ARRAY_SIZE(srcs); i++) {
		err = device_add_groups(dev, srcs[i]);
		if (err)
			goto unwind;
	}
	return 0;

unwind:
	while (i--)
		device_remove_groups(dev, srcs[i]);
	return err;
}

static void device_remove_attrs(struct device *dev)
{
	const struct attribute_group **srcs[3];
	int i;

	device_fill_group_sources(dev, srcs);
	for (i = ARRAY_SIZE(srcs) - 1; i >= 0; i--)
		device_remove_groups(dev, srcs[i]);
}

/*
 * Settle the name of a device being added: init_name if given, else the
 * bus's dev_name with the id. A device must end up with a non-empty name.
 */
static int device_settle_name(struct device *dev)
{
	const char *fixed = dev->init_name;
	int err = 0;

	if (fixed) {
		dev->init_name = NULL;
		err = dev_set_name(dev, "%s", fixed);
	} else if (!dev_name(dev) && dev->bus && dev->bus->dev_name) {
		err = dev_set_name(dev, "%s%u", dev->bus->dev_name, dev->id);
	}
	if (err)
		return err;

	if (!dev_name(dev) || !*dev_name(dev)) {
		pr_err("device: %p has no name\n", dev);
		return -EINVAL;
	}
	return 0;
}

/* The firmware node points back at the first device registered for it */
static void device_claim_fwnode(struct device *dev)
{
	if (dev->fwnode && !dev->fwnode->dev)
		dev->fwnode->dev = dev;
}

static void device_release_fwnode(struct device *dev)
{
	if (dev->fwnode && dev->fwnode->dev == dev)
		dev->fwnode->dev = NULL;
}

/**
 * device_add() - register a device: sysfs, bus, and driver binding
 * @dev: an initialised device (device_initialize())
 *
 * Names the device (from init_name, or from the bus's dev_name and the id),
 * adds it below its parent in sysfs, puts it on its bus, sends
 * BUS_NOTIFY_ADD_DEVICE and tries to bind a driver. On failure the caller
 * still holds its reference and must put_device().
 *
 * Return: 0, -EINVAL (no name), -ENOMEM, -EEXIST (name taken), or an error
 * from the attribute groups.
 */
int device_add(struct device *dev)
{
	struct kobject *sysfs_parent;
	struct device *parent;
	int err;

	if (!get_device(dev))
		return -EINVAL;

	err = device_alloc_private(dev);
	if (!err)
		err = device_settle_name(dev);
	if (err)
		goto drop_dev;

	/* A registered device pins its parent until device_del() */
	parent = get_device(dev->parent);
	sysfs_parent = device_sysfs_parent(dev);
	err = sysfs_parent ? kobject_add(&dev->kobj, sysfs_parent, NULL) :
			     -ENOMEM;
	if (err)
		goto drop_parent;

	device_claim_fwnode(dev);
	err = device_add_attrs(dev);
	if (err)
		goto undo_kobj;
	err = bus_add_device(dev);
	if (err)
		goto undo_attrs;
	err = class_add_device(dev);
	if (err)
		goto undo_bus;

	bus_notify(dev, BUS_NOTIFY_ADD_DEVICE);
	kobject_uevent(&dev->kobj, KOBJ_ADD);

	dev->p->ready_to_probe = true;
	bus_probe_device(dev);

	if (parent && parent->p)
		dm_list_add(&parent->p->children, &dev->p->knode_parent);

	put_device(dev);
	return 0;

undo_bus:
	bus_remove_device(dev);
undo_attrs:
	device_remove_attrs(dev);
undo_kobj:
	device_release_fwnode(dev);
	kobject_del(&dev->kobj);
drop_parent:
	put_device(parent);
drop_dev:
	put_device(dev);
	return err;
}
EXPORT_SYMBOL_GPL(device_add);

/**
 * device_register() - device_initialize() and device_add()
 * @dev: the device
 *
 * Return: as device_add(); on failure the caller must put_device().
 */
int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}
EXPORT_SYMBOL_GPL(device_register);

/**
 * device_del() - unregister a device
 * @dev: a registered device
 *
 * Marks the device dead, sends BUS_NOTIFY_DEL_DEVICE, unbinds its driver,
 * takes it off its bus (BUS_NOTIFY_REMOVED_DEVICE) and out of sysfs, and
 * drops the reference on the parent. The caller's reference remains.
 */
void device_del(struct device *dev)
{
	struct device *parent = dev->parent;

	device_lock(dev);
	dev->p->dead = true;
	device_unlock(dev);

	bus_notify(dev, BUS_NOTIFY_DEL_DEVICE);

	if (parent && parent->p)
		dm_list_del(&parent->p->children, &dev->p->knode_parent);

	device_remove_attrs(dev);
	class_remove_device(dev);
	bus_remove_device(dev);
	driver_deferred_probe_del(dev);

	bus_notify(dev, BUS_NOTIFY_REMOVED_DEVICE);
	kobject_uevent(&dev->kobj, KOBJ_REMOVE);

	device_release_fwnode(dev);
	kobject_del(&dev->kobj);
	put_device(parent);
}
EXPORT_SYMBOL_GPL(device_del);

/**
 * device_unregister() - device_del() and drop the caller's reference
 * @dev: the device
 */
void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}
EXPORT_SYMBOL_GPL(device_unregister);

/* ------------------------------------------------------------------------
 * Children.
 */

static void child_get(struct dm_node *node)
{
	get_device(to_device_private_parent(node)->device);
}

static int walk_children(struct device *parent, void *data, bool reverse,
			 int (*fn)(struct device *dev, void *data))
{
	if (!parent || !parent->p)
		return 0;
	return dm_walk_devices(&parent->p->children, NULL, reverse,
			       offsetof(struct device_private, knode_parent),
			       child_get, data, fn);
}

/**
 * device_for_each_child() - call a function for each child of a device
 * @parent: the device
 * @data: passed to @fn
 * @fn: the function; a non-zero return stops the walk
 *
 * Children are visited in the order they were added. @fn may unregister
 * the child it is given.
 *
 * Return: the non-zero value @fn returned, or 0.
 */
int device_for_each_child(struct device *parent,
			  void *data, int (*fn)(struct device *dev, void *data))
{
	return walk_children(parent, data, false, fn);
}
EXPORT_SYMBOL_GPL(device_for_each_child);

/**
 * device_for_each_child_reverse() - device_for_each_child(), newest first
 * @parent: the device
 * @data: passed to @fn
 * @fn: the function; a non-zero return stops the walk
 *
 * Return: the non-zero value @fn returned, or 0.
 */
int device_for_each_child_reverse(struct device *parent,
				  void *data, int (*fn)(struct device *dev, void *data))
{
	return walk_children(parent, data, true, fn);
}
EXPORT_SYMBOL_GPL(device_for_each_child_reverse);

struct find_child_data {
	void *data;
	int (*match)(struct device *dev, void *data);
	struct device *found;
};

static int find_child_one(struct device *dev, void *data)
{
	struct find_child_data *fc = data;

	if (!fc->match(dev, fc->data))
		return 0;
	fc->found = get_device(dev);
	return 1;
}

/**
 * device_find_child() - find a child of a device
 * @parent: the device
 * @data: passed to @match
 * @match: returns non-zero for the child wanted
 *
 * Return: the child with a reference taken (put_device() it), or NULL.
 */
struct device *device_find_child(struct device *parent, void *data,
				 int (*match)(struct device *dev, void *data))
{
	struct find_child_data fc = { .data = data, .match = match };

	walk_children(parent, &fc, false, find_child_one);
	return fc.found;
}
EXPORT_SYMBOL_GPL(device_find_child);

static int match_child_name(struct device *dev, void *name)
{
	return !strcmp(dev_name(dev), name);
}

/**
 * device_find_child_by_name() - find a child of a device by name
 * @parent: the device
 * @name: the child's name
 *
 * Return: the child with a reference taken, or NULL.
 */
struct device *device_find_child_by_name(struct device *parent,
					 const char *name)
{
	return device_find_child(parent, (void *)name, match_child_name);
}
EXPORT_SYMBOL_GPL(device_find_child_by_name);

static int match_any_child(struct device *dev, void *unused)
{
	return 1;
}

/**
 * device_find_any_child() - the first child of a device
 * @parent: the device
 *
 * Return: the child with a reference taken, or NULL.
 */
struct device *device_find_any_child(struct device *parent)
{
	return device_find_child(parent, NULL, match_any_child);
}
EXPORT_SYMBOL_GPL(device_find_any_child);

/* ------------------------------------------------------------------------
 * Matching helpers for the bus/class/driver lookups.
 */

/**
 * device_match_any() - match every device
 * @dev: the device
 * @unused: ignored
 *
 * Return: 1.
 */
int device_match_any(struct device *dev, const void *unused)
{
	return 1;
}
EXPORT_SYMBOL_GPL(device_match_any);

/**
 * device_match_devt() - match a device by device number
 * @dev: the device
 * @key: points to the dev_t wanted
 *
 * Return: non-zero on a match.
 */
int device_match_devt(struct device *dev, const void *key)
{
	const dev_t *want = key;

	return *want == dev->devt;
}
EXPORT_SYMBOL_GPL(device_match_devt);

/**
 * device_match_name() - match a device by name
 * @dev: the device
 * @key: the name wanted
 *
 * Return: non-zero on a match.
 */
int device_match_name(struct device *dev, const void *key)
{
	return strcmp(key, dev_name(dev)) == 0;
}
EXPORT_SYMBOL_GPL(device_match_name);

/**
 * device_match_fwnode() - match a device by firmware node
 * @dev: the device
 * @key: the node wanted; NULL matches nothing
 *
 * Return: non-zero on a match.
 */
int device_match_fwnode(struct device *dev, const void *key)
{
	return key ? dev_fwnode(dev) == key : 0;
}
EXPORT_SYMBOL_GPL(device_match_fwnode);

/**
 * device_match_of_node() - match a device by devicetree node
 * @dev: the device
 * @key: the node wanted; NULL matches nothing
 *
 * Return: non-zero on a match.
 */
int device_match_of_node(struct device *dev, const void *key)
{
	return key ? dev->of_node == key : 0;
}
EXPORT_SYMBOL_GPL(device_match_of_node);

/* ------------------------------------------------------------------------
 * Firmware nodes.
 */

/**
 * device_set_node() - set the firmware node of a device
 * @dev: the device
 * @fwnode: the node, or NULL
 *
 * Also sets of_node when @fwnode is a devicetree node.
 */
void device_set_node(struct device *dev, struct fwnode_handle *fwnode)
{
	dev->fwnode = fwnode;
	dev->of_node = to_of_node(fwnode);
}
EXPORT_SYMBOL_GPL(device_set_node);

/* ------------------------------------------------------------------------
 * Attributes.
 */

/**
 * device_create_file() - add an attribute file to a registered device
 * @dev: the device, or NULL (nothing is done)
 * @da: the attribute
 *
 * Return: 0 or an errno from sysfs_create_file().
 */
int device_create_file(struct device *dev, const struct device_attribute *da)
{
	umode_t mode = da->attr.mode;

	if (!dev)
		return 0;

	/* A readable file needs show(), a writable one store() */
	WARN(((mode & 0444) && !da->show) || ((mode & 0222) && !da->store),
	     "Attribute %s: mode and methods disagree\n", da->attr.name);
	return sysfs_create_file(&dev->kobj, &da->attr);
}
EXPORT_SYMBOL_GPL(device_create_file);

/**
 * device_remove_file() - remove an attribute file
 * @dev: the device, or NULL
 * @da: the attribute
 */
void device_remove_file(struct device *dev, const struct device_attribute *da)
{
	if (!dev)
		return;
	sysfs_remove_file(&dev->kobj, &da->attr);
}
EXPORT_SYMBOL_GPL(device_remove_file);

/**
 * device_add_group() - add one attribute group
 * @dev: the device
 * @grp: the group
 *
 * Return: 0 or an errno.
 */
int device_add_group(struct device *dev, const struct attribute_group *grp)
{
	return sysfs_create_group(&dev->kobj, grp);
}
EXPORT_SYMBOL_GPL(device_add_group);

/**
 * device_remove_group() - remove one attribute group
 * @dev: the device
 * @grp: the group
 */
void device_remove_group(struct device *dev, const struct attribute_group *grp)
{
	sysfs_remove_group(&dev->kobj, grp);
}
EXPORT_SYMBOL_GPL(device_remove_group);

/**
 * device_add_groups() - add attribute groups to a registered device
 * @dev: the device
 * @grps: NULL-terminated groups, or NULL
 *
 * Return: 0 or the first error (nothing is left behind).
 */
int device_add_groups(struct device *dev, const struct attribute_group **grps)
{
	return sysfs_create_groups(&dev->kobj, grps);
}
EXPORT_SYMBOL_GPL(device_add_groups);

/**
 * device_remove_groups() - remove attribute groups
 * @dev: the device
 * @grps: NULL-terminated groups, or NULL
 */
void device_remove_groups(struct device *dev,
			  const struct attribute_group **grps)
{
	sysfs_remove_groups(&dev->kobj, grps);
}
EXPORT_SYMBOL_GPL(device_remove_groups);

/* ------------------------------------------------------------------------
 * Root devices: bare parents with no bus, e.g. for a test's devices.
 */

static void root_device_free(struct device *root)
{
	kfree(root);
}

/**
 * __root_device_register() - register a device that only serves as a parent
 * @name: its name (/sys/devices/@name)
 * @owner: the module, unused on the host
 *
 * Return: the device, or an ERR_PTR (-ENOMEM, -EEXIST, ...).
 */
struct device *__root_device_register(const char *name, struct module *owner)
{
	struct device *root = kzalloc(sizeof(*root), GFP_KERNEL);
	int err;

	if (!root)
		return ERR_PTR(-ENOMEM);

	/* Before device_register() the memory is still plainly ours */
	err = dev_set_name(root, "%s", name);
	if (err) {
		kfree(root);
		return ERR_PTR(err);
	}

	root->release = root_device_free;
	err = device_register(root);
	if (!err)
		return root;

	put_device(root);
	return ERR_PTR(err);
}
EXPORT_SYMBOL_GPL(__root_device_register);

/**
 * root_device_unregister() - unregister a root device
 * @root: the device from root_device_register()
 */
void root_device_unregister(struct device *root)
{
	device_unregister(root);
}
EXPORT_SYMBOL_GPL(root_device_unregister);

/* ------------------------------------------------------------------------
 * Messages.
 */

/**
 * dev_driver_string() - the driver name of a device, or its bus name
 * @dev: the device
 *
 * Return: the bound driver's name, else the bus name, else the class name,
 * else "".
 */
const char *dev_driver_string(const struct device *dev)
{
	struct device_driver *drv = READ_ONCE(dev->driver);

	return drv ? drv->name : dev_bus_name(dev);
}
EXPORT_SYMBOL_GPL(dev_driver_string);

/* Print "<driver> <device>: <message>" at a KERN_* level */
static void dev_log_va(const char *level, const struct device *dev,
		       const char *format, va_list ap)
{
	int prio = host_kern_loglevel(level);
	struct va_format msg;
	va_list copy;

	va_copy(copy, ap);
	msg.fmt = format;
	msg.va = &copy;
	if (dev)
		host_printk_level(prio, "%s %s: %pV", dev_driver_string(dev),
				  dev_name(dev), &msg);
	else
		host_printk_level(prio, "(NULL device *): %pV", &msg);
	va_end(copy);
}

/**
 * _dev_printk() - print a message about a device at a given level
 * @level: a KERN_* level
 * @dev: the device, or NULL
 * @format: printf-style format
 */
void _dev_printk(const char *level, const struct device *dev,
		 const char *format, ...)
{
	va_list ap;

	va_start(ap, format);
	dev_log_va(level, dev, format, ap);
	va_end(ap);
}
EXPORT_SYMBOL(_dev_printk);

/* _dev_err() and friends: _dev_printk() at a fixed level */
#define HOST_DEV_LOG_AT(suffix, level)					\
void _dev_##suffix(const struct device *dev, const char *format, ...)	\
{									\
	va_list ap;							\
									\
	va_start(ap, format);						\
	dev_log_va(level, dev, format, ap);				\
	va_end(ap);							\
}									\
EXPORT_SYMBOL(_dev_##suffix)

HOST_DEV_LOG_AT(emerg, KERN_EMERG);
HOST_DEV_LOG_AT(alert, KERN_ALERT);
HOST_DEV_LOG_AT(crit, KERN_CRIT);
HOST_DEV_LOG_AT(err, KERN_ERR);
HOST_DEV_LOG_AT(warn, KERN_WARNING);
HOST_DEV_LOG_AT(notice, KERN_NOTICE);
HOST_DEV_LOG_AT(info, KERN_INFO);
HOST_DEV_LOG_AT(dbg, KERN_DEBUG);

/*
 * Report a probe failure: a deferral is recorded as the device's deferral
 * reason and only logged for debugging; -ENOMEM is left to the allocator,
 * which already complained; anything else is logged at @level.
 */
static void dev_probe_failure(const struct device *dev, int err,
			      const char *level, const char *format,
			      va_list ap)
{
	struct va_format msg = { .fmt = format };
	va_list copy;
	char *why;

	if (err == -ENOMEM)
		return;

	va_copy(copy, ap);
	msg.va = &copy;
	if (err == -EPROBE_DEFER) {
		/* Kept for whoever wonders why nothing bound */
		why = kasprintf(GFP_KERNEL, "%pV", &msg);
		device_set_deferred_probe_reason(dev, why);
		kfree(why);
		_dev_dbg(dev, "error %d: %pV", err, &msg);
	} else {
		_dev_printk(level, dev, "error %d: %pV", err, &msg);
	}
	va_end(copy);
}

/**
 * dev_err_probe() - report a probe error and return it
 * @dev: the device
 * @err: the error (negative errno)
 * @format: printf-style format for the reason
 *
 * -EPROBE_DEFER is recorded as the deferral reason and printed only at
 * debug level; -ENOMEM is not printed; other errors go out at KERN_ERR.
 *
 * Return: @err.
 */
int dev_err_probe(const struct device *dev, int err, const char *format, ...)
{
	va_list ap;

	va_start(ap, format);
	dev_probe_failure(dev, err, KERN_ERR, format, ap);
	va_end(ap);
	return err;
}
EXPORT_SYMBOL_GPL(dev_err_probe);

/**
 * dev_warn_probe() - dev_err_probe() at KERN_WARNING
 * @dev: the device
 * @err: the error (negative errno)
 * @format: printf-style format for the reason
 *
 * Return: @err.
 */
int dev_warn_probe(const struct device *dev, int err, const char *format, ...)
{
	va_list ap;

	va_start(ap, format);
	dev_probe_failure(dev, err, KERN_WARNING, format, ap);
	va_end(ap);
	return err;
}
EXPORT_SYMBOL_GPL(dev_warn_probe);

/* Create the top-level directories at boot rather than inside a test. */
static int __init devices_sysfs_init(void)
{
	if (!devices_root_kset() || !dm_sysfs_dir("bus") ||
	    !dm_sysfs_dir("class") || !dm_sysfs_dir("virtual"))
		return -ENOMEM;
	return 0;
}
pure_initcall(devices_sysfs_init);
