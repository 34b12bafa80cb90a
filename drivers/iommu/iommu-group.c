// SPDX-License-Identifier: GPL-2.0
/*
 * IOMMU groups: the smallest sets of devices an IOMMU can isolate from each
 * other. A group is reference counted; every member device and every
 * iommu_group_get() caller holds a reference.
 *
 * This file also holds the device_group helpers drivers plug into
 * &iommu_ops.device_group, and the group-wide view of reserved regions.
 */

#include <kunit/visibility.h>
#include <linux/iommu.h>
#include <linux/pci.h>
#include <linux/msi.h>
#include <linux/idr.h>
#include <linux/bitmap.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/export.h>
#include <linux/device.h>
#include <linux/kernel.h>

#include "iommu-priv.h"

/* Group ids are small integers, unique among live groups */
static DEFINE_IDA(iommu_group_ida);

/* === Lifetime === */

static void iommu_group_last_put(struct kref *kref)
{
	struct iommu_group *grp = container_of(kref, struct iommu_group, ref);
	void (*drv_release)(void *drv_data) = grp->iommu_data_release;

	/*
	 * The core domains belong to the members' lifetime: the last member
	 * to leave has already freed them.
	 */
	WARN_ON(grp->default_domain);
	WARN_ON(grp->blocking_domain);

	if (drv_release)
		drv_release(grp->iommu_data);

	xa_destroy(&grp->pasid_array);
	ida_free(&iommu_group_ida, grp->id);
	kfree(grp->name);
	kfree(grp);
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
	struct iommu_group *grp;
	int err;

	grp = kzalloc(sizeof(*grp), GFP_KERNEL);
	if (!grp)
		return ERR_PTR(-ENOMEM);

	err = ida_alloc(&iommu_group_ida, GFP_KERNEL);
	if (err < 0)
		goto free_grp;
	grp->id = err;

	xa_init(&grp->pasid_array);
	INIT_LIST_HEAD(&grp->entry);
	INIT_LIST_HEAD(&grp->devices);
	mutex_init(&grp->mutex);
	kref_init(&grp->ref);
	return grp;

free_grp:
	kfree(grp);
	return ERR_PTR(err);
}
EXPORT_SYMBOL_GPL(iommu_group_alloc);

/**
 * iommu_group_put() - drop a group reference
 * @grp: the group, or NULL
 *
 * The group is freed with its last reference.
 */
void iommu_group_put(struct iommu_group *grp)
{
	if (!grp)
		return;
	kref_put(&grp->ref, iommu_group_last_put);
}
EXPORT_SYMBOL_GPL(iommu_group_put);

/**
 * iommu_group_ref_get() - take another reference on a group
 * @grp: a group the caller already holds a reference on; not NULL
 *
 * Return: @grp.
 */
struct iommu_group *iommu_group_ref_get(struct iommu_group *grp)
{
	kref_get(&grp->ref);
	return grp;
}
EXPORT_SYMBOL_GPL(iommu_group_ref_get);

/**
 * iommu_group_get() - the group of a device, with a reference
 * @dev: the device
 *
 * Return: the group (drop it with iommu_group_put()), or NULL.
 */
struct iommu_group *iommu_group_get(struct device *dev)
{
	return dev->iommu_group ? iommu_group_ref_get(dev->iommu_group) : NULL;
}
EXPORT_SYMBOL_GPL(iommu_group_get);

/* === Attributes === */

/**
 * iommu_group_id() - the unique id of a group
 * @grp: the group
 *
 * Return: the id.
 */
int iommu_group_id(struct iommu_group *grp)
{
	return grp->id;
}
EXPORT_SYMBOL_GPL(iommu_group_id);

/**
 * iommu_group_set_name() - give a group a name
 * @grp: the group
 * @name: the name, copied; NULL removes the current name
 *
 * Return: 0 or -ENOMEM.
 */
int iommu_group_set_name(struct iommu_group *grp, const char *name)
{
	char *copy = name ? kstrdup(name, GFP_KERNEL) : NULL;

	if (name && !copy)
		return -ENOMEM;

	swap(grp->name, copy);
	kfree(copy);
	return 0;
}
EXPORT_SYMBOL_GPL(iommu_group_set_name);

