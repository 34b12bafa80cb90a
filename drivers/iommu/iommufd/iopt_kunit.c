// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the io_pagetable and iopt_pages internals: area
 * bookkeeping, IOVA alignment and allocation, reserved and allowed ranges,
 * exact pin counts as domains and accesses come and go, memory
 * accounting, and fault-injection sweeps over the map/unmap paths.
 *
 * The tests drive the io_pagetable directly, with a small paging domain of
 * their own that records every map call, and use vmalloc memory as the
 * "user" memory that gets pinned.
 */
#include <kunit/test.h>
#include <linux/cred.h>
#include <linux/iommu.h>
#include <linux/iommufd.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/xarray.h>

#include "double_span.h"
#include "io_pagetable.h"

/* ---------------------------------------------------------------------- */
/* A test paging domain */

/**
 * struct kt_domain - a paging domain that remembers what was mapped
 * @domain: the domain
 * @ptes: physical address of each mapped PAGE_SIZE granule, by IOVA page
 * @nr_map_calls: map_pages() calls
 * @nr_huge_maps: map_pages() calls with a page size above PAGE_SIZE
 */
struct kt_domain {
	struct iommu_domain domain;
	struct xarray ptes;
	unsigned int nr_map_calls;
	unsigned int nr_huge_maps;
};

static struct kt_domain *to_kt(struct iommu_domain *domain)
{
	return container_of(domain, struct kt_domain, domain);
}

static int kt_map_pages(struct iommu_domain *domain, unsigned long iova,
			phys_addr_t paddr, size_t pgsize, size_t pgcount,
			int prot, gfp_t gfp, size_t *mapped)
{
	struct kt_domain *kt = to_kt(domain);
	size_t total = pgsize * pgcount;
	size_t done;

	kt->nr_map_calls++;
	if (pgsize > PAGE_SIZE)
		kt->nr_huge_maps++;
	for (done = 0; done < total; done += PAGE_SIZE) {
		void *old;

		old = xa_store(&kt->ptes, (iova + done) / PAGE_SIZE,
			       xa_mk_value((paddr + done) / PAGE_SIZE), gfp);
		if (xa_is_err(old)) {
			while (done) {
				done -= PAGE_SIZE;
				xa_erase(&kt->ptes, (iova + done) / PAGE_SIZE);
			}
			return xa_err(old);
		}
		WARN_ON(old);
	}
	*mapped = total;
	return 0;
}

static size_t kt_unmap_pages(struct iommu_domain *domain, unsigned long iova,
			     size_t pgsize, size_t pgcount,
			     struct iommu_iotlb_gather *gather)
{
	struct kt_domain *kt = to_kt(domain);
	size_t total = pgsize * pgcount;
	size_t done;

	for (done = 0; done < total; done += PAGE_SIZE)
		xa_erase(&kt->ptes, (iova + done) / PAGE_SIZE);
	return total;
}

static phys_addr_t kt_iova_to_phys(struct iommu_domain *domain,
				   dma_addr_t iova)
{
	void *entry = xa_load(&to_kt(domain)->ptes, iova / PAGE_SIZE);

	if (!entry)
		return 0;
	return xa_to_value(entry) * PAGE_SIZE + iova % PAGE_SIZE;
}

static const struct iommu_domain_ops kt_domain_ops = {
	.map_pages = kt_map_pages,
	.unmap_pages = kt_unmap_pages,
	.iova_to_phys = kt_iova_to_phys,
};

static void kt_domain_release(void *data)
{
	struct kt_domain *kt = data;

	xa_destroy(&kt->ptes);
}

static struct kt_domain *kt_domain_new(struct kunit *test,
				       unsigned long pgsize_bitmap,
				       unsigned long aperture_start,
				       unsigned long aperture_end)
{
	struct kt_domain *kt;

	kt = kunit_kzalloc(test, sizeof(*kt), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, kt);
	xa_init(&kt->ptes);
	kt->domain.type = IOMMU_DOMAIN_UNMANAGED;
	kt->domain.ops = &kt_domain_ops;
	kt->domain.pgsize_bitmap = pgsize_bitmap;
	kt->domain.geometry.aperture_start = aperture_start;
	kt->domain.geometry.aperture_end = aperture_end;
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test,
							   kt_domain_release,
							   kt));
	return kt;
}

static unsigned long kt_nr_ptes(struct kt_domain *kt)
{
	unsigned long index;
	unsigned long n = 0;
	void *entry;

	xa_for_each(&kt->ptes, index, entry)
		n++;
	return n;
}

/* ---------------------------------------------------------------------- */
/* Fixture: a table, a context and a buffer of "user" memory */

#define KT_NPAGES	32

struct kt_ctx {
	struct iommufd_ctx ictx;
	struct io_pagetable iopt;
	u8 *buf;
	size_t buf_len;
};

static int kt_init(struct kunit *test)
{
	struct kt_ctx *ctx;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	ctx->buf_len = KT_NPAGES * PAGE_SIZE;
	ctx->buf = vzalloc(ctx->buf_len);
	if (!ctx->buf)
		return -ENOMEM;
	iopt_init_table(&ctx->iopt);
	test->priv = ctx;
	return 0;
}

static void kt_exit(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;

	iopt_unmap_all(&ctx->iopt, NULL);
	iopt_destroy_table(&ctx->iopt);
	vfree(ctx->buf);
}

/* Number of FOLL_PIN references on the page holding addr */
static int kt_pins(const void *addr)
{
	return page_ref_count(virt_to_page(addr)) / GUP_PIN_COUNTING_BIAS;
}

static unsigned long kt_total_pins(struct kt_ctx *ctx)
{
	unsigned long total = 0;
	unsigned long i;

	for (i = 0; i < KT_NPAGES; i++)
		total += kt_pins(ctx->buf + i * PAGE_SIZE);
	return total;
}

