/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/workqueue_types.h>

/*
 * Timers run their function on a dedicated host thread ("timer context"),
 * one at a time, once jiffies reaches @expires.
 */

/**
 * struct timer_list - a one-shot timer
 * @function: called with the timer when it fires
 * @expires: jiffy at which it fires
 * @flags: TIMER_* flags (ignored)
 * @host_work: how the host schedules it (private)
 * @host_armed: pending (private)
 */
struct timer_list {
	void (*function)(struct timer_list *t);
	unsigned long expires;
	u32 flags;
	struct work_struct host_work;
	bool host_armed;
};

#define TIMER_DEFERRABLE	0x00080000
#define TIMER_PINNED		0x00100000
#define TIMER_IRQSAFE		0x00200000

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*(var)), timer_fieldname)
#define timer_container_of(var, callback_timer, timer_fieldname) \
	from_timer(var, callback_timer, timer_fieldname)

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
#define timer_setup_on_stack(t, f, fl) timer_setup(t, f, fl)
#define destroy_timer_on_stack(t) ((void)(t))

/**
 * mod_timer() - (re)arm a timer
 * @timer: the timer
 * @expires: jiffy at which it fires
 *
 * Return: 1 if it was pending, 0 otherwise.
 */
int mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);

/**
 * timer_delete() - disarm a timer
 * @timer: the timer
 *
 * Return: 1 if it was pending, 0 otherwise.
 */
int timer_delete(struct timer_list *timer);

/**
 * timer_delete_sync() - disarm a timer and wait for a running callback
 * @timer: the timer
 *
 * Return: 1 if it was pending, 0 otherwise.
 */
int timer_delete_sync(struct timer_list *timer);
int timer_pending(const struct timer_list *timer);

#define del_timer(t)			timer_delete(t)
#define del_timer_sync(t)		timer_delete_sync(t)
#define timer_shutdown_sync(t)		timer_delete_sync(t)
#define timer_shutdown(t)		timer_delete(t)
#define timer_reduce(t, e)		mod_timer(t, e)

static inline int mod_timer_pending(struct timer_list *timer, unsigned long expires)
{
	return timer_pending(timer) ? mod_timer(timer, expires) : 0;
}

#endif /* _LINUX_TIMER_H */
