// SPDX-License-Identifier: GPL-2.0
/*
 * Intel VT-d hardware model: translation of DMA requests.
 *
 * A request goes root entry -> context entry (legacy) or root entry ->
 * scalable context entry -> PASID directory -> PASID table entry (scalable
 * mode), then through a second-stage or first-stage page walk, or passes
 * through.  Each step checks presence, reserved bits and the capabilities of
 * the unit, and a failing step yields its architectural fault reason.  The
 * helpers below return 0 or that reason; only vtd_translate_locked() turns a
 * reason into a fault record.
 *
 * Reads of memory go through vtd_mem_read(), i.e. the host's checked
 * accessor: a pointer into something that is not RAM is an access error of
 * the table being read, never a host crash.
 */

#include <linux/byteorder.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <host/mem.h>

#include "vtd-internal.h"

/* The interrupt address range that DMA must never reach in scalable mode. */
#define VTD_INTR_BASE		0xfee00000ULL
#define VTD_INTR_LAST		0xfeefffffULL

/**
 * struct vtd_req - a request being translated
 * @sid: source id
 * @pasid: PASID of the request, or %DMA_DEV_NO_PASID
 * @iova: input address
 * @access: DMA_ACC_* of the request
 * @fpd: a fault-processing-disable bit was found on the way
 */
struct vtd_req {
	u16 sid;
	u32 pasid;
	u64 iova;
	unsigned int access;
	bool fpd;
};

static bool vtd_aw_supported(const struct vtd_unit *u, unsigned int aw)
{
	return aw <= 4 && (u->cfg.sagaw & BIT(aw));
}

static unsigned int vtd_pasid_width(const struct vtd_unit *u)
{
	return u->cfg.pasid ? u->cfg.pasid_bits : 0;
}

/* ---- Root and context entries ---------------------------------------------- */

/*
 * A not-present root, context, directory or PASID entry may be remembered
 * only in caching mode; the cache entry carries the fault it produced.
 */
static int vtd_ctx_negative(struct vtd_unit *u, struct vtd_cc_entry *ce, int reason)
{
	if ((u->cap & VTDM_CAP_CM) && !u->cfg.no_cache) {
		ce->neg_reason = reason;
		ce->did = 0;
		vtd_cc_insert(u, ce);
	}
	return reason;
}

static int vtd_legacy_ctx_check(const struct vtd_unit *u, const u64 *ctx)
{
	unsigned int tt = (ctx[0] & VTDM_CTX_TT_MASK) >> VTDM_CTX_TT_SHIFT;
	unsigned int aw = ctx[1] & VTDM_CTX_HI_AW_MASK;
	u64 did = (ctx[1] & VTDM_CTX_HI_DID_MASK) >> VTDM_CTX_HI_DID_SHIFT;

	if ((ctx[0] & VTDM_CTX_LO_RSVD) || (ctx[1] & VTDM_CTX_HI_RSVD))
		return VTDM_FR_CTX_RSVD;
	/* The second-stage pointer is ignored for pass-through. */
	if (tt != VTDM_TT_PASSTHROUGH && (ctx[0] & vtd_above_haw(u)))
		return VTDM_FR_CTX_RSVD;
	if (did >> vtd_ndoms_bits(u))
		return VTDM_FR_CTX_RSVD;

	switch (tt) {
	case VTDM_TT_SLONLY:
		break;
	case VTDM_TT_DEVTLB:
		if (!(u->ecap & VTDM_ECAP_DT))
			return VTDM_FR_CTX_INVALID;
		break;
	case VTDM_TT_PASSTHROUGH:
		if (!(u->ecap & VTDM_ECAP_PT))
			return VTDM_FR_CTX_INVALID;
		break;
	default:
		return VTDM_FR_CTX_INVALID;
	}
	if (!vtd_aw_supported(u, aw))
		return VTDM_FR_CTX_INVALID;
	return 0;
}

