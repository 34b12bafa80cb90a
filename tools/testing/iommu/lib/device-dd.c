// SPDX-License-Identifier: GPL-2.0
/*
 * Binding devices to drivers in the host driver core.
 *
 * The sequence is the kernel's: with the device lock held, set dev->driver,
 * run the bus's dma_configure() (where the IOMMU core claims the default
 * domain for a DMA-API driver), announce BUS_NOTIFY_BIND_DRIVER, probe, and
 * announce BUS_NOTIFY_BOUND_DRIVER. A failed probe announces
 * BUS_NOTIFY_DRIVER_NOT_BOUND and runs dma_cleanup(); a failed
 * dma_configure() only clears dev->driver. Unbinding announces
 * BUS_NOTIFY_UNBIND_DRIVER, removes, runs dma_cleanup(), releases managed
 * resources and announces BUS_NOTIFY_UNBOUND_DRIVER.
 *
 * Deferred probing: a device whose probe returned -EPROBE_DEFER is retried
 * each time some other device binds, synchronously, once the binding that
 * triggered the retry has dropped its locks.
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/export.h>

#include "device-internal.h"

static DEFINE_MUTEX(deferred_probe_lock);
static LIST_HEAD(deferred_probe_pending);
static unsigned long deferred_trigger_count;
static bool deferred_probe_running;

/**
 * device_is_bound() - whether a driver is bound to a device
 * @dev: the device
 *
 * Return: true once probe succeeded, until the driver is released.
 */
bool device_is_bound(struct device *dev)
{
	return dev->p && dev->p->knode_driver.linked &&
	       !dev->p->knode_driver.removed;
}
EXPORT_SYMBOL_GPL(device_is_bound);

/**
 * driver_deferred_probe_add() - queue a device for another probe attempt
 * @dev: the device
 */
void driver_deferred_probe_add(struct device *dev)
{
	if (!dev->can_match)
		return;
	mutex_lock(&deferred_probe_lock);
	if (list_empty(&dev->p->deferred_probe)) {
		dev_dbg(dev, "added to the deferred probe list\n");
		list_add_tail(&dev->p->deferred_probe, &deferred_probe_pending);
	}
	mutex_unlock(&deferred_probe_lock);
}
EXPORT_SYMBOL_GPL(driver_deferred_probe_add);

void driver_deferred_probe_del(struct device *dev)
{
	mutex_lock(&deferred_probe_lock);
	list_del_init(&dev->p->deferred_probe);
	kfree(dev->p->deferred_probe_reason);
	dev->p->deferred_probe_reason = NULL;
	mutex_unlock(&deferred_probe_lock);
}

void device_set_deferred_probe_reason(const struct device *dev,
				      const char *reason)
{
	char *copy;

	if (!dev->p)
		return;
	copy = reason ? kstrdup(reason, GFP_KERNEL) : NULL;
	mutex_lock(&deferred_probe_lock);
	kfree(dev->p->deferred_probe_reason);
	dev->p->deferred_probe_reason = copy;
	mutex_unlock(&deferred_probe_lock);
}

static int __device_attach(struct device *dev);

/*
 * Retry the deferred devices, as often as bindings keep happening. Only
 * one caller runs the retries; others just bump the trigger count, which
 * makes the running one go round again.
 */
static void driver_deferred_probe_trigger(void)
{
	unsigned long seen;

	mutex_lock(&deferred_probe_lock);
	if (deferred_probe_running) {
		mutex_unlock(&deferred_probe_lock);
		return;
	}
	deferred_probe_running = true;
	do {
		LIST_HEAD(batch);

		seen = deferred_trigger_count;
		list_splice_init(&deferred_probe_pending, &batch);
		while (!list_empty(&batch)) {
			struct device_private *p;
			struct device *dev;

			p = list_first_entry(&batch, struct device_private,
					     deferred_probe);
			dev = get_device(p->device);
			list_del_init(&p->deferred_probe);
			mutex_unlock(&deferred_probe_lock);

			__device_attach(dev);
			put_device(dev);

			mutex_lock(&deferred_probe_lock);
		}
	} while (seen != deferred_trigger_count);
	deferred_probe_running = false;
	mutex_unlock(&deferred_probe_lock);
}

