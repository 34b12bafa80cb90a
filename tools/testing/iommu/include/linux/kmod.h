/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KMOD_H
#define _LINUX_KMOD_H

#include <linux/errno.h>

/* No module loader on the host: requests succeed trivially. */
#define request_module(mod...)		0
#define request_module_nowait(mod...)	0

#endif /* _LINUX_KMOD_H */
