/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intel VT-d driver: remapping units, domains and per-device state shared
 * by the files of the driver.
 */
#ifndef _INTEL_IOMMU_H
#define _INTEL_IOMMU_H

#include <linux/idr.h>
#include <linux/io.h>
#include <linux/iommu.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/xarray.h>

#include "dmar.h"
#include "pasid.h"
#include "pgtable.h"
#include "regs.h"

struct dmar_qi;
struct root_entry;

/*
 * Domain ids: 0 is never handed out (with caching mode the hardware tags
 * cached not-present entries with it), 1 tags pass-through entries.
 */
#define DMAR_DID_NONE		0
#define DMAR_DID_PASS_THROUGH	1
#define DMAR_DID_FIRST		2

/* Address width of a table with @aw levels-minus-two, and the reverse */
#define dmar_aw_to_width(aw)	(30 + 9 * (aw))
#define dmar_aw_to_levels(aw)	((aw) + 2)

/**
 * struct intel_iommu - one running remapping unit
 * @reg: the register window
 * @reg_phys: physical base of @reg
 * @reg_size: bytes mapped at @reg
 * @ver: VER register
 * @cap: CAP register
 * @ecap: ECAP register
 * @gcmd: persistent GCMD bits software has set (TE, QIE)
 * @register_lock: serialises GCMD/GSTS handshakes and register-based
 *	invalidation
 * @fault_lock: serialises fault record processing
 * @lock: protects the root, context and PASID tables
 * @seq_id: index of the unit, as in its name
 * @name: "dmar<seq_id>"
 * @aw: AW code of the tables this unit uses for its paging domains
 * @max_aw: largest AW code the unit supports (pass-through entries)
 * @sm: the unit runs in scalable mode
 * @pwsnp: scalable-mode page walks snoop the CPU caches
 * @domain_ida: allocator of domain ids
 * @root_entry: the root table
 * @qi: the invalidation queue, NULL when register-based invalidation is used
 * @irq: fault event interrupt, 0 when there is none
 * @devices: &struct device_domain_info of probed devices, by requester id
 * @drhd: the firmware description
 * @iommu: the instance registered with the IOMMU core
 * @registered: @iommu is registered with the core
 * @translating: translation is enabled (GSTS.TES)
 * @nr_faults: fault records processed
 */
struct intel_iommu {
	void __iomem *reg;
	phys_addr_t reg_phys;
	size_t reg_size;
	u32 ver;
	u64 cap;
	u64 ecap;
	u32 gcmd;
	spinlock_t register_lock;	/* GCMD handshakes, register invalidation */
	spinlock_t fault_lock;		/* fault recording registers */
	spinlock_t lock;		/* root, context and PASID tables */
	int seq_id;
	char name[16];
	u8 aw;
	u8 max_aw;
	bool sm;
	bool pwsnp;
	struct ida domain_ida;
	struct root_entry *root_entry;
	struct dmar_qi *qi;
	int irq;
	struct xarray devices;
	struct dmar_drhd_unit *drhd;
	struct iommu_device iommu;
	bool registered;
	bool translating;
	unsigned long nr_faults;
};

/**
 * struct dmar_domain_unit - a paging domain's presence on one unit
 * @link: entry in &dmar_domain.units
 * @iommu: the unit
 * @did: the domain id of the domain on @iommu
 * @refcnt: attachments (RID or PASID) of the domain on @iommu
 */
struct dmar_domain_unit {
	struct list_head link;
	struct intel_iommu *iommu;
	u16 did;
	unsigned int refcnt;
};

/**
 * struct dmar_domain - a paging domain
 * @domain: the core's view
 * @pgt: the I/O page table
 * @first_stage: the table is in first-stage format, else second stage
 * @aw: AW code of the table (levels - 2)
 * @gaw: address width of the domain in bits
 * @force_snooping: enforce_cache_coherency() was called
 * @has_mappings: something has been mapped at some point
 * @walk_coherent: the domain was set up for units whose table walks snoop
 *	the CPU caches, so table updates are not written back for the others
 * @lock: protects @units, @devices and @dev_pasids
 * @units: &struct dmar_domain_unit for each unit the domain is used on
 * @devices: &struct device_domain_info of devices whose RID uses the domain
 * @dev_pasids: &struct dev_pasid_info of PASIDs that use the domain
 */
struct dmar_domain {
	struct iommu_domain domain;
	struct dmar_pgtable pgt;
	bool first_stage;
	u8 aw;
	u8 gaw;
	bool force_snooping;
	bool has_mappings;
	bool walk_coherent;
	spinlock_t lock;	/* units, devices, dev_pasids */
	struct list_head units;
	struct list_head devices;
	struct list_head dev_pasids;
};

/**
 * struct device_domain_info - what the driver keeps per probed device
 * @link: entry in &dmar_domain.devices while a paging domain is on the RID
 * @dev: the device
 * @pdev: the PCI function
 * @iommu: the unit serving it
 * @segment: PCI segment
 * @bus: bus number
 * @devfn: device and function
 * @rid: requester id (@bus << 8 | @devfn)
 * @pasid_supported: the device and the unit can use PASIDs
 * @pasid_enabled: the PASID capability of the device is enabled
 * @rid_domain: the domain on the RID (paging, identity, blocked or NULL)
 * @domain: @rid_domain when it is a paging domain, else NULL
 * @pasid_table: scalable mode: the device's PASID directory
 * @pasids: &struct dev_pasid_info of attached PASIDs, by PASID
 */
