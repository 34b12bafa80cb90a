// SPDX-License-Identifier: GPL-2.0
/*
 * The generic interval tree of unsigned long ranges, and the span
 * iterator that splits a range into used and unused pieces.
 */
#include <linux/export.h>
#include <linux/interval_tree.h>
#include <linux/interval_tree_generic.h>
#include <linux/limits.h>

#define IT_START(n)	((n)->start)
#define IT_LAST(n)	((n)->last)

/*
 * interval_tree_insert(), _remove(), _iter_first() and _iter_next(), global
 * (an empty ITSTATIC).  Linux exports them; with no modules on the host an
 * EXPORT_SYMBOL_GPL() would only repeat that they exist.
 */
INTERVAL_TREE_DEFINE(struct interval_tree_node, rb, unsigned long, __subtree_last,
		     IT_START, IT_LAST, /* global */, interval_tree)

/* Classify the span that starts at iter->first_index. */
static void span_compute(struct interval_tree_span_iter *iter)
{
	unsigned long pos = iter->first_index;
	struct interval_tree_node *node;
	unsigned long end;

	node = interval_tree_iter_first(iter->itree, pos, iter->last_index);
	iter->nodes[0] = node;
	if (!node || node->start > pos) {
		iter->is_hole = 1;
		iter->start_hole = pos;
		iter->last_hole = node ? node->start - 1 : iter->last_index;
		return;
	}

	/* Used: extend while some interval covers the index just past the end. */
	end = node->last;
	while (end < iter->last_index) {
		struct interval_tree_node *next;

		next = interval_tree_iter_first(iter->itree, end + 1, end + 1);
		if (!next)
			break;
		/* Any node covering end + 1 may not reach furthest; take the best. */
		for (; next; next = interval_tree_iter_next(next, end + 1, end + 1))
			if (next->last > end)
				end = next->last;
	}
	iter->nodes[1] = NULL;
	iter->is_hole = 0;
	iter->start_used = pos;
	iter->last_used = end < iter->last_index ? end : iter->last_index;
}

/**
 * interval_tree_span_iter_first() - start walking [first_index, last_index]
 * @iter: the iterator
 * @itree: the tree
 * @first_index: first index of the walk
 * @last_index: last index of the walk (inclusive)
 */
void interval_tree_span_iter_first(struct interval_tree_span_iter *iter,
				   struct rb_root_cached *itree,
				   unsigned long first_index, unsigned long last_index)
{
	iter->itree = itree;
	iter->first_index = first_index;
	iter->last_index = last_index;
	iter->nodes[0] = NULL;
	iter->nodes[1] = NULL;
	if (first_index > last_index) {
		iter->is_hole = -1;
		return;
	}
	span_compute(iter);
}
EXPORT_SYMBOL_GPL(interval_tree_span_iter_first);

/**
 * interval_tree_span_iter_next() - move to the span after the current one
 * @iter: the iterator
 */
void interval_tree_span_iter_next(struct interval_tree_span_iter *iter)
{
	unsigned long last;

	if (iter->is_hole == -1)
		return;
	last = iter->is_hole ? iter->last_hole : iter->last_used;
	if (last >= iter->last_index) {
		iter->is_hole = -1;
		return;
	}
	iter->first_index = last + 1;
	span_compute(iter);
}
EXPORT_SYMBOL_GPL(interval_tree_span_iter_next);

/**
 * interval_tree_span_iter_advance() - restart the walk at a later index
 * @iter: the iterator
 * @itree: the tree (it may have changed since the walk started)
 * @new_index: where the next span starts; past the end finishes the walk
 */
void interval_tree_span_iter_advance(struct interval_tree_span_iter *iter,
				     struct rb_root_cached *itree, unsigned long new_index)
{
	if (iter->is_hole == -1)
		return;
	iter->itree = itree;
	iter->first_index = new_index;
	if (new_index > iter->last_index) {
		iter->is_hole = -1;
		return;
	}
	span_compute(iter);
}
EXPORT_SYMBOL_GPL(interval_tree_span_iter_advance);
