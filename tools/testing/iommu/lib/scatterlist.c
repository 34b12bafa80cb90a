// SPDX-License-Identifier: GPL-2.0
/*
 * Scatter/gather lists.  Tables are allocated as one flat array; chained
 * lists built by callers with sg_chain() are followed by sg_next().
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>

struct scatterlist *sg_next(struct scatterlist *sg)
{
	if (sg_is_last(sg))
		return NULL;
	sg++;
	if (unlikely(sg_is_chain(sg)))
		sg = sg_chain_ptr(sg);
	return sg;
}
EXPORT_SYMBOL(sg_next);

int sg_nents(struct scatterlist *sg)
{
	int n;

	for (n = 0; sg; sg = sg_next(sg))
		n++;
	return n;
}
EXPORT_SYMBOL(sg_nents);

int sg_nents_for_len(struct scatterlist *sg, u64 len)
{
	u64 total = 0;
	int n;

	if (!len)
		return 0;
	for (n = 0; sg; sg = sg_next(sg)) {
		n++;
		total += sg->length;
		if (total >= len)
			return n;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(sg_nents_for_len);

struct scatterlist *sg_last(struct scatterlist *sgl, unsigned int nents)
{
	struct scatterlist *sg, *ret = NULL;
	unsigned int i;

	for_each_sg(sgl, sg, nents, i)
		ret = sg;
	return ret;
}
EXPORT_SYMBOL(sg_last);

void sg_init_table(struct scatterlist *sgl, unsigned int nents)
{
	memset(sgl, 0, sizeof(*sgl) * nents);
	sg_mark_end(&sgl[nents - 1]);
}
EXPORT_SYMBOL(sg_init_table);

void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen)
{
	sg_init_table(sg, 1);
	sg_set_buf(sg, buf, buflen);
}
EXPORT_SYMBOL(sg_init_one);

int sg_alloc_table(struct sg_table *table, unsigned int nents, gfp_t gfp_mask)
{
	memset(table, 0, sizeof(*table));
	if (!nents)
		return -EINVAL;
	table->sgl = kcalloc(nents, sizeof(struct scatterlist), gfp_mask);
	if (!table->sgl)
		return -ENOMEM;
	sg_init_table(table->sgl, nents);
	table->nents = nents;
	table->orig_nents = nents;
	return 0;
}
EXPORT_SYMBOL(sg_alloc_table);

void sg_free_table(struct sg_table *table)
{
	kfree(table->sgl);
	table->sgl = NULL;
	table->nents = 0;
	table->orig_nents = 0;
}
EXPORT_SYMBOL(sg_free_table);

int sg_alloc_table_from_pages_segment(struct sg_table *sgt, struct page **pages,
				      unsigned int n_pages, unsigned int offset,
				      unsigned long size, unsigned int max_segment,
				      gfp_t gfp_mask)
{
	unsigned int i, chunks = 0, cur;
	struct scatterlist *sg;
	int ret;

	if (!n_pages || !size || max_segment < PAGE_SIZE)
		return -EINVAL;
	/* Count runs of physically contiguous pages, split at max_segment. */
	for (i = 0; i < n_pages; i = cur) {
		unsigned long seg = PAGE_SIZE;

		for (cur = i + 1; cur < n_pages; cur++) {
			if (page_to_pfn(pages[cur]) != page_to_pfn(pages[cur - 1]) + 1 ||
			    seg + PAGE_SIZE > max_segment)
				break;
			seg += PAGE_SIZE;
		}
		chunks++;
	}
	ret = sg_alloc_table(sgt, chunks, gfp_mask);
	if (ret)
		return ret;
	sg = sgt->sgl;
	for (i = 0; i < n_pages; i = cur) {
		unsigned long seg = PAGE_SIZE;
		unsigned int len;

		for (cur = i + 1; cur < n_pages; cur++) {
			if (page_to_pfn(pages[cur]) != page_to_pfn(pages[cur - 1]) + 1 ||
			    seg + PAGE_SIZE > max_segment)
				break;
			seg += PAGE_SIZE;
		}
		len = min_t(unsigned long, seg - offset, size);
		sg_set_page(sg, pages[i], len, offset);
		size -= len;
		offset = 0;
		sg = sg_next(sg);
	}
	return 0;
}
EXPORT_SYMBOL(sg_alloc_table_from_pages_segment);
