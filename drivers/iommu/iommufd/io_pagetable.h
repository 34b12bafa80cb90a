/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of the IO page table: areas (IOVA ranges), the iopt_pages that
 * back them with user memory, and the reserved/allowed range trees.
 */
#ifndef __IO_PAGETABLE_H
#define __IO_PAGETABLE_H

#include <linux/interval_tree.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/xarray.h>

#include "iommufd_private.h"

struct iommu_domain;

/**
 * struct iopt_area - one mapped IOVA range of an io_pagetable
 * @node: the IOVA range [start, last], in iopt->area_itree (iova_rwsem)
 * @pages_node: the page indexes of @pages the range uses; linked into
 *	pages->domains_itree while the domains of @iopt hold the range
 *	(pages->mutex)
 * @iopt: the table the area belongs to
 * @pages: the user memory behind the area; NULL while the area is being
 *	created or torn down, which makes other threads keep off it
 * @storage_domain: non-NULL once the area is mapped into the domains of
 *	@iopt (pages->mutex)
 * @page_offset: byte offset of the area's first IOVA inside its first page
 * @iommu_prot: IOMMU_READ/IOMMU_WRITE/IOMMU_CACHE of the mapping
 * @prevent_access: an unmap is waiting for the accesses to let go; no new
 *	access may pin inside the area
 * @num_accesses: pins held by accesses inside the area (pages->mutex)
 */
struct iopt_area {
	struct interval_tree_node node;
	struct interval_tree_node pages_node;
	struct io_pagetable *iopt;
	struct iopt_pages *pages;
	struct iommu_domain *storage_domain;
	unsigned int page_offset;
	int iommu_prot;
	bool prevent_access : 1;
	unsigned int num_accesses;
};

/**
 * struct iopt_allowed - a range that IOVA allocation may use
 * @node: the range, in iopt->allowed_itree
 */
struct iopt_allowed {
	struct interval_tree_node node;
};

/**
 * struct iopt_reserved - a range that no area may cover
 * @node: the range, in iopt->reserved_itree
 * @owner: who reserved it (a domain, a device, or NULL for the selftest)
 */
struct iopt_reserved {
	struct interval_tree_node node;
	void *owner;
};

int iopt_area_fill_domains(struct iopt_area *area, struct iopt_pages *pages);
void iopt_area_unfill_domains(struct iopt_area *area, struct iopt_pages *pages);

int iopt_area_fill_domain(struct iopt_area *area, struct iommu_domain *domain);
void iopt_area_unfill_domain(struct iopt_area *area, struct iopt_pages *pages,
			     struct iommu_domain *domain);
void iopt_area_unmap_domain(struct iopt_area *area,
			    struct iommu_domain *domain);

/**
 * iopt_area_index() - first page index of the area inside its pages
 * @area: the area
 *
 * Return: the index.
 */
static inline unsigned long iopt_area_index(struct iopt_area *area)
{
	return area->pages_node.start;
}

/**
 * iopt_area_last_index() - last page index of the area inside its pages
 * @area: the area
 *
 * Return: the index (inclusive).
 */
static inline unsigned long iopt_area_last_index(struct iopt_area *area)
{
	return area->pages_node.last;
}

/**
 * iopt_area_iova() - first IOVA of the area
 * @area: the area
 *
 * Return: the IOVA.
 */
static inline unsigned long iopt_area_iova(struct iopt_area *area)
{
	return area->node.start;
}

/**
 * iopt_area_last_iova() - last IOVA of the area
 * @area: the area
 *
 * Return: the IOVA (inclusive).
 */
static inline unsigned long iopt_area_last_iova(struct iopt_area *area)
{
	return area->node.last;
}

/**
 * iopt_area_length() - size of the area in bytes
 * @area: the area
 *
 * Return: the length.
 */
static inline size_t iopt_area_length(struct iopt_area *area)
{
	return (area->node.last - area->node.start) + 1;
}

/**
 * iopt_area_start_byte() - byte offset into the pages of an IOVA
 * @area: the area
 * @iova: an IOVA inside the area
 *
 * Return: the offset from the start of the area's iopt_pages; divided by
 * PAGE_SIZE it is the page index, modulo PAGE_SIZE the offset in that page.
 */
