/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_OVERFLOW_H
#define _LINUX_OVERFLOW_H

#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/const.h>

/*
 * Arithmetic with overflow detection on top of the compiler built-ins.
 * The check_*_overflow() helpers store the (wrapped) result in *d and
 * return true if it did not fit.
 */
#define check_add_overflow(a, b, d)	__must_check_overflow(__builtin_add_overflow(a, b, d))
#define check_sub_overflow(a, b, d)	__must_check_overflow(__builtin_sub_overflow(a, b, d))
#define check_mul_overflow(a, b, d)	__must_check_overflow(__builtin_mul_overflow(a, b, d))

static inline bool __must_check __must_check_overflow(bool overflow)
{
	return unlikely(overflow);
}

#define type_max(t)	((t)(is_signed_type(t) ? \
			     (((t)1 << (sizeof(t) * 8 - 2)) - 1) * 2 + 1 : (t)~(t)0))
#define type_min(t)	((t)(is_signed_type(t) ? -type_max(t) - (t)1 : (t)0))

#define __type_min(T)	type_min(T)
#define __type_max(T)	type_max(T)

/* Whether a + b (or a - b, a * b) would wrap in the type of a. */
#define wrapping_add(type, a, b) ({ type __wa; __builtin_add_overflow(a, b, &__wa); __wa; })
#define wrapping_sub(type, a, b) ({ type __ws; __builtin_sub_overflow(a, b, &__ws); __ws; })
#define wrapping_mul(type, a, b) ({ type __wm; __builtin_mul_overflow(a, b, &__wm); __wm; })

#define overflows_type(n, T) ({ typeof(T) __ot_v; __builtin_add_overflow(n, 0, &__ot_v); })

/* Shift a left by s into *d; true if bits were lost or s is out of range. */
#define check_shl_overflow(a, s, d) __must_check_overflow(({			\
	typeof(a) __cso_a = (a);						\
	typeof(s) __cso_s = (s);						\
	typeof(d) __cso_d = (d);						\
	u64 __cso_sh = __cso_s;							\
	*__cso_d = (__cso_sh >= sizeof(*__cso_d) * 8) ? 0 :			\
		(typeof(*__cso_d))((u64)__cso_a << __cso_sh);			\
	__cso_sh >= sizeof(*__cso_d) * 8 || __cso_a < 0 ||			\
	((u64)*__cso_d >> __cso_sh) != (u64)__cso_a;				\
}))

/**
 * size_mul() - multiply sizes, saturating at SIZE_MAX
 * @factor1: first factor
 * @factor2: second factor
 *
 * Return: the product, or SIZE_MAX on overflow.
 */
static inline size_t __must_check size_mul(size_t factor1, size_t factor2)
{
	size_t bytes;

	if (check_mul_overflow(factor1, factor2, &bytes))
		return SIZE_MAX;
	return bytes;
}

/**
 * size_add() - add sizes, saturating at SIZE_MAX
 * @addend1: first addend
 * @addend2: second addend
 *
 * Return: the sum, or SIZE_MAX on overflow.
 */
static inline size_t __must_check size_add(size_t addend1, size_t addend2)
{
	size_t bytes;

	if (check_add_overflow(addend1, addend2, &bytes))
		return SIZE_MAX;
	return bytes;
}

/**
 * size_sub() - subtract sizes, saturating at SIZE_MAX
 * @minuend: value
 * @subtrahend: value to subtract
 *
 * Return: the difference; SIZE_MAX if either input is SIZE_MAX or the
 * result would be negative.
 */
static inline size_t __must_check size_sub(size_t minuend, size_t subtrahend)
{
	size_t bytes;

	if (minuend == SIZE_MAX || subtrahend == SIZE_MAX ||
	    check_sub_overflow(minuend, subtrahend, &bytes))
		return SIZE_MAX;
	return bytes;
}

#define array_size(a, b)	size_mul(a, b)
#define array3_size(a, b, c)	size_mul(size_mul(a, b), c)

#define flex_array_size(p, member, count)				\
	__builtin_choose_expr(__is_constexpr(count),			\
		(count) * sizeof(*(p)->member) + __must_be_array((p)->member), \
		size_mul(count, sizeof(*(p)->member) + __must_be_array((p)->member)))

/**
 * struct_size() - size of a structure with a trailing flexible array
 * @p: pointer to the structure
 * @member: the flexible array member
 * @count: number of array elements
 *
 * Return: the size, or SIZE_MAX on overflow.
 */
#define struct_size(p, member, count)					\
	__builtin_choose_expr(__is_constexpr(count),			\
		sizeof(*(p)) + flex_array_size(p, member, count),	\
		size_add(sizeof(*(p)), flex_array_size(p, member, count)))

#define struct_size_t(type, member, count) struct_size((type *)NULL, member, count)

#define _DEFINE_FLEX(type, name, member, count, initializer...)		\
	union {								\
		u8 bytes[struct_size_t(type, member, count)];		\
		type obj;						\
	} name##_u = { .obj initializer };				\
	type *name = (type *)&name##_u

#define DEFINE_FLEX(type, name, member, counter, count) \
	_DEFINE_FLEX(type, name, member, count, = { .counter = count, })
#define DEFINE_RAW_FLEX(type, name, member, count) \
	_DEFINE_FLEX(type, name, member, count, = {})

#endif /* _LINUX_OVERFLOW_H */
