/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The iommufd character device (/dev/iommu): its ioctl commands and the
 * structures they exchange with userspace.
 */
#ifndef _UAPI_IOMMUFD_H
#define _UAPI_IOMMUFD_H

#include <linux/ioctl.h>
#include <linux/types.h>

/**
 * DOC: Shape of every iommufd ioctl
 *
 * Each command takes one argument: a pointer to a command structure whose
 * leading __u32 is @size, the number of bytes userspace is handing over.
 * The request number itself encodes neither size nor direction, so a
 * structure can grow over time without a new number.  When userspace passes
 * a longer structure than the kernel knows about, the unknown tail must be
 * all zero; when it passes a shorter one (but at least as long as the first
 * release of that structure), the missing fields read as zero.  Output is
 * written back over the same buffer, never beyond @size.
 *
 * The errno values have fixed meanings across the commands:
 *
 *  - ENOTTY: no such command on this file.
 *  - E2BIG: the command exists but bytes past the known structure are set.
 *  - EOPNOTSUPP: the structure is understood, but a flag, a type code or a
 *    reserved field holds a value this kernel does not implement.
 *  - EINVAL: the request is understood but one of its values is wrong.
 *  - ENOENT: an object ID or an IOVA names nothing.
 *  - ENOMEM: an allocation failed.
 *  - EOVERFLOW: an address or length calculation wrapped around.
 *
 * Individual commands document any further errno they can return.
 */

#define IOMMUFD_TYPE (';')

/*
 * Command numbers.  IOMMUFD_CMD_BASE is the first one; numbers below it on
 * the same ioctl type belong to the VFIO container compatibility interface.
 */
enum {
	IOMMUFD_CMD_BASE = 0x80,
	IOMMUFD_CMD_DESTROY = IOMMUFD_CMD_BASE,
	IOMMUFD_CMD_IOAS_ALLOC = 0x81,
	IOMMUFD_CMD_IOAS_ALLOW_IOVAS = 0x82,
	IOMMUFD_CMD_IOAS_COPY = 0x83,
	IOMMUFD_CMD_IOAS_IOVA_RANGES = 0x84,
	IOMMUFD_CMD_IOAS_MAP = 0x85,
	IOMMUFD_CMD_IOAS_UNMAP = 0x86,
	IOMMUFD_CMD_OPTION = 0x87,
	IOMMUFD_CMD_VFIO_IOAS = 0x88,
	IOMMUFD_CMD_HWPT_ALLOC = 0x89,
	IOMMUFD_CMD_GET_HW_INFO = 0x8a,
	IOMMUFD_CMD_HWPT_SET_DIRTY_TRACKING = 0x8b,
	IOMMUFD_CMD_HWPT_GET_DIRTY_BITMAP = 0x8c,
	IOMMUFD_CMD_HWPT_INVALIDATE = 0x8d,
	IOMMUFD_CMD_FAULT_QUEUE_ALLOC = 0x8e,
};

/* ------------------------------------------------------------------------
 * Object lifetime
 */

/**
 * struct iommu_destroy - argument of IOMMU_DESTROY
 * @size: bytes supplied by userspace, normally sizeof(struct iommu_destroy)
 * @id: the object to release; any object type that userspace may free
 *
 * Drops the userspace reference to an object.  The call fails with EBUSY
 * while another object still depends on the one being destroyed, for
 * example an IOAS that a hardware page table was built from.
 */
struct iommu_destroy {
	__u32 size;
	__u32 id;
};

#define IOMMU_DESTROY _IO(IOMMUFD_TYPE, IOMMUFD_CMD_DESTROY)

/* ------------------------------------------------------------------------
 * IO address spaces (IOAS)
 */

/**
 * struct iommu_ioas_alloc - argument of IOMMU_IOAS_ALLOC
 * @size: bytes supplied by userspace, normally sizeof(struct iommu_ioas_alloc)
 * @flags: no flags are defined; must be zero
 * @out_ioas_id: set by the kernel to the ID of the new address space
 *
 * Creates an empty IO address space: a table of IOVA ranges, each backed by
 * user memory, that devices and hardware page tables can later be bound to.
 */
struct iommu_ioas_alloc {
	__u32 size;
	__u32 flags;
	__u32 out_ioas_id;
};

#define IOMMU_IOAS_ALLOC _IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_ALLOC)

/**
 * struct iommu_iova_range - one closed interval of IO virtual addresses
 * @start: lowest address in the interval
 * @last: highest address in the interval; it is part of the range, so a
 *        range covering the whole 64-bit space ends at U64_MAX
 *
 * Element type of the arrays that IOMMU_IOAS_IOVA_RANGES and
 * IOMMU_IOAS_ALLOW_IOVAS read and write.
 */