static inline unsigned long iopt_area_start_byte(struct iopt_area *area,
						 unsigned long iova)
{
	if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
		WARN_ON(iova < iopt_area_iova(area) ||
			iova > iopt_area_last_iova(area));
	return iopt_area_index(area) * PAGE_SIZE + area->page_offset +
	       (iova - iopt_area_iova(area));
}

/**
 * iopt_area_iova_to_index() - page index of an IOVA of the area
 * @area: the area
 * @iova: an IOVA inside the area
 *
 * Return: the index into the area's iopt_pages.
 */
static inline unsigned long iopt_area_iova_to_index(struct iopt_area *area,
						    unsigned long iova)
{
	unsigned long byte = iopt_area_start_byte(area, iova);

	return byte >> PAGE_SHIFT;
}

/*
 * IOPT_TREE_WALKERS(kind) defines iopt_<kind>_iter_first(iopt, start, last)
 * and iopt_<kind>_iter_next(cur, start, last): the first, then each
 * following entry of the table's <kind>_itree (entries of struct
 * iopt_<kind>) that intersects [start, last], or NULL when there is none.
 * iova_rwsem must be held throughout.
 */
#define IOPT_TREE_WALKERS(kind)                                               \
	static inline struct iopt_##kind *iopt_##kind##_of(                   \
		struct interval_tree_node *node)                              \
	{                                                                     \
		/* NULL (end of the walk) maps to NULL */                     \
		return node ? container_of(node, struct iopt_##kind, node) :  \
			      NULL;                                           \
	}                                                                     \
	static inline struct iopt_##kind *iopt_##kind##_iter_first(           \
		struct io_pagetable *pt, unsigned long start,                 \
		unsigned long last)                                           \
	{                                                                     \
		lockdep_assert_held(&pt->iova_rwsem);                         \
		return iopt_##kind##_of(interval_tree_iter_first(             \
			&pt->kind##_itree, start, last));                     \
	}                                                                     \
	static inline struct iopt_##kind *iopt_##kind##_iter_next(            \
		struct iopt_##kind *cur, unsigned long start,                 \
		unsigned long last)                                           \
	{                                                                     \
		return iopt_##kind##_of(interval_tree_iter_next(&cur->node,   \
								start, last)); \
	}

IOPT_TREE_WALKERS(area)
IOPT_TREE_WALKERS(allowed)
IOPT_TREE_WALKERS(reserved)

/**
 * struct iopt_area_contig_iter - walk areas that cover a range without gaps
 * @cur_iova: first IOVA of the range inside the current area
 * @last_iova: last IOVA of the whole range
 * @area: the current area, NULL when the walk stopped at a gap
 * @started: the loop macro has visited the first area
 */
struct iopt_area_contig_iter {
	unsigned long cur_iova;
	unsigned long last_iova;
	struct iopt_area *area;
	bool started;
};

struct iopt_area *iopt_area_contig_init(struct iopt_area_contig_iter *iter,
					struct io_pagetable *pt,
					unsigned long iova,
					unsigned long last_iova);
struct iopt_area *iopt_area_contig_next(struct iopt_area_contig_iter *iter);

/**
 * iopt_area_contig_done() - did the walk cover the whole range
 * @iter: the iterator after the loop ended
 *
 * Return: true if fully set-up areas covered every byte of the range.
 */
static inline bool iopt_area_contig_done(struct iopt_area_contig_iter *iter)
{
	struct iopt_area *stopped_at = iter->area;

	/* The walk ended on an area reaching past the end of the range. */
	if (!stopped_at)
		return false;
	return iopt_area_last_iova(stopped_at) >= iter->last_iova;
}

/**
 * iopt_area_contig_start() - start a walk, for iopt_for_each_contig_area()
 * @iter: the iterator
 * @pt: the table; iova_rwsem held
 * @iova: first IOVA of the range
 * @last_iova: last IOVA of the range
 *
 * Return: @iter.
 */
static inline struct iopt_area_contig_iter *
iopt_area_contig_start(struct iopt_area_contig_iter *iter,
		       struct io_pagetable *pt, unsigned long iova,
		       unsigned long last_iova)
{
	iopt_area_contig_init(iter, pt, iova, last_iova);
	iter->started = false;
	return iter;
}

