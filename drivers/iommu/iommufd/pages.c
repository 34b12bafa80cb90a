// SPDX-License-Identifier: GPL-2.0
/*
 * iopt_pages: pinning the user memory behind IO page table areas.
 *
 * An iopt_pages stands for a page-aligned range of user virtual memory,
 * indexed in PAGE_SIZE units from 0 to npages - 1. Two kinds of holders
 * need its pages pinned:
 *
 *  - areas mapped into iommu_domains: iopt_area::pages_node is linked into
 *    domains_itree while the domains of the area's table map it;
 *  - in-kernel accesses: an iopt_pages_access node in access_itree.
 *
 * The rule is simple: a page index is pinned, exactly once, while at least
 * one node of either tree covers it, and its PFN is then recorded in the
 * pinned_pfns xarray. Holders are added by first pinning the indexes of
 * their range that nothing covers yet ("holes") and then inserting their
 * node; they are removed by taking their node out and unpinning the
 * indexes that became holes. Because the xarray always knows every pinned
 * PFN, a domain is filled and an access served without reading PFNs back
 * from another domain, and teardown never has to allocate memory.
 *
 * Pinning (and the RLIMIT_MEMLOCK charge that follows it) happens only
 * when a holder appears: mapping into an IOAS without domains pins
 * nothing.
 *
 * Domains receive the largest runs of physically contiguous PFNs in one
 * iommu_map() call each, so that drivers can use large IOPTEs; an area is
 * always unmapped from a domain as a whole, which never cuts through one of
 * those calls.
 *
 * Ranges named "last" are inclusive.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/iommu.h>
#include <linux/iommufd.h>
#include <linux/mm.h>
#include <linux/mmu_context.h>
#include <linux/overflow.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>

#include "double_span.h"
#include "io_pagetable.h"

#ifdef CONFIG_IOMMUFD_TEST
#define TEMP_MEMORY_LIMIT iommufd_test_memory_limit
#else
#define TEMP_MEMORY_LIMIT 65536
#endif

/* ---------------------------------------------------------------------- */
/* Spans over two interval trees */

/*
 * index is covered by a node of root: return the last index of the run of
 * overlapping or adjacent nodes that starts there, capped at limit.
 */
static unsigned long dspan_covered_until(struct rb_root_cached *root,
					 unsigned long index,
					 unsigned long limit)
{
	unsigned long probe = index;
	unsigned long end = index;

	for (;;) {
		struct interval_tree_node *node;
		bool found = false;

		for (node = interval_tree_iter_first(root, probe, probe); node;
		     node = interval_tree_iter_next(node, probe, probe)) {
			found = true;
			end = max(end, node->last);
		}
		if (!found || end >= limit)
			break;
		probe = end + 1;
	}
	return min(end, limit);
}

/**
 * interval_tree_double_span_iter_update() - compute the span at next_index
 * @iter: the iterator
 */
void interval_tree_double_span_iter_update(struct interval_tree_double_span_iter *iter)
{
	unsigned long pos = iter->next_index;
	unsigned long last = iter->last_index;
	struct interval_tree_node *first;
	struct interval_tree_node *second;
	unsigned long limit = last;

	first = interval_tree_iter_first(iter->itrees[0], pos, last);
	if (first && first->start <= pos) {
		iter->is_used = 1;
		iter->start_used = pos;
		iter->last_used = dspan_covered_until(iter->itrees[0], pos,
						      last);
		return;
	}

	/* The second tree only counts up to where the first resumes. */
	if (first)
		limit = first->start - 1;
	second = interval_tree_iter_first(iter->itrees[1], pos, limit);
	if (second && second->start <= pos) {
		iter->is_used = 2;
		iter->start_used = pos;
		iter->last_used = dspan_covered_until(iter->itrees[1], pos,
						      limit);
		return;
	}

	iter->is_used = 0;
	iter->start_hole = pos;
	iter->last_hole = second ? second->start - 1 : limit;
}

/**
 * interval_tree_double_span_iter_first() - start a two-tree span walk
 * @iter: the iterator
 * @itree1: the tree that has priority
 * @itree2: the other tree
 * @first_index: first index of the walk
 * @last_index: last index of the walk
 */
