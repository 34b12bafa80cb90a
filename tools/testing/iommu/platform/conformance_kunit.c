// SPDX-License-Identifier: GPL-2.0
/*
 * The IOMMU core's conformance behaviours (ref/core.md section 12, numbers
 * in comments) run against real drivers on a booted machine, with DMA from
 * the modelled devices as the proof wherever the behaviour is visible on
 * the bus.
 *
 * Every case is parameterised by a &struct conf_target: which driver, and
 * which devices of the default machine play which role.  A new driver
 * plugs in by adding its unit to the default machine and a row to
 * conf_targets[]; a target whose driver did not start is skipped.
 */
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mmzone.h>
#include <linux/pci.h>
#include <linux/sizes.h>
#include <linux/vmalloc.h>
#include <kunit/bug.h>
#include <kunit/test.h>

#include <host/machine.h>
#include <host/vtd.h>

#include "../../../../drivers/iommu/iommu-priv.h"
#include "platform_test.h"

#define CONF_IOVA	0x40000000UL
#define CONF_PASID	7

/**
 * struct conf_target - one driver under test and the devices it serves
 * @name: parameter description
 * @type: the kind of IOMMU unit
 * @solo: a PASID-capable device alone in its group
 * @solo2: another device alone in its group, same driver, that can use
 *	an identity domain
 * @pair: two devices that share a group
 * @rmrr: a device with a direct-mapped reserved region
 * @no_identity: a device that cannot use an identity domain, or NULL
 * @untrusted: a device behind an external-facing port
 * @no_iommu: a device no IOMMU serves
 * @leaf_size: optional: the page size the hardware used to translate @iova
 *	for @md (0 when it faults), to prove that superpages are real
 * @unmap_crosses_holes: the driver's unmap_pages() clears a whole range
 *	past an unmapped page instead of returning at it
 */
struct conf_target {
	const char *name;
	enum machine_iommu_type type;
	const char *solo;
	const char *solo2;
	const char *pair[2];
	const char *rmrr;
	const char *no_identity;
	const char *untrusted;
	const char *no_iommu;
	u64 (*leaf_size)(struct machine_dev *md, u64 iova);
	/* unmap_pages() clears past a hole instead of stopping at it */
	bool unmap_crosses_holes;
};

static u64 vtd_leaf_size(struct machine_dev *md, u64 iova)
{
	struct vtd_xlate res;

	if (vtd_translate(md->iommu->vtd, md->rid, DMA_DEV_NO_PASID, iova, DMA_ACC_READ, &res))
		return 0;
	return res.page_size;
}

static const struct conf_target conf_targets[] = {
	{
		.name = "vt-d", .type = MACHINE_IOMMU_VTD,
		.solo = "accel", .solo2 = "nvme", .pair = { "nic0", "nic1" },
		.rmrr = "ish", .no_identity = "gfx", .untrusted = "ext",
		.no_iommu = "serial0", .leaf_size = vtd_leaf_size,
	},
};

static void conf_target_desc(const struct conf_target *t, char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(conf, conf_targets, conf_target_desc);

static struct machine *conf_machine;

/* The target of this run, or skip it when its driver is not running. */
static const struct conf_target *conf_target(struct kunit *test)
{
	const struct conf_target *t = test->param_value;

	if (!conf_machine || !machine_driver_up(conf_machine, t->type))
		kunit_skip(test, "the %s driver is not running", t->name);
	return t;
}

static struct machine_dev *cdev(struct kunit *test, const char *name)
{
	return pt_dev(test, conf_machine, name);
}

/* Groups form as the topology says. */
static void groups_follow_topology(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct iommu_group *solo = pt_group(test, cdev(test, t->solo));
	struct iommu_group *solo2 = pt_group(test, cdev(test, t->solo2));
	struct iommu_group *pair = pt_group(test, cdev(test, t->pair[0]));
	struct iommu_group *pair1 = pt_group(test, cdev(test, t->pair[1]));
	struct group_device *gdev;
	unsigned int n = 0;

	KUNIT_EXPECT_PTR_NE(test, solo, solo2);
	KUNIT_EXPECT_PTR_EQ(test, pair, pair1);
	KUNIT_EXPECT_PTR_NE(test, pair, solo);
	mutex_lock(&pair->mutex);
	for_each_group_device(pair, gdev)
		n++;
	mutex_unlock(&pair->mutex);
	KUNIT_EXPECT_EQ(test, n, 2);
	KUNIT_EXPECT_NULL(test, iommu_group_get(cdev(test, t->no_iommu)->dev));
}

/* 1 */
static void paging_alloc_without_iommu_enodev(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);

	KUNIT_EXPECT_PTR_EQ(test, iommu_paging_domain_alloc(cdev(test, t->no_iommu)->dev),
			    ERR_PTR(-ENODEV));
}

