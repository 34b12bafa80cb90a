// SPDX-License-Identifier: GPL-2.0
/*
 * What the iommufd selftests (tools/testing/selftests/iommu) need from the
 * kernel, built only with CONFIG_IOMMUFD_TEST:
 *
 *  - a pretend IOMMU with a bus of its own, "iommufd_mock". Its paging
 *    domains are xarrays with one PTE per 2 KiB IO page, so IO pages smaller
 *    than a CPU page get exercised, and so do 1 MiB huge IO pages for
 *    devices created with MOCK_FLAGS_DEVICE_HUGE_IOVA. Its nested domains
 *    model an IOTLB of four entries that invalidation requests clear;
 *  - devices on that bus, one per group, which IOMMU_TEST_OP_MOCK_DOMAIN
 *    creates, binds to the context and wraps in a SELFTEST object;
 *  - IOMMU_TEST_CMD itself, whose operations look into the pretend page
 *    tables, drive in-kernel accesses through file descriptors, play a
 *    device that dirties memory and raise page requests;
 *  - the "fail_iommufd" fault injection point used across iommufd.
 */
#include <linux/anon_inodes.h>
#include <linux/bitmap.h>
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
 * How much memory the pinning code may use for one batch. Tests shrink it
 * so that the work is cut into many small pieces.
 */
size_t iommufd_test_memory_limit = 65536;

/* IO page of the mock, and its huge IO page made of 512 of them */
#define MOCK_IOPG_SZ	(PAGE_SIZE / 2)
#define MOCK_HUGEPG_SZ	(512 * MOCK_IOPG_SZ)

/*
 * A mock PTE is an xarray value: the IO frame number (physical address in
 * MOCK_IOPG_SZ units) shifted above a few flag bits.
 *
 * MPTE_EDGE marks the first and the last IO page written by each
 * map_pages() call; unmaps must begin and end on such pages, which shows
 * that iommufd never cuts a mapping it made. The two ends share the bit.
 */
#define MPTE_EDGE	BIT(0)
#define MPTE_DIRTY	BIT(1)
#define MPTE_HUGE	BIT(2)
#define MPTE_FRAME_SHIFT 3

/**
 * struct mockpt - paging domain of the mock IOMMU
 * @dom: the core's domain
 * @ptes: the PTEs, indexed by IOVA / MOCK_IOPG_SZ
 * @track_dirty: dirty tracking was switched on
 */
struct mockpt {
	struct iommu_domain dom;
	struct xarray ptes;
	bool track_dirty;
};

/**
 * struct mocknest - nested (first stage) domain of the mock IOMMU
 * @dom: the core's domain
 * @s2: the paging domain below
 * @tlb: the pretend IOTLB; an invalidated entry reads back as zero
 */
struct mocknest {
	struct iommu_domain dom;
	struct mockpt *s2;
	u32 tlb[MOCK_NESTED_DOMAIN_IOTLB_NUM];
};

/**
 * struct mockdev - a device on the mock bus
 * @dev: the device
 * @fault_sem: page requests are raised holding it for reading; attach,
 *	replace and detach hold it for writing, so a request never crosses a
 *	change of domain
 * @caps: the MOCK_FLAGS_DEVICE_* it was made with
 * @num: number in the device name, from mock_dev_numbers
 * @node: software node that carries @prop
 * @prop: the properties of the device: the PASID width, when it has one
 * @node_added: @node is attached to @dev
 */
struct mockdev {
	struct device dev;
	struct rw_semaphore fault_sem;
	u32 caps;
	int num;
	struct software_node node;
	struct property_entry prop[2];
	bool node_added;
};

/**
 * struct selftest_obj - an IOMMUFD_OBJ_SELFTEST object
 * @obj: object header
 * @idev: the iommufd device the mock device is bound as
 * @mdev: the mock device
 *
 * Destroying it does what a driver does when its device goes away: detach,
 * unbind and remove the device.
 */
struct selftest_obj {
	struct iommufd_object obj;
	struct iommufd_device *idev;
	struct mockdev *mdev;
};

static const struct bus_type mock_bus = {
	.name = "iommufd_mock",
};

static struct notifier_block mock_bus_nb;
static const struct fwnode_operations mock_fwnode_ops;
static struct fwnode_handle mock_fwnode;
static struct iommu_device mock_iommu;
static struct iopf_queue *mock_iopfq;
static DEFINE_IDA(mock_dev_numbers);

static const struct iommu_domain_ops mockpt_ops;
static const struct iommu_domain_ops mocknest_ops;

static inline struct mockpt *dom_to_mockpt(struct iommu_domain *dom)
{
	return container_of(dom, struct mockpt, dom);
}

static inline struct mocknest *dom_to_mocknest(struct iommu_domain *dom)
{
	return container_of(dom, struct mocknest, dom);
}

static inline struct mockdev *dev_to_mockdev(struct device *dev)
{
	return container_of(dev, struct mockdev, dev);
}

static inline void *mpte_encode(phys_addr_t pa, unsigned long bits)
{
	unsigned long frame = pa / MOCK_IOPG_SZ;

	return xa_mk_value((frame << MPTE_FRAME_SHIFT) | bits);
}

static inline phys_addr_t mpte_pa(void *pte)
{
	return (phys_addr_t)(xa_to_value(pte) >> MPTE_FRAME_SHIFT) *
	       MOCK_IOPG_SZ;
}

static inline bool mpte_test(void *pte, unsigned long bit)
{
	return xa_to_value(pte) & bit;
}

/* Rewrite the flags of the present PTE @pte found at @idx */
static void mpte_modify(struct mockpt *pt, unsigned long idx, void *pte,
			unsigned long set, unsigned long clear)
{
	unsigned long val = (xa_to_value(pte) | set) & ~clear;
	void *prev;

	prev = xa_store(&pt->ptes, idx, xa_mk_value(val), GFP_KERNEL);
	WARN_ON_ONCE(prev != pte);
}

/* ------------------------------------------------------------------------
 * Fuzzer-friendly IOVAs
 *
 * Syzkaller cannot know which IOVA the kernel chose for a mapping. When
 * MOCK_FLAGS_ACCESS_SYZ is given, the 64-bit IOVA is read as two u32s
 * instead, laid out in memory as {index of the area, offset into it}.
 */

static unsigned long syz_area_iova(struct io_pagetable *iopt, u64 *iova)
{
	struct iopt_area *area;
	unsigned long found = 0;
	u32 words[2];
	u32 skip;

	memcpy(words, iova, sizeof(words));
	skip = words[0];

	down_read(&iopt->iova_rwsem);
	area = iopt_area_iter_first(iopt, 0, ULONG_MAX);
	while (area && skip--)
		area = iopt_area_iter_next(area, 0, ULONG_MAX);
	if (area)
		found = iopt_area_iova(area) + words[1];
	up_read(&iopt->iova_rwsem);
	return found;
}

/* The same, for the IOAS an access is currently attached to */
static unsigned long syz_access_iova(struct iommufd_access *access, u64 *iova)
{
	unsigned long found = 0;

	mutex_lock(&access->ioas_mtx);
	if (access->cur_ioas)
		found = syz_area_iova(&access->cur_ioas->iopt, iova);
	mutex_unlock(&access->ioas_mtx);
	return found;
}

