/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A table-driven fake PCI configuration space, to build PCI topologies in
 * tests and machine descriptions.
 *
 * Each table entry is one function: where it sits (bus, devfn), its IDs,
 * whether it is a bridge (and which bus numbers it forwards), whether it
 * is PCI Express (and which port type) or conventional PCI, and which ACS,
 * PASID, ATS and PRI capabilities it has. pci_fake_create() lays out the
 * configuration space, creates a host bridge with a root bus on it and
 * lets the PCI core enumerate it like real hardware.
 *
 * ACS: a capability bit the function lacks counts as enabled (PCIe rule),
 * and if an IOMMU driver called pci_request_acs() the PCI core sets the
 * SV/RR/CR/UF control bits the capability has when the function is found.
 * To model a port or multifunction device without isolation, leave out the
 * ACS capability (PCI_FAKE_ACS) altogether.
 */
#ifndef _HOST_PCI_FAKE_H
#define _HOST_PCI_FAKE_H

#include <linux/types.h>
#include <linux/bits.h>
#include <linux/pci.h>

struct kunit;

#define PCI_FAKE_MULTIFUNCTION		BIT(0)	/* MFD bit in the header type */
#define PCI_FAKE_BRIDGE			BIT(1)	/* type 1 header, see secondary */
#define PCI_FAKE_CONVENTIONAL		BIT(2)	/* no PCIe capability */
#define PCI_FAKE_ACS			BIT(3)	/* ACS with acs_cap/acs_ctrl */
#define PCI_FAKE_PASID			BIT(4)	/* PASID with pasid_width */
#define PCI_FAKE_ATS			BIT(5)	/* ATS capability */
#define PCI_FAKE_PRI			BIT(6)	/* PRI capability */
#define PCI_FAKE_UNTRUSTED		BIT(7)	/* pdev->untrusted, by a fixup */
#define PCI_FAKE_EXTERNAL_FACING	BIT(8)	/* functions below are untrusted */
#define PCI_FAKE_NO_EETLP		BIT(9)	/* no End-End TLP prefix support */
#define PCI_FAKE_PCIE_BRIDGE_ALIAS	BIT(10)	/* PCI_DEV_FLAG_PCIE_BRIDGE_ALIAS */
#define PCI_FAKE_XLATE_ROOT		BIT(11)	/* PCI_DEV_FLAGS_BRIDGE_XLATE_ROOT */

#define PCI_FAKE_DOMAIN_AUTO		PCI_DOMAIN_NR_NOT_SET

/**
 * struct pci_fake_fn - one function of a fake topology
 * @bus: the bus number it sits on
 * @devfn: its device and function (PCI_DEVFN())
 * @vendor: vendor ID; 0 means PCI_VENDOR_ID_REDHAT
 * @device: device ID
 * @class: 24-bit class code; 0 means a PCI bridge for bridges, else
 *	   "other system peripheral"
 * @pcie_type: PCI_EXP_TYPE_* (ignored with PCI_FAKE_CONVENTIONAL)
 * @flags: PCI_FAKE_*
 * @secondary: bridges: the bus number behind the bridge
 * @subordinate: bridges: the highest bus number behind it (0: @secondary)
 * @acs_cap: PCI_FAKE_ACS: the ACS capability register (PCI_ACS_* bits)
 * @acs_ctrl: PCI_FAKE_ACS: the initial ACS control register
 * @pasid_width: PCI_FAKE_PASID: log2 of the number of PASIDs (0-20)
 * @pasid_features: PCI_FAKE_PASID: PCI_PASID_CAP_EXEC/PRIV
 * @alias_devfn: with @nr_aliases: first devfn the function aliases for DMA
 * @nr_aliases: number of DMA alias devfns, added by an early fixup
 */
struct pci_fake_fn {
	u8	bus;
	u8	devfn;
	u16	vendor;
	u16	device;
	u32	class;
	u8	pcie_type;
	u32	flags;
	u8	secondary;
	u8	subordinate;
	u16	acs_cap;
	u16	acs_ctrl;
	u8	pasid_width;
	u16	pasid_features;
	u8	alias_devfn;
	u8	nr_aliases;
};

