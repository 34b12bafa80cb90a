// SPDX-License-Identifier: GPL-2.0
/*
 * Intel VT-d hardware model: unit life cycle, register file, fault recording
 * and interrupt (event) generation.
 *
 * Every entry point takes the unit's lock for its whole duration, so a
 * register access, a queue run or a translation is atomic with respect to
 * the others.  Interrupt callbacks run after the lock is dropped.
 */

#include <linux/align.h>
#include <linux/byteorder.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <host/mem.h>
#include <host/mmio.h>

#include "vtd-internal.h"

void vtd_config_default(struct vtd_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->version = 0x60;
	cfg->sagaw = VTDM_SAGAW_39 | VTDM_SAGAW_48;
	cfg->mgaw = 48;
	cfg->haw = 48;
	cfg->nd = 6;
	cfg->nr_fault_records = 8;
	cfg->sllps = VTDM_SLLPS_2M | VTDM_SLLPS_1G;
	cfg->mamv = 9;
	cfg->pasid_bits = 20;
	cfg->psi = true;
	cfg->fl1gp = true;
	cfg->coherent = true;
	cfg->qi = true;
	cfg->dt = true;
	cfg->pt = true;
	cfg->sc = true;
	cfg->smts = true;
	cfg->slts = true;
	cfg->flts = true;
	cfg->pasid = true;
	cfg->srs = true;
}

static bool vtd_config_valid(const struct vtd_config *cfg)
{
	if (!cfg->sagaw || (cfg->sagaw & ~(VTDM_SAGAW_39 | VTDM_SAGAW_48 | VTDM_SAGAW_57)))
		return false;
	if (cfg->mgaw < 30 || cfg->mgaw > 64)
		return false;
	if (cfg->haw < 32 || cfg->haw > 52)
		return false;
	if (cfg->nd > 6 || cfg->sllps > 3 || cfg->mamv > 63)
		return false;
	if (!cfg->nr_fault_records || cfg->nr_fault_records > 256)
		return false;
	if (cfg->pasid && (!cfg->pasid_bits || cfg->pasid_bits > VTDM_PASID_MAX_BITS))
		return false;
	/* Scalable mode needs queued invalidation; its features need scalable mode. */
	if (cfg->smts && !cfg->qi)
		return false;
	if (!cfg->smts && (cfg->slts || cfg->flts || cfg->pasid))
		return false;
	return cfg->mmio_base % SZ_4K == 0;
}

static void vtd_build_caps(struct vtd_unit *u)
{
	const struct vtd_config *c = &u->cfg;
	u64 cap, ecap;

	cap = (u64)c->nd << VTDM_CAP_ND_SHIFT;
	cap |= (u64)c->sagaw << VTDM_CAP_SAGAW_SHIFT;
	cap |= (u64)(c->mgaw - 1) << VTDM_CAP_MGAW_SHIFT;
	cap |= (u64)(VTDM_FRO_OFFSET / 16) << VTDM_CAP_FRO_SHIFT;
	cap |= (u64)c->sllps << VTDM_CAP_SLLPS_SHIFT;
	cap |= (u64)(c->nr_fault_records - 1) << VTDM_CAP_NFR_SHIFT;
	cap |= VTDM_CAP_ZLR | VTDM_CAP_DWD | VTDM_CAP_DRD;
	if (c->psi)
		cap |= VTDM_CAP_PSI | ((u64)c->mamv << VTDM_CAP_MAMV_SHIFT);
	if (c->rwbf)
		cap |= VTDM_CAP_RWBF;
	if (c->caching_mode)
		cap |= VTDM_CAP_CM;
	if (c->fl1gp)
		cap |= VTDM_CAP_FL1GP;
	if (c->fl5lp)
		cap |= VTDM_CAP_FL5LP;
	if (c->esrtps)
		cap |= VTDM_CAP_ESRTPS;

	ecap = (u64)(VTDM_IRO_OFFSET / 16) << VTDM_ECAP_IRO_SHIFT;
	if (c->coherent)
		ecap |= VTDM_ECAP_C;
	if (c->qi)
		ecap |= VTDM_ECAP_QI;
	if (c->dt)
		ecap |= VTDM_ECAP_DT;
	if (c->ir)
		ecap |= VTDM_ECAP_IR | (0xfULL << VTDM_ECAP_MHMV_SHIFT);
	if (c->pt)
		ecap |= VTDM_ECAP_PT;
	if (c->sc)
		ecap |= VTDM_ECAP_SC;
	if (c->srs)
		ecap |= VTDM_ECAP_SRS;
	if (c->pasid)
		ecap |= VTDM_ECAP_PASID | ((u64)(c->pasid_bits - 1) << VTDM_ECAP_PSS_SHIFT);
	if (c->smts) {
		ecap |= VTDM_ECAP_SMTS;
		if (c->coherent)
			ecap |= VTDM_ECAP_SMPWC;
	}
	if (c->slts)
		ecap |= VTDM_ECAP_SLTS;
	if (c->flts)
		ecap |= VTDM_ECAP_FLTS;

	u->cap = cap;
	u->ecap = ecap;
}

