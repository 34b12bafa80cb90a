// SPDX-License-Identifier: GPL-2.0
/*
 * Fault queues: I/O page faults forwarded to userspace.
 *
 * IOMMU_FAULT_QUEUE_ALLOC creates a fault object and a file. A HWPT
 * allocated with IOMMU_HWPT_FAULT_ID_VALID sends the page request groups of
 * its domain to the queue. Userspace read()s them as arrays of struct
 * iommu_hwpt_pgfault, one record per request, always whole groups; every
 * group read is given a cookie. It answers by write()ing struct
 * iommu_hwpt_page_response records carrying the cookie.
 *
 * Groups still unanswered when the device leaves the HWPT, when the file is
 * closed or when the queue is destroyed are answered "invalid" by the
 * kernel, so a device never waits forever.
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

static_assert((int)IOMMUFD_PAGE_RESP_SUCCESS == (int)IOMMU_PAGE_RESP_SUCCESS);
static_assert((int)IOMMUFD_PAGE_RESP_INVALID == (int)IOMMU_PAGE_RESP_INVALID);

/**
 * iommufd_fault_iopf_enable() - enable page faults on a device
 * @idev: the device, about to be attached to a fault-capable HWPT
 *
 * Counted: only the first call enables IOPF in the IOMMU driver.
 *
 * Return: 0, -EINVAL for a PCI virtual function, or the driver's error.
 */
int iommufd_fault_iopf_enable(struct iommufd_device *idev)
{
	struct device *dev = idev->dev;
	int rc = 0;

	/*
	 * PRI is shared between a PF and its VFs, and nothing coordinates a
	 * failure response sent for one of them; refuse VFs for now.
	 */
	if (dev_is_pci(dev) && to_pci_dev(dev)->is_virtfn)
		return -EINVAL;

	mutex_lock(&idev->iopf_lock);
	if (!idev->iopf_enabled)
		rc = iommu_dev_enable_feature(dev, IOMMU_DEV_FEAT_IOPF);
	if (!rc)
		idev->iopf_enabled++;
	mutex_unlock(&idev->iopf_lock);
	return rc;
}

/**
 * iommufd_fault_iopf_disable() - undo iommufd_fault_iopf_enable()
 * @idev: the device
 */
void iommufd_fault_iopf_disable(struct iommufd_device *idev)
{
	mutex_lock(&idev->iopf_lock);
	if (!WARN_ON(!idev->iopf_enabled)) {
		idev->iopf_enabled--;
		if (!idev->iopf_enabled)
			iommu_dev_disable_feature(idev->dev,
						  IOMMU_DEV_FEAT_IOPF);
	}
	mutex_unlock(&idev->iopf_lock);
}

/* Answer @group with "invalid request" and free it */
static void iommufd_fault_respond_invalid(struct iopf_group *group)
{
	iopf_group_response(group, IOMMU_PAGE_RESP_INVALID);
	iopf_free_group(group);
}

/* Is @group one of those a flush for @handle and @dev covers? */
static bool iommufd_fault_matches(struct iopf_group *group,
				  struct iommu_attach_handle *handle,
				  struct device *dev)
{
	if (handle && group->attach_handle != handle)
		return false;
	if (dev && group->fault_param->dev != dev)
		return false;
	return true;
}

/*
 * Answer every group of @fault, queued or waiting for userspace, that came
 * in through @handle and from @dev; NULL matches anything. The caller holds
 * fault->mutex.
 */
static void iommufd_fault_flush(struct iommufd_fault *fault,
				struct iommu_attach_handle *handle,
				struct device *dev)
{
	struct iopf_group *group, *next;
	unsigned long index;
	LIST_HEAD(doomed);

	lockdep_assert_held(&fault->mutex);

	spin_lock(&fault->lock);
	list_for_each_entry_safe(group, next, &fault->deliver, node) {
		if (iommufd_fault_matches(group, handle, dev))
			list_move_tail(&group->node, &doomed);
	}
	spin_unlock(&fault->lock);

