/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_MACHINE_H
#define _HOST_MACHINE_H

/*
 * Machines of the host build: a description (IOMMU units, PCI functions,
 * platform devices, reserved memory) and the code that boots it the way
 * firmware and arch code do on real hardware.  Booting instantiates the
 * hardware models with their register windows, publishes the firmware
 * tables that describe them (ACPI DMAR for VT-d), enumerates PCI through
 * the PCI core, attaches a DMA test device to every PCI function, and then
 * starts the IOMMU drivers, which find the units through the firmware
 * tables and probe the devices.
 *
 * Host-only: kernel code under drivers/ never includes this.
 */

#include <linux/types.h>
#include <host/dma-dev.h>
#include <host/pci-fake.h>
#include <host/vtd.h>

struct device;
struct pci_dev;
struct platform_device;
struct fwnode_handle;
struct pci_fake;
struct acpi_table_header;

/**
 * enum machine_iommu_type - kinds of IOMMU unit a machine can have
 * @MACHINE_IOMMU_VTD: Intel VT-d remapping unit, described by a DMAR DRHD
 * @MACHINE_IOMMU_SMMUV3: Arm SMMUv3 (not modelled yet)
 * @MACHINE_IOMMU_AMD: AMD-Vi (not modelled yet)
 * @MACHINE_IOMMU_ZPCI: s390 zPCI translation (not modelled yet)
 * @MACHINE_IOMMU_NR_TYPES: number of kinds
 */
enum machine_iommu_type {
	MACHINE_IOMMU_VTD,
	MACHINE_IOMMU_SMMUV3,
	MACHINE_IOMMU_AMD,
	MACHINE_IOMMU_ZPCI,
	MACHINE_IOMMU_NR_TYPES,
};

/* Unit index meaning "the catch-all unit of the function's segment". */
#define MACHINE_IOMMU_AUTO	(-1)
/* Unit index meaning "no IOMMU": DMA is not remapped. */
#define MACHINE_IOMMU_NONE	(-2)

/* Most PCI segments one machine can have. */
#define MACHINE_MAX_SEGMENTS	4

/**
 * struct machine_iommu_desc - one IOMMU unit
 * @name: label for messages and look-ups ("dmar0")
 * @type: which kind of unit
 * @segment: PCI segment the unit serves
 * @include_all: the unit serves every function of @segment that no other
 *	unit claims (VT-d: DRHD flag INCLUDE_PCI_ALL)
 * @vtd: configuration of a VT-d unit; @vtd.mmio_base 0 lets the machine
 *	choose a window
 */
struct machine_iommu_desc {
	const char *name;
	enum machine_iommu_type type;
	u16 segment;
	bool include_all;
	union {
		struct vtd_config vtd;
	};
};

/**
 * struct machine_pci_fn_desc - one PCI function
 * @name: label for look-ups ("nic0")
 * @segment: PCI segment (domain)
 * @fn: where it sits and what configuration space says about it: IDs,
 *	multifunction, bridge, ACS, PASID width, ATS, DMA aliases, untrusted
 *	and external-facing flags (see <host/pci-fake.h>)
 * @iommu: index of the unit in &machine_spec.iommus that serves it,
 *	%MACHINE_IOMMU_AUTO (the unit that serves its parent bridge, else the
 *	catch-all unit of the segment) or %MACHINE_IOMMU_NONE
 * @dma_alias: the DMA test device issues requests with the requester id
 *	of the function's first DMA alias (@fn.alias_devfn) instead of its own
 */
struct machine_pci_fn_desc {
	const char *name;
	u16 segment;
	struct pci_fake_fn fn;
	int iommu;
	bool dma_alias;
};

/* Most devices one reserved-memory region can name. */
#define MACHINE_RMRR_MAX_DEVS	4

/**
 * struct machine_rmrr_desc - memory that devices keep using (VT-d RMRR)
 * @name: label for messages
 * @size: bytes, a multiple of 4 KiB; the machine allocates the memory
 * @devices: names of the PCI functions (endpoints) in scope, unused
 *	slots NULL
 */
struct machine_rmrr_desc {
	const char *name;
	size_t size;
	const char *devices[MACHINE_RMRR_MAX_DEVS];
};

/**
 * struct machine_platdev_desc - a platform (non-PCI) device
 * @name: platform device name
 * @fw_id: firmware ID (ACPI _HID or devicetree compatible), kept as the
 *	"compatible" property of the device's firmware node
 * @iommu: unit index, or %MACHINE_IOMMU_NONE
 * @stream_id: requester id of its DMA when @iommu names a unit
 */
