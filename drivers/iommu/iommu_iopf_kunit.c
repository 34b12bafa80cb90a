// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of I/O page fault handling: fault queues, page request
 * groups, delivery to the handler of the attached domain, page responses,
 * and the legacy fault callback.
 *
 * Numbers in comments refer to the conformance list of the IOMMU core
 * reference (ref/core.md section 12).
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/list.h>
#include <linux/sched/mm.h>
#include <kunit/bug.h>
#include <kunit/device.h>
#include <kunit/resource.h>
#include <kunit/test.h>

#include "iommu-mock.h"
#include "iommu-priv.h"

#define IOPF_MAX_ADDRS 8

/* What the test handler saw, reached through domain->fault_data */
struct iopf_ctx {
	int ret;
	bool keep;
	unsigned int calls;
	size_t fault_count;
	u32 grpid;
	u32 pasid;
	u64 addrs[IOPF_MAX_ADDRS];
	unsigned int naddrs;
	struct iommu_attach_handle *handle;
	struct iopf_group *kept;
};

static int iopf_test_handler(struct iopf_group *group)
{
	struct iopf_ctx *ctx = group->attach_handle->domain->fault_data;
	struct iopf_fault *iopf;

	ctx->calls++;
	ctx->handle = group->attach_handle;
	ctx->fault_count = group->fault_count;
	ctx->grpid = group->last_fault.fault.prm.grpid;
	ctx->pasid = group->last_fault.fault.prm.pasid;
	ctx->naddrs = 0;
	list_for_each_entry(iopf, &group->faults, list)
		if (ctx->naddrs < IOPF_MAX_ADDRS)
			ctx->addrs[ctx->naddrs++] = iopf->fault.prm.addr;

	if (ctx->ret)
		return ctx->ret;
	if (ctx->keep) {
		ctx->kept = group;
		return 0;
	}
	iopf_group_response(group, IOMMU_PAGE_RESP_SUCCESS);
	iopf_free_group(group);
	return 0;
}

KUNIT_DEFINE_ACTION_WRAPPER(iopf_queue_free_action, iopf_queue_free,
			    struct iopf_queue *);

/* A fresh queue, freed (removing its devices) when the test ends */
static struct iopf_queue *iopf_test_queue(struct kunit *test)
{
	struct iopf_queue *queue = iopf_queue_alloc("kunit");
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, queue);
	ret = kunit_add_action_or_reset(test, iopf_queue_free_action, queue);
	KUNIT_ASSERT_EQ(test, ret, 0);
	return queue;
}

/* An instance, a PASID device in a queue, and a domain with a handler */
struct iopf_env {
	struct mock_iommu *inst;
	struct device *dev;
	struct iopf_queue *queue;
	struct iommu_domain *domain;
	struct iopf_ctx *ctx;
};

/* Route the faults @domain handles to iopf_test_handler() and a fresh record */
static struct iopf_ctx *iopf_give_handler(struct kunit *test,
					  struct iommu_domain *domain)
{
	struct iopf_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	domain->iopf_handler = iopf_test_handler;
	domain->fault_data = ctx;
	return ctx;
}

/* Everything of an iopf_env except the handler */
static void iopf_setup_bare(struct kunit *test, struct iopf_env *env,
			    bool user_pasid_table)
{
	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	env->inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
			       .user_pasid_table = user_pasid_table);
	env->dev = MOCK_DEV(test, env->inst, "iopf-a", MOCK_DEV_PASID);
	env->queue = iopf_test_queue(test);
	KUNIT_ASSERT_EQ(test, iopf_queue_add_device(env->queue, env->dev), 0);
	env->domain = MOCK_PAGING(test, env->dev);
}

static void iopf_setup(struct kunit *test, struct iopf_env *env)
{
	iopf_setup_bare(test, env, false);
	env->ctx = iopf_give_handler(test, env->domain);
}

