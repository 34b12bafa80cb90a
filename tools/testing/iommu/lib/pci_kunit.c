// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the host PCI core, on topologies built with the fake
 * configuration space of <host/pci-fake.h>: enumeration and naming,
 * capability lists, ACS, DMA alias iteration, PASID/ATS/PRI, untrusted
 * functions, drivers, notifiers and removal.
 */
#include <linux/pci.h>
#include <linux/pci-ats.h>
#include <linux/notifier.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/err.h>

#include <kunit/test.h>
#include <kunit/bug.h>
#include <kunit/resource.h>
#include <host/pci-fake.h>
#include <host/sysfs.h>

#define REQ_ACS_FLAGS	(PCI_ACS_SV | PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_UF)
#define ACS_ALL		(PCI_ACS_SV | PCI_ACS_TB | PCI_ACS_RR | PCI_ACS_CR | \
			 PCI_ACS_UF | PCI_ACS_DT)

/* Domains no machine description uses, so names are predictable. */
#define DOM_A		0x4a
#define DOM_B		0x4b

static struct pci_fake *make_fake(struct kunit *test, int domain,
				  const struct pci_fake_fn *fns,
				  unsigned int nr, bool no_add)
{
	struct pci_fake_desc desc = {
		.domain = domain,
		.fns = fns,
		.nr_fns = nr,
		.no_add = no_add,
	};
	struct pci_fake *fake = kunit_pci_fake_create(test, &desc);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, fake);
	return fake;
}

#define DEV(fake, b, s, f) pci_fake_dev(fake, b, PCI_DEVFN(s, f))

/* A topology in a domain of its own, every function added */
static struct pci_fake *auto_fake(struct kunit *test,
				  const struct pci_fake_fn *fns, unsigned int nr)
{
	return make_fake(test, PCI_FAKE_DOMAIN_AUTO, fns, nr, false);
}

/* DEV() for a function the topology must have: the case stops without it */
static struct pci_dev *must_dev(struct kunit *test, struct pci_fake *fake,
				unsigned int bus, unsigned int slot,
				unsigned int fn)
{
	struct pci_dev *pdev = DEV(fake, bus, slot, fn);

	KUNIT_ASSERT_NOT_NULL(test, pdev);
	return pdev;
}

/*
 * bus 00: 00.0 integrated endpoint, 01.0 root port -> bus 01,
 *         06.0 single-function device with a stray 06.1,
 *         1f.0/1f.2/1f.3 a multifunction device, 05.1 without a 05.0
 * bus 01: 00.0 endpoint, 01.0 (not scanned: below a downstream port)
 */
static const struct pci_fake_fn enum_topology[] = {
	{ PCI_FAKE_RCIEP(0, 0x00, 0), .device = 0x1000 },
	{ PCI_FAKE_PORT(0, 0x01, 0, PCI_EXP_TYPE_ROOT_PORT, 1),
	  .device = 0x1001 },
	{ PCI_FAKE_EP(0, 0x06, 0), .device = 0x1006 },
	{ PCI_FAKE_EP(0, 0x06, 1), .device = 0x1061 },
	{ PCI_FAKE_EP(0, 0x1f, 0), .device = 0x101f,
	  .flags = PCI_FAKE_MULTIFUNCTION },
	{ PCI_FAKE_EP(0, 0x1f, 2), .device = 0x1f02,
	  .class = PCI_CLASS_STORAGE_SATA_AHCI },
	{ PCI_FAKE_EP(0, 0x1f, 3), .device = 0x1f03 },
	{ PCI_FAKE_EP(0, 0x05, 1), .device = 0x1051 },
	{ PCI_FAKE_EP(1, 0x00, 0), .vendor = PCI_VENDOR_ID_INTEL,
	  .device = 0x2000 },
	{ PCI_FAKE_EP(1, 0x01, 0), .device = 0x2001 },
};

