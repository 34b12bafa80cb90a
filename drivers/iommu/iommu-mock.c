// SPDX-License-Identifier: GPL-2.0
/*
 * Mock IOMMU driver for the KUnit suites of the IOMMU core.
 *
 * See iommu-mock.h for what it models and how tests use it. The driver is
 * written like any other IOMMU driver: the core reaches it only through
 * &struct iommu_ops and &struct iommu_domain_ops. What is unusual is that
 * every instance builds its own ops tables from its configuration, logs
 * every call, and can be told to fail any call.
 */

#define pr_fmt(fmt)    "iommu-mock: " fmt

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/property.h>
#include <linux/sched/mm.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>
#include <kunit/resource.h>
#include <kunit/test.h>
#include <kunit/test-bug.h>
#include <kunit/visibility.h>
#include <uapi/linux/iommufd.h>

#include "iommu-mock.h"
#include "iommu-priv.h"

/* The bus every mock client device is created on */
static const struct bus_type mock_bus_type = {
	.name = "iommu-mock",
};

/* Orders logged calls across instances */
static atomic64_t mock_seq = ATOMIC64_INIT(0);

/* Names "mock-iommu<N>" of unnamed instances */
static atomic_t mock_instance_nr = ATOMIC_INIT(0);

static const struct fwnode_operations mock_fwnode_ops;

static const char * const mock_op_names[MOCK_OP_NR] = {
	[MOCK_OP_CAPABLE]		= "capable",
	[MOCK_OP_DOMAIN_ALLOC]		= "domain_alloc",
	[MOCK_OP_DOMAIN_ALLOC_PAGING]	= "domain_alloc_paging",
	[MOCK_OP_DOMAIN_ALLOC_IDENTITY]	= "domain_alloc_identity",
	[MOCK_OP_DOMAIN_ALLOC_SVA]	= "domain_alloc_sva",
	[MOCK_OP_DOMAIN_ALLOC_USER]	= "domain_alloc_user",
	[MOCK_OP_PROBE_DEVICE]		= "probe_device",
	[MOCK_OP_RELEASE_DEVICE]	= "release_device",
	[MOCK_OP_PROBE_FINALIZE]	= "probe_finalize",
	[MOCK_OP_DEVICE_GROUP]		= "device_group",
	[MOCK_OP_GET_RESV_REGIONS]	= "get_resv_regions",
	[MOCK_OP_IS_ATTACH_DEFERRED]	= "is_attach_deferred",
	[MOCK_OP_DEV_ENABLE_FEAT]	= "dev_enable_feat",
	[MOCK_OP_DEV_DISABLE_FEAT]	= "dev_disable_feat",
	[MOCK_OP_PAGE_RESPONSE]		= "page_response",
	[MOCK_OP_DEF_DOMAIN_TYPE]	= "def_domain_type",
	[MOCK_OP_REMOVE_DEV_PASID]	= "remove_dev_pasid",
	[MOCK_OP_ATTACH_DEV]		= "attach_dev",
	[MOCK_OP_SET_DEV_PASID]		= "set_dev_pasid",
	[MOCK_OP_MAP_PAGES]		= "map_pages",
	[MOCK_OP_UNMAP_PAGES]		= "unmap_pages",
	[MOCK_OP_FLUSH_IOTLB_ALL]	= "flush_iotlb_all",
	[MOCK_OP_IOTLB_SYNC_MAP]	= "iotlb_sync_map",
	[MOCK_OP_IOTLB_SYNC]		= "iotlb_sync",
	[MOCK_OP_IOVA_TO_PHYS]		= "iova_to_phys",
	[MOCK_OP_ENFORCE_CACHE_COHERENCY] = "enforce_cache_coherency",
	[MOCK_OP_ENABLE_NESTING]	= "enable_nesting",
	[MOCK_OP_SET_PGTABLE_QUIRKS]	= "set_pgtable_quirks",
	[MOCK_OP_FREE]			= "free",
};

const char *mock_op_name(enum mock_op op)
{
	if (op >= MOCK_OP_NR)
		return "?";
	return mock_op_names[op];
}
EXPORT_SYMBOL_IF_KUNIT(mock_op_name);

const struct bus_type *mock_iommu_bus(void)
{
	return &mock_bus_type;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_bus);

static const char *mock_name(struct mock_iommu *inst)
{
	return dev_name(&inst->hwdev);
}

/* ---- logging, failure injection, contract checks ------------------------ */

#define MOCK_CALL(_op, _dev, _domain) \
	((struct mock_call) { .op = (_op), .dev = (_dev), .domain = (_domain) })

/*
 * Decide whether this call fails. Returns the injected errno (0 for none)
 * and, for map_pages, how many pages to map first.
 */
static int mock_inject(struct mock_iommu *inst, struct mock_call *call,
		       unsigned int *partial)
{
	struct mock_fault *f = &inst->faults[call->op];
	int err = 0;

	spin_lock(&inst->lock);
	if (f->err && (!f->dev || f->dev == call->dev) &&
	    (!f->domain || f->domain == call->domain)) {
		f->seen++;
		if (!f->nth || f->seen == f->nth) {
			err = f->err;
			if (partial)
				*partial = f->partial;
			f->fired++;
			if (f->nth)
				f->err = 0;
			call->injected = true;
		}
	}
	spin_unlock(&inst->lock);
	return err;
}

static void mock_log(struct mock_iommu *inst, struct mock_call *call)
{
	call->inst = inst;
	call->seq = atomic64_inc_return(&mock_seq);

	spin_lock(&inst->lock);
	inst->log[inst->log_len % MOCK_LOG_SIZE] = *call;
	inst->log_len++;
	inst->counts[call->op]++;
	spin_unlock(&inst->lock);
}

static __printf(2, 3) void mock_violation(struct mock_iommu *inst,
					  const char *fmt, ...)
{
	char msg[192];
	va_list args;

	spin_lock(&inst->lock);
	inst->violations++;
	spin_unlock(&inst->lock);

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);

	pr_err("%s: contract violation: %s\n", mock_name(inst), msg);
	kunit_fail_current_test("mock IOMMU %s: contract violation: %s",
				mock_name(inst), msg);
}

/* Turn an injected error into what a pointer-returning op gives back */
static void *mock_err_ptr(int err)
{
	return err == MOCK_FAIL_NULL ? NULL : ERR_PTR(err);
}

static long mock_ptr_ret(const void *p)
{
	if (!p)
		return 0;
	return IS_ERR(p) ? PTR_ERR(p) : 1;
}

/* ---- lookups -------------------------------------------------------------- */

static int mock_attach_dev(struct iommu_domain *domain, struct device *dev);
static int mock_set_dev_pasid(struct iommu_domain *domain, struct device *dev,
			      ioasid_t pasid, struct iommu_domain *old);

struct mock_domain *to_mock_domain(struct iommu_domain *domain)
{
	/*
	 * Recognise the mock's domains by their ops, without looking at
	 * anything else: every op table of the mock attaches through
	 * mock_attach_dev(), except SVA domains, which only do PASIDs.
	 */
	if (!domain || !domain->ops)
		return NULL;
	if (domain->ops->attach_dev != mock_attach_dev &&
	    domain->ops->set_dev_pasid != mock_set_dev_pasid)
		return NULL;
	return container_of(domain, struct mock_domain, domain);
}
EXPORT_SYMBOL_IF_KUNIT(to_mock_domain);

/* For the ops: the domain is known to be ours */
static struct mock_domain *md_of(struct iommu_domain *domain)
{
	return container_of(domain, struct mock_domain, domain);
}

static struct mock_iommu *mock_inst_of_fwnode(struct fwnode_handle *fwnode)
{
	if (IS_ERR_OR_NULL(fwnode) || fwnode->ops != &mock_fwnode_ops)
		return NULL;
	return container_of(fwnode, struct mock_iommu, fwnode);
}

/* Find the mock state of a device that is not probed yet */
static struct mock_dev *mock_find_dev(struct mock_iommu *inst,
				      struct device *dev)
{
	struct mock_dev *mdev, *found = NULL;

	spin_lock(&inst->lock);
	list_for_each_entry(mdev, &inst->devices, node) {
		if (mdev->dev == dev) {
			found = mdev;
			break;
		}
	}
	spin_unlock(&inst->lock);
	return found;
}

struct mock_dev *to_mock_dev(struct device *dev)
{
	struct iommu_fwspec *fwspec;
	struct mock_iommu *inst;

	if (!dev)
		return NULL;
	if (dev->bus == &mock_bus_type)
		return container_of(dev, struct mock_dev, own);
	if (!dev->iommu)
		return NULL;
	fwspec = dev_iommu_fwspec_get(dev);
	inst = mock_inst_of_fwnode(fwspec ? fwspec->iommu_fwnode : NULL);
	if (!inst)
		return NULL;
	if (dev->iommu->priv)
		return dev->iommu->priv;
	return mock_find_dev(inst, dev);
}
EXPORT_SYMBOL_IF_KUNIT(to_mock_dev);

/* For the ops: @dev was probed by us */
static struct mock_dev *mdev_of(struct device *dev)
{
	return dev_iommu_priv_get(dev);
}

static unsigned long mock_default_pgsizes(struct mock_iommu *inst)
{
	return inst->cfg.pgsize_bitmap;
}

/* ---- domains ------------------------------------------------------------ */

static struct mock_domain *mock_domain_new(struct mock_iommu *inst,
					   unsigned int alloc_type,
					   struct device *dev,
					   const struct iommu_domain_ops *ops)
{
	struct mock_domain *md;

	md = kzalloc(sizeof(*md), GFP_KERNEL);
	if (!md)
		return NULL;

	md->inst = inst;
	md->alloc_type = alloc_type;
	md->alloc_dev = dev;
	xa_init(&md->pages);
	md->domain.ops = ops;
	md->domain.geometry.aperture_start = 0;
	md->domain.geometry.aperture_end = inst->cfg.aperture_end;
	md->domain.geometry.force_aperture = true;
	if (ops == &inst->paging_ops) {
		if (!inst->cfg.leave_pgsize_zero)
			md->domain.pgsize_bitmap = mock_default_pgsizes(inst);
		if (inst->cfg.use_default_domain_ops)
			md->domain.ops = NULL;
	}

	spin_lock(&inst->lock);
	list_add_tail(&md->node, &inst->domains);
	inst->domains_allocated++;
	spin_unlock(&inst->lock);
	return md;
}

