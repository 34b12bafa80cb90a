/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IDR_H
#define _LINUX_IDR_H

#include <linux/gfp.h>
#include <linux/limits.h>
#include <linux/types.h>
#include <linux/xarray.h>

/*
 * IDR (id -> pointer) and IDA (id allocator), both built on an
 * allocating XArray.  Ids are ints; the lowest free id is returned.
 */

/**
 * struct idr - map small integer ids to pointers
 * @idr_rt: the backing array
 * @idr_base: id of the array's slot 0
 * @idr_next: next id for idr_alloc_cyclic()
 */
struct idr {
	struct xarray idr_rt;
	unsigned int idr_base;
	unsigned int idr_next;
};

#define IDR_INIT_BASE(name, base) {					\
	.idr_rt = XARRAY_INIT(name.idr_rt, XA_FLAGS_ALLOC),		\
	.idr_base = (base),						\
	.idr_next = 0,							\
}

#define IDR_INIT(name)	IDR_INIT_BASE(name, 0)
#define DEFINE_IDR(name) struct idr name = IDR_INIT(name)

static inline void idr_init_base(struct idr *idr, int base)
{
	xa_init_flags(&idr->idr_rt, XA_FLAGS_ALLOC);
	idr->idr_base = base;
	idr->idr_next = 0;
}

static inline void idr_init(struct idr *idr)
{
	idr_init_base(idr, 0);
}

static inline bool idr_is_empty(const struct idr *idr)
{
	return xa_empty(&idr->idr_rt);
}

static inline void idr_preload(gfp_t gfp_mask)
{
}

static inline void idr_preload_end(void)
{
}

/**
 * idr_alloc() - allocate an id in [start, end) and map it to @ptr
 * @idr: the idr
 * @ptr: pointer to store (may be NULL)
 * @start: lowest id
 * @end: one past the highest id, or <= 0 for INT_MAX + 1
 * @gfp: allocation flags
 *
 * Return: the id, -ENOSPC if the range is full, -ENOMEM, -EINVAL.
 */
int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
int __must_check idr_alloc_u32(struct idr *idr, void *ptr, u32 *nextid, unsigned long max,
			       gfp_t gfp);
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
void *idr_remove(struct idr *idr, unsigned long id);
void *idr_find(const struct idr *idr, unsigned long id);
void *idr_replace(struct idr *idr, void *ptr, unsigned long id);
void *idr_get_next(struct idr *idr, int *nextid);
void *idr_get_next_ul(struct idr *idr, unsigned long *nextid);
int idr_for_each(const struct idr *idr, int (*fn)(int id, void *p, void *data), void *data);
void idr_destroy(struct idr *idr);

#define idr_for_each_entry(idr, entry, id) \
	for ((id) = 0; ((entry) = idr_get_next(idr, &(id))) != NULL; (id) += 1U)
#define idr_for_each_entry_ul(idr, entry, tmp, id) \
	for ((tmp) = 0, (id) = 0; \
	     ((entry) = idr_get_next_ul(idr, &(id))) != NULL; (id) += 1)
#define idr_for_each_entry_continue(idr, entry, id) \
	for ((entry) = idr_get_next((idr), &(id)); entry;		\
	     ++(id), (entry) = idr_get_next((idr), &(id)))

/**
 * struct ida - an allocator of small integer ids
 * @xa: the backing array (entries only mark ids as used)
 */
struct ida {
	struct xarray xa;
};

#define IDA_INIT_FLAGS	XA_FLAGS_ALLOC
#define IDA_INIT(name)	{ .xa = XARRAY_INIT(name.xa, IDA_INIT_FLAGS) }
#define DEFINE_IDA(name) struct ida name = IDA_INIT(name)

static inline void ida_init(struct ida *ida)
{
	xa_init_flags(&ida->xa, IDA_INIT_FLAGS);
}

static inline bool ida_is_empty(const struct ida *ida)
{
	return xa_empty(&ida->xa);
}

/**
 * ida_alloc_range() - allocate the lowest free id in [min, max]
 * @ida: the allocator
 * @min: lowest id
 * @max: highest id (clamped to INT_MAX)
 * @gfp: allocation flags
 *
 * Return: the id, -ENOSPC if none is free, -ENOMEM.
 */
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);

/**
 * ida_free() - release an id; WARNs if it was not allocated
 * @ida: the allocator
 * @id: the id
 */
void ida_free(struct ida *ida, unsigned int id);

/**
 * ida_find_first_range() - lowest allocated id in [min, max]
 * @ida: the allocator
 * @min: lowest id
 * @max: highest id
 *
 * Return: the id, or -ENOENT.
 */
int ida_find_first_range(struct ida *ida, unsigned int min, unsigned int max);

/**
 * ida_destroy() - release every id
 * @ida: the allocator
 */
void ida_destroy(struct ida *ida);

static inline int ida_alloc(struct ida *ida, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, ~0, gfp);
}

static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp)
{
	return ida_alloc_range(ida, min, ~0, gfp);
}

static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, max, gfp);
}

static inline bool ida_exists(struct ida *ida, unsigned int id)
{
	return ida_find_first_range(ida, id, id) == (int)id;
}

#define ida_simple_get(ida, start, end, gfp) \
	ida_alloc_range(ida, start, (end) ? (end) - 1 : UINT_MAX, gfp)
#define ida_simple_remove(ida, id) ida_free(ida, id)

#endif /* _LINUX_IDR_H */
