// SPDX-License-Identifier: GPL-2.0
/*
 * The host PCI core: configuration space access, capability lists, ACS,
 * DMA aliases, lookups and fixups.
 *
 * ACS follows the kernel's rules except that no device-specific ACS quirks
 * exist: conventional PCI devices and PCIe-to-PCI bridges never provide
 * isolation; root and downstream ports need an ACS capability; other PCIe
 * functions need one only when they are part of a multifunction device.
 * Capability bits a function does not implement count as enabled (except
 * egress control).
 */
#include <linux/pci.h>
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/find.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/export.h>

#include "pci-internal.h"
#include "host-sections.h"

DECLARE_RWSEM(pci_bus_sem);
LIST_HEAD(pci_root_buses);

/* Serialises configuration cycles, as the kernel's pci_lock does. */
static DEFINE_SPINLOCK(pci_lock);

/* Set by IOMMU drivers that need ACS enabled on the functions found later. */
static bool pci_acs_enable;

/* ------------------------------------------------------------------------
 * Configuration space.
 */

/*
 * pci_bus_read_config_{byte,word,dword}() and the write counterparts:
 * access the configuration space of function @devfn on @bus at @where,
 * which must be naturally aligned. A failed read yields all ones. They
 * return PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
#define DEFINE_PCI_BUS_READ(name, type)					\
int pci_bus_##name(struct pci_bus *bus, unsigned int devfn, int where,	\
		   typeof(type) *value)					\
{									\
	u32 data = 0;							\
	int res;							\
									\
	if (where & (sizeof(type) - 1)) {				\
		PCI_SET_ERROR_RESPONSE(value);				\
		return PCIBIOS_BAD_REGISTER_NUMBER;			\
	}								\
	spin_lock(&pci_lock);						\
	res = bus->ops->read(bus, devfn, where, sizeof(type), &data);	\
	spin_unlock(&pci_lock);						\
	if (res)							\
		PCI_SET_ERROR_RESPONSE(value);				\
	else								\
		*value = (type)data;					\
	return res;							\
}									\
EXPORT_SYMBOL(pci_bus_##name)

#define DEFINE_PCI_BUS_WRITE(name, type)				\
int pci_bus_##name(struct pci_bus *bus, unsigned int devfn, int where,	\
		   type value)						\
{									\
	int res;							\
									\
	if (where & (sizeof(type) - 1))					\
		return PCIBIOS_BAD_REGISTER_NUMBER;			\
	spin_lock(&pci_lock);						\
	res = bus->ops->write(bus, devfn, where, sizeof(type), value);	\
	spin_unlock(&pci_lock);						\
	return res;							\
}									\
EXPORT_SYMBOL(pci_bus_##name)

DEFINE_PCI_BUS_READ(read_config_byte, u8);
DEFINE_PCI_BUS_READ(read_config_word, u16);
DEFINE_PCI_BUS_READ(read_config_dword, u32);
DEFINE_PCI_BUS_WRITE(write_config_byte, u8);
DEFINE_PCI_BUS_WRITE(write_config_word, u16);
DEFINE_PCI_BUS_WRITE(write_config_dword, u32);

/**
 * pci_read_config_byte() - read a byte of a function's configuration space
 * @dev: the function
 * @where: the offset
 * @val: receives the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	return pci_bus_read_config_byte(dev->bus, dev->devfn, where, val);
}
EXPORT_SYMBOL(pci_read_config_byte);

/**
 * pci_read_config_word() - read 16 bits of a function's configuration space
 * @dev: the function
 * @where: the offset, even
 * @val: receives the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	return pci_bus_read_config_word(dev->bus, dev->devfn, where, val);
}
EXPORT_SYMBOL(pci_read_config_word);

/**
 * pci_read_config_dword() - read 32 bits of a function's configuration space
 * @dev: the function
 * @where: the offset, a multiple of 4
 * @val: receives the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	return pci_bus_read_config_dword(dev->bus, dev->devfn, where, val);
}
EXPORT_SYMBOL(pci_read_config_dword);

/**
 * pci_write_config_byte() - write a byte of a function's configuration space
 * @dev: the function
 * @where: the offset
 * @val: the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	return pci_bus_write_config_byte(dev->bus, dev->devfn, where, val);
}
EXPORT_SYMBOL(pci_write_config_byte);

/**
 * pci_write_config_word() - write 16 bits of a function's configuration space
 * @dev: the function
 * @where: the offset, even
 * @val: the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	return pci_bus_write_config_word(dev->bus, dev->devfn, where, val);
}
EXPORT_SYMBOL(pci_write_config_word);

/**
 * pci_write_config_dword() - write 32 bits of a function's configuration space
 * @dev: the function
 * @where: the offset, a multiple of 4
 * @val: the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	return pci_bus_write_config_dword(dev->bus, dev->devfn, where, val);
}
EXPORT_SYMBOL(pci_write_config_dword);

/* Which registers of the PCI Express capability this function implements. */
static bool pcie_cap_reg_present(struct pci_dev *dev, int pos)
{
	int type;
	bool v2;

	if (!pci_is_pcie(dev))
		return false;

	type = pci_pcie_type(dev);
	v2 = (pcie_caps_reg(dev) & PCI_EXP_FLAGS_VERS) > 1;

	switch (pos) {
	case PCI_EXP_FLAGS:
	case PCI_EXP_DEVCAP:
	case PCI_EXP_DEVCTL:
	case PCI_EXP_DEVSTA:
		return true;
	case PCI_EXP_LNKCAP:
	case PCI_EXP_LNKCTL:
	case PCI_EXP_LNKSTA:
		return type != PCI_EXP_TYPE_RC_END && type != PCI_EXP_TYPE_RC_EC;
	case PCI_EXP_SLTCAP:
	case PCI_EXP_SLTCTL:
	case PCI_EXP_SLTSTA:
		return (type == PCI_EXP_TYPE_ROOT_PORT ||
			type == PCI_EXP_TYPE_DOWNSTREAM) &&
		       (pcie_caps_reg(dev) & PCI_EXP_FLAGS_SLOT);
	case PCI_EXP_RTCTL:
	case PCI_EXP_RTSTA:
		return type == PCI_EXP_TYPE_ROOT_PORT ||
		       type == PCI_EXP_TYPE_RC_EC;
	default:
		return v2 && pos >= PCI_EXP_DEVCAP2 &&
		       pos < PCI_CAP_EXP_ENDPOINT_SIZEOF_V2;
	}
}