/* A static domain: fully initialised here, never freed by the core */
static struct mock_domain *mock_static_new(struct mock_iommu *inst,
					   unsigned int type)
{
	struct mock_domain *md;

	md = kzalloc(sizeof(*md), GFP_KERNEL);
	if (!md)
		return NULL;
	md->inst = inst;
	md->is_static = true;
	md->alloc_type = type;
	INIT_LIST_HEAD(&md->node);
	xa_init(&md->pages);
	md->domain.type = type;
	md->domain.ops = &inst->static_ops;
	return md;
}

static struct iommu_domain *mock_paging_alloc(struct mock_iommu *inst,
					      unsigned int type,
					      struct device *dev)
{
	struct mock_domain *md = mock_domain_new(inst, type, dev,
						 &inst->paging_ops);

	return md ? &md->domain : NULL;
}

static struct iommu_domain *mock_simple_alloc(struct mock_iommu *inst,
					      unsigned int type,
					      struct device *dev)
{
	struct mock_domain *md = mock_domain_new(inst, type, dev,
						 &inst->identity_ops);

	return md ? &md->domain : NULL;
}

static struct iommu_domain *mock_sva_alloc(struct mock_iommu *inst,
					   struct device *dev)
{
	struct mock_domain *md = mock_domain_new(inst, IOMMU_DOMAIN_SVA, dev,
						 &inst->sva_ops);

	return md ? &md->domain : NULL;
}

/* domain_alloc() for the instance behind a trampoline slot */
static struct iommu_domain *mock_domain_alloc_legacy(struct mock_iommu *inst,
						     unsigned int type)
{
	struct mock_call call = MOCK_CALL(MOCK_OP_DOMAIN_ALLOC, NULL, NULL);
	struct iommu_domain *domain = NULL;
	int err;

	call.type = type;
	err = mock_inject(inst, &call, NULL);
	if (err) {
		domain = mock_err_ptr(err);
		goto out;
	}

	switch (type) {
	case IOMMU_DOMAIN_IDENTITY:
		if (inst->cfg.identity == MOCK_IDENTITY_LEGACY)
			domain = mock_simple_alloc(inst, type, NULL);
		break;
	case IOMMU_DOMAIN_BLOCKED:
		if (inst->cfg.blocked == MOCK_BLOCKED_LEGACY)
			domain = mock_simple_alloc(inst, type, NULL);
		break;
	case IOMMU_DOMAIN_UNMANAGED:
	case IOMMU_DOMAIN_DMA:
		if (inst->cfg.legacy_paging)
			domain = mock_paging_alloc(inst, type, NULL);
		break;
	case IOMMU_DOMAIN_SVA:
		if (inst->cfg.legacy_sva)
			domain = mock_sva_alloc(inst, NULL);
		break;
	default:
		/* Like a legacy driver: anything unknown is simply NULL */
		break;
	}
out:
	call.domain = IS_ERR_OR_NULL(domain) ? NULL : domain;
	call.ret = mock_ptr_ret(domain);
	mock_log(inst, &call);
	return domain;
}

/*
 * domain_alloc_paging(): the device tells which instance allocates; without
 * one (the legacy bus allocator) the instance behind the trampoline slot.
 */
static struct iommu_domain *mock_domain_alloc_paging(struct mock_iommu *inst,
						     struct device *dev)
{
	struct mock_call call = MOCK_CALL(MOCK_OP_DOMAIN_ALLOC_PAGING, dev,
					  NULL);
	struct iommu_domain *domain;
	int err;

	if (dev)
		inst = mdev_of(dev)->inst;

	err = mock_inject(inst, &call, NULL);
	if (err)
		domain = mock_err_ptr(err);
	else
		domain = mock_paging_alloc(inst, 0, dev);

	call.domain = IS_ERR_OR_NULL(domain) ? NULL : domain;
	call.ret = mock_ptr_ret(domain);
	mock_log(inst, &call);
	return domain;
}

/*
 * The legacy allocator and domain_alloc_paging(NULL) are not told which
 * instance is asked. Each instance therefore gets a slot whose trampolines
 * know it.
 */
#define MOCK_NR_SLOTS 16

static struct mock_iommu *mock_slots[MOCK_NR_SLOTS];
static DEFINE_SPINLOCK(mock_slots_lock);

#define MOCK_SLOT_FNS(n)						\
static struct iommu_domain *mock_slot_legacy_##n(unsigned int type)	\
{									\
	return mock_domain_alloc_legacy(READ_ONCE(mock_slots[n]), type);\
}									\
static struct iommu_domain *mock_slot_paging_##n(struct device *dev)	\
{									\
	return mock_domain_alloc_paging(READ_ONCE(mock_slots[n]), dev);	\
}

MOCK_SLOT_FNS(0)
MOCK_SLOT_FNS(1)
MOCK_SLOT_FNS(2)
MOCK_SLOT_FNS(3)
MOCK_SLOT_FNS(4)
MOCK_SLOT_FNS(5)
MOCK_SLOT_FNS(6)
MOCK_SLOT_FNS(7)
MOCK_SLOT_FNS(8)
MOCK_SLOT_FNS(9)
MOCK_SLOT_FNS(10)
MOCK_SLOT_FNS(11)
MOCK_SLOT_FNS(12)
MOCK_SLOT_FNS(13)
MOCK_SLOT_FNS(14)
MOCK_SLOT_FNS(15)

#define MOCK_SLOT_ENTRY(n) { mock_slot_legacy_##n, mock_slot_paging_##n }

static const struct {
	struct iommu_domain *(*legacy)(unsigned int type);
	struct iommu_domain *(*paging)(struct device *dev);
} mock_slot_fns[MOCK_NR_SLOTS] = {
	MOCK_SLOT_ENTRY(0), MOCK_SLOT_ENTRY(1), MOCK_SLOT_ENTRY(2),
	MOCK_SLOT_ENTRY(3), MOCK_SLOT_ENTRY(4), MOCK_SLOT_ENTRY(5),
	MOCK_SLOT_ENTRY(6), MOCK_SLOT_ENTRY(7), MOCK_SLOT_ENTRY(8),
	MOCK_SLOT_ENTRY(9), MOCK_SLOT_ENTRY(10), MOCK_SLOT_ENTRY(11),
	MOCK_SLOT_ENTRY(12), MOCK_SLOT_ENTRY(13), MOCK_SLOT_ENTRY(14),
	MOCK_SLOT_ENTRY(15),
};

static int mock_slot_get(struct mock_iommu *inst)
{
	int i, slot = -ENOSPC;

	spin_lock(&mock_slots_lock);
	for (i = 0; i < MOCK_NR_SLOTS; i++) {
		if (!mock_slots[i]) {
			WRITE_ONCE(mock_slots[i], inst);
			slot = i;
			break;
		}
	}
	spin_unlock(&mock_slots_lock);
	return slot;
}

static void mock_slot_put(int slot)
{
	spin_lock(&mock_slots_lock);
	WRITE_ONCE(mock_slots[slot], NULL);
	spin_unlock(&mock_slots_lock);
}

static struct iommu_domain *mock_domain_alloc_identity(struct device *dev)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_iommu *inst = mdev->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_DOMAIN_ALLOC_IDENTITY, dev,
					  NULL);
	struct iommu_domain *domain;
	int err;

	call.type = IOMMU_DOMAIN_IDENTITY;
	err = mock_inject(inst, &call, NULL);
	if (err)
		domain = mock_err_ptr(err);
	else if (mdev->cfg.flags & MOCK_DEV_NO_IDENTITY)
		domain = ERR_PTR(mdev->cfg.identity_errno ?: -EOPNOTSUPP);
	else
		domain = mock_simple_alloc(inst, IOMMU_DOMAIN_IDENTITY, dev);

	call.domain = IS_ERR_OR_NULL(domain) ? NULL : domain;
	call.ret = mock_ptr_ret(domain);
	mock_log(inst, &call);
	return domain;
}

static struct iommu_domain *mock_domain_alloc_sva(struct device *dev,
						  struct mm_struct *mm)
{
	struct mock_iommu *inst = mdev_of(dev)->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_DOMAIN_ALLOC_SVA, dev, NULL);
	struct iommu_domain *domain;
	int err;

	call.type = IOMMU_DOMAIN_SVA;
	err = mock_inject(inst, &call, NULL);
	if (err)
		domain = mock_err_ptr(err);
	else
		domain = mock_sva_alloc(inst, dev);

	call.domain = IS_ERR_OR_NULL(domain) ? NULL : domain;
	call.ret = mock_ptr_ret(domain);
	mock_log(inst, &call);
	return domain;
}

static struct iommu_domain *mock_nested_alloc(struct mock_iommu *inst,
					      struct mock_domain *parent,
					      struct device *dev)
{
	struct mock_domain *md;

	md = mock_domain_new(inst, IOMMU_DOMAIN_NESTED, dev,
			     &inst->nested_ops);
	if (!md)
		return ERR_PTR(-ENOMEM);
	md->parent = parent;
	md->domain.type = IOMMU_DOMAIN_NESTED;
	return &md->domain;
}

static struct iommu_domain *
mock_domain_alloc_user(struct device *dev, u32 flags,
		       struct iommu_domain *parent,
		       const struct iommu_user_data *user_data)
{
	const u32 known = IOMMU_HWPT_ALLOC_NEST_PARENT |
			  IOMMU_HWPT_ALLOC_DIRTY_TRACKING;
	struct mock_iommu *inst = mdev_of(dev)->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_DOMAIN_ALLOC_USER, dev,
					  parent);
	struct iommu_domain *domain;
	struct mock_domain *pmd;
	int err;

	call.type = flags;
	err = mock_inject(inst, &call, NULL);
	if (err) {
		domain = mock_err_ptr(err);
		goto out;
	}

	if (flags & ~known) {
		domain = ERR_PTR(-EOPNOTSUPP);
		goto out;
	}

	if (parent) {
		pmd = to_mock_domain(parent);
		if (!pmd || pmd->inst != inst || !pmd->nesting_enabled ||
		    flags) {
			domain = ERR_PTR(-EINVAL);
			goto out;
		}
		domain = mock_nested_alloc(inst, pmd, dev);
		goto out;
	}

	domain = mock_paging_alloc(inst, IOMMU_DOMAIN_UNMANAGED, dev);
	if (!domain) {
		domain = ERR_PTR(-ENOMEM);
		goto out;
	}
	domain->type = IOMMU_DOMAIN_UNMANAGED;
	if (!domain->ops)
		domain->ops = &inst->paging_ops;
	if (!domain->pgsize_bitmap)
		domain->pgsize_bitmap = mock_default_pgsizes(inst);
	if (flags & IOMMU_HWPT_ALLOC_NEST_PARENT)
		md_of(domain)->nesting_enabled = true;
