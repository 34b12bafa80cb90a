// SPDX-License-Identifier: GPL-2.0
/*
 * PCI enumeration and removal for the host environment.
 *
 * A host bridge owns a root bus whose struct pci_ops reach configuration
 * space. Scanning probes each devfn's vendor ID, scans functions 1-7 only
 * when function 0 is multifunction (and only device 0 below a PCIe
 * downstream port), and descends into bridges using the secondary and
 * subordinate bus numbers already programmed in their headers (bus numbers
 * are never assigned here). Each function found is named "DDDD:BB:SS.F",
 * parented to its bus's bridge device and added to the "pci" bus at once,
 * so bus notifiers (and the IOMMU core) see it; drivers may bind only after
 * pci_bus_add_devices().
 *
 * Firmware: a function gets a firmware node when the fwnode of the device
 * above its bus (host bridge or bridge) has a child whose "reg" property
 * encodes its devfn in bits 15:8, as devicetree does. A bridge whose node
 * has "external-facing" is external facing; functions below an external
 * facing port are untrusted and removable.
 */
#include <linux/property.h>
#include <linux/bitmap.h>
#include <linux/dma-mapping.h>
#include <linux/pci.h>
#include <linux/mutex.h>
#include <linux/sprintf.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/export.h>

#include "pci-internal.h"

/* Held around hot-plug style changes of the hierarchy */
static DEFINE_MUTEX(pci_topology_lock);

/**
 * pci_lock_rescan_remove() - serialise against scanning and removal
 */
void pci_lock_rescan_remove(void)
	__acquires(&pci_topology_lock)
{
	mutex_lock(&pci_topology_lock);
}
EXPORT_SYMBOL_GPL(pci_lock_rescan_remove);

/**
 * pci_unlock_rescan_remove() - end pci_lock_rescan_remove()
 */
void pci_unlock_rescan_remove(void)
	__releases(&pci_topology_lock)
{
	mutex_unlock(&pci_topology_lock);
}
EXPORT_SYMBOL_GPL(pci_unlock_rescan_remove);

/* === Buses === */

/* Functions below a bus hold a reference on it; the last one frees it */
static void pci_bus_free(struct kref *kref)
{
	struct pci_bus *bus = container_of(kref, struct pci_bus, kref);
	struct device *bridge_dev = bus->bridge;

	kfree(bus);
	put_device(bridge_dev);
}

/**
 * pci_bus_get() - take a reference on a bus
 * @bus: the bus, or NULL
 *
 * Return: @bus.
 */
struct pci_bus *pci_bus_get(struct pci_bus *bus)
{
	if (!bus)
		return NULL;
	kref_get(&bus->kref);
	return bus;
}

/**
 * pci_bus_put() - drop a reference on a bus
 * @bus: the bus, or NULL
 */
void pci_bus_put(struct pci_bus *bus)
{
	if (!bus)
		return;
	kref_put(&bus->kref, pci_bus_free);
}

/* An empty bus routing every bus number below it until told otherwise */
static struct pci_bus *pci_bus_new(int domain_nr)
{
	struct pci_bus *bus = kzalloc(sizeof(*bus), GFP_KERNEL);

	if (!bus)
		return NULL;

	kref_init(&bus->kref);
	INIT_LIST_HEAD(&bus->devices);
	INIT_LIST_HEAD(&bus->children);
	INIT_LIST_HEAD(&bus->node);
	bus->domain_nr = domain_nr;
	bus->busn_end = 0xff;
	return bus;
}

/* Let the host driver know about a new bus; its failure is only reported */
static void pci_bus_notify_added(struct pci_bus *bus, struct device *owner)
{
	int err;

	if (!bus->ops->add_bus)
		return;
	err = bus->ops->add_bus(bus);
	if (WARN_ON(err < 0))
		dev_err(owner, "add_bus of %s failed: %d\n", bus->name, err);
}

/* Link @bus into @siblings, where lookups and walks find it */
static void pci_bus_link(struct pci_bus *bus, struct list_head *siblings)
{
	down_write(&pci_bus_sem);
	list_add_tail(&bus->node, siblings);
	up_write(&pci_bus_sem);
}

