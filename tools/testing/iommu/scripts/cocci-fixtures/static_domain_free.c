// SPDX-License-Identifier: GPL-2.0
/*
 * Fixture for scripts/coccinelle/iommu/static_domain_free.cocci.  Never
 * compiled; lint.sh checks that the rule reports exactly the lines marked
 * "cocci-expect: static_domain_free".
 */
#include <linux/iommu.h>

static void fixture_domain_free(struct iommu_domain *domain);
static int fixture_attach(struct iommu_domain *domain, struct device *dev);

static const struct iommu_domain_ops fixture_identity_ops = {
	.attach_dev	= fixture_attach,
	.free		= fixture_domain_free, /* cocci-expect: static_domain_free */
};

static struct iommu_domain fixture_identity_domain = {
	.type	= IOMMU_DOMAIN_IDENTITY,
	.ops	= &fixture_identity_ops,
};

static struct iommu_domain fixture_blocked_domain = {
	.ops	= &(const struct iommu_domain_ops) {
		.attach_dev	= fixture_attach,
		.free		= fixture_domain_free, /* cocci-expect: static_domain_free */
	},
	.type	= IOMMU_DOMAIN_BLOCKED,
};

/* Paging domains are allocated and freed: .free is required there. */
static const struct iommu_domain_ops fixture_paging_ops = {
	.attach_dev	= fixture_attach,
	.free		= fixture_domain_free,
};

/* A static identity domain without .free is what the contract asks for. */
static const struct iommu_domain_ops fixture_good_identity_ops = {
	.attach_dev	= fixture_attach,
};

static struct iommu_domain fixture_good_identity_domain = {
	.type	= IOMMU_DOMAIN_IDENTITY,
	.ops	= &fixture_good_identity_ops,
};
