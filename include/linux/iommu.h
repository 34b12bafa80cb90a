/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IOMMU API: what IOMMU drivers implement and what the rest of the kernel
 * (the DMA API glue, VFIO, iommufd, device drivers that manage their own I/O
 * address space) calls. Documentation/driver-api/iommu.rst describes the
 * contracts in prose; the kernel-doc below is the reference for each item.
 */

#ifndef __LINUX_IOMMU_H
#define __LINUX_IOMMU_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/bits.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/workqueue.h>
#include <linux/device.h>
#include <linux/scatterlist.h>
#include <linux/uaccess.h>
#include <linux/iova_bitmap.h>

/* Protection bits for iommu_map() and reserved regions */
#define IOMMU_READ	BIT(0)
#define IOMMU_WRITE	BIT(1)
#define IOMMU_CACHE	BIT(2)	/* coherent with the CPU caches */
#define IOMMU_NOEXEC	BIT(3)
#define IOMMU_MMIO	BIT(4)	/* device memory, e.g. an MSI doorbell */
/*
 * On buses that tag each transaction with a privilege level, IOMMU_PRIV says
 * that the other permission bits apply to privileged transactions only;
 * unprivileged ones get as little as the page-table format allows.
 */
#define IOMMU_PRIV	BIT(5)

struct iommu_ops;
struct iommu_group;
struct device;
struct iommu_domain;
struct iommu_domain_ops;
struct iommu_dirty_ops;
struct notifier_block;
struct iommu_sva;
struct iommu_dma_cookie;
struct iommu_fault_param;
struct iommu_attach_handle;
struct fwnode_handle;
struct of_phandle_args;
struct mm_struct;
struct module;

/* Access rights a page request asks for (iommu_fault_page_request.perm) */
#define IOMMU_FAULT_PERM_READ	BIT(0)
#define IOMMU_FAULT_PERM_WRITE	BIT(1)
#define IOMMU_FAULT_PERM_EXEC	BIT(2)
#define IOMMU_FAULT_PERM_PRIV	BIT(3)

/**
 * enum iommu_fault_type - kind of a reported fault
 * @IOMMU_FAULT_PAGE_REQ: a recoverable page request (PCI PRI or SMMU stall)
 */
enum iommu_fault_type {
	IOMMU_FAULT_PAGE_REQ = 1,
};

/**
 * struct iommu_fault_page_request - one page request as reported by a driver
 * @flags: IOMMU_FAULT_PAGE_REQUEST_* bits: whether @pasid is meaningful,
 *         whether this request closes its group, and whether the response
 *         has to repeat the PASID (IOMMU_FAULT_PAGE_RESPONSE_NEEDS_PASID)
 * @pasid: PASID of the request, valid when PASID_VALID is set
 * @grpid: page request group index; requests with the same index are
 *         answered together once the LAST_PAGE one arrives
 * @perm: IOMMU_FAULT_PERM_* access being requested
 * @addr: faulting I/O virtual address
 * @private_data: opaque words the driver needs to build its response
 */
struct iommu_fault_page_request {
#define IOMMU_FAULT_PAGE_REQUEST_PASID_VALID	BIT(0)
#define IOMMU_FAULT_PAGE_REQUEST_LAST_PAGE	BIT(1)
#define IOMMU_FAULT_PAGE_RESPONSE_NEEDS_PASID	BIT(2)
	u32	flags;
	u32	pasid;
	u32	grpid;
	u32	perm;
	u64	addr;
	u64	private_data[2];
};

/**
 * struct iommu_fault - a fault record handed to the core
 * @type: an &enum iommu_fault_type value
 * @prm: the page request, for %IOMMU_FAULT_PAGE_REQ
 */
struct iommu_fault {
	u32 type;
	struct iommu_fault_page_request prm;
};

/**
 * enum iommu_page_response_code - outcome sent back for a page request group
 * @IOMMU_PAGE_RESP_SUCCESS: the translation is now present; the device may
 *	retry (PCI PRI "Success")
 * @IOMMU_PAGE_RESP_INVALID: the request cannot be satisfied; the device must
 *	not retry (PCI PRI "Invalid Request")
 * @IOMMU_PAGE_RESP_FAILURE: something went wrong while handling the request;
 *	the device should stop issuing page requests (PCI PRI "Response
 *	Failure")
 */
enum iommu_page_response_code {
	IOMMU_PAGE_RESP_SUCCESS = 0,
	IOMMU_PAGE_RESP_INVALID,
	IOMMU_PAGE_RESP_FAILURE,
};

/**
 * struct iommu_page_response - what the core asks a driver to send back
 * @pasid: PASID copied from the last request of the group
 * @grpid: page request group index being answered
 * @code: an &enum iommu_page_response_code value
 */
struct iommu_page_response {
	u32	pasid;
	u32	grpid;
	u32	code;
};

/**
 * struct iopf_fault - a fault record while the core holds on to it
 * @fault: the record as the driver reported it
 * @list: entry in &iommu_fault_param.partial or in &iopf_group.faults
 */
struct iopf_fault {
	struct iommu_fault fault;
	struct list_head list;
};

/**
 * struct iopf_group - a complete page request group delivered to a handler
 * @last_fault: the request carrying LAST_PAGE, embedded so that a group can
 *              always be built even when memory is short
 * @faults: every request of the group, the earlier partial ones first and
 *          @last_fault at the tail
 * @fault_count: number of entries on @faults
 * @pending_node: entry in &iommu_fault_param.faults until answered
 * @work: free for the handler, e.g. to defer the work to a workqueue
 * @attach_handle: the attach handle the group was routed to; its domain's
 *                 iopf_handler received the group
 * @fault_param: per-device fault state; the group holds a reference on it
 * @node: free for the handler to queue the group on lists of its own
 * @cookie: free for the handler (iommufd stores the group's id here)
 */
struct iopf_group {
	struct iopf_fault last_fault;
	struct list_head faults;
	size_t fault_count;
	struct list_head pending_node;
	struct work_struct work;
	struct iommu_attach_handle *attach_handle;
	struct iommu_fault_param *fault_param;
	struct list_head node;
	u32 cookie;
};

/**
 * struct iopf_queue - a queue of devices whose page requests an IOMMU
 *                     instance reports
 * @wq: workqueue on which fault handlers may run their work
 * @devices: &iommu_fault_param.queue_list entries of the member devices
 * @lock: serialises changes of @devices
 */
struct iopf_queue {
	struct workqueue_struct *wq;
	struct list_head devices;
	struct mutex lock;	/* protects @devices */
};

/* Flags of the legacy fault callback (report_iommu_fault()) */
#define IOMMU_FAULT_READ	0x0
#define IOMMU_FAULT_WRITE	0x1

typedef int (*iommu_fault_handler_t)(struct iommu_domain *,
			struct device *, unsigned long, int, void *);

/**
 * struct iommu_domain_geometry - the I/O virtual address range of a domain
 * @aperture_start: lowest IOVA that can be mapped
 * @aperture_end: highest IOVA that can be mapped (inclusive)
 * @force_aperture: DMA outside the aperture is refused by the hardware
 */
struct iommu_domain_geometry {
	dma_addr_t aperture_start;
	dma_addr_t aperture_end;
	bool force_aperture;
};

/*
 * Domain feature bits. A domain type (below) is a combination of these.
 */
