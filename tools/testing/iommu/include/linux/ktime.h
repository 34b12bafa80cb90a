/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include <linux/types.h>
#include <linux/time64.h>
#include <linux/jiffies.h>

/* Nanoseconds, as a signed 64-bit value. */
typedef s64 ktime_t;

#define KTIME_MAX	((s64)~((u64)1 << 63))
#define KTIME_SEC_MAX	(KTIME_MAX / NSEC_PER_SEC)

/**
 * ktime_get() - the monotonic clock
 *
 * Return: nanoseconds since an arbitrary start.
 */
ktime_t ktime_get(void);

/**
 * ktime_get_real() - the wall clock
 *
 * Return: nanoseconds since the epoch.
 */
ktime_t ktime_get_real(void);

#define ktime_get_boottime()	ktime_get()
#define ktime_get_raw()		ktime_get()
#define ktime_get_ns()		((u64)ktime_get())
#define ktime_get_real_ns()	((u64)ktime_get_real())
#define ktime_get_boottime_ns()	((u64)ktime_get())
#define ktime_get_mono_fast_ns() ((u64)ktime_get())
#define ktime_get_seconds()	((time64_t)(ktime_get() / NSEC_PER_SEC))
#define ktime_get_real_seconds() ((time64_t)(ktime_get_real() / NSEC_PER_SEC))
#define local_clock()		((u64)ktime_get())
#define sched_clock()		((u64)ktime_get())

static inline ktime_t ktime_set(const s64 secs, const unsigned long nsecs)
{
	return secs * NSEC_PER_SEC + (s64)nsecs;
}

#define ktime_add(a, b)		((a) + (b))
#define ktime_sub(a, b)		((a) - (b))
#define ktime_add_ns(kt, ns)	((kt) + (ns))
#define ktime_sub_ns(kt, ns)	((kt) - (ns))
#define ktime_add_us(kt, us)	((kt) + (s64)(us) * NSEC_PER_USEC)
#define ktime_add_ms(kt, ms)	((kt) + (s64)(ms) * NSEC_PER_MSEC)
#define ktime_after(a, b)	((a) > (b))
#define ktime_before(a, b)	((a) < (b))
#define ktime_to_ns(kt)		((s64)(kt))
#define ktime_to_us(kt)		((s64)(kt) / NSEC_PER_USEC)
#define ktime_to_ms(kt)		((s64)(kt) / NSEC_PER_MSEC)

static inline int ktime_compare(const ktime_t cmp1, const ktime_t cmp2)
{
	return cmp1 < cmp2 ? -1 : (cmp1 > cmp2 ? 1 : 0);
}

#define ns_to_ktime(ns)		((ktime_t)(ns))
#define ms_to_ktime(ms)		((ktime_t)(ms) * NSEC_PER_MSEC)
#define us_to_ktime(us)		((ktime_t)(us) * NSEC_PER_USEC)
#define ktime_us_delta(later, earlier)	ktime_to_us((later) - (earlier))
#define ktime_ms_delta(later, earlier)	ktime_to_ms((later) - (earlier))

static inline struct timespec64 ktime_to_timespec64(ktime_t kt)
{
	struct timespec64 ts = { .tv_sec = kt / NSEC_PER_SEC, .tv_nsec = kt % NSEC_PER_SEC };

	return ts;
}

#endif /* _LINUX_KTIME_H */
