// SPDX-License-Identifier: GPL-2.0
/*
 * Locks of the host kernel and the held-lock tracking behind lockdep's
 * assertions.
 *
 * Sleeping and spinning locks are both host mutexes.  Each lock records
 * its owner, and each task keeps a stack of the locks it holds, so that
 * lockdep_assert_held() asks "does *this thread* hold it?" exactly like
 * lockdep.  Acquiring a lock the thread already holds (a certain
 * self-deadlock) is reported and aborts instead of hanging the run.
 *
 * rw_semaphore is built from a host mutex and condition variable so that
 * it can prefer writers and downgrade atomically; rwlock_t is the same
 * machinery without the writer preference (readers may nest).
 */
#include <linux/atomic.h>
#include <linux/export.h>
#include <linux/instruction_pointer.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "host-internal.h"

int debug_locks = 1;
EXPORT_SYMBOL_GPL(debug_locks);

/* ---- held-lock tracking ---- */

static const char *map_name(const struct lockdep_map *map)
{
	return map->name ? map->name : "(unnamed lock)";
}

void lockdep_init_map(struct lockdep_map *lock, const char *name,
		      struct lock_class_key *key, int subclass)
{
	lock->name = name;
	lock->key = key;
}
EXPORT_SYMBOL_GPL(lockdep_init_map);

static void print_held_locks(struct task_struct *t)
{
	int i;

	pr_err("%d lock(s) held by %s/%d:\n", t->lockdep_depth, t->comm, t->pid);
	for (i = 0; i < t->lockdep_depth; i++)
		pr_err(" #%d: %s%s, taken at %pS\n", i,
		       map_name(t->held_locks[i].instance),
		       t->held_locks[i].read ? " (read)" : "",
		       (void *)t->held_locks[i].acquire_ip);
}

/* A thread is about to block on a lock it holds itself: report and stop. */
static void __noreturn self_deadlock(const struct lockdep_map *map, const char *what)
{
	struct task_struct *t = current;

	pr_err("============================================\n");
	pr_err("WARNING: possible recursive locking detected\n");
	pr_err("%s/%d is trying to acquire %s %s, which it already holds\n",
	       t->comm, t->pid, what, map_name(map));
	print_held_locks(t);
	dump_stack();
	panic("recursive locking would deadlock\n");
}

void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock, int read,
		  int check, struct lockdep_map *nest_lock, unsigned long ip)
{
	struct task_struct *t = current;
	struct held_lock *h;

	if (t->lockdep_depth >= MAX_LOCK_DEPTH) {
		if (!t->lockdep_overflow) {
			t->lockdep_overflow = true;
			pr_err("BUG: MAX_LOCK_DEPTH (%d) exceeded by %s/%d; lock tracking disabled for this thread\n",
			       MAX_LOCK_DEPTH, t->comm, t->pid);
		}
		return;
	}
	h = &t->held_locks[t->lockdep_depth++];
	h->instance = lock;
	h->acquire_ip = ip;
	h->read = read;
}
EXPORT_SYMBOL_GPL(lock_acquire);

void lock_release(struct lockdep_map *lock, unsigned long ip)
{
	struct task_struct *t = current;
	int i;

	for (i = t->lockdep_depth - 1; i >= 0; i--) {
		if (t->held_locks[i].instance != lock)
			continue;
		memmove(&t->held_locks[i], &t->held_locks[i + 1],
			(t->lockdep_depth - i - 1) * sizeof(t->held_locks[0]));
		t->lockdep_depth--;
		return;
	}
	if (t->lockdep_overflow)
		return;
	WARN(1, "bad unlock balance: %s/%d releases %s, which it does not hold\n",
	     t->comm, t->pid, map_name(lock));
}
EXPORT_SYMBOL_GPL(lock_release);

