// SPDX-License-Identifier: GPL-2.0
/*
 * PASID attachments and attach handles.
 *
 * &iommu_group.pasid_array maps a PASID to what is attached there. Each
 * slot is in one of three states:
 *
 *  - empty: the PASID is free;
 *  - reserved: a domain is attached but nobody registered a handle; the
 *    slot counts as taken for xa_insert() and reads back as NULL;
 *  - occupied: it holds the &struct iommu_attach_handle of the attacher
 *    (SVA, iommufd), and the core keeps handle->domain up to date.
 *
 * The RID itself uses slot IOMMU_NO_PASID, filled by the *_group_handle()
 * calls below so that fault reporting can find the handle of the domain a
 * whole group is attached to.
 *
 * Group members whose dev->iommu->max_pasids is zero cannot do PASID DMA;
 * the PASID paths leave them alone.
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/idr.h>
#include <linux/iommu.h>
#include <linux/mutex.h>
#include <linux/xarray.h>

#include "iommu-priv.h"

/* System-wide PASID space, shared by every device (one PASID per SVA mm) */
static DEFINE_IDA(global_pasid_space);

static bool member_does_pasid(struct group_device *member)
{
	return member->dev->iommu->max_pasids != 0;
}

/*
 * Can every PASID-capable member of @grp encode @pasid? Members without
 * PASID support do not get programmed, so they impose no limit.
 */
static bool grp_pasid_in_range(struct iommu_group *grp, ioasid_t pasid)
{
	struct group_device *member;

	lockdep_assert_held(&grp->mutex);

	for_each_group_device(grp, member) {
		if (member_does_pasid(member) &&
		    member->dev->iommu->max_pasids <= pasid)
			return false;
	}
	return true;
}

/*
 * Tell the driver to drop @pasid on PASID-capable members, stopping after
 * @limit of them (UINT_MAX: all of them).
 */
static void grp_pasid_teardown(struct iommu_group *grp, ioasid_t pasid,
			       struct iommu_domain *dom, unsigned int limit)
{
	struct group_device *member;
	unsigned int done = 0;

	lockdep_assert_held(&grp->mutex);

	for_each_group_device(grp, member) {
		const struct iommu_ops *ops;

		if (done == limit)
			break;
		if (!member_does_pasid(member))
			continue;
		ops = dev_iommu_ops(member->dev);
		ops->remove_dev_pasid(member->dev, pasid, dom);
		done++;
	}
}

/*
 * Program @dom for @pasid on every PASID-capable member. All of them end
 * up with it, or (after an error) none does.
 */
static int grp_pasid_program(struct iommu_group *grp, ioasid_t pasid,
			     struct iommu_domain *dom)
{
	struct group_device *member;
	unsigned int done = 0;
	int rc;

	lockdep_assert_held(&grp->mutex);

	for_each_group_device(grp, member) {
		if (!member_does_pasid(member))
			continue;
		rc = dom->ops->set_dev_pasid(dom, member->dev, pasid, NULL);
		rc = iommu_check_attach_result(member->dev, rc,
					       "set_dev_pasid");
		if (rc) {
			grp_pasid_teardown(grp, pasid, dom, done);
			return rc;
		}
		done++;
	}
	return 0;
}

/* Locked part of iommu_attach_device_pasid() */
static int grp_pasid_attach(struct iommu_group *grp, ioasid_t pasid,
			    struct iommu_domain *dom,
			    struct iommu_attach_handle *handle)
{
	int rc;

	lockdep_assert_held(&grp->mutex);

	if (!grp_pasid_in_range(grp, pasid))
		return -EINVAL;

	if (handle)
		handle->domain = dom;
	/* With no handle the slot is only reserved: taken, yet loads NULL */
	rc = xa_insert(&grp->pasid_array, pasid, handle, GFP_KERNEL);
	if (rc)
		return rc;

	rc = grp_pasid_program(grp, pasid, dom);
	if (rc)
		xa_erase(&grp->pasid_array, pasid);
	return rc;
}

