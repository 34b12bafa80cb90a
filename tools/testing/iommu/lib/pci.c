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
#include <linux/bitmap.h>
#include <linux/pci.h>
#include <linux/find.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/export.h>

#include "host-sections.h"
#include "pci-internal.h"

DECLARE_RWSEM(pci_bus_sem);
LIST_HEAD(pci_root_buses);

/* One configuration cycle at a time, machine wide */
static DEFINE_SPINLOCK(pci_cfg_lock);

/* Set by IOMMU drivers that need ACS enabled on the functions found later */
static bool pci_acs_wanted;

/* === Configuration space === */

/*
 * One access of @size bytes (1, 2 or 4) at @where, which must be naturally
 * aligned. A read that fails leaves all ones in *val.
 */
static int pci_cfg_access(struct pci_bus *bus, unsigned int devfn, int where,
			  int size, u32 *val, bool write)
{
	int rc;

	if (where & (size - 1)) {
		rc = PCIBIOS_BAD_REGISTER_NUMBER;
	} else {
		spin_lock(&pci_cfg_lock);
		if (write)
			rc = bus->ops->write(bus, devfn, where, size, *val);
		else
			rc = bus->ops->read(bus, devfn, where, size, val);
		spin_unlock(&pci_cfg_lock);
	}

	if (rc && !write)
		*val = ~0U;
	return rc;
}

/**
 * pci_bus_read_config_byte() - read a configuration byte by bus and devfn
 * @bus: the bus
 * @devfn: the function
 * @off: the offset
 * @out: receives the value (0xff on failure)
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn, int off,
			     u8 *out)
{
	u32 v;
	int rc = pci_cfg_access(bus, devfn, off, 1, &v, false);

	*out = v;
	return rc;
}
EXPORT_SYMBOL(pci_bus_read_config_byte);

/**
 * pci_bus_read_config_word() - read 16 configuration bits by bus and devfn
 * @bus: the bus
 * @devfn: the function
 * @off: the offset, even
 * @out: receives the value (0xffff on failure)
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn, int off,
			     u16 *out)
{
	u32 v;
	int rc = pci_cfg_access(bus, devfn, off, 2, &v, false);

	*out = v;
	return rc;
}
EXPORT_SYMBOL(pci_bus_read_config_word);

/**
 * pci_bus_read_config_dword() - read 32 configuration bits by bus and devfn
 * @bus: the bus
 * @devfn: the function
 * @off: the offset, a multiple of 4
 * @out: receives the value (all ones on failure)
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn, int off,
			      u32 *out)
{
	return pci_cfg_access(bus, devfn, off, 4, out, false);
}
EXPORT_SYMBOL(pci_bus_read_config_dword);

/**
 * pci_bus_write_config_byte() - write a configuration byte by bus and devfn
 * @bus: the bus
 * @devfn: the function
 * @off: the offset
 * @v: the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn, int off,
			      u8 v)
{
	u32 wide = v;

	return pci_cfg_access(bus, devfn, off, 1, &wide, true);
}
EXPORT_SYMBOL(pci_bus_write_config_byte);

/**
 * pci_bus_write_config_word() - write 16 configuration bits by bus and devfn
 * @bus: the bus
 * @devfn: the function
 * @off: the offset, even
 * @v: the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn, int off,
			      u16 v)
{
	u32 wide = v;

	return pci_cfg_access(bus, devfn, off, 2, &wide, true);
}
EXPORT_SYMBOL(pci_bus_write_config_word);

/**
 * pci_bus_write_config_dword() - write 32 configuration bits by bus and devfn
 * @bus: the bus
 * @devfn: the function
 * @off: the offset, a multiple of 4
 * @v: the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn,
			       int off, u32 v)
{
	return pci_cfg_access(bus, devfn, off, 4, &v, true);
}
EXPORT_SYMBOL(pci_bus_write_config_dword);

/**
 * pci_read_config_byte() - read a byte of a function's configuration space
 * @pdev: the function
 * @off: the offset
 * @out: receives the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_read_config_byte(const struct pci_dev *pdev, int off, u8 *out)
{
	return pci_bus_read_config_byte(pdev->bus, pdev->devfn, off, out);
}
EXPORT_SYMBOL(pci_read_config_byte);

/**
 * pci_read_config_word() - read 16 bits of a function's configuration space
 * @pdev: the function
 * @off: the offset, even
 * @out: receives the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_read_config_word(const struct pci_dev *pdev, int off, u16 *out)
{
	return pci_bus_read_config_word(pdev->bus, pdev->devfn, off, out);
}
EXPORT_SYMBOL(pci_read_config_word);

/**
 * pci_read_config_dword() - read 32 bits of a function's configuration space
 * @pdev: the function
 * @off: the offset, a multiple of 4
 * @out: receives the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_read_config_dword(const struct pci_dev *pdev, int off, u32 *out)
{
	return pci_bus_read_config_dword(pdev->bus, pdev->devfn, off, out);
}
EXPORT_SYMBOL(pci_read_config_dword);

/**
 * pci_write_config_byte() - write a byte of a function's configuration space
 * @pdev: the function
 * @off: the offset
 * @v: the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_write_config_byte(const struct pci_dev *pdev, int off, u8 v)
{
	return pci_bus_write_config_byte(pdev->bus, pdev->devfn, off, v);
}
EXPORT_SYMBOL(pci_write_config_byte);

/**
 * pci_write_config_word() - write 16 bits of a function's configuration space
 * @pdev: the function
 * @off: the offset, even
 * @v: the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_write_config_word(const struct pci_dev *pdev, int off, u16 v)
{
	return pci_bus_write_config_word(pdev->bus, pdev->devfn, off, v);
}
EXPORT_SYMBOL(pci_write_config_word);

/**
 * pci_write_config_dword() - write 32 bits of a function's configuration space
 * @pdev: the function
 * @off: the offset, a multiple of 4
 * @v: the value
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pci_write_config_dword(const struct pci_dev *pdev, int off, u32 v)
{
	return pci_bus_write_config_dword(pdev->bus, pdev->devfn, off, v);
}
EXPORT_SYMBOL(pci_write_config_dword);

/* === The PCI Express capability === */

