// SPDX-License-Identifier: GPL-2.0
/*
 * The Intel VT-d driver on booted machines: what only this driver does,
 * checked in the unit's registers, in the translation structures it builds
 * and with DMA from the modelled devices.
 *
 * A case runs on each of these machines that has what it checks, booted
 * for the case and torn down after it; where a machine defines other
 * behaviour for the same request, a case of its own checks that there:
 *
 *  - "scalable": the catch-all unit in scalable mode (queued invalidation,
 *    pass-through, first and second stage, 20-bit PASIDs, only 16 domain
 *    ids), next to a small legacy unit;
 *  - "legacy-cm": the catch-all unit in legacy mode with caching mode and
 *    a write buffer to flush;
 *  - "legacy-regs": the catch-all unit in legacy mode without queued
 *    invalidation (register-based) and without page-selective invalidation.
 *
 * In all three, "dev2" sits behind a second, smaller legacy unit: 39-bit
 * tables only, no superpages, no snoop control, no pass-through.
 *
 *   00:02.0 dev   PASID-capable integrated endpoint      catch-all unit
 *   00:03.0 dev2  integrated endpoint                    small unit
 *   00:1c.0 rp    root port with ACS -> 01:00.0 ep       catch-all unit
 *   (ep uses a reserved memory region)
 */
#include <linux/bits.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/pci_ids.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/bug.h>
#include <kunit/test.h>
#include <uapi/linux/iommufd.h>

#include <host/machine.h>
#include <host/vtd.h>

#include "../../../../drivers/iommu/iommu-priv.h"
#include "../../../../drivers/iommu/intel/context.h"
#include "../../../../drivers/iommu/intel/iommu.h"
#include "../../../../drivers/iommu/intel/pasid.h"
#include "../../../../drivers/iommu/intel/qi.h"
#include "platform_test.h"

#define DRV_IOVA	0x40000000UL
#define RW		(IOMMU_READ | IOMMU_WRITE)

/* The unit every variant shares: the small legacy one of dev2 */
#define DRV_SMALL_UNIT							\
	{ .name = "dmar0", .type = MACHINE_IOMMU_VTD, .segment = 0,	\
	  .vtd = { .version = 0x10, .sagaw = BIT(1), .mgaw = 39,	\
		   .haw = 48, .nd = 2, .nr_fault_records = 4,		\
		   .mamv = 9, .psi = true, .coherent = true,		\
		   .qi = true } }

#define DRV_BIG_UNIT(...)						\
	{ .name = "dmar1", .type = MACHINE_IOMMU_VTD, .segment = 0,	\
	  .include_all = true,						\
	  .vtd = { .version = 0x60, .sagaw = BIT(1) | BIT(2),		\
		   .mgaw = 48, .haw = 48, .nr_fault_records = 8,	\
		   .sllps = BIT(0) | BIT(1), .mamv = 9, .pasid_bits = 20, \
		   .coherent = true, .sc = true, .pt = true, .dt = true, \
		   __VA_ARGS__ } }

static const struct machine_iommu_desc drv_units_sm[] = {
	DRV_SMALL_UNIT,
	DRV_BIG_UNIT(.nd = 0, .qi = true, .psi = true, .fl1gp = true,
		     .smts = true, .slts = true, .flts = true, .pasid = true,
		     .srs = true),
};

static const struct machine_iommu_desc drv_units_cm[] = {
	DRV_SMALL_UNIT,
	DRV_BIG_UNIT(.nd = 6, .qi = true, .psi = true, .caching_mode = true,
		     .rwbf = true),
};

static const struct machine_iommu_desc drv_units_regs[] = {
	DRV_SMALL_UNIT,
	DRV_BIG_UNIT(.nd = 6, .qi = false, .psi = false),
};

static const struct machine_pci_fn_desc drv_fns[] = {
	{ .name = "dev", .iommu = MACHINE_IOMMU_AUTO,
	  .fn = { PCI_FAKE_RCIEP(0, 0x02, 0), .vendor = PCI_VENDOR_ID_INTEL,
		  .device = 0x0b25, .class = PCI_CLASS_SYSTEM_DMA << 8,
		  .flags = PCI_FAKE_PASID, .pasid_width = 20 } },
	{ .name = "dev2", .iommu = 0,
	  .fn = { PCI_FAKE_RCIEP(0, 0x03, 0), .vendor = PCI_VENDOR_ID_INTEL,
		  .device = 0x0b26, .class = PCI_CLASS_SYSTEM_DMA << 8 } },
	{ .name = "rp", .iommu = MACHINE_IOMMU_AUTO,
	  .fn = { .bus = 0, .devfn = PCI_DEVFN(0x1c, 0),
		  .pcie_type = PCI_EXP_TYPE_ROOT_PORT, .secondary = 1,
		  .flags = PCI_FAKE_BRIDGE | PCI_FAKE_ACS,
		  .vendor = PCI_VENDOR_ID_INTEL, .device = 0x7ab8,
		  .acs_cap = PCI_ACS_SV | PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_UF } },
	{ .name = "ep", .iommu = MACHINE_IOMMU_AUTO,
	  .fn = { PCI_FAKE_EP(1, 0, 0), .vendor = 0x144d, .device = 0xa80a,
		  .class = PCI_CLASS_STORAGE_EXPRESS } },
};

static const struct machine_rmrr_desc drv_rmrrs[] = {
	{ .name = "ep-fw", .size = SZ_16K, .devices = { "ep" } },
};

#define DRV_SPEC_DEVICES						\
	.fns = drv_fns, .nr_fns = ARRAY_SIZE(drv_fns),			\
	.rmrrs = drv_rmrrs, .nr_rmrrs = ARRAY_SIZE(drv_rmrrs), .haw = 48

static const struct machine_spec drv_spec_sm = {
	.name = "vtd-scalable", DRV_SPEC_DEVICES,
	.iommus = drv_units_sm, .nr_iommus = ARRAY_SIZE(drv_units_sm),
};

static const struct machine_spec drv_spec_cm = {
	.name = "vtd-legacy-cm", DRV_SPEC_DEVICES,
	.iommus = drv_units_cm, .nr_iommus = ARRAY_SIZE(drv_units_cm),
};

static const struct machine_spec drv_spec_regs = {
	.name = "vtd-legacy-regs", DRV_SPEC_DEVICES,
	.iommus = drv_units_regs, .nr_iommus = ARRAY_SIZE(drv_units_regs),
};

/**
 * struct drv_variant - one machine the cases run on
 * @desc: parameter description
 * @spec: the machine
 * @sm: the catch-all unit runs in scalable mode
 * @cm: the catch-all unit has caching mode
 * @qi: the catch-all unit uses queued invalidation
 */
