/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces of the IOMMU core, shared by the files that make it up
 * (iommu.c, iommu-group.c, iommu-domain.c, iommu-default.c, iommu-owner.c,
 * iommu-map.c, iommu-pasid.c, iommu-sva.c, io-pgfault.c) and by iommufd and
 * the core's KUnit suites. Nothing here is for IOMMU drivers.
 *
 * Locking
 * =======
 *
 * Locks, outermost first. A lock may only be taken while holding locks that
 * are listed above it.
 *
 *  1. sva_bind_lock (mutex, iommu-sva.c): mm->iommu_mm, the SVA domain
 *     lists and &iommu_domain.users of SVA domains, &iommu_sva.users.
 *  2. iommu_probe_device_lock (mutex): serialises probing, i.e. the creation
 *     of dev->iommu and dev->iommu_group and the driver's probe_device().
 *  3. &iommu_group.mutex: everything in &struct iommu_group below the
 *     mutex (device list, domain pointers, ownership counters) and every
 *     driver attach_dev()/set_dev_pasid()/remove_dev_pasid() call, except
 *     the attach done by iommu_deferred_attach().
 *  4. &iopf_queue.lock, then &dev_iommu.lock, then &iommu_fault_param.lock
 *     (io-pgfault.c). Fault reporting takes only the last of these.
 *  5. the xa_lock of &iommu_group.pasid_array: taken inside the xarray
 *     calls and by iommu_attach_handle_get(), which may therefore be called
 *     without the group mutex (e.g. from fault reporting).
 *  6. iommu_units_lock (spinlock, iommu.c): the list of registered instances.
 *
 * Helpers whose name starts with "iommu_grp_" or "__iommu_group" require
 * the group mutex and assert it with lockdep_assert_held().
 */
#ifndef __LINUX_IOMMU_PRIV_H
#define __LINUX_IOMMU_PRIV_H

#include <linux/bits.h>
#include <linux/iommu.h>
#include <linux/kref.h>
#include <linux/xarray.h>

/**
 * struct iommu_group - devices the IOMMU cannot tell apart
 * @ref: reference count; the group is freed when it drops to zero
 * @devices: &struct group_device entries, in the order the devices joined
 * @pasid_array: attach handles by PASID; index IOMMU_NO_PASID holds the RID
 *               handle. A PASID attached without a handle is a reserved
 *               entry: busy for xa_insert(), NULL for xa_load().
 * @mutex: the group lock, see the lock order above
 * @iommu_data: driver data, see iommu_group_set_iommudata()
 * @iommu_data_release: called with @iommu_data when the group is freed
 * @name: optional name, see iommu_group_set_name()
 * @id: unique id
 * @default_domain: the kernel's DMA domain for the group
 * @blocking_domain: the domain used while an owner holds the group; created
 *                   on the first ownership claim
 * @domain: the domain the whole group is currently attached to
 * @entry: entry in bus_iommu_probe()'s list of groups needing setup
 * @owner_cnt: with @owner NULL, how many DMA-API drivers are bound; with an
 *             @owner, how many claims that owner holds
 * @owner: the cookie of the exclusive DMA owner (VFIO, iommufd), or NULL
 */
struct iommu_group {
	struct kref ref;
	struct list_head devices;
	struct xarray pasid_array;
	struct mutex mutex;	/* the group lock */
	void *iommu_data;
	void (*iommu_data_release)(void *iommu_data);
	char *name;
	int id;
	struct iommu_domain *default_domain;
	struct iommu_domain *blocking_domain;
	struct iommu_domain *domain;
	struct list_head entry;
	unsigned int owner_cnt;
	void *owner;
};

/**
 * struct group_device - membership of a device in a group
 * @list: entry in &iommu_group.devices
 * @dev: the member
 */
struct group_device {
	struct list_head list;
	struct device *dev;
};

