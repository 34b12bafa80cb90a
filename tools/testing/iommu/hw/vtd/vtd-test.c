// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers of the VT-d model's KUnit suites.  They play the part of a driver:
 * they allocate tables from the page allocator (which the host registers as
 * RAM), fill them in the architectural format and drive the register file.
 */

#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/resource.h>

#include "vtd-test.h"

static void vtd_test_env_release(void *data)
{
	struct vtd_test_env *env = data;
	unsigned int i;

	vtd_unit_destroy(env->u);
	for (i = 0; i < env->nr_pages; i++)
		free_pages(env->pages[i], env->orders[i]);
	kfree(env);
}

/**
 * vtd_test_pages() - zeroed, naturally aligned pages freed when the test ends
 * @env: the environment
 * @order: log2 of the number of pages
 *
 * Return: the kernel address (equal to the physical address).
 */
void *vtd_test_pages(struct vtd_test_env *env, unsigned int order)
{
	unsigned long addr;

	KUNIT_ASSERT_LT(env->test, env->nr_pages, VTD_TEST_MAX_PAGES);
	addr = __get_free_pages(GFP_KERNEL | __GFP_ZERO, order);
	KUNIT_ASSERT_NE(env->test, addr, 0UL);
	env->pages[env->nr_pages] = addr;
	env->orders[env->nr_pages] = order;
	env->nr_pages++;
	return (void *)addr;
}

/**
 * vtd_test_page() - one zeroed page freed when the test ends
 * @env: the environment
 *
 * Return: the page.
 */
void *vtd_test_page(struct vtd_test_env *env)
{
	return vtd_test_pages(env, 0);
}

/**
 * vtd_test_pa() - physical address of host memory
 * @p: pointer
 *
 * Return: the address (the host maps physical == virtual).
 */
u64 vtd_test_pa(const void *p)
{
	return (u64)(unsigned long)p;
}

static void *vtd_test_va(u64 pa)
{
	return (void *)(unsigned long)pa;
}

/**
 * vtd_test_cfg_no_sm() - turn a configuration into a legacy-only unit
 * @cfg: the configuration (scalable mode and its features are cleared)
 */
void vtd_test_cfg_no_sm(struct vtd_config *cfg)
{
	cfg->smts = false;
	cfg->slts = false;
	cfg->flts = false;
	cfg->pasid = false;
}

/**
 * vtd_test_rd() - register read
 * @env: the environment
 * @off: offset
 * @size: access size
 *
 * Return: the value.
 */
u64 vtd_test_rd(struct vtd_test_env *env, u64 off, unsigned int size)
{
	return vtd_mmio_read(env->u, off, size);
}

/**
 * vtd_test_wr() - register write
 * @env: the environment
 * @off: offset
 * @val: value
 * @size: access size
 */
void vtd_test_wr(struct vtd_test_env *env, u64 off, u64 val, unsigned int size)
{
	vtd_mmio_write(env->u, off, val, size);
}

/**
 * vtd_test_rd32() - 32-bit register read
 * @env: the environment
 * @off: offset
 *
 * Return: the value.
 */
u32 vtd_test_rd32(struct vtd_test_env *env, u64 off)
{
	return vtd_mmio_read(env->u, off, 4);
}

/**
 * vtd_test_rd64() - 64-bit register read
 * @env: the environment
 * @off: offset
 *
 * Return: the value.
 */
u64 vtd_test_rd64(struct vtd_test_env *env, u64 off)
{
	return vtd_mmio_read(env->u, off, 8);
}

/**
 * vtd_test_wr32() - 32-bit register write
 * @env: the environment
 * @off: offset
 * @val: value
 */
void vtd_test_wr32(struct vtd_test_env *env, u64 off, u32 val)
{
	vtd_mmio_write(env->u, off, val, 4);
}

/**
 * vtd_test_wr64() - 64-bit register write
 * @env: the environment
 * @off: offset
 * @val: value
 */
void vtd_test_wr64(struct vtd_test_env *env, u64 off, u64 val)
{
	vtd_mmio_write(env->u, off, val, 8);
}

/**
 * vtd_test_gcmd() - issue a global command the way a driver does
 * @env: the environment
 * @set: bits to add to the persistent state (or a one-shot command)
 * @clear: persistent bits to drop
 *
 * The persistent state is rebuilt from GSTS, as GCMD is write only.
 */
