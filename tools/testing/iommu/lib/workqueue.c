// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues and timers of the host kernel.
 *
 * One global host mutex protects every queue and work item (simple and
 * obviously correct; contention does not matter here).  Each queue has a
 * condition variable its idle workers sleep on, and one that flushers
 * sleep on.  Workers are host threads that run as kernel threads (no mm).
 *
 * A work item's function may free the item, so nothing touches the item
 * after its function returned: each queue records which items its
 * workers are running (by address) in a small table instead.
 * flush_work() waits until the item is neither pending nor running.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "host-internal.h"

#define MAX_WORKERS 16

/**
 * struct workqueue_struct - a host workqueue
 * @name: its name
 * @flags: WQ_* flags
 * @max_active: most workers
 * @work_cond: idle workers sleep here
 * @done_cond: flushers sleep here
 * @pending: items ready to run, in order
 * @delayed: items waiting for their expiry, sorted by expiry
 * @nr_workers: threads started
 * @nr_idle: threads waiting for work
 * @nr_running: items running
 * @stopping: destroy_workqueue() in progress
 * @workers: thread handles
 * @running: items being run, by worker slot (compared, never dereferenced)
 */
struct workqueue_struct {
	char name[32];
	unsigned int flags;
	int max_active;
	arch_cond_t work_cond;
	arch_cond_t done_cond;
	struct list_head pending;
	struct list_head delayed;
	int nr_workers;
	int nr_idle;
	int nr_running;
	bool stopping;
	unsigned long workers[MAX_WORKERS];
	struct work_struct *running[MAX_WORKERS];
};

static arch_spinlock_t wq_lock;
static __thread struct work_struct *current_work_item;

