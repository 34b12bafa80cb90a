/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reference-counted objects that form the sysfs hierarchy.
 *
 * Host environment: kobjects keep the kernel's lifetime rules (a child holds
 * a reference on its parent while it is in sysfs, the ktype release runs on
 * the last put) and appear in the in-memory sysfs tree of lib/sysfs.c.
 */
#ifndef _LINUX_KOBJECT_H
#define _LINUX_KOBJECT_H

#include <linux/types.h>
#include <linux/stdarg.h>
#include <linux/container_of.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/kref.h>
#include <linux/spinlock.h>
#include <linux/sysfs.h>

struct kernfs_node;
struct kobj_uevent_env;
struct kset_uevent_ops;

/**
 * enum kobject_action - the uevent actions a kobject can announce
 * @KOBJ_ADD: the object appeared
 * @KOBJ_REMOVE: the object went away
 * @KOBJ_CHANGE: something about the object changed
 * @KOBJ_MOVE: the object got a new parent
 * @KOBJ_ONLINE: the object was brought online
 * @KOBJ_OFFLINE: the object was taken offline
 * @KOBJ_BIND: a driver was bound
 * @KOBJ_UNBIND: a driver was unbound
 */
enum kobject_action {
	KOBJ_ADD,
	KOBJ_REMOVE,
	KOBJ_CHANGE,
	KOBJ_MOVE,
	KOBJ_ONLINE,
	KOBJ_OFFLINE,
	KOBJ_BIND,
	KOBJ_UNBIND,
};

/**
 * struct kobject - a named, reference-counted node of the sysfs tree
 * @name: the name, also the sysfs directory name
 * @entry: link in the kset's object list
 * @parent: the parent object while the object is in sysfs
 * @kset: the set the object belongs to, or NULL
 * @ktype: type operations (release, sysfs_ops, default attribute groups)
 * @sd: the sysfs directory of the object while it is in sysfs
 * @kref: the reference count
 * @state_initialized: kobject_init() was called
 * @state_in_sysfs: the object is in sysfs (kobject_add() succeeded)
 * @state_add_uevent_sent: KOBJ_ADD was announced
 * @state_remove_uevent_sent: KOBJ_REMOVE was announced
 * @uevent_suppress: uevents are not announced for this object
 */
struct kobject {
	const char		*name;
	struct list_head	entry;
	struct kobject		*parent;
	struct kset		*kset;
	const struct kobj_type	*ktype;
	struct kernfs_node	*sd;
	struct kref		kref;
	unsigned int state_initialized:1;
	unsigned int state_in_sysfs:1;
	unsigned int state_add_uevent_sent:1;
	unsigned int state_remove_uevent_sent:1;
	unsigned int uevent_suppress:1;
};

/**
 * struct kobj_type - behaviour shared by a class of kobjects
 * @release: frees the object that embeds the kobject, on the last put
 * @sysfs_ops: show/store dispatch for the object's attributes
 * @default_groups: attribute groups created when the object is added
 */
struct kobj_type {
	void (*release)(struct kobject *kobj);
	const struct sysfs_ops *sysfs_ops;
	const struct attribute_group **default_groups;
};

/**
 * struct kobj_attribute - an attribute whose show/store take the kobject
 * @attr: the attribute
 * @show: formats the value into a PAGE_SIZE buffer
 * @store: parses a written value
 */
struct kobj_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf);
	ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, size_t count);
};

extern const struct sysfs_ops kobj_sysfs_ops;

/**
 * struct kset - a set of kobjects that is itself a kobject (a directory)
 * @list: the member objects
 * @list_lock: protects @list
 * @kobj: the embedded kobject of the set
 */
struct kset {
	struct list_head list;
	spinlock_t list_lock;	/* see above */
	struct kobject kobj;
};

/* The /sys/kernel directory. */
extern struct kobject *kernel_kobj;

/**
 * kobject_name() - the name of a kobject
 * @kobj: the object
 *
 * Return: the name, which may be NULL before one is set.
 */
static inline const char *kobject_name(const struct kobject *kobj)
{
	const char *name = kobj->name;

	return name;
}

/* Naming */
char *kobject_get_path(const struct kobject *kobj, gfp_t flag);
__printf(2, 0) int kobject_set_name_vargs(struct kobject *kobj, const char *fmt,
					  va_list vargs);
__printf(2, 3) int kobject_set_name(struct kobject *kobj, const char *fmt, ...);

/* Reference counting */
void kobject_put(struct kobject *kobj);
struct kobject * __must_check kobject_get_unless_zero(struct kobject *kobj);
struct kobject *kobject_get(struct kobject *kobj);

/* Life cycle: init, add to the hierarchy, announce, remove */
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
__printf(4, 5) __must_check int kobject_init_and_add(struct kobject *kobj,
						     const struct kobj_type *ktype,
						     struct kobject *parent,
						     const char *fmt, ...);
__printf(3, 4) __must_check int kobject_add(struct kobject *kobj,
					    struct kobject *parent,
					    const char *fmt, ...);
struct kobject * __must_check kobject_create_and_add(const char *name,
						     struct kobject *parent);
int kobject_uevent(struct kobject *kobj, enum kobject_action action);
void kobject_del(struct kobject *kobj);

/* Ksets */
struct kobject *kset_find_obj(struct kset *kset, const char *name);
struct kset * __must_check kset_create_and_add(const char *name,
					       const struct kset_uevent_ops *uevent_ops,
					       struct kobject *parent_kobj);
void kset_init(struct kset *kset);
void kset_unregister(struct kset *kset);
int __must_check kset_register(struct kset *kset);

/**
 * to_kset() - the kset embedding a kobject
 * @kobj: the kobject of a kset, or NULL
 *
 * Return: the kset, or NULL for NULL.
 */
static inline struct kset *to_kset(struct kobject *kobj)
{
	if (!kobj)
		return NULL;
	return container_of(kobj, struct kset, kobj);
}

/**
 * kset_get() - take a reference on a kset
 * @k: the kset, or NULL
 *
 * Return: @k.
 */
static inline struct kset *kset_get(struct kset *k)
{
	struct kobject *ref;

	if (!k)
		return NULL;
	ref = kobject_get(&k->kobj);
	return to_kset(ref);
}

/**
 * kset_put() - drop a reference on a kset
 * @k: the kset
 */
static inline void kset_put(struct kset *k)
{
	struct kobject *ref = &k->kobj;

	kobject_put(ref);
}

#endif /* _LINUX_KOBJECT_H */
