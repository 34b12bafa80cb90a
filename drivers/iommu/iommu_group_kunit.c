// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of groups: probing and releasing devices, the device_group
 * helpers (including pci_device_group() on PCI topologies), the group
 * object API, release domains and firmware specs.
 *
 * Numbers in comments refer to the conformance list of the IOMMU core
 * reference (ref/core.md section 12).
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/kref.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/string.h>
#include <kunit/bug.h>
#include <kunit/device.h>
#include <kunit/test.h>
#include <kunit/test-bug.h>

#include "iommu-mock.h"
#include "iommu-priv.h"

static struct mock_iommu *group_inst(struct kunit *test)
{
	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	return MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
}

/* 100: "not mine" during a bus probe is no error */
static void bus_probe_ignores_not_mine(struct kunit *test)
{
	struct mock_iommu *inst = group_inst(test);
	struct device *mine, *other;

	other = MOCK_DEV(test, inst, "grp-other",
			 MOCK_DEV_BUS_PROBE | MOCK_DEV_NOT_MINE);
	mine = MOCK_DEV(test, inst, "grp-mine", MOCK_DEV_BUS_PROBE);
	mock_iommu_log_clear(inst);

	KUNIT_EXPECT_EQ(test, bus_iommu_probe(mock_iommu_bus()), 0);
	KUNIT_EXPECT_NULL(test, other->iommu_group);
	KUNIT_EXPECT_NULL(test, other->iommu);
	KUNIT_ASSERT_NOT_NULL(test, mine->iommu_group);
	KUNIT_EXPECT_NOT_NULL(test, iommu_group_default_domain(mine->iommu_group));
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst, MOCK_OP_PROBE_DEVICE,
						   other, NULL), 1);
	/* Probing again leaves the probed device alone */
	mock_iommu_log_clear(inst);
	KUNIT_EXPECT_EQ(test, bus_iommu_probe(mock_iommu_bus()), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst, MOCK_OP_PROBE_DEVICE,
						   mine, NULL), 0);
}

/* 100: a probe_device error other than ENODEV is the probe's error */
static void probe_device_error_fails_probe(struct kunit *test)
{
	struct mock_iommu *inst = group_inst(test);
	struct device *dev;

	mock_iommu_fail(inst, MOCK_OP_PROBE_DEVICE, -ENOMEM, 1, NULL, NULL);
	dev = mock_dev_create(test, inst, "grp-a", 0);
	KUNIT_EXPECT_PTR_EQ(test, dev, ERR_PTR(-ENOMEM));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_DEVICE_GROUP), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_RELEASE_DEVICE),
			0);
}

/* 100: device_group() returning NULL is a driver bug: -EINVAL */
static void device_group_null_fails_probe_einval(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(probe_dev_group);
	struct mock_iommu *inst = group_inst(test);
	struct device *dev;

	mock_iommu_fail(inst, MOCK_OP_DEVICE_GROUP, MOCK_FAIL_NULL, 1, NULL,
			NULL);
	START_SUPPRESSED_WARNING(probe_dev_group);
	dev = mock_dev_create(test, inst, "grp-a", 0);
	END_SUPPRESSED_WARNING(probe_dev_group);

	KUNIT_EXPECT_PTR_EQ(test, dev, ERR_PTR(-EINVAL));
	/* A one-time warning: it fires in the first run only */
	KUNIT_EXPECT_LE(test, SUPPRESSED_WARNING_COUNT(probe_dev_group), 1);
	/* The driver was told to forget the device again */
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_RELEASE_DEVICE),
			1);
}

/* 100: a device_group() error is passed on */
static void device_group_error_fails_probe(struct kunit *test)
{
	struct mock_iommu *inst = group_inst(test);
	struct device *dev;

	mock_iommu_fail(inst, MOCK_OP_DEVICE_GROUP, -ENOSPC, 1, NULL, NULL);
	dev = mock_dev_create(test, inst, "grp-a", 0);
	KUNIT_EXPECT_PTR_EQ(test, dev, ERR_PTR(-ENOSPC));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_RELEASE_DEVICE),
			1);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), 0U);
}