/**
 * iommufd_test_syz_conv_iova_id() - turn a syzkaller IOVA into a real one
 * @ucmd: the ioctl in progress
 * @ioas_id: the IOAS the IOVA refers to
 * @iova: the IOVA; replaced when *@flags has MOCK_FLAGS_ACCESS_SYZ
 * @flags: flags of the command; MOCK_FLAGS_ACCESS_SYZ is removed
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
	*iova = syz_area_iova(&ioas->iopt, iova);
	iommufd_put_object(ucmd->ictx, &ioas->obj);
}

/* ------------------------------------------------------------------------
 * The mock IOMMU driver
 */

/*
 * Attach of every mock domain. The one incompatibility the mock has: a
 * domain that tracks dirty pages cannot take a device that cannot.
 */
static int mock_attach_dev(struct iommu_domain *dom, struct device *dev)
{
	bool dev_tracks = !(dev_to_mockdev(dev)->caps &
			    MOCK_FLAGS_DEVICE_NO_DIRTY);

	return dom->dirty_ops && !dev_tracks ? -EINVAL : 0;
}

static const struct iommu_domain_ops mock_blocked_ops = {
	.attach_dev = mock_attach_dev,
};

static struct iommu_domain mock_blocked_domain = {
	.type = IOMMU_DOMAIN_BLOCKED,
	.ops = &mock_blocked_ops,
};

/*
 * *@type arrives as the format userspace wants (DEFAULT meaning "any") and
 * leaves as the one returned; the mock only knows its selftest format.
 */
static void *mock_hw_info(struct device *dev, u32 *length, u32 *type)
{
	struct iommu_test_hw_info *out;

	switch (*type) {
	case IOMMU_HW_INFO_TYPE_DEFAULT:
	case IOMMU_HW_INFO_TYPE_SELFTEST:
		break;
	default:
		return ERR_PTR(-EOPNOTSUPP);
	}

	out = kzalloc(sizeof(*out), GFP_KERNEL);
	if (!out)
		return ERR_PTR(-ENOMEM);
	out->test_reg = IOMMU_HW_INFO_SELFTEST_REGVAL;

	*type = IOMMU_HW_INFO_TYPE_SELFTEST;
	*length = sizeof(*out);
	return out;
}

static int mockpt_set_dirty_tracking(struct iommu_domain *dom, bool enable)
{
	if (enable && !dom->dirty_ops)
		return -EINVAL;
	dom_to_mockpt(dom)->track_dirty = enable;
	return 0;
}

/*
 * Whether any IO page of the naturally aligned block of @blk bytes around
 * @iova is dirty. The dirty bits of the block are cleared on the way
 * unless @flags has IOMMU_DIRTY_NO_CLEAR.
 */
static bool mockpt_block_dirty(struct mockpt *pt, unsigned long iova,
			       unsigned long blk, unsigned long flags)
{
	unsigned long idx = (iova & ~(blk - 1)) / MOCK_IOPG_SZ;
	unsigned long stop = idx + blk / MOCK_IOPG_SZ;
	bool seen = false;

	for (; idx < stop; idx++) {
		void *pte = xa_load(&pt->ptes, idx);

		if (!pte || !mpte_test(pte, MPTE_DIRTY))
			continue;
		seen = true;
		if (!(flags & IOMMU_DIRTY_NO_CLEAR))
			mpte_modify(pt, idx, pte, 0, MPTE_DIRTY);
	}
	return seen;
}

/*
 * Step through the range one mapping at a time: an IO page, or a whole huge
 * IO page when the PTE says so, which is then reported as one unit.
 */
static int mockpt_read_and_clear_dirty(struct iommu_domain *dom,
				       unsigned long iova, size_t size,
				       unsigned long flags,
				       struct iommu_dirty_bitmap *dirty)
{
	struct mockpt *pt = dom_to_mockpt(dom);
	unsigned long end = iova + size;
	unsigned long step;

	if (dirty->bitmap && !pt->track_dirty)
		return -EINVAL;

	for (; iova < end; iova += step) {
		void *pte = xa_load(&pt->ptes, iova / MOCK_IOPG_SZ);

		step = MOCK_IOPG_SZ;
		if (!pte)
			continue;
		if (mpte_test(pte, MPTE_HUGE))
			step = MOCK_HUGEPG_SZ;
		if (mockpt_block_dirty(pt, iova, step, flags))
			iommu_dirty_bitmap_record(dirty, iova, step);
	}
	return 0;
}

static const struct iommu_dirty_ops mockpt_dirty_ops = {
	.set_dirty_tracking = mockpt_set_dirty_tracking,
	.read_and_clear_dirty = mockpt_read_and_clear_dirty,
};

static struct iommu_domain *mock_alloc_paging(struct device *dev)
{
	struct mockpt *pt = kzalloc(sizeof(*pt), GFP_KERNEL);
	struct iommu_domain *dom;

	if (!pt)
		return ERR_PTR(-ENOMEM);

	xa_init(&pt->ptes);
	dom = &pt->dom;
	dom->type = IOMMU_DOMAIN_UNMANAGED;
	dom->ops = &mockpt_ops;
	dom->pgsize_bitmap = MOCK_IOPG_SZ;
	if (dev && (dev_to_mockdev(dev)->caps & MOCK_FLAGS_DEVICE_HUGE_IOVA))
		dom->pgsize_bitmap |= MOCK_HUGEPG_SZ;
	dom->geometry.aperture_start = MOCK_APERTURE_START;
	dom->geometry.aperture_end = MOCK_APERTURE_LAST;
	return dom;
}

static struct iommu_domain *
mock_alloc_nested(struct iommu_domain *below, u32 flags,
		  const struct iommu_user_data *user_data)
{
	struct iommu_hwpt_selftest cfg;
	struct mocknest *nest;
	unsigned int n;
	int err;

	if (flags || user_data->type != IOMMU_HWPT_DATA_SELFTEST)
		return ERR_PTR(-EOPNOTSUPP);
	if (below->ops != &mockpt_ops)
		return ERR_PTR(-EINVAL);

	err = iommu_copy_struct_from_user(&cfg, user_data,
					  IOMMU_HWPT_DATA_SELFTEST, iotlb);
	if (err)
		return ERR_PTR(err);

	nest = kzalloc(sizeof(*nest), GFP_KERNEL);
	if (!nest)
		return ERR_PTR(-ENOMEM);
	for (n = 0; n < ARRAY_SIZE(nest->tlb); n++)
		nest->tlb[n] = cfg.iotlb;
	nest->s2 = dom_to_mockpt(below);
	nest->dom.type = IOMMU_DOMAIN_NESTED;
	nest->dom.ops = &mocknest_ops;
	return &nest->dom;
}

static struct iommu_domain *
mock_alloc_user(struct device *dev, u32 flags, struct iommu_domain *parent,
		const struct iommu_user_data *user_data)
{
	const u32 known = IOMMU_HWPT_ALLOC_NEST_PARENT |
			  IOMMU_HWPT_ALLOC_DIRTY_TRACKING;
	bool dirty = flags & IOMMU_HWPT_ALLOC_DIRTY_TRACKING;
	struct iommu_domain *dom;

	if (parent)
		return mock_alloc_nested(parent, flags, user_data);

	/* Paging domains take no flags beyond these, and no driver data */
	if ((flags & ~known) || user_data)
		return ERR_PTR(-EOPNOTSUPP);
	if (dirty && (dev_to_mockdev(dev)->caps & MOCK_FLAGS_DEVICE_NO_DIRTY))
		return ERR_PTR(-EOPNOTSUPP);

	dom = mock_alloc_paging(dev);
	if (dirty && !IS_ERR(dom))
		dom->dirty_ops = &mockpt_dirty_ops;
	return dom;
}

