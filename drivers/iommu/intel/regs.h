/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intel VT-d remapping hardware: register offsets and register fields, as
 * the driver uses them. Field masks are GENMASK()s meant for FIELD_GET() and
 * FIELD_PREP(); single-bit fields are BIT()s.
 */
#ifndef _INTEL_IOMMU_REGS_H
#define _INTEL_IOMMU_REGS_H

#include <linux/bitfield.h>
#include <linux/bits.h>

/* Register offsets within a remapping unit's window */
#define DMAR_VER_REG		0x00	/* 32: version */
#define DMAR_CAP_REG		0x08	/* 64: capabilities */
#define DMAR_ECAP_REG		0x10	/* 64: extended capabilities */
#define DMAR_GCMD_REG		0x18	/* 32: global command (write only) */
#define DMAR_GSTS_REG		0x1c	/* 32: global status */
#define DMAR_RTADDR_REG		0x20	/* 64: root table address */
#define DMAR_CCMD_REG		0x28	/* 64: context command */
#define DMAR_FSTS_REG		0x34	/* 32: fault status */
#define DMAR_FECTL_REG		0x38	/* 32: fault event control */
#define DMAR_FEDATA_REG		0x3c	/* 32: fault event message data */
#define DMAR_FEADDR_REG		0x40	/* 32: fault event message address */
#define DMAR_FEUADDR_REG	0x44	/* 32: fault event upper address */
#define DMAR_PMEN_REG		0x64	/* 32: protected memory enable */
#define DMAR_IQH_REG		0x80	/* 64: invalidation queue head */
#define DMAR_IQT_REG		0x88	/* 64: invalidation queue tail */
#define DMAR_IQA_REG		0x90	/* 64: invalidation queue address */
#define DMAR_ICS_REG		0x9c	/* 32: invalidation completion status */
#define DMAR_IQER_REG		0xb0	/* 64: invalidation queue error */

/* Relative to ECAP.IRO * 16: the register-based IOTLB invalidation pair */
#define DMAR_IVA_OFF		0x0
#define DMAR_IOTLB_OFF		0x8

/* Size of one fault recording register (at CAP.FRO * 16) */
#define DMAR_FRCD_SIZE		16

/* VER */
#define DMAR_VER_MAJOR		GENMASK(7, 4)
#define DMAR_VER_MINOR		GENMASK(3, 0)

/* CAP */
#define DMAR_CAP_ND		GENMASK_ULL(2, 0)
#define DMAR_CAP_RWBF		BIT_ULL(4)
#define DMAR_CAP_CM		BIT_ULL(7)
#define DMAR_CAP_SAGAW		GENMASK_ULL(12, 8)
#define DMAR_CAP_MGAW		GENMASK_ULL(21, 16)
#define DMAR_CAP_FRO		GENMASK_ULL(33, 24)
#define DMAR_CAP_SLLPS		GENMASK_ULL(37, 34)
#define DMAR_CAP_PSI		BIT_ULL(39)
#define DMAR_CAP_NFR		GENMASK_ULL(47, 40)
#define DMAR_CAP_MAMV		GENMASK_ULL(53, 48)
#define DMAR_CAP_FL1GP		BIT_ULL(56)
#define DMAR_CAP_FL5LP		BIT_ULL(60)
#define DMAR_CAP_ESRTPS		BIT_ULL(63)

/* CAP.SAGAW bits, indexed by the AW code of context and PASID entries */
#define DMAR_AW_39BIT		1	/* 3-level table */
#define DMAR_AW_48BIT		2	/* 4-level table */
#define DMAR_AW_57BIT		3	/* 5-level table */

/* CAP.SLLPS bits */
#define DMAR_SLLPS_2M		BIT(0)
#define DMAR_SLLPS_1G		BIT(1)

/* ECAP */
#define DMAR_ECAP_C		BIT_ULL(0)
#define DMAR_ECAP_QI		BIT_ULL(1)
#define DMAR_ECAP_DT		BIT_ULL(2)
#define DMAR_ECAP_IR		BIT_ULL(3)
#define DMAR_ECAP_PT		BIT_ULL(6)
#define DMAR_ECAP_SC		BIT_ULL(7)
#define DMAR_ECAP_IRO		GENMASK_ULL(17, 8)
#define DMAR_ECAP_NEST		BIT_ULL(26)
#define DMAR_ECAP_PRS		BIT_ULL(29)
#define DMAR_ECAP_SRS		BIT_ULL(31)
#define DMAR_ECAP_PSS		GENMASK_ULL(39, 35)
#define DMAR_ECAP_PASID		BIT_ULL(40)
#define DMAR_ECAP_SMTS		BIT_ULL(43)
#define DMAR_ECAP_SLTS		BIT_ULL(46)
#define DMAR_ECAP_FLTS		BIT_ULL(47)
#define DMAR_ECAP_SMPWC		BIT_ULL(48)

