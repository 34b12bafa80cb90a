/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A configurable mock IOMMU driver for the KUnit suites of the IOMMU core.
 *
 * Each test creates its own instances (mock_iommu_create()) and devices
 * served by them (mock_dev_create()). An instance is a real IOMMU driver as
 * far as the core is concerned: it is registered with the core, owns a
 * firmware node that client devices point at through their fwspec, and
 * implements &struct iommu_ops and &struct iommu_domain_ops. Which ops exist
 * is chosen per instance (&struct mock_iommu_config), so one test can model
 * a modern driver with static identity and blocked domains while another
 * models a legacy driver with only domain_alloc().
 *
 * Every driver op is logged (&struct mock_call) so tests can assert which
 * ops ran, in which order, with which arguments, and any op can be made to
 * fail with any errno (mock_iommu_fail()), also only on its n-th call, for
 * one device or for one domain.
 *
 * Paging domains keep their mappings in an xarray indexed by IOVA page
 * rather than a real page table, but follow the page table contract: page
 * sizes from the bitmap only, -EEXIST on overlap, unmap returns the bytes
 * removed (0 at a hole) and records invalidations in the gather.
 *
 * Client devices live on a bus of the mock's own ("iommu-mock"), so that
 * the core follows them through its bus notifier: unregistering a device
 * releases it from its group exactly as on a real bus.
 */
#ifndef __IOMMU_MOCK_H
#define __IOMMU_MOCK_H

#include <linux/device.h>
#include <linux/fwnode.h>
#include <linux/iommu.h>
#include <linux/list.h>
#include <linux/notifier.h>
#include <linux/pci.h>
#include <linux/property.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/xarray.h>
#include <kunit/test.h>

struct mm_struct;
struct mock_iommu;

/**
 * enum mock_op - the driver operations the mock logs and can fail
 * @MOCK_OP_CAPABLE: &iommu_ops.capable
 * @MOCK_OP_DOMAIN_ALLOC: &iommu_ops.domain_alloc (legacy)
 * @MOCK_OP_DOMAIN_ALLOC_PAGING: &iommu_ops.domain_alloc_paging
 * @MOCK_OP_DOMAIN_ALLOC_IDENTITY: &iommu_ops.domain_alloc_identity
 * @MOCK_OP_DOMAIN_ALLOC_SVA: &iommu_ops.domain_alloc_sva
 * @MOCK_OP_DOMAIN_ALLOC_USER: &iommu_ops.domain_alloc_user
 * @MOCK_OP_PROBE_DEVICE: &iommu_ops.probe_device
 * @MOCK_OP_RELEASE_DEVICE: &iommu_ops.release_device
 * @MOCK_OP_PROBE_FINALIZE: &iommu_ops.probe_finalize
 * @MOCK_OP_DEVICE_GROUP: &iommu_ops.device_group
 * @MOCK_OP_GET_RESV_REGIONS: &iommu_ops.get_resv_regions
 * @MOCK_OP_IS_ATTACH_DEFERRED: &iommu_ops.is_attach_deferred
 * @MOCK_OP_DEV_ENABLE_FEAT: &iommu_ops.dev_enable_feat
 * @MOCK_OP_DEV_DISABLE_FEAT: &iommu_ops.dev_disable_feat
 * @MOCK_OP_PAGE_RESPONSE: &iommu_ops.page_response
 * @MOCK_OP_DEF_DOMAIN_TYPE: &iommu_ops.def_domain_type
 * @MOCK_OP_REMOVE_DEV_PASID: &iommu_ops.remove_dev_pasid
 * @MOCK_OP_ATTACH_DEV: &iommu_domain_ops.attach_dev
 * @MOCK_OP_SET_DEV_PASID: &iommu_domain_ops.set_dev_pasid
 * @MOCK_OP_MAP_PAGES: &iommu_domain_ops.map_pages
 * @MOCK_OP_UNMAP_PAGES: &iommu_domain_ops.unmap_pages
 * @MOCK_OP_FLUSH_IOTLB_ALL: &iommu_domain_ops.flush_iotlb_all
 * @MOCK_OP_IOTLB_SYNC_MAP: &iommu_domain_ops.iotlb_sync_map
 * @MOCK_OP_IOTLB_SYNC: &iommu_domain_ops.iotlb_sync
 * @MOCK_OP_IOVA_TO_PHYS: &iommu_domain_ops.iova_to_phys
 * @MOCK_OP_ENFORCE_CACHE_COHERENCY: &iommu_domain_ops.enforce_cache_coherency
 * @MOCK_OP_ENABLE_NESTING: &iommu_domain_ops.enable_nesting
 * @MOCK_OP_SET_PGTABLE_QUIRKS: &iommu_domain_ops.set_pgtable_quirks
 * @MOCK_OP_FREE: &iommu_domain_ops.free
 * @MOCK_OP_NR: number of operations
 */