static int vtd_sm_ctx_check(const struct vtd_unit *u, const u64 *ctx)
{
	u64 rid_pasid = ctx[1] & VTDM_SMCTX_RIDPASID_MASK;

	if ((ctx[0] & (VTDM_SMCTX_RSVD0 | vtd_above_haw(u))) || (ctx[1] & VTDM_SMCTX_RSVD1) ||
	    ctx[2] || ctx[3])
		return VTDM_FR_SM_CTX_RSVD;
	if ((ctx[0] & VTDM_SMCTX_DTE) && !(u->ecap & VTDM_ECAP_DT))
		return VTDM_FR_SM_CTX_RSVD;
	if ((ctx[0] & VTDM_SMCTX_PRE) && !(u->ecap & VTDM_ECAP_PRS))
		return VTDM_FR_SM_CTX_RSVD;
	if ((ctx[0] & VTDM_SMCTX_PASIDE) && !(u->ecap & VTDM_ECAP_PASID))
		return VTDM_FR_SM_CTX_RSVD;
	if ((ctx[1] & VTDM_SMCTX_RIDPRIV) && !(u->ecap & VTDM_ECAP_SRS))
		return VTDM_FR_SM_CTX_RSVD;
	if (rid_pasid >> vtd_pasid_width(u))
		return VTDM_FR_SM_RIDPASID;
	return 0;
}

static int vtd_ctx_fetch(struct vtd_unit *u, struct vtd_req *rq, struct vtd_cc_entry *ce)
{
	bool sm = vtd_sm(u);
	unsigned int bus = rq->sid >> 8, devfn = rq->sid & 0xff;
	struct vtd_cc_entry *hit = NULL;
	u64 root[2], rootval, ctp;
	int reason;

	if (!u->cfg.no_cache)
		hit = vtd_cc_find(u, rq->sid, sm);
	if (hit) {
		u->stats.ctx_hits++;
		*ce = *hit;
		rq->fpd = hit->fpd;
		return hit->neg_reason;
	}
	u->stats.ctx_misses++;

	memset(ce, 0, sizeof(*ce));
	ce->valid = true;
	ce->sm = sm;
	ce->sid = rq->sid;

	if (vtd_mem_read(u, u->root + bus * 16, root, 2))
		return sm ? VTDM_FR_SM_ROOT_ACCESS : VTDM_FR_ROOT_ACCESS;

	if (!sm) {
		if (!(root[0] & VTDM_ROOT_P))
			return vtd_ctx_negative(u, ce, VTDM_FR_ROOT_NOT_PRESENT);
		if ((root[0] & (VTDM_ROOT_RSVD_LOW | vtd_above_haw(u))) || root[1])
			return VTDM_FR_ROOT_RSVD;
		ctp = root[0] & VTDM_ROOT_CTP_MASK;
		if (vtd_mem_read(u, ctp + devfn * 16, ce->e, 2))
			return VTDM_FR_CTX_ACCESS;
		ce->fpd = ce->e[0] & VTDM_CTX_FPD;
		rq->fpd = ce->fpd;
		if (!(ce->e[0] & VTDM_CTX_P))
			return vtd_ctx_negative(u, ce, VTDM_FR_CTX_NOT_PRESENT);
		reason = vtd_legacy_ctx_check(u, ce->e);
		if (reason)
			return reason;
		ce->did = (ce->e[1] & VTDM_CTX_HI_DID_MASK) >> VTDM_CTX_HI_DID_SHIFT;
	} else {
		/* Lower half of the root entry covers devfn 0-127, upper half the rest. */
		rootval = (devfn & 0x80) ? root[1] : root[0];
		if (!(rootval & VTDM_ROOT_P))
			return vtd_ctx_negative(u, ce, VTDM_FR_SM_ROOT_NOT_PRESENT);
		if (rootval & (VTDM_ROOT_RSVD_LOW | vtd_above_haw(u)))
			return VTDM_FR_SM_ROOT_RSVD;
		ctp = rootval & VTDM_ROOT_CTP_MASK;
		if (vtd_mem_read(u, ctp + (devfn & 0x7f) * 32, ce->e, 4))
			return VTDM_FR_SM_CTX_ACCESS;
		ce->fpd = ce->e[0] & VTDM_SMCTX_FPD;
		rq->fpd = ce->fpd;
		if (!(ce->e[0] & VTDM_SMCTX_P))
			return vtd_ctx_negative(u, ce, VTDM_FR_SM_CTX_NOT_PRESENT);
		reason = vtd_sm_ctx_check(u, ce->e);
		if (reason)
			return reason;
		/* Scalable-mode context entries carry no domain id: tag 0. */
		ce->did = 0;
	}
	if (!u->cfg.no_cache)
		vtd_cc_insert(u, ce);
	return 0;
}

