// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of default domain selection: the global policy, driver
 * preferences, per-device identity support and its DMA fallback, legacy
 * fixed default domains, and the group "type" attribute.
 *
 * Numbers in comments refer to the conformance list of the IOMMU core
 * reference (ref/core.md section 12).
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/bug.h>
#include <kunit/test.h>

#include "iommu-mock.h"
#include "iommu-priv.h"

static unsigned int def_type_of(struct device *dev)
{
	return iommu_group_default_domain(dev->iommu_group)->type;
}

struct def_policy_case {
	unsigned int type;
	const char *desc;
};

static const struct def_policy_case def_policy_cases[] = {
	{ IOMMU_DOMAIN_IDENTITY, "passthrough" },
	{ IOMMU_DOMAIN_DMA, "strict" },
	{ IOMMU_DOMAIN_DMA_FQ, "lazy" },
};

KUNIT_ARRAY_PARAM_DESC(def_policy, def_policy_cases, desc);

/* 45: without a driver preference the global policy decides */
static void default_type_follows_policy(struct kunit *test)
{
	const struct def_policy_case *p = test->param_value;
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, p->type);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	dev = MOCK_DEV(test, inst, "def-a", 0);

	KUNIT_EXPECT_EQ(test, def_type_of(dev), p->type);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
			    iommu_group_default_domain(dev->iommu_group));
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev),
			    iommu_group_default_domain(dev->iommu_group));
	if (p->type == IOMMU_DOMAIN_IDENTITY)
		KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
				    mock_iommu_identity(inst));
	KUNIT_EXPECT_EQ(test, iommu_default_passthrough(),
			p->type == IOMMU_DOMAIN_IDENTITY);
}

/* 45: a flush queue is useless without deferred flush support */
static void dma_fq_without_deferred_flush_is_dma(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA_FQ);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
			  .caps = BIT(IOMMU_CAP_CACHE_COHERENCY));
	dev = MOCK_DEV(test, inst, "def-a", 0);
	KUNIT_EXPECT_EQ(test, def_type_of(dev), IOMMU_DOMAIN_DMA);
}

/* 46 */
static void set_dma_strict_turns_fq_into_dma(struct kunit *test)
{
	struct iommu_default_policy policy;
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA_FQ);
	iommu_set_dma_strict();
	iommu_default_policy_get(&policy);
	KUNIT_EXPECT_EQ(test, policy.def_type, IOMMU_DOMAIN_DMA);
	KUNIT_EXPECT_TRUE(test, policy.dma_strict);

	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	dev = MOCK_DEV(test, inst, "def-a", 0);
	KUNIT_EXPECT_EQ(test, def_type_of(dev), IOMMU_DOMAIN_DMA);
}

/* 46: strict mode leaves passthrough alone */
static void set_dma_strict_keeps_passthrough(struct kunit *test)
{
	struct iommu_default_policy policy;

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	iommu_set_dma_strict();
	iommu_default_policy_get(&policy);
	KUNIT_EXPECT_EQ(test, policy.def_type, IOMMU_DOMAIN_IDENTITY);
	KUNIT_EXPECT_TRUE(test, iommu_default_passthrough());
}

/*
 * 47, seed scenario: passthrough wanted, the driver has no identity at all:
 * the group gets a DMA domain and the device probes fine.
 */
static void identity_unavailable_falls_back_to_dma(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	inst = MOCK_IOMMU(test, .identity = MOCK_IDENTITY_NONE,
			  .blocked = MOCK_BLOCKED_STATIC, .paging = true,
			  .def_domain_type = true);
	dev = mock_dev_create(test, inst, "def-a", 0);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	KUNIT_ASSERT_NOT_NULL(test, dev->iommu_group);
	KUNIT_EXPECT_EQ(test, def_type_of(dev), IOMMU_DOMAIN_DMA);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst,
					       MOCK_OP_DOMAIN_ALLOC_PAGING), 1);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev),
			    iommu_get_domain_for_dev(dev));
	KUNIT_EXPECT_TRUE(test, dev->dma_iommu);
}

/*
 * Per-device identity: the driver refuses identity for one device only.
 * That device falls back to DMA, the other one gets identity.
 */