struct iommu_iova_range {
	__aligned_u64 start;
	__aligned_u64 last;
};

/**
 * struct iommu_ioas_iova_ranges - argument of IOMMU_IOAS_IOVA_RANGES
 * @size: bytes supplied by userspace
 * @ioas_id: the address space to report on
 * @num_iovas: in: capacity of the @allowed_iovas array, in elements;
 *             out: how many ranges the address space currently has
 * @__reserved: must be zero
 * @allowed_iovas: user pointer to an array of struct iommu_iova_range
 * @out_iova_alignment: set to the alignment every IOVA and length given to
 *                      IOMMU_IOAS_MAP or IOMMU_IOAS_COPY must respect; a
 *                      power of two from 1 up to the CPU page size
 *
 * Reports which IOVAs may currently be used for mappings.  A new address
 * space offers the entire range; each device or hardware page table joined
 * to it may carve out holes (apertures, reserved regions), and removing them
 * can widen the result again, so the answer is only valid until the next
 * attach or detach.
 *
 * The kernel fills as many elements as fit.  If the array is too small the
 * call fails with EMSGSIZE, but @num_iovas still carries the needed count so
 * that userspace can retry with a bigger array.
 */
struct iommu_ioas_iova_ranges {
	__u32 size;
	__u32 ioas_id;
	__u32 num_iovas;
	__u32 __reserved;
	__aligned_u64 allowed_iovas;
	__aligned_u64 out_iova_alignment;
};

#define IOMMU_IOAS_IOVA_RANGES _IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_IOVA_RANGES)

/**
 * struct iommu_ioas_allow_iovas - argument of IOMMU_IOAS_ALLOW_IOVAS
 * @size: bytes supplied by userspace
 * @ioas_id: the address space to constrain
 * @num_iovas: number of elements in @allowed_iovas; zero clears the list
 * @__reserved: must be zero
 * @allowed_iovas: user pointer to an array of struct iommu_iova_range
 *
 * Declares IOVA ranges that userspace relies on staying usable.  The list
 * replaces any earlier one.  It fails (EADDRINUSE) if a range is already
 * unusable, and afterwards any attach that would make part of a listed range
 * unusable is refused instead.  While a list is set, automatic IOVA
 * selection in IOMMU_IOAS_MAP and IOMMU_IOAS_COPY only picks addresses
 * inside it.
 */
struct iommu_ioas_allow_iovas {
	__u32 size;
	__u32 ioas_id;
	__u32 num_iovas;
	__u32 __reserved;
	__aligned_u64 allowed_iovas;
};

#define IOMMU_IOAS_ALLOW_IOVAS _IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_ALLOW_IOVAS)

/**
 * enum iommufd_ioas_map_flags - flags of IOMMU_IOAS_MAP and IOMMU_IOAS_COPY
 * @IOMMU_IOAS_MAP_FIXED_IOVA: use the IOVA given by userspace; without it
 *                             the kernel chooses a free IOVA and reports it
 * @IOMMU_IOAS_MAP_WRITEABLE: devices may write through the mapping
 * @IOMMU_IOAS_MAP_READABLE: devices may read through the mapping
 *
 * At least one of the two permission bits must be set.
 */
enum iommufd_ioas_map_flags {
	IOMMU_IOAS_MAP_FIXED_IOVA = 1 << 0,
	IOMMU_IOAS_MAP_WRITEABLE = 1 << 1,
	IOMMU_IOAS_MAP_READABLE = 1 << 2,
};

/**
 * struct iommu_ioas_map - argument of IOMMU_IOAS_MAP
 * @size: bytes supplied by userspace
 * @flags: a combination of enum iommufd_ioas_map_flags
 * @ioas_id: the address space that receives the mapping
 * @__reserved: must be zero
 * @user_va: start of the process memory to map
 * @length: size of the mapping in bytes
 * @iova: where the mapping starts in IO space; an input when
 *        IOMMU_IOAS_MAP_FIXED_IOVA is set, otherwise written by the kernel
 *
 * Makes @length bytes of the caller's memory, starting at @user_va,
 * reachable by DMA at @iova.  A fixed IOVA must not overlap an existing
 * mapping (EEXIST); mappings are never replaced in place.
 */
struct iommu_ioas_map {
	__u32 size;
	__u32 flags;
	__u32 ioas_id;
	__u32 __reserved;
	__aligned_u64 user_va;
	__aligned_u64 length;
	__aligned_u64 iova;
};

