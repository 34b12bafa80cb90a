// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel half of the iommufd selftests (tools/testing/selftests/iommu).
 *
 * It provides:
 *
 *  - a mock IOMMU driver serving a bus of its own ("iommufd_mock"). Its
 *    paging domains keep their translations in an xarray with one entry per
 *    2 KiB IO page, so that page sizes smaller than PAGE_SIZE and huge IO
 *    pages (1 MiB, for devices made with MOCK_FLAGS_DEVICE_HUGE_IOVA) are
 *    both exercised. Nested domains model a four-entry IOTLB that user
 *    invalidation requests clear;
 *  - mock devices on that bus, each in a group of its own, created and bound
 *    to the context by IOMMU_TEST_OP_MOCK_DOMAIN and owned by a SELFTEST
 *    object;
 *  - IOMMU_TEST_CMD, whose operations inspect the mock page tables, drive
 *    in-kernel accesses through file descriptors, mark IOVA dirty and raise
 *    page faults;
 *  - the "fail_iommufd" fault-injection point used inside iommufd.
 */
#include <linux/anon_inodes.h>
#include <linux/fault-inject.h>
#include <linux/file.h>
#include <linux/fwnode.h>
#include <linux/idr.h>
#include <linux/iommu.h>
#include <linux/iommufd.h>
#include <linux/mm.h>
#include <linux/notifier.h>
#include <linux/property.h>
#include <linux/rwsem.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include <uapi/linux/iommufd.h>

#include "../iommu-priv.h"
#include "io_pagetable.h"
#include "iommufd_private.h"
#include "iommufd_test.h"

static DECLARE_FAULT_ATTR(fail_iommufd);

/*
 * Size of the temporary buffers of the pinning code; tests lower it to
 * force work to be split into many small batches.
 */
size_t iommufd_test_memory_limit = 65536;

/* The bus mock devices live on, and the core's notifier for it */
static const struct bus_type iommufd_mock_bus = {
	.name = "iommufd_mock",
};

static struct notifier_block iommufd_mock_bus_nb;

static const struct fwnode_operations mock_iommu_fwnode_ops;
static struct fwnode_handle mock_iommu_fwnode;
static struct iommu_device mock_iommu_device;
static struct iopf_queue *mock_iommu_iopf_queue;
static DEFINE_IDA(mock_dev_ida);

static const struct iommu_ops mock_ops;
static const struct iommu_domain_ops mock_domain_ops;
static const struct iommu_domain_ops mock_domain_nested_ops;

enum {
	/* mock_iommu_domain.flags: dirty tracking is on */
	MOCK_DIRTY_TRACK = 1,

	/* The IO page size of the mock, and its huge page (512 IO pages) */
	MOCK_IO_PAGE_SIZE = PAGE_SIZE / 2,
	MOCK_HUGE_PAGE_SIZE = 512 * MOCK_IO_PAGE_SIZE,

	/*
	 * A PTE is an xarray value: the physical address in IO page units,
	 * with flags above it. Values must stay below the top bit, which the
	 * xarray keeps for itself. The first and last IO page of every map
	 * call are tagged, so that unmaps can be checked to cover whole maps;
	 * both tags share one bit.
	 */
	MOCK_PFN_MASK = ULONG_MAX / MOCK_IO_PAGE_SIZE,
	MOCK_PFN_TAG_BASE = MOCK_PFN_MASK + 1,
	MOCK_PFN_START_IOVA = MOCK_PFN_TAG_BASE,
	MOCK_PFN_LAST_IOVA = MOCK_PFN_TAG_BASE,
	MOCK_PFN_DIRTY_IOVA = MOCK_PFN_TAG_BASE << 1,
	MOCK_PFN_HUGE_IOVA = MOCK_PFN_TAG_BASE << 2,
};

/**
 * struct mock_iommu_domain - a mock paging domain
 * @flags: MOCK_DIRTY_TRACK
 * @domain: the domain
 * @pfns: the PTEs, indexed by IOVA / MOCK_IO_PAGE_SIZE
 */
struct mock_iommu_domain {
	unsigned long flags;
	struct iommu_domain domain;
	struct xarray pfns;
};

/**
 * struct mock_iommu_domain_nested - a mock nested (stage-1) domain
 * @domain: the domain
 * @parent: the paging domain below
 * @iotlb: the modelled IOTLB; user invalidations clear entries to zero
 */
struct mock_iommu_domain_nested {
	struct iommu_domain domain;
	struct mock_iommu_domain *parent;
	u32 iotlb[MOCK_NESTED_DOMAIN_IOTLB_NUM];
};

/**
 * struct mock_dev - a device of the mock bus
 * @dev: the device
 * @iopf_rwsem: faults are raised under the read side, attachment changes
 *	happen under the write side, so a fault never races with a detach
 * @flags: MOCK_FLAGS_DEVICE_* bits
 * @id: number in the device name, from mock_dev_ida
 * @swnode: software node carrying @props
 * @props: device properties: the PASID width for PASID devices
 * @has_swnode: @swnode was added to @dev
 */
struct mock_dev {
	struct device dev;
	struct rw_semaphore iopf_rwsem;
	unsigned long flags;
	int id;
	struct software_node swnode;
	struct property_entry props[2];
	bool has_swnode;
};

static inline struct mock_dev *to_mock_dev(struct device *dev)
{
	return container_of(dev, struct mock_dev, dev);
}

static inline struct mock_iommu_domain *
to_mock_domain(struct iommu_domain *domain)
{
	return container_of(domain, struct mock_iommu_domain, domain);
}

static inline struct mock_iommu_domain_nested *
to_mock_nested(struct iommu_domain *domain)
{
	return container_of(domain, struct mock_iommu_domain_nested, domain);
}

enum selftest_obj_type {
	TYPE_IDEV,
};

/**
 * struct selftest_obj - the IOMMUFD_OBJ_SELFTEST object
 * @obj: object header
 * @type: what the object holds; only TYPE_IDEV exists
 * @idev: for TYPE_IDEV
 * @idev.idev: the bound iommufd device
 * @idev.ictx: the context it is bound to
 * @idev.mock_dev: the mock device
 *
 * Destroying the object detaches and unbinds the device and deletes it,
 * like a driver would on unplug.
 */
struct selftest_obj {
	struct iommufd_object obj;
	enum selftest_obj_type type;

	union {
		struct {
			struct iommufd_device *idev;
			struct iommufd_ctx *ictx;
			struct mock_dev *mock_dev;
		} idev;
	};
};

/* ------------------------------------------------------------------------
 * IOVA conversion for syzkaller
 *
 * A fuzzer cannot easily guess IOVAs the kernel picked. With
 * MOCK_FLAGS_ACCESS_SYZ the 64-bit IOVA is read as {u32 nth area, u32 byte
 * offset} instead.
 */

static unsigned long iommufd_test_syz_area_iova(struct io_pagetable *iopt,
						u64 *iova)
{
	struct {
		u32 nth_area;
		u32 offset;
	} *syz = (void *)iova;
	unsigned int nth = syz->nth_area;
	unsigned long result = 0;
	struct iopt_area *area;

	down_read(&iopt->iova_rwsem);
	for (area = iopt_area_iter_first(iopt, 0, ULONG_MAX); area;
	     area = iopt_area_iter_next(area, 0, ULONG_MAX)) {
		if (!nth) {
			result = iopt_area_iova(area) + syz->offset;
			break;
		}
		nth--;
	}
	up_read(&iopt->iova_rwsem);
	return result;
}

static unsigned long iommufd_test_syz_conv_iova(struct iommufd_access *access,
						u64 *iova)
{
	unsigned long result = 0;

	mutex_lock(&access->ioas_lock);
	if (access->ioas)
		result = iommufd_test_syz_area_iova(&access->ioas->iopt, iova);
	mutex_unlock(&access->ioas_lock);
	return result;
}

