/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IOVA bitmaps: a user-supplied bitmap of dirty IOVA pages, filled in by
 * IOMMU drivers while iommufd walks a range (IOMMU_HWPT_GET_DIRTY_BITMAP).
 * The implementation belongs to iommufd (CONFIG_IOMMUFD_DRIVER); without
 * it every call is a no-op.
 */
#ifndef _LINUX_IOVA_BITMAP_H
#define _LINUX_IOVA_BITMAP_H

#include <linux/types.h>
#include <linux/errno.h>

struct iova_bitmap;

/**
 * typedef iova_bitmap_fn_t - callback of iova_bitmap_for_each()
 * @bitmap: the bitmap being walked
 * @iova: start of the chunk of the range the bitmap currently covers
 * @length: length of that chunk
 * @opaque: the caller's data
 *
 * Return: 0 to continue, or an errno to stop the walk.
 */
typedef int (*iova_bitmap_fn_t)(struct iova_bitmap *bitmap,
				unsigned long iova, size_t length,
				void *opaque);

#if IS_ENABLED(CONFIG_IOMMUFD_DRIVER)
struct iova_bitmap *iova_bitmap_alloc(unsigned long iova, size_t length,
				      unsigned long page_size,
				      u64 __user *data);
void iova_bitmap_free(struct iova_bitmap *bitmap);
int iova_bitmap_for_each(struct iova_bitmap *bitmap, void *opaque,
			 iova_bitmap_fn_t fn);
void iova_bitmap_set(struct iova_bitmap *bitmap,
		     unsigned long iova, size_t length);
#else
static inline struct iova_bitmap *iova_bitmap_alloc(unsigned long iova,
						    size_t length,
						    unsigned long page_size,
						    u64 __user *data)
{
	return NULL;
}

static inline void iova_bitmap_free(struct iova_bitmap *bitmap)
{
}

static inline int iova_bitmap_for_each(struct iova_bitmap *bitmap,
				       void *opaque, iova_bitmap_fn_t fn)
{
	return -EOPNOTSUPP;
}

static inline void iova_bitmap_set(struct iova_bitmap *bitmap,
				   unsigned long iova, size_t length)
{
}
#endif /* CONFIG_IOMMUFD_DRIVER */

#endif /* _LINUX_IOVA_BITMAP_H */
