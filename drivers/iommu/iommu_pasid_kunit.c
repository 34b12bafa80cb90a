// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of PASID attachment, attach handles (PASID and RID) and
 * global PASID allocation.
 *
 * Numbers in comments refer to the conformance list of the IOMMU core
 * reference (ref/core.md section 12).
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/xarray.h>
#include <kunit/bug.h>
#include <kunit/device.h>
#include <kunit/test.h>

#include "iommu-mock.h"
#include "iommu-priv.h"

static struct mock_iommu *pasid_inst(struct kunit *test)
{
	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	return MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
}

/* A "pas-a" device on a fresh instance, and @nr paging domains for it */
static struct device *pasid_dev_paging(struct kunit *test,
				       struct mock_iommu **inst,
				       unsigned long flags,
				       struct iommu_domain **d, unsigned int nr)
{
	struct device *dev;
	unsigned int i;

	*inst = pasid_inst(test);
	dev = MOCK_DEV(test, *inst, "pas-a", flags);
	for (i = 0; i < nr; i++)
		d[i] = MOCK_PAGING(test, dev);
	return dev;
}

/* A device, its group and its instance, with up to two paging domains */
struct pasid_env {
	struct mock_iommu *inst;
	struct device *dev;
	struct iommu_group *group;
	struct iommu_domain *d[2];
};

static void pasid_setup(struct kunit *test, struct pasid_env *env,
			unsigned long flags, unsigned int nr)
{
	env->dev = pasid_dev_paging(test, &env->inst, flags, env->d, nr);
	env->group = env->dev->iommu_group;
}

/* What iommu_attach_handle_get() finds for the RID of @group, any type */
static void pasid_expect_rid_handle(struct kunit *test,
				    struct iommu_group *group,
				    struct iommu_attach_handle *expected)
{
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group,
							  IOMMU_NO_PASID, 0),
			    expected);
}

/* 55: a domain that cannot do PASIDs is refused before anything else */
static void attach_pasid_without_set_dev_pasid_eopnotsupp(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct mock_iommu *nopasid = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
						.without = MOCK_WITHOUT_PASID);
	struct device *dev = MOCK_DEV(test, nopasid, "pas-a", MOCK_DEV_PASID);
	struct device *bare = kunit_device_register(test, "pas-bare");
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bare);
	KUNIT_ASSERT_NULL(test, domain->ops->set_dev_pasid);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(domain, dev, 1, NULL),
			-EOPNOTSUPP);
	/* Checked before the group: a device without one still gets it */
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(domain, bare, 1, NULL),
			-EOPNOTSUPP);
	/* Static identity domains of this driver have no set_dev_pasid */
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(mock_iommu_identity(inst),
							bare, 1, NULL),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(nopasid, MOCK_OP_SET_DEV_PASID),
			0);
}

/* The device check comes next */
static void attach_pasid_without_group_enodev(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "pas-a", MOCK_DEV_PASID);
	struct device *bare = kunit_device_register(test, "pas-bare");
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bare);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(domain, bare, 1, NULL),
			-ENODEV);
}

/* 56 */
static void attach_pasid_zero_einval(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "pas-a", MOCK_DEV_PASID);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(domain, dev,
							IOMMU_NO_PASID, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_SET_DEV_PASID), 0);
	KUNIT_EXPECT_TRUE(test, xa_empty(&dev->iommu_group->pasid_array));
}

/* 57 */
static void attach_pasid_foreign_owner_einval(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct mock_iommu *other = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "pas-a", MOCK_DEV_PASID);
	struct device *odev = MOCK_DEV(test, other, "pas-o", MOCK_DEV_PASID);
	struct iommu_domain *foreign = MOCK_PAGING(test, odev);

	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(foreign, dev, 1, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_SET_DEV_PASID), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(other, MOCK_OP_SET_DEV_PASID),
			0);
}

