// SPDX-License-Identifier: GPL-2.0
/*
 * String to number conversion with the kernel's strict rules.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/limits.h>
#include <linux/overflow.h>
#include <linux/uaccess.h>

/* Resolve base 0 and skip an optional 0x prefix for base 16. */
static const char *pick_base(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0') {
			if (tolower(s[1]) == 'x' && isxdigit(s[2]))
				*base = 16;
			else
				*base = 8;
		} else {
			*base = 10;
		}
	}
	if (*base == 16 && s[0] == '0' && tolower(s[1]) == 'x')
		s += 2;
	return s;
}

static int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return 99;
}

/*
 * Parse digits into *res.  Returns the number of characters consumed,
 * with bit 31 set on overflow; stops at the first non-digit.
 */
static unsigned int parse_digits(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	unsigned int n = 0;
	bool overflow = false;

	for (;; n++) {
		int d = digit_value(s[n]);

		if (d >= (int)base)
			break;
		if (check_mul_overflow(v, (unsigned long long)base, &v) ||
		    check_add_overflow(v, (unsigned long long)d, &v))
			overflow = true;
	}
	*res = v;
	return n | (overflow ? (1U << 31) : 0);
}

static int strict_ull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v;
	unsigned int n;

	s = pick_base(s, &base);
	n = parse_digits(s, base, &v);
	if (n & (1U << 31))
		return -ERANGE;
	if (!n)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return strict_ull(s, base, res);
}
EXPORT_SYMBOL(kstrtoull);

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int rv;

	if (s[0] == '-') {
		rv = strict_ull(s + 1, base, &v);
		if (rv)
			return rv;
		if ((long long)-v > 0)
			return -ERANGE;
		*res = -v;
	} else {
		rv = kstrtoull(s, base, &v);
		if (rv)
			return rv;
		if ((long long)v < 0)
			return -ERANGE;
		*res = v;
	}
	return 0;
}
EXPORT_SYMBOL(kstrtoll);

/*
 * kstrto<sfx>(): kstrtoull() or kstrtoll() narrowed to type, -ERANGE when
 * the value does not fit.
 */
#define DEFINE_KSTRTO_NARROW(sfx, type, wide, parse)			\
int kstrto##sfx(const char *s, unsigned int base, typeof(type) *res)		\
{									\
	wide v;								\
	int rv = parse(s, base, &v);					\
									\
	if (rv)								\
		return rv;						\
	if (v != (type)v)						\
		return -ERANGE;						\
	*res = v;							\
	return 0;							\
}									\
EXPORT_SYMBOL(kstrto##sfx)

#define DEFINE_KSTRTO_UNSIGNED(sfx, type)				\
	DEFINE_KSTRTO_NARROW(sfx, type, unsigned long long, kstrtoull)
#define DEFINE_KSTRTO_SIGNED(sfx, type)					\
	DEFINE_KSTRTO_NARROW(sfx, type, long long, kstrtoll)

DEFINE_KSTRTO_UNSIGNED(ul, unsigned long);
DEFINE_KSTRTO_SIGNED(l, long);
DEFINE_KSTRTO_UNSIGNED(uint, unsigned int);
DEFINE_KSTRTO_SIGNED(int, int);
DEFINE_KSTRTO_UNSIGNED(u64, u64);
DEFINE_KSTRTO_SIGNED(s64, s64);
DEFINE_KSTRTO_UNSIGNED(u32, u32);
DEFINE_KSTRTO_SIGNED(s32, s32);
DEFINE_KSTRTO_UNSIGNED(u16, u16);
DEFINE_KSTRTO_SIGNED(s16, s16);
DEFINE_KSTRTO_UNSIGNED(u8, u8);
DEFINE_KSTRTO_SIGNED(s8, s8);

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (tolower(s[0])) {
	case 'y':
	case 't':
	case '1':
		*res = true;
		return 0;
	case 'n':
	case 'f':
	case '0':
		*res = false;
		return 0;
	case 'o':
		if (tolower(s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (tolower(s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(kstrtobool);

/* Copy a short user string into a terminated kernel buffer. */
static int user_number_text(char *buf, size_t size, const char __user *s, size_t count)
{
	count = min(count, size - 1);
	if (copy_from_user(buf, s, count))
		return -EFAULT;
	buf[count] = '\0';
	return 0;
}

/* kstrto<sfx>_from_user(): kstrto<sfx>() on a short string copied from user space. */
#define DEFINE_KSTRTO_FROM_USER(sfx, type)				\
int kstrto##sfx##_from_user(const char __user *s, size_t count,	\
			    unsigned int base, typeof(type) *res)		\
{									\
	char buf[64];							\
	int rv = user_number_text(buf, sizeof(buf), s, count);		\
									\
	return rv ? rv : kstrto##sfx(buf, base, res);			\
}									\
EXPORT_SYMBOL(kstrto##sfx##_from_user)

DEFINE_KSTRTO_FROM_USER(ull, unsigned long long);
DEFINE_KSTRTO_FROM_USER(ul, unsigned long);
DEFINE_KSTRTO_FROM_USER(uint, unsigned int);
DEFINE_KSTRTO_FROM_USER(int, int);

int kstrtobool_from_user(const char __user *s, size_t count, bool *res)
{
	char buf[8];
	int rv = user_number_text(buf, sizeof(buf), s, count);

	return rv ? rv : kstrtobool(buf, res);
}
EXPORT_SYMBOL(kstrtobool_from_user);

/**
 * host_parse_integer() - parse the number at the start of a string
 * @cp: the string
 * @endp: where to store a pointer to the first character not parsed, or NULL
 * @base: the base, or 0 to pick it from a 0x or 0 prefix (else decimal)
 * @is_signed: accept a leading '-' or '+'
 *
 * The lenient parser behind simple_strtoull() and friends and vsscanf():
 * unlike kstrtoull() it stops at the first character that is not a digit
 * and does not detect overflow.
 *
 * Return: the value parsed (negated after a '-'), 0 when there are no digits.
 */
unsigned long long host_parse_integer(const char *cp, char **endp, unsigned int base,
				      bool is_signed)
{
	bool negative = false;
	unsigned long long v;
	unsigned int n;

	if (is_signed && (*cp == '-' || *cp == '+')) {
		negative = *cp == '-';
		cp++;
	}
	cp = pick_base(cp, &base);
	n = parse_digits(cp, base, &v) & ~(1U << 31);
	if (endp)
		*endp = (char *)cp + n;
	return negative ? -v : v;
}
EXPORT_SYMBOL(host_parse_integer);