static void per_device_identity_rule(struct kunit *test)
{
	struct mock_iommu *inst;
	const struct mock_call *call;
	struct device *noid, *ok;
	int idx;

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
			  .identity = MOCK_IDENTITY_PER_DEVICE);

	noid = MOCK_DEV(test, inst, "def-noid", MOCK_DEV_NO_IDENTITY);
	KUNIT_EXPECT_EQ(test, def_type_of(noid), IOMMU_DOMAIN_DMA);
	/* The driver was asked for identity first, said no, then paging */
	idx = mock_iommu_find_call(inst, MOCK_OP_DOMAIN_ALLOC_IDENTITY, 0);
	KUNIT_ASSERT_GE(test, idx, 0);
	call = mock_iommu_call(inst, idx);
	KUNIT_EXPECT_PTR_EQ(test, call->dev, noid);
	KUNIT_EXPECT_EQ(test, call->ret, (long)-EOPNOTSUPP);
	KUNIT_EXPECT_GT(test,
			mock_iommu_find_call(inst, MOCK_OP_DOMAIN_ALLOC_PAGING,
					     idx),
			idx);

	ok = MOCK_DEV(test, inst, "def-ok", 0);
	KUNIT_EXPECT_EQ(test, def_type_of(ok), IOMMU_DOMAIN_IDENTITY);
	/* An identity domain the driver allocated for this device */
	KUNIT_EXPECT_PTR_EQ(test, to_mock_domain(iommu_get_domain_for_dev(ok))->alloc_dev,
			    ok);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(ok),
			    iommu_get_domain_for_dev(ok));
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(noid),
			    iommu_get_domain_for_dev(noid));
}

/* Per-device identity refused with ENODEV works the same */
static void per_device_identity_enodev_falls_back(struct kunit *test)
{
	struct mock_iommu *inst;
	struct mock_dev_config cfg = {
		.name = "def-noid",
		.flags = MOCK_DEV_NO_IDENTITY,
		.identity_errno = -ENODEV,
	};
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
			  .identity = MOCK_IDENTITY_PER_DEVICE);
	dev = mock_dev_create_cfg(test, inst, &cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	KUNIT_EXPECT_EQ(test, def_type_of(dev), IOMMU_DOMAIN_DMA);
}

/* A group is identity only if every member can be */
static void group_identity_needs_every_member(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *a, *b;
	struct mock_dev_config cfg = {
		.name = "def-b",
		.flags = MOCK_DEV_NO_IDENTITY | MOCK_DEV_BUS_PROBE,
	};

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
			  .identity = MOCK_IDENTITY_PER_DEVICE);
	a = MOCK_DEV(test, inst, "def-a", MOCK_DEV_BUS_PROBE);
	cfg.group_with = a;
	b = mock_dev_create_cfg(test, inst, &cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, b);

	KUNIT_ASSERT_EQ(test, bus_iommu_probe(mock_iommu_bus()), 0);
	KUNIT_ASSERT_NOT_NULL(test, a->iommu_group);
	KUNIT_ASSERT_PTR_EQ(test, a->iommu_group, b->iommu_group);
	KUNIT_EXPECT_EQ(test, def_type_of(a), IOMMU_DOMAIN_DMA);
	/* The identity domain allocated for the first member was dropped */
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_FREE), 1);
}

/* 48 */
static void dma_default_alloc_failure_fails_probe_einval(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	mock_iommu_fail(inst, MOCK_OP_DOMAIN_ALLOC_PAGING, -ENOMEM, 1, NULL,
			NULL);
	dev = mock_dev_create(test, inst, "def-a", 0);
	KUNIT_EXPECT_PTR_EQ(test, dev, ERR_PTR(-EINVAL));
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), 0U);
	/* The driver forgot the device again */
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_RELEASE_DEVICE),
			1);
}

/* 47: when the DMA fallback also fails, its error is the probe's */
static void fallback_failure_fails_probe(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	inst = MOCK_IOMMU(test, .identity = MOCK_IDENTITY_NONE, .paging = true);
	mock_iommu_fail(inst, MOCK_OP_DOMAIN_ALLOC_PAGING, -ENOSPC, 1, NULL,
			NULL);
	dev = mock_dev_create(test, inst, "def-a", 0);
	KUNIT_EXPECT_PTR_EQ(test, dev, ERR_PTR(-ENOSPC));
}

/*
 * 49, seed scenario: the driver demands identity for the device but
 * cannot provide it: no fallback, the probe fails and nothing is left.
 */
