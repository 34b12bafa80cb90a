/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WORDPART_H
#define _LINUX_WORDPART_H

/*
 * Halves of 32- and 64-bit words.  The high half of a 32-bit value is 0; the
 * shift is split in two so that it stays defined for 32-bit arguments.
 */
#define lower_16_bits(n)	((u16)((n) & 0xffffU))
#define upper_16_bits(n)	((u16)((n) >> 16))
#define lower_32_bits(n)	((u32)((n) & 0xffffffffU))
#define upper_32_bits(n)	((u32)((n) >> 31 >> 1))

#endif /* _LINUX_WORDPART_H */
