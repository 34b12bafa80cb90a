// SPDX-License-Identifier: GPL-2.0
/*
 * IOMMU domains: allocation, freeing, and attaching them to groups.
 *
 * A group is always attached as a whole: group->domain is the translation
 * of every member. Changing it calls the driver's attach_dev() for each
 * member in list order; when one fails, the members already switched are
 * put back on the previous domain, so the group never ends up split.
 */

#define pr_fmt(fmt)    "iommu: " fmt

#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/sched/mm.h>

#include "dma-iommu.h"
#include "iommu-priv.h"

/*
 * The name the core uses for a driver in its diagnostics: the name of the
 * instance device (&iommu_device.dev, e.g. "dmar0" as given to
 * iommu_device_sysfs_add()) when the driver has one, and "unnamed"
 * otherwise.
 */
static const char *iommu_driver_name(struct device *dev)
{
	struct iommu_device *iommu = dev->iommu ? dev->iommu->iommu_dev : NULL;

	if (iommu && iommu->dev)
		return dev_name(iommu->dev);
	return "unnamed";
}

/**
 * iommu_check_attach_result() - enforce the attach errno contract
 * @dev: the device the driver was asked to attach
 * @ret: what the driver's attach_dev() or set_dev_pasid() returned
 * @op: the name of the op, for the message
 *
 * Every return value of a driver's attach_dev() and set_dev_pasid() passes
 * through here. A value outside {0, -ENOMEM, -EINVAL, -EBUSY, -ENODEV,
 * -ENOSPC} triggers a WARN from this function whose message reads
 * "IOMMU driver <name> broke the attach errno contract: <op>() returned
 * <errno> for <device>", where <name> is the instance device name (see
 * &iommu_device.dev) or "unnamed". The core then treats the value as
 * -ENODEV in its own decisions (iommu_attach_errno_class()), while callers
 * of the public API receive @ret itself.
 *
 * Return: @ret, unchanged.
 */
int iommu_check_attach_result(struct device *dev, int ret, const char *op)
{
	if (likely(iommu_attach_errno_ok(ret)))
		return ret;

	WARN(1, "IOMMU driver %s broke the attach errno contract: %s() returned %d for %s\n",
	     iommu_driver_name(dev), op, ret, dev_name(dev));
	return ret;
}

/* Finish a domain a driver allocator handed back */
static void iommu_domain_init_core_fields(struct iommu_domain *domain,
					  const struct iommu_ops *ops,
					  unsigned int type)
{
	domain->type = type;
	domain->owner = ops;
	/* Drivers may leave the page sizes and ops to the ops-wide defaults */
	if (!domain->pgsize_bitmap)
		domain->pgsize_bitmap = ops->pgsize_bitmap;
	if (!domain->ops)
		domain->ops = ops->default_domain_ops;
}

/**
 * __iommu_domain_alloc() - allocate a domain of a given type from a driver
 * @ops: the driver
 * @dev: the device the domain is for; NULL only for iommu_domain_alloc()
 * @type: the IOMMU_DOMAIN_* type, flush-queue bit included
 *
 * The driver is asked in this order:
 *
 *  1. IDENTITY with &iommu_ops.identity_domain, or BLOCKED with
 *     &iommu_ops.blocked_domain: the static domain is returned untouched.
 *  2. IDENTITY with &iommu_ops.domain_alloc_identity: that op, for @dev.
 *  3. A paging type with &iommu_ops.domain_alloc_paging: that op.
 *  4. &iommu_ops.domain_alloc, with the flush-queue bit removed.
 *  5. Otherwise -EOPNOTSUPP.
 *
 * A NULL from the driver becomes -ENOMEM; an ERR_PTR is passed on. The
 * core sets type and owner, fills pgsize_bitmap and ops from @ops if the
 * driver left them empty, and gives DMA-API domains their IOVA cookie.
 *
 * Return: the domain or an ERR_PTR.
 */