/* 58 */
static void attach_pasid_beyond_max_einval(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct mock_dev_config cfg = { .name = "pas-a", .pasid_bits = 4 };
	struct device *dev = mock_dev_create_cfg(test, inst, &cfg);
	struct iommu_domain *domain;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	KUNIT_ASSERT_EQ(test, dev->iommu->max_pasids, 16U);
	domain = MOCK_PAGING(test, dev);

	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(domain, dev, 16, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(domain, dev, 1000,
							NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_SET_DEV_PASID), 0);

	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(domain, dev, 15, NULL),
			0);
	iommu_detach_device_pasid(domain, dev, 15);
}

/* The instance caps the device's PASID width */
static void max_pasids_is_capped_by_instance(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *wide, *none;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .max_pasids = 64);
	wide = MOCK_DEV(test, inst, "pas-wide", MOCK_DEV_PASID);
	none = MOCK_DEV(test, inst, "pas-none", 0);

	KUNIT_EXPECT_EQ(test, wide->iommu->max_pasids, 64U);
	KUNIT_EXPECT_EQ(test, none->iommu->max_pasids, 0U);
}

/* 59 */
static void attach_pasid_twice_ebusy(struct kunit *test)
{
	struct pasid_env env;
	struct iommu_attach_handle handle = {};

	pasid_setup(test, &env, MOCK_DEV_PASID, 2);
	/* Attached without a handle: still busy */
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(env.d[0], env.dev, 9, NULL), 0);
	mock_iommu_log_clear(env.inst);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(env.d[1], env.dev, 9, &handle),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(env.d[0], env.dev, 9, NULL),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_SET_DEV_PASID), 0);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(env.dev, 9), env.d[0]);
	iommu_detach_device_pasid(env.d[0], env.dev, 9);

	/* Attached with a handle: busy as well */
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(env.d[0], env.dev, 9, &handle),
			0);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(env.d[1], env.dev, 9, NULL),
			-EBUSY);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(env.dev, 9), env.d[0]);
	iommu_detach_device_pasid(env.d[0], env.dev, 9);
}

struct pasid_fail_case {
	int err;
	const char *desc;
};

static const struct pasid_fail_case pasid_fail_cases[] = {
	{ -ENOMEM, "ENOMEM" },
	{ -EINVAL, "EINVAL" },
	{ -ENOSPC, "ENOSPC" },
	{ -ENODEV, "ENODEV" },
};

KUNIT_ARRAY_PARAM_DESC(pasid_fail, pasid_fail_cases, desc);

/*
 * 60: set_dev_pasid fails on the second member: the first is undone, the
 * slot is free again and the error is returned.
 */
static void set_dev_pasid_failure_unwinds(struct kunit *test)
{
	const struct pasid_fail_case *p = test->param_value;
	struct mock_iommu *inst = pasid_inst(test);
	struct device *a = MOCK_DEV(test, inst, "pas-a", MOCK_DEV_PASID);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "pas-b",
					     MOCK_DEV_PASID, a);
	struct iommu_domain *domain = MOCK_PAGING(test, a);
	struct iommu_attach_handle handle = {};
	const struct mock_call *call;

	mock_iommu_fail(inst, MOCK_OP_SET_DEV_PASID, p->err, 1, b, NULL);
	mock_iommu_log_clear(inst);

	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(domain, a, 4, &handle),
			p->err);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_SET_DEV_PASID), 2);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_REMOVE_DEV_PASID),
			1);
	call = mock_iommu_last_call(inst, MOCK_OP_REMOVE_DEV_PASID);
	KUNIT_ASSERT_NOT_NULL(test, call);
	KUNIT_EXPECT_PTR_EQ(test, call->dev, a);
	KUNIT_EXPECT_EQ(test, call->pasid, 4U);
	KUNIT_EXPECT_NULL(test, mock_dev_pasid_domain(a, 4));
	KUNIT_EXPECT_NULL(test, mock_dev_pasid_domain(b, 4));
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(a->iommu_group, 4, 0),
			    ERR_PTR(-ENOENT));

	/* The slot is free: a later attach works */
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(domain, a, 4, &handle),
			0);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(b, 4), domain);
	iommu_detach_device_pasid(domain, a, 4);
}

