/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

#include <linux/container_of.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/poison.h>
#include <linux/const.h>
#include <asm/barrier.h>

/*
 * Two kinds of intrusive list live here.
 *
 * struct list_head: a ring of nodes with one node acting as the head (the
 * sentinel).  An empty list is a head whose two links point back at itself,
 * so insertion and removal never need a NULL check.
 *
 * struct hlist_head/hlist_node: a singly linked chain, with each node also
 * remembering the address of the pointer that points at it (pprev).  The
 * head is one pointer wide, which makes it cheap as a hash bucket.
 */

/* ---- Ring lists: setup and insertion ---- */

#define LIST_HEAD_INIT(name) { .next = &(name), .prev = &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

/**
 * INIT_LIST_HEAD() - make a list head describe an empty list
 * @list: the head
 */
static inline void INIT_LIST_HEAD(struct list_head *list)
{
	struct list_head *self = list;

	WRITE_ONCE(self->prev, self);
	WRITE_ONCE(self->next, self);
}

/* Link @entry in between the neighbouring nodes @before and @after. */
static inline void __list_link(struct list_head *entry, struct list_head *before,
			       struct list_head *after)
{
	entry->prev = before;
	entry->next = after;
	after->prev = entry;
	/* Published last: lockless readers walking forward see a whole entry. */
	WRITE_ONCE(before->next, entry);
}

/**
 * list_add() - insert an entry right after the head (stack order)
 * @new: entry to insert
 * @head: list head
 */
static inline void list_add(struct list_head *new, struct list_head *head)
{
	struct list_head *old_first = head->next;

	__list_link(new, head, old_first);
}

/**
 * list_add_tail() - insert an entry right before the head (queue order)
 * @new: entry to insert
 * @head: list head
 */
static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	struct list_head *old_last = head->prev;

	__list_link(new, old_last, head);
}

/* ---- Ring lists: removal and replacement ---- */

/* Make @left and @right adjacent, dropping whatever lay between them. */
static inline void __list_del(struct list_head *left, struct list_head *right)
{
	right->prev = left;
	WRITE_ONCE(left->next, right);
}

/* Unlink @entry; its own links are left as they were. */
static inline void __list_del_entry(struct list_head *entry)
{
	struct list_head *left = entry->prev, *right = entry->next;

	__list_del(left, right);
}

/* Unlink @entry and clear only its back link. */
static inline void __list_del_clearprev(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->prev = NULL;
}

/**
 * list_del() - unlink an entry and poison its links
 * @entry: the entry
 */
static inline void list_del(struct list_head *entry)
{
	__list_del_entry(entry);
	/* Any later use of the stale links faults on the poison values. */
	entry->prev = LIST_POISON2;
	entry->next = LIST_POISON1;
}

/**
 * list_del_init() - unlink an entry and make it an empty list
 * @entry: the entry
 */
static inline void list_del_init(struct list_head *entry)
{
	__list_del_entry(entry);
	INIT_LIST_HEAD(entry);
}

/*
 * As list_del_init(), but the final store of ->next is a release, pairing
 * with the acquire in list_empty_careful().
 */
static inline void list_del_init_careful(struct list_head *entry)
{
	__list_del_entry(entry);
	WRITE_ONCE(entry->prev, entry);
	__atomic_store_n(&entry->next, entry, __ATOMIC_RELEASE);
}

/**
 * list_replace() - put @new where @old was
 * @old: entry to take out (its links are left stale)
 * @new: entry to put in
 */
static inline void list_replace(struct list_head *old, struct list_head *new)
{
	struct list_head *right = old->next, *left;

	new->next = right;
	right->prev = new;
	/*
	 * Read ->prev only now: when @old is an empty head, the store above
	 * changed it, and @new correctly ends up as an empty list too.
	 */
	left = old->prev;
	new->prev = left;
	left->next = new;
}

static inline void list_replace_init(struct list_head *old, struct list_head *new)
{
	list_replace(old, new);
	INIT_LIST_HEAD(old);
}

/**
 * list_swap() - exchange the positions of two entries
 * @entry1: one entry
 * @entry2: the other entry
 */
static inline void list_swap(struct list_head *entry1, struct list_head *entry2)
{
	struct list_head *anchor = entry2->prev;

	list_del(entry2);
	list_replace(entry1, entry2);
	/* If the two were adjacent, @entry1 goes right after @entry2. */
	list_add(entry1, anchor == entry1 ? entry2 : anchor);
}