out:
	call.domain = IS_ERR_OR_NULL(domain) ? NULL : domain;
	call.ret = mock_ptr_ret(domain);
	mock_log(inst, &call);
	return domain;
}

struct iommu_domain *mock_domain_alloc_nested(struct mock_iommu *inst,
					      struct iommu_domain *parent)
{
	struct mock_domain *pmd = to_mock_domain(parent);
	struct iommu_domain *domain;

	if (!pmd || pmd->inst != inst)
		return ERR_PTR(-EINVAL);
	pmd->nesting_enabled = true;
	domain = mock_nested_alloc(inst, pmd, NULL);
	if (!IS_ERR(domain))
		domain->owner = inst->iommu.ops;
	return domain;
}
EXPORT_SYMBOL_IF_KUNIT(mock_domain_alloc_nested);

/* A device or PASID of this instance still translates through @domain? */
static bool mock_domain_in_use(struct mock_iommu *inst,
			       struct iommu_domain *domain)
{
	struct mock_dev *mdev;
	unsigned long index;
	void *entry;
	bool used = false;

	spin_lock(&inst->lock);
	list_for_each_entry(mdev, &inst->devices, node) {
		if (mdev->rid_domain == domain) {
			used = true;
			break;
		}
		xa_for_each(&mdev->pasids, index, entry) {
			if (entry == domain) {
				used = true;
				break;
			}
		}
		if (used)
			break;
	}
	spin_unlock(&inst->lock);
	return used;
}

static void mock_domain_free(struct iommu_domain *domain)
{
	struct mock_domain *md = md_of(domain);
	struct mock_iommu *inst = md->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_FREE, NULL, domain);

	call.type = domain->type;
	mock_inject(inst, &call, NULL);
	mock_log(inst, &call);

	if (mock_domain_in_use(inst, domain))
		mock_violation(inst, "domain %p (type %#x) freed while a device still uses it",
			       domain, domain->type);

	spin_lock(&inst->lock);
	list_del(&md->node);
	inst->domains_freed++;
	spin_unlock(&inst->lock);

	xa_destroy(&md->pages);
	kfree(md);
}

/* ---- attach --------------------------------------------------------------- */

/* May @domain be attached to a device of @inst at all? */
static int mock_compatible(struct mock_iommu *inst, struct mock_domain *md)
{
	/* Static domains work with every instance of the driver */
	if (md->is_static)
		return 0;
	/* Allocated domains use the page table format of their instance */
	if (md->inst != inst)
		return -EINVAL;
	if (md->parent && md->parent->inst != inst)
		return -EINVAL;
	return 0;
}

static int mock_attach_dev(struct iommu_domain *domain, struct device *dev)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_iommu *inst = mdev->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_ATTACH_DEV, dev, domain);
	int ret;

	call.type = domain->type;
	if (!mdev->probed)
		mock_violation(inst, "attach_dev for %s, which is not probed",
			       dev_name(dev));

	ret = mock_inject(inst, &call, NULL);
	if (!ret)
		ret = mock_compatible(inst, md_of(domain));
	if (!ret)
		WRITE_ONCE(mdev->rid_domain, domain);

	call.ret = ret;
	mock_log(inst, &call);
	return ret;
}

static int mock_set_dev_pasid(struct iommu_domain *domain, struct device *dev,
			      ioasid_t pasid, struct iommu_domain *old)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_iommu *inst = mdev->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_SET_DEV_PASID, dev, domain);
	int ret;

	call.type = domain->type;
	call.pasid = pasid;
	if (pasid == IOMMU_NO_PASID || pasid >= dev->iommu->max_pasids)
		mock_violation(inst, "set_dev_pasid(%u) for %s, which has %u PASIDs",
			       pasid, dev_name(dev), dev->iommu->max_pasids);

	ret = mock_inject(inst, &call, NULL);
	if (!ret)
		ret = mock_compatible(inst, md_of(domain));
	if (!ret)
		ret = xa_err(xa_store(&mdev->pasids, pasid, domain,
				      GFP_KERNEL));

	call.ret = ret;
	mock_log(inst, &call);
	return ret;
}

static void mock_remove_dev_pasid(struct device *dev, ioasid_t pasid,
				  struct iommu_domain *domain)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_iommu *inst = mdev->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_REMOVE_DEV_PASID, dev,
					  domain);
	void *installed;

	call.pasid = pasid;
	mock_inject(inst, &call, NULL);
	installed = xa_erase(&mdev->pasids, pasid);
	if (installed != domain)
		mock_violation(inst, "remove_dev_pasid(%u) of %s with %p, not %p",
			       pasid, dev_name(dev), domain, installed);
	mock_log(inst, &call);
}

/* ---- mappings --------------------------------------------------------------- */

/* The unit of the mapping index: the smallest page size of the domain */
static unsigned int mock_unit_shift(struct iommu_domain *domain)
{
	return __ffs(domain->pgsize_bitmap);
}

static void *mock_entry(phys_addr_t paddr, unsigned int order)
{
	return xa_mk_value((unsigned long)((paddr >> PAGE_SHIFT) << 6) | order);
}

static phys_addr_t mock_entry_paddr(void *entry)
{
	return (phys_addr_t)(xa_to_value(entry) >> 6) << PAGE_SHIFT;
}

static unsigned int mock_entry_order(void *entry)
{
	return xa_to_value(entry) & 63;
}

/*
 * Find the mapping covering @iova. A mapping of size 2^k starts at an IOVA
 * aligned to 2^k, so there is only one place to look per page size.
 */
static bool mock_lookup(struct mock_domain *md, unsigned long iova,
			unsigned long *start, phys_addr_t *paddr, size_t *size)
{
	unsigned long bitmap = md->domain.pgsize_bitmap;
	unsigned int shift = mock_unit_shift(&md->domain);
	unsigned int bit;

	for_each_set_bit(bit, &bitmap, BITS_PER_LONG) {
		unsigned long s = iova & ~((1UL << bit) - 1);
		void *entry = xa_load(&md->pages, s >> shift);

		if (entry && mock_entry_order(entry) == bit) {
			*start = s;
			*paddr = mock_entry_paddr(entry);
			*size = 1UL << bit;
			return true;
		}
	}
	return false;
}

/* Is any part of [iova, iova + size) mapped? */
static bool mock_range_busy(struct mock_domain *md, unsigned long iova,
			    size_t size)
{
	unsigned int shift = mock_unit_shift(&md->domain);
	unsigned long index = iova >> shift;
	unsigned long s;
	phys_addr_t pa;
	size_t sz;

	if (mock_lookup(md, iova, &s, &pa, &sz))
		return true;
	return xa_find(&md->pages, &index, (iova + size - 1) >> shift,
		       XA_PRESENT) != NULL;
}

static int mock_map_pages(struct iommu_domain *domain, unsigned long iova,
			  phys_addr_t paddr, size_t pgsize, size_t pgcount,
			  int prot, gfp_t gfp, size_t *mapped)
{
	struct mock_domain *md = md_of(domain);
	struct mock_iommu *inst = md->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_MAP_PAGES, NULL, domain);
	unsigned int shift = mock_unit_shift(domain);
	unsigned int partial = 0;
	size_t i, limit = pgcount;
	int err, ret = 0;

	call.iova = iova;
	call.paddr = paddr;
	call.pgsize = pgsize;
	call.count = pgcount;
	call.prot = prot;

	if (!(domain->type & __IOMMU_DOMAIN_PAGING))
		mock_violation(inst, "map_pages on a domain of type %#x",
			       domain->type);
	if (!is_power_of_2(pgsize) || !(pgsize & domain->pgsize_bitmap) ||
	    !pgcount || !IS_ALIGNED(iova | paddr, pgsize)) {
		mock_violation(inst, "bad map_pages(%#lx, %#llx, %#zx, %zu)",
			       iova, (unsigned long long)paddr, pgsize,
			       pgcount);
		ret = -EINVAL;
		goto out;
	}

	err = mock_inject(inst, &call, &partial);
	if (err)
		limit = min_t(size_t, partial, pgcount);

	/* Like io-pgtable: a mapping must allow some access */
	if (!(prot & (IOMMU_READ | IOMMU_WRITE))) {
		ret = -EINVAL;
		goto out;
	}

	for (i = 0; i < limit; i++) {
		unsigned long addr = iova + i * pgsize;
		phys_addr_t pa = paddr + i * pgsize;

		if (addr + pgsize - 1 > domain->geometry.aperture_end ||
		    addr + pgsize - 1 < addr) {
			ret = -ERANGE;
			break;
		}
		if (mock_range_busy(md, addr, pgsize)) {
			ret = -EEXIST;
			break;
		}
		ret = xa_err(xa_store(&md->pages, addr >> shift,
				      mock_entry(pa, ilog2(pgsize)), gfp));
		if (ret)
			break;
		*mapped += pgsize;
	}
	if (!ret && err)
		ret = err;
out:
	call.ret = ret;
	mock_log(inst, &call);
	return ret;
}

/* Remove every mapping starting inside [iova, iova + size) */
static size_t mock_clear_range(struct mock_domain *md, unsigned long iova,
			       size_t size,
			       struct iommu_iotlb_gather *gather)
{
	unsigned int shift = mock_unit_shift(&md->domain);
	unsigned long index = iova >> shift;
	unsigned long last = (iova + size - 1) >> shift;
	size_t removed = 0;
	void *entry;

	xa_for_each_range(&md->pages, index, entry, iova >> shift, last) {
		size_t sz = 1UL << mock_entry_order(entry);

		xa_erase(&md->pages, index);
		if (gather)
			iommu_iotlb_gather_add_page(&md->domain, gather,
						    index << shift, sz);
		removed += sz;
	}
	return removed;
}

