// SPDX-License-Identifier: GPL-2.0
/*
 * The io_pagetable: the map from IOVA ranges (areas) to slices of user
 * memory (iopt_pages), kept in an interval tree, plus the ranges that may
 * not be mapped (reserved) and those IOVA allocation is confined to
 * (allowed). Every iommu_domain attached to the table mirrors all of its
 * areas; in-kernel accesses can pin and read the memory as well.
 *
 * Lock order: domains_rwsem, then iova_rwsem, then an iopt_pages mutex.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/iommu.h>
#include <linux/iommufd.h>
#include <linux/lockdep.h>
#include <linux/log2.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <uapi/linux/iommufd.h>

#include "double_span.h"
#include "io_pagetable.h"

/* Largest alignment worth giving an automatically placed IOVA */
#define IOPT_MAX_AUTO_ALIGN	SZ_2M

/* How often an unmap asks the accesses to let go before giving up */
#define IOPT_UNMAP_ACCESS_TRIES	100

/*
 * One slice of an iopt_pages on its way into a table: a new mapping
 * carries a single one, a copy one per source area.
 */
struct iopt_pages_list {
	struct iopt_pages *pages;
	struct iopt_area *area;
	struct list_head next;
	unsigned long start_byte;
	unsigned long length;
};

/**
 * iopt_area_contig_init() - start a walk over back-to-back areas
 * @iter: the iterator
 * @iopt: the table; iova_rwsem held
 * @iova: first IOVA of the range
 * @last_iova: last IOVA of the range
 *
 * Return: the area holding @iova, or NULL if there is none or it is not
 * set up.
 */
struct iopt_area *iopt_area_contig_init(struct iopt_area_contig_iter *iter,
					struct io_pagetable *iopt,
					unsigned long iova,
					unsigned long last_iova)
{
	lockdep_assert_held(&iopt->iova_rwsem);

	iter->cur_iova = iova;
	iter->last_iova = last_iova;
	iter->area = iopt_area_iter_first(iopt, iova, iova);
	if (iter->area && !iter->area->pages)
		iter->area = NULL;
	return iter->area;
}

/**
 * iopt_area_contig_next() - step to the area right after the current one
 * @iter: the iterator
 *
 * Return: the next area if it starts exactly where the current one ends
 * and is set up, otherwise NULL.
 */
struct iopt_area *iopt_area_contig_next(struct iopt_area_contig_iter *iter)
{
	unsigned long area_last;

	if (!iter->area)
		return NULL;
	area_last = iopt_area_last_iova(iter->area);
	if (area_last >= iter->last_iova)
		return NULL;

	iter->cur_iova = area_last + 1;
	iter->area = iopt_area_iter_next(iter->area, iter->cur_iova,
					 iter->last_iova);
	if (iter->area && (iopt_area_iova(iter->area) != iter->cur_iova ||
			   !iter->area->pages))
		iter->area = NULL;
	return iter->area;
}

/*
 * Find the lowest IOVA inside [start, last] with the given alignment and
 * sub-page offset where length bytes fit.
 */
static bool iopt_fit_in_range(unsigned long start, unsigned long last,
			      unsigned long length, unsigned long align,
			      unsigned long page_offset, unsigned long *out)
{
	unsigned long candidate;

	if (check_add_overflow(start, align - 1, &candidate))
		return false;
	candidate = (candidate & ~(align - 1)) | page_offset;
	if (candidate < start)
		return false;
	if (candidate > last || last - candidate < length - 1)
		return false;
	*out = candidate;
	return true;
}

/* Search one window for a hole in both the reserved ranges and the areas */
static bool iopt_alloc_in_window(struct io_pagetable *iopt,
				 unsigned long start, unsigned long last,
				 unsigned long length, unsigned long align,
				 unsigned long page_offset, unsigned long *iova)
{
	struct interval_tree_double_span_iter span;

	interval_tree_for_each_double_span(&span, &iopt->reserved_itree,
					   &iopt->area_itree, start, last) {
		if (span.is_used)
			continue;
		if (iopt_fit_in_range(span.start_hole, span.last_hole, length,
				      align, page_offset, iova))
			return true;
	}
	return false;
}

/*
 * Choose an IOVA for a new mapping. The alignment follows the length and
 * the user address so that large IOPTEs stay possible. IOVA 0 is never
 * handed out.
 */
static int iopt_alloc_iova(struct io_pagetable *iopt, unsigned long *iova,
			   unsigned long uptr, unsigned long length)
{
	const unsigned long win_first = PAGE_SIZE;
	const unsigned long win_last = ULONG_MAX - PAGE_SIZE;
	unsigned long page_offset = uptr % PAGE_SIZE;
	struct interval_tree_span_iter allowed;
	unsigned long align;

	lockdep_assert_held(&iopt->iova_rwsem);

	/* roundup_pow_of_two() below must not overflow */
	if (length == 0 || length >= ULONG_MAX / 2)
		return -EOVERFLOW;

	align = roundup_pow_of_two(length);
	if (uptr)
		align = min(align, 1UL << __ffs(uptr));
	align = min_t(unsigned long, align, IOPT_MAX_AUTO_ALIGN);
	if (align < iopt->iova_alignment)
		return -EINVAL;

	if (RB_EMPTY_ROOT(&iopt->allowed_itree.rb_root)) {
		if (iopt_alloc_in_window(iopt, win_first, win_last, length,
					 align, page_offset, iova))
			return 0;
		return -ENOSPC;
	}

	interval_tree_for_each_span(&allowed, &iopt->allowed_itree, win_first,
				    win_last) {
		if (allowed.is_hole)
			continue;
		if (iopt_alloc_in_window(iopt, allowed.start_used,
					 allowed.last_used, length, align,
					 page_offset, iova))
			return 0;
	}
	return -ENOSPC;
}

/* Validate a caller-chosen IOVA range */
static int iopt_check_iova(struct io_pagetable *iopt, unsigned long iova,
			   unsigned long length)
{
	unsigned long last;

	lockdep_assert_held(&iopt->iova_rwsem);

	if (iova & (iopt->iova_alignment - 1))
		return -EINVAL;
	if (check_add_overflow(iova, length - 1, &last))
		return -EOVERFLOW;
	if (iopt_reserved_iter_first(iopt, iova, last))
		return -EINVAL;
	if (iopt_area_iter_first(iopt, iova, last))
		return -EEXIST;
	return 0;
}