static int kt_map(struct kt_ctx *ctx, struct io_pagetable *iopt,
		  unsigned long *iova, unsigned long offset,
		  unsigned long length, bool fixed)
{
	return iopt_map_user_pages(&ctx->ictx, iopt, iova,
				   (void __user *)(ctx->buf + offset), length,
				   IOMMU_READ | IOMMU_WRITE,
				   fixed ? 0 : IOPT_ALLOC_IOVA);
}

static unsigned long kt_nr_areas(struct io_pagetable *iopt)
{
	struct iopt_area *area;
	unsigned long n = 0;

	down_read(&iopt->iova_rwsem);
	for (area = iopt_area_iter_first(iopt, 0, ULONG_MAX); area;
	     area = iopt_area_iter_next(area, 0, ULONG_MAX))
		n++;
	up_read(&iopt->iova_rwsem);
	return n;
}

/* Does the domain translate [iova, iova + length) to the buffer at offset? */
static bool kt_maps_buffer(struct kt_ctx *ctx, struct kt_domain *kt,
			   unsigned long iova, unsigned long offset,
			   unsigned long length)
{
	unsigned long done;

	for (done = 0; done < length; done += PAGE_SIZE) {
		phys_addr_t want = (uintptr_t)(ctx->buf + offset + done);

		if (iommu_iova_to_phys(&kt->domain, iova + done) != want)
			return false;
	}
	return true;
}

/* ---------------------------------------------------------------------- */
/* Tests */

/* Mapping with a domain pins every page exactly once; unmap drops it all */
static void iopt_test_pin_counts(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct kt_domain *kt = kt_domain_new(test, PAGE_SIZE, 0, ULONG_MAX);
	unsigned long iova = 0x100000;
	unsigned long unmapped;

	KUNIT_ASSERT_EQ(test, 0, iopt_table_add_domain(&ctx->iopt, &kt->domain));
	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &iova, 0,
					8 * PAGE_SIZE, true));
	KUNIT_EXPECT_EQ(test, 1, kt_pins(ctx->buf));
	KUNIT_EXPECT_EQ(test, 1, kt_pins(ctx->buf + 7 * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, 0, kt_pins(ctx->buf + 8 * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, 8UL, kt_total_pins(ctx));
	KUNIT_EXPECT_EQ(test, 8UL, kt_nr_ptes(kt));
	KUNIT_EXPECT_TRUE(test, kt_maps_buffer(ctx, kt, iova, 0,
					       8 * PAGE_SIZE));
	/* vmalloc memory is contiguous here: one map call does it all */
	KUNIT_EXPECT_EQ(test, 1U, kt->nr_map_calls);

	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_iova(&ctx->iopt, iova,
						 8 * PAGE_SIZE, &unmapped));
	KUNIT_EXPECT_EQ(test, 8 * PAGE_SIZE, unmapped);
	KUNIT_EXPECT_EQ(test, 0UL, kt_total_pins(ctx));
	KUNIT_EXPECT_EQ(test, 0UL, kt_nr_ptes(kt));
	iopt_table_remove_domain(&ctx->iopt, &kt->domain);
}

/* Without a domain nothing is pinned; domains pin and unpin lazily */
static void iopt_test_lazy_pin(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct kt_domain *kt1 = kt_domain_new(test, PAGE_SIZE, 0, ULONG_MAX);
	struct kt_domain *kt2 = kt_domain_new(test, PAGE_SIZE, 0, ULONG_MAX);
	unsigned long iova;

	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &iova, 0,
					4 * PAGE_SIZE, false));
	KUNIT_EXPECT_EQ(test, 0UL, kt_total_pins(ctx));

	KUNIT_ASSERT_EQ(test, 0,
			iopt_table_add_domain(&ctx->iopt, &kt1->domain));
	KUNIT_EXPECT_EQ(test, 4UL, kt_total_pins(ctx));
	KUNIT_EXPECT_TRUE(test, kt_maps_buffer(ctx, kt1, iova, 0,
					       4 * PAGE_SIZE));

	/* A second domain shares the pins */
	KUNIT_ASSERT_EQ(test, 0,
			iopt_table_add_domain(&ctx->iopt, &kt2->domain));
	KUNIT_EXPECT_EQ(test, 4UL, kt_total_pins(ctx));
	KUNIT_EXPECT_TRUE(test, kt_maps_buffer(ctx, kt2, iova, 0,
					       4 * PAGE_SIZE));

	/* Removing the storage domain keeps the pins for the other one */
	iopt_table_remove_domain(&ctx->iopt, &kt1->domain);
	KUNIT_EXPECT_EQ(test, 0UL, kt_nr_ptes(kt1));
	KUNIT_EXPECT_EQ(test, 4UL, kt_total_pins(ctx));
	KUNIT_EXPECT_EQ(test, 4UL, kt_nr_ptes(kt2));

	iopt_table_remove_domain(&ctx->iopt, &kt2->domain);
	KUNIT_EXPECT_EQ(test, 0UL, kt_nr_ptes(kt2));
	KUNIT_EXPECT_EQ(test, 0UL, kt_total_pins(ctx));

	/* The area is still there, unpinned, and can be unmapped */
	KUNIT_EXPECT_EQ(test, 1UL, kt_nr_areas(&ctx->iopt));
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, NULL));
	KUNIT_EXPECT_EQ(test, 0UL, kt_nr_areas(&ctx->iopt));
}