static void pci_test_enumeration(struct kunit *test)
{
	struct pci_fake *fake = make_fake(test, DOM_A, enum_topology,
					  ARRAY_SIZE(enum_topology), false);
	struct pci_bus *root = pci_fake_root_bus(fake);
	struct pci_dev *rp, *ep, *sata, *pdev;
	char buf[32];
	int n = 0;

	KUNIT_EXPECT_TRUE(test, pci_is_root_bus(root));
	KUNIT_EXPECT_EQ(test, pci_domain_nr(root), DOM_A);
	KUNIT_EXPECT_STREQ(test, dev_name(root->bridge), "pci004a:00");

	rp = must_dev(test, fake, 0, 0x01, 0);
	ep = must_dev(test, fake, 1, 0x00, 0);
	sata = must_dev(test, fake, 0, 0x1f, 2);

	KUNIT_EXPECT_STREQ(test, pci_name(sata), "004a:00:1f.2");
	KUNIT_EXPECT_STREQ(test, pci_name(ep), "004a:01:00.0");
	KUNIT_EXPECT_EQ(test, sata->class, PCI_CLASS_STORAGE_SATA_AHCI);
	KUNIT_EXPECT_TRUE(test, sata->multifunction);
	KUNIT_EXPECT_TRUE(test, DEV(fake, 0, 0x1f, 0)->multifunction);
	KUNIT_EXPECT_EQ(test, pci_dev_id(sata), PCI_DEVID(0, PCI_DEVFN(0x1f, 2)));
	KUNIT_EXPECT_EQ(test, ep->vendor, PCI_VENDOR_ID_INTEL);
	KUNIT_EXPECT_EQ(test, ep->device, 0x2000);

	/* Functions that real scanning would not find. */
	KUNIT_EXPECT_NULL(test, DEV(fake, 0, 0x06, 1));
	KUNIT_EXPECT_FALSE(test, DEV(fake, 0, 0x06, 0)->multifunction);
	KUNIT_EXPECT_NULL(test, DEV(fake, 0, 0x05, 1));
	KUNIT_EXPECT_NULL(test, DEV(fake, 1, 0x01, 0));

	/* The hierarchy. */
	KUNIT_EXPECT_EQ(test, rp->hdr_type, PCI_HEADER_TYPE_BRIDGE);
	KUNIT_ASSERT_NOT_NULL(test, rp->subordinate);
	KUNIT_EXPECT_EQ(test, rp->subordinate->number, 1);
	KUNIT_EXPECT_PTR_EQ(test, ep->bus, rp->subordinate);
	KUNIT_EXPECT_PTR_EQ(test, pci_upstream_bridge(ep), rp);
	KUNIT_EXPECT_NULL(test, pci_upstream_bridge(rp));
	KUNIT_EXPECT_PTR_EQ(test, ep->dev.parent, &rp->dev);
	KUNIT_EXPECT_PTR_EQ(test, rp->dev.parent, root->bridge);
	KUNIT_EXPECT_TRUE(test, dev_is_pci(&ep->dev));
	KUNIT_EXPECT_PTR_EQ(test, to_pci_dev(&ep->dev), ep);
	KUNIT_EXPECT_PTR_EQ(test, pcie_find_root_port(ep), rp);

	/* Lookups. */
	pdev = pci_get_domain_bus_and_slot(DOM_A, 1, PCI_DEVFN(0, 0));
	KUNIT_EXPECT_PTR_EQ(test, pdev, ep);
	pci_dev_put(pdev);
	KUNIT_EXPECT_NULL(test, pci_get_domain_bus_and_slot(DOM_B, 1, 0));
	pdev = NULL;
	for_each_pci_dev(pdev) {
		if (pci_domain_nr(pdev->bus) == DOM_A)
			n++;
	}
	KUNIT_EXPECT_EQ(test, n, 7);
	KUNIT_EXPECT_PTR_EQ(test, pci_find_bus(DOM_A, 1), rp->subordinate);

	/* Configuration space through the device. */
	KUNIT_EXPECT_EQ(test, pci_pcie_type(rp), PCI_EXP_TYPE_ROOT_PORT);
	KUNIT_EXPECT_EQ(test, pci_pcie_type(DEV(fake, 0, 0, 0)),
			PCI_EXP_TYPE_RC_END);

	/* sysfs. */
	KUNIT_EXPECT_EQ(test, host_sysfs_read("/sys/bus/pci/devices/004a:00:1f.2/device",
					      buf, sizeof(buf)), 7);
	KUNIT_EXPECT_STREQ(test, buf, "0x1f02\n");
	KUNIT_EXPECT_EQ(test,
			host_sysfs_type("/sys/devices/pci004a:00/004a:00:01.0/004a:01:00.0"),
			HOST_SYSFS_DIR);
}

static void pci_test_capabilities(struct kunit *test)
{
	static const struct pci_fake_fn fns[] = {
		{ PCI_FAKE_EP(0, 1, 0), .flags = PCI_FAKE_ACS | PCI_FAKE_ATS |
		  PCI_FAKE_PRI | PCI_FAKE_PASID, .pasid_width = 5 },
		{ PCI_FAKE_EP(0, 2, 0), .flags = PCI_FAKE_CONVENTIONAL },
	};
	struct pci_fake *fake = auto_fake(test, fns, ARRAY_SIZE(fns));
	struct pci_dev *pcie = must_dev(test, fake, 0, 1, 0);
	struct pci_dev *conv = must_dev(test, fake, 0, 2, 0);
	u16 acs, ats, pri, pasid;

	KUNIT_EXPECT_TRUE(test, pci_is_pcie(pcie));
	KUNIT_EXPECT_EQ(test, pci_find_capability(pcie, PCI_CAP_ID_EXP), 0x40);
	KUNIT_EXPECT_EQ(test, pci_find_capability(pcie, PCI_CAP_ID_MSI), 0);
	KUNIT_EXPECT_EQ(test, pcie->cfg_size, PCI_CFG_SPACE_EXP_SIZE);

	acs = pci_find_ext_capability(pcie, PCI_EXT_CAP_ID_ACS);
	ats = pci_find_ext_capability(pcie, PCI_EXT_CAP_ID_ATS);
	pri = pci_find_ext_capability(pcie, PCI_EXT_CAP_ID_PRI);
	pasid = pci_find_ext_capability(pcie, PCI_EXT_CAP_ID_PASID);
	KUNIT_EXPECT_EQ(test, acs, 0x100);
	KUNIT_EXPECT_GT(test, ats, acs);
	KUNIT_EXPECT_GT(test, pri, ats);
	KUNIT_EXPECT_GT(test, pasid, pri);
	KUNIT_EXPECT_EQ(test, pcie->acs_cap, acs);
	KUNIT_EXPECT_EQ(test, pcie->ats_cap, ats);
	KUNIT_EXPECT_EQ(test, pcie->pri_cap, pri);
	KUNIT_EXPECT_EQ(test, pcie->pasid_cap, pasid);
	KUNIT_EXPECT_EQ(test, pci_find_ext_capability(pcie, PCI_EXT_CAP_ID_ERR), 0);

	KUNIT_EXPECT_FALSE(test, pci_is_pcie(conv));
	KUNIT_EXPECT_EQ(test, conv->cfg_size, PCI_CFG_SPACE_SIZE);
	KUNIT_EXPECT_EQ(test, pci_find_capability(conv, PCI_CAP_ID_EXP), 0);
	KUNIT_EXPECT_EQ(test, pci_find_ext_capability(conv, PCI_EXT_CAP_ID_ACS), 0);
}

