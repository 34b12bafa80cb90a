/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCI: buses, devices, configuration space access, enumeration, drivers,
 * ACS and DMA aliases.
 *
 * Host environment: a subset of the kernel's PCI core with its semantics.
 * Configuration space is reached only through a root bus's struct pci_ops,
 * which a machine description or a test provides (see <host/pci-fake.h>).
 * Not modelled: BAR sizing and resource assignment (the platform fills
 * in resource[] for the BARs its devices implement), interrupts, power
 * management, hotplug slots, SR-IOV (is_virtfn is always 0), ARI, and the
 * ACS quirk list.
 */
#ifndef LINUX_PCI_H
#define LINUX_PCI_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/kref.h>
#include <linux/device.h>
#include <linux/mod_devicetable.h>
#include <linux/pci_regs.h>
#include <linux/pci_ids.h>
#include <linux/errno.h>
#include <linux/ioport.h>

/* Encoding of device and function numbers. */
#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)
#define PCI_DEVID(bus, devfn)	((((u16)(bus)) << 8) | (devfn))
#define PCI_BUS_NUM(x)		(((x) >> 8) & 0xff)

/* Resource slots of a function: the six standard BARs, then the ROM. */
#define PCI_STD_NUM_BARS	6
#define PCI_ROM_RESOURCE	PCI_STD_NUM_BARS
#define PCI_NUM_RESOURCES	(PCI_ROM_RESOURCE + 1)
#define DEVICE_COUNT_RESOURCE	PCI_NUM_RESOURCES

#define MAX_NR_DEVFNS		256

/* Error codes of the configuration accessors. */
#define PCIBIOS_SUCCESSFUL		0x00
#define PCIBIOS_FUNC_NOT_SUPPORTED	0x81
#define PCIBIOS_BAD_VENDOR_ID		0x83
#define PCIBIOS_DEVICE_NOT_FOUND	0x86
#define PCIBIOS_BAD_REGISTER_NUMBER	0x87
#define PCIBIOS_SET_FAILED		0x88
#define PCIBIOS_BUFFER_TOO_SMALL	0x89

/* What a read of a missing function returns. */
#define PCI_ERROR_RESPONSE		(~0ULL)
#define PCI_SET_ERROR_RESPONSE(val)	(*(val) = ((typeof(*(val))) PCI_ERROR_RESPONSE))
#define PCI_POSSIBLE_ERROR(val)		((val) == ((typeof(val))PCI_ERROR_RESPONSE))

#define PCI_DOMAIN_NR_NOT_SET		(-1)

/**
 * pcibios_err_to_errno() - convert a PCIBIOS code to an errno
 * @err: a PCIBIOS_* code, or a negative errno, or 0
 *
 * Return: 0 or a negative errno.
 */
static inline int pcibios_err_to_errno(int err)
{
	if (err <= PCIBIOS_SUCCESSFUL)
		return err;

	switch (err) {
	case PCIBIOS_FUNC_NOT_SUPPORTED:
		return -ENOENT;
	case PCIBIOS_BAD_VENDOR_ID:
		return -ENOTTY;
	case PCIBIOS_DEVICE_NOT_FOUND:
		return -ENODEV;
	case PCIBIOS_BAD_REGISTER_NUMBER:
		return -EFAULT;
	case PCIBIOS_SET_FAILED:
		return -EIO;
	case PCIBIOS_BUFFER_TOO_SMALL:
		return -ENOSPC;
	}
	return -ERANGE;
}