/**
 * iommufd_test_syz_conv_iova_id() - decode a syzkaller IOVA of an IOAS
 * @ucmd: the command
 * @ioas_id: the IOAS the IOVA belongs to
 * @iova: the IOVA, rewritten in place if MOCK_FLAGS_ACCESS_SYZ is set
 * @flags: the command's flags; MOCK_FLAGS_ACCESS_SYZ is consumed
 */
void iommufd_test_syz_conv_iova_id(struct iommufd_ucmd *ucmd,
				   unsigned int ioas_id, u64 *iova, u32 *flags)
{
	struct iommufd_ioas *ioas;

	if (!(*flags & MOCK_FLAGS_ACCESS_SYZ))
		return;
	*flags &= ~(u32)MOCK_FLAGS_ACCESS_SYZ;

	ioas = iommufd_get_ioas(ucmd->ictx, ioas_id);
	if (IS_ERR(ioas))
		return;
	*iova = iommufd_test_syz_area_iova(&ioas->iopt, iova);
	iommufd_put_object(ucmd->ictx, &ioas->obj);
}

/* ------------------------------------------------------------------------
 * The mock IOMMU driver
 */

/*
 * attach_dev of every mock domain. The only incompatibility modelled: a
 * dirty-tracking domain cannot serve a device without dirty tracking.
 */
static int mock_domain_nop_attach(struct iommu_domain *domain,
				  struct device *dev)
{
	struct mock_dev *mdev = to_mock_dev(dev);

	if (domain->dirty_ops && (mdev->flags & MOCK_FLAGS_DEVICE_NO_DIRTY))
		return -EINVAL;
	return 0;
}

static const struct iommu_domain_ops mock_blocking_ops = {
	.attach_dev = mock_domain_nop_attach,
};

static struct iommu_domain mock_blocking_domain = {
	.type = IOMMU_DOMAIN_BLOCKED,
	.ops = &mock_blocking_ops,
};

/*
 * hw_info: *type holds the format asked for (DEFAULT for "whatever you
 * have"); only the selftest format exists.
 */
static void *mock_domain_hw_info(struct device *dev, u32 *length, u32 *type)
{
	struct iommu_test_hw_info *info;

	if (*type != IOMMU_HW_INFO_TYPE_DEFAULT &&
	    *type != IOMMU_HW_INFO_TYPE_SELFTEST)
		return ERR_PTR(-EOPNOTSUPP);

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return ERR_PTR(-ENOMEM);

	info->test_reg = IOMMU_HW_INFO_SELFTEST_REGVAL;
	*length = sizeof(*info);
	*type = IOMMU_HW_INFO_TYPE_SELFTEST;
	return info;
}

static int mock_domain_set_dirty_tracking(struct iommu_domain *domain,
					  bool enable)
{
	struct mock_iommu_domain *mock = to_mock_domain(domain);

	if (enable && !domain->dirty_ops)
		return -EINVAL;

	if (enable)
		mock->flags |= MOCK_DIRTY_TRACK;
	else
		mock->flags &= ~MOCK_DIRTY_TRACK;
	return 0;
}

/*
 * Are any of the IO pages in [iova, iova + size) dirty? Clears their dirty
 * bits unless IOMMU_DIRTY_NO_CLEAR is given.
 */
static bool mock_test_and_clear_dirty(struct mock_iommu_domain *mock,
				      unsigned long iova, size_t size,
				      unsigned long flags)
{
	unsigned long cur, last = iova + size - 1;
	bool dirty = false;

	for (cur = iova; cur < last; cur += MOCK_IO_PAGE_SIZE) {
		unsigned long index = cur / MOCK_IO_PAGE_SIZE;
		void *ent, *old;

		ent = xa_load(&mock->pfns, index);
		if (!ent || !(xa_to_value(ent) & MOCK_PFN_DIRTY_IOVA))
			continue;

		dirty = true;
		if (flags & IOMMU_DIRTY_NO_CLEAR)
			continue;
		old = xa_store(&mock->pfns, index,
			       xa_mk_value(xa_to_value(ent) &
					   ~MOCK_PFN_DIRTY_IOVA),
			       GFP_KERNEL);
		WARN_ON_ONCE(old != ent);
	}
	return dirty;
}

/*
 * Walk the range one mapping at a time (2 KiB, or 1 MiB for huge PTEs). A
 * huge mapping is reported dirty as a whole if any of its IO pages is.
 */
static int mock_domain_read_and_clear_dirty(struct iommu_domain *domain,
					    unsigned long iova, size_t size,
					    unsigned long flags,
					    struct iommu_dirty_bitmap *dirty)
{
	struct mock_iommu_domain *mock = to_mock_domain(domain);
	unsigned long end = iova + size;

	if (!(mock->flags & MOCK_DIRTY_TRACK) && dirty->bitmap)
		return -EINVAL;

	while (iova < end) {
		unsigned long pgsize = MOCK_IO_PAGE_SIZE;
		void *ent;

		ent = xa_load(&mock->pfns, iova / MOCK_IO_PAGE_SIZE);
		if (ent) {
			if (xa_to_value(ent) & MOCK_PFN_HUGE_IOVA)
				pgsize = MOCK_HUGE_PAGE_SIZE;
			if (mock_test_and_clear_dirty(mock,
						      iova & ~(pgsize - 1),
						      pgsize, flags))
				iommu_dirty_bitmap_record(dirty, iova, pgsize);
		}
		iova += pgsize;
	}
	return 0;
}

static const struct iommu_dirty_ops mock_dirty_ops = {
	.set_dirty_tracking = mock_domain_set_dirty_tracking,
	.read_and_clear_dirty = mock_domain_read_and_clear_dirty,
};

static struct iommu_domain *mock_domain_alloc_paging(struct device *dev)
{
	struct mock_iommu_domain *mock;

	mock = kzalloc(sizeof(*mock), GFP_KERNEL);
	if (!mock)
		return ERR_PTR(-ENOMEM);

	mock->domain.type = IOMMU_DOMAIN_UNMANAGED;
	mock->domain.ops = &mock_domain_ops;
	mock->domain.geometry.aperture_start = MOCK_APERTURE_START;
	mock->domain.geometry.aperture_end = MOCK_APERTURE_LAST;
	mock->domain.pgsize_bitmap = MOCK_IO_PAGE_SIZE;
	if (dev && (to_mock_dev(dev)->flags & MOCK_FLAGS_DEVICE_HUGE_IOVA))
		mock->domain.pgsize_bitmap |= MOCK_HUGE_PAGE_SIZE;
	xa_init(&mock->pfns);
	return &mock->domain;
}

static struct iommu_domain *
mock_domain_alloc_nested(struct iommu_domain *parent, u32 flags,
			 const struct iommu_user_data *user_data)
{
	struct mock_iommu_domain_nested *mock_nested;
	struct iommu_hwpt_selftest user_cfg;
	int rc, i;

	if (user_data->type != IOMMU_HWPT_DATA_SELFTEST || flags)
		return ERR_PTR(-EOPNOTSUPP);
	if (parent->ops != &mock_domain_ops)
		return ERR_PTR(-EINVAL);

	rc = iommu_copy_struct_from_user(&user_cfg, user_data,
					 IOMMU_HWPT_DATA_SELFTEST, iotlb);
	if (rc)
		return ERR_PTR(rc);

	mock_nested = kzalloc(sizeof(*mock_nested), GFP_KERNEL);
	if (!mock_nested)
		return ERR_PTR(-ENOMEM);
	mock_nested->parent = to_mock_domain(parent);
	mock_nested->domain.ops = &mock_domain_nested_ops;
	mock_nested->domain.type = IOMMU_DOMAIN_NESTED;
	for (i = 0; i < MOCK_NESTED_DOMAIN_IOTLB_NUM; i++)
		mock_nested->iotlb[i] = user_cfg.iotlb;
	return &mock_nested->domain;
}

