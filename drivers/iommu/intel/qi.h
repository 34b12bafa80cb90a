/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Queued invalidation: the descriptor formats, the queue, and the cache
 * invalidation calls built on it (with the register-based fallback for
 * legacy-mode units without queued invalidation).
 */
#ifndef _INTEL_IOMMU_QI_H
#define _INTEL_IOMMU_QI_H

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include "regs.h"

struct intel_iommu;

/* Descriptor types (qword 0, bits 3:0) */
#define QI_TYPE			GENMASK_ULL(3, 0)
#define QI_TYPE_CC		0x1	/* context cache */
#define QI_TYPE_IOTLB		0x2
#define QI_TYPE_DEVTLB		0x3
#define QI_TYPE_IEC		0x4
#define QI_TYPE_WAIT		0x5
#define QI_TYPE_PIOTLB		0x6	/* PASID-based IOTLB */
#define QI_TYPE_PC		0x7	/* PASID cache */

/* Fields shared by several types */
#define QI_GRAN			GENMASK_ULL(5, 4)
#define QI_DID			GENMASK_ULL(31, 16)
#define QI_PASID		GENMASK_ULL(51, 32)
#define QI_ADDR			GENMASK_ULL(63, 12)
#define QI_IH			BIT_ULL(6)
#define QI_AM			GENMASK_ULL(5, 0)

/* Context-cache descriptor */
#define QI_CC_SID		GENMASK_ULL(47, 32)
#define QI_CC_FM		GENMASK_ULL(49, 48)

/* IOTLB descriptor */
#define QI_IOTLB_DW		BIT_ULL(6)
#define QI_IOTLB_DR		BIT_ULL(7)

/* Invalidation wait descriptor */
#define QI_WAIT_IF		BIT_ULL(4)
#define QI_WAIT_SW		BIT_ULL(5)
#define QI_WAIT_FN		BIT_ULL(6)
#define QI_WAIT_DATA		GENMASK_ULL(63, 32)
#define QI_WAIT_ADDR		GENMASK_ULL(63, 2)

/* Granularities of the PASID-based descriptors */
#define QI_PIOTLB_ALL_IN_PASID	2
#define QI_PIOTLB_PAGE		3
#define QI_PC_ALL_PASIDS	0	/* every PASID of a domain id */
#define QI_PC_PASID		1
#define QI_PC_GLOBAL		3

/**
 * struct qi_desc - one invalidation descriptor
 * @qw0: type, granularity and identifiers
 * @qw1: address fields
 * @qw2: reserved (256-bit descriptors only)
 * @qw3: reserved (256-bit descriptors only)
 */
struct qi_desc {
	u64 qw0;
	u64 qw1;
	u64 qw2;
	u64 qw3;
};

/**
 * struct dmar_qi - a unit's invalidation queue
 * @lock: serialises submissions
 * @ring: the descriptors (2^@order pages)
 * @order: allocation order of @ring
 * @nr_slots: descriptors the ring holds
 * @shift: log2 of the descriptor size (4 or 5)
 * @tail: next slot software writes
 * @status: where wait descriptors write their completion data
 * @scratch: status word of the descriptors that replace rejected ones
 * @seq: completion data of the last wait descriptor
 * @nr_errors: descriptors the hardware rejected (FSTS.IQE)
 */
struct dmar_qi {
	spinlock_t lock;	/* protects the ring and the tail */
	void *ring;
	unsigned int order;
	unsigned int nr_slots;
	unsigned int shift;
	unsigned int tail;
	u32 *status;
	u32 *scratch;
	u32 seq;
	unsigned long nr_errors;
};

/**
 * qi_desc_cc() - context-cache invalidation
 * @did: domain id (domain and device granularity)
 * @sid: source id (device granularity)
 * @fm: function mask (device granularity)
 * @gran: DMAR_INV_GLOBAL, DMAR_INV_DOMAIN or DMAR_INV_DEVICE
 *
 * Return: the descriptor.
 */
static inline struct qi_desc qi_desc_cc(u16 did, u16 sid, u8 fm, unsigned int gran)
{
	return (struct qi_desc) {
		.qw0 = FIELD_PREP(QI_TYPE, QI_TYPE_CC) | FIELD_PREP(QI_GRAN, gran) |
		       FIELD_PREP(QI_DID, did) | FIELD_PREP(QI_CC_SID, sid) |
		       FIELD_PREP(QI_CC_FM, fm),
	};
}

