/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#include <generated/autoconf.h>

/*
 * Turn "CONFIG_FOO is defined to 1" into a usable C expression.  The
 * trick: pasting the value onto a prefix yields a macro that expands to
 * "0," only when the value was 1, which shifts a 1 into the selected
 * argument slot; anything else (undefined, or a string) leaves 0 there.
 */
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val

#define __is_defined(x)			___is_defined(x)
#define ___is_defined(val)		____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk)	__take_second_arg(arg1_or_junk 1, 0)

#define __or(x, y)			___or(x, y)
#define ___or(x, y)			____or(__ARG_PLACEHOLDER_##x, y)
#define ____or(arg1_or_junk, y)		__take_second_arg(arg1_or_junk 1, y)

#define __and(x, y)			___and(x, y)
#define ___and(x, y)			____and(__ARG_PLACEHOLDER_##x, y)
#define ____and(arg1_or_junk, y)	__take_second_arg(arg1_or_junk y, 0)

/* 1 if the option is =y, 0 otherwise */
#define IS_BUILTIN(option) __is_defined(option)

/* 1 if the option is =m, 0 otherwise (there are no modules on the host) */
#define IS_MODULE(option) __is_defined(option##_MODULE)

/* 1 if the option is usable from code built in (=y), or from a module */
#define IS_REACHABLE(option) __or(IS_BUILTIN(option), \
				__and(IS_MODULE(option), __is_defined(MODULE)))

/* 1 if the option is =y or =m */
#define IS_ENABLED(option) __or(IS_BUILTIN(option), IS_MODULE(option))

#endif /* _LINUX_KCONFIG_H */
