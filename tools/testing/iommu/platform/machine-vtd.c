// SPDX-License-Identifier: GPL-2.0
/*
 * VT-d units of a machine: the models, the ACPI DMAR table that describes
 * them to the driver, and the driver's start and stop.
 *
 * The DMAR table is laid out as firmware does it: the table header, one
 * DRHD per unit (units with an explicit device scope first, the
 * INCLUDE_PCI_ALL unit of a segment last), then one RMRR per reserved
 * region.  A device scope names a function by the path of device/function
 * pairs from the segment's root bus down through the bridges above it.
 */
#include <linux/acpi.h>
#include <linux/dmar.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <host/acpi.h>
#include <host/irq.h>
#include <host/machine.h>
#include <host/vtd.h>

#include "machine-internal.h"

/* Deepest bridge nesting a device scope path can describe here. */
#define VTD_SCOPE_MAX_DEPTH	8

/* The unit's interrupt messages go to the host's interrupt controller. */
static void vtd_unit_event(struct vtd_unit *unit, enum vtd_event ev, u64 addr, u32 data,
			   void *priv)
{
	/* A message the driver never programmed has nowhere to go, as on hardware */
	host_msi_deliver(addr, data);
}

static int vtd_unit_create_model(struct machine *m, struct machine_iommu *u)
{
	struct vtd_config cfg = u->desc->vtd;
	struct vtd_unit *unit;

	if (!cfg.mmio_base)
		cfg.mmio_base = MACHINE_MMIO_BASE + u->index * MACHINE_MMIO_STRIDE;
	unit = vtd_unit_create(&cfg);
	if (IS_ERR(unit))
		return PTR_ERR(unit);
	vtd_set_event_handler(unit, vtd_unit_event, u);
	u->vtd = unit;
	u->model = unit;
	u->dma_ops = &vtd_dma_iommu_ops;
	u->mmio_base = cfg.mmio_base;
	u->mmio_size = vtd_mmio_size(unit);
	return 0;
}

static void vtd_unit_destroy_model(struct machine *m, struct machine_iommu *u)
{
	vtd_unit_destroy(u->vtd);
	u->vtd = NULL;
	u->model = NULL;
}

/* The chain of functions from the root bus down to function @i. */
static int vtd_scope_path(const struct machine_spec *desc, unsigned int i,
			  int path[VTD_SCOPE_MAX_DEPTH])
{
	int chain[VTD_SCOPE_MAX_DEPTH];
	int n = 0, cur = i, k;

	while (cur >= 0) {
		if (n == VTD_SCOPE_MAX_DEPTH)
			return -EINVAL;
		chain[n++] = cur;
		cur = machine_fn_parent(desc, cur);
	}
	for (k = 0; k < n; k++)
		path[k] = chain[n - 1 - k];
	return n;
}

static size_t vtd_scope_size(const struct machine_spec *desc, unsigned int i)
{
	int path[VTD_SCOPE_MAX_DEPTH];
	int n = vtd_scope_path(desc, i, path);

	if (n < 0)
		return 0;
	return sizeof(struct acpi_dmar_device_scope) + n * sizeof(struct acpi_dmar_pci_path);
}

/* Write the scope entry of function @i at @p; returns its size. */
static size_t vtd_emit_scope(const struct machine_spec *desc, unsigned int i, u8 *p)
{
	struct acpi_dmar_device_scope *scope = (void *)p;
	struct acpi_dmar_pci_path *path = (void *)(scope + 1);
	const struct machine_pci_fn_desc *f = &desc->fns[i];
	int chain[VTD_SCOPE_MAX_DEPTH];
	int n = vtd_scope_path(desc, i, chain), k;

	scope->entry_type = (f->fn.flags & PCI_FAKE_BRIDGE) ? ACPI_DMAR_SCOPE_TYPE_BRIDGE :
							       ACPI_DMAR_SCOPE_TYPE_ENDPOINT;
	scope->length = sizeof(*scope) + n * sizeof(*path);
	scope->bus = desc->fns[chain[0]].fn.bus;
	for (k = 0; k < n; k++) {
		path[k].device = PCI_SLOT(desc->fns[chain[k]].fn.devfn);
		path[k].function = PCI_FUNC(desc->fns[chain[k]].fn.devfn);
	}
	return scope->length;
}

/*
 * Whether function @i gets a scope entry in the DRHD of unit @unit: it was
 * given to the unit explicitly and no bridge above it was (a bridge entry
 * already covers everything behind the bridge).
 */
static bool vtd_fn_in_drhd(const struct machine_spec *desc, unsigned int i, int unit)
{
	int p;

	if (desc->fns[i].iommu != unit || desc->iommus[unit].include_all)
		return false;
	for (p = machine_fn_parent(desc, i); p >= 0; p = machine_fn_parent(desc, p)) {
		if (desc->fns[p].iommu == unit)
			return false;
	}
	return true;
}

static size_t vtd_drhd_size(const struct machine_spec *desc, int unit)
{
	size_t len = sizeof(struct acpi_dmar_hardware_unit);
	unsigned int i;

	for (i = 0; i < desc->nr_fns; i++) {
		if (vtd_fn_in_drhd(desc, i, unit))
			len += vtd_scope_size(desc, i);
	}
	return len;
}

static size_t vtd_emit_drhd(struct machine *m, struct machine_iommu *u, u8 *p)
{
	const struct machine_spec *desc = m->desc;
	struct acpi_dmar_hardware_unit *drhd = (void *)p;
	size_t len = sizeof(*drhd);
	unsigned int i;

	drhd->header.type = ACPI_DMAR_TYPE_HARDWARE_UNIT;
	drhd->flags = u->desc->include_all ? ACPI_DMAR_INCLUDE_ALL : 0;
	drhd->size = ilog2(u->mmio_size >> 12);
	drhd->segment = u->desc->segment;
	drhd->address = u->mmio_base;
	for (i = 0; i < desc->nr_fns; i++) {
		if (vtd_fn_in_drhd(desc, i, u->index))
			len += vtd_emit_scope(desc, i, p + len);
	}
	drhd->header.length = len;
	return len;
}