/* A hot-plugged device: probe, group, default domain, finalize, in order */
static void hotplug_probe_order(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;
	int probe, group, attach, fin;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .probe_finalize = true);
	dev = MOCK_DEV(test, inst, "grp-a", 0);

	probe = mock_iommu_find_call(inst, MOCK_OP_PROBE_DEVICE, 0);
	group = mock_iommu_find_call(inst, MOCK_OP_DEVICE_GROUP, 0);
	attach = mock_iommu_find_call(inst, MOCK_OP_ATTACH_DEV, 0);
	fin = mock_iommu_find_call(inst, MOCK_OP_PROBE_FINALIZE, 0);
	KUNIT_ASSERT_GE(test, probe, 0);
	KUNIT_EXPECT_GT(test, group, probe);
	KUNIT_EXPECT_GT(test, attach, group);
	KUNIT_EXPECT_GT(test, fin, attach);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_PROBE_FINALIZE), 1);
	KUNIT_EXPECT_PTR_EQ(test, dev->iommu->iommu_dev, &inst->iommu);
	KUNIT_EXPECT_TRUE(test, device_iommu_mapped(dev));
}

/* Probing a probed device again does not probe it again */
static void probe_twice_is_noop(struct kunit *test)
{
	struct mock_iommu *inst = group_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "grp-a", 0);
	struct iommu_group *group = dev->iommu_group;

	mock_iommu_log_clear(inst);
	KUNIT_EXPECT_EQ(test, iommu_probe_device(dev), 0);
	KUNIT_EXPECT_PTR_EQ(test, dev->iommu_group, group);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_PROBE_DEVICE), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_DEVICE_GROUP), 0);
}

/* A device without any fwspec has no driver */
static void probe_without_fwspec_enodev(struct kunit *test)
{
	struct mock_iommu *inst = group_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "grp-a", MOCK_DEV_NO_PROBE);

	iommu_fwspec_free(dev);
	KUNIT_EXPECT_NULL(test, dev_iommu_fwspec_get(dev));
	KUNIT_EXPECT_EQ(test, iommu_probe_device(dev), -ENODEV);
	KUNIT_EXPECT_NULL(test, dev->iommu_group);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_PROBE_DEVICE), 0);
}

/* 101: the release domain goes on before release_device() */
static void release_domain_attached_before_release(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *release;
	const struct mock_call *call;
	struct device *dev;
	int attach, rel;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .release_domain = true);
	dev = MOCK_DEV(test, inst, "grp-a", 0);
	release = mock_iommu_release_domain(inst);
	KUNIT_ASSERT_NOT_NULL(test, release);
	mock_iommu_log_clear(inst);

	mock_dev_remove(dev);
	attach = mock_iommu_find_call(inst, MOCK_OP_ATTACH_DEV, 0);
	rel = mock_iommu_find_call(inst, MOCK_OP_RELEASE_DEVICE, 0);
	KUNIT_ASSERT_GE(test, attach, 0);
	KUNIT_ASSERT_GE(test, rel, 0);
	KUNIT_EXPECT_LT(test, attach, rel);
	call = mock_iommu_call(inst, attach);
	KUNIT_EXPECT_PTR_EQ(test, call->domain, release);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 1);
}

/* 101: without a release domain the driver is just told to let go */
static void release_without_release_domain(struct kunit *test)
{
	struct mock_iommu *inst = group_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "grp-a", 0);

	mock_iommu_log_clear(inst);
	mock_dev_remove(dev);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_RELEASE_DEVICE),
			1);
}

/* 101: a deferred attach that never happened has nothing to undo */
static void release_deferred_skips_release_domain(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .release_domain = true,
			  .attach_deferred = true);
	dev = MOCK_DEV(test, inst, "grp-a", MOCK_DEV_ATTACH_DEFERRED);
	mock_iommu_log_clear(inst);

	mock_dev_remove(dev);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_RELEASE_DEVICE),
			1);
}

static int group_owner;