static u64 vtd_host_mmio_read(void *opaque, u64 offset, unsigned int size)
{
	return vtd_mmio_read(opaque, offset, size);
}

static void vtd_host_mmio_write(void *opaque, u64 offset, u64 val, unsigned int size)
{
	vtd_mmio_write(opaque, offset, val, size);
}

static const struct host_mmio_ops vtd_host_mmio_ops = {
	.read = vtd_host_mmio_read,
	.write = vtd_host_mmio_write,
};

struct vtd_unit *vtd_unit_create(const struct vtd_config *cfg)
{
	struct vtd_unit *u;
	int ret;

	if (!cfg || !vtd_config_valid(cfg))
		return ERR_PTR(-EINVAL);

	u = kzalloc(sizeof(*u), GFP_KERNEL);
	if (!u)
		return ERR_PTR(-ENOMEM);
	spin_lock_init(&u->lock);
	u->cfg = *cfg;
	u->ver = cfg->version;
	vtd_build_caps(u);

	u->nfr = cfg->nr_fault_records;
	u->frcd = kcalloc(u->nfr, sizeof(*u->frcd), GFP_KERNEL);
	if (!u->frcd) {
		ret = -ENOMEM;
		goto err_free_unit;
	}
	u->mmio_size = ALIGN(max_t(size_t, VTDM_FRO_OFFSET + u->nfr * VTDM_FRCD_SIZE,
				   VTDM_IRO_OFFSET + 16), SZ_4K);

	if (cfg->mmio_base) {
		ret = host_mmio_register(cfg->mmio_base, u->mmio_size, &vtd_host_mmio_ops, u);
		if (ret)
			goto err_free_frcd;
		u->mmio_registered = true;
	}
	return u;

err_free_frcd:
	kfree(u->frcd);
err_free_unit:
	kfree(u);
	return ERR_PTR(ret);
}

void vtd_unit_destroy(struct vtd_unit *u)
{
	if (!u)
		return;
	if (u->mmio_registered)
		host_mmio_unregister(u->cfg.mmio_base);
	kfree(u->frcd);
	kfree(u);
}

size_t vtd_mmio_size(const struct vtd_unit *u)
{
	return u->mmio_size;
}

void vtd_set_event_handler(struct vtd_unit *u, vtd_event_fn fn, void *priv)
{
	spin_lock(&u->lock);
	u->event_fn = fn;
	u->event_priv = priv;
	spin_unlock(&u->lock);
}

void vtd_get_stats(struct vtd_unit *u, struct vtd_stats *st)
{
	spin_lock(&u->lock);
	*st = u->stats;
	spin_unlock(&u->lock);
}

/*
 * Drop the lock, then deliver the interrupts that became pending while it
 * was held.  Message address and data are sampled under the lock.
 */
static void vtd_unlock(struct vtd_unit *u) __releases(&u->lock)
{
	unsigned int pending = u->pending;
	vtd_event_fn fn = u->event_fn;
	void *priv = u->event_priv;
	u64 fe_addr = ((u64)u->feuaddr << 32) | u->feaddr;
	u64 ie_addr = ((u64)u->ieuaddr << 32) | u->ieaddr;
	u32 fe_data = u->fedata, ie_data = u->iedata;

	u->pending = 0;
	spin_unlock(&u->lock);
	if (!fn)
		return;
	if (pending & BIT(VTD_EVENT_FAULT))
		fn(u, VTD_EVENT_FAULT, fe_addr, fe_data, priv);
	if (pending & BIT(VTD_EVENT_INV_DONE))
		fn(u, VTD_EVENT_INV_DONE, ie_addr, ie_data, priv);
}

