// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing the remapping units up and down: discovery through the ACPI
 * DMAR table, register set-up, the root table and the invalidation queue,
 * registration with the IOMMU core, and translation enable.
 *
 * Architecture code calls detect_intel_iommu() and intel_iommu_init() once
 * the PCI hierarchy is known, and intel_iommu_exit() to take everything
 * down again.
 */

#define pr_fmt(fmt) "DMAR: " fmt

#include <linux/acpi.h>
#include <linux/bug.h>
#include <linux/dmar.h>
#include <linux/errno.h>
#include <linux/io.h>
#include <linux/iopoll.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/numa.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "context.h"
#include "iommu.h"
#include "qi.h"

/* How long the hardware may take to acknowledge a global command */
#define DMAR_GCMD_TIMEOUT_US	(1000 * USEC_PER_MSEC)

/* The parsed DMAR table; its units are the driver's list of hardware */
struct dmar_table_info dmar_tbl_info = {
	.drhds = LIST_HEAD_INIT(dmar_tbl_info.drhds),
	.rmrrs = LIST_HEAD_INIT(dmar_tbl_info.rmrrs),
};

static struct acpi_table_header *dmar_tbl;
static bool dmar_initialized;

/**
 * dmar_gcmd_update() - change persistent global command bits
 * @iommu: the unit
 * @set: bits to set (DMAR_GCMD_TE, DMAR_GCMD_QIE)
 * @clear: bits to clear
 *
 * Writes the whole persistent state and waits until GSTS reflects it.
 *
 * Return: 0 or -ETIMEDOUT.
 */
int dmar_gcmd_update(struct intel_iommu *iommu, u32 set, u32 clear)
{
	u32 mask = set | clear, sts;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&iommu->register_lock, flags);
	iommu->gcmd = (iommu->gcmd | set) & ~clear;
	dmar_writel(iommu, DMAR_GCMD_REG, iommu->gcmd);
	/* Status bits sit at the positions of their command bits */
	ret = readl_poll_timeout_atomic(iommu->reg + DMAR_GSTS_REG, sts,
					(sts & mask) == (iommu->gcmd & mask), 0,
					DMAR_GCMD_TIMEOUT_US);
	spin_unlock_irqrestore(&iommu->register_lock, flags);
	if (ret)
		pr_err("%s: global command %#x not acknowledged (status %#x)\n",
		       iommu->name, iommu->gcmd, sts);
	return ret;
}

/**
 * dmar_gcmd_oneshot() - issue a one-shot global command
 * @iommu: the unit
 * @cmd: the command bit (DMAR_GCMD_SRTP, DMAR_GCMD_WBF)
 * @status: the status bit that reports completion
 * @until_set: completion is @status becoming set (SRTP), else clear (WBF)
 *
 * Return: 0 or -ETIMEDOUT.
 */
int dmar_gcmd_oneshot(struct intel_iommu *iommu, u32 cmd, u32 status,
		      bool until_set)
{
	unsigned long flags;
	u32 sts;
	int ret;

	spin_lock_irqsave(&iommu->register_lock, flags);
	dmar_writel(iommu, DMAR_GCMD_REG, iommu->gcmd | cmd);
	ret = readl_poll_timeout_atomic(iommu->reg + DMAR_GSTS_REG, sts,
					!!(sts & status) == until_set, 0,
					DMAR_GCMD_TIMEOUT_US);
	spin_unlock_irqrestore(&iommu->register_lock, flags);
	return ret;
}

/* The largest AW code among those the unit supports (39, 48, 57 bits) */
static int dmar_pick_aw(u64 cap)
{
	unsigned long sagaw = dmar_cap_sagaw(cap);
	int aw;

	for (aw = DMAR_AW_57BIT; aw >= DMAR_AW_39BIT; aw--) {
		if (sagaw & BIT(aw))
			return aw;
	}
	return -1;
}

