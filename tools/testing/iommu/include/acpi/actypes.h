/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Basic ACPICA types for the host build: the status type, names and sizes
 * the firmware table definitions use.  Only what the IOMMU drivers need.
 */
#ifndef _ACPI_ACTYPES_H
#define _ACPI_ACTYPES_H

#include <linux/types.h>

/* ACPICA's own type name: drivers declare their status variables with it */
typedef u32 acpi_status;

#define ACPI_NAMESEG_SIZE	4	/* a name segment / table signature */
#define ACPI_OEM_ID_SIZE	6
#define ACPI_OEM_TABLE_ID_SIZE	8

#define ACPI_UINT32_MAX		((u32)~0U)

#define ACPI_TYPE_ANY		0x00
#define ACPI_TYPE_DEVICE	0x06
#define ACPI_TYPE_BUFFER	0x03

#endif /* _ACPI_ACTYPES_H */