#define IOMMU_IOAS_MAP _IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_MAP)

/**
 * struct iommu_ioas_copy - argument of IOMMU_IOAS_COPY
 * @size: bytes supplied by userspace
 * @flags: a combination of enum iommufd_ioas_map_flags
 * @dst_ioas_id: the address space that receives the new mapping
 * @src_ioas_id: the address space whose mapping is duplicated
 * @length: number of bytes to duplicate
 * @dst_iova: destination IOVA; an input when IOMMU_IOAS_MAP_FIXED_IOVA is
 *            set, otherwise chosen by the kernel and written back
 * @src_iova: first source IOVA
 *
 * Maps, in the destination, the same user memory that already backs
 * [@src_iova, @src_iova + @length) in the source.  The source range must be
 * fully covered by existing mappings.  Because the underlying pages are
 * shared rather than pinned a second time, this is cheaper than repeating
 * IOMMU_IOAS_MAP, and it is a convenient way to clone part of one address
 * space into another.
 */
struct iommu_ioas_copy {
	__u32 size;
	__u32 flags;
	__u32 dst_ioas_id;
	__u32 src_ioas_id;
	__aligned_u64 length;
	__aligned_u64 dst_iova;
	__aligned_u64 src_iova;
};

#define IOMMU_IOAS_COPY _IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_COPY)

/**
 * struct iommu_ioas_unmap - argument of IOMMU_IOAS_UNMAP
 * @size: bytes supplied by userspace
 * @ioas_id: the address space to remove mappings from
 * @iova: first IOVA of the range to clear
 * @length: in: bytes to clear; out: bytes that were actually unmapped
 *
 * Removes every mapping inside the range.  A mapping may not be cut: each
 * one the range touches must lie entirely inside it, and a range that hits
 * no mapping at all fails with ENOENT.  The special pair @iova = 0,
 * @length = U64_MAX empties the whole address space.
 */
struct iommu_ioas_unmap {
	__u32 size;
	__u32 ioas_id;
	__aligned_u64 iova;
	__aligned_u64 length;
};

#define IOMMU_IOAS_UNMAP _IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_UNMAP)

/* ------------------------------------------------------------------------
 * Options
 */

/**
 * enum iommufd_option - option selectors for IOMMU_OPTION
 * @IOMMU_OPTION_RLIMIT_MODE: which RLIMIT_MEMLOCK pool pinned pages are
 *                            charged to: 0 (the default) charges the user,
 *                            1 charges the process.  Applies to the whole
 *                            iommufd, so object_id must be 0, and changing
 *                            it needs CAP_SYS_RESOURCE.
 * @IOMMU_OPTION_HUGE_PAGES: per IOAS (object_id is the IOAS).  1 (the
 *                           default) lets physically contiguous memory be
 *                           mapped with large IOMMU pages; 0 maps everything
 *                           in CPU-page units, which is mostly of use for
 *                           measurements.
 */
enum iommufd_option {
	IOMMU_OPTION_RLIMIT_MODE = 0,
	IOMMU_OPTION_HUGE_PAGES = 1,
};

/**
 * enum iommufd_option_ops - what IOMMU_OPTION does with the option
 * @IOMMU_OPTION_OP_SET: store val64 as the new value
 * @IOMMU_OPTION_OP_GET: return the current value in val64
 */
enum iommufd_option_ops {
	IOMMU_OPTION_OP_SET = 0,
	IOMMU_OPTION_OP_GET = 1,
};

/**
 * struct iommu_option - argument of IOMMU_OPTION
 * @size: bytes supplied by userspace
 * @option_id: an enum iommufd_option selector
 * @op: an enum iommufd_option_ops operation
 * @__reserved: must be zero
 * @object_id: the object the option belongs to, or 0 for global options
 * @val64: the value written by SET, or filled in by GET
 *
 * One command that reads or changes small tunables, either of the whole
 * iommufd or of a single object.
 */
struct iommu_option {
	__u32 size;
	__u32 option_id;
	__u16 op;
	__u16 __reserved;
	__u32 object_id;
	__aligned_u64 val64;
};

#define IOMMU_OPTION _IO(IOMMUFD_TYPE, IOMMUFD_CMD_OPTION)

/* ------------------------------------------------------------------------
 * VFIO container compatibility
 */

/**
 * enum iommufd_vfio_ioas_op - operations of IOMMU_VFIO_IOAS
 * @IOMMU_VFIO_IOAS_GET: report the IOAS the VFIO interface currently uses
 * @IOMMU_VFIO_IOAS_SET: make the given IOAS the one the VFIO interface uses
 * @IOMMU_VFIO_IOAS_CLEAR: forget the current choice
 */