void vtd_test_gcmd(struct vtd_test_env *env, u32 set, u32 clear)
{
	u32 keep = VTDM_GSTS_TES | VTDM_GSTS_QIES | VTDM_GSTS_IRES | VTDM_GSTS_CFIS;
	u32 cmd = vtd_test_rd32(env, VTDM_REG_GSTS) & keep;

	vtd_test_wr32(env, VTDM_REG_GCMD, (cmd | set) & ~clear);
}

/**
 * vtd_test_set_root() - program RTADDR and latch it with SRTP
 * @env: the environment
 * @rtaddr: RTADDR value (address | TTM)
 */
void vtd_test_set_root(struct vtd_test_env *env, u64 rtaddr)
{
	vtd_test_wr64(env, VTDM_REG_RTADDR, rtaddr);
	vtd_test_gcmd(env, VTDM_GCMD_SRTP, 0);
	KUNIT_EXPECT_TRUE(env->test, vtd_test_rd32(env, VTDM_REG_GSTS) & VTDM_GSTS_RTPS);
}

/**
 * vtd_test_env_create() - a unit with a root table, queue and translation on
 * @test: the running test
 * @cfg: unit configuration
 * @opts: VTD_TEST_* options
 *
 * Everything is released when @test ends.
 *
 * Return: the environment (the test aborts on failure).
 */
struct vtd_test_env *vtd_test_env_create(struct kunit *test, const struct vtd_config *cfg,
					 unsigned int opts)
{
	struct vtd_test_env *env;
	struct vtd_unit *u;
	u64 rtaddr;

	env = kzalloc(sizeof(*env), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, env);
	env->test = test;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vtd_test_env_release, env), 0);

	u = vtd_unit_create(cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, u);
	env->u = u;
	env->sm = opts & VTD_TEST_SM;

	env->root = vtd_test_page(env);
	rtaddr = vtd_test_pa(env->root);
	if (env->sm)
		rtaddr |= (u64)VTDM_TTM_SCALABLE << VTDM_RTADDR_TTM_SHIFT;
	vtd_test_set_root(env, rtaddr);

	if (cfg->qi && !(opts & VTD_TEST_NO_QI)) {
		env->wide = env->sm && !(opts & VTD_TEST_NARROW_QI);
		env->queue = vtd_test_page(env);
		env->qsize = 4096 >> (env->wide ? 5 : 4);
		env->status = vtd_test_page(env);
		vtd_test_wr64(env, VTDM_REG_IQT, 0);
		vtd_test_wr64(env, VTDM_REG_IQA, vtd_test_pa(env->queue) |
			      (env->wide ? VTDM_IQA_DW : 0));
		vtd_test_gcmd(env, VTDM_GCMD_QIE, 0);
		KUNIT_ASSERT_TRUE(test, vtd_test_rd32(env, VTDM_REG_GSTS) & VTDM_GSTS_QIES);
	}
	if (!(opts & VTD_TEST_NO_TE)) {
		vtd_test_gcmd(env, VTDM_GCMD_TE, 0);
		KUNIT_ASSERT_TRUE(test, vtd_test_rd32(env, VTDM_REG_GSTS) & VTDM_GSTS_TES);
	}
	return env;
}

/* ---- Tables ------------------------------------------------------------------ */

/**
 * vtd_test_ctx_entry() - the context entry of a source id, creating the
 *	context table (and marking the root entry present) when needed
 * @env: the environment
 * @sid: source id
 *
 * Return: the entry: 2 qwords in legacy mode, 4 in scalable mode.
 */
u64 *vtd_test_ctx_entry(struct vtd_test_env *env, u16 sid)
{
	unsigned int bus = sid >> 8, devfn = sid & 0xff;
	u64 *re, *table;

	re = &env->root[bus * 2 + (env->sm && devfn >= 0x80 ? 1 : 0)];
	if (!(*re & VTDM_ROOT_P))
		*re = vtd_test_pa(vtd_test_page(env)) | VTDM_ROOT_P;
	table = vtd_test_va(*re & VTDM_ROOT_CTP_MASK);
	if (env->sm)
		return &table[(devfn & 0x7f) * 4];
	return &table[devfn * 2];
}

/**
 * vtd_test_legacy_ctx() - write a present legacy context entry
 * @env: the environment
 * @sid: source id
 * @tt: translation type
 * @aw: address width code
 * @did: domain id
 * @slptptr: second-stage table
 */
