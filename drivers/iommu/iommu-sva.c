// SPDX-License-Identifier: GPL-2.0
/*
 * Shared Virtual Addressing: devices translating DMA through the page
 * table of a process.
 *
 * An mm gets one PASID, the first time it is bound, and keeps it until the
 * mm itself goes away (mm_pasid_drop()). Binding installs an SVA domain for
 * that mm on the PASID of the device's group. Domains are shared: each
 * driver needs one SVA domain per mm, reused by every device it serves.
 *
 * A bond is the &struct iommu_sva that embeds the PASID's attach handle.
 * Binding the same (device, mm) again finds that handle in the group's
 * PASID array and takes another reference on it; there is no other list
 * of bonds.
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/iommu.h>
#include <linux/mm.h>
#include <linux/mmu_context.h>
#include <linux/mutex.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "iommu-priv.h"

/* See the lock order in iommu-priv.h */
static DEFINE_MUTEX(iommu_sva_lock);

static struct iommu_domain *iommu_sva_domain_alloc(struct device *dev,
						   struct mm_struct *mm);

/*
 * The IOMMU data of @mm, created (with a new PASID) on the first bind. The
 * PASID must be usable by @dev.
 */
static struct iommu_mm_data *iommu_mm_data_get(struct mm_struct *mm,
					       struct device *dev)
{
	struct iommu_mm_data *iommu_mm;
	ioasid_t pasid;

	lockdep_assert_held(&iommu_sva_lock);

	if (!arch_pgtable_dma_compat(mm))
		return ERR_PTR(-EBUSY);

	iommu_mm = mm->iommu_mm;
	if (iommu_mm) {
		if (iommu_mm->pasid >= dev->iommu->max_pasids)
			return ERR_PTR(-EOVERFLOW);
		return iommu_mm;
	}

	iommu_mm = kzalloc(sizeof(*iommu_mm), GFP_KERNEL);
	if (!iommu_mm)
		return ERR_PTR(-ENOMEM);

	pasid = iommu_alloc_global_pasid(dev);
	if (pasid == IOMMU_PASID_INVALID) {
		kfree(iommu_mm);
		return ERR_PTR(-ENOSPC);
	}
	iommu_mm->pasid = pasid;
	INIT_LIST_HEAD(&iommu_mm->sva_domains);

	/* Lockless readers must see the fields before the pointer */
	smp_store_release(&mm->iommu_mm, iommu_mm);
	return iommu_mm;
}

/**
 * iommu_sva_bind_device() - let a device access a process address space
 * @dev: the device
 * @mm: the address space; the caller holds an mm_users reference
 *
 * The device then uses the PASID returned by iommu_sva_get_pasid(). Binding
 * a (device, mm) pair that is already bound returns the same bond with one
 * more reference; every successful bind needs an iommu_sva_unbind_device().
 * Where the driver needs it, IOMMU_DEV_FEAT_SVA must be enabled first.
 *
 * An SVA domain of @mm that another device of the same driver uses is
 * reused; otherwise a new one is allocated. Only an incompatible domain
 * (-EINVAL) makes the search try the next one.
 *
 * Return: the bond, or ERR_PTR with -ENODEV (no group or no IOMMU),
 * -EOVERFLOW (the mm's PASID is too large for @dev), -ENOSPC (no PASID
 * available), -EBUSY (the PASID of the group is taken by something else,
 * checked before anything is installed), -ENOMEM, or the allocation or
 * attach error.
 */
struct iommu_sva *iommu_sva_bind_device(struct device *dev, struct mm_struct *mm)
{
	struct iommu_group *group = dev->iommu_group;
	struct iommu_attach_handle *attach;
	struct iommu_mm_data *iommu_mm;
	struct iommu_domain *domain;
	struct iommu_sva *bond;
	int ret;

	if (!group || !dev_has_iommu(dev))
		return ERR_PTR(-ENODEV);

	mutex_lock(&iommu_sva_lock);

	iommu_mm = iommu_mm_data_get(mm, dev);
	if (IS_ERR(iommu_mm)) {
		ret = PTR_ERR(iommu_mm);
		goto out_unlock;
	}

	/* Is the PASID of this group already in use? */
	attach = iommu_attach_handle_get(group, iommu_mm->pasid,
					 IOMMU_DOMAIN_SVA);
	if (!IS_ERR(attach)) {
		if (attach->domain->mm != mm) {
			ret = -EBUSY;
			goto out_unlock;
		}
		bond = container_of(attach, struct iommu_sva, handle);
		refcount_inc(&bond->users);
		mutex_unlock(&iommu_sva_lock);
		return bond;
	}
	if (PTR_ERR(attach) != -ENOENT) {
		/* Another kind of domain holds the PASID: stop right here */
		ret = PTR_ERR(attach);
		goto out_unlock;
	}

	bond = kzalloc(sizeof(*bond), GFP_KERNEL);
	if (!bond) {
		ret = -ENOMEM;
		goto out_unlock;
	}

	list_for_each_entry(domain, &iommu_mm->sva_domains, next) {
		ret = iommu_attach_device_pasid(domain, dev, iommu_mm->pasid,
						&bond->handle);
		if (!ret) {
			domain->users++;
			goto out_bound;
		}
		/* Only an incompatible domain is a reason to look further */
		if (iommu_attach_errno_class(ret) != -EINVAL)
			goto out_free_bond;
	}

	domain = iommu_sva_domain_alloc(dev, mm);
	if (IS_ERR(domain)) {
		ret = PTR_ERR(domain);
		goto out_free_bond;
	}