static struct intel_iommu *dmar_unit_alloc(struct dmar_drhd_unit *drhd, int seq_id)
{
	struct intel_iommu *iommu;
	size_t need;
	int aw, ret;

	iommu = kzalloc(sizeof(*iommu), GFP_KERNEL);
	if (!iommu)
		return ERR_PTR(-ENOMEM);
	iommu->seq_id = seq_id;
	snprintf(iommu->name, sizeof(iommu->name), "dmar%d", seq_id);
	spin_lock_init(&iommu->register_lock);
	spin_lock_init(&iommu->fault_lock);
	spin_lock_init(&iommu->lock);
	ida_init(&iommu->domain_ida);
	xa_init(&iommu->devices);
	iommu->drhd = drhd;

	iommu->reg_phys = drhd->reg_base;
	iommu->reg_size = drhd->reg_size;
	iommu->reg = ioremap(iommu->reg_phys, iommu->reg_size);
	if (!iommu->reg) {
		pr_err("cannot map registers at %#llx\n", drhd->reg_base);
		ret = -ENOMEM;
		goto fail;
	}

	iommu->ver = dmar_readl(iommu, DMAR_VER_REG);
	iommu->cap = dmar_readq(iommu, DMAR_CAP_REG);
	iommu->ecap = dmar_readq(iommu, DMAR_ECAP_REG);
	if (!iommu->cap || iommu->cap == ~0ULL || iommu->ecap == ~0ULL) {
		pr_warn(FW_BUG "no remapping unit answers at %#llx\n", drhd->reg_base);
		ret = -ENODEV;
		goto fail;
	}

	/* The fault records and the IOTLB registers must be inside the window */
	need = max_t(size_t, dmar_cap_fro(iommu->cap) +
		     dmar_cap_nfr(iommu->cap) * DMAR_FRCD_SIZE,
		     dmar_ecap_iro(iommu->ecap) + 16);
	if (need > iommu->reg_size) {
		pr_warn(FW_BUG "%s: register window of %zu bytes, %zu needed\n",
			iommu->name, iommu->reg_size, need);
		ret = -ENODEV;
		goto fail;
	}

	aw = dmar_pick_aw(iommu->cap);
	if (aw < 0) {
		pr_err("%s: no supported address width (SAGAW %#llx)\n", iommu->name,
		       (unsigned long long)dmar_cap_sagaw(iommu->cap));
		ret = -ENODEV;
		goto fail;
	}
	iommu->aw = aw;
	iommu->max_aw = aw;

	/* Scalable mode needs the queue: register invalidation is not allowed */
	iommu->sm = (iommu->ecap & DMAR_ECAP_SMTS) && (iommu->ecap & DMAR_ECAP_QI) &&
		    (iommu->ecap & (DMAR_ECAP_SLTS | DMAR_ECAP_FLTS));
	iommu->pwsnp = iommu->sm && (iommu->ecap & DMAR_ECAP_SMPWC);

	pr_info("%s: version %lu.%lu at %#llx, cap %#llx ecap %#llx, %s mode\n",
		iommu->name, FIELD_GET(DMAR_VER_MAJOR, iommu->ver),
		FIELD_GET(DMAR_VER_MINOR, iommu->ver), drhd->reg_base, iommu->cap,
		iommu->ecap, iommu->sm ? "scalable" : "legacy");
	return iommu;

fail:
	if (iommu->reg)
		iounmap(iommu->reg);
	ida_destroy(&iommu->domain_ida);
	kfree(iommu);
	return ERR_PTR(ret);
}

static void dmar_unit_free(struct intel_iommu *iommu)
{
	if (iommu->translating)
		dmar_gcmd_update(iommu, 0, DMAR_GCMD_TE);
	iommu->translating = false;
	dmar_fault_teardown(iommu);
	dmar_qi_disable(iommu);
	dmar_root_table_free(iommu);
	WARN_ON(!xa_empty(&iommu->devices));
	xa_destroy(&iommu->devices);
	ida_destroy(&iommu->domain_ida);
	iounmap(iommu->reg);
	kfree(iommu);
}

