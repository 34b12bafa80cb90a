// SPDX-License-Identifier: GPL-2.0
/*
 * IOMMU core: registration of IOMMU instances, probing and releasing client
 * devices, firmware specs and per-device features.
 *
 * The rest of the core is split by topic: iommu-group.c (groups and the
 * device_group helpers), iommu-domain.c (allocation and attachment),
 * iommu-default.c (default domain policy), iommu-owner.c (DMA ownership),
 * iommu-map.c (map/unmap and reserved regions), iommu-pasid.c (PASIDs and
 * attach handles).
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

/* Registered IOMMU instances, protected by iommu_device_lock */
static LIST_HEAD(iommu_device_list);
static DEFINE_SPINLOCK(iommu_device_lock);

/* The buses whose devices can sit behind an IOMMU */
static const struct bus_type * const iommu_buses[] = {
	&platform_bus_type,
#ifdef CONFIG_PCI
	&pci_bus_type,
#endif
};

/* Serialises probing; see the lock order in iommu-priv.h */
DEFINE_MUTEX(iommu_probe_device_lock);

static int iommu_bus_notifier(struct notifier_block *nb,
			      unsigned long action, void *data);
static int __iommu_probe_device(struct device *dev,
				struct list_head *group_list);
static void iommu_release_device(struct device *dev);

static int __init iommu_subsys_init(void)
{
	struct notifier_block *nbs;
	int i;

	iommu_default_policy_init();

	nbs = kcalloc(ARRAY_SIZE(iommu_buses), sizeof(*nbs), GFP_KERNEL);
	if (!nbs)
		return -ENOMEM;

	for (i = 0; i < ARRAY_SIZE(iommu_buses); i++) {
		nbs[i].notifier_call = iommu_bus_notifier;
		bus_register_notifier(iommu_buses[i], &nbs[i]);
	}
	return 0;
}
subsys_initcall(iommu_subsys_init);

/* bus_for_each_dev() callback: release @dev if @data serves it */
static int iommu_release_if_served_by(struct device *dev, void *data)
{
	struct iommu_device *iommu = data;

	if (dev->iommu && dev->iommu->iommu_dev == iommu)
		iommu_release_device(dev);
	return 0;
}

static void iommu_device_list_add(struct iommu_device *iommu)
{
	spin_lock(&iommu_device_lock);
	list_add_tail(&iommu->list, &iommu_device_list);
	spin_unlock(&iommu_device_lock);
}

static void iommu_device_list_del(struct iommu_device *iommu)
{
	spin_lock(&iommu_device_lock);
	list_del(&iommu->list);
	spin_unlock(&iommu_device_lock);
}

/**
 * iommu_device_register() - make an IOMMU instance available
 * @iommu: the instance, embedded in the driver's own structure
 * @ops: the driver's operations
 * @hwdev: the instance's hardware device, used to find its firmware node;
 *         may be NULL, in which case the instance serves devices without a
 *         fwspec
 *
 * After adding the instance, every device on every IOMMU-capable bus is
 * offered to it (bus_iommu_probe()).
 *
 * Return: 0, -EINVAL if @ops live in a module but have no owner, or the
 * error of a bus probe (the instance is unregistered again in that case).
 */
int iommu_device_register(struct iommu_device *iommu,
			  const struct iommu_ops *ops, struct device *hwdev)
{
	int ret = 0;
	int i;

	/* Module references are taken through ops->owner */
	if (WARN_ON(is_module_address((unsigned long)ops) && !ops->owner))
		return -EINVAL;

	iommu->ops = ops;
	if (hwdev)
		iommu->fwnode = dev_fwnode(hwdev);
	iommu_device_list_add(iommu);

	for (i = 0; i < ARRAY_SIZE(iommu_buses); i++) {
		ret = bus_iommu_probe(iommu_buses[i]);
		if (ret)
			break;
	}
	if (ret)
		iommu_device_unregister(iommu);
	return ret;
}
EXPORT_SYMBOL_GPL(iommu_device_register);

