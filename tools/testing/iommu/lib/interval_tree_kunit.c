// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the red-black tree and the interval tree, checked
 * against brute force on random workloads.
 */
#include <kunit/test.h>
#include <linux/interval_tree.h>
#include <linux/random.h>
#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>
#include <linux/slab.h>

#define NODES		300
#define SPACE		2000

/* Black height of a subtree, or -1 if the red-black rules are broken. */
static int rb_check(struct rb_node *n, unsigned long *last_key, bool *ordered,
		    unsigned long (*key)(struct rb_node *))
{
	int lh, rh;

	if (!n)
		return 1;
	if (rb_is_red(n) && ((n->rb_left && rb_is_red(n->rb_left)) ||
			     (n->rb_right && rb_is_red(n->rb_right))))
		return -1;
	if ((n->rb_left && rb_parent(n->rb_left) != n) ||
	    (n->rb_right && rb_parent(n->rb_right) != n))
		return -1;
	lh = rb_check(n->rb_left, last_key, ordered, key);
	if (key(n) < *last_key)
		*ordered = false;
	*last_key = key(n);
	rh = rb_check(n->rb_right, last_key, ordered, key);
	if (lh < 0 || rh < 0 || lh != rh)
		return -1;
	return lh + (rb_is_black(n) ? 1 : 0);
}

static unsigned long it_key(struct rb_node *n)
{
	return rb_entry(n, struct interval_tree_node, rb)->start;
}

/* The subtree maximum of every node must equal a recomputation. */
static unsigned long it_check_aug(struct kunit *test, struct rb_node *n)
{
	struct interval_tree_node *node;
	unsigned long max;

	if (!n)
		return 0;
	node = rb_entry(n, struct interval_tree_node, rb);
	max = node->last;
	max = max_t(unsigned long, max, it_check_aug(test, n->rb_left));
	max = max_t(unsigned long, max, it_check_aug(test, n->rb_right));
	KUNIT_EXPECT_EQ(test, node->__subtree_last, max);
	return max;
}

static void check_tree(struct kunit *test, struct rb_root_cached *root)
{
	unsigned long last = 0;
	bool ordered = true;

	KUNIT_EXPECT_GT(test, rb_check(root->rb_root.rb_node, &last, &ordered, it_key), 0);
	KUNIT_EXPECT_TRUE(test, ordered);
	if (root->rb_root.rb_node)
		KUNIT_EXPECT_TRUE(test, rb_is_black(root->rb_root.rb_node));
	KUNIT_EXPECT_PTR_EQ(test, root->rb_leftmost, rb_first(&root->rb_root));
	it_check_aug(test, root->rb_root.rb_node);
}

static void interval_tree_random(struct kunit *test)
{
	struct interval_tree_node *nodes;
	bool *in;
	struct rb_root_cached root = RB_ROOT_CACHED;
	unsigned int round, i;

	nodes = kunit_kcalloc(test, NODES, sizeof(*nodes), GFP_KERNEL);
	in = kunit_kcalloc(test, NODES, sizeof(*in), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, nodes);
	KUNIT_ASSERT_NOT_NULL(test, in);
	for (i = 0; i < NODES; i++) {
		nodes[i].start = get_random_u32_below(SPACE);
		nodes[i].last = nodes[i].start + get_random_u32_below(100);
	}
	for (round = 0; round < 4000; round++) {
		unsigned long qs, ql;
		struct interval_tree_node *it;
		unsigned int expect = 0, got = 0;

		i = get_random_u32_below(NODES);
		if (in[i])
			interval_tree_remove(&nodes[i], &root);
		else
			interval_tree_insert(&nodes[i], &root);
		in[i] = !in[i];
		if (round % 97 == 0)
			check_tree(test, &root);

		qs = get_random_u32_below(SPACE + 100);
		ql = qs + get_random_u32_below(50);
		for (i = 0; i < NODES; i++)
			if (in[i] && nodes[i].start <= ql && nodes[i].last >= qs)
				expect++;
		for (it = interval_tree_iter_first(&root, qs, ql); it;
		     it = interval_tree_iter_next(it, qs, ql)) {
			KUNIT_EXPECT_TRUE(test, it->start <= ql && it->last >= qs);
			got++;
		}
		KUNIT_EXPECT_EQ(test, got, expect);
	}
	check_tree(test, &root);
	for (i = 0; i < NODES; i++)
		if (in[i])
			interval_tree_remove(&nodes[i], &root);
	KUNIT_EXPECT_TRUE(test, RB_EMPTY_ROOT(&root.rb_root));
}

