// SPDX-License-Identifier: GPL-2.0
/*
 * IOMMU core: IOMMU instances coming and going, client devices being
 * probed and released, firmware specs, per-device features.
 *
 * The other parts of the core, by topic: iommu-group.c (groups and the
 * device_group helpers), iommu-domain.c (domains and attaching them),
 * iommu-default.c (which default domain a group gets), iommu-owner.c (DMA
 * ownership), iommu-map.c (mapping and reserved regions), iommu-pasid.c
 * (PASIDs and attach handles).
 */

#define pr_fmt(fmt)    "iommu: " fmt

#include <linux/device.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/pci.h>
#include <linux/pci-ats.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "dma-iommu.h"
#include "iommu-priv.h"

/* Buses on which a device may sit behind an IOMMU */
static const struct bus_type * const watched_buses[] = {
	&platform_bus_type,
#ifdef CONFIG_PCI
	&pci_bus_type,
#endif
};

/* Every registered IOMMU instance; see the lock order in iommu-priv.h */
static LIST_HEAD(iommu_units);
static DEFINE_SPINLOCK(iommu_units_lock);

/* Serialises probing; see the lock order in iommu-priv.h */
DEFINE_MUTEX(iommu_probe_device_lock);

static int core_bus_event(struct notifier_block *nb, unsigned long action,
			  void *data);

static void units_add(struct iommu_device *unit)
{
	spin_lock(&iommu_units_lock);
	list_add_tail(&unit->list, &iommu_units);
	spin_unlock(&iommu_units_lock);
}

static void units_remove(struct iommu_device *unit)
{
	spin_lock(&iommu_units_lock);
	list_del(&unit->list);
	spin_unlock(&iommu_units_lock);
}

/**
 * iommu_ops_from_fwnode() - the driver of the instance with a firmware node
 * @fwnode: firmware node of an IOMMU; NULL finds instances registered
 *          without a node
 *
 * Return: the ops of the first instance whose node matches, or NULL.
 */
const struct iommu_ops *iommu_ops_from_fwnode(const struct fwnode_handle *fwnode)
{
	const struct iommu_ops *ops = NULL;
	struct iommu_device *unit;

	spin_lock(&iommu_units_lock);
	list_for_each_entry(unit, &iommu_units, list) {
		if (unit->fwnode != fwnode)
			continue;
		ops = unit->ops;
		break;
	}
	spin_unlock(&iommu_units_lock);
	return ops;
}

/**
 * iommu_present() - is there an IOMMU for a bus at all?
 * @bus: the bus
 *
 * A legacy question; device_iommu_capable() and its relatives answer per
 * device.
 *
 * Return: true when @bus is watched by the core and some instance is
 * registered.
 */
bool iommu_present(const struct bus_type *bus)
{
	bool watched = false;
	bool any;
	int i;

	for (i = 0; i < ARRAY_SIZE(watched_buses); i++)
		watched |= watched_buses[i] == bus;
	if (!watched)
		return false;

	spin_lock(&iommu_units_lock);
	any = !list_empty(&iommu_units);
	spin_unlock(&iommu_units_lock);
	return any;
}
EXPORT_SYMBOL_GPL(iommu_present);

/* dev->iommu, created on first use */
static struct dev_iommu *dev_iommu_ensure(struct device *dev)
{
	struct dev_iommu *di = dev->iommu;

	if (di)
		return di;

	di = kzalloc(sizeof(*di), GFP_KERNEL);
	if (!di)
		return NULL;
	mutex_init(&di->lock);
	dev->iommu = di;
	return di;
}

/**
 * dev_iommu_free() - release dev->iommu together with its fwspec
 * @dev: the device
 */
void dev_iommu_free(struct device *dev)
{
	struct dev_iommu *di = dev->iommu;
	struct iommu_fwspec *spec = di->fwspec;

	dev->iommu = NULL;
	if (spec) {
		fwnode_handle_put(spec->iommu_fwnode);
		kfree(spec);
	}
	kfree(di);
}

/**
 * dev_iommu_priv_set() - store driver data for a client device
 * @dev: a device in the middle of being probed (it has dev->iommu)
 * @priv: the data
 *
 * Only for probe_device() implementations, which run under the probe lock.
 */
