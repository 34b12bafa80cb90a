// SPDX-License-Identifier: GPL-2.0
/*
 * DMA isolation property test.
 *
 * A seeded random sequence of map, unmap, attach, replace, detach and PASID
 * attach/detach operations runs against the IOMMU driver on the default
 * machine.  The test keeps its own reference of what every domain maps and
 * which domain every requester (RID or RID+PASID) is attached to.  After
 * every operation, modelled devices probe with DMA: a read or a write must
 * succeed exactly when the reference says the page is mapped with that
 * permission, and must reach exactly the page the reference names.  A
 * shadow copy of all target memory catches writes that land anywhere else.
 */
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/prandom.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/test.h>

#include <host/machine.h>

#include "../../../../drivers/iommu/iommu-priv.h"
#include "platform_test.h"

#define ISO_SEED		0x1f0a7e57ULL
#define ISO_STEPS		10000
#define ISO_DOMAINS		4
#define ISO_PAGES		64		/* 4 KiB target pages */
#define ISO_WINDOW		256		/* 4 KiB IOVA slots per domain */
#define ISO_BIG_SLOTS		4		/* 2 MiB IOVA slots per domain */
#define ISO_BIG_BLOCKS		2		/* 2 MiB target blocks */
#define ISO_IOVA		0x80000000UL
#define ISO_BIG_IOVA		0xc0000000UL
#define ISO_MAX_EXTENT		4
#define ISO_FULL_CHECK		500		/* steps between full memory checks */
#define ISO_REPORTS		10		/* mismatches reported in detail */

static const char *const iso_dev_names[] = { "accel", "nvme", "nic0", "nic1", "xhci", "ext" };
#define ISO_DEVS		ARRAY_SIZE(iso_dev_names)
/* PASIDs the test uses on PASID-capable devices */
static const u32 iso_pasids[] = { 1, 2, 3, 0x400 };
#define ISO_NR_PASIDS		ARRAY_SIZE(iso_pasids)

/* One page slot of a domain: which target page (or none) and how */
struct iso_pte {
	s16 page;		/* index into the 4 KiB pool, -1 if unmapped */
	u8 prot;
};

struct iso_big {
	s8 block;		/* index into the 2 MiB pool, -1 if unmapped */
	u8 prot;
};

struct iso_domain {
	struct iommu_domain *domain;
	struct iso_pte pte[ISO_WINDOW];
	struct iso_big big[ISO_BIG_SLOTS];
};

struct iso_dev {
	struct machine_dev *md;
	int group;		/* index into iso_state.groups */
	bool pasid_capable;
	int pasid_dom[ISO_NR_PASIDS];	/* -1: not attached */
};

struct iso_group {
	struct iommu_group *group;
	int dom;		/* -1: blocked */
};

struct iso_state {
	struct kunit *test;
	struct rnd_state rnd;
	struct iso_domain dom[ISO_DOMAINS];
	struct iso_dev dev[ISO_DEVS];
	struct iso_group groups[ISO_DEVS];
	unsigned int nr_groups;
	u8 *pool;
	u8 *big[ISO_BIG_BLOCKS];
	u8 *shadow;
	u8 *big_shadow[ISO_BIG_BLOCKS];
	u32 token;
	unsigned long probes, probe_faults, mismatches, ops[6];
};

enum { OP_MAP, OP_MAP_BIG, OP_UNMAP, OP_RID, OP_PASID, OP_FAILED };

static struct machine *iso_machine;

static u32 rnd_below(struct iso_state *s, u32 n)
{
	return prandom_u32_state(&s->rnd) % n;
}

static __printf(2, 3) void iso_mismatch(struct iso_state *s, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	s->mismatches++;
	if (s->mismatches > ISO_REPORTS)
		return;
	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	KUNIT_FAIL(s->test, "mismatch %lu: %pV", s->mismatches, &vaf);
	va_end(args);
}

/* ---- the reference ---- */