#define __IOMMU_DOMAIN_PAGING	BIT(0)  /* iommu_map()/iommu_unmap() work */
#define __IOMMU_DOMAIN_DMA_API	BIT(1)  /* owned by the DMA API layer */
#define __IOMMU_DOMAIN_PT	BIT(2)  /* IOVA == physical address */
#define __IOMMU_DOMAIN_DMA_FQ	BIT(3)  /* DMA API with a flush queue */
#define __IOMMU_DOMAIN_SVA	BIT(4)  /* shares a process page table */
#define __IOMMU_DOMAIN_PLATFORM	BIT(5)  /* legacy, driver-private DMA ops */
#define __IOMMU_DOMAIN_NESTED	BIT(6)  /* user stage 1 over a stage 2 */

/* Bits a driver's allocator may see: the flush-queue bit is core business */
#define IOMMU_DOMAIN_ALLOC_FLAGS ~__IOMMU_DOMAIN_DMA_FQ

/*
 * Domain types:
 *  BLOCKED   - no DMA gets through
 *  IDENTITY  - DMA addresses are CPU physical addresses
 *  UNMANAGED - a paging domain whose mappings an API user manages (VFIO,
 *              iommufd, drivers with their own I/O address space)
 *  DMA       - the paging domain behind the DMA API
 *  DMA_FQ    - DMA, with invalidations batched through a flush queue
 *  SVA       - DMA addresses are the virtual addresses of a process
 *  PLATFORM  - legacy drivers that install their own DMA ops; not for new
 *              drivers
 *  NESTED    - a user-managed stage 1 translating into a stage 2 parent
 */
#define IOMMU_DOMAIN_BLOCKED	(0U)
#define IOMMU_DOMAIN_IDENTITY	(__IOMMU_DOMAIN_PT)
#define IOMMU_DOMAIN_UNMANAGED	(__IOMMU_DOMAIN_PAGING)
#define IOMMU_DOMAIN_DMA	(__IOMMU_DOMAIN_PAGING |	\
				 __IOMMU_DOMAIN_DMA_API)
#define IOMMU_DOMAIN_DMA_FQ	(__IOMMU_DOMAIN_PAGING |	\
				 __IOMMU_DOMAIN_DMA_API |	\
				 __IOMMU_DOMAIN_DMA_FQ)
#define IOMMU_DOMAIN_SVA	(__IOMMU_DOMAIN_SVA)
#define IOMMU_DOMAIN_PLATFORM	(__IOMMU_DOMAIN_PLATFORM)
#define IOMMU_DOMAIN_NESTED	(__IOMMU_DOMAIN_NESTED)

/**
 * struct iommu_domain - one translation context
 * @type: IOMMU_DOMAIN_* type; set by the core for domains it allocates, by
 *        the driver for domain_alloc_user() domains and static domains
 * @ops: the domain's operations; the core fills in
 *       &iommu_ops.default_domain_ops when the driver leaves it NULL
 * @dirty_ops: dirty-tracking operations, NULL if not supported
 * @owner: the &iommu_ops whose allocator produced the domain; NULL for
 *         static domains, which therefore cannot be passed to
 *         iommu_attach_group() or iommu_attach_device_pasid()
 * @pgsize_bitmap: page sizes this domain can map
 * @geometry: the domain's IOVA aperture
 * @iova_cookie: DMA API (or MSI-only) state, see dma-iommu
 * @iopf_handler: receives page request groups routed to this domain
 * @fault_data: private data of whoever installed @iopf_handler
 * @handler: legacy fault callback, see iommu_set_fault_handler()
 * @handler_token: argument passed back to @handler
 * @mm: for SVA domains, the process address space (a mm_count reference is
 *      held)
 * @users: for SVA domains, how many devices have it attached (protected by
 *         the SVA lock)
 * @next: for SVA domains, entry in &iommu_mm_data.sva_domains
 */
struct iommu_domain {
	unsigned int type;
	const struct iommu_domain_ops *ops;
	const struct iommu_dirty_ops *dirty_ops;
	const struct iommu_ops *owner;
	unsigned long pgsize_bitmap;
	struct iommu_domain_geometry geometry;
	struct iommu_dma_cookie *iova_cookie;
	int (*iopf_handler)(struct iopf_group *group);
	void *fault_data;
	union {
		struct {
			iommu_fault_handler_t handler;
			void *handler_token;
		};
		struct {
			struct mm_struct *mm;
			int users;
			struct list_head next;
		};
	};
};

/**
 * iommu_is_dma_domain() - is this domain managed by the DMA API layer?
 * @domain: the domain
 *
 * Return: true for IOMMU_DOMAIN_DMA and IOMMU_DOMAIN_DMA_FQ domains.
 */
static inline bool iommu_is_dma_domain(struct iommu_domain *domain)
{
	unsigned int kind = domain->type;

	return (kind & __IOMMU_DOMAIN_DMA_API) != 0;
}

/**
 * enum iommu_cap - capabilities queried with device_iommu_capable()
 * @IOMMU_CAP_CACHE_COHERENCY: IOMMU_CACHE mappings are coherent
 * @IOMMU_CAP_NOEXEC: IOMMU_NOEXEC is honoured
 * @IOMMU_CAP_PRE_BOOT_PROTECTION: firmware kept the IOMMU translating before
 *	the OS took over, so the OS should not relax that
 * @IOMMU_CAP_ENFORCE_CACHE_COHERENCY: enforce_cache_coherency() can work for
 *	this device
 * @IOMMU_CAP_DEFERRED_FLUSH: unmap does no TLB maintenance of its own, so a
 *	flush queue (DMA_FQ) is worth having
 * @IOMMU_CAP_DIRTY_TRACKING: the IOMMU can track dirty pages for this device
 */
enum iommu_cap {
	IOMMU_CAP_CACHE_COHERENCY,
	IOMMU_CAP_NOEXEC,
	IOMMU_CAP_PRE_BOOT_PROTECTION,
	IOMMU_CAP_ENFORCE_CACHE_COHERENCY,
	IOMMU_CAP_DEFERRED_FLUSH,
	IOMMU_CAP_DIRTY_TRACKING,
};

/**
 * enum iommu_resv_type - kinds of reserved IOVA region
 * @IOMMU_RESV_DIRECT: must be identity mapped at all times; a device with
 *	such a region can never be attached to a blocking domain
 * @IOMMU_RESV_DIRECT_RELAXABLE: identity mapped in DMA domains, but may be
 *	dropped when the device is assigned (USB, graphics)
 * @IOMMU_RESV_RESERVED: never map, never hand to a device
 * @IOMMU_RESV_MSI: untranslated hardware MSI window
 * @IOMMU_RESV_SW_MSI: IOVA window where software maps MSI doorbells
 */
enum iommu_resv_type {
	IOMMU_RESV_DIRECT,
	IOMMU_RESV_DIRECT_RELAXABLE,
	IOMMU_RESV_RESERVED,
	IOMMU_RESV_MSI,
	IOMMU_RESV_SW_MSI,
};

/**
 * struct iommu_resv_region - a reserved IOVA region of a device
 * @list: entry in the caller's list
 * @start: first address of the region
 * @length: size in bytes
 * @prot: IOMMU_READ/IOMMU_WRITE/... for direct mappings
 * @type: the region's &enum iommu_resv_type
 * @free: releases the entry; when NULL the entry is kfree()d
 */
struct iommu_resv_region {
	struct list_head	list;
	phys_addr_t		start;
	size_t			length;
	int			prot;
	enum iommu_resv_type	type;
	void (*free)(struct device *dev, struct iommu_resv_region *region);
};

