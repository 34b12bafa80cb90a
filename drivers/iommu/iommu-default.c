// SPDX-License-Identifier: GPL-2.0
/*
 * Default domains: the domain a group uses for the kernel's own DMA.
 *
 * The type is settled by three parties, the stronger first:
 *
 *  - the IOMMU driver, for each member (&iommu_ops.default_domain or
 *    &iommu_ops.def_domain_type()); when members disagree between IDENTITY
 *    and DMA, IDENTITY wins;
 *  - the device: an untrusted PCI device is always translated (strict DMA)
 *    and fails to probe if its driver insists on anything else;
 *  - the global policy: IDENTITY (passthrough), DMA (strict) or DMA_FQ
 *    (lazy), chosen by Kconfig and overridable with iommu.passthrough=
 *    and iommu.strict= on the command line.
 *
 * If only the global policy wanted a type and the driver cannot supply it
 * (usually identity for a device that cannot bypass translation, see
 * &iommu_ops.domain_alloc_identity), the group gets a DMA domain instead
 * and the reason is logged. A type demanded by a driver or through sysfs
 * has no such fallback: when it cannot be allocated, the probe fails.
 */

#define pr_fmt(fmt)    "iommu: " fmt

#include <linux/capability.h>
#include <linux/cc_platform.h>
#include <linux/device.h>
#include <linux/init.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "dma-iommu.h"
#include "iommu-priv.h"

/* The global policy; see iommu_default_policy_init() */
static unsigned int policy_type;
static bool policy_strict = IS_ENABLED(CONFIG_IOMMU_DEFAULT_DMA_STRICT);
static u32 policy_from_cmdline;

/* How each domain type is spelled in messages and in sysfs */
struct dom_type_name {
	unsigned int type;
	const char *log;	/* kernel messages */
	const char *attr;	/* the group "type" attribute; NULL: unknown */
	bool writable;		/* may be written to the attribute */
};

static const struct dom_type_name dom_type_names[] = {
	{ IOMMU_DOMAIN_BLOCKED,   "Blocked",     "blocked",   false },
	{ IOMMU_DOMAIN_IDENTITY,  "Passthrough", "identity",  true },
	{ IOMMU_DOMAIN_UNMANAGED, "Unmanaged",   "unmanaged", false },
	{ IOMMU_DOMAIN_DMA,       "Translated",  "DMA",       true },
	{ IOMMU_DOMAIN_DMA_FQ,    "Translated",  "DMA-FQ",    true },
	{ IOMMU_DOMAIN_PLATFORM,  "Platform",    NULL,        false },
};

static const struct dom_type_name *dom_type_lookup(unsigned int type)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(dom_type_names); i++) {
		if (dom_type_names[i].type == type)
			return &dom_type_names[i];
	}
	return NULL;
}

/**
 * iommu_domain_type_str() - name a domain type in a log message
 * @type: IOMMU_DOMAIN_* type
 *
 * Return: a string constant; "Unknown" for types it does not know.
 */
const char *iommu_domain_type_str(unsigned int type)
{
	const struct dom_type_name *n = dom_type_lookup(type);

	return n ? n->log : "Unknown";
}

/* Record a command-line choice of IDENTITY versus DMA */
static void policy_choose(unsigned int type, bool cmd_line)
{
	if (cmd_line)
		policy_from_cmdline |= IOMMU_CMD_LINE_DMA_API;
	policy_type = type;
}

/**
 * iommu_set_default_passthrough() - make IDENTITY the global default
 * @cmd_line: true when the choice comes from the command line
 */
void iommu_set_default_passthrough(bool cmd_line)
{
	policy_choose(IOMMU_DOMAIN_IDENTITY, cmd_line);
}

/**
 * iommu_set_default_translated() - make DMA the global default
 * @cmd_line: true when the choice comes from the command line
 */
void iommu_set_default_translated(bool cmd_line)
{
	policy_choose(IOMMU_DOMAIN_DMA, cmd_line);
}

/**
 * iommu_default_passthrough() - is the global default IDENTITY?
 *
 * Return: true when groups get identity domains by default.
 */
