// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the host device model: lifetime, binding, bus notifier
 * order, the dma_configure()/dma_cleanup() hooks, deferred probing,
 * managed resources, messages, sysfs, software nodes, the kunit and
 * platform buses.
 */
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/notifier.h>
#include <linux/slab.h>
#include <linux/kstrtox.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/err.h>

#include <kunit/test.h>
#include <kunit/bug.h>
#include <kunit/device.h>
#include <kunit/resource.h>
#include <host/env.h>
#include <host/fwnode.h>
#include <host/sysfs.h>

#define MAX_EVENTS	32

/* What the test bus, its drivers and its notifier saw, in order. */
struct dm_log {
	char events[MAX_EVENTS][24];
	int nr;
	int dma_configure_ret;
	int probe_ret;
	int probes, removes, configures, cleanups;
	bool driver_set_at_configure;
	bool configured_before_probe;
};

static struct dm_log *dm_log;

static void log_event(const char *what)
{
	if (dm_log && dm_log->nr < MAX_EVENTS)
		strscpy(dm_log->events[dm_log->nr++], what, 24);
}

static int test_bus_dma_configure(struct device *dev)
{
	dm_log->configures++;
	dm_log->driver_set_at_configure = !!dev->driver;
	log_event("dma_configure");
	return dm_log->dma_configure_ret;
}

static void test_bus_dma_cleanup(struct device *dev)
{
	dm_log->cleanups++;
	log_event("dma_cleanup");
}

static const struct bus_type dm_test_bus = {
	.name		= "hostenv-dm-test",
	.dma_configure	= test_bus_dma_configure,
	.dma_cleanup	= test_bus_dma_cleanup,
};

static int test_drv_probe(struct device *dev)
{
	dm_log->probes++;
	dm_log->configured_before_probe = dm_log->configures > 0;
	log_event("probe");
	if (!dm_log->probe_ret)
		dev_set_drvdata(dev, dm_log);
	return dm_log->probe_ret;
}

static int test_drv_remove(struct device *dev)
{
	dm_log->removes++;
	log_event("remove");
	return 0;
}

static int test_notifier_call(struct notifier_block *nb, unsigned long action,
			      void *data)
{
	static const char * const names[] = {
		[BUS_NOTIFY_ADD_DEVICE]		= "ADD_DEVICE",
		[BUS_NOTIFY_DEL_DEVICE]		= "DEL_DEVICE",
		[BUS_NOTIFY_REMOVED_DEVICE]	= "REMOVED_DEVICE",
		[BUS_NOTIFY_BIND_DRIVER]	= "BIND_DRIVER",
		[BUS_NOTIFY_BOUND_DRIVER]	= "BOUND_DRIVER",
		[BUS_NOTIFY_UNBIND_DRIVER]	= "UNBIND_DRIVER",
		[BUS_NOTIFY_UNBOUND_DRIVER]	= "UNBOUND_DRIVER",
		[BUS_NOTIFY_DRIVER_NOT_BOUND]	= "DRIVER_NOT_BOUND",
	};

	if (action < ARRAY_SIZE(names))
		log_event(names[action]);
	return NOTIFY_DONE;
}

static struct notifier_block dm_test_nb = {
	.notifier_call = test_notifier_call,
};

struct test_device {
	struct device dev;
	bool *released;
};

static void test_device_release(struct device *dev)
{
	struct test_device *tdev = container_of(dev, struct test_device, dev);

	if (tdev->released)
		*tdev->released = true;
	kfree(tdev);
}

static struct test_device *test_device_alloc(struct kunit *test,
					     const char *name, bool *released)
{
	struct test_device *tdev = kzalloc(sizeof(*tdev), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, tdev);
	device_initialize(&tdev->dev);
	tdev->dev.release = test_device_release;
	tdev->dev.bus = &dm_test_bus;
	tdev->released = released;
	if (name)
		KUNIT_ASSERT_EQ(test, dev_set_name(&tdev->dev, "%s", name), 0);
	return tdev;
}

