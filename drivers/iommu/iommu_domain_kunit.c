// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of domain allocation and freeing, and of the small per-domain
 * and per-device APIs (MSI cookie, nesting, quirks, features, capabilities).
 *
 * Numbers in comments refer to the conformance list of the IOMMU core
 * reference (ref/core.md section 12).
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <kunit/bug.h>
#include <kunit/device.h>
#include <kunit/test.h>

#include "iommu-mock.h"
#include "iommu-priv.h"

/* Calls of any domain allocator of the driver */
static unsigned int dom_alloc_calls(struct mock_iommu *inst)
{
	return mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC) +
	       mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_PAGING) +
	       mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_IDENTITY) +
	       mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_SVA) +
	       mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_USER);
}

/* 1 */
static void paging_alloc_without_iommu_enodev(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *bare = kunit_device_register(test, "dom-bare");
	struct device *unprobed;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bare);
	KUNIT_EXPECT_PTR_EQ(test, iommu_paging_domain_alloc(bare),
			    ERR_PTR(-ENODEV));

	/* A fwspec alone does not make a device served */
	unprobed = MOCK_DEV(test, inst, "dom-unprobed", MOCK_DEV_NO_PROBE);
	KUNIT_EXPECT_PTR_EQ(test, iommu_paging_domain_alloc(unprobed),
			    ERR_PTR(-ENODEV));
	KUNIT_EXPECT_EQ(test, dom_alloc_calls(inst), 0);
}

/* 2 */
static void identity_request_returns_static_domain(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", 0);
	struct iommu_domain *domain;

	mock_iommu_log_clear(inst);
	domain = __iommu_domain_alloc(dev_iommu_ops(dev), dev,
				      IOMMU_DOMAIN_IDENTITY);
	KUNIT_EXPECT_PTR_EQ(test, domain, mock_iommu_identity(inst));
	KUNIT_EXPECT_PTR_EQ(test, domain, dev_iommu_ops(dev)->identity_domain);
	KUNIT_EXPECT_EQ(test, dom_alloc_calls(inst), 0);
	/* The core leaves static domains alone */
	KUNIT_EXPECT_NULL(test, domain->owner);
}

/* 3 */
static void blocked_request_returns_static_domain(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", 0);
	struct iommu_domain *domain;

	mock_iommu_log_clear(inst);
	domain = __iommu_domain_alloc(dev_iommu_ops(dev), dev,
				      IOMMU_DOMAIN_BLOCKED);
	KUNIT_EXPECT_PTR_EQ(test, domain, mock_iommu_blocked(inst));
	KUNIT_EXPECT_EQ(test, dom_alloc_calls(inst), 0);
	KUNIT_EXPECT_EQ(test, domain->type, IOMMU_DOMAIN_BLOCKED);
}

/* 4 */
static void no_alloc_op_eopnotsupp(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_IDENTITY);
	inst = MOCK_IOMMU(test, .identity = MOCK_IDENTITY_STATIC);
	dev = MOCK_DEV(test, inst, "dom-a", 0);

	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(dev),
			    mock_iommu_identity(inst));
	KUNIT_EXPECT_PTR_EQ(test, iommu_paging_domain_alloc(dev),
			    ERR_PTR(-EOPNOTSUPP));
	KUNIT_EXPECT_PTR_EQ(test, __iommu_domain_alloc(dev_iommu_ops(dev), dev,
						       IOMMU_DOMAIN_DMA),
			    ERR_PTR(-EOPNOTSUPP));
	KUNIT_EXPECT_PTR_EQ(test, __iommu_domain_alloc(dev_iommu_ops(dev), dev,
						       IOMMU_DOMAIN_BLOCKED),
			    ERR_PTR(-EOPNOTSUPP));
	KUNIT_EXPECT_PTR_EQ(test, __iommu_domain_alloc(dev_iommu_ops(dev), dev,
						       IOMMU_DOMAIN_SVA),
			    ERR_PTR(-EOPNOTSUPP));
}

/* 5: NULL from the driver means out of memory */
static void driver_null_becomes_enomem(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", 0);
	unsigned int live = mock_iommu_live_domains(inst);

	mock_iommu_fail(inst, MOCK_OP_DOMAIN_ALLOC_PAGING, MOCK_FAIL_NULL, 1,
			NULL, NULL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_paging_domain_alloc(dev),
			    ERR_PTR(-ENOMEM));
	KUNIT_EXPECT_EQ(test, mock_iommu_fired(inst,
					       MOCK_OP_DOMAIN_ALLOC_PAGING), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), live);
}