void dev_iommu_priv_set(struct device *dev, void *priv)
{
	struct dev_iommu *di = dev->iommu;

	lockdep_assert_held(&iommu_probe_device_lock);
	di->priv = priv;
}
EXPORT_SYMBOL_GPL(dev_iommu_priv_set);

/* How many PASIDs the device itself can issue, ignoring its IOMMU */
static u32 dev_own_pasid_count(struct device *dev)
{
	u32 bits;
	int n;

	if (dev_is_pci(dev)) {
		n = pci_max_pasids(to_pci_dev(dev));
		return n > 0 ? n : 0;
	}
	if (device_property_read_u32(dev, "pasid-num-bits", &bits))
		return 0;
	return bits >= 32 ? U32_MAX : 1U << bits;
}

/* Settle the per-device state that depends on the serving driver */
static void probe_dev_fill_in(struct device *dev, const struct iommu_ops *ops)
{
	struct dev_iommu *di = dev->iommu;

	di->max_pasids = min(dev_own_pasid_count(dev),
			     di->iommu_dev->max_pasids);
	if (ops->is_attach_deferred)
		di->attach_deferred = ops->is_attach_deferred(dev);
}

/* The driver's device_group(), with NULL (a driver bug) turned into -EINVAL */
static struct iommu_group *probe_dev_group(struct device *dev,
					   const struct iommu_ops *ops)
{
	struct iommu_group *grp = ops->device_group(dev);

	if (WARN_ON_ONCE(!grp))
		return ERR_PTR(-EINVAL);
	return grp;
}

/*
 * First stage of probing @dev for the driver @ops: dev->iommu, the
 * driver's probe_device() and device_group(). On success dev->iommu_group
 * carries a reference on the group.
 */
static int probe_dev_setup(struct device *dev, const struct iommu_ops *ops)
{
	struct iommu_device *unit;
	struct iommu_group *grp;
	int rc;

	lockdep_assert_held(&iommu_probe_device_lock);

	if (!dev_iommu_ensure(dev))
		return -ENOMEM;

	if (!try_module_get(ops->owner)) {
		rc = -EINVAL;
		goto err_free_param;
	}

	unit = ops->probe_device(dev);
	if (IS_ERR(unit)) {
		rc = PTR_ERR(unit);
		goto err_put_module;
	}
	dev->iommu->iommu_dev = unit;

	rc = iommu_device_link(unit, dev);
	if (rc)
		goto err_release;

	grp = probe_dev_group(dev, ops);
	if (IS_ERR(grp)) {
		rc = PTR_ERR(grp);
		goto err_unlink;
	}
	dev->iommu_group = grp;

	probe_dev_fill_in(dev, ops);
	return 0;

err_unlink:
	iommu_device_unlink(unit, dev);
err_release:
	if (ops->release_device)
		ops->release_device(dev);
err_put_module:
	module_put(ops->owner);
err_free_param:
	dev->iommu->iommu_dev = NULL;
	dev_iommu_free(dev);
	return rc;
}

/* The last member is gone: the group's core domains go with it */
static void grp_drop_core_domains(struct iommu_group *grp)
{
	struct iommu_domain *doms[] = {
		grp->default_domain,
		grp->blocking_domain,
	};
	int i;

	lockdep_assert_held(&grp->mutex);

	grp->domain = NULL;
	grp->default_domain = NULL;
	grp->blocking_domain = NULL;
	for (i = 0; i < ARRAY_SIZE(doms); i++) {
		if (doms[i])
			iommu_domain_free(doms[i]);
	}
}

/**
 * iommu_dev_teardown() - undo probe_dev_setup() for a device that left
 *                        its group
 * @dev: the device, no longer on the group's member list
 *
 * The driver's release_domain is attached (skipped when the device's
 * deferred default-domain attach never took place), release_device() is
 * called, and an empty group loses its core domains. The caller holds the
 * group mutex and keeps the device's group reference, which is its to
 * drop.
 */
