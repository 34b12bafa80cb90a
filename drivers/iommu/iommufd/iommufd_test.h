/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IOMMU_TEST_CMD interface.  It exists only when iommufd is built with
 * CONFIG_IOMMUFD_TEST and lets the iommufd selftests create mock devices
 * behind a mock IOMMU driver, inspect that driver's page tables and poke at
 * internal paths that real hardware would be needed to reach.  It is not a
 * stable ABI.
 */
#ifndef _UAPI_IOMMUFD_TEST_H
#define _UAPI_IOMMUFD_TEST_H

#include <linux/iommufd.h>
#include <linux/types.h>

/*
 * Operations of IOMMU_TEST_CMD, selected by iommu_test_cmd::op.  Each one
 * uses the union member named in struct iommu_test_cmd.
 */
enum {
	IOMMU_TEST_OP_ADD_RESERVED = 1,
	IOMMU_TEST_OP_MOCK_DOMAIN = 2,
	IOMMU_TEST_OP_MD_CHECK_MAP = 3,
	IOMMU_TEST_OP_MD_CHECK_REFS = 4,
	IOMMU_TEST_OP_CREATE_ACCESS = 5,
	IOMMU_TEST_OP_DESTROY_ACCESS_PAGES = 6,
	IOMMU_TEST_OP_ACCESS_PAGES = 7,
	IOMMU_TEST_OP_ACCESS_RW = 8,
	IOMMU_TEST_OP_SET_TEMP_MEMORY_LIMIT = 9,
	IOMMU_TEST_OP_MOCK_DOMAIN_REPLACE = 10,
	IOMMU_TEST_OP_ACCESS_REPLACE_IOAS = 11,
	IOMMU_TEST_OP_MOCK_DOMAIN_FLAGS = 12,
	IOMMU_TEST_OP_DIRTY = 13,
	IOMMU_TEST_OP_MD_CHECK_IOTLB = 14,
	IOMMU_TEST_OP_TRIGGER_IOPF = 15,
};

/* The input address window of every mock paging domain (inclusive). */
enum {
	MOCK_APERTURE_START = 1UL << 24,
	MOCK_APERTURE_LAST = (1UL << 31) - 1,
};

/* access_pages.flags */
enum {
	MOCK_FLAGS_ACCESS_WRITE = 1 << 0,
	MOCK_FLAGS_ACCESS_SYZ = 1 << 16,
};

/* access_rw.flags */
enum {
	MOCK_ACCESS_RW_WRITE = 1 << 0,
	MOCK_ACCESS_RW_SLOW_PATH = 1 << 2,
};

/* create_access.flags */
enum {
	MOCK_FLAGS_ACCESS_CREATE_NEEDS_PIN_PAGES = 1 << 0,
};

/* mock_domain_flags.dev_flags: properties of the mock device to create */
enum {
	MOCK_FLAGS_DEVICE_NO_DIRTY = 1 << 0,
	MOCK_FLAGS_DEVICE_HUGE_IOVA = 1 << 1,
	MOCK_FLAGS_DEVICE_PASID = 1 << 2,
};

/* PASID bits reported for a mock device made with MOCK_FLAGS_DEVICE_PASID */
#define MOCK_PASID_WIDTH 20

/* Each mock nested domain models a small IOTLB with this many entries. */
enum {
	MOCK_NESTED_DOMAIN_IOTLB_ID_MAX = 3,
	MOCK_NESTED_DOMAIN_IOTLB_NUM = 4,
};

