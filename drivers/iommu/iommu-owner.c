// SPDX-License-Identifier: GPL-2.0
/*
 * DMA ownership of groups.
 *
 * A group is used either by the kernel DMA API (drivers bound to its
 * devices that do DMA through the default domain) or by one exclusive owner
 * (VFIO, iommufd) that attaches domains of its own. &iommu_group.owner_cnt
 * counts the users of whichever kind holds the group: bound DMA-API drivers
 * while &iommu_group.owner is NULL, claims of the owner otherwise.
 *
 * Taking ownership parks the group on its blocking domain; giving it back
 * returns the group to its default domain. Attach handles (PASID or RID)
 * must all be gone before ownership changes hands.
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/iommu.h>
#include <linux/xarray.h>

#include "iommu-priv.h"

/**
 * iommu_device_use_default_domain() - a DMA-API driver is about to bind
 * @dev: the device
 *
 * Called by the driver core before probing a driver that does not manage
 * DMA itself.
 *
 * Return: 0 (also for a device without a group); -EPROBE_DEFER while the
 * group has no default domain yet; -EBUSY while the group is used by a DMA
 * owner, is on another domain, or has attach handles.
 */
int iommu_device_use_default_domain(struct device *dev)
{
	struct iommu_group *group = dev->iommu_group;
	int ret = 0;

	if (!group)
		return 0;

	mutex_lock(&group->mutex);
	if (!group->default_domain) {
		/* bus_iommu_probe() has not finished with this group */
		ret = -EPROBE_DEFER;
	} else if (group->owner_cnt &&
		   (group->domain != group->default_domain || group->owner ||
		    !xa_empty(&group->pasid_array))) {
		ret = -EBUSY;
	} else {
		group->owner_cnt++;
	}
	mutex_unlock(&group->mutex);
	return ret;
}

/**
 * iommu_device_unuse_default_domain() - a DMA-API driver has unbound
 * @dev: the device
 *
 * Counterpart of a successful iommu_device_use_default_domain().
 */
void iommu_device_unuse_default_domain(struct device *dev)
{
	struct iommu_group *group = dev->iommu_group;

	if (!group)
		return;

	mutex_lock(&group->mutex);
	if (!WARN_ON(!group->owner_cnt || !xa_empty(&group->pasid_array)))
		group->owner_cnt--;
	mutex_unlock(&group->mutex);
}

/*
 * Make sure the group has a blocking domain: the driver's static one, or a
 * BLOCKED domain it allocates, or, for drivers that know no BLOCKED type,
 * an UNMANAGED domain with nothing mapped.
 */
static int __iommu_group_alloc_blocking_domain(struct iommu_group *group)
{
	struct iommu_domain *domain;

	lockdep_assert_held(&group->mutex);

	if (group->blocking_domain)
		return 0;

	domain = __iommu_group_domain_alloc(group, IOMMU_DOMAIN_BLOCKED);
	if (IS_ERR(domain))
		domain = __iommu_group_domain_alloc(group,
						    IOMMU_DOMAIN_UNMANAGED);
	if (IS_ERR(domain))
		return PTR_ERR(domain);

	group->blocking_domain = domain;
	return 0;
}

static int __iommu_take_dma_ownership(struct iommu_group *group, void *owner)
{
	int ret;

	lockdep_assert_held(&group->mutex);

	if ((group->domain && group->domain != group->default_domain) ||
	    !xa_empty(&group->pasid_array))
		return -EBUSY;

	ret = __iommu_group_alloc_blocking_domain(group);
	if (ret)
		return ret;

	ret = __iommu_group_set_domain(group, group->blocking_domain);
	if (ret)
		return ret;

	group->owner = owner;
	group->owner_cnt++;
	return 0;
}

static void __iommu_release_dma_ownership(struct iommu_group *group)
{
	lockdep_assert_held(&group->mutex);

	if (WARN_ON(!group->owner_cnt || !group->owner ||
		    !xa_empty(&group->pasid_array)))
		return;

	group->owner_cnt = 0;
	group->owner = NULL;
	__iommu_group_set_domain_nofail(group, group->default_domain);
}

/**
 * iommu_group_claim_dma_owner() - take exclusive DMA ownership of a group
 * @group: the group
 * @owner: a cookie identifying the owner, not NULL
 *
 * For VFIO's group interface. On success the group is on its blocking
 * domain.
 *
 * Return: 0; -EINVAL for a NULL owner; -EPERM if a DMA-API driver is bound
 * or the group is claimed already; -EBUSY if the group is on a non-default
 * domain or has attach handles; -EINVAL if a member requires direct
 * mappings; or the allocation/attach error.
 */
int iommu_group_claim_dma_owner(struct iommu_group *group, void *owner)
{
	int ret;

	if (WARN_ON(!owner))
		return -EINVAL;

	mutex_lock(&group->mutex);
	if (group->owner_cnt)
		ret = -EPERM;
	else
		ret = __iommu_take_dma_ownership(group, owner);
	mutex_unlock(&group->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(iommu_group_claim_dma_owner);

/**
 * iommu_device_claim_dma_owner() - take DMA ownership through one device
 * @dev: the device
 * @owner: a cookie identifying the owner, not NULL
 *
 * Several devices of a group may claim it with the same @owner; each claim
 * is counted and the domain does not change after the first.
 *
 * Return: 0; -EINVAL for a NULL owner; -ENODEV without a group; -EPERM if
 * the group is held by DMA-API drivers or another owner; otherwise as
 * iommu_group_claim_dma_owner().
 */
int iommu_device_claim_dma_owner(struct device *dev, void *owner)
{
	struct iommu_group *group = dev->iommu_group;
	int ret = 0;

	if (WARN_ON(!owner))
		return -EINVAL;
	if (!group)
		return -ENODEV;

	mutex_lock(&group->mutex);
	if (!group->owner_cnt)
		ret = __iommu_take_dma_ownership(group, owner);
	else if (group->owner != owner)
		ret = -EPERM;
	else
		group->owner_cnt++;
	mutex_unlock(&group->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(iommu_device_claim_dma_owner);

/**
 * iommu_group_release_dma_owner() - give back a group claimed as a whole
 * @group: the group
 *
 * The group returns to its default domain.
 */
void iommu_group_release_dma_owner(struct iommu_group *group)
{
	mutex_lock(&group->mutex);
	__iommu_release_dma_ownership(group);
	mutex_unlock(&group->mutex);
}
EXPORT_SYMBOL_GPL(iommu_group_release_dma_owner);

/**
 * iommu_device_release_dma_owner() - give back one device's claim
 * @dev: the device
 *
 * The last claim returns the group to its default domain.
 */
void iommu_device_release_dma_owner(struct device *dev)
{
	struct iommu_group *group = dev->iommu_group;

	mutex_lock(&group->mutex);
	if (group->owner_cnt > 1)
		group->owner_cnt--;
	else
		__iommu_release_dma_ownership(group);
	mutex_unlock(&group->mutex);
}
EXPORT_SYMBOL_GPL(iommu_device_release_dma_owner);

/**
 * iommu_group_dma_owner_claimed() - is the group in use?
 * @group: the group
 *
 * True while either an owner or a bound DMA-API driver holds it. The answer
 * may be stale by the time the caller looks at it.
 *
 * Return: true if owner_cnt is non-zero.
 */
bool iommu_group_dma_owner_claimed(struct iommu_group *group)
{
	unsigned int users;

	mutex_lock(&group->mutex);
	users = group->owner_cnt;
	mutex_unlock(&group->mutex);
	return users != 0;
}
EXPORT_SYMBOL_GPL(iommu_group_dma_owner_claimed);
