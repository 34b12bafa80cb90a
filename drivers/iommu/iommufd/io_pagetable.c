// SPDX-License-Identifier: GPL-2.0
/*
 * The io_pagetable (IOPT): what an IOAS really is.
 *
 * An IOPT maps IOVA ranges, called areas, onto byte ranges of user memory
 * described by struct iopt_pages. Three interval trees, all protected by
 * iova_rwsem, describe the IOVA space:
 *
 *   area_itree      the areas, never overlapping;
 *   reserved_itree  IOVA that must stay unmapped (apertures, MSI windows,
 *                   reserved regions of attached devices);
 *   allowed_itree   if not empty, the only IOVA that automatic placement
 *                   may pick, and which may never become reserved.
 *
 * Every iommu_domain in the domains xarray (domains_rwsem) mirrors all the
 * areas, and in-kernel accesses on access_list may pin and copy through
 * them. An area is published by setting area->pages; while that pointer
 * is NULL the area is being built or torn down and everyone keeps away.
 *
 * Locks nest as domains_rwsem -> iova_rwsem -> iopt_pages::mutex.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/iommu.h>
#include <linux/iommufd.h>
#include <linux/lockdep.h>
#include <linux/log2.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <uapi/linux/iommufd.h>

#include "double_span.h"
#include "io_pagetable.h"

/* Automatic IOVA placement never aligns beyond this */
#define IOPT_AUTO_ALIGN_CAP	SZ_2M

/* An unmap gives up after asking the accesses this many times in a row */
#define IOPT_ACCESS_RETRY_LIMIT	100

/*
 * Automatic placement stays clear of the first and the last page, so that
 * IOVA 0 is never returned and "iova + length" cannot wrap.
 */
#define IOPT_AUTO_FIRST		PAGE_SIZE
#define IOPT_AUTO_LAST		(ULONG_MAX - PAGE_SIZE)

/*
 * A piece of an iopt_pages headed for (or taken from) an IO page table:
 * @length bytes from byte @start_byte of @pages. @area is the area being
 * built for it. A plain map uses one piece, a copy one per source area.
 * The piece owns a reference on @pages until the area is published.
 */
struct iopt_pages_list {
	struct list_head next;
	struct iopt_pages *pages;
	unsigned long start_byte;
	unsigned long length;
	struct iopt_area *area;
};

/* Start a walk over every area of @pt, published or not; iova_rwsem held */
static struct iopt_area **iopt_areas_begin(struct io_pagetable *pt,
					   struct iopt_area **cursor)
{
	*cursor = iopt_area_iter_first(pt, 0, ULONG_MAX);
	return cursor;
}

static struct iopt_area *iopt_areas_next(struct iopt_area *area)
{
	return iopt_area_iter_next(area, 0, ULONG_MAX);
}

#define iopt_for_each_area(pt, area)                                          \
	for (struct iopt_area **__cursor = iopt_areas_begin(pt, &(area));     \
	     *__cursor; *__cursor = iopt_areas_next(*__cursor))

/* Both table locks for writing: the domain set or the alignment changes */
static void iopt_lock_all(struct io_pagetable *pt)
	__acquires(&pt->domains_rwsem) __acquires(&pt->iova_rwsem)
{
	down_write(&pt->domains_rwsem);
	down_write(&pt->iova_rwsem);
}

static void iopt_unlock_all(struct io_pagetable *pt)
	__releases(&pt->iova_rwsem) __releases(&pt->domains_rwsem)
{
	up_write(&pt->iova_rwsem);
	up_write(&pt->domains_rwsem);
}

/*
 * The last byte of [first, first + length): -EINVAL for an empty range,
 * -EOVERFLOW if it would wrap.
 */