static void pci_bus_unlink(struct pci_bus *bus)
{
	down_write(&pci_bus_sem);
	list_del_init(&bus->node);
	up_write(&pci_bus_sem);

	if (bus->ops->remove_bus)
		bus->ops->remove_bus(bus);
	pci_bus_put(bus);
}

/* === Host bridges === */

static void pci_host_bridge_free(struct device *dev)
{
	struct pci_host_bridge *host = to_pci_host_bridge(dev);

	/* The driver's hook runs while its private area still exists */
	if (host->release_fn)
		host->release_fn(host);
	kfree(host);
}

/**
 * pci_alloc_host_bridge() - allocate a host bridge
 * @priv: bytes of driver private area (pci_host_bridge_priv())
 *
 * The caller fills in ops, sysdata, busnr, domain_nr (or leaves it
 * PCI_DOMAIN_NR_NOT_SET) and dev.parent, then calls pci_host_probe().
 *
 * Return: the bridge, or NULL.
 */
struct pci_host_bridge *pci_alloc_host_bridge(size_t priv)
{
	struct pci_host_bridge *host = kzalloc(sizeof(*host) + priv,
					       GFP_KERNEL);

	if (!host)
		return NULL;

	device_initialize(&host->dev);
	host->dev.release = pci_host_bridge_free;
	host->domain_nr = PCI_DOMAIN_NR_NOT_SET;
	INIT_LIST_HEAD(&host->windows);
	return host;
}
EXPORT_SYMBOL(pci_alloc_host_bridge);

/**
 * pci_free_host_bridge() - free a host bridge that was not registered
 * @host: the bridge
 */
void pci_free_host_bridge(struct pci_host_bridge *host)
{
	put_device(&host->dev);
}
EXPORT_SYMBOL(pci_free_host_bridge);

/*
 * The domain of a new root bus: the firmware's "linux,pci-domain" property
 * of @parent if there is one, else the lowest domain no root bus has.
 */
static int pci_pick_domain(struct device *parent)
{
	struct pci_bus *root;
	u32 fw_domain;
	int candidate = 0;

	if (parent &&
	    !device_property_read_u32(parent, "linux,pci-domain", &fw_domain))
		return fw_domain;

	down_read(&pci_bus_sem);
restart:
	list_for_each_entry(root, &pci_root_buses, node) {
		if (pci_domain_nr(root) == candidate) {
			candidate++;
			goto restart;
		}
	}
	up_read(&pci_bus_sem);
	return candidate;
}

/* Create the root bus of @host, register the bridge device, publish both */
static int pci_host_bridge_register(struct pci_host_bridge *host)
{
	struct device *parent = host->dev.parent;
	struct pci_bus *root;
	int domain, err;

	domain = host->domain_nr;
	if (domain == PCI_DOMAIN_NR_NOT_SET)
		domain = pci_pick_domain(parent);

	root = pci_bus_new(domain);
	if (!root)
		return -ENOMEM;
	root->number = host->busnr;
	root->primary = host->busnr;
	root->ops = host->ops;
	root->sysdata = host->sysdata;

	if (pci_find_bus(domain, root->number)) {
		pr_err("pci: root bus %04x:%02x exists already\n", domain,
		       root->number);
		err = -EEXIST;
		goto free_root;
	}

	err = dev_set_name(&host->dev, "pci%04x:%02x", domain, root->number);
	if (!err)
		err = device_add(&host->dev);
	if (err)
		goto free_root;

	root->bridge = get_device(&host->dev);
	host->bus = root;
	snprintf(root->name, sizeof(root->name), "PCI Bus %04x:%02x", domain,
		 root->number);
	pci_bus_notify_added(root, &host->dev);
	pci_bus_link(root, &pci_root_buses);

	pr_info("pci: host bridge %s%s%s: root bus %04x:%02x\n",
		dev_name(&host->dev), parent ? " below " : "",
		parent ? dev_name(parent) : "", domain, root->number);
	return 0;

free_root:
	kfree(root);
	return err;
}

