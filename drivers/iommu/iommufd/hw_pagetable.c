// SPDX-License-Identifier: GPL-2.0
/*
 * Hardware page table (HWPT) objects.
 *
 * A HWPT wraps one iommu_domain. Two kinds exist:
 *
 *  - paging HWPTs (IOMMUFD_OBJ_HWPT_PAGING) whose page table iommufd fills
 *    from an IOAS. They are created explicitly with IOMMU_HWPT_ALLOC on an
 *    IOAS, or implicitly ("auto domains") when a device is attached to an
 *    IOAS and no existing automatic HWPT of that IOAS suits it;
 *  - nested HWPTs (IOMMUFD_OBJ_HWPT_NESTED), a first stage whose format is
 *    owned by userspace and translated by the IOMMU through a paging parent
 *    that was allocated with IOMMU_HWPT_ALLOC_NEST_PARENT.
 *
 * This file also carries the ioctls that act on an existing HWPT: cache
 * invalidation of nested HWPTs and dirty tracking of paging HWPTs.
 */
#include <linux/iommu.h>
#include <linux/slab.h>
#include <uapi/linux/iommufd.h>

#include "../iommu-priv.h"
#include "iommufd_private.h"

/* Release what both HWPT kinds own: the domain and the fault reference */
static void iommufd_hwpt_release_common(struct iommufd_hw_pagetable *hwpt)
{
	if (hwpt->domain)
		iommu_domain_free(hwpt->domain);
	if (hwpt->fault)
		refcount_dec(&hwpt->fault->obj.users);
}

/**
 * iommufd_hwpt_paging_destroy() - destroy callback of paging HWPTs
 * @obj: the object
 *
 * Takes the domain out of its IOAS (unmapping everything from it), frees it
 * and gives up the IOAS reference.
 */
void iommufd_hwpt_paging_destroy(struct iommufd_object *obj)
{
	struct iommufd_hwpt_paging *hwpt_paging =
		container_of(obj, struct iommufd_hwpt_paging, common.obj);
	struct iommufd_ioas *ioas = hwpt_paging->ioas;

	if (!list_empty(&hwpt_paging->hwpt_item)) {
		mutex_lock(&ioas->mutex);
		list_del(&hwpt_paging->hwpt_item);
		mutex_unlock(&ioas->mutex);

		iopt_table_remove_domain(&ioas->iopt,
					 hwpt_paging->common.domain);
	}

	iommufd_hwpt_release_common(&hwpt_paging->common);
	refcount_dec(&ioas->obj.users);
}

/**
 * iommufd_hwpt_paging_abort() - abort callback of paging HWPTs
 * @obj: the object, never finalized
 *
 * Used while the creator still holds the IOAS mutex, which it must keep
 * from allocation until finalize or abort.
 */
void iommufd_hwpt_paging_abort(struct iommufd_object *obj)
{
	struct iommufd_hwpt_paging *hwpt_paging =
		container_of(obj, struct iommufd_hwpt_paging, common.obj);

	lockdep_assert_held(&hwpt_paging->ioas->mutex);

	/* The mutex is ours already, so unlink here instead of in destroy */
	if (!list_empty(&hwpt_paging->hwpt_item)) {
		list_del_init(&hwpt_paging->hwpt_item);
		iopt_table_remove_domain(&hwpt_paging->ioas->iopt,
					 hwpt_paging->common.domain);
	}
	iommufd_hwpt_paging_destroy(obj);
}

/**
 * iommufd_hwpt_nested_destroy() - destroy callback of nested HWPTs
 * @obj: the object
 */
void iommufd_hwpt_nested_destroy(struct iommufd_object *obj)
{
	struct iommufd_hwpt_nested *hwpt_nested =
		container_of(obj, struct iommufd_hwpt_nested, common.obj);

	iommufd_hwpt_release_common(&hwpt_nested->common);
	refcount_dec(&hwpt_nested->parent->common.obj.users);
}

/**
 * iommufd_hwpt_nested_abort() - abort callback of nested HWPTs
 * @obj: the object, never finalized
 */
void iommufd_hwpt_nested_abort(struct iommufd_object *obj)
{
	iommufd_hwpt_nested_destroy(obj);
}

/**
 * iommufd_hwpt_paging_enforce_cc() - make a paging HWPT block no-snoop DMA
 * @hwpt_paging: the HWPT
 *
 * Once set this never changes for the lifetime of the domain.
 *
 * Return: 0, or -EINVAL if the driver cannot (or no longer can) do it.
 */