/**
 * iommu_attach_device_pasid() - attach a domain to one PASID of a device
 * @domain: the domain
 * @dev: the device
 * @pasid: the PASID; IOMMU_NO_PASID is not accepted
 * @handle: attach handle to record for the PASID, or NULL for none
 *
 * Every PASID-capable member of @dev's group gets @domain for @pasid. When
 * @handle is given, its ->domain is set to @domain.
 *
 * Return: 0 on success; -EOPNOTSUPP if @domain lacks a set_dev_pasid op
 * (tested before anything else); -ENODEV if @dev has no group; -EINVAL if
 * @dev has no IOMMU, @domain belongs to another driver, @pasid is
 * IOMMU_NO_PASID, or a PASID-capable member cannot encode @pasid; -EBUSY
 * if something is attached to @pasid already; -ENOMEM; or the driver's
 * error, in which case no member keeps the attachment.
 */
int iommu_attach_device_pasid(struct iommu_domain *domain,
			      struct device *dev, ioasid_t pasid,
			      struct iommu_attach_handle *handle)
{
	struct iommu_group *grp = dev->iommu_group;
	int rc;

	if (!domain->ops->set_dev_pasid)
		return -EOPNOTSUPP;
	if (!grp)
		return -ENODEV;
	if (pasid == IOMMU_NO_PASID || !dev_has_iommu(dev) ||
	    domain->owner != dev_iommu_ops(dev))
		return -EINVAL;

	mutex_lock(&grp->mutex);
	rc = grp_pasid_attach(grp, pasid, domain, handle);
	mutex_unlock(&grp->mutex);
	return rc;
}
EXPORT_SYMBOL_GPL(iommu_attach_device_pasid);

/**
 * iommu_detach_device_pasid() - undo iommu_attach_device_pasid()
 * @domain: the domain that was attached
 * @dev: the device
 * @pasid: the PASID
 *
 * The driver drops @pasid on every PASID-capable member and the slot
 * becomes free. @domain is only handed to the driver.
 */
void iommu_detach_device_pasid(struct iommu_domain *domain, struct device *dev,
			       ioasid_t pasid)
{
	struct iommu_group *grp = dev->iommu_group;

	mutex_lock(&grp->mutex);
	grp_pasid_teardown(grp, pasid, domain, UINT_MAX);
	xa_erase(&grp->pasid_array, pasid);
	mutex_unlock(&grp->mutex);
}
EXPORT_SYMBOL_GPL(iommu_detach_device_pasid);

/**
 * iommu_alloc_global_pasid() - reserve a PASID unique in the whole system
 * @dev: the device that will use the PASID; bounds the range
 *
 * Return: a PASID between IOMMU_FIRST_GLOBAL_PASID and max_pasids - 1 of
 * @dev, or IOMMU_PASID_INVALID if @dev cannot do PASIDs or the range is
 * exhausted.
 */
ioasid_t iommu_alloc_global_pasid(struct device *dev)
{
	u32 limit = dev->iommu->max_pasids;
	int id;

	if (limit == 0)
		return IOMMU_PASID_INVALID;

	id = ida_alloc_range(&global_pasid_space, IOMMU_FIRST_GLOBAL_PASID,
			     limit - 1, GFP_KERNEL);
	if (id < 0)
		return IOMMU_PASID_INVALID;
	return id;
}
EXPORT_SYMBOL_GPL(iommu_alloc_global_pasid);

/**
 * iommu_free_global_pasid() - give back a PASID from iommu_alloc_global_pasid()
 * @pasid: the PASID; passing IOMMU_PASID_INVALID is a bug and WARNs
 */
void iommu_free_global_pasid(ioasid_t pasid)
{
	if (WARN_ON(pasid == IOMMU_PASID_INVALID))
		return;
	ida_free(&global_pasid_space, pasid);
}
EXPORT_SYMBOL_GPL(iommu_free_global_pasid);

/**
 * iommu_attach_handle_get() - find the attach handle recorded for a PASID
 * @group: the group
 * @pasid: the PASID, or IOMMU_NO_PASID for the handle of the RID
 * @type: the domain type expected, or 0 to accept any type
 *
 * Safe without the group mutex. The handle stays valid between the attach
 * and the detach that bracket it; the caller must keep both from racing
 * with its use of the handle.
 *
 * Return: the handle; ERR_PTR(-ENOENT) when the slot is free or reserved
 * without a handle; ERR_PTR(-EBUSY) when @type is given and the attached
 * domain is of a different type.
 */