/**
 * pci_create_root_bus() - create a host bridge and its root bus
 * @parent: the parent of the host bridge device, or NULL
 * @busnr: the root bus number
 * @ops: configuration access
 * @sysdata: passed to buses and functions
 * @resources: address windows; ignored (not modelled)
 *
 * The domain comes from @parent's "linux,pci-domain" property, or is the
 * lowest unused one. Nothing is scanned yet.
 *
 * Return: the root bus, or NULL (e.g. that bus already exists).
 */
struct pci_bus *pci_create_root_bus(struct device *parent, int busnr,
				    struct pci_ops *ops, void *sysdata,
				    struct list_head *resources)
{
	struct pci_host_bridge *host = pci_alloc_host_bridge(0);

	if (!host)
		return NULL;

	host->ops = ops;
	host->busnr = busnr;
	host->sysdata = sysdata;
	host->dev.parent = parent;
	if (!pci_host_bridge_register(host))
		return host->bus;

	pci_free_host_bridge(host);
	return NULL;
}
EXPORT_SYMBOL_GPL(pci_create_root_bus);

/**
 * pci_scan_root_bus() - pci_create_root_bus() and scan it
 * @parent: the parent of the host bridge device, or NULL
 * @busnr: the root bus number
 * @ops: configuration access
 * @sysdata: passed to buses and functions
 * @resources: ignored
 *
 * Return: the root bus, or NULL.
 */
struct pci_bus *pci_scan_root_bus(struct device *parent, int busnr,
				  struct pci_ops *ops, void *sysdata,
				  struct list_head *resources)
{
	struct pci_bus *root = pci_create_root_bus(parent, busnr, ops, sysdata,
						   resources);

	if (root)
		pci_scan_child_bus(root);
	return root;
}
EXPORT_SYMBOL(pci_scan_root_bus);

/**
 * pci_scan_root_bus_bridge() - register a host bridge and scan its root bus
 * @host: a bridge from pci_alloc_host_bridge()
 *
 * Return: 0, -EEXIST (the bus exists) or -ENOMEM.
 */
int pci_scan_root_bus_bridge(struct pci_host_bridge *host)
{
	int err = pci_host_bridge_register(host);

	if (!err)
		pci_scan_child_bus(host->bus);
	return err;
}
EXPORT_SYMBOL(pci_scan_root_bus_bridge);

/**
 * pci_host_probe() - register, scan and add everything below a host bridge
 * @host: a bridge from pci_alloc_host_bridge()
 *
 * Return: 0 or an errno from pci_scan_root_bus_bridge().
 */
int pci_host_probe(struct pci_host_bridge *host)
{
	int err = pci_scan_root_bus_bridge(host);

	if (!err)
		pci_bus_add_devices(host->bus);
	return err;
}
EXPORT_SYMBOL_GPL(pci_host_probe);

/**
 * pci_add_new_bus() - create the bus behind a bridge
 * @parent: the bus the bridge is on
 * @bridge: the bridge
 * @busnr: the number of the new bus
 *
 * Return: the bus, or NULL.
 */
struct pci_bus *pci_add_new_bus(struct pci_bus *parent, struct pci_dev *bridge,
				int busnr)
{
	struct pci_ops *child_ops = pci_find_host_bridge(parent)->child_ops;
	struct pci_bus *below = pci_bus_new(parent->domain_nr);

	if (!below)
		return NULL;

	below->parent = parent;
	below->self = bridge;
	below->bridge = get_device(&bridge->dev);
	below->primary = parent->number;
	below->number = busnr;
	below->ops = child_ops ? child_ops : parent->ops;
	below->sysdata = parent->sysdata;
	bridge->subordinate = below;
	snprintf(below->name, sizeof(below->name), "PCI Bus %04x:%02x",
		 pci_domain_nr(below), busnr);

	pci_bus_notify_added(below, &bridge->dev);
	pci_bus_link(below, &parent->children);
	return below;
}
EXPORT_SYMBOL(pci_add_new_bus);

/* === Functions: what they are === */

