// SPDX-License-Identifier: GPL-2.0
/*
 * Mapping and unmapping in paging domains, and reserved regions.
 *
 * The core splits a request into runs of equally sized pages the domain
 * supports and hands each run to the driver's map_pages()/unmap_pages().
 * It checks page alignment but nothing else: the aperture, overlaps and
 * address overflow are left to the driver and its page table.
 */

#define pr_fmt(fmt)    "iommu: " fmt

#include <linux/iommu.h>
#include <linux/scatterlist.h>
#include <linux/overflow.h>
#include <linux/bitops.h>
#include <linux/bits.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/export.h>
#include <linux/kernel.h>

#include "iommu-priv.h"

/* gfp flags that make no sense for page-table allocations */
#define IOMMU_MAP_BAD_GFP	(__GFP_COMP | __GFP_DMA | __GFP_DMA32 | \
				 __GFP_HIGHMEM)

/**
 * iommu_iova_to_phys() - translate an IOVA through a domain
 * @dom: the domain
 * @iova: the address
 *
 * Return: the physical address; the IOVA itself for identity domains;
 * 0 for blocked domains and for addresses that are not mapped.
 */
phys_addr_t iommu_iova_to_phys(struct iommu_domain *dom, dma_addr_t iova)
{
	switch (dom->type) {
	case IOMMU_DOMAIN_BLOCKED:
		return 0;
	case IOMMU_DOMAIN_IDENTITY:
		return iova;
	}
	return dom->ops->iova_to_phys(dom, iova);
}
EXPORT_SYMBOL_GPL(iommu_iova_to_phys);

/*
 * Check that @dom can take page-by-page requests of the given direction and
 * report its smallest page size in *granule.
 *
 * Return: 0; -EINVAL for a domain that is not a paging one; -ENODEV (with a
 * warning) for a paging domain whose driver lacks the op or page sizes.
 */
static int iommu_paging_granule(struct iommu_domain *dom, bool unmapping,
				unsigned long *granule)
{
	const struct iommu_domain_ops *ops = dom->ops;
	bool has_op = unmapping ? !!ops->unmap_pages : !!ops->map_pages;

	if (!(dom->type & __IOMMU_DOMAIN_PAGING))
		return -EINVAL;
	if (WARN_ON(!has_op || !dom->pgsize_bitmap))
		return -ENODEV;

	*granule = BIT(__ffs(dom->pgsize_bitmap));
	return 0;
}

/*
 * Choose the page size for the next run of [iova, iova + len) mapped to
 * @pa, and how many pages of it (in *count) to use before a larger page
 * size becomes possible.
 *
 * The page size is the largest supported one that fits in @len and that
 * both addresses are aligned to. If a larger supported size exists, and
 * iova and pa sit at the same offset within it, the run stops at the
 * next boundary of that larger size, provided at least one whole larger
 * page follows before the end of the range.
 *
 * Returns 0 if no page size fits, which the alignment checks of the
 * callers rule out.
 */
static size_t iommu_run_pgsize(const struct iommu_domain *dom,
			       unsigned long iova, phys_addr_t pa, size_t len,
			       size_t *count)
{
	unsigned long both = iova | (unsigned long)pa;
	unsigned long usable, above;
	size_t big, lead, lead_plus_big;
	unsigned int order;

	*count = 0;
	usable = dom->pgsize_bitmap & GENMASK(__fls(len), 0);
	if (both)
		usable &= GENMASK(__ffs(both), 0);
	if (WARN_ON(!usable))
		return 0;

	order = __fls(usable);
	*count = len >> order;

	above = dom->pgsize_bitmap & ~GENMASK(order, 0);
	if (!above)
		return BIT(order);

	/* A larger page is out of reach unless both are equally offset in it */
	big = BIT(__ffs(above));
	if ((iova ^ (unsigned long)pa) & (big - 1))
		return BIT(order);

	/* Small pages only up to the boundary, if a big page fits after it */
	lead = big - (both & (big - 1));
	if (!check_add_overflow(lead, big, &lead_plus_big) &&
	    lead_plus_big <= len)
		*count = lead >> order;
	return BIT(order);
}

/*
 * Map [iova, iova + len) to @pa run by run, without the final IOTLB sync.
 * On failure every page this call mapped is unmapped again.
 */