struct drv_variant {
	const char *desc;
	const struct machine_spec *spec;
	bool sm;
	bool cm;
	bool qi;
};

static const struct drv_variant drv_variants[] = {
	{ "scalable", &drv_spec_sm, .sm = true, .qi = true },
	{ "legacy-cm", &drv_spec_cm, .cm = true, .qi = true },
	{ "legacy-regs", &drv_spec_regs },
};

/*
 * The next machine after @prev (NULL: the first) that @fits, or NULL when
 * there is none. Every case only ever sees machines it has assertions for.
 */
static const void *drv_next_variant(const void *prev, char *desc,
				    bool (*fits)(const struct drv_variant *v))
{
	const struct drv_variant *v = prev ? (const struct drv_variant *)prev + 1 :
					     drv_variants;

	for (; v < drv_variants + ARRAY_SIZE(drv_variants); v++) {
		if (!fits(v))
			continue;
		strscpy(desc, v->desc, KUNIT_PARAM_DESC_SIZE);
		return v;
	}
	return NULL;
}

static bool drv_fits_any(const struct drv_variant *v)
{
	return true;
}

static bool drv_fits_sm(const struct drv_variant *v)
{
	return v->sm;
}

static bool drv_fits_legacy(const struct drv_variant *v)
{
	return !v->sm;
}

static bool drv_fits_qi(const struct drv_variant *v)
{
	return v->qi;
}

static bool drv_fits_no_qi(const struct drv_variant *v)
{
	return !v->qi;
}

/* Every machine */
static const void *drv_gen_params(const void *prev, char *desc)
{
	return drv_next_variant(prev, desc, drv_fits_any);
}

/* Machines whose catch-all unit is in scalable mode (PASIDs) */
static const void *drv_sm_gen_params(const void *prev, char *desc)
{
	return drv_next_variant(prev, desc, drv_fits_sm);
}

/* Machines whose catch-all unit is in legacy mode (no PASIDs) */
static const void *drv_legacy_gen_params(const void *prev, char *desc)
{
	return drv_next_variant(prev, desc, drv_fits_legacy);
}

/* Machines whose catch-all unit has an invalidation queue */
static const void *drv_qi_gen_params(const void *prev, char *desc)
{
	return drv_next_variant(prev, desc, drv_fits_qi);
}

/* Machines whose catch-all unit invalidates through registers */
static const void *drv_no_qi_gen_params(const void *prev, char *desc)
{
	return drv_next_variant(prev, desc, drv_fits_no_qi);
}

static void drv_teardown(void *m)
{
	machine_teardown(m);
}

static void drv_domain_free(void *domain)
{
	iommu_domain_free(domain);
}

/* Boot this case's machine; it is torn down after everything else */
static struct machine *drv_boot(struct kunit *test)
{
	const struct drv_variant *v = test->param_value;
	struct machine *m = machine_boot(v->spec);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, m);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, drv_teardown, m), 0);
	KUNIT_ASSERT_TRUE(test, machine_driver_up(m, MACHINE_IOMMU_VTD));
	return m;
}

static const struct drv_variant *drv_variant(struct kunit *test)
{
	return test->param_value;
}

static struct device_domain_info *drv_info(struct kunit *test, struct machine_dev *md)
{
	struct device_domain_info *info = dev_iommu_priv_get(md->dev);

	KUNIT_ASSERT_NOT_NULL(test, info);
	return info;
}

static u32 drv_reg32(struct machine_dev *md, unsigned int off)
{
	return vtd_mmio_read(md->iommu->vtd, off, 4);
}

static u64 drv_reg64(struct machine_dev *md, unsigned int off)
{
	return vtd_mmio_read(md->iommu->vtd, off, 8);
}

/*
 * The two qwords that translate the device's requests without PASID, as
 * the hardware finds them from the root table: the legacy context entry,
 * or PASID entry 0 in scalable mode. Zero when something on the way is
 * not present.
 */
static void drv_rid_entry(struct device_domain_info *info, u64 e[2])
{
	struct intel_iommu *iommu = info->iommu;
	struct root_entry *re = &iommu->root_entry[info->bus];
	struct sm_context_entry *sce;
	struct pasid_entry *pt;
	u64 half, *dir;

	e[0] = 0;
	e[1] = 0;
	if (!iommu->sm) {
		struct context_entry *ce;

		if (!(re->lo & DMAR_ROOT_P))
			return;
		ce = phys_to_virt(re->lo & DMAR_ROOT_CTP);
		e[0] = ce[info->devfn].lo;
		e[1] = ce[info->devfn].hi;
		return;
	}
	half = info->devfn >= 0x80 ? re->hi : re->lo;
	if (!(half & DMAR_ROOT_P))
		return;
	sce = (struct sm_context_entry *)phys_to_virt(half & DMAR_ROOT_CTP) +
	      (info->devfn & 0x7f);
	if (!(sce->val[0] & DMAR_SMCTX_P))
		return;
	dir = phys_to_virt(sce->val[0] & DMAR_SMCTX_PASIDDIR);
	if (!(dir[0] & DMAR_PDE_P))
		return;
	pt = phys_to_virt(dir[0] & DMAR_PDE_PTP);
	e[0] = pt[0].val[0];
	e[1] = pt[0].val[1];
}

/* A page of test memory holding @magic in its first word */
static u32 *drv_buf(struct kunit *test, u32 magic)
{
	u32 *buf = pt_pages(test, SZ_4K);

	buf[0] = magic;
	return buf;
}

/* A first-stage (scalable mode) or second-stage domain, as iommufd gets it */
static struct iommu_domain *drv_user_domain(struct kunit *test, struct machine_dev *md)
{
	const struct iommu_ops *ops = dev_iommu_ops(md->dev);
	struct iommu_domain *domain;

	domain = ops->domain_alloc_user(md->dev, 0, NULL, NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, domain);
	domain->owner = ops;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, drv_domain_free, domain), 0);
	return domain;
}

