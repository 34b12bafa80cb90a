/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cutting an index range into spans according to two interval trees at
 * once. Every index of the range lands in exactly one kind of span:
 * covered by the first tree, covered by the second tree but not the
 * first, or covered by neither (a hole). The first tree takes precedence
 * where both cover an index. iommufd uses it to find IOVA that is neither
 * reserved nor mapped, and page indexes that no holder has pinned yet.
 */
#ifndef __IOMMUFD_DOUBLE_SPAN_H
#define __IOMMUFD_DOUBLE_SPAN_H

#include <linux/interval_tree.h>

/**
 * struct interval_tree_double_span_iter - position of a two-tree span walk
 * @itrees: the two trees; the first has precedence
 * @next_index: first index of the current span
 * @last_index: final index of the walk
 * @start_hole: first index of the current span, when it is a hole
 * @start_used: first index of the current span, when it is covered
 * @last_hole: last index of the current span, when it is a hole
 * @last_used: last index of the current span, when it is covered
 * @is_used: 0 for a hole, 1 when the first tree covers the span, 2 when
 *	only the second does, -1 after the last span
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

void dspan_iter_first(struct interval_tree_double_span_iter *iter,
		      struct rb_root_cached *itree1,
		      struct rb_root_cached *itree2,
		      unsigned long first_index, unsigned long last_index);
void dspan_iter_next(struct interval_tree_double_span_iter *iter);

/**
 * dspan_iter_begin() - dspan_iter_first() for use in a for statement
 * @iter: the iterator
 * @itree1: the tree that has precedence
 * @itree2: the other tree
 * @first_index: first index of the walk
 * @last_index: final index of the walk
 *
 * Return: @iter.
 */
static inline struct interval_tree_double_span_iter *
dspan_iter_begin(struct interval_tree_double_span_iter *iter,
		 struct rb_root_cached *itree1, struct rb_root_cached *itree2,
		 unsigned long first_index, unsigned long last_index)
{
	dspan_iter_first(iter, itree1, itree2, first_index, last_index);
	return iter;
}

/**
 * dspan_iter_more() - is there a current span
 * @iter: the iterator
 *
 * Return: false once the walk went past its final index.
 */
static inline bool dspan_iter_more(const struct interval_tree_double_span_iter *iter)
{
	return iter->is_used != -1;
}

/*
 * Loop over the spans of [first_index, last_index]; @span points to the
 * iterator, which holds the current span inside the loop body.
 */
#define interval_tree_for_each_double_span(span, itree1, itree2, first_index, \
					   last_index)                        \
	for (struct interval_tree_double_span_iter *__dsp =                   \
		     dspan_iter_begin(span, itree1, itree2, first_index,      \
				      last_index);                            \
	     dspan_iter_more(__dsp); dspan_iter_next(__dsp))

#endif /* __IOMMUFD_DOUBLE_SPAN_H */