/**
 * iommu_group_set_iommudata() - store driver data in a group
 * @grp: the group
 * @drv_data: the data
 * @release: called with @drv_data when the group is freed, may be NULL
 */
void iommu_group_set_iommudata(struct iommu_group *grp, void *drv_data,
			       void (*release)(void *drv_data))
{
	grp->iommu_data_release = release;
	grp->iommu_data = drv_data;
}
EXPORT_SYMBOL_GPL(iommu_group_set_iommudata);

/**
 * iommu_group_get_iommudata() - the driver data of a group
 * @grp: the group
 *
 * Return: what was set with iommu_group_set_iommudata(), or NULL.
 */
void *iommu_group_get_iommudata(struct iommu_group *grp)
{
	return grp->iommu_data;
}
EXPORT_SYMBOL_GPL(iommu_group_get_iommudata);

/* === Membership === */

/**
 * iommu_group_alloc_device() - allocate the membership record of a device
 * @grp: the group being joined
 * @dev: the device
 *
 * The record is not linked; the caller adds it to grp->devices under the
 * group mutex. __iommu_group_free_device() undoes this.
 *
 * Return: the record or ERR_PTR(-ENOMEM).
 */
struct group_device *iommu_group_alloc_device(struct iommu_group *grp,
					      struct device *dev)
{
	struct group_device *member = kzalloc(sizeof(*member), GFP_KERNEL);

	if (!member)
		return ERR_PTR(-ENOMEM);

	member->dev = dev;
	dev_info(dev, "Adding to iommu group %d\n", grp->id);
	return member;
}

/**
 * __iommu_group_free_device() - free an unlinked membership record
 * @grp: the group the device was in
 * @member: the record, already removed from grp->devices
 *
 * When this empties the group, all ownership must have been given back and
 * the group must be on its default domain (or on none).
 */
void __iommu_group_free_device(struct iommu_group *grp,
			       struct group_device *member)
{
	bool emptied;

	lockdep_assert_held(&grp->mutex);

	emptied = list_empty(&grp->devices);
	WARN_ON(emptied && (grp->owner_cnt ||
			    grp->domain != grp->default_domain));
	kfree(member);
}

/* The membership record of @dev in @grp, or NULL */
static struct group_device *iommu_group_find_member(struct iommu_group *grp,
						    struct device *dev)
{
	struct group_device *member;

	lockdep_assert_held(&grp->mutex);

	list_for_each_entry(member, &grp->devices, list)
		if (member->dev == dev)
			return member;
	return NULL;
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
	struct iommu_group *grp = dev->iommu_group;
	struct group_device *member;

	mutex_lock(&grp->mutex);
	member = iommu_group_find_member(grp, dev);
	if (member) {
		list_del(&member->list);
		__iommu_group_free_device(grp, member);

		/* Driver-managed devices leave their group in the teardown */
		if (!dev_has_iommu(dev))
			dev->iommu_group = NULL;
		else
			iommu_dev_teardown(dev);
	}
	mutex_unlock(&grp->mutex);

	/* Membership owned one reference */
	iommu_group_put(grp);
}

/**
 * iommu_group_add_device() - put a device into a group without a driver
 * @grp: the group; the caller holds a reference
 * @dev: the device
 *
 * For groups that no IOMMU driver manages (VFIO no-IOMMU mode): the device
 * joins the list and takes a group reference, and no domain work is done.
 *
 * Return: 0 or -ENOMEM.
 */
int iommu_group_add_device(struct iommu_group *grp, struct device *dev)
{
	struct group_device *member = iommu_group_alloc_device(grp, dev);

	if (IS_ERR(member))
		return PTR_ERR(member);

	dev->iommu_group = iommu_group_ref_get(grp);

	mutex_lock(&grp->mutex);
	list_add_tail(&member->list, &grp->devices);
	mutex_unlock(&grp->mutex);
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
	if (!dev->iommu_group)
		return;

	dev_info(dev, "Removing from iommu group %d\n", dev->iommu_group->id);
	__iommu_group_remove_device(dev);
}
EXPORT_SYMBOL_GPL(iommu_group_remove_device);