/* The unit is up the way its mode asks for */
static void drv_unit_state(struct kunit *test)
{
	const struct drv_variant *v = drv_variant(test);
	struct machine *m = drv_boot(test);
	struct machine_dev *dev = pt_dev(test, m, "dev"), *dev2 = pt_dev(test, m, "dev2");
	struct device_domain_info *info = drv_info(test, dev), *info2 = drv_info(test, dev2);
	struct intel_iommu *iommu = info->iommu;
	u64 rtaddr = virt_to_phys(iommu->root_entry);

	KUNIT_EXPECT_EQ(test, iommu->sm, v->sm);
	KUNIT_EXPECT_EQ(test, !!iommu->qi, v->qi);
	KUNIT_EXPECT_STREQ(test, dev_name(iommu->iommu.dev), "dmar1");
	KUNIT_EXPECT_STREQ(test, dev_name(info2->iommu->iommu.dev), "dmar0");
	KUNIT_EXPECT_FALSE(test, info2->iommu->sm);

	/* GSTS: translating, queue enabled where used */
	KUNIT_EXPECT_TRUE(test, drv_reg32(dev, DMAR_GSTS_REG) & DMAR_GSTS_TES);
	KUNIT_EXPECT_EQ(test, !!(drv_reg32(dev, DMAR_GSTS_REG) & DMAR_GSTS_QIES), v->qi);
	KUNIT_EXPECT_EQ(test, drv_reg64(dev, DMAR_RTADDR_REG),
			rtaddr | (v->sm ? DMAR_RTADDR_SMT : 0));
	/* The fault event is unmasked and points at the unit's irq */
	KUNIT_EXPECT_FALSE(test, drv_reg32(dev, DMAR_FECTL_REG) & DMAR_FECTL_IM);
	KUNIT_EXPECT_EQ(test, drv_reg32(dev, DMAR_FEDATA_REG), (u32)iommu->irq);
	KUNIT_EXPECT_EQ(test, drv_reg32(dev, DMAR_FEADDR_REG), 0xfee00000U);

	/* PASIDs only in scalable mode */
	KUNIT_EXPECT_EQ(test, dev->dev->iommu->max_pasids, v->sm ? 1U << 20 : 0U);
	KUNIT_EXPECT_EQ(test, info->pasid_enabled, v->sm);
	KUNIT_EXPECT_EQ(test, dev2->dev->iommu->max_pasids, 0U);
}

/* A second-stage domain on the RID, every page size, proven by DMA */
static void drv_map_every_page_size(struct kunit *test)
{
	static const char *const names[] = { "dev", "dev2" };
	struct machine *m = drv_boot(test);
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(names); n++) {
		struct machine_dev *md = pt_dev(test, m, names[n]);
		struct iommu_domain *domain = pt_paging(test, md);
		struct iommu_group *group = pt_group(test, md);
		u32 *buf = drv_buf(test, 0);
		phys_addr_t pa = virt_to_phys(buf);
		unsigned long sizes = domain->pgsize_bitmap, pgsize;
		unsigned int bit, tested = 0;

		pt_claim(test, group);
		KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);
		KUNIT_EXPECT_EQ(test, sizes, n ? (unsigned long)SZ_4K :
				(unsigned long)(SZ_4K | SZ_2M | SZ_1G));

		for_each_set_bit(bit, &sizes, BITS_PER_LONG) {
			u64 iova, off;
			struct vtd_xlate res;
			u32 val = 0;

			pgsize = 1UL << bit;
			iova = (u64)pgsize * 16;
			off = pa & (pgsize - 1);
			KUNIT_ASSERT_EQ(test, iommu_map(domain, iova, pa - off, pgsize, RW,
							GFP_KERNEL), 0);
			KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(domain, iova + off), pa);
			KUNIT_EXPECT_EQ(test, pt_write32(md, iova + off, DMA_DEV_NO_PASID,
							 0x5000 + bit), 0);
			KUNIT_EXPECT_EQ(test, READ_ONCE(buf[0]), 0x5000U + bit);
			KUNIT_EXPECT_EQ(test, pt_read32(md, iova + off, DMA_DEV_NO_PASID, &val), 0);
			KUNIT_EXPECT_EQ(test, val, 0x5000U + bit);
			/* The hardware really used a page of that size */
			KUNIT_EXPECT_EQ(test, vtd_translate(md->iommu->vtd, md->rid,
							    DMA_DEV_NO_PASID, iova + off,
							    DMA_ACC_READ, &res), 0);
			KUNIT_EXPECT_EQ(test, res.page_size, (u64)pgsize);

			KUNIT_EXPECT_EQ(test, iommu_unmap(domain, iova, pgsize), (size_t)pgsize);
			KUNIT_EXPECT_EQ(test, pt_write32(md, iova + off, DMA_DEV_NO_PASID, 1),
					-EFAULT);
			KUNIT_EXPECT_EQ(test, READ_ONCE(buf[0]), 0x5000U + bit);
			tested++;
		}
		KUNIT_EXPECT_EQ(test, tested, n ? 1U : 3U);
	}
}

/* First-stage tables on the RID (scalable mode only) */
static void drv_first_stage_rid(struct kunit *test)
{
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct device_domain_info *info = drv_info(test, md);
	struct iommu_group *group = pt_group(test, md);
	struct iommu_domain *domain = drv_user_domain(test, md);
	u32 *buf = drv_buf(test, 0x0f1f);
	phys_addr_t pa = virt_to_phys(buf);
	static const size_t sizes[] = { SZ_4K, SZ_2M, SZ_1G };
	unsigned int i;
	u64 e[2];

	if (!drv_variant(test)->sm) {
		/* Legacy units get second-stage tables from iommufd too */
		KUNIT_EXPECT_FALSE(test, to_dmar_domain(domain)->first_stage);
		return;
	}
	KUNIT_ASSERT_TRUE(test, to_dmar_domain(domain)->first_stage);
	/* The lower canonical half of 48 bits */
	KUNIT_EXPECT_EQ(test, domain->geometry.aperture_end, (1ULL << 47) - 1);

	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);
	drv_rid_entry(info, e);
	KUNIT_EXPECT_EQ(test, FIELD_GET(DMAR_PE_PGTT, e[0]), (u64)DMAR_PGTT_FIRST_STAGE);
	KUNIT_EXPECT_TRUE(test, e[0] & DMAR_PE_P);

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u64 iova = (u64)sizes[i] * 32, off = pa & (sizes[i] - 1);
		struct vtd_xlate res;
		u32 val = 0;

		KUNIT_ASSERT_EQ(test, iommu_map(domain, iova, pa - off, sizes[i], IOMMU_READ,
						GFP_KERNEL), 0);
		KUNIT_EXPECT_EQ(test, pt_read32(md, iova + off, DMA_DEV_NO_PASID, &val), 0);
		KUNIT_EXPECT_EQ(test, val, 0x0f1fU);
		/* Read-only: a write is refused (first-stage "no write") */
		KUNIT_EXPECT_EQ(test, pt_write32(md, iova + off, DMA_DEV_NO_PASID, 9), -EFAULT);
		KUNIT_EXPECT_EQ(test, md->dma.last_fault.reason, 0x85);
		KUNIT_EXPECT_EQ(test, vtd_translate(md->iommu->vtd, md->rid, DMA_DEV_NO_PASID,
						    iova + off, DMA_ACC_READ, &res), 0);
		KUNIT_EXPECT_EQ(test, res.page_size, (u64)sizes[i]);
		KUNIT_EXPECT_EQ(test, iommu_unmap(domain, iova, sizes[i]), sizes[i]);
		KUNIT_EXPECT_EQ(test, pt_read32(md, iova + off, DMA_DEV_NO_PASID, &val), -EFAULT);
	}
	/* Beyond the aperture nothing can be mapped */
	KUNIT_EXPECT_NE(test, iommu_map(domain, 1ULL << 47, pa & PAGE_MASK, SZ_4K, RW,
					GFP_KERNEL), 0);
}

