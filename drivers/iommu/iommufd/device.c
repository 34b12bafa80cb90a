// SPDX-License-Identifier: GPL-2.0
/*
 * Devices and accesses: the two ways a kernel driver uses an iommufd.
 *
 * A driver (VFIO, the selftest) binds a physical device to a context with
 * iommufd_device_bind(), which claims DMA ownership of the device, and then
 * attaches it to an IOAS or a HWPT. Attaching to an IOAS picks, or creates,
 * an automatic paging HWPT for the device.
 *
 * The IOMMU translates a whole iommu_group at once, so devices are tracked
 * per group (struct iommufd_group):
 *
 *  - the first device of a group to attach sets the group's domain;
 *  - the other devices of the group may attach to that same HWPT (doing so
 *    again is harmless) but attaching one of them elsewhere fails with
 *    -EINVAL while the group is attached;
 *  - the group's domain is released when its last attached device detaches.
 *
 * An access (struct iommufd_access) is a driver that reads and writes IOAS
 * memory with the CPU instead of DMA, e.g. to emulate a device (mdev). It
 * pins pages or copies through the IOAS and must give pins back when the
 * IOAS unmaps the range.
 *
 * This file also implements IOMMU_GET_HW_INFO.
 */
#include <linux/iommu.h>
#include <linux/iommufd.h>
#include <linux/log2.h>
#include <linux/moduleparam.h>
#include <linux/pci-ats.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <uapi/linux/iommufd.h>

#include "../iommu-priv.h"
#include "io_pagetable.h"
#include "iommufd_private.h"

static bool allow_unsafe_interrupts;
module_param(allow_unsafe_interrupts, bool, 0644);
MODULE_PARM_DESC(allow_unsafe_interrupts,
		 "Bind devices even when the platform cannot keep their MSIs from reaching interrupts of others (insecure)");

/* ------------------------------------------------------------------------
 * Groups
 */

static void iommufd_group_release(struct kref *kref)
{
	struct iommufd_group *igroup =
		container_of(kref, struct iommufd_group, ref);

	WARN_ON(igroup->hwpt || !list_empty(&igroup->device_list));

	/* Only clear the slot if a newer igroup has not taken it over */
	xa_cmpxchg(&igroup->ictx->groups, iommu_group_id(igroup->group),
		   igroup, NULL, GFP_KERNEL);
	iommu_group_put(igroup->group);
	mutex_destroy(&igroup->lock);
	kfree(igroup);
}

static void iommufd_put_group(struct iommufd_group *igroup)
{
	kref_put(&igroup->ref, iommufd_group_release);
}

/*
 * Take a reference on @igroup found in the groups xarray, unless it is
 * already on its way out. Called under the xa_lock, which keeps the group
 * id from being reused meanwhile.
 */
static bool iommufd_group_try_get(struct iommufd_group *igroup,
				  struct iommu_group *group)
{
	if (!igroup)
		return false;
	if (WARN_ON(igroup->group != group))
		return false;
	return kref_get_unless_zero(&igroup->ref);
}

static struct iommufd_group *iommufd_group_alloc(struct iommufd_ctx *ictx,
						 struct iommu_group *group)
{
	struct iommufd_group *igroup;

	igroup = kzalloc(sizeof(*igroup), GFP_KERNEL);
	if (!igroup)
		return NULL;

	kref_init(&igroup->ref);
	mutex_init(&igroup->lock);
	INIT_LIST_HEAD(&igroup->device_list);
	igroup->sw_msi_start = PHYS_ADDR_MAX;
	/*
	 * No context reference: every object using the igroup drops it
	 * before the context can go away.
	 */
	igroup->ictx = ictx;
	igroup->group = group;
	return igroup;
}

/*
 * Find or create the iommufd_group of @dev's iommu_group in @ictx. There is
 * at most one per group and context, kept in ictx->groups by group id.
 */
static struct iommufd_group *iommufd_get_group(struct iommufd_ctx *ictx,
					       struct device *dev)
{
	struct iommufd_group *igroup, *fresh, *expected;
	struct iommu_group *group;
	unsigned int id;

	group = iommu_group_get(dev);
	if (!group)
		return ERR_PTR(-ENODEV);
	id = iommu_group_id(group);

	xa_lock(&ictx->groups);
	igroup = xa_load(&ictx->groups, id);
	if (iommufd_group_try_get(igroup, group)) {
		xa_unlock(&ictx->groups);
		iommu_group_put(group);
		return igroup;
	}
	xa_unlock(&ictx->groups);

	/* The group reference from iommu_group_get() moves into @fresh */
	fresh = iommufd_group_alloc(ictx, group);
	if (!fresh) {
		iommu_group_put(group);
		return ERR_PTR(-ENOMEM);
	}

	/*
	 * Install @fresh unless a live igroup shows up meanwhile. A dying one
	 * (refcount already zero) may still sit in the slot; replace it, its
	 * release will then leave our entry alone.
	 */
	expected = NULL;
	xa_lock(&ictx->groups);
	for (;;) {
		igroup = __xa_cmpxchg(&ictx->groups, id, expected, fresh,
				      GFP_KERNEL);
		if (xa_is_err(igroup)) {
			xa_unlock(&ictx->groups);
			iommufd_put_group(fresh);
			return ERR_PTR(xa_err(igroup));
		}
		if (igroup == expected)
			break;
		if (iommufd_group_try_get(igroup, group)) {
			xa_unlock(&ictx->groups);
			iommufd_put_group(fresh);
			return igroup;
		}
		expected = igroup;
	}
	xa_unlock(&ictx->groups);
	return fresh;
}

/* ------------------------------------------------------------------------
 * Binding
 */

/**
 * iommufd_device_destroy() - destroy callback of device objects
 * @obj: the object
 *
 * Runs on iommufd_device_unbind(); gives DMA ownership back to the kernel.
 */
void iommufd_device_destroy(struct iommufd_object *obj)
{
	struct iommufd_device *idev =
		container_of(obj, struct iommufd_device, obj);

	iommu_device_release_dma_owner(idev->dev);
	iommufd_put_group(idev->igroup);
	mutex_destroy(&idev->iopf_lock);
	if (!iommufd_selftest_is_mock_dev(idev->dev))
		iommufd_ctx_put(idev->ictx);
}

/**
 * iommufd_device_bind() - put a device under the control of an iommufd
 * @ictx: the context
 * @dev: the physical device
 * @id: returns the id userspace knows the device by
 *
 * Claims DMA ownership of @dev for @ictx: from here on the kernel's DMA API
 * does not use the device, and the device is blocked from DMA until it is
 * attached. For a PCI device the whole RID is handed to iommufd. The
 * calling driver must have set driver_managed_dma and must not let the
 * device do DMA before this succeeds.
 *
 * Undo with iommufd_device_unbind().
 *
 * Return: the bound device, or an ERR_PTR: -EINVAL if the IOMMU cannot
 * make DMA cache coherent, -ENODEV without a group, -EPERM if MSIs cannot
 * be isolated (unless allowed by the module parameter), -EBUSY if another
 * owner or a DMA API driver holds the group, or -ENOMEM.
 */