void interval_tree_double_span_iter_first(struct interval_tree_double_span_iter *iter,
					  struct rb_root_cached *itree1,
					  struct rb_root_cached *itree2,
					  unsigned long first_index,
					  unsigned long last_index)
{
	iter->itrees[0] = itree1;
	iter->itrees[1] = itree2;
	iter->next_index = first_index;
	iter->last_index = last_index;
	if (first_index > last_index) {
		iter->is_used = -1;
		return;
	}
	interval_tree_double_span_iter_update(iter);
}

/**
 * interval_tree_double_span_iter_next() - step to the next span
 * @iter: the iterator
 */
void interval_tree_double_span_iter_next(struct interval_tree_double_span_iter *iter)
{
	unsigned long end;

	if (iter->is_used == -1)
		return;
	/* last_hole and last_used share storage */
	end = iter->last_hole;
	if (end >= iter->last_index) {
		iter->is_used = -1;
		return;
	}
	iter->next_index = end + 1;
	interval_tree_double_span_iter_update(iter);
}

/* ---------------------------------------------------------------------- */
/* Pinning and unpinning */

/*
 * A scratch array for pin_user_pages(). Its size is capped by the
 * temporary memory limit (tests make it tiny to exercise batching).
 */
static struct page **iopt_temp_page_array(size_t *npages)
{
	size_t bytes;

	if (iommufd_should_fail())
		return NULL;

	bytes = min_t(size_t, *npages * sizeof(struct page *),
		      TEMP_MEMORY_LIMIT);
	bytes = max(bytes, sizeof(struct page *));
	*npages = bytes / sizeof(struct page *);
	return kmalloc_array(*npages, sizeof(struct page *), GFP_KERNEL);
}

static void iopt_pages_add_npinned(struct iopt_pages *pages, size_t npages)
{
	bool overflow;

	overflow = check_add_overflow(pages->npinned, npages, &pages->npinned);
	if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
		WARN_ON(overflow || pages->npinned > pages->npages);
}

static void iopt_pages_sub_npinned(struct iopt_pages *pages, size_t npages)
{
	bool overflow;

	overflow = check_sub_overflow(pages->npinned, npages, &pages->npinned);
	if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
		WARN_ON(overflow || pages->npinned > pages->npages);
}

static unsigned long iopt_pages_pfn(struct iopt_pages *pages,
				    unsigned long index)
{
	void *entry = xa_load(&pages->pinned_pfns, index);

	WARN_ON(!xa_is_value(entry));
	return xa_to_value(entry);
}

/*
 * Record the PFNs of freshly pinned pages. On failure the pages that were
 * not recorded are unpinned again.
 *
 * Return: the number of pages recorded, or a negative errno.
 */
static long iopt_pages_store_pfns(struct iopt_pages *pages,
				  unsigned long index, struct page **upages,
				  unsigned long npages)
{
	unsigned long i;
	int rc = 0;

	for (i = 0; i != npages; i++) {
		void *old;

		/* The xarray's own allocation failures are rare; add one. */
		if (i == npages / 2 && iommufd_should_fail()) {
			rc = -ENOMEM;
			break;
		}
		old = xa_store(&pages->pinned_pfns, index + i,
			       xa_mk_value(page_to_pfn(upages[i])),
			       GFP_KERNEL_ACCOUNT);
		if (xa_is_err(old)) {
			rc = xa_err(old);
			break;
		}
		WARN_ON(old);
	}
	if (!rc)
		return npages;

	unpin_user_pages(upages + i, npages - i);
	iopt_pages_sub_npinned(pages, npages - i);
	return i ? (long)i : rc;
}

/*
 * Pin [start, last], none of which may be pinned yet, and record the PFNs,
 * batch by batch through upages. *next is advanced past what was pinned;
 * on failure the caller unpins [start, *next - 1].
 */
static int iopt_pages_pin_batches(struct iopt_pages *pages, bool remote,
				  unsigned long start, unsigned long last,
				  struct page **upages, size_t batch,
				  unsigned long *next)
{
	unsigned int gup_flags = FOLL_LONGTERM;
	unsigned long cur = start;
	long rc = 0;

	if (pages->writable)
		gup_flags |= FOLL_WRITE;

	while (cur <= last) {
		unsigned long uaddr = (uintptr_t)pages->uptr + cur * PAGE_SIZE;
		unsigned long n = min_t(unsigned long, last - cur + 1, batch);
		long stored;

		if (iommufd_should_fail()) {
			rc = -EFAULT;
			break;
		}
		if (remote)
			rc = pin_user_pages_remote(pages->source_mm, uaddr, n,
						   gup_flags, upages, NULL);
		else
			rc = pin_user_pages_fast(uaddr, n, gup_flags, upages);
		if (rc <= 0) {
			if (WARN_ON(!rc))
				rc = -EFAULT;
			break;
		}
		iopt_pages_add_npinned(pages, rc);

		stored = iopt_pages_store_pfns(pages, cur, upages, rc);
		if (stored < 0) {
			rc = stored;
			break;
		}
		cur += stored;
		if (stored != rc) {
			rc = -ENOMEM;
			break;
		}
		rc = 0;
	}
	*next = cur;
	return rc;
}

