// SPDX-License-Identifier: GPL-2.0
/*
 * Bitmap operations and bit searching.
 */
#include <linux/bitmap.h>
#include <linux/ctype.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <asm/page.h>

/* ---- searching ---- */

/*
 * One search routine for all flavours: scan word by word, transforming
 * each word with @invert (find zeroes) and @and (intersection), from bit
 * @start below @size.
 */
static unsigned long find_next(const unsigned long *a, const unsigned long *b,
			       unsigned long size, unsigned long start, bool invert)
{
	unsigned long word;

	if (start >= size)
		return size;
	word = a[start / BITS_PER_LONG];
	if (b)
		word &= b[start / BITS_PER_LONG];
	if (invert)
		word = ~word;
	word &= BITMAP_FIRST_WORD_MASK(start);
	start &= ~(BITS_PER_LONG - 1);
	while (!word) {
		start += BITS_PER_LONG;
		if (start >= size)
			return size;
		word = a[start / BITS_PER_LONG];
		if (b)
			word &= b[start / BITS_PER_LONG];
		if (invert)
			word = ~word;
	}
	return min(start + __ffs(word), size);
}

unsigned long _find_next_bit(const unsigned long *addr, unsigned long size,
			     unsigned long offset)
{
	return find_next(addr, NULL, size, offset, false);
}
EXPORT_SYMBOL(_find_next_bit);

unsigned long _find_next_zero_bit(const unsigned long *addr, unsigned long size,
				  unsigned long offset)
{
	return find_next(addr, NULL, size, offset, true);
}
EXPORT_SYMBOL(_find_next_zero_bit);

unsigned long _find_next_and_bit(const unsigned long *addr1, const unsigned long *addr2,
				 unsigned long size, unsigned long offset)
{
	return find_next(addr1, addr2, size, offset, false);
}
EXPORT_SYMBOL(_find_next_and_bit);

unsigned long _find_last_bit(const unsigned long *addr, unsigned long size)
{
	unsigned long idx, word;

	if (!size)
		return 0;
	idx = (size - 1) / BITS_PER_LONG;
	word = addr[idx] & BITMAP_LAST_WORD_MASK(size);
	for (;;) {
		if (word)
			return idx * BITS_PER_LONG + __fls(word);
		if (!idx)
			return size;
		word = addr[--idx];
	}
}
EXPORT_SYMBOL(_find_last_bit);

unsigned long _find_nth_bit(const unsigned long *addr, unsigned long size, unsigned long n)
{
	unsigned long bit;

	for_each_set_bit(bit, addr, size)
		if (n-- == 0)
			return bit;
	return size;
}
EXPORT_SYMBOL(_find_nth_bit);

/* ---- whole-bitmap operations ---- */

/* Mask selecting the valid bits of word i of an nbits bitmap. */
static inline unsigned long word_mask(unsigned int i, unsigned int nbits)
{
	if ((i + 1) * BITS_PER_LONG <= nbits)
		return ~0UL;
	return BITMAP_LAST_WORD_MASK(nbits);
}

/* How bitmap_any() combines a word of each operand. */
enum bitmap_pair_op {
	BITMAP_PAIR_DIFF,	/* a ^ b */
	BITMAP_PAIR_BOTH,	/* a & b */
	BITMAP_PAIR_ONLY_A,	/* a & ~b */
};

/* Whether the first @nbits of @a and @b, combined as @op says, have a bit set. */
static bool bitmap_any(const unsigned long *a, const unsigned long *b, unsigned int nbits,
		       enum bitmap_pair_op op)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++) {
		unsigned long w;

		switch (op) {
		case BITMAP_PAIR_DIFF:
			w = a[i] ^ b[i];
			break;
		case BITMAP_PAIR_BOTH:
			w = a[i] & b[i];
			break;
		default:
			w = a[i] & ~b[i];
			break;
		}
		if (w & word_mask(i, nbits))
			return true;
	}
	return false;
}

bool __bitmap_equal(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	return !bitmap_any(a, b, nbits, BITMAP_PAIR_DIFF);
}
EXPORT_SYMBOL(__bitmap_equal);

bool __bitmap_intersects(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	return bitmap_any(a, b, nbits, BITMAP_PAIR_BOTH);
}
EXPORT_SYMBOL(__bitmap_intersects);

bool __bitmap_subset(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	return !bitmap_any(a, b, nbits, BITMAP_PAIR_ONLY_A);
}
EXPORT_SYMBOL(__bitmap_subset);

