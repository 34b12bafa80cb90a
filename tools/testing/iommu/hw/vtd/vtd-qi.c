// SPDX-License-Identifier: GPL-2.0
/*
 * Intel VT-d hardware model: queued invalidation and register-based
 * invalidation.
 *
 * The queue is a ring of 128-bit (IQA.DW=0) or 256-bit (IQA.DW=1)
 * descriptors.  Writing IQT makes the unit execute descriptors from IQH up
 * to IQT, advancing IQH after each.  A descriptor it cannot execute stops the
 * queue with FSTS.IQE set and IQH left on that descriptor; the queue runs
 * again once software clears IQE.
 */

#include <linux/byteorder.h>
#include <linux/lockdep.h>
#include <host/mem.h>

#include "vtd-internal.h"

static void vtd_qi_error(struct vtd_unit *u, unsigned int iqei)
{
	u->iqer = (u->iqer & ~VTDM_IQER_IQEI_MASK) | iqei;
	u->fsts |= VTDM_FSTS_IQE;
	u->stats.queue_errors++;
	vtd_raise_fault_event(u);
}

static bool vtd_psi_am_ok(const struct vtd_unit *u, unsigned int am)
{
	return am <= (u->cap & VTDM_CAP_MAMV_MASK) >> VTDM_CAP_MAMV_SHIFT;
}

static int vtd_qi_cc(struct vtd_unit *u, const u64 *d)
{
	unsigned int gran = (d[0] & VTDM_QI_GRAN_MASK) >> VTDM_QI_GRAN_SHIFT;

	if ((d[0] & ~VTDM_QI_CC_VALID0) || d[1] || !gran)
		return VTDM_IQEI_INVALID;
	vtd_cc_inval(u, gran, (d[0] & VTDM_QI_DID_MASK) >> VTDM_QI_DID_SHIFT,
		     (d[0] & VTDM_QI_CC_SID_MASK) >> VTDM_QI_CC_SID_SHIFT,
		     (d[0] & VTDM_QI_CC_FM_MASK) >> VTDM_QI_CC_FM_SHIFT);
	return 0;
}

static int vtd_qi_iotlb(struct vtd_unit *u, const u64 *d)
{
	unsigned int gran = (d[0] & VTDM_QI_GRAN_MASK) >> VTDM_QI_GRAN_SHIFT;
	unsigned int am = d[1] & VTDM_QI_AM_MASK;
	u16 did = (d[0] & VTDM_QI_DID_MASK) >> VTDM_QI_DID_SHIFT;

	if ((d[0] & ~VTDM_QI_IOTLB_VALID0) || (d[1] & ~VTDM_QI_IOTLB_VALID1) || !gran)
		return VTDM_IQEI_INVALID;
	if (gran == VTDM_IOTLB_PAGE) {
		if (!(u->cap & VTDM_CAP_PSI)) {
			/* Without PSI the unit invalidates the whole domain. */
			gran = VTDM_IOTLB_DOMAIN;
		} else if (!vtd_psi_am_ok(u, am)) {
			return VTDM_IQEI_INVALID;
		}
	}
	vtd_iotlb_inval(u, gran, did, d[1] & VTDM_QI_ADDR_MASK, am, d[1] & VTDM_QI_IH);
	return 0;
}

static int vtd_qi_piotlb(struct vtd_unit *u, const u64 *d)
{
	unsigned int gran = (d[0] & VTDM_QI_GRAN_MASK) >> VTDM_QI_GRAN_SHIFT;
	unsigned int am = d[1] & VTDM_QI_AM_MASK;

	if (!(u->ecap & VTDM_ECAP_SMTS))
		return VTDM_IQEI_INVALID;
	if ((d[0] & ~VTDM_QI_PIOTLB_VALID0) || (d[1] & ~VTDM_QI_IOTLB_VALID1))
		return VTDM_IQEI_INVALID;
	if (gran != VTDM_QI_PIOTLB_PASID && gran != VTDM_QI_PIOTLB_PAGE)
		return VTDM_IQEI_INVALID;
	if (gran == VTDM_QI_PIOTLB_PAGE && !vtd_psi_am_ok(u, am))
		return VTDM_IQEI_INVALID;
	vtd_piotlb_inval(u, gran, (d[0] & VTDM_QI_DID_MASK) >> VTDM_QI_DID_SHIFT,
			 (d[0] & VTDM_QI_PASID_MASK) >> VTDM_QI_PASID_SHIFT,
			 d[1] & VTDM_QI_ADDR_MASK, am, d[1] & VTDM_QI_IH);
	return 0;
}

