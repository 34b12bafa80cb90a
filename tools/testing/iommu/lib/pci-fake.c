// SPDX-License-Identifier: GPL-2.0
/*
 * A table-driven fake PCI configuration space (see <host/pci-fake.h>).
 *
 * Every function gets 4 KiB of configuration space with a byte mask of
 * the registers software may write (command, bridge bus numbers, PCIe
 * control registers, and the control registers of the ACS, ATS, PRI and
 * PASID capabilities); everything else is read-only, as on hardware.
 *
 * Layout: the PCIe capability at 0x40 (unless conventional), extended
 * capabilities from 0x100 in the order ACS, ATS, PRI, PASID.
 */
#include <linux/pci.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/export.h>

#include <kunit/test.h>
#include <kunit/resource.h>
#include <host/pci-fake.h>

#define FAKE_PCIE_CAP		0x40
#define FAKE_EXT_START		PCI_CFG_SPACE_SIZE
#define FAKE_PRI_MAX_REQ	32

struct fake_fn {
	struct pci_fake_fn desc;
	u8 cfg[PCI_CFG_SPACE_EXP_SIZE];
	u8 wmask[PCI_CFG_SPACE_EXP_SIZE];
};

struct pci_fake {
	struct pci_bus *root;
	unsigned int nr_fns;
	struct fake_fn *fns;
};

static struct pci_ops pci_fake_ops;

static void put_le(u8 *p, int where, int size, u32 val)
{
	int i;

	for (i = 0; i < size; i++)
		p[where + i] = val >> (8 * i);
}

static u32 get_le(const u8 *p, int where, int size)
{
	u32 val = 0;
	int i;

	for (i = 0; i < size; i++)
		val |= (u32)p[where + i] << (8 * i);
	return val;
}

static void writable(struct fake_fn *fn, int where, int size)
{
	memset(fn->wmask + where, 0xff, size);
}

static bool fn_is_pcie(const struct fake_fn *fn)
{
	return !(fn->desc.flags & PCI_FAKE_CONVENTIONAL);
}

/* Append an extended capability header after @prev; returns its offset. */
static int add_ext_cap(struct fake_fn *fn, int *prev, int *next_free, u16 id,
		       int size)
{
	int pos = *next_free;

	put_le(fn->cfg, pos, 4, id | (1 << 16));
	if (*prev) {
		u32 hdr = get_le(fn->cfg, *prev, 4);

		put_le(fn->cfg, *prev, 4, hdr | ((u32)pos << 20));
	}
	*prev = pos;
	*next_free = pos + size;
	return pos;
}

