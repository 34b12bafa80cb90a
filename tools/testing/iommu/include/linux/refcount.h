/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/refcount_types.h>

struct mutex;
struct spinlock;

/* Wrapping int arithmetic (the host build has no -fwrapv). */
static inline int __refcount_wrap_add(int a, int b)
{
	return (int)((unsigned int)a + (unsigned int)b);
}

typedef struct spinlock spinlock_t;

/*
 * Reference counts that refuse to wrap.  Any misuse (increment from 0,
 * overflow, decrement to or below 0 where not allowed) pins the counter
 * at REFCOUNT_SATURATED, so the object leaks instead of being freed
 * early, and reports a WARN from refcount_warn_saturate().
 */
#define REFCOUNT_INIT(n)	{ .refs = ATOMIC_INIT(n), }
#define REFCOUNT_MAX		INT_MAX
#define REFCOUNT_SATURATED	(INT_MIN / 2)

/**
 * enum refcount_saturation_type - which misuse a refcount_t detected
 * @REFCOUNT_ADD_NOT_ZERO_OVF: overflow in an *_not_zero() increment
 * @REFCOUNT_ADD_OVF: overflow in an increment
 * @REFCOUNT_ADD_UAF: increment of a counter that was 0
 * @REFCOUNT_SUB_UAF: decrement below 0
 * @REFCOUNT_DEC_LEAK: refcount_dec() reached 0 (the object can never be freed)
 */
enum refcount_saturation_type {
	REFCOUNT_ADD_NOT_ZERO_OVF,
	REFCOUNT_ADD_OVF,
	REFCOUNT_ADD_UAF,
	REFCOUNT_SUB_UAF,
	REFCOUNT_DEC_LEAK,
};

/**
 * refcount_warn_saturate() - saturate a counter and WARN about the misuse
 * @r: the counter
 * @t: what went wrong
 */
void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t);

/*
 * A counter is corrupt when it was already negative (saturated) or when
 * adding @delta to it (with wrap-around) gives a negative value.
 */
static inline bool __refcount_bad_sum(int old, int delta)
{
	if (old < 0)
		return true;
	return __refcount_wrap_add(old, delta) < 0;
}

static inline void refcount_set(refcount_t *r, int n)
{
	atomic_t *cnt = &r->refs;

	atomic_set(cnt, n);
}

static inline void refcount_set_release(refcount_t *r, int n)
{
	atomic_set_release(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return atomic_read(&r->refs);
}

/**
 * refcount_add_not_zero() - add to a counter unless it is 0
 * @i: amount
 * @r: the counter
 *
 * Return: false if the counter was 0 (nothing added), true otherwise.
 */
static inline __must_check bool refcount_add_not_zero(int i, refcount_t *r)
{
	int seen = refcount_read(r);

	/* Retry the add until it lands, or give up once the count is 0. */
	for (;;) {
		if (!seen)
			break;
		if (atomic_try_cmpxchg_relaxed(&r->refs, &seen, __refcount_wrap_add(seen, i)))
			break;
	}

	if (unlikely(__refcount_bad_sum(seen, i)))
		refcount_warn_saturate(r, REFCOUNT_ADD_NOT_ZERO_OVF);
	return seen != 0;
}

static inline __must_check bool refcount_inc_not_zero(refcount_t *r)
{
	return refcount_add_not_zero(1, r);
}

/**
 * refcount_add() - add to a counter that must not be 0
 * @i: amount
 * @r: the counter
 */
static inline void refcount_add(int i, refcount_t *r)
{
	int before = atomic_fetch_add_relaxed(i, &r->refs);

	if (likely(before && !__refcount_bad_sum(before, i)))
		return;
	/* Adding to 0 means the object may already be gone. */
	refcount_warn_saturate(r, before ? REFCOUNT_ADD_OVF : REFCOUNT_ADD_UAF);
}

static inline void refcount_inc(refcount_t *r)
{
	refcount_add(1, r);
}

/**
 * refcount_sub_and_test() - subtract and report whether 0 was reached
 * @i: amount
 * @r: the counter
 *
 * Return: true when the counter dropped to exactly 0 (free the object).
 */
static inline __must_check bool refcount_sub_and_test(int i, refcount_t *r)
{
	int before = atomic_fetch_sub_release(i, &r->refs);

	if (before != i) {
		if (unlikely(__refcount_bad_sum(before, -i)))
			refcount_warn_saturate(r, REFCOUNT_SUB_UAF);
		return false;
	}
	/* Last reference: order the caller's teardown after all prior puts. */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	return true;
}

static inline __must_check bool refcount_dec_and_test(refcount_t *r)
{
	return refcount_sub_and_test(1, r);
}

/**
 * refcount_dec() - decrement a counter that must stay above 0
 * @r: the counter
 */
static inline void refcount_dec(refcount_t *r)
{
	int before = atomic_fetch_sub_release(1, &r->refs);

	/* Reaching 0 here would leak the object: nobody would free it. */
	if (likely(before > 1))
		return;
	refcount_warn_saturate(r, REFCOUNT_DEC_LEAK);
}

/**
 * refcount_dec_not_one() - decrement unless the counter is 1
 * @r: the counter
 *
 * Return: false if the counter was 1 (unchanged), true otherwise.
 */
bool refcount_dec_not_one(refcount_t *r);

/**
 * refcount_dec_if_one() - set the counter from 1 to 0
 * @r: the counter
 *
 * Return: true if it was 1 and is now 0.
 */
bool refcount_dec_if_one(refcount_t *r);

/**
 * refcount_dec_and_mutex_lock() - decrement; lock @lock if 0 is reached
 * @r: the counter
 * @lock: mutex taken (and left held) when returning true
 *
 * Return: true with @lock held if the counter hit 0.
 */
bool refcount_dec_and_mutex_lock(refcount_t *r, struct mutex *lock) __cond_acquires(lock);

/**
 * refcount_dec_and_lock() - decrement; lock @lock if 0 is reached
 * @r: the counter
 * @lock: spinlock taken (and left held) when returning true
 *
 * Return: true with @lock held if the counter hit 0.
 */
bool refcount_dec_and_lock(refcount_t *r, spinlock_t *lock) __cond_acquires(lock);

#endif /* _LINUX_REFCOUNT_H */
