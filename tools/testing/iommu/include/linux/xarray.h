/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_XARRAY_H
#define _LINUX_XARRAY_H

#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/types.h>

/*
 * The XArray: a sparse array of pointers indexed by unsigned long.
 *
 * The host implementation is a 64-way radix tree.  Writers serialise on
 * xa_lock; readers (xa_load(), xa_find(), the iterators) run under RCU and
 * never take the lock, so they may be called with xa_lock held.  Nodes are
 * allocated with kmalloc() (so fault injection reaches them) and freed
 * after an RCU grace period.  Multi-index entries are not supported.
 *
 * Entry encoding follows Linux: pointers have the low two bits clear,
 * value entries (xa_mk_value()) have bit 0 set, and "internal" entries
 * (bits 1:0 == 2) are reserved for the implementation: XA_ZERO_ENTRY marks
 * a reserved slot (busy for xa_insert()/xa_alloc(), but reads as NULL),
 * and errors are returned as internal entries that xa_is_err() recognises.
 */

/* ---- entries ---- */

static inline void *xa_mk_value(unsigned long v)
{
	WARN_ON((long)v < 0);
	return (void *)((v << 1) | 1);
}

static inline unsigned long xa_to_value(const void *entry)
{
	return (unsigned long)entry >> 1;
}

static inline bool xa_is_value(const void *entry)
{
	return (unsigned long)entry & 1;
}

static inline void *xa_tag_pointer(void *p, unsigned long tag)
{
	return (void *)((unsigned long)p | tag);
}

static inline void *xa_untag_pointer(void *entry)
{
	return (void *)((unsigned long)entry & ~3UL);
}

static inline unsigned int xa_pointer_tag(void *entry)
{
	return (unsigned long)entry & 3UL;
}

static inline void *xa_mk_internal(unsigned long v)
{
	return (void *)((v << 2) | 2);
}

static inline unsigned long xa_to_internal(const void *entry)
{
	return (unsigned long)entry >> 2;
}

static inline bool xa_is_internal(const void *entry)
{
	return ((unsigned long)entry & 3) == 2;
}

#define XA_ZERO_ENTRY		xa_mk_internal(257)
#define XA_RETRY_ENTRY		xa_mk_internal(256)

static inline bool xa_is_zero(const void *entry)
{
	return unlikely(entry == XA_ZERO_ENTRY);
}

static inline bool xa_is_retry(const void *entry)
{
	return unlikely(entry == XA_RETRY_ENTRY);
}

/* Internal entries at or below XA_RETRY_ENTRY may not be stored by users. */
static inline bool xa_is_advanced(const void *entry)
{
	return xa_is_internal(entry) && (entry <= XA_RETRY_ENTRY);
}

/**
 * xa_is_err() - whether an entry encodes an error
 * @entry: value returned by an xarray function
 *
 * Return: true for an error entry.
 */
static inline bool xa_is_err(const void *entry)
{
	return unlikely(xa_is_internal(entry) && entry >= xa_mk_internal(-MAX_ERRNO));
}

/**
 * xa_err() - the errno of an entry
 * @entry: value returned by an xarray function
 *
 * Return: a negative errno, or 0 if @entry is not an error.
 */
static inline int xa_err(void *entry)
{
	if (xa_is_err(entry))
		return (long)entry >> 2;
	return 0;
}

#define XA_ERROR(errno) ((void *)(((unsigned long)(errno) << 2) | 2UL))

/* ---- types ---- */

/**
 * struct xa_limit - an inclusive range of ids for xa_alloc()
 * @max: largest id
 * @min: smallest id
 */
struct xa_limit {
	u32 max;
	u32 min;
};

#define XA_LIMIT(_min, _max) ((struct xa_limit) { .min = _min, .max = _max })
#define xa_limit_32b	XA_LIMIT(0, UINT_MAX)
#define xa_limit_31b	XA_LIMIT(0, INT_MAX)
#define xa_limit_16b	XA_LIMIT(0, USHRT_MAX)

typedef unsigned __bitwise xa_mark_t;
#define XA_MARK_0		((__force xa_mark_t)0U)
#define XA_MARK_1		((__force xa_mark_t)1U)
#define XA_MARK_2		((__force xa_mark_t)2U)
#define XA_PRESENT		((__force xa_mark_t)8U)
#define XA_MARK_MAX		XA_MARK_2
#define XA_FREE_MARK		XA_MARK_0
#define XA_MAX_MARKS		3

