// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of reserved regions: the per-group merged view, its sysfs
 * rendering, and the 1:1 mappings of direct regions in default domains.
 *
 * Numbers in comments refer to the conformance list of the IOMMU core
 * reference (ref/core.md section 12).
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/test.h>

#include "iommu-mock.h"
#include "iommu-priv.h"

#define RW (IOMMU_READ | IOMMU_WRITE)

static struct mock_iommu *resv_inst(struct kunit *test, unsigned int policy)
{
	mock_policy_set(test, policy);
	return MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
}

static struct device *resv_dev(struct kunit *test, struct mock_iommu *inst,
			       const char *name, const struct mock_resv *resv,
			       unsigned int nr, struct device *peer)
{
	struct mock_dev_config cfg = {
		.name = name,
		.resv = resv,
		.nr_resv = nr,
		.group_with = peer,
	};
	struct device *dev = mock_dev_create_cfg(test, inst, &cfg);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, dev);
	return dev;
}

static void resv_put_list(struct list_head *head)
{
	struct iommu_resv_region *region, *next;

	list_for_each_entry_safe(region, next, head, list) {
		list_del(&region->list);
		kfree(region);
	}
}

static void expect_region(struct kunit *test, struct iommu_resv_region *r,
			  phys_addr_t start, size_t length,
			  enum iommu_resv_type type)
{
	KUNIT_EXPECT_EQ(test, r->start, start);
	KUNIT_EXPECT_EQ(test, r->length, length);
	KUNIT_EXPECT_EQ(test, r->type, type);
}

static const struct mock_resv resv_a[] = {
	{ 0x1000, 0x1000, RW, IOMMU_RESV_DIRECT },
	{ 0x8000, 0x1000, 0, IOMMU_RESV_RESERVED },
	{ 0x3000, 0x2000, RW, IOMMU_RESV_MSI },
};

static const struct mock_resv resv_b[] = {
	{ 0x2000, 0x1000, RW, IOMMU_RESV_DIRECT },	/* touches a's */
	{ 0x8800, 0x1000, 0, IOMMU_RESV_RESERVED },	/* overlaps a's */
	{ 0x4000, 0x1000, RW, IOMMU_RESV_DIRECT },	/* inside the MSI one */
};

/* 95 */
static void group_regions_sorted_and_merged(struct kunit *test)
{
	struct mock_iommu *inst = resv_inst(test, IOMMU_DOMAIN_DMA);
	struct device *a = resv_dev(test, inst, "resv-a", resv_a,
				    ARRAY_SIZE(resv_a), NULL);
	struct iommu_resv_region *r[4];
	struct iommu_resv_region *region;
	LIST_HEAD(head);
	unsigned int n = 0;

	resv_dev(test, inst, "resv-b", resv_b, ARRAY_SIZE(resv_b), a);
	KUNIT_ASSERT_EQ(test, iommu_get_group_resv_regions(a->iommu_group,
							   &head), 0);
	list_for_each_entry(region, &head, list) {
		if (n < ARRAY_SIZE(r))
			r[n] = region;
		n++;
	}
	KUNIT_ASSERT_EQ(test, n, 4U);
	expect_region(test, r[0], 0x1000, 0x2000, IOMMU_RESV_DIRECT);
	expect_region(test, r[1], 0x3000, 0x2000, IOMMU_RESV_MSI);
	expect_region(test, r[2], 0x4000, 0x1000, IOMMU_RESV_DIRECT);
	expect_region(test, r[3], 0x8000, 0x1800, IOMMU_RESV_RESERVED);
	resv_put_list(&head);
}

/* 95: one device's regions come back as they are, sorted */
static void device_regions_sorted(struct kunit *test)
{
	struct mock_iommu *inst = resv_inst(test, IOMMU_DOMAIN_DMA);
	struct device *a = resv_dev(test, inst, "resv-a", resv_a,
				    ARRAY_SIZE(resv_a), NULL);
	struct iommu_resv_region *region;
	phys_addr_t last = 0;
	LIST_HEAD(head);
	unsigned int n = 0;

	KUNIT_ASSERT_EQ(test, iommu_get_group_resv_regions(a->iommu_group,
							   &head), 0);
	list_for_each_entry(region, &head, list) {
		KUNIT_EXPECT_GE(test, region->start, last);
		last = region->start;
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 3U);
	resv_put_list(&head);

	/* And the device's own list is the driver's, unsorted */
	iommu_get_resv_regions(a, &head);
	region = list_first_entry(&head, struct iommu_resv_region, list);
	expect_region(test, region, 0x1000, 0x1000, IOMMU_RESV_DIRECT);
	KUNIT_EXPECT_EQ(test, region->prot, RW);
	iommu_put_resv_regions(a, &head);
}

