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
#include <linux/pci.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/property.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/export.h>

#include "pci-internal.h"

static DEFINE_MUTEX(pci_rescan_remove_lock);

/**
 * pci_lock_rescan_remove() - serialise against scanning and removal
 */
void pci_lock_rescan_remove(void)
{
	mutex_lock(&pci_rescan_remove_lock);
}
EXPORT_SYMBOL_GPL(pci_lock_rescan_remove);

/**
 * pci_unlock_rescan_remove() - end pci_lock_rescan_remove()
 */
void pci_unlock_rescan_remove(void)
{
	mutex_unlock(&pci_rescan_remove_lock);
}
EXPORT_SYMBOL_GPL(pci_unlock_rescan_remove);

/* ------------------------------------------------------------------------
 * Buses.
 */

static struct pci_bus *pci_alloc_bus(struct pci_bus *parent)
{
	struct pci_bus *b;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NULL;

	INIT_LIST_HEAD(&b->node);
	INIT_LIST_HEAD(&b->children);
	INIT_LIST_HEAD(&b->devices);
	kref_init(&b->kref);
	b->busn_end = 0xff;
	if (parent)
		b->domain_nr = parent->domain_nr;
	return b;
}

static void pci_bus_release(struct kref *kref)
{
	struct pci_bus *bus = container_of(kref, struct pci_bus, kref);

	put_device(bus->bridge);
	kfree(bus);
}

struct pci_bus *pci_bus_get(struct pci_bus *bus)
{
	if (bus)
		kref_get(&bus->kref);
	return bus;
}

void pci_bus_put(struct pci_bus *bus)
{
	if (bus)
		kref_put(&bus->kref, pci_bus_release);
}

static void pci_release_host_bridge_dev(struct device *dev)
{
	struct pci_host_bridge *bridge = to_pci_host_bridge(dev);

	if (bridge->release_fn)
		bridge->release_fn(bridge);
	kfree(bridge);
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
	struct pci_host_bridge *bridge;

	bridge = kzalloc(sizeof(*bridge) + priv, GFP_KERNEL);
	if (!bridge)
		return NULL;

	INIT_LIST_HEAD(&bridge->windows);
	bridge->domain_nr = PCI_DOMAIN_NR_NOT_SET;
	device_initialize(&bridge->dev);
	bridge->dev.release = pci_release_host_bridge_dev;
	return bridge;
}
EXPORT_SYMBOL(pci_alloc_host_bridge);

/**
 * pci_free_host_bridge() - free a host bridge that was not registered
 * @bridge: the bridge
 */
void pci_free_host_bridge(struct pci_host_bridge *bridge)
{
	put_device(&bridge->dev);
}
EXPORT_SYMBOL(pci_free_host_bridge);

static bool domain_in_use(int domain)
{
	struct pci_bus *root;

	list_for_each_entry(root, &pci_root_buses, node) {
		if (pci_domain_nr(root) == domain)
			return true;
	}
	return false;
}

/*
 * The domain of a new root bus: the parent's "linux,pci-domain" property
 * if it has one, else the lowest domain no root bus uses yet.
 */
static int pci_bus_find_domain_nr(struct device *parent)
{
	u32 domain;
	int nr = 0;

	if (parent && !device_property_read_u32(parent, "linux,pci-domain",
						&domain))
		return domain;

	down_read(&pci_bus_sem);
	while (domain_in_use(nr))
		nr++;
	up_read(&pci_bus_sem);
	return nr;
}