/* iopf_setup(), then the domain attached at PASID 5 with @handle */
static void iopf_setup_pasid5(struct kunit *test, struct iopf_env *env,
			      struct iommu_attach_handle *handle)
{
	iopf_setup(test, env);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(env->domain, env->dev, 5,
							handle), 0);
}

/* iopf_setup(), then the domain attached to the RID with @handle */
static void iopf_setup_rid(struct kunit *test, struct iopf_env *env,
			   struct iommu_attach_handle *handle)
{
	iopf_setup(test, env);
	KUNIT_ASSERT_EQ(test, iommu_attach_group_handle(env->domain,
							env->dev->iommu_group,
							handle), 0);
}

/* A request the core must accept */
static void iopf_report_ok(struct kunit *test, struct iopf_env *env, u32 pasid,
			   u32 grpid, u64 addr, bool last)
{
	KUNIT_ASSERT_EQ(test, mock_dev_report_fault(env->dev, pasid, grpid, addr,
						    last), 0);
}

/*
 * iopf_setup_pasid5() with a handler that keeps what it gets, and one
 * complete group (@grpid) delivered and kept
 */
static void iopf_setup_kept(struct kunit *test, struct iopf_env *env,
			    struct iommu_attach_handle *handle, u32 grpid)
{
	iopf_setup_pasid5(test, env, handle);
	env->ctx->keep = true;
	iopf_report_ok(test, env, 5, grpid, 0x1000, true);
	KUNIT_ASSERT_NOT_NULL(test, env->ctx->kept);
}

static const struct mock_call *iopf_last_response(struct mock_iommu *inst)
{
	return mock_iommu_last_call(inst, MOCK_OP_PAGE_RESPONSE);
}

/* The last page response exists and has @type; returned for more checks */
static const struct mock_call *iopf_expect_response(struct kunit *test,
						    struct mock_iommu *inst,
						    unsigned int type)
{
	const struct mock_call *resp = iopf_last_response(inst);

	KUNIT_ASSERT_NOT_NULL(test, resp);
	KUNIT_EXPECT_EQ(test, resp->type, type);
	return resp;
}

static void iopf_expect_responses(struct kunit *test, struct mock_iommu *inst,
				  unsigned int count)
{
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_PAGE_RESPONSE),
			count);
}

/* 75: nobody to handle the request */
static void fault_without_handler_invalid(struct kunit *test)
{
	struct iopf_env env;
	const struct mock_call *resp;
	struct iommu_attach_handle handle = {};
	struct iommu_domain *plain;

	iopf_setup(test, &env);
	mock_iommu_log_clear(env.inst);

	/* Nothing attached at that PASID */
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, 20, 3, 0x1000,
						    true), -EINVAL);
	resp = iopf_expect_response(test, env.inst, IOMMU_PAGE_RESP_INVALID);
	KUNIT_EXPECT_EQ(test, resp->pasid, 20U);
	KUNIT_EXPECT_EQ(test, resp->count, (size_t)3);

	/* Not the last request of its group: answered all the same */
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, 20, 4, 0x2000,
						    false), -EINVAL);
	iopf_expect_responses(test, env.inst, 2);

	/* Attached without a handle: no handler to find */
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(env.domain, env.dev, 20,
							NULL), 0);
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, 20, 5, 0x3000,
						    true), -EINVAL);
	iommu_detach_device_pasid(env.domain, env.dev, 20);

	/* Attached with a handle, but the domain has no iopf_handler */
	plain = MOCK_PAGING(test, env.dev);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(plain, env.dev, 20,
							&handle), 0);
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, 20, 6, 0x4000,
						    true), -EINVAL);
	iommu_detach_device_pasid(plain, env.dev, 20);

	iopf_expect_responses(test, env.inst, 4);
	KUNIT_EXPECT_EQ(test, env.ctx->calls, 0U);
}

/* 75: the same for requests without a PASID and no RID handle */
static void rid_fault_without_handle_invalid(struct kunit *test)
{
	struct iopf_env env;

	iopf_setup(test, &env);
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, IOMMU_NO_PASID, 1,
						    0x1000, true), -EINVAL);
	iopf_expect_response(test, env.inst, IOMMU_PAGE_RESP_INVALID);
}

