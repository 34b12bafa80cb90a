/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_IRQ_H
#define _HOST_IRQ_H

/*
 * The host's interrupt controller, for device models and platform code.
 * An MSI message addressed to the x86 interrupt window (0xfee00000 -
 * 0xfeefffff) raises the Linux irq whose number is the message data:
 * whoever composes MSI messages for a device writes the irq number there.
 *
 * Host-only: kernel code under drivers/ never includes this.
 */

#include <linux/types.h>

/* Address of MSI messages sent to the (only) CPU */
#define HOST_MSI_ADDRESS	0xfee00000U

/**
 * host_msi_deliver() - deliver an MSI message written by a device model
 * @addr: message address
 * @data: message data: the Linux irq number
 *
 * Runs the irq's handler in the calling thread.
 *
 * Return: 0, or -EINVAL if @addr is not an interrupt address or the irq
 * has no handler.
 */
int host_msi_deliver(u64 addr, u32 data);

/**
 * host_irq_count() - how many times an irq was raised with a handler
 * @irq: the irq
 *
 * Return: the count.
 */
unsigned long host_irq_count(unsigned int irq);

#endif /* _HOST_IRQ_H */
