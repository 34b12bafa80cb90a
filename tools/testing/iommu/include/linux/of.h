/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Devicetree: a minimal subset. The host machines are described by software
 * nodes, so no devicetree nodes exist unless a test builds one; the types are
 * here for the APIs that name them (iommu_ops->of_xlate, device->of_node).
 */
#ifndef _LINUX_OF_H
#define _LINUX_OF_H

#include <linux/types.h>
#include <linux/fwnode.h>
#include <linux/container_of.h>
#include <linux/err.h>

struct device;

/**
 * struct device_node - a devicetree node
 * @name: the node name
 * @full_name: the node name with its unit address
 * @phandle: the node's phandle
 * @fwnode: the embedded firmware node
 * @parent: the parent node
 * @data: owner data
 */
struct device_node {
	const char *name;
	const char *full_name;
	u32 phandle;
	struct fwnode_handle fwnode;
	struct device_node *parent;
	void *data;
};

#define MAX_PHANDLE_ARGS	16

/**
 * struct of_phandle_args - a phandle reference with its arguments
 * @np: the node referred to
 * @args_count: the number of valid @args
 * @args: the cells following the phandle
 */
struct of_phandle_args {
	struct device_node *np;
	int args_count;
	uint32_t args[MAX_PHANDLE_ARGS];
};

extern const struct fwnode_operations of_fwnode_ops;

/**
 * is_of_node() - whether a fwnode is a devicetree node
 * @fwnode: the node, or NULL/ERR_PTR
 *
 * Return: true for a devicetree node.
 */
static inline bool is_of_node(const struct fwnode_handle *fwnode)
{
	if (IS_ERR_OR_NULL(fwnode))
		return false;
	return &of_fwnode_ops == fwnode->ops;
}

/* The device_node embedding @__fwnode, or NULL if it is not one. */
#define to_of_node(__fwnode) ({						\
	typeof(__fwnode) __ofn_h = (__fwnode);				\
	struct device_node *__ofn_np = NULL;				\
									\
	if (is_of_node(__ofn_h))					\
		__ofn_np = container_of(__ofn_h, struct device_node, fwnode); \
	__ofn_np;							\
})

/* The fwnode embedded in a device_node, passing NULL through. */
#define of_fwnode_handle(node) ({					\
	typeof(node) __ofh_np = (node);					\
									\
	__ofh_np ? &__ofh_np->fwnode : NULL;				\
})

/**
 * of_node_get() - take a reference on a node (nodes are not refcounted here)
 * @node: the node
 *
 * Return: @node.
 */
static inline struct device_node *of_node_get(struct device_node *node)
{
	return node;
}

/**
 * of_node_put() - drop a reference on a node
 * @node: the node
 */
static inline void of_node_put(struct device_node *node)
{
}

/**
 * of_node_init() - initialise a devicetree node built by a test
 * @node: the node
 */
static inline void of_node_init(struct device_node *node)
{
	fwnode_init(&node->fwnode, &of_fwnode_ops);
}

#endif /* _LINUX_OF_H */
