// SPDX-License-Identifier: GPL-2.0
/*
 * Intel VT-d hardware model: translation caches.
 *
 * Four caches, all finite (an entry may be evicted at any time, as in
 * silicon) and all cleared only by invalidation:
 *
 *  - the context cache, keyed by source id and tagged with the domain id of
 *    the context entry (0 in scalable mode and for not-present entries);
 *  - the PASID cache, keyed by (source id, PASID) and tagged with the domain
 *    id of the PASID entry;
 *  - the IOTLB, set associative, keyed by (stage, domain id, PASID for the
 *    first stage, page) for 4 KiB, 2 MiB and 1 GiB pages;
 *  - the paging-structure cache of non-leaf entries, keyed like the IOTLB
 *    plus the level of the table they point to.
 *
 * Not-present results are cached only in caching mode (CAP.CM) and only for
 * structures whose invalidation software must then perform: context and
 * PASID entries and second-stage leaves.  First-stage translation never
 * caches not-present entries, so software need not invalidate after making
 * a first-stage entry present.
 *
 * Invalidation semantics of the model: the IOTLB descriptor (and register)
 * covers second-stage entries, or everything when global; the PASID-based
 * IOTLB descriptor covers first-stage entries of one (domain id, PASID).  A
 * cached not-present PASID entry has no domain id of its own and is dropped
 * by any PASID-cache invalidation that names its PASID.
 */

#include <linux/lockdep.h>
#include <linux/string.h>

#include "vtd-internal.h"

/* ---- Context cache --------------------------------------------------------- */

/**
 * vtd_cc_find() - context-cache lookup
 * @u: the unit (locked)
 * @sid: source id
 * @sm: look for an entry read in scalable mode
 *
 * Return: the entry, or NULL.
 */
struct vtd_cc_entry *vtd_cc_find(struct vtd_unit *u, u16 sid, bool sm)
{
	unsigned int i;

	lockdep_assert_held(&u->lock);
	for (i = 0; i < VTD_CC_ENTRIES; i++) {
		struct vtd_cc_entry *e = &u->cc[i];

		if (e->valid && e->sid == sid && e->sm == sm)
			return e;
	}
	return NULL;
}

/**
 * vtd_cc_insert() - add or replace a context-cache entry
 * @u: the unit (locked)
 * @e: the entry (copied)
 */
void vtd_cc_insert(struct vtd_unit *u, const struct vtd_cc_entry *e)
{
	struct vtd_cc_entry *slot = vtd_cc_find(u, e->sid, e->sm);
	unsigned int i;

	for (i = 0; !slot && i < VTD_CC_ENTRIES; i++)
		if (!u->cc[i].valid)
			slot = &u->cc[i];
	if (!slot) {
		slot = &u->cc[u->cc_next];
		u->cc_next = (u->cc_next + 1) % VTD_CC_ENTRIES;
	}
	*slot = *e;
	slot->valid = true;
}

/*
 * Function mask of a device-selective invalidation: FM=1 ignores bit 2 of
 * the function number, FM=2 bits 2:1, FM=3 bits 2:0.
 */
static u16 vtd_fm_mask(unsigned int fm)
{
	return ((1U << fm) - 1) << (3 - fm);
}

/**
 * vtd_cc_inval() - context-cache invalidation
 * @u: the unit (locked)
 * @gran: VTDM_CC_GLOBAL, VTDM_CC_DOMAIN or VTDM_CC_DEVICE
 * @did: domain id (domain- and device-selective)
 * @sid: source id (device-selective)
 * @fm: function mask (device-selective)
 */
void vtd_cc_inval(struct vtd_unit *u, unsigned int gran, u16 did, u16 sid, unsigned int fm)
{
	u16 ignore = vtd_fm_mask(fm & 3);
	unsigned int i;

	lockdep_assert_held(&u->lock);
	for (i = 0; i < VTD_CC_ENTRIES; i++) {
		struct vtd_cc_entry *e = &u->cc[i];

		if (!e->valid)
			continue;
		switch (gran) {
		case VTDM_CC_GLOBAL:
			e->valid = false;
			break;
		case VTDM_CC_DOMAIN:
			if (e->did == did)
				e->valid = false;
			break;
		case VTDM_CC_DEVICE:
			if (e->did == did && !((e->sid ^ sid) & ~ignore))
				e->valid = false;
			break;
		}
	}
}

/* ---- PASID cache ------------------------------------------------------------- */

