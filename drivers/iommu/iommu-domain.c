// SPDX-License-Identifier: GPL-2.0
/*
 * Domains: getting them from drivers, freeing them, and moving groups
 * between them.
 *
 * The unit of attachment is the group: group->domain translates for every
 * member at once. Moving a group calls the driver's attach_dev() member by
 * member, in list order. If a member fails, the ones already moved are
 * sent back to the domain the group came from, so that a group is never
 * left spread over two domains.
 */

#define pr_fmt(fmt)    "iommu: " fmt

#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched/mm.h>

#include "dma-iommu.h"
#include "iommu-priv.h"

/**
 * iommu_get_domain_for_dev() - the domain translating for a device
 * @dev: the device
 *
 * Return: the current domain of @dev's group, or NULL if it has no group.
 */
struct iommu_domain *iommu_get_domain_for_dev(struct device *dev)
{
	struct iommu_group *grp = dev->iommu_group;

	if (!grp)
		return NULL;
	return grp->domain;
}
EXPORT_SYMBOL_GPL(iommu_get_domain_for_dev);

/**
 * iommu_get_dma_domain() - the default domain of a device's group
 * @dev: a device that is in a group with a default domain
 *
 * Meant for the DMA API, which only calls it for such devices.
 *
 * Return: the group's default domain.
 */
struct iommu_domain *iommu_get_dma_domain(struct device *dev)
{
	struct iommu_group *grp = dev->iommu_group;

	return grp->default_domain;
}

/*
 * How the core names a driver in its diagnostics: by the device of the
 * IOMMU instance (&iommu_device.dev, e.g. "dmar0" after
 * iommu_device_sysfs_add()), or "unnamed" if there is none.
 */
static const char *drv_label(struct device *dev)
{
	struct iommu_device *unit = NULL;

	if (dev->iommu)
		unit = dev->iommu->iommu_dev;
	return unit && unit->dev ? dev_name(unit->dev) : "unnamed";
}

/**
 * iommu_check_attach_result() - police the attach errno contract
 * @dev: the device the driver was asked to attach
 * @ret: the value the driver's attach_dev() or set_dev_pasid() returned
 * @op: name of the op, used in the message
 *
 * All results of attach_dev() and set_dev_pasid() come through here. A
 * value other than 0, -ENOMEM, -EINVAL, -EBUSY, -ENODEV or -ENOSPC makes
 * this function WARN with "IOMMU driver <name> broke the attach errno
 * contract: <op>() returned <errno> for <device>", <name> being the name of
 * the instance device (&iommu_device.dev) or "unnamed". For its own
 * decisions the core then treats the value as -ENODEV (see
 * iommu_attach_errno_class()); public API callers get @ret unchanged.
 *
 * Return: @ret.
 */
int iommu_check_attach_result(struct device *dev, int ret, const char *op)
{
	WARN(!iommu_attach_errno_ok(ret),
	     "IOMMU driver %s broke the attach errno contract: %s() returned %d for %s\n",
	     drv_label(dev), op, ret, dev_name(dev));
	return ret;
}

/* A preallocated domain the driver hands out for @kind, if it has one */
static struct iommu_domain *drv_static_domain(const struct iommu_ops *ops,
					      unsigned int kind)
{
	switch (kind) {
	case IOMMU_DOMAIN_IDENTITY:
		return ops->identity_domain;
	case IOMMU_DOMAIN_BLOCKED:
		return ops->blocked_domain;
	default:
		return NULL;
	}
}

/*
 * Pick the driver callback that makes a new domain of @type. A driver that
 * returns NULL ran out of memory.
 */
