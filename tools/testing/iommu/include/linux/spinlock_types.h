/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SPINLOCK_TYPES_H
#define _LINUX_SPINLOCK_TYPES_H

#include <asm/spinlock_types.h>
#include <linux/lockdep_types.h>

struct task_struct;

/**
 * struct raw_spinlock - a spinning lock (a host mutex underneath)
 * @dep_map: validator state; first, so that spinlock_t can alias it
 * @raw_lock: the host lock
 * @owner: the holding task, or NULL
 */
typedef struct raw_spinlock {
	struct lockdep_map dep_map;
	arch_spinlock_t raw_lock;
	struct task_struct *owner;
} raw_spinlock_t;

/**
 * struct spinlock - the ordinary kernel spinlock
 * @rlock: the underlying raw spinlock
 * @dep_map: alias of @rlock.dep_map, for lockdep_assert_held()
 */
typedef struct spinlock {
	union {
		struct raw_spinlock rlock;
		struct lockdep_map dep_map;
	};
} spinlock_t;

#define __RAW_SPIN_LOCK_UNLOCKED(lockname) \
	{ .dep_map = { .name = #lockname }, .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED }
#define __RAW_SPIN_LOCK_INITIALIZER(name) __RAW_SPIN_LOCK_UNLOCKED(name)
#define __SPIN_LOCK_UNLOCKED(name) { { .rlock = __RAW_SPIN_LOCK_UNLOCKED(name) } }
#define __SPIN_LOCK_INITIALIZER(name) __SPIN_LOCK_UNLOCKED(name)

#define DEFINE_RAW_SPINLOCK(x)	raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

/**
 * struct rwlock_t - a reader/writer spinning lock; readers may nest
 * @dep_map: validator state
 * @raw_lock: host lock protecting the fields below
 * @cond: where waiters sleep
 * @readers: readers inside, or -1 while a writer holds it
 * @writer: the task holding it for writing, or NULL
 */
typedef struct {
	struct lockdep_map dep_map;
	arch_spinlock_t raw_lock;
	arch_cond_t cond;
	long readers;
	struct task_struct *writer;
} rwlock_t;

#define __RW_LOCK_UNLOCKED(lockname) { .dep_map = { .name = #lockname } }
#define DEFINE_RWLOCK(x)	rwlock_t x = __RW_LOCK_UNLOCKED(x)

#endif /* _LINUX_SPINLOCK_TYPES_H */