/**
 * struct iommu_test_cmd - argument of IOMMU_TEST_CMD
 * @size: bytes supplied by userspace, normally sizeof(struct iommu_test_cmd)
 * @op: one of the IOMMU_TEST_OP_* operations
 * @id: the object the operation works on; which kind depends on @op (an
 *      IOAS, a hardware page table, a selftest device, or the file
 *      descriptor of an access)
 * @__reserved: unused; not checked
 * @add_reserved: IOMMU_TEST_OP_ADD_RESERVED; mark an IOVA range of the IOAS
 *                @id as reserved
 * @add_reserved.start: first reserved IOVA
 * @add_reserved.length: bytes to reserve
 * @mock_domain: IOMMU_TEST_OP_MOCK_DOMAIN; create a mock device, bind it to
 *               the iommufd and attach it to the IOAS or table @id
 * @mock_domain.out_stdev_id: ID of the selftest object; destroying it
 *                            detaches, unbinds and removes the device
 * @mock_domain.out_hwpt_id: ID of the hardware page table now in use
 * @mock_domain.out_idev_id: ID of the iommufd device object, as a real
 *                           driver's bind would have produced
 * @mock_domain_flags: IOMMU_TEST_OP_MOCK_DOMAIN_FLAGS; like @mock_domain,
 *                     with device properties
 * @mock_domain_flags.out_stdev_id: as in @mock_domain
 * @mock_domain_flags.out_hwpt_id: as in @mock_domain
 * @mock_domain_flags.out_idev_id: as in @mock_domain
 * @mock_domain_flags.dev_flags: MOCK_FLAGS_DEVICE_* bits
 * @mock_domain_replace: IOMMU_TEST_OP_MOCK_DOMAIN_REPLACE; move the selftest
 *                       device @id to another IOAS or table
 * @mock_domain_replace.pt_id: in: the new IOAS or table; out: the table
 *                             the device ended up on
 * @check_map: IOMMU_TEST_OP_MD_CHECK_MAP; verify that the mock page table @id
 *             translates an IOVA range to the pages behind a user buffer
 * @check_map.iova: first IOVA to verify
 * @check_map.length: bytes to verify
 * @check_map.uptr: user address expected to back @check_map.iova
 * @check_refs: IOMMU_TEST_OP_MD_CHECK_REFS; verify the pin count of the
 *              pages behind a user buffer
 * @check_refs.length: bytes of the buffer
 * @check_refs.uptr: start of the buffer
 * @check_refs.refs: expected number of pins on every page
 * @create_access: IOMMU_TEST_OP_CREATE_ACCESS; create an in-kernel access
 *                 user of the IOAS @id
 * @create_access.out_access_fd: file descriptor that represents the access;
 *                               closing it destroys the access
 * @create_access.flags: MOCK_FLAGS_ACCESS_CREATE_* bits
 * @destroy_access_pages: IOMMU_TEST_OP_DESTROY_ACCESS_PAGES; release pages
 *                        pinned through the access @id
 * @destroy_access_pages.access_pages_id: the pin to release, as returned by
 *                                        @access_pages
 * @access_pages: IOMMU_TEST_OP_ACCESS_PAGES; pin an IOVA range through the
 *                access @id
 * @access_pages.flags: MOCK_FLAGS_ACCESS_* bits
 * @access_pages.out_access_pages_id: handle of the new pin
 * @access_pages.iova: first IOVA to pin
 * @access_pages.length: bytes to pin
 * @access_pages.uptr: if non-zero, the user buffer the pinned pages must match
 * @access_rw: IOMMU_TEST_OP_ACCESS_RW; copy data between a user buffer and an
 *             IOVA range through the access @id
 * @access_rw.iova: first IOVA to read or write
 * @access_rw.length: bytes to copy
 * @access_rw.uptr: user buffer on the other end of the copy
 * @access_rw.flags: MOCK_ACCESS_RW_* bits
 * @memory_limit: IOMMU_TEST_OP_SET_TEMP_MEMORY_LIMIT; cap the temporary
 *                buffers used while pinning, to exercise partial batches
 * @memory_limit.limit: the new cap in bytes
 * @access_replace_ioas: IOMMU_TEST_OP_ACCESS_REPLACE_IOAS; move the access
 *                       @id to another IOAS
 * @access_replace_ioas.ioas_id: the new IOAS
 * @dirty: IOMMU_TEST_OP_DIRTY; mark entries of the mock page table @id as
 *         written by a device
 * @dirty.flags: no flags are defined; pass zero
 * @dirty.iova: IOVA of bit 0 of the bitmap
 * @dirty.length: bytes of IOVA the bitmap covers
 * @dirty.page_size: IOVA bytes per bitmap bit
 * @dirty.uptr: user pointer to the bitmap of entries to mark
 * @dirty.out_nr_dirty: number of mapped entries that were marked
 * @check_iotlb: IOMMU_TEST_OP_MD_CHECK_IOTLB; verify one IOTLB entry of the
 *               mock nested table @id
 * @check_iotlb.id: entry index, at most MOCK_NESTED_DOMAIN_IOTLB_ID_MAX
 * @check_iotlb.iotlb: the value the entry must hold
 * @trigger_iopf: IOMMU_TEST_OP_TRIGGER_IOPF; make a mock device report an
 *                I/O page fault
 * @trigger_iopf.dev_id: the iommufd device ID of the faulting device
 * @trigger_iopf.pasid: PASID of the request, 0 for none
 * @trigger_iopf.grpid: page request group index
 * @trigger_iopf.perm: enum iommu_hwpt_pgfault_perm bits
 * @trigger_iopf.addr: faulting IOVA
 * @last: marks the end of the structure; the minimum accepted @size reaches
 *        up to and including this field
 */