/* ---- Memory -------------------------------------------------------------- */

/**
 * vtd_mem_read() - read little-endian qwords of a table through the host's
 *	checked memory accessor
 * @u: the unit (locked)
 * @pa: physical address
 * @val: destination, in CPU order
 * @nr_qwords: how many (at most 8)
 *
 * Return: 0, or a negative errno if the range is not all RAM.
 */
int vtd_mem_read(struct vtd_unit *u, u64 pa, u64 *val, unsigned int nr_qwords)
{
	__le64 raw[8];
	unsigned int i;
	int ret;

	if (WARN_ON(nr_qwords > ARRAY_SIZE(raw)))
		return -EINVAL;
	u->stats.table_reads++;
	ret = host_phys_read(pa, raw, nr_qwords * sizeof(raw[0]));
	if (ret)
		return ret;
	for (i = 0; i < nr_qwords; i++)
		val[i] = le64_to_cpu(raw[i]);
	return 0;
}

/* ---- Fault recording and events ------------------------------------------ */

static bool vtd_ppf(const struct vtd_unit *u)
{
	unsigned int i;

	for (i = 0; i < u->nfr; i++)
		if (u->frcd[i][1] & VTDM_FRCD_HI_F)
			return true;
	return false;
}

/**
 * vtd_raise_fault_event() - signal a new fault condition
 * @u: the unit (locked)
 *
 * Delivers the fault event once the lock is dropped, or only sets
 * FECTL.IP when the event is masked.  Nothing happens while IP is set.
 */
void vtd_raise_fault_event(struct vtd_unit *u)
{
	if (u->fectl & VTDM_FECTL_IP)
		return;
	if (u->fectl & VTDM_FECTL_IM) {
		u->fectl |= VTDM_FECTL_IP;
		return;
	}
	u->pending |= BIT(VTD_EVENT_FAULT);
	u->stats.fault_events++;
}

/**
 * vtd_raise_inv_event() - signal invalidation-wait completion (ICS.IWC)
 * @u: the unit (locked)
 *
 * Same masking rules as the fault event, with IECTL.
 */
void vtd_raise_inv_event(struct vtd_unit *u)
{
	if (u->iectl & VTDM_IECTL_IP)
		return;
	if (u->iectl & VTDM_IECTL_IM) {
		u->iectl |= VTDM_IECTL_IP;
		return;
	}
	u->pending |= BIT(VTD_EVENT_INV_DONE);
	u->stats.inv_events++;
}

/* Once software has serviced every fault condition, a masked event is void. */
static void vtd_fault_status_update(struct vtd_unit *u)
{
	if (!(u->fsts & VTDM_FSTS_RW1C) && !vtd_ppf(u))
		u->fectl &= ~VTDM_FECTL_IP;
}

/**
 * vtd_record_fault() - write a primary fault record
 * @u: the unit (locked)
 * @sid: source id of the request
 * @pasid: its PASID, or %DMA_DEV_NO_PASID
 * @addr: input address (the page is recorded)
 * @write: the request was a write
 * @reason: fault reason
 *
 * Records go round the register array.  A fault that finds its record
 * still pending, or arrives while FSTS.PFO is set, is lost.
 *
 * Return: true if the fault was recorded.
 */
