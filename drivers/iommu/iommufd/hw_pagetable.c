// SPDX-License-Identifier: GPL-2.0
/*
 * HWPT objects: an iommu_domain as userspace sees it.
 *
 * There are two flavours. A paging HWPT (IOMMUFD_OBJ_HWPT_PAGING) is a
 * domain whose page table iommufd keeps equal to the mappings of one IOAS;
 * it is made either on request (IOMMU_HWPT_ALLOC with an IOAS id) or on the
 * fly when a device is attached to an IOAS and none of the HWPTs made that
 * way earlier suits it. A nested HWPT (IOMMUFD_OBJ_HWPT_NESTED) is a first
 * stage in a format that only userspace and the IOMMU driver understand; the
 * IOMMU walks it and then translates the result through a paging HWPT that
 * was created with IOMMU_HWPT_ALLOC_NEST_PARENT.
 *
 * The ioctls that work on an existing HWPT live here as well: invalidation
 * of the caches of a nested HWPT, and dirty tracking on a paging one.
 */
#include <linux/iommu.h>
#include <linux/slab.h>
#include <uapi/linux/iommufd.h>

#include "../iommu-priv.h"
#include "iommufd_private.h"

/* The IOMMU_HWPT_ALLOC flags a paging HWPT understands */
#define PAGING_HWPT_FLAGS \
	(IOMMU_HWPT_ALLOC_NEST_PARENT | IOMMU_HWPT_ALLOC_DIRTY_TRACKING)

/*
 * Entries one IOMMU_HWPT_INVALIDATE may carry. The bound only keeps a single
 * call from running for too long; real users stay far below it.
 */
#define HWPT_INVALIDATE_ENTRIES_LIMIT BIT(19)

static inline struct iommufd_hwpt_paging *obj_to_paging(struct iommufd_object *obj)
{
	return container_of(obj, struct iommufd_hwpt_paging, common.obj);
}

static inline struct iommufd_hwpt_nested *obj_to_nested(struct iommufd_object *obj)
{
	return container_of(obj, struct iommufd_hwpt_nested, common.obj);
}

/* Give up what any HWPT may own: its domain and its fault queue reference */
static void hwpt_put_resources(struct iommufd_hw_pagetable *hwpt)
{
	struct iommufd_fault *fq = hwpt->fault_q;

	if (hwpt->domain)
		iommu_domain_free(hwpt->domain);
	if (fq)
		refcount_dec(&fq->obj.users);
}

/* Drop the IOAS reference and whatever else the HWPT owns */
static void paging_hwpt_release(struct iommufd_hwpt_paging *paging)
{
	struct iommufd_ioas *src = paging->ioas;

	hwpt_put_resources(&paging->common);
	refcount_dec(&src->obj.users);
}

/**
 * iommufd_hwpt_paging_destroy() - destroy callback of paging HWPTs
 * @obj: the object
 *
 * Empties the domain by removing it from its IOAS, frees it and lets go of
 * the IOAS.
 */
void iommufd_hwpt_paging_destroy(struct iommufd_object *obj)
{
	struct iommufd_hwpt_paging *paging = obj_to_paging(obj);
	struct iommufd_ioas *src = paging->ioas;

	if (!list_empty(&paging->hwpt_item)) {
		mutex_lock(&src->mutex);
		list_del_init(&paging->hwpt_item);
		mutex_unlock(&src->mutex);
		/* Unmaps everything; done without the mutex */
		iopt_table_remove_domain(&src->iopt, paging->common.domain);
	}
	paging_hwpt_release(paging);
}

/**
 * iommufd_hwpt_paging_abort() - abort callback of paging HWPTs
 * @obj: an object that was never finalized
 *
 * Whoever creates a paging HWPT keeps the IOAS mutex until the object is
 * either finalized or aborted, so here it is already held and the HWPT
 * leaves the IOAS under it.
 */