static int iommu_map_nosync(struct iommu_domain *dom, unsigned long iova,
			    phys_addr_t pa, size_t len, int prot, gfp_t gfp)
{
	const struct iommu_domain_ops *ops = dom->ops;
	unsigned long granule;
	size_t done = 0;
	int err;

	err = iommu_paging_granule(dom, false, &granule);
	if (err)
		return err;

	if (!IS_ALIGNED(iova | pa | len, granule)) {
		pr_err("map request not aligned to 0x%lx: iova 0x%lx pa 0x%llx size 0x%zx\n",
		       granule, iova, (unsigned long long)pa, len);
		return -EINVAL;
	}

	while (done < len) {
		size_t pgsize, count, step = 0;

		pgsize = iommu_run_pgsize(dom, iova + done, pa + done,
					  len - done, &count);
		if (!pgsize) {
			err = -EINVAL;
			break;
		}

		err = ops->map_pages(dom, iova + done, pa + done, pgsize, count,
				     prot, gfp, &step);
		/* Whatever the driver managed before failing must be undone */
		done += step;
		if (err)
			break;
	}

	if (err)
		iommu_unmap(dom, iova, done);
	return err;
}

/*
 * Let the driver make fresh mappings visible to the hardware. If it cannot,
 * [iova, iova + len) is unmapped again.
 */
static int iommu_map_publish(struct iommu_domain *dom, unsigned long iova,
			     size_t len)
{
	int err;

	if (!dom->ops->iotlb_sync_map)
		return 0;

	err = dom->ops->iotlb_sync_map(dom, iova, len);
	if (err)
		iommu_unmap(dom, iova, len);
	return err;
}

/**
 * iommu_map() - map a physically contiguous range into a paging domain
 * @dom: the domain
 * @iova: where the mapping starts
 * @pa: the physical start
 * @len: bytes to map; 0 maps nothing
 * @prot: IOMMU_READ, IOMMU_WRITE, ... bits
 * @gfp: allocation flags for the page table
 *
 * On failure nothing of the range stays mapped.
 *
 * Return: 0; -EINVAL for a non-paging domain, an unaligned request or
 * strange @gfp bits (__GFP_COMP, __GFP_DMA, __GFP_DMA32, __GFP_HIGHMEM);
 * -ENODEV for a domain without map_pages; or the driver's error from
 * map_pages() or iotlb_sync_map().
 */
int iommu_map(struct iommu_domain *dom, unsigned long iova, phys_addr_t pa,
	      size_t len, int prot, gfp_t gfp)
{
	int err;

	/* Page tables never live in special zones or compound pages */
	if (WARN_ON_ONCE(gfp & IOMMU_MAP_BAD_GFP))
		return -EINVAL;
	might_sleep_if(gfpflags_allow_blocking(gfp));

	err = iommu_map_nosync(dom, iova, pa, len, prot, gfp);
	return err ? err : iommu_map_publish(dom, iova, len);
}
EXPORT_SYMBOL_GPL(iommu_map);

/*
 * Unmap run by run, stopping once @len bytes are gone (a driver may free a
 * larger page than asked for, so possibly more) or at the first hole.
 */
static size_t iommu_unmap_runs(struct iommu_domain *dom, unsigned long iova,
			       size_t len, struct iommu_iotlb_gather *gather)
{
	unsigned long granule;
	size_t freed = 0;

	if (iommu_paging_granule(dom, true, &granule))
		return 0;

	if (!IS_ALIGNED(iova | len, granule)) {
		pr_err("unmap request not aligned to 0x%lx: iova 0x%lx size 0x%zx\n",
		       granule, iova, len);
		return 0;
	}

	while (freed < len) {
		unsigned long at = iova + freed;
		size_t pgsize, count, step;

		pgsize = iommu_run_pgsize(dom, at, at, len - freed, &count);
		step = pgsize ? dom->ops->unmap_pages(dom, at, pgsize, count,
						      gather) : 0;
		if (!step)
			break;
		freed += step;
	}
	return freed;
}

/**
 * iommu_unmap_fast() - unmap a range, leaving invalidation to the caller
 * @dom: the domain
 * @iova: start of the range
 * @len: length of the range
 * @gather: collects the invalidation; the caller passes it to
 *          iommu_iotlb_sync() later
 *
 * Return: as iommu_unmap().
 */
