/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Register block of the DMA test device, as its PCI function exposes it in
 * BAR0 (memory, DMA_REGS_BAR_SIZE bytes).  A driver or a VFIO user programs
 * a transfer and rings the doorbell; the device then moves data between
 * its own buffer (the DATA window of the BAR) and memory at an I/O virtual
 * address, through the IOMMU that serves it, and reports the outcome.
 *
 * This header holds plain constants only, so that userspace programs (the
 * selftests, the 'make run' client) can include it as well as host code.
 *
 * Registers are little endian and may be accessed with any width from 1 to
 * 8 bytes; 64-bit registers may also be accessed as two 32-bit halves.
 *
 *   0x000  ID            RO  DMA_REGS_ID
 *   0x004  VERSION       RO  DMA_REGS_VERSION
 *   0x008  IOVA          RW  64-bit I/O virtual address of the transfer
 *   0x010  LEN           RW  bytes, 1 .. DMA_REGS_DATA_SIZE
 *   0x014  PASID         RW  PASID of the requests (with DMA_FLAG_PASID)
 *   0x018  FLAGS         RW  DMA_FLAG_*
 *   0x01c  DOORBELL      WO  any write starts the transfer; reads as 0
 *   0x020  STATUS        RO  DMA_STATUS_* of the last transfer
 *   0x024  FAULT_REASON  RO  the IOMMU's architectural fault reason
 *                            (VT-d: the FR field of the fault record)
 *   0x028  FAULT_ADDR    RO  64-bit IOVA of the access that failed
 *   0x030  XFER          RO  bytes moved by the last transfer (pages before
 *                            a faulting page are moved, as on a real bus)
 *   0x034  FAULT_INFO    RO  DMA_FAULT_INFO_* of the last fault
 *   0x1000 DATA          RW  the device's buffer, DMA_REGS_DATA_SIZE bytes
 *
 * Every other offset reads as 0 and ignores writes.  The transfer runs to
 * completion inside the doorbell write, so STATUS is final as soon as the
 * write returns.
 */
#ifndef _HOST_DMA_DEV_REGS_H
#define _HOST_DMA_DEV_REGS_H

#define DMA_REGS_BAR_SIZE	0x2000
#define DMA_REGS_ID		0x54414d44	/* "DMAT" */
#define DMA_REGS_VERSION	1

#define DMA_REG_ID		0x000
#define DMA_REG_VERSION		0x004
#define DMA_REG_IOVA		0x008
#define DMA_REG_LEN		0x010
#define DMA_REG_PASID		0x014
#define DMA_REG_FLAGS		0x018
#define DMA_REG_DOORBELL	0x01c
#define DMA_REG_STATUS		0x020
#define DMA_REG_FAULT_REASON	0x024
#define DMA_REG_FAULT_ADDR	0x028
#define DMA_REG_XFER		0x030
#define DMA_REG_FAULT_INFO	0x034
#define DMA_REG_SPACE		0x040	/* size of the register part */
#define DMA_REG_DATA		0x1000
#define DMA_REGS_DATA_SIZE	0x1000

/* FLAGS */
#define DMA_FLAG_TO_MEM		0x1	/* write memory from DATA (else read into DATA) */
#define DMA_FLAG_PASID		0x2	/* requests carry PASID */
#define DMA_FLAGS_VALID		(DMA_FLAG_TO_MEM | DMA_FLAG_PASID)

/* STATUS */
#define DMA_STATUS_IDLE		0	/* no transfer since reset */
#define DMA_STATUS_DONE		1	/* every byte was moved */
#define DMA_STATUS_FAULT	2	/* the IOMMU refused an access */
#define DMA_STATUS_ABORT	3	/* translated, but no memory answered */
#define DMA_STATUS_INVALID	4	/* bad LEN, FLAGS or PASID; nothing issued */

/* FAULT_INFO */
#define DMA_FAULT_INFO_RECORDED	0x1	/* the IOMMU wrote a fault record */
#define DMA_FAULT_INFO_WRITE	0x2	/* the failing access was a write */

/* Largest PASID the device can issue (20 bits, as PCIe) */
#define DMA_REGS_PASID_MAX	0xfffff

#endif /* _HOST_DMA_DEV_REGS_H */
