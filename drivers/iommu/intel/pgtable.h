/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VT-d I/O page tables: the second-stage format (used for requests without
 * PASID in legacy mode and for PGTT=2 PASID entries) and the first-stage
 * format (x86-64 paging, PGTT=1). Both are radix trees of 4 KiB tables with
 * 512 eight-byte entries; a leaf may sit at level 2 (2 MiB) or level 3
 * (1 GiB) when the hardware supports it.
 *
 * The code here knows nothing about remapping units: it builds and walks
 * tables in memory, and hands back the table pages it unlinked so that the
 * caller can free them once the hardware caches have been invalidated.
 */
#ifndef _INTEL_IOMMU_PGTABLE_H
#define _INTEL_IOMMU_PGTABLE_H

#include <linux/bits.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#define DMAR_PT_SHIFT		12
#define DMAR_PT_ENTRIES		512
#define DMAR_PT_LEVEL_BITS	9
#define DMAR_PT_MAX_LEVELS	5

/* Second-stage entry bits */
#define DMAR_SL_R		BIT_ULL(0)
#define DMAR_SL_W		BIT_ULL(1)
#define DMAR_SL_PS		BIT_ULL(7)
#define DMAR_SL_SNP		BIT_ULL(11)

/* First-stage entry bits (x86-64 paging) */
#define DMAR_FL_P		BIT_ULL(0)
#define DMAR_FL_RW		BIT_ULL(1)
#define DMAR_FL_US		BIT_ULL(2)
#define DMAR_FL_A		BIT_ULL(5)
#define DMAR_FL_D		BIT_ULL(6)
#define DMAR_FL_PS		BIT_ULL(7)
#define DMAR_FL_XD		BIT_ULL(63)

/* Output address of an entry, both formats (52-bit physical addresses) */
#define DMAR_PTE_ADDR		GENMASK_ULL(51, 12)

/**
 * enum dmar_pgtable_fmt - format of an I/O page table
 * @DMAR_PGTABLE_SECOND_STAGE: VT-d second-stage tables; an entry is present
 *	when R or W is set, and every entry this code writes has R set
 * @DMAR_PGTABLE_FIRST_STAGE: x86-64 paging structures with a present bit;
 *	input addresses must be canonical, so only the lower half is used
 */
enum dmar_pgtable_fmt {
	DMAR_PGTABLE_SECOND_STAGE,
	DMAR_PGTABLE_FIRST_STAGE,
};

/**
 * struct dmar_pgtable - one I/O page table
 * @lock: serialises changes of the tables (map and unmap)
 * @root: the top-level table
 * @fmt: entry format
 * @levels: number of levels (3, 4 or 5)
 * @max_leaf_level: highest level that may hold a leaf: 1 (4 KiB pages
 *	only), 2 (also 2 MiB) or 3 (also 1 GiB)
 * @last_iova: highest input address that may be mapped
 * @snoop: second stage: set SNP in leaves mapped with IOMMU_CACHE
 * @nr_tables: number of table pages, the root included
 *
 * Each table page counts its present entries in &page.private; a table
 * whose count drops to zero during unmap is unlinked from its parent.
 */
struct dmar_pgtable {
	spinlock_t lock;	/* protects the table contents */
	u64 *root;
	enum dmar_pgtable_fmt fmt;
	unsigned int levels;
	unsigned int max_leaf_level;
	u64 last_iova;
	bool snoop;
	unsigned long nr_tables;
};

/**
 * dmar_pt_level_shift() - address bits below the entries of a level
 * @level: 1 for the leaf tables, up to 5
 *
 * Return: 12, 21, 30, 39 or 48.
 */
static inline unsigned int dmar_pt_level_shift(unsigned int level)
{
	return DMAR_PT_SHIFT + DMAR_PT_LEVEL_BITS * (level - 1);
}

/**
 * dmar_pt_level_size() - bytes one entry of a level covers
 * @level: 1 to 5
 *
 * Return: 4 KiB, 2 MiB, 1 GiB, ...
 */
static inline u64 dmar_pt_level_size(unsigned int level)
{
	return 1ULL << dmar_pt_level_shift(level);
}

/**
 * dmar_pt_index() - index of the entry translating @iova at @level
 * @iova: input address
 * @level: 1 to 5
 *
 * Return: 0..511.
 */
static inline unsigned int dmar_pt_index(u64 iova, unsigned int level)
{
	return (iova >> dmar_pt_level_shift(level)) & (DMAR_PT_ENTRIES - 1);
}

u64 dmar_pte_leaf(enum dmar_pgtable_fmt fmt, u64 paddr, unsigned int level,
		  int prot, bool snoop);
u64 dmar_pte_table(enum dmar_pgtable_fmt fmt, u64 table_paddr);
bool dmar_pte_present(enum dmar_pgtable_fmt fmt, u64 pte);
bool dmar_pte_is_leaf(enum dmar_pgtable_fmt fmt, u64 pte, unsigned int level);
int dmar_pte_prot(enum dmar_pgtable_fmt fmt, u64 pte);

int dmar_pgtable_init(struct dmar_pgtable *pgt, enum dmar_pgtable_fmt fmt,
		      unsigned int levels, unsigned int max_leaf_level,
		      u64 last_iova, gfp_t gfp);
void dmar_pgtable_destroy(struct dmar_pgtable *pgt);
unsigned long dmar_pgtable_pgsizes(const struct dmar_pgtable *pgt);
int dmar_pgtable_map(struct dmar_pgtable *pgt, u64 iova, phys_addr_t paddr,
		     size_t pgsize, size_t pgcount, int prot, gfp_t gfp,
		     size_t *mapped, struct list_head *freelist);
size_t dmar_pgtable_unmap(struct dmar_pgtable *pgt, u64 iova, size_t pgsize,
			  size_t pgcount, struct list_head *freelist);
phys_addr_t dmar_pgtable_iova_to_phys(struct dmar_pgtable *pgt, u64 iova);
u64 *dmar_pgtable_lookup(struct dmar_pgtable *pgt, u64 iova, unsigned int *level);
void dmar_pgtable_free_list(struct list_head *freelist);

#endif /* _INTEL_IOMMU_PGTABLE_H */
