// SPDX-License-Identifier: GPL-2.0
/*
 * Formatted output for the host kernel: vsnprintf() and friends with the
 * kernel's conventions and %p extensions.  Written for the host
 * environment; it does not use the C library's printf.
 *
 * Supported pointer extensions: %px %pK (raw), %p (raw, unhashed on the
 * host), %pa[p] %pad, %pe, %ph[CDN], %pb %pbl, %pR %pr, %pV, %pS %ps %pB
 * %pF %pf, %pU[bBlL], %pM %pm, %pI4 %pi4.  Unknown extensions print the
 * pointer value.  As in Linux, every alphanumeric character after %p
 * belongs to the conversion.
 */
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "host-internal.h"

#define F_LEFT		0x01
#define F_PLUS		0x02
#define F_SPACE		0x04
#define F_ALT		0x08
#define F_ZERO		0x10
#define F_SIGNED	0x20
#define F_UPPER		0x40

/**
 * struct fmt_spec - one parsed conversion
 * @flags: F_* flags
 * @width: field width, or -1
 * @prec: precision, or -1
 * @base: 8, 10 or 16 for integers
 */
struct fmt_spec {
	unsigned int flags;
	int width;
	int prec;
	int base;
};

/**
 * struct out - a bounded output cursor; counts what would have been written
 * @pos: next byte to write
 * @end: one past the last writable byte
 */
struct out {
	char *pos;
	char *end;
};

static void put(struct out *o, char c)
{
	if (o->pos < o->end)
		*o->pos = c;
	o->pos++;
}

