// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of iommufd's device binding and attachment (device.c) with
 * the IOMMU core's mock driver, which, unlike the selftest mock, can put
 * several devices in one group, report reserved regions and fail any
 * driver operation with any errno.
 *
 * They check the group rules that userspace relies on:
 *
 *  - devices of one group share one HWPT; attaching one of them elsewhere
 *    fails with -EINVAL;
 *  - the group keeps its domain until its last attached device detaches,
 *    and an automatic HWPT goes away with its last device;
 *  - replacing moves the whole group;
 *
 * and how attach errors are treated when an automatic domain is chosen:
 * only -EINVAL ("incompatible") makes iommufd try another domain; every
 * other errno, including ones outside the core's contract, is final and
 * reaches the caller unchanged.
 */
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/iommu.h>
#include <linux/iommufd.h>
#include <linux/sizes.h>
#include <linux/vmalloc.h>
#include <kunit/bug.h>
#include <kunit/test.h>
#include <uapi/linux/iommufd.h>

#include "../iommu-mock.h"
#include "../iommu-priv.h"
#include "iommufd_private.h"

#define IDT_MAX_DEVS	4

/**
 * struct idt_dev - a mock device as the test drives it
 * @dev: the device
 * @idev: the iommufd device while bound, else NULL
 * @id: its object id
 * @attached: iommufd_device_attach() succeeded and no detach happened
 */
struct idt_dev {
	struct device *dev;
	struct iommufd_device *idev;
	u32 id;
	bool attached;
};

/**
 * struct idt - state of one test
 * @file: an open /dev/iommu
 * @ictx: its context
 * @inst: the mock IOMMU instance
 * @devs: the devices created so far
 * @ndevs: how many
 * @buf: "user" memory to map, IDT_BUF_SIZE bytes
 */
struct idt {
	struct file *file;
	struct iommufd_ctx *ictx;
	struct mock_iommu *inst;
	struct idt_dev devs[IDT_MAX_DEVS];
	unsigned int ndevs;
	void *buf;
};

#define IDT_BUF_SIZE	(16 * PAGE_SIZE)

static int idt_init(struct kunit *test)
{
	struct idt *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;

	t->file = filp_open("/dev/iommu", O_RDWR, 0);
	if (IS_ERR(t->file))
		return PTR_ERR(t->file);
	t->ictx = iommufd_ctx_from_file(t->file);
	if (IS_ERR(t->ictx)) {
		filp_close(t->file, NULL);
		return PTR_ERR(t->ictx);
	}
	/* The lookup took a reference of its own */
	iommufd_ctx_put(t->ictx);

	t->buf = vzalloc(IDT_BUF_SIZE);
	if (!t->buf) {
		filp_close(t->file, NULL);
		return -ENOMEM;
	}
	test->priv = t;
	return 0;
}

/* Undo what the test left behind: detach, unbind, close the context */
static void idt_exit(struct kunit *test)
{
	struct idt *t = test->priv;
	int i;

	for (i = t->ndevs - 1; i >= 0; i--) {
		if (t->devs[i].attached)
			iommufd_device_detach(t->devs[i].idev);
		if (t->devs[i].idev)
			iommufd_device_unbind(t->devs[i].idev);
	}
	filp_close(t->file, NULL);
	vfree(t->buf);
}

/* An ioctl on the context; arguments live in kernel memory, which the
 * host's user copy routines accept like user memory.
 */
static int idt_ioctl(struct idt *t, unsigned int cmd, void *arg)
{
	return t->file->f_op->unlocked_ioctl(t->file, cmd, (unsigned long)arg);
}

static u32 idt_ioas_alloc(struct kunit *test)
{
	struct iommu_ioas_alloc cmd = { .size = sizeof(cmd) };

	KUNIT_ASSERT_EQ(test, idt_ioctl(test->priv, IOMMU_IOAS_ALLOC, &cmd),
			0);
	return cmd.out_ioas_id;
}

