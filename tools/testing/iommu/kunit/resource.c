// SPDX-License-Identifier: GPL-2.0
/*
 * Test-managed resources, deferred actions and test-managed memory.
 *
 * Each test keeps a list of what it owns, oldest first.  When the test ends
 * the list is drained from the newest end, so things are released in the
 * reverse order of their creation, as unwinding code would release them.
 * A deferred action is a resource whose release calls the action.
 */
#include <kunit/resource.h>
#include <kunit/test.h>

#include <linux/errno.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "runner.h"

static void kunit_resource_last_put(struct kref *kref)
{
	struct kunit_resource *res = container_of(kref, struct kunit_resource,
						  refcount);
	/* ->free may free the struct itself when we did not allocate it. */
	bool ours = res->should_kfree;

	if (res->free)
		res->free(res);
	if (ours)
		kfree(res);
}

/**
 * kunit_put_resource() - drop a reference on @res, freeing it on the last
 * @res: the resource.
 */
void kunit_put_resource(struct kunit_resource *res)
{
	kref_put(&res->refcount, kunit_resource_last_put);
}
EXPORT_SYMBOL_GPL(kunit_put_resource);

/**
 * __kunit_add_resource() - attach @res to @test
 * @test: the owning test.
 * @init: optional set-up function, called before @res is listed.
 * @free: called when @res is released.
 * @res: the resource struct.
 * @data: passed to @init, or stored as @res->data when there is no @init.
 *
 * Return: 0, or the error @init returned.
 */
int __kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
			 kunit_resource_free_t free, struct kunit_resource *res,
			 void *data)
{
	int err;

	res->free = free;
	kref_init(&res->refcount);
	if (init) {
		err = init(res, data);
		if (err)
			return err;
	} else {
		res->data = data;
	}

	spin_lock(&test->lock);
	list_add_tail(&res->node, &test->resources);
	spin_unlock(&test->lock);
	return 0;
}
EXPORT_SYMBOL_GPL(__kunit_add_resource);

/**
 * kunit_add_named_resource() - attach a uniquely named resource to @test
 * @test: the owning test.
 * @init: optional set-up function.
 * @free: release function.
 * @res: the resource struct.
 * @name: its name.
 * @data: passed to @init, or stored as @res->data.
 *
 * Return: 0, -EINVAL, -EEXIST, or the error from @init.
 */
int kunit_add_named_resource(struct kunit *test, kunit_resource_init_t init,
			     kunit_resource_free_t free,
			     struct kunit_resource *res, const char *name,
			     void *data)
{
	struct kunit_resource *clash;

	if (!name)
		return -EINVAL;
	clash = kunit_find_named_resource(test, name);
	if (clash) {
		kunit_put_resource(clash);
		return -EEXIST;
	}
	res->name = name;
	res->should_kfree = false;
	return __kunit_add_resource(test, init, free, res, data);
}
EXPORT_SYMBOL_GPL(kunit_add_named_resource);

/*
 * Allocate a resource the test frees itself and attach it to @test; the
 * only reference is the test's.
 */
static struct kunit_resource *
kunit_new_resource(struct kunit *test, kunit_resource_init_t init,
		   kunit_resource_free_t free, gfp_t gfp, void *context)
{
	struct kunit_resource *res = kzalloc(sizeof(*res), gfp);

	if (!res)
		return NULL;
	res->should_kfree = true;
	if (__kunit_add_resource(test, init, free, res, context)) {
		kfree(res);
		return NULL;
	}
	return res;
}

/**
 * kunit_alloc_and_get_resource() - allocate, attach and reference a resource
 * @test: the owning test.
 * @init: optional set-up function.
 * @free: release function.
 * @internal_gfp: flags for the struct kunit_resource allocation.
 * @context: passed to @init.
 *
 * Return: the resource, holding a reference for the caller, or NULL.
 */
