/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>
#include <asm/cmpxchg.h>

/*
 * atomic_t, atomic64_t and atomic_long_t on top of the __atomic
 * built-ins.  Value-returning operations are fully ordered unless their
 * name says _relaxed, _acquire or _release, matching the kernel's rules.
 */

#define __HA_SC		__ATOMIC_SEQ_CST
#define __HA_RLX	__ATOMIC_RELAXED
#define __HA_ACQ	__ATOMIC_ACQUIRE
#define __HA_REL	__ATOMIC_RELEASE

#define __HOST_ATOMIC_OPS(pfx, atype, ctype)					\
static __always_inline ctype pfx##_read(const atype *v)				\
{ return __atomic_load_n(&v->counter, __HA_RLX); }				\
static __always_inline ctype pfx##_read_acquire(const atype *v)			\
{ return __atomic_load_n(&v->counter, __HA_ACQ); }				\
static __always_inline void pfx##_set(atype *v, ctype i)			\
{ __atomic_store_n(&v->counter, i, __HA_RLX); }					\
static __always_inline void pfx##_set_release(atype *v, ctype i)		\
{ __atomic_store_n(&v->counter, i, __HA_REL); }					\
static __always_inline void pfx##_add(ctype i, atype *v)			\
{ __atomic_fetch_add(&v->counter, i, __HA_RLX); }				\
static __always_inline void pfx##_sub(ctype i, atype *v)			\
{ __atomic_fetch_sub(&v->counter, i, __HA_RLX); }				\
static __always_inline void pfx##_inc(atype *v)					\
{ __atomic_fetch_add(&v->counter, 1, __HA_RLX); }				\
static __always_inline void pfx##_dec(atype *v)					\
{ __atomic_fetch_sub(&v->counter, 1, __HA_RLX); }				\
static __always_inline void pfx##_or(ctype i, atype *v)				\
{ __atomic_fetch_or(&v->counter, i, __HA_RLX); }				\
static __always_inline void pfx##_and(ctype i, atype *v)			\
{ __atomic_fetch_and(&v->counter, i, __HA_RLX); }				\
static __always_inline void pfx##_andnot(ctype i, atype *v)			\
{ __atomic_fetch_and(&v->counter, ~i, __HA_RLX); }				\
static __always_inline void pfx##_xor(ctype i, atype *v)			\
{ __atomic_fetch_xor(&v->counter, i, __HA_RLX); }				\
static __always_inline ctype pfx##_add_return(ctype i, atype *v)		\
{ return __atomic_add_fetch(&v->counter, i, __HA_SC); }				\
static __always_inline ctype pfx##_add_return_relaxed(ctype i, atype *v)	\
{ return __atomic_add_fetch(&v->counter, i, __HA_RLX); }			\
static __always_inline ctype pfx##_sub_return(ctype i, atype *v)		\
{ return __atomic_sub_fetch(&v->counter, i, __HA_SC); }				\
static __always_inline ctype pfx##_sub_return_relaxed(ctype i, atype *v)	\
{ return __atomic_sub_fetch(&v->counter, i, __HA_RLX); }			\
static __always_inline ctype pfx##_inc_return(atype *v)				\
{ return __atomic_add_fetch(&v->counter, 1, __HA_SC); }				\
static __always_inline ctype pfx##_inc_return_relaxed(atype *v)			\
{ return __atomic_add_fetch(&v->counter, 1, __HA_RLX); }			\
static __always_inline ctype pfx##_inc_return_acquire(atype *v)			\
{ return __atomic_add_fetch(&v->counter, 1, __HA_ACQ); }			\
static __always_inline ctype pfx##_dec_return(atype *v)				\
{ return __atomic_sub_fetch(&v->counter, 1, __HA_SC); }				\
static __always_inline ctype pfx##_dec_return_relaxed(atype *v)			\
{ return __atomic_sub_fetch(&v->counter, 1, __HA_RLX); }			\
static __always_inline ctype pfx##_dec_return_release(atype *v)			\
{ return __atomic_sub_fetch(&v->counter, 1, __HA_REL); }			\
static __always_inline ctype pfx##_fetch_add(ctype i, atype *v)			\
{ return __atomic_fetch_add(&v->counter, i, __HA_SC); }				\
static __always_inline ctype pfx##_fetch_add_relaxed(ctype i, atype *v)		\
{ return __atomic_fetch_add(&v->counter, i, __HA_RLX); }			\
static __always_inline ctype pfx##_fetch_sub(ctype i, atype *v)			\
{ return __atomic_fetch_sub(&v->counter, i, __HA_SC); }				\
static __always_inline ctype pfx##_fetch_sub_release(ctype i, atype *v)		\
{ return __atomic_fetch_sub(&v->counter, i, __HA_REL); }			\
static __always_inline ctype pfx##_fetch_sub_relaxed(ctype i, atype *v)		\
{ return __atomic_fetch_sub(&v->counter, i, __HA_RLX); }			\
static __always_inline ctype pfx##_fetch_inc(atype *v)				\
{ return __atomic_fetch_add(&v->counter, 1, __HA_SC); }				\
static __always_inline ctype pfx##_fetch_dec(atype *v)				\
{ return __atomic_fetch_sub(&v->counter, 1, __HA_SC); }				\
static __always_inline ctype pfx##_fetch_or(ctype i, atype *v)			\
{ return __atomic_fetch_or(&v->counter, i, __HA_SC); }				\
static __always_inline ctype pfx##_fetch_and(ctype i, atype *v)			\
{ return __atomic_fetch_and(&v->counter, i, __HA_SC); }				\
static __always_inline ctype pfx##_fetch_andnot(ctype i, atype *v)		\
{ return __atomic_fetch_and(&v->counter, ~i, __HA_SC); }			\
static __always_inline ctype pfx##_fetch_xor(ctype i, atype *v)			\
{ return __atomic_fetch_xor(&v->counter, i, __HA_SC); }				\
static __always_inline bool pfx##_inc_and_test(atype *v)			\
{ return __atomic_add_fetch(&v->counter, 1, __HA_SC) == 0; }			\
static __always_inline bool pfx##_dec_and_test(atype *v)			\
{ return __atomic_sub_fetch(&v->counter, 1, __HA_SC) == 0; }			\
static __always_inline bool pfx##_sub_and_test(ctype i, atype *v)		\
{ return __atomic_sub_fetch(&v->counter, i, __HA_SC) == 0; }			\
static __always_inline bool pfx##_add_negative(ctype i, atype *v)		\
{ return __atomic_add_fetch(&v->counter, i, __HA_SC) < 0; }			\
static __always_inline ctype pfx##_xchg(atype *v, ctype n)			\
{ return __atomic_exchange_n(&v->counter, n, __HA_SC); }			\
static __always_inline ctype pfx##_xchg_relaxed(atype *v, ctype n)		\
{ return __atomic_exchange_n(&v->counter, n, __HA_RLX); }			\
static __always_inline ctype pfx##_cmpxchg(atype *v, ctype o, ctype n)		\
{										\
	__atomic_compare_exchange_n(&v->counter, &o, n, false, __HA_SC, __HA_SC); \
	return o;								\
}										\
static __always_inline ctype pfx##_cmpxchg_relaxed(atype *v, ctype o, ctype n)	\
{										\
	__atomic_compare_exchange_n(&v->counter, &o, n, false, __HA_RLX, __HA_RLX); \
	return o;								\
}										\
static __always_inline bool pfx##_try_cmpxchg(atype *v, ctype *o, ctype n)	\
{ return __atomic_compare_exchange_n(&v->counter, o, n, false, __HA_SC, __HA_SC); } \
static __always_inline bool pfx##_try_cmpxchg_relaxed(atype *v, ctype *o, ctype n) \
{ return __atomic_compare_exchange_n(&v->counter, o, n, false, __HA_RLX, __HA_RLX); } \
static __always_inline bool pfx##_try_cmpxchg_acquire(atype *v, ctype *o, ctype n) \
{ return __atomic_compare_exchange_n(&v->counter, o, n, false, __HA_ACQ, __HA_ACQ); } \
static __always_inline bool pfx##_try_cmpxchg_release(atype *v, ctype *o, ctype n) \
{ return __atomic_compare_exchange_n(&v->counter, o, n, false, __HA_REL, __HA_RLX); } \
/* Add a to v unless v == u; returns the old value. */				\
static __always_inline ctype pfx##_fetch_add_unless(atype *v, ctype a, ctype u)	\
{										\
	ctype c = pfx##_read(v);						\
										\
	do {									\
		if (unlikely(c == u))						\
			break;							\
	} while (!pfx##_try_cmpxchg(v, &c, c + a));				\
	return c;								\
}										\
static __always_inline bool pfx##_add_unless(atype *v, ctype a, ctype u)	\
{ return pfx##_fetch_add_unless(v, a, u) != u; }				\
static __always_inline bool pfx##_inc_not_zero(atype *v)			\
{ return pfx##_add_unless(v, 1, 0); }						\
static __always_inline ctype pfx##_dec_if_positive(atype *v)			\
{										\
	ctype c = pfx##_read(v);						\
										\
	do {									\
		if (unlikely(c - 1 < 0))					\
			return c - 1;						\
	} while (!pfx##_try_cmpxchg(v, &c, c - 1));				\
	return c - 1;								\
}

__HOST_ATOMIC_OPS(atomic, atomic_t, int)
__HOST_ATOMIC_OPS(atomic64, atomic64_t, s64)

/* atomic_long_t is atomic64_t on 64-bit hosts. */
#define ATOMIC_LONG_INIT(i)		ATOMIC64_INIT(i)
#define ATOMIC64_INIT(i)		{ (i) }
#define atomic_long_read(v)		((long)atomic64_read(v))
#define atomic_long_read_acquire(v)	((long)atomic64_read_acquire(v))
#define atomic_long_set(v, i)		atomic64_set(v, i)
#define atomic_long_set_release(v, i)	atomic64_set_release(v, i)
#define atomic_long_add(i, v)		atomic64_add(i, v)
#define atomic_long_sub(i, v)		atomic64_sub(i, v)
#define atomic_long_inc(v)		atomic64_inc(v)
#define atomic_long_dec(v)		atomic64_dec(v)
#define atomic_long_or(i, v)		atomic64_or(i, v)
#define atomic_long_and(i, v)		atomic64_and(i, v)
#define atomic_long_andnot(i, v)	atomic64_andnot(i, v)
#define atomic_long_add_return(i, v)	((long)atomic64_add_return(i, v))
#define atomic_long_sub_return(i, v)	((long)atomic64_sub_return(i, v))
#define atomic_long_inc_return(v)	((long)atomic64_inc_return(v))
#define atomic_long_dec_return(v)	((long)atomic64_dec_return(v))
#define atomic_long_fetch_add(i, v)	((long)atomic64_fetch_add(i, v))
#define atomic_long_fetch_sub(i, v)	((long)atomic64_fetch_sub(i, v))
#define atomic_long_fetch_or(i, v)	((long)atomic64_fetch_or(i, v))
#define atomic_long_fetch_and(i, v)	((long)atomic64_fetch_and(i, v))
#define atomic_long_fetch_andnot(i, v)	((long)atomic64_fetch_andnot(i, v))
#define atomic_long_inc_and_test(v)	atomic64_inc_and_test(v)
#define atomic_long_dec_and_test(v)	atomic64_dec_and_test(v)
#define atomic_long_sub_and_test(i, v)	atomic64_sub_and_test(i, v)
#define atomic_long_xchg(v, n)		((long)atomic64_xchg(v, n))
#define atomic_long_cmpxchg(v, o, n)	((long)atomic64_cmpxchg(v, o, n))
#define atomic_long_try_cmpxchg(v, o, n) atomic64_try_cmpxchg(v, (s64 *)(o), n)
#define atomic_long_add_unless(v, a, u)	atomic64_add_unless(v, a, u)
#define atomic_long_inc_not_zero(v)	atomic64_inc_not_zero(v)
#define atomic_long_dec_if_positive(v)	((long)atomic64_dec_if_positive(v))

#define atomic_cond_read_relaxed(v, c)	smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_cond_read_acquire(v, c)	smp_cond_load_acquire(&(v)->counter, (c))

#endif /* _LINUX_ATOMIC_H */