static int idt_destroy(struct kunit *test, u32 id)
{
	struct iommu_destroy cmd = { .size = sizeof(cmd), .id = id };

	return idt_ioctl(test->priv, IOMMU_DESTROY, &cmd);
}

static int idt_map_fixed(struct kunit *test, u32 ioas_id, unsigned long iova,
			 size_t length)
{
	struct idt *t = test->priv;
	struct iommu_ioas_map cmd = {
		.size = sizeof(cmd),
		.flags = IOMMU_IOAS_MAP_FIXED_IOVA | IOMMU_IOAS_MAP_READABLE |
			 IOMMU_IOAS_MAP_WRITEABLE,
		.ioas_id = ioas_id,
		.user_va = (uintptr_t)t->buf,
		.length = length,
		.iova = iova,
	};

	return idt_ioctl(t, IOMMU_IOAS_MAP, &cmd);
}

/* Does an object with this id exist (of any type)? */
static bool idt_exists(struct kunit *test, u32 id)
{
	struct idt *t = test->priv;
	struct iommufd_object *obj;

	obj = iommufd_get_object(t->ictx, id, IOMMUFD_OBJ_ANY);
	if (IS_ERR(obj))
		return false;
	iommufd_put_object(t->ictx, obj);
	return true;
}

/* The domain of a HWPT object */
static struct iommu_domain *idt_hwpt_domain(struct kunit *test, u32 id)
{
	struct idt *t = test->priv;
	struct iommufd_hw_pagetable *hwpt;
	struct iommufd_object *obj;

	obj = iommufd_get_object(t->ictx, id, IOMMUFD_OBJ_ANY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(obj));
	KUNIT_ASSERT_TRUE(test, obj->type == IOMMUFD_OBJ_HWPT_PAGING ||
			  obj->type == IOMMUFD_OBJ_HWPT_NESTED);
	hwpt = container_of(obj, struct iommufd_hw_pagetable, obj);
	iommufd_put_object(t->ictx, obj);
	return hwpt->domain;
}

static struct mock_iommu *idt_inst(struct kunit *test)
{
	struct idt *t = test->priv;

	t->inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .user_alloc = true);
	return t->inst;
}

/* Create a device (in @peer's group if given); returns its index */
static unsigned int idt_create_dev(struct kunit *test, const char *name,
				   struct device *peer,
				   const struct mock_resv *resv,
				   unsigned int nr)
{
	struct mock_dev_config cfg = {
		.name = name,
		.group_with = peer,
		.resv = resv,
		.nr_resv = nr,
	};
	struct idt *t = test->priv;
	struct idt_dev *d;

	KUNIT_ASSERT_LT(test, t->ndevs, IDT_MAX_DEVS);
	d = &t->devs[t->ndevs];
	d->dev = mock_dev_create_cfg(test, t->inst, &cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, d->dev);
	return t->ndevs++;
}

static void idt_bind(struct kunit *test, unsigned int i)
{
	struct idt *t = test->priv;
	struct idt_dev *d = &t->devs[i];

	d->idev = iommufd_device_bind(t->ictx, d->dev, &d->id);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, d->idev);
}

/* Create a device (in @peer's group if given) and bind it; returns index */
static unsigned int idt_add_dev(struct kunit *test, const char *name,
				struct device *peer,
				const struct mock_resv *resv, unsigned int nr)
{
	unsigned int i = idt_create_dev(test, name, peer, resv, nr);

	idt_bind(test, i);
	return i;
}

/* Does the paging HWPT @id block no-snoop DMA? */
static bool idt_hwpt_coherent(struct kunit *test, u32 id)
{
	struct idt *t = test->priv;
	struct iommufd_hwpt_paging *hwpt_paging;
	struct iommufd_object *obj;
	bool coherent;

	obj = iommufd_get_object(t->ictx, id, IOMMUFD_OBJ_HWPT_PAGING);
	KUNIT_ASSERT_FALSE(test, IS_ERR(obj));
	hwpt_paging = container_of(obj, struct iommufd_hwpt_paging,
				   common.obj);
	coherent = hwpt_paging->enforce_cache_coherency;
	iommufd_put_object(t->ictx, obj);
	return coherent;
}

