// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers shared by the platform-level KUnit suites (see platform_test.h).
 */
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/mm.h>
#include <kunit/resource.h>
#include <kunit/test.h>

#include <host/machine.h>

#include "../../../../drivers/iommu/iommu-priv.h"
#include "platform_test.h"

struct pt_pages_res {
	void *mem;
	size_t size;
};

static void pt_pages_free(void *data)
{
	struct pt_pages_res *r = data;

	free_pages_exact(r->mem, r->size);
	kfree(r);
}

void *pt_pages(struct kunit *test, size_t size)
{
	struct pt_pages_res *r = kzalloc(sizeof(*r), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	r->size = PAGE_ALIGN(size);
	r->mem = alloc_pages_exact(r->size, GFP_KERNEL | __GFP_ZERO);
	if (!r->mem)
		kfree(r);
	KUNIT_ASSERT_NOT_NULL(test, r->mem);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, pt_pages_free, r), 0);
	return r->mem;
}

struct machine_dev *pt_dev(struct kunit *test, struct machine *m, const char *name)
{
	struct machine_dev *md = machine_dev_find(m, name);

	KUNIT_ASSERT_NOT_NULL_MSG(test, md, "no device %s", name);
	return md;
}

static void pt_group_put(void *group)
{
	iommu_group_put(group);
}

struct iommu_group *pt_group(struct kunit *test, struct machine_dev *md)
{
	struct iommu_group *group = iommu_group_get(md->dev);

	KUNIT_ASSERT_NOT_NULL_MSG(test, group, "%s has no group", md->name);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, pt_group_put, group), 0);
	return group;
}

static void pt_release(void *data)
{
	struct iommu_group *group = data;

	/* Back to the blocking domain first, whatever the test left attached */
	if (group->domain != group->blocking_domain)
		iommu_detach_group(NULL, group);
	iommu_group_release_dma_owner(group);
	iommu_group_put(group);
}

void pt_claim(struct kunit *test, struct iommu_group *group)
{
	KUNIT_ASSERT_EQ(test, iommu_group_claim_dma_owner(group, test), 0);
	iommu_group_ref_get(group);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, pt_release, group), 0);
}

static void pt_domain_free(void *domain)
{
	iommu_domain_free(domain);
}

struct iommu_domain *pt_paging(struct kunit *test, struct machine_dev *md)
{
	struct iommu_domain *domain = iommu_paging_domain_alloc(md->dev);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, domain);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, pt_domain_free, domain), 0);
	return domain;
}

int pt_write32(struct machine_dev *md, u64 iova, u32 pasid, u32 val)
{
	return machine_dev_dma(md, iova, &val, sizeof(val), pasid, DMA_ACC_WRITE);
}

int pt_read32(struct machine_dev *md, u64 iova, u32 pasid, u32 *val)
{
	return machine_dev_dma(md, iova, val, sizeof(*val), pasid, DMA_ACC_READ);
}
