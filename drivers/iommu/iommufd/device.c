// SPDX-License-Identifier: GPL-2.0
/*
 * Devices and accesses: how kernel drivers put iommufd to use.
 *
 * A driver such as VFIO (or the selftest) binds a physical device to a
 * context with iommufd_device_bind(), which takes over DMA ownership of the
 * device, and then attaches it to an IOAS or to a HWPT. Attaching to an
 * IOAS picks a HWPT that was made automatically for that IOAS, or makes one.
 *
 * The IOMMU translates for an iommu_group as a whole, so iommufd keeps
 * state per group and context (struct iommufd_group):
 *
 *  - the first device of the group that attaches decides the domain of the
 *    group;
 *  - further devices of the group may attach to that same HWPT, even more
 *    than once, but attaching one of them anywhere else fails with -EINVAL
 *    for as long as the group is attached;
 *  - the last attached device of the group to detach takes the domain away.
 *
 * An access (struct iommufd_access) is a driver that touches IOAS memory
 * with the CPU rather than by DMA, an emulated device (mdev) for instance.
 * It either pins pages or copies through the IOAS, and must drop its pins
 * when the IOAS unmaps the range under them.
 *
 * IOMMU_GET_HW_INFO is implemented here as well.
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
		 "Let devices be bound although the platform cannot stop their DMA from raising other users' interrupts (insecure)");

/* ------------------------------------------------------------------------
 * Per-group state
 */

static void grp_free(struct kref *kref)
{
	struct iommufd_group *grp = container_of(kref, struct iommufd_group,
						 refs);
	unsigned long key = iommu_group_id(grp->iommu_grp);

	WARN_ON(grp->cur_hwpt || !list_empty(&grp->members));

	/* A successor may have taken the slot already; leave it alone then */
	xa_cmpxchg(&grp->ictx->groups, key, grp, NULL, GFP_KERNEL);
	iommu_group_put(grp->iommu_grp);
	mutex_destroy(&grp->mtx);
	kfree(grp);
}

static void grp_put(struct iommufd_group *grp)
{
	kref_put(&grp->refs, grp_free);
}

/*
 * Reference @cand, an entry of the groups xarray seen under its lock, if
 * it is not already being freed. The lock keeps the group id from being
 * recycled meanwhile.
 */
static bool grp_tryget(struct iommufd_group *cand, struct iommu_group *ig)
{
	if (!cand || WARN_ON(cand->iommu_grp != ig))
		return false;
	return kref_get_unless_zero(&cand->refs);
}

/* A new tracker for @ig; it takes over the caller's reference on @ig */
static struct iommufd_group *grp_new(struct iommufd_ctx *ictx,
				     struct iommu_group *ig)
{
	struct iommufd_group *grp = kzalloc(sizeof(*grp), GFP_KERNEL);

	if (!grp)
		return NULL;
	kref_init(&grp->refs);
	mutex_init(&grp->mtx);
	INIT_LIST_HEAD(&grp->members);
	grp->msi_base = PHYS_ADDR_MAX;
	grp->iommu_grp = ig;
	/*
	 * Not counted: every object that uses the tracker lets go of it
	 * before the context itself can be freed.
	 */
	grp->ictx = ictx;
	return grp;
}

/*
 * Store @fresh in slot @key of the groups xarray, unless a live tracker
 * turns up there first. A tracker whose count already dropped to zero may
 * still occupy the slot; it is overwritten, and its release will then see
 * that the slot is no longer its own. Return: the tracker to use, with a
 * reference, or an ERR_PTR. @fresh is consumed either way.
 */
static struct iommufd_group *grp_publish(struct iommufd_ctx *ictx,
					 struct iommufd_group *fresh,
					 unsigned long key)
{
	struct iommufd_group *expect = NULL;
	struct iommufd_group *found;

	xa_lock(&ictx->groups);
	for (;;) {
		found = __xa_cmpxchg(&ictx->groups, key, expect, fresh,
				     GFP_KERNEL);
		if (found == expect) {
			xa_unlock(&ictx->groups);
			return fresh;
		}
		if (xa_is_err(found)) {
			found = ERR_PTR(xa_err(found));
			break;
		}
		if (grp_tryget(found, fresh->iommu_grp))
			break;
		expect = found;
	}
	xa_unlock(&ictx->groups);

	grp_put(fresh);
	return found;
}

/*
 * The tracker of the iommu_group of @dev in @ictx, made if there is none
 * yet. Each group has at most one per context, filed by group id.
 */
static struct iommufd_group *grp_get(struct iommufd_ctx *ictx,
				     struct device *dev)
{
	struct iommufd_group *grp, *fresh;
	struct iommu_group *ig;
	unsigned long key;

	ig = iommu_group_get(dev);
	if (!ig)
		return ERR_PTR(-ENODEV);
	key = iommu_group_id(ig);

	xa_lock(&ictx->groups);
	grp = xa_load(&ictx->groups, key);
	if (!grp_tryget(grp, ig))
		grp = NULL;
	xa_unlock(&ictx->groups);
	if (grp) {
		iommu_group_put(ig);
		return grp;
	}

	fresh = grp_new(ictx, ig);
	if (!fresh) {
		iommu_group_put(ig);
		return ERR_PTR(-ENOMEM);
	}
	return grp_publish(ictx, fresh, key);
}

/* ------------------------------------------------------------------------
 * Binding
 */

/**
 * iommufd_device_destroy() - destroy callback of device objects
 * @obj: the object
 *
 * Runs from iommufd_device_unbind(); DMA ownership goes back to the kernel.
 */
void iommufd_device_destroy(struct iommufd_object *obj)
{
	struct iommufd_device *idev = container_of(obj, struct iommufd_device,
						   obj);
	struct device *dev = idev->dev;

	iommu_device_release_dma_owner(dev);
	grp_put(idev->grp);
	mutex_destroy(&idev->iopf_mtx);
	if (!iommufd_selftest_is_mock_dev(dev))
		iommufd_ctx_put(idev->ictx);
}

/*
 * With MSIs that are not isolated, plain DMA writes of the device could
 * raise interrupts that belong to someone else. VFIO always allowed that
 * behind a module parameter, and so does iommufd.
 */
static int bind_msi_check(struct device *dev, struct iommufd_group *grp)
{
	if (iommufd_selftest_is_mock_dev(dev) ||
	    iommu_group_has_isolated_msi(grp->iommu_grp))
		return 0;
	if (!allow_unsafe_interrupts)
		return -EPERM;
	dev_warn(dev,
		 "bound although its MSIs are not isolated, as allow_unsafe_interrupts asks\n");
	return 0;
}

