/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-managed resources and deferred actions.
 *
 * Everything registered here belongs to one running test and is released
 * when that test (or that run of a parameterised test) ends, newest first,
 * whether the test passed, failed, skipped or aborted.
 */
#ifndef _KUNIT_RESOURCE_H
#define _KUNIT_RESOURCE_H

#include <kunit/test.h>

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct kunit_resource;

/**
 * typedef kunit_resource_init_t - sets up a resource being added
 * @res: the resource; the function usually fills in @res->data.
 * @context: the data passed to the add function.
 *
 * Return: 0 on success, a negative errno to refuse the resource.
 */
typedef int (*kunit_resource_init_t)(struct kunit_resource *res, void *context);

/**
 * typedef kunit_resource_free_t - tears down a resource
 * @res: the resource being released.
 */
typedef void (*kunit_resource_free_t)(struct kunit_resource *res);

/**
 * struct kunit_resource - something a test owns until it ends
 * @data: the user's payload.
 * @name: optional name, for kunit_find_named_resource().
 * @free: called when the last reference goes away.
 *
 * The private part holds the reference count (the test's reference plus
 * any from lookups), the list entry and whether the runner allocated the
 * struct and frees it.
 */
struct kunit_resource {
	void *data;
	const char *name;
	kunit_resource_free_t free;

	/* private: internal use only. */
	struct kref refcount;
	struct list_head node;
	bool should_kfree;
};

/**
 * typedef kunit_resource_match_t - predicate for kunit_find_resource()
 * @test: the test whose resources are searched.
 * @res: a candidate.
 * @match_data: what the caller is looking for.
 *
 * Return: true if @res is the one wanted.
 */
typedef bool (*kunit_resource_match_t)(struct kunit *test,
				       struct kunit_resource *res,
				       void *match_data);

/**
 * kunit_get_resource() - take a reference on @res
 * @res: the resource.
 */
static inline void kunit_get_resource(struct kunit_resource *res)
{
	struct kref *ref = &res->refcount;

	kref_get(ref);
}

/**
 * kunit_put_resource() - drop a reference on @res, freeing it on the last
 * @res: the resource.
 */
void kunit_put_resource(struct kunit_resource *res);

/**
 * __kunit_add_resource() - attach @res to @test
 * @test: the owning test.
 * @init: optional set-up function, called before @res is listed.
 * @free: called when @res is released.
 * @res: caller-provided resource struct.
 * @data: passed to @init, or stored as @res->data when there is no @init.
 *
 * Return: 0, or the error @init returned (then @res is not attached).
 */
int __kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
			 kunit_resource_free_t free, struct kunit_resource *res,
			 void *data);

/**
 * kunit_add_resource() - attach a caller-allocated resource to @test
 * @test: the owning test.
 * @init: optional set-up function.
 * @free: release function.
 * @res: the resource struct, owned by the caller.
 * @data: passed to @init, or stored as @res->data.
 *
 * Return: 0 or the error from @init.
 */
static inline int kunit_add_resource(struct kunit *test,
				     kunit_resource_init_t init,
				     kunit_resource_free_t free,
				     struct kunit_resource *res, void *data)
{
	/* The caller owns @res itself; only the resource's data is freed. */
	res->should_kfree = false;

	return __kunit_add_resource(test, init, free, res, data);
}

/**
 * kunit_add_named_resource() - attach a uniquely named resource to @test
 * @test: the owning test.
 * @init: optional set-up function.
 * @free: release function.
 * @res: the resource struct, owned by the caller.
 * @name: the name; no other resource of @test may have it.
 * @data: passed to @init, or stored as @res->data.
 *
 * Return: 0, -EINVAL without a name, -EEXIST if the name is taken, or the
 * error from @init.
 */
int kunit_add_named_resource(struct kunit *test, kunit_resource_init_t init,
			     kunit_resource_free_t free,
			     struct kunit_resource *res, const char *name,
			     void *data);

/**
 * kunit_alloc_and_get_resource() - allocate, attach and reference a resource
 * @test: the owning test.
 * @init: optional set-up function.
 * @free: release function.
 * @internal_gfp: flags for allocating the struct kunit_resource.
 * @context: passed to @init.
 *
 * Return: the resource with an extra reference (drop it with
 * kunit_put_resource()), or NULL on failure.
 */
struct kunit_resource *
kunit_alloc_and_get_resource(struct kunit *test, kunit_resource_init_t init,
			     kunit_resource_free_t free, gfp_t internal_gfp,
			     void *context);

