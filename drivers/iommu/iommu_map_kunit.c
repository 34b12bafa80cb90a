// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of map/unmap: argument checks, page size selection, error
 * unwinding, IOTLB syncs and the gather helpers.
 *
 * Numbers in comments refer to the conformance list of the IOMMU core
 * reference (ref/core.md section 12).
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <kunit/bug.h>
#include <kunit/test.h>

#include "iommu-mock.h"
#include "iommu-priv.h"

#define RW (IOMMU_READ | IOMMU_WRITE)

struct map_env {
	struct mock_iommu *inst;
	struct device *dev;
	struct iommu_domain *domain;
};

static void map_setup_bitmap(struct kunit *test, struct map_env *env,
			     unsigned long bitmap)
{
	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	env->inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
			       .pgsize_bitmap = bitmap);
	env->dev = MOCK_DEV(test, env->inst, "map-a", 0);
	env->domain = MOCK_PAGING(test, env->dev);
	mock_iommu_log_clear(env->inst);
}

static void map_setup(struct kunit *test, struct map_env *env)
{
	map_setup_bitmap(test, env, SZ_4K | SZ_2M | SZ_1G);
}

/* The n-th logged map_pages call */
static const struct mock_call *map_call(struct mock_iommu *inst,
					unsigned int n)
{
	int idx = -1;

	do {
		idx = mock_iommu_find_call(inst, MOCK_OP_MAP_PAGES, idx + 1);
	} while (idx >= 0 && n--);
	return idx < 0 ? NULL : mock_iommu_call(inst, idx);
}

/* Bytes unmapped by all logged unmap_pages calls */
static size_t unmapped_bytes(struct mock_iommu *inst)
{
	unsigned int i, nr = mock_iommu_nr_calls(inst);
	size_t total = 0;

	for (i = 0; i < nr; i++) {
		const struct mock_call *call = mock_iommu_call(inst, i);

		if (call->op == MOCK_OP_UNMAP_PAGES)
			total += call->ret;
	}
	return total;
}

/* 83 */
static void map_non_paging_domain_einval(struct kunit *test)
{
	struct map_env env;
	struct iommu_domain *nested;

	map_setup(test, &env);
	nested = mock_domain_alloc_nested(env.inst, env.domain);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, nested);
	KUNIT_ASSERT_EQ(test, 0, mock_free_on_exit(test, nested));

	KUNIT_EXPECT_EQ(test, iommu_map(mock_iommu_identity(env.inst), 0,
					0, SZ_4K, RW, GFP_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_map(mock_iommu_blocked(env.inst), 0,
					0, SZ_4K, RW, GFP_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_map(nested, 0, 0, SZ_4K, RW, GFP_KERNEL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_MAP_PAGES), 0);

	/* Unmapping them does nothing either */
	KUNIT_EXPECT_EQ(test, iommu_unmap(mock_iommu_identity(env.inst), 0,
					  SZ_4K), (size_t)0);
	KUNIT_EXPECT_EQ(test, iommu_unmap(nested, 0, SZ_4K), (size_t)0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_UNMAP_PAGES),
			0);
}

/* 83: nor on SVA domains */
static void map_sva_domain_einval(struct kunit *test)
{
	struct map_env env;
	struct mm_struct *mm;
	struct iommu_sva *bond;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	env.inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	env.dev = MOCK_DEV(test, env.inst, "map-a", MOCK_DEV_PASID);
	mm = mock_mm_alloc(test);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, mm);
	bond = iommu_sva_bind_device(env.dev, mm);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bond);

	mock_iommu_log_clear(env.inst);
	KUNIT_EXPECT_EQ(test, iommu_map(bond->handle.domain, 0, 0, SZ_4K, RW,
					GFP_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_MAP_PAGES), 0);
	iommu_sva_unbind_device(bond);
}

struct map_align_case {
	unsigned long iova;
	phys_addr_t paddr;
	size_t size;
	const char *desc;
};

static const struct map_align_case map_align_cases[] = {
	{ 0x1800, 0x100000, SZ_4K, "iova" },
	{ 0x100000, 0x1800, SZ_4K, "paddr" },
	{ 0x100000, 0x100000, 0x1800, "size" },
	{ 0x1, 0x1, 0x1, "all" },
};