struct iommufd_device *iommufd_device_bind(struct iommufd_ctx *ictx,
					   struct device *dev, u32 *id)
{
	struct iommufd_group *igroup;
	struct iommufd_device *idev;
	int rc;

	/*
	 * Mappings are always made with IOMMU_CACHE, and userspace has no
	 * way to ask for anything else.
	 */
	if (!device_iommu_capable(dev, IOMMU_CAP_CACHE_COHERENCY))
		return ERR_PTR(-EINVAL);

	igroup = iommufd_get_group(ictx, dev);
	if (IS_ERR(igroup))
		return ERR_CAST(igroup);

	/*
	 * A device whose MSIs are not isolated could raise interrupts of
	 * other users with plain DMA writes. VFIO historically allowed that
	 * behind a module parameter; keep the same escape hatch.
	 */
	if (!iommufd_selftest_is_mock_dev(dev) &&
	    !iommu_group_has_isolated_msi(igroup->group)) {
		if (!allow_unsafe_interrupts) {
			rc = -EPERM;
			goto out_put_group;
		}
		dev_warn(dev,
			 "MSIs of this device cannot be isolated; binding anyway because allow_unsafe_interrupts is set\n");
	}

	rc = iommu_device_claim_dma_owner(dev, ictx);
	if (rc)
		goto out_put_group;

	idev = iommufd_object_alloc(ictx, idev, IOMMUFD_OBJ_DEVICE);
	if (IS_ERR(idev)) {
		rc = PTR_ERR(idev);
		goto out_release_owner;
	}
	idev->ictx = ictx;
	/*
	 * Mock devices belong to a selftest object of the context itself;
	 * a context reference would keep the context alive forever.
	 */
	if (!iommufd_selftest_is_mock_dev(dev))
		iommufd_ctx_get(ictx);
	idev->dev = dev;
	idev->enforce_cache_coherency =
		device_iommu_capable(dev, IOMMU_CAP_ENFORCE_CACHE_COHERENCY);
	/* The binding driver holds this until iommufd_device_unbind() */
	refcount_inc(&idev->obj.users);
	/* The igroup reference now belongs to the device */
	idev->igroup = igroup;
	mutex_init(&idev->iopf_lock);

	/*
	 * Published now; nothing can take a long-term reference on a device,
	 * so the driver can always unbind it.
	 */
	iommufd_object_finalize(ictx, &idev->obj);
	*id = idev->obj.id;
	return idev;

out_release_owner:
	iommu_device_release_dma_owner(dev);
out_put_group:
	iommufd_put_group(igroup);
	return ERR_PTR(rc);
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_bind, IOMMUFD);

/**
 * iommufd_ctx_has_group() - is any device of a group bound to a context?
 * @ictx: the context, may be NULL
 * @group: the group, may be NULL
 *
 * A bound device means the context owns the DMA of the whole group.
 *
 * Return: true if some device of @group is bound to @ictx.
 */
bool iommufd_ctx_has_group(struct iommufd_ctx *ictx, struct iommu_group *group)
{
	struct iommufd_object *obj;
	unsigned long index;
	bool found = false;

	if (!ictx || !group)
		return false;

	xa_lock(&ictx->objects);
	xa_for_each(&ictx->objects, index, obj) {
		struct iommufd_device *idev;

		if (obj->type != IOMMUFD_OBJ_DEVICE)
			continue;
		idev = container_of(obj, struct iommufd_device, obj);
		if (idev->igroup->group == group) {
			found = true;
			break;
		}
	}
	xa_unlock(&ictx->objects);
	return found;
}
EXPORT_SYMBOL_NS_GPL(iommufd_ctx_has_group, IOMMUFD);

/**
 * iommufd_device_unbind() - undo iommufd_device_bind()
 * @idev: the bound device, detached
 *
 * DMA ownership returns to the kernel. @idev is freed; the caller must not
 * use it, nor call other iommufd functions on it concurrently.
 */
void iommufd_device_unbind(struct iommufd_device *idev)
{
	iommufd_object_destroy_user(idev->ictx, &idev->obj);
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_unbind, IOMMUFD);

/**
 * iommufd_device_to_ictx() - the context a device is bound to
 * @idev: the device
 *
 * Return: the context.
 */
struct iommufd_ctx *iommufd_device_to_ictx(struct iommufd_device *idev)
{
	return idev->ictx;
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_to_ictx, IOMMUFD);

/**
 * iommufd_device_to_id() - the id userspace knows a device by
 * @idev: the device
 *
 * Return: the object id.
 */
u32 iommufd_device_to_id(struct iommufd_device *idev)
{
	return idev->obj.id;
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_to_id, IOMMUFD);

/* ------------------------------------------------------------------------
 * Reserved IOVA and MSI
 */

/*
 * Drivers that report an IOMMU_RESV_SW_MSI window expect the owner of the
 * domain to set up an MSI cookie there, so that the IRQ layer can map the
 * doorbells after request_irq(). It can only be done once per domain.
 */
static int iommufd_group_setup_msi(struct iommufd_group *igroup,
				   struct iommufd_hwpt_paging *hwpt_paging)
{
	int rc;

	if (igroup->sw_msi_start == PHYS_ADDR_MAX || hwpt_paging->msi_cookie)
		return 0;

	rc = iommu_get_msi_cookie(hwpt_paging->common.domain,
				  igroup->sw_msi_start);
	if (rc)
		return rc;
	hwpt_paging->msi_cookie = true;
	return 0;
}

/* Keep the reserved regions of @idev out of the IOAS it is joining */
static int
iommufd_device_attach_reserved_iova(struct iommufd_device *idev,
				    struct iommufd_hwpt_paging *hwpt_paging)
{
	struct io_pagetable *iopt = &hwpt_paging->ioas->iopt;
	int rc;

	lockdep_assert_held(&idev->igroup->lock);

	rc = iopt_table_enforce_dev_resv_regions(iopt, idev->dev,
						 &idev->igroup->sw_msi_start);
	if (rc)
		return rc;

	/* The MSI window is per group; the first device sets it up */
	if (list_empty(&idev->igroup->device_list)) {
		rc = iommufd_group_setup_msi(idev->igroup, hwpt_paging);
		if (rc) {
			iopt_remove_reserved_iova(iopt, idev->dev);
			return rc;
		}
	}
	return 0;
}

static void
iommufd_group_remove_reserved_iova(struct iommufd_group *igroup,
				   struct iommufd_hwpt_paging *hwpt_paging)
{
	struct iommufd_device *cur;

	lockdep_assert_held(&igroup->lock);

	list_for_each_entry(cur, &igroup->device_list, group_item)
		iopt_remove_reserved_iova(&hwpt_paging->ioas->iopt, cur->dev);
}