/*
 * bus 00: 01.0 root port with full ACS -> 01..04
 *         02.0 root port without ACS  -> 05
 *         03.0 root port with ACS SV only (the rest hard-wired) -> 06
 *         04.0/04.1 multifunction endpoint without ACS
 *         05.0/05.1 multifunction endpoint with ACS
 *         06.0 conventional PCI device, 07.0 single-function endpoint
 * bus 01: 00.0 switch upstream port -> 02..04
 * bus 02: 00.0 downstream port with ACS -> 03; 01.0 without -> 04
 * bus 03/04/05/06: 00.0 endpoint
 */
static const struct pci_fake_fn acs_topology[] = {
	{ PCI_FAKE_PORT(0, 1, 0, PCI_EXP_TYPE_ROOT_PORT, 1),
	  .flags = PCI_FAKE_BRIDGE | PCI_FAKE_ACS, .subordinate = 4,
	  .acs_cap = ACS_ALL, .acs_ctrl = ACS_ALL },
	{ PCI_FAKE_PORT(0, 2, 0, PCI_EXP_TYPE_ROOT_PORT, 5) },
	{ PCI_FAKE_PORT(0, 3, 0, PCI_EXP_TYPE_ROOT_PORT, 6),
	  .flags = PCI_FAKE_BRIDGE | PCI_FAKE_ACS,
	  .acs_cap = PCI_ACS_SV, .acs_ctrl = PCI_ACS_SV },
	{ PCI_FAKE_EP(0, 4, 0), .flags = PCI_FAKE_MULTIFUNCTION },
	{ PCI_FAKE_EP(0, 4, 1) },
	{ PCI_FAKE_EP(0, 5, 0), .flags = PCI_FAKE_MULTIFUNCTION | PCI_FAKE_ACS,
	  .acs_cap = ACS_ALL, .acs_ctrl = ACS_ALL },
	{ PCI_FAKE_EP(0, 5, 1), .flags = PCI_FAKE_ACS,
	  .acs_cap = ACS_ALL, .acs_ctrl = ACS_ALL },
	{ PCI_FAKE_EP(0, 6, 0), .flags = PCI_FAKE_CONVENTIONAL },
	{ PCI_FAKE_EP(0, 7, 0) },
	{ PCI_FAKE_PORT(1, 0, 0, PCI_EXP_TYPE_UPSTREAM, 2), .subordinate = 4 },
	{ PCI_FAKE_PORT(2, 0, 0, PCI_EXP_TYPE_DOWNSTREAM, 3),
	  .flags = PCI_FAKE_BRIDGE | PCI_FAKE_ACS,
	  .acs_cap = ACS_ALL, .acs_ctrl = ACS_ALL },
	{ PCI_FAKE_PORT(2, 1, 0, PCI_EXP_TYPE_DOWNSTREAM, 4) },
	{ PCI_FAKE_EP(3, 0, 0) },
	{ PCI_FAKE_EP(4, 0, 0) },
	{ PCI_FAKE_EP(5, 0, 0) },
	{ PCI_FAKE_EP(6, 0, 0) },
};

