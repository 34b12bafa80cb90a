// SPDX-License-Identifier: GPL-2.0
/*
 * Allocation failure sweeps over the main paths of the IOMMU core.
 *
 * Each path is run with current->fail_nth = 1, 2, 3, ... so that every
 * allocation it makes fails once, until a run gets through without reaching
 * the injected failure. After each run the path must have either succeeded
 * or returned an error it is allowed to return, leaving the state it
 * started from: no group, domain, handle or bond left over, and no memory
 * (compared with the allocation count before the run). A warning anywhere
 * fails the test as well.
 */

#include <linux/capability.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include <kunit/test.h>

#include "../../../../drivers/iommu/iommu-mock.h"
#include "../../../../drivers/iommu/iommu-priv.h"

/*
 * The number of live allocations, and taking capabilities away from the
 * running test, come from the environment the kernel runs in: a KUnit test
 * has no kernel-side equivalent. This file holds the tests that need it.
 */
#include <host/env.h>

/* No path is expected to allocate more often than this */
#define FI_MAX_POINTS	400

struct fi_env {
	struct mock_iommu *inst;
	struct device *dev;
	struct device *peer;
	struct iommu_domain *domain;
	struct mm_struct *mm;
	struct iommu_attach_handle handle;
	unsigned int handler_calls;
	bool fallback_seen;
};

/**
 * struct fi_path - one core path under allocation failure
 * @name: for messages
 * @errnos: the errors the path may return (0-terminated)
 * @prepare: set up what the path needs (before counting allocations)
 * @run: the path; on failure it must leave no trace
 * @check_clean: after a failed run, check nothing is left
 * @finish: undo @prepare
 */
struct fi_path {
	const char *name;
	int errnos[4];
	void (*prepare)(struct kunit *test, struct fi_env *env);
	int (*run)(struct kunit *test, struct fi_env *env);
	void (*check_clean)(struct kunit *test, struct fi_env *env);
	void (*finish)(struct kunit *test, struct fi_env *env);
};

static long fi_outstanding(void)
{
	/* kfree_rcu()ed memory counts until its grace period is over */
	rcu_barrier();
	return host_alloc_outstanding();
}

static bool fi_errno_allowed(const struct fi_path *path, int ret)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(path->errnos) && path->errnos[i]; i++)
		if (path->errnos[i] == ret)
			return true;
	return false;
}

/*
 * Run @path once without injection (to warm up lazily created state such
 * as ID allocator layers), then once per allocation it makes, failing
 * that allocation. Return: the number of allocations that were failed.
 */
static unsigned int fi_sweep(struct kunit *test, const struct fi_path *path,
			     struct fi_env *env)
{
	unsigned int n, points = 0;

	path->prepare(test, env);
	KUNIT_ASSERT_EQ_MSG(test, path->run(test, env), 0,
			    "%s fails without injected failures", path->name);
	path->finish(test, env);

	for (n = 1; n <= FI_MAX_POINTS; n++) {
		long before = fi_outstanding();
		bool injected;
		int ret;

		path->prepare(test, env);
		current->fail_nth = n;
		ret = path->run(test, env);
		injected = current->fail_nth == 0;
		current->fail_nth = 0;

		if (ret) {
			KUNIT_EXPECT_TRUE_MSG(test, injected,
					      "%s: error %d without an injected failure",
					      path->name, ret);
			KUNIT_EXPECT_TRUE_MSG(test, fi_errno_allowed(path, ret),
					      "%s: allocation %u failed: unexpected error %d",
					      path->name, n, ret);
			path->check_clean(test, env);
		}
		path->finish(test, env);

		KUNIT_EXPECT_EQ_MSG(test, fi_outstanding(), before,
				    "%s: allocation %u failed (ret %d): memory leaked",
				    path->name, n, ret);
		if (!injected)
			break;
		points++;
	}
	KUNIT_EXPECT_LE_MSG(test, n, (unsigned int)FI_MAX_POINTS,
			    "%s never completed", path->name);
	kunit_info(test, "%s: %u allocation failure points", path->name,
		   points);
	return points;
}