void iommufd_hwpt_paging_abort(struct iommufd_object *obj)
{
	struct iommufd_hwpt_paging *paging = obj_to_paging(obj);
	struct iommufd_ioas *src = paging->ioas;

	lockdep_assert_held(&src->mutex);
	if (!list_empty(&paging->hwpt_item)) {
		list_del_init(&paging->hwpt_item);
		iopt_table_remove_domain(&src->iopt, paging->common.domain);
	}
	paging_hwpt_release(paging);
}

/**
 * iommufd_hwpt_nested_destroy() - destroy callback of nested HWPTs
 * @obj: the object
 */
void iommufd_hwpt_nested_destroy(struct iommufd_object *obj)
{
	struct iommufd_hwpt_nested *nested = obj_to_nested(obj);
	struct iommufd_hwpt_paging *below = nested->stage2;

	hwpt_put_resources(&nested->common);
	refcount_dec(&below->common.obj.users);
}

/**
 * iommufd_hwpt_nested_abort() - abort callback of nested HWPTs
 * @obj: an object that was never finalized
 *
 * Nothing differs from destroying a published nested HWPT.
 */
void iommufd_hwpt_nested_abort(struct iommufd_object *obj)
{
	iommufd_hwpt_nested_destroy(obj);
}

/**
 * iommufd_paging_hwpt_block_nosnoop() - have a paging HWPT stop no-snoop DMA
 * @paging: the HWPT
 *
 * The setting sticks for the life of the domain, so asking again after a
 * success costs nothing.
 *
 * Return: 0 on success, -EINVAL when the driver does not (or can no longer)
 * do it for this domain.
 */
int iommufd_paging_hwpt_block_nosnoop(struct iommufd_hwpt_paging *paging)
{
	struct iommu_domain *dom = paging->common.domain;
	bool (*enforce)(struct iommu_domain *dom);

	if (!paging->enforce_cache_coherency) {
		enforce = dom->ops->enforce_cache_coherency;
		paging->enforce_cache_coherency = enforce && enforce(dom);
	}
	return paging->enforce_cache_coherency ? 0 : -EINVAL;
}

/*
 * Ask the driver of @dev for an empty paging domain. Drivers with
 * domain_alloc_user() get the flags and the data; the others can only make
 * a default paging domain and refuse anything more. Return: the domain or
 * an ERR_PTR, never NULL.
 */
static struct iommu_domain *
paging_domain_create(struct device *dev, u32 flags,
		     const struct iommu_user_data *user_data)
{
	const struct iommu_ops *ops = dev_iommu_ops(dev);
	struct iommu_domain *dom;

	if (!ops->domain_alloc_user) {
		if (flags || user_data)
			return ERR_PTR(-EOPNOTSUPP);
		dom = iommu_paging_domain_alloc(dev);
		return dom ?: ERR_PTR(-ENOMEM);
	}

	/* IOMMU_HWPT_FAULT_ID_VALID only makes sense for nested HWPTs */
	if (flags & ~PAGING_HWPT_FLAGS)
		return ERR_PTR(-EOPNOTSUPP);
	if ((flags & IOMMU_HWPT_ALLOC_DIRTY_TRACKING) &&
	    !device_iommu_capable(dev, IOMMU_CAP_DIRTY_TRACKING))
		return ERR_PTR(-EOPNOTSUPP);

	dom = ops->domain_alloc_user(dev, flags, NULL, user_data);
	if (!dom)
		return ERR_PTR(-ENOMEM);
	if (!IS_ERR(dom))
		dom->owner = ops;
	return dom;
}

/**
 * iommufd_paging_hwpt_create() - make a paging HWPT of an IOAS for a device
 * @ictx: the context
 * @ioas: the IOAS whose mappings the domain will carry
 * @idev: the device the domain is made for
 * @pasid: the PASID the device will use it with; IOMMU_NO_PASID for now
 * @flags: IOMMU_HWPT_ALLOC_* flags from userspace
 * @attach_first: attach @idev before the mappings are copied in, for
 *	drivers that finish setting up a domain on its first attach
 * @user_data: driver-specific data for the allocation, or NULL
 *
 * The new domain is made to block no-snoop DMA if the device can be made to
 * obey that, receives every existing mapping of @ioas and joins its
 * hwpt_list. The object is not published: the caller holds @ioas->mutex
 * from before this call until it has called iommufd_object_finalize() or
 * iommufd_object_abort_and_destroy() on the result.
 *
 * Return: the HWPT or an ERR_PTR: -EOPNOTSUPP for flags or data the driver
 * cannot honour, else the error of the allocation, attach or filling.
 */