/*
 * The group moves to @hwpt_paging. If that changes the IOAS, every attached
 * device of the group has its reserved regions enforced in the new IOAS.
 * Return: 0, or an error with nothing changed.
 */
static int
iommufd_group_do_replace_reserved_iova(struct iommufd_group *igroup,
				       struct iommufd_hwpt_paging *hwpt_paging,
				       bool new_ioas)
{
	struct iommufd_device *cur;
	int rc;

	lockdep_assert_held(&igroup->lock);

	if (new_ioas) {
		struct io_pagetable *iopt = &hwpt_paging->ioas->iopt;

		list_for_each_entry(cur, &igroup->device_list, group_item) {
			rc = iopt_table_enforce_dev_resv_regions(iopt, cur->dev,
								 NULL);
			if (rc)
				goto err_unresv;
		}
	}

	rc = iommufd_group_setup_msi(igroup, hwpt_paging);
	if (rc)
		goto err_unresv;
	return 0;

err_unresv:
	/* Removing a device that reserved nothing is harmless */
	if (new_ioas)
		iommufd_group_remove_reserved_iova(igroup, hwpt_paging);
	return rc;
}

/* ------------------------------------------------------------------------
 * Attaching a group's domain, with an attach handle
 */

/* Is @idev one of the attached devices of its group? */
static bool iommufd_device_is_attached(struct iommufd_device *idev)
{
	struct iommufd_device *cur;

	list_for_each_entry(cur, &idev->igroup->device_list, group_item)
		if (cur == idev)
			return true;
	return false;
}

static struct iommufd_attach_handle *
iommufd_device_get_attach_handle(struct iommufd_device *idev, ioasid_t pasid)
{
	struct iommu_attach_handle *handle;

	lockdep_assert_held(&idev->igroup->lock);

	handle = iommu_attach_handle_get(idev->igroup->group, pasid, 0);
	if (IS_ERR(handle))
		return NULL;
	return to_iommufd_handle(handle);
}

/*
 * Page requests are a per-device feature: every attached device of a group
 * on a fault-capable HWPT has IOPF enabled. These turn it on and off for
 * all attached devices of @igroup.
 */
static int iommufd_group_iopf_enable(struct iommufd_group *igroup)
{
	struct iommufd_device *cur;
	int rc;

	lockdep_assert_held(&igroup->lock);

	list_for_each_entry(cur, &igroup->device_list, group_item) {
		rc = iommufd_fault_iopf_enable(cur);
		if (rc)
			goto err_undo;
	}
	return 0;

err_undo:
	list_for_each_entry_continue_reverse(cur, &igroup->device_list,
					     group_item)
		iommufd_fault_iopf_disable(cur);
	return rc;
}

static void iommufd_group_iopf_disable(struct iommufd_group *igroup)
{
	struct iommufd_device *cur;

	lockdep_assert_held(&igroup->lock);

	list_for_each_entry(cur, &igroup->device_list, group_item)
		iommufd_fault_iopf_disable(cur);
}

/* The group gets @hwpt's domain, with a handle naming @idev */
static int iommufd_hwpt_attach_device(struct iommufd_hw_pagetable *hwpt,
				      struct iommufd_device *idev,
				      ioasid_t pasid)
{
	struct iommufd_attach_handle *handle;
	int rc;

	lockdep_assert_held(&idev->igroup->lock);

	if (WARN_ON(pasid != IOMMU_NO_PASID))
		return -EINVAL;

	handle = kzalloc(sizeof(*handle), GFP_KERNEL);
	if (!handle)
		return -ENOMEM;
	handle->idev = idev;

	rc = iommu_attach_group_handle(hwpt->domain, idev->igroup->group,
				       &handle->handle);
	if (rc)
		kfree(handle);
	return rc;
}

/* The group leaves @hwpt's domain; pending faults on it are answered */
static void iommufd_hwpt_detach_device(struct iommufd_hw_pagetable *hwpt,
				       struct iommufd_device *idev,
				       ioasid_t pasid)
{
	struct iommufd_attach_handle *handle;

	WARN_ON(pasid != IOMMU_NO_PASID);

	handle = iommufd_device_get_attach_handle(idev, pasid);
	iommu_detach_group_handle(hwpt->domain, idev->igroup->group);
	if (hwpt->fault)
		iommufd_auto_response_faults(hwpt, handle);
	kfree(handle);
}

/*
 * Switch the group from @old's domain to @hwpt's domain, turning IOPF on
 * or off for its devices as needed.
 */
static int iommufd_hwpt_replace_device(struct iommufd_device *idev,
				       ioasid_t pasid,
				       struct iommufd_hw_pagetable *hwpt,
				       struct iommufd_hw_pagetable *old)
{
	struct iommufd_group *igroup = idev->igroup;
	struct iommufd_attach_handle *handle, *old_handle;
	bool iopf_on = hwpt->fault && !old->fault;
	int rc;

	lockdep_assert_held(&igroup->lock);

	if (WARN_ON(pasid != IOMMU_NO_PASID))
		return -EINVAL;

	old_handle = iommufd_device_get_attach_handle(idev, pasid);

	handle = kzalloc(sizeof(*handle), GFP_KERNEL);
	if (!handle)
		return -ENOMEM;
	/* Keep naming the device the old handle named */
	handle->idev = old_handle ? old_handle->idev : idev;

	if (iopf_on) {
		rc = iommufd_group_iopf_enable(igroup);
		if (rc)
			goto out_free;
	}

	rc = iommu_replace_group_handle(igroup->group, hwpt->domain,
					&handle->handle);
	if (rc)
		goto out_iopf;

	if (old->fault) {
		iommufd_auto_response_faults(old, old_handle);
		if (!hwpt->fault)
			iommufd_group_iopf_disable(igroup);
	}
	kfree(old_handle);
	return 0;

out_iopf:
	if (iopf_on)
		iommufd_group_iopf_disable(igroup);
out_free:
	kfree(handle);
	return rc;
}

/**
 * iommufd_hw_pagetable_attach() - attach a device to a HWPT
 * @hwpt: the HWPT
 * @idev: the device
 * @pasid: must be IOMMU_NO_PASID
 *
 * The first device of its group to attach attaches the whole group; later
 * devices of the group only join the group's HWPT, which must be @hwpt.
 * Each device's reserved regions are kept out of the IOAS. On success the
 * device holds a users reference on @hwpt.
 *
 * Return: 0; -EINVAL if the group is attached to another HWPT, or the
 * domain is incompatible with the device (including a paging domain that
 * cannot be made to enforce cache coherency for a device that needs it);
 * or the error of reserving IOVA or of the core's attach, which follows
 * the attach errno contract.
 */
int iommufd_hw_pagetable_attach(struct iommufd_hw_pagetable *hwpt,
				struct iommufd_device *idev, ioasid_t pasid)
{
	struct iommufd_hwpt_paging *hwpt_paging = find_hwpt_paging(hwpt);
	struct iommufd_group *igroup = idev->igroup;
	int rc;