/**
 * iommufd_device_bind() - hand a device over to an iommufd
 * @ictx: the context
 * @dev: the physical device
 * @id: set to the id userspace knows the device by
 *
 * Takes DMA ownership of @dev for @ictx: the kernel's DMA API stops using
 * the device, and the device cannot do DMA at all until it is attached.
 * A PCI device is handed over with its whole RID. The driver calling this
 * must have driver_managed_dma set and keep the device from doing DMA
 * until this returns successfully.
 *
 * iommufd_device_unbind() undoes it.
 *
 * Return: the bound device or an ERR_PTR: -EINVAL when the IOMMU cannot
 * keep DMA cache coherent, -ENODEV when the device has no group, -EPERM
 * when its MSIs cannot be isolated (and the module parameter does not
 * allow it anyway), -EBUSY when another owner or a DMA API driver has the
 * group, or -ENOMEM.
 */
struct iommufd_device *iommufd_device_bind(struct iommufd_ctx *ictx,
					   struct device *dev, u32 *id)
{
	struct iommufd_device *idev;
	struct iommufd_group *grp;
	int err;

	/*
	 * Every mapping is made with IOMMU_CACHE; userspace cannot ask for
	 * anything else.
	 */
	if (!device_iommu_capable(dev, IOMMU_CAP_CACHE_COHERENCY))
		return ERR_PTR(-EINVAL);

	grp = grp_get(ictx, dev);
	if (IS_ERR(grp))
		return ERR_CAST(grp);

	err = bind_msi_check(dev, grp);
	if (err)
		goto drop_grp;

	err = iommu_device_claim_dma_owner(dev, ictx);
	if (err)
		goto drop_grp;

	idev = iommufd_object_alloc(ictx, idev, IOMMUFD_OBJ_DEVICE);
	if (IS_ERR(idev)) {
		err = PTR_ERR(idev);
		goto release_owner;
	}
	idev->dev = dev;
	idev->ictx = ictx;
	/* The group reference moves into the device */
	idev->grp = grp;
	idev->enforce_cache_coherency =
		device_iommu_capable(dev, IOMMU_CAP_ENFORCE_CACHE_COHERENCY);
	mutex_init(&idev->iopf_mtx);
	/*
	 * A mock device belongs to a selftest object of this very context;
	 * a reference on the context would keep it alive for good.
	 */
	if (!iommufd_selftest_is_mock_dev(dev))
		iommufd_ctx_get(ictx);
	/* Owned by the driver until iommufd_device_unbind() */
	refcount_inc(&idev->obj.users);

	/*
	 * Visible from here on. Nothing else can hold a device for long, so
	 * the driver is always able to unbind it.
	 */
	iommufd_object_finalize(ictx, &idev->obj);
	*id = idev->obj.id;
	return idev;

release_owner:
	iommu_device_release_dma_owner(dev);
drop_grp:
	grp_put(grp);
	return ERR_PTR(err);
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_bind, IOMMUFD);

/**
 * iommufd_ctx_has_group() - does a context own a group?
 * @ictx: the context, may be NULL
 * @group: the group, may be NULL
 *
 * A context owns the DMA of a whole group once any of its devices is bound.
 *
 * Return: true when a device of @group is bound to @ictx.
 */
bool iommufd_ctx_has_group(struct iommufd_ctx *ictx, struct iommu_group *group)
{
	struct iommufd_object *obj;
	unsigned long idx;
	bool owned = false;

	if (!ictx || !group)
		return false;

	xa_lock(&ictx->objects);
	xa_for_each(&ictx->objects, idx, obj) {
		if (obj->type == IOMMUFD_OBJ_DEVICE &&
		    container_of(obj, struct iommufd_device,
				 obj)->grp->iommu_grp == group) {
			owned = true;
			break;
		}
	}
	xa_unlock(&ictx->objects);
	return owned;
}
EXPORT_SYMBOL_NS_GPL(iommufd_ctx_has_group, IOMMUFD);

/**
 * iommufd_device_unbind() - undo iommufd_device_bind()
 * @idev: a bound device that is not attached
 *
 * The kernel gets DMA ownership back and @idev is freed; the caller must
 * not touch it afterwards, nor race this with other calls on it.
 */
void iommufd_device_unbind(struct iommufd_device *idev)
{
	iommufd_object_destroy_user(idev->ictx, &idev->obj);
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_unbind, IOMMUFD);

/**
 * iommufd_device_to_ictx() - the context of a bound device
 * @idev: the device
 *
 * Return: the context it was bound to.
 */
struct iommufd_ctx *iommufd_device_to_ictx(struct iommufd_device *idev)
{
	return idev->ictx;
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_to_ictx, IOMMUFD);

/**
 * iommufd_device_to_id() - the id of a bound device
 * @idev: the device
 *
 * Return: the object id userspace uses for it.
 */
u32 iommufd_device_to_id(struct iommufd_device *idev)
{
	return idev->obj.id;
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_to_id, IOMMUFD);

/* ------------------------------------------------------------------------
 * Reserved IOVA and the software MSI window
 */

/*
 * A driver that reports an IOMMU_RESV_SW_MSI region wants the domain owner
 * to put an MSI cookie there, so that the interrupt code can map doorbells
 * once interrupts are requested. Each domain gets it once.
 */
static int grp_msi_cookie(struct iommufd_group *grp,
			  struct iommufd_hwpt_paging *paging)
{
	int err;

	if (paging->msi_ready || grp->msi_base == PHYS_ADDR_MAX)
		return 0;
	err = iommu_get_msi_cookie(paging->common.domain, grp->msi_base);
	if (!err)
		paging->msi_ready = true;
	return err;
}

/* Keep the IOVA that @idev must not use out of the IOAS it is joining */
static int dev_reserve_regions(struct iommufd_device *idev,
			       struct iommufd_hwpt_paging *paging)
{
	struct iommufd_group *grp = idev->grp;
	struct io_pagetable *iopt = &paging->ioas->iopt;
	int err;

	lockdep_assert_held(&grp->mtx);

	err = iopt_table_enforce_dev_resv_regions(iopt, idev->dev,
						  &grp->msi_base);
	if (err)
		return err;

	/* The MSI window belongs to the group; its first device sets it up */
	if (!list_empty(&grp->members))
		return 0;
	err = grp_msi_cookie(grp, paging);
	if (err)
		iopt_remove_reserved_iova(iopt, idev->dev);
	return err;
}

/* Give back the reservations of all attached devices of @grp in @paging */
static void grp_unreserve(struct iommufd_group *grp,
			  struct iommufd_hwpt_paging *paging)
{
	struct iommufd_device *member;

	lockdep_assert_held(&grp->mtx);

	list_for_each_entry(member, &grp->members, member_node)
		iopt_remove_reserved_iova(&paging->ioas->iopt, member->dev);
}

/*
 * Prepare the group for moving to @paging. When that means another IOAS
 * (@ioas_changes), the reserved regions of every attached device are
 * enforced there first. Return: 0, or an error with nothing changed.
 */