/**
 * iommu_device_unregister() - withdraw an IOMMU instance
 * @iommu: an instance registered with iommu_device_register()
 *
 * Releases every device the instance serves, then drops the instance from
 * the core's list and puts its singleton group, if any.
 */
void iommu_device_unregister(struct iommu_device *iommu)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(iommu_buses); i++)
		bus_for_each_dev(iommu_buses[i], NULL, iommu,
				 iommu_release_if_served_by);

	iommu_device_list_del(iommu);

	/* The reference taken by generic_single_device_group() */
	iommu_group_put(iommu->singleton_group);
	iommu->singleton_group = NULL;
}
EXPORT_SYMBOL_GPL(iommu_device_unregister);

/**
 * iommu_device_register_bus() - register an instance serving a single bus
 * @iommu: the instance
 * @ops: the driver's operations
 * @bus: the only bus the instance serves
 * @nb: notifier storage provided by the caller, used to follow the bus
 *
 * For test drivers (mock IOMMUs) living on a bus of their own.
 *
 * Return: 0, or the error of the notifier registration or the bus probe.
 */
int iommu_device_register_bus(struct iommu_device *iommu,
			      const struct iommu_ops *ops,
			      const struct bus_type *bus,
			      struct notifier_block *nb)
{
	int ret;

	iommu->ops = ops;
	nb->notifier_call = iommu_bus_notifier;
	ret = bus_register_notifier(bus, nb);
	if (ret)
		return ret;

	iommu_device_list_add(iommu);

	ret = bus_iommu_probe(bus);
	if (ret)
		iommu_device_unregister_bus(iommu, bus, nb);
	return ret;
}
EXPORT_SYMBOL_GPL(iommu_device_register_bus);

/**
 * iommu_device_unregister_bus() - undo iommu_device_register_bus()
 * @iommu: the instance
 * @bus: the bus it was registered for
 * @nb: the notifier passed at registration
 */
void iommu_device_unregister_bus(struct iommu_device *iommu,
				 const struct bus_type *bus,
				 struct notifier_block *nb)
{
	bus_unregister_notifier(bus, nb);
	bus_for_each_dev(bus, NULL, iommu, iommu_release_if_served_by);
	iommu_device_unregister(iommu);
}
EXPORT_SYMBOL_GPL(iommu_device_unregister_bus);

/**
 * iommu_ops_from_fwnode() - find the driver registered for a firmware node
 * @fwnode: the IOMMU's firmware node; NULL matches instances registered
 *          without one
 *
 * Return: the ops of the first matching instance, or NULL.
 */
const struct iommu_ops *iommu_ops_from_fwnode(const struct fwnode_handle *fwnode)
{
	const struct iommu_ops *found = NULL;
	struct iommu_device *iommu;

	spin_lock(&iommu_device_lock);
	list_for_each_entry(iommu, &iommu_device_list, list) {
		if (iommu->fwnode == fwnode) {
			found = iommu->ops;
			break;
		}
	}
	spin_unlock(&iommu_device_lock);
	return found;
}

/**
 * iommu_present() - is any IOMMU registered for a bus?
 * @bus: the bus
 *
 * Legacy; device_iommu_capable() and friends answer per device.
 *
 * Return: true if @bus is one the core watches and an instance exists.
 */
bool iommu_present(const struct bus_type *bus)
{
	bool any;
	int i;

	for (i = 0; i < ARRAY_SIZE(iommu_buses); i++) {
		if (iommu_buses[i] != bus)
			continue;
		spin_lock(&iommu_device_lock);
		any = !list_empty(&iommu_device_list);
		spin_unlock(&iommu_device_lock);
		return any;
	}
	return false;
}
EXPORT_SYMBOL_GPL(iommu_present);

/* Allocate dev->iommu if it does not exist yet */
static struct dev_iommu *__dev_iommu_get(struct device *dev)
{
	struct dev_iommu *param;

	if (dev->iommu)
		return dev->iommu;

	param = kzalloc(sizeof(*param), GFP_KERNEL);
	if (!param)
		return NULL;
	mutex_init(&param->lock);
	dev->iommu = param;
	return param;
}