/*
 * Put an area covering [iova, iova + length) into the tree, backed by the
 * bytes of pages starting at start_byte. It stays invisible to users
 * (area->pages is NULL) until the caller has filled the domains.
 */
static int iopt_insert_area(struct io_pagetable *iopt, struct iopt_area *area,
			    struct iopt_pages *pages, unsigned long iova,
			    unsigned long start_byte, unsigned long length,
			    int iommu_prot)
{
	unsigned long last_byte;

	lockdep_assert_held_write(&iopt->iova_rwsem);

	if ((iommu_prot & IOMMU_WRITE) && !pages->writable)
		return -EPERM;

	area->iommu_prot = iommu_prot;
	area->page_offset = start_byte % PAGE_SIZE;
	if (area->page_offset & (iopt->iova_alignment - 1))
		return -EINVAL;

	area->node.start = iova;
	if (check_add_overflow(iova, length - 1, &area->node.last))
		return -EOVERFLOW;

	if (check_add_overflow(start_byte, length - 1, &last_byte))
		return -EOVERFLOW;
	area->pages_node.start = start_byte / PAGE_SIZE;
	area->pages_node.last = last_byte / PAGE_SIZE;
	if (WARN_ON(area->pages_node.last >= pages->npages))
		return -EOVERFLOW;

	area->iopt = iopt;
	interval_tree_insert(&area->node, &iopt->area_itree);
	return 0;
}

static struct iopt_area *iopt_area_alloc(void)
{
	struct iopt_area *area;

	area = kzalloc(sizeof(*area), GFP_KERNEL_ACCOUNT);
	if (!area)
		return NULL;
	RB_CLEAR_NODE(&area->node.rb);
	RB_CLEAR_NODE(&area->pages_node.rb);
	return area;
}

/* Reserve the IOVA for every element of pages_list, back to back */
static int iopt_alloc_area_pages(struct io_pagetable *iopt,
				 struct list_head *pages_list,
				 unsigned long length, unsigned long *dst_iova,
				 int iommu_prot, unsigned int flags)
{
	struct iopt_pages_list *elm;
	unsigned long iova;
	int rc = 0;

	list_for_each_entry(elm, pages_list, next) {
		elm->area = iopt_area_alloc();
		if (!elm->area)
			return -ENOMEM;
	}

	down_write(&iopt->iova_rwsem);
	if (!length || (length & (iopt->iova_alignment - 1))) {
		rc = -EINVAL;
		goto out_unlock;
	}

	if (flags & IOPT_ALLOC_IOVA) {
		/* The first slice decides which alignment is useful. */
		elm = list_first_entry(pages_list, struct iopt_pages_list,
				       next);
		rc = iopt_alloc_iova(iopt, dst_iova,
				     (uintptr_t)elm->pages->uptr +
					     elm->start_byte,
				     length);
		if (rc)
			goto out_unlock;
		if (IS_ENABLED(CONFIG_IOMMUFD_TEST) &&
		    WARN_ON(iopt_check_iova(iopt, *dst_iova, length))) {
			rc = -EINVAL;
			goto out_unlock;
		}
	} else {
		rc = iopt_check_iova(iopt, *dst_iova, length);
		if (rc)
			goto out_unlock;
	}

	iova = *dst_iova;
	list_for_each_entry(elm, pages_list, next) {
		rc = iopt_insert_area(iopt, elm->area, elm->pages, iova,
				      elm->start_byte, elm->length, iommu_prot);
		if (rc)
			goto out_unlock;
		iova += elm->length;
	}

out_unlock:
	up_write(&iopt->iova_rwsem);
	return rc;
}

/* Free an area that never became visible (pages still NULL) */
static void iopt_abort_area(struct iopt_area *area)
{
	if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
		WARN_ON(area->pages);
	if (area->iopt) {
		down_write(&area->iopt->iova_rwsem);
		interval_tree_remove(&area->node, &area->iopt->area_itree);
		up_write(&area->iopt->iova_rwsem);
	}
	kfree(area);
}

/**
 * iopt_free_pages_list() - release what is left of a pages list
 * @pages_list: list of struct iopt_pages_list from iopt_get_pages()
 *
 * Areas that were not published are removed; page references dropped.
 */
void iopt_free_pages_list(struct list_head *pages_list)
{
	struct iopt_pages_list *elm;

	while ((elm = list_first_entry_or_null(pages_list,
					       struct iopt_pages_list, next))) {
		if (elm->area)
			iopt_abort_area(elm->area);
		if (elm->pages)
			iopt_put_pages(elm->pages);
		list_del(&elm->next);
		kfree(elm);
	}
}

static int iopt_fill_domains_pages(struct list_head *pages_list)
{
	struct iopt_pages_list *undo;
	struct iopt_pages_list *elm;
	int rc;

	list_for_each_entry(elm, pages_list, next) {
		rc = iopt_area_fill_domains(elm->area, elm->pages);
		if (rc)
			goto err_undo;
	}
	return 0;

err_undo:
	list_for_each_entry(undo, pages_list, next) {
		if (undo == elm)
			break;
		iopt_area_unfill_domains(undo->area, undo->pages);
	}
	return rc;
}

/**
 * iopt_map_pages() - map a list of page slices at consecutive IOVAs
 * @iopt: the table
 * @pages_list: struct iopt_pages_list elements; on success their areas
 *	and page references move into the table
 * @length: total length of the slices
 * @dst_iova: the IOVA to use, or with IOPT_ALLOC_IOVA set on output the
 *	IOVA chosen
 * @iommu_prot: IOMMU_READ/WRITE/CACHE
 * @flags: IOPT_ALLOC_IOVA or 0
 *
 * Return: 0 or an errno; on error the list still owns everything.
 */
int iopt_map_pages(struct io_pagetable *iopt, struct list_head *pages_list,
		   unsigned long length, unsigned long *dst_iova,
		   int iommu_prot, unsigned int flags)
{
	struct iopt_pages_list *elm;
	int rc;

	rc = iopt_alloc_area_pages(iopt, pages_list, length, dst_iova,
				   iommu_prot, flags);
	if (rc)
		return rc;

	down_read(&iopt->domains_rwsem);
	rc = iopt_fill_domains_pages(pages_list);
	if (rc)
		goto out_unlock_domains;

	/*
	 * Publish the areas while domains_rwsem is still held, so that a
	 * domain attached afterwards is sure to see and fill them.
	 */
	down_write(&iopt->iova_rwsem);
	list_for_each_entry(elm, pages_list, next) {
		elm->area->pages = elm->pages;
		elm->pages = NULL;
		elm->area = NULL;
	}
	up_write(&iopt->iova_rwsem);
out_unlock_domains:
	up_read(&iopt->domains_rwsem);
	return rc;
}

