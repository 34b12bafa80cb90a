// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of host locks and the lockdep assertions.
 */
#include <kunit/bug.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>

static DEFINE_MUTEX(static_mutex);

static noinline void must_hold_mutex(struct mutex *m)
{
	lockdep_assert_held(m);
}

static noinline void must_not_hold_mutex(struct mutex *m)
{
	lockdep_assert_not_held(m);
}

static noinline void must_hold_spin(spinlock_t *l)
{
	lockdep_assert_held(l);
}

static noinline void must_hold_sem_write(struct rw_semaphore *s)
{
	lockdep_assert_held_write(s);
}

static noinline void must_hold_sem(struct rw_semaphore *s)
{
	lockdep_assert_held(s);
}

static void locks_assert_held_mutex(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(must_hold_mutex);
	DEFINE_SUPPRESSED_WARNING(must_not_hold_mutex);

	START_SUPPRESSED_WARNING(must_hold_mutex);
	START_SUPPRESSED_WARNING(must_not_hold_mutex);
	must_hold_mutex(&static_mutex);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(must_hold_mutex), 1);
	must_not_hold_mutex(&static_mutex);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(must_not_hold_mutex), 0);

	mutex_lock(&static_mutex);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&static_mutex));
	must_hold_mutex(&static_mutex);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(must_hold_mutex), 1);
	must_not_hold_mutex(&static_mutex);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(must_not_hold_mutex), 1);
	mutex_unlock(&static_mutex);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&static_mutex));
	END_SUPPRESSED_WARNING(must_hold_mutex);
	END_SUPPRESSED_WARNING(must_not_hold_mutex);
}

static void locks_assert_held_spin_rwsem(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(must_hold_spin);
	DEFINE_SUPPRESSED_WARNING(must_hold_sem_write);
	DEFINE_SUPPRESSED_WARNING(must_hold_sem);
	DEFINE_SPINLOCK(lock);
	DECLARE_RWSEM(sem);
	unsigned long flags;

	START_SUPPRESSED_WARNING(must_hold_spin);
	START_SUPPRESSED_WARNING(must_hold_sem_write);
	START_SUPPRESSED_WARNING(must_hold_sem);

	spin_lock_irqsave(&lock, flags);
	must_hold_spin(&lock);
	spin_unlock_irqrestore(&lock, flags);
	must_hold_spin(&lock);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(must_hold_spin), 1);

	down_read(&sem);
	must_hold_sem(&sem);
	must_hold_sem_write(&sem);	/* held, but only for reading */
	up_read(&sem);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(must_hold_sem), 0);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(must_hold_sem_write), 1);

	down_write(&sem);
	must_hold_sem_write(&sem);
	downgrade_write(&sem);
	must_hold_sem(&sem);
	KUNIT_EXPECT_TRUE(test, rwsem_is_locked(&sem));
	up_read(&sem);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&sem));
	must_hold_sem(&sem);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(must_hold_sem), 1);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(must_hold_sem_write), 1);

	END_SUPPRESSED_WARNING(must_hold_spin);
	END_SUPPRESSED_WARNING(must_hold_sem_write);
	END_SUPPRESSED_WARNING(must_hold_sem);
}

static void locks_guards(struct kunit *test)
{
	struct mutex m;		/* taken through guards */
	DEFINE_SPINLOCK(lock);

	mutex_init(&m);
	scoped_guard(mutex, &m)
		KUNIT_EXPECT_TRUE(test, lockdep_is_held(&m));
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	{
		guard(spinlock)(&lock);
		KUNIT_EXPECT_TRUE(test, lockdep_is_held(&lock));
	}
	KUNIT_EXPECT_FALSE(test, lockdep_is_held(&lock));
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 1);
	KUNIT_EXPECT_TRUE(test, lockdep_is_held(&m));
	mutex_unlock(&m);
	mutex_destroy(&m);
}

/**
 * struct lock_thread - state of the second thread in locks_cross_thread
 * @m: the mutex both threads use
 * @locked: the thread holds @m
 * @release: the test lets the thread unlock
 * @saw_held: what lockdep_is_held() said in the other thread
 */
struct lock_thread {
	struct mutex *m;	/* see above */
	struct completion locked;
	struct completion release;
	bool saw_held;
};

static int lock_holder(void *data)
{
	struct lock_thread *lt = data;

	mutex_lock(lt->m);
	lt->saw_held = lockdep_is_held(lt->m);
	complete(&lt->locked);
	wait_for_completion(&lt->release);
	mutex_unlock(lt->m);
	return 0;
}

static void locks_cross_thread(struct kunit *test)
{
	struct lock_thread lt = { .m = &static_mutex };
	struct task_struct *t;

	init_completion(&lt.locked);
	init_completion(&lt.release);
	t = kthread_run(lock_holder, &lt, "lock_holder");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	wait_for_completion(&lt.locked);
	/* Held by the other thread: locked, but not by us. */
	KUNIT_EXPECT_TRUE(test, lt.saw_held);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&static_mutex));
	KUNIT_EXPECT_FALSE(test, lockdep_is_held(&static_mutex));
	KUNIT_EXPECT_EQ(test, mutex_trylock(&static_mutex), 0);
	complete(&lt.release);
	mutex_lock(&static_mutex);
	KUNIT_EXPECT_TRUE(test, lockdep_is_held(&static_mutex));
	mutex_unlock(&static_mutex);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
}

static noinline void deref_unprotected(int __rcu **pp)
{
	int *v = rcu_dereference(*pp);

	(void)v;
}

static void locks_rcu(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(deref_unprotected);
	static int value = 5;
	int __rcu *ptr = NULL;

	rcu_assign_pointer(ptr, &value);
	rcu_read_lock();
	KUNIT_EXPECT_TRUE(test, rcu_read_lock_held());
	KUNIT_EXPECT_EQ(test, *rcu_dereference(ptr), 5);
	deref_unprotected(&ptr);
	rcu_read_unlock();
	KUNIT_EXPECT_FALSE(test, rcu_read_lock_held());
	synchronize_rcu();

	START_SUPPRESSED_WARNING(deref_unprotected);
	deref_unprotected(&ptr);
	END_SUPPRESSED_WARNING(deref_unprotected);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(deref_unprotected), 1);
}

static struct kunit_case hostenv_locks_cases[] = {
	KUNIT_CASE(locks_assert_held_mutex),
	KUNIT_CASE(locks_assert_held_spin_rwsem),
	KUNIT_CASE(locks_guards),
	KUNIT_CASE(locks_cross_thread),
	KUNIT_CASE(locks_rcu),
	{}
};

static struct kunit_suite hostenv_locks_suite = {
	.name = "hostenv_locks",
	.test_cases = hostenv_locks_cases,
};

kunit_test_suite(hostenv_locks_suite);