static struct dev_iommu *dev_iommu_get(struct device *dev)
{
	lockdep_assert_held(&iommu_probe_device_lock);
	return __dev_iommu_get(dev);
}

/**
 * dev_iommu_free() - free dev->iommu and the fwspec hanging off it
 * @dev: the device
 */
void dev_iommu_free(struct device *dev)
{
	struct dev_iommu *param = dev->iommu;

	dev->iommu = NULL;
	if (param->fwspec) {
		fwnode_handle_put(param->fwspec->iommu_fwnode);
		kfree(param->fwspec);
	}
	kfree(param);
}

/**
 * dev_iommu_priv_set() - attach driver-private data to a client device
 * @dev: a device being probed (dev->iommu exists)
 * @priv: the data
 *
 * Must be called from probe_device(), under the probe lock.
 */
void dev_iommu_priv_set(struct device *dev, void *priv)
{
	lockdep_assert_held(&iommu_probe_device_lock);
	dev->iommu->priv = priv;
}
EXPORT_SYMBOL_GPL(dev_iommu_priv_set);

/* The device's own PASID capability, capped by its IOMMU instance */
static u32 dev_iommu_get_max_pasids(struct device *dev)
{
	u32 dev_pasids = 0;
	u32 bits;
	int ret;

	if (dev_is_pci(dev)) {
		ret = pci_max_pasids(to_pci_dev(dev));
		if (ret > 0)
			dev_pasids = ret;
	} else if (!device_property_read_u32(dev, "pasid-num-bits", &bits)) {
		dev_pasids = bits >= 32 ? U32_MAX : 1U << bits;
	}

	return min(dev_pasids, dev->iommu->iommu_dev->max_pasids);
}

/*
 * First half of probing: dev->iommu, the driver's probe_device() and
 * device_group(). On success dev->iommu_group holds a group reference.
 */
static int iommu_init_device(struct device *dev, const struct iommu_ops *ops)
{
	struct iommu_device *iommu_dev;
	struct iommu_group *group;
	int ret;

	if (!dev_iommu_get(dev))
		return -ENOMEM;

	if (!try_module_get(ops->owner)) {
		ret = -EINVAL;
		goto out_free;
	}

	iommu_dev = ops->probe_device(dev);
	if (IS_ERR(iommu_dev)) {
		ret = PTR_ERR(iommu_dev);
		goto out_module_put;
	}
	dev->iommu->iommu_dev = iommu_dev;

	ret = iommu_device_link(iommu_dev, dev);
	if (ret)
		goto out_release;

	group = ops->device_group(dev);
	if (WARN_ON_ONCE(!group))
		group = ERR_PTR(-EINVAL);
	if (IS_ERR(group)) {
		ret = PTR_ERR(group);
		goto out_unlink;
	}
	dev->iommu_group = group;

	dev->iommu->max_pasids = dev_iommu_get_max_pasids(dev);
	if (ops->is_attach_deferred)
		dev->iommu->attach_deferred = ops->is_attach_deferred(dev);
	return 0;

out_unlink:
	iommu_device_unlink(iommu_dev, dev);
out_release:
	if (ops->release_device)
		ops->release_device(dev);
out_module_put:
	module_put(ops->owner);
out_free:
	dev->iommu->iommu_dev = NULL;
	dev_iommu_free(dev);
	return ret;
}

/**
 * iommu_deinit_device() - undo iommu_init_device() for a device leaving
 *                         its group
 * @dev: the device, already unlinked from group->devices
 *
 * Attaches the driver's release_domain (unless the default domain attach
 * was deferred and never happened), calls release_device(), and frees the
 * group's core domains when the group has become empty. The caller holds
 * the group mutex and still owns the group reference of the device.
 */
