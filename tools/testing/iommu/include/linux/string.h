/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/err.h>
#include <linux/overflow.h>
#include <linux/stdarg.h>

/*
 * The standard memory and string functions are the C library's (the
 * prototypes below match it); the kernel-only helpers live in the host
 * library.
 */
void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t n);
char *strcat(char *dest, const char *src);
char *strncat(char *dest, const char *src, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strpbrk(const char *s, const char *accept);
char *strsep(char **stringp, const char *delim);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);

/**
 * strscpy() - copy a C string into a sized buffer, always terminated
 * @dest: destination
 * @src: source
 * @count: size of @dest
 *
 * Return: number of characters copied (not counting the NUL), or -E2BIG
 * if @src did not fit (@dest then holds a truncated, terminated copy).
 */
ssize_t strscpy(char *dest, const char *src, size_t count);
#define sized_strscpy strscpy

/**
 * strscpy_pad() - strscpy() then zero the rest of @dest
 * @dest: destination
 * @src: source
 * @count: size of @dest
 *
 * Return: as strscpy().
 */
ssize_t strscpy_pad(char *dest, const char *src, size_t count);

size_t strlcat(char *dest, const char *src, size_t count);
char *strnchr(const char *s, size_t count, int c);
char *strchrnul(const char *s, int c);
char *strnstr(const char *s1, const char *s2, size_t len);
char *skip_spaces(const char *str);
char *strim(char *s);
char *strreplace(char *str, char old, char new);

static inline __must_check char *strstrip(char *str)
{
	return strim(str);
}

/**
 * memchr_inv() - find the first byte that differs from a value
 * @start: memory
 * @c: the expected byte
 * @bytes: length
 *
 * Return: address of the first byte != @c, or NULL if all match.
 */
void *memchr_inv(const void *start, int c, size_t bytes);

/**
 * sysfs_streq() - compare strings, ignoring one trailing newline on either
 * @s1: one string
 * @s2: the other string
 *
 * Return: true if equal.
 */
bool sysfs_streq(const char *s1, const char *s2);

/**
 * match_string() - index of a string in an array
 * @array: the strings
 * @n: number of entries, or -1 to stop at the first NULL
 * @string: string to find
 *
 * Return: the index, or -EINVAL.
 */
int match_string(const char * const *array, size_t n, const char *string);
int __sysfs_match_string(const char * const *array, size_t n, const char *s);
#define sysfs_match_string(_a, _s) __sysfs_match_string(_a, ARRAY_SIZE(_a), _s)

char *kstrdup(const char *s, gfp_t gfp) __malloc;
const char *kstrdup_const(const char *s, gfp_t gfp);
void kfree_const(const void *x);
char *kstrndup(const char *s, size_t len, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp) __realloc_size__(2);
void *kvmemdup(const void *src, size_t len, gfp_t gfp) __realloc_size__(2);
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
void *kmemdup_array(const void *src, size_t count, size_t element_size, gfp_t gfp);
char **argv_split(gfp_t gfp, const char *str, int *argcp);
void argv_free(char **argv);

void *memdup_user(const void __user *src, size_t len);
void *vmemdup_user(const void __user *src, size_t len);
char *strndup_user(const char __user *s, long n);
void *memdup_user_nul(const void __user *src, size_t len);

static inline void *memdup_array_user(const void __user *src, size_t n, size_t size)
{
	size_t nbytes;

	if (check_mul_overflow(n, size, &nbytes))
		return ERR_PTR(-EOVERFLOW);
	return memdup_user(src, nbytes);
}

static inline void *vmemdup_array_user(const void __user *src, size_t n, size_t size)
{
	size_t nbytes;

	if (check_mul_overflow(n, size, &nbytes))
		return ERR_PTR(-EOVERFLOW);
	return vmemdup_user(src, nbytes);
}

/* Fill memory with a 16/32/64-bit pattern. */
void *memset16(u16 *s, u16 v, size_t count);
void *memset32(u32 *s, u32 v, size_t count);
void *memset64(u64 *s, u64 v, size_t count);

static inline void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	barrier_data(s);
}

/* Zero all of *ptr after the member (exclusive). */
#define memset_after(obj, v, member) ({					\
	u8 *__ma_obj = (u8 *)(obj);					\
	typeof(v) __ma_val = (v);					\
	memset(__ma_obj + offsetofend(typeof(*(obj)), member), __ma_val, \
	       sizeof(*(obj)) - offsetofend(typeof(*(obj)), member));	\
})

/* Zero all of *ptr from the member (inclusive) on. */
#define memset_startat(obj, v, member) ({				\
	u8 *__ms_obj = (u8 *)(obj);					\
	typeof(v) __ms_val = (v);					\
	memset(__ms_obj + offsetof(typeof(*(obj)), member), __ms_val,	\
	       sizeof(*(obj)) - offsetof(typeof(*(obj)), member));	\
})

#define unsafe_memcpy(dst, src, bytes, justification) memcpy(dst, src, bytes)

/**
 * str_has_prefix() - whether @str starts with @prefix
 * @str: string
 * @prefix: prefix
 *
 * Return: strlen(@prefix) if it matches, else 0.
 */
static __always_inline size_t str_has_prefix(const char *str, const char *prefix)
{
	size_t len = strlen(prefix);

	return strncmp(str, prefix, len) == 0 ? len : 0;
}

static inline bool strstarts(const char *str, const char *prefix)
{
	return strncmp(str, prefix, strlen(prefix)) == 0;
}

static inline const char *str_yes_no(bool v)
{
	return v ? "yes" : "no";
}

static inline const char *str_on_off(bool v)
{
	return v ? "on" : "off";
}

static inline const char *str_enable_disable(bool v)
{
	return v ? "enable" : "disable";
}

static inline const char *str_enabled_disabled(bool v)
{
	return v ? "enabled" : "disabled";
}

static inline const char *str_true_false(bool v)
{
	return v ? "true" : "false";
}

static inline const char *str_read_write(bool v)
{
	return v ? "read" : "write";
}

static inline const char *str_plural(size_t num)
{
	return num == 1 ? "" : "s";
}

static inline const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');

	return tail ? tail + 1 : path;
}

#define strtomem_pad(dest, src, pad) do {				\
	const size_t __stm_dlen = sizeof(dest);				\
	const size_t __stm_slen = strnlen(src, __stm_dlen);		\
	memcpy(dest, src, __stm_slen);					\
	memset((char *)(dest) + __stm_slen, pad, __stm_dlen - __stm_slen); \
} while (0)

#endif /* _LINUX_STRING_H */