static int vtd_qi_pc(struct vtd_unit *u, const u64 *d)
{
	unsigned int gran = (d[0] & VTDM_QI_GRAN_MASK) >> VTDM_QI_GRAN_SHIFT;

	if (!(u->ecap & VTDM_ECAP_SMTS))
		return VTDM_IQEI_INVALID;
	if ((d[0] & ~VTDM_QI_PC_VALID0) || d[1] || gran == 2)
		return VTDM_IQEI_INVALID;
	vtd_pc_inval(u, gran, (d[0] & VTDM_QI_DID_MASK) >> VTDM_QI_DID_SHIFT,
		     (d[0] & VTDM_QI_PASID_MASK) >> VTDM_QI_PASID_SHIFT);
	return 0;
}

/* Device-TLBs (ATS) are not modelled: a valid descriptor completes at once. */
static int vtd_qi_devtlb(struct vtd_unit *u, const u64 *d, bool pasid_based)
{
	if (!(u->ecap & VTDM_ECAP_DT))
		return VTDM_IQEI_INVALID;
	if (pasid_based) {
		if (!(u->ecap & VTDM_ECAP_SMTS) || (d[0] & ~VTDM_QI_PDEVTLB_VALID0) ||
		    (d[1] & ~VTDM_QI_PDEVTLB_VALID1))
			return VTDM_IQEI_INVALID;
	} else if ((d[0] & ~VTDM_QI_DEVTLB_VALID0) || (d[1] & ~VTDM_QI_DEVTLB_VALID1)) {
		return VTDM_IQEI_INVALID;
	}
	u->stats.devtlb_invalidations++;
	return 0;
}

static int vtd_qi_wait(struct vtd_unit *u, const u64 *d)
{
	if ((d[0] & ~VTDM_QI_WAIT_VALID0) || (d[1] & ~VTDM_QI_WAIT_ADDR_MASK))
		return VTDM_IQEI_INVALID;
	if (!(d[0] & (VTDM_QI_WAIT_SW | VTDM_QI_WAIT_IF)))
		return VTDM_IQEI_INVALID;
	/* Page-request drain needs page requests. */
	if ((d[0] & VTDM_QI_WAIT_PD) && !(u->ecap & VTDM_ECAP_PRS))
		return VTDM_IQEI_INVALID;

	/* Everything before this descriptor has completed: report it. */
	if (d[0] & VTDM_QI_WAIT_SW) {
		__le32 data = cpu_to_le32(d[0] >> VTDM_QI_WAIT_DATA_SHIFT);

		if (host_phys_write(d[1] & VTDM_QI_WAIT_ADDR_MASK, &data, sizeof(data)))
			return VTDM_IQEI_STATUS_WRITE;
	}
	if ((d[0] & VTDM_QI_WAIT_IF) && !(u->ics & VTDM_ICS_IWC)) {
		u->ics |= VTDM_ICS_IWC;
		vtd_raise_inv_event(u);
	}
	return 0;
}

/* Execute one descriptor: 0, or the IQEI value of the queue error. */
static int vtd_qi_exec(struct vtd_unit *u, const u64 *d, bool wide)
{
	if (wide && (d[2] || d[3]))
		return VTDM_IQEI_INVALID;
	if (d[0] & VTDM_QI_TYPE_HI_MASK)
		return VTDM_IQEI_INVALID;

	switch (d[0] & VTDM_QI_TYPE_MASK) {
	case VTDM_QI_CC:
		return vtd_qi_cc(u, d);
	case VTDM_QI_IOTLB:
		return vtd_qi_iotlb(u, d);
	case VTDM_QI_DEVTLB:
		return vtd_qi_devtlb(u, d, false);
	case VTDM_QI_IEC:
		if (!(u->ecap & VTDM_ECAP_IR) || (d[0] & ~VTDM_QI_IEC_VALID0) || d[1])
			return VTDM_IQEI_INVALID;
		return 0;	/* no interrupt-remapping cache is modelled */
	case VTDM_QI_WAIT:
		return vtd_qi_wait(u, d);
	case VTDM_QI_PIOTLB:
		return vtd_qi_piotlb(u, d);
	case VTDM_QI_PC:
		return vtd_qi_pc(u, d);
	case VTDM_QI_PDEVTLB:
		return vtd_qi_devtlb(u, d, true);
	default:
		return VTDM_IQEI_INVALID;
	}
}

/**
 * vtd_qi_process() - run the invalidation queue from IQH up to IQT
 * @u: the unit (locked)
 *
 * Does nothing unless the queue is enabled and no queue error is pending.
 */