static struct iommu_domain *drv_make_domain(const struct iommu_ops *ops,
					    struct device *dev,
					    unsigned int type)
{
	unsigned int kind = type & IOMMU_DOMAIN_ALLOC_FLAGS;
	struct iommu_domain *made;

	if (kind == IOMMU_DOMAIN_IDENTITY && dev && ops->domain_alloc_identity)
		made = ops->domain_alloc_identity(dev);
	else if ((type & __IOMMU_DOMAIN_PAGING) && ops->domain_alloc_paging)
		made = ops->domain_alloc_paging(dev);
	else if (ops->domain_alloc)
		made = ops->domain_alloc(kind);
	else
		made = ERR_PTR(-EOPNOTSUPP);

	return made ? made : ERR_PTR(-ENOMEM);
}

/**
 * __iommu_domain_alloc() - get a domain of some type from a driver
 * @ops: the driver
 * @dev: the device the domain is meant for; NULL only from
 *       iommu_domain_alloc()
 * @type: IOMMU_DOMAIN_* type, possibly with the flush-queue bit
 *
 * Sources, in order of preference:
 *
 *  1. &iommu_ops.identity_domain for IDENTITY, &iommu_ops.blocked_domain
 *     for BLOCKED: the static domain comes back as it is;
 *  2. &iommu_ops.domain_alloc_identity for IDENTITY, asked about @dev;
 *  3. &iommu_ops.domain_alloc_paging for paging types;
 *  4. &iommu_ops.domain_alloc, without the flush-queue bit;
 *  5. none of these: -EOPNOTSUPP.
 *
 * A NULL result becomes -ENOMEM, an ERR_PTR result is returned as is. For
 * a new domain the core records type and owner, takes pgsize_bitmap and
 * ops from @ops where the driver left them unset, and attaches an IOVA
 * cookie to DMA API domains.
 *
 * Return: the domain or an ERR_PTR.
 */
struct iommu_domain *__iommu_domain_alloc(const struct iommu_ops *ops,
					  struct device *dev,
					  unsigned int type)
{
	struct iommu_domain *dom;
	int rc;

	dom = drv_static_domain(ops, type & IOMMU_DOMAIN_ALLOC_FLAGS);
	if (dom)
		return dom;

	dom = drv_make_domain(ops, dev, type);
	if (IS_ERR(dom))
		return dom;

	dom->owner = ops;
	dom->type = type;
	/* Per-domain values override the driver-wide defaults */
	if (!dom->ops)
		dom->ops = ops->default_domain_ops;
	if (!dom->pgsize_bitmap)
		dom->pgsize_bitmap = ops->pgsize_bitmap;

	if (!iommu_is_dma_domain(dom))
		return dom;

	rc = iommu_get_dma_cookie(dom);
	if (rc) {
		iommu_domain_free(dom);
		dom = ERR_PTR(rc);
	}
	return dom;
}

/*
 * A driver that decides identity device by device has answered for the
 * first member only. The group can use @dom only if every other member may
 * have identity too; the first refusal is the answer.
 */
static int grp_identity_for_all(struct iommu_group *grp,
				const struct iommu_ops *ops,
				struct iommu_domain *dom)
{
	struct device *first = iommu_group_first_dev(grp);
	struct group_device *member;

	for_each_group_device(grp, member) {
		struct iommu_domain *probe;

		if (member->dev == first)
			continue;
		probe = __iommu_domain_alloc(ops, member->dev,
					     IOMMU_DOMAIN_IDENTITY);
		if (IS_ERR(probe))
			return PTR_ERR(probe);
		if (probe != dom)
			iommu_domain_free(probe);
	}
	return 0;
}

/**
 * iommu_grp_domain_alloc() - get a domain for a whole group
 * @grp: a group with at least one member; grp->mutex held
 * @type: IOMMU_DOMAIN_* type
 *
 * The driver of the first member allocates it, for the first member. When
 * an identity domain comes from &iommu_ops.domain_alloc_identity (no
 * static identity domain), each member must be allowed identity as well.
 *
 * Return: the domain or an ERR_PTR.
 */