static int grp_reserve_for(struct iommufd_group *grp,
			   struct iommufd_hwpt_paging *paging,
			   bool ioas_changes)
{
	struct iommufd_device *member;
	int err = 0;

	lockdep_assert_held(&grp->mtx);

	if (ioas_changes) {
		list_for_each_entry(member, &grp->members, member_node) {
			err = iopt_table_enforce_dev_resv_regions(&paging->ioas->iopt,
								  member->dev,
								  NULL);
			if (err)
				break;
		}
	}
	if (!err)
		err = grp_msi_cookie(grp, paging);

	/* Removing the reservation of a device that made none is harmless */
	if (err && ioas_changes)
		grp_unreserve(grp, paging);
	return err;
}

/* ------------------------------------------------------------------------
 * The domain of a group, installed with an attach handle
 */

static bool dev_is_member(struct iommufd_device *idev)
{
	struct iommufd_device *member;

	list_for_each_entry(member, &idev->grp->members, member_node) {
		if (member == idev)
			return true;
	}
	return false;
}

/* The handle the group's current domain was installed with, or NULL */
static struct iommufd_pt_handle *grp_cur_handle(struct iommufd_group *grp,
						ioasid_t pasid)
{
	struct iommu_attach_handle *core;

	lockdep_assert_held(&grp->mtx);

	core = iommu_attach_handle_get(grp->iommu_grp, pasid, 0);
	return IS_ERR(core) ? NULL : pt_handle_of(core);
}

/*
 * Page requests are per device, so each attached device of a group on a
 * HWPT with a fault queue has them enabled. These switch them on and off
 * for every attached device of @grp.
 */
static void grp_iopf_put_all(struct iommufd_group *grp)
{
	struct iommufd_device *member;

	lockdep_assert_held(&grp->mtx);

	list_for_each_entry(member, &grp->members, member_node)
		iommufd_dev_iopf_put(member);
}

static int grp_iopf_get_all(struct iommufd_group *grp)
{
	struct iommufd_device *member, *undo;
	int err;

	lockdep_assert_held(&grp->mtx);

	list_for_each_entry(member, &grp->members, member_node) {
		err = iommufd_dev_iopf_get(member);
		if (!err)
			continue;
		list_for_each_entry(undo, &grp->members, member_node) {
			if (undo == member)
				break;
			iommufd_dev_iopf_put(undo);
		}
		return err;
	}
	return 0;
}

static struct iommufd_pt_handle *pt_handle_new(struct iommufd_device *reporter)
{
	struct iommufd_pt_handle *handle = kzalloc(sizeof(*handle), GFP_KERNEL);

	if (handle)
		handle->reporter = reporter;
	return handle;
}

/* Install @hwpt's domain for the whole group, naming @idev in its handle */
static int grp_install(struct iommufd_group *grp,
		       struct iommufd_hw_pagetable *hwpt,
		       struct iommufd_device *idev, ioasid_t pasid)
{
	struct iommufd_pt_handle *handle;
	int err;

	lockdep_assert_held(&grp->mtx);

	if (WARN_ON(pasid != IOMMU_NO_PASID))
		return -EINVAL;

	handle = pt_handle_new(idev);
	if (!handle)
		return -ENOMEM;
	err = iommu_attach_group_handle(hwpt->domain, grp->iommu_grp,
					&handle->core);
	if (err)
		kfree(handle);
	return err;
}

/* Take @hwpt's domain away from the group; its pending faults get answers */
static void grp_uninstall(struct iommufd_group *grp,
			  struct iommufd_hw_pagetable *hwpt, ioasid_t pasid)
{
	struct iommufd_pt_handle *handle;

	WARN_ON(pasid != IOMMU_NO_PASID);

	handle = grp_cur_handle(grp, pasid);
	iommu_detach_group_handle(hwpt->domain, grp->iommu_grp);
	iommufd_fault_abandon_handle(hwpt, handle);
	kfree(handle);
}

/*
 * Move the group from @old's domain straight to @hwpt's, switching page
 * requests on or off for its devices as the fault queues require.
 */
static int grp_switch(struct iommufd_group *grp, struct iommufd_device *idev,
		      ioasid_t pasid, struct iommufd_hw_pagetable *hwpt,
		      struct iommufd_hw_pagetable *old)
{
	bool iopf_gained = hwpt->fault_q && !old->fault_q;
	struct iommufd_pt_handle *prev, *next;
	int err;

	lockdep_assert_held(&grp->mtx);

	if (WARN_ON(pasid != IOMMU_NO_PASID))
		return -EINVAL;

	prev = grp_cur_handle(grp, pasid);
	/* The new handle keeps naming whatever device the old one named */
	next = pt_handle_new(prev ? prev->reporter : idev);
	if (!next)
		return -ENOMEM;

	if (iopf_gained) {
		err = grp_iopf_get_all(grp);
		if (err)
			goto free_next;
	}

	err = iommu_replace_group_handle(grp->iommu_grp, hwpt->domain,
					 &next->core);
	if (err) {
		if (iopf_gained)
			grp_iopf_put_all(grp);
		goto free_next;
	}

	if (old->fault_q) {
		iommufd_fault_abandon_handle(old, prev);
		if (!hwpt->fault_q)
			grp_iopf_put_all(grp);
	}
	kfree(prev);
	return 0;

free_next:
	kfree(next);
	return err;
}

/*
 * Everything a device needs before it can join @hwpt, short of installing
 * the domain: coherency, reserved IOVA and page requests. Undone by
 * dev_join_unprepare().
 */
static int dev_join_prepare(struct iommufd_device *idev,
			    struct iommufd_hw_pagetable *hwpt,
			    struct iommufd_hwpt_paging *paging)
{
	int err;

	/*
	 * A device whose no-snoop DMA can be blocked must not land on a
	 * domain that lets it through: upgrade the domain, or report it as
	 * incompatible so that the caller tries another one.
	 */
	if (idev->enforce_cache_coherency && iommufd_hwpt_is_paging(hwpt)) {
		err = iommufd_paging_hwpt_block_nosnoop(paging);
		if (err)
			return err;
	}

	if (paging) {
		err = dev_reserve_regions(idev, paging);
		if (err)
			return err;
	}

	if (hwpt->fault_q) {
		err = iommufd_dev_iopf_get(idev);
		if (err && paging)
			iopt_remove_reserved_iova(&paging->ioas->iopt,
						  idev->dev);
		return err;
	}
	return 0;
}

static void dev_join_unprepare(struct iommufd_device *idev,
			       struct iommufd_hw_pagetable *hwpt,
			       struct iommufd_hwpt_paging *paging)
{
	if (hwpt->fault_q)
		iommufd_dev_iopf_put(idev);
	if (paging)
		iopt_remove_reserved_iova(&paging->ioas->iopt, idev->dev);
}

