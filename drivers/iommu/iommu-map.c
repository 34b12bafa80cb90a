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

#include <linux/bitops.h>
#include <linux/bits.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>

#include "iommu-priv.h"

/* gfp flags that make no sense for page-table allocations */
#define IOMMU_MAP_BAD_GFP	(__GFP_COMP | __GFP_DMA | __GFP_DMA32 | \
				 __GFP_HIGHMEM)

/**
 * iommu_iova_to_phys() - translate an IOVA through a domain
 * @domain: the domain
 * @iova: the address
 *
 * Return: the physical address; the IOVA itself for identity domains;
 * 0 for blocked domains and for addresses that are not mapped.
 */
phys_addr_t iommu_iova_to_phys(struct iommu_domain *domain, dma_addr_t iova)
{
	switch (domain->type) {
	case IOMMU_DOMAIN_IDENTITY:
		return iova;
	case IOMMU_DOMAIN_BLOCKED:
		return 0;
	default:
		return domain->ops->iova_to_phys(domain, iova);
	}
}
EXPORT_SYMBOL_GPL(iommu_iova_to_phys);

/*
 * Choose the page size for the next run of [iova, iova + size) mapped to
 * paddr, and how many pages of it (in *count) to use before a larger page
 * size becomes possible.
 *
 * The page size is the largest supported one that fits in @size and that
 * both addresses are aligned to. If a larger supported size exists, and
 * iova and paddr sit at the same offset within it, the run stops at the
 * next boundary of that larger size, provided at least one whole larger
 * page follows before the end of the range.
 *
 * Returns 0 if no page size fits, which the alignment checks of the
 * callers rule out.
 */
static size_t iommu_pgsize(struct iommu_domain *domain, unsigned long iova,
			   phys_addr_t paddr, size_t size, size_t *count)
{
	unsigned long align = (unsigned long)paddr | iova;
	unsigned long fitting, larger;
	size_t pgsize, next_size, to_boundary, reach;
	unsigned int shift;

	fitting = domain->pgsize_bitmap & GENMASK(__fls(size), 0);
	if (align)
		fitting &= GENMASK(__ffs(align), 0);
	if (WARN_ON(!fitting)) {
		*count = 0;
		return 0;
	}

	shift = __fls(fitting);
	pgsize = BIT(shift);
	*count = size >> shift;

	larger = domain->pgsize_bitmap & ~GENMASK(shift, 0);
	if (!larger)
		return pgsize;

	next_size = BIT(__ffs(larger));
	if ((iova ^ (unsigned long)paddr) & (next_size - 1))
		return pgsize;

	to_boundary = next_size - (align & (next_size - 1));
	if (!check_add_overflow(to_boundary, next_size, &reach) &&
	    reach <= size)
		*count = to_boundary >> shift;
	return pgsize;
}

static int __iommu_map(struct iommu_domain *domain, unsigned long iova,
		       phys_addr_t paddr, size_t size, int prot, gfp_t gfp)
{
	const struct iommu_domain_ops *ops = domain->ops;
	unsigned long start_iova = iova;
	size_t remaining = size;
	unsigned long min_pgsize;
	int ret = 0;

	if (unlikely(!(domain->type & __IOMMU_DOMAIN_PAGING)))
		return -EINVAL;

	if (WARN_ON(!ops->map_pages || !domain->pgsize_bitmap))
		return -ENODEV;

	/* Addresses and size must be multiples of the smallest page */
	min_pgsize = 1UL << __ffs(domain->pgsize_bitmap);
	if (!IS_ALIGNED(iova | paddr | size, min_pgsize)) {
		pr_err("map request not aligned to 0x%lx: iova 0x%lx pa 0x%llx size 0x%zx\n",
		       min_pgsize, iova, (unsigned long long)paddr, size);
		return -EINVAL;
	}

	while (remaining) {
		size_t pgsize, count, done = 0;

		pgsize = iommu_pgsize(domain, iova, paddr, remaining, &count);
		if (!pgsize) {
			ret = -EINVAL;
			break;
		}

		ret = ops->map_pages(domain, iova, paddr, pgsize, count, prot,
				     gfp, &done);
		/* A failing driver may still have mapped part of the run */
		remaining -= done;
		if (ret)
			break;

		iova += done;
		paddr += done;
	}

	if (ret)
		iommu_unmap(domain, start_iova, size - remaining);
	return ret;
}