struct iommu_domain *__iommu_domain_alloc(const struct iommu_ops *ops,
					  struct device *dev,
					  unsigned int type)
{
	unsigned int alloc_type = type & IOMMU_DOMAIN_ALLOC_FLAGS;
	struct iommu_domain *domain;
	int ret;

	if (alloc_type == IOMMU_DOMAIN_IDENTITY && ops->identity_domain)
		return ops->identity_domain;
	if (alloc_type == IOMMU_DOMAIN_BLOCKED && ops->blocked_domain)
		return ops->blocked_domain;

	if (alloc_type == IOMMU_DOMAIN_IDENTITY && dev &&
	    ops->domain_alloc_identity)
		domain = ops->domain_alloc_identity(dev);
	else if ((type & __IOMMU_DOMAIN_PAGING) && ops->domain_alloc_paging)
		domain = ops->domain_alloc_paging(dev);
	else if (ops->domain_alloc)
		domain = ops->domain_alloc(alloc_type);
	else
		return ERR_PTR(-EOPNOTSUPP);

	if (IS_ERR(domain))
		return domain;
	if (!domain)
		return ERR_PTR(-ENOMEM);

	iommu_domain_init_core_fields(domain, ops, type);

	if (iommu_is_dma_domain(domain)) {
		ret = iommu_get_dma_cookie(domain);
		if (ret) {
			iommu_domain_free(domain);
			return ERR_PTR(ret);
		}
	}
	return domain;
}

/*
 * For a driver deciding identity per device, an identity domain is only
 * usable by the group if every member can have identity: ask for each of
 * the other members too and keep the first answer.
 */
static int iommu_group_check_identity(struct iommu_group *group,
				      const struct iommu_ops *ops,
				      struct iommu_domain *domain)
{
	struct device *first = iommu_group_first_dev(group);
	struct group_device *gdev;

	for_each_group_device(group, gdev) {
		struct iommu_domain *other;

		if (gdev->dev == first)
			continue;
		other = __iommu_domain_alloc(ops, gdev->dev,
					     IOMMU_DOMAIN_IDENTITY);
		if (IS_ERR(other))
			return PTR_ERR(other);
		if (other != domain)
			iommu_domain_free(other);
	}
	return 0;
}

/**
 * __iommu_group_domain_alloc() - allocate a domain for a whole group
 * @group: the group; group->mutex held and at least one member
 * @type: the IOMMU_DOMAIN_* type
 *
 * The first member's driver allocates, for the first member. For identity
 * domains of drivers with &iommu_ops.domain_alloc_identity (and no static
 * identity domain), every member must be able to have identity.
 *
 * Return: the domain or an ERR_PTR.
 */
struct iommu_domain *__iommu_group_domain_alloc(struct iommu_group *group,
						unsigned int type)
{
	struct device *dev = iommu_group_first_dev(group);
	const struct iommu_ops *ops = dev_iommu_ops(dev);
	struct iommu_domain *domain;
	int ret;

	domain = __iommu_domain_alloc(ops, dev, type);
	if (IS_ERR(domain))
		return domain;

	if ((type & IOMMU_DOMAIN_ALLOC_FLAGS) == IOMMU_DOMAIN_IDENTITY &&
	    ops->domain_alloc_identity && !ops->identity_domain &&
	    !list_is_singular(&group->devices)) {
		ret = iommu_group_check_identity(group, ops, domain);
		if (ret) {
			iommu_domain_free(domain);
			return ERR_PTR(ret);
		}
	}
	return domain;
}

/* bus_for_each_dev() callback: find the single driver serving a bus */
static int __iommu_domain_alloc_dev(struct device *dev, void *data)
{
	const struct iommu_ops **ops = data;

	if (!dev_has_iommu(dev))
		return 0;

	if (WARN_ONCE(*ops && *ops != dev_iommu_ops(dev),
		      "several IOMMU drivers serve bus %s; iommu_domain_alloc() cannot choose\n",
		      dev->bus ? dev->bus->name : "?"))
		return -EBUSY;

	*ops = dev_iommu_ops(dev);
	return 0;
}

/**
 * iommu_domain_alloc() - allocate an UNMANAGED domain for a bus (legacy)
 * @bus: the bus whose IOMMU driver should allocate
 *
 * Superseded by iommu_paging_domain_alloc(). The driver's
 * domain_alloc_paging() is called with a NULL device.
 *
 * Return: the domain, or NULL on any failure (no driver, several drivers
 * on the bus, allocation failure).
 */
struct iommu_domain *iommu_domain_alloc(const struct bus_type *bus)
{
	const struct iommu_ops *ops = NULL;
	struct iommu_domain *domain;

