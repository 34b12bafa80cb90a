// SPDX-License-Identifier: GPL-2.0
/*
 * Recoverable I/O page faults: PCI page requests (PRI) and stalled SMMU
 * transactions.
 *
 * A driver registers each device that can fault with an &iopf_queue and
 * passes page requests in through iommu_report_device_fault(). Requests
 * come in groups. All but the last of a group are parked on the device's
 * "partial" list; the request flagged LAST_PAGE collects them into an
 * &iopf_group and hands it to the iopf_handler of the domain attached to
 * the PASID (or the RID) that faulted. The handler answers the group with
 * iopf_group_response() and releases it with iopf_free_group().
 *
 * The per-device state, &iommu_fault_param, is reached through
 * dev->iommu->fault_param under RCU. It is reference counted: each report
 * in progress and each group not yet freed holds a reference, so the state
 * survives iopf_queue_remove_device() for as long as anyone needs it.
 */

#include <linux/device.h>
#include <linux/export.h>
#include <linux/iommu.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "iommu-priv.h"

/* A counted reference on the fault state of @dev, or NULL without one */
static struct iommu_fault_param *fparam_hold(struct device *dev)
{
	struct iommu_fault_param *fp;

	rcu_read_lock();
	fp = rcu_dereference(dev->iommu->fault_param);
	if (fp && !refcount_inc_not_zero(&fp->users))
		fp = NULL;
	rcu_read_unlock();
	return fp;
}

static void fparam_release(struct iommu_fault_param *fp)
{
	if (!refcount_dec_and_test(&fp->users))
		return;
	kfree_rcu(fp, rcu);
}

/* The fault state of @dev, for callers holding dev->iommu->lock */
static struct iommu_fault_param *fparam_locked(struct dev_iommu *param)
{
	return rcu_dereference_protected(param->fault_param,
					 lockdep_is_held(&param->lock));
}

/* Send the driver an answer for the request group that @req ends */
static void iopf_answer(struct device *dev, struct iopf_fault *req,
			enum iommu_page_response_code code)
{
	struct iommu_page_response reply = {
		.code = code,
		.grpid = req->fault.prm.grpid,
		.pasid = req->fault.prm.pasid,
	};

	dev_iommu_ops(dev)->page_response(dev, req, &reply);
}

/* Free every request on @head except @keep, which is embedded elsewhere */
static void iopf_free_requests(struct list_head *head, struct iopf_fault *keep)
{
	struct iopf_fault *req, *tmp;

	list_for_each_entry_safe(req, tmp, head, list) {
		if (req == keep)
			continue;
		list_del(&req->list);
		kfree(req);
	}
}

/* Drop the saved requests of groups that never completed */
static void fparam_forget_partial(struct iommu_fault_param *fp)
{
	lockdep_assert_held(&fp->lock);
	iopf_free_requests(&fp->partial, NULL);
}

/*
 * Everything a group holds except its own memory: the requests it took
 * from the partial list and its reference on the fault state.
 */
static void iopf_group_drop_contents(struct iopf_group *fgroup)
{
	iopf_free_requests(&fgroup->faults, &fgroup->last_fault);
	fparam_release(fgroup->fault_param);
}

/**
 * iopf_free_group() - release a page request group
 * @group: a group that was delivered to an iopf_handler
 *
 * To be called once the group is answered, by iopf_group_response() or,
 * after iopf_group_dequeue(), by the handler itself.
 */
void iopf_free_group(struct iopf_group *group)
{
	iopf_group_drop_contents(group);
	kfree(group);
}
EXPORT_SYMBOL_GPL(iopf_free_group);

