// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of attaching, detaching and replacing domains, and of the
 * attach_dev() errno contract.
 *
 * Numbers in comments refer to the conformance list of the IOMMU core
 * reference (ref/core.md section 12).
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <kunit/bug.h>
#include <kunit/device.h>
#include <kunit/test.h>

#include "iommu-mock.h"
#include "iommu-priv.h"

/* A modern instance with a strict DMA default domain policy */
static struct mock_iommu *attach_inst(struct kunit *test)
{
	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	return MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
}

/* How many attach_dev calls of @domain (any device) are logged */
static unsigned int attach_calls(struct mock_iommu *inst,
				 struct iommu_domain *domain)
{
	return mock_iommu_count_for(inst, MOCK_OP_ATTACH_DEV, NULL, domain);
}

/* @domain attached to @group, then the call log emptied */
static void attach_group_then_clear(struct kunit *test, struct mock_iommu *inst,
				    struct iommu_domain *domain,
				    struct iommu_group *group)
{
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);
	mock_iommu_log_clear(inst);
}

/* "att-a" plus "att-b" and "att-c" in its group, in that list order */
static void attach_three_members(struct kunit *test, struct mock_iommu *inst,
				 struct device *devs[3])
{
	devs[0] = MOCK_DEV(test, inst, "att-a", 0);
	devs[1] = MOCK_DEV_IN_GROUP(test, inst, "att-b", 0, devs[0]);
	devs[2] = MOCK_DEV_IN_GROUP(test, inst, "att-c", 0, devs[0]);
}

/* Both members of a two-device group are on @domain, core and driver side */
static void attach_expect_pair_on(struct kunit *test, struct device *a,
				  struct device *b, struct iommu_domain *domain)
{
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(a), domain);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(b), domain);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(a), domain);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(b), domain);
}

/* An "att-a" device on a fresh instance, and @nr paging domains for it */
static struct device *attach_dev_paging(struct kunit *test,
					struct mock_iommu **inst,
					struct iommu_domain **d, unsigned int nr)
{
	struct device *dev;
	unsigned int i;

	*inst = attach_inst(test);
	dev = MOCK_DEV(test, *inst, "att-a", 0);
	for (i = 0; i < nr; i++)
		d[i] = MOCK_PAGING(test, dev);
	return dev;
}

/* attach_dev_paging(), with the group already on d[0] and the log empty */
static struct device *attach_dev_on_first(struct kunit *test,
					  struct mock_iommu **inst,
					  struct iommu_domain **d,
					  unsigned int nr)
{
	struct device *dev = attach_dev_paging(test, inst, d, nr);

	attach_group_then_clear(test, *inst, d[0], dev->iommu_group);
	return dev;
}

/* An "att-a" device on a fresh instance; its group's default domain in @def */
static struct device *attach_dev_default(struct kunit *test,
					 struct mock_iommu **inst,
					 struct iommu_domain **def)
{
	struct device *dev;

	*inst = attach_inst(test);
	dev = MOCK_DEV(test, *inst, "att-a", 0);

	*def = iommu_group_default_domain(dev->iommu_group);
	return dev;
}

/* 10: no group, no attach */
static void attach_device_without_group_enodev(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "att-a", 0);
	struct device *bare = kunit_device_register(test, "att-bare");
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bare);
	mock_iommu_log_clear(inst);

	KUNIT_EXPECT_EQ(test, iommu_attach_device(domain, bare), -ENODEV);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_NULL(test, iommu_get_domain_for_dev(bare));
}

/* 11: a multi-device group can only be attached as a group */
static void attach_device_two_device_group_einval(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct device *a = MOCK_DEV(test, inst, "att-a", 0);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "att-b", 0, a);
	struct iommu_domain *def = iommu_get_domain_for_dev(a);
	struct iommu_domain *domain = MOCK_PAGING(test, a);

	KUNIT_ASSERT_PTR_EQ(test, a->iommu_group, b->iommu_group);
	mock_iommu_log_clear(inst);

	KUNIT_EXPECT_EQ(test, iommu_attach_device(domain, a), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_attach_device(domain, b), -EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(a), def);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(b), def);
}

/* The single-device path works and detaches back to the default */
static void attach_device_single_and_detach(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "att-a", 0);
	struct iommu_domain *def = iommu_get_domain_for_dev(dev);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_EQ(test, iommu_attach_device(domain, dev), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), domain);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), domain);

	iommu_detach_device(domain, dev);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), def);
}

