/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCI configuration space layout: the subset of register offsets, bits and
 * capability IDs that the host PCI core, the IOMMU code and its tests use.
 * Numbers are those of the PCI and PCI Express specifications.
 */
#ifndef LINUX_PCI_REGS_H
#define LINUX_PCI_REGS_H

/* Sizes of conventional and extended configuration space. */
#define PCI_CFG_SPACE_SIZE	256
#define PCI_CFG_SPACE_EXP_SIZE	4096

/* Common header (both header types). */
#define PCI_VENDOR_ID		0x00	/* 16 bits */
#define PCI_DEVICE_ID		0x02	/* 16 bits */
#define PCI_COMMAND		0x04	/* 16 bits */
#define  PCI_COMMAND_IO		0x1
#define  PCI_COMMAND_MEMORY	0x2
#define  PCI_COMMAND_MASTER	0x4
#define  PCI_COMMAND_INTX_DISABLE 0x400
#define PCI_STATUS		0x06	/* 16 bits */
#define  PCI_STATUS_CAP_LIST	0x10	/* capability list present */
#define PCI_CLASS_REVISION	0x08	/* class code (24 bits) and revision */
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09
#define PCI_CLASS_DEVICE	0x0a	/* base class and subclass */
#define PCI_CACHE_LINE_SIZE	0x0c
#define PCI_LATENCY_TIMER	0x0d
#define PCI_HEADER_TYPE		0x0e	/* 8 bits */
#define  PCI_HEADER_TYPE_MASK		0x7f
#define  PCI_HEADER_TYPE_NORMAL		0
#define  PCI_HEADER_TYPE_BRIDGE		1
#define  PCI_HEADER_TYPE_CARDBUS	2
#define  PCI_HEADER_TYPE_MFD		0x80	/* more functions may exist */
#define PCI_BIST		0x0f
#define PCI_BASE_ADDRESS_0	0x10
#define PCI_CAPABILITY_LIST	0x34	/* offset of the first capability */
#define PCI_INTERRUPT_LINE	0x3c
#define PCI_INTERRUPT_PIN	0x3d
#define PCI_STD_HEADER_SIZEOF	64	/* capabilities start at or above this */

/* Type 0 (endpoint) header. */
#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e

/* Type 1 (PCI-to-PCI bridge) header. */
#define PCI_PRIMARY_BUS		0x18
#define PCI_SECONDARY_BUS	0x19
#define PCI_SUBORDINATE_BUS	0x1a
#define PCI_SEC_LATENCY_TIMER	0x1b
#define PCI_BRIDGE_CONTROL	0x3e

/* Type 2 (CardBus bridge) header. */
#define PCI_CB_CAPABILITY_LIST	0x14

/* Conventional capability list entries. */
#define PCI_CAP_LIST_ID		0	/* capability ID */
#define  PCI_CAP_ID_PM		0x01	/* power management */
#define  PCI_CAP_ID_MSI		0x05	/* MSI */
#define  PCI_CAP_ID_PCIX	0x07	/* PCI-X */
#define  PCI_CAP_ID_VNDR	0x09	/* vendor specific */
#define  PCI_CAP_ID_EXP		0x10	/* PCI Express */
#define  PCI_CAP_ID_MSIX	0x11	/* MSI-X */
#define  PCI_CAP_ID_MAX		0x14
#define PCI_CAP_LIST_NEXT	1	/* offset of the next capability */
#define PCI_CAP_FLAGS		2
#define PCI_CAP_SIZEOF		4

/* PCI Express capability. */
#define PCI_EXP_FLAGS		0x02	/* capabilities register */
#define  PCI_EXP_FLAGS_VERS	0x000f
#define  PCI_EXP_FLAGS_TYPE	0x00f0	/* device/port type */
#define   PCI_EXP_TYPE_ENDPOINT	   0x0
#define   PCI_EXP_TYPE_LEG_END	   0x1
#define   PCI_EXP_TYPE_ROOT_PORT   0x4
#define   PCI_EXP_TYPE_UPSTREAM	   0x5
#define   PCI_EXP_TYPE_DOWNSTREAM  0x6
#define   PCI_EXP_TYPE_PCI_BRIDGE  0x7	/* PCIe to PCI/PCI-X bridge */
#define   PCI_EXP_TYPE_PCIE_BRIDGE 0x8	/* PCI/PCI-X to PCIe bridge */
#define   PCI_EXP_TYPE_RC_END	   0x9	/* root complex integrated endpoint */
#define   PCI_EXP_TYPE_RC_EC	   0xa	/* root complex event collector */
#define  PCI_EXP_FLAGS_SLOT	0x0100
#define PCI_EXP_DEVCAP		0x04
#define PCI_EXP_DEVCTL		0x08
#define PCI_EXP_DEVSTA		0x0a
#define PCI_EXP_LNKCAP		0x0c
#define PCI_EXP_LNKCTL		0x10
#define PCI_EXP_LNKSTA		0x12
#define PCI_EXP_SLTCAP		0x14
#define PCI_EXP_SLTCTL		0x18
#define PCI_EXP_SLTSTA		0x1a
#define PCI_EXP_RTCTL		0x1c
#define PCI_EXP_RTSTA		0x20
#define PCI_EXP_DEVCAP2		0x24
#define  PCI_EXP_DEVCAP2_ARI		0x00000020
#define  PCI_EXP_DEVCAP2_EE_PREFIX	0x00200000
#define PCI_EXP_DEVCTL2		0x28
#define  PCI_EXP_DEVCTL2_ARI		0x0020
#define PCI_CAP_EXP_ENDPOINT_SIZEOF_V2	44