/* 101: the last member takes the group's core domains with it */
static void last_device_frees_core_domains(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *def, *blocking;
	struct iommu_group *group;
	struct device *a, *b;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
			  .blocked = MOCK_BLOCKED_LEGACY);
	a = MOCK_DEV(test, inst, "grp-a", 0);
	b = MOCK_DEV_IN_GROUP(test, inst, "grp-b", 0, a);
	group = iommu_group_get(a);
	KUNIT_ASSERT_NOT_NULL(test, group);

	/* Create a blocking domain, then give the group back */
	KUNIT_ASSERT_EQ(test, iommu_group_claim_dma_owner(group, &group_owner),
			0);
	iommu_group_release_dma_owner(group);
	def = iommu_group_default_domain(group);
	blocking = group->blocking_domain;
	KUNIT_ASSERT_NOT_NULL(test, blocking);
	mock_iommu_log_clear(inst);

	mock_dev_remove(a);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_FREE), 0);
	KUNIT_EXPECT_PTR_EQ(test, group->default_domain, def);
	KUNIT_EXPECT_PTR_EQ(test, group->domain, def);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(b), def);

	mock_dev_remove(b);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_FREE), 2);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst, MOCK_OP_FREE, NULL,
						   def), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count_for(inst, MOCK_OP_FREE, NULL,
						   blocking), 1);
	KUNIT_EXPECT_NULL(test, group->default_domain);
	KUNIT_EXPECT_NULL(test, group->blocking_domain);
	KUNIT_EXPECT_NULL(test, group->domain);
	KUNIT_EXPECT_TRUE(test, list_empty(&group->devices));
	iommu_group_put(group);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), 0U);
}

/* The last member leaving a group that is still claimed is a bug */
static void last_device_leaving_claimed_group_warns(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(__iommu_group_free_device);
	struct mock_iommu *inst = group_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "grp-a", 0);

	KUNIT_ASSERT_EQ(test, iommu_device_claim_dma_owner(dev, &group_owner),
			0);
	START_SUPPRESSED_WARNING(__iommu_group_free_device);
	mock_dev_remove(dev);
	END_SUPPRESSED_WARNING(__iommu_group_free_device);
	KUNIT_EXPECT_EQ(test,
			SUPPRESSED_WARNING_COUNT(__iommu_group_free_device),
			1);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), 0U);
}

/* A removed member's group reference goes, the others' stay */
static void group_references(struct kunit *test)
{
	struct mock_iommu *inst = group_inst(test);
	struct device *a = MOCK_DEV(test, inst, "grp-a", 0);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "grp-b", 0, a);
	struct iommu_group *group = iommu_group_get(b);
	unsigned int refs;

	KUNIT_ASSERT_NOT_NULL(test, group);
	KUNIT_EXPECT_PTR_EQ(test, group, a->iommu_group);
	refs = kref_read(&group->ref);
	KUNIT_EXPECT_PTR_EQ(test, iommu_group_ref_get(group), group);
	KUNIT_EXPECT_EQ(test, kref_read(&group->ref), refs + 1);
	iommu_group_put(group);
	KUNIT_EXPECT_EQ(test, kref_read(&group->ref), refs);

	/* A removed member drops its reference (the device itself is gone) */
	mock_dev_remove(a);
	KUNIT_EXPECT_EQ(test, kref_read(&group->ref), refs - 1);
	KUNIT_EXPECT_TRUE(test, list_is_singular(&group->devices));
	iommu_group_put(group);
	iommu_group_put(NULL);
}

/* Each group has its own id */
static void group_ids_are_unique(struct kunit *test)
{
	struct mock_iommu *inst = group_inst(test);
	struct device *a = MOCK_DEV(test, inst, "grp-a", 0);
	struct device *b = MOCK_DEV(test, inst, "grp-b", 0);

	KUNIT_EXPECT_PTR_NE(test, a->iommu_group, b->iommu_group);
	KUNIT_EXPECT_GE(test, iommu_group_id(a->iommu_group), 0);
	KUNIT_EXPECT_NE(test, iommu_group_id(a->iommu_group),
			iommu_group_id(b->iommu_group));
}

