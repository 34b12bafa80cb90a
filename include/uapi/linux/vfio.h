/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * VFIO userspace interface: the part of it that this tree implements.
 *
 * iommufd answers the VFIO container ioctls on its own file descriptor
 * (see IOMMU_VFIO_IOAS), and VFIO device cdevs are bound to an iommufd with
 * the VFIO_DEVICE_*_IOMMUFD* commands.  Only the numbers and structures those
 * paths use are declared here; every value and layout is that of Linux.
 */
#ifndef _UAPIVFIO_H
#define _UAPIVFIO_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define VFIO_API_VERSION	0

/*
 * Extension and IOMMU model numbers.  VFIO_CHECK_EXTENSION answers whether
 * one is available; the IOMMU models among them are also the argument of
 * VFIO_SET_IOMMU.
 */
#define VFIO_TYPE1_IOMMU		1	/* type1 DMA map/unmap interface */
#define VFIO_SPAPR_TCE_IOMMU		2	/* POWER TCE tables */
#define VFIO_TYPE1v2_IOMMU		3	/* type1, unmap may not split */
#define VFIO_DMA_CC_IOMMU		4	/* DMA is cache coherent */
#define VFIO_EEH			5	/* POWER EEH recovery */
#define VFIO_TYPE1_NESTING_IOMMU	6	/* two-stage type1 (v2 rules) */
#define VFIO_SPAPR_TCE_v2_IOMMU		7	/* POWER TCE, second version */
#define VFIO_NOIOMMU_IOMMU		8	/* no isolation at all */
#define VFIO_UNMAP_ALL			9	/* VFIO_DMA_UNMAP_FLAG_ALL works */
#define VFIO_UPDATE_VADDR		10	/* the VADDR map/unmap flags work */

/*
 * All VFIO commands are built with _IO(), so the request number carries no
 * size.  Structures instead start with argsz, the byte count the caller
 * provides, and grow by appending fields announced through flag bits.
 */
#define VFIO_TYPE	(';')
#define VFIO_BASE	100

/**
 * struct vfio_info_cap_header - link of a capability chain
 * @id: which capability follows; the numbering is private to each INFO
 *      command
 * @version: layout revision of that capability
 * @next: offset of the next capability from the start of the INFO buffer,
 *        or 0 at the end of the chain
 *
 * INFO commands can append optional capabilities after their fixed
 * structure.  A flag in the fixed part says the chain exists and a
 * cap_offset field gives the offset of its first element.  When the buffer
 * is too small to hold the chain, the call still succeeds, the first offset
 * reads as zero and argsz is raised to the size that would be needed.
 */
struct vfio_info_cap_header {
	__u16	id;
	__u16	version;
	__u32	next;
};

/*
 * Container commands (/dev/vfio/vfio, or an iommufd in compatibility mode).
 *
 * VFIO_GET_API_VERSION returns VFIO_API_VERSION.  VFIO_CHECK_EXTENSION takes
 * an extension number as its integer argument and returns a positive value
 * when it is supported, 0 when not.  VFIO_SET_IOMMU takes an IOMMU model
 * number and selects it; this needs a group (or, for iommufd, a
 * compatibility IOAS) to be present.
 */
#define VFIO_GET_API_VERSION		_IO(VFIO_TYPE, VFIO_BASE + 0)
#define VFIO_CHECK_EXTENSION		_IO(VFIO_TYPE, VFIO_BASE + 1)
#define VFIO_SET_IOMMU			_IO(VFIO_TYPE, VFIO_BASE + 2)

/* ------------------------------------------------------------------------
 * Device commands
 */

/**
 * struct vfio_device_info - argument of VFIO_DEVICE_GET_INFO
 * @argsz: bytes supplied by the caller
 * @flags: VFIO_DEVICE_FLAGS_* bits: the bus type and what the device offers
 * @num_regions: number of region indexes (highest index plus one)
 * @num_irqs: number of interrupt indexes (highest index plus one)
 * @cap_offset: offset of the first capability, when VFIO_DEVICE_FLAGS_CAPS
 *              is set
 * @pad: padding
 */
struct vfio_device_info {
	__u32	argsz;
	__u32	flags;
	__u32	num_regions;
	__u32	num_irqs;
	__u32	cap_offset;
	__u32	pad;
};

