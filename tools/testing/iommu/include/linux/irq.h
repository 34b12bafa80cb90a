/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

/*
 * Interrupt descriptors of the host: a Linux irq number is allocated with
 * irq_alloc_desc() and can carry handler data for the interrupt chip (the
 * code that composes its MSI message).
 */

#include <linux/interrupt.h>
#include <linux/types.h>

/**
 * irq_alloc_desc() - allocate a Linux irq number
 * @node: NUMA node (ignored)
 *
 * Return: the irq (at least 1), or -ENOMEM/-ENOSPC.
 */
int irq_alloc_desc(int node);

/**
 * irq_free_desc() - release an irq number; its handler must be freed
 * @irq: the irq
 */
void irq_free_desc(unsigned int irq);

/**
 * irq_set_handler_data() - attach chip data to an irq
 * @irq: the irq
 * @data: the data
 *
 * Return: 0, or -EINVAL for an irq that was not allocated.
 */
int irq_set_handler_data(unsigned int irq, void *data);

/**
 * irq_get_handler_data() - the chip data of an irq
 * @irq: the irq
 *
 * Return: the data, or NULL.
 */
void *irq_get_handler_data(unsigned int irq);

#endif /* _LINUX_IRQ_H */
