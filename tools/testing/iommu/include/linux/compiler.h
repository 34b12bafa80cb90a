/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/compiler_types.h>

#ifndef __ASSEMBLY__

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

/* Stop the compiler from moving memory accesses across this point. */
#define barrier()	({ __asm__ __volatile__("" : : : "memory"); })
#define barrier_data(p)	({ __asm__ __volatile__("" : : "r"(p) : "memory"); })

#define unreachable()	__builtin_unreachable()

/* Make the compiler forget what it knows about the value of var. */
#define OPTIMIZER_HIDE_VAR(var)	({ __asm__ ("" : "=r" (var) : "0" (var)); })

#define RELOC_HIDE(ptr, off)					\
	({ unsigned long __rh_p = (unsigned long)(ptr);		\
	   OPTIMIZER_HIDE_VAR(__rh_p);				\
	   (typeof(ptr))(__rh_p + (off)); })

#define absolute_pointer(val)	RELOC_HIDE((void *)(val), 0)

/*
 * 1 if x is an integer constant expression, 0 otherwise, itself always
 * an integer constant expression.
 */
#define __is_constexpr(x) \
	(sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))

#define is_signed_type(type)	(((type)(-1)) < (__force type)1)
#define is_unsigned_type(type)	(!is_signed_type(type))

#define __BUILD_BUG_ON_ZERO_MSG(e, msg) ((int)sizeof(struct { _Static_assert(!(e), msg); }))

/* 0 for arrays; a build error for pointers. */
#define __must_be_array(a) \
	__BUILD_BUG_ON_ZERO_MSG(__same_type((a), &(a)[0]), "must be array")
#define __must_be_cstr(p) 0

/*
 * Single-copy accesses: the compiler must emit exactly one load or store
 * of the full object and may not merge, tear (for native words) or cache it.
 * On the host they are relaxed atomics, which is what the kernel's volatile
 * accesses amount to on every architecture it runs on, and which tells
 * ThreadSanitizer (make SAN=tsan) that the race is intended.  sparse sees
 * the volatile form, so that it checks address spaces as in the kernel.
 */
#ifdef __CHECKER__
#define __READ_ONCE(x)	(*(const volatile __unqual_scalar_typeof(x) *)&(x))
#define __WRITE_ONCE(x, val)	((void)(*(volatile typeof(x) *)&(x) = (val)))
#else
#define __READ_ONCE(x)	({						\
	typeof((void)0, (x)) __ro_val;				\
	__atomic_load(&(x), &__ro_val, __ATOMIC_RELAXED);		\
	__ro_val;							\
})
#define __WRITE_ONCE(x, val)	({					\
	typeof(x) __wo_val = (val);					\
	__atomic_store(&(x), &__wo_val, __ATOMIC_RELAXED);		\
})
#endif
#define READ_ONCE(x)	({ __READ_ONCE(x); })
#define WRITE_ONCE(x, val)	__WRITE_ONCE(x, val)

/* Evaluates expr once; the typeof() only names its type. */
#define data_race(expr)		({ __unqual_scalar_typeof(({ expr; })) __v = ({ expr; }); __v; })

#define __ADDRESSABLE(sym)
#define __UNIQUE_ID(prefix)	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

/* token pasting that expands its arguments first */
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)

#define prevent_tail_call_optimization()	barrier()
#define __annotate_jump_table

static inline void *offset_to_ptr(const int *off)
{
	return (void *)((unsigned long)off + *off);
}

#endif /* __ASSEMBLY__ */

#endif /* _LINUX_COMPILER_H */
