// SPDX-License-Identifier: GPL-2.0
/*
 * kobjects and ksets for the host environment.
 *
 * The lifetime rules are the kernel's: kobject_add() pins the parent (or
 * the kset when there is no parent) until the object leaves sysfs, the
 * ktype's release() runs when the last reference is dropped, and a final
 * put of an object still in sysfs removes it from sysfs first.
 */
#include <linux/kobject.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/export.h>

#include "sysfs-internal.h"

/* /sys/kernel: created statically so it exists before any initcall. */
static void kernel_kobj_release(struct kobject *kobj)
{
	WARN(1, "kobject: the /sys/kernel directory was released\n");
}

static const struct kobj_type kernel_kobj_ktype = {
	.release	= kernel_kobj_release,
	.sysfs_ops	= &kobj_sysfs_ops,
};

static struct kobject kernel_kobj_static = {
	.name			= "kernel",
	.ktype			= &kernel_kobj_ktype,
	.entry			= LIST_HEAD_INIT(kernel_kobj_static.entry),
	.kref			= KREF_INIT(1),
	.state_initialized	= 1,
};

struct kobject *kernel_kobj = &kernel_kobj_static;

/*
 * Put /sys/kernel into the tree the first time anyone asks for a parent or
 * path below it. Called with no locks held.
 */
static int kobject_ensure_kernel_dir(struct kobject *parent)
{
	if (parent != kernel_kobj || kernel_kobj->state_in_sysfs)
		return 0;
	if (sysfs_create_dir_for(kernel_kobj))
		return -ENOMEM;
	kernel_kobj->state_in_sysfs = 1;
	return 0;
}

static ssize_t kobj_attr_show(struct kobject *kobj, struct attribute *attr,
			      char *buf)
{
	struct kobj_attribute *kattr = container_of(attr, struct kobj_attribute,
						    attr);

	if (!kattr->show)
		return -EIO;
	return kattr->show(kobj, kattr, buf);
}

static ssize_t kobj_attr_store(struct kobject *kobj, struct attribute *attr,
			       const char *buf, size_t count)
{
	struct kobj_attribute *kattr = container_of(attr, struct kobj_attribute,
						    attr);

	if (!kattr->store)
		return -EIO;
	return kattr->store(kobj, kattr, buf, count);
}

const struct sysfs_ops kobj_sysfs_ops = {
	.show	= kobj_attr_show,
	.store	= kobj_attr_store,
};
EXPORT_SYMBOL_GPL(kobj_sysfs_ops);

/**
 * kobject_set_name_vargs() - set the name of a kobject from a va_list
 * @kobj: the object
 * @fmt: printf-style format
 * @vargs: its arguments
 *
 * A '/' in the result is replaced by '!', because the name is a directory
 * name. Setting the same name again is allowed.
 *
 * Return: 0 or -ENOMEM.
 */
int kobject_set_name_vargs(struct kobject *kobj, const char *fmt,
			   va_list vargs)
{
	const char *prev = kobj->name;
	char *name, *slash;

	if (prev && !fmt)
		return 0;

	name = kvasprintf(GFP_KERNEL, fmt, vargs);
	if (!name)
		return -ENOMEM;
	for (slash = strchr(name, '/'); slash; slash = strchr(slash, '/'))
		*slash = '!';

	kobj->name = name;
	kfree_const(prev);
	return 0;
}
EXPORT_SYMBOL(kobject_set_name_vargs);

/**
 * kobject_set_name() - set the name of a kobject
 * @kobj: the object
 * @fmt: printf-style format for the name
 *
 * Return: 0 or -ENOMEM.
 */
int kobject_set_name(struct kobject *kobj, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = kobject_set_name_vargs(kobj, fmt, args);
	va_end(args);
	return ret;
}
EXPORT_SYMBOL(kobject_set_name);

/**
 * kobject_init() - prepare a kobject for use
 * @kobj: the object, usually zeroed memory embedded in a larger structure
 * @ktype: its type; must provide release()
 *
 * The object starts with one reference. From here on it is freed by
 * kobject_put(), never directly.
 */
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype)
{
	if (!kobj) {
		WARN(1, "kobject: NULL object passed to %s\n", __func__);
		return;
	}
	if (!ktype) {
		WARN(1, "kobject: %p has no ktype\n", kobj);
		return;
	}
	if (kobj->state_initialized)
		WARN(1, "kobject: %p initialized twice\n", kobj);

	kref_init(&kobj->kref);
	INIT_LIST_HEAD(&kobj->entry);
	kobj->state_in_sysfs = 0;
	kobj->state_add_uevent_sent = 0;
	kobj->state_remove_uevent_sent = 0;
	kobj->state_initialized = 1;
	kobj->ktype = ktype;
}
EXPORT_SYMBOL(kobject_init);

