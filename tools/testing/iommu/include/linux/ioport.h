/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IOPORT_H
#define _LINUX_IOPORT_H

#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/types.h>

/**
 * struct resource - a range of a bus address space
 * @start: first address
 * @end: last address (inclusive)
 * @name: owner's name
 * @flags: IORESOURCE_* type and attributes
 * @desc: descriptor (IORES_DESC_*)
 * @parent: enclosing resource
 * @sibling: next resource at the same level
 * @child: first nested resource
 */
struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
	unsigned long desc;
	struct resource *parent, *sibling, *child;
};

#define IORESOURCE_BITS		0x000000ff
#define IORESOURCE_TYPE_BITS	0x00001f00
#define IORESOURCE_IO		0x00000100
#define IORESOURCE_MEM		0x00000200
#define IORESOURCE_REG		0x00000300
#define IORESOURCE_IRQ		0x00000400
#define IORESOURCE_DMA		0x00000800
#define IORESOURCE_BUS		0x00001000
#define IORESOURCE_PREFETCH	0x00002000
#define IORESOURCE_READONLY	0x00004000
#define IORESOURCE_CACHEABLE	0x00008000
#define IORESOURCE_MEM_64	0x00100000
#define IORESOURCE_WINDOW	0x00200000
#define IORESOURCE_EXCLUSIVE	0x08000000
#define IORESOURCE_DISABLED	0x10000000
#define IORESOURCE_UNSET	0x20000000
#define IORESOURCE_AUTO		0x40000000
#define IORESOURCE_BUSY		0x80000000

#define IORES_DESC_NONE		0

/* Initialisers for a resource covering [_start, _start + _size). */
#define DEFINE_RES_NAMED(_start, _size, _name, _flags)			\
	{ .flags = (_flags), .name = (_name), .desc = IORES_DESC_NONE,	\
	  .start = (_start), .end = (_start) + (_size) - 1 }
#define DEFINE_RES_IRQ(_irq)		DEFINE_RES_IRQ_NAMED(_irq, NULL)
#define DEFINE_RES_IRQ_NAMED(_irq, _name) \
	DEFINE_RES_NAMED(_irq, 1, _name, IORESOURCE_IRQ)
#define DEFINE_RES_MEM(_start, _size)	DEFINE_RES_MEM_NAMED(_start, _size, NULL)
#define DEFINE_RES_MEM_NAMED(_start, _size, _name) \
	DEFINE_RES_NAMED(_start, _size, _name, IORESOURCE_MEM)

static inline resource_size_t resource_size(const struct resource *res)
{
	/* end is inclusive */
	resource_size_t span = res->end - res->start;

	return span + 1;
}

static inline unsigned long resource_type(const struct resource *res)
{
	unsigned long fl = res->flags;

	return fl & IORESOURCE_TYPE_BITS;
}

static inline bool resource_contains(const struct resource *r1, const struct resource *r2)
{
	bool same_kind = resource_type(r1) == resource_type(r2);

	/* @r2 must lie wholly inside @r1, and be the same kind of resource. */
	return same_kind && r2->start >= r1->start && r2->end <= r1->end;
}

static inline bool resource_overlaps(const struct resource *r1, const struct resource *r2)
{
	/* Disjoint when one ends before the other starts. */
	if (r1->end < r2->start || r2->end < r1->start)
		return false;
	return true;
}

extern struct resource iomem_resource;
extern struct resource ioport_resource;

/**
 * request_resource() - claim a range inside @root
 * @root: the parent resource
 * @new: the range to claim
 *
 * Return: 0, or -EBUSY if it overlaps an existing child.
 */
int request_resource(struct resource *root, struct resource *new);
int release_resource(struct resource *old);

struct resource *__request_region(struct resource *parent, resource_size_t start,
				  resource_size_t n, const char *name, int flags);
void __release_region(struct resource *parent, resource_size_t start, resource_size_t n);

/* I/O port space */
#define release_region(start, n)	__release_region(&ioport_resource, (start), (n))
#define request_region(start, n, name) \
	__request_region(&ioport_resource, (start), (n), (name), /* flags */ 0)
/* Memory-mapped space */
#define release_mem_region(start, n)	__release_region(&iomem_resource, (start), (n))
#define request_mem_region(start, n, name) \
	__request_region(&iomem_resource, (start), (n), (name), /* flags */ 0)

#endif /* _LINUX_IOPORT_H */