static const struct mock_resv resv_same_start[] = {
	{ 0x10000, 0x1000, 0, IOMMU_RESV_SW_MSI },
	{ 0x10000, 0x1000, RW, IOMMU_RESV_DIRECT },
	{ 0x10000, 0x2000, 0, IOMMU_RESV_RESERVED },
};

/* 95: equal starts are ordered by type and never merged */
static void same_start_different_types_kept(struct kunit *test)
{
	struct mock_iommu *inst = resv_inst(test, IOMMU_DOMAIN_DMA);
	struct device *a = resv_dev(test, inst, "resv-a", resv_same_start,
				    ARRAY_SIZE(resv_same_start), NULL);
	struct iommu_resv_region *region;
	enum iommu_resv_type types[3];
	LIST_HEAD(head);
	unsigned int n = 0;

	KUNIT_ASSERT_EQ(test, iommu_get_group_resv_regions(a->iommu_group,
							   &head), 0);
	list_for_each_entry(region, &head, list) {
		if (n < ARRAY_SIZE(types))
			types[n] = region->type;
		n++;
	}
	KUNIT_ASSERT_EQ(test, n, 3U);
	KUNIT_EXPECT_EQ(test, types[0], IOMMU_RESV_DIRECT);
	KUNIT_EXPECT_EQ(test, types[1], IOMMU_RESV_RESERVED);
	KUNIT_EXPECT_EQ(test, types[2], IOMMU_RESV_SW_MSI);
	resv_put_list(&head);
}

/* 95: the sysfs rendering, inclusive ends */
static void group_regions_sysfs_format(struct kunit *test)
{
	struct mock_iommu *inst = resv_inst(test, IOMMU_DOMAIN_DMA);
	struct device *a = resv_dev(test, inst, "resv-a", resv_a,
				    ARRAY_SIZE(resv_a), NULL);
	char *buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	ssize_t len;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = iommu_group_show_resv_regions(a->iommu_group, buf);
	KUNIT_EXPECT_EQ(test, len, (ssize_t)strlen(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "0x0000000000001000 0x0000000000001fff direct\n"
			   "0x0000000000003000 0x0000000000004fff msi\n"
			   "0x0000000000008000 0x0000000000008fff reserved\n");
}

static const struct mock_resv resv_direct[] = {
	{ 0x100000, SZ_64K, IOMMU_READ, IOMMU_RESV_DIRECT },
	{ 0x200000, SZ_8K, RW, IOMMU_RESV_DIRECT_RELAXABLE },
	{ 0x300000, SZ_4K, RW, IOMMU_RESV_RESERVED },
	{ 0x400000, SZ_4K, RW, IOMMU_RESV_MSI },
};

/* 96: direct regions are mapped 1:1 into a DMA default domain first */
static void direct_regions_mapped_before_attach(struct kunit *test)
{
	struct mock_iommu *inst = resv_inst(test, IOMMU_DOMAIN_DMA);
	struct device *dev = resv_dev(test, inst, "resv-a", resv_direct,
				      ARRAY_SIZE(resv_direct), NULL);
	struct iommu_domain *def = iommu_get_domain_for_dev(dev);
	const struct mock_call *call;
	int map, attach, flush;

	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(def, 0x100000),
			(phys_addr_t)0x100000);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(def, 0x10f123),
			(phys_addr_t)0x10f123);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(def, 0x201000),
			(phys_addr_t)0x201000);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(def, 0x300000), (phys_addr_t)0);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(def, 0x400000), (phys_addr_t)0);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(def), (size_t)(SZ_64K + SZ_8K));
	KUNIT_EXPECT_TRUE(test, dev->iommu->require_direct);

	/* The region's protection is used */
	map = mock_iommu_find_call(inst, MOCK_OP_MAP_PAGES, 0);
	KUNIT_ASSERT_GE(test, map, 0);
	call = mock_iommu_call(inst, map);
	KUNIT_EXPECT_EQ(test, call->iova, 0x100000UL);
	KUNIT_EXPECT_EQ(test, call->prot, IOMMU_READ);

	/* Mapped and flushed before the device is attached */
	attach = mock_iommu_find_call(inst, MOCK_OP_ATTACH_DEV, 0);
	flush = mock_iommu_find_call(inst, MOCK_OP_FLUSH_IOTLB_ALL, 0);
	KUNIT_ASSERT_GE(test, attach, 0);
	KUNIT_EXPECT_LT(test, map, attach);
	KUNIT_EXPECT_GT(test, flush, map);
	KUNIT_EXPECT_LT(test, flush, attach);
}