struct iommufd_hwpt_paging *
iommufd_paging_hwpt_create(struct iommufd_ctx *ictx, struct iommufd_ioas *ioas,
			   struct iommufd_device *idev, ioasid_t pasid,
			   u32 flags, bool attach_first,
			   const struct iommu_user_data *user_data)
{
	struct iommufd_hwpt_paging *paging;
	struct iommu_domain *dom;
	int err;

	lockdep_assert_held(&ioas->mutex);

	dom = paging_domain_create(idev->dev, flags, user_data);
	if (IS_ERR(dom))
		return ERR_CAST(dom);

	paging = __iommufd_object_alloc(ictx, paging, IOMMUFD_OBJ_HWPT_PAGING,
					common.obj);
	if (IS_ERR(paging)) {
		iommu_domain_free(dom);
		return paging;
	}
	paging->common.domain = dom;
	paging->nesting_parent = !!(flags & IOMMU_HWPT_ALLOC_NEST_PARENT);
	INIT_LIST_HEAD(&paging->hwpt_item);
	/* Returned by paging_hwpt_release() */
	paging->ioas = ioas;
	refcount_inc(&ioas->obj.users);

	/*
	 * On some IOMMUs every PTE says whether snooping may be skipped, so
	 * this is settled before the first mapping goes in. A driver that
	 * reports the capability for the device has to manage it on a fresh
	 * domain. Devices that cannot be forced may share a forced domain;
	 * the opposite mix is sorted out at attach time.
	 */
	if (idev->enforce_cache_coherency) {
		err = iommufd_paging_hwpt_block_nosnoop(paging);
		if (WARN_ON(err))
			goto fail;
	}

	if (attach_first) {
		err = iommufd_hwpt_add_device(&paging->common, idev, pasid);
		if (err)
			goto fail;
	}

	err = iopt_table_add_domain(&ioas->iopt, dom);
	if (err) {
		if (attach_first)
			iommufd_hwpt_remove_device(idev, pasid);
		goto fail;
	}
	list_add_tail(&paging->hwpt_item, &ioas->hwpt_list);
	return paging;

fail:
	iommufd_object_abort_and_destroy(ictx, &paging->common.obj);
	return ERR_PTR(err);
}

/*
 * May a nested HWPT for a device driven by @ops sit on @below? Only a
 * HWPT userspace made itself, as a nesting parent, with the same driver.
 */
static bool nested_parent_usable(struct iommufd_hwpt_paging *below,
				 const struct iommu_ops *ops)
{
	return !below->auto_made && below->nesting_parent &&
	       below->common.domain->owner == ops;
}

/*
 * Build a nested HWPT for @idev above @below. Return: the unpublished HWPT
 * or an ERR_PTR: -EOPNOTSUPP for unknown flags, no data or a driver that
 * cannot nest; -EINVAL for a parent that does not qualify or a domain the
 * driver got wrong; otherwise the driver's error.
 */
