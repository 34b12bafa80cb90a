/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCATTERLIST_H
#define _LINUX_SCATTERLIST_H

#include <linux/bits.h>
#include <linux/bug.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/types.h>

/**
 * struct scatterlist - one segment of a scatter/gather list
 * @page_link: the page, with SG_CHAIN/SG_END in the low bits
 * @offset: offset of the data in the page
 * @length: bytes
 * @dma_address: bus address after mapping
 * @dma_length: mapped length
 * @dma_flags: SG_DMA_* flags
 */
struct scatterlist {
	unsigned long page_link;
	unsigned int offset;
	unsigned int length;
	dma_addr_t dma_address;
	unsigned int dma_length;
	unsigned int dma_flags;
};

/**
 * struct sg_table - a scatter/gather list and its sizes
 * @sgl: the list
 * @nents: mapped segments
 * @orig_nents: segments of the list
 */
struct sg_table {
	struct scatterlist *sgl;
	unsigned int nents;
	unsigned int orig_nents;
};

/**
 * struct sg_append_table - a table that grows by appending
 * @sgt: the table
 * @prv: last populated entry
 * @total_nents: entries allocated
 */
struct sg_append_table {
	struct sg_table sgt;
	struct scatterlist *prv;
	unsigned int total_nents;
};

#define SG_CHAIN	0x01UL
#define SG_END		0x02UL
#define SG_PAGE_LINK_MASK (SG_CHAIN | SG_END)

#define SG_DMA_BUS_ADDRESS	BIT(0)
#define SG_DMA_SWIOTLB		BIT(1)

#define sg_dma_address(sg)	((sg)->dma_address)
#define sg_dma_len(sg)		((sg)->dma_length)

/* Test one of the SG_CHAIN/SG_END marker bits kept in page_link. */
static inline bool __sg_has_marker(const struct scatterlist *sg, unsigned long bit)
{
	return (sg->page_link & bit) != 0;
}

/* page_link with the marker bits stripped: a page or the next chunk. */
static inline void *__sg_link_target(const struct scatterlist *sg)
{
	unsigned long target = sg->page_link & ~SG_PAGE_LINK_MASK;

	return (void *)target;
}

static inline bool sg_is_chain(struct scatterlist *sg)
{
	return __sg_has_marker(sg, SG_CHAIN);
}

static inline bool sg_is_last(struct scatterlist *sg)
{
	return __sg_has_marker(sg, SG_END);
}

static inline struct scatterlist *sg_chain_ptr(struct scatterlist *sg)
{
	return __sg_link_target(sg);
}

static inline struct page *sg_page(struct scatterlist *sg)
{
	return __sg_link_target(sg);
}

static inline void sg_assign_page(struct scatterlist *sg, struct page *page)
{
	unsigned long addr = (unsigned long)page;

	/* struct page is aligned, leaving the low bits free for markers. */
	BUG_ON(addr & SG_PAGE_LINK_MASK);
	sg->page_link = addr | (sg->page_link & SG_PAGE_LINK_MASK);
}

static inline void sg_set_page(struct scatterlist *sg, struct page *page, unsigned int len,
			       unsigned int offset)
{
	sg->length = len;
	sg->offset = offset;
	sg_assign_page(sg, page);
}

static inline void sg_set_buf(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg_set_page(sg, virt_to_page(buf), buflen, offset_in_page(buf));
}

static inline void sg_mark_end(struct scatterlist *sg)
{
	unsigned long link = sg->page_link;

	sg->page_link = (link & ~SG_CHAIN) | SG_END;
}

static inline void sg_unmark_end(struct scatterlist *sg)
{
	sg->page_link &= ~SG_END;
}

static inline void sg_chain(struct scatterlist *prv, unsigned int prv_nents,
			    struct scatterlist *sgl)
{
	/* The last slot of @prv becomes a link to @sgl, carrying no data. */
	struct scatterlist *link = &prv[prv_nents - 1];

	link->length = 0;
	link->offset = 0;
	link->page_link = SG_CHAIN | ((unsigned long)sgl & ~SG_END);
}

static inline dma_addr_t sg_phys(struct scatterlist *sg)
{
	dma_addr_t base = page_to_phys(sg_page(sg));

	return base + sg->offset;
}

static inline void *sg_virt(struct scatterlist *sg)
{
	void *base = page_address(sg_page(sg));

	return base + sg->offset;
}

static inline bool sg_dma_is_bus_address(struct scatterlist *sg)
{
	return sg->dma_flags & SG_DMA_BUS_ADDRESS;
}

static inline void sg_dma_mark_bus_address(struct scatterlist *sg)
{
	sg->dma_flags |= SG_DMA_BUS_ADDRESS;
}

static inline void sg_dma_unmark_bus_address(struct scatterlist *sg)
{
	sg->dma_flags &= ~SG_DMA_BUS_ADDRESS;
}

static inline bool sg_dma_is_swiotlb(struct scatterlist *sg)
{
	return sg->dma_flags & SG_DMA_SWIOTLB;
}

static inline void sg_dma_mark_swiotlb(struct scatterlist *sg)
{
	sg->dma_flags |= SG_DMA_SWIOTLB;
}

/**
 * sg_next() - the next segment, following chain links
 * @sg: the current segment
 *
 * Return: the next segment, or NULL after the last.
 */
struct scatterlist *sg_next(struct scatterlist *sg);
int sg_nents(struct scatterlist *sg);
int sg_nents_for_len(struct scatterlist *sg, u64 len);
struct scatterlist *sg_last(struct scatterlist *s, unsigned int nents);
void sg_init_table(struct scatterlist *sgl, unsigned int nents);
void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen);

/**
 * sg_alloc_table() - allocate a table of @nents zeroed segments
 * @table: the table
 * @nents: number of segments
 * @gfp_mask: allocation flags
 *
 * Return: 0 or -ENOMEM.
 */
int sg_alloc_table(struct sg_table *table, unsigned int nents, gfp_t gfp_mask);
void sg_free_table(struct sg_table *table);

/**
 * sg_alloc_table_from_pages_segment() - build a table from an array of pages
 * @sgt: the table
 * @pages: the pages
 * @n_pages: how many
 * @offset: offset of the data in the first page
 * @size: total bytes
 * @max_segment: longest segment (a multiple of PAGE_SIZE)
 * @gfp_mask: allocation flags
 *
 * Physically contiguous pages are merged into one segment.
 *
 * Return: 0, -EINVAL or -ENOMEM.
 */
int sg_alloc_table_from_pages_segment(struct sg_table *sgt, struct page **pages,
				      unsigned int n_pages, unsigned int offset,
				      unsigned long size, unsigned int max_segment,
				      gfp_t gfp_mask);

static inline int sg_alloc_table_from_pages(struct sg_table *sgt, struct page **pages,
					    unsigned int n_pages, unsigned int offset,
					    unsigned long size, gfp_t gfp_mask)
{
	/* No limit on how large a merged segment may grow. */
	unsigned int no_limit = UINT_MAX;

	return sg_alloc_table_from_pages_segment(sgt, pages, n_pages, offset, size, no_limit,
						 gfp_mask);
}

#define for_each_sg(sglist, sg, nr, __i) \
	for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))
#define for_each_sgtable_sg(sgt, sg, i) \
	for_each_sg((sgt)->sgl, sg, (sgt)->orig_nents, i)
#define for_each_sgtable_dma_sg(sgt, sg, i) \
	for_each_sg((sgt)->sgl, sg, (sgt)->nents, i)

#endif /* _LINUX_SCATTERLIST_H */