void iommu_deinit_device(struct device *dev)
{
	struct iommu_group *group = dev->iommu_group;
	const struct iommu_ops *ops = dev_iommu_ops(dev);

	lockdep_assert_held(&group->mutex);

	iommu_device_unlink(dev->iommu->iommu_dev, dev);

	/*
	 * The driver must stop translating through any domain of ours. With a
	 * release_domain we attach it first (errors cannot be acted upon, but
	 * still go through the errno checker); without one, release_device()
	 * has to leave the device blocked or in identity by itself. A device
	 * whose deferred attach never happened has nothing to undo.
	 */
	if (!dev->iommu->attach_deferred && ops->release_domain)
		iommu_attach_release_domain(dev);

	if (ops->release_device)
		ops->release_device(dev);

	/* The last member takes the core domains with it */
	if (list_empty(&group->devices)) {
		if (group->default_domain) {
			iommu_domain_free(group->default_domain);
			group->default_domain = NULL;
		}
		if (group->blocking_domain) {
			iommu_domain_free(group->blocking_domain);
			group->blocking_domain = NULL;
		}
		group->domain = NULL;
	}

	/* The group reference itself is the caller's to drop */
	dev->iommu_group = NULL;
	module_put(ops->owner);
	dev_iommu_free(dev);
#ifdef CONFIG_IOMMU_DMA
	dev->dma_iommu = false;
#endif
}

/*
 * Probe one device. With @group_list (bus probing) a new group's default
 * domain is left for the caller to set up once all devices are known;
 * without it (hot-plug) it is set up right away.
 */
static int __iommu_probe_device(struct device *dev, struct list_head *group_list)
{
	const struct iommu_ops *ops;
	struct iommu_group *group;
	struct group_device *gdev;
	int ret;

	/*
	 * The serving driver is found through the fwspec; devices without
	 * one go to an instance registered without a firmware node.
	 */
	ops = iommu_fwspec_ops(dev_iommu_fwspec_get(dev));
	if (!ops)
		return -ENODEV;

	lockdep_assert_held(&iommu_probe_device_lock);

	/* Already probed */
	if (dev->iommu_group)
		return 0;

	ret = iommu_init_device(dev, ops);
	if (ret)
		return ret;

	group = dev->iommu_group;
	gdev = iommu_group_alloc_device(group, dev);
	mutex_lock(&group->mutex);
	if (IS_ERR(gdev)) {
		ret = PTR_ERR(gdev);
		goto out_deinit;
	}

	/* Default domain setup looks at group->devices, so join first */
	list_add_tail(&gdev->list, &group->devices);
	WARN_ON(group->default_domain && !group->domain);
	if (group->default_domain)
		iommu_create_device_direct_mappings(group->default_domain, dev);

	if (group->domain) {
		/*
		 * Joining a live group: the newcomer follows the group onto
		 * whatever domain it is on now, which need not be the default.
		 */
		ret = __iommu_device_set_domain(group, dev, group->domain, 0);
		if (ret)
			goto out_remove_gdev;
	} else if (!group->default_domain && !group_list) {
		ret = iommu_setup_default_domain(group, 0);
		if (ret)
			goto out_remove_gdev;
	} else if (!group->default_domain && list_empty(&group->entry)) {
		list_add_tail(&group->entry, group_list);
	}

	if (group->default_domain)
		iommu_setup_dma_ops(dev);

	mutex_unlock(&group->mutex);
	return 0;

out_remove_gdev:
	list_del(&gdev->list);
	__iommu_group_free_device(group, gdev);
out_deinit:
	iommu_deinit_device(dev);
	mutex_unlock(&group->mutex);
	iommu_group_put(group);
	return ret;
}

/**
 * iommu_probe_device() - offer one device to the IOMMU drivers
 * @dev: the device
 *
 * Called for hot-plugged devices (from the bus notifier) and by firmware
 * code replaying a probe. A device in a group already is left alone.
 *
 * Return: 0, -ENODEV if no driver serves the device, or the error of the
 * driver or of the default domain setup.
 */
int iommu_probe_device(struct device *dev)
{
	const struct iommu_ops *ops;
	int ret;

	mutex_lock(&iommu_probe_device_lock);
	ret = __iommu_probe_device(dev, NULL);
	mutex_unlock(&iommu_probe_device_lock);
	if (ret)
		return ret;

	ops = dev_iommu_ops(dev);
	if (ops->probe_finalize)
		ops->probe_finalize(dev);
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_probe_device);