	ret = iommu_attach_device_pasid(domain, dev, iommu_mm->pasid,
					&bond->handle);
	if (ret)
		goto out_free_domain;
	domain->users = 1;
	list_add(&domain->next, &iommu_mm->sva_domains);

out_bound:
	refcount_set(&bond->users, 1);
	bond->dev = dev;
	mutex_unlock(&iommu_sva_lock);
	return bond;

out_free_domain:
	iommu_domain_free(domain);
out_free_bond:
	kfree(bond);
out_unlock:
	mutex_unlock(&iommu_sva_lock);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_GPL(iommu_sva_bind_device);

/**
 * iommu_sva_unbind_device() - drop a reference on a bond
 * @handle: the bond returned by iommu_sva_bind_device()
 *
 * The last reference detaches the PASID, and the SVA domain is freed when
 * no device uses it any more. The device must have stopped issuing DMA
 * with the PASID, and its pending page requests must have been flushed.
 */
void iommu_sva_unbind_device(struct iommu_sva *handle)
{
	struct iommu_domain *domain = handle->handle.domain;
	struct iommu_mm_data *iommu_mm = domain->mm->iommu_mm;
	struct device *dev = handle->dev;

	mutex_lock(&iommu_sva_lock);
	if (!refcount_dec_and_test(&handle->users)) {
		mutex_unlock(&iommu_sva_lock);
		return;
	}

	iommu_detach_device_pasid(domain, dev, iommu_mm->pasid);
	if (--domain->users == 0) {
		list_del(&domain->next);
		iommu_domain_free(domain);
	}
	mutex_unlock(&iommu_sva_lock);
	kfree(handle);
}
EXPORT_SYMBOL_GPL(iommu_sva_unbind_device);

/**
 * iommu_sva_get_pasid() - the PASID a bond uses
 * @handle: the bond
 *
 * Return: the PASID of the bound mm; the same for every device bound to it.
 */
u32 iommu_sva_get_pasid(struct iommu_sva *handle)
{
	return mm_get_enqcmd_pasid(handle->handle.domain->mm);
}
EXPORT_SYMBOL_GPL(iommu_sva_get_pasid);

/**
 * mm_pasid_drop() - release the PASID of an mm that is going away
 * @mm: the mm
 */
void mm_pasid_drop(struct mm_struct *mm)
{
	struct iommu_mm_data *iommu_mm = mm->iommu_mm;

	if (!iommu_mm)
		return;

	iommu_free_global_pasid(iommu_mm->pasid);
	mm->iommu_mm = NULL;
	kfree(iommu_mm);
}

/*
 * Resolve one page request against @mm the way an access of the process
 * itself would be resolved: fixup_user_fault() refuses addresses that are
 * not mapped or whose mapping does not allow the access, and otherwise
 * makes the page present.
 */
static enum iommu_page_response_code
iommu_sva_handle_fault(struct iommu_fault_page_request *prm,
		       struct mm_struct *mm)
{
	enum iommu_page_response_code code = IOMMU_PAGE_RESP_INVALID;
	unsigned int fault_flags = FAULT_FLAG_REMOTE;

	if (!(prm->flags & IOMMU_FAULT_PAGE_REQUEST_PASID_VALID))
		return code;

	/* The process may already be exiting */
	if (!mmget_not_zero(mm))
		return code;

	if (prm->perm & IOMMU_FAULT_PERM_WRITE)
		fault_flags |= FAULT_FLAG_WRITE;
	if (prm->perm & IOMMU_FAULT_PERM_EXEC)
		fault_flags |= FAULT_FLAG_INSTRUCTION;
	if (!(prm->perm & IOMMU_FAULT_PERM_PRIV))
		fault_flags |= FAULT_FLAG_USER;

	mmap_read_lock(mm);
	if (!fixup_user_fault(mm, prm->addr, fault_flags, NULL))
		code = IOMMU_PAGE_RESP_SUCCESS;
	mmap_read_unlock(mm);

	mmput(mm);
	return code;
}

/* Work item: resolve every request of a group, then answer the group */
static void iommu_sva_iopf_work(struct work_struct *work)
{
	struct iopf_group *group = container_of(work, struct iopf_group, work);
	struct mm_struct *mm = group->attach_handle->domain->mm;
	enum iommu_page_response_code code = IOMMU_PAGE_RESP_SUCCESS;
	struct iopf_fault *iopf;

	list_for_each_entry(iopf, &group->faults, list) {
		/* The first failure decides the answer for the whole group */
		code = iommu_sva_handle_fault(&iopf->fault.prm, mm);
		if (code != IOMMU_PAGE_RESP_SUCCESS)
			break;
	}

	iopf_group_response(group, code);
	iopf_free_group(group);
}

/* &iommu_domain.iopf_handler of SVA domains */
static int iommu_sva_iopf_handler(struct iopf_group *group)
{
	struct iommu_fault_param *fault_param = group->fault_param;

	INIT_WORK(&group->work, iommu_sva_iopf_work);
	if (!queue_work(fault_param->queue->wq, &group->work))
		return -EBUSY;
	return 0;
}

static struct iommu_domain *iommu_sva_domain_alloc(struct device *dev,
						   struct mm_struct *mm)
{
	const struct iommu_ops *ops = dev_iommu_ops(dev);
	struct iommu_domain *domain;

	if (ops->domain_alloc_sva)
		domain = ops->domain_alloc_sva(dev, mm);
	else if (ops->domain_alloc)
		domain = ops->domain_alloc(IOMMU_DOMAIN_SVA);
	else
		return ERR_PTR(-EOPNOTSUPP);
	if (!domain)
		return ERR_PTR(-ENOMEM);
	if (IS_ERR(domain))
		return domain;

	domain->type = IOMMU_DOMAIN_SVA;
	mmgrab(mm);
	domain->mm = mm;
	domain->owner = ops;
	domain->iopf_handler = iommu_sva_iopf_handler;
	return domain;
}