/* A RID request goes to the domain attached with a RID handle */
static void rid_fault_goes_to_rid_handle(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_attach_handle handle = {};

	iopf_setup_rid(test, &env, &handle);
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, IOMMU_NO_PASID, 2,
						    0x5000, true), 0);
	KUNIT_EXPECT_EQ(test, env.ctx->calls, 1U);
	KUNIT_EXPECT_PTR_EQ(test, env.ctx->handle, &handle);
	iopf_expect_response(test, env.inst, IOMMU_PAGE_RESP_SUCCESS);
	iommu_detach_group_handle(env.domain, env.dev->iommu_group);
}

/* 76 */
static void partial_fault_queued_without_response(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_attach_handle handle = {};

	iopf_setup_pasid5(test, &env, &handle);
	mock_iommu_log_clear(env.inst);

	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, 5, 1, 0x1000,
						    false), 0);
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, 5, 1, 0x2000,
						    false), 0);
	iopf_expect_responses(test, env.inst, 0);
	KUNIT_EXPECT_EQ(test, env.ctx->calls, 0U);
	iommu_detach_device_pasid(env.domain, env.dev, 5);
}

static bool iopf_saw_addr(struct iopf_ctx *ctx, u64 addr)
{
	unsigned int i;

	for (i = 0; i < ctx->naddrs; i++)
		if (ctx->addrs[i] == addr)
			return true;
	return false;
}

/* 77: the last request brings its whole group */
static void last_fault_delivers_whole_group(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_attach_handle handle = {};
	const struct mock_call *resp;

	iopf_setup_pasid5(test, &env, &handle);
	mock_iommu_log_clear(env.inst);

	iopf_report_ok(test, &env, 5, 7, 0x1000, false);
	iopf_report_ok(test, &env, 5, 8, 0x8000, false);
	iopf_report_ok(test, &env, 5, 7, 0x2000, false);
	iopf_report_ok(test, &env, 5, 7, 0x3000, true);

	KUNIT_EXPECT_EQ(test, env.ctx->calls, 1U);
	KUNIT_EXPECT_PTR_EQ(test, env.ctx->handle, &handle);
	KUNIT_EXPECT_EQ(test, env.ctx->fault_count, (size_t)3);
	KUNIT_EXPECT_EQ(test, env.ctx->naddrs, 3U);
	KUNIT_EXPECT_EQ(test, env.ctx->grpid, 7U);
	KUNIT_EXPECT_EQ(test, env.ctx->pasid, 5U);
	KUNIT_EXPECT_TRUE(test, iopf_saw_addr(env.ctx, 0x1000));
	KUNIT_EXPECT_TRUE(test, iopf_saw_addr(env.ctx, 0x2000));
	KUNIT_EXPECT_FALSE(test, iopf_saw_addr(env.ctx, 0x8000));
	/* The last request comes last */
	KUNIT_EXPECT_EQ(test, env.ctx->addrs[2], 0x3000ULL);

	/* One answer for the group, for its last request */
	iopf_expect_responses(test, env.inst, 1);
	resp = iopf_expect_response(test, env.inst, IOMMU_PAGE_RESP_SUCCESS);
	KUNIT_EXPECT_EQ(test, resp->count, (size_t)7);
	KUNIT_EXPECT_EQ(test, resp->pasid, 5U);

	/* The other group is still waiting for its last request */
	iopf_report_ok(test, &env, 5, 8, 0x9000, true);
	KUNIT_EXPECT_EQ(test, env.ctx->fault_count, (size_t)2);
	KUNIT_EXPECT_TRUE(test, iopf_saw_addr(env.ctx, 0x8000));
	iommu_detach_device_pasid(env.domain, env.dev, 5);
}

