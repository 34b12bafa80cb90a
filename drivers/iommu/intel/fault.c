// SPDX-License-Identifier: GPL-2.0
/*
 * Primary fault logging: the fault event interrupt, reading and clearing
 * the fault recording registers, and handing DMA faults to the IOMMU core.
 *
 * Faults here are unrecoverable DMA faults (page requests are not
 * handled). Each is logged (ratelimited) and, when the domain translating
 * the faulting request has a fault handler installed with
 * iommu_set_fault_handler(), reported through report_iommu_fault().
 */

#define pr_fmt(fmt) "DMAR: " fmt

#include <linux/dmar.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/irq.h>
#include <linux/msi.h>
#include <linux/numa.h>
#include <linux/pci.h>
#include <linux/xarray.h>

#include "iommu.h"

/**
 * struct dmar_fault_record - a decoded fault recording register
 * @addr: page address of the faulting request
 * @sid: requester id
 * @pasid: PASID of the request, valid with @has_pasid
 * @reason: fault reason code
 * @has_pasid: the request carried a PASID
 * @read: the request was a read (else a write)
 */
struct dmar_fault_record {
	u64 addr;
	u16 sid;
	u32 pasid;
	u8 reason;
	bool has_pasid;
	bool read;
};

static const char *const dmar_legacy_reasons[] = {
	[0x01] = "root entry not present",
	[0x02] = "context entry not present",
	[0x03] = "context entry invalid",
	[0x04] = "address beyond the domain's width",
	[0x05] = "write not allowed",
	[0x06] = "read not allowed",
	[0x07] = "paging entry unreadable",
	[0x08] = "root table unreadable",
	[0x09] = "context table unreadable",
	[0x0a] = "reserved bits in root entry",
	[0x0b] = "reserved bits in context entry",
	[0x0c] = "reserved bits in paging entry",
	[0x0d] = "request type blocked by translation type",
};

static const struct {
	u8 code;
	const char *text;
} dmar_sm_reasons[] = {
	{ 0x30, "root table address invalid" },
	{ 0x31, "PASID request in legacy mode" },
	{ 0x38, "root entry unreadable" },
	{ 0x39, "root entry not present" },
	{ 0x3a, "reserved bits in root entry" },
	{ 0x40, "context entry unreadable" },
	{ 0x41, "context entry not present" },
	{ 0x42, "reserved bits in context entry" },
	{ 0x43, "context entry invalid" },
	{ 0x44, "translated request with device TLB off" },
	{ 0x45, "PASID request with PASIDs off" },
	{ 0x46, "PASID beyond the directory" },
	{ 0x47, "page request with PRS off" },
	{ 0x48, "RID_PASID invalid" },
	{ 0x50, "PASID directory entry unreadable" },
	{ 0x51, "PASID directory entry not present" },
	{ 0x52, "reserved bits in PASID directory entry" },
	{ 0x58, "PASID entry unreadable" },
	{ 0x59, "PASID entry not present" },
	{ 0x5a, "reserved bits in PASID entry" },
	{ 0x5b, "PASID entry translation type invalid" },
	{ 0x5c, "execute request with ERE off" },
	{ 0x5d, "supervisor request with SRE off" },
	{ 0x70, "first-stage entry unreadable" },
	{ 0x71, "first-stage entry not present" },
	{ 0x72, "reserved bits in first-stage entry" },
	{ 0x78, "second-stage entry unreadable" },
	{ 0x79, "second-stage access not allowed" },
	{ 0x7a, "reserved bits in second-stage entry" },
	{ 0x7b, "second-stage table pointer invalid" },
	{ 0x80, "non-canonical address" },
	{ 0x81, "user request to supervisor page" },
	{ 0x82, "execute not allowed" },
	{ 0x83, "address beyond the first-stage width" },
	{ 0x84, "address beyond the second-stage width" },
	{ 0x85, "write not allowed" },
	{ 0x86, "read not allowed" },
	{ 0x87, "output address in the interrupt range" },
};

