/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Devices owned by a KUnit test.
 *
 * They sit on the "kunit" bus, below the "kunit" root device, and are
 * unregistered (and their KUnit-created drivers too) when the test ends.
 */
#ifndef _KUNIT_DEVICE_H
#define _KUNIT_DEVICE_H

#include <kunit/test.h>

struct device;
struct device_driver;

/** * kunit_bus_type_get() - the kunit bus (host extension)
 *
 * For tests that build their own drivers on the kunit bus.
 *
 * Return: the bus type.
 */
const struct bus_type *kunit_bus_type_get(void);

/** * kunit_device_register_with_driver() - create a device bound to a given driver
 * @test: the test that owns it
 * @name: the device name; the device is named "<test name>.<name>"
 * @drv: a driver on the kunit bus (from kunit_driver_create() or the
 *	 test's own, with bus set to the kunit bus); the device matches only
 *	 this driver
 *
 * The device is unregistered when the test ends; @drv is not touched.
 *
 * Return: the device, or an ERR_PTR.
 */
struct device *kunit_device_register_with_driver(struct kunit *test,
						 const char *name,
						 const struct device_driver *drv);

/** * kunit_device_register() - create a device, with its own driver, for a test
 * @test: the test that owns it
 * @name: the device name; the device is named "<test name>.<name>"
 *
 * A driver of the same name is created and bound to the device. Both go
 * away when the test ends or with kunit_device_unregister().
 *
 * Return: the device, or an ERR_PTR.
 */
struct device *kunit_device_register(struct kunit *test, const char *name);

/** * kunit_device_unregister() - unregister a test device early
 * @test: the test that created it
 * @dev: the device
 *
 * A driver that kunit_device_register() created for it goes too.
 */
void kunit_device_unregister(struct kunit *test, struct device *dev);

/**
 * kunit_driver_create() - create a driver on the kunit bus
 * @test: the test that owns it
 * @name: the driver name
 *
 * The driver has no probe method; it is unregistered when the test ends.
 *
 * Return: the driver, or an ERR_PTR.
 */
struct device_driver *kunit_driver_create(struct kunit *test, const char *name);

#endif /* _KUNIT_DEVICE_H */
