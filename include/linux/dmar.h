/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intel VT-d DMA remapping: what architecture code calls to bring the
 * remapping units described by the ACPI DMAR table up and down, and the
 * architecture hooks the driver uses for its fault interrupts.
 */
#ifndef __LINUX_DMAR_H
#define __LINUX_DMAR_H

#include <linux/errno.h>
#include <linux/irqreturn.h>
#include <linux/types.h>

struct msi_msg;

#ifdef CONFIG_INTEL_IOMMU
void detect_intel_iommu(void);
int intel_iommu_init(void);
void intel_iommu_exit(void);
irqreturn_t dmar_fault(int irq, void *dev_id);
void dmar_msi_write(int irq, struct msi_msg *msg);
#else
static inline void detect_intel_iommu(void)
{
}

static inline int intel_iommu_init(void)
{
	return -ENODEV;
}

static inline void intel_iommu_exit(void)
{
}
#endif /* CONFIG_INTEL_IOMMU */

/*
 * Architecture code calls detect_intel_iommu() before it enumerates PCI
 * (detection requests ACS for the functions found afterwards), then
 * intel_iommu_init() once the PCI hierarchy is known.
 *
 * Provided by the architecture: an interrupt for remapping unit @id whose
 * MSI message the architecture composes and hands to dmar_msi_write(),
 * with @arg (the unit) as the irq's handler data.
 */
int dmar_alloc_hwirq(int id, int node, void *arg);
void dmar_free_hwirq(int irq);

#endif /* __LINUX_DMAR_H */