/* 45, 50: default domain types */
static void default_domain_types(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct iommu_group *solo = pt_group(test, cdev(test, t->solo));
	struct iommu_group *ext = pt_group(test, cdev(test, t->untrusted));
	struct iommu_domain *def = iommu_group_default_domain(solo);

	KUNIT_ASSERT_NOT_NULL(test, def);
	if (iommu_default_passthrough())
		KUNIT_EXPECT_EQ(test, def->type, IOMMU_DOMAIN_IDENTITY);
	else
		KUNIT_EXPECT_TRUE(test, def->type & __IOMMU_DOMAIN_DMA_API);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(cdev(test, t->solo)->dev), def);
	/* An untrusted device gets a strict DMA domain and cannot leave it */
	KUNIT_EXPECT_EQ(test, iommu_group_default_domain(ext)->type, IOMMU_DOMAIN_DMA);
	KUNIT_EXPECT_LT(test, iommu_group_store_type(ext, "identity", 8), 0);
	KUNIT_EXPECT_EQ(test, iommu_group_default_domain(ext)->type, IOMMU_DOMAIN_DMA);
}

/* 2, 94: identity (the driver's static domain if it has one) is untranslated */
static void identity_domain_untranslated(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *md = cdev(test, t->solo2);
	struct iommu_group *group = pt_group(test, md);
	const struct iommu_ops *ops = dev_iommu_ops(md->dev);
	u32 *buf = pt_pages(test, PAGE_SIZE);
	struct iommu_domain *id;

	KUNIT_ASSERT_EQ(test, iommu_group_store_type(group, "identity", 8), 8);
	id = iommu_group_default_domain(group);
	if (ops->identity_domain)
		KUNIT_EXPECT_PTR_EQ(test, id, ops->identity_domain);
	KUNIT_EXPECT_EQ(test, id->type, IOMMU_DOMAIN_IDENTITY);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev), id);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(id, 0x123456000), 0x123456000);

	KUNIT_EXPECT_EQ(test, pt_write32(md, virt_to_phys(buf + 5), DMA_DEV_NO_PASID,
					 0xfeedf00d), 0);
	KUNIT_EXPECT_EQ(test, buf[5], 0xfeedf00d);

	/* 83: identity domains cannot be mapped */
	KUNIT_EXPECT_EQ(test, iommu_map(id, CONF_IOVA, virt_to_phys(buf), PAGE_SIZE,
					IOMMU_READ, GFP_KERNEL), -EINVAL);

	KUNIT_ASSERT_EQ(test, iommu_group_store_type(group, "auto", 4), 4);
	KUNIT_EXPECT_NE(test, iommu_group_default_domain(group)->type, IOMMU_DOMAIN_IDENTITY);
	/* Translated again: the physical address means nothing now */
	KUNIT_EXPECT_EQ(test, pt_write32(md, virt_to_phys(buf + 6), DMA_DEV_NO_PASID, 1),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, buf[6], 0);
}

/* Identity refused per device: the core keeps the old default domain */
static void identity_refused_per_device(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *md;
	struct iommu_group *group;
	struct iommu_domain *old;

	if (!t->no_identity)
		kunit_skip(test, "%s serves every device with identity", t->name);
	md = cdev(test, t->no_identity);
	group = pt_group(test, md);
	old = iommu_group_default_domain(group);
	KUNIT_EXPECT_NE(test, old->type, IOMMU_DOMAIN_IDENTITY);
	KUNIT_EXPECT_LT(test, iommu_group_store_type(group, "identity", 8), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_group_default_domain(group), old);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev), old);
}