static void pci_dev_free(struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);
	struct pci_bus *bus = pdev->bus;

	kfree(pdev->driver_override);
	bitmap_free(pdev->dma_alias_mask);
	fwnode_handle_put(dev->fwnode);
	kfree(pdev);
	pci_bus_put(bus);
}

/**
 * pci_dev_is_removable_by_port() - is a function behind an external port?
 * @pdev: the function
 *
 * Return: true if a bridge above @pdev is external facing.
 */
bool pci_dev_is_removable_by_port(struct pci_dev *pdev)
{
	struct pci_dev *up = pci_upstream_bridge(pdev);

	while (up && !up->external_facing)
		up = pci_upstream_bridge(up);
	return up;
}

/* The devfn a firmware node describes ("reg" bits 15:8), or -1 */
static int pci_fw_node_devfn(struct fwnode_handle *node)
{
	u32 reg;

	return fwnode_property_read_u32(node, "reg", &reg) ? -1 :
							   (int)((reg >> 8) & 0xff);
}

/* Attach the firmware node describing @pdev, looked up under its bus */
static void pci_attach_fw_node(struct pci_dev *pdev)
{
	struct pci_bus *bus = pdev->bus;
	struct device *above = bus->self ? &bus->self->dev : bus->bridge;
	struct fwnode_handle *scope = above ? dev_fwnode(above) : NULL;
	struct fwnode_handle *node;

	if (!scope)
		return;

	for (node = fwnode_get_next_child_node(scope, NULL); node;
	     node = fwnode_get_next_child_node(scope, node)) {
		if (pci_fw_node_devfn(node) != (int)pdev->devfn)
			continue;
		/* Leaving the walk early keeps the node's reference */
		device_set_node(&pdev->dev, node);
		break;
	}

	if (fwnode_property_present(dev_fwnode(&pdev->dev), "external-facing"))
		pdev->external_facing = 1;
}

/* Cache where the PCI Express capability is and its flags register */
static void pci_note_pcie(struct pci_dev *pdev)
{
	u8 at = pci_find_capability(pdev, PCI_CAP_ID_EXP);

	if (!at)
		return;
	pdev->pcie_cap = at;
	pci_read_config_word(pdev, at + PCI_EXP_FLAGS, &pdev->pcie_flags_reg);
}

/* Functions below an untrusted one or an external port are untrusted */
static void pci_note_untrusted(struct pci_dev *pdev)
{
	struct pci_dev *up = pci_upstream_bridge(pdev);

	if (up && (up->untrusted || pci_dev_is_removable_by_port(pdev)))
		pdev->untrusted = 1;
}

/* Likewise for removability, which is also inherited from the bridge */
static void pci_note_removable(struct pci_dev *pdev)
{
	struct pci_dev *up = pci_upstream_bridge(pdev);

	if (up && (dev_is_removable(&up->dev) ||
		   pci_dev_is_removable_by_port(pdev)))
		dev_set_removable(&pdev->dev, DEVICE_REMOVABLE);
}

/* Conventional functions have 256 bytes; PCIe ones 4K if it answers */
static int pci_probe_cfg_size(struct pci_dev *pdev)
{
	u32 probe;

	if (pci_is_pcie(pdev) &&
	    pci_read_config_dword(pdev, PCI_CFG_SPACE_SIZE, &probe) ==
	    PCIBIOS_SUCCESSFUL && !PCI_POSSIBLE_ERROR(probe))
		return PCI_CFG_SPACE_EXP_SIZE;
	return PCI_CFG_SPACE_SIZE;
}

