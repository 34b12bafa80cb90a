// SPDX-License-Identifier: GPL-2.0
/*
 * ATS, PRI and PASID capabilities for the host PCI core, with the kernel's
 * rules: ATS is refused for untrusted functions; PASID needs End-End TLP
 * prefixes along the path (or a host bridge that passes PASIDs without
 * them) and ACS redirect + upstream forwarding up to the root, so that a
 * PASID-tagged request cannot reach a peer without IOMMU translation.
 * Virtual functions never exist on the host, so the VF branches of the
 * kernel collapse to the PF ones.
 */
#include <linux/bitfield.h>
#include <linux/pci-ats.h>
#include <linux/pci.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/kernel.h>

#include "pci-internal.h"

/* The optional PASID features a caller may ask for */
#define PCI_PASID_OPTIONAL	(PCI_PASID_CAP_EXEC | PCI_PASID_CAP_PRIV)

/* A 16-bit register of the capability at @cap; 0 if the read fails */
static u16 pci_cap_reg16(struct pci_dev *pdev, u16 cap, int reg)
{
	u16 val = 0;

	pci_read_config_word(pdev, cap + reg, &val);
	return val;
}

static void pci_cap_set16(struct pci_dev *pdev, u16 cap, int reg, u16 val)
{
	pci_write_config_word(pdev, cap + reg, val);
}

/* Read-modify-write: clear @bits in a 16-bit capability register */
static void pci_cap_clear16(struct pci_dev *pdev, u16 cap, int reg, u16 bits)
{
	pci_cap_set16(pdev, cap, reg, pci_cap_reg16(pdev, cap, reg) & ~bits);
}

/*
 * End-End TLP prefixes reach the root complex if every port on the way
 * supports them: root ports and integrated endpoints start the chain,
 * everything else inherits from its upstream bridge (probed before it).
 */
static bool pci_eetlp_reaches_root(struct pci_dev *pdev)
{
	struct pci_dev *up;
	u32 devcap2 = 0;

	if (!pci_is_pcie(pdev))
		return false;

	pcie_capability_read_dword(pdev, PCI_EXP_DEVCAP2, &devcap2);
	if (!(devcap2 & PCI_EXP_DEVCAP2_EE_PREFIX))
		return false;

	switch (pci_pcie_type(pdev)) {
	case PCI_EXP_TYPE_ROOT_PORT:
	case PCI_EXP_TYPE_RC_END:
		return true;
	}

	up = pci_upstream_bridge(pdev);
	return up && up->eetlp_prefix_path;
}

/* Locate the address-translation related extended capabilities */
static void pci_find_translation_caps(struct pci_dev *pdev)
{
	pdev->ats_cap = pci_find_ext_capability(pdev, PCI_EXT_CAP_ID_ATS);
	pdev->pasid_cap = pci_find_ext_capability(pdev, PCI_EXT_CAP_ID_PASID);
	pdev->pri_cap = pci_find_ext_capability(pdev, PCI_EXT_CAP_ID_PRI);

	/* Whether page request group responses must echo the PASID */
	if (pdev->pri_cap &&
	    (pci_cap_reg16(pdev, pdev->pri_cap, PCI_PRI_STATUS) &
	     PCI_PRI_STATUS_PASID))
		pdev->pasid_required = 1;
}

/**
 * pci_init_capabilities() - find the capabilities of a new function
 * @pdev: the function, set up but not yet added
 */
void pci_init_capabilities(struct pci_dev *pdev)
{
	pdev->msix_cap = pci_find_capability(pdev, PCI_CAP_ID_MSIX);
	pdev->msi_cap = pci_find_capability(pdev, PCI_CAP_ID_MSI);
	if (pci_eetlp_reaches_root(pdev))
		pdev->eetlp_prefix_path = 1;
	pci_find_translation_caps(pdev);
	pci_acs_init(pdev);
}

/* === ATS === */

