// SPDX-License-Identifier: GPL-2.0
/*
 * Fallbacks for the two IOMMU core calls that bus dma_configure() and
 * dma_cleanup() make, so that the device model links without the core.
 * The IOMMU core's own definitions replace these when it is linked.
 */
#include <linux/device.h>
#include <linux/compiler.h>

#include "device-internal.h"

/**
 * iommu_device_use_default_domain() - fallback: no IOMMU core, nothing to claim
 * @dev: the device being bound
 *
 * Return: 0.
 */
int __weak iommu_device_use_default_domain(struct device *dev)
{
	return 0;
}

/**
 * iommu_device_unuse_default_domain() - fallback: nothing to release
 * @dev: the device being unbound
 */
void __weak iommu_device_unuse_default_domain(struct device *dev)
{
}