static void pci_test_acs(struct kunit *test)
{
	struct pci_fake *fake = auto_fake(test, acs_topology, ARRAY_SIZE(acs_topology));
	struct pci_dev *rp_acs = must_dev(test, fake, 0, 1, 0);
	struct pci_dev *rp_none = must_dev(test, fake, 0, 2, 0);
	struct pci_dev *rp_hw = must_dev(test, fake, 0, 3, 0);
	struct pci_dev *usp = must_dev(test, fake, 1, 0, 0);
	struct pci_dev *ep_iso = must_dev(test, fake, 3, 0, 0);
	struct pci_dev *ep_dsp_none = must_dev(test, fake, 4, 0, 0);

	/* Single-function endpoints cannot talk to peers: isolated. */
	KUNIT_EXPECT_TRUE(test, pci_acs_enabled(DEV(fake, 0, 7, 0), REQ_ACS_FLAGS));
	/* Multifunction without ACS: not isolated from its siblings. */
	KUNIT_EXPECT_FALSE(test, pci_acs_enabled(DEV(fake, 0, 4, 0), REQ_ACS_FLAGS));
	KUNIT_EXPECT_FALSE(test, pci_acs_enabled(DEV(fake, 0, 4, 1), REQ_ACS_FLAGS));
	KUNIT_EXPECT_TRUE(test, pci_acs_enabled(DEV(fake, 0, 5, 0), REQ_ACS_FLAGS));
	KUNIT_EXPECT_TRUE(test, pci_acs_enabled(DEV(fake, 0, 5, 1), REQ_ACS_FLAGS));
	/* Conventional PCI never isolates. */
	KUNIT_EXPECT_FALSE(test, pci_acs_enabled(DEV(fake, 0, 6, 0), REQ_ACS_FLAGS));
	/* Ports need the capability; a single upstream port does not. */
	KUNIT_EXPECT_TRUE(test, pci_acs_enabled(rp_acs, REQ_ACS_FLAGS));
	KUNIT_EXPECT_FALSE(test, pci_acs_enabled(rp_none, REQ_ACS_FLAGS));
	KUNIT_EXPECT_TRUE(test, pci_acs_enabled(usp, REQ_ACS_FLAGS));
	KUNIT_EXPECT_FALSE(test, pci_acs_enabled(DEV(fake, 2, 1, 0), REQ_ACS_FLAGS));
	/* Controls a port does not implement count as enabled... */
	KUNIT_EXPECT_TRUE(test, pci_acs_enabled(rp_hw, REQ_ACS_FLAGS));
	/* ...except egress control. */
	KUNIT_EXPECT_FALSE(test, pci_acs_enabled(rp_hw, PCI_ACS_EC));

	/* Paths to the root. */
	KUNIT_EXPECT_TRUE(test, pci_acs_path_enabled(ep_iso, NULL, REQ_ACS_FLAGS));
	KUNIT_EXPECT_FALSE(test, pci_acs_path_enabled(ep_dsp_none, NULL,
						      REQ_ACS_FLAGS));
	KUNIT_EXPECT_FALSE(test, pci_acs_path_enabled(DEV(fake, 5, 0, 0), NULL,
						      REQ_ACS_FLAGS));
	KUNIT_EXPECT_TRUE(test, pci_acs_path_enabled(DEV(fake, 6, 0, 0), NULL,
						     REQ_ACS_FLAGS));
	/* Stopping at a bridge below the root checks up to that bridge. */
	KUNIT_EXPECT_TRUE(test, pci_acs_path_enabled(ep_iso, usp, REQ_ACS_FLAGS));
	KUNIT_EXPECT_FALSE(test, pci_acs_path_enabled(ep_dsp_none, usp,
						      REQ_ACS_FLAGS));
	/*
	 * As in the kernel, reaching the root bus before @end answers
	 * "end == NULL", so an @end on the root bus gives false.
	 */
	KUNIT_EXPECT_FALSE(test, pci_acs_path_enabled(ep_iso, rp_acs,
						      REQ_ACS_FLAGS));
}

#define MAX_ALIASES 8

struct alias_log {
	u16 alias[MAX_ALIASES];
	struct pci_dev *owner[MAX_ALIASES];
	int n;
	int stop_at;
};

static int record_alias(struct pci_dev *pdev, u16 alias, void *data)
{
	struct alias_log *log = data;

	if (log->n < MAX_ALIASES) {
		log->alias[log->n] = alias;
		log->owner[log->n] = pdev;
	}
	log->n++;
	return log->stop_at && log->n == log->stop_at ? 42 : 0;
}

/*
 * bus 00: 1c.0 root port -> 01; 02.0 endpoint aliasing 02.1-02.2;
 *         03.0 endpoint
 * bus 01: 00.0 PCIe-to-PCI bridge -> 02
 * bus 02: 00.0 conventional PCI-to-PCI bridge -> 03;
 *         01.0 conventional bridge flagged PCIe-bridge alias -> 04
 * bus 03: 04.0 conventional endpoint
 * bus 04: 02.0 conventional endpoint
 */
static const struct pci_fake_fn alias_topology[] = {
	{ PCI_FAKE_PORT(0, 0x1c, 0, PCI_EXP_TYPE_ROOT_PORT, 1),
	  .subordinate = 4 },
	{ PCI_FAKE_EP(0, 2, 0), .alias_devfn = PCI_DEVFN(2, 1), .nr_aliases = 2 },
	{ PCI_FAKE_EP(0, 3, 0) },
	{ PCI_FAKE_PORT(1, 0, 0, PCI_EXP_TYPE_PCI_BRIDGE, 2), .subordinate = 4 },
	{ .bus = 2, .devfn = PCI_DEVFN(0, 0), .secondary = 3,
	  .flags = PCI_FAKE_BRIDGE | PCI_FAKE_CONVENTIONAL },
	{ .bus = 2, .devfn = PCI_DEVFN(1, 0), .secondary = 4,
	  .flags = PCI_FAKE_BRIDGE | PCI_FAKE_CONVENTIONAL |
		   PCI_FAKE_PCIE_BRIDGE_ALIAS },
	{ .bus = 3, .devfn = PCI_DEVFN(4, 0), .flags = PCI_FAKE_CONVENTIONAL },
	{ .bus = 4, .devfn = PCI_DEVFN(2, 0), .flags = PCI_FAKE_CONVENTIONAL },
};