int lock_is_held_type(const struct lockdep_map *lock, int read)
{
	struct task_struct *t = current;
	int i;

	for (i = 0; i < t->lockdep_depth; i++) {
		const struct held_lock *h = &t->held_locks[i];

		if (h->instance != lock)
			continue;
		if (read == -1 || !read == !h->read)
			return 1;
	}
	/* Without full information, do not accuse the caller. */
	return t->lockdep_overflow ? 1 : 0;
}
EXPORT_SYMBOL_GPL(lock_is_held_type);

int lockdep_depth_current(void)
{
	return current->lockdep_depth;
}
EXPORT_SYMBOL_GPL(lockdep_depth_current);

static inline struct task_struct *owner_read(struct task_struct **owner)
{
	return __atomic_load_n(owner, __ATOMIC_RELAXED);
}

static inline void owner_write(struct task_struct **owner, struct task_struct *t)
{
	__atomic_store_n(owner, t, __ATOMIC_RELAXED);
}

/* ---- mutex ---- */

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
	memset(&lock->raw, 0, sizeof(lock->raw));
	owner_write(&lock->owner, NULL);
	lockdep_init_map(&lock->dep_map, name, key, 0);
}
EXPORT_SYMBOL(__mutex_init);

static void mutex_acquire_common(struct mutex *lock, unsigned int subclass, unsigned long ip)
{
	struct task_struct *t = current;

	if (owner_read(&lock->owner) == t)
		self_deadlock(&lock->dep_map, "mutex");
	host_abi_lock(&lock->raw);
	owner_write(&lock->owner, t);
	lock_acquire(&lock->dep_map, subclass, 0, 0, 1, NULL, ip);
}

void mutex_lock(struct mutex *lock)
{
	mutex_acquire_common(lock, 0, _RET_IP_);
}
EXPORT_SYMBOL(mutex_lock);

void mutex_lock_nested(struct mutex *lock, unsigned int subclass)
{
	mutex_acquire_common(lock, subclass, _RET_IP_);
}
EXPORT_SYMBOL_GPL(mutex_lock_nested);

int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_acquire_common(lock, 0, _RET_IP_);
	return 0;
}
EXPORT_SYMBOL(mutex_lock_interruptible);

int mutex_lock_killable(struct mutex *lock)
{
	mutex_acquire_common(lock, 0, _RET_IP_);
	return 0;
}
EXPORT_SYMBOL(mutex_lock_killable);

int mutex_trylock(struct mutex *lock)
{
	if (!host_abi_trylock(&lock->raw))
		return 0;
	owner_write(&lock->owner, current);
	lock_acquire(&lock->dep_map, 0, 1, 0, 1, NULL, _RET_IP_);
	return 1;
}
EXPORT_SYMBOL(mutex_trylock);

void mutex_unlock(struct mutex *lock)
{
	struct task_struct *owner = owner_read(&lock->owner);

	if (WARN(owner != current, "%s(%s) by %s, owner %s\n", __func__, map_name(&lock->dep_map),
		 current->comm, owner ? owner->comm : "none"))
		return;
	lock_release(&lock->dep_map, _RET_IP_);
	owner_write(&lock->owner, NULL);
	host_abi_unlock(&lock->raw);
}
EXPORT_SYMBOL(mutex_unlock);

bool mutex_is_locked(struct mutex *lock)
{
	return !!owner_read(&lock->owner);
}
EXPORT_SYMBOL(mutex_is_locked);

void mutex_destroy(struct mutex *lock)
{
	WARN(mutex_is_locked(lock), "%s(%s) of a held mutex\n", __func__,
	     map_name(&lock->dep_map));
}
EXPORT_SYMBOL(mutex_destroy);

int atomic_dec_and_mutex_lock(atomic_t *cnt, struct mutex *lock)
{
	/* Fast path: not the last reference. */
	if (atomic_add_unless(cnt, -1, 1))
		return 0;
	mutex_lock(lock);
	if (!atomic_dec_and_test(cnt)) {
		mutex_unlock(lock);
		return 0;
	}
	return 1;
}
EXPORT_SYMBOL(atomic_dec_and_mutex_lock);