/**
 * iommufd_hwpt_add_device() - attach a device to a HWPT
 * @hwpt: the HWPT
 * @idev: the device
 * @pasid: IOMMU_NO_PASID, the only value supported
 *
 * The first device of a group attaches the whole group; its other devices
 * can only follow onto the same HWPT. Every device gets its reserved
 * regions kept out of the IOAS. On success the device owns a users
 * reference on @hwpt.
 *
 * Return: 0; -EINVAL when the group is on another HWPT or the domain does
 * not suit the device (a paging domain that cannot block no-snoop DMA for a
 * device that needs it included); or the error of the IOVA reservation or
 * of the core's attach, which keeps to the attach errno contract.
 */
int iommufd_hwpt_add_device(struct iommufd_hw_pagetable *hwpt,
			    struct iommufd_device *idev, ioasid_t pasid)
{
	struct iommufd_hwpt_paging *paging = hwpt_ioas_paging(hwpt);
	struct iommufd_group *grp = idev->grp;
	int err;

	mutex_lock(&grp->mtx);

	if (grp->cur_hwpt && grp->cur_hwpt != hwpt) {
		err = -EINVAL;
		goto unlock;
	}

	err = dev_join_prepare(idev, hwpt, paging);
	if (err)
		goto unlock;

	/*
	 * The domain is installed for the group by its first device only,
	 * but each device still comes through here, since that is when its
	 * reserved regions get enforced.
	 */
	if (list_empty(&grp->members)) {
		err = grp_install(grp, hwpt, idev, pasid);
		if (err) {
			dev_join_unprepare(idev, hwpt, paging);
			goto unlock;
		}
		grp->cur_hwpt = hwpt;
	}
	list_add_tail(&idev->member_node, &grp->members);
	refcount_inc(&hwpt->obj.users);

unlock:
	mutex_unlock(&grp->mtx);
	return err;
}

/*
 * One device leaves a group that stays attached. If the handle names that
 * device, point it at one that stays, so that no fault is ever reported
 * with the id of a device that may be gone.
 */
static void grp_keep_handle_valid(struct iommufd_group *grp,
				  struct iommufd_device *leaving,
				  ioasid_t pasid)
{
	struct iommufd_pt_handle *handle = grp_cur_handle(grp, pasid);

	if (handle && handle->reporter == leaving)
		handle->reporter = list_first_entry(&grp->members,
						    struct iommufd_device,
						    member_node);
}

/**
 * iommufd_hwpt_remove_device() - detach a device from its group's HWPT
 * @idev: an attached device
 * @pasid: IOMMU_NO_PASID, the only value supported
 *
 * The group goes back to the blocked domain when its last attached device
 * leaves.
 *
 * Return: the HWPT; the caller gives back the device's reference on it with
 * iommufd_hwpt_drop_device_ref() once it holds no locks.
 */
struct iommufd_hw_pagetable *
iommufd_hwpt_remove_device(struct iommufd_device *idev, ioasid_t pasid)
{
	struct iommufd_group *grp = idev->grp;
	struct iommufd_hw_pagetable *hwpt;

	mutex_lock(&grp->mtx);
	hwpt = grp->cur_hwpt;

	list_del(&idev->member_node);
	if (list_empty(&grp->members)) {
		grp_uninstall(grp, hwpt, pasid);
		grp->cur_hwpt = NULL;
	} else {
		grp_keep_handle_valid(grp, idev, pasid);
		/* Nobody will answer the requests this device has pending */
		iommufd_fault_abandon_dev(hwpt, idev->dev);
	}
	dev_join_unprepare(idev, hwpt, hwpt_ioas_paging(hwpt));

	mutex_unlock(&grp->mtx);
	return hwpt;
}

/*
 * The attach and replace steps return the HWPT whose device reference the
 * caller has to drop (NULL when there is none) or an ERR_PTR.
 */
static struct iommufd_hw_pagetable *
dev_replace_pt(struct iommufd_device *idev, ioasid_t pasid,
	       struct iommufd_hw_pagetable *hwpt)
{
	struct iommufd_hwpt_paging *paging = hwpt_ioas_paging(hwpt);
	struct iommufd_group *grp = idev->grp;
	struct iommufd_hwpt_paging *old_paging;
	struct iommufd_hw_pagetable *old;
	bool ioas_changes;
	unsigned int n;
	int err;

	mutex_lock(&grp->mtx);

	old = grp->cur_hwpt;
	if (!old || !dev_is_member(idev)) {
		err = -EINVAL;
		goto unlock;
	}
	/* Replacing a HWPT with itself changes nothing */
	if (old == hwpt) {
		mutex_unlock(&grp->mtx);
		return NULL;
	}

	old_paging = hwpt_ioas_paging(old);
	ioas_changes = paging &&
		       (!old_paging || old_paging->ioas != paging->ioas);

	if (paging) {
		err = grp_reserve_for(grp, paging, ioas_changes);
		if (err)
			goto unlock;
	}

	err = grp_switch(grp, idev, pasid, hwpt, old);
	if (err) {
		if (ioas_changes)
			grp_unreserve(grp, paging);
		goto unlock;
	}

	/* Reservations in an IOAS the group stopped using are released */
	if (old_paging && (!paging || old_paging->ioas != paging->ioas))
		grp_unreserve(grp, old_paging);
	grp->cur_hwpt = hwpt;

	/*
	 * Each attached device of the group held a reference on @old and now
	 * holds one on @hwpt instead. One reference on @old is left for the
	 * caller to drop, which may destroy an automatic HWPT.
	 */
	n = list_count_nodes(&grp->members);
	refcount_add(n, &hwpt->obj.users);
	if (n > 1)
		WARN_ON(refcount_sub_and_test(n - 1, &old->obj.users));

	mutex_unlock(&grp->mtx);
	return old;

unlock:
	mutex_unlock(&grp->mtx);
	return ERR_PTR(err);
}

/* Attach or replace, as @replace says */
static struct iommufd_hw_pagetable *
dev_set_pt(struct iommufd_device *idev, ioasid_t pasid,
	   struct iommufd_hw_pagetable *hwpt, bool replace)
{
	int err;

	if (replace)
		return dev_replace_pt(idev, pasid, hwpt);
	err = iommufd_hwpt_add_device(hwpt, idev, pasid);
	return err ? ERR_PTR(err) : NULL;
}

/*
 * Put @idev on an automatic paging HWPT of @ioas. The ones that exist are
 * tried first, oldest first, since any of them will do; only -EINVAL ("this
 * domain does not suit the device") moves on to the next, any other error
 * ends the search. When none fits a new one is made. HWPTs that userspace
 * allocated itself are never picked.
 */
