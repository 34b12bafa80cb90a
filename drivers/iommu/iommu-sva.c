// SPDX-License-Identifier: GPL-2.0
/*
 * Shared Virtual Addressing (SVA): a device issues DMA tagged with a PASID
 * and the IOMMU translates it through the CPU page table of a process.
 *
 * Every mm that gets bound receives one PASID, valid on all devices, which
 * it keeps until the mm is torn down (mm_pasid_drop()). A bind puts an SVA
 * domain for that mm on the PASID of the device's group. Each driver needs
 * only one SVA domain per mm, so the domains an mm already has are tried
 * before a new one is allocated.
 *
 * A bond is a &struct iommu_sva; its embedded attach handle is what the
 * group's PASID array records. Binding a (device, mm) pair a second time
 * finds that handle again and only counts one more user, so no separate
 * list of bonds is needed.
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

/* Outermost lock of the core; see iommu-priv.h */
static DEFINE_MUTEX(sva_bind_lock);

static int sva_fault_dispatch(struct iopf_group *fgroup);

/*
 * Make a new SVA domain for @mm from the driver of @dev. The core fills in
 * the fields drivers do not set themselves and takes a reference on @mm
 * that iommu_domain_free() drops.
 */
static struct iommu_domain *sva_domain_create(struct device *dev,
					      struct mm_struct *mm)
{
	const struct iommu_ops *ops = dev_iommu_ops(dev);
	struct iommu_domain *dom;

	if (ops->domain_alloc_sva)
		dom = ops->domain_alloc_sva(dev, mm);
	else if (ops->domain_alloc)
		dom = ops->domain_alloc(IOMMU_DOMAIN_SVA);
	else
		return ERR_PTR(-EOPNOTSUPP);

	if (IS_ERR_OR_NULL(dom))
		return dom ? dom : ERR_PTR(-ENOMEM);

	dom->owner = ops;
	dom->type = IOMMU_DOMAIN_SVA;
	dom->iopf_handler = sva_fault_dispatch;
	mmgrab(mm);
	dom->mm = mm;
	return dom;
}

/* Give @mm its IOMMU state and a global PASID that @dev can encode */
static struct iommu_mm_data *sva_mm_setup(struct mm_struct *mm,
					  struct device *dev)
{
	struct iommu_mm_data *state;
	ioasid_t id;

	state = kzalloc(sizeof(*state), GFP_KERNEL);
	if (!state)
		return ERR_PTR(-ENOMEM);

	id = iommu_alloc_global_pasid(dev);
	if (id == IOMMU_PASID_INVALID) {
		kfree(state);
		return ERR_PTR(-ENOSPC);
	}
	state->pasid = id;
	INIT_LIST_HEAD(&state->sva_domains);

	/* Readers that do not take the lock must never see a half-made state */
	smp_store_release(&mm->iommu_mm, state);
	return state;
}

/*
 * The IOMMU state of @mm, created on the first bind. Fails if @mm's page
 * table format cannot be walked by an IOMMU, or if its PASID is beyond
 * what @dev supports.
 */
static struct iommu_mm_data *sva_mm_state(struct mm_struct *mm,
					  struct device *dev)
{
	struct iommu_mm_data *state;

	lockdep_assert_held(&sva_bind_lock);

	if (!arch_pgtable_dma_compat(mm))
		return ERR_PTR(-EBUSY);

	state = mm->iommu_mm;
	if (!state)
		return sva_mm_setup(mm, dev);
	if (state->pasid >= dev->iommu->max_pasids)
		return ERR_PTR(-EOVERFLOW);
	return state;
}

/*
 * What occupies @pasid in @grp? NULL when it is free; the bond, with one
 * more user, when @mm is bound there already; ERR_PTR(-EBUSY) when another
 * mm or another kind of domain holds it.
 */
static struct iommu_sva *sva_find_bond(struct iommu_group *grp,
				       struct mm_struct *mm, ioasid_t pasid)
{
	struct iommu_attach_handle *ah;
	struct iommu_sva *bond;

	ah = iommu_attach_handle_get(grp, pasid, IOMMU_DOMAIN_SVA);
	if (IS_ERR(ah))
		return PTR_ERR(ah) == -ENOENT ? NULL : ERR_CAST(ah);
	if (ah->domain->mm != mm)
		return ERR_PTR(-EBUSY);