static struct iommu_domain *
mock_domain_alloc_user(struct device *dev, u32 flags,
		       struct iommu_domain *parent,
		       const struct iommu_user_data *user_data)
{
	const u32 paging_flags = IOMMU_HWPT_ALLOC_NEST_PARENT |
				 IOMMU_HWPT_ALLOC_DIRTY_TRACKING;
	bool want_dirty = flags & IOMMU_HWPT_ALLOC_DIRTY_TRACKING;
	struct iommu_domain *domain;

	if (parent)
		return mock_domain_alloc_nested(parent, flags, user_data);

	if (flags & ~paging_flags)
		return ERR_PTR(-EOPNOTSUPP);
	/* Paging domains take no driver data */
	if (user_data)
		return ERR_PTR(-EOPNOTSUPP);
	if (want_dirty &&
	    (to_mock_dev(dev)->flags & MOCK_FLAGS_DEVICE_NO_DIRTY))
		return ERR_PTR(-EOPNOTSUPP);

	domain = mock_domain_alloc_paging(dev);
	if (!IS_ERR(domain) && want_dirty)
		domain->dirty_ops = &mock_dirty_ops;
	return domain;
}

static void mock_domain_free(struct iommu_domain *domain)
{
	struct mock_iommu_domain *mock = to_mock_domain(domain);

	/* iommufd unmaps everything before freeing */
	WARN_ON(!xa_empty(&mock->pfns));
	xa_destroy(&mock->pfns);
	kfree(mock);
}

static int mock_domain_map_pages(struct iommu_domain *domain,
				 unsigned long iova, phys_addr_t paddr,
				 size_t pgsize, size_t pgcount, int prot,
				 gfp_t gfp, size_t *mapped)
{
	struct mock_iommu_domain *mock = to_mock_domain(domain);
	unsigned long total = pgsize * pgcount;
	unsigned long first_iova = iova;
	unsigned long off;

	/*
	 * The xarray retries failed allocations internally, which fault
	 * injection does not see reliably; give the sweeps a failure point
	 * of their own.
	 */
	if (iommufd_should_fail())
		return -ENOENT;

	WARN_ON(iova % MOCK_IO_PAGE_SIZE);
	WARN_ON(pgsize % MOCK_IO_PAGE_SIZE);

	for (off = 0; off < total; off += MOCK_IO_PAGE_SIZE) {
		unsigned long val = (paddr + off) / MOCK_IO_PAGE_SIZE;
		void *old;

		if (!off)
			val |= MOCK_PFN_START_IOVA;
		if (off + MOCK_IO_PAGE_SIZE == total)
			val |= MOCK_PFN_LAST_IOVA;
		if (pgsize != MOCK_IO_PAGE_SIZE)
			val |= MOCK_PFN_HUGE_IOVA;

		old = xa_store(&mock->pfns, (iova + off) / MOCK_IO_PAGE_SIZE,
			       xa_mk_value(val), gfp);
		if (xa_is_err(old)) {
			unsigned long undo;

			for (undo = first_iova; undo != iova + off;
			     undo += MOCK_IO_PAGE_SIZE)
				xa_erase(&mock->pfns, undo / MOCK_IO_PAGE_SIZE);
			return xa_err(old);
		}
		WARN_ON(old);
		*mapped += MOCK_IO_PAGE_SIZE;
	}
	return 0;
}

static size_t mock_domain_unmap_pages(struct iommu_domain *domain,
				      unsigned long iova, size_t pgsize,
				      size_t pgcount,
				      struct iommu_iotlb_gather *iotlb_gather)
{
	struct mock_iommu_domain *mock = to_mock_domain(domain);
	/*
	 * With huge pages the core may split one contiguous range between
	 * page sizes anywhere, so the whole-map check only works without.
	 */
	bool check_tags = !(domain->pgsize_bitmap & MOCK_HUGE_PAGE_SIZE);
	unsigned long total = pgsize * pgcount;
	unsigned long off;

	WARN_ON(iova % MOCK_IO_PAGE_SIZE);
	WARN_ON(pgsize % MOCK_IO_PAGE_SIZE);

	for (off = 0; off < total; off += MOCK_IO_PAGE_SIZE) {
		void *ent;

		ent = xa_erase(&mock->pfns, (iova + off) / MOCK_IO_PAGE_SIZE);

		/*
		 * iommufd only ever unmaps whole ranges it mapped, so the
		 * first and last IO pages of an unmap must be the first and
		 * last of some map call.
		 */
		if (!check_tags || !ent)
			continue;
		if (!off)
			WARN_ON(!(xa_to_value(ent) & MOCK_PFN_START_IOVA));
		if (off + MOCK_IO_PAGE_SIZE == total)
			WARN_ON(!(xa_to_value(ent) & MOCK_PFN_LAST_IOVA));
	}
	return total;
}

static phys_addr_t mock_domain_iova_to_phys(struct iommu_domain *domain,
					    dma_addr_t iova)
{
	struct mock_iommu_domain *mock = to_mock_domain(domain);
	void *ent;

	WARN_ON(iova % MOCK_IO_PAGE_SIZE);
	ent = xa_load(&mock->pfns, iova / MOCK_IO_PAGE_SIZE);
	WARN_ON(!ent);
	return (xa_to_value(ent) & MOCK_PFN_MASK) * MOCK_IO_PAGE_SIZE;
}

static bool mock_domain_capable(struct device *dev, enum iommu_cap cap)
{
	struct mock_dev *mdev = to_mock_dev(dev);

	switch (cap) {
	case IOMMU_CAP_CACHE_COHERENCY:
		return true;
	case IOMMU_CAP_DIRTY_TRACKING:
		return !(mdev->flags & MOCK_FLAGS_DEVICE_NO_DIRTY);
	default:
		return false;
	}
}

static struct iommu_device *mock_probe_device(struct device *dev)
{
	if (dev->bus != &iommufd_mock_bus)
		return ERR_PTR(-ENODEV);
	return &mock_iommu_device;
}

/* There is no hardware to tell; the response only has to be accepted */
static void mock_domain_page_response(struct device *dev,
				      struct iopf_fault *evt,
				      struct iommu_page_response *msg)
{
}

static int mock_dev_enable_feat(struct device *dev,
				enum iommu_dev_features feat)
{
	if (feat != IOMMU_DEV_FEAT_IOPF || !mock_iommu_iopf_queue)
		return -ENODEV;
	return iopf_queue_add_device(mock_iommu_iopf_queue, dev);
}

static int mock_dev_disable_feat(struct device *dev,
				 enum iommu_dev_features feat)
{
	if (feat != IOMMU_DEV_FEAT_IOPF || !mock_iommu_iopf_queue)
		return -ENODEV;
	iopf_queue_remove_device(mock_iommu_iopf_queue, dev);
	return 0;
}

static const struct iommu_domain_ops mock_domain_ops = {
	.free = mock_domain_free,
	.attach_dev = mock_domain_nop_attach,
	.map_pages = mock_domain_map_pages,
	.unmap_pages = mock_domain_unmap_pages,
	.iova_to_phys = mock_domain_iova_to_phys,
};

static const struct iommu_ops mock_ops = {
	/*
	 * Devices start out blocked. (def_domain_type() cannot ask for a
	 * blocked domain: IOMMU_DOMAIN_BLOCKED is zero, "no preference".)
	 */
	.default_domain = &mock_blocking_domain,
	.blocked_domain = &mock_blocking_domain,
	.owner = THIS_MODULE,
	.pgsize_bitmap = MOCK_IO_PAGE_SIZE,
	.hw_info = mock_domain_hw_info,
	.domain_alloc_paging = mock_domain_alloc_paging,
	.domain_alloc_user = mock_domain_alloc_user,
	.capable = mock_domain_capable,
	.device_group = generic_device_group,
	.probe_device = mock_probe_device,
	.page_response = mock_domain_page_response,
	.dev_enable_feat = mock_dev_enable_feat,
	.dev_disable_feat = mock_dev_disable_feat,
	.user_pasid_table = true,
	.default_domain_ops = &mock_domain_ops,
};

static void mock_domain_free_nested(struct iommu_domain *domain)
{
	kfree(to_mock_nested(domain));
}

/*
 * Handle the requests in order; stop at the first bad one. entry_num is
 * set to the number of requests handled in every case.
 */