/* A single LAST_PAGE request is a group of one */
static void single_request_group(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_attach_handle handle = {};

	iopf_setup_pasid5(test, &env, &handle);
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, 5, 1, 0x7000,
						    true), 0);
	KUNIT_EXPECT_EQ(test, env.ctx->fault_count, (size_t)1);
	KUNIT_EXPECT_EQ(test, env.ctx->addrs[0], 0x7000ULL);
	iommu_detach_device_pasid(env.domain, env.dev, 5);
}

/* 78 */
static void handler_error_gets_failure_response(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_attach_handle handle = {};
	const struct mock_call *resp;

	iopf_setup_pasid5(test, &env, &handle);
	env.ctx->ret = -ENOMEM;
	mock_iommu_log_clear(env.inst);

	iopf_report_ok(test, &env, 5, 2, 0x1000, false);
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, 5, 2, 0x2000,
						    true), 0);
	KUNIT_EXPECT_EQ(test, env.ctx->calls, 1U);
	iopf_expect_responses(test, env.inst, 1);
	resp = iopf_expect_response(test, env.inst, IOMMU_PAGE_RESP_FAILURE);
	KUNIT_EXPECT_EQ(test, resp->count, (size_t)2);
	iommu_detach_device_pasid(env.domain, env.dev, 5);
}

/* 79: with a user-owned PASID table, the NESTED domain on the RID decides */
static void user_pasid_table_routes_to_nested(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_domain *nested;
	struct iommu_attach_handle handle = {};

	iopf_setup_bare(test, &env, true);
	nested = mock_domain_alloc_nested(env.inst, env.domain);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, nested);
	KUNIT_ASSERT_EQ(test, 0, mock_free_on_exit(test, nested));
	env.ctx = iopf_give_handler(test, nested);

	KUNIT_ASSERT_EQ(test, iommu_attach_group_handle(nested,
							env.dev->iommu_group,
							&handle), 0);
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, 33, 1, 0x1000,
						    true), 0);
	KUNIT_EXPECT_EQ(test, env.ctx->calls, 1U);
	KUNIT_EXPECT_PTR_EQ(test, env.ctx->handle, &handle);
	KUNIT_EXPECT_EQ(test, env.ctx->pasid, 33U);
	iommu_detach_group_handle(nested, env.dev->iommu_group);
}

/* 79: without it, the RID domain does not catch PASID requests */
static void no_user_pasid_table_no_routing(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_attach_handle handle = {};

	iopf_setup_rid(test, &env, &handle);
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, 33, 1, 0x1000,
						    true), -EINVAL);
	KUNIT_EXPECT_EQ(test, env.ctx->calls, 0U);
	iommu_detach_group_handle(env.domain, env.dev->iommu_group);
}

/* 79: only a NESTED domain on the RID is used for unattached PASIDs */
static void user_pasid_table_needs_nested_rid(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_attach_handle handle = {};

	iopf_setup_bare(test, &env, true);
	env.ctx = iopf_give_handler(test, env.domain);

	KUNIT_ASSERT_EQ(test, iommu_attach_group_handle(env.domain,
							env.dev->iommu_group,
							&handle), 0);
	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(env.dev, 33, 1, 0x1000,
						    true), -EINVAL);
	KUNIT_EXPECT_EQ(test, env.ctx->calls, 0U);
	iommu_detach_group_handle(env.domain, env.dev->iommu_group);
}

/* 80 */
static void queue_add_device_errors(struct kunit *test)
{
	struct mock_iommu *inst, *noresp;
	struct iopf_queue *queue, *other;
	struct device *dev, *ndev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	noresp = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .without = MOCK_WITHOUT_PAGE_RESPONSE);
	dev = MOCK_DEV(test, inst, "iopf-a", MOCK_DEV_PASID);
	ndev = MOCK_DEV(test, noresp, "iopf-n", MOCK_DEV_PASID);
	queue = iopf_test_queue(test);
	other = iopf_test_queue(test);

	KUNIT_EXPECT_EQ(test, iopf_queue_add_device(queue, ndev), -ENODEV);
	KUNIT_EXPECT_EQ(test, iopf_queue_add_device(queue, dev), 0);
	KUNIT_EXPECT_EQ(test, iopf_queue_add_device(queue, dev), -EBUSY);
	KUNIT_EXPECT_EQ(test, iopf_queue_add_device(other, dev), -EBUSY);
	iopf_queue_remove_device(queue, dev);
	KUNIT_EXPECT_EQ(test, iopf_queue_add_device(other, dev), 0);
}