/* A human-readable kind of function, for the enumeration log */
static const char *pci_kind_name(struct pci_dev *pdev)
{
	static const char * const pcie_kinds[] = {
		[PCI_EXP_TYPE_ENDPOINT]		= "PCIe Endpoint",
		[PCI_EXP_TYPE_LEG_END]		= "PCIe Legacy Endpoint",
		[PCI_EXP_TYPE_ROOT_PORT]	= "PCIe Root Port",
		[PCI_EXP_TYPE_UPSTREAM]		= "PCIe Switch Upstream Port",
		[PCI_EXP_TYPE_DOWNSTREAM]	= "PCIe Switch Downstream Port",
		[PCI_EXP_TYPE_PCI_BRIDGE]	= "PCIe to PCI/PCI-X bridge",
		[PCI_EXP_TYPE_PCIE_BRIDGE]	= "PCI/PCI-X to PCIe bridge",
		[PCI_EXP_TYPE_RC_END]		= "PCIe Root Complex Integrated Endpoint",
		[PCI_EXP_TYPE_RC_EC]		= "PCIe Root Complex Event Collector",
	};
	static const char * const conventional_kinds[] = {
		[PCI_HEADER_TYPE_NORMAL]	= "conventional PCI endpoint",
		[PCI_HEADER_TYPE_BRIDGE]	= "conventional PCI bridge",
		[PCI_HEADER_TYPE_CARDBUS]	= "CardBus bridge",
	};
	unsigned int idx;

	if (pci_is_pcie(pdev)) {
		idx = pci_pcie_type(pdev);
		if (idx < ARRAY_SIZE(pcie_kinds) && pcie_kinds[idx])
			return pcie_kinds[idx];
		return "PCIe unknown";
	}
	idx = pdev->hdr_type;
	return idx < ARRAY_SIZE(conventional_kinds) ? conventional_kinds[idx] :
						      "conventional PCI";
}

/*
 * Check the class against the header layout: only type 1 headers are
 * PCI-to-PCI bridges, only type 2 ones CardBus bridges. A mismatch leaves
 * the function with an undefined class; an unknown layout is refused.
 */
static int pci_check_header(struct pci_dev *pdev)
{
	unsigned int base_sub = pdev->class >> 8;
	bool consistent;

	switch (pdev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
		consistent = base_sub != PCI_CLASS_BRIDGE_PCI;
		if (consistent) {
			pci_read_config_word(pdev, PCI_SUBSYSTEM_VENDOR_ID,
					     &pdev->subsystem_vendor);
			pci_read_config_word(pdev, PCI_SUBSYSTEM_ID,
					     &pdev->subsystem_device);
		}
		break;
	case PCI_HEADER_TYPE_BRIDGE:
		consistent = base_sub == PCI_CLASS_BRIDGE_PCI;
		/* Programming interface 01h: subtractive decode */
		if (consistent)
			pdev->transparent = (pdev->class & 0xff) == 1;
		break;
	case PCI_HEADER_TYPE_CARDBUS:
		consistent = base_sub == PCI_CLASS_BRIDGE_CARDBUS;
		break;
	default:
		pci_err(pdev, "header type %02x not supported, skipping\n",
			pdev->hdr_type);
		return -EIO;
	}

	if (!consistent) {
		pci_err(pdev, "class %#08x contradicts header type %02x, class dropped\n",
			pdev->class, pdev->hdr_type);
		pdev->class = PCI_CLASS_NOT_DEFINED << 8;
	}
	return 0;
}

/* Read the header of a new function and fill in its structure */
static int pci_read_header(struct pci_dev *pdev)
{
	struct pci_bus *bus = pdev->bus;
	u32 class_rev;
	u8 hdr;
	int err;

	if (pci_read_config_byte(pdev, PCI_HEADER_TYPE, &hdr))
		return -EIO;
	pdev->hdr_type = hdr & PCI_HEADER_TYPE_MASK;
	pdev->multifunction = !!(hdr & PCI_HEADER_TYPE_MFD);

	pdev->dev.bus = &pci_bus_type;
	pdev->dev.parent = bus->bridge;
	pdev->sysdata = bus->sysdata;
	pci_note_pcie(pdev);
	pci_attach_fw_node(pdev);

	/* 32-bit DMA until a driver asks for more */
	pdev->dma_mask = DMA_BIT_MASK(32);
	pdev->dev.coherent_dma_mask = DMA_BIT_MASK(32);
	pdev->dev.dma_mask = &pdev->dma_mask;

	err = dev_set_name(&pdev->dev, "%04x:%02x:%02x.%d", pci_domain_nr(bus),
			   bus->number, PCI_SLOT(pdev->devfn),
			   PCI_FUNC(pdev->devfn));
	if (err)
		return err;

	pci_read_config_dword(pdev, PCI_CLASS_REVISION, &class_rev);
	pdev->class = class_rev >> 8;
	pdev->revision = class_rev & 0xff;
	pdev->cfg_size = pci_probe_cfg_size(pdev);

	pci_note_untrusted(pdev);
	pci_fixup_device(pci_fixup_early, pdev);
	pci_note_removable(pdev);

	pci_info(pdev, "[%04x:%04x] type %02x class %#08x %s\n", pdev->vendor,
		 pdev->device, pdev->hdr_type, pdev->class,
		 pci_kind_name(pdev));
	return pci_check_header(pdev);
}