/**
 * enum iommu_dev_features - per-device features a device driver can enable
 * @IOMMU_DEV_FEAT_SVA: shared virtual addressing
 * @IOMMU_DEV_FEAT_IOPF: recoverable I/O page faults (PRI or stall). Where
 *	both are used, IOPF is enabled before SVA and disabled after it.
 */
enum iommu_dev_features {
	IOMMU_DEV_FEAT_SVA,
	IOMMU_DEV_FEAT_IOPF,
};

#define IOMMU_NO_PASID			(0U)	/* the RID, i.e. DMA without PASID */
#define IOMMU_FIRST_GLOBAL_PASID	(1U)	/* lowest allocatable PASID */
#define IOMMU_PASID_INVALID		(-1U)
typedef unsigned int ioasid_t;

/* read_and_clear_dirty(): report dirty bits but leave them set */
#define IOMMU_DIRTY_NO_CLEAR BIT(0)

#ifdef CONFIG_IOMMU_API

/**
 * struct iommu_iotlb_gather - invalidation work collected during unmap
 * @start: lowest IOVA that needs invalidating
 * @end: highest IOVA that needs invalidating (inclusive); 0 while empty
 * @pgsize: granule of the pages gathered so far, 0 while empty
 * @freelist: page-table pages to free once the invalidation is done
 * @queued: a flush queue will call flush_iotlb_all() later, so the driver
 *          may skip range invalidation
 *
 * unmap_pages() adds to the gather; iotlb_sync() consumes it.
 */
struct iommu_iotlb_gather {
	unsigned long		start;
	unsigned long		end;
	size_t			pgsize;
	struct list_head	freelist;
	bool			queued;
};

/**
 * struct iommu_dirty_bitmap - where read_and_clear_dirty() reports to
 * @bitmap: the IOVA bitmap to set bits in, may be NULL
 * @gather: invalidation needed for the cleared dirty bits, may be NULL
 */
struct iommu_dirty_bitmap {
	struct iova_bitmap *bitmap;
	struct iommu_iotlb_gather *gather;
};

/**
 * struct iommu_dirty_ops - dirty tracking operations of a domain
 * @set_dirty_tracking: turn dirty tracking on or off for the whole domain
 * @read_and_clear_dirty: walk [@iova, @iova + @size) and record the pages
 *                        whose dirty bit is set, clearing the bit unless
 *                        @flags has IOMMU_DIRTY_NO_CLEAR
 */
struct iommu_dirty_ops {
	int (*set_dirty_tracking)(struct iommu_domain *domain, bool enabled);
	int (*read_and_clear_dirty)(struct iommu_domain *domain,
				    unsigned long iova, size_t size,
				    unsigned long flags,
				    struct iommu_dirty_bitmap *dirty);
};

/**
 * struct iommu_user_data - a driver-specific structure passed by userspace
 * @type: the structure's type, one of the uAPI enums of iommufd
 * @uptr: userspace address of the structure
 * @len: length userspace says the structure has
 *
 * iommufd fills this straight from its ioctl arguments.
 */
struct iommu_user_data {
	unsigned int type;
	void __user *uptr;
	size_t len;
};

/**
 * struct iommu_user_data_array - an array of driver-specific structures
 * @type: the type shared by every entry
 * @uptr: userspace address of the first entry
 * @entry_len: size of one entry as userspace laid it out
 * @entry_num: number of entries; a driver reports back how many it handled
 */
struct iommu_user_data_array {
	unsigned int type;
	void __user *uptr;
	size_t entry_len;
	u32 entry_num;
};

/**
 * __iommu_copy_struct_from_user() - fetch a driver-specific user structure
 * @dst_data: kernel copy to fill
 * @src_data: where the structure is in userspace
 * @data_type: type @dst_data has; must equal @src_data->type
 * @data_len: size of the kernel structure
 * @min_len: size of the first version of the structure
 *
 * Userspace may pass an older (shorter) or newer (longer) version of the
 * structure; copy_struct_from_user() zero-fills the missing tail and checks
 * that any extra tail is zero.
 *
 * Return: 0, -EINVAL for a type or length mismatch, or the error of
 * copy_struct_from_user() (-EFAULT, -E2BIG).
 */
static inline int
__iommu_copy_struct_from_user(void *dst_data,
			      const struct iommu_user_data *src_data,
			      unsigned int data_type, size_t data_len,
			      size_t min_len)
{
	size_t ulen;

	if (WARN_ON(!dst_data || !src_data))
		return -EINVAL;

	/* One errno for every kind of mismatch: wrong type or bad length. */
	ulen = src_data->len;
	if (src_data->type != data_type || ulen < min_len || ulen > data_len)
		return -EINVAL;

	return copy_struct_from_user(dst_data, data_len, src_data->uptr, ulen);
}

/**
 * iommu_copy_struct_from_user() - fetch a driver-specific user structure
 * @kdst: pointer to the kernel copy; its type gives the full size
 * @user_data: the &struct iommu_user_data describing the user copy
 * @data_type: expected type
 * @min_last: last member of the first version of the structure
 *
 * Return: as __iommu_copy_struct_from_user().
 */
#define iommu_copy_struct_from_user(kdst, user_data, data_type, min_last) \
	__iommu_copy_struct_from_user((kdst), (user_data), (data_type),    \
				      /* full size, then first-version size */ \
				      sizeof(*(kdst)),                     \
				      offsetofend(typeof(*(kdst)), min_last))

/**
 * __iommu_copy_struct_from_user_array() - fetch one entry of a user array
 * @dst_data: kernel copy to fill
 * @src_array: the user array
 * @data_type: type @dst_data has; must equal @src_array->type
 * @index: which entry to fetch
 * @data_len: size of the kernel structure
 * @min_len: size of the first version of the structure
 *
 * Return: 0, -EINVAL for an empty array, an index out of range or a
 * type/length mismatch, or the error of copy_struct_from_user().
 */
static inline int
__iommu_copy_struct_from_user_array(void *dst_data,
				    const struct iommu_user_data_array *src_array,
				    unsigned int data_type, unsigned int index,
				    size_t data_len, size_t min_len)
{
	struct iommu_user_data entry;

	/* An empty array fails here too: no index is below entry_num == 0. */
	if (WARN_ON(!src_array || index >= src_array->entry_num))
		return -EINVAL;

	/* Describe entry @index as a single-structure user buffer. */
	entry = (struct iommu_user_data) {
		.uptr = src_array->uptr + index * src_array->entry_len,
		.len = src_array->entry_len,
		.type = src_array->type,
	};
	return __iommu_copy_struct_from_user(dst_data, &entry, data_type,
					     data_len, min_len);
}

/**
 * iommu_copy_struct_from_user_array() - fetch one entry of a user array
 * @kdst: pointer to the kernel copy; its type gives the full size
 * @user_array: the &struct iommu_user_data_array
 * @data_type: expected type
 * @index: which entry to fetch
 * @min_last: last member of the first version of the structure
 *
 * Return: as __iommu_copy_struct_from_user_array().
 */
#define iommu_copy_struct_from_user_array(kdst, user_array, data_type, index, \
					  min_last)                           \
	__iommu_copy_struct_from_user_array((kdst), (user_array),             \
					    (data_type), (index),             \
					    sizeof(*(kdst)),                  \
					    offsetofend(typeof(*(kdst)),      \
							min_last))