static int idt_attach(struct kunit *test, unsigned int i, u32 *pt_id)
{
	struct idt *t = test->priv;
	int rc;

	rc = iommufd_device_attach(t->devs[i].idev, pt_id);
	if (!rc)
		t->devs[i].attached = true;
	return rc;
}

static void idt_detach(struct kunit *test, unsigned int i)
{
	struct idt *t = test->priv;

	KUNIT_ASSERT_TRUE(test, t->devs[i].attached);
	iommufd_device_detach(t->devs[i].idev);
	t->devs[i].attached = false;
}

static struct iommu_domain *idt_cur_domain(struct kunit *test, unsigned int i)
{
	struct idt *t = test->priv;

	return iommu_get_domain_for_dev(t->devs[i].dev);
}

/* Binding claims DMA ownership of the group; unbinding gives it back */
static void iommufd_bind_claims_dma_owner(struct kunit *test)
{
	struct idt *t = test->priv;
	struct iommu_group *group;
	unsigned int a, b;

	idt_inst(test);
	a = idt_add_dev(test, "idt-a", NULL, NULL, 0);
	b = idt_add_dev(test, "idt-b", t->devs[a].dev, NULL, 0);
	group = t->devs[a].dev->iommu_group;

	KUNIT_ASSERT_PTR_EQ(test, group, t->devs[b].dev->iommu_group);
	KUNIT_EXPECT_TRUE(test, iommu_group_dma_owner_claimed(group));
	KUNIT_EXPECT_TRUE(test, iommufd_ctx_has_group(t->ictx, group));
	/* Bound devices are blocked until attached */
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, a),
			    group->blocking_domain);
	/* Userspace can never destroy a bound device */
	KUNIT_EXPECT_EQ(test, idt_destroy(test, t->devs[a].id), -EBUSY);

	iommufd_device_unbind(t->devs[b].idev);
	t->devs[b].idev = NULL;
	KUNIT_EXPECT_TRUE(test, iommu_group_dma_owner_claimed(group));

	iommufd_device_unbind(t->devs[a].idev);
	t->devs[a].idev = NULL;
	KUNIT_EXPECT_FALSE(test, iommu_group_dma_owner_claimed(group));
	KUNIT_EXPECT_FALSE(test, iommufd_ctx_has_group(t->ictx, group));
	/* The per-group state went away with the last device */
	KUNIT_EXPECT_TRUE(test, xa_empty(&t->ictx->groups));
}

/* Devices of one group attached to one IOAS share one automatic HWPT */
static void iommufd_group_shares_auto_hwpt(struct kunit *test)
{
	struct mock_iommu *inst = idt_inst(test);
	struct idt *t = test->priv;
	u32 ioas_id, pt_a, pt_b;
	unsigned int a, b;

	a = idt_add_dev(test, "idt-a", NULL, NULL, 0);
	b = idt_add_dev(test, "idt-b", t->devs[a].dev, NULL, 0);
	ioas_id = idt_ioas_alloc(test);
	mock_iommu_log_clear(inst);

	pt_a = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, a, &pt_a), 0);
	pt_b = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, b, &pt_b), 0);

	KUNIT_EXPECT_NE(test, pt_a, ioas_id);
	KUNIT_EXPECT_EQ(test, pt_a, pt_b);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_USER),
			1);
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, a),
			    idt_hwpt_domain(test, pt_a));
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, b),
			    idt_hwpt_domain(test, pt_a));
	/* Attaching b by the HWPT id is just as fine ... */
	idt_detach(test, b);
	pt_b = pt_a;
	KUNIT_EXPECT_EQ(test, idt_attach(test, b, &pt_b), 0);
	KUNIT_EXPECT_EQ(test, pt_b, pt_a);
	/* ... and the IOAS and the HWPT are in use */
	KUNIT_EXPECT_EQ(test, idt_destroy(test, pt_a), -EBUSY);
	KUNIT_EXPECT_EQ(test, idt_destroy(test, ioas_id), -EBUSY);
}