	list_for_each_entry_safe(group, next, &doomed, node) {
		list_del(&group->node);
		iommufd_fault_respond_invalid(group);
	}

	xa_for_each(&fault->response, index, group) {
		if (!iommufd_fault_matches(group, handle, dev))
			continue;
		xa_erase(&fault->response, index);
		iommufd_fault_respond_invalid(group);
	}
}

/**
 * iommufd_auto_response_faults() - answer the faults of a departing handle
 * @hwpt: the HWPT the group is leaving
 * @handle: the attach handle the group had on @hwpt; may be NULL if none
 *	was found, in which case nothing is done
 *
 * After the group's domain changed, nobody will answer page requests that
 * were routed through @handle, so the kernel answers them "invalid".
 */
void iommufd_auto_response_faults(struct iommufd_hw_pagetable *hwpt,
				  struct iommufd_attach_handle *handle)
{
	struct iommufd_fault *fault = hwpt->fault;

	if (!fault || !handle)
		return;

	mutex_lock(&fault->mutex);
	iommufd_fault_flush(fault, &handle->handle, NULL);
	mutex_unlock(&fault->mutex);
}

/**
 * iommufd_auto_response_dev_faults() - answer the faults of a leaving device
 * @hwpt: the HWPT its group stays attached to
 * @dev: the device that leaves the group's attachment
 *
 * Used when one device of a group detaches while others stay: the device's
 * page requests can no longer be answered through iommufd.
 */
void iommufd_auto_response_dev_faults(struct iommufd_hw_pagetable *hwpt,
				      struct device *dev)
{
	struct iommufd_fault *fault = hwpt->fault;

	if (!fault)
		return;

	mutex_lock(&fault->mutex);
	iommufd_fault_flush(fault, NULL, dev);
	mutex_unlock(&fault->mutex);
}

/**
 * iommufd_fault_destroy() - destroy callback of fault objects
 * @obj: the object
 *
 * Nothing can reach the object any more: no file, no HWPT. Whatever is
 * still pending is answered "invalid".
 */
void iommufd_fault_destroy(struct iommufd_object *obj)
{
	struct iommufd_fault *fault =
		container_of(obj, struct iommufd_fault, obj);

	mutex_lock(&fault->mutex);
	iommufd_fault_flush(fault, NULL, NULL);
	mutex_unlock(&fault->mutex);

	xa_destroy(&fault->response);
	mutex_destroy(&fault->mutex);
}

/* Fill @msg with the record for one page request of a group */
static void iommufd_compose_fault_message(struct iommu_fault *fault,
					  struct iommu_hwpt_pgfault *msg,
					  struct iommufd_device *idev,
					  u32 cookie)
{
	memset(msg, 0, sizeof(*msg));
	msg->flags = fault->prm.flags;
	msg->dev_id = idev->obj.id;
	msg->pasid = fault->prm.pasid;
	msg->grpid = fault->prm.grpid;
	msg->perm = fault->prm.perm;
	msg->addr = fault->prm.addr;
	msg->length = 0;
	msg->cookie = cookie;
}

/* Take the oldest queued group, or NULL */
static struct iopf_group *iommufd_fault_deliver_fetch(struct iommufd_fault *fault)
{
	struct iopf_group *group;

	spin_lock(&fault->lock);
	group = list_first_entry_or_null(&fault->deliver, struct iopf_group,
					 node);
	if (group)
		list_del(&group->node);
	spin_unlock(&fault->lock);
	return group;
}

/* Put back a group that could not be delivered, ahead of the others */
static void iommufd_fault_deliver_restore(struct iommufd_fault *fault,
					  struct iopf_group *group)
{
	spin_lock(&fault->lock);
	list_add(&group->node, &fault->deliver);
	spin_unlock(&fault->lock);
}

