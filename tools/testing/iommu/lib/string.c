// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel string helpers that the C library does not provide.  The
 * standard functions (memcpy, strlen, ...) come from the C library.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t len;

	if (count == 0 || WARN_ON_ONCE(count > INT_MAX))
		return -E2BIG;
	len = strnlen(src, count);
	if (len == count) {
		/* Does not fit: copy what does and terminate. */
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return len;
}
EXPORT_SYMBOL(strscpy);

ssize_t strscpy_pad(char *dest, const char *src, size_t count)
{
	ssize_t n = strscpy(dest, src, count);
	size_t used = n < 0 ? count : (size_t)n + 1;

	if (used < count)
		memset(dest + used, 0, count - used);
	return n;
}
EXPORT_SYMBOL(strscpy_pad);

size_t strlcat(char *dest, const char *src, size_t count)
{
	size_t dlen = strnlen(dest, count);
	size_t slen = strlen(src);
	size_t room;

	if (dlen == count)
		return count + slen;
	room = count - dlen - 1;
	if (slen < room)
		room = slen;
	memcpy(dest + dlen, src, room);
	dest[dlen + room] = '\0';
	return dlen + slen;
}
EXPORT_SYMBOL(strlcat);

char *strnchr(const char *s, size_t count, int c)
{
	for (; count-- && *s; s++)
		if (*s == (char)c)
			return (char *)s;
	return NULL;
}
EXPORT_SYMBOL(strnchr);

char *strnstr(const char *s1, const char *s2, size_t len)
{
	size_t l2 = strlen(s2);

	if (!l2)
		return (char *)s1;
	while (len >= l2) {
		if (!memcmp(s1, s2, l2))
			return (char *)s1;
		if (!*s1)
			break;
		len--;
		s1++;
	}
	return NULL;
}
EXPORT_SYMBOL(strnstr);

char *skip_spaces(const char *str)
{
	while (isspace(*str))
		str++;
	return (char *)str;
}
EXPORT_SYMBOL(skip_spaces);

char *strim(char *s)
{
	size_t len = strlen(s);

	while (len && isspace(s[len - 1]))
		s[--len] = '\0';
	return skip_spaces(s);
}
EXPORT_SYMBOL(strim);

char *strreplace(char *str, char old, char new)
{
	char *s = str;

	for (; *s; s++)
		if (*s == old)
			*s = new;
	return s;
}
EXPORT_SYMBOL(strreplace);

void *memchr_inv(const void *start, int c, size_t bytes)
{
	const u8 *p = start;
	u8 v = c;

	for (; bytes; bytes--, p++)
		if (*p != v)
			return (void *)p;
	return NULL;
}
EXPORT_SYMBOL(memchr_inv);

bool sysfs_streq(const char *s1, const char *s2)
{
	while (*s1 && *s1 == *s2) {
		s1++;
		s2++;
	}
	if (*s1 == *s2)
		return true;
	if (!*s1 && *s2 == '\n' && !s2[1])
		return true;
	if (*s1 == '\n' && !s1[1] && !*s2)
		return true;
	return false;
}
EXPORT_SYMBOL(sysfs_streq);

int match_string(const char * const *array, size_t n, const char *string)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!array[i])
			break;
		if (!strcmp(array[i], string))
			return i;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(match_string);

int __sysfs_match_string(const char * const *array, size_t n, const char *str)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!array[i])
			continue;
		if (sysfs_streq(array[i], str))
			return i;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(__sysfs_match_string);

/* memsetN(): store @count copies of the N-bit value @v from @s on. */
#define DEFINE_MEMSET_N(bits)						\
void *memset##bits(typeof(u##bits) *s, u##bits v, size_t count)	\
{									\
	typeof(u##bits) *p = s;						\
									\
	while (count--)							\
		*p++ = v;						\
	return s;							\
}									\
EXPORT_SYMBOL(memset##bits)

DEFINE_MEMSET_N(16);
DEFINE_MEMSET_N(32);
DEFINE_MEMSET_N(64);

int hex_to_bin(unsigned char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = tolower(ch);
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}
EXPORT_SYMBOL(hex_to_bin);

int hex2bin(u8 *dst, const char *src, size_t count)
{
	while (count--) {
		int hi = hex_to_bin(*src++);
		int lo;

		if (hi < 0)
			return -EINVAL;
		lo = hex_to_bin(*src++);
		if (lo < 0)
			return -EINVAL;
		*dst++ = (hi << 4) | lo;
	}
	return 0;
}
EXPORT_SYMBOL(hex2bin);

char *bin2hex(char *dst, const void *src, size_t count)
{
	const u8 *p = src;

	while (count--)
		dst = hex_byte_pack(dst, *p++);
	return dst;
}
EXPORT_SYMBOL(bin2hex);

char **argv_split(gfp_t gfp, const char *str, int *argcp)
{
	int argc = 0, i;
	const char *p;
	char **argv;

	for (p = skip_spaces(str); *p; argc++) {
		while (*p && !isspace(*p))
			p++;
		p = skip_spaces(p);
	}
	argv = kcalloc(argc + 1, sizeof(*argv), gfp);
	if (!argv)
		return NULL;
	for (i = 0, p = skip_spaces(str); i < argc; i++) {
		const char *w = p;

		while (*p && !isspace(*p))
			p++;
		argv[i] = kstrndup(w, p - w, gfp);
		if (!argv[i]) {
			argv_free(argv);
			return NULL;
		}
		p = skip_spaces(p);
	}
	if (argcp)
		*argcp = argc;
	return argv;
}
EXPORT_SYMBOL(argv_split);

void argv_free(char **argv)
{
	char **p;

	if (!argv)
		return;
	for (p = argv; *p; p++)
		kfree(*p);
	kfree(argv);
}
EXPORT_SYMBOL(argv_free);