bool iommu_default_passthrough(void)
{
	return policy_type == IOMMU_DOMAIN_IDENTITY;
}
EXPORT_SYMBOL_GPL(iommu_default_passthrough);

/**
 * iommu_set_dma_strict() - require invalidation to finish before unmap
 *                          returns
 *
 * For drivers whose hardware does not work with a flush queue. A lazy
 * (DMA_FQ) global default is turned into strict DMA.
 */
void iommu_set_dma_strict(void)
{
	policy_strict = true;
	if (policy_type == IOMMU_DOMAIN_DMA_FQ)
		policy_type = IOMMU_DOMAIN_DMA;
}

/* iommu.passthrough=<bool> on the command line */
static int __init passthrough_param(char *arg)
{
	bool on;
	int err;

	err = kstrtobool(arg, &on);
	if (err)
		return err;
	policy_choose(on ? IOMMU_DOMAIN_IDENTITY : IOMMU_DOMAIN_DMA, true);
	return 0;
}
early_param("iommu.passthrough", passthrough_param);

/* iommu.strict=<bool> on the command line */
static int __init strict_param(char *arg)
{
	int err;

	err = kstrtobool(arg, &policy_strict);
	if (err)
		return err;
	policy_from_cmdline |= IOMMU_CMD_LINE_STRICT;
	return 0;
}
early_param("iommu.strict", strict_param);

/**
 * iommu_default_policy_init() - settle the global policy during boot
 *
 * What the command line did not decide, Kconfig does. Under memory
 * encryption, passthrough survives only when the command line asked for
 * it. Unless strict mode is on, a translated default becomes lazy (DMA_FQ).
 */
void iommu_default_policy_init(void)
{
	bool type_given = policy_from_cmdline & IOMMU_CMD_LINE_DMA_API;
	bool strict_given = policy_from_cmdline & IOMMU_CMD_LINE_STRICT;

	if (!type_given) {
		policy_type = IS_ENABLED(CONFIG_IOMMU_DEFAULT_PASSTHROUGH) ?
			      IOMMU_DOMAIN_IDENTITY : IOMMU_DOMAIN_DMA;
		if (policy_type == IOMMU_DOMAIN_IDENTITY &&
		    cc_platform_has(CC_ATTR_MEM_ENCRYPT)) {
			pr_info("not defaulting to passthrough: memory encryption is active\n");
			policy_type = IOMMU_DOMAIN_DMA;
		}
	}

	if (policy_type != IOMMU_DOMAIN_IDENTITY && !policy_strict)
		policy_type = IOMMU_DOMAIN_DMA_FQ;

	pr_info("default domains are %s%s\n",
		iommu_domain_type_str(policy_type),
		type_given ? " (set on the command line)" : "");
	if (policy_type != IOMMU_DOMAIN_IDENTITY)
		pr_info("unmap invalidates the IOTLB %s%s\n",
			policy_strict ? "synchronously (strict)" :
					"in batches (lazy)",
			strict_given ? " (set on the command line)" : "");
}

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * iommu_default_policy_get() - copy out the global default-domain policy
 * @policy: where to store it
 */
void iommu_default_policy_get(struct iommu_default_policy *policy)
{
	*policy = (struct iommu_default_policy) {
		.def_type = policy_type,
		.dma_strict = policy_strict,
		.cmd_line = policy_from_cmdline,
	};
}
EXPORT_SYMBOL_IF_KUNIT(iommu_default_policy_get);

/**
 * iommu_default_policy_set() - overwrite the global default-domain policy
 * @policy: the settings to use, taken verbatim
 *
 * Groups that have a default domain already keep it.
 */
void iommu_default_policy_set(const struct iommu_default_policy *policy)
{
	policy_from_cmdline = policy->cmd_line;
	policy_strict = policy->dma_strict;
	policy_type = policy->def_type;
}
EXPORT_SYMBOL_IF_KUNIT(iommu_default_policy_set);
#endif

/**
 * iommu_group_default_domain() - the default domain of a group
 * @group: the group
 *
 * Return: the default domain, or NULL while it is not set up yet.
 */