/**
 * dmar_fault_reason_str() - a short description of a fault reason code
 * @reason: the code
 *
 * Return: the description, "unknown" for codes this driver does not know.
 */
const char *dmar_fault_reason_str(u8 reason)
{
	unsigned int i;

	if (reason < ARRAY_SIZE(dmar_legacy_reasons) && dmar_legacy_reasons[reason])
		return dmar_legacy_reasons[reason];
	for (i = 0; i < ARRAY_SIZE(dmar_sm_reasons); i++) {
		if (dmar_sm_reasons[i].code == reason)
			return dmar_sm_reasons[i].text;
	}
	if (reason >= 0x20 && reason <= 0x26)
		return "interrupt remapping fault";
	return "unknown";
}

/*
 * Hand a DMA fault to the owner of the domain that translated it. Called
 * under the devices lock, so the domain cannot go away meanwhile; fault
 * handlers run in interrupt context and must not sleep.
 */
static void dmar_fault_report(struct intel_iommu *iommu,
			      const struct dmar_fault_record *rec)
{
	struct device_domain_info *info;
	struct iommu_domain *domain = NULL;
	unsigned long flags;

	xa_lock_irqsave(&iommu->devices, flags);
	info = xa_load(&iommu->devices, rec->sid);
	if (info && rec->has_pasid && rec->pasid != IOMMU_NO_PASID) {
		struct dev_pasid_info *dpi = xa_load(&info->pasids, rec->pasid);

		domain = dpi ? dpi->domain : NULL;
	} else if (info) {
		domain = info->rid_domain;
	}
	if (domain && domain->handler)
		report_iommu_fault(domain, info->dev, rec->addr,
				   rec->read ? IOMMU_FAULT_READ : IOMMU_FAULT_WRITE);
	xa_unlock_irqrestore(&iommu->devices, flags);
}

static void dmar_fault_log(struct intel_iommu *iommu,
			   const struct dmar_fault_record *rec)
{
	if (rec->has_pasid)
		pr_err_ratelimited("%s: DMA %s fault from %02x:%02x.%d pasid %#x at %#llx: reason %#04x (%s)\n",
				   iommu->name, rec->read ? "read" : "write",
				   PCI_BUS_NUM(rec->sid), PCI_SLOT(rec->sid & 0xff),
				   PCI_FUNC(rec->sid & 0xff), rec->pasid, rec->addr,
				   rec->reason, dmar_fault_reason_str(rec->reason));
	else
		pr_err_ratelimited("%s: DMA %s fault from %02x:%02x.%d at %#llx: reason %#04x (%s)\n",
				   iommu->name, rec->read ? "read" : "write",
				   PCI_BUS_NUM(rec->sid), PCI_SLOT(rec->sid & 0xff),
				   PCI_FUNC(rec->sid & 0xff), rec->addr,
				   rec->reason, dmar_fault_reason_str(rec->reason));
}

/**
 * dmar_fault() - the fault event interrupt handler of a unit
 * @irq: the interrupt
 * @dev_id: the &struct intel_iommu
 *
 * Walks the fault recording registers from FSTS.FRI while records are
 * valid, clears each one, logs it and reports it, then clears the overflow
 * status.
 *
 * Return: IRQ_HANDLED.
 */