enum xa_lock_type {
	XA_LOCK_IRQ = 1,
	XA_LOCK_BH = 2,
};

#define XA_FLAGS_LOCK_IRQ	((__force gfp_t)XA_LOCK_IRQ)
#define XA_FLAGS_LOCK_BH	((__force gfp_t)XA_LOCK_BH)
#define XA_FLAGS_TRACK_FREE	((__force gfp_t)4U)
#define XA_FLAGS_ZERO_BUSY	((__force gfp_t)8U)
#define XA_FLAGS_ALLOC_WRAPPED	((__force gfp_t)16U)
#define XA_FLAGS_ACCOUNT	((__force gfp_t)32U)
#define XA_FLAGS_ALLOC		(XA_FLAGS_TRACK_FREE)
#define XA_FLAGS_ALLOC1		(XA_FLAGS_TRACK_FREE | XA_FLAGS_ZERO_BUSY)

#define XA_CHUNK_SHIFT		6
#define XA_CHUNK_SIZE		BIT(XA_CHUNK_SHIFT)
#define XA_CHUNK_MASK		(XA_CHUNK_SIZE - 1)

/**
 * struct xa_node - an internal node of the radix tree (private)
 * @shift: bits of the index below this node's slot number
 * @offset: slot number in the parent
 * @count: number of occupied slots
 * @parent: parent node, NULL for the root
 * @rcu: for freeing after a grace period
 * @full: bit n set if slot n is occupied (leaf) or its subtree is full
 * @marks: bit n of marks[m] set if slot n's entry (or any below it) has mark m
 * @slots: entries (leaf, @shift == 0) or child nodes
 */
struct xa_node {
	unsigned char shift;
	unsigned char offset;
	unsigned char count;
	struct xa_node *parent;
	struct rcu_head rcu;
	unsigned long full;
	unsigned long marks[XA_MAX_MARKS];
	void __rcu *slots[XA_CHUNK_SIZE];
};

/**
 * struct xarray - the array
 * @xa_lock: serialises modifications
 * @xa_flags: XA_FLAGS_* and the marks present anywhere in the array
 * @xa_head: root node (private)
 */
struct xarray {
	spinlock_t xa_lock;	/* see above */
	gfp_t xa_flags;
	struct xa_node __rcu *xa_head;
};

#define XARRAY_INIT(name, flags) {				\
	.xa_lock = __SPIN_LOCK_UNLOCKED(name.xa_lock),		\
	.xa_flags = flags,					\
	.xa_head = NULL,					\
}

#define DEFINE_XARRAY_FLAGS(name, flags) struct xarray name = XARRAY_INIT(name, flags)
#define DEFINE_XARRAY(name)		DEFINE_XARRAY_FLAGS(name, 0)
#define DEFINE_XARRAY_ALLOC(name)	DEFINE_XARRAY_FLAGS(name, XA_FLAGS_ALLOC)
#define DEFINE_XARRAY_ALLOC1(name)	DEFINE_XARRAY_FLAGS(name, XA_FLAGS_ALLOC1)

/**
 * xa_init_flags() - initialise an empty XArray
 * @xa: the array
 * @flags: XA_FLAGS_ALLOC, XA_FLAGS_ALLOC1, XA_FLAGS_LOCK_IRQ, ...
 */
static inline void xa_init_flags(struct xarray *xa, gfp_t flags)
{
	spin_lock_init(&xa->xa_lock);
	xa->xa_flags = flags;
	xa->xa_head = NULL;
}

static inline void xa_init(struct xarray *xa)
{
	xa_init_flags(xa, 0);
}

/**
 * xa_empty() - whether the array has no entries (reserved ones count)
 * @xa: the array
 *
 * Return: true if empty.
 */
static inline bool xa_empty(const struct xarray *xa)
{
	return !READ_ONCE(xa->xa_head);
}

static inline bool xa_marked(const struct xarray *xa, xa_mark_t mark)
{
	return xa->xa_flags &
	       (__force gfp_t)(1U << (__GFP_BITS_SHIFT + (__force unsigned int)mark));
}

/* ---- locking ---- */