enum mock_op {
	MOCK_OP_CAPABLE,
	MOCK_OP_DOMAIN_ALLOC,
	MOCK_OP_DOMAIN_ALLOC_PAGING,
	MOCK_OP_DOMAIN_ALLOC_IDENTITY,
	MOCK_OP_DOMAIN_ALLOC_SVA,
	MOCK_OP_DOMAIN_ALLOC_USER,
	MOCK_OP_PROBE_DEVICE,
	MOCK_OP_RELEASE_DEVICE,
	MOCK_OP_PROBE_FINALIZE,
	MOCK_OP_DEVICE_GROUP,
	MOCK_OP_GET_RESV_REGIONS,
	MOCK_OP_IS_ATTACH_DEFERRED,
	MOCK_OP_DEV_ENABLE_FEAT,
	MOCK_OP_DEV_DISABLE_FEAT,
	MOCK_OP_PAGE_RESPONSE,
	MOCK_OP_DEF_DOMAIN_TYPE,
	MOCK_OP_REMOVE_DEV_PASID,
	MOCK_OP_ATTACH_DEV,
	MOCK_OP_SET_DEV_PASID,
	MOCK_OP_MAP_PAGES,
	MOCK_OP_UNMAP_PAGES,
	MOCK_OP_FLUSH_IOTLB_ALL,
	MOCK_OP_IOTLB_SYNC_MAP,
	MOCK_OP_IOTLB_SYNC,
	MOCK_OP_IOVA_TO_PHYS,
	MOCK_OP_ENFORCE_CACHE_COHERENCY,
	MOCK_OP_ENABLE_NESTING,
	MOCK_OP_SET_PGTABLE_QUIRKS,
	MOCK_OP_FREE,
	MOCK_OP_NR,
};

/**
 * enum mock_identity_mode - how an instance offers identity domains
 * @MOCK_IDENTITY_DEFAULT: as the base configuration says (static for
 *	&mock_iommu_config.modern, none otherwise)
 * @MOCK_IDENTITY_NONE: not at all; identity requests get -EOPNOTSUPP
 * @MOCK_IDENTITY_STATIC: a static &iommu_ops.identity_domain
 * @MOCK_IDENTITY_PER_DEVICE: &iommu_ops.domain_alloc_identity, refused for
 *	devices created with MOCK_DEV_NO_IDENTITY
 * @MOCK_IDENTITY_LEGACY: domain_alloc(IOMMU_DOMAIN_IDENTITY)
 */
enum mock_identity_mode {
	MOCK_IDENTITY_DEFAULT,
	MOCK_IDENTITY_NONE,
	MOCK_IDENTITY_STATIC,
	MOCK_IDENTITY_PER_DEVICE,
	MOCK_IDENTITY_LEGACY,
};

/**
 * enum mock_blocked_mode - how an instance offers blocking domains
 * @MOCK_BLOCKED_DEFAULT: as the base configuration says (static for
 *	&mock_iommu_config.modern, none otherwise)
 * @MOCK_BLOCKED_NONE: not at all (the core falls back to an empty paging
 *	domain when it needs one)
 * @MOCK_BLOCKED_STATIC: a static &iommu_ops.blocked_domain
 * @MOCK_BLOCKED_LEGACY: domain_alloc(IOMMU_DOMAIN_BLOCKED)
 */
enum mock_blocked_mode {
	MOCK_BLOCKED_DEFAULT,
	MOCK_BLOCKED_NONE,
	MOCK_BLOCKED_STATIC,
	MOCK_BLOCKED_LEGACY,
};

/**
 * enum mock_group_mode - how device_group() groups devices
 * @MOCK_GROUP_GENERIC: generic_device_group(): one group per device
 * @MOCK_GROUP_SINGLE: generic_single_device_group(): one group per instance
 *
 * Whatever the mode, PCI devices go through pci_device_group(), and a
 * device created with &mock_dev_config.group_with joins that device's group.
 */
enum mock_group_mode {
	MOCK_GROUP_GENERIC,
	MOCK_GROUP_SINGLE,
};