/* Identity where the unit has pass-through, and only there */
static void drv_identity_per_unit(struct kunit *test)
{
	const struct drv_variant *v = drv_variant(test);
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev"), *md2 = pt_dev(test, m, "dev2");
	struct iommu_group *group = pt_group(test, md), *group2 = pt_group(test, md2);
	struct device_domain_info *info = drv_info(test, md);
	u32 *buf = drv_buf(test, 0x1d1d);
	u32 val = 0;
	u64 e[2];

	KUNIT_ASSERT_EQ(test, iommu_group_store_type(group, "identity", 8), 8);
	KUNIT_EXPECT_EQ(test, iommu_group_default_domain(group)->type, IOMMU_DOMAIN_IDENTITY);
	/* DMA addresses are physical addresses */
	KUNIT_EXPECT_EQ(test, pt_read32(md, virt_to_phys(buf), DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x1d1dU);

	drv_rid_entry(info, e);
	if (v->sm) {
		KUNIT_EXPECT_EQ(test, FIELD_GET(DMAR_PE_PGTT, e[0]), (u64)DMAR_PGTT_PASS_THROUGH);
		KUNIT_EXPECT_EQ(test, FIELD_GET(DMAR_PE_DID, e[1]), (u64)DMAR_DID_PASS_THROUGH);
	} else {
		KUNIT_EXPECT_EQ(test, FIELD_GET(DMAR_CTX_TT, e[0]), (u64)DMAR_TT_PASS_THROUGH);
		KUNIT_EXPECT_EQ(test, FIELD_GET(DMAR_CTX_DID, e[1]), (u64)DMAR_DID_PASS_THROUGH);
		KUNIT_EXPECT_EQ(test, FIELD_GET(DMAR_CTX_AW, e[1]), (u64)DMAR_AW_48BIT);
	}

	/* The small unit has no pass-through: its device stays translated */
	KUNIT_EXPECT_LT(test, iommu_group_store_type(group2, "identity", 8), 0);
	KUNIT_EXPECT_EQ(test, iommu_group_default_domain(group2)->type, IOMMU_DOMAIN_DMA);
	KUNIT_EXPECT_EQ(test, pt_read32(md2, virt_to_phys(buf), DMA_DEV_NO_PASID, &val),
			-EFAULT);
}

/* Blocking: the entry goes away, DMA faults, the fault is recorded and cleared */
static void drv_blocked_faults(struct kunit *test)
{
	const struct drv_variant *v = drv_variant(test);
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct device_domain_info *info = drv_info(test, md);
	struct iommu_group *group = pt_group(test, md);
	u32 *buf = drv_buf(test, 0);
	unsigned long faults;
	unsigned int i;
	u64 e[2];

	pt_claim(test, group);
	drv_rid_entry(info, e);
	KUNIT_EXPECT_EQ(test, e[0], 0ULL);
	KUNIT_EXPECT_EQ(test, e[1], 0ULL);

	faults = info->iommu->nr_faults;
	KUNIT_EXPECT_EQ(test, pt_write32(md, virt_to_phys(buf), DMA_DEV_NO_PASID, 7), -EFAULT);
	KUNIT_EXPECT_EQ(test, buf[0], 0U);
	KUNIT_EXPECT_TRUE(test, md->dma.last_fault.recorded);
	/* Context entry not present (legacy) or PASID entry not present */
	KUNIT_EXPECT_EQ(test, md->dma.last_fault.reason, v->sm ? 0x59 : 0x02);
	/* The fault interrupt ran the driver's handler, which cleared the record */
	KUNIT_EXPECT_EQ(test, info->iommu->nr_faults, faults + 1);
	KUNIT_EXPECT_FALSE(test, drv_reg32(md, DMAR_FSTS_REG) & DMAR_FSTS_PPF);
	for (i = 0; i < dmar_cap_nfr(info->iommu->cap); i++)
		KUNIT_EXPECT_FALSE(test, drv_reg64(md, dmar_cap_fro(info->iommu->cap) +
						   i * DMAR_FRCD_SIZE + 8) & DMAR_FRCD_F);
}

struct drv_fault_log {
	unsigned int calls;
	struct iommu_domain *domain;
	struct device *dev;
	unsigned long iova;
	int flags;
};

static int drv_fault_handler(struct iommu_domain *domain, struct device *dev,
			     unsigned long iova, int flags, void *token)
{
	struct drv_fault_log *log = token;

	log->calls++;
	log->domain = domain;
	log->dev = dev;
	log->iova = iova;
	log->flags = flags;
	return 0;
}

/* DMA faults of a paging domain reach its fault handler */
static void drv_fault_handler_called(struct kunit *test)
{
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct iommu_domain *domain = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	struct drv_fault_log log = {};
	u32 *buf = drv_buf(test, 0x2e2e);
	u32 val;

	iommu_set_fault_handler(domain, drv_fault_handler, &log);
	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(domain, DRV_IOVA, virt_to_phys(buf), SZ_4K,
					IOMMU_READ, GFP_KERNEL), 0);

	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA + 8, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, log.calls, 0U);

	/* A write to a read-only page */
	KUNIT_EXPECT_EQ(test, pt_write32(md, DRV_IOVA + 8, DMA_DEV_NO_PASID, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, log.calls, 1U);
	KUNIT_EXPECT_PTR_EQ(test, log.domain, domain);
	KUNIT_EXPECT_PTR_EQ(test, log.dev, md->dev);
	KUNIT_EXPECT_EQ(test, log.iova, DRV_IOVA);
	KUNIT_EXPECT_EQ(test, log.flags, IOMMU_FAULT_WRITE);

	/* A read where nothing is mapped */
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA + SZ_8K, DMA_DEV_NO_PASID, &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, log.calls, 2U);
	KUNIT_EXPECT_EQ(test, log.iova, DRV_IOVA + SZ_8K);
	KUNIT_EXPECT_EQ(test, log.flags, IOMMU_FAULT_READ);
	KUNIT_EXPECT_EQ(test, buf[0], 0x2e2eU);
}