static void kset_join(struct kobject *kobj)
{
	struct kset *kset = kobj->kset;

	if (!kset)
		return;
	kset_get(kset);
	spin_lock(&kset->list_lock);
	list_add_tail(&kobj->entry, &kset->list);
	spin_unlock(&kset->list_lock);
}

static void kset_leave(struct kobject *kobj)
{
	struct kset *kset = kobj->kset;

	if (!kset)
		return;
	spin_lock(&kset->list_lock);
	list_del_init(&kobj->entry);
	spin_unlock(&kset->list_lock);
	kset_put(kset);
}

/* Link an initialised, named object into its parent's sysfs directory. */
static int kobject_publish(struct kobject *kobj)
{
	struct kobject *parent;
	int ret;

	if (!kobj->name || !kobj->name[0]) {
		WARN(1, "kobject: %p added without a name\n", kobj);
		return -EINVAL;
	}

	ret = kobject_ensure_kernel_dir(kobj->parent);
	if (ret)
		return ret;

	parent = kobject_get(kobj->parent);
	if (kobj->kset) {
		if (!parent)
			parent = kobject_get(&kobj->kset->kobj);
		kset_join(kobj);
	}
	kobj->parent = parent;

	ret = sysfs_create_dir_for(kobj);
	if (ret)
		goto err_dir;

	ret = sysfs_create_groups(kobj, kobj->ktype->default_groups);
	if (ret)
		goto err_groups;

	kobj->state_in_sysfs = 1;
	return 0;

err_groups:
	sysfs_remove_dir_for(kobj);
err_dir:
	if (ret == -EEXIST)
		pr_err("kobject: '%s' already exists in '%s'\n",
		       kobject_name(kobj),
		       parent ? kobject_name(parent) : "/sys");
	kset_leave(kobj);
	kobj->parent = NULL;
	kobject_put(parent);
	return ret;
}

static int kobject_add_vargs(struct kobject *kobj, struct kobject *parent,
			     const char *fmt, va_list vargs)
{
	int ret;

	if (fmt) {
		ret = kobject_set_name_vargs(kobj, fmt, vargs);
		if (ret)
			return ret;
	}
	kobj->parent = parent;
	return kobject_publish(kobj);
}

/**
 * kobject_add() - add an initialised kobject to sysfs
 * @kobj: the object
 * @parent: the parent directory; NULL means the kset's directory, or the
 *	    root of sysfs without a kset
 * @fmt: printf-style format for the name
 *
 * On failure the caller still owns its reference and must kobject_put().
 *
 * Return: 0, -EINVAL for a NULL or uninitialised object, -EEXIST when the
 * name is taken in that directory, or -ENOMEM.
 */
int kobject_add(struct kobject *kobj, struct kobject *parent,
		const char *fmt, ...)
{
	va_list args;
	int ret;

	if (!kobj)
		return -EINVAL;
	if (!kobj->state_initialized) {
		WARN(1, "kobject: '%s' (%p) added before kobject_init()\n",
		     kobject_name(kobj), kobj);
		return -EINVAL;
	}

	va_start(args, fmt);
	ret = kobject_add_vargs(kobj, parent, fmt, args);
	va_end(args);
	return ret;
}
EXPORT_SYMBOL(kobject_add);

/**
 * kobject_init_and_add() - kobject_init() followed by kobject_add()
 * @kobj: the object
 * @ktype: its type
 * @parent: the parent directory or NULL
 * @fmt: printf-style format for the name
 *
 * Return: as kobject_add(); on failure the caller must kobject_put().
 */
int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...)
{
	va_list args;
	int ret;

	kobject_init(kobj, ktype);

	va_start(args, fmt);
	ret = kobject_add_vargs(kobj, parent, fmt, args);
	va_end(args);
	return ret;
}
EXPORT_SYMBOL_GPL(kobject_init_and_add);