/* ---- PASID directory and table --------------------------------------------- */

static int vtd_pasid_negative(struct vtd_unit *u, struct vtd_pc_entry *pe, int reason)
{
	if ((u->cap & VTDM_CAP_CM) && !u->cfg.no_cache) {
		pe->neg_reason = reason;
		pe->did = 0;
		vtd_pc_insert(u, pe);
	}
	return reason;
}

static int vtd_pasid_entry_check(const struct vtd_unit *u, const u64 *e)
{
	unsigned int pgtt = (e[0] & VTDM_PE0_PGTT_MASK) >> VTDM_PE0_PGTT_SHIFT;
	unsigned int aw = (e[0] & VTDM_PE0_AW_MASK) >> VTDM_PE0_AW_SHIFT;
	unsigned int flpm = (e[2] & VTDM_PE2_FLPM_MASK) >> VTDM_PE2_FLPM_SHIFT;
	unsigned int i;

	if ((e[0] & VTDM_PE0_RSVD) || (e[1] & VTDM_PE1_RSVD) || (e[2] & VTDM_PE2_RSVD))
		return VTDM_FR_SM_PE_RSVD;
	for (i = 3; i < 8; i++)
		if (e[i])
			return VTDM_FR_SM_PE_RSVD;
	/* No second-stage A/D support, no extended access flag, no nesting. */
	if (e[0] & VTDM_PE0_SSADE)
		return VTDM_FR_SM_PE_RSVD;
	if (e[2] & VTDM_PE2_EAFE)
		return VTDM_FR_SM_PE_RSVD;
	if ((e[2] & VTDM_PE2_SRE) && !(u->ecap & VTDM_ECAP_SRS))
		return VTDM_FR_SM_PE_RSVD;
	if ((e[1] & VTDM_PE1_DID_MASK) >> vtd_ndoms_bits(u))
		return VTDM_FR_SM_PE_RSVD;

	switch (pgtt) {
	case VTDM_PGTT_FL:
		if (!(u->ecap & VTDM_ECAP_FLTS))
			return VTDM_FR_SM_PE_INVALID;
		if (flpm > 1 || (flpm == 1 && !(u->cap & VTDM_CAP_FL5LP)))
			return VTDM_FR_SM_PE_INVALID;
		if (e[2] & vtd_above_haw(u))
			return VTDM_FR_SM_PE_RSVD;
		return 0;
	case VTDM_PGTT_SL:
		if (!(u->ecap & VTDM_ECAP_SLTS))
			return VTDM_FR_SM_PE_INVALID;
		if (!vtd_aw_supported(u, aw))
			return VTDM_FR_SM_PE_INVALID;
		if (e[0] & vtd_above_haw(u))
			return VTDM_FR_SM_PE_RSVD;
		return 0;
	case VTDM_PGTT_PT:
		if (!(u->ecap & VTDM_ECAP_PT))
			return VTDM_FR_SM_PE_INVALID;
		return 0;
	default:
		/* Nested translation is not modelled (ECAP.NEST is clear). */
		return VTDM_FR_SM_PE_INVALID;
	}
}

