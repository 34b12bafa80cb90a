/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/list.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <linux/workqueue_types.h>

/*
 * Workqueues backed by host threads.  Each workqueue owns a small pool of
 * worker threads (kernel threads: no mm), started on demand up to
 * max_active (1 for ordered queues).  A work item never runs concurrently
 * with itself; its PENDING state is cleared just before its function
 * runs, so it may requeue itself.  Delayed work waits in a per-queue
 * list until its expiry (in jiffies) and then joins the queue.
 */

/**
 * struct delayed_work - work that is queued after a delay
 * @work: the work item
 * @timer: unused on the host, kept for source compatibility
 * @wq: the queue it will join
 * @cpu: ignored
 */
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};

/**
 * struct rcu_work - work queued after an RCU grace period
 * @work: the work item
 * @rcu: for call_rcu()
 * @wq: the queue it will join
 */
struct rcu_work {
	struct work_struct work;
	struct rcu_head rcu;
	struct workqueue_struct *wq;
};

#define WORK_STRUCT_PENDING_BIT	0
#define WORK_STRUCT_DELAYED_BIT	1

#define __WORK_INITIALIZER(n, f) {					\
	.data = ATOMIC_LONG_INIT(0),					\
	.entry = LIST_HEAD_INIT((n).entry),				\
	.func = (f),							\
}

#define __DELAYED_WORK_INITIALIZER(n, f, tflags) {			\
	.work = __WORK_INITIALIZER((n).work, (f)),			\
	.timer = { .flags = (tflags) },					\
}

#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)
#define DECLARE_DEFERRABLE_WORK(n, f) DECLARE_DELAYED_WORK(n, f)

/**
 * __init_work_host() - initialise a work item
 * @work: the item
 * @func: its function
 */
void __init_work_host(struct work_struct *work, work_func_t func);

#define INIT_WORK(_work, _func)		__init_work_host((_work), (_func))
#define INIT_WORK_ONSTACK(_work, _func)	__init_work_host((_work), (_func))
#define INIT_DELAYED_WORK(_work, _func)	__init_work_host(&(_work)->work, (_func))
#define INIT_DELAYED_WORK_ONSTACK(_work, _func) INIT_DELAYED_WORK(_work, _func)
#define INIT_DEFERRABLE_WORK(_work, _func) INIT_DELAYED_WORK(_work, _func)
#define INIT_RCU_WORK(_work, _func)	__init_work_host(&(_work)->work, (_func))
#define destroy_work_on_stack(work)	((void)(work))
#define destroy_delayed_work_on_stack(work) ((void)(work))

#define work_data_bits(work) ((unsigned long *)(&(work)->data))
#define work_pending(work) test_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))
#define delayed_work_pending(w) work_pending(&(w)->work)

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

static inline struct rcu_work *to_rcu_work(struct work_struct *work)
{
	return container_of(work, struct rcu_work, work);
}

enum wq_flags {
	WQ_BH			= 1 << 0,
	WQ_UNBOUND		= 1 << 1,
	WQ_FREEZABLE		= 1 << 2,
	WQ_MEM_RECLAIM		= 1 << 3,
	WQ_HIGHPRI		= 1 << 4,
	WQ_CPU_INTENSIVE	= 1 << 5,
	WQ_SYSFS		= 1 << 6,
	WQ_POWER_EFFICIENT	= 1 << 7,
	__WQ_DESTROYING		= 1 << 15,
	__WQ_DRAINING		= 1 << 16,
	__WQ_ORDERED		= 1 << 17,
	__WQ_LEGACY		= 1 << 18,
	WQ_MAX_ACTIVE		= 512,
	WQ_UNBOUND_MAX_ACTIVE	= WQ_MAX_ACTIVE,
	WQ_DFL_ACTIVE		= WQ_MAX_ACTIVE / 2,
};

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_freezable_wq;
extern struct workqueue_struct *system_power_efficient_wq;
extern struct workqueue_struct *system_freezable_power_efficient_wq;

