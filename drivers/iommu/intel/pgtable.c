// SPDX-License-Identifier: GPL-2.0
/*
 * VT-d I/O page tables, second and first stage.
 *
 * Rules this code keeps, which the KUnit suite checks:
 *  - a leaf is written in one store, after every table above it exists;
 *    tables are linked before anything is mapped through them;
 *  - mapping over a present leaf, or a superpage over a table that still
 *    maps something, fails with -EEXIST and changes nothing at that spot;
 *  - a superpage may replace an empty table (the table is handed back on
 *    the freelist);
 *  - unmapping never splits a superpage: an unmap starting at a
 *    superpage removes all of it and reports its size, an unmap starting
 *    inside one removes nothing;
 *  - a table whose last entry is cleared is unlinked and handed back on
 *    the freelist, so the hardware may still walk it until the caller has
 *    invalidated its caches.
 */

#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/sizes.h>

#include "pgtable.h"

/* Highest physical address an entry can hold */
#define DMAR_PT_MAX_PADDR	(BIT_ULL(52) - 1)

static inline struct page *pt_page(u64 *table)
{
	return virt_to_page(table);
}

static inline unsigned long pt_used(u64 *table)
{
	return page_private(pt_page(table));
}

static inline void pt_used_add(u64 *table, long delta)
{
	struct page *page = pt_page(table);

	set_page_private(page, page_private(page) + delta);
}

static u64 *pt_table_alloc(gfp_t gfp)
{
	struct page *page = alloc_page(gfp | __GFP_ZERO);

	if (!page)
		return NULL;
	set_page_private(page, 0);
	return page_address(page);
}

static void pt_table_free(u64 *table)
{
	__free_page(pt_page(table));
}

static inline u64 *pt_next(u64 pte)
{
	return phys_to_virt(pte & DMAR_PTE_ADDR);
}

/**
 * dmar_pte_leaf() - encode a leaf entry
 * @fmt: entry format
 * @paddr: output address, aligned to the page size of @level
 * @level: 1 (4 KiB), 2 (2 MiB) or 3 (1 GiB)
 * @prot: IOMMU_READ/IOMMU_WRITE/IOMMU_NOEXEC bits
 * @snoop: second stage: set the snoop bit
 *
 * Neither format can express a write-only page: the second stage always
 * gets R (Linux uses it as the present bit) and a present first-stage entry
 * is always readable. First-stage leaves come with A set, and D set when
 * writable, so that the hardware never has to update them.
 *
 * Return: the entry.
 */
u64 dmar_pte_leaf(enum dmar_pgtable_fmt fmt, u64 paddr, unsigned int level,
		  int prot, bool snoop)
{
	u64 pte = paddr & DMAR_PTE_ADDR;

	if (fmt == DMAR_PGTABLE_SECOND_STAGE) {
		pte |= DMAR_SL_R;
		if (prot & IOMMU_WRITE)
			pte |= DMAR_SL_W;
		if (snoop)
			pte |= DMAR_SL_SNP;
		if (level > 1)
			pte |= DMAR_SL_PS;
		return pte;
	}

	pte |= DMAR_FL_P | DMAR_FL_US | DMAR_FL_A;
	if (prot & IOMMU_WRITE)
		pte |= DMAR_FL_RW | DMAR_FL_D;
	if (prot & IOMMU_NOEXEC)
		pte |= DMAR_FL_XD;
	if (level > 1)
		pte |= DMAR_FL_PS;
	return pte;
}

/**
 * dmar_pte_table() - encode an entry pointing to the next-level table
 * @fmt: entry format
 * @table_paddr: physical address of the table
 *
 * Non-leaf entries grant everything; permissions come from the leaf.
 *
 * Return: the entry.
 */
u64 dmar_pte_table(enum dmar_pgtable_fmt fmt, u64 table_paddr)
{
	u64 pte = table_paddr & DMAR_PTE_ADDR;

	if (fmt == DMAR_PGTABLE_SECOND_STAGE)
		return pte | DMAR_SL_R | DMAR_SL_W;
	return pte | DMAR_FL_P | DMAR_FL_RW | DMAR_FL_US | DMAR_FL_A;
}

/**
 * dmar_pte_present() - does an entry translate anything?
 * @fmt: entry format
 * @pte: the entry
 *
 * Return: true if present (second stage: R or W set; first stage: P set).
 */
bool dmar_pte_present(enum dmar_pgtable_fmt fmt, u64 pte)
{
	if (fmt == DMAR_PGTABLE_SECOND_STAGE)
		return pte & (DMAR_SL_R | DMAR_SL_W);
	return pte & DMAR_FL_P;
}