/* 12: a group on a non-core domain must be detached first */
static void attach_group_on_non_default_domain_ebusy(struct kunit *test)
{
	struct iommu_domain *d[2];
	struct mock_iommu *inst;
	struct device *dev = attach_dev_on_first(test, &inst, d, 2);
	struct iommu_group *group = dev->iommu_group;

	KUNIT_EXPECT_EQ(test, iommu_attach_group(d[1], group), -EBUSY);
	KUNIT_EXPECT_EQ(test, attach_calls(inst, d[1]), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), d[0]);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), d[0]);

	iommu_detach_group(d[0], group);
}

/* 13: the EBUSY check comes before the "same domain" short cut */
static void attach_group_same_domain_twice_ebusy(struct kunit *test)
{
	struct iommu_domain *d[1];
	struct mock_iommu *inst;
	struct device *dev = attach_dev_on_first(test, &inst, d, 1);
	struct iommu_group *group = dev->iommu_group;

	KUNIT_EXPECT_EQ(test, iommu_attach_group(d[0], group), -EBUSY);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), d[0]);

	iommu_detach_group(d[0], group);
}

/* 14: a domain of another driver is incompatible */
static void attach_group_foreign_owner_einval(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct mock_iommu *other = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "att-a", 0);
	struct device *odev = MOCK_DEV(test, other, "att-o", 0);
	struct iommu_domain *def = iommu_get_domain_for_dev(dev);
	struct iommu_domain *foreign = MOCK_PAGING(test, odev);

	mock_iommu_log_clear(inst);
	mock_iommu_log_clear(other);

	KUNIT_EXPECT_EQ(test, iommu_attach_group(foreign, dev->iommu_group),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_attach_device(foreign, dev), -EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(other, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
}

/* 14: static domains have no owner, so the owner check refuses them */
static void attach_group_static_domain_einval(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "att-a", 0);

	mock_iommu_log_clear(inst);
	KUNIT_EXPECT_EQ(test, iommu_attach_group(mock_iommu_identity(inst),
						 dev->iommu_group), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_attach_group(mock_iommu_blocked(inst),
						 dev->iommu_group), -EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
}

/* 15: attaching the default domain again is a no-op */
static void attach_group_default_domain_no_driver_call(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *def;
	struct device *dev = attach_dev_default(test, &inst, &def);
	struct iommu_group *group = dev->iommu_group;

	KUNIT_ASSERT_NOT_NULL(test, def);
	KUNIT_ASSERT_EQ(test, def->type, IOMMU_DOMAIN_DMA);
	mock_iommu_log_clear(inst);

	KUNIT_EXPECT_EQ(test, iommu_attach_group(def, group), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
}

static int attach_owner_cookie;

/* 16, 22: an owned group is attachable, and detaches to blocking */
static void attach_group_while_owned(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "att-a", 0);
	struct iommu_group *group = dev->iommu_group;
	struct iommu_domain *domain = MOCK_PAGING(test, dev);
	int ret;

	ret = iommu_group_claim_dma_owner(group, &attach_owner_cookie);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_ASSERT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
			    group->blocking_domain);

	KUNIT_EXPECT_EQ(test, iommu_attach_group(domain, group), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), domain);

	/* 22 */
	iommu_detach_group(domain, group);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
			    group->blocking_domain);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev),
			    mock_iommu_blocked(inst));

	iommu_group_release_dma_owner(group);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
			    iommu_group_default_domain(group));
}

/* 17, 20: one attach_dev per member, in list order */
static void group_attach_once_per_device_in_order(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct device *order[3];
	struct iommu_group *group;
	struct iommu_domain *domain;
	int idx = 0;
	int i;

	attach_three_members(test, inst, order);
	group = order[0]->iommu_group;
	domain = MOCK_PAGING(test, order[0]);
	mock_iommu_log_clear(inst);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);

	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 3);
	for (i = 0; i < ARRAY_SIZE(order); i++) {
		const struct mock_call *call;

		idx = mock_iommu_find_call(inst, MOCK_OP_ATTACH_DEV, idx);
		KUNIT_ASSERT_GE(test, idx, 0);
		call = mock_iommu_call(inst, idx++);
		KUNIT_EXPECT_PTR_EQ(test, call->dev, order[i]);
		KUNIT_EXPECT_PTR_EQ(test, call->domain, domain);
		/* 20 */
		KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(order[i]),
				    domain);
		KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(order[i]),
				    domain);
	}

	iommu_detach_group(domain, group);
}

