/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <asm/current.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/lockdep.h>
#include <linux/refcount.h>
#include <linux/resource.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/err.h>

struct mm_struct;
struct kunit;
struct user_struct;
struct cred;

#define TASK_COMM_LEN		16

#define TASK_RUNNING		0x00000000
#define TASK_INTERRUPTIBLE	0x00000001
#define TASK_UNINTERRUPTIBLE	0x00000002
#define TASK_KILLABLE		(0x00000100 | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE		(0x00000402)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define PF_KTHREAD		0x00200000
#define PF_MEMALLOC		0x00000800
#define PF_EXITING		0x00000004

#define MAX_SCHEDULE_TIMEOUT	LONG_MAX

/**
 * struct signal_struct - process-wide state shared by all its threads
 * @rlim: resource limits, initialised from the host process's limits
 */
struct signal_struct {
	struct rlimit rlim[RLIM_NLIMITS];
};

/**
 * struct task_struct - a host thread as the kernel code sees it
 * @pid: thread id of the host thread
 * @tgid: process id
 * @comm: thread name
 * @flags: PF_* flags
 * @usage: references (get_task_struct()/put_task_struct())
 * @mm: address space; all threads share the process's mm_struct
 * @active_mm: same as @mm
 * @signal: process-wide limits
 * @cred: credentials (capabilities)
 * @fail_nth: fault injection: when non-zero, the fail_nth-th allocation
 *	from now fails and the field returns to 0 (see should_failslab())
 * @make_it_fail: allow fault injection for this task (always 1)
 * @rcu_read_lock_nesting: depth of rcu_read_lock()
 * @lockdep_depth: number of entries used in @held_locks
 * @lockdep_overflow: @held_locks overflowed; tracking is unreliable
 * @held_locks: locks this thread holds, in acquisition order
 * @kunit_test: the KUnit test this thread runs, or NULL
 * @host_thread: opaque host thread handle for kthreads
 * @kthread_data: private state of a kthread
 * @node: link in the list of all tasks
 */
struct task_struct {
	pid_t pid;
	pid_t tgid;
	char comm[TASK_COMM_LEN];
	unsigned int flags;
	refcount_t usage;
	struct mm_struct *mm;
	struct mm_struct *active_mm;
	struct signal_struct *signal;
	const struct cred *cred;
	unsigned int fail_nth;
	unsigned int make_it_fail;
	int rcu_read_lock_nesting;
	int lockdep_depth;
	bool lockdep_overflow;
	struct held_lock held_locks[MAX_LOCK_DEPTH];
	struct kunit *kunit_test;
	unsigned long host_thread;
	void *kthread_data;
	struct list_head node;
};

/**
 * get_task_struct() - take a reference on a task
 * @t: the task
 *
 * Return: @t.
 */
static inline struct task_struct *get_task_struct(struct task_struct *t)
{
	refcount_inc(&t->usage);
	return t;
}

/**
 * put_task_struct() - drop a reference on a task
 * @t: the task
 */
void put_task_struct(struct task_struct *t);

static inline pid_t task_pid_nr(struct task_struct *tsk)
{
	return tsk->pid;
}

static inline pid_t task_tgid_nr(struct task_struct *tsk)
{
	return tsk->tgid;
}

static inline pid_t task_pid_vnr(struct task_struct *tsk)
{
	return tsk->pid;
}

static inline pid_t task_tgid_vnr(struct task_struct *tsk)
{
	return tsk->tgid;
}

#define get_task_comm(buf, tsk) strscpy(buf, (tsk)->comm, sizeof(buf))

static inline int signal_pending(struct task_struct *p)
{
	return 0;
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	return 0;
}

static inline int __fatal_signal_pending(struct task_struct *p)
{
	return 0;
}

static inline bool need_resched(void)
{
	return false;
}

/**
 * schedule() - give up the processor
 */
void schedule(void);

/**
 * schedule_timeout() - sleep for up to @timeout jiffies
 * @timeout: jiffies to sleep
 *
 * Return: 0 (the full time elapsed).
 */
long schedule_timeout(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_idle(long timeout);

/**
 * yield() - let another thread run
 */
void yield(void);

/* Tasks block on host primitives, not on a task state: @state is dropped. */
#define set_current_state(state)	((void)(state))
#define __set_current_state(state)	((void)(state))

static inline unsigned long task_rlimit(const struct task_struct *task, unsigned int limit)
{
	return READ_ONCE(task->signal->rlim[limit].rlim_cur);
}

static inline unsigned long task_rlimit_max(const struct task_struct *task, unsigned int limit)
{
	return READ_ONCE(task->signal->rlim[limit].rlim_max);
}

static inline unsigned long rlimit(unsigned int limit)
{
	return task_rlimit(current, limit);
}

static inline unsigned long rlimit_max(unsigned int limit)
{
	return task_rlimit_max(current, limit);
}

static inline int task_nice(const struct task_struct *p)
{
	return 0;
}

static inline bool is_global_init(struct task_struct *tsk)
{
	return false;
}

#define same_thread_group(p1, p2)	((p1)->tgid == (p2)->tgid)

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return 0;
}

/**
 * host_process_mm() - the process-wide mm_struct of the host
 *
 * Return: the mm that every task uses.
 */
struct mm_struct *host_process_mm(void);

#endif /* _LINUX_SCHED_H */