static struct iommufd_hw_pagetable *
dev_set_auto_pt(struct iommufd_device *idev, ioasid_t pasid,
		struct iommufd_ioas *ioas, u32 *pt_id, bool replace)
{
	struct iommufd_hw_pagetable *drop;
	struct iommufd_hwpt_paging *paging;

	mutex_lock(&ioas->mutex);
	list_for_each_entry(paging, &ioas->hwpt_list, hwpt_item) {
		struct iommufd_object *obj = &paging->common.obj;

		if (!paging->auto_made || !iommufd_lock_obj(obj))
			continue;
		drop = dev_set_pt(idev, pasid, &paging->common, replace);
		iommufd_put_object(idev->ictx, obj);
		if (drop == ERR_PTR(-EINVAL))
			continue;
		if (!IS_ERR(drop))
			*pt_id = obj->id;
		goto unlock;
	}

	/*
	 * A plain attach lets the creation attach the device before the
	 * domain is filled, which some drivers need. A replace cannot work
	 * that way and is done once the HWPT is complete.
	 */
	paging = iommufd_paging_hwpt_create(idev->ictx, ioas, idev, pasid, 0,
					    !replace, NULL);
	if (IS_ERR(paging)) {
		drop = ERR_CAST(paging);
		goto unlock;
	}

	drop = NULL;
	if (replace) {
		drop = dev_replace_pt(idev, pasid, &paging->common);
		if (IS_ERR(drop)) {
			iommufd_object_abort_and_destroy(idev->ictx,
							 &paging->common.obj);
			goto unlock;
		}
	}
	paging->auto_made = true;
	*pt_id = paging->common.obj.id;
	iommufd_object_finalize(idev->ictx, &paging->common.obj);

unlock:
	mutex_unlock(&ioas->mutex);
	return drop;
}

/* Resolve *@pt_id and attach or replace; see iommufd_device_attach() */
static int dev_change_pt(struct iommufd_device *idev, ioasid_t pasid,
			 u32 *pt_id, bool replace)
{
	struct iommufd_hw_pagetable *drop;
	struct iommufd_object *target;

	target = iommufd_get_object(idev->ictx, *pt_id, IOMMUFD_OBJ_ANY);
	if (IS_ERR(target))
		return PTR_ERR(target);

	switch (target->type) {
	case IOMMUFD_OBJ_HWPT_PAGING:
	case IOMMUFD_OBJ_HWPT_NESTED:
		drop = dev_set_pt(idev, pasid,
				  container_of(target,
					       struct iommufd_hw_pagetable, obj),
				  replace);
		break;
	case IOMMUFD_OBJ_IOAS:
		drop = dev_set_auto_pt(idev, pasid,
				       container_of(target, struct iommufd_ioas,
						    obj),
				       pt_id, replace);
		break;
	default:
		drop = ERR_PTR(-EINVAL);
		break;
	}
	iommufd_put_object(idev->ictx, target);

	if (IS_ERR(drop))
		return PTR_ERR(drop);
	/* No lock is held any more, so an automatic HWPT may be destroyed */
	if (drop)
		iommufd_hwpt_drop_device_ref(idev->ictx, drop);
	return 0;
}

/**
 * iommufd_device_attach() - attach a bound device to an IOAS or a HWPT
 * @idev: the device, which must not be attached
 * @pt_id: on input the id of an IOAS, a paging HWPT or a nested HWPT; on
 *	output the id of the HWPT the device ended up on (the automatic one
 *	when an IOAS was given)
 *
 * The device can do DMA through the HWPT afterwards. The id that comes
 * back should be reported to userspace. iommufd_device_detach() undoes it.
 *
 * Return: 0; -ENOENT for an id that does not exist; -EINVAL for an id of
 * the wrong type, a group attached elsewhere or a domain that does not suit
 * the device; or another error of the domain allocation or of the attach.
 */
int iommufd_device_attach(struct iommufd_device *idev, u32 *pt_id)
{
	int err = dev_change_pt(idev, IOMMU_NO_PASID, pt_id, false);

	if (err)
		return err;
	/* Dropped by iommufd_device_detach(), which must precede unbind */
	refcount_inc(&idev->obj.users);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_attach, IOMMUFD);

/**
 * iommufd_device_replace() - move an attached device to another IOAS/HWPT
 * @idev: a device attached with iommufd_device_attach()
 * @pt_id: on input the id of an IOAS, a paging HWPT or a nested HWPT; on
 *	output the id of the HWPT the device ended up on
 *
 * The result is the same as a detach followed by an attach, except that the
 * IOMMU driver switches in one step where it can, with no moment of blocked
 * DMA in between. The whole group moves; if it fails nothing changed.
 *
 * Return: 0, -EINVAL for a device that is not attached, or an error of
 * iommufd_device_attach().
 */
int iommufd_device_replace(struct iommufd_device *idev, u32 *pt_id)
{
	return dev_change_pt(idev, IOMMU_NO_PASID, pt_id, true);
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_replace, IOMMUFD);

/**
 * iommufd_device_detach() - undo iommufd_device_attach()
 * @idev: an attached device
 *
 * The group is blocked from DMA again when this was its last attached
 * device, and an automatic HWPT left without devices is destroyed.
 */
void iommufd_device_detach(struct iommufd_device *idev)
{
	struct iommufd_hw_pagetable *left;

	left = iommufd_hwpt_remove_device(idev, IOMMU_NO_PASID);
	iommufd_hwpt_drop_device_ref(idev->ictx, left);
	refcount_dec(&idev->obj.users);
}
EXPORT_SYMBOL_NS_GPL(iommufd_device_detach, IOMMUFD);

/* ------------------------------------------------------------------------
 * Accesses
 */

/*
 * Move @access from the IOAS it is on (if any) to @to (if any). Before it
 * leaves, the driver's unmap callback is told to drop every pin in the old
 * IOAS. Afterwards the access owns a users reference on @to and none on
 * the old IOAS; whatever reference the caller used to find @to stays its
 * own.
 */
static int access_switch_ioas(struct iommufd_access *access,
			      struct iommufd_ioas *to)
{
	u32 from_slot = access->iopt_access_list_id;
	struct iommufd_ioas *from = access->cur_ioas;
	int err;

	lockdep_assert_held(&access->ioas_mtx);

	/* Another switch is still releasing pins; it has to finish first */
	if (from != access->pinned_ioas)
		return -EBUSY;
	if (from == to)
		return 0;

	/* No new pins from here on; unpinning still finds @from */
	access->cur_ioas = NULL;

	if (to) {
		err = iopt_add_access(&to->iopt, access);
		if (err) {
			access->cur_ioas = from;
			return err;
		}
		refcount_inc(&to->obj.users);
	}

	if (from) {
		if (access->ops->unmap) {
			/* The callback unpins, which takes ioas_mtx itself */
			mutex_unlock(&access->ioas_mtx);
			access->ops->unmap(access->priv, 0, ULONG_MAX);
			mutex_lock(&access->ioas_mtx);
		}
		iopt_remove_access(&from->iopt, access, from_slot);
		refcount_dec(&from->obj.users);
	}

