/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>

/*
 * vmalloc() memory is ordinary host memory (page aligned), accounted and
 * fault-injected like kmalloc().
 */
void *vmalloc(unsigned long size) __alloc_size__(1);
void *vzalloc(unsigned long size) __alloc_size__(1);
void *vmalloc_user(unsigned long size) __alloc_size__(1);
void *__vmalloc(unsigned long size, gfp_t gfp_mask) __alloc_size__(1);
void *vmalloc_array(size_t n, size_t size) __alloc_size__(1, 2);
void *vcalloc(size_t n, size_t size) __alloc_size__(1, 2);
void vfree(const void *addr);

/* The host has one NUMA node: the _node() variants ignore @node. */
static inline void *vmalloc_node(unsigned long size, int node)
{
	return vmalloc(size);
}

static inline void *vzalloc_node(unsigned long size, int node)
{
	return vzalloc(size);
}

#define vmalloc_to_page(addr)		virt_to_page(addr)
#define vmalloc_to_pfn(addr)		((unsigned long)(addr) >> PAGE_SHIFT)

#endif /* _LINUX_VMALLOC_H */