/* One device of a group cannot go elsewhere while the group is attached */
static void iommufd_group_split_einval(struct kunit *test)
{
	struct mock_iommu *inst = idt_inst(test);
	struct idt *t = test->priv;
	struct iommu_hwpt_alloc alloc = { .size = sizeof(alloc) };
	u32 ioas1, ioas2, pt_a, pt_b;
	struct iommu_domain *domain;
	unsigned int a, b;

	a = idt_add_dev(test, "idt-a", NULL, NULL, 0);
	b = idt_add_dev(test, "idt-b", t->devs[a].dev, NULL, 0);
	ioas1 = idt_ioas_alloc(test);
	ioas2 = idt_ioas_alloc(test);

	pt_a = ioas1;
	KUNIT_ASSERT_EQ(test, idt_attach(test, a, &pt_a), 0);
	domain = idt_hwpt_domain(test, pt_a);
	mock_iommu_log_clear(inst);

	/* Another IOAS: the new automatic HWPT is made and thrown away */
	pt_b = ioas2;
	KUNIT_EXPECT_EQ(test, idt_attach(test, b, &pt_b), -EINVAL);
	KUNIT_EXPECT_EQ(test, pt_b, ioas2);
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, b), domain);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_EQ(test, idt_destroy(test, ioas2), 0);

	/* A manual HWPT of the same IOAS is "elsewhere" too */
	alloc.dev_id = t->devs[a].id;
	alloc.pt_id = ioas1;
	KUNIT_ASSERT_EQ(test, idt_ioctl(t, IOMMU_HWPT_ALLOC, &alloc), 0);
	pt_b = alloc.out_hwpt_id;
	KUNIT_EXPECT_EQ(test, idt_attach(test, b, &pt_b), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, a), domain);
	KUNIT_EXPECT_EQ(test, idt_destroy(test, alloc.out_hwpt_id), 0);

	/* The group's own HWPT is fine */
	pt_b = pt_a;
	KUNIT_EXPECT_EQ(test, idt_attach(test, b, &pt_b), 0);
}

/* The group keeps its domain until the last attached device leaves */
static void iommufd_group_leaves_on_last_detach(struct kunit *test)
{
	struct idt *t = test->priv;
	struct iommu_group *group;
	struct iommu_domain *domain;
	u32 ioas_id, pt_a, pt_b;
	unsigned int a, b;

	idt_inst(test);
	a = idt_add_dev(test, "idt-a", NULL, NULL, 0);
	b = idt_add_dev(test, "idt-b", t->devs[a].dev, NULL, 0);
	group = t->devs[a].dev->iommu_group;
	ioas_id = idt_ioas_alloc(test);

	pt_a = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, a, &pt_a), 0);
	pt_b = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, b, &pt_b), 0);
	domain = idt_hwpt_domain(test, pt_a);

	/* The first device to attach leaves first; the group stays */
	idt_detach(test, a);
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, a), domain);
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, b), domain);
	KUNIT_EXPECT_TRUE(test, idt_exists(test, pt_a));

	/* a can come back to the same HWPT */
	pt_a = ioas_id;
	KUNIT_EXPECT_EQ(test, idt_attach(test, a, &pt_a), 0);
	KUNIT_EXPECT_EQ(test, pt_a, pt_b);
	idt_detach(test, a);

	/* The last one takes the group back to blocking DMA */
	idt_detach(test, b);
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, a),
			    group->blocking_domain);
	KUNIT_EXPECT_FALSE(test, idt_exists(test, pt_b));
	KUNIT_EXPECT_EQ(test, idt_destroy(test, ioas_id), 0);
}