void vtd_test_legacy_ctx(struct vtd_test_env *env, u16 sid, unsigned int tt, unsigned int aw,
			 u16 did, u64 slptptr)
{
	u64 *e = vtd_test_ctx_entry(env, sid);

	e[1] = aw | ((u64)did << VTDM_CTX_HI_DID_SHIFT);
	e[0] = (slptptr & VTDM_CTX_SLPTPTR_MASK) | ((u64)tt << VTDM_CTX_TT_SHIFT) | VTDM_CTX_P;
}

/**
 * vtd_test_sm_ctx() - the scalable context entry of @sid, made present with
 *	a one-page PASID directory (PDTS=2) and PASIDE set if it was not
 * @env: the environment
 * @sid: source id
 *
 * Return: the entry.
 */
u64 *vtd_test_sm_ctx(struct vtd_test_env *env, u16 sid)
{
	u64 *e = vtd_test_ctx_entry(env, sid);

	if (!(e[0] & VTDM_SMCTX_P)) {
		e[1] = 0;
		e[0] = vtd_test_pa(vtd_test_page(env)) | (2ULL << VTDM_SMCTX_PDTS_SHIFT) |
		       VTDM_SMCTX_PASIDE | VTDM_SMCTX_P;
	}
	return e;
}

/**
 * vtd_test_pasid_entry() - the PASID table entry of (@sid, @pasid), creating
 *	context, directory entry and table as needed
 * @env: the environment
 * @sid: source id
 * @pasid: PASID (below 32768)
 *
 * Return: the entry (8 qwords).
 */
u64 *vtd_test_pasid_entry(struct vtd_test_env *env, u16 sid, u32 pasid)
{
	u64 *ctx = vtd_test_sm_ctx(env, sid);
	u64 *dir = vtd_test_va(ctx[0] & VTDM_SMCTX_PDIR_MASK);
	u64 *de = &dir[pasid >> VTDM_PASID_DIR_SHIFT];
	u64 *table;

	if (!(*de & VTDM_PDE_P))
		*de = vtd_test_pa(vtd_test_page(env)) | VTDM_PDE_P;
	table = vtd_test_va(*de & VTDM_PDE_PTP_MASK);
	return &table[(pasid & VTDM_PASID_TBL_MASK) * 8];
}

/**
 * vtd_test_pasid_sl() - write a second-stage-only PASID entry
 * @env: the environment
 * @sid: source id
 * @pasid: PASID
 * @slptptr: second-stage table
 * @aw: address width code
 * @did: domain id
 */
void vtd_test_pasid_sl(struct vtd_test_env *env, u16 sid, u32 pasid, u64 slptptr,
		       unsigned int aw, u16 did)
{
	u64 *pe = vtd_test_pasid_entry(env, sid, pasid);

	memset(pe, 0, VTDM_PASID_ENTRY_SIZE);
	pe[1] = did;
	pe[0] = (slptptr & VTDM_PE0_SLPTPTR_MASK) | ((u64)aw << VTDM_PE0_AW_SHIFT) |
		((u64)VTDM_PGTT_SL << VTDM_PE0_PGTT_SHIFT) | VTDM_PE0_P;
}

/**
 * vtd_test_pasid_fl() - write a first-stage-only PASID entry (4-level)
 * @env: the environment
 * @sid: source id
 * @pasid: PASID
 * @flptr: first-stage table
 * @did: domain id
 * @qw2_flags: extra qword-2 bits (SRE, WPE, FLPM)
 */
void vtd_test_pasid_fl(struct vtd_test_env *env, u16 sid, u32 pasid, u64 flptr, u16 did,
		       u64 qw2_flags)
{
	u64 *pe = vtd_test_pasid_entry(env, sid, pasid);

	memset(pe, 0, VTDM_PASID_ENTRY_SIZE);
	pe[2] = (flptr & VTDM_PE2_FLPTPTR_MASK) | qw2_flags;
	pe[1] = did;
	pe[0] = ((u64)VTDM_AW_48 << VTDM_PE0_AW_SHIFT) |
		((u64)VTDM_PGTT_FL << VTDM_PE0_PGTT_SHIFT) | VTDM_PE0_P;
}

/**
 * vtd_test_pasid_pt() - write a pass-through PASID entry
 * @env: the environment
 * @sid: source id
 * @pasid: PASID
 * @did: domain id
 */