KUNIT_ARRAY_PARAM_DESC(map_align, map_align_cases, desc);

/* 84 */
static void map_unaligned_einval(struct kunit *test)
{
	const struct map_align_case *p = test->param_value;
	struct map_env env;

	map_setup(test, &env);
	KUNIT_EXPECT_EQ(test, iommu_map(env.domain, p->iova, p->paddr, p->size,
					RW, GFP_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_MAP_PAGES), 0);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)0);
}

struct map_gfp_case {
	gfp_t gfp;
	const char *desc;
};

static const struct map_gfp_case map_gfp_cases[] = {
	{ GFP_KERNEL | __GFP_HIGHMEM, "HIGHMEM" },
	{ GFP_KERNEL | __GFP_DMA, "DMA" },
	{ GFP_KERNEL | __GFP_DMA32, "DMA32" },
	{ GFP_KERNEL | __GFP_COMP, "COMP" },
};

KUNIT_ARRAY_PARAM_DESC(map_gfp, map_gfp_cases, desc);

/* 85 */
static void map_bad_gfp_einval(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_map);
	const struct map_gfp_case *p = test->param_value;
	struct map_env env;
	int ret;

	map_setup(test, &env);
	START_SUPPRESSED_WARNING(iommu_map);
	ret = iommu_map(env.domain, 0x100000, 0x100000, SZ_4K, RW, p->gfp);
	END_SUPPRESSED_WARNING(iommu_map);

	KUNIT_EXPECT_EQ(test, ret, -EINVAL);
	/* A one-time warning: only the first of these cases sees it */
	KUNIT_EXPECT_LE(test, SUPPRESSED_WARNING_COUNT(iommu_map), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_MAP_PAGES), 0);
}

/* 86 */
static void map_zero_size_no_driver_call(struct kunit *test)
{
	struct map_env env;

	map_setup(test, &env);
	KUNIT_EXPECT_EQ(test, iommu_map(env.domain, 0x100000, 0x100000, 0, RW,
					GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_MAP_PAGES), 0);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)0);
}

static void expect_map_call(struct kunit *test, const struct mock_call *call,
			    unsigned long iova, size_t pgsize, size_t count)
{
	KUNIT_ASSERT_NOT_NULL(test, call);
	KUNIT_EXPECT_EQ(test, call->iova, iova);
	KUNIT_EXPECT_EQ(test, call->paddr, (phys_addr_t)iova);
	KUNIT_EXPECT_EQ(test, call->pgsize, pgsize);
	KUNIT_EXPECT_EQ(test, call->count, count);
}

/* 87: the example of the reference, exactly */
static void map_splits_4k_2m_4k(struct kunit *test)
{
	struct map_env env;

	map_setup_bitmap(test, &env, SZ_4K | SZ_2M);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, SZ_4K, SZ_4K, SZ_4M, RW,
					GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_MAP_PAGES), 3);
	expect_map_call(test, map_call(env.inst, 0), SZ_4K, SZ_4K, 511);
	expect_map_call(test, map_call(env.inst, 1), SZ_2M, SZ_2M, 1);
	expect_map_call(test, map_call(env.inst, 2), SZ_4M, SZ_4K, 1);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)SZ_4M);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(env.domain, SZ_2M + 0x123),
			(phys_addr_t)(SZ_2M + 0x123));
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, SZ_4K, SZ_4M),
			(size_t)SZ_4M);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)0);
}

/* 87: aligned runs use the largest pages */
static void map_uses_largest_pages(struct kunit *test)
{
	struct map_env env;

	map_setup(test, &env);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, 0, 0,
					SZ_1G + SZ_2M + SZ_4K, RW,
					GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_MAP_PAGES), 3);
	expect_map_call(test, map_call(env.inst, 0), 0, SZ_1G, 1);
	expect_map_call(test, map_call(env.inst, 1), SZ_1G, SZ_2M, 1);
	expect_map_call(test, map_call(env.inst, 2), SZ_1G + SZ_2M, SZ_4K, 1);
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, 0,
					  SZ_1G + SZ_2M + SZ_4K),
			(size_t)(SZ_1G + SZ_2M + SZ_4K));
}

