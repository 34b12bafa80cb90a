// SPDX-License-Identifier: GPL-2.0
/*
 * The default machine: a small x86 server-ish box with two VT-d units and
 * a PCI hierarchy that exercises how groups form.
 *
 *   segment 0, bus 0 (root bus)
 *     00:02.0  gfx       integrated graphics (RCiEP), on dmar0 only
 *     00:04.0  accel     PASID-capable accelerator (RCiEP, 20-bit PASIDs)
 *     00:12.0  ish       sensor hub whose firmware buffer is an RMRR
 *     00:14.0  xhci      USB controller (RCiEP)
 *     00:16.0  mei       management engine interface (RCiEP)
 *     00:1c.0  rp0       root port (ACS)      -> bus 1: 01:00.0 nvme
 *     00:1c.1  rp1       root port (ACS)      -> bus 2: 02:00.0 nic0,
 *                                                       02:00.1 nic1
 *                        (a dual-function NIC without ACS: one group)
 *     00:1d.0  tbt       external-facing root port (ACS)
 *                                             -> bus 3: 03:00.0 ext
 *                        (untrusted: behind an external-facing port)
 *     00:1e.0  p2p       PCIe to PCI bridge   -> bus 4: 04:01.0 legacy
 *                        (conventional PCI: its DMA carries 04:00.0)
 *     00:1f.0  lpc       LPC bridge  } one multifunction device
 *     00:1f.3  audio     HD audio    } without ACS: one group
 *     00:1f.4  smbus     SMBus       }
 *   platform device "serial0" (PNP0501), behind no IOMMU
 *
 * dmar0 covers 00:02.0 and has no pass-through (ECAP.PT=0), so that
 * function cannot use an identity domain; dmar1 is the INCLUDE_PCI_ALL
 * unit with pass-through, scalable mode, nested-capable first and second
 * stage and 20-bit PASIDs.
 */
#include <linux/bits.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/pci_ids.h>
#include <linux/sizes.h>

#include <host/machine.h>

#define DEF_VENDOR	0x8086

/* CAP.SAGAW: 39-bit (3-level) and 48-bit (4-level) tables. */
#define DEF_SAGAW	(BIT(1) | BIT(2))
/* CAP.SLLPS: 2 MiB and 1 GiB second-stage pages. */
#define DEF_SLLPS	(BIT(0) | BIT(1))

#define DEF_VTD_COMMON						\
	.version = 0x60, .sagaw = DEF_SAGAW, .mgaw = 48,	\
	.haw = 48, .nd = 6, .nr_fault_records = 8,		\
	.sllps = DEF_SLLPS, .mamv = 9, .pasid_bits = 20,	\
	.psi = true, .fl1gp = true, .coherent = true,		\
	.qi = true, .dt = true, .sc = true, .smts = true,	\
	.slts = true, .flts = true, .pasid = true, .srs = true

enum {
	DEF_DMAR0,
	DEF_DMAR1,
};

static const struct machine_iommu_desc def_iommus[] = {
	[DEF_DMAR0] = {
		.name = "dmar0", .type = MACHINE_IOMMU_VTD, .segment = 0,
		.vtd = { DEF_VTD_COMMON, .pt = false },
	},
	[DEF_DMAR1] = {
		.name = "dmar1", .type = MACHINE_IOMMU_VTD, .segment = 0,
		.include_all = true,
		.vtd = { DEF_VTD_COMMON, .pt = true },
	},
};