/**
 * iopt_map_user_pages() - map user memory into the table
 * @ictx: the context the table belongs to
 * @iopt: the table
 * @iova: the IOVA to use, or with IOPT_ALLOC_IOVA set on output the IOVA
 *	chosen
 * @uptr: the user address
 * @length: number of bytes
 * @iommu_prot: IOMMU_READ/WRITE/CACHE
 * @flags: IOPT_ALLOC_IOVA or 0
 *
 * With domains attached the memory is pinned and mapped right away;
 * otherwise nothing is pinned until a domain or an access needs it.
 *
 * Return: 0 or an errno.
 */
int iopt_map_user_pages(struct iommufd_ctx *ictx, struct io_pagetable *iopt,
			unsigned long *iova, void __user *uptr,
			unsigned long length, int iommu_prot,
			unsigned int flags)
{
	struct iopt_pages_list elm = {};
	LIST_HEAD(pages_list);
	int rc;

	elm.pages = iopt_alloc_pages(uptr, length, iommu_prot & IOMMU_WRITE);
	if (IS_ERR(elm.pages))
		return PTR_ERR(elm.pages);
	if (ictx->account_mode == IOPT_PAGES_ACCOUNT_MM &&
	    elm.pages->account_mode == IOPT_PAGES_ACCOUNT_USER)
		elm.pages->account_mode = IOPT_PAGES_ACCOUNT_MM;
	elm.start_byte = uptr - elm.pages->uptr;
	elm.length = length;
	list_add(&elm.next, &pages_list);

	rc = iopt_map_pages(iopt, &pages_list, length, iova, iommu_prot, flags);
	if (rc) {
		if (elm.area)
			iopt_abort_area(elm.area);
		if (elm.pages)
			iopt_put_pages(elm.pages);
	}
	return rc;
}

struct iopt_dirty_walk {
	unsigned long flags;
	struct io_pagetable *iopt;
	struct iommu_domain *domain;
	struct iommu_dirty_bitmap *dirty;
};

/* iova_bitmap_for_each() callback: collect one window of the bitmap */
static int iopt_read_dirty_window(struct iova_bitmap *bitmap,
				  unsigned long iova, size_t length,
				  void *opaque)
{
	struct iopt_dirty_walk *walk = opaque;
	const struct iommu_dirty_ops *ops = walk->domain->dirty_ops;
	unsigned long last_iova = iova + length - 1;
	struct iopt_area_contig_iter iter;
	struct iopt_area *area;
	int rc;

	iopt_for_each_contig_area(&iter, area, walk->iopt, iova, last_iova) {
		unsigned long last = min(last_iova, iopt_area_last_iova(area));

		rc = ops->read_and_clear_dirty(walk->domain, iter.cur_iova,
					       last - iter.cur_iova + 1,
					       walk->flags, walk->dirty);
		if (rc)
			return rc;
	}
	if (!iopt_area_contig_done(&iter))
		return -EINVAL;
	return 0;
}

static int iopt_domain_read_dirty(struct iommu_domain *domain,
				  struct io_pagetable *iopt,
				  unsigned long flags,
				  struct iommu_hwpt_get_dirty_bitmap *bitmap)
{
	const struct iommu_dirty_ops *ops = domain->dirty_ops;
	struct iommu_iotlb_gather gather;
	struct iommu_dirty_bitmap dirty;
	struct iopt_dirty_walk walk;
	struct iova_bitmap *iter;

	if (!ops || !ops->read_and_clear_dirty)
		return -EOPNOTSUPP;

	iter = iova_bitmap_alloc(bitmap->iova, bitmap->length,
				 bitmap->page_size,
				 u64_to_user_ptr(bitmap->data));
	if (IS_ERR(iter))
		return -ENOMEM;

	iommu_dirty_bitmap_init(&dirty, iter, &gather);
	walk.flags = flags;
	walk.iopt = iopt;
	walk.domain = domain;
	walk.dirty = &dirty;
	/*
	 * A window that is not fully mapped simply reports nothing; the
	 * result of the walk is not an error for the caller.
	 */
	iova_bitmap_for_each(iter, &walk, iopt_read_dirty_window);

	if (!(flags & IOMMU_DIRTY_NO_CLEAR))
		iommu_iotlb_sync(domain, &gather);
	iova_bitmap_free(iter);
	return 0;
}

/**
 * iommufd_check_iova_range() - validate the range of a dirty bitmap request
 * @iopt: the table
 * @bitmap: the request
 *
 * Return: 0, -EINVAL for a zero or misaligned range or page size,
 * -EOVERFLOW if the range wraps.
 */
int iommufd_check_iova_range(struct io_pagetable *iopt,
			     struct iommu_hwpt_get_dirty_bitmap *bitmap)
{
	size_t align = iopt->iova_alignment;
	u64 last_iova;

	if (!bitmap->length)
		return -EINVAL;
	if (check_add_overflow(bitmap->iova, bitmap->length - 1, &last_iova))
		return -EOVERFLOW;
	if (bitmap->iova > ULONG_MAX || last_iova > ULONG_MAX)
		return -EOVERFLOW;
	if ((bitmap->iova & (align - 1)) || ((last_iova + 1) & (align - 1)))
		return -EINVAL;
	if (!bitmap->page_size)
		return -EINVAL;
	if ((bitmap->iova & (bitmap->page_size - 1)) ||
	    ((last_iova + 1) & (bitmap->page_size - 1)))
		return -EINVAL;
	return 0;
}

/**
 * iopt_read_and_clear_dirty_data() - report dirty IOVAs of a domain
 * @iopt: the table the domain mirrors
 * @domain: the domain
 * @flags: IOMMU_DIRTY_NO_CLEAR to keep the dirty bits
 * @bitmap: the user request
 *
 * Return: 0 or an errno.
 */
int iopt_read_and_clear_dirty_data(struct io_pagetable *iopt,
				   struct iommu_domain *domain,
				   unsigned long flags,
				   struct iommu_hwpt_get_dirty_bitmap *bitmap)
{
	int rc;