/* 41, 43, 94: claiming blocks all DMA; releasing restores the default */
static void claim_blocks_dma(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *md = cdev(test, t->solo2);
	struct iommu_group *group = pt_group(test, md);
	const struct iommu_ops *ops = dev_iommu_ops(md->dev);
	struct iommu_domain *def = iommu_group_default_domain(group);
	u32 *buf = pt_pages(test, PAGE_SIZE);
	struct iommu_domain *blocked;
	u32 val;

	KUNIT_ASSERT_EQ(test, iommu_group_claim_dma_owner(group, test), 0);
	blocked = iommu_get_domain_for_dev(md->dev);
	KUNIT_EXPECT_PTR_EQ(test, blocked, group->blocking_domain);
	if (ops->blocked_domain)
		KUNIT_EXPECT_PTR_EQ(test, blocked, ops->blocked_domain);
	KUNIT_EXPECT_TRUE(test, iommu_group_dma_owner_claimed(group));
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(blocked, 0x1000), 0);

	/* Nothing gets through, not even the physical address */
	KUNIT_EXPECT_EQ(test, pt_write32(md, virt_to_phys(buf), DMA_DEV_NO_PASID, 7), -EFAULT);
	KUNIT_EXPECT_EQ(test, pt_read32(md, CONF_IOVA, DMA_DEV_NO_PASID, &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, buf[0], 0);

	iommu_group_release_dma_owner(group);
	KUNIT_EXPECT_FALSE(test, iommu_group_dma_owner_claimed(group));
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev), def);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 0);
}

/* 12, 13, 20, 22, 24, 25, 27: attach, replace and detach, seen by DMA */
static void attach_replace_detach(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *md = cdev(test, t->solo2);
	struct iommu_domain *d1 = pt_paging(test, md);
	struct iommu_domain *d2 = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	u32 *p1 = pt_pages(test, PAGE_SIZE), *p2 = pt_pages(test, PAGE_SIZE);
	u32 val = 0;

	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_map(d1, CONF_IOVA, virt_to_phys(p1), PAGE_SIZE,
					IOMMU_READ | IOMMU_WRITE, GFP_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(d2, CONF_IOVA, virt_to_phys(p2), PAGE_SIZE,
					IOMMU_READ | IOMMU_WRITE, GFP_KERNEL), 0);
	p1[1] = 0x11111111;
	p2[1] = 0x22222222;

	/* 16: attaching while on the blocking domain is allowed */
	KUNIT_ASSERT_EQ(test, iommu_attach_group(d1, group), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev), d1);
	KUNIT_EXPECT_EQ(test, pt_read32(md, CONF_IOVA + 4, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x11111111);

	KUNIT_EXPECT_EQ(test, iommu_attach_group(d2, group), -EBUSY);
	KUNIT_EXPECT_EQ(test, iommu_attach_group(d1, group), -EBUSY);
	KUNIT_EXPECT_EQ(test, iommu_group_replace_domain(group, NULL), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev), d1);

	/* Replace: straight from d1 to d2, no window of blocking */
	KUNIT_ASSERT_EQ(test, iommu_group_replace_domain(group, d2), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev), d2);
	KUNIT_EXPECT_EQ(test, pt_read32(md, CONF_IOVA + 4, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x22222222);
	KUNIT_EXPECT_EQ(test, pt_write32(md, CONF_IOVA + 8, DMA_DEV_NO_PASID, 0xabcd), 0);
	KUNIT_EXPECT_EQ(test, p2[2], 0xabcd);
	KUNIT_EXPECT_EQ(test, p1[2], 0);
	KUNIT_EXPECT_EQ(test, iommu_group_replace_domain(group, d2), 0);

	/* 22: an owned group goes back to blocking on detach */
	iommu_detach_group(d2, group);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev), group->blocking_domain);
	KUNIT_EXPECT_EQ(test, pt_read32(md, CONF_IOVA + 4, DMA_DEV_NO_PASID, &val), -EFAULT);
}