struct attach_fail_case {
	unsigned int k;
	int err;
	const char *desc;
};

static const struct attach_fail_case attach_fail_cases[] = {
	{ 1, -ENOMEM, "dev1-ENOMEM" },
	{ 2, -EINVAL, "dev2-EINVAL" },
	{ 3, -ENOSPC, "dev3-ENOSPC" },
	{ 2, -EBUSY, "dev2-EBUSY" },
	{ 3, -ENODEV, "dev3-ENODEV" },
	{ 1, -EINVAL, "dev1-EINVAL" },
};

KUNIT_ARRAY_PARAM_DESC(attach_fail, attach_fail_cases, desc);

/*
 * 18, 19: the k-th member fails: its errno comes back unchanged, members
 * 1..k return to the old domain and the group stays where it was.
 */
static void group_attach_kth_failure_rolls_back(struct kunit *test)
{
	const struct attach_fail_case *p = test->param_value;
	struct mock_iommu *inst = attach_inst(test);
	struct device *devs[3];
	struct iommu_group *group;
	struct iommu_domain *def, *domain;
	int i;

	attach_three_members(test, inst, devs);
	group = devs[0]->iommu_group;
	def = iommu_group_default_domain(group);
	domain = MOCK_PAGING(test, devs[0]);
	mock_iommu_fail(inst, MOCK_OP_ATTACH_DEV, p->err, 0, devs[p->k - 1],
			domain);
	mock_iommu_log_clear(inst);

	KUNIT_EXPECT_EQ(test, iommu_attach_group(domain, group), p->err);

	/* Members 1..k tried the new domain, then went back, in order */
	KUNIT_EXPECT_EQ(test, attach_calls(inst, domain), p->k);
	KUNIT_EXPECT_EQ(test, attach_calls(inst, def), p->k);
	for (i = 0; i < ARRAY_SIZE(devs); i++) {
		KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(devs[i]),
				    def);
		KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(devs[i]), def);
	}

	/* Nothing is left half done: the same domain attaches later */
	mock_iommu_fail_clear(inst, MOCK_OP_ATTACH_DEV);
	KUNIT_EXPECT_EQ(test, iommu_attach_group(domain, group), 0);
	iommu_detach_group(domain, group);
}

/* 21: the domain argument of iommu_detach_group() does not matter */
static void detach_group_ignores_domain_argument(struct kunit *test)
{
	struct iommu_domain *d[2];
	struct mock_iommu *inst;
	struct device *dev = attach_dev_paging(test, &inst, d, 2);
	struct iommu_group *group = dev->iommu_group;

	KUNIT_ASSERT_EQ(test, iommu_attach_group(d[0], group), 0);
	iommu_detach_group(d[1], group);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
			    iommu_group_default_domain(group));

	KUNIT_ASSERT_EQ(test, iommu_attach_group(d[0], group), 0);
	iommu_detach_group(NULL, group);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
			    iommu_group_default_domain(group));
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev),
			    iommu_group_default_domain(group));
}

/* 23: detaching a domain that is not attached changes nothing */
static void detach_device_wrong_domain_warns(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_detach_device);
	struct iommu_domain *d[2];
	struct mock_iommu *inst;
	struct device *dev = attach_dev_paging(test, &inst, d, 2);

	KUNIT_ASSERT_EQ(test, iommu_attach_device(d[0], dev), 0);
	mock_iommu_log_clear(inst);

	START_SUPPRESSED_WARNING(iommu_detach_device);
	iommu_detach_device(d[1], dev);
	END_SUPPRESSED_WARNING(iommu_detach_device);

	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(iommu_detach_device), 1);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), d[0]);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);

	iommu_detach_device(d[0], dev);
}

/* 23: iommu_detach_device() refuses multi-device groups */
static void detach_device_multi_device_group_warns(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_detach_device);
	struct mock_iommu *inst = attach_inst(test);
	struct device *a = MOCK_DEV(test, inst, "att-a", 0);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "att-b", 0, a);
	struct iommu_domain *domain = MOCK_PAGING(test, a);

	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, a->iommu_group), 0);

	START_SUPPRESSED_WARNING(iommu_detach_device);
	iommu_detach_device(domain, b);
	END_SUPPRESSED_WARNING(iommu_detach_device);

	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(iommu_detach_device), 1);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(b), domain);
	iommu_detach_group(domain, a->iommu_group);
}

