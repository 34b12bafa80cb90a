/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device classes (a minimal subset: registration and iteration).
 */
#ifndef _DEVICE_CLASS_H_
#define _DEVICE_CLASS_H_

#include <linux/kobject.h>

struct device;

/**
 * struct class - a family of devices seen by function, not by bus
 * @name: the class name (/sys/class/@name)
 * @class_groups: attribute groups of the class directory
 * @dev_groups: attribute groups added to every device of the class
 * @dev_release: releases a device of the class that has no release() of
 *		 its own
 */
struct class {
	const char		*name;
	const struct attribute_group **class_groups;
	const struct attribute_group **dev_groups;
	void (*dev_release)(struct device *dev);
};

int __must_check class_register(const struct class *class);
void class_unregister(const struct class *class);
bool class_is_registered(const struct class *class);

int class_for_each_device(const struct class *class, const struct device *start,
			  void *data, int (*fn)(struct device *dev, void *data));
struct device *class_find_device(const struct class *class,
				 const struct device *start, const void *data,
				 int (*match)(struct device *dev, const void *data));

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
	return class_find_device(class, NULL, name, device_match_name);
}

#endif /* _DEVICE_CLASS_H_ */
