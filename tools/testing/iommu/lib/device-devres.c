// SPDX-License-Identifier: GPL-2.0
/*
 * Device-managed resources for the host driver core: memory and actions
 * recorded against a device and released, newest first, when its driver
 * unbinds, when probe fails, or when the device is freed.
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <linux/export.h>

#include "device-internal.h"

struct devres {
	struct list_head	entry;
	void			(*action)(void *data);	/* NULL for memory */
	void			*data;
	const char		*name;
	size_t			size;
	/* Managed memory follows, aligned like any kmalloc() result. */
	unsigned long long	payload[] __aligned(16);
};

static void devres_add(struct device *dev, struct devres *dr)
{
	spin_lock(&dev->devres_lock);
	list_add_tail(&dr->entry, &dev->devres_head);
	spin_unlock(&dev->devres_lock);
}

/* Unlink the entry matching (@action, @data); NULL if there is none. */
static struct devres *devres_take(struct device *dev, void (*action)(void *),
				  const void *data)
{
	struct devres *dr, *found = NULL;

	spin_lock(&dev->devres_lock);
	list_for_each_entry_reverse(dr, &dev->devres_head, entry) {
		if (dr->action == action && dr->data == data) {
			list_del_init(&dr->entry);
			found = dr;
			break;
		}
	}
	spin_unlock(&dev->devres_lock);
	return found;
}

void devres_release_all(struct device *dev)
{
	/* A device that never went through device_initialize() has none. */
	if (WARN_ON(!dev->devres_head.next))
		return;

	for (;;) {
		struct devres *dr = NULL;

		spin_lock(&dev->devres_lock);
		if (!list_empty(&dev->devres_head)) {
			dr = list_last_entry(&dev->devres_head, struct devres,
					     entry);
			list_del_init(&dr->entry);
		}
		spin_unlock(&dev->devres_lock);
		if (!dr)
			break;

		if (dr->action)
			dr->action(dr->data);
		kfree(dr);
	}
}

/**
 * devm_kmalloc() - managed kmalloc()
 * @dev: the device
 * @size: bytes
 * @gfp: allocation flags (__GFP_ZERO zeroes)
 *
 * Return: the memory, freed with the device's managed resources, or NULL.
 */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	struct devres *dr;

	if (size > SIZE_MAX - sizeof(*dr))
		return NULL;
	dr = kmalloc(sizeof(*dr) + size, gfp);
	if (!dr)
		return NULL;
	if (gfp & __GFP_ZERO)
		memset(dr->payload, 0, size);
	INIT_LIST_HEAD(&dr->entry);
	dr->data = dr->payload;
	dr->size = size;
	dr->name = "devm_kmalloc";
	devres_add(dev, dr);
	return dr->payload;
}
EXPORT_SYMBOL_GPL(devm_kmalloc);

/**
 * devm_kfree() - free managed memory early
 * @dev: the device
 * @p: memory from devm_kmalloc() and friends, or NULL
 */
void devm_kfree(struct device *dev, const void *p)
{
	struct devres *dr;

	if (!p)
		return;
	dr = devres_take(dev, NULL, p);
	if (WARN(!dr, "%s: %p is not managed memory of %s\n", __func__, p,
		 dev_name(dev)))
		return;
	kfree(dr);
}
EXPORT_SYMBOL_GPL(devm_kfree);

/**
 * devm_kstrdup() - managed kstrdup()
 * @dev: the device
 * @s: the string, or NULL
 * @gfp: allocation flags
 *
 * Return: the copy, or NULL.
 */
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	size_t len;
	char *copy;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	copy = devm_kmalloc(dev, len, gfp);
	if (copy)
		memcpy(copy, s, len);
	return copy;
}
EXPORT_SYMBOL_GPL(devm_kstrdup);

/**
 * devm_kmemdup() - managed kmemdup()
 * @dev: the device
 * @src: the bytes
 * @len: how many
 * @gfp: allocation flags
 *
 * Return: the copy, or NULL.
 */
void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp)
{
	void *copy = devm_kmalloc(dev, len, gfp);

	if (copy)
		memcpy(copy, src, len);
	return copy;
}
EXPORT_SYMBOL_GPL(devm_kmemdup);

/**
 * __devm_add_action() - run a function when the managed resources go
 * @dev: the device
 * @action: the function
 * @data: its argument
 * @name: a name for diagnostics
 *
 * Return: 0 or -ENOMEM.
 */
int __devm_add_action(struct device *dev, void (*action)(void *), void *data,
		      const char *name)
{
	struct devres *dr;

	dr = kzalloc(sizeof(*dr), GFP_KERNEL);
	if (!dr)
		return -ENOMEM;
	INIT_LIST_HEAD(&dr->entry);
	dr->action = action;
	dr->data = data;
	dr->name = name;
	devres_add(dev, dr);
	return 0;
}
EXPORT_SYMBOL_GPL(__devm_add_action);

/**
 * devm_remove_action() - forget a managed action without running it
 * @dev: the device
 * @action: the function
 * @data: its argument
 */
void devm_remove_action(struct device *dev, void (*action)(void *), void *data)
{
	struct devres *dr = devres_take(dev, action, data);

	WARN(!dr, "%s: no such action on %s\n", __func__, dev_name(dev));
	kfree(dr);
}
EXPORT_SYMBOL_GPL(devm_remove_action);

/**
 * devm_release_action() - run a managed action now and forget it
 * @dev: the device
 * @action: the function
 * @data: its argument
 */
void devm_release_action(struct device *dev, void (*action)(void *), void *data)
{
	struct devres *dr = devres_take(dev, action, data);

	if (WARN(!dr, "%s: no such action on %s\n", __func__, dev_name(dev)))
		return;
	action(data);
	kfree(dr);
}
EXPORT_SYMBOL_GPL(devm_release_action);