bool vtd_record_fault(struct vtd_unit *u, u16 sid, u32 pasid, u64 addr, bool write,
		      u8 reason)
{
	u64 *rec = u->frcd[u->next_frcd];
	bool had_ppf;
	u64 hi;

	if (u->fsts & VTDM_FSTS_PFO) {
		u->stats.faults_dropped++;
		return false;
	}
	if (rec[1] & VTDM_FRCD_HI_F) {
		/* The log is full: the fault is lost, overflow is flagged. */
		u->fsts |= VTDM_FSTS_PFO;
		u->stats.faults_dropped++;
		vtd_raise_fault_event(u);
		return false;
	}

	had_ppf = vtd_ppf(u);
	hi = sid | ((u64)reason << VTDM_FRCD_HI_FR_SHIFT) | VTDM_FRCD_HI_F;
	if (pasid != DMA_DEV_NO_PASID)
		hi |= VTDM_FRCD_HI_PP |
		      (((u64)pasid << VTDM_FRCD_HI_PV_SHIFT) & VTDM_FRCD_HI_PV_MASK);
	if (!write)
		hi |= VTDM_FRCD_HI_T;
	rec[0] = addr & VTDM_FRCD_LO_FI_MASK;
	rec[1] = hi;

	if (!had_ppf) {
		u->fsts &= ~VTDM_FSTS_FRI_MASK;
		u->fsts |= u->next_frcd << VTDM_FSTS_FRI_SHIFT;
		vtd_raise_fault_event(u);
	}
	u->next_frcd = (u->next_frcd + 1) % u->nfr;
	u->stats.faults_recorded++;
	return true;
}

/* ---- Register file --------------------------------------------------------- */

static u64 vtd_iro(const struct vtd_unit *u)
{
	return ((u->ecap & VTDM_ECAP_IRO_MASK) >> VTDM_ECAP_IRO_SHIFT) * 16;
}

static u64 vtd_fro(const struct vtd_unit *u)
{
	return ((u->cap & VTDM_CAP_FRO_MASK) >> VTDM_CAP_FRO_SHIFT) * 16;
}

/* Width (4 or 8) of the register that starts at @off, 0 if none does. */
static unsigned int vtd_reg_width(const struct vtd_unit *u, u64 off)
{
	u64 fro = vtd_fro(u), iro = vtd_iro(u);

	switch (off) {
	case VTDM_REG_VER:
	case VTDM_REG_GCMD:
	case VTDM_REG_GSTS:
	case VTDM_REG_FSTS:
	case VTDM_REG_FECTL:
	case VTDM_REG_FEDATA:
	case VTDM_REG_FEADDR:
	case VTDM_REG_FEUADDR:
	case VTDM_REG_PMEN:
	case VTDM_REG_PLMBASE:
	case VTDM_REG_PLMLIMIT:
	case VTDM_REG_ICS:
	case VTDM_REG_IECTL:
	case VTDM_REG_IEDATA:
	case VTDM_REG_IEADDR:
	case VTDM_REG_IEUADDR:
		return 4;
	case VTDM_REG_CAP:
	case VTDM_REG_ECAP:
	case VTDM_REG_RTADDR:
	case VTDM_REG_CCMD:
	case VTDM_REG_AFLOG:
	case VTDM_REG_PHMBASE:
	case VTDM_REG_PHMLIMIT:
	case VTDM_REG_IQH:
	case VTDM_REG_IQT:
	case VTDM_REG_IQA:
	case VTDM_REG_IQER:
	case VTDM_REG_IRTA:
		return 8;
	}
	if (off == iro + VTDM_REG_IVA_REL || off == iro + VTDM_REG_IOTLB_REL)
		return 8;
	if (off >= fro && off < fro + u->nfr * VTDM_FRCD_SIZE && !(off % 8))
		return 8;
	return 0;
}

static u32 vtd_fsts_value(const struct vtd_unit *u)
{
	return u->fsts | (vtd_ppf(u) ? VTDM_FSTS_PPF : 0);
}