/* 11, 17, 20: a multi-device group is attached as a whole */
static void shared_group_attached_whole(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *a = cdev(test, t->pair[0]), *b = cdev(test, t->pair[1]);
	struct iommu_domain *d = pt_paging(test, a);
	struct iommu_group *group = pt_group(test, a);
	u32 *p = pt_pages(test, PAGE_SIZE);

	KUNIT_EXPECT_EQ(test, iommu_attach_device(d, a->dev), -EINVAL);
	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_map(d, CONF_IOVA, virt_to_phys(p), PAGE_SIZE,
					IOMMU_READ | IOMMU_WRITE, GFP_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(d, group), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(a->dev), d);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(b->dev), d);
	KUNIT_EXPECT_EQ(test, pt_write32(a, CONF_IOVA, DMA_DEV_NO_PASID, 0xa), 0);
	KUNIT_EXPECT_EQ(test, pt_write32(b, CONF_IOVA + 4, DMA_DEV_NO_PASID, 0xb), 0);
	KUNIT_EXPECT_EQ(test, p[0], 0xa);
	KUNIT_EXPECT_EQ(test, p[1], 0xb);
	iommu_detach_group(d, group);
	KUNIT_EXPECT_EQ(test, pt_write32(b, CONF_IOVA + 8, DMA_DEV_NO_PASID, 0xc), -EFAULT);
	KUNIT_EXPECT_EQ(test, p[2], 0);
}

/*
 * A domain of another driver: the core must refuse it on its owner check,
 * before any driver callback could run.
 */
static int foreign_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	return -EIO;
}

static int foreign_set_dev_pasid(struct iommu_domain *domain, struct device *dev,
				 ioasid_t pasid, struct iommu_domain *old)
{
	return -EIO;
}

static const struct iommu_domain_ops foreign_domain_ops = {
	.attach_dev	= foreign_attach_dev,
	.set_dev_pasid	= foreign_set_dev_pasid,
};

static const struct iommu_ops foreign_ops = {
	.pgsize_bitmap	= SZ_4K,
};

/* 14, 57: a domain of another driver is refused with -EINVAL */
static void foreign_domain_einval(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *md = cdev(test, t->solo);
	struct iommu_group *group = pt_group(test, md);
	struct iommu_domain foreign = {
		.type = IOMMU_DOMAIN_UNMANAGED,
		.owner = &foreign_ops,
		.ops = &foreign_domain_ops,
		.pgsize_bitmap = SZ_4K,
	};

	pt_claim(test, group);
	KUNIT_EXPECT_EQ(test, iommu_attach_group(&foreign, group), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev), group->blocking_domain);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(&foreign, md->dev, CONF_PASID, NULL),
			-EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group, CONF_PASID, 0),
			    ERR_PTR(-ENOENT));
}

/* 33, 35, 36, 37, 38, 44: DMA ownership */
static void ownership_rules(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *a = cdev(test, t->pair[0]), *b = cdev(test, t->pair[1]);
	struct iommu_group *group = pt_group(test, a);
	int owner_a, owner_b;
	DEFINE_SUPPRESSED_WARNING(iommu_group_claim_dma_owner);
	DEFINE_SUPPRESSED_WARNING(iommu_device_claim_dma_owner);

	/* A NULL owner is a caller bug: refused, with a warning */
	START_SUPPRESSED_WARNING(iommu_group_claim_dma_owner);
	START_SUPPRESSED_WARNING(iommu_device_claim_dma_owner);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_device_claim_dma_owner(a->dev, NULL), -EINVAL);
	END_SUPPRESSED_WARNING(iommu_device_claim_dma_owner);
	END_SUPPRESSED_WARNING(iommu_group_claim_dma_owner);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(iommu_group_claim_dma_owner), 1);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(iommu_device_claim_dma_owner), 1);
	KUNIT_EXPECT_FALSE(test, iommu_group_dma_owner_claimed(group));

	/* A DMA-API user of the group keeps owners out */
	KUNIT_ASSERT_EQ(test, iommu_device_use_default_domain(b->dev), 0);
	KUNIT_EXPECT_TRUE(test, iommu_group_dma_owner_claimed(group));
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner_a), -EPERM);
	KUNIT_EXPECT_EQ(test, iommu_device_claim_dma_owner(a->dev, &owner_a), -EPERM);
	iommu_device_unuse_default_domain(b->dev);
	KUNIT_EXPECT_FALSE(test, iommu_group_dma_owner_claimed(group));

	/* One owner may claim device by device */
	KUNIT_ASSERT_EQ(test, iommu_device_claim_dma_owner(a->dev, &owner_a), 0);
	KUNIT_EXPECT_EQ(test, iommu_device_claim_dma_owner(b->dev, &owner_a), 0);
	KUNIT_EXPECT_EQ(test, group->owner_cnt, 2);
	KUNIT_EXPECT_EQ(test, iommu_device_claim_dma_owner(b->dev, &owner_b), -EPERM);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner_b), -EPERM);
	KUNIT_EXPECT_EQ(test, iommu_device_use_default_domain(a->dev), -EBUSY);
	iommu_device_release_dma_owner(b->dev);
	KUNIT_EXPECT_TRUE(test, iommu_group_dma_owner_claimed(group));
	iommu_device_release_dma_owner(a->dev);
	KUNIT_EXPECT_FALSE(test, iommu_group_dma_owner_claimed(group));
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(a->dev),
			    iommu_group_default_domain(group));
}