/* Take the object out of sysfs; the parent reference is returned to the caller. */
static struct kobject *kobject_unpublish(struct kobject *kobj)
{
	struct kobject *parent = kobj->parent;

	sysfs_remove_groups(kobj, kobj->ktype->default_groups);
	if (kobj->state_add_uevent_sent && !kobj->state_remove_uevent_sent)
		kobject_uevent(kobj, KOBJ_REMOVE);
	sysfs_remove_dir_for(kobj);
	kobj->state_in_sysfs = 0;
	kset_leave(kobj);
	kobj->parent = NULL;
	return parent;
}

/**
 * kobject_del() - remove a kobject from sysfs
 * @kobj: the object, or NULL
 *
 * Drops the reference kobject_add() took on the parent. The object itself
 * stays alive until its last kobject_put().
 */
void kobject_del(struct kobject *kobj)
{
	if (!kobj || !kobj->state_in_sysfs)
		return;
	kobject_put(kobject_unpublish(kobj));
}
EXPORT_SYMBOL(kobject_del);

/**
 * kobject_get() - take a reference
 * @kobj: the object, or NULL
 *
 * Return: @kobj.
 */
struct kobject *kobject_get(struct kobject *kobj)
{
	if (!kobj)
		return NULL;
	if (!kobj->state_initialized)
		WARN(1, "kobject: '%s' (%p) used before kobject_init()\n",
		     kobject_name(kobj), kobj);
	kref_get(&kobj->kref);
	return kobj;
}
EXPORT_SYMBOL(kobject_get);

/**
 * kobject_get_unless_zero() - take a reference unless the object is dying
 * @kobj: the object, or NULL
 *
 * Return: @kobj, or NULL when its count already reached zero.
 */
struct kobject *kobject_get_unless_zero(struct kobject *kobj)
{
	if (!kobj)
		return NULL;
	if (!kref_get_unless_zero(&kobj->kref))
		return NULL;
	return kobj;
}
EXPORT_SYMBOL(kobject_get_unless_zero);

static void kobject_last_put(struct kref *kref)
{
	struct kobject *kobj = container_of(kref, struct kobject, kref);
	const struct kobj_type *ktype = kobj->ktype;
	const char *name = kobj->name;
	struct kobject *parent = NULL;

	if (kobj->state_in_sysfs)
		parent = kobject_unpublish(kobj);

	if (ktype && ktype->release)
		ktype->release(kobj);
	else
		pr_err("kobject: '%s' (%p) has no release function\n",
		       name, kobj);

	kfree_const(name);
	kobject_put(parent);
}

/**
 * kobject_put() - drop a reference
 * @kobj: the object, or NULL
 *
 * The last put removes the object from sysfs if still there, calls the
 * ktype's release() and then drops the reference on the parent.
 */
void kobject_put(struct kobject *kobj)
{
	if (!kobj)
		return;
	if (!kobj->state_initialized)
		WARN(1, "kobject: '%s' (%p) put before kobject_init()\n",
		     kobject_name(kobj), kobj);
	kref_put(&kobj->kref, kobject_last_put);
}
EXPORT_SYMBOL(kobject_put);

static void dynamic_kobj_release(struct kobject *kobj)
{
	kfree(kobj);
}

static const struct kobj_type dynamic_kobj_ktype = {
	.release	= dynamic_kobj_release,
	.sysfs_ops	= &kobj_sysfs_ops,
};

/**
 * kobject_create_and_add() - allocate a plain directory kobject
 * @name: its name
 * @parent: the parent directory, or NULL for the root of sysfs
 *
 * Return: the new object (release it with kobject_put()), or NULL.
 */
struct kobject *kobject_create_and_add(const char *name, struct kobject *parent)
{
	struct kobject *kobj;

	kobj = kzalloc(sizeof(*kobj), GFP_KERNEL);
	if (!kobj)
		return NULL;

	kobject_init(kobj, &dynamic_kobj_ktype);
	if (kobject_add(kobj, parent, "%s", name)) {
		kobject_put(kobj);
		return NULL;
	}
	return kobj;
}
EXPORT_SYMBOL_GPL(kobject_create_and_add);

static size_t kobject_path_len(const struct kobject *kobj)
{
	size_t len = 1;

	for (; kobj; kobj = kobj->parent)
		len += strlen(kobject_name(kobj)) + 1;
	return len;
}

