// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite vtd_model_garbage: seeded random garbage in root, context,
 * PASID and paging entries, in the invalidation queue and in the registers.
 * Whatever the tables hold, a request ends in a well-formed translation or
 * an architectural fault, and the host never crashes.
 *
 * All garbage lives in one 256 KiB block.  Pointers that the generator makes
 * on purpose point into its first half, so that even the largest structure
 * indexed from such a pointer (a 128 KiB PASID directory) stays inside the
 * block: the model may only ever write (A/D bits, wait status) into memory
 * this test owns.
 */

#include <linux/bitmap.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <kunit/test.h>

#include "vtd-test.h"

#define POOL_ORDER	6
#define POOL_PAGES	BIT(POOL_ORDER)
#define POOL_PTR_PAGES	(POOL_PAGES / 2)
#define NOT_RAM		0x3000ULL

/*
 * The pointer half of the pool is split by role, so that a walk through
 * garbage usually meets entries of the kind it expects and goes deep.
 */
enum g_role {
	G_ROOT,
	G_CTX,
	G_PDIR,
	G_PTBL,
	G_PT,
	G_NR_ROLES,
};

static const struct {
	u8 first;
	u8 count;
} g_roles[G_NR_ROLES] = {
	[G_ROOT] = { 0, 2 },
	[G_CTX] = { 2, 4 },
	[G_PDIR] = { 6, 4 },
	[G_PTBL] = { 10, 4 },
	[G_PT] = { 14, POOL_PTR_PAGES - 14 },
};

/**
 * struct garbage - state of one garbage run
 * @test: the running test
 * @env: unit under test
 * @pool: the garbage block
 * @seed: generator state
 * @sm: the unit runs in scalable mode
 * @abort_ok: the unit may be in abort-DMA mode (blocking without a reason)
 * @ok: translations that succeeded
 * @faults: translations that faulted
 * @reasons: which fault reasons were seen
 */
struct garbage {
	struct kunit *test;
	struct vtd_test_env *env;
	u64 *pool;
	u64 seed;
	bool sm;
	bool abort_ok;
	unsigned int ok;
	unsigned int faults;
	DECLARE_BITMAP(reasons, 256);
};

static u64 rnd(struct garbage *g)
{
	return vtd_test_rand(&g->seed);
}

static unsigned int rnd_below(struct garbage *g, unsigned int n)
{
	return rnd(g) % n;
}

/* A page-aligned pointer into the first half of the pool. */
static u64 g_ptr(struct garbage *g)
{
	return vtd_test_pa(g->pool) + (u64)rnd_below(g, POOL_PTR_PAGES) * 4096;
}

/* A pointer to a page of @role, or now and then to any page, or nowhere. */
static u64 g_ptr_to(struct garbage *g, enum g_role role)
{
	unsigned int r = rnd_below(g, 16);

	if (r == 0)
		return g_ptr(g);
	if (r == 1)
		return rnd(g) & GENMASK_ULL(51, 12);
	return vtd_test_pa(g->pool) +
	       (u64)(g_roles[role].first + rnd_below(g, g_roles[role].count)) * 4096;
}

/* Anything from zero through plausible entries to noise. */
static u64 g_qword(struct garbage *g)
{
	u64 r = rnd(g), low = rnd(g) & 0xfff;

	switch (rnd_below(g, 8)) {
	case 0:
		return 0;
	case 1:
		return r;
	case 2:
		return g_ptr(g) | low;
	case 3:
		return g_ptr(g) | low | (r & GENMASK_ULL(63, 52));
	case 4:
		return (r & GENMASK_ULL(51, 12)) | low;		/* pointer to nowhere */
	default:
		return r & 0xffff;
	}
}

/* A qword that is usually right and sometimes has a stray bit. */
static u64 g_maybe_junk(struct garbage *g, u64 v)
{
	if (!rnd_below(g, 8))
		v ^= BIT_ULL(rnd_below(g, 64));
	if (!rnd_below(g, 32))
		v = g_qword(g);
	return v;
}

static u64 *g_slot(struct garbage *g, enum g_role role, unsigned int bytes)
{
	unsigned int per_page = 4096 / bytes;
	unsigned int page = g_roles[role].first + rnd_below(g, g_roles[role].count);

	return &g->pool[(page * per_page + rnd_below(g, per_page)) * (bytes / 8)];
}

static void g_root(struct garbage *g, u64 *e)
{
	e[0] = g_maybe_junk(g, g_ptr_to(g, G_CTX) | (rnd_below(g, 8) ? VTDM_ROOT_P : 0));
	if (g->sm)
		e[1] = g_maybe_junk(g, g_ptr_to(g, G_CTX) | (rnd_below(g, 8) ? VTDM_ROOT_P : 0));
	else
		e[1] = rnd_below(g, 16) ? 0 : rnd(g);
}