/* One group per instance with generic_single_device_group() */
static void single_device_group_per_instance(struct kunit *test)
{
	struct mock_iommu *inst, *other;
	struct device *a, *b, *c;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .group = MOCK_GROUP_SINGLE);
	other = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .group = MOCK_GROUP_SINGLE);
	a = MOCK_DEV(test, inst, "grp-a", 0);
	b = MOCK_DEV(test, inst, "grp-b", 0);
	c = MOCK_DEV(test, other, "grp-c", 0);

	KUNIT_EXPECT_PTR_EQ(test, a->iommu_group, b->iommu_group);
	KUNIT_EXPECT_PTR_NE(test, a->iommu_group, c->iommu_group);
	KUNIT_EXPECT_PTR_EQ(test, inst->iommu.singleton_group, a->iommu_group);
	/* b joined a set-up group: attached to its domain, no new one */
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst,
					       MOCK_OP_DOMAIN_ALLOC_PAGING), 1);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(b),
			    iommu_get_domain_for_dev(a));
}

static unsigned int group_data_released;

static void group_data_release(void *data)
{
	group_data_released++;
	KUNIT_EXPECT_PTR_EQ(kunit_get_current_test(), data,
			    (void *)&group_data_released);
}

/* Driver data and names */
static void group_iommudata_and_name(struct kunit *test)
{
	struct mock_iommu *inst = group_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "grp-a", 0);
	struct iommu_group *group = dev->iommu_group;

	group_data_released = 0;
	KUNIT_EXPECT_NULL(test, iommu_group_get_iommudata(group));
	iommu_group_set_iommudata(group, &group_data_released,
				  group_data_release);
	KUNIT_EXPECT_PTR_EQ(test, iommu_group_get_iommudata(group),
			    (void *)&group_data_released);

	KUNIT_EXPECT_EQ(test, iommu_group_set_name(group, "grp-name"), 0);
	KUNIT_EXPECT_STREQ(test, group->name, "grp-name");
	KUNIT_EXPECT_EQ(test, iommu_group_set_name(group, NULL), 0);
	KUNIT_EXPECT_NULL(test, group->name);

	/* The release callback runs when the group goes */
	mock_dev_remove(dev);
	KUNIT_EXPECT_EQ(test, group_data_released, 1U);
}

struct group_walk {
	unsigned int seen;
	struct device *stop_at;
};

static int group_walk_fn(struct device *dev, void *data)
{
	struct group_walk *walk = data;

	walk->seen++;
	return dev == walk->stop_at ? 42 : 0;
}

/* iommu_group_for_each_dev() stops at the first non-zero return */
static void group_walk_stops_at_nonzero(struct kunit *test)
{
	struct mock_iommu *inst = group_inst(test);
	struct device *a = MOCK_DEV(test, inst, "grp-a", 0);
	struct device *b = MOCK_DEV_IN_GROUP(test, inst, "grp-b", 0, a);
	struct group_walk walk = { .stop_at = b };

	MOCK_DEV_IN_GROUP(test, inst, "grp-c", 0, a);
	KUNIT_EXPECT_EQ(test, iommu_group_for_each_dev(a->iommu_group, &walk,
						       group_walk_fn), 42);
	KUNIT_EXPECT_EQ(test, walk.seen, 2U);

	walk.seen = 0;
	walk.stop_at = NULL;
	KUNIT_EXPECT_EQ(test, iommu_group_for_each_dev(a->iommu_group, &walk,
						       group_walk_fn), 0);
	KUNIT_EXPECT_EQ(test, walk.seen, 3U);
}

/* iommu_present() covers the buses the core watches */
static void iommu_present_on_core_buses(struct kunit *test)
{
	group_inst(test);
	KUNIT_EXPECT_TRUE(test, iommu_present(&platform_bus_type));
	KUNIT_EXPECT_FALSE(test, iommu_present(mock_iommu_bus()));
}

