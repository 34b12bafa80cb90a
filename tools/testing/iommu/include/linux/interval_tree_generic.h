/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INTERVAL_TREE_GENERIC_H
#define _LINUX_INTERVAL_TREE_GENERIC_H

#include <linux/rbtree_augmented.h>

/*
 * INTERVAL_TREE_DEFINE() generates an interval tree over closed intervals
 * [ITSTART(n), ITLAST(n)] stored in ITSTRUCT nodes:
 *
 * ITSTRUCT:   the node type
 * ITRB:       name of its struct rb_node member
 * ITTYPE:     type of the interval ends
 * ITSUBTREE:  member caching the largest ITLAST in the node's subtree
 * ITSTART(n): start of a node's interval
 * ITLAST(n):  last (inclusive) value of a node's interval
 * ITSTATIC:   "static" or empty
 * ITPREFIX:   prefix of the generated functions
 *
 * Nodes are ordered by start; ITSUBTREE lets searches skip subtrees that
 * end before the query.  Generated: ITPREFIX_insert(), _remove(),
 * _iter_first() and _iter_next().
 */
#define INTERVAL_TREE_DEFINE(ITSTRUCT, ITRB, ITTYPE, ITSUBTREE,				\
			     ITSTART, ITLAST, ITSTATIC, ITPREFIX)			\
											\
RB_DECLARE_CALLBACKS_MAX(static, ITPREFIX ## _augment,					\
			 ITSTRUCT, ITRB, ITTYPE, ITSUBTREE, ITLAST);			\
											\
ITSTATIC void ITPREFIX ## _insert(ITSTRUCT *node, struct rb_root_cached *root)		\
{											\
	struct rb_node **link = &root->rb_root.rb_node, *rb_parent = NULL;		\
	ITTYPE start = ITSTART(node), last = ITLAST(node);				\
	ITSTRUCT *parent;								\
	bool leftmost = true;								\
											\
	while (*link) {									\
		rb_parent = *link;							\
		parent = rb_entry(rb_parent, ITSTRUCT, ITRB);				\
		if (parent->ITSUBTREE < last)						\
			parent->ITSUBTREE = last;					\
		if (start < ITSTART(parent)) {						\
			link = &parent->ITRB.rb_left;					\
		} else {								\
			link = &parent->ITRB.rb_right;					\
			leftmost = false;						\
		}									\
	}										\
	node->ITSUBTREE = last;								\
	rb_link_node(&node->ITRB, rb_parent, link);					\
	rb_insert_augmented_cached(&node->ITRB, root, leftmost,				\
				   &ITPREFIX ## _augment);				\
}											\
											\
ITSTATIC void ITPREFIX ## _remove(ITSTRUCT *node, struct rb_root_cached *root)		\
{											\
	rb_erase_augmented_cached(&node->ITRB, root, &ITPREFIX ## _augment);		\
}											\
											\
/* Leftmost node of the subtree at @node overlapping [start, last], or NULL. */	\
static ITSTRUCT *ITPREFIX ## _subtree_search(ITSTRUCT *node, ITTYPE start, ITTYPE last)	\
{											\
	for (;;) {									\
		if (node->ITRB.rb_left) {						\
			ITSTRUCT *__l = rb_entry(node->ITRB.rb_left, ITSTRUCT, ITRB);	\
			if (__l->ITSUBTREE >= start) {					\
				node = __l;						\
				continue;						\
			}								\
		}									\
		if (ITSTART(node) > last)						\
			return NULL;							\
		if (ITLAST(node) >= start)						\
			return node;							\
		if (!node->ITRB.rb_right)						\
			return NULL;							\
		node = rb_entry(node->ITRB.rb_right, ITSTRUCT, ITRB);			\
		if (node->ITSUBTREE < start)						\
			return NULL;							\
	}										\
}											\
											\
ITSTATIC ITSTRUCT *ITPREFIX ## _iter_first(struct rb_root_cached *root,			\
					   ITTYPE start, ITTYPE last)			\
{											\
	ITSTRUCT *node, *leftmost;							\
											\
	if (!root->rb_root.rb_node)							\
		return NULL;								\
	node = rb_entry(root->rb_root.rb_node, ITSTRUCT, ITRB);				\
	if (node->ITSUBTREE < start)							\
		return NULL;								\
	leftmost = rb_entry(root->rb_leftmost, ITSTRUCT, ITRB);				\
	if (ITSTART(leftmost) > last)							\
		return NULL;								\
	return ITPREFIX ## _subtree_search(node, start, last);				\
}											\
											\
ITSTATIC ITSTRUCT *ITPREFIX ## _iter_next(ITSTRUCT *node, ITTYPE start, ITTYPE last)	\
{											\
	struct rb_node *rb = node->ITRB.rb_right, *from;				\
											\
	for (;;) {									\
		if (rb) {								\
			ITSTRUCT *__r = rb_entry(rb, ITSTRUCT, ITRB);			\
			if (__r->ITSUBTREE >= start)					\
				return ITPREFIX ## _subtree_search(__r, start, last);	\
		}									\
		/* Climb to the first ancestor reached from its left side. */	\
		do {									\
			from = &node->ITRB;						\
			rb = rb_parent(from);						\
			if (!rb)							\
				return NULL;						\
			node = rb_entry(rb, ITSTRUCT, ITRB);				\
			rb = node->ITRB.rb_right;					\
		} while (rb == from);							\
		if (ITSTART(node) > last)						\
			return NULL;							\
		if (ITLAST(node) >= start)						\
			return node;							\
	}										\
}

#endif /* _LINUX_INTERVAL_TREE_GENERIC_H */