static void g_legacy_ctx(struct garbage *g, u64 *e)
{
	static const u8 aws[] = { 1, 2, 2, 1, 0, 3 };
	static const u8 tts[] = { 0, 0, 0, 1, 2, 3 };

	e[0] = g_maybe_junk(g, g_ptr_to(g, G_PT) | (rnd_below(g, 8) ? VTDM_CTX_P : 0) |
				((u64)tts[rnd_below(g, ARRAY_SIZE(tts))] << VTDM_CTX_TT_SHIFT) |
				(rnd_below(g, 8) ? 0 : VTDM_CTX_FPD));
	e[1] = g_maybe_junk(g, aws[rnd_below(g, ARRAY_SIZE(aws))] |
				((rnd(g) & 0xff) << VTDM_CTX_HI_DID_SHIFT));
}

static void g_sm_ctx(struct garbage *g, u64 *e)
{
	e[0] = g_maybe_junk(g, g_ptr_to(g, G_PDIR) | (rnd_below(g, 8) ? VTDM_SMCTX_P : 0) |
				(rnd_below(g, 4) ? VTDM_SMCTX_PASIDE : 0) |
				((u64)rnd_below(g, 8) << VTDM_SMCTX_PDTS_SHIFT) |
				(rnd_below(g, 8) ? 0 : VTDM_SMCTX_FPD));
	e[1] = rnd_below(g, 4) ? 0 : g_maybe_junk(g, rnd(g) & 0x7f);
	e[2] = rnd_below(g, 16) ? 0 : rnd(g);
	e[3] = rnd_below(g, 16) ? 0 : rnd(g);
}

static void g_pasid_dir(struct garbage *g, u64 *e)
{
	*e = g_maybe_junk(g, g_ptr_to(g, G_PTBL) | (rnd_below(g, 8) ? VTDM_PDE_P : 0) |
			     (rnd_below(g, 8) ? 0 : VTDM_PDE_FPD));
}

static void g_pasid_entry(struct garbage *g, u64 *e)
{
	static const u8 pgtts[] = { 1, 2, 4, 1, 2, 1, 2, 0, 3, 5 };
	unsigned int i;

	e[0] = g_maybe_junk(g, g_ptr_to(g, G_PT) | (rnd_below(g, 8) ? VTDM_PE0_P : 0) |
			       ((u64)pgtts[rnd_below(g, ARRAY_SIZE(pgtts))] <<
				VTDM_PE0_PGTT_SHIFT) |
			       ((u64)(1 + rnd_below(g, 3)) << VTDM_PE0_AW_SHIFT));
	e[1] = g_maybe_junk(g, rnd(g) & 0xff);
	e[2] = g_maybe_junk(g, g_ptr_to(g, G_PT) |
			       (rnd(g) & (VTDM_PE2_SRE | VTDM_PE2_WPE)) |
			       (rnd_below(g, 8) ? 0 : 1ULL << VTDM_PE2_FLPM_SHIFT));
	for (i = 3; i < 8; i++)
		e[i] = rnd_below(g, 24) ? 0 : rnd(g);
}

/* Second- or first-stage entry: a table pointer, a leaf, or not present. */
static void g_pte(struct garbage *g, u64 *e)
{
	u64 flags = rnd(g) & (VTDM_SL_R | VTDM_SL_W | VTDM_FL_US | VTDM_FL_A | VTDM_FL_D);

	switch (rnd_below(g, 6)) {
	case 0:
		*e = 0;
		break;
	case 1:		/* a leaf: output anywhere, maybe a large page */
		*e = g_maybe_junk(g, (rnd(g) & GENMASK_ULL(45, 12)) | flags |
				     (rnd_below(g, 3) ? 0 : VTDM_SL_PS) |
				     (rnd_below(g, 4) ? 0 : VTDM_FL_XD));
		break;
	default:	/* a table */
		*e = g_maybe_junk(g, g_ptr_to(g, G_PT) | flags | 1);
		break;
	}
}

static void g_fill_one(struct garbage *g, enum g_role role)
{
	switch (role) {
	case G_ROOT:
		g_root(g, g_slot(g, role, 16));
		break;
	case G_CTX:
		if (g->sm)
			g_sm_ctx(g, g_slot(g, role, 32));
		else
			g_legacy_ctx(g, g_slot(g, role, 16));
		break;
	case G_PDIR:
		g_pasid_dir(g, g_slot(g, role, 8));
		break;
	case G_PTBL:
		g_pasid_entry(g, g_slot(g, role, 64));
		break;
	default:
		g_pte(g, g_slot(g, role, 8));
		break;
	}
}

