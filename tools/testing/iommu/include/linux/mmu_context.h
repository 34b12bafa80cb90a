/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MMU_CONTEXT_H
#define _LINUX_MMU_CONTEXT_H

#include <linux/mm_types.h>

/* There is a single address space on the host; nothing to switch. */
static inline void kthread_use_mm(struct mm_struct *mm)
{
}

static inline void kthread_unuse_mm(struct mm_struct *mm)
{
}

static inline void mmgrab_lazy_tlb(struct mm_struct *mm)
{
}

/**
 * arch_pgtable_dma_compat() - can devices walk this mm's page table?
 * @mm: the mm
 *
 * Return: true; no page-table features here get in the way of SVA.
 */
static inline bool arch_pgtable_dma_compat(struct mm_struct *mm)
{
	return true;
}

#endif /* _LINUX_MMU_CONTEXT_H */
