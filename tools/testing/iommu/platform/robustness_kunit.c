// SPDX-License-Identifier: GPL-2.0
/*
 * Robustness of the VT-d model and driver against corrupted tables.
 *
 * The driver programs a device's translation (a paging domain at the RID
 * and another at a PASID).  Each round then finds, by walking the tables
 * the way the hardware does (from the root table address register), one
 * root, context, PASID directory, PASID table or page-table entry on the
 * device's path, overwrites it with garbage, and lets the device DMA.
 * Every DMA must end architecturally: completed, a fault with a VT-d fault
 * reason, or a target abort for an address that is not memory.  Nothing
 * may crash and no sanitizer may complain.  The entry is then restored
 * and the device must see exactly its mappings again.
 *
 * The machine's units cache nothing (vtd_config.no_cache), so restoring
 * an entry in memory is enough to undo a round.
 */
#include <linux/bits.h>
#include <linux/err.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/prandom.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/test.h>

#include <host/machine.h>
#include <host/mem.h>
#include <host/vtd.h>

#include "../../../../drivers/iommu/iommu-priv.h"
#include "platform_test.h"

#define RB_SEED		0x0b5e55edULL
#define RB_ROUNDS	2000
#define RB_PROBES	6
#define RB_PAGES	16
#define RB_IOVA		0x40000000UL
#define RB_PASID	5

/* The architecture's numbers, the test's own copy */
#define RB_RTADDR_REG	0x20
#define RB_RTADDR_TTM(v)	(((v) >> 10) & 3)
#define RB_ADDR_MASK	GENMASK_ULL(51, 12)
#define RB_SL_RW	(BIT_ULL(0) | BIT_ULL(1))
#define RB_PS		BIT_ULL(7)
#define RB_PGTT_FL	1
#define RB_PGTT_SL	2
#define RB_TT_PT	2

enum rb_kind {
	RB_ROOT,
	RB_CONTEXT,
	RB_PASID_DIR,
	RB_PASID_ENTRY,
	RB_PAGE_TABLE,
	RB_NR_KINDS,
};

static const char *const rb_kind_names[RB_NR_KINDS] = {
	"root", "context", "PASID directory", "PASID table", "page table",
};

/**
 * struct rb_target - one entry on a device's translation path
 * @kind: what it is
 * @pa: where it is
 * @len: bytes
 */
struct rb_target {
	enum rb_kind kind;
	phys_addr_t pa;
	unsigned int len;
};

#define RB_MAX_TARGETS	12

struct rb_path {
	struct rb_target t[RB_MAX_TARGETS];
	unsigned int n;
};

struct rb_state {
	struct kunit *test;
	struct rnd_state rnd;
	u8 *pool;
	unsigned long dmas, completed, faults, aborts, skipped_foreign, silent;
	unsigned long bad, sanity_bad, rounds[RB_NR_KINDS];
};

static struct machine *rb_machine;
/* The default machine with units that cache nothing */
static struct {
	struct machine_spec desc;
	struct machine_iommu_desc iommus[4];
} rb_uncached;

static u32 rb_rand(struct rb_state *s, u32 n)
{
	return prandom_u32_state(&s->rnd) % n;
}

static u64 rb_read64(phys_addr_t pa, bool *ok)
{
	u64 v = 0;

	if (host_phys_read(pa, &v, sizeof(v)))
		*ok = false;
	return v;
}

static void rb_add(struct rb_path *p, enum rb_kind kind, phys_addr_t pa, unsigned int len)
{
	if (p->n < RB_MAX_TARGETS)
		p->t[p->n++] = (struct rb_target){ .kind = kind, .pa = pa, .len = len };
}

/* Walk a page table from @table for @iova, recording every entry visited. */
static void rb_walk_pages(struct rb_path *p, phys_addr_t table, int levels, bool first_stage,
			  u64 iova)
{
	bool ok = true;
	int level;

	for (level = levels; level >= 1; level--) {
		phys_addr_t pa = table + ((iova >> (12 + 9 * (level - 1))) & 0x1ff) * 8;
		u64 pte;

		rb_add(p, RB_PAGE_TABLE, pa, 8);
		pte = rb_read64(pa, &ok);
		if (!ok || !(first_stage ? pte & BIT_ULL(0) : pte & RB_SL_RW))
			return;
		if (level == 1 || (level <= 3 && (pte & RB_PS)))
			return;
		table = pte & RB_ADDR_MASK;
	}
}