/**
 * iommu_map() - map a physically contiguous range into a paging domain
 * @domain: the domain
 * @iova: where the mapping starts
 * @paddr: the physical start
 * @size: bytes to map; 0 maps nothing
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
int iommu_map(struct iommu_domain *domain, unsigned long iova,
	      phys_addr_t paddr, size_t size, int prot, gfp_t gfp)
{
	const struct iommu_domain_ops *ops = domain->ops;
	int ret;

	might_sleep_if(gfpflags_allow_blocking(gfp));

	if (WARN_ON_ONCE(gfp & IOMMU_MAP_BAD_GFP))
		return -EINVAL;

	ret = __iommu_map(domain, iova, paddr, size, prot, gfp);
	if (ret || !ops->iotlb_sync_map)
		return ret;

	ret = ops->iotlb_sync_map(domain, iova, size);
	if (ret)
		iommu_unmap(domain, iova, size);
	return ret;
}
EXPORT_SYMBOL_GPL(iommu_map);

static size_t __iommu_unmap(struct iommu_domain *domain, unsigned long iova,
			    size_t size, struct iommu_iotlb_gather *gather)
{
	const struct iommu_domain_ops *ops = domain->ops;
	unsigned long min_pgsize;
	size_t unmapped = 0;

	if (unlikely(!(domain->type & __IOMMU_DOMAIN_PAGING)))
		return 0;

	if (WARN_ON(!ops->unmap_pages || !domain->pgsize_bitmap))
		return 0;

	min_pgsize = 1UL << __ffs(domain->pgsize_bitmap);
	if (!IS_ALIGNED(iova | size, min_pgsize)) {
		pr_err("unmap request not aligned to 0x%lx: iova 0x%lx size 0x%zx\n",
		       min_pgsize, iova, size);
		return 0;
	}

	/*
	 * Stop when enough has been unmapped (a driver may unmap a larger
	 * page than asked for) or at the first hole.
	 */
	while (unmapped < size) {
		size_t pgsize, count, done;

		pgsize = iommu_pgsize(domain, iova, iova, size - unmapped,
				      &count);
		if (!pgsize)
			break;

		done = ops->unmap_pages(domain, iova, pgsize, count, gather);
		if (!done)
			break;

		iova += done;
		unmapped += done;
	}
	return unmapped;
}

/**
 * iommu_unmap() - unmap a range and invalidate it
 * @domain: the domain
 * @iova: start of the range
 * @size: length of the range
 *
 * The IOTLB is synchronised once, at the end.
 *
 * Return: bytes unmapped: 0 for a non-paging domain or an unaligned
 * request; less than @size if a hole was found; possibly more than @size
 * if the driver unmapped a larger page.
 */
size_t iommu_unmap(struct iommu_domain *domain, unsigned long iova,
		   size_t size)
{
	struct iommu_iotlb_gather gather;
	size_t unmapped;

	iommu_iotlb_gather_init(&gather);
	unmapped = __iommu_unmap(domain, iova, size, &gather);
	iommu_iotlb_sync(domain, &gather);
	return unmapped;
}
EXPORT_SYMBOL_GPL(iommu_unmap);

/**
 * iommu_unmap_fast() - unmap a range, leaving invalidation to the caller
 * @domain: the domain
 * @iova: start of the range
 * @size: length of the range
 * @iotlb_gather: collects the invalidation; the caller passes it to
 *                iommu_iotlb_sync() later
 *
 * Return: as iommu_unmap().
 */
size_t iommu_unmap_fast(struct iommu_domain *domain, unsigned long iova,
			size_t size, struct iommu_iotlb_gather *iotlb_gather)
{
	return __iommu_unmap(domain, iova, size, iotlb_gather);
}
EXPORT_SYMBOL_GPL(iommu_unmap_fast);

/**
 * iommu_map_sg() - map a scatterlist at consecutive IOVAs
 * @domain: the domain
 * @iova: where the mapping starts
 * @sg: the scatterlist
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
ssize_t iommu_map_sg(struct iommu_domain *domain, unsigned long iova,
		     struct scatterlist *sg, unsigned int nents, int prot,
		     gfp_t gfp)
{
	const struct iommu_domain_ops *ops = domain->ops;
	size_t mapped = 0, run_len = 0;
	phys_addr_t run_start = 0;
	struct scatterlist *s;
	unsigned int i;
	int ret;

	might_sleep_if(gfpflags_allow_blocking(gfp));

	if (WARN_ON_ONCE(gfp & IOMMU_MAP_BAD_GFP))
		return -EINVAL;

	for_each_sg(sg, s, nents, i) {
		phys_addr_t phys = sg_phys(s);

		if (sg_dma_is_bus_address(s))
			continue;

		if (run_len && phys == run_start + run_len) {
			run_len += s->length;
			continue;
		}

		/* Not contiguous with the current run: map the run first */
		if (run_len) {
			ret = __iommu_map(domain, iova + mapped, run_start,
					  run_len, prot, gfp);
			if (ret)
				goto out_unmap;
			mapped += run_len;
		}
		run_start = phys;
		run_len = s->length;
	}

	if (run_len) {
		ret = __iommu_map(domain, iova + mapped, run_start, run_len,
				  prot, gfp);
		if (ret)
			goto out_unmap;
		mapped += run_len;
	}

	if (ops->iotlb_sync_map) {
		ret = ops->iotlb_sync_map(domain, iova, mapped);
		if (ret)
			goto out_unmap;
	}
	return mapped;