static void put_n(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* The digit tables behind hex_asc_lo() and friends: lookup tables, not strings. */
const char hex_asc[16] = {
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
};
EXPORT_SYMBOL(hex_asc);
const char hex_asc_upper[16] = {
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
};
EXPORT_SYMBOL(hex_asc_upper);

static void emit_number(struct out *o, unsigned long long num, struct fmt_spec s)
{
	const char *digits = (s.flags & F_UPPER) ? hex_asc_upper : hex_asc;
	char tmp[24], sign = 0;
	int len = 0, prefix = 0, zeros, pad;

	if (s.flags & F_SIGNED) {
		if ((long long)num < 0) {
			sign = '-';
			num = -(long long)num;
		} else if (s.flags & F_PLUS) {
			sign = '+';
		} else if (s.flags & F_SPACE) {
			sign = ' ';
		}
	}
	if (s.flags & F_ALT) {
		if (s.base == 16)
			prefix = 2;
		else if (s.base == 8 && num)
			prefix = 1;
	}
	if (num == 0 && s.prec == 0) {
		len = 0;
	} else {
		do {
			tmp[len++] = digits[num % s.base];
			num /= s.base;
		} while (num);
	}
	zeros = s.prec > len ? s.prec - len : 0;
	pad = s.width - (len + zeros + prefix + (sign != 0));
	if ((s.flags & F_ZERO) && !(s.flags & F_LEFT) && s.prec < 0 && pad > 0) {
		zeros += pad;
		pad = 0;
	}
	if (!(s.flags & F_LEFT))
		put_n(o, ' ', pad);
	if (sign)
		put(o, sign);
	if (prefix) {
		put(o, '0');
		if (prefix == 2)
			put(o, (s.flags & F_UPPER) ? 'X' : 'x');
	}
	put_n(o, '0', zeros);
	while (len)
		put(o, tmp[--len]);
	if (s.flags & F_LEFT)
		put_n(o, ' ', pad);
}

static void emit_string(struct out *o, const char *str, struct fmt_spec s)
{
	int len, pad;

	if (!str)
		str = "(null)";
	len = strnlen(str, s.prec >= 0 ? (size_t)s.prec : (size_t)INT_MAX);
	pad = s.width - len;
	if (!(s.flags & F_LEFT))
		put_n(o, ' ', pad);
	while (len--)
		put(o, *str++);
	if (s.flags & F_LEFT)
		put_n(o, ' ', pad);
}

static void emit_hex_fixed(struct out *o, unsigned long long v, int digits, bool prefix)
{
	struct fmt_spec s = {
		.flags = F_ZERO | (prefix ? F_ALT : 0),
		.width = digits + (prefix ? 2 : 0),
		.prec = -1,
		.base = 16,
	};

	emit_number(o, v, s);
}

/* ---- error names for %pe ---- */

/* E(NOMEM) is the entry of ENOMEM, "ENOMEM". */
#define E(x) \
	[E##x] = "E" #x
static const char * const errnames[] = {
	E(PERM), E(NOENT), E(SRCH), E(INTR), E(IO), E(NXIO), E(2BIG), E(NOEXEC),
	E(BADF), E(CHILD), E(AGAIN), E(NOMEM), E(ACCES), E(FAULT), E(NOTBLK), E(BUSY),
	E(EXIST), E(XDEV), E(NODEV), E(NOTDIR), E(ISDIR), E(INVAL), E(NFILE), E(MFILE),
	E(NOTTY), E(TXTBSY), E(FBIG), E(NOSPC), E(SPIPE), E(ROFS), E(MLINK), E(PIPE),
	E(DOM), E(RANGE), E(DEADLK), E(NAMETOOLONG), E(NOLCK), E(NOSYS), E(NOTEMPTY),
	E(LOOP), E(NOMSG), E(IDRM), E(NODATA), E(TIME), E(NOLINK), E(PROTO), E(BADMSG),
	E(OVERFLOW), E(ILSEQ), E(OPNOTSUPP), E(ADDRINUSE), E(ADDRNOTAVAIL), E(NOBUFS),
	E(TIMEDOUT), E(CONNREFUSED), E(ALREADY), E(INPROGRESS), E(STALE), E(REMOTEIO),
	E(DQUOT), E(CANCELED), E(OWNERDEAD), E(NOTRECOVERABLE), E(HWPOISON),
	E(RESTARTSYS), E(RESTARTNOINTR), E(RESTARTNOHAND), E(NOIOCTLCMD),
	E(RESTART_RESTARTBLOCK), E(PROBE_DEFER), E(OPENSTALE), E(NOPARAM),
	E(BADHANDLE), E(NOTSYNC), E(BADCOOKIE), E(NOTSUPP), E(TOOSMALL),
	E(SERVERFAULT), E(BADTYPE), E(JUKEBOX), E(IOCBQUEUED), E(RECALLCONFLICT),
	E(NOGRACE),
};

#undef E

/*
 * errname_of() - symbolic name of an errno (either sign) into buf, e.g.
 * "-ENOMEM"; NULL if unknown.
 */
static const char *errname_of(int err, char *buf, size_t len)
{
	int e = err < 0 ? -err : err;

	if (e <= 0 || (size_t)e >= ARRAY_SIZE(errnames) || !errnames[e])
		return NULL;
	snprintf(buf, len, "%s%s", err < 0 ? "-" : "", errnames[e]);
	return buf;
}

/* ---- pointer extensions ---- */

static void emit_raw_pointer(struct out *o, const void *ptr, struct fmt_spec s)
{
	s.flags |= F_ZERO;
	s.base = 16;
	if (s.width < 0)
		s.width = 2 * sizeof(void *);
	emit_number(o, (unsigned long)ptr, s);
}

static void emit_hex_buffer(struct out *o, const u8 *p, struct fmt_spec s, char ext)
{
	char sep = ' ';
	int i, n = s.width < 0 ? 1 : min(s.width, 64);

	if (ext == 'C')
		sep = ':';
	else if (ext == 'D')
		sep = '-';
	else if (ext == 'N')
		sep = 0;
	for (i = 0; i < n; i++) {
		if (i && sep)
			put(o, sep);
		put(o, hex_asc_hi(p[i]));
		put(o, hex_asc_lo(p[i]));
	}
}

static void emit_bitmap_list(struct out *o, const unsigned long *map, int nbits)
{
	unsigned long a, b;
	bool first = true;
	struct fmt_spec d = { .width = -1, .prec = -1, .base = 10 };

	for (a = find_first_bit(map, nbits); a < (unsigned long)nbits;
	     a = find_next_bit(map, nbits, b + 1)) {
		b = find_next_zero_bit(map, nbits, a + 1) - 1;
		if (!first)
			put(o, ',');
		first = false;
		emit_number(o, a, d);
		if (b > a) {
			put(o, '-');
			emit_number(o, b, d);
		}
	}
}

static void emit_bitmap_hex(struct out *o, const unsigned long *map, int nbits)
{
	int chunk, nchunks = DIV_ROUND_UP(nbits, 32);

	/* 32-bit groups, most significant first, separated by commas. */
	for (chunk = nchunks - 1; chunk >= 0; chunk--) {
		u32 v = (u32)(map[chunk / 2] >> ((chunk % 2) * 32));
		int bits = (chunk == nchunks - 1 && nbits % 32) ? nbits % 32 : 32;

		if (bits < 32)
			v &= (1U << bits) - 1;
		emit_hex_fixed(o, v, chunk == nchunks - 1 ? DIV_ROUND_UP(bits, 4) : 8, false);
		if (chunk)
			put(o, ',');
	}
}

static void emit_resource(struct out *o, const struct resource *res, bool with_flags)
{
	const char *type = "??? ";
	int digits = 8;
	struct fmt_spec s = { .width = -1, .prec = -1 };

	if (res->flags & IORESOURCE_IO) {
		type = "io  ";
		digits = 4;
	} else if (res->flags & IORESOURCE_MEM) {
		type = "mem ";
	} else if (res->flags & IORESOURCE_IRQ) {
		type = "irq ";
		digits = 0;
	} else if (res->flags & IORESOURCE_BUS) {
		type = "bus ";
		digits = 2;
	}
	put(o, '[');
	emit_string(o, type, s);
	if (digits) {
		emit_hex_fixed(o, res->start, digits, true);
		if (res->end != res->start) {
			put(o, '-');
			emit_hex_fixed(o, res->end, digits, true);
		}
	} else {
		s.base = 10;
		emit_number(o, res->start, s);
		if (res->end != res->start) {
			put(o, '-');
			emit_number(o, res->end, s);
		}
	}
	if (with_flags && res->flags) {
		emit_string(o, " flags ", s);
		emit_hex_fixed(o, res->flags, 0, true);
	}
	put(o, ']');
}

static void emit_uuid(struct out *o, const u8 *u, char kind)
{
	static const u8 be_order[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
	static const u8 le_order[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
	const u8 *order = (kind == 'l' || kind == 'L') ? le_order : be_order;
	const char *digits = (kind == 'B' || kind == 'L') ? hex_asc_upper : hex_asc;
	int i;

	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			put(o, '-');
		put(o, digits[u[order[i]] >> 4]);
		put(o, digits[u[order[i]] & 15]);
	}
}

static int format_into(struct out *o, const char *fmt, va_list args);

/* Returns the format pointer after the extension characters. */
static const char *emit_pointer(struct out *o, const char *fmt, const void *ptr,
				struct fmt_spec s)
{
	char ext = *fmt, sub = fmt[1];
	const char *next = fmt;
	char buf[128];

	while (isalnum(*next))
		next++;

	switch (ext) {
	case 'x':
	case 'K':
		emit_raw_pointer(o, ptr, s);
		return next;
	case 'a':
		if (!ptr)
			break;
		if (sub == 'd')
			emit_hex_fixed(o, *(const dma_addr_t *)ptr, 2 * sizeof(dma_addr_t), true);
		else
			emit_hex_fixed(o, *(const phys_addr_t *)ptr, 2 * sizeof(phys_addr_t), true);
		return next;
	case 'e':
		if (IS_ERR(ptr) && errname_of(PTR_ERR(ptr), buf, sizeof(buf))) {
			emit_string(o, buf, s);
		} else if (IS_ERR(ptr)) {
			s.flags |= F_SIGNED;
			s.base = 10;
			emit_number(o, PTR_ERR(ptr), s);
		} else {
			emit_raw_pointer(o, ptr, (struct fmt_spec){ .width = -1, .prec = -1 });
		}
		return next;
	case 'h':
		if (!ptr)
			break;
		emit_hex_buffer(o, ptr, s, sub);
		return next;
	case 'b':
		if (!ptr)
			break;
		if (sub == 'l')
			emit_bitmap_list(o, ptr, s.width < 0 ? 0 : s.width);
		else
			emit_bitmap_hex(o, ptr, s.width < 0 ? 0 : s.width);
		return next;
	case 'R':
	case 'r':
		if (!ptr)
			break;
		emit_resource(o, ptr, ext == 'R');
		return next;
	case 'V': {
		const struct va_format *vaf = ptr;
		va_list va;

		if (!ptr)
			break;
		va_copy(va, *vaf->va);
		format_into(o, vaf->fmt, va);
		va_end(va);
		return next;
	}
	case 'S':
	case 's':
	case 'B':
	case 'F':
	case 'f':
		if (host_abi_symbolize((unsigned long)ptr, buf, sizeof(buf)) == 0) {
			if (ext == 's' || ext == 'f') {
				char *plus = strchr(buf, '+');

				if (plus)
					*plus = '\0';
			}
			emit_string(o, buf, s);
		} else {
			emit_hex_fixed(o, (unsigned long)ptr, 0, true);
		}
		return next;
	case 'U':
		if (!ptr)
			break;
		emit_uuid(o, ptr, isalpha(sub) ? sub : 'b');
		return next;
	case 'M':
	case 'm': {
		const u8 *m = ptr;
		int i;

		if (!ptr)
			break;
		for (i = 0; i < 6; i++) {
			if (i && ext == 'M')
				put(o, sub == 'R' ? '-' : ':');
			put(o, hex_asc_hi(m[i]));
			put(o, hex_asc_lo(m[i]));
		}
		return next;
	}
	case 'I':
	case 'i':
		if (sub == '4' && ptr) {
			const u8 *a = ptr;

			snprintf(buf, sizeof(buf), ext == 'I' ? "%u.%u.%u.%u" : "%03u%03u%03u%03u",
				 a[0], a[1], a[2], a[3]);
			emit_string(o, buf, s);
			return next;
		}
		break;
	default:
		if (!isalnum(ext)) {
			emit_raw_pointer(o, ptr, s);
			return fmt;
		}
		break;
	}
	if (!ptr) {
		emit_string(o, "(null)", s);
		return next;
	}
	emit_raw_pointer(o, ptr, s);
	return next;
}

/* ---- the format loop ---- */

static int format_into(struct out *o, const char *fmt, va_list args)
{
	char *start = o->pos;

	while (*fmt) {
		struct fmt_spec s = { .width = -1, .prec = -1, .base = 10 };
		unsigned long long num;
		int qual = 0;

		if (*fmt != '%') {
			put(o, *fmt++);
			continue;
		}
		fmt++;
		/* flags */
		for (;; fmt++) {
			if (*fmt == '-')
				s.flags |= F_LEFT;
			else if (*fmt == '+')
				s.flags |= F_PLUS;
			else if (*fmt == ' ')
				s.flags |= F_SPACE;
			else if (*fmt == '#')
				s.flags |= F_ALT;
			else if (*fmt == '0')
				s.flags |= F_ZERO;
			else
				break;
		}
		/* width */
		if (*fmt == '*') {
			s.width = va_arg(args, int);
			if (s.width < 0) {
				s.flags |= F_LEFT;
				s.width = -s.width;
			}
			fmt++;
		} else if (isdigit(*fmt)) {
			s.width = 0;
			while (isdigit(*fmt))
				s.width = s.width * 10 + (*fmt++ - '0');
		}
		/* precision */
		if (*fmt == '.') {
			fmt++;
			s.prec = 0;
			if (*fmt == '*') {
				s.prec = va_arg(args, int);
				if (s.prec < 0)
					s.prec = -1;
				fmt++;
			} else {
				while (isdigit(*fmt))
					s.prec = s.prec * 10 + (*fmt++ - '0');
			}
		}
		/* length */
		if (*fmt == 'h') {
			qual = 'h';
			if (*++fmt == 'h') {
				qual = 'H';
				fmt++;
			}
		} else if (*fmt == 'l') {
			qual = 'l';
			if (*++fmt == 'l') {
				qual = 'L';
				fmt++;
			}
		} else if (*fmt == 'L' || *fmt == 'q') {
			qual = 'L';
			fmt++;
		} else if (*fmt == 'z' || *fmt == 'Z' || *fmt == 't' || *fmt == 'j') {
			qual = *fmt == 'j' ? 'L' : 'z';
			fmt++;
		}

		switch (*fmt) {
		case 'c': {
			int pad = s.width - 1;

			if (!(s.flags & F_LEFT))
				put_n(o, ' ', pad);
			put(o, (char)va_arg(args, int));
			if (s.flags & F_LEFT)
				put_n(o, ' ', pad);
			fmt++;
			continue;
		}
		case 's':
			emit_string(o, va_arg(args, const char *), s);
			fmt++;
			continue;
		case 'p':
			fmt = emit_pointer(o, fmt + 1, va_arg(args, const void *), s);
			continue;
		case '%':
			put(o, '%');
			fmt++;
			continue;
		case 'n':
			/* Not supported (as in Linux): consume and ignore. */
			(void)va_arg(args, void *);
			fmt++;
			continue;
		case 'o':
			s.base = 8;
			break;
		case 'X':
			s.flags |= F_UPPER;
			fallthrough;
		case 'x':
			s.base = 16;
			break;
		case 'd':
		case 'i':
			s.flags |= F_SIGNED;
			break;
		case 'u':
			break;
		default:
			/* Unknown conversion: print it verbatim. */
			put(o, '%');
			if (*fmt)
				put(o, *fmt++);
			continue;
		}
		fmt++;

		if (s.flags & F_SIGNED) {
			switch (qual) {
			case 'H':
				num = (signed char)va_arg(args, int);
				break;
			case 'h':
				num = (short)va_arg(args, int);
				break;
			case 'l':
				num = va_arg(args, long);
				break;
			case 'L':
				num = va_arg(args, long long);
				break;
			case 'z':
				num = va_arg(args, ssize_t);
				break;
			default:
				num = va_arg(args, int);
			}
		} else {
			switch (qual) {
			case 'H':
				num = (unsigned char)va_arg(args, unsigned int);
				break;
			case 'h':
				num = (unsigned short)va_arg(args, unsigned int);
				break;
			case 'l':
				num = va_arg(args, unsigned long);
				break;
			case 'L':
				num = va_arg(args, unsigned long long);
				break;
			case 'z':
				num = va_arg(args, size_t);
				break;
			default:
				num = va_arg(args, unsigned int);
			}
		}
		emit_number(o, num, s);
	}
	return o->pos - start;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .pos = buf, .end = buf + size };
	va_list va;
	int n;

	if (WARN_ON_ONCE(size > INT_MAX))
		return 0;
	if (size)
		o.end = buf + size - 1;
	else
		o.end = buf;
	va_copy(va, args);
	n = format_into(&o, fmt, va);
	va_end(va);
	if (size)
		*(o.pos < o.end ? o.pos : o.end) = '\0';
	return n;
}
EXPORT_SYMBOL(vsnprintf);

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (likely((size_t)n < size))
		return n;
	return size ? size - 1 : 0;
}
EXPORT_SYMBOL(vscnprintf);

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(snprintf);

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(scnprintf);

int vsprintf(char *buf, const char *fmt, va_list args)
{
	return vsnprintf(buf, INT_MAX, fmt, args);
}
EXPORT_SYMBOL(vsprintf);

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(sprintf);

char *kvasprintf(gfp_t gfp, const char *fmt, va_list args)
{
	va_list measure;
	char *p;
	int len;

	va_copy(measure, args);
	len = vsnprintf(NULL, 0, fmt, measure);
	va_end(measure);
	p = kmalloc(len + 1, gfp);
	if (!p)
		return NULL;
	vsnprintf(p, len + 1, fmt, args);
	return p;
}
EXPORT_SYMBOL(kvasprintf);

const char *kvasprintf_const(gfp_t gfp, const char *fmt, va_list args)
{
	return kvasprintf(gfp, fmt, args);
}
EXPORT_SYMBOL(kvasprintf_const);

char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list args;
	char *p;

	va_start(args, fmt);
	p = kvasprintf(gfp, fmt, args);
	va_end(args);
	return p;
}
EXPORT_SYMBOL(kasprintf);