/* STATIC_WQ(system, ...) defines system_wq_store. */
#define STATIC_WQ(wq, wqname, wqflags, active)				\
	static struct workqueue_struct wq##_wq_store = {		\
		.name = wqname,						\
		.flags = wqflags,					\
		.max_active = active,					\
		.pending = LIST_HEAD_INIT(wq##_wq_store.pending),	\
		.delayed = LIST_HEAD_INIT(wq##_wq_store.delayed),	\
	}

STATIC_WQ(system, "events", 0, MAX_WORKERS);
STATIC_WQ(system_highpri, "events_highpri", WQ_HIGHPRI, MAX_WORKERS);
STATIC_WQ(system_long, "events_long", 0, MAX_WORKERS);
STATIC_WQ(system_unbound, "events_unbound", WQ_UNBOUND, MAX_WORKERS);
STATIC_WQ(system_freezable, "events_freezable", WQ_FREEZABLE, MAX_WORKERS);
STATIC_WQ(system_pe, "events_power_efficient", WQ_POWER_EFFICIENT, MAX_WORKERS);
STATIC_WQ(system_fpe, "events_freezable_pwr_ef", WQ_FREEZABLE, MAX_WORKERS);
STATIC_WQ(timer, "timers", __WQ_ORDERED, 1);

struct workqueue_struct *system_wq = &system_wq_store;
EXPORT_SYMBOL(system_wq);
struct workqueue_struct *system_highpri_wq = &system_highpri_wq_store;
EXPORT_SYMBOL_GPL(system_highpri_wq);
struct workqueue_struct *system_long_wq = &system_long_wq_store;
EXPORT_SYMBOL_GPL(system_long_wq);
struct workqueue_struct *system_unbound_wq = &system_unbound_wq_store;
EXPORT_SYMBOL_GPL(system_unbound_wq);
struct workqueue_struct *system_freezable_wq = &system_freezable_wq_store;
EXPORT_SYMBOL_GPL(system_freezable_wq);
struct workqueue_struct *system_power_efficient_wq = &system_pe_wq_store;
EXPORT_SYMBOL_GPL(system_power_efficient_wq);
struct workqueue_struct *system_freezable_power_efficient_wq = &system_fpe_wq_store;
EXPORT_SYMBOL_GPL(system_freezable_power_efficient_wq);

static inline bool is_pending(struct work_struct *work)
{
	return test_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
}

static inline bool is_delayed(struct work_struct *work)
{
	return test_bit(WORK_STRUCT_DELAYED_BIT, work_data_bits(work));
}

void __init_work_host(struct work_struct *work, work_func_t func)
{
	memset(work, 0, sizeof(*work));
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
}
EXPORT_SYMBOL(__init_work_host);

struct work_struct *current_work(void)
{
	return current_work_item;
}
EXPORT_SYMBOL(current_work);

/* Move delayed items whose time has come to the pending list.  wq_lock held. */
static void promote_due(struct workqueue_struct *wq, u64 now)
{
	struct work_struct *work, *tmp;

	list_for_each_entry_safe(work, tmp, &wq->delayed, entry) {
		if (work->host_expires > now)
			break;
		clear_bit(WORK_STRUCT_DELAYED_BIT, work_data_bits(work));
		list_move_tail(&work->entry, &wq->pending);
	}
}

/* Put an item on the delayed list, kept sorted by expiry.  wq_lock held. */
static void add_delayed(struct workqueue_struct *wq, struct work_struct *work, u64 expires)
{
	struct work_struct *pos;

	set_bit(WORK_STRUCT_DELAYED_BIT, work_data_bits(work));
	work->host_expires = expires;
	/* Equal expiries stay in queueing order. */
	list_for_each_entry(pos, &wq->delayed, entry)
		if (pos->host_expires > expires)
			break;
	list_add_tail(&work->entry, &pos->entry);
}

/* Whether a worker of @wq runs @work right now.  wq_lock held. */
static bool running_in(struct workqueue_struct *wq, struct work_struct *work)
{
	int i;

	if (!wq)
		return false;
	for (i = 0; i < wq->nr_workers; i++)
		if (wq->running[i] == work)
			return true;
	return false;
}

/* First pending item that is not already running.  wq_lock held. */
static struct work_struct *next_runnable(struct workqueue_struct *wq)
{
	struct work_struct *work;

	list_for_each_entry(work, &wq->pending, entry)
		if (!running_in(wq, work))
			return work;
	return NULL;
}

/**
 * struct worker_start - what a new worker thread needs to know
 * @wq: its queue
 * @slot: its index in the queue's tables
 */
struct worker_start {
	struct workqueue_struct *wq;
	int slot;
};

static void worker_main(void *data)
{
	struct worker_start *start = data;
	struct workqueue_struct *wq = start->wq;
	int slot = start->slot;
	struct task_struct *t = current;

	host_abi_free(start);
	t->flags |= PF_KTHREAD;
	t->mm = NULL;
	t->active_mm = NULL;
	snprintf(t->comm, sizeof(t->comm), "kworker/%s", wq->name);
	host_abi_thread_set_name(t->comm);

	host_abi_lock(&wq_lock);
	for (;;) {
		struct work_struct *work;
		u64 now = get_jiffies_64();

		promote_due(wq, now);
		work = next_runnable(wq);
		if (work) {
			work_func_t fn = work->func;

			list_del_init(&work->entry);
			clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
			wq->running[slot] = work;
			wq->nr_running++;
			host_abi_unlock(&wq_lock);

			current_work_item = work;
			fn(work);
			current_work_item = NULL;
			WARN(current->lockdep_depth, "workqueue %s: work %ps returned with %d lock(s) held\n",
			     wq->name, fn, current->lockdep_depth);

			host_abi_lock(&wq_lock);
			wq->running[slot] = NULL;
			wq->nr_running--;
			host_abi_cond_broadcast(&wq->done_cond);
			continue;
		}
		if (wq->stopping && list_empty(&wq->delayed))
			break;
		wq->nr_idle++;
		if (!list_empty(&wq->delayed)) {
			struct work_struct *first = list_first_entry(&wq->delayed,
								     struct work_struct, entry);

			host_abi_cond_timedwait(&wq->work_cond, &wq_lock,
						jiffies_to_nsecs(first->host_expires - now));
		} else {
			host_abi_cond_wait(&wq->work_cond, &wq_lock);
		}
		wq->nr_idle--;
	}
	host_abi_unlock(&wq_lock);
}

/* Make sure a worker will pick up new work.  wq_lock held. */
static void kick_worker(struct workqueue_struct *wq)
{
	if (wq->nr_idle == 0 && wq->nr_workers < wq->max_active &&
	    wq->nr_workers < MAX_WORKERS) {
		struct worker_start *start = host_abi_alloc(sizeof(*start), 16);

		if (!start)
			panic("workqueue %s: out of memory for a worker\n", wq->name);
		start->wq = wq;
		start->slot = wq->nr_workers;
		if (host_abi_thread_create(worker_main, start, &wq->workers[wq->nr_workers]))
			panic("workqueue %s: cannot start a worker thread\n", wq->name);
		wq->nr_workers++;
	}
	host_abi_cond_broadcast(&wq->work_cond);
}

static bool __queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work)))
		return false;
	host_abi_lock(&wq_lock);
	if (WARN_ON(wq->stopping)) {
		clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
		host_abi_unlock(&wq_lock);
		return false;
	}
	work->wq = wq;
	list_add_tail(&work->entry, &wq->pending);
	kick_worker(wq);
	host_abi_unlock(&wq_lock);
	return true;
}

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	return __queue_work(wq, work);
}
EXPORT_SYMBOL(queue_work);

