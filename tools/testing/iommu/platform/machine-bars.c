// SPDX-License-Identifier: GPL-2.0
/*
 * Firmware and administrator chores for the PCI functions of a booted
 * machine: give the DMA test device of each function its register window
 * as BAR0 (what firmware's resource assignment does), and bind a chosen
 * driver to a function through driver_override (what an administrator
 * does with sysfs).  The preload library uses both to offer the default
 * machine's functions through vfio-pci; the platform KUnit suites use
 * them to test that path.
 */
#include <linux/device.h>
#include <linux/err.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <host/dma-dev-bar.h>
#include <host/machine.h>
#include <host/pci-fake.h>

/* The windows made for the running machine, by device index */
static struct dma_dev_bar **bar_windows;
static struct machine *bar_machine;

/* Record @base as BAR0 of @md, in configuration space and in pdev->resource */
static void bar0_publish(struct machine *m, struct machine_dev *md, phys_addr_t base)
{
	const struct machine_pci_fn_desc *desc = md->pci;
	struct resource *res = &md->pdev->resource[0];

	/* A 32-bit non-prefetchable memory BAR: the low type bits are all 0 */
	pci_fake_config_write(m->pci[desc->segment], desc->fn.bus, desc->fn.devfn,
			      PCI_BASE_ADDRESS_0, 4, base ? (u32)base : 0);
	res->name = base ? pci_name(md->pdev) : NULL;
	res->start = base;
	res->end = base ? base + DMA_REGS_BAR_SIZE - 1 : 0;
	res->flags = base ? IORESOURCE_MEM : 0;
}

int machine_dma_bars_assign(struct machine *m, phys_addr_t base, phys_addr_t stride)
{
	unsigned int i;

	if (bar_machine || stride < DMA_REGS_BAR_SIZE)
		return -EBUSY;
	bar_windows = kcalloc(m->nr_devs, sizeof(*bar_windows), GFP_KERNEL);
	if (!bar_windows)
		return -ENOMEM;
	bar_machine = m;

	for (i = 0; i < m->nr_devs; i++) {
		struct machine_dev *md = &m->devs[i];
		struct dma_dev_bar *win;

		if (!md->pdev || !md->has_dma)
			continue;
		win = dma_dev_bar_create(&md->dma, base + i * stride);
		if (IS_ERR(win)) {
			machine_dma_bars_remove(m);
			return PTR_ERR(win);
		}
		bar_windows[i] = win;
		bar0_publish(m, md, dma_dev_bar_base(win));
	}
	return 0;
}
EXPORT_SYMBOL_GPL(machine_dma_bars_assign);

void machine_dma_bars_remove(struct machine *m)
{
	unsigned int i;

	if (!bar_machine || bar_machine != m)
		return;
	for (i = 0; i < m->nr_devs; i++) {
		struct machine_dev *md = &m->devs[i];

		if (!bar_windows[i])
			continue;
		/* Nobody may keep using the window: unbind its function first */
		device_release_driver(md->dev);
		bar0_publish(m, md, 0);
		dma_dev_bar_destroy(bar_windows[i]);
	}
	kfree(bar_windows);
	bar_windows = NULL;
	bar_machine = NULL;
}
EXPORT_SYMBOL_GPL(machine_dma_bars_remove);

int machine_dev_bind_driver(struct machine_dev *md, const char *driver)
{
	struct pci_dev *pdev = md->pdev;
	const char *name;
	int ret;

	if (!pdev)
		return -ENODEV;
	name = kstrdup(driver, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	device_lock(&pdev->dev);
	kfree(pdev->driver_override);
	pdev->driver_override = name;
	device_unlock(&pdev->dev);

	ret = device_attach(&pdev->dev);
	if (ret < 0)
		return ret;
	return ret ? 0 : -ENODEV;
}
EXPORT_SYMBOL_GPL(machine_dev_bind_driver);
