// SPDX-License-Identifier: GPL-2.0
/*
 * Access to user memory.  The actual copies are done by the C library
 * glue, which probes without faulting (see sys-libc.c).
 */
#include <linux/err.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "host-internal.h"

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long done = 0;

	if (access_ok(from, n))
		done = host_abi_probe_read(to, (__force const void *)from, n);
	if (done < n)
		memset((char *)to + done, 0, n - done);
	return n - done;
}
EXPORT_SYMBOL(copy_from_user);

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return n - host_abi_probe_write((__force void *)to, from, n);
}
EXPORT_SYMBOL(copy_to_user);

unsigned long clear_user(void __user *to, unsigned long n)
{
	static const char zeroes[256];
	unsigned long done = 0;

	if (!access_ok(to, n))
		return n;
	while (done < n) {
		unsigned long chunk = min(n - done, (unsigned long)sizeof(zeroes));
		unsigned long w = host_abi_probe_write((__force char *)to + done, zeroes, chunk);

		done += w;
		if (w < chunk)
			break;
	}
	return n - done;
}
EXPORT_SYMBOL(clear_user);

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long done = 0;

	if (count <= 0)
		return 0;
	while (done < count) {
		/* Never read past the end of the source page in one go. */
		unsigned long room = PAGE_SIZE - (((unsigned long)src + done) & (PAGE_SIZE - 1));
		long chunk = min_t(long, count - done, room);
		char *nul;

		if (copy_from_user(dst + done, src + done, chunk))
			return -EFAULT;
		nul = memchr(dst + done, '\0', chunk);
		if (nul)
			return nul - dst;
		done += chunk;
	}
	return count;
}
EXPORT_SYMBOL(strncpy_from_user);

long strnlen_user(const char __user *str, long n)
{
	char buf[64];
	long done = 0;

	while (done < n) {
		unsigned long room = PAGE_SIZE - (((unsigned long)str + done) & (PAGE_SIZE - 1));
		long chunk = min_t(long, min_t(long, n - done, room), (long)sizeof(buf));
		char *nul;

		if (copy_from_user(buf, str + done, chunk))
			return 0;
		nul = memchr(buf, '\0', chunk);
		if (nul)
			return done + (nul - buf) + 1;
		done += chunk;
	}
	return n + 1;
}
EXPORT_SYMBOL(strnlen_user);

int check_zeroed_user(const void __user *from, size_t size)
{
	char buf[256];
	size_t done = 0;

	while (done < size) {
		size_t chunk = min(size - done, sizeof(buf));

		if (copy_from_user(buf, (const char __user *)from + done, chunk))
			return -EFAULT;
		if (memchr_inv(buf, 0, chunk))
			return 0;
		done += chunk;
	}
	return 1;
}
EXPORT_SYMBOL(check_zeroed_user);

void *memdup_user(const void __user *src, size_t len)
{
	void *p = kmalloc(len, GFP_USER | __GFP_NOWARN);

	if (!p)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(p, src, len)) {
		kfree(p);
		return ERR_PTR(-EFAULT);
	}
	return p;
}
EXPORT_SYMBOL(memdup_user);

void *vmemdup_user(const void __user *src, size_t len)
{
	void *p = kvmalloc(len, GFP_USER);

	if (!p)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(p, src, len)) {
		kvfree(p);
		return ERR_PTR(-EFAULT);
	}
	return p;
}
EXPORT_SYMBOL(vmemdup_user);

void *memdup_user_nul(const void __user *src, size_t len)
{
	char *p = kmalloc(len + 1, GFP_KERNEL);

	if (!p)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(p, src, len)) {
		kfree(p);
		return ERR_PTR(-EFAULT);
	}
	p[len] = '\0';
	return p;
}
EXPORT_SYMBOL(memdup_user_nul);

char *strndup_user(const char __user *s, long n)
{
	long len = strnlen_user(s, n);
	char *p;

	if (!len)
		return ERR_PTR(-EFAULT);
	if (len > n)
		return ERR_PTR(-EINVAL);
	p = memdup_user(s, len);
	if (IS_ERR(p))
		return p;
	p[len - 1] = '\0';
	return p;
}
EXPORT_SYMBOL(strndup_user);
