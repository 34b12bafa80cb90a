/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KREF_H
#define _LINUX_KREF_H

#include <linux/refcount.h>

/**
 * struct kref - reference count with a release callback
 * @refcount: the count
 */
struct kref {
	refcount_t refcount;
};

#define KREF_INIT(n)	{ .refcount = REFCOUNT_INIT(n), }

/*
 * Common tail of the kref_put*() family: @dropped tells whether the caller's
 * decrement took the count to zero, in which case the object is released.
 */
static inline int __kref_release_if(bool dropped, struct kref *ref,
				    void (*release)(struct kref *kref))
{
	if (!dropped)
		return 0;
	release(ref);
	return 1;
}

static inline void kref_init(struct kref *kref)
{
	refcount_t *cnt = &kref->refcount;

	refcount_set(cnt, 1);
}

static inline void kref_get(struct kref *kref)
{
	refcount_t *cnt = &kref->refcount;

	refcount_inc(cnt);
}

static inline unsigned int kref_read(const struct kref *kref)
{
	const refcount_t *cnt = &kref->refcount;

	return refcount_read(cnt);
}

/**
 * kref_get_unless_zero() - take a reference unless the count is 0
 * @kref: the object's kref
 *
 * Return: non-zero if a reference was taken.
 */
static inline int __must_check kref_get_unless_zero(struct kref *kref)
{
	refcount_t *cnt = &kref->refcount;

	return refcount_inc_not_zero(cnt);
}

/**
 * kref_put() - drop a reference, calling @release on the last one
 * @kref: the object's kref
 * @release: called with @kref when the count reaches 0
 *
 * Return: 1 if @release was called, 0 otherwise.
 */
static inline int kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
	bool last = refcount_dec_and_test(&kref->refcount);

	return __kref_release_if(last, kref, release);
}

/* As kref_put(), but @lock is taken (and left held) when the count hits 0. */
static inline int kref_put_mutex(struct kref *kref, void (*release)(struct kref *kref),
				 struct mutex *lock)
{
	bool last = refcount_dec_and_mutex_lock(&kref->refcount, lock);

	return __kref_release_if(last, kref, release);
}

/* Spinlock flavour of kref_put_mutex(). */
static inline int kref_put_lock(struct kref *kref, void (*release)(struct kref *kref),
				spinlock_t *lock)
{
	bool last = refcount_dec_and_lock(&kref->refcount, lock);

	return __kref_release_if(last, kref, release);
}

#endif /* _LINUX_KREF_H */