/**
 * wait_for_device_probe() - finish all pending probing
 *
 * Probing is synchronous on the host; this retries deferred devices once.
 */
void wait_for_device_probe(void)
{
	mutex_lock(&deferred_probe_lock);
	deferred_trigger_count++;
	mutex_unlock(&deferred_probe_lock);
	driver_deferred_probe_trigger();
}
EXPORT_SYMBOL_GPL(wait_for_device_probe);

static int driver_match_device(const struct device_driver *drv,
			       struct device *dev)
{
	return drv->bus->match ? drv->bus->match(dev, drv) : 1;
}

int device_links_to_driver(struct device *dev)
{
	struct driver_private *priv = dev->driver->p;
	int ret;

	ret = sysfs_create_link(&priv->kobj, &dev->kobj, dev_name(dev));
	if (ret)
		return ret;
	ret = sysfs_create_link(&dev->kobj, &priv->kobj, "driver");
	if (ret)
		sysfs_remove_link(&priv->kobj, dev_name(dev));
	return ret;
}

void device_links_from_driver(struct device *dev)
{
	struct device_driver *drv = dev->driver;

	if (!drv || !drv->p)
		return;
	sysfs_remove_link(&dev->kobj, "driver");
	sysfs_remove_link(&drv->p->kobj, dev_name(dev));
}

/* Announce the binding and create the driver/device links. */
static int driver_sysfs_add(struct device *dev)
{
	bus_notify(dev, BUS_NOTIFY_BIND_DRIVER);
	return device_links_to_driver(dev);
}

static void driver_bound(struct device *dev)
{
	if (device_is_bound(dev)) {
		dev_warn(dev, "%s: already bound\n", __func__);
		return;
	}

	dm_list_add(&dev->driver->p->devices, &dev->p->knode_driver);
	driver_deferred_probe_del(dev);

	mutex_lock(&deferred_probe_lock);
	deferred_trigger_count++;
	mutex_unlock(&deferred_probe_lock);

	bus_notify(dev, BUS_NOTIFY_BOUND_DRIVER);
	kobject_uevent(&dev->kobj, KOBJ_BIND);
}

static void device_unbind_cleanup(struct device *dev)
{
	devres_release_all(dev);
	WRITE_ONCE(dev->driver, NULL);
	dev_set_drvdata(dev, NULL);
}

static void device_remove(struct device *dev)
{
	device_remove_groups(dev, dev->driver->dev_groups);

	if (dev->bus && dev->bus->remove)
		dev->bus->remove(dev);
	else if (dev->driver->remove)
		dev->driver->remove(dev);
}

static int call_driver_probe(struct device *dev, const struct device_driver *drv)
{
	int ret = 0;

	if (dev->bus->probe)
		ret = dev->bus->probe(dev);
	else if (drv->probe)
		ret = drv->probe(dev);

	switch (ret) {
	case 0:
		break;
	case -EPROBE_DEFER:
		dev_dbg(dev, "driver %s asks to probe again later\n", drv->name);
		break;
	case -ENODEV:
	case -ENXIO:
		dev_dbg(dev, "driver %s declines the device (%d)\n",
			drv->name, ret);
		break;
	default:
		dev_err(dev, "probe with driver %s failed with error %d\n",
			drv->name, ret);
		break;
	}
	return ret;
}

/*
 * Probe @dev with @drv. Returns 0 when bound, a negative errno when the
 * probe could not even be attempted (dma_configure() failed, or sysfs), and
 * a positive errno (the probe's error, negated) when the probe failed.
 */