static void pci_test_dma_alias(struct kunit *test)
{
	struct pci_fake *fake = auto_fake(test, alias_topology, ARRAY_SIZE(alias_topology));
	struct pci_dev *pcie2pci = must_dev(test, fake, 1, 0, 0);
	struct pci_dev *pcibr = must_dev(test, fake, 2, 0, 0);
	struct pci_dev *aliasbr = must_dev(test, fake, 2, 1, 0);
	struct pci_dev *conv = must_dev(test, fake, 3, 4, 0);
	struct pci_dev *conv2 = must_dev(test, fake, 4, 2, 0);
	struct pci_dev *ep = must_dev(test, fake, 0, 2, 0);
	struct alias_log log = {};

	KUNIT_EXPECT_TRUE(test, aliasbr->dev_flags & PCI_DEV_FLAG_PCIE_BRIDGE_ALIAS);

	/*
	 * Behind a conventional bridge behind a PCIe-to-PCI bridge: the
	 * function itself, then the conventional bridge's own ID, then the
	 * PCIe-to-PCI bridge's (secondary bus, 00.0); the root port adds
	 * nothing.
	 */
	KUNIT_EXPECT_EQ(test, pci_for_each_dma_alias(conv, record_alias, &log), 0);
	KUNIT_ASSERT_EQ(test, log.n, 3);
	KUNIT_EXPECT_EQ(test, log.alias[0], PCI_DEVID(3, PCI_DEVFN(4, 0)));
	KUNIT_EXPECT_PTR_EQ(test, log.owner[0], conv);
	KUNIT_EXPECT_EQ(test, log.alias[1], PCI_DEVID(2, PCI_DEVFN(0, 0)));
	KUNIT_EXPECT_PTR_EQ(test, log.owner[1], pcibr);
	KUNIT_EXPECT_EQ(test, log.alias[2], PCI_DEVID(2, PCI_DEVFN(0, 0)));
	KUNIT_EXPECT_PTR_EQ(test, log.owner[2], pcie2pci);

	/* A conventional bridge flagged to alias like a PCIe-to-PCI bridge. */
	memset(&log, 0, sizeof(log));
	pci_for_each_dma_alias(conv2, record_alias, &log);
	KUNIT_ASSERT_EQ(test, log.n, 3);
	KUNIT_EXPECT_EQ(test, log.alias[0], PCI_DEVID(4, PCI_DEVFN(2, 0)));
	KUNIT_EXPECT_EQ(test, log.alias[1], PCI_DEVID(4, PCI_DEVFN(0, 0)));
	KUNIT_EXPECT_PTR_EQ(test, log.owner[1], aliasbr);
	KUNIT_EXPECT_EQ(test, log.alias[2], PCI_DEVID(2, PCI_DEVFN(0, 0)));

	/* Explicit aliases come right after the function's own ID. */
	memset(&log, 0, sizeof(log));
	pci_for_each_dma_alias(ep, record_alias, &log);
	KUNIT_ASSERT_EQ(test, log.n, 3);
	KUNIT_EXPECT_EQ(test, log.alias[0], PCI_DEVID(0, PCI_DEVFN(2, 0)));
	KUNIT_EXPECT_EQ(test, log.alias[1], PCI_DEVID(0, PCI_DEVFN(2, 1)));
	KUNIT_EXPECT_EQ(test, log.alias[2], PCI_DEVID(0, PCI_DEVFN(2, 2)));
	KUNIT_EXPECT_FALSE(test, pci_devs_are_dma_aliases(ep, DEV(fake, 0, 3, 0)));

	/* A callback's non-zero return stops the walk and is passed back. */
	memset(&log, 0, sizeof(log));
	log.stop_at = 2;
	KUNIT_EXPECT_EQ(test, pci_for_each_dma_alias(conv, record_alias, &log), 42);
	KUNIT_EXPECT_EQ(test, log.n, 2);

	/* Adding an alias at run time is seen by both helpers. */
	pci_add_dma_alias(ep, PCI_DEVFN(3, 0), 1);
	KUNIT_EXPECT_TRUE(test, pci_devs_are_dma_aliases(ep, DEV(fake, 0, 3, 0)));
	KUNIT_EXPECT_TRUE(test, pci_devs_are_dma_aliases(DEV(fake, 0, 3, 0), ep));
}

/*
 * bus 00: 01.0 root port with ACS -> 01; 02.0 root port without -> 02;
 *         03.0 root port with ACS but no End-End TLP prefix -> 03
 * bus 01: 00.0 PASID (width 16, EXEC), ATS, PRI
 * bus 02: 00.0 PASID; bus 03: 00.0 PASID
 * bus 00: 04.0 integrated endpoint without PASID
 */
static const struct pci_fake_fn pasid_topology[] = {
	{ PCI_FAKE_PORT(0, 1, 0, PCI_EXP_TYPE_ROOT_PORT, 1),
	  .flags = PCI_FAKE_BRIDGE | PCI_FAKE_ACS,
	  .acs_cap = ACS_ALL, .acs_ctrl = ACS_ALL },
	{ PCI_FAKE_PORT(0, 2, 0, PCI_EXP_TYPE_ROOT_PORT, 2) },
	{ PCI_FAKE_PORT(0, 3, 0, PCI_EXP_TYPE_ROOT_PORT, 3),
	  .flags = PCI_FAKE_BRIDGE | PCI_FAKE_ACS | PCI_FAKE_NO_EETLP,
	  .acs_cap = ACS_ALL, .acs_ctrl = ACS_ALL },
	{ PCI_FAKE_RCIEP(0, 4, 0), .flags = PCI_FAKE_ATS },
	{ PCI_FAKE_EP(1, 0, 0), .flags = PCI_FAKE_PASID | PCI_FAKE_ATS |
	  PCI_FAKE_PRI, .pasid_width = 16, .pasid_features = PCI_PASID_CAP_EXEC },
	{ PCI_FAKE_EP(2, 0, 0), .flags = PCI_FAKE_PASID, .pasid_width = 20 },
	{ PCI_FAKE_EP(3, 0, 0), .flags = PCI_FAKE_PASID, .pasid_width = 8 },
};