/**
 * pci_ats_supported() - whether a function may use ATS
 * @pdev: the function
 *
 * Return: true if it has an ATS capability and is not untrusted.
 */
bool pci_ats_supported(struct pci_dev *pdev)
{
	return pdev->ats_cap && !pdev->untrusted;
}
EXPORT_SYMBOL_GPL(pci_ats_supported);

/*
 * Validate a request to set up ATS with page shift @shift and write the
 * control register: the STU field plus @enable_bit.
 */
static int pci_ats_program(struct pci_dev *pdev, int shift, u16 enable_bit)
{
	u16 ctrl;

	if (!pci_ats_supported(pdev))
		return -EINVAL;
	if (WARN_ON(pdev->ats_enabled))
		return -EBUSY;
	if (shift < PCI_ATS_MIN_STU)
		return -EINVAL;

	ctrl = PCI_ATS_CTRL_STU(shift - PCI_ATS_MIN_STU) | enable_bit;
	pdev->ats_stu = shift;
	pci_cap_set16(pdev, pdev->ats_cap, PCI_ATS_CTRL, ctrl);
	return 0;
}

/**
 * pci_prepare_ats() - program the smallest translation unit before enabling
 * @pdev: the function
 * @shift: the IOMMU page shift
 *
 * Return: 0, -EINVAL (no ATS, or @shift below 12), -EBUSY (already enabled).
 */
int pci_prepare_ats(struct pci_dev *pdev, int shift)
{
	return pci_ats_program(pdev, shift, 0);
}
EXPORT_SYMBOL_GPL(pci_prepare_ats);

/**
 * pci_enable_ats() - enable ATS
 * @pdev: the function
 * @shift: the IOMMU page shift (the smallest translation unit)
 *
 * Return: 0, -EINVAL (no ATS, untrusted, or @shift below 12), -EBUSY
 * (already enabled, with a warning).
 */
int pci_enable_ats(struct pci_dev *pdev, int shift)
{
	int err = pci_ats_program(pdev, shift, PCI_ATS_CTRL_ENABLE);

	if (!err)
		pdev->ats_enabled = 1;
	return err;
}
EXPORT_SYMBOL_GPL(pci_enable_ats);

/**
 * pci_disable_ats() - disable ATS
 * @pdev: the function, with ATS enabled (warns otherwise)
 */
void pci_disable_ats(struct pci_dev *pdev)
{
	if (WARN_ON(!pdev->ats_enabled))
		return;

	pci_cap_clear16(pdev, pdev->ats_cap, PCI_ATS_CTRL, PCI_ATS_CTRL_ENABLE);
	pdev->ats_enabled = 0;
}
EXPORT_SYMBOL_GPL(pci_disable_ats);

/**
 * pci_ats_queue_depth() - the invalidate queue depth of a function
 * @pdev: the function
 *
 * Return: the depth (32 when the register says 0), or -EINVAL without ATS.
 */
int pci_ats_queue_depth(struct pci_dev *pdev)
{
	int depth;

	if (!pdev->ats_cap)
		return -EINVAL;

	depth = PCI_ATS_CAP_QDEP(pci_cap_reg16(pdev, pdev->ats_cap, PCI_ATS_CAP));
	/* The field is five bits wide; zero encodes the largest depth */
	return depth ?: PCI_ATS_MAX_QDEP;
}
EXPORT_SYMBOL_GPL(pci_ats_queue_depth);

/**
 * pci_ats_page_aligned() - whether translation requests are page aligned
 * @pdev: the function
 *
 * Return: 1 if the function sets the page-aligned bit, else 0.
 */
int pci_ats_page_aligned(struct pci_dev *pdev)
{
	u16 atscap = pdev->ats_cap ?
		     pci_cap_reg16(pdev, pdev->ats_cap, PCI_ATS_CAP) : 0;

	return (atscap & PCI_ATS_CAP_PAGE_ALIGNED) ? 1 : 0;
}
EXPORT_SYMBOL_GPL(pci_ats_page_aligned);