/**
 * struct iommu_ops - what an IOMMU driver provides to the core
 * @capable: answer an &enum iommu_cap query for a device
 * @hw_info: return a kmalloc()ed description of the hardware for iommufd
 *           (IOMMU_GET_HW_INFO), its length in @length and its
 *           &enum iommu_hw_info_type in @type; the caller frees it
 * @domain_alloc: legacy allocator for any type but the flush-queue bit. May
 *                return NULL or an ERR_PTR; the core finishes initialising
 *                the domain.
 * @domain_alloc_user: iommufd's allocator. Must return a fully initialised
 *                     domain (type included) or an ERR_PTR. With a @parent
 *                     and @user_data it returns a NESTED domain; without a
 *                     parent a paging domain.
 * @domain_alloc_paging: allocate a paging domain usable as UNMANAGED, DMA
 *                       or DMA_FQ. @dev may be NULL (iommu_domain_alloc()).
 * @domain_alloc_identity: allocate an identity domain for @dev. For drivers
 *                         whose identity support depends on the device:
 *                         ERR_PTR(-EOPNOTSUPP) or ERR_PTR(-ENODEV) means
 *                         "this device cannot be identity mapped". The
 *                         core then falls back to a DMA default domain
 *                         unless identity was demanded (def_domain_type,
 *                         sysfs), in which case the device fails to probe.
 *                         Not consulted when @identity_domain is set.
 * @domain_alloc_sva: allocate an SVA domain sharing @mm
 * @probe_device: take a device on; return the serving &iommu_device or an
 *                ERR_PTR. -ENODEV means "not mine".
 * @release_device: forget a device; it must stop using any domain
 * @probe_finalize: last step of probing, after the group and its default
 *                  domain are set up; called without the group lock
 * @device_group: return a referenced group for the device (new or shared)
 * @get_resv_regions: append the device's reserved regions, allocated with
 *                    iommu_alloc_resv_region(), to a list
 * @of_xlate: add the firmware IDs in @args to the device's fwspec
 * @is_attach_deferred: defer the default domain attach until the device
 *                      first uses the DMA API (e.g. kdump)
 * @dev_enable_feat: enable an &enum iommu_dev_features for a device
 * @dev_disable_feat: disable it again
 * @page_response: send a page request response to the hardware
 * @def_domain_type: the default domain type this device must have:
 *                   IOMMU_DOMAIN_IDENTITY, IOMMU_DOMAIN_DMA, or 0 for no
 *                   preference
 * @remove_dev_pasid: stop translating @pasid of @dev; DMA with that PASID
 *                    is blocked afterwards. Must not fail.
 * @default_domain_ops: domain ops used when a driver allocator leaves
 *                      &iommu_domain.ops NULL
 * @pgsize_bitmap: page sizes used when an allocator leaves the domain's
 *                 bitmap empty
 * @owner: the module providing the ops (pinned while devices are probed)
 * @identity_domain: a static identity domain, always available and always
 *                   attachable, for every device of the driver
 * @blocked_domain: a static blocking domain, always available and always
 *                  attachable
 * @release_domain: attached by the core right before @release_device
 * @default_domain: legacy: always use this (IDENTITY, BLOCKED or PLATFORM)
 *                  domain as the default domain
 * @user_pasid_table: the PASID table is owned by the user domain on the RID:
 *                    page requests of unattached PASIDs go to the NESTED
 *                    domain attached to the RID
 *
 * Static domains (@identity_domain, @blocked_domain, @release_domain,
 * @default_domain) are fully initialised by the driver, have no free op and
 * have a NULL owner.
 */
struct iommu_ops {
	bool (*capable)(struct device *dev, enum iommu_cap);
	void *(*hw_info)(struct device *dev, u32 *length, u32 *type);

	struct iommu_domain *(*domain_alloc)(unsigned int iommu_domain_type);
	struct iommu_domain *(*domain_alloc_user)(struct device *dev, u32 flags,
						  struct iommu_domain *parent,
						  const struct iommu_user_data *user_data);
	struct iommu_domain *(*domain_alloc_paging)(struct device *dev);
	struct iommu_domain *(*domain_alloc_identity)(struct device *dev);
	struct iommu_domain *(*domain_alloc_sva)(struct device *dev,
						 struct mm_struct *mm);

	struct iommu_device *(*probe_device)(struct device *dev);
	void (*release_device)(struct device *dev);
	void (*probe_finalize)(struct device *dev);
	struct iommu_group *(*device_group)(struct device *dev);

	void (*get_resv_regions)(struct device *dev, struct list_head *list);

	int (*of_xlate)(struct device *dev, const struct of_phandle_args *args);
	bool (*is_attach_deferred)(struct device *dev);

	int (*dev_enable_feat)(struct device *dev, enum iommu_dev_features f);
	int (*dev_disable_feat)(struct device *dev, enum iommu_dev_features f);

	void (*page_response)(struct device *dev, struct iopf_fault *evt,
			      struct iommu_page_response *msg);

	int (*def_domain_type)(struct device *dev);
	void (*remove_dev_pasid)(struct device *dev, ioasid_t pasid,
				 struct iommu_domain *domain);

	const struct iommu_domain_ops *default_domain_ops;
	unsigned long pgsize_bitmap;
	struct module *owner;
	struct iommu_domain *identity_domain;
	struct iommu_domain *blocked_domain;
	struct iommu_domain *release_domain;
	struct iommu_domain *default_domain;
	u8 user_pasid_table:1;
};

/**
 * struct iommu_domain_ops - operations on one domain
 * @attach_dev: make the domain the translation of @dev's RID, replacing
 *  whatever was there (the switch need not be atomic, but DMA may only ever
 *  reach the old or the new translation). The core calls it with the group
 *  mutex held, once per device of the group. Return:
 *
 *  * 0       - success
 *  * -EINVAL - the domain and the device are incompatible, typically because
 *              of how the domain was set up earlier. Callers use this to try
 *              another domain, so the driver must not log it. It must not be
 *              used for anything else, and an -EINVAL coming from some other
 *              kernel API the driver called must be translated.
 *  * -ENOMEM - out of memory
 *  * -ENOSPC - out of some other resource (IDs, table entries); handled
 *              like -ENOMEM
 *  * -EBUSY  - the device's current attachment cannot be changed; only
 *              non-conforming hardware/drivers should ever need it
 *  * -ENODEV - a device-specific problem: this device cannot be attached
 *              to any domain
 *
 *  Any other value is a driver bug: the core WARNs, naming the driver,
 *  and treats it as -ENODEV for its own decisions (it never tries another
 *  domain because of it), while the public API still returns the driver's
 *  errno so that userspace sees it.
 * @set_dev_pasid: make the domain the translation of @pasid of @dev. @old is
 *                 always NULL in this tree. Same errno contract as
 *                 @attach_dev.
 * @map_pages: map @pgcount pages of size @pgsize (one of the domain's page
 *             sizes) from @iova to @paddr. Adds the bytes it mapped to
 *             @mapped even when it fails part way.
 * @unmap_pages: unmap @pgcount pages of size @pgsize at @iova, queueing
 *               invalidations in @iotlb_gather; returns the bytes unmapped,
 *               0 when nothing is mapped at @iova
 * @flush_iotlb_all: synchronously invalidate every cached translation of
 *                   the domain
 * @iotlb_sync_map: make mappings just created visible to the hardware;
 *                  if it fails the core unmaps the range again
 * @iotlb_sync: perform the invalidation gathered in @iotlb_gather and free
 *              its freelist
 * @cache_invalidate_user: NESTED domains only: carry out the user's cache
 *                         invalidation requests in @array and set
 *                         @array->entry_num to the number handled
 * @iova_to_phys: translate an IOVA; 0 when it is not mapped
 * @enforce_cache_coherency: from now on block DMA that bypasses the CPU
 *                           caches (no-snoop); false if it cannot
 * @enable_nesting: prepare an UNMANAGED domain to act as a nesting parent
 * @set_pgtable_quirks: apply IO_PGTABLE_QUIRK_* bits to an UNMANAGED domain
 * @free: release the domain; static domains have none
 */