void iommu_dev_teardown(struct device *dev)
{
	const struct iommu_ops *ops = dev_iommu_ops(dev);
	struct iommu_group *grp = dev->iommu_group;
	struct dev_iommu *di = dev->iommu;

	lockdep_assert_held(&grp->mutex);

	iommu_device_unlink(di->iommu_dev, dev);

	/*
	 * Translation through our domains has to stop. A release_domain does
	 * that (its attach result is only checked, nothing can be done about
	 * a failure); without one, release_device() must leave the device
	 * blocked or in identity itself. A device whose deferred attach never
	 * happened has nothing to undo.
	 */
	if (ops->release_domain && !di->attach_deferred)
		iommu_attach_release_domain(dev);
	if (ops->release_device)
		ops->release_device(dev);

	if (list_empty(&grp->devices))
		grp_drop_core_domains(grp);

	dev->iommu_group = NULL;
#ifdef CONFIG_IOMMU_DMA
	dev->dma_iommu = false;
#endif
	dev_iommu_free(dev);
	module_put(ops->owner);
}

/*
 * The newcomer @dev has joined @grp's member list. Bring it in line with
 * the group, or set up the group's default domain, or leave that to
 * bus_iommu_probe() via @pending (NULL: hot-plug, set up now).
 */
static int probe_dev_join(struct iommu_group *grp, struct device *dev,
			  struct list_head *pending)
{
	struct iommu_domain *def = grp->default_domain;

	lockdep_assert_held(&grp->mutex);

	WARN_ON(def && !grp->domain);
	if (def)
		iommu_install_direct_maps(def, dev);

	/*
	 * A group in use: the new member follows it onto its current
	 * domain, which may well be something other than the default.
	 */
	if (grp->domain)
		return iommu_grp_move_member(grp, dev, grp->domain, 0);

	if (def)
		return 0;
	if (!pending)
		return iommu_grp_setup_default(grp, 0);
	if (list_empty(&grp->entry))
		list_add_tail(&grp->entry, pending);
	return 0;
}

/*
 * Probe one device. During bus probing (@pending given) the default domain
 * of a new group is set up later, once every member is known; on hot-plug
 * it is set up right away.
 */
static int probe_dev_locked(struct device *dev, struct list_head *pending)
{
	const struct iommu_ops *ops;
	struct group_device *member;
	struct iommu_group *grp;
	int rc;

	lockdep_assert_held(&iommu_probe_device_lock);

	/*
	 * The fwspec leads to the serving driver; a device without one goes
	 * to an instance registered without a firmware node.
	 */
	ops = iommu_fwspec_ops(dev_iommu_fwspec_get(dev));
	if (!ops)
		return -ENODEV;
	/* Nothing to do for a device probed before */
	if (dev->iommu_group)
		return 0;

	rc = probe_dev_setup(dev, ops);
	if (rc)
		return rc;

	grp = dev->iommu_group;
	member = iommu_group_alloc_device(grp, dev);

	mutex_lock(&grp->mutex);
	if (IS_ERR(member)) {
		rc = PTR_ERR(member);
		goto err_teardown;
	}

	/* Setting up the default domain walks the members: join first */
	list_add_tail(&member->list, &grp->devices);
	rc = probe_dev_join(grp, dev, pending);
	if (rc)
		goto err_leave;

	if (grp->default_domain)
		iommu_setup_dma_ops(dev);
	mutex_unlock(&grp->mutex);
	return 0;

err_leave:
	list_del(&member->list);
	__iommu_group_free_device(grp, member);
err_teardown:
	iommu_dev_teardown(dev);
	mutex_unlock(&grp->mutex);
	iommu_group_put(grp);
	return rc;
}

static int probe_dev(struct device *dev, struct list_head *pending)
{
	int rc;

	mutex_lock(&iommu_probe_device_lock);
	rc = probe_dev_locked(dev, pending);
	mutex_unlock(&iommu_probe_device_lock);
	return rc;
}

/**
 * iommu_probe_device() - offer a single device to the IOMMU drivers
 * @dev: the device
 *
 * Used for hot-plugged devices (through the bus notifier) and by firmware
 * code that replays a probe. A device already in a group is left as it is.
 *
 * Return: 0; -ENODEV when no driver serves @dev; or the error of the
 * driver or of setting up the default domain.
 */
int iommu_probe_device(struct device *dev)
{
	const struct iommu_ops *ops;
	int rc;

	rc = probe_dev(dev, NULL);
	if (rc)
		return rc;

	ops = dev_iommu_ops(dev);
	if (ops->probe_finalize)
		ops->probe_finalize(dev);
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_probe_device);