/* A copy into another table shares the pins of the source */
static void iopt_test_copy_shares_pins(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct kt_domain *kt1 = kt_domain_new(test, PAGE_SIZE, 0, ULONG_MAX);
	struct kt_domain *kt2 = kt_domain_new(test, PAGE_SIZE, 0, ULONG_MAX);
	struct io_pagetable dst;
	unsigned long src_iova = 0x200000;
	unsigned long dst_iova = 0x800000;
	LIST_HEAD(pages_list);

	iopt_init_table(&dst);
	KUNIT_ASSERT_EQ(test, 0,
			iopt_table_add_domain(&ctx->iopt, &kt1->domain));
	KUNIT_ASSERT_EQ(test, 0, iopt_table_add_domain(&dst, &kt2->domain));
	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &src_iova, 0,
					8 * PAGE_SIZE, true));

	/* Copy the middle 4 pages */
	KUNIT_ASSERT_EQ(test, 0, iopt_get_pages(&ctx->iopt,
						src_iova + 2 * PAGE_SIZE,
						4 * PAGE_SIZE, &pages_list));
	KUNIT_EXPECT_EQ(test, 0, iopt_map_pages(&dst, &pages_list,
						4 * PAGE_SIZE, &dst_iova,
						IOMMU_READ, 0));
	iopt_free_pages_list(&pages_list);
	KUNIT_EXPECT_EQ(test, 8UL, kt_total_pins(ctx));
	KUNIT_EXPECT_TRUE(test, kt_maps_buffer(ctx, kt2, dst_iova,
					       2 * PAGE_SIZE, 4 * PAGE_SIZE));

	/* The source goes away: the copied pages stay pinned, once */
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, NULL));
	KUNIT_EXPECT_EQ(test, 4UL, kt_total_pins(ctx));
	KUNIT_EXPECT_EQ(test, 0, kt_pins(ctx->buf));
	KUNIT_EXPECT_EQ(test, 1, kt_pins(ctx->buf + 2 * PAGE_SIZE));

	/* Ranges not covered by areas cannot be copied */
	KUNIT_EXPECT_EQ(test, -ENOENT,
			iopt_get_pages(&dst, dst_iova, 5 * PAGE_SIZE,
				       &pages_list));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			iopt_get_pages(&dst, dst_iova, 0, &pages_list));
	KUNIT_EXPECT_TRUE(test, list_empty(&pages_list));

	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&dst, NULL));
	KUNIT_EXPECT_EQ(test, 0UL, kt_total_pins(ctx));
	iopt_table_remove_domain(&dst, &kt2->domain);
	iopt_table_remove_domain(&ctx->iopt, &kt1->domain);
	iopt_destroy_table(&dst);
}

/* Unmap only takes whole areas; partial ranges fail with ENOENT */
static void iopt_test_unmap_whole_areas(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	unsigned long iova1 = 0x10000, iova2 = 0x10000 + 4 * PAGE_SIZE;
	unsigned long unmapped;

	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &iova1, 0,
					4 * PAGE_SIZE, true));
	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &iova2,
					4 * PAGE_SIZE, 4 * PAGE_SIZE, true));

	KUNIT_EXPECT_EQ(test, -ENOENT,
			iopt_unmap_iova(&ctx->iopt, iova1, PAGE_SIZE,
					&unmapped));
	KUNIT_EXPECT_EQ(test, 0UL, unmapped);
	KUNIT_EXPECT_EQ(test, -EINVAL,
			iopt_unmap_iova(&ctx->iopt, iova1, 0, &unmapped));
	KUNIT_EXPECT_EQ(test, -EOVERFLOW,
			iopt_unmap_iova(&ctx->iopt, ULONG_MAX, 2, &unmapped));

	/* Nothing there is not an error at this level */
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_iova(&ctx->iopt, 0x1000000,
						 PAGE_SIZE, &unmapped));
	KUNIT_EXPECT_EQ(test, 0UL, unmapped);

	/* A superset of the first area but only part of the second */
	KUNIT_EXPECT_EQ(test, -ENOENT,
			iopt_unmap_iova(&ctx->iopt, 0, iova2 + PAGE_SIZE,
					&unmapped));
	KUNIT_EXPECT_EQ(test, 4 * PAGE_SIZE, unmapped);
	KUNIT_EXPECT_EQ(test, 1UL, kt_nr_areas(&ctx->iopt));

	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, &unmapped));
	KUNIT_EXPECT_EQ(test, 4 * PAGE_SIZE, unmapped);
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, &unmapped));
	KUNIT_EXPECT_EQ(test, 0UL, unmapped);
}