/* 87: iova and pa at different offsets in a large page: small pages only */
static void map_mismatched_offsets_small_pages(struct kunit *test)
{
	struct map_env env;
	const struct mock_call *call;

	map_setup_bitmap(test, &env, SZ_4K | SZ_2M);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, SZ_2M, SZ_2M + SZ_4K,
					SZ_4M, RW, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_MAP_PAGES), 1);
	call = map_call(env.inst, 0);
	KUNIT_ASSERT_NOT_NULL(test, call);
	KUNIT_EXPECT_EQ(test, call->pgsize, (size_t)SZ_4K);
	KUNIT_EXPECT_EQ(test, call->count, (size_t)(SZ_4M / SZ_4K));
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(env.domain, SZ_2M),
			(phys_addr_t)(SZ_2M + SZ_4K));
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, SZ_2M, SZ_4M),
			(size_t)SZ_4M);
}

struct map_fail_case {
	int err;
	const char *desc;
};

static const struct map_fail_case map_fail_cases[] = {
	{ -ENOMEM, "ENOMEM" },
	{ -ENOSPC, "ENOSPC" },
	{ -EIO, "EIO" },
};

KUNIT_ARRAY_PARAM_DESC(map_fail, map_fail_cases, desc);

/* 88: a failure in a later call unmaps exactly what the earlier ones did */
static void map_failure_unmaps_what_was_mapped(struct kunit *test)
{
	const struct map_fail_case *p = test->param_value;
	struct map_env env;
	const struct mock_call *call;

	map_setup_bitmap(test, &env, SZ_4K | SZ_2M);
	mock_iommu_fail(env.inst, MOCK_OP_MAP_PAGES, p->err, 2, NULL, NULL);
	KUNIT_EXPECT_EQ(test, iommu_map(env.domain, SZ_4K, SZ_4K, SZ_4M, RW,
					GFP_KERNEL), p->err);
	KUNIT_EXPECT_EQ(test, unmapped_bytes(env.inst), (size_t)(511 * SZ_4K));
	call = mock_iommu_last_call(env.inst, MOCK_OP_UNMAP_PAGES);
	KUNIT_ASSERT_NOT_NULL(test, call);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)0);
	/* The first unmap starts at the original IOVA */
	call = mock_iommu_call(env.inst,
			       mock_iommu_find_call(env.inst,
						    MOCK_OP_UNMAP_PAGES, 0));
	KUNIT_EXPECT_EQ(test, call->iova, (unsigned long)SZ_4K);
	/* No sync_map for a failed map */
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst,
					       MOCK_OP_IOTLB_SYNC_MAP), 0);
}

/* 88: a call that fails part way reports what it did map */
static void map_partial_call_unmaps_reported_bytes(struct kunit *test)
{
	struct map_env env;

	map_setup_bitmap(test, &env, SZ_4K | SZ_2M);
	mock_iommu_fail_map_partial(env.inst, -ENOMEM, 1, 100);
	KUNIT_EXPECT_EQ(test, iommu_map(env.domain, SZ_4K, SZ_4K, SZ_4M, RW,
					GFP_KERNEL), -ENOMEM);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_MAP_PAGES), 1);
	KUNIT_EXPECT_EQ(test, unmapped_bytes(env.inst), (size_t)(100 * SZ_4K));
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)0);
}

/* 88: an overlap (driver -EEXIST) undoes only this call's mappings */
static void map_overlap_keeps_existing_mapping(struct kunit *test)
{
	struct map_env env;

	map_setup(test, &env);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, 0x8000, 0x50000, SZ_4K, RW,
					GFP_KERNEL), 0);
	mock_iommu_log_clear(env.inst);

	KUNIT_EXPECT_EQ(test, iommu_map(env.domain, 0, 0x100000, SZ_64K, RW,
					GFP_KERNEL), -EEXIST);
	KUNIT_EXPECT_EQ(test, unmapped_bytes(env.inst), (size_t)0x8000);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)SZ_4K);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(env.domain, 0x8000),
			(phys_addr_t)0x50000);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(env.domain, 0), (phys_addr_t)0);
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, 0x8000, SZ_4K),
			(size_t)SZ_4K);
}

/* Driver checks reach the caller: no access bits, beyond the aperture */
static void map_driver_errors_reach_caller(struct kunit *test)
{
	struct map_env env;

	map_setup(test, &env);
	KUNIT_EXPECT_EQ(test, iommu_map(env.domain, 0, 0, SZ_4K, 0,
					GFP_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_map(env.domain, 1UL << 48, 0, SZ_4K, RW,
					GFP_KERNEL), -ERANGE);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)0);
}