static void dm_bus_unregister(void *data)
{
	bus_unregister_notifier(&dm_test_bus, &dm_test_nb);
	bus_unregister(&dm_test_bus);
}

static void driver_unregister_action(void *drv)
{
	driver_unregister(drv);
}

static void dm_log_clear(void *unused)
{
	dm_log = NULL;
}

/* Register the test bus (and its notifier) for the duration of a test. */
static void dm_setup(struct kunit *test)
{
	dm_log = kunit_kzalloc(test, sizeof(*dm_log), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, dm_log);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, dm_log_clear,
							NULL), 0);
	KUNIT_ASSERT_EQ(test, bus_register(&dm_test_bus), 0);
	KUNIT_ASSERT_EQ(test, bus_register_notifier(&dm_test_bus, &dm_test_nb), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, dm_bus_unregister,
							NULL), 0);
}

static struct device_driver *dm_driver(struct kunit *test, const char *name)
{
	struct device_driver *drv = kunit_kzalloc(test, sizeof(*drv), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, drv);
	drv->name = name;
	drv->bus = &dm_test_bus;
	drv->probe = test_drv_probe;
	drv->remove = test_drv_remove;
	KUNIT_ASSERT_EQ(test, driver_register(drv), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							driver_unregister_action,
							drv), 0);
	return drv;
}

static void expect_events(struct kunit *test, const char * const *want, int n)
{
	int i;

	KUNIT_EXPECT_EQ(test, dm_log->nr, n);
	for (i = 0; i < n && i < dm_log->nr; i++)
		KUNIT_EXPECT_STREQ(test, dm_log->events[i], want[i]);
}

static void device_test_release_on_last_put(struct kunit *test)
{
	bool released = false;
	struct test_device *tdev;

	dm_setup(test);
	tdev = test_device_alloc(test, "lifetime", &released);
	KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);
	KUNIT_EXPECT_TRUE(test, device_is_registered(&tdev->dev));

	get_device(&tdev->dev);
	device_unregister(&tdev->dev);
	KUNIT_EXPECT_FALSE(test, released);
	KUNIT_EXPECT_FALSE(test, device_is_registered(&tdev->dev));
	put_device(&tdev->dev);
	KUNIT_EXPECT_TRUE(test, released);
}

static void device_test_name(struct kunit *test)
{
	struct test_device *tdev;
	bool released = false;

	dm_setup(test);
	tdev = test_device_alloc(test, NULL, &released);
	/* init_name names the device until device_add() moves it. */
	tdev->dev.init_name = "from-init-name";
	KUNIT_EXPECT_STREQ(test, dev_name(&tdev->dev), "from-init-name");
	KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);
	KUNIT_EXPECT_NULL(test, tdev->dev.init_name);
	KUNIT_EXPECT_STREQ(test, dev_name(&tdev->dev), "from-init-name");
	KUNIT_EXPECT_STREQ(test, dev_driver_string(&tdev->dev), "hostenv-dm-test");
	device_unregister(&tdev->dev);
	KUNIT_EXPECT_TRUE(test, released);
}

static void device_test_bind_unbind(struct kunit *test)
{
	static const char * const want[] = {
		"ADD_DEVICE", "dma_configure", "BIND_DRIVER", "probe",
		"BOUND_DRIVER", "DEL_DEVICE", "UNBIND_DRIVER", "remove",
		"dma_cleanup", "UNBOUND_DRIVER", "REMOVED_DEVICE",
	};
	struct device_driver *drv;
	struct test_device *tdev;
	bool released = false;

	dm_setup(test);
	drv = dm_driver(test, "dm-test-drv");
	tdev = test_device_alloc(test, "bindme", &released);
	KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);

	KUNIT_EXPECT_PTR_EQ(test, tdev->dev.driver, drv);
	KUNIT_EXPECT_TRUE(test, device_is_bound(&tdev->dev));
	KUNIT_EXPECT_PTR_EQ(test, dev_get_drvdata(&tdev->dev), (void *)dm_log);
	KUNIT_EXPECT_TRUE(test, dm_log->driver_set_at_configure);
	KUNIT_EXPECT_TRUE(test, dm_log->configured_before_probe);
	KUNIT_EXPECT_STREQ(test, dev_driver_string(&tdev->dev), "dm-test-drv");

	device_unregister(&tdev->dev);
	KUNIT_EXPECT_TRUE(test, released);
	KUNIT_EXPECT_EQ(test, dm_log->probes, 1);
	KUNIT_EXPECT_EQ(test, dm_log->removes, 1);
	KUNIT_EXPECT_EQ(test, dm_log->cleanups, 1);
	expect_events(test, want, ARRAY_SIZE(want));
}