static int iopt_range_end(unsigned long first, unsigned long length,
			  unsigned long *last)
{
	if (!length)
		return -EINVAL;
	if (check_add_overflow(first, length - 1, last))
		return -EOVERFLOW;
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Walking gap-free runs of areas */

/*
 * Make @cand the current area of @iter if it can continue the run at
 * @iova: it must be published and begin no later than @iova.
 */
static struct iopt_area *iopt_contig_take(struct iopt_area_contig_iter *iter,
					  struct iopt_area *cand,
					  unsigned long iova)
{
	if (cand && (!cand->pages || iopt_area_iova(cand) > iova))
		cand = NULL;
	iter->area = cand;
	return cand;
}

/**
 * iopt_area_contig_init() - begin a walk over a gap-free run of areas
 * @iter: the iterator
 * @pt: the table; iova_rwsem held
 * @iova: first IOVA of the range to cover
 * @last_iova: last IOVA of the range to cover
 *
 * Return: the published area that contains @iova, or NULL.
 */
struct iopt_area *iopt_area_contig_init(struct iopt_area_contig_iter *iter,
					struct io_pagetable *pt,
					unsigned long iova,
					unsigned long last_iova)
{
	lockdep_assert_held(&pt->iova_rwsem);

	iter->last_iova = last_iova;
	iter->cur_iova = iova;
	return iopt_contig_take(iter, iopt_area_iter_first(pt, iova, iova),
				iova);
}

/**
 * iopt_area_contig_next() - move to the area that continues the run
 * @iter: the iterator
 *
 * When the current area already reaches the end of the range the walk is
 * over and the current area stays, so that iopt_area_contig_done() can
 * tell a complete walk from one that hit a gap.
 *
 * Return: the published area starting right after the current one, or
 * NULL.
 */
struct iopt_area *iopt_area_contig_next(struct iopt_area_contig_iter *iter)
{
	unsigned long end;

	if (!iter->area)
		return NULL;

	end = iopt_area_last_iova(iter->area);
	if (end >= iter->last_iova)
		return NULL;

	iter->cur_iova = end + 1;
	return iopt_contig_take(iter,
				iopt_area_iter_next(iter->area, iter->cur_iova,
						    iter->last_iova),
				iter->cur_iova);
}

/* ---------------------------------------------------------------------- */
/* Choosing and checking IOVA */

/* What automatic placement looks for */
struct iopt_iova_want {
	unsigned long length;
	unsigned long align;
	unsigned long page_offset;
};

/*
 * Find the lowest IOVA in [gap_first, gap_last] that has the wanted
 * alignment (plus the sub-page offset) and leaves room for the length.
 */
static bool iopt_fit_in_gap(const struct iopt_iova_want *want,
			    unsigned long gap_first, unsigned long gap_last,
			    unsigned long *out)
{
	unsigned long mask = want->align - 1;
	unsigned long pos;

	if (gap_first > ULONG_MAX - mask)
		return false;
	pos = ((gap_first + mask) & ~mask) | want->page_offset;
	if (pos > gap_last || gap_last - pos < want->length - 1)
		return false;
	*out = pos;
	return true;
}

/*
 * The alignment to aim for: the length rounded up to a power of two, but
 * no more than the user address already has (so that a huge page of the
 * process can become a large IOPTE), and at most IOPT_AUTO_ALIGN_CAP.
 */
static unsigned long iopt_auto_align(unsigned long uptr, unsigned long length)
{
	unsigned long align = roundup_pow_of_two(length);
	unsigned long uptr_align = uptr & -uptr;

	if (uptr && uptr_align < align)
		align = uptr_align;
	return min_t(unsigned long, align, IOPT_AUTO_ALIGN_CAP);
}

/*
 * Pick the lowest free IOVA for a new mapping of @length bytes of user
 * memory at @uptr. Free means: neither reserved nor mapped and, when an
 * allowed list exists, inside it.
 */
static int iopt_alloc_iova(struct io_pagetable *pt, unsigned long *iova,
			   unsigned long uptr, unsigned long length)
{
	bool restricted = !RB_EMPTY_ROOT(&pt->allowed_itree.rb_root);
	struct interval_tree_double_span_iter gap;
	struct iopt_iova_want want = {
		.length = length,
		.page_offset = uptr % PAGE_SIZE,
	};

	lockdep_assert_held(&pt->iova_rwsem);

	/* roundup_pow_of_two() is only defined well below the top bit */
	if (!length || length >= ULONG_MAX / 2)
		return -EOVERFLOW;

	want.align = iopt_auto_align(uptr, length);
	if (want.align < pt->iova_alignment)
		return -EINVAL;

	interval_tree_for_each_double_span(&gap, &pt->reserved_itree,
					   &pt->area_itree, IOPT_AUTO_FIRST,
					   IOPT_AUTO_LAST) {
		struct interval_tree_span_iter ok;

		if (gap.is_used)
			continue;
		if (!restricted) {
			if (iopt_fit_in_gap(&want, gap.start_hole,
					    gap.last_hole, iova))
				return 0;
			continue;
		}
		/* Only the parts of the gap that are allowed count. */
		interval_tree_for_each_span(&ok, &pt->allowed_itree,
					    gap.start_hole, gap.last_hole) {
			if (ok.is_hole)
				continue;
			if (iopt_fit_in_gap(&want, ok.start_used,
					    ok.last_used, iova))
				return 0;
		}
	}
	return -ENOSPC;
}

/* May a mapping be placed exactly at [iova, iova + length)? */
static int iopt_check_fixed_iova(struct io_pagetable *pt, unsigned long iova,
				 unsigned long length)
{
	unsigned long last;

	lockdep_assert_held(&pt->iova_rwsem);

	if (iova % pt->iova_alignment)
		return -EINVAL;
	if (check_add_overflow(iova, length - 1, &last))
		return -EOVERFLOW;
	if (iopt_reserved_iter_first(pt, iova, last))
		return -EINVAL;
	return iopt_area_iter_first(pt, iova, last) ? -EEXIST : 0;
}

/* ---------------------------------------------------------------------- */
/* Building and dropping areas */

static struct iopt_area *iopt_area_alloc(void)
{
	struct iopt_area *area = kzalloc(sizeof(*area), GFP_KERNEL_ACCOUNT);

	if (area) {
		RB_CLEAR_NODE(&area->pages_node.rb);
		RB_CLEAR_NODE(&area->node.rb);
	}
	return area;
}

/*
 * Describe @area as [iova, iova + length) backed from byte @start_byte of
 * @pages, and link it into the area tree (unpublished). area->iopt is only
 * set once it is in the tree, which is what iopt_abort_area() relies on.
 */
static int iopt_area_place(struct io_pagetable *pt, struct iopt_area *area,
			   struct iopt_pages *pages, unsigned long iova,
			   unsigned long start_byte, unsigned long length,
			   int prot)
{
	unsigned long offset = start_byte % PAGE_SIZE;
	unsigned long last_iova;
	unsigned long end_byte;

	lockdep_assert_held_write(&pt->iova_rwsem);

	if ((prot & IOMMU_WRITE) && !pages->writable)
		return -EPERM;
	if (offset % pt->iova_alignment)
		return -EINVAL;
	if (check_add_overflow(iova, length - 1, &last_iova) ||
	    check_add_overflow(start_byte, length - 1, &end_byte))
		return -EOVERFLOW;
	if (WARN_ON(end_byte / PAGE_SIZE >= pages->npages))
		return -EOVERFLOW;

	area->iommu_prot = prot;
	area->page_offset = offset;
	area->node.start = iova;
	area->node.last = last_iova;
	area->pages_node.start = start_byte / PAGE_SIZE;
	area->pages_node.last = end_byte / PAGE_SIZE;
	interval_tree_insert(&area->node, &pt->area_itree);
	area->iopt = pt;
	return 0;
}

/* Free an area that was never published, unlinking it if it was placed */
static void iopt_abort_area(struct iopt_area *area)
{
	struct io_pagetable *pt = area->iopt;

	if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
		WARN_ON(area->pages);
	if (pt) {
		down_write(&pt->iova_rwsem);
		interval_tree_remove(&area->node, &pt->area_itree);
		up_write(&pt->iova_rwsem);
	}
	kfree(area);
}

/* Choose where the pieces go: the fixed IOVA in *iova, or a free one */
static int iopt_pick_iova(struct io_pagetable *pt, struct list_head *pieces,
			  unsigned long length, unsigned long *iova,
			  unsigned int flags)
{
	struct iopt_pages_list *head;
	int ret;

	if (!(flags & IOPT_ALLOC_IOVA))
		return iopt_check_fixed_iova(pt, *iova, length);

	/* The first piece's user address decides the useful alignment. */
	head = list_first_entry(pieces, struct iopt_pages_list, next);
	ret = iopt_alloc_iova(pt, iova,
			      (uintptr_t)head->pages->uptr + head->start_byte,
			      length);
	if (ret)
		return ret;
	if (IS_ENABLED(CONFIG_IOMMUFD_TEST) &&
	    WARN_ON(iopt_check_fixed_iova(pt, *iova, length)))
		return -EINVAL;
	return 0;
}

/*
 * Give every piece an area and place the areas back to back from the
 * chosen IOVA. Nothing is published; on failure the pieces still own their
 * areas and iopt_free_pages_list() or the caller disposes of them.
 */
static int iopt_reserve_areas(struct io_pagetable *pt, struct list_head *pieces,
			      unsigned long length, unsigned long *dst_iova,
			      int prot, unsigned int flags)
{
	struct iopt_pages_list *piece;
	unsigned long cursor;
	int ret;

	list_for_each_entry(piece, pieces, next) {
		piece->area = iopt_area_alloc();
		if (!piece->area)
			return -ENOMEM;
	}

	down_write(&pt->iova_rwsem);
	if (!length || length % pt->iova_alignment) {
		ret = -EINVAL;
		goto out_unlock;
	}
	ret = iopt_pick_iova(pt, pieces, length, dst_iova, flags);
	if (ret)
		goto out_unlock;

	cursor = *dst_iova;
	list_for_each_entry(piece, pieces, next) {
		ret = iopt_area_place(pt, piece->area, piece->pages, cursor,
				      piece->start_byte, piece->length, prot);
		if (ret)
			break;
		cursor += piece->length;
	}
out_unlock:
	up_write(&pt->iova_rwsem);
	return ret;
}

/**
 * iopt_free_pages_list() - dispose of a list of pieces
 * @pages_list: struct iopt_pages_list entries, e.g. from iopt_get_pages()
 *
 * Unpublished areas still attached to a piece are unlinked and freed, and
 * the page references the pieces hold are dropped. The list ends empty.
 */
void iopt_free_pages_list(struct list_head *pages_list)
{
	struct iopt_pages_list *piece, *tmp;

	list_for_each_entry_safe(piece, tmp, pages_list, next) {
		list_del(&piece->next);
		if (piece->area)
			iopt_abort_area(piece->area);
		if (piece->pages)
			iopt_put_pages(piece->pages);
		kfree(piece);
	}
}

/* Map every piece's area into every domain; all or nothing */
static int iopt_fill_pieces(struct list_head *pieces)
{
	struct iopt_pages_list *piece, *undo;
	int ret = 0;

	list_for_each_entry(piece, pieces, next) {
		ret = iopt_area_fill_domains(piece->area, piece->pages);
		if (ret)
			break;
	}
	if (!ret)
		return 0;

	list_for_each_entry(undo, pieces, next) {
		if (undo == piece)
			break;
		iopt_area_unfill_domains(undo->area, undo->pages);
	}
	return ret;
}

/**
 * iopt_map_pages() - map pieces of user memory at consecutive IOVAs
 * @pt: the table
 * @pages_list: the pieces (struct iopt_pages_list); on success their
 *	areas and page references belong to the table
 * @length: the sum of the pieces' lengths
 * @dst_iova: the IOVA to map at; with IOPT_ALLOC_IOVA, where the mapping
 *	was placed
 * @iommu_prot: IOMMU_READ/IOMMU_WRITE/IOMMU_CACHE
 * @flags: IOPT_ALLOC_IOVA or 0
 *
 * Return: 0 or an errno; after an error the pieces still own everything.
 */
int iopt_map_pages(struct io_pagetable *pt, struct list_head *pages_list,
		   unsigned long length, unsigned long *dst_iova,
		   int iommu_prot, unsigned int flags)
{
	struct iopt_pages_list *piece;
	int ret;

	ret = iopt_reserve_areas(pt, pages_list, length, dst_iova,
				 iommu_prot, flags);
	if (ret)
		return ret;

	down_read(&pt->domains_rwsem);
	ret = iopt_fill_pieces(pages_list);
	if (!ret) {
		/*
		 * Publish before domains_rwsem is released: a domain added
		 * later then finds, and maps, every one of these areas.
		 */
		down_write(&pt->iova_rwsem);
		list_for_each_entry(piece, pages_list, next) {
			piece->area->pages = piece->pages;
			piece->area = NULL;
			piece->pages = NULL;
		}
		up_write(&pt->iova_rwsem);
	}
	up_read(&pt->domains_rwsem);
	return ret;
}

/**
 * iopt_map_user_pages() - map a range of the caller's memory
 * @ctx: the context owning the table; decides the accounting mode
 * @pt: the table
 * @iova: the IOVA to map at; with IOPT_ALLOC_IOVA, where the mapping was
 *	placed
 * @uptr: user address of the memory
 * @length: number of bytes
 * @iommu_prot: IOMMU_READ/IOMMU_WRITE/IOMMU_CACHE
 * @flags: IOPT_ALLOC_IOVA or 0
 *
 * The memory is pinned at once only if domains are attached; otherwise the
 * first domain or access to need it does the pinning.
 *
 * Return: 0 or an errno.
 */
int iopt_map_user_pages(struct iommufd_ctx *ctx, struct io_pagetable *pt,
			unsigned long *iova, void __user *uptr,
			unsigned long length, int iommu_prot,
			unsigned int flags)
{
	struct iopt_pages_list only = { .length = length };
	struct iopt_pages *pages;
	LIST_HEAD(pieces);
	int ret;

	pages = iopt_alloc_pages(uptr, length, iommu_prot & IOMMU_WRITE);
	if (IS_ERR(pages))
		return PTR_ERR(pages);

	/* A VFIO-compatible context charges the mm instead of the user. */
	if (pages->account_mode == IOPT_PAGES_ACCOUNT_USER &&
	    ctx->account_mode == IOPT_PAGES_ACCOUNT_MM)
		pages->account_mode = IOPT_PAGES_ACCOUNT_MM;

	only.pages = pages;
	only.start_byte = uptr - pages->uptr;
	list_add(&only.next, &pieces);

	ret = iopt_map_pages(pt, &pieces, length, iova, iommu_prot, flags);
	if (!ret)
		return 0;

	/* The piece lives on the stack: clean it up by hand. */
	if (only.area)
		iopt_abort_area(only.area);
	if (only.pages)
		iopt_put_pages(only.pages);
	return ret;
}

/**
 * iopt_get_pages() - take references on the memory behind an IOVA range
 * @pt: the table
 * @iova: first IOVA
 * @length: number of bytes
 * @pages_list: the list that receives one struct iopt_pages_list per area
 *	crossed
 *
 * Return: 0; -EINVAL for a zero length; -EOVERFLOW; -ENOMEM; or -ENOENT
 * unless published areas cover the whole range without a gap. On error
 * @pages_list is left empty.
 */
int iopt_get_pages(struct io_pagetable *pt, unsigned long iova,
		   unsigned long length, struct list_head *pages_list)
{
	struct iopt_area_contig_iter iter;
	struct iopt_area *area;
	unsigned long last;
	int ret;

	ret = iopt_range_end(iova, length, &last);
	if (ret)
		return ret;

	down_read(&pt->iova_rwsem);
	iopt_for_each_contig_area(&iter, area, pt, iova, last) {
		unsigned long stop = min(last, iopt_area_last_iova(area));
		struct iopt_pages_list *piece;

		piece = kzalloc(sizeof(*piece), GFP_KERNEL_ACCOUNT);
		if (!piece) {
			ret = -ENOMEM;
			break;
		}
		kref_get(&area->pages->kref);
		piece->pages = area->pages;
		piece->start_byte = iopt_area_start_byte(area, iter.cur_iova);
		piece->length = stop - iter.cur_iova + 1;
		list_add_tail(&piece->next, pages_list);
	}
	if (!ret && !iopt_area_contig_done(&iter))
		ret = -ENOENT;
	up_read(&pt->iova_rwsem);

	if (ret)
		iopt_free_pages_list(pages_list);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* Dirty tracking */

/* What the bitmap walk needs to read one window */
struct iopt_dirty_walk {
	struct io_pagetable *pt;
	struct iommu_domain *domain;
	struct iommu_dirty_bitmap *dirty;
	unsigned long flags;
};

/* iova_bitmap_for_each() callback: read the dirty bits of one window */
static int iopt_dirty_window(struct iova_bitmap *bitmap, unsigned long iova,
			     size_t length, void *opaque)
{
	const struct iopt_dirty_walk *walk = opaque;
	const struct iommu_dirty_ops *ops = walk->domain->dirty_ops;
	unsigned long window_last = iova + length - 1;
	struct iopt_area_contig_iter iter;
	struct iopt_area *area;

	iopt_for_each_contig_area(&iter, area, walk->pt, iova, window_last) {
		unsigned long stop = min(window_last,
					 iopt_area_last_iova(area));
		unsigned long span = stop - iter.cur_iova + 1;
		int ret;

		ret = ops->read_and_clear_dirty(walk->domain, iter.cur_iova,
						span, walk->flags, walk->dirty);
		if (ret)
			return ret;
	}
	return iopt_area_contig_done(&iter) ? 0 : -EINVAL;
}

/**
 * iommufd_check_iova_range() - validate the range of a dirty bitmap request
 * @pt: the table
 * @bitmap: the request
 *
 * Return: 0; -EINVAL for an empty range, a range not aligned to the table
 * or a zero or misfitting page size; -EOVERFLOW for a range that wraps or
 * does not fit an unsigned long.
 */
int iommufd_check_iova_range(struct io_pagetable *pt,
			     struct iommu_hwpt_get_dirty_bitmap *bitmap)
{
	u64 first = bitmap->iova;
	u64 last, edges;

	if (!bitmap->length)
		return -EINVAL;
	if (check_add_overflow(first, bitmap->length - 1, &last))
		return -EOVERFLOW;
	if (first > ULONG_MAX || last > ULONG_MAX)
		return -EOVERFLOW;

	/* Both ends must sit on a boundary: the table's, then the bitmap's */
	edges = first | (last + 1);
	if (edges & (pt->iova_alignment - 1))
		return -EINVAL;
	if (!bitmap->page_size || (edges & (bitmap->page_size - 1)))
		return -EINVAL;
	return 0;
}

/**
 * iopt_read_and_clear_dirty_data() - report the dirty IOVA of a domain
 * @pt: the table the domain mirrors
 * @domain: the domain
 * @flags: IOMMU_DIRTY_NO_CLEAR to leave the dirty bits set
 * @bitmap: the user request
 *
 * Return: 0, -EOPNOTSUPP if the domain cannot report dirty IOVA, or
 * another errno.
 */
int iopt_read_and_clear_dirty_data(struct io_pagetable *pt,
				   struct iommu_domain *domain,
				   unsigned long flags,
				   struct iommu_hwpt_get_dirty_bitmap *bitmap)
{
	const struct iommu_dirty_ops *ops = domain->dirty_ops;
	struct iommu_iotlb_gather gather;
	struct iommu_dirty_bitmap dirty;
	struct iopt_dirty_walk walk = {
		.pt = pt,
		.domain = domain,
		.dirty = &dirty,
		.flags = flags,
	};
	struct iova_bitmap *ubits;
	int ret;

	ret = iommufd_check_iova_range(pt, bitmap);
	if (ret)
		return ret;

	down_read(&pt->iova_rwsem);
	if (!ops || !ops->read_and_clear_dirty) {
		ret = -EOPNOTSUPP;
		goto out_unlock;
	}
	ubits = iova_bitmap_alloc(bitmap->iova, bitmap->length,
				  bitmap->page_size,
				  u64_to_user_ptr(bitmap->data));
	if (IS_ERR(ubits)) {
		ret = -ENOMEM;
		goto out_unlock;
	}

	iommu_dirty_bitmap_init(&dirty, ubits, &gather);
	/*
	 * A window that is not completely mapped reports what it could;
	 * that is not a failure of the request as a whole.
	 */
	iova_bitmap_for_each(ubits, &walk, iopt_dirty_window);
	if (!(flags & IOMMU_DIRTY_NO_CLEAR))
		iommu_iotlb_sync(domain, &gather);
	iova_bitmap_free(ubits);
out_unlock:
	up_read(&pt->iova_rwsem);
	return ret;
}

/* Discard the dirty bits every published area has collected so far */
static int iopt_forget_dirty(struct io_pagetable *pt,
			     struct iommu_domain *domain)
{
	const struct iommu_dirty_ops *ops = domain->dirty_ops;
	struct iommu_iotlb_gather gather;
	struct iommu_dirty_bitmap dirty;
	struct iopt_area *area;
	int ret = 0;

	lockdep_assert_held_read(&pt->iova_rwsem);

	iommu_dirty_bitmap_init(&dirty, NULL, &gather);
	iopt_for_each_area(pt, area) {
		if (!area->pages)
			continue;
		ret = ops->read_and_clear_dirty(domain, iopt_area_iova(area),
						iopt_area_length(area), 0,
						&dirty);
		if (ret)
			break;
	}
	iommu_iotlb_sync(domain, &gather);
	return ret;
}

/**
 * iopt_set_dirty_tracking() - start or stop dirty tracking in a domain
 * @pt: the table the domain mirrors
 * @domain: the domain
 * @enable: the new state; tracking starts with every bit clear
 *
 * Return: 0, -EOPNOTSUPP if the domain has no dirty tracking, or the
 * driver's error.
 */
int iopt_set_dirty_tracking(struct io_pagetable *pt,
			    struct iommu_domain *domain, bool enable)
{
	int ret = 0;

	if (!domain->dirty_ops)
		return -EOPNOTSUPP;

	down_read(&pt->iova_rwsem);
	if (enable)
		ret = iopt_forget_dirty(pt, domain);
	if (!ret)
		ret = domain->dirty_ops->set_dirty_tracking(domain, enable);
	up_read(&pt->iova_rwsem);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* Unmapping */

/*
 * Finish off an area that was unpublished with the unmap locks held: take
 * it out of every domain, drop the pins nobody else needs, and free it.
 * Runs with domains_rwsem read-held and iova_rwsem released.
 */
static void iopt_area_retire(struct iopt_area *area, struct iopt_pages *pages)
{
	iopt_area_unfill_domains(area, pages);
	iopt_abort_area(area);
	iopt_put_pages(pages);
}

/*
 * Unmap every area inside [first, last]. An area that sticks out of the
 * range, or that somebody else is busy with, stops the walk; the areas
 * before it are gone by then. Areas pinned by accesses are handed to the
 * accesses' unmap callbacks, with all locks dropped, until they let go.
 */
static int iopt_unmap_range(struct io_pagetable *pt, unsigned long first,
			    unsigned long last, unsigned long *unmapped)
{
	unsigned long removed = 0;
	unsigned int attempts = 0;
	int ret = 0;

	for (;;) {
		unsigned long a_first, a_last;
		struct iopt_pages *pages;
		struct iopt_area *area;

		down_read(&pt->domains_rwsem);
		down_write(&pt->iova_rwsem);
		area = iopt_area_iter_first(pt, first, last);
		if (!area) {
			up_write(&pt->iova_rwsem);
			up_read(&pt->domains_rwsem);
			break;
		}
		a_first = iopt_area_iova(area);
		a_last = iopt_area_last_iova(area);

		if (!area->pages)
			ret = -EBUSY;	/* mid-map or mid-unmap elsewhere */
		else if (a_first < first || a_last > last)
			ret = -ENOENT;	/* areas are never cut */
		if (ret) {
			up_write(&pt->iova_rwsem);
			up_read(&pt->domains_rwsem);
			break;
		}

		/* Only count repeated requests for the same area. */
		if (a_first != first)
			attempts = 0;

		/*
		 * num_accesses only changes under iova_rwsem, which is held
		 * for writing, so the value read here is stable.
		 */
		if (area->num_accesses) {
			area->prevent_access = true;
			up_write(&pt->iova_rwsem);
			up_read(&pt->domains_rwsem);
			first = a_first;
			iommufd_access_notify_unmap(pt, a_first,
						    a_last - a_first + 1);
			if (WARN_ON(++attempts > IOPT_ACCESS_RETRY_LIMIT)) {
				ret = -EDEADLOCK;
				break;
			}
			continue;
		}

		/* Unpublish: from now on nobody else touches the area. */
		pages = area->pages;
		area->pages = NULL;
		up_write(&pt->iova_rwsem);
		iopt_area_retire(area, pages);
		up_read(&pt->domains_rwsem);
		removed += a_last - a_first + 1;

		/* New areas may appear behind us; carry on after this one. */
		if (a_last >= last)
			break;
		first = a_last + 1;
	}

	if (unmapped)
		*unmapped = removed;
	return ret;
}

/**
 * iopt_unmap_iova() - unmap the areas inside an IOVA range
 * @pt: the table
 * @iova: first IOVA
 * @length: number of bytes
 * @unmapped: if not NULL, receives the number of bytes unmapped
 *
 * Only whole areas are unmapped: an area that is partly outside the range
 * ends the call with -ENOENT, after the areas in front of it are gone.
 *
 * Return: 0 (also when the range held nothing) or an errno.
 */
int iopt_unmap_iova(struct io_pagetable *pt, unsigned long iova,
		    unsigned long length, unsigned long *unmapped)
{
	unsigned long last;
	int ret;

	ret = iopt_range_end(iova, length, &last);
	if (ret)
		return ret;
	return iopt_unmap_range(pt, iova, last, unmapped);
}

/**
 * iopt_unmap_all() - unmap every area
 * @pt: the table
 * @unmapped: if not NULL, receives the number of bytes unmapped
 *
 * Return: 0 or an errno.
 */
int iopt_unmap_all(struct io_pagetable *pt, unsigned long *unmapped)
{
	return iopt_unmap_range(pt, 0, ULONG_MAX, unmapped);
}

/* ---------------------------------------------------------------------- */
/* Allowed and reserved ranges */

/**
 * iopt_set_allow_iova() - replace the allowed ranges
 * @pt: the table
 * @allowed_iova: a tree of struct iopt_allowed. On success it is exchanged
 *	with the table's tree, so the caller frees the old ranges; on error
 *	it is left as it was. Either way the caller frees what it holds.
 *
 * Return: 0, or -EADDRINUSE if a new range overlaps a reserved one.
 */
int iopt_set_allow_iova(struct io_pagetable *pt,
			struct rb_root_cached *allowed_iova)
{
	struct interval_tree_node *node;
	int ret = 0;

	down_write(&pt->iova_rwsem);
	for (node = interval_tree_iter_first(allowed_iova, 0, ULONG_MAX); node;
	     node = interval_tree_iter_next(node, 0, ULONG_MAX)) {
		if (iopt_reserved_iter_first(pt, node->start, node->last)) {
			ret = -EADDRINUSE;
			break;
		}
	}
	if (!ret)
		swap(pt->allowed_itree, *allowed_iova);
	up_write(&pt->iova_rwsem);
	return ret;
}

/**
 * iopt_reserve_iova() - keep mappings out of an IOVA range
 * @pt: the table; iova_rwsem held for writing
 * @start: first IOVA
 * @last: last IOVA
 * @owner: a tag for iopt_remove_reserved_iova()
 *
 * Return: 0, -EADDRINUSE if the range is mapped or allowed, or -ENOMEM.
 */
int iopt_reserve_iova(struct io_pagetable *pt, unsigned long start,
		      unsigned long last, void *owner)
{
	struct iopt_reserved *resv;

	lockdep_assert_held_write(&pt->iova_rwsem);

	if (iopt_area_iter_first(pt, start, last))
		return -EADDRINUSE;
	if (iopt_allowed_iter_first(pt, start, last))
		return -EADDRINUSE;

	resv = kzalloc(sizeof(*resv), GFP_KERNEL_ACCOUNT);
	if (!resv)
		return -ENOMEM;
	resv->owner = owner;
	resv->node.start = start;
	resv->node.last = last;
	interval_tree_insert(&resv->node, &pt->reserved_itree);
	return 0;
}

/* Drop every reserved range tagged @owner; iova_rwsem write-held */
static void iopt_drop_reserved_locked(struct io_pagetable *pt, void *owner)
{
	struct iopt_reserved *resv = iopt_reserved_iter_first(pt, 0, ULONG_MAX);

	lockdep_assert_held_write(&pt->iova_rwsem);

	while (resv) {
		struct iopt_reserved *victim = resv;

		resv = iopt_reserved_iter_next(resv, 0, ULONG_MAX);
		if (victim->owner == owner) {
			interval_tree_remove(&victim->node,
					     &pt->reserved_itree);
			kfree(victim);
		}
	}
}

/**
 * iopt_remove_reserved_iova() - drop every reserved range of an owner
 * @pt: the table
 * @owner: the tag given to iopt_reserve_iova()
 */
void iopt_remove_reserved_iova(struct io_pagetable *pt, void *owner)
{
	down_write(&pt->iova_rwsem);
	iopt_drop_reserved_locked(pt, owner);
	up_write(&pt->iova_rwsem);
}

/**
 * iopt_table_enforce_dev_resv_regions() - reserve a device's regions
 * @pt: the table
 * @dev: a device about to be attached to a domain of the table
 * @sw_msi_start: if not NULL, receives the start of the device's software
 *	MSI window, when it has one
 *
 * Return: 0; -EADDRINUSE if a region is mapped or allowed; -EINVAL if the
 * device reports conflicting MSI regions; or another errno. On error no
 * range of @dev remains reserved.
 */
int iopt_table_enforce_dev_resv_regions(struct io_pagetable *pt,
					struct device *dev,
					phys_addr_t *sw_msi_start)
{
	unsigned int hw_msi = 0, sw_msi = 0;
	struct iommu_resv_region *region;
	LIST_HEAD(regions);
	int ret = 0;

	if (iommufd_should_fail())
		return -EINVAL;

	down_write(&pt->iova_rwsem);
	iommu_get_resv_regions(dev, &regions);
	list_for_each_entry(region, &regions, list) {
		/* Relaxable direct regions may be ignored for assigned use. */
		if (region->type == IOMMU_RESV_DIRECT_RELAXABLE)
			continue;

		if (sw_msi_start && region->type == IOMMU_RESV_MSI)
			hw_msi++;
		if (sw_msi_start && region->type == IOMMU_RESV_SW_MSI) {
			*sw_msi_start = region->start;
			sw_msi++;
		}

		ret = iopt_reserve_iova(pt, region->start,
					region->start + region->length - 1,
					dev);
		if (ret)
			break;
	}

	/* One software MSI window, or hardware MSI, but never both. */
	if (!ret && (WARN_ON(sw_msi && hw_msi) || WARN_ON(sw_msi > 1)))
		ret = -EINVAL;
	if (ret)
		iopt_drop_reserved_locked(pt, dev);

	iommu_put_resv_regions(dev, &regions);
	up_write(&pt->iova_rwsem);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* Table lifetime */

/**
 * iopt_init_table() - set up an empty table
 * @pt: the table
 */
void iopt_init_table(struct io_pagetable *pt)
{
	*pt = (struct io_pagetable){
		.area_itree = RB_ROOT_CACHED,
		.allowed_itree = RB_ROOT_CACHED,
		.reserved_itree = RB_ROOT_CACHED,
		/*
		 * Without domains or accesses the table is pure bookkeeping
		 * and byte granularity is fine; attaching raises this.
		 */
		.iova_alignment = 1,
	};
	init_rwsem(&pt->domains_rwsem);
	init_rwsem(&pt->iova_rwsem);
	xa_init_flags(&pt->domains, XA_FLAGS_ACCOUNT);
	xa_init_flags(&pt->access_list, XA_FLAGS_ALLOC);
}

/**
 * iopt_destroy_table() - free what is left of an empty table
 * @pt: the table; every area, domain and access must be gone
 */
void iopt_destroy_table(struct io_pagetable *pt)
{
	struct interval_tree_node *node;

	/* The selftest reserves ranges without an owner. */
	if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
		iopt_remove_reserved_iova(pt, NULL);

	while ((node = interval_tree_iter_first(&pt->allowed_itree, 0,
						ULONG_MAX))) {
		interval_tree_remove(node, &pt->allowed_itree);
		kfree(container_of(node, struct iopt_allowed, node));
	}

	WARN_ON(!RB_EMPTY_ROOT(&pt->area_itree.rb_root));
	WARN_ON(!RB_EMPTY_ROOT(&pt->reserved_itree.rb_root));
	WARN_ON(!xa_empty(&pt->access_list));
	WARN_ON(!xa_empty(&pt->domains));
}

/* ---------------------------------------------------------------------- */
/* Domains */

/*
 * The smallest IO page a domain can map. Its pgsize_bitmap is never
 * empty, so the lowest set bit exists.
 */
static unsigned long iopt_domain_min_page(struct iommu_domain *domain)
{
	return domain->pgsize_bitmap & -domain->pgsize_bitmap;
}

/*
 * Take @area out of @domain. @heir is a domain that stays in the table
 * and already maps the area, which from now on provides the pins; NULL if
 * @domain was the only one, and the pins the accesses do not need go.
 */
static void iopt_area_leave_domain(struct iopt_area *area,
				   struct iommu_domain *domain,
				   struct iommu_domain *heir)
{
	struct iopt_pages *pages = area->pages;

	mutex_lock(&pages->mutex);
	if (heir) {
		if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
			WARN_ON(!area->storage_domain);
		if (area->storage_domain == domain)
			area->storage_domain = heir;
		iopt_area_unmap_domain(area, domain);
	} else {
		WARN_ON(area->storage_domain != domain);
		interval_tree_remove(&area->pages_node, &pages->domains_itree);
		area->storage_domain = NULL;
		iopt_area_unfill_domain(area, pages, domain);
	}
	mutex_unlock(&pages->mutex);
}

/* Map @area into a domain joining the table; all or nothing */
static int iopt_area_join_domain(struct io_pagetable *pt,
				 struct iopt_area *area,
				 struct iommu_domain *domain)
{
	struct iopt_pages *pages = area->pages;
	int ret;

	mutex_lock(&pages->mutex);
	ret = iopt_area_fill_domain(area, domain);
	if (!ret && !area->storage_domain) {
		/* Only the first domain finds areas not stored anywhere. */
		WARN_ON(pt->next_domain_id);
		area->storage_domain = domain;
		interval_tree_insert(&area->pages_node, &pages->domains_itree);
	}
	mutex_unlock(&pages->mutex);
	return ret;
}

/*
 * The domain to hand the pins over to when one leaves: the first one
 * that stays, or NULL if none does. @domain must already be out of the
 * xarray (or not yet in it).
 */
static struct iommu_domain *iopt_pick_heir(struct io_pagetable *pt)
{
	if (!pt->next_domain_id)
		return NULL;
	return xa_load(&pt->domains, 0);
}

/* Map every published area into a domain joining the table */
static int iopt_fill_domain(struct io_pagetable *pt,
			    struct iommu_domain *domain)
{
	struct iommu_domain *heir;
	struct iopt_area *stop;
	struct iopt_area *area;
	int ret = 0;

	lockdep_assert_held(&pt->iova_rwsem);
	lockdep_assert_held_write(&pt->domains_rwsem);

	iopt_for_each_area(pt, stop) {
		if (!stop->pages)
			continue;
		ret = iopt_area_join_domain(pt, stop, domain);
		if (ret)
			break;
	}
	if (!ret)
		return 0;

	/* Unwind the areas in front of the one that failed. */
	heir = iopt_pick_heir(pt);
	iopt_for_each_area(pt, area) {
		if (area == stop)
			break;
		if (area->pages)
			iopt_area_leave_domain(area, domain, heir);
	}
	return ret;
}

/* Unmap every area from a domain that has just left the xarray */
static void iopt_unfill_domain(struct io_pagetable *pt,
			       struct iommu_domain *domain)
{
	struct iommu_domain *heir = iopt_pick_heir(pt);
	struct iopt_area *area;

	lockdep_assert_held(&pt->iova_rwsem);
	lockdep_assert_held_write(&pt->domains_rwsem);

	iopt_for_each_area(pt, area) {
		if (area->pages)
			iopt_area_leave_domain(area, domain, heir);
	}
}

/* Do all areas (and, when testing, accesses) satisfy an alignment? */
static int iopt_check_iova_alignment(struct io_pagetable *pt,
				     unsigned long align)
{
	struct iopt_area *area;

	lockdep_assert_held(&pt->iova_rwsem);
	lockdep_assert_held(&pt->domains_rwsem);

	iopt_for_each_area(pt, area) {
		if (iopt_area_iova(area) % align ||
		    iopt_area_length(area) % align ||
		    area->page_offset % align)
			return -EADDRINUSE;
	}

	if (IS_ENABLED(CONFIG_IOMMUFD_TEST)) {
		struct iommufd_access *access;
		unsigned long id;

		xa_for_each(&pt->access_list, id, access) {
			if (WARN_ON(access->iova_alignment > align))
				return -EADDRINUSE;
		}
	}
	return 0;
}

/*
 * Recompute the alignment that the domains, the accesses and the large
 * page setting demand together, and adopt it if the areas allow.
 */
static int iopt_update_alignment(struct io_pagetable *pt)
{
	unsigned long align = pt->disable_large_pages ? PAGE_SIZE : 1;
	struct iommufd_access *access;
	struct iommu_domain *domain;
	unsigned long id;
	int ret;

	lockdep_assert_held_write(&pt->iova_rwsem);
	lockdep_assert_held(&pt->domains_rwsem);

	xa_for_each(&pt->domains, id, domain)
		align = max(align, iopt_domain_min_page(domain));
	xa_for_each(&pt->access_list, id, access)
		align = max(align, access->iova_alignment);

	if (align > pt->iova_alignment) {
		ret = iopt_check_iova_alignment(pt, align);
		if (ret)
			return ret;
	}
	pt->iova_alignment = align;
	return 0;
}

/*
 * Reserve what lies outside the domain's aperture, tagged with the domain.
 * On failure part of it may be reserved already.
 */
static int iopt_reserve_outside_aperture(struct io_pagetable *pt,
					 struct iommu_domain *domain)
{
	const struct iommu_domain_geometry *geo = &domain->geometry;
	int ret;

	if (geo->aperture_start) {
		ret = iopt_reserve_iova(pt, 0, geo->aperture_start - 1, domain);
		if (ret)
			return ret;
	}
	if (geo->aperture_end != ULONG_MAX)
		return iopt_reserve_iova(pt, geo->aperture_end + 1, ULONG_MAX,
					 domain);
	return 0;
}

static bool iopt_has_domain(struct io_pagetable *pt,
			    struct iommu_domain *domain)
{
	struct iommu_domain *cur;
	unsigned long id;

	xa_for_each(&pt->domains, id, cur) {
		if (cur == domain)
			return true;
	}
	return false;
}

/**
 * iopt_table_add_domain() - make a domain mirror the table
 * @pt: the table
 * @domain: a paging domain
 *
 * The IOVA outside the domain's aperture becomes reserved, and every area
 * is mapped into the domain.
 *
 * Return: 0; -EINVAL if the domain cannot map single CPU pages;
 * -EADDRINUSE if existing areas do not fit the domain's page size or
 * aperture; or another errno.
 */
int iopt_table_add_domain(struct io_pagetable *pt,
			  struct iommu_domain *domain)
{
	unsigned long align;
	int ret;

	iopt_lock_all(pt);

	if (WARN_ON(iopt_has_domain(pt, domain))) {
		ret = -EEXIST;
		goto out_unlock;
	}

	/*
	 * Pinning works in CPU pages, which any larger IO page size could
	 * not represent: the domain has to accept PAGE_SIZE mappings.
	 */
	align = max(iopt_domain_min_page(domain), pt->iova_alignment);
	if (align > PAGE_SIZE) {
		ret = -EINVAL;
		goto out_unlock;
	}
	if (align != pt->iova_alignment) {
		ret = iopt_check_iova_alignment(pt, align);
		if (ret)
			goto out_unlock;
	}

	ret = iopt_reserve_outside_aperture(pt, domain);
	if (ret)
		goto out_unreserve;

	/* Allocate the slot now, so that committing below cannot fail. */
	ret = xa_reserve(&pt->domains, pt->next_domain_id, GFP_KERNEL);
	if (ret)
		goto out_unreserve;

	ret = iopt_fill_domain(pt, domain);
	if (ret) {
		xa_release(&pt->domains, pt->next_domain_id);
		goto out_unreserve;
	}

	xa_store(&pt->domains, pt->next_domain_id++, domain, GFP_KERNEL);
	pt->iova_alignment = align;
	iopt_unlock_all(pt);
	return 0;

out_unreserve:
	iopt_drop_reserved_locked(pt, domain);
out_unlock:
	iopt_unlock_all(pt);
	return ret;
}

/**
 * iopt_table_remove_domain() - stop a domain mirroring the table
 * @pt: the table
 * @domain: a domain added with iopt_table_add_domain()
 *
 * Every area is unmapped from the domain, and pins that neither another
 * domain nor an access needs are dropped.
 */
void iopt_table_remove_domain(struct io_pagetable *pt,
			      struct iommu_domain *domain)
{
	struct iommu_domain *cur, *tail;
	unsigned long slot;
	bool found = false;

	iopt_lock_all(pt);

	xa_for_each(&pt->domains, slot, cur) {
		if (cur == domain) {
			found = true;
			break;
		}
	}
	if (WARN_ON(!found) || slot >= pt->next_domain_id)
		goto out_unlock;

	/* Keep the xarray packed: the last domain moves into the hole. */
	tail = xa_erase(&pt->domains, --pt->next_domain_id);
	if (slot != pt->next_domain_id)
		xa_store(&pt->domains, slot, tail, GFP_KERNEL);

	iopt_unfill_domain(pt, domain);
	iopt_drop_reserved_locked(pt, domain);
	WARN_ON(iopt_update_alignment(pt));
out_unlock:
	iopt_unlock_all(pt);
}

/* ---------------------------------------------------------------------- */
/* Splitting areas (VFIO type1 v1 partial unmap) */

/*
 * Replace @area by two areas that end and start around @iova, so that
 * @iova is the last byte of the first. Both halves share the area's pages.
 * Only possible while the domains map page by page (no IOPTE can cross the
 * cut) and no access pins the area.
 */
static int iopt_area_split(struct iopt_area *area, unsigned long iova)
{
	struct io_pagetable *pt = area->iopt;
	struct iopt_pages *pages = area->pages;
	unsigned long align = pt->iova_alignment;
	unsigned long first[2], len[2];
	struct iopt_area *half[2] = {};
	int placed = 0;
	int ret;
	int i;

	lockdep_assert_held_write(&pt->iova_rwsem);

	if (iova == iopt_area_iova(area) || iova == iopt_area_last_iova(area))
		return 0;
	if (!pages || area->prevent_access)
		return -EBUSY;

	first[0] = iopt_area_iova(area);
	first[1] = iova + 1;
	len[0] = first[1] - first[0];
	len[1] = iopt_area_last_iova(area) - iova;
	if (first[1] % align || iopt_area_start_byte(area, first[1]) % align)
		return -EINVAL;

	for (i = 0; i < 2; i++) {
		half[i] = iopt_area_alloc();
		if (!half[i]) {
			ret = -ENOMEM;
			goto out_free;
		}
	}

	mutex_lock(&pages->mutex);
	/* Access pins are counted per area and cannot be shared out. */
	if (area->num_accesses ||
	    /* a large IOPTE might straddle the cut */
	    (area->storage_domain && !pt->disable_large_pages)) {
		ret = -EINVAL;
		goto out_unlock;
	}

	interval_tree_remove(&area->node, &pt->area_itree);
	for (placed = 0; placed < 2; placed++) {
		ret = iopt_area_place(pt, half[placed], pages, first[placed],
				      iopt_area_start_byte(area, first[placed]),
				      len[placed], area->iommu_prot);
		if (WARN_ON(ret))
			goto out_unplace;
	}

	for (i = 0; i < 2; i++) {
		if (area->storage_domain)
			interval_tree_insert(&half[i]->pages_node,
					     &pages->domains_itree);
		half[i]->storage_domain = area->storage_domain;
		half[i]->pages = pages;
	}
	if (area->storage_domain)
		interval_tree_remove(&area->pages_node, &pages->domains_itree);

	/* The old area's reference passes to one half; the other needs one. */
	kref_get(&pages->kref);
	mutex_unlock(&pages->mutex);
	kfree(area);
	return 0;

out_unplace:
	while (placed--)
		interval_tree_remove(&half[placed]->node, &pt->area_itree);
	interval_tree_insert(&area->node, &pt->area_itree);
out_unlock:
	mutex_unlock(&pages->mutex);
out_free:
	kfree(half[1]);
	kfree(half[0]);
	return ret;
}

/**
 * iopt_cut_iova() - split areas so that given IOVAs end an area
 * @pt: the table
 * @iovas: the IOVAs that must become the last byte of an area
 * @num_iovas: the number of entries in @iovas
 *
 * IOVAs that no area covers are skipped.
 *
 * Return: 0 or an errno; the cuts made before an error stay.
 */
int iopt_cut_iova(struct io_pagetable *pt, unsigned long *iovas,
		  size_t num_iovas)
{
	size_t n;
	int ret = 0;

	down_write(&pt->iova_rwsem);
	for (n = 0; n < num_iovas && !ret; n++) {
		struct iopt_area *area;

		area = iopt_area_iter_first(pt, iovas[n], iovas[n]);
		if (area)
			ret = iopt_area_split(area, iovas[n]);
	}
	up_write(&pt->iova_rwsem);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* Large pages */

/**
 * iopt_enable_large_pages() - let domains use IOPTEs above PAGE_SIZE again
 * @pt: the table
 */
void iopt_enable_large_pages(struct io_pagetable *pt)
{
	iopt_lock_all(pt);
	WRITE_ONCE(pt->disable_large_pages, false);
	WARN_ON(iopt_update_alignment(pt));
	iopt_unlock_all(pt);
}

/**
 * iopt_disable_large_pages() - map page by page from now on
 * @pt: the table
 *
 * Return: 0; -EINVAL if domains already hold mappings that may use large
 * IOPTEs; or -EADDRINUSE if an area is not PAGE_SIZE aligned.
 */
int iopt_disable_large_pages(struct io_pagetable *pt)
{
	int ret = 0;

	iopt_lock_all(pt);
	if (pt->disable_large_pages)
		goto out_unlock;

	if (!xa_empty(&pt->domains) &&
	    !RB_EMPTY_ROOT(&pt->area_itree.rb_root)) {
		ret = -EINVAL;
		goto out_unlock;
	}

	WRITE_ONCE(pt->disable_large_pages, true);
	ret = iopt_update_alignment(pt);
	if (ret)
		WRITE_ONCE(pt->disable_large_pages, false);
out_unlock:
	iopt_unlock_all(pt);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* Accesses */

/**
 * iopt_add_access() - register an in-kernel access with the table
 * @pt: the table
 * @access: the access; its iova_alignment applies from now on
 *
 * Return: 0, -EADDRINUSE if existing areas break the access's alignment,
 * or another errno.
 */
int iopt_add_access(struct io_pagetable *pt, struct iommufd_access *access)
{
	u32 slot;
	int ret;

	iopt_lock_all(pt);
	ret = xa_alloc(&pt->access_list, &slot, access, xa_limit_16b,
		       GFP_KERNEL_ACCOUNT);
	if (!ret) {
		ret = iopt_update_alignment(pt);
		if (ret)
			xa_erase(&pt->access_list, slot);
		else
			access->iopt_access_list_id = slot;
	}
	iopt_unlock_all(pt);
	return ret;
}

/**
 * iopt_remove_access() - unregister an access
 * @pt: the table
 * @access: the access
 * @iopt_access_list_id: the slot iopt_add_access() gave it
 */
void iopt_remove_access(struct io_pagetable *pt,
			struct iommufd_access *access, u32 iopt_access_list_id)
{
	iopt_lock_all(pt);
	WARN_ON(xa_erase(&pt->access_list, iopt_access_list_id) != access);
	WARN_ON(iopt_update_alignment(pt));
	iopt_unlock_all(pt);
}
