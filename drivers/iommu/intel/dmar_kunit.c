// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the DMAR table parser, fed with tables built here byte by
 * byte: a good table, and tables with a bad checksum or signature, cut
 * short, with subtables running past the end, with overlapping register
 * windows, two catch-all units, broken device scopes and malformed
 * reserved regions; allocation failures; and matching of device scopes
 * against a PCI topology built with the fake PCI configuration space.
 */

#include <linux/acpi.h>
#include <linux/pci.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <host/pci-fake.h>

#include "dmar.h"

#define TB_SIZE		1024
#define UNIT_A		0xfed90000ULL
#define UNIT_B		0xfeda0000ULL

/* A DMAR table under construction */
struct tb {
	u8 buf[TB_SIZE];
	size_t len;
};

static struct tb *tb_new(struct kunit *test, u8 haw)
{
	struct tb *tb = kunit_kzalloc(test, sizeof(*tb), GFP_KERNEL);
	struct acpi_table_dmar *dmar;

	KUNIT_ASSERT_NOT_NULL(test, tb);
	dmar = (void *)tb->buf;
	memcpy(dmar->header.signature, ACPI_SIG_DMAR, ACPI_NAMESEG_SIZE);
	dmar->header.revision = 1;
	memcpy(dmar->header.oem_id, "KUNIT ", ACPI_OEM_ID_SIZE);
	dmar->width = haw - 1;
	tb->len = sizeof(*dmar);
	return tb;
}

static void *tb_append(struct tb *tb, size_t size)
{
	void *p = tb->buf + tb->len;

	if (WARN_ON(tb->len + size > TB_SIZE))
		return NULL;
	memset(p, 0, size);
	tb->len += size;
	return p;
}

static struct acpi_dmar_header *tb_drhd(struct tb *tb, u8 flags, u16 segment, u64 addr)
{
	struct acpi_dmar_hardware_unit *hw = tb_append(tb, sizeof(*hw));

	hw->header.type = ACPI_DMAR_TYPE_HARDWARE_UNIT;
	hw->header.length = sizeof(*hw);
	hw->flags = flags;
	hw->segment = segment;
	hw->address = addr;
	return &hw->header;
}

static struct acpi_dmar_header *tb_rmrr(struct tb *tb, u16 segment, u64 base, u64 end)
{
	struct acpi_dmar_reserved_memory *rm = tb_append(tb, sizeof(*rm));

	rm->header.type = ACPI_DMAR_TYPE_RESERVED_MEMORY;
	rm->header.length = sizeof(*rm);
	rm->segment = segment;
	rm->base_address = base;
	rm->end_address = end;
	return &rm->header;
}

/* A device scope after @parent: @n hops of (device, function) from @bus */
static struct acpi_dmar_device_scope *tb_scope(struct tb *tb, struct acpi_dmar_header *parent,
					       u8 type, u8 bus, unsigned int n, const u8 *hops)
{
	struct acpi_dmar_device_scope *sc;
	struct acpi_dmar_pci_path *path;
	unsigned int i;

	sc = tb_append(tb, sizeof(*sc) + n * sizeof(*path));
	sc->entry_type = type;
	sc->length = sizeof(*sc) + n * sizeof(*path);
	sc->bus = bus;
	path = (void *)(sc + 1);
	for (i = 0; i < n; i++) {
		path[i].device = hops[2 * i];
		path[i].function = hops[2 * i + 1];
	}
	parent->length += sc->length;
	return sc;
}

static struct acpi_table_header *tb_finish(struct tb *tb)
{
	struct acpi_table_header *hdr = (void *)tb->buf;
	u8 sum = 0;
	size_t i;

	hdr->length = tb->len;
	hdr->checksum = 0;
	for (i = 0; i < tb->len; i++)
		sum += tb->buf[i];
	hdr->checksum = -sum;
	return hdr;
}

static void tb_release_action(void *data)
{
	dmar_table_release(data);
}