typedef unsigned short __bitwise pci_dev_flags_t;
enum pci_dev_flags {
	/* INTx disable in the command register breaks MSI */
	PCI_DEV_FLAGS_MSI_INTX_DISABLE_BUG = (__force pci_dev_flags_t)(1 << 0),
	/* never put into D3 */
	PCI_DEV_FLAGS_NO_D3 = (__force pci_dev_flags_t)(1 << 1),
	/* assigned to a guest by a VMM */
	PCI_DEV_FLAGS_ASSIGNED = (__force pci_dev_flags_t)(1 << 2),
	/* ACS status comes from a quirk (not modelled) */
	PCI_DEV_FLAGS_ACS_ENABLED_QUIRK = (__force pci_dev_flags_t)(1 << 3),
	/* a conventional bridge that aliases like a PCIe-to-PCI bridge */
	PCI_DEV_FLAG_PCIE_BRIDGE_ALIAS = (__force pci_dev_flags_t)(1 << 5),
	/* no secondary bus reset */
	PCI_DEV_FLAGS_NO_BUS_RESET = (__force pci_dev_flags_t)(1 << 6),
	/* no PM reset */
	PCI_DEV_FLAGS_NO_PM_RESET = (__force pci_dev_flags_t)(1 << 7),
	/* the IOMMU translation unit sits at this bridge */
	PCI_DEV_FLAGS_BRIDGE_XLATE_ROOT = (__force pci_dev_flags_t)(1 << 9),
	/* no function level reset */
	PCI_DEV_FLAGS_NO_FLR_RESET = (__force pci_dev_flags_t)(1 << 10),
	/* relaxed ordering must stay off */
	PCI_DEV_FLAGS_NO_RELAXED_ORDERING = (__force pci_dev_flags_t)(1 << 11),
};

struct pci_bus;
struct pci_driver;

/**
 * struct pci_ops - configuration space access of a host bridge
 * @add_bus: called for each new child bus (optional)
 * @remove_bus: called for each removed child bus (optional)
 * @map_bus: ECAM-style mapping (unused on the host)
 * @read: read @size (1, 2 or 4) bytes at @where of function @devfn on
 *	  @bus into @val; returns PCIBIOS_SUCCESSFUL or a PCIBIOS error.
 *	  A missing function reads as all ones.
 * @write: write @size bytes of @val at @where
 */
struct pci_ops {
	int (*add_bus)(struct pci_bus *bus);
	void (*remove_bus)(struct pci_bus *bus);
	void __iomem *(*map_bus)(struct pci_bus *bus, unsigned int devfn,
				 int where);
	int (*read)(struct pci_bus *bus, unsigned int devfn, int where,
		    int size, u32 *val);
	int (*write)(struct pci_bus *bus, unsigned int devfn, int where,
		     int size, u32 val);
};

/**
 * struct pci_bus - a PCI bus segment
 * @node: link in the parent's @children (or in the list of root buses)
 * @parent: the bus the bridge to this bus sits on; NULL for a root bus
 * @children: buses behind bridges on this bus
 * @devices: devices on this bus, through pci_dev.bus_list
 * @self: the bridge leading to this bus; NULL for a root bus
 * @ops: configuration access, inherited from the root bus
 * @sysdata: host bridge private data, inherited from the root bus
 * @number: the bus number
 * @primary: the number of the bus the bridge is on
 * @busn_end: the highest bus number routed below this bus
 * @domain_nr: the PCI domain (segment)
 * @name: a name for messages
 * @bridge: the device that is parent of the bus's devices (the host
 *	    bridge device, or the bridge's dev)
 * @kref: private: the bus is freed when the last device and child drop it
 * @is_added: pci_bus_add_devices() ran for the bus
 */
struct pci_bus {
	struct list_head node;
	struct pci_bus	*parent;
	struct list_head children;
	struct list_head devices;
	struct pci_dev	*self;
	struct pci_ops	*ops;
	void		*sysdata;

	unsigned char	number;
	unsigned char	primary;
	unsigned char	busn_end;
	int		domain_nr;
	char		name[48];

	struct device	*bridge;
	struct kref	kref;
	unsigned int	is_added:1;
};

