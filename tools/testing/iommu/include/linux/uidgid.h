/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UIDGID_H
#define _LINUX_UIDGID_H

#include <linux/types.h>

/**
 * struct kuid_t - a user id as seen inside the kernel
 * @val: the id
 */
typedef struct {
	uid_t val;
} kuid_t;

/**
 * struct kgid_t - a group id as seen inside the kernel
 * @val: the id
 */
typedef struct {
	gid_t val;
} kgid_t;

#define KUIDT_INIT(value) ((kuid_t){ value })
#define KGIDT_INIT(value) ((kgid_t){ value })
#define GLOBAL_ROOT_UID KUIDT_INIT(0)
#define GLOBAL_ROOT_GID KGIDT_INIT(0)

static inline uid_t __kuid_val(kuid_t uid)
{
	return uid.val;
}

static inline bool uid_eq(kuid_t left, kuid_t right)
{
	return left.val == right.val;
}

#endif /* _LINUX_UIDGID_H */