/* 96: no direct mappings in identity domains ... */
static void direct_regions_not_in_identity(struct kunit *test)
{
	struct mock_iommu *inst = resv_inst(test, IOMMU_DOMAIN_IDENTITY);
	struct device *dev = resv_dev(test, inst, "resv-a", resv_direct,
				      ARRAY_SIZE(resv_direct), NULL);

	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
			    mock_iommu_identity(inst));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_MAP_PAGES), 0);
	/* ... but the device still may not be blocked */
	KUNIT_EXPECT_TRUE(test, dev->iommu->require_direct);
}

/* 96: ... nor in domains a caller allocates */
static void direct_regions_not_in_unmanaged(struct kunit *test)
{
	struct mock_iommu *inst = resv_inst(test, IOMMU_DOMAIN_DMA);
	struct device *dev = resv_dev(test, inst, "resv-a", resv_direct,
				      ARRAY_SIZE(resv_direct), NULL);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, dev->iommu_group), 0);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(domain), (size_t)0);
	iommu_detach_group(domain, dev->iommu_group);
}

static const struct mock_resv resv_unaligned[] = {
	{ 0x100800, 0x1000, RW, IOMMU_RESV_DIRECT },
};

/* 96: regions are rounded to the smallest page size */
static void direct_region_rounding(struct kunit *test)
{
	struct mock_iommu *inst = resv_inst(test, IOMMU_DOMAIN_DMA);
	struct device *dev = resv_dev(test, inst, "resv-a", resv_unaligned,
				      ARRAY_SIZE(resv_unaligned), NULL);
	struct iommu_domain *def = iommu_get_domain_for_dev(dev);

	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(def, 0x101000),
			(phys_addr_t)0x101000);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(def), (size_t)SZ_4K);
}

static const struct mock_resv resv_overlap[] = {
	{ 0x108000, SZ_64K, RW, IOMMU_RESV_DIRECT },
};

/* 96: a second member's regions go into the live default domain, once */
static void direct_regions_of_new_member(struct kunit *test)
{
	struct mock_iommu *inst = resv_inst(test, IOMMU_DOMAIN_DMA);
	struct device *a = resv_dev(test, inst, "resv-a", resv_direct,
				    ARRAY_SIZE(resv_direct), NULL);
	struct iommu_domain *def = iommu_get_domain_for_dev(a);

	mock_iommu_log_clear(inst);
	resv_dev(test, inst, "resv-b", resv_overlap, ARRAY_SIZE(resv_overlap),
		 a);
	/* 0x108000-0x10ffff was there already: only 0x110000-0x117fff is new */
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(def),
			(size_t)(SZ_64K + SZ_8K + SZ_32K));
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(def, 0x117000),
			(phys_addr_t)0x117000);
	KUNIT_EXPECT_GT(test, mock_iommu_count(inst, MOCK_OP_MAP_PAGES), 0);
}

/* 96: a failing direct mapping fails the probe, with nothing left over */
static void direct_mapping_failure_fails_probe(struct kunit *test)
{
	struct mock_iommu *inst = resv_inst(test, IOMMU_DOMAIN_DMA);
	struct mock_dev_config cfg = {
		.name = "resv-a",
		.resv = resv_direct,
		.nr_resv = ARRAY_SIZE(resv_direct),
	};
	struct device *dev;

	mock_iommu_fail(inst, MOCK_OP_MAP_PAGES, -ENOMEM, 0, NULL, NULL);
	dev = mock_dev_create_cfg(test, inst, &cfg);
	KUNIT_EXPECT_PTR_EQ(test, dev, ERR_PTR(-ENOMEM));
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), 0U);
}

static struct kunit_case iommu_resv_cases[] = {
	KUNIT_CASE(group_regions_sorted_and_merged),
	KUNIT_CASE(device_regions_sorted),
	KUNIT_CASE(same_start_different_types_kept),
	KUNIT_CASE(group_regions_sysfs_format),
	KUNIT_CASE(direct_regions_mapped_before_attach),
	KUNIT_CASE(direct_regions_not_in_identity),
	KUNIT_CASE(direct_regions_not_in_unmanaged),
	KUNIT_CASE(direct_region_rounding),
	KUNIT_CASE(direct_regions_of_new_member),
	KUNIT_CASE(direct_mapping_failure_fails_probe),
	{}
};

static struct kunit_suite iommu_resv_suite = {
	.name = "iommu_resv",
	.test_cases = iommu_resv_cases,
};

kunit_test_suite(iommu_resv_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
