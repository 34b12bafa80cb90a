/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/stdarg.h>
#include <linux/align.h>
#include <linux/array_size.h>
#include <linux/limits.h>
#include <linux/linkage.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/bitops.h>
#include <linux/kstrtox.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/typecheck.h>
#include <linux/printk.h>
#include <linux/build_bug.h>
#include <linux/static_call_types.h>
#include <linux/instruction_pointer.h>
#include <linux/sprintf.h>
#include <linux/panic.h>
#include <linux/wordpart.h>
#include <linux/string.h>
#include <asm/byteorder.h>
#include <linux/bug.h>

#define STACK_MAGIC	0xdeadbeef

#define REPEAT_BYTE(x)	((~0ul / 0xff) * (x))

#define u64_to_user_ptr(x) ((void __user *)(uintptr_t)(u64)(x))

#define might_sleep()		do { } while (0)
#define might_sleep_if(cond)	do { if (cond) might_sleep(); } while (0)
#define might_resched()		do { } while (0)
#define might_fault()		do { } while (0)
#define sched_annotate_sleep()	do { } while (0)
#define non_block_start()	do { } while (0)
#define non_block_end()		do { } while (0)
#define cant_sleep()		do { } while (0)
#define cant_migrate()		do { } while (0)

static inline void __might_sleep(const char *file, int line)
{
}

#define TAINT_WARN		9
#define TAINT_FIRMWARE_WORKAROUND 11
#define LOCKDEP_STILL_OK	1
#define LOCKDEP_NOW_UNRELIABLE	0

static inline void add_taint(unsigned int flag, int lockdep_ok)
{
}

/**
 * hex_to_bin() - value of one hexadecimal digit
 * @ch: the character
 *
 * Return: 0..15, or -1 if @ch is not a hex digit.
 */
int hex_to_bin(unsigned char ch);

/**
 * hex2bin() - decode a hexadecimal string
 * @dst: output bytes
 * @src: two hex digits per output byte
 * @count: number of bytes to produce
 *
 * Return: 0, or -EINVAL on a non-hex character.
 */
int __must_check hex2bin(u8 *dst, const char *src, size_t count);

/**
 * bin2hex() - encode bytes as lowercase hexadecimal
 * @dst: output, 2 * @count characters (not terminated)
 * @src: input bytes
 * @count: number of bytes
 *
 * Return: pointer just past the last character written.
 */
char *bin2hex(char *dst, const void *src, size_t count);

extern const char hex_asc[];
#define hex_asc_lo(x)	hex_asc[((x) & 0x0f)]
#define hex_asc_hi(x)	hex_asc[((x) & 0xf0) >> 4]

extern const char hex_asc_upper[];
#define hex_asc_upper_lo(x)	hex_asc_upper[((x) & 0x0f)]
#define hex_asc_upper_hi(x)	hex_asc_upper[((x) & 0xf0) >> 4]

static inline char *hex_byte_pack(char *buf, u8 byte)
{
	*buf++ = hex_asc_hi(byte);
	*buf++ = hex_asc_lo(byte);
	return buf;
}

enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_SCHEDULING,
	SYSTEM_FREEING_INITMEM,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
	SYSTEM_SUSPEND,
};

extern enum system_states system_state;

#define TRACE_EVENT(...)
#define trace_printk(fmt, ...) no_printk(fmt, ##__VA_ARGS__)

#endif /* _LINUX_KERNEL_H */
