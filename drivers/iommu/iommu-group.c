// SPDX-License-Identifier: GPL-2.0
/*
 * IOMMU groups: the smallest sets of devices an IOMMU can isolate from each
 * other. A group is reference counted; every member device and every
 * iommu_group_get() caller holds a reference.
 *
 * This file also holds the device_group helpers drivers plug into
 * &iommu_ops.device_group, and the group-wide view of reserved regions.
 */

#define pr_fmt(fmt)    "iommu: " fmt

#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/export.h>
#include <linux/idr.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/msi.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "iommu-priv.h"

static DEFINE_IDA(iommu_group_ida);

static void iommu_group_release(struct kref *ref)
{
	struct iommu_group *group = container_of(ref, struct iommu_group, ref);

	pr_debug("releasing group %d\n", group->id);

	if (group->iommu_data_release)
		group->iommu_data_release(group->iommu_data);

	ida_free(&iommu_group_ida, group->id);

	/* The last member's departure must have freed the core domains */
	WARN_ON(group->default_domain);
	WARN_ON(group->blocking_domain);

	xa_destroy(&group->pasid_array);
	kfree(group->name);
	kfree(group);
}

/**
 * iommu_group_alloc() - create an empty group
 *
 * Used by &iommu_ops.device_group implementations. The caller gets one
 * reference, which it normally hands to the core by returning the group
 * from device_group(); otherwise it drops it with iommu_group_put().
 *
 * Return: the group, or ERR_PTR(-ENOMEM) / the error of the id allocator.
 */
struct iommu_group *iommu_group_alloc(void)
{
	struct iommu_group *group;
	int id;

	group = kzalloc(sizeof(*group), GFP_KERNEL);
	if (!group)
		return ERR_PTR(-ENOMEM);

	id = ida_alloc(&iommu_group_ida, GFP_KERNEL);
	if (id < 0) {
		kfree(group);
		return ERR_PTR(id);
	}

	kref_init(&group->ref);
	mutex_init(&group->mutex);
	INIT_LIST_HEAD(&group->devices);
	INIT_LIST_HEAD(&group->entry);
	xa_init(&group->pasid_array);
	group->id = id;

	pr_debug("allocated group %d\n", id);
	return group;
}
EXPORT_SYMBOL_GPL(iommu_group_alloc);

/**
 * iommu_group_get() - the group of a device, with a reference
 * @dev: the device
 *
 * Return: the group (drop it with iommu_group_put()), or NULL.
 */
struct iommu_group *iommu_group_get(struct device *dev)
{
	struct iommu_group *group = dev->iommu_group;

	if (group)
		kref_get(&group->ref);
	return group;
}
EXPORT_SYMBOL_GPL(iommu_group_get);

/**
 * iommu_group_ref_get() - take another reference on a group
 * @group: a group the caller already holds a reference on; not NULL
 *
 * Return: @group.
 */
struct iommu_group *iommu_group_ref_get(struct iommu_group *group)
{
	kref_get(&group->ref);
	return group;
}
EXPORT_SYMBOL_GPL(iommu_group_ref_get);

/**
 * iommu_group_put() - drop a group reference
 * @group: the group, or NULL
 *
 * The group is freed with its last reference.
 */
void iommu_group_put(struct iommu_group *group)
{
	if (group)
		kref_put(&group->ref, iommu_group_release);
}
EXPORT_SYMBOL_GPL(iommu_group_put);

/**
 * iommu_group_id() - the unique id of a group
 * @group: the group
 *
 * Return: the id.
 */
int iommu_group_id(struct iommu_group *group)
{
	return group->id;
}
EXPORT_SYMBOL_GPL(iommu_group_id);

/**
 * iommu_group_get_iommudata() - the driver data of a group
 * @group: the group
 *
 * Return: what was set with iommu_group_set_iommudata(), or NULL.
 */
void *iommu_group_get_iommudata(struct iommu_group *group)
{
	return group->iommu_data;
}
EXPORT_SYMBOL_GPL(iommu_group_get_iommudata);

/**
 * iommu_group_set_iommudata() - store driver data in a group
 * @group: the group
 * @iommu_data: the data
 * @release: called with @iommu_data when the group is freed, may be NULL
 */