/**
 * struct mock_iommu_config - what a mock IOMMU instance looks like
 * @name: instance name (the &iommu_device.dev name that core messages use);
 *	NULL picks "mock-iommu<N>"
 * @modern: start from a fully featured modern driver: static identity and
 *	blocked domains, domain_alloc_paging, SVA, PASIDs (2^20), page
 *	responses with an iopf queue, device features, capabilities (cache
 *	coherency, deferred flush), reserved regions and def_domain_type.
 *	Other fields add to that; @without takes parts away.
 * @without: MOCK_WITHOUT_* parts of the @modern set to leave out
 * @identity: how identity domains are offered
 * @blocked: how blocking domains are offered
 * @paging: provide &iommu_ops.domain_alloc_paging
 * @legacy_paging: domain_alloc() serves UNMANAGED and DMA requests
 * @sva: provide &iommu_ops.domain_alloc_sva
 * @legacy_sva: domain_alloc() serves SVA requests
 * @user_alloc: provide &iommu_ops.domain_alloc_user (iommufd-style
 *	allocation: paging without a parent, NESTED with one)
 * @release_domain: set &iommu_ops.release_domain to a static blocking domain
 * @default_domain: 0, or IOMMU_DOMAIN_IDENTITY, IOMMU_DOMAIN_BLOCKED or
 *	IOMMU_DOMAIN_PLATFORM: set &iommu_ops.default_domain to a static domain
 *	of that type (legacy drivers)
 * @def_domain_type: provide &iommu_ops.def_domain_type, answering each
 *	device's &mock_dev_config.def_domain_type
 * @pasid: paging and nested domains get set_dev_pasid and the ops get
 *	remove_dev_pasid (SVA domains always have set_dev_pasid)
 * @page_response: provide &iommu_ops.page_response
 * @dev_feat: provide dev_enable_feat/dev_disable_feat (IOPF before SVA)
 * @iopf_queue: allocate an iopf queue for the instance; enabling
 *	IOMMU_DEV_FEAT_IOPF adds the device to it, as drivers do
 * @user_pasid_table: set &iommu_ops.user_pasid_table
 * @attach_deferred: provide &iommu_ops.is_attach_deferred, answering each
 *	device's MOCK_DEV_ATTACH_DEFERRED flag
 * @probe_finalize: provide &iommu_ops.probe_finalize
 * @resv_regions: provide &iommu_ops.get_resv_regions, reporting each
 *	device's &mock_dev_config.resv
 * @capable: provide &iommu_ops.capable, answering from @caps
 * @caps: BIT(cap) for every &enum iommu_cap the instance has; 0 means the
 *	base default
 * @nesting: paging domains get enable_nesting and set_pgtable_quirks
 * @no_iotlb_sync_map: paging domains have no iotlb_sync_map
 * @no_iotlb_sync: paging domains have no iotlb_sync
 * @use_default_domain_ops: allocators leave &iommu_domain.ops NULL so the
 *	core fills it from &iommu_ops.default_domain_ops
 * @leave_pgsize_zero: allocators leave &iommu_domain.pgsize_bitmap 0 so
 *	the core fills it from &iommu_ops.pgsize_bitmap
 * @pgsize_bitmap: page sizes; 0 means SZ_4K | SZ_2M | SZ_1G
 * @aperture_end: last mappable IOVA of paging domains; 0 means 2^48 - 1
 * @max_pasids: &iommu_device.max_pasids of the instance; 0 means the base
 *	default
 * @group: how device_group() groups devices
 * @share_ops_with: another instance whose &iommu_ops this one uses: the
 *	two are instances of the same driver (domain owners match), but each
 *	refuses the other's paging domains with -EINVAL, like hardware with
 *	per-instance page table formats
 */
struct mock_iommu_config {
	const char *name;
	bool modern;
	unsigned long without;
	enum mock_identity_mode identity;
	enum mock_blocked_mode blocked;
	bool paging;
	bool legacy_paging;
	bool sva;
	bool legacy_sva;
	bool user_alloc;
	bool release_domain;
	unsigned int default_domain;
	bool def_domain_type;
	bool pasid;
	bool page_response;
	bool dev_feat;
	bool iopf_queue;
	bool user_pasid_table;
	bool attach_deferred;
	bool probe_finalize;
	bool resv_regions;
	bool capable;
	unsigned long caps;
	bool nesting;
	bool no_iotlb_sync_map;
	bool no_iotlb_sync;
	bool use_default_domain_ops;
	bool leave_pgsize_zero;
	unsigned long pgsize_bitmap;
	dma_addr_t aperture_end;
	u32 max_pasids;
	enum mock_group_mode group;
	struct mock_iommu *share_ops_with;
};

/* Parts of the modern set (&mock_iommu_config.without) */
#define MOCK_WITHOUT_SVA		BIT(0)
#define MOCK_WITHOUT_PASID		BIT(1)
#define MOCK_WITHOUT_DEV_FEAT		BIT(2)
#define MOCK_WITHOUT_PAGE_RESPONSE	BIT(3)
#define MOCK_WITHOUT_CAPABLE		BIT(4)

/* Initialiser of a &struct mock_iommu_config for a modern driver */
#define MOCK_IOMMU_MODERN .modern = true

/*
 * Special "errno" for mock_iommu_fail() on ops returning a pointer: return
 * NULL instead of an ERR_PTR.
 */
#define MOCK_FAIL_NULL 1

/**
 * struct mock_call - one logged driver operation
 * @seq: global sequence number, increasing across all instances
 * @op: which operation
 * @inst: the instance that served it
 * @dev: the device, or NULL
 * @domain: the domain, or NULL
 * @type: domain type (allocations), feature (dev_*_feat), capability
 *	(capable) or response code (page_response)
 * @pasid: PASID (set_dev_pasid, remove_dev_pasid, page_response)
 * @iova: IOVA (map/unmap/iotlb_sync_map/iova_to_phys; the gather start for
 *	iotlb_sync)
 * @paddr: physical address (map_pages)
 * @pgsize: page size (map/unmap pages; the gather pgsize for iotlb_sync)
 * @count: page count (map/unmap pages), byte size (iotlb_sync_map; the
 *	gather end for iotlb_sync) or group id (page_response)
 * @prot: IOMMU_* protection bits (map_pages)
 * @ret: the value returned (errno, byte count, or 0/1 for booleans)
 * @injected: the failure was injected with mock_iommu_fail()
 */
struct mock_call {
	u64 seq;
	enum mock_op op;
	struct mock_iommu *inst;
	struct device *dev;
	struct iommu_domain *domain;
	unsigned int type;
	ioasid_t pasid;
	unsigned long iova;
	phys_addr_t paddr;
	size_t pgsize;
	size_t count;
	int prot;
	long ret;
	bool injected;
};