/**
 * vtd_pc_find() - PASID-cache lookup
 * @u: the unit (locked)
 * @sid: source id
 * @pasid: PASID
 *
 * Return: the entry, or NULL.
 */
struct vtd_pc_entry *vtd_pc_find(struct vtd_unit *u, u16 sid, u32 pasid)
{
	unsigned int i;

	lockdep_assert_held(&u->lock);
	for (i = 0; i < VTD_PC_ENTRIES; i++) {
		struct vtd_pc_entry *e = &u->pc[i];

		if (e->valid && e->sid == sid && e->pasid == pasid)
			return e;
	}
	return NULL;
}

/**
 * vtd_pc_insert() - add or replace a PASID-cache entry
 * @u: the unit (locked)
 * @e: the entry (copied)
 */
void vtd_pc_insert(struct vtd_unit *u, const struct vtd_pc_entry *e)
{
	struct vtd_pc_entry *slot = vtd_pc_find(u, e->sid, e->pasid);
	unsigned int i;

	for (i = 0; !slot && i < VTD_PC_ENTRIES; i++)
		if (!u->pc[i].valid)
			slot = &u->pc[i];
	if (!slot) {
		slot = &u->pc[u->pc_next];
		u->pc_next = (u->pc_next + 1) % VTD_PC_ENTRIES;
	}
	*slot = *e;
	slot->valid = true;
}

/**
 * vtd_pc_inval() - PASID-cache invalidation
 * @u: the unit (locked)
 * @gran: VTDM_QI_PC_DOMAIN, VTDM_QI_PC_PASID or VTDM_QI_PC_GLOBAL
 * @did: domain id
 * @pasid: PASID (PASID-selective)
 */
void vtd_pc_inval(struct vtd_unit *u, unsigned int gran, u16 did, u32 pasid)
{
	unsigned int i;

	lockdep_assert_held(&u->lock);
	for (i = 0; i < VTD_PC_ENTRIES; i++) {
		struct vtd_pc_entry *e = &u->pc[i];
		bool did_match = e->neg_reason || e->did == did;

		if (!e->valid)
			continue;
		switch (gran) {
		case VTDM_QI_PC_GLOBAL:
			e->valid = false;
			break;
		case VTDM_QI_PC_DOMAIN:
			if (did_match)
				e->valid = false;
			break;
		case VTDM_QI_PC_PASID:
			if (did_match && e->pasid == pasid)
				e->valid = false;
			break;
		}
	}
}

/* ---- IOTLB -------------------------------------------------------------------- */

static const u8 vtd_page_shifts[] = { 12, 21, 30 };

static unsigned int vtd_tlb_set(u8 stage, u16 did, u32 pasid, u64 vpn, u8 shift)
{
	u64 h = vpn ^ (vpn >> 7) ^ ((u64)did * 0x9e37) ^ ((u64)pasid * 0x61c9) ^ shift ^ stage;

	return (h ^ (h >> 13)) % VTD_IOTLB_SETS;
}

static bool vtd_tlb_match(const struct vtd_tlb_entry *e, u8 stage, u16 did, u32 pasid,
			  u64 vpn, u8 shift)
{
	return e->valid && e->stage == stage && e->did == did && e->shift == shift &&
	       e->vpn == vpn && (stage != VTD_STAGE_FL || e->pasid == pasid);
}

static struct vtd_tlb_entry *vtd_tlb_lookup(struct vtd_unit *u, u8 stage, u16 did,
					    u32 pasid, u64 vpn, u8 shift)
{
	struct vtd_tlb_entry *set = u->tlb[vtd_tlb_set(stage, did, pasid, vpn, shift)];
	unsigned int w;

	for (w = 0; w < VTD_IOTLB_WAYS; w++)
		if (vtd_tlb_match(&set[w], stage, did, pasid, vpn, shift))
			return &set[w];
	return NULL;
}

/**
 * vtd_tlb_find() - IOTLB lookup over all page sizes
 * @u: the unit (locked)
 * @stage: %VTD_STAGE_SL or %VTD_STAGE_FL
 * @did: domain id
 * @pasid: PASID (first stage only)
 * @iova: input address
 *
 * Return: the entry, or NULL.
 */
struct vtd_tlb_entry *vtd_tlb_find(struct vtd_unit *u, u8 stage, u16 did, u32 pasid, u64 iova)
{
	struct vtd_tlb_entry *e;
	unsigned int i;

