// SPDX-License-Identifier: GPL-2.0
/*
 * Recoverable I/O page faults (PCI PRI, SMMU stall).
 *
 * A driver adds each fault-capable device to an &iopf_queue and reports
 * page requests with iommu_report_device_fault(). Requests arrive in
 * groups: the core holds the earlier ones of a group (the "partial" list)
 * until the one marked LAST_PAGE arrives, then hands the whole group to the
 * iopf_handler of the domain attached to the faulting PASID (or RID). The
 * handler answers the group with iopf_group_response() and frees it with
 * iopf_free_group().
 *
 * Per-device state lives in &iommu_fault_param, published in
 * dev->iommu->fault_param under RCU and reference counted: reports in
 * flight and groups not yet freed each hold a reference, so the state
 * outlives iopf_queue_remove_device() as long as needed.
 */

#include <linux/device.h>
#include <linux/export.h>
#include <linux/iommu.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "iommu-priv.h"

/* Take a reference on the fault state of @dev; NULL if it has none */
static struct iommu_fault_param *iopf_param_get(struct device *dev)
{
	struct iommu_fault_param *fault_param;

	rcu_read_lock();
	fault_param = rcu_dereference(dev->iommu->fault_param);
	if (fault_param && !refcount_inc_not_zero(&fault_param->users))
		fault_param = NULL;
	rcu_read_unlock();
	return fault_param;
}

static void iopf_param_put(struct iommu_fault_param *fault_param)
{
	if (refcount_dec_and_test(&fault_param->users))
		kfree_rcu(fault_param, rcu);
}

/*
 * Free the requests a group owns (all but the embedded last one) and drop
 * the group's reference on the fault state. The group itself is left.
 */
static void iopf_group_release_faults(struct iopf_group *group)
{
	struct iopf_fault *iopf, *next;

	list_for_each_entry_safe(iopf, next, &group->faults, list) {
		if (iopf != &group->last_fault)
			kfree(iopf);
	}
	iopf_param_put(group->fault_param);
}

/**
 * iopf_free_group() - free a page request group
 * @group: a group delivered to an iopf_handler
 *
 * Call after iopf_group_response() (or iopf_group_dequeue() and a
 * response of the handler's own).
 */
void iopf_free_group(struct iopf_group *group)
{
	iopf_group_release_faults(group);
	kfree(group);
}
EXPORT_SYMBOL_GPL(iopf_free_group);

/* Keep a request that does not end its group for later */
static int iopf_save_partial(struct iommu_fault_param *fault_param,
			     struct iommu_fault *fault)
{
	struct iopf_fault *iopf;

	iopf = kzalloc(sizeof(*iopf), GFP_KERNEL);
	if (!iopf)
		return -ENOMEM;
	iopf->fault = *fault;

	mutex_lock(&fault_param->lock);
	list_add(&iopf->list, &fault_param->partial);
	mutex_unlock(&fault_param->lock);
	return 0;
}

/*
 * Build the group that @evt completes: the saved partial requests with the
 * same group index, then @evt itself. Without memory, @fallback (a group on
 * the caller's stack) is used so the requests can still be answered. The
 * group goes on the pending list and holds the caller's reference on
 * @fault_param.
 */
static struct iopf_group *iopf_group_build(struct iommu_fault_param *fault_param,
					   struct iopf_fault *evt,
					   struct iopf_group *fallback)
{
	struct iopf_fault *iopf, *next;
	struct iopf_group *group;

	group = kzalloc(sizeof(*group), GFP_KERNEL);
	if (!group)
		group = fallback;

	group->fault_param = fault_param;
	group->last_fault.fault = evt->fault;
	INIT_LIST_HEAD(&group->faults);
	INIT_LIST_HEAD(&group->pending_node);

	mutex_lock(&fault_param->lock);
	list_for_each_entry_safe(iopf, next, &fault_param->partial, list) {
		if (iopf->fault.prm.grpid == evt->fault.prm.grpid)
			list_move_tail(&iopf->list, &group->faults);
	}
	list_add_tail(&group->last_fault.list, &group->faults);
	list_add(&group->pending_node, &fault_param->faults);
	mutex_unlock(&fault_param->lock);

	group->fault_count = list_count_nodes(&group->faults);
	return group;
}