enum iommufd_vfio_ioas_op {
	IOMMU_VFIO_IOAS_GET = 0,
	IOMMU_VFIO_IOAS_SET = 1,
	IOMMU_VFIO_IOAS_CLEAR = 2,
};

/**
 * struct iommu_vfio_ioas - argument of IOMMU_VFIO_IOAS
 * @size: bytes supplied by userspace
 * @ioas_id: input for SET, output for GET
 * @op: an enum iommufd_vfio_ioas_op operation
 * @__reserved: must be zero
 *
 * The VFIO container ioctls carry no object ID, so the iommufd keeps one
 * designated IOAS that they all operate on.  This command inspects or
 * changes that designation.  If none is set when a VFIO group is joined to
 * the iommufd, one is created automatically; once VFIO has picked its IOAS
 * it keeps it regardless of later calls.  Neither SET nor CLEAR destroys an
 * automatically created IOAS.  GET fails with ENODEV when nothing is set.
 */
struct iommu_vfio_ioas {
	__u32 size;
	__u32 ioas_id;
	__u16 op;
	__u16 __reserved;
};

#define IOMMU_VFIO_IOAS _IO(IOMMUFD_TYPE, IOMMUFD_CMD_VFIO_IOAS)

/* ------------------------------------------------------------------------
 * Hardware page tables (HWPT)
 */

/**
 * enum iommufd_hwpt_alloc_flags - flags of IOMMU_HWPT_ALLOC
 * @IOMMU_HWPT_ALLOC_NEST_PARENT: the new table may later serve as the
 *                                second stage beneath nested tables
 * @IOMMU_HWPT_ALLOC_DIRTY_TRACKING: the table must support dirty tracking,
 *                                   and only devices whose IOMMU can track
 *                                   dirty pages may be attached to it
 * @IOMMU_HWPT_FAULT_ID_VALID: the fault_id field names a fault queue that
 *                             receives this table's I/O page faults
 */
enum iommufd_hwpt_alloc_flags {
	IOMMU_HWPT_ALLOC_NEST_PARENT = 1 << 0,
	IOMMU_HWPT_ALLOC_DIRTY_TRACKING = 1 << 1,
	IOMMU_HWPT_FAULT_ID_VALID = 1 << 2,
};

/**
 * enum iommu_hwpt_vtd_s1_flags - attribute bits of a VT-d first-stage table
 * @IOMMU_VTD_S1_SRE: supervisor-mode requests are allowed
 * @IOMMU_VTD_S1_EAFE: the extended accessed flag is enabled
 * @IOMMU_VTD_S1_WPE: write protection applies to supervisor requests
 */
enum iommu_hwpt_vtd_s1_flags {
	IOMMU_VTD_S1_SRE = 1 << 0,
	IOMMU_VTD_S1_EAFE = 1 << 1,
	IOMMU_VTD_S1_WPE = 1 << 2,
};

/**
 * struct iommu_hwpt_vtd_s1 - user data for a nested VT-d first-stage table
 * @flags: a combination of enum iommu_hwpt_vtd_s1_flags
 * @pgtbl_addr: guest physical address of the first-stage page table root
 * @addr_width: number of input address bits the table translates
 * @__reserved: must be zero
 *
 * Passed through data_uptr of IOMMU_HWPT_ALLOC with data type
 * IOMMU_HWPT_DATA_VTD_S1.
 */
struct iommu_hwpt_vtd_s1 {
	__aligned_u64 flags;
	__aligned_u64 pgtbl_addr;
	__u32 addr_width;
	__u32 __reserved;
};

/**
 * enum iommu_hwpt_data_type - formats of the data that IOMMU_HWPT_ALLOC takes
 * @IOMMU_HWPT_DATA_NONE: no data; the table is managed by the kernel
 * @IOMMU_HWPT_DATA_VTD_S1: struct iommu_hwpt_vtd_s1
 */
enum iommu_hwpt_data_type {
	IOMMU_HWPT_DATA_NONE = 0,
	IOMMU_HWPT_DATA_VTD_S1 = 1,
};