/* ---- spinlocks ---- */

void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name, struct lock_class_key *key)
{
	memset(&lock->raw_lock, 0, sizeof(lock->raw_lock));
	owner_write(&lock->owner, NULL);
	lockdep_init_map(&lock->dep_map, name, key, 0);
}
EXPORT_SYMBOL(__raw_spin_lock_init);

static void spin_acquire_common(raw_spinlock_t *lock, unsigned int subclass, unsigned long ip)
{
	struct task_struct *t = current;

	if (owner_read(&lock->owner) == t)
		self_deadlock(&lock->dep_map, "spinlock");
	host_abi_lock(&lock->raw_lock);
	owner_write(&lock->owner, t);
	lock_acquire(&lock->dep_map, subclass, 0, 0, 1, NULL, ip);
}

void _raw_spin_lock(raw_spinlock_t *lock)
{
	spin_acquire_common(lock, 0, _RET_IP_);
}
EXPORT_SYMBOL(_raw_spin_lock);

void _raw_spin_lock_nested(raw_spinlock_t *lock, int subclass)
{
	spin_acquire_common(lock, subclass, _RET_IP_);
}
EXPORT_SYMBOL(_raw_spin_lock_nested);

int _raw_spin_trylock(raw_spinlock_t *lock)
{
	if (!host_abi_trylock(&lock->raw_lock))
		return 0;
	owner_write(&lock->owner, current);
	lock_acquire(&lock->dep_map, 0, 1, 0, 1, NULL, _RET_IP_);
	return 1;
}
EXPORT_SYMBOL(_raw_spin_trylock);

void _raw_spin_unlock(raw_spinlock_t *lock)
{
	struct task_struct *owner = owner_read(&lock->owner);

	if (WARN(owner != current, "spin_unlock(%s) by %s, owner %s\n", map_name(&lock->dep_map),
		 current->comm, owner ? owner->comm : "none"))
		return;
	lock_release(&lock->dep_map, _RET_IP_);
	owner_write(&lock->owner, NULL);
	host_abi_unlock(&lock->raw_lock);
}
EXPORT_SYMBOL(_raw_spin_unlock);

bool _raw_spin_is_locked(raw_spinlock_t *lock)
{
	return !!owner_read(&lock->owner);
}
EXPORT_SYMBOL(_raw_spin_is_locked);

int atomic_dec_and_lock(atomic_t *atomic, spinlock_t *lock)
{
	if (atomic_add_unless(atomic, -1, 1))
		return 0;
	spin_lock(lock);
	if (atomic_dec_and_test(atomic))
		return 1;
	spin_unlock(lock);
	return 0;
}
EXPORT_SYMBOL(atomic_dec_and_lock);

/* ---- reader/writer core shared by rw_semaphore and rwlock_t ---- */

/**
 * struct rw_core - pointers to the state of a reader/writer lock
 * @wait_lock: host mutex protecting the state
 * @wait: condition variable for blocked tasks
 * @count: readers inside, or -1 for a writer
 * @writers_waiting: writers blocked (NULL: readers never yield to writers)
 * @owner: the writer
 */
struct rw_core {
	arch_spinlock_t *wait_lock;
	arch_cond_t *wait;
	long *count;
	int *writers_waiting;
	struct task_struct **owner;
};

static bool rw_read_try(struct rw_core *c)
{
	bool ok = false;

	host_abi_lock(c->wait_lock);
	if (*c->count >= 0 && !(c->writers_waiting && *c->writers_waiting)) {
		(*c->count)++;
		ok = true;
	}
	host_abi_unlock(c->wait_lock);
	return ok;
}