/* === PRI === */

/**
 * pci_pri_supported() - whether a function has PRI
 * @pdev: the function
 *
 * Return: true if it has a PRI capability.
 */
bool pci_pri_supported(struct pci_dev *pdev)
{
	return pci_physfn(pdev)->pri_cap != 0;
}
EXPORT_SYMBOL_GPL(pci_pri_supported);

/**
 * pci_enable_pri() - enable the page request interface
 * @pdev: the function
 * @want: outstanding page requests to allocate (clipped to the maximum)
 *
 * Return: 0, -EINVAL (no PRI), -EBUSY (already enabled, or PRI not
 * stopped).
 */
int pci_enable_pri(struct pci_dev *pdev, u32 want)
{
	u16 cap = pdev->pri_cap;
	u32 capacity = 0;

	if (WARN_ON(pdev->pri_enabled))
		return -EBUSY;
	if (!cap)
		return -EINVAL;

	/* The interface may only be set up while it is stopped */
	if (!(pci_cap_reg16(pdev, cap, PCI_PRI_STATUS) & PCI_PRI_STATUS_STOPPED))
		return -EBUSY;

	pci_read_config_dword(pdev, cap + PCI_PRI_MAX_REQ, &capacity);
	pdev->pri_reqs_alloc = min(want, capacity);
	pci_write_config_dword(pdev, cap + PCI_PRI_ALLOC_REQ,
			       pdev->pri_reqs_alloc);
	pci_cap_set16(pdev, cap, PCI_PRI_CTRL, PCI_PRI_CTRL_ENABLE);
	pdev->pri_enabled = 1;
	return 0;
}
EXPORT_SYMBOL_GPL(pci_enable_pri);

/**
 * pci_disable_pri() - disable the page request interface
 * @pdev: the function, with PRI enabled (warns otherwise)
 */
void pci_disable_pri(struct pci_dev *pdev)
{
	if (WARN_ON(!pdev->pri_enabled) || !pdev->pri_cap)
		return;

	pci_cap_clear16(pdev, pdev->pri_cap, PCI_PRI_CTRL, PCI_PRI_CTRL_ENABLE);
	pdev->pri_enabled = 0;
}
EXPORT_SYMBOL_GPL(pci_disable_pri);

/**
 * pci_reset_pri() - reset the page request interface
 * @pdev: the function, with PRI disabled
 *
 * Return: 0, -EBUSY (enabled), -EINVAL (no PRI).
 */
int pci_reset_pri(struct pci_dev *pdev)
{
	if (WARN_ON(pdev->pri_enabled))
		return -EBUSY;
	if (!pdev->pri_cap)
		return -EINVAL;

	pci_cap_set16(pdev, pdev->pri_cap, PCI_PRI_CTRL, PCI_PRI_CTRL_RESET);
	return 0;
}
EXPORT_SYMBOL_GPL(pci_reset_pri);

/**
 * pci_prg_resp_pasid_required() - whether PRG responses carry the PASID
 * @pdev: the function
 *
 * Return: 1 if required, else 0.
 */
int pci_prg_resp_pasid_required(struct pci_dev *pdev)
{
	return pdev->pasid_required ? 1 : 0;
}
EXPORT_SYMBOL_GPL(pci_prg_resp_pasid_required);

/* === PASID === */

/*
 * May @pdev issue PASID-tagged requests at all? It needs the capability,
 * a way to carry the PASID to the root (TLP prefixes, or a host bridge that
 * does without), and ACS redirection plus upstream forwarding on the whole
 * path: otherwise a tagged request could reach a peer untranslated.
 */
static bool pci_pasid_usable(struct pci_dev *pdev)
{
	if (!pdev->eetlp_prefix_path && !pdev->pasid_no_tlp)
		return false;
	if (!pdev->pasid_cap)
		return false;
	return pci_acs_path_enabled(pdev, NULL, PCI_ACS_RR | PCI_ACS_UF);
}