void iommu_group_set_iommudata(struct iommu_group *group, void *iommu_data,
			       void (*release)(void *iommu_data))
{
	group->iommu_data = iommu_data;
	group->iommu_data_release = release;
}
EXPORT_SYMBOL_GPL(iommu_group_set_iommudata);

/**
 * iommu_group_set_name() - give a group a name
 * @group: the group
 * @name: the name, copied; NULL removes the current name
 *
 * Return: 0 or -ENOMEM.
 */
int iommu_group_set_name(struct iommu_group *group, const char *name)
{
	char *copy = NULL;

	if (name) {
		copy = kstrdup(name, GFP_KERNEL);
		if (!copy)
			return -ENOMEM;
	}
	kfree(group->name);
	group->name = copy;
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_group_set_name);

/**
 * iommu_group_alloc_device() - allocate the membership record of a device
 * @group: the group being joined
 * @dev: the device
 *
 * The record is not linked; the caller adds it to group->devices under the
 * group mutex. __iommu_group_free_device() undoes this.
 *
 * Return: the record or ERR_PTR(-ENOMEM).
 */
struct group_device *iommu_group_alloc_device(struct iommu_group *group,
					      struct device *dev)
{
	struct group_device *gdev;

	gdev = kzalloc(sizeof(*gdev), GFP_KERNEL);
	if (!gdev)
		return ERR_PTR(-ENOMEM);
	gdev->dev = dev;
	dev_info(dev, "Adding to iommu group %d\n", group->id);
	return gdev;
}

/**
 * __iommu_group_free_device() - free an unlinked membership record
 * @group: the group the device was in
 * @grp_dev: the record, already removed from group->devices
 *
 * When this empties the group, all ownership must have been given back and
 * the group must be on its default domain (or on none).
 */
void __iommu_group_free_device(struct iommu_group *group,
			       struct group_device *grp_dev)
{
	lockdep_assert_held(&group->mutex);

	if (list_empty(&group->devices))
		WARN_ON(group->owner_cnt ||
			group->domain != group->default_domain);

	kfree(grp_dev);
}

/**
 * __iommu_group_remove_device() - take a device out of its group
 * @dev: a device with dev->iommu_group set
 *
 * Devices served by an IOMMU driver are also released from the driver
 * (iommu_dev_teardown()). The device's group reference is dropped.
 */
void __iommu_group_remove_device(struct device *dev)
{
	struct iommu_group *group = dev->iommu_group;
	struct group_device *gdev;

	mutex_lock(&group->mutex);
	for_each_group_device(group, gdev) {
		if (gdev->dev != dev)
			continue;

		list_del(&gdev->list);
		__iommu_group_free_device(group, gdev);
		if (dev_has_iommu(dev))
			iommu_dev_teardown(dev);
		else
			dev->iommu_group = NULL;
		break;
	}
	mutex_unlock(&group->mutex);

	/* The reference the membership held */
	iommu_group_put(group);
}

/**
 * iommu_group_add_device() - put a device into a group without a driver
 * @group: the group; the caller holds a reference
 * @dev: the device
 *
 * For groups that no IOMMU driver manages (VFIO no-IOMMU mode): the device
 * joins the list and takes a group reference, and no domain work is done.
 *
 * Return: 0 or -ENOMEM.
 */
int iommu_group_add_device(struct iommu_group *group, struct device *dev)
{
	struct group_device *gdev;

	gdev = iommu_group_alloc_device(group, dev);
	if (IS_ERR(gdev))
		return PTR_ERR(gdev);

	iommu_group_ref_get(group);
	dev->iommu_group = group;

	mutex_lock(&group->mutex);
	list_add_tail(&gdev->list, &group->devices);
	mutex_unlock(&group->mutex);
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_group_add_device);

/**
 * iommu_group_remove_device() - take a device out of its group
 * @dev: the device; nothing happens if it has no group
 *
 * Counterpart of iommu_group_add_device(); drops the device's group
 * reference.
 */
void iommu_group_remove_device(struct device *dev)
{
	struct iommu_group *group = dev->iommu_group;

	if (!group)
		return;

	dev_info(dev, "Removing from iommu group %d\n", group->id);
	__iommu_group_remove_device(dev);
}
EXPORT_SYMBOL_GPL(iommu_group_remove_device);