	rc = iommufd_check_iova_range(iopt, bitmap);
	if (rc)
		return rc;

	down_read(&iopt->iova_rwsem);
	rc = iopt_domain_read_dirty(domain, iopt, flags, bitmap);
	up_read(&iopt->iova_rwsem);
	return rc;
}

/* Throw away stale dirty bits of every mapped area */
static int iopt_clear_dirty_data(struct io_pagetable *iopt,
				 struct iommu_domain *domain)
{
	const struct iommu_dirty_ops *ops = domain->dirty_ops;
	struct iommu_iotlb_gather gather;
	struct iommu_dirty_bitmap dirty;
	struct iopt_area *area;
	int rc = 0;

	lockdep_assert_held_read(&iopt->iova_rwsem);

	iommu_dirty_bitmap_init(&dirty, NULL, &gather);
	for (area = iopt_area_iter_first(iopt, 0, ULONG_MAX); area;
	     area = iopt_area_iter_next(area, 0, ULONG_MAX)) {
		if (!area->pages)
			continue;
		rc = ops->read_and_clear_dirty(domain, iopt_area_iova(area),
					       iopt_area_length(area), 0,
					       &dirty);
		if (rc)
			break;
	}
	iommu_iotlb_sync(domain, &gather);
	return rc;
}

/**
 * iopt_set_dirty_tracking() - turn dirty tracking of a domain on or off
 * @iopt: the table the domain mirrors
 * @domain: the domain
 * @enable: the new state; enabling starts from a clean slate
 *
 * Return: 0, -EOPNOTSUPP without dirty tracking ops, or the driver's error.
 */
int iopt_set_dirty_tracking(struct io_pagetable *iopt,
			    struct iommu_domain *domain, bool enable)
{
	const struct iommu_dirty_ops *ops = domain->dirty_ops;
	int rc = 0;

	if (!ops)
		return -EOPNOTSUPP;

	down_read(&iopt->iova_rwsem);
	if (enable)
		rc = iopt_clear_dirty_data(iopt, domain);
	if (!rc)
		rc = ops->set_dirty_tracking(domain, enable);
	up_read(&iopt->iova_rwsem);
	return rc;
}

/**
 * iopt_get_pages() - collect the page slices behind an IOVA range
 * @iopt: the table
 * @iova: first IOVA
 * @length: number of bytes
 * @pages_list: list to append struct iopt_pages_list elements to
 *
 * Return: 0, -EINVAL for a zero length, -EOVERFLOW, -ENOMEM, or -ENOENT if
 * the range is not covered by set-up areas without gaps.
 */
int iopt_get_pages(struct io_pagetable *iopt, unsigned long iova,
		   unsigned long length, struct list_head *pages_list)
{
	struct iopt_area_contig_iter iter;
	unsigned long last_iova;
	struct iopt_area *area;
	int rc;

	if (!length)
		return -EINVAL;
	if (check_add_overflow(iova, length - 1, &last_iova))
		return -EOVERFLOW;

	down_read(&iopt->iova_rwsem);
	iopt_for_each_contig_area(&iter, area, iopt, iova, last_iova) {
		unsigned long last = min(last_iova, iopt_area_last_iova(area));
		struct iopt_pages_list *elm;

		elm = kzalloc(sizeof(*elm), GFP_KERNEL_ACCOUNT);
		if (!elm) {
			rc = -ENOMEM;
			goto err_free;
		}
		elm->start_byte = iopt_area_start_byte(area, iter.cur_iova);
		elm->pages = area->pages;
		elm->length = last - iter.cur_iova + 1;
		kref_get(&elm->pages->kref);
		list_add_tail(&elm->next, pages_list);
	}
	if (!iopt_area_contig_done(&iter)) {
		rc = -ENOENT;
		goto err_free;
	}
	up_read(&iopt->iova_rwsem);
	return 0;

err_free:
	up_read(&iopt->iova_rwsem);
	iopt_free_pages_list(pages_list);
	return rc;
}

static int iopt_unmap_iova_range(struct io_pagetable *iopt, unsigned long start,
				 unsigned long last, unsigned long *unmapped)
{
	unsigned long unmapped_bytes = 0;
	unsigned int tries = 0;
	struct iopt_area *area;
	int rc = 0;

	/*
	 * An area with NULL pages may only exist while domains_rwsem is held
	 * for read, so that attaching or detaching a domain never sees one
	 * half torn down.
	 */
again:
	down_read(&iopt->domains_rwsem);
	down_write(&iopt->iova_rwsem);
	while ((area = iopt_area_iter_first(iopt, start, last))) {
		unsigned long area_first = iopt_area_iova(area);
		unsigned long area_last = iopt_area_last_iova(area);
		struct iopt_pages *pages;

		/* Someone else is mapping or unmapping this very area. */
		if (!area->pages) {
			rc = -EBUSY;
			goto out_unlock;
		}

		/* Only whole areas can be unmapped. */
		if (area_first < start || area_last > last) {
			rc = -ENOENT;
			goto out_unlock;
		}

		if (area_first != start)
			tries = 0;

		/*
		 * Accesses pin inside this area: ask them to let go, with
		 * the locks dropped since their callbacks come back here.
		 * Changing num_accesses needs iova_rwsem, so reading it
		 * with the write side held is stable.
		 */
		if (area->num_accesses) {
			size_t length = iopt_area_length(area);

			start = area_first;
			area->prevent_access = true;
			up_write(&iopt->iova_rwsem);
			up_read(&iopt->domains_rwsem);

			iommufd_access_notify_unmap(iopt, area_first, length);
			tries++;
			if (WARN_ON(tries > IOPT_UNMAP_ACCESS_TRIES)) {
				rc = -EDEADLOCK;
				goto out_unmapped;
			}
			goto again;
		}

		pages = area->pages;
		area->pages = NULL;
		up_write(&iopt->iova_rwsem);

		iopt_area_unfill_domains(area, pages);
		iopt_abort_area(area);
		iopt_put_pages(pages);
		unmapped_bytes += area_last - area_first + 1;

		down_write(&iopt->iova_rwsem);
		/*
		 * While the lock was dropped a new area may have appeared in
		 * the part already done; continue after the removed area.
		 */
		if (area_last >= last)
			break;
		start = area_last + 1;
	}

out_unlock:
	up_write(&iopt->iova_rwsem);
	up_read(&iopt->domains_rwsem);
out_unmapped:
	if (unmapped)
		*unmapped = unmapped_bytes;
	return rc;
}