static void g_mutate(struct garbage *g)
{
	unsigned int n = 1 + rnd_below(g, 4);

	while (n--) {
		if (!rnd_below(g, 16))
			*g_slot(g, rnd_below(g, G_NR_ROLES), 8) = g_qword(g);
		else
			g_fill_one(g, rnd_below(g, G_NR_ROLES));
	}
}

static u64 g_iova(struct garbage *g)
{
	u64 r = rnd(g);

	switch (rnd_below(g, 4)) {
	case 0:
		return r & 0x3fffffff;
	case 1:
		return r & GENMASK_ULL(47, 0);
	case 2:
		return r & GENMASK_ULL(38, 0);
	default:
		return r;
	}
}

static unsigned int g_access(struct garbage *g)
{
	static const unsigned int acc[] = {
		DMA_ACC_READ, DMA_ACC_WRITE, DMA_ACC_READ | DMA_ACC_WRITE,
		DMA_ACC_READ | DMA_ACC_EXEC, DMA_ACC_READ | DMA_ACC_PRIV,
		DMA_ACC_WRITE | DMA_ACC_PRIV,
	};

	return acc[rnd_below(g, ARRAY_SIZE(acc))];
}

/* One request: a sane translation or an architectural fault. */
static bool g_request(struct garbage *g)
{
	u16 sid = rnd(g) & 0x3ff;
	u32 pasid = rnd_below(g, 3) ? DMA_DEV_NO_PASID :
		    (rnd_below(g, 2) ? rnd_below(g, 128) : rnd(g) & GENMASK(19, 0));
	u64 iova = g_iova(g), ps;
	unsigned int access = g_access(g), rw = access & (DMA_ACC_READ | DMA_ACC_WRITE);
	struct vtd_xlate res;
	int ret;

	ret = vtd_translate(g->env->u, sid, pasid, iova, access, &res);
	if (!ret) {
		ps = res.page_size;
		g->ok++;
		if (ps != SZ_4K && ps != SZ_2M && ps != SZ_1G) {
			KUNIT_FAIL(g->test, "page size %llx", ps);
			return false;
		}
		if ((res.pa ^ iova) & (ps - 1)) {
			KUNIT_FAIL(g->test, "iova %llx -> pa %llx breaks the page offset", iova,
				   res.pa);
			return false;
		}
		if ((res.perms & rw) != rw) {
			KUNIT_FAIL(g->test, "access %x granted with perms %x", access, res.perms);
			return false;
		}
		return true;
	}
	g->faults++;
	/* Abort-DMA mode blocks without a reason, and records nothing. */
	if (ret == -EFAULT && !res.fault.reason && g->abort_ok && !res.fault.recorded)
		return true;
	if (ret != -EFAULT || !vtd_test_reason_known(res.fault.reason)) {
		KUNIT_FAIL(g->test, "ret %d reason %#x (sid %x pasid %x iova %llx)", ret,
			   res.fault.reason, sid, pasid, iova);
		return false;
	}
	__set_bit(res.fault.reason, g->reasons);
	return true;
}

static void g_fill_page(struct garbage *g, enum g_role role, u64 *page)
{
	unsigned int i;

	switch (role) {
	case G_ROOT:
		for (i = 0; i < 512; i += 2)
			g_root(g, &page[i]);
		break;
	case G_CTX:
		for (i = 0; i < 512; i += g->sm ? 4 : 2) {
			if (g->sm)
				g_sm_ctx(g, &page[i]);
			else
				g_legacy_ctx(g, &page[i]);
		}
		break;
	case G_PDIR:
		for (i = 0; i < 512; i++)
			g_pasid_dir(g, &page[i]);
		break;
	case G_PTBL:
		for (i = 0; i < 512; i += 8)
			g_pasid_entry(g, &page[i]);
		break;
	default:
		for (i = 0; i < 512; i++)
			g_pte(g, &page[i]);
		break;
	}
}

static u64 g_rtaddr(struct garbage *g)
{
	return vtd_test_pa(g->pool) |
	       (g->sm ? (u64)VTDM_TTM_SCALABLE << VTDM_RTADDR_TTM_SHIFT : 0);
}