/* VFIO type1 cuts areas so that part of a mapping can be unmapped */
static void iopt_test_area_split(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct kt_domain *kt = kt_domain_new(test, PAGE_SIZE | SZ_2M, 0,
					     ULONG_MAX);
	unsigned long iova = 0x400000;
	unsigned long cuts[2];
	unsigned long unmapped;

	KUNIT_ASSERT_EQ(test, 0, iopt_table_add_domain(&ctx->iopt, &kt->domain));
	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &iova, 0,
					4 * PAGE_SIZE, true));

	/* Large pages may be in use: no cutting */
	cuts[0] = iova + PAGE_SIZE - 1;
	KUNIT_EXPECT_EQ(test, -EINVAL, iopt_cut_iova(&ctx->iopt, cuts, 1));
	/* Nor can large pages be turned off with a mapping in a domain */
	KUNIT_EXPECT_EQ(test, -EINVAL, iopt_disable_large_pages(&ctx->iopt));
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, NULL));

	KUNIT_ASSERT_EQ(test, 0, iopt_disable_large_pages(&ctx->iopt));
	KUNIT_EXPECT_EQ(test, PAGE_SIZE, ctx->iopt.iova_alignment);
	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &iova, 0,
					4 * PAGE_SIZE, true));
	/* Page by page now */
	KUNIT_EXPECT_EQ(test, 4U, kt->nr_map_calls - 1);

	/* Cut out the second page: three areas sharing one iopt_pages */
	cuts[0] = iova + 2 * PAGE_SIZE - 1;
	cuts[1] = iova + PAGE_SIZE - 1;
	KUNIT_ASSERT_EQ(test, 0, iopt_cut_iova(&ctx->iopt, cuts, 2));
	KUNIT_EXPECT_EQ(test, 3UL, kt_nr_areas(&ctx->iopt));
	/* A cut at the edge of an area changes nothing */
	cuts[0] = iova + 4 * PAGE_SIZE - 1;
	KUNIT_EXPECT_EQ(test, 0, iopt_cut_iova(&ctx->iopt, cuts, 1));
	KUNIT_EXPECT_EQ(test, 3UL, kt_nr_areas(&ctx->iopt));
	/* A cut that is not page aligned is refused */
	cuts[0] = iova + 3 * PAGE_SIZE;
	KUNIT_EXPECT_EQ(test, -EINVAL, iopt_cut_iova(&ctx->iopt, cuts, 1));

	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_iova(&ctx->iopt, iova + PAGE_SIZE,
						 PAGE_SIZE, &unmapped));
	KUNIT_EXPECT_EQ(test, PAGE_SIZE, unmapped);
	KUNIT_EXPECT_EQ(test, 2UL, kt_nr_areas(&ctx->iopt));
	KUNIT_EXPECT_EQ(test, 1, kt_pins(ctx->buf));
	KUNIT_EXPECT_EQ(test, 0, kt_pins(ctx->buf + PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, 1, kt_pins(ctx->buf + 2 * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, 3UL, kt_nr_ptes(kt));
	KUNIT_EXPECT_TRUE(test, kt_maps_buffer(ctx, kt, iova + 2 * PAGE_SIZE,
					       2 * PAGE_SIZE, 2 * PAGE_SIZE));

	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, &unmapped));
	KUNIT_EXPECT_EQ(test, 3 * PAGE_SIZE, unmapped);
	KUNIT_EXPECT_EQ(test, 0UL, kt_total_pins(ctx));
	iopt_table_remove_domain(&ctx->iopt, &kt->domain);
	iopt_enable_large_pages(&ctx->iopt);
	KUNIT_EXPECT_EQ(test, 1UL, ctx->iopt.iova_alignment);
}

/* The IOVA alignment follows the domains and rejects what breaks it */
static void iopt_test_alignment(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct kt_domain *big = kt_domain_new(test, 2 * PAGE_SIZE, 0,
					      ULONG_MAX);
	struct kt_domain *kt = kt_domain_new(test, PAGE_SIZE, 0, ULONG_MAX);
	unsigned long iova = 0x10001;

	KUNIT_EXPECT_EQ(test, 1UL, ctx->iopt.iova_alignment);
	/* A domain must accept PAGE_SIZE mappings */
	KUNIT_EXPECT_EQ(test, -EINVAL,
			iopt_table_add_domain(&ctx->iopt, &big->domain));

	/* Byte granular without a domain */
	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &iova, 1, 100, true));
	KUNIT_EXPECT_EQ(test, -EADDRINUSE,
			iopt_table_add_domain(&ctx->iopt, &kt->domain));
	KUNIT_EXPECT_EQ(test, -EADDRINUSE,
			iopt_disable_large_pages(&ctx->iopt));
	KUNIT_EXPECT_EQ(test, 0, ctx->iopt.disable_large_pages);
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, NULL));

	KUNIT_ASSERT_EQ(test, 0, iopt_table_add_domain(&ctx->iopt, &kt->domain));
	KUNIT_EXPECT_EQ(test, PAGE_SIZE, ctx->iopt.iova_alignment);
	iova = 0x10000 + 1;
	KUNIT_EXPECT_EQ(test, -EINVAL,
			kt_map(ctx, &ctx->iopt, &iova, 0, PAGE_SIZE, true));
	iova = 0x10000;
	KUNIT_EXPECT_EQ(test, -EINVAL,
			kt_map(ctx, &ctx->iopt, &iova, 0, PAGE_SIZE + 1, true));
	/* The user address offset must match too */
	KUNIT_EXPECT_EQ(test, -EINVAL,
			kt_map(ctx, &ctx->iopt, &iova, 16, PAGE_SIZE, true));
	KUNIT_EXPECT_EQ(test, 0UL, kt_nr_areas(&ctx->iopt));
	KUNIT_EXPECT_EQ(test, 0UL, kt_total_pins(ctx));

	iopt_table_remove_domain(&ctx->iopt, &kt->domain);
	KUNIT_EXPECT_EQ(test, 1UL, ctx->iopt.iova_alignment);
}

