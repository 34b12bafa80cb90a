/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The catch-all kernel header: pulls in the small utility headers most
 * code expects through it, and stubs the scheduler hints a single-process
 * host build has no use for.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

/* Types, compiler and build-time checks first. */
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/limits.h>
#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <linux/typecheck.h>
#include <linux/linkage.h>
#include <linux/stdarg.h>
#include <asm/byteorder.h>

/* Arithmetic and bit helpers. */
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/log2.h>
#include <linux/align.h>
#include <linux/bitops.h>
#include <linux/wordpart.h>
#include <linux/array_size.h>
#include <linux/container_of.h>

/* Strings, numbers and messages. */
#include <linux/string.h>
#include <linux/kstrtox.h>
#include <linux/sprintf.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/panic.h>

/* Rarely used, but expected to come with this header. */
#include <linux/instruction_pointer.h>
#include <linux/static_call_types.h>

#define STACK_MAGIC	0xdeadbeef

/* The byte @x repeated in every byte of an unsigned long. */
#define REPEAT_BYTE(x)	((x) * (~0UL / 0xffUL))

#define u64_to_user_ptr(x) ((void __user *)(uintptr_t)(u64)(x))

/*
 * Nothing here ever sleeps in a way that matters, migrates or gets
 * preempted: these checks and hints expand to a no-op statement.
 */
#define __hostenv_nop()		((void)0)
#define might_sleep()		__hostenv_nop()
#define might_resched()		__hostenv_nop()
#define might_fault()		__hostenv_nop()
#define sched_annotate_sleep()	__hostenv_nop()
#define non_block_start()	__hostenv_nop()
#define non_block_end()		__hostenv_nop()
#define cant_sleep()		__hostenv_nop()
#define cant_migrate()		__hostenv_nop()
#define might_sleep_if(cond)	((void)(cond))

static inline void __might_sleep(const char *where, int at_line) { }

#define TAINT_WARN		9
#define TAINT_FIRMWARE_WORKAROUND 11
#define LOCKDEP_NOW_UNRELIABLE	0
#define LOCKDEP_STILL_OK	1

/* Tainting is not tracked. */
static inline void add_taint(unsigned int flag, int lockdep_ok) { }

/**
 * hex_to_bin() - value of one hexadecimal digit
 * @ch: the character
 *
 * Return: 0..15, or -1 if @ch is not a hex digit.
 */
int hex_to_bin(unsigned char ch);

/**
 * hex2bin() - decode a hexadecimal string
 * @out: output bytes
 * @hex: two hex digits per output byte
 * @nbytes: number of bytes to produce
 *
 * Return: 0, or -EINVAL on a non-hex character.
 */
int __must_check hex2bin(u8 *out, const char *hex, size_t nbytes);

/**
 * bin2hex() - encode bytes as lowercase hexadecimal
 * @out: output, 2 * @nbytes characters (not terminated)
 * @bytes: input bytes
 * @nbytes: number of bytes
 *
 * Return: pointer just past the last character written.
 */
char *bin2hex(char *out, const void *bytes, size_t nbytes);

extern const char hex_asc[];
extern const char hex_asc_upper[];

#define __hex_nibble(table, x, shift)	(table)[((x) >> (shift)) & 0xf]
#define hex_asc_lo(x)		__hex_nibble(hex_asc, x, 0)
#define hex_asc_hi(x)		__hex_nibble(hex_asc, x, 4)
#define hex_asc_upper_lo(x)	__hex_nibble(hex_asc_upper, x, 0)
#define hex_asc_upper_hi(x)	__hex_nibble(hex_asc_upper, x, 4)

/* Store @byte as two lowercase hex digits at @buf; returns the end. */
static inline char *hex_byte_pack(char *buf, u8 byte)
{
	buf[0] = hex_asc_hi(byte);
	buf[1] = hex_asc_lo(byte);
	return buf + 2;
}

/**
 * enum system_states - how far the kernel instance has come
 * @SYSTEM_BOOTING: initcalls have not run yet
 * @SYSTEM_SCHEDULING: unused here
 * @SYSTEM_FREEING_INITMEM: unused here
 * @SYSTEM_RUNNING: booted
 * @SYSTEM_HALT: unused here
 * @SYSTEM_POWER_OFF: unused here
 * @SYSTEM_RESTART: unused here
 * @SYSTEM_SUSPEND: unused here
 */
enum system_states {
	SYSTEM_BOOTING = 0,
	SYSTEM_SCHEDULING = 1,
	SYSTEM_FREEING_INITMEM = 2,
	SYSTEM_RUNNING = 3,
	SYSTEM_HALT = 4,
	SYSTEM_POWER_OFF = 5,
	SYSTEM_RESTART = 6,
	SYSTEM_SUSPEND = 7,
};

extern enum system_states system_state;

#define TRACE_EVENT(...)
#define trace_printk(fmt, ...) no_printk(fmt, ##__VA_ARGS__)

#endif /* _LINUX_KERNEL_H */