/* Release everything the IOMMU layer holds for @dev */
static void iommu_release_device(struct device *dev)
{
	if (dev->iommu_group)
		__iommu_group_remove_device(dev);

	/* A fwspec may exist even though no driver ever took the device */
	if (dev->iommu)
		dev_iommu_free(dev);
}

static int iommu_bus_notifier(struct notifier_block *nb,
			      unsigned long action, void *data)
{
	struct device *dev = data;

	switch (action) {
	case BUS_NOTIFY_ADD_DEVICE:
		return iommu_probe_device(dev) ? NOTIFY_DONE : NOTIFY_OK;
	case BUS_NOTIFY_REMOVED_DEVICE:
		iommu_release_device(dev);
		return NOTIFY_OK;
	default:
		return NOTIFY_DONE;
	}
}

/* bus_for_each_dev() callback for bus_iommu_probe() */
static int iommu_bus_probe_one(struct device *dev, void *data)
{
	struct list_head *group_list = data;
	int ret;

	mutex_lock(&iommu_probe_device_lock);
	ret = __iommu_probe_device(dev, group_list);
	mutex_unlock(&iommu_probe_device_lock);

	/* Devices no driver wants are simply not ours */
	return ret == -ENODEV ? 0 : ret;
}

static void iommu_group_probe_finalize(struct iommu_group *group)
{
	struct group_device *gdev;

	/*
	 * No group->mutex here: some probe_finalize() implementations call
	 * back into the core and would deadlock on it.
	 */
	list_for_each_entry(gdev, &group->devices, list) {
		const struct iommu_ops *ops = dev_iommu_ops(gdev->dev);

		if (ops->probe_finalize)
			ops->probe_finalize(gdev->dev);
	}
}

/**
 * bus_iommu_probe() - offer every device of a bus to the IOMMU drivers
 * @bus: the bus
 *
 * Devices are probed first; groups that were created are set up afterwards,
 * once all of their members are known, so that the default domain type and
 * the direct mappings take every member into account.
 *
 * Return: 0, or the first error other than "not mine" (-ENODEV).
 */
int bus_iommu_probe(const struct bus_type *bus)
{
	struct iommu_group *group, *next;
	LIST_HEAD(group_list);
	int first_err = 0;
	int ret;

	ret = bus_for_each_dev(bus, NULL, &group_list, iommu_bus_probe_one);
	if (ret)
		return ret;

	/*
	 * Every group must leave the on-stack list, so a failing group does
	 * not stop the others from being set up.
	 */
	list_for_each_entry_safe(group, next, &group_list, entry) {
		struct group_device *gdev;

		mutex_lock(&group->mutex);
		list_del_init(&group->entry);

		ret = iommu_setup_default_domain(group, 0);
		if (ret) {
			mutex_unlock(&group->mutex);
			if (!first_err)
				first_err = ret;
			continue;
		}
		for_each_group_device(group, gdev)
			iommu_setup_dma_ops(gdev->dev);
		mutex_unlock(&group->mutex);

		iommu_group_probe_finalize(group);
	}
	return first_err;
}

/**
 * device_iommu_capable() - ask a device's IOMMU driver about a capability
 * @dev: the device
 * @cap: the capability
 *
 * Return: false without an IOMMU or without a capable() op, else the
 * driver's answer.
 */
bool device_iommu_capable(struct device *dev, enum iommu_cap cap)
{
	const struct iommu_ops *ops;

	if (!dev_has_iommu(dev))
		return false;

	ops = dev_iommu_ops(dev);
	return ops->capable ? ops->capable(dev, cap) : false;
}
EXPORT_SYMBOL_GPL(device_iommu_capable);

/**
 * iommu_fwspec_init() - give a device a firmware spec for an IOMMU
 * @dev: the client device
 * @iommu_fwnode: firmware node of the serving IOMMU
 *
 * Return: 0 (also when the device already has a fwspec for the same
 * driver), -EPROBE_DEFER if no instance with that node is registered yet,
 * -EINVAL if the device already has a fwspec for another driver, -ENOMEM.
 */
