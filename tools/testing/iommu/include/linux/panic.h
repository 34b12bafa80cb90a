/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler.h>
#include <linux/types.h>

/**
 * panic() - print a message and stop the program
 * @fmt: printf-style message
 */
__printf(1, 2) void __noreturn panic(const char *fmt, ...) __cold;

extern int panic_on_warn;

#endif /* _LINUX_PANIC_H */