static int pci_register_host_bridge(struct pci_host_bridge *bridge)
{
	struct device *parent = bridge->dev.parent;
	struct pci_bus *bus;
	int err;

	bus = pci_alloc_bus(NULL);
	if (!bus)
		return -ENOMEM;

	bus->sysdata = bridge->sysdata;
	bus->ops = bridge->ops;
	bus->number = bridge->busnr;
	bus->primary = bridge->busnr;
	if (bridge->domain_nr == PCI_DOMAIN_NR_NOT_SET)
		bus->domain_nr = pci_bus_find_domain_nr(parent);
	else
		bus->domain_nr = bridge->domain_nr;

	if (pci_find_bus(bus->domain_nr, bus->number)) {
		pr_err("pci: bus %04x:%02x already exists\n", bus->domain_nr,
		       bus->number);
		err = -EEXIST;
		goto err_free;
	}

	err = dev_set_name(&bridge->dev, "pci%04x:%02x", bus->domain_nr,
			   bus->number);
	if (err)
		goto err_free;
	err = device_add(&bridge->dev);
	if (err)
		goto err_free;

	bridge->bus = bus;
	bus->bridge = get_device(&bridge->dev);
	snprintf(bus->name, sizeof(bus->name), "PCI Bus %04x:%02x",
		 bus->domain_nr, bus->number);

	if (bus->ops->add_bus) {
		err = bus->ops->add_bus(bus);
		if (WARN_ON(err < 0))
			dev_err(&bridge->dev, "failed to add bus: %d\n", err);
	}

	down_write(&pci_bus_sem);
	list_add_tail(&bus->node, &pci_root_buses);
	up_write(&pci_bus_sem);

	if (parent)
		dev_info(parent, "PCI host bridge to bus %04x:%02x\n",
			 bus->domain_nr, bus->number);
	else
		pr_info("PCI host bridge to bus %04x:%02x\n", bus->domain_nr,
			bus->number);
	return 0;

err_free:
	kfree(bus);
	return err;
}

/**
 * pci_create_root_bus() - create a host bridge and its root bus
 * @parent: the parent of the host bridge device, or NULL
 * @bus: the root bus number
 * @ops: configuration access
 * @sysdata: passed to buses and functions
 * @resources: address windows; ignored (not modelled)
 *
 * The domain comes from @parent's "linux,pci-domain" property, or is the
 * lowest unused one. Nothing is scanned yet.
 *
 * Return: the root bus, or NULL (e.g. that bus already exists).
 */
struct pci_bus *pci_create_root_bus(struct device *parent, int bus,
				    struct pci_ops *ops, void *sysdata,
				    struct list_head *resources)
{
	struct pci_host_bridge *bridge;

	bridge = pci_alloc_host_bridge(0);
	if (!bridge)
		return NULL;

	bridge->dev.parent = parent;
	bridge->sysdata = sysdata;
	bridge->busnr = bus;
	bridge->ops = ops;

	if (pci_register_host_bridge(bridge)) {
		put_device(&bridge->dev);
		return NULL;
	}
	return bridge->bus;
}
EXPORT_SYMBOL_GPL(pci_create_root_bus);

/**
 * pci_scan_root_bus() - pci_create_root_bus() and scan it
 * @parent: the parent of the host bridge device, or NULL
 * @bus: the root bus number
 * @ops: configuration access
 * @sysdata: passed to buses and functions
 * @resources: ignored
 *
 * Return: the root bus, or NULL.
 */
struct pci_bus *pci_scan_root_bus(struct device *parent, int bus,
				  struct pci_ops *ops, void *sysdata,
				  struct list_head *resources)
{
	struct pci_bus *b;

	b = pci_create_root_bus(parent, bus, ops, sysdata, resources);
	if (b)
		pci_scan_child_bus(b);
	return b;
}
EXPORT_SYMBOL(pci_scan_root_bus);

/**
 * pci_scan_root_bus_bridge() - register a host bridge and scan its root bus
 * @bridge: a bridge from pci_alloc_host_bridge()
 *
 * Return: 0, -EEXIST (the bus exists) or -ENOMEM.
 */
int pci_scan_root_bus_bridge(struct pci_host_bridge *bridge)
{
	int ret = pci_register_host_bridge(bridge);

	if (ret)
		return ret;
	pci_scan_child_bus(bridge->bus);
	return 0;
}
EXPORT_SYMBOL(pci_scan_root_bus_bridge);

/**
 * pci_host_probe() - register, scan and add everything below a host bridge
 * @bridge: a bridge from pci_alloc_host_bridge()
 *
 * Return: 0 or an errno from pci_scan_root_bus_bridge().
 */
int pci_host_probe(struct pci_host_bridge *bridge)
{
	int ret = pci_scan_root_bus_bridge(bridge);

	if (ret)
		return ret;
	pci_bus_add_devices(bridge->bus);
	return 0;
}
EXPORT_SYMBOL_GPL(pci_host_probe);

/**
 * pci_add_new_bus() - create the bus behind a bridge
 * @parent: the bus the bridge is on
 * @dev: the bridge
 * @busnr: the number of the new bus
 *
 * Return: the bus, or NULL.
 */
