// SPDX-License-Identifier: GPL-2.0
/*
 * Cache invalidation: the invalidation queue, register-based invalidation
 * for legacy-mode units without a queue, and write-buffer flushing.
 *
 * Submissions are synchronous: descriptors are followed by a wait
 * descriptor that writes a sequence number to memory, and the submitter
 * polls for it under the queue lock. The queue is therefore empty whenever
 * the lock is free. A descriptor the hardware rejects (FSTS.IQE) is
 * overwritten with a harmless wait descriptor and the queue restarted.
 */

#define pr_fmt(fmt) "DMAR: " fmt

#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/iopoll.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "iommu.h"
#include "qi.h"

/* How long a submission may take before it is declared lost */
#define DMAR_QI_TIMEOUT_US	(1000 * USEC_PER_MSEC)
/* Register-based handshakes */
#define DMAR_REG_TIMEOUT_US	(1000 * USEC_PER_MSEC)

/**
 * dmar_psi_mask() - the page-selective invalidation covering a range
 * @start: first address of the range
 * @last: last address of the range (inclusive)
 * @aligned: receives the first address of the invalidation
 *
 * Page-selective invalidations cover 2^mask pages starting at an address
 * aligned to that size. The smallest such block containing the range is
 * chosen.
 *
 * Return: the address mask (AM field).
 */
unsigned int dmar_psi_mask(u64 start, u64 last, u64 *aligned)
{
	u64 first_pfn = start >> DMAR_PT_SHIFT, last_pfn = last >> DMAR_PT_SHIFT;
	u64 pages = last_pfn - first_pfn + 1;
	unsigned int mask = pages > 1 ? fls64(pages - 1) : 0;

	for (;; mask++) {
		u64 base = first_pfn & ~((1ULL << mask) - 1);

		if (base + (1ULL << mask) - 1 >= last_pfn) {
			*aligned = base << DMAR_PT_SHIFT;
			return mask;
		}
	}
}

static void qi_write_slot(struct dmar_qi *qi, unsigned int slot,
			  const struct qi_desc *desc)
{
	u64 *p = qi->ring + ((size_t)slot << qi->shift);

	WRITE_ONCE(p[0], desc->qw0);
	WRITE_ONCE(p[1], desc->qw1);
	if (qi->shift == 5) {
		WRITE_ONCE(p[2], desc->qw2);
		WRITE_ONCE(p[3], desc->qw3);
	}
}

static void qi_read_slot(struct dmar_qi *qi, unsigned int slot,
			 struct qi_desc *desc)
{
	u64 *p = qi->ring + ((size_t)slot << qi->shift);

	desc->qw0 = READ_ONCE(p[0]);
	desc->qw1 = READ_ONCE(p[1]);
}

static void qi_kick(struct intel_iommu *iommu, struct dmar_qi *qi)
{
	dmar_writeq(iommu, DMAR_IQT_REG, (u64)qi->tail << qi->shift);
}

/*
 * Handle a queue error: the hardware stopped at the descriptor IQH names.
 * Replace it with a wait descriptor writing to the scratch word, clear the
 * error and let the hardware go on.
 */
static void qi_recover(struct intel_iommu *iommu, struct dmar_qi *qi)
{
	unsigned int head;
	struct qi_desc bad, nop;

	head = (dmar_readq(iommu, DMAR_IQH_REG) & DMAR_IQ_INDEX) >> qi->shift;
	head %= qi->nr_slots;
	qi_read_slot(qi, head, &bad);
	pr_err("%s: invalidation descriptor %#llx:%#llx rejected (IQER %#llx)\n",
	       iommu->name, bad.qw0, bad.qw1, dmar_readq(iommu, DMAR_IQER_REG));
	qi->nr_errors++;

	nop = qi_desc_wait(virt_to_phys(qi->scratch), 0);
	qi_write_slot(qi, head, &nop);
	dmar_writel(iommu, DMAR_FSTS_REG, DMAR_FSTS_IQE);
	qi_kick(iommu, qi);
}