/* 24 */
static void replace_null_domain_einval(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "att-a", 0);
	struct iommu_domain *def = iommu_get_domain_for_dev(dev);

	KUNIT_EXPECT_EQ(test, iommu_group_replace_domain(dev->iommu_group,
							 NULL), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
}

/* 25: D1 -> D2 directly: no EBUSY, no stop on the blocking domain */
static void replace_group_domain_works(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct device *a = MOCK_DEV(test, inst, "att-a", 0);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "att-b", 0, a);
	struct iommu_group *group = a->iommu_group;
	struct iommu_domain *d1 = MOCK_PAGING(test, a);
	struct iommu_domain *d2 = MOCK_PAGING(test, a);
	unsigned int i;

	attach_group_then_clear(test, inst, d1, group);

	KUNIT_EXPECT_EQ(test, iommu_group_replace_domain(group, d2), 0);
	attach_expect_pair_on(test, a, b, d2);

	/* Only D2 was attached: one call per member, nothing else */
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 2);
	for (i = 0; i < mock_iommu_nr_calls(inst); i++) {
		const struct mock_call *call = mock_iommu_call(inst, i);

		if (call->op == MOCK_OP_ATTACH_DEV)
			KUNIT_EXPECT_PTR_EQ(test, call->domain, d2);
	}
	KUNIT_EXPECT_NULL(test, group->blocking_domain);

	iommu_detach_group(d2, group);
}

/* 26: a failed replace leaves the group on D1 */
static void replace_failure_stays_on_old_domain(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct device *a = MOCK_DEV(test, inst, "att-a", 0);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "att-b", 0, a);
	struct iommu_group *group = a->iommu_group;
	struct iommu_domain *d1 = MOCK_PAGING(test, a);
	struct iommu_domain *d2 = MOCK_PAGING(test, a);

	KUNIT_ASSERT_EQ(test, iommu_attach_group(d1, group), 0);
	mock_iommu_fail(inst, MOCK_OP_ATTACH_DEV, -ENOSPC, 0, b, d2);

	KUNIT_EXPECT_EQ(test, iommu_group_replace_domain(group, d2), -ENOSPC);
	attach_expect_pair_on(test, a, b, d1);

	iommu_detach_group(d1, group);
}

/* 27 */
static void replace_same_domain_no_driver_call(struct kunit *test)
{
	struct iommu_domain *d[1];
	struct mock_iommu *inst;
	struct device *dev = attach_dev_on_first(test, &inst, d, 1);

	KUNIT_EXPECT_EQ(test, iommu_group_replace_domain(dev->iommu_group, d[0]),
			0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	iommu_detach_group(d[0], dev->iommu_group);
}

/* Replacing is also how a group leaves a paging domain for another driver */
static void replace_from_default_without_ebusy(struct kunit *test)
{
	struct iommu_domain *d[1];
	struct mock_iommu *inst;
	struct device *dev = attach_dev_paging(test, &inst, d, 1);

	KUNIT_EXPECT_EQ(test, iommu_group_replace_domain(dev->iommu_group, d[0]),
			0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), d[0]);
	iommu_detach_group(d[0], dev->iommu_group);
}

static const struct mock_resv attach_direct_resv[] = {
	{ .start = 0x100000, .length = SZ_64K,
	  .prot = IOMMU_READ | IOMMU_WRITE, .type = IOMMU_RESV_DIRECT },
};

/* 28: firmware-mandated 1:1 mappings forbid blocking */
static void direct_region_refuses_blocked_domain(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct mock_dev_config cfg = {
		.name = "att-direct",
		.resv = attach_direct_resv,
		.nr_resv = ARRAY_SIZE(attach_direct_resv),
	};
	struct device *dev = mock_dev_create_cfg(test, inst, &cfg);
	struct iommu_domain *def;
	int ret;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	def = iommu_get_domain_for_dev(dev);
	KUNIT_EXPECT_TRUE(test, dev->iommu->require_direct);
	mock_iommu_log_clear(inst);

	ret = iommu_group_replace_domain(dev->iommu_group,
					 mock_iommu_blocked(inst));
	KUNIT_EXPECT_EQ(test, ret, -EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
}

/* A device whose instance defers attaching its default domain (kdump) */
static struct device *attach_deferred_dev(struct kunit *test,
					  struct mock_iommu **inst)
{
	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	*inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .attach_deferred = true);
	return MOCK_DEV(test, *inst, "att-kdump", MOCK_DEV_ATTACH_DEFERRED);
}

