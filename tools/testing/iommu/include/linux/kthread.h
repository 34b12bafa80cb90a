/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

/*
 * Kernel threads are host threads whose task has no mm and PF_KTHREAD
 * set.  kthread_create() returns a thread that waits until
 * wake_up_process(); kthread_run() starts it at once.
 */

/**
 * kthread_create() - create a kernel thread, not yet running
 * @threadfn: its function; the return value is given to kthread_stop()
 * @data: argument of @threadfn
 * @namefmt: printf format of its name
 *
 * Return: the task, or ERR_PTR(-ENOMEM).
 */
__printf(3, 4) struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
						  const char *namefmt, ...);

/* One NUMA node: @node is only checked for its type. */
#define kthread_create_on_node(fn, data, node, fmt, ...) ({		\
	typecheck(int, node);						\
	kthread_create(fn, data, fmt, ##__VA_ARGS__);			\
})

#define kthread_run(threadfn, data, namefmt, ...) ({			\
	struct task_struct *__kr_k =					\
		kthread_create(threadfn, data, namefmt, ##__VA_ARGS__);	\
	if (!IS_ERR(__kr_k))						\
		wake_up_process(__kr_k);				\
	__kr_k;								\
})

/**
 * wake_up_process() - start a thread made by kthread_create()
 * @p: the task
 *
 * Return: 1 if it was started by this call, 0 otherwise.
 */
int wake_up_process(struct task_struct *p);

/**
 * kthread_stop() - ask a kernel thread to stop and wait for it
 * @k: the task (started or not)
 *
 * Return: the value its function returned, or -EINTR if it never ran.
 */
int kthread_stop(struct task_struct *k);

/**
 * kthread_should_stop() - whether kthread_stop() was called for this thread
 *
 * Return: true if the thread must return.
 */
bool kthread_should_stop(void);

static inline bool kthread_should_park(void)
{
	return false;
}

static inline bool kthread_freezable_should_stop(bool *was_frozen)
{
	if (was_frozen)
		*was_frozen = false;
	return kthread_should_stop();
}

static inline void set_freezable(void)
{
}

static inline bool try_to_freeze(void)
{
	return false;
}

#endif /* _LINUX_KTHREAD_H */