static struct iommufd_hwpt_nested *
nested_hwpt_create(struct iommufd_ctx *ictx, struct iommufd_hwpt_paging *below,
		   struct iommufd_device *idev, u32 flags,
		   const struct iommu_user_data *user_data)
{
	const struct iommu_ops *ops = dev_iommu_ops(idev->dev);
	u32 drv_flags = flags & ~IOMMU_HWPT_FAULT_ID_VALID;
	struct iommufd_hwpt_nested *nested;
	struct iommu_domain *dom;

	if (drv_flags || !user_data->len || !ops->domain_alloc_user)
		return ERR_PTR(-EOPNOTSUPP);
	if (!nested_parent_usable(below, ops))
		return ERR_PTR(-EINVAL);

	dom = ops->domain_alloc_user(idev->dev, drv_flags,
				     below->common.domain, user_data);
	if (!dom)
		return ERR_PTR(-ENOMEM);
	if (IS_ERR(dom))
		return ERR_CAST(dom);
	dom->owner = ops;

	if (WARN_ON_ONCE(dom->type != IOMMU_DOMAIN_NESTED ||
			 !dom->ops->cache_invalidate_user)) {
		iommu_domain_free(dom);
		return ERR_PTR(-EINVAL);
	}

	nested = __iommufd_object_alloc(ictx, nested, IOMMUFD_OBJ_HWPT_NESTED,
					common.obj);
	if (IS_ERR(nested)) {
		iommu_domain_free(dom);
		return nested;
	}
	nested->common.domain = dom;
	/* Returned by iommufd_hwpt_nested_destroy() */
	nested->stage2 = below;
	refcount_inc(&below->common.obj.users);
	return nested;
}

/* Send the page requests of @hwpt's domain to the fault queue @fault_id */
static int hwpt_connect_fault_queue(struct iommufd_ucmd *ucmd,
				    struct iommufd_hw_pagetable *hwpt,
				    u32 fault_id)
{
	struct iommufd_fault *fq = iommufd_fault_lookup(ucmd, fault_id);

	if (IS_ERR(fq))
		return PTR_ERR(fq);

	/* Held for as long as the HWPT exists */
	refcount_inc(&fq->obj.users);
	hwpt->fault_q = fq;
	hwpt->domain->fault_data = hwpt;
	hwpt->domain->iopf_handler = iommufd_fault_enqueue;

	iommufd_put_object(ucmd->ictx, &fq->obj);
	return 0;
}

/*
 * Complete IOMMU_HWPT_ALLOC for @hwpt, built but not published: hook up the
 * fault queue, tell userspace the id and publish the object. On any failure
 * the HWPT is destroyed. @hwpt may also be an ERR_PTR from the build step,
 * which is simply passed on.
 */
static int hwpt_alloc_publish(struct iommufd_ucmd *ucmd,
			      struct iommufd_hw_pagetable *hwpt)
{
	struct iommu_hwpt_alloc *cmd = ucmd->cmd;
	int err = 0;

	if (IS_ERR(hwpt))
		return PTR_ERR(hwpt);

	if (cmd->flags & IOMMU_HWPT_FAULT_ID_VALID)
		err = hwpt_connect_fault_queue(ucmd, hwpt, cmd->fault_id);
	if (!err) {
		cmd->out_hwpt_id = hwpt->obj.id;
		err = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	}

	if (err)
		iommufd_object_abort_and_destroy(ucmd->ictx, &hwpt->obj);
	else
		iommufd_object_finalize(ucmd->ictx, &hwpt->obj);
	return err;
}

/* IOMMU_HWPT_ALLOC with an IOAS: a paging HWPT */
static int hwpt_alloc_paging_on(struct iommufd_ucmd *ucmd,
				struct iommufd_device *idev,
				struct iommufd_ioas *ioas,
				const struct iommu_user_data *data)
{
	struct iommu_hwpt_alloc *cmd = ucmd->cmd;
	struct iommufd_hwpt_paging *made;
	int err;

	/* Stays locked until the HWPT is either published or gone */
	mutex_lock(&ioas->mutex);
	made = iommufd_paging_hwpt_create(ucmd->ictx, ioas, idev,
					  IOMMU_NO_PASID, cmd->flags, false,
					  data->len ? data : NULL);
	err = hwpt_alloc_publish(ucmd, IS_ERR(made) ? ERR_CAST(made) :
						      &made->common);
	mutex_unlock(&ioas->mutex);
	return err;
}