/* wq_lock held; the PENDING bit is already set by the caller. */
static void arm_delayed(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay)
{
	struct work_struct *work = &dwork->work;

	work->wq = wq;
	dwork->wq = wq;
	if (!delay) {
		list_add_tail(&work->entry, &wq->pending);
		kick_worker(wq);
		return;
	}
	add_delayed(wq, work, get_jiffies_64() + delay);
	kick_worker(wq);
}

bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay)
{
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&dwork->work)))
		return false;
	host_abi_lock(&wq_lock);
	arm_delayed(wq, dwork, delay);
	host_abi_unlock(&wq_lock);
	return true;
}
EXPORT_SYMBOL(queue_delayed_work);

/* Take a pending item off its list.  wq_lock held.  Returns whether it was pending. */
static bool unqueue(struct work_struct *work)
{
	if (!is_pending(work))
		return false;
	/* PENDING is set before the item is listed; it is listed once we hold the lock. */
	list_del_init(&work->entry);
	clear_bit(WORK_STRUCT_DELAYED_BIT, work_data_bits(work));
	clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
	if (work->wq)
		host_abi_cond_broadcast(&work->wq->done_cond);
	return true;
}

bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay)
{
	bool was;

	host_abi_lock(&wq_lock);
	was = unqueue(&dwork->work);
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&dwork->work));
	arm_delayed(wq, dwork, delay);
	host_abi_unlock(&wq_lock);
	return was;
}
EXPORT_SYMBOL_GPL(mod_delayed_work);

static void rcu_work_ready(struct rcu_head *rcu)
{
	struct rcu_work *rwork = container_of(rcu, struct rcu_work, rcu);

	host_abi_lock(&wq_lock);
	rwork->work.wq = rwork->wq;
	list_add_tail(&rwork->work.entry, &rwork->wq->pending);
	kick_worker(rwork->wq);
	host_abi_unlock(&wq_lock);
}

bool queue_rcu_work(struct workqueue_struct *wq, struct rcu_work *rwork)
{
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&rwork->work)))
		return false;
	rwork->wq = wq;
	call_rcu(&rwork->rcu, rcu_work_ready);
	return true;
}
EXPORT_SYMBOL(queue_rcu_work);

bool flush_work(struct work_struct *work)
{
	struct workqueue_struct *wq;
	bool waited = false;

	if (WARN(current_work_item == work, "%s() of the running work from itself\n", __func__))
		return false;
	host_abi_lock(&wq_lock);
	for (;;) {
		wq = work->wq;
		if (!wq || !((is_pending(work) && !is_delayed(work)) || running_in(wq, work)))
			break;
		host_abi_cond_wait(&wq->done_cond, &wq_lock);
		waited = true;
	}
	host_abi_unlock(&wq_lock);
	return waited;
}
EXPORT_SYMBOL_GPL(flush_work);

bool flush_delayed_work(struct delayed_work *dwork)
{
	struct work_struct *work = &dwork->work;

	host_abi_lock(&wq_lock);
	if (is_pending(work) && is_delayed(work)) {
		/* Due now. */
		clear_bit(WORK_STRUCT_DELAYED_BIT, work_data_bits(work));
		list_move_tail(&work->entry, &dwork->wq->pending);
		kick_worker(dwork->wq);
	}
	host_abi_unlock(&wq_lock);
	return flush_work(work);
}
EXPORT_SYMBOL(flush_delayed_work);

bool flush_rcu_work(struct rcu_work *rwork)
{
	if (work_pending(&rwork->work)) {
		rcu_barrier();
		flush_work(&rwork->work);
		return true;
	}
	return flush_work(&rwork->work);
}
EXPORT_SYMBOL(flush_rcu_work);

bool cancel_work(struct work_struct *work)
{
	bool was;

	host_abi_lock(&wq_lock);
	was = unqueue(work);
	host_abi_unlock(&wq_lock);
	return was;
}
EXPORT_SYMBOL(cancel_work);

