/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_ENV_H
#define _HOST_ENV_H

/*
 * Controls of the host environment for the test runner, hardware models
 * and platform code.  Kernel code under drivers/ never includes this.
 */

#include <linux/types.h>

/**
 * host_boot() - bring the host kernel up: run all initcalls in level order
 *
 * Safe to call more than once; only the first call does anything.
 */
void host_boot(void);

/**
 * host_shutdown() - run the exit calls (module_exit) in reverse order
 */
void host_shutdown(void);

/**
 * host_warn_count() - number of WARN*() reports so far
 *
 * Suppressed warnings (kunit_suppress_warning()) are not counted.
 *
 * Return: the count.
 */
unsigned long host_warn_count(void);

/**
 * host_alloc_outstanding() - allocations made and not yet freed
 *
 * Counts kmalloc()-family, kmem_cache, vmalloc() and page allocations.
 * Memory queued with kfree_rcu() counts until the callback ran; call
 * rcu_barrier() first for an exact figure.
 *
 * Return: the number of live allocations.
 */
long host_alloc_outstanding(void);

/**
 * host_alloc_total() - allocations made since start, successful or not
 *
 * Return: the number of calls that reached the fault-injection point.
 */
unsigned long host_alloc_total(void);

/* A console sink: called with each complete line, without its newline. */
typedef void (*host_console_sink_t)(const char *line);

/**
 * host_console_set_sink() - divert the console
 * @fn: the new sink, or NULL to restore the default (standard error)
 *
 * Return: the previous sink (NULL for the default).
 */
host_console_sink_t host_console_set_sink(host_console_sink_t fn);

/**
 * host_console_set_loglevel() - choose which printk levels reach the console
 * @level: messages with a level below this are shown (default 7, which
 *	hides KERN_DEBUG; the environment variable HOST_LOGLEVEL overrides it)
 *
 * Return: the previous level.
 */
int host_console_set_loglevel(int level);

/**
 * host_set_capable() - grant or revoke a capability for capable()
 * @cap: CAP_* number, or -1 for all
 * @granted: the new state
 */
void host_set_capable(int cap, bool granted);

/**
 * host_set_rlimit() - set a resource limit seen by rlimit()
 * @resource: RLIMIT_* number
 * @cur: new soft limit
 */
void host_set_rlimit(unsigned int resource, unsigned long cur);

/**
 * host_random_seed() - reseed get_random_*() for a reproducible sequence
 * @seed: the seed
 */
void host_random_seed(u64 seed);

#endif /* _HOST_ENV_H */