/**
 * pcie_capability_read_word() - read a register of the PCIe capability
 * @dev: the function
 * @pos: the register offset within the capability
 * @val: receives the value; 0 for registers the function does not have
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val)
{
	int ret;

	*val = 0;
	if (pos & 1)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (!pcie_cap_reg_present(dev, pos))
		return 0;
	ret = pci_read_config_word(dev, pci_pcie_cap(dev) + pos, val);
	if (ret)
		*val = 0;
	return ret;
}
EXPORT_SYMBOL(pcie_capability_read_word);

/**
 * pcie_capability_read_dword() - read a 32-bit register of the PCIe capability
 * @dev: the function
 * @pos: the register offset within the capability
 * @val: receives the value; 0 for registers the function does not have
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pcie_capability_read_dword(struct pci_dev *dev, int pos, u32 *val)
{
	int ret;

	*val = 0;
	if (pos & 3)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (!pcie_cap_reg_present(dev, pos))
		return 0;
	ret = pci_read_config_dword(dev, pci_pcie_cap(dev) + pos, val);
	if (ret)
		*val = 0;
	return ret;
}
EXPORT_SYMBOL(pcie_capability_read_dword);

/**
 * pcie_capability_write_word() - write a register of the PCIe capability
 * @dev: the function
 * @pos: the register offset within the capability
 * @val: the value; writes to absent registers are dropped
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val)
{
	if (pos & 1)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (!pcie_cap_reg_present(dev, pos))
		return 0;
	return pci_write_config_word(dev, pci_pcie_cap(dev) + pos, val);
}
EXPORT_SYMBOL(pcie_capability_write_word);

/**
 * pcie_capability_write_dword() - write a 32-bit register of the PCIe capability
 * @dev: the function
 * @pos: the register offset within the capability
 * @val: the value; writes to absent registers are dropped
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pcie_capability_write_dword(struct pci_dev *dev, int pos, u32 val)
{
	if (pos & 3)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (!pcie_cap_reg_present(dev, pos))
		return 0;
	return pci_write_config_dword(dev, pci_pcie_cap(dev) + pos, val);
}
EXPORT_SYMBOL(pcie_capability_write_dword);

/**
 * pci_bus_read_dev_vendor_id() - probe whether a function exists
 * @bus: the bus
 * @devfn: the function
 * @l: receives the vendor and device ID dword
 * @timeout: unused (no configuration request retry status on the host)
 *
 * Return: true if a function answered with a plausible ID.
 */