/* 29: a deferred attach skips only the default domain */
static void attach_deferred_skips_only_default(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;
	struct iommu_domain *def, *domain;

	dev = attach_deferred_dev(test, &inst);
	def = iommu_get_domain_for_dev(dev);

	KUNIT_ASSERT_NOT_NULL(test, def);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_NULL(test, mock_dev_rid_domain(dev));
	KUNIT_EXPECT_TRUE(test, dev->iommu->attach_deferred);

	domain = MOCK_PAGING(test, dev);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, dev->iommu_group), 0);
	KUNIT_EXPECT_EQ(test, attach_calls(inst, domain), 1);
	KUNIT_EXPECT_FALSE(test, dev->iommu->attach_deferred);

	/* The flag is gone, so going back to the default attaches too */
	iommu_detach_group(domain, dev->iommu_group);
	KUNIT_EXPECT_EQ(test, attach_calls(inst, def), 1);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), def);
}

/* 29: the DMA API performs the deferred attach on first use */
static void deferred_attach_on_first_dma_use(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;
	struct iommu_domain *def;

	dev = attach_deferred_dev(test, &inst);
	def = iommu_get_domain_for_dev(dev);

	KUNIT_EXPECT_EQ(test, iommu_deferred_attach(dev, def), 0);
	KUNIT_EXPECT_EQ(test, attach_calls(inst, def), 1);
	KUNIT_EXPECT_FALSE(test, dev->iommu->attach_deferred);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), def);

	/* Not deferred any more: nothing to do */
	KUNIT_EXPECT_EQ(test, iommu_deferred_attach(dev, def), 0);
	KUNIT_EXPECT_EQ(test, attach_calls(inst, def), 1);
}

/* 30: a device joining a live group follows the group's current domain */
static void hotplug_joins_current_domain(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *def;
	struct device *a = attach_dev_default(test, &inst, &def);
	struct iommu_group *group = a->iommu_group;
	struct iommu_domain *domain = MOCK_PAGING(test, a);
	struct device *b;

	attach_group_then_clear(test, inst, domain, group);

	b = MOCK_DEV_IN_GROUP(test, inst, "att-b", 0, a);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst, MOCK_OP_ATTACH_DEV,
						   b, domain), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst, MOCK_OP_ATTACH_DEV,
						   b, def), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(b), domain);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(b), domain);

	iommu_detach_group(domain, group);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(b), def);
}

/* ---- the attach_dev() errno contract ------------------------------------ */

struct attach_errno_case {
	int err;
	const char *desc;
};

static const struct attach_errno_case attach_allowed_errnos[] = {
	{ -ENOMEM, "ENOMEM" },
	{ -EINVAL, "EINVAL" },
	{ -EBUSY, "EBUSY" },
	{ -ENODEV, "ENODEV" },
	{ -ENOSPC, "ENOSPC" },
};

KUNIT_ARRAY_PARAM_DESC(attach_allowed, attach_allowed_errnos, desc);

static const struct attach_errno_case attach_disallowed_errnos[] = {
	{ -EIO, "EIO" },
	{ -EPERM, "EPERM" },
	{ -EOPNOTSUPP, "EOPNOTSUPP" },
	{ -EFAULT, "EFAULT" },
	{ -EEXIST, "EEXIST" },
	{ -ENXIO, "ENXIO" },
	{ -E2BIG, "E2BIG" },
	{ -ETIMEDOUT, "ETIMEDOUT" },
};

KUNIT_ARRAY_PARAM_DESC(attach_disallowed, attach_disallowed_errnos, desc);

/*
 * Make the next attach_dev() fail with the case's errno and attach a paging
 * domain: the caller gets that errno, with @warnings WARNs on the way. The
 * device and its default domain are returned for the checks that differ.
 */