	access->pinned_ioas = to;
	access->cur_ioas = to;
	return 0;
}

static int access_switch_ioas_id(struct iommufd_access *access, u32 ioas_id)
{
	struct iommufd_ioas *to;
	int err;

	to = iommufd_get_ioas(access->ictx, ioas_id);
	if (IS_ERR(to))
		return PTR_ERR(to);
	err = access_switch_ioas(access, to);
	iommufd_put_object(access->ictx, &to->obj);
	return err;
}

/**
 * iommufd_access_destroy_object() - destroy callback of access objects
 * @obj: the object
 */
void iommufd_access_destroy_object(struct iommufd_object *obj)
{
	struct iommufd_access *access = container_of(obj, struct iommufd_access,
						     obj);

	mutex_lock(&access->ioas_mtx);
	if (access->cur_ioas)
		WARN_ON(access_switch_ioas(access, NULL));
	mutex_unlock(&access->ioas_mtx);

	mutex_destroy(&access->ioas_mtx);
	iommufd_ctx_put(access->ictx);
}

/**
 * iommufd_access_create() - make an in-kernel access to an iommufd
 * @ictx: the context
 * @ops: callbacks of the driver; pinning pages requires @ops->unmap
 * @data: cookie of the driver, passed to the callbacks
 * @id: set to the id of the access object
 *
 * An access reaches IOAS memory with the CPU, through
 * iommufd_access_pin_pages() or iommufd_access_rw(), not by DMA. It has
 * to be attached with iommufd_access_attach() before it can be used.
 *
 * Return: the access or an ERR_PTR (-ENOMEM).
 */
struct iommufd_access *
iommufd_access_create(struct iommufd_ctx *ictx,
		      const struct iommufd_access_ops *ops, void *data, u32 *id)
{
	struct iommufd_access *access;

	/*
	 * Userspace cannot name accesses, but as objects they follow the
	 * same lifetime rules as everything else.
	 */
	access = iommufd_object_alloc(ictx, access, IOMMUFD_OBJ_ACCESS);
	if (IS_ERR(access))
		return access;

	access->ops = ops;
	access->priv = data;
	access->iova_alignment = ops->needs_pin_pages ? PAGE_SIZE : 1;
	mutex_init(&access->ioas_mtx);
	access->ictx = ictx;
	iommufd_ctx_get(ictx);

	/* Owned by the driver until iommufd_access_destroy() */
	refcount_inc(&access->obj.users);
	iommufd_object_finalize(ictx, &access->obj);
	*id = access->obj.id;
	return access;
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_create, IOMMUFD);

/**
 * iommufd_access_destroy() - undo iommufd_access_create()
 * @access: an access the driver no longer uses
 *
 * An attached access is detached first, which runs the unmap callback.
 */
void iommufd_access_destroy(struct iommufd_access *access)
{
	iommufd_object_destroy_user(access->ictx, &access->obj);
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_destroy, IOMMUFD);

/**
 * iommufd_access_detach() - take an access off its IOAS
 * @access: an attached access
 *
 * The unmap callback is run for the whole IOVA space first.
 */
void iommufd_access_detach(struct iommufd_access *access)
{
	mutex_lock(&access->ioas_mtx);
	if (!WARN_ON(!access->cur_ioas))
		WARN_ON(access_switch_ioas(access, NULL));
	mutex_unlock(&access->ioas_mtx);
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_detach, IOMMUFD);

/**
 * iommufd_access_attach() - put an access on an IOAS
 * @access: an access that is not attached
 * @ioas_id: the IOAS
 *
 * Return: 0; -EINVAL when already attached; -ENOENT for a bad id; or the
 * error of joining the IOAS, -EADDRINUSE when the alignment of the access
 * does not fit the existing mappings.
 */
int iommufd_access_attach(struct iommufd_access *access, u32 ioas_id)
{
	int err = -EINVAL;

	mutex_lock(&access->ioas_mtx);
	if (!WARN_ON(access->cur_ioas))
		err = access_switch_ioas_id(access, ioas_id);
	mutex_unlock(&access->ioas_mtx);
	return err;
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_attach, IOMMUFD);

/**
 * iommufd_access_replace() - move an attached access to another IOAS
 * @access: an attached access
 * @ioas_id: the IOAS to move to
 *
 * The unmap callback releases the pins taken in the old IOAS.
 *
 * Return: 0; -ENOENT when the access is not attached or the id is bad; or
 * an error of iommufd_access_attach().
 */
int iommufd_access_replace(struct iommufd_access *access, u32 ioas_id)
{
	int err = -ENOENT;

	mutex_lock(&access->ioas_mtx);
	if (access->cur_ioas)
		err = access_switch_ioas_id(access, ioas_id);
	mutex_unlock(&access->ioas_mtx);
	return err;
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_replace, IOMMUFD);

/**
 * iommufd_access_notify_unmap() - ask the accesses of an IOAS to let go
 * @iopt: the table that is being unmapped
 * @iova: start of the range
 * @length: length of the range in bytes
 *
 * The unmap callback of every access attached to @iopt is called for the
 * range without any iommufd lock held. When this returns, the accesses
 * have released, with iommufd_access_unpin_pages(), all pins they had in
 * the range. Destroying an access waits for a callback that is running, so
 * a callback must never wait for its own access to be destroyed.
 */
void iommufd_access_notify_unmap(struct io_pagetable *iopt, unsigned long iova,
				 unsigned long length)
{
	struct xarray *list = &iopt->access_list;
	struct iommufd_access *access;
	unsigned long slot;

	xa_lock(list);
	xa_for_each(list, slot, access) {
		if (!iommufd_lock_obj(&access->obj))
			continue;
		xa_unlock(list);

		access->ops->unmap(access->priv, iova, length);

		iommufd_put_object(access->ictx, &access->obj);
		xa_lock(list);
	}
	xa_unlock(list);
}

/* Release the access pins of [first, last], which is fully mapped */
static void access_unpin_span(struct io_pagetable *iopt, unsigned long first,
			      unsigned long last)
{
	struct iopt_area_contig_iter iter;
	struct iopt_area *area;

	iopt_for_each_contig_area(&iter, area, iopt, first, last) {
		unsigned long stop = min(last, iopt_area_last_iova(area));

		iopt_area_remove_access(area,
					iopt_area_iova_to_index(area,
								iter.cur_iova),
					iopt_area_iova_to_index(area, stop));
	}
	WARN_ON(!iopt_area_contig_done(&iter));
}

/**
 * iommufd_access_unpin_pages() - undo iommufd_access_pin_pages()
 * @access: the access
 * @iova: the IOVA that was pinned
 * @length: the length that was pinned
 *
 * The range has to be exactly one that was pinned, and the caller must no
 * longer touch its pages.
 */