struct iommu_domain_ops {
	int (*attach_dev)(struct iommu_domain *domain, struct device *dev);
	int (*set_dev_pasid)(struct iommu_domain *domain, struct device *dev,
			     ioasid_t pasid, struct iommu_domain *old);

	int (*map_pages)(struct iommu_domain *domain, unsigned long iova,
			 phys_addr_t paddr, size_t pgsize, size_t pgcount,
			 int prot, gfp_t gfp, size_t *mapped);
	size_t (*unmap_pages)(struct iommu_domain *domain, unsigned long iova,
			      size_t pgsize, size_t pgcount,
			      struct iommu_iotlb_gather *iotlb_gather);

	void (*flush_iotlb_all)(struct iommu_domain *domain);
	int (*iotlb_sync_map)(struct iommu_domain *domain, unsigned long iova,
			      size_t size);
	void (*iotlb_sync)(struct iommu_domain *domain,
			   struct iommu_iotlb_gather *iotlb_gather);
	int (*cache_invalidate_user)(struct iommu_domain *domain,
				     struct iommu_user_data_array *array);

	phys_addr_t (*iova_to_phys)(struct iommu_domain *domain,
				    dma_addr_t iova);

	bool (*enforce_cache_coherency)(struct iommu_domain *domain);
	int (*enable_nesting)(struct iommu_domain *domain);
	int (*set_pgtable_quirks)(struct iommu_domain *domain,
				  unsigned long quirks);

	void (*free)(struct iommu_domain *domain);
};

/**
 * struct iommu_device - one IOMMU hardware instance known to the core
 * @list: entry in the core's list of registered instances
 * @ops: the driver's &iommu_ops
 * @fwnode: firmware node client fwspecs point at (NULL matches devices
 *          without a fwspec)
 * @dev: the instance's own device, if the driver has one; its name (or
 *       driver's name) identifies the driver in core diagnostics
 * @singleton_group: the one group of generic_single_device_group()
 * @max_pasids: PASIDs the instance supports; caps every device's count
 */
struct iommu_device {
	struct list_head list;
	const struct iommu_ops *ops;
	struct fwnode_handle *fwnode;
	struct device *dev;
	struct iommu_group *singleton_group;
	u32 max_pasids;
};

/**
 * struct iommu_fault_param - per-device page fault state
 * @lock: protects @partial and @faults
 * @users: references: one from iopf_queue_add_device(), one per report in
 *         flight and per delivered group
 * @rcu: for freeing after an RCU grace period
 * @dev: the device
 * @queue: the &iopf_queue the device was added to
 * @queue_list: entry in &iopf_queue.devices
 * @partial: requests of groups whose LAST_PAGE request has not arrived
 * @faults: delivered groups still waiting for a response
 */
struct iommu_fault_param {
	struct mutex lock;	/* protects @partial and @faults */
	refcount_t users;
	struct rcu_head rcu;

	struct device *dev;
	struct iopf_queue *queue;
	struct list_head queue_list;

	struct list_head partial;
	struct list_head faults;
};

/**
 * struct dev_iommu - what the IOMMU layer keeps per client device
 * @lock: serialises fault_param changes
 * @fault_param: page fault state, set by iopf_queue_add_device()
 * @fwspec: firmware description of the device's IOMMU and IDs
 * @iommu_dev: the instance serving the device once probed
 * @priv: driver-private data
 * @max_pasids: PASIDs the device may use: its own capability capped by
 *              the instance's; 0 means no PASID support
 * @attach_deferred: the default domain has not really been attached yet
 * @pci_32bit_workaround: prefer 32-bit IOVAs for this PCI device
 * @require_direct: the device has IOMMU_RESV_DIRECT regions, so it can
 *                  never be attached to a blocking domain
 * @shadow_on_flush: IOTLB flushes are used to keep shadow tables in sync
 */
struct dev_iommu {
	struct mutex lock;	/* serialises @fault_param changes */
	struct iommu_fault_param __rcu	*fault_param;
	struct iommu_fwspec		*fwspec;
	struct iommu_device		*iommu_dev;
	void				*priv;
	u32				max_pasids;
	u32				attach_deferred:1;
	u32				pci_32bit_workaround:1;
	u32				require_direct:1;
	u32				shadow_on_flush:1;
};

int iommu_device_register(struct iommu_device *iommu,
			  const struct iommu_ops *ops,
			  struct device *hwdev);
void iommu_device_unregister(struct iommu_device *iommu);
int  iommu_device_sysfs_add(struct iommu_device *iommu,
			    struct device *parent,
			    const struct attribute_group **groups,
			    const char *fmt, ...) __printf(4, 5);
void iommu_device_sysfs_remove(struct iommu_device *iommu);
int  iommu_device_link(struct iommu_device   *iommu, struct device *link);
void iommu_device_unlink(struct iommu_device *iommu, struct device *link);
int iommu_deferred_attach(struct device *dev, struct iommu_domain *domain);

/**
 * dev_to_iommu_device() - the &iommu_device whose own device is @dev
 * @dev: an &iommu_device.dev whose driver data is the iommu_device
 *
 * Return: the instance.
 */
static inline struct iommu_device *dev_to_iommu_device(struct device *dev)
{
	struct iommu_device *inst = dev_get_drvdata(dev);

	return inst;
}

/**
 * __iommu_get_iommu_dev() - the instance serving a probed device
 * @dev: a client device
 *
 * Only for use from inside &iommu_ops callbacks, which the core never calls
 * for a device without an instance.
 *
 * Return: the &iommu_device.
 */
static inline struct iommu_device *__iommu_get_iommu_dev(struct device *dev)
{
	struct dev_iommu *param = dev->iommu;

	return param->iommu_dev;
}

#define iommu_get_iommu_dev(dev, type, member) \
	container_of(__iommu_get_iommu_dev(dev), type, member)

/**
 * iommu_iotlb_gather_init() - start an empty gather
 * @gather: the gather to reset
 */
static inline void iommu_iotlb_gather_init(struct iommu_iotlb_gather *gather)
{
	/* start > end marks the range as empty; the first add sets both. */
	INIT_LIST_HEAD(&gather->freelist);
	gather->queued = false;
	gather->pgsize = 0;
	gather->end = 0;
	gather->start = ULONG_MAX;
}

/* Instances, buses and capabilities */
int bus_iommu_probe(const struct bus_type *bus);
bool iommu_present(const struct bus_type *bus);
bool device_iommu_capable(struct device *dev, enum iommu_cap cap);
bool iommu_group_has_isolated_msi(struct iommu_group *group);

/* Domains */
struct iommu_domain *iommu_domain_alloc(const struct bus_type *bus);
struct iommu_domain *iommu_paging_domain_alloc(struct device *dev);
void iommu_domain_free(struct iommu_domain *domain);
int iommu_attach_device(struct iommu_domain *domain, struct device *dev);
void iommu_detach_device(struct iommu_domain *domain, struct device *dev);
int iommu_attach_group(struct iommu_domain *domain, struct iommu_group *group);
void iommu_detach_group(struct iommu_domain *domain, struct iommu_group *group);
struct iommu_domain *iommu_get_domain_for_dev(struct device *dev);
struct iommu_domain *iommu_get_dma_domain(struct device *dev);
int iommu_enable_nesting(struct iommu_domain *domain);
int iommu_set_pgtable_quirks(struct iommu_domain *domain,
			     unsigned long quirks);