/**
 * struct mock_fault - an injected failure of one operation
 * @err: the errno to return (or MOCK_FAIL_NULL); 0 means disarmed
 * @nth: fail only the nth matching call from arming (then disarm); 0 fails
 *	every matching call until mock_iommu_fail_clear()
 * @seen: matching calls so far
 * @dev: only calls for this device match; NULL matches any
 * @domain: only calls for this domain match; NULL matches any
 * @partial: map_pages only: pages mapped before the failure
 * @fired: how many times the failure was injected
 */
struct mock_fault {
	int err;
	unsigned int nth;
	unsigned int seen;
	struct device *dev;
	struct iommu_domain *domain;
	unsigned int partial;
	unsigned int fired;
};

/* Size of each instance's call log ring */
#define MOCK_LOG_SIZE 1024

/**
 * struct mock_iommu - a mock IOMMU instance
 * @iommu: the core's view of the instance
 * @ops: this instance's driver ops (see &mock_iommu_config.share_ops_with)
 * @cfg: the configuration it was created with
 * @test: the test that owns it
 * @fwnode: firmware node client fwspecs point at
 * @hwdev: the instance's own (hardware) device, carrying @fwnode
 * @nb: bus notifier storage for iommu_device_register_bus()
 * @slot: index used by the legacy allocator trampolines
 * @paging_ops: ops of paging domains
 * @static_ops: ops of the static identity, blocked and default domains
 * @identity_ops: ops of allocated identity and blocked domains
 * @sva_ops: ops of SVA domains
 * @nested_ops: ops of NESTED domains
 * @identity: static identity domain storage
 * @blocked: static blocked domain storage
 * @release: static release domain storage
 * @fixed_default: static &iommu_ops.default_domain storage
 * @iopf_queue: the instance's fault queue, if configured
 * @lock: protects the lists, the log and the faults below
 * @devices: &struct mock_dev of this instance
 * @domains: &struct mock_domain allocated (not static) and not yet freed
 * @log: ring of logged calls
 * @log_len: total calls logged since the last mock_iommu_log_clear()
 * @counts: per-operation call counts since the last clear
 * @faults: per-operation injected failures
 * @violations: contract violations seen by the mock (core or test bugs)
 * @domains_allocated: domains handed out by the allocators
 * @domains_freed: domains freed through the free op
 */
struct mock_iommu {
	struct iommu_device iommu;
	struct iommu_ops ops;
	struct mock_iommu_config cfg;
	struct kunit *test;
	struct fwnode_handle fwnode;
	struct device hwdev;
	struct notifier_block nb;
	int slot;

	struct iommu_domain_ops paging_ops;
	struct iommu_domain_ops static_ops;
	struct iommu_domain_ops identity_ops;
	struct iommu_domain_ops sva_ops;
	struct iommu_domain_ops nested_ops;

	struct mock_domain *identity;
	struct mock_domain *blocked;
	struct mock_domain *release;
	struct mock_domain *fixed_default;

	struct iopf_queue *iopf_queue;

	spinlock_t lock;	/* the lists, the log and the faults */
	struct list_head devices;
	struct list_head domains;
	struct mock_call *log;
	unsigned int log_len;
	unsigned int counts[MOCK_OP_NR];
	struct mock_fault faults[MOCK_OP_NR];
	unsigned int violations;
	unsigned int domains_allocated;
	unsigned int domains_freed;
};

/**
 * struct mock_domain - a domain of the mock driver
 * @domain: the core's view
 * @inst: the instance that allocated it
 * @alloc_type: the type the driver was asked for (0 when not told)
 * @alloc_dev: the device it was allocated for, or NULL
 * @is_static: one of the instance's static domains
 * @node: entry in &mock_iommu.domains
 * @pages: mappings: index is the IOVA in units of the smallest page size,
 *	value (xa_mk_value) packs the physical page number and the page order
 * @parent: the parent of a NESTED domain
 * @nesting_enabled: enable_nesting() succeeded
 * @quirks: last value given to set_pgtable_quirks()
 * @coherent: enforce_cache_coherency() succeeded
 */
struct mock_domain {
	struct iommu_domain domain;
	struct mock_iommu *inst;
	unsigned int alloc_type;
	struct device *alloc_dev;
	bool is_static;
	struct list_head node;
	struct xarray pages;
	struct mock_domain *parent;
	bool nesting_enabled;
	unsigned long quirks;
	bool coherent;
};

/**
 * struct mock_resv - a reserved region a mock device reports
 * @start: first address
 * @length: length in bytes
 * @prot: IOMMU_* protection
 * @type: &enum iommu_resv_type
 */
struct mock_resv {
	phys_addr_t start;
	size_t length;
	int prot;
	enum iommu_resv_type type;
};