/* Reserved and allowed ranges and the errnos of conflicts */
static void iopt_test_reserved(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct io_pagetable *iopt = &ctx->iopt;
	struct rb_root_cached allowed = RB_ROOT_CACHED;
	struct iopt_allowed *node;
	unsigned long iova;
	int rc;

	down_write(&iopt->iova_rwsem);
	rc = iopt_reserve_iova(iopt, 0x100000, 0x1fffff, NULL);
	up_write(&iopt->iova_rwsem);
	KUNIT_ASSERT_EQ(test, 0, rc);

	/* Fixed mappings into a reserved range: EINVAL */
	iova = 0x1ff000;
	KUNIT_EXPECT_EQ(test, -EINVAL,
			kt_map(ctx, iopt, &iova, 0, 2 * PAGE_SIZE, true));
	iova = 0x200000;
	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, iopt, &iova, 0, PAGE_SIZE, true));
	/* Over an existing area: EEXIST */
	KUNIT_EXPECT_EQ(test, -EEXIST,
			kt_map(ctx, iopt, &iova, 0, PAGE_SIZE, true));

	/* Reserving over an area: EADDRINUSE */
	down_write(&iopt->iova_rwsem);
	rc = iopt_reserve_iova(iopt, 0x200000, 0x200000, NULL);
	up_write(&iopt->iova_rwsem);
	KUNIT_EXPECT_EQ(test, -EADDRINUSE, rc);

	/* An allowed range may not cover a reserved one */
	node = kzalloc(sizeof(*node), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, node);
	node->node.start = 0x180000;
	node->node.last = 0x3fffff;
	interval_tree_insert(&node->node, &allowed);
	KUNIT_EXPECT_EQ(test, -EADDRINUSE, iopt_set_allow_iova(iopt, &allowed));
	/* The rejected tree came back to the caller */
	KUNIT_EXPECT_PTR_EQ(test, &node->node,
			    interval_tree_iter_first(&allowed, 0, ULONG_MAX));
	interval_tree_remove(&node->node, &allowed);
	node->node.start = 0x400000;
	node->node.last = 0x40ffff;
	interval_tree_insert(&node->node, &allowed);
	KUNIT_EXPECT_EQ(test, 0, iopt_set_allow_iova(iopt, &allowed));
	KUNIT_EXPECT_TRUE(test, RB_EMPTY_ROOT(&allowed.rb_root));

	/* Reserving inside an allowed range: EADDRINUSE */
	down_write(&iopt->iova_rwsem);
	rc = iopt_reserve_iova(iopt, 0x408000, 0x408fff, NULL);
	up_write(&iopt->iova_rwsem);
	KUNIT_EXPECT_EQ(test, -EADDRINUSE, rc);

	/* Automatic IOVAs now land inside the allowed range */
	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, iopt, &iova, 0, 4 * PAGE_SIZE,
					false));
	KUNIT_EXPECT_GE(test, iova, 0x400000UL);
	KUNIT_EXPECT_LE(test, iova + 4 * PAGE_SIZE - 1, 0x40ffffUL);
	/* ... until it is full */
	KUNIT_EXPECT_EQ(test, -ENOSPC,
			kt_map(ctx, iopt, &iova, 0, KT_NPAGES * PAGE_SIZE,
			       false));
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(iopt, NULL));
}

/* Automatic IOVAs are aligned for large pages and never 0 */
static void iopt_test_auto_iova(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	unsigned long iovas[6];
	unsigned long i;

	for (i = 0; i < ARRAY_SIZE(iovas); i++) {
		unsigned long length = (i + 1) * PAGE_SIZE;

		unsigned long align = min(1UL << __ffs(length),
					  1UL << __ffs((uintptr_t)ctx->buf));

		KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &iovas[i], 0,
						length, false));
		KUNIT_EXPECT_NE(test, 0UL, iovas[i]);
		KUNIT_EXPECT_EQ(test, 0UL, iovas[i] % align);
	}
	KUNIT_EXPECT_EQ(test, -EOVERFLOW,
			kt_map(ctx, &ctx->iopt, &iovas[0], 0, ULONG_MAX / 2,
			       false));
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, NULL));
}

/* A domain's aperture reserves everything outside it */
static void iopt_test_aperture(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct kt_domain *kt = kt_domain_new(test, PAGE_SIZE, 0x1000000,
					     0x1ffffff);
	unsigned long iova = PAGE_SIZE;

	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &iova, 0, PAGE_SIZE,
					true));
	KUNIT_EXPECT_EQ(test, -EADDRINUSE,
			iopt_table_add_domain(&ctx->iopt, &kt->domain));
	KUNIT_EXPECT_TRUE(test, RB_EMPTY_ROOT(&ctx->iopt.reserved_itree.rb_root));
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, NULL));

	KUNIT_ASSERT_EQ(test, 0, iopt_table_add_domain(&ctx->iopt, &kt->domain));
	KUNIT_EXPECT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &iova, 0, PAGE_SIZE,
					false));
	KUNIT_EXPECT_GE(test, iova, 0x1000000UL);
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, NULL));
	iopt_table_remove_domain(&ctx->iopt, &kt->domain);
	KUNIT_EXPECT_TRUE(test, RB_EMPTY_ROOT(&ctx->iopt.reserved_itree.rb_root));
}

/* Access pins and domain pins share one pin per page */
static void iopt_test_access_pins(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct kt_domain *kt = kt_domain_new(test, PAGE_SIZE, 0, ULONG_MAX);
	struct page *pages[4];
	struct iopt_area *area;
	unsigned long iova = 0x10000;
	unsigned long i;

	KUNIT_ASSERT_EQ(test, 0, kt_map(ctx, &ctx->iopt, &iova, 0,
					8 * PAGE_SIZE, true));
	down_read(&ctx->iopt.iova_rwsem);
	area = iopt_area_iter_first(&ctx->iopt, iova, iova);
	up_read(&ctx->iopt.iova_rwsem);
	KUNIT_ASSERT_NOT_NULL(test, area);

	KUNIT_ASSERT_EQ(test, 0, iopt_area_add_access(area, 2, 5, pages,
						      IOMMUFD_ACCESS_RW_WRITE));
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_PTR_EQ(test, pages[i],
				    virt_to_page(ctx->buf +
						 (i + 2) * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, 4UL, kt_total_pins(ctx));
	KUNIT_EXPECT_EQ(test, 1U, area->num_accesses);

	/* The same range again: no new pins */
	KUNIT_ASSERT_EQ(test, 0, iopt_area_add_access(area, 2, 5, pages, 0));
	KUNIT_EXPECT_EQ(test, 4UL, kt_total_pins(ctx));
	/* An overlapping range: only the new pages get pinned */
	KUNIT_ASSERT_EQ(test, 0, iopt_area_add_access(area, 4, 6, pages, 0));
	KUNIT_EXPECT_EQ(test, 5UL, kt_total_pins(ctx));

	KUNIT_ASSERT_EQ(test, 0, iopt_table_add_domain(&ctx->iopt, &kt->domain));
	KUNIT_EXPECT_EQ(test, 8UL, kt_total_pins(ctx));
	KUNIT_EXPECT_TRUE(test, kt_maps_buffer(ctx, kt, iova, 0,
					       8 * PAGE_SIZE));

	iopt_area_remove_access(area, 4, 6);
	iopt_area_remove_access(area, 2, 5);
	KUNIT_EXPECT_EQ(test, 8UL, kt_total_pins(ctx));
	iopt_table_remove_domain(&ctx->iopt, &kt->domain);
	/* The remaining access keeps its pages */
	KUNIT_EXPECT_EQ(test, 4UL, kt_total_pins(ctx));
	KUNIT_EXPECT_EQ(test, 1, kt_pins(ctx->buf + 2 * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, 0, kt_pins(ctx->buf + 6 * PAGE_SIZE));

	iopt_area_remove_access(area, 2, 5);
	KUNIT_EXPECT_EQ(test, 0U, area->num_accesses);
	KUNIT_EXPECT_EQ(test, 0UL, kt_total_pins(ctx));
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, NULL));
}

