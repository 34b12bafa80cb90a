/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

#ifndef __ASSEMBLY__

/*
 * Annotations for the sparse static checker.  When sparse runs it defines
 * __CHECKER__ and understands address spaces, "noderef" pointers, bitwise
 * integer types and lock contexts; for the compiler they expand to nothing.
 */
#ifdef __CHECKER__
# define __user		__attribute__((noderef, address_space(__user)))
# define __iomem	__attribute__((noderef, address_space(__iomem)))
# define __percpu	__attribute__((noderef, address_space(__percpu)))
# define __rcu		__attribute__((noderef, address_space(__rcu)))
# define __kernel	__attribute__((address_space(0)))
# define __safe		__attribute__((safe))
# define __force	__attribute__((force))
# define __nocast	__attribute__((nocast))
# define __bitwise	__attribute__((bitwise))
# define __private	__attribute__((noderef))
# define __must_hold(x)	__attribute__((context(x, 1, 1)))
# define __acquires(x)	__attribute__((context(x, 0, 1)))
# define __releases(x)	__attribute__((context(x, 1, 0)))
# define __acquire(x)	__context__(x, 1)
# define __release(x)	__context__(x, -1)
# define __cond_lock(x, c)	((c) ? ({ __acquire(x); 1; }) : 0)
# define __cond_acquires(x)	__attribute__((context(x, 0, -1)))
# define ACCESS_PRIVATE(p, member) (*((typeof((p)->member) __force *) &(p)->member))
void __chk_user_ptr(const volatile void __user *ptr);
void __chk_io_ptr(const volatile void __iomem *addr);
#else
# define __user
# define __iomem
# define __percpu
# define __rcu
# define __kernel
# define __safe
# define __force
# define __nocast
# define __bitwise
# define __private
# define __must_hold(x)
# define __acquires(x)
# define __releases(x)
# define __acquire(x)		((void)0)
# define __release(x)		((void)0)
# define __cond_lock(x, c)	(c)
# define __cond_acquires(x)
# define ACCESS_PRIVATE(p, member) ((p)->member)
# define __chk_user_ptr(x)	((void)0)
# define __chk_io_ptr(x)	((void)0)
#endif

#define __bitwise__ __bitwise

#include <linux/compiler_attributes.h>

#define notrace
#define __latent_entropy
#define __randomize_layout
#define __no_randomize_layout
#define __visible			__attribute__((__externally_visible__))
#define __no_kcsan
#define __no_sanitize_or_inline		__always_inline
#define __noscs
#define __nocfi
#define __ro_after_init
#define __cacheline_aligned		__aligned(64)
#define ____cacheline_aligned		__aligned(64)
#define ____cacheline_aligned_in_smp	__aligned(64)
#define __cacheline_aligned_in_smp	__aligned(64)

#define noinline_for_stack noinline
#define __compiletime_error(msg)	__attribute__((__error__(msg)))
#define __compiletime_warning(msg)	__attribute__((__warning__(msg)))

/* True when a and b have compatible types. */
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))

/* True when an object of type t fits a single load/store instruction. */
#define __native_word(t) \
	(sizeof(t) == sizeof(char) || sizeof(t) == sizeof(short) || \
	 sizeof(t) == sizeof(int) || sizeof(t) == sizeof(long))

/*
 * The type of x stripped of qualifiers; works for scalars (a _Generic
 * controlling expression undergoes lvalue conversion, dropping them).
 */
#define __unqual_scalar_typeof(x) typeof(_Generic((x),			\
	char: (char)0,							\
	unsigned char: (unsigned char)0,				\
	signed char: (signed char)0,					\
	unsigned short: (unsigned short)0,				\
	signed short: (signed short)0,					\
	unsigned int: 0U,					\
	signed int: 0,					\
	unsigned long: 0UL,				\
	signed long: 0L,					\
	unsigned long long: 0ULL,			\
	signed long long: 0LL,				\
	default: (x)))

#ifdef __OPTIMIZE__
# define __compiletime_assert(cond, msg, prefix, suffix)		\
	do {								\
		__noreturn extern void prefix ## suffix(void)		\
			__compiletime_error(msg);			\
		if (!(cond))						\
			prefix ## suffix();				\
	} while (0)
#else
# define __compiletime_assert(cond, msg, prefix, suffix)		\
	((void)(cond))
#endif

#define _compiletime_assert(cond, msg, prefix, suffix) \
	__compiletime_assert(cond, msg, prefix, suffix)

/* Fail the build when cond is a compile-time constant false. */
#define compiletime_assert(cond, msg) \
	_compiletime_assert(cond, msg, __compiletime_assert_, __COUNTER__)

#define compiletime_assert_atomic_type(t) \
	compiletime_assert(__native_word(t), "Need native word sized stores/loads for atomicity.")

#endif /* __ASSEMBLY__ */

#endif /* _LINUX_COMPILER_TYPES_H */
