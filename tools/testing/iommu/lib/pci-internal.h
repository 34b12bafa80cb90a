/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private state of the host PCI core (lib/pci*.c).
 */
#ifndef _HOSTENV_PCI_INTERNAL_H
#define _HOSTENV_PCI_INTERNAL_H

#include <linux/pci.h>
#include <linux/rwsem.h>

/* pci_dev.priv_flags */
#define PCI_DEV_ADDED		0	/* pci_bus_add_device() ran */
#define PCI_DEV_REGISTERED	1	/* device_add() succeeded */

/* Protects the bus and device lists of every hierarchy. */
extern struct rw_semaphore pci_bus_sem;
/* The root buses, through pci_bus.node. */
extern struct list_head pci_root_buses;

struct pci_bus *pci_bus_get(struct pci_bus *bus);
void pci_bus_put(struct pci_bus *bus);

void pci_init_capabilities(struct pci_dev *dev);
void pci_acs_init(struct pci_dev *dev);
bool pci_dev_is_removable_by_port(struct pci_dev *dev);

/**
 * pci_dev_is_added() - whether pci_bus_add_device() ran for a function
 * @dev: the function
 *
 * Return: true once added.
 */
static inline bool pci_dev_is_added(const struct pci_dev *dev)
{
	return test_bit(PCI_DEV_ADDED, &dev->priv_flags);
}

#endif /* _HOSTENV_PCI_INTERNAL_H */