/* Replacing one paging domain by another, and the domain ids they hold */
static void drv_attach_replace(struct kunit *test)
{
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct device_domain_info *info = drv_info(test, md);
	struct iommu_domain *a = pt_paging(test, md), *b = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	u32 *buf_a = drv_buf(test, 0xaaaa), *buf_b = drv_buf(test, 0xbbbb);
	u32 val = 0;
	u64 e[2];

	KUNIT_ASSERT_EQ(test, iommu_map(a, DRV_IOVA, virt_to_phys(buf_a), SZ_4K, RW,
					GFP_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(b, DRV_IOVA, virt_to_phys(buf_b), SZ_4K, RW,
					GFP_KERNEL), 0);
	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(a, group), 0);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0xaaaaU);
	KUNIT_EXPECT_FALSE(test, list_empty(&to_dmar_domain(a)->units));
	KUNIT_EXPECT_PTR_EQ(test, info->domain, to_dmar_domain(a));

	/* Straight from a to b: the cached translation of a is gone */
	KUNIT_ASSERT_EQ(test, iommu_group_replace_domain(group, b), 0);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0xbbbbU);
	KUNIT_EXPECT_TRUE(test, list_empty(&to_dmar_domain(a)->units));
	KUNIT_EXPECT_PTR_EQ(test, info->domain, to_dmar_domain(b));
	drv_rid_entry(info, e);
	if (info->iommu->sm)
		KUNIT_EXPECT_EQ(test, FIELD_GET(DMAR_PE_DID, e[1]),
				(u64)list_first_entry(&to_dmar_domain(b)->units,
						      struct dmar_domain_unit, link)->did);
	else
		KUNIT_EXPECT_EQ(test, FIELD_GET(DMAR_CTX_DID, e[1]),
				(u64)list_first_entry(&to_dmar_domain(b)->units,
						      struct dmar_domain_unit, link)->did);

	KUNIT_ASSERT_EQ(test, iommu_group_replace_domain(group, a), 0);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0xaaaaU);
}

/* Domains the unit cannot serve give -EINVAL, "try another domain" */
static void drv_attach_incompatible(struct kunit *test)
{
	const struct drv_variant *v = drv_variant(test);
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev"), *md2 = pt_dev(test, m, "dev2");
	struct iommu_domain *big = pt_paging(test, md), *small = pt_paging(test, md2);
	struct iommu_domain *snoop = pt_paging(test, md), *user = drv_user_domain(test, md);
	struct iommu_group *group = pt_group(test, md), *group2 = pt_group(test, md2);

	pt_claim(test, group);
	pt_claim(test, group2);

	/* 48-bit tables with superpages on a 39-bit unit without superpages */
	KUNIT_EXPECT_EQ(test, iommu_attach_group(big, group2), -EINVAL);
	/* The other way round is fine: the big unit can walk 39-bit tables */
	KUNIT_EXPECT_EQ(test, iommu_attach_group(small, group), 0);
	iommu_detach_group(small, group);

	/* Snooping enforced on a unit with snoop control, then elsewhere */
	KUNIT_EXPECT_TRUE(test, device_iommu_capable(md->dev, IOMMU_CAP_ENFORCE_CACHE_COHERENCY));
	KUNIT_EXPECT_FALSE(test, device_iommu_capable(md2->dev,
						      IOMMU_CAP_ENFORCE_CACHE_COHERENCY));
	KUNIT_ASSERT_TRUE(test, snoop->ops->enforce_cache_coherency(snoop));
	KUNIT_EXPECT_EQ(test, iommu_attach_group(snoop, group), 0);
	KUNIT_EXPECT_EQ(test, iommu_attach_group(snoop, group2), -EINVAL);
	iommu_detach_group(snoop, group);

	/*
	 * What iommufd gets: first-stage tables in scalable mode, which a
	 * legacy unit cannot walk; 48-bit second-stage tables otherwise.
	 */
	KUNIT_EXPECT_EQ(test, to_dmar_domain(user)->first_stage, v->sm);
	KUNIT_EXPECT_EQ(test, iommu_attach_group(user, group2), -EINVAL);
}

/* PASIDs: second- and first-stage domains next to the RID's domain */
static void drv_pasid_attach(struct kunit *test)
{
	const struct drv_variant *v = drv_variant(test);
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct iommu_domain *rid = pt_paging(test, md), *sl = pt_paging(test, md);
	struct iommu_domain *fl = drv_user_domain(test, md);
	struct iommu_group *group = pt_group(test, md);
	u32 *buf_r = drv_buf(test, 0x7777), *buf_s = drv_buf(test, 0x5555);
	u32 *buf_f = drv_buf(test, 0xffff);
	struct drv_fault_log log = {};
	u32 val = 0;

	KUNIT_ASSERT_TRUE(test, v->sm);
	KUNIT_ASSERT_EQ(test, iommu_map(rid, DRV_IOVA, virt_to_phys(buf_r), SZ_4K, RW,
					GFP_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(sl, DRV_IOVA, virt_to_phys(buf_s), SZ_4K, RW,
					GFP_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(fl, DRV_IOVA, virt_to_phys(buf_f), SZ_4K, RW,
					GFP_KERNEL), 0);
	iommu_set_fault_handler(fl, drv_fault_handler, &log);
	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(rid, group), 0);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(sl, md->dev, 5, NULL), 0);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(fl, md->dev, 1000, NULL), 0);

	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x7777U);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, 5, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x5555U);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, 1000, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0xffffU);
	/* A PASID nothing is attached to */
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, 6, &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, md->dma.last_fault.reason, 0x59);

	/* A fault with PASID 1000 goes to the domain of PASID 1000 */
	KUNIT_EXPECT_EQ(test, pt_write32(md, DRV_IOVA + SZ_4K, 1000, 3), -EFAULT);
	KUNIT_EXPECT_EQ(test, log.calls, 1U);
	KUNIT_EXPECT_PTR_EQ(test, log.domain, fl);
	KUNIT_EXPECT_EQ(test, log.iova, DRV_IOVA + SZ_4K);

	iommu_detach_device_pasid(sl, md->dev, 5);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, 5, &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, md->dma.last_fault.reason, 0x59);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, 1000, &val), 0);
	/* The same domain on another PASID */
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(fl, md->dev, 5, NULL), 0);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, 5, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0xffffU);
	iommu_detach_device_pasid(fl, md->dev, 5);
	iommu_detach_device_pasid(fl, md->dev, 1000);
	KUNIT_EXPECT_TRUE(test, list_empty(&to_dmar_domain(fl)->dev_pasids));
}

/*
 * PASIDs on a legacy unit: the device has none (max_pasids is 0), so the
 * core accepts an attach and books the PASID in the group without asking
 * the driver, which would refuse; the hardware refuses requests with a
 * PASID, and the RID keeps translating.
 */
