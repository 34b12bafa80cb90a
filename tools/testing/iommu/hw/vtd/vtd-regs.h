/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Architectural definitions of the Intel VT-d model: register offsets, register
 * fields, the in-memory formats of root, context, PASID directory, PASID table
 * and paging entries, invalidation descriptors and fault reasons.
 *
 * This header belongs to the hardware model only.  It sits outside every
 * include path on purpose: the kernel driver keeps its own definitions, so a
 * wrong bit position on either side shows up as a test failure instead of
 * cancelling out.  The model's tests include it to build tables by hand.
 *
 * Names follow the specification's field names with a VTDM_ ("VT-d model")
 * prefix.  Bit n is the value 1 << n of the little-endian word named.
 */
#ifndef _HW_VTD_REGS_H
#define _HW_VTD_REGS_H

#include <linux/bits.h>
#include <linux/types.h>

/* ---- Register offsets ---------------------------------------------------- */

#define VTDM_REG_VER		0x000	/* 32-bit */
#define VTDM_REG_CAP		0x008	/* 64-bit */
#define VTDM_REG_ECAP		0x010	/* 64-bit */
#define VTDM_REG_GCMD		0x018	/* 32-bit, write only */
#define VTDM_REG_GSTS		0x01c	/* 32-bit, read only */
#define VTDM_REG_RTADDR		0x020	/* 64-bit */
#define VTDM_REG_CCMD		0x028	/* 64-bit */
#define VTDM_REG_FSTS		0x034	/* 32-bit */
#define VTDM_REG_FECTL		0x038	/* 32-bit */
#define VTDM_REG_FEDATA		0x03c	/* 32-bit */
#define VTDM_REG_FEADDR		0x040	/* 32-bit */
#define VTDM_REG_FEUADDR	0x044	/* 32-bit */
#define VTDM_REG_AFLOG		0x058	/* 64-bit */
#define VTDM_REG_PMEN		0x064	/* 32-bit */
#define VTDM_REG_PLMBASE	0x068	/* 32-bit */
#define VTDM_REG_PLMLIMIT	0x06c	/* 32-bit */
#define VTDM_REG_PHMBASE	0x070	/* 64-bit */
#define VTDM_REG_PHMLIMIT	0x078	/* 64-bit */
#define VTDM_REG_IQH		0x080	/* 64-bit */
#define VTDM_REG_IQT		0x088	/* 64-bit */
#define VTDM_REG_IQA		0x090	/* 64-bit */
#define VTDM_REG_ICS		0x09c	/* 32-bit */
#define VTDM_REG_IECTL		0x0a0	/* 32-bit */
#define VTDM_REG_IEDATA		0x0a4	/* 32-bit */
#define VTDM_REG_IEADDR		0x0a8	/* 32-bit */
#define VTDM_REG_IEUADDR	0x0ac	/* 32-bit */
#define VTDM_REG_IQER		0x0b0	/* 64-bit */
#define VTDM_REG_IRTA		0x0b8	/* 64-bit */

/* Where this model places the IOTLB registers and the fault records. */
#define VTDM_IRO_OFFSET		0x100	/* ECAP.IRO = 0x10 */
#define VTDM_FRO_OFFSET		0x200	/* CAP.FRO = 0x20 */

/* Relative to ECAP.IRO * 16. */
#define VTDM_REG_IVA_REL	0x0
#define VTDM_REG_IOTLB_REL	0x8

#define VTDM_FRCD_SIZE		16

/* ---- VER ------------------------------------------------------------------ */

#define VTDM_VER_MAJOR(v)	(((v) >> 4) & 0xf)
#define VTDM_VER_MINOR(v)	((v) & 0xf)

/* ---- CAP ------------------------------------------------------------------ */

