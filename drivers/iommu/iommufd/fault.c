// SPDX-License-Identifier: GPL-2.0
/*
 * Fault queues: delivering I/O page requests to userspace.
 *
 * IOMMU_FAULT_QUEUE_ALLOC makes a fault object together with a file. The
 * domain of a HWPT allocated with IOMMU_HWPT_FAULT_ID_VALID sends its page
 * request groups to that object. Userspace read()s struct
 * iommu_hwpt_pgfault records, one per request and always complete groups,
 * where every group handed out carries a cookie; it answers with write()s
 * of struct iommu_hwpt_page_response that quote the cookie.
 *
 * Nothing is left waiting forever: groups nobody answered are answered
 * "invalid" by the kernel when their device leaves the HWPT, when the file
 * is closed and when the object is destroyed.
 */
#define pr_fmt(fmt) "iommufd: " fmt

#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/iommufd.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <uapi/linux/iommufd.h>

#include "../iommu-priv.h"
#include "iommufd_private.h"

/* Response codes from userspace go to the core without translation */
static_assert(IOMMUFD_PAGE_RESP_SUCCESS + 0 == IOMMU_PAGE_RESP_SUCCESS + 0 &&
	      IOMMUFD_PAGE_RESP_INVALID + 0 == IOMMU_PAGE_RESP_INVALID + 0);

/**
 * iommufd_dev_iopf_get() - make sure a device can send page requests
 * @idev: a device about to be attached to a HWPT with a fault queue
 *
 * The feature is switched on in the IOMMU driver by the first user only;
 * every successful call has to be balanced by iommufd_dev_iopf_put().
 *
 * Return: 0; -EINVAL for a PCI virtual function; or the driver's error.
 */
int iommufd_dev_iopf_get(struct iommufd_device *idev)
{
	struct device *dev = idev->dev;
	int err = 0;

	/*
	 * A VF shares the PRI interface of its PF, and nothing arbitrates
	 * between responses for the two yet, so VFs are not supported.
	 */
	if (dev_is_pci(dev) && to_pci_dev(dev)->is_virtfn)
		return -EINVAL;

	mutex_lock(&idev->iopf_mtx);
	if (idev->iopf_users == 0)
		err = iommu_dev_enable_feature(dev, IOMMU_DEV_FEAT_IOPF);
	if (!err)
		idev->iopf_users++;
	mutex_unlock(&idev->iopf_mtx);
	return err;
}

/**
 * iommufd_dev_iopf_put() - balance iommufd_dev_iopf_get()
 * @idev: the device
 *
 * The last user switches the feature off again.
 */
void iommufd_dev_iopf_put(struct iommufd_device *idev)
{
	mutex_lock(&idev->iopf_mtx);
	if (WARN_ON(idev->iopf_users == 0))
		goto unlock;
	idev->iopf_users--;
	if (idev->iopf_users == 0)
		iommu_dev_disable_feature(idev->dev, IOMMU_DEV_FEAT_IOPF);
unlock:
	mutex_unlock(&idev->iopf_mtx);
}

/*
 * Does @group fall under a rejection for @handle and @dev? A NULL filter
 * accepts everything.
 */
static bool group_selected(struct iopf_group *group,
			   struct iommu_attach_handle *handle,
			   struct device *dev)
{
	if (handle && handle != group->attach_handle)
		return false;
	return !dev || dev == group->fault_param->dev;
}

/*
 * Answer "invalid" to every group of @fq that @handle and @dev select,
 * whether userspace has read it already or not.
 */
static void fault_reject(struct iommufd_fault *fq,
			 struct iommu_attach_handle *handle,
			 struct device *dev)
{
	struct iopf_group *group, *tmp;
	LIST_HEAD(victims);
	unsigned long cookie;

	lockdep_assert_held(&fq->rw_mutex);

	spin_lock(&fq->queue_lock);
	list_for_each_entry_safe(group, tmp, &fq->pending, node)
		if (group_selected(group, handle, dev))
			list_move_tail(&group->node, &victims);
	spin_unlock(&fq->queue_lock);

