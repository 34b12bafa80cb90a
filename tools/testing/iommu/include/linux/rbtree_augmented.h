/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/compiler.h>
#include <linux/rbtree.h>

/*
 * Augmented red-black trees keep a per-node value computed from the node
 * and its subtrees (e.g. the largest interval end below it).  The tree
 * code calls these hooks whenever the structure changes:
 *   propagate(node, stop) - recompute from node up to (excluding) stop
 *   copy(old, new)        - new takes old's place: copy the value over
 *   rotate(old, new)      - new became the parent of old in a rotation:
 *                           new gets old's value, old is recomputed
 */

/**
 * struct rb_augment_callbacks - how to maintain an augmented value
 * @propagate: recompute values upward from a node
 * @copy: copy the value to a node that replaces another
 * @rotate: fix values after a rotation
 */
struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

/**
 * rb_insert_augmented() - rebalance after linking a node in an augmented tree
 * @node: the new node; the caller already updated the values on its path
 * @root: the tree
 * @augment: the callbacks
 */
void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment);

/**
 * rb_erase_augmented() - remove a node from an augmented tree
 * @node: the node
 * @root: the tree
 * @augment: the callbacks
 */
void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment);

static inline void rb_insert_augmented_cached(struct rb_node *node, struct rb_root_cached *root,
					      bool newleft,
					      const struct rb_augment_callbacks *augment)
{
	if (newleft)
		root->rb_leftmost = node;
	rb_insert_augmented(node, &root->rb_root, augment);
}

static inline void rb_erase_augmented_cached(struct rb_node *node, struct rb_root_cached *root,
					     const struct rb_augment_callbacks *augment)
{
	if (root->rb_leftmost == node)
		root->rb_leftmost = rb_next(node);
	rb_erase_augmented(node, &root->rb_root, augment);
}

/*
 * Generate the three callbacks for a value that RBCOMPUTE(node, exit)
 * recomputes in place; RBCOMPUTE returns true when exit is true and the
 * value did not change (propagation may stop there).
 */
#define RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED, RBCOMPUTE) \
static inline void RBNAME ## _propagate(struct rb_node *rb, struct rb_node *stop)	\
{											\
	while (rb != stop) {								\
		RBSTRUCT *__n = rb_entry(rb, RBSTRUCT, RBFIELD);			\
		if (RBCOMPUTE(__n, true))						\
			break;								\
		rb = rb_parent(&__n->RBFIELD);						\
	}										\
}											\
static inline void RBNAME ## _copy(struct rb_node *rb_old, struct rb_node *rb_new)	\
{											\
	RBSTRUCT *__old = rb_entry(rb_old, RBSTRUCT, RBFIELD);				\
	RBSTRUCT *__new = rb_entry(rb_new, RBSTRUCT, RBFIELD);				\
	__new->RBAUGMENTED = __old->RBAUGMENTED;					\
}											\
static void RBNAME ## _rotate(struct rb_node *rb_old, struct rb_node *rb_new)		\
{											\
	RBSTRUCT *__old = rb_entry(rb_old, RBSTRUCT, RBFIELD);				\
	RBSTRUCT *__new = rb_entry(rb_new, RBSTRUCT, RBFIELD);				\
	__new->RBAUGMENTED = __old->RBAUGMENTED;					\
	RBCOMPUTE(__old, false);							\
}											\
RBSTATIC const struct rb_augment_callbacks RBNAME = {					\
	.propagate = RBNAME ## _propagate,						\
	.copy = RBNAME ## _copy,							\
	.rotate = RBNAME ## _rotate							\
}

/*
 * The common case: the value is the maximum of RBCOMPUTE(node) over the
 * node and its subtrees.
 */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBTYPE,		\
				 RBAUGMENTED, RBCOMPUTE)				\
static inline bool RBNAME ## _compute_max(RBSTRUCT *node, bool exit)			\
{											\
	RBSTRUCT *__child;								\
	RBTYPE __max = RBCOMPUTE(node);							\
	if (node->RBFIELD.rb_left) {							\
		__child = rb_entry(node->RBFIELD.rb_left, RBSTRUCT, RBFIELD);		\
		if (__child->RBAUGMENTED > __max)					\
			__max = __child->RBAUGMENTED;					\
	}										\
	if (node->RBFIELD.rb_right) {							\
		__child = rb_entry(node->RBFIELD.rb_right, RBSTRUCT, RBFIELD);		\
		if (__child->RBAUGMENTED > __max)					\
			__max = __child->RBAUGMENTED;					\
	}										\
	if (exit && node->RBAUGMENTED == __max)						\
		return true;								\
	node->RBAUGMENTED = __max;							\
	return false;									\
}											\
RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED, RBNAME ## _compute_max)

#define RB_RED		0
#define RB_BLACK	1

#define __rb_parent(pc)		((struct rb_node *)((pc) & ~3UL))
#define __rb_color(pc)		((pc) & 1)
#define __rb_is_black(pc)	__rb_color(pc)
#define __rb_is_red(pc)		(!__rb_color(pc))
#define rb_color(rb)		__rb_color((rb)->__rb_parent_color)
#define rb_is_red(rb)		__rb_is_red((rb)->__rb_parent_color)
#define rb_is_black(rb)		__rb_is_black((rb)->__rb_parent_color)

#endif /* _LINUX_RBTREE_AUGMENTED_H */
