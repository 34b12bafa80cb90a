/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/bug.h>
#include <linux/lockdep.h>
#include <linux/cleanup.h>
#include <linux/slab.h>
#include <asm/barrier.h>

/*
 * RCU on the host, chosen for obvious correctness rather than speed:
 * the outermost rcu_read_lock() of a thread takes the read side of one
 * global reader/writer lock and synchronize_rcu() takes (and drops) its
 * write side, so it returns only after every read-side critical section
 * that had started has ended.  call_rcu() callbacks are queued to a
 * worker thread that waits for a grace period and then runs them;
 * rcu_barrier() waits until every queued callback has run.
 *
 * rcu_dereference_check() and rcu_dereference_protected() WARN (once per
 * call site) when neither the given condition nor an RCU read-side
 * critical section protects the access.
 */

void __rcu_read_lock(void);
void __rcu_read_unlock(void);

/**
 * rcu_read_lock_held() - whether the current thread is in an RCU reader
 *
 * Return: 1 inside rcu_read_lock()/rcu_read_unlock().
 */
int rcu_read_lock_held(void);

static inline int rcu_read_lock_any_held(void)
{
	return rcu_read_lock_held();
}

static inline int rcu_read_lock_bh_held(void)
{
	return rcu_read_lock_held();
}

static inline int rcu_read_lock_sched_held(void)
{
	return rcu_read_lock_held();
}

static __always_inline void rcu_read_lock(void) __acquires(RCU)
{
	__rcu_read_lock();
}

static __always_inline void rcu_read_unlock(void) __releases(RCU)
{
	__rcu_read_unlock();
}

#define rcu_read_lock_bh()		rcu_read_lock()
#define rcu_read_unlock_bh()		rcu_read_unlock()
#define rcu_read_lock_sched()		rcu_read_lock()
#define rcu_read_unlock_sched()		rcu_read_unlock()
#define rcu_read_lock_sched_notrace()	rcu_read_lock()
#define rcu_read_unlock_sched_notrace()	rcu_read_unlock()

/**
 * synchronize_rcu() - wait for all pre-existing RCU readers to finish
 */
void synchronize_rcu(void);
#define synchronize_rcu_expedited()	synchronize_rcu()
#define synchronize_net()		synchronize_rcu()

/**
 * call_rcu() - run @func(@head) after a grace period, on the RCU worker
 * @head: the callback structure, usually embedded in the object
 * @func: the callback
 */
void call_rcu(struct rcu_head *head, rcu_callback_t func);
#define call_rcu_hurry(head, func)	call_rcu(head, func)

/**
 * rcu_barrier() - wait until every callback queued so far has run
 */
void rcu_barrier(void);

#define RCU_LOCKDEP_WARN(c, s) ((void)WARN_ONCE((c), "%s", s))
#define rcu_lockdep_assert(c, s) RCU_LOCKDEP_WARN(!(c), s)

#define rcu_sleep_check() do { } while (0)

#define __rcu_access_pointer(p) ({ (typeof(*(p)) __force *)READ_ONCE(p); })

#define __rcu_deref_checked(p, c, what) ({				\
	RCU_LOCKDEP_WARN(!(c), "suspicious " what "() usage");		\
	(typeof(*(p)) __force *)READ_ONCE(p);				\
})

#define rcu_access_pointer(p)	__rcu_access_pointer(p)
#define rcu_dereference_raw(p)	__rcu_access_pointer(p)
#define rcu_dereference_raw_check(p) __rcu_access_pointer(p)

#define rcu_dereference_check(p, c) \
	__rcu_deref_checked(p, (c) || rcu_read_lock_held(), "rcu_dereference_check")
#define rcu_dereference_bh_check(p, c) rcu_dereference_check(p, c)
#define rcu_dereference_sched_check(p, c) rcu_dereference_check(p, c)
#define rcu_dereference_protected(p, c) \
	__rcu_deref_checked(p, c, "rcu_dereference_protected")

#define rcu_dereference(p)		rcu_dereference_check(p, 0)
#define rcu_dereference_bh(p)		rcu_dereference_check(p, 0)
#define rcu_dereference_sched(p)	rcu_dereference_check(p, 0)
#define rcu_pointer_handoff(p)		(p)

/**
 * rcu_assign_pointer() - publish a pointer to an initialised object
 * @p: the RCU-protected pointer
 * @v: the new value
 */
#define rcu_assign_pointer(p, v) \
	__atomic_store_n((typeof(*(p)) __force **)&(p), (typeof(*(p)) __force *)(v), \
			 __ATOMIC_RELEASE)

#define RCU_INIT_POINTER(p, v) \
	WRITE_ONCE(p, (typeof(p))(v))

#define RCU_INITIALIZER(v)	((typeof(*(v)) __force __rcu *)(v))

#define rcu_replace_pointer(rcu_ptr, ptr, c) ({				\
	typeof(ptr) __rrp_tmp = rcu_dereference_protected((rcu_ptr), (c)); \
	rcu_assign_pointer((rcu_ptr), (ptr));				\
	__rrp_tmp;							\
})

static inline void rcu_head_init(struct rcu_head *rhp)
{
	rhp->func = (rcu_callback_t)~0L;
}

static inline bool rcu_head_after_call_rcu(struct rcu_head *rhp, rcu_callback_t f)
{
	return rhp->func == f;
}

#define cond_resched()			({ 0; })
#define cond_resched_rcu()		do { } while (0)
#define rcu_is_watching()		true

DEFINE_LOCK_GUARD_0(rcu, rcu_read_lock(), rcu_read_unlock())

#endif /* _LINUX_RCUPDATE_H */