/**
 * pci_enable_pasid() - enable PASID-tagged requests
 * @pdev: the function
 * @features: PCI_PASID_CAP_EXEC and/or PCI_PASID_CAP_PRIV to enable too
 *
 * Return: 0, -EBUSY (already enabled, with a warning), or -EINVAL: no
 * PASID capability, no End-End TLP prefix path, ACS RR|UF missing on the
 * path to the root, or @features not supported.
 */
int pci_enable_pasid(struct pci_dev *pdev, int features)
{
	u16 offered;

	if (WARN_ON(pdev->pasid_enabled))
		return -EBUSY;
	if (!pci_pasid_usable(pdev))
		return -EINVAL;

	offered = pci_cap_reg16(pdev, pdev->pasid_cap, PCI_PASID_CAP) &
		  PCI_PASID_OPTIONAL;
	if (features & ~offered)
		return -EINVAL;

	pci_cap_set16(pdev, pdev->pasid_cap, PCI_PASID_CTRL,
		      features | PCI_PASID_CTRL_ENABLE);
	pdev->pasid_features = features;
	pdev->pasid_enabled = 1;
	return 0;
}
EXPORT_SYMBOL_GPL(pci_enable_pasid);

/**
 * pci_disable_pasid() - disable PASID-tagged requests
 * @pdev: the function, with PASID enabled (warns otherwise)
 */
void pci_disable_pasid(struct pci_dev *pdev)
{
	if (WARN_ON(!pdev->pasid_enabled) || !pdev->pasid_cap)
		return;

	pci_cap_set16(pdev, pdev->pasid_cap, PCI_PASID_CTRL, 0);
	pdev->pasid_enabled = 0;
}
EXPORT_SYMBOL_GPL(pci_disable_pasid);

/*
 * A 16-bit register of the PASID capability of the physical function
 * behind @pdev, or -EINVAL if it has none.
 */
static int pci_pf_pasid_reg(struct pci_dev *pdev, int reg)
{
	struct pci_dev *pf = pci_physfn(pdev);

	if (!pf->pasid_cap)
		return -EINVAL;
	return pci_cap_reg16(pf, pf->pasid_cap, reg);
}

/**
 * pci_pasid_features() - the optional PASID features a function supports
 * @pdev: the function
 *
 * Return: a mask of PCI_PASID_CAP_EXEC/PRIV, or -EINVAL without PASID.
 */
int pci_pasid_features(struct pci_dev *pdev)
{
	int reg = pci_pf_pasid_reg(pdev, PCI_PASID_CAP);

	return reg < 0 ? reg : reg & PCI_PASID_OPTIONAL;
}
EXPORT_SYMBOL_GPL(pci_pasid_features);

/**
 * pci_max_pasids() - how many PASIDs a function supports
 * @pdev: the function
 *
 * Return: 1 << (the capability's width field), or -EINVAL without PASID.
 */
int pci_max_pasids(struct pci_dev *pdev)
{
	int reg = pci_pf_pasid_reg(pdev, PCI_PASID_CAP);

	if (reg < 0)
		return reg;
	/* The width field sits in bits 12:8 */
	return 1 << FIELD_GET(PCI_PASID_CAP_WIDTH, reg);
}
EXPORT_SYMBOL_GPL(pci_max_pasids);

/**
 * pci_pasid_status() - the PASID control register
 * @pdev: the function
 *
 * Return: the ENABLE/EXEC/PRIV bits, or -EINVAL without PASID.
 */
int pci_pasid_status(struct pci_dev *pdev)
{
	int reg = pci_pf_pasid_reg(pdev, PCI_PASID_CTRL);

	if (reg < 0)
		return reg;
	return reg & (PCI_PASID_CTRL_ENABLE | PCI_PASID_CTRL_EXEC |
		      PCI_PASID_CTRL_PRIV);
}
EXPORT_SYMBOL_GPL(pci_pasid_status);