static void drv_pasid_attach_legacy(struct kunit *test)
{
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct device_domain_info *info = drv_info(test, md);
	struct iommu_domain *rid = pt_paging(test, md), *sl = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	struct dmar_domain *dd = to_dmar_domain(sl), *rd = to_dmar_domain(rid);
	u32 *buf_r = drv_buf(test, 0x7777), *buf_s = drv_buf(test, 0x5555);
	u32 val = 0;
	int ret;

	KUNIT_ASSERT_FALSE(test, drv_variant(test)->sm);
	KUNIT_ASSERT_FALSE(test, info->iommu->sm);
	KUNIT_ASSERT_EQ(test, md->dev->iommu->max_pasids, 0U);
	KUNIT_EXPECT_FALSE(test, info->pasid_enabled);

	KUNIT_ASSERT_EQ(test, iommu_map(rid, DRV_IOVA, virt_to_phys(buf_r), SZ_4K, RW,
					GFP_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(sl, DRV_IOVA, virt_to_phys(buf_s), SZ_4K, RW,
					GFP_KERNEL), 0);
	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(rid, group), 0);
	KUNIT_ASSERT_TRUE(test, list_is_singular(&rd->units));

	/* Accepted, yet the driver never saw it: no PASID record, no domain id */
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(sl, md->dev, 5, NULL), 0);
	KUNIT_EXPECT_TRUE(test, list_empty(&dd->dev_pasids));
	KUNIT_EXPECT_TRUE(test, list_empty(&dd->units));
	KUNIT_EXPECT_TRUE(test, xa_empty(&info->pasids));
	/* The group has the PASID booked all the same */
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(rid, md->dev, 5, NULL), -EBUSY);
	/* No max_pasids bounds the PASID either */
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(sl, md->dev, 1U << 20, NULL), 0);
	KUNIT_EXPECT_TRUE(test, list_empty(&dd->units));
	iommu_detach_device_pasid(sl, md->dev, 1U << 20);

	/* Requests with a PASID fault in legacy mode, whatever is booked */
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, 5, &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, md->dma.last_fault.reason, 0x31);
	KUNIT_EXPECT_EQ(test, pt_write32(md, DRV_IOVA, 5, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, md->dma.last_fault.reason, 0x31);
	KUNIT_EXPECT_EQ(test, READ_ONCE(buf_s[0]), 0x5555U);
	KUNIT_EXPECT_EQ(test, READ_ONCE(buf_r[0]), 0x7777U);
	/* Requests without one still use the RID's domain */
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x7777U);

	/* Asked directly, the driver refuses and keeps no domain id */
	mutex_lock(&group->mutex);
	ret = sl->ops->set_dev_pasid(sl, md->dev, 6, NULL);
	mutex_unlock(&group->mutex);
	KUNIT_EXPECT_EQ(test, ret, -ENODEV);
	KUNIT_EXPECT_TRUE(test, list_empty(&dd->units));
	KUNIT_EXPECT_TRUE(test, list_empty(&dd->dev_pasids));
	KUNIT_EXPECT_TRUE(test, xa_empty(&info->pasids));

	/* Detach frees the booking; the RID's domain on a PASID adds no reference */
	iommu_detach_device_pasid(sl, md->dev, 5);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(rid, md->dev, 5, NULL), 0);
	KUNIT_ASSERT_TRUE(test, list_is_singular(&rd->units));
	KUNIT_EXPECT_EQ(test, list_first_entry(&rd->units, struct dmar_domain_unit,
					       link)->refcnt, 1U);
	KUNIT_EXPECT_TRUE(test, list_empty(&rd->dev_pasids));
	iommu_detach_device_pasid(rid, md->dev, 5);
	KUNIT_EXPECT_TRUE(test, list_is_singular(&rd->units));
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x7777U);
}

/* Out of domain ids: -ENOSPC, and freeing one makes room */
static void drv_domain_ids_run_out(struct kunit *test)
{
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct iommu_group *group = pt_group(test, md);
	struct iommu_domain *doms[16];
	unsigned int i, attached = 0;
	int ret = 0;

	KUNIT_ASSERT_TRUE(test, drv_variant(test)->sm);
	for (i = 0; i < ARRAY_SIZE(doms); i++)
		doms[i] = pt_paging(test, md);
	pt_claim(test, group);

	/* 16 domain ids, two reserved, some held by the other devices */
	for (i = 0; i < ARRAY_SIZE(doms); i++) {
		ret = iommu_attach_device_pasid(doms[i], md->dev, 10 + i, NULL);
		if (ret)
			break;
		attached++;
	}
	KUNIT_EXPECT_EQ(test, ret, -ENOSPC);
	KUNIT_EXPECT_GE(test, attached, 10U);
	KUNIT_EXPECT_LE(test, attached, 14U);

	if (attached && attached < ARRAY_SIZE(doms)) {
		iommu_detach_device_pasid(doms[0], md->dev, 10);
		KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(doms[attached], md->dev,
								10 + attached, NULL), 0);
		iommu_detach_device_pasid(doms[attached], md->dev, 10 + attached);
	}
	for (i = 1; i < attached; i++)
		iommu_detach_device_pasid(doms[i], md->dev, 10 + i);
}

/*
 * Domain ids on a legacy unit: PASID attachments never reach the driver,
 * so however many there are none takes an id; the RID's domain takes one,
 * and gives it back when replaced.
 */
static void drv_domain_ids_legacy(struct kunit *test)
{
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct device_domain_info *info = drv_info(test, md);
	struct iommu_group *group = pt_group(test, md);
	struct iommu_domain *doms[16];
	struct dmar_domain_unit *du;
	unsigned long ndoms = dmar_cap_ndoms(info->iommu->cap);
	unsigned int i, attached = 0;
	u64 e[2];

	KUNIT_ASSERT_FALSE(test, drv_variant(test)->sm);
	/* ND=6: 2^16 domain ids */
	KUNIT_EXPECT_EQ(test, ndoms, 65536UL);
	for (i = 0; i < ARRAY_SIZE(doms); i++)
		doms[i] = pt_paging(test, md);
	pt_claim(test, group);

	for (i = 0; i < ARRAY_SIZE(doms); i++) {
		if (iommu_attach_device_pasid(doms[i], md->dev, 10 + i, NULL))
			break;
		attached++;
	}
	KUNIT_EXPECT_EQ(test, attached, (unsigned int)ARRAY_SIZE(doms));
	for (i = 0; i < attached; i++)
		KUNIT_EXPECT_TRUE(test, list_empty(&to_dmar_domain(doms[i])->units));

	/* The RID is where a legacy unit hands out domain ids */
	KUNIT_ASSERT_EQ(test, iommu_attach_group(doms[0], group), 0);
	KUNIT_ASSERT_TRUE(test, list_is_singular(&to_dmar_domain(doms[0])->units));
	du = list_first_entry(&to_dmar_domain(doms[0])->units, struct dmar_domain_unit, link);
	KUNIT_EXPECT_PTR_EQ(test, du->iommu, info->iommu);
	KUNIT_EXPECT_EQ(test, du->refcnt, 1U);
	KUNIT_EXPECT_GE(test, du->did, (u16)DMAR_DID_FIRST);
	drv_rid_entry(info, e);
	KUNIT_EXPECT_EQ(test, FIELD_GET(DMAR_CTX_DID, e[1]), (u64)du->did);

	KUNIT_ASSERT_EQ(test, iommu_group_replace_domain(group, doms[1]), 0);
	KUNIT_EXPECT_TRUE(test, list_empty(&to_dmar_domain(doms[0])->units));
	KUNIT_EXPECT_TRUE(test, list_is_singular(&to_dmar_domain(doms[1])->units));

	for (i = 0; i < attached; i++)
		iommu_detach_device_pasid(doms[i], md->dev, 10 + i);
	/* Detaching the PASIDs left the RID's id alone */
	KUNIT_EXPECT_TRUE(test, list_is_singular(&to_dmar_domain(doms[1])->units));
}

