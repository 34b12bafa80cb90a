// SPDX-License-Identifier: GPL-2.0
/*
 * RCU for the host kernel.
 *
 * Read side: the outermost rcu_read_lock() of a thread takes the read
 * side of a global host reader/writer lock; nesting is counted per task.
 * Grace period: synchronize_rcu() takes and drops the write side, which
 * it can only get once every reader that was inside has left.  The lock
 * prefers readers, so readers never wait for a pending grace period.
 *
 * Callbacks: call_rcu() appends to a queue served by one worker thread,
 * which detaches the whole queue, waits for a grace period, and runs the
 * batch.  kvfree_call_rcu() stores the offset of the rcu_head inside the
 * object in ->func (a small number, never a code address) so the worker
 * can find the start of the object.  rcu_barrier() waits until every
 * callback queued before it has run.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "host-internal.h"

#define KVFREE_OFFSET_LIMIT 4096

static arch_spinlock_t gp_rwlock;	/* used as a host rwlock */

static arch_spinlock_t cb_lock;
static arch_cond_t cb_cond;
static struct rcu_head *cb_head;
static struct rcu_head **cb_tail = &cb_head;
static unsigned long cb_queued;
static unsigned long cb_done;
static bool worker_started;
static struct task_struct *worker_task;

void __rcu_read_lock(void)
{
	struct task_struct *t = current;

	if (t->rcu_read_lock_nesting++ == 0)
		host_abi_rwlock_read(&gp_rwlock);
}
EXPORT_SYMBOL_GPL(__rcu_read_lock);

void __rcu_read_unlock(void)
{
	struct task_struct *t = current;

	if (WARN_ON_ONCE(t->rcu_read_lock_nesting <= 0))
		return;
	if (--t->rcu_read_lock_nesting == 0)
		host_abi_rwlock_unlock(&gp_rwlock);
}
EXPORT_SYMBOL_GPL(__rcu_read_unlock);

int rcu_read_lock_held(void)
{
	return current->rcu_read_lock_nesting > 0;
}
EXPORT_SYMBOL_GPL(rcu_read_lock_held);

void synchronize_rcu(void)
{
	if (WARN(rcu_read_lock_held(), "%s() inside an RCU read-side critical section\n",
		 __func__))
		return;
	host_abi_rwlock_write(&gp_rwlock);
	host_abi_rwlock_unlock(&gp_rwlock);
}
EXPORT_SYMBOL_GPL(synchronize_rcu);

static void rcu_worker(void *unused)
{
	struct task_struct *t = current;

	strscpy(t->comm, "rcu_worker", sizeof(t->comm));
	t->flags |= PF_KTHREAD;
	t->mm = NULL;
	host_abi_thread_set_name("rcu_worker");
	host_abi_lock(&cb_lock);
	worker_task = t;
	for (;;) {
		struct rcu_head *batch;
		unsigned long n = 0;

		while (!cb_head)
			host_abi_cond_wait(&cb_cond, &cb_lock);
		batch = cb_head;
		cb_head = NULL;
		cb_tail = &cb_head;
		host_abi_unlock(&cb_lock);

		synchronize_rcu();
		while (batch) {
			struct rcu_head *next = batch->next;
			unsigned long off = (unsigned long)batch->func;

			if (off < KVFREE_OFFSET_LIMIT)
				kvfree((char *)batch - off);
			else
				batch->func(batch);
			batch = next;
			n++;
		}

		host_abi_lock(&cb_lock);
		cb_done += n;
		host_abi_cond_broadcast(&cb_cond);
	}
}

void host_rcu_start(void)
{
	unsigned long handle;

	host_abi_lock(&cb_lock);
	if (!worker_started) {
		worker_started = true;
		if (host_abi_thread_create(rcu_worker, NULL, &handle))
			panic("cannot start the RCU callback thread\n");
		host_abi_thread_detach(handle);
	}
	host_abi_unlock(&cb_lock);
}

void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	host_rcu_start();
	head->func = func;
	head->next = NULL;
	host_abi_lock(&cb_lock);
	*cb_tail = head;
	cb_tail = &head->next;
	cb_queued++;
	host_abi_cond_broadcast(&cb_cond);
	host_abi_unlock(&cb_lock);
}
EXPORT_SYMBOL_GPL(call_rcu);

void kvfree_call_rcu(struct rcu_head *head, void *ptr)
{
	unsigned long off;

	if (!head) {
		/* Headless form: may sleep, so just wait here. */
		synchronize_rcu();
		kvfree(ptr);
		return;
	}
	off = (unsigned long)head - (unsigned long)ptr;
	if (WARN_ON_ONCE(off >= KVFREE_OFFSET_LIMIT)) {
		synchronize_rcu();
		kvfree(ptr);
		return;
	}
	call_rcu(head, (rcu_callback_t)off);
}
EXPORT_SYMBOL_GPL(kvfree_call_rcu);

void rcu_barrier(void)
{
	unsigned long target;

	if (current == READ_ONCE(worker_task))
		return;
	host_abi_lock(&cb_lock);
	target = cb_queued;
	while (cb_done < target)
		host_abi_cond_wait(&cb_cond, &cb_lock);
	host_abi_unlock(&cb_lock);
}
EXPORT_SYMBOL_GPL(rcu_barrier);