/* Extended capabilities (offset 0x100 and up). */
#define PCI_EXT_CAP_ID(header)		((header) & 0x0000ffff)
#define PCI_EXT_CAP_VER(header)		(((header) >> 16) & 0xf)
#define PCI_EXT_CAP_NEXT(header)	(((header) >> 20) & 0xffc)

#define PCI_EXT_CAP_ID_ERR	0x01	/* advanced error reporting */
#define PCI_EXT_CAP_ID_DSN	0x03	/* device serial number */
#define PCI_EXT_CAP_ID_ACS	0x0D	/* access control services */
#define PCI_EXT_CAP_ID_ARI	0x0E	/* alternative routing ID */
#define PCI_EXT_CAP_ID_ATS	0x0F	/* address translation services */
#define PCI_EXT_CAP_ID_SRIOV	0x10	/* single root I/O virtualisation */
#define PCI_EXT_CAP_ID_PRI	0x13	/* page request interface */
#define PCI_EXT_CAP_ID_PASID	0x1B	/* process address space ID */
#define PCI_EXT_CAP_ID_DVSEC	0x23	/* designated vendor specific */

/* ARI. */
#define PCI_ARI_CAP		0x04
#define  PCI_ARI_CAP_NFN(x)	(((x) >> 8) & 0xff)	/* next function */
#define PCI_ARI_CTRL		0x06
#define PCI_EXT_CAP_ARI_SIZEOF	8

/* ATS. */
#define PCI_ATS_CAP		0x04
#define  PCI_ATS_CAP_QDEP(x)	((x) & 0x1f)	/* invalidate queue depth */
#define  PCI_ATS_MAX_QDEP	32
#define  PCI_ATS_CAP_PAGE_ALIGNED	0x0020
#define PCI_ATS_CTRL		0x06
#define  PCI_ATS_CTRL_ENABLE	0x8000
#define  PCI_ATS_CTRL_STU(x)	((x) & 0x1f)	/* smallest translation unit */
#define  PCI_ATS_MIN_STU	12
#define PCI_EXT_CAP_ATS_SIZEOF	8

/* PRI. */
#define PCI_PRI_CTRL		0x04
#define  PCI_PRI_CTRL_ENABLE	0x0001
#define  PCI_PRI_CTRL_RESET	0x0002
#define PCI_PRI_STATUS		0x06
#define  PCI_PRI_STATUS_RF	0x0001	/* response failure */
#define  PCI_PRI_STATUS_UPRGI	0x0002	/* unexpected PRG index */
#define  PCI_PRI_STATUS_STOPPED	0x0100
#define  PCI_PRI_STATUS_PASID	0x8000	/* PRG response needs the PASID */
#define PCI_PRI_MAX_REQ		0x08
#define PCI_PRI_ALLOC_REQ	0x0c
#define PCI_EXT_CAP_PRI_SIZEOF	16

/* PASID. */
#define PCI_PASID_CAP		0x04
#define  PCI_PASID_CAP_EXEC	0x0002
#define  PCI_PASID_CAP_PRIV	0x0004
#define  PCI_PASID_CAP_WIDTH	0x1f00	/* log2 of the number of PASIDs */
#define PCI_PASID_CTRL		0x06
#define  PCI_PASID_CTRL_ENABLE	0x0001
#define  PCI_PASID_CTRL_EXEC	0x0002
#define  PCI_PASID_CTRL_PRIV	0x0004
#define PCI_EXT_CAP_PASID_SIZEOF	8

/* ACS. */
#define PCI_ACS_CAP		0x04
#define  PCI_ACS_SV		0x0001	/* source validation */
#define  PCI_ACS_TB		0x0002	/* translation blocking */
#define  PCI_ACS_RR		0x0004	/* P2P request redirect */
#define  PCI_ACS_CR		0x0008	/* P2P completion redirect */
#define  PCI_ACS_UF		0x0010	/* upstream forwarding */
#define  PCI_ACS_EC		0x0020	/* P2P egress control */
#define  PCI_ACS_DT		0x0040	/* direct translated P2P */
#define PCI_ACS_EGRESS_BITS	0x05
#define PCI_ACS_CTRL		0x06
#define PCI_ACS_EGRESS_CTL_V	0x08

#endif /* LINUX_PCI_REGS_H */