/* Walk the members of @group; the caller holds group->mutex */
#define for_each_group_device(group, pos) \
	list_for_each_entry(pos, &(group)->devices, list)

/**
 * dev_iommu_ops() - the IOMMU driver ops of a probed device
 * @dev: a device for which iommu_probe_device() succeeded
 *
 * Return: the &iommu_ops of the instance serving @dev.
 */
static inline const struct iommu_ops *dev_iommu_ops(struct device *dev)
{
	return dev->iommu->iommu_dev->ops;
}

/**
 * dev_has_iommu() - is the device served by an IOMMU driver?
 * @dev: any device
 *
 * Devices put in a group with iommu_group_add_device() (VFIO no-IOMMU) are
 * in a group but have no driver; this tells the two apart.
 *
 * Return: true if @dev has a probed IOMMU instance.
 */
static inline bool dev_has_iommu(struct device *dev)
{
	return dev->iommu && dev->iommu->iommu_dev;
}

/**
 * iommu_group_first_dev() - the first member of a group
 * @group: a group with at least one member; group->mutex held
 *
 * Return: the device that joined first.
 */
static inline struct device *iommu_group_first_dev(struct iommu_group *group)
{
	lockdep_assert_held(&group->mutex);
	return list_first_entry(&group->devices, struct group_device, list)->dev;
}

void dev_iommu_free(struct device *dev);

const struct iommu_ops *iommu_ops_from_fwnode(const struct fwnode_handle *fwnode);

/**
 * iommu_fwspec_ops() - the IOMMU ops a fwspec points at
 * @fwspec: a fwspec, or NULL for a device without one
 *
 * Return: the ops of the registered instance with the matching fwnode (a
 * NULL fwnode matches instances registered without one), or NULL.
 */
static inline const struct iommu_ops *iommu_fwspec_ops(struct iommu_fwspec *fwspec)
{
	return iommu_ops_from_fwnode(fwspec ? fwspec->iommu_fwnode : NULL);
}

int iommu_group_replace_domain(struct iommu_group *group,
			       struct iommu_domain *new_domain);

int iommu_device_register_bus(struct iommu_device *iommu,
			      const struct iommu_ops *ops,
			      const struct bus_type *bus,
			      struct notifier_block *nb);
void iommu_device_unregister_bus(struct iommu_device *iommu,
				 const struct bus_type *bus,
				 struct notifier_block *nb);

struct iommu_attach_handle *iommu_attach_handle_get(struct iommu_group *group,
						    ioasid_t pasid,
						    unsigned int type);
int iommu_attach_group_handle(struct iommu_domain *domain,
			      struct iommu_group *group,
			      struct iommu_attach_handle *handle);
void iommu_detach_group_handle(struct iommu_domain *domain,
			       struct iommu_group *group);
int iommu_replace_group_handle(struct iommu_group *group,
			       struct iommu_domain *new_domain,
			       struct iommu_attach_handle *handle);

/*
 * The attach errno contract (see &iommu_domain_ops.attach_dev): every value
 * returned by a driver's attach_dev() or set_dev_pasid() passes through
 * iommu_check_attach_result().
 */
int iommu_check_attach_result(struct device *dev, int ret, const char *op);

/**
 * iommu_attach_errno_ok() - is @ret one of the errnos the contract allows?
 * @ret: a value returned by attach_dev() or set_dev_pasid()
 *
 * Return: true for 0, -ENOMEM, -EINVAL, -EBUSY, -ENODEV and -ENOSPC.
 */
static inline bool iommu_attach_errno_ok(int ret)
{
	switch (ret) {
	case 0:
	case -ENOMEM:
	case -EINVAL:
	case -EBUSY:
	case -ENODEV:
	case -ENOSPC:
		return true;
	default:
		return false;
	}
}

/**
 * iommu_attach_errno_class() - the meaning the core gives to an attach errno
 * @ret: an errno returned by an attach path
 *
 * Core decisions (for example whether another domain is worth trying) are
 * made on this value; the errno itself is what public APIs return.
 *
 * Return: @ret if the contract allows it, -ENODEV otherwise.
 */
