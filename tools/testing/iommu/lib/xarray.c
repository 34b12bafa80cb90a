// SPDX-License-Identifier: GPL-2.0
/*
 * The XArray of the host kernel: a 64-way radix tree.
 *
 * Shape: every node has 64 slots; a node with shift s holds, in slot n,
 * the subtree for indices whose bits [s + 5 : s] equal n.  Leaves have
 * shift 0 and hold entries.  The root covers [0, 64 << root->shift); the
 * tree grows a level on top when a larger index is stored and sheds its
 * top levels again when only slot 0 of the root is used.
 *
 * Per node, "full" has bit n set when slot n is occupied (leaf) or its
 * subtree is completely occupied; this finds the lowest free index for
 * xa_alloc() in O(depth).  marks[m] has bit n set when the entry in slot
 * n, or any entry below it, carries mark m.
 *
 * Writers hold xa_lock.  Readers walk under RCU: slots are published with
 * release stores and read with acquire loads, and nodes are freed only
 * after a grace period, so a reader never touches freed memory.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/xarray.h>

#include "host-internal.h"

#define ALL_SLOTS	(~0UL)

static inline unsigned int mark_nr(xa_mark_t mark)
{
	return (__force unsigned int)mark;
}

static inline struct xa_node *head_of(const struct xarray *xa)
{
	return __atomic_load_n((struct xa_node **)&xa->xa_head, __ATOMIC_ACQUIRE);
}

static inline void set_head(struct xarray *xa, struct xa_node *node)
{
	__atomic_store_n((struct xa_node **)&xa->xa_head, node, __ATOMIC_RELEASE);
}

static inline void *slot_get(const struct xa_node *node, unsigned int off)
{
	return __atomic_load_n((void **)&node->slots[off], __ATOMIC_ACQUIRE);
}

static inline void slot_set(struct xa_node *node, unsigned int off, void *p)
{
	__atomic_store_n((void **)&node->slots[off], p, __ATOMIC_RELEASE);
}

static inline bool mark_test(const struct xa_node *node, unsigned int m, unsigned int off)
{
	return (__atomic_load_n(&node->marks[m], __ATOMIC_RELAXED) >> off) & 1;
}

static inline void mark_assign(struct xa_node *node, unsigned int m, unsigned int off, bool on)
{
	unsigned long v = __atomic_load_n(&node->marks[m], __ATOMIC_RELAXED);

	v = on ? v | (1UL << off) : v & ~(1UL << off);
	__atomic_store_n(&node->marks[m], v, __ATOMIC_RELAXED);
}

static inline bool node_any_mark(const struct xa_node *node, unsigned int m)
{
	return __atomic_load_n(&node->marks[m], __ATOMIC_RELAXED) != 0;
}

/* Largest index a tree whose root has this shift can hold. */
static inline unsigned long max_index(unsigned int shift)
{
	if (shift + XA_CHUNK_SHIFT >= BITS_PER_LONG)
		return ULONG_MAX;
	return (1UL << (shift + XA_CHUNK_SHIFT)) - 1;
}

/* Number of usable slots: a root at shift 60 only has 16. */
static inline unsigned int slot_count(const struct xa_node *node)
{
	if (node->shift + XA_CHUNK_SHIFT > BITS_PER_LONG)
		return 1U << (BITS_PER_LONG - node->shift);
	return XA_CHUNK_SIZE;
}

static inline unsigned int offset_of(const struct xa_node *node, unsigned long index)
{
	return (index >> node->shift) & XA_CHUNK_MASK;
}

static struct xa_node *node_alloc(struct xarray *xa, gfp_t gfp)
{
	if (xa->xa_flags & XA_FLAGS_ACCOUNT)
		gfp |= __GFP_ACCOUNT;
	return kzalloc(sizeof(struct xa_node), gfp);
}

static void node_free(struct xa_node *node)
{
	kfree_rcu(node, rcu);
}

static void update_flag_marks(struct xarray *xa)
{
	struct xa_node *root = head_of(xa);
	unsigned int m;

	for (m = 0; m < XA_MAX_MARKS; m++) {
		gfp_t bit = (__force gfp_t)(1U << (__GFP_BITS_SHIFT + m));

		if (root && node_any_mark(root, m))
			xa->xa_flags |= bit;
		else
			xa->xa_flags &= ~bit;
	}
}