/* 81: removing a device answers what it still has pending */
static void queue_remove_answers_pending_invalid(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_attach_handle handle = {};
	const struct mock_call *resp;

	iopf_setup_kept(test, &env, &handle, 9);
	/* A partial request that never completes */
	iopf_report_ok(test, &env, 5, 10, 0x2000, false);
	mock_iommu_log_clear(env.inst);

	iopf_queue_remove_device(env.queue, env.dev);
	iopf_expect_responses(test, env.inst, 1);
	resp = iopf_expect_response(test, env.inst, IOMMU_PAGE_RESP_INVALID);
	KUNIT_EXPECT_EQ(test, resp->count, (size_t)9);
	KUNIT_EXPECT_NULL(test, rcu_access_pointer(env.dev->iommu->fault_param));
	iommu_detach_device_pasid(env.domain, env.dev, 5);
}

/* A kept group answered later by its handler */
static void kept_group_answered_later(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_attach_handle handle = {};
	const struct mock_call *resp;

	iopf_setup_kept(test, &env, &handle, 4);
	iopf_expect_responses(test, env.inst, 0);

	iopf_group_response(env.ctx->kept, IOMMU_PAGE_RESP_SUCCESS);
	iopf_free_group(env.ctx->kept);
	resp = iopf_expect_response(test, env.inst, IOMMU_PAGE_RESP_SUCCESS);
	KUNIT_EXPECT_EQ(test, resp->count, (size_t)4);

	/* Nothing pending any more: removal sends nothing */
	mock_iommu_log_clear(env.inst);
	iopf_queue_remove_device(env.queue, env.dev);
	iopf_expect_responses(test, env.inst, 0);
	iommu_detach_device_pasid(env.domain, env.dev, 5);
}

/* A dequeued group is the handler's to answer; removal skips it */
static void dequeued_group_not_answered_on_remove(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_attach_handle handle = {};

	iopf_setup_kept(test, &env, &handle, 4);
	iopf_group_dequeue(env.ctx->kept);
	mock_iommu_log_clear(env.inst);

	iopf_queue_remove_device(env.queue, env.dev);
	iopf_expect_responses(test, env.inst, 0);
	iopf_free_group(env.ctx->kept);
	iommu_detach_device_pasid(env.domain, env.dev, 5);
}

/* Discarding partials: the next last request comes alone */
static void discard_partial_drops_saved_requests(struct kunit *test)
{
	struct iopf_env env;
	struct iommu_attach_handle handle = {};

	iopf_setup(test, &env);
	KUNIT_EXPECT_EQ(test, iopf_queue_discard_partial(NULL), -EINVAL);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(env.domain, env.dev, 5,
							&handle), 0);
	iopf_report_ok(test, &env, 5, 3, 0x1000, false);
	KUNIT_EXPECT_EQ(test, iopf_queue_discard_partial(env.queue), 0);
	iopf_report_ok(test, &env, 5, 3, 0x2000, true);
	KUNIT_EXPECT_EQ(test, env.ctx->fault_count, (size_t)1);
	KUNIT_EXPECT_EQ(test, env.ctx->addrs[0], 0x2000ULL);
	iommu_detach_device_pasid(env.domain, env.dev, 5);
}

/* An instance and one PASID device, in no fault queue */
static struct device *iopf_lone_dev(struct kunit *test, struct mock_iommu **inst)
{
	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	*inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	return MOCK_DEV(test, *inst, "iopf-a", MOCK_DEV_PASID);
}