static void pci_test_pasid(struct kunit *test)
{
	DEFINE_SUPPRESSED_WARNING(pci_enable_pasid);
	struct pci_fake *fake = auto_fake(test, pasid_topology, ARRAY_SIZE(pasid_topology));
	struct pci_dev *good = must_dev(test, fake, 1, 0, 0);
	struct pci_dev *no_acs = must_dev(test, fake, 2, 0, 0);
	struct pci_dev *no_tlp = must_dev(test, fake, 3, 0, 0);
	struct pci_dev *no_pasid = must_dev(test, fake, 0, 4, 0);
	u16 ctrl;

	KUNIT_EXPECT_EQ(test, pci_max_pasids(good), 1 << 16);
	KUNIT_EXPECT_EQ(test, pci_max_pasids(no_acs), 1 << 20);
	KUNIT_EXPECT_EQ(test, pci_max_pasids(no_tlp), 1 << 8);
	KUNIT_EXPECT_EQ(test, pci_max_pasids(no_pasid), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_pasid_features(good), PCI_PASID_CAP_EXEC);
	KUNIT_EXPECT_EQ(test, pci_pasid_features(no_pasid), -EINVAL);

	KUNIT_EXPECT_TRUE(test, good->eetlp_prefix_path);
	KUNIT_EXPECT_FALSE(test, no_tlp->eetlp_prefix_path);

	/* Refusals: no capability, no ACS redirect, no TLP prefix path, features. */
	KUNIT_EXPECT_EQ(test, pci_enable_pasid(no_pasid, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_enable_pasid(no_acs, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_enable_pasid(no_tlp, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_enable_pasid(good, PCI_PASID_CAP_PRIV), -EINVAL);
	KUNIT_EXPECT_FALSE(test, good->pasid_enabled);

	KUNIT_EXPECT_EQ(test, pci_enable_pasid(good, PCI_PASID_CAP_EXEC), 0);
	KUNIT_EXPECT_TRUE(test, good->pasid_enabled);
	pci_read_config_word(good, good->pasid_cap + PCI_PASID_CTRL, &ctrl);
	KUNIT_EXPECT_EQ(test, ctrl, PCI_PASID_CTRL_ENABLE | PCI_PASID_CTRL_EXEC);
	KUNIT_EXPECT_EQ(test, pci_pasid_status(good),
			PCI_PASID_CTRL_ENABLE | PCI_PASID_CTRL_EXEC);

	/* Enabling twice is a caller bug: warning and -EBUSY. */
	START_SUPPRESSED_WARNING(pci_enable_pasid);
	KUNIT_EXPECT_EQ(test, pci_enable_pasid(good, 0), -EBUSY);
	END_SUPPRESSED_WARNING(pci_enable_pasid);
	KUNIT_EXPECT_EQ(test, SUPPRESSED_WARNING_COUNT(pci_enable_pasid), 1);

	pci_disable_pasid(good);
	KUNIT_EXPECT_FALSE(test, good->pasid_enabled);
	KUNIT_EXPECT_EQ(test, pci_pasid_status(good), 0);
}

/*
 * bus 00: 01.0 external-facing root port -> 01; 02.0 internal root port
 *         -> 02; 03.0 endpoint flagged untrusted
 * bus 01: 00.0 switch upstream port -> 02... (kept simple: an endpoint)
 * bus 02: 00.0 endpoint
 */
static const struct pci_fake_fn trust_topology[] = {
	{ PCI_FAKE_PORT(0, 1, 0, PCI_EXP_TYPE_ROOT_PORT, 1),
	  .flags = PCI_FAKE_BRIDGE | PCI_FAKE_EXTERNAL_FACING },
	{ PCI_FAKE_PORT(0, 2, 0, PCI_EXP_TYPE_ROOT_PORT, 2) },
	{ PCI_FAKE_EP(0, 3, 0), .flags = PCI_FAKE_UNTRUSTED | PCI_FAKE_ATS },
	{ PCI_FAKE_EP(1, 0, 0), .flags = PCI_FAKE_ATS },
	{ PCI_FAKE_EP(2, 0, 0), .flags = PCI_FAKE_ATS | PCI_FAKE_PRI },
};

static void pci_test_untrusted_ats_pri(struct kunit *test)
{
	struct pci_fake *fake = auto_fake(test, trust_topology, ARRAY_SIZE(trust_topology));
	struct pci_dev *ext_rp = must_dev(test, fake, 0, 1, 0);
	struct pci_dev *outside = must_dev(test, fake, 1, 0, 0);
	struct pci_dev *inside = must_dev(test, fake, 2, 0, 0);
	struct pci_dev *flagged = must_dev(test, fake, 0, 3, 0);
	u16 ctrl;

	KUNIT_EXPECT_TRUE(test, ext_rp->external_facing);
	KUNIT_EXPECT_FALSE(test, ext_rp->untrusted);
	KUNIT_EXPECT_TRUE(test, outside->untrusted);
	KUNIT_EXPECT_TRUE(test, dev_is_removable(&outside->dev));
	KUNIT_EXPECT_FALSE(test, inside->untrusted);
	KUNIT_EXPECT_FALSE(test, dev_is_removable(&inside->dev));
	KUNIT_EXPECT_TRUE(test, flagged->untrusted);

	/* ATS is refused to untrusted functions. */
	KUNIT_EXPECT_FALSE(test, pci_ats_supported(outside));
	KUNIT_EXPECT_FALSE(test, pci_ats_supported(flagged));
	KUNIT_EXPECT_EQ(test, pci_enable_ats(outside, 12), -EINVAL);
	KUNIT_EXPECT_TRUE(test, pci_ats_supported(inside));
	KUNIT_EXPECT_EQ(test, pci_enable_ats(inside, 11), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_enable_ats(inside, 12), 0);
	KUNIT_EXPECT_TRUE(test, pci_ats_enabled(inside));
	pci_read_config_word(inside, inside->ats_cap + PCI_ATS_CTRL, &ctrl);
	KUNIT_EXPECT_EQ(test, ctrl, PCI_ATS_CTRL_ENABLE);
	KUNIT_EXPECT_EQ(test, pci_ats_queue_depth(inside), PCI_ATS_MAX_QDEP);
	pci_disable_ats(inside);
	KUNIT_EXPECT_FALSE(test, pci_ats_enabled(inside));

	KUNIT_EXPECT_TRUE(test, pci_pri_supported(inside));
	KUNIT_EXPECT_FALSE(test, pci_pri_supported(outside));
	KUNIT_EXPECT_EQ(test, pci_enable_pri(outside, 16), -EINVAL);
	KUNIT_EXPECT_EQ(test, pci_enable_pri(inside, 1000), 0);
	KUNIT_EXPECT_EQ(test, inside->pri_reqs_alloc, 32);
	pci_disable_pri(inside);
	KUNIT_EXPECT_FALSE(test, inside->pri_enabled);
}

struct pci_test_drv_state {
	int probes, removes;
	const struct pci_device_id *id;
};

static struct pci_test_drv_state drv_state;

static int pci_test_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	drv_state.probes++;
	drv_state.id = id;
	return 0;
}

static void pci_test_remove(struct pci_dev *pdev)
{
	drv_state.removes++;
}

static const struct pci_device_id pci_test_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_REDHAT, 0x7001), .driver_data = 1 },
	{ PCI_DEVICE_CLASS(PCI_CLASS_STORAGE_EXPRESS, ~0), .driver_data = 2 },
	{ }
};