int iommufd_hwpt_paging_enforce_cc(struct iommufd_hwpt_paging *hwpt_paging)
{
	struct iommu_domain *domain = hwpt_paging->common.domain;

	if (hwpt_paging->enforce_cache_coherency)
		return 0;

	if (domain->ops->enforce_cache_coherency &&
	    domain->ops->enforce_cache_coherency(domain))
		hwpt_paging->enforce_cache_coherency = true;

	return hwpt_paging->enforce_cache_coherency ? 0 : -EINVAL;
}

/**
 * iommufd_hwpt_paging_alloc() - create a paging HWPT on an IOAS for a device
 * @ictx: the context
 * @ioas: the IOAS whose mappings the new domain will mirror
 * @idev: the device the domain is allocated for
 * @pasid: the PASID the device would use it with (IOMMU_NO_PASID for now)
 * @flags: IOMMU_HWPT_ALLOC_* flags from userspace
 * @immediate_attach: attach @idev to the HWPT before filling the domain
 * @user_data: driver-specific allocation data, or NULL
 *
 * The domain comes from the driver's domain_alloc_user() if it has one,
 * else from iommu_paging_domain_alloc(). It is made cache coherent if the
 * device supports that, then every existing mapping of the IOAS is copied
 * in and the HWPT joins the IOAS's hwpt_list.
 *
 * The caller holds @ioas->mutex and keeps holding it until it calls
 * iommufd_object_finalize() or iommufd_object_abort_and_destroy() on the
 * returned HWPT.
 *
 * Return: the new, unpublished HWPT, or an ERR_PTR: -EOPNOTSUPP for flags
 * or data the driver cannot take, or the error of the domain allocation,
 * the attach or the domain fill.
 */
struct iommufd_hwpt_paging *
iommufd_hwpt_paging_alloc(struct iommufd_ctx *ictx, struct iommufd_ioas *ioas,
			  struct iommufd_device *idev, ioasid_t pasid,
			  u32 flags, bool immediate_attach,
			  const struct iommu_user_data *user_data)
{
	const u32 supported = IOMMU_HWPT_ALLOC_NEST_PARENT |
			      IOMMU_HWPT_ALLOC_DIRTY_TRACKING;
	const struct iommu_ops *ops = dev_iommu_ops(idev->dev);
	struct iommufd_hwpt_paging *hwpt_paging;
	struct iommufd_hw_pagetable *hwpt;
	struct iommu_domain *domain;
	int rc;

	lockdep_assert_held(&ioas->mutex);

	if ((flags || user_data) && !ops->domain_alloc_user)
		return ERR_PTR(-EOPNOTSUPP);
	/* FAULT_ID_VALID is only meaningful for nested HWPTs */
	if (flags & ~supported)
		return ERR_PTR(-EOPNOTSUPP);
	if ((flags & IOMMU_HWPT_ALLOC_DIRTY_TRACKING) &&
	    !device_iommu_capable(idev->dev, IOMMU_CAP_DIRTY_TRACKING))
		return ERR_PTR(-EOPNOTSUPP);

	hwpt_paging = __iommufd_object_alloc(ictx, hwpt_paging,
					     IOMMUFD_OBJ_HWPT_PAGING,
					     common.obj);
	if (IS_ERR(hwpt_paging))
		return ERR_CAST(hwpt_paging);
	hwpt = &hwpt_paging->common;

	INIT_LIST_HEAD(&hwpt_paging->hwpt_item);
	/* Dropped by iommufd_hwpt_paging_destroy() */
	refcount_inc(&ioas->obj.users);
	hwpt_paging->ioas = ioas;
	hwpt_paging->nest_parent = flags & IOMMU_HWPT_ALLOC_NEST_PARENT;

	if (ops->domain_alloc_user) {
		domain = ops->domain_alloc_user(idev->dev, flags, NULL,
						user_data);
		if (!IS_ERR(domain))
			domain->owner = ops;
	} else {
		domain = iommu_paging_domain_alloc(idev->dev);
	}
	if (IS_ERR_OR_NULL(domain)) {
		rc = domain ? PTR_ERR(domain) : -ENOMEM;
		goto out_abort;
	}
	hwpt->domain = domain;

	/*
	 * Some IOMMUs encode the snoop behaviour in every PTE, so it has to be
	 * decided before anything is mapped. A driver that claims the
	 * capability for the device must be able to do it on a fresh domain.
	 * Devices without the capability may still share a coherent domain;
	 * a coherent device attaching to an existing domain upgrades it, or
	 * is refused with -EINVAL (see iommufd_hw_pagetable_attach()).
	 */
	if (idev->enforce_cache_coherency) {
		rc = iommufd_hwpt_paging_enforce_cc(hwpt_paging);
		if (WARN_ON(rc))
			goto out_abort;
	}

	/*
	 * Drivers that only finish building a domain when it is first
	 * attached need the device attached before the domain is filled.
	 */
	if (immediate_attach) {
		rc = iommufd_hw_pagetable_attach(hwpt, idev, pasid);
		if (rc)
			goto out_abort;
	}

	rc = iopt_table_add_domain(&ioas->iopt, hwpt->domain);
	if (rc)
		goto out_detach;
	list_add_tail(&hwpt_paging->hwpt_item, &ioas->hwpt_list);
	return hwpt_paging;

out_detach:
	if (immediate_attach)
		iommufd_hw_pagetable_detach(idev, pasid);
out_abort:
	iommufd_object_abort_and_destroy(ictx, &hwpt->obj);
	return ERR_PTR(rc);
}