size_t iommu_unmap_fast(struct iommu_domain *dom, unsigned long iova,
			size_t len, struct iommu_iotlb_gather *gather)
{
	return iommu_unmap_runs(dom, iova, len, gather);
}
EXPORT_SYMBOL_GPL(iommu_unmap_fast);

/**
 * iommu_unmap() - unmap a range and invalidate it
 * @dom: the domain
 * @iova: start of the range
 * @len: length of the range
 *
 * The IOTLB is synchronised once, at the end.
 *
 * Return: bytes unmapped: 0 for a non-paging domain or an unaligned
 * request; less than @len if a hole was found; possibly more than @len
 * if the driver unmapped a larger page.
 */
size_t iommu_unmap(struct iommu_domain *dom, unsigned long iova, size_t len)
{
	struct iommu_iotlb_gather pending;
	size_t freed;

	iommu_iotlb_gather_init(&pending);
	freed = iommu_unmap_runs(dom, iova, len, &pending);
	iommu_iotlb_sync(dom, &pending);
	return freed;
}
EXPORT_SYMBOL_GPL(iommu_unmap);

/* A physically contiguous stretch of scatterlist not mapped yet */
struct iommu_sg_run {
	phys_addr_t pa;
	size_t len;
};

/* Map the pending run right after the @total bytes already mapped */
static int iommu_sg_flush(struct iommu_domain *dom, unsigned long iova,
			  struct iommu_sg_run *run, size_t *total, int prot,
			  gfp_t gfp)
{
	int err;

	if (!run->len)
		return 0;

	err = iommu_map_nosync(dom, iova + *total, run->pa, run->len, prot,
			       gfp);
	if (err)
		return err;

	*total += run->len;
	run->len = 0;
	return 0;
}

/**
 * iommu_map_sg() - map a scatterlist at consecutive IOVAs
 * @dom: the domain
 * @iova: where the mapping starts
 * @sgl: the scatterlist
 * @nents: number of entries
 * @prot: IOMMU_READ, IOMMU_WRITE, ... bits
 * @gfp: allocation flags for the page table
 *
 * Physically contiguous entries are mapped together. Entries whose DMA
 * address is a bus address (peer-to-peer) are skipped. The IOTLB is
 * synchronised once at the end.
 *
 * Return: bytes mapped, or a negative errno with nothing left mapped.
 */
ssize_t iommu_map_sg(struct iommu_domain *dom, unsigned long iova,
		     struct scatterlist *sgl, unsigned int nents, int prot,
		     gfp_t gfp)
{
	struct iommu_sg_run run = {};
	struct scatterlist *sg;
	size_t total = 0;
	unsigned int n;
	int err;

	/* Same gfp rules as iommu_map() */
	if (WARN_ON_ONCE(gfp & IOMMU_MAP_BAD_GFP))
		return -EINVAL;
	might_sleep_if(gfpflags_allow_blocking(gfp));

	for_each_sg(sgl, sg, nents, n) {
		phys_addr_t pa;

		if (sg_dma_is_bus_address(sg))
			continue;

		pa = sg_phys(sg);
		if (run.len && pa != run.pa + run.len) {
			err = iommu_sg_flush(dom, iova, &run, &total, prot, gfp);
			if (err)
				goto undo;
		}
		if (!run.len)
			run.pa = pa;
		run.len += sg->length;
	}

	err = iommu_sg_flush(dom, iova, &run, &total, prot, gfp);
	if (err)
		goto undo;

	/* On failure this has already unmapped all of it */
	err = iommu_map_publish(dom, iova, total);
	if (err)
		return err;
	return total;

undo:
	iommu_unmap(dom, iova, total);
	return err;
}
EXPORT_SYMBOL_GPL(iommu_map_sg);

/**
 * iommu_alloc_resv_region() - allocate a reserved region entry
 * @base: first address
 * @len: size in bytes
 * @prot: IOMMU_READ, IOMMU_WRITE, ... for direct mappings
 * @type: the region type
 * @gfp: allocation flags
 *
 * Return: the entry, with an initialised list head and no free op, or NULL.
 */
