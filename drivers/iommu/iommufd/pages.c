// SPDX-License-Identifier: GPL-2.0
/*
 * Pinning the user memory behind io_pagetable areas.
 *
 * A struct iopt_pages describes a page-aligned stretch of some process's
 * memory; pages inside it are numbered from 0. Two kinds of holders need
 * pages of it pinned:
 *
 *  - areas whose table has domains: the area's pages_node sits in
 *    domains_itree while those domains map it;
 *  - in-kernel accesses: an iopt_pages_access node sits in access_itree.
 *
 * The design rests on one invariant: a page index is pinned exactly once
 * while any node of either tree covers it, and then the pinned_pfns
 * xarray holds its PFN. A holder arrives by pinning the indexes of its
 * range that no other holder covers yet ("holes") and then inserting its
 * node; it leaves by removing its node and unpinning whatever became a
 * hole. Because the xarray knows every pinned PFN, filling a domain or
 * serving an access never reads PFNs back out of another domain, and
 * nothing on the teardown path needs to allocate.
 *
 * Memory is pinned, and charged to RLIMIT_MEMLOCK, only when a holder
 * appears: an IOAS without domains or accesses pins nothing at all.
 *
 * Domains get one iommu_map() call per physically contiguous run of PFNs,
 * which lets drivers use large IOPTEs. Areas leave a domain as a whole,
 * so no unmap ever cuts through such a run.
 *
 * Index ranges below are inclusive: "last" is the final index.
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

#include "io_pagetable.h"
#include "double_span.h"

/* Bytes the scratch array of a pinning batch may take */
#if IS_ENABLED(CONFIG_IOMMUFD_TEST)
#define PIN_BATCH_BYTES	iommufd_test_memory_limit
#else
#define PIN_BATCH_BYTES	(64 * 1024)
#endif

/* ---------------------------------------------------------------------- */
/* Walking two interval trees at once (see double_span.h) */

/*
 * @from is covered by a node of @root. Follow the chain of nodes that
 * overlap or touch each other from there and return the last index it
 * covers, but no more than @limit.
 */
static unsigned long dspan_run_end(struct rb_root_cached *root,
				   unsigned long from, unsigned long limit)
{
	unsigned long probe = from;
	unsigned long end = from;
	struct interval_tree_node *n;

	while ((n = interval_tree_iter_first(root, probe, probe))) {
		for (; n; n = interval_tree_iter_next(n, probe, probe))
			end = max(end, n->last);
		if (end >= limit)
			return limit;
		probe = end + 1;
	}
	return min(end, limit);
}

/*
 * If a node of @root covers @pos, make the current span a used one that
 * lasts as long as @root keeps covering (up to @limit), tagged @which.
 * Return the first node of @root in [pos, limit] otherwise, NULL if none.
 */
static struct interval_tree_node *
dspan_try_used(struct interval_tree_double_span_iter *iter, int which,
	       unsigned long pos, unsigned long limit, bool *used)
{
	struct rb_root_cached *root = iter->itrees[which - 1];
	struct interval_tree_node *n;

	n = interval_tree_iter_first(root, pos, limit);
	*used = n && n->start <= pos;
	if (*used) {
		iter->is_used = which;
		iter->start_used = pos;
		iter->last_used = dspan_run_end(root, pos, limit);
	}
	return n;
}

/* Work out the span that starts at iter->next_index */
static void dspan_settle(struct interval_tree_double_span_iter *iter)
{
	unsigned long pos = iter->next_index;
	unsigned long limit = iter->last_index;
	struct interval_tree_node *ahead;
	bool used;

	ahead = dspan_try_used(iter, 1, pos, limit, &used);
	if (used)
		return;
	/* The second tree counts only up to where the first one resumes. */
	if (ahead)
		limit = ahead->start - 1;

	ahead = dspan_try_used(iter, 2, pos, limit, &used);
	if (used)
		return;

	iter->is_used = 0;
	iter->start_hole = pos;
	iter->last_hole = ahead ? ahead->start - 1 : limit;
}

/**
 * dspan_iter_first() - begin a walk over the spans of two trees
 * @iter: the iterator
 * @itree1: the tree that wins where both cover an index
 * @itree2: the other tree
 * @first_index: the first index to walk
 * @last_index: the last index to walk
 */
