/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#include <linux/compiler.h>
#include <linux/const.h>
#include <linux/types.h>

/*
 * Each argument is evaluated exactly once.  Unlike Linux the host build
 * does not reject mixed-signedness arguments at compile time; the kernel
 * build (and sparse) still does, so keep call sites clean.
 */
#define __mm_pick(x, y, op) ({			\
	__auto_type __mm_x = (x);		\
	__auto_type __mm_y = (y);		\
	__mm_x op __mm_y ? __mm_x : __mm_y; })

#define min(x, y)	__mm_pick(x, y, <)
#define max(x, y)	__mm_pick(x, y, >)
#define umin(x, y)	min((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define umax(x, y)	max((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define min3(x, y, z)	min((typeof((x) + (y) + (z)))min(x, y), z)
#define max3(x, y, z)	max((typeof((x) + (y) + (z)))max(x, y), z)

#define min_t(type, x, y)	__mm_pick((type)(x), (type)(y), <)
#define max_t(type, x, y)	__mm_pick((type)(x), (type)(y), >)

/**
 * min_not_zero() - the smaller of two values, ignoring a zero
 * @x: first value
 * @y: second value
 */
#define min_not_zero(x, y) ({			\
	typeof(x) __mnz_x = (x);		\
	typeof(y) __mnz_y = (y);		\
	__mnz_x == 0 ? __mnz_y : ((__mnz_y == 0) ? __mnz_x : min(__mnz_x, __mnz_y)); })

#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
#define clamp(val, lo, hi) clamp_t(typeof(val), val, lo, hi)
#define clamp_val(val, lo, hi) clamp_t(typeof(val), val, lo, hi)

/**
 * in_range() - whether val lies in [start, start + len)
 * @val: value to test
 * @start: first value of the range
 * @len: length of the range
 */
#define in_range(val, start, len)					\
	((sizeof(start) | sizeof(len) | sizeof(val)) <= sizeof(u32) ?	\
	 (u32)((u32)(val) - (u32)(start)) < (u32)(len) :		\
	 (u64)((u64)(val) - (u64)(start)) < (u64)(len))

/**
 * swap() - exchange two lvalues of the same type
 * @a: first
 * @b: second
 */
#define swap(a, b) \
	do { typeof(a) __swap_tmp = (a); (a) = (b); (b) = __swap_tmp; } while (0)

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN_T(type, a, b) MIN((type)(a), (type)(b))
#define MAX_T(type, a, b) MAX((type)(a), (type)(b))

#endif /* _LINUX_MINMAX_H */