/*
 * Create a nested HWPT for @idev on top of @parent. Return: the new,
 * unpublished HWPT or an ERR_PTR: -EOPNOTSUPP for unknown flags, missing
 * data or a driver without domain_alloc_user(); -EINVAL for an unsuitable
 * parent; or the driver's error.
 */
static struct iommufd_hwpt_nested *
iommufd_hwpt_nested_alloc(struct iommufd_ctx *ictx,
			  struct iommufd_hwpt_paging *parent,
			  struct iommufd_device *idev, u32 flags,
			  const struct iommu_user_data *user_data)
{
	const struct iommu_ops *ops = dev_iommu_ops(idev->dev);
	struct iommufd_hwpt_nested *hwpt_nested;
	struct iommufd_hw_pagetable *hwpt;
	struct iommu_domain *domain;
	int rc;

	if ((flags & ~IOMMU_HWPT_FAULT_ID_VALID) || !user_data->len ||
	    !ops->domain_alloc_user)
		return ERR_PTR(-EOPNOTSUPP);
	/*
	 * The parent must have been asked for as a nesting parent, by hand,
	 * and belong to the same driver as the device.
	 */
	if (parent->auto_domain || !parent->nest_parent ||
	    parent->common.domain->owner != ops)
		return ERR_PTR(-EINVAL);

	hwpt_nested = __iommufd_object_alloc(ictx, hwpt_nested,
					     IOMMUFD_OBJ_HWPT_NESTED,
					     common.obj);
	if (IS_ERR(hwpt_nested))
		return ERR_CAST(hwpt_nested);
	hwpt = &hwpt_nested->common;

	/* Dropped by iommufd_hwpt_nested_destroy() */
	refcount_inc(&parent->common.obj.users);
	hwpt_nested->parent = parent;

	domain = ops->domain_alloc_user(idev->dev,
					flags & ~IOMMU_HWPT_FAULT_ID_VALID,
					parent->common.domain, user_data);
	if (IS_ERR_OR_NULL(domain)) {
		rc = domain ? PTR_ERR(domain) : -ENOMEM;
		goto out_abort;
	}
	hwpt->domain = domain;
	domain->owner = ops;

	if (WARN_ON_ONCE(domain->type != IOMMU_DOMAIN_NESTED ||
			 !domain->ops->cache_invalidate_user)) {
		rc = -EINVAL;
		goto out_abort;
	}
	return hwpt_nested;

out_abort:
	iommufd_object_abort_and_destroy(ictx, &hwpt->obj);
	return ERR_PTR(rc);
}

/* Route the page faults of @hwpt's domain to the fault queue @fault_id */
static int iommufd_hwpt_set_fault(struct iommufd_ucmd *ucmd,
				  struct iommufd_hw_pagetable *hwpt,
				  u32 fault_id)
{
	struct iommufd_fault *fault;

	fault = iommufd_get_fault(ucmd, fault_id);
	if (IS_ERR(fault))
		return PTR_ERR(fault);

	/* Kept until the HWPT is destroyed */
	refcount_inc(&fault->obj.users);
	hwpt->fault = fault;
	hwpt->domain->iopf_handler = iommufd_fault_iopf_handler;
	hwpt->domain->fault_data = hwpt;
	iommufd_put_object(ucmd->ictx, &fault->obj);
	return 0;
}

/*
 * Last steps of IOMMU_HWPT_ALLOC for a HWPT built but not yet published:
 * connect the fault queue, report the id and publish. On failure the HWPT
 * is destroyed. For a paging HWPT the caller holds the IOAS mutex.
 */
