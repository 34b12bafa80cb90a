/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Declarations shared by the kernel-flavour files of the host library.
 */
#ifndef _HOST_INTERNAL_H
#define _HOST_INTERNAL_H

#include <asm/spinlock_types.h>
#include <linux/types.h>

#include "host-abi.h"

static inline void host_raw_lock(arch_spinlock_t *l)
{
	host_abi_lock(l);
}

static inline void host_raw_unlock(arch_spinlock_t *l)
{
	host_abi_unlock(l);
}

/* printk.c: write a fully formatted console message (may lack a newline). */
void host_console_emit(int level, const char *text, size_t len);
/*
 * printk.c: printk() at a LOGLEVEL_* level known only at run time, or at
 * the level of the KERN_* string @kern_level.
 */
__printf(2, 3) void host_printk_level(int level, const char *fmt, ...);
int host_kern_loglevel(const char *kern_level);

/* sched.c: process-wide state. */
bool host_capable(int cap);

/* rcu.c: make sure the callback worker exists. */
void host_rcu_start(void);

/* xarray.c */
struct xarray;
bool host_xa_slot_used(struct xarray *xa, unsigned long index);

/* random.c */
u64 host_random_next(void);

#endif /* _HOST_INTERNAL_H */