/**
 * qi_desc_iotlb() - IOTLB invalidation
 * @did: domain id (domain and page granularity)
 * @addr: first address (page granularity)
 * @am: address mask: 2^@am pages (page granularity)
 * @ih: invalidation hint: only leaf entries changed (page granularity)
 * @gran: DMAR_INV_GLOBAL, DMAR_INV_DOMAIN or DMAR_INV_PAGE
 *
 * Return: the descriptor.
 */
static inline struct qi_desc qi_desc_iotlb(u16 did, u64 addr, unsigned int am,
					   bool ih, unsigned int gran)
{
	struct qi_desc d = {
		.qw0 = FIELD_PREP(QI_TYPE, QI_TYPE_IOTLB) | FIELD_PREP(QI_GRAN, gran) |
		       FIELD_PREP(QI_DID, did),
	};

	if (gran == DMAR_INV_PAGE)
		d.qw1 = (addr & QI_ADDR) | (ih ? QI_IH : 0) | FIELD_PREP(QI_AM, am);
	return d;
}

/**
 * qi_desc_pc() - PASID-cache invalidation
 * @did: domain id
 * @pasid: PASID (PASID granularity)
 * @gran: QI_PC_ALL_PASIDS, QI_PC_PASID or QI_PC_GLOBAL
 *
 * Return: the descriptor.
 */
static inline struct qi_desc qi_desc_pc(u16 did, u32 pasid, unsigned int gran)
{
	return (struct qi_desc) {
		.qw0 = FIELD_PREP(QI_TYPE, QI_TYPE_PC) | FIELD_PREP(QI_GRAN, gran) |
		       FIELD_PREP(QI_DID, did) | FIELD_PREP(QI_PASID, pasid),
	};
}

/**
 * qi_desc_piotlb() - PASID-based IOTLB invalidation (first-stage entries)
 * @did: domain id
 * @pasid: PASID
 * @addr: first address (page granularity)
 * @am: address mask (page granularity)
 * @ih: invalidation hint (page granularity)
 * @gran: QI_PIOTLB_ALL_IN_PASID or QI_PIOTLB_PAGE
 *
 * Return: the descriptor.
 */
static inline struct qi_desc qi_desc_piotlb(u16 did, u32 pasid, u64 addr,
					    unsigned int am, bool ih,
					    unsigned int gran)
{
	struct qi_desc d = {
		.qw0 = FIELD_PREP(QI_TYPE, QI_TYPE_PIOTLB) | FIELD_PREP(QI_GRAN, gran) |
		       FIELD_PREP(QI_DID, did) | FIELD_PREP(QI_PASID, pasid),
	};

	if (gran == QI_PIOTLB_PAGE)
		d.qw1 = (addr & QI_ADDR) | (ih ? QI_IH : 0) | FIELD_PREP(QI_AM, am);
	return d;
}

/**
 * qi_desc_wait() - invalidation wait with a status write
 * @status: physical address of the 32-bit status word
 * @data: value written there once every earlier descriptor completed
 *
 * Return: the descriptor (fenced, no interrupt).
 */
static inline struct qi_desc qi_desc_wait(u64 status, u32 data)
{
	return (struct qi_desc) {
		.qw0 = FIELD_PREP(QI_TYPE, QI_TYPE_WAIT) | QI_WAIT_SW | QI_WAIT_FN |
		       FIELD_PREP(QI_WAIT_DATA, data),
		.qw1 = status & QI_WAIT_ADDR,
	};
}

unsigned int dmar_psi_mask(u64 start, u64 last, u64 *aligned);

int dmar_qi_enable(struct intel_iommu *iommu);
void dmar_qi_disable(struct intel_iommu *iommu);
int dmar_qi_submit(struct intel_iommu *iommu, const struct qi_desc *desc,
		   unsigned int count);

void dmar_flush_write_buffer(struct intel_iommu *iommu);
void dmar_flush_context(struct intel_iommu *iommu, u16 did, u16 sid, u8 fm,
			unsigned int gran);
void dmar_flush_iotlb(struct intel_iommu *iommu, u16 did, u64 addr,
		      unsigned int am, bool ih, unsigned int gran);
void dmar_flush_pasid_cache(struct intel_iommu *iommu, u16 did, u32 pasid,
			    unsigned int gran);
void dmar_flush_piotlb(struct intel_iommu *iommu, u16 did, u32 pasid, u64 addr,
		       unsigned int am, bool ih, unsigned int gran);
void dmar_flush_iotlb_range(struct intel_iommu *iommu, u16 did, u64 start,
			    u64 last, bool ih);
void dmar_flush_piotlb_range(struct intel_iommu *iommu, u16 did, u32 pasid,
			     u64 start, u64 last, bool ih);

#endif /* _INTEL_IOMMU_QI_H */
