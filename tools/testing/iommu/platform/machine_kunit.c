// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of machine boot: the DMAR table the firmware publishes, the
 * PCI hierarchy the PCI core finds, the models answering their register
 * windows, the DMA test devices wired to the right unit, descriptions
 * that are refused, and teardown that leaves nothing behind (also when an
 * allocation fails half way through a boot).
 *
 * These cases boot the models only, so they run whether or not an IOMMU
 * driver is built in; one case boots the default machine with its drivers.
 */
#include <linux/acpi.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/test.h>

#include <host/acpi.h>
#include <host/env.h>
#include <host/machine.h>
#include <host/mem.h>

/* VT-d register offsets (the tests' own copy; the spec's numbers). */
#define T_VTD_VER	0x00
#define T_VTD_CAP	0x08
#define T_VTD_ECAP	0x10
#define T_VTD_GSTS	0x1c
#define T_ECAP_PT	BIT_ULL(6)
#define T_ECAP_SMTS	BIT_ULL(43)

/* The default machine without drivers */
static struct {
	struct machine_spec desc;
} models;

static const struct machine_spec *models_desc(void)
{
	models.desc = *machine_default_spec();
	models.desc.models_only = true;
	return &models.desc;
}

static struct machine *boot_models(struct kunit *test)
{
	struct machine *m = machine_boot(models_desc());

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, m);
	return m;
}

/* Walk the DMAR subtables, counting them by type. */
static void dmar_count(struct acpi_table_dmar *dmar, unsigned int counts[ACPI_DMAR_TYPE_RESERVED],
		       bool *bad)
{
	u8 *p = (u8 *)(dmar + 1), *end = (u8 *)dmar + dmar->header.length;

	*bad = false;
	while (p + sizeof(struct acpi_dmar_header) <= end) {
		struct acpi_dmar_header *h = (void *)p;

		if (h->length < sizeof(*h) || p + h->length > end) {
			*bad = true;
			return;
		}
		if (h->type < ACPI_DMAR_TYPE_RESERVED)
			counts[h->type]++;
		p += h->length;
	}
	*bad = p != end;
}

static struct acpi_dmar_header *dmar_nth(struct acpi_table_dmar *dmar, u16 type,
					 unsigned int n)
{
	u8 *p = (u8 *)(dmar + 1), *end = (u8 *)dmar + dmar->header.length;

	while (p < end) {
		struct acpi_dmar_header *h = (void *)p;

		if (h->type == type && !n--)
			return h;
		p += h->length;
	}
	return NULL;
}

static void dmar_table_is_valid(struct kunit *test)
{
	struct machine *m = boot_models(test);
	struct acpi_table_header *hdr;
	struct acpi_table_dmar *dmar;
	unsigned int counts[ACPI_DMAR_TYPE_RESERVED] = { };
	bool bad;

	KUNIT_ASSERT_EQ(test, acpi_get_table(ACPI_SIG_DMAR, 0, &hdr), AE_OK);
	KUNIT_EXPECT_PTR_EQ(test, hdr, m->dmar);
	KUNIT_EXPECT_EQ(test, host_acpi_table_refs(hdr), 1);
	KUNIT_EXPECT_EQ(test, memcmp(hdr->signature, "DMAR", 4), 0);
	KUNIT_EXPECT_EQ(test, host_acpi_checksum(hdr, hdr->length), 0);
	dmar = (struct acpi_table_dmar *)hdr;
	KUNIT_EXPECT_EQ(test, dmar->width, 47);

	dmar_count(dmar, counts, &bad);
	KUNIT_EXPECT_FALSE(test, bad);
	KUNIT_EXPECT_EQ(test, counts[ACPI_DMAR_TYPE_HARDWARE_UNIT], 2);
	KUNIT_EXPECT_EQ(test, counts[ACPI_DMAR_TYPE_RESERVED_MEMORY], 1);

	acpi_put_table(hdr);
	KUNIT_EXPECT_EQ(test, host_acpi_table_refs(hdr), 0);
	/* A second instance does not exist */
	KUNIT_EXPECT_EQ(test, acpi_get_table(ACPI_SIG_DMAR, 2, &hdr), AE_NOT_FOUND);
	KUNIT_EXPECT_NULL(test, hdr);
	machine_teardown(m);
	KUNIT_EXPECT_EQ(test, acpi_get_table(ACPI_SIG_DMAR, 0, &hdr), AE_NOT_FOUND);
}