/* Where a DMA from @d with @pasid at @iova must land: CPU pointer and prot. */
static u8 *iso_lookup(struct iso_state *s, struct iso_dev *d, u32 pasid_idx, u64 iova,
		      u8 **shadow, u8 *prot)
{
	int dom = pasid_idx == ISO_NR_PASIDS ? s->groups[d->group].dom :
					       d->pasid_dom[pasid_idx];
	struct iso_domain *dm;

	if (dom < 0)
		return NULL;
	dm = &s->dom[dom];
	if (iova >= ISO_IOVA && iova < ISO_IOVA + ISO_WINDOW * PAGE_SIZE) {
		struct iso_pte *pte = &dm->pte[(iova - ISO_IOVA) >> PAGE_SHIFT];
		size_t off = (size_t)pte->page * PAGE_SIZE + (iova & ~PAGE_MASK);

		if (pte->page < 0)
			return NULL;
		*prot = pte->prot;
		*shadow = s->shadow + off;
		return s->pool + off;
	}
	if (iova >= ISO_BIG_IOVA && iova < ISO_BIG_IOVA + ISO_BIG_SLOTS * SZ_2M) {
		struct iso_big *big = &dm->big[(iova - ISO_BIG_IOVA) / SZ_2M];
		size_t off = iova & (SZ_2M - 1);

		if (big->block < 0)
			return NULL;
		*prot = big->prot;
		*shadow = s->big_shadow[big->block] + off;
		return s->big[big->block] + off;
	}
	return NULL;
}

/* ---- operations ---- */

static u8 iso_prot(struct iso_state *s)
{
	/* Write-only cannot be expressed by every format: read is always on */
	return rnd_below(s, 2) ? IOMMU_READ : IOMMU_READ | IOMMU_WRITE;
}

static void op_map(struct iso_state *s)
{
	struct iso_domain *dm = &s->dom[rnd_below(s, ISO_DOMAINS)];
	unsigned int slot = rnd_below(s, ISO_WINDOW), len = 1 + rnd_below(s, ISO_MAX_EXTENT);
	unsigned int page = rnd_below(s, ISO_PAGES - len + 1), i;
	u8 prot = iso_prot(s);
	int ret;

	if (slot + len > ISO_WINDOW)
		len = ISO_WINDOW - slot;
	for (i = 0; i < len; i++) {
		if (dm->pte[slot + i].page >= 0) {
			len = i;
			break;
		}
	}
	if (!len)
		return;
	ret = iommu_map(dm->domain, ISO_IOVA + slot * PAGE_SIZE,
			virt_to_phys(s->pool + page * PAGE_SIZE), len * PAGE_SIZE, prot,
			GFP_KERNEL);
	if (ret) {
		s->ops[OP_FAILED]++;
		iso_mismatch(s, "iommu_map of %u pages at slot %u failed: %d", len, slot, ret);
		return;
	}
	for (i = 0; i < len; i++) {
		dm->pte[slot + i].page = page + i;
		dm->pte[slot + i].prot = prot;
	}
	s->ops[OP_MAP]++;
}

static void op_map_big(struct iso_state *s)
{
	struct iso_domain *dm = &s->dom[rnd_below(s, ISO_DOMAINS)];
	unsigned int slot = rnd_below(s, ISO_BIG_SLOTS), block = rnd_below(s, ISO_BIG_BLOCKS);
	u8 prot = iso_prot(s);
	int ret;

	if (dm->big[slot].block >= 0)
		return;
	ret = iommu_map(dm->domain, ISO_BIG_IOVA + slot * SZ_2M, virt_to_phys(s->big[block]),
			SZ_2M, prot, GFP_KERNEL);
	if (ret) {
		s->ops[OP_FAILED]++;
		iso_mismatch(s, "iommu_map of 2 MiB at big slot %u failed: %d", slot, ret);
		return;
	}
	dm->big[slot].block = block;
	dm->big[slot].prot = prot;
	s->ops[OP_MAP_BIG]++;
}