/**
 * struct iommu_hwpt_alloc - argument of IOMMU_HWPT_ALLOC
 * @size: bytes supplied by userspace
 * @flags: a combination of enum iommufd_hwpt_alloc_flags
 * @dev_id: a device bound to this iommufd; the table is made for its IOMMU
 * @pt_id: what to build on: an IOAS, or a parent hardware page table
 * @out_hwpt_id: set by the kernel to the ID of the new table
 * @__reserved: must be zero
 * @data_type: an enum iommu_hwpt_data_type value describing @data_uptr
 * @data_len: length in bytes of the data at @data_uptr
 * @data_uptr: user pointer to driver-specific table data
 * @fault_id: a fault queue object; only read when the flags include
 *            IOMMU_HWPT_FAULT_ID_VALID
 * @__reserved2: padding that keeps the structure a multiple of 8 bytes;
 *               must be zero
 *
 * Creates a hardware page table, the object that stands for an IOMMU
 * driver's translation domain; attaching a device to an IOAS creates one of
 * these implicitly.
 *
 * With an IOAS in @pt_id the result is a kernel-managed table that mirrors
 * the mappings of that IOAS; @data_type must then be IOMMU_HWPT_DATA_NONE.
 * Such a table can be made a parent for nesting with
 * IOMMU_HWPT_ALLOC_NEST_PARENT.
 *
 * With such a parent table in @pt_id the result is a nested table whose
 * first stage is owned by userspace and described by the driver-specific
 * data; @data_type must name a format the device's IOMMU understands.
 *
 * IOMMU_HWPT_DATA_NONE goes with a zero @data_len and @data_uptr; any other
 * type needs both.
 */
struct iommu_hwpt_alloc {
	__u32 size;
	__u32 flags;
	__u32 dev_id;
	__u32 pt_id;
	__u32 out_hwpt_id;
	__u32 __reserved;
	__u32 data_type;
	__u32 data_len;
	__aligned_u64 data_uptr;
	__u32 fault_id;
	__u32 __reserved2;
};

#define IOMMU_HWPT_ALLOC _IO(IOMMUFD_TYPE, IOMMUFD_CMD_HWPT_ALLOC)

/* ------------------------------------------------------------------------
 * Hardware information
 */

/**
 * enum iommu_hw_info_vtd_flags - flag bits of struct iommu_hw_info_vtd
 * @IOMMU_HW_INFO_VTD_ERRATA_772415_SPR17: this unit is affected by Intel
 *	erratum 772415 (SPR17): read-only mappings must not be created in a
 *	table allocated as a nesting parent
 */
enum iommu_hw_info_vtd_flags {
	IOMMU_HW_INFO_VTD_ERRATA_772415_SPR17 = 1 << 0,
};

/**
 * struct iommu_hw_info_vtd - what IOMMU_GET_HW_INFO reports for Intel VT-d
 * @flags: a combination of enum iommu_hw_info_vtd_flags
 * @__reserved: always zero
 * @cap_reg: raw contents of the unit's Capability Register
 * @ecap_reg: raw contents of the unit's Extended Capability Register
 *
 * The two registers are passed through unchanged; their bit fields are
 * defined by the VT-d architecture specification.
 */
struct iommu_hw_info_vtd {
	__u32 flags;
	__u32 __reserved;
	__aligned_u64 cap_reg;
	__aligned_u64 ecap_reg;
};

/**
 * enum iommu_hw_info_type - formats of the data IOMMU_GET_HW_INFO returns
 * @IOMMU_HW_INFO_TYPE_NONE: the driver has nothing specific to report
 * @IOMMU_HW_INFO_TYPE_DEFAULT: as an input type, asks for whatever format
 *                              the driver reports by default; the same value
 *                              as @IOMMU_HW_INFO_TYPE_NONE
 * @IOMMU_HW_INFO_TYPE_INTEL_VTD: struct iommu_hw_info_vtd
 */
enum iommu_hw_info_type {
	IOMMU_HW_INFO_TYPE_NONE = 0,
	IOMMU_HW_INFO_TYPE_DEFAULT = 0,
	IOMMU_HW_INFO_TYPE_INTEL_VTD = 1,
};

/**
 * enum iommufd_hw_capabilities - generic capability bits of IOMMU_GET_HW_INFO
 * @IOMMU_HW_CAP_DIRTY_TRACKING: the IOMMU can log DMA writes, so
 *                               IOMMU_HWPT_SET_DIRTY_TRACKING and
 *                               IOMMU_HWPT_GET_DIRTY_BITMAP work on tables
 *                               attached to this device
 * @IOMMU_HW_CAP_PCI_PASID_EXEC: requests with a PASID may ask for execute
 *                               permission; meaningless when
 *                               out_max_pasid_log2 is 0
 * @IOMMU_HW_CAP_PCI_PASID_PRIV: requests with a PASID may ask for privileged
 *                               mode; meaningless when out_max_pasid_log2
 *                               is 0
 */