void iommufd_access_unpin_pages(struct iommufd_access *access,
				unsigned long iova, unsigned long length)
{
	struct io_pagetable *iopt;
	unsigned long last;

	if (WARN_ON(!length) ||
	    WARN_ON(check_add_overflow(iova, length - 1, &last)))
		return;

	mutex_lock(&access->ioas_mtx);
	/* Unpinning without ever having been attached is a driver bug */
	if (!WARN_ON(!access->pinned_ioas)) {
		iopt = &access->pinned_ioas->iopt;
		down_read(&iopt->iova_rwsem);
		access_unpin_span(iopt, iova, last);
		up_read(&iopt->iova_rwsem);
	}
	mutex_unlock(&access->ioas_mtx);
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_unpin_pages, IOMMUFD);

/**
 * struct access_walk - one pass of an access over a span of areas
 * @flags: IOMMUFD_ACCESS_RW_* of the request
 * @whole_pages: the part of each area must start on a page boundary and,
 *	unless the span ends inside the area, end on one
 * @visit: what to do with [@first, @last] of @area
 * @pages: where pinning stores the next page pointers
 * @buf: where copying takes or puts the next byte
 */
struct access_walk {
	unsigned int flags;
	bool whole_pages;
	int (*visit)(struct access_walk *walk, struct iopt_area *area,
		     unsigned long first, unsigned long last);
	struct page **pages;
	void *buf;
};

/* Is the part of the current area that the walk covers made of pages? */
static bool access_span_page_aligned(struct iopt_area_contig_iter *iter)
{
	struct iopt_area *area = iter->area;
	unsigned long end_off;

	if (!PAGE_ALIGNED(iopt_area_start_byte(area, iter->cur_iova)))
		return false;
	if (iopt_area_contig_done(iter))
		return true;
	end_off = iopt_area_start_byte(area, iopt_area_last_iova(area));
	return offset_in_page(end_off) == PAGE_SIZE - 1;
}

static bool access_prot_ok(struct iopt_area *area, unsigned int flags)
{
	int need = (flags & IOMMUFD_ACCESS_RW_WRITE) ? IOMMU_WRITE : IOMMU_READ;

	return area->iommu_prot & need;
}

/*
 * Run @walk over [@iova, @last] of @iopt. *@reached is set to the first
 * IOVA the walk did not complete. Return: 0; -ENOENT when the span is not
 * fully mapped; -EINVAL for areas being unmapped, or not page aligned where
 * that is required; -EPERM for a missing permission; or the error of
 * @walk->visit.
 */
static int access_walk_span(struct io_pagetable *iopt, struct access_walk *walk,
			    unsigned long iova, unsigned long last,
			    unsigned long *reached)
{
	struct iopt_area_contig_iter iter;
	struct iopt_area *area;
	int err;

	lockdep_assert_held(&iopt->iova_rwsem);

	iopt_for_each_contig_area(&iter, area, iopt, iova, last) {
		unsigned long stop = min(last, iopt_area_last_iova(area));

		*reached = iter.cur_iova;
		if (area->prevent_access ||
		    (walk->whole_pages && !access_span_page_aligned(&iter)))
			return -EINVAL;
		if (!access_prot_ok(area, walk->flags))
			return -EPERM;
		err = walk->visit(walk, area, iter.cur_iova, stop);
		if (err)
			return err;
	}
	*reached = iter.cur_iova;
	return iopt_area_contig_done(&iter) ? 0 : -ENOENT;
}

static int access_visit_pin(struct access_walk *walk, struct iopt_area *area,
			    unsigned long first, unsigned long last)
{
	unsigned long from = iopt_area_iova_to_index(area, first);
	unsigned long to = iopt_area_iova_to_index(area, last);
	int err;

	err = iopt_area_add_access(area, from, to, walk->pages, walk->flags);
	if (!err)
		walk->pages += to - from + 1;
	return err;
}

static int access_visit_rw(struct access_walk *walk, struct iopt_area *area,
			   unsigned long first, unsigned long last)
{
	unsigned long len = last - first + 1;
	int err;

	err = iopt_pages_rw_access(area->pages,
				   iopt_area_start_byte(area, first),
				   walk->buf, len, walk->flags);
	if (!err)
		walk->buf += len;
	return err;
}

/*
 * Common part of pin and rw: check the range, take the locks and walk it.
 * On failure of a pin, what was pinned before the failure is released.
 */
static int access_run(struct iommufd_access *access, struct access_walk *walk,
		      unsigned long iova, unsigned long length)
{
	unsigned long last, reached = iova;
	struct io_pagetable *iopt;
	int err;

	if (!length)
		return -EINVAL;
	if (check_add_overflow(iova, length - 1, &last))
		return -EOVERFLOW;

	mutex_lock(&access->ioas_mtx);
	if (!access->cur_ioas) {
		mutex_unlock(&access->ioas_mtx);
		return -ENOENT;
	}
	iopt = &access->cur_ioas->iopt;

	down_read(&iopt->iova_rwsem);
	err = access_walk_span(iopt, walk, iova, last, &reached);
	/* Give back what the areas before the failing point pinned */
	if (err && walk->visit == access_visit_pin && reached > iova)
		access_unpin_span(iopt, iova, reached - 1);
	up_read(&iopt->iova_rwsem);
	mutex_unlock(&access->ioas_mtx);
	return err;
}

/**
 * iommufd_access_pin_pages() - pin the pages under an IOVA range
 * @access: the access; its ops must be able to unmap
 * @iova: start of the range, page aligned within its area
 * @length: bytes to pin
 * @out_pages: receives a struct page pointer for each page of the range
 * @flags: IOMMUFD_ACCESS_RW_WRITE when the pages are going to be written
 *
 * The pages may then be kmap'd. They have to be released again with
 * iommufd_access_unpin_pages() on the same range, at the latest when the
 * unmap callback asks for it.
 *
 * An IOAS aligned to PAGE_SIZE or more accepts any page aligned IOVA. With
 * smaller alignments an area can begin in the middle of a page; such
 * ranges cannot be pinned.
 *
 * Return: 0; -EINVAL for a zero length or a range that is misaligned or
 * being unmapped; -EOVERFLOW; -ENOENT when not attached or not entirely
 * mapped; -EPERM when the mapping does not allow the access; or the error
 * of pinning.
 */
int iommufd_access_pin_pages(struct iommufd_access *access, unsigned long iova,
			     unsigned long length, struct page **out_pages,
			     unsigned int flags)
{
	struct access_walk walk = {
		.flags = flags,
		.whole_pages = true,
		.visit = access_visit_pin,
		.pages = out_pages,
	};

	/* Only drivers that can give pins back may take them */
	if (IS_ENABLED(CONFIG_IOMMUFD_TEST) &&
	    WARN_ON(access->iova_alignment != PAGE_SIZE || !access->ops->unmap))
		return -EINVAL;

	return access_run(access, &walk, iova, length);
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_pin_pages, IOMMUFD);

