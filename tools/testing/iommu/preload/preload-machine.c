// SPDX-License-Identifier: GPL-2.0
/*
 * The machine behind the preload library's kernel instance.
 *
 * After the initcalls, the kernel instance boots the default machine
 * (platform/default-machine.c) and plays the part of firmware and of the
 * administrator for its PCI functions:
 *
 *  - firmware: every function with a DMA test device gets its register
 *    window (<host/dma-dev-regs.h>) as a 32-bit memory BAR0, assigned
 *    from PRELOAD_BAR_BASE upwards, in the BAR register and in
 *    pdev->resource[0];
 *  - administrator: the function's driver_override is set to "vfio-pci"
 *    and the driver core is asked to bind it, as
 *    "echo vfio-pci > driver_override; echo BDF > drivers_probe" would.
 *
 * So each such function appears as /dev/vfio/devices/vfioN, in the order
 * of the machine description: gfx, accel, ish, xhci, mei, nvme, nic0,
 * nic1, ext, legacy, lpc, audio, smbus.  /sys/class/vfio-dev/vfioN/device
 * leads to the function, whose iommu_group link names its group.
 *
 * Kernel flavour, linked only into the preload library.
 */
#include <linux/device.h>
#include <linux/err.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <host/dma-dev-bar.h>
#include <host/machine.h>
#include <host/pci-fake.h>

#include "host-vfs-abi.h"

/* Register windows: below the VT-d units at 0xfed90000, 64 KiB apart */
#define PRELOAD_BAR_BASE	0xe0000000UL
#define PRELOAD_BAR_STRIDE	SZ_64K

static struct machine *preload_machine;

/* Give @md its BAR0 in configuration space and in the PCI core's view */
static int preload_assign_bar(struct machine *m, struct machine_dev *md,
			      phys_addr_t base)
{
	const struct machine_pci_fn_desc *fn = md->pci;
	struct pci_dev *pdev = md->pdev;
	struct dma_dev_bar *bar;
	struct resource *res;

	bar = dma_dev_bar_create(&md->dma, base);
	if (IS_ERR(bar))
		return PTR_ERR(bar);

	/* A 32-bit non-prefetchable memory BAR: the type bits are all zero */
	pci_fake_config_write(m->pci[fn->segment], fn->fn.bus, fn->fn.devfn,
			      PCI_BASE_ADDRESS_0, 4, (u32)base);
	res = &pdev->resource[0];
	res->name = pci_name(pdev);
	res->start = base;
	res->end = base + DMA_REGS_BAR_SIZE - 1;
	res->flags = IORESOURCE_MEM;
	return 0;
}

/* Bind vfio-pci to @md as an administrator would */
static int preload_bind_vfio(struct machine_dev *md)
{
	struct pci_dev *pdev = md->pdev;
	int ret;

	pdev->driver_override = kstrdup("vfio-pci", GFP_KERNEL);
	if (!pdev->driver_override)
		return -ENOMEM;
	ret = device_attach(&pdev->dev);
	if (ret < 0)
		return ret;
	return ret ? 0 : -ENODEV;
}

void host_vfs_boot_hook(void)
{
	phys_addr_t base = PRELOAD_BAR_BASE;
	struct machine *m;
	unsigned int i;
	int ret;

	m = machine_boot(machine_default_spec());
	if (IS_ERR(m)) {
		pr_err("iommu-preload: the default machine did not boot: %ld\n", PTR_ERR(m));
		return;
	}
	preload_machine = m;

	for (i = 0; i < m->nr_devs; i++) {
		struct machine_dev *md = &m->devs[i];

		if (!md->pdev || !md->has_dma)
			continue;
		ret = preload_assign_bar(m, md, base);
		base += PRELOAD_BAR_STRIDE;
		if (!ret)
			ret = preload_bind_vfio(md);
		if (ret)
			pr_warn("iommu-preload: %s (%s) is not offered through VFIO: %d\n",
				md->name, pci_name(md->pdev), ret);
	}
}