/* A new function at @devfn of @bus whose ID dword read as @id */
static struct pci_dev *pci_dev_new(struct pci_bus *bus, int devfn, u32 id)
{
	struct pci_dev *pdev = kzalloc(sizeof(*pdev), GFP_KERNEL);

	if (!pdev)
		return NULL;

	/* From here on the device model frees it, and the bus reference */
	device_initialize(&pdev->dev);
	pdev->dev.release = pci_dev_free;
	pdev->bus = pci_bus_get(bus);
	INIT_LIST_HEAD(&pdev->bus_list);
	pdev->devfn = devfn;
	pdev->vendor = id & 0xffff;
	pdev->device = id >> 16;
	return pdev;
}

static struct pci_dev *pci_scan_device(struct pci_bus *bus, int devfn)
{
	struct pci_dev *pdev;
	u32 id;

	if (!pci_bus_read_dev_vendor_id(bus, devfn, &id, 60 * 1000))
		return NULL;

	pdev = pci_dev_new(bus, devfn, id);
	if (pdev && pci_read_header(pdev)) {
		put_device(&pdev->dev);
		pdev = NULL;
	}
	return pdev;
}

/* Put @pdev on its bus list and register it with the device model */
static int pci_device_add(struct pci_dev *pdev, struct pci_bus *bus)
{
	int err;

	pci_fixup_device(pci_fixup_header, pdev);
	pci_init_capabilities(pdev);

	down_write(&pci_bus_sem);
	list_add_tail(&pdev->bus_list, &bus->devices);
	up_write(&pci_bus_sem);

	/* Bus notifiers see it now; drivers wait for pci_bus_add_device() */
	pdev->match_driver = false;
	err = device_add(&pdev->dev);
	if (!err) {
		set_bit(PCI_DEV_REGISTERED, &pdev->priv_flags);
		return 0;
	}

	pci_err(pdev, "device_add() failed: %d\n", err);
	down_write(&pci_bus_sem);
	list_del_init(&pdev->bus_list);
	up_write(&pci_bus_sem);
	return err;
}

/* === Functions: scanning === */

/**
 * pci_scan_single_device() - find and add the function at a devfn
 * @bus: the bus
 * @devfn: the function
 *
 * Return: the function (already known or newly added; not referenced),
 * or NULL if there is none or it could not be added.
 */
struct pci_dev *pci_scan_single_device(struct pci_bus *bus, int devfn)
{
	struct pci_dev *known = pci_get_slot(bus, devfn);
	struct pci_dev *fresh;

	if (known) {
		/* The caller gets no reference either way */
		pci_dev_put(known);
		return known;
	}

	fresh = pci_scan_device(bus, devfn);
	if (fresh && pci_device_add(fresh, bus)) {
		put_device(&fresh->dev);
		fresh = NULL;
	}
	return fresh;
}
EXPORT_SYMBOL(pci_scan_single_device);

/* Below a PCIe downstream port the link leads to device 0 only */
static bool pci_bus_has_single_slot(struct pci_bus *bus)
{
	struct pci_dev *port = bus->self;

	return port && pci_is_pcie(port) && pcie_downstream_port(port);
}

/**
 * pci_scan_slot() - scan the functions of one device
 * @bus: the bus
 * @devfn: function 0 of the device
 *
 * Return: the number of functions found.
 */
