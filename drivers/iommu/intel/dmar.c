// SPDX-License-Identifier: GPL-2.0
/*
 * Parsing of the ACPI DMAR table, and matching PCI devices against the
 * device scopes it lists.
 *
 * The parser copies what it needs out of the table, so the table can be
 * released afterwards. It rejects tables it cannot trust as a whole (wrong
 * signature or checksum, subtables running past the end, overlapping or
 * zero register windows, two catch-all units in one segment) and skips,
 * with a firmware-bug message, single reserved regions that make no sense.
 */

#define pr_fmt(fmt) "DMAR: " fmt

#include <linux/acpi.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "dmar.h"

/* Largest register window a DRHD may announce: 2^(20 + 12) bytes */
#define DMAR_DRHD_MAX_SIZE_CODE	20

static u8 dmar_byte_sum(const void *p, size_t len)
{
	const u8 *b = p;
	u8 sum = 0;

	while (len--)
		sum += *b++;
	return sum;
}

/**
 * dmar_table_check() - sanity checks of a DMAR table as a whole
 * @hdr: the table
 *
 * Return: 0 if the signature, length, checksum and host address width are
 * plausible, -EINVAL otherwise.
 */
int dmar_table_check(const struct acpi_table_header *hdr)
{
	const struct acpi_table_dmar *dmar = (const void *)hdr;

	if (!hdr || memcmp(hdr->signature, ACPI_SIG_DMAR, ACPI_NAMESEG_SIZE))
		return -EINVAL;
	if (hdr->length < sizeof(*dmar)) {
		pr_warn(FW_BUG "DMAR table of %u bytes is too short\n", hdr->length);
		return -EINVAL;
	}
	if (dmar_byte_sum(hdr, hdr->length)) {
		pr_warn(FW_BUG "DMAR table checksum does not add up\n");
		return -EINVAL;
	}
	/* The width field holds the number of address bits minus one */
	if (dmar->width < PAGE_SHIFT - 1) {
		pr_warn(FW_BUG "DMAR host address width %u is impossible\n",
			dmar->width + 1);
		return -EINVAL;
	}
	return 0;
}

/*
 * Validate the device scope entries in [@p, @end) and keep the PCI ones
 * (endpoints and bridges). Other kinds (I/O APIC, HPET, namespace devices)
 * concern interrupt remapping and are skipped.
 */
static int dmar_parse_scopes(const u8 *p, const u8 *end,
			     struct dmar_scope **out, unsigned int *nr_out)
{
	const u8 *start = p;
	struct dmar_scope *scopes;
	unsigned int nr = 0, i;

	*out = NULL;
	*nr_out = 0;

	while (p < end) {
		const struct acpi_dmar_device_scope *sc = (const void *)p;
		unsigned int len;

		if (end - p < sizeof(*sc))
			return -EINVAL;
		len = sc->length;
		if (len < sizeof(*sc) + sizeof(struct acpi_dmar_pci_path) ||
		    len > end - p || (len - sizeof(*sc)) % sizeof(struct acpi_dmar_pci_path))
			return -EINVAL;
		if (sc->entry_type == ACPI_DMAR_SCOPE_TYPE_ENDPOINT ||
		    sc->entry_type == ACPI_DMAR_SCOPE_TYPE_BRIDGE) {
			if ((len - sizeof(*sc)) / sizeof(struct acpi_dmar_pci_path) >
			    DMAR_SCOPE_MAX_PATH)
				return -EINVAL;
			nr++;
		}
		p += len;
	}
	if (!nr)
		return 0;

	scopes = kcalloc(nr, sizeof(*scopes), GFP_KERNEL);
	if (!scopes)
		return -ENOMEM;

	for (p = start, i = 0; p < end; p += ((const struct acpi_dmar_device_scope *)p)->length) {
		const struct acpi_dmar_device_scope *sc = (const void *)p;
		const struct acpi_dmar_pci_path *path = (const void *)(sc + 1);
		unsigned int hop;

		if (sc->entry_type != ACPI_DMAR_SCOPE_TYPE_ENDPOINT &&
		    sc->entry_type != ACPI_DMAR_SCOPE_TYPE_BRIDGE)
			continue;
		scopes[i].type = sc->entry_type;
		scopes[i].bus = sc->bus;
		scopes[i].depth = (sc->length - sizeof(*sc)) / sizeof(*path);
		for (hop = 0; hop < scopes[i].depth; hop++)
			scopes[i].path[hop] = PCI_DEVFN(path[hop].device, path[hop].function);
		i++;
	}

	*out = scopes;
	*nr_out = nr;
	return 0;
}

static bool dmar_ranges_overlap(u64 a, u64 a_size, u64 b, u64 b_size)
{
	return a < b + b_size && b < a + a_size;
}

