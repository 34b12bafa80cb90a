/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LIST_SORT_H
#define _LINUX_LIST_SORT_H

#include <linux/compiler.h>

struct list_head;

/*
 * Ordering callback of list_sort(): a positive result puts the first entry
 * after the second; zero or less keeps their current order.
 */
typedef int (*list_cmp_func_t)(void *cmp_arg, const struct list_head *,
			       const struct list_head *);

/**
 * list_sort() - stable sort of a list
 * @priv: passed to @cmp
 * @head: the list
 * @cmp: returns > 0 if a must come after b, <= 0 otherwise
 */
void list_sort(void *priv, struct list_head *head, list_cmp_func_t cmp)
	__attribute__((nonnull(2, 3)));

#endif /* _LINUX_LIST_SORT_H */