/* Mappings */
int iommu_map(struct iommu_domain *domain, unsigned long iova,
	      phys_addr_t paddr, size_t size, int prot, gfp_t gfp);
size_t iommu_unmap(struct iommu_domain *domain, unsigned long iova,
		   size_t size);
size_t iommu_unmap_fast(struct iommu_domain *domain, unsigned long iova,
			size_t size, struct iommu_iotlb_gather *iotlb_gather);
ssize_t iommu_map_sg(struct iommu_domain *domain, unsigned long iova,
		     struct scatterlist *sg, unsigned int nents, int prot,
		     gfp_t gfp);
phys_addr_t iommu_iova_to_phys(struct iommu_domain *domain, dma_addr_t iova);

/* Legacy fault callback */
void iommu_set_fault_handler(struct iommu_domain *domain,
			     iommu_fault_handler_t handler, void *token);
int report_iommu_fault(struct iommu_domain *domain, struct device *dev,
		       unsigned long iova, int flags);

/* Reserved regions */
void iommu_get_resv_regions(struct device *dev, struct list_head *list);
void iommu_put_resv_regions(struct device *dev, struct list_head *list);
struct iommu_resv_region *
iommu_alloc_resv_region(phys_addr_t start, size_t length, int prot,
			enum iommu_resv_type type, gfp_t gfp);
int iommu_get_group_resv_regions(struct iommu_group *group,
				 struct list_head *head);

/* Default domain policy */
void iommu_set_default_passthrough(bool cmd_line);
void iommu_set_default_translated(bool cmd_line);
bool iommu_default_passthrough(void);
void iommu_set_dma_strict(void);

/* Groups */
struct iommu_group *iommu_group_alloc(void);
void *iommu_group_get_iommudata(struct iommu_group *group);
void iommu_group_set_iommudata(struct iommu_group *group, void *iommu_data,
			       void (*release)(void *iommu_data));
int iommu_group_set_name(struct iommu_group *group, const char *name);
int iommu_group_add_device(struct iommu_group *group, struct device *dev);
void iommu_group_remove_device(struct device *dev);
int iommu_group_for_each_dev(struct iommu_group *group, void *data,
			     int (*fn)(struct device *dev, void *data));
struct iommu_group *iommu_group_get(struct device *dev);
struct iommu_group *iommu_group_ref_get(struct iommu_group *group);
void iommu_group_put(struct iommu_group *group);
int iommu_group_id(struct iommu_group *group);
struct iommu_domain *iommu_group_default_domain(struct iommu_group *group);

/**
 * iommu_flush_iotlb_all() - invalidate everything the domain has cached
 * @domain: the domain
 *
 * Does nothing if the driver has no flush_iotlb_all op.
 */
static inline void iommu_flush_iotlb_all(struct iommu_domain *domain)
{
	const struct iommu_domain_ops *dops = domain->ops;

	if (!dops->flush_iotlb_all)
		return;
	dops->flush_iotlb_all(domain);
}

/**
 * iommu_iotlb_sync() - carry out the invalidation collected in a gather
 * @domain: the domain the gather belongs to
 * @iotlb_gather: the gather; it is empty again afterwards
 */
static inline void iommu_iotlb_sync(struct iommu_domain *domain,
				    struct iommu_iotlb_gather *iotlb_gather)
{
	const struct iommu_domain_ops *dops = domain->ops;

	if (dops->iotlb_sync)
		dops->iotlb_sync(domain, iotlb_gather);
	/* Whether or not the driver flushed, the gather starts over. */
	iommu_iotlb_gather_init(iotlb_gather);
}

/**
 * iommu_iotlb_gather_is_disjoint() - would a new range leave a gap?
 * @gather: the gather
 * @iova: start of the new range
 * @size: length of the new range
 *
 * A range that touches or overlaps the gathered one is not disjoint. Many
 * drivers prefer to flush rather than merge across a gap, which would
 * invalidate addresses that were never unmapped.
 *
 * Return: true if the gather is non-empty and the range neither overlaps nor
 * touches it.
 */
static inline
bool iommu_iotlb_gather_is_disjoint(struct iommu_iotlb_gather *gather,
				    unsigned long iova, size_t size)
{
	unsigned long after = iova + size;	/* first address past the range */

	/* An empty gather (end == 0) is adjacent to everything. */
	if (gather->end == 0)
		return false;
	if (after < gather->start)
		return true;
	return iova > gather->end + 1;
}

/**
 * iommu_iotlb_gather_add_range() - widen the gathered range
 * @gather: the gather
 * @iova: start of the range to add
 * @size: length of the range to add
 *
 * For drivers whose invalidation commands take an arbitrary address range.
 */
static inline void iommu_iotlb_gather_add_range(struct iommu_iotlb_gather *gather,
						unsigned long iova, size_t size)
{
	unsigned long tail = iova + size - 1;

	gather->end = max(tail, gather->end);
	gather->start = min(iova, gather->start);
}

/**
 * iommu_iotlb_gather_add_page() - gather one page for invalidation
 * @domain: the domain, needed when an intermediate sync is required
 * @gather: the gather
 * @iova: start of the page
 * @size: size of the page
 *
 * For drivers whose invalidation commands carry a page size: a page of a
 * different size, or one that would leave a gap, first flushes what was
 * gathered so far.
 */
static inline void iommu_iotlb_gather_add_page(struct iommu_domain *domain,
					       struct iommu_iotlb_gather *gather,
					       unsigned long iova, size_t size)
{
	bool must_flush = iommu_iotlb_gather_is_disjoint(gather, iova, size);

	/* A gather holds pages of a single size only. */
	if (gather->pgsize && gather->pgsize != size)
		must_flush = true;
	if (must_flush)
		iommu_iotlb_sync(domain, gather);

	iommu_iotlb_gather_add_range(gather, iova, size);
	gather->pgsize = size;
}

/**
 * iommu_iotlb_gather_queued() - will a flush queue do the invalidation?
 * @gather: the gather, may be NULL
 *
 * Return: true if the caller will flush everything later anyway.
 */
static inline bool iommu_iotlb_gather_queued(struct iommu_iotlb_gather *gather)
{
	if (!gather)
		return false;
	return gather->queued;
}

/**
 * iommu_dirty_bitmap_init() - prepare a dirty bitmap report
 * @dirty: the report to set up
 * @bitmap: IOVA bitmap to record into, may be NULL
 * @gather: gather for the invalidation the clearing needs, may be NULL
 */
static inline void iommu_dirty_bitmap_init(struct iommu_dirty_bitmap *dirty,
					   struct iova_bitmap *bitmap,
					   struct iommu_iotlb_gather *gather)
{
	dirty->gather = gather;
	dirty->bitmap = bitmap;
	if (!gather)
		return;
	iommu_iotlb_gather_init(gather);
}

/**
 * iommu_dirty_bitmap_record() - record a dirty range
 * @dirty: the report
 * @iova: start of the dirty range
 * @length: its length
 *
 * Sets the bits in the bitmap and adds the range to the gather so the
 * cleared dirty bits get invalidated.
 */