static void fake_fn_build(struct fake_fn *fn)
{
	const struct pci_fake_fn *d = &fn->desc;
	bool bridge = d->flags & PCI_FAKE_BRIDGE;
	u32 class = d->class;
	u8 hdr;
	int prev = 0, next_free = FAKE_EXT_START, pos;

	if (!class)
		class = bridge ? PCI_CLASS_BRIDGE_PCI_NORMAL :
				 (PCI_CLASS_SYSTEM_OTHER << 8);

	put_le(fn->cfg, PCI_VENDOR_ID, 2, d->vendor ?: PCI_VENDOR_ID_REDHAT);
	put_le(fn->cfg, PCI_DEVICE_ID, 2, d->device);
	put_le(fn->cfg, PCI_CLASS_REVISION, 4, (class << 8) | 0x01);
	hdr = bridge ? PCI_HEADER_TYPE_BRIDGE : PCI_HEADER_TYPE_NORMAL;
	if (d->flags & PCI_FAKE_MULTIFUNCTION)
		hdr |= PCI_HEADER_TYPE_MFD;
	put_le(fn->cfg, PCI_HEADER_TYPE, 1, hdr);
	writable(fn, PCI_COMMAND, 2);

	if (bridge) {
		put_le(fn->cfg, PCI_PRIMARY_BUS, 1, d->bus);
		put_le(fn->cfg, PCI_SECONDARY_BUS, 1, d->secondary);
		put_le(fn->cfg, PCI_SUBORDINATE_BUS, 1,
		       d->subordinate ?: d->secondary);
		writable(fn, PCI_PRIMARY_BUS, 3);
	} else {
		put_le(fn->cfg, PCI_SUBSYSTEM_VENDOR_ID, 2,
		       d->vendor ?: PCI_VENDOR_ID_REDHAT);
		put_le(fn->cfg, PCI_SUBSYSTEM_ID, 2, d->device);
	}

	if (!fn_is_pcie(fn))
		return;

	put_le(fn->cfg, PCI_STATUS, 2, PCI_STATUS_CAP_LIST);
	put_le(fn->cfg, PCI_CAPABILITY_LIST, 1, FAKE_PCIE_CAP);
	put_le(fn->cfg, FAKE_PCIE_CAP + PCI_CAP_LIST_ID, 1, PCI_CAP_ID_EXP);
	put_le(fn->cfg, FAKE_PCIE_CAP + PCI_EXP_FLAGS, 2,
	       2 | ((d->pcie_type & 0xf) << 4));
	if (!(d->flags & PCI_FAKE_NO_EETLP))
		put_le(fn->cfg, FAKE_PCIE_CAP + PCI_EXP_DEVCAP2, 4,
		       PCI_EXP_DEVCAP2_EE_PREFIX);
	writable(fn, FAKE_PCIE_CAP + PCI_EXP_DEVCTL, 2);
	writable(fn, FAKE_PCIE_CAP + PCI_EXP_LNKCTL, 2);
	writable(fn, FAKE_PCIE_CAP + PCI_EXP_DEVCTL2, 2);

	if (d->flags & PCI_FAKE_ACS) {
		pos = add_ext_cap(fn, &prev, &next_free, PCI_EXT_CAP_ID_ACS, 8);
		put_le(fn->cfg, pos + PCI_ACS_CAP, 2, d->acs_cap);
		put_le(fn->cfg, pos + PCI_ACS_CTRL, 2, d->acs_ctrl);
		writable(fn, pos + PCI_ACS_CTRL, 2);
	}
	if (d->flags & PCI_FAKE_ATS) {
		pos = add_ext_cap(fn, &prev, &next_free, PCI_EXT_CAP_ID_ATS,
				  PCI_EXT_CAP_ATS_SIZEOF);
		writable(fn, pos + PCI_ATS_CTRL, 2);
	}
	if (d->flags & PCI_FAKE_PRI) {
		pos = add_ext_cap(fn, &prev, &next_free, PCI_EXT_CAP_ID_PRI,
				  PCI_EXT_CAP_PRI_SIZEOF);
		put_le(fn->cfg, pos + PCI_PRI_STATUS, 2, PCI_PRI_STATUS_STOPPED);
		put_le(fn->cfg, pos + PCI_PRI_MAX_REQ, 4, FAKE_PRI_MAX_REQ);
		writable(fn, pos + PCI_PRI_CTRL, 2);
		writable(fn, pos + PCI_PRI_ALLOC_REQ, 4);
	}
	if (d->flags & PCI_FAKE_PASID) {
		pos = add_ext_cap(fn, &prev, &next_free, PCI_EXT_CAP_ID_PASID,
				  PCI_EXT_CAP_PASID_SIZEOF);
		put_le(fn->cfg, pos + PCI_PASID_CAP, 2,
		       ((d->pasid_width & 0x1f) << 8) |
		       (d->pasid_features &
			(PCI_PASID_CAP_EXEC | PCI_PASID_CAP_PRIV)));
		writable(fn, pos + PCI_PASID_CTRL, 2);
	}
}

static struct fake_fn *fake_find(struct pci_fake *fake, unsigned int busnr,
				 unsigned int devfn)
{
	unsigned int i;

	for (i = 0; i < fake->nr_fns; i++) {
		if (fake->fns[i].desc.bus == busnr &&
		    fake->fns[i].desc.devfn == devfn)
			return &fake->fns[i];
	}
	return NULL;
}