static size_t mock_unmap_pages(struct iommu_domain *domain, unsigned long iova,
			       size_t pgsize, size_t pgcount,
			       struct iommu_iotlb_gather *gather)
{
	struct mock_domain *md = md_of(domain);
	struct mock_iommu *inst = md->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_UNMAP_PAGES, NULL, domain);
	unsigned int shift = mock_unit_shift(domain);
	size_t unmapped = 0;
	size_t i;

	call.iova = iova;
	call.pgsize = pgsize;
	call.count = pgcount;

	if (!is_power_of_2(pgsize) || !(pgsize & domain->pgsize_bitmap) ||
	    !pgcount || !IS_ALIGNED(iova, pgsize)) {
		mock_violation(inst, "bad unmap_pages(%#lx, %#zx, %zu)",
			       iova, pgsize, pgcount);
		goto out;
	}

	mock_inject(inst, &call, NULL);
	if (call.injected)
		goto out;

	for (i = 0; i < pgcount; i++) {
		unsigned long addr = iova + i * pgsize;
		unsigned long start;
		phys_addr_t pa;
		size_t sz;

		if (mock_lookup(md, addr, &start, &pa, &sz) && sz >= pgsize) {
			/* One mapping covers the page; maybe a larger one */
			xa_erase(&md->pages, start >> shift);
			if (gather)
				iommu_iotlb_gather_add_page(domain, gather,
							    start, sz);
			unmapped += sz;
			if (sz > pgsize)
				break;
			continue;
		}

		/* Smaller mappings inside the page go as a whole, like a table */
		if (!mock_clear_range(md, addr, pgsize, gather))
			break;
		unmapped += pgsize;
	}
out:
	call.ret = unmapped;
	mock_log(inst, &call);
	return unmapped;
}

static phys_addr_t mock_iova_to_phys(struct iommu_domain *domain,
				     dma_addr_t iova)
{
	struct mock_domain *md = md_of(domain);
	struct mock_call call = MOCK_CALL(MOCK_OP_IOVA_TO_PHYS, NULL, domain);
	phys_addr_t pa = 0, base;
	unsigned long start;
	size_t size;

	call.iova = iova;
	if (mock_lookup(md, iova, &start, &base, &size))
		pa = base + (iova - start);
	call.paddr = pa;
	call.ret = pa != 0;
	mock_log(md->inst, &call);
	return pa;
}

static void mock_flush_iotlb_all(struct iommu_domain *domain)
{
	struct mock_call call = MOCK_CALL(MOCK_OP_FLUSH_IOTLB_ALL, NULL,
					  domain);

	mock_log(md_of(domain)->inst, &call);
}

static int mock_iotlb_sync_map(struct iommu_domain *domain, unsigned long iova,
			       size_t size)
{
	struct mock_iommu *inst = md_of(domain)->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_IOTLB_SYNC_MAP, NULL, domain);
	int ret;

	call.iova = iova;
	call.count = size;
	ret = mock_inject(inst, &call, NULL);
	call.ret = ret;
	mock_log(inst, &call);
	return ret;
}

static void mock_iotlb_sync(struct iommu_domain *domain,
			    struct iommu_iotlb_gather *gather)
{
	struct mock_call call = MOCK_CALL(MOCK_OP_IOTLB_SYNC, NULL, domain);

	call.iova = gather->start;
	call.count = gather->end;
	call.pgsize = gather->pgsize;
	mock_log(md_of(domain)->inst, &call);
}

static bool mock_enforce_cache_coherency(struct iommu_domain *domain)
{
	struct mock_domain *md = md_of(domain);
	struct mock_call call = MOCK_CALL(MOCK_OP_ENFORCE_CACHE_COHERENCY,
					  NULL, domain);
	bool ok;

	/* Like VT-d: only possible before the first mapping */
	ok = !mock_inject(md->inst, &call, NULL) &&
	     (md->coherent || xa_empty(&md->pages));
	if (ok)
		md->coherent = true;
	call.ret = ok;
	mock_log(md->inst, &call);
	return ok;
}

static int mock_enable_nesting(struct iommu_domain *domain)
{
	struct mock_domain *md = md_of(domain);
	struct mock_call call = MOCK_CALL(MOCK_OP_ENABLE_NESTING, NULL, domain);
	int ret;

	ret = mock_inject(md->inst, &call, NULL);
	if (!ret)
		md->nesting_enabled = true;
	call.ret = ret;
	mock_log(md->inst, &call);
	return ret;
}

static int mock_set_pgtable_quirks(struct iommu_domain *domain,
				   unsigned long quirks)
{
	struct mock_domain *md = md_of(domain);
	struct mock_call call = MOCK_CALL(MOCK_OP_SET_PGTABLE_QUIRKS, NULL,
					  domain);
	int ret;

	call.count = quirks;
	ret = mock_inject(md->inst, &call, NULL);
	if (!ret)
		md->quirks = quirks;
	call.ret = ret;
	mock_log(md->inst, &call);
	return ret;
}

size_t mock_domain_mapped(struct iommu_domain *domain)
{
	struct mock_domain *md = to_mock_domain(domain);
	unsigned long index;
	size_t total = 0;
	void *entry;

	if (!md)
		return 0;
	xa_for_each(&md->pages, index, entry)
		total += 1UL << mock_entry_order(entry);
	return total;
}
EXPORT_SYMBOL_IF_KUNIT(mock_domain_mapped);

/* ---- device ops ------------------------------------------------------------- */

static bool mock_capable(struct device *dev, enum iommu_cap cap)
{
	struct mock_iommu *inst = mdev_of(dev)->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_CAPABLE, dev, NULL);
	bool ret;

	call.type = cap;
	ret = !mock_inject(inst, &call, NULL) && (inst->cfg.caps & BIT(cap));
	call.ret = ret;
	mock_log(inst, &call);
	return ret;
}

static struct iommu_device *mock_probe_device(struct device *dev)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);
	struct mock_iommu *inst;
	struct mock_dev *mdev;
	struct mock_call call = MOCK_CALL(MOCK_OP_PROBE_DEVICE, dev, NULL);
	struct iommu_device *ret;
	int err;

	inst = mock_inst_of_fwnode(fwspec ? fwspec->iommu_fwnode : NULL);
	if (!inst)
		return ERR_PTR(-ENODEV);

	mdev = mock_find_dev(inst, dev);
	/* Being put on the bus for a later bus_iommu_probe(): not yet */
	if (mdev && mdev->hold)
		return ERR_PTR(-ENODEV);

	err = mock_inject(inst, &call, NULL);
	if (err)
		ret = mock_err_ptr(err);
	else if (!mdev || (mdev->cfg.flags & MOCK_DEV_NOT_MINE))
		ret = ERR_PTR(-ENODEV);
	else
		ret = &inst->iommu;

	if (!IS_ERR_OR_NULL(ret)) {
		mdev->probed = true;
		dev_iommu_priv_set(dev, mdev);
	}
	call.ret = mock_ptr_ret(ret);
	mock_log(inst, &call);
	return ret;
}

static void mock_release_device(struct device *dev)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_iommu *inst = mdev->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_RELEASE_DEVICE, dev, NULL);

	mock_inject(inst, &call, NULL);
	mock_log(inst, &call);

	/* The hardware forgets the device; PASIDs left behind go with it */
	spin_lock(&inst->lock);
	mdev->probed = false;
	mdev->rid_domain = NULL;
	spin_unlock(&inst->lock);
	xa_destroy(&mdev->pasids);
}

static void mock_probe_finalize(struct device *dev)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_call call = MOCK_CALL(MOCK_OP_PROBE_FINALIZE, dev, NULL);

	/*
	 * Adding a probed device to the bus makes the core offer it again,
	 * which only repeats probe_finalize(); that is not a probe.
	 */
	if (mdev->adding)
		return;
	mock_inject(mdev->inst, &call, NULL);
	mock_log(mdev->inst, &call);
}

static struct iommu_group *mock_device_group(struct device *dev)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_iommu *inst = mdev->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_DEVICE_GROUP, dev, NULL);
	struct iommu_group *group;
	int err;

	err = mock_inject(inst, &call, NULL);
	if (err)
		group = mock_err_ptr(err);
	else if (mdev->cfg.group_with)
		group = iommu_group_get(mdev->cfg.group_with) ?:
			ERR_PTR(-ENODEV);
	else if (dev_is_pci(dev))
		group = pci_device_group(dev);
	else if (inst->cfg.group == MOCK_GROUP_SINGLE)
		group = generic_single_device_group(dev);
	else
		group = generic_device_group(dev);

	call.ret = IS_ERR_OR_NULL(group) ? mock_ptr_ret(group) :
		   iommu_group_id(group);
	mock_log(inst, &call);
	return group;
}

static void mock_get_resv_regions(struct device *dev, struct list_head *list)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_iommu *inst = mdev->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_GET_RESV_REGIONS, dev, NULL);
	unsigned int i;

	mock_inject(inst, &call, NULL);
	for (i = 0; i < mdev->cfg.nr_resv && !call.injected; i++) {
		const struct mock_resv *r = &mdev->cfg.resv[i];
		struct iommu_resv_region *region;

		region = iommu_alloc_resv_region(r->start, r->length, r->prot,
						 r->type, GFP_KERNEL);
		if (!region)
			break;
		list_add_tail(&region->list, list);
		call.ret++;
	}
	mock_log(inst, &call);
}

static bool mock_is_attach_deferred(struct device *dev)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_call call = MOCK_CALL(MOCK_OP_IS_ATTACH_DEFERRED, dev, NULL);
	bool ret;

	ret = !mock_inject(mdev->inst, &call, NULL) &&
	      (mdev->cfg.flags & MOCK_DEV_ATTACH_DEFERRED);
	call.ret = ret;
	mock_log(mdev->inst, &call);
	return ret;
}

static int mock_dev_enable_feat(struct device *dev, enum iommu_dev_features f)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_iommu *inst = mdev->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_DEV_ENABLE_FEAT, dev, NULL);
	int ret;

	call.type = f;
	ret = mock_inject(inst, &call, NULL);
	if (ret)
		goto out;

	switch (f) {
	case IOMMU_DEV_FEAT_IOPF:
		if (mdev->features & BIT(f)) {
			ret = -EBUSY;
			break;
		}
		if (inst->iopf_queue)
			ret = iopf_queue_add_device(inst->iopf_queue, dev);
		break;
	case IOMMU_DEV_FEAT_SVA:
		/* SVA needs page faults, which must be enabled first */
		if (!(mdev->features & BIT(IOMMU_DEV_FEAT_IOPF)))
			ret = -EINVAL;
		else if (mdev->features & BIT(f))
			ret = -EBUSY;
		break;
	default:
		ret = -EINVAL;
		break;
	}
	if (!ret)
		mdev->features |= BIT(f);