/* 28, 42, 96: a reserved region stays direct-mapped and cannot be blocked */
static void reserved_region_direct(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *md = cdev(test, t->rmrr);
	struct iommu_group *group = pt_group(test, md);
	struct iommu_domain *def = iommu_group_default_domain(group);
	struct machine_rmrr *rmrr = &conf_machine->rmrrs[0];
	phys_addr_t base = virt_to_phys(rmrr->mem);
	struct iommu_resv_region *region;
	bool found = false;
	LIST_HEAD(regions);
	u32 val = 0;

	iommu_get_resv_regions(md->dev, &regions);
	list_for_each_entry(region, &regions, list) {
		if (region->type == IOMMU_RESV_DIRECT && region->start == base &&
		    region->length == rmrr->size)
			found = true;
	}
	iommu_put_resv_regions(md->dev, &regions);
	KUNIT_EXPECT_TRUE(test, found);

	/* The device reaches its region 1:1 through its default domain */
	((u32 *)rmrr->mem)[3] = 0x5eed;
	KUNIT_EXPECT_TRUE(test, (def->type & __IOMMU_DOMAIN_DMA_API) ||
			  def->type == IOMMU_DOMAIN_IDENTITY);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(def, base + 12), base + 12);
	KUNIT_EXPECT_EQ(test, pt_read32(md, base + 12, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x5eed);
	KUNIT_EXPECT_EQ(test, pt_read32(md, base + rmrr->size - 4, DMA_DEV_NO_PASID, &val), 0);

	/* Ownership would block it: refused, the group stays where it was */
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, test), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev), def);
	KUNIT_EXPECT_EQ(test, pt_read32(md, base + 12, DMA_DEV_NO_PASID, &val), 0);
}

static void conf_map_one_size(struct kunit *test, const struct conf_target *t,
			      struct machine_dev *md, struct iommu_domain *d, size_t pgsize,
			      u8 *mem)
{
	unsigned long iova = ALIGN(CONF_IOVA, pgsize) + pgsize;
	phys_addr_t pa = virt_to_phys(mem);
	size_t offs[3] = { 0, pgsize / 2 + 8, pgsize - 4 };
	unsigned int i;
	u32 val;

	KUNIT_ASSERT_EQ(test, iommu_map(d, iova, pa, pgsize, IOMMU_READ | IOMMU_WRITE,
					GFP_KERNEL), 0);
	for (i = 0; i < ARRAY_SIZE(offs); i++) {
		KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(d, iova + offs[i]), pa + offs[i]);
		KUNIT_EXPECT_EQ(test, pt_write32(md, iova + offs[i], DMA_DEV_NO_PASID,
						 0xc0de0000 + i), 0);
		KUNIT_EXPECT_EQ(test, *(u32 *)(mem + offs[i]), 0xc0de0000 + i);
		KUNIT_EXPECT_EQ(test, pt_read32(md, iova + offs[i], DMA_DEV_NO_PASID, &val), 0);
		KUNIT_EXPECT_EQ(test, val, 0xc0de0000 + i);
	}
	if (t->leaf_size)
		KUNIT_EXPECT_EQ(test, t->leaf_size(md, iova + offs[1]), pgsize);
	/* Outside the mapping on both sides */
	KUNIT_EXPECT_EQ(test, pt_read32(md, iova - 4, DMA_DEV_NO_PASID, &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, pt_read32(md, iova + pgsize, DMA_DEV_NO_PASID, &val), -EFAULT);

	KUNIT_EXPECT_EQ(test, iommu_unmap(d, iova, pgsize), pgsize);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(d, iova), 0);
	KUNIT_EXPECT_EQ(test, pt_read32(md, iova + offs[1], DMA_DEV_NO_PASID, &val), -EFAULT);
	if (t->leaf_size)
		KUNIT_EXPECT_EQ(test, t->leaf_size(md, iova + offs[1]), 0);
}

