/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device classes (a minimal subset: registration and iteration).
 */
#ifndef _HOSTENV_DEVICE_CLASS_H
#define _HOSTENV_DEVICE_CLASS_H

#include <linux/kobject.h>

struct device;

/**
 * struct class - a family of devices seen by function, not by bus
 * @name: the class name (/sys/class/@name)
 * @dev_release: releases a device of the class that has no release() of
 *		 its own
 * @dev_groups: attribute groups added to every device of the class
 * @class_groups: attribute groups of the class directory
 */
struct class {
	const char *name;
	void (*dev_release)(struct device *dev);
	const struct attribute_group **dev_groups;
	const struct attribute_group **class_groups;
};

/* Registration; see lib/device-bus.c for the kernel-doc. */
bool class_is_registered(const struct class *cls);
int __must_check class_register(const struct class *cls);
void class_unregister(const struct class *cls);

/* Walks in registration order, starting after @from when it is given. */
struct device *class_find_device(const struct class *cls, const struct device *from,
				 const void *match_data,
				 int (*match)(struct device *, const void *));
int class_for_each_device(const struct class *cls, const struct device *from,
			  void *fn_data, int (*fn)(struct device *, void *));

/**
 * class_find_device_by_name() - find a device of a class by name
 * @class: the class
 * @name: the name
 *
 * Return: the device with a reference taken (put_device() it), or NULL.
 */
static inline struct device *class_find_device_by_name(const struct class *class,
						       const char *name)
{
	const void *wanted = name;

	return class_find_device(class, NULL, wanted, device_match_name);
}

#endif /* _HOSTENV_DEVICE_CLASS_H */