static void mockpt_free(struct iommu_domain *dom)
{
	struct mockpt *pt = dom_to_mockpt(dom);

	/* Everything was unmapped by iommufd before it let go of the domain */
	WARN_ON(!xa_empty(&pt->ptes));
	xa_destroy(&pt->ptes);
	kfree(pt);
}

static int mockpt_map_pages(struct iommu_domain *dom, unsigned long iova,
			    phys_addr_t paddr, size_t pgsize, size_t pgcount,
			    int prot, gfp_t gfp, size_t *mapped)
{
	unsigned long first = iova / MOCK_IOPG_SZ;
	unsigned long count = pgsize * pgcount / MOCK_IOPG_SZ;
	struct mockpt *pt = dom_to_mockpt(dom);
	unsigned long n;

	/*
	 * Allocation failures inside the xarray are retried internally and
	 * escape fault injection, so the sweeps get a failure point here.
	 */
	if (iommufd_should_fail())
		return -ENOENT;

	WARN_ON(iova % MOCK_IOPG_SZ);
	WARN_ON(pgsize % MOCK_IOPG_SZ);

	for (n = 0; n < count; n++) {
		unsigned long bits = 0;
		void *prev;

		if (n == 0 || n == count - 1)
			bits |= MPTE_EDGE;
		if (pgsize != MOCK_IOPG_SZ)
			bits |= MPTE_HUGE;

		prev = xa_store(&pt->ptes, first + n,
				mpte_encode(paddr + n * MOCK_IOPG_SZ, bits),
				gfp);
		if (xa_is_err(prev)) {
			/* Nothing of this call may stay behind */
			while (n--)
				xa_erase(&pt->ptes, first + n);
			return xa_err(prev);
		}
		WARN_ON(prev);
		*mapped += MOCK_IOPG_SZ;
	}
	return 0;
}

static size_t mockpt_unmap_pages(struct iommu_domain *dom, unsigned long iova,
				 size_t pgsize, size_t pgcount,
				 struct iommu_iotlb_gather *iotlb_gather)
{
	unsigned long first = iova / MOCK_IOPG_SZ;
	unsigned long count = pgsize * pgcount / MOCK_IOPG_SZ;
	struct mockpt *pt = dom_to_mockpt(dom);
	/*
	 * With huge IO pages the core may cut a range into page sizes at any
	 * point, so only small-page domains can check the edges.
	 */
	bool check_edges = !(dom->pgsize_bitmap & MOCK_HUGEPG_SZ);
	unsigned long n;

	WARN_ON(iova % MOCK_IOPG_SZ);
	WARN_ON(pgsize % MOCK_IOPG_SZ);

	for (n = 0; n < count; n++) {
		void *pte = xa_erase(&pt->ptes, first + n);
		bool at_edge = n == 0 || n == count - 1;

		/* iommufd unmaps exactly the ranges it mapped */
		if (check_edges && pte && at_edge)
			WARN_ON(!mpte_test(pte, MPTE_EDGE));
	}
	return pgsize * pgcount;
}

static phys_addr_t mockpt_iova_to_phys(struct iommu_domain *dom,
				       dma_addr_t iova)
{
	void *pte;

	WARN_ON(iova % MOCK_IOPG_SZ);
	pte = xa_load(&dom_to_mockpt(dom)->ptes, iova / MOCK_IOPG_SZ);
	WARN_ON(!pte);
	return mpte_pa(pte);
}

static bool mock_capable(struct device *dev, enum iommu_cap cap)
{
	u32 caps = dev_to_mockdev(dev)->caps;

	if (cap == IOMMU_CAP_CACHE_COHERENCY)
		return true;
	if (cap == IOMMU_CAP_DIRTY_TRACKING)
		return !(caps & MOCK_FLAGS_DEVICE_NO_DIRTY);
	return false;
}

static struct iommu_device *mock_probe(struct device *dev)
{
	return dev->bus == &mock_bus ? &mock_iommu : ERR_PTR(-ENODEV);
}

/* No hardware waits for the answer; accepting it is all there is to do */
static void mock_page_response(struct device *dev, struct iopf_fault *evt,
			       struct iommu_page_response *msg)
{
}

static int mock_enable_feat(struct device *dev, enum iommu_dev_features feat)
{
	if (feat == IOMMU_DEV_FEAT_IOPF && mock_iopfq)
		return iopf_queue_add_device(mock_iopfq, dev);
	return -ENODEV;
}

static int mock_disable_feat(struct device *dev, enum iommu_dev_features feat)
{
	if (feat != IOMMU_DEV_FEAT_IOPF || !mock_iopfq)
		return -ENODEV;
	iopf_queue_remove_device(mock_iopfq, dev);
	return 0;
}

static const struct iommu_domain_ops mockpt_ops = {
	.attach_dev = mock_attach_dev,
	.map_pages = mockpt_map_pages,
	.unmap_pages = mockpt_unmap_pages,
	.iova_to_phys = mockpt_iova_to_phys,
	.free = mockpt_free,
};

static const struct iommu_ops mock_ops = {
	.owner = THIS_MODULE,
	.probe_device = mock_probe,
	.device_group = generic_device_group,
	.capable = mock_capable,
	.hw_info = mock_hw_info,
	/*
	 * A new device starts blocked. def_domain_type() could not say so:
	 * IOMMU_DOMAIN_BLOCKED is zero, which there means "no preference".
	 */
	.default_domain = &mock_blocked_domain,
	.blocked_domain = &mock_blocked_domain,
	.domain_alloc_paging = mock_alloc_paging,
	.domain_alloc_user = mock_alloc_user,
	.default_domain_ops = &mockpt_ops,
	.pgsize_bitmap = MOCK_IOPG_SZ,
	.dev_enable_feat = mock_enable_feat,
	.dev_disable_feat = mock_disable_feat,
	.page_response = mock_page_response,
	.user_pasid_table = true,
};

static void mocknest_free(struct iommu_domain *dom)
{
	kfree(dom_to_mocknest(dom));
}

/* Carry out one invalidation request on the pretend IOTLB */
static int mocknest_invalidate_one(struct mocknest *nest,
				   const struct iommu_hwpt_invalidate_selftest *req)
{
	if (req->flags & ~IOMMU_TEST_INVALIDATE_FLAG_ALL)
		return -EOPNOTSUPP;
	if (req->iotlb_id > MOCK_NESTED_DOMAIN_IOTLB_ID_MAX)
		return -EINVAL;

	if (req->flags & IOMMU_TEST_INVALIDATE_FLAG_ALL)
		memset(nest->tlb, 0, sizeof(nest->tlb));
	else
		nest->tlb[req->iotlb_id] = 0;
	return 0;
}

/*
 * Requests are done in order up to the first bad one. In every case
 * entry_num is set to how many were done.
 */
static int mocknest_cache_invalidate_user(struct iommu_domain *dom,
					  struct iommu_user_data_array *array)
{
	struct mocknest *nest = dom_to_mocknest(dom);
	struct iommu_hwpt_invalidate_selftest req;
	u32 total = array->entry_num;
	u32 done;
	int err = 0;

