/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>

/*
 * Delays sleep on the host (busy-waiting would only burn a core).  The
 * hardware models answer synchronously, so polling loops rarely wait.
 */

/**
 * ndelay() - wait for at least @nsecs nanoseconds
 * @nsecs: nanoseconds
 */
void ndelay(unsigned long nsecs);

static inline void udelay(unsigned long usecs)
{
	ndelay(usecs * 1000);
}

static inline void mdelay(unsigned long msecs)
{
	ndelay(msecs * 1000000);
}

/**
 * msleep() - sleep for at least @msecs milliseconds
 * @msecs: milliseconds
 */
void msleep(unsigned int msecs);

static inline unsigned long msleep_interruptible(unsigned int msecs)
{
	msleep(msecs);
	return 0;
}

static inline void usleep_range(unsigned long min, unsigned long max)
{
	ndelay(min * 1000);
}

static inline void usleep_range_idle(unsigned long min, unsigned long max)
{
	ndelay(min * 1000);
}

static inline void fsleep(unsigned long usecs)
{
	ndelay(usecs * 1000);
}

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

#endif /* _LINUX_DELAY_H */