/* Firmware specs */
static void fwspec_init_rules(struct kunit *test)
{
	struct mock_iommu *inst = group_inst(test);
	struct mock_iommu *other = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "grp-a", MOCK_DEV_NO_PROBE);
	struct fwnode_handle unknown = {};
	static const u32 ids[] = { 7, 9 };
	struct iommu_fwspec *fwspec;

	/* Already set for this driver: fine, for another: not */
	KUNIT_EXPECT_EQ(test, iommu_fwspec_init(dev, mock_iommu_fwnode(inst)),
			0);
	KUNIT_EXPECT_EQ(test, iommu_fwspec_init(dev, mock_iommu_fwnode(other)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_fwspec_init(dev, &unknown), -EPROBE_DEFER);

	KUNIT_EXPECT_EQ(test, iommu_fwspec_add_ids(dev, ids, 2), 0);
	fwspec = dev_iommu_fwspec_get(dev);
	KUNIT_ASSERT_NOT_NULL(test, fwspec);
	KUNIT_EXPECT_EQ(test, fwspec->num_ids, 2U);
	KUNIT_EXPECT_EQ(test, fwspec->ids[0], 7U);
	KUNIT_EXPECT_EQ(test, fwspec->ids[1], 9U);
	KUNIT_EXPECT_PTR_EQ(test, fwspec->iommu_fwnode,
			    mock_iommu_fwnode(inst));

	iommu_fwspec_free(dev);
	KUNIT_EXPECT_EQ(test, iommu_fwspec_add_ids(dev, ids, 1), -EINVAL);
}

/* ---- PCI topologies ----------------------------------------------------- */

#define DF(slot, fn) PCI_DEVFN(slot, fn)

static struct iommu_group *pci_group(struct kunit *test, struct mock_pci *mp,
				     u8 bus, u8 devfn)
{
	struct pci_dev *pdev = mock_pci_dev(mp, bus, devfn);

	KUNIT_ASSERT_NOT_NULL(test, pdev);
	KUNIT_ASSERT_EQ(test, mock_pci_probe_result(mp, bus, devfn), 0);
	KUNIT_ASSERT_NOT_NULL(test, pdev->dev.iommu_group);
	return pdev->dev.iommu_group;
}

/* The default domain type of a function on the root bus */
static unsigned int pci_default_type(struct kunit *test, struct mock_pci *mp,
				     u8 devfn)
{
	return iommu_group_default_domain(pci_group(test, mp, 0, devfn))->type;
}

static struct mock_pci *pci_build(struct kunit *test, struct mock_iommu *inst,
				  const struct mock_pci_fn *fns,
				  unsigned int nr)
{
	struct mock_pci *mp = mock_pci_create(test, inst, fns, nr);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, mp);
	return mp;
}

/* Single-function endpoints are isolated */
static void pci_endpoints_get_own_groups(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(1, 0), .type = PCI_EXP_TYPE_RC_END },
		{ .bus = 0, .devfn = DF(2, 0), .type = PCI_EXP_TYPE_RC_END },
	};
	struct mock_iommu *inst = group_inst(test);
	struct mock_pci *mp = pci_build(test, inst, fns, ARRAY_SIZE(fns));

	KUNIT_EXPECT_PTR_NE(test, pci_group(test, mp, 0, DF(1, 0)),
			    pci_group(test, mp, 0, DF(2, 0)));
}