static void g_init(struct kunit *test, struct garbage *g, struct vtd_config *cfg, bool sm,
		   u64 seed)
{
	unsigned int role, p;

	memset(g, 0, sizeof(*g));
	g->test = test;
	g->sm = sm;
	g->seed = seed;
	g->env = vtd_test_env_create(test, cfg, sm ? VTD_TEST_SM : 0);
	g->pool = vtd_test_pages(g->env, POOL_ORDER);
	for (role = 0; role < G_NR_ROLES; role++)
		for (p = 0; p < g_roles[role].count; p++)
			g_fill_page(g, role, &g->pool[(g_roles[role].first + p) * 512]);
	for (p = POOL_PTR_PAGES * 512; p < POOL_PAGES * 512; p++)
		g->pool[p] = g_qword(g);
	vtd_test_set_root(g->env, g_rtaddr(g));
}

static void g_run(struct garbage *g, unsigned int iters)
{
	unsigned int i;

	for (i = 0; i < iters; i++) {
		g_mutate(g);
		if (!rnd_below(g, 32))
			vtd_test_flush_all(g->env);
		if (!rnd_below(g, 16))
			vtd_test_clear_faults(g->env);
		if (!rnd_below(g, 100)) {
			/* For one request: another root, or a strange mode. */
			u64 root = rnd_below(g, 4) ? g_ptr(g) : NOT_RAM;

			vtd_test_set_root(g->env, root | (rnd(g) & VTDM_RTADDR_TTM_MASK));
			g->abort_ok = true;
			if (!g_request(g))
				break;
			g->abort_ok = false;
			vtd_test_set_root(g->env, g_rtaddr(g));
			vtd_test_flush_all(g->env);
		}
		if (!g_request(g))
			break;
	}
}

static void check_coverage(struct garbage *g, unsigned int min_reasons)
{
	unsigned int kinds = bitmap_weight(g->reasons, 256);

	kunit_info(g->test, "%u translated, %u faulted, %u distinct reasons", g->ok, g->faults,
		   kinds);
	KUNIT_EXPECT_GT(g->test, g->ok, 0U);
	KUNIT_EXPECT_GE(g->test, kinds, min_reasons);
}

static void vtd_garbage_legacy(struct kunit *test)
{
	struct vtd_config cfg;
	struct garbage *g;

	g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, g);
	vtd_config_default(&cfg);
	cfg.caching_mode = true;
	g_init(test, g, &cfg, false, 0x5eed0001);
	g_run(g, 4000);
	check_coverage(g, 8);
}

static void vtd_garbage_scalable(struct kunit *test)
{
	struct vtd_config cfg;
	struct garbage *g;

	g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, g);
	vtd_config_default(&cfg);
	cfg.sc = false;
	g_init(test, g, &cfg, true, 0x5eed0002);
	g_run(g, 4000);
	check_coverage(g, 12);
}

static void vtd_garbage_scalable_no_cache(struct kunit *test)
{
	struct vtd_config cfg;
	struct garbage *g;

	g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, g);
	vtd_config_default(&cfg);
	cfg.no_cache = true;
	cfg.caching_mode = true;
	cfg.fl5lp = true;
	cfg.sagaw |= VTDM_SAGAW_57;
	cfg.mgaw = 57;
	g_init(test, g, &cfg, true, 0x5eed0003);
	g_run(g, 3000);
	check_coverage(g, 12);
}

