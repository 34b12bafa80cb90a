// SPDX-License-Identifier: GPL-2.0
/*
 * The kunit bus: devices and drivers owned by a KUnit test and released
 * through deferred KUnit actions when the test ends.
 *
 * Unlike a bus without a match method (where every device binds to the
 * first driver), a kunit device matches only the driver it was created for,
 * so devices of different tests never bind to each other's drivers.
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/export.h>

#include <kunit/test.h>
#include <kunit/resource.h>
#include <kunit/device.h>

KUNIT_DEFINE_ACTION_WRAPPER(device_unregister_wrapper, device_unregister,
			    struct device *);

/* A device owned by a test. */
struct kunit_device {
	struct device dev;
	struct kunit *owner;
	/* The driver this device may bind to. */
	const struct device_driver *match_driver;
	/* Set when kunit_device_register() created the driver itself. */
	struct kunit_driver *own_driver;
};

/* A driver created by kunit_driver_create(). */
struct kunit_driver {
	struct device_driver driver;
	char name[];
};

#define to_kunit_device(d) container_of(d, struct kunit_device, dev)

static struct device *kunit_bus_device;

static int kunit_bus_match(struct device *dev, const struct device_driver *drv)
{
	return to_kunit_device(dev)->match_driver == drv;
}

static const struct bus_type kunit_bus_type = {
	.name		= "kunit",
	.match		= kunit_bus_match,
};

const struct bus_type *kunit_bus_type_get(void)
{
	return &kunit_bus_type;
}
EXPORT_SYMBOL_GPL(kunit_bus_type_get);

static void kunit_driver_destroy(void *data)
{
	struct kunit_driver *kdrv = data;

	driver_unregister(&kdrv->driver);
	kfree(kdrv);
}

struct device_driver *kunit_driver_create(struct kunit *test, const char *name)
{
	struct kunit_driver *kdrv;
	size_t len = strlen(name) + 1;
	int ret;

	kdrv = kzalloc(sizeof(*kdrv) + len, GFP_KERNEL);
	if (!kdrv)
		return ERR_PTR(-ENOMEM);
	memcpy(kdrv->name, name, len);
	kdrv->driver.name = kdrv->name;
	kdrv->driver.bus = &kunit_bus_type;

	ret = driver_register(&kdrv->driver);
	if (ret) {
		kfree(kdrv);
		return ERR_PTR(ret);
	}

	ret = kunit_add_action_or_reset(test, kunit_driver_destroy, kdrv);
	if (ret)
		return ERR_PTR(ret);
	return &kdrv->driver;
}
EXPORT_SYMBOL_GPL(kunit_driver_create);

static void kunit_device_release(struct device *dev)
{
	kfree(to_kunit_device(dev));
}

static struct kunit_device *kunit_device_create(struct kunit *test,
						const char *name,
						const struct device_driver *drv)
{
	struct kunit_device *kdev;
	int ret;

	if (!kunit_bus_device)
		return ERR_PTR(-ENODEV);

	kdev = kzalloc(sizeof(*kdev), GFP_KERNEL);
	if (!kdev)
		return ERR_PTR(-ENOMEM);

	kdev->owner = test;
	kdev->match_driver = drv;
	device_initialize(&kdev->dev);
	kdev->dev.release = kunit_device_release;
	kdev->dev.bus = &kunit_bus_type;
	kdev->dev.parent = kunit_bus_device;
	kdev->dev.coherent_dma_mask = 0xffffffffULL;
	kdev->dev.dma_mask = &kdev->dev.coherent_dma_mask;

	ret = dev_set_name(&kdev->dev, "%s.%s", test->name, name);
	if (ret)
		goto err_put;
	ret = device_add(&kdev->dev);
	if (ret)
		goto err_put;

	ret = kunit_add_action_or_reset(test, device_unregister_wrapper,
					&kdev->dev);
	if (ret)
		return ERR_PTR(ret);
	return kdev;

err_put:
	put_device(&kdev->dev);
	return ERR_PTR(ret);
}

struct device *kunit_device_register_with_driver(struct kunit *test,
						 const char *name,
						 const struct device_driver *drv)
{
	struct kunit_device *kdev = kunit_device_create(test, name, drv);

	if (IS_ERR(kdev))
		return ERR_CAST(kdev);
	return &kdev->dev;
}
EXPORT_SYMBOL_GPL(kunit_device_register_with_driver);

struct device *kunit_device_register(struct kunit *test, const char *name)
{
	struct device_driver *drv;
	struct kunit_device *kdev;

	drv = kunit_driver_create(test, name);
	if (IS_ERR(drv))
		return ERR_CAST(drv);

	kdev = kunit_device_create(test, name, drv);
	if (IS_ERR(kdev)) {
		kunit_release_action(test, kunit_driver_destroy,
				     container_of(drv, struct kunit_driver,
						  driver));
		return ERR_CAST(kdev);
	}
	kdev->own_driver = container_of(drv, struct kunit_driver, driver);
	return &kdev->dev;
}
EXPORT_SYMBOL_GPL(kunit_device_register);

void kunit_device_unregister(struct kunit *test, struct device *dev)
{
	struct kunit_driver *own = to_kunit_device(dev)->own_driver;

	kunit_release_action(test, device_unregister_wrapper, dev);
	if (own)
		kunit_release_action(test, kunit_driver_destroy, own);
}
EXPORT_SYMBOL_GPL(kunit_device_unregister);

static int __init kunit_bus_init(void)
{
	int ret;

	kunit_bus_device = root_device_register("kunit");
	if (IS_ERR(kunit_bus_device)) {
		ret = PTR_ERR(kunit_bus_device);
		kunit_bus_device = NULL;
		return ret;
	}
	ret = bus_register(&kunit_bus_type);
	if (ret) {
		root_device_unregister(kunit_bus_device);
		kunit_bus_device = NULL;
	}
	return ret;
}
pure_initcall(kunit_bus_init);