	mutex_lock(&igroup->lock);

	if (igroup->hwpt && igroup->hwpt != hwpt) {
		rc = -EINVAL;
		goto out_unlock;
	}

	/*
	 * A device that can have its no-snoop DMA blocked must not end up
	 * on a domain that lets it through: upgrade the domain, or call it
	 * incompatible so that another one is tried.
	 */
	if (idev->enforce_cache_coherency && hwpt_is_paging(hwpt)) {
		rc = iommufd_hwpt_paging_enforce_cc(hwpt_paging);
		if (rc)
			goto out_unlock;
	}

	if (hwpt_paging) {
		rc = iommufd_device_attach_reserved_iova(idev, hwpt_paging);
		if (rc)
			goto out_unlock;
	}

	if (hwpt->fault) {
		rc = iommufd_fault_iopf_enable(idev);
		if (rc)
			goto out_unresv;
	}

	/*
	 * Only the first device attaches the group; the others follow it.
	 * Every device still has to attach on its own, because that is
	 * when its reserved regions are enforced.
	 */
	if (list_empty(&igroup->device_list)) {
		rc = iommufd_hwpt_attach_device(hwpt, idev, pasid);
		if (rc)
			goto out_iopf;
		igroup->hwpt = hwpt;
	}
	refcount_inc(&hwpt->obj.users);
	list_add_tail(&idev->group_item, &igroup->device_list);
	mutex_unlock(&igroup->lock);
	return 0;

out_iopf:
	if (hwpt->fault)
		iommufd_fault_iopf_disable(idev);
out_unresv:
	if (hwpt_paging)
		iopt_remove_reserved_iova(&hwpt_paging->ioas->iopt, idev->dev);
out_unlock:
	mutex_unlock(&igroup->lock);
	return rc;
}

/**
 * iommufd_hw_pagetable_detach() - detach a device from its group's HWPT
 * @idev: an attached device
 * @pasid: must be IOMMU_NO_PASID
 *
 * When the last attached device of the group leaves, the group returns to
 * the blocking domain.
 *
 * Return: the HWPT; the caller drops the device's reference on it with
 * iommufd_hw_pagetable_put() once no locks are held.
 */
struct iommufd_hw_pagetable *
iommufd_hw_pagetable_detach(struct iommufd_device *idev, ioasid_t pasid)
{
	struct iommufd_group *igroup = idev->igroup;
	struct iommufd_hwpt_paging *hwpt_paging;
	struct iommufd_hw_pagetable *hwpt;

	mutex_lock(&igroup->lock);
	hwpt = igroup->hwpt;
	hwpt_paging = find_hwpt_paging(hwpt);

	list_del(&idev->group_item);
	if (list_empty(&igroup->device_list)) {
		iommufd_hwpt_detach_device(hwpt, idev, pasid);
		igroup->hwpt = NULL;
	} else {
		struct iommufd_attach_handle *handle;

		/*
		 * The group stays attached. If the handle names this device,
		 * let it name one that stays, so that faults never refer to
		 * a device that may be unbound.
		 */
		handle = iommufd_device_get_attach_handle(idev, pasid);
		if (handle && handle->idev == idev)
			handle->idev = list_first_entry(&igroup->device_list,
							struct iommufd_device,
							group_item);
		/* Nobody answers this device's pending faults any more */
		if (hwpt->fault)
			iommufd_auto_response_dev_faults(hwpt, idev->dev);
	}
	if (hwpt->fault)
		iommufd_fault_iopf_disable(idev);
	if (hwpt_paging)
		iopt_remove_reserved_iova(&hwpt_paging->ioas->iopt, idev->dev);
	mutex_unlock(&igroup->lock);

	return hwpt;
}

/*
 * The attach and replace steps below return the HWPT whose reference the
 * caller must drop (NULL for none) or an ERR_PTR.
 */
static struct iommufd_hw_pagetable *
iommufd_device_do_attach(struct iommufd_device *idev, ioasid_t pasid,
			 struct iommufd_hw_pagetable *hwpt)
{
	int rc;

	rc = iommufd_hw_pagetable_attach(hwpt, idev, pasid);
	if (rc)
		return ERR_PTR(rc);
	return NULL;
}

static struct iommufd_hw_pagetable *
iommufd_device_do_replace(struct iommufd_device *idev, ioasid_t pasid,
			  struct iommufd_hw_pagetable *hwpt)
{
	struct iommufd_hwpt_paging *hwpt_paging = find_hwpt_paging(hwpt);
	struct iommufd_group *igroup = idev->igroup;
	struct iommufd_hwpt_paging *old_hwpt_paging;
	struct iommufd_hw_pagetable *old_hwpt;
	unsigned int num_devices;
	bool new_ioas;
	int rc;

	mutex_lock(&igroup->lock);

	if (!igroup->hwpt || !iommufd_device_is_attached(idev)) {
		rc = -EINVAL;
		goto out_unlock;
	}

	/* Replacing with the current HWPT changes nothing */
	if (hwpt == igroup->hwpt) {
		mutex_unlock(&igroup->lock);
		return NULL;
	}

	old_hwpt = igroup->hwpt;
	old_hwpt_paging = find_hwpt_paging(old_hwpt);
	new_ioas = hwpt_paging && (!old_hwpt_paging ||
				   hwpt_paging->ioas != old_hwpt_paging->ioas);

	if (hwpt_paging) {
		rc = iommufd_group_do_replace_reserved_iova(igroup, hwpt_paging,
							    new_ioas);
		if (rc)
			goto out_unlock;
	}

	rc = iommufd_hwpt_replace_device(idev, pasid, hwpt, old_hwpt);
	if (rc)
		goto out_unresv;

	/* Reservations in an IOAS the group no longer uses go away */
	if (old_hwpt_paging &&
	    (!hwpt_paging || hwpt_paging->ioas != old_hwpt_paging->ioas))
		iommufd_group_remove_reserved_iova(igroup, old_hwpt_paging);

	igroup->hwpt = hwpt;

	/*
	 * Every attached device of the group held a reference on the old
	 * HWPT; they now hold one on the new HWPT. One old reference is left
	 * for the caller to drop, which may destroy an automatic HWPT.
	 */
	num_devices = list_count_nodes(&igroup->device_list);
	refcount_add(num_devices, &hwpt->obj.users);
	if (num_devices > 1)
		WARN_ON(refcount_sub_and_test(num_devices - 1,
					      &old_hwpt->obj.users));
	mutex_unlock(&igroup->lock);
	return old_hwpt;

out_unresv:
	if (new_ioas)
		iommufd_group_remove_reserved_iova(igroup, hwpt_paging);
out_unlock:
	mutex_unlock(&igroup->lock);
	return ERR_PTR(rc);
}

/* One attach or replace step, as chosen by @replace */
static struct iommufd_hw_pagetable *
iommufd_device_do_change(struct iommufd_device *idev, ioasid_t pasid,
			 struct iommufd_hw_pagetable *hwpt, bool replace)
{
	if (replace)
		return iommufd_device_do_replace(idev, pasid, hwpt);
	return iommufd_device_do_attach(idev, pasid, hwpt);
}

