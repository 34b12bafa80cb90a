// SPDX-License-Identifier: GPL-2.0
/*
 * Who may program a group's translation: the kernel DMA API, or a single
 * exclusive owner such as VFIO or iommufd.
 *
 * The pair (&iommu_group.owner, &iommu_group.owner_cnt) encodes the state:
 *
 *   owner   owner_cnt   meaning
 *   NULL    0           nobody uses the group
 *   NULL    n > 0       n drivers bound to members use the DMA API
 *   cookie  n > 0       the owner identified by cookie holds n claims
 *
 * An owner's first claim moves the group to its blocking domain, and its
 * last release moves the group back to the default domain. While the PASID
 * array holds anything (PASID or RID attach handles) the state is frozen.
 */

#include <linux/device.h>
#include <linux/export.h>
#include <linux/iommu.h>
#include <linux/mutex.h>
#include <linux/xarray.h>

#include "iommu-priv.h"

/* Does anything sit in the group's PASID array (RID handle included)? */
static bool grp_has_attachments(struct iommu_group *grp)
{
	return !xa_empty(&grp->pasid_array);
}

/*
 * Has the kernel lost control of the group's translation? It has when an
 * owner holds the group, when the group was moved off its default domain,
 * or when something is attached through the PASID array.
 */
static bool grp_dma_api_displaced(struct iommu_group *grp)
{
	if (grp->owner || grp_has_attachments(grp))
		return true;
	return grp->domain != grp->default_domain;
}

/* One more DMA-API driver wants to use the group */
static int grp_dma_api_join(struct iommu_group *grp)
{
	lockdep_assert_held(&grp->mutex);

	/* The group exists but bus probing has not given it a domain yet */
	if (!grp->default_domain)
		return -EPROBE_DEFER;
	if (grp->owner_cnt && grp_dma_api_displaced(grp))
		return -EBUSY;
	grp->owner_cnt++;
	return 0;
}

/**
 * iommu_device_use_default_domain() - a DMA-API driver is about to bind
 * @dev: the device the driver binds to
 *
 * The driver core calls this before probing a driver that leaves DMA
 * management to the kernel. Devices outside any group need nothing.
 *
 * Return: 0 on success (and for a device without a group); -EPROBE_DEFER
 * while the group's default domain does not exist yet; -EBUSY while other
 * users hold the group and it is owned, off its default domain, or has
 * attach handles.
 */
int iommu_device_use_default_domain(struct device *dev)
{
	struct iommu_group *grp = dev->iommu_group;
	int rc;

	if (!grp)
		return 0;

	mutex_lock(&grp->mutex);
	rc = grp_dma_api_join(grp);
	mutex_unlock(&grp->mutex);
	return rc;
}

/**
 * iommu_device_unuse_default_domain() - a DMA-API driver has unbound
 * @dev: the device the driver was bound to
 *
 * Drops the count taken by a successful iommu_device_use_default_domain().
 */
void iommu_device_unuse_default_domain(struct device *dev)
{
	struct iommu_group *grp = dev->iommu_group;

	if (!grp)
		return;

	mutex_lock(&grp->mutex);
	if (!WARN_ON(!grp->owner_cnt || grp_has_attachments(grp)))
		grp->owner_cnt--;
	mutex_unlock(&grp->mutex);
}

/*
 * The domain an owned group is parked on. It is created on the first
 * claim and lives as long as the group: a BLOCKED domain when the driver
 * offers one, else an UNMANAGED domain in which nothing is ever mapped.
 */
static struct iommu_domain *grp_parking_domain(struct iommu_group *grp)
{
	static const unsigned int candidates[] = {
		IOMMU_DOMAIN_BLOCKED,
		IOMMU_DOMAIN_UNMANAGED,
	};
	struct iommu_domain *dom = ERR_PTR(-EOPNOTSUPP);
	unsigned int i;

	lockdep_assert_held(&grp->mutex);

	if (grp->blocking_domain)
		return grp->blocking_domain;

	for (i = 0; i < ARRAY_SIZE(candidates); i++) {
		dom = iommu_grp_domain_alloc(grp, candidates[i]);
		if (!IS_ERR(dom)) {
			grp->blocking_domain = dom;
			break;
		}
	}
	return dom;
}

/* Hand a group nobody uses to @owner and park it on the blocking domain */
static int grp_owner_enter(struct iommu_group *grp, void *owner)
{
	struct iommu_domain *parking;
	int rc;

	lockdep_assert_held(&grp->mutex);

	if (grp_has_attachments(grp))
		return -EBUSY;
	if (grp->domain && grp->domain != grp->default_domain)
		return -EBUSY;

	parking = grp_parking_domain(grp);
	if (IS_ERR(parking))
		return PTR_ERR(parking);

	rc = iommu_grp_move(grp, parking);
	if (rc)
		return rc;

	grp->owner_cnt = 1;
	grp->owner = owner;
	return 0;
}