struct pci_bus *pci_add_new_bus(struct pci_bus *parent, struct pci_dev *dev,
				int busnr)
{
	struct pci_host_bridge *host = pci_find_host_bridge(parent);
	struct pci_bus *child;

	child = pci_alloc_bus(parent);
	if (!child)
		return NULL;

	child->parent = parent;
	child->sysdata = parent->sysdata;
	child->ops = host->child_ops ?: parent->ops;
	child->primary = parent->number;
	child->number = busnr;
	child->self = dev;
	child->bridge = get_device(&dev->dev);
	dev->subordinate = child;
	snprintf(child->name, sizeof(child->name), "PCI Bus %04x:%02x",
		 pci_domain_nr(child), busnr);

	if (child->ops->add_bus) {
		int err = child->ops->add_bus(child);

		if (WARN_ON(err < 0))
			dev_err(&dev->dev, "failed to add bus: %d\n", err);
	}

	down_write(&pci_bus_sem);
	list_add_tail(&child->node, &parent->children);
	up_write(&pci_bus_sem);
	return child;
}
EXPORT_SYMBOL(pci_add_new_bus);

/* ------------------------------------------------------------------------
 * Functions.
 */

static void pci_release_dev(struct device *dev)
{
	struct pci_dev *pci_dev = to_pci_dev(dev);

	fwnode_handle_put(dev->fwnode);
	kfree(pci_dev->dma_alias_mask);
	kfree(pci_dev->driver_override);
	pci_bus_put(pci_dev->bus);
	kfree(pci_dev);
}

bool pci_dev_is_removable_by_port(struct pci_dev *dev)
{
	struct pci_dev *bridge;

	for (bridge = pci_upstream_bridge(dev); bridge;
	     bridge = pci_upstream_bridge(bridge)) {
		if (bridge->external_facing)
			return true;
	}
	return false;
}

static int pci_fwnode_devfn(struct fwnode_handle *child)
{
	u32 reg;

	if (fwnode_property_read_u32(child, "reg", &reg))
		return -1;
	return (reg >> 8) & 0xff;
}

/* Give @dev the firmware node that describes it, if there is one. */
static void pci_set_fwnode(struct pci_dev *dev)
{
	struct device *above = dev->bus->self ? &dev->bus->self->dev :
						 dev->bus->bridge;
	struct fwnode_handle *parent = above ? dev_fwnode(above) : NULL;
	struct fwnode_handle *child = NULL;

	if (!parent)
		return;

	while ((child = fwnode_get_next_child_node(parent, child))) {
		if (pci_fwnode_devfn(child) == (int)dev->devfn) {
			device_set_node(&dev->dev, child);
			break;
		}
	}

	if (fwnode_property_present(dev_fwnode(&dev->dev), "external-facing"))
		dev->external_facing = 1;
}

static void set_pcie_port_type(struct pci_dev *dev)
{
	int pos = pci_find_capability(dev, PCI_CAP_ID_EXP);
	u16 flags;

	if (!pos)
		return;
	dev->pcie_cap = pos;
	pci_read_config_word(dev, pos + PCI_EXP_FLAGS, &flags);
	dev->pcie_flags_reg = flags;
}

static void set_pcie_untrusted(struct pci_dev *dev)
{
	struct pci_dev *parent = pci_upstream_bridge(dev);

	if (!parent)
		return;
	/* Below something untrusted, or below an external port. */
	if (parent->untrusted || pci_dev_is_removable_by_port(dev))
		dev->untrusted = 1;
}

static void pci_set_removable(struct pci_dev *dev)
{
	struct pci_dev *parent = pci_upstream_bridge(dev);

	if (!parent)
		return;
	if (dev_is_removable(&parent->dev) || pci_dev_is_removable_by_port(dev))
		dev_set_removable(&dev->dev, DEVICE_REMOVABLE);
}

static int pci_cfg_space_size(struct pci_dev *dev)
{
	u32 status;

	if (!pci_is_pcie(dev))
		return PCI_CFG_SPACE_SIZE;
	if (pci_read_config_dword(dev, PCI_CFG_SPACE_SIZE, &status) !=
	    PCIBIOS_SUCCESSFUL || PCI_POSSIBLE_ERROR(status))
		return PCI_CFG_SPACE_SIZE;
	return PCI_CFG_SPACE_EXP_SIZE;
}