static void identity_forced_unavailable_fails_probe(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, .identity = MOCK_IDENTITY_NONE,
			  .blocked = MOCK_BLOCKED_STATIC, .paging = true,
			  .def_domain_type = true);
	dev = mock_dev_create(test, inst, "def-a", MOCK_DEV_WANT_IDENTITY);

	KUNIT_EXPECT_PTR_EQ(test, dev, ERR_PTR(-EOPNOTSUPP));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst,
					       MOCK_OP_DOMAIN_ALLOC_PAGING), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), 0U);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_PROBE_DEVICE), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_RELEASE_DEVICE),
			1);
}

/* 49: the same with a per-device refusal, even under passthrough */
static void identity_forced_per_device_refusal_fails_probe(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
			  .identity = MOCK_IDENTITY_PER_DEVICE);
	dev = mock_dev_create(test, inst, "def-a",
			      MOCK_DEV_WANT_IDENTITY | MOCK_DEV_NO_IDENTITY);
	KUNIT_EXPECT_PTR_EQ(test, dev, ERR_PTR(-EOPNOTSUPP));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst,
					       MOCK_OP_DOMAIN_ALLOC_PAGING), 0);
}

/* A driver preference for DMA overrides passthrough */
static void driver_wants_dma_under_passthrough(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	dev = MOCK_DEV(test, inst, "def-a", MOCK_DEV_WANT_DMA);
	KUNIT_EXPECT_EQ(test, def_type_of(dev), IOMMU_DOMAIN_DMA);
}

/* A driver preference for identity overrides strict DMA */
static void driver_wants_identity_under_strict(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	dev = MOCK_DEV(test, inst, "def-a", MOCK_DEV_WANT_IDENTITY);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
			    mock_iommu_identity(inst));
}

struct def_conflict_case {
	unsigned long first;
	unsigned long second;
	const char *desc;
};

static const struct def_conflict_case def_conflict_cases[] = {
	{ MOCK_DEV_WANT_DMA, MOCK_DEV_WANT_IDENTITY, "dma-then-identity" },
	{ MOCK_DEV_WANT_IDENTITY, MOCK_DEV_WANT_DMA, "identity-then-dma" },
};

KUNIT_ARRAY_PARAM_DESC(def_conflict, def_conflict_cases, desc);

/* 51: members disagreeing on the type: identity wins */
static void conflicting_preferences_identity_wins(struct kunit *test)
{
	const struct def_conflict_case *p = test->param_value;
	struct mock_iommu *inst;
	struct device *a, *b;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	a = MOCK_DEV(test, inst, "def-a", p->first | MOCK_DEV_BUS_PROBE);
	b = MOCK_DEV_IN_GROUP(test, inst, "def-b",
			      p->second | MOCK_DEV_BUS_PROBE, a);

	KUNIT_ASSERT_EQ(test, bus_iommu_probe(mock_iommu_bus()), 0);
	KUNIT_ASSERT_NOT_NULL(test, a->iommu_group);
	KUNIT_ASSERT_PTR_EQ(test, a->iommu_group, b->iommu_group);
	KUNIT_EXPECT_EQ(test, def_type_of(a), IOMMU_DOMAIN_IDENTITY);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(a),
			    mock_iommu_identity(inst));
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(b),
			    mock_iommu_identity(inst));
}

/* Bus probing sets up each new group once, after all members are known */
static void bus_probe_sets_up_group_once(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *a, *b;
	struct iommu_domain *def;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .probe_finalize = true);
	a = MOCK_DEV(test, inst, "def-a", MOCK_DEV_BUS_PROBE);
	b = MOCK_DEV_IN_GROUP(test, inst, "def-b", MOCK_DEV_BUS_PROBE, a);
	mock_iommu_log_clear(inst);

	KUNIT_ASSERT_EQ(test, bus_iommu_probe(mock_iommu_bus()), 0);
	def = iommu_group_default_domain(a->iommu_group);
	KUNIT_ASSERT_NOT_NULL(test, def);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst,
					       MOCK_OP_DOMAIN_ALLOC_PAGING), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst, MOCK_OP_ATTACH_DEV,
						   NULL, def), 2);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_PROBE_FINALIZE),
			2);
	/* probe_finalize comes after the default domain is attached */
	KUNIT_EXPECT_GT(test, mock_iommu_find_call(inst,
						   MOCK_OP_PROBE_FINALIZE, 0),
			mock_iommu_find_call(inst, MOCK_OP_ATTACH_DEV, 0));
	KUNIT_EXPECT_TRUE(test, a->dma_iommu);
	KUNIT_EXPECT_TRUE(test, b->dma_iommu);
}

