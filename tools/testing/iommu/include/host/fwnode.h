/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host-only helpers to describe a machine with named software nodes.
 *
 * A machine description creates one node per IOMMU instance (the IOMMU
 * driver registers its iommu_device with that fwnode) and one per device
 * (dev->fwnode, so a device's fwspec can name its IOMMU by fwnode).
 */
#ifndef _HOST_FWNODE_H
#define _HOST_FWNODE_H

#include <linux/property.h>

/**
 * host_fwnode_create() - allocate and register a named software node
 * @name: the node name (fwnode_get_name()), or NULL for "nodeN"
 * @properties: properties to copy, ended by an empty entry, or NULL
 * @parent: a software node to be the parent, or NULL
 *
 * Return: the fwnode, or ERR_PTR(-EINVAL) (@parent is not a software node)
 * or ERR_PTR(-ENOMEM). Free it with host_fwnode_destroy().
 */
struct fwnode_handle *host_fwnode_create(const char *name,
					 const struct property_entry *properties,
					 struct fwnode_handle *parent);

/**
 * host_fwnode_destroy() - drop the creation reference of a node
 * @fwnode: a node from host_fwnode_create(), or NULL
 *
 * The node is freed once devices and children no longer reference it.
 */
void host_fwnode_destroy(struct fwnode_handle *fwnode);

#endif /* _HOST_FWNODE_H */
