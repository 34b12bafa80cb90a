/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/lockdep_types.h>
#include <linux/bug.h>
#include <linux/compiler.h>

/*
 * A small lock validator.  Each thread keeps the stack of locks it holds
 * (lock_acquire()/lock_release() are called by every lock implementation);
 * the assertions below consult that stack, so they really check the
 * calling thread.  Recursive acquisition of a held lock is reported.
 */

#define MAX_LOCK_DEPTH 48

/**
 * struct held_lock - one entry of a thread's held-lock stack
 * @instance: the lock
 * @acquire_ip: where it was taken
 * @read: 0 for exclusive, 1 for shared, 2 for recursive shared
 */
struct held_lock {
	struct lockdep_map *instance;
	unsigned long acquire_ip;
	int read;
};

extern int debug_locks;

/**
 * lock_acquire() - record that the current thread took a lock
 * @lock: the lock's map
 * @subclass: nesting subclass (informational)
 * @trylock: 1 for a trylock (no deadlock report)
 * @read: 0 exclusive, 1 shared, 2 recursive shared
 * @check: ignored
 * @nest_lock: ignored
 * @ip: caller address
 */
void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock, int read,
		  int check, struct lockdep_map *nest_lock, unsigned long ip);

/**
 * lock_release() - record that the current thread dropped a lock
 * @lock: the lock's map
 * @ip: caller address
 */
void lock_release(struct lockdep_map *lock, unsigned long ip);

/**
 * lock_is_held_type() - whether the current thread holds a lock
 * @lock: the lock's map
 * @read: -1 any mode, 0 exclusive only, 1 shared only
 *
 * Return: 1 if held in that mode, 0 otherwise.
 */
int lock_is_held_type(const struct lockdep_map *lock, int read);

static inline int lock_is_held(const struct lockdep_map *lock)
{
	return lock_is_held_type(lock, -1);
}

/**
 * lockdep_depth_current() - number of locks the current thread holds
 *
 * Return: the depth of the held-lock stack.
 */
int lockdep_depth_current(void);

/**
 * lockdep_init_map() - initialise a lock's map
 * @lock: the map
 * @name: name for reports
 * @key: class key
 * @subclass: unused
 */
void lockdep_init_map(struct lockdep_map *lock, const char *name,
		      struct lock_class_key *key, int subclass);

/* The validator has no wait types or lock types: they are not used. */
static inline void lockdep_init_map_type(struct lockdep_map *lock, const char *name,
					 struct lock_class_key *key, int subclass,
					 u8 inner, u8 outer, u8 lock_type)
{
	lockdep_init_map(lock, name, key, subclass);
}

static inline void lockdep_init_map_wait(struct lockdep_map *lock, const char *name,
					 struct lock_class_key *key, int subclass, u8 inner)
{
	lockdep_init_map(lock, name, key, subclass);
}

#define lockdep_set_class(lock, key) \
	lockdep_init_map(&(lock)->dep_map, #key, key, 0)
#define lockdep_set_class_and_name(lock, key, name) \
	lockdep_init_map(&(lock)->dep_map, name, key, 0)
#define lockdep_set_class_and_subclass(lock, key, sub) \
	lockdep_init_map(&(lock)->dep_map, #key, key, sub)
#define lockdep_set_subclass(lock, sub) do { (void)(lock); (void)(sub); } while (0)
#define lockdep_set_novalidate_class(lock) ((void)(lock))
#define lockdep_set_notrack_class(lock) ((void)(lock))
#define lockdep_match_class(lock, class_key) ((lock)->dep_map.key == (class_key))

static inline void lockdep_register_key(struct lock_class_key *key)
{
}

static inline void lockdep_unregister_key(struct lock_class_key *key)
{
}

static inline void lockdep_off(void)
{
}

static inline void lockdep_on(void)
{
}

#define lockdep_is_held(lock)		lock_is_held(&(lock)->dep_map)
#define lockdep_is_held_type(lock, r)	lock_is_held_type(&(lock)->dep_map, (r))

#define lockdep_assert(cond)		((void)WARN_ON(debug_locks && !(cond)))
#define lockdep_assert_once(cond)	((void)WARN_ON_ONCE(debug_locks && !(cond)))

#define lockdep_assert_held(l)		lockdep_assert(lockdep_is_held(l))
#define lockdep_assert_not_held(l)	lockdep_assert(!lockdep_is_held(l))
#define lockdep_assert_held_write(l)	lockdep_assert(lockdep_is_held_type(l, 0))
#define lockdep_assert_held_read(l)	lockdep_assert(lockdep_is_held_type(l, 1))
#define lockdep_assert_held_once(l)	lockdep_assert_once(lockdep_is_held(l))
#define lockdep_assert_none_held_once()	lockdep_assert_once(!lockdep_depth_current())

#define lockdep_assert_irqs_enabled()		do { } while (0)
#define lockdep_assert_irqs_disabled()		do { } while (0)
#define lockdep_assert_in_irq()			do { } while (0)
#define lockdep_assert_preemption_enabled()	do { } while (0)
#define lockdep_assert_preemption_disabled()	do { } while (0)
#define lockdep_assert_in_softirq()		do { } while (0)

#define lockdep_pin_lock(l)		({ struct pin_cookie __pc = { 0 }; (void)(l); __pc; })
#define lockdep_repin_lock(l, c)	do { (void)(l); (void)(c); } while (0)
#define lockdep_unpin_lock(l, c)	do { (void)(l); (void)(c); } while (0)

#define lock_map_acquire(l)		lock_acquire(l, 0, 0, 0, 1, NULL, _THIS_IP_)
#define lock_map_acquire_try(l)		lock_acquire(l, 0, 1, 0, 1, NULL, _THIS_IP_)
#define lock_map_acquire_read(l)	lock_acquire(l, 0, 0, 2, 1, NULL, _THIS_IP_)
#define lock_map_release(l)		lock_release(l, _THIS_IP_)

#define SINGLE_DEPTH_NESTING		1

#define might_lock(lock)		((void)(lock))
#define might_lock_read(lock)		((void)(lock))
#define might_lock_nested(lock, sub)	((void)(lock), (void)(sub))

#endif /* _LINUX_LOCKDEP_H */
