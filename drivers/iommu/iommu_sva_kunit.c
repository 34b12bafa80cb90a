// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of Shared Virtual Addressing: binding devices to process
 * address spaces, bond reference counting through attach handles, SVA
 * domain sharing, and the PASID of an mm.
 *
 * Numbers in comments refer to the conformance list of the IOMMU core
 * reference (ref/core.md section 12).
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/mm_types.h>
#include <linux/refcount.h>
#include <linux/sched/mm.h>
#include <kunit/bug.h>
#include <kunit/device.h>
#include <kunit/test.h>

#include "iommu-mock.h"
#include "iommu-priv.h"

static struct mock_iommu *sva_inst(struct kunit *test)
{
	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	return MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
}

static struct mm_struct *sva_mm(struct kunit *test)
{
	struct mm_struct *mm = mock_mm_alloc(test);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, mm);
	return mm;
}

static struct iommu_sva *sva_bind(struct kunit *test, struct device *dev,
				  struct mm_struct *mm)
{
	struct iommu_sva *bond = iommu_sva_bind_device(dev, mm);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bond);
	return bond;
}

/* 68, seed scenario: one bond per (device, mm), counted in its handle */
static void sva_bind_same_dev_mm_twice_same_handle_users_2(struct kunit *test)
{
	struct mock_iommu *inst = sva_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	struct iommu_sva *h1, *h2;
	struct iommu_domain *domain;
	u32 pasid;

	h1 = sva_bind(test, dev, mm);
	h2 = sva_bind(test, dev, mm);
	KUNIT_EXPECT_PTR_EQ(test, h1, h2);
	KUNIT_EXPECT_EQ(test, refcount_read(&h1->users), 2U);
	KUNIT_EXPECT_PTR_EQ(test, h1->dev, dev);

	domain = h1->handle.domain;
	pasid = iommu_sva_get_pasid(h1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_SVA),
			1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_SET_DEV_PASID), 1);
	KUNIT_EXPECT_PTR_EQ(test,
			    iommu_attach_handle_get(dev->iommu_group, pasid,
						    IOMMU_DOMAIN_SVA),
			    &h1->handle);

	/* The first unbind only drops a reference */
	iommu_sva_unbind_device(h2);
	KUNIT_EXPECT_EQ(test, refcount_read(&h1->users), 1U);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(dev, pasid), domain);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_REMOVE_DEV_PASID),
			0);

	/* The second detaches the PASID and frees the domain */
	iommu_sva_unbind_device(h1);
	KUNIT_EXPECT_NULL(test, mock_dev_pasid_domain(dev, pasid));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_REMOVE_DEV_PASID),
			1);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(dev->iommu_group,
							  pasid, 0),
			    ERR_PTR(-ENOENT));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_FREE), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), 1U);
}

/* What the core fills in for an SVA domain */
static void sva_domain_core_fields(struct kunit *test)
{
	struct mock_iommu *inst = sva_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	struct iommu_sva *bond = sva_bind(test, dev, mm);
	struct iommu_domain *domain = bond->handle.domain;

	KUNIT_EXPECT_EQ(test, domain->type, IOMMU_DOMAIN_SVA);
	KUNIT_EXPECT_PTR_EQ(test, domain->mm, mm);
	KUNIT_EXPECT_PTR_EQ(test, domain->owner, dev_iommu_ops(dev));
	KUNIT_EXPECT_NOT_NULL(test, domain->iopf_handler);
	KUNIT_EXPECT_EQ(test, domain->users, 1);
	KUNIT_EXPECT_NOT_NULL(test, mm->iommu_mm);
	iommu_sva_unbind_device(bond);
}