static int dmar_parse_drhd(struct dmar_table_info *info,
			   const struct acpi_dmar_header *h)
{
	const struct acpi_dmar_hardware_unit *hw = (const void *)h;
	struct dmar_drhd_unit *drhd, *pos;
	u64 size;
	int ret;

	if (h->length < sizeof(*hw))
		return -EINVAL;
	if (!hw->address || (hw->address & (SZ_4K - 1))) {
		pr_warn(FW_BUG "remapping unit at impossible address %#llx\n",
			(unsigned long long)hw->address);
		return -EINVAL;
	}
	if (hw->size > DMAR_DRHD_MAX_SIZE_CODE)
		return -EINVAL;
	size = (u64)SZ_4K << hw->size;

	list_for_each_entry(pos, &info->drhds, list) {
		if (dmar_ranges_overlap(hw->address, size, pos->reg_base, pos->reg_size)) {
			pr_warn(FW_BUG "remapping units at %#llx and %#llx overlap\n",
				(unsigned long long)hw->address, pos->reg_base);
			return -EINVAL;
		}
		if ((hw->flags & ACPI_DMAR_INCLUDE_ALL) && pos->include_all &&
		    pos->segment == hw->segment) {
			pr_warn(FW_BUG "two catch-all remapping units in segment %u\n",
				hw->segment);
			return -EINVAL;
		}
	}

	drhd = kzalloc(sizeof(*drhd), GFP_KERNEL);
	if (!drhd)
		return -ENOMEM;
	drhd->reg_base = hw->address;
	drhd->reg_size = size;
	drhd->segment = hw->segment;
	drhd->include_all = hw->flags & ACPI_DMAR_INCLUDE_ALL;
	ret = dmar_parse_scopes((const u8 *)(hw + 1), (const u8 *)h + h->length,
				&drhd->scopes, &drhd->nr_scopes);
	if (ret) {
		kfree(drhd);
		return ret;
	}

	/*
	 * Catch-all units go last, so that a device named by some unit's
	 * scope is found there first; the others keep table order.
	 */
	if (!drhd->include_all) {
		list_for_each_entry(pos, &info->drhds, list) {
			if (pos->include_all)
				break;
		}
		list_add_tail(&drhd->list, &pos->list);
	} else {
		list_add_tail(&drhd->list, &info->drhds);
	}
	info->nr_drhds++;
	return 0;
}

static int dmar_parse_rmrr(struct dmar_table_info *info,
			   const struct acpi_dmar_header *h)
{
	const struct acpi_dmar_reserved_memory *rm = (const void *)h;
	struct dmar_rmrr_unit *rmrr;
	struct dmar_scope *scopes;
	unsigned int nr;
	int ret;

	if (h->length < sizeof(*rm))
		return -EINVAL;
	ret = dmar_parse_scopes((const u8 *)(rm + 1), (const u8 *)h + h->length,
				&scopes, &nr);
	if (ret)
		return ret;

	if (rm->end_address < rm->base_address ||
	    (rm->base_address & (SZ_4K - 1)) || ((rm->end_address + 1) & (SZ_4K - 1))) {
		pr_warn(FW_BUG "reserved region [%#llx-%#llx] is malformed, ignored\n",
			(unsigned long long)rm->base_address,
			(unsigned long long)rm->end_address);
		kfree(scopes);
		info->nr_ignored++;
		return 0;
	}

	rmrr = kzalloc(sizeof(*rmrr), GFP_KERNEL);
	if (!rmrr) {
		kfree(scopes);
		return -ENOMEM;
	}
	rmrr->segment = rm->segment;
	rmrr->base = rm->base_address;
	rmrr->last = rm->end_address;
	rmrr->scopes = scopes;
	rmrr->nr_scopes = nr;
	list_add_tail(&rmrr->list, &info->rmrrs);
	info->nr_rmrrs++;
	return 0;
}

/**
 * dmar_table_parse() - extract units and reserved regions from a DMAR table
 * @hdr: the table (may be released once this returns)
 * @info: filled in; release with dmar_table_release() after success
 *
 * Return: 0; -EINVAL for a malformed table (bad checksum, truncated or
 * overlapping subtables, impossible register windows); -ENODEV for a
 * table without any remapping unit; -ENOMEM. On failure @info holds
 * nothing that needs releasing.
 */
int dmar_table_parse(const struct acpi_table_header *hdr,
		     struct dmar_table_info *info)
{
	const struct acpi_table_dmar *dmar = (const void *)hdr;
	const u8 *p, *end;
	int ret;

	memset(info, 0, sizeof(*info));
	INIT_LIST_HEAD(&info->drhds);
	INIT_LIST_HEAD(&info->rmrrs);

	ret = dmar_table_check(hdr);
	if (ret)
		return ret;
	info->haw = dmar->width + 1;
	info->flags = dmar->flags;