/* Flags for mock_dev_create() and &mock_dev_config.flags */
/* domain_alloc_identity() refuses this device */
#define MOCK_DEV_NO_IDENTITY		BIT(0)
/* is_attach_deferred() says yes for this device */
#define MOCK_DEV_ATTACH_DEFERRED	BIT(1)
/* def_domain_type() answers IOMMU_DOMAIN_IDENTITY */
#define MOCK_DEV_WANT_IDENTITY		BIT(2)
/* def_domain_type() answers IOMMU_DOMAIN_DMA */
#define MOCK_DEV_WANT_DMA		BIT(3)
/* the device has a "pasid-num-bits" property of 20 */
#define MOCK_DEV_PASID			BIT(4)
/* probe_device() refuses the device with -ENODEV ("not mine") */
#define MOCK_DEV_NOT_MINE		BIT(5)
/* create the device with a fwspec but do not probe it or add it */
#define MOCK_DEV_NO_PROBE		BIT(6)
/*
 * put the device on the bus with a fwspec but unprobed, so that the next
 * bus_iommu_probe(mock_iommu_bus()) probes it together with the others
 */
#define MOCK_DEV_BUS_PROBE		BIT(7)

/**
 * struct mock_dev_config - a mock client device
 * @name: device name
 * @flags: MOCK_DEV_* flags
 * @def_domain_type: answer of def_domain_type() (overrides the WANT flags
 *	when non-zero)
 * @identity_errno: error domain_alloc_identity() returns for a
 *	MOCK_DEV_NO_IDENTITY device; 0 means -EOPNOTSUPP
 * @pasid_bits: "pasid-num-bits" property; 0 means none (MOCK_DEV_PASID
 *	sets 20)
 * @group_with: join the group of this already probed device
 * @resv: reserved regions reported by get_resv_regions()
 * @nr_resv: number of entries in @resv
 */
struct mock_dev_config {
	const char *name;
	unsigned long flags;
	int def_domain_type;
	int identity_errno;
	u32 pasid_bits;
	struct device *group_with;
	const struct mock_resv *resv;
	unsigned int nr_resv;
};

/**
 * struct mock_dev - driver state of a client device
 * @own: the device itself, for devices created by mock_dev_create()
 * @dev: the client device (&own, or a PCI device's)
 * @inst: the serving instance
 * @cfg: configuration (a copy; @cfg.name is not kept)
 * @swnode: software node carrying @props
 * @props: device properties ("pasid-num-bits")
 * @node: entry in &mock_iommu.devices
 * @probed: probe_device() accepted the device and release_device() has not
 *	run yet
 * @added: device_add() was done
 * @adding: device_add() of a probed device is in progress
 * @hold: probe_device() refuses the device (MOCK_DEV_BUS_PROBE set-up)
 * @rid_domain: the domain the "hardware" translates the RID with
 * @pasids: PASID -> domain installed with set_dev_pasid()
 * @features: enabled &enum iommu_dev_features, as bits
 * @test: the test that created it
 */
struct mock_dev {
	struct device own;
	struct device *dev;
	struct mock_iommu *inst;
	struct mock_dev_config cfg;
	struct software_node swnode;
	struct property_entry props[2];
	struct list_head node;
	bool probed;
	bool added;
	bool adding;
	bool hold;
	struct iommu_domain *rid_domain;
	struct xarray pasids;
	unsigned long features;
	struct kunit *test;
};

/**
 * mock_iommu_bus() - the bus mock client devices live on
 *
 * Return: the bus type.
 */
const struct bus_type *mock_iommu_bus(void);

/**
 * mock_iommu_create() - create and register a mock IOMMU instance
 * @test: the test owning it; the instance is unregistered and freed when
 *	the test ends (after the devices created later, which go first)
 * @cfg: configuration; copied
 *
 * Return: the instance, or an ERR_PTR.
 */
struct mock_iommu *mock_iommu_create(struct kunit *test,
				     const struct mock_iommu_config *cfg);

/**
 * mock_iommu_fwnode() - the firmware node of an instance
 * @inst: the instance
 *
 * Return: the node to pass to iommu_fwspec_init().
 */
struct fwnode_handle *mock_iommu_fwnode(struct mock_iommu *inst);

/**
 * mock_dev_create_cfg() - create a client device and probe it
 * @test: the owning test; the device is unregistered when it ends
 * @inst: the serving instance
 * @cfg: the device's configuration
 *
 * The device gets a fwspec pointing at @inst, is probed with
 * iommu_probe_device() and, if that worked, added to the mock bus (the
 * core's notifier then follows it, and removal releases it).
 *
 * Return: the device; ERR_PTR(probe error) if probing failed (the device
 * is gone again then).
 */
struct device *mock_dev_create_cfg(struct kunit *test, struct mock_iommu *inst,
				   const struct mock_dev_config *cfg);

/**
 * mock_dev_create() - create a client device from a name and flags
 * @test: the owning test
 * @inst: the serving instance
 * @name: the device name
 * @flags: MOCK_DEV_* flags
 *
 * Return: as mock_dev_create_cfg().
 */
struct device *mock_dev_create(struct kunit *test, struct mock_iommu *inst,
			       const char *name, unsigned long flags);

/**
 * mock_dev_create_in_group() - create a device sharing another's group
 * @test: the owning test
 * @inst: the serving instance
 * @name: the device name
 * @flags: MOCK_DEV_* flags
 * @peer: a probed device whose group the new device joins
 *
 * Return: as mock_dev_create_cfg().
 */
struct device *mock_dev_create_in_group(struct kunit *test,
					struct mock_iommu *inst,
					const char *name, unsigned long flags,
					struct device *peer);

