// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts of the host: irq descriptors, handlers, and delivery of MSI
 * messages written by device models.
 *
 * The host "interrupt controller" is as simple as it gets: an MSI message
 * whose address lies in the x86 interrupt window (0xfeexxxxx) raises the
 * Linux irq whose number is the message data.  Whoever composes messages
 * for a device (see dmar-hwirq.c) follows that convention.
 */

#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <asm/barrier.h>

#include <host/irq.h>

#define HOST_NR_IRQS		256
#define HOST_MSI_WINDOW		0xfee00000ULL
#define HOST_MSI_WINDOW_MASK	0xfff00000ULL

struct host_irq_desc {
	bool allocated;
	irq_handler_t handler;
	void *dev_id;
	const char *name;
	void *handler_data;
	unsigned int running;
	unsigned long count;
};

static DEFINE_SPINLOCK(host_irq_lock);
static struct host_irq_desc host_irqs[HOST_NR_IRQS];

int irq_alloc_desc(int node)
{
	unsigned int irq;
	int ret = -ENOSPC;

	spin_lock(&host_irq_lock);
	/* irq 0 stays unused, as on most architectures */
	for (irq = 1; irq < HOST_NR_IRQS; irq++) {
		if (!host_irqs[irq].allocated) {
			host_irqs[irq] = (struct host_irq_desc) { .allocated = true };
			ret = irq;
			break;
		}
	}
	spin_unlock(&host_irq_lock);
	return ret;
}

void irq_free_desc(unsigned int irq)
{
	if (WARN_ON(!irq || irq >= HOST_NR_IRQS))
		return;
	spin_lock(&host_irq_lock);
	WARN_ON(host_irqs[irq].handler);
	host_irqs[irq].allocated = false;
	spin_unlock(&host_irq_lock);
}

int irq_set_handler_data(unsigned int irq, void *data)
{
	int ret = -EINVAL;

	if (irq >= HOST_NR_IRQS)
		return -EINVAL;
	spin_lock(&host_irq_lock);
	if (host_irqs[irq].allocated) {
		host_irqs[irq].handler_data = data;
		ret = 0;
	}
	spin_unlock(&host_irq_lock);
	return ret;
}

void *irq_get_handler_data(unsigned int irq)
{
	void *data = NULL;

	if (irq >= HOST_NR_IRQS)
		return NULL;
	spin_lock(&host_irq_lock);
	if (host_irqs[irq].allocated)
		data = host_irqs[irq].handler_data;
	spin_unlock(&host_irq_lock);
	return data;
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev)
{
	struct host_irq_desc *desc;
	int ret = 0;

	if (irq >= HOST_NR_IRQS || !handler)
		return -EINVAL;
	spin_lock(&host_irq_lock);
	desc = &host_irqs[irq];
	if (!desc->allocated) {
		ret = -EINVAL;
	} else if (desc->handler) {
		ret = -EBUSY;
	} else {
		desc->handler = handler;
		desc->dev_id = dev;
		desc->name = name;
	}
	spin_unlock(&host_irq_lock);
	return ret;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct host_irq_desc *desc;
	const char *name = NULL;

	if (WARN_ON(irq >= HOST_NR_IRQS))
		return NULL;
	desc = &host_irqs[irq];
	spin_lock(&host_irq_lock);
	if (WARN_ON(!desc->handler || desc->dev_id != dev_id)) {
		spin_unlock(&host_irq_lock);
		return NULL;
	}
	name = desc->name;
	desc->handler = NULL;
	desc->dev_id = NULL;
	/* Let a handler running elsewhere finish, like synchronize_irq() */
	while (desc->running) {
		spin_unlock(&host_irq_lock);
		cpu_relax();
		spin_lock(&host_irq_lock);
	}
	spin_unlock(&host_irq_lock);
	return name;
}

int generic_handle_irq(unsigned int irq)
{
	struct host_irq_desc *desc;
	irq_handler_t handler;
	void *dev_id;

	if (irq >= HOST_NR_IRQS)
		return -EINVAL;
	desc = &host_irqs[irq];
	spin_lock(&host_irq_lock);
	handler = desc->handler;
	dev_id = desc->dev_id;
	if (!handler) {
		spin_unlock(&host_irq_lock);
		return -EINVAL;
	}
	desc->running++;
	desc->count++;
	spin_unlock(&host_irq_lock);

	handler(irq, dev_id);

	spin_lock(&host_irq_lock);
	desc->running--;
	spin_unlock(&host_irq_lock);
	return 0;
}

int host_msi_deliver(u64 addr, u32 data)
{
	if ((addr & HOST_MSI_WINDOW_MASK) != HOST_MSI_WINDOW)
		return -EINVAL;
	return generic_handle_irq(data);
}

unsigned long host_irq_count(unsigned int irq)
{
	unsigned long count = 0;

	if (irq >= HOST_NR_IRQS)
		return 0;
	spin_lock(&host_irq_lock);
	count = host_irqs[irq].count;
	spin_unlock(&host_irq_lock);
	return count;
}