struct iommu_domain *iommu_grp_domain_alloc(struct iommu_group *grp,
					    unsigned int type)
{
	struct device *first = iommu_group_first_dev(grp);
	const struct iommu_ops *ops = dev_iommu_ops(first);
	struct iommu_domain *dom;
	bool per_device;
	int rc;

	dom = __iommu_domain_alloc(ops, first, type);
	if (IS_ERR(dom))
		return dom;

	per_device = ops->domain_alloc_identity && !ops->identity_domain;
	if (!per_device || list_is_singular(&grp->devices) ||
	    (type & IOMMU_DOMAIN_ALLOC_FLAGS) != IOMMU_DOMAIN_IDENTITY)
		return dom;

	rc = grp_identity_for_all(grp, ops, dom);
	if (rc) {
		iommu_domain_free(dom);
		return ERR_PTR(rc);
	}
	return dom;
}

/* bus_for_each_dev() callback: learn which single driver serves the bus */
static int bus_dev_pick_ops(struct device *dev, void *data)
{
	const struct iommu_ops **picked = data;
	const struct iommu_ops *mine;

	if (!dev_has_iommu(dev))
		return 0;

	mine = dev_iommu_ops(dev);
	if (WARN_ONCE(*picked && *picked != mine,
		      "several IOMMU drivers serve bus %s; iommu_domain_alloc() cannot choose\n",
		      dev->bus ? dev->bus->name : "?"))
		return -EBUSY;

	*picked = mine;
	return 0;
}

/**
 * iommu_domain_alloc() - get an UNMANAGED domain for a bus (legacy)
 * @bus: the bus whose IOMMU driver allocates
 *
 * Replaced by iommu_paging_domain_alloc(). The driver's
 * domain_alloc_paging() is called without a device.
 *
 * Return: the domain, or NULL when it cannot be had: no driver or more
 * than one on @bus, or an allocation failure.
 */
struct iommu_domain *iommu_domain_alloc(const struct bus_type *bus)
{
	const struct iommu_ops *ops = NULL;
	struct iommu_domain *dom;
	int rc;

	rc = bus_for_each_dev(bus, NULL, &ops, bus_dev_pick_ops);
	if (rc || !ops)
		return NULL;

	dom = __iommu_domain_alloc(ops, NULL, IOMMU_DOMAIN_UNMANAGED);
	if (IS_ERR(dom))
		return NULL;
	return dom;
}
EXPORT_SYMBOL_GPL(iommu_domain_alloc);

/**
 * iommu_paging_domain_alloc() - get an UNMANAGED domain for a device
 * @dev: the device the domain will be attached to
 *
 * Return: the domain; ERR_PTR(-ENODEV) when @dev has no IOMMU; otherwise
 * the allocation error.
 */
struct iommu_domain *iommu_paging_domain_alloc(struct device *dev)
{
	const struct iommu_ops *ops;

	if (!dev_has_iommu(dev))
		return ERR_PTR(-ENODEV);

	ops = dev_iommu_ops(dev);
	return __iommu_domain_alloc(ops, dev, IOMMU_DOMAIN_UNMANAGED);
}
EXPORT_SYMBOL_GPL(iommu_paging_domain_alloc);

/**
 * iommu_domain_free() - release a domain
 * @domain: a domain attached nowhere
 *
 * An SVA domain lets go of its mm and a DMA API domain of its cookie; then
 * the driver's free op runs. Static domains have no free op and survive.
 */
void iommu_domain_free(struct iommu_domain *domain)
{
	const struct iommu_domain_ops *ops = domain->ops;

	if (domain->type == IOMMU_DOMAIN_SVA)
		mmdrop(domain->mm);
	iommu_put_dma_cookie(domain);
	if (ops->free)
		ops->free(domain);
}
EXPORT_SYMBOL_GPL(iommu_domain_free);

/**
 * iommu_drv_attach_dev() - have the driver attach one device
 * @dom: the domain
 * @dev: the device
 *
 * The driver's answer is checked by iommu_check_attach_result(). A
 * successful attach ends a deferred attach of @dev.
 *
 * Return: 0; -ENODEV when @dom cannot be attached at all (it has no
 * attach_dev op); or the driver's errno.
 */
