/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ACPI DMA Remapping Reporting table (DMAR) as the driver keeps it after
 * parsing: remapping units (DRHD) with their device scopes, and reserved
 * memory regions (RMRR) with the devices that use them.
 */
#ifndef _INTEL_IOMMU_DMAR_H
#define _INTEL_IOMMU_DMAR_H

#include <linux/list.h>
#include <linux/types.h>

struct acpi_table_header;
struct intel_iommu;
struct pci_dev;

/* Longest device scope path (bridges from the root bus down) kept */
#define DMAR_SCOPE_MAX_PATH	16

/* DMAR table flag: firmware asks the OS to keep DMA protection on */
#define DMAR_PLATFORM_OPT_IN	BIT(2)

/**
 * struct dmar_scope - one PCI device scope entry
 * @type: ACPI_DMAR_SCOPE_TYPE_ENDPOINT or ACPI_DMAR_SCOPE_TYPE_BRIDGE
 * @bus: bus number where @path starts
 * @depth: number of hops in @path
 * @path: devfn of each hop, from the device on @bus down to the target
 */
struct dmar_scope {
	u8 type;
	u8 bus;
	u8 depth;
	u8 path[DMAR_SCOPE_MAX_PATH];
};

/**
 * struct dmar_drhd_unit - one remapping hardware unit as firmware lists it
 * @list: entry in &dmar_table_info.drhds (catch-all units at the tail)
 * @reg_base: physical base of the register window
 * @reg_size: bytes of the register window
 * @segment: PCI segment
 * @include_all: serves every device of @segment no other unit claims
 * @nr_scopes: entries in @scopes
 * @scopes: PCI device scopes
 * @iommu: the running unit, NULL while (or if) it is not up
 */
struct dmar_drhd_unit {
	struct list_head list;
	u64 reg_base;
	u64 reg_size;
	u16 segment;
	bool include_all;
	unsigned int nr_scopes;
	struct dmar_scope *scopes;
	struct intel_iommu *iommu;
};

/**
 * struct dmar_rmrr_unit - one reserved memory region
 * @list: entry in &dmar_table_info.rmrrs
 * @segment: PCI segment of the devices in scope
 * @base: first byte, page aligned
 * @last: last byte, the end of a page
 * @nr_scopes: entries in @scopes
 * @scopes: devices that use the region
 */
struct dmar_rmrr_unit {
	struct list_head list;
	u16 segment;
	u64 base;
	u64 last;
	unsigned int nr_scopes;
	struct dmar_scope *scopes;
};

/**
 * struct dmar_table_info - the parsed DMAR table
 * @haw: host address width in bits
 * @flags: the table's flags (DMAR_PLATFORM_OPT_IN, ...)
 * @drhds: &struct dmar_drhd_unit list
 * @rmrrs: &struct dmar_rmrr_unit list
 * @nr_drhds: units in @drhds
 * @nr_rmrrs: regions in @rmrrs
 * @nr_ignored: subtables skipped (unknown types, malformed RMRRs)
 */
struct dmar_table_info {
	u8 haw;
	u8 flags;
	struct list_head drhds;
	struct list_head rmrrs;
	unsigned int nr_drhds;
	unsigned int nr_rmrrs;
	unsigned int nr_ignored;
};

int dmar_table_check(const struct acpi_table_header *hdr);
int dmar_table_parse(const struct acpi_table_header *hdr,
		     struct dmar_table_info *info);
void dmar_table_release(struct dmar_table_info *info);
bool dmar_scopes_match(u16 segment, const struct dmar_scope *scopes,
		       unsigned int nr_scopes, struct pci_dev *pdev);
struct dmar_drhd_unit *dmar_find_drhd(struct dmar_table_info *info,
				      struct pci_dev *pdev);

#endif /* _INTEL_IOMMU_DMAR_H */
