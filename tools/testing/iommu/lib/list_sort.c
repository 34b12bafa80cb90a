// SPDX-License-Identifier: GPL-2.0
/*
 * Stable merge sort of a linked list: a bottom-up merge over runs kept in
 * an array indexed by log2 of their length, so no recursion and no
 * allocation.  Runs are singly linked (through ->next) while sorting;
 * ->prev links are rebuilt at the end.
 */
#include <linux/export.h>
#include <linux/list.h>
#include <linux/list_sort.h>

#define MAX_RUNS 64

/* Merge two sorted NULL-terminated chains; a wins ties (stability). */
static struct list_head *merge_runs(void *priv, list_cmp_func_t cmp,
				    struct list_head *a, struct list_head *b)
{
	struct list_head head, *tail = &head;

	while (a && b) {
		if (cmp(priv, a, b) <= 0) {
			tail->next = a;
			a = a->next;
		} else {
			tail->next = b;
			b = b->next;
		}
		tail = tail->next;
	}
	tail->next = a ? a : b;
	return head.next;
}

void list_sort(void *priv, struct list_head *head, list_cmp_func_t cmp)
{
	struct list_head *runs[MAX_RUNS] = { NULL };
	struct list_head *list, *result = NULL, *prev;
	int i, max_level = 0;

	if (list_empty(head) || list_is_singular(head))
		return;
	list = head->next;
	head->prev->next = NULL;

	while (list) {
		struct list_head *node = list;

		list = list->next;
		node->next = NULL;
		/* Carry the new one-element run up like a binary counter. */
		for (i = 0; i < MAX_RUNS - 1 && runs[i]; i++) {
			node = merge_runs(priv, cmp, runs[i], node);
			runs[i] = NULL;
		}
		runs[i] = node;
		if (i > max_level)
			max_level = i;
	}
	/* Older runs hold earlier elements: merge them in front. */
	for (i = 0; i <= max_level; i++)
		if (runs[i])
			result = result ? merge_runs(priv, cmp, runs[i], result) : runs[i];

	prev = head;
	for (list = result; list; list = list->next) {
		list->prev = prev;
		prev->next = list;
		prev = list;
	}
	prev->next = head;
	head->prev = prev;
}
EXPORT_SYMBOL(list_sort);