struct iommu_domain *iommu_group_default_domain(struct iommu_group *group)
{
	return group->default_domain;
}

/* The type @dev's driver asks for; 0 when it has no opinion */
static int driver_wish(struct device *dev)
{
	const struct iommu_ops *ops = dev_iommu_ops(dev);

	if (ops->default_domain)
		return ops->default_domain->type;
	if (ops->def_domain_type)
		return ops->def_domain_type(dev);
	return 0;
}

/*
 * Combine the wish of one more member's driver with @agreed, what the
 * members looked at so far want (0: nothing yet). On a conflict IDENTITY
 * prevails, since a driver may need it to work at all.
 */
static int merge_wish(struct iommu_group *grp, struct device *dev, int agreed)
{
	int wish = driver_wish(dev);

	if (!agreed || !wish || wish == agreed)
		return wish ? wish : agreed;

	dev_err_ratelimited(dev,
			    "IOMMU driver bug: group %d is asked for both a %s and a %s default domain\n",
			    grp->id, iommu_domain_type_str(agreed),
			    iommu_domain_type_str(wish));
	return wish == IOMMU_DOMAIN_IDENTITY ? wish : agreed;
}

static bool dev_untrusted(struct device *dev)
{
	return dev_is_pci(dev) && to_pci_dev(dev)->untrusted;
}

/*
 * The type the group's default domain has to be: @target_type when sysfs
 * asks for one, otherwise what the drivers and devices require, 0 meaning
 * "no requirement, the global policy decides". A negative value means no
 * type satisfies every requirement.
 */
static int grp_required_type(struct iommu_group *grp, int target_type)
{
	struct device *untrusted = NULL;
	struct group_device *member;
	int need = 0;

	lockdep_assert_held(&grp->mutex);

	for_each_group_device(grp, member) {
		need = merge_wish(grp, member->dev, need);
		if (dev_untrusted(member->dev))
			untrusted = member->dev;
	}

	/* Nothing could use a DMA domain without the DMA API layer */
	if (!IS_ENABLED(CONFIG_IOMMU_DMA)) {
		if (WARN_ON(need == IOMMU_DOMAIN_DMA))
			return -1;
		if (!need)
			need = IOMMU_DOMAIN_IDENTITY;
	}

	if (untrusted) {
		if (need && need != IOMMU_DOMAIN_DMA) {
			dev_err_ratelimited(untrusted,
					    "untrusted device cannot have the %s domain its driver wants (group %d); not probing\n",
					    iommu_domain_type_str(need),
					    grp->id);
			return -1;
		}
		/* Strict translation, without a flush queue */
		need = IOMMU_DOMAIN_DMA;
	}

	if (target_type && need && need != target_type)
		return -1;
	return target_type ? target_type : need;
}

/* A default domain of @type; the current one is kept if it matches */
static struct iommu_domain *grp_domain_of_type(struct iommu_group *grp,
					       int type)
{
	struct iommu_domain *cur = grp->default_domain;

	lockdep_assert_held(&grp->mutex);

	if (cur && cur->type == type)
		return cur;
	return iommu_grp_domain_alloc(grp, type);
}

/* Why the policy's type could not be had, in words for the log */
static const char *fallback_reason(unsigned int type, int err)
{
	bool no_identity = type == IOMMU_DOMAIN_IDENTITY &&
			   (err == -EOPNOTSUPP || err == -ENODEV);

	if (no_identity)
		return "the IOMMU driver cannot identity map this device";
	return err == -ENOMEM ? "out of memory" :
				"the IOMMU driver cannot allocate it";
}

/*
 * The policy type @policy failed with @err; settle for a DMA domain and
 * say why.
 */
static struct iommu_domain *grp_fallback_to_dma(struct iommu_group *grp,
						unsigned int policy, int err)
{
	struct iommu_domain *dom;

	dom = grp_domain_of_type(grp, IOMMU_DOMAIN_DMA);
	if (IS_ERR(dom))
		return dom;

	dev_warn(iommu_group_first_dev(grp),
		 "iommu group %d: using a DMA domain instead of %s (%d): %s\n",
		 grp->id, iommu_domain_type_str(policy), err,
		 fallback_reason(policy, err));
	return dom;
}