/* Copies through iopt_pages_rw_access() see and change the memory */
static void iopt_test_rw_access(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct iopt_pages *pages;
	u8 data[64];
	unsigned long i;

	for (i = 0; i < ctx->buf_len; i++)
		ctx->buf[i] = i % 251;

	pages = iopt_alloc_pages((void __user *)ctx->buf, ctx->buf_len, true);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pages));

	/* Across a page boundary, fast and slow paths */
	KUNIT_EXPECT_EQ(test, 0, iopt_pages_rw_access(pages, PAGE_SIZE - 10,
						      data, sizeof(data), 0));
	KUNIT_EXPECT_EQ(test, (u8)((PAGE_SIZE - 10) % 251), data[0]);
	KUNIT_EXPECT_EQ(test, (u8)((PAGE_SIZE + 53) % 251), data[63]);

	memset(data, 0xa5, sizeof(data));
	KUNIT_EXPECT_EQ(test, 0,
			iopt_pages_rw_access(pages, 2 * PAGE_SIZE - 32, data,
					     sizeof(data),
					     IOMMUFD_ACCESS_RW_WRITE |
					     __IOMMUFD_ACCESS_RW_SLOW_PATH));
	KUNIT_EXPECT_EQ(test, 0xa5, ctx->buf[2 * PAGE_SIZE - 32]);
	KUNIT_EXPECT_EQ(test, 0xa5, ctx->buf[2 * PAGE_SIZE + 31]);
	KUNIT_EXPECT_EQ(test, (u8)((2 * PAGE_SIZE + 32) % 251),
			ctx->buf[2 * PAGE_SIZE + 32]);

	/* Single page through a short pin */
	KUNIT_EXPECT_EQ(test, 0,
			iopt_pages_rw_access(pages, 5 * PAGE_SIZE + 7, data, 8,
					     __IOMMUFD_ACCESS_RW_SLOW_PATH));
	KUNIT_EXPECT_EQ(test, (u8)((5 * PAGE_SIZE + 7) % 251), data[0]);

	/* Temporary pins are gone again */
	KUNIT_EXPECT_EQ(test, 0UL, kt_total_pins(ctx));
	KUNIT_EXPECT_EQ(test, 0UL, pages->npinned);
	iopt_put_pages(pages);

	pages = iopt_alloc_pages((void __user *)ctx->buf, ctx->buf_len, false);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pages));
	KUNIT_EXPECT_EQ(test, -EPERM,
			iopt_pages_rw_access(pages, 0, data, 8,
					     IOMMUFD_ACCESS_RW_WRITE));
	iopt_put_pages(pages);
}

/* USER accounting charges and refunds RLIMIT_MEMLOCK per pinned page */
static void iopt_test_accounting(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct rlimit *rlim = &current->signal->rlim[RLIMIT_MEMLOCK];
	struct user_struct *user = current_user();
	struct rlimit saved = *rlim;
	struct iopt_area area = {};
	struct iopt_pages *pages;
	struct page *out[8];
	long before;

	pages = iopt_alloc_pages((void __user *)ctx->buf, 8 * PAGE_SIZE, true);
	KUNIT_ASSERT_FALSE(test, IS_ERR(pages));
	pages->account_mode = IOPT_PAGES_ACCOUNT_USER;
	area.pages = pages;
	area.pages_node.start = 0;
	area.pages_node.last = 7;

	before = atomic_long_read(&user->locked_vm);
	rlim->rlim_cur = (before + 4) * PAGE_SIZE;
	KUNIT_EXPECT_EQ(test, -ENOMEM,
			iopt_area_add_access(&area, 0, 7, out, 0));
	KUNIT_EXPECT_EQ(test, 0UL, kt_total_pins(ctx));
	KUNIT_EXPECT_EQ(test, before, atomic_long_read(&user->locked_vm));

	KUNIT_EXPECT_EQ(test, 0, iopt_area_add_access(&area, 0, 3, out, 0));
	KUNIT_EXPECT_EQ(test, before + 4, atomic_long_read(&user->locked_vm));
	KUNIT_EXPECT_EQ(test, 4UL, pages->last_npinned);
	iopt_area_remove_access(&area, 0, 3);
	KUNIT_EXPECT_EQ(test, before, atomic_long_read(&user->locked_vm));
	KUNIT_EXPECT_EQ(test, 0UL, pages->last_npinned);

	*rlim = saved;
	iopt_put_pages(pages);
}