/* 52: a legacy driver's fixed default domain */
static void fixed_default_domain_is_used(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;
	char buf[32];

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, .default_domain = IOMMU_DOMAIN_IDENTITY,
			  .paging = true);
	dev = MOCK_DEV(test, inst, "def-a", 0);

	KUNIT_EXPECT_PTR_EQ(test, iommu_group_default_domain(dev->iommu_group),
			    mock_iommu_fixed_default(inst));
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev),
			    mock_iommu_fixed_default(inst));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst,
					       MOCK_OP_DOMAIN_ALLOC_PAGING), 0);

	/* 52: anything else is refused */
	KUNIT_EXPECT_EQ(test, iommu_group_store_type(dev->iommu_group, "DMA",
						     3), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_group_default_domain(dev->iommu_group),
			    mock_iommu_fixed_default(inst));
	KUNIT_EXPECT_EQ(test, iommu_group_show_type(dev->iommu_group, buf),
			(ssize_t)strlen("identity\n"));
	KUNIT_EXPECT_STREQ(test, buf, "identity\n");
}

/* 52: a PLATFORM fixed default works the same way */
static void fixed_platform_default_domain(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	inst = MOCK_IOMMU(test, .default_domain = IOMMU_DOMAIN_PLATFORM,
			  .paging = true);
	dev = MOCK_DEV(test, inst, "def-a", 0);
	KUNIT_EXPECT_EQ(test, def_type_of(dev), IOMMU_DOMAIN_PLATFORM);
	KUNIT_EXPECT_FALSE(test, dev->dma_iommu);
}

/* 53: the first attach of a default domain must not fail */
static void default_first_attach_failure_fails_probe(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_grp_setup_default);
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	mock_iommu_fail(inst, MOCK_OP_ATTACH_DEV, -ENOMEM, 1, NULL, NULL);

	START_SUPPRESSED_WARNING(iommu_grp_setup_default);
	dev = mock_dev_create(test, inst, "def-a", 0);
	END_SUPPRESSED_WARNING(iommu_grp_setup_default);

	KUNIT_EXPECT_PTR_EQ(test, dev, ERR_PTR(-ENOMEM));
	KUNIT_EXPECT_EQ(test,
			SUPPRESSED_WARNING_COUNT(iommu_grp_setup_default), 1);
	/* The default domain went with the group */
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), 0U);
}

/* 54: the group "type" attribute */
static void sysfs_type_store_rules(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_group *group;
	struct iommu_domain *old;
	struct device *dev;
	char buf[32];

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	dev = MOCK_DEV(test, inst, "def-a", 0);
	group = dev->iommu_group;
	old = iommu_group_default_domain(group);

	KUNIT_EXPECT_EQ(test, iommu_group_store_type(group, "bogus", 5),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_group_store_type(group, "DMA-FQX", 7),
			-EINVAL);

	/* A bound driver forbids changes that need a new domain */
	KUNIT_ASSERT_EQ(test, iommu_device_use_default_domain(dev), 0);
	KUNIT_EXPECT_EQ(test, iommu_group_store_type(group, "identity\n", 9),
			-EPERM);
	KUNIT_EXPECT_PTR_EQ(test, iommu_group_default_domain(group), old);

	/* ... but DMA to DMA-FQ is done in place */
	KUNIT_EXPECT_EQ(test, iommu_group_store_type(group, "DMA-FQ", 6),
			(ssize_t)6);
	KUNIT_EXPECT_PTR_EQ(test, iommu_group_default_domain(group), old);
	KUNIT_EXPECT_EQ(test, old->type, IOMMU_DOMAIN_DMA_FQ);
	iommu_group_show_type(group, buf);
	KUNIT_EXPECT_STREQ(test, buf, "DMA-FQ\n");
	iommu_device_unuse_default_domain(dev);

	/* Unbound: switch to identity and back to the policy default */
	KUNIT_EXPECT_EQ(test, iommu_group_store_type(group, "identity\n", 9),
			(ssize_t)9);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
			    mock_iommu_identity(inst));
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev),
			    mock_iommu_identity(inst));
	iommu_group_show_type(group, buf);
	KUNIT_EXPECT_STREQ(test, buf, "identity\n");

	KUNIT_EXPECT_EQ(test, iommu_group_store_type(group, "auto", 4),
			(ssize_t)4);
	KUNIT_EXPECT_EQ(test, def_type_of(dev), IOMMU_DOMAIN_DMA);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev),
			    iommu_group_default_domain(group));
}