#define VTDM_CAP_ND_SHIFT	0
#define VTDM_CAP_ND_MASK	GENMASK_ULL(2, 0)
#define VTDM_CAP_AFL		BIT_ULL(3)
#define VTDM_CAP_RWBF		BIT_ULL(4)
#define VTDM_CAP_PLMR		BIT_ULL(5)
#define VTDM_CAP_PHMR		BIT_ULL(6)
#define VTDM_CAP_CM		BIT_ULL(7)
#define VTDM_CAP_SAGAW_SHIFT	8
#define VTDM_CAP_SAGAW_MASK	GENMASK_ULL(12, 8)
#define VTDM_CAP_MGAW_SHIFT	16
#define VTDM_CAP_MGAW_MASK	GENMASK_ULL(21, 16)
#define VTDM_CAP_ZLR		BIT_ULL(22)
#define VTDM_CAP_FRO_SHIFT	24
#define VTDM_CAP_FRO_MASK	GENMASK_ULL(33, 24)
#define VTDM_CAP_SLLPS_SHIFT	34
#define VTDM_CAP_SLLPS_MASK	GENMASK_ULL(37, 34)
#define VTDM_CAP_PSI		BIT_ULL(39)
#define VTDM_CAP_NFR_SHIFT	40
#define VTDM_CAP_NFR_MASK	GENMASK_ULL(47, 40)
#define VTDM_CAP_MAMV_SHIFT	48
#define VTDM_CAP_MAMV_MASK	GENMASK_ULL(53, 48)
#define VTDM_CAP_DWD		BIT_ULL(54)
#define VTDM_CAP_DRD		BIT_ULL(55)
#define VTDM_CAP_FL1GP		BIT_ULL(56)
#define VTDM_CAP_PI		BIT_ULL(59)
#define VTDM_CAP_FL5LP		BIT_ULL(60)
#define VTDM_CAP_ECMDS		BIT_ULL(61)
#define VTDM_CAP_ESIRTPS	BIT_ULL(62)
#define VTDM_CAP_ESRTPS		BIT_ULL(63)

/* SAGAW bits (after shifting) and the matching AW codes. */
#define VTDM_SAGAW_39		BIT(1)
#define VTDM_SAGAW_48		BIT(2)
#define VTDM_SAGAW_57		BIT(3)
#define VTDM_AW_39		1	/* 3-level */
#define VTDM_AW_48		2	/* 4-level */
#define VTDM_AW_57		3	/* 5-level */

/* SLLPS bits (after shifting). */
#define VTDM_SLLPS_2M		BIT(0)
#define VTDM_SLLPS_1G		BIT(1)

/* ---- ECAP ----------------------------------------------------------------- */

#define VTDM_ECAP_C		BIT_ULL(0)
#define VTDM_ECAP_QI		BIT_ULL(1)
#define VTDM_ECAP_DT		BIT_ULL(2)
#define VTDM_ECAP_IR		BIT_ULL(3)
#define VTDM_ECAP_EIM		BIT_ULL(4)
#define VTDM_ECAP_PT		BIT_ULL(6)
#define VTDM_ECAP_SC		BIT_ULL(7)
#define VTDM_ECAP_IRO_SHIFT	8
#define VTDM_ECAP_IRO_MASK	GENMASK_ULL(17, 8)
#define VTDM_ECAP_MHMV_SHIFT	20
#define VTDM_ECAP_MHMV_MASK	GENMASK_ULL(23, 20)
#define VTDM_ECAP_NEST		BIT_ULL(26)
#define VTDM_ECAP_PRS		BIT_ULL(29)
#define VTDM_ECAP_ERS		BIT_ULL(30)
#define VTDM_ECAP_SRS		BIT_ULL(31)
#define VTDM_ECAP_PSS_SHIFT	35
#define VTDM_ECAP_PSS_MASK	GENMASK_ULL(39, 35)
#define VTDM_ECAP_PASID		BIT_ULL(40)
#define VTDM_ECAP_SMTS		BIT_ULL(43)
#define VTDM_ECAP_SLADS		BIT_ULL(45)
#define VTDM_ECAP_SLTS		BIT_ULL(46)
#define VTDM_ECAP_FLTS		BIT_ULL(47)
#define VTDM_ECAP_SMPWC		BIT_ULL(48)

/* ---- GCMD / GSTS ------------------------------------------------------------ */

#define VTDM_GCMD_TE		BIT(31)
#define VTDM_GCMD_SRTP		BIT(30)
#define VTDM_GCMD_SFL		BIT(29)
#define VTDM_GCMD_EAFL		BIT(28)
#define VTDM_GCMD_WBF		BIT(27)
#define VTDM_GCMD_QIE		BIT(26)
#define VTDM_GCMD_IRE		BIT(25)
#define VTDM_GCMD_SIRTP		BIT(24)
#define VTDM_GCMD_CFI		BIT(23)