/**
 * struct pci_dev - a PCI function
 * @bus_list: link in bus->devices
 * @bus: the bus the function is on
 * @subordinate: the bus behind it, for a bridge
 * @sysdata: host bridge private data
 * @devfn: device and function number (PCI_DEVFN())
 * @vendor: vendor ID
 * @device: device ID
 * @subsystem_vendor: subsystem vendor ID
 * @subsystem_device: subsystem device ID
 * @class: class code: base class, subclass, programming interface
 * @revision: revision ID
 * @hdr_type: header type without the multifunction bit
 * @pcie_cap: offset of the PCI Express capability, 0 for conventional PCI
 * @msi_cap: offset of the MSI capability
 * @msix_cap: offset of the MSI-X capability
 * @pcie_flags_reg: the PCI Express capabilities register
 * @dma_alias_mask: devfns on the same bus this function also uses for DMA
 * @dma_mask: the DMA mask (dev.dma_mask points here)
 * @dev: the generic device, named like "0000:00:1f.2"
 * @cfg_size: 256 or 4096
 * @match_driver: drivers may bind (set by pci_bus_add_device())
 * @transparent: subtractive-decode bridge
 * @multifunction: part of a multifunction device
 * @is_busmaster: bus mastering enabled
 * @ari_enabled: ARI forwarding enabled (not modelled)
 * @ats_enabled: ATS enabled
 * @pasid_enabled: PASID enabled
 * @pri_enabled: PRI enabled
 * @is_physfn: has SR-IOV virtual functions (never on the host)
 * @is_virtfn: is an SR-IOV virtual function (never on the host)
 * @is_hotplug_bridge: hotplug-capable bridge
 * @untrusted: may be malicious (behind an external-facing port)
 * @external_facing: a port to the outside world, from firmware
 * @pasid_no_tlp: PASID works without End-End TLP prefixes
 * @eetlp_prefix_path: End-End TLP prefixes are supported up to the root
 * @pasid_required: PRG responses need the PASID
 * @dev_flags: PCI_DEV_FLAGS_*
 * @enable_cnt: pci_enable_device() nesting
 * @physfn: the physical function of a virtual function
 * @ats_cap: offset of the ATS capability
 * @ats_stu: ATS smallest translation unit (page shift)
 * @pri_cap: offset of the PRI capability
 * @pri_reqs_alloc: PRI requests allocated
 * @pasid_cap: offset of the PASID capability
 * @pasid_features: PASID features enabled
 * @acs_cap: offset of the ACS capability
 * @priv_flags: private to the PCI core
 * @resource: the BARs (and the ROM) as assigned; an unimplemented BAR has
 *	flags 0
 * @driver_override: if set, only the driver of this name may bind
 *	(kmalloc'ed; freed with the function)
 */
struct pci_dev {
	struct list_head bus_list;
	struct pci_bus	*bus;
	struct pci_bus	*subordinate;
	void		*sysdata;

	unsigned int	devfn;
	unsigned short	vendor;
	unsigned short	device;
	unsigned short	subsystem_vendor;
	unsigned short	subsystem_device;
	unsigned int	class;
	u8		revision;
	u8		hdr_type;
	u8		pcie_cap;
	u8		msi_cap;
	u8		msix_cap;
	u16		pcie_flags_reg;
	unsigned long	*dma_alias_mask;
	u64		dma_mask;

	struct device	dev;
	int		cfg_size;
	bool		match_driver;

	unsigned int	transparent:1;
	unsigned int	multifunction:1;
	unsigned int	is_busmaster:1;
	unsigned int	ari_enabled:1;
	unsigned int	ats_enabled:1;
	unsigned int	pasid_enabled:1;
	unsigned int	pri_enabled:1;
	unsigned int	is_physfn:1;
	unsigned int	is_virtfn:1;
	unsigned int	is_hotplug_bridge:1;
	unsigned int	untrusted:1;
	unsigned int	external_facing:1;
	unsigned int	pasid_no_tlp:1;
	unsigned int	eetlp_prefix_path:1;
	unsigned int	pasid_required:1;
	pci_dev_flags_t dev_flags;
	int		enable_cnt;

	struct pci_dev	*physfn;
	u16		ats_cap;
	u8		ats_stu;
	u16		pri_cap;
	u32		pri_reqs_alloc;
	u16		pasid_cap;
	u16		pasid_features;
	u16		acs_cap;
	unsigned long	priv_flags;
	struct resource	resource[DEVICE_COUNT_RESOURCE];
	const char	*driver_override;
};

#define pci_resource_start(dev, bar)	((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar)	((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar)	((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar)					\
	(pci_resource_end((dev), (bar)) ?				\
	 resource_size(&(dev)->resource[(bar)]) : 0)