bool cancel_work_sync(struct work_struct *work)
{
	bool was;

	if (WARN(current_work_item == work, "%s() of the running work from itself\n",
		 __func__))
		return cancel_work(work);
	host_abi_lock(&wq_lock);
	was = unqueue(work);
	while (running_in(work->wq, work))
		host_abi_cond_wait(&work->wq->done_cond, &wq_lock);
	host_abi_unlock(&wq_lock);
	return was;
}
EXPORT_SYMBOL_GPL(cancel_work_sync);

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return cancel_work(&dwork->work);
}
EXPORT_SYMBOL(cancel_delayed_work);

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return cancel_work_sync(&dwork->work);
}
EXPORT_SYMBOL(cancel_delayed_work_sync);

void flush_workqueue(struct workqueue_struct *wq)
{
	host_abi_lock(&wq_lock);
	while (!list_empty(&wq->pending) || wq->nr_running)
		host_abi_cond_wait(&wq->done_cond, &wq_lock);
	host_abi_unlock(&wq_lock);
}
EXPORT_SYMBOL(flush_workqueue);

void drain_workqueue(struct workqueue_struct *wq)
{
	flush_workqueue(wq);
}
EXPORT_SYMBOL_GPL(drain_workqueue);

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active,
					 ...)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	va_list args;

	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	wq->flags = flags;
	if (flags & __WQ_ORDERED)
		max_active = 1;
	if (max_active <= 0 || max_active > MAX_WORKERS)
		max_active = MAX_WORKERS;
	wq->max_active = max_active;
	INIT_LIST_HEAD(&wq->pending);
	INIT_LIST_HEAD(&wq->delayed);
	return wq;
}
EXPORT_SYMBOL_GPL(alloc_workqueue);

void destroy_workqueue(struct workqueue_struct *wq)
{
	struct work_struct *work, *tmp;
	int i;

	flush_workqueue(wq);
	host_abi_lock(&wq_lock);
	list_for_each_entry_safe(work, tmp, &wq->delayed, entry) {
		WARN(1, "%s(%s): delayed work %ps still armed\n", __func__,
		     wq->name, work->func);
		unqueue(work);
	}
	wq->stopping = true;
	host_abi_cond_broadcast(&wq->work_cond);
	host_abi_unlock(&wq_lock);
	for (i = 0; i < wq->nr_workers; i++)
		host_abi_thread_join(wq->workers[i]);
	kfree(wq);
}
EXPORT_SYMBOL_GPL(destroy_workqueue);

/* ---- timers: delayed items on an ordered queue of their own ---- */

static void timer_fire(struct work_struct *work)
{
	struct timer_list *timer = container_of(work, struct timer_list, host_work);

	WRITE_ONCE(timer->host_armed, false);
	timer->function(timer);
}

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	memset(timer, 0, sizeof(*timer));
	timer->function = func;
	timer->flags = flags;
	__init_work_host(&timer->host_work, timer_fire);
}
EXPORT_SYMBOL(timer_setup);

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct workqueue_struct *wq = &timer_wq_store;
	struct work_struct *work = &timer->host_work;
	long delta = (long)(expires - jiffies);
	bool was;

	host_abi_lock(&wq_lock);
	was = unqueue(work);
	timer->expires = expires;
	set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
	WRITE_ONCE(timer->host_armed, true);
	work->wq = wq;
	add_delayed(wq, work, get_jiffies_64() + (delta > 0 ? delta : 0));
	kick_worker(wq);
	host_abi_unlock(&wq_lock);
	return was;
}
EXPORT_SYMBOL(mod_timer);

void add_timer(struct timer_list *timer)
{
	mod_timer(timer, timer->expires);
}
EXPORT_SYMBOL(add_timer);

int timer_delete(struct timer_list *timer)
{
	WRITE_ONCE(timer->host_armed, false);
	return cancel_work(&timer->host_work);
}
EXPORT_SYMBOL(timer_delete);

int timer_delete_sync(struct timer_list *timer)
{
	WRITE_ONCE(timer->host_armed, false);
	return cancel_work_sync(&timer->host_work);
}
EXPORT_SYMBOL(timer_delete_sync);

int timer_pending(const struct timer_list *timer)
{
	return READ_ONCE(timer->host_armed);
}
EXPORT_SYMBOL(timer_pending);