/*
 * The attach handle whose domain handles faults from this request:
 *  - with a PASID: the handle of that PASID; if there is none and the
 *    driver keeps the PASID table in a user domain, the NESTED domain's
 *    handle on the RID;
 *  - without a PASID: the handle of the RID.
 * A domain without an iopf_handler handles nothing.
 */
static struct iommu_attach_handle *iopf_find_handler(struct device *dev,
						     struct iopf_fault *evt)
{
	struct iommu_fault_page_request *prm = &evt->fault.prm;
	struct iommu_group *group = dev->iommu_group;
	struct iommu_attach_handle *handle;

	if (!(prm->flags & IOMMU_FAULT_PAGE_REQUEST_PASID_VALID)) {
		handle = iommu_attach_handle_get(group, IOMMU_NO_PASID, 0);
	} else {
		handle = iommu_attach_handle_get(group, prm->pasid, 0);
		if (IS_ERR(handle) && dev_iommu_ops(dev)->user_pasid_table)
			handle = iommu_attach_handle_get(group, IOMMU_NO_PASID,
							 IOMMU_DOMAIN_NESTED);
	}

	if (IS_ERR(handle) || !handle->domain->iopf_handler)
		return NULL;
	return handle;
}

/* Answer a request nobody can handle */
static void iopf_respond_invalid(struct device *dev, struct iopf_fault *evt)
{
	struct iommu_page_response resp = {
		.pasid = evt->fault.prm.pasid,
		.grpid = evt->fault.prm.grpid,
		.code = IOMMU_PAGE_RESP_INVALID,
	};

	dev_iommu_ops(dev)->page_response(dev, evt, &resp);
}

/**
 * iommu_report_device_fault() - hand a page request to the core
 * @dev: the device that issued it
 * @evt: the request; copied, the caller keeps ownership
 *
 * Called by IOMMU drivers, typically from a threaded interrupt handler.
 * Drivers must drop PCI PASID stop markers themselves: they need no
 * response and are only an optimisation.
 *
 * A request without a handling domain (or on a device that was never added
 * to an iopf queue, which also WARNs) is answered IOMMU_PAGE_RESP_INVALID
 * right away. A request that does not end its group is kept until the last
 * one arrives. The last request delivers the group to the domain's
 * iopf_handler, which then owns it; if the handler refuses it, or no group
 * could be allocated, the group is answered IOMMU_PAGE_RESP_FAILURE.
 *
 * The domain must stay alive until the device can no longer fault on it
 * and every pending request has been flushed.
 *
 * Return: 0 once the request is taken care of (including the FAILURE
 * case); -EINVAL if no handler was found (the INVALID answer has been
 * sent); -ENOMEM if a partial request could not be saved (no answer sent).
 */
int iommu_report_device_fault(struct device *dev, struct iopf_fault *evt)
{
	struct iommu_fault_param *fault_param;
	struct iommu_attach_handle *handle;
	struct iopf_group fallback = {};
	struct iopf_group *group;
	int ret;

	handle = iopf_find_handler(dev, evt);
	if (!handle)
		goto err_no_handler;

	/* A fault-capable domain on a device without a queue is a bug */
	fault_param = iopf_param_get(dev);
	if (WARN_ON(!fault_param))
		goto err_no_handler;

	if (!(evt->fault.prm.flags & IOMMU_FAULT_PAGE_REQUEST_LAST_PAGE)) {
		ret = iopf_save_partial(fault_param, &evt->fault);
		iopf_param_put(fault_param);
		return ret;
	}

	/* From here on the group holds our fault_param reference */
	group = iopf_group_build(fault_param, evt, &fallback);
	if (group == &fallback)
		goto err_abort;

	group->attach_handle = handle;
	if (handle->domain->iopf_handler(group))
		goto err_abort;
	return 0;

err_abort:
	dev_warn_ratelimited(dev, "page request group for pasid %u aborted\n",
			     evt->fault.prm.pasid);
	iopf_group_response(group, IOMMU_PAGE_RESP_FAILURE);
	if (group == &fallback)
		iopf_group_release_faults(group);
	else
		iopf_free_group(group);
	return 0;

err_no_handler:
	if (evt->fault.type == IOMMU_FAULT_PAGE_REQ)
		iopf_respond_invalid(dev, evt);
	return -EINVAL;
}
EXPORT_SYMBOL_GPL(iommu_report_device_fault);

