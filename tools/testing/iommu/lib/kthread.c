// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads on host threads.
 */
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/slab.h>

#include "host-internal.h"

/**
 * struct kthread - the state shared by a kernel thread and its creator
 * @threadfn: the function
 * @data: its argument
 * @name: thread name
 * @created: the thread made its task_struct
 * @start: wake_up_process() was called
 * @exited: the function returned
 * @started: set by wake_up_process()
 * @should_stop: set by kthread_stop()
 * @result: the function's return value
 * @task: the thread's task
 * @handle: host thread handle
 */
struct kthread {
	int (*threadfn)(void *data);
	void *data;
	char name[TASK_COMM_LEN];
	struct completion created;
	struct completion start;
	struct completion exited;
	bool started;
	bool should_stop;
	int result;
	struct task_struct *task;
	unsigned long handle;
};

static void kthread_main(void *arg)
{
	struct kthread *kt = arg;
	struct task_struct *t = current;

	t->flags |= PF_KTHREAD;
	t->mm = NULL;
	t->active_mm = NULL;
	t->kthread_data = kt;
	strscpy(t->comm, kt->name, sizeof(t->comm));
	host_abi_thread_set_name(kt->name);
	get_task_struct(t);
	kt->task = t;
	complete(&kt->created);

	wait_for_completion(&kt->start);
	if (!READ_ONCE(kt->should_stop))
		kt->result = kt->threadfn(kt->data);
	else
		kt->result = -EINTR;
	complete(&kt->exited);
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct kthread *kt = kzalloc(sizeof(*kt), GFP_KERNEL);
	va_list args;

	if (!kt)
		return ERR_PTR(-ENOMEM);
	kt->threadfn = threadfn;
	kt->data = data;
	va_start(args, namefmt);
	vsnprintf(kt->name, sizeof(kt->name), namefmt, args);
	va_end(args);
	init_completion(&kt->created);
	init_completion(&kt->start);
	init_completion(&kt->exited);
	if (host_abi_thread_create(kthread_main, kt, &kt->handle)) {
		kfree(kt);
		return ERR_PTR(-ENOMEM);
	}
	wait_for_completion(&kt->created);
	return kt->task;
}
EXPORT_SYMBOL(kthread_create);

int wake_up_process(struct task_struct *p)
{
	struct kthread *kt = p->kthread_data;

	if (!kt || xchg(&kt->started, true))
		return 0;
	complete(&kt->start);
	return 1;
}
EXPORT_SYMBOL(wake_up_process);

bool kthread_should_stop(void)
{
	struct kthread *kt = current->kthread_data;

	return kt && READ_ONCE(kt->should_stop);
}
EXPORT_SYMBOL(kthread_should_stop);

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = k->kthread_data;
	int ret;

	if (WARN_ON(!kt))
		return -EINVAL;
	WRITE_ONCE(kt->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	host_abi_thread_join(kt->handle);
	ret = kt->result;
	k->kthread_data = NULL;
	put_task_struct(k);
	kfree(kt);
	return ret;
}
EXPORT_SYMBOL(kthread_stop);