/**
 * struct pci_host_bridge - the bridge from the CPU to a PCI hierarchy
 * @dev: the host bridge device ("pci0000:00"), parent of the root bus's
 *	 devices
 * @bus: the root bus
 * @ops: configuration access for the root bus
 * @child_ops: configuration access for child buses (NULL: @ops)
 * @sysdata: private data, passed on to buses and devices
 * @busnr: the root bus number
 * @domain_nr: the domain, or PCI_DOMAIN_NR_NOT_SET to allocate one
 * @windows: address windows (not modelled)
 * @release_fn: called when the bridge is released
 * @release_data: for @release_fn
 * @private: driver private area (pci_host_bridge_priv())
 */
struct pci_host_bridge {
	struct device	dev;
	struct pci_bus	*bus;
	struct pci_ops	*ops;
	struct pci_ops	*child_ops;
	void		*sysdata;
	int		busnr;
	int		domain_nr;
	struct list_head windows;
	void (*release_fn)(struct pci_host_bridge *bridge);
	void		*release_data;
	unsigned long	private[] __aligned(sizeof(unsigned long long));
};

#define to_pci_host_bridge(n) container_of(n, struct pci_host_bridge, dev)

/**
 * pci_host_bridge_priv() - the private area of a host bridge
 * @bridge: the bridge from pci_alloc_host_bridge()
 *
 * Return: the area.
 */
static inline void *pci_host_bridge_priv(struct pci_host_bridge *bridge)
{
	return (void *)bridge->private;
}

/**
 * pci_host_bridge_from_priv() - the host bridge owning a private area
 * @priv: the area
 *
 * Return: the bridge.
 */
static inline struct pci_host_bridge *pci_host_bridge_from_priv(void *priv)
{
	return container_of((unsigned long *)priv, struct pci_host_bridge,
			    private[0]);
}

extern const struct bus_type pci_bus_type;

#define to_pci_dev(n)		container_of(n, struct pci_dev, dev)
#define dev_is_pci(d)		((d)->bus == &pci_bus_type)
/* Walks on from @d, which the caller sets to NULL to start at the first. */
#define for_each_pci_dev(d) \
	for (; ((d) = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)); )

#define pci_emerg(pdev, fmt, arg...)	dev_emerg(&(pdev)->dev, fmt, ##arg)
#define pci_crit(pdev, fmt, arg...)	dev_crit(&(pdev)->dev, fmt, ##arg)
#define pci_alert(pdev, fmt, arg...)	dev_alert(&(pdev)->dev, fmt, ##arg)
#define pci_err(pdev, fmt, arg...)	dev_err(&(pdev)->dev, fmt, ##arg)
#define pci_notice(pdev, fmt, arg...)	dev_notice(&(pdev)->dev, fmt, ##arg)
#define pci_warn(pdev, fmt, arg...)	dev_warn(&(pdev)->dev, fmt, ##arg)
#define pci_info(pdev, fmt, arg...)	dev_info(&(pdev)->dev, fmt, ##arg)
#define pci_dbg(pdev, fmt, arg...)	dev_dbg(&(pdev)->dev, fmt, ##arg)
#define pci_warn_once(pdev, fmt, arg...) dev_warn_once(&(pdev)->dev, fmt, ##arg)
#define pci_info_once(pdev, fmt, arg...) dev_info_once(&(pdev)->dev, fmt, ##arg)

/**
 * pci_domain_nr() - the domain (segment) of a bus
 * @bus: the bus
 *
 * Return: the domain number.
 */
static inline int pci_domain_nr(struct pci_bus *bus)
{
	return bus->domain_nr;
}

/**
 * pci_name() - the name of a PCI function, "DDDD:BB:SS.F"
 * @pdev: the function
 *
 * Return: the name.
 */
static inline const char *pci_name(const struct pci_dev *pdev)
{
	return dev_name(&pdev->dev);
}

/**
 * pci_dev_id() - the requester ID of a function: bus number and devfn
 * @dev: the function
 *
 * Return: the 16-bit ID.
 */
static inline u16 pci_dev_id(struct pci_dev *dev)
{
	return PCI_DEVID(dev->bus->number, dev->devfn);
}

/**
 * pci_is_root_bus() - whether a bus is a root bus
 * @pbus: the bus
 *
 * Return: true if no bridge leads to it.
 */
static inline bool pci_is_root_bus(struct pci_bus *pbus)
{
	return !pbus->parent;
}