int iommu_fwspec_init(struct device *dev, struct fwnode_handle *iommu_fwnode)
{
	const struct iommu_ops *ops = iommu_ops_from_fwnode(iommu_fwnode);
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);

	if (!ops)
		return -EPROBE_DEFER;

	if (fwspec)
		return ops == iommu_fwspec_ops(fwspec) ? 0 : -EINVAL;

	/*
	 * Firmware glue calls this before the device is probed, with or
	 * without the probe lock held.
	 */
	if (!__dev_iommu_get(dev))
		return -ENOMEM;

	/* Room for one ID up front: most devices have exactly one */
	fwspec = kzalloc(struct_size(fwspec, ids, 1), GFP_KERNEL);
	if (!fwspec)
		return -ENOMEM;

	fwnode_handle_get(iommu_fwnode);
	fwspec->iommu_fwnode = iommu_fwnode;
	dev_iommu_fwspec_set(dev, fwspec);
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_fwspec_init);

/**
 * iommu_fwspec_free() - drop a device's firmware spec
 * @dev: the device
 */
void iommu_fwspec_free(struct device *dev)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);

	if (!fwspec)
		return;
	fwnode_handle_put(fwspec->iommu_fwnode);
	kfree(fwspec);
	dev_iommu_fwspec_set(dev, NULL);
}
EXPORT_SYMBOL_GPL(iommu_fwspec_free);

/**
 * iommu_fwspec_add_ids() - append firmware IDs to a device's fwspec
 * @dev: the device
 * @ids: the IDs
 * @num_ids: how many
 *
 * Return: 0, -EINVAL if the device has no fwspec, -ENOMEM.
 */
int iommu_fwspec_add_ids(struct device *dev, const u32 *ids, int num_ids)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);
	struct iommu_fwspec *grown;
	unsigned int total, i;

	if (!fwspec)
		return -EINVAL;

	total = fwspec->num_ids + num_ids;
	if (total > 1) {
		grown = krealloc(fwspec, struct_size(fwspec, ids, total),
				 GFP_KERNEL);
		if (!grown)
			return -ENOMEM;
		fwspec = grown;
		dev_iommu_fwspec_set(dev, fwspec);
	}

	for (i = 0; i < num_ids; i++)
		fwspec->ids[fwspec->num_ids + i] = ids[i];
	fwspec->num_ids = total;
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_fwspec_add_ids);

/**
 * iommu_dev_enable_feature() - enable an IOMMU feature for a device
 * @dev: the device
 * @feat: the feature
 *
 * Return: the driver's result, or -ENODEV without an IOMMU or without a
 * dev_enable_feat() op.
 */
int iommu_dev_enable_feature(struct device *dev, enum iommu_dev_features feat)
{
	const struct iommu_ops *ops;

	if (!dev_has_iommu(dev))
		return -ENODEV;
	ops = dev_iommu_ops(dev);
	if (!ops->dev_enable_feat)
		return -ENODEV;
	return ops->dev_enable_feat(dev, feat);
}
EXPORT_SYMBOL_GPL(iommu_dev_enable_feature);

/**
 * iommu_dev_disable_feature() - disable an IOMMU feature for a device
 * @dev: the device
 * @feat: the feature
 *
 * The device driver must have stopped using the feature first.
 *
 * Return: the driver's result, or -EBUSY without an IOMMU or without a
 * dev_disable_feat() op.
 */
int iommu_dev_disable_feature(struct device *dev, enum iommu_dev_features feat)
{
	const struct iommu_ops *ops;

	if (!dev_has_iommu(dev))
		return -EBUSY;
	ops = dev_iommu_ops(dev);
	if (!ops->dev_disable_feat)
		return -EBUSY;
	return ops->dev_disable_feat(dev, feat);
}
EXPORT_SYMBOL_GPL(iommu_dev_disable_feature);