static u64 vtd_reg_get(struct vtd_unit *u, u64 off)
{
	u64 fro = vtd_fro(u), iro = vtd_iro(u);

	switch (off) {
	case VTDM_REG_VER:
		return u->ver;
	case VTDM_REG_CAP:
		return u->cap;
	case VTDM_REG_ECAP:
		return u->ecap;
	case VTDM_REG_GCMD:
		return 0;	/* write only */
	case VTDM_REG_GSTS:
		return u->gsts;
	case VTDM_REG_RTADDR:
		return u->rtaddr;
	case VTDM_REG_CCMD:
		return u->ccmd;
	case VTDM_REG_FSTS:
		return vtd_fsts_value(u);
	case VTDM_REG_FECTL:
		return u->fectl;
	case VTDM_REG_FEDATA:
		return u->fedata;
	case VTDM_REG_FEADDR:
		return u->feaddr;
	case VTDM_REG_FEUADDR:
		return u->feuaddr;
	case VTDM_REG_PMEN:
		return u->pmen;
	case VTDM_REG_PLMBASE:
		return u->plmbase;
	case VTDM_REG_PLMLIMIT:
		return u->plmlimit;
	case VTDM_REG_PHMBASE:
		return u->phmbase;
	case VTDM_REG_PHMLIMIT:
		return u->phmlimit;
	case VTDM_REG_IQH:
		return u->iqh;
	case VTDM_REG_IQT:
		return u->iqt;
	case VTDM_REG_IQA:
		return u->iqa;
	case VTDM_REG_ICS:
		return u->ics;
	case VTDM_REG_IECTL:
		return u->iectl;
	case VTDM_REG_IEDATA:
		return u->iedata;
	case VTDM_REG_IEADDR:
		return u->ieaddr;
	case VTDM_REG_IEUADDR:
		return u->ieuaddr;
	case VTDM_REG_IQER:
		return u->iqer;
	case VTDM_REG_IRTA:
		return u->irta;
	}
	if (off == iro + VTDM_REG_IVA_REL)
		return u->iva;
	if (off == iro + VTDM_REG_IOTLB_REL)
		return u->iotlb_reg;
	if (off >= fro && off < fro + u->nfr * VTDM_FRCD_SIZE)
		return u->frcd[(off - fro) / VTDM_FRCD_SIZE][((off - fro) % VTDM_FRCD_SIZE) / 8];
	return 0;
}

static void vtd_gcmd_write(struct vtd_unit *u, u32 val)
{
	/* Persistent state: software rewrites it with every command. */
	if (val & VTDM_GCMD_TE)
		u->gsts |= VTDM_GSTS_TES;
	else
		u->gsts &= ~VTDM_GSTS_TES;

	if ((val & VTDM_GCMD_QIE) && (u->ecap & VTDM_ECAP_QI)) {
		if (!(u->gsts & VTDM_GSTS_QIES)) {
			u->gsts |= VTDM_GSTS_QIES;
			u->iqh = 0;
			vtd_qi_process(u);
		}
	} else if (u->gsts & VTDM_GSTS_QIES) {
		u->gsts &= ~VTDM_GSTS_QIES;
		u->iqh = 0;
	}

	if ((val & VTDM_GCMD_IRE) && (u->ecap & VTDM_ECAP_IR))
		u->gsts |= VTDM_GSTS_IRES;
	else
		u->gsts &= ~VTDM_GSTS_IRES;
	if ((val & VTDM_GCMD_CFI) && (u->ecap & VTDM_ECAP_IR))
		u->gsts |= VTDM_GSTS_CFIS;
	else
		u->gsts &= ~VTDM_GSTS_CFIS;

	/* One-shot commands. */
	if (val & VTDM_GCMD_SRTP) {
		u->root = u->rtaddr & VTDM_RTADDR_ADDR_MASK;
		u->ttm = (u->rtaddr & VTDM_RTADDR_TTM_MASK) >> VTDM_RTADDR_TTM_SHIFT;
		u->gsts |= VTDM_GSTS_RTPS;
		if (u->cap & VTDM_CAP_ESRTPS)
			vtd_flush_all(u);
	}
	if ((val & VTDM_GCMD_SIRTP) && (u->ecap & VTDM_ECAP_IR))
		u->gsts |= VTDM_GSTS_IRTPS;
	if (val & VTDM_GCMD_WBF)
		u->stats.wbf++;	/* completes at once: WBFS never stays set */
}

static void vtd_fsts_write(struct vtd_unit *u, u32 val)
{
	bool had_iqe = u->fsts & VTDM_FSTS_IQE;

	u->fsts &= ~(val & VTDM_FSTS_RW1C);
	vtd_fault_status_update(u);
	/* Clearing IQE lets the queue resume at IQH. */
	if (had_iqe && !(u->fsts & VTDM_FSTS_IQE))
		vtd_qi_process(u);
}