	p = (const u8 *)(dmar + 1);
	end = (const u8 *)hdr + hdr->length;
	while (p < end) {
		const struct acpi_dmar_header *h = (const void *)p;

		if (end - p < sizeof(*h) || h->length < sizeof(*h) || h->length > end - p) {
			pr_warn(FW_BUG "DMAR subtable at offset %td runs past the table\n",
				p - (const u8 *)hdr);
			ret = -EINVAL;
			goto fail;
		}

		switch (h->type) {
		case ACPI_DMAR_TYPE_HARDWARE_UNIT:
			ret = dmar_parse_drhd(info, h);
			break;
		case ACPI_DMAR_TYPE_RESERVED_MEMORY:
			ret = dmar_parse_rmrr(info, h);
			break;
		case ACPI_DMAR_TYPE_ROOT_ATS:
		case ACPI_DMAR_TYPE_HARDWARE_AFFINITY:
		case ACPI_DMAR_TYPE_NAMESPACE:
		case ACPI_DMAR_TYPE_SATC:
			/* ATS, NUMA and namespace devices are not used here */
			break;
		default:
			pr_info("unknown DMAR subtable type %u skipped\n", h->type);
			info->nr_ignored++;
			break;
		}
		if (ret)
			goto fail;
		p += h->length;
	}

	if (!info->nr_drhds) {
		ret = -ENODEV;
		goto fail;
	}
	return 0;

fail:
	dmar_table_release(info);
	return ret;
}

/**
 * dmar_table_release() - free what dmar_table_parse() built
 * @info: the parsed table; empty afterwards
 */
void dmar_table_release(struct dmar_table_info *info)
{
	struct dmar_drhd_unit *drhd, *dn;
	struct dmar_rmrr_unit *rmrr, *rn;

	list_for_each_entry_safe(drhd, dn, &info->drhds, list) {
		list_del(&drhd->list);
		kfree(drhd->scopes);
		kfree(drhd);
	}
	list_for_each_entry_safe(rmrr, rn, &info->rmrrs, list) {
		list_del(&rmrr->list);
		kfree(rmrr->scopes);
		kfree(rmrr);
	}
	info->nr_drhds = 0;
	info->nr_rmrrs = 0;
}

/* The function a scope path leads to, with a reference, or NULL */
static struct pci_dev *dmar_scope_resolve(u16 segment, const struct dmar_scope *sc)
{
	struct pci_dev *pdev = NULL;
	unsigned int bus = sc->bus, hop;

	for (hop = 0; hop < sc->depth; hop++) {
		if (pdev) {
			struct pci_bus *below = pdev->subordinate;

			pci_dev_put(pdev);
			if (!below)
				return NULL;
			bus = below->number;
		}
		pdev = pci_get_domain_bus_and_slot(segment, bus, sc->path[hop]);
		if (!pdev)
			return NULL;
	}
	return pdev;
}

/* Is @pdev behind the bridge @bridge? */
static bool dmar_dev_below(struct pci_dev *pdev, struct pci_dev *bridge)
{
	struct pci_bus *bus;

	for (bus = pdev->bus; bus; bus = bus->parent) {
		if (bus->self == bridge)
			return true;
	}
	return false;
}

/**
 * dmar_scopes_match() - does a list of device scopes cover a PCI function?
 * @segment: PCI segment of the scopes
 * @scopes: the scopes
 * @nr_scopes: how many
 * @pdev: the function
 *
 * A scope covers the function its path leads to and, when that function is
 * a bridge, everything behind it.
 *
 * Return: true if some scope covers @pdev.
 */
bool dmar_scopes_match(u16 segment, const struct dmar_scope *scopes,
		       unsigned int nr_scopes, struct pci_dev *pdev)
{
	unsigned int i;

	pdev = pci_physfn(pdev);
	if (pci_domain_nr(pdev->bus) != segment)
		return false;

	for (i = 0; i < nr_scopes; i++) {
		struct pci_dev *target = dmar_scope_resolve(segment, &scopes[i]);
		bool hit;

		if (!target)
			continue;
		hit = target == pdev ||
		      (target->subordinate && dmar_dev_below(pdev, target));
		pci_dev_put(target);
		if (hit)
			return true;
	}
	return false;
}

/**
 * dmar_find_drhd() - the remapping unit firmware assigns to a PCI function
 * @info: the parsed table
 * @pdev: the function
 *
 * Return: the first unit of the function's segment whose scope covers it,
 * else the segment's catch-all unit, else NULL.
 */
struct dmar_drhd_unit *dmar_find_drhd(struct dmar_table_info *info,
				      struct pci_dev *pdev)
{
	struct dmar_drhd_unit *drhd;
	u16 segment = pci_domain_nr(pdev->bus);

	list_for_each_entry(drhd, &info->drhds, list) {
		if (drhd->segment != segment)
			continue;
		if (drhd->include_all ||
		    dmar_scopes_match(segment, drhd->scopes, drhd->nr_scopes, pdev))
			return drhd;
	}
	return NULL;
}
