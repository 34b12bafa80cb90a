/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Walk an index range as a sequence of spans over the union of two
 * interval trees: each span is either covered by the first tree, covered
 * by the second tree only, or covered by neither (a hole). Coverage by the
 * first tree wins where both trees cover an index.
 */
#ifndef __IOMMUFD_DOUBLE_SPAN_H
#define __IOMMUFD_DOUBLE_SPAN_H

#include <linux/interval_tree.h>

/**
 * struct interval_tree_double_span_iter - state of a two-tree span walk
 * @itrees: the two trees; index 0 has priority
 * @next_index: where the span after the current one starts
 * @last_index: the last index of the walk
 * @start_hole: first index of the current span when it is a hole
 * @start_used: first index of the current span when it is used
 * @last_hole: last index of the current span when it is a hole
 * @last_used: last index of the current span when it is used
 * @is_used: 0 for a hole, 1 if @itrees[0] covers the span, 2 if only
 *	@itrees[1] does, -1 once the walk is over
 */
struct interval_tree_double_span_iter {
	struct rb_root_cached *itrees[2];
	unsigned long next_index;
	unsigned long last_index;
	union {
		unsigned long start_hole;
		unsigned long start_used;
	};
	union {
		unsigned long last_hole;
		unsigned long last_used;
	};
	int is_used;
};

void interval_tree_double_span_iter_update(struct interval_tree_double_span_iter *iter);
void interval_tree_double_span_iter_first(struct interval_tree_double_span_iter *iter,
					  struct rb_root_cached *itree1,
					  struct rb_root_cached *itree2,
					  unsigned long first_index,
					  unsigned long last_index);
void interval_tree_double_span_iter_next(struct interval_tree_double_span_iter *iter);

/**
 * interval_tree_double_span_iter_done() - has the walk ended
 * @iter: the iterator
 *
 * Return: true when there are no more spans.
 */
static inline bool
interval_tree_double_span_iter_done(struct interval_tree_double_span_iter *iter)
{
	return iter->is_used == -1;
}

/**
 * interval_tree_double_span_iter_start() - start a walk, for the loop macro
 * @iter: the iterator
 * @itree1: the tree that has priority
 * @itree2: the other tree
 * @first_index: first index of the walk
 * @last_index: last index of the walk
 *
 * Return: @iter.
 */
static inline struct interval_tree_double_span_iter *
interval_tree_double_span_iter_start(struct interval_tree_double_span_iter *iter,
				     struct rb_root_cached *itree1,
				     struct rb_root_cached *itree2,
				     unsigned long first_index,
				     unsigned long last_index)
{
	interval_tree_double_span_iter_first(iter, itree1, itree2, first_index,
					     last_index);
	return iter;
}

/* Visit every span of [first_index, last_index]; span is the iterator */
#define interval_tree_for_each_double_span(span, itree1, itree2, first_index, \
					   last_index)                        \
	for (struct interval_tree_double_span_iter *__dspan =                 \
		     interval_tree_double_span_iter_start(span, itree1, itree2, \
							  first_index,        \
							  last_index);        \
	     !interval_tree_double_span_iter_done(__dspan);                   \
	     interval_tree_double_span_iter_next(__dspan))

#endif /* __IOMMUFD_DOUBLE_SPAN_H */