/**
 * iommufd_access_rw() - copy between a kernel buffer and an IOVA range
 * @access: the access
 * @iova: start of the range, with any alignment
 * @data: the kernel buffer
 * @length: bytes to copy
 * @flags: IOMMUFD_ACCESS_RW_WRITE to copy into the IOVA range, otherwise
 *	the copy goes out of it; IOMMUFD_ACCESS_RW_KTHREAD when the caller
 *	is a kthread borrowing the owner's mm
 *
 * Return: 0; -EINVAL for a zero length or a range being unmapped;
 * -EOVERFLOW; -ENOENT when not attached or not entirely mapped; -EPERM
 * when the mapping does not allow the access; or the error of reaching
 * the memory.
 */
int iommufd_access_rw(struct iommufd_access *access, unsigned long iova,
		      void *data, size_t length, unsigned int flags)
{
	struct access_walk walk = {
		.flags = flags,
		.visit = access_visit_rw,
		.buf = data,
	};

	return access_run(access, &walk, iova, length);
}
EXPORT_SYMBOL_NS_GPL(iommufd_access_rw, IOMMUFD);

/* ------------------------------------------------------------------------
 * IOMMU_GET_HW_INFO
 */

/* The capabilities the PCI PASID capability of @dev has switched on */
static u64 hw_info_pasid_caps(struct device *dev)
{
	u64 caps = 0;
	int ctrl;

	if (!dev_is_pci(dev))
		return 0;

	ctrl = pci_pasid_status(to_pci_dev(dev));
	/* PASID is enabled at probe for every device that reports it */
	WARN_ON_ONCE(ctrl < 0 || !(ctrl & PCI_PASID_CTRL_ENABLE));
	if (ctrl < 0)
		return 0;

	if (ctrl & PCI_PASID_CTRL_EXEC)
		caps |= IOMMU_HW_CAP_PCI_PASID_EXEC;
	if (ctrl & PCI_PASID_CTRL_PRIV)
		caps |= IOMMU_HW_CAP_PCI_PASID_PRIV;
	return caps;
}

/*
 * Ask the driver of @dev to describe its IOMMU in format @wanted. Return:
 * 0 with *@info (NULL from a driver without hw_info), *@len and *@type
 * set, or a negative errno.
 */
static int hw_info_fetch(struct device *dev, u32 wanted, void **info,
			 unsigned int *len, u32 *type)
{
	const struct iommu_ops *ops = dev_iommu_ops(dev);
	void *blob;

	*info = NULL;
	*len = 0;
	*type = IOMMU_HW_INFO_TYPE_NONE;
	if (!ops->hw_info)
		return 0;

	/* The driver reads the wanted type and writes the one it produced */
	*type = wanted;
	blob = ops->hw_info(dev, len, type);
	if (IS_ERR(blob))
		return PTR_ERR(blob);
	/* A driver with hw_info has a type of its own to report */
	if (WARN_ON_ONCE(*type == IOMMU_HW_INFO_TYPE_NONE)) {
		kfree(blob);
		return -ENODEV;
	}
	*info = blob;
	return 0;
}

/*
 * Copy @len bytes of @info into the user buffer of @cmd, truncated to its
 * size, and zero whatever the user buffer has beyond them.
 */
static int hw_info_copy_out(struct iommu_hw_info *cmd, const void *info,
			    unsigned int len)
{
	void __user *ubuf = u64_to_user_ptr(cmd->data_uptr);
	unsigned int n = min(cmd->data_len, len);

	if (copy_to_user(ubuf, info, n))
		return -EFAULT;
	if (n < cmd->data_len && clear_user(ubuf + n, cmd->data_len - n))
		return -EFAULT;
	return 0;
}

/**
 * iommufd_get_hw_info() - IOMMU_GET_HW_INFO
 * @ucmd: the command
 *
 * Reports the driver-specific description of the IOMMU in front of a
 * device (copied up to the user's data_len, the rest of the user buffer
 * cleared, data_len then set to the full size), the generic capabilities
 * and the PASID width.
 *
 * With IOMMU_HW_INFO_FLAG_INPUT_TYPE, in_data_type names the format
 * userspace wants; without it in_data_type is ignored and the driver's
 * default format is reported. A driver that cannot provide the requested
 * format makes the call fail with -EOPNOTSUPP.
 *
 * Return: 0 or a negative errno.
 */
int iommufd_get_hw_info(struct iommufd_ucmd *ucmd)
{
	struct iommu_hw_info *cmd = ucmd->cmd;
	struct iommufd_device *idev;
	unsigned int len;
	void *info;
	u32 type;
	int err;

	if (cmd->flags & ~IOMMU_HW_INFO_FLAG_INPUT_TYPE)
		return -EOPNOTSUPP;
	if (memchr_inv(cmd->__reserved, 0, sizeof(cmd->__reserved)))
		return -EOPNOTSUPP;
	if (!(cmd->flags & IOMMU_HW_INFO_FLAG_INPUT_TYPE))
		cmd->in_data_type = IOMMU_HW_INFO_TYPE_DEFAULT;

	idev = iommufd_device_lookup(ucmd, cmd->dev_id);
	if (IS_ERR(idev))
		return PTR_ERR(idev);

	err = hw_info_fetch(idev->dev, cmd->in_data_type, &info, &len, &type);
	if (err)
		goto put;
	cmd->out_data_type = type;

	/* Also catches a driver that ignored the requested format */
	if (cmd->in_data_type != IOMMU_HW_INFO_TYPE_DEFAULT &&
	    cmd->in_data_type != type) {
		err = -EOPNOTSUPP;
		goto free;
	}

	err = hw_info_copy_out(cmd, info, len);
	if (err)
		goto free;
	/* The full size tells userspace how much the kernel has */
	cmd->data_len = len;

	cmd->out_capabilities = 0;
	if (device_iommu_capable(idev->dev, IOMMU_CAP_DIRTY_TRACKING))
		cmd->out_capabilities |= IOMMU_HW_CAP_DIRTY_TRACKING;

	/*
	 * Drivers switch PASID on at probe whenever the IOMMU and the device
	 * both support it, so max_pasids being non-zero means it is on.
	 */
	cmd->out_max_pasid_log2 = 0;
	if (idev->dev->iommu->max_pasids) {
		cmd->out_max_pasid_log2 = ilog2(idev->dev->iommu->max_pasids);
		cmd->out_capabilities |= hw_info_pasid_caps(idev->dev);
	}

	err = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
free:
	kfree(info);
put:
	iommufd_put_object(ucmd->ictx, &idev->obj);
	return err;
}