/* The path a request from @rid with @pasid at @iova takes, as hardware walks it. */
static void rb_walk(struct vtd_unit *u, u16 rid, u32 pasid, u64 iova, struct rb_path *p)
{
	u64 rtaddr = vtd_mmio_read(u, RB_RTADDR_REG, 8);
	bool sm = RB_RTADDR_TTM(rtaddr) == 1, ok = true;
	u8 bus = rid >> 8, devfn = rid & 0xff;
	phys_addr_t root = (rtaddr & RB_ADDR_MASK) + bus * 16, ctx, dir, pt;
	u64 lo, hi, q[8];
	unsigned int i;

	p->n = 0;
	rb_add(p, RB_ROOT, root, 16);
	lo = rb_read64(root, &ok);
	hi = rb_read64(root + 8, &ok);
	if (sm && devfn >= 0x80)
		lo = hi;
	if (!ok || !(lo & 1))
		return;
	ctx = lo & RB_ADDR_MASK;

	if (!sm) {
		ctx += devfn * 16;
		rb_add(p, RB_CONTEXT, ctx, 16);
		lo = rb_read64(ctx, &ok);
		hi = rb_read64(ctx + 8, &ok);
		if (ok && (lo & 1) && ((lo >> 2) & 3) != RB_TT_PT)
			rb_walk_pages(p, lo & RB_ADDR_MASK, (hi & 7) + 2, false, iova);
		return;
	}

	ctx += (devfn & 0x7f) * 32;
	rb_add(p, RB_CONTEXT, ctx, 32);
	lo = rb_read64(ctx, &ok);
	hi = rb_read64(ctx + 8, &ok);
	if (!ok || !(lo & 1))
		return;
	if (pasid == DMA_DEV_NO_PASID)
		pasid = hi & 0xfffff;
	dir = (lo & RB_ADDR_MASK) + (pasid >> 6) * 8;
	rb_add(p, RB_PASID_DIR, dir, 8);
	lo = rb_read64(dir, &ok);
	if (!ok || !(lo & 1))
		return;
	pt = (lo & RB_ADDR_MASK) + (pasid & 0x3f) * 64;
	rb_add(p, RB_PASID_ENTRY, pt, 64);
	for (i = 0; i < 8; i++)
		q[i] = rb_read64(pt + i * 8, &ok);
	if (!ok || !(q[0] & 1))
		return;
	switch ((q[0] >> 6) & 7) {
	case RB_PGTT_FL:
		rb_walk_pages(p, q[2] & RB_ADDR_MASK, ((q[2] >> 2) & 3) ? 5 : 4, true, iova);
		break;
	case RB_PGTT_SL:
		rb_walk_pages(p, q[0] & RB_ADDR_MASK, ((q[0] >> 2) & 7) + 2, false, iova);
		break;
	}
}

/* The reasons a VT-d unit can record (legacy and scalable mode). */
static bool rb_reason_valid(u16 r)
{
	return (r >= 0x01 && r <= 0x0d) || r == 0x30 || r == 0x31 ||
	       (r >= 0x38 && r <= 0x3a) || (r >= 0x40 && r <= 0x48) ||
	       (r >= 0x50 && r <= 0x52) || (r >= 0x58 && r <= 0x5d) ||
	       (r >= 0x70 && r <= 0x7c) || (r >= 0x80 && r <= 0x87) || r == 0x90;
}

static void rb_garbage(struct rb_state *s, const struct rb_target *t, u8 *buf)
{
	unsigned int word = rb_rand(s, t->len / 8), i;
	u64 v;

	memcpy(&v, buf + word * 8, 8);
	switch (rb_rand(s, 6)) {
	case 0:		/* the whole entry random */
		prandom_bytes_state(&s->rnd, buf, t->len);
		return;
	case 1:		/* a few bits flipped */
		for (i = 0; i <= rb_rand(s, 3); i++)
			v ^= BIT_ULL(rb_rand(s, 64));
		break;
	case 2:		/* reserved and ignored bits */
		v ^= ((u64)prandom_u32_state(&s->rnd) << 52) | (prandom_u32_state(&s->rnd) & 0xffe);
		break;
	case 3:
		v = ~0ULL;
		break;
	case 4:		/* present, pointing anywhere */
		v = ((u64)prandom_u32_state(&s->rnd) << 32 | prandom_u32_state(&s->rnd));
		v = (v & GENMASK_ULL(47, 12)) | (v & 0x7ff) | 1;
		break;
	default:	/* the address bits alone */
		v = (v & ~GENMASK_ULL(47, 12)) |
		    (((u64)prandom_u32_state(&s->rnd) << 12) & GENMASK_ULL(47, 12));
		break;
	}
	memcpy(buf + word * 8, &v, 8);
}

static bool rb_in_pool(struct rb_state *s, u64 pa)
{
	u64 start = virt_to_phys(s->pool);

	return pa >= start && pa + 8 <= start + RB_PAGES * PAGE_SIZE;
}