static void op_unmap(struct iso_state *s)
{
	struct iso_domain *dm = &s->dom[rnd_below(s, ISO_DOMAINS)];
	unsigned int slot, len, i, start = rnd_below(s, ISO_WINDOW + ISO_BIG_SLOTS);
	size_t got;

	/* The first mapped slot at or after a random point, wrapping */
	for (i = 0; i < ISO_WINDOW + ISO_BIG_SLOTS; i++) {
		slot = (start + i) % (ISO_WINDOW + ISO_BIG_SLOTS);
		if (slot < ISO_WINDOW ? dm->pte[slot].page >= 0 :
					dm->big[slot - ISO_WINDOW].block >= 0)
			break;
	}
	if (i == ISO_WINDOW + ISO_BIG_SLOTS)
		return;

	if (slot >= ISO_WINDOW) {
		slot -= ISO_WINDOW;
		got = iommu_unmap(dm->domain, ISO_BIG_IOVA + slot * SZ_2M, SZ_2M);
		if (got != SZ_2M)
			iso_mismatch(s, "unmap of big slot %u returned %zu", slot, got);
		dm->big[slot].block = -1;
		s->ops[OP_UNMAP]++;
		return;
	}

	/* 1..4 pages, all mapped (4 KiB leaves can be unmapped one by one) */
	len = 1 + rnd_below(s, ISO_MAX_EXTENT);
	for (i = 0; i < len; i++) {
		if (slot + i >= ISO_WINDOW || dm->pte[slot + i].page < 0)
			break;
	}
	len = i;
	got = iommu_unmap(dm->domain, ISO_IOVA + slot * PAGE_SIZE, len * PAGE_SIZE);
	if (got != len * PAGE_SIZE)
		iso_mismatch(s, "unmap of %u pages at slot %u returned %zu", len, slot, got);
	for (i = 0; i < len; i++)
		dm->pte[slot + i].page = -1;
	s->ops[OP_UNMAP]++;
}

static void op_rid(struct iso_state *s)
{
	struct iso_group *g = &s->groups[rnd_below(s, s->nr_groups)];
	int target = (int)rnd_below(s, ISO_DOMAINS + 1) - 1;	/* -1: block */
	int ret = 0;

	if (target < 0) {
		if (g->dom >= 0)
			iommu_detach_group(s->dom[g->dom].domain, g->group);
	} else if (g->dom < 0) {
		ret = iommu_attach_group(s->dom[target].domain, g->group);
	} else {
		ret = iommu_group_replace_domain(g->group, s->dom[target].domain);
	}
	if (ret) {
		s->ops[OP_FAILED]++;
		iso_mismatch(s, "group %d: %d -> %d failed: %d", iommu_group_id(g->group),
			     g->dom, target, ret);
		return;
	}
	g->dom = target;
	s->ops[OP_RID]++;
}

static void op_pasid(struct iso_state *s)
{
	struct iso_dev *d = &s->dev[rnd_below(s, ISO_DEVS)];
	unsigned int p = rnd_below(s, ISO_NR_PASIDS);
	int target = rnd_below(s, ISO_DOMAINS), ret;

	if (!d->pasid_capable)
		return;
	if (d->pasid_dom[p] >= 0) {
		iommu_detach_device_pasid(s->dom[d->pasid_dom[p]].domain, d->md->dev,
					  iso_pasids[p]);
		d->pasid_dom[p] = -1;
		s->ops[OP_PASID]++;
		return;
	}
	ret = iommu_attach_device_pasid(s->dom[target].domain, d->md->dev, iso_pasids[p], NULL);
	if (ret) {
		s->ops[OP_FAILED]++;
		iso_mismatch(s, "%s PASID %u -> domain %d failed: %d", d->md->name,
			     iso_pasids[p], target, ret);
		return;
	}
	d->pasid_dom[p] = target;
	s->ops[OP_PASID]++;
}

/* ---- probes ---- */

static u64 iso_random_iova(struct iso_state *s, struct iso_dev *d, unsigned int pidx)
{
	int dom = pidx == ISO_NR_PASIDS ? s->groups[d->group].dom : d->pasid_dom[pidx];
	u64 off = rnd_below(s, PAGE_SIZE / 4) * 4;
	unsigned int i, slot;

	/* Mostly aim at something the domain maps, when it maps anything */
	if (dom >= 0 && rnd_below(s, 4)) {
		struct iso_domain *dm = &s->dom[dom];

		slot = rnd_below(s, ISO_WINDOW);
		for (i = 0; i < ISO_WINDOW; i++) {
			if (dm->pte[(slot + i) % ISO_WINDOW].page >= 0)
				return ISO_IOVA + ((slot + i) % ISO_WINDOW) * PAGE_SIZE + off;
		}
	}
	if (!rnd_below(s, 5))
		return ISO_BIG_IOVA + rnd_below(s, ISO_BIG_SLOTS) * SZ_2M +
		       rnd_below(s, SZ_2M / 4) * 4;
	return ISO_IOVA + rnd_below(s, ISO_WINDOW) * PAGE_SIZE + off;
}