/* A handler-capable domain on a device without a queue: WARN, INVALID */
static void fault_on_device_without_queue_warns(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_report_device_fault);
	struct mock_iommu *inst;
	struct iommu_attach_handle handle = {};
	struct iommu_domain *domain;
	struct iopf_ctx ctx = {};
	struct device *dev;
	int ret;

	dev = iopf_lone_dev(test, &inst);
	domain = MOCK_PAGING(test, dev);
	domain->iopf_handler = iopf_test_handler;
	domain->fault_data = &ctx;
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(domain, dev, 5,
							&handle), 0);

	START_SUPPRESSED_WARNING(iommu_report_device_fault);
	ret = mock_dev_report_fault(dev, 5, 1, 0x1000, true);
	END_SUPPRESSED_WARNING(iommu_report_device_fault);

	KUNIT_EXPECT_EQ(test, ret, -EINVAL);
	KUNIT_EXPECT_EQ(test,
			SUPPRESSED_WARNING_COUNT(iommu_report_device_fault), 1);
	KUNIT_EXPECT_EQ(test, ctx.calls, 0U);
	iopf_expect_response(test, inst, IOMMU_PAGE_RESP_INVALID);
	iommu_detach_device_pasid(domain, dev, 5);
}

/* Flushing a device that is in no queue is a driver bug */
static void flush_dev_without_queue_enodev(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iopf_queue_flush_dev);
	struct mock_iommu *inst;
	struct iopf_queue *queue;
	struct device *dev;
	int ret;

	dev = iopf_lone_dev(test, &inst);

	START_SUPPRESSED_WARNING(iopf_queue_flush_dev);
	ret = iopf_queue_flush_dev(dev);
	END_SUPPRESSED_WARNING(iopf_queue_flush_dev);
	KUNIT_EXPECT_EQ(test, ret, -ENODEV);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(iopf_queue_flush_dev), 1);

	queue = iopf_test_queue(test);
	KUNIT_ASSERT_EQ(test, iopf_queue_add_device(queue, dev), 0);
	KUNIT_EXPECT_EQ(test, iopf_queue_flush_dev(dev), 0);
}

/* Drivers add devices to their queue when IOPF is enabled */
static void feature_iopf_uses_driver_queue(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	dev = iopf_lone_dev(test, &inst);

	KUNIT_ASSERT_EQ(test, iommu_dev_enable_feature(dev, IOMMU_DEV_FEAT_IOPF),
			0);
	KUNIT_EXPECT_NOT_NULL(test, rcu_access_pointer(dev->iommu->fault_param));
	KUNIT_EXPECT_EQ(test, iopf_queue_add_device(mock_iommu_iopf_queue(inst),
						    dev), -EBUSY);
	KUNIT_ASSERT_EQ(test, iommu_dev_disable_feature(dev,
							IOMMU_DEV_FEAT_IOPF),
			0);
	KUNIT_EXPECT_NULL(test, rcu_access_pointer(dev->iommu->fault_param));
}

/* An SVA fault on an address the mm does not map is answered INVALID */
static void sva_fault_outside_vma_invalid(struct kunit *test)
{
	struct mock_iommu *inst;
	const struct mock_call *resp;
	struct iommu_sva *bond;
	struct mm_struct *mm;
	struct device *dev;
	u32 pasid;

	dev = iopf_lone_dev(test, &inst);
	mm = mock_mm_alloc(test);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, mm);

	KUNIT_ASSERT_EQ(test, iommu_dev_enable_feature(dev, IOMMU_DEV_FEAT_IOPF),
			0);
	KUNIT_ASSERT_EQ(test, iommu_dev_enable_feature(dev, IOMMU_DEV_FEAT_SVA),
			0);
	bond = iommu_sva_bind_device(dev, mm);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bond);
	pasid = iommu_sva_get_pasid(bond);
	mock_iommu_log_clear(inst);

	KUNIT_EXPECT_EQ(test, mock_dev_report_fault(dev, pasid, 1, 0x10000,
						    true), 0);
	KUNIT_EXPECT_EQ(test, iopf_queue_flush_dev(dev), 0);
	iopf_expect_responses(test, inst, 1);
	resp = iopf_expect_response(test, inst, IOMMU_PAGE_RESP_INVALID);
	KUNIT_EXPECT_EQ(test, resp->pasid, pasid);

	iommu_sva_unbind_device(bond);
	KUNIT_EXPECT_EQ(test, iommu_dev_disable_feature(dev, IOMMU_DEV_FEAT_SVA),
			0);
	KUNIT_EXPECT_EQ(test, iommu_dev_disable_feature(dev,
							IOMMU_DEV_FEAT_IOPF),
			0);
}