static void vtd_fectl_write(struct vtd_unit *u, u32 val)
{
	u->fectl = (u->fectl & ~VTDM_FECTL_IM) | (val & VTDM_FECTL_IM);
	if (!(u->fectl & VTDM_FECTL_IM) && (u->fectl & VTDM_FECTL_IP)) {
		u->fectl &= ~VTDM_FECTL_IP;
		u->pending |= BIT(VTD_EVENT_FAULT);
		u->stats.fault_events++;
	}
}

static void vtd_iectl_write(struct vtd_unit *u, u32 val)
{
	u->iectl = (u->iectl & ~VTDM_IECTL_IM) | (val & VTDM_IECTL_IM);
	if (!(u->iectl & VTDM_IECTL_IM) && (u->iectl & VTDM_IECTL_IP)) {
		u->iectl &= ~VTDM_IECTL_IP;
		u->pending |= BIT(VTD_EVENT_INV_DONE);
		u->stats.inv_events++;
	}
}

static void vtd_reg_set32(struct vtd_unit *u, u64 off, u32 val)
{
	switch (off) {
	case VTDM_REG_GCMD:
		vtd_gcmd_write(u, val);
		break;
	case VTDM_REG_FSTS:
		vtd_fsts_write(u, val);
		break;
	case VTDM_REG_FECTL:
		vtd_fectl_write(u, val);
		break;
	case VTDM_REG_FEDATA:
		u->fedata = val;
		break;
	case VTDM_REG_FEADDR:
		u->feaddr = val & ~3u;
		break;
	case VTDM_REG_FEUADDR:
		u->feuaddr = val;
		break;
	case VTDM_REG_PMEN:
		/* Protected regions are not modelled; status follows the enable. */
		u->pmen = (val & BIT(31)) ? (BIT(31) | BIT(0)) : 0;
		break;
	case VTDM_REG_PLMBASE:
		u->plmbase = val;
		break;
	case VTDM_REG_PLMLIMIT:
		u->plmlimit = val;
		break;
	case VTDM_REG_ICS:
		if (val & VTDM_ICS_IWC) {
			u->ics &= ~VTDM_ICS_IWC;
			u->iectl &= ~VTDM_IECTL_IP;
		}
		break;
	case VTDM_REG_IECTL:
		vtd_iectl_write(u, val);
		break;
	case VTDM_REG_IEDATA:
		u->iedata = val;
		break;
	case VTDM_REG_IEADDR:
		u->ieaddr = val & ~3u;
		break;
	case VTDM_REG_IEUADDR:
		u->ieuaddr = val;
		break;
	default:
		break;	/* read-only or reserved */
	}
}

/*
 * A write to a 64-bit register; @mask says which bytes the access covered,
 * so a 32-bit access to one half triggers only that half's side effects.
 */
static void vtd_reg_set64(struct vtd_unit *u, u64 off, u64 val, u64 mask)
{
	u64 fro = vtd_fro(u), iro = vtd_iro(u);

#define MERGE(reg)	(((reg) & ~mask) | (val & mask))
	switch (off) {
	case VTDM_REG_RTADDR:
		u->rtaddr = MERGE(u->rtaddr) & (VTDM_RTADDR_ADDR_MASK | VTDM_RTADDR_TTM_MASK);
		return;
	case VTDM_REG_CCMD:
		u->ccmd = MERGE(u->ccmd);
		if ((mask >> 32) && (u->ccmd & VTDM_CCMD_ICC))
			vtd_reg_ccmd(u);
		return;
	case VTDM_REG_PHMBASE:
		u->phmbase = MERGE(u->phmbase);
		return;
	case VTDM_REG_PHMLIMIT:
		u->phmlimit = MERGE(u->phmlimit);
		return;
	case VTDM_REG_IQT:
		u->iqt = MERGE(u->iqt) & VTDM_IQ_HT_MASK;
		if (mask & 0xffffffffULL)
			vtd_qi_process(u);
		return;
	case VTDM_REG_IQA:
		u->iqa = MERGE(u->iqa) & (VTDM_IQA_ADDR_MASK | VTDM_IQA_DW | VTDM_IQA_QS_MASK);
		return;
	case VTDM_REG_IRTA:
		u->irta = MERGE(u->irta);
		return;
	}
	if (off == iro + VTDM_REG_IVA_REL) {
		u->iva = MERGE(u->iva) & (VTDM_IVA_ADDR_MASK | VTDM_IVA_IH | VTDM_IVA_AM_MASK);
		return;
	}
	if (off == iro + VTDM_REG_IOTLB_REL) {
		u->iotlb_reg = MERGE(u->iotlb_reg);
		if ((mask >> 32) && (u->iotlb_reg & VTDM_IOTLB_IVT))
			vtd_reg_iotlb(u);
		return;
	}
	if (off >= fro && off < fro + u->nfr * VTDM_FRCD_SIZE && ((off - fro) % 16) == 8) {
		u64 *rec = u->frcd[(off - fro) / VTDM_FRCD_SIZE];

		/* Only F is writable: write 1 to clear. */
		if (val & mask & VTDM_FRCD_HI_F) {
			rec[1] &= ~VTDM_FRCD_HI_F;
			vtd_fault_status_update(u);
		}
	}
#undef MERGE
}