static int attach_errno_inject(struct kunit *test, int warnings,
			       struct device **devp, struct iommu_domain **defp)
{
	DEFINE_SUPPRESSED_WARNING(iommu_check_attach_result);
	const struct attach_errno_case *p = test->param_value;
	struct mock_iommu *inst = attach_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "att-a", 0);
	struct iommu_domain *def = iommu_get_domain_for_dev(dev);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);
	int ret;

	mock_iommu_fail(inst, MOCK_OP_ATTACH_DEV, p->err, 1, dev, domain);

	START_SUPPRESSED_WARNING(iommu_check_attach_result);
	ret = iommu_attach_group(domain, dev->iommu_group);
	END_SUPPRESSED_WARNING(iommu_check_attach_result);

	KUNIT_EXPECT_EQ(test, ret, p->err);
	KUNIT_EXPECT_EQ(test,
			SUPPRESSED_WARNING_COUNT(iommu_check_attach_result),
			warnings);
	*devp = dev;
	*defp = def;
	return ret;
}

/* Section 3: each allowed errno reaches the caller unchanged, silently */
static void attach_errno_allowed_passes_through(struct kunit *test)
{
	const struct attach_errno_case *p = test->param_value;
	struct iommu_domain *def;
	struct device *dev;
	int ret;

	ret = attach_errno_inject(test, 0, &dev, &def);
	KUNIT_EXPECT_EQ(test, iommu_attach_errno_class(ret), p->err);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
}

/*
 * Section 3: any other errno is a driver bug: exactly one warning, the core
 * decides as for ENODEV, the caller still gets the driver's errno.
 */
static void attach_errno_disallowed_warns_once(struct kunit *test)
{
	struct iommu_domain *def;
	struct device *dev;
	int ret;

	ret = attach_errno_inject(test, 1, &dev, &def);
	KUNIT_EXPECT_EQ(test, iommu_attach_errno_class(ret), -ENODEV);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), def);
}

/*
 * Try each candidate domain the way iommufd's automatic domain selection
 * does: an incompatible domain (EINVAL) means "try the next one", anything
 * else ends the search. Returns the index attached, or the error.
 */
static int attach_first_compatible(struct iommu_group *group,
				   struct iommu_domain **candidates,
				   unsigned int nr, int *last_err)
{
	unsigned int i;
	int ret;

	for (i = 0; i < nr; i++) {
		ret = iommu_attach_group(candidates[i], group);
		*last_err = ret;
		if (!ret)
			return i;
		if (iommu_attach_errno_class(ret) != -EINVAL)
			break;
	}
	return -1;
}

/*
 * Seed scenario: a driver returning -EIO from attach_dev. The core warns
 * once, naming the driver; it treats the error as ENODEV (a caller looking
 * for a compatible domain stops instead of trying the next candidate); and
 * the public call still returns -EIO.
 */
static void attach_dev_eio_warns_names_driver_treated_enodev_keeps_eio(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_check_attach_result);
	struct mock_iommu *inst;
	struct device *dev;
	struct iommu_domain *cand[2];
	struct iommu_group *group;
	struct iommu_domain *def;
	int last_err = 0;
	int idx;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .name = "eio-driver");
	dev = MOCK_DEV(test, inst, "att-a", 0);
	group = dev->iommu_group;
	def = iommu_get_domain_for_dev(dev);
	cand[0] = MOCK_PAGING(test, dev);
	cand[1] = MOCK_PAGING(test, dev);

	/* The warning names the driver by its instance device */
	KUNIT_ASSERT_NOT_NULL(test, dev->iommu->iommu_dev->dev);
	KUNIT_EXPECT_STREQ(test, dev_name(dev->iommu->iommu_dev->dev),
			   "eio-driver");

	/* Control: an incompatible first candidate makes the caller go on */
	mock_iommu_fail(inst, MOCK_OP_ATTACH_DEV, -EINVAL, 1, dev, cand[0]);
	idx = attach_first_compatible(group, cand, 2, &last_err);
	KUNIT_EXPECT_EQ(test, idx, 1);
	iommu_detach_group(cand[1], group);

	/* -EIO: one warning, no second candidate, -EIO to the caller */
	mock_iommu_log_clear(inst);
	mock_iommu_fail(inst, MOCK_OP_ATTACH_DEV, -EIO, 1, dev, cand[0]);
	START_SUPPRESSED_WARNING(iommu_check_attach_result);
	idx = attach_first_compatible(group, cand, 2, &last_err);
	END_SUPPRESSED_WARNING(iommu_check_attach_result);

	KUNIT_EXPECT_EQ(test, idx, -1);
	KUNIT_EXPECT_EQ(test, last_err, -EIO);
	KUNIT_EXPECT_EQ(test,
			SUPPRESSED_WARNING_COUNT(iommu_check_attach_result), 1);
	/* The warning itself names the driver, the op, the errno and the device */
	KUNIT_EXPECT_STREQ(test,
			   SUPPRESSED_WARNING_MESSAGE(iommu_check_attach_result),
			   "IOMMU driver eio-driver broke the attach errno contract: attach_dev() returned -5 for att-a");
	KUNIT_EXPECT_EQ(test, attach_calls(inst, cand[0]), 1);
	KUNIT_EXPECT_EQ(test, attach_calls(inst, cand[1]), 0);
	KUNIT_EXPECT_EQ(test, iommu_attach_errno_class(last_err), -ENODEV);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);

	/* The direct checker gives the value back as it came */
	START_SUPPRESSED_WARNING(iommu_check_attach_result);
	KUNIT_EXPECT_EQ(test, iommu_check_attach_result(dev, -EIO,
							"attach_dev"), -EIO);
	END_SUPPRESSED_WARNING(iommu_check_attach_result);
	KUNIT_EXPECT_EQ(test,
			SUPPRESSED_WARNING_COUNT(iommu_check_attach_result), 2);
}

