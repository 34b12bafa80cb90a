/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPICA's public headers, as far as the host build has them.
 */
#ifndef _ACPI_ACPI_H
#define _ACPI_ACPI_H

#include <acpi/actypes.h>
#include <acpi/acexcep.h>
#include <acpi/actbl.h>
#include <acpi/actbl1.h>

#endif /* _ACPI_ACPI_H */