struct kunit_resource *
kunit_alloc_and_get_resource(struct kunit *test, kunit_resource_init_t init,
			     kunit_resource_free_t free, gfp_t internal_gfp,
			     void *context)
{
	struct kunit_resource *res = kunit_new_resource(test, init, free,
							internal_gfp, context);

	if (res)
		kunit_get_resource(res);
	return res;
}
EXPORT_SYMBOL_GPL(kunit_alloc_and_get_resource);

/**
 * kunit_alloc_resource() - allocate and attach a resource
 * @test: the owning test.
 * @init: optional set-up function.
 * @free: release function.
 * @internal_gfp: flags for the struct kunit_resource allocation.
 * @context: passed to @init.
 *
 * Return: the resource's data, or NULL.
 */
void *kunit_alloc_resource(struct kunit *test, kunit_resource_init_t init,
			   kunit_resource_free_t free, gfp_t internal_gfp,
			   void *context)
{
	struct kunit_resource *res = kunit_new_resource(test, init, free,
							internal_gfp, context);

	return res ? res->data : NULL;
}
EXPORT_SYMBOL_GPL(kunit_alloc_resource);

/**
 * kunit_find_resource() - the newest resource of @test matching @match
 * @test: the test.
 * @match: predicate.
 * @match_data: passed to @match.
 *
 * Return: the resource with a reference taken, or NULL.
 */
struct kunit_resource *kunit_find_resource(struct kunit *test,
					   kunit_resource_match_t match,
					   void *match_data)
{
	struct kunit_resource *res, *found = NULL;

	spin_lock(&test->lock);
	list_for_each_entry_reverse(res, &test->resources, node) {
		if (match(test, res, match_data)) {
			kunit_get_resource(res);
			found = res;
			break;
		}
	}
	spin_unlock(&test->lock);
	return found;
}
EXPORT_SYMBOL_GPL(kunit_find_resource);

/**
 * kunit_remove_resource() - detach @res and drop the test's reference
 * @test: the owning test.
 * @res: the resource.
 *
 * Safe to call on a resource that was already detached.
 */
void kunit_remove_resource(struct kunit *test, struct kunit_resource *res)
{
	bool listed;

	spin_lock(&test->lock);
	listed = !list_empty(&res->node);
	if (listed)
		list_del_init(&res->node);
	spin_unlock(&test->lock);
	if (listed)
		kunit_put_resource(res);
}
EXPORT_SYMBOL_GPL(kunit_remove_resource);

/**
 * kunit_destroy_resource() - find, detach and release a resource now
 * @test: the owning test.
 * @match: predicate.
 * @match_data: passed to @match.
 *
 * Return: 0, or -ENOENT if nothing matched.
 */
int kunit_destroy_resource(struct kunit *test, kunit_resource_match_t match,
			   void *match_data)
{
	struct kunit_resource *res = kunit_find_resource(test, match,
							 match_data);

	if (!res)
		return -ENOENT;
	kunit_remove_resource(test, res);
	kunit_put_resource(res);
	return 0;
}
EXPORT_SYMBOL_GPL(kunit_destroy_resource);

/**
 * kunit_cleanup() - release everything @test owns, newest first
 * @test: the test.
 *
 * Each resource is unlisted before it is released, so a release function
 * may add or remove other resources, and an abort in one release does not
 * repeat it when cleanup is resumed.
 */
void kunit_cleanup(struct kunit *test)
{
	struct kunit_resource *res;

	for (;;) {
		spin_lock(&test->lock);
		if (list_empty(&test->resources)) {
			spin_unlock(&test->lock);
			break;
		}
		res = list_last_entry(&test->resources, struct kunit_resource,
				      node);
		list_del_init(&res->node);
		spin_unlock(&test->lock);

		kunit_put_resource(res);
	}
}
EXPORT_SYMBOL_GPL(kunit_cleanup);

/* ---- deferred actions ---------------------------------------------------- */

/* A deferred action, as a resource; the resource struct is allocated. */
struct kunit_action_ctx {
	struct kunit_resource res;
	kunit_action_t *func;
	void *ctx;
};

