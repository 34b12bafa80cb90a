/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H

#include <linux/list.h>
#include <linux/rcupdate.h>

/*
 * List operations safe against concurrent RCU readers: writers publish
 * a fully linked entry with a release store; readers traverse with
 * rcu_dereference().
 */

/* A list_head's forward link, seen as the RCU-protected pointer it is. */
#define list_next_rcu(list)	(*((struct list_head __rcu **)(&(list)->next)))

static inline void INIT_LIST_HEAD_RCU(struct list_head *list)
{
	struct list_head *self = list;

	WRITE_ONCE(self->prev, self);
	WRITE_ONCE(self->next, self);
}

/*
 * Link @entry between @before and @after.  The entry is fully set up before
 * rcu_assign_pointer() makes it reachable for readers walking forward.
 */
static inline void __list_add_rcu(struct list_head *entry, struct list_head *before,
				  struct list_head *after)
{
	entry->prev = before;
	entry->next = after;
	rcu_assign_pointer(list_next_rcu(before), entry);
	after->prev = entry;
}

static inline void list_add_rcu(struct list_head *new, struct list_head *head)
{
	struct list_head *old_first = head->next;

	__list_add_rcu(new, head, old_first);
}

static inline void list_add_tail_rcu(struct list_head *new, struct list_head *head)
{
	struct list_head *old_last = head->prev;

	__list_add_rcu(new, old_last, head);
}

/* The entry keeps its forward link so that readers standing on it can move on. */
static inline void list_del_rcu(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->prev = LIST_POISON2;
}

/* Swap @new in for @old; readers see either one, never a half-linked node. */
static inline void list_replace_rcu(struct list_head *old, struct list_head *new)
{
	struct list_head *left = old->prev, *right = old->next;

	new->prev = left;
	new->next = right;
	rcu_assign_pointer(list_next_rcu(left), new);
	right->prev = new;
	old->prev = LIST_POISON2;
}

#define list_entry_rcu(ptr, type, member) \
	container_of(READ_ONCE(ptr), type, member)

#define list_first_or_null_rcu(ptr, type, member) ({			\
	struct list_head *__lfr_head = (ptr);				\
	struct list_head *__lfr_next = READ_ONCE(__lfr_head->next);	\
									\
	unlikely(__lfr_next == __lfr_head) ? NULL :			\
		list_entry_rcu(__lfr_next, type, member);		\
})

/* The entry after @pos, loaded once as readers must. */
#define __list_next_entry_rcu(pos, member) \
	list_entry_rcu((pos)->member.next, typeof(*(pos)), member)

/*
 * @cond (a lockdep expression in Linux) is accepted and ignored: the host
 * has no RCU-lockdep checking.
 */
#define list_for_each_entry_rcu(pos, head, member, cond...)		\
	for ((pos) = list_entry_rcu((head)->next, typeof(*(pos)), member); \
	     !list_entry_is_head(pos, head, member);			\
	     (pos) = __list_next_entry_rcu(pos, member))

#define list_for_each_entry_continue_rcu(pos, head, member)		\
	for ((pos) = __list_next_entry_rcu(pos, member);		\
	     !list_entry_is_head(pos, head, member);			\
	     (pos) = __list_next_entry_rcu(pos, member))

#define list_for_each_entry_srcu(pos, head, member, cond)		\
	list_for_each_entry_rcu(pos, head, member, cond)

#define list_for_each_entry_lockless(pos, head, member)			\
	list_for_each_entry_rcu(pos, head, member)

/* Unlink; like list_del_rcu() the forward link stays for readers. */
static inline void hlist_del_rcu(struct hlist_node *n)
{
	__hlist_del(n);
	WRITE_ONCE(n->pprev, LIST_POISON2);
}

/* Unlink if linked, and mark the node unhashed. */
static inline void hlist_del_init_rcu(struct hlist_node *n)
{
	if (hlist_unhashed(n))
		return;
	__hlist_del(n);
	WRITE_ONCE(n->pprev, NULL);
}

static inline void hlist_add_head_rcu(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node __rcu **bucket = (struct hlist_node __rcu **)&h->first;
	struct hlist_node *old = h->first;

	n->next = old;
	WRITE_ONCE(n->pprev, &h->first);
	/* Publish: from here on readers of the bucket can reach @n. */
	rcu_assign_pointer(*bucket, n);
	if (old)
		WRITE_ONCE(old->pprev, &n->next);
}

/* hlist_entry_safe() of a link loaded once. */
#define __hlist_entry_rcu(link, pos, member) \
	hlist_entry_safe(READ_ONCE(link), typeof(*(pos)), member)

#define hlist_for_each_entry_rcu(pos, head, member, cond...)		\
	for ((pos) = __hlist_entry_rcu((head)->first, pos, member);	\
	     pos;							\
	     (pos) = __hlist_entry_rcu((pos)->member.next, pos, member))

#endif /* _LINUX_RCULIST_H */