u64 vtd_mmio_read(struct vtd_unit *u, u64 offset, unsigned int size)
{
	u64 base, val;
	unsigned int w;

	if (size != 1 && size != 2 && size != 4 && size != 8)
		return 0;
	if (offset % size || offset >= u->mmio_size)
		return 0;

	spin_lock(&u->lock);
	base = offset;
	w = vtd_reg_width(u, base);
	if (!w || w < size) {
		base = offset & ~7ULL;
		w = vtd_reg_width(u, base);
		if (w != 8) {
			base = offset & ~3ULL;
			w = vtd_reg_width(u, base);
		}
	}
	if (!w || offset + size > base + w) {
		val = 0;
	} else {
		val = vtd_reg_get(u, base) >> ((offset - base) * 8);
		if (size < 8)
			val &= (1ULL << (size * 8)) - 1;
	}
	spin_unlock(&u->lock);
	return val;
}

void vtd_mmio_write(struct vtd_unit *u, u64 offset, u64 val, unsigned int size)
{
	unsigned int w;

	if ((size != 4 && size != 8) || offset % size || offset >= u->mmio_size)
		return;

	spin_lock(&u->lock);
	w = vtd_reg_width(u, offset);
	if (size == 8) {
		if (w == 8) {
			vtd_reg_set64(u, offset, val, ~0ULL);
		} else if (w == 4) {
			/* Two adjacent 32-bit registers, low one first. */
			vtd_reg_set32(u, offset, (u32)val);
			if (vtd_reg_width(u, offset + 4) == 4)
				vtd_reg_set32(u, offset + 4, (u32)(val >> 32));
		}
	} else if (w == 4) {
		vtd_reg_set32(u, offset, (u32)val);
	} else if (vtd_reg_width(u, offset & ~7ULL) == 8) {
		unsigned int shift = (offset & 4) * 8;

		vtd_reg_set64(u, offset & ~7ULL, (u64)(u32)val << shift, 0xffffffffULL << shift);
	}
	vtd_unlock(u);
}

/* ---- Requests ---------------------------------------------------------------- */

static int vtd_dma_translate(void *iommu, u16 source_id, u32 pasid, u64 iova,
			     unsigned int access, struct dma_dev_xlate *out,
			     struct dma_dev_fault *fault)
{
	struct vtd_xlate res;
	int ret;

	ret = vtd_translate(iommu, source_id, pasid, iova, access, &res);
	if (ret) {
		*fault = res.fault;
		return ret;
	}
	out->pa = res.pa;
	out->size = res.page_size - (res.pa & (res.page_size - 1));
	out->perms = res.perms;
	return 0;
}

const struct dma_iommu_ops vtd_dma_iommu_ops = {
	.name = "vt-d",
	.translate = vtd_dma_translate,
};

int vtd_translate(struct vtd_unit *u, u16 sid, u32 pasid, u64 iova, unsigned int access,
		  struct vtd_xlate *res)
{
	int ret;

	memset(res, 0, sizeof(*res));
	if (!(access & (DMA_ACC_READ | DMA_ACC_WRITE)))
		return -EINVAL;
	spin_lock(&u->lock);
	ret = vtd_translate_locked(u, sid, pasid, iova, access, res);
	vtd_unlock(u);
	return ret;
}