#define VFIO_DEVICE_FLAGS_RESET		(1 << 0)	/* VFIO_DEVICE_RESET works */
#define VFIO_DEVICE_FLAGS_PCI		(1 << 1)	/* a PCI function */
#define VFIO_DEVICE_FLAGS_PLATFORM	(1 << 2)	/* a platform device */
#define VFIO_DEVICE_FLAGS_AMBA		(1 << 3)	/* an AMBA device */
#define VFIO_DEVICE_FLAGS_CCW		(1 << 4)	/* an s390 channel device */
#define VFIO_DEVICE_FLAGS_AP		(1 << 5)	/* an s390 crypto queue */
#define VFIO_DEVICE_FLAGS_FSL_MC	(1 << 6)	/* an fsl-mc object */
#define VFIO_DEVICE_FLAGS_CAPS		(1 << 7)	/* cap_offset is valid */
#define VFIO_DEVICE_FLAGS_CDX		(1 << 8)	/* a CDX device */

/* Fills struct vfio_device_info; the caller sets argsz. */
#define VFIO_DEVICE_GET_INFO		_IO(VFIO_TYPE, VFIO_BASE + 7)

/**
 * struct vfio_region_info - argument of VFIO_DEVICE_GET_REGION_INFO
 * @argsz: bytes supplied by the caller
 * @flags: VFIO_REGION_INFO_FLAG_* bits: how the region may be accessed
 * @index: the region to describe; set by the caller
 * @cap_offset: offset of the first capability, when
 *              VFIO_REGION_INFO_FLAG_CAPS is set
 * @size: length of the region in bytes; 0 for an unimplemented region
 * @offset: where the region starts in the device file, for read(), write()
 *          and mmap()
 */
struct vfio_region_info {
	__u32	argsz;
	__u32	flags;
	__u32	index;
	__u32	cap_offset;
	__aligned_u64	size;
	__aligned_u64	offset;
};

#define VFIO_REGION_INFO_FLAG_READ	(1 << 0)	/* read() allowed */
#define VFIO_REGION_INFO_FLAG_WRITE	(1 << 1)	/* write() allowed */
#define VFIO_REGION_INFO_FLAG_MMAP	(1 << 2)	/* mmap() allowed */
#define VFIO_REGION_INFO_FLAG_CAPS	(1 << 3)	/* cap_offset is valid */

/* Fills struct vfio_region_info for the index the caller sets. */
#define VFIO_DEVICE_GET_REGION_INFO	_IO(VFIO_TYPE, VFIO_BASE + 8)

/*
 * Region and interrupt indexes of a PCI function (VFIO_DEVICE_FLAGS_PCI).
 * Regions 0-5 are the BARs, 6 the expansion ROM, 7 configuration space and
 * 8 the legacy VGA ranges; a region a function does not implement reports
 * size 0.  The numbering is fixed ABI; device-specific regions, if any,
 * follow VFIO_PCI_NUM_REGIONS.
 */
enum {
	VFIO_PCI_BAR0_REGION_INDEX,
	VFIO_PCI_BAR1_REGION_INDEX,
	VFIO_PCI_BAR2_REGION_INDEX,
	VFIO_PCI_BAR3_REGION_INDEX,
	VFIO_PCI_BAR4_REGION_INDEX,
	VFIO_PCI_BAR5_REGION_INDEX,
	VFIO_PCI_ROM_REGION_INDEX,
	VFIO_PCI_CONFIG_REGION_INDEX,
	VFIO_PCI_VGA_REGION_INDEX,
	VFIO_PCI_NUM_REGIONS = 9
};

enum {
	VFIO_PCI_INTX_IRQ_INDEX,
	VFIO_PCI_MSI_IRQ_INDEX,
	VFIO_PCI_MSIX_IRQ_INDEX,
	VFIO_PCI_ERR_IRQ_INDEX,
	VFIO_PCI_REQ_IRQ_INDEX,
	VFIO_PCI_NUM_IRQS
};