static void dmar_drhd_scopes(struct kunit *test)
{
	struct machine *m = boot_models(test);
	struct acpi_table_dmar *dmar = (void *)m->dmar;
	struct acpi_dmar_hardware_unit *drhd;
	struct acpi_dmar_device_scope *scope;
	struct acpi_dmar_pci_path *path;

	/* dmar0 first, with one endpoint scope naming 00:02.0 */
	drhd = (void *)dmar_nth(dmar, ACPI_DMAR_TYPE_HARDWARE_UNIT, 0);
	KUNIT_ASSERT_NOT_NULL(test, drhd);
	KUNIT_EXPECT_EQ(test, drhd->flags, 0);
	KUNIT_EXPECT_EQ(test, drhd->segment, 0);
	KUNIT_EXPECT_EQ(test, drhd->address, machine_iommu_find(m, "dmar0")->mmio_base);
	KUNIT_EXPECT_EQ(test, drhd->header.length,
			sizeof(*drhd) + sizeof(*scope) + sizeof(*path));
	scope = (void *)(drhd + 1);
	path = (void *)(scope + 1);
	KUNIT_EXPECT_EQ(test, scope->entry_type, ACPI_DMAR_SCOPE_TYPE_ENDPOINT);
	KUNIT_EXPECT_EQ(test, scope->length, sizeof(*scope) + sizeof(*path));
	KUNIT_EXPECT_EQ(test, scope->bus, 0);
	KUNIT_EXPECT_EQ(test, path->device, 2);
	KUNIT_EXPECT_EQ(test, path->function, 0);

	/* then the catch-all dmar1, without scope */
	drhd = (void *)dmar_nth(dmar, ACPI_DMAR_TYPE_HARDWARE_UNIT, 1);
	KUNIT_ASSERT_NOT_NULL(test, drhd);
	KUNIT_EXPECT_EQ(test, drhd->flags, ACPI_DMAR_INCLUDE_ALL);
	KUNIT_EXPECT_EQ(test, drhd->header.length, sizeof(*drhd));
	KUNIT_EXPECT_EQ(test, drhd->address, machine_iommu_find(m, "dmar1")->mmio_base);
	KUNIT_EXPECT_NE(test, drhd->address, machine_iommu_find(m, "dmar0")->mmio_base);
	/* Register windows sit between 2 and 4 GiB */
	KUNIT_EXPECT_GE(test, drhd->address, 0x80000000ULL);
	KUNIT_EXPECT_LT(test, drhd->address, 0x100000000ULL);
	KUNIT_EXPECT_EQ(test, 4096UL << drhd->size, machine_iommu_find(m, "dmar1")->mmio_size);
	machine_teardown(m);
}

static void dmar_rmrr_is_ram(struct kunit *test)
{
	struct machine *m = boot_models(test);
	struct acpi_dmar_reserved_memory *rmrr;
	struct acpi_dmar_device_scope *scope;
	struct acpi_dmar_pci_path *path;

	rmrr = (void *)dmar_nth((void *)m->dmar, ACPI_DMAR_TYPE_RESERVED_MEMORY, 0);
	KUNIT_ASSERT_NOT_NULL(test, rmrr);
	KUNIT_EXPECT_EQ(test, rmrr->base_address, virt_to_phys(m->rmrrs[0].mem));
	KUNIT_EXPECT_EQ(test, rmrr->end_address - rmrr->base_address + 1, m->rmrrs[0].size);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED(rmrr->base_address, 4096));
	KUNIT_EXPECT_TRUE(test, host_phys_is_ram(rmrr->base_address, m->rmrrs[0].size));
	scope = (void *)(rmrr + 1);
	path = (void *)(scope + 1);
	KUNIT_EXPECT_EQ(test, scope->entry_type, ACPI_DMAR_SCOPE_TYPE_ENDPOINT);
	KUNIT_EXPECT_EQ(test, path->device, 0x12);
	KUNIT_EXPECT_EQ(test, path->function, 0);
	machine_teardown(m);
}

