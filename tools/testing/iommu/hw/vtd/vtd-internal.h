/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private state of the VT-d model, shared by its source files.
 */
#ifndef _HW_VTD_INTERNAL_H
#define _HW_VTD_INTERNAL_H

#include <linux/spinlock.h>
#include <linux/types.h>
#include <host/vtd.h>

#include "vtd-regs.h"

/* Cache geometry of the model. */
#define VTD_CC_ENTRIES		64
#define VTD_PC_ENTRIES		64
#define VTD_PDE_ENTRIES		64
#define VTD_IOTLB_SETS		64
#define VTD_IOTLB_WAYS		8

/* Which translation structure an IOTLB or paging-structure entry came from. */
enum vtd_stage {
	VTD_STAGE_SL,	/* second stage (legacy, PGTT=2) */
	VTD_STAGE_FL,	/* first stage (PGTT=1) */
};

/**
 * struct vtd_cc_entry - one context-cache entry
 * @valid: slot in use
 * @sm: read while the unit was in scalable mode
 * @sid: source id (key)
 * @did: domain id tag (0 for scalable-mode and not-present entries)
 * @neg_reason: non-zero for a cached not-present result (caching mode)
 * @fpd: fault processing disable of the entry
 * @e: the raw entry (legacy: e[0..1], scalable: e[0..3])
 */
struct vtd_cc_entry {
	bool valid;
	bool sm;
	u16 sid;
	u16 did;
	u8 neg_reason;
	bool fpd;
	u64 e[4];
};

/**
 * struct vtd_pc_entry - one PASID-cache entry
 * @valid: slot in use
 * @sid: source id (key)
 * @pasid: PASID (key)
 * @did: domain id tag (from the PASID entry)
 * @neg_reason: non-zero for a cached not-present result (caching mode)
 * @fpd: fault processing disable of the directory or table entry
 * @pe: qwords 0..2 of the PASID table entry
 */
struct vtd_pc_entry {
	bool valid;
	u16 sid;
	u32 pasid;
	u16 did;
	u8 neg_reason;
	bool fpd;
	u64 pe[3];
};

/* Flags of IOTLB and paging-structure-cache entries. */
#define VTD_TF_R		BIT(0)	/* read allowed (SL) */
#define VTD_TF_W		BIT(1)	/* write allowed */
#define VTD_TF_US		BIT(2)	/* user allowed (FL) */
#define VTD_TF_XD		BIT(3)	/* execute disabled (FL) */
#define VTD_TF_DIRTY		BIT(4)	/* D bit known set in the leaf (FL) */
#define VTD_TF_NEG		BIT(5)	/* not-present result (caching mode, SL) */

/**
 * struct vtd_tlb_entry - one IOTLB entry
 * @valid: slot in use
 * @stage: %VTD_STAGE_SL or %VTD_STAGE_FL
 * @shift: page size shift (12, 21 or 30)
 * @flags: VTD_TF_*
 * @did: domain id tag
 * @pasid: PASID tag (first stage only)
 * @vpn: input address >> @shift
 * @pa: output page address
 */
struct vtd_tlb_entry {
	bool valid;
	u8 stage;
	u8 shift;
	u8 flags;
	u16 did;
	u32 pasid;
	u64 vpn;
	u64 pa;
};

/**
 * struct vtd_pde_entry - one paging-structure-cache entry (a non-leaf entry)
 * @valid: slot in use
 * @stage: %VTD_STAGE_SL or %VTD_STAGE_FL
 * @level: level of the table the cached entry points to (1 = leaf table)
 * @flags: VTD_TF_* accumulated down to this table
 * @did: domain id tag
 * @pasid: PASID tag (first stage only)
 * @tag: input address >> (12 + 9 * @level)
 * @table: physical address of the table at @level
 */
struct vtd_pde_entry {
	bool valid;
	u8 stage;
	u8 level;
	u8 flags;
	u16 did;
	u32 pasid;
	u64 tag;
	u64 table;
};

/**
 * struct vtd_unit - the state of one remapping unit
 * @lock: protects everything below
 * @cfg: configuration
 * @ver: VER
 * @cap: CAP
 * @ecap: ECAP
 * @gsts: GSTS
 * @rtaddr: RTADDR as written
 * @root: root table address latched by SRTP
 * @ttm: translation table mode latched by SRTP
 * @ccmd: CCMD
 * @fsts: FSTS bits other than PPF (derived from the records)
 * @fectl: FECTL
 * @fedata: FEDATA
 * @feaddr: FEADDR
 * @feuaddr: FEUADDR
 * @pmen: PMEN
 * @plmbase: PLMBASE
 * @plmlimit: PLMLIMIT
 * @phmbase: PHMBASE
 * @phmlimit: PHMLIMIT
 * @iqh: IQH
 * @iqt: IQT
 * @iqa: IQA
 * @iqer: IQER
 * @irta: IRTA
 * @ics: ICS
 * @iectl: IECTL
 * @iedata: IEDATA
 * @ieaddr: IEADDR
 * @ieuaddr: IEUADDR
 * @iva: IVA
 * @iotlb_reg: IOTLB register
 * @nfr: number of fault recording registers
 * @next_frcd: where the next fault is recorded
 * @frcd: fault recording registers, [i][0] low and [i][1] high qword
 * @cc: context cache
 * @cc_next: replacement cursor of @cc
 * @pc: PASID cache
 * @pc_next: replacement cursor of @pc
 * @pde: paging-structure cache
 * @pde_next: replacement cursor of @pde
 * @tlb: IOTLB, VTD_IOTLB_SETS sets of VTD_IOTLB_WAYS ways
 * @tlb_next: replacement cursor of each set
 * @stats: counters
 * @event_fn: interrupt callback
 * @event_priv: its argument
 * @pending: interrupts to deliver once the lock is dropped (BIT(enum vtd_event))
 * @mmio_size: size of the register window
 * @mmio_registered: the window is on the host MMIO bus
 */