	/* Groups that were read sit on no list; collect them as well */
	xa_for_each(&fq->in_flight, cookie, group) {
		if (!group_selected(group, handle, dev))
			continue;
		xa_erase(&fq->in_flight, cookie);
		list_add_tail(&group->node, &victims);
	}

	list_for_each_entry_safe(group, tmp, &victims, node) {
		list_del(&group->node);
		iopf_group_response(group, IOMMU_PAGE_RESP_INVALID);
		iopf_free_group(group);
	}
}

/**
 * iommufd_fault_abandon_handle() - answer what came through a handle
 * @hwpt: the HWPT the group has just left
 * @handle: the handle the group was attached to @hwpt with, or NULL if
 *	none was found, which makes this a no-op
 *
 * Once the group's domain has changed, userspace can no longer answer the
 * page requests that came in through @handle, so they are answered
 * "invalid" now.
 */
void iommufd_fault_abandon_handle(struct iommufd_hw_pagetable *hwpt,
				  struct iommufd_pt_handle *handle)
{
	struct iommufd_fault *fq = hwpt->fault_q;

	if (!handle || !fq)
		return;

	mutex_lock(&fq->rw_mutex);
	fault_reject(fq, &handle->core, NULL);
	mutex_unlock(&fq->rw_mutex);
}

/**
 * iommufd_fault_abandon_dev() - answer what a departing device asked for
 * @hwpt: the HWPT that the rest of the group stays attached to
 * @dev: the device that no longer takes part in the attachment
 *
 * One device of a group detaches while others stay attached: the page
 * requests of that device cannot be answered through iommufd any more.
 */
void iommufd_fault_abandon_dev(struct iommufd_hw_pagetable *hwpt,
			       struct device *dev)
{
	struct iommufd_fault *fq = hwpt->fault_q;

	if (!fq)
		return;

	mutex_lock(&fq->rw_mutex);
	fault_reject(fq, NULL, dev);
	mutex_unlock(&fq->rw_mutex);
}

/**
 * iommufd_fault_destroy() - destroy callback of fault objects
 * @obj: the object
 *
 * Neither a file nor a HWPT refers to the object any more; every group
 * still around is answered "invalid".
 */
void iommufd_fault_destroy(struct iommufd_object *obj)
{
	struct iommufd_fault *fq = container_of(obj, struct iommufd_fault, obj);

	mutex_lock(&fq->rw_mutex);
	fault_reject(fq, NULL, NULL);
	mutex_unlock(&fq->rw_mutex);

	xa_destroy(&fq->in_flight);
	mutex_destroy(&fq->rw_mutex);
}

/* Unlink and return the oldest queued group, or NULL if there is none */
static struct iopf_group *fault_pop(struct iommufd_fault *fq)
{
	struct iopf_group *oldest;

	spin_lock(&fq->queue_lock);
	oldest = list_first_entry_or_null(&fq->pending, struct iopf_group,
					  node);
	if (oldest)
		list_del(&oldest->node);
	spin_unlock(&fq->queue_lock);
	return oldest;
}

/* Return a group fault_pop() gave out to the head of the queue */
static void fault_unpop(struct iommufd_fault *fq, struct iopf_group *group)
{
	spin_lock(&fq->queue_lock);
	list_add(&group->node, &fq->pending);
	spin_unlock(&fq->queue_lock);
}

/* Write the records of @group to @ubuf, which has room for all of them */
static int group_to_user(struct iopf_group *group, char __user *ubuf)
{
	struct iommufd_device *idev = pt_handle_of(group->attach_handle)->reporter;
	struct iopf_fault *req;

	list_for_each_entry(req, &group->faults, list) {
		const struct iommu_fault_page_request *prm = &req->fault.prm;
		struct iommu_hwpt_pgfault rec = {
			.flags = prm->flags,
			.dev_id = idev->obj.id,
			.pasid = prm->pasid,
			.grpid = prm->grpid,
			.perm = prm->perm,
			.addr = prm->addr,
			.cookie = group->cookie,
		};

		if (copy_to_user(ubuf, &rec, sizeof(rec)))
			return -EFAULT;
		ubuf += sizeof(rec);
	}
	return 0;
}