static int iommufd_hwpt_alloc_finish(struct iommufd_ucmd *ucmd,
				     struct iommufd_hw_pagetable *hwpt)
{
	struct iommu_hwpt_alloc *cmd = ucmd->cmd;
	int rc;

	if (cmd->flags & IOMMU_HWPT_FAULT_ID_VALID) {
		rc = iommufd_hwpt_set_fault(ucmd, hwpt, cmd->fault_id);
		if (rc)
			goto out_abort;
	}

	cmd->out_hwpt_id = hwpt->obj.id;
	rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	if (rc)
		goto out_abort;
	iommufd_object_finalize(ucmd->ictx, &hwpt->obj);
	return 0;

out_abort:
	iommufd_object_abort_and_destroy(ucmd->ictx, &hwpt->obj);
	return rc;
}

/**
 * iommufd_hwpt_alloc() - IOMMU_HWPT_ALLOC
 * @ucmd: the command
 *
 * With an IOAS as pt_id a paging HWPT is made; with a paging HWPT as pt_id
 * a nested HWPT on top of it.
 *
 * Return: 0 or a negative errno; see the uAPI documentation.
 */
int iommufd_hwpt_alloc(struct iommufd_ucmd *ucmd)
{
	struct iommu_hwpt_alloc *cmd = ucmd->cmd;
	const struct iommu_user_data user_data = {
		.type = cmd->data_type,
		.uptr = u64_to_user_ptr(cmd->data_uptr),
		.len = cmd->data_len,
	};
	struct iommufd_hwpt_nested *hwpt_nested;
	struct iommufd_hwpt_paging *hwpt_paging;
	struct iommufd_object *pt_obj;
	struct iommufd_device *idev;
	struct iommufd_ioas *ioas;
	int rc;

	if (cmd->__reserved)
		return -EOPNOTSUPP;
	/* Data must come with a type, and a type with data */
	if (cmd->data_type == IOMMU_HWPT_DATA_NONE ? cmd->data_len :
						     !cmd->data_len)
		return -EINVAL;

	idev = iommufd_get_device(ucmd, cmd->dev_id);
	if (IS_ERR(idev))
		return PTR_ERR(idev);

	pt_obj = iommufd_get_object(ucmd->ictx, cmd->pt_id, IOMMUFD_OBJ_ANY);
	if (IS_ERR(pt_obj)) {
		rc = -EINVAL;
		goto out_put_idev;
	}

	switch (pt_obj->type) {
	case IOMMUFD_OBJ_IOAS:
		ioas = container_of(pt_obj, struct iommufd_ioas, obj);
		/* Held until the new HWPT is published or destroyed */
		mutex_lock(&ioas->mutex);
		hwpt_paging = iommufd_hwpt_paging_alloc(ucmd->ictx, ioas, idev,
							IOMMU_NO_PASID,
							cmd->flags, false,
							user_data.len ?
							&user_data : NULL);
		if (IS_ERR(hwpt_paging))
			rc = PTR_ERR(hwpt_paging);
		else
			rc = iommufd_hwpt_alloc_finish(ucmd,
						       &hwpt_paging->common);
		mutex_unlock(&ioas->mutex);
		break;
	case IOMMUFD_OBJ_HWPT_PAGING:
		hwpt_paging = container_of(pt_obj, struct iommufd_hwpt_paging,
					   common.obj);
		hwpt_nested = iommufd_hwpt_nested_alloc(ucmd->ictx, hwpt_paging,
							idev, cmd->flags,
							&user_data);
		if (IS_ERR(hwpt_nested))
			rc = PTR_ERR(hwpt_nested);
		else
			rc = iommufd_hwpt_alloc_finish(ucmd,
						       &hwpt_nested->common);
		break;
	default:
		rc = -EINVAL;
		break;
	}

	iommufd_put_object(ucmd->ictx, pt_obj);
out_put_idev:
	iommufd_put_object(ucmd->ictx, &idev->obj);
	return rc;
}

/**
 * iommufd_hwpt_set_dirty_tracking() - IOMMU_HWPT_SET_DIRTY_TRACKING
 * @ucmd: the command
 *
 * Return: 0, -EOPNOTSUPP for unknown flags or a domain without dirty
 * tracking, -ENOENT if the id is not a paging HWPT, or the driver's error.
 */