/**
 * kunit_alloc_resource() - allocate and attach a resource
 * @test: the owning test.
 * @init: optional set-up function.
 * @free: release function.
 * @internal_gfp: flags for allocating the struct kunit_resource.
 * @context: passed to @init.
 *
 * Return: the new resource's @data, or NULL on failure.
 */
void *kunit_alloc_resource(struct kunit *test, kunit_resource_init_t init,
			   kunit_resource_free_t free, gfp_t internal_gfp,
			   void *context);

/**
 * kunit_find_resource() - look up the newest resource matching a predicate
 * @test: the test to search.
 * @match: the predicate.
 * @match_data: passed to @match.
 *
 * Return: the resource with a reference taken, or NULL.
 */
struct kunit_resource *kunit_find_resource(struct kunit *test,
					   kunit_resource_match_t match,
					   void *match_data);

/**
 * kunit_resource_name_match() - match predicate comparing resource names
 * @test: unused.
 * @res: the candidate.
 * @match_name: the wanted name.
 *
 * Return: true if @res is named @match_name.
 */
static inline bool kunit_resource_name_match(struct kunit *test,
					     struct kunit_resource *res,
					     void *match_name)
{
	const char *have = res->name;

	if (!have)
		return false;
	return strcmp(have, match_name) == 0;
}

/**
 * kunit_find_named_resource() - look up a resource by name
 * @test: the test to search.
 * @name: the name.
 *
 * Return: the resource with a reference taken, or NULL.
 */
static inline struct kunit_resource *
kunit_find_named_resource(struct kunit *test, const char *name)
{
	void *key = (void *)name;

	return kunit_find_resource(test, kunit_resource_name_match, key);
}

/**
 * kunit_remove_resource() - detach @res from its test and drop the test's
 *	reference
 * @test: the owning test.
 * @res: the resource.
 */
void kunit_remove_resource(struct kunit *test, struct kunit_resource *res);

/**
 * kunit_destroy_resource() - find, detach and release a resource now
 * @test: the owning test.
 * @match: predicate.
 * @match_data: passed to @match.
 *
 * Return: 0, or -ENOENT if nothing matched.
 */
int kunit_destroy_resource(struct kunit *test, kunit_resource_match_t match,
			   void *match_data);

/**
 * kunit_destroy_named_resource() - kunit_destroy_resource() by name
 * @test: the owning test.
 * @name: the name.
 *
 * Return: 0, or -ENOENT.
 */
static inline int kunit_destroy_named_resource(struct kunit *test,
					       const char *name)
{
	void *key = (void *)name;

	return kunit_destroy_resource(test, kunit_resource_name_match, key);
}

/**
 * typedef kunit_action_t - a function deferred until the test ends
 * @ctx: the pointer given when the action was added.
 */
typedef void (kunit_action_t)(void *ctx);

/**
 * KUNIT_DEFINE_ACTION_WRAPPER() - adapt a one-pointer function to
 *	kunit_action_t without casting function pointers
 * @wrapper: name of the function to define.
 * @orig: the function to call.
 * @arg_type: the pointer type @orig takes.
 */
#define KUNIT_DEFINE_ACTION_WRAPPER(wrapper, orig, arg_type)		\
	static void wrapper(void *__kaw_ctx)				\
	{								\
		/* The action context is the one argument of @orig. */	\
		orig((arg_type)__kaw_ctx);				\
	}

/**
 * kunit_add_action() - run @action(@ctx) when @test ends
 * @test: the owning test.
 * @action: the function.
 * @ctx: its argument.
 *
 * Actions and resources are released in reverse order of registration.
 *
 * Return: 0, or -ENOMEM (then nothing was registered).
 */
int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx);

/**
 * kunit_add_action_or_reset() - kunit_add_action(), running the action at
 *	once if it cannot be registered
 * @test: the owning test.
 * @action: the function.
 * @ctx: its argument.
 *
 * Return: 0, or -ENOMEM after @action(@ctx) has run.
 */
int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action,
			      void *ctx);

/**
 * kunit_remove_action() - cancel a deferred action without running it
 * @test: the owning test.
 * @action: the function.
 * @ctx: its argument.
 *
 * Only the most recently added matching action is cancelled.
 */
void kunit_remove_action(struct kunit *test, kunit_action_t *action,
			 void *ctx);

/**
 * kunit_release_action() - run a deferred action now, and forget it
 * @test: the owning test.
 * @action: the function.
 * @ctx: its argument.
 *
 * Only the most recently added matching action runs.  Nothing happens if
 * there is none.
 */
void kunit_release_action(struct kunit *test, kunit_action_t *action,
			  void *ctx);

#endif /* _KUNIT_RESOURCE_H */
