/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/sched.h>
#include <linux/mm_types.h>
#include <linux/gfp.h>

/**
 * mm_alloc() - allocate a fresh, empty mm_struct
 *
 * Return: the mm with mm_users == mm_count == 1, or NULL.
 */
struct mm_struct *mm_alloc(void);

/**
 * mmgrab() - pin the mm_struct itself (not its address space)
 * @mm: the mm
 */
static inline void mmgrab(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_count);
}

/**
 * __mmdrop() - free an mm whose mm_count dropped to 0
 * @mm: the mm
 */
void __mmdrop(struct mm_struct *mm);

/**
 * mmdrop() - release a pin taken with mmgrab()
 * @mm: the mm
 */
static inline void mmdrop(struct mm_struct *mm)
{
	if (unlikely(atomic_dec_and_test(&mm->mm_count)))
		__mmdrop(mm);
}

/**
 * mmget() - take a user of the address space
 * @mm: the mm, which must already have users
 */
static inline void mmget(struct mm_struct *mm)
{
	atomic_inc(&mm->mm_users);
}

/**
 * mmget_not_zero() - take a user unless the address space is gone
 * @mm: the mm
 *
 * Return: true if a user was taken.
 */
static inline bool mmget_not_zero(struct mm_struct *mm)
{
	return atomic_inc_not_zero(&mm->mm_users);
}

/**
 * mmput() - drop a user; the last one tears the address space down
 * @mm: the mm
 */
void mmput(struct mm_struct *mm);
#define mmput_async(mm) mmput(mm)

/**
 * get_task_mm() - take a user of a task's mm
 * @task: the task
 *
 * Return: the mm with a user taken, or NULL.
 */
struct mm_struct *get_task_mm(struct task_struct *task);

static inline unsigned int memalloc_noio_save(void)
{
	return 0;
}

static inline void memalloc_noio_restore(unsigned int flags)
{
}

static inline unsigned int memalloc_nofs_save(void)
{
	return 0;
}

static inline void memalloc_nofs_restore(unsigned int flags)
{
}

static inline unsigned int memalloc_noreclaim_save(void)
{
	return 0;
}

static inline void memalloc_noreclaim_restore(unsigned int flags)
{
}

#endif /* _LINUX_SCHED_MM_H */