/* Let go of everything the IOMMU layer keeps for @dev */
static void core_release_dev(struct device *dev)
{
	if (dev->iommu_group)
		__iommu_group_remove_device(dev);

	/* A fwspec may be there even if no driver ever took the device */
	if (dev->iommu)
		dev_iommu_free(dev);
}

static int core_bus_event(struct notifier_block *nb, unsigned long action,
			  void *data)
{
	struct device *dev = data;

	if (action == BUS_NOTIFY_ADD_DEVICE)
		return iommu_probe_device(dev) ? NOTIFY_DONE : NOTIFY_OK;
	if (action == BUS_NOTIFY_REMOVED_DEVICE) {
		core_release_dev(dev);
		return NOTIFY_OK;
	}
	return NOTIFY_DONE;
}

static int __init iommu_subsys_init(void)
{
	struct notifier_block *blocks;
	int i;

	iommu_default_policy_init();

	blocks = kcalloc(ARRAY_SIZE(watched_buses), sizeof(*blocks),
			 GFP_KERNEL);
	if (!blocks)
		return -ENOMEM;

	for (i = 0; i < ARRAY_SIZE(watched_buses); i++) {
		blocks[i].notifier_call = core_bus_event;
		bus_register_notifier(watched_buses[i], &blocks[i]);
	}
	return 0;
}
subsys_initcall(iommu_subsys_init);

/* bus_for_each_dev() callback of bus_iommu_probe() */
static int bus_probe_each(struct device *dev, void *data)
{
	int rc = probe_dev(dev, data);

	/* A device none of the drivers wants is simply not ours */
	if (rc == -ENODEV)
		return 0;
	return rc;
}

/*
 * Second half of bus probing for one group: its default domain, then the
 * DMA ops of every member. Returns the setup error, if any.
 */
static int grp_finish_probe(struct iommu_group *grp)
{
	struct group_device *member;
	int rc;

	mutex_lock(&grp->mutex);
	list_del_init(&grp->entry);
	rc = iommu_grp_setup_default(grp, 0);
	if (!rc) {
		for_each_group_device(grp, member)
			iommu_setup_dma_ops(member->dev);
	}
	mutex_unlock(&grp->mutex);
	if (rc)
		return rc;

	/*
	 * probe_finalize() runs without the group mutex: some drivers call
	 * back into the core from it, which would deadlock.
	 */
	list_for_each_entry(member, &grp->devices, list) {
		const struct iommu_ops *ops = dev_iommu_ops(member->dev);

		if (ops->probe_finalize)
			ops->probe_finalize(member->dev);
	}
	return 0;
}

/**
 * bus_iommu_probe() - offer all devices of a bus to the IOMMU drivers
 * @bus: the bus
 *
 * All devices are probed first. The groups created meanwhile are set up
 * afterwards, when their membership is complete, so that every member
 * counts for the default domain type and its direct mappings.
 *
 * Return: 0, or the first error other than "no driver for it" (-ENODEV).
 */
int bus_iommu_probe(const struct bus_type *bus)
{
	struct iommu_group *grp, *tmp;
	LIST_HEAD(pending);
	int first_err = 0;
	int rc;

	rc = bus_for_each_dev(bus, NULL, &pending, bus_probe_each);
	if (rc)
		return rc;

	/*
	 * Each group has to come off the on-stack list, so one failing group
	 * does not keep the others from being set up.
	 */
	list_for_each_entry_safe(grp, tmp, &pending, entry) {
		rc = grp_finish_probe(grp);
		if (rc && !first_err)
			first_err = rc;
	}
	return first_err;
}

/* bus_for_each_dev() callback: release @dev if the instance @data serves it */
static int release_if_unit_serves(struct device *dev, void *data)
{
	if (dev->iommu && dev->iommu->iommu_dev == data)
		core_release_dev(dev);
	return 0;
}