/**
 * iommu_group_for_each_dev() - call a function for every member of a group
 * @grp: the group; the caller holds a reference
 * @data: passed to @fn
 * @fn: the function; a non-zero return stops the walk
 *
 * @fn runs under the group mutex, so members cannot come or go meanwhile.
 *
 * Return: 0, or the first non-zero value @fn returned.
 */
int iommu_group_for_each_dev(struct iommu_group *grp, void *data,
			     int (*fn)(struct device *dev, void *data))
{
	struct group_device *member;
	int stop = 0;

	mutex_lock(&grp->mutex);
	list_for_each_entry(member, &grp->devices, list) {
		stop = fn(member->dev, data);
		if (stop)
			break;
	}
	mutex_unlock(&grp->mutex);
	return stop;
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

static int iommu_dev_msi_unisolated(struct device *dev, void *unused)
{
	return !msi_device_has_isolated_msi(dev);
}

/**
 * iommu_group_has_isolated_msi() - is MSI isolated for every member?
 * @grp: the group
 *
 * Members should agree; combining them guards against a mistake costing
 * isolation.
 *
 * Return: true only if msi_device_has_isolated_msi() holds for all members.
 */
bool iommu_group_has_isolated_msi(struct iommu_group *grp)
{
	return !iommu_group_for_each_dev(grp, NULL, iommu_dev_msi_unisolated);
}
EXPORT_SYMBOL_GPL(iommu_group_has_isolated_msi);

/* === device_group helpers === */

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
	struct iommu_device *unit = dev->iommu->iommu_dev;
	struct iommu_group *grp = unit->singleton_group;

	if (!grp) {
		/* The instance keeps the allocation's reference */
		grp = iommu_group_alloc();
		if (IS_ERR(grp))
			return grp;
		unit->singleton_group = grp;
	}
	return iommu_group_ref_get(grp);
}
EXPORT_SYMBOL_GPL(generic_single_device_group);

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

/*
 * PCI grouping.
 *
 * A PCI function is isolated when every bridge between it and the root
 * enforces ACS source validation, request and completion redirection and
 * upstream forwarding: it cannot spoof another requester ID and its
 * peer-to-peer traffic is forced up to the IOMMU.
 *
 * Below the point where that holds, devices share a group with every device
 * they alias (or that aliases them) on their bus, and with the functions of
 * their slot that lack ACS, transitively. The search keeps one bit per
 * devfn of the bus so that each function is visited once.
 */
#define IOMMU_PCI_ISOLATION_ACS \
	(PCI_ACS_SV | PCI_ACS_RR | PCI_ACS_CR | PCI_ACS_UF)

struct iommu_pci_search {
	DECLARE_BITMAP(seen, 256);
};

/* How a peer found on the bus relates to the function being examined */
enum iommu_pci_peer_rel {
	IOMMU_PCI_PEER_ALIAS,	/* one is a DMA alias of the other */
	IOMMU_PCI_PEER_SLOT,	/* an unisolated function of the same slot */
};

static bool iommu_pci_isolated_fn(struct pci_dev *pdev)
{
	return pci_acs_enabled(pdev, IOMMU_PCI_ISOLATION_ACS);
}

static bool iommu_pci_peer_related(struct pci_dev *pdev, struct pci_dev *peer,
				   enum iommu_pci_peer_rel rel)
{
	if (peer == pdev || peer->bus != pdev->bus)
		return false;

	if (rel == IOMMU_PCI_PEER_ALIAS)
		return pci_devs_are_dma_aliases(pdev, peer);

	return PCI_SLOT(peer->devfn) == PCI_SLOT(pdev->devfn) &&
	       !iommu_pci_isolated_fn(peer);
}

static struct iommu_group *iommu_pci_scan_peers(struct pci_dev *pdev,
						enum iommu_pci_peer_rel rel,
						struct iommu_pci_search *search);

/*
 * The group already held by @pdev or by anything it is transitively
 * aliased with, or NULL. Each function is examined at most once per search.
 */
static struct iommu_group *iommu_pci_alias_group(struct pci_dev *pdev,
						 struct iommu_pci_search *search)
{
	struct iommu_group *grp;

	if (test_and_set_bit(pdev->devfn & 0xff, search->seen))
		return NULL;