struct iommu_resv_region *iommu_alloc_resv_region(phys_addr_t base, size_t len,
						  int prot,
						  enum iommu_resv_type type,
						  gfp_t gfp)
{
	struct iommu_resv_region *entry = kmalloc(sizeof(*entry), gfp);

	if (entry) {
		*entry = (struct iommu_resv_region) {
			.start = base,
			.length = len,
			.type = type,
			.prot = prot,
		};
		INIT_LIST_HEAD(&entry->list);
	}
	return entry;
}
EXPORT_SYMBOL_GPL(iommu_alloc_resv_region);

/**
 * iommu_get_resv_regions() - the reserved regions of a device
 * @dev: a device served by an IOMMU driver
 * @out: the driver appends its regions here
 *
 * Users of a domain must not map IOVAs inside these regions. Give the list
 * back with iommu_put_resv_regions().
 */
void iommu_get_resv_regions(struct device *dev, struct list_head *out)
{
	void (*report)(struct device *dev, struct list_head *out);

	report = dev_iommu_ops(dev)->get_resv_regions;
	if (report)
		report(dev, out);
}
EXPORT_SYMBOL_GPL(iommu_get_resv_regions);

/**
 * iommu_put_resv_regions() - free a list from iommu_get_resv_regions()
 * @dev: the device
 * @regions: the list, empty afterwards; entries are freed with their free
 *           op or kfree()
 */
void iommu_put_resv_regions(struct device *dev, struct list_head *regions)
{
	while (!list_empty(regions)) {
		struct iommu_resv_region *entry =
			list_first_entry(regions, struct iommu_resv_region,
					 list);

		list_del(&entry->list);
		if (entry->free)
			entry->free(dev, entry);
		else
			kfree(entry);
	}
}
EXPORT_SYMBOL(iommu_put_resv_regions);

static bool iommu_resv_is_direct(const struct iommu_resv_region *entry)
{
	return entry->type == IOMMU_RESV_DIRECT ||
	       entry->type == IOMMU_RESV_DIRECT_RELAXABLE;
}

/* Identity map the parts of @entry that are not mapped yet */
static int iommu_map_direct_region(struct iommu_domain *dom,
				   const struct iommu_resv_region *entry,
				   unsigned long granule)
{
	dma_addr_t end = ALIGN(entry->start + entry->length, granule);
	dma_addr_t pos = ALIGN(entry->start, granule);
	int err;

	while (pos < end) {
		dma_addr_t hole_end = pos + granule;

		/* Skip what is mapped already, e.g. by another member */
		if (iommu_iova_to_phys(dom, pos)) {
			pos = hole_end;
			continue;
		}

		while (hole_end < end && !iommu_iova_to_phys(dom, hole_end))
			hole_end += granule;

		err = iommu_map(dom, pos, pos, hole_end - pos, entry->prot,
				GFP_KERNEL);
		if (err)
			return err;
		pos = hole_end;
	}
	return 0;
}

/**
 * iommu_install_direct_maps() - install a device's direct regions
 * @dom: the domain the device is about to use
 * @dev: the device
 *
 * Notes whether the device has IOMMU_RESV_DIRECT regions (whatever the
 * domain type). For DMA-API domains only, identity maps every DIRECT and
 * DIRECT_RELAXABLE region (rounded out to the smallest page size, skipping
 * pages already mapped) and flushes the IOTLB.
 *
 * Return: 0, -EINVAL for a DMA domain without page sizes, or a map error.
 */
int iommu_install_direct_maps(struct iommu_domain *dom, struct device *dev)
{
	bool translating = iommu_is_dma_domain(dom);
	unsigned long granule = 0;
	struct iommu_resv_region *entry;
	LIST_HEAD(resv);
	int err = 0;

	if (dom->pgsize_bitmap)
		granule = BIT(__ffs(dom->pgsize_bitmap));
	if (WARN_ON_ONCE(translating && !granule))
		return -EINVAL;

	iommu_get_resv_regions(dev, &resv);
	list_for_each_entry(entry, &resv, list) {
		if (entry->type == IOMMU_RESV_DIRECT)
			dev->iommu->require_direct = 1;
		if (!translating || !iommu_resv_is_direct(entry))
			continue;

		err = iommu_map_direct_region(dom, entry, granule);
		if (err)
			break;
	}

	if (!err && translating && !list_empty(&resv))
		iommu_flush_iotlb_all(dom);

	iommu_put_resv_regions(dev, &resv);
	return err;
}