	if (bus_for_each_dev(bus, NULL, &ops, __iommu_domain_alloc_dev) || !ops)
		return NULL;

	domain = __iommu_domain_alloc(ops, NULL, IOMMU_DOMAIN_UNMANAGED);
	return IS_ERR(domain) ? NULL : domain;
}
EXPORT_SYMBOL_GPL(iommu_domain_alloc);

/**
 * iommu_paging_domain_alloc() - allocate an UNMANAGED domain for a device
 * @dev: the device the domain will be attached to
 *
 * Return: the domain, ERR_PTR(-ENODEV) if @dev has no IOMMU, or the
 * allocation error.
 */
struct iommu_domain *iommu_paging_domain_alloc(struct device *dev)
{
	if (!dev_has_iommu(dev))
		return ERR_PTR(-ENODEV);

	return __iommu_domain_alloc(dev_iommu_ops(dev), dev,
				    IOMMU_DOMAIN_UNMANAGED);
}
EXPORT_SYMBOL_GPL(iommu_paging_domain_alloc);

/**
 * iommu_domain_free() - free a domain
 * @domain: the domain; it must not be attached anywhere
 *
 * Drops the mm of an SVA domain and the DMA cookie, then calls the driver's
 * free op. Static domains have no free op, so freeing them does nothing.
 */
void iommu_domain_free(struct iommu_domain *domain)
{
	if (domain->type == IOMMU_DOMAIN_SVA)
		mmdrop(domain->mm);
	iommu_put_dma_cookie(domain);
	if (domain->ops->free)
		domain->ops->free(domain);
}
EXPORT_SYMBOL_GPL(iommu_domain_free);

/**
 * __iommu_attach_device() - call the driver to attach one device
 * @domain: the domain
 * @dev: the device
 *
 * The driver's return value goes through iommu_check_attach_result().
 *
 * Return: 0, -ENODEV if the domain cannot be attached at all (no
 * attach_dev op), or the driver's errno.
 */
int __iommu_attach_device(struct iommu_domain *domain, struct device *dev)
{
	int ret;

	if (unlikely(!domain->ops->attach_dev))
		return -ENODEV;

	ret = domain->ops->attach_dev(domain, dev);
	ret = iommu_check_attach_result(dev, ret, "attach_dev");
	if (ret)
		return ret;

	dev->iommu->attach_deferred = 0;
	return 0;
}

/**
 * iommu_attach_release_domain() - attach the driver's release_domain
 * @dev: a device about to be released
 *
 * The result is checked against the contract but otherwise ignored: the
 * device is going away either way.
 */
void iommu_attach_release_domain(struct device *dev)
{
	struct iommu_domain *release = dev_iommu_ops(dev)->release_domain;
	int ret;

	if (WARN_ON(!release->ops->attach_dev))
		return;
	ret = release->ops->attach_dev(release, dev);
	iommu_check_attach_result(dev, ret, "attach_dev");
}

/*
 * A device with firmware-mandated 1:1 mappings cannot go to a domain that
 * blocks everything; the core refuses before asking the driver.
 */
static bool iommu_dev_refuses_domain(struct iommu_group *group,
				     struct device *dev,
				     struct iommu_domain *new_domain)
{
	return dev->iommu->require_direct &&
	       (new_domain->type == IOMMU_DOMAIN_BLOCKED ||
		new_domain == group->blocking_domain);
}

/**
 * __iommu_device_set_domain() - move one group member to a domain
 * @group: the group; group->mutex held
 * @dev: the member
 * @new_domain: the domain
 * @flags: IOMMU_SET_DOMAIN_* flags
 *
 * A device with IOMMU_RESV_DIRECT regions refuses blocking domains with
 * -EINVAL. A device whose attach is deferred skips the driver call when
 * asked for the default domain; any other domain ends the deferral. With
 * IOMMU_SET_DOMAIN_MUST_SUCCEED a failing device is parked on the blocking
 * domain if the group has one.
 *
 * Return: 0 or an errno.
 */