struct device_domain_info {
	struct list_head link;
	struct device *dev;
	struct pci_dev *pdev;
	struct intel_iommu *iommu;
	u16 segment;
	u8 bus;
	u8 devfn;
	u16 rid;
	bool pasid_supported;
	bool pasid_enabled;
	struct iommu_domain *rid_domain;
	struct dmar_domain *domain;
	struct pasid_table pasid_table;
	struct xarray pasids;
};

/**
 * struct dev_pasid_info - a PASID of a device attached to a domain
 * @link: entry in &dmar_domain.dev_pasids (paging domains only)
 * @info: the device
 * @pasid: the PASID
 * @domain: the attached domain (paging, identity or blocked)
 */
struct dev_pasid_info {
	struct list_head link;
	struct device_domain_info *info;
	ioasid_t pasid;
	struct iommu_domain *domain;
};

/**
 * to_dmar_domain() - the driver's paging domain of a core domain
 * @domain: a paging domain allocated by this driver
 *
 * Return: the containing &struct dmar_domain.
 */
static inline struct dmar_domain *to_dmar_domain(struct iommu_domain *domain)
{
	return container_of(domain, struct dmar_domain, domain);
}

/**
 * dmar_readq() - read a 64-bit register
 * @iommu: the unit
 * @off: register offset
 *
 * Return: the value.
 */
static inline u64 dmar_readq(struct intel_iommu *iommu, unsigned int off)
{
	return readq(iommu->reg + off);
}

/**
 * dmar_readl() - read a 32-bit register
 * @iommu: the unit
 * @off: register offset
 *
 * Return: the value.
 */
static inline u32 dmar_readl(struct intel_iommu *iommu, unsigned int off)
{
	return readl(iommu->reg + off);
}

/**
 * dmar_writeq() - write a 64-bit register
 * @iommu: the unit
 * @off: register offset
 * @val: the value
 */
static inline void dmar_writeq(struct intel_iommu *iommu, unsigned int off, u64 val)
{
	writeq(val, iommu->reg + off);
}

/**
 * dmar_writel() - write a 32-bit register
 * @iommu: the unit
 * @off: register offset
 * @val: the value
 */
static inline void dmar_writel(struct intel_iommu *iommu, unsigned int off, u32 val)
{
	writel(val, iommu->reg + off);
}

/**
 * dmar_caching_mode() - may the unit cache not-present entries?
 * @iommu: the unit
 *
 * Return: CAP.CM.
 */
static inline bool dmar_caching_mode(struct intel_iommu *iommu)
{
	return iommu->cap & DMAR_CAP_CM;
}

/**
 * dmar_walk_coherent() - do the unit's table walks snoop the CPU caches?
 * @iommu: the unit
 *
 * Return: ECAP.SMPWC in scalable mode, ECAP.C in legacy mode.
 */
static inline bool dmar_walk_coherent(struct intel_iommu *iommu)
{
	return iommu->ecap & (iommu->sm ? DMAR_ECAP_SMPWC : DMAR_ECAP_C);
}

extern const struct iommu_ops intel_iommu_ops;
extern struct iommu_domain intel_identity_domain;
extern struct iommu_domain intel_blocked_domain;
extern struct dmar_table_info dmar_tbl_info;

/* init.c */
int dmar_gcmd_update(struct intel_iommu *iommu, u32 set, u32 clear);
int dmar_gcmd_oneshot(struct intel_iommu *iommu, u32 cmd, u32 status,
		      bool until_set);
struct intel_iommu *dmar_iommu_for_dev(struct pci_dev *pdev);

/* fault.c */
int dmar_fault_setup(struct intel_iommu *iommu);
void dmar_fault_teardown(struct intel_iommu *iommu);
const char *dmar_fault_reason_str(u8 reason);

/* attach.c */
int intel_paging_attach_dev(struct iommu_domain *domain, struct device *dev);
int intel_paging_set_dev_pasid(struct iommu_domain *domain, struct device *dev,
			       ioasid_t pasid, struct iommu_domain *old);
void dmar_domain_remove_pasid(struct device_domain_info *info, ioasid_t pasid);
int dmar_rid_tables_prepare(struct device_domain_info *info);
void dmar_rid_set_pass_through(struct device_domain_info *info);
void dmar_rid_block(struct device_domain_info *info);

/* domain.c */
bool dmar_is_paging(struct iommu_domain *domain);
struct iommu_domain *intel_domain_alloc_paging(struct device *dev);
struct iommu_domain *intel_domain_alloc_user(struct device *dev, u32 flags,
					     struct iommu_domain *parent,
					     const struct iommu_user_data *user_data);
struct dmar_domain *dmar_domain_alloc(struct intel_iommu *iommu, bool first_stage);

/* cache.c */
void dmar_domain_flush_range(struct dmar_domain *domain, u64 start, u64 last,
			     bool ih);
void dmar_domain_flush_all(struct dmar_domain *domain);
void dmar_domain_flush_new_mappings(struct dmar_domain *domain, u64 start,
				    u64 last);

#endif /* _INTEL_IOMMU_H */
