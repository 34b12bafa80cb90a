/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPI tables of the first group, as far as the host build uses them: the
 * DMA Remapping Reporting table (DMAR) that describes Intel VT-d units.
 * Names follow ACPICA; layouts follow the VT-d specification (chapter 8).
 * Every structure is byte-packed: firmware lays subtables out back to back.
 */
#ifndef _ACPI_ACTBL1_H
#define _ACPI_ACTBL1_H

#include <linux/bits.h>
#include <acpi/actbl.h>

#define ACPI_SIG_DMAR		"DMAR"

/**
 * struct acpi_table_dmar - the DMAR table, followed by its subtables
 * @header: common table header, signature "DMAR"
 * @width: host address width minus one (the DMA physical address bits)
 * @flags: ACPI_DMAR_INTR_REMAP, ACPI_DMAR_X2APIC_OPT_OUT, ACPI_DMAR_X2APIC_MODE
 * @reserved: zero
 */
struct acpi_table_dmar {
	struct acpi_table_header header;
	u8 width;
	u8 flags;
	u8 reserved[10];
} __packed;

#define ACPI_DMAR_INTR_REMAP		(1)
#define ACPI_DMAR_X2APIC_OPT_OUT	BIT(1)
#define ACPI_DMAR_X2APIC_MODE		BIT(2)

/**
 * struct acpi_dmar_header - header of every DMAR subtable
 * @type: one of &enum acpi_dmar_type
 * @length: bytes of the subtable, header and device scopes included
 */
struct acpi_dmar_header {
	u16 type;
	u16 length;
} __packed;

/**
 * enum acpi_dmar_type - DMAR subtable types
 * @ACPI_DMAR_TYPE_HARDWARE_UNIT: DRHD, one remapping unit
 * @ACPI_DMAR_TYPE_RESERVED_MEMORY: RMRR, memory a device keeps using
 * @ACPI_DMAR_TYPE_ROOT_ATS: ATSR, root ports that support ATS
 * @ACPI_DMAR_TYPE_HARDWARE_AFFINITY: RHSA, NUMA node of a unit
 * @ACPI_DMAR_TYPE_NAMESPACE: ANDD, an ACPI namespace device
 * @ACPI_DMAR_TYPE_SATC: SATC, integrated devices with an ATC
 * @ACPI_DMAR_TYPE_RESERVED: this and higher values are reserved
 */
enum acpi_dmar_type {
	ACPI_DMAR_TYPE_HARDWARE_UNIT = 0,
	ACPI_DMAR_TYPE_RESERVED_MEMORY = 1,
	ACPI_DMAR_TYPE_ROOT_ATS = 2,
	ACPI_DMAR_TYPE_HARDWARE_AFFINITY = 3,
	ACPI_DMAR_TYPE_NAMESPACE = 4,
	ACPI_DMAR_TYPE_SATC = 5,
	ACPI_DMAR_TYPE_RESERVED = 6
};

/**
 * struct acpi_dmar_device_scope - a device scope entry
 * @entry_type: one of &enum acpi_dmar_scope_type
 * @length: bytes of this entry, its path included (6 + 2 per path element)
 * @reserved: zero
 * @enumeration_id: IOAPIC/HPET id, or the ANDD device number
 * @bus: bus number where the path starts
 *
 * Followed by (@length - 6) / 2 &struct acpi_dmar_pci_path elements that
 * walk from @bus through bridges down to the device.
 */
struct acpi_dmar_device_scope {
	u8 entry_type;
	u8 length;
	u16 reserved;
	u8 enumeration_id;
	u8 bus;
} __packed;

/**
 * enum acpi_dmar_scope_type - what a device scope entry names
 * @ACPI_DMAR_SCOPE_TYPE_NOT_USED: nothing
 * @ACPI_DMAR_SCOPE_TYPE_ENDPOINT: a PCI endpoint
 * @ACPI_DMAR_SCOPE_TYPE_BRIDGE: a PCI bridge and everything below it
 * @ACPI_DMAR_SCOPE_TYPE_IOAPIC: an I/O APIC
 * @ACPI_DMAR_SCOPE_TYPE_HPET: an HPET block
 * @ACPI_DMAR_SCOPE_TYPE_NAMESPACE: an ACPI namespace device (see ANDD)
 * @ACPI_DMAR_SCOPE_TYPE_RESERVED: this and higher values are reserved
 */