static int
mock_domain_cache_invalidate_user(struct iommu_domain *domain,
				  struct iommu_user_data_array *array)
{
	struct mock_iommu_domain_nested *mock_nested = to_mock_nested(domain);
	struct iommu_hwpt_invalidate_selftest inv;
	u32 done = 0;
	int rc = 0;
	u32 i, j;

	if (array->type != IOMMU_HWPT_INVALIDATE_DATA_SELFTEST) {
		rc = -EINVAL;
		goto out;
	}

	for (i = 0; i < array->entry_num; i++) {
		rc = iommu_copy_struct_from_user_array(&inv, array,
						       IOMMU_HWPT_INVALIDATE_DATA_SELFTEST,
						       i, iotlb_id);
		if (rc)
			break;

		if (inv.flags & ~IOMMU_TEST_INVALIDATE_FLAG_ALL) {
			rc = -EOPNOTSUPP;
			break;
		}
		if (inv.iotlb_id > MOCK_NESTED_DOMAIN_IOTLB_ID_MAX) {
			rc = -EINVAL;
			break;
		}

		if (inv.flags & IOMMU_TEST_INVALIDATE_FLAG_ALL) {
			for (j = 0; j < MOCK_NESTED_DOMAIN_IOTLB_NUM; j++)
				mock_nested->iotlb[j] = 0;
		} else {
			mock_nested->iotlb[inv.iotlb_id] = 0;
		}
		done++;
	}

out:
	array->entry_num = done;
	return rc;
}

static const struct iommu_domain_ops mock_domain_nested_ops = {
	.free = mock_domain_free_nested,
	.attach_dev = mock_domain_nop_attach,
	.cache_invalidate_user = mock_domain_cache_invalidate_user,
};

/* Look up a paging HWPT that must be backed by a mock domain */
static struct iommufd_hw_pagetable *
get_md_pagetable(struct iommufd_ucmd *ucmd, u32 mockpt_id,
		 struct mock_iommu_domain **mock)
{
	struct iommufd_object *obj;
	struct iommufd_hw_pagetable *hwpt;

	obj = iommufd_get_object(ucmd->ictx, mockpt_id,
				 IOMMUFD_OBJ_HWPT_PAGING);
	if (IS_ERR(obj))
		return ERR_CAST(obj);
	hwpt = container_of(obj, struct iommufd_hw_pagetable, obj);
	if (hwpt->domain->type != IOMMU_DOMAIN_UNMANAGED ||
	    hwpt->domain->ops != &mock_domain_ops) {
		iommufd_put_object(ucmd->ictx, obj);
		return ERR_PTR(-EINVAL);
	}
	*mock = to_mock_domain(hwpt->domain);
	return hwpt;
}

/* Look up a nested HWPT that must be backed by a mock nested domain */
static struct iommufd_hw_pagetable *
get_md_pagetable_nested(struct iommufd_ucmd *ucmd, u32 mockpt_id,
			struct mock_iommu_domain_nested **mock_nested)
{
	struct iommufd_object *obj;
	struct iommufd_hw_pagetable *hwpt;

	obj = iommufd_get_object(ucmd->ictx, mockpt_id,
				 IOMMUFD_OBJ_HWPT_NESTED);
	if (IS_ERR(obj))
		return ERR_CAST(obj);
	hwpt = container_of(obj, struct iommufd_hw_pagetable, obj);
	if (hwpt->domain->type != IOMMU_DOMAIN_NESTED ||
	    hwpt->domain->ops != &mock_domain_nested_ops) {
		iommufd_put_object(ucmd->ictx, obj);
		return ERR_PTR(-EINVAL);
	}
	*mock_nested = to_mock_nested(hwpt->domain);
	return hwpt;
}

/* ------------------------------------------------------------------------
 * Mock devices
 */

static void mock_dev_release(struct device *dev)
{
	struct mock_dev *mdev = to_mock_dev(dev);

	ida_free(&mock_dev_ida, mdev->id);
	kfree(mdev);
}

/**
 * iommufd_selftest_is_mock_dev() - is this a device of the mock bus?
 * @dev: any device
 *
 * Return: true for devices made by IOMMU_TEST_OP_MOCK_DOMAIN.
 */
bool iommufd_selftest_is_mock_dev(struct device *dev)
{
	return dev->release == mock_dev_release;
}

/* Undo the parts of mock_dev_create() that precede device_add() */
static void mock_dev_unprepare(struct mock_dev *mdev)
{
	if (mdev->dev.iommu)
		dev_iommu_free(&mdev->dev);
	if (mdev->has_swnode) {
		device_remove_software_node(&mdev->dev);
		mdev->has_swnode = false;
	}
}

/*
 * Create a mock device and add it to the mock bus, which makes the IOMMU
 * core probe it right away: it ends up in a new group, blocked.
 */
static struct mock_dev *mock_dev_create(unsigned long dev_flags)
{
	const unsigned long valid_flags = MOCK_FLAGS_DEVICE_NO_DIRTY |
					  MOCK_FLAGS_DEVICE_HUGE_IOVA |
					  MOCK_FLAGS_DEVICE_PASID;
	struct mock_dev *mdev;
	int rc;

	if (dev_flags & ~valid_flags)
		return ERR_PTR(-EINVAL);

	mdev = kzalloc(sizeof(*mdev), GFP_KERNEL);
	if (!mdev)
		return ERR_PTR(-ENOMEM);

	rc = ida_alloc(&mock_dev_ida, GFP_KERNEL);
	if (rc < 0) {
		kfree(mdev);
		return ERR_PTR(rc);
	}
	mdev->id = rc;

	/* From here on the release callback frees everything */
	init_rwsem(&mdev->iopf_rwsem);
	device_initialize(&mdev->dev);
	mdev->flags = dev_flags;
	mdev->dev.release = mock_dev_release;
	mdev->dev.bus = &iommufd_mock_bus;

	rc = dev_set_name(&mdev->dev, "iommufd_mock%u", mdev->id);
	if (rc)
		goto err_put;

	/* The core reads the PASID width from this property at probe */
	if (dev_flags & MOCK_FLAGS_DEVICE_PASID) {
		mdev->props[0] = PROPERTY_ENTRY_U32("pasid-num-bits",
						    MOCK_PASID_WIDTH);
		mdev->swnode.name = dev_name(&mdev->dev);
		mdev->swnode.properties = mdev->props;
		rc = device_add_software_node(&mdev->dev, &mdev->swnode);
		if (rc)
			goto err_put;
		mdev->has_swnode = true;
	}

	/* Name the mock IOMMU as the one serving this device */
	rc = iommu_fwspec_init(&mdev->dev, &mock_iommu_fwnode);
	if (rc)
		goto err_unprepare;

	down_write(&mdev->iopf_rwsem);
	rc = device_add(&mdev->dev);
	up_write(&mdev->iopf_rwsem);
	if (rc)
		goto err_unprepare;

	if (!mdev->dev.iommu_group) {
		/* The core did not take the device */
		device_del(&mdev->dev);
		rc = -ENODEV;
		goto err_unprepare;
	}
	return mdev;

err_unprepare:
	mock_dev_unprepare(mdev);
err_put:
	put_device(&mdev->dev);
	return ERR_PTR(rc);
}

static void mock_dev_destroy(struct mock_dev *mdev)
{
	/* Leaving the bus makes the core release the device */
	device_del(&mdev->dev);
	mock_dev_unprepare(mdev);
	put_device(&mdev->dev);
}

/* ------------------------------------------------------------------------
 * IOMMU_TEST_CMD operations
 */

/*
 * IOMMU_TEST_OP_MOCK_DOMAIN(_FLAGS): create a mock device, bind it and
 * attach it to cmd->id (an IOAS or a HWPT), as a VFIO driver would.
 */
static int iommufd_test_mock_domain(struct iommufd_ucmd *ucmd,
				    struct iommu_test_cmd *cmd)
{
	struct iommufd_device *idev;
	struct selftest_obj *sobj;
	struct mock_dev *mdev;
	u32 pt_id = cmd->id;
	u32 dev_flags = 0;
	u32 idev_id;
	int rc;