enum iommufd_hw_capabilities {
	IOMMU_HW_CAP_DIRTY_TRACKING = 1 << 0,
	IOMMU_HW_CAP_PCI_PASID_EXEC = 1 << 1,
	IOMMU_HW_CAP_PCI_PASID_PRIV = 1 << 2,
};

/**
 * enum iommufd_hw_info_flags - flags of IOMMU_GET_HW_INFO
 * @IOMMU_HW_INFO_FLAG_INPUT_TYPE: in_data_type holds the format userspace
 *                                 asks for; without this flag the driver's
 *                                 default format is returned
 */
enum iommufd_hw_info_flags {
	IOMMU_HW_INFO_FLAG_INPUT_TYPE = 1 << 0,
};

/**
 * struct iommu_hw_info - argument of IOMMU_GET_HW_INFO
 * @size: bytes supplied by userspace
 * @flags: a combination of enum iommufd_hw_info_flags
 * @dev_id: a device bound to this iommufd
 * @data_len: in: size of the buffer at @data_uptr; out: size of the data
 *            the driver has, which may differ from what was copied
 * @data_uptr: user pointer to a buffer for the driver-specific data
 * @in_data_type: with IOMMU_HW_INFO_FLAG_INPUT_TYPE, the enum
 *                iommu_hw_info_type format userspace wants
 * @out_data_type: the enum iommu_hw_info_type format that was written;
 *                 shares storage with @in_data_type
 * @out_max_pasid_log2: number of PASID bits the device supports, 0 when it
 *                      has no PASID support
 * @__reserved: must be zero
 * @out_capabilities: a combination of enum iommufd_hw_capabilities
 *
 * Describes the IOMMU in front of a device, so that userspace can learn up
 * front what it may ask for (for instance, whether a guest first-stage page
 * table of some format is usable for nesting) instead of finding out by
 * failed calls.
 *
 * The driver-specific data is copied into the buffer up to @data_len bytes;
 * if the buffer is longer than the data, the rest of it is zeroed.  A zero
 * @data_len is valid and only queries the size and type.
 */
struct iommu_hw_info {
	__u32 size;
	__u32 flags;
	__u32 dev_id;
	__u32 data_len;
	__aligned_u64 data_uptr;
	union {
		__u32 in_data_type;
		__u32 out_data_type;
	};
	__u8 out_max_pasid_log2;
	__u8 __reserved[3];
	__aligned_u64 out_capabilities;
};

#define IOMMU_GET_HW_INFO _IO(IOMMUFD_TYPE, IOMMUFD_CMD_GET_HW_INFO)

/* ------------------------------------------------------------------------
 * Dirty tracking
 */

/**
 * enum iommufd_hwpt_set_dirty_tracking_flags - flags of
 *                                              IOMMU_HWPT_SET_DIRTY_TRACKING
 * @IOMMU_HWPT_DIRTY_TRACKING_ENABLE: turn logging on; when clear, turn it off
 */
enum iommufd_hwpt_set_dirty_tracking_flags {
	IOMMU_HWPT_DIRTY_TRACKING_ENABLE = 1,
};

/**
 * struct iommu_hwpt_set_dirty_tracking - argument of
 *                                        IOMMU_HWPT_SET_DIRTY_TRACKING
 * @size: bytes supplied by userspace
 * @flags: a combination of enum iommufd_hwpt_set_dirty_tracking_flags
 * @hwpt_id: a kernel-managed hardware page table
 * @__reserved: must be zero
 *
 * Starts or stops the logging of DMA writes in a hardware page table.
 */
struct iommu_hwpt_set_dirty_tracking {
	__u32 size;
	__u32 flags;
	__u32 hwpt_id;
	__u32 __reserved;
};

#define IOMMU_HWPT_SET_DIRTY_TRACKING _IO(IOMMUFD_TYPE, \
					  IOMMUFD_CMD_HWPT_SET_DIRTY_TRACKING)

/**
 * enum iommufd_hwpt_get_dirty_bitmap_flags - flags of
 *                                            IOMMU_HWPT_GET_DIRTY_BITMAP
 * @IOMMU_HWPT_GET_DIRTY_BITMAP_NO_CLEAR: report the dirty state but leave it
 *	set in the page table.  Useful right before unmapping the range,
 *	when clearing would be wasted work.
 */
enum iommufd_hwpt_get_dirty_bitmap_flags {
	IOMMU_HWPT_GET_DIRTY_BITMAP_NO_CLEAR = 1,
};

