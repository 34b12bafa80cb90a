// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues and completions.
 */
#include <linux/completion.h>
#include <linux/export.h>
#include <linux/hash.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/string.h>
#include <linux/wait.h>

#include "host-internal.h"

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key)
{
	memset(wq_head, 0, sizeof(*wq_head));
	__raw_spin_lock_init(&wq_head->lock.rlock, name, key);
	INIT_LIST_HEAD(&wq_head->head);
}
EXPORT_SYMBOL(__init_waitqueue_head);

unsigned long __wait_seq(struct wait_queue_head *wq_head)
{
	return __atomic_load_n(&wq_head->seq, __ATOMIC_ACQUIRE);
}
EXPORT_SYMBOL(__wait_seq);

void __wake_up(struct wait_queue_head *wq_head)
{
	host_abi_lock(&wq_head->host_lock);
	__atomic_store_n(&wq_head->seq, wq_head->seq + 1, __ATOMIC_RELEASE);
	host_abi_cond_broadcast(&wq_head->host_cond);
	host_abi_unlock(&wq_head->host_lock);
}
EXPORT_SYMBOL(__wake_up);

long __wait_sleep(struct wait_queue_head *wq_head, unsigned long seq, long timeout)
{
	u64 deadline = 0, now;

	if (WARN(rcu_read_lock_held(), "sleeping inside an RCU read-side critical section\n"))
		return timeout;
	if (timeout != MAX_SCHEDULE_TIMEOUT)
		deadline = get_jiffies_64() + timeout;
	host_abi_lock(&wq_head->host_lock);
	while (wq_head->seq == seq) {
		if (timeout == MAX_SCHEDULE_TIMEOUT) {
			host_abi_cond_wait(&wq_head->host_cond, &wq_head->host_lock);
			continue;
		}
		now = get_jiffies_64();
		if (now >= deadline)
			break;
		host_abi_cond_timedwait(&wq_head->host_cond, &wq_head->host_lock,
					jiffies_to_nsecs(deadline - now));
	}
	host_abi_unlock(&wq_head->host_lock);
	if (timeout == MAX_SCHEDULE_TIMEOUT)
		return timeout;
	now = get_jiffies_64();
	return now >= deadline ? 0 : (long)(deadline - now);
}
EXPORT_SYMBOL(__wait_sleep);

#define VAR_WAIT_BITS 8
static struct wait_queue_head var_waitqueues[1 << VAR_WAIT_BITS];

struct wait_queue_head *__var_waitqueue(void *p)
{
	/* Zero-filled queues are valid; hash the address to pick one. */
	return &var_waitqueues[hash_ptr(p, VAR_WAIT_BITS)];
}
EXPORT_SYMBOL(__var_waitqueue);

/* ---- completions ---- */

static bool consume_done(struct completion *x)
{
	unsigned int v = __atomic_load_n(&x->done, __ATOMIC_ACQUIRE);

	do {
		if (!v)
			return false;
		if (v == UINT_MAX)
			return true;
	} while (!__atomic_compare_exchange_n(&x->done, &v, v - 1, false, __ATOMIC_ACQUIRE,
					      __ATOMIC_ACQUIRE));
	return true;
}

void complete(struct completion *x)
{
	unsigned int v = __atomic_load_n(&x->done, __ATOMIC_RELAXED);

	do {
		if (v == UINT_MAX)
			break;
	} while (!__atomic_compare_exchange_n(&x->done, &v, v + 1, false, __ATOMIC_RELEASE,
					      __ATOMIC_RELAXED));
	__wake_up(&x->wait);
}
EXPORT_SYMBOL(complete);

void complete_all(struct completion *x)
{
	__atomic_store_n(&x->done, UINT_MAX, __ATOMIC_RELEASE);
	__wake_up(&x->wait);
}
EXPORT_SYMBOL(complete_all);

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, consume_done(x));
}
EXPORT_SYMBOL(wait_for_completion);

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return wait_event_timeout(x->wait, consume_done(x), (long)timeout);
}
EXPORT_SYMBOL(wait_for_completion_timeout);

bool try_wait_for_completion(struct completion *x)
{
	return consume_done(x);
}
EXPORT_SYMBOL(try_wait_for_completion);

bool completion_done(struct completion *x)
{
	return __atomic_load_n(&x->done, __ATOMIC_ACQUIRE) != 0;
}
EXPORT_SYMBOL(completion_done);
