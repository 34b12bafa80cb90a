// SPDX-License-Identifier: GPL-2.0
/*
 * get_user_pages() for the host environment.
 *
 * User memory is the memory of the host process itself: a user address is
 * a host address, and the page descriptor of a user page comes from
 * virt_to_page(). Pinning checks that every page is really mapped (and
 * writable for FOLL_WRITE) with the fault-safe user-copy probes, then takes
 * a reference on the page descriptor: GUP_PIN_COUNTING_BIAS for FOLL_PIN,
 * one for FOLL_GET. Counts are exact per page, which is what tests that
 * read page_ref_count() rely on.
 *
 * The host has a single address space per process, so the "remote"
 * variants act on the caller's memory; whether the mm is still alive is up
 * to the caller (mmget_not_zero()).
 */
#include <linux/export.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <host/mem.h>

/* Can the page at addr be read, and written if asked? */
static bool gup_page_present(unsigned long addr, bool write)
{
	char __user *uaddr = (char __user *)addr;
	char byte;

	if (copy_from_user(&byte, uaddr, 1))
		return false;
	/*
	 * A write fault is what FOLL_WRITE asks for; storing back the byte
	 * just read faults the page in writable without changing it.
	 */
	if (write && copy_to_user(uaddr, &byte, 1))
		return false;
	return true;
}

static void gup_ref_page(struct page *page, unsigned int gup_flags)
{
	struct page *head = compound_head(page);

	if (gup_flags & FOLL_PIN) {
		atomic_add(GUP_PIN_COUNTING_BIAS, &head->_refcount);
		/*
		 * A pinned page is memory devices may reach by DMA: make it
		 * RAM for the hardware models until it is unpinned.
		 */
		host_ram_get(page_to_phys(page), PAGE_SIZE);
	} else {
		atomic_inc(&head->_refcount);
	}
}

/*
 * The common worker: reference up to nr_pages pages from start. Stops at
 * the first page that is not present.
 *
 * Return: the number of pages referenced, or -EFAULT if the first one is
 * not present, -EINVAL for bad arguments.
 */
static long gup_pages(unsigned long start, unsigned long nr_pages,
		      unsigned int gup_flags, struct page **pages)
{
	bool write = gup_flags & FOLL_WRITE;
	unsigned long i;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (WARN_ON((gup_flags & (FOLL_PIN | FOLL_GET)) ==
		    (FOLL_PIN | FOLL_GET)))
		return -EINVAL;
	if (!nr_pages)
		return 0;

	for (i = 0; i < nr_pages; i++) {
		unsigned long addr = start + i * PAGE_SIZE;
		struct page *page;

		if (addr < start || !gup_page_present(addr, write))
			break;
		page = virt_to_page((void *)addr);
		gup_ref_page(page, gup_flags);
		if (pages)
			pages[i] = page;
	}
	return i ? (long)i : -EFAULT;
}

/**
 * pin_user_pages_fast() - pin user pages of the current task
 * @start: page-aligned user address
 * @nr_pages: number of pages
 * @gup_flags: FOLL_WRITE, FOLL_LONGTERM, ...; FOLL_PIN is implied
 * @pages: output array of @nr_pages entries
 *
 * Return: the number of pages pinned (a prefix; fewer than asked when a
 * page is missing), or a negative errno if none was.
 */
int pin_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages)
{
	if (nr_pages < 0 || WARN_ON(gup_flags & FOLL_GET) || WARN_ON(!pages))
		return -EINVAL;
	return gup_pages(start, nr_pages, gup_flags | FOLL_PIN, pages);
}
EXPORT_SYMBOL_GPL(pin_user_pages_fast);

/**
 * pin_user_pages_remote() - pin user pages of an address space
 * @mm: the address space; the caller holds a user reference on it
 * @start: page-aligned user address
 * @nr_pages: number of pages
 * @gup_flags: FOLL_WRITE, FOLL_LONGTERM, ...; FOLL_PIN is implied
 * @pages: output array of @nr_pages entries
 * @locked: unused; the mmap lock is never dropped here
 *
 * Return: the number of pages pinned, or a negative errno if none was.
 */