static int qi_wait(struct intel_iommu *iommu, struct dmar_qi *qi, u32 seq)
{
	ktime_t end = ktime_add_us(ktime_get(), DMAR_QI_TIMEOUT_US);
	int ret = 0;

	lockdep_assert_held(&qi->lock);

	while (READ_ONCE(*qi->status) != seq) {
		u32 fsts = dmar_readl(iommu, DMAR_FSTS_REG);

		if (fsts & DMAR_FSTS_IQE) {
			qi_recover(iommu, qi);
			ret = -EINVAL;
			continue;
		}
		if (fsts & (DMAR_FSTS_ITE | DMAR_FSTS_ICE)) {
			/* Device-TLB timeout or completion error: report it */
			dmar_writel(iommu, DMAR_FSTS_REG,
				    fsts & (DMAR_FSTS_ITE | DMAR_FSTS_ICE));
			ret = -ETIMEDOUT;
			qi_kick(iommu, qi);
		}
		if (ktime_after(ktime_get(), end)) {
			pr_err("%s: invalidation queue does not complete\n", iommu->name);
			return -ETIMEDOUT;
		}
		cpu_relax();
	}
	return ret;
}

/**
 * dmar_qi_submit() - run invalidation descriptors and wait for them
 * @iommu: the unit; its queue must be enabled
 * @desc: the descriptors
 * @count: how many (at most the queue size minus two)
 *
 * Return: 0; -EINVAL if the hardware rejected a descriptor (the others
 * still ran); -ETIMEDOUT.
 */
int dmar_qi_submit(struct intel_iommu *iommu, const struct qi_desc *desc,
		   unsigned int count)
{
	struct dmar_qi *qi = iommu->qi;
	struct qi_desc wait;
	unsigned long flags;
	unsigned int i;
	int ret;

	if (WARN_ON(!qi || count + 2 > qi->nr_slots))
		return -EINVAL;

	spin_lock_irqsave(&qi->lock, flags);
	for (i = 0; i < count; i++) {
		qi_write_slot(qi, qi->tail, &desc[i]);
		qi->tail = (qi->tail + 1) % qi->nr_slots;
	}
	/* Zero never completes a wait: it is what the status word starts as */
	if (!++qi->seq)
		++qi->seq;
	wait = qi_desc_wait(virt_to_phys(qi->status), qi->seq);
	qi_write_slot(qi, qi->tail, &wait);
	qi->tail = (qi->tail + 1) % qi->nr_slots;
	qi_kick(iommu, qi);

	ret = qi_wait(iommu, qi, qi->seq);
	spin_unlock_irqrestore(&qi->lock, flags);
	return ret;
}

static void dmar_qi_free(struct intel_iommu *iommu)
{
	struct dmar_qi *qi = iommu->qi;

	if (!qi)
		return;
	if (qi->ring)
		free_pages((unsigned long)qi->ring, qi->order);
	kfree(qi->status);
	kfree(qi);
	iommu->qi = NULL;
}

/**
 * dmar_qi_enable() - set up and enable the invalidation queue
 * @iommu: the unit (ECAP.QI set); scalable mode selects 256-bit
 *	descriptors
 *
 * Return: 0, -ENOMEM, or -ETIMEDOUT if the unit does not acknowledge.
 */
int dmar_qi_enable(struct intel_iommu *iommu)
{
	struct dmar_qi *qi;
	u64 iqa;
	int ret;

	qi = kzalloc(sizeof(*qi), GFP_KERNEL);
	if (!qi)
		return -ENOMEM;
	iommu->qi = qi;
	spin_lock_init(&qi->lock);

	/* 256 descriptors: one page of 16-byte or two pages of 32-byte ones */
	qi->shift = iommu->sm ? 5 : 4;
	qi->order = iommu->sm ? 1 : 0;
	qi->nr_slots = (PAGE_SIZE << qi->order) >> qi->shift;
	qi->ring = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, qi->order);
	/* Two status words: completions, and the replacements of bad descriptors */
	qi->status = kcalloc(2, sizeof(u32), GFP_KERNEL);
	if (!qi->ring || !qi->status) {
		ret = -ENOMEM;
		goto fail;
	}
	qi->scratch = qi->status + 1;

	qi->tail = 0;
	dmar_writeq(iommu, DMAR_IQT_REG, 0);
	iqa = virt_to_phys(qi->ring) | FIELD_PREP(DMAR_IQA_QS, qi->order);
	if (qi->shift == 5)
		iqa |= DMAR_IQA_DW;
	dmar_writeq(iommu, DMAR_IQA_REG, iqa);

	ret = dmar_gcmd_update(iommu, DMAR_GCMD_QIE, 0);
	if (ret)
		goto fail;
	return 0;

