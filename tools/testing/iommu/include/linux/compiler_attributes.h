/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPILER_ATTRIBUTES_H
#define _LINUX_COMPILER_ATTRIBUTES_H

/*
 * Short names for the GCC/Clang attributes that kernel code spells in
 * double-underscore form.  Only attributes both compilers understand are
 * listed; everything is unconditional on the host.
 */

#define __alias(sym)			__attribute__((__alias__(#sym)))
#define __aligned(n)			__attribute__((__aligned__(n)))
#define __aligned_largest		__attribute__((__aligned__))
#define __always_inline			inline __attribute__((__always_inline__))
#define __always_unused			__attribute__((__unused__))
#define __maybe_unused			__attribute__((__unused__))
#define __cleanup(fn)			__attribute__((__cleanup__(fn)))
#define __cold				__attribute__((__cold__))
#define __attribute_const__		__attribute__((__const__))
#define __deprecated
#define __designated_init		__attribute__((__designated_init__))
#define __flatten			__attribute__((__flatten__))
#define __gnu_inline			__attribute__((__gnu_inline__))
#define __malloc			__attribute__((__malloc__))
#define __mode(x)			__attribute__((__mode__(x)))
#define __noreturn			__attribute__((__noreturn__))
#define __packed			__attribute__((__packed__))
#define __pure				__attribute__((__pure__))
#define __section(s)			__attribute__((__section__(s)))
#define __used				__attribute__((__used__))
#define __weak				__attribute__((__weak__))
#define __must_check			__attribute__((__warn_unused_result__))
#define __printf(fmt, args)		__attribute__((__format__(printf, fmt, args)))
#define __scanf(fmt, args)		__attribute__((__format__(scanf, fmt, args)))
#define __nonstring			__attribute__((__nonstring__))
#define __no_sanitize_address		__attribute__((__no_sanitize_address__))
#define noinline			__attribute__((__noinline__))
#define __noinline			__attribute__((__noinline__))
#define __alloc_size__(x, ...)		__attribute__((alloc_size(x, ## __VA_ARGS__)))
#define __realloc_size__(x, ...)	__attribute__((alloc_size(x, ## __VA_ARGS__)))
#define __copy(sym)			__attribute__((__copy__(sym)))
#define __no_stack_protector

#if defined(__has_attribute) && __has_attribute(__counted_by__) && !defined(__clang__)
# define __counted_by(member)		__attribute__((__counted_by__(member)))
#else
# define __counted_by(member)
#endif
#define __counted_by_le(member)
#define __counted_by_be(member)

#if defined(__has_attribute) && __has_attribute(__fallthrough__)
# define fallthrough			__attribute__((__fallthrough__))
#else
# define fallthrough			do {} while (0)
#endif

#endif /* _LINUX_COMPILER_ATTRIBUTES_H */
