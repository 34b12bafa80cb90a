/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BH_H
#define _LINUX_BH_H

/* There are no softirqs on the host. */
static inline void local_bh_disable(void)
{
}

static inline void local_bh_enable(void)
{
}

#endif /* _LINUX_BH_H */