static const char *pci_type_str(struct pci_dev *dev)
{
	static const char * const pcie[] = {
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
	int type;

	if (pci_is_pcie(dev)) {
		type = pci_pcie_type(dev);
		if (type < ARRAY_SIZE(pcie) && pcie[type])
			return pcie[type];
		return "PCIe unknown";
	}
	switch (dev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
		return "conventional PCI endpoint";
	case PCI_HEADER_TYPE_BRIDGE:
		return "conventional PCI bridge";
	case PCI_HEADER_TYPE_CARDBUS:
		return "CardBus bridge";
	}
	return "conventional PCI";
}

/* Read the header of a new function and fill in its structure. */
static int pci_setup_device(struct pci_dev *dev)
{
	struct pci_bus *bus = dev->bus;
	u8 hdr_type;
	u32 class;
	int err;

	if (pci_read_config_byte(dev, PCI_HEADER_TYPE, &hdr_type))
		return -EIO;

	dev->sysdata = bus->sysdata;
	dev->dev.parent = bus->bridge;
	dev->dev.bus = &pci_bus_type;
	dev->hdr_type = hdr_type & PCI_HEADER_TYPE_MASK;
	dev->multifunction = !!(hdr_type & PCI_HEADER_TYPE_MFD);
	set_pcie_port_type(dev);
	pci_set_fwnode(dev);

	dev->dma_mask = 0xffffffffULL;
	dev->dev.dma_mask = &dev->dma_mask;
	dev->dev.coherent_dma_mask = 0xffffffffULL;

	err = dev_set_name(&dev->dev, "%04x:%02x:%02x.%d", pci_domain_nr(bus),
			   bus->number, PCI_SLOT(dev->devfn),
			   PCI_FUNC(dev->devfn));
	if (err)
		return err;

	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class);
	dev->revision = class & 0xff;
	dev->class = class >> 8;
	dev->cfg_size = pci_cfg_space_size(dev);

	set_pcie_untrusted(dev);
	pci_fixup_device(pci_fixup_early, dev);
	pci_set_removable(dev);

	pci_info(dev, "[%04x:%04x] type %02x class %#08x %s\n", dev->vendor,
		 dev->device, dev->hdr_type, dev->class, pci_type_str(dev));

	class = dev->class >> 8;
	switch (dev->hdr_type) {
	case PCI_HEADER_TYPE_NORMAL:
		if (class == PCI_CLASS_BRIDGE_PCI)
			goto bad;
		pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID,
				     &dev->subsystem_vendor);
		pci_read_config_word(dev, PCI_SUBSYSTEM_ID,
				     &dev->subsystem_device);
		break;
	case PCI_HEADER_TYPE_BRIDGE:
		if (class != PCI_CLASS_BRIDGE_PCI)
			goto bad;
		dev->transparent = (dev->class & 0xff) == 1;
		break;
	case PCI_HEADER_TYPE_CARDBUS:
		if (class != PCI_CLASS_BRIDGE_CARDBUS)
			goto bad;
		break;
	default:
		pci_err(dev, "unknown header type %02x, ignoring device\n",
			dev->hdr_type);
		return -EIO;
	}
	return 0;

bad:
	pci_err(dev, "ignoring class %#08x (does not match header type %02x)\n",
		dev->class, dev->hdr_type);
	dev->class = PCI_CLASS_NOT_DEFINED << 8;
	return 0;
}

static struct pci_dev *pci_scan_device(struct pci_bus *bus, int devfn)
{
	struct pci_dev *dev;
	u32 l;

	if (!pci_bus_read_dev_vendor_id(bus, devfn, &l, 60 * 1000))
		return NULL;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return NULL;

	INIT_LIST_HEAD(&dev->bus_list);
	device_initialize(&dev->dev);
	dev->dev.release = pci_release_dev;
	dev->bus = pci_bus_get(bus);
	dev->devfn = devfn;
	dev->vendor = l & 0xffff;
	dev->device = (l >> 16) & 0xffff;

	if (pci_setup_device(dev)) {
		put_device(&dev->dev);
		return NULL;
	}
	return dev;
}

