/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MSI_H
#define _LINUX_MSI_H

#include <linux/types.h>

struct device;

/**
 * struct msi_msg - a message signalled interrupt as the device writes it
 * @address_lo: low 32 bits of the address
 * @address_hi: high 32 bits of the address
 * @data: the 32-bit value written
 */
struct msi_msg {
	u32 address_lo;
	u32 address_hi;
	u32 data;
};

/**
 * msi_device_has_isolated_msi() - are a device's MSIs isolated from others?
 * @dev: the device
 *
 * True when the interrupt controller (or IOMMU interrupt remapping) makes
 * sure a device can only raise its own interrupts. The host platform routes
 * MSIs through interrupt remapping for every device.
 *
 * Return: true.
 */
static inline bool msi_device_has_isolated_msi(struct device *dev)
{
	return true;
}

#endif /* _LINUX_MSI_H */
