// SPDX-License-Identifier: GPL-2.0
/*
 * Firmware nodes, device properties and software nodes for the host
 * environment.
 *
 * Software nodes are the host's firmware: a machine description registers
 * a node per IOMMU instance and per device, with properties, and devices
 * point at them through dev->fwnode. A node is reference counted; nodes
 * created with fwnode_create_software_node() own a copy of their properties.
 */
#include <linux/property.h>
#include <linux/device.h>
#include <linux/of.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/export.h>

#include <host/fwnode.h>

/* No devicetree on the host: of_fwnode_ops only identifies such nodes. */
const struct fwnode_operations of_fwnode_ops;
EXPORT_SYMBOL_GPL(of_fwnode_ops);

/* ------------------------------------------------------------------------
 * Generic fwnode and device property access.
 */

/**
 * dev_fwnode() - the firmware node of a device
 * @dev: the device
 *
 * Return: the node of of_node if set, else dev->fwnode (may be NULL).
 */
struct fwnode_handle *dev_fwnode(const struct device *dev)
{
	return dev->of_node ? of_fwnode_handle(dev->of_node) : dev->fwnode;
}
EXPORT_SYMBOL_GPL(dev_fwnode);

/**
 * fwnode_handle_get() - take a reference on a node
 * @fwnode: the node, or NULL
 *
 * Return: @fwnode (or what the node's get() returned).
 */
struct fwnode_handle *fwnode_handle_get(struct fwnode_handle *fwnode)
{
	if (!fwnode_has_op(fwnode, get))
		return fwnode;
	return fwnode->ops->get(fwnode);
}
EXPORT_SYMBOL_GPL(fwnode_handle_get);

/**
 * fwnode_handle_put() - drop a reference on a node
 * @fwnode: the node, or NULL
 */
void fwnode_handle_put(struct fwnode_handle *fwnode)
{
	fwnode_call_void_op(fwnode, put);
}
EXPORT_SYMBOL_GPL(fwnode_handle_put);

/**
 * fwnode_get_name() - the name of a node
 * @fwnode: the node
 *
 * Return: the name, or NULL.
 */
const char *fwnode_get_name(const struct fwnode_handle *fwnode)
{
	return fwnode_call_ptr_op(fwnode, get_name);
}
EXPORT_SYMBOL_GPL(fwnode_get_name);

/**
 * fwnode_get_parent() - the parent of a node
 * @fwnode: the node
 *
 * Return: the parent with a reference taken, or NULL.
 */
struct fwnode_handle *fwnode_get_parent(const struct fwnode_handle *fwnode)
{
	return fwnode_call_ptr_op(fwnode, get_parent);
}
EXPORT_SYMBOL_GPL(fwnode_get_parent);

/**
 * fwnode_device_is_available() - whether the node's device is enabled
 * @fwnode: the node
 *
 * Return: true if available (nodes without the op are available).
 */
bool fwnode_device_is_available(const struct fwnode_handle *fwnode)
{
	if (IS_ERR_OR_NULL(fwnode))
		return false;
	if (!fwnode_has_op(fwnode, device_is_available))
		return true;
	return fwnode->ops->device_is_available(fwnode);
}
EXPORT_SYMBOL_GPL(fwnode_device_is_available);

/**
 * fwnode_get_next_child_node() - iterate the children of a node
 * @fwnode: the node
 * @child: the previous child (its reference is dropped), or NULL
 *
 * Return: the next child with a reference taken, or NULL.
 */
struct fwnode_handle *fwnode_get_next_child_node(const struct fwnode_handle *fwnode,
						 struct fwnode_handle *child)
{
	return fwnode_call_ptr_op(fwnode, get_next_child_node, child);
}
EXPORT_SYMBOL_GPL(fwnode_get_next_child_node);

/**
 * fwnode_get_named_child_node() - a child of a node by name
 * @fwnode: the node
 * @childname: the name
 *
 * Return: the child with a reference taken, or NULL.
 */