/**
 * iommu_device_register() - make an IOMMU instance available
 * @iommu: the instance, embedded in the driver's own structure
 * @ops: the driver's operations
 * @hwdev: the hardware device of the instance, whose firmware node ties
 *         it to client devices; NULL makes the instance serve the devices
 *         that have no fwspec
 *
 * Once the instance is listed, the devices of every watched bus are
 * offered to it (bus_iommu_probe()).
 *
 * Return: 0; -EINVAL when @ops belong to a module but name no owner; or
 * the error of probing a bus, after which the instance is unregistered.
 */
int iommu_device_register(struct iommu_device *iommu,
			  const struct iommu_ops *ops, struct device *hwdev)
{
	bool modular = is_module_address((unsigned long)ops);
	int rc = 0;
	int i;

	/* The module is pinned through ops->owner, so it has to be set */
	if (WARN_ON(modular && !ops->owner))
		return -EINVAL;

	if (hwdev)
		iommu->fwnode = dev_fwnode(hwdev);
	iommu->ops = ops;
	units_add(iommu);

	for (i = 0; i < ARRAY_SIZE(watched_buses) && !rc; i++)
		rc = bus_iommu_probe(watched_buses[i]);
	if (rc)
		iommu_device_unregister(iommu);
	return rc;
}
EXPORT_SYMBOL_GPL(iommu_device_register);

/**
 * iommu_device_unregister() - take an IOMMU instance away
 * @iommu: an instance that iommu_device_register() added
 *
 * Every device served by the instance is released; then the instance
 * leaves the core's list and its singleton group, if any, is put.
 */
void iommu_device_unregister(struct iommu_device *iommu)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(watched_buses); i++)
		bus_for_each_dev(watched_buses[i], NULL, iommu,
				 release_if_unit_serves);

	units_remove(iommu);

	/* Drop what generic_single_device_group() took */
	iommu_group_put(iommu->singleton_group);
	iommu->singleton_group = NULL;
}
EXPORT_SYMBOL_GPL(iommu_device_unregister);

/**
 * iommu_device_register_bus() - register an instance for one bus only
 * @iommu: the instance
 * @ops: the driver's operations
 * @bus: the bus it serves
 * @nb: notifier block supplied by the caller, used to watch @bus
 *
 * Meant for test drivers (mock IOMMUs) on a bus of their own.
 *
 * Return: 0, or the error of registering the notifier or of probing @bus.
 */
int iommu_device_register_bus(struct iommu_device *iommu,
			      const struct iommu_ops *ops,
			      const struct bus_type *bus,
			      struct notifier_block *nb)
{
	int rc;

	iommu->ops = ops;
	nb->notifier_call = core_bus_event;
	rc = bus_register_notifier(bus, nb);
	if (rc)
		return rc;

	units_add(iommu);
	rc = bus_iommu_probe(bus);
	if (rc)
		iommu_device_unregister_bus(iommu, bus, nb);
	return rc;
}
EXPORT_SYMBOL_GPL(iommu_device_register_bus);

/**
 * iommu_device_unregister_bus() - undo iommu_device_register_bus()
 * @iommu: the instance
 * @bus: the bus given at registration
 * @nb: the notifier block given at registration
 */
void iommu_device_unregister_bus(struct iommu_device *iommu,
				 const struct bus_type *bus,
				 struct notifier_block *nb)
{
	bus_unregister_notifier(bus, nb);
	bus_for_each_dev(bus, NULL, iommu, release_if_unit_serves);
	iommu_device_unregister(iommu);
}
EXPORT_SYMBOL_GPL(iommu_device_unregister_bus);

/* The driver ops of @dev, or NULL when no IOMMU serves it */
static const struct iommu_ops *dev_ops_or_null(struct device *dev)
{
	return dev_has_iommu(dev) ? dev_iommu_ops(dev) : NULL;
}

/**
 * device_iommu_capable() - ask the IOMMU driver of a device about a
 *                          capability
 * @dev: the device
 * @cap: the capability
 *
 * Return: the driver's answer; false without an IOMMU or a capable() op.
 */
bool device_iommu_capable(struct device *dev, enum iommu_cap cap)
{
	const struct iommu_ops *ops = dev_ops_or_null(dev);

	return ops && ops->capable && ops->capable(dev, cap);
}
EXPORT_SYMBOL_GPL(device_iommu_capable);