/* Park a request that does not end its group until the last one comes */
static int iopf_stash_partial(struct iommu_fault_param *fp,
			      const struct iommu_fault *fault)
{
	struct iopf_fault *copy;

	copy = kzalloc(sizeof(*copy), GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	copy->fault = *fault;

	mutex_lock(&fp->lock);
	list_add(&copy->list, &fp->partial);
	mutex_unlock(&fp->lock);
	return 0;
}

/*
 * Assemble the group that @last completes: the parked requests carrying
 * the same group index, then @last. When no memory is left, @spare (on the
 * caller's stack) is used instead so the requests can still be answered.
 * The group is put on the pending list and takes over the caller's
 * reference on @fp.
 */
static struct iopf_group *iopf_assemble(struct iommu_fault_param *fp,
					struct iopf_fault *last,
					struct iopf_group *spare)
{
	u32 grpid = last->fault.prm.grpid;
	struct iopf_fault *req, *tmp;
	struct iopf_group *fgroup;

	fgroup = kzalloc(sizeof(*fgroup), GFP_KERNEL);
	if (!fgroup)
		fgroup = spare;

	INIT_LIST_HEAD(&fgroup->faults);
	INIT_LIST_HEAD(&fgroup->pending_node);
	fgroup->last_fault.fault = last->fault;
	fgroup->fault_param = fp;

	mutex_lock(&fp->lock);
	list_for_each_entry_safe(req, tmp, &fp->partial, list) {
		if (req->fault.prm.grpid == grpid)
			list_move_tail(&req->list, &fgroup->faults);
	}
	list_add_tail(&fgroup->last_fault.list, &fgroup->faults);
	list_add(&fgroup->pending_node, &fp->faults);
	mutex_unlock(&fp->lock);

	fgroup->fault_count = list_count_nodes(&fgroup->faults);
	return fgroup;
}

/*
 * Whose iopf_handler deals with a request: for a request with a PASID, the
 * domain attached to that PASID or, when the driver keeps PASID tables in
 * a user-owned domain, the NESTED domain attached to the RID; for one
 * without a PASID, the domain attached to the RID. NULL if that domain has
 * no iopf_handler.
 */
static struct iommu_attach_handle *iopf_route(struct device *dev,
					      struct iommu_fault_page_request *prm)
{
	struct iommu_group *grp = dev->iommu_group;
	struct iommu_attach_handle *ah;

	if (prm->flags & IOMMU_FAULT_PAGE_REQUEST_PASID_VALID) {
		ah = iommu_attach_handle_get(grp, prm->pasid, 0);
		if (IS_ERR(ah) && dev_iommu_ops(dev)->user_pasid_table)
			ah = iommu_attach_handle_get(grp, IOMMU_NO_PASID,
						     IOMMU_DOMAIN_NESTED);
	} else {
		ah = iommu_attach_handle_get(grp, IOMMU_NO_PASID, 0);
	}

	if (IS_ERR(ah) || !ah->domain->iopf_handler)
		return NULL;
	return ah;
}

/*
 * The group was assembled but cannot be handled: answer it FAILURE and get
 * rid of it.
 */
static void iopf_abort(struct device *dev, struct iopf_group *fgroup,
		       bool on_stack)
{
	dev_warn_ratelimited(dev, "page request group for pasid %u aborted\n",
			     fgroup->last_fault.fault.prm.pasid);
	iopf_group_response(fgroup, IOMMU_PAGE_RESP_FAILURE);
	if (on_stack)
		iopf_group_drop_contents(fgroup);
	else
		iopf_free_group(fgroup);
}

/**
 * iommu_report_device_fault() - pass a page request to the core
 * @dev: the device that sent it
 * @evt: the request; it is copied and stays the caller's
 *
 * For IOMMU drivers, usually from a threaded interrupt handler. PCI PASID
 * stop markers need no answer and are only a hint, so drivers discard
 * them before calling this.
 *
 * A request that no domain handles (or that comes from a device never
 * added to an iopf queue, which also WARNs) is answered
 * IOMMU_PAGE_RESP_INVALID immediately. A request that does not end its
 * group waits for the last one. The last request hands the whole group to
 * the domain's iopf_handler, which owns it from then on; if the handler
 * declines, or the group could not be allocated, the group is answered
 * IOMMU_PAGE_RESP_FAILURE.
 *
 * The domain must outlive both the device's ability to fault on it and the
 * flushing of every request still pending.
 *
 * Return: 0 when the request has been dealt with (FAILURE answers
 * included); -EINVAL when nobody handles it (it was answered INVALID);
 * -ENOMEM when a partial request could not be saved (no answer sent).
 */
int iommu_report_device_fault(struct device *dev, struct iopf_fault *evt)
{
	struct iommu_fault_page_request *prm = &evt->fault.prm;
	struct iommu_fault_param *fp = NULL;
	struct iommu_attach_handle *ah;
	struct iopf_group spare = {};
	struct iopf_group *fgroup;
	int rc;

	ah = iopf_route(dev, prm);
	if (ah) {
		fp = fparam_hold(dev);
		/* A domain that takes faults on a device without a queue */
		WARN_ON(!fp);
	}
	if (!fp) {
		if (evt->fault.type == IOMMU_FAULT_PAGE_REQ)
			iopf_answer(dev, evt, IOMMU_PAGE_RESP_INVALID);
		return -EINVAL;
	}

	if (!(prm->flags & IOMMU_FAULT_PAGE_REQUEST_LAST_PAGE)) {
		rc = iopf_stash_partial(fp, &evt->fault);
		fparam_release(fp);
		return rc;
	}

	/* The group now owns the reference taken above */
	fgroup = iopf_assemble(fp, evt, &spare);
	if (fgroup == &spare) {
		iopf_abort(dev, fgroup, true);
		return 0;
	}

	fgroup->attach_handle = ah;
	if (ah->domain->iopf_handler(fgroup))
		iopf_abort(dev, fgroup, false);
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_report_device_fault);

/**
 * iopf_queue_flush_dev() - wait until fault work for a device has finished
 * @dev: a device that was added to an iopf queue
 *
 * Before reusing a PASID, a driver makes sure no new request can show up
 * (its hardware queue is empty) and then calls this, so that no handler
 * is still busy on behalf of the PASID's previous user.
 *
 * Return: 0, or -ENODEV (with a WARN) when @dev is not in a queue.
 */
int iopf_queue_flush_dev(struct device *dev)
{
	struct iommu_fault_param *fp;

	/* A driver calling this after iopf_queue_remove_device() is buggy */
	fp = rcu_dereference_check(dev->iommu->fault_param, true);
	if (WARN_ON(!fp))
		return -ENODEV;

	flush_workqueue(fp->queue->wq);
	return 0;
}
EXPORT_SYMBOL_GPL(iopf_queue_flush_dev);

/**
 * iopf_group_response() - answer a page request group
 * @group: the group
 * @status: the answer
 *
 * The answer is built from the PASID and group index of the group's last
 * request and sent through the driver's page_response(). The group leaves
 * the pending list; iopf_free_group() may release it afterwards.
 */
void iopf_group_response(struct iopf_group *group,
			 enum iommu_page_response_code status)
{
	struct iommu_fault_param *fp = group->fault_param;

	mutex_lock(&fp->lock);
	iopf_answer(fp->dev, &group->last_fault, status);
	list_del_init(&group->pending_node);
	mutex_unlock(&fp->lock);
}
EXPORT_SYMBOL_GPL(iopf_group_response);

/**
 * iopf_group_dequeue() - take a group off the pending list unanswered
 * @group: the group
 *
 * Whoever calls this answers the requests by other means (iommufd, for
 * example, forwards them to userspace).
 */
void iopf_group_dequeue(struct iopf_group *group)
{
	struct iommu_fault_param *fp = group->fault_param;

	mutex_lock(&fp->lock);
	list_del_init(&group->pending_node);
	mutex_unlock(&fp->lock);
}
EXPORT_SYMBOL_GPL(iopf_group_dequeue);

/**
 * iopf_queue_discard_partial() - forget all parked partial requests
 * @queue: the queue
 *
 * After the hardware queue of a driver overflowed, the last requests of
 * some groups may be gone, and their parked requests would wait forever.
 * The driver must not report requests while this runs.
 *
 * Return: 0, or -EINVAL when @queue is NULL.
 */
int iopf_queue_discard_partial(struct iopf_queue *queue)
{
	struct iommu_fault_param *fp;

	if (!queue)
		return -EINVAL;

	mutex_lock(&queue->lock);
	list_for_each_entry(fp, &queue->devices, queue_list) {
		mutex_lock(&fp->lock);
		fparam_forget_partial(fp);
		mutex_unlock(&fp->lock);
	}
	mutex_unlock(&queue->lock);
	return 0;
}
EXPORT_SYMBOL_GPL(iopf_queue_discard_partial);

/* Give @dev fault state on @queue; both their locks are held */
static int fparam_create(struct iopf_queue *queue, struct device *dev)
{
	struct dev_iommu *param = dev->iommu;
	struct iommu_fault_param *fp;

	lockdep_assert_held(&queue->lock);
	lockdep_assert_held(&param->lock);

	if (fparam_locked(param))
		return -EBUSY;

	fp = kzalloc(sizeof(*fp), GFP_KERNEL);
	if (!fp)
		return -ENOMEM;

	mutex_init(&fp->lock);
	refcount_set(&fp->users, 1);
	INIT_LIST_HEAD(&fp->faults);
	INIT_LIST_HEAD(&fp->partial);
	fp->queue = queue;
	fp->dev = dev;
	list_add(&fp->queue_list, &queue->devices);

	rcu_assign_pointer(param->fault_param, fp);
	return 0;
}

/**
 * iopf_queue_add_device() - accept page requests from a device
 * @queue: the queue
 * @dev: the device
 *
 * Return: 0; -ENODEV when the driver has no page_response op; -EBUSY when
 * @dev is in a queue already; -ENOMEM.
 */
int iopf_queue_add_device(struct iopf_queue *queue, struct device *dev)
{
	struct dev_iommu *param = dev->iommu;
	int rc;

	if (!dev_iommu_ops(dev)->page_response)
		return -ENODEV;

	mutex_lock(&queue->lock);
	mutex_lock(&param->lock);
	rc = fparam_create(queue, dev);
	mutex_unlock(&param->lock);
	mutex_unlock(&queue->lock);
	return rc;
}
EXPORT_SYMBOL_GPL(iopf_queue_add_device);

/* Answer INVALID to every group still waiting for an answer, and free it */
static void fparam_fail_pending(struct iommu_fault_param *fp)
{
	struct iopf_group *fgroup, *tmp;

	lockdep_assert_held(&fp->lock);

	list_for_each_entry_safe(fgroup, tmp, &fp->faults, pending_node) {
		iopf_answer(fp->dev, &fgroup->last_fault,
			    IOMMU_PAGE_RESP_INVALID);
		list_del_init(&fgroup->pending_node);
		iopf_free_group(fgroup);
	}
}

/**
 * iopf_queue_remove_device() - stop taking page requests from a device
 * @queue: the queue @dev was added to
 * @dev: the device
 *
 * Beforehand the driver keeps the hardware from delivering new requests
 * for @dev and empties its own queue. Parked partial requests are then
 * dropped and each pending group is answered IOMMU_PAGE_RESP_INVALID, after
 * which the driver may turn PRI off. A handler still working on a group
 * keeps the fault state alive until it frees the group; its answer reaches
 * the driver's page_response() as usual.
 */
void iopf_queue_remove_device(struct iopf_queue *queue, struct device *dev)
{
	struct dev_iommu *param = dev->iommu;
	struct iommu_fault_param *fp;

	mutex_lock(&queue->lock);
	mutex_lock(&param->lock);

	fp = fparam_locked(param);
	if (WARN_ON(!fp || fp->queue != queue))
		goto unlock;

	mutex_lock(&fp->lock);
	fparam_forget_partial(fp);
	fparam_fail_pending(fp);
	mutex_unlock(&fp->lock);

	list_del(&fp->queue_list);
	rcu_assign_pointer(param->fault_param, NULL);
	/* Drop the reference iopf_queue_add_device() started with */
	fparam_release(fp);
unlock:
	mutex_unlock(&param->lock);
	mutex_unlock(&queue->lock);
}
EXPORT_SYMBOL_GPL(iopf_queue_remove_device);

/**
 * iopf_queue_alloc() - make a page request queue
 * @name: gives the queue's workqueue its name, "iopf_queue/<name>"
 *
 * The workqueue is unbound and does not order work: a group keeps its own
 * requests in order, but groups may run in any order.
 *
 * Return: the queue, or NULL.
 */
struct iopf_queue *iopf_queue_alloc(const char *name)
{
	struct iopf_queue *q;

	q = kzalloc(sizeof(*q), GFP_KERNEL);
	if (!q)
		return NULL;

	q->wq = alloc_workqueue("iopf_queue/%s", WQ_UNBOUND, 0, name);
	if (!q->wq)
		goto err_free;

	mutex_init(&q->lock);
	INIT_LIST_HEAD(&q->devices);
	return q;

err_free:
	kfree(q);
	return NULL;
}
EXPORT_SYMBOL_GPL(iopf_queue_alloc);

/**
 * iopf_queue_free() - take every device out of a queue, then free it
 * @queue: the queue, or NULL
 *
 * The driver must have stopped reporting faults and adding devices.
 */
void iopf_queue_free(struct iopf_queue *queue)
{
	struct iommu_fault_param *fp, *tmp;

	if (!queue)
		return;

	list_for_each_entry_safe(fp, tmp, &queue->devices, queue_list)
		iopf_queue_remove_device(queue, fp->dev);

	destroy_workqueue(queue->wq);
	kfree(queue);
}
EXPORT_SYMBOL_GPL(iopf_queue_free);