static int vtd_pasid_fetch(struct vtd_unit *u, struct vtd_req *rq,
			   const struct vtd_cc_entry *ce, u32 pasid, struct vtd_pc_entry *pe)
{
	unsigned int pdts = (ce->e[0] & VTDM_SMCTX_PDTS_MASK) >> VTDM_SMCTX_PDTS_SHIFT;
	u64 dir = ce->e[0] & VTDM_SMCTX_PDIR_MASK;
	struct vtd_pc_entry *hit = NULL;
	u64 pde, e[8];
	int reason;

	if ((pasid >> VTDM_PASID_DIR_SHIFT) >= (1U << (pdts + 7)) ||
	    (pasid >> vtd_pasid_width(u)))
		return VTDM_FR_SM_PASID_TOO_BIG;

	if (!u->cfg.no_cache)
		hit = vtd_pc_find(u, rq->sid, pasid);
	if (hit) {
		u->stats.pasid_hits++;
		*pe = *hit;
		rq->fpd |= hit->fpd;
		return hit->neg_reason;
	}
	u->stats.pasid_misses++;

	memset(pe, 0, sizeof(*pe));
	pe->valid = true;
	pe->sid = rq->sid;
	pe->pasid = pasid;

	if (vtd_mem_read(u, dir + (pasid >> VTDM_PASID_DIR_SHIFT) * 8, &pde, 1))
		return VTDM_FR_SM_PDIR_ACCESS;
	pe->fpd = pde & VTDM_PDE_FPD;
	rq->fpd |= pe->fpd;
	if (!(pde & VTDM_PDE_P))
		return vtd_pasid_negative(u, pe, VTDM_FR_SM_PDIR_NOT_PRESENT);
	if (pde & (VTDM_PDE_RSVD | vtd_above_haw(u)))
		return VTDM_FR_SM_PDIR_RSVD;

	if (vtd_mem_read(u, (pde & VTDM_PDE_PTP_MASK) +
			 (pasid & VTDM_PASID_TBL_MASK) * VTDM_PASID_ENTRY_SIZE, e, 8))
		return VTDM_FR_SM_PE_ACCESS;
	pe->fpd |= !!(e[0] & VTDM_PE0_FPD);
	rq->fpd |= pe->fpd;
	if (!(e[0] & VTDM_PE0_P))
		return vtd_pasid_negative(u, pe, VTDM_FR_SM_PE_NOT_PRESENT);
	reason = vtd_pasid_entry_check(u, e);
	if (reason)
		return reason;

	pe->did = e[1] & VTDM_PE1_DID_MASK;
	memcpy(pe->pe, e, sizeof(pe->pe));
	if (!u->cfg.no_cache)
		vtd_pc_insert(u, pe);
	return 0;
}

/* ---- Second-stage walk ------------------------------------------------------ */

static u64 vtd_sl_rsvd(const struct vtd_unit *u, unsigned int level, u64 pte)
{
	bool leaf = level == 1 || (level <= 3 && (pte & VTDM_SL_PS));
	u64 rsvd = vtd_above_haw(u);

	if (!leaf || !(u->ecap & VTDM_ECAP_SC))
		rsvd |= VTDM_SL_SNP;
	if (!(u->ecap & VTDM_ECAP_DT))
		rsvd |= VTDM_SL_TM;
	if (level >= 4)
		rsvd |= VTDM_SL_PS;
	else if (level == 3 && (pte & VTDM_SL_PS))
		rsvd |= (u->cfg.sllps & VTDM_SLLPS_1G) ? GENMASK_ULL(29, 12) : VTDM_SL_PS;
	else if (level == 2 && (pte & VTDM_SL_PS))
		rsvd |= (u->cfg.sllps & VTDM_SLLPS_2M) ? GENMASK_ULL(20, 12) : VTDM_SL_PS;
	return rsvd;
}

static int vtd_sl_perm(unsigned int flags, unsigned int access, bool sm)
{
	if ((access & DMA_ACC_WRITE) && !(flags & VTD_TF_W))
		return sm ? VTDM_FR_SM_NO_WRITE : VTDM_FR_NO_WRITE;
	if ((access & (DMA_ACC_READ | DMA_ACC_EXEC)) && !(flags & VTD_TF_R))
		return sm ? VTDM_FR_SM_NO_READ : VTDM_FR_NO_READ;
	return 0;
}

static unsigned int vtd_sl_perms(unsigned int flags)
{
	return ((flags & VTD_TF_R) ? DMA_ACC_READ : 0) | ((flags & VTD_TF_W) ? DMA_ACC_WRITE : 0);
}

static int vtd_sl_fill(struct vtd_unit *u, const struct vtd_req *rq, bool sm, u64 page,
		       unsigned int shift, unsigned int flags, struct vtd_xlate *res)
{
	u64 pa = page | (rq->iova & ((1ULL << shift) - 1));

	if (sm && pa >= VTD_INTR_BASE && pa <= VTD_INTR_LAST)
		return VTDM_FR_SM_INTR_ADDR;
	res->pa = pa;
	res->page_size = 1ULL << shift;
	res->perms = vtd_sl_perms(flags);
	return 0;
}

