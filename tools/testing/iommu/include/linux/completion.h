/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_COMPLETION_H
#define _LINUX_COMPLETION_H

#include <linux/wait.h>

/**
 * struct completion - a one-shot (or counted) event to wait for
 * @done: number of complete() calls not yet consumed; UINT_MAX after complete_all()
 * @wait: where waiters sleep
 */
struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

#define COMPLETION_INITIALIZER(work) \
	{ 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)
#define DECLARE_COMPLETION_ONSTACK_MAP(work, map) DECLARE_COMPLETION(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	__atomic_store_n(&x->done, 0, __ATOMIC_RELAXED);
}

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);

/**
 * wait_for_completion_timeout() - wait for a completion, with a limit
 * @x: the completion
 * @timeout: jiffies
 *
 * Return: 0 on timeout, otherwise the jiffies left (at least 1).
 */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);

/**
 * try_wait_for_completion() - consume a completion without waiting
 * @x: the completion
 *
 * Return: true if one was available.
 */
bool try_wait_for_completion(struct completion *x);

/**
 * completion_done() - whether a wait would not block
 * @x: the completion
 *
 * Return: true if completed and not yet consumed.
 */
bool completion_done(struct completion *x);

static inline int wait_for_completion_interruptible(struct completion *x)
{
	wait_for_completion(x);
	return 0;
}

static inline int wait_for_completion_killable(struct completion *x)
{
	wait_for_completion(x);
	return 0;
}

static inline long wait_for_completion_interruptible_timeout(struct completion *x,
							     unsigned long timeout)
{
	return wait_for_completion_timeout(x, timeout);
}

static inline long wait_for_completion_killable_timeout(struct completion *x,
							unsigned long timeout)
{
	return wait_for_completion_timeout(x, timeout);
}

#define wait_for_completion_io(x)		wait_for_completion(x)
#define wait_for_completion_io_timeout(x, t)	wait_for_completion_timeout(x, t)

#endif /* _LINUX_COMPLETION_H */