fail:
	dmar_qi_free(iommu);
	return ret;
}

/**
 * dmar_qi_disable() - stop the invalidation queue and free it
 * @iommu: the unit
 */
void dmar_qi_disable(struct intel_iommu *iommu)
{
	if (!iommu->qi)
		return;
	if (iommu->gcmd & DMAR_GCMD_QIE)
		dmar_gcmd_update(iommu, 0, DMAR_GCMD_QIE);
	dmar_qi_free(iommu);
}

static int dmar_reg_wait_clear(struct intel_iommu *iommu, unsigned int off, u64 bit)
{
	u64 val;

	return readq_poll_timeout_atomic(iommu->reg + off, val, !(val & bit), 0,
					 DMAR_REG_TIMEOUT_US);
}

static void dmar_reg_flush_context(struct intel_iommu *iommu, u16 did, u16 sid,
				   u8 fm, unsigned int gran)
{
	u64 cmd = DMAR_CCMD_ICC | FIELD_PREP(DMAR_CCMD_CIRG, gran);
	unsigned long flags;

	if (gran != DMAR_INV_GLOBAL)
		cmd |= FIELD_PREP(DMAR_CCMD_DID, did);
	if (gran == DMAR_INV_DEVICE)
		cmd |= FIELD_PREP(DMAR_CCMD_SID, sid) | FIELD_PREP(DMAR_CCMD_FM, fm);

	spin_lock_irqsave(&iommu->register_lock, flags);
	dmar_writeq(iommu, DMAR_CCMD_REG, cmd);
	if (dmar_reg_wait_clear(iommu, DMAR_CCMD_REG, DMAR_CCMD_ICC))
		pr_err("%s: context invalidation does not complete\n", iommu->name);
	spin_unlock_irqrestore(&iommu->register_lock, flags);
}

static void dmar_reg_flush_iotlb(struct intel_iommu *iommu, u16 did, u64 addr,
				 unsigned int am, bool ih, unsigned int gran)
{
	unsigned int iro = dmar_ecap_iro(iommu->ecap);
	u64 cmd = DMAR_IOTLB_IVT | FIELD_PREP(DMAR_IOTLB_IIRG, gran);
	unsigned long flags;

	if (gran != DMAR_INV_GLOBAL)
		cmd |= FIELD_PREP(DMAR_IOTLB_DID, did);

	spin_lock_irqsave(&iommu->register_lock, flags);
	if (gran == DMAR_INV_PAGE)
		dmar_writeq(iommu, iro + DMAR_IVA_OFF, (addr & PAGE_MASK) |
			    (ih ? DMAR_IVA_IH : 0) | FIELD_PREP(DMAR_IVA_AM, am));
	dmar_writeq(iommu, iro + DMAR_IOTLB_OFF, cmd);
	if (dmar_reg_wait_clear(iommu, iro + DMAR_IOTLB_OFF, DMAR_IOTLB_IVT))
		pr_err("%s: IOTLB invalidation does not complete\n", iommu->name);
	spin_unlock_irqrestore(&iommu->register_lock, flags);
}

/**
 * dmar_flush_write_buffer() - flush the unit's write buffer if it has one
 * @iommu: the unit
 *
 * Units with CAP.RWBF need this after entries become present, so that
 * they see the new entries.
 */
void dmar_flush_write_buffer(struct intel_iommu *iommu)
{
	if (!(iommu->cap & DMAR_CAP_RWBF))
		return;
	if (dmar_gcmd_oneshot(iommu, DMAR_GCMD_WBF, DMAR_GSTS_WBFS, false))
		pr_err("%s: write buffer flush does not complete\n", iommu->name);
}

/**
 * dmar_flush_context() - invalidate context-cache entries
 * @iommu: the unit
 * @did: domain id (domain and device granularity)
 * @sid: source id (device granularity)
 * @fm: function mask (device granularity)
 * @gran: DMAR_INV_GLOBAL, DMAR_INV_DOMAIN or DMAR_INV_DEVICE
 */
void dmar_flush_context(struct intel_iommu *iommu, u16 did, u16 sid, u8 fm,
			unsigned int gran)
{
	struct qi_desc desc;

	if (!iommu->qi) {
		dmar_reg_flush_context(iommu, did, sid, fm, gran);
		return;
	}
	desc = qi_desc_cc(did, sid, fm, gran);
	dmar_qi_submit(iommu, &desc, 1);
}