/**
 * kobject_get_path() - the sysfs path of an object, below /sys
 * @kobj: the object
 * @gfp: allocation flags
 *
 * Return: a kmalloc'ed string such as "/kernel/iommu_groups/3", or NULL.
 */
char *kobject_get_path(const struct kobject *kobj, gfp_t gfp)
{
	size_t len = kobject_path_len(kobj);
	const struct kobject *k;
	char *path;

	path = kzalloc(len, gfp);
	if (!path)
		return NULL;

	len--;
	for (k = kobj; k; k = k->parent) {
		size_t n = strlen(kobject_name(k));

		len -= n;
		memcpy(path + len, kobject_name(k), n);
		path[--len] = '/';
	}
	return path;
}
EXPORT_SYMBOL_GPL(kobject_get_path);

/**
 * kobject_uevent() - announce an event about an object
 * @kobj: the object
 * @action: what happened
 *
 * There is no userspace to notify; the state bits are kept so that the
 * automatic KOBJ_REMOVE on deletion behaves as in the kernel.
 *
 * Return: 0.
 */
int kobject_uevent(struct kobject *kobj, enum kobject_action action)
{
	if (action == KOBJ_ADD)
		kobj->state_add_uevent_sent = 1;
	else if (action == KOBJ_REMOVE)
		kobj->state_remove_uevent_sent = 1;
	return 0;
}
EXPORT_SYMBOL_GPL(kobject_uevent);

static void kset_release(struct kobject *kobj)
{
	kfree(to_kset(kobj));
}

static const struct kobj_type kset_ktype = {
	.release	= kset_release,
	.sysfs_ops	= &kobj_sysfs_ops,
};

/**
 * kset_init() - initialise a kset before kset_register()
 * @kset: the set
 */
void kset_init(struct kset *kset)
{
	kobject_init(&kset->kobj, kset->kobj.ktype ?: &kset_ktype);
	INIT_LIST_HEAD(&kset->list);
	spin_lock_init(&kset->list_lock);
}
EXPORT_SYMBOL(kset_init);

/**
 * kset_register() - initialise and add a kset
 * @kset: the set, with its name and parent set
 *
 * Return: 0 or an errno from kobject_add().
 */
int kset_register(struct kset *kset)
{
	if (!kset)
		return -EINVAL;
	kset_init(kset);
	return kobject_publish(&kset->kobj);
}
EXPORT_SYMBOL(kset_register);

/**
 * kset_unregister() - remove a kset and drop the creator's reference
 * @kset: the set, or NULL
 */
void kset_unregister(struct kset *kset)
{
	if (!kset)
		return;
	kobject_del(&kset->kobj);
	kobject_put(&kset->kobj);
}
EXPORT_SYMBOL(kset_unregister);

/**
 * kset_create_and_add() - allocate and register a kset
 * @name: its name
 * @uevent_ops: ignored (no userspace to notify)
 * @parent_kobj: the parent directory or NULL
 *
 * Return: the new kset, or NULL.
 */
struct kset *kset_create_and_add(const char *name,
				 const struct kset_uevent_ops *uevent_ops,
				 struct kobject *parent_kobj)
{
	struct kset *kset;
	int ret;

	kset = kzalloc(sizeof(*kset), GFP_KERNEL);
	if (!kset)
		return NULL;
	ret = kobject_set_name(&kset->kobj, "%s", name);
	if (ret) {
		kfree(kset);
		return NULL;
	}
	kset->kobj.ktype = &kset_ktype;
	kset->kobj.parent = parent_kobj;

	ret = kset_register(kset);
	if (ret) {
		kobject_put(&kset->kobj);
		return NULL;
	}
	return kset;
}
EXPORT_SYMBOL_GPL(kset_create_and_add);

/**
 * kset_find_obj() - find a member of a kset by name
 * @kset: the set
 * @name: the name to look for
 *
 * Return: the object with a reference taken, or NULL.
 */
struct kobject *kset_find_obj(struct kset *kset, const char *name)
{
	struct kobject *k, *found = NULL;

	spin_lock(&kset->list_lock);
	list_for_each_entry(k, &kset->list, entry) {
		if (kobject_name(k) && !strcmp(kobject_name(k), name)) {
			found = kobject_get_unless_zero(k);
			if (found)
				break;
		}
	}
	spin_unlock(&kset->list_lock);
	return found;
}
EXPORT_SYMBOL_GPL(kset_find_obj);