static int vtd_sl_translate(struct vtd_unit *u, const struct vtd_req *rq, u64 table,
			    unsigned int aw, u16 did, bool sm, struct vtd_xlate *res)
{
	unsigned int levels = aw + 2, level = levels, shift, flags = VTD_TF_R | VTD_TF_W;
	unsigned int width = min_t(unsigned int, 12 + 9 * levels, u->cfg.mgaw);
	bool caching = !u->cfg.no_cache;
	struct vtd_tlb_entry *t = NULL;
	struct vtd_pde_entry *pde = NULL;
	u64 pte = 0;
	int reason;

	if (width < 64 && (rq->iova >> width))
		return sm ? VTDM_FR_SM_BEYOND_MAX : VTDM_FR_BEYOND_AGAW;

	if (caching)
		t = vtd_tlb_find(u, VTD_STAGE_SL, did, 0, rq->iova);
	if (t) {
		if (t->flags & VTD_TF_NEG) {
			u->stats.iotlb_hits++;
			return vtd_sl_perm(0, rq->access, sm);
		}
		if (!vtd_sl_perm(t->flags, rq->access, sm)) {
			u->stats.iotlb_hits++;
			return vtd_sl_fill(u, rq, sm, t->pa, t->shift, t->flags, res);
		}
		/* Not enough rights in the cached copy: look at the tables again. */
		t->valid = false;
	}
	u->stats.iotlb_misses++;

	if (caching)
		pde = vtd_pde_find(u, VTD_STAGE_SL, did, 0, rq->iova, levels);
	if (pde) {
		u->stats.pde_hits++;
		level = pde->level;
		table = pde->table;
		flags = pde->flags;
	}

	for (;; level--) {
		unsigned int idx = (rq->iova >> (12 + 9 * (level - 1))) & 0x1ff;

		if (vtd_mem_read(u, table + idx * 8, &pte, 1)) {
			if (!sm)
				return VTDM_FR_SL_TABLE_ACCESS;
			return level == levels ? VTDM_FR_SM_SL_PTR_INVALID : VTDM_FR_SM_SL_ACCESS;
		}
		/* No present bit: an entry is present iff it grants R or W. */
		if (!(pte & (VTDM_SL_R | VTDM_SL_W))) {
			if (caching && (u->cap & VTDM_CAP_CM)) {
				struct vtd_tlb_entry neg = {
					.valid = true, .stage = VTD_STAGE_SL, .shift = 12,
					.flags = VTD_TF_NEG, .did = did,
					.vpn = rq->iova >> 12,
				};

				vtd_tlb_insert(u, &neg);
			}
			return vtd_sl_perm(0, rq->access, sm);
		}
		if (pte & vtd_sl_rsvd(u, level, pte))
			return sm ? VTDM_FR_SM_SL_RSVD : VTDM_FR_SL_RSVD;
		flags &= pte & (VTD_TF_R | VTD_TF_W);
		if (level == 1 || (pte & VTDM_SL_PS))
			break;
		table = pte & VTDM_SL_ADDR_MASK;
		if (caching) {
			struct vtd_pde_entry ne = {
				.valid = true, .stage = VTD_STAGE_SL, .level = level - 1,
				.flags = flags, .did = did,
				.tag = rq->iova >> (12 + 9 * (level - 1)), .table = table,
			};

			vtd_pde_insert(u, &ne);
		}
	}

	shift = 12 + 9 * (level - 1);
	pte &= VTDM_SL_ADDR_MASK & ~((1ULL << shift) - 1);
	if (caching) {
		struct vtd_tlb_entry te = {
			.valid = true, .stage = VTD_STAGE_SL, .shift = shift, .flags = flags,
			.did = did, .vpn = rq->iova >> shift, .pa = pte,
		};

		vtd_tlb_insert(u, &te);
	}
	reason = vtd_sl_perm(flags, rq->access, sm);
	if (reason)
		return reason;
	return vtd_sl_fill(u, rq, sm, pte, shift, flags, res);
}

