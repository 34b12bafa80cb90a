/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>
#include <linux/math.h>
#include <linux/limits.h>
#include <linux/time.h>

/*
 * A jiffy is one millisecond on the host.  "jiffies" reads the monotonic
 * clock, so it advances in real time.
 */
#define HZ		1000
#define USER_HZ		100
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)

/**
 * get_jiffies_64() - milliseconds since an arbitrary start
 *
 * Return: the current jiffy count.
 */
u64 get_jiffies_64(void);

#define jiffies ((unsigned long)get_jiffies_64())
#define jiffies_64 get_jiffies_64()
#define INITIAL_JIFFIES 0

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)
#define time_in_range(a, b, c)	({					\
	unsigned long __tir_a = (a);					\
	time_after_eq(__tir_a, b) && time_before_eq(__tir_a, c);	\
})
#define time_is_before_jiffies(a)	time_after(jiffies, a)
#define time_is_after_jiffies(a)	time_before(jiffies, a)
#define time_is_before_eq_jiffies(a)	time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a)	time_before_eq(jiffies, a)
#define time_after64(a, b)	((s64)((b) - (a)) < 0)
#define time_before64(a, b)	time_after64(b, a)

static inline unsigned int jiffies_to_msecs(const unsigned long j)
{
	return j;
}

static inline unsigned int jiffies_to_usecs(const unsigned long j)
{
	return j * 1000;
}

static inline u64 jiffies_to_nsecs(const unsigned long j)
{
	return (u64)j * 1000000;
}

static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	return m;
}

static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	return DIV_ROUND_UP(u, 1000);
}

static inline unsigned long nsecs_to_jiffies(u64 n)
{
	return DIV_ROUND_UP_ULL(n, 1000000);
}

static inline unsigned long secs_to_jiffies(unsigned int s)
{
	return (unsigned long)s * HZ;
}

#define round_jiffies(j)		(j)
#define round_jiffies_relative(j)	(j)
#define round_jiffies_up(j)		(j)
#define round_jiffies_up_relative(j)	(j)

#endif /* _LINUX_JIFFIES_H */