static u64 rb_probe_iova(struct rb_state *s)
{
	switch (rb_rand(s, 4)) {
	case 0:
		return RB_IOVA + rb_rand(s, 2 * RB_PAGES) * PAGE_SIZE + rb_rand(s, 512) * 8;
	case 1:
		return ((u64)prandom_u32_state(&s->rnd) << 32 | prandom_u32_state(&s->rnd)) & ~7ULL;
	default:
		return RB_IOVA + rb_rand(s, RB_PAGES) * PAGE_SIZE + rb_rand(s, 512) * 8;
	}
}

/* One DMA while the tables hold garbage: it must end architecturally. */
static void rb_probe(struct rb_state *s, struct machine_dev *md, u32 pasid)
{
	bool write = rb_rand(s, 2);
	u64 iova = rb_probe_iova(s), val = 0;
	const struct dma_dev_fault *f;
	struct vtd_xlate x;
	int ret;

	if (write) {
		/*
		 * Garbage may form a valid translation to any memory of this
		 * process.  Only let writes through to the test's own pages.
		 */
		if (!vtd_translate(md->iommu->vtd, md->rid, pasid, iova, DMA_ACC_WRITE, &x) &&
		    !rb_in_pool(s, x.pa)) {
			s->skipped_foreign++;
			return;
		}
		val = 0x6a7ba6e0000000ULL | s->dmas;
	}
	s->dmas++;
	ret = machine_dev_dma(md, iova, &val, sizeof(val), pasid,
			      write ? DMA_ACC_WRITE : DMA_ACC_READ);
	f = dma_dev_last_fault(&md->dma);
	if (!ret) {
		s->completed++;
	} else if (ret == -EIO && f->mem_error) {
		s->aborts++;
	} else if (ret == -EFAULT && rb_reason_valid(f->reason)) {
		s->faults++;
	} else if (ret == -EFAULT && !f->reason && !f->recorded) {
		s->silent++;	/* fault processing disabled by the entry */
	} else {
		s->bad++;
		if (s->bad <= 10)
			KUNIT_FAIL(s->test, "%s pasid %d %s 0x%llx: %d, reason 0x%x",
				   md->name, (int)pasid, write ? "write" : "read", iova, ret,
				   f->reason);
	}
}

/* After a round the device sees exactly its mappings again. */
static void rb_sanity(struct rb_state *s, struct machine_dev *md, u32 pasid)
{
	unsigned int page = rb_rand(s, RB_PAGES);
	u64 val = 0x5a1e0000ULL + page, got = 0;

	if (machine_dev_dma(md, RB_IOVA + page * PAGE_SIZE + 64, &val, 8, pasid,
			    DMA_ACC_WRITE) ||
	    memcmp(s->pool + page * PAGE_SIZE + 64, &val, 8) ||
	    machine_dev_dma(md, RB_IOVA + page * PAGE_SIZE + 64, &got, 8, pasid, DMA_ACC_READ) ||
	    got != val ||
	    machine_dev_dma(md, RB_IOVA + (RB_PAGES + page) * PAGE_SIZE, &got, 8, pasid,
			    DMA_ACC_READ) != -EFAULT) {
		s->sanity_bad++;
		if (s->sanity_bad <= 10)
			KUNIT_FAIL(s->test, "%s pasid %d: translation not restored", md->name,
				   (int)pasid);
	}
}

static void rb_round(struct rb_state *s, struct machine_dev *md, u32 pasid)
{
	u8 saved[64], garbage[64];
	const struct rb_target *t;
	struct rb_path path;
	enum rb_kind kind;
	unsigned int i;
	u64 iova = RB_IOVA + rb_rand(s, RB_PAGES) * PAGE_SIZE;

	rb_walk(md->iommu->vtd, md->rid, pasid, iova, &path);
	KUNIT_ASSERT_GE(s->test, path.n, 2);
	/* Each kind of entry equally often, then one entry of that kind */
	do {
		kind = rb_rand(s, RB_NR_KINDS);
		for (i = 0; i < path.n && path.t[i].kind != kind; i++)
			;
	} while (i == path.n);
	if (kind == RB_PAGE_TABLE) {
		unsigned int first = i, n = 0;

		while (i < path.n && path.t[i].kind == RB_PAGE_TABLE) {
			n++;
			i++;
		}
		i = first + rb_rand(s, n);
	}
	t = &path.t[i];
	s->rounds[kind]++;

	KUNIT_ASSERT_EQ(s->test, host_phys_read(t->pa, saved, t->len), 0);
	memcpy(garbage, saved, t->len);
	rb_garbage(s, t, garbage);
	KUNIT_ASSERT_EQ(s->test, host_phys_write(t->pa, garbage, t->len), 0);

	for (i = 0; i < RB_PROBES; i++)
		rb_probe(s, md, rb_rand(s, 4) ? pasid : rb_rand(s, 64));

	KUNIT_ASSERT_EQ(s->test, host_phys_write(t->pa, saved, t->len), 0);
	rb_sanity(s, md, pasid);
}