/**
 * dmar_flush_iotlb() - invalidate IOTLB entries (second stage, and all
 *	entries with global granularity)
 * @iommu: the unit
 * @did: domain id
 * @addr: first address (page granularity)
 * @am: address mask (page granularity)
 * @ih: only leaf entries changed (page granularity)
 * @gran: DMAR_INV_GLOBAL, DMAR_INV_DOMAIN or DMAR_INV_PAGE
 *
 * Page granularity becomes domain granularity on units without CAP.PSI or
 * when @am exceeds CAP.MAMV.
 */
void dmar_flush_iotlb(struct intel_iommu *iommu, u16 did, u64 addr,
		      unsigned int am, bool ih, unsigned int gran)
{
	struct qi_desc desc;

	if (gran == DMAR_INV_PAGE &&
	    (!(iommu->cap & DMAR_CAP_PSI) || am > dmar_cap_mamv(iommu->cap)))
		gran = DMAR_INV_DOMAIN;

	if (!iommu->qi) {
		dmar_reg_flush_iotlb(iommu, did, addr, am, ih, gran);
		return;
	}
	desc = qi_desc_iotlb(did, addr, am, ih, gran);
	dmar_qi_submit(iommu, &desc, 1);
}

/**
 * dmar_flush_iotlb_range() - invalidate second-stage IOTLB entries of a range
 * @iommu: the unit
 * @did: domain id
 * @start: first address
 * @last: last address (inclusive)
 * @ih: only leaf entries changed
 */
void dmar_flush_iotlb_range(struct intel_iommu *iommu, u16 did, u64 start,
			    u64 last, bool ih)
{
	u64 aligned;
	unsigned int am = dmar_psi_mask(start, last, &aligned);

	dmar_flush_iotlb(iommu, did, aligned, am, ih, DMAR_INV_PAGE);
}

/**
 * dmar_flush_pasid_cache() - invalidate PASID-cache entries (scalable mode)
 * @iommu: the unit
 * @did: domain id
 * @pasid: PASID (PASID granularity)
 * @gran: QI_PC_ALL_PASIDS, QI_PC_PASID or QI_PC_GLOBAL
 */
void dmar_flush_pasid_cache(struct intel_iommu *iommu, u16 did, u32 pasid,
			    unsigned int gran)
{
	struct qi_desc desc = qi_desc_pc(did, pasid, gran);

	if (WARN_ON(!iommu->qi))
		return;
	dmar_qi_submit(iommu, &desc, 1);
}

/**
 * dmar_flush_piotlb() - invalidate first-stage IOTLB entries of a PASID
 * @iommu: the unit
 * @did: domain id
 * @pasid: PASID
 * @addr: first address (page granularity)
 * @am: address mask (page granularity)
 * @ih: only leaf entries changed (page granularity)
 * @gran: QI_PIOTLB_ALL_IN_PASID or QI_PIOTLB_PAGE
 *
 * Page granularity becomes PASID granularity when @am exceeds CAP.MAMV.
 */
void dmar_flush_piotlb(struct intel_iommu *iommu, u16 did, u32 pasid, u64 addr,
		       unsigned int am, bool ih, unsigned int gran)
{
	struct qi_desc desc;

	if (WARN_ON(!iommu->qi))
		return;
	if (gran == QI_PIOTLB_PAGE && am > dmar_cap_mamv(iommu->cap))
		gran = QI_PIOTLB_ALL_IN_PASID;
	desc = qi_desc_piotlb(did, pasid, addr, am, ih, gran);
	dmar_qi_submit(iommu, &desc, 1);
}

/**
 * dmar_flush_piotlb_range() - invalidate first-stage IOTLB entries of a range
 * @iommu: the unit
 * @did: domain id
 * @pasid: PASID
 * @start: first address
 * @last: last address (inclusive)
 * @ih: only leaf entries changed
 */
void dmar_flush_piotlb_range(struct intel_iommu *iommu, u16 did, u32 pasid,
			     u64 start, u64 last, bool ih)
{
	u64 aligned;
	unsigned int am = dmar_psi_mask(start, last, &aligned);

	dmar_flush_piotlb(iommu, did, pasid, aligned, am, ih, QI_PIOTLB_PAGE);
}