static inline void list_move(struct list_head *list, struct list_head *head)
{
	__list_del_entry(list);
	list_add(list, head);
}

static inline void list_move_tail(struct list_head *list, struct list_head *head)
{
	__list_del_entry(list);
	list_add_tail(list, head);
}

/**
 * list_bulk_move_tail() - move the run first..last to the tail of a list
 * @head: destination list
 * @first: first entry of the run
 * @last: last entry of the run
 */
static inline void list_bulk_move_tail(struct list_head *head, struct list_head *first,
				       struct list_head *last)
{
	struct list_head *before = first->prev, *after = last->next;
	struct list_head *tail;

	/* Close the gap the run leaves behind. */
	before->next = after;
	after->prev = before;

	/*
	 * Hang the run between the current tail and the head; the tail is read
	 * after closing the gap, as the run may have been the tail.
	 */
	tail = head->prev;
	tail->next = first;
	first->prev = tail;
	head->prev = last;
	last->next = head;
}

/* ---- Ring lists: queries ---- */

static inline int list_is_head(const struct list_head *list, const struct list_head *head)
{
	return head == list;
}

static inline int list_is_first(const struct list_head *list, const struct list_head *head)
{
	return list_is_head(list->prev, head);
}

static inline int list_is_last(const struct list_head *list, const struct list_head *head)
{
	return list_is_head(list->next, head);
}

/**
 * list_empty() - whether a list has no entries
 * @head: the list
 *
 * Return: non-zero when empty.
 */
static inline int list_empty(const struct list_head *head)
{
	const struct list_head *first = READ_ONCE(head->next);

	return first == head;
}

/*
 * Emptiness test that tolerates a concurrent list_del_init_careful(): both
 * links must point back at the head.
 */
static inline int list_empty_careful(const struct list_head *head)
{
	struct list_head *first = __atomic_load_n(&head->next, __ATOMIC_ACQUIRE);

	if (!list_is_head(first, head))
		return 0;
	return READ_ONCE(head->prev) == first;
}

static inline int list_is_singular(const struct list_head *head)
{
	if (list_empty(head))
		return 0;
	return head->prev == head->next;
}

/* Move the first entry to the tail. */
static inline void list_rotate_left(struct list_head *head)
{
	if (list_empty(head))
		return;
	list_move_tail(head->next, head);
}

/* Rotate so that @list becomes the first entry. */
static inline void list_rotate_to_front(struct list_head *list, struct list_head *head)
{
	/* Re-inserting the head just before @list makes @list its successor. */
	list_move_tail(head, list);
}

/**
 * list_count_nodes() - number of entries in a list
 * @head: the list
 *
 * Return: the count.
 */
static inline size_t list_count_nodes(struct list_head *head)
{
	size_t count = 0;
	struct list_head *it = head->next;

	while (it != head) {
		count++;
		it = it->next;
	}
	return count;
}

/* ---- Ring lists: cutting and splicing ---- */

/**
 * list_cut_position() - move the entries up to and including @entry to @list
 * @list: an empty list that receives the entries
 * @head: the list to cut
 * @entry: last entry to move; @head itself moves nothing
 */
static inline void list_cut_position(struct list_head *list, struct list_head *head,
				     struct list_head *entry)
{
	struct list_head *first, *rest;

	if (list_empty(head))
		return;
	/* With one entry, @entry must be that entry (or the head). */
	if (list_is_singular(head) && !list_is_head(entry, head) && entry != head->next)
		return;
	if (list_is_head(entry, head)) {
		INIT_LIST_HEAD(list);
		return;
	}

	first = head->next;
	rest = entry->next;

	/* @list gets first..entry ... */
	first->prev = list;
	list->next = first;
	entry->next = list;
	list->prev = entry;
	/* ... and @head keeps what followed @entry. */
	rest->prev = head;
	head->next = rest;
}

/**
 * list_cut_before() - move the entries before @entry to @list
 * @list: an empty list that receives the entries
 * @head: the list to cut
 * @entry: first entry to keep in @head
 */
static inline void list_cut_before(struct list_head *list, struct list_head *head,
				   struct list_head *entry)
{
	struct list_head *first, *last;

	if (entry == head->next) {
		INIT_LIST_HEAD(list);
		return;
	}

	first = head->next;
	last = entry->prev;

	first->prev = list;
	list->next = first;
	last->next = list;
	list->prev = last;