/* ---- First-stage walk ------------------------------------------------------- */

static u64 vtd_fl_rsvd(const struct vtd_unit *u, unsigned int level, u64 pte)
{
	u64 rsvd = vtd_above_haw(u);

	if (level >= 4)
		rsvd |= VTDM_FL_PS;
	else if (level == 3 && (pte & VTDM_FL_PS))
		rsvd |= (u->cap & VTDM_CAP_FL1GP) ? GENMASK_ULL(29, 13) : VTDM_FL_PS;
	else if (level == 2 && (pte & VTDM_FL_PS))
		rsvd |= GENMASK_ULL(20, 13);
	return rsvd;
}

static int vtd_fl_perm(unsigned int flags, unsigned int access, bool wpe)
{
	bool priv = access & DMA_ACC_PRIV;

	if (!priv && !(flags & VTD_TF_US))
		return VTDM_FR_SM_US_CLEAR;
	if ((access & DMA_ACC_WRITE) && !(flags & VTD_TF_W) && (!priv || wpe))
		return VTDM_FR_SM_NO_WRITE;
	if ((access & DMA_ACC_EXEC) && (flags & VTD_TF_XD))
		return VTDM_FR_SM_NO_EXEC;
	return 0;
}

static unsigned int vtd_fl_perms(unsigned int flags, unsigned int access, bool wpe)
{
	unsigned int perms = DMA_ACC_READ;

	if ((flags & VTD_TF_W) || ((access & DMA_ACC_PRIV) && !wpe))
		perms |= DMA_ACC_WRITE;
	if (!(flags & VTD_TF_XD))
		perms |= DMA_ACC_EXEC;
	return perms;
}

/* Set the accessed or dirty bit of an entry, as the hardware must. */
static int vtd_fl_update(struct vtd_unit *u, u64 addr, u64 *pte, u64 bit)
{
	__le64 v;

	if (*pte & bit)
		return 0;
	*pte |= bit;
	v = cpu_to_le64(*pte);
	return host_phys_write(addr, &v, sizeof(v));
}

