// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of DMA ownership: kernel DMA API users of the default domain
 * against exclusive owners (VFIO, iommufd) of a group.
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

static int owner_a;
static int owner_b;

static struct mock_iommu *owner_inst(struct kunit *test)
{
	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	return MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
}

/* 31 */
static void use_default_domain_without_group_ok(struct kunit *test)
{
	struct device *bare = kunit_device_register(test, "own-bare");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bare);
	KUNIT_EXPECT_EQ(test, iommu_device_use_default_domain(bare), 0);
	iommu_device_unuse_default_domain(bare);
}

/* 32: a group whose default domain is not set up yet */
static void use_default_domain_before_setup_defers(struct kunit *test)
{
	struct device *bare = kunit_device_register(test, "own-noiommu");
	struct iommu_group *group = iommu_group_alloc();

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bare);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, group);
	/* A group without an IOMMU (VFIO no-iommu style) */
	KUNIT_ASSERT_EQ(test, iommu_group_add_device(group, bare), 0);

	KUNIT_EXPECT_EQ(test, iommu_device_use_default_domain(bare),
			-EPROBE_DEFER);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0U);

	iommu_group_remove_device(bare);
	iommu_group_put(group);
}

/* 31, 34: before the bus probe there is no group, afterwards a default */
static void use_default_domain_follows_bus_probe(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev;

	dev = MOCK_DEV(test, inst, "own-bus", MOCK_DEV_BUS_PROBE);
	KUNIT_EXPECT_NULL(test, dev->iommu_group);
	KUNIT_EXPECT_EQ(test, iommu_device_use_default_domain(dev), 0);
	iommu_device_unuse_default_domain(dev);

	KUNIT_ASSERT_EQ(test, bus_iommu_probe(mock_iommu_bus()), 0);
	KUNIT_ASSERT_NOT_NULL(test, dev->iommu_group);
	KUNIT_EXPECT_EQ(test, iommu_device_use_default_domain(dev), 0);
	iommu_device_unuse_default_domain(dev);
}

/*
 * 32: a bus probe whose default domain set-up failed leaves a group
 * without a default domain; DMA API drivers must wait.
 */
static void use_default_domain_without_default_defers(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev;

	dev = MOCK_DEV(test, inst, "own-bus", MOCK_DEV_BUS_PROBE);
	mock_iommu_fail(inst, MOCK_OP_DOMAIN_ALLOC_PAGING, -ENOMEM, 1, NULL,
			NULL);
	KUNIT_EXPECT_EQ(test, bus_iommu_probe(mock_iommu_bus()), -EINVAL);
	KUNIT_ASSERT_NOT_NULL(test, dev->iommu_group);
	KUNIT_EXPECT_NULL(test, iommu_group_default_domain(dev->iommu_group));
	KUNIT_EXPECT_EQ(test, iommu_device_use_default_domain(dev),
			-EPROBE_DEFER);
	KUNIT_EXPECT_EQ(test, dev->iommu_group->owner_cnt, 0U);
}

/* 33 */
static void use_default_domain_claimed_group_ebusy(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", 0);
	struct iommu_group *group = dev->iommu_group;

	KUNIT_ASSERT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a), 0);
	KUNIT_EXPECT_EQ(test, iommu_device_use_default_domain(dev), -EBUSY);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 1U);
	iommu_group_release_dma_owner(group);
}

/* 33: a PASID attached next to DMA API users blocks a new user */
static void use_default_domain_with_pasid_ebusy(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", MOCK_DEV_PASID);
	struct iommu_group *group = dev->iommu_group;
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_EQ(test, iommu_device_use_default_domain(dev), 0);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(domain, dev, 5, NULL),
			0);
	KUNIT_EXPECT_EQ(test, iommu_device_use_default_domain(dev), -EBUSY);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 1U);

	iommu_detach_device_pasid(domain, dev, 5);
	iommu_device_unuse_default_domain(dev);
}