out_unmap:
	iommu_unmap(domain, iova, mapped);
	return ret;
}
EXPORT_SYMBOL_GPL(iommu_map_sg);

/**
 * iommu_get_resv_regions() - the reserved regions of a device
 * @dev: a device served by an IOMMU driver
 * @list: the driver appends its regions here
 *
 * Users of a domain must not map IOVAs inside these regions. Give the list
 * back with iommu_put_resv_regions().
 */
void iommu_get_resv_regions(struct device *dev, struct list_head *list)
{
	const struct iommu_ops *ops = dev_iommu_ops(dev);

	if (ops->get_resv_regions)
		ops->get_resv_regions(dev, list);
}
EXPORT_SYMBOL_GPL(iommu_get_resv_regions);

/**
 * iommu_put_resv_regions() - free a list from iommu_get_resv_regions()
 * @dev: the device
 * @list: the list; its entries are freed with their free op or kfree()
 */
void iommu_put_resv_regions(struct device *dev, struct list_head *list)
{
	struct iommu_resv_region *region, *next;

	list_for_each_entry_safe(region, next, list, list) {
		if (region->free)
			region->free(dev, region);
		else
			kfree(region);
	}
}
EXPORT_SYMBOL(iommu_put_resv_regions);

/**
 * iommu_alloc_resv_region() - allocate a reserved region entry
 * @start: first address
 * @length: size in bytes
 * @prot: IOMMU_READ, IOMMU_WRITE, ... for direct mappings
 * @type: the region type
 * @gfp: allocation flags
 *
 * Return: the entry, with an initialised list head and no free op, or NULL.
 */
struct iommu_resv_region *iommu_alloc_resv_region(phys_addr_t start,
						  size_t length, int prot,
						  enum iommu_resv_type type,
						  gfp_t gfp)
{
	struct iommu_resv_region *region;

	region = kzalloc(sizeof(*region), gfp);
	if (!region)
		return NULL;

	INIT_LIST_HEAD(&region->list);
	region->start = start;
	region->length = length;
	region->prot = prot;
	region->type = type;
	return region;
}
EXPORT_SYMBOL_GPL(iommu_alloc_resv_region);

/* Identity map the parts of @region that are not mapped yet */
static int iommu_map_direct_region(struct iommu_domain *domain,
				   struct iommu_resv_region *region,
				   unsigned long pg_size)
{
	dma_addr_t first = ALIGN(region->start, pg_size);
	dma_addr_t end = ALIGN(region->start + region->length, pg_size);
	dma_addr_t run = first;	/* start of the pending unmapped run */
	dma_addr_t addr;
	int ret;

	for (addr = first; addr < end; addr += pg_size) {
		if (!iommu_iova_to_phys(domain, addr))
			continue;

		/* Already mapped, e.g. by another device of the group */
		if (addr > run) {
			ret = iommu_map(domain, run, run, addr - run,
					region->prot, GFP_KERNEL);
			if (ret)
				return ret;
		}
		run = addr + pg_size;
	}

	if (end > run)
		return iommu_map(domain, run, run, end - run, region->prot,
				 GFP_KERNEL);
	return 0;
}

/**
 * iommu_install_direct_maps() - install a device's direct regions
 * @domain: the domain the device is about to use
 * @dev: the device
 *
 * Notes whether the device has IOMMU_RESV_DIRECT regions (whatever the
 * domain type). For DMA-API domains only, identity maps every DIRECT and
 * DIRECT_RELAXABLE region (rounded out to the smallest page size, skipping
 * pages already mapped) and flushes the IOTLB.
 *
 * Return: 0, -EINVAL for a DMA domain without page sizes, or a map error.
 */
int iommu_install_direct_maps(struct iommu_domain *domain, struct device *dev)
{
	bool dma_domain = iommu_is_dma_domain(domain);
	struct iommu_resv_region *region;
	unsigned long pg_size = 0;
	LIST_HEAD(regions);
	int ret = 0;

	if (domain->pgsize_bitmap)
		pg_size = 1UL << __ffs(domain->pgsize_bitmap);
	if (WARN_ON_ONCE(dma_domain && !pg_size))
		return -EINVAL;

	iommu_get_resv_regions(dev, &regions);
	list_for_each_entry(region, &regions, list) {
		if (region->type == IOMMU_RESV_DIRECT)
			dev->iommu->require_direct = 1;

		if (!dma_domain || (region->type != IOMMU_RESV_DIRECT &&
				    region->type != IOMMU_RESV_DIRECT_RELAXABLE))
			continue;

		ret = iommu_map_direct_region(domain, region, pg_size);
		if (ret)
			break;
	}

	if (!ret && dma_domain && !list_empty(&regions))
		iommu_flush_iotlb_all(domain);

	iommu_put_resv_regions(dev, &regions);
	return ret;
}