void vtd_test_pasid_pt(struct vtd_test_env *env, u16 sid, u32 pasid, u16 did)
{
	u64 *pe = vtd_test_pasid_entry(env, sid, pasid);

	memset(pe, 0, VTDM_PASID_ENTRY_SIZE);
	pe[1] = did;
	pe[0] = ((u64)VTDM_AW_48 << VTDM_PE0_AW_SHIFT) |
		((u64)VTDM_PGTT_PT << VTDM_PE0_PGTT_SHIFT) | VTDM_PE0_P;
}

/**
 * vtd_test_sl_map() - map one page in a second-stage table
 * @env: the environment
 * @top: top-level table
 * @levels: number of levels
 * @iova: input address
 * @pa: output address
 * @shift: page size (12, 21 or 30)
 * @prot: VTDM_SL_R / VTDM_SL_W bits of the leaf
 *
 * Missing tables are created with R|W non-leaf entries.
 *
 * Return: the leaf entry.
 */
u64 *vtd_test_sl_map(struct vtd_test_env *env, u64 *top, unsigned int levels, u64 iova,
		     u64 pa, unsigned int shift, u64 prot)
{
	unsigned int leaf = (shift - 12) / 9 + 1, level;
	u64 *table = top, *e;

	for (level = levels; level > leaf; level--) {
		e = &table[(iova >> (12 + 9 * (level - 1))) & 0x1ff];
		if (!(*e & (VTDM_SL_R | VTDM_SL_W)))
			*e = vtd_test_pa(vtd_test_page(env)) | VTDM_SL_R | VTDM_SL_W;
		table = vtd_test_va(*e & VTDM_SL_ADDR_MASK);
	}
	e = &table[(iova >> (12 + 9 * (leaf - 1))) & 0x1ff];
	*e = pa | prot | (leaf > 1 ? VTDM_SL_PS : 0);
	return e;
}

/**
 * vtd_test_fl_map() - map one page in a first-stage table
 * @env: the environment
 * @top: top-level table
 * @levels: 4 or 5
 * @iova: input address
 * @pa: output address
 * @shift: page size (12, 21 or 30)
 * @flags: leaf bits besides P and PS (RW, US, XD, A, D)
 *
 * Missing tables are created with P|RW|US|A non-leaf entries.
 *
 * Return: the leaf entry.
 */
u64 *vtd_test_fl_map(struct vtd_test_env *env, u64 *top, unsigned int levels, u64 iova,
		     u64 pa, unsigned int shift, u64 flags)
{
	unsigned int leaf = (shift - 12) / 9 + 1, level;
	u64 *table = top, *e;

	for (level = levels; level > leaf; level--) {
		e = &table[(iova >> (12 + 9 * (level - 1))) & 0x1ff];
		if (!(*e & VTDM_FL_P))
			*e = vtd_test_pa(vtd_test_page(env)) | VTDM_FL_P | VTDM_FL_RW |
			     VTDM_FL_US | VTDM_FL_A;
		table = vtd_test_va(*e & VTDM_FL_ADDR_MASK);
	}
	e = &table[(iova >> (12 + 9 * (leaf - 1))) & 0x1ff];
	*e = pa | flags | VTDM_FL_P | (leaf > 1 ? VTDM_FL_PS : 0);
	return e;
}

/* ---- Invalidation ------------------------------------------------------------ */

/**
 * vtd_test_desc_cc() - build a context-cache invalidation descriptor
 * @d: 4 qwords
 * @gran: granularity
 * @did: domain id
 * @sid: source id
 * @fm: function mask
 */
void vtd_test_desc_cc(u64 *d, unsigned int gran, u16 did, u16 sid, unsigned int fm)
{
	memset(d, 0, 4 * sizeof(*d));
	d[0] = VTDM_QI_CC | ((u64)gran << VTDM_QI_GRAN_SHIFT) |
	       ((u64)did << VTDM_QI_DID_SHIFT) | ((u64)sid << VTDM_QI_CC_SID_SHIFT) |
	       ((u64)fm << VTDM_QI_CC_FM_SHIFT);
}

/**
 * vtd_test_desc_iotlb() - build an IOTLB invalidation descriptor
 * @d: 4 qwords
 * @gran: granularity
 * @did: domain id
 * @addr: address (page-selective)
 * @am: address mask
 * @ih: invalidation hint
 */
