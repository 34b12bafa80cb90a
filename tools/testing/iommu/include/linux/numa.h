/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_NUMA_H
#define _LINUX_NUMA_H

#define NODES_SHIFT	0
#define MAX_NUMNODES	1
#define NUMA_NO_NODE	(-1)

static inline int numa_node_id(void)
{
	return 0;
}

#define first_online_node	0
#define first_memory_node	0

#endif /* _LINUX_NUMA_H */