static void pci_hierarchy_enumerated(struct kunit *test)
{
	struct machine *m = boot_models(test);
	struct machine_dev *md;
	unsigned int i;

	for (i = 0; i < m->desc->nr_fns; i++) {
		md = &m->devs[i];
		KUNIT_EXPECT_NOT_NULL_MSG(test, md->pdev, "%s", md->name);
		if (!md->pdev)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, md->pdev->devfn, md->pci->fn.devfn, "%s", md->name);
		KUNIT_EXPECT_EQ_MSG(test, md->pdev->bus->number, md->pci->fn.bus, "%s", md->name);
		KUNIT_EXPECT_EQ(test, pci_domain_nr(md->pdev->bus), md->pci->segment);
	}

	/* Functions sharing a slot are multifunction */
	KUNIT_EXPECT_TRUE(test, machine_dev_find(m, "audio")->pdev->multifunction);
	KUNIT_EXPECT_TRUE(test, machine_dev_find(m, "nic1")->pdev->multifunction);
	KUNIT_EXPECT_FALSE(test, machine_dev_find(m, "nvme")->pdev->multifunction);
	/* Behind the external-facing port */
	KUNIT_EXPECT_TRUE(test, machine_dev_find(m, "ext")->pdev->untrusted);
	KUNIT_EXPECT_FALSE(test, machine_dev_find(m, "nvme")->pdev->untrusted);
	KUNIT_EXPECT_TRUE(test, machine_dev_find(m, "tbt")->pdev->external_facing);
	/* PASID capability as described */
	KUNIT_EXPECT_NE(test, machine_dev_find(m, "accel")->pdev->pasid_cap, 0);
	KUNIT_EXPECT_EQ(test, machine_dev_find(m, "nic0")->pdev->pasid_cap, 0);

	/* The platform device */
	md = machine_dev_find(m, "serial0");
	KUNIT_ASSERT_NOT_NULL(test, md);
	KUNIT_EXPECT_NOT_NULL(test, md->platdev);
	KUNIT_EXPECT_NULL(test, md->iommu);
	machine_teardown(m);
}

static void devices_wired_to_units(struct kunit *test)
{
	struct machine *m = boot_models(test);
	struct machine_iommu *dmar0 = machine_iommu_find(m, "dmar0");
	struct machine_iommu *dmar1 = machine_iommu_find(m, "dmar1");
	unsigned int i;

	KUNIT_EXPECT_PTR_EQ(test, machine_dev_find(m, "gfx")->iommu, dmar0);
	for (i = 0; i < m->desc->nr_fns; i++) {
		struct machine_dev *md = &m->devs[i];

		if (strcmp(md->name, "gfx"))
			KUNIT_EXPECT_PTR_EQ_MSG(test, md->iommu, dmar1, "%s", md->name);
		/* Bridges do not DMA */
		KUNIT_EXPECT_EQ_MSG(test, md->has_dma,
				    !(md->pci->fn.flags & PCI_FAKE_BRIDGE), "%s", md->name);
	}
	KUNIT_EXPECT_EQ(test, machine_dev_find(m, "nic1")->rid, PCI_DEVID(2, PCI_DEVFN(0, 1)));
	/* Conventional PCI behind a PCIe to PCI bridge: secondary bus, devfn 0 */
	KUNIT_EXPECT_EQ(test, machine_dev_find(m, "legacy")->rid, PCI_DEVID(4, 0));
	KUNIT_EXPECT_EQ(test, machine_dev_find(m, "legacy")->dma.source_id, PCI_DEVID(4, 0));
	KUNIT_EXPECT_PTR_EQ(test, machine_dev_find(m, "nvme")->dma.iommu, dmar1->model);
	machine_teardown(m);
}

static void models_answer_mmio(struct kunit *test)
{
	struct machine *m = boot_models(test);
	unsigned int i;

	for (i = 0; i < m->nr_iommus; i++) {
		struct machine_iommu *u = &m->iommus[i];
		void __iomem *regs = ioremap(u->mmio_base, u->mmio_size);
		u64 ecap;

		KUNIT_ASSERT_TRUE(test, !!regs);
		KUNIT_EXPECT_EQ(test, readl(regs + T_VTD_VER), 0x60);
		KUNIT_EXPECT_NE(test, readq(regs + T_VTD_CAP), 0);
		ecap = readq(regs + T_VTD_ECAP);
		KUNIT_EXPECT_EQ(test, !!(ecap & T_ECAP_PT), u->desc->vtd.pt);
		KUNIT_EXPECT_TRUE(test, ecap & T_ECAP_SMTS);
		/* Reset state: translation off */
		KUNIT_EXPECT_EQ(test, readl(regs + T_VTD_GSTS), 0);
		iounmap(regs);
	}
	machine_teardown(m);
}