struct machine_platdev_desc {
	const char *name;
	const char *fw_id;
	int iommu;
	u32 stream_id;
};

/**
 * struct machine_spec - a whole machine
 * @name: for messages
 * @iommus: the IOMMU units
 * @nr_iommus: how many
 * @fns: the PCI functions; bridges come before what is behind them
 * @nr_fns: how many
 * @rmrrs: reserved memory regions
 * @nr_rmrrs: how many
 * @platdevs: platform devices
 * @nr_platdevs: how many
 * @haw: host address width for firmware tables, in bits (0: 48)
 * @models_only: build the hardware, firmware tables and buses but start
 *	no IOMMU driver
 */
struct machine_spec {
	const char *name;
	const struct machine_iommu_desc *iommus;
	unsigned int nr_iommus;
	const struct machine_pci_fn_desc *fns;
	unsigned int nr_fns;
	const struct machine_rmrr_desc *rmrrs;
	unsigned int nr_rmrrs;
	const struct machine_platdev_desc *platdevs;
	unsigned int nr_platdevs;
	u8 haw;
	bool models_only;
};

/**
 * struct machine_iommu - a booted IOMMU unit
 * @desc: its description
 * @index: its index in the description
 * @mmio_base: physical base of its register window
 * @mmio_size: bytes of the window
 * @vtd: the model, for %MACHINE_IOMMU_VTD
 * @dma_ops: how a DMA test device reaches the model
 * @model: first argument of @dma_ops->translate
 */
struct machine_iommu {
	const struct machine_iommu_desc *desc;
	unsigned int index;
	phys_addr_t mmio_base;
	size_t mmio_size;
	struct vtd_unit *vtd;
	const struct dma_iommu_ops *dma_ops;
	void *model;
};

/**
 * struct machine_dev - a booted device
 * @name: its label
 * @pci: the description of a PCI function, or NULL
 * @plat: the description of a platform device, or NULL
 * @dev: the device in the driver model
 * @pdev: the PCI function, or NULL
 * @platdev: the platform device, or NULL
 * @fwnode: the firmware node of a platform device, or NULL
 * @iommu: the unit its DMA goes through, or NULL
 * @rid: requester id its DMA carries (bus << 8 | devfn)
 * @has_dma: it has a DMA test device (not for bridges)
 * @dma: the DMA test device
 */
struct machine_dev {
	const char *name;
	const struct machine_pci_fn_desc *pci;
	const struct machine_platdev_desc *plat;
	struct device *dev;
	struct pci_dev *pdev;
	struct platform_device *platdev;
	struct fwnode_handle *fwnode;
	struct machine_iommu *iommu;
	u16 rid;
	bool has_dma;
	struct dma_dev dma;
};

/**
 * struct machine_rmrr - a booted reserved memory region
 * @desc: its description
 * @mem: the memory (physical address == virtual address)
 * @size: bytes
 */
struct machine_rmrr {
	const struct machine_rmrr_desc *desc;
	void *mem;
	size_t size;
};

/**
 * struct machine - a booted machine
 * @desc: its description
 * @iommus: the units, in description order
 * @nr_iommus: how many
 * @devs: PCI functions (description order), then platform devices
 * @nr_devs: how many
 * @rmrrs: reserved regions, in description order
 * @pci: the PCI hierarchy of each segment, or NULL
 * @dmar: the DMAR table as published, or NULL (no VT-d unit)
 * @drivers_detected: bitmap of the &enum machine_iommu_type whose driver
 *	ran its early detection
 * @drivers_up: bitmap of the &enum machine_iommu_type whose driver started
 */
struct machine {
	const struct machine_spec *desc;
	struct machine_iommu *iommus;
	unsigned int nr_iommus;
	struct machine_dev *devs;
	unsigned int nr_devs;
	struct machine_rmrr *rmrrs;
	struct pci_fake *pci[MACHINE_MAX_SEGMENTS];
	struct acpi_table_header *dmar;
	unsigned long drivers_detected;
	unsigned long drivers_up;
};

/**
 * machine_boot() - build and start a machine
 * @desc: the description (must outlive the machine)
 *
 * Only one machine can run at a time (the drivers are singletons, as on
 * real hardware).
 *
 * Return: the machine, or an ERR_PTR(): -EINVAL for a bad description,
 * -EBUSY if a machine is running, -ENOMEM, -EOPNOTSUPP for a unit type
 * that has no model yet, or the error of a model, the PCI core or a driver.
 */