struct vtd_unit {
	spinlock_t lock;	/* serialises registers, requests and the queue */
	struct vtd_config cfg;

	u32 ver;
	u64 cap;
	u64 ecap;
	u32 gsts;
	u64 rtaddr;
	u64 root;
	u8 ttm;
	u64 ccmd;
	u32 fsts;
	u32 fectl;
	u32 fedata;
	u32 feaddr;
	u32 feuaddr;
	u32 pmen;
	u32 plmbase;
	u32 plmlimit;
	u64 phmbase;
	u64 phmlimit;
	u64 iqh;
	u64 iqt;
	u64 iqa;
	u64 iqer;
	u64 irta;
	u32 ics;
	u32 iectl;
	u32 iedata;
	u32 ieaddr;
	u32 ieuaddr;
	u64 iva;
	u64 iotlb_reg;

	unsigned int nfr;
	unsigned int next_frcd;
	u64 (*frcd)[2];

	struct vtd_cc_entry cc[VTD_CC_ENTRIES];
	unsigned int cc_next;
	struct vtd_pc_entry pc[VTD_PC_ENTRIES];
	unsigned int pc_next;
	struct vtd_pde_entry pde[VTD_PDE_ENTRIES];
	unsigned int pde_next;
	struct vtd_tlb_entry tlb[VTD_IOTLB_SETS][VTD_IOTLB_WAYS];
	u8 tlb_next[VTD_IOTLB_SETS];

	struct vtd_stats stats;
	vtd_event_fn event_fn;
	void *event_priv;
	unsigned int pending;

	size_t mmio_size;
	bool mmio_registered;
};

/* Geometry helpers */
static inline unsigned int vtd_ndoms_bits(const struct vtd_unit *u)
{
	return 4 + 2 * u->cfg.nd;
}

/* Bits [51:haw] of a table pointer or paging entry are reserved. */
static inline u64 vtd_above_haw(const struct vtd_unit *u)
{
	return u->cfg.haw >= 52 ? 0 : GENMASK_ULL(51, u->cfg.haw);
}

static inline bool vtd_sm(const struct vtd_unit *u)
{
	return u->ttm == VTDM_TTM_SCALABLE;
}

/* vtd.c */
void vtd_raise_fault_event(struct vtd_unit *u);
void vtd_raise_inv_event(struct vtd_unit *u);
bool vtd_record_fault(struct vtd_unit *u, u16 sid, u32 pasid, u64 addr, bool write,
		      u8 reason);
int vtd_mem_read(struct vtd_unit *u, u64 pa, u64 *val, unsigned int nr_qwords);

/* vtd-xlate.c */
int vtd_translate_locked(struct vtd_unit *u, u16 sid, u32 pasid, u64 iova,
			 unsigned int access, struct vtd_xlate *res);

/* vtd-cache.c */
struct vtd_cc_entry *vtd_cc_find(struct vtd_unit *u, u16 sid, bool sm);
void vtd_cc_insert(struct vtd_unit *u, const struct vtd_cc_entry *e);
struct vtd_pc_entry *vtd_pc_find(struct vtd_unit *u, u16 sid, u32 pasid);
void vtd_pc_insert(struct vtd_unit *u, const struct vtd_pc_entry *e);
struct vtd_tlb_entry *vtd_tlb_find(struct vtd_unit *u, u8 stage, u16 did, u32 pasid, u64 iova);
void vtd_tlb_insert(struct vtd_unit *u, const struct vtd_tlb_entry *e);
struct vtd_pde_entry *vtd_pde_find(struct vtd_unit *u, u8 stage, u16 did, u32 pasid,
				   u64 iova, unsigned int top_level);
void vtd_pde_insert(struct vtd_unit *u, const struct vtd_pde_entry *e);

void vtd_flush_all(struct vtd_unit *u);
void vtd_cc_inval(struct vtd_unit *u, unsigned int gran, u16 did, u16 sid, unsigned int fm);
void vtd_pc_inval(struct vtd_unit *u, unsigned int gran, u16 did, u32 pasid);
void vtd_iotlb_inval(struct vtd_unit *u, unsigned int gran, u16 did, u64 addr,
		     unsigned int am, bool ih);
void vtd_piotlb_inval(struct vtd_unit *u, unsigned int gran, u16 did, u32 pasid, u64 addr,
		      unsigned int am, bool ih);

/* vtd-qi.c */
void vtd_qi_process(struct vtd_unit *u);
void vtd_reg_ccmd(struct vtd_unit *u);
void vtd_reg_iotlb(struct vtd_unit *u);

#endif /* _HW_VTD_INTERNAL_H */
