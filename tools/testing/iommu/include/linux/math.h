/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

#include <linux/types.h>
#include <linux/const.h>

/* Round x up/down to a multiple of y, a power of two. */
#define __round_mask(x, y) ((__typeof__(x))((y) - 1))
#define round_up(x, y) ((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y) ((x) & ~__round_mask(x, y))

#define DIV_ROUND_UP __KERNEL_DIV_ROUND_UP
#define DIV_ROUND_DOWN_ULL(ll, d) ({ unsigned long long __drd = (ll); __drd / (d); })
#define DIV_ROUND_UP_ULL(ll, d) DIV_ROUND_DOWN_ULL((unsigned long long)(ll) + (d) - 1, (d))
#define DIV_ROUND_UP_SECTOR_T(ll, d) DIV_ROUND_UP_ULL(ll, d)

/* Round x up/down to a multiple of y, any positive value. */
#define roundup(x, y) ({ typeof(y) __ru_y = (y); (((x) + (__ru_y - 1)) / __ru_y) * __ru_y; })
#define rounddown(x, y) ({ typeof(x) __rd_x = (x); __rd_x - (__rd_x % (y)); })

#define DIV_ROUND_CLOSEST(x, divisor) ({				\
	typeof(x) __drc_x = (x);					\
	typeof(divisor) __drc_d = (divisor);				\
	(((typeof(x))-1) > 0 || ((typeof(divisor))-1) > 0 ||		\
	 (((__drc_x) > 0) == ((__drc_d) > 0))) ?			\
		(((__drc_x) + ((__drc_d) / 2)) / (__drc_d)) :		\
		(((__drc_x) - ((__drc_d) / 2)) / (__drc_d)); })

#define DIV_ROUND_CLOSEST_ULL(x, divisor) ({			\
	typeof(divisor) __drcu_d = divisor;			\
	unsigned long long __drcu_t = (x) + (__drcu_d) / 2;	\
	__drcu_t / __drcu_d; })

#define abs(x) ({ __auto_type __abs_x = (x); __abs_x < 0 ? -__abs_x : __abs_x; })

/**
 * mult_frac() - x * n / d without overflowing the intermediate
 * @x: value
 * @n: numerator
 * @d: denominator
 *
 * Each argument is evaluated once.
 */
#define mult_frac(x, n, d) ({					\
	typeof(x) __mf_x = (x);					\
	typeof(n) __mf_n = (n);					\
	typeof(d) __mf_d = (d);					\
	typeof(__mf_x) __mf_q = __mf_x / __mf_d;		\
	typeof(__mf_x) __mf_r = __mf_x % __mf_d;		\
	(__mf_q * __mf_n) + ((__mf_r * __mf_n) / __mf_d); })

static inline u32 reciprocal_scale(u32 val, u32 ep_ro)
{
	return (u32)(((u64)val * ep_ro) >> 32);
}

/* 64-bit division helpers of <linux/math64.h>; the host has native 64-bit divides. */
static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	*remainder = dividend % divisor;
	return dividend / divisor;
}

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	return dividend / divisor;
}

static inline s64 div_s64(s64 dividend, s32 divisor)
{
	return dividend / divisor;
}

static inline u64 div64_u64(u64 dividend, u64 divisor)
{
	return dividend / divisor;
}

static inline u64 div64_u64_rem(u64 dividend, u64 divisor, u64 *remainder)
{
	*remainder = dividend % divisor;
	return dividend / divisor;
}

static inline s64 div64_s64(s64 dividend, s64 divisor)
{
	return dividend / divisor;
}

static inline u64 div64_ul(u64 dividend, unsigned long divisor)
{
	return dividend / divisor;
}

static inline u64 mul_u64_u32_div(u64 a, u32 mul, u32 divisor)
{
	return (u64)(((u128)a * mul) / divisor);
}

#define do_div(n, base) ({					\
	u32 __dd_base = (base);					\
	u32 __dd_rem = (u32)((n) % __dd_base);			\
	(n) = (n) / __dd_base;					\
	__dd_rem; })

#define sector_div(a, b) do_div(a, b)

#define DIV64_U64_ROUND_UP(ll, d) ({ u64 __d64 = (d); div64_u64((ll) + __d64 - 1, __d64); })

#endif /* _LINUX_MATH_H */
