/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device-managed resources: released in reverse order when the driver is
 * unbound (after remove()), when probe fails, and when the device is freed.
 */
#ifndef _DEVICE_DEVRES_H_
#define _DEVICE_DEVRES_H_

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp_types.h>

struct device;

void * __must_check devm_kmalloc(struct device *dev, size_t size, gfp_t gfp) __malloc;
void devm_kfree(struct device *dev, const void *p);
char * __must_check devm_kstrdup(struct device *dev, const char *s, gfp_t gfp) __malloc;
void * __must_check devm_kmemdup(struct device *dev, const void *src, size_t len,
				 gfp_t gfp);

/**
 * devm_kzalloc() - managed zeroed allocation
 * @dev: the device
 * @size: bytes
 * @gfp: allocation flags
 *
 * Return: the memory, freed when the device's resources are released, or NULL.
 */
static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

/**
 * devm_kcalloc() - managed zeroed array allocation
 * @dev: the device
 * @n: number of elements
 * @size: element size
 * @gfp: allocation flags
 *
 * Return: the memory, or NULL (also on overflow of @n * @size).
 */
static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size,
				 gfp_t gfp)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return devm_kmalloc(dev, n * size, gfp | __GFP_ZERO);
}

int __devm_add_action(struct device *dev, void (*action)(void *), void *data,
		      const char *name);
#define devm_add_action(dev, action, data) \
	__devm_add_action(dev, action, data, #action)

/**
 * __devm_add_action_or_reset() - devm_add_action(), or run the action now
 * @dev: the device
 * @action: the function to run at release
 * @data: its argument
 * @name: a name for diagnostics
 *
 * Return: 0, or -ENOMEM after running @action(@data).
 */
static inline int __devm_add_action_or_reset(struct device *dev,
					     void (*action)(void *),
					     void *data, const char *name)
{
	int ret = __devm_add_action(dev, action, data, name);

	if (ret)
		action(data);
	return ret;
}

#define devm_add_action_or_reset(dev, action, data) \
	__devm_add_action_or_reset(dev, action, data, #action)

void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

#endif /* _DEVICE_DEVRES_H_ */