/**
 * iommu_dev_enable_feature() - switch on an IOMMU feature for a device
 * @dev: the device
 * @feat: the feature
 *
 * Return: the driver's result; -ENODEV without an IOMMU or without a
 * dev_enable_feat() op.
 */
int iommu_dev_enable_feature(struct device *dev, enum iommu_dev_features feat)
{
	const struct iommu_ops *ops = dev_ops_or_null(dev);

	if (ops && ops->dev_enable_feat)
		return ops->dev_enable_feat(dev, feat);
	return -ENODEV;
}
EXPORT_SYMBOL_GPL(iommu_dev_enable_feature);

/**
 * iommu_dev_disable_feature() - switch off an IOMMU feature for a device
 * @dev: the device
 * @feat: the feature
 *
 * The device's driver must have stopped relying on the feature.
 *
 * Return: the driver's result; -EBUSY without an IOMMU or without a
 * dev_disable_feat() op.
 */
int iommu_dev_disable_feature(struct device *dev, enum iommu_dev_features feat)
{
	const struct iommu_ops *ops = dev_ops_or_null(dev);

	if (ops && ops->dev_disable_feat)
		return ops->dev_disable_feat(dev, feat);
	return -EBUSY;
}
EXPORT_SYMBOL_GPL(iommu_dev_disable_feature);

/**
 * iommu_fwspec_init() - tie a device to an IOMMU through firmware
 * @dev: the client device
 * @iommu_fwnode: firmware node of the IOMMU that serves it
 *
 * Return: 0 (also when @dev already has a fwspec for the same driver);
 * -EPROBE_DEFER while no instance with that node is registered; -EINVAL
 * when @dev has a fwspec for a different driver; -ENOMEM.
 */
int iommu_fwspec_init(struct device *dev, struct fwnode_handle *iommu_fwnode)
{
	const struct iommu_ops *ops = iommu_ops_from_fwnode(iommu_fwnode);
	struct iommu_fwspec *spec = dev_iommu_fwspec_get(dev);

	if (!ops)
		return -EPROBE_DEFER;
	if (spec)
		return iommu_fwspec_ops(spec) == ops ? 0 : -EINVAL;

	/*
	 * Firmware code runs this ahead of probing, and not always under the
	 * probe lock.
	 */
	if (!dev_iommu_ensure(dev))
		return -ENOMEM;

	/* One ID is what nearly every device has; more are added on demand */
	spec = kzalloc(struct_size(spec, ids, 1), GFP_KERNEL);
	if (!spec)
		return -ENOMEM;

	spec->iommu_fwnode = iommu_fwnode;
	fwnode_handle_get(iommu_fwnode);
	dev_iommu_fwspec_set(dev, spec);
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_fwspec_init);

/**
 * iommu_fwspec_free() - forget a device's firmware spec
 * @dev: the device
 */
void iommu_fwspec_free(struct device *dev)
{
	struct iommu_fwspec *spec = dev_iommu_fwspec_get(dev);

	if (!spec)
		return;
	dev_iommu_fwspec_set(dev, NULL);
	fwnode_handle_put(spec->iommu_fwnode);
	kfree(spec);
}
EXPORT_SYMBOL_GPL(iommu_fwspec_free);

/**
 * iommu_fwspec_add_ids() - add firmware IDs to a device's fwspec
 * @dev: the device
 * @ids: the IDs to add
 * @num_ids: how many there are
 *
 * Return: 0; -EINVAL when @dev has no fwspec; -ENOMEM.
 */
int iommu_fwspec_add_ids(struct device *dev, const u32 *ids, int num_ids)
{
	struct iommu_fwspec *spec = dev_iommu_fwspec_get(dev);
	unsigned int have, want, k;

	if (!spec)
		return -EINVAL;

	have = spec->num_ids;
	want = have + num_ids;
	/* The first ID fits in what iommu_fwspec_init() allocated */
	if (want > 1) {
		struct iommu_fwspec *bigger;

		bigger = krealloc(spec, struct_size(spec, ids, want),
				  GFP_KERNEL);
		if (!bigger)
			return -ENOMEM;
		spec = bigger;
		dev_iommu_fwspec_set(dev, spec);
	}

	for (k = 0; k < num_ids; k++)
		spec->ids[have + k] = ids[k];
	spec->num_ids = want;
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_fwspec_add_ids);