static int really_probe(struct device *dev, const struct device_driver *drv)
{
	int ret;

	device_lock_assert(dev);

	if (!list_empty(&dev->devres_head)) {
		dev_crit(dev, "managed resources present before probing\n");
		return -EBUSY;
	}

	WRITE_ONCE(dev->driver, (struct device_driver *)drv);

	if (dev->bus->dma_configure) {
		ret = dev->bus->dma_configure(dev);
		if (ret)
			goto err_cleanup;
	}

	ret = driver_sysfs_add(dev);
	if (ret) {
		dev_err(dev, "%s: cannot link the driver in sysfs (%d)\n",
			__func__, ret);
		goto err_not_bound;
	}

	ret = call_driver_probe(dev, drv);
	if (ret) {
		/* Probe errors come back positive, to tell them apart. */
		ret = -ret;
		goto err_sysfs;
	}

	ret = device_add_groups(dev, drv->dev_groups);
	if (ret) {
		dev_err(dev, "cannot add the driver's device attributes\n");
		goto err_remove;
	}

	driver_bound(dev);
	dev_dbg(dev, "bound to driver %s\n", drv->name);
	return 0;

err_remove:
	device_remove(dev);
err_sysfs:
	device_links_from_driver(dev);
err_not_bound:
	bus_notify(dev, BUS_NOTIFY_DRIVER_NOT_BOUND);
	if (dev->bus->dma_cleanup)
		dev->bus->dma_cleanup(dev);
err_cleanup:
	device_unbind_cleanup(dev);
	return ret;
}

static int __driver_probe_device(const struct device_driver *drv,
				 struct device *dev)
{
	if (dev->p->dead || !device_is_registered(dev))
		return -ENODEV;
	if (dev->driver)
		return -EBUSY;
	if (!dev->p->ready_to_probe)
		return -EPROBE_DEFER;

	dev->can_match = true;
	return really_probe(dev, drv);
}

static int driver_probe_device(const struct device_driver *drv,
			       struct device *dev)
{
	int ret = __driver_probe_device(drv, dev);

	if (ret == -EPROBE_DEFER || ret == EPROBE_DEFER)
		driver_deferred_probe_add(dev);
	return ret;
}

static int __device_attach_driver(struct device_driver *drv, void *data)
{
	struct device *dev = data;
	int ret;

	ret = driver_match_device(drv, dev);
	if (ret == 0)
		return 0;
	if (ret == -EPROBE_DEFER) {
		dev_dbg(dev, "the bus asks to match again later\n");
		dev->can_match = true;
		driver_deferred_probe_add(dev);
		return ret;
	}
	if (ret < 0) {
		dev_dbg(dev, "the bus failed to match: %d\n", ret);
		return ret;
	}

	/* A failed probe lets the next driver try. */
	ret = driver_probe_device(drv, dev);
	if (ret < 0)
		return ret;
	return ret == 0;
}

static int __device_attach(struct device *dev)
{
	int ret = 0;

	device_lock(dev);
	if (!dev->p || dev->p->dead) {
		ret = 0;
	} else if (dev->driver) {
		if (device_is_bound(dev)) {
			ret = 1;
		} else {
			ret = device_bind_driver(dev);
			if (ret == 0) {
				ret = 1;
			} else {
				WRITE_ONCE(dev->driver, NULL);
				ret = 0;
			}
		}
	} else {
		ret = bus_for_each_drv(dev->bus, NULL, dev,
				       __device_attach_driver);
	}
	device_unlock(dev);
	return ret;
}

/**
 * device_attach() - try to bind a driver to a device
 * @dev: the device
 *
 * Tries the drivers of the bus in registration order until one binds. A
 * device with dev->driver already set (but not bound) is bound to that
 * driver without probing.
 *
 * Return: 1 if a driver is bound, 0 if none matched, or a negative errno
 * (e.g. from the bus's match or dma_configure()).
 */
int device_attach(struct device *dev)
{
	int ret = __device_attach(dev);

	driver_deferred_probe_trigger();
	return ret;
}
EXPORT_SYMBOL_GPL(device_attach);

/**
 * device_initial_probe() - the probe attempt device_add() makes
 * @dev: the device
 */
void device_initial_probe(struct device *dev)
{
	__device_attach(dev);
	driver_deferred_probe_trigger();
}

/**
 * device_reprobe() - unbind the driver and look for a driver again
 * @dev: the device
 *
 * Return: 0, or a negative errno from device_attach().
 */
int device_reprobe(struct device *dev)
{
	int ret;

	if (dev->driver)
		device_release_driver(dev);
	ret = device_attach(dev);
	return ret < 0 ? ret : 0;
}
EXPORT_SYMBOL_GPL(device_reprobe);