/* Which functions implement a register of the PCIe capability (version 1) */
enum pcie_reg_owner {
	PCIE_REG_EVERYONE,	/* device registers */
	PCIE_REG_LINKED,	/* link registers: all but RC-integrated */
	PCIE_REG_SLOTTED,	/* slot registers: ports with a slot */
	PCIE_REG_ROOT,		/* root registers: root ports, event collectors */
};

static const struct {
	u8 reg;
	u8 owner;
} pcie_v1_regs[] = {
	{ PCI_EXP_FLAGS, PCIE_REG_EVERYONE },
	{ PCI_EXP_DEVCAP, PCIE_REG_EVERYONE },
	{ PCI_EXP_DEVCTL, PCIE_REG_EVERYONE },
	{ PCI_EXP_DEVSTA, PCIE_REG_EVERYONE },
	{ PCI_EXP_LNKCAP, PCIE_REG_LINKED },
	{ PCI_EXP_LNKCTL, PCIE_REG_LINKED },
	{ PCI_EXP_LNKSTA, PCIE_REG_LINKED },
	{ PCI_EXP_SLTCAP, PCIE_REG_SLOTTED },
	{ PCI_EXP_SLTCTL, PCIE_REG_SLOTTED },
	{ PCI_EXP_SLTSTA, PCIE_REG_SLOTTED },
	{ PCI_EXP_RTCTL, PCIE_REG_ROOT },
	{ PCI_EXP_RTSTA, PCIE_REG_ROOT },
};

static bool pcie_reg_owned_by(struct pci_dev *pdev, enum pcie_reg_owner owner)
{
	int type = pci_pcie_type(pdev);

	switch (owner) {
	case PCIE_REG_EVERYONE:
		return true;
	case PCIE_REG_LINKED:
		return type != PCI_EXP_TYPE_RC_END && type != PCI_EXP_TYPE_RC_EC;
	case PCIE_REG_SLOTTED:
		if (type != PCI_EXP_TYPE_ROOT_PORT &&
		    type != PCI_EXP_TYPE_DOWNSTREAM)
			return false;
		return pcie_caps_reg(pdev) & PCI_EXP_FLAGS_SLOT;
	case PCIE_REG_ROOT:
		return type == PCI_EXP_TYPE_ROOT_PORT ||
		       type == PCI_EXP_TYPE_RC_EC;
	}
	return false;
}

/* Does @pdev implement the register at @reg of its PCIe capability? */
static bool pcie_has_reg(struct pci_dev *pdev, int reg)
{
	unsigned int i;

	if (!pci_is_pcie(pdev))
		return false;

	for (i = 0; i < ARRAY_SIZE(pcie_v1_regs); i++)
		if (pcie_v1_regs[i].reg == reg)
			return pcie_reg_owned_by(pdev, pcie_v1_regs[i].owner);

	/* The second half only exists from capability version 2 on */
	if ((pcie_caps_reg(pdev) & PCI_EXP_FLAGS_VERS) < 2)
		return false;
	return reg >= PCI_EXP_DEVCAP2 && reg < PCI_CAP_EXP_ENDPOINT_SIZEOF_V2;
}

/*
 * Access a register of the PCIe capability. Registers the function does
 * not implement read as 0 and ignore writes.
 */
static int pcie_cap_access(struct pci_dev *pdev, int reg, int size, u32 *val,
			   bool write)
{
	int at = pci_pcie_cap(pdev) + reg;
	u16 half;
	int rc;

	if (!write)
		*val = 0;
	if (reg & (size - 1))
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (!pcie_has_reg(pdev, reg))
		return PCIBIOS_SUCCESSFUL;

	if (write)
		return size == 2 ? pci_write_config_word(pdev, at, *val) :
				   pci_write_config_dword(pdev, at, *val);

	if (size == 2) {
		rc = pci_read_config_word(pdev, at, &half);
		*val = half;
	} else {
		rc = pci_read_config_dword(pdev, at, val);
	}
	if (rc)
		*val = 0;
	return rc;
}