	lockdep_assert_held(&u->lock);
	if (stage != VTD_STAGE_FL)
		pasid = 0;
	for (i = 0; i < ARRAY_SIZE(vtd_page_shifts); i++) {
		u8 shift = vtd_page_shifts[i];

		e = vtd_tlb_lookup(u, stage, did, pasid, iova >> shift, shift);
		if (e)
			return e;
	}
	return NULL;
}

/**
 * vtd_tlb_insert() - add or replace an IOTLB entry, evicting within its set
 * @u: the unit (locked)
 * @e: the entry (copied)
 */
void vtd_tlb_insert(struct vtd_unit *u, const struct vtd_tlb_entry *e)
{
	u32 pasid = e->stage == VTD_STAGE_FL ? e->pasid : 0;
	unsigned int s = vtd_tlb_set(e->stage, e->did, pasid, e->vpn, e->shift);
	struct vtd_tlb_entry *set = u->tlb[s], *slot;
	unsigned int w;

	lockdep_assert_held(&u->lock);
	slot = vtd_tlb_lookup(u, e->stage, e->did, pasid, e->vpn, e->shift);
	for (w = 0; !slot && w < VTD_IOTLB_WAYS; w++)
		if (!set[w].valid)
			slot = &set[w];
	if (!slot) {
		slot = &set[u->tlb_next[s]];
		u->tlb_next[s] = (u->tlb_next[s] + 1) % VTD_IOTLB_WAYS;
	}
	*slot = *e;
	slot->pasid = pasid;
	slot->valid = true;
}

/* ---- Paging-structure cache --------------------------------------------------- */

/**
 * vtd_pde_find() - paging-structure-cache lookup
 * @u: the unit (locked)
 * @stage: %VTD_STAGE_SL or %VTD_STAGE_FL
 * @did: domain id
 * @pasid: PASID (first stage only)
 * @iova: input address
 * @top_level: levels of the walk (entries must point below it)
 *
 * Return: the cached entry that points to the deepest table, or NULL.
 */
struct vtd_pde_entry *vtd_pde_find(struct vtd_unit *u, u8 stage, u16 did, u32 pasid,
				   u64 iova, unsigned int top_level)
{
	struct vtd_pde_entry *best = NULL;
	unsigned int i;

	lockdep_assert_held(&u->lock);
	if (stage != VTD_STAGE_FL)
		pasid = 0;
	for (i = 0; i < VTD_PDE_ENTRIES; i++) {
		struct vtd_pde_entry *e = &u->pde[i];

		if (!e->valid || e->stage != stage || e->did != did || e->pasid != pasid)
			continue;
		if (e->level >= top_level || e->tag != iova >> (12 + 9 * e->level))
			continue;
		/* The deepest table saves the most reads. */
		if (!best || e->level < best->level)
			best = e;
	}
	return best;
}

/**
 * vtd_pde_insert() - add or replace a paging-structure-cache entry
 * @u: the unit (locked)
 * @e: the entry (copied)
 */
void vtd_pde_insert(struct vtd_unit *u, const struct vtd_pde_entry *e)
{
	u32 pasid = e->stage == VTD_STAGE_FL ? e->pasid : 0;
	struct vtd_pde_entry *slot = NULL;
	unsigned int i;

	lockdep_assert_held(&u->lock);
	for (i = 0; i < VTD_PDE_ENTRIES; i++) {
		struct vtd_pde_entry *p = &u->pde[i];

		if (p->valid && p->stage == e->stage && p->did == e->did && p->pasid == pasid &&
		    p->level == e->level && p->tag == e->tag) {
			slot = p;
			break;
		}
	}
	for (i = 0; !slot && i < VTD_PDE_ENTRIES; i++)
		if (!u->pde[i].valid)
			slot = &u->pde[i];
	if (!slot) {
		slot = &u->pde[u->pde_next];
		u->pde_next = (u->pde_next + 1) % VTD_PDE_ENTRIES;
	}
	*slot = *e;
	slot->pasid = pasid;
	slot->valid = true;
}

/* ---- Invalidation -------------------------------------------------------------- */

/* Whether [base, base + 2^bits) meets the range of 2^am pages at addr. */
static bool vtd_range_hit(u64 base, unsigned int bits, u64 addr, unsigned int am)
{
	unsigned int rbits = 12 + am;
	u64 start, rstart;

	if (rbits >= 64 || bits >= 64)
		return true;
	rstart = addr & ~((1ULL << rbits) - 1);
	start = base & ~((1ULL << bits) - 1);
	if (rbits >= bits)
		return (start & ~((1ULL << rbits) - 1)) == rstart;
	return (rstart & ~((1ULL << bits) - 1)) == start;
}