/* A root complex integrated endpoint on bus 0 */
#define DEF_RCIEP(_name, _slot, _fn, _dev, _class, ...)				\
	{ .name = (_name), .iommu = MACHINE_IOMMU_AUTO,				\
	  .fn = { PCI_FAKE_RCIEP(0, _slot, _fn), .vendor = DEF_VENDOR,		\
		  .device = (_dev), .class = (_class), ##__VA_ARGS__ } }

/*
 * A root port with ACS (source validation, request/completion redirect,
 * upstream forwarding) leading to bus _sec
 */
#define DEF_ROOT_PORT(_name, _slot, _fn, _dev, _sec, _flags)			\
	{ .name = (_name), .iommu = MACHINE_IOMMU_AUTO,				\
	  .fn = { .bus = 0, .devfn = PCI_DEVFN(_slot, _fn),			\
		  .pcie_type = PCI_EXP_TYPE_ROOT_PORT, .secondary = (_sec),	\
		  .flags = PCI_FAKE_BRIDGE | PCI_FAKE_ACS | (_flags),		\
		  .vendor = DEF_VENDOR, .device = (_dev),			\
		  .acs_cap = PCI_ACS_SV | PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_UF } }

static const struct machine_pci_fn_desc def_fns[] = {
	{ .name = "gfx", .iommu = DEF_DMAR0,
	  .fn = { PCI_FAKE_RCIEP(0, 0x02, 0), .vendor = DEF_VENDOR, .device = 0x4680,
		  .class = PCI_CLASS_DISPLAY_VGA << 8 } },
	DEF_RCIEP("accel", 0x04, 0, 0x0b25, PCI_CLASS_SYSTEM_DMA << 8,
		  .flags = PCI_FAKE_PASID, .pasid_width = 20,
		  .pasid_features = PCI_PASID_CAP_EXEC | PCI_PASID_CAP_PRIV),
	DEF_RCIEP("ish", 0x12, 0, 0x7ad8, PCI_CLASS_SYSTEM_OTHER << 8),
	DEF_RCIEP("xhci", 0x14, 0, 0x7ae0, PCI_CLASS_SERIAL_USB_XHCI),
	DEF_RCIEP("mei", 0x16, 0, 0x7ae8, PCI_CLASS_COMMUNICATION_OTHER << 8),

	DEF_ROOT_PORT("rp0", 0x1c, 0, 0x7ab8, 1, 0),
	{ .name = "nvme", .iommu = MACHINE_IOMMU_AUTO,
	  .fn = { PCI_FAKE_EP(1, 0, 0), .vendor = 0x144d, .device = 0xa80a,
		  .class = PCI_CLASS_STORAGE_EXPRESS,
		  .flags = PCI_FAKE_PASID, .pasid_width = 16 } },

	DEF_ROOT_PORT("rp1", 0x1c, 1, 0x7ab9, 2, 0),
	{ .name = "nic0", .iommu = MACHINE_IOMMU_AUTO,
	  .fn = { PCI_FAKE_EP(2, 0, 0), .vendor = DEF_VENDOR, .device = 0x1521,
		  .class = PCI_CLASS_NETWORK_ETHERNET << 8 } },
	{ .name = "nic1", .iommu = MACHINE_IOMMU_AUTO,
	  .fn = { PCI_FAKE_EP(2, 0, 1), .vendor = DEF_VENDOR, .device = 0x1521,
		  .class = PCI_CLASS_NETWORK_ETHERNET << 8 } },

	DEF_ROOT_PORT("tbt", 0x1d, 0, 0x7ab0, 3, PCI_FAKE_EXTERNAL_FACING),
	{ .name = "ext", .iommu = MACHINE_IOMMU_AUTO,
	  .fn = { PCI_FAKE_EP(3, 0, 0), .vendor = 0x1b21, .device = 0x2142,
		  .class = PCI_CLASS_SERIAL_USB_XHCI } },

	{ .name = "p2p", .iommu = MACHINE_IOMMU_AUTO,
	  .fn = { PCI_FAKE_PORT(0, 0x1e, 0, PCI_EXP_TYPE_PCI_BRIDGE, 4),
		  .vendor = DEF_VENDOR, .device = 0x244e } },
	{ .name = "legacy", .iommu = MACHINE_IOMMU_AUTO,
	  .fn = { .bus = 4, .devfn = PCI_DEVFN(1, 0), .flags = PCI_FAKE_CONVENTIONAL,
		  .vendor = 0x1000, .device = 0x0030,
		  .class = PCI_CLASS_STORAGE_SCSI << 8 } },

	DEF_RCIEP("lpc", 0x1f, 0, 0x7a83, PCI_CLASS_BRIDGE_ISA << 8),
	DEF_RCIEP("audio", 0x1f, 3, 0x7ad0, PCI_CLASS_MULTIMEDIA_HD_AUDIO << 8),
	DEF_RCIEP("smbus", 0x1f, 4, 0x7aa3, 0x0c0500),
};

static const struct machine_rmrr_desc def_rmrrs[] = {
	{ .name = "ish-fw", .size = SZ_64K, .devices = { "ish" } },
};

static const struct machine_platdev_desc def_platdevs[] = {
	{ .name = "serial0", .fw_id = "PNP0501", .iommu = MACHINE_IOMMU_NONE },
};

static const struct machine_spec def_machine = {
	.name = "default",
	.iommus = def_iommus,
	.nr_iommus = ARRAY_SIZE(def_iommus),
	.fns = def_fns,
	.nr_fns = ARRAY_SIZE(def_fns),
	.rmrrs = def_rmrrs,
	.nr_rmrrs = ARRAY_SIZE(def_rmrrs),
	.platdevs = def_platdevs,
	.nr_platdevs = ARRAY_SIZE(def_platdevs),
	.haw = 48,
};

const struct machine_spec *machine_default_spec(void)
{
	return &def_machine;
}
EXPORT_SYMBOL_GPL(machine_default_spec);
