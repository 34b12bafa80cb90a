/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/container_of.h>
#include <linux/rbtree_types.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/compiler.h>

/*
 * Red-black trees.  The user links a new node where a search ended
 * (rb_link_node()) and then lets the tree rebalance (rb_insert_color());
 * ordering is entirely the user's business.
 */

/* The low two bits of __rb_parent_color hold the colour; the rest the parent. */
#define rb_parent(r)	((struct rb_node *)((r)->__rb_parent_color & ~3UL))
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
#define RB_EMPTY_ROOT(root)	(!READ_ONCE((root)->rb_node))

/* A node that is on no tree has itself as parent. */
#define __rb_self_word(node)	((unsigned long)(node))
#define RB_EMPTY_NODE(node)	(__rb_self_word(node) == (node)->__rb_parent_color)
#define RB_CLEAR_NODE(node)	((node)->__rb_parent_color = __rb_self_word(node))

/* rb_entry() that passes NULL through. */
#define rb_entry_safe(ptr, type, member) ({				\
	typeof(ptr) __rbes_p = (ptr);					\
									\
	__rbes_p ? rb_entry(__rbes_p, type, member) : NULL;		\
})

/**
 * rb_insert_color() - rebalance after linking a new node
 * @node: the node, linked with rb_link_node()
 * @root: the tree
 */
void rb_insert_color(struct rb_node *node, struct rb_root *root);

/**
 * rb_erase() - remove a node from its tree
 * @node: the node
 * @root: the tree
 */
void rb_erase(struct rb_node *node, struct rb_root *root);

/**
 * rb_replace_node() - put @new exactly where @victim is, without rebalancing
 * @victim: node on the tree
 * @new: node that takes its place (same sort position)
 * @root: the tree
 */
void rb_replace_node(struct rb_node *victim, struct rb_node *new, struct rb_root *root);

/* In-order walks */
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_next(const struct rb_node *node);

/* Post-order walk: children before parents, handy for freeing a tree. */
struct rb_node *rb_next_postorder(const struct rb_node *node);
struct rb_node *rb_first_postorder(const struct rb_root *root);

/**
 * rb_link_node() - attach a new red leaf where a search ended
 * @node: the new node
 * @parent: the last node visited, or NULL for an empty tree
 * @rb_link: the child pointer of @parent (or the root pointer) to fill
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	/* No children yet; colour bits 0 (red) under the parent pointer. */
	node->rb_right = NULL;
	node->rb_left = NULL;
	node->__rb_parent_color = (unsigned long)parent;
	*rb_link = node;
}

#define rb_link_node_rcu(node, parent, link) rb_link_node(node, parent, link)

/*
 * Post-order walk over entries; @n is fetched before the body runs, so the
 * body may free @pos (without rebalancing the tree).
 */
#define rbtree_postorder_for_each_entry_safe(pos, n, root, field)		\
	for ((pos) = rb_entry_safe(rb_first_postorder(root), typeof(*(pos)), field); \
	     (pos) && ({							\
		(n) = rb_entry_safe(rb_next_postorder(&(pos)->field),		\
				    typeof(*(pos)), field);			\
		1; });								\
	     (pos) = (n))

/* ---- Trees that cache their leftmost node ---- */

#define rb_first_cached(root) ((root)->rb_leftmost)

static inline void rb_insert_color_cached(struct rb_node *node, struct rb_root_cached *root,
					  bool leftmost)
{
	rb_insert_color(node, &root->rb_root);
	if (!leftmost)
		return;
	root->rb_leftmost = node;
}

/* Return: the new leftmost node if @node was the leftmost one, else NULL. */
static inline struct rb_node *rb_erase_cached(struct rb_node *node, struct rb_root_cached *root)
{
	struct rb_node *successor;

	if (node != root->rb_leftmost) {
		rb_erase(node, &root->rb_root);
		return NULL;
	}
	successor = rb_next(node);
	root->rb_leftmost = successor;
	rb_erase(node, &root->rb_root);
	return successor;
}