/* 34, 44 */
static void use_and_unuse_count(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *a = MOCK_DEV(test, inst, "own-a", 0);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "own-b", 0, a);
	struct iommu_group *group = a->iommu_group;

	KUNIT_EXPECT_FALSE(test, iommu_group_dma_owner_claimed(group));
	KUNIT_ASSERT_EQ(test, iommu_device_use_default_domain(a), 0);
	KUNIT_ASSERT_EQ(test, iommu_device_use_default_domain(b), 0);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 2U);
	/* 44: a bound DMA API driver counts as a claim */
	KUNIT_EXPECT_TRUE(test, iommu_group_dma_owner_claimed(group));
	KUNIT_EXPECT_NULL(test, group->owner);

	iommu_device_unuse_default_domain(b);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 1U);
	iommu_device_unuse_default_domain(a);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0U);
	KUNIT_EXPECT_FALSE(test, iommu_group_dma_owner_claimed(group));
}

/* Unuse without use is a bug the core warns about and ignores */
static void unuse_without_use_warns(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_device_unuse_default_domain);
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", 0);

	START_SUPPRESSED_WARNING(iommu_device_unuse_default_domain);
	iommu_device_unuse_default_domain(dev);
	END_SUPPRESSED_WARNING(iommu_device_unuse_default_domain);

	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(iommu_device_unuse_default_domain),
			1);
	KUNIT_EXPECT_EQ(test, dev->iommu_group->owner_cnt, 0U);
}

/* 35 */
static void claim_null_owner_einval(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_group_claim_dma_owner);
	DEFINE_SUPPRESSED_WARNING(iommu_device_claim_dma_owner);
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", 0);
	int gret, dret;

	START_SUPPRESSED_WARNING(iommu_group_claim_dma_owner);
	START_SUPPRESSED_WARNING(iommu_device_claim_dma_owner);
	gret = iommu_group_claim_dma_owner(dev->iommu_group, NULL);
	dret = iommu_device_claim_dma_owner(dev, NULL);
	END_SUPPRESSED_WARNING(iommu_device_claim_dma_owner);
	END_SUPPRESSED_WARNING(iommu_group_claim_dma_owner);

	KUNIT_EXPECT_EQ(test, gret, -EINVAL);
	KUNIT_EXPECT_EQ(test, dret, -EINVAL);
	KUNIT_EXPECT_EQ(test, dev->iommu_group->owner_cnt, 0U);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(iommu_group_claim_dma_owner),
			1);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(iommu_device_claim_dma_owner),
			1);
}

/* 36 */
static void group_claim_with_driver_bound_eperm(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", 0);
	struct iommu_group *group = dev->iommu_group;
	struct iommu_domain *def = iommu_get_domain_for_dev(dev);

	KUNIT_ASSERT_EQ(test, iommu_device_use_default_domain(dev), 0);
	mock_iommu_log_clear(inst);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a),
			-EPERM);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
	iommu_device_unuse_default_domain(dev);
}

/* 36: a group can only be claimed once, even by the same owner */
static void group_claim_twice_eperm(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", 0);
	struct iommu_group *group = dev->iommu_group;

	KUNIT_ASSERT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a), 0);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a),
			-EPERM);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner_b),
			-EPERM);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 1U);
	iommu_group_release_dma_owner(group);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0U);
}

/* 37 */
static void device_claim_other_owner_eperm(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *a = MOCK_DEV(test, inst, "own-a", 0);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "own-b", 0, a);

	KUNIT_ASSERT_EQ(test, iommu_device_claim_dma_owner(a, &owner_a), 0);
	KUNIT_EXPECT_EQ(test, iommu_device_claim_dma_owner(b, &owner_b),
			-EPERM);
	KUNIT_EXPECT_EQ(test, a->iommu_group->owner_cnt, 1U);
	iommu_device_release_dma_owner(a);
}