/**
 * mock_dev_remove() - unregister a client device now
 * @dev: a device from mock_dev_create*()
 *
 * The core releases it from its group (bus notifier).
 */
void mock_dev_remove(struct device *dev);

/**
 * mock_dev_probe() - probe a device created with MOCK_DEV_NO_PROBE
 * @dev: the device
 *
 * Return: the result of iommu_probe_device(); on success the device is
 * added to the bus.
 */
int mock_dev_probe(struct device *dev);

/**
 * mock_dev_add_to_bus() - add a MOCK_DEV_NO_PROBE device to the bus
 * @dev: the device, not probed yet
 *
 * The core's bus notifier probes it; the result is only visible through
 * the device's group.
 *
 * Return: the result of device_add().
 */
int mock_dev_add_to_bus(struct device *dev);

/**
 * mock_dev_set_flags() - change a device's MOCK_DEV_* flags
 * @dev: a mock device
 * @flags: the new flags
 */
void mock_dev_set_flags(struct device *dev, unsigned long flags);

/**
 * mock_dev_set_def_domain_type() - change a device's def_domain_type answer
 * @dev: a mock device
 * @type: the answer
 */
void mock_dev_set_def_domain_type(struct device *dev, int type);

/**
 * mock_dev_set_resv() - change the reserved regions a device reports
 * @dev: a mock device
 * @resv: the regions (kept by reference)
 * @nr: how many
 */
void mock_dev_set_resv(struct device *dev, const struct mock_resv *resv,
		       unsigned int nr);

/**
 * to_mock_dev() - the mock state of a client device
 * @dev: a device served by some mock instance
 *
 * Return: the state, or NULL if @dev is not a mock client.
 */
struct mock_dev *to_mock_dev(struct device *dev);

/**
 * mock_dev_rid_domain() - the domain the mock hardware uses for a device
 * @dev: a mock client device
 *
 * Return: the domain last attached with attach_dev(), or NULL.
 */
struct iommu_domain *mock_dev_rid_domain(struct device *dev);

/**
 * mock_dev_pasid_domain() - the domain installed on a PASID of a device
 * @dev: a mock client device
 * @pasid: the PASID
 *
 * Return: the domain installed with set_dev_pasid(), or NULL.
 */
struct iommu_domain *mock_dev_pasid_domain(struct device *dev, ioasid_t pasid);

/**
 * mock_dev_features() - the features enabled for a device
 * @dev: a mock client device
 *
 * Return: BIT(feature) for each enabled &enum iommu_dev_features.
 */
unsigned long mock_dev_features(struct device *dev);

/**
 * mock_dev_report_fault() - make a device raise a page request
 * @dev: a mock client device
 * @pasid: the PASID, or IOMMU_NO_PASID for a request without one
 * @grpid: the page request group
 * @addr: the faulting address
 * @last: the request ends its group
 *
 * Return: the result of iommu_report_device_fault().
 */
int mock_dev_report_fault(struct device *dev, ioasid_t pasid, u32 grpid,
			  u64 addr, bool last);

/**
 * mock_iommu_fail() - make an operation fail
 * @inst: the instance
 * @op: the operation
 * @err: negative errno, or MOCK_FAIL_NULL for pointer-returning ops
 * @nth: fail only the nth matching call (1 = the next one), then disarm;
 *	0 fails every matching call until cleared
 * @dev: only calls for this device, or NULL
 * @domain: only calls for this domain, or NULL
 *
 * For boolean ops (capable, is_attach_deferred, enforce_cache_coherency)
 * any non-zero @err makes them return false; for void ops (remove_dev_pasid,
 * page_response, ...) it is only recorded. Arming replaces an earlier
 * failure of the same op.
 */
void mock_iommu_fail(struct mock_iommu *inst, enum mock_op op, int err,
		     unsigned int nth, struct device *dev,
		     struct iommu_domain *domain);

/**
 * mock_iommu_fail_map_partial() - make map_pages fail part way
 * @inst: the instance
 * @err: the errno
 * @nth: which map_pages call (1 = next), 0 for every call
 * @pages: how many pages of the call are mapped (and reported in
 *	*mapped) before it fails
 */
void mock_iommu_fail_map_partial(struct mock_iommu *inst, int err,
				 unsigned int nth, unsigned int pages);

/**
 * mock_iommu_fail_clear() - disarm the failure of an operation
 * @inst: the instance
 * @op: the operation, or MOCK_OP_NR for all of them
 */
void mock_iommu_fail_clear(struct mock_iommu *inst, enum mock_op op);

/**
 * mock_iommu_fired() - how often an armed failure was injected
 * @inst: the instance
 * @op: the operation
 *
 * Return: the count since the failure was armed.
 */
unsigned int mock_iommu_fired(struct mock_iommu *inst, enum mock_op op);

/**
 * mock_iommu_log_clear() - forget the logged calls and counts
 * @inst: the instance
 */
void mock_iommu_log_clear(struct mock_iommu *inst);

/**
 * mock_iommu_count() - how many times an op was called
 * @inst: the instance
 * @op: the operation
 *
 * Return: calls since the last mock_iommu_log_clear().
 */