/*
 * Drop IOTLB and paging-structure entries of @stage and @did (and @pasid for
 * the first stage); with @ranged only those meeting the range; with @leaf_only
 * keep the paging-structure entries (invalidation hint).
 */
static void vtd_tlb_drop(struct vtd_unit *u, u8 stage, u16 did, u32 pasid, bool ranged,
			 u64 addr, unsigned int am, bool leaf_only)
{
	unsigned int s, w, i;

	for (s = 0; s < VTD_IOTLB_SETS; s++) {
		for (w = 0; w < VTD_IOTLB_WAYS; w++) {
			struct vtd_tlb_entry *e = &u->tlb[s][w];

			if (!e->valid || e->stage != stage || e->did != did)
				continue;
			if (stage == VTD_STAGE_FL && e->pasid != pasid)
				continue;
			if (ranged && !vtd_range_hit(e->vpn << e->shift, e->shift, addr, am))
				continue;
			e->valid = false;
		}
	}
	if (leaf_only)
		return;
	for (i = 0; i < VTD_PDE_ENTRIES; i++) {
		struct vtd_pde_entry *p = &u->pde[i];
		unsigned int bits = 12 + 9 * p->level;

		if (!p->valid || p->stage != stage || p->did != did)
			continue;
		if (stage == VTD_STAGE_FL && p->pasid != pasid)
			continue;
		if (ranged && !vtd_range_hit(bits < 64 ? p->tag << bits : 0, bits, addr, am))
			continue;
		p->valid = false;
	}
}

static void vtd_tlb_drop_all(struct vtd_unit *u)
{
	memset(u->tlb, 0, sizeof(u->tlb));
	memset(u->pde, 0, sizeof(u->pde));
}

/**
 * vtd_iotlb_inval() - IOTLB invalidation (descriptor type 2 or the register)
 * @u: the unit (locked)
 * @gran: VTDM_IOTLB_GLOBAL, VTDM_IOTLB_DOMAIN or VTDM_IOTLB_PAGE
 * @did: domain id
 * @addr: first address (page-selective)
 * @am: address mask: 2^@am pages (page-selective)
 * @ih: invalidation hint: keep paging-structure entries (page-selective)
 */
void vtd_iotlb_inval(struct vtd_unit *u, unsigned int gran, u16 did, u64 addr,
		     unsigned int am, bool ih)
{
	lockdep_assert_held(&u->lock);
	switch (gran) {
	case VTDM_IOTLB_GLOBAL:
		vtd_tlb_drop_all(u);
		break;
	case VTDM_IOTLB_DOMAIN:
		vtd_tlb_drop(u, VTD_STAGE_SL, did, 0, false, 0, 0, false);
		break;
	case VTDM_IOTLB_PAGE:
		vtd_tlb_drop(u, VTD_STAGE_SL, did, 0, true, addr, am, ih);
		break;
	}
}

/**
 * vtd_piotlb_inval() - PASID-based IOTLB invalidation (first stage)
 * @u: the unit (locked)
 * @gran: VTDM_QI_PIOTLB_PASID or VTDM_QI_PIOTLB_PAGE
 * @did: domain id
 * @pasid: PASID
 * @addr: first address (page-selective)
 * @am: address mask (page-selective)
 * @ih: invalidation hint (page-selective)
 */
void vtd_piotlb_inval(struct vtd_unit *u, unsigned int gran, u16 did, u32 pasid, u64 addr,
		      unsigned int am, bool ih)
{
	lockdep_assert_held(&u->lock);
	if (gran == VTDM_QI_PIOTLB_PASID)
		vtd_tlb_drop(u, VTD_STAGE_FL, did, pasid, false, 0, 0, false);
	else if (gran == VTDM_QI_PIOTLB_PAGE)
		vtd_tlb_drop(u, VTD_STAGE_FL, did, pasid, true, addr, am, ih);
}

/**
 * vtd_flush_all() - empty every cache of the unit
 * @u: the unit (locked)
 */
void vtd_flush_all(struct vtd_unit *u)
{
	lockdep_assert_held(&u->lock);
	memset(u->cc, 0, sizeof(u->cc));
	memset(u->pc, 0, sizeof(u->pc));
	vtd_tlb_drop_all(u);
}