static void interval_tree_spans(struct kunit *test)
{
	struct interval_tree_node a = { .start = 10, .last = 19 };
	struct interval_tree_node b = { .start = 15, .last = 29 };
	struct interval_tree_node c = { .start = 40, .last = 49 };
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct interval_tree_span_iter span;
	unsigned long expect[][3] = {
		{ 1, 0, 9 }, { 0, 10, 29 }, { 1, 30, 39 }, { 0, 40, 45 },
	};
	unsigned int n = 0;

	interval_tree_insert(&a, &root);
	interval_tree_insert(&b, &root);
	interval_tree_insert(&c, &root);
	interval_tree_for_each_span(&span, &root, 0, 45) {
		KUNIT_ASSERT_LT(test, n, ARRAY_SIZE(expect));
		KUNIT_EXPECT_EQ(test, (unsigned long)span.is_hole, expect[n][0]);
		if (span.is_hole) {
			KUNIT_EXPECT_EQ(test, span.start_hole, expect[n][1]);
			KUNIT_EXPECT_EQ(test, span.last_hole, expect[n][2]);
		} else {
			KUNIT_EXPECT_EQ(test, span.start_used, expect[n][1]);
			KUNIT_EXPECT_EQ(test, span.last_used, expect[n][2]);
		}
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, ARRAY_SIZE(expect));

	interval_tree_span_iter_first(&span, &root, 12, 100);
	KUNIT_EXPECT_EQ(test, span.is_hole, 0);
	KUNIT_EXPECT_EQ(test, span.start_used, 12UL);
	interval_tree_span_iter_advance(&span, &root, 35);
	KUNIT_EXPECT_EQ(test, span.is_hole, 1);
	KUNIT_EXPECT_EQ(test, span.start_hole, 35UL);
	KUNIT_EXPECT_EQ(test, span.last_hole, 39UL);
	interval_tree_span_iter_advance(&span, &root, 101);
	KUNIT_EXPECT_TRUE(test, interval_tree_span_iter_done(&span));
}

/**
 * struct knode - a keyed rbtree node for the plain rbtree test
 * @rb: tree link
 * @key: sort key
 */
struct knode {
	struct rb_node rb;
	unsigned long key;
};

static bool knode_less(struct rb_node *a, const struct rb_node *b)
{
	return rb_entry(a, struct knode, rb)->key < rb_entry(b, struct knode, rb)->key;
}

static unsigned long knode_key(struct rb_node *n)
{
	return rb_entry(n, struct knode, rb)->key;
}

static void rbtree_order_and_postorder(struct kunit *test)
{
	struct knode *nodes = kunit_kcalloc(test, 500, sizeof(*nodes), GFP_KERNEL);
	struct rb_root root = RB_ROOT;
	struct knode *pos, *n;
	unsigned long last = 0;
	bool ordered = true;
	struct rb_node *it;
	unsigned int i, count = 0;

	KUNIT_ASSERT_NOT_NULL(test, nodes);
	for (i = 0; i < 500; i++) {
		nodes[i].key = get_random_u32_below(10000);
		rb_add(&nodes[i].rb, &root, knode_less);
	}
	for (i = 0; i < 500; i += 3)
		rb_erase(&nodes[i].rb, &root);
	KUNIT_EXPECT_GT(test, rb_check(root.rb_node, &last, &ordered, knode_key), 0);
	KUNIT_EXPECT_TRUE(test, ordered);
	last = 0;
	for (it = rb_first(&root); it; it = rb_next(it)) {
		KUNIT_EXPECT_GE(test, knode_key(it), last);
		last = knode_key(it);
		count++;
	}
	KUNIT_EXPECT_EQ(test, count, 500 - 167);
	count = 0;
	rbtree_postorder_for_each_entry_safe(pos, n, &root, rb)
		count++;
	KUNIT_EXPECT_EQ(test, count, 500 - 167);
}

static struct kunit_case hostenv_interval_tree_cases[] = {
	KUNIT_CASE(interval_tree_random),
	KUNIT_CASE(interval_tree_spans),
	KUNIT_CASE(rbtree_order_and_postorder),
	{}
};

static struct kunit_suite hostenv_interval_tree_suite = {
	.name = "hostenv_interval_tree",
	.test_cases = hostenv_interval_tree_cases,
};

kunit_test_suite(hostenv_interval_tree_suite);