/**
 * struct iommu_hwpt_get_dirty_bitmap - argument of IOMMU_HWPT_GET_DIRTY_BITMAP
 * @size: bytes supplied by userspace
 * @hwpt_id: a kernel-managed hardware page table with dirty tracking
 * @flags: a combination of enum iommufd_hwpt_get_dirty_bitmap_flags
 * @__reserved: must be zero
 * @iova: IOVA described by bit 0 of the bitmap
 * @length: size in bytes of the IOVA range to scan
 * @page_size: how many bytes of IOVA each bit stands for
 * @data: user pointer to the bitmap that receives the result
 *
 * Scans [@iova, @iova + @length) and sets a bit for every @page_size chunk
 * that devices wrote to since it was last cleared; bits already set in the
 * bitmap are left alone.  Bit n covers @iova + n * @page_size, and the
 * bitmap is an array of 64-bit words with bit n in word n / 64 at position
 * n % 64.  Unless IOMMU_HWPT_GET_DIRTY_BITMAP_NO_CLEAR is given, the dirty
 * state that was read is reset in the page table.
 */
struct iommu_hwpt_get_dirty_bitmap {
	__u32 size;
	__u32 hwpt_id;
	__u32 flags;
	__u32 __reserved;
	__aligned_u64 iova;
	__aligned_u64 length;
	__aligned_u64 page_size;
	__aligned_u64 data;
};

#define IOMMU_HWPT_GET_DIRTY_BITMAP _IO(IOMMUFD_TYPE, \
					IOMMUFD_CMD_HWPT_GET_DIRTY_BITMAP)

/* ------------------------------------------------------------------------
 * Cache invalidation for user-managed page tables
 */

/**
 * enum iommu_hwpt_invalidate_data_type - formats of invalidation requests
 * @IOMMU_HWPT_INVALIDATE_DATA_VTD_S1: struct iommu_hwpt_vtd_s1_invalidate
 */
enum iommu_hwpt_invalidate_data_type {
	IOMMU_HWPT_INVALIDATE_DATA_VTD_S1 = 0,
};

/**
 * enum iommu_hwpt_vtd_s1_invalidate_flags - flags of a VT-d invalidation
 * @IOMMU_VTD_INV_FLAGS_LEAF: only leaf translations changed, so cached
 *                            non-leaf (paging-structure) entries may stay
 */
enum iommu_hwpt_vtd_s1_invalidate_flags {
	IOMMU_VTD_INV_FLAGS_LEAF = 1 << 0,
};

/**
 * struct iommu_hwpt_vtd_s1_invalidate - one VT-d first-stage invalidation
 * @addr: first address whose cached translation is stale; 4 KiB aligned
 * @npages: number of consecutive 4 KiB pages from @addr
 * @flags: a combination of enum iommu_hwpt_vtd_s1_invalidate_flags
 * @__reserved: must be zero
 *
 * Array element of IOMMU_HWPT_INVALIDATE for the type
 * IOMMU_HWPT_INVALIDATE_DATA_VTD_S1.  After editing a guest first-stage
 * table, userspace names the range it touched; @addr = 0 together with
 * @npages = U64_MAX drops everything cached for the table.  Device TLBs
 * (ATS) are flushed along with the IOTLB without being asked.
 */
struct iommu_hwpt_vtd_s1_invalidate {
	__aligned_u64 addr;
	__aligned_u64 npages;
	__u32 flags;
	__u32 __reserved;
};

/**
 * struct iommu_hwpt_invalidate - argument of IOMMU_HWPT_INVALIDATE
 * @size: bytes supplied by userspace
 * @hwpt_id: a nested (user-managed) hardware page table
 * @data_uptr: user pointer to an array of invalidation requests
 * @data_type: an enum iommu_hwpt_invalidate_data_type value; every element
 *             of the array has this format, and the table must accept it
 * @entry_len: size in bytes of one array element
 * @entry_num: in: number of elements in the array; out: how many of them
 *             the kernel carried out, also when the call fails
 * @__reserved: must be zero
 *
 * Flushes IOMMU caches after userspace changed a page table it owns.  With
 * @entry_num = 0 nothing is flushed and @entry_len and @data_uptr are not
 * looked at, which makes a cheap probe of whether @data_type is accepted.
 */
struct iommu_hwpt_invalidate {
	__u32 size;
	__u32 hwpt_id;
	__aligned_u64 data_uptr;
	__u32 data_type;
	__u32 entry_len;
	__u32 entry_num;
	__u32 __reserved;
};

#define IOMMU_HWPT_INVALIDATE _IO(IOMMUFD_TYPE, IOMMUFD_CMD_HWPT_INVALIDATE)