/* 5: same for the legacy allocator */
static void legacy_null_becomes_enomem(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, .identity = MOCK_IDENTITY_LEGACY,
			  .legacy_paging = true);
	dev = MOCK_DEV(test, inst, "dom-a", 0);

	mock_iommu_fail(inst, MOCK_OP_DOMAIN_ALLOC, MOCK_FAIL_NULL, 1, NULL,
			NULL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_paging_domain_alloc(dev),
			    ERR_PTR(-ENOMEM));
	/* A legacy driver saying NULL for an unknown type: also ENOMEM */
	KUNIT_EXPECT_PTR_EQ(test, __iommu_domain_alloc(dev_iommu_ops(dev), dev,
						       IOMMU_DOMAIN_SVA),
			    ERR_PTR(-ENOMEM));
}

struct dom_errno_case {
	int err;
	const char *desc;
};

static const struct dom_errno_case dom_alloc_errnos[] = {
	{ -ENOMEM, "ENOMEM" },
	{ -EINVAL, "EINVAL" },
	{ -ENOSPC, "ENOSPC" },
	{ -EOPNOTSUPP, "EOPNOTSUPP" },
	{ -ENODEV, "ENODEV" },
	{ -E2BIG, "E2BIG" },
};

KUNIT_ARRAY_PARAM_DESC(dom_alloc_errno, dom_alloc_errnos, desc);

/* 5: a driver's ERR_PTR reaches the caller unchanged */
static void driver_err_ptr_passed_through(struct kunit *test)
{
	const struct dom_errno_case *p = test->param_value;
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", 0);

	mock_iommu_fail(inst, MOCK_OP_DOMAIN_ALLOC_PAGING, p->err, 1, NULL,
			NULL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_paging_domain_alloc(dev),
			    ERR_PTR(p->err));
}

/* 6 */
static void core_fills_type_owner_pgsize_ops(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *domain;
	struct device *dev;

	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .leave_pgsize_zero = true,
			  .use_default_domain_ops = true,
			  .pgsize_bitmap = SZ_4K | SZ_64K);
	dev = MOCK_DEV(test, inst, "dom-a", 0);
	domain = MOCK_PAGING(test, dev);

	KUNIT_EXPECT_EQ(test, domain->type, IOMMU_DOMAIN_UNMANAGED);
	KUNIT_EXPECT_PTR_EQ(test, domain->owner, dev_iommu_ops(dev));
	KUNIT_EXPECT_EQ(test, domain->pgsize_bitmap,
			(unsigned long)(SZ_4K | SZ_64K));
	KUNIT_EXPECT_PTR_EQ(test, domain->ops,
			    dev_iommu_ops(dev)->default_domain_ops);
	KUNIT_EXPECT_NULL(test, domain->iova_cookie);
}

/* 6: the requested type is kept, flush-queue bit included */
static void dma_fq_request_keeps_fq_type(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", 0);
	struct iommu_domain *domain;

	domain = __iommu_domain_alloc(dev_iommu_ops(dev), dev,
				      IOMMU_DOMAIN_DMA_FQ);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, domain);
	KUNIT_EXPECT_EQ(test, domain->type, IOMMU_DOMAIN_DMA_FQ);
	KUNIT_EXPECT_PTR_EQ(test, domain->owner, dev_iommu_ops(dev));
	/* DMA API domains come with their IOVA cookie */
	KUNIT_EXPECT_NOT_NULL(test, domain->iova_cookie);
	iommu_domain_free(domain);
}

/* 7 */
static void dma_fq_reaches_legacy_alloc_as_dma(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *domain;
	const struct mock_call *call;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, .identity = MOCK_IDENTITY_LEGACY,
			  .legacy_paging = true);
	dev = MOCK_DEV(test, inst, "dom-a", 0);

	mock_iommu_log_clear(inst);
	domain = __iommu_domain_alloc(dev_iommu_ops(dev), dev,
				      IOMMU_DOMAIN_DMA_FQ);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, domain);
	call = mock_iommu_last_call(inst, MOCK_OP_DOMAIN_ALLOC);
	KUNIT_ASSERT_NOT_NULL(test, call);
	KUNIT_EXPECT_EQ(test, call->type, IOMMU_DOMAIN_DMA);
	KUNIT_EXPECT_EQ(test, domain->type, IOMMU_DOMAIN_DMA_FQ);
	iommu_domain_free(domain);
}