/* 69: one mm, two devices of one driver: one SVA domain */
static void sva_one_mm_two_devices_share_domain(struct kunit *test)
{
	struct mock_iommu *inst = sva_inst(test);
	struct device *a = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	struct device *b = MOCK_DEV(test, inst, "sva-b", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	struct iommu_sva *ha, *hb;
	struct iommu_domain *domain;

	ha = sva_bind(test, a, mm);
	hb = sva_bind(test, b, mm);
	KUNIT_EXPECT_PTR_NE(test, ha, hb);
	domain = ha->handle.domain;
	KUNIT_EXPECT_PTR_EQ(test, hb->handle.domain, domain);
	KUNIT_EXPECT_EQ(test, domain->users, 2);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_SVA),
			1);

	iommu_sva_unbind_device(ha);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_FREE), 0);
	KUNIT_EXPECT_EQ(test, domain->users, 1);
	iommu_sva_unbind_device(hb);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_FREE), 1);
}

/* 69: devices of two different drivers need two SVA domains */
static void sva_two_drivers_two_domains(struct kunit *test)
{
	struct mock_iommu *inst = sva_inst(test);
	struct mock_iommu *other = MOCK_IOMMU(test, MOCK_IOMMU_MODERN);
	struct device *a = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	struct device *b = MOCK_DEV(test, other, "sva-b", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	struct iommu_sva *ha, *hb;

	ha = sva_bind(test, a, mm);
	hb = sva_bind(test, b, mm);
	KUNIT_EXPECT_PTR_NE(test, ha->handle.domain, hb->handle.domain);
	/* 74: one PASID per mm */
	KUNIT_EXPECT_EQ(test, iommu_sva_get_pasid(ha), iommu_sva_get_pasid(hb));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(other,
					       MOCK_OP_DOMAIN_ALLOC_SVA), 1);
	iommu_sva_unbind_device(hb);
	iommu_sva_unbind_device(ha);
}

/* 70 */
static void sva_bind_pasid_beyond_device_eoverflow(struct kunit *test)
{
	struct mock_iommu *inst = sva_inst(test);
	struct mock_iommu *narrow = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
					       .max_pasids = 1);
	struct device *wide = MOCK_DEV(test, inst, "sva-wide", MOCK_DEV_PASID);
	struct device *small = MOCK_DEV(test, narrow, "sva-small",
					MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	struct iommu_sva *bond;

	KUNIT_ASSERT_EQ(test, small->iommu->max_pasids, 1U);
	bond = sva_bind(test, wide, mm);
	KUNIT_ASSERT_GE(test, iommu_sva_get_pasid(bond), 1U);

	mock_iommu_log_clear(narrow);
	KUNIT_EXPECT_PTR_EQ(test, iommu_sva_bind_device(small, mm),
			    ERR_PTR(-EOVERFLOW));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(narrow, MOCK_OP_SET_DEV_PASID),
			0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(narrow,
					       MOCK_OP_DOMAIN_ALLOC_SVA), 0);
	iommu_sva_unbind_device(bond);
}

/* 71: no PASID support (or no PASID left) for a new mm */
static void sva_bind_no_pasid_enospc(struct kunit *test)
{
	struct mock_iommu *inst = sva_inst(test);
	struct mock_iommu *narrow = MOCK_IOMMU(test, MOCK_IOMMU_MODERN,
					       .max_pasids = 1);
	struct device *none = MOCK_DEV(test, inst, "sva-none", 0);
	struct device *one = MOCK_DEV(test, narrow, "sva-one", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);

	KUNIT_ASSERT_EQ(test, none->iommu->max_pasids, 0U);
	KUNIT_EXPECT_PTR_EQ(test, iommu_sva_bind_device(none, mm),
			    ERR_PTR(-ENOSPC));
	/* One PASID means only PASID 0, which is never handed out */
	KUNIT_EXPECT_PTR_EQ(test, iommu_sva_bind_device(one, mm),
			    ERR_PTR(-ENOSPC));
	KUNIT_EXPECT_NULL(test, mm->iommu_mm);
}

/*
 * 72, seed scenario: the mm's PASID is already used on this group by a
 * domain that is not SVA: the bind stops with -EBUSY and installs nothing.
 */