static void iso_probe(struct iso_state *s)
{
	struct iso_dev *d = &s->dev[rnd_below(s, ISO_DEVS)];
	unsigned int pidx = ISO_NR_PASIDS;
	bool write = rnd_below(s, 2);
	u8 *cpu, *shadow = NULL, prot = 0;
	u32 pasid = DMA_DEV_NO_PASID, val, old = 0;
	bool allowed;
	u64 iova;
	int ret;

	if (d->pasid_capable && !rnd_below(s, 3)) {
		pidx = rnd_below(s, ISO_NR_PASIDS);
		pasid = iso_pasids[pidx];
	}
	iova = iso_random_iova(s, d, pidx);
	cpu = iso_lookup(s, d, pidx, iova, &shadow, &prot);
	allowed = cpu && (prot & (write ? IOMMU_WRITE : IOMMU_READ));
	s->probes++;

	if (write) {
		val = ++s->token;
		if (cpu)
			memcpy(&old, cpu, 4);
		ret = machine_dev_dma(d->md, iova, &val, 4, pasid, DMA_ACC_WRITE);
	} else {
		val = 0;
		ret = machine_dev_dma(d->md, iova, &val, 4, pasid, DMA_ACC_READ);
	}

	if (!allowed) {
		if (ret != -EFAULT)
			iso_mismatch(s, "%s pasid %d %s 0x%llx: expected a fault, got %d",
				     d->md->name, (int)pasid, write ? "write" : "read", iova, ret);
		else
			s->probe_faults++;
		if (cpu && memcmp(cpu, &old, 4) && write)
			iso_mismatch(s, "%s: a faulting write changed memory at 0x%llx",
				     d->md->name, iova);
		return;
	}
	if (ret) {
		iso_mismatch(s, "%s pasid %d %s 0x%llx: expected success, got %d (reason 0x%x)",
			     d->md->name, (int)pasid, write ? "write" : "read", iova, ret,
			     dma_dev_last_fault(&d->md->dma)->reason);
		return;
	}
	if (write) {
		memcpy(shadow, &val, 4);
		if (memcmp(cpu, &val, 4))
			iso_mismatch(s, "%s write 0x%llx did not land in its page", d->md->name,
				     iova);
	} else if (memcmp(cpu, &val, 4)) {
		iso_mismatch(s, "%s read 0x%llx returned 0x%x, memory holds 0x%x", d->md->name,
			     iova, val, *(u32 *)cpu);
	}
}

/* No write ever landed where the reference did not send it. */
static void iso_full_check(struct iso_state *s, unsigned long step)
{
	unsigned int b;

	if (memcmp(s->pool, s->shadow, ISO_PAGES * PAGE_SIZE))
		iso_mismatch(s, "step %lu: the 4 KiB pool differs from its shadow", step);
	for (b = 0; b < ISO_BIG_BLOCKS; b++) {
		if (memcmp(s->big[b], s->big_shadow[b], SZ_2M))
			iso_mismatch(s, "step %lu: 2 MiB block %u differs from its shadow", step,
				     b);
	}
}

/* ---- set-up ---- */

static void iso_free_block(void *p)
{
	free_pages((unsigned long)p, get_order(SZ_2M));
}

static void iso_setup(struct kunit *test, struct iso_state *s)
{
	unsigned int i, j, p;

	s->test = test;
	prandom_seed_state(&s->rnd, ISO_SEED);
	s->pool = pt_pages(test, ISO_PAGES * PAGE_SIZE);
	s->shadow = kunit_kzalloc(test, ISO_PAGES * PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s->shadow);
	for (i = 0; i < ISO_BIG_BLOCKS; i++) {
		s->big[i] = (u8 *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, get_order(SZ_2M));
		KUNIT_ASSERT_NOT_NULL(test, s->big[i]);
		KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, iso_free_block, s->big[i]),
				0);
		s->big_shadow[i] = kunit_kzalloc(test, SZ_2M, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, s->big_shadow[i]);
	}

	for (i = 0; i < ISO_DEVS; i++) {
		struct iso_dev *d = &s->dev[i];
		struct iommu_group *group;

		d->md = pt_dev(test, iso_machine, iso_dev_names[i]);
		d->pasid_capable = d->md->dev->iommu && d->md->dev->iommu->max_pasids > 0x400;
		for (p = 0; p < ISO_NR_PASIDS; p++)
			d->pasid_dom[p] = -1;
		group = pt_group(test, d->md);
		for (j = 0; j < s->nr_groups; j++) {
			if (s->groups[j].group == group)
				break;
		}
		d->group = j;
		if (j == s->nr_groups) {
			s->groups[j].group = group;
			s->groups[j].dom = -1;
			s->nr_groups++;
		}
	}
	/* Domains first: they are freed after the groups are released */
	for (i = 0; i < ISO_DOMAINS; i++) {
		s->dom[i].domain = pt_paging(test, s->dev[1].md);
		for (j = 0; j < ISO_WINDOW; j++)
			s->dom[i].pte[j].page = -1;
		for (j = 0; j < ISO_BIG_SLOTS; j++)
			s->dom[i].big[j].block = -1;
	}
	for (j = 0; j < s->nr_groups; j++)
		pt_claim(test, s->groups[j].group);
}