unsigned int __bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int i, w = 0;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		w += hweight_long(src[i] & word_mask(i, nbits));
	return w;
}
EXPORT_SYMBOL(__bitmap_weight);

unsigned int __bitmap_weight_and(const unsigned long *a, const unsigned long *b,
				 unsigned int nbits)
{
	unsigned int i, w = 0;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		w += hweight_long(a[i] & b[i] & word_mask(i, nbits));
	return w;
}
EXPORT_SYMBOL(__bitmap_weight_and);

bool __bitmap_and(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		  unsigned int nbits)
{
	unsigned long any = 0;
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++) {
		dst[i] = a[i] & b[i];
		any |= dst[i] & word_mask(i, nbits);
	}
	return any != 0;
}
EXPORT_SYMBOL(__bitmap_and);

void __bitmap_or(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		 unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = a[i] | b[i];
}
EXPORT_SYMBOL(__bitmap_or);

void __bitmap_xor(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		  unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = a[i] ^ b[i];
}
EXPORT_SYMBOL(__bitmap_xor);

bool __bitmap_andnot(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		     unsigned int nbits)
{
	unsigned long any = 0;
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++) {
		dst[i] = a[i] & ~b[i];
		any |= dst[i] & word_mask(i, nbits);
	}
	return any != 0;
}
EXPORT_SYMBOL(__bitmap_andnot);

void __bitmap_complement(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = ~src[i];
}
EXPORT_SYMBOL(__bitmap_complement);

void __bitmap_shift_right(unsigned long *dst, const unsigned long *src, unsigned int shift,
			  unsigned int nbits)
{
	unsigned int i;

	/* Walk upwards: each destination bit reads a source bit at or above it. */
	for (i = 0; i < nbits; i++) {
		if (i + shift < nbits && test_bit(i + shift, src))
			__set_bit(i, dst);
		else
			__clear_bit(i, dst);
	}
}
EXPORT_SYMBOL(__bitmap_shift_right);

void __bitmap_shift_left(unsigned long *dst, const unsigned long *src, unsigned int shift,
			 unsigned int nbits)
{
	unsigned int i;

	/* Walk downwards: each destination bit reads a source bit at or below it. */
	for (i = nbits; i-- > 0;) {
		if (i >= shift && test_bit(i - shift, src))
			__set_bit(i, dst);
		else
			__clear_bit(i, dst);
	}
}
EXPORT_SYMBOL(__bitmap_shift_left);

/* Set (@value true) or clear every bit in [@start, @start + @len), a word at a time. */
static void bitmap_fill_range(unsigned long *map, unsigned int start, unsigned int len,
			      bool value)
{
	unsigned int end = start + len;

	while (start < end) {
		unsigned int off = start % BITS_PER_LONG;
		unsigned int n = min(end - start, (unsigned int)BITS_PER_LONG - off);
		unsigned long mask = (n == BITS_PER_LONG ? ~0UL : ((1UL << n) - 1)) << off;
		unsigned long *word = &map[start / BITS_PER_LONG];

		*word = value ? *word | mask : *word & ~mask;
		start += n;
	}
}

void bitmap_set(unsigned long *map, unsigned int start, unsigned int len)
{
	bitmap_fill_range(map, start, len, true);
}
EXPORT_SYMBOL(bitmap_set);

void bitmap_clear(unsigned long *map, unsigned int start, unsigned int len)
{
	bitmap_fill_range(map, start, len, false);
}
EXPORT_SYMBOL(bitmap_clear);

unsigned long bitmap_find_next_zero_area_off(unsigned long *map, unsigned long size,
					     unsigned long start, unsigned int nr,
					     unsigned long align_mask,
					     unsigned long align_offset)
{
	unsigned long index, end, busy;

	for (;;) {
		index = find_next_zero_bit(map, size, start);
		/* Round up so that index + align_offset is aligned. */
		index = ((index + align_offset + align_mask) & ~align_mask) - align_offset;
		end = index + nr;
		if (end > size)
			return end;
		busy = find_next_bit(map, end, index);
		if (busy >= end)
			return index;
		start = busy + 1;
	}
}
EXPORT_SYMBOL(bitmap_find_next_zero_area_off);

int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits, int order)
{
	unsigned int pos, len = 1U << order;

	for (pos = 0; pos + len <= bits; pos += len) {
		if (find_next_bit(bitmap, pos + len, pos) < pos + len)
			continue;
		bitmap_set(bitmap, pos, len);
		return pos;
	}
	return -ENOMEM;
}
EXPORT_SYMBOL(bitmap_find_free_region);

