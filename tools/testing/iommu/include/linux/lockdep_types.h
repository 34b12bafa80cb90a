/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LOCKDEP_TYPES_H
#define _LINUX_LOCKDEP_TYPES_H

#include <linux/types.h>

#define MAX_LOCKDEP_SUBCLASSES	8UL

/**
 * struct lock_class_key - identifies a class of locks by its address
 * @dummy: gives the structure a size so every key has a distinct address
 */
struct lock_class_key {
	char dummy;
};

/**
 * struct lockdep_map - the lock-validator view of one lock instance
 * @key: the class the lock belongs to
 * @name: name for reports
 *
 * The host validator tracks, per thread, which lockdep_maps are held;
 * lockdep_assert_held() and friends query that.
 */
struct lockdep_map {
	struct lock_class_key *key;
	const char *name;
};

/**
 * struct pin_cookie - token of lockdep_pin_lock() (not modelled)
 * @val: unused
 */
struct pin_cookie {
	unsigned int val;
};

#define NIL_COOKIE ((struct pin_cookie){ .val = 0U, })

#define STATIC_LOCKDEP_MAP_INIT(_name, _key) { .name = (_name), .key = (void *)(_key), }

#endif /* _LINUX_LOCKDEP_TYPES_H */
