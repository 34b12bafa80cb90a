// SPDX-License-Identifier: GPL-2.0
/*
 * Default domains: which domain a group gets for kernel DMA.
 *
 * Three things decide, in this order of strength:
 *
 *  - the driver, per device: &iommu_ops.default_domain, or
 *    &iommu_ops.def_domain_type(); members of one group that disagree
 *    (IDENTITY against DMA) get IDENTITY;
 *  - the device: an untrusted PCI device always gets a (strict) DMA domain
 *    and refuses to probe if its driver insists on something else;
 *  - the global policy: IDENTITY (passthrough), DMA (strict) or DMA_FQ
 *    (lazy), from Kconfig, overridden by iommu.passthrough= and
 *    iommu.strict= on the command line.
 *
 * When only the global policy asked for a type and the driver cannot
 * provide it (typically identity for a device that cannot bypass
 * translation, see &iommu_ops.domain_alloc_identity), the group falls back
 * to a DMA domain and the core logs why. A type the driver or sysfs
 * demanded has no fallback: failing to allocate it fails the probe.
 */

#define pr_fmt(fmt)    "iommu: " fmt

#include <linux/capability.h>
#include <linux/cc_platform.h>
#include <linux/device.h>
#include <linux/init.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/pci.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "dma-iommu.h"
#include "iommu-priv.h"

/* The global policy */
static unsigned int iommu_def_domain_type;
static bool iommu_dma_strict = IS_ENABLED(CONFIG_IOMMU_DEFAULT_DMA_STRICT);
static u32 iommu_cmd_line;

/**
 * iommu_domain_type_str() - a domain type as a word for log messages
 * @type: an IOMMU_DOMAIN_* type
 *
 * Return: a constant string.
 */
const char *iommu_domain_type_str(unsigned int type)
{
	switch (type) {
	case IOMMU_DOMAIN_BLOCKED:
		return "Blocked";
	case IOMMU_DOMAIN_IDENTITY:
		return "Passthrough";
	case IOMMU_DOMAIN_UNMANAGED:
		return "Unmanaged";
	case IOMMU_DOMAIN_DMA:
	case IOMMU_DOMAIN_DMA_FQ:
		return "Translated";
	case IOMMU_DOMAIN_PLATFORM:
		return "Platform";
	default:
		return "Unknown";
	}
}

/**
 * iommu_set_default_passthrough() - make identity the global default
 * @cmd_line: the setting comes from the command line
 */
void iommu_set_default_passthrough(bool cmd_line)
{
	if (cmd_line)
		iommu_cmd_line |= IOMMU_CMD_LINE_DMA_API;
	iommu_def_domain_type = IOMMU_DOMAIN_IDENTITY;
}

/**
 * iommu_set_default_translated() - make DMA the global default
 * @cmd_line: the setting comes from the command line
 */
void iommu_set_default_translated(bool cmd_line)
{
	if (cmd_line)
		iommu_cmd_line |= IOMMU_CMD_LINE_DMA_API;
	iommu_def_domain_type = IOMMU_DOMAIN_DMA;
}

/**
 * iommu_default_passthrough() - is identity the global default?
 *
 * Return: true when the global default domain type is IDENTITY.
 */
bool iommu_default_passthrough(void)
{
	return iommu_def_domain_type == IOMMU_DOMAIN_IDENTITY;
}
EXPORT_SYMBOL_GPL(iommu_default_passthrough);

/**
 * iommu_set_dma_strict() - demand synchronous invalidation on unmap
 *
 * For drivers whose hardware cannot live with a flush queue: a lazy (DMA_FQ)
 * global default becomes strict DMA.
 */
void iommu_set_dma_strict(void)
{
	iommu_dma_strict = true;
	if (iommu_def_domain_type == IOMMU_DOMAIN_DMA_FQ)
		iommu_def_domain_type = IOMMU_DOMAIN_DMA;
}

/* iommu.passthrough=<bool> */
static int __init iommu_parse_passthrough(char *str)
{
	bool passthrough;
	int ret;

	ret = kstrtobool(str, &passthrough);
	if (ret)
		return ret;

	if (passthrough)
		iommu_set_default_passthrough(true);
	else
		iommu_set_default_translated(true);
	return 0;
}
early_param("iommu.passthrough", iommu_parse_passthrough);

/* iommu.strict=<bool> */
static int __init iommu_parse_strict(char *str)
{
	int ret = kstrtobool(str, &iommu_dma_strict);

	if (!ret)
		iommu_cmd_line |= IOMMU_CMD_LINE_STRICT;
	return ret;
}
early_param("iommu.strict", iommu_parse_strict);