/**
 * pcie_capability_read_word() - read a register of the PCIe capability
 * @pdev: the function
 * @reg: the register offset within the capability
 * @out: receives the value; 0 for registers the function does not have
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pcie_capability_read_word(struct pci_dev *pdev, int reg, u16 *out)
{
	u32 v;
	int rc = pcie_cap_access(pdev, reg, 2, &v, false);

	*out = v;
	return rc;
}
EXPORT_SYMBOL(pcie_capability_read_word);

/**
 * pcie_capability_read_dword() - read a 32-bit register of the PCIe capability
 * @pdev: the function
 * @reg: the register offset within the capability
 * @out: receives the value; 0 for registers the function does not have
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pcie_capability_read_dword(struct pci_dev *pdev, int reg, u32 *out)
{
	return pcie_cap_access(pdev, reg, 4, out, false);
}
EXPORT_SYMBOL(pcie_capability_read_dword);

/**
 * pcie_capability_write_word() - write a register of the PCIe capability
 * @pdev: the function
 * @reg: the register offset within the capability
 * @v: the value; writes to absent registers are dropped
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pcie_capability_write_word(struct pci_dev *pdev, int reg, u16 v)
{
	u32 wide = v;

	return pcie_cap_access(pdev, reg, 2, &wide, true);
}
EXPORT_SYMBOL(pcie_capability_write_word);

/**
 * pcie_capability_write_dword() - write a 32-bit register of the PCIe capability
 * @pdev: the function
 * @reg: the register offset within the capability
 * @v: the value; writes to absent registers are dropped
 *
 * Return: PCIBIOS_SUCCESSFUL or a PCIBIOS error code.
 */
int pcie_capability_write_dword(struct pci_dev *pdev, int reg, u32 v)
{
	return pcie_cap_access(pdev, reg, 4, &v, true);
}
EXPORT_SYMBOL(pcie_capability_write_dword);

/**
 * pci_bus_read_dev_vendor_id() - probe whether a function exists
 * @bus: the bus
 * @devfn: the function
 * @id: receives the vendor and device ID dword
 * @timeout: unused (no configuration request retry status on the host)
 *
 * Return: true if a function answered with a plausible ID.
 */
bool pci_bus_read_dev_vendor_id(struct pci_bus *bus, int devfn, u32 *id,
				int timeout)
{
	if (pci_bus_read_config_dword(bus, devfn, PCI_VENDOR_ID, id))
		return false;

	/* Empty slots answer with all ones or all zeroes in the halves */
	switch (*id) {
	case 0x00000000:
	case 0x0000ffff:
	case 0xffff0000:
	case 0xffffffff:
		return false;
	}
	return true;
}
EXPORT_SYMBOL(pci_bus_read_dev_vendor_id);

/* === Capability lists === */

/* Bounds the walk of a (possibly looping) standard capability list */
#define PCI_CAP_MAX_HOPS	48

/*
 * The configuration offset that holds the pointer to the first standard
 * capability, or 0 if the function has no list.
 */
static u8 pci_cap_list_head(struct pci_bus *bus, unsigned int devfn, u8 hdr)
{
	u16 status;
	u8 head;

	switch (hdr & PCI_HEADER_TYPE_MASK) {
	case PCI_HEADER_TYPE_NORMAL:
	case PCI_HEADER_TYPE_BRIDGE:
		head = PCI_CAPABILITY_LIST;
		break;
	case PCI_HEADER_TYPE_CARDBUS:
		head = PCI_CB_CAPABILITY_LIST;
		break;
	default:
		return 0;
	}

	pci_bus_read_config_word(bus, devfn, PCI_STATUS, &status);
	return (status & PCI_STATUS_CAP_LIST) ? head : 0;
}

/*
 * Follow the capability chain whose first pointer sits at offset @link,
 * looking for ID @want. Pointers into the header or an ID of 0xff end it.
 */
static u8 pci_cap_chase(struct pci_bus *bus, unsigned int devfn, u8 link,
			int want)
{
	unsigned int hops;
	u8 at;

	pci_bus_read_config_byte(bus, devfn, link, &at);
	for (hops = 0; hops < PCI_CAP_MAX_HOPS; hops++) {
		u16 hdr;
		u8 id;

		if (at < PCI_STD_HEADER_SIZEOF)
			return 0;
		at = ALIGN_DOWN(at, 4);
		pci_bus_read_config_word(bus, devfn, at, &hdr);
		id = hdr & 0xff;
		if (id == want)
			return at;
		if (id == 0xff)
			return 0;
		at = hdr >> 8;
	}
	return 0;
}