/**
 * iopt_unmap_iova() - unmap every area inside a range
 * @iopt: the table
 * @iova: first IOVA
 * @length: number of bytes
 * @unmapped: if non-NULL, the number of bytes unmapped
 *
 * Areas are never cut: one that is only partly inside the range fails the
 * call with -ENOENT (the areas before it are already gone by then).
 *
 * Return: 0 (also when nothing was mapped) or an errno.
 */
int iopt_unmap_iova(struct io_pagetable *iopt, unsigned long iova,
		    unsigned long length, unsigned long *unmapped)
{
	unsigned long last;

	if (!length)
		return -EINVAL;
	if (check_add_overflow(iova, length - 1, &last))
		return -EOVERFLOW;
	return iopt_unmap_iova_range(iopt, iova, last, unmapped);
}

/**
 * iopt_unmap_all() - unmap everything
 * @iopt: the table
 * @unmapped: if non-NULL, the number of bytes unmapped
 *
 * Return: 0 or an errno.
 */
int iopt_unmap_all(struct io_pagetable *iopt, unsigned long *unmapped)
{
	return iopt_unmap_iova_range(iopt, 0, ULONG_MAX, unmapped);
}

/**
 * iopt_set_allow_iova() - install a new set of allowed ranges
 * @iopt: the table
 * @allowed_iova: tree of struct iopt_allowed; it is swapped with the
 *	table's on success, so the caller always frees what it gets back
 *
 * Return: 0, or -EADDRINUSE if a new range overlaps a reserved one (the
 * old set stays).
 */
int iopt_set_allow_iova(struct io_pagetable *iopt,
			struct rb_root_cached *allowed_iova)
{
	struct iopt_allowed *allowed;
	int rc = 0;

	down_write(&iopt->iova_rwsem);
	swap(*allowed_iova, iopt->allowed_itree);
	for (allowed = iopt_allowed_iter_first(iopt, 0, ULONG_MAX); allowed;
	     allowed = iopt_allowed_iter_next(allowed, 0, ULONG_MAX)) {
		if (iopt_reserved_iter_first(iopt, allowed->node.start,
					     allowed->node.last)) {
			swap(*allowed_iova, iopt->allowed_itree);
			rc = -EADDRINUSE;
			break;
		}
	}
	up_write(&iopt->iova_rwsem);
	return rc;
}

/**
 * iopt_reserve_iova() - forbid mappings in a range
 * @iopt: the table; iova_rwsem held for write
 * @start: first IOVA
 * @last: last IOVA
 * @owner: tag to remove the range later
 *
 * Return: 0, -EADDRINUSE if an area or an allowed range is there, or
 * -ENOMEM.
 */
int iopt_reserve_iova(struct io_pagetable *iopt, unsigned long start,
		      unsigned long last, void *owner)
{
	struct iopt_reserved *reserved;

	lockdep_assert_held_write(&iopt->iova_rwsem);

	if (iopt_area_iter_first(iopt, start, last) ||
	    iopt_allowed_iter_first(iopt, start, last))
		return -EADDRINUSE;

	reserved = kzalloc(sizeof(*reserved), GFP_KERNEL_ACCOUNT);
	if (!reserved)
		return -ENOMEM;
	reserved->node.start = start;
	reserved->node.last = last;
	reserved->owner = owner;
	interval_tree_insert(&reserved->node, &iopt->reserved_itree);
	return 0;
}

static void __iopt_remove_reserved_iova(struct io_pagetable *iopt, void *owner)
{
	struct iopt_reserved *reserved, *next;

	lockdep_assert_held_write(&iopt->iova_rwsem);

	for (reserved = iopt_reserved_iter_first(iopt, 0, ULONG_MAX); reserved;
	     reserved = next) {
		next = iopt_reserved_iter_next(reserved, 0, ULONG_MAX);
		if (reserved->owner != owner)
			continue;
		interval_tree_remove(&reserved->node, &iopt->reserved_itree);
		kfree(reserved);
	}
}

/**
 * iopt_remove_reserved_iova() - drop every reserved range of an owner
 * @iopt: the table
 * @owner: the tag given to iopt_reserve_iova()
 */
void iopt_remove_reserved_iova(struct io_pagetable *iopt, void *owner)
{
	down_write(&iopt->iova_rwsem);
	__iopt_remove_reserved_iova(iopt, owner);
	up_write(&iopt->iova_rwsem);
}

/**
 * iopt_init_table() - initialise an empty table
 * @iopt: the table
 */
void iopt_init_table(struct io_pagetable *iopt)
{
	init_rwsem(&iopt->iova_rwsem);
	init_rwsem(&iopt->domains_rwsem);
	iopt->area_itree = RB_ROOT_CACHED;
	iopt->allowed_itree = RB_ROOT_CACHED;
	iopt->reserved_itree = RB_ROOT_CACHED;
	xa_init_flags(&iopt->domains, XA_FLAGS_ACCOUNT);
	xa_init_flags(&iopt->access_list, XA_FLAGS_ALLOC);
	iopt->next_domain_id = 0;
	iopt->disable_large_pages = false;

	/*
	 * With no domain the table is pure software and any byte
	 * granularity works; domains and accesses raise this.
	 */
	iopt->iova_alignment = 1;
}

/**
 * iopt_destroy_table() - free what remains of an empty table
 * @iopt: the table; no areas, domains or accesses may be left
 */
void iopt_destroy_table(struct io_pagetable *iopt)
{
	struct interval_tree_node *node;

	if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
		iopt_remove_reserved_iova(iopt, NULL);

	while ((node = interval_tree_iter_first(&iopt->allowed_itree, 0,
						ULONG_MAX))) {
		interval_tree_remove(node, &iopt->allowed_itree);
		kfree(container_of(node, struct iopt_allowed, node));
	}

	WARN_ON(!RB_EMPTY_ROOT(&iopt->reserved_itree.rb_root));
	WARN_ON(!xa_empty(&iopt->domains));
	WARN_ON(!xa_empty(&iopt->access_list));
	WARN_ON(!RB_EMPTY_ROOT(&iopt->area_itree.rb_root));
}

/*
 * Take every area out of a domain that has just left the domains xarray.
 * If other domains remain they keep the pins; otherwise the pins that no
 * access needs are dropped too.
 */