/* Copy the records of @group to @buf; the caller checked they fit */
static int iommufd_fault_copy_group(struct iopf_group *group,
				    char __user *buf)
{
	const size_t rec_size = sizeof(struct iommu_hwpt_pgfault);
	struct iommufd_device *idev;
	struct iommu_hwpt_pgfault msg;
	struct iopf_fault *iopf;
	size_t off = 0;

	idev = to_iommufd_handle(group->attach_handle)->idev;
	list_for_each_entry(iopf, &group->faults, list) {
		iommufd_compose_fault_message(&iopf->fault, &msg, idev,
					      group->cookie);
		if (copy_to_user(buf + off, &msg, rec_size))
			return -EFAULT;
		off += rec_size;
	}
	return 0;
}

/*
 * read(): as many whole groups as fit in @count. Never blocks: with
 * nothing queued it returns 0. A buffer too small for the first group
 * gives -EINVAL.
 */
static ssize_t iommufd_fault_fops_read(struct file *filep, char __user *buf,
				       size_t count, loff_t *ppos)
{
	const size_t rec_size = sizeof(struct iommu_hwpt_pgfault);
	struct iommufd_fault *fault = filep->private_data;
	struct iopf_group *group;
	size_t done = 0;
	int rc = 0;

	if (*ppos || count % rec_size)
		return -ESPIPE;

	mutex_lock(&fault->mutex);
	while ((group = iommufd_fault_deliver_fetch(fault))) {
		size_t need = group->fault_count * rec_size;

		if (need > count - done) {
			iommufd_fault_deliver_restore(fault, group);
			if (!done)
				rc = -EINVAL;
			break;
		}

		rc = xa_alloc(&fault->response, &group->cookie, group,
			      xa_limit_32b, GFP_KERNEL);
		if (rc) {
			iommufd_fault_deliver_restore(fault, group);
			break;
		}

		rc = iommufd_fault_copy_group(group, buf + done);
		if (rc) {
			xa_erase(&fault->response, group->cookie);
			iommufd_fault_deliver_restore(fault, group);
			break;
		}
		done += need;
	}
	mutex_unlock(&fault->mutex);

	return done ? done : rc;
}

/*
 * write(): responses, each naming the cookie of a group read earlier.
 * Stops at the first bad one; returns the bytes consumed, or the error if
 * the very first response was bad.
 */
static ssize_t iommufd_fault_fops_write(struct file *filep,
					const char __user *buf, size_t count,
					loff_t *ppos)
{
	const size_t rec_size = sizeof(struct iommu_hwpt_page_response);
	struct iommufd_fault *fault = filep->private_data;
	struct iommu_hwpt_page_response response;
	struct iopf_group *group;
	size_t done = 0;
	int rc = 0;

	if (*ppos || count % rec_size)
		return -ESPIPE;

	mutex_lock(&fault->mutex);
	for (; done < count; done += rec_size) {
		if (copy_from_user(&response, buf + done, rec_size)) {
			rc = -EFAULT;
			break;
		}

		if (response.code != IOMMUFD_PAGE_RESP_SUCCESS &&
		    response.code != IOMMUFD_PAGE_RESP_INVALID) {
			rc = -EINVAL;
			break;
		}

		group = xa_erase(&fault->response, response.cookie);
		if (!group) {
			rc = -EINVAL;
			break;
		}

		iopf_group_response(group, response.code);
		iopf_free_group(group);
	}
	mutex_unlock(&fault->mutex);

	return done ? done : rc;
}

static __poll_t iommufd_fault_fops_poll(struct file *filep,
					struct poll_table_struct *wait)
{
	struct iommufd_fault *fault = filep->private_data;
	__poll_t mask = EPOLLOUT;

	poll_wait(filep, &fault->wait_queue, wait);
	spin_lock(&fault->lock);
	if (!list_empty(&fault->deliver))
		mask |= EPOLLIN | EPOLLRDNORM;
	spin_unlock(&fault->lock);
	return mask;
}

/*
 * Closing the file: with no reader left, nothing pending can ever be
 * answered by userspace, so answer it now. Then drop the references the
 * file held; the object may be freed right after.
 */