static void sva_bind_over_non_sva_pasid_ebusy_nothing_installed(struct kunit *test)
{
	struct mock_iommu *inst = sva_inst(test);
	struct device *a = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	struct device *b = MOCK_DEV(test, inst, "sva-b", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	struct iommu_domain *paging = MOCK_PAGING(test, b);
	struct iommu_attach_handle handle = {};
	struct iommu_sva *ha;
	unsigned int live;
	u32 pasid;

	ha = sva_bind(test, a, mm);
	pasid = iommu_sva_get_pasid(ha);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(paging, b, pasid,
							&handle), 0);
	live = mock_iommu_live_domains(inst);
	mock_iommu_log_clear(inst);

	KUNIT_EXPECT_PTR_EQ(test, iommu_sva_bind_device(b, mm),
			    ERR_PTR(-EBUSY));

	/* Nothing tried, nothing changed */
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_SET_DEV_PASID), 0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_REMOVE_DEV_PASID),
			0);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_SVA),
			0);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), live);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(b, pasid), paging);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(b->iommu_group, pasid,
							  0), &handle);
	KUNIT_EXPECT_EQ(test, ha->handle.domain->users, 1);

	iommu_detach_device_pasid(paging, b, pasid);
	iommu_sva_unbind_device(ha);
}

/* 72: a PASID attached without a handle is just as busy */
static void sva_bind_over_handleless_pasid_ebusy(struct kunit *test)
{
	struct mock_iommu *inst = sva_inst(test);
	struct device *a = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	struct device *b = MOCK_DEV(test, inst, "sva-b", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	struct iommu_domain *paging = MOCK_PAGING(test, b);
	struct iommu_sva *ha;
	unsigned int live;
	u32 pasid;

	ha = sva_bind(test, a, mm);
	pasid = iommu_sva_get_pasid(ha);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(paging, b, pasid, NULL),
			0);
	live = mock_iommu_live_domains(inst);

	KUNIT_EXPECT_PTR_EQ(test, iommu_sva_bind_device(b, mm),
			    ERR_PTR(-EBUSY));
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(b, pasid), paging);
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), live);
	KUNIT_EXPECT_EQ(test, ha->handle.domain->users, 1);

	iommu_detach_device_pasid(paging, b, pasid);
	iommu_sva_unbind_device(ha);
}

/* 73 */
static void sva_bind_without_group_enodev(struct kunit *test)
{
	struct device *bare = kunit_device_register(test, "sva-bare");
	struct mm_struct *mm = sva_mm(test);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, bare);
	KUNIT_EXPECT_PTR_EQ(test, iommu_sva_bind_device(bare, mm),
			    ERR_PTR(-ENODEV));
	KUNIT_EXPECT_NULL(test, mm->iommu_mm);
}

/* 74 */
static void sva_get_pasid_same_for_every_device(struct kunit *test)
{
	struct mock_iommu *inst = sva_inst(test);
	struct device *a = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	struct device *b = MOCK_DEV(test, inst, "sva-b", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	struct mm_struct *mm2 = sva_mm(test);
	struct iommu_sva *ha, *hb, *h2;
	u32 pasid;

	ha = sva_bind(test, a, mm);
	hb = sva_bind(test, b, mm);
	h2 = sva_bind(test, a, mm2);
	pasid = iommu_sva_get_pasid(ha);

	KUNIT_EXPECT_NE(test, pasid, IOMMU_PASID_INVALID);
	KUNIT_EXPECT_NE(test, pasid, IOMMU_NO_PASID);
	KUNIT_EXPECT_EQ(test, iommu_sva_get_pasid(hb), pasid);
	KUNIT_EXPECT_EQ(test, mm_get_enqcmd_pasid(mm), pasid);
	/* Another mm gets another PASID and another domain */
	KUNIT_EXPECT_NE(test, iommu_sva_get_pasid(h2), pasid);
	KUNIT_EXPECT_PTR_NE(test, h2->handle.domain, ha->handle.domain);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(a, pasid),
			    ha->handle.domain);
	KUNIT_EXPECT_PTR_EQ(test, mock_dev_pasid_domain(a, iommu_sva_get_pasid(h2)),
			    h2->handle.domain);

	iommu_sva_unbind_device(h2);
	iommu_sva_unbind_device(hb);
	iommu_sva_unbind_device(ha);
	/* The PASID stays with the mm until the mm goes */
	KUNIT_EXPECT_EQ(test, mm_get_enqcmd_pasid(mm), pasid);
}