static void device_test_release_driver(struct kunit *test)
{
	struct device_driver *drv;
	struct test_device *tdev;
	bool released = false;

	dm_setup(test);
	tdev = test_device_alloc(test, "late-driver", &released);
	KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);
	KUNIT_EXPECT_NULL(test, tdev->dev.driver);

	/* A driver registered later binds to the waiting device. */
	drv = dm_driver(test, "dm-test-late");
	KUNIT_EXPECT_PTR_EQ(test, tdev->dev.driver, drv);

	device_release_driver(&tdev->dev);
	KUNIT_EXPECT_NULL(test, tdev->dev.driver);
	KUNIT_EXPECT_NULL(test, dev_get_drvdata(&tdev->dev));
	KUNIT_EXPECT_EQ(test, dm_log->removes, 1);
	KUNIT_EXPECT_EQ(test, dm_log->cleanups, 1);

	/* device_attach() binds again and says so. */
	KUNIT_EXPECT_EQ(test, device_attach(&tdev->dev), 1);
	KUNIT_EXPECT_EQ(test, dm_log->probes, 2);

	/* Unregistering the driver unbinds the device. */
	kunit_release_action(test, driver_unregister_action, drv);
	KUNIT_EXPECT_NULL(test, tdev->dev.driver);
	KUNIT_EXPECT_EQ(test, dm_log->removes, 2);
	KUNIT_EXPECT_EQ(test, dm_log->cleanups, 2);

	device_unregister(&tdev->dev);
	KUNIT_EXPECT_TRUE(test, released);
}

static void device_test_probe_failure(struct kunit *test)
{
	static const char * const want[] = {
		"ADD_DEVICE", "dma_configure", "BIND_DRIVER", "probe",
		"DRIVER_NOT_BOUND", "dma_cleanup",
	};
	struct test_device *tdev;
	bool released = false;

	dm_setup(test);
	dm_driver(test, "dm-test-fail");
	dm_log->probe_ret = -EIO;

	tdev = test_device_alloc(test, "failing", &released);
	KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);
	KUNIT_EXPECT_NULL(test, tdev->dev.driver);
	KUNIT_EXPECT_FALSE(test, device_is_bound(&tdev->dev));
	KUNIT_EXPECT_EQ(test, dm_log->cleanups, 1);
	expect_events(test, want, ARRAY_SIZE(want));

	/* A failed probe lets device_attach() report "no driver". */
	KUNIT_EXPECT_EQ(test, device_attach(&tdev->dev), 0);
	device_unregister(&tdev->dev);
	KUNIT_EXPECT_EQ(test, dm_log->removes, 0);
}

static void device_test_dma_configure_failure(struct kunit *test)
{
	static const char * const want[] = { "ADD_DEVICE", "dma_configure" };
	struct test_device *tdev;
	bool released = false;

	dm_setup(test);
	dm_driver(test, "dm-test-noconf");
	dm_log->dma_configure_ret = -EBUSY;

	tdev = test_device_alloc(test, "noconf", &released);
	KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);

	/* No probe, no notification, no cleanup of what never happened. */
	KUNIT_EXPECT_EQ(test, dm_log->probes, 0);
	KUNIT_EXPECT_EQ(test, dm_log->cleanups, 0);
	KUNIT_EXPECT_NULL(test, tdev->dev.driver);
	expect_events(test, want, ARRAY_SIZE(want));
	KUNIT_EXPECT_EQ(test, device_attach(&tdev->dev), -EBUSY);

	dm_log->dma_configure_ret = 0;
	KUNIT_EXPECT_EQ(test, device_attach(&tdev->dev), 1);
	KUNIT_EXPECT_EQ(test, dm_log->probes, 1);
	device_unregister(&tdev->dev);
	KUNIT_EXPECT_EQ(test, dm_log->cleanups, 1);
}