/*
 * Pin [start, last] from the memory's own mm, which may belong to another
 * process than the caller's; a dead mm has nothing left to pin.
 */
static int iopt_pages_pin_range(struct iopt_pages *pages, unsigned long start,
				unsigned long last, unsigned long *next)
{
	size_t batch = last - start + 1;
	struct page **upages;
	int rc;

	*next = start;
	upages = iopt_temp_page_array(&batch);
	if (!upages)
		return -ENOMEM;

	if (pages->source_mm == current->mm) {
		rc = iopt_pages_pin_batches(pages, false, start, last, upages,
					    batch, next);
	} else if (mmget_not_zero(pages->source_mm)) {
		mmap_read_lock(pages->source_mm);
		rc = iopt_pages_pin_batches(pages, true, start, last, upages,
					    batch, next);
		mmap_read_unlock(pages->source_mm);
		mmput(pages->source_mm);
	} else {
		rc = -EFAULT;
	}
	kfree(upages);
	return rc;
}

/*
 * Unpin every recorded page of [start, last] that no holder covers. The
 * memory accounting is not touched.
 */
static void __iopt_pages_unpin_holes(struct iopt_pages *pages,
				     unsigned long start, unsigned long last)
{
	struct interval_tree_double_span_iter span;

	lockdep_assert_held(&pages->mutex);

	interval_tree_for_each_double_span(&span, &pages->access_itree,
					   &pages->domains_itree, start, last) {
		unsigned long index;

		if (span.is_used)
			continue;
		for (index = span.start_hole;; index++) {
			void *entry = xa_erase(&pages->pinned_pfns, index);

			if (entry) {
				struct page *page;

				page = pfn_to_page(xa_to_value(entry));
				unpin_user_page_range_dirty_lock(page, 1,
								 pages->writable);
				iopt_pages_sub_npinned(pages, 1);
			}
			if (index == span.last_hole)
				break;
		}
	}
}

/*
 * Pin every index of [start, last] that no holder covers. On failure
 * nothing stays pinned. The memory accounting is not touched.
 */