/* Conventional functions have no extended space: it reads as all ones. */
static bool fake_in_range(struct fake_fn *fn, int where, int size)
{
	int limit = fn_is_pcie(fn) ? PCI_CFG_SPACE_EXP_SIZE : PCI_CFG_SPACE_SIZE;

	return where >= 0 && where + size <= limit;
}

static u32 all_ones(int size)
{
	return size == 4 ? ~0U : (1U << (8 * size)) - 1;
}

static int pci_fake_read(struct pci_bus *bus, unsigned int devfn, int where,
			 int size, u32 *val)
{
	struct fake_fn *fn = fake_find(bus->sysdata, bus->number, devfn);

	if (!fn || !fake_in_range(fn, where, size)) {
		*val = all_ones(size);
		return PCIBIOS_SUCCESSFUL;
	}
	*val = get_le(fn->cfg, where, size);
	return PCIBIOS_SUCCESSFUL;
}

static int pci_fake_write(struct pci_bus *bus, unsigned int devfn, int where,
			  int size, u32 val)
{
	struct fake_fn *fn = fake_find(bus->sysdata, bus->number, devfn);
	int i;

	if (!fn || !fake_in_range(fn, where, size))
		return PCIBIOS_SUCCESSFUL;

	for (i = 0; i < size; i++) {
		u8 mask = fn->wmask[where + i];
		u8 byte = val >> (8 * i);

		fn->cfg[where + i] = (fn->cfg[where + i] & ~mask) | (byte & mask);
	}
	return PCIBIOS_SUCCESSFUL;
}

static struct pci_ops pci_fake_ops = {
	.read	= pci_fake_read,
	.write	= pci_fake_write,
};

/* What configuration space cannot say: firmware flags and quirks. */
static void pci_fake_fixup_early(struct pci_dev *dev)
{
	struct fake_fn *fn;

	if (dev->bus->ops != &pci_fake_ops)
		return;
	fn = fake_find(dev->sysdata, dev->bus->number, dev->devfn);
	if (!fn)
		return;

	if (fn->desc.flags & PCI_FAKE_UNTRUSTED)
		dev->untrusted = 1;
	if (fn->desc.flags & PCI_FAKE_EXTERNAL_FACING)
		dev->external_facing = 1;
	if (fn->desc.flags & PCI_FAKE_PCIE_BRIDGE_ALIAS)
		dev->dev_flags |= PCI_DEV_FLAG_PCIE_BRIDGE_ALIAS;
	if (fn->desc.flags & PCI_FAKE_XLATE_ROOT)
		dev->dev_flags |= PCI_DEV_FLAGS_BRIDGE_XLATE_ROOT;
	if (fn->desc.nr_aliases)
		pci_add_dma_alias(dev, fn->desc.alias_devfn,
				  fn->desc.nr_aliases);
}
DECLARE_PCI_FIXUP_EARLY(PCI_ANY_ID, PCI_ANY_ID, pci_fake_fixup_early);

static int pci_fake_check(const struct pci_fake_desc *desc)
{
	unsigned int i, j;

	if (!desc->fns || !desc->nr_fns)
		return -EINVAL;
	for (i = 0; i < desc->nr_fns; i++) {
		const struct pci_fake_fn *a = &desc->fns[i];

		if (a->pasid_width > 20)
			return -EINVAL;
		if ((a->flags & PCI_FAKE_BRIDGE) && a->secondary <= a->bus)
			return -EINVAL;
		for (j = i + 1; j < desc->nr_fns; j++) {
			if (a->bus == desc->fns[j].bus &&
			    a->devfn == desc->fns[j].devfn)
				return -EINVAL;
		}
	}
	return 0;
}

struct pci_fake *pci_fake_create(const struct pci_fake_desc *desc)
{
	struct pci_host_bridge *bridge;
	struct pci_fake *fake;
	unsigned int i;
	int ret;

	ret = pci_fake_check(desc);
	if (ret)
		return ERR_PTR(ret);