/*
 * Hand @group out to userspace at @ubuf, which has @room bytes: give it a
 * cookie and copy its records. Return: the bytes written, or a negative
 * errno after putting the group back at the head of the queue (-EINVAL
 * means it does not fit).
 */
static ssize_t fault_hand_out(struct iommufd_fault *fq,
			      struct iopf_group *group, char __user *ubuf,
			      size_t room)
{
	size_t need = group->fault_count * sizeof(struct iommu_hwpt_pgfault);
	int err;

	if (need > room) {
		err = -EINVAL;
		goto requeue;
	}

	err = xa_alloc(&fq->in_flight, &group->cookie, group, xa_limit_32b,
		       GFP_KERNEL);
	if (err)
		goto requeue;

	err = group_to_user(group, ubuf);
	if (err) {
		xa_erase(&fq->in_flight, group->cookie);
		goto requeue;
	}
	return need;

requeue:
	fault_unpop(fq, group);
	return err;
}

/*
 * read(): whole groups, as many as @count has room for. It never sleeps;
 * an empty queue reads as 0 bytes. When even the first group does not fit
 * the result is -EINVAL.
 */
static ssize_t fault_fop_read(struct file *filep, char __user *buf,
			      size_t count, loff_t *ppos)
{
	struct iommufd_fault *fq = filep->private_data;
	struct iopf_group *group;
	ssize_t step = 0;
	size_t done = 0;

	if (*ppos || count % sizeof(struct iommu_hwpt_pgfault))
		return -ESPIPE;

	mutex_lock(&fq->rw_mutex);
	while ((group = fault_pop(fq))) {
		step = fault_hand_out(fq, group, buf + done, count - done);
		if (step < 0)
			break;
		done += step;
	}
	mutex_unlock(&fq->rw_mutex);

	if (done)
		return done;
	return step < 0 ? step : 0;
}

/* Apply one response record from @ubuf */
static int fault_take_response(struct iommufd_fault *fq,
			       const char __user *ubuf)
{
	struct iommu_hwpt_page_response resp;
	struct iopf_group *group;

	if (copy_from_user(&resp, ubuf, sizeof(resp)))
		return -EFAULT;

	switch (resp.code) {
	case IOMMUFD_PAGE_RESP_SUCCESS:
	case IOMMUFD_PAGE_RESP_INVALID:
		break;
	default:
		return -EINVAL;
	}

	group = xa_erase(&fq->in_flight, resp.cookie);
	if (!group)
		return -EINVAL;
	iopf_group_response(group, resp.code);
	iopf_free_group(group);
	return 0;
}

/*
 * write(): response records, each quoting the cookie of a group that was
 * read. Processing stops at the first bad record; the result is the number
 * of bytes consumed, or the error when it was the very first record.
 */
static ssize_t fault_fop_write(struct file *filep, const char __user *buf,
			       size_t count, loff_t *ppos)
{
	const size_t rec = sizeof(struct iommu_hwpt_page_response);
	struct iommufd_fault *fq = filep->private_data;
	size_t done;
	int err = 0;

	if (*ppos || count % rec)
		return -ESPIPE;

	mutex_lock(&fq->rw_mutex);
	for (done = 0; done < count; done += rec) {
		err = fault_take_response(fq, buf + done);
		if (err)
			break;
	}
	mutex_unlock(&fq->rw_mutex);

	if (done)
		return done;
	return err;
}

static __poll_t fault_fop_poll(struct file *filep,
			       struct poll_table_struct *wait)
{
	struct iommufd_fault *fq = filep->private_data;
	bool queued;

	poll_wait(filep, &fq->readers_wq, wait);

	spin_lock(&fq->queue_lock);
	queued = !list_empty(&fq->pending);
	spin_unlock(&fq->queue_lock);

	/* Writing responses never has to wait */
	return queued ? EPOLLOUT | EPOLLIN | EPOLLRDNORM : EPOLLOUT;
}

/*
 * Last close: without a reader, nothing pending can ever get an answer from
 * userspace, so the kernel answers it. Then the references of the file go;
 * the object may be freed right after.
 */
