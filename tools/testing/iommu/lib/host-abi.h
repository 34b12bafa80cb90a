/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The boundary between the host environment's kernel-flavour code and its
 * C library glue (the *-libc.c files).  Only plain C types appear here,
 * so both flavours can include it.  Kernel code under drivers/ never
 * includes this file.
 */
#ifndef _HOST_ABI_H
#define _HOST_ABI_H

/* C11's noreturn: a freestanding header, usable by both flavours. */
#include <stdnoreturn.h>

/* ---- memory ---- */

/**
 * host_abi_alloc() - allocate host memory
 * @size: bytes (non-zero)
 * @align: alignment, a power of two
 *
 * Return: the memory, or 0 (NULL) if the C library has none.
 */
void *host_abi_alloc(unsigned long size, unsigned long align);

/**
 * host_abi_free() - release memory from host_abi_alloc()
 * @p: the memory (NULL is ignored)
 */
void host_abi_free(void *p);

/**
 * host_abi_usable_size() - bytes usable in a host_abi_alloc() block
 * @p: the memory
 *
 * Return: the usable size.
 */
unsigned long host_abi_usable_size(void *p);

/* ---- console and process ---- */

/**
 * host_abi_console_write() - write console text to standard error
 * @text: the bytes
 * @len: how many
 */
void host_abi_console_write(const char *text, unsigned long len);

/**
 * host_abi_abort() - print nothing more and abort the process
 */
noreturn void host_abi_abort(void);

/**
 * host_abi_backtrace() - print the caller's stack to standard error
 */
void host_abi_backtrace(void);

/**
 * host_abi_getenv() - read an environment variable
 * @name: its name
 *
 * Return: its value, or NULL.
 */
const char *host_abi_getenv(const char *name);

/**
 * host_abi_getpid() - the process id
 *
 * Return: the pid.
 */
int host_abi_getpid(void);

/**
 * host_abi_gettid() - the calling thread's id
 *
 * Return: the tid.
 */
int host_abi_gettid(void);

/**
 * host_abi_getrlimit() - a resource limit of the host process
 * @resource: RLIMIT_* number (same numbering as Linux)
 * @cur: receives the soft limit
 * @max: receives the hard limit
 *
 * Return: 0, or -1 on failure.
 */
int host_abi_getrlimit(int resource, unsigned long *cur, unsigned long *max);

/**
 * host_abi_getuid() - the real user id of the process
 *
 * Return: the uid.
 */
unsigned int host_abi_getuid(void);

/* ---- locks and condition variables (storage of 64 bytes, zero = initialised) ---- */

#define HOST_ABI_LOCK_BYTES 64

void host_abi_lock(void *lock);
int host_abi_trylock(void *lock);
void host_abi_unlock(void *lock);

void host_abi_rwlock_read(void *rwlock);
void host_abi_rwlock_write(void *rwlock);
void host_abi_rwlock_unlock(void *rwlock);

void host_abi_cond_wait(void *cond, void *lock);

/**
 * host_abi_cond_timedwait() - wait on a condition with a timeout
 * @cond: the condition variable
 * @lock: the host lock held by the caller
 * @timeout_ns: relative timeout in nanoseconds
 *
 * Return: 0 if woken, 1 if the timeout expired.
 */
int host_abi_cond_timedwait(void *cond, void *lock, unsigned long long timeout_ns);
void host_abi_cond_signal(void *cond);
void host_abi_cond_broadcast(void *cond);

/* ---- threads ---- */

/**
 * host_abi_thread_create() - start a host thread
 * @fn: function it runs
 * @arg: argument of @fn
 * @handle: receives a handle for host_abi_thread_join()
 *
 * Return: 0, or a negative errno.
 */
int host_abi_thread_create(void (*fn)(void *arg), void *arg, unsigned long *handle);

/**
 * host_abi_thread_join() - wait for a thread to finish
 * @handle: from host_abi_thread_create()
 */
void host_abi_thread_join(unsigned long handle);

/**
 * host_abi_thread_detach() - let a thread clean up by itself
 * @handle: from host_abi_thread_create()
 */
void host_abi_thread_detach(unsigned long handle);

/**
 * host_abi_thread_at_exit() - run @fn(@arg) when the calling thread exits
 * @fn: the function
 * @arg: its argument
 *
 * One registration per thread; a later call replaces the earlier one.
 */
void host_abi_thread_at_exit(void (*fn)(void *arg), void *arg);

/**
 * host_abi_thread_set_name() - name the calling thread (for debuggers)
 * @name: the name (truncated to 15 characters)
 */
void host_abi_thread_set_name(const char *name);

void host_abi_yield(void);

/* ---- time ---- */

unsigned long long host_abi_monotonic_ns(void);
unsigned long long host_abi_realtime_ns(void);
void host_abi_sleep_ns(unsigned long long ns);

/* ---- user memory ---- */

/**
 * host_abi_probe_read() - copy from possibly invalid memory without faulting
 * @dst: valid destination
 * @src: source that may be unmapped
 * @len: bytes
 *
 * Return: number of bytes copied (a prefix of @len; stops at the first
 * unreadable page).
 */
unsigned long host_abi_probe_read(void *dst, const void *src, unsigned long len);

/**
 * host_abi_probe_write() - copy to possibly invalid memory without faulting
 * @dst: destination that may be unmapped or read-only
 * @src: valid source
 * @len: bytes
 *
 * Return: number of bytes copied (a prefix of @len).
 */
unsigned long host_abi_probe_write(void *dst, const void *src, unsigned long len);

/**
 * host_abi_reserve_va() - reserve an address range so nothing maps there
 * @addr: page-aligned start
 * @len: page-aligned length
 *
 * Return: 0, or -1 if the range could not be reserved.
 */
int host_abi_reserve_va(unsigned long addr, unsigned long len);

/**
 * host_abi_guard_region() - map a region whose tail is inaccessible
 * @len: page-aligned length
 * @accessible: page-aligned length of the readable, writable prefix
 *
 * Return: its address (never unmapped), or NULL.
 */
void *host_abi_guard_region(unsigned long len, unsigned long accessible);

/**
 * host_abi_symbolize() - describe a code address as "symbol+0xoff"
 * @addr: the address
 * @buf: output
 * @len: size of @buf
 *
 * Return: 0 if a symbol was found, -1 otherwise (@buf is then empty).
 */
int host_abi_symbolize(unsigned long addr, char *buf, unsigned long len);

/* ---- entry points of the kernel-flavour side, called by the glue ---- */

/**
 * host_task_exit() - release the task_struct of an exiting thread
 * @task: the task
 */
void host_task_exit(void *task);

#endif /* _HOST_ABI_H */