	grp = iommu_group_get(&pdev->dev);
	if (!grp)
		grp = iommu_pci_scan_peers(pdev, IOMMU_PCI_PEER_ALIAS, search);
	return grp;
}

/*
 * Functions of a multifunction device without ACS can reach each other
 * directly: the group of any such sibling of @pdev (or of its aliases).
 */
static struct iommu_group *iommu_pci_slot_group(struct pci_dev *pdev,
						struct iommu_pci_search *search)
{
	if (!pdev->multifunction || iommu_pci_isolated_fn(pdev))
		return NULL;
	return iommu_pci_scan_peers(pdev, IOMMU_PCI_PEER_SLOT, search);
}

/*
 * Look at each peer of @pdev related to it as @rel says. A peer's alias
 * group counts; for an alias the unisolated functions of its slot count
 * too. The first group found ends the scan.
 */
static struct iommu_group *iommu_pci_scan_peers(struct pci_dev *pdev,
						enum iommu_pci_peer_rel rel,
						struct iommu_pci_search *search)
{
	struct pci_dev *peer = NULL;
	struct iommu_group *grp;

	for_each_pci_dev(peer) {
		if (!iommu_pci_peer_related(pdev, peer, rel))
			continue;

		grp = iommu_pci_alias_group(peer, search);
		if (!grp && rel == IOMMU_PCI_PEER_ALIAS)
			grp = iommu_pci_slot_group(peer, search);
		if (grp) {
			/* Leaving the iteration early: drop its reference */
			pci_dev_put(peer);
			return grp;
		}
	}
	return NULL;
}

/* Progress of the walk over the upstream DMA aliases of a device */
struct iommu_pci_upstream {
	struct pci_dev *top;		/* the last alias visited */
	struct iommu_group *found;	/* the group that ended the walk */
};

static int iommu_pci_upstream_step(struct pci_dev *pdev, u16 alias,
				   void *opaque)
{
	struct iommu_pci_upstream *up = opaque;

	up->top = pdev;
	up->found = iommu_group_get(&pdev->dev);
	return !!up->found;
}

/*
 * Climb from @pdev towards the root bus, stopping below the first bridge
 * whose path to the root is ACS-isolated. Returns the highest device
 * reached; when a bridge on the way already has a group, that group is
 * stored in *found instead.
 */
static struct pci_dev *iommu_pci_isolation_top(struct pci_dev *pdev,
					       struct iommu_group **found)
{
	struct pci_bus *bus = pdev->bus;

	*found = NULL;
	while (!pci_is_root_bus(bus)) {
		struct pci_dev *bridge = bus->self;

		bus = bus->parent;
		if (!bridge)
			continue;
		if (pci_acs_path_enabled(bridge, NULL, IOMMU_PCI_ISOLATION_ACS))
			break;

		pdev = bridge;
		*found = iommu_group_get(&bridge->dev);
		if (*found)
			break;
	}
	return pdev;
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
	struct iommu_pci_upstream up = {};
	struct iommu_pci_search search;
	struct iommu_group *grp;
	struct pci_dev *top;

	if (WARN_ON(!dev_is_pci(dev)))
		return ERR_PTR(-EINVAL);

	if (pci_for_each_dma_alias(to_pci_dev(dev), iommu_pci_upstream_step,
				   &up))
		return up.found;

	top = iommu_pci_isolation_top(up.top, &grp);
	if (grp)
		return grp;

	/* One search: a function seen through an alias need not be seen again */
	bitmap_zero(search.seen, 256);
	grp = iommu_pci_alias_group(top, &search);
	if (!grp)
		grp = iommu_pci_slot_group(top, &search);
	return grp ? grp : iommu_group_alloc();
}
EXPORT_SYMBOL_GPL(pci_device_group);

/* === Reserved regions of a group === */

/*
 * The group list is kept sorted by start address (ties by type). Regions of
 * the same type that overlap or touch are merged into one; regions of
 * different types are never merged. Because the list is always kept in
 * this normal form, adding one region only has to absorb the same-type
 * regions that overlap or touch it.
 */