static size_t vtd_rmrr_size(const struct machine_spec *desc, const struct machine_rmrr_desc *r)
{
	size_t len = sizeof(struct acpi_dmar_reserved_memory);
	unsigned int j;

	for (j = 0; j < MACHINE_RMRR_MAX_DEVS && r->devices[j]; j++)
		len += vtd_scope_size(desc, machine_fn_find(desc, r->devices[j]));
	return len;
}

static size_t vtd_emit_rmrr(struct machine *m, struct machine_rmrr *r, u8 *p)
{
	const struct machine_spec *desc = m->desc;
	struct acpi_dmar_reserved_memory *rmrr = (void *)p;
	size_t len = sizeof(*rmrr);
	unsigned int j;
	int f;

	rmrr->header.type = ACPI_DMAR_TYPE_RESERVED_MEMORY;
	rmrr->base_address = virt_to_phys(r->mem);
	rmrr->end_address = rmrr->base_address + r->size - 1;
	f = machine_fn_find(desc, r->desc->devices[0]);
	rmrr->segment = desc->fns[f].segment;
	for (j = 0; j < MACHINE_RMRR_MAX_DEVS && r->desc->devices[j]; j++)
		len += vtd_emit_scope(desc, machine_fn_find(desc, r->desc->devices[j]),
				      p + len);
	rmrr->header.length = len;
	return len;
}

static bool vtd_unit(const struct machine *m, unsigned int i)
{
	return m->iommus[i].desc->type == MACHINE_IOMMU_VTD;
}

static int vtd_publish(struct machine *m)
{
	const struct machine_spec *desc = m->desc;
	struct acpi_table_dmar *dmar;
	size_t len = sizeof(*dmar);
	unsigned int i, pass;
	u8 *p;
	int ret;

	for (i = 0; i < desc->nr_fns; i++) {
		int path[VTD_SCOPE_MAX_DEPTH];

		if (vtd_scope_path(desc, i, path) < 0)
			return -EINVAL;
	}
	for (i = 0; i < m->nr_iommus; i++) {
		if (vtd_unit(m, i))
			len += vtd_drhd_size(desc, i);
	}
	for (i = 0; i < desc->nr_rmrrs; i++)
		len += vtd_rmrr_size(desc, &desc->rmrrs[i]);

	dmar = kzalloc(len, GFP_KERNEL);
	if (!dmar)
		return -ENOMEM;

	memcpy(dmar->header.signature, ACPI_SIG_DMAR, ACPI_NAMESEG_SIZE);
	dmar->header.length = len;
	dmar->header.revision = 1;
	memcpy(dmar->header.oem_id, "HOSTEN", ACPI_OEM_ID_SIZE);
	memcpy(dmar->header.oem_table_id, "IOMMUMCH", ACPI_OEM_TABLE_ID_SIZE);
	dmar->header.oem_revision = 1;
	memcpy(dmar->header.asl_compiler_id, "HOST", ACPI_NAMESEG_SIZE);
	dmar->header.asl_compiler_revision = 1;
	dmar->width = (desc->haw ?: 48) - 1;

	p = (u8 *)(dmar + 1);
	/* Units with a scope first; a segment's catch-all unit comes last. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < m->nr_iommus; i++) {
			if (!vtd_unit(m, i) || m->iommus[i].desc->include_all != pass)
				continue;
			p += vtd_emit_drhd(m, &m->iommus[i], p);
		}
	}
	for (i = 0; i < desc->nr_rmrrs; i++)
		p += vtd_emit_rmrr(m, &m->rmrrs[i], p);
	if (WARN_ON(p != (u8 *)dmar + len)) {
		kfree(dmar);
		return -EINVAL;
	}

	host_acpi_table_set_checksum(&dmar->header);
	ret = host_acpi_install_table(&dmar->header);
	if (ret) {
		kfree(dmar);
		return ret;
	}
	m->dmar = &dmar->header;
	return 0;
}

static void vtd_withdraw(struct machine *m)
{
	int refs;

	if (!m->dmar)
		return;
	refs = host_acpi_uninstall_table(m->dmar);
	if (refs > 0)
		pr_warn("machine %s: DMAR withdrawn with %d reference(s) held\n",
			m->desc->name, refs);
	kfree(m->dmar);
	m->dmar = NULL;
}

/* As x86's pci_iommu_alloc(): before PCI, so the driver can ask for ACS */
static int vtd_detect(struct machine *m)
{
	if (!IS_ENABLED(CONFIG_INTEL_IOMMU))
		return -EOPNOTSUPP;
	detect_intel_iommu();
	return 0;
}

/* As x86's pci_iommu_init(), once the PCI hierarchy is known */
static int vtd_driver_init(struct machine *m)
{
	if (!IS_ENABLED(CONFIG_INTEL_IOMMU))
		return -EOPNOTSUPP;
	return intel_iommu_init();
}

static void vtd_driver_exit(struct machine *m)
{
	if (IS_ENABLED(CONFIG_INTEL_IOMMU))
		intel_iommu_exit();
}

const struct machine_type_ops machine_vtd_ops = {
	.name		= "VT-d",
	.create		= vtd_unit_create_model,
	.destroy	= vtd_unit_destroy_model,
	.publish	= vtd_publish,
	.withdraw	= vtd_withdraw,
	.detect		= vtd_detect,
	.driver_init	= vtd_driver_init,
	.driver_exit	= vtd_driver_exit,
};