/* Replacing moves the whole group, and the old automatic HWPT dies */
static void iommufd_group_replace_moves_group(struct kunit *test)
{
	struct idt *t = test->priv;
	u32 ioas1, ioas2, pt1, pt2, pt_b;
	struct iommu_domain *domain;
	unsigned int a, b;

	idt_inst(test);
	a = idt_add_dev(test, "idt-a", NULL, NULL, 0);
	b = idt_add_dev(test, "idt-b", t->devs[a].dev, NULL, 0);
	ioas1 = idt_ioas_alloc(test);
	ioas2 = idt_ioas_alloc(test);

	pt1 = ioas1;
	KUNIT_ASSERT_EQ(test, idt_attach(test, a, &pt1), 0);
	pt_b = ioas1;
	KUNIT_ASSERT_EQ(test, idt_attach(test, b, &pt_b), 0);

	/* Replacing with the current HWPT changes nothing */
	pt2 = pt1;
	KUNIT_EXPECT_EQ(test, iommufd_device_replace(t->devs[a].idev, &pt2),
			0);
	KUNIT_EXPECT_EQ(test, pt2, pt1);

	pt2 = ioas2;
	KUNIT_ASSERT_EQ(test, iommufd_device_replace(t->devs[a].idev, &pt2),
			0);
	KUNIT_EXPECT_NE(test, pt2, pt1);
	domain = idt_hwpt_domain(test, pt2);
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, a), domain);
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, b), domain);
	KUNIT_EXPECT_FALSE(test, idt_exists(test, pt1));
	KUNIT_EXPECT_EQ(test, idt_destroy(test, ioas1), 0);

	/* b moved along and holds its own reference on the new HWPT */
	idt_detach(test, a);
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, b), domain);
	KUNIT_EXPECT_TRUE(test, idt_exists(test, pt2));
	idt_detach(test, b);
	KUNIT_EXPECT_FALSE(test, idt_exists(test, pt2));

	/* A device that is not attached cannot be replaced */
	pt2 = ioas2;
	KUNIT_EXPECT_EQ(test, iommufd_device_replace(t->devs[a].idev, &pt2),
			-EINVAL);
}

/* -EINVAL from attach_dev: iommufd moves on to a new automatic HWPT */
static void iommufd_auto_domain_einval_tries_next(struct kunit *test)
{
	struct mock_iommu *inst = idt_inst(test);
	struct idt *t = test->priv;
	u32 ioas_id, pt_x, pt_y;
	unsigned int x, y;

	x = idt_add_dev(test, "idt-x", NULL, NULL, 0);
	y = idt_add_dev(test, "idt-y", NULL, NULL, 0);
	ioas_id = idt_ioas_alloc(test);

	pt_x = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, x, &pt_x), 0);

	mock_iommu_log_clear(inst);
	mock_iommu_fail(inst, MOCK_OP_ATTACH_DEV, -EINVAL, 1, t->devs[y].dev,
			NULL);
	pt_y = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, y, &pt_y), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_fired(inst, MOCK_OP_ATTACH_DEV), 1);
	KUNIT_EXPECT_NE(test, pt_y, pt_x);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_USER),
			1);
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, y),
			    idt_hwpt_domain(test, pt_y));
	/* Both automatic HWPTs stay in use */
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, x),
			    idt_hwpt_domain(test, pt_x));
}