unsigned int mock_iommu_count(struct mock_iommu *inst, enum mock_op op);

/**
 * mock_iommu_count_for() - calls of an op for one device and/or domain
 * @inst: the instance
 * @op: the operation
 * @dev: the device, or NULL for any
 * @domain: the domain, or NULL for any
 *
 * Only calls still in the log ring are counted.
 *
 * Return: the number of matching logged calls.
 */
unsigned int mock_iommu_count_for(struct mock_iommu *inst, enum mock_op op,
				  struct device *dev,
				  struct iommu_domain *domain);

/**
 * mock_iommu_nr_calls() - number of calls in the log
 * @inst: the instance
 *
 * Return: how many calls mock_iommu_call() can return.
 */
unsigned int mock_iommu_nr_calls(struct mock_iommu *inst);

/**
 * mock_iommu_call() - a logged call
 * @inst: the instance
 * @idx: 0 for the oldest call still logged
 *
 * Return: the call, or NULL if @idx is out of range.
 */
const struct mock_call *mock_iommu_call(struct mock_iommu *inst,
					unsigned int idx);

/**
 * mock_iommu_find_call() - the next logged call of an op
 * @inst: the instance
 * @op: the operation
 * @from: first log index to look at
 *
 * Return: the index of the first call of @op at or after @from, or -1.
 */
int mock_iommu_find_call(struct mock_iommu *inst, enum mock_op op,
			 unsigned int from);

/**
 * mock_iommu_last_call() - the most recent call of an op
 * @inst: the instance
 * @op: the operation
 *
 * Return: the call, or NULL.
 */
const struct mock_call *mock_iommu_last_call(struct mock_iommu *inst,
					     enum mock_op op);

/**
 * mock_iommu_violations() - contract violations the mock noticed
 * @inst: the instance
 *
 * The mock checks what the core asks of it (page sizes and alignment in
 * map_pages, freeing a domain some device still uses, removing a PASID
 * that is not installed, ...). Each violation also fails the current test.
 *
 * Return: the count.
 */
unsigned int mock_iommu_violations(struct mock_iommu *inst);

/**
 * mock_iommu_live_domains() - allocated domains not freed yet
 * @inst: the instance
 *
 * Return: the count.
 */
unsigned int mock_iommu_live_domains(struct mock_iommu *inst);

/**
 * mock_iommu_identity() - the static identity domain of an instance
 * @inst: the instance
 *
 * Return: the domain, or NULL if the instance has none.
 */
struct iommu_domain *mock_iommu_identity(struct mock_iommu *inst);

/**
 * mock_iommu_blocked() - the static blocked domain of an instance
 * @inst: the instance
 *
 * Return: the domain, or NULL if the instance has none.
 */
struct iommu_domain *mock_iommu_blocked(struct mock_iommu *inst);

/**
 * mock_iommu_release_domain() - the static release domain of an instance
 * @inst: the instance
 *
 * Return: the domain, or NULL if the instance has none.
 */
struct iommu_domain *mock_iommu_release_domain(struct mock_iommu *inst);

/**
 * mock_iommu_fixed_default() - the static default domain of an instance
 * @inst: the instance
 *
 * Return: the &iommu_ops.default_domain, or NULL.
 */
struct iommu_domain *mock_iommu_fixed_default(struct mock_iommu *inst);

/**
 * mock_iommu_iopf_queue() - the fault queue of an instance
 * @inst: the instance
 *
 * Return: the queue, or NULL.
 */
struct iopf_queue *mock_iommu_iopf_queue(struct mock_iommu *inst);

/**
 * to_mock_domain() - the mock state of a domain
 * @domain: a domain
 *
 * Return: the mock domain, or NULL if @domain is not the mock's.
 */
struct mock_domain *to_mock_domain(struct iommu_domain *domain);

/**
 * mock_domain_mapped() - bytes mapped in a mock paging domain
 * @domain: the domain
 *
 * Return: the sum of the sizes of all mappings.
 */
size_t mock_domain_mapped(struct iommu_domain *domain);

/**
 * mock_domain_alloc_nested() - allocate a NESTED domain, as iommufd would
 * @inst: the instance
 * @parent: the stage-2 parent, a paging domain of @inst
 *
 * The domain is initialised the way iommufd initialises what
 * domain_alloc_user() returns (owner set).
 *
 * Return: the domain or an ERR_PTR.
 */
struct iommu_domain *mock_domain_alloc_nested(struct mock_iommu *inst,
					      struct iommu_domain *parent);

/**
 * mock_op_name() - the name of an operation
 * @op: the operation
 *
 * Return: a constant string such as "attach_dev".
 */
const char *mock_op_name(enum mock_op op);

/* &mock_pci_fn.type of a conventional PCI function (no PCIe capability) */
#define MOCK_PCI_CONVENTIONAL 0xff