/* Registers, queue, root table and fault interrupt; translation stays off */
static int dmar_unit_hw_init(struct intel_iommu *iommu)
{
	u32 gsts = dmar_readl(iommu, DMAR_GSTS_REG);
	u64 rtaddr;
	int ret;

	/* Whatever firmware left running is switched off first */
	iommu->gcmd = gsts & DMAR_GSTS_PERSISTENT;
	if (gsts & DMAR_GSTS_TES) {
		pr_info("%s: translation was left on, turning it off\n", iommu->name);
		ret = dmar_gcmd_update(iommu, 0, DMAR_GCMD_TE);
		if (ret)
			return ret;
	}
	if (gsts & DMAR_GSTS_QIES) {
		ret = dmar_gcmd_update(iommu, 0, DMAR_GCMD_QIE);
		if (ret)
			return ret;
	}

	if (iommu->ecap & DMAR_ECAP_QI) {
		ret = dmar_qi_enable(iommu);
		if (ret && iommu->sm)
			return ret;
		if (ret)
			pr_info("%s: using register-based invalidation\n", iommu->name);
	}

	ret = dmar_root_table_alloc(iommu);
	if (ret)
		goto fail_qi;

	rtaddr = virt_to_phys(iommu->root_entry);
	if (iommu->sm)
		rtaddr |= DMAR_RTADDR_SMT;
	dmar_writeq(iommu, DMAR_RTADDR_REG, rtaddr);
	ret = dmar_gcmd_oneshot(iommu, DMAR_GCMD_SRTP, DMAR_GSTS_RTPS, true);
	if (ret) {
		pr_err("%s: root table pointer not latched\n", iommu->name);
		goto fail_root;
	}
	if (!(iommu->cap & DMAR_CAP_ESRTPS)) {
		dmar_flush_context(iommu, 0, 0, 0, DMAR_INV_GLOBAL);
		if (iommu->sm)
			dmar_flush_pasid_cache(iommu, 0, 0, QI_PC_GLOBAL);
		dmar_flush_iotlb(iommu, 0, 0, 0, false, DMAR_INV_GLOBAL);
	}

	ret = dmar_fault_setup(iommu);
	if (ret)
		goto fail_root;
	return 0;

fail_root:
	dmar_root_table_free(iommu);
fail_qi:
	dmar_qi_disable(iommu);
	return ret;
}

static int dmar_unit_register(struct intel_iommu *iommu)
{
	int ret;

	ret = iommu_device_sysfs_add(&iommu->iommu, NULL, NULL, "%s", iommu->name);
	if (ret)
		return ret;

	if (iommu->sm && (iommu->ecap & DMAR_ECAP_PASID))
		iommu->iommu.max_pasids = 1U << min_t(u32, dmar_ecap_pasid_bits(iommu->ecap),
						      DMAR_PASID_BITS_MAX);

	/* Devices are probed during registration: they must find the unit */
	iommu->drhd->iommu = iommu;
	iommu->registered = true;
	ret = iommu_device_register(&iommu->iommu, &intel_iommu_ops, NULL);
	if (ret) {
		iommu->registered = false;
		iommu->drhd->iommu = NULL;
		iommu_device_sysfs_remove(&iommu->iommu);
	}
	return ret;
}

static void dmar_unit_unregister(struct intel_iommu *iommu)
{
	if (!iommu->registered)
		return;
	iommu_device_unregister(&iommu->iommu);
	iommu->registered = false;
	iommu->drhd->iommu = NULL;
	iommu_device_sysfs_remove(&iommu->iommu);
}

/**
 * dmar_iommu_for_dev() - the running unit that serves a PCI function
 * @pdev: the function
 *
 * Return: the unit, or NULL when firmware assigns none or it is not up.
 */
struct intel_iommu *dmar_iommu_for_dev(struct pci_dev *pdev)
{
	struct dmar_drhd_unit *drhd = dmar_find_drhd(&dmar_tbl_info, pdev);