void vtd_qi_process(struct vtd_unit *u)
{
	bool wide = u->iqa & VTDM_IQA_DW;
	unsigned int shift = wide ? 5 : 4;
	u64 base = u->iqa & VTDM_IQA_ADDR_MASK;
	u64 entries = (4096ULL << (u->iqa & VTDM_IQA_QS_MASK)) >> shift;
	u64 head, tail;
	int err;

	lockdep_assert_held(&u->lock);
	if (!(u->gsts & VTDM_GSTS_QIES) || (u->fsts & VTDM_FSTS_IQE))
		return;

	if (wide && !(u->ecap & VTDM_ECAP_SMTS)) {
		vtd_qi_error(u, VTDM_IQEI_WIDTH);
		return;
	}
	/* With 256-bit descriptors the tail must sit on a 32-byte boundary. */
	if (wide && (u->iqt & BIT_ULL(4))) {
		vtd_qi_error(u, VTDM_IQEI_TAIL);
		return;
	}
	tail = (u->iqt & VTDM_IQ_HT_MASK) >> shift;
	if (tail >= entries) {
		vtd_qi_error(u, VTDM_IQEI_TAIL);
		return;
	}
	head = ((u->iqh & VTDM_IQ_HT_MASK) >> shift) % entries;

	while (head != tail) {
		u64 d[4] = { 0 };

		if (vtd_mem_read(u, base + (head << shift), d, wide ? 4 : 2)) {
			err = VTDM_IQEI_FETCH;
		} else {
			err = vtd_qi_exec(u, d, wide);
			u->stats.descriptors++;
		}
		if (err) {
			vtd_qi_error(u, err);
			break;
		}
		head = (head + 1) % entries;
		u->iqh = head << shift;
	}
}

/* ---- Register-based invalidation ------------------------------------------------ */

/*
 * Register-based invalidation is for units driven without the queue in
 * legacy mode.  With the queue enabled, or in scalable mode, the request is
 * not performed: the command completes with a zero actual granularity.
 */
static bool vtd_reg_inval_allowed(struct vtd_unit *u)
{
	if ((u->gsts & VTDM_GSTS_QIES) || vtd_sm(u)) {
		u->stats.reg_inval_ignored++;
		return false;
	}
	return true;
}

/**
 * vtd_reg_ccmd() - execute the context command written to CCMD
 * @u: the unit (locked)
 */
void vtd_reg_ccmd(struct vtd_unit *u)
{
	unsigned int gran = (u->ccmd & VTDM_CCMD_CIRG_MASK) >> VTDM_CCMD_CIRG_SHIFT;
	unsigned int actual = 0;

	lockdep_assert_held(&u->lock);
	if (gran && vtd_reg_inval_allowed(u)) {
		vtd_cc_inval(u, gran, u->ccmd & VTDM_CCMD_DID_MASK,
			     (u->ccmd & VTDM_CCMD_SID_MASK) >> VTDM_CCMD_SID_SHIFT,
			     (u->ccmd & VTDM_CCMD_FM_MASK) >> VTDM_CCMD_FM_SHIFT);
		actual = gran;
	}
	u->ccmd &= ~(VTDM_CCMD_ICC | VTDM_CCMD_CAIG_MASK);
	u->ccmd |= (u64)actual << VTDM_CCMD_CAIG_SHIFT;
}

/**
 * vtd_reg_iotlb() - execute the IOTLB command written to the IOTLB register
 * @u: the unit (locked)
 */
void vtd_reg_iotlb(struct vtd_unit *u)
{
	unsigned int gran = (u->iotlb_reg & VTDM_IOTLB_IIRG_MASK) >> VTDM_IOTLB_IIRG_SHIFT;
	unsigned int am = u->iva & VTDM_IVA_AM_MASK;
	unsigned int actual = 0;

	lockdep_assert_held(&u->lock);
	if (gran && vtd_reg_inval_allowed(u)) {
		if (gran == VTDM_IOTLB_PAGE && (!(u->cap & VTDM_CAP_PSI) || !vtd_psi_am_ok(u, am)))
			gran = VTDM_IOTLB_DOMAIN;
		vtd_iotlb_inval(u, gran,
				(u->iotlb_reg & VTDM_IOTLB_DID_MASK) >> VTDM_IOTLB_DID_SHIFT,
				u->iva & VTDM_IVA_ADDR_MASK, am, u->iva & VTDM_IVA_IH);
		actual = gran;
	}
	u->iotlb_reg &= ~(VTDM_IOTLB_IVT | VTDM_IOTLB_IAIG_MASK);
	u->iotlb_reg |= (u64)actual << VTDM_IOTLB_IAIG_SHIFT;
}