/* A multifunction device without ACS is one group */
static void pci_multifunction_without_acs_shares_group(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(3, 0), .type = PCI_EXP_TYPE_RC_END,
		  .multifunction = true },
		{ .bus = 0, .devfn = DF(3, 1), .type = PCI_EXP_TYPE_RC_END,
		  .multifunction = true },
		{ .bus = 0, .devfn = DF(3, 2), .type = PCI_EXP_TYPE_RC_END,
		  .multifunction = true },
	};
	struct mock_iommu *inst = group_inst(test);
	struct mock_pci *mp = pci_build(test, inst, fns, ARRAY_SIZE(fns));
	struct iommu_group *group = pci_group(test, mp, 0, DF(3, 0));
	struct iommu_domain *domain;
	struct device *fn1;

	KUNIT_EXPECT_PTR_EQ(test, pci_group(test, mp, 0, DF(3, 1)), group);
	KUNIT_EXPECT_PTR_EQ(test, pci_group(test, mp, 0, DF(3, 2)), group);

	/* And it attaches as a whole */
	domain = MOCK_PAGING(test, &mock_pci_dev(mp, 0, DF(3, 0))->dev);
	mock_iommu_log_clear(inst);
	fn1 = &mock_pci_dev(mp, 0, DF(3, 1))->dev;
	KUNIT_EXPECT_EQ(test, iommu_attach_device(domain, fn1), -EINVAL);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ATTACH_DEV), 3);
	iommu_detach_group(domain, group);
}

/* With ACS the functions are isolated */
static void pci_multifunction_with_acs_separate_groups(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(3, 0), .type = PCI_EXP_TYPE_RC_END,
		  .multifunction = true, .acs = true },
		{ .bus = 0, .devfn = DF(3, 1), .type = PCI_EXP_TYPE_RC_END,
		  .multifunction = true, .acs = true },
	};
	struct mock_iommu *inst = group_inst(test);
	struct mock_pci *mp = pci_build(test, inst, fns, ARRAY_SIZE(fns));

	KUNIT_EXPECT_PTR_NE(test, pci_group(test, mp, 0, DF(3, 0)),
			    pci_group(test, mp, 0, DF(3, 1)));
}

/*
 * Devices behind a PCIe-to-PCI bridge cannot be told apart: they share
 * the bridge's group. The bridge sits below a root port with ACS, so it
 * is isolated from the rest.
 */
static void pci_conventional_bus_shares_bridge_group(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(0x1c, 0), .type = PCI_EXP_TYPE_ROOT_PORT,
		  .bridge = true, .secondary = 1, .subordinate = 2,
		  .acs = true },
		{ .bus = 1, .devfn = DF(0, 0), .type = PCI_EXP_TYPE_PCI_BRIDGE,
		  .bridge = true, .secondary = 2 },
		{ .bus = 2, .devfn = DF(1, 0), .type = MOCK_PCI_CONVENTIONAL },
		{ .bus = 2, .devfn = DF(2, 0), .type = MOCK_PCI_CONVENTIONAL },
		{ .bus = 0, .devfn = DF(4, 0), .type = PCI_EXP_TYPE_RC_END },
	};
	struct mock_iommu *inst = group_inst(test);
	struct mock_pci *mp = pci_build(test, inst, fns, ARRAY_SIZE(fns));
	struct iommu_group *bridge = pci_group(test, mp, 1, DF(0, 0));

	KUNIT_EXPECT_PTR_EQ(test, pci_group(test, mp, 2, DF(1, 0)), bridge);
	KUNIT_EXPECT_PTR_EQ(test, pci_group(test, mp, 2, DF(2, 0)), bridge);
	KUNIT_EXPECT_PTR_NE(test, pci_group(test, mp, 0, DF(0x1c, 0)), bridge);
	KUNIT_EXPECT_PTR_NE(test, pci_group(test, mp, 0, DF(4, 0)), bridge);
}

/* A root port without ACS shares its group with what is below it */
static void pci_root_port_without_acs_shares_group(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(0x1c, 0), .type = PCI_EXP_TYPE_ROOT_PORT,
		  .bridge = true, .secondary = 1 },
		{ .bus = 1, .devfn = DF(0, 0), .type = PCI_EXP_TYPE_ENDPOINT },
	};
	struct mock_iommu *inst = group_inst(test);
	struct mock_pci *mp = pci_build(test, inst, fns, ARRAY_SIZE(fns));

	KUNIT_EXPECT_PTR_EQ(test, pci_group(test, mp, 1, DF(0, 0)),
			    pci_group(test, mp, 0, DF(0x1c, 0)));
}