/*
 * The default domain for @want (0: whatever the global policy says, with
 * DMA as the fallback; anything else: exactly that type).
 */
static struct iommu_domain *grp_pick_default(struct iommu_group *grp,
					     int want)
{
	struct device *first = iommu_group_first_dev(grp);
	struct iommu_domain *fixed = dev_iommu_ops(first)->default_domain;
	unsigned int policy = policy_type;
	struct iommu_domain *dom;

	lockdep_assert_held(&grp->mutex);

	/* Legacy drivers come with a single, fixed default domain */
	if (fixed)
		return want == fixed->type ? fixed : ERR_PTR(-EINVAL);

	if (want)
		return grp_domain_of_type(grp, want);

	dom = grp_domain_of_type(grp, policy);
	if (!IS_ERR(dom))
		return dom;
	/* No fallback when DMA itself is what failed */
	if (policy == IOMMU_DOMAIN_DMA)
		return ERR_PTR(-EINVAL);
	return grp_fallback_to_dma(grp, policy, PTR_ERR(dom));
}

/*
 * First try at the firmware-mandated 1:1 mappings of all members; failures
 * are noted and left for a second attempt once the group is attached.
 */
static bool grp_direct_maps_first(struct iommu_group *grp,
				  struct iommu_domain *dom)
{
	struct group_device *member;
	bool all_done = true;

	for_each_group_device(grp, member) {
		if (!iommu_install_direct_maps(dom, member->dev))
			continue;
		all_done = false;
		dev_warn_once(member->dev,
			      "firmware-requested direct mappings must wait until the device is attached\n");
	}
	return all_done;
}

/* Second attempt: now every member has to succeed */
static int grp_direct_maps_again(struct iommu_group *grp,
				 struct iommu_domain *dom)
{
	struct group_device *member;
	int rc;

	for_each_group_device(grp, member) {
		rc = iommu_install_direct_maps(dom, member->dev);
		if (rc)
			return rc;
	}
	return 0;
}

/**
 * iommu_grp_setup_default() - give a group its default domain
 * @grp: the group; grp->mutex held
 * @target_type: type requested through sysfs, or 0 to let the drivers and
 *               the global policy choose
 *
 * The domain is allocated, the members' direct mappings are put in, and
 * the group is attached to it. A group's first attach must not fail; a
 * driver failing it makes the probe fail. When an existing default domain
 * is replaced (sysfs), any failure brings the old one back.
 *
 * Return: 0; -EINVAL when no type is acceptable; or an allocation or
 * attach error.
 */
int iommu_grp_setup_default(struct iommu_group *grp, int target_type)
{
	struct iommu_domain *prev = grp->default_domain;
	struct iommu_domain *dom;
	bool maps_done;
	int want;
	int rc;

	lockdep_assert_held(&grp->mutex);

	want = grp_required_type(grp, target_type);
	if (want < 0)
		return -EINVAL;

	dom = grp_pick_default(grp, want);
	if (IS_ERR(dom))
		return PTR_ERR(dom);
	if (dom == prev)
		return 0;

	/*
	 * Direct mappings go in before any member is attached, so the DMA
	 * they exist for never hits a hole. Some drivers refuse mappings
	 * until a device is attached; those get a second try below.
	 */
	maps_done = grp_direct_maps_first(grp, dom);

	/* iommu_grp_move_member() looks at the default domain */
	grp->default_domain = dom;

	if (grp->domain) {
		rc = iommu_grp_move(grp, dom);
		if (rc)
			goto restore_prev;
	} else {
		/*
		 * Drivers may not fail a group's first attach. If one does, the
		 * probe fails and @dom is freed together with the group.
		 */
		rc = iommu_grp_move_flags(grp, dom, IOMMU_MOVE_FORCE);
		if (WARN_ON(rc))
			goto release_prev;
	}

	if (!maps_done) {
		rc = grp_direct_maps_again(grp, dom);
		if (rc)
			goto reattach_prev;
	}

release_prev:
	if (prev)
		iommu_domain_free(prev);
	return rc;

reattach_prev:
	if (prev)
		iommu_grp_move_flags(grp, prev, IOMMU_MOVE_FORCE);
restore_prev:
	if (prev) {
		grp->default_domain = prev;
		iommu_domain_free(dom);
	}
	return rc;
}