bool pci_bus_read_dev_vendor_id(struct pci_bus *bus, int devfn, u32 *l,
				int timeout)
{
	if (pci_bus_read_config_dword(bus, devfn, PCI_VENDOR_ID, l))
		return false;

	/* All ones or all zeroes in either half: nobody there. */
	if (PCI_POSSIBLE_ERROR(*l) || *l == 0x00000000 ||
	    *l == 0x0000ffff || *l == 0xffff0000)
		return false;
	return true;
}
EXPORT_SYMBOL(pci_bus_read_dev_vendor_id);

/* ------------------------------------------------------------------------
 * Capability lists.
 */

#define PCI_FIND_CAP_TTL	48

static u8 cap_list_start(struct pci_bus *bus, unsigned int devfn, u8 hdr_type)
{
	u16 status;

	pci_bus_read_config_word(bus, devfn, PCI_STATUS, &status);
	if (!(status & PCI_STATUS_CAP_LIST))
		return 0;

	switch (hdr_type & PCI_HEADER_TYPE_MASK) {
	case PCI_HEADER_TYPE_NORMAL:
	case PCI_HEADER_TYPE_BRIDGE:
		return PCI_CAPABILITY_LIST;
	case PCI_HEADER_TYPE_CARDBUS:
		return PCI_CB_CAPABILITY_LIST;
	}
	return 0;
}

/* Follow the list from the pointer at @ptr_pos; give up after a bounded walk. */
static u8 cap_walk(struct pci_bus *bus, unsigned int devfn, u8 ptr_pos, int cap)
{
	int budget = PCI_FIND_CAP_TTL;
	u8 pos;
	u16 ent;

	pci_bus_read_config_byte(bus, devfn, ptr_pos, &pos);
	while (budget--) {
		if (pos < PCI_STD_HEADER_SIZEOF)
			break;
		pos &= ~3;
		pci_bus_read_config_word(bus, devfn, pos, &ent);
		if ((ent & 0xff) == 0xff)
			break;
		if ((ent & 0xff) == cap)
			return pos;
		pos = ent >> 8;
	}
	return 0;
}

/**
 * pci_bus_find_capability() - find a capability of a function by bus/devfn
 * @bus: the bus
 * @devfn: the function
 * @cap: the capability ID (PCI_CAP_ID_*)
 *
 * Return: the offset, or 0 if absent.
 */
u8 pci_bus_find_capability(struct pci_bus *bus, unsigned int devfn, int cap)
{
	u8 hdr_type, start;

	pci_bus_read_config_byte(bus, devfn, PCI_HEADER_TYPE, &hdr_type);
	start = cap_list_start(bus, devfn, hdr_type);
	return start ? cap_walk(bus, devfn, start, cap) : 0;
}
EXPORT_SYMBOL(pci_bus_find_capability);

/**
 * pci_find_capability() - find a capability of a function
 * @dev: the function
 * @cap: the capability ID (PCI_CAP_ID_*)
 *
 * Return: the offset, or 0 if absent.
 */
u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	u8 start = cap_list_start(dev->bus, dev->devfn, dev->hdr_type);

	return start ? cap_walk(dev->bus, dev->devfn, start, cap) : 0;
}
EXPORT_SYMBOL(pci_find_capability);

/**
 * pci_find_next_capability() - find the next instance of a capability
 * @dev: the function
 * @pos: the offset of the previous instance
 * @cap: the capability ID
 *
 * Return: the offset, or 0 if there is no further instance.
 */
u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap)
{
	return cap_walk(dev->bus, dev->devfn, pos + PCI_CAP_LIST_NEXT, cap);
}
EXPORT_SYMBOL(pci_find_next_capability);

/**
 * pci_find_next_ext_capability() - find an extended capability after @start
 * @dev: the function
 * @start: the offset of the previous instance, or 0 to start at the top
 * @cap: the extended capability ID (PCI_EXT_CAP_ID_*)
 *
 * Return: the offset, or 0 if absent (or no extended space).
 */