#define VTDM_GSTS_TES		BIT(31)
#define VTDM_GSTS_RTPS		BIT(30)
#define VTDM_GSTS_FLS		BIT(29)
#define VTDM_GSTS_AFLS		BIT(28)
#define VTDM_GSTS_WBFS		BIT(27)
#define VTDM_GSTS_QIES		BIT(26)
#define VTDM_GSTS_IRES		BIT(25)
#define VTDM_GSTS_IRTPS		BIT(24)
#define VTDM_GSTS_CFIS		BIT(23)

/* ---- RTADDR ------------------------------------------------------------------ */

#define VTDM_RTADDR_ADDR_MASK	GENMASK_ULL(63, 12)
#define VTDM_RTADDR_TTM_SHIFT	10
#define VTDM_RTADDR_TTM_MASK	GENMASK_ULL(11, 10)
#define VTDM_TTM_LEGACY		0
#define VTDM_TTM_SCALABLE	1
#define VTDM_TTM_RESERVED	2
#define VTDM_TTM_ABORT		3

/* ---- CCMD ------------------------------------------------------------------- */

#define VTDM_CCMD_ICC		BIT_ULL(63)
#define VTDM_CCMD_CIRG_SHIFT	61
#define VTDM_CCMD_CIRG_MASK	GENMASK_ULL(62, 61)
#define VTDM_CCMD_CAIG_SHIFT	59
#define VTDM_CCMD_CAIG_MASK	GENMASK_ULL(60, 59)
#define VTDM_CCMD_FM_SHIFT	32
#define VTDM_CCMD_FM_MASK	GENMASK_ULL(33, 32)
#define VTDM_CCMD_SID_SHIFT	16
#define VTDM_CCMD_SID_MASK	GENMASK_ULL(31, 16)
#define VTDM_CCMD_DID_MASK	GENMASK_ULL(15, 0)

/* Granularities shared by CCMD.CIRG and the context-cache descriptor. */
#define VTDM_CC_GLOBAL		1
#define VTDM_CC_DOMAIN		2
#define VTDM_CC_DEVICE		3

/* ---- FSTS / FECTL / ICS / IECTL ---------------------------------------------- */

#define VTDM_FSTS_PFO		BIT(0)
#define VTDM_FSTS_PPF		BIT(1)
#define VTDM_FSTS_AFO		BIT(2)
#define VTDM_FSTS_APF		BIT(3)
#define VTDM_FSTS_IQE		BIT(4)
#define VTDM_FSTS_ICE		BIT(5)
#define VTDM_FSTS_ITE		BIT(6)
#define VTDM_FSTS_PRO		BIT(7)
#define VTDM_FSTS_FRI_SHIFT	8
#define VTDM_FSTS_FRI_MASK	GENMASK(15, 8)
/* Bits software clears by writing 1. */
#define VTDM_FSTS_RW1C		(VTDM_FSTS_PFO | VTDM_FSTS_AFO | VTDM_FSTS_APF | \
				 VTDM_FSTS_IQE | VTDM_FSTS_ICE | VTDM_FSTS_ITE | \
				 VTDM_FSTS_PRO)

#define VTDM_FECTL_IM		BIT(31)
#define VTDM_FECTL_IP		BIT(30)

#define VTDM_ICS_IWC		BIT(0)

#define VTDM_IECTL_IM		BIT(31)
#define VTDM_IECTL_IP		BIT(30)

/* ---- Invalidation queue registers --------------------------------------------- */

#define VTDM_IQ_HT_MASK		GENMASK_ULL(18, 4)
#define VTDM_IQA_ADDR_MASK	GENMASK_ULL(63, 12)
#define VTDM_IQA_DW		BIT_ULL(11)
#define VTDM_IQA_QS_MASK	GENMASK_ULL(2, 0)

#define VTDM_IQER_IQEI_MASK	GENMASK_ULL(3, 0)
/*
 * IQER.IQEI values reported by this model (the model's own numbering of
 * queue errors, for software that wants to log them).
 */
#define VTDM_IQEI_FETCH		1	/* descriptor address is not memory */
#define VTDM_IQEI_INVALID	2	/* bad type, reserved bits or field */
#define VTDM_IQEI_WIDTH		3	/* 256-bit descriptors without SMTS */
#define VTDM_IQEI_STATUS_WRITE	4	/* wait status address is not memory */
#define VTDM_IQEI_TAIL		6	/* IQT beyond the queue or misaligned */