/* IOMMU_HWPT_ALLOC with a paging HWPT: a nested HWPT on top of it */
static int hwpt_alloc_nested_on(struct iommufd_ucmd *ucmd,
				struct iommufd_device *idev,
				struct iommufd_hwpt_paging *below,
				const struct iommu_user_data *data)
{
	struct iommu_hwpt_alloc *cmd = ucmd->cmd;
	struct iommufd_hwpt_nested *made;

	made = nested_hwpt_create(ucmd->ictx, below, idev, cmd->flags, data);
	return hwpt_alloc_publish(ucmd, IS_ERR(made) ? ERR_CAST(made) :
						      &made->common);
}

/* A type comes with data and data with a type, or neither is given */
static bool hwpt_alloc_data_consistent(const struct iommu_hwpt_alloc *cmd)
{
	bool has_type = cmd->data_type != IOMMU_HWPT_DATA_NONE;

	return has_type == !!cmd->data_len;
}

/**
 * iommufd_hwpt_alloc() - IOMMU_HWPT_ALLOC
 * @ucmd: the command
 *
 * pt_id names either an IOAS, for a new paging HWPT, or a paging HWPT, for a
 * new nested HWPT above it.
 *
 * Return: 0 or a negative errno as described in the uAPI header.
 */
int iommufd_hwpt_alloc(struct iommufd_ucmd *ucmd)
{
	struct iommu_hwpt_alloc *cmd = ucmd->cmd;
	const struct iommu_user_data data = {
		.type = cmd->data_type,
		.uptr = u64_to_user_ptr(cmd->data_uptr),
		.len = cmd->data_len,
	};
	struct iommufd_object *target;
	struct iommufd_device *idev;
	int err;

	if (cmd->__reserved)
		return -EOPNOTSUPP;
	if (!hwpt_alloc_data_consistent(cmd))
		return -EINVAL;

	idev = iommufd_device_lookup(ucmd, cmd->dev_id);
	if (IS_ERR(idev))
		return PTR_ERR(idev);

	target = iommufd_get_object(ucmd->ictx, cmd->pt_id, IOMMUFD_OBJ_ANY);
	if (IS_ERR(target)) {
		err = -EINVAL;
		goto put_idev;
	}

	if (target->type == IOMMUFD_OBJ_IOAS)
		err = hwpt_alloc_paging_on(ucmd, idev,
					   container_of(target,
							struct iommufd_ioas,
							obj),
					   &data);
	else if (target->type == IOMMUFD_OBJ_HWPT_PAGING)
		err = hwpt_alloc_nested_on(ucmd, idev, obj_to_paging(target),
					   &data);
	else
		err = -EINVAL;

	iommufd_put_object(ucmd->ictx, target);
put_idev:
	iommufd_put_object(ucmd->ictx, &idev->obj);
	return err;
}

/* A paging HWPT by id, with a short-term reference, or ERR_PTR(-ENOENT) */
static struct iommufd_hwpt_paging *paging_hwpt_lookup(struct iommufd_ucmd *ucmd,
						      u32 id)
{
	struct iommufd_object *found;

	found = iommufd_get_object(ucmd->ictx, id, IOMMUFD_OBJ_HWPT_PAGING);
	if (IS_ERR(found))
		return ERR_CAST(found);
	return obj_to_paging(found);
}

/**
 * iommufd_hwpt_set_dirty_tracking() - IOMMU_HWPT_SET_DIRTY_TRACKING
 * @ucmd: the command
 *
 * Return: 0; -EOPNOTSUPP for unknown flags or a domain that cannot track
 * dirty pages; -ENOENT when the id is not a paging HWPT; or the error of the
 * driver.
 */
int iommufd_hwpt_set_dirty_tracking(struct iommufd_ucmd *ucmd)
{
	struct iommu_hwpt_set_dirty_tracking *cmd = ucmd->cmd;
	bool on = cmd->flags & IOMMU_HWPT_DIRTY_TRACKING_ENABLE;
	struct iommufd_hwpt_paging *paging;
	int err;

	if (cmd->flags & ~IOMMU_HWPT_DIRTY_TRACKING_ENABLE)
		return -EOPNOTSUPP;

	paging = paging_hwpt_lookup(ucmd, cmd->hwpt_id);
	if (IS_ERR(paging))
		return PTR_ERR(paging);
	err = iopt_set_dirty_tracking(&paging->ioas->iopt,
				      paging->common.domain, on);
	iommufd_put_object(ucmd->ictx, &paging->common.obj);
	return err;
}

