/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The header every ACPI system description table starts with, with
 * ACPICA's names and the specification's byte layout.
 */
#ifndef _ACPI_ACTBL_H
#define _ACPI_ACTBL_H

#include <linux/compiler.h>
#include <acpi/actypes.h>

/**
 * struct acpi_table_header - common header of a description table
 * @signature: four ASCII characters naming the table ("DMAR", ...)
 * @length: size of the whole table in bytes, this header included
 * @revision: revision of the table's format
 * @checksum: chosen so that all @length bytes of the table add up to 0
 * @oem_id: ASCII name of the vendor
 * @oem_table_id: ASCII name of this table, as the vendor chose it
 * @oem_revision: the vendor's revision number
 * @asl_compiler_id: ASCII name of the tool that built the table
 * @asl_compiler_revision: that tool's revision
 */
struct acpi_table_header {
	char signature[ACPI_NAMESEG_SIZE];
	u32 length;
	u8 revision;
	u8 checksum;
	char oem_id[ACPI_OEM_ID_SIZE];
	char oem_table_id[ACPI_OEM_TABLE_ID_SIZE];
	u32 oem_revision;
	char asl_compiler_id[ACPI_NAMESEG_SIZE];
	u32 asl_compiler_revision;
} __packed;

#endif /* _ACPI_ACTBL_H */
