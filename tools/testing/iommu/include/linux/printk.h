/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/compiler.h>
#include <linux/kern_levels.h>
#include <linux/types.h>
#include <linux/stdarg.h>

/**
 * struct va_format - a format and its arguments, printed with "%pV"
 * @fmt: the format
 * @va: its arguments
 */
struct va_format {
	const char *fmt;
	va_list *va;
};

/**
 * printk_get_level() - the level character of a KERN_* marker
 * @buffer: a string that may start with a KERN_* marker
 *
 * Return: '0' to '7' or 'c' (KERN_CONT) when @buffer starts with a marker,
 * otherwise 0.
 */
static inline int printk_get_level(const char *buffer)
{
	if (buffer[0] != KERN_SOH_ASCII)
		return 0;
	if ((buffer[1] >= '0' && buffer[1] <= '7') || buffer[1] == 'c')
		return buffer[1];
	return 0;
}

struct dev_printk_info;

/**
 * vprintk_emit() - print a message at a level chosen by the caller
 * @facility: ignored (the host has one console)
 * @level: a LOGLEVEL_* value, or LOGLEVEL_DEFAULT to take the level from
 *	   the KERN_* markers at the start of @fmt (KERN_WARNING without any)
 * @dev_info: ignored, may be NULL
 * @fmt: format, optionally starting with KERN_* markers
 * @args: arguments
 *
 * Return: number of characters produced.
 */
int vprintk_emit(int facility, int level, const struct dev_printk_info *dev_info,
		 const char *fmt, va_list args) __printf(4, 0);

/**
 * _printk() - the function behind printk()
 * @fmt: format, optionally starting with a KERN_* level
 *
 * Return: number of characters produced.
 */
int _printk(const char *fmt, ...) __printf(1, 2) __cold;

/**
 * printk() - print a message to the kernel console
 * @fmt: format, optionally starting with a KERN_* level
 * @...: arguments
 *
 * On the host the console is stderr unless a sink was installed with
 * host_console_set_sink().  Messages at KERN_DEBUG are shown only when the
 * console loglevel allows it.
 *
 * Return: number of characters produced.
 */
#define printk(fmt, ...)	_printk(fmt, ##__VA_ARGS__)

/**
 * vprintk() - printk() with a va_list
 * @fmt: format
 * @args: arguments
 *
 * Return: number of characters produced.
 */
int vprintk(const char *fmt, va_list args) __printf(1, 0);

#define printk_deferred printk
#define printk_ratelimit() 1
static inline bool printk_timed_ratelimit(unsigned long *caller_jiffies,
					  unsigned int interval_msec)
{
	return true;
}

/* Type-check a format without emitting anything. */
#define no_printk(fmt, ...)				\
({							\
	if (0)						\
		printk(fmt, ##__VA_ARGS__);		\
	0;						\
})

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warning		pr_warn
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)

#ifdef DEBUG
#define pr_devel(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_devel(fmt, ...)	no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif

/* Print at most once per call site. */
#define printk_once(fmt, ...) ({				\
	static bool __section(".data.once") __po_done;		\
	bool __po_ret = false;					\
	if (!__po_done) {					\
		__po_done = true;				\
		__po_ret = true;				\
		printk(fmt, ##__VA_ARGS__);			\
	}							\
	unlikely(__po_ret);					\
})

#define pr_emerg_once(fmt, ...)	printk_once(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert_once(fmt, ...)	printk_once(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit_once(fmt, ...)	printk_once(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_once(fmt, ...)	printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...)	printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice_once(fmt, ...) printk_once(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...)	printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont_once(fmt, ...)	printk_once(KERN_CONT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug_once(fmt, ...)	pr_debug(fmt, ##__VA_ARGS__)

/* Rate limiting is not modelled: every message is printed. */
#define printk_ratelimited(fmt, ...)	printk(fmt, ##__VA_ARGS__)
#define pr_emerg_ratelimited(fmt, ...)	pr_emerg(fmt, ##__VA_ARGS__)
#define pr_alert_ratelimited(fmt, ...)	pr_alert(fmt, ##__VA_ARGS__)
#define pr_crit_ratelimited(fmt, ...)	pr_crit(fmt, ##__VA_ARGS__)
#define pr_err_ratelimited(fmt, ...)	pr_err(fmt, ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...)	pr_warn(fmt, ##__VA_ARGS__)
#define pr_notice_ratelimited(fmt, ...)	pr_notice(fmt, ##__VA_ARGS__)
#define pr_info_ratelimited(fmt, ...)	pr_info(fmt, ##__VA_ARGS__)
#define pr_debug_ratelimited(fmt, ...)	pr_debug(fmt, ##__VA_ARGS__)

/**
 * dump_stack() - print the call chain of the current thread to the console
 */
void dump_stack(void);

enum {
	DUMP_PREFIX_NONE,
	DUMP_PREFIX_ADDRESS,
	DUMP_PREFIX_OFFSET
};

/**
 * print_hex_dump() - print a buffer as lines of hex bytes
 * @level: KERN_* level
 * @prefix_str: text at the start of each line
 * @prefix_type: DUMP_PREFIX_NONE/ADDRESS/OFFSET
 * @rowsize: bytes per line (16 or 32)
 * @groupsize: bytes per group (1, 2, 4 or 8)
 * @buf: data
 * @len: length of @buf
 * @ascii: also print the bytes as ASCII
 */
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len, bool ascii);

#define print_hex_dump_debug(prefix_str, prefix_type, rowsize, groupsize, buf, len, ascii) \
	do { if (0) print_hex_dump(KERN_DEBUG, prefix_str, prefix_type, rowsize, groupsize, \
				   buf, len, ascii); } while (0)

static inline void print_hex_dump_bytes(const char *prefix_str, int prefix_type,
					const void *buf, size_t len)
{
	print_hex_dump(KERN_DEBUG, prefix_str, prefix_type, 16, 1, buf, len, true);
}

extern int console_printk[];
#define console_loglevel (console_printk[0])

/* Prefixes for messages about firmware mistakes */
#define FW_BUG		"[Firmware Bug]: "
#define FW_WARN		"[Firmware Warn]: "
#define FW_INFO		"[Firmware Info]: "

#endif /* _LINUX_PRINTK_H */