/**
 * iommufd_hwpt_get_dirty_bitmap() - IOMMU_HWPT_GET_DIRTY_BITMAP
 * @ucmd: the command
 *
 * Return: 0 or a negative errno; iopt_read_and_clear_dirty_data() lists
 * the ones of the walk itself.
 */
int iommufd_hwpt_get_dirty_bitmap(struct iommufd_ucmd *ucmd)
{
	struct iommu_hwpt_get_dirty_bitmap *cmd = ucmd->cmd;
	struct iommufd_hwpt_paging *paging;
	int err;

	if (cmd->__reserved ||
	    (cmd->flags & ~IOMMU_HWPT_GET_DIRTY_BITMAP_NO_CLEAR))
		return -EOPNOTSUPP;

	paging = paging_hwpt_lookup(ucmd, cmd->hwpt_id);
	if (IS_ERR(paging))
		return PTR_ERR(paging);
	err = iopt_read_and_clear_dirty_data(&paging->ioas->iopt,
					     paging->common.domain, cmd->flags,
					     cmd);
	iommufd_put_object(ucmd->ictx, &paging->common.obj);
	return err;
}

/*
 * Sanity of the array description. A non-empty array needs a pointer, an
 * entry size no bigger than a page (which also bounds the zero check the
 * driver does past the end of each entry it knows) and a sane count.
 */
static int hwpt_invalidate_check(const struct iommu_hwpt_invalidate *cmd)
{
	if (cmd->__reserved)
		return -EOPNOTSUPP;
	if (!cmd->entry_num)
		return 0;
	if (!cmd->data_uptr || !cmd->entry_len || cmd->entry_len > PAGE_SIZE ||
	    cmd->entry_num > HWPT_INVALIDATE_ENTRIES_LIMIT)
		return -EINVAL;
	return 0;
}

/* Hand the array to the driver of the nested HWPT; *@done gets its count */
static int hwpt_invalidate_run(struct iommufd_ucmd *ucmd,
			       struct iommu_hwpt_invalidate *cmd, u32 *done)
{
	struct iommu_user_data_array entries = {
		.type = cmd->data_type,
		.uptr = u64_to_user_ptr(cmd->data_uptr),
		.entry_len = cmd->entry_len,
		.entry_num = cmd->entry_num,
	};
	struct iommufd_hw_pagetable *hwpt;
	struct iommufd_object *found;
	int err;

	found = iommufd_get_object(ucmd->ictx, cmd->hwpt_id,
				   IOMMUFD_OBJ_HWPT_NESTED);
	if (IS_ERR(found))
		return PTR_ERR(found);
	hwpt = container_of(found, struct iommufd_hw_pagetable, obj);

	err = hwpt->domain->ops->cache_invalidate_user(hwpt->domain, &entries);
	*done = entries.entry_num;

	iommufd_put_object(ucmd->ictx, found);
	return err;
}

/**
 * iommufd_hwpt_invalidate() - IOMMU_HWPT_INVALIDATE
 * @ucmd: the command
 *
 * The driver works through the entries in order and stops at the first it
 * rejects. Whatever happens, entry_num is rewritten with how many entries
 * were done, so that userspace can tell where to continue. With no entries
 * only the data type is checked.
 *
 * Return: 0; -EOPNOTSUPP, -EINVAL or -ENOENT for bad arguments; or the
 * error the driver gave for the first entry it rejected.
 */
int iommufd_hwpt_invalidate(struct iommufd_ucmd *ucmd)
{
	struct iommu_hwpt_invalidate *cmd = ucmd->cmd;
	u32 done = 0;
	int err;

	err = hwpt_invalidate_check(cmd);
	if (!err)
		err = hwpt_invalidate_run(ucmd, cmd, &done);

	cmd->entry_num = done;
	if (iommufd_ucmd_respond(ucmd, sizeof(*cmd)))
		return -EFAULT;
	return err;
}