void dspan_iter_first(struct interval_tree_double_span_iter *iter,
		      struct rb_root_cached *itree1,
		      struct rb_root_cached *itree2,
		      unsigned long first_index, unsigned long last_index)
{
	*iter = (struct interval_tree_double_span_iter){
		.itrees = { itree1, itree2 },
		.next_index = first_index,
		.last_index = last_index,
		.is_used = -1,
	};
	if (first_index <= last_index)
		dspan_settle(iter);
}

/**
 * dspan_iter_next() - move to the span after the current one
 * @iter: the iterator
 */
void dspan_iter_next(struct interval_tree_double_span_iter *iter)
{
	/* last_hole and last_used are the same storage. */
	unsigned long cur_last = iter->last_hole;

	if (iter->is_used == -1)
		return;
	if (cur_last >= iter->last_index) {
		iter->is_used = -1;
		return;
	}
	iter->next_index = cur_last + 1;
	dspan_settle(iter);
}

/* ---------------------------------------------------------------------- */
/* Pin bookkeeping */

/* Adjust the count of pinned pages by @n, up or down */
static void mem_count_pins(struct iopt_pages *mem, size_t n, bool more)
{
	bool wrapped;

	if (more)
		wrapped = check_add_overflow(mem->npinned, n, &mem->npinned);
	else
		wrapped = check_sub_overflow(mem->npinned, n, &mem->npinned);
	if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
		WARN_ON(wrapped || mem->npinned > mem->npages);
}

/* The recorded PFN of a pinned index */
static unsigned long mem_pfn(struct iopt_pages *mem, unsigned long index)
{
	void *slot = xa_load(&mem->pinned_pfns, index);

	WARN_ON(!xa_is_value(slot));
	return xa_to_value(slot);
}

/*
 * A scratch array for one pinning batch. *count is how many pointers are
 * wanted on entry, and how many the array holds on return; the array is
 * kept within PIN_BATCH_BYTES, but always has room for one.
 */
static struct page **pin_batch_alloc(size_t *count)
{
	size_t most = max_t(size_t, PIN_BATCH_BYTES / sizeof(struct page *), 1);

	if (iommufd_should_fail())
		return NULL;
	*count = min(*count, most);
	return kmalloc_array(*count, sizeof(struct page *), GFP_KERNEL);
}

/*
 * Record the PFNs of @n freshly pinned pages, for indexes @first onwards.
 * Pages that could not be recorded are unpinned again.
 *
 * Return: how many were recorded if that is at least one, else an errno.
 */
static long mem_record_pfns(struct iopt_pages *mem, unsigned long first,
			    struct page **batch, unsigned long n)
{
	unsigned long done;
	int ret = 0;

	for (done = 0; done < n; done++) {
		void *prev;

		/* Xarray allocation failures are rare; make one happen. */
		if (done == n / 2 && iommufd_should_fail()) {
			ret = -ENOMEM;
			break;
		}
		prev = xa_store(&mem->pinned_pfns, first + done,
				xa_mk_value(page_to_pfn(batch[done])),
				GFP_KERNEL_ACCOUNT);
		if (xa_is_err(prev)) {
			ret = xa_err(prev);
			break;
		}
		WARN_ON(prev);
	}
	if (done == n)
		return n;

	unpin_user_pages(&batch[done], n - done);
	mem_count_pins(mem, n - done, false);
	return done ? (long)done : ret;
}

/*
 * Pin indexes [*cursor, last] batch by batch and record them, advancing
 * *cursor past what is recorded. The caller holds the mmap lock of the
 * source mm when @remote.
 */
static int mem_pin_batches(struct iopt_pages *mem, bool remote,
			   unsigned long last, struct page **batch,
			   size_t batch_len, unsigned long *cursor)
{
	unsigned int gup = FOLL_LONGTERM | (mem->writable ? FOLL_WRITE : 0);

	while (*cursor <= last) {
		unsigned long want = min_t(unsigned long, last - *cursor + 1,
					   batch_len);
		unsigned long uva = (uintptr_t)mem->uptr + *cursor * PAGE_SIZE;
		long got, kept;

		if (iommufd_should_fail())
			return -EFAULT;
		if (remote)
			got = pin_user_pages_remote(mem->source_mm, uva, want,
						    gup, batch, NULL);
		else
			got = pin_user_pages_fast(uva, want, gup, batch);
		if (got < 0)
			return got;
		if (WARN_ON(!got))
			return -EFAULT;

		mem_count_pins(mem, got, true);
		kept = mem_record_pfns(mem, *cursor, batch, got);
		if (kept < 0)
			return kept;
		*cursor += kept;
		if (kept != got)
			return -ENOMEM;
	}
	return 0;
}