/* Drop top levels that only lead to slot 0, and an empty root. */
static void shrink(struct xarray *xa)
{
	struct xa_node *root;

	while ((root = head_of(xa))) {
		struct xa_node *child;

		if (!root->count) {
			set_head(xa, NULL);
			node_free(root);
			break;
		}
		if (!root->shift || root->count != 1)
			break;
		child = slot_get(root, 0);
		if (!child)
			break;
		child->parent = NULL;
		child->offset = 0;
		set_head(xa, child);
		node_free(root);
	}
}

/* Remove empty nodes from @node upwards (after a failed allocation). */
static void prune_empty(struct xarray *xa, struct xa_node *node)
{
	while (node && !node->count && node->parent) {
		struct xa_node *parent = node->parent;

		slot_set(parent, node->offset, NULL);
		parent->count--;
		node_free(node);
		node = parent;
	}
	shrink(xa);
}

/* Recompute the summary bits of every ancestor of @node. */
static void propagate_up(struct xa_node *node)
{
	while (node->parent) {
		struct xa_node *parent = node->parent;
		unsigned int m;

		if (node->full == ALL_SLOTS)
			parent->full |= 1UL << node->offset;
		else
			parent->full &= ~(1UL << node->offset);
		for (m = 0; m < XA_MAX_MARKS; m++)
			mark_assign(parent, m, node->offset, node_any_mark(node, m));
		node = parent;
	}
}

/* The leaf that holds @index, or NULL.  Writers only. */
static struct xa_node *leaf_of(struct xarray *xa, unsigned long index)
{
	struct xa_node *node = head_of(xa);

	if (!node || index > max_index(node->shift))
		return NULL;
	while (node && node->shift)
		node = slot_get(node, offset_of(node, index));
	return node;
}

/* The raw entry at @index (reserved entries included). */
static void *raw_load(struct xarray *xa, unsigned long index)
{
	struct xa_node *leaf = leaf_of(xa, index);

	return leaf ? slot_get(leaf, index & XA_CHUNK_MASK) : NULL;
}

/*
 * Make the path to @index exist and return its leaf; NULL if a node
 * could not be allocated (the tree is then as it was).
 */
static struct xa_node *make_path(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	struct xa_node *root = head_of(xa), *node;

	if (!root) {
		root = node_alloc(xa, gfp);
		if (!root)
			return NULL;
		/* Start at the height @index needs: no empty chains below. */
		while (index > max_index(root->shift))
			root->shift += XA_CHUNK_SHIFT;
		set_head(xa, root);
	}
	while (index > max_index(root->shift)) {
		struct xa_node *top = node_alloc(xa, gfp);
		unsigned int m;

		if (!top) {
			shrink(xa);
			return NULL;
		}
		top->shift = root->shift + XA_CHUNK_SHIFT;
		top->count = 1;
		if (root->full == ALL_SLOTS)
			top->full = 1;
		for (m = 0; m < XA_MAX_MARKS; m++)
			mark_assign(top, m, 0, node_any_mark(root, m));
		slot_set(top, 0, root);
		root->parent = top;
		root->offset = 0;
		set_head(xa, top);
		root = top;
	}
	node = root;
	while (node->shift) {
		unsigned int off = offset_of(node, index);
		struct xa_node *child = slot_get(node, off);

		if (!child) {
			child = node_alloc(xa, gfp);
			if (!child) {
				prune_empty(xa, node);
				return NULL;
			}
			child->shift = node->shift - XA_CHUNK_SHIFT;
			child->parent = node;
			child->offset = off;
			slot_set(node, off, child);
			node->count++;
		}
		node = child;
	}
	return node;
}

/* Store a non-NULL entry; returns the old entry or XA_ERROR(-ENOMEM). */
static void *do_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	struct xa_node *leaf = make_path(xa, index, gfp);
	unsigned int off = index & XA_CHUNK_MASK;
	void *old;

	if (!leaf)
		return XA_ERROR(-ENOMEM);
	old = slot_get(leaf, off);
	slot_set(leaf, off, entry);
	if (!old) {
		leaf->count++;
		leaf->full |= 1UL << off;
		propagate_up(leaf);
	}
	return old;
}