void vtd_test_desc_iotlb(u64 *d, unsigned int gran, u16 did, u64 addr, unsigned int am,
			 bool ih)
{
	memset(d, 0, 4 * sizeof(*d));
	d[0] = VTDM_QI_IOTLB | ((u64)gran << VTDM_QI_GRAN_SHIFT) |
	       ((u64)did << VTDM_QI_DID_SHIFT) | VTDM_QI_IOTLB_DR | VTDM_QI_IOTLB_DW;
	d[1] = (addr & VTDM_QI_ADDR_MASK) | am | (ih ? VTDM_QI_IH : 0);
}

/**
 * vtd_test_desc_piotlb() - build a PASID-based IOTLB invalidation descriptor
 * @d: 4 qwords
 * @gran: granularity
 * @did: domain id
 * @pasid: PASID
 * @addr: address (page-selective)
 * @am: address mask
 * @ih: invalidation hint
 */
void vtd_test_desc_piotlb(u64 *d, unsigned int gran, u16 did, u32 pasid, u64 addr,
			  unsigned int am, bool ih)
{
	memset(d, 0, 4 * sizeof(*d));
	d[0] = VTDM_QI_PIOTLB | ((u64)gran << VTDM_QI_GRAN_SHIFT) |
	       ((u64)did << VTDM_QI_DID_SHIFT) | ((u64)pasid << VTDM_QI_PASID_SHIFT);
	d[1] = (addr & VTDM_QI_ADDR_MASK) | am | (ih ? VTDM_QI_IH : 0);
}

/**
 * vtd_test_desc_pc() - build a PASID-cache invalidation descriptor
 * @d: 4 qwords
 * @gran: granularity
 * @did: domain id
 * @pasid: PASID
 */
void vtd_test_desc_pc(u64 *d, unsigned int gran, u16 did, u32 pasid)
{
	memset(d, 0, 4 * sizeof(*d));
	d[0] = VTDM_QI_PC | ((u64)gran << VTDM_QI_GRAN_SHIFT) |
	       ((u64)did << VTDM_QI_DID_SHIFT) | ((u64)pasid << VTDM_QI_PASID_SHIFT);
}

/**
 * vtd_test_qi_post() - place one descriptor at the software tail (no IQT write)
 * @env: the environment
 * @d: 4 qwords (only 2 used with 128-bit descriptors)
 */
void vtd_test_qi_post(struct vtd_test_env *env, const u64 *d)
{
	unsigned int n = env->wide ? 4 : 2;

	memcpy(&env->queue[env->qtail * n], d, n * sizeof(*d));
	env->qtail = (env->qtail + 1) % env->qsize;
}

/**
 * vtd_test_qi_submit() - queue descriptors plus a status-writing wait
 *	descriptor, write IQT, and check completion
 * @env: the environment
 * @descs: @n descriptors of 4 qwords each
 * @n: number of descriptors
 *
 * Return: 0 when the wait status arrived, -EIO if the queue stopped with
 * FSTS.IQE, -ETIMEDOUT if neither.
 */
int vtd_test_qi_submit(struct vtd_test_env *env, const u64 *descs, unsigned int n)
{
	u64 w[4] = { 0 };
	unsigned int i;

	for (i = 0; i < n; i++)
		vtd_test_qi_post(env, &descs[i * 4]);
	env->status[0] = 1;
	w[0] = VTDM_QI_WAIT | VTDM_QI_WAIT_SW | (2ULL << VTDM_QI_WAIT_DATA_SHIFT);
	w[1] = vtd_test_pa(&env->status[0]);
	vtd_test_qi_post(env, w);
	vtd_test_wr64(env, VTDM_REG_IQT, (u64)env->qtail << (env->wide ? 5 : 4));
	if (READ_ONCE(env->status[0]) == 2)
		return 0;
	if (vtd_test_rd32(env, VTDM_REG_FSTS) & VTDM_FSTS_IQE)
		return -EIO;
	return -ETIMEDOUT;
}

/**
 * vtd_test_qi_one() - submit one descriptor and wait for it
 * @env: the environment
 * @d: the descriptor
 *
 * Return: as vtd_test_qi_submit().
 */
int vtd_test_qi_one(struct vtd_test_env *env, const u64 *d)
{
	return vtd_test_qi_submit(env, d, 1);
}