	entry->prev = head;
	head->next = entry;
}

/* Insert every entry of @list between the adjacent nodes @before and @after. */
static inline void __list_splice(const struct list_head *list, struct list_head *before,
				 struct list_head *after)
{
	struct list_head *first = list->next, *last = list->prev;

	before->next = first;
	first->prev = before;
	after->prev = last;
	last->next = after;
}

/**
 * list_splice() - insert the entries of @list at the front of @head
 * @list: source list (left stale)
 * @head: destination list
 */
static inline void list_splice(const struct list_head *list, struct list_head *head)
{
	if (list_empty(list))
		return;
	__list_splice(list, head, head->next);
}

/**
 * list_splice_tail() - append the entries of @list to @head
 * @list: source list (left stale)
 * @head: destination list
 */
static inline void list_splice_tail(struct list_head *list, struct list_head *head)
{
	if (list_empty(list))
		return;
	__list_splice(list, head->prev, head);
}

/* list_splice(), then leave @list empty. */
static inline void list_splice_init(struct list_head *list, struct list_head *head)
{
	if (list_empty(list))
		return;
	list_splice(list, head);
	INIT_LIST_HEAD(list);
}

/* list_splice_tail(), then leave @list empty. */
static inline void list_splice_tail_init(struct list_head *list, struct list_head *head)
{
	if (list_empty(list))
		return;
	list_splice_tail(list, head);
	INIT_LIST_HEAD(list);
}

/* ---- Ring lists: from links to entries ---- */

#define list_entry(ptr, type, member) container_of(ptr, type, member)

/* The entry whose @member link is @pos's @dir (next or prev) neighbour. */
#define __list_neighbour(pos, member, dir) \
	list_entry((pos)->member.dir, typeof(*(pos)), member)

#define list_next_entry(pos, member)	__list_neighbour(pos, member, next)
#define list_prev_entry(pos, member)	__list_neighbour(pos, member, prev)

#define list_first_entry(ptr, type, member)	list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member)	list_entry((ptr)->prev, type, member)

/* Entry at the @dir end of the list at @ptr, or NULL for an empty list. */
#define __list_end_entry_or_null(ptr, type, member, dir) ({		\
	struct list_head *__lend_head = (ptr);				\
	struct list_head *__lend_link = READ_ONCE(__lend_head->dir);	\
									\
	list_is_head(__lend_link, __lend_head) ? NULL :		\
		list_entry(__lend_link, type, member);			\
})

#define list_first_entry_or_null(ptr, type, member) \
	__list_end_entry_or_null(ptr, type, member, next)
#define list_last_entry_or_null(ptr, type, member) \
	__list_end_entry_or_null(ptr, type, member, prev)

#define list_entry_is_head(pos, head, member) list_is_head(&(pos)->member, (head))

/* Neighbours that wrap around the head instead of returning it. */
#define list_next_entry_circular(pos, head, member)			\
	(!list_is_last(&(pos)->member, head) ? list_next_entry(pos, member) : \
	 list_first_entry(head, typeof(*(pos)), member))
#define list_prev_entry_circular(pos, head, member)			\
	(!list_is_first(&(pos)->member, head) ? list_prev_entry(pos, member) : \
	 list_last_entry(head, typeof(*(pos)), member))

/* @pos if set, else the head reinterpreted as an entry (for _continue). */
#define list_prepare_entry(pos, head, member) \
	((pos) ? : list_entry(head, typeof(*(pos)), member))

/* ---- Ring lists: iteration ---- */

/* Link walkers: @pos is a struct list_head cursor. */
#define __list_walk(pos, head, start, step) \
	for ((pos) = (start); !list_is_head(pos, (head)); (pos) = (step))

#define list_for_each(pos, head)	__list_walk(pos, head, (head)->next, (pos)->next)
#define list_for_each_prev(pos, head)	__list_walk(pos, head, (head)->prev, (pos)->prev)
#define list_for_each_continue(pos, head) \
	__list_walk(pos, head, (pos)->next, (pos)->next)
#define list_for_each_rcu(pos, head) \
	__list_walk(pos, head, rcu_dereference((head)->next), rcu_dereference((pos)->next))

/* Deletion-safe link walkers: @n holds the neighbour fetched in advance. */
#define __list_walk_safe(pos, n, head, dir)				\
	for ((pos) = (head)->dir, (n) = (pos)->dir;			\
	     !list_is_head(pos, (head));				\
	     (pos) = (n), (n) = (pos)->dir)