/**
 * iommu_default_policy_init() - settle the global policy at boot
 *
 * Kconfig decides what the command line left open; with memory encryption
 * passthrough is only kept if the command line asked for it; a translated
 * default becomes lazy (DMA_FQ) unless strict mode is on.
 */
void iommu_default_policy_init(void)
{
	bool from_cmdline = iommu_cmd_line & IOMMU_CMD_LINE_DMA_API;

	if (!from_cmdline) {
		if (IS_ENABLED(CONFIG_IOMMU_DEFAULT_PASSTHROUGH))
			iommu_set_default_passthrough(false);
		else
			iommu_set_default_translated(false);

		if (iommu_default_passthrough() &&
		    cc_platform_has(CC_ATTR_MEM_ENCRYPT)) {
			pr_info("memory encryption is active: not using passthrough by default\n");
			iommu_set_default_translated(false);
		}
	}

	if (!iommu_default_passthrough() && !iommu_dma_strict)
		iommu_def_domain_type = IOMMU_DOMAIN_DMA_FQ;

	pr_info("Default domain type: %s%s\n",
		iommu_domain_type_str(iommu_def_domain_type),
		from_cmdline ? " (from the command line)" : "");
	if (!iommu_default_passthrough())
		pr_info("DMA domain TLB invalidation policy: %s mode%s\n",
			iommu_dma_strict ? "strict" : "lazy",
			(iommu_cmd_line & IOMMU_CMD_LINE_STRICT) ?
				" (from the command line)" : "");
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * iommu_default_policy_get() - snapshot the global default-domain policy
 * @policy: filled in
 */
void iommu_default_policy_get(struct iommu_default_policy *policy)
{
	policy->def_type = iommu_def_domain_type;
	policy->dma_strict = iommu_dma_strict;
	policy->cmd_line = iommu_cmd_line;
}
EXPORT_SYMBOL_IF_KUNIT(iommu_default_policy_get);

/**
 * iommu_default_policy_set() - replace the global default-domain policy
 * @policy: the new settings, used as they are
 *
 * Groups already set up keep their default domain.
 */
void iommu_default_policy_set(const struct iommu_default_policy *policy)
{
	iommu_def_domain_type = policy->def_type;
	iommu_dma_strict = policy->dma_strict;
	iommu_cmd_line = policy->cmd_line;
}
EXPORT_SYMBOL_IF_KUNIT(iommu_default_policy_set);
#endif

/**
 * iommu_group_default_domain() - the default domain of a group
 * @group: the group
 *
 * Return: the default domain, or NULL before it is set up.
 */
struct iommu_domain *iommu_group_default_domain(struct iommu_group *group)
{
	return group->default_domain;
}

/*
 * Fold the preference of @dev's driver into @cur, the preference of the
 * members seen so far (0: none yet).
 */
static int iommu_get_def_domain_type(struct iommu_group *group,
				     struct device *dev, int cur)
{
	const struct iommu_ops *ops = dev_iommu_ops(dev);
	int want;

	if (ops->default_domain)
		want = ops->default_domain->type;
	else if (ops->def_domain_type)
		want = ops->def_domain_type(dev);
	else
		return cur;

	if (!want || want == cur)
		return cur;
	if (!cur)
		return want;

	dev_err_ratelimited(dev,
			    "IOMMU driver bug: conflicting default domain types %s and %s requested in group %d\n",
			    iommu_domain_type_str(cur),
			    iommu_domain_type_str(want), group->id);

	/* Identity is the one a driver may need to work at all */
	return want == IOMMU_DOMAIN_IDENTITY ? want : cur;
}

/*
 * The type the group's default domain must have: @target_type if sysfs
 * asks for one, else whatever the drivers and devices demand, with 0 for
 * "no demand, use the global policy". -1 means no type can satisfy the
 * demands.
 */
static int iommu_get_default_domain_type(struct iommu_group *group, int target_type)
{
	struct device *untrusted = NULL;
	struct group_device *gdev;
	int type = 0;

	lockdep_assert_held(&group->mutex);

	for_each_group_device(group, gdev) {
		type = iommu_get_def_domain_type(group, gdev->dev, type);
		if (dev_is_pci(gdev->dev) && to_pci_dev(gdev->dev)->untrusted)
			untrusted = gdev->dev;
	}

	/* Without the DMA API layer a DMA domain is of no use */
	if (!IS_ENABLED(CONFIG_IOMMU_DMA)) {
		if (WARN_ON(type == IOMMU_DOMAIN_DMA))
			return -1;
		if (!type)
			type = IOMMU_DOMAIN_IDENTITY;
	}

	if (untrusted) {
		if (type && type != IOMMU_DOMAIN_DMA) {
			dev_err_ratelimited(untrusted,
					    "untrusted device, but its driver wants a %s domain for group %d; refusing to probe\n",
					    iommu_domain_type_str(type),
					    group->id);
			return -1;
		}
		/* Strict: no flush queue for a device we do not trust */
		type = IOMMU_DOMAIN_DMA;
	}

	if (!target_type)
		return type;
	if (type && type != target_type)
		return -1;
	return target_type;
}

/* Allocate a default domain of @type, reusing the current one if it fits */
static struct iommu_domain *
iommu_group_default_domain_of_type(struct iommu_group *group, int type)
{
	lockdep_assert_held(&group->mutex);

	if (group->default_domain && group->default_domain->type == type)
		return group->default_domain;
	return __iommu_group_domain_alloc(group, type);
}

static const char *iommu_default_fallback_reason(unsigned int type, int err)
{
	if (type == IOMMU_DOMAIN_IDENTITY && (err == -EOPNOTSUPP ||
					      err == -ENODEV))
		return "the IOMMU driver cannot identity map this device";
	if (err == -ENOMEM)
		return "out of memory";
	return "the IOMMU driver cannot allocate it";
}

/*
 * Allocate the group's default domain. @req_type 0 means the global
 * policy decides, with a fallback to DMA; any other type is exact.
 */
static struct iommu_domain *
iommu_group_alloc_default_domain(struct iommu_group *group, int req_type)
{
	const struct iommu_ops *ops = dev_iommu_ops(iommu_group_first_dev(group));
	unsigned int policy = iommu_def_domain_type;
	struct iommu_domain *dom;
	int err;

	lockdep_assert_held(&group->mutex);

	/* Legacy drivers with one fixed default domain */
	if (ops->default_domain) {
		if (req_type != ops->default_domain->type)
			return ERR_PTR(-EINVAL);
		return ops->default_domain;
	}

	if (req_type)
		return iommu_group_default_domain_of_type(group, req_type);

	dom = iommu_group_default_domain_of_type(group, policy);
	if (!IS_ERR(dom))
		return dom;
	if (policy == IOMMU_DOMAIN_DMA)
		return ERR_PTR(-EINVAL);
	err = PTR_ERR(dom);

	dom = iommu_group_default_domain_of_type(group, IOMMU_DOMAIN_DMA);
	if (IS_ERR(dom))
		return dom;

	dev_warn(iommu_group_first_dev(group),
		 "iommu group %d: no %s default domain (%d), falling back to DMA domain: %s\n",
		 group->id, iommu_domain_type_str(policy), err,
		 iommu_default_fallback_reason(policy, err));
	return dom;
}

/**
 * iommu_setup_default_domain() - give a group its default domain
 * @group: the group; group->mutex held
 * @target_type: the type sysfs asks for, or 0 to let drivers and the global
 *               policy decide
 *
 * Allocates the domain, creates the members' direct mappings in it and
 * attaches it. The very first attach of a group must not fail: a driver
 * that fails it makes the probe fail. Changing an existing default domain
 * (sysfs) restores the previous one when anything goes wrong.
 *
 * Return: 0, -EINVAL when no acceptable type exists, or an allocation or
 * attach error.
 */
int iommu_setup_default_domain(struct iommu_group *group, int target_type)
{
	const unsigned int must_succeed = IOMMU_SET_DOMAIN_MUST_SUCCEED;
	struct iommu_domain *old_dom = group->default_domain;
	struct group_device *gdev;
	struct iommu_domain *dom;
	bool direct_failed = false;
	int req_type;
	int ret;

	lockdep_assert_held(&group->mutex);

	req_type = iommu_get_default_domain_type(group, target_type);
	if (req_type < 0)
		return -EINVAL;

	dom = iommu_group_alloc_default_domain(group, req_type);
	if (IS_ERR(dom))
		return PTR_ERR(dom);
	if (dom == old_dom)
		return 0;

	/*
	 * Firmware-requested direct mappings go in before any device is
	 * attached, so the DMA they serve never sees a gap. Some drivers only
	 * accept mappings once a device is attached; retry after attaching.
	 */
	for_each_group_device(group, gdev) {
		if (iommu_create_device_direct_mappings(dom, gdev->dev)) {
			direct_failed = true;
			dev_warn_once(gdev->dev,
				      "cannot create the firmware-requested direct mappings yet\n");
		}
	}

	/* __iommu_device_set_domain() compares against the default domain */
	group->default_domain = dom;

	if (!group->domain) {
		/*
		 * First attach: drivers are not allowed to fail it. If one does,
		 * the probe fails and the domain is freed with the group.
		 */
		ret = __iommu_group_set_domain_internal(group, dom, must_succeed);
		if (WARN_ON(ret))
			goto out_free_old;
	} else {
		ret = __iommu_group_set_domain(group, dom);
		if (ret)
			goto err_restore_default;
	}

	if (direct_failed) {
		for_each_group_device(group, gdev) {
			ret = iommu_create_device_direct_mappings(dom,
								  gdev->dev);
			if (ret)
				goto err_restore_domain;
		}
	}

out_free_old:
	if (old_dom)
		iommu_domain_free(old_dom);
	return ret;

err_restore_domain:
	if (old_dom)
		__iommu_group_set_domain_internal(group, old_dom, must_succeed);
err_restore_default:
	if (old_dom) {
		iommu_domain_free(dom);
		group->default_domain = old_dom;
	}
	return ret;
}

/**
 * iommu_group_store_type() - the logic of writing the group "type" attribute
 * @group: the group
 * @buf: "identity", "DMA", "DMA-FQ" or "auto" (a trailing newline is fine)
 * @count: length of @buf
 *
 * DMA to DMA-FQ is done in place on the live domain. Any other change needs
 * the group to have members and no bound driver, and sets up a new default
 * domain of that type.
 *
 * Return: @count on success; -EACCES without CAP_SYS_ADMIN and
 * CAP_SYS_RAWIO; -EINVAL for an unknown string, a group without a default
 * domain, or a type the drivers do not allow; -EPERM with a driver bound or
 * no members; or the error of the domain setup.
 */
VISIBLE_IF_KUNIT __maybe_unused
ssize_t iommu_group_store_type(struct iommu_group *group,
			       const char *buf, size_t count)
{
	struct group_device *gdev;
	int req_type;
	int ret;

	if (!capable(CAP_SYS_ADMIN) || !capable(CAP_SYS_RAWIO))
		return -EACCES;

	if (WARN_ON(!group) || !group->default_domain)
		return -EINVAL;

	if (sysfs_streq(buf, "identity"))
		req_type = IOMMU_DOMAIN_IDENTITY;
	else if (sysfs_streq(buf, "DMA"))
		req_type = IOMMU_DOMAIN_DMA;
	else if (sysfs_streq(buf, "DMA-FQ"))
		req_type = IOMMU_DOMAIN_DMA_FQ;
	else if (sysfs_streq(buf, "auto"))
		req_type = 0;
	else
		return -EINVAL;

	mutex_lock(&group->mutex);

	/* Adding a flush queue does not need a new domain */
	if (req_type == IOMMU_DOMAIN_DMA_FQ &&
	    group->default_domain->type == IOMMU_DOMAIN_DMA) {
		ret = iommu_dma_init_fq(group->default_domain);
		if (!ret)
			group->default_domain->type = IOMMU_DOMAIN_DMA_FQ;
		goto out_unlock;
	}

	if (list_empty(&group->devices) || group->owner_cnt) {
		ret = -EPERM;
		goto out_unlock;
	}

	ret = iommu_setup_default_domain(group, req_type);
	if (ret)
		goto out_unlock;

	for_each_group_device(group, gdev)
		iommu_setup_dma_ops(gdev->dev);

out_unlock:
	mutex_unlock(&group->mutex);
	return ret ? ret : count;
}
EXPORT_SYMBOL_IF_KUNIT(iommu_group_store_type);

/**
 * iommu_group_show_type() - the logic of reading the group "type" attribute
 * @group: the group
 * @buf: a PAGE_SIZE buffer
 *
 * Prints the default domain type: blocked, identity, unmanaged, DMA,
 * DMA-FQ, or unknown (also before the default domain exists).
 *
 * Return: the number of bytes written.
 */
VISIBLE_IF_KUNIT __maybe_unused
ssize_t iommu_group_show_type(struct iommu_group *group, char *buf)
{
	const char *name = "unknown";

	mutex_lock(&group->mutex);
	if (group->default_domain) {
		switch (group->default_domain->type) {
		case IOMMU_DOMAIN_BLOCKED:
			name = "blocked";
			break;
		case IOMMU_DOMAIN_IDENTITY:
			name = "identity";
			break;
		case IOMMU_DOMAIN_UNMANAGED:
			name = "unmanaged";
			break;
		case IOMMU_DOMAIN_DMA:
			name = "DMA";
			break;
		case IOMMU_DOMAIN_DMA_FQ:
			name = "DMA-FQ";
			break;
		}
	}
	mutex_unlock(&group->mutex);

	return scnprintf(buf, PAGE_SIZE, "%s\n", name);
}
EXPORT_SYMBOL_IF_KUNIT(iommu_group_show_type);