/*
 * Attach (or replace) @idev to an automatic paging HWPT of @ioas. Existing
 * automatic HWPTs are tried first, in creation order: all of them are
 * interchangeable, and only -EINVAL ("this domain is incompatible with the
 * device") moves on to the next one; any other error is final. If none
 * fits, a new one is created. Manually allocated HWPTs are never chosen.
 */
static struct iommufd_hw_pagetable *
iommufd_device_auto_get_domain(struct iommufd_device *idev, ioasid_t pasid,
			       struct iommufd_ioas *ioas, u32 *pt_id,
			       bool replace)
{
	/*
	 * For a plain attach, let the allocation attach the device itself
	 * before filling the domain; some drivers need that.
	 */
	bool immediate_attach = !replace;
	struct iommufd_hwpt_paging *hwpt_paging;
	struct iommufd_hw_pagetable *destroy_hwpt;
	struct iommufd_hw_pagetable *hwpt;

	mutex_lock(&ioas->mutex);
	list_for_each_entry(hwpt_paging, &ioas->hwpt_list, hwpt_item) {
		if (!hwpt_paging->auto_domain)
			continue;

		hwpt = &hwpt_paging->common;
		if (!iommufd_lock_obj(&hwpt->obj))
			continue;
		destroy_hwpt = iommufd_device_do_change(idev, pasid, hwpt, replace);
		iommufd_put_object(idev->ictx, &hwpt->obj);
		if (IS_ERR(destroy_hwpt)) {
			if (PTR_ERR(destroy_hwpt) == -EINVAL)
				continue;
			goto out_unlock;
		}
		*pt_id = hwpt->obj.id;
		goto out_unlock;
	}

	hwpt_paging = iommufd_hwpt_paging_alloc(idev->ictx, ioas, idev, pasid,
						0, immediate_attach, NULL);
	if (IS_ERR(hwpt_paging)) {
		destroy_hwpt = ERR_CAST(hwpt_paging);
		goto out_unlock;
	}
	hwpt = &hwpt_paging->common;

	destroy_hwpt = NULL;
	if (!immediate_attach) {
		destroy_hwpt = iommufd_device_do_change(idev, pasid, hwpt, replace);
		if (IS_ERR(destroy_hwpt)) {
			iommufd_object_abort_and_destroy(idev->ictx, &hwpt->obj);
			goto out_unlock;
		}
	}

	hwpt_paging->auto_domain = true;
	*pt_id = hwpt->obj.id;
	iommufd_object_finalize(idev->ictx, &hwpt->obj);

out_unlock:
	mutex_unlock(&ioas->mutex);
	return destroy_hwpt;
}

/* Resolve *pt_id and attach or replace; see iommufd_device_attach() */
static int iommufd_device_change_pt(struct iommufd_device *idev,
				    ioasid_t pasid, u32 *pt_id, bool replace)
{
	struct iommufd_hw_pagetable *destroy_hwpt, *hwpt;
	struct iommufd_object *pt_obj;
	struct iommufd_ioas *ioas;

	pt_obj = iommufd_get_object(idev->ictx, *pt_id, IOMMUFD_OBJ_ANY);
	if (IS_ERR(pt_obj))
		return PTR_ERR(pt_obj);

	switch (pt_obj->type) {
	case IOMMUFD_OBJ_HWPT_NESTED:
	case IOMMUFD_OBJ_HWPT_PAGING:
		hwpt = container_of(pt_obj, struct iommufd_hw_pagetable, obj);
		destroy_hwpt = iommufd_device_do_change(idev, pasid, hwpt,
							replace);
		break;
	case IOMMUFD_OBJ_IOAS:
		ioas = container_of(pt_obj, struct iommufd_ioas, obj);
		destroy_hwpt = iommufd_device_auto_get_domain(idev, pasid, ioas,
							      pt_id, replace);
		break;
	default:
		destroy_hwpt = ERR_PTR(-EINVAL);
		break;
	}
	iommufd_put_object(idev->ictx, pt_obj);

	if (IS_ERR(destroy_hwpt))
		return PTR_ERR(destroy_hwpt);

	/* Only now that no locks are held can an auto domain be destroyed */
	if (destroy_hwpt)
		iommufd_hw_pagetable_put(idev->ictx, destroy_hwpt);
	return 0;
}

/**
 * iommufd_device_attach() - attach a bound device to an IOAS or a HWPT
 * @idev: the device, not attached yet
 * @pt_id: in: an IOAS, paging HWPT or nested HWPT id; out: the id of the
 *	HWPT the device is now attached to (the automatic one for an IOAS)
 *
 * After this the device can do DMA through the HWPT. Pass the resulting
 * id back to userspace. Undo with iommufd_device_detach().
 *
 * Return: 0; -ENOENT for an unknown id; -EINVAL for an id of another type,
 * for a group already attached to another HWPT, or a domain incompatible
 * with the device; or another error of the domain allocation or attach.
 */
int iommufd_device_attach(struct iommufd_device *idev, u32 *pt_id)
{
	int rc;

	rc = iommufd_device_change_pt(idev, IOMMU_NO_PASID, pt_id, false);
	if (rc)
		return rc;

	/* Dropped by iommufd_device_detach(); unbind must come after it */
	refcount_inc(&idev->obj.users);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_attach, IOMMUFD);

/**
 * iommufd_device_replace() - move an attached device to another IOAS/HWPT
 * @idev: the device, attached with iommufd_device_attach()
 * @pt_id: in: an IOAS, paging HWPT or nested HWPT id; out: the id of the
 *	HWPT the device is now attached to
 *
 * Has the effect of detach followed by attach, but the switch is done by
 * the IOMMU driver in one step where it can, without a window of blocked
 * DMA. The whole group moves. On failure nothing changes.
 *
 * Return: 0, or the errors of iommufd_device_attach(); -EINVAL if the
 * device is not attached.
 */
int iommufd_device_replace(struct iommufd_device *idev, u32 *pt_id)
{
	return iommufd_device_change_pt(idev, IOMMU_NO_PASID, pt_id, true);
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_replace, IOMMUFD);

/**
 * iommufd_device_detach() - undo iommufd_device_attach()
 * @idev: the attached device
 *
 * If it was the last attached device of its group, the group's DMA is
 * blocked again. An automatic HWPT without devices is destroyed.
 */
void iommufd_device_detach(struct iommufd_device *idev)
{
	struct iommufd_hw_pagetable *hwpt;

	hwpt = iommufd_hw_pagetable_detach(idev, IOMMU_NO_PASID);
	iommufd_hw_pagetable_put(idev->ictx, hwpt);
	refcount_dec(&idev->obj.users);
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_detach, IOMMUFD);

/* ------------------------------------------------------------------------
 * Accesses
 */