static void iopt_unfill_domain(struct io_pagetable *iopt,
			       struct iommu_domain *domain)
{
	struct iopt_area *area;

	lockdep_assert_held(&iopt->iova_rwsem);
	lockdep_assert_held_write(&iopt->domains_rwsem);

	if (iopt->next_domain_id != 0) {
		struct iommu_domain *keeper = xa_load(&iopt->domains, 0);

		for (area = iopt_area_iter_first(iopt, 0, ULONG_MAX); area;
		     area = iopt_area_iter_next(area, 0, ULONG_MAX)) {
			struct iopt_pages *pages = area->pages;

			if (!pages)
				continue;

			mutex_lock(&pages->mutex);
			if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
				WARN_ON(!area->storage_domain);
			if (area->storage_domain == domain)
				area->storage_domain = keeper;
			mutex_unlock(&pages->mutex);

			iopt_area_unmap_domain(area, domain);
		}
		return;
	}

	for (area = iopt_area_iter_first(iopt, 0, ULONG_MAX); area;
	     area = iopt_area_iter_next(area, 0, ULONG_MAX)) {
		struct iopt_pages *pages = area->pages;

		if (!pages)
			continue;

		mutex_lock(&pages->mutex);
		interval_tree_remove(&area->pages_node, &pages->domains_itree);
		WARN_ON(area->storage_domain != domain);
		area->storage_domain = NULL;
		iopt_area_unfill_domain(area, pages, domain);
		mutex_unlock(&pages->mutex);
	}
}

/*
 * Map every area into a newly added domain. On failure the domain is left
 * as it was.
 */
static int iopt_fill_domain(struct io_pagetable *iopt,
			    struct iommu_domain *domain)
{
	struct iopt_area *failed;
	struct iopt_area *area;
	int rc = 0;

	lockdep_assert_held(&iopt->iova_rwsem);
	lockdep_assert_held_write(&iopt->domains_rwsem);

	for (area = iopt_area_iter_first(iopt, 0, ULONG_MAX); area;
	     area = iopt_area_iter_next(area, 0, ULONG_MAX)) {
		struct iopt_pages *pages = area->pages;

		if (!pages)
			continue;

		mutex_lock(&pages->mutex);
		rc = iopt_area_fill_domain(area, domain);
		if (rc) {
			mutex_unlock(&pages->mutex);
			goto err_unfill;
		}
		if (!area->storage_domain) {
			WARN_ON(iopt->next_domain_id != 0);
			area->storage_domain = domain;
			interval_tree_insert(&area->pages_node,
					     &pages->domains_itree);
		}
		mutex_unlock(&pages->mutex);
	}
	return 0;

err_unfill:
	failed = area;
	for (area = iopt_area_iter_first(iopt, 0, ULONG_MAX); area != failed;
	     area = iopt_area_iter_next(area, 0, ULONG_MAX)) {
		struct iopt_pages *pages = area->pages;

		if (!pages)
			continue;
		mutex_lock(&pages->mutex);
		if (iopt->next_domain_id == 0) {
			interval_tree_remove(&area->pages_node,
					     &pages->domains_itree);
			area->storage_domain = NULL;
			iopt_area_unfill_domain(area, pages, domain);
		} else {
			iopt_area_unmap_domain(area, domain);
		}
		mutex_unlock(&pages->mutex);
	}
	return rc;
}

/* Can every existing area live with a larger IOVA alignment? */
static int iopt_check_iova_alignment(struct io_pagetable *iopt,
				     unsigned long new_iova_alignment)
{
	unsigned long mask = new_iova_alignment - 1;
	struct iopt_area *area;

	lockdep_assert_held(&iopt->iova_rwsem);
	lockdep_assert_held(&iopt->domains_rwsem);

	for (area = iopt_area_iter_first(iopt, 0, ULONG_MAX); area;
	     area = iopt_area_iter_next(area, 0, ULONG_MAX))
		if ((iopt_area_iova(area) & mask) ||
		    (iopt_area_length(area) & mask) ||
		    (area->page_offset & mask))
			return -EADDRINUSE;

	if (IS_ENABLED(CONFIG_IOMMUFD_TEST)) {
		struct iommufd_access *access;
		unsigned long index;

		xa_for_each(&iopt->access_list, index, access)
			if (WARN_ON(access->iova_alignment >
				    new_iova_alignment))
				return -EADDRINUSE;
	}
	return 0;
}

/**
 * iopt_table_add_domain() - make a domain mirror the table
 * @iopt: the table
 * @domain: a paging domain
 *
 * The IOVA outside the domain's aperture becomes reserved and every area
 * is mapped into the domain.
 *
 * Return: 0, -EINVAL if the domain's smallest page is bigger than
 * PAGE_SIZE, -EADDRINUSE if existing areas conflict with the domain's
 * alignment or aperture, or another errno.
 */
int iopt_table_add_domain(struct io_pagetable *iopt,
			  struct iommu_domain *domain)
{
	const struct iommu_domain_geometry *geometry = &domain->geometry;
	struct iommu_domain *iter_domain;
	unsigned long new_iova_alignment;
	unsigned long index;
	int rc;

	down_write(&iopt->domains_rwsem);
	down_write(&iopt->iova_rwsem);

	xa_for_each(&iopt->domains, index, iter_domain) {
		if (WARN_ON(iter_domain == domain)) {
			rc = -EEXIST;
			goto out_unlock;
		}
	}

	/*
	 * The pages are tracked in PAGE_SIZE units and a page can always be
	 * split into the domain's IO pages, but not the other way round: a
	 * domain needs to accept PAGE_SIZE mappings.
	 */
	new_iova_alignment = max_t(unsigned long,
				   1UL << __ffs(domain->pgsize_bitmap),
				   iopt->iova_alignment);
	if (new_iova_alignment > PAGE_SIZE) {
		rc = -EINVAL;
		goto out_unlock;
	}
	if (new_iova_alignment != iopt->iova_alignment) {
		rc = iopt_check_iova_alignment(iopt, new_iova_alignment);
		if (rc)
			goto out_unlock;
	}

	if (geometry->aperture_start != 0) {
		rc = iopt_reserve_iova(iopt, 0, geometry->aperture_start - 1,
				       domain);
		if (rc)
			goto out_reserved;
	}
	if (geometry->aperture_end != ULONG_MAX) {
		rc = iopt_reserve_iova(iopt, geometry->aperture_end + 1,
				       ULONG_MAX, domain);
		if (rc)
			goto out_reserved;
	}