	sobj = iommufd_object_alloc(ucmd->ictx, sobj, IOMMUFD_OBJ_SELFTEST);
	if (IS_ERR(sobj))
		return PTR_ERR(sobj);
	sobj->type = TYPE_IDEV;
	sobj->idev.ictx = ucmd->ictx;

	if (cmd->op == IOMMU_TEST_OP_MOCK_DOMAIN_FLAGS)
		dev_flags = cmd->mock_domain_flags.dev_flags;

	mdev = mock_dev_create(dev_flags);
	if (IS_ERR(mdev)) {
		rc = PTR_ERR(mdev);
		goto out_sobj;
	}
	sobj->idev.mock_dev = mdev;

	idev = iommufd_device_bind(ucmd->ictx, &mdev->dev, &idev_id);
	if (IS_ERR(idev)) {
		rc = PTR_ERR(idev);
		goto out_mdev;
	}
	sobj->idev.idev = idev;

	down_write(&mdev->iopf_rwsem);
	rc = iommufd_device_attach(idev, &pt_id);
	up_write(&mdev->iopf_rwsem);
	if (rc)
		goto out_unbind;

	/* Destroying the selftest object (not the device) undoes all this */
	cmd->mock_domain.out_stdev_id = sobj->obj.id;
	cmd->mock_domain.out_hwpt_id = pt_id;
	cmd->mock_domain.out_idev_id = idev_id;
	rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	if (rc)
		goto out_detach;
	iommufd_object_finalize(ucmd->ictx, &sobj->obj);
	return 0;

out_detach:
	down_write(&mdev->iopf_rwsem);
	iommufd_device_detach(idev);
	up_write(&mdev->iopf_rwsem);
out_unbind:
	iommufd_device_unbind(idev);
out_mdev:
	mock_dev_destroy(mdev);
out_sobj:
	iommufd_object_abort(ucmd->ictx, &sobj->obj);
	return rc;
}

/* IOMMU_TEST_OP_MOCK_DOMAIN_REPLACE: move a mock device elsewhere */
static int iommufd_test_mock_domain_replace(struct iommufd_ucmd *ucmd,
					    unsigned int stdev_id, u32 pt_id,
					    struct iommu_test_cmd *cmd)
{
	struct iommufd_object *dev_obj;
	struct selftest_obj *sobj;
	int rc;

	/*
	 * Going through the selftest object rather than the device keeps the
	 * device from being destroyed (and detached) meanwhile.
	 */
	dev_obj = iommufd_get_object(ucmd->ictx, stdev_id,
				     IOMMUFD_OBJ_SELFTEST);
	if (IS_ERR(dev_obj))
		return PTR_ERR(dev_obj);

	sobj = container_of(dev_obj, struct selftest_obj, obj);
	if (sobj->type != TYPE_IDEV) {
		rc = -EINVAL;
		goto out_put;
	}

	down_write(&sobj->idev.mock_dev->iopf_rwsem);
	rc = iommufd_device_replace(sobj->idev.idev, &pt_id);
	up_write(&sobj->idev.mock_dev->iopf_rwsem);
	if (rc)
		goto out_put;

	cmd->mock_domain_replace.pt_id = pt_id;
	rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
out_put:
	iommufd_put_object(ucmd->ictx, dev_obj);
	return rc;
}

/* IOMMU_TEST_OP_ADD_RESERVED: reserve an IOVA range with no owner */
static int iommufd_test_add_reserved(struct iommufd_ucmd *ucmd,
				     unsigned int ioas_id,
				     unsigned long start, size_t length)
{
	struct iommufd_ioas *ioas;
	unsigned long last;
	int rc;

	if (!length)
		return -EINVAL;
	if (check_add_overflow(start, length - 1, &last))
		return -EOVERFLOW;

	ioas = iommufd_get_ioas(ucmd->ictx, ioas_id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);
	down_write(&ioas->iopt.iova_rwsem);
	rc = iopt_reserve_iova(&ioas->iopt, start, last, NULL);
	up_write(&ioas->iopt.iova_rwsem);
	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return rc;
}

/*
 * IOMMU_TEST_OP_MD_CHECK_MAP: every IO page of [iova, iova + length) must
 * translate to the memory behind the same offset of @uptr.
 */
static int iommufd_test_md_check_pa(struct iommufd_ucmd *ucmd,
				    unsigned int mockpt_id, unsigned long iova,
				    size_t length, void __user *uptr)
{
	struct iommufd_hw_pagetable *hwpt;
	struct mock_iommu_domain *mock;
	uintptr_t end;
	int rc = 0;

	if (iova % MOCK_IO_PAGE_SIZE || length % MOCK_IO_PAGE_SIZE ||
	    (uintptr_t)uptr % MOCK_IO_PAGE_SIZE ||
	    check_add_overflow((uintptr_t)uptr, (uintptr_t)length, &end))
		return -EINVAL;

	hwpt = get_md_pagetable(ucmd, mockpt_id, &mock);
	if (IS_ERR(hwpt))
		return PTR_ERR(hwpt);

	for (; length; length -= MOCK_IO_PAGE_SIZE) {
		unsigned long ua = (uintptr_t)uptr;
		struct page *page;
		phys_addr_t expect;
		long npages;
		void *ent;

		npages = get_user_pages_fast(ua & PAGE_MASK, 1, 0, &page);
		if (npages < 0) {
			rc = npages;
			break;
		}
		if (WARN_ON(npages != 1)) {
			rc = -EFAULT;
			break;
		}
		expect = (phys_addr_t)page_to_pfn(page) * PAGE_SIZE +
			 ua % PAGE_SIZE;
		put_page(page);

		ent = xa_load(&mock->pfns, iova / MOCK_IO_PAGE_SIZE);
		if (!ent ||
		    (xa_to_value(ent) & MOCK_PFN_MASK) * MOCK_IO_PAGE_SIZE !=
			    expect) {
			rc = -EINVAL;
			break;
		}
		iova += MOCK_IO_PAGE_SIZE;
		uptr += MOCK_IO_PAGE_SIZE;
	}

	iommufd_put_object(ucmd->ictx, &hwpt->obj);
	return rc;
}

/*
 * IOMMU_TEST_OP_MD_CHECK_REFS: every page behind the buffer must be pinned
 * exactly @refs times; finds leaked and missing pins. Compound pages keep
 * their count on the head page and are skipped.
 */
static int iommufd_test_md_check_refs(struct iommufd_ucmd *ucmd,
				      void __user *uptr, size_t length,
				      unsigned int refs)
{
	uintptr_t end;

	if (length % PAGE_SIZE || (uintptr_t)uptr % PAGE_SIZE ||
	    check_add_overflow((uintptr_t)uptr, (uintptr_t)length, &end))
		return -EINVAL;

	for (; length; length -= PAGE_SIZE, uptr += PAGE_SIZE) {
		struct page *page;
		bool mismatch;
		long npages;

		npages = get_user_pages_fast((uintptr_t)uptr, 1, 0, &page);
		if (npages < 0)
			return npages;
		if (WARN_ON(npages != 1))
			return -EFAULT;
		/* Our own reference is below the pin bias and rounds away */
		mismatch = !PageCompound(page) &&
			   page_ref_count(page) / GUP_PIN_COUNTING_BIAS != refs;
		put_page(page);
		if (mismatch)
			return -EIO;
	}
	return 0;
}

/* IOMMU_TEST_OP_MD_CHECK_IOTLB: compare one IOTLB entry of a nested HWPT */
static int iommufd_test_md_check_iotlb(struct iommufd_ucmd *ucmd,
				       u32 mockpt_id, unsigned int iotlb_id,
				       u32 iotlb)
{
	struct mock_iommu_domain_nested *mock_nested;
	struct iommufd_hw_pagetable *hwpt;
	int rc = 0;

	hwpt = get_md_pagetable_nested(ucmd, mockpt_id, &mock_nested);
	if (IS_ERR(hwpt))
		return PTR_ERR(hwpt);

	if (iotlb_id > MOCK_NESTED_DOMAIN_IOTLB_ID_MAX ||
	    mock_nested->iotlb[iotlb_id] != iotlb)
		rc = -EINVAL;
	iommufd_put_object(ucmd->ictx, &hwpt->obj);
	return rc;
}