/* Map and unmap at every page size the domain offers, proven by DMA. */
static void map_unmap_every_page_size(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *md = cdev(test, t->solo2);
	struct iommu_domain *d = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	unsigned long sizes = d->pgsize_bitmap;
	unsigned int bit, tested = 0, no_memory = 0;

	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(d, group), 0);
	KUNIT_EXPECT_TRUE(test, sizes & SZ_4K);

	for_each_set_bit(bit, &sizes, BITS_PER_LONG) {
		size_t pgsize = 1UL << bit;
		struct page *pg = NULL;
		void *raw = NULL;
		u8 *mem;

		if (pgsize > SZ_1G)
			break;
		if (pgsize <= PAGE_SIZE << MAX_PAGE_ORDER) {
			/* Page blocks are naturally aligned */
			pg = alloc_pages(GFP_KERNEL | __GFP_ZERO, get_order(pgsize));
			KUNIT_ASSERT_NOT_NULL(test, pg);
			mem = page_address(pg);
		} else {
			/* Twice the size, unzeroed: only the touched pages become real */
			raw = vmalloc(2 * pgsize);
			if (!raw) {
				no_memory++;
				continue;
			}
			mem = PTR_ALIGN((u8 *)raw, pgsize);
		}
		conf_map_one_size(test, t, md, d, pgsize, mem);
		if (pg)
			__free_pages(pg, get_order(pgsize));
		vfree(raw);
		tested++;
	}
	KUNIT_EXPECT_GE(test, tested, 1);
	kunit_info(test, "page sizes 0x%lx: %u tested with DMA, %u left out (host memory)\n",
		   sizes, tested, no_memory);
}