/* Remove the entry at @index; returns the raw old entry. */
static void *do_erase(struct xarray *xa, unsigned long index)
{
	struct xa_node *leaf = leaf_of(xa, index), *node;
	unsigned int off = index & XA_CHUNK_MASK;
	unsigned int m;
	void *old;

	if (!leaf)
		return NULL;
	old = slot_get(leaf, off);
	if (!old)
		return NULL;
	slot_set(leaf, off, NULL);
	leaf->count--;
	leaf->full &= ~(1UL << off);
	for (m = 0; m < XA_MAX_MARKS; m++)
		mark_assign(leaf, m, off, false);
	propagate_up(leaf);

	/* Free the nodes this left empty. */
	node = leaf;
	while (!node->count && node->parent) {
		struct xa_node *parent = node->parent;

		slot_set(parent, node->offset, NULL);
		parent->count--;
		node_free(node);
		node = parent;
	}
	shrink(xa);
	update_flag_marks(xa);
	return old;
}

/**
 * host_xa_slot_used() - whether an index holds an entry, reserved ones included
 * @xa: the array, with xa_lock held
 * @index: the index
 *
 * Return: true if the slot is occupied.
 */
bool host_xa_slot_used(struct xarray *xa, unsigned long index)
{
	lockdep_assert_held(&xa->xa_lock);
	return !!raw_load(xa, index);
}

static inline void *zero_to_null(void *entry)
{
	return xa_is_zero(entry) ? NULL : entry;
}

/* ---- reads ---- */

void *xa_load(struct xarray *xa, unsigned long index)
{
	struct xa_node *node;
	void *entry = NULL;

	rcu_read_lock();
	node = head_of(xa);
	if (node && index <= max_index(node->shift)) {
		while (node && node->shift)
			node = slot_get(node, offset_of(node, index));
		if (node)
			entry = zero_to_null(slot_get(node, index & XA_CHUNK_MASK));
	}
	rcu_read_unlock();
	return entry;
}
EXPORT_SYMBOL(xa_load);

bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	unsigned int m = mark_nr(mark);
	struct xa_node *node;
	bool ret = false;

	if (WARN_ON_ONCE(m >= XA_MAX_MARKS))
		return false;
	rcu_read_lock();
	node = head_of(xa);
	if (node && index <= max_index(node->shift)) {
		while (node && node->shift) {
			unsigned int off = offset_of(node, index);

			if (!mark_test(node, m, off)) {
				node = NULL;
				break;
			}
			node = slot_get(node, off);
		}
		if (node)
			ret = mark_test(node, m, index & XA_CHUNK_MASK) &&
			      slot_get(node, index & XA_CHUNK_MASK);
	}
	rcu_read_unlock();
	return ret;
}
EXPORT_SYMBOL(xa_get_mark);

/*
 * First entry in the subtree @node (whose first index is @base) with an
 * index in [start, max], that is present (m < 0) or carries mark m.
 */
static void *find_in(struct xa_node *node, unsigned long base, unsigned long start,
		     unsigned long max, int m, unsigned long *found)
{
	unsigned int off = start > base ? (start - base) >> node->shift : 0;
	unsigned int n = slot_count(node);

	for (; off < n; off++) {
		unsigned long sbase = base + ((unsigned long)off << node->shift);
		void *slot;

		if (sbase > max)
			return NULL;
		if (m >= 0 && !mark_test(node, m, off))
			continue;
		slot = slot_get(node, off);
		if (!slot)
			continue;
		if (!node->shift) {
			if (xa_is_zero(slot))
				continue;
			*found = sbase;
			return slot;
		}
		slot = find_in(slot, sbase, start > sbase ? start : sbase, max, m, found);
		if (slot)
			return slot;
	}
	return NULL;
}

static void *find_from(struct xarray *xa, unsigned long start, unsigned long max,
		       xa_mark_t filter, unsigned long *found)
{
	int m = filter == XA_PRESENT ? -1 : (int)mark_nr(filter);
	struct xa_node *root;
	void *entry = NULL;

	if (m >= XA_MAX_MARKS) {
		WARN_ON_ONCE(1);
		return NULL;
	}
	if (start > max)
		return NULL;
	rcu_read_lock();
	root = head_of(xa);
	if (root && start <= max_index(root->shift))
		entry = find_in(root, 0, start, max, m, found);
	rcu_read_unlock();
	return entry;
}

void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter)
{
	unsigned long found;
	void *entry = find_from(xa, *indexp, max, filter, &found);

	if (entry)
		*indexp = found;
	return entry;
}
EXPORT_SYMBOL(xa_find);

