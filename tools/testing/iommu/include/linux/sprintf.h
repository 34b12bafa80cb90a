/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SPRINTF_H
#define _LINUX_SPRINTF_H

#include <linux/compiler_types.h>
#include <linux/types.h>
#include <linux/stdarg.h>

/*
 * The kernel's formatted-output functions, implemented in the host
 * library (not libc): they understand the kernel's %p extensions
 * (%pa, %pad, %pe, %ph, %pb/%pbl, %pR, %pV, %px, %pS, %pU).
 */

/* Bounded: return the length that would have been written / was written. */
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);

/* Unbounded: the caller guarantees the buffer is large enough. */
__printf(2, 0) int vsprintf(char *buf, const char *fmt, va_list args);
__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);

/* Allocating: the result is kfree()d by the caller. */
__printf(2, 0) const char *kvasprintf_const(gfp_t gfp, const char *fmt, va_list args);
__printf(2, 0) __malloc char *kvasprintf(gfp_t gfp, const char *fmt, va_list args);
__printf(2, 3) __malloc char *kasprintf(gfp_t gfp, const char *fmt, ...);

/* Decimal conversion into a fixed-size buffer, right-aligned to @width. */
int num_to_str(char *buf, int size, unsigned long long num, unsigned int width);

__scanf(2, 0) int vsscanf(const char *buf, const char *fmt, va_list args);

/* vsscanf() with the arguments inline. */
static inline __scanf(2, 3) int sscanf(const char *buf, const char *fmt, ...)
{
	va_list ap;
	int matched;

	va_start(ap, fmt);
	matched = vsscanf(buf, fmt, ap);
	va_end(ap);

	return matched;
}

#endif /* _LINUX_SPRINTF_H */
