// SPDX-License-Identifier: GPL-2.0
/*
 * IDR and IDA on top of the allocating XArray.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/idr.h>
#include <linux/kernel.h>

#include "host-internal.h"

/* An IDA only needs to know that an id is used. */
#define IDA_USED xa_mk_value(1)

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp)
{
	u32 id;
	int err;

	if ((int)min < 0)
		return -ENOSPC;
	if ((int)max < 0)
		max = INT_MAX;
	if (min > max)
		return -ENOSPC;
	err = xa_alloc(&ida->xa, &id, IDA_USED, XA_LIMIT(min, max), gfp);
	if (err == -EBUSY)
		return -ENOSPC;
	return err ? err : (int)id;
}
EXPORT_SYMBOL(ida_alloc_range);

void ida_free(struct ida *ida, unsigned int id)
{
	if (WARN((int)id < 0 || xa_erase(&ida->xa, id) != IDA_USED,
		 "%s called for id=%d which is not allocated.\n", __func__, id))
		return;
}
EXPORT_SYMBOL(ida_free);

int ida_find_first_range(struct ida *ida, unsigned int min, unsigned int max)
{
	unsigned long index = min;

	if ((int)min < 0)
		return -EINVAL;
	if ((int)max < 0)
		max = INT_MAX;
	if (xa_find(&ida->xa, &index, max, XA_PRESENT))
		return index;
	return -ENOENT;
}
EXPORT_SYMBOL(ida_find_first_range);

void ida_destroy(struct ida *ida)
{
	xa_destroy(&ida->xa);
}
EXPORT_SYMBOL(ida_destroy);

int idr_alloc_u32(struct idr *idr, void *ptr, u32 *nextid, unsigned long max, gfp_t gfp)
{
	unsigned int base = idr->idr_base;
	u32 id;
	int err;

	if (WARN_ON_ONCE(*nextid < base))
		return -EINVAL;
	if (max < base)
		return -ENOSPC;
	if (max - base > UINT_MAX)
		max = UINT_MAX + (unsigned long)base;
	err = xa_alloc(&idr->idr_rt, &id, ptr, XA_LIMIT(*nextid - base, max - base), gfp);
	if (err == -EBUSY)
		return -ENOSPC;
	if (err)
		return err;
	*nextid = id + base;
	return 0;
}
EXPORT_SYMBOL_GPL(idr_alloc_u32);

int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
	u32 id = start;
	int ret;

	if (WARN_ON_ONCE(start < 0))
		return -EINVAL;
	ret = idr_alloc_u32(idr, ptr, &id, end > 0 ? end - 1 : INT_MAX, gfp);
	return ret ? ret : (int)id;
}
EXPORT_SYMBOL_GPL(idr_alloc);

int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
	u32 id = max_t(u32, idr->idr_next, start);
	int max = end > 0 ? end - 1 : INT_MAX;
	int err;

	if ((int)id > max)
		id = start;
	err = idr_alloc_u32(idr, ptr, &id, max, gfp);
	if (err == -ENOSPC && id > (u32)start) {
		id = start;
		err = idr_alloc_u32(idr, ptr, &id, max, gfp);
	}
	if (err)
		return err;
	idr->idr_next = id + 1;
	return id;
}
EXPORT_SYMBOL(idr_alloc_cyclic);

void *idr_remove(struct idr *idr, unsigned long id)
{
	if (id < idr->idr_base)
		return NULL;
	return xa_erase(&idr->idr_rt, id - idr->idr_base);
}
EXPORT_SYMBOL_GPL(idr_remove);

void *idr_find(const struct idr *idr, unsigned long id)
{
	if (id < idr->idr_base)
		return NULL;
	return xa_load((struct xarray *)&idr->idr_rt, id - idr->idr_base);
}
EXPORT_SYMBOL_GPL(idr_find);

void *idr_replace(struct idr *idr, void *ptr, unsigned long id)
{
	struct xarray *xa = &idr->idr_rt;
	void *old;

	if (id < idr->idr_base)
		return ERR_PTR(-ENOENT);
	xa_lock(xa);
	if (!host_xa_slot_used(xa, id - idr->idr_base)) {
		xa_unlock(xa);
		return ERR_PTR(-ENOENT);
	}
	old = __xa_store(xa, id - idr->idr_base, ptr, GFP_ATOMIC);
	xa_unlock(xa);
	return old;
}
EXPORT_SYMBOL(idr_replace);

void *idr_get_next_ul(struct idr *idr, unsigned long *nextid)
{
	unsigned long index;
	void *entry;

	if (*nextid < idr->idr_base)
		*nextid = idr->idr_base;
	index = *nextid - idr->idr_base;
	entry = xa_find(&idr->idr_rt, &index, ULONG_MAX, XA_PRESENT);
	if (entry)
		*nextid = index + idr->idr_base;
	return entry;
}
EXPORT_SYMBOL(idr_get_next_ul);

void *idr_get_next(struct idr *idr, int *nextid)
{
	unsigned long id = *nextid;
	void *entry = idr_get_next_ul(idr, &id);

	if (!entry || id > INT_MAX)
		return NULL;
	*nextid = id;
	return entry;
}
EXPORT_SYMBOL(idr_get_next);

int idr_for_each(const struct idr *idr, int (*fn)(int id, void *p, void *data), void *data)
{
	unsigned long index;
	void *entry;

	xa_for_each((struct xarray *)&idr->idr_rt, index, entry) {
		int ret = fn(index + idr->idr_base, entry, data);

		if (ret)
			return ret;
	}
	return 0;
}
EXPORT_SYMBOL(idr_for_each);

void idr_destroy(struct idr *idr)
{
	xa_destroy(&idr->idr_rt);
}
EXPORT_SYMBOL(idr_destroy);