static int pci_device_add(struct pci_dev *dev, struct pci_bus *bus)
{
	int ret;

	pci_fixup_device(pci_fixup_header, dev);
	pci_init_capabilities(dev);

	down_write(&pci_bus_sem);
	list_add_tail(&dev->bus_list, &bus->devices);
	up_write(&pci_bus_sem);

	/* Visible to bus notifiers now; drivers wait for pci_bus_add_device(). */
	dev->match_driver = false;
	ret = device_add(&dev->dev);
	if (ret) {
		pci_err(dev, "cannot register the device: %d\n", ret);
		down_write(&pci_bus_sem);
		list_del_init(&dev->bus_list);
		up_write(&pci_bus_sem);
		return ret;
	}
	set_bit(PCI_DEV_REGISTERED, &dev->priv_flags);
	return 0;
}

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
	struct pci_dev *dev;

	dev = pci_get_slot(bus, devfn);
	if (dev) {
		pci_dev_put(dev);
		return dev;
	}

	dev = pci_scan_device(bus, devfn);
	if (!dev)
		return NULL;
	if (pci_device_add(dev, bus)) {
		put_device(&dev->dev);
		return NULL;
	}
	return dev;
}
EXPORT_SYMBOL(pci_scan_single_device);

/* Below a PCIe downstream port only device 0 can exist. */
static bool only_one_child(struct pci_bus *bus)
{
	struct pci_dev *bridge = bus->self;

	return bridge && pci_is_pcie(bridge) && pcie_downstream_port(bridge);
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
	struct pci_dev *dev;
	int fn, nr = 0;

	if (only_one_child(bus) && devfn > 0)
		return 0;

	for (fn = 0; fn < 8; fn++) {
		dev = pci_scan_single_device(bus, devfn + fn);
		if (dev) {
			nr++;
			if (fn > 0)
				dev->multifunction = 1;
		} else if (fn == 0) {
			/* No function 0: nothing in this slot. */
			break;
		}
		/* Further functions exist only behind a multifunction 0. */
		if (fn == 0 && !dev->multifunction)
			break;
	}
	return nr;
}
EXPORT_SYMBOL(pci_scan_slot);

static unsigned int pci_scan_bridge(struct pci_bus *bus, struct pci_dev *dev,
				    unsigned int max)
{
	unsigned int primary, secondary, subordinate, cmax;
	struct pci_bus *child;
	u32 buses;

	pci_read_config_dword(dev, PCI_PRIMARY_BUS, &buses);
	primary = buses & 0xff;
	secondary = (buses >> 8) & 0xff;
	subordinate = (buses >> 16) & 0xff;

	if (!secondary || secondary <= bus->number || subordinate < secondary) {
		pci_info(dev, "bridge not configured (bus %02x-%02x), not scanning behind it\n",
			 secondary, subordinate);
		return max;
	}
	if (pci_find_bus(pci_domain_nr(bus), secondary)) {
		pci_warn(dev, "bus %02x already known, not scanning it again\n",
			 secondary);
		return max;
	}

	child = pci_add_new_bus(bus, dev, secondary);
	if (!child)
		return max;
	child->primary = primary;
	child->busn_end = subordinate;

	cmax = pci_scan_child_bus(child);
	if (cmax > subordinate)
		pci_warn(dev, "bus %02x found below the subordinate bus %02x\n",
			 cmax, subordinate);
	return max(max, max(cmax, subordinate));
}

/**
 * pci_scan_child_bus() - scan a bus and everything behind its bridges
 * @bus: the bus
 *
 * Return: the highest bus number found below @bus.
 */
unsigned int pci_scan_child_bus(struct pci_bus *bus)
{
	unsigned int devfn, max = bus->number;
	struct pci_dev *dev;

	for (devfn = 0; devfn < 0x100; devfn += 8)
		pci_scan_slot(bus, devfn);

	list_for_each_entry(dev, &bus->devices, bus_list) {
		if (pci_is_bridge(dev) && !dev->subordinate)
			max = pci_scan_bridge(bus, dev, max);
	}
	bus->busn_end = max;
	return max;
}
EXPORT_SYMBOL_GPL(pci_scan_child_bus);

/**
 * pci_bus_add_device() - let drivers bind to a scanned function
 * @dev: the function
 */
void pci_bus_add_device(struct pci_dev *dev)
{
	int ret;

	pci_fixup_device(pci_fixup_final, dev);
	dev->match_driver = true;
	ret = device_attach(&dev->dev);
	if (ret < 0 && ret != -EPROBE_DEFER)
		pci_warn(dev, "device attach failed (%d)\n", ret);
	set_bit(PCI_DEV_ADDED, &dev->priv_flags);
}
EXPORT_SYMBOL_GPL(pci_bus_add_device);

/**
 * pci_bus_add_devices() - let drivers bind to every function below a bus
 * @bus: the bus
 */