/* With translation off, a device's DMA reaches physical addresses. */
static void dma_untranslated_before_driver(struct kunit *test)
{
	struct machine *m = boot_models(test);
	struct machine_dev *md = machine_dev_find(m, "nvme");
	u8 *buf = kunit_kzalloc(test, 64, GFP_KERNEL);
	u8 out[64], in[64];

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(out, 0x5a, sizeof(out));
	KUNIT_EXPECT_EQ(test, machine_dev_dma(md, virt_to_phys(buf), out, sizeof(out),
					      DMA_DEV_NO_PASID, DMA_ACC_WRITE), 0);
	KUNIT_EXPECT_EQ(test, memcmp(buf, out, sizeof(out)), 0);
	buf[3] = 0xa5;
	KUNIT_EXPECT_EQ(test, machine_dev_dma(md, virt_to_phys(buf), in, sizeof(in),
					      DMA_DEV_NO_PASID, DMA_ACC_READ), 0);
	KUNIT_EXPECT_EQ(test, in[3], 0xa5);
	/* Bridges have no DMA engine */
	KUNIT_EXPECT_EQ(test, machine_dev_dma(machine_dev_find(m, "rp0"), virt_to_phys(buf),
					      in, 4, DMA_DEV_NO_PASID, DMA_ACC_READ), -ENODEV);
	machine_teardown(m);
}

static void one_machine_at_a_time(struct kunit *test)
{
	struct machine *m = boot_models(test);

	KUNIT_EXPECT_PTR_EQ(test, machine_current(), m);
	KUNIT_EXPECT_PTR_EQ(test, machine_boot(models_desc()), ERR_PTR(-EBUSY));
	machine_teardown(m);
	KUNIT_EXPECT_NULL(test, machine_current());
}

static void bad_descriptions_refused(struct kunit *test)
{
	struct machine_pci_fn_desc fns[2] = {
		{ .name = "a", .iommu = MACHINE_IOMMU_AUTO, .fn = { PCI_FAKE_RCIEP(0, 1, 0) } },
		{ .name = "b", .iommu = MACHINE_IOMMU_AUTO, .fn = { PCI_FAKE_RCIEP(0, 2, 0) } },
	};
	struct machine_iommu_desc unit = {
		.name = "u", .type = MACHINE_IOMMU_VTD, .include_all = true,
	};
	struct machine_rmrr_desc rmrr = { .name = "r", .size = 4096, .devices = { "zz" } };
	struct {
		struct machine_spec desc;
	} bad = { .desc = {
		.name = "bad", .iommus = &unit, .nr_iommus = 1, .fns = fns, .nr_fns = 2,
		.models_only = true,
	} };
	struct machine_spec *d = &bad.desc;

	vtd_config_default(&unit.vtd);

	fns[1].name = "a";
	KUNIT_EXPECT_PTR_EQ(test, machine_boot(d), ERR_PTR(-EINVAL));
	fns[1].name = "b";
	fns[1].fn.devfn = fns[0].fn.devfn;
	KUNIT_EXPECT_PTR_EQ(test, machine_boot(d), ERR_PTR(-EINVAL));
	fns[1].fn.devfn = PCI_DEVFN(2, 0);
	/* A catch-all unit cannot leave a function out */
	fns[1].iommu = MACHINE_IOMMU_NONE;
	KUNIT_EXPECT_PTR_EQ(test, machine_boot(d), ERR_PTR(-EINVAL));
	fns[1].iommu = 3;
	KUNIT_EXPECT_PTR_EQ(test, machine_boot(d), ERR_PTR(-EINVAL));
	fns[1].iommu = MACHINE_IOMMU_AUTO;
	/* RMRR naming a function that does not exist */
	d->rmrrs = &rmrr;
	d->nr_rmrrs = 1;
	KUNIT_EXPECT_PTR_EQ(test, machine_boot(d), ERR_PTR(-EINVAL));
	rmrr.devices[0] = "a";
	rmrr.size = 100;
	KUNIT_EXPECT_PTR_EQ(test, machine_boot(d), ERR_PTR(-EINVAL));
	d->nr_rmrrs = 0;
	/* Units without a model */
	unit.type = MACHINE_IOMMU_SMMUV3;
	KUNIT_EXPECT_PTR_EQ(test, machine_boot(d), ERR_PTR(-EOPNOTSUPP));
	unit.type = MACHINE_IOMMU_VTD;
	KUNIT_EXPECT_NULL(test, machine_current());
}

static long outstanding(void)
{
	rcu_barrier();
	return host_alloc_outstanding();
}

static void teardown_frees_everything(struct kunit *test)
{
	long before = outstanding();
	struct machine *m = machine_boot(models_desc());

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, m);
	KUNIT_EXPECT_GT(test, outstanding(), before);
	machine_teardown(m);
	KUNIT_EXPECT_EQ(test, outstanding(), before);
}