/**
 * dmar_pte_is_leaf() - does a present entry end the walk?
 * @fmt: entry format
 * @pte: a present entry
 * @level: the level it was found at
 *
 * Return: true at level 1, and for superpage entries (PS set) above it.
 */
bool dmar_pte_is_leaf(enum dmar_pgtable_fmt fmt, u64 pte, unsigned int level)
{
	/* PS is bit 7 in both formats */
	return level == 1 || (pte & DMAR_SL_PS);
}

/**
 * dmar_pte_prot() - the access a leaf entry grants
 * @fmt: entry format
 * @pte: a present leaf entry
 *
 * Return: IOMMU_READ and/or IOMMU_WRITE.
 */
int dmar_pte_prot(enum dmar_pgtable_fmt fmt, u64 pte)
{
	int prot = 0;

	if (fmt == DMAR_PGTABLE_SECOND_STAGE) {
		if (pte & DMAR_SL_R)
			prot |= IOMMU_READ;
		if (pte & DMAR_SL_W)
			prot |= IOMMU_WRITE;
		return prot;
	}
	if (pte & DMAR_FL_P)
		prot |= IOMMU_READ;
	if (pte & DMAR_FL_RW)
		prot |= IOMMU_WRITE;
	return prot;
}

/**
 * dmar_pgtable_init() - set up an empty page table
 * @pgt: the table to initialise
 * @fmt: entry format
 * @levels: 3, 4 or 5
 * @max_leaf_level: 1, 2 or 3 (largest page: 4 KiB, 2 MiB, 1 GiB)
 * @last_iova: highest mappable input address; must fit the levels
 * @gfp: allocation flags for the top-level table
 *
 * Return: 0, -EINVAL for a bad geometry, -ENOMEM.
 */
int dmar_pgtable_init(struct dmar_pgtable *pgt, enum dmar_pgtable_fmt fmt,
		      unsigned int levels, unsigned int max_leaf_level,
		      u64 last_iova, gfp_t gfp)
{
	unsigned int bits = dmar_pt_level_shift(levels + 1);

	if (levels < 3 || levels > DMAR_PT_MAX_LEVELS || !max_leaf_level ||
	    max_leaf_level > 3)
		return -EINVAL;
	if (bits < 64 && last_iova >= (1ULL << bits))
		return -EINVAL;

	spin_lock_init(&pgt->lock);
	pgt->fmt = fmt;
	pgt->levels = levels;
	pgt->max_leaf_level = max_leaf_level;
	pgt->last_iova = last_iova;
	pgt->snoop = false;
	pgt->root = pt_table_alloc(gfp);
	if (!pgt->root)
		return -ENOMEM;
	pgt->nr_tables = 1;
	return 0;
}

static void pt_free_tree(struct dmar_pgtable *pgt, u64 *table, unsigned int level)
{
	unsigned int i;

	for (i = 0; level > 1 && i < DMAR_PT_ENTRIES; i++) {
		u64 pte = READ_ONCE(table[i]);

		if (dmar_pte_present(pgt->fmt, pte) &&
		    !dmar_pte_is_leaf(pgt->fmt, pte, level))
			pt_free_tree(pgt, pt_next(pte), level - 1);
	}
	pt_table_free(table);
	pgt->nr_tables--;
}

/**
 * dmar_pgtable_destroy() - free every table of a page table
 * @pgt: the table; no hardware may walk it any more
 */
void dmar_pgtable_destroy(struct dmar_pgtable *pgt)
{
	if (!pgt->root)
		return;
	pt_free_tree(pgt, pgt->root, pgt->levels);
	pgt->root = NULL;
	WARN_ON(pgt->nr_tables);
}

/**
 * dmar_pgtable_pgsizes() - page sizes a table can map
 * @pgt: the table
 *
 * Return: a bitmap of SZ_4K, SZ_2M and SZ_1G.
 */
unsigned long dmar_pgtable_pgsizes(const struct dmar_pgtable *pgt)
{
	unsigned long sizes = SZ_4K;

	if (pgt->max_leaf_level >= 2)
		sizes |= SZ_2M;
	if (pgt->max_leaf_level >= 3)
		sizes |= SZ_1G;
	return sizes;
}

/* The level whose leaves are @pgsize bytes, 0 if none */
static unsigned int pt_leaf_level(size_t pgsize)
{
	switch (pgsize) {
	case SZ_4K:
		return 1;
	case SZ_2M:
		return 2;
	case SZ_1G:
		return 3;
	default:
		return 0;
	}
}

