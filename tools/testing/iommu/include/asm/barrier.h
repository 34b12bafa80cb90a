/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <linux/compiler.h>

/*
 * Memory barriers expressed as C11 fences; the compiler emits the right
 * instructions for the host architecture.
 */
#define mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()		__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define wmb()		__atomic_thread_fence(__ATOMIC_RELEASE)
#define dma_mb()	mb()
#define dma_rmb()	rmb()
#define dma_wmb()	wmb()
#define smp_mb()	mb()
#define smp_rmb()	rmb()
#define smp_wmb()	wmb()
#define __smp_mb()	mb()
#define smp_mb__before_atomic()	mb()
#define smp_mb__after_atomic()	mb()
#define smp_mb__after_spinlock() mb()
#define smp_mb__after_unlock_lock() mb()
#define smp_read_barrier_depends() do { } while (0)

#define smp_store_mb(var, value) do { WRITE_ONCE(var, value); mb(); } while (0)

#define smp_store_release(p, v) __atomic_store_n(p, v, __ATOMIC_RELEASE)
#define smp_load_acquire(p) __atomic_load_n(p, __ATOMIC_ACQUIRE)

#define smp_cond_load_relaxed(ptr, cond_expr) ({		\
	typeof(ptr) __scl_ptr = (ptr);				\
	__unqual_scalar_typeof(*(ptr)) VAL;			\
	for (;;) {						\
		VAL = READ_ONCE(*__scl_ptr);			\
		if (cond_expr)					\
			break;					\
		cpu_relax();					\
	}							\
	VAL;							\
})

#define smp_cond_load_acquire(ptr, cond_expr) ({		\
	__unqual_scalar_typeof(*(ptr)) __sca_v;			\
	__sca_v = smp_cond_load_relaxed(ptr, cond_expr);	\
	__atomic_thread_fence(__ATOMIC_ACQUIRE);		\
	__sca_v;						\
})

#if defined(__x86_64__) || defined(__i386__)
#define cpu_relax()	__builtin_ia32_pause()
#else
#define cpu_relax()	barrier()
#endif

#endif /* _ASM_BARRIER_H */