	return drhd ? drhd->iommu : NULL;
}

/**
 * detect_intel_iommu() - look for the ACPI DMAR table
 *
 * Keeps a reference to the table when it passes the basic checks, for
 * intel_iommu_init(), and asks the PCI core to enable ACS on the functions
 * it enumerates from now on (as on x86, detection runs before PCI
 * enumeration: without ACS, functions cannot be isolated from each other
 * and PASIDs cannot be enabled).
 */
void detect_intel_iommu(void)
{
	struct acpi_table_header *tbl = NULL;
	acpi_status status;

	if (dmar_tbl)
		return;
	status = acpi_get_table(ACPI_SIG_DMAR, 0, &tbl);
	if (ACPI_FAILURE(status) || !tbl)
		return;
	if (dmar_table_check(tbl)) {
		acpi_put_table(tbl);
		return;
	}
	dmar_tbl = tbl;
	pci_request_acs();
	pr_info("DMAR table found, %u bytes\n", tbl->length);
}

/**
 * intel_iommu_init() - bring up every remapping unit of the DMAR table
 *
 * Parses the table, sets up each unit (queued invalidation, root table,
 * fault interrupt), registers the units with the IOMMU core, which probes
 * their devices, and enables translation. A unit that fails is left out;
 * devices behind it are not translated.
 *
 * Return: 0 if at least one unit runs; -ENODEV without a (usable) DMAR
 * table or unit; -EBUSY if already initialised; -EINVAL for a malformed
 * table; -ENOMEM.
 */
int intel_iommu_init(void)
{
	struct dmar_drhd_unit *drhd;
	unsigned int nr_up = 0;
	int seq = 0, ret;

	if (dmar_initialized)
		return -EBUSY;
	if (!dmar_tbl)
		return -ENODEV;

	ret = dmar_table_parse(dmar_tbl, &dmar_tbl_info);
	if (ret) {
		pr_err("DMAR table unusable (%d)\n", ret);
		acpi_put_table(dmar_tbl);
		dmar_tbl = NULL;
		return ret;
	}
	dmar_initialized = true;

	list_for_each_entry(drhd, &dmar_tbl_info.drhds, list) {
		struct intel_iommu *iommu = dmar_unit_alloc(drhd, seq++);

		if (IS_ERR(iommu))
			continue;
		ret = dmar_unit_hw_init(iommu);
		if (!ret)
			ret = dmar_unit_register(iommu);
		if (ret) {
			pr_err("%s: cannot start (%d)\n", iommu->name, ret);
			dmar_unit_free(iommu);
			continue;
		}
		nr_up++;
	}

	list_for_each_entry(drhd, &dmar_tbl_info.drhds, list) {
		struct intel_iommu *iommu = drhd->iommu;

		if (!iommu)
			continue;
		if (dmar_gcmd_update(iommu, DMAR_GCMD_TE, 0))
			continue;
		iommu->translating = true;
	}

	if (!nr_up) {
		intel_iommu_exit();
		return -ENODEV;
	}
	pr_info("%u remapping unit(s) up\n", nr_up);
	return 0;
}

/**
 * intel_iommu_exit() - take every unit down and forget the DMAR table
 *
 * Unregisters the units from the IOMMU core (which releases their
 * devices), disables translation and the invalidation queue, frees the
 * translation structures and drops the reference on the DMAR table. Paging
 * domains allocated by users must have been freed before.
 */
void intel_iommu_exit(void)
{
	struct dmar_drhd_unit *drhd;

	list_for_each_entry(drhd, &dmar_tbl_info.drhds, list) {
		struct intel_iommu *iommu = drhd->iommu;

		if (!iommu)
			continue;
		dmar_unit_unregister(iommu);
		dmar_unit_free(iommu);
	}
	dmar_table_release(&dmar_tbl_info);
	dmar_initialized = false;
	if (dmar_tbl) {
		acpi_put_table(dmar_tbl);
		dmar_tbl = NULL;
	}
}