/*
 * Move @access from its current IOAS (if any) to @new_ioas (if any). The
 * driver's unmap callback is asked to let go of every pin in the old IOAS
 * first. On success the access holds a users reference on @new_ioas and
 * none on the old one; the caller keeps whatever reference it used to find
 * @new_ioas.
 */
static int iommufd_access_change_ioas(struct iommufd_access *access,
				      struct iommufd_ioas *new_ioas)
{
	u32 old_list_id = access->iopt_access_list_id;
	struct iommufd_ioas *cur_ioas = access->ioas;
	int rc;

	lockdep_assert_held(&access->ioas_lock);

	/* A concurrent change is half way through; let it finish */
	if (cur_ioas != access->ioas_unpin)
		return -EBUSY;

	if (cur_ioas == new_ioas)
		return 0;

	/*
	 * No new pins from here on; unpinning still finds the old IOAS
	 * through ioas_unpin.
	 */
	access->ioas = NULL;

	if (new_ioas) {
		rc = iopt_add_access(&new_ioas->iopt, access);
		if (rc) {
			access->ioas = cur_ioas;
			return rc;
		}
		refcount_inc(&new_ioas->obj.users);
	}

	if (cur_ioas) {
		if (access->ops->unmap) {
			/* The callback unpins, which takes ioas_lock */
			mutex_unlock(&access->ioas_lock);
			access->ops->unmap(access->data, 0, ULONG_MAX);
			mutex_lock(&access->ioas_lock);
		}
		iopt_remove_access(&cur_ioas->iopt, access, old_list_id);
		refcount_dec(&cur_ioas->obj.users);
	}

	access->ioas = new_ioas;
	access->ioas_unpin = new_ioas;
	return 0;
}

static int iommufd_access_change_ioas_id(struct iommufd_access *access, u32 id)
{
	struct iommufd_ioas *ioas;
	int rc;

	ioas = iommufd_get_ioas(access->ictx, id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);
	rc = iommufd_access_change_ioas(access, ioas);
	iommufd_put_object(access->ictx, &ioas->obj);
	return rc;
}

/**
 * iommufd_access_destroy_object() - destroy callback of access objects
 * @obj: the object
 */
void iommufd_access_destroy_object(struct iommufd_object *obj)
{
	struct iommufd_access *access =
		container_of(obj, struct iommufd_access, obj);

	mutex_lock(&access->ioas_lock);
	if (access->ioas)
		WARN_ON(iommufd_access_change_ioas(access, NULL));
	mutex_unlock(&access->ioas_lock);
	mutex_destroy(&access->ioas_lock);
	iommufd_ctx_put(access->ictx);
}

/**
 * iommufd_access_create() - create an in-kernel access to an iommufd
 * @ictx: the context
 * @ops: the driver's callbacks; @ops->unmap is required to pin pages
 * @data: the driver's cookie for the callbacks
 * @id: returns the id of the access object
 *
 * An access lets a driver reach IOAS memory with the CPU, through
 * iommufd_access_pin_pages() or iommufd_access_rw(), instead of by DMA.
 * Attach it to an IOAS with iommufd_access_attach() before use.
 *
 * Return: the access or an ERR_PTR (-ENOMEM).
 */
struct iommufd_access *
iommufd_access_create(struct iommufd_ctx *ictx,
		      const struct iommufd_access_ops *ops, void *data, u32 *id)
{
	struct iommufd_access *access;

	/*
	 * Userspace has no handle on accesses, but making them objects gives
	 * them the same lifetime rules as everything else.
	 */
	access = iommufd_object_alloc(ictx, access, IOMMUFD_OBJ_ACCESS);
	if (IS_ERR(access))
		return access;

	access->data = data;
	access->ops = ops;
	access->iova_alignment = ops->needs_pin_pages ? PAGE_SIZE : 1;
	mutex_init(&access->ioas_lock);

	/* The driver holds this until iommufd_access_destroy() */
	refcount_inc(&access->obj.users);
	access->ictx = ictx;
	iommufd_ctx_get(ictx);
	iommufd_object_finalize(ictx, &access->obj);
	*id = access->obj.id;
	return access;
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_create, IOMMUFD);

/**
 * iommufd_access_destroy() - undo iommufd_access_create()
 * @access: the access; the driver must have stopped using it
 *
 * Detaches from the IOAS first if needed, which calls the unmap callback.
 */
void iommufd_access_destroy(struct iommufd_access *access)
{
	iommufd_object_destroy_user(access->ictx, &access->obj);
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_destroy, IOMMUFD);

/**
 * iommufd_access_detach() - detach an access from its IOAS
 * @access: an attached access
 *
 * The unmap callback is called for the whole IOVA space first.
 */
void iommufd_access_detach(struct iommufd_access *access)
{
	mutex_lock(&access->ioas_lock);
	if (!WARN_ON(!access->ioas))
		WARN_ON(iommufd_access_change_ioas(access, NULL));
	mutex_unlock(&access->ioas_lock);
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_detach, IOMMUFD);

/**
 * iommufd_access_attach() - attach an access to an IOAS
 * @access: a detached access
 * @ioas_id: the IOAS
 *
 * Return: 0, -EINVAL if already attached, -ENOENT for a bad id, or the
 * error of joining the IOAS (-EADDRINUSE if the access's alignment does
 * not fit the existing mappings).
 */
int iommufd_access_attach(struct iommufd_access *access, u32 ioas_id)
{
	int rc;

	mutex_lock(&access->ioas_lock);
	if (WARN_ON(access->ioas))
		rc = -EINVAL;
	else
		rc = iommufd_access_change_ioas_id(access, ioas_id);
	mutex_unlock(&access->ioas_lock);
	return rc;
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_attach, IOMMUFD);

/**
 * iommufd_access_replace() - move an attached access to another IOAS
 * @access: an attached access
 * @ioas_id: the new IOAS
 *
 * Pins in the old IOAS are released through the unmap callback.
 *
 * Return: 0, -ENOENT if the access is not attached or the id is bad, or
 * the errors of iommufd_access_attach().
 */
int iommufd_access_replace(struct iommufd_access *access, u32 ioas_id)
{
	int rc;

	mutex_lock(&access->ioas_lock);
	if (!access->ioas)
		rc = -ENOENT;
	else
		rc = iommufd_access_change_ioas_id(access, ioas_id);
	mutex_unlock(&access->ioas_lock);
	return rc;
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_replace, IOMMUFD);

/**
 * iommufd_access_notify_unmap() - tell the accesses of an IOAS to let go
 * @iopt: the table being unmapped
 * @iova: first IOVA of the range
 * @length: bytes in the range
 *
 * Every access attached to @iopt gets its unmap callback for the range,
 * with no iommufd locks held. When this returns, accesses that pinned pages
 * in the range must have unpinned them with iommufd_access_unpin_pages().
 * Destroying an access waits for a callback in progress, so a driver must
 * not block its unmap callback on its own destruction.
 */