enum acpi_dmar_scope_type {
	ACPI_DMAR_SCOPE_TYPE_NOT_USED = 0,
	ACPI_DMAR_SCOPE_TYPE_ENDPOINT = 1,
	ACPI_DMAR_SCOPE_TYPE_BRIDGE = 2,
	ACPI_DMAR_SCOPE_TYPE_IOAPIC = 3,
	ACPI_DMAR_SCOPE_TYPE_HPET = 4,
	ACPI_DMAR_SCOPE_TYPE_NAMESPACE = 5,
	ACPI_DMAR_SCOPE_TYPE_RESERVED = 6
};

/**
 * struct acpi_dmar_pci_path - one hop of a device scope path
 * @device: PCI device (slot) number
 * @function: PCI function number
 */
struct acpi_dmar_pci_path {
	u8 device;
	u8 function;
} __packed;

/**
 * struct acpi_dmar_hardware_unit - DRHD: one remapping hardware unit
 * @header: type ACPI_DMAR_TYPE_HARDWARE_UNIT
 * @flags: ACPI_DMAR_INCLUDE_ALL: the unit covers every device of @segment
 *	that no other unit's scope names
 * @size: register window is 2^(@size + 12) bytes (0 for one page)
 * @segment: PCI segment (domain) number
 * @address: physical base of the register window
 *
 * Device scope entries follow up to @header.length.
 */
struct acpi_dmar_hardware_unit {
	struct acpi_dmar_header header;
	u8 flags;
	u8 size;
	u16 segment;
	u64 address;
} __packed;

#define ACPI_DMAR_INCLUDE_ALL		(1)

/**
 * struct acpi_dmar_reserved_memory - RMRR: memory devices keep accessing
 * @header: type ACPI_DMAR_TYPE_RESERVED_MEMORY
 * @reserved: zero
 * @segment: PCI segment of the devices in scope
 * @base_address: first byte of the region (4 KiB aligned)
 * @end_address: last byte of the region (the page ending at it included)
 *
 * Device scope entries (endpoints) follow up to @header.length.
 */
struct acpi_dmar_reserved_memory {
	struct acpi_dmar_header header;
	u16 reserved;
	u16 segment;
	u64 base_address;
	u64 end_address;
} __packed;

#define ACPI_DMAR_ALLOW_ALL		(1)

/**
 * struct acpi_dmar_atsr - ATSR: root ports whose devices may use ATS
 * @header: type ACPI_DMAR_TYPE_ROOT_ATS
 * @flags: ACPI_DMAR_ALL_PORTS: every root port of @segment
 * @reserved: zero
 * @segment: PCI segment
 *
 * Device scope entries (root ports, as bridges) follow unless all ports.
 */
struct acpi_dmar_atsr {
	struct acpi_dmar_header header;
	u8 flags;
	u8 reserved;
	u16 segment;
} __packed;

#define ACPI_DMAR_ALL_PORTS		(1)

/**
 * struct acpi_dmar_rhsa - RHSA: proximity domain of a unit
 * @header: type ACPI_DMAR_TYPE_HARDWARE_AFFINITY
 * @reserved: zero
 * @base_address: register base of the unit (as in its DRHD)
 * @proximity_domain: the NUMA proximity domain
 */
struct acpi_dmar_rhsa {
	struct acpi_dmar_header header;
	u32 reserved;
	u64 base_address;
	u32 proximity_domain;
} __packed;

/**
 * struct acpi_dmar_andd - ANDD: an ACPI namespace device under a unit
 * @header: type ACPI_DMAR_TYPE_NAMESPACE
 * @reserved: zero
 * @device_number: the number namespace device scopes use for it
 * @device_name: NUL-terminated ACPI object path
 */
struct acpi_dmar_andd {
	struct acpi_dmar_header header;
	u8 reserved[3];
	u8 device_number;
	char device_name[];
} __packed;

/**
 * struct acpi_dmar_satc - SATC: integrated devices with an address
 *	translation cache
 * @header: type ACPI_DMAR_TYPE_SATC
 * @flags: bit 0: the devices need ATS for correct operation
 * @reserved: zero
 * @segment: PCI segment
 *
 * Device scope entries (endpoints) follow.
 */
struct acpi_dmar_satc {
	struct acpi_dmar_header header;
	u8 flags;
	u8 reserved;
	u16 segment;
} __packed;

#endif /* _ACPI_ACTBL1_H */