static void iso_cleanup_pasids(struct iso_state *s)
{
	unsigned int i, p;

	for (i = 0; i < ISO_DEVS; i++) {
		for (p = 0; p < ISO_NR_PASIDS; p++) {
			if (s->dev[i].pasid_dom[p] < 0)
				continue;
			iommu_detach_device_pasid(s->dom[s->dev[i].pasid_dom[p]].domain,
						  s->dev[i].md->dev, iso_pasids[p]);
			s->dev[i].pasid_dom[p] = -1;
		}
	}
}

static void dma_isolation_random_ops(struct kunit *test)
{
	struct iso_state *s;
	unsigned long step;

	if (!iso_machine || !machine_driver_up(iso_machine, MACHINE_IOMMU_VTD))
		kunit_skip(test, "the VT-d driver is not running");
	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	iso_setup(test, s);
	KUNIT_ASSERT_GE(test, s->nr_groups, 2);

	for (step = 1; step <= ISO_STEPS; step++) {
		u32 r = rnd_below(s, 100);

		if (r < 30)
			op_map(s);
		else if (r < 35)
			op_map_big(s);
		else if (r < 60)
			op_unmap(s);
		else if (r < 80)
			op_rid(s);
		else
			op_pasid(s);
		iso_probe(s);
		iso_probe(s);
		if (!(step % ISO_FULL_CHECK))
			iso_full_check(s, step);
	}
	iso_full_check(s, step);
	iso_cleanup_pasids(s);

	kunit_info(test, "seed 0x%llx: %d steps (map %lu, map 2M %lu, unmap %lu, rid %lu, pasid %lu)\n",
		   ISO_SEED, ISO_STEPS, s->ops[OP_MAP], s->ops[OP_MAP_BIG], s->ops[OP_UNMAP],
		   s->ops[OP_RID], s->ops[OP_PASID]);
	kunit_info(test, "probes: %lu (%lu faulted as the reference said), mismatches: %lu\n",
		   s->probes, s->probe_faults, s->mismatches);
	KUNIT_EXPECT_EQ(test, s->mismatches, 0);
	KUNIT_EXPECT_EQ(test, s->ops[OP_FAILED], 0);
	KUNIT_EXPECT_GE(test, s->probes, ISO_STEPS);
	/* The sequence covered every kind of operation and both outcomes */
	KUNIT_EXPECT_GT(test, s->ops[OP_MAP_BIG], 0);
	KUNIT_EXPECT_GT(test, s->ops[OP_PASID], 0);
	KUNIT_EXPECT_GT(test, s->probe_faults, 0);
	KUNIT_EXPECT_LT(test, s->probe_faults, s->probes);
}

static int iso_suite_init(struct kunit_suite *suite)
{
	struct machine *m = machine_boot(machine_default_spec());

	if (IS_ERR(m))
		return PTR_ERR(m);
	iso_machine = m;
	return 0;
}

static void iso_suite_exit(struct kunit_suite *suite)
{
	machine_teardown(iso_machine);
	iso_machine = NULL;
}

static struct kunit_case iso_cases[] = {
	KUNIT_CASE_SLOW(dma_isolation_random_ops),
	{}
};

static struct kunit_suite iso_suite = {
	.name = "vtd_dma_isolation",
	.suite_init = iso_suite_init,
	.suite_exit = iso_suite_exit,
	.test_cases = iso_cases,
};

kunit_test_suite(iso_suite);