static void kunit_action_release(struct kunit_resource *res)
{
	struct kunit_action_ctx *action = container_of(res,
						       struct kunit_action_ctx,
						       res);

	action->func(action->ctx);
}

/**
 * kunit_add_action() - run @action(@ctx) when @test ends
 * @test: the owning test.
 * @action: the function.
 * @ctx: its argument.
 *
 * Return: 0, or -ENOMEM.
 */
int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct kunit_action_ctx *node;

	if (WARN_ON(!action))
		return -EINVAL;
	node = kzalloc(sizeof(*node), GFP_KERNEL);
	if (!node)
		return -ENOMEM;
	node->func = action;
	node->ctx = ctx;
	node->res.should_kfree = true;
	/* res is the first member, so kfree(&node->res) frees the node. */
	return __kunit_add_resource(test, NULL, kunit_action_release,
				    &node->res, ctx);
}
EXPORT_SYMBOL_GPL(kunit_add_action);

/**
 * kunit_add_action_or_reset() - kunit_add_action(), or run @action at once
 * @test: the owning test.
 * @action: the function.
 * @ctx: its argument.
 *
 * Return: 0, or the error after @action(@ctx) has run.
 */
int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action,
			      void *ctx)
{
	int err = kunit_add_action(test, action, ctx);

	if (err)
		action(ctx);
	return err;
}
EXPORT_SYMBOL_GPL(kunit_add_action_or_reset);

static bool kunit_action_match(struct kunit *test, struct kunit_resource *res,
			       void *match_data)
{
	const struct kunit_action_ctx *want = match_data;
	const struct kunit_action_ctx *have;

	if (res->free != kunit_action_release)
		return false;
	have = container_of(res, struct kunit_action_ctx, res);
	return have->func == want->func && have->ctx == want->ctx;
}

/* Detach the newest matching action; run it if @run. */
static void kunit_take_action(struct kunit *test, kunit_action_t *action,
			      void *ctx, bool run)
{
	struct kunit_action_ctx want = { .func = action, .ctx = ctx };
	struct kunit_resource *res;

	res = kunit_find_resource(test, kunit_action_match, &want);
	if (!res)
		return;
	if (!run)
		res->free = NULL;
	kunit_remove_resource(test, res);
	/* Our lookup reference is the last one: this releases the action. */
	kunit_put_resource(res);
}

/**
 * kunit_remove_action() - cancel a deferred action without running it
 * @test: the owning test.
 * @action: the function.
 * @ctx: its argument.
 */
void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	kunit_take_action(test, action, ctx, false);
}
EXPORT_SYMBOL_GPL(kunit_remove_action);

/**
 * kunit_release_action() - run a deferred action now and forget it
 * @test: the owning test.
 * @action: the function.
 * @ctx: its argument.
 */
void kunit_release_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	kunit_take_action(test, action, ctx, true);
}
EXPORT_SYMBOL_GPL(kunit_release_action);

/* ---- test-managed memory ------------------------------------------------- */

static void kunit_kfree_action(void *ptr)
{
	kfree(ptr);
}

/**
 * kunit_kmalloc_array() - kmalloc_array() released when @test ends
 * @test: the owning test.
 * @n: number of elements.
 * @size: size of one element.
 * @gfp: allocation flags.
 *
 * Return: the memory, or NULL.
 */
void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	void *mem = kmalloc_array(n, size, gfp);

	if (!mem)
		return NULL;
	if (kunit_add_action_or_reset(test, kunit_kfree_action, mem))
		return NULL;
	return mem;
}
EXPORT_SYMBOL_GPL(kunit_kmalloc_array);

/**
 * kunit_kfree() - free test-managed memory before the test ends
 * @test: the owning test.
 * @ptr: memory from kunit_kmalloc() and friends, or NULL.
 */
void kunit_kfree(struct kunit *test, const void *ptr)
{
	if (!ptr)
		return;
	kunit_release_action(test, kunit_kfree_action, (void *)ptr);
}
EXPORT_SYMBOL_GPL(kunit_kfree);