/**
 * iopf_queue_flush_dev() - wait for the fault work of a device's queue
 * @dev: a device added to an iopf queue
 *
 * Drivers call this before reusing a PASID, after making sure no new
 * request can arrive (their own hardware queue is drained), so that no
 * handler still works for the old user of the PASID.
 *
 * Return: 0, or -ENODEV (with a WARN) if @dev is in no queue.
 */
int iopf_queue_flush_dev(struct device *dev)
{
	struct iommu_fault_param *fault_param;

	/* Calling this after iopf_queue_remove_device() is a driver bug */
	fault_param = rcu_dereference_check(dev->iommu->fault_param, true);
	if (WARN_ON(!fault_param))
		return -ENODEV;

	flush_workqueue(fault_param->queue->wq);
	return 0;
}
EXPORT_SYMBOL_GPL(iopf_queue_flush_dev);

/**
 * iopf_group_response() - answer a page request group
 * @group: the group
 * @status: the answer
 *
 * The answer carries the PASID and group index of the group's last
 * request; the driver's page_response() sends it. The group leaves the
 * pending list and can then be freed with iopf_free_group().
 */
void iopf_group_response(struct iopf_group *group,
			 enum iommu_page_response_code status)
{
	struct iommu_fault_param *fault_param = group->fault_param;
	struct iopf_fault *last = &group->last_fault;
	struct device *dev = fault_param->dev;
	struct iommu_page_response resp = {
		.pasid = last->fault.prm.pasid,
		.grpid = last->fault.prm.grpid,
		.code = status,
	};

	mutex_lock(&fault_param->lock);
	dev_iommu_ops(dev)->page_response(dev, last, &resp);
	list_del_init(&group->pending_node);
	mutex_unlock(&fault_param->lock);
}
EXPORT_SYMBOL_GPL(iopf_group_response);

/**
 * iopf_group_dequeue() - take a group off the pending list unanswered
 * @group: the group
 *
 * The caller becomes responsible for answering the requests itself (e.g.
 * iommufd forwarding them to userspace).
 */
void iopf_group_dequeue(struct iopf_group *group)
{
	struct iommu_fault_param *fault_param = group->fault_param;

	mutex_lock(&fault_param->lock);
	list_del_init(&group->pending_node);
	mutex_unlock(&fault_param->lock);
}
EXPORT_SYMBOL_GPL(iopf_group_dequeue);

/**
 * iopf_queue_discard_partial() - drop every saved partial request
 * @queue: the queue
 *
 * For drivers whose hardware queue overflowed: the LAST_PAGE requests of
 * some groups may be lost, so their partial requests would never complete.
 * No new requests may be reported meanwhile.
 *
 * Return: 0, or -EINVAL for a NULL queue.
 */
int iopf_queue_discard_partial(struct iopf_queue *queue)
{
	struct iommu_fault_param *fault_param;
	struct iopf_fault *iopf, *next;

	if (!queue)
		return -EINVAL;

	mutex_lock(&queue->lock);
	list_for_each_entry(fault_param, &queue->devices, queue_list) {
		mutex_lock(&fault_param->lock);
		list_for_each_entry_safe(iopf, next, &fault_param->partial,
					 list) {
			list_del(&iopf->list);
			kfree(iopf);
		}
		mutex_unlock(&fault_param->lock);
	}
	mutex_unlock(&queue->lock);
	return 0;
}
EXPORT_SYMBOL_GPL(iopf_queue_discard_partial);

/**
 * iopf_queue_add_device() - start accepting page requests from a device
 * @queue: the queue
 * @dev: the device
 *
 * Return: 0; -ENODEV if the driver has no page_response op; -EBUSY if the
 * device is in a queue already; -ENOMEM.
 */
int iopf_queue_add_device(struct iopf_queue *queue, struct device *dev)
{
	struct dev_iommu *param = dev->iommu;
	struct iommu_fault_param *fault_param;
	int ret = 0;

	if (!dev_iommu_ops(dev)->page_response)
		return -ENODEV;

	mutex_lock(&queue->lock);
	mutex_lock(&param->lock);
	if (rcu_dereference_protected(param->fault_param,
				      lockdep_is_held(&param->lock))) {
		ret = -EBUSY;
		goto out_unlock;
	}

	fault_param = kzalloc(sizeof(*fault_param), GFP_KERNEL);
	if (!fault_param) {
		ret = -ENOMEM;
		goto out_unlock;
	}

	mutex_init(&fault_param->lock);
	INIT_LIST_HEAD(&fault_param->partial);
	INIT_LIST_HEAD(&fault_param->faults);
	refcount_set(&fault_param->users, 1);
	fault_param->dev = dev;
	fault_param->queue = queue;
	list_add(&fault_param->queue_list, &queue->devices);

	rcu_assign_pointer(param->fault_param, fault_param);
out_unlock:
	mutex_unlock(&param->lock);
	mutex_unlock(&queue->lock);
	return ret;
}
EXPORT_SYMBOL_GPL(iopf_queue_add_device);

