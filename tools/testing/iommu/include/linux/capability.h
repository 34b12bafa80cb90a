/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>

#define CAP_CHOWN		0
#define CAP_DAC_OVERRIDE	1
#define CAP_IPC_LOCK		14
#define CAP_SYS_MODULE		16
#define CAP_SYS_RAWIO		17
#define CAP_SYS_PTRACE		19
#define CAP_SYS_ADMIN		21
#define CAP_SYS_RESOURCE	24
#define CAP_LAST_CAP		40

#define cap_valid(x)	((x) >= 0 && (x) <= CAP_LAST_CAP)

/**
 * capable() - whether the current task has a capability
 * @cap: CAP_* number
 *
 * On the host every capability is granted unless a test revoked it with
 * host_set_capable() (<host/env.h>).
 *
 * Return: true if granted.
 */
bool capable(int cap);

static inline bool ns_capable(void *ns, int cap)
{
	return capable(cap);
}

static inline bool has_capability(void *t, int cap)
{
	return capable(cap);
}

static inline bool perfmon_capable(void)
{
	return capable(CAP_SYS_ADMIN);
}

#endif /* _LINUX_CAPABILITY_H */