/* 37: DMA API users hold the group with a NULL owner */
static void device_claim_with_driver_bound_eperm(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *a = MOCK_DEV(test, inst, "own-a", 0);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "own-b", 0, a);

	KUNIT_ASSERT_EQ(test, iommu_device_use_default_domain(a), 0);
	KUNIT_EXPECT_EQ(test, iommu_device_claim_dma_owner(b, &owner_a),
			-EPERM);
	KUNIT_EXPECT_NULL(test, a->iommu_group->owner);
	iommu_device_unuse_default_domain(a);
}

/* 38 */
static void device_claim_same_owner_counts(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *a = MOCK_DEV(test, inst, "own-a", 0);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "own-b", 0, a);
	struct iommu_group *group = a->iommu_group;
	struct iommu_domain *blocking;

	KUNIT_ASSERT_EQ(test, iommu_device_claim_dma_owner(a, &owner_a), 0);
	blocking = iommu_get_domain_for_dev(a);
	mock_iommu_log_clear(inst);

	KUNIT_EXPECT_EQ(test, iommu_device_claim_dma_owner(b, &owner_a), 0);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 2U);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(b), blocking);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);

	/* 43: the first release only decrements */
	iommu_device_release_dma_owner(b);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 1U);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(a), blocking);
	KUNIT_EXPECT_PTR_EQ(test, group->owner, (void *)&owner_a);

	iommu_device_release_dma_owner(a);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0U);
	KUNIT_EXPECT_NULL(test, group->owner);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(a),
			    iommu_group_default_domain(group));
}

/* 39 */
static void device_claim_without_group_enodev(struct kunit *test)
{
	struct device *bare = kunit_device_register(test, "own-bare");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bare);
	KUNIT_EXPECT_EQ(test, iommu_device_claim_dma_owner(bare, &owner_a),
			-ENODEV);
}

/* 40: a PASID attachment stands in the way of a claim */
static void claim_with_pasid_attached_ebusy(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", MOCK_DEV_PASID);
	struct iommu_group *group = dev->iommu_group;
	struct iommu_domain *domain = MOCK_PAGING(test, dev);
	struct iommu_attach_handle handle = {};

	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(domain, dev, 7,
							&handle), 0);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, iommu_device_claim_dma_owner(dev, &owner_a),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0U);
	iommu_detach_device_pasid(domain, dev, 7);

	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a), 0);
	iommu_group_release_dma_owner(group);
}

/* 40: so does a RID attach handle */
static void claim_with_rid_handle_ebusy(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", 0);
	struct iommu_group *group = dev->iommu_group;
	struct iommu_domain *domain = MOCK_PAGING(test, dev);
	struct iommu_attach_handle handle = {};

	KUNIT_ASSERT_EQ(test, iommu_attach_group_handle(domain, group,
							&handle), 0);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a),
			-EBUSY);
	iommu_detach_group_handle(domain, group);
}

/* 40: and so does a non-default domain */
static void claim_on_non_default_domain_ebusy(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", 0);
	struct iommu_group *group = dev->iommu_group;
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, iommu_device_claim_dma_owner(dev, &owner_a),
			-EBUSY);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), domain);
	iommu_detach_group(domain, group);
}

struct owner_blocking_case {
	enum mock_blocked_mode blocked;
	const char *desc;
};

static const struct owner_blocking_case owner_blocking_cases[] = {
	{ MOCK_BLOCKED_STATIC, "static-blocked" },
	{ MOCK_BLOCKED_LEGACY, "allocated-blocked" },
	{ MOCK_BLOCKED_NONE, "empty-paging" },
};

KUNIT_ARRAY_PARAM_DESC(owner_blocking, owner_blocking_cases, desc);