/* ------------------------------------------------------------------------
 * Accesses driven from userspace
 *
 * CREATE_ACCESS returns a file descriptor standing for an in-kernel access
 * user (like an mdev driver would be); the other access ops name it by that
 * descriptor, and closing it destroys the access.
 */

/**
 * struct selftest_access - the driver side of a test access
 * @access: the iommufd access, NULL until creation completed
 * @file: the file userspace holds
 * @lock: protects @items and @next_id; held across pinning so that an
 *	unmap callback waits for a pin in progress
 * @items: the pins, struct selftest_access_item
 * @next_id: id of the next pin
 */
struct selftest_access {
	struct iommufd_access *access;
	struct file *file;
	struct mutex lock;	/* protects items and next_id */
	struct list_head items;
	unsigned int next_id;
};

/**
 * struct selftest_access_item - one pinned range
 * @items_elm: entry in &selftest_access.items
 * @iova: first IOVA
 * @length: bytes
 * @id: the id userspace names it by
 */
struct selftest_access_item {
	struct list_head items_elm;
	unsigned long iova;
	size_t length;
	unsigned int id;
};

static const struct file_operations iommfd_test_staccess_fops;

/* The test access behind a file descriptor, holding a file reference */
static struct selftest_access *iommufd_access_get(int fd)
{
	struct file *file;

	file = fget(fd);
	if (!file)
		return ERR_PTR(-EBADFD);

	if (file->f_op != &iommfd_test_staccess_fops) {
		fput(file);
		return ERR_PTR(-EBADFD);
	}
	return file->private_data;
}

static void iommufd_test_access_item_free(struct selftest_access *staccess,
					  struct selftest_access_item *item)
{
	lockdep_assert_held(&staccess->lock);

	list_del(&item->items_elm);
	iommufd_access_unpin_pages(staccess->access, item->iova, item->length);
	kfree(item);
}

/* The unmap callback: unpin every item that touches the range */
static void iommufd_test_access_unmap(void *data, unsigned long iova,
				      unsigned long length)
{
	unsigned long iova_last = iova + length - 1;
	struct selftest_access *staccess = data;
	struct selftest_access_item *item, *tmp;

	mutex_lock(&staccess->lock);
	list_for_each_entry_safe(item, tmp, &staccess->items, items_elm) {
		if (iova > item->iova + item->length - 1 ||
		    iova_last < item->iova)
			continue;
		iommufd_test_access_item_free(staccess, item);
	}
	mutex_unlock(&staccess->lock);
}

/* IOMMU_TEST_OP_DESTROY_ACCESS_PAGES: unpin one item */
static int iommufd_test_access_item_destroy(struct iommufd_ucmd *ucmd,
					    unsigned int access_id,
					    unsigned int item_id)
{
	struct selftest_access_item *item;
	struct selftest_access *staccess;
	int rc = -ENOENT;

	staccess = iommufd_access_get(access_id);
	if (IS_ERR(staccess))
		return PTR_ERR(staccess);

	mutex_lock(&staccess->lock);
	list_for_each_entry(item, &staccess->items, items_elm) {
		if (item->id == item_id) {
			iommufd_test_access_item_free(staccess, item);
			rc = 0;
			break;
		}
	}
	mutex_unlock(&staccess->lock);
	fput(staccess->file);
	return rc;
}

static int iommufd_test_staccess_release(struct inode *inode,
					 struct file *filep)
{
	struct selftest_access *staccess = filep->private_data;

	if (staccess->access) {
		iommufd_test_access_unmap(staccess, 0, ULONG_MAX);
		iommufd_access_destroy(staccess->access);
	}
	mutex_destroy(&staccess->lock);
	kfree(staccess);
	return 0;
}

static const struct iommufd_access_ops selftest_access_ops_pin = {
	.needs_pin_pages = 1,
	.unmap = iommufd_test_access_unmap,
};

static const struct iommufd_access_ops selftest_access_ops = {
	.unmap = iommufd_test_access_unmap,
};

static const struct file_operations iommfd_test_staccess_fops = {
	.release = iommufd_test_staccess_release,
};

static struct selftest_access *iommufd_test_alloc_access(void)
{
	struct selftest_access *staccess;
	struct file *filep;

	staccess = kzalloc(sizeof(*staccess), GFP_KERNEL_ACCOUNT);
	if (!staccess)
		return ERR_PTR(-ENOMEM);
	INIT_LIST_HEAD(&staccess->items);
	mutex_init(&staccess->lock);

	filep = anon_inode_getfile("[iommufd_test_staccess]",
				   &iommfd_test_staccess_fops, staccess,
				   O_RDWR);
	if (IS_ERR(filep)) {
		mutex_destroy(&staccess->lock);
		kfree(staccess);
		return ERR_CAST(filep);
	}
	staccess->file = filep;
	return staccess;
}

/* IOMMU_TEST_OP_CREATE_ACCESS: an access attached to @ioas_id, as an fd */
static int iommufd_test_create_access(struct iommufd_ucmd *ucmd,
				      unsigned int ioas_id, unsigned int flags)
{
	struct iommu_test_cmd *cmd = ucmd->cmd;
	struct selftest_access *staccess;
	struct iommufd_access *access;
	int fdno;
	u32 id;
	int rc;

	if (flags & ~MOCK_FLAGS_ACCESS_CREATE_NEEDS_PIN_PAGES)
		return -EOPNOTSUPP;

	staccess = iommufd_test_alloc_access();
	if (IS_ERR(staccess))
		return PTR_ERR(staccess);

	fdno = get_unused_fd_flags(O_CLOEXEC);
	if (fdno < 0) {
		rc = -ENOMEM;
		goto out_put_file;
	}

	access = iommufd_access_create(ucmd->ictx,
				       (flags & MOCK_FLAGS_ACCESS_CREATE_NEEDS_PIN_PAGES) ?
				       &selftest_access_ops_pin :
				       &selftest_access_ops,
				       staccess, &id);
	if (IS_ERR(access)) {
		rc = PTR_ERR(access);
		goto out_put_fdno;
	}
	rc = iommufd_access_attach(access, ioas_id);
	if (rc)
		goto out_destroy;

	cmd->create_access.out_access_fd = fdno;
	rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	if (rc)
		goto out_destroy;

	staccess->access = access;
	fd_install(fdno, staccess->file);
	return 0;

out_destroy:
	iommufd_access_destroy(access);
out_put_fdno:
	put_unused_fd(fdno);
out_put_file:
	/* staccess->access is still NULL, so release only frees staccess */
	fput(staccess->file);
	return rc;
}

/* IOMMU_TEST_OP_ACCESS_REPLACE_IOAS */
static int iommufd_test_access_replace_ioas(struct iommufd_ucmd *ucmd,
					    unsigned int access_id,
					    unsigned int ioas_id)
{
	struct selftest_access *staccess;
	int rc;

	staccess = iommufd_access_get(access_id);
	if (IS_ERR(staccess))
		return PTR_ERR(staccess);

	rc = iommufd_access_replace(staccess->access, ioas_id);
	fput(staccess->file);
	return rc;
}

/* The pinned pages must be the very pages that back the user VA */
static int iommufd_test_check_pages(void __user *uptr, struct page **pages,
				    size_t npages)
{
	for (; npages; npages--, pages++, uptr += PAGE_SIZE) {
		struct page *page;
		long rc;

		rc = get_user_pages_fast((uintptr_t)uptr, 1, 0, &page);
		if (rc < 0)
			return rc;
		if (WARN_ON(rc != 1))
			return -EFAULT;
		put_page(page);
		if (page != *pages)
			return -EBADE;
	}
	return 0;
}