#define xa_trylock(xa)		spin_trylock(&(xa)->xa_lock)
#define xa_lock(xa)		spin_lock(&(xa)->xa_lock)
#define xa_unlock(xa)		spin_unlock(&(xa)->xa_lock)
#define xa_lock_bh(xa)		spin_lock_bh(&(xa)->xa_lock)
#define xa_unlock_bh(xa)	spin_unlock_bh(&(xa)->xa_lock)
#define xa_lock_irq(xa)		spin_lock_irq(&(xa)->xa_lock)
#define xa_unlock_irq(xa)	spin_unlock_irq(&(xa)->xa_lock)
#define xa_lock_irqsave(xa, flags)	spin_lock_irqsave(&(xa)->xa_lock, flags)
#define xa_unlock_irqrestore(xa, flags)	spin_unlock_irqrestore(&(xa)->xa_lock, flags)
#define xa_lock_nested(xa, subclass)	spin_lock_nested(&(xa)->xa_lock, subclass)
#define xa_lock_bh_nested(xa, subclass)	spin_lock_nested(&(xa)->xa_lock, subclass)
#define xa_lock_irq_nested(xa, subclass) spin_lock_nested(&(xa)->xa_lock, subclass)

/* ---- the normal API (takes xa_lock itself) ---- */

/**
 * xa_load() - the entry at an index
 * @xa: the array
 * @index: the index
 *
 * Return: the entry, or NULL if none (or reserved).
 */
void *xa_load(struct xarray *xa, unsigned long index);

/**
 * xa_store() - store an entry, replacing whatever was there
 * @xa: the array
 * @index: the index
 * @entry: the new entry; NULL erases (reserves, in an allocating array)
 * @gfp: allocation flags for new nodes
 *
 * Return: the old entry (NULL if none or reserved), or an error entry
 * (xa_is_err()): -EINVAL for an internal entry, -ENOMEM.
 */
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);

/**
 * xa_erase() - remove the entry at an index
 * @xa: the array
 * @index: the index
 *
 * Return: the old entry, or NULL.
 */
void *xa_erase(struct xarray *xa, unsigned long index);

/**
 * xa_cmpxchg() - replace the entry at an index if it equals @old
 * @xa: the array
 * @index: the index
 * @old: expected current entry (XA_ZERO_ENTRY matches a reserved slot)
 * @entry: new entry
 * @gfp: allocation flags
 *
 * Return: the entry that was there (NULL if none or reserved), or an
 * error entry.
 */
void *xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp);

/**
 * xa_insert() - store an entry only if the slot is free
 * @xa: the array
 * @index: the index
 * @entry: new entry (NULL reserves the slot)
 * @gfp: allocation flags
 *
 * Return: 0, -EBUSY if an entry (even a reserved one) is there, -ENOMEM,
 * or -EINVAL for an internal entry.
 */
int __must_check xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);

/**
 * xa_alloc() - store an entry at the lowest free index within @limit
 * @xa: an allocating array (XA_FLAGS_ALLOC or XA_FLAGS_ALLOC1)
 * @id: receives the index
 * @entry: new entry (NULL reserves the index)
 * @limit: range of acceptable indices
 * @gfp: allocation flags
 *
 * Return: 0, -EBUSY if the range is full, -ENOMEM, -EINVAL.
 */
int __must_check xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit,
			  gfp_t gfp);

/**
 * xa_alloc_cyclic() - xa_alloc() searching from *@next and wrapping around
 * @xa: an allocating array
 * @id: receives the index
 * @entry: new entry
 * @limit: range of acceptable indices
 * @next: where to start; updated to the index after the one allocated
 * @gfp: allocation flags
 *
 * Return: 0, 1 if the search wrapped, -EBUSY, -ENOMEM, -EINVAL.
 */
int xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit,
		    u32 *next, gfp_t gfp);

/**
 * xa_destroy() - remove every entry and free all nodes
 * @xa: the array (left empty and usable)
 */
void xa_destroy(struct xarray *xa);

bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);

/**
 * xa_find() - first entry at or after *@indexp, up to @max
 * @xa: the array
 * @indexp: start index; receives the index found
 * @max: last index to consider
 * @filter: XA_PRESENT for any entry, or a mark
 *
 * Reserved entries are skipped.
 *
 * Return: the entry, or NULL (then *@indexp is unchanged).
 */