static void rw_read_lock(struct rw_core *c)
{
	host_abi_lock(c->wait_lock);
	while (*c->count < 0 || (c->writers_waiting && *c->writers_waiting))
		host_abi_cond_wait(c->wait, c->wait_lock);
	(*c->count)++;
	host_abi_unlock(c->wait_lock);
}

static void rw_read_unlock(struct rw_core *c)
{
	host_abi_lock(c->wait_lock);
	if (WARN_ON(*c->count <= 0)) {
		host_abi_unlock(c->wait_lock);
		return;
	}
	if (--(*c->count) == 0)
		host_abi_cond_broadcast(c->wait);
	host_abi_unlock(c->wait_lock);
}

static bool rw_write_try(struct rw_core *c)
{
	bool ok = false;

	host_abi_lock(c->wait_lock);
	if (*c->count == 0) {
		*c->count = -1;
		owner_write(c->owner, current);
		ok = true;
	}
	host_abi_unlock(c->wait_lock);
	return ok;
}

static void rw_write_lock(struct rw_core *c)
{
	struct task_struct *t = current;

	host_abi_lock(c->wait_lock);
	if (c->writers_waiting)
		(*c->writers_waiting)++;
	while (*c->count != 0)
		host_abi_cond_wait(c->wait, c->wait_lock);
	if (c->writers_waiting)
		(*c->writers_waiting)--;
	*c->count = -1;
	owner_write(c->owner, t);
	host_abi_unlock(c->wait_lock);
}

static void rw_write_unlock(struct rw_core *c)
{
	host_abi_lock(c->wait_lock);
	WARN_ON(*c->count != -1);
	*c->count = 0;
	owner_write(c->owner, NULL);
	host_abi_cond_broadcast(c->wait);
	host_abi_unlock(c->wait_lock);
}

static void rw_downgrade(struct rw_core *c)
{
	host_abi_lock(c->wait_lock);
	WARN_ON(*c->count != -1);
	*c->count = 1;
	owner_write(c->owner, NULL);
	host_abi_cond_broadcast(c->wait);
	host_abi_unlock(c->wait_lock);
}

/* ---- rw_semaphore ---- */

static struct rw_core sem_core(struct rw_semaphore *sem)
{
	return (struct rw_core){
		&sem->wait_lock, &sem->wait, &sem->count, &sem->writers_waiting, &sem->owner
	};
}

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key)
{
	memset(sem, 0, sizeof(*sem));
	lockdep_init_map(&sem->dep_map, name, key, 0);
}
EXPORT_SYMBOL(__init_rwsem);

int rwsem_is_locked(struct rw_semaphore *sem)
{
	return __atomic_load_n(&sem->count, __ATOMIC_RELAXED) != 0;
}
EXPORT_SYMBOL(rwsem_is_locked);

static void sem_check_read(struct rw_semaphore *sem)
{
	if (owner_read(&sem->owner) == current)
		self_deadlock(&sem->dep_map, "rw_semaphore (read, while holding it for write)");
	WARN(lock_is_held(&sem->dep_map), "recursive down_read(%s): deadlocks against a waiting writer\n",
	     map_name(&sem->dep_map));
}

static void sem_check_write(struct rw_semaphore *sem)
{
	if (lock_is_held(&sem->dep_map) && !current->lockdep_overflow)
		self_deadlock(&sem->dep_map, "rw_semaphore (write)");
}

void down_read(struct rw_semaphore *sem)
{
	struct rw_core c = sem_core(sem);

	sem_check_read(sem);
	rw_read_lock(&c);
	lock_acquire(&sem->dep_map, 0, 0, 1, 1, NULL, _RET_IP_);
}
EXPORT_SYMBOL(down_read);

int down_read_interruptible(struct rw_semaphore *sem)
{
	down_read(sem);
	return 0;
}
EXPORT_SYMBOL(down_read_interruptible);

int down_read_killable(struct rw_semaphore *sem)
{
	down_read(sem);
	return 0;
}
EXPORT_SYMBOL(down_read_killable);

