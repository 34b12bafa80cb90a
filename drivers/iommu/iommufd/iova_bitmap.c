// SPDX-License-Identifier: GPL-2.0
/*
 * IOVA bitmaps: recording dirty IOVA ranges into a bitmap that lives in
 * user memory.
 *
 * Bit i of the bitmap stands for the IOVA range [iova + i * page_size,
 * iova + (i + 1) * page_size). Bits are numbered from the least
 * significant bit of the first byte upwards, byte after byte (the layout
 * of a little-endian u64 array), and the user pointer may have any
 * alignment. Bits are only ever set, never cleared: new dirt is OR-ed into
 * what userspace passed in.
 *
 * The user bitmap is reached through a window: a kernel copy of up to
 * IOVA_BITMAP_WINDOW bytes of it. Setting bits outside the window writes
 * the window back and loads the part that is needed.
 */
#include <linux/export.h>
#include <linux/iova_bitmap.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define IOVA_BITMAP_WINDOW	PAGE_SIZE

/**
 * struct iova_bitmap - an IOVA range and the user bitmap that describes it
 * @iova: the IOVA of bit 0
 * @length: length of the IOVA range in bytes
 * @pgshift: log2 of the IOVA size one bit stands for
 * @data: the user bitmap
 * @nbytes: size of the user bitmap in bytes
 * @win: kernel copy of the window
 * @win_start: first user byte in the window
 * @win_len: bytes in the window; 0 when no window is loaded
 * @win_dirty: the window has bits that are not written back yet
 * @error: a user copy failed; set bits may have been lost
 */
struct iova_bitmap {
	unsigned long iova;
	unsigned long length;
	unsigned long pgshift;
	u8 __user *data;
	unsigned long nbytes;
	u8 *win;
	unsigned long win_start;
	unsigned long win_len;
	bool win_dirty;
	int error;
};

/**
 * iova_bitmap_alloc() - prepare to record dirty IOVAs into a user bitmap
 * @iova: the IOVA of bit 0
 * @length: length of the IOVA range in bytes
 * @page_size: IOVA size of one bit, a power of two
 * @data: the user bitmap, at least DIV_ROUND_UP(length / page_size, 8)
 *	bytes
 *
 * Return: the bitmap or an ERR_PTR.
 */
struct iova_bitmap *iova_bitmap_alloc(unsigned long iova, size_t length,
				      unsigned long page_size,
				      u64 __user *data)
{
	struct iova_bitmap *bitmap;
	unsigned long nbits;

	if (!length || !page_size || !is_power_of_2(page_size))
		return ERR_PTR(-EINVAL);

	bitmap = kzalloc(sizeof(*bitmap), GFP_KERNEL);
	if (!bitmap)
		return ERR_PTR(-ENOMEM);

	bitmap->iova = iova;
	bitmap->length = length;
	bitmap->pgshift = __ffs(page_size);
	bitmap->data = (u8 __user *)data;
	nbits = ((length - 1) >> bitmap->pgshift) + 1;
	bitmap->nbytes = DIV_ROUND_UP(nbits, BITS_PER_BYTE);

	bitmap->win = kmalloc(min_t(unsigned long, bitmap->nbytes,
				    IOVA_BITMAP_WINDOW), GFP_KERNEL);
	if (!bitmap->win) {
		kfree(bitmap);
		return ERR_PTR(-ENOMEM);
	}
	return bitmap;
}
EXPORT_SYMBOL_NS_GPL(iova_bitmap_alloc, IOMMUFD);

/* Write the window back to userspace if it changed */
static void iova_bitmap_flush(struct iova_bitmap *bitmap)
{
	if (!bitmap->win_dirty)
		return;
	if (copy_to_user(bitmap->data + bitmap->win_start, bitmap->win,
			 bitmap->win_len))
		bitmap->error = -EFAULT;
	bitmap->win_dirty = false;
}

/* Make the window start at user byte first */
static int iova_bitmap_load(struct iova_bitmap *bitmap, unsigned long first)
{
	unsigned long len;

	iova_bitmap_flush(bitmap);
	len = min_t(unsigned long, bitmap->nbytes - first, IOVA_BITMAP_WINDOW);
	bitmap->win_len = 0;
	/* Existing bits must survive, so the window starts as a copy. */
	if (copy_from_user(bitmap->win, bitmap->data + first, len)) {
		bitmap->error = -EFAULT;
		return -EFAULT;
	}
	bitmap->win_start = first;
	bitmap->win_len = len;
	return 0;
}