/* Every path starts from an instance with a strict DMA default policy */
static void fi_init_env(struct kunit *test, struct fi_env *env,
			const struct mock_iommu_config *cfg)
{
	memset(env, 0, sizeof(*env));
	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	env->inst = mock_iommu_create(test, cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, env->inst);
}

static void fi_remove_dev(struct device **dev)
{
	if (*dev)
		mock_dev_remove(*dev);
	*dev = NULL;
}

static void fi_dev_prepare(struct kunit *test, struct fi_env *env)
{
	env->dev = MOCK_DEV(test, env->inst, "fi-dev", MOCK_DEV_PASID);
}

static void fi_dev_finish(struct kunit *test, struct fi_env *env)
{
	fi_remove_dev(&env->dev);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(env->inst), 0U);
}

/* Nothing of a device is left with the core: no group, no domain */
static void fi_check_no_device(struct kunit *test, struct fi_env *env)
{
	KUNIT_EXPECT_NULL(test, env->dev);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(env->inst), 0U);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env->inst,
					       MOCK_OP_PROBE_DEVICE),
			mock_iommu_count(env->inst, MOCK_OP_RELEASE_DEVICE));
}

/* The device is back on its default domain, with nothing else attached */
static void fi_check_default(struct kunit *test, struct fi_env *env)
{
	struct iommu_group *group = env->dev->iommu_group;

	KUNIT_ASSERT_NOT_NULL(test, group);
	KUNIT_EXPECT_PTR_EQ(test, group->domain, group->default_domain);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(env->dev),
			    group->default_domain);
	KUNIT_EXPECT_TRUE(test, xa_empty(&group->pasid_array));
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0U);
	KUNIT_EXPECT_NULL(test, group->owner);
}

/* ---- probe of a device into a new group with a DMA default domain ---- */

static void fi_probe_prepare(struct kunit *test, struct fi_env *env)
{
	mock_iommu_log_clear(env->inst);
}

static int fi_probe_run(struct kunit *test, struct fi_env *env)
{
	struct device *dev = mock_dev_create(test, env->inst, "fi-probe", 0);

	if (IS_ERR(dev))
		return PTR_ERR(dev);
	env->dev = dev;
	KUNIT_EXPECT_NOT_NULL(test, dev->iommu_group);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(dev),
			    iommu_get_domain_for_dev(dev));
	return 0;
}

static void fi_probe_finish(struct kunit *test, struct fi_env *env)
{
	fi_remove_dev(&env->dev);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(env->inst), 0U);
}

/* The default domain allocation failing is -EINVAL under a DMA policy */
static const struct fi_path fi_probe_path = {
	.name = "probe",
	.errnos = { -ENOMEM, -EINVAL },
	.prepare = fi_probe_prepare,
	.run = fi_probe_run,
	.check_clean = fi_check_no_device,
	.finish = fi_probe_finish,
};

static void fi_probe(struct kunit *test)
{
	const struct mock_iommu_config cfg = { MOCK_IOMMU_MODERN };
	struct fi_env env;

	fi_init_env(test, &env, &cfg);
	KUNIT_EXPECT_GT(test, fi_sweep(test, &fi_probe_path, &env), 0U);
}

/* ---- paging domain: alloc, attach, map, unmap, detach, free ---- */

static int fi_paging_run(struct kunit *test, struct fi_env *env)
{
	struct iommu_group *group = env->dev->iommu_group;
	struct iommu_domain *domain;
	int ret;

	domain = iommu_paging_domain_alloc(env->dev);
	if (IS_ERR(domain))
		return PTR_ERR(domain);

	ret = iommu_attach_group(domain, group);
	if (ret)
		goto out_free;

	ret = iommu_map(domain, SZ_4K, 0x40001000, SZ_4M, IOMMU_READ |
			IOMMU_WRITE, GFP_KERNEL);
	if (ret)
		goto out_detach;
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(domain), (size_t)SZ_4M);
	KUNIT_EXPECT_EQ(test, iommu_unmap(domain, SZ_4K, SZ_4M), (size_t)SZ_4M);

