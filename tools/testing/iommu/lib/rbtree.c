// SPDX-License-Identifier: GPL-2.0
/*
 * Red-black trees, written for the host environment.
 *
 * Colour lives in bit 0 of __rb_parent_color (0 red, 1 black).  Insertion
 * and deletion follow the textbook algorithms (case analysis on the
 * uncle, respectively the sibling, of the node being fixed); every
 * rotation is reported to the augmentation callbacks so that augmented
 * trees stay consistent.
 */
#include <linux/export.h>
#include <linux/rbtree_augmented.h>

static inline struct rb_node *parent_of(const struct rb_node *n)
{
	return rb_parent(n);
}

static inline bool is_black(const struct rb_node *n)
{
	return !n || rb_is_black(n);
}

static inline bool is_red(const struct rb_node *n)
{
	return n && rb_is_red(n);
}

static inline void set_parent(struct rb_node *n, struct rb_node *p)
{
	n->__rb_parent_color = (unsigned long)p | rb_color(n);
}

static inline void set_color(struct rb_node *n, int color)
{
	n->__rb_parent_color = (n->__rb_parent_color & ~1UL) | color;
}

static inline void set_parent_color(struct rb_node *n, struct rb_node *p, int color)
{
	n->__rb_parent_color = (unsigned long)p | color;
}

/* Make whatever pointed at @old (its parent's child slot or the root) point at @new. */
static inline void swap_child(struct rb_node *old, struct rb_node *new, struct rb_node *parent,
			      struct rb_root *root)
{
	if (!parent)
		WRITE_ONCE(root->rb_node, new);
	else if (parent->rb_left == old)
		WRITE_ONCE(parent->rb_left, new);
	else
		WRITE_ONCE(parent->rb_right, new);
}

/*
 * Rotate so that @x's right child @y takes @x's place and @x becomes
 * @y's left child.
 */
static void rotate_left(struct rb_node *x, struct rb_root *root,
			void (*rotate_cb)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *y = x->rb_right;
	struct rb_node *xp = parent_of(x);

	WRITE_ONCE(x->rb_right, y->rb_left);
	if (y->rb_left)
		set_parent(y->rb_left, x);
	set_parent(y, xp);
	swap_child(x, y, xp, root);
	WRITE_ONCE(y->rb_left, x);
	set_parent(x, y);
	rotate_cb(x, y);
}

/* Mirror image of rotate_left(). */
static void rotate_right(struct rb_node *x, struct rb_root *root,
			 void (*rotate_cb)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *y = x->rb_left;
	struct rb_node *xp = parent_of(x);

	WRITE_ONCE(x->rb_left, y->rb_right);
	if (y->rb_right)
		set_parent(y->rb_right, x);
	set_parent(y, xp);
	swap_child(x, y, xp, root);
	WRITE_ONCE(y->rb_right, x);
	set_parent(x, y);
	rotate_cb(x, y);
}

static void no_rotate(struct rb_node *old, struct rb_node *new)
{
}

static void no_propagate(struct rb_node *node, struct rb_node *stop)
{
}

static void no_copy(struct rb_node *old, struct rb_node *new)
{
}

static const struct rb_augment_callbacks plain_callbacks = {
	.propagate = no_propagate,
	.copy = no_copy,
	.rotate = no_rotate,
};

static void insert_fixup(struct rb_node *node, struct rb_root *root,
			 void (*rotate_cb)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *parent, *gparent, *uncle;

	while ((parent = parent_of(node)) && rb_is_red(parent)) {
		/* A red parent is never the root, so the grandparent exists. */
		gparent = parent_of(parent);
		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (is_red(uncle)) {
				/* Push the grandparent's blackness down one level. */
				set_color(parent, RB_BLACK);
				set_color(uncle, RB_BLACK);
				set_color(gparent, RB_RED);
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) {
				/* Straighten the zig-zag first. */
				rotate_left(parent, root, rotate_cb);
				node = parent;
				parent = parent_of(node);
			}
			rotate_right(gparent, root, rotate_cb);
			set_color(parent, RB_BLACK);
			set_color(gparent, RB_RED);
			break;
		}
		uncle = gparent->rb_left;
		if (is_red(uncle)) {
			set_color(parent, RB_BLACK);
			set_color(uncle, RB_BLACK);
			set_color(gparent, RB_RED);
			node = gparent;
			continue;
		}
		if (node == parent->rb_left) {
			rotate_right(parent, root, rotate_cb);
			node = parent;
			parent = parent_of(node);
		}
		rotate_left(gparent, root, rotate_cb);
		set_color(parent, RB_BLACK);
		set_color(gparent, RB_RED);
		break;
	}
	set_color(root->rb_node, RB_BLACK);
}

/*
 * Restore the black height after a black node was removed above @x
 * (which may be NULL), whose parent is @parent.
 */