void iommufd_access_notify_unmap(struct io_pagetable *iopt, unsigned long iova,
				 unsigned long length)
{
	struct iommufd_ioas *ioas =
		container_of(iopt, struct iommufd_ioas, iopt);
	struct iommufd_access *access;
	unsigned long index;

	xa_lock(&ioas->iopt.access_list);
	xa_for_each(&ioas->iopt.access_list, index, access) {
		if (!iommufd_lock_obj(&access->obj))
			continue;
		xa_unlock(&ioas->iopt.access_list);

		access->ops->unmap(access->data, iova, length);

		iommufd_put_object(access->ictx, &access->obj);
		xa_lock(&ioas->iopt.access_list);
	}
	xa_unlock(&ioas->iopt.access_list);
}

/* Drop the access pins of [iova, last_iova], known to be fully covered */
static void iommufd_access_unpin_range(struct io_pagetable *iopt,
				       unsigned long iova,
				       unsigned long last_iova)
{
	struct iopt_area_contig_iter iter;
	struct iopt_area *area;

	iopt_for_each_contig_area(&iter, area, iopt, iova, last_iova) {
		unsigned long last = min(last_iova, iopt_area_last_iova(area));

		iopt_area_remove_access(area,
					iopt_area_iova_to_index(area,
								iter.cur_iova),
					iopt_area_iova_to_index(area, last));
	}
	WARN_ON(!iopt_area_contig_done(&iter));
}

/**
 * iommufd_access_unpin_pages() - undo iommufd_access_pin_pages()
 * @access: the access
 * @iova: the IOVA passed to the pin
 * @length: the length passed to the pin
 *
 * The range must be exactly one that was pinned, and the caller must have
 * stopped touching the pages.
 */
void iommufd_access_unpin_pages(struct iommufd_access *access,
				unsigned long iova, unsigned long length)
{
	struct io_pagetable *iopt;
	unsigned long last_iova;

	if (WARN_ON(!length) ||
	    WARN_ON(check_add_overflow(iova, length - 1, &last_iova)))
		return;

	mutex_lock(&access->ioas_lock);
	/* Unpinning while never attached, or after detach, is a driver bug */
	if (WARN_ON(!access->ioas_unpin)) {
		mutex_unlock(&access->ioas_lock);
		return;
	}
	iopt = &access->ioas_unpin->iopt;

	down_read(&iopt->iova_rwsem);
	iommufd_access_unpin_range(iopt, iova, last_iova);
	up_read(&iopt->iova_rwsem);
	mutex_unlock(&access->ioas_lock);
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_unpin_pages, IOMMUFD);

/*
 * Pinning hands out whole pages, so the part of the range inside the
 * current area must start on a page boundary, and end on one unless the
 * range ends in this area.
 */
static bool iopt_area_contig_is_aligned(struct iopt_area_contig_iter *iter)
{
	struct iopt_area *area = iter->area;

	if (iopt_area_start_byte(area, iter->cur_iova) % PAGE_SIZE)
		return false;

	if (!iopt_area_contig_done(iter) &&
	    (iopt_area_start_byte(area, iopt_area_last_iova(area)) %
	     PAGE_SIZE) != PAGE_SIZE - 1)
		return false;
	return true;
}

static bool check_area_prot(struct iopt_area *area, unsigned int flags)
{
	if (flags & IOMMUFD_ACCESS_RW_WRITE)
		return area->iommu_prot & IOMMU_WRITE;
	return area->iommu_prot & IOMMU_READ;
}

/**
 * iommufd_access_pin_pages() - pin the pages behind an IOVA range
 * @access: the access, created with ops that can unmap
 * @iova: first IOVA, page aligned inside its area
 * @length: bytes to pin
 * @out_pages: receives one struct page pointer per page of the range
 * @flags: IOMMUFD_ACCESS_RW_WRITE if the pages will be written
 *
 * The pages can then be kmap'd. Undo with iommufd_access_unpin_pages() on
 * the same range, at the latest when the unmap callback asks for it.
 *
 * With an IOAS alignment of at least PAGE_SIZE any page aligned IOVA
 * works; with smaller alignments an area may start in the middle of a
 * page, and such ranges cannot be pinned.
 *
 * Return: 0; -EINVAL for a zero length, a misaligned range or one being
 * unmapped; -EOVERFLOW; -ENOENT if not attached or the range is not fully
 * mapped; -EPERM if the mapping lacks the permission; or a pinning error.
 */
int iommufd_access_pin_pages(struct iommufd_access *access, unsigned long iova,
			     unsigned long length, struct page **out_pages,
			     unsigned int flags)
{
	struct iopt_area_contig_iter iter;
	struct io_pagetable *iopt;
	unsigned long last_iova;
	struct iopt_area *area;
	int rc;

	/* Pinning needs a driver that can give the pins back */
	if (IS_ENABLED(CONFIG_IOMMUFD_TEST) &&
	    WARN_ON(access->iova_alignment != PAGE_SIZE || !access->ops->unmap))
		return -EINVAL;

	if (!length)
		return -EINVAL;
	if (check_add_overflow(iova, length - 1, &last_iova))
		return -EOVERFLOW;

	mutex_lock(&access->ioas_lock);
	if (!access->ioas) {
		mutex_unlock(&access->ioas_lock);
		return -ENOENT;
	}
	iopt = &access->ioas->iopt;

	down_read(&iopt->iova_rwsem);
	iopt_for_each_contig_area(&iter, area, iopt, iova, last_iova) {
		unsigned long last = min(last_iova, iopt_area_last_iova(area));
		unsigned long index =
			iopt_area_iova_to_index(area, iter.cur_iova);
		unsigned long last_index = iopt_area_iova_to_index(area, last);

		if (area->prevent_access ||
		    !iopt_area_contig_is_aligned(&iter)) {
			rc = -EINVAL;
			goto err_unpin;
		}
		if (!check_area_prot(area, flags)) {
			rc = -EPERM;
			goto err_unpin;
		}

		rc = iopt_area_add_access(area, index, last_index, out_pages,
					  flags);
		if (rc)
			goto err_unpin;
		out_pages += last_index - index + 1;
	}
	if (!iopt_area_contig_done(&iter)) {
		rc = -ENOENT;
		goto err_unpin;
	}

	up_read(&iopt->iova_rwsem);
	mutex_unlock(&access->ioas_lock);
	return 0;

err_unpin:
	/* Give back what the areas before the failing one pinned */
	if (iter.cur_iova > iova)
		iommufd_access_unpin_range(iopt, iova, iter.cur_iova - 1);
	up_read(&iopt->iova_rwsem);
	mutex_unlock(&access->ioas_lock);
	return rc;
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_pin_pages, IOMMUFD);