struct sva_alloc_fail_case {
	int err;
	const char *desc;
};

static const struct sva_alloc_fail_case sva_alloc_fail_cases[] = {
	{ -ENOMEM, "ENOMEM" },
	{ MOCK_FAIL_NULL, "NULL" },
	{ -EOPNOTSUPP, "EOPNOTSUPP" },
};

KUNIT_ARRAY_PARAM_DESC(sva_alloc_fail, sva_alloc_fail_cases, desc);

/* A failing SVA domain allocation leaves no bond and no attachment */
static void sva_domain_alloc_failure(struct kunit *test)
{
	const struct sva_alloc_fail_case *p = test->param_value;
	struct mock_iommu *inst = sva_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	int expect = p->err == MOCK_FAIL_NULL ? -ENOMEM : p->err;

	mock_iommu_fail(inst, MOCK_OP_DOMAIN_ALLOC_SVA, p->err, 1, NULL, NULL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_sva_bind_device(dev, mm),
			    ERR_PTR(expect));
	KUNIT_EXPECT_TRUE(test, xa_empty(&dev->iommu_group->pasid_array));
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_SET_DEV_PASID), 0);
}

/* A failing set_dev_pasid frees the new SVA domain again */
static void sva_set_dev_pasid_failure_frees_domain(struct kunit *test)
{
	struct mock_iommu *inst = sva_inst(test);
	struct device *dev = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	unsigned int live = mock_iommu_live_domains(inst);

	mock_iommu_fail(inst, MOCK_OP_SET_DEV_PASID, -ENOSPC, 1, NULL, NULL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_sva_bind_device(dev, mm),
			    ERR_PTR(-ENOSPC));
	KUNIT_EXPECT_EQ(test, mock_iommu_live_domains(inst), live);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_FREE), 1);
	KUNIT_EXPECT_TRUE(test, xa_empty(&dev->iommu_group->pasid_array));

	/* And a retry works */
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_SVA),
			1);
	iommu_sva_unbind_device(sva_bind(test, dev, mm));
}

/*
 * An existing SVA domain of the mm that this device cannot use (EINVAL):
 * the core tries the next one, and finally a new domain.
 */
static void sva_incompatible_domain_gets_new_one(struct kunit *test)
{
	struct mock_iommu *inst = sva_inst(test);
	struct device *a = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	struct device *b = MOCK_DEV(test, inst, "sva-b", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	struct iommu_sva *ha, *hb;

	ha = sva_bind(test, a, mm);
	mock_iommu_fail(inst, MOCK_OP_SET_DEV_PASID, -EINVAL, 0, b,
			ha->handle.domain);
	hb = sva_bind(test, b, mm);
	KUNIT_EXPECT_PTR_NE(test, hb->handle.domain, ha->handle.domain);
	KUNIT_EXPECT_EQ(test, ha->handle.domain->users, 1);
	KUNIT_EXPECT_EQ(test, hb->handle.domain->users, 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_SVA),
			2);
	mock_iommu_fail_clear(inst, MOCK_OP_SET_DEV_PASID);
	iommu_sva_unbind_device(hb);
	iommu_sva_unbind_device(ha);
}

/*
 * The same with an errno outside the attach contract: the core takes it
 * as ENODEV (this device cannot attach at all) and does not look for
 * another domain; the caller sees the driver's errno.
 */
