// SPDX-License-Identifier: GPL-2.0
/*
 * The console of the host kernel.
 *
 * printk() formats into a bounded buffer (it never allocates, so it does
 * not disturb fault injection), assembles KERN_CONT continuations into
 * whole lines, filters by console loglevel, and hands each line to the
 * sink: standard error by default, or a function installed by the test
 * runner.  The sink is called with the console lock held and must not
 * call printk() itself.
 */
#include <linux/ctype.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <host/env.h>

#include "host-internal.h"

#define LINE_MAX_LEN 1024

int console_printk[4] = { LOGLEVEL_DEBUG, LOGLEVEL_INFO, LOGLEVEL_EMERG, LOGLEVEL_DEBUG };
EXPORT_SYMBOL_GPL(console_printk);

static arch_spinlock_t console_lock;
static void (*console_sink)(const char *line);
static char pending[LINE_MAX_LEN];
static size_t pending_len;
static int pending_level = LOGLEVEL_INFO;
static bool loglevel_from_env_done;

static void loglevel_from_env(void)
{
	const char *s;

	loglevel_from_env_done = true;
	s = host_abi_getenv("HOST_LOGLEVEL");
	if (s && *s >= '0' && *s <= '9')
		console_printk[0] = *s - '0';
}

/* Deliver one complete line (without newline).  Caller holds console_lock. */
static void deliver(int level, const char *line, size_t len)
{
	char buf[LINE_MAX_LEN + 1];

	if (level >= console_printk[0])
		return;
	if (len > LINE_MAX_LEN)
		len = LINE_MAX_LEN;
	memcpy(buf, line, len);
	buf[len] = '\0';
	if (console_sink) {
		console_sink(buf);
	} else {
		buf[len] = '\n';
		host_abi_console_write(buf, len + 1);
	}
}

static void flush_pending(void)
{
	if (pending_len) {
		deliver(pending_level, pending, pending_len);
		pending_len = 0;
	}
}

void host_console_emit(int level, const char *text, size_t len)
{
	const char *nl;

	host_raw_lock(&console_lock);
	if (!loglevel_from_env_done)
		loglevel_from_env();
	while (len) {
		size_t chunk;

		nl = memchr(text, '\n', len);
		chunk = nl ? (size_t)(nl - text) : len;
		if (chunk > sizeof(pending) - pending_len)
			chunk = sizeof(pending) - pending_len;
		if (!pending_len)
			pending_level = level;
		memcpy(pending + pending_len, text, chunk);
		pending_len += chunk;
		text += chunk;
		len -= chunk;
		if (nl && len && *text == '\n') {
			text++;
			len--;
			deliver(pending_level, pending, pending_len);
			pending_len = 0;
		} else if (pending_len == sizeof(pending)) {
			flush_pending();
		}
	}
	host_raw_unlock(&console_lock);
}

int vprintk_emit(int facility, int level, const struct dev_printk_info *dev_info,
		 const char *fmt, va_list args)
{
	char buf[LINE_MAX_LEN];
	int marked = LOGLEVEL_DEFAULT, n;
	bool cont = false;

	/* Any number of level markers may lead the format; the last one wins. */
	while (fmt[0] == KERN_SOH_ASCII && fmt[1]) {
		if (fmt[1] == 'c')
			cont = true;
		else if (fmt[1] >= '0' && fmt[1] <= '7')
			marked = fmt[1] - '0';
		fmt += 2;
	}
	if (level == LOGLEVEL_DEFAULT)
		level = marked;
	n = vscnprintf(buf, sizeof(buf), fmt, args);

	if (!cont) {
		host_raw_lock(&console_lock);
		flush_pending();
		host_raw_unlock(&console_lock);
	}
	if (level < 0)
		level = cont ? pending_level : LOGLEVEL_WARNING;
	host_console_emit(level, buf, n);
	return n;
}
EXPORT_SYMBOL(vprintk_emit);

int vprintk(const char *fmt, va_list args)
{
	return vprintk_emit(0, LOGLEVEL_DEFAULT, NULL, fmt, args);
}
EXPORT_SYMBOL(vprintk);

int _printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(_printk);

host_console_sink_t host_console_set_sink(host_console_sink_t fn)
{
	host_console_sink_t old;

	host_raw_lock(&console_lock);
	flush_pending();
	old = console_sink;
	console_sink = fn;
	host_raw_unlock(&console_lock);
	return old;
}

int host_console_set_loglevel(int level)
{
	int old;

	host_raw_lock(&console_lock);
	if (!loglevel_from_env_done)
		loglevel_from_env();
	old = console_printk[0];
	console_printk[0] = level;
	host_raw_unlock(&console_lock);
	return old;
}

void host_printk_level(int level, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintk_emit(0, level, NULL, fmt, args);
	va_end(args);
}

int host_kern_loglevel(const char *kern_level)
{
	int c = printk_get_level(kern_level);

	return isdigit(c) ? c - '0' : LOGLEVEL_DEFAULT;
}

void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len, bool ascii)
{
	int loglevel = host_kern_loglevel(level);
	const u8 *p = buf;
	char line[200];
	size_t i, j;

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	if (groupsize != 1 && groupsize != 2 && groupsize != 4 && groupsize != 8)
		groupsize = 1;
	for (i = 0; i < len; i += rowsize) {
		size_t n = min_t(size_t, rowsize, len - i);
		int pos = 0;

		for (j = 0; j + groupsize <= n; j += groupsize) {
			u64 v = 0;
			int k;

			/* Groups are shown as little-endian numbers, like Linux. */
			for (k = groupsize - 1; k >= 0; k--)
				v = (v << 8) | p[i + j + k];
			pos += scnprintf(line + pos, sizeof(line) - pos, "%s%0*llx",
					 j ? " " : "", groupsize * 2, v);
		}
		if (ascii) {
			pos += scnprintf(line + pos, sizeof(line) - pos, "%*s",
					 (int)((rowsize - n) / groupsize * (groupsize * 2 + 1)) + 2,
					 "");
			for (j = 0; j < n; j++) {
				u8 c = p[i + j];

				line[pos++] = (c >= 32 && c < 127) ? c : '.';
			}
			line[pos] = '\0';
		}
		switch (prefix_type) {
		case DUMP_PREFIX_ADDRESS:
			host_printk_level(loglevel, "%s%p: %s\n", prefix_str, p + i, line);
			break;
		case DUMP_PREFIX_OFFSET:
			host_printk_level(loglevel, "%s%.8zx: %s\n", prefix_str, i, line);
			break;
		default:
			host_printk_level(loglevel, "%s%s\n", prefix_str, line);
		}
	}
}
EXPORT_SYMBOL(print_hex_dump);