int iommu_drv_attach_dev(struct iommu_domain *dom, struct device *dev)
{
	int rc;

	if (unlikely(!dom->ops->attach_dev))
		return -ENODEV;

	rc = iommu_check_attach_result(dev, dom->ops->attach_dev(dom, dev),
				       "attach_dev");
	if (!rc)
		dev->iommu->attach_deferred = 0;
	return rc;
}

/**
 * iommu_attach_release_domain() - attach the driver's release_domain
 * @dev: a device that is being released
 *
 * The result only goes through the contract check: the device leaves
 * whatever happens.
 */
void iommu_attach_release_domain(struct device *dev)
{
	struct iommu_domain *rel = dev_iommu_ops(dev)->release_domain;

	if (WARN_ON(!rel->ops->attach_dev))
		return;
	iommu_check_attach_result(dev, rel->ops->attach_dev(rel, dev),
				  "attach_dev");
}

/*
 * Firmware may require a device to keep 1:1 mappings (IOMMU_RESV_DIRECT);
 * such a device cannot be put on a domain that blocks all DMA, and the
 * core says no before the driver is involved.
 */
static bool member_refuses(struct iommu_group *grp, struct device *dev,
			   struct iommu_domain *dom)
{
	bool blocks = dom->type == IOMMU_DOMAIN_BLOCKED ||
		      dom == grp->blocking_domain;

	return blocks && dev->iommu->require_direct;
}

/**
 * iommu_grp_move_member() - put one member of a group on a domain
 * @grp: the group; grp->mutex held
 * @dev: the member
 * @dom: the domain
 * @flags: IOMMU_MOVE_* flags
 *
 * A member with direct regions refuses blocking domains (-EINVAL). For a
 * member whose attach is deferred, a move to the default domain does not
 * reach the driver; a move anywhere else ends the deferral. Under
 * IOMMU_MOVE_FORCE a member that fails goes to the group's blocking domain,
 * if the group has one.
 *
 * Return: 0 or an errno.
 */
int iommu_grp_move_member(struct iommu_group *grp, struct device *dev,
			  struct iommu_domain *dom, unsigned int flags)
{
	struct iommu_domain *parking = grp->blocking_domain;
	int rc;

	lockdep_assert_held(&grp->mutex);

	if (member_refuses(grp, dev, dom)) {
		dev_warn(dev,
			 "firmware requires this device to keep its 1:1 mappings; refusing a blocking domain\n");
		return -EINVAL;
	}

	if (dev->iommu->attach_deferred) {
		if (dom == grp->default_domain)
			return 0;
		dev->iommu->attach_deferred = 0;
	}

	rc = iommu_drv_attach_dev(dom, dev);
	if (!rc)
		return 0;

	/*
	 * @dev may now point at a domain that is about to be freed. Blocking
	 * its DMA is the safe choice.
	 */
	if ((flags & IOMMU_MOVE_FORCE) && parking && parking != dom)
		iommu_drv_attach_dev(parking, dev);
	return rc;
}

/*
 * An all-or-nothing move failed at @failed. Send the members tried so far
 * back to grp->domain, @failed included (its driver may have left it
 * anywhere) unless the core refused it without asking the driver. On a
 * group's very first attach there is no previous domain to go back to.
 */
static void grp_move_undo(struct iommu_group *grp, struct iommu_domain *tried,
			  struct group_device *failed)
{
	struct group_device *member;
	int rc;

	if (!grp->domain)
		return;

	for_each_group_device(grp, member) {
		bool at_failed = member == failed;

		if (at_failed && member_refuses(grp, member->dev, tried))
			return;
		rc = iommu_grp_move_member(grp, member->dev, grp->domain,
					   IOMMU_MOVE_FORCE);
		WARN_ON(rc);
		if (at_failed)
			return;
	}
}