static void sva_out_of_contract_errno_stops_search(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(iommu_check_attach_result);
	struct mock_iommu *inst = sva_inst(test);
	struct device *a = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	struct device *b = MOCK_DEV(test, inst, "sva-b", MOCK_DEV_PASID);
	struct mm_struct *mm = sva_mm(test);
	struct iommu_sva *ha, *hb;

	ha = sva_bind(test, a, mm);
	mock_iommu_fail(inst, MOCK_OP_SET_DEV_PASID, -EIO, 1, b, NULL);
	mock_iommu_log_clear(inst);

	START_SUPPRESSED_WARNING(iommu_check_attach_result);
	hb = iommu_sva_bind_device(b, mm);
	END_SUPPRESSED_WARNING(iommu_check_attach_result);

	KUNIT_EXPECT_PTR_EQ(test, hb, ERR_PTR(-EIO));
	KUNIT_EXPECT_EQ(test,
			SUPPRESSED_WARNING_COUNT(iommu_check_attach_result), 1);
	KUNIT_EXPECT_EQ(test, mock_iommu_count(inst, MOCK_OP_DOMAIN_ALLOC_SVA),
			0);
	KUNIT_EXPECT_EQ(test, ha->handle.domain->users, 1);
	iommu_sva_unbind_device(ha);
}

/* The legacy allocator can provide SVA domains */
static void sva_with_legacy_domain_alloc(struct kunit *test)
{
	const struct mock_call *call;
	struct mock_iommu *inst;
	struct device *dev;
	struct mm_struct *mm;
	struct iommu_sva *bond;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, .identity = MOCK_IDENTITY_LEGACY,
			  .legacy_paging = true, .legacy_sva = true,
			  .pasid = true, .max_pasids = 1U << 16);
	dev = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	mm = sva_mm(test);

	bond = sva_bind(test, dev, mm);
	KUNIT_EXPECT_EQ(test, bond->handle.domain->type, IOMMU_DOMAIN_SVA);
	call = mock_iommu_last_call(inst, MOCK_OP_DOMAIN_ALLOC);
	KUNIT_ASSERT_NOT_NULL(test, call);
	KUNIT_EXPECT_EQ(test, call->type, IOMMU_DOMAIN_SVA);
	iommu_sva_unbind_device(bond);
}

/* A driver without any way to make SVA domains */
static void sva_without_sva_support_eopnotsupp(struct kunit *test)
{
	struct mock_iommu *inst;
	struct device *dev;
	struct mm_struct *mm;

	mock_policy_set(test, IOMMU_DOMAIN_DMA);
	inst = MOCK_IOMMU(test, MOCK_IOMMU_MODERN, .without = MOCK_WITHOUT_SVA);
	dev = MOCK_DEV(test, inst, "sva-a", MOCK_DEV_PASID);
	mm = sva_mm(test);

	KUNIT_EXPECT_PTR_EQ(test, iommu_sva_bind_device(dev, mm),
			    ERR_PTR(-EOPNOTSUPP));
	KUNIT_EXPECT_TRUE(test, xa_empty(&dev->iommu_group->pasid_array));
}

static struct kunit_case iommu_sva_cases[] = {
	KUNIT_CASE(sva_bind_same_dev_mm_twice_same_handle_users_2),
	KUNIT_CASE(sva_domain_core_fields),
	KUNIT_CASE(sva_one_mm_two_devices_share_domain),
	KUNIT_CASE(sva_two_drivers_two_domains),
	KUNIT_CASE(sva_bind_pasid_beyond_device_eoverflow),
	KUNIT_CASE(sva_bind_no_pasid_enospc),
	KUNIT_CASE(sva_bind_over_non_sva_pasid_ebusy_nothing_installed),
	KUNIT_CASE(sva_bind_over_handleless_pasid_ebusy),
	KUNIT_CASE(sva_bind_without_group_enodev),
	KUNIT_CASE(sva_get_pasid_same_for_every_device),
	KUNIT_CASE_PARAM(sva_domain_alloc_failure, sva_alloc_fail_gen_params),
	KUNIT_CASE(sva_set_dev_pasid_failure_frees_domain),
	KUNIT_CASE(sva_incompatible_domain_gets_new_one),
	KUNIT_CASE(sva_out_of_contract_errno_stops_search),
	KUNIT_CASE(sva_with_legacy_domain_alloc),
	KUNIT_CASE(sva_without_sva_support_eopnotsupp),
	{}
};

static struct kunit_suite iommu_sva_suite = {
	.name = "iommu_sva",
	.test_cases = iommu_sva_cases,
};

kunit_test_suite(iommu_sva_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_IMPORT_NS(IOMMUFD_INTERNAL);