/**
 * struct vfio_device_bind_iommufd - argument of VFIO_DEVICE_BIND_IOMMUFD
 * @argsz: bytes supplied by the caller
 * @flags: no flags are defined; must be zero
 * @iommufd: file descriptor of the iommufd to bind to
 * @out_devid: set to the device ID inside that iommufd, usable wherever an
 *             iommufd command takes a dev_id
 *
 * Only valid on a device cdev.  The device cannot be used until it is
 * bound, and closing the cdev undoes the binding.
 */
struct vfio_device_bind_iommufd {
	__u32		argsz;
	__u32		flags;
	__s32		iommufd;
	__u32		out_devid;
};

#define VFIO_DEVICE_BIND_IOMMUFD	_IO(VFIO_TYPE, VFIO_BASE + 18)

/**
 * struct vfio_device_attach_iommufd_pt - argument of
 *                                        VFIO_DEVICE_ATTACH_IOMMUFD_PT
 * @argsz: bytes supplied by the caller
 * @flags: no flags are defined; must be zero
 * @pt_id: in: an IOAS or hardware page table of the bound iommufd; out:
 *         the hardware page table the device is now attached to (created
 *         automatically when an IOAS was given)
 *
 * Only valid on a bound device cdev.  Attaching again while attached
 * swaps the translation in one step instead of detaching first.
 */
struct vfio_device_attach_iommufd_pt {
	__u32	argsz;
	__u32	flags;
	__u32	pt_id;
};

#define VFIO_DEVICE_ATTACH_IOMMUFD_PT	_IO(VFIO_TYPE, VFIO_BASE + 19)

/**
 * struct vfio_device_detach_iommufd_pt - argument of
 *                                        VFIO_DEVICE_DETACH_IOMMUFD_PT
 * @argsz: bytes supplied by the caller
 * @flags: no flags are defined; must be zero
 *
 * Ends the current attachment; the device is left with all DMA blocked.
 * Only valid on a device cdev.
 */
struct vfio_device_detach_iommufd_pt {
	__u32	argsz;
	__u32	flags;
};

#define VFIO_DEVICE_DETACH_IOMMUFD_PT	_IO(VFIO_TYPE, VFIO_BASE + 20)

/* ------------------------------------------------------------------------
 * Type1 IOMMU model
 */

/**
 * struct vfio_iommu_type1_info - argument of VFIO_IOMMU_GET_INFO
 * @argsz: bytes supplied by the caller; raised to the full size, with
 *         capabilities, when that is larger
 * @flags: VFIO_IOMMU_INFO_* bits saying which fields are valid
 * @iova_pgsizes: bitmap of the IOMMU page sizes mappings can use
 * @cap_offset: offset of the first capability, when VFIO_IOMMU_INFO_CAPS
 *              is set
 * @pad: padding
 */
struct vfio_iommu_type1_info {
	__u32	argsz;
	__u32	flags;
	__aligned_u64	iova_pgsizes;
	__u32	cap_offset;
	__u32	pad;
};

#define VFIO_IOMMU_INFO_PGSIZES		(1 << 0)	/* iova_pgsizes is valid */
#define VFIO_IOMMU_INFO_CAPS		(1 << 1)	/* cap_offset is valid */

/* Capability: the usable IOVA windows (version 1). */
#define VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE	1

/**
 * struct vfio_iova_range - one closed IOVA window
 * @start: first usable IOVA
 * @end: last usable IOVA, inclusive
 */
struct vfio_iova_range {
	__u64	start;
	__u64	end;
};

/**
 * struct vfio_iommu_type1_info_cap_iova_range - usable IOVA windows
 * @header: chain link, id VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE
 * @nr_iovas: number of entries in @iova_ranges
 * @reserved: padding
 * @iova_ranges: the windows; mappings outside all of them are refused
 *
 * Lists the IOVA that remains after removing the reserved regions of the
 * attached devices that cannot be relaxed.
 */
struct vfio_iommu_type1_info_cap_iova_range {
	struct	vfio_info_cap_header header;
	__u32	nr_iovas;
	__u32	reserved;
	struct	vfio_iova_range iova_ranges[];
};

/* Capability: dirty page logging parameters (version 1). */
#define VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION	2

/**
 * struct vfio_iommu_type1_info_cap_migration - dirty logging parameters
 * @header: chain link, id VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION
 * @flags: none are defined
 * @pgsize_bitmap: page sizes dirty bitmaps can be requested in
 * @max_dirty_bitmap_size: largest bitmap, in bytes, one request may ask for
 *
 * Present only when the container can log the pages devices wrote.
 */