u16 pci_find_next_ext_capability(struct pci_dev *dev, u16 start, int cap)
{
	int budget = (PCI_CFG_SPACE_EXP_SIZE - PCI_CFG_SPACE_SIZE) / 8;
	u16 pos = PCI_CFG_SPACE_SIZE;
	u32 header;

	if (dev->cfg_size <= PCI_CFG_SPACE_SIZE)
		return 0;
	if (start)
		pos = start;

	if (pci_read_config_dword(dev, pos, &header) != PCIBIOS_SUCCESSFUL)
		return 0;
	/* An empty or absent first header means there are no capabilities. */
	if (header == 0 || PCI_POSSIBLE_ERROR(header))
		return 0;

	while (budget-- > 0) {
		if (PCI_EXT_CAP_ID(header) == cap && pos != start)
			return pos;

		pos = PCI_EXT_CAP_NEXT(header);
		if (pos < PCI_CFG_SPACE_SIZE)
			break;
		if (pci_read_config_dword(dev, pos, &header) != PCIBIOS_SUCCESSFUL)
			break;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(pci_find_next_ext_capability);

/**
 * pci_find_ext_capability() - find an extended capability
 * @dev: the function
 * @cap: the extended capability ID (PCI_EXT_CAP_ID_*)
 *
 * Return: the offset, or 0 if absent.
 */
u16 pci_find_ext_capability(struct pci_dev *dev, int cap)
{
	return pci_find_next_ext_capability(dev, 0, cap);
}
EXPORT_SYMBOL_GPL(pci_find_ext_capability);

/* ------------------------------------------------------------------------
 * Enabling.
 */

static void pci_command_update(struct pci_dev *dev, u16 set, u16 clear)
{
	u16 cmd, new;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	new = (cmd & ~clear) | set;
	if (new != cmd)
		pci_write_config_word(dev, PCI_COMMAND, new);
}

/**
 * pci_enable_device() - enable memory and I/O decoding of a function
 * @dev: the function
 *
 * Calls nest; the function stays enabled until the last disable.
 *
 * Return: 0.
 */
int pci_enable_device(struct pci_dev *dev)
{
	if (dev->enable_cnt++ == 0)
		pci_command_update(dev, PCI_COMMAND_MEMORY | PCI_COMMAND_IO, 0);
	return 0;
}
EXPORT_SYMBOL(pci_enable_device);

/**
 * pci_disable_device() - undo pci_enable_device()
 * @dev: the function
 */
void pci_disable_device(struct pci_dev *dev)
{
	if (WARN(dev->enable_cnt <= 0, "%s: disabling a disabled device\n",
		 pci_name(dev)))
		return;
	if (--dev->enable_cnt == 0) {
		pci_command_update(dev, 0, PCI_COMMAND_MASTER);
		dev->is_busmaster = 0;
	}
}
EXPORT_SYMBOL(pci_disable_device);

/**
 * pci_set_master() - let a function initiate DMA
 * @dev: the function
 */
void pci_set_master(struct pci_dev *dev)
{
	pci_command_update(dev, PCI_COMMAND_MASTER, 0);
	dev->is_busmaster = 1;
}
EXPORT_SYMBOL(pci_set_master);

/**
 * pci_clear_master() - stop a function from initiating DMA
 * @dev: the function
 */
void pci_clear_master(struct pci_dev *dev)
{
	pci_command_update(dev, 0, PCI_COMMAND_MASTER);
	dev->is_busmaster = 0;
}
EXPORT_SYMBOL(pci_clear_master);

/* ------------------------------------------------------------------------
 * ACS.
 */

/**
 * pci_request_acs() - ask for ACS to be enabled on functions found from now on
 *
 * IOMMU drivers call this before PCI enumeration so that isolation-relevant
 * ACS controls (SV, RR, CR, UF, and TB for untrusted functions) get set.
 */
void pci_request_acs(void)
{
	pci_acs_enable = true;
}
EXPORT_SYMBOL_GPL(pci_request_acs);

static void pci_enable_acs(struct pci_dev *dev)
{
	u16 cap, ctrl, want;

	if (!pci_acs_enable || !dev->acs_cap)
		return;

	pci_read_config_word(dev, dev->acs_cap + PCI_ACS_CAP, &cap);
	pci_read_config_word(dev, dev->acs_cap + PCI_ACS_CTRL, &ctrl);

	want = cap & (PCI_ACS_SV | PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_UF);
	/* Untrusted functions also may not send pre-translated requests. */
	if (dev->external_facing || dev->untrusted)
		want |= cap & PCI_ACS_TB;

	if ((ctrl | want) != ctrl)
		pci_write_config_word(dev, dev->acs_cap + PCI_ACS_CTRL,
				      ctrl | want);
}

/**
 * pci_acs_init() - find the ACS capability and enable it if requested
 * @dev: a newly found function
 */
void pci_acs_init(struct pci_dev *dev)
{
	dev->acs_cap = pci_find_ext_capability(dev, PCI_EXT_CAP_ID_ACS);
	pci_enable_acs(dev);
}

/* Whether the ACS controls in @acs_flags are set, for a function with ACS. */
static bool pci_acs_flags_enabled(struct pci_dev *pdev, u16 acs_flags)
{
	u16 cap, ctrl;

	if (!pdev->acs_cap)
		return false;

	/*
	 * A control the function does not implement cannot be turned off,
	 * so it counts as enabled; egress control is the exception and must
	 * really be there.
	 */
	pci_read_config_word(pdev, pdev->acs_cap + PCI_ACS_CAP, &cap);
	acs_flags &= cap | PCI_ACS_EC;

	pci_read_config_word(pdev, pdev->acs_cap + PCI_ACS_CTRL, &ctrl);
	return (ctrl & acs_flags) == acs_flags;
}

/**
 * pci_acs_enabled() - whether a function provides the given ACS isolation
 * @pdev: the function
 * @acs_flags: the PCI_ACS_* controls needed
 *
 * The answer is about effective isolation: single-function endpoints need
 * no ACS capability because they have nothing to redirect, so they pass.
 * Device-specific ACS quirks are not modelled.
 *
 * Return: true if the function isolates as required.
 */
bool pci_acs_enabled(struct pci_dev *pdev, u16 acs_flags)
{
	/* A shared conventional bus lets everyone see everyone's DMA. */
	if (!pci_is_pcie(pdev))
		return false;

	switch (pci_pcie_type(pdev)) {
	case PCI_EXP_TYPE_PCIE_BRIDGE:
	case PCI_EXP_TYPE_PCI_BRIDGE:
	case PCI_EXP_TYPE_RC_EC:
		/* The spec rules ACS out for these; assume no isolation. */
		return false;
	case PCI_EXP_TYPE_DOWNSTREAM:
	case PCI_EXP_TYPE_ROOT_PORT:
		/* Ports must say what they do with peer-to-peer traffic. */
		return pci_acs_flags_enabled(pdev, acs_flags);
	case PCI_EXP_TYPE_ENDPOINT:
	case PCI_EXP_TYPE_UPSTREAM:
	case PCI_EXP_TYPE_LEG_END:
	case PCI_EXP_TYPE_RC_END:
		/* Only functions of a multifunction device can talk to peers. */
		if (pdev->multifunction)
			return pci_acs_flags_enabled(pdev, acs_flags);
		return true;
	}
	return true;
}
EXPORT_SYMBOL_GPL(pci_acs_enabled);

/**
 * pci_acs_path_enabled() - whether ACS holds from a function up to a bridge
 * @start: the function to start at
 * @end: the last bridge to check, or NULL to go up to the root bus
 * @acs_flags: the PCI_ACS_* controls needed
 *
 * Return: true if every function on the way isolates as required (and, for
 * @end == NULL, the walk reached the root bus).
 */
bool pci_acs_path_enabled(struct pci_dev *start, struct pci_dev *end,
			  u16 acs_flags)
{
	struct pci_dev *pdev = start;

	for (;;) {
		if (!pci_acs_enabled(pdev, acs_flags))
			return false;
		if (pci_is_root_bus(pdev->bus))
			return !end;
		if (pdev == end)
			return true;
		pdev = pdev->bus->self;
	}
}
EXPORT_SYMBOL_GPL(pci_acs_path_enabled);

/* ------------------------------------------------------------------------
 * DMA aliases.
 */

/**
 * pci_add_dma_alias() - record that a function also uses other devfns for DMA
 * @dev: the function
 * @devfn_from: the first aliased devfn on the same bus
 * @nr_devfns: how many consecutive devfns (clipped at the end of the bus)
 *
 * Used by fixups before the function is added, so that IOMMU grouping sees
 * the aliases.
 */
void pci_add_dma_alias(struct pci_dev *dev, u8 devfn_from,
		       unsigned int nr_devfns)
{
	unsigned int i;

	nr_devfns = min(nr_devfns, (unsigned int)MAX_NR_DEVFNS - devfn_from);

	if (!dev->dma_alias_mask)
		dev->dma_alias_mask = kcalloc(BITS_TO_LONGS(MAX_NR_DEVFNS),
					      sizeof(unsigned long),
					      GFP_KERNEL);
	if (!dev->dma_alias_mask) {
		pci_warn(dev, "cannot allocate the DMA alias mask\n");
		return;
	}

	for (i = 0; i < nr_devfns; i++)
		set_bit(devfn_from + i, dev->dma_alias_mask);

	if (nr_devfns == 1)
		pci_info(dev, "DMA alias to %02x.%d\n",
			 PCI_SLOT(devfn_from), PCI_FUNC(devfn_from));
	else if (nr_devfns > 1)
		pci_info(dev, "DMA aliases %02x.%d to %02x.%d\n",
			 PCI_SLOT(devfn_from), PCI_FUNC(devfn_from),
			 PCI_SLOT(devfn_from + nr_devfns - 1),
			 PCI_FUNC(devfn_from + nr_devfns - 1));
}
EXPORT_SYMBOL_GPL(pci_add_dma_alias);

/**
 * pci_real_dma_dev() - the function that really issues DMA for @dev
 * @dev: the function
 *
 * Return: @dev (no VMD-style proxies on the host).
 */
struct pci_dev *pci_real_dma_dev(struct pci_dev *dev)
{
	return dev;
}
EXPORT_SYMBOL_GPL(pci_real_dma_dev);

/**
 * pci_devs_are_dma_aliases() - whether two functions alias each other
 * @dev1: one function
 * @dev2: another function on the same bus
 *
 * Return: true if either lists the other's devfn as a DMA alias.
 */
bool pci_devs_are_dma_aliases(struct pci_dev *dev1, struct pci_dev *dev2)
{
	return (dev1->dma_alias_mask &&
		test_bit(dev2->devfn, dev1->dma_alias_mask)) ||
	       (dev2->dma_alias_mask &&
		test_bit(dev1->devfn, dev2->dma_alias_mask)) ||
	       pci_real_dma_dev(dev1) == dev2 ||
	       pci_real_dma_dev(dev2) == dev1;
}
EXPORT_SYMBOL_GPL(pci_devs_are_dma_aliases);

/**
 * pci_for_each_dma_alias() - visit every requester ID a function's DMA may carry
 * @pdev: the function
 * @fn: called with the function that owns the ID and the ID; a non-zero
 *	return stops the walk
 * @data: passed to @fn
 *
 * Order: the function's own ID, its explicit aliases on its bus, then the
 * IDs bridges on the way up substitute: a PCIe-to-PCI/PCI-X bridge tags
 * forwarded requests with (secondary bus, devfn 0); a PCI/PCI-X-to-PCIe
 * bridge and a conventional PCI bridge with their own ID (or, for a
 * conventional bridge flagged PCI_DEV_FLAG_PCIE_BRIDGE_ALIAS, with the
 * secondary-bus form). PCIe root and switch ports forward IDs unchanged.
 * The walk stops below a bridge flagged PCI_DEV_FLAGS_BRIDGE_XLATE_ROOT.
 *
 * Return: the value that stopped the walk, or 0.
 */
int pci_for_each_dma_alias(struct pci_dev *pdev,
			   int (*fn)(struct pci_dev *pdev, u16 alias, void *data),
			   void *data)
{
	struct pci_bus *bus;
	int ret;

	pdev = pci_real_dma_dev(pdev);

	ret = fn(pdev, pci_dev_id(pdev), data);
	if (ret)
		return ret;

	if (unlikely(pdev->dma_alias_mask)) {
		unsigned int devfn;

		for_each_set_bit(devfn, pdev->dma_alias_mask, MAX_NR_DEVFNS) {
			ret = fn(pdev, PCI_DEVID(pdev->bus->number, devfn), data);
			if (ret)
				return ret;
		}
	}

	for (bus = pdev->bus; !pci_is_root_bus(bus); bus = bus->parent) {
		struct pci_dev *bridge = bus->self;
		u16 alias;

		/* A bus without a bridge device (virtual) adds no alias. */
		if (!bridge)
			continue;

		if (bridge->dev_flags & PCI_DEV_FLAGS_BRIDGE_XLATE_ROOT)
			return ret;

		if (pci_is_pcie(bridge)) {
			switch (pci_pcie_type(bridge)) {
			case PCI_EXP_TYPE_ROOT_PORT:
			case PCI_EXP_TYPE_UPSTREAM:
			case PCI_EXP_TYPE_DOWNSTREAM:
				continue;
			case PCI_EXP_TYPE_PCI_BRIDGE:
				alias = PCI_DEVID(bridge->subordinate->number,
						  PCI_DEVFN(0, 0));
				break;
			case PCI_EXP_TYPE_PCIE_BRIDGE:
				alias = pci_dev_id(bridge);
				break;
			default:
				continue;
			}
		} else if (bridge->dev_flags & PCI_DEV_FLAG_PCIE_BRIDGE_ALIAS) {
			alias = PCI_DEVID(bridge->subordinate->number,
					  PCI_DEVFN(0, 0));
		} else {
			alias = pci_dev_id(bridge);
		}

		ret = fn(bridge, alias, data);
		if (ret)
			return ret;
	}
	return ret;
}
EXPORT_SYMBOL_GPL(pci_for_each_dma_alias);

/* ------------------------------------------------------------------------
 * References and lookups.
 */

/**
 * pci_dev_get() - take a reference on a function
 * @dev: the function, or NULL
 *
 * Return: @dev.
 */
struct pci_dev *pci_dev_get(struct pci_dev *dev)
{
	if (dev)
		get_device(&dev->dev);
	return dev;
}
EXPORT_SYMBOL(pci_dev_get);

/**
 * pci_dev_put() - drop a reference on a function
 * @dev: the function, or NULL
 */
void pci_dev_put(struct pci_dev *dev)
{
	if (dev)
		put_device(&dev->dev);
}
EXPORT_SYMBOL(pci_dev_put);

/**
 * pci_get_slot() - find a function on a bus
 * @bus: the bus
 * @devfn: the function
 *
 * Return: the function with a reference taken (pci_dev_put() it), or NULL.
 */
struct pci_dev *pci_get_slot(struct pci_bus *bus, unsigned int devfn)
{
	struct pci_dev *dev, *found = NULL;

	down_read(&pci_bus_sem);
	list_for_each_entry(dev, &bus->devices, bus_list) {
		if (dev->devfn == devfn) {
			found = pci_dev_get(dev);
			break;
		}
	}
	up_read(&pci_bus_sem);
	return found;
}
EXPORT_SYMBOL(pci_get_slot);

struct pci_lookup {
	unsigned int vendor, device, class;
	bool by_class;
	int domain;
	int busnr;
	int devfn;
};

static int pci_lookup_match(struct device *dev, const void *data)
{
	const struct pci_lookup *l = data;
	struct pci_dev *pdev = to_pci_dev(dev);

	if (l->domain >= 0)
		return pci_domain_nr(pdev->bus) == l->domain &&
		       pdev->bus->number == l->busnr &&
		       pdev->devfn == l->devfn;
	if (l->by_class)
		return pdev->class == l->class;
	return (l->vendor == PCI_ANY_ID || l->vendor == pdev->vendor) &&
	       (l->device == PCI_ANY_ID || l->device == pdev->device);
}

static struct pci_dev *pci_lookup_next(const struct pci_lookup *l,
				       struct pci_dev *from)
{
	struct device *dev;

	dev = bus_find_device(&pci_bus_type, from ? &from->dev : NULL, l,
			      pci_lookup_match);
	pci_dev_put(from);
	return dev ? to_pci_dev(dev) : NULL;
}

/**
 * pci_get_device() - iterate functions by vendor and device ID
 * @vendor: the vendor ID or PCI_ANY_ID
 * @device: the device ID or PCI_ANY_ID
 * @from: the previous match (its reference is dropped), or NULL
 *
 * Return: the next match with a reference taken, or NULL.
 */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from)
{
	struct pci_lookup l = {
		.vendor = vendor, .device = device, .domain = -1,
	};

	return pci_lookup_next(&l, from);
}
EXPORT_SYMBOL(pci_get_device);

/**
 * pci_get_class() - iterate functions by class code
 * @class: the 24-bit class code
 * @from: the previous match (its reference is dropped), or NULL
 *
 * Return: the next match with a reference taken, or NULL.
 */
struct pci_dev *pci_get_class(unsigned int class, struct pci_dev *from)
{
	struct pci_lookup l = { .class = class, .by_class = true, .domain = -1 };

	return pci_lookup_next(&l, from);
}
EXPORT_SYMBOL(pci_get_class);

/**
 * pci_get_domain_bus_and_slot() - find a function by its full address
 * @domain: the domain
 * @bus: the bus number
 * @devfn: the device and function
 *
 * Return: the function with a reference taken, or NULL.
 */
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn)
{
	struct pci_lookup l = { .domain = domain, .busnr = bus, .devfn = devfn };

	return pci_lookup_next(&l, NULL);
}
EXPORT_SYMBOL(pci_get_domain_bus_and_slot);

