/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_VTD_H
#define _HOST_VTD_H

/*
 * Model of one Intel VT-d remapping hardware unit (one DRHD).  The model
 * owns a register file, reads root, context, PASID and paging tables from
 * memory in the architectural format, runs the invalidation queue, keeps
 * caches that only invalidation clears and records faults in its fault
 * recording registers.
 *
 * Software (the driver) sees the unit through its registers: readl()/writel()
 * on the MMIO window when @mmio_base is set, or vtd_mmio_read() and
 * vtd_mmio_write() directly.  Devices send requests with vtd_translate(),
 * usually through a &struct dma_dev (see <host/dma-dev.h>).
 *
 * Host-only: kernel code under drivers/ never includes this.  The bit
 * definitions the model works with live in tools/testing/iommu/hw/vtd/.
 */

#include <linux/types.h>
#include <host/dma-dev.h>

struct vtd_unit;

/**
 * struct vtd_config - identity and features of a modelled unit
 * @version: VER register value (major << 4 | minor)
 * @sagaw: supported AGAWs, CAP.SAGAW encoding (bit 1: 39-bit, bit 2: 48-bit,
 *	bit 3: 57-bit)
 * @mgaw: maximum guest address width in bits
 * @haw: host address width in bits: address bits above it in any table
 *	pointer or paging entry are reserved
 * @nd: CAP.ND (the unit supports 2^(4 + 2 * @nd) domain ids)
 * @nr_fault_records: number of fault recording registers (1..256)
 * @sllps: CAP.SLLPS (bit 0: 2 MiB, bit 1: 1 GiB second-stage superpages)
 * @mamv: CAP.MAMV, largest address mask of page-selective invalidation
 * @pasid_bits: PASID width (ECAP.PSS + 1), at most 20
 * @caching_mode: CAP.CM, not-present entries may be cached
 * @rwbf: CAP.RWBF, software must flush the write buffer
 * @psi: CAP.PSI, page-selective IOTLB invalidation
 * @fl1gp: CAP.FL1GP, first-stage 1 GiB pages
 * @fl5lp: CAP.FL5LP, 5-level first-stage tables
 * @esrtps: CAP.ESRTPS, setting the root table pointer flushes all caches
 * @coherent: ECAP.C / ECAP.SMPWC, walks snoop the CPU caches
 * @qi: ECAP.QI, queued invalidation
 * @dt: ECAP.DT, device-TLBs (ATS)
 * @ir: ECAP.IR, interrupt remapping (interrupt-entry-cache descriptors are
 *	accepted; no remapping is modelled)
 * @pt: ECAP.PT, pass-through
 * @sc: ECAP.SC, snoop control (SNP bit of second-stage entries)
 * @smts: ECAP.SMTS, scalable mode
 * @slts: ECAP.SLTS, second-stage translation in scalable mode
 * @flts: ECAP.FLTS, first-stage translation in scalable mode
 * @pasid: ECAP.PASID, requests with PASID
 * @srs: ECAP.SRS, supervisor requests
 * @no_cache: model knob: cache nothing (every request walks the tables)
 * @mmio_base: physical address of the register window, 0 for none
 */
struct vtd_config {
	u8 version;
	u8 sagaw;
	u8 mgaw;
	u8 haw;
	u8 nd;
	u16 nr_fault_records;
	u8 sllps;
	u8 mamv;
	u8 pasid_bits;
	bool caching_mode;
	bool rwbf;
	bool psi;
	bool fl1gp;
	bool fl5lp;
	bool esrtps;
	bool coherent;
	bool qi;
	bool dt;
	bool ir;
	bool pt;
	bool sc;
	bool smts;
	bool slts;
	bool flts;
	bool pasid;
	bool srs;
	bool no_cache;
	phys_addr_t mmio_base;
};

/**
 * vtd_config_default() - a typical modern unit
 * @cfg: filled in
 *
 * VER 6.0, 39- and 48-bit AGAW, MGAW 48, HAW 48, 64 Ki domain ids, 8 fault
 * records, 2 MiB and 1 GiB superpages, PSI with MAMV 9, 20-bit PASIDs,
 * CM=0, QI, DT, PT, SC, scalable mode with first and second stage, coherent,
 * no MMIO window.
 */
void vtd_config_default(struct vtd_config *cfg);

/**
 * vtd_unit_create() - build a unit in its reset state
 * @cfg: configuration (copied)
 *
 * Return: the unit, or an ERR_PTR(): -EINVAL for an inconsistent @cfg,
 * -ENOMEM, or the error of registering the MMIO window.
 */
struct vtd_unit *vtd_unit_create(const struct vtd_config *cfg);

/**
 * vtd_unit_destroy() - release a unit (and its MMIO window)
 * @u: the unit, or NULL
 */
void vtd_unit_destroy(struct vtd_unit *u);

/**
 * vtd_mmio_size() - size of the register window
 * @u: the unit
 *
 * Return: bytes (a multiple of 4 KiB).
 */
size_t vtd_mmio_size(const struct vtd_unit *u);

/**
 * vtd_mmio_read() - register read, as the driver's readl()/readq() sees it
 * @u: the unit
 * @offset: register offset
 * @size: 4 or 8 (1 and 2 are answered from the containing register)
 *
 * Return: the value; reserved offsets read as 0.
 */