/* ---- Register-based IOTLB invalidation ------------------------------------------ */

#define VTDM_IOTLB_IVT		BIT_ULL(63)
#define VTDM_IOTLB_IIRG_SHIFT	60
#define VTDM_IOTLB_IIRG_MASK	GENMASK_ULL(61, 60)
#define VTDM_IOTLB_IAIG_SHIFT	57
#define VTDM_IOTLB_IAIG_MASK	GENMASK_ULL(58, 57)
#define VTDM_IOTLB_DR		BIT_ULL(49)
#define VTDM_IOTLB_DW		BIT_ULL(48)
#define VTDM_IOTLB_DID_SHIFT	32
#define VTDM_IOTLB_DID_MASK	GENMASK_ULL(47, 32)

#define VTDM_IVA_ADDR_MASK	GENMASK_ULL(63, 12)
#define VTDM_IVA_IH		BIT_ULL(6)
#define VTDM_IVA_AM_MASK	GENMASK_ULL(5, 0)

/* Granularities shared by the IOTLB register and the IOTLB descriptor. */
#define VTDM_IOTLB_GLOBAL	1
#define VTDM_IOTLB_DOMAIN	2
#define VTDM_IOTLB_PAGE		3

/* ---- Fault recording register (128 bits: lo qword, hi qword) ------------------ */

#define VTDM_FRCD_LO_FI_MASK	GENMASK_ULL(63, 12)
#define VTDM_FRCD_HI_SID_MASK	GENMASK_ULL(15, 0)
#define VTDM_FRCD_HI_PP		BIT_ULL(31)
#define VTDM_FRCD_HI_FR_SHIFT	32
#define VTDM_FRCD_HI_FR_MASK	GENMASK_ULL(39, 32)
#define VTDM_FRCD_HI_PV_SHIFT	40
#define VTDM_FRCD_HI_PV_MASK	GENMASK_ULL(59, 40)
#define VTDM_FRCD_HI_AT_MASK	GENMASK_ULL(61, 60)
#define VTDM_FRCD_HI_T		BIT_ULL(62)	/* 1: read, 0: write */
#define VTDM_FRCD_HI_F		BIT_ULL(63)

/* ---- Root entries ---------------------------------------------------------------- */

#define VTDM_ROOT_ENTRIES	256
#define VTDM_ROOT_P		BIT_ULL(0)	/* legacy P, scalable LP (lo) / UP (hi) */
#define VTDM_ROOT_CTP_MASK	GENMASK_ULL(63, 12)
#define VTDM_ROOT_RSVD_LOW	GENMASK_ULL(11, 1)

/* ---- Legacy context entries ---------------------------------------------------- */

#define VTDM_CTX_P		BIT_ULL(0)
#define VTDM_CTX_FPD		BIT_ULL(1)
#define VTDM_CTX_TT_SHIFT	2
#define VTDM_CTX_TT_MASK	GENMASK_ULL(3, 2)
#define VTDM_CTX_LO_RSVD	GENMASK_ULL(11, 4)
#define VTDM_CTX_SLPTPTR_MASK	GENMASK_ULL(63, 12)
#define VTDM_CTX_HI_AW_MASK	GENMASK_ULL(2, 0)
#define VTDM_CTX_HI_AVAIL_MASK	GENMASK_ULL(6, 3)
#define VTDM_CTX_HI_DID_SHIFT	8
#define VTDM_CTX_HI_DID_MASK	GENMASK_ULL(23, 8)
#define VTDM_CTX_HI_RSVD	(BIT_ULL(7) | GENMASK_ULL(63, 24))

#define VTDM_TT_SLONLY		0
#define VTDM_TT_DEVTLB		1
#define VTDM_TT_PASSTHROUGH	2
#define VTDM_TT_RESERVED	3

/* ---- Scalable-mode context entries (256 bits: qw0..qw3) ---------------------------- */

