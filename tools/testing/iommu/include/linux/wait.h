/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <asm/spinlock_types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/jiffies.h>
#include <linux/sched.h>

/*
 * Wait queues.  A waiter samples the queue's wake-up sequence number,
 * evaluates its condition without any lock held, and sleeps until the
 * sequence changes; wake_up() bumps the sequence.  Since the waker makes
 * the condition true before calling wake_up(), no wake-up is lost.  All
 * waiters are woken by any wake_up() (they re-check their condition).
 */

/**
 * struct wait_queue_head - where tasks wait for a condition
 * @lock: available to users (as in Linux); not used by the host code
 * @head: unused on the host
 * @host_lock: host mutex for the sleep
 * @host_cond: host condition variable
 * @seq: wake-up sequence number
 */
struct wait_queue_head {
	spinlock_t lock;	/* see above */
	struct list_head head;
	arch_spinlock_t host_lock;
	arch_cond_t host_cond;
	unsigned long seq;
};

typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }

#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(name) DECLARE_WAIT_QUEUE_HEAD(name)

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key);

#define init_waitqueue_head(wq_head) do {				\
	static struct lock_class_key __iwq_key;				\
	__init_waitqueue_head((wq_head), #wq_head, &__iwq_key);		\
} while (0)

/**
 * __wake_up() - wake every task waiting on a queue
 * @wq_head: the queue
 */
void __wake_up(struct wait_queue_head *wq_head);

#define wake_up(x)			__wake_up(x)
#define wake_up_all(x)			__wake_up(x)
#define wake_up_interruptible(x)	__wake_up(x)
#define wake_up_interruptible_all(x)	__wake_up(x)
#define wake_up_locked(x)		__wake_up(x)
#define wake_up_all_locked(x)		__wake_up(x)
#define wake_up_var(var)		__wake_up(__var_waitqueue(var))

/* Every waiter is woken: there are no exclusive waits to count. */
static inline void wake_up_nr(struct wait_queue_head *wq_head, int nr)
{
	__wake_up(wq_head);
}

/**
 * __wait_seq() - the current wake-up sequence of a queue
 * @wq_head: the queue
 *
 * Return: the sequence number to pass to __wait_sleep().
 */
unsigned long __wait_seq(struct wait_queue_head *wq_head);

/**
 * __wait_sleep() - sleep until the sequence moves past @seq or time runs out
 * @wq_head: the queue
 * @seq: value from __wait_seq()
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT
 *
 * Return: jiffies left (at least 1 if woken), 0 if the time ran out.
 */
long __wait_sleep(struct wait_queue_head *wq_head, unsigned long seq, long timeout);

struct wait_queue_head *__var_waitqueue(void *p);

/* Returns the jiffies left: >= 1 if the condition became true, 0 on timeout. */
#define __wait_event_timeout_common(wq_head, condition, timeout) ({	\
	long __wet_left = (timeout);					\
	for (;;) {							\
		unsigned long __wet_seq = __wait_seq(&(wq_head));	\
		if (condition) {					\
			if (!__wet_left)				\
				__wet_left = 1;				\
			break;						\
		}							\
		if (!__wet_left)					\
			break;						\
		__wet_left = __wait_sleep(&(wq_head), __wet_seq, __wet_left); \
		if (!__wet_left && (condition))				\
			__wet_left = 1;					\
		if (!__wet_left)					\
			break;						\
	}								\
	__wet_left;							\
})

#define wait_event(wq_head, condition) \
	((void)__wait_event_timeout_common(wq_head, condition, MAX_SCHEDULE_TIMEOUT))
#define wait_event_timeout(wq_head, condition, timeout) \
	__wait_event_timeout_common(wq_head, condition, timeout)
#define wait_event_interruptible(wq_head, condition) \
	({ wait_event(wq_head, condition); 0; })
#define wait_event_killable(wq_head, condition) \
	({ wait_event(wq_head, condition); 0; })
#define wait_event_idle(wq_head, condition) wait_event(wq_head, condition)
#define wait_event_freezable(wq_head, condition) \
	({ wait_event(wq_head, condition); 0; })
#define wait_event_interruptible_timeout(wq_head, condition, timeout) \
	wait_event_timeout(wq_head, condition, timeout)
#define wait_event_killable_timeout(wq_head, condition, timeout) \
	wait_event_timeout(wq_head, condition, timeout)
#define wait_event_idle_timeout(wq_head, condition, timeout) \
	wait_event_timeout(wq_head, condition, timeout)

/* Wait with @lock (a spinlock_t) held around each evaluation of @condition. */
#define wait_event_lock_irq(wq_head, condition, lock) do {		\
	for (;;) {							\
		unsigned long __welq_seq = __wait_seq(&(wq_head));	\
		if (condition)						\
			break;						\
		spin_unlock_irq(&(lock));				\
		__wait_sleep(&(wq_head), __welq_seq, MAX_SCHEDULE_TIMEOUT); \
		spin_lock_irq(&(lock));					\
	}								\
} while (0)

#define wait_var_event(var, condition) wait_event(*__var_waitqueue(var), condition)
#define wait_var_event_timeout(var, condition, timeout) \
	wait_event_timeout(*__var_waitqueue(var), condition, timeout)

/* Racy by design: callers order their own accesses before asking. */
static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	return 1;
}

static inline bool wq_has_sleeper(struct wait_queue_head *wq_head)
{
	return true;
}

#endif /* _LINUX_WAIT_H */
