/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <asm/page.h>

struct iommu_mm_data;
struct address_space;

/**
 * struct page - descriptor of one page of host memory
 * @flags: page flags (PG_*)
 * @lru: list link available to the page's owner
 * @private: value available to the page's owner
 * @mapping: unused on the host
 * @index: value available to the page's owner
 * @_refcount: references (get_page()/put_page())
 * @_mapcount: unused on the host
 * @virtual: host virtual address of the page's first byte
 * @order: for the head page of an allocation, its order
 * @compound_head: head page of the allocation this page belongs to
 *
 * Every page of a block from alloc_pages() gets a descriptor; pages of
 * memory that the page allocator did not hand out (kmalloc, user memory)
 * get one on demand from virt_to_page()/pfn_to_page().
 */
struct page {
	unsigned long flags;
	struct list_head lru;
	unsigned long private;
	struct address_space *mapping;
	pgoff_t index;
	atomic_t _refcount;
	atomic_t _mapcount;
	void *virtual;
	unsigned int order;
	struct page *compound_head;
};

/**
 * struct folio - a block of pages handled as one unit
 * @page: the head page
 */
struct folio {
	struct page page;
};

#define page_folio(p)		((struct folio *)((p)->compound_head))
#define folio_page(folio, n)	(&(folio)->page + (n))

/**
 * struct mm_struct - an address space
 * @mm_users: users of the address space (mmget()/mmput())
 * @mm_count: references to the structure itself (mmgrab()/mmdrop())
 * @mmap_lock: the address-space lock (mmap_read_lock() etc.)
 * @locked_vm: pages accounted as locked (RLIMIT_MEMLOCK)
 * @pinned_vm: pages pinned by drivers
 * @total_vm: pages mapped
 * @pasid: the PASID bound to this mm for SVA, or IOMMU_PASID_INVALID
 * @iommu_mm: IOMMU core state for SVA on this mm
 * @def_flags: unused on the host
 * @owner: the task the mm belongs to (informational)
 * @notifier_subscriptions: registered MMU notifiers
 * @notifier_lock: protects @notifier_subscriptions
 */
struct mm_struct {
	atomic_t mm_users;
	atomic_t mm_count;
	struct rw_semaphore mmap_lock;
	unsigned long locked_vm;
	atomic64_t pinned_vm;
	unsigned long total_vm;
	u32 pasid;
	struct iommu_mm_data *iommu_mm;
	unsigned long def_flags;
	struct task_struct *owner;
	struct hlist_head notifier_subscriptions;
	spinlock_t notifier_lock;	/* see above */
};

#endif /* _LINUX_MM_TYPES_H */
