/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INTERVAL_TREE_H
#define _LINUX_INTERVAL_TREE_H

#include <linux/rbtree.h>

/**
 * struct interval_tree_node - a closed interval [start, last] in an interval tree
 * @rb: tree linkage
 * @start: first value
 * @last: last value (inclusive)
 * @__subtree_last: largest @last in this node's subtree (private)
 */
struct interval_tree_node {
	struct rb_node rb;
	unsigned long start;
	unsigned long last;
	unsigned long __subtree_last;
};

/**
 * interval_tree_iter_first() - first node (by start) overlapping [start, last]
 * @root: the tree
 * @start: first value of the query
 * @last: last value of the query
 *
 * Return: the node, or NULL.
 */
struct interval_tree_node *interval_tree_iter_first(struct rb_root_cached *root,
						    unsigned long start, unsigned long last);

/**
 * interval_tree_iter_next() - next node overlapping [start, last] after @node
 * @node: a node returned by the previous call
 * @start: first value of the query
 * @last: last value of the query
 *
 * Return: the node, or NULL.
 */
struct interval_tree_node *interval_tree_iter_next(struct interval_tree_node *node,
						   unsigned long start, unsigned long last);

/* Tree updates; the caller serialises them against each other and lookups. */
void interval_tree_remove(struct interval_tree_node *node, struct rb_root_cached *root);
void interval_tree_insert(struct interval_tree_node *node, struct rb_root_cached *root);

/**
 * struct interval_tree_span_iter - walk a range as alternating used/hole spans
 * @start_hole: first index of the current hole
 * @start_used: first index of the current used span
 * @last_hole: last index of the current hole
 * @last_used: last index of the current used span
 * @is_hole: 1 for a hole, 0 for a used span (union of overlapping
 *	intervals), -1 when the walk is done
 */
struct interval_tree_span_iter {
	/* private: */
	/* the nodes around the current span */
	struct interval_tree_node *nodes[2];
	/* where the next span starts, and where the walk ends */
	unsigned long first_index;
	unsigned long last_index;
	/* the tree walked */
	struct rb_root_cached *itree;
	/* public: */
	union {
		unsigned long start_hole;
		unsigned long start_used;
	};
	union {
		unsigned long last_hole;
		unsigned long last_used;
	};
	int is_hole;
};

void interval_tree_span_iter_next(struct interval_tree_span_iter *state);
void interval_tree_span_iter_first(struct interval_tree_span_iter *state,
				   struct rb_root_cached *itree,
				   unsigned long first_index, unsigned long last_index);

/* The walk is finished once is_hole has been set to -1. */
static inline bool interval_tree_span_iter_done(struct interval_tree_span_iter *state)
{
	int kind = state->is_hole;

	return kind < 0;
}

/* Skip ahead so that the next span starts at @new_index. */
void interval_tree_span_iter_advance(struct interval_tree_span_iter *iter,
				     struct rb_root_cached *itree, unsigned long new_index);

#define interval_tree_for_each_span(span, itree, first_index, last_index)	\
	for (interval_tree_span_iter_first(span, itree, first_index, last_index); \
	     !interval_tree_span_iter_done(span);				\
	     interval_tree_span_iter_next(span))

#endif /* _LINUX_INTERVAL_TREE_H */
