// SPDX-License-Identifier: GPL-2.0
/*
 * PASIDs and attach handles.
 *
 * Each group keeps an xarray, &iommu_group.pasid_array, indexed by PASID.
 * An index is in one of three states:
 *
 *  - free: nothing attached;
 *  - attached without a handle: a reserved entry. xa_insert() sees the
 *    index as busy, but xa_load() returns NULL;
 *  - attached with a handle: the &struct iommu_attach_handle of whoever
 *    manages the domain (SVA, iommufd), whose ->domain the core set.
 *
 * Index IOMMU_NO_PASID holds the handle of a RID attachment made with
 * iommu_attach_group_handle() or iommu_replace_group_handle().
 *
 * Only members with PASID support (dev->iommu->max_pasids > 0) are
 * programmed for a PASID; members without it are skipped.
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/idr.h>
#include <linux/iommu.h>
#include <linux/xarray.h>

#include "iommu-priv.h"

/* PASIDs handed out system-wide, e.g. one per mm for SVA */
static DEFINE_IDA(iommu_global_pasid_ida);

static bool dev_has_pasid(struct device *dev)
{
	return dev->iommu->max_pasids > 0;
}

/* Undo set_dev_pasid() for the members before @stop (all if NULL) */
static void __iommu_group_remove_pasid(struct iommu_group *group,
				       ioasid_t pasid,
				       struct iommu_domain *domain,
				       struct group_device *stop)
{
	struct group_device *gdev;

	lockdep_assert_held(&group->mutex);

	for_each_group_device(group, gdev) {
		if (gdev == stop)
			break;
		if (dev_has_pasid(gdev->dev))
			dev_iommu_ops(gdev->dev)->remove_dev_pasid(gdev->dev,
								   pasid,
								   domain);
	}
}

/* Install @domain on @pasid of every PASID-capable member, or on none */
static int __iommu_group_set_pasid(struct iommu_domain *domain,
				   struct iommu_group *group, ioasid_t pasid)
{
	struct group_device *gdev;
	int ret;

	lockdep_assert_held(&group->mutex);

	for_each_group_device(group, gdev) {
		if (!dev_has_pasid(gdev->dev))
			continue;

		ret = domain->ops->set_dev_pasid(domain, gdev->dev, pasid,
						 NULL);
		ret = iommu_check_attach_result(gdev->dev, ret,
						"set_dev_pasid");
		if (ret) {
			__iommu_group_remove_pasid(group, pasid, domain, gdev);
			return ret;
		}
	}
	return 0;
}

/**
 * iommu_attach_device_pasid() - attach a domain to a PASID of a device
 * @domain: the domain
 * @dev: the device
 * @pasid: the PASID, not IOMMU_NO_PASID
 * @handle: the caller's attach handle, or NULL to attach without one
 *
 * The domain is installed on @pasid of every PASID-capable member of the
 * device's group. @handle->domain is set to @domain.
 *
 * Return: 0; -EOPNOTSUPP if the domain has no set_dev_pasid op (checked
 * first); -ENODEV without a group; -EINVAL without an IOMMU, for a domain
 * of another driver, for IOMMU_NO_PASID, or for a PASID at or beyond
 * max_pasids of a PASID-capable member; -EBUSY if the PASID is attached
 * already, with or without a handle; -ENOMEM; or the driver's errno, in
 * which case no member is left with the PASID installed.
 */
int iommu_attach_device_pasid(struct iommu_domain *domain,
			      struct device *dev, ioasid_t pasid,
			      struct iommu_attach_handle *handle)
{
	struct iommu_group *group = dev->iommu_group;
	struct group_device *gdev;
	int ret;

	if (!domain->ops->set_dev_pasid)
		return -EOPNOTSUPP;

	if (!group)
		return -ENODEV;

	if (!dev_has_iommu(dev) || dev_iommu_ops(dev) != domain->owner ||
	    pasid == IOMMU_NO_PASID)
		return -EINVAL;

