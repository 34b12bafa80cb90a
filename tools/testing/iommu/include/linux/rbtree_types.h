/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RBTREE_TYPES_H
#define _LINUX_RBTREE_TYPES_H

/**
 * struct rb_node - a node of a red-black tree, embedded in the user's object
 * @__rb_parent_color: parent pointer with the node colour in bit 0
 * @rb_right: right child
 * @rb_left: left child
 */
struct rb_node {
	unsigned long  __rb_parent_color;
	struct rb_node *rb_right;
	struct rb_node *rb_left;
} __aligned(sizeof(long));

/**
 * struct rb_root - a red-black tree
 * @rb_node: the root node, NULL when empty
 */
struct rb_root {
	struct rb_node *rb_node;
};

/**
 * struct rb_root_cached - a red-black tree that remembers its leftmost node
 * @rb_root: the tree
 * @rb_leftmost: its first node in order, NULL when empty
 */
struct rb_root_cached {
	struct rb_root rb_root;
	struct rb_node *rb_leftmost;
};

#define RB_ROOT ((struct rb_root) { NULL, })
#define RB_ROOT_CACHED ((struct rb_root_cached) { {NULL, }, NULL })

#endif /* _LINUX_RBTREE_TYPES_H */