	rc = xa_reserve(&iopt->domains, iopt->next_domain_id, GFP_KERNEL);
	if (rc)
		goto out_reserved;

	rc = iopt_fill_domain(iopt, domain);
	if (rc)
		goto out_release;

	iopt->iova_alignment = new_iova_alignment;
	xa_store(&iopt->domains, iopt->next_domain_id, domain, GFP_KERNEL);
	iopt->next_domain_id++;
	up_write(&iopt->iova_rwsem);
	up_write(&iopt->domains_rwsem);
	return 0;

out_release:
	xa_release(&iopt->domains, iopt->next_domain_id);
out_reserved:
	__iopt_remove_reserved_iova(iopt, domain);
out_unlock:
	up_write(&iopt->iova_rwsem);
	up_write(&iopt->domains_rwsem);
	return rc;
}

/* Recompute the alignment from the domains and accesses that remain */
static int iopt_calculate_iova_alignment(struct io_pagetable *iopt)
{
	unsigned long new_iova_alignment;
	struct iommufd_access *access;
	struct iommu_domain *domain;
	unsigned long index;
	int rc;

	lockdep_assert_held_write(&iopt->iova_rwsem);
	lockdep_assert_held(&iopt->domains_rwsem);

	/* Page-by-page mapping only works on whole pages. */
	new_iova_alignment = iopt->disable_large_pages ? PAGE_SIZE : 1;

	xa_for_each(&iopt->domains, index, domain)
		new_iova_alignment = max_t(unsigned long,
					   1UL << __ffs(domain->pgsize_bitmap),
					   new_iova_alignment);
	xa_for_each(&iopt->access_list, index, access)
		new_iova_alignment = max_t(unsigned long,
					   access->iova_alignment,
					   new_iova_alignment);

	if (new_iova_alignment > iopt->iova_alignment) {
		rc = iopt_check_iova_alignment(iopt, new_iova_alignment);
		if (rc)
			return rc;
	}
	iopt->iova_alignment = new_iova_alignment;
	return 0;
}

/**
 * iopt_table_remove_domain() - stop a domain mirroring the table
 * @iopt: the table
 * @domain: a domain added with iopt_table_add_domain()
 *
 * Every area is unmapped from the domain; pins nobody else needs are
 * dropped.
 */
void iopt_table_remove_domain(struct io_pagetable *iopt,
			      struct iommu_domain *domain)
{
	struct iommu_domain *iter_domain = NULL;
	unsigned long index;

	down_write(&iopt->domains_rwsem);
	down_write(&iopt->iova_rwsem);

	xa_for_each(&iopt->domains, index, iter_domain)
		if (iter_domain == domain)
			break;
	if (WARN_ON(iter_domain != domain) || index >= iopt->next_domain_id)
		goto out_unlock;

	/* Keep the xarray dense: the last entry fills the gap. */
	iopt->next_domain_id--;
	iter_domain = xa_erase(&iopt->domains, iopt->next_domain_id);
	if (index != iopt->next_domain_id)
		xa_store(&iopt->domains, index, iter_domain, GFP_KERNEL);

	iopt_unfill_domain(iopt, domain);
	__iopt_remove_reserved_iova(iopt, domain);

	WARN_ON(iopt_calculate_iova_alignment(iopt));
out_unlock:
	up_write(&iopt->iova_rwsem);
	up_write(&iopt->domains_rwsem);
}

/*
 * Cut an area in two so that iova is the last byte of the first part.
 * Both parts keep using the same iopt_pages. Only done for VFIO type1
 * compatibility, and only when the domains cannot hold IOPTEs that span
 * the cut.
 */
static int iopt_area_split(struct iopt_area *area, unsigned long iova)
{
	unsigned long alignment = area->iopt->iova_alignment;
	unsigned long last_iova = iopt_area_last_iova(area);
	unsigned long start_iova = iopt_area_iova(area);
	unsigned long new_start = iova + 1;
	struct io_pagetable *iopt = area->iopt;
	struct iopt_pages *pages = area->pages;
	struct iopt_area *lhs;
	struct iopt_area *rhs;
	int rc;

	lockdep_assert_held_write(&iopt->iova_rwsem);

	if (iova == start_iova || iova == last_iova)
		return 0;

	if (!pages || area->prevent_access)
		return -EBUSY;

	if ((new_start & (alignment - 1)) ||
	    (iopt_area_start_byte(area, new_start) & (alignment - 1)))
		return -EINVAL;

	lhs = iopt_area_alloc();
	if (!lhs)
		return -ENOMEM;
	rhs = iopt_area_alloc();
	if (!rhs) {
		rc = -ENOMEM;
		goto err_free_lhs;
	}

	mutex_lock(&pages->mutex);
	/* Access pins are per range; they cannot be divided. */
	if (area->num_accesses) {
		rc = -EINVAL;
		goto err_unlock;
	}
	/* A large IOPTE could straddle the cut. */
	if (area->storage_domain && !iopt->disable_large_pages) {
		rc = -EINVAL;
		goto err_unlock;
	}

	interval_tree_remove(&area->node, &iopt->area_itree);
	rc = iopt_insert_area(iopt, lhs, pages, start_iova,
			      iopt_area_start_byte(area, start_iova),
			      new_start - start_iova, area->iommu_prot);
	if (WARN_ON(rc))
		goto err_insert;
	rc = iopt_insert_area(iopt, rhs, pages, new_start,
			      iopt_area_start_byte(area, new_start),
			      last_iova - new_start + 1, area->iommu_prot);
	if (WARN_ON(rc))
		goto err_remove_lhs;

	if (area->storage_domain) {
		interval_tree_remove(&area->pages_node, &pages->domains_itree);
		interval_tree_insert(&lhs->pages_node, &pages->domains_itree);
		interval_tree_insert(&rhs->pages_node, &pages->domains_itree);
	}

	lhs->storage_domain = area->storage_domain;
	lhs->pages = pages;
	rhs->storage_domain = area->storage_domain;
	rhs->pages = pages;
	/* The old area's reference moves to lhs, rhs takes a new one. */
	kref_get(&pages->kref);
	kfree(area);
	mutex_unlock(&pages->mutex);
	return 0;

err_remove_lhs:
	interval_tree_remove(&lhs->node, &iopt->area_itree);
err_insert:
	interval_tree_insert(&area->node, &iopt->area_itree);
err_unlock:
	mutex_unlock(&pages->mutex);
	kfree(rhs);
err_free_lhs:
	kfree(lhs);
	return rc;
}