static struct pci_driver pci_test_driver = {
	.name		= "hostenv-pci-test",
	.id_table	= pci_test_ids,
	.probe		= pci_test_probe,
	.remove		= pci_test_remove,
};

static void unregister_pci_test_driver(void *unused)
{
	pci_unregister_driver(&pci_test_driver);
}

static int notify_counts[8];

static int pci_test_notifier(struct notifier_block *nb, unsigned long action,
			     void *data)
{
	struct device *dev = data;

	if (action < ARRAY_SIZE(notify_counts) &&
	    pci_domain_nr(to_pci_dev(dev)->bus) == DOM_B)
		notify_counts[action]++;
	return NOTIFY_DONE;
}

static struct notifier_block pci_test_nb = {
	.notifier_call = pci_test_notifier,
};

static void unregister_pci_test_nb(void *unused)
{
	bus_unregister_notifier(&pci_bus_type, &pci_test_nb);
}

static const struct pci_fake_fn driver_topology[] = {
	{ PCI_FAKE_EP(0, 1, 0), .device = 0x7001 },
	{ PCI_FAKE_EP(0, 2, 0), .device = 0x7002,
	  .class = PCI_CLASS_STORAGE_EXPRESS },
	{ PCI_FAKE_EP(0, 3, 0), .device = 0x7003 },
	{ PCI_FAKE_PORT(0, 4, 0, PCI_EXP_TYPE_ROOT_PORT, 1) },
	{ PCI_FAKE_EP(1, 0, 0), .device = 0x7001 },
};