static struct pci_bus *find_bus_below(struct pci_bus *bus, int busnr)
{
	struct pci_bus *child, *found;

	if (bus->number == busnr)
		return bus;
	list_for_each_entry(child, &bus->children, node) {
		found = find_bus_below(child, busnr);
		if (found)
			return found;
	}
	return NULL;
}

/**
 * pci_find_bus() - find a bus by domain and number
 * @domain: the domain
 * @busnr: the bus number
 *
 * Return: the bus (not referenced), or NULL.
 */
struct pci_bus *pci_find_bus(int domain, int busnr)
{
	struct pci_bus *root, *found = NULL;

	down_read(&pci_bus_sem);
	list_for_each_entry(root, &pci_root_buses, node) {
		if (pci_domain_nr(root) != domain)
			continue;
		found = find_bus_below(root, busnr);
		if (found)
			break;
	}
	up_read(&pci_bus_sem);
	return found;
}
EXPORT_SYMBOL(pci_find_bus);

/**
 * pci_find_next_bus() - iterate the root buses
 * @from: the previous root bus, or NULL
 *
 * Return: the next root bus, or NULL.
 */
struct pci_bus *pci_find_next_bus(const struct pci_bus *from)
{
	struct list_head *n;
	struct pci_bus *b = NULL;

