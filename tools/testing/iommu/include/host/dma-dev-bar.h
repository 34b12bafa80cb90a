/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DMA test device seen from its bus: a register window (BAR0 of its PCI
 * function) through which software programs transfers; see
 * <host/dma-dev-regs.h> for the layout.  The window is an MMIO window of
 * the host (<host/mmio.h>), so kernel code reaches it with ioremap() and
 * readl()/writel() like any device memory.
 *
 * Host-only: kernel code under drivers/ never includes this.
 */
#ifndef _HOST_DMA_DEV_BAR_H
#define _HOST_DMA_DEV_BAR_H

#include <linux/types.h>
#include <host/dma-dev.h>
#include <host/dma-dev-regs.h>

struct dma_dev_bar;

/**
 * dma_dev_bar_create() - give a DMA test device its register window
 * @dev: the device; must outlive the window
 * @base: physical address of the window, aligned to %DMA_REGS_BAR_SIZE,
 *	in the range host_mmio_register() accepts
 *
 * Return: the window, or ERR_PTR(-ENOMEM), ERR_PTR(-EINVAL) for a
 * misaligned @base, ERR_PTR(-EBUSY) if the range is taken.
 */
struct dma_dev_bar *dma_dev_bar_create(struct dma_dev *dev, phys_addr_t base);

/**
 * dma_dev_bar_destroy() - remove a register window
 * @bar: the window, or NULL/ERR_PTR (ignored)
 */
void dma_dev_bar_destroy(struct dma_dev_bar *bar);

/**
 * dma_dev_bar_base() - physical address of a register window
 * @bar: the window
 *
 * Return: its base.
 */
phys_addr_t dma_dev_bar_base(const struct dma_dev_bar *bar);

#endif /* _HOST_DMA_DEV_BAR_H */