static inline void rb_replace_node_cached(struct rb_node *victim, struct rb_node *new,
					  struct rb_root_cached *root)
{
	rb_replace_node(victim, new, &root->rb_root);
	if (victim == root->rb_leftmost)
		root->rb_leftmost = new;
}

/* ---- Ordered insertion and lookup with caller-supplied comparisons ---- */

/**
 * rb_add_cached() - insert a node ordered by @less
 * @node: the node
 * @tree: the tree
 * @less: true if the first node sorts before the second
 *
 * Return: @node if it became the leftmost node, NULL otherwise.
 */
static __always_inline struct rb_node *
rb_add_cached(struct rb_node *node, struct rb_root_cached *tree,
	      bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **slot = &tree->rb_root.rb_node, *above = NULL;
	bool went_right = false;

	while (*slot) {
		above = *slot;
		if (!less(node, above)) {
			went_right = true;
			slot = &above->rb_right;
			continue;
		}
		slot = &above->rb_left;
	}
	rb_link_node(node, above, slot);
	/* Only a path that never turned right ends at the new minimum. */
	rb_insert_color_cached(node, tree, !went_right);
	return went_right ? NULL : node;
}

/**
 * rb_add() - insert a node ordered by @less
 * @node: the node
 * @tree: the tree
 * @less: true if the first node sorts before the second
 */
static __always_inline void rb_add(struct rb_node *node, struct rb_root *tree,
				   bool (*less)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **slot = &tree->rb_node, *above = NULL;

	for (; *slot; slot = less(node, above) ? &above->rb_left : &above->rb_right)
		above = *slot;
	rb_link_node(node, above, slot);
	rb_insert_color(node, tree);
}

/**
 * rb_find_add() - insert unless an equal node exists
 * @node: the node
 * @tree: the tree
 * @cmp: three-way comparison of two nodes
 *
 * Return: the existing equal node (nothing inserted), or NULL.
 */
static __always_inline struct rb_node *
rb_find_add(struct rb_node *node, struct rb_root *tree,
	    int (*cmp)(struct rb_node *, const struct rb_node *))
{
	struct rb_node **slot = &tree->rb_node, *above = NULL;

	while (*slot) {
		int order;

		above = *slot;
		order = cmp(node, above);
		if (!order)
			return above;
		slot = order < 0 ? &above->rb_left : &above->rb_right;
	}
	rb_link_node(node, above, slot);
	rb_insert_color(node, tree);
	return NULL;
}

/**
 * rb_find() - find a node matching @key
 * @key: what to look for
 * @tree: the tree
 * @cmp: three-way comparison of the key with a node
 *
 * Return: a matching node, or NULL.
 */
static __always_inline struct rb_node *
rb_find(const void *key, const struct rb_root *tree,
	int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *cur = tree->rb_node;

	while (cur) {
		int order = cmp(key, cur);

		if (!order)
			break;
		cur = order < 0 ? cur->rb_left : cur->rb_right;
	}
	return cur;
}

/**
 * rb_find_first() - the leftmost node matching @key
 * @key: what to look for
 * @tree: the tree
 * @cmp: three-way comparison of the key with a node
 *
 * Return: the first matching node in order, or NULL.
 */
static __always_inline struct rb_node *
rb_find_first(const void *key, const struct rb_root *tree,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *cur = tree->rb_node, *found = NULL;

	while (cur) {
		int order = cmp(key, cur);

		if (order > 0) {
			cur = cur->rb_right;
			continue;
		}
		/* A match: remember it, but keep looking further left. */
		if (order == 0)
			found = cur;
		cur = cur->rb_left;
	}
	return found;
}

/* The in-order successor of @node if it also matches @key, else NULL. */
static __always_inline struct rb_node *
rb_next_match(const void *key, struct rb_node *node,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	struct rb_node *succ = rb_next(node);

	if (!succ || cmp(key, succ))
		return NULL;
	return succ;
}

#define rb_for_each(node, key, tree, cmp)				\
	for ((node) = rb_find_first((key), (tree), (cmp));		\
	     (node); (node) = rb_next_match((key), (node), (cmp)))

#endif /* _LINUX_RBTREE_H */