int pci_scan_slot(struct pci_bus *bus, int devfn)
{
	struct pci_dev *fn0, *other;
	int found, fn;

	if (devfn > 0 && pci_bus_has_single_slot(bus))
		return 0;

	/* Function 0 must exist; 1-7 only if it says it is multifunction */
	fn0 = pci_scan_single_device(bus, devfn);
	if (!fn0)
		return 0;
	found = 1;
	if (!fn0->multifunction)
		return found;

	for (fn = 1; fn < 8; fn++) {
		other = pci_scan_single_device(bus, devfn + fn);
		if (!other)
			continue;
		other->multifunction = 1;
		found++;
	}
	return found;
}
EXPORT_SYMBOL(pci_scan_slot);

/*
 * Scan behind @bridge on @bus, using the bus numbers its header holds.
 * Returns the highest bus number known below @bus so far (@seen before).
 */
static unsigned int pci_scan_behind(struct pci_bus *bus,
				    struct pci_dev *bridge, unsigned int seen)
{
	unsigned int pri, sec, sub, deepest;
	struct pci_bus *below;
	u32 numbers;

	pci_read_config_dword(bridge, PCI_PRIMARY_BUS, &numbers);
	pri = numbers & 0xff;
	sec = (numbers >> 8) & 0xff;
	sub = (numbers >> 16) & 0xff;

	if (sec == 0 || sec <= bus->number || sub < sec) {
		pci_info(bridge, "bus numbers %02x-%02x unusable, bridge left unscanned\n",
			 sec, sub);
		return seen;
	}
	if (pci_find_bus(pci_domain_nr(bus), sec)) {
		pci_warn(bridge, "secondary bus %02x exists already, skipped\n",
			 sec);
		return seen;
	}

	below = pci_add_new_bus(bus, bridge, sec);
	if (!below)
		return seen;
	below->busn_end = sub;
	below->primary = pri;

	deepest = pci_scan_child_bus(below);
	if (deepest > sub)
		pci_warn(bridge, "found bus %02x beyond subordinate %02x\n",
			 deepest, sub);
	return max3(seen, deepest, sub);
}

/**
 * pci_scan_child_bus() - scan a bus and everything behind its bridges
 * @bus: the bus
 *
 * Return: the highest bus number found below @bus.
 */
unsigned int pci_scan_child_bus(struct pci_bus *bus)
{
	unsigned int slot, highest = bus->number;
	struct pci_dev *pdev;

	for (slot = 0; slot < 32; slot++)
		pci_scan_slot(bus, PCI_DEVFN(slot, 0));

	/* Bridges found on this bus that have no bus behind them yet */
	list_for_each_entry(pdev, &bus->devices, bus_list)
		if (pci_is_bridge(pdev) && !pdev->subordinate)
			highest = pci_scan_behind(bus, pdev, highest);

	bus->busn_end = highest;
	return highest;
}
EXPORT_SYMBOL_GPL(pci_scan_child_bus);

/**
 * pci_bus_add_device() - let drivers bind to a scanned function
 * @pdev: the function
 */
void pci_bus_add_device(struct pci_dev *pdev)
{
	int err;

	pci_fixup_device(pci_fixup_final, pdev);
	pdev->match_driver = true;
	err = device_attach(&pdev->dev);
	if (err < 0 && err != -EPROBE_DEFER)
		pci_warn(pdev, "binding a driver failed: %d\n", err);
	set_bit(PCI_DEV_ADDED, &pdev->priv_flags);
}
EXPORT_SYMBOL_GPL(pci_bus_add_device);

/**
 * pci_bus_add_devices() - let drivers bind to every function below a bus
 * @bus: the bus
 *
 * The functions of @bus come first, then, bus by bus, what lies behind
 * those of its bridges that were added.
 */
void pci_bus_add_devices(const struct pci_bus *bus)
{
	struct pci_dev *pdev;

	list_for_each_entry(pdev, &bus->devices, bus_list)
		if (!pci_dev_is_added(pdev))
			pci_bus_add_device(pdev);

	list_for_each_entry(pdev, &bus->devices, bus_list) {
		struct pci_bus *below = pdev->subordinate;

		if (!below || !pci_dev_is_added(pdev))
			continue;
		pci_bus_add_devices(below);
		below->is_added = 1;
	}
}
EXPORT_SYMBOL(pci_bus_add_devices);

