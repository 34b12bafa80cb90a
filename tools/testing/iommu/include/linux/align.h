/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ALIGN_H
#define _LINUX_ALIGN_H

#include <linux/const.h>

/*
 * Alignment helpers.  The alignment argument is always a power of two; the
 * low-bit mask is computed in the type of the value being aligned so that
 * 64-bit values are not truncated by a narrower alignment constant.
 */
#define __align_lowbits(v, a)	((typeof(v))(a) - 1)

#define __ALIGN_MASK(x, mask)	__ALIGN_KERNEL_MASK((x), (mask))
#define ALIGN(x, a)		__ALIGN_MASK(x, __align_lowbits(x, a))
#define ALIGN_DOWN(x, a)	((x) & ~__align_lowbits(x, a))
#define IS_ALIGNED(x, a)	(!((x) & __align_lowbits(x, a)))

/* Pointer flavours: do the arithmetic on the address, keep the pointer type. */
#define __ptr_align_op(op, p, a)	((typeof(p))op((unsigned long)(p), (a)))
#define PTR_ALIGN(p, a)			__ptr_align_op(ALIGN, p, a)
#define PTR_ALIGN_DOWN(p, a)		__ptr_align_op(ALIGN_DOWN, p, a)

#endif /* _LINUX_ALIGN_H */