irqreturn_t dmar_fault(int irq, void *dev_id)
{
	struct intel_iommu *iommu = dev_id;
	unsigned int nr = dmar_cap_nfr(iommu->cap), fro = dmar_cap_fro(iommu->cap);
	unsigned int idx, n;
	unsigned long flags;
	u32 fsts;

	spin_lock_irqsave(&iommu->fault_lock, flags);
	fsts = dmar_readl(iommu, DMAR_FSTS_REG);
	if (fsts & DMAR_FSTS_PFO)
		pr_err_ratelimited("%s: fault log overflowed, faults were lost\n",
				   iommu->name);

	idx = FIELD_GET(DMAR_FSTS_FRI, fsts) % nr;
	for (n = 0; (fsts & DMAR_FSTS_PPF) && n < nr; n++) {
		unsigned int off = fro + idx * DMAR_FRCD_SIZE;
		struct dmar_fault_record rec;
		u64 lo, hi;

		hi = dmar_readq(iommu, off + 8);
		if (!(hi & DMAR_FRCD_F))
			break;
		lo = dmar_readq(iommu, off);
		/* F is write-1-to-clear, in the top byte of the record */
		dmar_writel(iommu, off + 12, DMAR_FRCD_F_DW);

		rec.addr = lo & DMAR_FRCD_FI;
		rec.sid = FIELD_GET(DMAR_FRCD_SID, hi);
		rec.has_pasid = hi & DMAR_FRCD_PP;
		rec.pasid = FIELD_GET(DMAR_FRCD_PV, hi);
		rec.reason = FIELD_GET(DMAR_FRCD_FR, hi);
		rec.read = hi & DMAR_FRCD_T;
		iommu->nr_faults++;

		dmar_fault_log(iommu, &rec);
		dmar_fault_report(iommu, &rec);
		idx = (idx + 1) % nr;
	}

	dmar_writel(iommu, DMAR_FSTS_REG, DMAR_FSTS_PFO | DMAR_FSTS_PPF | DMAR_FSTS_PRO);
	spin_unlock_irqrestore(&iommu->fault_lock, flags);
	return IRQ_HANDLED;
}

/**
 * dmar_msi_write() - program a unit's fault event message
 * @irq: the unit's interrupt, its handler data the &struct intel_iommu
 * @msg: the message the architecture composed for @irq
 */
void dmar_msi_write(int irq, struct msi_msg *msg)
{
	struct intel_iommu *iommu = irq_get_handler_data(irq);
	unsigned long flags;

	if (WARN_ON(!iommu))
		return;
	spin_lock_irqsave(&iommu->register_lock, flags);
	dmar_writel(iommu, DMAR_FEDATA_REG, msg->data);
	dmar_writel(iommu, DMAR_FEADDR_REG, msg->address_lo);
	dmar_writel(iommu, DMAR_FEUADDR_REG, msg->address_hi);
	spin_unlock_irqrestore(&iommu->register_lock, flags);
}

/**
 * dmar_fault_setup() - request the fault interrupt and unmask it
 * @iommu: the unit
 *
 * Faults recorded before (by firmware or an earlier user) are processed
 * and cleared first.
 *
 * Return: 0, or the error of the interrupt allocation or request.
 */
int dmar_fault_setup(struct intel_iommu *iommu)
{
	int irq, ret;

	irq = dmar_alloc_hwirq(iommu->seq_id, NUMA_NO_NODE, iommu);
	if (irq <= 0) {
		pr_err("%s: no fault interrupt\n", iommu->name);
		return irq < 0 ? irq : -EINVAL;
	}
	ret = request_irq(irq, dmar_fault, IRQF_NO_THREAD, iommu->name, iommu);
	if (ret) {
		dmar_free_hwirq(irq);
		return ret;
	}
	iommu->irq = irq;

	dmar_fault(irq, iommu);
	dmar_writel(iommu, DMAR_FECTL_REG, 0);
	return 0;
}

/**
 * dmar_fault_teardown() - mask the fault interrupt and release it
 * @iommu: the unit
 */
void dmar_fault_teardown(struct intel_iommu *iommu)
{
	if (!iommu->irq)
		return;
	dmar_writel(iommu, DMAR_FECTL_REG, DMAR_FECTL_IM);
	free_irq(iommu->irq, iommu);
	dmar_free_hwirq(iommu->irq);
	iommu->irq = 0;
}
