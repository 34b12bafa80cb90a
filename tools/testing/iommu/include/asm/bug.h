/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_BUG_H
#define _ASM_BUG_H

#include <linux/compiler.h>
#include <linux/types.h>

/*
 * Warnings and fatal assertions of the host build.
 *
 * Every WARN*() that fires prints "WARNING: at FILE:LINE FUNC: MESSAGE" to
 * the console and increments a global counter that the test runner checks
 * after each case, unless the KUnit runner declared the warning of that
 * function as expected (kunit_is_suppressed_warning()).  BUG() prints and
 * aborts the process.
 */

/**
 * __warn_report() - report a warning that fired
 * @file: source file of the WARN
 * @line: source line of the WARN
 * @func: function containing the WARN
 * @once: address of the call site's "already warned" flag, or NULL
 * @fmt: printf-style message, or NULL
 *
 * Return: true if the warning was reported (not suppressed and, for a
 * one-shot site, not reported before).
 */
bool __warn_report(const char *file, int line, const char *func, bool *once,
		   const char *fmt, ...) __printf(5, 6);

/**
 * __bug_report() - report a BUG() and abort
 * @file: source file
 * @line: source line
 * @func: function
 * @cond: the failed condition as text, or NULL
 */
void __noreturn __bug_report(const char *file, int line, const char *func, const char *cond);

#define __WARN_REPORT(once, fmt...) \
	__warn_report(__FILE__, __LINE__, __func__, once, fmt)

#define WARN_ON(condition) ({						\
	int __wo_ret = !!(condition);					\
	if (unlikely(__wo_ret))						\
		__WARN_REPORT(NULL, "WARN_ON(%s)", #condition);		\
	unlikely(__wo_ret);						\
})

#define WARN(condition, format...) ({					\
	int __w_ret = !!(condition);					\
	if (unlikely(__w_ret))						\
		__WARN_REPORT(NULL, format);				\
	unlikely(__w_ret);						\
})

/* The host kernel keeps no taint flags: @taint is evaluated and dropped. */
#define WARN_TAINT(condition, taint, format...) ({ (void)(taint); WARN(condition, format); })

#define WARN_ON_ONCE(condition) ({					\
	static bool __section(".data.once") __woo_done;			\
	int __woo_ret = !!(condition);					\
	if (unlikely(__woo_ret) && !__woo_done)				\
		__WARN_REPORT(&__woo_done, "WARN_ON_ONCE(%s)", #condition);	\
	unlikely(__woo_ret);						\
})

#define WARN_ONCE(condition, format...) ({				\
	static bool __section(".data.once") __wo1_done;			\
	int __wo1_ret = !!(condition);					\
	if (unlikely(__wo1_ret) && !__wo1_done)				\
		__WARN_REPORT(&__wo1_done, format);			\
	unlikely(__wo1_ret);						\
})

#define WARN_TAINT_ONCE(condition, taint, format...) \
	({ (void)(taint); WARN_ONCE(condition, format); })

#define __WARN()		__WARN_REPORT(NULL, NULL)
#define __WARN_printf(taint, arg...)	({ (void)(taint); __WARN_REPORT(NULL, arg); })

#define BUG() __bug_report(__FILE__, __LINE__, __func__, NULL)

#define BUG_ON(condition) do {						\
	if (unlikely(condition))					\
		__bug_report(__FILE__, __LINE__, __func__, #condition);	\
} while (0)

#define HAVE_ARCH_BUG
#define HAVE_ARCH_BUG_ON

#endif /* _ASM_BUG_H */