int down_read_trylock(struct rw_semaphore *sem)
{
	struct rw_core c = sem_core(sem);

	if (!rw_read_try(&c))
		return 0;
	lock_acquire(&sem->dep_map, 0, 1, 1, 1, NULL, _RET_IP_);
	return 1;
}
EXPORT_SYMBOL(down_read_trylock);

void down_write(struct rw_semaphore *sem)
{
	struct rw_core c = sem_core(sem);

	sem_check_write(sem);
	rw_write_lock(&c);
	lock_acquire(&sem->dep_map, 0, 0, 0, 1, NULL, _RET_IP_);
}
EXPORT_SYMBOL(down_write);

int down_write_killable(struct rw_semaphore *sem)
{
	down_write(sem);
	return 0;
}
EXPORT_SYMBOL(down_write_killable);

int down_write_trylock(struct rw_semaphore *sem)
{
	struct rw_core c = sem_core(sem);

	if (!rw_write_try(&c))
		return 0;
	lock_acquire(&sem->dep_map, 0, 1, 0, 1, NULL, _RET_IP_);
	return 1;
}
EXPORT_SYMBOL(down_write_trylock);

void up_read(struct rw_semaphore *sem)
{
	struct rw_core c = sem_core(sem);

	lock_release(&sem->dep_map, _RET_IP_);
	rw_read_unlock(&c);
}
EXPORT_SYMBOL(up_read);

void up_write(struct rw_semaphore *sem)
{
	struct rw_core c = sem_core(sem);

	if (WARN(owner_read(&sem->owner) != current,
		 "%s(%s) by a task that is not the writer\n", __func__,
		 map_name(&sem->dep_map)))
		return;
	lock_release(&sem->dep_map, _RET_IP_);
	rw_write_unlock(&c);
}
EXPORT_SYMBOL(up_write);

void downgrade_write(struct rw_semaphore *sem)
{
	struct rw_core c = sem_core(sem);

	if (WARN_ON(owner_read(&sem->owner) != current))
		return;
	lock_release(&sem->dep_map, _RET_IP_);
	rw_downgrade(&c);
	lock_acquire(&sem->dep_map, 0, 0, 1, 1, NULL, _RET_IP_);
}
EXPORT_SYMBOL(downgrade_write);

void down_read_non_owner(struct rw_semaphore *sem)
{
	struct rw_core c = sem_core(sem);

	rw_read_lock(&c);
}
EXPORT_SYMBOL(down_read_non_owner);

void up_read_non_owner(struct rw_semaphore *sem)
{
	struct rw_core c = sem_core(sem);

	rw_read_unlock(&c);
}
EXPORT_SYMBOL(up_read_non_owner);

/* ---- rwlock_t ---- */

static struct rw_core rwlock_core(rwlock_t *l)
{
	return (struct rw_core){ &l->raw_lock, &l->cond, &l->readers, NULL, &l->writer };
}

void __rwlock_init(rwlock_t *lock, const char *name, struct lock_class_key *key)
{
	memset(lock, 0, sizeof(*lock));
	lockdep_init_map(&lock->dep_map, name, key, 0);
}
EXPORT_SYMBOL(__rwlock_init);

void _raw_read_lock(rwlock_t *lock)
{
	struct rw_core c = rwlock_core(lock);

	if (owner_read(&lock->writer) == current)
		self_deadlock(&lock->dep_map, "rwlock (read, while holding it for write)");
	rw_read_lock(&c);
	lock_acquire(&lock->dep_map, 0, 0, 2, 1, NULL, _RET_IP_);
}
EXPORT_SYMBOL(_raw_read_lock);

int _raw_read_trylock(rwlock_t *lock)
{
	struct rw_core c = rwlock_core(lock);

	if (!rw_read_try(&c))
		return 0;
	lock_acquire(&lock->dep_map, 0, 1, 2, 1, NULL, _RET_IP_);
	return 1;
}
EXPORT_SYMBOL(_raw_read_trylock);