	if (array->type != IOMMU_HWPT_INVALIDATE_DATA_SELFTEST) {
		array->entry_num = 0;
		return -EINVAL;
	}

	for (done = 0; done < total; done++) {
		err = iommu_copy_struct_from_user_array(&req, array,
							IOMMU_HWPT_INVALIDATE_DATA_SELFTEST,
							done, iotlb_id);
		if (!err)
			err = mocknest_invalidate_one(nest, &req);
		if (err)
			break;
	}
	array->entry_num = done;
	return err;
}

static const struct iommu_domain_ops mocknest_ops = {
	.attach_dev = mock_attach_dev,
	.cache_invalidate_user = mocknest_cache_invalidate_user,
	.free = mocknest_free,
};

/*
 * Find the HWPT @id of type @type whose domain has the mock's @ops; the
 * caller gets a short-term reference on it. Return: the domain or an
 * ERR_PTR, -EINVAL for a HWPT of another driver.
 */
static struct iommu_domain *mock_hwpt_domain(struct iommufd_ucmd *ucmd, u32 id,
					     enum iommufd_object_type type,
					     const struct iommu_domain_ops *ops,
					     struct iommufd_object **objp)
{
	struct iommufd_hw_pagetable *hwpt;
	struct iommufd_object *obj;

	obj = iommufd_get_object(ucmd->ictx, id, type);
	if (IS_ERR(obj))
		return ERR_CAST(obj);

	hwpt = container_of(obj, struct iommufd_hw_pagetable, obj);
	if (hwpt->domain->ops != ops) {
		iommufd_put_object(ucmd->ictx, obj);
		return ERR_PTR(-EINVAL);
	}
	*objp = obj;
	return hwpt->domain;
}

static struct mockpt *mockpt_lookup(struct iommufd_ucmd *ucmd, u32 id,
				    struct iommufd_object **objp)
{
	struct iommu_domain *dom;

	dom = mock_hwpt_domain(ucmd, id, IOMMUFD_OBJ_HWPT_PAGING, &mockpt_ops,
			       objp);
	return IS_ERR(dom) ? ERR_CAST(dom) : dom_to_mockpt(dom);
}

static struct mocknest *mocknest_lookup(struct iommufd_ucmd *ucmd, u32 id,
					struct iommufd_object **objp)
{
	struct iommu_domain *dom;

	dom = mock_hwpt_domain(ucmd, id, IOMMUFD_OBJ_HWPT_NESTED,
			       &mocknest_ops, objp);
	return IS_ERR(dom) ? ERR_CAST(dom) : dom_to_mocknest(dom);
}

/* ------------------------------------------------------------------------
 * Mock devices
 */

static void mockdev_release(struct device *dev)
{
	struct mockdev *mdev = dev_to_mockdev(dev);

	ida_free(&mock_dev_numbers, mdev->num);
	kfree(mdev);
}

/**
 * iommufd_selftest_is_mock_dev() - does a device sit on the mock bus?
 * @dev: a device
 *
 * Return: true for the devices IOMMU_TEST_OP_MOCK_DOMAIN creates.
 */
bool iommufd_selftest_is_mock_dev(struct device *dev)
{
	return dev->release == mockdev_release;
}

/* Undo what mockdev_create() set up on the device besides adding it */
static void mockdev_strip(struct mockdev *mdev)
{
	if (mdev->dev.iommu)
		dev_iommu_free(&mdev->dev);
	if (!mdev->node_added)
		return;
	device_remove_software_node(&mdev->dev);
	mdev->node_added = false;
}

/* Give the device the PASID width property the core reads at probe */
static int mockdev_add_pasid_prop(struct mockdev *mdev)
{
	int err;

	mdev->prop[0] = PROPERTY_ENTRY_U32("pasid-num-bits", MOCK_PASID_WIDTH);
	mdev->node.properties = mdev->prop;
	mdev->node.name = dev_name(&mdev->dev);
	err = device_add_software_node(&mdev->dev, &mdev->node);
	if (!err)
		mdev->node_added = true;
	return err;
}

/*
 * Make a device with the MOCK_FLAGS_DEVICE_* in @caps and put it on the
 * mock bus. The core probes it on the spot, which leaves it alone in a new
 * group on the blocked domain.
 */
static struct mockdev *mockdev_create(u32 caps)
{
	const u32 valid = MOCK_FLAGS_DEVICE_NO_DIRTY |
			  MOCK_FLAGS_DEVICE_HUGE_IOVA |
			  MOCK_FLAGS_DEVICE_PASID;
	struct mockdev *mdev;
	int err;

	if (caps & ~valid)
		return ERR_PTR(-EINVAL);

	mdev = kzalloc(sizeof(*mdev), GFP_KERNEL);
	if (!mdev)
		return ERR_PTR(-ENOMEM);
	mdev->num = ida_alloc(&mock_dev_numbers, GFP_KERNEL);
	if (mdev->num < 0) {
		err = mdev->num;
		kfree(mdev);
		return ERR_PTR(err);
	}

	/* From now on, dropping the last reference frees it all */
	mdev->caps = caps;
	init_rwsem(&mdev->fault_sem);
	device_initialize(&mdev->dev);
	mdev->dev.bus = &mock_bus;
	mdev->dev.release = mockdev_release;

	err = dev_set_name(&mdev->dev, "iommufd_mock%u", mdev->num);
	if (err)
		goto put;
	if (caps & MOCK_FLAGS_DEVICE_PASID) {
		err = mockdev_add_pasid_prop(mdev);
		if (err)
			goto put;
	}

	/* The mock IOMMU is the one in front of the device */
	err = iommu_fwspec_init(&mdev->dev, &mock_fwnode);
	if (err)
		goto strip;

	down_write(&mdev->fault_sem);
	err = device_add(&mdev->dev);
	up_write(&mdev->fault_sem);
	if (err)
		goto strip;

	if (!mdev->dev.iommu_group) {
		/* Probing failed; the core did not take the device */
		device_del(&mdev->dev);
		err = -ENODEV;
		goto strip;
	}
	return mdev;

strip:
	mockdev_strip(mdev);
put:
	put_device(&mdev->dev);
	return ERR_PTR(err);
}

static void mockdev_destroy(struct mockdev *mdev)
{
	/* Removing it from the bus makes the core let go of it */
	device_del(&mdev->dev);
	mockdev_strip(mdev);
	put_device(&mdev->dev);
}

/*
 * Attach, replace or detach the device of @so as its driver would, with
 * page requests of the device held off meanwhile. @pt_id is NULL to detach.
 */
static int selftest_obj_move(struct selftest_obj *so, u32 *pt_id,
			     bool replace)
{
	struct rw_semaphore *sem = &so->mdev->fault_sem;
	int err = 0;

	down_write(sem);
	if (!pt_id)
		iommufd_device_detach(so->idev);
	else if (replace)
		err = iommufd_device_replace(so->idev, pt_id);
	else
		err = iommufd_device_attach(so->idev, pt_id);
	up_write(sem);
	return err;
}

/* ------------------------------------------------------------------------
 * Operations on mock devices and mock page tables
 */

/*
 * IOMMU_TEST_OP_MOCK_DOMAIN and _FLAGS: make a mock device, bind it and
 * attach it to cmd->id (an IOAS or a HWPT), like a VFIO driver would.
 */
static int tcmd_mock_domain(struct iommufd_ucmd *ucmd,
			    struct iommu_test_cmd *cmd)
{
	u32 caps = 0;
	struct selftest_obj *so;
	u32 pt_id = cmd->id;
	u32 idev_id;
	int err;