static inline void iommu_dirty_bitmap_record(struct iommu_dirty_bitmap *dirty,
					     unsigned long iova,
					     unsigned long length)
{
	struct iommu_iotlb_gather *flush = dirty->gather;
	struct iova_bitmap *bits = dirty->bitmap;

	/* Clearing the dirty bits needs an IOTLB flush of the same range. */
	if (flush)
		iommu_iotlb_gather_add_range(flush, iova, length);
	if (bits)
		iova_bitmap_set(bits, iova, length);
}

/* device_group callbacks provided by the core */
struct iommu_group *pci_device_group(struct device *dev);
struct iommu_group *generic_device_group(struct device *dev);
struct iommu_group *generic_single_device_group(struct device *dev);

/**
 * struct iommu_fwspec - firmware description of a device's IOMMU
 * @iommu_fwnode: firmware node of the IOMMU instance
 * @flags: IOMMU_FWSPEC_* bits
 * @num_ids: number of entries in @ids
 * @ids: the IDs (stream IDs, requester IDs, ...) the device presents
 *
 * Private to the IOMMU driver; other code must not interpret it.
 */
struct iommu_fwspec {
	struct fwnode_handle	*iommu_fwnode;
	u32			flags;
	unsigned int		num_ids;
	u32			ids[];
};

/* The root complex supports ATS for this device */
#define IOMMU_FWSPEC_PCI_RC_ATS			BIT(0)

/**
 * struct iommu_attach_handle - a domain attached to a RID or a PASID
 * @domain: the attached domain (set by the core on attach)
 *
 * Whoever manages the domain (SVA, iommufd) embeds the handle in its own
 * structure and passes it to the attach call; the group's PASID array holds
 * it for as long as the attachment lasts.
 */
struct iommu_attach_handle {
	struct iommu_domain		*domain;
};

/**
 * struct iommu_sva - a bond between a device and a process address space
 * @handle: the attach handle of the device's PASID
 * @dev: the bound device
 * @users: how many times the same (device, mm) pair has been bound
 */
struct iommu_sva {
	struct iommu_attach_handle	handle;
	struct device			*dev;
	refcount_t			users;
};

/**
 * struct iommu_mm_data - IOMMU state of a process address space
 * @pasid: the PASID of the mm, the same on every device, kept until the
 *         mm goes away
 * @sva_domains: SVA domains sharing this mm, one per driver/instance kind
 */
struct iommu_mm_data {
	u32			pasid;
	struct list_head	sva_domains;
};

int iommu_fwspec_init(struct device *dev, struct fwnode_handle *iommu_fwnode);
void iommu_fwspec_free(struct device *dev);
int iommu_fwspec_add_ids(struct device *dev, const u32 *ids, int num_ids);

/**
 * dev_iommu_fwspec_get() - a device's fwspec
 * @dev: the device
 *
 * Return: the fwspec, or NULL if the device has none.
 */
static inline struct iommu_fwspec *dev_iommu_fwspec_get(struct device *dev)
{
	struct dev_iommu *param = dev->iommu;

	return param ? param->fwspec : NULL;
}

/**
 * dev_iommu_fwspec_set() - replace a device's fwspec pointer
 * @dev: the device; dev->iommu must exist
 * @fwspec: the new fwspec
 */
static inline void dev_iommu_fwspec_set(struct device *dev,
					struct iommu_fwspec *fwspec)
{
	struct dev_iommu *param = dev->iommu;

	param->fwspec = fwspec;
}

/**
 * dev_iommu_priv_get() - driver-private data of a client device
 * @dev: the device
 *
 * Return: the pointer set with dev_iommu_priv_set(), or NULL.
 */
static inline void *dev_iommu_priv_get(struct device *dev)
{
	struct dev_iommu *param = dev->iommu;

	if (!param)
		return NULL;
	return param->priv;
}

void dev_iommu_priv_set(struct device *dev, void *priv);

extern struct mutex iommu_probe_device_lock;
int iommu_probe_device(struct device *dev);

int iommu_dev_enable_feature(struct device *dev, enum iommu_dev_features f);
int iommu_dev_disable_feature(struct device *dev, enum iommu_dev_features f);

int iommu_device_use_default_domain(struct device *dev);
void iommu_device_unuse_default_domain(struct device *dev);

int iommu_group_claim_dma_owner(struct iommu_group *group, void *owner);
void iommu_group_release_dma_owner(struct iommu_group *group);
bool iommu_group_dma_owner_claimed(struct iommu_group *group);

int iommu_device_claim_dma_owner(struct device *dev, void *owner);
void iommu_device_release_dma_owner(struct device *dev);

int iommu_attach_device_pasid(struct iommu_domain *domain,
			      struct device *dev, ioasid_t pasid,
			      struct iommu_attach_handle *handle);
void iommu_detach_device_pasid(struct iommu_domain *domain,
			       struct device *dev, ioasid_t pasid);
ioasid_t iommu_alloc_global_pasid(struct device *dev);
void iommu_free_global_pasid(ioasid_t pasid);

void iommu_group_mutex_assert(struct device *dev);

#else /* CONFIG_IOMMU_API */
struct iommu_ops {};
struct iommu_group {};
struct iommu_fwspec {};
struct iommu_device {};
struct iommu_fault_param {};
struct iommu_iotlb_gather {};
struct iommu_dirty_bitmap {};
struct iommu_dirty_ops {};

/* Calls without a result have nothing to do. */
static inline void iommu_group_mutex_assert(struct device *dev)
{
}

static inline void iommu_free_global_pasid(ioasid_t pasid)
{
}

static inline void iommu_detach_device_pasid(struct iommu_domain *domain,
					     struct device *dev, ioasid_t pasid)
{
}

static inline void iommu_device_release_dma_owner(struct device *dev)
{
}

static inline void iommu_device_unuse_default_domain(struct device *dev)
{
}

static inline void iommu_group_put(struct iommu_group *group)
{
}

static inline void iommu_detach_group(struct iommu_domain *domain,
				      struct iommu_group *group)
{
}

static inline void iommu_put_resv_regions(struct device *dev,
					  struct list_head *list)
{
}

static inline void iommu_get_resv_regions(struct device *dev,
					  struct list_head *list)
{
}

static inline void iommu_detach_device(struct iommu_domain *domain,
				       struct device *dev)
{
}

static inline void iommu_domain_free(struct iommu_domain *domain)
{
}

/* Operations that need an IOMMU fail with -ENODEV. */
static inline int iommu_attach_device_pasid(struct iommu_domain *domain,
					    struct device *dev, ioasid_t pasid,
					    struct iommu_attach_handle *handle)
{
	return -ENODEV;
}

static inline int iommu_device_claim_dma_owner(struct device *dev, void *owner)
{
	return -ENODEV;
}

static inline int iommu_fwspec_init(struct device *dev,
				    struct fwnode_handle *iommu_fwnode)
{
	return -ENODEV;
}

static inline int iommu_group_id(struct iommu_group *group)
{
	return -ENODEV;
}

static inline int iommu_attach_group(struct iommu_domain *domain,
				     struct iommu_group *group)
{
	return -ENODEV;
}

static inline ssize_t iommu_map_sg(struct iommu_domain *domain,
				   unsigned long iova, struct scatterlist *sg,
				   unsigned int nents, int prot, gfp_t gfp)
{
	return -ENODEV;
}

static inline int iommu_map(struct iommu_domain *domain, unsigned long iova,
			    phys_addr_t paddr, size_t size, int prot, gfp_t gfp)
{
	return -ENODEV;
}