int iommufd_hwpt_set_dirty_tracking(struct iommufd_ucmd *ucmd)
{
	struct iommu_hwpt_set_dirty_tracking *cmd = ucmd->cmd;
	struct iommufd_hwpt_paging *hwpt_paging;
	bool enable;
	int rc;

	if (cmd->flags & ~IOMMU_HWPT_DIRTY_TRACKING_ENABLE)
		return -EOPNOTSUPP;

	hwpt_paging = iommufd_get_hwpt_paging(ucmd, cmd->hwpt_id);
	if (IS_ERR(hwpt_paging))
		return PTR_ERR(hwpt_paging);

	enable = cmd->flags & IOMMU_HWPT_DIRTY_TRACKING_ENABLE;
	rc = iopt_set_dirty_tracking(&hwpt_paging->ioas->iopt,
				     hwpt_paging->common.domain, enable);

	iommufd_put_object(ucmd->ictx, &hwpt_paging->common.obj);
	return rc;
}

/**
 * iommufd_hwpt_get_dirty_bitmap() - IOMMU_HWPT_GET_DIRTY_BITMAP
 * @ucmd: the command
 *
 * Return: 0 or a negative errno; see iopt_read_and_clear_dirty_data().
 */
int iommufd_hwpt_get_dirty_bitmap(struct iommufd_ucmd *ucmd)
{
	struct iommu_hwpt_get_dirty_bitmap *cmd = ucmd->cmd;
	struct iommufd_hwpt_paging *hwpt_paging;
	int rc;

	if ((cmd->flags & ~IOMMU_HWPT_GET_DIRTY_BITMAP_NO_CLEAR) ||
	    cmd->__reserved)
		return -EOPNOTSUPP;

	hwpt_paging = iommufd_get_hwpt_paging(ucmd, cmd->hwpt_id);
	if (IS_ERR(hwpt_paging))
		return PTR_ERR(hwpt_paging);

	rc = iopt_read_and_clear_dirty_data(&hwpt_paging->ioas->iopt,
					    hwpt_paging->common.domain,
					    cmd->flags, cmd);

	iommufd_put_object(ucmd->ictx, &hwpt_paging->common.obj);
	return rc;
}

/*
 * Upper bound of entries in one IOMMU_HWPT_INVALIDATE, so that a single
 * call cannot keep a CPU busy for long; no real user comes close.
 */
#define IOMMUFD_INVALIDATE_MAX_ENTRIES BIT(19)

/**
 * iommufd_hwpt_invalidate() - IOMMU_HWPT_INVALIDATE
 * @ucmd: the command
 *
 * The driver handles the entries in order and stops at the first one it
 * cannot handle. entry_num is written back with the number of entries that
 * were handled, whatever the outcome, so userspace knows where to resume.
 * An empty array only checks the data type.
 *
 * Return: 0, or -EOPNOTSUPP/-EINVAL/-ENOENT for bad arguments, or the
 * error of the first entry the driver refused.
 */
int iommufd_hwpt_invalidate(struct iommufd_ucmd *ucmd)
{
	struct iommu_hwpt_invalidate *cmd = ucmd->cmd;
	struct iommu_user_data_array data_array = {
		.type = cmd->data_type,
		.uptr = u64_to_user_ptr(cmd->data_uptr),
		.entry_len = cmd->entry_len,
		.entry_num = cmd->entry_num,
	};
	struct iommufd_hw_pagetable *hwpt;
	u32 handled = 0;
	int rc;

	if (cmd->__reserved) {
		rc = -EOPNOTSUPP;
		goto out_respond;
	}

	/*
	 * The entry length also bounds the zero-tail scan that the driver's
	 * copy_struct_from_user() does for every entry.
	 */
	if (cmd->entry_num &&
	    (!cmd->data_uptr || !cmd->entry_len ||
	     cmd->entry_len > PAGE_SIZE ||
	     cmd->entry_num > IOMMUFD_INVALIDATE_MAX_ENTRIES)) {
		rc = -EINVAL;
		goto out_respond;
	}

	hwpt = iommufd_get_hwpt_nested(ucmd, cmd->hwpt_id);
	if (IS_ERR(hwpt)) {
		rc = PTR_ERR(hwpt);
		goto out_respond;
	}

	rc = hwpt->domain->ops->cache_invalidate_user(hwpt->domain,
						      &data_array);
	handled = data_array.entry_num;
	iommufd_put_object(ucmd->ictx, &hwpt->obj);

out_respond:
	cmd->entry_num = handled;
	if (iommufd_ucmd_respond(ucmd, sizeof(*cmd)))
		return -EFAULT;
	return rc;
}