	so = iommufd_object_alloc(ucmd->ictx, so, IOMMUFD_OBJ_SELFTEST);
	if (IS_ERR(so))
		return PTR_ERR(so);

	if (cmd->op == IOMMU_TEST_OP_MOCK_DOMAIN_FLAGS)
		caps = cmd->mock_domain_flags.dev_flags;
	so->mdev = mockdev_create(caps);
	if (IS_ERR(so->mdev)) {
		err = PTR_ERR(so->mdev);
		goto abort;
	}

	so->idev = iommufd_device_bind(ucmd->ictx, &so->mdev->dev, &idev_id);
	if (IS_ERR(so->idev)) {
		err = PTR_ERR(so->idev);
		goto remove_dev;
	}

	err = selftest_obj_move(so, &pt_id, false);
	if (err)
		goto unbind;

	/* From here, destroying the selftest object undoes everything */
	cmd->mock_domain.out_stdev_id = so->obj.id;
	cmd->mock_domain.out_hwpt_id = pt_id;
	cmd->mock_domain.out_idev_id = idev_id;
	err = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	if (err)
		goto detach;
	iommufd_object_finalize(ucmd->ictx, &so->obj);
	return 0;

detach:
	selftest_obj_move(so, NULL, false);
unbind:
	iommufd_device_unbind(so->idev);
remove_dev:
	mockdev_destroy(so->mdev);
abort:
	iommufd_object_abort(ucmd->ictx, &so->obj);
	return err;
}

/* IOMMU_TEST_OP_MOCK_DOMAIN_REPLACE: move a mock device to another PT */
static int tcmd_mock_domain_replace(struct iommufd_ucmd *ucmd,
				    struct iommu_test_cmd *cmd)
{
	u32 pt_id = cmd->mock_domain_replace.pt_id;
	struct iommufd_object *obj;
	int err;

	/*
	 * The selftest object is looked up rather than the device: holding
	 * it keeps the device from being detached and destroyed under us.
	 */
	obj = iommufd_get_object(ucmd->ictx, cmd->id, IOMMUFD_OBJ_SELFTEST);
	if (IS_ERR(obj))
		return PTR_ERR(obj);

	err = selftest_obj_move(container_of(obj, struct selftest_obj, obj),
				&pt_id, true);
	if (!err) {
		cmd->mock_domain_replace.pt_id = pt_id;
		err = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	}
	iommufd_put_object(ucmd->ictx, obj);
	return err;
}

/* IOMMU_TEST_OP_ADD_RESERVED: reserve an IOVA range that nobody owns */
static int tcmd_add_reserved(struct iommufd_ucmd *ucmd,
			     struct iommu_test_cmd *cmd)
{
	unsigned long first = cmd->add_reserved.start;
	size_t len = cmd->add_reserved.length;
	struct iommufd_ioas *ioas;
	unsigned long last;
	int err;

	if (!len)
		return -EINVAL;
	if (check_add_overflow(first, len - 1, &last))
		return -EOVERFLOW;

	ioas = iommufd_get_ioas(ucmd->ictx, cmd->id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);
	down_write(&ioas->iopt.iova_rwsem);
	err = iopt_reserve_iova(&ioas->iopt, first, last, NULL);
	up_write(&ioas->iopt.iova_rwsem);
	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return err;
}

/*
 * Look up the page behind one user address, the way a device would see
 * it. Return: 0 with *@pagep referenced, or a negative errno.
 */
static int user_page_at(unsigned long uaddr, struct page **pagep)
{
	long got = get_user_pages_fast(uaddr, 1, 0, pagep);

	if (got < 0)
		return got;
	if (WARN_ON(got != 1))
		return -EFAULT;
	return 0;
}

/* Is [@uaddr, @uaddr + @len) aligned to @align and free of wrap-around? */
static bool user_range_ok(unsigned long uaddr, size_t len, unsigned long align)
{
	unsigned long end;

	if (uaddr % align || len % align)
		return false;
	return !check_add_overflow(uaddr, (unsigned long)len, &end);
}

/*
 * IOMMU_TEST_OP_MD_CHECK_MAP: every IO page in [iova, iova + length) of the
 * mock HWPT must translate to the memory at the same offset from uptr.
 */
static int tcmd_md_check_map(struct iommufd_ucmd *ucmd,
			     struct iommu_test_cmd *cmd)
{
	unsigned long uaddr = cmd->check_map.uptr;
	unsigned long iova = cmd->check_map.iova;
	size_t left = cmd->check_map.length;
	struct iommufd_object *obj;
	struct mockpt *pt;
	int err = 0;

	if (iova % MOCK_IOPG_SZ || !user_range_ok(uaddr, left, MOCK_IOPG_SZ))
		return -EINVAL;

	pt = mockpt_lookup(ucmd, cmd->id, &obj);
	if (IS_ERR(pt))
		return PTR_ERR(pt);

	for (; left; left -= MOCK_IOPG_SZ) {
		struct page *page;
		phys_addr_t want;
		void *pte;

		err = user_page_at(uaddr & PAGE_MASK, &page);
		if (err)
			break;
		want = (phys_addr_t)page_to_pfn(page) * PAGE_SIZE +
		       offset_in_page(uaddr);
		put_page(page);

		pte = xa_load(&pt->ptes, iova / MOCK_IOPG_SZ);
		if (!pte || mpte_pa(pte) != want) {
			err = -EINVAL;
			break;
		}
		iova += MOCK_IOPG_SZ;
		uaddr += MOCK_IOPG_SZ;
	}

	iommufd_put_object(ucmd->ictx, obj);
	return err;
}

/*
 * IOMMU_TEST_OP_MD_CHECK_REFS: each page of the buffer must carry exactly
 * refs pins, which finds both leaked and missing ones. Compound pages keep
 * their count in the head page and are not checked.
 */
static int tcmd_md_check_refs(struct iommufd_ucmd *ucmd,
			      struct iommu_test_cmd *cmd)
{
	unsigned long uaddr = cmd->check_refs.uptr;
	size_t left = cmd->check_refs.length;
	unsigned int want = cmd->check_refs.refs;

	if (!user_range_ok(uaddr, left, PAGE_SIZE))
		return -EINVAL;

	for (; left; left -= PAGE_SIZE, uaddr += PAGE_SIZE) {
		struct page *page;
		unsigned int pins;
		bool compound;
		int err;

		err = user_page_at(uaddr, &page);
		if (err)
			return err;
		/* Our own plain reference is far below one pin and rounds off */
		pins = page_ref_count(page) / GUP_PIN_COUNTING_BIAS;
		compound = PageCompound(page);
		put_page(page);
		if (!compound && pins != want)
			return -EIO;
	}
	return 0;
}

/* IOMMU_TEST_OP_MD_CHECK_IOTLB: compare one IOTLB entry of a mock nest */
static int tcmd_md_check_iotlb(struct iommufd_ucmd *ucmd,
			       struct iommu_test_cmd *cmd)
{
	unsigned int slot = cmd->check_iotlb.id;
	struct iommufd_object *obj;
	struct mocknest *nest;
	int err = 0;

	nest = mocknest_lookup(ucmd, cmd->id, &obj);
	if (IS_ERR(nest))
		return PTR_ERR(nest);