struct vfio_iommu_type1_info_cap_migration {
	struct	vfio_info_cap_header header;
	__u32	flags;
	__u64	pgsize_bitmap;
	__u64	max_dirty_bitmap_size;
};

/* Capability: how many more DMA mappings may be created (version 1). */
#define VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL	3

/**
 * struct vfio_iommu_type1_info_dma_avail - remaining mapping budget
 * @header: chain link, id VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL
 * @avail: how many additional mappings the container accepts right now
 */
struct vfio_iommu_type1_info_dma_avail {
	struct	vfio_info_cap_header header;
	__u32	avail;
};

/* Fills struct vfio_iommu_type1_info and its capability chain. */
#define VFIO_IOMMU_GET_INFO		_IO(VFIO_TYPE, VFIO_BASE + 12)

/**
 * struct vfio_iommu_type1_dma_map - argument of VFIO_IOMMU_MAP_DMA
 * @argsz: bytes supplied by the caller
 * @flags: VFIO_DMA_MAP_FLAG_* bits
 * @vaddr: process virtual address of the memory to map
 * @iova: IO virtual address the mapping starts at
 * @size: length of the mapping in bytes
 *
 * Maps [@vaddr, @vaddr + @size) at @iova with the permissions in @flags.
 * With VFIO_DMA_MAP_FLAG_VADDR nothing new is mapped; instead an existing
 * mapping of exactly @iova and @size, whose address was invalidated by
 * VFIO_DMA_UNMAP_FLAG_VADDR, is given the new process address @vaddr,
 * which must reach the same memory as before.  The READ and WRITE flags
 * must then be clear.
 */
struct vfio_iommu_type1_dma_map {
	__u32	argsz;
	__u32	flags;
	__u64	vaddr;
	__u64	iova;
	__u64	size;
};

#define VFIO_DMA_MAP_FLAG_READ		(1 << 0)	/* device may read */
#define VFIO_DMA_MAP_FLAG_WRITE		(1 << 1)	/* device may write */
#define VFIO_DMA_MAP_FLAG_VADDR		(1 << 2)	/* update vaddr only */

#define VFIO_IOMMU_MAP_DMA		_IO(VFIO_TYPE, VFIO_BASE + 13)

/**
 * struct vfio_iommu_type1_dma_unmap - argument of VFIO_IOMMU_UNMAP_DMA
 * @argsz: bytes supplied by the caller
 * @flags: VFIO_DMA_UNMAP_FLAG_* bits
 * @iova: first IO virtual address to unmap
 * @size: in: bytes to unmap; out: bytes that were unmapped
 * @data: trailing payload; with VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP it
 *        holds a bitmap descriptor
 *
 * Removes mappings in the range.  Whether a range that does not line up
 * with earlier map calls can be unmapped depends on the IOMMU model.
 * VFIO_DMA_UNMAP_FLAG_ALL removes everything and needs @iova and @size to
 * be zero.  VFIO_DMA_UNMAP_FLAG_VADDR keeps the mappings and DMA through
 * them, but forgets their process addresses until VFIO_DMA_MAP_FLAG_VADDR
 * supplies new ones.  Neither of those two may be combined with
 * VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP.
 */
struct vfio_iommu_type1_dma_unmap {
	__u32	argsz;
	__u32	flags;
	__u64	iova;
	__u64	size;
	__u8	data[];
};

#define VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP	(1 << 0)	/* report dirty pages */
#define VFIO_DMA_UNMAP_FLAG_ALL			(1 << 1)	/* unmap everything */
#define VFIO_DMA_UNMAP_FLAG_VADDR		(1 << 2)	/* drop vaddr only */

#define VFIO_IOMMU_UNMAP_DMA		_IO(VFIO_TYPE, VFIO_BASE + 14)

/*
 * Dirty page logging control of the type1 model.  iommufd's compatibility
 * layer does not implement it; the number is listed so it can be refused.
 */
#define VFIO_IOMMU_DIRTY_PAGES		_IO(VFIO_TYPE, VFIO_BASE + 17)

#endif /* _UAPIVFIO_H */