static int defer_until_set;

static int defer_probe(struct device *dev)
{
	return defer_until_set ? 0 : -EPROBE_DEFER;
}

static int trigger_probe(struct device *dev)
{
	defer_until_set = 1;
	return 0;
}

static int match_by_name(struct device *dev, const struct device_driver *drv)
{
	return !strncmp(dev_name(dev), drv->name, strlen(drv->name));
}

static const struct bus_type defer_bus = {
	.name	= "hostenv-defer-test",
	.match	= match_by_name,
};

static void defer_bus_unregister(void *unused)
{
	bus_unregister(&defer_bus);
}

static void device_test_deferred_probe(struct kunit *test)
{
	static struct device_driver waiter = {
		.name = "waiter", .bus = &defer_bus, .probe = defer_probe,
	};
	static struct device_driver trigger = {
		.name = "trigger", .bus = &defer_bus, .probe = trigger_probe,
	};
	struct test_device *a, *b;

	defer_until_set = 0;
	KUNIT_ASSERT_EQ(test, bus_register(&defer_bus), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, defer_bus_unregister,
							NULL), 0);
	KUNIT_ASSERT_EQ(test, driver_register(&waiter), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							driver_unregister_action,
							&waiter), 0);
	KUNIT_ASSERT_EQ(test, driver_register(&trigger), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							driver_unregister_action,
							&trigger), 0);

	a = test_device_alloc(test, "waiter0", NULL);
	a->dev.bus = &defer_bus;
	KUNIT_ASSERT_EQ(test, device_add(&a->dev), 0);
	KUNIT_EXPECT_NULL(test, a->dev.driver);

	/* Another device binding retries the deferred one. */
	b = test_device_alloc(test, "trigger0", NULL);
	b->dev.bus = &defer_bus;
	KUNIT_ASSERT_EQ(test, device_add(&b->dev), 0);
	KUNIT_EXPECT_PTR_EQ(test, b->dev.driver, &trigger);
	KUNIT_EXPECT_PTR_EQ(test, a->dev.driver, &waiter);

	device_unregister(&b->dev);
	device_unregister(&a->dev);
}

static int devres_order[4], devres_nr;

static void devres_record(void *data)
{
	if (devres_nr < ARRAY_SIZE(devres_order))
		devres_order[devres_nr++] = (long)data;
}

static int devres_probe(struct device *dev)
{
	void *mem = devm_kzalloc(dev, 64, GFP_KERNEL);

	if (!mem)
		return -ENOMEM;
	if (devm_add_action(dev, devres_record, (void *)1L))
		return -ENOMEM;
	return devm_add_action_or_reset(dev, devres_record, (void *)2L);
}

static void device_test_devres(struct kunit *test)
{
	static struct device_driver drv = {
		.name = "devres", .bus = &dm_test_bus, .probe = devres_probe,
	};
	struct test_device *tdev;

	dm_setup(test);
	devres_nr = 0;
	KUNIT_ASSERT_EQ(test, driver_register(&drv), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							driver_unregister_action,
							&drv), 0);
	tdev = test_device_alloc(test, "devres0", NULL);
	KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);
	KUNIT_ASSERT_PTR_EQ(test, tdev->dev.driver, &drv);
	KUNIT_EXPECT_EQ(test, devres_nr, 0);

	/* Released newest first when the driver goes. */
	device_release_driver(&tdev->dev);
	KUNIT_EXPECT_EQ(test, devres_nr, 2);
	KUNIT_EXPECT_EQ(test, devres_order[0], 2);
	KUNIT_EXPECT_EQ(test, devres_order[1], 1);
	KUNIT_EXPECT_TRUE(test, list_empty(&tdev->dev.devres_head));
	device_unregister(&tdev->dev);
}

