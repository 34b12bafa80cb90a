/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <linux/compiler.h>

/*
 * Memory barriers expressed as C11 fences; the compiler emits the right
 * instructions for the host architecture.
 */
#define mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()		__atomic_thread_fence(__ATOMIC_ACQUIRE)	/* orders earlier loads */
#define wmb()		__atomic_thread_fence(__ATOMIC_RELEASE)	/* orders earlier stores */
#define dma_mb()	mb()		/* DMA memory is ordinary memory */
#define dma_rmb()	rmb()		/* likewise */
#define dma_wmb()	wmb()		/* likewise */
#define smp_mb()	mb()		/* the host is always SMP */
#define smp_rmb()	rmb()		/* likewise */
#define smp_wmb()	wmb()		/* likewise */
#define __smp_mb()	mb()		/* likewise */
#define smp_mb__before_atomic()	mb()	/* atomics are not full barriers */
#define smp_mb__after_atomic()	mb()	/* likewise */
#define smp_mb__after_spinlock() mb()	/* nor are lock operations */
#define smp_mb__after_unlock_lock() mb()	/* likewise */
#define smp_read_barrier_depends() do { } while (0)

/* A store, then a full fence. */
#define smp_store_mb(var, value) do { WRITE_ONCE(var, value); mb(); } while (0)

/* C11 release store and acquire load. */
#define smp_store_release(p, v) __atomic_store_n(p, v, __ATOMIC_RELEASE)
#define smp_load_acquire(p) __atomic_load_n(p, __ATOMIC_ACQUIRE)	/* see above */

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