/*
 * Pin and record indexes [first, last], none of which is pinned yet.
 * The memory may belong to another process than the caller; if that mm
 * is already gone there is nothing left to pin. On return *cursor is the
 * first index not pinned, and on failure the caller unpins [first,
 * *cursor - 1].
 */
static int mem_pin_span(struct iopt_pages *mem, unsigned long first,
			unsigned long last, unsigned long *cursor)
{
	bool remote = mem->source_mm != current->mm;
	size_t batch_len = last - first + 1;
	struct page **batch;
	int ret;

	*cursor = first;
	batch = pin_batch_alloc(&batch_len);
	if (!batch)
		return -ENOMEM;

	if (!remote) {
		ret = mem_pin_batches(mem, false, last, batch, batch_len,
				      cursor);
	} else if (mmget_not_zero(mem->source_mm)) {
		mmap_read_lock(mem->source_mm);
		ret = mem_pin_batches(mem, true, last, batch, batch_len,
				      cursor);
		mmap_read_unlock(mem->source_mm);
		mmput(mem->source_mm);
	} else {
		ret = -EFAULT;
	}

	kfree(batch);
	return ret;
}

/* Unpin one recorded index, if it is recorded */
static void mem_unpin_index(struct iopt_pages *mem, unsigned long index)
{
	void *slot = xa_erase(&mem->pinned_pfns, index);

	if (!slot)
		return;
	unpin_user_page_range_dirty_lock(pfn_to_page(xa_to_value(slot)), 1,
					 mem->writable);
	mem_count_pins(mem, 1, false);
}

/*
 * Unpin every index of [first, last] that no holder covers. The memory
 * accounting is left alone.
 */
static void mem_unpin_uncovered(struct iopt_pages *mem, unsigned long first,
				unsigned long last)
{
	struct interval_tree_double_span_iter span;

	lockdep_assert_held(&mem->mutex);

	interval_tree_for_each_double_span(&span, &mem->access_itree,
					   &mem->domains_itree, first, last) {
		unsigned long index = span.start_hole;

		if (span.is_used)
			continue;
		do {
			mem_unpin_index(mem, index);
		} while (index++ != span.last_hole);
	}
}

/*
 * Pin every index of [first, last] that no holder covers; all or
 * nothing. The memory accounting is left alone.
 */