/* 60: with a failure on the first member nothing needs undoing */
static void set_dev_pasid_first_failure_no_remove(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct device *a = MOCK_DEV(test, inst, "pas-a", MOCK_DEV_PASID);
	struct iommu_domain *domain = MOCK_PAGING(test, a);

	mock_iommu_fail(inst, MOCK_OP_SET_DEV_PASID, -ENOSPC, 1, NULL, NULL);
	mock_iommu_log_clear(inst);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(domain, a, 4, NULL),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_REMOVE_DEV_PASID),
			0);
	KUNIT_EXPECT_TRUE(test, xa_empty(&a->iommu_group->pasid_array));
}

/* PASID-less members of a group are skipped */
static void pasid_attach_skips_members_without_pasid(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct device *a = MOCK_DEV(test, inst, "pas-a", MOCK_DEV_PASID);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "pas-b", 0, a);
	struct iommu_domain *domain = MOCK_PAGING(test, a);

	mock_iommu_log_clear(inst);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(domain, a, 2, NULL), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst, MOCK_OP_SET_DEV_PASID,
						   a, domain), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst, MOCK_OP_SET_DEV_PASID,
						   b, NULL), 0);
	iommu_detach_device_pasid(domain, a, 2);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst,
						   MOCK_OP_REMOVE_DEV_PASID,
						   b, NULL), 0);
}

/* A group without any PASID-capable member: nothing to program */
static void pasid_attach_without_capable_members(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "pas-a", 0);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_EQ(test, dev->iommu->max_pasids, 0U);
	mock_iommu_log_clear(inst);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(domain, dev, 2, NULL),
			0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_SET_DEV_PASID), 0);
	iommu_detach_device_pasid(domain, dev, 2);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_REMOVE_DEV_PASID),
			0);
	KUNIT_EXPECT_TRUE(test, xa_empty(&dev->iommu_group->pasid_array));
}

/* 61 */
static void detach_pasid_removes_and_frees_slot(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct device *a = MOCK_DEV(test, inst, "pas-a", MOCK_DEV_PASID);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "pas-b",
					     MOCK_DEV_PASID, a);
	struct iommu_domain *domain = MOCK_PAGING(test, a);
	struct iommu_domain *other = MOCK_PAGING(test, a);

	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(domain, a, 6, NULL), 0);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(a, 6), domain);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(b, 6), domain);
	mock_iommu_log_clear(inst);

	iommu_detach_device_pasid(domain, b, 6);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst,
						   MOCK_OP_REMOVE_DEV_PASID,
						   a, domain), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst,
						   MOCK_OP_REMOVE_DEV_PASID,
						   b, domain), 1);
	KUNIT_EXPECT_NULL(test, mock_dev_pasid_domain(a, 6));
	KUNIT_EXPECT_TRUE(test, xa_empty(&a->iommu_group->pasid_array));

	/* And it can be attached again, by another domain */
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(other, a, 6, NULL), 0);
	iommu_detach_device_pasid(other, a, 6);
}

/* 62, seed scenario */
static void attach_handle_get_free_pasid_enoent(struct kunit *test)
{
	struct pasid_env env;

	pasid_setup(test, &env, MOCK_DEV_PASID, 1);
	/* Never used */
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(env.group, 10, 0),
			    ERR_PTR(-ENOENT));
	KUNIT_EXPECT_PTR_EQ(test,
			    iommu_attach_handle_get(env.group, 10, IOMMU_DOMAIN_SVA),
			    ERR_PTR(-ENOENT));
	/* Used without a handle: busy for attach, but no handle to get */
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(env.d[0], env.dev, 10, NULL),
			0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(env.group, 10, 0),
			    ERR_PTR(-ENOENT));
	iommu_detach_device_pasid(env.d[0], env.dev, 10);
	/* Free again */
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(env.group, 10, 0),
			    ERR_PTR(-ENOENT));
	/* No RID handle either */
	KUNIT_EXPECT_PTR_EQ(test,
			    iommu_attach_handle_get(env.group, IOMMU_NO_PASID, 0),
			    ERR_PTR(-ENOENT));
}

