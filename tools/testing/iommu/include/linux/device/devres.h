/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device-managed resources: released in reverse order when the driver is
 * unbound (after remove()), when probe fails, and when the device is freed.
 */
#ifndef _HOSTENV_DEVICE_DEVRES_H
#define _HOSTENV_DEVICE_DEVRES_H

#include <linux/compiler.h>
#include <linux/gfp_types.h>
#include <linux/overflow.h>
#include <linux/types.h>

struct device;

/* Managed memory; lib/device-devres.c documents each call. */
void * __must_check devm_kmalloc(struct device *owner, size_t bytes, gfp_t flags) __malloc;
void * __must_check devm_kmemdup(struct device *owner, const void *from, size_t bytes,
				 gfp_t flags);
char * __must_check devm_kstrdup(struct device *owner, const char *str, gfp_t flags) __malloc;
void devm_kfree(struct device *owner, const void *mem);

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
	gfp_t zeroed = gfp | __GFP_ZERO;

	return devm_kmalloc(dev, size, zeroed);
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
	size_t total;

	return check_mul_overflow(n, size, &total) ? NULL :
	       devm_kzalloc(dev, total, gfp);
}

/* Release actions: run, newest first, when the device's resources go. */
int __devm_add_action(struct device *owner, void (*fn)(void *), void *arg,
		      const char *what);
void devm_release_action(struct device *owner, void (*fn)(void *), void *arg);
void devm_remove_action(struct device *owner, void (*fn)(void *), void *arg);

/* The function's own name labels the action in diagnostics. */
#define devm_add_action(dev, action, data) \
	__devm_add_action((dev), (action), (data), #action)

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
	int err = __devm_add_action(dev, action, data, name);

	/* Could not defer the action: undo what it stands for right away. */
	if (unlikely(err))
		action(data);
	return err;
}

#define devm_add_action_or_reset(dev, action, data) \
	__devm_add_action_or_reset((dev), (action), (data), #action)

#endif /* _HOSTENV_DEVICE_DEVRES_H */
