/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BUILD_BUG_H
#define _LINUX_BUILD_BUG_H

#include <linux/compiler.h>

/*
 * static_assert(expr) or static_assert(expr, "why"): without a message the
 * stringified expression is used.  Works at file scope and in functions.
 */
#define __sa_first_msg(expr, msg, ...)	_Static_assert(expr, msg)
#define static_assert(expr, ...)	__sa_first_msg(expr, ##__VA_ARGS__, #expr)

/**
 * BUILD_BUG_ON_MSG() - break the build with msg when condition is true
 * @cond: a compile-time constant condition
 * @msg: the error text
 */
#define BUILD_BUG_ON_MSG(cond, msg) compiletime_assert(!(cond), msg)

/**
 * BUILD_BUG_ON() - break the build when condition is true
 * @condition: a compile-time constant condition
 */
#define BUILD_BUG_ON(condition) \
	BUILD_BUG_ON_MSG(condition, "BUILD_BUG_ON(" #condition ") is true")

#define BUILD_BUG() BUILD_BUG_ON_MSG(1, "BUILD_BUG() reached")

/* Zero, or no value and more than one bit set. */
#define BUILD_BUG_ON_NOT_POWER_OF_2(n) \
	BUILD_BUG_ON(!(n) || ((n) & ((n) - 1)))

/*
 * BUILD_BUG_ON_ZERO(e): an int constant 0 when e is false; when e is true
 * the bit-field width goes negative and compilation stops.  Usable where an
 * expression or constant initialiser is needed.
 */
#define BUILD_BUG_ON_ZERO(e) \
	((int)(0 * sizeof(struct { char __bbz_pad; int:(-!!(e)); })))

/* Type-check @e without generating code for it. */
#define BUILD_BUG_ON_INVALID(e) ((void)sizeof((__force long)(e)))

#define ASSERT_STRUCT_OFFSET(type, field, expected_offset) \
	BUILD_BUG_ON_MSG((expected_offset) != offsetof(type, field), \
			 #type "." #field " is not at its expected offset")

#endif /* _LINUX_BUILD_BUG_H */
