/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

/*
 * Interrupt handlers.  The host has one flat space of Linux irq numbers
 * (see <linux/irq.h> for allocating them); an interrupt is raised by
 * generic_handle_irq(), which runs the handler in the caller's thread.
 */

#include <linux/irqreturn.h>
#include <linux/types.h>

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED		0x00000080
#define IRQF_ONESHOT		0x00002000
#define IRQF_NO_THREAD		0x00010000

/**
 * request_irq() - install the handler of an interrupt
 * @irq: a Linux irq number from irq_alloc_desc()
 * @handler: called for each occurrence, with @irq and @dev
 * @flags: IRQF_* (accepted, not interpreted)
 * @name: for messages
 * @dev: passed to @handler; identifies the handler for free_irq()
 *
 * Return: 0, -EINVAL for an irq that was not allocated or a NULL
 * handler, -EBUSY if the irq already has a handler.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev);

/**
 * free_irq() - remove the handler of an interrupt
 * @irq: the irq
 * @dev_id: the @dev given to request_irq()
 *
 * Waits until a handler running in another thread has returned.
 *
 * Return: the name given to request_irq(), or NULL (with a warning) if
 * @dev_id does not own @irq.
 */
const void *free_irq(unsigned int irq, void *dev_id);

/**
 * generic_handle_irq() - raise an interrupt
 * @irq: the irq
 *
 * Return: 0 once the handler ran, -EINVAL if @irq has no handler.
 */
int generic_handle_irq(unsigned int irq);

#endif /* _LINUX_INTERRUPT_H */