static int count_child(struct device *dev, void *data)
{
	(*(int *)data)++;
	return 0;
}

static void device_test_children(struct kunit *test)
{
	struct test_device *parent, *c1, *c2;
	struct device *found;
	int n = 0;

	dm_setup(test);
	parent = test_device_alloc(test, "parent", NULL);
	KUNIT_ASSERT_EQ(test, device_add(&parent->dev), 0);
	c1 = test_device_alloc(test, "child1", NULL);
	c1->dev.parent = &parent->dev;
	KUNIT_ASSERT_EQ(test, device_add(&c1->dev), 0);
	c2 = test_device_alloc(test, "child2", NULL);
	c2->dev.parent = &parent->dev;
	KUNIT_ASSERT_EQ(test, device_add(&c2->dev), 0);

	KUNIT_EXPECT_EQ(test, device_for_each_child(&parent->dev, &n,
						    count_child), 0);
	KUNIT_EXPECT_EQ(test, n, 2);
	found = device_find_child_by_name(&parent->dev, "child2");
	KUNIT_EXPECT_PTR_EQ(test, found, &c2->dev);
	put_device(found);

	KUNIT_EXPECT_EQ(test, host_sysfs_type("/sys/devices/parent/child1"),
			HOST_SYSFS_DIR);

	device_unregister(&c1->dev);
	n = 0;
	device_for_each_child(&parent->dev, &n, count_child);
	KUNIT_EXPECT_EQ(test, n, 1);
	device_unregister(&c2->dev);
	device_unregister(&parent->dev);
}

static int unregister_and_count(struct device *dev, void *data)
{
	(*(int *)data)++;
	device_unregister(dev);
	return 0;
}

static void device_test_iterate_while_removing(struct kunit *test)
{
	char name[16];
	int i, n = 0;

	dm_setup(test);
	for (i = 0; i < 4; i++) {
		struct test_device *tdev;

		snprintf(name, sizeof(name), "iter%d", i);
		tdev = test_device_alloc(test, name, NULL);
		KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);
	}
	/* Each callback removes the device it is given. */
	KUNIT_EXPECT_EQ(test, bus_for_each_dev(&dm_test_bus, NULL, &n,
					       unregister_and_count), 0);
	KUNIT_EXPECT_EQ(test, n, 4);
	KUNIT_EXPECT_NULL(test, bus_find_next_device(&dm_test_bus, NULL));
}

static ssize_t answer_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%d\n", *(int *)dev_get_drvdata(dev));
}

static ssize_t answer_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	int v;

	if (kstrtoint(buf, 0, &v))
		return -EINVAL;
	*(int *)dev_get_drvdata(dev) = v;
	return count;
}
static DEVICE_ATTR_RW(answer);