static int tb_parse(struct kunit *test, struct tb *tb, struct dmar_table_info *info)
{
	int ret = dmar_table_parse(tb_finish(tb), info);

	if (!ret)
		KUNIT_EXPECT_EQ(test, kunit_add_action_or_reset(test, tb_release_action, info), 0);
	return ret;
}

static const u8 hop_ep[] = { 0x02, 0 };
static const u8 hop_port[] = { 0x1c, 0 };
static const u8 hop_behind_port[] = { 0x1c, 0, 0x00, 0 };

/* A table as firmware writes it: a unit with scopes, a catch-all unit, an RMRR */
static struct tb *tb_good(struct kunit *test, u16 segment)
{
	struct tb *tb = tb_new(test, 46);
	struct acpi_dmar_header *h;

	/* The catch-all unit first, to check that it ends up last */
	h = tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, segment, UNIT_B);
	tb_scope(tb, h, ACPI_DMAR_SCOPE_TYPE_IOAPIC, 0xf0, 1, hop_ep);
	h = tb_drhd(tb, 0, segment, UNIT_A);
	tb_scope(tb, h, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 1, hop_ep);
	tb_scope(tb, h, ACPI_DMAR_SCOPE_TYPE_BRIDGE, 0, 1, hop_port);
	h = tb_rmrr(tb, segment, 0x7a000000, 0x7a0fffff);
	tb_scope(tb, h, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 2, hop_behind_port);
	return tb;
}

static void dmar_parse_good_table(struct kunit *test)
{
	struct dmar_table_info *info = kunit_kzalloc(test, sizeof(*info), GFP_KERNEL);
	struct dmar_drhd_unit *first, *last;
	struct dmar_rmrr_unit *rmrr;

	KUNIT_ASSERT_EQ(test, tb_parse(test, tb_good(test, 0), info), 0);
	KUNIT_EXPECT_EQ(test, info->haw, 46);
	KUNIT_EXPECT_EQ(test, info->nr_drhds, 2U);
	KUNIT_EXPECT_EQ(test, info->nr_rmrrs, 1U);
	KUNIT_EXPECT_EQ(test, info->nr_ignored, 0U);

	first = list_first_entry(&info->drhds, struct dmar_drhd_unit, list);
	last = list_last_entry(&info->drhds, struct dmar_drhd_unit, list);
	KUNIT_EXPECT_EQ(test, first->reg_base, UNIT_A);
	KUNIT_EXPECT_EQ(test, first->reg_size, (u64)SZ_4K);
	KUNIT_EXPECT_FALSE(test, first->include_all);
	KUNIT_ASSERT_EQ(test, first->nr_scopes, 2U);
	KUNIT_EXPECT_EQ(test, first->scopes[0].type, ACPI_DMAR_SCOPE_TYPE_ENDPOINT);
	KUNIT_EXPECT_EQ(test, first->scopes[0].depth, 1);
	KUNIT_EXPECT_EQ(test, first->scopes[0].path[0], PCI_DEVFN(2, 0));
	KUNIT_EXPECT_EQ(test, first->scopes[1].type, ACPI_DMAR_SCOPE_TYPE_BRIDGE);
	KUNIT_EXPECT_EQ(test, first->scopes[1].path[0], PCI_DEVFN(0x1c, 0));

	/* The I/O APIC scope is not a PCI scope */
	KUNIT_EXPECT_EQ(test, last->reg_base, UNIT_B);
	KUNIT_EXPECT_TRUE(test, last->include_all);
	KUNIT_EXPECT_EQ(test, last->nr_scopes, 0U);

	rmrr = list_first_entry(&info->rmrrs, struct dmar_rmrr_unit, list);
	KUNIT_EXPECT_EQ(test, rmrr->base, 0x7a000000ULL);
	KUNIT_EXPECT_EQ(test, rmrr->last, 0x7a0fffffULL);
	KUNIT_ASSERT_EQ(test, rmrr->nr_scopes, 1U);
	KUNIT_EXPECT_EQ(test, rmrr->scopes[0].depth, 2);
	KUNIT_EXPECT_EQ(test, rmrr->scopes[0].path[1], PCI_DEVFN(0, 0));
}

