/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ACPICA exception codes (acpi_status values) for the host build.  The
 * numbers are ACPICA's: an exception class in bits 15:12 and a code below.
 */
#ifndef _ACPI_ACEXCEP_H
#define _ACPI_ACEXCEP_H

#include <acpi/actypes.h>

#define AE_CODE_ENVIRONMENTAL		0x0000
#define AE_CODE_PROGRAMMER		0x1000
#define AE_CODE_ACPI_TABLES		0x2000
#define AE_CODE_MASK			0xf000

#define ACPI_SUCCESS(status)		(!(status))
#define ACPI_FAILURE(status)		(status)

#define AE_OK				((acpi_status)0x0000)

#define AE_ERROR			((acpi_status)(AE_CODE_ENVIRONMENTAL | 0x0001))
#define AE_NO_MEMORY			((acpi_status)(AE_CODE_ENVIRONMENTAL | 0x0004))
#define AE_NOT_FOUND			((acpi_status)(AE_CODE_ENVIRONMENTAL | 0x0005))
#define AE_NOT_EXIST			((acpi_status)(AE_CODE_ENVIRONMENTAL | 0x0006))
#define AE_ALREADY_EXISTS		((acpi_status)(AE_CODE_ENVIRONMENTAL | 0x0007))
#define AE_SUPPORT			((acpi_status)(AE_CODE_ENVIRONMENTAL | 0x000f))
#define AE_LIMIT			((acpi_status)(AE_CODE_ENVIRONMENTAL | 0x0010))

#define AE_BAD_PARAMETER		((acpi_status)(AE_CODE_PROGRAMMER | 0x0001))

#define AE_BAD_SIGNATURE		((acpi_status)(AE_CODE_ACPI_TABLES | 0x0001))
#define AE_BAD_HEADER			((acpi_status)(AE_CODE_ACPI_TABLES | 0x0002))
#define AE_BAD_CHECKSUM			((acpi_status)(AE_CODE_ACPI_TABLES | 0x0003))
#define AE_BAD_VALUE			((acpi_status)(AE_CODE_ACPI_TABLES | 0x0004))
#define AE_INVALID_TABLE_LENGTH		((acpi_status)(AE_CODE_ACPI_TABLES | 0x0005))

#endif /* _ACPI_ACEXCEP_H */