/**
 * vtd_test_flush_all() - global context-cache, PASID-cache and IOTLB flush
 * @env: the environment
 */
void vtd_test_flush_all(struct vtd_test_env *env)
{
	u64 d[12];

	vtd_test_desc_cc(&d[0], VTDM_CC_GLOBAL, 0, 0, 0);
	vtd_test_desc_iotlb(&d[4], VTDM_IOTLB_GLOBAL, 0, 0, 0, false);
	vtd_test_desc_pc(&d[8], VTDM_QI_PC_GLOBAL, 0, 0);
	KUNIT_EXPECT_EQ(env->test, vtd_test_qi_submit(env, d, env->sm ? 3 : 2), 0);
}

/* ---- Requests and faults --------------------------------------------------------- */

/**
 * vtd_test_xlate() - translate one request
 * @env: the environment
 * @sid: source id
 * @pasid: PASID or DMA_DEV_NO_PASID
 * @iova: input address
 * @access: DMA_ACC_*
 * @res: result
 *
 * Return: as vtd_translate().
 */
int vtd_test_xlate(struct vtd_test_env *env, u16 sid, u32 pasid, u64 iova,
		   unsigned int access, struct vtd_xlate *res)
{
	return vtd_translate(env->u, sid, pasid, iova, access, res);
}

/**
 * vtd_test_reason() - fault reason of a request
 * @env: the environment
 * @sid: source id
 * @pasid: PASID or DMA_DEV_NO_PASID
 * @iova: input address
 * @access: DMA_ACC_*
 *
 * Return: the fault reason, or 0 if the request was translated.
 */
u8 vtd_test_reason(struct vtd_test_env *env, u16 sid, u32 pasid, u64 iova,
		   unsigned int access)
{
	struct vtd_xlate res;

	if (!vtd_translate(env->u, sid, pasid, iova, access, &res))
		return 0;
	return res.fault.reason;
}

static u64 vtd_test_fro(struct vtd_test_env *env)
{
	return ((vtd_test_rd64(env, VTDM_REG_CAP) & VTDM_CAP_FRO_MASK) >> VTDM_CAP_FRO_SHIFT) * 16;
}

/**
 * vtd_test_frcd() - read one fault recording register
 * @env: the environment
 * @idx: record index
 * @lo: low qword
 * @hi: high qword
 */
void vtd_test_frcd(struct vtd_test_env *env, unsigned int idx, u64 *lo, u64 *hi)
{
	u64 off = vtd_test_fro(env) + idx * VTDM_FRCD_SIZE;

	*lo = vtd_test_rd64(env, off);
	*hi = vtd_test_rd64(env, off + 8);
}

/**
 * vtd_test_clear_faults() - service the fault log like a driver: clear every
 *	F bit, then the FSTS status bits
 * @env: the environment
 */
void vtd_test_clear_faults(struct vtd_test_env *env)
{
	u64 cap = vtd_test_rd64(env, VTDM_REG_CAP), fro = vtd_test_fro(env);
	unsigned int nfr = ((cap & VTDM_CAP_NFR_MASK) >> VTDM_CAP_NFR_SHIFT) + 1, i;

	for (i = 0; i < nfr; i++)
		vtd_test_wr32(env, fro + i * VTDM_FRCD_SIZE + 12, BIT(31));
	vtd_test_wr32(env, VTDM_REG_FSTS, VTDM_FSTS_RW1C);
}

/**
 * vtd_test_reason_known() - whether a fault reason is one the spec defines
 *	for DMA remapping
 * @reason: the reason
 *
 * Return: true for a defined reason.
 */
bool vtd_test_reason_known(u8 reason)
{
	if (reason >= 0x01 && reason <= 0x0d)
		return true;
	switch (reason) {
	case 0x30 ... 0x32:
	case 0x38 ... 0x3a:
	case 0x40 ... 0x48:
	case 0x50 ... 0x52:
	case 0x58 ... 0x5d:
	case 0x70 ... 0x7c:
	case 0x80 ... 0x87:
	case 0x90:
		return true;
	}
	return false;
}

/**
 * vtd_test_rand() - next pseudo-random number
 * @state: generator state (non-zero)
 *
 * Return: 64 random bits.
 */
u64 vtd_test_rand(u64 *state)
{
	u64 x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545f4914f6cdd1dULL;
}