	mutex_lock(&group->mutex);
	for_each_group_device(group, gdev) {
		if (dev_has_pasid(gdev->dev) &&
		    pasid >= gdev->dev->iommu->max_pasids) {
			ret = -EINVAL;
			goto out_unlock;
		}
	}

	if (handle)
		handle->domain = domain;

	/* A NULL handle leaves a reserved entry: busy, but loads as NULL */
	ret = xa_insert(&group->pasid_array, pasid, handle, GFP_KERNEL);
	if (ret)
		goto out_unlock;

	ret = __iommu_group_set_pasid(domain, group, pasid);
	if (ret)
		xa_erase(&group->pasid_array, pasid);
out_unlock:
	mutex_unlock(&group->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(iommu_attach_device_pasid);

/**
 * iommu_detach_device_pasid() - detach the domain from a PASID of a device
 * @domain: the domain attached with iommu_attach_device_pasid()
 * @dev: the device
 * @pasid: the PASID
 *
 * Every PASID-capable member gets remove_dev_pasid(); the PASID is free
 * again afterwards. @domain is passed to the driver but not checked.
 */
void iommu_detach_device_pasid(struct iommu_domain *domain, struct device *dev,
			       ioasid_t pasid)
{
	struct iommu_group *group = dev->iommu_group;

	mutex_lock(&group->mutex);
	__iommu_group_remove_pasid(group, pasid, domain, NULL);
	xa_erase(&group->pasid_array, pasid);
	mutex_unlock(&group->mutex);
}
EXPORT_SYMBOL_GPL(iommu_detach_device_pasid);

/**
 * iommu_alloc_global_pasid() - allocate a system-wide unique PASID
 * @dev: the device that will use it; its max_pasids bounds the range
 *
 * Return: a PASID in [IOMMU_FIRST_GLOBAL_PASID, max_pasids - 1], or
 * IOMMU_PASID_INVALID if the device has no PASID support or none is free.
 */
ioasid_t iommu_alloc_global_pasid(struct device *dev)
{
	int id;

	if (!dev->iommu->max_pasids)
		return IOMMU_PASID_INVALID;

	id = ida_alloc_range(&iommu_global_pasid_ida, IOMMU_FIRST_GLOBAL_PASID,
			     dev->iommu->max_pasids - 1, GFP_KERNEL);
	return id < 0 ? IOMMU_PASID_INVALID : id;
}
EXPORT_SYMBOL_GPL(iommu_alloc_global_pasid);

/**
 * iommu_free_global_pasid() - free a PASID from iommu_alloc_global_pasid()
 * @pasid: the PASID; IOMMU_PASID_INVALID is a caller bug and WARNs
 */
void iommu_free_global_pasid(ioasid_t pasid)
{
	if (WARN_ON(pasid == IOMMU_PASID_INVALID))
		return;

	ida_free(&iommu_global_pasid_ida, pasid);
}
EXPORT_SYMBOL_GPL(iommu_free_global_pasid);

/**
 * iommu_attach_handle_get() - look up the attach handle of a PASID
 * @group: the group
 * @pasid: the PASID, or IOMMU_NO_PASID for the RID handle
 * @type: the domain type the caller expects, or 0 for any
 *
 * May be called without the group mutex. The handle lives from attach to
 * detach; callers must make sure neither happens while they use it.
 *
 * Return: the handle; ERR_PTR(-ENOENT) if the PASID is free or attached
 * without a handle; ERR_PTR(-EBUSY) if @type is non-zero and the attached
 * domain has another type.
 */
struct iommu_attach_handle *
iommu_attach_handle_get(struct iommu_group *group, ioasid_t pasid,
			unsigned int type)
{
	struct iommu_attach_handle *handle;

	xa_lock(&group->pasid_array);
	handle = xa_load(&group->pasid_array, pasid);
	if (!handle)
		handle = ERR_PTR(-ENOENT);
	else if (type && handle->domain->type != type)
		handle = ERR_PTR(-EBUSY);
	xa_unlock(&group->pasid_array);

	return handle;
}
EXPORT_SYMBOL_NS_GPL(iommu_attach_handle_get, IOMMUFD_INTERNAL);

/**
 * iommu_attach_group_handle() - attach a domain to a group with a handle
 * @domain: the domain
 * @group: the group
 * @handle: the handle to store at IOMMU_NO_PASID, or NULL
 *
 * Like iommu_attach_group(), and the handle can then be found with
 * iommu_attach_handle_get(group, IOMMU_NO_PASID, ...) (iommufd uses it to
 * route page faults).
 *
 * Return: 0; -EBUSY if a RID handle is already present; -ENOMEM; otherwise
 * as iommu_attach_group(), in which case the slot is freed again.
 */
int iommu_attach_group_handle(struct iommu_domain *domain,
			      struct iommu_group *group,
			      struct iommu_attach_handle *handle)
{
	int ret;

	if (handle)
		handle->domain = domain;

	mutex_lock(&group->mutex);
	ret = xa_insert(&group->pasid_array, IOMMU_NO_PASID, handle,
			GFP_KERNEL);
	if (ret)
		goto out_unlock;

	ret = __iommu_attach_group(domain, group);
	if (ret)
		xa_erase(&group->pasid_array, IOMMU_NO_PASID);
out_unlock:
	mutex_unlock(&group->mutex);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(iommu_attach_group_handle, IOMMUFD_INTERNAL);

/**
 * iommu_detach_group_handle() - undo iommu_attach_group_handle()
 * @domain: the attached domain (unused)
 * @group: the group
 *
 * The group returns to its core domain and the RID handle is dropped.
 */
void iommu_detach_group_handle(struct iommu_domain *domain,
			       struct iommu_group *group)
{
	mutex_lock(&group->mutex);
	__iommu_group_set_core_domain(group);
	xa_erase(&group->pasid_array, IOMMU_NO_PASID);
	mutex_unlock(&group->mutex);
}
EXPORT_SYMBOL_NS_GPL(iommu_detach_group_handle, IOMMUFD_INTERNAL);

/**
 * iommu_replace_group_handle() - replace a group's domain and RID handle
 * @group: the group
 * @new_domain: the new domain
 * @handle: the new RID handle, or NULL to drop the RID handle
 *
 * Like iommu_group_replace_domain(). The RID slot changes only when the
 * replacement succeeds; a failure leaves the old handle in place.
 *
 * Return: 0, -EINVAL for a NULL domain, -ENOMEM, or the attach error.
 */
int iommu_replace_group_handle(struct iommu_group *group,
			       struct iommu_domain *new_domain,
			       struct iommu_attach_handle *handle)
{
	void *old;
	int ret;

	if (!new_domain)
		return -EINVAL;

	mutex_lock(&group->mutex);
	if (handle) {
		/*
		 * Make sure storing the handle later cannot fail. Reserving an
		 * occupied slot does nothing, and releasing it again only
		 * drops a reservation, never an existing handle.
		 */
		ret = xa_reserve(&group->pasid_array, IOMMU_NO_PASID,
				 GFP_KERNEL);
		if (ret)
			goto out_unlock;
		handle->domain = new_domain;
	}

	ret = __iommu_group_set_domain(group, new_domain);
	if (ret) {
		if (handle)
			xa_release(&group->pasid_array, IOMMU_NO_PASID);
		goto out_unlock;
	}

	old = xa_store(&group->pasid_array, IOMMU_NO_PASID, handle,
		       GFP_KERNEL);
	WARN_ON(xa_is_err(old));
out_unlock:
	mutex_unlock(&group->mutex);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(iommu_replace_group_handle, IOMMUFD_INTERNAL);
