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
#include <linux/pci.h>
#include <linux/pci-ats.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/export.h>

#include "pci-internal.h"

static void pci_ats_init(struct pci_dev *dev)
{
	dev->ats_cap = pci_find_ext_capability(dev, PCI_EXT_CAP_ID_ATS);
}

static void pci_pri_init(struct pci_dev *pdev)
{
	u16 status;

	pdev->pri_cap = pci_find_ext_capability(pdev, PCI_EXT_CAP_ID_PRI);
	if (!pdev->pri_cap)
		return;

	pci_read_config_word(pdev, pdev->pri_cap + PCI_PRI_STATUS, &status);
	if (status & PCI_PRI_STATUS_PASID)
		pdev->pasid_required = 1;
}

static void pci_pasid_init(struct pci_dev *pdev)
{
	pdev->pasid_cap = pci_find_ext_capability(pdev, PCI_EXT_CAP_ID_PASID);
}

/*
 * End-End TLP prefixes reach the root complex if every port on the way
 * supports them: root ports and integrated endpoints start the chain,
 * everything else inherits from its upstream bridge.
 */
static void pci_configure_eetlp_prefix(struct pci_dev *dev)
{
	struct pci_dev *bridge;
	u32 cap;
	int type;

	if (!pci_is_pcie(dev))
		return;

	pcie_capability_read_dword(dev, PCI_EXP_DEVCAP2, &cap);
	if (!(cap & PCI_EXP_DEVCAP2_EE_PREFIX))
		return;

	type = pci_pcie_type(dev);
	if (type == PCI_EXP_TYPE_ROOT_PORT || type == PCI_EXP_TYPE_RC_END) {
		dev->eetlp_prefix_path = 1;
	} else {
		bridge = pci_upstream_bridge(dev);
		if (bridge && bridge->eetlp_prefix_path)
			dev->eetlp_prefix_path = 1;
	}
}

/**
 * pci_init_capabilities() - find the capabilities of a new function
 * @dev: the function, set up but not yet added
 */
void pci_init_capabilities(struct pci_dev *dev)
{
	dev->msi_cap = pci_find_capability(dev, PCI_CAP_ID_MSI);
	dev->msix_cap = pci_find_capability(dev, PCI_CAP_ID_MSIX);
	pci_configure_eetlp_prefix(dev);
	pci_ats_init(dev);
	pci_pri_init(dev);
	pci_pasid_init(dev);
	pci_acs_init(dev);
}

/**
 * pci_ats_supported() - whether a function may use ATS
 * @dev: the function
 *
 * Return: true if it has an ATS capability and is not untrusted.
 */
bool pci_ats_supported(struct pci_dev *dev)
{
	if (!dev->ats_cap || dev->untrusted)
		return false;
	return true;
}
EXPORT_SYMBOL_GPL(pci_ats_supported);

/**
 * pci_prepare_ats() - program the smallest translation unit before enabling
 * @dev: the function
 * @ps: the IOMMU page shift
 *
 * Return: 0, -EINVAL (no ATS, or @ps below 12), -EBUSY (already enabled).
 */
int pci_prepare_ats(struct pci_dev *dev, int ps)
{
	if (!pci_ats_supported(dev))
		return -EINVAL;
	if (WARN_ON(dev->ats_enabled))
		return -EBUSY;
	if (ps < PCI_ATS_MIN_STU)
		return -EINVAL;

	dev->ats_stu = ps;
	pci_write_config_word(dev, dev->ats_cap + PCI_ATS_CTRL,
			      PCI_ATS_CTRL_STU(ps - PCI_ATS_MIN_STU));
	return 0;
}
EXPORT_SYMBOL_GPL(pci_prepare_ats);

/**
 * pci_enable_ats() - enable ATS
 * @dev: the function
 * @ps: the IOMMU page shift (the smallest translation unit)
 *
 * Return: 0, -EINVAL (no ATS, untrusted, or @ps below 12), -EBUSY (already
 * enabled, with a warning).
 */
int pci_enable_ats(struct pci_dev *dev, int ps)
{
	if (!pci_ats_supported(dev))
		return -EINVAL;
	if (WARN_ON(dev->ats_enabled))
		return -EBUSY;
	if (ps < PCI_ATS_MIN_STU)
		return -EINVAL;

	dev->ats_stu = ps;
	pci_write_config_word(dev, dev->ats_cap + PCI_ATS_CTRL,
			      PCI_ATS_CTRL_ENABLE |
			      PCI_ATS_CTRL_STU(ps - PCI_ATS_MIN_STU));
	dev->ats_enabled = 1;
	return 0;
}
EXPORT_SYMBOL_GPL(pci_enable_ats);

/**
 * pci_disable_ats() - disable ATS
 * @dev: the function, with ATS enabled (warns otherwise)
 */
void pci_disable_ats(struct pci_dev *dev)
{
	u16 ctrl;

	if (WARN_ON(!dev->ats_enabled))
		return;

	pci_read_config_word(dev, dev->ats_cap + PCI_ATS_CTRL, &ctrl);
	pci_write_config_word(dev, dev->ats_cap + PCI_ATS_CTRL,
			      ctrl & ~PCI_ATS_CTRL_ENABLE);
	dev->ats_enabled = 0;
}
EXPORT_SYMBOL_GPL(pci_disable_ats);

/**
 * pci_ats_queue_depth() - the invalidate queue depth of a function
 * @dev: the function
 *
 * Return: the depth (32 when the register says 0), or -EINVAL without ATS.
 */
