/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TOPOLOGY_H
#define _LINUX_TOPOLOGY_H

#include <linux/numa.h>

#define cpu_to_node(cpu)	((void)(cpu), 0)
#define numa_mem_id()		0

#endif /* _LINUX_TOPOLOGY_H */