/* Physically contiguous, aligned memory goes into domains as large pages */
static void iopt_test_huge_runs(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct kt_domain *kt = kt_domain_new(test, PAGE_SIZE | SZ_2M, 0,
					     ULONG_MAX);
	struct io_pagetable iopt;
	unsigned long iova;
	unsigned long off;
	u8 *mem;

	mem = vzalloc(2 * SZ_2M);
	KUNIT_ASSERT_NOT_NULL(test, mem);
	off = ALIGN((uintptr_t)mem, SZ_2M) - (uintptr_t)mem;

	iopt_init_table(&iopt);
	KUNIT_ASSERT_EQ(test, 0, iopt_table_add_domain(&iopt, &kt->domain));
	KUNIT_ASSERT_EQ(test, 0,
			iopt_map_user_pages(&ctx->ictx, &iopt, &iova,
					    (void __user *)(mem + off), SZ_2M,
					    IOMMU_READ, IOPT_ALLOC_IOVA));
	KUNIT_EXPECT_EQ(test, 0UL, iova % SZ_2M);
	KUNIT_EXPECT_EQ(test, 1U, kt->nr_huge_maps);
	KUNIT_EXPECT_EQ(test, SZ_2M / PAGE_SIZE, kt_nr_ptes(kt));
	KUNIT_EXPECT_EQ(test, (phys_addr_t)(uintptr_t)(mem + off + 5000),
			iommu_iova_to_phys(&kt->domain, iova + 5000));
	KUNIT_EXPECT_EQ(test, 1, kt_pins(mem + off + SZ_1M));
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&iopt, NULL));
	KUNIT_EXPECT_EQ(test, 0, kt_pins(mem + off + SZ_1M));
	KUNIT_EXPECT_EQ(test, 0UL, kt_nr_ptes(kt));

	/* With large pages off, the same memory is mapped page by page */
	iopt_table_remove_domain(&iopt, &kt->domain);
	KUNIT_ASSERT_EQ(test, 0, iopt_disable_large_pages(&iopt));
	KUNIT_ASSERT_EQ(test, 0, iopt_table_add_domain(&iopt, &kt->domain));
	kt->nr_huge_maps = 0;
	KUNIT_ASSERT_EQ(test, 0,
			iopt_map_user_pages(&ctx->ictx, &iopt, &iova,
					    (void __user *)(mem + off), SZ_2M,
					    IOMMU_READ, IOPT_ALLOC_IOVA));
	KUNIT_EXPECT_EQ(test, 0U, kt->nr_huge_maps);
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&iopt, NULL));
	iopt_table_remove_domain(&iopt, &kt->domain);
	iopt_destroy_table(&iopt);
	vfree(mem);
}

/* Pinning memory that is not there fails cleanly with EFAULT */
static void iopt_test_efault(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct kt_domain *kt = kt_domain_new(test, PAGE_SIZE, 0, ULONG_MAX);
	/* Nothing is ever mapped in the first pages of an address space */
	void __user *hole = (void __user *)PAGE_SIZE;
	unsigned long iova = 0x10000;

	/* Without a domain nothing is pinned, so the map succeeds */
	KUNIT_ASSERT_EQ(test, 0, iopt_map_user_pages(&ctx->ictx, &ctx->iopt,
						     &iova, hole, PAGE_SIZE,
						     IOMMU_READ, 0));
	KUNIT_EXPECT_EQ(test, -EFAULT,
			iopt_table_add_domain(&ctx->iopt, &kt->domain));
	KUNIT_EXPECT_TRUE(test, xa_empty(&ctx->iopt.domains));
	KUNIT_EXPECT_EQ(test, 0, iopt_unmap_all(&ctx->iopt, NULL));

	KUNIT_ASSERT_EQ(test, 0, iopt_table_add_domain(&ctx->iopt, &kt->domain));
	KUNIT_EXPECT_EQ(test, -EFAULT,
			iopt_map_user_pages(&ctx->ictx, &ctx->iopt, &iova,
					    hole, 2 * PAGE_SIZE, IOMMU_READ, 0));
	KUNIT_EXPECT_EQ(test, 0UL, kt_nr_areas(&ctx->iopt));
	KUNIT_EXPECT_EQ(test, 0UL, kt_nr_ptes(kt));
	iopt_table_remove_domain(&ctx->iopt, &kt->domain);
}

/* The two-tree span walk reports holes and which tree covers what */
static void iopt_test_double_span(struct kunit *test)
{
	struct interval_tree_node a[3] = {
		{ .start = 2, .last = 4 },
		{ .start = 5, .last = 6 },
		{ .start = 20, .last = 30 },
	};
	struct interval_tree_node b[2] = {
		{ .start = 0, .last = 10 },
		{ .start = 25, .last = 40 },
	};
	static const struct {
		int used;
		unsigned long start, last;
	} want[] = {
		{ 2, 0, 1 }, { 1, 2, 6 }, { 2, 7, 10 }, { 0, 11, 19 },
		{ 1, 20, 30 }, { 2, 31, 35 },
	};
	struct rb_root_cached t1 = RB_ROOT_CACHED;
	struct rb_root_cached t2 = RB_ROOT_CACHED;
	struct rb_root_cached e1 = RB_ROOT_CACHED;
	struct rb_root_cached e2 = RB_ROOT_CACHED;
	struct interval_tree_double_span_iter span;
	unsigned int n = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(a); i++)
		interval_tree_insert(&a[i], &t1);
	for (i = 0; i < ARRAY_SIZE(b); i++)
		interval_tree_insert(&b[i], &t2);

	interval_tree_for_each_double_span(&span, &t1, &t2, 0, 35) {
		KUNIT_ASSERT_LT(test, n, (unsigned int)ARRAY_SIZE(want));
		KUNIT_EXPECT_EQ(test, want[n].used, span.is_used);
		KUNIT_EXPECT_EQ(test, want[n].start, span.start_used);
		KUNIT_EXPECT_EQ(test, want[n].last, span.last_used);
		n++;
	}
	KUNIT_EXPECT_EQ(test, (unsigned int)ARRAY_SIZE(want), n);

	/* A walk of empty trees is one hole */
	n = 0;
	interval_tree_for_each_double_span(&span, &e1, &e2, 100, 200) {
		KUNIT_EXPECT_EQ(test, 0, span.is_used);
		KUNIT_EXPECT_EQ(test, 100UL, span.start_hole);
		KUNIT_EXPECT_EQ(test, 200UL, span.last_hole);
		n++;
	}
	KUNIT_EXPECT_EQ(test, 1U, n);
}

