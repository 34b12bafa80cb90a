/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

#include <linux/compiler.h>
#include <linux/types.h>

/*
 * String to integer conversion with the kernel's strict rules: the whole
 * string (optionally followed by one newline) must be a number, an
 * out-of-range value gives -ERANGE and garbage gives -EINVAL.  A base of
 * 0 accepts 0x/0 prefixes.
 */
/* Unsigned targets, narrowest first; -ERANGE if the value does not fit. */
int __must_check kstrtou8(const char *s, unsigned int base, u8 *res);
int __must_check kstrtou16(const char *s, unsigned int base, u16 *res);
int __must_check kstrtou32(const char *s, unsigned int base, u32 *res);
int __must_check kstrtou64(const char *s, unsigned int base, u64 *res);
int __must_check kstrtouint(const char *s, unsigned int base, unsigned int *res);
int __must_check kstrtoul(const char *s, unsigned int base, unsigned long *res);
int __must_check kstrtoull(const char *s, unsigned int base, unsigned long long *res);

/* Signed targets, narrowest first. */
int __must_check kstrtos8(const char *s, unsigned int base, s8 *res);
int __must_check kstrtos16(const char *s, unsigned int base, s16 *res);
int __must_check kstrtos32(const char *s, unsigned int base, s32 *res);
int __must_check kstrtos64(const char *s, unsigned int base, s64 *res);
int __must_check kstrtoint(const char *s, unsigned int base, int *res);
int __must_check kstrtol(const char *s, unsigned int base, long *res);
int __must_check kstrtoll(const char *s, unsigned int base, long long *res);

/* Booleans: y/n, 1/0, on/off and the like. */
int __must_check kstrtobool(const char *s, bool *res);

int __must_check kstrtoint_from_user(const char __user *s, size_t count, unsigned int base,
				     int *res);
int __must_check kstrtouint_from_user(const char __user *s, size_t count, unsigned int base,
				      unsigned int *res);
int __must_check kstrtoul_from_user(const char __user *s, size_t count, unsigned int base,
				    unsigned long *res);
int __must_check kstrtoull_from_user(const char __user *s, size_t count, unsigned int base,
				     unsigned long long *res);
int __must_check kstrtobool_from_user(const char __user *s, size_t count, bool *res);

unsigned long long host_parse_integer(const char *cp, char **endp, unsigned int base,
				      bool is_signed);

/*
 * The lenient, obsolete parsers: a number at the start of cp, with *endp
 * (when endp is not NULL) set to the first character after it.
 */
static inline unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	return host_parse_integer(cp, endp, base, false);
}

static inline unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return host_parse_integer(cp, endp, base, false);
}

static inline long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return host_parse_integer(cp, endp, base, true);
}

static inline long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	return host_parse_integer(cp, endp, base, true);
}

#endif /* _LINUX_KSTRTOX_H */