static void garbage_tables_fault_architecturally(struct kunit *test)
{
	struct machine_dev *rid_dev, *pasid_dev;
	struct iommu_domain *d1, *d2;
	struct iommu_group *group;
	struct rb_state *s;
	unsigned int r, i;

	if (!rb_machine || !machine_driver_up(rb_machine, MACHINE_IOMMU_VTD))
		kunit_skip(test, "the VT-d driver is not running");
	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	s->test = test;
	prandom_seed_state(&s->rnd, RB_SEED);
	s->pool = pt_pages(test, RB_PAGES * PAGE_SIZE);

	rid_dev = pt_dev(test, rb_machine, "nvme");
	pasid_dev = pt_dev(test, rb_machine, "accel");
	d1 = pt_paging(test, rid_dev);
	d2 = pt_paging(test, pasid_dev);
	group = pt_group(test, rid_dev);
	KUNIT_ASSERT_EQ(test, iommu_map(d1, RB_IOVA, virt_to_phys(s->pool),
					RB_PAGES * PAGE_SIZE, IOMMU_READ | IOMMU_WRITE,
					GFP_KERNEL), 0);
	KUNIT_ASSERT_EQ(test, iommu_map(d2, RB_IOVA, virt_to_phys(s->pool),
					RB_PAGES * PAGE_SIZE, IOMMU_READ | IOMMU_WRITE,
					GFP_KERNEL), 0);
	pt_claim(test, group);
	KUNIT_ASSERT_EQ(test, iommu_attach_group(d1, group), 0);
	KUNIT_ASSERT_EQ(test, iommu_attach_device_pasid(d2, pasid_dev->dev, RB_PASID, NULL), 0);
	rb_sanity(s, rid_dev, DMA_DEV_NO_PASID);
	rb_sanity(s, pasid_dev, RB_PASID);
	KUNIT_ASSERT_EQ(test, s->sanity_bad, 0);

	for (r = 0; r < RB_ROUNDS; r++) {
		if (r & 1)
			rb_round(s, pasid_dev, RB_PASID);
		else
			rb_round(s, rid_dev, DMA_DEV_NO_PASID);
	}
	iommu_detach_device_pasid(d2, pasid_dev->dev, RB_PASID);

	for (i = 0; i < RB_NR_KINDS; i++)
		kunit_info(test, "%s entries corrupted: %lu rounds\n", rb_kind_names[i],
			   s->rounds[i]);
	kunit_info(test, "DMAs %lu: completed %lu, faulted %lu, silently blocked %lu, target aborts %lu; writes to foreign memory withheld %lu\n",
		   s->dmas, s->completed, s->faults, s->silent, s->aborts, s->skipped_foreign);
	KUNIT_EXPECT_EQ(test, s->bad, 0);
	KUNIT_EXPECT_EQ(test, s->sanity_bad, 0);
	KUNIT_EXPECT_GT(test, s->faults, 0);
	for (i = 0; i < RB_NR_KINDS; i++)
		KUNIT_EXPECT_GT_MSG(test, s->rounds[i], 0, "%s", rb_kind_names[i]);
}

static int rb_suite_init(struct kunit_suite *suite)
{
	const struct machine_spec *def = machine_default_spec();
	struct machine *m;
	unsigned int i;

	if (def->nr_iommus > ARRAY_SIZE(rb_uncached.iommus))
		return -EINVAL;
	rb_uncached.desc = *def;
	for (i = 0; i < def->nr_iommus; i++) {
		rb_uncached.iommus[i] = def->iommus[i];
		rb_uncached.iommus[i].vtd.no_cache = true;
	}
	rb_uncached.desc.iommus = rb_uncached.iommus;
	rb_uncached.desc.name = "default, uncached";
	m = machine_boot(&rb_uncached.desc);
	if (IS_ERR(m))
		return PTR_ERR(m);
	rb_machine = m;
	return 0;
}

static void rb_suite_exit(struct kunit_suite *suite)
{
	machine_teardown(rb_machine);
	rb_machine = NULL;
}

static struct kunit_case rb_cases[] = {
	KUNIT_CASE_SLOW(garbage_tables_fault_architecturally),
	{}
};

static struct kunit_suite rb_suite = {
	.name = "vtd_robustness",
	.suite_init = rb_suite_init,
	.suite_exit = rb_suite_exit,
	.test_cases = rb_cases,
};

kunit_test_suite(rb_suite);
