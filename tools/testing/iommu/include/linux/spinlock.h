/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/spinlock_types.h>
#include <linux/lockdep.h>
#include <linux/bottom_half.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/cleanup.h>
#include <linux/compiler.h>
#include <linux/typecheck.h>
#include <linux/instruction_pointer.h>
#include <linux/kernel.h>
#include <asm/barrier.h>

/*
 * Spinlocks on the host are host mutexes: waiting threads sleep instead
 * of spinning, which changes nothing for correct code.  Interrupt and
 * bottom-half variants behave like the plain ones; "flags" is set to 0.
 * Taking a lock the thread already holds is reported and aborts the
 * program instead of hanging.
 */

void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name, struct lock_class_key *key);
void _raw_spin_lock(raw_spinlock_t *lock) __acquires(lock);
void _raw_spin_lock_nested(raw_spinlock_t *lock, int subclass) __acquires(lock);
int _raw_spin_trylock(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock) __releases(lock);
bool _raw_spin_is_locked(raw_spinlock_t *lock);

#define raw_spin_lock_init(l) do {					\
	static struct lock_class_key __rsli_key;			\
	__raw_spin_lock_init((l), #l, &__rsli_key);			\
} while (0)

#define raw_spin_lock(l)		_raw_spin_lock(l)
#define raw_spin_lock_nested(l, s)	_raw_spin_lock_nested(l, s)
#define raw_spin_trylock(l)		__cond_lock(l, _raw_spin_trylock(l))
#define raw_spin_unlock(l)		_raw_spin_unlock(l)
#define raw_spin_is_locked(l)		_raw_spin_is_locked(l)
#define raw_spin_lock_irq(l)		_raw_spin_lock(l)
#define raw_spin_unlock_irq(l)		_raw_spin_unlock(l)
#define raw_spin_lock_bh(l)		_raw_spin_lock(l)
#define raw_spin_unlock_bh(l)		_raw_spin_unlock(l)
#define raw_spin_lock_irqsave(l, flags) \
	do { typecheck(unsigned long, flags); (flags) = 0; _raw_spin_lock(l); } while (0)
#define raw_spin_unlock_irqrestore(l, flags) \
	do { typecheck(unsigned long, flags); (void)(flags); _raw_spin_unlock(l); } while (0)
#define raw_spin_trylock_irqsave(l, flags) \
	({ typecheck(unsigned long, flags); (flags) = 0; _raw_spin_trylock(l); })

static __always_inline raw_spinlock_t *spinlock_check(spinlock_t *lock)
{
	return &lock->rlock;
}

#define spin_lock_init(l) do {						\
	static struct lock_class_key __sli_key;				\
	__raw_spin_lock_init(spinlock_check(l), #l, &__sli_key);	\
} while (0)

static __always_inline void spin_lock(spinlock_t *lock) __acquires(lock)
{
	_raw_spin_lock(&lock->rlock);
}

static __always_inline void spin_lock_bh(spinlock_t *lock) __acquires(lock)
{
	_raw_spin_lock(&lock->rlock);
}

static __always_inline void spin_lock_irq(spinlock_t *lock) __acquires(lock)
{
	_raw_spin_lock(&lock->rlock);
}

static __always_inline int spin_trylock(spinlock_t *lock)
{
	return _raw_spin_trylock(&lock->rlock);
}

static __always_inline void spin_unlock(spinlock_t *lock) __releases(lock)
{
	_raw_spin_unlock(&lock->rlock);
}

static __always_inline void spin_unlock_bh(spinlock_t *lock) __releases(lock)
{
	_raw_spin_unlock(&lock->rlock);
}

static __always_inline void spin_unlock_irq(spinlock_t *lock) __releases(lock)
{
	_raw_spin_unlock(&lock->rlock);
}

/**
 * spin_is_locked() - whether any thread holds the lock
 * @lock: the lock
 *
 * Return: non-zero if held.
 */
static __always_inline int spin_is_locked(spinlock_t *lock)
{
	return _raw_spin_is_locked(&lock->rlock);
}

#define spin_lock_nested(l, sub)	_raw_spin_lock_nested(spinlock_check(l), sub)
/* @nl is any lock with a dep_map, held by the caller. */
#define spin_lock_nest_lock(l, nl) do {				\
	typecheck(struct lockdep_map *, &(nl)->dep_map);		\
	spin_lock(l);							\
} while (0)
#define spin_lock_irqsave(l, flags) \
	do { typecheck(unsigned long, flags); (flags) = 0; spin_lock(l); } while (0)
#define spin_lock_irqsave_nested(l, flags, sub) \
	do { typecheck(unsigned long, flags); (flags) = 0; spin_lock_nested(l, sub); } while (0)
#define spin_unlock_irqrestore(l, flags) \
	do { typecheck(unsigned long, flags); (void)(flags); spin_unlock(l); } while (0)
#define spin_trylock_irqsave(l, flags) \
	({ typecheck(unsigned long, flags); (flags) = 0; spin_trylock(l); })