/* 63, seed scenario */
static void attach_handle_get_other_type_ebusy(struct kunit *test)
{
	struct pasid_env env;
	struct iommu_attach_handle handle = {};

	pasid_setup(test, &env, MOCK_DEV_PASID, 1);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(env.d[0], env.dev, 11,
							&handle), 0);
	KUNIT_EXPECT_PTR_EQ(test,
			    iommu_attach_handle_get(env.group, 11, IOMMU_DOMAIN_SVA),
			    ERR_PTR(-EBUSY));
	KUNIT_EXPECT_PTR_EQ(test,
			    iommu_attach_handle_get(env.group, 11, IOMMU_DOMAIN_NESTED),
			    ERR_PTR(-EBUSY));
	/* Type 0 means any type; the matching type works too */
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(env.group, 11, 0),
			    &handle);
	KUNIT_EXPECT_PTR_EQ(test,
			    iommu_attach_handle_get(env.group, 11,
						    IOMMU_DOMAIN_UNMANAGED),
			    &handle);
	iommu_detach_device_pasid(env.d[0], env.dev, 11);
}

/* 64 */
static void attach_sets_handle_domain(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "pas-a", MOCK_DEV_PASID);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);
	struct iommu_domain *rid = MOCK_PAGING(test, dev);
	struct iommu_attach_handle handle = {}, rid_handle = {};

	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(domain, dev, 12,
							&handle), 0);
	KUNIT_EXPECT_PTR_EQ(test, handle.domain, domain);
	KUNIT_ASSERT_EQ(test, iommu_attach_group_handle(rid, dev->iommu_group,
							&rid_handle), 0);
	KUNIT_EXPECT_PTR_EQ(test, rid_handle.domain, rid);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), rid);

	iommu_detach_group_handle(rid, dev->iommu_group);
	iommu_detach_device_pasid(domain, dev, 12);
}

/* 65 */
static void group_handle_present_ebusy(struct kunit *test)
{
	struct pasid_env env;
	struct iommu_attach_handle h1 = {}, h2 = {};

	pasid_setup(test, &env, 0, 2);
	KUNIT_ASSERT_EQ(test, iommu_attach_group_handle(env.d[0], env.group, &h1), 0);
	mock_iommu_log_clear(env.inst);
	KUNIT_EXPECT_EQ(test, iommu_attach_group_handle(env.d[1], env.group, &h2),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_ATTACH_DEV), 0);
	pasid_expect_rid_handle(test, env.group, &h1);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(env.dev), env.d[0]);

	iommu_detach_group_handle(env.d[0], env.group);
	pasid_expect_rid_handle(test, env.group, ERR_PTR(-ENOENT));
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(env.dev),
			    iommu_group_default_domain(env.group));
}

/* 65: a failed handle attach frees index 0 again */
static void group_handle_failed_attach_frees_slot(struct kunit *test)
{
	struct pasid_env env;
	struct iommu_attach_handle handle = {};

	pasid_setup(test, &env, 0, 1);
	mock_iommu_fail(env.inst, MOCK_OP_ATTACH_DEV, -ENOMEM, 1, env.dev, env.d[0]);
	KUNIT_EXPECT_EQ(test, iommu_attach_group_handle(env.d[0], env.group,
							&handle), -ENOMEM);
	KUNIT_EXPECT_TRUE(test, xa_empty(&env.group->pasid_array));
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(env.dev),
			    iommu_group_default_domain(env.group));

	KUNIT_EXPECT_EQ(test, iommu_attach_group_handle(env.d[0], env.group,
							&handle), 0);
	iommu_detach_group_handle(env.d[0], env.group);
}

/* 65: the group attach rules (EBUSY on a non-core domain) still apply */
static void group_handle_on_non_core_domain_ebusy(struct kunit *test)
{
	struct pasid_env env;
	struct iommu_attach_handle handle = {};

	pasid_setup(test, &env, 0, 2);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(env.d[0], env.group), 0);
	KUNIT_EXPECT_EQ(test, iommu_attach_group_handle(env.d[1], env.group, &handle),
			-EBUSY);
	KUNIT_EXPECT_TRUE(test, xa_empty(&env.group->pasid_array));
	iommu_detach_group(env.d[0], env.group);
}