/**
 * pci_is_bridge() - whether a function is a PCI-to-PCI or CardBus bridge
 * @dev: the function
 *
 * Return: true for a type 1 or type 2 header.
 */
static inline bool pci_is_bridge(struct pci_dev *dev)
{
	return dev->hdr_type == PCI_HEADER_TYPE_BRIDGE ||
	       dev->hdr_type == PCI_HEADER_TYPE_CARDBUS;
}

/**
 * pci_physfn() - the physical function of a function
 * @dev: the function
 *
 * Return: the PF of a virtual function, else @dev.
 */
static inline struct pci_dev *pci_physfn(struct pci_dev *dev)
{
	if (dev->is_virtfn)
		dev = dev->physfn;
	return dev;
}

/**
 * pci_upstream_bridge() - the bridge above a function
 * @dev: the function
 *
 * Return: the bridge, or NULL on a root bus.
 */
static inline struct pci_dev *pci_upstream_bridge(struct pci_dev *dev)
{
	dev = pci_physfn(dev);
	if (pci_is_root_bus(dev->bus))
		return NULL;
	return dev->bus->self;
}

/**
 * pci_pcie_cap() - offset of the PCI Express capability
 * @dev: the function
 *
 * Return: the offset, 0 for conventional PCI.
 */
static inline int pci_pcie_cap(struct pci_dev *dev)
{
	return dev->pcie_cap;
}

/**
 * pci_is_pcie() - whether a function is PCI Express
 * @dev: the function
 *
 * Return: true if it has a PCI Express capability.
 */
static inline bool pci_is_pcie(struct pci_dev *dev)
{
	return pci_pcie_cap(dev);
}

/**
 * pcie_caps_reg() - the PCI Express capabilities register
 * @dev: the function
 *
 * Return: the register value.
 */
static inline u16 pcie_caps_reg(const struct pci_dev *dev)
{
	return dev->pcie_flags_reg;
}

/**
 * pci_pcie_type() - the PCI Express device/port type
 * @dev: a PCI Express function
 *
 * Return: a PCI_EXP_TYPE_* value.
 */
static inline int pci_pcie_type(const struct pci_dev *dev)
{
	return (pcie_caps_reg(dev) & PCI_EXP_FLAGS_TYPE) >> 4;
}

/**
 * pcie_downstream_port() - whether a function is a downstream-facing port
 * @dev: a PCI Express function
 *
 * Return: true for root ports, switch downstream ports and PCI/PCI-X to
 * PCIe bridges.
 */
static inline bool pcie_downstream_port(const struct pci_dev *dev)
{
	int type = pci_pcie_type(dev);

	return type == PCI_EXP_TYPE_ROOT_PORT ||
	       type == PCI_EXP_TYPE_DOWNSTREAM ||
	       type == PCI_EXP_TYPE_PCIE_BRIDGE;
}

/**
 * pcie_find_root_port() - the root port above a function
 * @dev: the function
 *
 * Return: the root port (possibly @dev itself), or NULL.
 */
static inline struct pci_dev *pcie_find_root_port(struct pci_dev *dev)
{
	for (; dev; dev = pci_upstream_bridge(dev)) {
		if (pci_is_pcie(dev) &&
		    pci_pcie_type(dev) == PCI_EXP_TYPE_ROOT_PORT)
			return dev;
	}
	return NULL;
}

/**
 * pci_get_drvdata() - driver data of a PCI function
 * @pdev: the function
 *
 * Return: the data.
 */
static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

/**
 * pci_set_drvdata() - store driver data in a PCI function
 * @pdev: the function
 * @data: the data
 */
static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

/**
 * pci_dev_is_disconnected() - whether the function was surprise-removed
 * @dev: the function
 *
 * Return: false (surprise removal is not modelled).
 */
static inline bool pci_dev_is_disconnected(const struct pci_dev *dev)
{
	return false;
}