/*
 * Install one leaf. Returns -EAGAIN when a table is missing and *@spare is
 * empty; the caller allocates one outside the lock and retries.
 */
static int pt_map_one(struct dmar_pgtable *pgt, u64 iova, u64 paddr,
		      unsigned int leaf_level, int prot, u64 **spare,
		      struct list_head *freelist)
{
	enum dmar_pgtable_fmt fmt = pgt->fmt;
	u64 *table = pgt->root, *slot, pte;
	unsigned int level;

	lockdep_assert_held(&pgt->lock);

	for (level = pgt->levels; level > leaf_level; level--) {
		slot = &table[dmar_pt_index(iova, level)];
		pte = READ_ONCE(*slot);
		if (!dmar_pte_present(fmt, pte)) {
			if (!*spare)
				return -EAGAIN;
			WRITE_ONCE(*slot, dmar_pte_table(fmt, virt_to_phys(*spare)));
			pt_used_add(table, 1);
			pgt->nr_tables++;
			table = *spare;
			*spare = NULL;
			continue;
		}
		if (dmar_pte_is_leaf(fmt, pte, level))
			return -EEXIST;
		table = pt_next(pte);
	}

	slot = &table[dmar_pt_index(iova, leaf_level)];
	pte = READ_ONCE(*slot);
	if (dmar_pte_present(fmt, pte)) {
		u64 *child;

		if (dmar_pte_is_leaf(fmt, pte, leaf_level))
			return -EEXIST;
		/* Only a table that maps nothing gives way to a superpage */
		child = pt_next(pte);
		if (pt_used(child))
			return -EEXIST;
		WRITE_ONCE(*slot, 0);
		pt_used_add(table, -1);
		list_add_tail(&pt_page(child)->lru, freelist);
		pgt->nr_tables--;
	}
	WRITE_ONCE(*slot, dmar_pte_leaf(fmt, paddr, leaf_level, prot, pgt->snoop));
	pt_used_add(table, 1);
	return 0;
}

/**
 * dmar_pgtable_map() - map a run of pages of one size
 * @pgt: the table
 * @iova: input address of the first page, aligned to @pgsize
 * @paddr: output address of the first page, aligned to @pgsize
 * @pgsize: SZ_4K, or SZ_2M/SZ_1G if the table allows it
 * @pgcount: number of pages
 * @prot: IOMMU_READ and/or IOMMU_WRITE, optionally IOMMU_CACHE/NOEXEC
 * @gfp: allocation flags for new tables
 * @mapped: incremented by the bytes mapped, also on failure
 * @freelist: receives empty tables that superpages replaced
 *
 * Return: 0; -EINVAL for a bad size, alignment or protection; -ERANGE when
 * the range leaves the table's input or output address space; -EEXIST
 * when something is mapped already; -ENOMEM.
 */
int dmar_pgtable_map(struct dmar_pgtable *pgt, u64 iova, phys_addr_t paddr,
		     size_t pgsize, size_t pgcount, int prot, gfp_t gfp,
		     size_t *mapped, struct list_head *freelist)
{
	unsigned int level = pt_leaf_level(pgsize);
	u64 *spare = NULL;
	u64 size, last;
	int ret = 0;

	if (!level || level > pgt->max_leaf_level)
		return -EINVAL;
	if (!(prot & (IOMMU_READ | IOMMU_WRITE)))
		return -EINVAL;
	if ((iova | paddr) & (pgsize - 1))
		return -EINVAL;
	if (!pgcount)
		return 0;
	if (check_mul_overflow((u64)pgsize, (u64)pgcount, &size) ||
	    check_add_overflow(iova, size - 1, &last) || last > pgt->last_iova ||
	    check_add_overflow((u64)paddr, size - 1, &last) || last > DMAR_PT_MAX_PADDR)
		return -ERANGE;

	spin_lock(&pgt->lock);
	while (pgcount) {
		ret = pt_map_one(pgt, iova, paddr, level, prot, &spare, freelist);
		if (ret == -EAGAIN) {
			spin_unlock(&pgt->lock);
			spare = pt_table_alloc(gfp);
			spin_lock(&pgt->lock);
			if (!spare) {
				ret = -ENOMEM;
				break;
			}
			continue;
		}
		if (ret)
			break;
		iova += pgsize;
		paddr += pgsize;
		pgcount--;
		*mapped += pgsize;
	}
	spin_unlock(&pgt->lock);

	if (spare)
		pt_table_free(spare);
	return ret;
}