#define VTDM_SMCTX_P		BIT_ULL(0)
#define VTDM_SMCTX_FPD		BIT_ULL(1)
#define VTDM_SMCTX_DTE		BIT_ULL(2)
#define VTDM_SMCTX_PASIDE	BIT_ULL(3)
#define VTDM_SMCTX_PRE		BIT_ULL(4)
#define VTDM_SMCTX_RSVD0	GENMASK_ULL(8, 5)
#define VTDM_SMCTX_PDTS_SHIFT	9
#define VTDM_SMCTX_PDTS_MASK	GENMASK_ULL(11, 9)
#define VTDM_SMCTX_PDIR_MASK	GENMASK_ULL(63, 12)
#define VTDM_SMCTX_RIDPASID_MASK GENMASK_ULL(19, 0)
#define VTDM_SMCTX_RIDPRIV	BIT_ULL(20)
#define VTDM_SMCTX_RSVD1	GENMASK_ULL(63, 21)

/* ---- PASID directory and table ------------------------------------------------------ */

#define VTDM_PDE_P		BIT_ULL(0)
#define VTDM_PDE_FPD		BIT_ULL(1)
#define VTDM_PDE_RSVD		GENMASK_ULL(11, 2)
#define VTDM_PDE_PTP_MASK	GENMASK_ULL(63, 12)

#define VTDM_PASID_DIR_SHIFT	6	/* directory index = PASID[19:6] */
#define VTDM_PASID_TBL_MASK	0x3f	/* table index = PASID[5:0] */
#define VTDM_PASID_ENTRY_SIZE	64
#define VTDM_PASID_MAX_BITS	20

/* qw0 */
#define VTDM_PE0_P		BIT_ULL(0)
#define VTDM_PE0_FPD		BIT_ULL(1)
#define VTDM_PE0_AW_SHIFT	2
#define VTDM_PE0_AW_MASK	GENMASK_ULL(4, 2)
#define VTDM_PE0_PGTT_SHIFT	6
#define VTDM_PE0_PGTT_MASK	GENMASK_ULL(8, 6)
#define VTDM_PE0_SSADE		BIT_ULL(9)
#define VTDM_PE0_RSVD		GENMASK_ULL(11, 10)
#define VTDM_PE0_SLPTPTR_MASK	GENMASK_ULL(63, 12)
/* qw1 */
#define VTDM_PE1_DID_MASK	GENMASK_ULL(15, 0)
#define VTDM_PE1_PWSNP		BIT_ULL(23)
#define VTDM_PE1_PGSNP		BIT_ULL(24)
#define VTDM_PE1_RSVD		(GENMASK_ULL(22, 16) | GENMASK_ULL(63, 25))
/* qw2 */
#define VTDM_PE2_SRE		BIT_ULL(0)
#define VTDM_PE2_FLPM_SHIFT	2
#define VTDM_PE2_FLPM_MASK	GENMASK_ULL(3, 2)
#define VTDM_PE2_WPE		BIT_ULL(4)
#define VTDM_PE2_EAFE		BIT_ULL(7)
#define VTDM_PE2_RSVD		(BIT_ULL(1) | GENMASK_ULL(6, 5) | GENMASK_ULL(11, 8))
#define VTDM_PE2_FLPTPTR_MASK	GENMASK_ULL(63, 12)

#define VTDM_PGTT_FL		1
#define VTDM_PGTT_SL		2
#define VTDM_PGTT_NESTED	3
#define VTDM_PGTT_PT		4

/* ---- Second-stage (second-level) paging entries ------------------------------------ */

#define VTDM_SL_R		BIT_ULL(0)
#define VTDM_SL_W		BIT_ULL(1)
#define VTDM_SL_X		BIT_ULL(2)
#define VTDM_SL_PS		BIT_ULL(7)
#define VTDM_SL_SNP		BIT_ULL(11)
#define VTDM_SL_TM		BIT_ULL(62)
#define VTDM_SL_ADDR_MASK	GENMASK_ULL(51, 12)

/* ---- First-stage (first-level) paging entries: x86-64 format ----------------------- */

#define VTDM_FL_P		BIT_ULL(0)
#define VTDM_FL_RW		BIT_ULL(1)
#define VTDM_FL_US		BIT_ULL(2)
#define VTDM_FL_PWT		BIT_ULL(3)
#define VTDM_FL_PCD		BIT_ULL(4)
#define VTDM_FL_A		BIT_ULL(5)
#define VTDM_FL_D		BIT_ULL(6)
#define VTDM_FL_PS		BIT_ULL(7)
#define VTDM_FL_G		BIT_ULL(8)
#define VTDM_FL_XD		BIT_ULL(63)
#define VTDM_FL_ADDR_MASK	GENMASK_ULL(51, 12)