struct iommu_test_cmd {
	__u32 size;
	__u32 op;
	__u32 id;
	__u32 __reserved;
	union {
		struct {
			__aligned_u64 start;
			__aligned_u64 length;
		} add_reserved;
		struct {
			__u32 out_stdev_id;
			__u32 out_hwpt_id;
			__u32 out_idev_id;
		} mock_domain;
		struct {
			__u32 out_stdev_id;
			__u32 out_hwpt_id;
			__u32 out_idev_id;
			__u32 dev_flags;
		} mock_domain_flags;
		struct {
			__u32 pt_id;
		} mock_domain_replace;
		struct {
			__aligned_u64 iova;
			__aligned_u64 length;
			__aligned_u64 uptr;
		} check_map;
		struct {
			__aligned_u64 length;
			__aligned_u64 uptr;
			__u32 refs;
		} check_refs;
		struct {
			__u32 out_access_fd;
			__u32 flags;
		} create_access;
		struct {
			__u32 access_pages_id;
		} destroy_access_pages;
		struct {
			__u32 flags;
			__u32 out_access_pages_id;
			__aligned_u64 iova;
			__aligned_u64 length;
			__aligned_u64 uptr;
		} access_pages;
		struct {
			__aligned_u64 iova;
			__aligned_u64 length;
			__aligned_u64 uptr;
			__u32 flags;
		} access_rw;
		struct {
			__u32 limit;
		} memory_limit;
		struct {
			__u32 ioas_id;
		} access_replace_ioas;
		struct {
			__u32 flags;
			__aligned_u64 iova;
			__aligned_u64 length;
			__aligned_u64 page_size;
			__aligned_u64 uptr;
			__aligned_u64 out_nr_dirty;
		} dirty;
		struct {
			__u32 id;
			__u32 iotlb;
		} check_iotlb;
		struct {
			__u32 dev_id;
			__u32 pasid;
			__u32 grpid;
			__u32 perm;
			__u64 addr;
		} trigger_iopf;
	};
	__u32 last;
};

#define IOMMU_TEST_CMD _IO(IOMMUFD_TYPE, IOMMUFD_CMD_BASE + 32)

/*
 * IOMMU_GET_HW_INFO on a mock device reports this type, with a struct
 * iommu_test_hw_info whose test_reg holds the REGVAL pattern.
 */
#define IOMMU_HW_INFO_TYPE_SELFTEST	0xfeedbeef
#define IOMMU_HW_INFO_SELFTEST_REGVAL	0xdeadbeef

/**
 * struct iommu_test_hw_info - hardware information of the mock IOMMU
 * @flags: always zero
 * @test_reg: always IOMMU_HW_INFO_SELFTEST_REGVAL
 */
struct iommu_test_hw_info {
	__u32 flags;
	__u32 test_reg;
};

/*
 * Data type for a nested mock table in IOMMU_HWPT_ALLOC, chosen so that it
 * can never clash with a value of enum iommu_hwpt_data_type.
 */
#define IOMMU_HWPT_DATA_SELFTEST 0xdead
#define IOMMU_TEST_IOTLB_DEFAULT 0xbadbeef

/**
 * struct iommu_hwpt_selftest - user data of a nested mock table
 * @iotlb: initial value of every entry of the mock IOTLB; the tests pass
 *         IOMMU_TEST_IOTLB_DEFAULT
 */
struct iommu_hwpt_selftest {
	__u32 iotlb;
};

/*
 * Invalidation data type of the mock driver for IOMMU_HWPT_INVALIDATE, and
 * a second value the driver refuses.  Neither matches any value of enum
 * iommu_hwpt_invalidate_data_type.
 */
#define IOMMU_HWPT_INVALIDATE_DATA_SELFTEST 0xdeadbeef
#define IOMMU_HWPT_INVALIDATE_DATA_SELFTEST_INVALID 0xdadbeef

/* iommu_hwpt_invalidate_selftest.flags: clear every entry, ignore iotlb_id */
enum {
	IOMMU_TEST_INVALIDATE_FLAG_ALL = 1 << 0,
};

/**
 * struct iommu_hwpt_invalidate_selftest - one mock invalidation request
 * @flags: IOMMU_TEST_INVALIDATE_FLAG_ALL or zero
 * @iotlb_id: index of the mock IOTLB entry to clear to zero, at most
 *            MOCK_NESTED_DOMAIN_IOTLB_ID_MAX; ignored with
 *            IOMMU_TEST_INVALIDATE_FLAG_ALL
 */
struct iommu_hwpt_invalidate_selftest {
	__u32 flags;
	__u32 iotlb_id;
};

#endif /* _UAPI_IOMMUFD_TEST_H */
