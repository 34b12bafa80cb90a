/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_MMIO_H
#define _HOST_MMIO_H

/*
 * Memory-mapped I/O for hardware models.  A model registers a window of
 * the physical address space; ioremap() of an address inside it returns
 * an __iomem cookie, and readl()/writel() (and friends) on that cookie
 * call the model's handlers.  Accesses outside every window are plain
 * memory accesses.
 */

#include <linux/types.h>

/**
 * struct host_mmio_ops - register access handlers of a device model
 * @read: return the value of @size bytes (1, 2, 4 or 8) at @offset
 * @write: store @val, @size bytes wide, at @offset
 */
struct host_mmio_ops {
	u64 (*read)(void *opaque, u64 offset, unsigned int size);
	void (*write)(void *opaque, u64 offset, u64 val, unsigned int size);
};

/**
 * host_mmio_register() - claim an MMIO window
 * @base: physical base address (page aligned)
 * @size: window size (page aligned)
 * @ops: handlers
 * @opaque: first argument of the handlers
 *
 * The address range is reserved in the host address space, so no host
 * memory can ever appear there.  Choose windows below 4 GiB and above
 * 2 GiB (e.g. 0xfed00000): that range also works under AddressSanitizer,
 * whose shadow gap covers it.
 *
 * Return: 0, -EBUSY if the window overlaps another, -ENOMEM.
 */
int host_mmio_register(phys_addr_t base, size_t size, const struct host_mmio_ops *ops,
		       void *opaque);

/**
 * host_mmio_unregister() - release a window
 * @base: its base address
 */
void host_mmio_unregister(phys_addr_t base);

/**
 * host_mmio_access_count() - number of accesses dispatched to handlers
 *
 * Return: the count since start.
 */
unsigned long host_mmio_access_count(void);

#endif /* _HOST_MMIO_H */
