/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <asm/spinlock_types.h>
#include <linux/lockdep.h>
#include <linux/cleanup.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct task_struct;

/**
 * struct rw_semaphore - a sleeping reader/writer lock
 * @dep_map: validator state
 * @wait_lock: host lock protecting the fields below
 * @wait: where blocked tasks sleep
 * @count: number of readers, or -1 while a writer holds it
 * @writers_waiting: writers blocked; new readers queue behind them
 * @owner: the writer, or NULL
 *
 * A zero-filled rw_semaphore is valid and unlocked.  Writers are
 * preferred over new readers, so a thread that takes the read side
 * recursively can deadlock against a waiting writer, as in Linux.
 */
struct rw_semaphore {
	struct lockdep_map dep_map;
	arch_spinlock_t wait_lock;
	arch_cond_t wait;
	long count;
	int writers_waiting;
	struct task_struct *owner;
};

#define __RWSEM_INITIALIZER(lockname) { .dep_map = { .name = #lockname } }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key);

#define init_rwsem(sem) do {						\
	static struct lock_class_key __ir_key;				\
	__init_rwsem((sem), #sem, &__ir_key);				\
} while (0)

/**
 * rwsem_is_locked() - whether anyone holds the semaphore
 * @sem: the semaphore
 *
 * Return: non-zero if held for reading or writing.
 */
int rwsem_is_locked(struct rw_semaphore *sem);

static inline int rwsem_is_contended(struct rw_semaphore *sem)
{
	return 0;
}

void down_read(struct rw_semaphore *sem) __acquires(sem);
int __must_check down_read_interruptible(struct rw_semaphore *sem);
int __must_check down_read_killable(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem) __acquires(sem);
int __must_check down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem) __releases(sem);
void up_write(struct rw_semaphore *sem) __releases(sem);

/**
 * downgrade_write() - turn a held write lock into a read lock atomically
 * @sem: the semaphore
 */
void downgrade_write(struct rw_semaphore *sem);

/* The _non_owner forms skip the held-lock bookkeeping. */
void down_read_non_owner(struct rw_semaphore *sem);
void up_read_non_owner(struct rw_semaphore *sem);

/* The validator ignores subclasses: @subclass is not used. */
static inline void down_read_nested(struct rw_semaphore *sem, int subclass)
{
	down_read(sem);
}

static inline void down_write_nested(struct rw_semaphore *sem, int subclass)
{
	down_write(sem);
}

/* @nl is any lock with a dep_map, held by the caller. */
#define down_write_nest_lock(sem, nl) do {				\
	typecheck(struct lockdep_map *, &(nl)->dep_map);		\
	down_write(sem);						\
} while (0)

static inline int __must_check
down_write_killable_nested(struct rw_semaphore *sem, int subclass)
{
	return down_write_killable(sem);
}

static inline void rwsem_assert_held(const struct rw_semaphore *sem)
{
	lockdep_assert_held(sem);
}

static inline void rwsem_assert_held_write(const struct rw_semaphore *sem)
{
	lockdep_assert_held_write(sem);
}

DEFINE_GUARD(rwsem_read, struct rw_semaphore *, down_read(_T), up_read(_T))
DEFINE_GUARD_COND(rwsem_read, _try, down_read_trylock(_T))
DEFINE_GUARD_COND(rwsem_read, _intr, down_read_interruptible(_T) == 0)
DEFINE_GUARD(rwsem_write, struct rw_semaphore *, down_write(_T), up_write(_T))
DEFINE_GUARD_COND(rwsem_write, _try, down_write_trylock(_T))

#endif /* _LINUX_RWSEM_H */
