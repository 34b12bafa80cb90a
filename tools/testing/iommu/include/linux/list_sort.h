/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LIST_SORT_H
#define _LINUX_LIST_SORT_H

#include <linux/types.h>

struct list_head;

typedef int __attribute__((nonnull(2, 3))) (*list_cmp_func_t)(void *priv,
		const struct list_head *a, const struct list_head *b);

/**
 * list_sort() - stable sort of a list
 * @priv: passed to @cmp
 * @head: the list
 * @cmp: returns > 0 if a must come after b, <= 0 otherwise
 */
__attribute__((nonnull(2, 3)))
void list_sort(void *priv, struct list_head *head, list_cmp_func_t cmp);

#endif /* _LINUX_LIST_SORT_H */
