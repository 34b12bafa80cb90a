/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IOPOLL_H
#define _LINUX_IOPOLL_H

#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/ktime.h>

/**
 * read_poll_timeout() - call @op until @cond holds or @timeout_us passes
 * @op: accessor, called as op(args...), result stored in @val
 * @val: variable receiving each read
 * @cond: condition on @val
 * @sleep_us: pause between reads (0: none)
 * @timeout_us: limit (0: none)
 * @sleep_before_read: pause before the first read too
 * @args: arguments of @op
 *
 * Return: 0, or -ETIMEDOUT (with @val holding the last value read).
 */
#define read_poll_timeout(op, val, cond, sleep_us, timeout_us,		\
			  sleep_before_read, args...)			\
({									\
	u64 __rpt_timeout_us = (timeout_us);				\
	unsigned long __rpt_sleep_us = (sleep_us);			\
	ktime_t __rpt_end = ktime_add_us(ktime_get(), __rpt_timeout_us);	\
	int __rpt_ret = 0;						\
	if ((sleep_before_read) && __rpt_sleep_us)			\
		usleep_range(__rpt_sleep_us, __rpt_sleep_us);		\
	for (;;) {							\
		(val) = op(args);					\
		if (cond)						\
			break;						\
		if (__rpt_timeout_us && ktime_compare(ktime_get(), __rpt_end) > 0) { \
			(val) = op(args);				\
			if (!(cond))					\
				__rpt_ret = -ETIMEDOUT;			\
			break;						\
		}							\
		if (__rpt_sleep_us)					\
			usleep_range(__rpt_sleep_us, __rpt_sleep_us);	\
		else							\
			cpu_relax();					\
	}								\
	__rpt_ret;							\
})

#define read_poll_timeout_atomic(op, val, cond, delay_us, timeout_us,	\
				 delay_before_read, args...)		\
	read_poll_timeout(op, val, cond, delay_us, timeout_us, delay_before_read, args)

#define readx_poll_timeout(op, addr, val, cond, sleep_us, timeout_us) \
	read_poll_timeout(op, val, cond, sleep_us, timeout_us, false, addr)
#define readx_poll_timeout_atomic(op, addr, val, cond, delay_us, timeout_us) \
	read_poll_timeout_atomic(op, val, cond, delay_us, timeout_us, false, addr)

#define readb_poll_timeout(addr, val, cond, d, t) readx_poll_timeout(readb, addr, val, cond, d, t)
#define readw_poll_timeout(addr, val, cond, d, t) readx_poll_timeout(readw, addr, val, cond, d, t)
#define readl_poll_timeout(addr, val, cond, d, t) readx_poll_timeout(readl, addr, val, cond, d, t)
#define readq_poll_timeout(addr, val, cond, d, t) readx_poll_timeout(readq, addr, val, cond, d, t)
#define readl_poll_timeout_atomic(addr, val, cond, d, t) \
	readx_poll_timeout_atomic(readl, addr, val, cond, d, t)
#define readq_poll_timeout_atomic(addr, val, cond, d, t) \
	readx_poll_timeout_atomic(readq, addr, val, cond, d, t)
#define readl_relaxed_poll_timeout(addr, val, cond, d, t) \
	readx_poll_timeout(readl_relaxed, addr, val, cond, d, t)
#define readl_relaxed_poll_timeout_atomic(addr, val, cond, d, t) \
	readx_poll_timeout_atomic(readl_relaxed, addr, val, cond, d, t)

#endif /* _LINUX_IOPOLL_H */