struct legacy_fault_ctx {
	unsigned int calls;
	struct iommu_domain *domain;
	struct device *dev;
	unsigned long iova;
	int flags;
};

static int legacy_fault_handler(struct iommu_domain *domain,
				struct device *dev, unsigned long iova,
				int flags, void *token)
{
	struct legacy_fault_ctx *ctx = token;

	ctx->calls++;
	ctx->domain = domain;
	ctx->dev = dev;
	ctx->iova = iova;
	ctx->flags = flags;
	return -EAGAIN;
}

/* 82 */
static void report_iommu_fault_handler(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "iopf-a", 0);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);
	struct legacy_fault_ctx ctx = {};

	KUNIT_EXPECT_EQ(test, report_iommu_fault(domain, dev, 0x1000,
						 IOMMU_FAULT_READ), -ENOSYS);
	iommu_set_fault_handler(domain, legacy_fault_handler, &ctx);
	KUNIT_EXPECT_EQ(test, report_iommu_fault(domain, dev, 0x2000,
						 IOMMU_FAULT_WRITE), -EAGAIN);
	KUNIT_EXPECT_EQ(test, ctx.calls, 1U);
	KUNIT_EXPECT_PTR_EQ(test, ctx.domain, domain);
	KUNIT_EXPECT_PTR_EQ(test, ctx.dev, dev);
	KUNIT_EXPECT_EQ(test, ctx.iova, 0x2000UL);
	KUNIT_EXPECT_EQ(test, ctx.flags, IOMMU_FAULT_WRITE);
}

static struct kunit_case iommu_iopf_cases[] = {
	KUNIT_CASE(fault_without_handler_invalid),
	KUNIT_CASE(rid_fault_without_handle_invalid),
	KUNIT_CASE(rid_fault_goes_to_rid_handle),
	KUNIT_CASE(partial_fault_queued_without_response),
	KUNIT_CASE(last_fault_delivers_whole_group),
	KUNIT_CASE(single_request_group),
	KUNIT_CASE(handler_error_gets_failure_response),
	KUNIT_CASE(user_pasid_table_routes_to_nested),
	KUNIT_CASE(no_user_pasid_table_no_routing),
	KUNIT_CASE(user_pasid_table_needs_nested_rid),
	KUNIT_CASE(queue_add_device_errors),
	KUNIT_CASE(queue_remove_answers_pending_invalid),
	KUNIT_CASE(kept_group_answered_later),
	KUNIT_CASE(dequeued_group_not_answered_on_remove),
	KUNIT_CASE(discard_partial_drops_saved_requests),
	KUNIT_CASE(fault_on_device_without_queue_warns),
	KUNIT_CASE(flush_dev_without_queue_enodev),
	KUNIT_CASE(feature_iopf_uses_driver_queue),
	KUNIT_CASE(sva_fault_outside_vma_invalid),
	KUNIT_CASE(report_iommu_fault_handler),
	{}
};

static struct kunit_suite iommu_iopf_suite = {
	.name = "iommu_iopf",
	.test_cases = iommu_iopf_cases,
};

kunit_test_suite(iommu_iopf_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_IMPORT_NS(IOMMUFD_INTERNAL);