/* ---- Invalidation descriptors ------------------------------------------------------- */

#define VTDM_QI_TYPE_MASK	GENMASK_ULL(3, 0)
#define VTDM_QI_TYPE_HI_MASK	GENMASK_ULL(11, 9)
#define VTDM_QI_CC		0x1
#define VTDM_QI_IOTLB		0x2
#define VTDM_QI_DEVTLB		0x3
#define VTDM_QI_IEC		0x4
#define VTDM_QI_WAIT		0x5
#define VTDM_QI_PIOTLB		0x6
#define VTDM_QI_PC		0x7
#define VTDM_QI_PDEVTLB		0x8

#define VTDM_QI_GRAN_SHIFT	4
#define VTDM_QI_GRAN_MASK	GENMASK_ULL(5, 4)
#define VTDM_QI_DID_SHIFT	16
#define VTDM_QI_DID_MASK	GENMASK_ULL(31, 16)
#define VTDM_QI_PASID_SHIFT	32
#define VTDM_QI_PASID_MASK	GENMASK_ULL(51, 32)

/* Context-cache descriptor, qw0 */
#define VTDM_QI_CC_SID_SHIFT	32
#define VTDM_QI_CC_SID_MASK	GENMASK_ULL(47, 32)
#define VTDM_QI_CC_FM_SHIFT	48
#define VTDM_QI_CC_FM_MASK	GENMASK_ULL(49, 48)
#define VTDM_QI_CC_VALID0	(VTDM_QI_TYPE_MASK | VTDM_QI_GRAN_MASK | VTDM_QI_DID_MASK | \
				 VTDM_QI_CC_SID_MASK | VTDM_QI_CC_FM_MASK)

/* IOTLB descriptor */
#define VTDM_QI_IOTLB_DW	BIT_ULL(6)
#define VTDM_QI_IOTLB_DR	BIT_ULL(7)
#define VTDM_QI_IOTLB_VALID0	(VTDM_QI_TYPE_MASK | VTDM_QI_GRAN_MASK | VTDM_QI_IOTLB_DW | \
				 VTDM_QI_IOTLB_DR | VTDM_QI_DID_MASK)
#define VTDM_QI_ADDR_MASK	GENMASK_ULL(63, 12)
#define VTDM_QI_IH		BIT_ULL(6)
#define VTDM_QI_AM_MASK		GENMASK_ULL(5, 0)
#define VTDM_QI_IOTLB_VALID1	(VTDM_QI_ADDR_MASK | VTDM_QI_IH | VTDM_QI_AM_MASK)

/* Device-TLB descriptor */
#define VTDM_QI_DEVTLB_VALID0	(VTDM_QI_TYPE_MASK | GENMASK_ULL(20, 12) | \
				 GENMASK_ULL(47, 32) | GENMASK_ULL(63, 52))
#define VTDM_QI_DEVTLB_S	BIT_ULL(0)
#define VTDM_QI_DEVTLB_VALID1	(VTDM_QI_ADDR_MASK | VTDM_QI_DEVTLB_S)

/* Interrupt-entry-cache descriptor */
#define VTDM_QI_IEC_VALID0	(VTDM_QI_TYPE_MASK | BIT_ULL(4) | GENMASK_ULL(31, 27) | \
				 GENMASK_ULL(47, 32))

/* Invalidation-wait descriptor */
#define VTDM_QI_WAIT_IF		BIT_ULL(4)
#define VTDM_QI_WAIT_SW		BIT_ULL(5)
#define VTDM_QI_WAIT_FN		BIT_ULL(6)
#define VTDM_QI_WAIT_PD		BIT_ULL(7)
#define VTDM_QI_WAIT_DATA_SHIFT	32
#define VTDM_QI_WAIT_VALID0	(VTDM_QI_TYPE_MASK | GENMASK_ULL(7, 4) | GENMASK_ULL(63, 32))
#define VTDM_QI_WAIT_ADDR_MASK	GENMASK_ULL(63, 2)

/* PASID-based IOTLB descriptor */
#define VTDM_QI_PIOTLB_VALID0	(VTDM_QI_TYPE_MASK | VTDM_QI_GRAN_MASK | VTDM_QI_DID_MASK | \
				 VTDM_QI_PASID_MASK)