static inline int iommu_attach_device(struct iommu_domain *domain,
				      struct device *dev)
{
	return -ENODEV;
}

/* Allocators that report errors by pointer. */
static inline struct iommu_domain *iommu_paging_domain_alloc(struct device *dev)
{
	return ERR_PTR(-ENODEV);
}

/* Lookups find nothing. */
static inline struct iommu_fwspec *dev_iommu_fwspec_get(struct device *dev)
{
	return NULL;
}

static inline struct iommu_group *iommu_group_get(struct device *dev)
{
	return NULL;
}

static inline struct iommu_domain *iommu_get_domain_for_dev(struct device *dev)
{
	return NULL;
}

static inline struct iommu_domain *iommu_domain_alloc(const struct bus_type *bus)
{
	return NULL;
}

/* No IOMMU means no capabilities. */
static inline bool device_iommu_capable(struct device *dev, enum iommu_cap cap)
{
	return false;
}

static inline bool iommu_present(const struct bus_type *bus)
{
	return false;
}

/* Without translation every device is effectively passthrough. */
static inline bool iommu_default_passthrough(void)
{
	return true;
}

/* Nothing mapped, nothing translated, nothing to claim. */
static inline int iommu_device_use_default_domain(struct device *dev)
{
	return 0;
}

static inline phys_addr_t iommu_iova_to_phys(struct iommu_domain *domain,
					     dma_addr_t iova)
{
	return 0;
}

static inline size_t iommu_unmap(struct iommu_domain *domain,
				 unsigned long iova, size_t size)
{
	return 0;
}

/* No PASID can be handed out. */
static inline ioasid_t iommu_alloc_global_pasid(struct device *dev)
{
	return IOMMU_PASID_INVALID;
}
#endif /* CONFIG_IOMMU_API */

/**
 * iommu_map_sgtable() - map a scatter-gather table at an IOVA
 * @domain: the domain
 * @iova: where the mapping starts
 * @sgt: the buffer
 * @prot: IOMMU_READ/IOMMU_WRITE/... bits
 *
 * Return: bytes mapped, or a negative errno.
 */
static inline ssize_t iommu_map_sgtable(struct iommu_domain *domain,
					unsigned long iova,
					struct sg_table *sgt, int prot)
{
	unsigned int count = sgt->orig_nents;
	struct scatterlist *first = sgt->sgl;

	return iommu_map_sg(domain, iova, first, count, prot, GFP_KERNEL);
}

/**
 * iommu_debugfs_setup() - create the IOMMU debugfs directory
 *
 * There is no debugfs support in this tree; this does nothing.
 */
static inline void iommu_debugfs_setup(void) {}

#ifdef CONFIG_IOMMU_DMA
int iommu_get_msi_cookie(struct iommu_domain *domain, dma_addr_t base);
#else
static inline int iommu_get_msi_cookie(struct iommu_domain *domain,
				       dma_addr_t base)
{
	return -ENODEV;
}
#endif /* CONFIG_IOMMU_DMA */

#ifdef CONFIG_IOMMU_MM_DATA
#include <linux/mm_types.h>

/**
 * mm_pasid_init() - clear the IOMMU state of a new mm
 * @mm: an mm just copied from its parent
 *
 * A forked mm starts as a byte copy of its parent; it must not share the
 * parent's &struct iommu_mm_data.
 */
static inline void mm_pasid_init(struct mm_struct *mm)
{
	mm->iommu_mm = NULL;
}

/**
 * mm_valid_pasid() - has the mm been given a PASID?
 * @mm: the mm
 *
 * Return: true once an SVA bind has assigned the mm a PASID.
 */
static inline bool mm_valid_pasid(struct mm_struct *mm)
{
	struct iommu_mm_data *data = READ_ONCE(mm->iommu_mm);

	return data;
}

/**
 * mm_get_enqcmd_pasid() - the PASID of an mm
 * @mm: the mm
 *
 * Return: the PASID, or IOMMU_PASID_INVALID if the mm has none.
 */
static inline u32 mm_get_enqcmd_pasid(struct mm_struct *mm)
{
	struct iommu_mm_data *data = READ_ONCE(mm->iommu_mm);

	if (!data)
		return IOMMU_PASID_INVALID;
	return data->pasid;
}

void mm_pasid_drop(struct mm_struct *mm);
struct iommu_sva *iommu_sva_bind_device(struct device *dev,
					struct mm_struct *mm);
void iommu_sva_unbind_device(struct iommu_sva *handle);
u32 iommu_sva_get_pasid(struct iommu_sva *handle);
#else

/* Nothing to release: no mm or handle ever gets IOMMU state. */
static inline void mm_pasid_drop(struct mm_struct *mm) {}

static inline void iommu_sva_unbind_device(struct iommu_sva *handle)
{
}

/* No mm has a PASID. */
static inline void mm_pasid_init(struct mm_struct *mm) {}
static inline bool mm_valid_pasid(struct mm_struct *mm) { return false; }

static inline u32 mm_get_enqcmd_pasid(struct mm_struct *mm)
{
	return IOMMU_PASID_INVALID;
}

/* No PASID to report. */
static inline u32 iommu_sva_get_pasid(struct iommu_sva *handle)
{
	return IOMMU_PASID_INVALID;
}

/* SVA binding is unavailable. */
static inline struct iommu_sva *
iommu_sva_bind_device(struct device *dev, struct mm_struct *mm)
{
	return ERR_PTR(-ENODEV);
}
#endif /* CONFIG_IOMMU_MM_DATA */

#ifdef CONFIG_IOMMU_IOPF
int iopf_queue_add_device(struct iopf_queue *queue, struct device *dev);
void iopf_queue_remove_device(struct iopf_queue *queue, struct device *dev);
int iopf_queue_flush_dev(struct device *dev);
struct iopf_queue *iopf_queue_alloc(const char *name);
void iopf_queue_free(struct iopf_queue *queue);
int iopf_queue_discard_partial(struct iopf_queue *queue);
void iopf_free_group(struct iopf_group *group);
int iommu_report_device_fault(struct device *dev, struct iopf_fault *evt);
void iopf_group_response(struct iopf_group *group,
			 enum iommu_page_response_code status);
void iopf_group_dequeue(struct iopf_group *group);
#else

/* Without IOPF support there is no queue to manage or respond on. */
static inline void iopf_group_dequeue(struct iopf_group *group)
{
}

static inline void iopf_group_response(struct iopf_group *group,
				       enum iommu_page_response_code status)
{
}

static inline void iopf_free_group(struct iopf_group *group)
{
}

static inline void iopf_queue_free(struct iopf_queue *queue)
{
}

static inline void
iopf_queue_remove_device(struct iopf_queue *queue, struct device *dev)
{
}

/* No queue can be created. */
static inline struct iopf_queue *iopf_queue_alloc(const char *name)
{
	return NULL;
}

/* Fault reporting and queue membership are unavailable. */
static inline int
iommu_report_device_fault(struct device *dev, struct iopf_fault *evt)
{
	return -ENODEV;
}

static inline int iopf_queue_discard_partial(struct iopf_queue *queue)
{
	return -ENODEV;
}

static inline int iopf_queue_flush_dev(struct device *dev)
{
	return -ENODEV;
}

static inline int
iopf_queue_add_device(struct iopf_queue *queue, struct device *dev)
{
	return -ENODEV;
}
#endif /* CONFIG_IOMMU_IOPF */
#endif /* __LINUX_IOMMU_H */