#define list_for_each_safe(pos, n, head)	__list_walk_safe(pos, n, head, next)
#define list_for_each_prev_safe(pos, n, head)	__list_walk_safe(pos, n, head, prev)

/*
 * Entry walkers: @pos is an entry cursor.  @init positions it (or is (void)0
 * to start where it is); it then moves with list_@step_entry() (@step is next
 * or prev) until it comes back round to the head.
 */
#define __list_walk_entries(pos, head, member, init, step)		\
	for (init; !list_entry_is_head(pos, head, member);		\
	     (pos) = list_##step##_entry(pos, member))

#define list_for_each_entry(pos, head, member)				\
	__list_walk_entries(pos, head, member,				\
			    (pos) = list_first_entry(head, typeof(*(pos)), member), next)
#define list_for_each_entry_reverse(pos, head, member)			\
	__list_walk_entries(pos, head, member,				\
			    (pos) = list_last_entry(head, typeof(*(pos)), member), prev)
#define list_for_each_entry_continue(pos, head, member)			\
	__list_walk_entries(pos, head, member,				\
			    (pos) = list_next_entry(pos, member), next)
#define list_for_each_entry_continue_reverse(pos, head, member)		\
	__list_walk_entries(pos, head, member,				\
			    (pos) = list_prev_entry(pos, member), prev)
#define list_for_each_entry_from(pos, head, member)			\
	__list_walk_entries(pos, head, member, (void)0, next)
#define list_for_each_entry_from_reverse(pos, head, member)		\
	__list_walk_entries(pos, head, member, (void)0, prev)

/*
 * Deletion-safe entry walkers: @n is the following entry, fetched before the
 * loop body runs so that the body may free @pos.
 */
#define __list_walk_entries_safe(pos, n, head, member, init, step)	\
	for (init, (n) = list_##step##_entry(pos, member);		\
	     !list_entry_is_head(pos, head, member);			\
	     (pos) = (n), (n) = list_##step##_entry(n, member))

#define list_for_each_entry_safe(pos, n, head, member)			\
	__list_walk_entries_safe(pos, n, head, member,			\
				 (pos) = list_first_entry(head, typeof(*(pos)), member), \
				 next)
#define list_for_each_entry_safe_reverse(pos, n, head, member)		\
	__list_walk_entries_safe(pos, n, head, member,			\
				 (pos) = list_last_entry(head, typeof(*(pos)), member), \
				 prev)
#define list_for_each_entry_safe_continue(pos, n, head, member)		\
	__list_walk_entries_safe(pos, n, head, member,			\
				 (pos) = list_next_entry(pos, member), next)
#define list_for_each_entry_safe_from(pos, n, head, member)		\
	__list_walk_entries_safe(pos, n, head, member, (void)0, next)

/* Refetch @n after the body changed the list around @pos. */
#define list_safe_reset_next(pos, n, member) \
	((n) = list_next_entry(pos, member))

/* ---- Hash lists ---- */

#define HLIST_HEAD_INIT { .first = NULL }
#define HLIST_HEAD(name) struct hlist_head name = HLIST_HEAD_INIT
#define INIT_HLIST_HEAD(ptr) ((ptr)->first = NULL)

static inline void INIT_HLIST_NODE(struct hlist_node *h)
{
	h->pprev = NULL;
	h->next = NULL;
}

/**
 * hlist_unhashed() - whether a node is on no list
 * @h: the node
 *
 * Return: non-zero if unlinked (after INIT_HLIST_NODE or hlist_del_init).
 */
static inline int hlist_unhashed(const struct hlist_node *h)
{
	return !h->pprev;
}

static inline int hlist_unhashed_lockless(const struct hlist_node *h)
{
	return !READ_ONCE(h->pprev);
}

static inline int hlist_empty(const struct hlist_head *h)
{
	return !READ_ONCE(h->first);
}

/* Unlink @node: whoever pointed at it now points at its successor. */
static inline void __hlist_del(struct hlist_node *node)
{
	struct hlist_node **link = node->pprev;
	struct hlist_node *succ = node->next;

	WRITE_ONCE(*link, succ);
	if (!succ)
		return;
	WRITE_ONCE(succ->pprev, link);
}

static inline void hlist_del(struct hlist_node *n)
{
	__hlist_del(n);
	n->pprev = LIST_POISON2;
	n->next = LIST_POISON1;
}

static inline void hlist_del_init(struct hlist_node *n)
{
	if (hlist_unhashed(n))
		return;
	__hlist_del(n);
	INIT_HLIST_NODE(n);
}

static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *old = h->first;

	WRITE_ONCE(n->next, old);
	if (old)
		WRITE_ONCE(old->pprev, &n->next);
	WRITE_ONCE(h->first, n);
	WRITE_ONCE(n->pprev, &h->first);
}

/* Insert @n in front of @next, which must be on a list. */
static inline void hlist_add_before(struct hlist_node *n, struct hlist_node *next)
{
	struct hlist_node **link = next->pprev;

	WRITE_ONCE(n->pprev, link);
	WRITE_ONCE(n->next, next);
	WRITE_ONCE(next->pprev, &n->next);
	WRITE_ONCE(*link, n);
}

/* Insert @n after @prev, which must be on a list. */
static inline void hlist_add_behind(struct hlist_node *n, struct hlist_node *prev)
{
	struct hlist_node *succ = prev->next;

	WRITE_ONCE(n->next, succ);
	WRITE_ONCE(prev->next, n);
	WRITE_ONCE(n->pprev, &prev->next);
	if (succ)
		WRITE_ONCE(succ->pprev, &n->next);
}

/* A "fake" node points back at itself, so hlist_del() on it is harmless. */
static inline void hlist_add_fake(struct hlist_node *n)
{
	n->pprev = &n->next;
}

static inline bool hlist_fake(struct hlist_node *h)
{
	return &h->next == h->pprev;
}

/* Whether @n is the one and only node of @h. */
static inline bool hlist_is_singular_node(struct hlist_node *n, struct hlist_head *h)
{
	if (n->next)
		return false;
	return &h->first == n->pprev;
}

/* Move all nodes of @old to @new, leaving @old empty. */
static inline void hlist_move_list(struct hlist_head *old, struct hlist_head *new)
{
	struct hlist_node *chain = old->first;

	old->first = NULL;
	new->first = chain;
	if (chain)
		chain->pprev = &new->first;
}

/*
 * Prepend the chain of @from, whose final node is @last, to @to; @from ends
 * up empty.  @from must not be empty.
 */
static inline void hlist_splice_init(struct hlist_head *from, struct hlist_node *last,
				     struct hlist_head *to)
{
	struct hlist_node *chain = from->first, *old = to->first;

	last->next = old;
	if (old)
		old->pprev = &last->next;
	to->first = chain;
	chain->pprev = &to->first;
	from->first = NULL;
}

#define hlist_entry(ptr, type, member) container_of(ptr, type, member)

/* NULL-propagating hlist_entry(). */
#define hlist_entry_safe(ptr, type, member) ({				\
	typeof(ptr) __hes_p = (ptr);					\
									\
	__hes_p ? hlist_entry(__hes_p, type, member) : NULL;		\
})