static void pci_test_driver_and_removal(struct kunit *test)
{
	struct pci_fake_desc desc = {
		.domain = DOM_B,
		.fns = driver_topology,
		.nr_fns = ARRAY_SIZE(driver_topology),
		.no_add = true,
	};
	struct pci_dev *a, *nvme, *other, *rp, *below;
	struct pci_fake *fake;

	memset(&drv_state, 0, sizeof(drv_state));
	memset(notify_counts, 0, sizeof(notify_counts));
	KUNIT_ASSERT_EQ(test, bus_register_notifier(&pci_bus_type, &pci_test_nb), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, unregister_pci_test_nb,
							NULL), 0);
	KUNIT_ASSERT_EQ(test, pci_register_driver(&pci_test_driver), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test,
							unregister_pci_test_driver,
							NULL), 0);

	fake = kunit_pci_fake_create(test, &desc);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, fake);

	/* Scanning announces every function but binds nothing yet. */
	KUNIT_EXPECT_EQ(test, notify_counts[BUS_NOTIFY_ADD_DEVICE], 5);
	KUNIT_EXPECT_EQ(test, drv_state.probes, 0);

	pci_bus_add_devices(pci_fake_root_bus(fake));
	a = must_dev(test, fake, 0, 1, 0);
	nvme = must_dev(test, fake, 0, 2, 0);
	other = DEV(fake, 0, 3, 0);
	rp = DEV(fake, 0, 4, 0);
	below = must_dev(test, fake, 1, 0, 0);
	KUNIT_EXPECT_EQ(test, drv_state.probes, 3);
	KUNIT_EXPECT_PTR_EQ(test, pci_dev_driver(a), &pci_test_driver);
	KUNIT_EXPECT_PTR_EQ(test, pci_dev_driver(nvme), &pci_test_driver);
	KUNIT_EXPECT_NULL(test, pci_dev_driver(other));
	KUNIT_EXPECT_PTR_EQ(test, pci_match_id(pci_test_ids, nvme), &pci_test_ids[1]);
	KUNIT_EXPECT_NULL(test, pci_match_id(pci_test_ids, other));
	KUNIT_EXPECT_EQ(test, notify_counts[BUS_NOTIFY_BOUND_DRIVER], 3);

	/* Removing a bridge removes what is behind it, drivers first. */
	pci_dev_get(below);
	pci_lock_rescan_remove();
	pci_stop_and_remove_bus_device(rp);
	pci_unlock_rescan_remove();
	KUNIT_EXPECT_EQ(test, drv_state.removes, 1);
	KUNIT_EXPECT_NULL(test, DEV(fake, 0, 4, 0));
	KUNIT_EXPECT_NULL(test, pci_get_domain_bus_and_slot(DOM_B, 1, 0));
	KUNIT_EXPECT_NULL(test, pci_find_bus(DOM_B, 1));
	KUNIT_EXPECT_EQ(test, notify_counts[BUS_NOTIFY_REMOVED_DEVICE], 2);
	/* A held reference keeps the structure (and its bus) valid. */
	KUNIT_EXPECT_EQ(test, below->bus->number, 1);
	pci_dev_put(below);

	pci_unregister_driver(&pci_test_driver);
	KUNIT_EXPECT_EQ(test, drv_state.removes, 3);
	KUNIT_EXPECT_NULL(test, pci_dev_driver(a));
	/* Registered again for the cleanup action to unregister. */
	KUNIT_EXPECT_EQ(test, pci_register_driver(&pci_test_driver), 0);
	KUNIT_EXPECT_EQ(test, drv_state.probes, 5);
}

static void pci_test_fake_errors(struct kunit *test)
{
	static const struct pci_fake_fn dup[] = {
		{ PCI_FAKE_EP(0, 1, 0) }, { PCI_FAKE_EP(0, 1, 0) },
	};
	static const struct pci_fake_fn one[] = { { PCI_FAKE_EP(0, 1, 0) } };
	struct pci_fake_desc desc = {
		.domain = DOM_B, .fns = dup, .nr_fns = ARRAY_SIZE(dup),
	};

	KUNIT_EXPECT_EQ(test, PTR_ERR(pci_fake_create(&desc)), -EINVAL);

	desc.fns = one;
	desc.nr_fns = 1;
	make_fake(test, DOM_B, one, 1, false);
	/* The same root bus twice. */
	KUNIT_EXPECT_EQ(test, PTR_ERR(pci_fake_create(&desc)), -EEXIST);
}

/* Allocation failures while enumerating lose functions, never leak or crash. */
static void pci_test_fault_injection(struct kunit *test)
{
	struct pci_fake_desc desc = {
		.domain = PCI_FAKE_DOMAIN_AUTO,
		.fns = alias_topology,
		.nr_fns = ARRAY_SIZE(alias_topology),
	};
	struct pci_fake *fake;
	int n, complete = 0;

	for (n = 1; n < 400 && !complete; n++) {
		current->fail_nth = n;
		fake = pci_fake_create(&desc);
		current->fail_nth = 0;
		if (IS_ERR(fake)) {
			KUNIT_EXPECT_EQ(test, PTR_ERR(fake), -ENOMEM);
			continue;
		}
		/* Complete once the deepest function was found. */
		complete = pci_fake_dev(fake, 4, PCI_DEVFN(2, 0)) &&
			   pci_fake_dev(fake, 0, PCI_DEVFN(3, 0));
		pci_fake_destroy(fake);
	}
	KUNIT_EXPECT_TRUE(test, complete);
}

static struct kunit_case pci_test_cases[] = {
	KUNIT_CASE(pci_test_enumeration),
	KUNIT_CASE(pci_test_capabilities),
	KUNIT_CASE(pci_test_acs),
	KUNIT_CASE(pci_test_dma_alias),
	KUNIT_CASE(pci_test_pasid),
	KUNIT_CASE(pci_test_untrusted_ats_pri),
	KUNIT_CASE(pci_test_driver_and_removal),
	KUNIT_CASE(pci_test_fake_errors),
	KUNIT_CASE(pci_test_fault_injection),
	{}
};

static struct kunit_suite pci_test_suite = {
	.name = "hostenv_pci",
	.test_cases = pci_test_cases,
};

kunit_test_suite(pci_test_suite);
