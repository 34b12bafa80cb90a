/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCI Express ATS, PRI and PASID.
 */
#ifndef LINUX_PCI_ATS_H
#define LINUX_PCI_ATS_H

#include <linux/pci.h>

bool pci_ats_supported(struct pci_dev *dev);
int pci_prepare_ats(struct pci_dev *dev, int ps);
int pci_enable_ats(struct pci_dev *dev, int ps);
void pci_disable_ats(struct pci_dev *dev);
int pci_ats_queue_depth(struct pci_dev *dev);
int pci_ats_page_aligned(struct pci_dev *dev);

/**
 * pci_ats_enabled() - whether ATS is enabled on a function
 * @pdev: the function
 *
 * Return: true if enabled.
 */
static inline bool pci_ats_enabled(struct pci_dev *pdev)
{
	return pdev->ats_enabled;
}

int pci_enable_pri(struct pci_dev *pdev, u32 reqs);
void pci_disable_pri(struct pci_dev *pdev);
int pci_reset_pri(struct pci_dev *pdev);
int pci_prg_resp_pasid_required(struct pci_dev *pdev);
bool pci_pri_supported(struct pci_dev *pdev);

int pci_enable_pasid(struct pci_dev *pdev, int features);
void pci_disable_pasid(struct pci_dev *pdev);
int pci_pasid_features(struct pci_dev *pdev);
int pci_max_pasids(struct pci_dev *pdev);
int pci_pasid_status(struct pci_dev *pdev);

#endif /* LINUX_PCI_ATS_H */
