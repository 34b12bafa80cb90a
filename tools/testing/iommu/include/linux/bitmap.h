/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BITMAP_H
#define _LINUX_BITMAP_H

#include <linux/align.h>
#include <linux/bitops.h>
#include <linux/cleanup.h>
#include <linux/errno.h>
#include <linux/find.h>
#include <linux/limits.h>
#include <linux/string.h>
#include <linux/types.h>

/*
 * Bitmaps are arrays of unsigned long; bit n is bit (n % BITS_PER_LONG)
 * of word n / BITS_PER_LONG.  Bits past nbits in the last word are
 * "don't care" on input; functions that produce a bitmap may set them
 * only where Linux does (bitmap_fill(), bitmap_complement()).
 */

#define BITMAP_FIRST_WORD_MASK(start) (~0UL << ((start) & (BITS_PER_LONG - 1)))
#define BITMAP_LAST_WORD_MASK(nbits) (~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))

#define small_const_nbits(nbits) \
	(__builtin_constant_p(nbits) && (nbits) <= BITS_PER_LONG && (nbits) > 0)

unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags);
unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags);
void bitmap_free(const unsigned long *bitmap);

DEFINE_FREE(bitmap, unsigned long *, if (_T) bitmap_free(_T))

static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

static inline void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0xff, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