	if (slot > MOCK_NESTED_DOMAIN_IOTLB_ID_MAX ||
	    nest->tlb[slot] != cmd->check_iotlb.iotlb)
		err = -EINVAL;
	iommufd_put_object(ucmd->ictx, obj);
	return err;
}

/*
 * IOMMU_TEST_OP_DIRTY: stand in for a device writing memory. Each bit set
 * in the user's bitmap dirties the IO page at iova + bit * page_size, if it
 * is mapped; out_nr_dirty reports how many were.
 */
static int tcmd_dirty(struct iommufd_ucmd *ucmd, struct iommu_test_cmd *cmd)
{
	unsigned long pgsz = cmd->dirty.page_size;
	unsigned long iova = cmd->dirty.iova;
	size_t len = cmd->dirty.length;
	void __user *ubits = u64_to_user_ptr(cmd->dirty.uptr);
	struct iommufd_object *obj;
	unsigned long nbits, bit;
	unsigned long *bits;
	struct mockpt *pt;
	u64 marked = 0;
	int err;

	if (!pgsz || !len || iova % pgsz || len % pgsz || !ubits)
		return -EINVAL;
	nbits = len / pgsz;
	if (nbits > SZ_16M * BITS_PER_BYTE)
		return -EOVERFLOW;

	pt = mockpt_lookup(ucmd, cmd->id, &obj);
	if (IS_ERR(pt))
		return PTR_ERR(pt);

	if (!pt->track_dirty) {
		err = -EINVAL;
		goto put;
	}

	bits = kvzalloc(BITS_TO_LONGS(nbits) * sizeof(*bits),
			GFP_KERNEL_ACCOUNT);
	if (!bits) {
		err = -ENOMEM;
		goto put;
	}
	if (copy_from_user(bits, ubits, DIV_ROUND_UP(nbits, BITS_PER_BYTE))) {
		err = -EFAULT;
		goto free;
	}

	for_each_set_bit(bit, bits, nbits) {
		unsigned long idx = (iova + bit * pgsz) / MOCK_IOPG_SZ;
		void *pte = xa_load(&pt->ptes, idx);

		if (!pte)
			continue;
		mpte_modify(pt, idx, pte, MPTE_DIRTY, 0);
		marked++;
	}

	cmd->dirty.out_nr_dirty = marked;
	err = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
free:
	kvfree(bits);
put:
	iommufd_put_object(ucmd->ictx, obj);
	return err;
}

/*
 * IOMMU_TEST_OP_TRIGGER_IOPF: the mock device sends a page request group of
 * a single request, as a PCI function with PRI would.
 */
static int tcmd_trigger_iopf(struct iommufd_ucmd *ucmd,
			     struct iommu_test_cmd *cmd)
{
	struct iopf_fault req = {
		.fault = {
			.type = IOMMU_FAULT_PAGE_REQ,
			.prm = {
				.flags = IOMMU_FAULT_PAGE_REQUEST_LAST_PAGE,
				.pasid = cmd->trigger_iopf.pasid,
				.grpid = cmd->trigger_iopf.grpid,
				.perm = cmd->trigger_iopf.perm,
				.addr = cmd->trigger_iopf.addr,
			},
		},
	};
	struct iommufd_device *idev;
	struct mockdev *mdev;

	idev = iommufd_device_lookup(ucmd, cmd->trigger_iopf.dev_id);
	if (IS_ERR(idev))
		return PTR_ERR(idev);
	if (!iommufd_selftest_is_mock_dev(idev->dev)) {
		iommufd_put_object(ucmd->ictx, &idev->obj);
		return -EINVAL;
	}
	mdev = dev_to_mockdev(idev->dev);

	if (cmd->trigger_iopf.pasid != IOMMU_NO_PASID)
		req.fault.prm.flags |= IOMMU_FAULT_PAGE_REQUEST_PASID_VALID;

	/* What becomes of the request is not the ioctl's business */
	down_read(&mdev->fault_sem);
	iommu_report_device_fault(idev->dev, &req);
	up_read(&mdev->fault_sem);

	iommufd_put_object(ucmd->ictx, &idev->obj);
	return 0;
}

/* IOMMU_TEST_OP_SET_TEMP_MEMORY_LIMIT */
static int tcmd_set_memory_limit(struct iommufd_ucmd *ucmd,
				 struct iommu_test_cmd *cmd)
{
	/* A pinning batch must still have room for one element */
	if (cmd->memory_limit.limit < sizeof(unsigned long) + sizeof(u32))
		return -EINVAL;
	iommufd_test_memory_limit = cmd->memory_limit.limit;
	return 0;
}

/* ------------------------------------------------------------------------
 * In-kernel accesses driven by userspace
 *
 * IOMMU_TEST_OP_CREATE_ACCESS hands out a file descriptor that stands for
 * an access user inside the kernel, as an mdev driver would be. The other
 * access operations name the access by that descriptor; closing it
 * destroys the access.
 */

/**
 * struct test_access - the driver half of an access made by the selftest
 * @acc: the iommufd access; NULL until the creation has completed
 * @file: the file behind the user's descriptor
 * @pins_lock: protects @pins and @next_pin; held while pinning, so that
 *	the unmap callback waits for a pin that is half done
 * @pins: the live pins, struct test_pin
 * @next_pin: id for the next pin
 */
struct test_access {
	struct iommufd_access *acc;
	struct file *file;
	struct mutex pins_lock;	/* protects pins and next_pin */
	struct list_head pins;
	unsigned int next_pin;
};

/**
 * struct test_pin - one pinned IOVA range of a test access
 * @link: entry in &test_access.pins
 * @iova: start of the range
 * @len: its length in bytes
 * @id: what userspace calls it
 */
struct test_pin {
	struct list_head link;
	unsigned long iova;
	size_t len;
	unsigned int id;
};

static const struct file_operations test_access_fops;

/* The test access of descriptor @fd; the caller must fput() its file */
static struct test_access *test_access_from_fd(int fd)
{
	struct file *file = fget(fd);

	if (!file)
		return ERR_PTR(-EBADFD);
	if (file->f_op == &test_access_fops)
		return file->private_data;
	fput(file);
	return ERR_PTR(-EBADFD);
}

static void test_pin_drop(struct test_access *ta, struct test_pin *pin)
{
	lockdep_assert_held(&ta->pins_lock);

	iommufd_access_unpin_pages(ta->acc, pin->iova, pin->len);
	list_del(&pin->link);
	kfree(pin);
}

/* The unmap callback: release every pin that overlaps the range */
static void test_access_unmap(void *data, unsigned long iova,
			      unsigned long length)
{
	unsigned long last = iova + length - 1;
	struct test_access *ta = data;
	struct test_pin *pin, *next;

	mutex_lock(&ta->pins_lock);
	list_for_each_entry_safe(pin, next, &ta->pins, link) {
		unsigned long pin_last = pin->iova + pin->len - 1;

		if (pin->iova <= last && iova <= pin_last)
			test_pin_drop(ta, pin);
	}
	mutex_unlock(&ta->pins_lock);
}

static int test_access_release(struct inode *inode, struct file *filep)
{
	struct test_access *ta = filep->private_data;

	if (ta->acc) {
		test_access_unmap(ta, 0, ULONG_MAX);
		iommufd_access_destroy(ta->acc);
	}
	mutex_destroy(&ta->pins_lock);
	kfree(ta);
	return 0;
}