/**
 * iommu_group_for_each_dev() - call a function for every member of a group
 * @group: the group; the caller holds a reference
 * @data: passed to @fn
 * @fn: the function; a non-zero return stops the walk
 *
 * @fn runs under the group mutex, so members cannot come or go meanwhile.
 *
 * Return: 0, or the first non-zero value @fn returned.
 */
int iommu_group_for_each_dev(struct iommu_group *group, void *data,
			     int (*fn)(struct device *dev, void *data))
{
	struct group_device *gdev;
	int ret = 0;

	mutex_lock(&group->mutex);
	for_each_group_device(group, gdev) {
		ret = fn(gdev->dev, data);
		if (ret)
			break;
	}
	mutex_unlock(&group->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(iommu_group_for_each_dev);

/**
 * iommu_group_mutex_assert() - check that the caller holds the group lock
 * @dev: a device in a group
 *
 * For drivers that rely on the core serialising their callbacks.
 */
void iommu_group_mutex_assert(struct device *dev)
{
	lockdep_assert_held(&dev->iommu_group->mutex);
}
EXPORT_SYMBOL_GPL(iommu_group_mutex_assert);

/**
 * iommu_group_has_isolated_msi() - is MSI isolated for every member?
 * @group: the group
 *
 * Members should agree; combining them guards against a mistake costing
 * isolation.
 *
 * Return: true only if msi_device_has_isolated_msi() holds for all members.
 */
bool iommu_group_has_isolated_msi(struct iommu_group *group)
{
	struct group_device *gdev;
	bool isolated = true;

	mutex_lock(&group->mutex);
	for_each_group_device(group, gdev) {
		if (!msi_device_has_isolated_msi(gdev->dev))
			isolated = false;
	}
	mutex_unlock(&group->mutex);
	return isolated;
}
EXPORT_SYMBOL_GPL(iommu_group_has_isolated_msi);

/**
 * generic_device_group() - device_group helper: a new group per device
 * @dev: the device being probed
 *
 * Return: a new group, or an ERR_PTR.
 */
struct iommu_group *generic_device_group(struct device *dev)
{
	return iommu_group_alloc();
}
EXPORT_SYMBOL_GPL(generic_device_group);

/**
 * generic_single_device_group() - device_group helper: one group for all
 *                                 devices of an IOMMU instance
 * @dev: the device being probed
 *
 * The group is created on first use and kept in
 * &iommu_device.singleton_group until iommu_device_unregister().
 *
 * Return: a referenced group, or an ERR_PTR.
 */
struct iommu_group *generic_single_device_group(struct device *dev)
{
	struct iommu_device *iommu = dev->iommu->iommu_dev;

	if (!iommu->singleton_group) {
		struct iommu_group *group = iommu_group_alloc();

		if (IS_ERR(group))
			return group;
		iommu->singleton_group = group;
	}
	return iommu_group_ref_get(iommu->singleton_group);
}
EXPORT_SYMBOL_GPL(generic_single_device_group);

/*
 * PCI grouping.
 *
 * A PCI function is isolated when every bridge between it and the root
 * enforces ACS source validation, request and completion redirection and
 * upstream forwarding: it cannot spoof another requester ID and its
 * peer-to-peer traffic is forced up to the IOMMU.
 */
#define IOMMU_PCI_ISOLATION_ACS	\
	(PCI_ACS_SV | PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_UF)

/* One bit per devfn of a bus: functions already looked at */
#define IOMMU_PCI_DEVFNS	256

static struct iommu_group *pci_group_of_aliases(struct pci_dev *pdev,
						unsigned long *visited);

/*
 * Functions of a multifunction device without ACS can reach each other
 * directly, so they share a group: return the group of any such sibling in
 * @pdev's slot (or of one of its aliases).
 */
static struct iommu_group *pci_group_of_slot_siblings(struct pci_dev *pdev,
						      unsigned long *visited)
{
	struct iommu_group *group;
	struct pci_dev *peer = NULL;

	if (!pdev->multifunction ||
	    pci_acs_enabled(pdev, IOMMU_PCI_ISOLATION_ACS))
		return NULL;

	for_each_pci_dev(peer) {
		if (peer == pdev || peer->bus != pdev->bus)
			continue;
		if (PCI_SLOT(peer->devfn) != PCI_SLOT(pdev->devfn))
			continue;
		if (pci_acs_enabled(peer, IOMMU_PCI_ISOLATION_ACS))
			continue;

		group = pci_group_of_aliases(peer, visited);
		if (group) {
			pci_dev_put(peer);
			return group;
		}
	}
	return NULL;
}

/*
 * Return the group of @pdev itself or of any device on the same bus that
 * @pdev aliases or that aliases @pdev, following chains of aliases and the
 * slot siblings of each alias. @visited stops the search from looping.
 */
static struct iommu_group *pci_group_of_aliases(struct pci_dev *pdev,
						unsigned long *visited)
{
	struct iommu_group *group;
	struct pci_dev *peer = NULL;

	if (test_and_set_bit(pdev->devfn & 0xff, visited))
		return NULL;

	group = iommu_group_get(&pdev->dev);
	if (group)
		return group;

	for_each_pci_dev(peer) {
		if (peer == pdev || peer->bus != pdev->bus)
			continue;
		if (!pci_devs_are_dma_aliases(pdev, peer))
			continue;

		group = pci_group_of_aliases(peer, visited);
		if (!group)
			group = pci_group_of_slot_siblings(peer, visited);
		if (group) {
			pci_dev_put(peer);
			return group;
		}
	}
	return NULL;
}

/* State of the walk over the DMA aliases of a device */
struct iommu_pci_alias_walk {
	struct pci_dev *last;		/* the most upstream alias seen */
	struct iommu_group *group;	/* a group found on the way */
};

static int iommu_pci_alias_step(struct pci_dev *pdev, u16 alias, void *opaque)
{
	struct iommu_pci_alias_walk *walk = opaque;

	walk->last = pdev;
	walk->group = iommu_group_get(&pdev->dev);
	return walk->group ? 1 : 0;
}

/**
 * pci_device_group() - device_group helper for PCI devices
 * @dev: a PCI device being probed
 *
 * Finds the group the device has to share, or creates a new one:
 *
 *  1. Walk the device's DMA aliases upstream (bridges that take over the
 *     requester ID); the first one that already has a group decides.
 *  2. From the most upstream alias, climb towards the root bus until a
 *     bridge whose path is fully ACS-isolated; a bridge on the way that has
 *     a group decides.
 *  3. Devices aliasing the point reached, or non-isolated functions in its
 *     slot (and their aliases), share their group.
 *  4. Otherwise the device gets a new group.
 *
 * Return: a referenced group, or an ERR_PTR (-EINVAL for a non-PCI device).
 */
struct iommu_group *pci_device_group(struct device *dev)
{
	DECLARE_BITMAP(visited, IOMMU_PCI_DEVFNS);
	struct iommu_pci_alias_walk walk = {};
	struct iommu_group *group;
	struct pci_dev *pdev;
	struct pci_bus *bus;

	if (WARN_ON(!dev_is_pci(dev)))
		return ERR_PTR(-EINVAL);

	/* Step 1 */
	if (pci_for_each_dma_alias(to_pci_dev(dev), iommu_pci_alias_step,
				   &walk))
		return walk.group;
	pdev = walk.last;

	/* Step 2 */
	for (bus = pdev->bus; !pci_is_root_bus(bus); bus = bus->parent) {
		if (!bus->self)
			continue;
		if (pci_acs_path_enabled(bus->self, NULL,
					 IOMMU_PCI_ISOLATION_ACS))
			break;

		pdev = bus->self;
		group = iommu_group_get(&pdev->dev);
		if (group)
			return group;
	}

	/* Step 3; the bitmap stays valid across both searches */
	bitmap_zero(visited, IOMMU_PCI_DEVFNS);
	group = pci_group_of_aliases(pdev, visited);
	if (group)
		return group;
	group = pci_group_of_slot_siblings(pdev, visited);
	if (group)
		return group;

	/* Step 4 */
	return iommu_group_alloc();
}
EXPORT_SYMBOL_GPL(pci_device_group);

/*
 * Reserved regions of a group.
 *
 * The group list is kept sorted by start address (ties by type). Regions of
 * the same type that overlap or touch are merged into one; regions of
 * different types are never merged. Because the list is always kept in
 * this normal form, adding one region only has to absorb the same-type
 * regions that overlap or touch it.
 */
static int iommu_resv_region_merge(const struct iommu_resv_region *add,
				   struct list_head *regions)
{
	struct iommu_resv_region *pos, *tmp, *merged;
	phys_addr_t first = add->start;
	phys_addr_t last = add->start + add->length - 1;
	int prot = add->prot;

	merged = iommu_alloc_resv_region(0, 0, 0, add->type, GFP_KERNEL);
	if (!merged)
		return -ENOMEM;

	list_for_each_entry_safe(pos, tmp, regions, list) {
		phys_addr_t pos_last = pos->start + pos->length - 1;

		if (pos->type != add->type)
			continue;
		if (pos->start > last + 1 || first > pos_last + 1)
			continue;

		if (pos->start < first) {
			first = pos->start;
			prot = pos->prot;
		}
		if (pos_last > last)
			last = pos_last;
		list_del(&pos->list);
		kfree(pos);
	}

	merged->start = first;
	merged->length = last - first + 1;
	merged->prot = prot;

	list_for_each_entry(pos, regions, list) {
		if (merged->start < pos->start ||
		    (merged->start == pos->start && merged->type <= pos->type))
			break;
	}
	/* Insert before @pos, or at the tail if the loop ran off the end */
	list_add_tail(&merged->list, &pos->list);
	return 0;
}

/**
 * iommu_get_group_resv_regions() - the reserved regions of a whole group
 * @group: the group
 * @head: list to add the regions to; the caller frees the entries
 *
 * The walk stops at the first member that is not served by an IOMMU driver
 * (groups made with iommu_group_add_device()).
 *
 * Return: 0 or -ENOMEM.
 */
int iommu_get_group_resv_regions(struct iommu_group *group,
				 struct list_head *head)
{
	struct group_device *gdev;
	int ret = 0;

	mutex_lock(&group->mutex);
	for_each_group_device(group, gdev) {
		struct iommu_resv_region *region;
		LIST_HEAD(dev_regions);

		if (!dev_has_iommu(gdev->dev))
			break;

		iommu_get_resv_regions(gdev->dev, &dev_regions);
		list_for_each_entry(region, &dev_regions, list) {
			ret = iommu_resv_region_merge(region, head);
			if (ret)
				break;
		}
		iommu_put_resv_regions(gdev->dev, &dev_regions);
		if (ret)
			break;
	}
	mutex_unlock(&group->mutex);
	return ret;
}
EXPORT_SYMBOL_GPL(iommu_get_group_resv_regions);

static const char *iommu_resv_type_name(enum iommu_resv_type type)
{
	switch (type) {
	case IOMMU_RESV_DIRECT:
		return "direct";
	case IOMMU_RESV_DIRECT_RELAXABLE:
		return "direct-relaxable";
	case IOMMU_RESV_RESERVED:
		return "reserved";
	case IOMMU_RESV_MSI:
	case IOMMU_RESV_SW_MSI:
		return "msi";
	}
	return "unknown";
}

/**
 * iommu_group_show_resv_regions() - the "reserved_regions" group attribute
 * @group: the group
 * @buf: a PAGE_SIZE buffer
 *
 * One line per region: start, inclusive end (both 0x%016llx) and type name.
 *
 * Return: the number of bytes written.
 */
VISIBLE_IF_KUNIT __maybe_unused
ssize_t iommu_group_show_resv_regions(struct iommu_group *group, char *buf)
{
	struct iommu_resv_region *region, *next;
	LIST_HEAD(regions);
	ssize_t len = 0;

	iommu_get_group_resv_regions(group, &regions);
	list_for_each_entry_safe(region, next, &regions, list) {
		len += scnprintf(buf + len, PAGE_SIZE - len,
				 "0x%016llx 0x%016llx %s\n",
				 (unsigned long long)region->start,
				 (unsigned long long)(region->start +
						      region->length - 1),
				 iommu_resv_type_name(region->type));
		kfree(region);
	}
	return len;
}
EXPORT_SYMBOL_IF_KUNIT(iommu_group_show_resv_regions);