/* Random descriptors: the queue either executes them or stops with IQE. */
static void g_queue(struct kunit *test, bool sm, u64 seed)
{
	struct vtd_config cfg;
	struct vtd_stats st;
	struct garbage *g;
	unsigned int i, n, dw, shift, guard;
	u64 d[4];

	g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, g);
	vtd_config_default(&cfg);
	cfg.ir = true;
	g_init(test, g, &cfg, sm, seed);
	dw = g->env->wide ? 4 : 2;
	shift = g->env->wide ? 5 : 4;

	for (i = 0; i < 1500; i++) {
		for (n = 1 + rnd_below(g, 6); n; n--) {
			unsigned int type = rnd_below(g, 4) ? 1 + rnd_below(g, 8) :
					    rnd_below(g, 16);
			u64 fields = rnd_below(g, 3) ? GENMASK_ULL(35, 4) : GENMASK_ULL(63, 4);

			d[0] = type | (rnd(g) & fields);
			if (rnd_below(g, 4))
				d[0] &= ~VTDM_QI_TYPE_HI_MASK;
			switch (rnd_below(g, 4)) {
			case 0:
				d[1] = 0;
				break;
			case 1:
				d[1] = g_ptr(g) + (rnd(g) & 0xffc);	/* status in the pool */
				break;
			case 2:
				d[1] = rnd(g) & (VTDM_QI_ADDR_MASK | 0x7f);
				break;
			default:
				d[1] = rnd(g);
				break;
			}
			d[2] = rnd_below(g, 8) ? 0 : rnd(g);
			d[3] = rnd_below(g, 8) ? 0 : rnd(g);
			vtd_test_qi_post(g->env, d);
		}
		vtd_test_wr64(g->env, VTDM_REG_IQT, (u64)g->env->qtail << shift);

		/* Service errors like a driver: neutralise the bad descriptor, clear IQE. */
		for (guard = 0; guard < g->env->qsize &&
		     (vtd_test_rd32(g->env, VTDM_REG_FSTS) & VTDM_FSTS_IQE); guard++) {
			u64 head = vtd_test_rd64(g->env, VTDM_REG_IQH) >> shift;

			KUNIT_ASSERT_LT(test, head, (u64)g->env->qsize);
			memset(&g->env->queue[head * dw], 0, dw * sizeof(u64));
			g->env->queue[head * dw] = VTDM_QI_IOTLB |
						   ((u64)VTDM_IOTLB_GLOBAL << VTDM_QI_GRAN_SHIFT);
			vtd_test_wr32(g->env, VTDM_REG_FSTS, VTDM_FSTS_IQE);
		}
		KUNIT_ASSERT_EQ(test, vtd_test_rd64(g->env, VTDM_REG_IQH),
				(u64)g->env->qtail << shift);
		if (!rnd_below(g, 8))
			KUNIT_ASSERT_TRUE(test, g_request(g));
	}
	vtd_get_stats(g->env->u, &st);
	kunit_info(test, "%llu descriptors, %llu queue errors", st.descriptors, st.queue_errors);
	KUNIT_EXPECT_GT(test, st.queue_errors, 0ULL);
	KUNIT_EXPECT_GT(test, st.descriptors, st.queue_errors);
}

static void vtd_garbage_queue_legacy(struct kunit *test)
{
	g_queue(test, false, 0x5eed0004);
}

static void vtd_garbage_queue_scalable(struct kunit *test)
{
	g_queue(test, true, 0x5eed0005);
}

/* Random register writes between requests. */
static void vtd_garbage_registers(struct kunit *test)
{
	struct vtd_config cfg;
	struct garbage *g;
	unsigned int i, regs;
	size_t win;

	g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, g);
	vtd_config_default(&cfg);
	cfg.ir = true;
	g_init(test, g, &cfg, true, 0x5eed0006);
	g->abort_ok = true;
	win = vtd_mmio_size(g->env->u);

	for (i = 0; i < 3000; i++) {
		for (regs = 1 + rnd_below(g, 3); regs; regs--) {
			unsigned int size = rnd_below(g, 2) ? 8 : 4;
			u64 off = (rnd(g) % win) & ~(u64)(size - 1), val = rnd(g);

			/*
			 * Table and queue pointers are written whole and point into
			 * the pool or nowhere, so that whatever the unit writes back
			 * (status words, A/D bits) lands in memory of this test.
			 */
			if ((off & ~7ULL) == VTDM_REG_IQA) {
				off = VTDM_REG_IQA;
				size = 8;
				val = g_ptr(g) | (val & VTDM_IQA_DW) | (val & 1);
			} else if ((off & ~7ULL) == VTDM_REG_RTADDR) {
				off = VTDM_REG_RTADDR;
				size = 8;
				if (rnd_below(g, 2))
					val = g_ptr(g) | (val & VTDM_RTADDR_TTM_MASK);
			}
			vtd_test_wr(g->env, off, val, size);
			if (!rnd_below(g, 4))
				vtd_test_rd(g->env, rnd(g) % win, 1 << rnd_below(g, 4));
		}
		g_mutate(g);
		if (!g_request(g))
			break;
	}
	KUNIT_EXPECT_EQ(test, vtd_test_rd32(g->env, VTDM_REG_VER), 0x60U);
	kunit_info(test, "%u translated, %u faulted", g->ok, g->faults);
	KUNIT_EXPECT_GT(test, g->ok + g->faults, 2999U);
}

static struct kunit_case vtd_garbage_cases[] = {
	KUNIT_CASE(vtd_garbage_legacy),
	KUNIT_CASE(vtd_garbage_scalable),
	KUNIT_CASE(vtd_garbage_scalable_no_cache),
	KUNIT_CASE(vtd_garbage_queue_legacy),
	KUNIT_CASE(vtd_garbage_queue_scalable),
	KUNIT_CASE(vtd_garbage_registers),
	{}
};

static struct kunit_suite vtd_garbage_suite = {
	.name = "vtd_model_garbage",
	.test_cases = vtd_garbage_cases,
};

kunit_test_suite(vtd_garbage_suite);