int pci_ats_queue_depth(struct pci_dev *dev)
{
	u16 cap;

	if (!dev->ats_cap)
		return -EINVAL;

	pci_read_config_word(dev, dev->ats_cap + PCI_ATS_CAP, &cap);
	return PCI_ATS_CAP_QDEP(cap) ? PCI_ATS_CAP_QDEP(cap) : PCI_ATS_MAX_QDEP;
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
	u16 cap;

	if (!pdev->ats_cap)
		return 0;

	pci_read_config_word(pdev, pdev->ats_cap + PCI_ATS_CAP, &cap);
	return !!(cap & PCI_ATS_CAP_PAGE_ALIGNED);
}
EXPORT_SYMBOL_GPL(pci_ats_page_aligned);

/**
 * pci_enable_pri() - enable the page request interface
 * @pdev: the function
 * @reqs: outstanding page requests to allocate (clipped to the maximum)
 *
 * Return: 0, -EINVAL (no PRI), -EBUSY (already enabled, or PRI not
 * stopped).
 */
int pci_enable_pri(struct pci_dev *pdev, u32 reqs)
{
	int pri = pdev->pri_cap;
	u32 max_requests;
	u16 status;

	if (WARN_ON(pdev->pri_enabled))
		return -EBUSY;
	if (!pri)
		return -EINVAL;

	pci_read_config_word(pdev, pri + PCI_PRI_STATUS, &status);
	if (!(status & PCI_PRI_STATUS_STOPPED))
		return -EBUSY;

	pci_read_config_dword(pdev, pri + PCI_PRI_MAX_REQ, &max_requests);
	reqs = min(max_requests, reqs);
	pdev->pri_reqs_alloc = reqs;
	pci_write_config_dword(pdev, pri + PCI_PRI_ALLOC_REQ, reqs);
	pci_write_config_word(pdev, pri + PCI_PRI_CTRL, PCI_PRI_CTRL_ENABLE);
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
	int pri = pdev->pri_cap;
	u16 control;

	if (WARN_ON(!pdev->pri_enabled))
		return;
	if (!pri)
		return;

	pci_read_config_word(pdev, pri + PCI_PRI_CTRL, &control);
	pci_write_config_word(pdev, pri + PCI_PRI_CTRL,
			      control & ~PCI_PRI_CTRL_ENABLE);
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

	pci_write_config_word(pdev, pdev->pri_cap + PCI_PRI_CTRL,
			      PCI_PRI_CTRL_RESET);
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
	return pdev->pasid_required;
}
EXPORT_SYMBOL_GPL(pci_prg_resp_pasid_required);

/**
 * pci_pri_supported() - whether a function has PRI
 * @pdev: the function
 *
 * Return: true if it has a PRI capability.
 */
bool pci_pri_supported(struct pci_dev *pdev)
{
	return pci_physfn(pdev)->pri_cap;
}
EXPORT_SYMBOL_GPL(pci_pri_supported);

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
	int pasid = pdev->pasid_cap;
	u16 supported;

	if (WARN_ON(pdev->pasid_enabled))
		return -EBUSY;
	if (!pdev->eetlp_prefix_path && !pdev->pasid_no_tlp)
		return -EINVAL;
	if (!pasid)
		return -EINVAL;
	/* Without redirection a PASID request could reach a peer untranslated. */
	if (!pci_acs_path_enabled(pdev, NULL, PCI_ACS_RR | PCI_ACS_UF))
		return -EINVAL;

	pci_read_config_word(pdev, pasid + PCI_PASID_CAP, &supported);
	supported &= PCI_PASID_CAP_EXEC | PCI_PASID_CAP_PRIV;
	if ((supported & features) != features)
		return -EINVAL;

	pdev->pasid_features = features;
	pci_write_config_word(pdev, pasid + PCI_PASID_CTRL,
			      PCI_PASID_CTRL_ENABLE | features);
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
	if (WARN_ON(!pdev->pasid_enabled))
		return;
	if (!pdev->pasid_cap)
		return;

	pci_write_config_word(pdev, pdev->pasid_cap + PCI_PASID_CTRL, 0);
	pdev->pasid_enabled = 0;
}
EXPORT_SYMBOL_GPL(pci_disable_pasid);

/**
 * pci_pasid_features() - the optional PASID features a function supports
 * @pdev: the function
 *
 * Return: a mask of PCI_PASID_CAP_EXEC/PRIV, or -EINVAL without PASID.
 */
int pci_pasid_features(struct pci_dev *pdev)
{
	u16 supported;

	pdev = pci_physfn(pdev);
	if (!pdev->pasid_cap)
		return -EINVAL;

	pci_read_config_word(pdev, pdev->pasid_cap + PCI_PASID_CAP, &supported);
	return supported & (PCI_PASID_CAP_EXEC | PCI_PASID_CAP_PRIV);
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
	u16 supported;

	pdev = pci_physfn(pdev);
	if (!pdev->pasid_cap)
		return -EINVAL;

	pci_read_config_word(pdev, pdev->pasid_cap + PCI_PASID_CAP, &supported);
	return 1 << ((supported & PCI_PASID_CAP_WIDTH) >> 8);
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
	u16 ctrl;

	pdev = pci_physfn(pdev);
	if (!pdev->pasid_cap)
		return -EINVAL;

	pci_read_config_word(pdev, pdev->pasid_cap + PCI_PASID_CTRL, &ctrl);
	return ctrl & (PCI_PASID_CTRL_ENABLE | PCI_PASID_CTRL_EXEC |
		       PCI_PASID_CTRL_PRIV);
}
EXPORT_SYMBOL_GPL(pci_pasid_status);