static int iommufd_fault_fops_release(struct inode *inode, struct file *filep)
{
	struct iommufd_fault *fault = filep->private_data;
	struct iommufd_ctx *ictx = fault->ictx;

	mutex_lock(&fault->mutex);
	iommufd_fault_flush(fault, NULL, NULL);
	mutex_unlock(&fault->mutex);

	refcount_dec(&fault->obj.users);
	iommufd_ctx_put(ictx);
	return 0;
}

static const struct file_operations iommufd_fault_fops = {
	.owner = THIS_MODULE,
	.open = nonseekable_open,
	.read = iommufd_fault_fops_read,
	.write = iommufd_fault_fops_write,
	.poll = iommufd_fault_fops_poll,
	.release = iommufd_fault_fops_release,
	.llseek = no_llseek,
};

/**
 * iommufd_fault_alloc() - IOMMU_FAULT_QUEUE_ALLOC
 * @ucmd: the command
 *
 * Creates the fault object and its file, and returns both the object id
 * and a new close-on-exec file descriptor. The file holds a users
 * reference on the object (so IOMMU_DESTROY fails with -EBUSY while it is
 * open) and a reference on the context.
 *
 * Return: 0, -EOPNOTSUPP for flags, or -ENOMEM/-EMFILE/-EFAULT.
 */
int iommufd_fault_alloc(struct iommufd_ucmd *ucmd)
{
	struct iommu_fault_alloc *cmd = ucmd->cmd;
	struct iommufd_fault *fault;
	struct file *filep;
	int fdno;
	int rc;

	if (cmd->flags)
		return -EOPNOTSUPP;

	fault = iommufd_object_alloc(ucmd->ictx, fault, IOMMUFD_OBJ_FAULT);
	if (IS_ERR(fault))
		return PTR_ERR(fault);

	fault->ictx = ucmd->ictx;
	INIT_LIST_HEAD(&fault->deliver);
	xa_init_flags(&fault->response, XA_FLAGS_ALLOC1);
	mutex_init(&fault->mutex);
	spin_lock_init(&fault->lock);
	init_waitqueue_head(&fault->wait_queue);

	filep = anon_inode_getfile("[iommufd-pgfault]", &iommufd_fault_fops,
				   fault, O_RDWR);
	if (IS_ERR(filep)) {
		rc = PTR_ERR(filep);
		goto out_abort;
	}

	/* Both dropped by the release of the file */
	refcount_inc(&fault->obj.users);
	iommufd_ctx_get(fault->ictx);
	fault->filep = filep;

	fdno = get_unused_fd_flags(O_CLOEXEC);
	if (fdno < 0) {
		rc = fdno;
		goto out_abort;
	}

	cmd->out_fault_id = fault->obj.id;
	cmd->out_fault_fd = fdno;

	rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	if (rc)
		goto out_put_fdno;
	iommufd_object_finalize(ucmd->ictx, &fault->obj);

	fd_install(fdno, fault->filep);
	return 0;

out_put_fdno:
	put_unused_fd(fdno);
out_abort:
	/* Releases the file, if any, before destroying the object */
	iommufd_object_abort_and_destroy(ucmd->ictx, &fault->obj);
	return rc;
}

/**
 * iommufd_fault_iopf_handler() - iopf_handler of fault-capable domains
 * @group: a complete page request group routed to one of our domains
 *
 * Queues the group for userspace; iommufd now owns it and answers it.
 *
 * Return: 0.
 */
int iommufd_fault_iopf_handler(struct iopf_group *group)
{
	struct iommufd_hw_pagetable *hwpt =
		group->attach_handle->domain->fault_data;
	struct iommufd_fault *fault = hwpt->fault;

	iopf_group_dequeue(group);

	spin_lock(&fault->lock);
	list_add_tail(&group->node, &fault->deliver);
	spin_unlock(&fault->lock);

	wake_up_interruptible(&fault->wait_queue);
	return 0;
}
