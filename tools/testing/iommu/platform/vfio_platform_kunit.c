// SPDX-License-Identifier: GPL-2.0
/*
 * vfio_pci_platform: vfio-pci on the default machine, from the kernel
 * side.  The driver binds only through driver_override and never to a
 * bridge; a bound function has its node and sysfs entries, which go away
 * with the driver; unbinding waits for open files; an open file can do
 * nothing before it binds to an iommufd; and a machine that went through
 * all of it frees everything it allocated.
 *
 * The iommufd side (bind, attach, DMA) is covered from userspace by
 * tools/testing/selftests/iommu/iommufd_groups.c.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kthread.h>
#include <linux/pci.h>
#include <linux/rcupdate.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/vfio.h>

#include <host/env.h>
#include <host/machine.h>
#include <host/sysfs.h>

#define VPT_BAR_BASE	0xe4000000UL

/**
 * struct vpt - one case's machine
 * @m: the machine
 * @before: live allocations before it booted
 */
struct vpt {
	struct machine *m;
	long before;
};

static long vpt_outstanding(void)
{
	rcu_barrier();
	return host_alloc_outstanding();
}

static void vpt_boot(struct kunit *test, struct vpt *v)
{
	v->before = vpt_outstanding();
	v->m = machine_boot(machine_default_spec());
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, v->m);
	KUNIT_ASSERT_EQ(test, machine_dma_bars_assign(v->m, VPT_BAR_BASE, SZ_64K), 0);
}

static void vpt_teardown(struct kunit *test, struct vpt *v)
{
	machine_dma_bars_remove(v->m);
	machine_teardown(v->m);
	KUNIT_EXPECT_EQ(test, vpt_outstanding(), v->before);
}

/* The node path of the vfio device of @md, read from sysfs */
static bool vpt_node_of(struct machine_dev *md, char *node, size_t size)
{
	char path[128], target[256];
	int i;

	for (i = 0; i < 32; i++) {
		snprintf(path, sizeof(path), "/sys/class/vfio-dev/vfio%d/device", i);
		if (host_sysfs_readlink(path, target, sizeof(target)) < 0)
			continue;
		if (strcmp(strrchr(target, '/') + 1, dev_name(md->dev)))
			continue;
		snprintf(node, size, "/dev/vfio/devices/vfio%d", i);
		return true;
	}
	return false;
}

static bool vpt_node_opens(const char *node)
{
	struct file *f = filp_open(node, O_RDWR, 0);

	if (IS_ERR(f))
		return false;
	filp_close(f, NULL);
	return true;
}

static void binds_only_through_override(struct kunit *test)
{
	struct machine_dev *nic0, *rp1;
	char node[64];
	struct vpt v;

	vpt_boot(test, &v);
	nic0 = machine_dev_find(v.m, "nic0");
	rp1 = machine_dev_find(v.m, "rp1");
	KUNIT_ASSERT_NOT_NULL(test, nic0);
	KUNIT_ASSERT_NOT_NULL(test, rp1);

	/* Nothing is bound by itself, and the driver exists */
	KUNIT_EXPECT_NULL(test, nic0->dev->driver);
	KUNIT_EXPECT_FALSE(test, vpt_node_of(nic0, node, sizeof(node)));
	KUNIT_EXPECT_EQ(test, machine_dev_bind_driver(nic0, "vfio-pci"), 0);
	KUNIT_EXPECT_NOT_NULL(test, nic0->dev->driver);
	KUNIT_EXPECT_TRUE(test, vpt_node_of(nic0, node, sizeof(node)));

	/* A bridge is refused by the driver */
	KUNIT_EXPECT_EQ(test, machine_dev_bind_driver(rp1, "vfio-pci"), -ENODEV);
	KUNIT_EXPECT_NULL(test, rp1->dev->driver);
	/* An override naming another driver keeps vfio-pci away */
	KUNIT_EXPECT_EQ(test, machine_dev_bind_driver(machine_dev_find(v.m, "nic1"),
						      "no-such-driver"), -ENODEV);
	vpt_teardown(test, &v);
}

static void node_and_sysfs_follow_the_driver(struct kunit *test)
{
	char node[64], path[96], target[256], classdir[64];
	struct machine_dev *nic1;
	struct vpt v;

	vpt_boot(test, &v);
	nic1 = machine_dev_find(v.m, "nic1");
	KUNIT_ASSERT_EQ(test, machine_dev_bind_driver(nic1, "vfio-pci"), 0);
	KUNIT_ASSERT_TRUE(test, vpt_node_of(nic1, node, sizeof(node)));
	KUNIT_EXPECT_TRUE(test, vpt_node_opens(node));

	/* vfioN is a child of the function, reachable from its class */
	snprintf(classdir, sizeof(classdir), "/sys/class/vfio-dev/%s", strrchr(node, '/') + 1);
	KUNIT_ASSERT_GT(test, host_sysfs_readlink(classdir, target, sizeof(target)), 0);
	snprintf(path, sizeof(path), "/sys/devices/pci0000:00/0000:00:1c.1/%s/%s",
		 dev_name(nic1->dev), strrchr(node, '/') + 1);
	KUNIT_EXPECT_STREQ(test, target, path);

	device_release_driver(nic1->dev);
	KUNIT_EXPECT_FALSE(test, vpt_node_opens(node));
	KUNIT_EXPECT_FALSE(test, host_sysfs_exists(classdir));
	KUNIT_EXPECT_FALSE(test, vpt_node_of(nic1, node, sizeof(node)));

	/* Binding again gives a working node again */
	KUNIT_ASSERT_EQ(test, machine_dev_bind_driver(nic1, "vfio-pci"), 0);
	KUNIT_ASSERT_TRUE(test, vpt_node_of(nic1, node, sizeof(node)));
	KUNIT_EXPECT_TRUE(test, vpt_node_opens(node));
	vpt_teardown(test, &v);
}