/* Reference counting and lookup. */
struct pci_dev *pci_dev_get(struct pci_dev *dev);
void pci_dev_put(struct pci_dev *dev);
struct pci_dev *pci_get_slot(struct pci_bus *bus, unsigned int devfn);
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn);
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);
struct pci_dev *pci_get_class(unsigned int class, struct pci_dev *from);
struct pci_bus *pci_find_bus(int domain, int busnr);
struct pci_bus *pci_find_next_bus(const struct pci_bus *from);
void pci_walk_bus(struct pci_bus *top, int (*cb)(struct pci_dev *, void *),
		  void *userdata);
struct pci_host_bridge *pci_find_host_bridge(struct pci_bus *bus);

/* Configuration space. */
int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn,
			     int where, u8 *val);
int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn,
			     int where, u16 *val);
int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn,
			      int where, u32 *val);
int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn,
			      int where, u8 val);
int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn,
			      int where, u16 val);
int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn,
			       int where, u32 val);
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);
int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val);
int pcie_capability_read_dword(struct pci_dev *dev, int pos, u32 *val);
int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val);
int pcie_capability_write_dword(struct pci_dev *dev, int pos, u32 val);
bool pci_bus_read_dev_vendor_id(struct pci_bus *bus, int devfn, u32 *l,
				int timeout);

u8 pci_find_capability(struct pci_dev *dev, int cap);
u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap);
u8 pci_bus_find_capability(struct pci_bus *bus, unsigned int devfn, int cap);
u16 pci_find_ext_capability(struct pci_dev *dev, int cap);
u16 pci_find_next_ext_capability(struct pci_dev *dev, u16 start, int cap);

/* Enabling. */
int __must_check pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);

/* ACS and DMA aliases. */
void pci_request_acs(void);
bool pci_acs_enabled(struct pci_dev *pdev, u16 acs_flags);
bool pci_acs_path_enabled(struct pci_dev *start, struct pci_dev *end,
			  u16 acs_flags);
void pci_add_dma_alias(struct pci_dev *dev, u8 devfn_from,
		       unsigned int nr_devfns);
bool pci_devs_are_dma_aliases(struct pci_dev *dev1, struct pci_dev *dev2);
struct pci_dev *pci_real_dma_dev(struct pci_dev *dev);
int pci_for_each_dma_alias(struct pci_dev *pdev,
			   int (*fn)(struct pci_dev *pdev, u16 alias, void *data),
			   void *data);

/* Host bridges, enumeration and removal. */
struct pci_host_bridge *pci_alloc_host_bridge(size_t priv);
void pci_free_host_bridge(struct pci_host_bridge *bridge);
int pci_host_probe(struct pci_host_bridge *bridge);
int pci_scan_root_bus_bridge(struct pci_host_bridge *bridge);
struct pci_bus *pci_create_root_bus(struct device *parent, int bus,
				    struct pci_ops *ops, void *sysdata,
				    struct list_head *resources);
struct pci_bus *pci_scan_root_bus(struct device *parent, int bus,
				  struct pci_ops *ops, void *sysdata,
				  struct list_head *resources);
unsigned int pci_scan_child_bus(struct pci_bus *bus);
int pci_scan_slot(struct pci_bus *bus, int devfn);
struct pci_dev *pci_scan_single_device(struct pci_bus *bus, int devfn);
struct pci_bus *pci_add_new_bus(struct pci_bus *parent, struct pci_dev *dev,
				int busnr);
void pci_bus_add_devices(const struct pci_bus *bus);
void pci_bus_add_device(struct pci_dev *dev);
void pci_stop_and_remove_bus_device(struct pci_dev *dev);
void pci_stop_and_remove_bus_device_locked(struct pci_dev *dev);
void pci_stop_root_bus(struct pci_bus *bus);
void pci_remove_root_bus(struct pci_bus *bus);
void pci_lock_rescan_remove(void);
void pci_unlock_rescan_remove(void);

/**
 * struct pci_driver - a driver of PCI functions
 * @name: the driver name
 * @id_table: the IDs handled, ended by an all-zero entry
 * @probe: binds to a function, with the matching ID table entry
 * @remove: unbinds from a function
 * @shutdown: not used on the host
 * @groups: attribute groups of the driver directory
 * @dev_groups: attribute groups added to bound functions
 * @driver: the embedded driver
 * @driver_managed_dma: the driver does not use the kernel DMA API (e.g.
 *			VFIO); binding then does not claim the default domain
 */