out_detach:
	/* A failed map leaves nothing behind */
	KUNIT_EXPECT_EQ(test, mock_domain_mapped(domain), (size_t)0);
	iommu_detach_group(domain, group);
out_free:
	iommu_domain_free(domain);
	return ret;
}

/* Only the default domain is left */
static void fi_paging_check(struct kunit *test, struct fi_env *env)
{
	fi_check_default(test, env);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(env->inst), 1U);
}

static const struct fi_path fi_paging_path = {
	.name = "paging domain alloc/attach/map/unmap",
	.errnos = { -ENOMEM },
	.prepare = fi_dev_prepare,
	.run = fi_paging_run,
	.check_clean = fi_paging_check,
	.finish = fi_dev_finish,
};

static void fi_paging(struct kunit *test)
{
	const struct mock_iommu_config cfg = { MOCK_IOMMU_MODERN };
	struct fi_env env;

	fi_init_env(test, &env, &cfg);
	KUNIT_EXPECT_GT(test, fi_sweep(test, &fi_paging_path, &env), 0U);
}

/* ---- DMA ownership claim (with an allocated blocking domain) ---- */

static int fi_owner_cookie;

static int fi_claim_run(struct kunit *test, struct fi_env *env)
{
	struct iommu_group *group = env->dev->iommu_group;
	int ret;

	ret = iommu_group_claim_dma_owner(group, &fi_owner_cookie);
	if (ret)
		return ret;
	KUNIT_EXPECT_PTR_EQ(test, group->domain, group->blocking_domain);
	iommu_group_release_dma_owner(group);
	return 0;
}

static void fi_claim_check(struct kunit *test, struct fi_env *env)
{
	struct iommu_group *group = env->dev->iommu_group;

	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0U);
	KUNIT_EXPECT_NULL(test, group->owner);
	KUNIT_EXPECT_PTR_EQ(test, group->domain, group->default_domain);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_rid_domain(env->dev),
			    group->default_domain);
}

static const struct fi_path fi_claim_path = {
	.name = "group ownership claim",
	.errnos = { -ENOMEM },
	.prepare = fi_dev_prepare,
	.run = fi_claim_run,
	.check_clean = fi_claim_check,
	.finish = fi_dev_finish,
};

static void fi_claim(struct kunit *test)
{
	const struct mock_iommu_config cfg = {
		MOCK_IOMMU_MODERN,
		.blocked = MOCK_BLOCKED_NONE,
	};
	struct fi_env env;

	fi_init_env(test, &env, &cfg);
	KUNIT_EXPECT_GT(test, fi_sweep(test, &fi_claim_path, &env), 0U);
}

/* ---- PASID attach with a handle ---- */

static void fi_pasid_prepare(struct kunit *test, struct fi_env *env)
{
	fi_dev_prepare(test, env);
	env->domain = iommu_paging_domain_alloc(env->dev);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, env->domain);
	memset(&env->handle, 0, sizeof(env->handle));
}

static int fi_pasid_run(struct kunit *test, struct fi_env *env)
{
	struct iommu_group *group = env->dev->iommu_group;
	int ret;

	ret = iommu_attach_device_pasid(env->domain, env->dev, 9, &env->handle);
	if (ret)
		return ret;
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group, 9, 0),
			    &env->handle);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(env->dev, 9),
			    env->domain);
	iommu_detach_device_pasid(env->domain, env->dev, 9);
	return 0;
}

static void fi_pasid_check(struct kunit *test, struct fi_env *env)
{
	KUNIT_EXPECT_TRUE(test, xa_empty(&env->dev->iommu_group->pasid_array));
	KUNIT_EXPECT_NULL(test, mock_dev_pasid_domain(env->dev, 9));
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(env->dev->iommu_group,
							  9, 0),
			    ERR_PTR(-ENOENT));
}

static void fi_pasid_finish(struct kunit *test, struct fi_env *env)
{
	iommu_domain_free(env->domain);
	env->domain = NULL;
	fi_dev_finish(test, env);
}

static const struct fi_path fi_pasid_path = {
	.name = "PASID attach with handle",
	.errnos = { -ENOMEM },
	.prepare = fi_pasid_prepare,
	.run = fi_pasid_run,
	.check_clean = fi_pasid_check,
	.finish = fi_pasid_finish,
};