/* 41: which blocking domain a claim installs */
static void claim_moves_group_to_blocking_domain(struct kunit *test)
{
	const struct owner_blocking_case *p = test->param_value;
	struct mock_iommu *inst;
	struct iommu_group *group;
	struct iommu_domain *blocking;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .blocked = p->blocked);
	dev = MOCK_DEV(test, inst, "own-a", 0);
	group = dev->iommu_group;

	KUNIT_ASSERT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a), 0);
	blocking = group->blocking_domain;
	KUNIT_ASSERT_NOT_NULL(test, blocking);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 1U);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), blocking);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), blocking);

	switch (p->blocked) {
	case MOCK_BLOCKED_STATIC:
		KUNIT_EXPECT_PTR_EQ(test, blocking, mock_iommu_blocked(inst));
		break;
	case MOCK_BLOCKED_LEGACY:
		KUNIT_EXPECT_EQ(test, blocking->type, IOMMU_DOMAIN_BLOCKED);
		KUNIT_EXPECT_PTR_EQ(test, blocking->owner, dev_iommu_ops(dev));
		break;
	default:
		/* An UNMANAGED domain with nothing mapped blocks everything */
		KUNIT_EXPECT_EQ(test, blocking->type, IOMMU_DOMAIN_UNMANAGED);
		KUNIT_EXPECT_EQ(test, mock_domain_mapped(blocking), (size_t)0);
		break;
	}

	/* The blocking domain is kept for the next claim */
	iommu_group_release_dma_owner(group);
	KUNIT_EXPECT_PTR_EQ(test, group->blocking_domain, blocking);
	KUNIT_ASSERT_EQ(test, iommu_group_claim_dma_owner(group, &owner_b), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), blocking);
	iommu_group_release_dma_owner(group);
}

/* 41: a claim whose blocking attach fails leaves nothing claimed */
static void claim_blocking_attach_failure_unclaimed(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", 0);
	struct iommu_group *group = dev->iommu_group;
	struct iommu_domain *def = iommu_get_domain_for_dev(dev);

	mock_iommu_fail(inst, MOCK_OP_ATTACH_DEV, -ENOMEM, 1, dev,
			mock_iommu_blocked(inst));
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a),
			-ENOMEM);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0U);
	KUNIT_EXPECT_NULL(test, group->owner);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), def);
}

static const struct mock_resv owner_direct_resv[] = {
	{ .start = 0x40000, .length = SZ_16K,
	  .prot = IOMMU_READ | IOMMU_WRITE, .type = IOMMU_RESV_DIRECT },
};

/* 42 */
static void claim_require_direct_einval(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct mock_dev_config cfg = {
		.name = "own-direct",
		.resv = owner_direct_resv,
		.nr_resv = ARRAY_SIZE(owner_direct_resv),
	};
	struct device *dev = mock_dev_create_cfg(test, inst, &cfg);
	struct iommu_group *group;
	struct iommu_domain *def;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	group = dev->iommu_group;
	def = iommu_get_domain_for_dev(dev);

	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_device_claim_dma_owner(dev, &owner_a),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0U);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), def);
}

/* 42: one require_direct member is enough to refuse the whole group */
static void claim_require_direct_peer_einval(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *a = MOCK_DEV(test, inst, "own-a", 0);
	struct mock_dev_config cfg = {
		.name = "own-direct",
		.resv = owner_direct_resv,
		.nr_resv = ARRAY_SIZE(owner_direct_resv),
		.group_with = a,
	};
	struct device *b = mock_dev_create_cfg(test, inst, &cfg);
	struct iommu_domain *def;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, b);
	def = iommu_get_domain_for_dev(a);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(a->iommu_group,
							  &owner_a), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(a), def);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(a), def);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(b), def);
	KUNIT_EXPECT_EQ(test, a->iommu_group->owner_cnt, 0U);
}

/* 43 */
static void release_returns_group_to_default(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", 0);
	struct iommu_group *group = dev->iommu_group;
	struct iommu_domain *def = iommu_get_domain_for_dev(dev);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a), 0);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);
	iommu_detach_group(domain, group);
	iommu_group_release_dma_owner(group);

	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0U);
	KUNIT_EXPECT_NULL(test, group->owner);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), def);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), def);
	/* And DMA API drivers may bind again */
	KUNIT_EXPECT_EQ(test, iommu_device_use_default_domain(dev), 0);
	iommu_device_unuse_default_domain(dev);
}