/*
 * One round of the fault-injection sweep: domains, a map, a copy, an
 * access, unmaps. Failures are allowed anywhere; afterwards everything is
 * torn down.
 */
static void kt_fail_round(struct kunit *test, struct kt_ctx *ctx,
			  struct kt_domain *kt1, struct kt_domain *kt2)
{
	struct io_pagetable *iopt = &ctx->iopt;
	bool have1 = false, have2 = false;
	unsigned long iova = 0, iova2 = 0;
	LIST_HEAD(pages_list);
	struct page *out[4];
	struct iopt_area *area;

	if (!iopt_table_add_domain(iopt, &kt1->domain))
		have1 = true;
	if (kt_map(ctx, iopt, &iova, 0, 16 * PAGE_SIZE, false))
		goto out;
	if (!iopt_table_add_domain(iopt, &kt2->domain))
		have2 = true;

	if (!iopt_get_pages(iopt, iova + PAGE_SIZE, 4 * PAGE_SIZE,
			    &pages_list)) {
		iopt_map_pages(iopt, &pages_list, 4 * PAGE_SIZE, &iova2,
			       IOMMU_READ, IOPT_ALLOC_IOVA);
		iopt_free_pages_list(&pages_list);
	}

	down_read(&iopt->iova_rwsem);
	area = iopt_area_iter_first(iopt, iova, iova);
	up_read(&iopt->iova_rwsem);
	if (area && !iopt_area_add_access(area, 3, 6, out, 0))
		iopt_area_remove_access(area, 3, 6);

	iopt_unmap_iova(iopt, iova, 16 * PAGE_SIZE, NULL);
out:
	iopt_unmap_all(iopt, NULL);
	if (have2)
		iopt_table_remove_domain(iopt, &kt2->domain);
	if (have1)
		iopt_table_remove_domain(iopt, &kt1->domain);
}

static void iopt_test_fail_nth(struct kunit *test)
{
	struct kt_ctx *ctx = test->priv;
	struct kt_domain *kt1 = kt_domain_new(test, PAGE_SIZE, 0, ULONG_MAX);
	struct kt_domain *kt2 = kt_domain_new(test, PAGE_SIZE, 0, ULONG_MAX);
	unsigned int nth;

	/* Round 0 without injection must work completely */
	kt_fail_round(test, ctx, kt1, kt2);
	KUNIT_ASSERT_GT(test, kt1->nr_map_calls, 0U);

	for (nth = 1; nth < 1000; nth++) {
		bool injected;

		current->fail_nth = nth;
		kt_fail_round(test, ctx, kt1, kt2);
		injected = current->fail_nth == 0;
		current->fail_nth = 0;

		KUNIT_EXPECT_EQ(test, 0UL, kt_total_pins(ctx));
		KUNIT_EXPECT_EQ(test, 0UL, kt_nr_areas(&ctx->iopt));
		KUNIT_EXPECT_EQ(test, 0UL, kt_nr_ptes(kt1));
		KUNIT_EXPECT_EQ(test, 0UL, kt_nr_ptes(kt2));
		KUNIT_EXPECT_TRUE(test, xa_empty(&ctx->iopt.domains));
		KUNIT_EXPECT_TRUE(test, RB_EMPTY_ROOT(&ctx->iopt.reserved_itree.rb_root));
		if (!injected)
			break;
	}
	/* The sweep ran past every injection point */
	KUNIT_EXPECT_GT(test, nth, 10U);
	KUNIT_EXPECT_LT(test, nth, 1000U);
}

static struct kunit_case iopt_test_cases[] = {
	KUNIT_CASE(iopt_test_pin_counts),
	KUNIT_CASE(iopt_test_lazy_pin),
	KUNIT_CASE(iopt_test_copy_shares_pins),
	KUNIT_CASE(iopt_test_unmap_whole_areas),
	KUNIT_CASE(iopt_test_area_split),
	KUNIT_CASE(iopt_test_alignment),
	KUNIT_CASE(iopt_test_reserved),
	KUNIT_CASE(iopt_test_auto_iova),
	KUNIT_CASE(iopt_test_aperture),
	KUNIT_CASE(iopt_test_access_pins),
	KUNIT_CASE(iopt_test_rw_access),
	KUNIT_CASE(iopt_test_accounting),
	KUNIT_CASE(iopt_test_huge_runs),
	KUNIT_CASE(iopt_test_efault),
	KUNIT_CASE(iopt_test_double_span),
	KUNIT_CASE(iopt_test_fail_nth),
	{}
};

static struct kunit_suite iopt_test_suite = {
	.name = "iommufd_iopt",
	.init = kt_init,
	.exit = kt_exit,
	.test_cases = iopt_test_cases,
};

kunit_test_suite(iopt_test_suite);

MODULE_DESCRIPTION("KUnit tests of the iommufd io_pagetable");
MODULE_LICENSE("GPL");
