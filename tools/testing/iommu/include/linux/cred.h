/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/refcount.h>
#include <linux/capability.h>
#include <linux/uidgid.h>

/**
 * struct user_struct - per-user accounting
 * @__count: references
 * @locked_vm: pages charged against RLIMIT_MEMLOCK by this user
 * @uid: the user
 */
struct user_struct {
	refcount_t __count;
	atomic_long_t locked_vm;
	kuid_t uid;
};

/**
 * struct cred - credentials of a task
 * @uid: real user id
 * @euid: effective user id
 * @user: accounting of this user
 */
struct cred {
	kuid_t uid;
	kuid_t euid;
	struct user_struct *user;
};

/**
 * current_user() - the accounting structure of the current task's user
 *
 * Return: the user_struct (a single one for the host process).
 */
struct user_struct *current_user(void);

static inline struct user_struct *get_uid(struct user_struct *u)
{
	refcount_inc(&u->__count);
	return u;
}

void free_uid(struct user_struct *up);

const struct cred *current_cred(void);
#define current_uid()	(current_cred()->uid)
#define current_euid()	(current_cred()->euid)

#endif /* _LINUX_CRED_H */
