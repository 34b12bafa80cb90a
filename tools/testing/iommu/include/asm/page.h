/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <linux/const.h>
#include <linux/types.h>

/*
 * The host memory model: 4 KiB pages, and a physical address is the host
 * virtual address of the byte (virt_to_phys() is the identity).
 */
#define PAGE_SHIFT	12
#define PAGE_SIZE	(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#define PAGE_ALIGN(addr)		(((addr) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGN_DOWN(addr)		((addr) & PAGE_MASK)
#define PAGE_ALIGNED(addr)		(((unsigned long)(addr) & (PAGE_SIZE - 1)) == 0)
#define offset_in_page(p)		((unsigned long)(p) & ~PAGE_MASK)

#define PHYS_PFN(x)		((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_PHYS(x)		((phys_addr_t)(x) << PAGE_SHIFT)
#define PFN_UP(x)		(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)		((x) >> PAGE_SHIFT)

#define __pa(x)			((phys_addr_t)(unsigned long)(x))
#define __va(x)			((void *)(unsigned long)(x))

static inline phys_addr_t virt_to_phys(const volatile void *address)
{
	return (phys_addr_t)(unsigned long)address;
}

static inline void *phys_to_virt(phys_addr_t address)
{
	return (void *)(unsigned long)address;
}

#define __pa_symbol(x)		__pa(x)
#define virt_addr_valid(kaddr)	((kaddr) != NULL)

/**
 * get_order() - smallest order whose block holds @size bytes
 * @size: bytes (0 gives an undefined result in Linux; here 0)
 *
 * Return: ceil(log2(@size / PAGE_SIZE)).
 */
static inline __attribute_const__ int get_order(unsigned long size)
{
	if (size <= PAGE_SIZE)
		return 0;
	return 64 - __builtin_clzl((size - 1) >> PAGE_SHIFT);
}

#endif /* _ASM_PAGE_H */