/* The entry after @pos in its hlist, or NULL. */
#define __hlist_next_entry(pos, member) \
	hlist_entry_safe((pos)->member.next, typeof(*(pos)), member)

#define hlist_for_each(pos, head) \
	for ((pos) = (head)->first; pos; (pos) = (pos)->next)

#define hlist_for_each_safe(pos, n, head) \
	for ((pos) = (head)->first; (pos) && ({ (n) = (pos)->next; 1; }); (pos) = (n))

#define hlist_for_each_entry_from(pos, member)				\
	for (; pos; (pos) = __hlist_next_entry(pos, member))

#define hlist_for_each_entry_continue(pos, member)			\
	for ((pos) = __hlist_next_entry(pos, member); pos;		\
	     (pos) = __hlist_next_entry(pos, member))

#define hlist_for_each_entry(pos, head, member)				\
	for ((pos) = hlist_entry_safe((head)->first, typeof(*(pos)), member); \
	     pos; (pos) = __hlist_next_entry(pos, member))

#define hlist_for_each_entry_safe(pos, n, head, member)			\
	for ((pos) = hlist_entry_safe((head)->first, typeof(*(pos)), member); \
	     (pos) && ({ (n) = (pos)->member.next; 1; });		\
	     (pos) = hlist_entry_safe(n, typeof(*(pos)), member))

static inline size_t hlist_count_nodes(struct hlist_head *head)
{
	struct hlist_node *it = head->first;
	size_t count = 0;

	for (; it; it = it->next)
		count++;
	return count;
}

#endif /* _LINUX_LIST_H */
