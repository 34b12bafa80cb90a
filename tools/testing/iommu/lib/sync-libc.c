// SPDX-License-Identifier: GPL-2.0
/*
 * C library glue: locks, condition variables, threads and clocks.
 *
 * Kernel-flavour structures reserve HOST_ABI_LOCK_BYTES of zeroed storage
 * for each pthread object.  With glibc an all-zero pthread_mutex_t,
 * pthread_rwlock_t or pthread_cond_t equals its static initialiser, so no
 * init call is needed; the constructor below checks that assumption once.
 */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "host-abi.h"

static_assert(sizeof(pthread_mutex_t) <= HOST_ABI_LOCK_BYTES, "mutex storage too small");
static_assert(sizeof(pthread_rwlock_t) <= HOST_ABI_LOCK_BYTES, "rwlock storage too small");
static_assert(sizeof(pthread_cond_t) <= HOST_ABI_LOCK_BYTES, "cond storage too small");

static void die(const char *what, int err)
{
	fprintf(stderr, "host: %s failed: %s\n", what, strerror(err));
	abort();
}

__attribute__((constructor)) static void check_zero_init(void)
{
	static const pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	static const pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
	static const pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	static const unsigned char zero[HOST_ABI_LOCK_BYTES];

	if (memcmp(&m, zero, sizeof(m)) || memcmp(&rw, zero, sizeof(rw)) ||
	    memcmp(&c, zero, sizeof(c))) {
		fprintf(stderr, "host: this C library's pthread initialisers are not all-zero\n");
		abort();
	}
}

void host_abi_lock(void *lock)
{
	int err = pthread_mutex_lock(lock);

	if (err)
		die("pthread_mutex_lock", err);
}

int host_abi_trylock(void *lock)
{
	int err = pthread_mutex_trylock(lock);

	if (err && err != EBUSY)
		die("pthread_mutex_trylock", err);
	return err == 0;
}

void host_abi_unlock(void *lock)
{
	int err = pthread_mutex_unlock(lock);

	if (err)
		die("pthread_mutex_unlock", err);
}

void host_abi_rwlock_read(void *rwlock)
{
	int err = pthread_rwlock_rdlock(rwlock);

	if (err)
		die("pthread_rwlock_rdlock", err);
}

void host_abi_rwlock_write(void *rwlock)
{
	int err = pthread_rwlock_wrlock(rwlock);

	if (err)
		die("pthread_rwlock_wrlock", err);
}

void host_abi_rwlock_unlock(void *rwlock)
{
	int err = pthread_rwlock_unlock(rwlock);

	if (err)
		die("pthread_rwlock_unlock", err);
}

void host_abi_cond_wait(void *cond, void *lock)
{
	int err = pthread_cond_wait(cond, lock);

	if (err)
		die("pthread_cond_wait", err);
}

int host_abi_cond_timedwait(void *cond, void *lock, unsigned long long timeout_ns)
{
	struct timespec ts;
	unsigned long long ns;
	int err;

	/* A zero-initialised condition variable measures CLOCK_REALTIME. */
	clock_gettime(CLOCK_REALTIME, &ts);
	ns = (unsigned long long)ts.tv_nsec + timeout_ns % 1000000000ULL;
	ts.tv_sec += timeout_ns / 1000000000ULL + ns / 1000000000ULL;
	ts.tv_nsec = ns % 1000000000ULL;
	err = pthread_cond_timedwait(cond, lock, &ts);
	if (err == ETIMEDOUT)
		return 1;
	if (err)
		die("pthread_cond_timedwait", err);
	return 0;
}

void host_abi_cond_signal(void *cond)
{
	pthread_cond_signal(cond);
}

void host_abi_cond_broadcast(void *cond)
{
	pthread_cond_broadcast(cond);
}

struct thread_start {
	void (*fn)(void *arg);
	void *arg;
};

static void *thread_trampoline(void *data)
{
	struct thread_start start = *(struct thread_start *)data;

	free(data);
	start.fn(start.arg);
	return NULL;
}

int host_abi_thread_create(void (*fn)(void *arg), void *arg, unsigned long *handle)
{
	struct thread_start *start = malloc(sizeof(*start));
	pthread_t tid;
	int err;

	if (!start)
		return -ENOMEM;
	start->fn = fn;
	start->arg = arg;
	err = pthread_create(&tid, NULL, thread_trampoline, start);
	if (err) {
		free(start);
		return -err;
	}
	*handle = (unsigned long)tid;
	return 0;
}

void host_abi_thread_join(unsigned long handle)
{
	pthread_join((pthread_t)handle, NULL);
}

void host_abi_thread_detach(unsigned long handle)
{
	pthread_detach((pthread_t)handle);
}

/* One exit hook per thread, kept in a pthread key whose destructor runs it. */
struct exit_hook {
	void (*fn)(void *arg);
	void *arg;
};

static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void run_exit_hook(void *data)
{
	struct exit_hook *hook = data;

	hook->fn(hook->arg);
	free(hook);
}

static void make_exit_key(void)
{
	int err = pthread_key_create(&exit_key, run_exit_hook);

	if (err)
		die("pthread_key_create", err);
}

void host_abi_thread_at_exit(void (*fn)(void *arg), void *arg)
{
	struct exit_hook *hook;

	pthread_once(&exit_key_once, make_exit_key);
	hook = pthread_getspecific(exit_key);
	if (!hook) {
		hook = malloc(sizeof(*hook));
		if (!hook)
			die("malloc", ENOMEM);
	}
	hook->fn = fn;
	hook->arg = arg;
	pthread_setspecific(exit_key, hook);
}

void host_abi_thread_set_name(const char *name)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%s", name);
	pthread_setname_np(pthread_self(), buf);
}

void host_abi_yield(void)
{
	sched_yield();
}

unsigned long long host_abi_monotonic_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

unsigned long long host_abi_realtime_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

void host_abi_sleep_ns(unsigned long long ns)
{
	struct timespec ts = {
		.tv_sec = ns / 1000000000ULL,
		.tv_nsec = ns % 1000000000ULL,
	};

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}