static void fi_pasid(struct kunit *test)
{
	const struct mock_iommu_config cfg = { MOCK_IOMMU_MODERN };
	struct fi_env env;

	fi_init_env(test, &env, &cfg);
	KUNIT_EXPECT_GT(test, fi_sweep(test, &fi_pasid_path, &env), 0U);
}

/* ---- SVA bind and unbind ---- */

static void fi_sva_prepare(struct kunit *test, struct fi_env *env)
{
	fi_dev_prepare(test, env);
	env->mm = mm_alloc();
	KUNIT_ASSERT_NOT_NULL(test, env->mm);
}

static int fi_sva_run(struct kunit *test, struct fi_env *env)
{
	struct iommu_sva *bond, *again;

	bond = iommu_sva_bind_device(env->dev, env->mm);
	if (IS_ERR(bond))
		return PTR_ERR(bond);
	again = iommu_sva_bind_device(env->dev, env->mm);
	KUNIT_EXPECT_PTR_EQ(test, again, bond);
	if (!IS_ERR(again))
		iommu_sva_unbind_device(again);
	iommu_sva_unbind_device(bond);
	return 0;
}

static void fi_sva_check(struct kunit *test, struct fi_env *env)
{
	KUNIT_EXPECT_TRUE(test, xa_empty(&env->dev->iommu_group->pasid_array));
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(env->inst), 1U);
}

static void fi_sva_finish(struct kunit *test, struct fi_env *env)
{
	/* The PASID of the mm lives as long as the mm */
	mm_pasid_drop(env->mm);
	mmput(env->mm);
	env->mm = NULL;
	fi_dev_finish(test, env);
}

/* Failing the PASID allocation (an IDA layer) is -ENOSPC */
static const struct fi_path fi_sva_path = {
	.name = "SVA bind/unbind",
	.errnos = { -ENOMEM, -ENOSPC },
	.prepare = fi_sva_prepare,
	.run = fi_sva_run,
	.check_clean = fi_sva_check,
	.finish = fi_sva_finish,
};

static void fi_sva(struct kunit *test)
{
	const struct mock_iommu_config cfg = { MOCK_IOMMU_MODERN };
	struct fi_env env;

	fi_init_env(test, &env, &cfg);
	KUNIT_EXPECT_GT(test, fi_sweep(test, &fi_sva_path, &env), 0U);
}

/* ---- iopf queue: add a device, report a group, answer it ---- */

static int fi_iopf_handler(struct iopf_group *group)
{
	struct fi_env *env = group->attach_handle->domain->fault_data;

	env->handler_calls++;
	iopf_group_response(group, IOMMU_PAGE_RESP_SUCCESS);
	iopf_free_group(group);
	return 0;
}

static void fi_iopf_prepare(struct kunit *test, struct fi_env *env)
{
	fi_pasid_prepare(test, env);
	env->domain->iopf_handler = fi_iopf_handler;
	env->domain->fault_data = env;
	env->handler_calls = 0;
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(env->domain, env->dev,
							4, &env->handle), 0);
	mock_iommu_log_clear(env->inst);
}

static int fi_iopf_run(struct kunit *test, struct fi_env *env)
{
	const struct mock_call *resp;
	struct iopf_queue *queue;
	int ret;

	queue = iopf_queue_alloc("fi");
	if (!queue)
		return -ENOMEM;
	ret = iopf_queue_add_device(queue, env->dev);
	if (ret)
		goto out_free;

	ret = mock_dev_report_fault(env->dev, 4, 1, 0x1000, false);
	if (ret)
		goto out_remove;
	ret = mock_dev_report_fault(env->dev, 4, 1, 0x2000, true);
	KUNIT_EXPECT_EQ(test, ret, 0);

	/* One answer; FAILURE if the group could not be allocated */
	KUNIT_EXPECT_EQ(test, mock_iommu_count(env->inst,
					       MOCK_OP_PAGE_RESPONSE), 1);
	resp = mock_iommu_last_call(env->inst, MOCK_OP_PAGE_RESPONSE);
	if (resp)
		KUNIT_EXPECT_EQ(test, resp->type, env->handler_calls ?
				(unsigned int)IOMMU_PAGE_RESP_SUCCESS :
				(unsigned int)IOMMU_PAGE_RESP_FAILURE);
out_remove:
	iopf_queue_remove_device(queue, env->dev);
out_free:
	iopf_queue_free(queue);
	return ret;
}

