// SPDX-License-Identifier: GPL-2.0
/*
 * WARN(), BUG() and panic() of the host kernel.
 *
 * A warning is printed as one console line
 *	WARNING: at FILE:LINE FUNC: MESSAGE
 * and counted in a global counter that the test runner compares before
 * and after each case.  The KUnit runner can declare warnings of a given
 * function as expected; those are neither printed nor counted.  With the
 * environment variable HOST_WARN_BACKTRACE set, each warning also prints
 * the host call stack.
 */
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/stdarg.h>
#include <linux/string.h>
#include <host/env.h>

#include "host-internal.h"

static unsigned long warn_counter;
int panic_on_warn;
EXPORT_SYMBOL_GPL(panic_on_warn);

__weak bool kunit_suppress_warning(const char *function, const char *message)
{
	return false;
}

unsigned long host_warn_count(void)
{
	return __atomic_load_n(&warn_counter, __ATOMIC_RELAXED);
}

static bool want_backtrace(void)
{
	static int cached = -1;

	if (cached < 0)
		cached = !!host_abi_getenv("HOST_WARN_BACKTRACE");
	return cached;
}

bool __warn_report(const char *file, int line, const char *func, bool *once,
		   const char *fmt, ...)
{
	char msg[512] = "";
	size_t len;
	va_list args;

	if (fmt) {
		va_start(args, fmt);
		vsnprintf(msg, sizeof(msg), fmt, args);
		va_end(args);
	}
	len = strlen(msg);
	while (len && msg[len - 1] == '\n')
		msg[--len] = '\0';
	if (kunit_suppress_warning(func, msg))
		return false;
	/* A one-shot site fires once, even if several threads race here. */
	if (once && __atomic_exchange_n(once, true, __ATOMIC_RELAXED))
		return false;

	__atomic_fetch_add(&warn_counter, 1, __ATOMIC_RELAXED);
	if (len)
		pr_warn("WARNING: at %s:%d %s: %s\n", file, line, func, msg);
	else
		pr_warn("WARNING: at %s:%d %s\n", file, line, func);
	if (want_backtrace())
		host_abi_backtrace();
	if (panic_on_warn)
		panic("panic_on_warn set\n");
	return true;
}
EXPORT_SYMBOL(__warn_report);

void __bug_report(const char *file, int line, const char *func, const char *cond)
{
	if (cond)
		pr_emerg("kernel BUG at %s:%d %s: %s\n", file, line, func, cond);
	else
		pr_emerg("kernel BUG at %s:%d %s\n", file, line, func);
	host_abi_backtrace();
	host_abi_abort();
}
EXPORT_SYMBOL(__bug_report);

void panic(const char *fmt, ...)
{
	char msg[512];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	pr_emerg("Kernel %s - not syncing: %s%s", __func__, msg,
		 strchr(msg, '\n') ? "" : "\n");
	host_abi_backtrace();
	host_abi_abort();
}
EXPORT_SYMBOL(panic);

void dump_stack(void)
{
	host_abi_backtrace();
}
EXPORT_SYMBOL(dump_stack);