static void dmar_parse_bad_checksum(struct kunit *test)
{
	struct dmar_table_info info;
	struct tb *tb = tb_good(test, 0);
	struct acpi_table_header *hdr = tb_finish(tb);

	hdr->checksum++;
	KUNIT_EXPECT_EQ(test, dmar_table_check(hdr), -EINVAL);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(hdr, &info), -EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&info.drhds));
}

static void dmar_parse_bad_header(struct kunit *test)
{
	struct dmar_table_info info;
	struct tb *tb = tb_good(test, 0);
	struct acpi_table_header *hdr;

	/* Not a DMAR table, even with a right checksum */
	memcpy(tb->buf, "DMAX", 4);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);

	/* Shorter than the fixed part */
	tb = tb_new(test, 46);
	tb->len = sizeof(struct acpi_table_header) + 4;
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);

	/* A host address width below a page */
	tb = tb_new(test, 8);
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A);
	hdr = tb_finish(tb);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(hdr, &info), -EINVAL);
	KUNIT_EXPECT_EQ(test, dmar_table_check(NULL), -EINVAL);
}

/* The table length cuts the last subtable */
static void dmar_parse_truncated(struct kunit *test)
{
	struct dmar_table_info info;
	struct tb *tb = tb_good(test, 0);
	size_t full = tb->len;

	tb->len = full - 6;
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);
	/* Not even a subtable header left at the end */
	tb->len = full + 2;
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);
}

/* Subtable lengths that would loop forever or overrun */
static void dmar_parse_bad_subtable_length(struct kunit *test)
{
	struct dmar_table_info info;
	struct acpi_dmar_header *h;
	struct tb *tb;

	tb = tb_new(test, 46);
	h = tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A);
	h->length = 0;
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);

	tb = tb_new(test, 46);
	h = tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A);
	h->length = 8;	/* shorter than a DRHD */
	tb_append(tb, 8);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);

	tb = tb_new(test, 46);
	h = tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A);
	h->length = 400;
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);
}

static void dmar_parse_overlapping_units(struct kunit *test)
{
	struct dmar_table_info *info = kunit_kzalloc(test, sizeof(*info), GFP_KERNEL);
	struct acpi_dmar_hardware_unit *hw;
	struct tb *tb;

	tb = tb_new(test, 46);
	tb_drhd(tb, 0, 0, UNIT_A);
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), info), -EINVAL);

	/* A 64 KiB window reaching into the next unit's page */
	tb = tb_new(test, 46);
	hw = (void *)tb_drhd(tb, 0, 0, UNIT_A);
	hw->size = 4;
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A + SZ_32K);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), info), -EINVAL);

	/* Adjacent windows are fine */
	tb = tb_new(test, 46);
	hw = (void *)tb_drhd(tb, 0, 0, UNIT_A);
	hw->size = 4;
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A + SZ_64K);
	KUNIT_ASSERT_EQ(test, tb_parse(test, tb, info), 0);
	KUNIT_EXPECT_EQ(test, list_first_entry(&info->drhds, struct dmar_drhd_unit,
					       list)->reg_size, (u64)SZ_64K);
}

static void dmar_parse_two_catch_all(struct kunit *test)
{
	struct dmar_table_info *info = kunit_kzalloc(test, sizeof(*info), GFP_KERNEL);
	struct tb *tb;

	tb = tb_new(test, 46);
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A);
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_B);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), info), -EINVAL);

	/* One per segment is what firmware does with several segments */
	tb = tb_new(test, 46);
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A);
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 1, UNIT_B);
	KUNIT_ASSERT_EQ(test, tb_parse(test, tb, info), 0);
	KUNIT_EXPECT_EQ(test, info->nr_drhds, 2U);
}