/* Do [a_lo, a_hi] and [b_lo, b_hi] overlap or touch? */
static bool iommu_resv_adjacent(phys_addr_t a_lo, phys_addr_t a_hi,
				phys_addr_t b_lo, phys_addr_t b_hi)
{
	return b_lo <= a_hi + 1 && a_lo <= b_hi + 1;
}

/* Does @a sort before @b in a group list? */
static bool iommu_resv_before(const struct iommu_resv_region *a,
			      const struct iommu_resv_region *b)
{
	if (a->start != b->start)
		return a->start < b->start;
	return a->type <= b->type;
}

static int iommu_resv_absorb(const struct iommu_resv_region *incoming,
			     struct list_head *sorted)
{
	phys_addr_t lo = incoming->start;
	phys_addr_t hi = lo + incoming->length - 1;
	struct iommu_resv_region *cur, *next, *fresh;
	int prot = incoming->prot;

	fresh = iommu_alloc_resv_region(0, 0, 0, incoming->type, GFP_KERNEL);
	if (!fresh)
		return -ENOMEM;

	/* Swallow every same-type neighbour; the lowest start gives the prot */
	list_for_each_entry_safe(cur, next, sorted, list) {
		phys_addr_t cur_hi = cur->start + cur->length - 1;

		if (cur->type != incoming->type ||
		    !iommu_resv_adjacent(lo, hi, cur->start, cur_hi))
			continue;

		if (cur->start < lo) {
			lo = cur->start;
			prot = cur->prot;
		}
		hi = max(hi, cur_hi);
		list_del(&cur->list);
		kfree(cur);
	}

	fresh->start = lo;
	fresh->length = hi - lo + 1;
	fresh->prot = prot;

	/* Insert before the first entry that does not sort before us */
	list_for_each_entry(cur, sorted, list)
		if (!iommu_resv_before(cur, fresh))
			break;
	list_add_tail(&fresh->list, &cur->list);
	return 0;
}

/* Fold the reserved regions of one member into the group list */
static int iommu_resv_collect_member(struct device *dev,
				     struct list_head *sorted)
{
	struct iommu_resv_region *region;
	LIST_HEAD(mine);
	int err = 0;

	iommu_get_resv_regions(dev, &mine);
	list_for_each_entry(region, &mine, list) {
		err = iommu_resv_absorb(region, sorted);
		if (err)
			break;
	}
	iommu_put_resv_regions(dev, &mine);
	return err;
}

/**
 * iommu_get_group_resv_regions() - the reserved regions of a whole group
 * @grp: the group
 * @head: list to add the regions to; the caller frees the entries
 *
 * The walk stops at the first member that is not served by an IOMMU driver
 * (groups made with iommu_group_add_device()).
 *
 * Return: 0 or -ENOMEM.
 */
int iommu_get_group_resv_regions(struct iommu_group *grp,
				 struct list_head *head)
{
	struct group_device *member;
	int err = 0;

	mutex_lock(&grp->mutex);
	list_for_each_entry(member, &grp->devices, list) {
		if (!dev_has_iommu(member->dev))
			break;
		err = iommu_resv_collect_member(member->dev, head);
		if (err)
			break;
	}
	mutex_unlock(&grp->mutex);
	return err;
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
 * @grp: the group
 * @buf: a PAGE_SIZE buffer
 *
 * One line per region: start, inclusive end (both 0x%016llx) and type name.
 *
 * Return: the number of bytes written.
 */
VISIBLE_IF_KUNIT __maybe_unused
ssize_t iommu_group_show_resv_regions(struct iommu_group *grp, char *buf)
{
	struct iommu_resv_region *region;
	LIST_HEAD(regions);
	ssize_t used = 0;

	iommu_get_group_resv_regions(grp, &regions);
	while (!list_empty(&regions)) {
		u64 lo, hi;

		region = list_first_entry(&regions, struct iommu_resv_region,
					  list);
		lo = region->start;
		hi = lo + region->length - 1;
		used += scnprintf(buf + used, PAGE_SIZE - used,
				  "0x%016llx 0x%016llx %s\n", lo, hi,
				  iommu_resv_type_name(region->type));
		list_del(&region->list);
		kfree(region);
	}
	return used;
}
EXPORT_SYMBOL_IF_KUNIT(iommu_group_show_resv_regions);