/* IOMMU_TEST_OP_ACCESS_PAGES: pin a range through the access */
static int iommufd_test_access_pages(struct iommufd_ucmd *ucmd,
				     unsigned int access_id, unsigned long iova,
				     size_t length, void __user *uptr,
				     u32 flags)
{
	struct iommu_test_cmd *cmd = ucmd->cmd;
	struct selftest_access_item *item;
	struct selftest_access *staccess;
	struct page **pages;
	size_t npages;
	int rc;

	/* Keep huge requests away from kvcalloc(); they are not useful */
	if (length > SZ_16M)
		return -ENOMEM;

	if (flags & ~(MOCK_FLAGS_ACCESS_WRITE | MOCK_FLAGS_ACCESS_SYZ))
		return -EOPNOTSUPP;

	staccess = iommufd_access_get(access_id);
	if (IS_ERR(staccess))
		return PTR_ERR(staccess);

	if (staccess->access->ops != &selftest_access_ops_pin) {
		rc = -EOPNOTSUPP;
		goto out_put;
	}

	if (flags & MOCK_FLAGS_ACCESS_SYZ)
		iova = iommufd_test_syz_conv_iova(staccess->access,
						  &cmd->access_pages.iova);

	npages = (ALIGN(iova + length, PAGE_SIZE) -
		  ALIGN_DOWN(iova, PAGE_SIZE)) / PAGE_SIZE;
	pages = kvcalloc(npages, sizeof(*pages), GFP_KERNEL_ACCOUNT);
	if (!pages) {
		rc = -ENOMEM;
		goto out_put;
	}

	/*
	 * An unmap may come in right after the pin and must not complete
	 * until the item is gone again. Holding the lock across the pin and
	 * the creation of the item makes the unmap callback wait for it.
	 * Real drivers need equal care, or unmaps fail with -EDEADLOCK.
	 */
	mutex_lock(&staccess->lock);
	rc = iommufd_access_pin_pages(staccess->access, iova, length, pages,
				      flags & MOCK_FLAGS_ACCESS_WRITE);
	if (rc)
		goto out_unlock;

	/* A NULL uptr (for syzkaller) skips the check */
	if (uptr) {
		rc = iommufd_test_check_pages(uptr - (iova -
						      ALIGN_DOWN(iova,
								 PAGE_SIZE)),
					      pages, npages);
		if (rc)
			goto out_unpin;
	}

	item = kzalloc(sizeof(*item), GFP_KERNEL_ACCOUNT);
	if (!item) {
		rc = -ENOMEM;
		goto out_unpin;
	}
	item->iova = iova;
	item->length = length;
	item->id = staccess->next_id++;
	list_add_tail(&item->items_elm, &staccess->items);

	cmd->access_pages.out_access_pages_id = item->id;
	rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	if (rc) {
		list_del(&item->items_elm);
		kfree(item);
		goto out_unpin;
	}
	goto out_unlock;

out_unpin:
	iommufd_access_unpin_pages(staccess->access, iova, length);
out_unlock:
	mutex_unlock(&staccess->lock);
	kvfree(pages);
out_put:
	fput(staccess->file);
	return rc;
}

static_assert((unsigned int)MOCK_ACCESS_RW_WRITE == IOMMUFD_ACCESS_RW_WRITE);
static_assert((unsigned int)MOCK_ACCESS_RW_SLOW_PATH ==
	      __IOMMUFD_ACCESS_RW_SLOW_PATH);

/* IOMMU_TEST_OP_ACCESS_RW: copy through the access via a kernel buffer */
static int iommufd_test_access_rw(struct iommufd_ucmd *ucmd,
				  unsigned int access_id, unsigned long iova,
				  size_t length, void __user *ubuf,
				  unsigned int flags)
{
	struct iommu_test_cmd *cmd = ucmd->cmd;
	struct selftest_access *staccess;
	void *tmp;
	int rc;

	if (length > SZ_16M)
		return -ENOMEM;

	if (flags & ~(MOCK_ACCESS_RW_WRITE | MOCK_ACCESS_RW_SLOW_PATH |
		      MOCK_FLAGS_ACCESS_SYZ))
		return -EOPNOTSUPP;

	staccess = iommufd_access_get(access_id);
	if (IS_ERR(staccess))
		return PTR_ERR(staccess);

	tmp = kvzalloc(length, GFP_KERNEL_ACCOUNT);
	if (!tmp) {
		rc = -ENOMEM;
		goto out_put;
	}

	if ((flags & MOCK_ACCESS_RW_WRITE) &&
	    copy_from_user(tmp, ubuf, length)) {
		rc = -EFAULT;
		goto out_free;
	}

	if (flags & MOCK_FLAGS_ACCESS_SYZ)
		iova = iommufd_test_syz_conv_iova(staccess->access,
						  &cmd->access_rw.iova);

	rc = iommufd_access_rw(staccess->access, iova, tmp, length,
			       flags & ~MOCK_FLAGS_ACCESS_SYZ);
	if (rc)
		goto out_free;
	if (!(flags & MOCK_ACCESS_RW_WRITE) &&
	    copy_to_user(ubuf, tmp, length))
		rc = -EFAULT;

out_free:
	kvfree(tmp);
out_put:
	fput(staccess->file);
	return rc;
}

/*
 * IOMMU_TEST_OP_DIRTY: play the device writing to memory. For every bit
 * set in the user bitmap, the IO page at iova + bit * page_size gets its
 * dirty bit, if it is mapped. Returns the number of IO pages marked.
 */
static int iommufd_test_dirty(struct iommufd_ucmd *ucmd, unsigned int mockpt_id,
			      unsigned long iova, size_t length,
			      unsigned long page_size, void __user *uptr,
			      u32 flags)
{
	struct iommu_test_cmd *cmd = ucmd->cmd;
	struct iommufd_hw_pagetable *hwpt;
	struct mock_iommu_domain *mock;
	unsigned long i, nbits;
	unsigned long *bits;
	u64 count = 0;
	int rc;

	if (!page_size || !length || iova % page_size || length % page_size ||
	    !uptr)
		return -EINVAL;
	nbits = length / page_size;
	if (nbits > SZ_16M * BITS_PER_BYTE)
		return -EOVERFLOW;

	hwpt = get_md_pagetable(ucmd, mockpt_id, &mock);
	if (IS_ERR(hwpt))
		return PTR_ERR(hwpt);

	if (!(mock->flags & MOCK_DIRTY_TRACK)) {
		rc = -EINVAL;
		goto out_put;
	}

	bits = kvzalloc(BITS_TO_LONGS(nbits) * sizeof(unsigned long),
			GFP_KERNEL_ACCOUNT);
	if (!bits) {
		rc = -ENOMEM;
		goto out_put;
	}

	if (copy_from_user(bits, uptr, DIV_ROUND_UP(nbits, BITS_PER_BYTE))) {
		rc = -EFAULT;
		goto out_free;
	}

	for (i = 0; i < nbits; i++) {
		unsigned long index = (iova + i * page_size) / MOCK_IO_PAGE_SIZE;
		void *ent, *old;

		if (!test_bit(i, bits))
			continue;

		ent = xa_load(&mock->pfns, index);
		if (!ent)
			continue;
		old = xa_store(&mock->pfns, index,
			       xa_mk_value(xa_to_value(ent) |
					   MOCK_PFN_DIRTY_IOVA),
			       GFP_KERNEL);
		WARN_ON_ONCE(old != ent);
		count++;
	}

	cmd->dirty.out_nr_dirty = count;
	rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
out_free:
	kvfree(bits);
out_put:
	iommufd_put_object(ucmd->ictx, &hwpt->obj);
	return rc;
}

/*
 * IOMMU_TEST_OP_TRIGGER_IOPF: the mock device sends a single-request page
 * request group, as a PCI device with PRI would.
 */
static int iommufd_test_trigger_iopf(struct iommufd_ucmd *ucmd,
				     struct iommu_test_cmd *cmd)
{
	struct iopf_fault event = {};
	struct iommufd_device *idev;
	struct mock_dev *mdev;

