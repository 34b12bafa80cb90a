/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/bits.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmap_lock.h>
#include <linux/overflow.h>
#include <linux/sizes.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/page.h>

/**
 * virt_to_page() - the descriptor of the page holding an address
 * @addr: any host address
 *
 * Return: the struct page; pages not from the page allocator get a
 * descriptor on first use.
 */
struct page *virt_to_page(const void *addr);

/**
 * pfn_to_page() - the descriptor of a page frame
 * @pfn: page frame number (host address >> PAGE_SHIFT)
 *
 * Return: the struct page.
 */
struct page *pfn_to_page(unsigned long pfn);

static inline void *page_address(const struct page *page)
{
	return page->virtual;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)page->virtual >> PAGE_SHIFT;
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return (phys_addr_t)(unsigned long)page->virtual;
}

#define phys_to_page(phys)	pfn_to_page(PHYS_PFN(phys))
#define virt_to_pfn(kaddr)	((unsigned long)(kaddr) >> PAGE_SHIFT)
#define page_to_virt(page)	page_address(page)
#define lowmem_page_address(page) page_address(page)
#define virt_to_head_page(addr)	compound_head(virt_to_page(addr))
#define pfn_valid(pfn)		((pfn) != 0)
#define nth_page(page, n)	((page) + (n))
#define folio_address(folio)	page_address(&(folio)->page)

static inline struct page *compound_head(const struct page *page)
{
	return page->compound_head ? page->compound_head : (struct page *)page;
}

static inline unsigned int compound_order(const struct page *page)
{
	return compound_head(page)->order;
}

/**
 * PageCompound() - is the page the head or a tail of a compound page?
 * @page: the page
 *
 * Return: true for any page of a higher-order (e.g. hugetlb) allocation.
 */
static inline bool PageCompound(const struct page *page)
{
	return page->compound_head || page->order;
}

static inline int page_count(const struct page *page)
{
	return atomic_read(&compound_head(page)->_refcount);
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

static inline void *kmap(struct page *page)
{
	return page_address(page);
}

static inline void kunmap(struct page *page)
{
}

static inline void *kmap_local_page(struct page *page)
{
	return page_address(page);
}

static inline void *kmap_atomic(struct page *page)
{
	return page_address(page);
}

#define kunmap_local(addr)	((void)(addr))
#define kunmap_atomic(addr)	((void)(addr))

static inline bool is_vmalloc_addr(const void *x)
{
	return false;
}

/**
 * account_locked_vm() - charge or uncharge locked memory against RLIMIT_MEMLOCK
 * @mm: the address space
 * @pages: number of pages
 * @inc: true to charge, false to uncharge
 *
 * Return: 0, or -ENOMEM if charging would exceed the limit (CAP_IPC_LOCK
 * bypasses the limit).
 */
int account_locked_vm(struct mm_struct *mm, unsigned long pages, bool inc);
int __account_locked_vm(struct mm_struct *mm, unsigned long pages, bool inc,
			struct task_struct *task, bool bypass_rlim);

#define FOLL_WRITE	0x01
#define FOLL_GET	0x04
#define FOLL_FORCE	0x10
#define FOLL_NOFAULT	0x80
#define FOLL_LONGTERM	0x100
#define FOLL_PIN	0x400

#define PG_locked	0
#define PG_reserved	10

static inline unsigned long page_to_section(const struct page *page)
{
	return 0;
}

#define totalram_pages()	(1UL << 22)

static inline void set_page_private(struct page *page, unsigned long private)
{
	page->private = private;
}

static inline unsigned long page_private(struct page *page)
{
	return page->private;
}

/* Flags of a page fault (enum fault_flag in Linux) */
#define FAULT_FLAG_WRITE		BIT(0)
#define FAULT_FLAG_USER			BIT(6)
#define FAULT_FLAG_REMOTE		BIT(7)
#define FAULT_FLAG_INSTRUCTION		BIT(8)

/**
 * fixup_user_fault() - resolve a page fault on an address of an mm
 * @mm: the address space; its mmap lock is held for reading
 * @address: the faulting address
 * @fault_flags: FAULT_FLAG_* bits; FAULT_FLAG_WRITE asks for write access
 * @unlocked: unused; the lock is never dropped here
 *
 * The host has one address space, the process's own: the page is present
 * if the user-copy probes can read it and, for a write fault, write the
 * byte just read back to it.
 *
 * Return: 0, or -EFAULT if the address is not mapped with that access.
 */
static inline int fixup_user_fault(struct mm_struct *mm, unsigned long address,
				   unsigned int fault_flags, bool *unlocked)
{
	char __user *uaddr = (char __user *)address;
	char byte;

	if (copy_from_user(&byte, uaddr, 1))
		return -EFAULT;
	if ((fault_flags & FAULT_FLAG_WRITE) && copy_to_user(uaddr, &byte, 1))
		return -EFAULT;
	return 0;
}

/*
 * Pinning user memory (get_user_pages and friends), in lib/gup.c.
 *
 * The host has one address space per process and a physical address is the
 * host virtual address, so a user page is identified by its address. Each
 * page has a descriptor (virt_to_page()); a FOLL_PIN reference adds
 * GUP_PIN_COUNTING_BIAS to its reference count and a FOLL_GET reference
 * adds one, exactly per page, as in Linux.
 */
#define GUP_PIN_COUNTING_BIAS	1024U

static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline bool page_maybe_dma_pinned(const struct page *page)
{
	return page_ref_count(compound_head(page)) >= (int)GUP_PIN_COUNTING_BIAS;
}

static inline long folio_nr_pages(const struct folio *folio)
{
	return 1L << folio->page.order;
}

static inline int folio_ref_count(const struct folio *folio)
{
	return page_ref_count(&folio->page);
}

static inline bool folio_maybe_dma_pinned(const struct folio *folio)
{
	return page_maybe_dma_pinned(&folio->page);
}

static inline int set_page_dirty_lock(struct page *page)
{
	return 0;
}

int pin_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages);
long pin_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked);
int get_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages);
long get_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked);
void unpin_user_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty);
void unpin_user_page_range_dirty_lock(struct page *page, unsigned long npages,
				      bool make_dirty);

#endif /* _LINUX_MM_H */