/* A domain of another instance of the same driver: EINVAL, no warning */
static void attach_other_instance_same_driver_einval(struct kunit *test)
{
	struct mock_iommu *inst = attach_inst(test);
	struct mock_iommu *twin = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
					     .share_ops_with = inst);
	struct device *dev = MOCK_DEV(test, inst, "att-a", 0);
	struct device *tdev = MOCK_DEV(test, twin, "att-t", 0);
	struct iommu_domain *theirs = MOCK_PAGING(test, tdev);

	/* Same driver, so the core lets the driver decide */
	KUNIT_ASSERT_PTR_EQ(test, theirs->owner, dev_iommu_ops(dev));
	KUNIT_EXPECT_EQ(test, iommu_attach_group(theirs, dev->iommu_group),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst, MOCK_OP_ATTACH_DEV,
						   dev, theirs), 1);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
			    iommu_group_default_domain(dev->iommu_group));
}

static struct kunit_case iommu_attach_cases[] = {
	KUNIT_CASE(attach_device_without_group_enodev),
	KUNIT_CASE(attach_device_two_device_group_einval),
	KUNIT_CASE(attach_device_single_and_detach),
	KUNIT_CASE(attach_group_on_non_default_domain_ebusy),
	KUNIT_CASE(attach_group_same_domain_twice_ebusy),
	KUNIT_CASE(attach_group_foreign_owner_einval),
	KUNIT_CASE(attach_group_static_domain_einval),
	KUNIT_CASE(attach_group_default_domain_no_driver_call),
	KUNIT_CASE(attach_group_while_owned),
	KUNIT_CASE(group_attach_once_per_device_in_order),
	KUNIT_CASE_PARAM(group_attach_kth_failure_rolls_back,
			 attach_fail_gen_params),
	KUNIT_CASE(detach_group_ignores_domain_argument),
	KUNIT_CASE(detach_device_wrong_domain_warns),
	KUNIT_CASE(detach_device_multi_device_group_warns),
	KUNIT_CASE(replace_null_domain_einval),
	KUNIT_CASE(replace_group_domain_works),
	KUNIT_CASE(replace_failure_stays_on_old_domain),
	KUNIT_CASE(replace_same_domain_no_driver_call),
	KUNIT_CASE(replace_from_default_without_ebusy),
	KUNIT_CASE(direct_region_refuses_blocked_domain),
	KUNIT_CASE(attach_deferred_skips_only_default),
	KUNIT_CASE(deferred_attach_on_first_dma_use),
	KUNIT_CASE(hotplug_joins_current_domain),
	KUNIT_CASE_PARAM(attach_errno_allowed_passes_through,
			 attach_allowed_gen_params),
	KUNIT_CASE_PARAM(attach_errno_disallowed_warns_once,
			 attach_disallowed_gen_params),
	KUNIT_CASE(attach_dev_eio_warns_names_driver_treated_enodev_keeps_eio),
	KUNIT_CASE(attach_other_instance_same_driver_einval),
	{}
};

static struct kunit_suite iommu_attach_suite = {
	.name = "iommu_attach",
	.test_cases = iommu_attach_cases,
};

kunit_test_suite(iommu_attach_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_IMPORT_NS(IOMMUFD_INTERNAL);