/* Try every member; the group follows @dom even if some fail */
static int grp_move_forced(struct iommu_group *grp, struct iommu_domain *dom)
{
	struct group_device *member;
	int last_err = 0;
	int rc;

	for_each_group_device(grp, member) {
		rc = iommu_grp_move_member(grp, member->dev, dom,
					   IOMMU_MOVE_FORCE);
		if (rc)
			last_err = rc;
	}
	grp->domain = dom;
	return last_err;
}

/* Move every member or, after a failure, none */
static int grp_move_atomic(struct iommu_group *grp, struct iommu_domain *dom,
			   unsigned int flags)
{
	struct group_device *member;
	int rc;

	for_each_group_device(grp, member) {
		rc = iommu_grp_move_member(grp, member->dev, dom, flags);
		if (rc) {
			grp_move_undo(grp, dom, member);
			return rc;
		}
	}
	grp->domain = dom;
	return 0;
}

/**
 * iommu_grp_move_flags() - put a whole group on a domain
 * @grp: the group; grp->mutex held
 * @dom: the domain; must not be NULL
 * @flags: IOMMU_MOVE_* flags
 *
 * Without IOMMU_MOVE_FORCE the move is all or nothing: at the first member
 * that fails, the members tried so far return to the current domain (the
 * failing one too, unless the core refused it before calling the driver;
 * on the first attach of a group there is nothing to return to) and
 * group->domain does not change. With IOMMU_MOVE_FORCE every member is
 * tried, group->domain becomes @dom anyway, and the last error is reported.
 *
 * DMA may be lost while members are switched over, but it never reaches
 * anything except the old or the new domain.
 *
 * Return: 0 or an errno.
 */
int iommu_grp_move_flags(struct iommu_group *grp, struct iommu_domain *dom,
			 unsigned int flags)
{
	lockdep_assert_held(&grp->mutex);

	if (dom == grp->domain)
		return 0;
	if (WARN_ON(!dom))
		return -EINVAL;

	if (flags & IOMMU_MOVE_FORCE)
		return grp_move_forced(grp, dom);
	return grp_move_atomic(grp, dom, flags);
}

/**
 * iommu_grp_move() - put a group on a domain, all or nothing
 * @grp: the group; grp->mutex held
 * @dom: the domain
 *
 * Return: 0, or an errno with the group left on its current domain.
 */
int iommu_grp_move(struct iommu_group *grp, struct iommu_domain *dom)
{
	return iommu_grp_move_flags(grp, dom, 0);
}

/**
 * iommu_grp_move_nofail() - put a group back on a domain of the core
 * @grp: the group; grp->mutex held
 * @dom: its default or blocking domain
 *
 * A driver must accept a core domain it accepted before; if it does not,
 * that is a driver bug and WARNs.
 */
void iommu_grp_move_nofail(struct iommu_group *grp, struct iommu_domain *dom)
{
	WARN_ON(iommu_grp_move_flags(grp, dom, IOMMU_MOVE_FORCE));
}

/**
 * iommu_grp_move_to_core() - give a group back to the kernel
 * @grp: the group; grp->mutex held
 *
 * An owned group goes to its blocking domain, any other group to its
 * default domain.
 */
void iommu_grp_move_to_core(struct iommu_group *grp)
{
	struct iommu_domain *home;

	lockdep_assert_held(&grp->mutex);

	home = grp->owner ? grp->blocking_domain : grp->default_domain;
	iommu_grp_move_nofail(grp, home);
}

/* Is the group on a domain the kernel owns (or on none at all)? */
static bool grp_on_core_domain(struct iommu_group *grp)
{
	struct iommu_domain *cur = grp->domain;

	return !cur || cur == grp->default_domain ||
	       cur == grp->blocking_domain;
}