/**
 * pci_bus_find_capability() - find a capability of a function by bus/devfn
 * @bus: the bus
 * @devfn: the function
 * @id: the capability ID (PCI_CAP_ID_*)
 *
 * Return: the offset, or 0 if absent.
 */
u8 pci_bus_find_capability(struct pci_bus *bus, unsigned int devfn, int id)
{
	u8 hdr, head;

	pci_bus_read_config_byte(bus, devfn, PCI_HEADER_TYPE, &hdr);
	head = pci_cap_list_head(bus, devfn, hdr);
	if (!head)
		return 0;
	return pci_cap_chase(bus, devfn, head, id);
}
EXPORT_SYMBOL(pci_bus_find_capability);

/**
 * pci_find_capability() - find a capability of a function
 * @pdev: the function
 * @id: the capability ID (PCI_CAP_ID_*)
 *
 * Return: the offset, or 0 if absent.
 */
u8 pci_find_capability(struct pci_dev *pdev, int id)
{
	u8 head = pci_cap_list_head(pdev->bus, pdev->devfn, pdev->hdr_type);

	if (!head)
		return 0;
	return pci_cap_chase(pdev->bus, pdev->devfn, head, id);
}
EXPORT_SYMBOL(pci_find_capability);

/**
 * pci_find_next_capability() - find the next instance of a capability
 * @pdev: the function
 * @prev: the offset of the previous instance
 * @id: the capability ID
 *
 * Return: the offset, or 0 if there is no further instance.
 */
u8 pci_find_next_capability(struct pci_dev *pdev, u8 prev, int id)
{
	return pci_cap_chase(pdev->bus, pdev->devfn, prev + PCI_CAP_LIST_NEXT,
			     id);
}
EXPORT_SYMBOL(pci_find_next_capability);

/* Each extended capability header takes at least 8 bytes */
#define PCI_EXT_CAP_MAX_HOPS	((PCI_CFG_SPACE_EXP_SIZE - PCI_CFG_SPACE_SIZE) / 8)

/**
 * pci_find_next_ext_capability() - find an extended capability after @after
 * @pdev: the function
 * @after: the offset of the previous instance, or 0 to start at the top
 * @id: the extended capability ID (PCI_EXT_CAP_ID_*)
 *
 * Return: the offset, or 0 if absent (or no extended space).
 */