/* 89 */
static void iotlb_sync_map_failure_unmaps_all(struct kunit *test)
{
	struct map_env env;

	map_setup(test, &env);
	mock_iommu_fail(env.inst, MOCK_OP_IOTLB_SYNC_MAP, -EIO, 1, NULL, NULL);
	KUNIT_EXPECT_EQ(test, iommu_map(env.domain, SZ_2M, SZ_2M, SZ_2M + SZ_8K,
					RW, GFP_KERNEL), -EIO);
	KUNIT_EXPECT_EQ(test, unmapped_bytes(env.inst),
			(size_t)(SZ_2M + SZ_8K));
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)0);
}

/* 89: a successful map is synced once, for the whole range */
static void map_success_syncs_range_once(struct kunit *test)
{
	struct map_env env;
	const struct mock_call *call;

	map_setup(test, &env);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, SZ_2M, SZ_2M, SZ_2M + SZ_8K,
					RW, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst,
					       MOCK_OP_IOTLB_SYNC_MAP), 1);
	call = mock_iommu_last_call(env.inst, MOCK_OP_IOTLB_SYNC_MAP);
	KUNIT_ASSERT_NOT_NULL(test, call);
	KUNIT_EXPECT_EQ(test, call->iova, (unsigned long)SZ_2M);
	KUNIT_EXPECT_EQ(test, call->count, (size_t)(SZ_2M + SZ_8K));
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, SZ_2M, SZ_2M + SZ_8K),
			(size_t)(SZ_2M + SZ_8K));
}

/* 90 */
static void unmap_unaligned_returns_zero(struct kunit *test)
{
	struct map_env env;

	map_setup(test, &env);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, 0, 0, SZ_64K, RW,
					GFP_KERNEL), 0);
	mock_iommu_log_clear(env.inst);
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, 0x800, SZ_4K), (size_t)0);
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, 0, 0x1800), (size_t)0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_UNMAP_PAGES),
			0);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)SZ_64K);
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, 0, SZ_64K),
			(size_t)SZ_64K);
}

/* 91 */
static void unmap_stops_at_first_hole(struct kunit *test)
{
	struct map_env env;

	map_setup(test, &env);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, 0, 0, SZ_8K, RW,
					GFP_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, SZ_16K, SZ_16K, SZ_4K, RW,
					GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, 0, SZ_32K),
			(size_t)SZ_8K);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)SZ_4K);
	/* Nothing at the start at all: 0 */
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, SZ_8K, SZ_16K),
			(size_t)0);
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, SZ_16K, SZ_4K),
			(size_t)SZ_4K);
}

/* Unmapping inside a large page takes the whole page */
static void unmap_inside_large_page_returns_page(struct kunit *test)
{
	struct map_env env;

	map_setup(test, &env);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, SZ_2M, SZ_2M, SZ_2M, RW,
					GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, SZ_2M, SZ_4K),
			(size_t)SZ_2M);
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(env.domain), (size_t)0);
}

/* 92 */
static void unmap_syncs_exactly_once(struct kunit *test)
{
	struct map_env env;
	const struct mock_call *call;

	map_setup(test, &env);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, 0, 0, SZ_64K, RW,
					GFP_KERNEL), 0);
	mock_iommu_log_clear(env.inst);

	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, 0, SZ_64K),
			(size_t)SZ_64K);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_IOTLB_SYNC), 1);
	call = mock_iommu_last_call(env.inst, MOCK_OP_IOTLB_SYNC);
	KUNIT_ASSERT_NOT_NULL(test, call);
	/* The gathered range: start, inclusive end, page size */
	KUNIT_EXPECT_EQ(test, call->iova, 0UL);
	KUNIT_EXPECT_EQ(test, call->count, (size_t)(SZ_64K - 1));
	KUNIT_EXPECT_EQ(test, call->pgsize, (size_t)SZ_4K);
	/* It is the last thing that happened */
	call = mock_iommu_call(env.inst, mock_iommu_nr_calls(env.inst) - 1);
	KUNIT_EXPECT_EQ(test, call->op, MOCK_OP_IOTLB_SYNC);

	/* Even an unmap of nothing syncs (an empty gather) */
	mock_iommu_log_clear(env.inst);
	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, 0, SZ_4K), (size_t)0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_IOTLB_SYNC), 1);
}