/* A PCIe endpoint at bus:slot.fn. */
#define PCI_FAKE_EP(_bus, _slot, _fn)					\
	.bus = (_bus), .devfn = PCI_DEVFN(_slot, _fn),			\
	.pcie_type = PCI_EXP_TYPE_ENDPOINT

/* A PCIe root complex integrated endpoint at bus:slot.fn. */
#define PCI_FAKE_RCIEP(_bus, _slot, _fn)				\
	.bus = (_bus), .devfn = PCI_DEVFN(_slot, _fn),			\
	.pcie_type = PCI_EXP_TYPE_RC_END

/* A bridge of PCIe type @_type at bus:slot.fn leading to bus @_sec. */
#define PCI_FAKE_PORT(_bus, _slot, _fn, _type, _sec)			\
	.bus = (_bus), .devfn = PCI_DEVFN(_slot, _fn),			\
	.pcie_type = (_type), .secondary = (_sec),			\
	.flags = PCI_FAKE_BRIDGE

/**
 * struct pci_fake_desc - a fake PCI hierarchy
 * @domain: the PCI domain, or PCI_FAKE_DOMAIN_AUTO for the lowest free
 * @root_bus: the root bus number
 * @parent: the parent of the host bridge device, or NULL
 * @fns: the functions
 * @nr_fns: how many
 * @no_add: only enumerate (devices are registered and seen by bus
 *	    notifiers) but do not run pci_bus_add_devices(), so no driver
 *	    binds
 */
struct pci_fake_desc {
	int domain;
	u8 root_bus;
	struct device *parent;
	const struct pci_fake_fn *fns;
	unsigned int nr_fns;
	bool no_add;
};

struct pci_fake;

/**
 * pci_fake_create() - build and enumerate a fake PCI hierarchy
 * @desc: the description (copied)
 *
 * Return: the hierarchy, or ERR_PTR(-EINVAL) (bad table), -EEXIST (that
 * root bus exists), -ENOMEM.
 */
struct pci_fake *pci_fake_create(const struct pci_fake_desc *desc);

/**
 * pci_fake_destroy() - remove every function, the root bus and host bridge
 * @fake: the hierarchy, or NULL/ERR_PTR (ignored)
 */
void pci_fake_destroy(struct pci_fake *fake);

/**
 * kunit_pci_fake_create() - pci_fake_create(), destroyed when the test ends
 * @test: the test
 * @desc: the description
 *
 * Return: the hierarchy, or an ERR_PTR.
 */
struct pci_fake *kunit_pci_fake_create(struct kunit *test,
				       const struct pci_fake_desc *desc);

/**
 * pci_fake_root_bus() - the root bus of a fake hierarchy
 * @fake: the hierarchy
 *
 * Return: the root bus.
 */
struct pci_bus *pci_fake_root_bus(struct pci_fake *fake);

/**
 * pci_fake_dev() - a function of a fake hierarchy
 * @fake: the hierarchy
 * @bus: its bus number
 * @devfn: its devfn
 *
 * Return: the function (not referenced; valid until it is removed), or
 * NULL if the PCI core did not find it.
 */
struct pci_dev *pci_fake_dev(struct pci_fake *fake, u8 bus, u8 devfn);

/**
 * pci_fake_config_read() - read the fake configuration space directly
 * @fake: the hierarchy
 * @bus: the bus number
 * @devfn: the function
 * @where: the offset
 * @size: 1, 2 or 4
 *
 * Return: the value; all ones for a missing function.
 */
u32 pci_fake_config_read(struct pci_fake *fake, u8 bus, u8 devfn, int where,
			 int size);

/**
 * pci_fake_config_write() - change the fake configuration space directly
 * @fake: the hierarchy
 * @bus: the bus number
 * @devfn: the function
 * @where: the offset
 * @size: 1, 2 or 4
 * @val: the value; read-only registers are changed too (as hardware would)
 *
 * Return: 0, or -ENODEV for a missing function.
 */
int pci_fake_config_write(struct pci_fake *fake, u8 bus, u8 devfn, int where,
			  int size, u32 val);

#endif /* _HOST_PCI_FAKE_H */
