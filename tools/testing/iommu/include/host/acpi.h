/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_ACPI_H
#define _HOST_ACPI_H

/*
 * Firmware tables of the host build.  Platform code builds a table in
 * memory, installs it here, and kernel code finds it with acpi_get_table()
 * as it would on a machine whose firmware published it.
 *
 * Host-only: kernel code under drivers/ never includes this.
 */

#include <linux/types.h>
#include <acpi/actbl.h>

/**
 * host_acpi_checksum() - the byte sum of a table
 * @table: the table
 * @len: bytes to sum
 *
 * Return: the sum modulo 256 (0 for a table with a correct checksum).
 */
u8 host_acpi_checksum(const void *table, size_t len);

/**
 * host_acpi_table_set_checksum() - make a table's bytes add up to zero
 * @table: the table; @table->length must be final
 */
void host_acpi_table_set_checksum(struct acpi_table_header *table);

/**
 * host_acpi_install_table() - publish a table to acpi_get_table()
 * @table: the table (not copied; it must outlive the installation)
 *
 * Tables of the same signature are found in the order they were installed.
 *
 * Return: 0; -EINVAL if @table->length is shorter than the header or the
 * checksum is wrong; -EEXIST if @table is already installed; -ENOMEM.
 */
int host_acpi_install_table(struct acpi_table_header *table);

/**
 * host_acpi_uninstall_table() - withdraw a table
 * @table: an installed table
 *
 * The table is withdrawn even if references are outstanding; the caller
 * decides whether that is an error.
 *
 * Return: the number of acpi_get_table() references not yet put, or
 * -ENOENT if @table was not installed.
 */
int host_acpi_uninstall_table(struct acpi_table_header *table);

/**
 * host_acpi_table_refs() - outstanding acpi_get_table() references
 * @table: an installed table
 *
 * Return: the count, or -ENOENT if @table is not installed.
 */
int host_acpi_table_refs(struct acpi_table_header *table);

#endif /* _HOST_ACPI_H */