void *xa_find(struct xarray *xa, unsigned long *indexp, unsigned long max, xa_mark_t filter);

/**
 * xa_find_after() - like xa_find(), starting after *@indexp
 * @xa: the array
 * @indexp: index to start after; receives the index found
 * @max: last index to consider
 * @filter: XA_PRESENT or a mark
 *
 * Return: the entry, or NULL.
 */
void *xa_find_after(struct xarray *xa, unsigned long *indexp, unsigned long max,
		    xa_mark_t filter);

unsigned int xa_extract(struct xarray *xa, void **dst, unsigned long start, unsigned long max,
			unsigned int n, xa_mark_t filter);

/* ---- the same operations with xa_lock already held ---- */

void *__xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *__xa_erase(struct xarray *xa, unsigned long index);
void *__xa_cmpxchg(struct xarray *xa, unsigned long index, void *old, void *entry, gfp_t gfp);
int __must_check __xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
int __must_check __xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit,
			    gfp_t gfp);
int __must_check __xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry,
				   struct xa_limit limit, u32 *next, gfp_t gfp);
void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);
void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark);

/* Interrupt and bottom-half flavours: the same on the host. */
#define xa_store_bh(xa, i, e, g)		xa_store(xa, i, e, g)
#define xa_store_irq(xa, i, e, g)		xa_store(xa, i, e, g)
#define xa_erase_bh(xa, i)			xa_erase(xa, i)
#define xa_erase_irq(xa, i)			xa_erase(xa, i)
#define xa_cmpxchg_bh(xa, i, o, e, g)		xa_cmpxchg(xa, i, o, e, g)
#define xa_cmpxchg_irq(xa, i, o, e, g)		xa_cmpxchg(xa, i, o, e, g)
#define xa_insert_bh(xa, i, e, g)		xa_insert(xa, i, e, g)
#define xa_insert_irq(xa, i, e, g)		xa_insert(xa, i, e, g)
#define xa_alloc_bh(xa, id, e, l, g)		xa_alloc(xa, id, e, l, g)
#define xa_alloc_irq(xa, id, e, l, g)		xa_alloc(xa, id, e, l, g)
#define xa_alloc_cyclic_bh(xa, id, e, l, n, g)	xa_alloc_cyclic(xa, id, e, l, n, g)
#define xa_alloc_cyclic_irq(xa, id, e, l, n, g)	xa_alloc_cyclic(xa, id, e, l, n, g)

/**
 * xa_reserve() - reserve an index so that later stores cannot fail
 * @xa: the array
 * @index: the index
 * @gfp: allocation flags
 *
 * A reserved slot reads as NULL but is busy for xa_insert() and xa_alloc().
 * Reserving an occupied slot changes nothing.
 *
 * Return: 0 or -ENOMEM.
 */
static inline __must_check int xa_reserve(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	return xa_err(xa_cmpxchg(xa, index, NULL, XA_ZERO_ENTRY, gfp));
}

static inline __must_check int xa_reserve_bh(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	return xa_reserve(xa, index, gfp);
}

static inline __must_check int xa_reserve_irq(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	return xa_reserve(xa, index, gfp);
}

/**
 * xa_release() - drop a reservation made by xa_reserve()
 * @xa: the array
 * @index: the index; an entry stored there since is left alone
 */
static inline void xa_release(struct xarray *xa, unsigned long index)
{
	xa_cmpxchg(xa, index, XA_ZERO_ENTRY, NULL, 0);
}

/* ---- iteration ---- */

#define xa_for_each_range(xa, index, entry, start, last)		\
	for ((index) = (start),						\
	     (entry) = xa_find((xa), &(index), (last), XA_PRESENT);	\
	     (entry);							\
	     (entry) = xa_find_after((xa), &(index), (last), XA_PRESENT))

#define xa_for_each_start(xa, index, entry, start) \
	xa_for_each_range(xa, index, entry, start, ULONG_MAX)

#define xa_for_each(xa, index, entry) \
	xa_for_each_start(xa, index, entry, 0)

#define xa_for_each_marked(xa, index, entry, filter)			\
	for ((index) = 0, (entry) = xa_find((xa), &(index), ULONG_MAX, (filter)); \
	     (entry);							\
	     (entry) = xa_find_after((xa), &(index), ULONG_MAX, (filter)))

#endif /* _LINUX_XARRAY_H */
