/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Firmware node handles: a bus- and firmware-neutral name for a piece of
 * firmware description (a devicetree node, an ACPI device, a software node).
 * The IOMMU core identifies IOMMU instances by fwnode (the fwspec of a
 * device points at its IOMMU's fwnode).
 */
#ifndef _LINUX_FWNODE_H_
#define _LINUX_FWNODE_H_

#include <linux/types.h>
#include <linux/list.h>
#include <linux/bits.h>
#include <linux/err.h>

struct fwnode_operations;
struct device;

/* fwnode->flags */
#define FWNODE_FLAG_LINKS_ADDED			BIT(0)
#define FWNODE_FLAG_NOT_DEVICE			BIT(1)
#define FWNODE_FLAG_INITIALIZED			BIT(2)
#define FWNODE_FLAG_NEEDS_CHILD_BOUND_ON_ADD	BIT(3)
#define FWNODE_FLAG_BEST_EFFORT			BIT(4)
#define FWNODE_FLAG_VISITED			BIT(5)

/**
 * struct fwnode_handle - a firmware node
 * @secondary: a second node describing the same device, or NULL/ERR_PTR
 * @ops: the operations of the firmware interface the node comes from
 * @dev: the device registered for this node, if any
 * @suppliers: unused on the host
 * @consumers: unused on the host
 * @flags: FWNODE_FLAG_*
 */
struct fwnode_handle {
	struct fwnode_handle *secondary;
	const struct fwnode_operations *ops;
	struct device *dev;
	struct list_head suppliers;
	struct list_head consumers;
	u8 flags;
};

#define NR_FWNODE_REFERENCE_ARGS	16

/**
 * struct fwnode_reference_args - a reference from one node to another
 * @fwnode: the node referred to
 * @nargs: the number of valid @args
 * @args: integer arguments of the reference
 */
struct fwnode_reference_args {
	struct fwnode_handle *fwnode;
	unsigned int nargs;
	u64 args[NR_FWNODE_REFERENCE_ARGS];
};

/**
 * struct fwnode_operations - what a firmware interface implements
 * @get: take a reference on a node
 * @put: drop a reference
 * @device_is_available: whether the described device is enabled
 * @property_present: whether a property exists
 * @property_read_int_array: read @nval integers of @elem_size bytes; with
 *			     @val NULL return the number of elements
 * @property_read_string_array: read up to @nval strings; with @val NULL
 *				return the number of strings
 * @get_name: the node's name
 * @get_parent: the parent node, referenced
 * @get_next_child_node: the child after @child (the first for NULL),
 *			 referenced; the reference on @child is dropped
 * @get_named_child_node: a child by name, referenced
 */
struct fwnode_operations {
	struct fwnode_handle *(*get)(struct fwnode_handle *fwnode);
	void (*put)(struct fwnode_handle *fwnode);
	bool (*device_is_available)(const struct fwnode_handle *fwnode);
	bool (*property_present)(const struct fwnode_handle *fwnode,
				 const char *propname);
	int (*property_read_int_array)(const struct fwnode_handle *fwnode,
				       const char *propname,
				       unsigned int elem_size, void *val,
				       size_t nval);
	int (*property_read_string_array)(const struct fwnode_handle *fwnode,
					  const char *propname,
					  const char **val, size_t nval);
	const char *(*get_name)(const struct fwnode_handle *fwnode);
	struct fwnode_handle *(*get_parent)(const struct fwnode_handle *fwnode);
	struct fwnode_handle *
	(*get_next_child_node)(const struct fwnode_handle *fwnode,
			       struct fwnode_handle *child);
	struct fwnode_handle *
	(*get_named_child_node)(const struct fwnode_handle *fwnode,
				const char *name);
};

#define fwnode_has_op(fwnode, op)					\
	(!IS_ERR_OR_NULL(fwnode) && (fwnode)->ops && (fwnode)->ops->op)

/* The fwnode_call_*_op() macros evaluate @fwnode once. */
#define fwnode_call_int_op(fwnode, op, ...) ({				\
	typeof(fwnode) __fci = (fwnode);				\
	fwnode_has_op(__fci, op) ? __fci->ops->op(__fci, ## __VA_ARGS__) : \
	(IS_ERR_OR_NULL(__fci) ? -EINVAL : -ENXIO);			\
})

#define fwnode_call_bool_op(fwnode, op, ...) ({				\
	typeof(fwnode) __fcb = (fwnode);				\
	fwnode_has_op(__fcb, op) ? __fcb->ops->op(__fcb, ## __VA_ARGS__) : false; \
})

#define fwnode_call_ptr_op(fwnode, op, ...) ({				\
	typeof(fwnode) __fcp = (fwnode);				\
	fwnode_has_op(__fcp, op) ? __fcp->ops->op(__fcp, ## __VA_ARGS__) : NULL; \
})

#define fwnode_call_void_op(fwnode, op, ...) do {			\
	typeof(fwnode) __fcv = (fwnode);				\
									\
	if (fwnode_has_op(__fcv, op))					\
		__fcv->ops->op(__fcv, ## __VA_ARGS__);			\
} while (0)

/**
 * fwnode_init() - initialise an embedded fwnode
 * @fwnode: the node
 * @ops: its operations
 */
static inline void fwnode_init(struct fwnode_handle *fwnode,
			       const struct fwnode_operations *ops)
{
	fwnode->ops = ops;
	INIT_LIST_HEAD(&fwnode->consumers);
	INIT_LIST_HEAD(&fwnode->suppliers);
}

/**
 * fwnode_dev_initialized() - record whether a device was set up for a node
 * @fwnode: the node, or an error/NULL pointer (ignored)
 * @initialized: the new state
 */
static inline void fwnode_dev_initialized(struct fwnode_handle *fwnode,
					  bool initialized)
{
	if (IS_ERR_OR_NULL(fwnode))
		return;

	if (initialized)
		fwnode->flags |= FWNODE_FLAG_INITIALIZED;
	else
		fwnode->flags &= ~FWNODE_FLAG_INITIALIZED;
}

#endif /* _LINUX_FWNODE_H_ */
