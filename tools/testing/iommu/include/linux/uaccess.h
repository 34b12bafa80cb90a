/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/types.h>

/*
 * User memory on the host is the memory of the process itself.  Every
 * access goes through a probe that cannot fault: a NULL, unmapped or
 * read-only user pointer gives a short count or -EFAULT, never a crash.
 */

#define TASK_SIZE_MAX	BIT(47)

static inline bool __access_ok(const void __user *ptr, unsigned long size)
{
	unsigned long addr = (unsigned long)ptr;

	return size <= TASK_SIZE_MAX && addr <= TASK_SIZE_MAX - size;
}

#define access_ok(addr, size) likely(__access_ok(addr, size))

/**
 * copy_from_user() - copy a block from user memory
 * @to: kernel destination
 * @from: user source
 * @n: bytes
 *
 * Return: number of bytes NOT copied (0 on success); the uncopied tail of
 * @to is zeroed.
 */
unsigned long __must_check copy_from_user(void *to, const void __user *from, unsigned long n);

/**
 * copy_to_user() - copy a block to user memory
 * @to: user destination
 * @from: kernel source
 * @n: bytes
 *
 * Return: number of bytes NOT copied (0 on success).
 */
unsigned long __must_check copy_to_user(void __user *to, const void *from, unsigned long n);

/**
 * clear_user() - zero user memory
 * @to: user destination
 * @n: bytes
 *
 * Return: number of bytes NOT cleared.
 */
unsigned long __must_check clear_user(void __user *to, unsigned long n);

#define __copy_from_user(to, from, n)		copy_from_user(to, from, n)
#define __copy_to_user(to, from, n)		copy_to_user(to, from, n)
#define raw_copy_from_user(to, from, n)		copy_from_user(to, from, n)
#define raw_copy_to_user(to, from, n)		copy_to_user(to, from, n)
#define __clear_user(to, n)			clear_user(to, n)
#define copy_from_user_nofault(dst, src, n)	(copy_from_user(dst, src, n) ? -EFAULT : 0)
#define copy_to_user_nofault(dst, src, n)	(copy_to_user(dst, src, n) ? -EFAULT : 0)

/**
 * get_user() - read a simple variable from user memory
 * @x: kernel variable receiving the value (0 on failure)
 * @ptr: user pointer; its type gives the size
 *
 * Return: 0 or -EFAULT.
 */
#define get_user(x, ptr) ({						\
	__typeof__(*(ptr)) __gu_val;					\
	int __gu_err = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
	if (__gu_err)							\
		memset(&__gu_val, 0, sizeof(__gu_val));			\
	(x) = (__force __typeof__(*(ptr)))__gu_val;			\
	__gu_err;							\
})

/**
 * put_user() - write a simple variable to user memory
 * @x: the value
 * @ptr: user pointer; its type gives the size
 *
 * Return: 0 or -EFAULT.
 */
#define put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __pu_val = (x);				\
	copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0;	\
})

#define __get_user(x, ptr)	get_user(x, ptr)
#define __put_user(x, ptr)	put_user(x, ptr)

#define get_kernel_nofault(val, ptr) ({					\
	const typeof(val) *__gkn_p = (ptr);				\
	copy_from_user(&(val), (const void __user *)__gkn_p, sizeof(val)) ? -EFAULT : 0; \
})

/* The unsafe_ accessors jump to @label on a fault. */
#define user_access_begin(ptr, len)	access_ok(ptr, len)
#define user_access_end()		do { } while (0)
#define user_read_access_begin		user_access_begin
#define user_read_access_end		user_access_end
#define user_write_access_begin		user_access_begin
#define user_write_access_end		user_access_end
#define unsafe_get_user(x, ptr, label)	do { if (get_user(x, ptr)) goto label; } while (0)
#define unsafe_put_user(x, ptr, label)	do { if (put_user(x, ptr)) goto label; } while (0)
#define unsafe_copy_to_user(d, s, l, label) \
	do { if (copy_to_user(d, s, l)) goto label; } while (0)

/**
 * strncpy_from_user() - copy a NUL-terminated string from user memory
 * @dst: kernel buffer of @count bytes
 * @src: user string
 * @count: maximum bytes to copy, including the NUL
 *
 * Return: the string length (excluding NUL) if it fit, @count if it did
 * not (then @dst is not terminated), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

/**
 * strnlen_user() - length of a user string
 * @str: user string
 * @n: maximum bytes to examine
 *
 * Return: length including the NUL; a value > @n if it is longer; 0 on fault.
 */
long strnlen_user(const char __user *str, long n);

/**
 * check_zeroed_user() - whether a user range is all zero
 * @from: user memory
 * @size: bytes
 *
 * Return: 1 if all zero, 0 if not, -EFAULT on a fault.
 */
int check_zeroed_user(const void __user *from, size_t size);

/**
 * copy_struct_from_user() - copy an extensible structure from userspace
 * @dst: kernel structure of @ksize bytes
 * @ksize: size the kernel knows
 * @src: user structure of @usize bytes
 * @usize: size userspace passed
 *
 * A shorter user structure is zero-extended; a longer one is accepted
 * only if the bytes the kernel does not know are zero.
 *
 * Return: 0, -E2BIG if unknown trailing bytes are non-zero, -EFAULT.
 */
static __always_inline __must_check int
copy_struct_from_user(void *dst, size_t ksize, const void __user *src, size_t usize)
{
	size_t common = min(ksize, usize);

	if (usize < ksize) {
		memset((char *)dst + usize, 0, ksize - usize);
	} else if (usize > ksize) {
		int ret = check_zeroed_user((const char __user *)src + ksize, usize - ksize);

		if (ret <= 0)
			return ret ?: -E2BIG;
	}
	if (copy_from_user(dst, src, common))
		return -EFAULT;
	return 0;
}

/**
 * copy_struct_to_user() - copy an extensible structure to userspace
 * @dst: user structure of @usize bytes
 * @usize: size userspace asked for
 * @src: kernel structure
 * @ksize: its size
 * @ignored_trailing: set to whether non-zero kernel bytes did not fit
 *
 * Return: 0 or -EFAULT.
 */
static __always_inline __must_check int
copy_struct_to_user(void __user *dst, size_t usize, const void *src, size_t ksize,
		    bool *ignored_trailing)
{
	size_t common = min(ksize, usize);

	if (usize > ksize) {
		if (clear_user((char __user *)dst + ksize, usize - ksize))
			return -EFAULT;
	}
	if (ignored_trailing)
		*ignored_trailing = ksize > usize &&
			memchr_inv((const char *)src + usize, 0, ksize - usize);
	if (copy_to_user(dst, src, common))
		return -EFAULT;
	return 0;
}

static inline void pagefault_disable(void)
{
}

static inline void pagefault_enable(void)
{
}

static inline bool pagefault_disabled(void)
{
	return false;
}

#endif /* _LINUX_UACCESS_H */
