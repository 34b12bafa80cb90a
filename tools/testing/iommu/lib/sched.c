// SPDX-License-Identifier: GPL-2.0
/*
 * Tasks, address spaces and credentials of the host kernel.
 *
 * Every host thread gets a task_struct the first time it asks for
 * "current"; the C library glue releases it when the thread exits.  All
 * user threads share one process-wide mm_struct, cred and set of
 * resource limits (read from the real process at start-up); kernel
 * threads (kthreads, workqueue workers) have no mm, as in Linux.
 */
#include <linux/bitmap.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/string.h>
#include <host/env.h>

#include "host-internal.h"

#define IOMMU_PASID_INVALID_VALUE (~0U)

static __thread struct task_struct *host_current;

static arch_spinlock_t process_lock;
static bool process_ready;
static struct signal_struct process_signal;
static struct mm_struct process_mm;
static struct user_struct process_user;
static struct cred process_cred;
static DECLARE_BITMAP(revoked_caps, CAP_LAST_CAP + 1);

static void process_init(void)
{
	unsigned long cur, max;
	int i;

	host_raw_lock(&process_lock);
	if (process_ready) {
		host_raw_unlock(&process_lock);
		return;
	}
	for (i = 0; i < RLIM_NLIMITS; i++) {
		if (host_abi_getrlimit(i, &cur, &max)) {
			cur = RLIM_INFINITY;
			max = RLIM_INFINITY;
		}
		process_signal.rlim[i].rlim_cur = cur;
		process_signal.rlim[i].rlim_max = max;
	}
	atomic_set(&process_mm.mm_users, 1);
	atomic_set(&process_mm.mm_count, 1);
	process_mm.pasid = IOMMU_PASID_INVALID_VALUE;
	refcount_set(&process_user.__count, 1);
	process_user.uid.val = host_abi_getuid();
	process_cred.uid = process_user.uid;
	process_cred.euid = process_user.uid;
	process_cred.user = &process_user;
	__atomic_store_n(&process_ready, true, __ATOMIC_RELEASE);
	host_raw_unlock(&process_lock);
}

struct mm_struct *host_process_mm(void)
{
	if (!__atomic_load_n(&process_ready, __ATOMIC_ACQUIRE))
		process_init();
	return &process_mm;
}

void host_task_exit(void *data)
{
	struct task_struct *t = data;

	if (t->lockdep_depth) {
		pr_err("BUG: task %s/%d exits holding %d lock(s); first: %s\n",
		       t->comm, t->pid, t->lockdep_depth,
		       t->held_locks[0].instance->name ? : "(unnamed)");
	}
	if (host_current == t)
		host_current = NULL;
	put_task_struct(t);
}

static struct task_struct *task_create(void)
{
	struct task_struct *t;

	if (!__atomic_load_n(&process_ready, __ATOMIC_ACQUIRE))
		process_init();
	t = host_abi_alloc(sizeof(*t), 64);
	if (!t)
		panic("out of memory for a task_struct\n");
	memset(t, 0, sizeof(*t));
	t->pid = host_abi_gettid();
	t->tgid = host_abi_getpid();
	snprintf(t->comm, sizeof(t->comm), "host-%d", t->pid);
	refcount_set(&t->usage, 1);
	t->mm = &process_mm;
	t->active_mm = &process_mm;
	t->signal = &process_signal;
	t->cred = &process_cred;
	t->make_it_fail = 1;
	INIT_LIST_HEAD(&t->node);
	host_current = t;
	host_abi_thread_at_exit(host_task_exit, t);
	return t;
}

struct task_struct *get_current(void)
{
	struct task_struct *t = host_current;

	if (likely(t))
		return t;
	return task_create();
}
EXPORT_SYMBOL(get_current);

void put_task_struct(struct task_struct *t)
{
	if (refcount_dec_and_test(&t->usage))
		host_abi_free(t);
}
EXPORT_SYMBOL_GPL(put_task_struct);

/* ---- credentials and limits ---- */

bool host_capable(int cap)
{
	if (!cap_valid(cap))
		return false;
	return !test_bit(cap, revoked_caps);
}

bool capable(int cap)
{
	return host_capable(cap);
}
EXPORT_SYMBOL(capable);

void host_set_capable(int cap, bool granted)
{
	int i;

	for (i = 0; i <= CAP_LAST_CAP; i++) {
		if (cap != -1 && cap != i)
			continue;
		if (granted)
			clear_bit(i, revoked_caps);
		else
			set_bit(i, revoked_caps);
	}
}

void host_set_rlimit(unsigned int resource, unsigned long cur)
{
	if (WARN_ON(resource >= RLIM_NLIMITS))
		return;
	if (!__atomic_load_n(&process_ready, __ATOMIC_ACQUIRE))
		process_init();
	WRITE_ONCE(process_signal.rlim[resource].rlim_cur, cur);
}

struct user_struct *current_user(void)
{
	return current->cred->user;
}
EXPORT_SYMBOL(current_user);

const struct cred *current_cred(void)
{
	return current->cred;
}
EXPORT_SYMBOL(current_cred);

void free_uid(struct user_struct *up)
{
	if (!up)
		return;
	/* The process user is static; it must never reach zero. */
	WARN_ON(refcount_dec_and_test(&up->__count));
}
EXPORT_SYMBOL(free_uid);

/* ---- mm ---- */

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	init_rwsem(&mm->mmap_lock);
	spin_lock_init(&mm->notifier_lock);
	mm->pasid = IOMMU_PASID_INVALID_VALUE;
	mm->owner = current;
	return mm;
}
EXPORT_SYMBOL_GPL(mm_alloc);

void __mmdrop(struct mm_struct *mm)
{
	if (WARN(mm == &process_mm, "the process mm_struct lost its last reference\n"))
		return;
	WARN(mm->iommu_mm, "mm freed with IOMMU SVA state attached\n");
	kfree(mm);
}
EXPORT_SYMBOL_GPL(__mmdrop);

void mmput(struct mm_struct *mm)
{
	if (atomic_dec_and_test(&mm->mm_users))
		mmdrop(mm);
}
EXPORT_SYMBOL_GPL(mmput);

struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm = task->mm;

	if (mm && !(task->flags & PF_KTHREAD)) {
		mmget(mm);
		return mm;
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(get_task_mm);

int __account_locked_vm(struct mm_struct *mm, unsigned long pages, bool inc,
			struct task_struct *task, bool bypass_rlim)
{
	unsigned long locked_vm, limit;

	mmap_assert_write_locked(mm);
	locked_vm = mm->locked_vm;
	if (inc) {
		if (!bypass_rlim) {
			limit = task_rlimit(task, RLIMIT_MEMLOCK) >> PAGE_SHIFT;
			if (locked_vm + pages > limit)
				return -ENOMEM;
		}
		mm->locked_vm = locked_vm + pages;
	} else {
		WARN_ON_ONCE(pages > locked_vm);
		mm->locked_vm = locked_vm - min(pages, locked_vm);
	}
	return 0;
}
EXPORT_SYMBOL_GPL(__account_locked_vm);

int account_locked_vm(struct mm_struct *mm, unsigned long pages, bool inc)
{
	int ret;

	if (pages == 0 || !mm)
		return 0;
	mmap_write_lock(mm);
	ret = __account_locked_vm(mm, pages, inc, current, capable(CAP_IPC_LOCK));
	mmap_write_unlock(mm);
	return ret;
}
EXPORT_SYMBOL_GPL(account_locked_vm);