/* Unmap leaves the hardware cache alone until the gathered flush */
static void drv_unmap_flushes_iotlb(struct kunit *test)
{
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct iommu_domain *domain = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	u32 *buf = drv_buf(test, 0x4b4b), *big = pt_pages(test, SZ_4M);
	phys_addr_t big_pa = ALIGN(virt_to_phys(big), SZ_2M);
	struct iommu_iotlb_gather gather;
	u32 val = 0;

	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(domain, DRV_IOVA, virt_to_phys(buf), SZ_4K, RW,
					GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), 0);

	/* Entry cleared but not yet invalidated: the IOTLB still has it */
	iommu_iotlb_gather_init(&gather);
	KUNIT_EXPECT_EQ(test, iommu_unmap_fast(domain, DRV_IOVA, SZ_4K, &gather),
			(size_t)SZ_4K);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x4b4bU);
	iommu_iotlb_sync(domain, &gather);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), -EFAULT);

	/*
	 * A small page whose tables the unmap frees, then a superpage at the
	 * same place: the freed tables must not be walked through a stale
	 * paging-structure cache entry.
	 */
	KUNIT_ASSERT_EQ(test, iommu_map(domain, 4UL * SZ_1G, virt_to_phys(buf), SZ_4K, RW,
					GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, pt_read32(md, 4UL * SZ_1G, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, iommu_unmap(domain, 4UL * SZ_1G, SZ_4K), (size_t)SZ_4K);
	((u32 *)phys_to_virt(big_pa))[0] = 0x2b2b;
	KUNIT_ASSERT_EQ(test, iommu_map(domain, 4UL * SZ_1G, big_pa, SZ_2M, RW, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, pt_read32(md, 4UL * SZ_1G, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x2b2bU);
}

/* A DMA that faulted, then a map: caching mode needs the flush on map */
static void drv_map_after_fault(struct kunit *test)
{
	const struct drv_variant *v = drv_variant(test);
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct iommu_domain *domain = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	u32 *buf = drv_buf(test, 0x3c3c);
	struct vtd_stats before, after;
	u32 val = 0;

	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), -EFAULT);

	vtd_get_stats(md->iommu->vtd, &before);
	KUNIT_ASSERT_EQ(test, iommu_map(domain, DRV_IOVA, virt_to_phys(buf), SZ_4K, RW,
					GFP_KERNEL), 0);
	vtd_get_stats(md->iommu->vtd, &after);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x3c3cU);

	/* Only caching mode invalidates on map */
	if (v->cm)
		KUNIT_EXPECT_GT(test, after.descriptors, before.descriptors);
	else
		KUNIT_EXPECT_EQ(test, after.descriptors, before.descriptors);
}

/* A descriptor the hardware rejects does not wedge the queue */
static void drv_qi_rejected_descriptor(struct kunit *test)
{
	const struct drv_variant *v = drv_variant(test);
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct device_domain_info *info = drv_info(test, md);
	struct qi_desc bad = { .qw0 = QI_TYPE | BIT_ULL(20) };
	struct qi_desc good = qi_desc_iotlb(0, 0, 0, false, DMAR_INV_GLOBAL);
	struct iommu_domain *domain = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	u32 *buf = drv_buf(test, 0x6a6a);
	u32 val = 0;

	KUNIT_ASSERT_TRUE(test, v->qi);
	KUNIT_ASSERT_NOT_NULL(test, info->iommu->qi);
	KUNIT_EXPECT_EQ(test, dmar_qi_submit(info->iommu, &bad, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, info->iommu->qi->nr_errors, 1UL);
	KUNIT_EXPECT_FALSE(test, drv_reg32(md, DMAR_FSTS_REG) & DMAR_FSTS_IQE);
	KUNIT_EXPECT_EQ(test, dmar_qi_submit(info->iommu, &good, 1), 0);
	KUNIT_EXPECT_EQ(test, info->iommu->qi->nr_errors, 1UL);

	/* Invalidation still works for the domains */
	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(domain, DRV_IOVA, virt_to_phys(buf), SZ_4K, RW,
					GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x6a6aU);
	KUNIT_EXPECT_EQ(test, iommu_unmap(domain, DRV_IOVA, SZ_4K), (size_t)SZ_4K);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), -EFAULT);
}

/*
 * Without a queue the unit is invalidated through its registers: the
 * queue entry point refuses (calling it is a bug: it warns), the hardware
 * sees no descriptor, and an unmapped page still stops translating.
 */