	down_read(&pci_bus_sem);
	n = from ? from->node.next : pci_root_buses.next;
	if (n != &pci_root_buses)
		b = list_entry(n, struct pci_bus, node);
	up_read(&pci_bus_sem);
	return b;
}
EXPORT_SYMBOL(pci_find_next_bus);

static int walk_bus(struct pci_bus *bus, int (*cb)(struct pci_dev *, void *),
		    void *userdata)
{
	struct pci_dev *dev;
	int ret;

	list_for_each_entry(dev, &bus->devices, bus_list) {
		ret = cb(dev, userdata);
		if (ret)
			return ret;
		if (dev->subordinate) {
			ret = walk_bus(dev->subordinate, cb, userdata);
			if (ret)
				return ret;
		}
	}
	return 0;
}

/**
 * pci_walk_bus() - call a function for every function below a bus
 * @top: the bus
 * @cb: the callback, run with the bus lists locked for reading (it must
 *	not add or remove functions); non-zero stops the walk
 * @userdata: passed to @cb
 */
void pci_walk_bus(struct pci_bus *top, int (*cb)(struct pci_dev *, void *),
		  void *userdata)
{
	down_read(&pci_bus_sem);
	walk_bus(top, cb, userdata);
	up_read(&pci_bus_sem);
}
EXPORT_SYMBOL_GPL(pci_walk_bus);

