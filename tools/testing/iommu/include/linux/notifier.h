/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_NOTIFIER_H
#define _LINUX_NOTIFIER_H

#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/types.h>

/*
 * Notifier chains: ordered lists of callbacks (highest priority first).
 * Blocking chains are protected by an rw_semaphore, atomic chains by a
 * spinlock (callbacks run under RCU), raw chains by the caller.
 */

struct notifier_block;

typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action, void *data);

/**
 * struct notifier_block - one callback on a chain
 * @notifier_call: the callback
 * @next: next block on the chain
 * @priority: higher runs earlier
 */
struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block __rcu *next;
	int priority;
};

/**
 * struct atomic_notifier_head - chain whose callbacks must not sleep
 * @lock: protects registration
 * @head: first block
 */
struct atomic_notifier_head {
	spinlock_t lock;	/* see above */
	struct notifier_block __rcu *head;
};

/**
 * struct blocking_notifier_head - chain whose callbacks may sleep
 * @rwsem: protects the chain
 * @head: first block
 */
struct blocking_notifier_head {
	struct rw_semaphore rwsem;
	struct notifier_block __rcu *head;
};

/**
 * struct raw_notifier_head - chain with no locking of its own
 * @head: first block
 */
struct raw_notifier_head {
	struct notifier_block __rcu *head;
};

/* Run-time initialisation: an empty chain plus an unlocked lock. */
#define RAW_INIT_NOTIFIER_HEAD(name)	((name)->head = NULL)
#define ATOMIC_INIT_NOTIFIER_HEAD(name) do {		\
		RAW_INIT_NOTIFIER_HEAD(name);		\
		spin_lock_init(&(name)->lock);		\
	} while (0)
#define BLOCKING_INIT_NOTIFIER_HEAD(name) do {		\
		RAW_INIT_NOTIFIER_HEAD(name);		\
		init_rwsem(&(name)->rwsem);		\
	} while (0)

/* Static definitions of empty chains. */
#define RAW_NOTIFIER_HEAD(name)					\
	struct raw_notifier_head name = { .head = NULL }
#define ATOMIC_NOTIFIER_HEAD(name)				\
	struct atomic_notifier_head name = {			\
		.head = NULL,					\
		.lock = __SPIN_LOCK_UNLOCKED(name.lock),	\
	}
#define BLOCKING_NOTIFIER_HEAD(name)				\
	struct blocking_notifier_head name = {			\
		.head = NULL,					\
		.rwsem = __RWSEM_INITIALIZER((name).rwsem),	\
	}

/* Raw chains: the caller provides all locking. */
int raw_notifier_call_chain(struct raw_notifier_head *nh, unsigned long val, void *v);
int raw_notifier_chain_unregister(struct raw_notifier_head *nh, struct notifier_block *nb);
int raw_notifier_chain_register(struct raw_notifier_head *nh, struct notifier_block *nb);

/* Atomic chains: callbacks run in atomic context and must not sleep. */
int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v);
int atomic_notifier_chain_unregister(struct atomic_notifier_head *nh, struct notifier_block *nb);
int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *nb);

/* Blocking chains: callbacks run in process context and may sleep. */
int blocking_notifier_chain_unregister(struct blocking_notifier_head *nh,
				       struct notifier_block *nb);
int blocking_notifier_chain_register(struct blocking_notifier_head *nh,
				     struct notifier_block *nb);

/**
 * blocking_notifier_call_chain() - call every block of a chain in order
 * @nh: the chain
 * @val: action passed to each callback
 * @v: data passed to each callback
 *
 * Stops early when a callback returns a value with NOTIFY_STOP_MASK.
 *
 * Return: the last callback's return value, or NOTIFY_DONE.
 */
int blocking_notifier_call_chain(struct blocking_notifier_head *nh, unsigned long val, void *v);

#define NOTIFY_DONE		0x0000
#define NOTIFY_OK		0x0001
#define NOTIFY_STOP_MASK	0x8000
#define NOTIFY_BAD		(NOTIFY_STOP_MASK | 0x0002)
#define NOTIFY_STOP		(NOTIFY_OK | NOTIFY_STOP_MASK)

/*
 * Errno <-> notifier return value: a non-zero errno becomes a "stop" value
 * carrying NOTIFY_OK - errno in its low bits, and back.
 */
static inline int notifier_from_errno(int err)
{
	return err ? (NOTIFY_OK - err) | NOTIFY_STOP_MASK : NOTIFY_OK;
}

static inline int notifier_to_errno(int ret)
{
	int payload = ret & ~NOTIFY_STOP_MASK;

	if (payload <= NOTIFY_OK)
		return 0;
	return NOTIFY_OK - payload;
}

#endif /* _LINUX_NOTIFIER_H */