static void device_test_sysfs(struct kunit *test)
{
	struct device_driver *drv;
	struct test_device *tdev;
	char buf[64];
	int value = 42;

	dm_setup(test);
	drv = dm_driver(test, "dm-sysfs-drv");
	tdev = test_device_alloc(test, "sysfsdev", NULL);
	KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);
	dev_set_drvdata(&tdev->dev, &value);
	KUNIT_ASSERT_EQ(test, device_create_file(&tdev->dev, &dev_attr_answer), 0);

	KUNIT_EXPECT_EQ(test, host_sysfs_read("/sys/devices/sysfsdev/answer",
					      buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "42\n");
	KUNIT_EXPECT_EQ(test, host_sysfs_write("devices/sysfsdev/answer", "7",
					       1), 1);
	KUNIT_EXPECT_EQ(test, value, 7);
	KUNIT_EXPECT_EQ(test, host_sysfs_write("devices/sysfsdev/answer", "x",
					       1), -EINVAL);
	KUNIT_EXPECT_EQ(test, host_sysfs_read("/sys/devices/sysfsdev/nope", buf,
					      sizeof(buf)), -ENOENT);

	/* Bus and driver links, followed in the middle of a path. */
	KUNIT_EXPECT_EQ(test,
			host_sysfs_type("/sys/bus/hostenv-dm-test/devices/sysfsdev"),
			HOST_SYSFS_LINK);
	KUNIT_EXPECT_EQ(test,
			host_sysfs_read("/sys/bus/hostenv-dm-test/devices/sysfsdev/answer",
					buf, sizeof(buf)), 2);
	KUNIT_EXPECT_GT(test, host_sysfs_readlink("/sys/devices/sysfsdev/driver",
						  buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "/sys/bus/hostenv-dm-test/drivers/dm-sysfs-drv");
	KUNIT_EXPECT_PTR_EQ(test, tdev->dev.driver, drv);

	device_remove_file(&tdev->dev, &dev_attr_answer);
	device_unregister(&tdev->dev);
	KUNIT_EXPECT_EQ(test, host_sysfs_type("/sys/devices/sysfsdev"), -ENOENT);
	KUNIT_EXPECT_EQ(test,
			host_sysfs_type("/sys/bus/hostenv-dm-test/devices/sysfsdev"),
			-ENOENT);
}

static char last_line[256];

static void capture_line(const char *line)
{
	strscpy(last_line, line, sizeof(last_line));
}

static void device_test_dev_printk(struct kunit *test)
{
	void (*old)(const char *line);
	struct device_driver *drv;
	struct test_device *tdev;

	dm_setup(test);
	tdev = test_device_alloc(test, "talker", NULL);
	KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);

	old = host_console_set_sink(capture_line);
	dev_err(&tdev->dev, "unbound %d\n", 1);
	host_console_set_sink(old);
	KUNIT_EXPECT_NOT_NULL(test, strstr(last_line, "hostenv-dm-test talker: unbound 1"));

	drv = dm_driver(test, "chatty");
	KUNIT_ASSERT_PTR_EQ(test, tdev->dev.driver, drv);
	old = host_console_set_sink(capture_line);
	dev_warn(&tdev->dev, "bound %s\n", "now");
	host_console_set_sink(old);
	KUNIT_EXPECT_NOT_NULL(test, strstr(last_line, "chatty talker: bound now"));

	old = host_console_set_sink(capture_line);
	KUNIT_EXPECT_EQ(test, dev_err_probe(&tdev->dev, -EIO, "no %s\n", "luck"),
			-EIO);
	host_console_set_sink(old);
	KUNIT_EXPECT_NOT_NULL(test, strstr(last_line, "chatty talker: error -5: no luck"));

	device_unregister(&tdev->dev);
}

static void device_test_dev_warn(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(device_test_dev_warn);
	struct test_device *tdev;

	dm_setup(test);
	tdev = test_device_alloc(test, "warner", NULL);
	KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);

	START_SUPPRESSED_WARNING(device_test_dev_warn);
	dev_WARN(&tdev->dev, "expected\n");
	dev_WARN_ONCE(&tdev->dev, true, "once\n");
	dev_WARN_ONCE(&tdev->dev, false, "never\n");
	END_SUPPRESSED_WARNING(device_test_dev_warn);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(device_test_dev_warn), 2);

	device_unregister(&tdev->dev);
}