u64 vtd_mmio_read(struct vtd_unit *u, u64 offset, unsigned int size);

/**
 * vtd_mmio_write() - register write, as the driver's writel()/writeq() does it
 * @u: the unit
 * @offset: register offset
 * @val: value
 * @size: 4 or 8 (other sizes are ignored)
 *
 * Side effects (commands, invalidations, queue processing) happen before
 * this returns.
 */
void vtd_mmio_write(struct vtd_unit *u, u64 offset, u64 val, unsigned int size);

/**
 * struct vtd_xlate - result of vtd_translate()
 * @pa: output address
 * @page_size: size of the translation that produced @pa (4 KiB, 2 MiB, 1 GiB;
 *	4 KiB for pass-through and untranslated requests)
 * @perms: DMA_ACC_* allowed by the translation
 * @fault: on failure, the fault (@fault.reason 0 means blocked silently)
 */
struct vtd_xlate {
	u64 pa;
	u64 page_size;
	unsigned int perms;
	struct dma_dev_fault fault;
};

/**
 * vtd_translate() - translate one request
 * @u: the unit
 * @sid: source id (bus << 8 | devfn)
 * @pasid: PASID of the request, or %DMA_DEV_NO_PASID
 * @iova: input address
 * @access: DMA_ACC_READ or DMA_ACC_WRITE, optionally DMA_ACC_EXEC, DMA_ACC_PRIV
 * @res: result
 *
 * With translation disabled (GSTS.TES clear) requests pass untranslated.
 * A fault is recorded in the fault recording registers unless it is
 * suppressed by a fault-processing-disable bit or lost to overflow.
 *
 * Return: 0 with @res->pa and @res->perms, or -EFAULT with @res->fault.
 */
int vtd_translate(struct vtd_unit *u, u16 sid, u32 pasid, u64 iova, unsigned int access,
		  struct vtd_xlate *res);

/* VT-d as the upstream IOMMU of a &struct dma_dev (the iommu argument is the unit). */
extern const struct dma_iommu_ops vtd_dma_iommu_ops;

/**
 * struct vtd_stats - counters of the model, for tests
 * @requests: translation requests
 * @faults: requests that faulted
 * @faults_recorded: faults written to a fault recording register
 * @faults_dropped: faults lost because the fault log overflowed
 * @ctx_hits: context-cache hits
 * @ctx_misses: context-cache misses (root and context entries read)
 * @pasid_hits: PASID-cache hits
 * @pasid_misses: PASID-cache misses
 * @iotlb_hits: IOTLB hits
 * @iotlb_misses: IOTLB misses (page walks)
 * @pde_hits: paging-structure-cache hits
 * @table_reads: entries read from memory by the walker
 * @descriptors: invalidation descriptors executed
 * @queue_errors: times FSTS.IQE was raised
 * @reg_inval_ignored: register-based invalidations ignored (QI or scalable)
 * @wbf: write-buffer flushes requested through GCMD.WBF
 * @fault_events: fault-event interrupts delivered
 * @inv_events: invalidation-completion interrupts delivered
 * @devtlb_invalidations: device-TLB (and PASID device-TLB) descriptors
 */
struct vtd_stats {
	u64 requests;
	u64 faults;
	u64 faults_recorded;
	u64 faults_dropped;
	u64 ctx_hits;
	u64 ctx_misses;
	u64 pasid_hits;
	u64 pasid_misses;
	u64 iotlb_hits;
	u64 iotlb_misses;
	u64 pde_hits;
	u64 table_reads;
	u64 descriptors;
	u64 queue_errors;
	u64 reg_inval_ignored;
	u64 wbf;
	u64 fault_events;
	u64 inv_events;
	u64 devtlb_invalidations;
};

/**
 * vtd_get_stats() - snapshot of the counters
 * @u: the unit
 * @st: filled in
 */
void vtd_get_stats(struct vtd_unit *u, struct vtd_stats *st);

/**
 * enum vtd_event - interrupts the unit raises
 * @VTD_EVENT_FAULT: fault event (FEDATA written to FEADDR/FEUADDR)
 * @VTD_EVENT_INV_DONE: invalidation completion event (IEDATA to IEADDR/IEUADDR)
 */
enum vtd_event {
	VTD_EVENT_FAULT,
	VTD_EVENT_INV_DONE,
};

/**
 * typedef vtd_event_fn - interrupt delivery callback
 * @u: the unit
 * @ev: which interrupt
 * @addr: message address (FEUADDR:FEADDR or IEUADDR:IEADDR)
 * @data: message data
 * @priv: as given to vtd_set_event_handler()
 *
 * Called without the unit's lock held, so it may access the registers.
 */
typedef void (*vtd_event_fn)(struct vtd_unit *u, enum vtd_event ev, u64 addr, u32 data,
			     void *priv);

/**
 * vtd_set_event_handler() - route the unit's interrupts
 * @u: the unit
 * @fn: callback, or NULL to only count interrupts
 * @priv: passed to @fn
 */
void vtd_set_event_handler(struct vtd_unit *u, vtd_event_fn fn, void *priv);

#endif /* _HOST_VTD_H */