static void dmar_parse_bad_unit_address(struct kunit *test)
{
	struct dmar_table_info info;
	struct tb *tb;

	tb = tb_new(test, 46);
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, 0);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);

	tb = tb_new(test, 46);
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A + 0x10);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);
}

static void dmar_parse_bad_scope(struct kunit *test)
{
	struct dmar_table_info info;
	struct acpi_dmar_device_scope *sc;
	struct acpi_dmar_header *h;
	struct tb *tb;

	/* A path of one and a half hops */
	tb = tb_new(test, 46);
	h = tb_drhd(tb, 0, 0, UNIT_A);
	sc = tb_scope(tb, h, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 1, hop_ep);
	sc->length++;
	h->length++;
	tb_append(tb, 1);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);

	/* A scope longer than its unit */
	tb = tb_new(test, 46);
	h = tb_drhd(tb, 0, 0, UNIT_A);
	sc = tb_scope(tb, h, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 1, hop_ep);
	sc->length += 2;
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_B);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);

	/* A scope without a path */
	tb = tb_new(test, 46);
	h = tb_drhd(tb, 0, 0, UNIT_A);
	sc = tb_scope(tb, h, ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 0, NULL);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), &info), -EINVAL);
}

/* A reserved region that makes no sense is skipped, the table still used */
static void dmar_parse_bad_rmrr_ignored(struct kunit *test)
{
	struct dmar_table_info *info = kunit_kzalloc(test, sizeof(*info), GFP_KERNEL);
	struct tb *tb = tb_new(test, 46);

	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A);
	tb_rmrr(tb, 0, 0x80000000, 0x7fffffff);		/* ends before it starts */
	tb_rmrr(tb, 0, 0x80000800, 0x80000fff);		/* not page aligned */
	tb_rmrr(tb, 0, 0x80000000, 0x80000ffe);		/* does not end a page */
	tb_rmrr(tb, 0, 0x90000000, 0x90000fff);
	KUNIT_ASSERT_EQ(test, tb_parse(test, tb, info), 0);
	KUNIT_EXPECT_EQ(test, info->nr_rmrrs, 1U);
	KUNIT_EXPECT_EQ(test, info->nr_ignored, 3U);
}

static void dmar_parse_other_subtables(struct kunit *test)
{
	struct dmar_table_info *info = kunit_kzalloc(test, sizeof(*info), GFP_KERNEL);
	struct acpi_dmar_header *h;
	struct tb *tb;

	tb = tb_new(test, 46);
	tb_drhd(tb, ACPI_DMAR_INCLUDE_ALL, 0, UNIT_A);
	h = tb_append(tb, sizeof(struct acpi_dmar_atsr));
	h->type = ACPI_DMAR_TYPE_ROOT_ATS;
	h->length = sizeof(struct acpi_dmar_atsr);
	h = tb_append(tb, 12);
	h->type = 0x77;		/* from a future specification */
	h->length = 12;
	KUNIT_ASSERT_EQ(test, tb_parse(test, tb, info), 0);
	KUNIT_EXPECT_EQ(test, info->nr_drhds, 1U);
	KUNIT_EXPECT_EQ(test, info->nr_ignored, 1U);

	/* Without any remapping unit there is nothing to do */
	tb = tb_new(test, 46);
	tb_rmrr(tb, 0, 0x90000000, 0x90000fff);
	KUNIT_EXPECT_EQ(test, dmar_table_parse(tb_finish(tb), info), -ENODEV);
}