/**
 * iommu_grp_attach_locked() - checks and work of iommu_attach_group()
 * @dom: the domain
 * @grp: the group; grp->mutex held
 *
 * Return: 0; -EBUSY if the group is on a domain that is neither its
 * default nor its blocking domain (even when that is @dom); -EINVAL if the
 * group's driver did not allocate @dom (static domains never qualify); or
 * the error of the move.
 */
int iommu_grp_attach_locked(struct iommu_domain *dom, struct iommu_group *grp)
{
	struct device *first;

	lockdep_assert_held(&grp->mutex);

	if (!grp_on_core_domain(grp))
		return -EBUSY;

	first = iommu_group_first_dev(grp);
	if (!dev_has_iommu(first) || dom->owner != dev_iommu_ops(first))
		return -EINVAL;

	return iommu_grp_move(grp, dom);
}

/**
 * iommu_attach_group() - attach a domain to all devices of a group
 * @domain: a domain from the group's driver
 * @group: the group
 *
 * Only possible while the group is on its default or blocking domain. DMA
 * ownership is not looked at; callers claim it beforehand.
 *
 * Return: as iommu_grp_attach_locked(). -EINVAL is soft: a different
 * domain may still attach.
 */
int iommu_attach_group(struct iommu_domain *domain, struct iommu_group *group)
{
	int rc;

	mutex_lock(&group->mutex);
	rc = iommu_grp_attach_locked(domain, group);
	mutex_unlock(&group->mutex);
	return rc;
}
EXPORT_SYMBOL_GPL(iommu_attach_group);

/**
 * iommu_detach_group() - give a group back to the kernel's domain
 * @domain: not used
 * @group: the group
 *
 * An owned group goes to its blocking domain, any other to its default
 * domain.
 */
void iommu_detach_group(struct iommu_domain *domain, struct iommu_group *group)
{
	mutex_lock(&group->mutex);
	iommu_grp_move_to_core(group);
	mutex_unlock(&group->mutex);
}
EXPORT_SYMBOL_GPL(iommu_detach_group);

/**
 * iommu_attach_device() - attach a domain to the only device of a group
 * @domain: the domain
 * @dev: the device
 *
 * Return: 0; -ENODEV when @dev has no group; -EINVAL when the group has
 * other members too; otherwise as iommu_attach_group(). -EINVAL is soft:
 * a different domain may still attach.
 */
int iommu_attach_device(struct iommu_domain *domain, struct device *dev)
{
	struct iommu_group *grp = dev->iommu_group;
	int rc = -EINVAL;

	if (!grp)
		return -ENODEV;

	mutex_lock(&grp->mutex);
	/* Counted under the lock, so that nobody joins the group meanwhile */
	if (list_is_singular(&grp->devices))
		rc = iommu_grp_attach_locked(domain, grp);
	mutex_unlock(&grp->mutex);
	return rc;
}
EXPORT_SYMBOL_GPL(iommu_attach_device);

/**
 * iommu_detach_device() - undo iommu_attach_device()
 * @domain: the domain given to iommu_attach_device()
 * @dev: the device
 *
 * If @domain is not what the group is attached to, or the group has more
 * than one member, this WARNs and changes nothing.
 */
void iommu_detach_device(struct iommu_domain *domain, struct device *dev)
{
	struct iommu_group *grp = dev->iommu_group;

	if (!grp)
		return;

	mutex_lock(&grp->mutex);
	if (WARN_ON(grp->domain != domain))
		goto unlock;
	if (WARN_ON(!list_is_singular(&grp->devices)))
		goto unlock;
	iommu_grp_move_to_core(grp);
unlock:
	mutex_unlock(&grp->mutex);
}
EXPORT_SYMBOL_GPL(iommu_detach_device);

/**
 * iommu_deferred_attach() - carry out an attach that was put off
 * @dev: the device
 * @domain: the default domain of its group
 *
 * The DMA API calls this on first use, without the group mutex.
 *
 * Return: 0 when no attach is pending, otherwise the attach result.
 */