/* 92: the fast variant leaves the sync to the caller */
static void unmap_fast_does_not_sync(struct kunit *test)
{
	struct iommu_iotlb_gather gather;
	struct map_env env;

	map_setup(test, &env);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, 0, 0, SZ_64K, RW,
					GFP_KERNEL), 0);
	mock_iommu_log_clear(env.inst);

	iommu_iotlb_gather_init(&gather);
	KUNIT_EXPECT_EQ(test, iommu_unmap_fast(env.domain, 0, SZ_64K, &gather),
			(size_t)SZ_64K);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_IOTLB_SYNC), 0);
	KUNIT_EXPECT_EQ(test, gather.start, 0UL);
	KUNIT_EXPECT_EQ(test, gather.end, (unsigned long)(SZ_64K - 1));

	iommu_iotlb_sync(env.domain, &gather);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_IOTLB_SYNC), 1);
	/* The sync re-initialises the gather */
	KUNIT_EXPECT_EQ(test, gather.start, ULONG_MAX);
	KUNIT_EXPECT_EQ(test, gather.end, 0UL);
	KUNIT_EXPECT_EQ(test, gather.pgsize, (size_t)0);
}

/* 92: extra syncs a driver makes through the gather are its own */
static void unmap_driver_syncs_on_page_size_change(struct kunit *test)
{
	struct map_env env;

	map_setup(test, &env);
	KUNIT_ASSERT_EQ(test, iommu_map(env.domain, 0, 0, SZ_2M + SZ_4K, RW,
					GFP_KERNEL), 0);
	mock_iommu_log_clear(env.inst);

	KUNIT_EXPECT_EQ(test, iommu_unmap(env.domain, 0, SZ_2M + SZ_4K),
			(size_t)(SZ_2M + SZ_4K));
	/* One from the gather (2M then 4K pages), one from the core */
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_IOTLB_SYNC), 2);
}

/* 93 */
static void gather_add_page_merges_and_syncs(struct kunit *test)
{
	struct iommu_iotlb_gather gather;
	struct map_env env;

	map_setup(test, &env);
	iommu_iotlb_gather_init(&gather);
	KUNIT_EXPECT_EQ(test, gather.start, ULONG_MAX);
	KUNIT_EXPECT_FALSE(test, iommu_iotlb_gather_queued(&gather));
	KUNIT_EXPECT_FALSE(test, iommu_iotlb_gather_queued(NULL));

	iommu_iotlb_gather_add_page(env.domain, &gather, SZ_64K, SZ_4K);
	/* Adjacent above and below: merged, no sync */
	iommu_iotlb_gather_add_page(env.domain, &gather, SZ_64K + SZ_4K, SZ_4K);
	iommu_iotlb_gather_add_page(env.domain, &gather, SZ_64K - SZ_4K, SZ_4K);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_IOTLB_SYNC), 0);
	KUNIT_EXPECT_EQ(test, gather.start, (unsigned long)(SZ_64K - SZ_4K));
	KUNIT_EXPECT_EQ(test, gather.end, (unsigned long)(SZ_64K + SZ_8K - 1));
	KUNIT_EXPECT_EQ(test, gather.pgsize, (size_t)SZ_4K);

	/* Disjoint: sync what we have, start over */
	KUNIT_EXPECT_TRUE(test, iommu_iotlb_gather_is_disjoint(&gather, SZ_1M,
							       SZ_4K));
	iommu_iotlb_gather_add_page(env.domain, &gather, SZ_1M, SZ_4K);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_IOTLB_SYNC), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_last_call(env.inst,
						   MOCK_OP_IOTLB_SYNC)->iova,
			(unsigned long)(SZ_64K - SZ_4K));
	KUNIT_EXPECT_EQ(test, gather.start, (unsigned long)SZ_1M);
	KUNIT_EXPECT_EQ(test, gather.end, (unsigned long)(SZ_1M + SZ_4K - 1));

	/* Another page size: sync too, even when adjacent */
	iommu_iotlb_gather_add_page(env.domain, &gather, SZ_1M + SZ_4K, SZ_2M);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst, MOCK_OP_IOTLB_SYNC), 2);
	KUNIT_EXPECT_EQ(test, gather.pgsize, (size_t)SZ_2M);

	/* The empty gather is never disjoint */
	iommu_iotlb_gather_init(&gather);
	KUNIT_EXPECT_FALSE(test, iommu_iotlb_gather_is_disjoint(&gather,
								SZ_1G, SZ_4K));
}