/* 8: the bus allocator does not know a device */
static void legacy_bus_alloc_passes_null_dev(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	const struct mock_call *call;
	struct iommu_domain *domain;

	MOCK_DEV(test, inst, "dom-a", 0);
	mock_iommu_log_clear(inst);

	domain = iommu_domain_alloc(mock_iommu_bus());
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, domain);
	KUNIT_ASSERT_EQ(test, 0, mock_free_on_exit(test, domain));
	KUNIT_EXPECT_EQ(test, domain->type, IOMMU_DOMAIN_UNMANAGED);
	call = mock_iommu_last_call(inst, MOCK_OP_DOMAIN_ALLOC_PAGING);
	KUNIT_ASSERT_NOT_NULL(test, call);
	KUNIT_EXPECT_NULL(test, call->dev);
}

/* 8: failures are NULL, never an ERR_PTR */
static void legacy_bus_alloc_failure_returns_null(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);

	MOCK_DEV(test, inst, "dom-a", 0);
	mock_iommu_fail(inst, MOCK_OP_DOMAIN_ALLOC_PAGING, -ENOSPC, 1, NULL,
			NULL);
	KUNIT_EXPECT_NULL(test, iommu_domain_alloc(mock_iommu_bus()));
	mock_iommu_fail(inst, MOCK_OP_DOMAIN_ALLOC_PAGING, MOCK_FAIL_NULL, 1,
			NULL, NULL);
	KUNIT_EXPECT_NULL(test, iommu_domain_alloc(mock_iommu_bus()));
}

/* 8: no driver on the bus, or more than one: NULL */
static void legacy_bus_alloc_needs_exactly_one_driver(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(bus_dev_pick_ops);
	struct mock_iommu *a = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct mock_iommu *b = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct iommu_domain *domain;

	KUNIT_EXPECT_NULL(test, iommu_domain_alloc(mock_iommu_bus()));

	MOCK_DEV(test, a, "dom-a", 0);
	MOCK_DEV(test, b, "dom-b", 0);
	mock_iommu_log_clear(a);
	mock_iommu_log_clear(b);

	START_SUPPRESSED_WARNING(bus_dev_pick_ops);
	domain = iommu_domain_alloc(mock_iommu_bus());
	END_SUPPRESSED_WARNING(bus_dev_pick_ops);

	KUNIT_EXPECT_NULL(test, domain);
	/* A one-time warning: it may have fired in an earlier test */
	KUNIT_EXPECT_LE(test,
			SUPPRESSED_WARNING_COUNT(bus_dev_pick_ops), 1);
	KUNIT_EXPECT_EQ(test, dom_alloc_calls(a) + dom_alloc_calls(b), 0);
}

/* 9 */
static void free_calls_driver_free_once(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", 0);
	unsigned int live = mock_iommu_live_domains(inst);
	struct iommu_domain *domain = iommu_paging_domain_alloc(dev);
	const struct mock_call *call;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, domain);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), live + 1);
	mock_iommu_log_clear(inst);

	iommu_domain_free(domain);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_FREE), 1);
	call = mock_iommu_last_call(inst, MOCK_OP_FREE);
	KUNIT_ASSERT_NOT_NULL(test, call);
	KUNIT_EXPECT_PTR_EQ(test, call->domain, domain);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), live);
}

/* 9 */
static void free_static_domain_is_noop(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", 0);
	struct iommu_domain *identity = mock_iommu_identity(inst);
	struct iommu_domain *domain;

	mock_iommu_log_clear(inst);
	KUNIT_ASSERT_NULL(test, identity->ops->free);
	iommu_domain_free(identity);
	iommu_domain_free(mock_iommu_blocked(inst));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_FREE), 0);

	/* Still the same, still usable */
	domain = __iommu_domain_alloc(dev_iommu_ops(dev), dev,
				      IOMMU_DOMAIN_IDENTITY);
	KUNIT_EXPECT_PTR_EQ(test, domain, identity);
	KUNIT_EXPECT_EQ(test, identity->type, IOMMU_DOMAIN_IDENTITY);
}

/* 94 */
static void iova_to_phys_identity_and_blocked(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);

	mock_iommu_log_clear(inst);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(mock_iommu_identity(inst),
						 0x12345000),
			(phys_addr_t)0x12345000);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(mock_iommu_identity(inst),
						 0xfff),
			(phys_addr_t)0xfff);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(mock_iommu_blocked(inst),
						 0x12345000),
			(phys_addr_t)0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_IOVA_TO_PHYS), 0);
}