struct machine *machine_boot(const struct machine_spec *desc);

/**
 * machine_teardown() - stop a machine and free everything it made
 * @m: the machine, or NULL/ERR_PTR (ignored)
 *
 * Stops the drivers, removes the devices and buses, withdraws the
 * firmware tables, frees the reserved memory and destroys the models.
 */
void machine_teardown(struct machine *m);

/**
 * machine_current() - the running machine
 *
 * Return: the machine booted last and not yet torn down, or NULL.
 */
struct machine *machine_current(void);

/**
 * machine_dev_find() - a device by label
 * @m: the machine
 * @name: the label
 *
 * Return: the device, or NULL.
 */
struct machine_dev *machine_dev_find(struct machine *m, const char *name);

/**
 * machine_dev_of() - the machine device of a struct device
 * @m: the machine
 * @dev: a device of @m
 *
 * Return: the machine device, or NULL.
 */
struct machine_dev *machine_dev_of(struct machine *m, struct device *dev);

/**
 * machine_iommu_find() - a unit by label
 * @m: the machine
 * @name: the label
 *
 * Return: the unit, or NULL.
 */
struct machine_iommu *machine_iommu_find(struct machine *m, const char *name);

/**
 * machine_driver_up() - whether the driver of a unit type was started
 * @m: the machine
 * @type: the unit type
 *
 * Return: true if the driver initialised and registered its units.
 */
bool machine_driver_up(struct machine *m, enum machine_iommu_type type);

/**
 * machine_default_spec() - the default machine
 *
 * Two VT-d units: "dmar0" for the integrated graphics function only,
 * without pass-through, and "dmar1" (INCLUDE_PCI_ALL) for the rest, with
 * pass-through, scalable mode and 20-bit PASIDs.  Functions: an xHCI
 * controller with an RMRR, a PASID-capable accelerator, a multifunction
 * LPC/audio/SMBus device without ACS (one group), root ports with an NVMe
 * drive, a dual-function NIC without ACS (one group) and an external
 * facing port with an untrusted device, and a PCIe-to-PCI bridge with a
 * conventional device whose DMA carries the bridge's alias.  One platform
 * device (a serial port) that no IOMMU serves.
 *
 * Return: the description.
 */
const struct machine_spec *machine_default_spec(void);

/**
 * machine_dev_dma() - perform one DMA transfer from a device
 * @md: the device (must have a DMA test device)
 * @iova: input address
 * @buf: source or destination
 * @len: bytes
 * @pasid: PASID, or %DMA_DEV_NO_PASID
 * @access: DMA_ACC_READ or DMA_ACC_WRITE, as dma_dev_access()
 *
 * Return: as dma_dev_access(); -ENODEV if @md has no DMA test device.
 */
int machine_dev_dma(struct machine_dev *md, u64 iova, void *buf, size_t len, u32 pasid,
		    unsigned int access);

/**
 * machine_dma_bars_assign() - give every DMA test device of a PCI function
 *	its register window as BAR0
 * @m: the machine; only one machine can have windows at a time
 * @base: physical address of the window of device 0 (see host_mmio_register()
 *	for usable ranges)
 * @stride: distance between the windows of consecutive devices, at least
 *	%DMA_REGS_BAR_SIZE and a multiple of it
 *
 * Device i's window is at @base + i * @stride; the BAR register in
 * configuration space and pdev->resource[0] describe it, as firmware's
 * resource assignment would.  See <host/dma-dev-regs.h> for the registers.
 *
 * Return: 0, -EBUSY if windows exist already or @stride is too small,
 * -ENOMEM, or the error of dma_dev_bar_create().
 */
int machine_dma_bars_assign(struct machine *m, phys_addr_t base, phys_addr_t stride);

/**
 * machine_dma_bars_remove() - remove the windows of machine_dma_bars_assign()
 * @m: the machine (nothing happens if it has none)
 *
 * Each function with a window is unbound from its driver first.  Call this
 * before machine_teardown().
 */
void machine_dma_bars_remove(struct machine *m);

/**
 * machine_dev_bind_driver() - bind a PCI function to a driver of choice
 * @md: the function
 * @driver: the PCI driver's name, set as the function's driver_override
 *
 * Return: 0 once the driver is bound; -ENODEV if @md is no PCI function or
 * the driver did not bind (not registered, or its probe refused), -ENOMEM,
 * or another error of the driver core.
 */
int machine_dev_bind_driver(struct machine_dev *md, const char *driver);

#endif /* _HOST_MACHINE_H */