int iommu_deferred_attach(struct device *dev, struct iommu_domain *domain)
{
	bool pending = dev->iommu && dev->iommu->attach_deferred;

	return pending ? iommu_drv_attach_dev(domain, dev) : 0;
}

/**
 * iommu_group_replace_domain() - move a group directly to a new domain
 * @group: the group
 * @new_domain: the domain
 *
 * In contrast to iommu_attach_group(), neither the current domain nor the
 * owner is checked, and the group does not go through the blocking domain
 * on its way.
 *
 * Return: 0; -EINVAL for a NULL domain; or the attach error, in which case
 * the group stays where it was. Replacing a domain with itself returns 0
 * without involving the driver.
 */
int iommu_group_replace_domain(struct iommu_group *group,
			       struct iommu_domain *new_domain)
{
	int rc;

	if (!new_domain)
		return -EINVAL;

	mutex_lock(&group->mutex);
	rc = iommu_grp_move(group, new_domain);
	mutex_unlock(&group->mutex);
	return rc;
}
EXPORT_SYMBOL_NS_GPL(iommu_group_replace_domain, IOMMUFD_INTERNAL);

/* Domain-level knobs that only exist for caller-managed paging domains */
static bool dom_is_unmanaged(struct iommu_domain *dom)
{
	return dom->type == IOMMU_DOMAIN_UNMANAGED;
}

/**
 * iommu_enable_nesting() - turn an UNMANAGED domain into a nesting parent
 * @domain: the domain
 *
 * Return: the driver's answer; -EINVAL for other domain types or if the
 * driver has no enable_nesting op.
 */
int iommu_enable_nesting(struct iommu_domain *domain)
{
	const struct iommu_domain_ops *ops = domain->ops;

	if (dom_is_unmanaged(domain) && ops->enable_nesting)
		return ops->enable_nesting(domain);
	return -EINVAL;
}
EXPORT_SYMBOL_GPL(iommu_enable_nesting);

/**
 * iommu_set_pgtable_quirks() - hand page-table quirks to a domain
 * @domain: an UNMANAGED domain
 * @quirks: IO_PGTABLE_QUIRK_* bits
 *
 * Return: the driver's answer; -EINVAL for other domain types or if the
 * driver has no set_pgtable_quirks op.
 */
int iommu_set_pgtable_quirks(struct iommu_domain *domain,
			     unsigned long quirks)
{
	const struct iommu_domain_ops *ops = domain->ops;

	if (dom_is_unmanaged(domain) && ops->set_pgtable_quirks)
		return ops->set_pgtable_quirks(domain, quirks);
	return -EINVAL;
}
EXPORT_SYMBOL_GPL(iommu_set_pgtable_quirks);

/**
 * iommu_set_fault_handler() - register a legacy fault callback
 * @domain: the domain
 * @handler: what report_iommu_fault() calls
 * @token: handed back to @handler
 */
void iommu_set_fault_handler(struct iommu_domain *domain,
			     iommu_fault_handler_t handler, void *token)
{
	if (WARN_ON(!domain))
		return;

	domain->handler_token = token;
	domain->handler = handler;
}
EXPORT_SYMBOL_GPL(iommu_set_fault_handler);

/**
 * report_iommu_fault() - pass an unrecoverable fault to a domain's user
 * @domain: the domain in which the fault happened
 * @dev: the faulting device
 * @iova: the faulting address
 * @flags: IOMMU_FAULT_READ or IOMMU_FAULT_WRITE
 *
 * Drivers call this from their fault handling.
 *
 * Return: -ENOSYS when no callback is registered, else the callback's
 * return value.
 */
int report_iommu_fault(struct iommu_domain *domain, struct device *dev,
		       unsigned long iova, int flags)
{
	iommu_fault_handler_t cb = domain->handler;

	if (!cb)
		return -ENOSYS;
	return cb(domain, dev, iova, flags, domain->handler_token);
}
EXPORT_SYMBOL_GPL(report_iommu_fault);