void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max,
		    xa_mark_t filter)
{
	unsigned long found;
	void *entry;

	if (*indexp == ULONG_MAX)
		return NULL;
	entry = find_from(xa, *indexp + 1, max, filter, &found);
	if (entry)
		*indexp = found;
	return entry;
}
EXPORT_SYMBOL(xa_find_after);

unsigned int xa_extract(struct xarray *xa, void **dst, unsigned long start, unsigned long max,
			unsigned int n, xa_mark_t filter)
{
	unsigned long index = start;
	unsigned int i = 0;
	void *entry;

	if (!n)
		return 0;
	for (entry = xa_find(xa, &index, max, filter); entry;
	     entry = xa_find_after(xa, &index, max, filter)) {
		dst[i++] = entry;
		if (i == n)
			break;
	}
	return i;
}
EXPORT_SYMBOL(xa_extract);

/* ---- modifications, xa_lock held ---- */

void *__xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	lockdep_assert_held(&xa->xa_lock);
	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return XA_ERROR(-EINVAL);
	if ((xa->xa_flags & XA_FLAGS_TRACK_FREE) && !entry)
		entry = XA_ZERO_ENTRY;
	if (!entry)
		return zero_to_null(do_erase(xa, index));
	return zero_to_null(do_store(xa, index, entry, gfp));
}
EXPORT_SYMBOL(__xa_store);

void *__xa_erase(struct xarray *xa, unsigned long index)
{
	lockdep_assert_held(&xa->xa_lock);
	return zero_to_null(do_erase(xa, index));
}
EXPORT_SYMBOL(__xa_erase);

void *__xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp)
{
	void *curr;

	lockdep_assert_held(&xa->xa_lock);
	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return XA_ERROR(-EINVAL);
	curr = raw_load(xa, index);
	if (curr == old) {
		if (entry) {
			void *r = do_store(xa, index, entry, gfp);

			if (xa_is_err(r))
				return r;
		} else {
			do_erase(xa, index);
		}
	}
	return zero_to_null(curr);
}
EXPORT_SYMBOL(__xa_cmpxchg);

int __xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	void *r;

	lockdep_assert_held(&xa->xa_lock);
	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return -EINVAL;
	if (!entry)
		entry = XA_ZERO_ENTRY;
	if (raw_load(xa, index))
		return -EBUSY;
	r = do_store(xa, index, entry, gfp);
	return xa_err(r);
}
EXPORT_SYMBOL(__xa_insert);

/* Lowest index in [start, max] of the subtree at @node that holds nothing. */
static bool free_in(struct xa_node *node, unsigned long base, unsigned long start,
		    unsigned long max, unsigned long *out)
{
	unsigned int off = start > base ? (start - base) >> node->shift : 0;
	unsigned int n = slot_count(node);

	for (; off < n; off++) {
		unsigned long sbase = base + ((unsigned long)off << node->shift);
		struct xa_node *child;

		if (sbase > max)
			return false;
		if (node->full & (1UL << off))
			continue;
		child = slot_get(node, off);
		if (!node->shift || !child) {
			*out = start > sbase ? start : sbase;
			return *out <= max;
		}
		if (free_in(child, sbase, start > sbase ? start : sbase, max, out))
			return true;
	}
	return false;
}

static bool find_free(struct xarray *xa, unsigned long min, unsigned long max,
		      unsigned long *out)
{
	struct xa_node *root = head_of(xa);
	unsigned long top;

	if (min > max)
		return false;
	if (!root || min > max_index(root->shift)) {
		*out = min;
		return true;
	}
	if (free_in(root, 0, min, max, out))
		return true;
	top = max_index(root->shift);
	if (top == ULONG_MAX || top + 1 > max)
		return false;
	*out = top + 1 > min ? top + 1 : min;
	return true;
}

int __xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, gfp_t gfp)
{
	unsigned long min = limit.min, index;
	void *r;

	lockdep_assert_held(&xa->xa_lock);
	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return -EINVAL;
	if (WARN_ON_ONCE(!(xa->xa_flags & XA_FLAGS_TRACK_FREE)))
		return -EINVAL;
	if (!entry)
		entry = XA_ZERO_ENTRY;
	if ((xa->xa_flags & XA_FLAGS_ZERO_BUSY) && min == 0)
		min = 1;
	if (!find_free(xa, min, limit.max, &index))
		return -EBUSY;
	r = do_store(xa, index, entry, gfp);
	if (xa_is_err(r))
		return xa_err(r);
	*id = index;
	return 0;
}
EXPORT_SYMBOL(__xa_alloc);

