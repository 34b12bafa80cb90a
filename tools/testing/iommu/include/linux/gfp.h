/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/gfp_types.h>
#include <linux/mmzone.h>
#include <linux/topology.h>

struct page;
struct folio;

/**
 * gfpflags_allow_blocking() - whether an allocation may sleep
 * @gfp_flags: the flags
 *
 * Return: true if __GFP_DIRECT_RECLAIM is set.
 */
static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

/**
 * alloc_pages() - allocate 2^order physically contiguous pages
 * @gfp: allocation flags
 * @order: log2 of the number of pages
 *
 * The block is naturally aligned (to its own size), its pages get real
 * struct page descriptors, and its range is registered as RAM for the
 * hardware models.  Passes through the fault-injection point.
 *
 * Return: the first page, or NULL.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);

/**
 * __free_pages() - free a block returned by alloc_pages()
 * @page: first page of the block
 * @order: the order it was allocated with
 */
void __free_pages(struct page *page, unsigned int order);

/**
 * __get_free_pages() - alloc_pages() returning the virtual address
 * @gfp: allocation flags
 * @order: log2 of the number of pages
 *
 * Return: address of the block, or 0.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);

/**
 * get_zeroed_page() - allocate one zeroed page
 * @gfp: allocation flags
 *
 * Return: its address, or 0.
 */
unsigned long get_zeroed_page(gfp_t gfp);

/**
 * free_pages() - free a block returned by __get_free_pages()
 * @addr: its address (0 is ignored)
 * @order: the order it was allocated with
 */
void free_pages(unsigned long addr, unsigned int order);

/**
 * alloc_pages_exact() - allocate at least @size bytes of whole pages
 * @size: bytes
 * @gfp: allocation flags
 *
 * Return: address, or NULL.
 */
void *alloc_pages_exact(size_t size, gfp_t gfp);
void free_pages_exact(void *virt, size_t size);

#define alloc_page(gfp)			alloc_pages(gfp, 0)
#define __get_free_page(gfp)		__get_free_pages((gfp), 0)
#define __free_page(page)		__free_pages((page), 0)
#define free_page(addr)			free_pages((addr), 0)
/* The host has one NUMA node: the _node()/_nid() variants ignore @nid. */
static inline struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order)
{
	return alloc_pages(gfp, order);
}

static inline struct page *__alloc_pages_node(int nid, gfp_t gfp, unsigned int order)
{
	return alloc_pages(gfp, order);
}

static inline void *alloc_pages_exact_nid(int nid, size_t size, gfp_t gfp)
{
	return alloc_pages_exact(size, gfp);
}

/**
 * put_page() - drop a reference to a page; frees it on the last one
 * @page: the page
 */
void put_page(struct page *page);

/**
 * get_page() - take a reference on a page
 * @page: the page
 */
void get_page(struct page *page);

struct folio *folio_alloc(gfp_t gfp, unsigned int order);
void folio_put(struct folio *folio);

#endif /* _LINUX_GFP_H */