#define spin_trylock_irq(l)		spin_trylock(l)
#define spin_trylock_bh(l)		spin_trylock(l)
/* Nobody ever queues behind a host spinlock long enough to tell. */
static inline int spin_is_contended(spinlock_t *lock)
{
	return 0;
}

#define assert_spin_locked(l)		WARN_ON(!spin_is_locked(l))
#define assert_raw_spin_locked(l)	WARN_ON(!raw_spin_is_locked(l))

DEFINE_LOCK_GUARD_1(raw_spinlock, raw_spinlock_t,
		    raw_spin_lock(_T->lock), raw_spin_unlock(_T->lock))
DEFINE_LOCK_GUARD_1_COND(raw_spinlock, _try, raw_spin_trylock(_T->lock))
DEFINE_LOCK_GUARD_1(raw_spinlock_irq, raw_spinlock_t,
		    raw_spin_lock_irq(_T->lock), raw_spin_unlock_irq(_T->lock))
DEFINE_LOCK_GUARD_1(raw_spinlock_irqsave, raw_spinlock_t,
		    raw_spin_lock_irqsave(_T->lock, _T->flags),
		    raw_spin_unlock_irqrestore(_T->lock, _T->flags),
		    unsigned long flags)

DEFINE_LOCK_GUARD_1(spinlock, spinlock_t, spin_lock(_T->lock), spin_unlock(_T->lock))
DEFINE_LOCK_GUARD_1_COND(spinlock, _try, spin_trylock(_T->lock))
DEFINE_LOCK_GUARD_1(spinlock_irq, spinlock_t, spin_lock_irq(_T->lock), spin_unlock_irq(_T->lock))
DEFINE_LOCK_GUARD_1(spinlock_bh, spinlock_t, spin_lock_bh(_T->lock), spin_unlock_bh(_T->lock))
DEFINE_LOCK_GUARD_1(spinlock_irqsave, spinlock_t,
		    spin_lock_irqsave(_T->lock, _T->flags),
		    spin_unlock_irqrestore(_T->lock, _T->flags),
		    unsigned long flags)
DEFINE_LOCK_GUARD_1_COND(spinlock_irqsave, _try, spin_trylock_irqsave(_T->lock, _T->flags))

/* reader/writer spinlocks */
void __rwlock_init(rwlock_t *lock, const char *name, struct lock_class_key *key);
void _raw_read_lock(rwlock_t *lock) __acquires(lock);
void _raw_write_lock(rwlock_t *lock) __acquires(lock);
int _raw_read_trylock(rwlock_t *lock);
int _raw_write_trylock(rwlock_t *lock);
void _raw_read_unlock(rwlock_t *lock) __releases(lock);
void _raw_write_unlock(rwlock_t *lock) __releases(lock);

#define rwlock_init(l) do {						\
	static struct lock_class_key __rwli_key;			\
	__rwlock_init((l), #l, &__rwli_key);				\
} while (0)
#define read_lock(l)			_raw_read_lock(l)
#define write_lock(l)			_raw_write_lock(l)
#define read_trylock(l)			_raw_read_trylock(l)
#define write_trylock(l)		_raw_write_trylock(l)
#define read_unlock(l)			_raw_read_unlock(l)
#define write_unlock(l)			_raw_write_unlock(l)
#define read_lock_irq(l)		_raw_read_lock(l)
#define read_unlock_irq(l)		_raw_read_unlock(l)
#define write_lock_irq(l)		_raw_write_lock(l)
#define write_unlock_irq(l)		_raw_write_unlock(l)
#define read_lock_bh(l)			_raw_read_lock(l)
#define read_unlock_bh(l)		_raw_read_unlock(l)
#define write_lock_bh(l)		_raw_write_lock(l)
#define write_unlock_bh(l)		_raw_write_unlock(l)
#define read_lock_irqsave(l, flags)	do { (flags) = 0; _raw_read_lock(l); } while (0)
#define read_unlock_irqrestore(l, flags) do { (void)(flags); _raw_read_unlock(l); } while (0)
#define write_lock_irqsave(l, flags)	do { (flags) = 0; _raw_write_lock(l); } while (0)
#define write_unlock_irqrestore(l, flags) do { (void)(flags); _raw_write_unlock(l); } while (0)

DEFINE_LOCK_GUARD_1(read_lock, rwlock_t, read_lock(_T->lock), read_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(write_lock, rwlock_t, write_lock(_T->lock), write_unlock(_T->lock))

/**
 * atomic_dec_and_lock() - decrement; lock @lock if 0 is reached
 * @atomic: the counter
 * @lock: lock taken (and left held) when returning true
 *
 * Return: 1 with @lock held if the counter reached 0.
 */
int atomic_dec_and_lock(atomic_t *atomic, spinlock_t *lock);
#define atomic_dec_and_lock_irqsave(a, l, flags) \
	({ (flags) = 0; atomic_dec_and_lock(a, l); })

#endif /* _LINUX_SPINLOCK_H */
