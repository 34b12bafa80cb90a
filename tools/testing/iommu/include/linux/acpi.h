/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ACPI interface of the host build: firmware tables only.  There is
 * no ACPI namespace; tables are installed by the platform code (see
 * <host/acpi.h>) before drivers look for them with acpi_get_table().
 */
#ifndef _LINUX_ACPI_H
#define _LINUX_ACPI_H

#include <linux/types.h>
#include <linux/errno.h>
#include <acpi/acpi.h>

struct device;
struct acpi_device;

/* Nonzero when ACPI is turned off; the host build always has it on. */
extern int acpi_disabled;

/**
 * acpi_get_table() - find an installed firmware table and take a reference
 * @signature: four-character signature, e.g. ACPI_SIG_DMAR
 * @instance: which table of that signature: 0 and 1 both mean the first,
 *	n the n-th
 * @out_table: receives the table on success
 *
 * The table stays valid until the matching acpi_put_table().
 *
 * Return: AE_OK, AE_NOT_FOUND when there is no such table, or
 * AE_BAD_PARAMETER for a NULL @signature or @out_table.
 */
acpi_status acpi_get_table(char *signature, u32 instance,
			   struct acpi_table_header **out_table);

/**
 * acpi_put_table() - drop a reference taken by acpi_get_table()
 * @table: the table, or NULL
 */
void acpi_put_table(struct acpi_table_header *table);

/**
 * acpi_format_exception() - name of an ACPICA status code
 * @status: the code
 *
 * Return: a constant string such as "AE_NOT_FOUND".
 */
const char *acpi_format_exception(acpi_status status);

/* No namespace devices exist in the host build. */
#define ACPI_COMPANION(dev)		((void)(dev), (struct acpi_device *)NULL)

/**
 * has_acpi_companion() - whether a device has an ACPI namespace node
 * @dev: the device
 *
 * Return: false always: the host build has no ACPI namespace.
 */
static inline bool has_acpi_companion(struct device *dev)
{
	return false;
}

/**
 * acpi_get_handle() - look up a namespace object (there is none)
 * @parent: where the search starts
 * @pathname: the object path
 * @ret_handle: receives the handle
 *
 * Return: AE_NOT_FOUND always: the host build has no ACPI namespace.
 */
static inline acpi_status acpi_get_handle(void *parent, char *pathname, void **ret_handle)
{
	*ret_handle = NULL;
	return AE_NOT_FOUND;
}

/**
 * acpi_fetch_acpi_dev() - the ACPI device of a namespace handle (none)
 * @handle: the handle
 *
 * Return: NULL always.
 */
static inline struct acpi_device *acpi_fetch_acpi_dev(void *handle)
{
	return NULL;
}

#endif /* _LINUX_ACPI_H */