/* 66: a failing replace keeps the old handle */
static void replace_handle_failure_keeps_old_handle(struct kunit *test)
{
	struct pasid_env env;
	struct iommu_attach_handle h1 = {}, h2 = {};

	pasid_setup(test, &env, 0, 2);
	KUNIT_ASSERT_EQ(test, iommu_attach_group_handle(env.d[0], env.group, &h1), 0);
	mock_iommu_fail(env.inst, MOCK_OP_ATTACH_DEV, -ENOSPC, 1, env.dev, env.d[1]);

	KUNIT_EXPECT_EQ(test, iommu_replace_group_handle(env.group, env.d[1], &h2),
			-ENOSPC);
	pasid_expect_rid_handle(test, env.group, &h1);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(env.dev), env.d[0]);

	/* 66: when it works the new handle is there */
	KUNIT_EXPECT_EQ(test, iommu_replace_group_handle(env.group, env.d[1], &h2), 0);
	pasid_expect_rid_handle(test, env.group, &h2);
	KUNIT_EXPECT_PTR_EQ(test, h2.domain, env.d[1]);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(env.dev), env.d[1]);

	iommu_detach_group_handle(env.d[1], env.group);
}

/* 66: replacing with a NULL handle drops the old one; NULL domain fails */
static void replace_handle_null_cases(struct kunit *test)
{
	struct pasid_env env;
	struct iommu_attach_handle h1 = {};

	pasid_setup(test, &env, 0, 2);
	KUNIT_EXPECT_EQ(test, iommu_replace_group_handle(env.group, NULL, &h1),
			-EINVAL);
	/* Replacing from the default domain without a previous handle */
	KUNIT_ASSERT_EQ(test, iommu_replace_group_handle(env.group, env.d[0], &h1), 0);
	pasid_expect_rid_handle(test, env.group, &h1);
	KUNIT_ASSERT_EQ(test, iommu_replace_group_handle(env.group, env.d[1], NULL), 0);
	pasid_expect_rid_handle(test, env.group, ERR_PTR(-ENOENT));
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(env.dev), env.d[1]);
	iommu_detach_group(env.d[1], env.group);
}

/* 67 */
static void global_pasid_range(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct mock_dev_config cfg = { .name = "pas-a", .pasid_bits = 3 };
	struct device *dev = mock_dev_create_cfg(test, inst, &cfg);
	struct device *none = MOCK_DEV(test, inst, "pas-none", 0);
	ioasid_t got[8];
	int n = 0, i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	KUNIT_EXPECT_EQ(test, iommu_alloc_global_pasid(none),
			IOMMU_PASID_INVALID);

	/* max_pasids = 8: at most 7 PASIDs, all in [1, 7] */
	for (i = 0; i < 8; i++) {
		ioasid_t pasid = iommu_alloc_global_pasid(dev);

		if (pasid == IOMMU_PASID_INVALID)
			break;
		KUNIT_EXPECT_GE(test, pasid, IOMMU_FIRST_GLOBAL_PASID);
		KUNIT_EXPECT_LT(test, pasid, 8U);
		got[n++] = pasid;
	}
	/* Other tests may hold some; never more than the range has */
	KUNIT_EXPECT_LE(test, n, 7);
	KUNIT_EXPECT_EQ(test, iommu_alloc_global_pasid(dev),
			IOMMU_PASID_INVALID);
	for (i = 0; i < n; i++)
		iommu_free_global_pasid(got[i]);
	if (n) {
		ioasid_t again = iommu_alloc_global_pasid(dev);

		KUNIT_EXPECT_NE(test, again, IOMMU_PASID_INVALID);
		iommu_free_global_pasid(again);
	}
}

/* Freeing the invalid PASID is a bug the core warns about */
static void free_invalid_global_pasid_warns(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_free_global_pasid);

	START_SUPPRESSED_WARNING(iommu_free_global_pasid);
	iommu_free_global_pasid(IOMMU_PASID_INVALID);
	END_SUPPRESSED_WARNING(iommu_free_global_pasid);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(iommu_free_global_pasid),
			1);
}

struct pasid_errno_case {
	int err;
	int warns;
	const char *desc;
};

