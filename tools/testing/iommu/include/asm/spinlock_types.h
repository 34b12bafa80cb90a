/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SPINLOCK_TYPES_H
#define _ASM_SPINLOCK_TYPES_H

/*
 * Storage for the host's native locks.  The host library maps these onto
 * the C library's mutexes, read-write locks and condition variables; an
 * all-zero value is a valid unlocked lock, so statically defined and
 * kzalloc()ed locks work without initialisation.
 */

/**
 * struct arch_spinlock_t - storage of a host mutual-exclusion lock
 * @__opaque: owned by the host library
 */
typedef struct {
	unsigned long long __opaque[8];
} arch_spinlock_t;

/**
 * struct arch_cond_t - storage of a host condition variable
 * @__opaque: owned by the host library
 */
typedef struct {
	unsigned long long __opaque[8];
} arch_cond_t;

#define __ARCH_SPIN_LOCK_UNLOCKED	{ { 0 } }
#define __ARCH_COND_INIT		{ { 0 } }

#endif /* _ASM_SPINLOCK_TYPES_H */