/**
 * alloc_workqueue() - create a workqueue
 * @fmt: printf format of its name
 * @flags: WQ_* flags
 * @max_active: most work items run at once (0 for the default)
 *
 * Return: the queue, or NULL.
 */
__printf(1, 4) struct workqueue_struct *
alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);

#define alloc_ordered_workqueue(fmt, flags, args...) \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)
#define create_workqueue(name) \
	alloc_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name)	alloc_ordered_workqueue("%s", WQ_FREEZABLE, (name))
#define create_singlethread_workqueue(name) \
	alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, (name))

/**
 * destroy_workqueue() - drain and free a workqueue
 * @wq: the queue
 */
void destroy_workqueue(struct workqueue_struct *wq);

/**
 * queue_work() - queue a work item
 * @wq: the queue
 * @work: the item
 *
 * Return: false if it was already pending, true otherwise.
 */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);

/**
 * queue_delayed_work() - queue a work item after @delay jiffies
 * @wq: the queue
 * @dwork: the item
 * @delay: jiffies to wait (0 queues at once)
 *
 * Return: false if it was already pending, true otherwise.
 */
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay);

/**
 * mod_delayed_work() - (re)arm a delayed work item with a new delay
 * @wq: the queue
 * @dwork: the item
 * @delay: jiffies
 *
 * Return: true if it was pending (and has been re-armed), false otherwise.
 */
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay);

/**
 * queue_rcu_work() - queue a work item after an RCU grace period
 * @wq: the queue
 * @rwork: the item
 *
 * Return: false if it was already pending.
 */
bool queue_rcu_work(struct workqueue_struct *wq, struct rcu_work *rwork);

/* Workers are not bound to CPUs or nodes: @cpu and @node are not used. */
static inline bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	return queue_work(wq, work);
}

static inline bool queue_work_node(int node, struct workqueue_struct *wq,
				   struct work_struct *work)
{
	return queue_work(wq, work);
}

static inline bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
					 struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(wq, dwork, delay);
}

static inline bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
				       struct delayed_work *dwork, unsigned long delay)
{
	return mod_delayed_work(wq, dwork, delay);
}

/**
 * flush_work() - wait for the last queued instance of a work item to finish
 * @work: the item
 *
 * Return: true if it had to wait.
 */
bool flush_work(struct work_struct *work);

/**
 * flush_delayed_work() - queue a delayed item at once and wait for it
 * @dwork: the item
 *
 * Return: true if it had to wait.
 */
bool flush_delayed_work(struct delayed_work *dwork);
bool flush_rcu_work(struct rcu_work *rwork);

/**
 * cancel_work() - take a work item off its queue if it is pending
 * @work: the item
 *
 * Return: true if it was pending.
 */
bool cancel_work(struct work_struct *work);

/**
 * cancel_work_sync() - cancel a work item and wait for a running instance
 * @work: the item
 *
 * Return: true if it was pending.
 */
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);

#define disable_work_sync(work)		cancel_work_sync(work)
#define disable_delayed_work_sync(dw)	cancel_delayed_work_sync(dw)

/**
 * flush_workqueue() - wait until no work item of a queue is pending or running
 * @wq: the queue
 */
void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);

/**
 * current_work() - the work item the calling thread is running
 *
 * Return: the item, or NULL outside a worker.
 */
struct work_struct *current_work(void);

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

static inline bool schedule_work_on(int cpu, struct work_struct *work)
{
	return schedule_work(work);
}

static inline bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork,
					    unsigned long delay)
{
	return schedule_delayed_work(dwork, delay);
}

#define flush_scheduled_work()			flush_workqueue(system_wq)

static inline bool workqueue_set_max_active(struct workqueue_struct *wq, int max_active)
{
	return true;
}

static inline int work_busy(struct work_struct *work)
{
	return work_pending(work);
}

#endif /* _LINUX_WORKQUEUE_H */