/* Any other attach error is final and reaches the caller unchanged */
static void iommufd_auto_domain_other_errno_final(struct kunit *test)
{
	static const int errnos[] = { -ENOSPC, -ENOMEM, -ENODEV, -EBUSY };
	struct mock_iommu *inst = idt_inst(test);
	struct idt *t = test->priv;
	struct iommu_group *group;
	u32 ioas_id, pt_x, pt_y;
	unsigned int x, y;
	int i;

	x = idt_add_dev(test, "idt-x", NULL, NULL, 0);
	y = idt_add_dev(test, "idt-y", NULL, NULL, 0);
	group = t->devs[y].dev->iommu_group;
	ioas_id = idt_ioas_alloc(test);

	pt_x = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, x, &pt_x), 0);

	for (i = 0; i < ARRAY_SIZE(errnos); i++) {
		mock_iommu_log_clear(inst);
		/* Only the next call: the core's roll back must work */
		mock_iommu_fail(inst, MOCK_OP_ATTACH_DEV, errnos[i], 1,
				t->devs[y].dev, NULL);
		pt_y = ioas_id;
		KUNIT_EXPECT_EQ(test, idt_attach(test, y, &pt_y), errnos[i]);
		/* Only the existing HWPT was tried; nothing new was made */
		KUNIT_EXPECT_EQ(test,
				mock_iommu_count(inst,
						 MOCK_OP_DOMAIN_ALLOC_USER), 0);
		KUNIT_EXPECT_EQ(test, pt_y, ioas_id);
		KUNIT_EXPECT_EQ(test, mock_iommu_fired(inst,
						       MOCK_OP_ATTACH_DEV), 1);
		KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, y),
				    group->blocking_domain);
	}

	pt_y = ioas_id;
	KUNIT_EXPECT_EQ(test, idt_attach(test, y, &pt_y), 0);
	KUNIT_EXPECT_EQ(test, pt_y, pt_x);
}

/* An errno outside the contract: the core warns, iommufd does not retry */
static void iommufd_auto_domain_bad_errno_forwarded(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_check_attach_result);
	struct mock_iommu *inst = idt_inst(test);
	struct idt *t = test->priv;
	u32 ioas_id, pt_x, pt_y;
	unsigned int x, y;
	int rc;

	x = idt_add_dev(test, "idt-x", NULL, NULL, 0);
	y = idt_add_dev(test, "idt-y", NULL, NULL, 0);
	ioas_id = idt_ioas_alloc(test);

	pt_x = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, x, &pt_x), 0);

	mock_iommu_log_clear(inst);
	mock_iommu_fail(inst, MOCK_OP_ATTACH_DEV, -EIO, 1, t->devs[y].dev,
			NULL);
	pt_y = ioas_id;
	START_SUPPRESSED_WARNING(iommu_check_attach_result);
	rc = idt_attach(test, y, &pt_y);
	END_SUPPRESSED_WARNING(iommu_check_attach_result);

	KUNIT_EXPECT_EQ(test, rc, -EIO);
	KUNIT_EXPECT_GE(test,
			SUPPRESSED_WARNING_COUNT(iommu_check_attach_result), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_USER),
			0);
}

/* Reserved regions of an attached device cannot be mapped, and back */
static void iommufd_resv_regions_enforced(struct kunit *test)
{
	static const struct mock_resv resv[] = {
		{ .start = SZ_1M, .length = SZ_1M, .prot = 0,
		  .type = IOMMU_RESV_RESERVED },
	};
	u32 ioas_id, pt;
	unsigned int r;

	idt_inst(test);
	r = idt_add_dev(test, "idt-r", NULL, resv, ARRAY_SIZE(resv));
	ioas_id = idt_ioas_alloc(test);

	pt = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, r, &pt), 0);
	KUNIT_EXPECT_EQ(test, idt_map_fixed(test, ioas_id, SZ_1M, PAGE_SIZE),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, idt_map_fixed(test, ioas_id,
					    SZ_2M - PAGE_SIZE, PAGE_SIZE),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, idt_map_fixed(test, ioas_id, SZ_2M, PAGE_SIZE),
			0);

	/* Detaching gives the range back */
	idt_detach(test, r);
	KUNIT_EXPECT_EQ(test, idt_map_fixed(test, ioas_id, SZ_1M, PAGE_SIZE),
			0);

	/* Now it is mapped, so the device cannot attach any more */
	pt = ioas_id;
	KUNIT_EXPECT_EQ(test, idt_attach(test, r, &pt), -EADDRINUSE);
}