/* Every allocation of the parser can fail, and nothing leaks when it does */
static void dmar_parse_enomem(struct kunit *test)
{
	struct dmar_table_info *info = kunit_kzalloc(test, sizeof(*info), GFP_KERNEL);
	struct acpi_table_header *hdr = tb_finish(tb_good(test, 0));
	unsigned int nth;
	int ret;

	for (nth = 1; nth < 32; nth++) {
		current->fail_nth = nth;
		ret = dmar_table_parse(hdr, info);
		current->fail_nth = 0;
		if (!ret)
			break;
		KUNIT_EXPECT_EQ(test, ret, -ENOMEM);
		KUNIT_EXPECT_TRUE(test, list_empty(&info->drhds));
		KUNIT_EXPECT_TRUE(test, list_empty(&info->rmrrs));
	}
	KUNIT_ASSERT_EQ(test, ret, 0);
	/* Two DRHDs, the scopes of one, the RMRR and its scopes: five failures */
	KUNIT_EXPECT_EQ(test, nth, 6U);
	dmar_table_release(info);
}

/*
 * bus 00: 02.0 integrated endpoint, 1c.0 root port -> bus 01, 1d.0 root
 * port -> bus 02; bus 01: 00.0 endpoint; bus 02: 00.0 endpoint
 */
static const struct pci_fake_fn dmar_topology[] = {
	{ PCI_FAKE_RCIEP(0, 0x02, 0), .device = 0x0002 },
	{ PCI_FAKE_PORT(0, 0x1c, 0, PCI_EXP_TYPE_ROOT_PORT, 1), .device = 0x001c },
	{ PCI_FAKE_PORT(0, 0x1d, 0, PCI_EXP_TYPE_ROOT_PORT, 2), .device = 0x001d },
	{ PCI_FAKE_EP(1, 0x00, 0), .device = 0x0100 },
	{ PCI_FAKE_EP(2, 0x00, 0), .device = 0x0200 },
};

static void dmar_scope_matching(struct kunit *test)
{
	struct pci_fake_desc desc = {
		.domain = PCI_FAKE_DOMAIN_AUTO,
		.fns = dmar_topology,
		.nr_fns = ARRAY_SIZE(dmar_topology),
		.no_add = true,
	};
	struct dmar_table_info *info = kunit_kzalloc(test, sizeof(*info), GFP_KERNEL);
	struct pci_dev *igd, *port, *port2, *behind, *other;
	struct dmar_drhd_unit *unit_a, *unit_b;
	struct dmar_rmrr_unit *rmrr;
	struct pci_fake *fake;
	u16 seg;

	fake = kunit_pci_fake_create(test, &desc);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, fake);
	seg = pci_domain_nr(pci_fake_root_bus(fake));
	igd = pci_fake_dev(fake, 0, PCI_DEVFN(2, 0));
	port = pci_fake_dev(fake, 0, PCI_DEVFN(0x1c, 0));
	port2 = pci_fake_dev(fake, 0, PCI_DEVFN(0x1d, 0));
	behind = pci_fake_dev(fake, 1, PCI_DEVFN(0, 0));
	other = pci_fake_dev(fake, 2, PCI_DEVFN(0, 0));
	KUNIT_ASSERT_TRUE(test, igd && port && port2 && behind && other);

	KUNIT_ASSERT_EQ(test, tb_parse(test, tb_good(test, seg), info), 0);
	unit_a = list_first_entry(&info->drhds, struct dmar_drhd_unit, list);
	unit_b = list_last_entry(&info->drhds, struct dmar_drhd_unit, list);
	rmrr = list_first_entry(&info->rmrrs, struct dmar_rmrr_unit, list);

	/* Endpoint scope: that function only */
	KUNIT_EXPECT_TRUE(test, dmar_scopes_match(seg, unit_a->scopes, 1, igd));
	KUNIT_EXPECT_FALSE(test, dmar_scopes_match(seg, unit_a->scopes, 1, behind));
	/* Bridge scope: the bridge and everything behind it */
	KUNIT_EXPECT_TRUE(test, dmar_scopes_match(seg, &unit_a->scopes[1], 1, port));
	KUNIT_EXPECT_TRUE(test, dmar_scopes_match(seg, &unit_a->scopes[1], 1, behind));
	KUNIT_EXPECT_FALSE(test, dmar_scopes_match(seg, &unit_a->scopes[1], 1, other));
	KUNIT_EXPECT_FALSE(test, dmar_scopes_match(seg, &unit_a->scopes[1], 1, igd));
	/* A path through a bridge names the device behind it */
	KUNIT_EXPECT_TRUE(test, dmar_scopes_match(seg, rmrr->scopes, 1, behind));
	KUNIT_EXPECT_FALSE(test, dmar_scopes_match(seg, rmrr->scopes, 1, port));
	/* Another segment never matches */
	KUNIT_EXPECT_FALSE(test, dmar_scopes_match(seg + 1, unit_a->scopes, 1, igd));

	/* Units: the named ones first, the catch-all unit for the rest */
	KUNIT_EXPECT_PTR_EQ(test, dmar_find_drhd(info, igd), unit_a);
	KUNIT_EXPECT_PTR_EQ(test, dmar_find_drhd(info, behind), unit_a);
	KUNIT_EXPECT_PTR_EQ(test, dmar_find_drhd(info, port2), unit_b);
	KUNIT_EXPECT_PTR_EQ(test, dmar_find_drhd(info, other), unit_b);
}