/**
 * iova_bitmap_free() - write back what is pending and free the bitmap
 * @bitmap: the bitmap
 */
void iova_bitmap_free(struct iova_bitmap *bitmap)
{
	iova_bitmap_flush(bitmap);
	kfree(bitmap->win);
	kfree(bitmap);
}
EXPORT_SYMBOL_NS_GPL(iova_bitmap_free, IOMMUFD);

/**
 * iova_bitmap_for_each() - run a collector over the bitmap's IOVA range
 * @bitmap: the bitmap
 * @opaque: passed to @fn
 * @fn: called for the IOVA range; it calls iova_bitmap_set() for what is
 *	dirty
 *
 * Return: the error of @fn, -EFAULT if the user bitmap could not be
 * accessed, or 0.
 */
int iova_bitmap_for_each(struct iova_bitmap *bitmap, void *opaque,
			 iova_bitmap_fn_t fn)
{
	int rc;

	rc = fn(bitmap, bitmap->iova, bitmap->length, opaque);
	iova_bitmap_flush(bitmap);
	return rc ?: bitmap->error;
}
EXPORT_SYMBOL_NS_GPL(iova_bitmap_for_each, IOMMUFD);

/* Set nbits bits of buf from bit start, byte-wise little-endian numbering */
static void iova_bitmap_set_bits(u8 *buf, unsigned long start,
				 unsigned long nbits)
{
	while (nbits && (start % BITS_PER_BYTE)) {
		buf[start / BITS_PER_BYTE] |= 1U << (start % BITS_PER_BYTE);
		start++;
		nbits--;
	}
	if (nbits >= BITS_PER_BYTE) {
		memset(buf + start / BITS_PER_BYTE, 0xff, nbits / BITS_PER_BYTE);
		start += round_down(nbits, BITS_PER_BYTE);
		nbits %= BITS_PER_BYTE;
	}
	while (nbits) {
		buf[start / BITS_PER_BYTE] |= 1U << (start % BITS_PER_BYTE);
		start++;
		nbits--;
	}
}

/**
 * iova_bitmap_set() - record an IOVA range as dirty
 * @bitmap: the bitmap
 * @iova: first IOVA of the range
 * @length: length of the range
 *
 * Every bit whose IOVA range intersects [iova, iova + length) is set. The
 * parts of the range outside the bitmap's IOVA range are ignored.
 */
void iova_bitmap_set(struct iova_bitmap *bitmap, unsigned long iova,
		     size_t length)
{
	unsigned long bitmap_last = bitmap->iova + bitmap->length - 1;
	unsigned long last;
	unsigned long cur_bit;
	unsigned long last_bit;

	if (!length || check_add_overflow(iova, length - 1, &last))
		return;
	if (last < bitmap->iova || iova > bitmap_last)
		return;
	iova = max(iova, bitmap->iova);
	last = min(last, bitmap_last);

	cur_bit = (iova - bitmap->iova) >> bitmap->pgshift;
	last_bit = (last - bitmap->iova) >> bitmap->pgshift;

	while (cur_bit <= last_bit) {
		unsigned long byte = cur_bit / BITS_PER_BYTE;
		unsigned long win_end_bit;
		unsigned long nbits;

		if (!bitmap->win_len || byte < bitmap->win_start ||
		    byte >= bitmap->win_start + bitmap->win_len) {
			if (iova_bitmap_load(bitmap, byte))
				return;
		}

		win_end_bit = (bitmap->win_start + bitmap->win_len) *
			      BITS_PER_BYTE;
		nbits = min(last_bit + 1, win_end_bit) - cur_bit;
		iova_bitmap_set_bits(bitmap->win,
				     cur_bit - bitmap->win_start * BITS_PER_BYTE,
				     nbits);
		bitmap->win_dirty = true;
		cur_bit += nbits;
	}
}
EXPORT_SYMBOL_NS_GPL(iova_bitmap_set, IOMMUFD);