struct fwnode_handle *fwnode_get_named_child_node(const struct fwnode_handle *fwnode,
						  const char *childname)
{
	return fwnode_call_ptr_op(fwnode, get_named_child_node, childname);
}
EXPORT_SYMBOL_GPL(fwnode_get_named_child_node);

/**
 * fwnode_property_present() - whether a node (or its secondary) has a property
 * @fwnode: the node
 * @propname: the property
 *
 * Return: true if present.
 */
bool fwnode_property_present(const struct fwnode_handle *fwnode,
			     const char *propname)
{
	if (IS_ERR_OR_NULL(fwnode))
		return false;
	if (fwnode_call_bool_op(fwnode, property_present, propname))
		return true;
	return fwnode_call_bool_op(fwnode->secondary, property_present, propname);
}
EXPORT_SYMBOL_GPL(fwnode_property_present);

static int fwnode_read_ints(const struct fwnode_handle *fwnode,
			    const char *propname, unsigned int elem_size,
			    void *val, size_t nval)
{
	int ret;

	if (IS_ERR_OR_NULL(fwnode))
		return -EINVAL;
	ret = fwnode_call_int_op(fwnode, property_read_int_array, propname,
				 elem_size, val, nval);
	if (ret != -EINVAL)
		return ret;
	return fwnode_call_int_op(fwnode->secondary, property_read_int_array,
				  propname, elem_size, val, nval);
}

/*
 * fwnode_property_read_uN_array() / device_property_read_uN_array(): read
 * @nval integers; with @val NULL, count them. Return: 0 (or the count),
 * -EINVAL (no such property), -ENODATA (no value), -EOVERFLOW (fewer
 * values than asked for), -ENXIO (the node cannot hold properties).
 */
