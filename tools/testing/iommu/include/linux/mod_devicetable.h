/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device ID tables that drivers use to say which devices they handle.
 */
#ifndef LINUX_MOD_DEVICETABLE_H
#define LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

typedef unsigned long kernel_ulong_t;

#define PCI_ANY_ID (~0)

/* Values of pci_device_id.override_only: whose driver_override it needs */
enum {
	PCI_ID_F_VFIO_DRIVER_OVERRIDE = 1,
};

/**
 * struct pci_device_id - one entry of a PCI driver's ID table
 * @vendor: vendor ID, or PCI_ANY_ID
 * @device: device ID, or PCI_ANY_ID
 * @subvendor: subsystem vendor ID, or PCI_ANY_ID
 * @subdevice: subsystem device ID, or PCI_ANY_ID
 * @class: class code (class, subclass, programming interface)
 * @class_mask: which bits of @class must match
 * @driver_data: data for the driver
 * @override_only: match only through driver_override
 */
struct pci_device_id {
	__u32 vendor, device;
	__u32 subvendor, subdevice;
	__u32 class, class_mask;
	kernel_ulong_t driver_data;
	__u32 override_only;
};

/**
 * struct of_device_id - one entry of a devicetree match table
 * @name: node name, or empty
 * @type: device_type, or empty
 * @compatible: compatible string, or empty
 * @data: data for the driver
 */
struct of_device_id {
	char	name[32];
	char	type[32];
	char	compatible[128];
	const void *data;
};

#define ACPI_ID_LEN	16

/**
 * struct acpi_device_id - one entry of an ACPI match table
 * @id: the ACPI/PNP ID
 * @driver_data: data for the driver
 * @cls: class code
 * @cls_msk: which bits of @cls must match
 */
struct acpi_device_id {
	__u8 id[ACPI_ID_LEN];
	kernel_ulong_t driver_data;
	__u32 cls;
	__u32 cls_msk;
};

#define PLATFORM_NAME_SIZE	20

/**
 * struct platform_device_id - one entry of a platform driver's ID table
 * @name: the platform device name
 * @driver_data: data for the driver
 */
struct platform_device_id {
	char name[PLATFORM_NAME_SIZE];
	kernel_ulong_t driver_data;
};

#endif /* LINUX_MOD_DEVICETABLE_H */
