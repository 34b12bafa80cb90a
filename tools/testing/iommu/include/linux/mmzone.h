/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/bits.h>
#include <linux/types.h>
#include <linux/numa.h>

#define MAX_PAGE_ORDER		10
#define MAX_ORDER		MAX_PAGE_ORDER
#define NR_PAGE_ORDERS		(MAX_PAGE_ORDER + 1)
#define MAX_ORDER_NR_PAGES	BIT(MAX_PAGE_ORDER)

#endif /* _LINUX_MMZONE_H */