/**
 * iopf_queue_remove_device() - stop accepting page requests from a device
 * @queue: the queue the device was added to
 * @dev: the device
 *
 * The driver first stops the hardware from delivering new requests for
 * the device and drains its own queue. This then drops the saved partial
 * requests and answers every pending group IOMMU_PAGE_RESP_INVALID; after
 * that the driver may disable PRI on the device. Handlers still working on
 * a group keep the fault state alive until they free it; their responses
 * then reach the driver's page_response() as usual.
 */
void iopf_queue_remove_device(struct iopf_queue *queue, struct device *dev)
{
	struct dev_iommu *param = dev->iommu;
	struct iommu_fault_param *fault_param;
	struct iopf_group *group, *gnext;
	struct iopf_fault *iopf, *next;
	const struct iommu_ops *ops = dev_iommu_ops(dev);

	mutex_lock(&queue->lock);
	mutex_lock(&param->lock);
	fault_param = rcu_dereference_protected(param->fault_param,
						lockdep_is_held(&param->lock));
	if (WARN_ON(!fault_param || fault_param->queue != queue))
		goto out_unlock;

	mutex_lock(&fault_param->lock);
	list_for_each_entry_safe(iopf, next, &fault_param->partial, list) {
		list_del(&iopf->list);
		kfree(iopf);
	}

	list_for_each_entry_safe(group, gnext, &fault_param->faults,
				 pending_node) {
		struct iommu_page_response resp = {
			.pasid = group->last_fault.fault.prm.pasid,
			.grpid = group->last_fault.fault.prm.grpid,
			.code = IOMMU_PAGE_RESP_INVALID,
		};

		ops->page_response(dev, &group->last_fault, &resp);
		list_del_init(&group->pending_node);
		iopf_free_group(group);
	}
	mutex_unlock(&fault_param->lock);

	list_del(&fault_param->queue_list);
	rcu_assign_pointer(param->fault_param, NULL);
	/* The reference iopf_queue_add_device() created */
	iopf_param_put(fault_param);
out_unlock:
	mutex_unlock(&param->lock);
	mutex_unlock(&queue->lock);
}
EXPORT_SYMBOL_GPL(iopf_queue_remove_device);

/**
 * iopf_queue_alloc() - create a page request queue
 * @name: names the queue's workqueue ("iopf_queue/<name>")
 *
 * The workqueue is unbound and unordered: requests within a group are
 * ordered by the group itself, groups may be handled in any order.
 *
 * Return: the queue, or NULL.
 */
struct iopf_queue *iopf_queue_alloc(const char *name)
{
	struct iopf_queue *queue;

	queue = kzalloc(sizeof(*queue), GFP_KERNEL);
	if (!queue)
		return NULL;

	queue->wq = alloc_workqueue("iopf_queue/%s", WQ_UNBOUND, 0, name);
	if (!queue->wq) {
		kfree(queue);
		return NULL;
	}

	INIT_LIST_HEAD(&queue->devices);
	mutex_init(&queue->lock);
	return queue;
}
EXPORT_SYMBOL_GPL(iopf_queue_alloc);

/**
 * iopf_queue_free() - remove every device from a queue and free it
 * @queue: the queue, or NULL
 *
 * The driver must not report faults or add devices any more.
 */
void iopf_queue_free(struct iopf_queue *queue)
{
	struct iommu_fault_param *fault_param, *next;

	if (!queue)
		return;

	list_for_each_entry_safe(fault_param, next, &queue->devices, queue_list)
		iopf_queue_remove_device(queue, fault_param->dev);

	destroy_workqueue(queue->wq);
	kfree(queue);
}
EXPORT_SYMBOL_GPL(iopf_queue_free);
