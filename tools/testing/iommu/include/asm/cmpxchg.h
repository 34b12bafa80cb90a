/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CMPXCHG_H
#define _ASM_CMPXCHG_H

#include <linux/compiler.h>

/* Generic exchange operations on any naturally aligned scalar. */
#define xchg(ptr, v)		__atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)
#define xchg_relaxed(ptr, v)	__atomic_exchange_n((ptr), (v), __ATOMIC_RELAXED)
#define xchg_acquire(ptr, v)	__atomic_exchange_n((ptr), (v), __ATOMIC_ACQUIRE)
#define xchg_release(ptr, v)	__atomic_exchange_n((ptr), (v), __ATOMIC_RELEASE)

#define __host_cmpxchg(ptr, o, n, mo_ok, mo_fail) ({			\
	__unqual_scalar_typeof(*(ptr)) __hc_old = (o);			\
	__atomic_compare_exchange_n((ptr), &__hc_old, (n), false, mo_ok, mo_fail); \
	__hc_old;							\
})

#define cmpxchg(ptr, o, n)	__host_cmpxchg(ptr, o, n, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define cmpxchg_relaxed(ptr, o, n) __host_cmpxchg(ptr, o, n, __ATOMIC_RELAXED, __ATOMIC_RELAXED)
#define cmpxchg_acquire(ptr, o, n) __host_cmpxchg(ptr, o, n, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)
#define cmpxchg_release(ptr, o, n) __host_cmpxchg(ptr, o, n, __ATOMIC_RELEASE, __ATOMIC_RELAXED)
#define cmpxchg64(ptr, o, n)	cmpxchg(ptr, o, n)
#define cmpxchg64_relaxed(ptr, o, n) cmpxchg_relaxed(ptr, o, n)
#define cmpxchg_local(ptr, o, n) cmpxchg(ptr, o, n)
#define cmpxchg64_local(ptr, o, n) cmpxchg(ptr, o, n)

#define try_cmpxchg(ptr, oldp, n) \
	__atomic_compare_exchange_n((ptr), (oldp), (n), false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define try_cmpxchg_relaxed(ptr, oldp, n) \
	__atomic_compare_exchange_n((ptr), (oldp), (n), false, __ATOMIC_RELAXED, __ATOMIC_RELAXED)
#define try_cmpxchg64(ptr, oldp, n) try_cmpxchg(ptr, oldp, n)

/* 128-bit compare-and-exchange, used by some page-table and STE writers. */
#define cmpxchg128(ptr, o, n)	__host_cmpxchg(ptr, o, n, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define system_has_cmpxchg128()	1

#endif /* _ASM_CMPXCHG_H */