struct iommu_attach_handle *
iommu_attach_handle_get(struct iommu_group *group, ioasid_t pasid,
			unsigned int type)
{
	struct iommu_attach_handle *found;
	int err = 0;

	xa_lock(&group->pasid_array);
	found = xa_load(&group->pasid_array, pasid);
	if (!found)
		err = -ENOENT;
	else if (type != 0 && found->domain->type != type)
		err = -EBUSY;
	xa_unlock(&group->pasid_array);

	return err ? ERR_PTR(err) : found;
}
EXPORT_SYMBOL_NS_GPL(iommu_attach_handle_get, IOMMUFD_INTERNAL);

/**
 * iommu_attach_group_handle() - attach a group and record a RID handle
 * @domain: the domain
 * @group: the group
 * @handle: stored in slot IOMMU_NO_PASID; NULL reserves the slot only
 *
 * Behaves as iommu_attach_group(); afterwards
 * iommu_attach_handle_get(@group, IOMMU_NO_PASID, ...) finds @handle, which
 * is how iommufd routes page faults of the RID.
 *
 * Return: 0 on success; -EBUSY if the RID slot is taken; -ENOMEM; or an
 * error of iommu_attach_group(), after which the slot is empty again.
 */
int iommu_attach_group_handle(struct iommu_domain *domain,
			      struct iommu_group *group,
			      struct iommu_attach_handle *handle)
{
	struct xarray *slots = &group->pasid_array;
	int rc;

	if (handle)
		handle->domain = domain;

	mutex_lock(&group->mutex);
	rc = xa_insert(slots, IOMMU_NO_PASID, handle, GFP_KERNEL);
	if (!rc) {
		rc = iommu_grp_attach_locked(domain, group);
		if (rc)
			xa_erase(slots, IOMMU_NO_PASID);
	}
	mutex_unlock(&group->mutex);
	return rc;
}
EXPORT_SYMBOL_NS_GPL(iommu_attach_group_handle, IOMMUFD_INTERNAL);

/**
 * iommu_detach_group_handle() - undo iommu_attach_group_handle()
 * @domain: the domain that was attached; not used
 * @group: the group
 *
 * The group goes back to the kernel's domain and the RID slot is emptied.
 */
void iommu_detach_group_handle(struct iommu_domain *domain,
			       struct iommu_group *group)
{
	mutex_lock(&group->mutex);
	iommu_grp_move_to_core(group);
	xa_erase(&group->pasid_array, IOMMU_NO_PASID);
	mutex_unlock(&group->mutex);
}
EXPORT_SYMBOL_NS_GPL(iommu_detach_group_handle, IOMMUFD_INTERNAL);

/* Locked part of iommu_replace_group_handle() */
static int grp_rid_replace(struct iommu_group *grp, struct iommu_domain *dom,
			   struct iommu_attach_handle *handle)
{
	struct xarray *slots = &grp->pasid_array;
	void *prev;
	int rc;

	lockdep_assert_held(&grp->mutex);

	/*
	 * Get the memory for the slot now so that recording the handle after
	 * the switch cannot fail. Reserving a slot that is in use changes
	 * nothing, and releasing a reservation never removes a real entry.
	 */
	if (handle) {
		rc = xa_reserve(slots, IOMMU_NO_PASID, GFP_KERNEL);
		if (rc)
			return rc;
		handle->domain = dom;
	}

	rc = iommu_grp_move(grp, dom);
	if (rc) {
		if (handle)
			xa_release(slots, IOMMU_NO_PASID);
		return rc;
	}

	prev = xa_store(slots, IOMMU_NO_PASID, handle, GFP_KERNEL);
	WARN_ON(xa_is_err(prev));
	return 0;
}

/**
 * iommu_replace_group_handle() - switch a group's domain and RID handle
 * @group: the group
 * @new_domain: the domain to switch to
 * @handle: the RID handle to record, or NULL to empty the RID slot
 *
 * As iommu_group_replace_domain(). The RID slot only changes when the
 * switch worked; after a failure the previous handle is still recorded.
 *
 * Return: 0 on success; -EINVAL for a NULL @new_domain; -ENOMEM; or the
 * error of the attach.
 */
int iommu_replace_group_handle(struct iommu_group *group,
			       struct iommu_domain *new_domain,
			       struct iommu_attach_handle *handle)
{
	int rc;

	if (!new_domain)
		return -EINVAL;

	mutex_lock(&group->mutex);
	rc = grp_rid_replace(group, new_domain, handle);
	mutex_unlock(&group->mutex);
	return rc;
}
EXPORT_SYMBOL_NS_GPL(iommu_replace_group_handle, IOMMUFD_INTERNAL);