void _raw_read_unlock(rwlock_t *lock)
{
	struct rw_core c = rwlock_core(lock);

	lock_release(&lock->dep_map, _RET_IP_);
	rw_read_unlock(&c);
}
EXPORT_SYMBOL(_raw_read_unlock);

void _raw_write_lock(rwlock_t *lock)
{
	struct rw_core c = rwlock_core(lock);

	if (lock_is_held(&lock->dep_map) && !current->lockdep_overflow)
		self_deadlock(&lock->dep_map, "rwlock (write)");
	rw_write_lock(&c);
	lock_acquire(&lock->dep_map, 0, 0, 0, 1, NULL, _RET_IP_);
}
EXPORT_SYMBOL(_raw_write_lock);

int _raw_write_trylock(rwlock_t *lock)
{
	struct rw_core c = rwlock_core(lock);

	if (!rw_write_try(&c))
		return 0;
	lock_acquire(&lock->dep_map, 0, 1, 0, 1, NULL, _RET_IP_);
	return 1;
}
EXPORT_SYMBOL(_raw_write_trylock);

void _raw_write_unlock(rwlock_t *lock)
{
	struct rw_core c = rwlock_core(lock);

	lock_release(&lock->dep_map, _RET_IP_);
	rw_write_unlock(&c);
}
EXPORT_SYMBOL(_raw_write_unlock);

/* ---- refcount_t slow paths ---- */

void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
	refcount_set(r, REFCOUNT_SATURATED);
	switch (t) {
	case REFCOUNT_ADD_NOT_ZERO_OVF:
		WARN(1, "refcount_t: saturated by an increment; the object will leak\n");
		break;
	case REFCOUNT_ADD_OVF:
		WARN(1, "refcount_t: overflow on increment; the object will leak\n");
		break;
	case REFCOUNT_ADD_UAF:
		WARN(1, "refcount_t: increment of a zero count; use-after-free\n");
		break;
	case REFCOUNT_SUB_UAF:
		WARN(1, "refcount_t: count went below zero; use-after-free\n");
		break;
	case REFCOUNT_DEC_LEAK:
		WARN(1, "refcount_t: refcount_dec() reached zero; the object will leak\n");
		break;
	default:
		WARN(1, "refcount_t: unknown saturation event %d\n", t);
	}
}
EXPORT_SYMBOL(refcount_warn_saturate);

bool refcount_dec_not_one(refcount_t *r)
{
	int val = atomic_read(&r->refs);

	do {
		if (unlikely(val == REFCOUNT_SATURATED))
			return true;
		if (val == 1)
			return false;
		if (unlikely(val <= 0)) {
			refcount_warn_saturate(r, REFCOUNT_SUB_UAF);
			return true;
		}
	} while (!atomic_try_cmpxchg_release(&r->refs, &val, val - 1));
	return true;
}
EXPORT_SYMBOL(refcount_dec_not_one);

bool refcount_dec_if_one(refcount_t *r)
{
	int val = 1;

	return atomic_try_cmpxchg_release(&r->refs, &val, 0);
}
EXPORT_SYMBOL(refcount_dec_if_one);

bool refcount_dec_and_mutex_lock(refcount_t *r, struct mutex *lock)
{
	if (refcount_dec_not_one(r))
		return false;
	mutex_lock(lock);
	if (!refcount_dec_and_test(r)) {
		mutex_unlock(lock);
		return false;
	}
	return true;
}
EXPORT_SYMBOL(refcount_dec_and_mutex_lock);

bool refcount_dec_and_lock(refcount_t *r, spinlock_t *lock)
{
	if (refcount_dec_not_one(r))
		return false;
	spin_lock(lock);
	if (!refcount_dec_and_test(r)) {
		spin_unlock(lock);
		return false;
	}
	return true;
}
EXPORT_SYMBOL(refcount_dec_and_lock);