out:
	call.ret = ret;
	mock_log(inst, &call);
	return ret;
}

static int mock_dev_disable_feat(struct device *dev, enum iommu_dev_features f)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_iommu *inst = mdev->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_DEV_DISABLE_FEAT, dev, NULL);
	int ret;

	call.type = f;
	ret = mock_inject(inst, &call, NULL);
	if (ret)
		goto out;

	if (f > IOMMU_DEV_FEAT_IOPF || !(mdev->features & BIT(f))) {
		ret = -EINVAL;
		goto out;
	}
	if (f == IOMMU_DEV_FEAT_IOPF) {
		/* IOPF goes last */
		if (mdev->features & BIT(IOMMU_DEV_FEAT_SVA)) {
			ret = -EBUSY;
			goto out;
		}
		if (inst->iopf_queue)
			iopf_queue_remove_device(inst->iopf_queue, dev);
	}
	mdev->features &= ~BIT(f);
out:
	call.ret = ret;
	mock_log(inst, &call);
	return ret;
}

static void mock_page_response(struct device *dev, struct iopf_fault *evt,
			       struct iommu_page_response *msg)
{
	struct mock_iommu *inst = mdev_of(dev)->inst;
	struct mock_call call = MOCK_CALL(MOCK_OP_PAGE_RESPONSE, dev, NULL);

	call.pasid = msg->pasid;
	call.count = msg->grpid;
	call.type = msg->code;
	call.iova = evt->fault.prm.addr;
	mock_inject(inst, &call, NULL);
	mock_log(inst, &call);
}

static int mock_def_domain_type(struct device *dev)
{
	struct mock_dev *mdev = mdev_of(dev);
	struct mock_call call = MOCK_CALL(MOCK_OP_DEF_DOMAIN_TYPE, dev, NULL);
	int type = 0;

	if (mock_inject(mdev->inst, &call, NULL))
		type = 0;
	else if (mdev->cfg.def_domain_type)
		type = mdev->cfg.def_domain_type;
	else if (mdev->cfg.flags & MOCK_DEV_WANT_IDENTITY)
		type = IOMMU_DOMAIN_IDENTITY;
	else if (mdev->cfg.flags & MOCK_DEV_WANT_DMA)
		type = IOMMU_DOMAIN_DMA;

	call.ret = type;
	mock_log(mdev->inst, &call);
	return type;
}

/* ---- instances ------------------------------------------------------------ */

static void mock_build_ops(struct mock_iommu *inst)
{
	const struct mock_iommu_config *cfg = &inst->cfg;
	struct iommu_domain_ops *p = &inst->paging_ops;
	struct iommu_ops *ops = &inst->ops;

	/* Paging domains */
	p->attach_dev = mock_attach_dev;
	if (cfg->pasid)
		p->set_dev_pasid = mock_set_dev_pasid;
	p->map_pages = mock_map_pages;
	p->unmap_pages = mock_unmap_pages;
	p->flush_iotlb_all = mock_flush_iotlb_all;
	if (!cfg->no_iotlb_sync_map)
		p->iotlb_sync_map = mock_iotlb_sync_map;
	if (!cfg->no_iotlb_sync)
		p->iotlb_sync = mock_iotlb_sync;
	p->iova_to_phys = mock_iova_to_phys;
	p->enforce_cache_coherency = mock_enforce_cache_coherency;
	if (cfg->nesting) {
		p->enable_nesting = mock_enable_nesting;
		p->set_pgtable_quirks = mock_set_pgtable_quirks;
	}
	p->free = mock_domain_free;

	/* Static domains: attach only, never freed */
	inst->static_ops.attach_dev = mock_attach_dev;

	/* Allocated identity / blocked domains */
	inst->identity_ops.attach_dev = mock_attach_dev;
	inst->identity_ops.free = mock_domain_free;

	/* SVA domains are only ever attached to PASIDs */
	inst->sva_ops.set_dev_pasid = mock_set_dev_pasid;
	inst->sva_ops.free = mock_domain_free;

	/* Nested domains */
	inst->nested_ops.attach_dev = mock_attach_dev;
	if (cfg->pasid)
		inst->nested_ops.set_dev_pasid = mock_set_dev_pasid;
	inst->nested_ops.free = mock_domain_free;

	ops->owner = THIS_MODULE;
	ops->probe_device = mock_probe_device;
	ops->release_device = mock_release_device;
	ops->device_group = mock_device_group;
	ops->pgsize_bitmap = cfg->pgsize_bitmap;
	ops->default_domain_ops = &inst->paging_ops;
	ops->user_pasid_table = cfg->user_pasid_table;

	if (cfg->capable)
		ops->capable = mock_capable;
	if (cfg->legacy_paging || cfg->legacy_sva ||
	    cfg->identity == MOCK_IDENTITY_LEGACY ||
	    cfg->blocked == MOCK_BLOCKED_LEGACY)
		ops->domain_alloc = mock_slot_fns[inst->slot].legacy;
	if (cfg->paging)
		ops->domain_alloc_paging = mock_slot_fns[inst->slot].paging;
	if (cfg->identity == MOCK_IDENTITY_PER_DEVICE)
		ops->domain_alloc_identity = mock_domain_alloc_identity;
	if (cfg->sva)
		ops->domain_alloc_sva = mock_domain_alloc_sva;
	if (cfg->user_alloc)
		ops->domain_alloc_user = mock_domain_alloc_user;
	if (cfg->probe_finalize)
		ops->probe_finalize = mock_probe_finalize;
	if (cfg->resv_regions)
		ops->get_resv_regions = mock_get_resv_regions;
	if (cfg->attach_deferred)
		ops->is_attach_deferred = mock_is_attach_deferred;
	if (cfg->dev_feat) {
		ops->dev_enable_feat = mock_dev_enable_feat;
		ops->dev_disable_feat = mock_dev_disable_feat;
	}
	if (cfg->page_response)
		ops->page_response = mock_page_response;
	if (cfg->def_domain_type)
		ops->def_domain_type = mock_def_domain_type;
	if (cfg->pasid)
		ops->remove_dev_pasid = mock_remove_dev_pasid;
}

static int mock_static_domains(struct mock_iommu *inst)
{
	const struct mock_iommu_config *cfg = &inst->cfg;

	if (cfg->identity == MOCK_IDENTITY_STATIC) {
		inst->identity = mock_static_new(inst, IOMMU_DOMAIN_IDENTITY);
		if (!inst->identity)
			return -ENOMEM;
		inst->ops.identity_domain = &inst->identity->domain;
	}
	if (cfg->blocked == MOCK_BLOCKED_STATIC) {
		inst->blocked = mock_static_new(inst, IOMMU_DOMAIN_BLOCKED);
		if (!inst->blocked)
			return -ENOMEM;
		inst->ops.blocked_domain = &inst->blocked->domain;
	}
	if (cfg->release_domain) {
		inst->release = mock_static_new(inst, IOMMU_DOMAIN_BLOCKED);
		if (!inst->release)
			return -ENOMEM;
		inst->ops.release_domain = &inst->release->domain;
	}
	if (cfg->default_domain) {
		inst->fixed_default = mock_static_new(inst, cfg->default_domain);
		if (!inst->fixed_default)
			return -ENOMEM;
		inst->ops.default_domain = &inst->fixed_default->domain;
	}
	return 0;
}

/* Turn the base configuration and its modifiers into plain settings */
static void mock_resolve_config(struct mock_iommu_config *cfg)
{
	unsigned long without = cfg->without;

	if (cfg->modern) {
		if (cfg->identity == MOCK_IDENTITY_DEFAULT)
			cfg->identity = MOCK_IDENTITY_STATIC;
		if (cfg->blocked == MOCK_BLOCKED_DEFAULT)
			cfg->blocked = MOCK_BLOCKED_STATIC;
		cfg->paging = true;
		cfg->def_domain_type = true;
		cfg->resv_regions = true;
		cfg->sva |= !(without & MOCK_WITHOUT_SVA);
		cfg->pasid |= !(without & MOCK_WITHOUT_PASID);
		cfg->dev_feat |= !(without & MOCK_WITHOUT_DEV_FEAT);
		cfg->page_response |= !(without & MOCK_WITHOUT_PAGE_RESPONSE);
		cfg->iopf_queue |= cfg->page_response;
		cfg->capable |= !(without & MOCK_WITHOUT_CAPABLE);
		if (!cfg->caps)
			cfg->caps = BIT(IOMMU_CAP_CACHE_COHERENCY) |
				    BIT(IOMMU_CAP_DEFERRED_FLUSH);
		if (!cfg->max_pasids)
			cfg->max_pasids = 1U << 20;
	}
	if (cfg->identity == MOCK_IDENTITY_DEFAULT)
		cfg->identity = MOCK_IDENTITY_NONE;
	if (cfg->blocked == MOCK_BLOCKED_DEFAULT)
		cfg->blocked = MOCK_BLOCKED_NONE;
}

static void mock_hwdev_release(struct device *dev)
{
	/* Embedded in the instance, which is freed by its owner */
}

static void mock_iommu_free(struct mock_iommu *inst)
{
	kfree(inst->identity);
	kfree(inst->blocked);
	kfree(inst->release);
	kfree(inst->fixed_default);
	kfree(inst->log);
	if (inst->slot >= 0)
		mock_slot_put(inst->slot);
	put_device(&inst->hwdev);
	kfree(inst);
}

static void mock_iommu_destroy(void *data)
{
	struct mock_iommu *inst = data;
	struct mock_domain *md, *next;
	unsigned int leaked = 0;

	iommu_device_unregister_bus(&inst->iommu, &mock_bus_type, &inst->nb);
	iommu_device_sysfs_remove(&inst->iommu);
	if (inst->iopf_queue)
		iopf_queue_free(inst->iopf_queue);

	if (!list_empty(&inst->devices))
		mock_violation(inst, "devices outlive their IOMMU instance");

	/*
	 * Every device is gone, so nothing the core owns can still point at
	 * a domain of ours; what is left was leaked by its allocator.
	 */
	list_for_each_entry_safe(md, next, &inst->domains, node) {
		list_del(&md->node);
		xa_destroy(&md->pages);
		kfree(md);
		leaked++;
	}
	if (leaked)
		mock_violation(inst, "%u domain(s) never freed", leaked);

	mock_iommu_free(inst);
}