int __xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit,
		      u32 *next, gfp_t gfp)
{
	u32 min = limit.min;
	int ret;

	limit.min = max(min, *next);
	ret = __xa_alloc(xa, id, entry, limit, gfp);
	/* The previous allocation took the very last u32: this one wrapped. */
	if (ret == 0 && (xa->xa_flags & XA_FLAGS_ALLOC_WRAPPED)) {
		xa->xa_flags &= ~XA_FLAGS_ALLOC_WRAPPED;
		ret = 1;
	}
	if (ret < 0 && limit.min > min) {
		limit.min = min;
		ret = __xa_alloc(xa, id, entry, limit, gfp);
		if (ret == 0)
			ret = 1;
	}
	if (ret >= 0) {
		*next = *id + 1;
		if (*next == 0)
			xa->xa_flags |= XA_FLAGS_ALLOC_WRAPPED;
	}
	return ret;
}
EXPORT_SYMBOL(__xa_alloc_cyclic);

/*
 * Give the entry at @index mark @mark (@set) or take it away. Only present
 * entries can gain a mark; clearing is harmless on an empty slot.
 */
static void xa_mark_update(struct xarray *xa, unsigned long index, xa_mark_t mark, bool set)
{
	unsigned int m = mark_nr(mark);
	unsigned int slot = index & XA_CHUNK_MASK;
	struct xa_node *leaf;

	lockdep_assert_held(&xa->xa_lock);
	if (WARN_ON_ONCE(m >= XA_MAX_MARKS))
		return;
	leaf = leaf_of(xa, index);
	if (!leaf || (set && !slot_get(leaf, slot)))
		return;
	mark_assign(leaf, m, slot, set);
	propagate_up(leaf);
	update_flag_marks(xa);
}

void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_mark_update(xa, index, mark, true);
}
EXPORT_SYMBOL(__xa_set_mark);

void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_mark_update(xa, index, mark, false);
}
EXPORT_SYMBOL(__xa_clear_mark);

/* ---- the locked wrappers ---- */

void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	void *curr;

	xa_lock(xa);
	curr = __xa_store(xa, index, entry, gfp);
	xa_unlock(xa);
	return curr;
}
EXPORT_SYMBOL(xa_store);

void *xa_erase(struct xarray *xa, unsigned long index)
{
	void *entry;

	xa_lock(xa);
	entry = __xa_erase(xa, index);
	xa_unlock(xa);
	return entry;
}
EXPORT_SYMBOL(xa_erase);

void *xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp)
{
	void *curr;

	xa_lock(xa);
	curr = __xa_cmpxchg(xa, index, old, entry, gfp);
	xa_unlock(xa);
	return curr;
}
EXPORT_SYMBOL(xa_cmpxchg);

int xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	int err;

	xa_lock(xa);
	err = __xa_insert(xa, index, entry, gfp);
	xa_unlock(xa);
	return err;
}
EXPORT_SYMBOL(xa_insert);

int xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit, gfp_t gfp)
{
	int err;

	xa_lock(xa);
	err = __xa_alloc(xa, id, entry, limit, gfp);
	xa_unlock(xa);
	return err;
}
EXPORT_SYMBOL(xa_alloc);

int xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit,
		    u32 *next, gfp_t gfp)
{
	int err;

	xa_lock(xa);
	err = __xa_alloc_cyclic(xa, id, entry, limit, next, gfp);
	xa_unlock(xa);
	return err;
}
EXPORT_SYMBOL(xa_alloc_cyclic);

void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_set_mark(xa, index, mark);
	xa_unlock(xa);
}
EXPORT_SYMBOL(xa_set_mark);

void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_clear_mark(xa, index, mark);
	xa_unlock(xa);
}
EXPORT_SYMBOL(xa_clear_mark);

static void free_subtree(struct xa_node *node)
{
	unsigned int off;

	if (node->shift) {
		for (off = 0; off < XA_CHUNK_SIZE; off++) {
			struct xa_node *child = slot_get(node, off);

			if (child)
				free_subtree(child);
		}
	}
	node_free(node);
}

void xa_destroy(struct xarray *xa)
{
	struct xa_node *root;

	xa_lock(xa);
	root = head_of(xa);
	set_head(xa, NULL);
	if (root)
		free_subtree(root);
	update_flag_marks(xa);
	xa_unlock(xa);
}
EXPORT_SYMBOL(xa_destroy);
