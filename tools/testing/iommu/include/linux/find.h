/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FIND_H
#define _LINUX_FIND_H

#include <linux/bits.h>
#include <linux/types.h>

/*
 * Bit searching in arrays of unsigned long.  Every function returns the
 * index found, or @size when there is none.
 */
unsigned long _find_next_bit(const unsigned long *addr, unsigned long size,
			     unsigned long offset);
unsigned long _find_next_zero_bit(const unsigned long *addr, unsigned long size,
				  unsigned long offset);
unsigned long _find_next_and_bit(const unsigned long *addr1, const unsigned long *addr2,
				 unsigned long size, unsigned long offset);
unsigned long _find_last_bit(const unsigned long *addr, unsigned long size);
unsigned long _find_nth_bit(const unsigned long *addr, unsigned long size, unsigned long n);

static inline unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
					  unsigned long offset)
{
	return _find_next_bit(addr, size, offset);
}

static inline unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
					       unsigned long offset)
{
	return _find_next_zero_bit(addr, size, offset);
}

static inline unsigned long find_next_and_bit(const unsigned long *addr1,
					      const unsigned long *addr2, unsigned long size,
					      unsigned long offset)
{
	return _find_next_and_bit(addr1, addr2, size, offset);
}

static inline unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{
	return _find_next_bit(addr, size, 0);
}

static inline unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size)
{
	return _find_next_zero_bit(addr, size, 0);
}

static inline unsigned long find_first_and_bit(const unsigned long *addr1,
					       const unsigned long *addr2, unsigned long size)
{
	return _find_next_and_bit(addr1, addr2, size, 0);
}

static inline unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	return _find_last_bit(addr, size);
}

static inline unsigned long find_nth_bit(const unsigned long *addr, unsigned long size,
					 unsigned long n)
{
	return _find_nth_bit(addr, size, n);
}

#define for_each_set_bit(bit, addr, size) \
	for ((bit) = 0; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); (bit)++)

#define for_each_set_bit_from(bit, addr, size) \
	for (; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); (bit)++)

#define for_each_clear_bit(bit, addr, size) \
	for ((bit) = 0; \
	     (bit) = find_next_zero_bit((addr), (size), (bit)), (bit) < (size); \
	     (bit)++)

#define for_each_clear_bit_from(bit, addr, size) \
	for (; (bit) = find_next_zero_bit((addr), (size), (bit)), (bit) < (size); (bit)++)

#define for_each_and_bit(bit, addr1, addr2, size) \
	for ((bit) = 0; \
	     (bit) = find_next_and_bit((addr1), (addr2), (size), (bit)), (bit) < (size); \
	     (bit)++)

#endif /* _LINUX_FIND_H */