static void device_test_kunit_device(struct kunit *test)
{
	struct device_driver *drv;
	struct device *dev, *dev2;

	dev = kunit_device_register(test, "kdev");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	KUNIT_EXPECT_STREQ(test, dev_bus_name(dev), "kunit");
	KUNIT_EXPECT_NOT_NULL(test, strstr(dev_name(dev), ".kdev"));
	KUNIT_EXPECT_NOT_NULL(test, dev->driver);
	KUNIT_EXPECT_STREQ(test, dev->driver->name, "kdev");

	drv = kunit_driver_create(test, "kdrv");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, drv);
	dev2 = kunit_device_register_with_driver(test, "kdev2", drv);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev2);
	KUNIT_EXPECT_PTR_EQ(test, dev2->driver, drv);

	/* Early unregistration; the rest goes when the test ends. */
	kunit_device_unregister(test, dev);
	KUNIT_EXPECT_NULL(test, driver_find("kdev", kunit_bus_type_get()));
	KUNIT_EXPECT_PTR_EQ(test, driver_find("kdrv", kunit_bus_type_get()), drv);
}

static int plat_probes;

static int plat_probe(struct platform_device *pdev)
{
	plat_probes++;
	platform_set_drvdata(pdev, &plat_probes);
	return 0;
}

static void device_test_platform(struct kunit *test)
{
	static struct platform_driver pdrv = {
		.probe	= plat_probe,
		.driver	= { .name = "hostenv-plat" },
	};
	struct platform_device *pdev, *pdev2;

	plat_probes = 0;
	pdev = platform_device_register_simple("hostenv-plat", PLATFORM_DEVID_AUTO,
					       NULL, 0);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, pdev);
	KUNIT_EXPECT_TRUE(test, dev_is_platform(&pdev->dev));
	KUNIT_EXPECT_PTR_EQ(test, pdev->dev.parent, &platform_bus);
	KUNIT_EXPECT_TRUE(test, pdev->id_auto);
	KUNIT_EXPECT_NOT_NULL(test, strstr(dev_name(&pdev->dev), ".auto"));

	KUNIT_ASSERT_EQ(test, platform_driver_register(&pdrv), 0);
	KUNIT_EXPECT_EQ(test, plat_probes, 1);
	KUNIT_EXPECT_PTR_EQ(test, platform_get_drvdata(pdev), (void *)&plat_probes);

	pdev2 = platform_device_register_simple("hostenv-plat", 3, NULL, 0);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, pdev2);
	KUNIT_EXPECT_STREQ(test, dev_name(&pdev2->dev), "hostenv-plat.3");
	KUNIT_EXPECT_EQ(test, plat_probes, 2);
	KUNIT_EXPECT_EQ(test, host_sysfs_type("/sys/devices/platform/hostenv-plat.3/driver"),
			HOST_SYSFS_LINK);

	platform_driver_unregister(&pdrv);
	KUNIT_EXPECT_NULL(test, pdev->dev.driver);
	platform_device_unregister(pdev2);
	platform_device_unregister(pdev);
}

static void device_test_software_node(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_U32("pasid-num-bits", 16),
		PROPERTY_ENTRY_STRING("label", "smmu-client"),
		PROPERTY_ENTRY_BOOL("dma-coherent"),
		{ }
	};
	struct fwnode_handle *iommu_node, *dev_node;
	struct test_device *tdev;
	const char *label;
	u32 bits = 0;
	u64 wide;

	dm_setup(test);
	iommu_node = host_fwnode_create("smmu0", NULL, NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, iommu_node);
	KUNIT_EXPECT_STREQ(test, fwnode_get_name(iommu_node), "smmu0");
	KUNIT_EXPECT_TRUE(test, is_software_node(iommu_node));

	dev_node = fwnode_create_software_node(props, NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev_node);
	KUNIT_EXPECT_NOT_NULL(test, strstr(fwnode_get_name(dev_node), "node"));

	tdev = test_device_alloc(test, "withnode", NULL);
	device_set_node(&tdev->dev, dev_node);
	KUNIT_ASSERT_EQ(test, device_add(&tdev->dev), 0);
	KUNIT_EXPECT_PTR_EQ(test, dev_fwnode(&tdev->dev), dev_node);
	KUNIT_EXPECT_PTR_EQ(test, dev_node->dev, &tdev->dev);

	KUNIT_EXPECT_EQ(test, device_property_read_u32(&tdev->dev,
						       "pasid-num-bits", &bits), 0);
	KUNIT_EXPECT_EQ(test, bits, 16);
	KUNIT_EXPECT_EQ(test, device_property_read_string(&tdev->dev, "label",
							  &label), 0);
	KUNIT_EXPECT_STREQ(test, label, "smmu-client");
	KUNIT_EXPECT_TRUE(test, device_property_read_bool(&tdev->dev,
							  "dma-coherent"));
	KUNIT_EXPECT_EQ(test, device_property_read_u32(&tdev->dev, "missing",
						       &bits), -EINVAL);
	KUNIT_EXPECT_EQ(test, device_property_read_u64(&tdev->dev,
						       "pasid-num-bits", &wide),
			-EOVERFLOW);
	KUNIT_EXPECT_EQ(test, device_property_count_u32(&tdev->dev,
							"pasid-num-bits"), 1);

	bits = 0;
	KUNIT_EXPECT_EQ(test, fwnode_property_read_u32(iommu_node,
						       "pasid-num-bits", &bits),
			-EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, bus_find_device_by_fwnode(&dm_test_bus,
							    dev_node),
			    &tdev->dev);
	put_device(&tdev->dev);

	device_unregister(&tdev->dev);
	KUNIT_EXPECT_NULL(test, dev_node->dev);
	fwnode_remove_software_node(dev_node);
	host_fwnode_destroy(iommu_node);
}