/* Every allocation of a boot fails once in turn: each failure unwinds fully. */
static void boot_unwinds_on_allocation_failure(struct kunit *test)
{
	unsigned int nth, failures = 0;
	struct machine *m;
	long before;

	for (nth = 1; nth < 10000; nth++) {
		before = outstanding();
		current->fail_nth = nth;
		m = machine_boot(models_desc());
		current->fail_nth = 0;
		if (!IS_ERR(m))
			break;
		failures++;
		/* The PCI core drops a function it cannot allocate: -ENODEV */
		KUNIT_EXPECT_TRUE_MSG(test, PTR_ERR(m) == -ENOMEM || PTR_ERR(m) == -ENODEV,
				      "allocation %u: %ld", nth, PTR_ERR(m));
		KUNIT_EXPECT_EQ_MSG(test, outstanding(), before, "allocation %u", nth);
		KUNIT_EXPECT_NULL(test, machine_current());
	}
	KUNIT_ASSERT_FALSE(test, IS_ERR(m));
	KUNIT_EXPECT_GT(test, failures, 10);
	kunit_info(test, "a models-only boot makes %u allocations\n", failures);
	machine_teardown(m);
	KUNIT_EXPECT_EQ(test, outstanding(), before);
}

/* The full default machine, drivers included when built in. */
static void default_machine_boots_and_tears_down(struct kunit *test)
{
	long before = outstanding();
	struct machine *m = machine_boot(machine_default_spec());
	struct acpi_table_header *hdr;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, m);
	if (IS_ENABLED(CONFIG_INTEL_IOMMU))
		KUNIT_EXPECT_TRUE(test, machine_driver_up(m, MACHINE_IOMMU_VTD));
	else
		KUNIT_EXPECT_FALSE(test, machine_driver_up(m, MACHINE_IOMMU_VTD));
	machine_teardown(m);
	KUNIT_EXPECT_EQ(test, acpi_get_table(ACPI_SIG_DMAR, 0, &hdr), AE_NOT_FOUND);
	KUNIT_EXPECT_EQ(test, outstanding(), before);
}

static void acpi_install_checks(struct kunit *test)
{
	struct acpi_table_header *t = kunit_kzalloc(test, 64, GFP_KERNEL);
	struct acpi_table_header *out;

	KUNIT_ASSERT_NOT_NULL(test, t);
	memcpy(t->signature, "TEST", 4);
	t->length = 64;
	t->checksum = 1;
	KUNIT_EXPECT_NE(test, host_acpi_checksum(t, 64), 0);
	KUNIT_EXPECT_EQ(test, host_acpi_install_table(t), -EINVAL);
	host_acpi_table_set_checksum(t);
	KUNIT_EXPECT_EQ(test, host_acpi_checksum(t, 64), 0);
	t->length = 8;
	KUNIT_EXPECT_EQ(test, host_acpi_install_table(t), -EINVAL);
	t->length = 64;
	KUNIT_ASSERT_EQ(test, host_acpi_install_table(t), 0);
	KUNIT_EXPECT_EQ(test, host_acpi_install_table(t), -EEXIST);
	KUNIT_EXPECT_EQ(test, acpi_get_table("TEST", 1, &out), AE_OK);
	KUNIT_EXPECT_PTR_EQ(test, out, t);
	KUNIT_EXPECT_EQ(test, acpi_get_table(NULL, 0, &out), AE_BAD_PARAMETER);
	KUNIT_EXPECT_STREQ(test, acpi_format_exception(AE_NOT_FOUND), "AE_NOT_FOUND");
	/* Withdrawing reports the reference still held */
	KUNIT_EXPECT_EQ(test, host_acpi_uninstall_table(t), 1);
	KUNIT_EXPECT_EQ(test, host_acpi_uninstall_table(t), -ENOENT);
	KUNIT_EXPECT_EQ(test, acpi_get_table("TEST", 0, &out), AE_NOT_FOUND);
}

static struct kunit_case machine_boot_cases[] = {
	KUNIT_CASE(acpi_install_checks),
	KUNIT_CASE(dmar_table_is_valid),
	KUNIT_CASE(dmar_drhd_scopes),
	KUNIT_CASE(dmar_rmrr_is_ram),
	KUNIT_CASE(pci_hierarchy_enumerated),
	KUNIT_CASE(devices_wired_to_units),
	KUNIT_CASE(models_answer_mmio),
	KUNIT_CASE(dma_untranslated_before_driver),
	KUNIT_CASE(one_machine_at_a_time),
	KUNIT_CASE(bad_descriptions_refused),
	KUNIT_CASE(teardown_frees_everything),
	KUNIT_CASE_SLOW(boot_unwinds_on_allocation_failure),
	KUNIT_CASE(default_machine_boots_and_tears_down),
	{}
};

static struct kunit_suite machine_boot_suite = {
	.name = "machine_boot",
	.test_cases = machine_boot_cases,
};

kunit_test_suite(machine_boot_suite);