static int vtd_fl_translate(struct vtd_unit *u, const struct vtd_req *rq, const u64 *pe,
			    u16 did, u32 pasid, struct vtd_xlate *res)
{
	unsigned int flpm = (pe[2] & VTDM_PE2_FLPM_MASK) >> VTDM_PE2_FLPM_SHIFT;
	unsigned int levels = flpm ? 5 : 4, level = levels, shift;
	unsigned int va_bits = 12 + 9 * levels;
	unsigned int flags = VTD_TF_W | VTD_TF_US;
	bool wpe = pe[2] & VTDM_PE2_WPE, caching = !u->cfg.no_cache;
	u64 table = pe[2] & VTDM_PE2_FLPTPTR_MASK, top, va, pte = 0, pte_addr = 0;
	struct vtd_tlb_entry *t = NULL;
	struct vtd_pde_entry *pde = NULL;
	int reason;

	if ((rq->access & DMA_ACC_PRIV) && !(pe[2] & VTDM_PE2_SRE))
		return VTDM_FR_SM_SRE_CLEAR;

	/* The input is a canonical virtual address. */
	top = rq->iova >> (va_bits - 1);
	if (top && top != (~0ULL >> (va_bits - 1)))
		return VTDM_FR_SM_NON_CANONICAL;
	va = rq->iova & ((1ULL << va_bits) - 1);

	if (caching)
		t = vtd_tlb_find(u, VTD_STAGE_FL, did, pasid, va);
	if (t) {
		/* A write through an entry whose D bit is not known set walks again. */
		if (!vtd_fl_perm(t->flags, rq->access, wpe) &&
		    (!(rq->access & DMA_ACC_WRITE) || (t->flags & VTD_TF_DIRTY))) {
			u->stats.iotlb_hits++;
			res->pa = t->pa | (va & ((1ULL << t->shift) - 1));
			res->page_size = 1ULL << t->shift;
			res->perms = vtd_fl_perms(t->flags, rq->access, wpe);
			return 0;
		}
		t->valid = false;
	}
	u->stats.iotlb_misses++;

	if (caching)
		pde = vtd_pde_find(u, VTD_STAGE_FL, did, pasid, va, levels);
	if (pde) {
		u->stats.pde_hits++;
		level = pde->level;
		table = pde->table;
		flags = pde->flags;
	}

	for (;; level--) {
		unsigned int idx = (va >> (12 + 9 * (level - 1))) & 0x1ff;

		pte_addr = table + idx * 8;
		if (vtd_mem_read(u, pte_addr, &pte, 1))
			return VTDM_FR_SM_FL_ACCESS;
		if (!(pte & VTDM_FL_P))
			return VTDM_FR_SM_FL_NOT_PRESENT;
		if (pte & vtd_fl_rsvd(u, level, pte))
			return VTDM_FR_SM_FL_RSVD;
		if (vtd_fl_update(u, pte_addr, &pte, VTDM_FL_A))
			return VTDM_FR_SM_FL_ACCESS;
		if (!(pte & VTDM_FL_RW))
			flags &= ~VTD_TF_W;
		if (!(pte & VTDM_FL_US))
			flags &= ~VTD_TF_US;
		if (pte & VTDM_FL_XD)
			flags |= VTD_TF_XD;
		if (level == 1 || (pte & VTDM_FL_PS))
			break;
		table = pte & VTDM_FL_ADDR_MASK;
		if (caching) {
			struct vtd_pde_entry ne = {
				.valid = true, .stage = VTD_STAGE_FL, .level = level - 1,
				.flags = flags, .did = did, .pasid = pasid,
				.tag = va >> (12 + 9 * (level - 1)), .table = table,
			};

			vtd_pde_insert(u, &ne);
		}
	}

	reason = vtd_fl_perm(flags, rq->access, wpe);
	if (!reason && (rq->access & DMA_ACC_WRITE) &&
	    vtd_fl_update(u, pte_addr, &pte, VTDM_FL_D))
		reason = VTDM_FR_SM_FL_ACCESS;
	if (pte & VTDM_FL_D)
		flags |= VTD_TF_DIRTY;

	shift = 12 + 9 * (level - 1);
	pte &= VTDM_FL_ADDR_MASK & ~((1ULL << shift) - 1);
	if (caching) {
		struct vtd_tlb_entry te = {
			.valid = true, .stage = VTD_STAGE_FL, .shift = shift, .flags = flags,
			.did = did, .pasid = pasid, .vpn = va >> shift, .pa = pte,
		};

		vtd_tlb_insert(u, &te);
	}
	if (reason)
		return reason;
	res->pa = pte | (va & ((1ULL << shift) - 1));
	res->page_size = 1ULL << shift;
	res->perms = vtd_fl_perms(flags, rq->access, wpe);
	return 0;
}

/* ---- Requests -------------------------------------------------------------- */

static void vtd_pass_through(const struct vtd_req *rq, struct vtd_xlate *res)
{
	res->pa = rq->iova;
	res->page_size = 1ULL << 12;
	res->perms = DMA_ACC_READ | DMA_ACC_WRITE;
}

static int vtd_translate_sm(struct vtd_unit *u, struct vtd_req *rq,
			    const struct vtd_cc_entry *ce, struct vtd_xlate *res)
{
	bool has_pasid = rq->pasid != DMA_DEV_NO_PASID;
	struct vtd_pc_entry pe;
	unsigned int pgtt, aw;
	u32 pasid;
	int reason;

	if (has_pasid) {
		if (!(ce->e[0] & VTDM_SMCTX_PASIDE))
			return VTDM_FR_SM_PASIDE_CLEAR;
		pasid = rq->pasid;
	} else {
		/* Requests without PASID use the context's RID_PASID. */
		pasid = ce->e[1] & VTDM_SMCTX_RIDPASID_MASK;
		if (ce->e[1] & VTDM_SMCTX_RIDPRIV)
			rq->access |= DMA_ACC_PRIV;
		else
			rq->access &= ~(DMA_ACC_PRIV | DMA_ACC_EXEC);
	}

	reason = vtd_pasid_fetch(u, rq, ce, pasid, &pe);
	if (reason)
		return reason;

	pgtt = (pe.pe[0] & VTDM_PE0_PGTT_MASK) >> VTDM_PE0_PGTT_SHIFT;
	switch (pgtt) {
	case VTDM_PGTT_PT:
		vtd_pass_through(rq, res);
		return 0;
	case VTDM_PGTT_SL:
		aw = (pe.pe[0] & VTDM_PE0_AW_MASK) >> VTDM_PE0_AW_SHIFT;
		return vtd_sl_translate(u, rq, pe.pe[0] & VTDM_PE0_SLPTPTR_MASK, aw, pe.did,
					true, res);
	case VTDM_PGTT_FL:
		return vtd_fl_translate(u, rq, pe.pe, pe.did, pasid, res);
	}
	return VTDM_FR_SM_PE_INVALID;
}