/* A root port with ACS isolates the endpoint below it */
static void pci_root_port_with_acs_isolates(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(0x1c, 0), .type = PCI_EXP_TYPE_ROOT_PORT,
		  .bridge = true, .secondary = 1, .acs = true },
		{ .bus = 1, .devfn = DF(0, 0), .type = PCI_EXP_TYPE_ENDPOINT },
	};
	struct mock_iommu *inst = group_inst(test);
	struct mock_pci *mp = pci_build(test, inst, fns, ARRAY_SIZE(fns));

	KUNIT_EXPECT_PTR_NE(test, pci_group(test, mp, 1, DF(0, 0)),
			    pci_group(test, mp, 0, DF(0x1c, 0)));
}

/* DMA aliases put functions in one group */
static void pci_dma_alias_shares_group(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(5, 0), .type = PCI_EXP_TYPE_RC_END,
		  .alias_devfn = DF(6, 0), .nr_aliases = 1 },
		{ .bus = 0, .devfn = DF(6, 0), .type = PCI_EXP_TYPE_RC_END },
		{ .bus = 0, .devfn = DF(7, 0), .type = PCI_EXP_TYPE_RC_END },
	};
	struct mock_iommu *inst = group_inst(test);
	struct mock_pci *mp = pci_build(test, inst, fns, ARRAY_SIZE(fns));

	KUNIT_EXPECT_PTR_EQ(test, pci_group(test, mp, 0, DF(6, 0)),
			    pci_group(test, mp, 0, DF(5, 0)));
	KUNIT_EXPECT_PTR_NE(test, pci_group(test, mp, 0, DF(7, 0)),
			    pci_group(test, mp, 0, DF(5, 0)));
}

/* 50: an untrusted device gets a strict DMA domain */
static void pci_untrusted_gets_strict_dma(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(1, 0), .type = PCI_EXP_TYPE_RC_END,
		  .untrusted = true },
		{ .bus = 0, .devfn = DF(2, 0), .type = PCI_EXP_TYPE_RC_END },
	};
	struct mock_iommu *inst;
	struct mock_pci *mp;

	mock_policy_set(test, IOMMU_DOMAIN_DMA_FQ);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	mp = pci_build(test, inst, fns, ARRAY_SIZE(fns));

	KUNIT_EXPECT_EQ(test, pci_default_type(test, mp, DF(1, 0)),
			IOMMU_DOMAIN_DMA);
	KUNIT_EXPECT_EQ(test, pci_default_type(test, mp, DF(2, 0)),
			IOMMU_DOMAIN_DMA_FQ);
}

/* 50: also under passthrough */
static void pci_untrusted_not_passthrough(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(1, 0), .type = PCI_EXP_TYPE_RC_END,
		  .untrusted = true },
	};
	struct mock_iommu *inst;
	struct mock_pci *mp;

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	mp = pci_build(test, inst, fns, ARRAY_SIZE(fns));
	KUNIT_EXPECT_EQ(test, pci_default_type(test, mp, DF(1, 0)),
			IOMMU_DOMAIN_DMA);
}

/* 50: a driver insisting on identity for it makes the probe fail */
static void pci_untrusted_forced_identity_einval(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(1, 0), .type = PCI_EXP_TYPE_RC_END,
		  .untrusted = true, .flags = MOCK_DEV_WANT_IDENTITY },
	};
	struct mock_iommu *inst = group_inst(test);
	struct mock_pci *mp = mock_pci_create(test, inst, fns, ARRAY_SIZE(fns));

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, mp);
	KUNIT_EXPECT_EQ(test, mock_pci_probe_result(mp, 0, DF(1, 0)), -EINVAL);
	KUNIT_EXPECT_NULL(test, mock_pci_dev(mp, 0, DF(1, 0))->dev.iommu_group);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), 0U);
}