int __iommu_device_set_domain(struct iommu_group *group, struct device *dev,
			      struct iommu_domain *new_domain,
			      unsigned int flags)
{
	int ret;

	lockdep_assert_held(&group->mutex);

	if (iommu_dev_refuses_domain(group, dev, new_domain)) {
		dev_warn(dev,
			 "firmware requires this device to keep its 1:1 mappings; refusing a blocking domain\n");
		return -EINVAL;
	}

	if (dev->iommu->attach_deferred) {
		if (new_domain == group->default_domain)
			return 0;
		dev->iommu->attach_deferred = 0;
	}

	ret = __iommu_attach_device(new_domain, dev);
	if (!ret)
		return 0;

	/*
	 * Leaving the device on a domain that may be freed is worse than
	 * blocking it; a blocking domain is the safest place to park it.
	 */
	if ((flags & IOMMU_SET_DOMAIN_MUST_SUCCEED) && group->blocking_domain &&
	    group->blocking_domain != new_domain)
		__iommu_attach_device(group->blocking_domain, dev);
	return ret;
}

/**
 * __iommu_group_set_domain_internal() - move a whole group to a domain
 * @group: the group; group->mutex held
 * @new_domain: the domain, not NULL
 * @flags: IOMMU_SET_DOMAIN_* flags
 *
 * Members are switched in list order. Without MUST_SUCCEED, the first
 * failure puts the members switched so far, the failing one included
 * unless the core refused it before calling the driver, back on the
 * current domain (nothing to put back during the very first attach, when
 * there is no current domain) and group->domain stays as it was. With
 * MUST_SUCCEED every member is tried, group->domain becomes @new_domain
 * regardless, and the last error is returned.
 *
 * During the switch DMA may be dropped, but it only ever reaches the old or
 * the new domain.
 *
 * Return: 0 or an errno.
 */
int __iommu_group_set_domain_internal(struct iommu_group *group,
				      struct iommu_domain *new_domain,
				      unsigned int flags)
{
	const unsigned int restore = IOMMU_SET_DOMAIN_MUST_SUCCEED;
	struct group_device *gdev, *failed = NULL;
	int result = 0;
	int ret;

	lockdep_assert_held(&group->mutex);

	if (group->domain == new_domain)
		return 0;
	if (WARN_ON(!new_domain))
		return -EINVAL;

	for_each_group_device(group, gdev) {
		ret = __iommu_device_set_domain(group, gdev->dev, new_domain,
						flags);
		if (!ret)
			continue;
		result = ret;
		if (!(flags & IOMMU_SET_DOMAIN_MUST_SUCCEED)) {
			failed = gdev;
			break;
		}
	}

	if (!failed) {
		group->domain = new_domain;
		return result;
	}

	/*
	 * Roll back up to and including the member that failed: a driver
	 * whose attach_dev() failed may have left that device anywhere. A
	 * member the core refused never reached the driver and is still on
	 * the current domain.
	 */
	if (group->domain) {
		for_each_group_device(group, gdev) {
			if (gdev == failed &&
			    iommu_dev_refuses_domain(group, gdev->dev, new_domain))
				break;
			ret = __iommu_device_set_domain(group, gdev->dev,
							group->domain, restore);
			WARN_ON(ret);
			if (gdev == failed)
				break;
		}
	}
	return result;
}

/**
 * __iommu_group_set_domain() - move a group to a domain, all or nothing
 * @group: the group; group->mutex held
 * @new_domain: the domain
 *
 * Return: 0, or an errno with the group still on its current domain.
 */
int __iommu_group_set_domain(struct iommu_group *group,
			     struct iommu_domain *new_domain)
{
	return __iommu_group_set_domain_internal(group, new_domain, 0);
}

/**
 * __iommu_group_set_domain_nofail() - move a group to a core domain
 * @group: the group; group->mutex held
 * @new_domain: the default or blocking domain
 *
 * Drivers must always accept a core domain that worked before; failures
 * are a driver bug and WARN.
 */
void __iommu_group_set_domain_nofail(struct iommu_group *group,
				     struct iommu_domain *new_domain)
{
	int ret;

	ret = __iommu_group_set_domain_internal(group, new_domain,
						IOMMU_SET_DOMAIN_MUST_SUCCEED);
	WARN_ON(ret);
}

/**
 * __iommu_group_set_core_domain() - return a group to the kernel's domain
 * @group: the group; group->mutex held
 *
 * That is the blocking domain while a DMA owner holds the group, and the
 * default domain otherwise.
 */