static int __driver_attach(struct device *dev, void *data)
{
	const struct device_driver *drv = data;
	int ret;

	ret = driver_match_device(drv, dev);
	if (ret == 0)
		return 0;
	if (ret == -EPROBE_DEFER) {
		dev->can_match = true;
		driver_deferred_probe_add(dev);
		return 0;
	}
	if (ret < 0) {
		dev_dbg(dev, "the bus failed to match: %d\n", ret);
		return 0;
	}

	/* A driver that fails on one device may still suit the next. */
	device_lock(dev);
	driver_probe_device(drv, dev);
	device_unlock(dev);
	return 0;
}

/**
 * driver_attach() - bind a driver to every matching unbound device of its bus
 * @drv: the driver
 *
 * Return: 0, or -EINVAL if the bus is not registered.
 */
int driver_attach(const struct device_driver *drv)
{
	int ret;

	ret = bus_for_each_dev(drv->bus, NULL, (void *)drv, __driver_attach);
	driver_deferred_probe_trigger();
	return ret;
}
EXPORT_SYMBOL_GPL(driver_attach);

/**
 * device_driver_attach() - bind one particular driver to a device
 * @drv: the driver
 * @dev: the device
 *
 * The bus's match is not consulted.
 *
 * Return: 0, -ENODEV (not registered), -EBUSY (already bound), -EAGAIN
 * (the probe asked to be deferred), or the probe's error.
 */
int device_driver_attach(const struct device_driver *drv, struct device *dev)
{
	int ret;

	device_lock(dev);
	ret = __driver_probe_device(drv, dev);
	device_unlock(dev);

	/* Probe failures are positive inside the core. */
	if (ret > 0)
		ret = -ret;
	if (ret == -EPROBE_DEFER)
		ret = -EAGAIN;
	driver_deferred_probe_trigger();
	return ret;
}
EXPORT_SYMBOL_GPL(device_driver_attach);

/**
 * device_bind_driver() - bind dev->driver to a device without probing
 * @dev: the device, with the lock held and dev->driver set
 *
 * Return: 0 or an errno from sysfs.
 */
int device_bind_driver(struct device *dev)
{
	int ret;

	ret = driver_sysfs_add(dev);
	if (!ret)
		driver_bound(dev);
	else
		bus_notify(dev, BUS_NOTIFY_DRIVER_NOT_BOUND);
	return ret;
}
EXPORT_SYMBOL_GPL(device_bind_driver);

static void __device_release_driver(struct device *dev)
{
	struct device_driver *drv = dev->driver;

	if (!drv)
		return;

	device_links_from_driver(dev);
	bus_notify(dev, BUS_NOTIFY_UNBIND_DRIVER);

	device_remove(dev);
	if (dev->bus && dev->bus->dma_cleanup)
		dev->bus->dma_cleanup(dev);
	device_unbind_cleanup(dev);

	if (drv->p && dev->p->knode_driver.linked)
		dm_list_del(&drv->p->devices, &dev->p->knode_driver);

	bus_notify(dev, BUS_NOTIFY_UNBOUND_DRIVER);
	kobject_uevent(&dev->kobj, KOBJ_UNBIND);
}

static void device_release_driver_internal(struct device *dev,
					   const struct device_driver *drv)
{
	device_lock(dev);
	if (dev->driver && (!drv || dev->driver == drv))
		__device_release_driver(dev);
	device_unlock(dev);
}

/**
 * device_release_driver() - unbind the driver of a device
 * @dev: the device; nothing happens if no driver is bound
 */
void device_release_driver(struct device *dev)
{
	device_release_driver_internal(dev, NULL);
}
EXPORT_SYMBOL_GPL(device_release_driver);

/* Unbind @drv from all its devices, newest first. */
void driver_detach(const struct device_driver *drv)
{
	struct driver_private *priv = drv->p;

	if (!priv)
		return;

	for (;;) {
		struct device_private *p = NULL;
		struct dm_node *node;
		struct device *dev;

		mutex_lock(&priv->devices.lock);
		list_for_each_entry_reverse(node, &priv->devices.head, entry) {
			if (!node->removed) {
				p = to_device_private_driver(node);
				break;
			}
		}
		dev = p ? get_device(p->device) : NULL;
		mutex_unlock(&priv->devices.lock);
		if (!dev)
			break;

		device_release_driver_internal(dev, drv);
		if (WARN_ON(p->knode_driver.linked && !p->knode_driver.removed)) {
			put_device(dev);
			break;
		}
		put_device(dev);
	}
}