static int fault_fop_release(struct inode *inode, struct file *filep)
{
	struct iommufd_fault *fq = filep->private_data;
	struct iommufd_ctx *ictx = fq->ictx;

	mutex_lock(&fq->rw_mutex);
	fault_reject(fq, NULL, NULL);
	mutex_unlock(&fq->rw_mutex);

	refcount_dec(&fq->obj.users);
	iommufd_ctx_put(ictx);
	return 0;
}

static const struct file_operations fault_fops = {
	.owner = THIS_MODULE,
	.open = nonseekable_open,
	.llseek = no_llseek,
	.read = fault_fop_read,
	.write = fault_fop_write,
	.poll = fault_fop_poll,
	.release = fault_fop_release,
};

/* Set up the state of a fresh fault object */
static void fault_queue_init(struct iommufd_fault *fq, struct iommufd_ctx *ictx)
{
	fq->ictx = ictx;
	spin_lock_init(&fq->queue_lock);
	INIT_LIST_HEAD(&fq->pending);
	mutex_init(&fq->rw_mutex);
	xa_init_flags(&fq->in_flight, XA_FLAGS_ALLOC1);
	init_waitqueue_head(&fq->readers_wq);
}

/*
 * Give @fq its file. The file owns a users reference on the object and a
 * reference on the context, both returned when it is released.
 */
static int fault_queue_open_file(struct iommufd_fault *fq)
{
	struct file *filep;

	filep = anon_inode_getfile("[iommufd-pgfault]", &fault_fops, fq,
				   O_RDWR);
	if (IS_ERR(filep))
		return PTR_ERR(filep);

	fq->filep = filep;
	refcount_inc(&fq->obj.users);
	iommufd_ctx_get(fq->ictx);
	return 0;
}

/**
 * iommufd_fault_alloc() - IOMMU_FAULT_QUEUE_ALLOC
 * @ucmd: the command
 *
 * Makes a fault object with its file and returns the object id and a new
 * close-on-exec descriptor of the file. While the file is open it keeps a
 * users reference on the object, so IOMMU_DESTROY of it fails with -EBUSY,
 * and a reference on the context.
 *
 * Return: 0, -EOPNOTSUPP for any flag, or -ENOMEM, -EMFILE or -EFAULT.
 */
int iommufd_fault_alloc(struct iommufd_ucmd *ucmd)
{
	struct iommu_fault_alloc *cmd = ucmd->cmd;
	struct iommufd_fault *fq;
	int fd;
	int err;

	if (cmd->flags)
		return -EOPNOTSUPP;

	fq = iommufd_object_alloc(ucmd->ictx, fq, IOMMUFD_OBJ_FAULT);
	if (IS_ERR(fq))
		return PTR_ERR(fq);
	fault_queue_init(fq, ucmd->ictx);

	err = fault_queue_open_file(fq);
	if (err)
		goto abort;

	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0) {
		err = fd;
		goto abort;
	}

	cmd->out_fault_id = fq->obj.id;
	cmd->out_fault_fd = fd;
	err = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	if (err) {
		put_unused_fd(fd);
		goto abort;
	}

	iommufd_object_finalize(ucmd->ictx, &fq->obj);
	fd_install(fd, fq->filep);
	return 0;

abort:
	/* The object model releases the file, if there is one, first */
	iommufd_object_abort_and_destroy(ucmd->ictx, &fq->obj);
	return err;
}

/**
 * iommufd_fault_enqueue() - iopf_handler of domains with a fault queue
 * @group: a complete page request group for one of those domains
 *
 * The group is queued for userspace; from now on iommufd owns it and makes
 * sure it gets a response.
 *
 * Return: 0.
 */
int iommufd_fault_enqueue(struct iopf_group *group)
{
	struct iommufd_hw_pagetable *hwpt = group->attach_handle->domain->fault_data;
	struct iommufd_fault *fq = hwpt->fault_q;

	iopf_group_dequeue(group);

	spin_lock(&fq->queue_lock);
	list_add_tail(&group->node, &fq->pending);
	spin_unlock(&fq->queue_lock);

	wake_up_interruptible(&fq->readers_wq);
	return 0;
}