/* Releasing while a PASID is still attached is a bug: WARN, no change */
static void release_with_pasid_attached_warns(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(grp_owner_leave);
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", MOCK_DEV_PASID);
	struct iommu_group *group = dev->iommu_group;
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a), 0);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(domain, dev, 3, NULL),
			0);

	START_SUPPRESSED_WARNING(grp_owner_leave);
	iommu_group_release_dma_owner(group);
	END_SUPPRESSED_WARNING(grp_owner_leave);

	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(grp_owner_leave),
			1);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 1U);
	KUNIT_EXPECT_PTR_EQ(test, group->owner, (void *)&owner_a);

	iommu_detach_device_pasid(domain, dev, 3);
	iommu_group_release_dma_owner(group);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0U);
}

/* 44 */
static void owner_claimed_reports_any_user(struct kunit *test)
{
	struct mock_iommu *inst = owner_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "own-a", 0);
	struct iommu_group *group = dev->iommu_group;

	KUNIT_EXPECT_FALSE(test, iommu_group_dma_owner_claimed(group));
	KUNIT_ASSERT_EQ(test, iommu_device_claim_dma_owner(dev, &owner_a), 0);
	KUNIT_EXPECT_TRUE(test, iommu_group_dma_owner_claimed(group));
	iommu_device_release_dma_owner(dev);
	KUNIT_EXPECT_FALSE(test, iommu_group_dma_owner_claimed(group));
	KUNIT_ASSERT_EQ(test, iommu_device_use_default_domain(dev), 0);
	KUNIT_EXPECT_TRUE(test, iommu_group_dma_owner_claimed(group));
	iommu_device_unuse_default_domain(dev);
}

static struct kunit_case iommu_owner_cases[] = {
	KUNIT_CASE(use_default_domain_without_group_ok),
	KUNIT_CASE(use_default_domain_before_setup_defers),
	KUNIT_CASE(use_default_domain_follows_bus_probe),
	KUNIT_CASE(use_default_domain_without_default_defers),
	KUNIT_CASE(use_default_domain_claimed_group_ebusy),
	KUNIT_CASE(use_default_domain_with_pasid_ebusy),
	KUNIT_CASE(use_and_unuse_count),
	KUNIT_CASE(unuse_without_use_warns),
	KUNIT_CASE(claim_null_owner_einval),
	KUNIT_CASE(group_claim_with_driver_bound_eperm),
	KUNIT_CASE(group_claim_twice_eperm),
	KUNIT_CASE(device_claim_other_owner_eperm),
	KUNIT_CASE(device_claim_with_driver_bound_eperm),
	KUNIT_CASE(device_claim_same_owner_counts),
	KUNIT_CASE(device_claim_without_group_enodev),
	KUNIT_CASE(claim_with_pasid_attached_ebusy),
	KUNIT_CASE(claim_with_rid_handle_ebusy),
	KUNIT_CASE(claim_on_non_default_domain_ebusy),
	KUNIT_CASE_PARAM(claim_moves_group_to_blocking_domain,
			 owner_blocking_gen_params),
	KUNIT_CASE(claim_blocking_attach_failure_unclaimed),
	KUNIT_CASE(claim_require_direct_einval),
	KUNIT_CASE(claim_require_direct_peer_einval),
	KUNIT_CASE(release_returns_group_to_default),
	KUNIT_CASE(release_with_pasid_attached_warns),
	KUNIT_CASE(owner_claimed_reports_any_user),
	{}
};

static struct kunit_suite iommu_owner_suite = {
	.name = "iommu_owner",
	.test_cases = iommu_owner_cases,
};

kunit_test_suite(iommu_owner_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_IMPORT_NS(IOMMUFD_INTERNAL);