/**
 * iopt_area_contig_step() - the loop condition of iopt_for_each_contig_area()
 * @iter: the iterator
 * @area: set to the area to visit
 *
 * Return: true while there is an area to visit.
 */
static inline bool iopt_area_contig_step(struct iopt_area_contig_iter *iter,
					 struct iopt_area **area)
{
	if (!iter->started) {
		iter->started = true;
		*area = iter->area;
	} else {
		*area = iopt_area_contig_next(iter);
	}
	return *area;
}

/*
 * Visit the areas that cover [iova, last_iova] back to back. The walk stops
 * early at a gap or at an area that is not set up; check
 * iopt_area_contig_done() after the loop.
 */
#define iopt_for_each_contig_area(iter, area, pt, iova, last_iova)            \
	for (struct iopt_area_contig_iter *__contig =                         \
		     iopt_area_contig_start(iter, pt, iova, last_iova);       \
	     iopt_area_contig_step(__contig, &(area));)

/* How the pins of an iopt_pages are charged */
enum {
	IOPT_PAGES_ACCOUNT_NONE = 0,
	IOPT_PAGES_ACCOUNT_USER = 1,
	IOPT_PAGES_ACCOUNT_MM = 2,
};

/**
 * struct iopt_pages - a linear range of user memory that areas map
 * @kref: one reference per area and per in-flight copy
 * @mutex: protects everything below that can change
 * @npages: number of pages, counted from @uptr
 * @npinned: pages pinned right now
 * @last_npinned: pages charged to the accounting right now
 * @source_task: the task that mapped the memory (its RLIMIT_MEMLOCK counts)
 * @source_mm: the address space the memory belongs to
 * @source_user: the user charged in IOPT_PAGES_ACCOUNT_USER mode
 * @uptr: page-aligned start of the memory
 * @writable: pinned for writing
 * @account_mode: IOPT_PAGES_ACCOUNT_*
 * @pinned_pfns: the PFN of every pinned page, indexed by page index. A
 *	page is pinned exactly once, while at least one node of
 *	@access_itree or @domains_itree covers its index.
 * @access_itree: struct iopt_pages_access of the accesses holding pins
 * @domains_itree: iopt_area::pages_node of the areas mapped in domains
 *
 * Pages are pinned on demand: mapping an IOAS with no domain pins nothing.
 * Several areas, also of other IOASes after IOMMU_IOAS_COPY, share one
 * iopt_pages so that memory is pinned and charged only once.
 */
struct iopt_pages {
	struct kref kref;
	struct mutex mutex; /* see the kernel-doc above */
	size_t npages;
	size_t npinned;
	size_t last_npinned;
	struct task_struct *source_task;
	struct mm_struct *source_mm;
	struct user_struct *source_user;
	void __user *uptr;
	bool writable : 1;
	u8 account_mode;

	struct xarray pinned_pfns;
	struct rb_root_cached access_itree;
	struct rb_root_cached domains_itree;
};

struct iopt_pages *iopt_alloc_pages(void __user *uptr, unsigned long length,
				    bool writable);
void iopt_release_pages(struct kref *kref);

/**
 * iopt_put_pages() - drop a reference on an iopt_pages
 * @pages: the pages
 */
static inline void iopt_put_pages(struct iopt_pages *pages)
{
	kref_put(&pages->kref, iopt_release_pages);
}

int iopt_area_add_access(struct iopt_area *area, unsigned long start,
			 unsigned long last, struct page **out_pages,
			 unsigned int flags);
void iopt_area_remove_access(struct iopt_area *area, unsigned long start,
			     unsigned long last);
int iopt_pages_rw_access(struct iopt_pages *pages, unsigned long start_byte,
			 void *data, unsigned long length, unsigned int flags);

/**
 * struct iopt_pages_access - pins held by in-kernel accesses
 * @node: the page index range, in pages->access_itree
 * @users: how many iopt_area_add_access() calls asked for exactly this range
 */
struct iopt_pages_access {
	struct interval_tree_node node;
	unsigned int users;
};

#endif /* __IO_PAGETABLE_H */