/**
 * struct mock_pci_fn - one function of a mock PCI topology
 * @bus: its bus number
 * @devfn: PCI_DEVFN(slot, function)
 * @type: PCI_EXP_TYPE_* of a PCIe function, or MOCK_PCI_CONVENTIONAL
 * @bridge: a PCI-to-PCI bridge (type 1 header)
 * @secondary: bridges: the bus behind it
 * @subordinate: bridges: the last bus behind it (0: @secondary)
 * @multifunction: the multifunction bit of the header type
 * @acs: an ACS capability with SV, RR, CR and UF, all enabled
 * @pasid_bits: width of a PASID capability; 0 for none
 * @untrusted: mark the function untrusted before the IOMMU probes it
 * @alias_devfn: first devfn on the same bus the function also uses for DMA
 * @nr_aliases: how many DMA alias devfns, from @alias_devfn on
 * @flags: MOCK_DEV_* flags for the IOMMU side
 * @no_iommu: not served by the instance (no fwspec, not probed)
 */
struct mock_pci_fn {
	u8 bus;
	u8 devfn;
	u8 type;
	bool bridge;
	u8 secondary;
	u8 subordinate;
	bool multifunction;
	bool acs;
	u8 pasid_bits;
	bool untrusted;
	u8 alias_devfn;
	u8 nr_aliases;
	unsigned long flags;
	bool no_iommu;
};

struct mock_pci;

/**
 * mock_pci_create() - build a PCI hierarchy served by a mock instance
 * @test: the test; the hierarchy is removed when it ends
 * @inst: the instance serving the functions
 * @fns: the functions, parents before children; the first one's bus is
 *	the root bus
 * @nr: how many
 *
 * A host bridge with configuration space accessors of the mock's own is
 * created and scanned by the PCI core. Then, in table order, every function
 * gets its DMA aliases and untrusted mark, a fwspec pointing at @inst, and
 * is probed with iommu_probe_device() (see mock_pci_probe_result()).
 *
 * Return: the hierarchy, or an ERR_PTR.
 */
struct mock_pci *mock_pci_create(struct kunit *test, struct mock_iommu *inst,
				 const struct mock_pci_fn *fns, unsigned int nr);

/**
 * mock_pci_dev() - a function of a mock hierarchy
 * @mp: the hierarchy
 * @bus: bus number
 * @devfn: device and function
 *
 * Return: the PCI device, or NULL.
 */
struct pci_dev *mock_pci_dev(struct mock_pci *mp, u8 bus, u8 devfn);

/**
 * mock_pci_probe_result() - what iommu_probe_device() said for a function
 * @mp: the hierarchy
 * @bus: bus number
 * @devfn: device and function
 *
 * Return: the probe result, or -ENOENT for an unknown function.
 */
int mock_pci_probe_result(struct mock_pci *mp, u8 bus, u8 devfn);

/**
 * mock_policy_set() - set the global default domain type for one test
 * @test: the test; the previous policy is restored when it ends
 * @type: IOMMU_DOMAIN_IDENTITY, IOMMU_DOMAIN_DMA or IOMMU_DOMAIN_DMA_FQ
 *
 * Strict invalidation is switched on for IOMMU_DOMAIN_DMA and off for
 * IOMMU_DOMAIN_DMA_FQ, as the command line would.
 */
void mock_policy_set(struct kunit *test, unsigned int type);

/**
 * mock_mm_alloc() - an address space for SVA tests
 * @test: the test; the mm is put when it ends
 *
 * Return: the mm, or an ERR_PTR.
 */
struct mm_struct *mock_mm_alloc(struct kunit *test);

/**
 * mock_free_on_exit() - free a domain when the test ends
 * @test: the test
 * @domain: a domain the test allocated; it must be detached by then
 *
 * Return: 0, or the error of kunit_add_action() (the domain is freed at
 * once in that case).
 */
int mock_free_on_exit(struct kunit *test, struct iommu_domain *domain);

/**
 * mock_iommu_create_assert() - mock_iommu_create(), failing the test on error
 * @test: the test
 * @cfg: configuration
 *
 * Return: the instance.
 */
struct mock_iommu *mock_iommu_create_assert(struct kunit *test,
					    const struct mock_iommu_config *cfg);

/**
 * mock_dev_create_assert() - mock_dev_create(), failing the test on error
 * @test: the test
 * @inst: the serving instance
 * @name: device name
 * @flags: MOCK_DEV_* flags
 * @peer: a probed device whose group to join, or NULL
 *
 * Return: the device.
 */
struct device *mock_dev_create_assert(struct kunit *test,
				      struct mock_iommu *inst,
				      const char *name, unsigned long flags,
				      struct device *peer);

/**
 * mock_paging_assert() - a paging domain for a device, freed at test end
 * @test: the test
 * @dev: a probed device
 *
 * The domain comes from iommu_paging_domain_alloc(); allocation failures
 * fail the test.
 *
 * Return: the domain.
 */
struct iommu_domain *mock_paging_assert(struct kunit *test,
					struct device *dev);

/* Shorthands used by the suites */
#define MOCK_PAGING(test, dev)	mock_paging_assert(test, dev)
#define MOCK_IOMMU(test, ...)						\
	mock_iommu_create_assert(test,					\
		&(const struct mock_iommu_config){ __VA_ARGS__ })
#define MOCK_DEV(test, inst, name, flags)				\
	mock_dev_create_assert(test, inst, name, flags, NULL)
#define MOCK_DEV_IN_GROUP(test, inst, name, flags, peer)		\
	mock_dev_create_assert(test, inst, name, flags, peer)

#endif /* __IOMMU_MOCK_H */