/* ------------------------------------------------------------------------
 * I/O page faults
 */

/**
 * enum iommu_hwpt_pgfault_flags - flag bits of struct iommu_hwpt_pgfault
 * @IOMMU_PGFAULT_FLAGS_PASID_VALID: the request carried a PASID, found in
 *                                   the pasid field
 * @IOMMU_PGFAULT_FLAGS_LAST_PAGE: this record closes its fault group
 */
enum iommu_hwpt_pgfault_flags {
	IOMMU_PGFAULT_FLAGS_PASID_VALID = (1 << 0),
	IOMMU_PGFAULT_FLAGS_LAST_PAGE = (1 << 1),
};

/**
 * enum iommu_hwpt_pgfault_perm - access bits of struct iommu_hwpt_pgfault
 * @IOMMU_PGFAULT_PERM_READ: the device wants to read
 * @IOMMU_PGFAULT_PERM_WRITE: the device wants to write
 * @IOMMU_PGFAULT_PERM_EXEC: the request's PASID prefix had Execute
 *                           Requested set (PCIe r6, 10.4.1)
 * @IOMMU_PGFAULT_PERM_PRIV: the request's PASID prefix had Privileged Mode
 *                           Requested set (PCIe r6, 10.4.1)
 */
enum iommu_hwpt_pgfault_perm {
	IOMMU_PGFAULT_PERM_READ = (1 << 0),
	IOMMU_PGFAULT_PERM_WRITE = (1 << 1),
	IOMMU_PGFAULT_PERM_EXEC = (1 << 2),
	IOMMU_PGFAULT_PERM_PRIV = (1 << 3),
};

/**
 * struct iommu_hwpt_pgfault - a fault record read from a fault queue fd
 * @flags: a combination of enum iommu_hwpt_pgfault_flags
 * @dev_id: the iommufd device ID of the device that faulted
 * @pasid: the PASID of the request, when flagged valid
 * @grpid: the page request group index the device assigned
 * @perm: a combination of enum iommu_hwpt_pgfault_perm
 * @__reserved: always zero
 * @addr: the faulting IO virtual address
 * @length: optional hint of how many bytes the device is about to access,
 *          allowing more than one page to be prepared at once; 0 if the
 *          device gave no hint
 * @cookie: handle chosen by the kernel for the fault group; the response
 *          to the group quotes the cookie of its last record
 */
struct iommu_hwpt_pgfault {
	__u32 flags;
	__u32 dev_id;
	__u32 pasid;
	__u32 grpid;
	__u32 perm;
	__u32 __reserved;
	__aligned_u64 addr;
	__u32 length;
	__u32 cookie;
};

/**
 * enum iommufd_page_response_code - outcome reported for a fault group
 * @IOMMUFD_PAGE_RESP_SUCCESS: the translation now exists and the device
 *                             should retry (PCIe "Success", 10.4.2.1)
 * @IOMMUFD_PAGE_RESP_INVALID: the fault cannot be resolved and the device
 *                             must not retry (PCIe "Invalid Request",
 *                             10.4.2.1)
 */
enum iommufd_page_response_code {
	IOMMUFD_PAGE_RESP_SUCCESS = 0,
	IOMMUFD_PAGE_RESP_INVALID = 1,
};

/**
 * struct iommu_hwpt_page_response - a response written to a fault queue fd
 * @cookie: the cookie of the fault group being answered
 * @code: an enum iommufd_page_response_code value
 */
struct iommu_hwpt_page_response {
	__u32 cookie;
	__u32 code;
};

/**
 * struct iommu_fault_alloc - argument of IOMMU_FAULT_QUEUE_ALLOC
 * @size: bytes supplied by userspace
 * @flags: no flags are defined; must be zero
 * @out_fault_id: set by the kernel to the ID of the new fault queue object
 * @out_fault_fd: set by the kernel to a new file descriptor of the queue
 *
 * Creates a queue for I/O page faults.  Hardware page tables allocated with
 * IOMMU_HWPT_FAULT_ID_VALID and this object's ID deliver their faults here.
 * Userspace read()s struct iommu_hwpt_pgfault records from the descriptor
 * and write()s struct iommu_hwpt_page_response records back.
 */
struct iommu_fault_alloc {
	__u32 size;
	__u32 flags;
	__u32 out_fault_id;
	__u32 out_fault_fd;
};

#define IOMMU_FAULT_QUEUE_ALLOC _IO(IOMMUFD_TYPE, IOMMUFD_CMD_FAULT_QUEUE_ALLOC)

#endif /* _UAPI_IOMMUFD_H */