struct pci_driver {
	const char		*name;
	const struct pci_device_id *id_table;
	int  (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	struct device_driver	driver;
	bool driver_managed_dma;
};

#define to_pci_driver(__drv)	\
	((__drv) ? container_of_const((__drv), struct pci_driver, driver) : NULL)

/**
 * pci_dev_driver() - the PCI driver bound to a function
 * @dev: the function
 *
 * Return: the driver, or NULL.
 */
static inline struct pci_driver *pci_dev_driver(const struct pci_dev *dev)
{
	return to_pci_driver(dev->dev.driver);
}

#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

#define PCI_VDEVICE(vend, dev) \
	.vendor = PCI_VENDOR_ID_##vend, .device = (dev), \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0

/*
 * An entry that matches only a function whose driver_override names the
 * driver (VFIO drivers: binding is the administrator's decision).
 */
#define PCI_DRIVER_OVERRIDE_DEVICE_VFIO(vend, dev) \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, \
	.subdevice = PCI_ANY_ID, .override_only = PCI_ID_F_VFIO_DRIVER_OVERRIDE

#define PCI_DEVICE_CLASS(dev_class, dev_class_mask) \
	.class = (dev_class), .class_mask = (dev_class_mask), \
	.vendor = PCI_ANY_ID, .device = PCI_ANY_ID, \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

int __must_check __pci_register_driver(struct pci_driver *drv,
				       struct module *owner,
				       const char *mod_name);
#define pci_register_driver(driver) \
	__pci_register_driver(driver, THIS_MODULE, NULL)
void pci_unregister_driver(struct pci_driver *drv);
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev);

#define module_pci_driver(__pci_driver) \
	module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)

#define builtin_pci_driver(__pci_driver) \
	builtin_driver(__pci_driver, pci_register_driver)

/*
 * Fixups ("quirks"): run for matching functions at the given stage of
 * enumeration. Early fixups run while the header is being read, before the
 * function is registered (they may set untrusted, dev_flags or DMA
 * aliases); header fixups just before the capabilities are read and the
 * function is registered; final fixups in pci_bus_add_device(), before
 * drivers may bind.
 */

/**
 * struct pci_fixup - one fixup
 * @vendor: vendor ID or PCI_ANY_ID
 * @device: device ID or PCI_ANY_ID
 * @class: class code or PCI_ANY_ID
 * @class_shift: bits of the class code to ignore
 * @hook: the fixup
 */
struct pci_fixup {
	u16 vendor;
	u16 device;
	u32 class;
	unsigned int class_shift;
	void (*hook)(struct pci_dev *dev);
};

enum pci_fixup_pass {
	pci_fixup_early,
	pci_fixup_header,
	pci_fixup_final,
};

#define __DECLARE_PCI_FIXUP_SECTION(sec, name, vendor, device, class,	\
				    class_shift, hook)			\
	static const struct pci_fixup __PASTE(__pci_fixup_##name, __LINE__) \
	__used __section(#sec) __aligned(sizeof(void *)) = {		\
		vendor, device, class, class_shift, hook }

#define DECLARE_PCI_FIXUP_EARLY(vendor, device, hook)			\
	__DECLARE_PCI_FIXUP_SECTION(host_pci_fixup_early, hook, vendor,	\
				    device, PCI_ANY_ID, 0, hook)
#define DECLARE_PCI_FIXUP_HEADER(vendor, device, hook)			\
	__DECLARE_PCI_FIXUP_SECTION(host_pci_fixup_header, hook, vendor,	\
				    device, PCI_ANY_ID, 0, hook)
#define DECLARE_PCI_FIXUP_FINAL(vendor, device, hook)			\
	__DECLARE_PCI_FIXUP_SECTION(host_pci_fixup_final, hook, vendor,	\
				    device, PCI_ANY_ID, 0, hook)
#define DECLARE_PCI_FIXUP_CLASS_EARLY(vendor, device, class, shift, hook) \
	__DECLARE_PCI_FIXUP_SECTION(host_pci_fixup_early, hook, vendor,	\
				    device, class, shift, hook)

void pci_fixup_device(enum pci_fixup_pass pass, struct pci_dev *dev);

#endif /* LINUX_PCI_H */