static void drv_register_invalidation(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(dmar_qi_submit);
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	struct device_domain_info *info = drv_info(test, md);
	struct qi_desc good = qi_desc_iotlb(0, 0, 0, false, DMAR_INV_GLOBAL);
	struct iommu_domain *domain = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	u32 *buf = drv_buf(test, 0x6a6a);
	struct vtd_stats before, after;
	u32 val = 0;
	int ret;

	KUNIT_ASSERT_FALSE(test, drv_variant(test)->qi);
	KUNIT_ASSERT_NULL(test, info->iommu->qi);
	KUNIT_EXPECT_FALSE(test, drv_reg32(md, DMAR_GSTS_REG) & DMAR_GSTS_QIES);
	KUNIT_EXPECT_EQ(test, drv_reg64(md, DMAR_IQA_REG), 0ULL);

	vtd_get_stats(md->iommu->vtd, &before);
	START_SUPPRESSED_WARNING(dmar_qi_submit);
	ret = dmar_qi_submit(info->iommu, &good, 1);
	END_SUPPRESSED_WARNING(dmar_qi_submit);
	KUNIT_EXPECT_EQ(test, ret, -EINVAL);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(dmar_qi_submit), 1);
	vtd_get_stats(md->iommu->vtd, &after);
	KUNIT_EXPECT_EQ(test, after.descriptors, before.descriptors);
	KUNIT_EXPECT_EQ(test, after.queue_errors, before.queue_errors);
	KUNIT_EXPECT_FALSE(test, drv_reg32(md, DMAR_FSTS_REG) & DMAR_FSTS_IQE);

	/* The domains are invalidated all the same, none of it ignored */
	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(domain, group), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(domain, DRV_IOVA, virt_to_phys(buf), SZ_4K, RW,
					GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x6a6aU);
	KUNIT_EXPECT_EQ(test, iommu_unmap(domain, DRV_IOVA, SZ_4K), (size_t)SZ_4K);
	KUNIT_EXPECT_EQ(test, pt_read32(md, DRV_IOVA, DMA_DEV_NO_PASID, &val), -EFAULT);
	vtd_get_stats(md->iommu->vtd, &after);
	KUNIT_EXPECT_EQ(test, after.descriptors, before.descriptors);
	KUNIT_EXPECT_EQ(test, after.reg_inval_ignored, before.reg_inval_ignored);
}

/* Reserved regions: firmware's RMRR and the interrupt window */
static void drv_reserved_regions(struct kunit *test)
{
	struct machine *m = drv_boot(test);
	struct machine_dev *ep = pt_dev(test, m, "ep"), *md = pt_dev(test, m, "dev");
	struct iommu_resv_region *r;
	bool direct = false, msi = false;
	LIST_HEAD(regions);
	LIST_HEAD(others);
	u32 *fw = m->rmrrs[0].mem;
	u32 val = 0;

	iommu_get_resv_regions(ep->dev, &regions);
	list_for_each_entry(r, &regions, list) {
		if (r->type == IOMMU_RESV_DIRECT && r->start == virt_to_phys(fw) &&
		    r->length == SZ_16K && r->prot == RW)
			direct = true;
		if (r->type == IOMMU_RESV_MSI && r->start == 0xfee00000 && r->length == SZ_1M)
			msi = true;
	}
	iommu_put_resv_regions(ep->dev, &regions);
	KUNIT_EXPECT_TRUE(test, direct);
	KUNIT_EXPECT_TRUE(test, msi);

	/* The DMA domain maps the region 1:1; the device cannot be blocked */
	fw[1] = 0x8e8e;
	KUNIT_EXPECT_EQ(test, pt_read32(ep, virt_to_phys(fw) + 4, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x8e8eU);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(pt_group(test, ep), test), -EINVAL);

	/* Devices without an RMRR only get the interrupt window */
	iommu_get_resv_regions(md->dev, &others);
	KUNIT_EXPECT_TRUE(test, list_is_singular(&others));
	iommu_put_resv_regions(md->dev, &others);
}

/* What iommufd reports about the hardware */
static void drv_hw_info(struct kunit *test)
{
	struct machine *m = drv_boot(test);
	struct machine_dev *md = pt_dev(test, m, "dev");
	const struct iommu_ops *ops = dev_iommu_ops(md->dev);
	struct iommu_hw_info_vtd *vtd;
	struct iommu_domain *dirty;
	u32 len = 0, type = 0;

	vtd = ops->hw_info(md->dev, &len, &type);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, vtd);
	KUNIT_EXPECT_EQ(test, len, (u32)sizeof(*vtd));
	KUNIT_EXPECT_EQ(test, type, (u32)IOMMU_HW_INFO_TYPE_INTEL_VTD);
	KUNIT_EXPECT_EQ(test, vtd->cap_reg, drv_reg64(md, DMAR_CAP_REG));
	KUNIT_EXPECT_EQ(test, vtd->ecap_reg, drv_reg64(md, DMAR_ECAP_REG));
	kfree(vtd);

	KUNIT_EXPECT_TRUE(test, device_iommu_capable(md->dev, IOMMU_CAP_CACHE_COHERENCY));
	KUNIT_EXPECT_TRUE(test, device_iommu_capable(md->dev, IOMMU_CAP_DEFERRED_FLUSH));
	KUNIT_EXPECT_FALSE(test, device_iommu_capable(md->dev, IOMMU_CAP_DIRTY_TRACKING));
	/* Dirty tracking and nesting are not offered */
	dirty = ops->domain_alloc_user(md->dev, IOMMU_HWPT_ALLOC_DIRTY_TRACKING, NULL, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(dirty), -EOPNOTSUPP);
}

static struct kunit_case vtd_driver_cases[] = {
	KUNIT_CASE_PARAM(drv_unit_state, drv_gen_params),
	KUNIT_CASE_PARAM(drv_map_every_page_size, drv_gen_params),
	KUNIT_CASE_PARAM(drv_first_stage_rid, drv_gen_params),
	KUNIT_CASE_PARAM(drv_identity_per_unit, drv_gen_params),
	KUNIT_CASE_PARAM(drv_blocked_faults, drv_gen_params),
	KUNIT_CASE_PARAM(drv_fault_handler_called, drv_gen_params),
	KUNIT_CASE_PARAM(drv_attach_replace, drv_gen_params),
	KUNIT_CASE_PARAM(drv_attach_incompatible, drv_gen_params),
	KUNIT_CASE_PARAM(drv_pasid_attach, drv_sm_gen_params),
	KUNIT_CASE_PARAM(drv_pasid_attach_legacy, drv_legacy_gen_params),
	KUNIT_CASE_PARAM(drv_domain_ids_run_out, drv_sm_gen_params),
	KUNIT_CASE_PARAM(drv_domain_ids_legacy, drv_legacy_gen_params),
	KUNIT_CASE_PARAM(drv_unmap_flushes_iotlb, drv_gen_params),
	KUNIT_CASE_PARAM(drv_map_after_fault, drv_gen_params),
	KUNIT_CASE_PARAM(drv_qi_rejected_descriptor, drv_qi_gen_params),
	KUNIT_CASE_PARAM(drv_register_invalidation, drv_no_qi_gen_params),
	KUNIT_CASE_PARAM(drv_reserved_regions, drv_gen_params),
	KUNIT_CASE_PARAM(drv_hw_info, drv_gen_params),
	{}
};

static struct kunit_suite vtd_driver_suite = {
	.name = "vtd_driver",
	.test_cases = vtd_driver_cases,
};

kunit_test_suite(vtd_driver_suite);

MODULE_IMPORT_NS(IOMMUFD_INTERNAL);
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