static const struct file_operations test_access_fops = {
	.release = test_access_release,
};

static const struct iommufd_access_ops test_access_ops_pinning = {
	.needs_pin_pages = 1,
	.unmap = test_access_unmap,
};

static const struct iommufd_access_ops test_access_ops_plain = {
	.unmap = test_access_unmap,
};

/* A new test access with its file; no descriptor and no iommufd access */
static struct test_access *test_access_new(void)
{
	struct test_access *ta;
	struct file *file;

	ta = kzalloc(sizeof(*ta), GFP_KERNEL_ACCOUNT);
	if (!ta)
		return ERR_PTR(-ENOMEM);
	mutex_init(&ta->pins_lock);
	INIT_LIST_HEAD(&ta->pins);

	file = anon_inode_getfile("[iommufd_test_staccess]", &test_access_fops,
				  ta, O_RDWR);
	if (IS_ERR(file)) {
		mutex_destroy(&ta->pins_lock);
		kfree(ta);
		return ERR_CAST(file);
	}
	ta->file = file;
	return ta;
}

/* IOMMU_TEST_OP_CREATE_ACCESS: an access attached to cmd->id, as an fd */
static int tcmd_create_access(struct iommufd_ucmd *ucmd,
			      struct iommu_test_cmd *cmd)
{
	u32 flags = cmd->create_access.flags;
	const struct iommufd_access_ops *ops;
	struct iommufd_access *acc;
	struct test_access *ta;
	u32 acc_id;
	int fd;
	int err;

	if (flags & ~MOCK_FLAGS_ACCESS_CREATE_NEEDS_PIN_PAGES)
		return -EOPNOTSUPP;
	ops = (flags & MOCK_FLAGS_ACCESS_CREATE_NEEDS_PIN_PAGES) ?
		      &test_access_ops_pinning : &test_access_ops_plain;

	ta = test_access_new();
	if (IS_ERR(ta))
		return PTR_ERR(ta);

	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0) {
		err = -ENOMEM;
		goto drop_file;
	}

	acc = iommufd_access_create(ucmd->ictx, ops, ta, &acc_id);
	if (IS_ERR(acc)) {
		err = PTR_ERR(acc);
		goto drop_fd;
	}
	err = iommufd_access_attach(acc, cmd->id);
	if (!err) {
		cmd->create_access.out_access_fd = fd;
		err = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	}
	if (err) {
		iommufd_access_destroy(acc);
		goto drop_fd;
	}

	ta->acc = acc;
	fd_install(fd, ta->file);
	return 0;

drop_fd:
	put_unused_fd(fd);
drop_file:
	/* ta->acc is still NULL, so the release only frees @ta */
	fput(ta->file);
	return err;
}

/* IOMMU_TEST_OP_ACCESS_REPLACE_IOAS */
static int tcmd_access_replace_ioas(struct iommufd_ucmd *ucmd,
				    struct iommu_test_cmd *cmd)
{
	struct test_access *ta = test_access_from_fd(cmd->id);
	int err;

	if (IS_ERR(ta))
		return PTR_ERR(ta);
	err = iommufd_access_replace(ta->acc, cmd->access_replace_ioas.ioas_id);
	fput(ta->file);
	return err;
}

/* Every pinned page must be the very page that backs the user address */
static int test_pins_match(unsigned long uaddr, struct page **pages,
			   size_t npages)
{
	size_t n;

	for (n = 0; n < npages; n++, uaddr += PAGE_SIZE) {
		struct page *page;
		int err;

		err = user_page_at(uaddr, &page);
		if (err)
			return err;
		put_page(page);
		if (page != pages[n])
			return -EBADE;
	}
	return 0;
}

/* Pin [iova, iova + len) of @ta into @pages and record it; pins_lock held */
static int test_pin_range(struct test_access *ta, struct iommu_test_cmd *cmd,
			  unsigned long iova, size_t len, struct page **pages,
			  size_t npages)
{
	unsigned long uaddr = cmd->access_pages.uptr;
	u32 flags = cmd->access_pages.flags;
	struct test_pin *pin;
	int err;

	lockdep_assert_held(&ta->pins_lock);

	err = iommufd_access_pin_pages(ta->acc, iova, len, pages,
				       flags & MOCK_FLAGS_ACCESS_WRITE);
	if (err)
		return err;

	/* syzkaller passes no buffer; there is nothing to compare then */
	if (uaddr) {
		err = test_pins_match(uaddr - offset_in_page(iova), pages,
				      npages);
		if (err)
			goto unpin;
	}

	pin = kzalloc(sizeof(*pin), GFP_KERNEL_ACCOUNT);
	if (!pin) {
		err = -ENOMEM;
		goto unpin;
	}
	pin->iova = iova;
	pin->len = len;
	pin->id = ta->next_pin++;
	list_add_tail(&pin->link, &ta->pins);

	cmd->access_pages.out_access_pages_id = pin->id;
	return 0;

unpin:
	iommufd_access_unpin_pages(ta->acc, iova, len);
	return err;
}

/* IOMMU_TEST_OP_ACCESS_PAGES: pin an IOVA range through an access */
static int tcmd_access_pages(struct iommufd_ucmd *ucmd,
			     struct iommu_test_cmd *cmd)
{
	u32 flags = cmd->access_pages.flags;
	unsigned long iova = cmd->access_pages.iova;
	size_t len = cmd->access_pages.length;
	struct test_access *ta;
	struct page **pages;
	size_t npages;
	int err;

	/* Requests this large only make kvcalloc() unhappy */
	if (len > SZ_16M)
		return -ENOMEM;
	if (flags & ~(MOCK_FLAGS_ACCESS_WRITE | MOCK_FLAGS_ACCESS_SYZ))
		return -EOPNOTSUPP;

	ta = test_access_from_fd(cmd->id);
	if (IS_ERR(ta))
		return PTR_ERR(ta);

	if (ta->acc->ops != &test_access_ops_pinning) {
		err = -EOPNOTSUPP;
		goto put;
	}

	if (flags & MOCK_FLAGS_ACCESS_SYZ)
		iova = syz_access_iova(ta->acc, &cmd->access_pages.iova);

	npages = (PAGE_ALIGN(iova + len) - PAGE_ALIGN_DOWN(iova)) >> PAGE_SHIFT;
	pages = kvcalloc(npages, sizeof(*pages), GFP_KERNEL_ACCOUNT);
	if (!pages) {
		err = -ENOMEM;
		goto put;
	}

	/*
	 * An unmap can arrive right after the pin and must not finish before
	 * the pin is recorded, or it would miss it. Holding pins_lock across
	 * both makes the unmap callback wait. A real driver needs the same
	 * care, or unmaps fail with -EDEADLOCK.
	 */
	mutex_lock(&ta->pins_lock);
	err = test_pin_range(ta, cmd, iova, len, pages, npages);
	if (!err) {
		err = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
		if (err)
			test_pin_drop(ta, list_last_entry(&ta->pins,
							  struct test_pin,
							  link));
	}
	mutex_unlock(&ta->pins_lock);
	kvfree(pages);
put:
	fput(ta->file);
	return err;
}

/* IOMMU_TEST_OP_DESTROY_ACCESS_PAGES: release one pin */
static int tcmd_destroy_access_pages(struct iommufd_ucmd *ucmd,
				     struct iommu_test_cmd *cmd)
{
	unsigned int id = cmd->destroy_access_pages.access_pages_id;
	struct test_access *ta = test_access_from_fd(cmd->id);
	struct test_pin *pin;
	int err = -ENOENT;

