// SPDX-License-Identifier: GPL-2.0
/*
 * The architecture side of the VT-d fault interrupts (on x86 this lives in
 * the APIC/MSI code): allocate an irq for a remapping unit and have the
 * driver program the unit's message registers with the host's message for
 * that irq (address HOST_MSI_ADDRESS, data = the irq number).
 */

#include <linux/dmar.h>
#include <linux/irq.h>
#include <linux/msi.h>

#include <host/irq.h>

/**
 * dmar_alloc_hwirq() - an interrupt for a remapping unit
 * @id: index of the unit (unused)
 * @node: NUMA node (unused)
 * @arg: the unit; becomes the irq's handler data, as dmar_msi_write() expects
 *
 * Return: the irq, or a negative errno.
 */
int dmar_alloc_hwirq(int id, int node, void *arg)
{
	struct msi_msg msg = {
		.address_lo = HOST_MSI_ADDRESS,
		.address_hi = 0,
	};
	int irq;

	irq = irq_alloc_desc(node);
	if (irq < 0)
		return irq;
	irq_set_handler_data(irq, arg);
	msg.data = irq;
	dmar_msi_write(irq, &msg);
	return irq;
}

/**
 * dmar_free_hwirq() - release an interrupt from dmar_alloc_hwirq()
 * @irq: the irq; its handler must have been freed
 */
void dmar_free_hwirq(int irq)
{
	irq_set_handler_data(irq, NULL);
	irq_free_desc(irq);
}