/* 94: paging domains ask the driver */
static void iova_to_phys_paging_asks_driver(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", 0);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_ASSERT_EQ(test, iommu_map(domain, 0x200000, 0x80000000, SZ_8K,
					IOMMU_READ, GFP_KERNEL), 0);
	mock_iommu_log_clear(inst);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(domain, 0x201234),
			(phys_addr_t)0x80001234);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(domain, 0x400000),
			(phys_addr_t)0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_IOVA_TO_PHYS), 2);
	KUNIT_EXPECT_EQ(test, iommu_unmap(domain, 0x200000, SZ_8K),
			(size_t)SZ_8K);
}

/* 97 */
static void msi_cookie_rules(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *domain, *def;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	dev = MOCK_DEV(test, inst, "dom-a", 0);
	domain = MOCK_PAGING(test, dev);
	def = iommu_get_domain_for_dev(dev);

	KUNIT_EXPECT_EQ(test, iommu_get_msi_cookie(def, 0x8000000), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_get_msi_cookie(mock_iommu_identity(inst),
						   0x8000000), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_get_msi_cookie(domain, 0x8000000), 0);
	KUNIT_EXPECT_NOT_NULL(test, domain->iova_cookie);
	KUNIT_EXPECT_EQ(test, iommu_get_msi_cookie(domain, 0x9000000), -EEXIST);
}

/* 98 */
static void dev_feature_without_op(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
					     .without = MOCK_WITHOUT_DEV_FEAT);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", 0);
	struct device *bare = kunit_device_register(test, "dom-bare");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bare);
	KUNIT_EXPECT_EQ(test, iommu_dev_enable_feature(dev, IOMMU_DEV_FEAT_IOPF),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, iommu_dev_disable_feature(dev,
							IOMMU_DEV_FEAT_IOPF),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, iommu_dev_enable_feature(bare, IOMMU_DEV_FEAT_SVA),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, iommu_dev_disable_feature(bare,
							IOMMU_DEV_FEAT_SVA),
			-EBUSY);
}

/* 98: with the ops, the driver's answers come back */
static void dev_feature_reaches_driver(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", MOCK_DEV_PASID);

	KUNIT_EXPECT_EQ(test, iommu_dev_enable_feature(dev, IOMMU_DEV_FEAT_SVA),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_dev_enable_feature(dev, IOMMU_DEV_FEAT_IOPF),
			0);
	KUNIT_EXPECT_EQ(test, iommu_dev_enable_feature(dev, IOMMU_DEV_FEAT_SVA),
			0);
	KUNIT_EXPECT_EQ(test, mock_dev_features(dev),
			BIT(IOMMU_DEV_FEAT_IOPF) | BIT(IOMMU_DEV_FEAT_SVA));
	KUNIT_EXPECT_EQ(test, iommu_dev_disable_feature(dev,
							IOMMU_DEV_FEAT_IOPF),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, iommu_dev_disable_feature(dev,
							IOMMU_DEV_FEAT_SVA), 0);
	KUNIT_EXPECT_EQ(test, iommu_dev_disable_feature(dev,
							IOMMU_DEV_FEAT_IOPF),
			0);
	KUNIT_EXPECT_EQ(test, mock_dev_features(dev), 0);

	mock_iommu_fail(inst, MOCK_OP_DEV_ENABLE_FEAT, -E2BIG, 1, dev, NULL);
	KUNIT_EXPECT_EQ(test, iommu_dev_enable_feature(dev, IOMMU_DEV_FEAT_IOPF),
			-E2BIG);
}

/* 99 */
static void nesting_and_quirks_need_unmanaged(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *domain, *def;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .nesting = true);
	dev = MOCK_DEV(test, inst, "dom-a", 0);
	def = iommu_get_domain_for_dev(dev);
	domain = MOCK_PAGING(test, dev);
	mock_iommu_log_clear(inst);

	KUNIT_EXPECT_EQ(test, iommu_enable_nesting(def), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_set_pgtable_quirks(def, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_enable_nesting(mock_iommu_identity(inst)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_ENABLE_NESTING), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst,
					       MOCK_OP_SET_PGTABLE_QUIRKS), 0);

	KUNIT_EXPECT_EQ(test, iommu_enable_nesting(domain), 0);
	KUNIT_EXPECT_EQ(test, iommu_set_pgtable_quirks(domain, 4), 0);
	KUNIT_EXPECT_TRUE(test, to_mock_domain(domain)->nesting_enabled);
	KUNIT_EXPECT_EQ(test, to_mock_domain(domain)->quirks, 4UL);

	mock_iommu_fail(inst, MOCK_OP_ENABLE_NESTING, -ENOSPC, 1, NULL, NULL);
	KUNIT_EXPECT_EQ(test, iommu_enable_nesting(domain), -ENOSPC);
}