void __iommu_group_set_core_domain(struct iommu_group *group)
{
	lockdep_assert_held(&group->mutex);

	__iommu_group_set_domain_nofail(group, group->owner ?
					group->blocking_domain :
					group->default_domain);
}

/**
 * __iommu_attach_group() - the checks and work of iommu_attach_group()
 * @domain: the domain
 * @group: the group; group->mutex held
 *
 * Return: 0; -EBUSY if the group is on a domain that is neither its default
 * nor its blocking domain (even if that is @domain itself); -EINVAL if
 * @domain was not allocated by the group's driver (static domains never
 * were); or the error of the attach.
 */
int __iommu_attach_group(struct iommu_domain *domain,
			 struct iommu_group *group)
{
	struct device *dev;

	lockdep_assert_held(&group->mutex);

	if (group->domain && group->domain != group->default_domain &&
	    group->domain != group->blocking_domain)
		return -EBUSY;

	dev = iommu_group_first_dev(group);
	if (!dev_has_iommu(dev) || dev_iommu_ops(dev) != domain->owner)
		return -EINVAL;

	return __iommu_group_set_domain(group, domain);
}

/**
 * iommu_attach_device() - attach a domain to a device alone in its group
 * @domain: the domain
 * @dev: the device
 *
 * Return: 0; -ENODEV if @dev has no group; -EINVAL if its group has other
 * members; otherwise as iommu_attach_group(). -EINVAL is a soft failure:
 * another domain may still attach.
 */