/**
 * struct vpt_unbinder - a thread that unbinds a function's driver
 * @dev: the function
 * @done: set once device_release_driver() returned
 */
struct vpt_unbinder {
	struct device *dev;
	bool done;
};

static int vpt_unbind_fn(void *data)
{
	struct vpt_unbinder *u = data;

	device_release_driver(u->dev);
	WRITE_ONCE(u->done, true);
	return 0;
}

static void unbind_waits_for_open_files(struct kunit *test)
{
	struct vpt_unbinder u = {};
	struct task_struct *t;
	struct machine_dev *md;
	struct file *file;
	char node[64];
	int i;
	struct vpt v;

	vpt_boot(test, &v);
	md = machine_dev_find(v.m, "nvme");
	KUNIT_ASSERT_EQ(test, machine_dev_bind_driver(md, "vfio-pci"), 0);
	KUNIT_ASSERT_TRUE(test, vpt_node_of(md, node, sizeof(node)));
	file = filp_open(node, O_RDWR, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));

	u.dev = md->dev;
	t = kthread_run(vpt_unbind_fn, &u, "vfio-unbind");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	/* The node goes away at once, so nobody can open it any more... */
	for (i = 0; i < 100 && vpt_node_opens(node); i++)
		msleep(20);
	KUNIT_EXPECT_FALSE(test, vpt_node_opens(node));
	/* ...but the driver stays until the open file is closed */
	msleep(20);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(u.done));
	KUNIT_EXPECT_NOT_NULL(test, md->dev->driver);

	filp_close(file, NULL);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(u.done));
	KUNIT_EXPECT_NULL(test, md->dev->driver);
	vpt_teardown(test, &v);
}

static void nothing_before_bind(struct kunit *test)
{
	struct vfio_device_bind_iommufd bind = { .argsz = sizeof(bind), .iommufd = -1 };
	struct vfio_device_info info = { .argsz = sizeof(info) };
	struct vfio_device_attach_iommufd_pt attach = { .argsz = sizeof(attach) };
	struct machine_dev *md;
	struct file *file;
	loff_t pos = 0;
	char node[64];
	char byte;
	struct vpt v;

	vpt_boot(test, &v);
	md = machine_dev_find(v.m, "xhci");
	KUNIT_ASSERT_EQ(test, machine_dev_bind_driver(md, "vfio-pci"), 0);
	KUNIT_ASSERT_TRUE(test, vpt_node_of(md, node, sizeof(node)));
	file = filp_open(node, O_RDWR, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));

	KUNIT_EXPECT_EQ(test, file->f_op->unlocked_ioctl(file, VFIO_DEVICE_GET_INFO,
							 (unsigned long)&info), -EINVAL);
	KUNIT_EXPECT_EQ(test, file->f_op->unlocked_ioctl(file, VFIO_DEVICE_ATTACH_IOMMUFD_PT,
							 (unsigned long)&attach), -EINVAL);
	KUNIT_EXPECT_EQ(test, file->f_op->read(file, (char __user *)&byte, 1, &pos), -EINVAL);
	KUNIT_EXPECT_EQ(test, file->f_op->write(file, (const char __user *)&byte, 1, &pos),
			-EINVAL);
	/* The bind itself checks its argument first */
	KUNIT_EXPECT_EQ(test, file->f_op->unlocked_ioctl(file, VFIO_DEVICE_BIND_IOMMUFD,
							 (unsigned long)&bind), -EINVAL);
	bind.iommufd = 0;
	bind.flags = 1;
	KUNIT_EXPECT_EQ(test, file->f_op->unlocked_ioctl(file, VFIO_DEVICE_BIND_IOMMUFD,
							 (unsigned long)&bind), -EINVAL);
	filp_close(file, NULL);
	vpt_teardown(test, &v);
}

static struct kunit_case vfio_platform_cases[] = {
	KUNIT_CASE(binds_only_through_override),
	KUNIT_CASE(node_and_sysfs_follow_the_driver),
	KUNIT_CASE(unbind_waits_for_open_files),
	KUNIT_CASE(nothing_before_bind),
	{}
};

static struct kunit_suite vfio_platform_suite = {
	.name = "vfio_pci_platform",
	.test_cases = vfio_platform_cases,
};

kunit_test_suite(vfio_platform_suite);