/* The PASID width of a PCI function comes from its capability */
static void pci_pasid_capability_sets_max_pasids(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(1, 0), .type = PCI_EXP_TYPE_RC_END,
		  .pasid_bits = 5 },
		{ .bus = 0, .devfn = DF(2, 0), .type = PCI_EXP_TYPE_RC_END },
	};
	struct mock_iommu *inst = group_inst(test);
	struct mock_pci *mp = pci_build(test, inst, fns, ARRAY_SIZE(fns));

	pci_group(test, mp, 0, DF(1, 0));
	KUNIT_EXPECT_EQ(test, mock_pci_dev(mp, 0, DF(1, 0))->dev.iommu->max_pasids,
			32U);
	pci_group(test, mp, 0, DF(2, 0));
	KUNIT_EXPECT_EQ(test, mock_pci_dev(mp, 0, DF(2, 0))->dev.iommu->max_pasids,
			0U);
}

/* Removing a PCI function releases it from its group */
static void pci_removal_releases_device(struct kunit *test)
{
	static const struct mock_pci_fn fns[] = {
		{ .bus = 0, .devfn = DF(3, 0), .type = PCI_EXP_TYPE_RC_END,
		  .multifunction = true },
		{ .bus = 0, .devfn = DF(3, 1), .type = PCI_EXP_TYPE_RC_END,
		  .multifunction = true },
	};
	struct mock_iommu *inst = group_inst(test);
	struct mock_pci *mp = pci_build(test, inst, fns, ARRAY_SIZE(fns));
	struct iommu_group *group = pci_group(test, mp, 0, DF(3, 0));
	struct pci_dev *fn1 = mock_pci_dev(mp, 0, DF(3, 1));

	KUNIT_ASSERT_PTR_EQ(test, pci_group(test, mp, 0, DF(3, 1)), group);
	mock_iommu_log_clear(inst);

	pci_stop_and_remove_bus_device_locked(fn1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_RELEASE_DEVICE),
			1);
	KUNIT_EXPECT_TRUE(test, list_is_singular(&group->devices));
}

static struct kunit_case iommu_group_cases[] = {
	KUNIT_CASE(bus_probe_ignores_not_mine),
	KUNIT_CASE(probe_device_error_fails_probe),
	KUNIT_CASE(device_group_null_fails_probe_einval),
	KUNIT_CASE(device_group_error_fails_probe),
	KUNIT_CASE(hotplug_probe_order),
	KUNIT_CASE(probe_twice_is_noop),
	KUNIT_CASE(probe_without_fwspec_enodev),
	KUNIT_CASE(release_domain_attached_before_release),
	KUNIT_CASE(release_without_release_domain),
	KUNIT_CASE(release_deferred_skips_release_domain),
	KUNIT_CASE(last_device_frees_core_domains),
	KUNIT_CASE(last_device_leaving_claimed_group_warns),
	KUNIT_CASE(group_references),
	KUNIT_CASE(group_ids_are_unique),
	KUNIT_CASE(single_device_group_per_instance),
	KUNIT_CASE(group_iommudata_and_name),
	KUNIT_CASE(group_walk_stops_at_nonzero),
	KUNIT_CASE(iommu_present_on_core_buses),
	KUNIT_CASE(fwspec_init_rules),
	KUNIT_CASE(pci_endpoints_get_own_groups),
	KUNIT_CASE(pci_multifunction_without_acs_shares_group),
	KUNIT_CASE(pci_multifunction_with_acs_separate_groups),
	KUNIT_CASE(pci_conventional_bus_shares_bridge_group),
	KUNIT_CASE(pci_root_port_without_acs_shares_group),
	KUNIT_CASE(pci_root_port_with_acs_isolates),
	KUNIT_CASE(pci_dma_alias_shares_group),
	KUNIT_CASE(pci_untrusted_gets_strict_dma),
	KUNIT_CASE(pci_untrusted_not_passthrough),
	KUNIT_CASE(pci_untrusted_forced_identity_einval),
	KUNIT_CASE(pci_pasid_capability_sets_max_pasids),
	KUNIT_CASE(pci_removal_releases_device),
	{}
};

static struct kunit_suite iommu_group_suite = {
	.name = "iommu_group",
	.test_cases = iommu_group_cases,
};

kunit_test_suite(iommu_group_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