/* === Removal === */

/*
 * Call @visit for each function of @bus, from the last one when
 * @backwards. @visit may remove the function it is given.
 */
static void pci_bus_visit(struct pci_bus *bus, bool backwards,
			  void (*visit)(struct pci_dev *pdev))
{
	struct pci_dev *pdev, *next;

	if (backwards) {
		list_for_each_entry_safe_reverse(pdev, next, &bus->devices,
						 bus_list)
			visit(pdev);
	} else {
		list_for_each_entry_safe(pdev, next, &bus->devices, bus_list)
			visit(pdev);
	}
}

/* Unbind drivers: everything behind @pdev (last added first), then @pdev */
static void pci_unbind_subtree(struct pci_dev *pdev)
{
	if (pdev->subordinate)
		pci_bus_visit(pdev->subordinate, true, pci_unbind_subtree);

	if (!pci_dev_is_added(pdev))
		return;
	device_release_driver(&pdev->dev);
	clear_bit(PCI_DEV_ADDED, &pdev->priv_flags);
}

/* Take @pdev out of the device model and its bus, dropping its reference */
static void pci_dev_unlink(struct pci_dev *pdev)
{
	if (test_and_clear_bit(PCI_DEV_REGISTERED, &pdev->priv_flags))
		device_del(&pdev->dev);

	down_write(&pci_bus_sem);
	list_del_init(&pdev->bus_list);
	up_write(&pci_bus_sem);
	put_device(&pdev->dev);
}

/* Remove everything behind @pdev, the bus there, and @pdev itself */
static void pci_dismantle_subtree(struct pci_dev *pdev)
{
	struct pci_bus *below = pdev->subordinate;

	if (below) {
		pci_bus_visit(below, false, pci_dismantle_subtree);
		pci_bus_unlink(below);
		pdev->subordinate = NULL;
	}
	pci_dev_unlink(pdev);
}

/**
 * pci_stop_and_remove_bus_device() - unbind and remove a function and
 * everything behind it
 * @pdev: the function; the caller's reference, if any, stays valid
 */
void pci_stop_and_remove_bus_device(struct pci_dev *pdev)
{
	pci_unbind_subtree(pdev);
	pci_dismantle_subtree(pdev);
}
EXPORT_SYMBOL(pci_stop_and_remove_bus_device);

/**
 * pci_stop_and_remove_bus_device_locked() - the same, under the rescan lock
 * @pdev: the function
 */
void pci_stop_and_remove_bus_device_locked(struct pci_dev *pdev)
{
	mutex_lock(&pci_topology_lock);
	pci_stop_and_remove_bus_device(pdev);
	mutex_unlock(&pci_topology_lock);
}
EXPORT_SYMBOL_GPL(pci_stop_and_remove_bus_device_locked);

/**
 * pci_stop_root_bus() - unbind the drivers of everything below a root bus
 * @root: the root bus
 */
void pci_stop_root_bus(struct pci_bus *root)
{
	if (pci_is_root_bus(root))
		pci_bus_visit(root, true, pci_unbind_subtree);
}
EXPORT_SYMBOL_GPL(pci_stop_root_bus);

/**
 * pci_remove_root_bus() - remove everything below a root bus, and the bus
 * and host bridge themselves
 * @root: the root bus, stopped with pci_stop_root_bus()
 *
 * Drops the reference that pci_alloc_host_bridge() or
 * pci_create_root_bus() returned to the creator.
 */
void pci_remove_root_bus(struct pci_bus *root)
{
	struct pci_host_bridge *host;

	if (!pci_is_root_bus(root))
		return;

	host = to_pci_host_bridge(root->bridge);
	pci_bus_visit(root, false, pci_dismantle_subtree);

	host->bus = NULL;
	device_del(&host->dev);
	pci_bus_unlink(root);
	put_device(&host->dev);
}
EXPORT_SYMBOL_GPL(pci_remove_root_bus);