static void erase_fixup(struct rb_node *x, struct rb_node *parent, struct rb_root *root,
			void (*rotate_cb)(struct rb_node *old, struct rb_node *new))
{
	struct rb_node *sib;

	while (parent && is_black(x)) {
		if (x == parent->rb_left) {
			sib = parent->rb_right;
			if (is_red(sib)) {
				set_color(sib, RB_BLACK);
				set_color(parent, RB_RED);
				rotate_left(parent, root, rotate_cb);
				sib = parent->rb_right;
			}
			if (is_black(sib->rb_left) && is_black(sib->rb_right)) {
				set_color(sib, RB_RED);
				x = parent;
				parent = parent_of(x);
				continue;
			}
			if (is_black(sib->rb_right)) {
				set_color(sib->rb_left, RB_BLACK);
				set_color(sib, RB_RED);
				rotate_right(sib, root, rotate_cb);
				sib = parent->rb_right;
			}
			set_color(sib, rb_color(parent));
			set_color(parent, RB_BLACK);
			set_color(sib->rb_right, RB_BLACK);
			rotate_left(parent, root, rotate_cb);
			x = root->rb_node;
			break;
		}
		sib = parent->rb_left;
		if (is_red(sib)) {
			set_color(sib, RB_BLACK);
			set_color(parent, RB_RED);
			rotate_right(parent, root, rotate_cb);
			sib = parent->rb_left;
		}
		if (is_black(sib->rb_left) && is_black(sib->rb_right)) {
			set_color(sib, RB_RED);
			x = parent;
			parent = parent_of(x);
			continue;
		}
		if (is_black(sib->rb_left)) {
			set_color(sib->rb_right, RB_BLACK);
			set_color(sib, RB_RED);
			rotate_left(sib, root, rotate_cb);
			sib = parent->rb_left;
		}
		set_color(sib, rb_color(parent));
		set_color(parent, RB_BLACK);
		set_color(sib->rb_left, RB_BLACK);
		rotate_right(parent, root, rotate_cb);
		x = root->rb_node;
		break;
	}
	if (x)
		set_color(x, RB_BLACK);
}

static void do_erase(struct rb_node *node, struct rb_root *root,
		     const struct rb_augment_callbacks *aug)
{
	struct rb_node *child, *parent, *succ;
	bool removed_black;

	if (!node->rb_left || !node->rb_right) {
		/* At most one child: splice the node out. */
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = parent_of(node);
		removed_black = rb_is_black(node);
		swap_child(node, child, parent, root);
		if (child)
			set_parent(child, parent);
		aug->propagate(parent, NULL);
	} else {
		/*
		 * Two children: the in-order successor (leftmost node of the
		 * right subtree, which has no left child) takes the node's
		 * place and colour; the successor's old slot is what shrinks.
		 */
		succ = node->rb_right;
		while (succ->rb_left)
			succ = succ->rb_left;
		removed_black = rb_is_black(succ);
		child = succ->rb_right;
		if (succ == node->rb_right) {
			parent = succ;
		} else {
			parent = parent_of(succ);
			WRITE_ONCE(parent->rb_left, child);
			if (child)
				set_parent(child, parent);
			WRITE_ONCE(succ->rb_right, node->rb_right);
			set_parent(node->rb_right, succ);
		}
		WRITE_ONCE(succ->rb_left, node->rb_left);
		set_parent(node->rb_left, succ);
		set_parent_color(succ, parent_of(node), rb_color(node));
		swap_child(node, succ, parent_of(node), root);
		aug->copy(node, succ);
		/* Below the successor's new place, then from there to the root. */
		aug->propagate(parent, succ);
		aug->propagate(succ, NULL);
	}
	if (removed_black)
		erase_fixup(child, parent, root, aug->rotate);
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	insert_fixup(node, root, no_rotate);
}
EXPORT_SYMBOL(rb_insert_color);

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	do_erase(node, root, &plain_callbacks);
}
EXPORT_SYMBOL(rb_erase);

void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
			 const struct rb_augment_callbacks *augment)
{
	insert_fixup(node, root, augment->rotate);
}
EXPORT_SYMBOL(rb_insert_augmented);

void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
			const struct rb_augment_callbacks *augment)
{
	do_erase(node, root, augment);
}
EXPORT_SYMBOL(rb_erase_augmented);

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_left)
		n = n->rb_left;
	return n;
}
EXPORT_SYMBOL(rb_first);

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_right)
		n = n->rb_right;
	return n;
}
EXPORT_SYMBOL(rb_last);

struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *p;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}
	/* Climb until we arrive from a left child. */
	while ((p = parent_of(node)) && node == p->rb_right)
		node = p;
	return p;
}
EXPORT_SYMBOL(rb_next);

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *p;

	if (RB_EMPTY_NODE(node))
		return NULL;
	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}
	while ((p = parent_of(node)) && node == p->rb_left)
		node = p;
	return p;
}
EXPORT_SYMBOL(rb_prev);

void rb_replace_node(struct rb_node *victim, struct rb_node *new, struct rb_root *root)
{
	struct rb_node *parent = parent_of(victim);

	*new = *victim;
	if (victim->rb_left)
		set_parent(victim->rb_left, new);
	if (victim->rb_right)
		set_parent(victim->rb_right, new);
	swap_child(victim, new, parent, root);
}
EXPORT_SYMBOL(rb_replace_node);

/* Deepest first node of a subtree in post-order (children before parents). */
static struct rb_node *leftmost_leaf(const struct rb_node *node)
{
	for (;;) {
		if (node->rb_left)
			node = node->rb_left;
		else if (node->rb_right)
			node = node->rb_right;
		else
			return (struct rb_node *)node;
	}
}

struct rb_node *rb_first_postorder(const struct rb_root *root)
{
	if (!root->rb_node)
		return NULL;
	return leftmost_leaf(root->rb_node);
}
EXPORT_SYMBOL(rb_first_postorder);

struct rb_node *rb_next_postorder(const struct rb_node *node)
{
	const struct rb_node *parent;

	if (!node)
		return NULL;
	parent = parent_of(node);
	if (parent && node == parent->rb_left && parent->rb_right)
		return leftmost_leaf(parent->rb_right);
	return (struct rb_node *)parent;
}
EXPORT_SYMBOL(rb_next_postorder);