void pci_bus_add_devices(const struct pci_bus *bus)
{
	struct pci_dev *dev;
	struct pci_bus *child;

	list_for_each_entry(dev, &bus->devices, bus_list) {
		if (!pci_dev_is_added(dev))
			pci_bus_add_device(dev);
	}
	list_for_each_entry(dev, &bus->devices, bus_list) {
		child = dev->subordinate;
		if (!child || !pci_dev_is_added(dev))
			continue;
		pci_bus_add_devices(child);
		child->is_added = 1;
	}
}
EXPORT_SYMBOL(pci_bus_add_devices);

/* ------------------------------------------------------------------------
 * Removal.
 */

static void pci_stop_dev(struct pci_dev *dev)
{
	if (!pci_dev_is_added(dev))
		return;
	device_release_driver(&dev->dev);
	clear_bit(PCI_DEV_ADDED, &dev->priv_flags);
}

static void pci_stop_bus_device(struct pci_dev *dev)
{
	struct pci_bus *bus = dev->subordinate;
	struct pci_dev *child, *tmp;

	if (bus)
		list_for_each_entry_safe_reverse(child, tmp, &bus->devices,
						 bus_list)
			pci_stop_bus_device(child);
	pci_stop_dev(dev);
}

static void pci_remove_bus(struct pci_bus *bus)
{
	down_write(&pci_bus_sem);
	list_del_init(&bus->node);
	up_write(&pci_bus_sem);

	if (bus->ops->remove_bus)
		bus->ops->remove_bus(bus);
	pci_bus_put(bus);
}

static void pci_destroy_dev(struct pci_dev *dev)
{
	if (test_and_clear_bit(PCI_DEV_REGISTERED, &dev->priv_flags))
		device_del(&dev->dev);

	down_write(&pci_bus_sem);
	list_del_init(&dev->bus_list);
	up_write(&pci_bus_sem);

	put_device(&dev->dev);
}

static void pci_remove_bus_device(struct pci_dev *dev)
{
	struct pci_bus *bus = dev->subordinate;
	struct pci_dev *child, *tmp;

	if (bus) {
		list_for_each_entry_safe(child, tmp, &bus->devices, bus_list)
			pci_remove_bus_device(child);
		pci_remove_bus(bus);
		dev->subordinate = NULL;
	}
	pci_destroy_dev(dev);
}

/**
 * pci_stop_and_remove_bus_device() - unbind and remove a function and
 * everything behind it
 * @dev: the function; the caller's reference, if any, stays valid
 */
void pci_stop_and_remove_bus_device(struct pci_dev *dev)
{
	pci_stop_bus_device(dev);
	pci_remove_bus_device(dev);
}
EXPORT_SYMBOL(pci_stop_and_remove_bus_device);

/**
 * pci_stop_and_remove_bus_device_locked() - the same, under the rescan lock
 * @dev: the function
 */
void pci_stop_and_remove_bus_device_locked(struct pci_dev *dev)
{
	pci_lock_rescan_remove();
	pci_stop_and_remove_bus_device(dev);
	pci_unlock_rescan_remove();
}
EXPORT_SYMBOL_GPL(pci_stop_and_remove_bus_device_locked);

/**
 * pci_stop_root_bus() - unbind the drivers of everything below a root bus
 * @bus: the root bus
 */
void pci_stop_root_bus(struct pci_bus *bus)
{
	struct pci_dev *child, *tmp;

	if (!pci_is_root_bus(bus))
		return;
	list_for_each_entry_safe_reverse(child, tmp, &bus->devices, bus_list)
		pci_stop_bus_device(child);
}
EXPORT_SYMBOL_GPL(pci_stop_root_bus);

/**
 * pci_remove_root_bus() - remove everything below a root bus, and the bus
 * and host bridge themselves
 * @bus: the root bus, stopped with pci_stop_root_bus()
 *
 * Drops the reference that pci_alloc_host_bridge() or
 * pci_create_root_bus() returned to the creator.
 */
void pci_remove_root_bus(struct pci_bus *bus)
{
	struct pci_host_bridge *host;
	struct pci_dev *child, *tmp;

	if (!pci_is_root_bus(bus))
		return;
	host = to_pci_host_bridge(bus->bridge);

	list_for_each_entry_safe(child, tmp, &bus->devices, bus_list)
		pci_remove_bus_device(child);

	host->bus = NULL;
	device_del(&host->dev);
	pci_remove_bus(bus);
	put_device(&host->dev);
}
EXPORT_SYMBOL_GPL(pci_remove_root_bus);