/* Parse a write to the "type" attribute; 0 stands for "auto" */
static int parse_type_attr(const char *buf, unsigned int *type)
{
	unsigned int i;

	if (sysfs_streq(buf, "auto")) {
		*type = 0;
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(dom_type_names); i++) {
		const struct dom_type_name *n = &dom_type_names[i];

		if (n->writable && sysfs_streq(buf, n->attr)) {
			*type = n->type;
			return 0;
		}
	}
	return -EINVAL;
}

/* Locked part of iommu_group_store_type() */
static int grp_change_default(struct iommu_group *grp, unsigned int type)
{
	struct iommu_domain *cur = grp->default_domain;
	struct group_device *member;
	int rc;

	lockdep_assert_held(&grp->mutex);

	/* Strict to lazy is possible in place, without a new domain */
	if (type == IOMMU_DOMAIN_DMA_FQ && cur->type == IOMMU_DOMAIN_DMA) {
		rc = iommu_dma_init_fq(cur);
		if (!rc)
			cur->type = IOMMU_DOMAIN_DMA_FQ;
		return rc;
	}

	if (grp->owner_cnt || list_empty(&grp->devices))
		return -EPERM;

	rc = iommu_grp_setup_default(grp, type);
	if (rc)
		return rc;

	for_each_group_device(grp, member)
		iommu_setup_dma_ops(member->dev);
	return 0;
}

/**
 * iommu_group_store_type() - what writing the group "type" attribute does
 * @group: the group
 * @buf: "identity", "DMA", "DMA-FQ" or "auto", optionally with a newline
 * @count: length of @buf
 *
 * Going from DMA to DMA-FQ happens on the live domain. Every other change
 * requires a group with members and no bound driver, and sets up a new
 * default domain of the requested type.
 *
 * Return: @count on success; -EACCES unless the caller has CAP_SYS_ADMIN
 * and CAP_SYS_RAWIO; -EINVAL for a string it does not know, for a group
 * without a default domain, or for a type the drivers refuse; -EPERM with
 * a bound driver or without members; or the error of the domain setup.
 */
VISIBLE_IF_KUNIT __maybe_unused
ssize_t iommu_group_store_type(struct iommu_group *group,
			       const char *buf, size_t count)
{
	unsigned int type;
	int rc;

	if (!capable(CAP_SYS_ADMIN) || !capable(CAP_SYS_RAWIO))
		return -EACCES;
	if (WARN_ON(!group) || !group->default_domain)
		return -EINVAL;
	if (parse_type_attr(buf, &type))
		return -EINVAL;

	mutex_lock(&group->mutex);
	rc = grp_change_default(group, type);
	mutex_unlock(&group->mutex);

	return rc ? rc : count;
}
EXPORT_SYMBOL_IF_KUNIT(iommu_group_store_type);

/**
 * iommu_group_show_type() - what reading the group "type" attribute shows
 * @group: the group
 * @buf: a buffer of PAGE_SIZE bytes
 *
 * The default domain's type: blocked, identity, unmanaged, DMA, DMA-FQ, or
 * unknown (which is also shown before there is a default domain).
 *
 * Return: how many bytes were written to @buf.
 */
VISIBLE_IF_KUNIT __maybe_unused
ssize_t iommu_group_show_type(struct iommu_group *group, char *buf)
{
	const struct dom_type_name *n = NULL;

	mutex_lock(&group->mutex);
	if (group->default_domain)
		n = dom_type_lookup(group->default_domain->type);
	mutex_unlock(&group->mutex);

	return scnprintf(buf, PAGE_SIZE, "%s\n",
			 n && n->attr ? n->attr : "unknown");
}
EXPORT_SYMBOL_IF_KUNIT(iommu_group_show_type);