/* 84, 86, 90, 91: the core's map/unmap rules hold with a real page table */
static void map_unmap_rules(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *md = cdev(test, t->solo2);
	struct iommu_domain *d = pt_paging(test, md);
	u8 *mem = pt_pages(test, 4 * PAGE_SIZE);
	phys_addr_t pa = virt_to_phys(mem);
	size_t got;

	KUNIT_EXPECT_EQ(test, iommu_map(d, CONF_IOVA + 1, pa, PAGE_SIZE, IOMMU_READ,
					GFP_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_map(d, CONF_IOVA, pa + 1, PAGE_SIZE, IOMMU_READ,
					GFP_KERNEL), -EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_map(d, CONF_IOVA, pa, 100, IOMMU_READ, GFP_KERNEL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_map(d, CONF_IOVA, pa, 0, IOMMU_READ, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(d, CONF_IOVA), 0);

	/* pages 0, 1 and 3: a hole at 2 */
	KUNIT_ASSERT_EQ(test, iommu_map(d, CONF_IOVA, pa, 2 * PAGE_SIZE, IOMMU_READ,
					GFP_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(d, CONF_IOVA + 3 * PAGE_SIZE, pa + 3 * PAGE_SIZE,
					PAGE_SIZE, IOMMU_READ, GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, iommu_unmap(d, CONF_IOVA + 1, PAGE_SIZE), 0);
	/*
	 * The core stops at the first hole the driver reports (0 bytes); a
	 * driver may instead clear the whole range in one call, which each
	 * target declares.  The result must match the page table.
	 */
	got = iommu_unmap(d, CONF_IOVA, 4 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, got, (t->unmap_crosses_holes ? 4 : 2) * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(d, CONF_IOVA), 0);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(d, CONF_IOVA + PAGE_SIZE), 0);
	if (!t->unmap_crosses_holes) {
		KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(d, CONF_IOVA + 3 * PAGE_SIZE),
				pa + 3 * PAGE_SIZE);
		KUNIT_EXPECT_EQ(test, iommu_unmap(d, CONF_IOVA + 3 * PAGE_SIZE, PAGE_SIZE),
				PAGE_SIZE);
	}
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(d, CONF_IOVA + 3 * PAGE_SIZE), 0);
}

/* Read-only mappings stop writes, with a fault the device sees */
static void map_read_only_blocks_writes(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *md = cdev(test, t->solo2);
	struct iommu_domain *d = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	u32 *p = pt_pages(test, PAGE_SIZE);
	u32 val = 0;

	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(d, group), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(d, CONF_IOVA, virt_to_phys(p), PAGE_SIZE, IOMMU_READ,
					GFP_KERNEL), 0);
	p[0] = 0x600d;
	KUNIT_EXPECT_EQ(test, pt_read32(md, CONF_IOVA, DMA_DEV_NO_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x600d);
	KUNIT_EXPECT_EQ(test, pt_write32(md, CONF_IOVA, DMA_DEV_NO_PASID, 0xbad), -EFAULT);
	KUNIT_EXPECT_EQ(test, p[0], 0x600d);
	KUNIT_EXPECT_TRUE(test, dma_dev_last_fault(&md->dma)->write);
	KUNIT_EXPECT_EQ(test, dma_dev_last_fault(&md->dma)->addr, CONF_IOVA);
	KUNIT_EXPECT_NE(test, dma_dev_last_fault(&md->dma)->reason, 0);
}

/* 55, 56, 58, 59, 61, 64: PASID attach and detach, seen by DMA */
static void pasid_attach_detach(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *md = cdev(test, t->solo);
	struct iommu_domain *d = pt_paging(test, md);
	struct iommu_domain *d2 = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	struct iommu_attach_handle handle = { };
	u32 *p = pt_pages(test, PAGE_SIZE);
	u32 max = md->dev->iommu->max_pasids;
	u32 val;

	KUNIT_ASSERT_GT(test, max, 1);
	KUNIT_ASSERT_NOT_NULL(test, d->ops->set_dev_pasid);
	KUNIT_ASSERT_EQ(test, iommu_map(d, CONF_IOVA, virt_to_phys(p), PAGE_SIZE,
					IOMMU_READ | IOMMU_WRITE, GFP_KERNEL), 0);

	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(d, md->dev, IOMMU_NO_PASID, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(d, md->dev, max, NULL), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group, CONF_PASID, 0),
			    ERR_PTR(-ENOENT));

	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(d, md->dev, CONF_PASID, &handle), 0);
	KUNIT_EXPECT_PTR_EQ(test, handle.domain, d);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group, CONF_PASID, 0), &handle);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group, CONF_PASID, IOMMU_DOMAIN_SVA),
			    ERR_PTR(-EBUSY));
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(d2, md->dev, CONF_PASID, NULL), -EBUSY);
	KUNIT_EXPECT_EQ(test, iommu_attach_device_pasid(d, md->dev, CONF_PASID, NULL), -EBUSY);

	/* Requests with the PASID go through d; the RID keeps its domain */
	KUNIT_EXPECT_EQ(test, pt_write32(md, CONF_IOVA + 16, CONF_PASID, 0x9a51d), 0);
	KUNIT_EXPECT_EQ(test, p[4], 0x9a51d);
	KUNIT_EXPECT_EQ(test, pt_read32(md, CONF_IOVA + 16, CONF_PASID + 1, &val), -EFAULT);
	KUNIT_EXPECT_EQ(test, pt_write32(md, CONF_IOVA + 20, DMA_DEV_NO_PASID, 1), -EFAULT);
	KUNIT_EXPECT_EQ(test, p[5], 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev),
			    iommu_group_default_domain(group));

	iommu_detach_device_pasid(d, md->dev, CONF_PASID);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group, CONF_PASID, 0),
			    ERR_PTR(-ENOENT));
	KUNIT_EXPECT_EQ(test, pt_write32(md, CONF_IOVA + 24, CONF_PASID, 2), -EFAULT);
	KUNIT_EXPECT_EQ(test, p[6], 0);

	/* The PASID is free again, for another domain */
	KUNIT_ASSERT_EQ(test, iommu_map(d2, CONF_IOVA, virt_to_phys(p), PAGE_SIZE, IOMMU_READ,
					GFP_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(d2, md->dev, CONF_PASID, NULL), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group, CONF_PASID, 0),
			    ERR_PTR(-ENOENT));
	KUNIT_EXPECT_EQ(test, pt_read32(md, CONF_IOVA + 16, CONF_PASID, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0x9a51d);
	KUNIT_EXPECT_EQ(test, pt_write32(md, CONF_IOVA + 16, CONF_PASID, 3), -EFAULT);
	iommu_detach_device_pasid(d2, md->dev, CONF_PASID);
}