struct mock_iommu *mock_iommu_create(struct kunit *test,
				     const struct mock_iommu_config *cfg)
{
	struct mock_iommu *inst;
	const struct iommu_ops *ops;
	int ret;

	inst = kzalloc(sizeof(*inst), GFP_KERNEL);
	if (!inst)
		return ERR_PTR(-ENOMEM);

	inst->cfg = *cfg;
	mock_resolve_config(&inst->cfg);
	if (!inst->cfg.pgsize_bitmap)
		inst->cfg.pgsize_bitmap = SZ_4K | SZ_2M | SZ_1G;
	if (!inst->cfg.aperture_end)
		inst->cfg.aperture_end = (1ULL << 48) - 1;
	inst->test = test;
	spin_lock_init(&inst->lock);
	INIT_LIST_HEAD(&inst->devices);
	INIT_LIST_HEAD(&inst->domains);
	fwnode_init(&inst->fwnode, &mock_fwnode_ops);
	device_initialize(&inst->hwdev);
	inst->hwdev.release = mock_hwdev_release;
	inst->slot = -1;

	if (cfg->name)
		ret = dev_set_name(&inst->hwdev, "%s", cfg->name);
	else
		ret = dev_set_name(&inst->hwdev, "mock-iommu%d",
				   atomic_inc_return(&mock_instance_nr));
	if (ret)
		goto err_free;
	device_set_node(&inst->hwdev, &inst->fwnode);

	inst->log = kcalloc(MOCK_LOG_SIZE, sizeof(*inst->log), GFP_KERNEL);
	if (!inst->log) {
		ret = -ENOMEM;
		goto err_free;
	}

	inst->slot = mock_slot_get(inst);
	if (inst->slot < 0) {
		ret = inst->slot;
		goto err_free;
	}

	mock_build_ops(inst);
	ret = mock_static_domains(inst);
	if (ret)
		goto err_free;

	if (inst->cfg.iopf_queue) {
		inst->iopf_queue = iopf_queue_alloc(mock_name(inst));
		if (!inst->iopf_queue) {
			ret = -ENOMEM;
			goto err_free;
		}
	}

	/* Gives core messages the instance name (&iommu_device.dev) */
	ret = iommu_device_sysfs_add(&inst->iommu, &inst->hwdev, NULL, "%s",
				     mock_name(inst));
	if (ret)
		goto err_free_queue;

	ops = cfg->share_ops_with ? &cfg->share_ops_with->ops : &inst->ops;
	inst->iommu.fwnode = &inst->fwnode;
	inst->iommu.max_pasids = inst->cfg.max_pasids;
	ret = iommu_device_register_bus(&inst->iommu, ops, &mock_bus_type,
					&inst->nb);
	if (ret)
		goto err_sysfs;

	ret = kunit_add_action_or_reset(test, mock_iommu_destroy, inst);
	if (ret)
		return ERR_PTR(ret);
	return inst;

err_sysfs:
	iommu_device_sysfs_remove(&inst->iommu);
err_free_queue:
	if (inst->iopf_queue)
		iopf_queue_free(inst->iopf_queue);
err_free:
	mock_iommu_free(inst);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_create);

struct fwnode_handle *mock_iommu_fwnode(struct mock_iommu *inst)
{
	return &inst->fwnode;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_fwnode);

/* ---- client devices --------------------------------------------------------- */

static void mock_dev_release(struct device *dev)
{
	struct mock_dev *mdev = container_of(dev, struct mock_dev, own);

	kfree(mdev);
}

static void mock_dev_destroy(void *data)
{
	struct mock_dev *mdev = data;
	struct mock_iommu *inst = mdev->inst;
	struct device *dev = mdev->dev;

	/*
	 * A device probed behind our back (iommu_probe_device() on a
	 * MOCK_DEV_NO_PROBE device) is released through the bus like any
	 * other, so it has to be on the bus first.
	 */
	if (!mdev->added && dev->iommu_group) {
		if (!device_add(dev))
			mdev->added = true;
	}
	if (mdev->added)
		device_del(dev);
	mdev->added = false;

	/* A fwspec of a device that never made it through a probe */
	if (dev->iommu)
		dev_iommu_free(dev);
	if (mdev->swnode.properties)
		device_remove_software_node(dev);

	spin_lock(&inst->lock);
	list_del(&mdev->node);
	spin_unlock(&inst->lock);
	xa_destroy(&mdev->pasids);

	put_device(dev);
}

int mock_dev_add_to_bus(struct device *dev)
{
	struct mock_dev *mdev = to_mock_dev(dev);
	int ret;

	if (!mdev || mdev->added)
		return -EINVAL;
	ret = device_add(dev);
	if (!ret)
		mdev->added = true;
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_add_to_bus);

int mock_dev_probe(struct device *dev)
{
	struct mock_dev *mdev = to_mock_dev(dev);
	int ret;

	if (!mdev)
		return -ENODEV;
	ret = iommu_probe_device(dev);
	if (ret)
		return ret;

	/*
	 * From now on the core's bus notifier follows the device; it offers
	 * the device again, which finds it probed already.
	 */
	mdev->adding = true;
	ret = device_add(dev);
	mdev->adding = false;
	if (!ret)
		mdev->added = true;
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_probe);

struct device *mock_dev_create_cfg(struct kunit *test, struct mock_iommu *inst,
				   const struct mock_dev_config *cfg)
{
	struct mock_dev *mdev;
	struct device *dev;
	u32 bits;
	int ret;

	mdev = kzalloc(sizeof(*mdev), GFP_KERNEL);
	if (!mdev)
		return ERR_PTR(-ENOMEM);

	mdev->cfg = *cfg;
	mdev->cfg.name = NULL;
	mdev->inst = inst;
	mdev->test = test;
	mdev->dev = &mdev->own;
	INIT_LIST_HEAD(&mdev->node);
	xa_init(&mdev->pasids);

	dev = &mdev->own;
	device_initialize(dev);
	dev->bus = &mock_bus_type;
	dev->release = mock_dev_release;
	ret = dev_set_name(dev, "%s", cfg->name ?: "mock-dev");
	if (ret) {
		put_device(dev);
		return ERR_PTR(ret);
	}

	spin_lock(&inst->lock);
	list_add_tail(&mdev->node, &inst->devices);
	spin_unlock(&inst->lock);

	/* From here on the test's cleanup undoes everything */
	ret = kunit_add_action_or_reset(test, mock_dev_destroy, mdev);
	if (ret)
		return ERR_PTR(ret);

	bits = cfg->pasid_bits;
	if (!bits && (cfg->flags & MOCK_DEV_PASID))
		bits = 20;
	if (bits) {
		mdev->props[0] = PROPERTY_ENTRY_U32("pasid-num-bits", bits);
		mdev->swnode.name = dev_name(dev);
		mdev->swnode.properties = mdev->props;
		ret = device_add_software_node(dev, &mdev->swnode);
		if (ret) {
			mdev->swnode.properties = NULL;
			goto err;
		}
	}

	ret = iommu_fwspec_init(dev, &inst->fwnode);
	if (ret)
		goto err;

	if (cfg->flags & MOCK_DEV_NO_PROBE)
		return dev;

	if (cfg->flags & MOCK_DEV_BUS_PROBE) {
		/*
		 * The bus notifier offers the device right away; refuse it
		 * then (which drops its fwspec) and give it a new fwspec.
		 */
		mdev->hold = true;
		ret = device_add(dev);
		mdev->hold = false;
		if (ret)
			goto err;
		mdev->added = true;
		ret = iommu_fwspec_init(dev, &inst->fwnode);
		if (ret)
			goto err;
		return dev;
	}

	ret = mock_dev_probe(dev);
	if (ret)
		goto err;
	return dev;

err:
	kunit_release_action(test, mock_dev_destroy, mdev);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_create_cfg);

struct device *mock_dev_create(struct kunit *test, struct mock_iommu *inst,
			       const char *name, unsigned long flags)
{
	struct mock_dev_config cfg = {
		.name = name,
		.flags = flags,
	};

	return mock_dev_create_cfg(test, inst, &cfg);
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_create);

struct device *mock_dev_create_in_group(struct kunit *test,
					struct mock_iommu *inst,
					const char *name, unsigned long flags,
					struct device *peer)
{
	struct mock_dev_config cfg = {
		.name = name,
		.flags = flags,
		.group_with = peer,
	};

	return mock_dev_create_cfg(test, inst, &cfg);
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_create_in_group);

void mock_dev_remove(struct device *dev)
{
	struct mock_dev *mdev = to_mock_dev(dev);

	if (WARN_ON(!mdev))
		return;
	kunit_release_action(mdev->test, mock_dev_destroy, mdev);
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_remove);

void mock_dev_set_flags(struct device *dev, unsigned long flags)
{
	struct mock_dev *mdev = to_mock_dev(dev);

	if (!WARN_ON(!mdev))
		mdev->cfg.flags = flags;
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_set_flags);

void mock_dev_set_def_domain_type(struct device *dev, int type)
{
	struct mock_dev *mdev = to_mock_dev(dev);

	if (!WARN_ON(!mdev))
		mdev->cfg.def_domain_type = type;
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_set_def_domain_type);

void mock_dev_set_resv(struct device *dev, const struct mock_resv *resv,
		       unsigned int nr)
{
	struct mock_dev *mdev = to_mock_dev(dev);

	if (WARN_ON(!mdev))
		return;
	mdev->cfg.resv = resv;
	mdev->cfg.nr_resv = nr;
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_set_resv);

struct iommu_domain *mock_dev_rid_domain(struct device *dev)
{
	struct mock_dev *mdev = to_mock_dev(dev);

	return mdev ? READ_ONCE(mdev->rid_domain) : NULL;
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_rid_domain);

struct iommu_domain *mock_dev_pasid_domain(struct device *dev, ioasid_t pasid)
{
	struct mock_dev *mdev = to_mock_dev(dev);

	return mdev ? xa_load(&mdev->pasids, pasid) : NULL;
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_pasid_domain);

unsigned long mock_dev_features(struct device *dev)
{
	struct mock_dev *mdev = to_mock_dev(dev);

	return mdev ? mdev->features : 0;
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_features);