static int vtd_translate_legacy(struct vtd_unit *u, struct vtd_req *rq,
				const struct vtd_cc_entry *ce, struct vtd_xlate *res)
{
	unsigned int tt = (ce->e[0] & VTDM_CTX_TT_MASK) >> VTDM_CTX_TT_SHIFT;
	unsigned int aw = ce->e[1] & VTDM_CTX_HI_AW_MASK;

	if (tt == VTDM_TT_PASSTHROUGH) {
		vtd_pass_through(rq, res);
		return 0;
	}
	return vtd_sl_translate(u, rq, ce->e[0] & VTDM_CTX_SLPTPTR_MASK, aw, ce->did, false,
				res);
}

/**
 * vtd_translate_locked() - vtd_translate() with the unit's lock held
 * @u: the unit
 * @sid: source id
 * @pasid: PASID, or %DMA_DEV_NO_PASID
 * @iova: input address
 * @access: DMA_ACC_* of the request
 * @res: result (zeroed by the caller)
 *
 * Return: 0, or -EFAULT with @res->fault filled in (and recorded unless
 * suppressed).
 */
int vtd_translate_locked(struct vtd_unit *u, u16 sid, u32 pasid, u64 iova,
			 unsigned int access, struct vtd_xlate *res)
{
	struct vtd_req rq = {
		.sid = sid, .pasid = pasid, .iova = iova, .access = access,
	};
	struct vtd_cc_entry ce;
	int reason;

	lockdep_assert_held(&u->lock);
	u->stats.requests++;

	/* Translation disabled: requests are not remapped at all. */
	if (!(u->gsts & VTDM_GSTS_TES)) {
		res->pa = iova;
		res->page_size = 1ULL << 12;
		res->perms = DMA_ACC_READ | DMA_ACC_WRITE | DMA_ACC_EXEC;
		return 0;
	}

	switch (u->ttm) {
	case VTDM_TTM_ABORT:
		/* Abort-DMA mode blocks everything and records nothing. */
		reason = 0;
		goto fault;
	case VTDM_TTM_RESERVED:
		reason = VTDM_FR_SM_RTADDR_INVALID;
		goto fault;
	case VTDM_TTM_SCALABLE:
		if (!(u->ecap & VTDM_ECAP_SMTS)) {
			reason = VTDM_FR_SM_RTADDR_INVALID;
			goto fault;
		}
		break;
	default:
		if (pasid != DMA_DEV_NO_PASID) {
			reason = VTDM_FR_SM_TTM0_PASID;
			goto fault;
		}
		break;
	}

	reason = vtd_ctx_fetch(u, &rq, &ce);
	if (!reason) {
		if (vtd_sm(u))
			reason = vtd_translate_sm(u, &rq, &ce, res);
		else
			reason = vtd_translate_legacy(u, &rq, &ce, res);
	}
	if (!reason)
		return 0;

fault:
	memset(res, 0, sizeof(*res));
	res->fault.reason = reason;
	res->fault.write = access & DMA_ACC_WRITE;
	res->fault.source_id = sid;
	res->fault.pasid = pasid;
	res->fault.addr = iova;
	u->stats.faults++;
	/*
	 * Faults found after an entry with FPD=1 was read are not recorded;
	 * faults found before any such entry (root level) always are.
	 */
	if (reason && !rq.fpd)
		res->fault.recorded = vtd_record_fault(u, sid, pasid, iova,
						       access & DMA_ACC_WRITE, reason);
	return -EFAULT;
}
