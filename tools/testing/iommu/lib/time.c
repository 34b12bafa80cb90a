// SPDX-License-Identifier: GPL-2.0
/*
 * Time and sleeping: jiffies (1 ms), ktime, delays and the scheduler
 * entry points that just sleep or yield on the host.
 */
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/sched.h>

#include "host-internal.h"

/* Jiffies start at a large value so that wrap-around bugs show quickly. */
#define JIFFIES_BIAS	((u64)-300000)

static unsigned long long boot_ns;

static unsigned long long since_boot_ns(void)
{
	unsigned long long now = host_abi_monotonic_ns();
	unsigned long long zero = __atomic_load_n(&boot_ns, __ATOMIC_RELAXED);

	if (!zero) {
		unsigned long long expected = 0;

		__atomic_compare_exchange_n(&boot_ns, &expected, now, false,
					    __ATOMIC_RELAXED, __ATOMIC_RELAXED);
		zero = __atomic_load_n(&boot_ns, __ATOMIC_RELAXED);
	}
	return now - zero;
}

u64 get_jiffies_64(void)
{
	return JIFFIES_BIAS + since_boot_ns() / 1000000ULL;
}
EXPORT_SYMBOL(get_jiffies_64);

ktime_t ktime_get(void)
{
	return since_boot_ns();
}
EXPORT_SYMBOL_GPL(ktime_get);

ktime_t ktime_get_real(void)
{
	return host_abi_realtime_ns();
}
EXPORT_SYMBOL_GPL(ktime_get_real);

void ndelay(unsigned long nsecs)
{
	if (nsecs)
		host_abi_sleep_ns(nsecs);
}
EXPORT_SYMBOL(ndelay);

void msleep(unsigned int msecs)
{
	host_abi_sleep_ns((unsigned long long)msecs * 1000000ULL);
}
EXPORT_SYMBOL(msleep);

void schedule(void)
{
	host_abi_yield();
}
EXPORT_SYMBOL(schedule);

void yield(void)
{
	host_abi_yield();
}
EXPORT_SYMBOL(yield);

long schedule_timeout(long timeout)
{
	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		host_abi_yield();
		return timeout;
	}
	if (timeout > 0)
		host_abi_sleep_ns((unsigned long long)jiffies_to_nsecs(timeout));
	return 0;
}
EXPORT_SYMBOL(schedule_timeout);

long schedule_timeout_uninterruptible(long timeout)
{
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_uninterruptible);

long schedule_timeout_interruptible(long timeout)
{
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_interruptible);

long schedule_timeout_killable(long timeout)
{
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_killable);

long schedule_timeout_idle(long timeout)
{
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_idle);