/* 54: sysfs cannot override a driver's demand */
static void sysfs_type_against_driver_demand_einval(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	dev = MOCK_DEV(test, inst, "def-a", MOCK_DEV_WANT_DMA);
	KUNIT_EXPECT_EQ(test, iommu_group_store_type(dev->iommu_group,
						     "identity", 8), -EINVAL);
	KUNIT_EXPECT_EQ(test, def_type_of(dev), IOMMU_DOMAIN_DMA);
}

/* sysfs identity for a device that cannot have it: error, old domain */
static void sysfs_identity_refused_per_device(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *old;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
			  .identity = MOCK_IDENTITY_PER_DEVICE);
	dev = MOCK_DEV(test, inst, "def-a", MOCK_DEV_NO_IDENTITY);
	old = iommu_group_default_domain(dev->iommu_group);

	KUNIT_EXPECT_EQ(test, iommu_group_store_type(dev->iommu_group,
						     "identity", 8),
			-EOPNOTSUPP);
	KUNIT_EXPECT_PTR_EQ(test, iommu_group_default_domain(dev->iommu_group),
			    old);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), old);
}

/* A failing attach of the new default domain restores the old one */
static void sysfs_type_attach_failure_restores(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *old;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	dev = MOCK_DEV(test, inst, "def-a", 0);
	old = iommu_group_default_domain(dev->iommu_group);

	mock_iommu_fail(inst, MOCK_OP_ATTACH_DEV, -ENOSPC, 1, dev,
			mock_iommu_identity(inst));
	KUNIT_EXPECT_EQ(test, iommu_group_store_type(dev->iommu_group,
						     "identity", 8), -ENOSPC);
	KUNIT_EXPECT_PTR_EQ(test, iommu_group_default_domain(dev->iommu_group),
			    old);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev), old);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev), old);
}

static struct kunit_case iommu_default_cases[] = {
	KUNIT_CASE_PARAM(default_type_follows_policy, def_policy_gen_params),
	KUNIT_CASE(dma_fq_without_deferred_flush_is_dma),
	KUNIT_CASE(set_dma_strict_turns_fq_into_dma),
	KUNIT_CASE(set_dma_strict_keeps_passthrough),
	KUNIT_CASE(identity_unavailable_falls_back_to_dma),
	KUNIT_CASE(per_device_identity_rule),
	KUNIT_CASE(per_device_identity_enodev_falls_back),
	KUNIT_CASE(group_identity_needs_every_member),
	KUNIT_CASE(dma_default_alloc_failure_fails_probe_einval),
	KUNIT_CASE(fallback_failure_fails_probe),
	KUNIT_CASE(identity_forced_unavailable_fails_probe),
	KUNIT_CASE(identity_forced_per_device_refusal_fails_probe),
	KUNIT_CASE(driver_wants_dma_under_passthrough),
	KUNIT_CASE(driver_wants_identity_under_strict),
	KUNIT_CASE_PARAM(conflicting_preferences_identity_wins,
			 def_conflict_gen_params),
	KUNIT_CASE(bus_probe_sets_up_group_once),
	KUNIT_CASE(fixed_default_domain_is_used),
	KUNIT_CASE(fixed_platform_default_domain),
	KUNIT_CASE(default_first_attach_failure_fails_probe),
	KUNIT_CASE(sysfs_type_store_rules),
	KUNIT_CASE(sysfs_type_against_driver_demand_einval),
	KUNIT_CASE(sysfs_identity_refused_per_device),
	KUNIT_CASE(sysfs_type_attach_failure_restores),
	{}
};

static struct kunit_suite iommu_default_suite = {
	.name = "iommu_default",
	.test_cases = iommu_default_cases,
};

kunit_test_suite(iommu_default_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