static void fi_iopf_check(struct kunit *test, struct fi_env *env)
{
	KUNIT_EXPECT_NULL(test, rcu_access_pointer(env->dev->iommu->fault_param));
	KUNIT_EXPECT_EQ(test, env->handler_calls, 0U);
}

static void fi_iopf_finish(struct kunit *test, struct fi_env *env)
{
	iommu_detach_device_pasid(env->domain, env->dev, 4);
	fi_pasid_finish(test, env);
}

static const struct fi_path fi_iopf_path = {
	.name = "iopf queue add/report/response",
	.errnos = { -ENOMEM },
	.prepare = fi_iopf_prepare,
	.run = fi_iopf_run,
	.check_clean = fi_iopf_check,
	.finish = fi_iopf_finish,
};

static void fi_iopf(struct kunit *test)
{
	const struct mock_iommu_config cfg = { MOCK_IOMMU_MODERN };
	struct fi_env env;

	fi_init_env(test, &env, &cfg);
	KUNIT_EXPECT_GT(test, fi_sweep(test, &fi_iopf_path, &env), 0U);
}

/* ---- reserved region merge over a two-device group ---- */

static const struct mock_resv fi_resv_a[] = {
	{ 0x10000, 0x1000, IOMMU_READ, IOMMU_RESV_DIRECT },
	{ 0x30000, 0x2000, 0, IOMMU_RESV_RESERVED },
	{ 0x50000, 0x1000, 0, IOMMU_RESV_MSI },
};

static const struct mock_resv fi_resv_b[] = {
	{ 0x11000, 0x1000, IOMMU_READ, IOMMU_RESV_DIRECT },
	{ 0x31000, 0x4000, 0, IOMMU_RESV_RESERVED },
};

static void fi_resv_prepare(struct kunit *test, struct fi_env *env)
{
	struct mock_dev_config cfg = {
		.name = "fi-resv-a",
		.resv = fi_resv_a,
		.nr_resv = ARRAY_SIZE(fi_resv_a),
	};

	env->dev = mock_dev_create_cfg(test, env->inst, &cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, env->dev);
	cfg.name = "fi-resv-b";
	cfg.resv = fi_resv_b;
	cfg.nr_resv = ARRAY_SIZE(fi_resv_b);
	cfg.group_with = env->dev;
	env->peer = mock_dev_create_cfg(test, env->inst, &cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, env->peer);
}

static void fi_resv_free(struct list_head *head)
{
	struct iommu_resv_region *region, *next;

	list_for_each_entry_safe(region, next, head, list)
		kfree(region);
	INIT_LIST_HEAD(head);
}

static int fi_resv_run(struct kunit *test, struct fi_env *env)
{
	struct iommu_resv_region *region;
	phys_addr_t prev = 0;
	LIST_HEAD(head);
	int ret;

	ret = iommu_get_group_resv_regions(env->dev->iommu_group, &head);
	/* Sorted and merged, complete or not (the driver may run short) */
	list_for_each_entry(region, &head, list) {
		KUNIT_EXPECT_GE(test, region->start, prev);
		prev = region->start;
	}
	/* The caller frees what it got, also after an error */
	fi_resv_free(&head);
	return ret;
}

static void fi_resv_check(struct kunit *test, struct fi_env *env)
{
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(env->dev),
			    iommu_group_default_domain(env->dev->iommu_group));
}

static void fi_resv_finish(struct kunit *test, struct fi_env *env)
{
	fi_remove_dev(&env->peer);
	fi_dev_finish(test, env);
}

static const struct fi_path fi_resv_path = {
	.name = "resv region merge",
	.errnos = { -ENOMEM },
	.prepare = fi_resv_prepare,
	.run = fi_resv_run,
	.check_clean = fi_resv_check,
	.finish = fi_resv_finish,
};