u16 pci_find_next_ext_capability(struct pci_dev *pdev, u16 after, int id)
{
	u16 at = after ? after : PCI_CFG_SPACE_SIZE;
	unsigned int hops;
	u32 hdr;

	if (pdev->cfg_size <= PCI_CFG_SPACE_SIZE)
		return 0;

	/* An empty or absent first header: no extended capabilities at all */
	if (pci_read_config_dword(pdev, at, &hdr) != PCIBIOS_SUCCESSFUL ||
	    !hdr || PCI_POSSIBLE_ERROR(hdr))
		return 0;

	for (hops = 0; hops < PCI_EXT_CAP_MAX_HOPS; hops++) {
		if (at != after && PCI_EXT_CAP_ID(hdr) == id)
			return at;

		at = PCI_EXT_CAP_NEXT(hdr);
		if (at < PCI_CFG_SPACE_SIZE ||
		    pci_read_config_dword(pdev, at, &hdr) != PCIBIOS_SUCCESSFUL)
			return 0;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(pci_find_next_ext_capability);

/**
 * pci_find_ext_capability() - find an extended capability
 * @pdev: the function
 * @id: the extended capability ID (PCI_EXT_CAP_ID_*)
 *
 * Return: the offset, or 0 if absent.
 */
u16 pci_find_ext_capability(struct pci_dev *pdev, int id)
{
	return pci_find_next_ext_capability(pdev, 0, id);
}
EXPORT_SYMBOL_GPL(pci_find_ext_capability);

/* === Enabling === */

/* Set and clear bits of the command register, writing only on a change */
static void pci_cmd_modify(struct pci_dev *pdev, u16 set, u16 clear)
{
	u16 old, cmd;

	pci_read_config_word(pdev, PCI_COMMAND, &old);
	cmd = (old & ~clear) | set;
	if (cmd != old)
		pci_write_config_word(pdev, PCI_COMMAND, cmd);
}

/**
 * pci_enable_device() - enable memory and I/O decoding of a function
 * @pdev: the function
 *
 * Calls nest; the function stays enabled until the last disable.
 *
 * Return: 0.
 */
int pci_enable_device(struct pci_dev *pdev)
{
	pdev->enable_cnt++;
	if (pdev->enable_cnt == 1)
		pci_cmd_modify(pdev, PCI_COMMAND_IO | PCI_COMMAND_MEMORY, 0);
	return 0;
}
EXPORT_SYMBOL(pci_enable_device);

/**
 * pci_set_master() - let a function initiate DMA
 * @pdev: the function
 */
void pci_set_master(struct pci_dev *pdev)
{
	pdev->is_busmaster = 1;
	pci_cmd_modify(pdev, PCI_COMMAND_MASTER, 0);
}
EXPORT_SYMBOL(pci_set_master);

/**
 * pci_clear_master() - stop a function from initiating DMA
 * @pdev: the function
 */
void pci_clear_master(struct pci_dev *pdev)
{
	pdev->is_busmaster = 0;
	pci_cmd_modify(pdev, 0, PCI_COMMAND_MASTER);
}
EXPORT_SYMBOL(pci_clear_master);

/**
 * pci_disable_device() - undo pci_enable_device()
 * @pdev: the function
 *
 * The last disable also stops bus mastering.
 */
void pci_disable_device(struct pci_dev *pdev)
{
	if (WARN(pdev->enable_cnt <= 0, "%s: disabling a disabled device\n",
		 pci_name(pdev)))
		return;

	pdev->enable_cnt--;
	if (!pdev->enable_cnt)
		pci_clear_master(pdev);
}
EXPORT_SYMBOL(pci_disable_device);

/* === ACS === */

/* The isolation controls set on every function that has them */
#define PCI_ACS_ISOLATION	(PCI_ACS_SV | PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_UF)

/**
 * pci_request_acs() - ask for ACS to be enabled on functions found from now on
 *
 * IOMMU drivers call this before PCI enumeration so that isolation-relevant
 * ACS controls (SV, RR, CR, UF, and TB for untrusted functions) get set.
 */
void pci_request_acs(void)
{
	pci_acs_wanted = true;
}
EXPORT_SYMBOL_GPL(pci_request_acs);

static u16 pci_acs_reg(struct pci_dev *pdev, int reg)
{
	u16 v = 0;

	pci_read_config_word(pdev, pdev->acs_cap + reg, &v);
	return v;
}

/* Turn on every isolation control the function implements */
static void pci_acs_turn_on(struct pci_dev *pdev)
{
	u16 have = pci_acs_reg(pdev, PCI_ACS_CAP);
	u16 ctrl = pci_acs_reg(pdev, PCI_ACS_CTRL);
	u16 add = have & PCI_ACS_ISOLATION;

	/* Functions facing untrusted devices also block translated requests */
	if (pdev->untrusted || pdev->external_facing)
		add |= have & PCI_ACS_TB;

	if (add & ~ctrl)
		pci_write_config_word(pdev, pdev->acs_cap + PCI_ACS_CTRL,
				      ctrl | add);
}

/**
 * pci_acs_init() - find the ACS capability and enable it if requested
 * @pdev: a newly found function
 */
void pci_acs_init(struct pci_dev *pdev)
{
	pdev->acs_cap = pci_find_ext_capability(pdev, PCI_EXT_CAP_ID_ACS);
	if (pdev->acs_cap && pci_acs_wanted)
		pci_acs_turn_on(pdev);
}

/*
 * Are the controls of @need turned on in the function's ACS capability?
 * Controls the capability does not offer are hard-wired on, except egress
 * control, which must really be there.
 */
static bool pci_acs_ctrl_has(struct pci_dev *pdev, u16 need)
{
	u16 offered, missing;

	if (!pdev->acs_cap)
		return false;

	offered = pci_acs_reg(pdev, PCI_ACS_CAP) | PCI_ACS_EC;
	missing = need & offered & ~pci_acs_reg(pdev, PCI_ACS_CTRL);
	return !missing;
}

/* What a PCIe function of each type needs to count as isolated */
enum pci_acs_rule {
	PCI_ACS_RULE_FREE,	/* nothing: it cannot reach peers */
	PCI_ACS_RULE_NEVER,	/* ACS is ruled out: never isolated */
	PCI_ACS_RULE_CAP,	/* its ACS capability must do it */
	PCI_ACS_RULE_MFD,	/* the capability, if it is multifunction */
};

static enum pci_acs_rule pci_acs_rule_of(struct pci_dev *pdev)
{
	switch (pci_pcie_type(pdev)) {
	case PCI_EXP_TYPE_PCIE_BRIDGE:
	case PCI_EXP_TYPE_PCI_BRIDGE:
	case PCI_EXP_TYPE_RC_EC:
		return PCI_ACS_RULE_NEVER;
	case PCI_EXP_TYPE_ROOT_PORT:
	case PCI_EXP_TYPE_DOWNSTREAM:
		/* Ports must say what they do with peer-to-peer traffic */
		return PCI_ACS_RULE_CAP;
	case PCI_EXP_TYPE_ENDPOINT:
	case PCI_EXP_TYPE_LEG_END:
	case PCI_EXP_TYPE_RC_END:
	case PCI_EXP_TYPE_UPSTREAM:
		return PCI_ACS_RULE_MFD;
	}
	return PCI_ACS_RULE_FREE;
}

/**
 * pci_acs_enabled() - whether a function provides the given ACS isolation
 * @pdev: the function
 * @need: the PCI_ACS_* controls needed
 *
 * The answer is about effective isolation: single-function endpoints need
 * no ACS capability because they have nothing to redirect, so they pass.
 * Device-specific ACS quirks are not modelled.
 *
 * Return: true if the function isolates as required.
 */
bool pci_acs_enabled(struct pci_dev *pdev, u16 need)
{
	/* On a shared conventional bus everyone sees everyone's DMA */
	if (!pci_is_pcie(pdev))
		return false;

	switch (pci_acs_rule_of(pdev)) {
	case PCI_ACS_RULE_NEVER:
		return false;
	case PCI_ACS_RULE_MFD:
		if (!pdev->multifunction)
			return true;
		fallthrough;
	case PCI_ACS_RULE_CAP:
		return pci_acs_ctrl_has(pdev, need);
	case PCI_ACS_RULE_FREE:
		break;
	}
	return true;
}
EXPORT_SYMBOL_GPL(pci_acs_enabled);

/**
 * pci_acs_path_enabled() - whether ACS holds from a function up to a bridge
 * @from: the function to start at
 * @top: the last bridge to check, or NULL to go up to the root bus
 * @need: the PCI_ACS_* controls needed
 *
 * Return: true if every function on the way isolates as required (and, for
 * @top == NULL, the walk reached the root bus).
 */
bool pci_acs_path_enabled(struct pci_dev *from, struct pci_dev *top, u16 need)
{
	struct pci_dev *cur = from;

	while (pci_acs_enabled(cur, need)) {
		if (pci_is_root_bus(cur->bus))
			return !top;
		if (cur == top)
			return true;
		cur = cur->bus->self;
	}
	return false;
}
EXPORT_SYMBOL_GPL(pci_acs_path_enabled);

/* === DMA aliases === */

/**
 * pci_add_dma_alias() - record that a function also uses other devfns for DMA
 * @pdev: the function
 * @first: the first aliased devfn on the same bus
 * @count: how many consecutive devfns (clipped at the end of the bus)
 *
 * Used by fixups before the function is added, so that IOMMU grouping sees
 * the aliases.
 */
void pci_add_dma_alias(struct pci_dev *pdev, u8 first, unsigned int count)
{
	unsigned int last;

	count = min_t(unsigned int, count, MAX_NR_DEVFNS - first);
	if (!count)
		return;
	last = first + count - 1;

	if (!pdev->dma_alias_mask) {
		pdev->dma_alias_mask = bitmap_zalloc(MAX_NR_DEVFNS, GFP_KERNEL);
		if (!pdev->dma_alias_mask) {
			pci_warn(pdev, "cannot allocate the DMA alias mask\n");
			return;
		}
	}
	bitmap_set(pdev->dma_alias_mask, first, count);

	if (count == 1)
		pci_info(pdev, "DMA alias to %02x.%d\n", PCI_SLOT(first),
			 PCI_FUNC(first));
	else
		pci_info(pdev, "DMA aliases %02x.%d to %02x.%d\n",
			 PCI_SLOT(first), PCI_FUNC(first), PCI_SLOT(last),
			 PCI_FUNC(last));
}
EXPORT_SYMBOL_GPL(pci_add_dma_alias);

/**
 * pci_real_dma_dev() - the function that really issues DMA for @pdev
 * @pdev: the function
 *
 * Return: @pdev (no VMD-style proxies on the host).
 */
struct pci_dev *pci_real_dma_dev(struct pci_dev *pdev)
{
	return pdev;
}
EXPORT_SYMBOL_GPL(pci_real_dma_dev);

/* Does @owner list the devfn of @other among its DMA aliases? */
static bool pci_lists_alias(struct pci_dev *owner, struct pci_dev *other)
{
	return owner->dma_alias_mask &&
	       test_bit(other->devfn, owner->dma_alias_mask);
}

/**
 * pci_devs_are_dma_aliases() - whether two functions alias each other
 * @a: one function
 * @b: another function on the same bus
 *
 * Return: true if either lists the other's devfn as a DMA alias.
 */
bool pci_devs_are_dma_aliases(struct pci_dev *a, struct pci_dev *b)
{
	if (pci_lists_alias(a, b) || pci_lists_alias(b, a))
		return true;
	return pci_real_dma_dev(a) == b || pci_real_dma_dev(b) == a;
}
EXPORT_SYMBOL_GPL(pci_devs_are_dma_aliases);

/*
 * The requester ID a bridge puts on the requests it forwards from below.
 * Returns false for bridges that pass IDs through (PCIe ports, and PCIe
 * functions of other types).
 */
static bool pci_bridge_takes_over(struct pci_dev *bridge, u16 *rid)
{
	bool secondary;

	if (!pci_is_pcie(bridge)) {
		/* Conventional bridges tag with their own ID unless flagged */
		secondary = bridge->dev_flags & PCI_DEV_FLAG_PCIE_BRIDGE_ALIAS;
	} else if (pci_pcie_type(bridge) == PCI_EXP_TYPE_PCI_BRIDGE) {
		/* PCIe to PCI/PCI-X: (secondary bus, devfn 0) */
		secondary = true;
	} else if (pci_pcie_type(bridge) == PCI_EXP_TYPE_PCIE_BRIDGE) {
		secondary = false;
	} else {
		return false;
	}

	*rid = secondary ? PCI_DEVID(bridge->subordinate->number, 0) :
			   pci_dev_id(bridge);
	return true;
}

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
	struct pci_dev *issuer = pci_real_dma_dev(pdev);
	struct pci_bus *bus = issuer->bus;
	unsigned int devfn;
	int stop;
	u16 rid;

	stop = fn(issuer, pci_dev_id(issuer), data);
	if (stop)
		return stop;

	if (issuer->dma_alias_mask) {
		for_each_set_bit(devfn, issuer->dma_alias_mask, MAX_NR_DEVFNS) {
			stop = fn(issuer, PCI_DEVID(bus->number, devfn), data);
			if (stop)
				return stop;
		}
	}

	for (; !pci_is_root_bus(bus); bus = bus->parent) {
		struct pci_dev *bridge = bus->self;

		/* Virtual buses have no bridge and change nothing */
		if (!bridge)
			continue;
		/* The translating unit sits at this bridge: nothing above counts */
		if (bridge->dev_flags & PCI_DEV_FLAGS_BRIDGE_XLATE_ROOT)
			break;
		if (!pci_bridge_takes_over(bridge, &rid))
			continue;

		stop = fn(bridge, rid, data);
		if (stop)
			return stop;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(pci_for_each_dma_alias);

/* === References and lookups === */

/**
 * pci_dev_get() - take a reference on a function
 * @pdev: the function, or NULL
 *
 * Return: @pdev.
 */
struct pci_dev *pci_dev_get(struct pci_dev *pdev)
{
	return pdev ? to_pci_dev(get_device(&pdev->dev)) : NULL;
}
EXPORT_SYMBOL(pci_dev_get);

/**
 * pci_dev_put() - drop a reference on a function
 * @pdev: the function, or NULL
 */
void pci_dev_put(struct pci_dev *pdev)
{
	if (!pdev)
		return;
	put_device(&pdev->dev);
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
	struct pci_dev *pos, *hit = NULL;

	down_read(&pci_bus_sem);
	list_for_each_entry(pos, &bus->devices, bus_list) {
		if (pos->devfn != devfn)
			continue;
		hit = pci_dev_get(pos);
		break;
	}
	up_read(&pci_bus_sem);
	return hit;
}
EXPORT_SYMBOL(pci_get_slot);

/* What pci_get_device() and friends look for */
struct pci_query {
	enum { PCI_QUERY_IDS, PCI_QUERY_CLASS, PCI_QUERY_ADDR } by;
	unsigned int vendor, device, class;
	int domain, busnr, devfn;
};

static bool pci_wild_eq(unsigned int want, unsigned int have)
{
	return want == PCI_ANY_ID || want == have;
}

static int pci_query_match(struct device *dev, const void *data)
{
	const struct pci_query *q = data;
	struct pci_dev *pdev = to_pci_dev(dev);

	switch (q->by) {
	case PCI_QUERY_CLASS:
		return pdev->class == q->class;
	case PCI_QUERY_ADDR:
		return pdev->devfn == q->devfn &&
		       pdev->bus->number == q->busnr &&
		       pci_domain_nr(pdev->bus) == q->domain;
	case PCI_QUERY_IDS:
		break;
	}
	return pci_wild_eq(q->vendor, pdev->vendor) &&
	       pci_wild_eq(q->device, pdev->device);
}

/* The next match after @prev (whose reference is dropped) */
static struct pci_dev *pci_query_next(const struct pci_query *q,
				      struct pci_dev *prev)
{
	struct device *hit;

	hit = bus_find_device(&pci_bus_type, prev ? &prev->dev : NULL, q,
			      pci_query_match);
	pci_dev_put(prev);
	return hit ? to_pci_dev(hit) : NULL;
}

/**
 * pci_get_device() - iterate functions by vendor and device ID
 * @vendor: the vendor ID or PCI_ANY_ID
 * @device: the device ID or PCI_ANY_ID
 * @prev: the previous match (its reference is dropped), or NULL
 *
 * Return: the next match with a reference taken, or NULL.
 */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *prev)
{
	const struct pci_query q = {
		.by = PCI_QUERY_IDS,
		.vendor = vendor,
		.device = device,
	};

	return pci_query_next(&q, prev);
}
EXPORT_SYMBOL(pci_get_device);

/**
 * pci_get_class() - iterate functions by class code
 * @class: the 24-bit class code
 * @prev: the previous match (its reference is dropped), or NULL
 *
 * Return: the next match with a reference taken, or NULL.
 */
struct pci_dev *pci_get_class(unsigned int class, struct pci_dev *prev)
{
	const struct pci_query q = { .by = PCI_QUERY_CLASS, .class = class };

	return pci_query_next(&q, prev);
}
EXPORT_SYMBOL(pci_get_class);

/**
 * pci_get_domain_bus_and_slot() - find a function by its full address
 * @domain: the domain
 * @busnr: the bus number
 * @devfn: the device and function
 *
 * Return: the function with a reference taken, or NULL.
 */
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int busnr,
					    unsigned int devfn)
{
	const struct pci_query q = {
		.by = PCI_QUERY_ADDR,
		.domain = domain,
		.busnr = busnr,
		.devfn = devfn,
	};

	return pci_query_next(&q, NULL);
}
EXPORT_SYMBOL(pci_get_domain_bus_and_slot);

/* Depth-first search of the hierarchy under @bus for bus number @busnr */
static struct pci_bus *pci_bus_search(struct pci_bus *bus, int busnr)
{
	struct pci_bus *child, *hit = NULL;

	if (bus->number == busnr)
		return bus;

	list_for_each_entry(child, &bus->children, node) {
		hit = pci_bus_search(child, busnr);
		if (hit)
			break;
	}
	return hit;
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
	struct pci_bus *root, *hit = NULL;

	down_read(&pci_bus_sem);
	list_for_each_entry(root, &pci_root_buses, node) {
		if (pci_domain_nr(root) == domain)
			hit = pci_bus_search(root, busnr);
		if (hit)
			break;
	}
	up_read(&pci_bus_sem);
	return hit;
}
EXPORT_SYMBOL(pci_find_bus);

/**
 * pci_find_next_bus() - iterate the root buses
 * @prev: the previous root bus, or NULL
 *
 * Return: the next root bus, or NULL.
 */
struct pci_bus *pci_find_next_bus(const struct pci_bus *prev)
{
	const struct list_head *link;
	struct pci_bus *next = NULL;

	down_read(&pci_bus_sem);
	link = prev ? prev->node.next : pci_root_buses.next;
	if (!list_is_head(link, &pci_root_buses))
		next = container_of(link, struct pci_bus, node);
	up_read(&pci_bus_sem);
	return next;
}
EXPORT_SYMBOL(pci_find_next_bus);

/* Pre-order walk of every function below @bus; non-zero from @cb stops it */
static int pci_walk_below(struct pci_bus *bus,
			  int (*cb)(struct pci_dev *, void *), void *arg)
{
	struct pci_dev *pdev;
	int stop = 0;

	list_for_each_entry(pdev, &bus->devices, bus_list) {
		stop = cb(pdev, arg);
		if (!stop && pdev->subordinate)
			stop = pci_walk_below(pdev->subordinate, cb, arg);
		if (stop)
			break;
	}
	return stop;
}

/**
 * pci_walk_bus() - call a function for every function below a bus
 * @top: the bus
 * @cb: the callback, run with the bus lists locked for reading (it must
 *	not add or remove functions); non-zero stops the walk
 * @arg: passed to @cb
 */
void pci_walk_bus(struct pci_bus *top, int (*cb)(struct pci_dev *, void *),
		  void *arg)
{
	down_read(&pci_bus_sem);
	pci_walk_below(top, cb, arg);
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
	struct pci_bus *root;

	for (root = bus; root->parent; root = root->parent)
		;
	return to_pci_host_bridge(root->bridge);
}
EXPORT_SYMBOL_GPL(pci_find_host_bridge);

/* === Fixups === */

static bool pci_fixup_applies(const struct pci_fixup *fx,
			      const struct pci_dev *pdev)
{
	if (fx->vendor != (u16)PCI_ANY_ID && fx->vendor != pdev->vendor)
		return false;
	if (fx->device != (u16)PCI_ANY_ID && fx->device != pdev->device)
		return false;
	return fx->class == (u32)PCI_ANY_ID ||
	       fx->class == (u32)(pdev->class >> fx->class_shift);
}

/**
 * pci_fixup_device() - run the fixups of one stage for a function
 * @pass: the stage
 * @pdev: the function
 */
void pci_fixup_device(enum pci_fixup_pass pass, struct pci_dev *pdev)
{
	const struct pci_fixup *fx, *stop;

	switch (pass) {
	case pci_fixup_early:
		fx = __start_host_pci_fixup_early;
		stop = __stop_host_pci_fixup_early;
		break;
	case pci_fixup_header:
		fx = __start_host_pci_fixup_header;
		stop = __stop_host_pci_fixup_header;
		break;
	case pci_fixup_final:
		fx = __start_host_pci_fixup_final;
		stop = __stop_host_pci_fixup_final;
		break;
	default:
		return;
	}

	/* An empty section has no bounds at all (weak symbols) */
	for (; fx && fx < stop; fx++)
		if (pci_fixup_applies(fx, pdev))
			fx->hook(pdev);
}
EXPORT_SYMBOL(pci_fixup_device);