	if (IS_ERR(ta))
		return PTR_ERR(ta);

	mutex_lock(&ta->pins_lock);
	list_for_each_entry(pin, &ta->pins, link) {
		if (pin->id != id)
			continue;
		test_pin_drop(ta, pin);
		err = 0;
		break;
	}
	mutex_unlock(&ta->pins_lock);
	fput(ta->file);
	return err;
}

static_assert((unsigned int)MOCK_ACCESS_RW_WRITE == IOMMUFD_ACCESS_RW_WRITE);
static_assert((unsigned int)MOCK_ACCESS_RW_SLOW_PATH ==
	      __IOMMUFD_ACCESS_RW_SLOW_PATH);

/* IOMMU_TEST_OP_ACCESS_RW: copy through an access via a kernel buffer */
static int tcmd_access_rw(struct iommufd_ucmd *ucmd,
			  struct iommu_test_cmd *cmd)
{
	void __user *ubuf = u64_to_user_ptr(cmd->access_rw.uptr);
	unsigned int flags = cmd->access_rw.flags;
	unsigned long iova = cmd->access_rw.iova;
	size_t len = cmd->access_rw.length;
	bool to_iova = flags & MOCK_ACCESS_RW_WRITE;
	struct test_access *ta;
	void *bounce;
	int err;

	if (len > SZ_16M)
		return -ENOMEM;
	if (flags & ~(MOCK_ACCESS_RW_WRITE | MOCK_ACCESS_RW_SLOW_PATH |
		      MOCK_FLAGS_ACCESS_SYZ))
		return -EOPNOTSUPP;

	ta = test_access_from_fd(cmd->id);
	if (IS_ERR(ta))
		return PTR_ERR(ta);

	bounce = kvzalloc(len, GFP_KERNEL_ACCOUNT);
	if (!bounce) {
		err = -ENOMEM;
		goto put;
	}

	if (to_iova && copy_from_user(bounce, ubuf, len)) {
		err = -EFAULT;
		goto free;
	}
	if (flags & MOCK_FLAGS_ACCESS_SYZ)
		iova = syz_access_iova(ta->acc, &cmd->access_rw.iova);

	err = iommufd_access_rw(ta->acc, iova, bounce, len,
				flags & ~MOCK_FLAGS_ACCESS_SYZ);
	if (!err && !to_iova && copy_to_user(ubuf, bounce, len))
		err = -EFAULT;
free:
	kvfree(bounce);
put:
	fput(ta->file);
	return err;
}

/* ------------------------------------------------------------------------
 * Entry points
 */

/**
 * iommufd_selftest_destroy() - destroy callback of SELFTEST objects
 * @obj: the object
 *
 * The mock device is detached, unbound and then removed.
 */
void iommufd_selftest_destroy(struct iommufd_object *obj)
{
	struct selftest_obj *so = container_of(obj, struct selftest_obj, obj);

	selftest_obj_move(so, NULL, false);
	iommufd_device_unbind(so->idev);
	mockdev_destroy(so->mdev);
}

/* The handler of each operation, indexed by IOMMU_TEST_OP_* */
static int (* const tcmd_table[])(struct iommufd_ucmd *ucmd,
				  struct iommu_test_cmd *cmd) = {
	[IOMMU_TEST_OP_ADD_RESERVED] = tcmd_add_reserved,
	[IOMMU_TEST_OP_MOCK_DOMAIN] = tcmd_mock_domain,
	[IOMMU_TEST_OP_MOCK_DOMAIN_FLAGS] = tcmd_mock_domain,
	[IOMMU_TEST_OP_MOCK_DOMAIN_REPLACE] = tcmd_mock_domain_replace,
	[IOMMU_TEST_OP_MD_CHECK_MAP] = tcmd_md_check_map,
	[IOMMU_TEST_OP_MD_CHECK_REFS] = tcmd_md_check_refs,
	[IOMMU_TEST_OP_MD_CHECK_IOTLB] = tcmd_md_check_iotlb,
	[IOMMU_TEST_OP_CREATE_ACCESS] = tcmd_create_access,
	[IOMMU_TEST_OP_ACCESS_REPLACE_IOAS] = tcmd_access_replace_ioas,
	[IOMMU_TEST_OP_ACCESS_PAGES] = tcmd_access_pages,
	[IOMMU_TEST_OP_ACCESS_RW] = tcmd_access_rw,
	[IOMMU_TEST_OP_DESTROY_ACCESS_PAGES] = tcmd_destroy_access_pages,
	[IOMMU_TEST_OP_SET_TEMP_MEMORY_LIMIT] = tcmd_set_memory_limit,
	[IOMMU_TEST_OP_DIRTY] = tcmd_dirty,
	[IOMMU_TEST_OP_TRIGGER_IOPF] = tcmd_trigger_iopf,
};

/**
 * iommufd_test() - IOMMU_TEST_CMD
 * @ucmd: the command
 *
 * Return: what the operation returned, or -EOPNOTSUPP for an operation
 * that does not exist.
 */
int iommufd_test(struct iommufd_ucmd *ucmd)
{
	struct iommu_test_cmd *cmd = ucmd->cmd;

	if (cmd->op >= ARRAY_SIZE(tcmd_table) || !tcmd_table[cmd->op])
		return -EOPNOTSUPP;
	return tcmd_table[cmd->op](ucmd, cmd);
}

/**
 * iommufd_should_fail() - the "fail_iommufd" fault injection point
 *
 * Return: true when the caller has to fail as if memory ran out.
 */
bool iommufd_should_fail(void)
{
	return should_fail(&fail_iommufd, 1);
}

/**
 * iommufd_test_init() - bring up the mock IOMMU and its bus
 *
 * Called by the iommufd module init when CONFIG_IOMMUFD_TEST is enabled.
 *
 * Return: 0, or the error of the registration that failed.
 */
int __init iommufd_test_init(void)
{
	int err;

	fwnode_init(&mock_fwnode, &mock_fwnode_ops);
	mock_iommu.fwnode = &mock_fwnode;
	mock_iommu.max_pasids = 1U << MOCK_PASID_WIDTH;

	err = bus_register(&mock_bus);
	if (err)
		return err;

	err = iommu_device_sysfs_add(&mock_iommu, NULL, NULL, "%s",
				     "iommufd_selftest_iommu");
	if (err)
		goto unregister_bus;

	err = iommu_device_register_bus(&mock_iommu, &mock_ops, &mock_bus,
					&mock_bus_nb);
	if (err)
		goto remove_sysfs;

	/* Without a queue, devices just cannot turn on page requests */
	mock_iopfq = iopf_queue_alloc("mock-iopfq");
	return 0;

remove_sysfs:
	iommu_device_sysfs_remove(&mock_iommu);
unregister_bus:
	bus_unregister(&mock_bus);
	return err;
}

/**
 * iommufd_test_exit() - tear down what iommufd_test_init() set up
 */
void iommufd_test_exit(void)
{
	struct iopf_queue *q = mock_iopfq;

	mock_iopfq = NULL;
	if (q)
		iopf_queue_free(q);

	iommu_device_unregister_bus(&mock_iommu, &mock_bus, &mock_bus_nb);
	iommu_device_sysfs_remove(&mock_iommu);
	bus_unregister(&mock_bus);
}