/*
 * A device whose no-snoop DMA can be blocked upgrades the domain it joins,
 * or, when the domain can no longer be upgraded (the mock, like VT-d, only
 * allows it before the first mapping), gets a coherent domain of its own.
 */
static void iommufd_coherent_device_upgrades_or_moves(struct kunit *test)
{
	struct idt *t = test->priv;
	struct mock_iommu *inst;
	u32 ioas_id, pt_n, pt_c;
	unsigned int n, c;

	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .user_alloc = true,
			  .caps = BIT(IOMMU_CAP_CACHE_COHERENCY) |
				  BIT(IOMMU_CAP_ENFORCE_CACHE_COHERENCY));
	t->inst = inst;

	/* n's second capable() query at bind (ENFORCE_...) says no */
	n = idt_create_dev(test, "idt-n", NULL, NULL, 0);
	mock_iommu_fail(inst, MOCK_OP_CAPABLE, -EIO, 2, t->devs[n].dev, NULL);
	idt_bind(test, n);
	KUNIT_ASSERT_EQ(test, mock_iommu_fired(inst, MOCK_OP_CAPABLE), 1);
	KUNIT_ASSERT_FALSE(test, t->devs[n].idev->enforce_cache_coherency);
	c = idt_add_dev(test, "idt-c", NULL, NULL, 0);
	KUNIT_ASSERT_TRUE(test, t->devs[c].idev->enforce_cache_coherency);
	ioas_id = idt_ioas_alloc(test);

	/* An empty domain is upgraded in place */
	pt_n = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, n, &pt_n), 0);
	KUNIT_EXPECT_FALSE(test, idt_hwpt_coherent(test, pt_n));
	pt_c = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, c, &pt_c), 0);
	KUNIT_EXPECT_EQ(test, pt_c, pt_n);
	KUNIT_EXPECT_TRUE(test, idt_hwpt_coherent(test, pt_n));
	idt_detach(test, c);
	idt_detach(test, n);

	/* A domain with mappings cannot be: c gets its own */
	pt_n = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, n, &pt_n), 0);
	KUNIT_ASSERT_EQ(test, idt_map_fixed(test, ioas_id, SZ_1M, PAGE_SIZE),
			0);
	pt_c = ioas_id;
	KUNIT_ASSERT_EQ(test, idt_attach(test, c, &pt_c), 0);
	KUNIT_EXPECT_NE(test, pt_c, pt_n);
	KUNIT_EXPECT_FALSE(test, idt_hwpt_coherent(test, pt_n));
	KUNIT_EXPECT_TRUE(test, idt_hwpt_coherent(test, pt_c));
	KUNIT_EXPECT_PTR_EQ(test, idt_cur_domain(test, c),
			    idt_hwpt_domain(test, pt_c));
}

static struct kunit_case iommufd_device_cases[] = {
	KUNIT_CASE(iommufd_bind_claims_dma_owner),
	KUNIT_CASE(iommufd_group_shares_auto_hwpt),
	KUNIT_CASE(iommufd_group_split_einval),
	KUNIT_CASE(iommufd_group_leaves_on_last_detach),
	KUNIT_CASE(iommufd_group_replace_moves_group),
	KUNIT_CASE(iommufd_auto_domain_einval_tries_next),
	KUNIT_CASE(iommufd_auto_domain_other_errno_final),
	KUNIT_CASE(iommufd_auto_domain_bad_errno_forwarded),
	KUNIT_CASE(iommufd_resv_regions_enforced),
	KUNIT_CASE(iommufd_coherent_device_upgrades_or_moves),
	{}
};

static struct kunit_suite iommufd_device_suite = {
	.name = "iommufd_device",
	.init = idt_init,
	.exit = idt_exit,
	.test_cases = iommufd_device_cases,
};

kunit_test_suite(iommufd_device_suite);