void bitmap_release_region(unsigned long *bitmap, unsigned int pos, int order)
{
	bitmap_clear(bitmap, pos, 1U << order);
}
EXPORT_SYMBOL(bitmap_release_region);

int bitmap_allocate_region(unsigned long *bitmap, unsigned int pos, int order)
{
	unsigned int len = 1U << order;

	if (find_next_bit(bitmap, pos + len, pos) < pos + len)
		return -EBUSY;
	bitmap_set(bitmap, pos, len);
	return 0;
}
EXPORT_SYMBOL(bitmap_allocate_region);

void bitmap_from_arr32(unsigned long *bitmap, const u32 *buf, unsigned int nbits)
{
	unsigned int i, n = DIV_ROUND_UP(nbits, 32);

	bitmap_zero(bitmap, nbits);
	for (i = 0; i < n; i++)
		bitmap[i / 2] |= (unsigned long)buf[i] << (32 * (i % 2));
	if (nbits % BITS_PER_LONG)
		bitmap[(nbits - 1) / BITS_PER_LONG] &= BITMAP_LAST_WORD_MASK(nbits);
}
EXPORT_SYMBOL(bitmap_from_arr32);

void bitmap_to_arr32(u32 *buf, const unsigned long *bitmap, unsigned int nbits)
{
	unsigned int i, n = DIV_ROUND_UP(nbits, 32);

	for (i = 0; i < n; i++)
		buf[i] = (u32)(bitmap[i / 2] >> (32 * (i % 2)));
	if (nbits % 32)
		buf[n - 1] &= (u32)(~0U >> (32 - nbits % 32));
}
EXPORT_SYMBOL(bitmap_to_arr32);

void bitmap_from_arr64(unsigned long *bitmap, const u64 *buf, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		bitmap[i] = buf[i];
	if (nbits % BITS_PER_LONG)
		bitmap[(nbits - 1) / BITS_PER_LONG] &= BITMAP_LAST_WORD_MASK(nbits);
}
EXPORT_SYMBOL(bitmap_from_arr64);

void bitmap_to_arr64(u64 *buf, const unsigned long *bitmap, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		buf[i] = bitmap[i];
	if (nbits % 64)
		buf[(nbits - 1) / 64] &= BITMAP_LAST_WORD_MASK(nbits);
}
EXPORT_SYMBOL(bitmap_to_arr64);

unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags)
{
	return kmalloc_array(BITS_TO_LONGS(nbits), sizeof(unsigned long), flags);
}
EXPORT_SYMBOL(bitmap_alloc);

unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags)
{
	return bitmap_alloc(nbits, flags | __GFP_ZERO);
}
EXPORT_SYMBOL(bitmap_zalloc);

void bitmap_free(const unsigned long *bitmap)
{
	kfree(bitmap);
}
EXPORT_SYMBOL(bitmap_free);

int bitmap_print_to_pagebuf(bool list, char *buf, const unsigned long *maskp, int nmaskbits)
{
	return scnprintf(buf, PAGE_SIZE, list ? "%*pbl\n" : "%*pb\n", nmaskbits, maskp);
}
EXPORT_SYMBOL(bitmap_print_to_pagebuf);

static const char *parse_uint(const char *s, unsigned int *val)
{
	unsigned long v = 0;

	if (!isdigit(*s))
		return NULL;
	while (isdigit(*s)) {
		v = v * 10 + (*s++ - '0');
		if (v > UINT_MAX)
			return NULL;
	}
	*val = v;
	return s;
}

int bitmap_parselist(const char *buf, unsigned long *maskp, int nmaskbits)
{
	unsigned int a, b;

	bitmap_zero(maskp, nmaskbits);
	buf = skip_spaces(buf);
	if (!*buf || *buf == '\n')
		return 0;
	for (;;) {
		buf = parse_uint(buf, &a);
		if (!buf)
			return -EINVAL;
		b = a;
		if (*buf == '-') {
			buf = parse_uint(buf + 1, &b);
			if (!buf || b < a)
				return -EINVAL;
		}
		if (b >= (unsigned int)nmaskbits)
			return -ERANGE;
		bitmap_set(maskp, a, b - a + 1);
		if (*buf == ',') {
			buf++;
			continue;
		}
		buf = skip_spaces(buf);
		return *buf ? -EINVAL : 0;
	}
}
EXPORT_SYMBOL(bitmap_parselist);