	bond = container_of(ah, struct iommu_sva, handle);
	refcount_inc(&bond->users);
	return bond;
}

/*
 * Put an SVA domain of @mm on the PASID of @dev for @bond: first one of the
 * domains the mm has already, then a new one. Only -EINVAL (incompatible
 * domain) sends the search on to the next candidate.
 */
static int sva_attach_domain(struct device *dev, struct mm_struct *mm,
			     struct iommu_mm_data *state,
			     struct iommu_sva *bond)
{
	struct iommu_domain *dom;
	int rc;

	list_for_each_entry(dom, &state->sva_domains, next) {
		rc = iommu_attach_device_pasid(dom, dev, state->pasid,
					       &bond->handle);
		if (rc == 0) {
			dom->users++;
			return 0;
		}
		if (iommu_attach_errno_class(rc) != -EINVAL)
			return rc;
	}

	dom = sva_domain_create(dev, mm);
	if (IS_ERR(dom))
		return PTR_ERR(dom);

	rc = iommu_attach_device_pasid(dom, dev, state->pasid, &bond->handle);
	if (rc) {
		iommu_domain_free(dom);
		return rc;
	}
	dom->users = 1;
	list_add(&dom->next, &state->sva_domains);
	return 0;
}

static struct iommu_sva *sva_bind_locked(struct device *dev,
					 struct mm_struct *mm)
{
	struct iommu_mm_data *state;
	struct iommu_sva *bond;
	int rc;

	lockdep_assert_held(&sva_bind_lock);

	state = sva_mm_state(mm, dev);
	if (IS_ERR(state))
		return ERR_CAST(state);

	/* The PASID may be bound already, or taken by something else */
	bond = sva_find_bond(dev->iommu_group, mm, state->pasid);
	if (bond)
		return bond;

	bond = kzalloc(sizeof(*bond), GFP_KERNEL);
	if (!bond)
		return ERR_PTR(-ENOMEM);

	rc = sva_attach_domain(dev, mm, state, bond);
	if (rc) {
		kfree(bond);
		return ERR_PTR(rc);
	}

	bond->dev = dev;
	refcount_set(&bond->users, 1);
	return bond;
}

/**
 * iommu_sva_bind_device() - give a device access to a process address space
 * @dev: the device
 * @mm: the address space; the caller holds a reference on its users
 *
 * DMA from @dev tagged with iommu_sva_get_pasid() of the result is then
 * translated by @mm's page table. Binding the same pair again returns the
 * same bond with one more user; each successful call needs its own
 * iommu_sva_unbind_device(). Drivers that require IOMMU_DEV_FEAT_SVA need
 * it enabled beforehand.
 *
 * An SVA domain of @mm already used with the same driver is shared when
 * the driver accepts it; a new domain is allocated otherwise. Only an
 * incompatible domain (-EINVAL) makes the core look further.
 *
 * Return: the bond, or an ERR_PTR: -ENODEV when @dev has no group or no
 * IOMMU; -EOVERFLOW when @mm's PASID does not fit @dev; -ENOSPC when no
 * PASID is left; -EBUSY when the group's PASID holds something else (found
 * before anything is changed); -ENOMEM; or the error of the domain
 * allocation or attach.
 */
struct iommu_sva *iommu_sva_bind_device(struct device *dev, struct mm_struct *mm)
{
	struct iommu_sva *bond;

	if (!dev->iommu_group || !dev_has_iommu(dev))
		return ERR_PTR(-ENODEV);

	mutex_lock(&sva_bind_lock);
	bond = sva_bind_locked(dev, mm);
	mutex_unlock(&sva_bind_lock);
	return bond;
}
EXPORT_SYMBOL_GPL(iommu_sva_bind_device);

/**
 * iommu_sva_unbind_device() - drop one user of a bond
 * @handle: a bond from iommu_sva_bind_device()
 *
 * When the last user goes, the PASID is detached from the device, and an
 * SVA domain no device uses any more is freed. The device must no longer
 * issue DMA with the PASID and its outstanding page requests must have
 * been flushed.
 */