#define VTDM_QI_PIOTLB_PASID	2	/* all mappings of DID + PASID */
#define VTDM_QI_PIOTLB_PAGE	3	/* page-selective within DID + PASID */

/* PASID-cache descriptor */
#define VTDM_QI_PC_VALID0	VTDM_QI_PIOTLB_VALID0
#define VTDM_QI_PC_DOMAIN	0
#define VTDM_QI_PC_PASID	1
#define VTDM_QI_PC_GLOBAL	3

/* PASID-based device-TLB descriptor */
#define VTDM_QI_PDEVTLB_VALID0	(VTDM_QI_TYPE_MASK | GENMASK_ULL(8, 4) | GENMASK_ULL(15, 12) | \
				 GENMASK_ULL(31, 16) | VTDM_QI_PASID_MASK | GENMASK_ULL(63, 52))
#define VTDM_QI_PDEVTLB_VALID1	(VTDM_QI_ADDR_MASK | BIT_ULL(11) | BIT_ULL(0))

/* ---- Fault reasons -------------------------------------------------------------------- */

#define VTDM_FR_ROOT_NOT_PRESENT	0x01
#define VTDM_FR_CTX_NOT_PRESENT		0x02
#define VTDM_FR_CTX_INVALID		0x03
#define VTDM_FR_BEYOND_AGAW		0x04
#define VTDM_FR_NO_WRITE		0x05
#define VTDM_FR_NO_READ			0x06
#define VTDM_FR_SL_TABLE_ACCESS		0x07
#define VTDM_FR_ROOT_ACCESS		0x08
#define VTDM_FR_CTX_ACCESS		0x09
#define VTDM_FR_ROOT_RSVD		0x0a
#define VTDM_FR_CTX_RSVD		0x0b
#define VTDM_FR_SL_RSVD			0x0c
#define VTDM_FR_TT_BLOCKED		0x0d

#define VTDM_FR_SM_RTADDR_INVALID	0x30
#define VTDM_FR_SM_TTM0_PASID		0x31
#define VTDM_FR_SM_ROOT_ACCESS		0x38
#define VTDM_FR_SM_ROOT_NOT_PRESENT	0x39
#define VTDM_FR_SM_ROOT_RSVD		0x3a
#define VTDM_FR_SM_CTX_ACCESS		0x40
#define VTDM_FR_SM_CTX_NOT_PRESENT	0x41
#define VTDM_FR_SM_CTX_RSVD		0x42
#define VTDM_FR_SM_CTX_INVALID		0x43
#define VTDM_FR_SM_PASIDE_CLEAR		0x45
#define VTDM_FR_SM_PASID_TOO_BIG	0x46
#define VTDM_FR_SM_RIDPASID		0x48
#define VTDM_FR_SM_PDIR_ACCESS		0x50
#define VTDM_FR_SM_PDIR_NOT_PRESENT	0x51
#define VTDM_FR_SM_PDIR_RSVD		0x52
#define VTDM_FR_SM_PE_ACCESS		0x58
#define VTDM_FR_SM_PE_NOT_PRESENT	0x59
#define VTDM_FR_SM_PE_RSVD		0x5a
#define VTDM_FR_SM_PE_INVALID		0x5b
#define VTDM_FR_SM_SRE_CLEAR		0x5d
#define VTDM_FR_SM_FL_ACCESS		0x70
#define VTDM_FR_SM_FL_NOT_PRESENT	0x71
#define VTDM_FR_SM_FL_RSVD		0x72
#define VTDM_FR_SM_SL_ACCESS		0x78
#define VTDM_FR_SM_SL_RSVD		0x7a
#define VTDM_FR_SM_SL_PTR_INVALID	0x7b
#define VTDM_FR_SM_NON_CANONICAL	0x80
#define VTDM_FR_SM_US_CLEAR		0x81
#define VTDM_FR_SM_NO_EXEC		0x82
#define VTDM_FR_SM_BEYOND_MAX		0x83
#define VTDM_FR_SM_NO_WRITE		0x85
#define VTDM_FR_SM_NO_READ		0x86
#define VTDM_FR_SM_INTR_ADDR		0x87

#endif /* _HW_VTD_REGS_H */