long pin_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked)
{
	if (WARN_ON(!mm) || WARN_ON(gup_flags & FOLL_GET) || WARN_ON(!pages))
		return -EINVAL;
	return gup_pages(start, nr_pages, gup_flags | FOLL_PIN, pages);
}
EXPORT_SYMBOL_GPL(pin_user_pages_remote);

/**
 * get_user_pages_fast() - take page references on user pages
 * @start: page-aligned user address
 * @nr_pages: number of pages
 * @gup_flags: FOLL_WRITE, ...; FOLL_GET is implied
 * @pages: output array, released with put_page()
 *
 * Return: the number of pages referenced, or a negative errno if none was.
 */
int get_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages)
{
	if (nr_pages < 0 || WARN_ON(gup_flags & FOLL_PIN))
		return -EINVAL;
	return gup_pages(start, nr_pages, gup_flags | FOLL_GET, pages);
}
EXPORT_SYMBOL_GPL(get_user_pages_fast);

/**
 * get_user_pages_remote() - take page references on pages of an mm
 * @mm: the address space
 * @start: page-aligned user address
 * @nr_pages: number of pages
 * @gup_flags: FOLL_WRITE, ...; FOLL_GET is implied
 * @pages: output array, released with put_page()
 * @locked: unused
 *
 * Return: the number of pages referenced, or a negative errno if none was.
 */
long get_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked)
{
	if (WARN_ON(!mm) || WARN_ON(gup_flags & FOLL_PIN))
		return -EINVAL;
	return gup_pages(start, nr_pages, gup_flags | FOLL_GET, pages);
}
EXPORT_SYMBOL_GPL(get_user_pages_remote);

/**
 * unpin_user_page() - release one FOLL_PIN reference
 * @page: the page
 */
void unpin_user_page(struct page *page)
{
	struct page *head = compound_head(page);

	WARN_ON(atomic_read(&head->_refcount) <
		(int)GUP_PIN_COUNTING_BIAS);
	host_ram_put(page_to_phys(page), PAGE_SIZE);
	atomic_sub(GUP_PIN_COUNTING_BIAS, &head->_refcount);
}
EXPORT_SYMBOL_GPL(unpin_user_page);

/**
 * unpin_user_pages() - release the pins of an array of pages
 * @pages: the pages
 * @npages: number of entries
 */
void unpin_user_pages(struct page **pages, unsigned long npages)
{
	unsigned long i;

	for (i = 0; i < npages; i++)
		unpin_user_page(pages[i]);
}
EXPORT_SYMBOL_GPL(unpin_user_pages);

/**
 * unpin_user_pages_dirty_lock() - release pins, optionally marking dirty
 * @pages: the pages
 * @npages: number of entries
 * @make_dirty: the pages were written (no effect on the host)
 */
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty)
{
	unsigned long i;

	for (i = 0; i < npages; i++) {
		if (make_dirty)
			set_page_dirty_lock(pages[i]);
		unpin_user_page(pages[i]);
	}
}
EXPORT_SYMBOL_GPL(unpin_user_pages_dirty_lock);

/**
 * unpin_user_page_range_dirty_lock() - release pins of physically
 *	contiguous pages
 * @page: the first page
 * @npages: number of pages
 * @make_dirty: the pages were written (no effect on the host)
 *
 * Descriptors of user pages are not laid out as an array, so each page is
 * looked up by its frame number.
 */
void unpin_user_page_range_dirty_lock(struct page *page, unsigned long npages,
				      bool make_dirty)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long i;

	for (i = 0; i < npages; i++) {
		struct page *cur = pfn_to_page(pfn + i);

		if (make_dirty)
			set_page_dirty_lock(cur);
		unpin_user_page(cur);
	}
}
EXPORT_SYMBOL_GPL(unpin_user_page_range_dirty_lock);