static int __iopt_pages_pin_holes(struct iopt_pages *pages,
				  unsigned long start, unsigned long last)
{
	struct interval_tree_double_span_iter span;
	unsigned long next = start;
	int rc;

	lockdep_assert_held(&pages->mutex);

	interval_tree_for_each_double_span(&span, &pages->access_itree,
					   &pages->domains_itree, start, last) {
		if (span.is_used)
			continue;
		rc = iopt_pages_pin_range(pages, span.start_hole,
					  span.last_hole, &next);
		if (rc) {
			if (next != start)
				__iopt_pages_unpin_holes(pages, start,
							 next - 1);
			return rc;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Accounting of pinned memory */

static int iopt_pages_charge_user(struct iopt_pages *pages,
				  unsigned long npages)
{
	unsigned long limit;
	unsigned long cur;
	unsigned long new;

	limit = task_rlimit(pages->source_task, RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	cur = atomic_long_read(&pages->source_user->locked_vm);
	do {
		if (check_add_overflow(cur, npages, &new) || new > limit)
			return -ENOMEM;
	} while (!atomic_long_try_cmpxchg(&pages->source_user->locked_vm, &cur,
					  new));
	return 0;
}

static void iopt_pages_uncharge_user(struct iopt_pages *pages,
				     unsigned long npages)
{
	if (WARN_ON(atomic_long_read(&pages->source_user->locked_vm) <
		    (long)npages))
		return;
	atomic_long_sub(npages, &pages->source_user->locked_vm);
}

/* The VFIO way: charge the locked_vm of the mm the memory belongs to */
static int iopt_pages_charge_mm(struct iopt_pages *pages, unsigned long npages,
				bool inc)
{
	bool put = false;
	int rc;

	if (inc && pages->source_mm != current->mm) {
		if (!mmget_not_zero(pages->source_mm))
			return -EINVAL;
		put = true;
	}

	mmap_write_lock(pages->source_mm);
	rc = __account_locked_vm(pages->source_mm, npages, inc,
				 pages->source_task, false);
	mmap_write_unlock(pages->source_mm);

	if (put)
		mmput(pages->source_mm);
	return rc;
}

/*
 * Bring the charge in line with the number of pages pinned. Growth can
 * fail against RLIMIT_MEMLOCK; shrinking cannot.
 */
static int iopt_pages_update_pinned(struct iopt_pages *pages)
{
	unsigned long npages;
	bool inc;
	int rc = 0;

	lockdep_assert_held(&pages->mutex);

	if (pages->npinned == pages->last_npinned)
		return 0;

	inc = pages->npinned > pages->last_npinned;
	if (inc) {
		if (iommufd_should_fail())
			return -ENOMEM;
		npages = pages->npinned - pages->last_npinned;
	} else {
		npages = pages->last_npinned - pages->npinned;
	}

	switch (pages->account_mode) {
	case IOPT_PAGES_ACCOUNT_NONE:
		break;
	case IOPT_PAGES_ACCOUNT_USER:
		if (inc)
			rc = iopt_pages_charge_user(pages, npages);
		else
			iopt_pages_uncharge_user(pages, npages);
		break;
	case IOPT_PAGES_ACCOUNT_MM:
		rc = iopt_pages_charge_mm(pages, npages, inc);
		break;
	}
	if (rc)
		return rc;

	pages->last_npinned = pages->npinned;
	if (inc)
		atomic64_add(npages, &pages->source_mm->pinned_vm);
	else
		atomic64_sub(npages, &pages->source_mm->pinned_vm);
	return 0;
}

/* Pin and charge the uncovered indexes of [start, last]; all or nothing */
static int iopt_pages_pin_holes(struct iopt_pages *pages, unsigned long start,
				unsigned long last)
{
	int rc;

	rc = __iopt_pages_pin_holes(pages, start, last);
	if (rc)
		return rc;
	rc = iopt_pages_update_pinned(pages);
	if (rc)
		__iopt_pages_unpin_holes(pages, start, last);
	return rc;
}

/* Unpin and uncharge the uncovered indexes of [start, last] */
static void iopt_pages_unpin_holes(struct iopt_pages *pages,
				   unsigned long start, unsigned long last)
{
	__iopt_pages_unpin_holes(pages, start, last);
	WARN_ON(pages->npinned > pages->last_npinned);
	iopt_pages_update_pinned(pages);
}

/* ---------------------------------------------------------------------- */
/* Creation and release */

/**
 * iopt_alloc_pages() - describe a range of the current task's memory
 * @uptr: user address (any alignment)
 * @length: number of bytes
 * @writable: the memory will be pinned for writing
 *
 * Nothing is pinned yet.
 *
 * Return: the pages with one reference, or an ERR_PTR.
 */
struct iopt_pages *iopt_alloc_pages(void __user *uptr, unsigned long length,
				    bool writable)
{
	struct iopt_pages *pages;
	unsigned long end;

	/* Lengths are size_t in the IOMMU API; keep DIV_ROUND_UP safe. */
	if (length > SIZE_MAX - PAGE_SIZE || length == 0)
		return ERR_PTR(-EINVAL);
	if (check_add_overflow((unsigned long)uptr, length, &end))
		return ERR_PTR(-EOVERFLOW);

	pages = kzalloc(sizeof(*pages), GFP_KERNEL_ACCOUNT);
	if (!pages)
		return ERR_PTR(-ENOMEM);

	kref_init(&pages->kref);
	xa_init_flags(&pages->pinned_pfns, XA_FLAGS_ACCOUNT);
	mutex_init(&pages->mutex);
	pages->source_mm = current->mm;
	mmgrab(pages->source_mm);
	pages->uptr = (void __user *)ALIGN_DOWN((uintptr_t)uptr, PAGE_SIZE);
	pages->npages = DIV_ROUND_UP(length + (uptr - pages->uptr), PAGE_SIZE);
	pages->access_itree = RB_ROOT_CACHED;
	pages->domains_itree = RB_ROOT_CACHED;
	pages->writable = writable;
	if (capable(CAP_IPC_LOCK))
		pages->account_mode = IOPT_PAGES_ACCOUNT_NONE;
	else
		pages->account_mode = IOPT_PAGES_ACCOUNT_USER;
	pages->source_task = get_task_struct(current);
	pages->source_user = get_uid(current_user());
	return pages;
}

/**
 * iopt_release_pages() - kref release of an iopt_pages
 * @kref: the kref inside the pages
 */
void iopt_release_pages(struct kref *kref)
{
	struct iopt_pages *pages = container_of(kref, struct iopt_pages, kref);

	WARN_ON(!RB_EMPTY_ROOT(&pages->access_itree.rb_root));
	WARN_ON(!RB_EMPTY_ROOT(&pages->domains_itree.rb_root));
	WARN_ON(pages->npinned);
	WARN_ON(!xa_empty(&pages->pinned_pfns));
	mmdrop(pages->source_mm);
	mutex_destroy(&pages->mutex);
	put_task_struct(pages->source_task);
	free_uid(pages->source_user);
	kfree(pages);
}

/* ---------------------------------------------------------------------- */
/* Domains */

static void iopt_unmap_nofail(struct iommu_domain *domain, unsigned long iova,
			      size_t size)
{
	size_t unmapped;

	/*
	 * Unmap may only fail on bad arguments, which would be a bug here:
	 * a driver must not allocate memory to unmap.
	 */
	unmapped = iommu_unmap(domain, iova, size);
	WARN_ON(unmapped != size);
}

/*
 * Map the whole area into domain from the recorded PFNs, one iommu_map()
 * per physically contiguous run (per page with large pages disabled). On
 * failure the domain is left as it was.
 */
static int iopt_area_map_domain(struct iopt_area *area,
				struct iopt_pages *pages,
				struct iommu_domain *domain)
{
	bool per_page = area->iopt->disable_large_pages;
	unsigned long last_index = iopt_area_last_index(area);
	unsigned long last_iova = iopt_area_last_iova(area);
	unsigned long start_iova = iopt_area_iova(area);
	unsigned long index = iopt_area_index(area);
	unsigned int offset = area->page_offset;
	unsigned long iova = start_iova;
	int rc;

	while (index <= last_index) {
		unsigned long pfn = iopt_pages_pfn(pages, index);
		unsigned long run = 1;
		unsigned long size;

		if (!per_page)
			while (index + run <= last_index &&
			       iopt_pages_pfn(pages, index + run) == pfn + run)
				run++;

		size = run * PAGE_SIZE - offset;
		if (size - 1 > last_iova - iova)
			size = last_iova - iova + 1;

		rc = iommu_map(domain, iova, PFN_PHYS(pfn) + offset, size,
			       area->iommu_prot, GFP_KERNEL_ACCOUNT);
		if (rc)
			goto err_unmap;
		iova += size;
		index += run;
		offset = 0;
	}
	return 0;

err_unmap:
	if (iova != start_iova)
		iopt_unmap_nofail(domain, start_iova, iova - start_iova);
	return rc;
}

/**
 * iopt_area_unmap_domain() - unmap an area from a domain, keeping the pins
 * @area: the area
 * @domain: the domain
 *
 * For when other holders keep the pages pinned.
 */
void iopt_area_unmap_domain(struct iopt_area *area, struct iommu_domain *domain)
{
	iopt_unmap_nofail(domain, iopt_area_iova(area), iopt_area_length(area));
}

/**
 * iopt_area_unfill_domain() - unmap an area from a domain and drop pins
 * @area: the area
 * @pages: the area's pages
 * @domain: the domain
 *
 * The area must already be out of pages->domains_itree. Pages still held
 * by accesses or by other areas stay pinned.
 */
void iopt_area_unfill_domain(struct iopt_area *area, struct iopt_pages *pages,
			     struct iommu_domain *domain)
{
	lockdep_assert_held(&pages->mutex);

	iopt_area_unmap_domain(area, domain);
	iopt_pages_unpin_holes(pages, iopt_area_index(area),
			       iopt_area_last_index(area));
}

/**
 * iopt_area_fill_domain() - map an area into one more domain
 * @area: a published area
 * @domain: the new domain
 *
 * Pins what is not pinned yet. The caller links the area into
 * pages->domains_itree if it was not there.
 *
 * Return: 0 or an errno, with the domain and the pins unchanged.
 */
int iopt_area_fill_domain(struct iopt_area *area, struct iommu_domain *domain)
{
	struct iopt_pages *pages = area->pages;
	unsigned long start = iopt_area_index(area);
	unsigned long last = iopt_area_last_index(area);
	int rc;

	lockdep_assert_held(&pages->mutex);

	if (area->storage_domain)
		return iopt_area_map_domain(area, pages, domain);

	rc = iopt_pages_pin_holes(pages, start, last);
	if (rc)
		return rc;
	rc = iopt_area_map_domain(area, pages, domain);
	if (rc)
		iopt_pages_unpin_holes(pages, start, last);
	return rc;
}

/**
 * iopt_area_fill_domains() - map a new area into every domain of its table
 * @area: the area being created (area->pages is still NULL)
 * @pages: its pages
 *
 * On success the area is linked into pages->domains_itree.
 *
 * Return: 0 or an errno, with every domain and the pins unchanged.
 */
int iopt_area_fill_domains(struct iopt_area *area, struct iopt_pages *pages)
{
	struct io_pagetable *iopt = area->iopt;
	unsigned long start = iopt_area_index(area);
	unsigned long last = iopt_area_last_index(area);
	struct iommu_domain *domain;
	unsigned long failed;
	unsigned long index;
	int rc = 0;

	lockdep_assert_held(&iopt->domains_rwsem);

	if (xa_empty(&iopt->domains))
		return 0;

	mutex_lock(&pages->mutex);
	rc = iopt_pages_pin_holes(pages, start, last);
	if (rc)
		goto out_unlock;

	xa_for_each(&iopt->domains, index, domain) {
		rc = iopt_area_map_domain(area, pages, domain);
		if (rc)
			goto err_unmap;
	}

	area->storage_domain = xa_load(&iopt->domains, 0);
	interval_tree_insert(&area->pages_node, &pages->domains_itree);
	goto out_unlock;

err_unmap:
	failed = index;
	xa_for_each(&iopt->domains, index, domain) {
		if (index >= failed)
			break;
		iopt_area_unmap_domain(area, domain);
	}
	iopt_pages_unpin_holes(pages, start, last);
out_unlock:
	mutex_unlock(&pages->mutex);
	return rc;
}

/**
 * iopt_area_unfill_domains() - unmap an area from every domain
 * @area: the area being destroyed (area->pages is already NULL)
 * @pages: its pages
 *
 * Drops the pins nothing else needs.
 */
void iopt_area_unfill_domains(struct iopt_area *area, struct iopt_pages *pages)
{
	struct io_pagetable *iopt = area->iopt;
	struct iommu_domain *domain;
	unsigned long index;

	lockdep_assert_held(&iopt->domains_rwsem);

	mutex_lock(&pages->mutex);
	if (!area->storage_domain)
		goto out_unlock;

	xa_for_each(&iopt->domains, index, domain)
		iopt_area_unmap_domain(area, domain);

	if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
		WARN_ON(RB_EMPTY_NODE(&area->pages_node.rb));
	interval_tree_remove(&area->pages_node, &pages->domains_itree);
	area->storage_domain = NULL;
	iopt_pages_unpin_holes(pages, iopt_area_index(area),
			       iopt_area_last_index(area));
out_unlock:
	mutex_unlock(&pages->mutex);
}

/* ---------------------------------------------------------------------- */
/* In-kernel accesses */

/**
 * iopt_pages_fill_from_xarray() - read pinned pages
 * @pages: the pages
 * @start: first index
 * @last: last index; every index in between must be pinned
 * @out_pages: output array
 */
void iopt_pages_fill_from_xarray(struct iopt_pages *pages, unsigned long start,
				 unsigned long last, struct page **out_pages)
{
	unsigned long index;

	for (index = start; index <= last; index++)
		*out_pages++ = pfn_to_page(iopt_pages_pfn(pages, index));
}

/**
 * iopt_pages_fill_xarray() - make sure a range is pinned and read it
 * @pages: the pages; mutex held
 * @start: first index
 * @last: last index
 * @out_pages: output array, or NULL
 *
 * The caller must cover the range with a holder right after success, or
 * call iopt_pages_unfill_xarray().
 *
 * Return: 0 or an errno; on error nothing new stays pinned.
 */
int iopt_pages_fill_xarray(struct iopt_pages *pages, unsigned long start,
			   unsigned long last, struct page **out_pages)
{
	int rc;

	lockdep_assert_held(&pages->mutex);

	rc = iopt_pages_pin_holes(pages, start, last);
	if (rc)
		return rc;
	if (out_pages)
		iopt_pages_fill_from_xarray(pages, start, last, out_pages);
	return 0;
}

/**
 * iopt_pages_unfill_xarray() - drop pins after a holder went away
 * @pages: the pages; mutex held
 * @start: first index
 * @last: last index
 */
void iopt_pages_unfill_xarray(struct iopt_pages *pages, unsigned long start,
			      unsigned long last)
{
	lockdep_assert_held(&pages->mutex);
	iopt_pages_unpin_holes(pages, start, last);
}

static struct iopt_pages_access *
iopt_pages_get_exact_access(struct iopt_pages *pages, unsigned long start,
			    unsigned long last)
{
	struct interval_tree_node *node;

	lockdep_assert_held(&pages->mutex);

	/* Access ranges can overlap; only an identical one is shared. */
	for (node = interval_tree_iter_first(&pages->access_itree, start, last);
	     node; node = interval_tree_iter_next(node, start, last))
		if (node->start == start && node->last == last)
			return container_of(node, struct iopt_pages_access,
					    node);
	return NULL;
}

/**
 * iopt_area_add_access() - pin pages of an area for an in-kernel access
 * @area: the area
 * @start: first page index
 * @last: last page index
 * @out_pages: output array of the pages
 * @flags: IOMMUFD_ACCESS_RW_* flags
 *
 * Undo with iopt_area_remove_access() on the same range.
 *
 * Return: 0, -EPERM to write read-only memory, or another errno.
 */
int iopt_area_add_access(struct iopt_area *area, unsigned long start,
			 unsigned long last, struct page **out_pages,
			 unsigned int flags)
{
	struct iopt_pages *pages = area->pages;
	struct iopt_pages_access *access;
	int rc;

	if ((flags & IOMMUFD_ACCESS_RW_WRITE) && !pages->writable)
		return -EPERM;

	mutex_lock(&pages->mutex);
	access = iopt_pages_get_exact_access(pages, start, last);
	if (access) {
		area->num_accesses++;
		access->users++;
		iopt_pages_fill_from_xarray(pages, start, last, out_pages);
		mutex_unlock(&pages->mutex);
		return 0;
	}

	access = kzalloc(sizeof(*access), GFP_KERNEL_ACCOUNT);
	if (!access) {
		rc = -ENOMEM;
		goto err_unlock;
	}

	rc = iopt_pages_fill_xarray(pages, start, last, out_pages);
	if (rc)
		goto err_free;

	access->node.start = start;
	access->node.last = last;
	access->users = 1;
	area->num_accesses++;
	interval_tree_insert(&access->node, &pages->access_itree);
	mutex_unlock(&pages->mutex);
	return 0;

err_free:
	kfree(access);
err_unlock:
	mutex_unlock(&pages->mutex);
	return rc;
}

/**
 * iopt_area_remove_access() - release pins of an in-kernel access
 * @area: the area
 * @start: first page index
 * @last: last page index
 *
 * The caller must no longer use the pages.
 */
void iopt_area_remove_access(struct iopt_area *area, unsigned long start,
			     unsigned long last)
{
	struct iopt_pages *pages = area->pages;
	struct iopt_pages_access *access;

	mutex_lock(&pages->mutex);
	access = iopt_pages_get_exact_access(pages, start, last);
	if (WARN_ON(!access))
		goto out_unlock;

	WARN_ON(area->num_accesses == 0 || access->users == 0);
	area->num_accesses--;
	access->users--;
	if (access->users)
		goto out_unlock;

	interval_tree_remove(&access->node, &pages->access_itree);
	iopt_pages_unfill_xarray(pages, start, last);
	kfree(access);
out_unlock:
	mutex_unlock(&pages->mutex);
}

static void iopt_copy_page(struct page *page, void *data, unsigned long offset,
			   size_t length, unsigned int flags)
{
	void *mem = kmap_local_page(page);

	if (flags & IOMMUFD_ACCESS_RW_WRITE) {
		memcpy(mem + offset, data, length);
		set_page_dirty_lock(page);
	} else {
		memcpy(data, mem + offset, length);
	}
	kunmap_local(mem);
}

/*
 * Copy through the pinned pages, pinning what is not pinned yet for the
 * duration of the copy. Works whatever state the source mm is in, as long
 * as the range is held or the mm is alive.
 */
static int iopt_pages_rw_slow(struct iopt_pages *pages,
			      unsigned long start_index,
			      unsigned long last_index, unsigned long offset,
			      void *data, unsigned long length,
			      unsigned int flags)
{
	unsigned long index;
	int rc;

	mutex_lock(&pages->mutex);
	rc = __iopt_pages_pin_holes(pages, start_index, last_index);
	if (rc)
		goto out_unlock;

	for (index = start_index; index <= last_index && length; index++) {
		unsigned long bytes = min(length, PAGE_SIZE - offset);

		iopt_copy_page(pfn_to_page(iopt_pages_pfn(pages, index)), data,
			       offset, bytes, flags);
		data += bytes;
		length -= bytes;
		offset = 0;
	}
	if (WARN_ON(length))
		rc = -EINVAL;

	/* The temporary pins were never charged. */
	__iopt_pages_unpin_holes(pages, start_index, last_index);
out_unlock:
	mutex_unlock(&pages->mutex);
	return rc;
}

/* One page through a short-lived pin of the source mm */
static int iopt_pages_rw_page(struct iopt_pages *pages, unsigned long index,
			      unsigned long offset, void *data,
			      unsigned long length, unsigned int flags)
{
	struct page *page = NULL;
	long rc;

	if (!mmget_not_zero(pages->source_mm))
		return iopt_pages_rw_slow(pages, index, index, offset, data,
					  length, flags);

	if (iommufd_should_fail()) {
		rc = -EINVAL;
		goto out_mmput;
	}

	mmap_read_lock(pages->source_mm);
	rc = pin_user_pages_remote(pages->source_mm,
				   (uintptr_t)pages->uptr + index * PAGE_SIZE,
				   1,
				   (flags & IOMMUFD_ACCESS_RW_WRITE) ?
					   FOLL_WRITE : 0,
				   &page, NULL);
	mmap_read_unlock(pages->source_mm);
	if (rc != 1) {
		if (WARN_ON(rc >= 0))
			rc = -EINVAL;
		goto out_mmput;
	}
	iopt_copy_page(page, data, offset, length, flags);
	unpin_user_page(page);
	rc = 0;

out_mmput:
	mmput(pages->source_mm);
	return rc;
}

/**
 * iopt_pages_rw_access() - copy to or from a range of the pages
 * @pages: the pages
 * @start_byte: offset into the pages of the first byte
 * @data: kernel buffer
 * @length: number of bytes
 * @flags: IOMMUFD_ACCESS_RW_* flags
 *
 * From the task that owns the memory this is a plain user copy; from
 * elsewhere the pages are pinned and copied through the kernel mapping.
 *
 * Return: 0, -EPERM to write read-only memory, -EFAULT, or another errno.
 */
int iopt_pages_rw_access(struct iopt_pages *pages, unsigned long start_byte,
			 void *data, unsigned long length, unsigned int flags)
{
	unsigned long start_index = start_byte / PAGE_SIZE;
	unsigned long last_index = (start_byte + length - 1) / PAGE_SIZE;
	unsigned long offset = start_byte % PAGE_SIZE;
	bool change_mm = current->mm != pages->source_mm;
	int rc = 0;

	if (IS_ENABLED(CONFIG_IOMMUFD_TEST) &&
	    (flags & __IOMMUFD_ACCESS_RW_SLOW_PATH))
		change_mm = true;

	if ((flags & IOMMUFD_ACCESS_RW_WRITE) && !pages->writable)
		return -EPERM;

	if (!(flags & IOMMUFD_ACCESS_RW_KTHREAD) && change_mm) {
		if (start_index == last_index)
			return iopt_pages_rw_page(pages, start_index, offset,
						  data, length, flags);
		return iopt_pages_rw_slow(pages, start_index, last_index,
					  offset, data, length, flags);
	}

	if (change_mm) {
		if (!mmget_not_zero(pages->source_mm))
			return iopt_pages_rw_slow(pages, start_index,
						  last_index, offset, data,
						  length, flags);
		kthread_use_mm(pages->source_mm);
	}

	if (flags & IOMMUFD_ACCESS_RW_WRITE) {
		if (copy_to_user(pages->uptr + start_byte, data, length))
			rc = -EFAULT;
	} else {
		if (copy_from_user(data, pages->uptr + start_byte, length))
			rc = -EFAULT;
	}

	if (change_mm) {
		kthread_unuse_mm(pages->source_mm);
		mmput(pages->source_mm);
	}
	return rc;
}