/* 99: no op, no nesting */
static void nesting_without_op_einval(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", 0);
	struct iommu_domain *domain = MOCK_PAGING(test, dev);

	KUNIT_EXPECT_EQ(test, iommu_enable_nesting(domain), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_set_pgtable_quirks(domain, 1), -EINVAL);
}

/* device_iommu_capable() asks the driver, and only the driver */
static void capable_asks_the_driver(struct kunit *test)
{
	struct mock_iommu *inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct mock_iommu *mute = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
					     .without = MOCK_WITHOUT_CAPABLE);
	struct device *dev = MOCK_DEV(test, inst, "dom-a", 0);
	struct device *mdev = MOCK_DEV(test, mute, "dom-m", 0);
	struct device *bare = kunit_device_register(test, "dom-bare");

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bare);
	KUNIT_EXPECT_TRUE(test,
			  device_iommu_capable(dev, IOMMU_CAP_CACHE_COHERENCY));
	KUNIT_EXPECT_FALSE(test,
			   device_iommu_capable(dev, IOMMU_CAP_DIRTY_TRACKING));
	KUNIT_EXPECT_FALSE(test,
			   device_iommu_capable(mdev, IOMMU_CAP_CACHE_COHERENCY));
	KUNIT_EXPECT_FALSE(test,
			   device_iommu_capable(bare, IOMMU_CAP_CACHE_COHERENCY));
}

/* SVA domains can come from the legacy allocator too */
static void legacy_sva_alloc_gets_core_fields(struct kunit *test)
{
	struct mock_iommu *inst;
	struct iommu_domain *domain;
	struct device *dev;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, .identity = MOCK_IDENTITY_LEGACY,
			  .legacy_paging = true, .legacy_sva = true);
	dev = MOCK_DEV(test, inst, "dom-a", 0);

	domain = __iommu_domain_alloc(dev_iommu_ops(dev), dev,
				      IOMMU_DOMAIN_IDENTITY);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, domain);
	KUNIT_EXPECT_EQ(test, domain->type, IOMMU_DOMAIN_IDENTITY);
	KUNIT_EXPECT_PTR_EQ(test, domain->owner, dev_iommu_ops(dev));
	KUNIT_EXPECT_NOT_NULL(test, domain->ops->free);
	iommu_domain_free(domain);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_FREE), 1);
}

static struct kunit_case iommu_domain_cases[] = {
	KUNIT_CASE(paging_alloc_without_iommu_enodev),
	KUNIT_CASE(identity_request_returns_static_domain),
	KUNIT_CASE(blocked_request_returns_static_domain),
	KUNIT_CASE(no_alloc_op_eopnotsupp),
	KUNIT_CASE(driver_null_becomes_enomem),
	KUNIT_CASE(legacy_null_becomes_enomem),
	KUNIT_CASE_PARAM(driver_err_ptr_passed_through,
			 dom_alloc_errno_gen_params),
	KUNIT_CASE(core_fills_type_owner_pgsize_ops),
	KUNIT_CASE(dma_fq_request_keeps_fq_type),
	KUNIT_CASE(dma_fq_reaches_legacy_alloc_as_dma),
	KUNIT_CASE(legacy_bus_alloc_passes_null_dev),
	KUNIT_CASE(legacy_bus_alloc_failure_returns_null),
	KUNIT_CASE(legacy_bus_alloc_needs_exactly_one_driver),
	KUNIT_CASE(free_calls_driver_free_once),
	KUNIT_CASE(free_static_domain_is_noop),
	KUNIT_CASE(iova_to_phys_identity_and_blocked),
	KUNIT_CASE(iova_to_phys_paging_asks_driver),
	KUNIT_CASE(msi_cookie_rules),
	KUNIT_CASE(dev_feature_without_op),
	KUNIT_CASE(dev_feature_reaches_driver),
	KUNIT_CASE(nesting_and_quirks_need_unmanaged),
	KUNIT_CASE(nesting_without_op_einval),
	KUNIT_CASE(capable_asks_the_driver),
	KUNIT_CASE(legacy_sva_alloc_gets_core_fields),
	{}
};

static struct kunit_suite iommu_domain_suite = {
	.name = "iommu_domain",
	.test_cases = iommu_domain_cases,
};

kunit_test_suite(iommu_domain_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