/* A path that leads nowhere matches nothing */
static void dmar_scope_dangling_path(struct kunit *test)
{
	struct pci_fake_desc desc = {
		.domain = PCI_FAKE_DOMAIN_AUTO,
		.fns = dmar_topology,
		.nr_fns = ARRAY_SIZE(dmar_topology),
		.no_add = true,
	};
	/* An endpoint has no bus behind it; 1f.0 does not exist */
	struct dmar_scope through_ep = { ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 2,
					 { PCI_DEVFN(2, 0), PCI_DEVFN(0, 0) } };
	struct dmar_scope missing = { ACPI_DMAR_SCOPE_TYPE_ENDPOINT, 0, 1,
				      { PCI_DEVFN(0x1f, 0) } };
	struct pci_fake *fake;
	struct pci_dev *pdev;
	u16 seg;

	fake = kunit_pci_fake_create(test, &desc);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, fake);
	seg = pci_domain_nr(pci_fake_root_bus(fake));
	pdev = pci_fake_dev(fake, 1, PCI_DEVFN(0, 0));
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	KUNIT_EXPECT_FALSE(test, dmar_scopes_match(seg, &through_ep, 1, pdev));
	KUNIT_EXPECT_FALSE(test, dmar_scopes_match(seg, &missing, 1, pdev));
	KUNIT_EXPECT_FALSE(test, dmar_scopes_match(seg, &missing, 1,
						   pci_fake_dev(fake, 0, PCI_DEVFN(2, 0))));
}

static struct kunit_case intel_dmar_cases[] = {
	KUNIT_CASE(dmar_parse_good_table),
	KUNIT_CASE(dmar_parse_bad_checksum),
	KUNIT_CASE(dmar_parse_bad_header),
	KUNIT_CASE(dmar_parse_truncated),
	KUNIT_CASE(dmar_parse_bad_subtable_length),
	KUNIT_CASE(dmar_parse_overlapping_units),
	KUNIT_CASE(dmar_parse_two_catch_all),
	KUNIT_CASE(dmar_parse_bad_unit_address),
	KUNIT_CASE(dmar_parse_bad_scope),
	KUNIT_CASE(dmar_parse_bad_rmrr_ignored),
	KUNIT_CASE(dmar_parse_other_subtables),
	KUNIT_CASE(dmar_parse_enomem),
	KUNIT_CASE(dmar_scope_matching),
	KUNIT_CASE(dmar_scope_dangling_path),
	{}
};

static struct kunit_suite intel_dmar_suite = {
	.name = "intel_iommu_dmar",
	.test_cases = intel_dmar_cases,
};

kunit_test_suite(intel_dmar_suite);