int num_to_str(char *buf, int size, unsigned long long num, unsigned int width)
{
	char tmp[24];
	int n = snprintf(tmp, sizeof(tmp), "%0*llu", width, num);

	if (n > size)
		return 0;
	memcpy(buf, tmp, n);
	return n;
}
EXPORT_SYMBOL(num_to_str);

/* ---- sscanf: integers, strings and characters ---- */

int vsscanf(const char *buf, const char *fmt, va_list args)
{
	const char *str = buf;
	int converted = 0;

	while (*fmt) {
		bool suppress = false;
		int width = -1, qual = 0, base = 10;
		bool is_signed = false;

		if (isspace(*fmt)) {
			while (isspace(*fmt))
				fmt++;
			while (isspace(*str))
				str++;
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			if (*fmt == '%')
				fmt++;
			if (*fmt++ != *str++)
				break;
			continue;
		}
		fmt++;
		if (*fmt == '*') {
			suppress = true;
			fmt++;
		}
		if (isdigit(*fmt)) {
			width = 0;
			while (isdigit(*fmt))
				width = width * 10 + (*fmt++ - '0');
		}
		if (*fmt == 'h') {
			qual = 'h';
			if (*++fmt == 'h') {
				qual = 'H';
				fmt++;
			}
		} else if (*fmt == 'l') {
			qual = 'l';
			if (*++fmt == 'l') {
				qual = 'L';
				fmt++;
			}
		} else if (*fmt == 'L' || *fmt == 'z' || *fmt == 'j') {
			qual = *fmt == 'z' ? 'l' : 'L';
			fmt++;
		}
		if (*fmt == 'n') {
			*va_arg(args, int *) = str - buf;
			fmt++;
			continue;
		}
		if (*fmt == 'c') {
			int n = width < 0 ? 1 : width;
			char *dst = suppress ? NULL : va_arg(args, char *);

			fmt++;
			while (n--) {
				if (!*str)
					return converted;
				if (dst)
					*dst++ = *str;
				str++;
			}
			if (!suppress)
				converted++;
			continue;
		}
		while (isspace(*str))
			str++;
		if (!*str)
			break;
		if (*fmt == 's') {
			char *dst = suppress ? NULL : va_arg(args, char *);
			int n = width < 0 ? INT_MAX : width;

			fmt++;
			while (*str && !isspace(*str) && n--) {
				if (dst)
					*dst++ = *str;
				str++;
			}
			if (dst) {
				*dst = '\0';
				converted++;
			}
			continue;
		}
		switch (*fmt++) {
		case 'd':
			is_signed = true;
			break;
		case 'i':
			is_signed = true;
			base = 0;
			break;
		case 'u':
			break;
		case 'x':
		case 'X':
			base = 16;
			break;
		case 'o':
			base = 8;
			break;
		default:
			return converted;
		}
		{
			char numbuf[32];
			int n = 0;
			unsigned long long v;
			char *end;

			while (str[n] && n < (int)sizeof(numbuf) - 1 && (width < 0 || n < width) &&
			       (isxdigit(str[n]) || (n == 0 && (str[n] == '-' || str[n] == '+')) ||
				((str[n] == 'x' || str[n] == 'X') && n > 0)))
				n++;
			memcpy(numbuf, str, n);
			numbuf[n] = '\0';
			v = host_parse_integer(numbuf, &end, base, is_signed);
			if (end == numbuf)
				return converted;
			str += end - numbuf;
			if (suppress)
				continue;
			switch (qual) {
			case 'H':
				*va_arg(args, u8 *) = v;
				break;
			case 'h':
				*va_arg(args, u16 *) = v;
				break;
			case 'l':
				*va_arg(args, unsigned long *) = v;
				break;
			case 'L':
				*va_arg(args, unsigned long long *) = v;
				break;
			default:
				*va_arg(args, unsigned int *) = v;
			}
			converted++;
		}
	}
	return converted;
}
EXPORT_SYMBOL(vsscanf);