int mock_dev_report_fault(struct device *dev, ioasid_t pasid, u32 grpid,
			  u64 addr, bool last)
{
	struct iopf_fault evt = {};

	evt.fault.type = IOMMU_FAULT_PAGE_REQ;
	evt.fault.prm.grpid = grpid;
	evt.fault.prm.addr = addr;
	evt.fault.prm.perm = IOMMU_FAULT_PERM_READ | IOMMU_FAULT_PERM_WRITE;
	if (pasid != IOMMU_NO_PASID) {
		evt.fault.prm.flags |= IOMMU_FAULT_PAGE_REQUEST_PASID_VALID |
				       IOMMU_FAULT_PAGE_RESPONSE_NEEDS_PASID;
		evt.fault.prm.pasid = pasid;
	}
	if (last)
		evt.fault.prm.flags |= IOMMU_FAULT_PAGE_REQUEST_LAST_PAGE;

	return iommu_report_device_fault(dev, &evt);
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_report_fault);

/* ---- PCI hierarchies -------------------------------------------------------- */

#define MOCK_PCI_CFG_SIZE	4096
#define MOCK_PCI_PCIE_CAP	0x40
#define MOCK_PCI_EXT_CAP	0x100
#define MOCK_PCI_ACS_BITS	(PCI_ACS_SV | PCI_ACS_RR | PCI_ACS_CR | \
				 PCI_ACS_UF)

/* One function: its table entry, configuration space and IOMMU state */
struct mock_pci_node {
	struct mock_pci_fn fn;
	u8 *cfg;
	struct pci_dev *pdev;
	struct mock_dev *mdev;
	int probe_ret;
};

/**
 * struct mock_pci - a PCI hierarchy of the mock
 * @inst: the serving instance
 * @root: the root bus
 * @nodes: the functions
 * @nr: how many
 */
struct mock_pci {
	struct mock_iommu *inst;
	struct pci_bus *root;
	struct mock_pci_node *nodes;
	unsigned int nr;
};

static struct mock_pci_node *mock_pci_node(struct mock_pci *mp, u8 bus,
					   u8 devfn)
{
	unsigned int i;

	for (i = 0; i < mp->nr; i++)
		if (mp->nodes[i].fn.bus == bus && mp->nodes[i].fn.devfn == devfn)
			return &mp->nodes[i];
	return NULL;
}

static void mock_cfg_put(u8 *cfg, int where, int size, u32 val)
{
	int i;

	for (i = 0; i < size; i++)
		cfg[where + i] = val >> (8 * i);
}

static u32 mock_cfg_get(const u8 *cfg, int where, int size)
{
	u32 val = 0;
	int i;

	for (i = 0; i < size; i++)
		val |= (u32)cfg[where + i] << (8 * i);
	return val;
}

/* Lay out the configuration space of one function */
static void mock_pci_build_cfg(struct mock_pci_node *node, unsigned int idx)
{
	const struct mock_pci_fn *fn = &node->fn;
	u8 *cfg = node->cfg;
	int ext = MOCK_PCI_EXT_CAP;
	u8 hdr;

	mock_cfg_put(cfg, PCI_VENDOR_ID, 2, PCI_VENDOR_ID_REDHAT);
	mock_cfg_put(cfg, PCI_DEVICE_ID, 2, 0x1000 + idx);
	mock_cfg_put(cfg, PCI_CLASS_REVISION, 4,
		     (fn->bridge ? PCI_CLASS_BRIDGE_PCI << 16 :
				   PCI_CLASS_SYSTEM_OTHER << 16) | 1);

	hdr = fn->bridge ? PCI_HEADER_TYPE_BRIDGE : PCI_HEADER_TYPE_NORMAL;
	if (fn->multifunction)
		hdr |= PCI_HEADER_TYPE_MFD;
	mock_cfg_put(cfg, PCI_HEADER_TYPE, 1, hdr);

	if (fn->bridge) {
		mock_cfg_put(cfg, PCI_PRIMARY_BUS, 1, fn->bus);
		mock_cfg_put(cfg, PCI_SECONDARY_BUS, 1, fn->secondary);
		mock_cfg_put(cfg, PCI_SUBORDINATE_BUS, 1,
			     fn->subordinate ?: fn->secondary);
	}

	if (fn->type == MOCK_PCI_CONVENTIONAL)
		return;

	/* A PCI Express capability, and the extended ones behind it */
	mock_cfg_put(cfg, PCI_STATUS, 2, PCI_STATUS_CAP_LIST);
	mock_cfg_put(cfg, PCI_CAPABILITY_LIST, 1, MOCK_PCI_PCIE_CAP);
	mock_cfg_put(cfg, MOCK_PCI_PCIE_CAP + PCI_CAP_LIST_ID, 1,
		     PCI_CAP_ID_EXP);
	mock_cfg_put(cfg, MOCK_PCI_PCIE_CAP + PCI_EXP_FLAGS, 2,
		     2 | (fn->type << 4));

	if (fn->acs) {
		int next = fn->pasid_bits ? ext + 0x10 : 0;

		mock_cfg_put(cfg, ext, 4,
			     PCI_EXT_CAP_ID_ACS | (1 << 16) | (next << 20));
		mock_cfg_put(cfg, ext + PCI_ACS_CAP, 2, MOCK_PCI_ACS_BITS);
		mock_cfg_put(cfg, ext + PCI_ACS_CTRL, 2, MOCK_PCI_ACS_BITS);
		ext = next;
	}
	if (fn->pasid_bits) {
		mock_cfg_put(cfg, ext, 4, PCI_EXT_CAP_ID_PASID | (1 << 16));
		mock_cfg_put(cfg, ext + PCI_PASID_CAP, 2,
			     (fn->pasid_bits << 8) & PCI_PASID_CAP_WIDTH);
	}
}

/* Registers that read as 0 and ignore writes: BARs and expansion ROMs */
static bool mock_cfg_hardwired(const struct mock_pci_node *node, int where)
{
	int bar_end = node->fn.bridge ? 0x18 : 0x28;
	int rom = node->fn.bridge ? 0x38 : 0x30;

	if (where >= PCI_BASE_ADDRESS_0 && where < bar_end)
		return true;
	return where >= rom && where < rom + 4;
}

static int mock_pci_read(struct pci_bus *bus, unsigned int devfn, int where,
			 int size, u32 *val)
{
	struct mock_pci_node *node = mock_pci_node(bus->sysdata, bus->number,
						   devfn);

	if (!node || where < 0 || where + size > MOCK_PCI_CFG_SIZE) {
		PCI_SET_ERROR_RESPONSE(val);
		return PCIBIOS_DEVICE_NOT_FOUND;
	}
	*val = mock_cfg_hardwired(node, where) ? 0 :
	       mock_cfg_get(node->cfg, where, size);
	return PCIBIOS_SUCCESSFUL;
}

static int mock_pci_write(struct pci_bus *bus, unsigned int devfn, int where,
			  int size, u32 val)
{
	struct mock_pci_node *node = mock_pci_node(bus->sysdata, bus->number,
						   devfn);

	if (!node || where < 0 || where + size > MOCK_PCI_CFG_SIZE)
		return PCIBIOS_DEVICE_NOT_FOUND;
	/* IDs, status, class and header type are read-only */
	if (where == PCI_COMMAND)
		size = min(size, 2);
	else if (where < PCI_CACHE_LINE_SIZE)
		return PCIBIOS_SUCCESSFUL;
	if (!mock_cfg_hardwired(node, where))
		mock_cfg_put(node->cfg, where, size, val);
	return PCIBIOS_SUCCESSFUL;
}

static struct pci_ops mock_pci_ops = {
	.read = mock_pci_read,
	.write = mock_pci_write,
};

static void mock_pci_destroy(void *data)
{
	struct mock_pci *mp = data;
	struct mock_iommu *inst = mp->inst;
	unsigned int i;

	if (mp->root) {
		pci_lock_rescan_remove();
		pci_stop_root_bus(mp->root);
		pci_remove_root_bus(mp->root);
		pci_unlock_rescan_remove();
	}

	for (i = 0; i < mp->nr; i++) {
		struct mock_dev *mdev = mp->nodes[i].mdev;

		if (mdev) {
			spin_lock(&inst->lock);
			list_del(&mdev->node);
			spin_unlock(&inst->lock);
			xa_destroy(&mdev->pasids);
			kfree(mdev);
		}
		kfree(mp->nodes[i].cfg);
	}
	kfree(mp->nodes);
	kfree(mp);
}

/* Give one scanned function its quirks and offer it to the IOMMU */
static int mock_pci_attach_fn(struct mock_pci *mp, struct mock_pci_node *node)
{
	struct mock_iommu *inst = mp->inst;
	struct pci_dev *pdev = node->pdev;
	struct mock_dev *mdev;
	int ret;

	if (node->fn.untrusted)
		pdev->untrusted = 1;
	if (node->fn.nr_aliases)
		pci_add_dma_alias(pdev, node->fn.alias_devfn,
				  node->fn.nr_aliases);
	if (node->fn.no_iommu)
		return 0;

	mdev = kzalloc(sizeof(*mdev), GFP_KERNEL);
	if (!mdev)
		return -ENOMEM;
	mdev->dev = &pdev->dev;
	mdev->inst = inst;
	mdev->test = inst->test;
	mdev->cfg.flags = node->fn.flags;
	mdev->added = true;
	xa_init(&mdev->pasids);
	spin_lock(&inst->lock);
	list_add_tail(&mdev->node, &inst->devices);
	spin_unlock(&inst->lock);
	node->mdev = mdev;

	ret = iommu_fwspec_init(&pdev->dev, &inst->fwnode);
	if (ret)
		return ret;
	node->probe_ret = iommu_probe_device(&pdev->dev);
	return 0;
}