/* 93: add_range only widens the range */
static void gather_add_range_widens(struct kunit *test)
{
	struct iommu_iotlb_gather gather;

	iommu_iotlb_gather_init(&gather);
	iommu_iotlb_gather_add_range(&gather, SZ_8K, SZ_4K);
	iommu_iotlb_gather_add_range(&gather, SZ_1M, SZ_4K);
	KUNIT_EXPECT_EQ(test, gather.start, (unsigned long)SZ_8K);
	KUNIT_EXPECT_EQ(test, gather.end, (unsigned long)(SZ_1M + SZ_4K - 1));
	KUNIT_EXPECT_EQ(test, gather.pgsize, (size_t)0);
}

/* A domain without iotlb ops: the helpers still keep the gather sane */
static void sync_without_driver_op_reinits(struct kunit *test)
{
	struct iommu_iotlb_gather gather;
	struct mock_iommu *inst;
	struct iommu_domain *domain;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .no_iotlb_sync = true,
			  .no_iotlb_sync_map = true);
	dev = MOCK_DEV(test, inst, "map-a", 0);
	domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_EQ(test, iommu_map(domain, 0, 0, SZ_8K, RW, GFP_KERNEL),
			0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_IOTLB_SYNC_MAP), 0);
	iommu_iotlb_gather_init(&gather);
	KUNIT_EXPECT_EQ(test, iommu_unmap_fast(domain, 0, SZ_8K, &gather),
			(size_t)SZ_8K);
	iommu_iotlb_sync(domain, &gather);
	KUNIT_EXPECT_EQ(test, gather.start, ULONG_MAX);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_IOTLB_SYNC), 0);
}

/* flush_iotlb_all reaches the driver */
static void flush_iotlb_all_reaches_driver(struct kunit *test)
{
	struct map_env env;

	map_setup(test, &env);
	iommu_flush_iotlb_all(env.domain);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env.inst,
					       MOCK_OP_FLUSH_IOTLB_ALL), 1);
}

static struct kunit_case iommu_map_cases[] = {
	KUNIT_CASE(map_non_paging_domain_einval),
	KUNIT_CASE(map_sva_domain_einval),
	KUNIT_CASE_PARAM(map_unaligned_einval, map_align_gen_params),
	KUNIT_CASE_PARAM(map_bad_gfp_einval, map_gfp_gen_params),
	KUNIT_CASE(map_zero_size_no_driver_call),
	KUNIT_CASE(map_splits_4k_2m_4k),
	KUNIT_CASE(map_uses_largest_pages),
	KUNIT_CASE(map_mismatched_offsets_small_pages),
	KUNIT_CASE_PARAM(map_failure_unmaps_what_was_mapped,
			 map_fail_gen_params),
	KUNIT_CASE(map_partial_call_unmaps_reported_bytes),
	KUNIT_CASE(map_overlap_keeps_existing_mapping),
	KUNIT_CASE(map_driver_errors_reach_caller),
	KUNIT_CASE(iotlb_sync_map_failure_unmaps_all),
	KUNIT_CASE(map_success_syncs_range_once),
	KUNIT_CASE(unmap_unaligned_returns_zero),
	KUNIT_CASE(unmap_stops_at_first_hole),
	KUNIT_CASE(unmap_inside_large_page_returns_page),
	KUNIT_CASE(unmap_syncs_exactly_once),
	KUNIT_CASE(unmap_fast_does_not_sync),
	KUNIT_CASE(unmap_driver_syncs_on_page_size_change),
	KUNIT_CASE(gather_add_page_merges_and_syncs),
	KUNIT_CASE(gather_add_range_widens),
	KUNIT_CASE(sync_without_driver_op_reinits),
	KUNIT_CASE(flush_iotlb_all_reaches_driver),
	{}
};

static struct kunit_suite iommu_map_suite = {
	.name = "iommu_map",
	.test_cases = iommu_map_cases,
};

kunit_test_suite(iommu_map_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