/**
 * iopt_cut_iova() - split the areas holding some IOVAs
 * @iopt: the table
 * @iovas: IOVAs that must become the last byte of an area
 * @num_iovas: number of entries in @iovas
 *
 * Return: 0 or an errno; cuts done before the error remain.
 */
int iopt_cut_iova(struct io_pagetable *iopt, unsigned long *iovas,
		  size_t num_iovas)
{
	size_t i;
	int rc = 0;

	down_write(&iopt->iova_rwsem);
	for (i = 0; i < num_iovas; i++) {
		struct iopt_area *area;

		area = iopt_area_iter_first(iopt, iovas[i], iovas[i]);
		if (!area)
			continue;
		rc = iopt_area_split(area, iovas[i]);
		if (rc)
			break;
	}
	up_write(&iopt->iova_rwsem);
	return rc;
}

/**
 * iopt_enable_large_pages() - allow IOPTEs larger than PAGE_SIZE again
 * @iopt: the table
 */
void iopt_enable_large_pages(struct io_pagetable *iopt)
{
	down_write(&iopt->domains_rwsem);
	down_write(&iopt->iova_rwsem);
	WRITE_ONCE(iopt->disable_large_pages, false);
	WARN_ON(iopt_calculate_iova_alignment(iopt));
	up_write(&iopt->iova_rwsem);
	up_write(&iopt->domains_rwsem);
}

/**
 * iopt_disable_large_pages() - map page by page from now on
 * @iopt: the table
 *
 * Return: 0, -EINVAL if domains already hold mappings, or -EADDRINUSE if
 * an area is not PAGE_SIZE aligned.
 */
int iopt_disable_large_pages(struct io_pagetable *iopt)
{
	int rc = 0;

	down_write(&iopt->domains_rwsem);
	down_write(&iopt->iova_rwsem);
	if (iopt->disable_large_pages)
		goto out_unlock;

	/* Existing mappings may already use large IOPTEs. */
	if (!xa_empty(&iopt->domains) &&
	    !RB_EMPTY_ROOT(&iopt->area_itree.rb_root)) {
		rc = -EINVAL;
		goto out_unlock;
	}

	WRITE_ONCE(iopt->disable_large_pages, true);
	rc = iopt_calculate_iova_alignment(iopt);
	if (rc)
		WRITE_ONCE(iopt->disable_large_pages, false);
out_unlock:
	up_write(&iopt->iova_rwsem);
	up_write(&iopt->domains_rwsem);
	return rc;
}

/**
 * iopt_add_access() - register an access with the table
 * @iopt: the table
 * @access: the access; its iova_alignment is enforced from now on
 *
 * Return: 0, -EADDRINUSE if existing areas violate the access's
 * alignment, or another errno.
 */
int iopt_add_access(struct io_pagetable *iopt, struct iommufd_access *access)
{
	u32 new_id;
	int rc;

	down_write(&iopt->domains_rwsem);
	down_write(&iopt->iova_rwsem);
	rc = xa_alloc(&iopt->access_list, &new_id, access, xa_limit_16b,
		      GFP_KERNEL_ACCOUNT);
	if (rc)
		goto out_unlock;

	rc = iopt_calculate_iova_alignment(iopt);
	if (rc) {
		xa_erase(&iopt->access_list, new_id);
		goto out_unlock;
	}
	access->iopt_access_list_id = new_id;

out_unlock:
	up_write(&iopt->iova_rwsem);
	up_write(&iopt->domains_rwsem);
	return rc;
}

/**
 * iopt_remove_access() - unregister an access
 * @iopt: the table
 * @access: the access
 * @iopt_access_list_id: the id iopt_add_access() gave it
 */
void iopt_remove_access(struct io_pagetable *iopt,
			struct iommufd_access *access, u32 iopt_access_list_id)
{
	down_write(&iopt->domains_rwsem);
	down_write(&iopt->iova_rwsem);
	WARN_ON(xa_erase(&iopt->access_list, iopt_access_list_id) != access);
	WARN_ON(iopt_calculate_iova_alignment(iopt));
	up_write(&iopt->iova_rwsem);
	up_write(&iopt->domains_rwsem);
}

/**
 * iopt_table_enforce_dev_resv_regions() - reserve a device's regions
 * @iopt: the table
 * @dev: the device about to be attached
 * @sw_msi_start: if non-NULL, set to the start of a software MSI window
 *
 * Return: 0, -EADDRINUSE if a region is already mapped or allowed, or
 * another errno; on error nothing of @dev stays reserved.
 */
int iopt_table_enforce_dev_resv_regions(struct io_pagetable *iopt,
					struct device *dev,
					phys_addr_t *sw_msi_start)
{
	struct iommu_resv_region *resv;
	LIST_HEAD(resv_regions);
	unsigned int num_hw_msi = 0;
	unsigned int num_sw_msi = 0;
	int rc;

	if (iommufd_should_fail())
		return -EINVAL;

	down_write(&iopt->iova_rwsem);
	iommu_get_resv_regions(dev, &resv_regions);

	list_for_each_entry(resv, &resv_regions, list) {
		if (resv->type == IOMMU_RESV_DIRECT_RELAXABLE)
			continue;

		if (sw_msi_start && resv->type == IOMMU_RESV_MSI)
			num_hw_msi++;
		if (sw_msi_start && resv->type == IOMMU_RESV_SW_MSI) {
			*sw_msi_start = resv->start;
			num_sw_msi++;
		}

		rc = iopt_reserve_iova(iopt, resv->start,
				       resv->start + resv->length - 1, dev);
		if (rc)
			goto out_reserved;
	}

	/* A driver offers either one software MSI window or hardware MSI. */
	if (WARN_ON(num_sw_msi && num_hw_msi) || WARN_ON(num_sw_msi > 1)) {
		rc = -EINVAL;
		goto out_reserved;
	}
	rc = 0;
	goto out_free;

out_reserved:
	__iopt_remove_reserved_iova(iopt, dev);
out_free:
	iommu_put_resv_regions(dev, &resv_regions);
	up_write(&iopt->iova_rwsem);
	return rc;
}