static const struct pasid_errno_case pasid_errno_cases[] = {
	{ -ENOMEM, 0, "ENOMEM" },
	{ -EBUSY, 0, "EBUSY" },
	{ -ENODEV, 0, "ENODEV" },
	{ -EIO, 1, "EIO" },
	{ -EOPNOTSUPP, 1, "EOPNOTSUPP" },
	{ -EPERM, 1, "EPERM" },
};

KUNIT_ARRAY_PARAM_DESC(pasid_errno, pasid_errno_cases, desc);

/* set_dev_pasid() follows the attach errno contract */
static void set_dev_pasid_errno_contract(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_check_attach_result);
	const struct pasid_errno_case *p = test->param_value;
	struct mock_iommu *inst = pasid_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "pas-a", MOCK_DEV_PASID);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);
	int ret;

	mock_iommu_fail(inst, MOCK_OP_SET_DEV_PASID, p->err, 1, NULL, NULL);
	START_SUPPRESSED_WARNING(iommu_check_attach_result);
	ret = iommu_attach_device_pasid(domain, dev, 3, NULL);
	END_SUPPRESSED_WARNING(iommu_check_attach_result);

	KUNIT_EXPECT_EQ(test, ret, p->err);
	KUNIT_EXPECT_EQ(test,
			SUPPRESSED_WARNING_COUNT(iommu_check_attach_result),
			p->warns);
	KUNIT_EXPECT_TRUE(test, xa_empty(&dev->iommu_group->pasid_array));
}

/* A PASID of the RID's own domain: PASID and RID are independent */
static void pasid_and_rid_are_independent(struct kunit *test)
{
	struct mock_iommu *inst = pasid_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "pas-a", MOCK_DEV_PASID);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);
	struct iommu_domain *def = iommu_get_domain_for_dev(dev);

	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(domain, dev, 1, NULL),
			0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), def);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, dev->iommu_group), 0);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(dev, 1), domain);
	iommu_detach_group(domain, dev->iommu_group);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(dev, 1), domain);
	iommu_detach_device_pasid(domain, dev, 1);
}

static struct kunit_case iommu_pasid_cases[] = {
	KUNIT_CASE(attach_pasid_without_set_dev_pasid_eopnotsupp),
	KUNIT_CASE(attach_pasid_without_group_enodev),
	KUNIT_CASE(attach_pasid_zero_einval),
	KUNIT_CASE(attach_pasid_foreign_owner_einval),
	KUNIT_CASE(attach_pasid_beyond_max_einval),
	KUNIT_CASE(max_pasids_is_capped_by_instance),
	KUNIT_CASE(attach_pasid_twice_ebusy),
	KUNIT_CASE_PARAM(set_dev_pasid_failure_unwinds, pasid_fail_gen_params),
	KUNIT_CASE(set_dev_pasid_first_failure_no_remove),
	KUNIT_CASE(pasid_attach_skips_members_without_pasid),
	KUNIT_CASE(pasid_attach_without_capable_members),
	KUNIT_CASE(detach_pasid_removes_and_frees_slot),
	KUNIT_CASE(attach_handle_get_free_pasid_enoent),
	KUNIT_CASE(attach_handle_get_other_type_ebusy),
	KUNIT_CASE(attach_sets_handle_domain),
	KUNIT_CASE(group_handle_present_ebusy),
	KUNIT_CASE(group_handle_failed_attach_frees_slot),
	KUNIT_CASE(group_handle_on_non_core_domain_ebusy),
	KUNIT_CASE(replace_handle_failure_keeps_old_handle),
	KUNIT_CASE(replace_handle_null_cases),
	KUNIT_CASE(global_pasid_range),
	KUNIT_CASE(free_invalid_global_pasid_warns),
	KUNIT_CASE_PARAM(set_dev_pasid_errno_contract, pasid_errno_gen_params),
	KUNIT_CASE(pasid_and_rid_are_independent),
	{}
};

static struct kunit_suite iommu_pasid_suite = {
	.name = "iommu_pasid",
	.test_cases = iommu_pasid_cases,
};

kunit_test_suite(iommu_pasid_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_IMPORT_NS(IOMMUFD_INTERNAL);