static inline void bitmap_copy(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{
	memcpy(dst, src, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

bool __bitmap_equal(const unsigned long *a, const unsigned long *b, unsigned int nbits);
bool __bitmap_intersects(const unsigned long *a, const unsigned long *b, unsigned int nbits);
bool __bitmap_subset(const unsigned long *a, const unsigned long *b, unsigned int nbits);
unsigned int __bitmap_weight(const unsigned long *src, unsigned int nbits);
unsigned int __bitmap_weight_and(const unsigned long *a, const unsigned long *b,
				 unsigned int nbits);
bool __bitmap_and(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		  unsigned int nbits);
void __bitmap_or(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		 unsigned int nbits);
void __bitmap_xor(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		  unsigned int nbits);
bool __bitmap_andnot(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		     unsigned int nbits);
void __bitmap_complement(unsigned long *dst, const unsigned long *src, unsigned int nbits);
void __bitmap_shift_right(unsigned long *dst, const unsigned long *src, unsigned int shift,
			  unsigned int nbits);
void __bitmap_shift_left(unsigned long *dst, const unsigned long *src, unsigned int shift,
			 unsigned int nbits);

/**
 * bitmap_set() - set @len bits starting at @start
 * @map: the bitmap
 * @start: first bit
 * @len: number of bits
 */
void bitmap_set(unsigned long *map, unsigned int start, unsigned int len);

/**
 * bitmap_clear() - clear @len bits starting at @start
 * @map: the bitmap
 * @start: first bit
 * @len: number of bits
 */
void bitmap_clear(unsigned long *map, unsigned int start, unsigned int len);

#define __bitmap_set(map, start, len)	bitmap_set(map, start, len)
#define __bitmap_clear(map, start, len)	bitmap_clear(map, start, len)

/**
 * bitmap_find_next_zero_area_off() - find a run of clear bits
 * @map: the bitmap
 * @size: its size in bits
 * @start: where to start searching
 * @nr: length of the run
 * @align_mask: the run starts at (a multiple of align_mask + 1) - @align_offset
 * @align_offset: see @align_mask
 *
 * Return: the first bit of the run, or a value > @size - @nr if none.
 */
unsigned long bitmap_find_next_zero_area_off(unsigned long *map, unsigned long size,
					     unsigned long start, unsigned int nr,
					     unsigned long align_mask,
					     unsigned long align_offset);

static inline unsigned long bitmap_find_next_zero_area(unsigned long *map, unsigned long size,
						       unsigned long start, unsigned int nr,
						       unsigned long align_mask)
{
	return bitmap_find_next_zero_area_off(map, size, start, nr, align_mask, 0);
}

/**
 * bitmap_find_free_region() - allocate a naturally aligned run of 2^order bits
 * @bitmap: the bitmap
 * @bits: its size
 * @order: log2 of the run length
 *
 * Return: the first bit of the run (now set), or -ENOMEM.
 */
int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits, int order);
void bitmap_release_region(unsigned long *bitmap, unsigned int pos, int order);
int bitmap_allocate_region(unsigned long *bitmap, unsigned int pos, int order);

void bitmap_from_arr32(unsigned long *bitmap, const u32 *buf, unsigned int nbits);
void bitmap_to_arr32(u32 *buf, const unsigned long *bitmap, unsigned int nbits);
void bitmap_from_arr64(unsigned long *bitmap, const u64 *buf, unsigned int nbits);
void bitmap_to_arr64(u64 *buf, const unsigned long *bitmap, unsigned int nbits);

/**
 * bitmap_print_to_pagebuf() - print a bitmap as hex words or a range list
 * @list: true for "0-3,7" form, false for hex
 * @buf: output (PAGE_SIZE bytes)
 * @maskp: the bitmap
 * @nmaskbits: its size
 *
 * Return: characters written, including a trailing newline.
 */
int bitmap_print_to_pagebuf(bool list, char *buf, const unsigned long *maskp, int nmaskbits);

/**
 * bitmap_parselist() - parse a "0-3,7" list into a bitmap
 * @buf: the text
 * @maskp: output bitmap
 * @nmaskbits: its size
 *
 * Return: 0, -EINVAL on syntax errors, -ERANGE if a bit is too large.
 */
int bitmap_parselist(const char *buf, unsigned long *maskp, int nmaskbits);

static inline void bitmap_complement(unsigned long *dst, const unsigned long *src,
				     unsigned int nbits)
{
	__bitmap_complement(dst, src, nbits);
}

static inline bool bitmap_and(unsigned long *dst, const unsigned long *a,
			      const unsigned long *b, unsigned int nbits)
{
	return __bitmap_and(dst, a, b, nbits);
}

static inline void bitmap_or(unsigned long *dst, const unsigned long *a,
			     const unsigned long *b, unsigned int nbits)
{
	__bitmap_or(dst, a, b, nbits);
}

static inline void bitmap_xor(unsigned long *dst, const unsigned long *a,
			      const unsigned long *b, unsigned int nbits)
{
	__bitmap_xor(dst, a, b, nbits);
}

static inline bool bitmap_andnot(unsigned long *dst, const unsigned long *a,
				 const unsigned long *b, unsigned int nbits)
{
	return __bitmap_andnot(dst, a, b, nbits);
}

static inline bool bitmap_equal(const unsigned long *a, const unsigned long *b,
				unsigned int nbits)
{
	return __bitmap_equal(a, b, nbits);
}

static inline bool bitmap_intersects(const unsigned long *a, const unsigned long *b,
				     unsigned int nbits)
{
	return __bitmap_intersects(a, b, nbits);
}

static inline bool bitmap_subset(const unsigned long *a, const unsigned long *b,
				 unsigned int nbits)
{
	return __bitmap_subset(a, b, nbits);
}

static inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	return find_first_bit(src, nbits) == nbits;
}

static inline bool bitmap_full(const unsigned long *src, unsigned int nbits)
{
	return find_first_zero_bit(src, nbits) == nbits;
}

static inline unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	return __bitmap_weight(src, nbits);
}

static inline unsigned int bitmap_weight_and(const unsigned long *a, const unsigned long *b,
					     unsigned int nbits)
{
	return __bitmap_weight_and(a, b, nbits);
}

static inline void bitmap_shift_right(unsigned long *dst, const unsigned long *src,
				      unsigned int shift, unsigned int nbits)
{
	__bitmap_shift_right(dst, src, shift, nbits);
}

static inline void bitmap_shift_left(unsigned long *dst, const unsigned long *src,
				     unsigned int shift, unsigned int nbits)
{
	__bitmap_shift_left(dst, src, shift, nbits);
}

static inline void bitmap_from_u64(unsigned long *dst, u64 mask)
{
	dst[0] = mask;
}

static inline unsigned long bitmap_get_value8(const unsigned long *map, unsigned long start)
{
	return (map[BIT_WORD(start)] >> (start % BITS_PER_LONG)) & 0xff;
}

static inline void bitmap_set_value8(unsigned long *map, unsigned long value,
				     unsigned long start)
{
	const size_t index = BIT_WORD(start);
	const unsigned long offset = start % BITS_PER_LONG;

	map[index] &= ~(0xFFUL << offset);
	map[index] |= value << offset;
}

#endif /* _LINUX_BITMAP_H */