/* Remove the leaf that starts at @iova; returns its size or 0 */
static u64 pt_unmap_one(struct dmar_pgtable *pgt, u64 iova,
			struct list_head *freelist)
{
	u64 *path[DMAR_PT_MAX_LEVELS + 1];
	enum dmar_pgtable_fmt fmt = pgt->fmt;
	u64 *table = pgt->root, *slot, pte, size;
	unsigned int level;

	lockdep_assert_held(&pgt->lock);

	if (iova > pgt->last_iova)
		return 0;

	for (level = pgt->levels; ; level--) {
		path[level] = table;
		slot = &table[dmar_pt_index(iova, level)];
		pte = READ_ONCE(*slot);
		if (!dmar_pte_present(fmt, pte))
			return 0;
		if (dmar_pte_is_leaf(fmt, pte, level))
			break;
		table = pt_next(pte);
	}

	size = dmar_pt_level_size(level);
	if (iova & (size - 1))
		return 0;

	WRITE_ONCE(*slot, 0);
	pt_used_add(table, -1);

	/* Unlink the tables this left empty, bottom up; the root stays */
	while (level < pgt->levels && !pt_used(path[level])) {
		u64 *parent = path[level + 1];

		WRITE_ONCE(parent[dmar_pt_index(iova, level + 1)], 0);
		pt_used_add(parent, -1);
		list_add_tail(&pt_page(path[level])->lru, freelist);
		pgt->nr_tables--;
		level++;
	}
	return size;
}

/**
 * dmar_pgtable_unmap() - unmap a run of pages
 * @pgt: the table
 * @iova: first input address, aligned to @pgsize
 * @pgsize: page size the caller expects
 * @pgcount: number of pages
 * @freelist: receives the tables that became empty
 *
 * Works leaf by leaf from @iova and stops at the first hole. A superpage
 * starting at the current address is removed whole, even when that is more
 * than asked for; an address inside a superpage stops the walk.
 *
 * Return: bytes unmapped.
 */
size_t dmar_pgtable_unmap(struct dmar_pgtable *pgt, u64 iova, size_t pgsize,
			  size_t pgcount, struct list_head *freelist)
{
	u64 want, done = 0, size;

	if (!pgsize || (iova & (pgsize - 1)) || (iova & (SZ_4K - 1)))
		return 0;
	if (check_mul_overflow((u64)pgsize, (u64)pgcount, &want))
		return 0;

	spin_lock(&pgt->lock);
	while (done < want) {
		size = pt_unmap_one(pgt, iova + done, freelist);
		if (!size)
			break;
		done += size;
	}
	spin_unlock(&pgt->lock);
	return done;
}

/**
 * dmar_pgtable_lookup() - find the leaf entry translating an address
 * @pgt: the table
 * @iova: input address
 * @level: receives the level of the leaf
 *
 * The caller must keep the mapping from changing while it uses the entry.
 *
 * Return: the leaf entry, or NULL when nothing translates @iova.
 */
u64 *dmar_pgtable_lookup(struct dmar_pgtable *pgt, u64 iova, unsigned int *level)
{
	u64 *table = pgt->root, *slot, pte;
	unsigned int l;

	if (!table || iova > pgt->last_iova)
		return NULL;
	for (l = pgt->levels; l; l--) {
		slot = &table[dmar_pt_index(iova, l)];
		pte = READ_ONCE(*slot);
		if (!dmar_pte_present(pgt->fmt, pte))
			return NULL;
		if (dmar_pte_is_leaf(pgt->fmt, pte, l)) {
			*level = l;
			return slot;
		}
		table = pt_next(pte);
	}
	return NULL;
}

/**
 * dmar_pgtable_iova_to_phys() - translate an address in software
 * @pgt: the table
 * @iova: input address
 *
 * Return: the output address, or 0 when @iova is not mapped.
 */
phys_addr_t dmar_pgtable_iova_to_phys(struct dmar_pgtable *pgt, u64 iova)
{
	unsigned int level;
	phys_addr_t pa = 0;
	u64 *pte;

	spin_lock(&pgt->lock);
	pte = dmar_pgtable_lookup(pgt, iova, &level);
	if (pte)
		pa = (READ_ONCE(*pte) & DMAR_PTE_ADDR & ~(dmar_pt_level_size(level) - 1)) |
		     (iova & (dmar_pt_level_size(level) - 1));
	spin_unlock(&pgt->lock);
	return pa;
}

/**
 * dmar_pgtable_free_list() - free table pages collected on a freelist
 * @freelist: pages linked through &page.lru; empty afterwards
 *
 * Only call this once the hardware can no longer walk the tables, that is
 * after the IOTLB and paging-structure caches were invalidated.
 */
void dmar_pgtable_free_list(struct list_head *freelist)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, freelist, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
}
