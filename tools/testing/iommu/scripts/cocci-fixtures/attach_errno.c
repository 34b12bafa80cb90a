// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture for scripts/coccinelle/iommu/attach_errno.cocci.  It is never
 * compiled; lint.sh runs the rule on it and compares the reported lines
 * with the lines marked "cocci-expect: attach_errno".
 */
#include <linux/errno.h>
#include <linux/iommu.h>

static int fixture_helper_state(struct device *dev);

/* Literal errnos outside the contract: both must be reported. */
static int fixture_attach_bad(struct iommu_domain *domain, struct device *dev)
{
	if (!dev)
		return -EIO; /* cocci-expect: attach_errno */
	if (domain->type == IOMMU_DOMAIN_SVA)
		return -EOPNOTSUPP; /* cocci-expect: attach_errno */
	return 0;
}

/* Only contract errnos, a variable and a callee's result: nothing to report. */
static int fixture_attach_good(struct iommu_domain *domain, struct device *dev)
{
	int ret;

	if (!domain)
		return -EINVAL;
	ret = fixture_helper_state(dev);
	if (ret)
		return ret;
	if (!dev->iommu)
		return -ENODEV;
	return fixture_helper_state(dev);
}

static int fixture_set_pasid_bad(struct iommu_domain *domain, struct device *dev,
				 ioasid_t pasid, struct iommu_domain *old)
{
	if (pasid == 0)
		return -EPERM; /* cocci-expect: attach_errno */
	if (old == domain)
		return -EBUSY;
	return -ENOSPC;
}

static const struct iommu_domain_ops fixture_paging_ops = {
	.attach_dev	= fixture_attach_bad,
	.set_dev_pasid	= fixture_set_pasid_bad,
};

static const struct iommu_domain_ops fixture_other_ops = {
	.attach_dev	= fixture_attach_good,
};

/* Not an attach op: a literal -EIO here is none of the rule's business. */
static int fixture_not_attach(struct device *dev)
{
	return -EIO;
}

static int fixture_nested_attach(struct iommu_domain *domain, struct device *dev)
{
	return -ENOTTY; /* cocci-expect: attach_errno */
}

static const struct iommu_ops fixture_iommu_ops = {
	.default_domain_ops = &(const struct iommu_domain_ops) {
		.attach_dev	= fixture_nested_attach,
	},
};