int iommu_attach_device(struct iommu_domain *domain, struct device *dev)
{
	struct iommu_group *group = dev->iommu_group;
	int ret = -EINVAL;

	if (!group)
		return -ENODEV;

	mutex_lock(&group->mutex);
	/* The member count must not change under us */
	if (list_is_singular(&group->devices))
		ret = __iommu_attach_group(domain, group);
	mutex_unlock(&group->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(iommu_attach_device);

/**
 * iommu_deferred_attach() - perform a deferred default domain attach
 * @dev: the device
 * @domain: its default domain
 *
 * Called from the DMA API on first use. Runs without the group mutex.
 *
 * Return: 0 if nothing was deferred, else the attach result.
 */
int iommu_deferred_attach(struct device *dev, struct iommu_domain *domain)
{
	if (dev->iommu && dev->iommu->attach_deferred)
		return __iommu_attach_device(domain, dev);
	return 0;
}

/**
 * iommu_detach_device() - undo iommu_attach_device()
 * @domain: the domain attached with iommu_attach_device()
 * @dev: the device
 *
 * WARNs and does nothing if @domain is not the group's domain or the group
 * has other members.
 */
void iommu_detach_device(struct iommu_domain *domain, struct device *dev)
{
	struct iommu_group *group = dev->iommu_group;

	if (!group)
		return;

	mutex_lock(&group->mutex);
	if (!WARN_ON(domain != group->domain) &&
	    !WARN_ON(!list_is_singular(&group->devices)))
		__iommu_group_set_core_domain(group);
	mutex_unlock(&group->mutex);
}
EXPORT_SYMBOL_GPL(iommu_detach_device);

/**
 * iommu_get_domain_for_dev() - the domain a device is attached to
 * @dev: the device
 *
 * Return: the group's current domain, or NULL without a group.
 */
struct iommu_domain *iommu_get_domain_for_dev(struct device *dev)
{
	struct iommu_group *group = dev->iommu_group;

	return group ? group->domain : NULL;
}
EXPORT_SYMBOL_GPL(iommu_get_domain_for_dev);

/**
 * iommu_get_dma_domain() - the default domain of a device's group
 * @dev: a device known to be in a group with a default domain
 *
 * For the DMA API, which already guarantees both.
 *
 * Return: the default domain.
 */
struct iommu_domain *iommu_get_dma_domain(struct device *dev)
{
	return dev->iommu_group->default_domain;
}

/**
 * iommu_attach_group() - attach a domain to every device of a group
 * @domain: a domain allocated by the group's driver
 * @group: the group
 *
 * Allowed while the group is on its default or blocking domain; DMA
 * ownership is not checked (callers claim it first).
 *
 * Return: as __iommu_attach_group(). -EINVAL is a soft failure: another
 * domain may still attach.
 */
int iommu_attach_group(struct iommu_domain *domain, struct iommu_group *group)
{
	int ret;

	mutex_lock(&group->mutex);
	ret = __iommu_attach_group(domain, group);
	mutex_unlock(&group->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(iommu_attach_group);

/**
 * iommu_detach_group() - return a group to the kernel's domain
 * @domain: ignored
 * @group: the group
 *
 * The group goes back to its blocking domain while it has a DMA owner, to
 * its default domain otherwise.
 */
void iommu_detach_group(struct iommu_domain *domain, struct iommu_group *group)
{
	mutex_lock(&group->mutex);
	__iommu_group_set_core_domain(group);
	mutex_unlock(&group->mutex);
}
EXPORT_SYMBOL_GPL(iommu_detach_group);

/**
 * iommu_group_replace_domain() - switch a group straight to another domain
 * @group: the group
 * @new_domain: the domain
 *
 * Unlike iommu_attach_group() there is no -EBUSY check and no owner check,
 * and the group does not pass through the blocking domain on the way.
 *
 * Return: 0, -EINVAL for a NULL domain, or the attach error (the group
 * then stays on its current domain). Replacing with the current domain
 * returns 0 without calling the driver.
 */
int iommu_group_replace_domain(struct iommu_group *group,
			       struct iommu_domain *new_domain)
{
	int ret;

	if (!new_domain)
		return -EINVAL;

	mutex_lock(&group->mutex);
	ret = __iommu_group_set_domain(group, new_domain);
	mutex_unlock(&group->mutex);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(iommu_group_replace_domain, IOMMUFD_INTERNAL);

/**
 * iommu_set_fault_handler() - install a legacy fault callback on a domain
 * @domain: the domain
 * @handler: called by report_iommu_fault()
 * @token: passed back to @handler
 */
void iommu_set_fault_handler(struct iommu_domain *domain,
			     iommu_fault_handler_t handler, void *token)
{
	if (WARN_ON(!domain))
		return;

	domain->handler = handler;
	domain->handler_token = token;
}
EXPORT_SYMBOL_GPL(iommu_set_fault_handler);

/**
 * report_iommu_fault() - tell a domain's user about an unrecoverable fault
 * @domain: the domain the fault happened in
 * @dev: the device that faulted
 * @iova: the faulting address
 * @flags: IOMMU_FAULT_READ or IOMMU_FAULT_WRITE
 *
 * Called by drivers from their fault handling.
 *
 * Return: -ENOSYS when no callback is installed, otherwise whatever the
 * callback returned.
 */
int report_iommu_fault(struct iommu_domain *domain, struct device *dev,
		       unsigned long iova, int flags)
{
	if (!domain->handler)
		return -ENOSYS;

	return domain->handler(domain, dev, iova, flags,
			       domain->handler_token);
}
EXPORT_SYMBOL_GPL(report_iommu_fault);

/**
 * iommu_enable_nesting() - make an UNMANAGED domain a nesting parent
 * @domain: the domain
 *
 * Return: the driver's result, or -EINVAL for another domain type or when
 * the driver has no enable_nesting op.
 */
int iommu_enable_nesting(struct iommu_domain *domain)
{
	if (domain->type != IOMMU_DOMAIN_UNMANAGED ||
	    !domain->ops->enable_nesting)
		return -EINVAL;
	return domain->ops->enable_nesting(domain);
}
EXPORT_SYMBOL_GPL(iommu_enable_nesting);

/**
 * iommu_set_pgtable_quirks() - pass page-table quirks to a domain
 * @domain: an UNMANAGED domain
 * @quirks: IO_PGTABLE_QUIRK_* bits
 *
 * Return: the driver's result, or -EINVAL for another domain type or when
 * the driver has no set_pgtable_quirks op.
 */
int iommu_set_pgtable_quirks(struct iommu_domain *domain,
			     unsigned long quirks)
{
	if (domain->type != IOMMU_DOMAIN_UNMANAGED ||
	    !domain->ops->set_pgtable_quirks)
		return -EINVAL;
	return domain->ops->set_pgtable_quirks(domain, quirks);
}
EXPORT_SYMBOL_GPL(iommu_set_pgtable_quirks);