/* GCMD (commands) and GSTS (the matching status bits) */
#define DMAR_GCMD_TE		BIT(31)
#define DMAR_GCMD_SRTP		BIT(30)
#define DMAR_GCMD_WBF		BIT(27)
#define DMAR_GCMD_QIE		BIT(26)
#define DMAR_GSTS_TES		BIT(31)
#define DMAR_GSTS_RTPS		BIT(30)
#define DMAR_GSTS_WBFS		BIT(27)
#define DMAR_GSTS_QIES		BIT(26)
/* GSTS bits that stand for persistent state: rewritten with every command */
#define DMAR_GSTS_PERSISTENT	(BIT(31) | BIT(26) | BIT(25) | BIT(24) | BIT(23))

/* RTADDR */
#define DMAR_RTADDR_SMT		BIT_ULL(10)	/* TTM = scalable mode */

/* CCMD (register-based context-cache invalidation) */
#define DMAR_CCMD_ICC		BIT_ULL(63)
#define DMAR_CCMD_CIRG		GENMASK_ULL(62, 61)
#define DMAR_CCMD_CAIG		GENMASK_ULL(60, 59)
#define DMAR_CCMD_FM		GENMASK_ULL(33, 32)
#define DMAR_CCMD_SID		GENMASK_ULL(31, 16)
#define DMAR_CCMD_DID		GENMASK_ULL(15, 0)

/* IOTLB register (register-based IOTLB invalidation) and IVA */
#define DMAR_IOTLB_IVT		BIT_ULL(63)
#define DMAR_IOTLB_IIRG		GENMASK_ULL(61, 60)
#define DMAR_IOTLB_IAIG		GENMASK_ULL(58, 57)
#define DMAR_IOTLB_DR		BIT_ULL(49)
#define DMAR_IOTLB_DW		BIT_ULL(48)
#define DMAR_IOTLB_DID		GENMASK_ULL(47, 32)
#define DMAR_IVA_IH		BIT_ULL(6)
#define DMAR_IVA_AM		GENMASK_ULL(5, 0)

/* Granularities of context-cache and IOTLB invalidation (CIRG, IIRG, G) */
#define DMAR_INV_GLOBAL		1
#define DMAR_INV_DOMAIN		2
#define DMAR_INV_DEVICE		3	/* context cache */
#define DMAR_INV_PAGE		3	/* IOTLB */

/* FSTS */
#define DMAR_FSTS_PFO		BIT(0)
#define DMAR_FSTS_PPF		BIT(1)
#define DMAR_FSTS_IQE		BIT(4)
#define DMAR_FSTS_ICE		BIT(5)
#define DMAR_FSTS_ITE		BIT(6)
#define DMAR_FSTS_PRO		BIT(7)
#define DMAR_FSTS_FRI		GENMASK(15, 8)

/* FECTL */
#define DMAR_FECTL_IM		BIT(31)
#define DMAR_FECTL_IP		BIT(30)

/* IQA, IQH/IQT */
#define DMAR_IQA_DW		BIT_ULL(11)
#define DMAR_IQA_QS		GENMASK_ULL(2, 0)
#define DMAR_IQ_INDEX		GENMASK_ULL(18, 4)

/* ICS */
#define DMAR_ICS_IWC		BIT(0)

/* Fault recording register: bytes 0-7 (lo) and 8-15 (hi) */
#define DMAR_FRCD_FI		GENMASK_ULL(63, 12)
#define DMAR_FRCD_SID		GENMASK_ULL(15, 0)
#define DMAR_FRCD_PP		BIT_ULL(31)
#define DMAR_FRCD_FR		GENMASK_ULL(39, 32)
#define DMAR_FRCD_PV		GENMASK_ULL(59, 40)
#define DMAR_FRCD_T		BIT_ULL(62)	/* set: read request */
#define DMAR_FRCD_F		BIT_ULL(63)
/* The F bit as seen by a 32-bit access to bytes 12-15 */
#define DMAR_FRCD_F_DW		BIT(31)

/* Capability helpers */
#define dmar_cap_nd(c)		FIELD_GET(DMAR_CAP_ND, (c))
#define dmar_cap_sagaw(c)	FIELD_GET(DMAR_CAP_SAGAW, (c))
#define dmar_cap_mgaw(c)	(FIELD_GET(DMAR_CAP_MGAW, (c)) + 1)
#define dmar_cap_fro(c)		(FIELD_GET(DMAR_CAP_FRO, (c)) * 16)
#define dmar_cap_sllps(c)	FIELD_GET(DMAR_CAP_SLLPS, (c))
#define dmar_cap_nfr(c)		(FIELD_GET(DMAR_CAP_NFR, (c)) + 1)
#define dmar_cap_mamv(c)	FIELD_GET(DMAR_CAP_MAMV, (c))
#define dmar_ecap_iro(e)	(FIELD_GET(DMAR_ECAP_IRO, (e)) * 16)
#define dmar_ecap_pasid_bits(e)	(FIELD_GET(DMAR_ECAP_PSS, (e)) + 1)

/* Number of domain ids the unit supports: 2^(4 + 2 * ND) */
#define dmar_cap_ndoms(c)	(1UL << (4 + 2 * dmar_cap_nd(c)))

#endif /* _INTEL_IOMMU_REGS_H */