/* The owner's last claim is gone: the kernel takes the group back */
static void grp_owner_leave(struct iommu_group *grp)
{
	bool broken;

	lockdep_assert_held(&grp->mutex);

	broken = !grp->owner || !grp->owner_cnt || grp_has_attachments(grp);
	if (WARN_ON(broken))
		return;

	grp->owner = NULL;
	grp->owner_cnt = 0;
	iommu_grp_move_nofail(grp, grp->default_domain);
}

/**
 * iommu_group_claim_dma_owner() - take a whole group for exclusive use
 * @group: the group
 * @owner: non-NULL cookie naming the owner
 *
 * VFIO's group interface uses this. Afterwards the group is blocked until
 * the owner attaches a domain of its own.
 *
 * Return: 0 on success; -EINVAL for a NULL @owner; -EPERM if the group is
 * in use by DMA-API drivers or was claimed already; -EBUSY if it is on a
 * domain other than its default one or has attach handles; -EINVAL if a
 * member needs its direct mappings; otherwise the error of allocating or
 * attaching the blocking domain.
 */
int iommu_group_claim_dma_owner(struct iommu_group *group, void *owner)
{
	int rc = -EPERM;

	if (WARN_ON(!owner))
		return -EINVAL;

	mutex_lock(&group->mutex);
	if (!group->owner_cnt)
		rc = grp_owner_enter(group, owner);
	mutex_unlock(&group->mutex);
	return rc;
}
EXPORT_SYMBOL_GPL(iommu_group_claim_dma_owner);

/**
 * iommu_group_release_dma_owner() - undo iommu_group_claim_dma_owner()
 * @group: the group
 *
 * The group goes back to its default domain.
 */
void iommu_group_release_dma_owner(struct iommu_group *group)
{
	mutex_lock(&group->mutex);
	grp_owner_leave(group);
	mutex_unlock(&group->mutex);
}
EXPORT_SYMBOL_GPL(iommu_group_release_dma_owner);

/**
 * iommu_device_claim_dma_owner() - take a device's group for exclusive use
 * @dev: the device
 * @owner: non-NULL cookie naming the owner
 *
 * Every member of a group may be claimed by the same @owner. The first
 * claim moves the group to its blocking domain; later ones are counted.
 *
 * Return: 0 on success; -EINVAL for a NULL @owner; -ENODEV if @dev has no
 * group; -EPERM if DMA-API drivers or a different owner hold the group;
 * otherwise the errors of iommu_group_claim_dma_owner().
 */
int iommu_device_claim_dma_owner(struct device *dev, void *owner)
{
	struct iommu_group *grp = dev->iommu_group;
	int rc = 0;

	if (WARN_ON(!owner))
		return -EINVAL;
	if (!grp)
		return -ENODEV;

	mutex_lock(&grp->mutex);
	if (!grp->owner_cnt)
		rc = grp_owner_enter(grp, owner);
	else if (grp->owner == owner)
		grp->owner_cnt++;
	else
		rc = -EPERM;
	mutex_unlock(&grp->mutex);
	return rc;
}
EXPORT_SYMBOL_GPL(iommu_device_claim_dma_owner);

/**
 * iommu_device_release_dma_owner() - drop one claim made through a device
 * @dev: the device passed to iommu_device_claim_dma_owner()
 *
 * Releasing the last claim returns the group to its default domain.
 */
void iommu_device_release_dma_owner(struct device *dev)
{
	struct iommu_group *grp = dev->iommu_group;

	mutex_lock(&grp->mutex);
	if (grp->owner_cnt <= 1)
		grp_owner_leave(grp);
	else
		grp->owner_cnt--;
	mutex_unlock(&grp->mutex);
}
EXPORT_SYMBOL_GPL(iommu_device_release_dma_owner);

/**
 * iommu_group_dma_owner_claimed() - does anyone use the group?
 * @group: the group
 *
 * Either an exclusive owner or DMA-API drivers count. The answer is only a
 * snapshot; it may change as soon as the lock is dropped.
 *
 * Return: true if the group has any user.
 */
bool iommu_group_dma_owner_claimed(struct iommu_group *group)
{
	unsigned int users;

	mutex_lock(&group->mutex);
	users = group->owner_cnt;
	mutex_unlock(&group->mutex);
	return users > 0;
}
EXPORT_SYMBOL_GPL(iommu_group_dma_owner_claimed);