	idev = iommufd_get_device(ucmd, cmd->trigger_iopf.dev_id);
	if (IS_ERR(idev))
		return PTR_ERR(idev);
	if (!iommufd_selftest_is_mock_dev(idev->dev)) {
		iommufd_put_object(ucmd->ictx, &idev->obj);
		return -EINVAL;
	}
	mdev = to_mock_dev(idev->dev);

	event.fault.type = IOMMU_FAULT_PAGE_REQ;
	event.fault.prm.flags = IOMMU_FAULT_PAGE_REQUEST_LAST_PAGE;
	if (cmd->trigger_iopf.pasid != IOMMU_NO_PASID)
		event.fault.prm.flags |= IOMMU_FAULT_PAGE_REQUEST_PASID_VALID;
	event.fault.prm.pasid = cmd->trigger_iopf.pasid;
	event.fault.prm.grpid = cmd->trigger_iopf.grpid;
	event.fault.prm.perm = cmd->trigger_iopf.perm;
	event.fault.prm.addr = cmd->trigger_iopf.addr;

	/* Whatever happens to the request, the ioctl itself succeeded */
	down_read(&mdev->iopf_rwsem);
	iommu_report_device_fault(idev->dev, &event);
	up_read(&mdev->iopf_rwsem);

	iommufd_put_object(ucmd->ictx, &idev->obj);
	return 0;
}

/**
 * iommufd_selftest_destroy() - destroy callback of SELFTEST objects
 * @obj: the object
 *
 * Detaches, unbinds and deletes the mock device, in that order.
 */
void iommufd_selftest_destroy(struct iommufd_object *obj)
{
	struct selftest_obj *sobj = container_of(obj, struct selftest_obj, obj);

	switch (sobj->type) {
	case TYPE_IDEV:
		down_write(&sobj->idev.mock_dev->iopf_rwsem);
		iommufd_device_detach(sobj->idev.idev);
		up_write(&sobj->idev.mock_dev->iopf_rwsem);
		iommufd_device_unbind(sobj->idev.idev);
		mock_dev_destroy(sobj->idev.mock_dev);
		break;
	}
}

/**
 * iommufd_test() - IOMMU_TEST_CMD
 * @ucmd: the command
 *
 * Return: the result of the operation, -EOPNOTSUPP for an unknown one.
 */
int iommufd_test(struct iommufd_ucmd *ucmd)
{
	struct iommu_test_cmd *cmd = ucmd->cmd;

	switch (cmd->op) {
	case IOMMU_TEST_OP_ADD_RESERVED:
		return iommufd_test_add_reserved(ucmd, cmd->id,
						 cmd->add_reserved.start,
						 cmd->add_reserved.length);
	case IOMMU_TEST_OP_MOCK_DOMAIN:
	case IOMMU_TEST_OP_MOCK_DOMAIN_FLAGS:
		return iommufd_test_mock_domain(ucmd, cmd);
	case IOMMU_TEST_OP_MOCK_DOMAIN_REPLACE:
		return iommufd_test_mock_domain_replace(ucmd, cmd->id,
				cmd->mock_domain_replace.pt_id, cmd);
	case IOMMU_TEST_OP_MD_CHECK_MAP:
		return iommufd_test_md_check_pa(ucmd, cmd->id,
				cmd->check_map.iova, cmd->check_map.length,
				u64_to_user_ptr(cmd->check_map.uptr));
	case IOMMU_TEST_OP_MD_CHECK_REFS:
		return iommufd_test_md_check_refs(ucmd,
				u64_to_user_ptr(cmd->check_refs.uptr),
				cmd->check_refs.length, cmd->check_refs.refs);
	case IOMMU_TEST_OP_MD_CHECK_IOTLB:
		return iommufd_test_md_check_iotlb(ucmd, cmd->id,
						   cmd->check_iotlb.id,
						   cmd->check_iotlb.iotlb);
	case IOMMU_TEST_OP_CREATE_ACCESS:
		return iommufd_test_create_access(ucmd, cmd->id,
						  cmd->create_access.flags);
	case IOMMU_TEST_OP_ACCESS_REPLACE_IOAS:
		return iommufd_test_access_replace_ioas(ucmd, cmd->id,
				cmd->access_replace_ioas.ioas_id);
	case IOMMU_TEST_OP_ACCESS_PAGES:
		return iommufd_test_access_pages(ucmd, cmd->id,
				cmd->access_pages.iova, cmd->access_pages.length,
				u64_to_user_ptr(cmd->access_pages.uptr),
				cmd->access_pages.flags);
	case IOMMU_TEST_OP_ACCESS_RW:
		return iommufd_test_access_rw(ucmd, cmd->id,
				cmd->access_rw.iova, cmd->access_rw.length,
				u64_to_user_ptr(cmd->access_rw.uptr),
				cmd->access_rw.flags);
	case IOMMU_TEST_OP_DESTROY_ACCESS_PAGES:
		return iommufd_test_access_item_destroy(ucmd, cmd->id,
				cmd->destroy_access_pages.access_pages_id);
	case IOMMU_TEST_OP_SET_TEMP_MEMORY_LIMIT:
		/* The pinning batches need room for at least one element */
		if (cmd->memory_limit.limit <
		    sizeof(unsigned long) + sizeof(u32))
			return -EINVAL;
		iommufd_test_memory_limit = cmd->memory_limit.limit;
		return 0;
	case IOMMU_TEST_OP_DIRTY:
		return iommufd_test_dirty(ucmd, cmd->id, cmd->dirty.iova,
					  cmd->dirty.length,
					  cmd->dirty.page_size,
					  u64_to_user_ptr(cmd->dirty.uptr),
					  cmd->dirty.flags);
	case IOMMU_TEST_OP_TRIGGER_IOPF:
		return iommufd_test_trigger_iopf(ucmd, cmd);
	default:
		return -EOPNOTSUPP;
	}
}

/**
 * iommufd_should_fail() - the "fail_iommufd" fault-injection point
 *
 * Return: true if the caller must fail as if out of memory.
 */
bool iommufd_should_fail(void)
{
	return should_fail(&fail_iommufd, 1);
}

/**
 * iommufd_test_init() - register the mock IOMMU and its bus
 *
 * Called from the iommufd module init when CONFIG_IOMMUFD_TEST is set.
 *
 * Return: 0 or the error of a registration step.
 */
int __init iommufd_test_init(void)
{
	int rc;

	fwnode_init(&mock_iommu_fwnode, &mock_iommu_fwnode_ops);

	rc = bus_register(&iommufd_mock_bus);
	if (rc)
		return rc;

	rc = iommu_device_sysfs_add(&mock_iommu_device, NULL, NULL, "%s",
				    "iommufd_selftest_iommu");
	if (rc)
		goto err_bus;

	mock_iommu_device.fwnode = &mock_iommu_fwnode;
	mock_iommu_device.max_pasids = 1U << MOCK_PASID_WIDTH;
	rc = iommu_device_register_bus(&mock_iommu_device, &mock_ops,
				       &iommufd_mock_bus,
				       &iommufd_mock_bus_nb);
	if (rc)
		goto err_sysfs;

	/* Without a queue devices simply cannot enable IOPF */
	mock_iommu_iopf_queue = iopf_queue_alloc("mock-iopfq");
	return 0;

err_sysfs:
	iommu_device_sysfs_remove(&mock_iommu_device);
err_bus:
	bus_unregister(&iommufd_mock_bus);
	return rc;
}

/**
 * iommufd_test_exit() - undo iommufd_test_init()
 */
void iommufd_test_exit(void)
{
	if (mock_iommu_iopf_queue) {
		iopf_queue_free(mock_iommu_iopf_queue);
		mock_iommu_iopf_queue = NULL;
	}

	iommu_device_unregister_bus(&mock_iommu_device,
				    &iommufd_mock_bus,
				    &iommufd_mock_bus_nb);
	iommu_device_sysfs_remove(&mock_iommu_device);
	bus_unregister(&iommufd_mock_bus);
}