/**
 * pci_find_host_bridge() - the host bridge of a bus
 * @bus: the bus
 *
 * Return: the host bridge.
 */
struct pci_host_bridge *pci_find_host_bridge(struct pci_bus *bus)
{
	while (bus->parent)
		bus = bus->parent;
	return to_pci_host_bridge(bus->bridge);
}
EXPORT_SYMBOL_GPL(pci_find_host_bridge);

/* ------------------------------------------------------------------------
 * Fixups.
 */

static void run_fixups(struct pci_dev *dev, const struct pci_fixup *f,
		       const struct pci_fixup *end)
{
	for (; f && f < end; f++) {
		if ((f->class == (u32)(dev->class >> f->class_shift) ||
		     f->class == (u32)PCI_ANY_ID) &&
		    (f->vendor == dev->vendor || f->vendor == (u16)PCI_ANY_ID) &&
		    (f->device == dev->device || f->device == (u16)PCI_ANY_ID))
			f->hook(dev);
	}
}

/**
 * pci_fixup_device() - run the fixups of one stage for a function
 * @pass: the stage
 * @dev: the function
 */
void pci_fixup_device(enum pci_fixup_pass pass, struct pci_dev *dev)
{
	switch (pass) {
	case pci_fixup_early:
		run_fixups(dev, __start_host_pci_fixup_early,
			   __stop_host_pci_fixup_early);
		break;
	case pci_fixup_header:
		run_fixups(dev, __start_host_pci_fixup_header,
			   __stop_host_pci_fixup_header);
		break;
	case pci_fixup_final:
		run_fixups(dev, __start_host_pci_fixup_final,
			   __stop_host_pci_fixup_final);
		break;
	}
}
EXPORT_SYMBOL(pci_fixup_device);