void iommu_sva_unbind_device(struct iommu_sva *handle)
{
	struct iommu_domain *dom = handle->handle.domain;
	struct mm_struct *mm = dom->mm;
	bool last;

	mutex_lock(&sva_bind_lock);
	last = refcount_dec_and_test(&handle->users);
	if (last) {
		iommu_detach_device_pasid(dom, handle->dev,
					  mm->iommu_mm->pasid);
		dom->users--;
		if (!dom->users) {
			list_del(&dom->next);
			iommu_domain_free(dom);
		}
	}
	mutex_unlock(&sva_bind_lock);

	if (last)
		kfree(handle);
}
EXPORT_SYMBOL_GPL(iommu_sva_unbind_device);

/**
 * iommu_sva_get_pasid() - the PASID of a bond
 * @handle: the bond
 *
 * Return: the PASID of the bound mm, the same for all devices bound to it.
 */
u32 iommu_sva_get_pasid(struct iommu_sva *handle)
{
	struct mm_struct *mm = handle->handle.domain->mm;

	return mm_get_enqcmd_pasid(mm);
}
EXPORT_SYMBOL_GPL(iommu_sva_get_pasid);

/**
 * mm_pasid_drop() - release the IOMMU state of an mm being torn down
 * @mm: the mm
 */
void mm_pasid_drop(struct mm_struct *mm)
{
	struct iommu_mm_data *state = mm->iommu_mm;

	if (!state)
		return;

	mm->iommu_mm = NULL;
	iommu_free_global_pasid(state->pasid);
	kfree(state);
}

/* How the permission bits of a page request turn into fault flags */
static unsigned int sva_fault_flags(u32 perm)
{
	unsigned int flags = FAULT_FLAG_REMOTE;

	if (perm & IOMMU_FAULT_PERM_WRITE)
		flags |= FAULT_FLAG_WRITE;
	if (perm & IOMMU_FAULT_PERM_EXEC)
		flags |= FAULT_FLAG_INSTRUCTION;
	/* A request without the privileged bit acts for user mode */
	if (!(perm & IOMMU_FAULT_PERM_PRIV))
		flags |= FAULT_FLAG_USER;
	return flags;
}

/*
 * Resolve one page request against @mm as if the process itself touched
 * the address: fixup_user_fault() fails for addresses that are not mapped
 * or not mapped with the requested rights, and faults the page in
 * otherwise.
 */
static enum iommu_page_response_code
sva_resolve_request(struct iommu_fault_page_request *req, struct mm_struct *mm)
{
	int rc;

	if (!(req->flags & IOMMU_FAULT_PAGE_REQUEST_PASID_VALID))
		return IOMMU_PAGE_RESP_INVALID;
	/* Nothing to resolve against once the process is exiting */
	if (!mmget_not_zero(mm))
		return IOMMU_PAGE_RESP_INVALID;

	mmap_read_lock(mm);
	rc = fixup_user_fault(mm, req->addr, sva_fault_flags(req->perm), NULL);
	mmap_read_unlock(mm);
	mmput(mm);

	return rc ? IOMMU_PAGE_RESP_INVALID : IOMMU_PAGE_RESP_SUCCESS;
}

/*
 * Work item of one page request group. Requests are resolved in order; the
 * first one that fails decides the answer for the group.
 */
static void sva_fault_work(struct work_struct *work)
{
	struct iopf_group *fgroup = container_of(work, struct iopf_group, work);
	struct mm_struct *mm = fgroup->attach_handle->domain->mm;
	enum iommu_page_response_code answer = IOMMU_PAGE_RESP_SUCCESS;
	struct iopf_fault *req;

	list_for_each_entry(req, &fgroup->faults, list) {
		answer = sva_resolve_request(&req->fault.prm, mm);
		if (answer != IOMMU_PAGE_RESP_SUCCESS)
			break;
	}

	iopf_group_response(fgroup, answer);
	iopf_free_group(fgroup);
}

/* The iopf_handler of SVA domains: resolve the group on the queue's wq */
static int sva_fault_dispatch(struct iopf_group *fgroup)
{
	struct workqueue_struct *wq = fgroup->fault_param->queue->wq;

	INIT_WORK(&fgroup->work, sva_fault_work);
	return queue_work(wq, &fgroup->work) ? 0 : -EBUSY;
}