/**
 * iommufd_access_rw() - copy between a kernel buffer and an IOVA range
 * @access: the access
 * @iova: first IOVA, any alignment
 * @data: the kernel buffer
 * @length: bytes to copy
 * @flags: IOMMUFD_ACCESS_RW_WRITE to copy into the IOVA range, else from
 *	it; IOMMUFD_ACCESS_RW_KTHREAD if the caller is a kthread using the
 *	owner's mm
 *
 * Return: 0; -EINVAL for a zero length or a range being unmapped;
 * -EOVERFLOW; -ENOENT if not attached or not fully mapped; -EPERM if the
 * mapping lacks the permission; or the error of reaching the memory.
 */
int iommufd_access_rw(struct iommufd_access *access, unsigned long iova,
		      void *data, size_t length, unsigned int flags)
{
	struct iopt_area_contig_iter iter;
	struct io_pagetable *iopt;
	unsigned long last_iova;
	struct iopt_area *area;
	int rc = -EINVAL;

	if (!length)
		return -EINVAL;
	if (check_add_overflow(iova, length - 1, &last_iova))
		return -EOVERFLOW;

	mutex_lock(&access->ioas_lock);
	if (!access->ioas) {
		mutex_unlock(&access->ioas_lock);
		return -ENOENT;
	}
	iopt = &access->ioas->iopt;

	down_read(&iopt->iova_rwsem);
	iopt_for_each_contig_area(&iter, area, iopt, iova, last_iova) {
		unsigned long last = min(last_iova, iopt_area_last_iova(area));
		unsigned long bytes = last - iter.cur_iova + 1;

		if (area->prevent_access) {
			rc = -EINVAL;
			goto out_unlock;
		}
		if (!check_area_prot(area, flags)) {
			rc = -EPERM;
			goto out_unlock;
		}

		rc = iopt_pages_rw_access(area->pages,
					  iopt_area_start_byte(area,
							       iter.cur_iova),
					  data, bytes, flags);
		if (rc)
			goto out_unlock;
		data += bytes;
	}
	if (!iopt_area_contig_done(&iter))
		rc = -ENOENT;
out_unlock:
	up_read(&iopt->iova_rwsem);
	mutex_unlock(&access->ioas_lock);
	return rc;
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_rw, IOMMUFD);

/* ------------------------------------------------------------------------
 * IOMMU_GET_HW_INFO
 */

/* Capabilities the PCI PASID capability of @dev has enabled */
static u64 iommufd_pci_pasid_caps(struct device *dev)
{
	u64 caps = 0;
	int ctrl;

	if (!dev_is_pci(dev))
		return 0;

	ctrl = pci_pasid_status(to_pci_dev(dev));
	/* Drivers enable PASID at probe for every device that reports it */
	WARN_ON_ONCE(ctrl < 0 || !(ctrl & PCI_PASID_CTRL_ENABLE));
	if (ctrl < 0)
		return 0;
	if (ctrl & PCI_PASID_CTRL_EXEC)
		caps |= IOMMU_HW_CAP_PCI_PASID_EXEC;
	if (ctrl & PCI_PASID_CTRL_PRIV)
		caps |= IOMMU_HW_CAP_PCI_PASID_PRIV;
	return caps;
}

/**
 * iommufd_get_hw_info() - IOMMU_GET_HW_INFO
 * @ucmd: the command
 *
 * Reports the driver-specific description of the IOMMU behind a device
 * (copied up to the user's data_len, the rest of the user buffer zeroed,
 * data_len written back with the full size), the generic capabilities and
 * the PASID width.
 *
 * With IOMMU_HW_INFO_FLAG_INPUT_TYPE userspace names the format it wants
 * in in_data_type; without it in_data_type is ignored and the driver's
 * default format is returned. A driver that cannot produce the requested
 * format fails with -EOPNOTSUPP.
 *
 * Return: 0 or a negative errno.
 */
int iommufd_get_hw_info(struct iommufd_ucmd *ucmd)
{
	struct iommu_hw_info *cmd = ucmd->cmd;
	void __user *user_ptr = u64_to_user_ptr(cmd->data_uptr);
	const struct iommu_ops *ops;
	struct iommufd_device *idev;
	unsigned int data_len = 0;
	unsigned int copy_len;
	u32 wanted_type;
	void *data = NULL;
	int rc;

	if (cmd->flags & ~IOMMU_HW_INFO_FLAG_INPUT_TYPE)
		return -EOPNOTSUPP;
	if (cmd->__reserved[0] || cmd->__reserved[1] || cmd->__reserved[2])
		return -EOPNOTSUPP;

	if (!(cmd->flags & IOMMU_HW_INFO_FLAG_INPUT_TYPE))
		cmd->in_data_type = IOMMU_HW_INFO_TYPE_DEFAULT;
	wanted_type = cmd->in_data_type;

	idev = iommufd_get_device(ucmd, cmd->dev_id);
	if (IS_ERR(idev))
		return PTR_ERR(idev);

	ops = dev_iommu_ops(idev->dev);
	if (ops->hw_info) {
		/* The driver sees the wanted type and returns the real one */
		u32 type = wanted_type;

		data = ops->hw_info(idev->dev, &data_len, &type);
		if (IS_ERR(data)) {
			rc = PTR_ERR(data);
			data = NULL;
			goto out_put;
		}
		/* A driver with hw_info must report a type of its own */
		if (WARN_ON_ONCE(type == IOMMU_HW_INFO_TYPE_NONE)) {
			rc = -ENODEV;
			goto out_free;
		}
		cmd->out_data_type = type;
	} else {
		cmd->out_data_type = IOMMU_HW_INFO_TYPE_NONE;
	}

	/* Also catches drivers that ignore the requested type */
	if (wanted_type != IOMMU_HW_INFO_TYPE_DEFAULT &&
	    wanted_type != cmd->out_data_type) {
		rc = -EOPNOTSUPP;
		goto out_free;
	}

	copy_len = min(cmd->data_len, data_len);
	if (copy_to_user(user_ptr, data, copy_len)) {
		rc = -EFAULT;
		goto out_free;
	}
	/* A larger user buffer gets a zeroed tail */
	if (copy_len < cmd->data_len &&
	    clear_user(user_ptr + copy_len, cmd->data_len - copy_len)) {
		rc = -EFAULT;
		goto out_free;
	}

	/* The full size, so userspace learns what the kernel has */
	cmd->data_len = data_len;

	cmd->out_capabilities = 0;
	if (device_iommu_capable(idev->dev, IOMMU_CAP_DIRTY_TRACKING))
		cmd->out_capabilities |= IOMMU_HW_CAP_DIRTY_TRACKING;

	/*
	 * Drivers enable PASID at probe time whenever both the IOMMU and the
	 * device can do it, so a non-zero max_pasids means "enabled".
	 */
	cmd->out_max_pasid_log2 = 0;
	if (idev->dev->iommu->max_pasids) {
		cmd->out_max_pasid_log2 = ilog2(idev->dev->iommu->max_pasids);
		cmd->out_capabilities |= iommufd_pci_pasid_caps(idev->dev);
	}

	rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
out_free:
	kfree(data);
out_put:
	iommufd_put_object(ucmd->ictx, &idev->obj);
	return rc;
}