static int mem_pin_uncovered(struct iopt_pages *mem, unsigned long first,
			     unsigned long last)
{
	struct interval_tree_double_span_iter span;
	unsigned long cursor = first;
	int ret = 0;

	lockdep_assert_held(&mem->mutex);

	interval_tree_for_each_double_span(&span, &mem->access_itree,
					   &mem->domains_itree, first, last) {
		if (span.is_used)
			continue;
		ret = mem_pin_span(mem, span.start_hole, span.last_hole,
				   &cursor);
		if (ret)
			break;
	}
	/* Everything pinned by this call lies in [first, cursor - 1]. */
	if (ret && cursor != first)
		mem_unpin_uncovered(mem, first, cursor - 1);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* RLIMIT_MEMLOCK accounting */

/* IOPT_PAGES_ACCOUNT_USER: the locked_vm of the user that mapped it */
static int mem_charge_user(struct iopt_pages *mem, unsigned long n)
{
	atomic_long_t *locked = &mem->source_user->locked_vm;
	unsigned long cap, seen, want;

	cap = task_rlimit(mem->source_task, RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	seen = atomic_long_read(locked);
	for (;;) {
		if (check_add_overflow(seen, n, &want) || want > cap)
			return -ENOMEM;
		if (atomic_long_try_cmpxchg(locked, &seen, want))
			return 0;
	}
}

static void mem_refund_user(struct iopt_pages *mem, unsigned long n)
{
	atomic_long_t *locked = &mem->source_user->locked_vm;

	if (!WARN_ON(atomic_long_read(locked) < (long)n))
		atomic_long_sub(n, locked);
}

/*
 * IOPT_PAGES_ACCOUNT_MM, as VFIO does it: the locked_vm of the mm the
 * memory lives in. Charging another process's mm needs it alive.
 */
static int mem_charge_mm(struct iopt_pages *mem, unsigned long n, bool more)
{
	struct mm_struct *mm = mem->source_mm;
	bool foreign = more && mm != current->mm;
	int ret;

	if (foreign && !mmget_not_zero(mm))
		return -EINVAL;

	mmap_write_lock(mm);
	ret = __account_locked_vm(mm, n, more, mem->source_task, false);
	mmap_write_unlock(mm);

	if (foreign)
		mmput(mm);
	return ret;
}

static int mem_charge(struct iopt_pages *mem, unsigned long n, bool more)
{
	switch (mem->account_mode) {
	case IOPT_PAGES_ACCOUNT_USER:
		if (more)
			return mem_charge_user(mem, n);
		mem_refund_user(mem, n);
		return 0;
	case IOPT_PAGES_ACCOUNT_MM:
		return mem_charge_mm(mem, n, more);
	default:
		return 0;
	}
}

/*
 * Make the charged amount (last_npinned) follow the pinned amount
 * (npinned). Growing may hit the limit; shrinking always works.
 */
static int mem_settle_charge(struct iopt_pages *mem)
{
	bool more = mem->npinned > mem->last_npinned;
	unsigned long delta;
	int ret;

	lockdep_assert_held(&mem->mutex);

	if (mem->npinned == mem->last_npinned)
		return 0;
	if (more && iommufd_should_fail())
		return -ENOMEM;

	delta = more ? mem->npinned - mem->last_npinned :
		       mem->last_npinned - mem->npinned;
	ret = mem_charge(mem, delta, more);
	if (ret)
		return ret;

	mem->last_npinned = mem->npinned;
	if (more)
		atomic64_add(delta, &mem->source_mm->pinned_vm);
	else
		atomic64_sub(delta, &mem->source_mm->pinned_vm);
	return 0;
}

/* Pin and charge the uncovered indexes of [first, last]; all or nothing */
static int mem_acquire(struct iopt_pages *mem, unsigned long first,
		       unsigned long last)
{
	int ret = mem_pin_uncovered(mem, first, last);

	if (ret)
		return ret;
	ret = mem_settle_charge(mem);
	if (ret)
		mem_unpin_uncovered(mem, first, last);
	return ret;
}

/* Unpin and refund the uncovered indexes of [first, last] */
static void mem_release(struct iopt_pages *mem, unsigned long first,
			unsigned long last)
{
	mem_unpin_uncovered(mem, first, last);
	WARN_ON(mem->npinned > mem->last_npinned);
	mem_settle_charge(mem);
}

/* ---------------------------------------------------------------------- */
/* Lifetime */

/**
 * iopt_alloc_pages() - describe a range of the calling process's memory
 * @uptr: user address of the first byte (any alignment)
 * @length: number of bytes
 * @writable: the memory will be pinned for writing
 *
 * Nothing is pinned yet. Memory is charged per user unless the caller may
 * lock memory without limits.
 *
 * Return: the new iopt_pages with one reference, or an ERR_PTR.
 */
struct iopt_pages *iopt_alloc_pages(void __user *uptr, unsigned long length,
				    bool writable)
{
	unsigned long first = (uintptr_t)uptr;
	struct iopt_pages *mem;
	unsigned long end;

	/* Leave DIV_ROUND_UP() below room; size_t is the IOMMU API's type. */
	if (!length || length > SIZE_MAX - PAGE_SIZE)
		return ERR_PTR(-EINVAL);
	if (check_add_overflow(first, length, &end))
		return ERR_PTR(-EOVERFLOW);

	mem = kzalloc(sizeof(*mem), GFP_KERNEL_ACCOUNT);
	if (!mem)
		return ERR_PTR(-ENOMEM);

	kref_init(&mem->kref);
	mutex_init(&mem->mutex);
	xa_init_flags(&mem->pinned_pfns, XA_FLAGS_ACCOUNT);
	mem->access_itree = RB_ROOT_CACHED;
	mem->domains_itree = RB_ROOT_CACHED;

	mem->uptr = (void __user *)(first & PAGE_MASK);
	mem->npages = DIV_ROUND_UP(length + offset_in_page(first), PAGE_SIZE);
	mem->writable = writable;
	mem->account_mode = capable(CAP_IPC_LOCK) ? IOPT_PAGES_ACCOUNT_NONE :
						    IOPT_PAGES_ACCOUNT_USER;

	mem->source_task = get_task_struct(current);
	mem->source_user = get_uid(current_user());
	mem->source_mm = current->mm;
	mmgrab(mem->source_mm);
	return mem;
}

/**
 * iopt_release_pages() - free an iopt_pages when its last reference goes
 * @kref: the kref embedded in it
 */
void iopt_release_pages(struct kref *kref)
{
	struct iopt_pages *mem = container_of(kref, struct iopt_pages, kref);

	/* Every holder is gone, so nothing may be pinned any more. */
	WARN_ON(mem->npinned);
	WARN_ON(!xa_empty(&mem->pinned_pfns));
	WARN_ON(!RB_EMPTY_ROOT(&mem->domains_itree.rb_root));
	WARN_ON(!RB_EMPTY_ROOT(&mem->access_itree.rb_root));

	free_uid(mem->source_user);
	put_task_struct(mem->source_task);
	mmdrop(mem->source_mm);
	mutex_destroy(&mem->mutex);
	kfree(mem);
}

/* ---------------------------------------------------------------------- */
/* Mirroring areas into domains */

/*
 * Unmapping a range that is known to be mapped cannot fail: drivers must
 * not need memory to unmap. A short unmap is therefore a bug.
 */
static void domain_unmap_all_of(struct iommu_domain *domain,
				unsigned long iova, size_t len)
{
	WARN_ON(iommu_unmap(domain, iova, len) != len);
}

/* How many indexes from @index on continue the physical run of @pfn */
static unsigned long mem_pfn_run(struct iopt_pages *mem, unsigned long index,
				 unsigned long last, unsigned long pfn)
{
	unsigned long n = 1;

	while (index + n <= last && mem_pfn(mem, index + n) == pfn + n)
		n++;
	return n;
}

/*
 * Map all of @area into @domain from the recorded PFNs: one iommu_map()
 * per physically contiguous run, or per page when the table disabled
 * large pages. On failure the domain is left as it was.
 */
static int area_map_into(struct iopt_area *area, struct iopt_pages *mem,
			 struct iommu_domain *domain)
{
	const bool per_page = area->iopt->disable_large_pages;
	const unsigned long first_iova = iopt_area_iova(area);
	const unsigned long end_iova = iopt_area_last_iova(area);
	const unsigned long end_index = iopt_area_last_index(area);
	unsigned long skip = area->page_offset;
	unsigned long index = iopt_area_index(area);
	unsigned long iova = first_iova;

	for (; index <= end_index; skip = 0) {
		unsigned long pfn = mem_pfn(mem, index);
		unsigned long run;
		size_t len;
		int ret;

		run = per_page ? 1 : mem_pfn_run(mem, index, end_index, pfn);
		len = run * PAGE_SIZE - skip;
		/* The last run may extend past the end of the area. */
		if (len - 1 > end_iova - iova)
			len = end_iova - iova + 1;

		ret = iommu_map(domain, iova, PFN_PHYS(pfn) + skip, len,
				area->iommu_prot, GFP_KERNEL_ACCOUNT);
		if (ret) {
			if (iova != first_iova)
				domain_unmap_all_of(domain, first_iova,
						    iova - first_iova);
			return ret;
		}
		iova += len;
		index += run;
	}
	return 0;
}

/**
 * iopt_area_unmap_domain() - unmap an area from a domain, keeping the pins
 * @area: the area
 * @domain: the domain
 *
 * For when other domains or accesses keep the pages pinned anyway.
 */
void iopt_area_unmap_domain(struct iopt_area *area, struct iommu_domain *domain)
{
	domain_unmap_all_of(domain, iopt_area_iova(area),
			    iopt_area_length(area));
}

/**
 * iopt_area_unfill_domain() - unmap an area from its last domain
 * @area: the area, already out of pages->domains_itree
 * @pages: the area's pages; mutex held
 * @domain: the domain
 *
 * The pins only accesses or other areas still need survive.
 */
void iopt_area_unfill_domain(struct iopt_area *area, struct iopt_pages *pages,
			     struct iommu_domain *domain)
{
	lockdep_assert_held(&pages->mutex);

	iopt_area_unmap_domain(area, domain);
	mem_release(pages, iopt_area_index(area), iopt_area_last_index(area));
}

/**
 * iopt_area_fill_domain() - map a published area into one more domain
 * @area: the area; its pages' mutex held
 * @domain: the domain joining the table
 *
 * The first domain pins what is not pinned yet; the caller then links the
 * area into pages->domains_itree.
 *
 * Return: 0, or an errno with the domain and the pins as they were.
 */
int iopt_area_fill_domain(struct iopt_area *area, struct iommu_domain *domain)
{
	unsigned long last = iopt_area_last_index(area);
	unsigned long first = iopt_area_index(area);
	struct iopt_pages *mem = area->pages;
	int ret;

	lockdep_assert_held(&mem->mutex);

	/* Already stored in another domain: the pins exist. */
	if (area->storage_domain)
		return area_map_into(area, mem, domain);

	ret = mem_acquire(mem, first, last);
	if (ret)
		return ret;
	ret = area_map_into(area, mem, domain);
	if (ret)
		mem_release(mem, first, last);
	return ret;
}

/**
 * iopt_area_fill_domains() - map a new area into every domain of its table
 * @area: the area being built (area->pages still NULL)
 * @pages: the pages that will back it
 *
 * On success the area is linked into pages->domains_itree, with the first
 * domain as its storage domain. Without domains nothing happens.
 *
 * Return: 0, or an errno with every domain and the pins as they were.
 */
int iopt_area_fill_domains(struct iopt_area *area, struct iopt_pages *pages)
{
	unsigned long last = iopt_area_last_index(area);
	unsigned long first = iopt_area_index(area);
	struct io_pagetable *pt = area->iopt;
	struct iommu_domain *domain;
	unsigned long done;
	unsigned long id;
	int ret;

	lockdep_assert_held(&pt->domains_rwsem);

	if (xa_empty(&pt->domains))
		return 0;

	mutex_lock(&pages->mutex);
	ret = mem_acquire(pages, first, last);
	if (ret)
		goto out_unlock;

	done = 0;
	xa_for_each(&pt->domains, id, domain) {
		ret = area_map_into(area, pages, domain);
		if (ret)
			break;
		done++;
	}
	if (ret) {
		/* Unmap from the domains that were done, in xarray order. */
		xa_for_each(&pt->domains, id, domain) {
			if (!done--)
				break;
			iopt_area_unmap_domain(area, domain);
		}
		mem_release(pages, first, last);
		goto out_unlock;
	}

	area->storage_domain = xa_load(&pt->domains, 0);
	interval_tree_insert(&area->pages_node, &pages->domains_itree);
out_unlock:
	mutex_unlock(&pages->mutex);
	return ret;
}

/**
 * iopt_area_unfill_domains() - unmap an area from every domain
 * @area: the area being torn down (area->pages already NULL)
 * @pages: the pages that backed it
 *
 * The pins nobody else needs are dropped.
 */
void iopt_area_unfill_domains(struct iopt_area *area, struct iopt_pages *pages)
{
	struct io_pagetable *pt = area->iopt;
	struct iommu_domain *domain;
	unsigned long id;

	lockdep_assert_held(&pt->domains_rwsem);

	mutex_lock(&pages->mutex);
	/* Never mapped: the table had no domains when it was built. */
	if (area->storage_domain) {
		xa_for_each(&pt->domains, id, domain)
			iopt_area_unmap_domain(area, domain);

		if (IS_ENABLED(CONFIG_IOMMUFD_TEST))
			WARN_ON(RB_EMPTY_NODE(&area->pages_node.rb));
		interval_tree_remove(&area->pages_node, &pages->domains_itree);
		area->storage_domain = NULL;
		mem_release(pages, iopt_area_index(area),
			    iopt_area_last_index(area));
	}
	mutex_unlock(&pages->mutex);
}

/* ---------------------------------------------------------------------- */
/* In-kernel accesses */

/* Hand out the struct page of every index of [first, last], all pinned */
static void mem_collect_pages(struct iopt_pages *mem, unsigned long first,
			      unsigned long last, struct page **out)
{
	unsigned long i;

	if (!out)
		return;
	for (i = 0; i <= last - first; i++)
		out[i] = pfn_to_page(mem_pfn(mem, first + i));
}

/*
 * The access node for exactly [first, last], if one exists. Access ranges
 * may overlap each other; only identical ranges share a node.
 */
static struct iopt_pages_access *mem_find_access(struct iopt_pages *mem,
						 unsigned long first,
						 unsigned long last)
{
	struct interval_tree_node *n;

	lockdep_assert_held(&mem->mutex);

	for (n = interval_tree_iter_first(&mem->access_itree, first, last); n;
	     n = interval_tree_iter_next(n, first, last)) {
		if (n->start == first && n->last == last)
			return container_of(n, struct iopt_pages_access, node);
	}
	return NULL;
}

/**
 * iopt_area_add_access() - pin pages of an area for an in-kernel access
 * @area: the area
 * @start: first page index
 * @last: last page index
 * @out_pages: receives the pages
 * @flags: IOMMUFD_ACCESS_RW_* flags
 *
 * Undone by iopt_area_remove_access() on the same range.
 *
 * Return: 0, -EPERM to write into read-only memory, or another errno.
 */
int iopt_area_add_access(struct iopt_area *area, unsigned long start,
			 unsigned long last, struct page **out_pages,
			 unsigned int flags)
{
	struct iopt_pages *mem = area->pages;
	struct iopt_pages_access *acc;
	int ret = 0;

	if ((flags & IOMMUFD_ACCESS_RW_WRITE) && !mem->writable)
		return -EPERM;

	mutex_lock(&mem->mutex);
	acc = mem_find_access(mem, start, last);
	if (acc) {
		/* The range is pinned already; just count one more user. */
		acc->users++;
		area->num_accesses++;
		mem_collect_pages(mem, start, last, out_pages);
		goto out_unlock;
	}

	acc = kzalloc(sizeof(*acc), GFP_KERNEL_ACCOUNT);
	if (!acc) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	ret = mem_acquire(mem, start, last);
	if (ret) {
		kfree(acc);
		goto out_unlock;
	}
	mem_collect_pages(mem, start, last, out_pages);

	acc->users = 1;
	acc->node.start = start;
	acc->node.last = last;
	interval_tree_insert(&acc->node, &mem->access_itree);
	area->num_accesses++;
out_unlock:
	mutex_unlock(&mem->mutex);
	return ret;
}

/**
 * iopt_area_remove_access() - give back pins of an in-kernel access
 * @area: the area
 * @start: first page index
 * @last: last page index
 *
 * The caller must have stopped using the pages.
 */
void iopt_area_remove_access(struct iopt_area *area, unsigned long start,
			     unsigned long last)
{
	struct iopt_pages *mem = area->pages;
	struct iopt_pages_access *acc;

	mutex_lock(&mem->mutex);
	acc = mem_find_access(mem, start, last);
	if (WARN_ON(!acc))
		goto out_unlock;

	WARN_ON(!area->num_accesses || !acc->users);
	area->num_accesses--;
	if (--acc->users == 0) {
		interval_tree_remove(&acc->node, &mem->access_itree);
		mem_release(mem, start, last);
		kfree(acc);
	}
out_unlock:
	mutex_unlock(&mem->mutex);
}

/* Copy between @buf and @len bytes at @off inside @page */
static void copy_with_page(struct page *page, unsigned long off, void *buf,
			   size_t len, bool to_page)
{
	void *kva = kmap_local_page(page);

	if (to_page)
		memcpy(kva + off, buf, len);
	else
		memcpy(buf, kva + off, len);
	kunmap_local(kva);
	if (to_page)
		set_page_dirty_lock(page);
}

/*
 * Copy through the pinned pages of indexes [first, last], pinning the
 * ones that are not pinned just for the copy. Works whatever state the
 * owner's mm is in, as long as holders keep the range pinned or the mm
 * is alive.
 */
static int mem_rw_pinned(struct iopt_pages *mem, unsigned long first,
			 unsigned long last, unsigned long off, void *buf,
			 unsigned long len, unsigned int flags)
{
	bool to_page = flags & IOMMUFD_ACCESS_RW_WRITE;
	unsigned long index;
	int ret;

	mutex_lock(&mem->mutex);
	ret = mem_pin_uncovered(mem, first, last);
	if (ret)
		goto out_unlock;

	for (index = first; len && index <= last; index++, off = 0) {
		unsigned long chunk = min(len, PAGE_SIZE - off);

		copy_with_page(pfn_to_page(mem_pfn(mem, index)), off, buf,
			       chunk, to_page);
		buf += chunk;
		len -= chunk;
	}
	if (WARN_ON(len))
		ret = -EINVAL;

	/* The temporary pins were never charged; drop them quietly. */
	mem_unpin_uncovered(mem, first, last);
out_unlock:
	mutex_unlock(&mem->mutex);
	return ret;
}

/* Copy within one page, through a short pin taken from the owner's mm */
static int mem_rw_one_page(struct iopt_pages *mem, unsigned long index,
			   unsigned long off, void *buf, unsigned long len,
			   unsigned int flags)
{
	bool to_page = flags & IOMMUFD_ACCESS_RW_WRITE;
	struct page *page = NULL;
	long got;
	int ret;

	if (!mmget_not_zero(mem->source_mm))
		return mem_rw_pinned(mem, index, index, off, buf, len, flags);

	if (iommufd_should_fail()) {
		ret = -EINVAL;
		goto out_put;
	}

	mmap_read_lock(mem->source_mm);
	got = pin_user_pages_remote(mem->source_mm,
				    (uintptr_t)mem->uptr + index * PAGE_SIZE,
				    1, to_page ? FOLL_WRITE : 0, &page, NULL);
	mmap_read_unlock(mem->source_mm);

	if (got == 1) {
		copy_with_page(page, off, buf, len, to_page);
		unpin_user_page(page);
		ret = 0;
	} else if (got < 0) {
		ret = got;
	} else {
		WARN_ON(1);
		ret = -EINVAL;
	}
out_put:
	mmput(mem->source_mm);
	return ret;
}

/* Copy with plain user accesses, inside the owner's mm */
static int mem_rw_uaccess(struct iopt_pages *mem, unsigned long start_byte,
			  void *buf, unsigned long len, bool to_user)
{
	void __user *uva = mem->uptr + start_byte;
	unsigned long left;

	if (to_user)
		left = copy_to_user(uva, buf, len);
	else
		left = copy_from_user(buf, uva, len);
	return left ? -EFAULT : 0;
}

/**
 * iopt_pages_rw_access() - copy to or from part of an iopt_pages
 * @pages: the pages
 * @start_byte: offset of the first byte, from the start of the pages
 * @data: the kernel buffer
 * @length: number of bytes
 * @flags: IOMMUFD_ACCESS_RW_* flags
 *
 * Inside the owning process this is a plain user copy; a kernel thread
 * that says so borrows the owner's mm for it; anyone else goes through
 * pinned pages.
 *
 * Return: 0, -EPERM to write into read-only memory, -EFAULT, or another
 * errno.
 */
int iopt_pages_rw_access(struct iopt_pages *pages, unsigned long start_byte,
			 void *data, unsigned long length, unsigned int flags)
{
	unsigned long first = start_byte / PAGE_SIZE;
	unsigned long last = (start_byte + length - 1) / PAGE_SIZE;
	unsigned long off = offset_in_page(start_byte);
	bool to_mem = flags & IOMMUFD_ACCESS_RW_WRITE;
	bool elsewhere = pages->source_mm != current->mm;
	int ret;

	/* The selftest forces the path for foreign callers. */
	if (IS_ENABLED(CONFIG_IOMMUFD_TEST) &&
	    (flags & __IOMMUFD_ACCESS_RW_SLOW_PATH))
		elsewhere = true;

	if (to_mem && !pages->writable)
		return -EPERM;

	if (!elsewhere)
		return mem_rw_uaccess(pages, start_byte, data, length, to_mem);

	if (!(flags & IOMMUFD_ACCESS_RW_KTHREAD)) {
		if (first == last)
			return mem_rw_one_page(pages, first, off, data, length,
					       flags);
		return mem_rw_pinned(pages, first, last, off, data, length,
				     flags);
	}

	/* A kernel thread may adopt the mm, if it still exists. */
	if (!mmget_not_zero(pages->source_mm))
		return mem_rw_pinned(pages, first, last, off, data, length,
				     flags);
	kthread_use_mm(pages->source_mm);
	ret = mem_rw_uaccess(pages, start_byte, data, length, to_mem);
	kthread_unuse_mm(pages->source_mm);
	mmput(pages->source_mm);
	return ret;
}