static void fi_resv(struct kunit *test)
{
	const struct mock_iommu_config cfg = { MOCK_IOMMU_MODERN };
	struct fi_env env;

	fi_init_env(test, &env, &cfg);
	KUNIT_EXPECT_GT(test, fi_sweep(test, &fi_resv_path, &env), 0U);
}

/* ---- replacing a RID handle ---- */

static void fi_replace_prepare(struct kunit *test, struct fi_env *env)
{
	fi_pasid_prepare(test, env);
}

static int fi_replace_run(struct kunit *test, struct fi_env *env)
{
	struct iommu_group *group = env->dev->iommu_group;
	int ret;

	ret = iommu_replace_group_handle(group, env->domain, &env->handle);
	if (ret)
		return ret;
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group,
							  IOMMU_NO_PASID, 0),
			    &env->handle);
	iommu_detach_group_handle(env->domain, group);
	return 0;
}

static const struct fi_path fi_replace_path = {
	.name = "group handle replace",
	.errnos = { -ENOMEM },
	.prepare = fi_replace_prepare,
	.run = fi_replace_run,
	.check_clean = fi_check_default,
	.finish = fi_pasid_finish,
};

static void fi_replace(struct kunit *test)
{
	const struct mock_iommu_config cfg = { MOCK_IOMMU_MODERN };
	struct fi_env env;

	fi_init_env(test, &env, &cfg);
	KUNIT_EXPECT_GT(test, fi_sweep(test, &fi_replace_path, &env), 0U);
}

static struct kunit_case iommu_fault_injection_cases[] = {
	KUNIT_CASE_SLOW(fi_probe),
	KUNIT_CASE_SLOW(fi_paging),
	KUNIT_CASE_SLOW(fi_claim),
	KUNIT_CASE_SLOW(fi_pasid),
	KUNIT_CASE_SLOW(fi_sva),
	KUNIT_CASE_SLOW(fi_iopf),
	KUNIT_CASE_SLOW(fi_resv),
	KUNIT_CASE_SLOW(fi_replace),
	{}
};

static struct kunit_suite iommu_fault_injection_suite = {
	.name = "iommu_fault_injection",
	.test_cases = iommu_fault_injection_cases,
};

kunit_test_suite(iommu_fault_injection_suite);

/*
 * 54: changing a group's default domain type needs CAP_SYS_ADMIN and
 * CAP_SYS_RAWIO.
 */
static void sysfs_type_store_without_caps_eacces(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *def;
	struct device *dev;
	ssize_t ret;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	dev = MOCK_DEV(test, inst, "caps-a", 0);
	def = iommu_group_default_domain(dev->iommu_group);

	host_set_capable(CAP_SYS_RAWIO, false);
	ret = iommu_group_store_type(dev->iommu_group, "identity", 8);
	host_set_capable(CAP_SYS_RAWIO, true);
	KUNIT_EXPECT_EQ(test, ret, (ssize_t)-EACCES);

	host_set_capable(CAP_SYS_ADMIN, false);
	ret = iommu_group_store_type(dev->iommu_group, "identity", 8);
	host_set_capable(CAP_SYS_ADMIN, true);
	KUNIT_EXPECT_EQ(test, ret, (ssize_t)-EACCES);

	KUNIT_EXPECT_PTR_EQ(test, iommu_group_default_domain(dev->iommu_group),
			    def);
	/* With both it works */
	KUNIT_EXPECT_EQ(test, iommu_group_store_type(dev->iommu_group,
						     "identity", 8),
			(ssize_t)8);
}

static struct kunit_case iommu_sysfs_caps_cases[] = {
	KUNIT_CASE(sysfs_type_store_without_caps_eacces),
	{}
};

static struct kunit_suite iommu_sysfs_caps_suite = {
	.name = "iommu_sysfs_caps",
	.test_cases = iommu_sysfs_caps_cases,
};

kunit_test_suite(iommu_sysfs_caps_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_IMPORT_NS(IOMMUFD_INTERNAL);