struct mock_pci *mock_pci_create(struct kunit *test, struct mock_iommu *inst,
				 const struct mock_pci_fn *fns, unsigned int nr)
{
	struct mock_pci *mp;
	unsigned int i;
	int ret;

	if (!nr)
		return ERR_PTR(-EINVAL);

	mp = kzalloc(sizeof(*mp), GFP_KERNEL);
	if (!mp)
		return ERR_PTR(-ENOMEM);
	mp->inst = inst;
	mp->nodes = kcalloc(nr, sizeof(*mp->nodes), GFP_KERNEL);
	if (!mp->nodes) {
		kfree(mp);
		return ERR_PTR(-ENOMEM);
	}
	mp->nr = nr;

	ret = kunit_add_action_or_reset(test, mock_pci_destroy, mp);
	if (ret)
		return ERR_PTR(ret);

	for (i = 0; i < nr; i++) {
		mp->nodes[i].fn = fns[i];
		mp->nodes[i].probe_ret = -ENODEV;
		mp->nodes[i].cfg = kzalloc(MOCK_PCI_CFG_SIZE, GFP_KERNEL);
		if (!mp->nodes[i].cfg) {
			ret = -ENOMEM;
			goto err;
		}
		mock_pci_build_cfg(&mp->nodes[i], i);
	}

	pci_lock_rescan_remove();
	mp->root = pci_scan_root_bus(NULL, fns[0].bus, &mock_pci_ops, mp, NULL);
	pci_unlock_rescan_remove();
	if (!mp->root) {
		ret = -ENOMEM;
		goto err;
	}

	for (i = 0; i < nr; i++) {
		struct mock_pci_node *node = &mp->nodes[i];

		node->pdev = pci_get_domain_bus_and_slot(pci_domain_nr(mp->root),
							 node->fn.bus,
							 node->fn.devfn);
		if (!node->pdev) {
			ret = -ENODEV;
			goto err;
		}
		/* The bus keeps the device; its reference is enough */
		pci_dev_put(node->pdev);
		ret = mock_pci_attach_fn(mp, node);
		if (ret)
			goto err;
	}
	return mp;

err:
	kunit_release_action(test, mock_pci_destroy, mp);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_IF_KUNIT(mock_pci_create);

struct pci_dev *mock_pci_dev(struct mock_pci *mp, u8 bus, u8 devfn)
{
	struct mock_pci_node *node = mock_pci_node(mp, bus, devfn);

	return node ? node->pdev : NULL;
}
EXPORT_SYMBOL_IF_KUNIT(mock_pci_dev);

int mock_pci_probe_result(struct mock_pci *mp, u8 bus, u8 devfn)
{
	struct mock_pci_node *node = mock_pci_node(mp, bus, devfn);

	return node ? node->probe_ret : -ENOENT;
}
EXPORT_SYMBOL_IF_KUNIT(mock_pci_probe_result);

/* ---- test-facing knobs and log access ----------------------------------- */

void mock_iommu_fail(struct mock_iommu *inst, enum mock_op op, int err,
		     unsigned int nth, struct device *dev,
		     struct iommu_domain *domain)
{
	struct mock_fault *f;

	if (WARN_ON(op >= MOCK_OP_NR))
		return;
	f = &inst->faults[op];
	spin_lock(&inst->lock);
	*f = (struct mock_fault) {
		.err = err,
		.nth = nth,
		.dev = dev,
		.domain = domain,
	};
	spin_unlock(&inst->lock);
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_fail);

void mock_iommu_fail_map_partial(struct mock_iommu *inst, int err,
				 unsigned int nth, unsigned int pages)
{
	struct mock_fault *f = &inst->faults[MOCK_OP_MAP_PAGES];

	spin_lock(&inst->lock);
	*f = (struct mock_fault) {
		.err = err,
		.nth = nth,
		.partial = pages,
	};
	spin_unlock(&inst->lock);
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_fail_map_partial);

void mock_iommu_fail_clear(struct mock_iommu *inst, enum mock_op op)
{
	unsigned int i;

	spin_lock(&inst->lock);
	for (i = 0; i < MOCK_OP_NR; i++)
		if (op == MOCK_OP_NR || op == i)
			memset(&inst->faults[i], 0, sizeof(inst->faults[i]));
	spin_unlock(&inst->lock);
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_fail_clear);

unsigned int mock_iommu_fired(struct mock_iommu *inst, enum mock_op op)
{
	unsigned int fired;

	spin_lock(&inst->lock);
	fired = inst->faults[op].fired;
	spin_unlock(&inst->lock);
	return fired;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_fired);

void mock_iommu_log_clear(struct mock_iommu *inst)
{
	spin_lock(&inst->lock);
	inst->log_len = 0;
	memset(inst->counts, 0, sizeof(inst->counts));
	spin_unlock(&inst->lock);
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_log_clear);

unsigned int mock_iommu_count(struct mock_iommu *inst, enum mock_op op)
{
	unsigned int n;

	spin_lock(&inst->lock);
	n = inst->counts[op];
	spin_unlock(&inst->lock);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_count);

unsigned int mock_iommu_nr_calls(struct mock_iommu *inst)
{
	unsigned int n;

	spin_lock(&inst->lock);
	n = min_t(unsigned int, inst->log_len, MOCK_LOG_SIZE);
	spin_unlock(&inst->lock);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_nr_calls);

const struct mock_call *mock_iommu_call(struct mock_iommu *inst,
					unsigned int idx)
{
	unsigned int base = 0;

	if (idx >= mock_iommu_nr_calls(inst))
		return NULL;
	if (inst->log_len > MOCK_LOG_SIZE)
		base = inst->log_len - MOCK_LOG_SIZE;
	return &inst->log[(base + idx) % MOCK_LOG_SIZE];
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_call);

unsigned int mock_iommu_count_for(struct mock_iommu *inst, enum mock_op op,
				  struct device *dev,
				  struct iommu_domain *domain)
{
	unsigned int i, n = 0, nr = mock_iommu_nr_calls(inst);

	for (i = 0; i < nr; i++) {
		const struct mock_call *c = mock_iommu_call(inst, i);

		if (c->op == op && (!dev || c->dev == dev) &&
		    (!domain || c->domain == domain))
			n++;
	}
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_count_for);

int mock_iommu_find_call(struct mock_iommu *inst, enum mock_op op,
			 unsigned int from)
{
	unsigned int i, nr = mock_iommu_nr_calls(inst);

	for (i = from; i < nr; i++)
		if (mock_iommu_call(inst, i)->op == op)
			return i;
	return -1;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_find_call);

const struct mock_call *mock_iommu_last_call(struct mock_iommu *inst,
					     enum mock_op op)
{
	unsigned int nr = mock_iommu_nr_calls(inst);

	while (nr--) {
		const struct mock_call *c = mock_iommu_call(inst, nr);

		if (c->op == op)
			return c;
	}
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_last_call);

unsigned int mock_iommu_violations(struct mock_iommu *inst)
{
	return READ_ONCE(inst->violations);
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_violations);

unsigned int mock_iommu_live_domains(struct mock_iommu *inst)
{
	unsigned int n;

	spin_lock(&inst->lock);
	n = inst->domains_allocated - inst->domains_freed;
	spin_unlock(&inst->lock);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_live_domains);

struct iommu_domain *mock_iommu_identity(struct mock_iommu *inst)
{
	return inst->identity ? &inst->identity->domain : NULL;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_identity);

struct iommu_domain *mock_iommu_blocked(struct mock_iommu *inst)
{
	return inst->blocked ? &inst->blocked->domain : NULL;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_blocked);

struct iommu_domain *mock_iommu_release_domain(struct mock_iommu *inst)
{
	return inst->release ? &inst->release->domain : NULL;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_release_domain);

struct iommu_domain *mock_iommu_fixed_default(struct mock_iommu *inst)
{
	return inst->fixed_default ? &inst->fixed_default->domain : NULL;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_fixed_default);

struct iopf_queue *mock_iommu_iopf_queue(struct mock_iommu *inst)
{
	return inst->iopf_queue;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_iopf_queue);

static void mock_policy_restore(void *data)
{
	struct iommu_default_policy *saved = data;

	iommu_default_policy_set(saved);
}

void mock_policy_set(struct kunit *test, unsigned int type)
{
	struct iommu_default_policy *saved, policy;
	int ret;

	saved = kunit_kzalloc(test, sizeof(*saved), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, saved);
	iommu_default_policy_get(saved);
	ret = kunit_add_action_or_reset(test, mock_policy_restore, saved);
	KUNIT_ASSERT_EQ(test, ret, 0);

	policy = *saved;
	policy.def_type = type;
	if (type == IOMMU_DOMAIN_DMA)
		policy.dma_strict = true;
	else if (type == IOMMU_DOMAIN_DMA_FQ)
		policy.dma_strict = false;
	iommu_default_policy_set(&policy);
}
EXPORT_SYMBOL_IF_KUNIT(mock_policy_set);

KUNIT_DEFINE_ACTION_WRAPPER(mock_domain_free_action, iommu_domain_free,
			    struct iommu_domain *);

int mock_free_on_exit(struct kunit *test, struct iommu_domain *domain)
{
	return kunit_add_action_or_reset(test, mock_domain_free_action, domain);
}
EXPORT_SYMBOL_IF_KUNIT(mock_free_on_exit);

struct mock_iommu *mock_iommu_create_assert(struct kunit *test,
					    const struct mock_iommu_config *cfg)
{
	struct mock_iommu *inst = mock_iommu_create(test, cfg);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, inst);
	return inst;
}
EXPORT_SYMBOL_IF_KUNIT(mock_iommu_create_assert);

struct device *mock_dev_create_assert(struct kunit *test,
				      struct mock_iommu *inst,
				      const char *name, unsigned long flags,
				      struct device *peer)
{
	struct device *dev;

	dev = mock_dev_create_in_group(test, inst, name, flags, peer);
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, dev, "creating %s", name);
	return dev;
}
EXPORT_SYMBOL_IF_KUNIT(mock_dev_create_assert);

struct iommu_domain *mock_paging_assert(struct kunit *test,
					struct device *dev)
{
	struct iommu_domain *domain = iommu_paging_domain_alloc(dev);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, domain);
	KUNIT_ASSERT_EQ(test, mock_free_on_exit(test, domain), 0);
	return domain;
}
EXPORT_SYMBOL_IF_KUNIT(mock_paging_assert);

static void mock_mm_put(void *data)
{
	struct mm_struct *mm = data;

	/*
	 * The mm dies here: its PASID goes with it, as in __mmdrop(). Every
	 * bond must have been unbound by now.
	 */
	mm_pasid_drop(mm);
	mmput(mm);
}

struct mm_struct *mock_mm_alloc(struct kunit *test)
{
	struct mm_struct *mm = mm_alloc();
	int ret;

	if (!mm)
		return ERR_PTR(-ENOMEM);
	ret = kunit_add_action_or_reset(test, mock_mm_put, mm);
	if (ret)
		return ERR_PTR(ret);
	return mm;
}
EXPORT_SYMBOL_IF_KUNIT(mock_mm_alloc);

static int __init mock_iommu_init(void)
{
	return bus_register(&mock_bus_type);
}
module_init(mock_iommu_init);

static void __exit mock_iommu_exit(void)
{
	bus_unregister(&mock_bus_type);
}
module_exit(mock_iommu_exit);

MODULE_DESCRIPTION("Mock IOMMU driver for the IOMMU core KUnit suites");
MODULE_LICENSE("GPL");