static inline int iommu_attach_errno_class(int ret)
{
	return iommu_attach_errno_ok(ret) ? ret : -ENODEV;
}

/*
 * Flags for iommu_grp_move_flags().
 *
 * IOMMU_MOVE_FORCE: the move goes back to a domain the core owns and may
 * not fail. Every member is tried even after one failed (a failing member
 * is parked on the blocking domain when there is one), and group->domain
 * is updated whatever happens.
 */
enum {
	IOMMU_MOVE_FORCE = 1 << 0,
};

/* iommu-domain.c */
struct iommu_domain *__iommu_domain_alloc(const struct iommu_ops *ops,
					  struct device *dev,
					  unsigned int type);
struct iommu_domain *iommu_grp_domain_alloc(struct iommu_group *grp,
					    unsigned int type);
int iommu_drv_attach_dev(struct iommu_domain *dom, struct device *dev);
int iommu_grp_move_member(struct iommu_group *grp, struct device *dev,
			  struct iommu_domain *dom, unsigned int flags);
int iommu_grp_move_flags(struct iommu_group *grp, struct iommu_domain *dom,
			 unsigned int flags);
int iommu_grp_move(struct iommu_group *grp, struct iommu_domain *dom);
void iommu_grp_move_nofail(struct iommu_group *grp, struct iommu_domain *dom);
void iommu_grp_move_to_core(struct iommu_group *grp);
int iommu_grp_attach_locked(struct iommu_domain *dom, struct iommu_group *grp);
void iommu_attach_release_domain(struct device *dev);

/* iommu-default.c; which default-domain settings came from the command line */
#define IOMMU_CMD_LINE_DMA_API		BIT(0)	/* iommu.passthrough= */
#define IOMMU_CMD_LINE_STRICT		BIT(1)	/* iommu.strict= */

void iommu_default_policy_init(void);
const char *iommu_domain_type_str(unsigned int type);
int iommu_grp_setup_default(struct iommu_group *grp, int target_type);

/* iommu-map.c */
int iommu_install_direct_maps(struct iommu_domain *domain, struct device *dev);

/* iommu-group.c */
struct group_device *iommu_group_alloc_device(struct iommu_group *group,
					      struct device *dev);
void __iommu_group_free_device(struct iommu_group *group,
			       struct group_device *grp_dev);
void __iommu_group_remove_device(struct device *dev);

/* iommu.c */
void iommu_dev_teardown(struct device *dev);

#if IS_ENABLED(CONFIG_KUNIT)
/*
 * Reachable from the core's KUnit suites only (VISIBLE_IF_KUNIT): the sysfs
 * "type" attribute logic and the global default-domain policy.
 */
ssize_t iommu_group_store_type(struct iommu_group *group,
			       const char *buf, size_t count);
ssize_t iommu_group_show_type(struct iommu_group *group, char *buf);
ssize_t iommu_group_show_resv_regions(struct iommu_group *group, char *buf);

/**
 * struct iommu_default_policy - the global default-domain settings
 * @def_type: the default domain type used when nothing else decides:
 *            IOMMU_DOMAIN_IDENTITY, IOMMU_DOMAIN_DMA or IOMMU_DOMAIN_DMA_FQ
 * @dma_strict: invalidate synchronously on unmap
 * @cmd_line: IOMMU_CMD_LINE_* bits: which settings came from the command
 *            line
 *
 * Tests save the policy, change it, and restore it afterwards.
 */
struct iommu_default_policy {
	unsigned int def_type;
	bool dma_strict;
	u32 cmd_line;
};

void iommu_default_policy_get(struct iommu_default_policy *policy);
void iommu_default_policy_set(const struct iommu_default_policy *policy);
#endif

#endif /* __LINUX_IOMMU_PRIV_H */
