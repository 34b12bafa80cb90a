/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <asm/spinlock_types.h>
#include <linux/lockdep.h>
#include <linux/cleanup.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/atomic.h>

struct task_struct;

/**
 * struct mutex - a sleeping mutual-exclusion lock
 * @dep_map: validator state
 * @raw: the host lock
 * @owner: the holding task, or NULL
 *
 * A zero-filled mutex is a valid unlocked mutex.
 */
struct mutex {
	struct lockdep_map dep_map;
	arch_spinlock_t raw;
	struct task_struct *owner;
};

#define __MUTEX_INITIALIZER(lockname) { .dep_map = { .name = #lockname } }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

/**
 * __mutex_init() - initialise a mutex
 * @lock: the mutex
 * @name: name for reports
 * @key: lock class
 */
void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);

#define mutex_init(mutex) do {						\
	static struct lock_class_key __mi_key;				\
	__mutex_init((mutex), #mutex, &__mi_key);			\
} while (0)

#define mutex_init_with_key(mutex, key) __mutex_init((mutex), #mutex, (key))

/**
 * mutex_destroy() - mark a mutex unusable; WARNs if it is held
 * @lock: the mutex
 */
void mutex_destroy(struct mutex *lock);

/**
 * mutex_lock() - acquire a mutex, sleeping until it is free
 * @lock: the mutex
 */
void mutex_lock(struct mutex *lock) __acquires(lock);

/**
 * mutex_lock_nested() - mutex_lock() with a lockdep subclass
 * @lock: the mutex
 * @subclass: nesting level
 */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass) __acquires(lock);

/**
 * mutex_lock_interruptible() - acquire a mutex (signals never interrupt on the host)
 * @lock: the mutex
 *
 * Return: 0.
 */
int __must_check mutex_lock_interruptible(struct mutex *lock);
int __must_check mutex_lock_killable(struct mutex *lock);

/**
 * mutex_trylock() - acquire a mutex if it is free
 * @lock: the mutex
 *
 * Return: 1 if acquired, 0 if it is held.
 */
int mutex_trylock(struct mutex *lock);

/**
 * mutex_unlock() - release a mutex; WARNs if the caller is not the owner
 * @lock: the mutex
 */
void mutex_unlock(struct mutex *lock) __releases(lock);

/**
 * mutex_is_locked() - whether any task holds the mutex
 * @lock: the mutex
 *
 * Return: true if held.
 */
bool mutex_is_locked(struct mutex *lock);

/* The validator ignores subclasses: @subclass is not used. */
static inline int __must_check
mutex_lock_interruptible_nested(struct mutex *lock, unsigned int subclass)
{
	return mutex_lock_interruptible(lock);
}

static inline int __must_check
mutex_lock_killable_nested(struct mutex *lock, unsigned int subclass)
{
	return mutex_lock_killable(lock);
}

/* @nl is any lock with a dep_map, held by the caller. */
#define mutex_lock_nest_lock(l, nl) do {				\
	typecheck(struct lockdep_map *, &(nl)->dep_map);		\
	mutex_lock(l);							\
} while (0)
#define mutex_lock_io(l)			mutex_lock(l)

/**
 * atomic_dec_and_mutex_lock() - decrement; lock @lock if 0 is reached
 * @cnt: the counter
 * @lock: mutex taken (and left held) when returning true
 *
 * Return: 1 with @lock held if the counter reached 0.
 */
int atomic_dec_and_mutex_lock(atomic_t *cnt, struct mutex *lock);

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))
DEFINE_GUARD_COND(mutex, _try, mutex_trylock(_T))
DEFINE_GUARD_COND(mutex, _intr, mutex_lock_interruptible(_T) == 0)

#endif /* _LINUX_MUTEX_H */