	fake = kzalloc(sizeof(*fake), GFP_KERNEL);
	if (!fake)
		return ERR_PTR(-ENOMEM);
	fake->fns = kvcalloc(desc->nr_fns, sizeof(*fake->fns), GFP_KERNEL);
	if (!fake->fns) {
		ret = -ENOMEM;
		goto err_fake;
	}
	fake->nr_fns = desc->nr_fns;
	for (i = 0; i < desc->nr_fns; i++) {
		fake->fns[i].desc = desc->fns[i];
		fake_fn_build(&fake->fns[i]);
	}

	bridge = pci_alloc_host_bridge(0);
	if (!bridge) {
		ret = -ENOMEM;
		goto err_fns;
	}
	bridge->dev.parent = desc->parent;
	bridge->sysdata = fake;
	bridge->ops = &pci_fake_ops;
	bridge->busnr = desc->root_bus;
	bridge->domain_nr = desc->domain;

	pci_lock_rescan_remove();
	if (desc->no_add)
		ret = pci_scan_root_bus_bridge(bridge);
	else
		ret = pci_host_probe(bridge);
	pci_unlock_rescan_remove();
	if (ret) {
		pci_free_host_bridge(bridge);
		goto err_fns;
	}
	fake->root = bridge->bus;
	return fake;

err_fns:
	kvfree(fake->fns);
err_fake:
	kfree(fake);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_GPL(pci_fake_create);

void pci_fake_destroy(struct pci_fake *fake)
{
	if (IS_ERR_OR_NULL(fake))
		return;

	pci_lock_rescan_remove();
	pci_stop_root_bus(fake->root);
	pci_remove_root_bus(fake->root);
	pci_unlock_rescan_remove();

	kvfree(fake->fns);
	kfree(fake);
}
EXPORT_SYMBOL_GPL(pci_fake_destroy);

static void pci_fake_destroy_action(void *fake)
{
	pci_fake_destroy(fake);
}

struct pci_fake *kunit_pci_fake_create(struct kunit *test,
				       const struct pci_fake_desc *desc)
{
	struct pci_fake *fake = pci_fake_create(desc);
	int ret;

	if (IS_ERR(fake))
		return fake;
	ret = kunit_add_action_or_reset(test, pci_fake_destroy_action, fake);
	if (ret)
		return ERR_PTR(ret);
	return fake;
}
EXPORT_SYMBOL_GPL(kunit_pci_fake_create);

struct pci_bus *pci_fake_root_bus(struct pci_fake *fake)
{
	return fake->root;
}
EXPORT_SYMBOL_GPL(pci_fake_root_bus);

struct pci_dev *pci_fake_dev(struct pci_fake *fake, u8 bus, u8 devfn)
{
	struct pci_bus *b = pci_find_bus(pci_domain_nr(fake->root), bus);
	struct pci_dev *dev;

	if (!b)
		return NULL;
	dev = pci_get_slot(b, devfn);
	/* The hierarchy keeps the function alive until it is removed. */
	pci_dev_put(dev);
	return dev;
}
EXPORT_SYMBOL_GPL(pci_fake_dev);

u32 pci_fake_config_read(struct pci_fake *fake, u8 bus, u8 devfn, int where,
			 int size)
{
	struct fake_fn *fn = fake_find(fake, bus, devfn);

	if (!fn || !fake_in_range(fn, where, size))
		return all_ones(size);
	return get_le(fn->cfg, where, size);
}
EXPORT_SYMBOL_GPL(pci_fake_config_read);

int pci_fake_config_write(struct pci_fake *fake, u8 bus, u8 devfn, int where,
			  int size, u32 val)
{
	struct fake_fn *fn = fake_find(fake, bus, devfn);

	if (!fn)
		return -ENODEV;
	if (!fake_in_range(fn, where, size))
		return -EINVAL;
	put_le(fn->cfg, where, size, val);
	return 0;
}
EXPORT_SYMBOL_GPL(pci_fake_config_write);