#define DEFINE_FWNODE_READ_ARRAY(type)						\
int fwnode_property_read_##type##_array(const struct fwnode_handle *fwnode,	\
					const char *propname,			\
					typeof(type) *val, size_t nval)		\
{										\
	return fwnode_read_ints(fwnode, propname, sizeof(type), val, nval);	\
}										\
EXPORT_SYMBOL_GPL(fwnode_property_read_##type##_array)

#define DEFINE_DEVICE_READ_ARRAY(type)						\
int device_property_read_##type##_array(const struct device *dev,		\
					const char *propname,			\
					typeof(type) *val, size_t nval)		\
{										\
	return fwnode_property_read_##type##_array(dev_fwnode(dev), propname,	\
						   val, nval);			\
}										\
EXPORT_SYMBOL_GPL(device_property_read_##type##_array)

DEFINE_FWNODE_READ_ARRAY(u8);
DEFINE_DEVICE_READ_ARRAY(u8);
DEFINE_FWNODE_READ_ARRAY(u16);
DEFINE_DEVICE_READ_ARRAY(u16);
DEFINE_FWNODE_READ_ARRAY(u32);
DEFINE_DEVICE_READ_ARRAY(u32);
DEFINE_FWNODE_READ_ARRAY(u64);
DEFINE_DEVICE_READ_ARRAY(u64);

/**
 * fwnode_property_read_string_array() - read strings of a node's property
 * @fwnode: the node
 * @propname: the property
 * @val: receives up to @nval string pointers; NULL to count them
 * @nval: size of @val
 *
 * Return: the number of strings read (or present), or a negative errno as
 * for the integer readers.
 */
int fwnode_property_read_string_array(const struct fwnode_handle *fwnode,
				      const char *propname, const char **val,
				      size_t nval)
{
	int ret;

	if (IS_ERR_OR_NULL(fwnode))
		return -EINVAL;
	ret = fwnode_call_int_op(fwnode, property_read_string_array, propname,
				 val, nval);
	if (ret != -EINVAL)
		return ret;
	return fwnode_call_int_op(fwnode->secondary, property_read_string_array,
				  propname, val, nval);
}
EXPORT_SYMBOL_GPL(fwnode_property_read_string_array);

/**
 * fwnode_property_read_string() - read the first string of a property
 * @fwnode: the node
 * @propname: the property
 * @val: receives the string
 *
 * Return: 0 or a negative errno.
 */
int fwnode_property_read_string(const struct fwnode_handle *fwnode,
				const char *propname, const char **val)
{
	int ret = fwnode_property_read_string_array(fwnode, propname, val, 1);

	return ret < 0 ? ret : 0;
}
EXPORT_SYMBOL_GPL(fwnode_property_read_string);

/**
 * device_property_present() - whether a device's node has a property
 * @dev: the device
 * @propname: the property
 *
 * Return: true if present.
 */
bool device_property_present(const struct device *dev, const char *propname)
{
	return fwnode_property_present(dev_fwnode(dev), propname);
}
EXPORT_SYMBOL_GPL(device_property_present);

/**
 * device_property_read_string_array() - read strings of a device property
 * @dev: the device
 * @propname: the property
 * @val: receives up to @nval string pointers; NULL to count them
 * @nval: size of @val
 *
 * Return: the number of strings, or a negative errno.
 */
int device_property_read_string_array(const struct device *dev,
				      const char *propname, const char **val,
				      size_t nval)
{
	return fwnode_property_read_string_array(dev_fwnode(dev), propname,
						 val, nval);
}
EXPORT_SYMBOL_GPL(device_property_read_string_array);

/**
 * device_property_read_string() - read the first string of a device property
 * @dev: the device
 * @propname: the property
 * @val: receives the string
 *
 * Return: 0 or a negative errno.
 */
int device_property_read_string(const struct device *dev, const char *propname,
				const char **val)
{
	return fwnode_property_read_string(dev_fwnode(dev), propname, val);
}
EXPORT_SYMBOL_GPL(device_property_read_string);

/* ------------------------------------------------------------------------
 * Software nodes.
 */

struct swnode {
	struct fwnode_handle	fwnode;
	const struct software_node *node;
	struct swnode		*parent;
	struct list_head	entry;		/* in swnode_list */
	struct kref		kref;
	char			*auto_name;
	/* Set for nodes whose software_node and properties we allocated. */
	bool			allocated;
};

static DEFINE_MUTEX(swnode_lock);
static LIST_HEAD(swnode_list);
static unsigned int swnode_next_id;

static const struct fwnode_operations software_node_ops;

/**
 * is_software_node() - whether a fwnode is a software node
 * @fwnode: the node, or NULL/ERR_PTR
 *
 * Return: true for a software node.
 */
bool is_software_node(const struct fwnode_handle *fwnode)
{
	return !IS_ERR_OR_NULL(fwnode) && fwnode->ops == &software_node_ops;
}
EXPORT_SYMBOL_GPL(is_software_node);

static struct swnode *to_swnode(const struct fwnode_handle *fwnode)
{
	return is_software_node(fwnode) ?
		container_of(fwnode, struct swnode, fwnode) : NULL;
}

/**
 * to_software_node() - the software node behind a fwnode
 * @fwnode: the node
 *
 * Return: the software node, or NULL if @fwnode is not one.
 */
const struct software_node *to_software_node(const struct fwnode_handle *fwnode)
{
	struct swnode *swnode = to_swnode(fwnode);

	return swnode ? swnode->node : NULL;
}
EXPORT_SYMBOL_GPL(to_software_node);

static struct swnode *swnode_find(const struct software_node *node)
{
	struct swnode *swnode;

	lockdep_assert_held(&swnode_lock);

	list_for_each_entry(swnode, &swnode_list, entry) {
		if (swnode->node == node)
			return swnode;
	}
	return NULL;
}

/**
 * software_node_fwnode() - the fwnode of a registered software node
 * @node: the software node
 *
 * Return: the fwnode, or NULL if @node is not registered.
 */
struct fwnode_handle *software_node_fwnode(const struct software_node *node)
{
	struct swnode *swnode;

	mutex_lock(&swnode_lock);
	swnode = node ? swnode_find(node) : NULL;
	mutex_unlock(&swnode_lock);
	return swnode ? &swnode->fwnode : NULL;
}
EXPORT_SYMBOL_GPL(software_node_fwnode);

/* Free what one (possibly half-built) property entry owns. */
static void property_entry_clear(const struct property_entry *p)
{
	if (p->type == DEV_PROP_STRING) {
		const char * const *strs = p->is_inline ?
			p->value.str : p->pointer;
		size_t i;

		for (i = 0; strs && i < p->length / sizeof(char *); i++)
			kfree(strs[i]);
	}
	if (!p->is_inline)
		kfree(p->pointer);
	kfree(p->name);
}

static void property_entries_free(const struct property_entry *props)
{
	const struct property_entry *p;

	if (!props)
		return;
	for (p = props; p->name; p++)
		property_entry_clear(p);
	kfree(props);
}

static void swnode_free(struct kref *kref)
{
	struct swnode *swnode = container_of(kref, struct swnode, kref);

	lockdep_assert_held(&swnode_lock);

	list_del(&swnode->entry);
	if (swnode->parent)
		kref_put(&swnode->parent->kref, swnode_free);
	if (swnode->allocated) {
		property_entries_free(swnode->node->properties);
		kfree(swnode->node->name);
		kfree(swnode->node);
	}
	kfree(swnode->auto_name);
	kfree(swnode);
}

static void swnode_put(struct swnode *swnode)
{
	mutex_lock(&swnode_lock);
	kref_put(&swnode->kref, swnode_free);
	mutex_unlock(&swnode_lock);
}

static struct fwnode_handle *swnode_get(struct fwnode_handle *fwnode)
{
	struct swnode *swnode = to_swnode(fwnode);

	kref_get(&swnode->kref);
	return fwnode;
}

static void swnode_put_op(struct fwnode_handle *fwnode)
{
	swnode_put(to_swnode(fwnode));
}

static const struct property_entry *swnode_prop(const struct fwnode_handle *fwnode,
						const char *propname)
{
	const struct property_entry *p = to_swnode(fwnode)->node->properties;

	for (; p && p->name; p++) {
		if (!strcmp(p->name, propname))
			return p;
	}
	return NULL;
}

static const void *prop_data(const struct property_entry *p)
{
	if (!p->length)
		return NULL;
	return p->is_inline ? (const void *)&p->value : p->pointer;
}

static bool swnode_property_present(const struct fwnode_handle *fwnode,
				    const char *propname)
{
	return !!swnode_prop(fwnode, propname);
}

static int swnode_read_int_array(const struct fwnode_handle *fwnode,
				 const char *propname, unsigned int elem_size,
				 void *val, size_t nval)
{
	const struct property_entry *p = swnode_prop(fwnode, propname);
	const void *data;

	if (!p)
		return -EINVAL;
	if (!val)
		return p->length / elem_size;
	if (!nval)
		return -EINVAL;
	data = prop_data(p);
	if (!data)
		return -ENODATA;
	if (nval * elem_size > p->length)
		return -EOVERFLOW;
	memcpy(val, data, nval * elem_size);
	return 0;
}

static int swnode_read_string_array(const struct fwnode_handle *fwnode,
				    const char *propname, const char **val,
				    size_t nval)
{
	const struct property_entry *p = swnode_prop(fwnode, propname);
	const char * const *strs;
	size_t count, i;

	if (!p)
		return -EINVAL;
	if (p->type != DEV_PROP_STRING)
		return -EPROTO;
	count = p->length / sizeof(char *);
	if (!val)
		return count;
	strs = prop_data(p);
	if (!strs)
		return -ENODATA;
	count = min(count, nval);
	for (i = 0; i < count; i++)
		val[i] = strs[i];
	return count;
}

static const char *swnode_get_name(const struct fwnode_handle *fwnode)
{
	struct swnode *swnode = to_swnode(fwnode);

	return swnode->node->name ?: swnode->auto_name;
}

static struct fwnode_handle *swnode_get_parent(const struct fwnode_handle *fwnode)
{
	struct swnode *swnode = to_swnode(fwnode);

	if (!swnode->parent)
		return NULL;
	return fwnode_handle_get(&swnode->parent->fwnode);
}

static struct fwnode_handle *swnode_next_child(const struct fwnode_handle *fwnode,
					       struct fwnode_handle *child)
{
	struct swnode *parent = to_swnode(fwnode);
	struct swnode *prev = to_swnode(child);
	struct swnode *swnode, *next = NULL;
	bool past_prev = !prev;

	mutex_lock(&swnode_lock);
	list_for_each_entry(swnode, &swnode_list, entry) {
		if (swnode == prev) {
			past_prev = true;
			continue;
		}
		if (past_prev && swnode->parent == parent) {
			next = swnode;
			kref_get(&next->kref);
			break;
		}
	}
	mutex_unlock(&swnode_lock);
	if (prev)
		swnode_put(prev);
	return next ? &next->fwnode : NULL;
}

static struct fwnode_handle *swnode_named_child(const struct fwnode_handle *fwnode,
						const char *name)
{
	struct swnode *parent = to_swnode(fwnode);
	struct swnode *swnode, *found = NULL;

	mutex_lock(&swnode_lock);
	list_for_each_entry(swnode, &swnode_list, entry) {
		const char *n = swnode->node->name ?: swnode->auto_name;

		if (swnode->parent == parent && !strcmp(n, name)) {
			found = swnode;
			kref_get(&found->kref);
			break;
		}
	}
	mutex_unlock(&swnode_lock);
	return found ? &found->fwnode : NULL;
}

static const struct fwnode_operations software_node_ops = {
	.get				= swnode_get,
	.put				= swnode_put_op,
	.property_present		= swnode_property_present,
	.property_read_int_array	= swnode_read_int_array,
	.property_read_string_array	= swnode_read_string_array,
	.get_name			= swnode_get_name,
	.get_parent			= swnode_get_parent,
	.get_next_child_node		= swnode_next_child,
	.get_named_child_node		= swnode_named_child,
};

static struct swnode *swnode_register(const struct software_node *node,
				      struct swnode *parent, bool allocated)
{
	struct swnode *swnode;

	lockdep_assert_held(&swnode_lock);

	swnode = kzalloc(sizeof(*swnode), GFP_KERNEL);
	if (!swnode)
		return ERR_PTR(-ENOMEM);
	if (!node->name) {
		swnode->auto_name = kasprintf(GFP_KERNEL, "node%u",
					      swnode_next_id);
		if (!swnode->auto_name) {
			kfree(swnode);
			return ERR_PTR(-ENOMEM);
		}
	}
	swnode_next_id++;

	fwnode_init(&swnode->fwnode, &software_node_ops);
	swnode->node = node;
	swnode->allocated = allocated;
	kref_init(&swnode->kref);
	if (parent) {
		kref_get(&parent->kref);
		swnode->parent = parent;
	}
	list_add_tail(&swnode->entry, &swnode_list);
	return swnode;
}

/**
 * software_node_register() - register a software node
 * @node: the node; it must stay valid until unregistered
 *
 * Return: 0, -EEXIST (already registered), -EINVAL (the parent is not
 * registered) or -ENOMEM.
 */
int software_node_register(const struct software_node *node)
{
	struct swnode *parent = NULL, *swnode;
	int ret = 0;

	mutex_lock(&swnode_lock);
	if (swnode_find(node)) {
		ret = -EEXIST;
		goto out;
	}
	if (node->parent) {
		parent = swnode_find(node->parent);
		if (!parent) {
			ret = -EINVAL;
			goto out;
		}
	}
	swnode = swnode_register(node, parent, false);
	if (IS_ERR(swnode))
		ret = PTR_ERR(swnode);
out:
	mutex_unlock(&swnode_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(software_node_register);

/**
 * software_node_unregister() - drop the registration reference of a node
 * @node: the node
 *
 * The node goes away once no fwnode reference (a device, a child) remains.
 */
void software_node_unregister(const struct software_node *node)
{
	struct swnode *swnode;

	mutex_lock(&swnode_lock);
	swnode = swnode_find(node);
	if (swnode)
		kref_put(&swnode->kref, swnode_free);
	else
		pr_err("software node %s is not registered\n",
		       node->name ?: "(unnamed)");
	mutex_unlock(&swnode_lock);
}
EXPORT_SYMBOL_GPL(software_node_unregister);

/**
 * software_node_register_node_group() - register NULL-terminated nodes
 * @node_group: the nodes, parents before children
 *
 * Return: 0 or the first error (the nodes registered before it are
 * unregistered).
 */
int software_node_register_node_group(const struct software_node **node_group)
{
	int i, ret;

	if (!node_group)
		return 0;
	for (i = 0; node_group[i]; i++) {
		ret = software_node_register(node_group[i]);
		if (ret) {
			while (--i >= 0)
				software_node_unregister(node_group[i]);
			return ret;
		}
	}
	return 0;
}
EXPORT_SYMBOL_GPL(software_node_register_node_group);

/**
 * software_node_unregister_node_group() - unregister NULL-terminated nodes
 * @node_group: the nodes, in the order they were registered
 */
void software_node_unregister_node_group(const struct software_node **node_group)
{
	int i;

	if (!node_group)
		return;
	for (i = 0; node_group[i]; i++)
		;
	while (--i >= 0)
		software_node_unregister(node_group[i]);
}
EXPORT_SYMBOL_GPL(software_node_unregister_node_group);

/* Deep copy of a property array, ended by an entry with a NULL name. */
static struct property_entry *property_entries_dup(const struct property_entry *props)
{
	struct property_entry *copy;
	size_t n = 0, i;

	while (props && props[n].name)
		n++;
	copy = kcalloc(n + 1, sizeof(*copy), GFP_KERNEL);
	if (!copy)
		return NULL;

	for (i = 0; i < n; i++) {
		const struct property_entry *src = &props[i];
		struct property_entry *dst = &copy[i];

		*dst = *src;
		dst->name = NULL;
		dst->pointer = NULL;
		if (src->is_inline)
			dst->value = src->value;

		if (!src->is_inline && src->length) {
			dst->pointer = kmemdup(src->pointer, src->length,
					       GFP_KERNEL);
			if (!dst->pointer)
				goto err;
		}
		if (src->type == DEV_PROP_STRING) {
			const char **strs = dst->is_inline ?
				dst->value.str : (const char **)dst->pointer;
			size_t j, count = src->length / sizeof(char *);

			for (j = 0; j < count; j++)
				strs[j] = NULL;
			for (j = 0; j < count; j++) {
				const char * const *from = src->is_inline ?
					src->value.str : src->pointer;

				strs[j] = kstrdup(from[j], GFP_KERNEL);
				if (from[j] && !strs[j])
					goto err;
			}
		}
		dst->name = kstrdup(src->name, GFP_KERNEL);
		if (!dst->name)
			goto err;
	}
	return copy;

err:
	/* Entries 0..i-1 are complete, entry i is partly built. */
	for (n = 0; n <= i; n++)
		property_entry_clear(&copy[n]);
	kfree(copy);
	return NULL;
}

static struct fwnode_handle *create_swnode(const char *name,
					   const struct property_entry *properties,
					   const struct fwnode_handle *parent)
{
	struct software_node *node;
	struct swnode *pswnode = NULL, *swnode;

	if (IS_ERR(parent))
		return ERR_CAST(parent);
	if (parent) {
		pswnode = to_swnode(parent);
		if (!pswnode)
			return ERR_PTR(-EINVAL);
	}

	node = kzalloc(sizeof(*node), GFP_KERNEL);
	if (!node)
		return ERR_PTR(-ENOMEM);
	if (name) {
		node->name = kstrdup(name, GFP_KERNEL);
		if (!node->name)
			goto err_node;
	}
	node->properties = property_entries_dup(properties);
	if (!node->properties)
		goto err_name;
	node->parent = pswnode ? pswnode->node : NULL;

	mutex_lock(&swnode_lock);
	swnode = swnode_register(node, pswnode, true);
	mutex_unlock(&swnode_lock);
	if (IS_ERR(swnode)) {
		property_entries_free(node->properties);
		goto err_name;
	}
	return &swnode->fwnode;

err_name:
	kfree(node->name);
err_node:
	kfree(node);
	return ERR_PTR(-ENOMEM);
}

/**
 * fwnode_create_software_node() - allocate and register an unnamed software node
 * @properties: properties to copy into the node, or NULL
 * @parent: a software node to be the parent, or NULL
 *
 * The node is named "nodeN". Free it with fwnode_remove_software_node().
 *
 * Return: the fwnode, or ERR_PTR(-EINVAL) (@parent is not a software
 * node) or ERR_PTR(-ENOMEM).
 */
struct fwnode_handle *
fwnode_create_software_node(const struct property_entry *properties,
			    const struct fwnode_handle *parent)
{
	return create_swnode(NULL, properties, parent);
}
EXPORT_SYMBOL_GPL(fwnode_create_software_node);

/**
 * fwnode_remove_software_node() - drop the creation reference of a node
 * @fwnode: a node from fwnode_create_software_node(), or NULL
 */
void fwnode_remove_software_node(struct fwnode_handle *fwnode)
{
	struct swnode *swnode = to_swnode(fwnode);

	if (swnode)
		swnode_put(swnode);
}
EXPORT_SYMBOL_GPL(fwnode_remove_software_node);

struct fwnode_handle *host_fwnode_create(const char *name,
					 const struct property_entry *properties,
					 struct fwnode_handle *parent)
{
	return create_swnode(name, properties, parent);
}
EXPORT_SYMBOL_GPL(host_fwnode_create);

void host_fwnode_destroy(struct fwnode_handle *fwnode)
{
	fwnode_remove_software_node(fwnode);
}
EXPORT_SYMBOL_GPL(host_fwnode_destroy);

/**
 * device_add_software_node() - give a device a software node
 * @dev: the device, not yet registered
 * @node: the node; registered here if it is not yet
 *
 * The node becomes the device's fwnode, or its secondary if the device
 * already has a firmware node.
 *
 * Return: 0, -EBUSY (the device already has a software node), or an error
 * from software_node_register().
 */
int device_add_software_node(struct device *dev, const struct software_node *node)
{
	struct fwnode_handle *fwnode;
	struct swnode *swnode;
	int ret;

	if (to_swnode(dev_fwnode(dev)) ||
	    (dev_fwnode(dev) && to_swnode(dev_fwnode(dev)->secondary)))
		return -EBUSY;

	mutex_lock(&swnode_lock);
	swnode = swnode_find(node);
	if (swnode)
		kref_get(&swnode->kref);
	mutex_unlock(&swnode_lock);

	if (!swnode) {
		ret = software_node_register(node);
		if (ret)
			return ret;
		mutex_lock(&swnode_lock);
		swnode = swnode_find(node);
		mutex_unlock(&swnode_lock);
	}
	fwnode = &swnode->fwnode;

	if (dev->fwnode)
		dev->fwnode->secondary = fwnode;
	else
		device_set_node(dev, fwnode);
	return 0;
}
EXPORT_SYMBOL_GPL(device_add_software_node);

/**
 * device_remove_software_node() - take a device's software node away
 * @dev: the device
 */
void device_remove_software_node(struct device *dev)
{
	struct fwnode_handle *fwnode = dev->fwnode;
	struct swnode *swnode;

	if (!fwnode)
		return;
	swnode = to_swnode(fwnode);
	if (swnode) {
		dev->fwnode = NULL;
	} else {
		swnode = to_swnode(fwnode->secondary);
		if (!swnode)
			return;
		fwnode->secondary = NULL;
	}
	swnode_put(swnode);
}
EXPORT_SYMBOL_GPL(device_remove_software_node);
