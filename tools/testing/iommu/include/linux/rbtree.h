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

#define rb_parent(r)	((struct rb_node *)((r)->__rb_parent_color & ~3UL))
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
#define RB_EMPTY_ROOT(root)	(!READ_ONCE((root)->rb_node))

/* A node that is on no tree points at itself. */
#define RB_EMPTY_NODE(node)	((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node)	((node)->__rb_parent_color = (unsigned long)(node))

#define rb_entry_safe(ptr, type, member) ({				\
	typeof(ptr) __rbes_p = (ptr);					\
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

struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
struct rb_node *rb_first_postorder(const struct rb_root *root);
struct rb_node *rb_next_postorder(const struct rb_node *node);

/**
 * rb_replace_node() - put @new exactly where @victim is, without rebalancing
 * @victim: node on the tree
 * @new: node that takes its place (same sort position)
 * @root: the tree
 */
void rb_replace_node(struct rb_node *victim, struct rb_node *new, struct rb_root *root);

/**
 * rb_link_node() - attach a new red leaf where a search ended
 * @node: the new node
 * @parent: the last node visited, or NULL for an empty tree
 * @rb_link: the child pointer of @parent (or the root pointer) to fill
 */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **rb_link)
{
	node->__rb_parent_color = (unsigned long)parent;
	node->rb_left = NULL;
	node->rb_right = NULL;
	*rb_link = node;
}

#define rb_link_node_rcu(node, parent, link) rb_link_node(node, parent, link)

#define rbtree_postorder_for_each_entry_safe(pos, n, root, field)		\
	for ((pos) = rb_entry_safe(rb_first_postorder(root), typeof(*(pos)), field); \
	     (pos) && ({ (n) = rb_entry_safe(rb_next_postorder(&(pos)->field), \
				typeof(*(pos)), field); 1; });			\
	     (pos) = (n))

#define rb_first_cached(root) ((root)->rb_leftmost)

static inline void rb_insert_color_cached(struct rb_node *node, struct rb_root_cached *root,
					  bool leftmost)
{
	if (leftmost)
		root->rb_leftmost = node;
	rb_insert_color(node, &root->rb_root);
}

static inline struct rb_node *rb_erase_cached(struct rb_node *node, struct rb_root_cached *root)
{
	struct rb_node *leftmost = NULL;

	if (root->rb_leftmost == node) {
		leftmost = rb_next(node);
		root->rb_leftmost = leftmost;
	}
	rb_erase(node, &root->rb_root);
	return leftmost;
}

static inline void rb_replace_node_cached(struct rb_node *victim, struct rb_node *new,
					  struct rb_root_cached *root)
{
	if (root->rb_leftmost == victim)
		root->rb_leftmost = new;
	rb_replace_node(victim, new, &root->rb_root);
}

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
	struct rb_node **link = &tree->rb_root.rb_node;
	struct rb_node *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (less(node, parent)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(node, parent, link);
	rb_insert_color_cached(node, tree, leftmost);
	return leftmost ? node : NULL;
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
	struct rb_node **link = &tree->rb_node;
	struct rb_node *parent = NULL;

	while (*link) {
		parent = *link;
		link = less(node, parent) ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(node, parent, link);
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
	struct rb_node **link = &tree->rb_node;
	struct rb_node *parent = NULL;
	int c;

	while (*link) {
		parent = *link;
		c = cmp(node, parent);
		if (c < 0)
			link = &parent->rb_left;
		else if (c > 0)
			link = &parent->rb_right;
		else
			return parent;
	}
	rb_link_node(node, parent, link);
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
	struct rb_node *node = tree->rb_node;

	while (node) {
		int c = cmp(key, node);

		if (c < 0)
			node = node->rb_left;
		else if (c > 0)
			node = node->rb_right;
		else
			return node;
	}
	return NULL;
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
	struct rb_node *node = tree->rb_node;
	struct rb_node *match = NULL;

	while (node) {
		int c = cmp(key, node);

		if (c <= 0) {
			if (!c)
				match = node;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return match;
}

static __always_inline struct rb_node *
rb_next_match(const void *key, struct rb_node *node,
	      int (*cmp)(const void *key, const struct rb_node *))
{
	node = rb_next(node);
	if (node && cmp(key, node))
		node = NULL;
	return node;
}

#define rb_for_each(node, key, tree, cmp)				\
	for ((node) = rb_find_first((key), (tree), (cmp));		\
	     (node); (node) = rb_next_match((key), (node), (cmp)))

#endif /* _LINUX_RBTREE_H */