/* 40, 62, 63, 65, 66: attach handles at the RID */
static void rid_handles(struct kunit *test)
{
	const struct conf_target *t = conf_target(test);
	struct machine_dev *md = cdev(test, t->solo2);
	struct iommu_domain *d = pt_paging(test, md);
	struct iommu_domain *d2 = pt_paging(test, md);
	struct iommu_group *group = pt_group(test, md);
	struct iommu_attach_handle h1 = { }, h2 = { };

	pt_claim(test, group);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group, IOMMU_NO_PASID, 0),
			    ERR_PTR(-ENOENT));
	KUNIT_ASSERT_EQ(test, iommu_attach_group_handle(d, group, &h1), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group, IOMMU_NO_PASID, 0), &h1);
	KUNIT_EXPECT_PTR_EQ(test, h1.domain, d);
	KUNIT_EXPECT_EQ(test, iommu_attach_group_handle(d2, group, &h2), -EBUSY);

	KUNIT_ASSERT_EQ(test, iommu_replace_group_handle(group, d2, &h2), 0);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group, IOMMU_NO_PASID, 0), &h2);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev), d2);
	iommu_detach_group_handle(d2, group);
	KUNIT_EXPECT_PTR_EQ(test, iommu_attach_handle_get(group, IOMMU_NO_PASID, 0),
			    ERR_PTR(-ENOENT));
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(md->dev), group->blocking_domain);
}

static int conf_suite_init(struct kunit_suite *suite)
{
	struct machine *m = machine_boot(machine_default_spec());

	if (IS_ERR(m))
		return PTR_ERR(m);
	conf_machine = m;
	return 0;
}

static void conf_suite_exit(struct kunit_suite *suite)
{
	machine_teardown(conf_machine);
	conf_machine = NULL;
}

static struct kunit_case conf_cases[] = {
	KUNIT_CASE_PARAM(groups_follow_topology, conf_gen_params),
	KUNIT_CASE_PARAM(paging_alloc_without_iommu_enodev, conf_gen_params),
	KUNIT_CASE_PARAM(default_domain_types, conf_gen_params),
	KUNIT_CASE_PARAM(identity_domain_untranslated, conf_gen_params),
	KUNIT_CASE_PARAM(identity_refused_per_device, conf_gen_params),
	KUNIT_CASE_PARAM(claim_blocks_dma, conf_gen_params),
	KUNIT_CASE_PARAM(attach_replace_detach, conf_gen_params),
	KUNIT_CASE_PARAM(shared_group_attached_whole, conf_gen_params),
	KUNIT_CASE_PARAM(foreign_domain_einval, conf_gen_params),
	KUNIT_CASE_PARAM(ownership_rules, conf_gen_params),
	KUNIT_CASE_PARAM(reserved_region_direct, conf_gen_params),
	KUNIT_CASE_PARAM(map_unmap_every_page_size, conf_gen_params),
	KUNIT_CASE_PARAM(map_unmap_rules, conf_gen_params),
	KUNIT_CASE_PARAM(map_read_only_blocks_writes, conf_gen_params),
	KUNIT_CASE_PARAM(pasid_attach_detach, conf_gen_params),
	KUNIT_CASE_PARAM(rid_handles, conf_gen_params),
	{}
};

static struct kunit_suite conf_suite = {
	.name = "vtd_platform_conformance",
	.suite_init = conf_suite_init,
	.suite_exit = conf_suite_exit,
	.test_cases = conf_cases,
};

kunit_test_suite(conf_suite);
