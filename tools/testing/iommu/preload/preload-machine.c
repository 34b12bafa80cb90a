// SPDX-License-Identifier: GPL-2.0
/*
 * The machine behind the preload library's kernel instance.
 *
 * After the initcalls, the kernel instance boots the default machine
 * (platform/default-machine.c) and plays the part of firmware and of the
 * administrator for its PCI functions (platform/machine-bars.c):
 *
 *  - firmware: every function with a DMA test device gets its register
 *    window (<host/dma-dev-regs.h>) as a 32-bit memory BAR0, from
 *    PRELOAD_BAR_BASE upwards;
 *  - administrator: vfio-pci is bound to the function through its
 *    driver_override, as "echo vfio-pci > driver_override" followed by
 *    "echo BDF > drivers_probe" would.
 *
 * So each such function appears as /dev/vfio/devices/vfioN, in the order
 * of the machine description: gfx, accel, ish, xhci, mei, nvme, nic0,
 * nic1, ext, legacy, lpc, audio, smbus.  /sys/class/vfio-dev/vfioN/device
 * leads to the function, whose iommu_group link names its group.
 *
 * The machine lives as long as the process; it is never torn down.
 *
 * Kernel flavour, linked only into the preload library.
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <linux/sizes.h>

#include <host/machine.h>

#include "host-vfs-abi.h"

/* Register windows: below the VT-d units at 0xfed90000, 64 KiB apart */
#define PRELOAD_BAR_BASE	0xe0000000UL
#define PRELOAD_BAR_STRIDE	SZ_64K

static struct machine *preload_machine;

void host_vfs_boot_hook(void)
{
	struct machine *m;
	unsigned int i;
	int ret;

	m = machine_boot(machine_default_spec());
	if (IS_ERR(m)) {
		pr_err("iommu-preload: the default machine did not boot: %ld\n", PTR_ERR(m));
		return;
	}
	preload_machine = m;

	ret = machine_dma_bars_assign(m, PRELOAD_BAR_BASE, PRELOAD_BAR_STRIDE);
	if (ret) {
		pr_err("iommu-preload: no register windows for the devices: %d\n", ret);
		return;
	}
	for (i = 0; i < m->nr_devs; i++) {
		struct machine_dev *md = &m->devs[i];

		if (!md->pdev || !md->has_dma)
			continue;
		ret = machine_dev_bind_driver(md, "vfio-pci");
		if (ret)
			pr_warn("iommu-preload: %s (%s) is not offered through VFIO: %d\n",
				md->name, pci_name(md->pdev), ret);
	}
}