/* Every allocation of a registration failing in turn unwinds cleanly. */
static void device_test_fault_injection(struct kunit *test)
{
	static const struct property_entry props[] = {
		PROPERTY_ENTRY_U32("reg", 0x100),
		PROPERTY_ENTRY_STRING("label", "x"),
		{ }
	};
	struct platform_device *pdev;
	struct fwnode_handle *node;
	int n, failures = 0;

	for (n = 1; n < 200; n++) {
		current->fail_nth = n;
		pdev = platform_device_register_simple("hostenv-fi",
						       PLATFORM_DEVID_AUTO,
						       NULL, 0);
		current->fail_nth = 0;
		if (!IS_ERR(pdev)) {
			platform_device_unregister(pdev);
			break;
		}
		KUNIT_EXPECT_EQ(test, PTR_ERR(pdev), -ENOMEM);
		failures++;
	}
	KUNIT_EXPECT_GT(test, failures, 2);
	KUNIT_EXPECT_LT(test, n, 200);

	for (n = 1; n < 50; n++) {
		current->fail_nth = n;
		node = host_fwnode_create("fi-node", props, NULL);
		current->fail_nth = 0;
		if (!IS_ERR(node)) {
			host_fwnode_destroy(node);
			break;
		}
		KUNIT_EXPECT_EQ(test, PTR_ERR(node), -ENOMEM);
	}
	KUNIT_EXPECT_LT(test, n, 50);
}

static struct kunit_case device_test_cases[] = {
	KUNIT_CASE(device_test_release_on_last_put),
	KUNIT_CASE(device_test_name),
	KUNIT_CASE(device_test_bind_unbind),
	KUNIT_CASE(device_test_release_driver),
	KUNIT_CASE(device_test_probe_failure),
	KUNIT_CASE(device_test_dma_configure_failure),
	KUNIT_CASE(device_test_deferred_probe),
	KUNIT_CASE(device_test_devres),
	KUNIT_CASE(device_test_children),
	KUNIT_CASE(device_test_iterate_while_removing),
	KUNIT_CASE(device_test_sysfs),
	KUNIT_CASE(device_test_dev_printk),
	KUNIT_CASE(device_test_dev_warn),
	KUNIT_CASE(device_test_kunit_device),
	KUNIT_CASE(device_test_platform),
	KUNIT_CASE(device_test_software_node),
	KUNIT_CASE(device_test_fault_injection),
	{}
};

static struct kunit_suite device_test_suite = {
	.name = "hostenv_device",
	.test_cases = device_test_cases,
};

kunit_test_suite(device_test_suite);
