// SPDX-License-Identifier: GPL-2.0
/*
 * Static stubs: each activated replacement is a resource of the test that
 * activated it, so it disappears when the test ends.
 */
#include <kunit/resource.h>
#include <kunit/static_stub.h>
#include <kunit/test.h>

#include <linux/slab.h>

struct kunit_stub {
	void *real;
	void *replacement;
};

static void kunit_stub_free(struct kunit_resource *res)
{
	kfree(res->data);
}

static bool kunit_stub_match(struct kunit *test, struct kunit_resource *res,
			     void *real_fn_addr)
{
	const struct kunit_stub *stub = res->data;

	return res->free == kunit_stub_free && stub->real == real_fn_addr;
}

/**
 * kunit_get_static_stub_address() - the active replacement of a function
 * @test: the running test.
 * @real_fn_addr: the function.
 *
 * Return: the replacement, or NULL.
 */
void *kunit_get_static_stub_address(struct kunit *test, void *real_fn_addr)
{
	struct kunit_resource *res;
	void *replacement;

	res = kunit_find_resource(test, kunit_stub_match, real_fn_addr);
	if (!res)
		return NULL;
	replacement = ((struct kunit_stub *)res->data)->replacement;
	kunit_put_resource(res);
	return replacement;
}
EXPORT_SYMBOL_GPL(kunit_get_static_stub_address);

/**
 * kunit_deactivate_static_stub() - restore the real function
 * @test: the test.
 * @real_fn_addr: the function.
 */
void kunit_deactivate_static_stub(struct kunit *test, void *real_fn_addr)
{
	kunit_destroy_resource(test, kunit_stub_match, real_fn_addr);
}
EXPORT_SYMBOL_GPL(kunit_deactivate_static_stub);

/**
 * __kunit_activate_static_stub() - replace a function for the rest of @test
 * @test: the test.
 * @real_fn_addr: the function.
 * @replacement_addr: the replacement, or NULL to restore the real one.
 *
 * Fails @test if there is no memory to record the replacement.
 */
void __kunit_activate_static_stub(struct kunit *test, void *real_fn_addr,
				  void *replacement_addr)
{
	struct kunit_resource *res;
	struct kunit_stub *stub;

	if (!replacement_addr) {
		kunit_deactivate_static_stub(test, real_fn_addr);
		return;
	}

	res = kunit_find_resource(test, kunit_stub_match, real_fn_addr);
	if (res) {
		((struct kunit_stub *)res->data)->replacement = replacement_addr;
		kunit_put_resource(res);
		return;
	}

	stub = kzalloc(sizeof(*stub), GFP_KERNEL);
	if (!stub)
		goto fail;
	stub->real = real_fn_addr;
	stub->replacement = replacement_addr;
	if (!kunit_alloc_resource(test, NULL, kunit_stub_free, GFP_KERNEL, stub)) {
		kfree(stub);
		goto fail;
	}
	return;
fail:
	KUNIT_FAIL(test, "could not record a static stub: out of memory");
}
EXPORT_SYMBOL_GPL(__kunit_activate_static_stub);
