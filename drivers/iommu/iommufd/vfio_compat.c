// SPDX-License-Identifier: GPL-2.0
/*
 * VFIO type1 container emulation.
 *
 * The VFIO container ioctls carry no object id: they act on the one
 * address space of the container. On an iommufd that address space is
 * the "compat IOAS" of the context (ctx->vfio_ioas). Userspace picks it
 * with IOMMU_VFIO_IOAS, or VFIO creates one when the first group joins.
 * The pointer is not a reference: destroying that IOAS clears it.
 *
 * A program written for /dev/vfio/vfio can thus run on an iommufd file
 * without knowing it.
 */
#include <linux/capability.h>
#include <linux/file.h>
#include <linux/interval_tree.h>
#include <linux/iommu.h>
#include <linux/iommufd.h>
#include <linux/slab.h>
#include <uapi/linux/iommufd.h>
#include <uapi/linux/vfio.h>

#include "iommufd_private.h"
#include "io_pagetable.h"

/*
 * The compat IOAS with a short-term reference, or ERR_PTR(-ENODEV). The
 * objects lock makes the pointer and the reference agree.
 */
static struct iommufd_ioas *compat_ioas_hold(struct iommufd_ctx *ctx)
{
	struct iommufd_ioas *cur;
	bool held;

	xa_lock(&ctx->objects);
	cur = ctx->vfio_ioas;
	held = cur && iommufd_lock_obj(&cur->obj);
	xa_unlock(&ctx->objects);

	return held ? cur : ERR_PTR(-ENODEV);
}

static void compat_ioas_release(struct iommufd_ctx *ctx,
				struct iommufd_ioas *ioas)
{
	iommufd_put_object(ctx, &ioas->obj);
}

/**
 * iommufd_vfio_compat_ioas_get_id() - the id of the compat IOAS
 * @ctx: the context
 * @out_ioas_id: receives the id
 *
 * Return: 0, or -ENODEV when the context has no compat IOAS.
 */
int iommufd_vfio_compat_ioas_get_id(struct iommufd_ctx *ctx, u32 *out_ioas_id)
{
	struct iommufd_ioas *ioas = compat_ioas_hold(ctx);

	if (IS_ERR(ioas))
		return PTR_ERR(ioas);
	*out_ioas_id = ioas->obj.id;
	compat_ioas_release(ctx, ioas);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(iommufd_vfio_compat_ioas_get_id, IOMMUFD_VFIO);

/**
 * iommufd_vfio_compat_set_no_iommu() - put the context in no-iommu mode
 * @ctx: the context
 *
 * VFIO calls this when a device without IOMMU protection joins the
 * container. Translated and untranslated devices cannot be mixed.
 *
 * Return: 0, or -EINVAL if a compat IOAS exists.
 */
int iommufd_vfio_compat_set_no_iommu(struct iommufd_ctx *ctx)
{
	int ret = -EINVAL;

	xa_lock(&ctx->objects);
	if (!ctx->vfio_ioas) {
		ctx->no_iommu_mode = 1;
		ret = 0;
	}
	xa_unlock(&ctx->objects);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(iommufd_vfio_compat_set_no_iommu, IOMMUFD_VFIO);

/**
 * iommufd_vfio_compat_ioas_create() - give the context a compat IOAS
 * @ctx: the context
 *
 * Nothing happens if a live compat IOAS exists already. A new one is an
 * ordinary IOAS afterwards: IOMMU_VFIO_IOAS reports its id, userspace may
 * destroy it, and closing the file does otherwise.
 *
 * Return: 0, -EINVAL in no-iommu mode, or another errno.
 */
int iommufd_vfio_compat_ioas_create(struct iommufd_ctx *ctx)
{
	struct iommufd_ioas *fresh;
	struct iommufd_ioas *cur;
	bool installed = false;
	int ret = 0;

	/* Allocate first: the objects lock is a spinlock. */
	fresh = iommufd_ioas_alloc(ctx);
	if (IS_ERR(fresh))
		return PTR_ERR(fresh);

	xa_lock(&ctx->objects);
	cur = ctx->vfio_ioas;
	if (ctx->no_iommu_mode) {
		ret = -EINVAL;
	} else if (cur && iommufd_lock_obj(&cur->obj)) {
		/* A live one exists already; keep it. */
		iommufd_put_object(ctx, &cur->obj);
	} else {
		ctx->vfio_ioas = fresh;
		installed = true;
	}
	xa_unlock(&ctx->objects);

	if (installed)
		iommufd_object_finalize(ctx, &fresh->obj);
	else
		iommufd_object_abort_and_destroy(ctx, &fresh->obj);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(iommufd_vfio_compat_ioas_create, IOMMUFD_VFIO);

/* Point the compat IOAS elsewhere (NULL to clear it) */
static void compat_ioas_assign(struct iommufd_ctx *ctx,
			       struct iommufd_ioas *ioas)
{
	xa_lock(&ctx->objects);
	ctx->vfio_ioas = ioas;
	xa_unlock(&ctx->objects);
}

/**
 * iommufd_vfio_ioas() - IOMMU_VFIO_IOAS: get, set or clear the compat IOAS
 * @ucmd: the command
 *
 * Return: 0, -ENODEV to get a compat IOAS that does not exist, or another
 * errno.
 */
int iommufd_vfio_ioas(struct iommufd_ucmd *ucmd)
{
	struct iommu_vfio_ioas *req = ucmd->cmd;
	struct iommufd_ctx *ctx = ucmd->ictx;
	struct iommufd_ioas *ioas;

	if (req->__reserved)
		return -EOPNOTSUPP;

	if (req->op == IOMMU_VFIO_IOAS_CLEAR) {
		compat_ioas_assign(ctx, NULL);
		return 0;
	}
	if (req->op == IOMMU_VFIO_IOAS_SET) {
		ioas = iommufd_get_ioas(ctx, req->ioas_id);
		if (IS_ERR(ioas))
			return PTR_ERR(ioas);
		/* Only remembered, not referenced; see the file comment. */
		compat_ioas_assign(ctx, ioas);
		iommufd_put_object(ctx, &ioas->obj);
		return 0;
	}
	if (req->op != IOMMU_VFIO_IOAS_GET)
		return -EOPNOTSUPP;

	ioas = compat_ioas_hold(ctx);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);
	req->ioas_id = ioas->obj.id;
	compat_ioas_release(ctx, ioas);
	return iommufd_ucmd_respond(ucmd, sizeof(*req));
}

/* The two words every VFIO type1 DMA argument starts with */
struct compat_arg_head {
	u32 argsz;
	u32 flags;
};

static_assert(offsetof(struct vfio_iommu_type1_dma_map, flags) ==
	      offsetof(struct compat_arg_head, flags));
static_assert(offsetof(struct vfio_iommu_type1_dma_unmap, flags) ==
	      offsetof(struct compat_arg_head, flags));

/*
 * Read the fixed part (@minsz bytes) of a VFIO DMA argument. -EINVAL if
 * userspace declared less than that or set flags outside @known.
 */
static int compat_read_arg(void *karg, const void __user *uarg, size_t minsz,
			   u32 known)
{
	const struct compat_arg_head *head = karg;

	if (copy_from_user(karg, uarg, minsz))
		return -EFAULT;
	if (head->argsz < minsz || (head->flags & ~known))
		return -EINVAL;
	return 0;
}

static int compat_map_dma(struct iommufd_ctx *ctx, void __user *uarg)
{
	const size_t minsz = offsetofend(struct vfio_iommu_type1_dma_map,
					 size);
	struct vfio_iommu_type1_dma_map req;
	struct iommufd_ioas *ioas;
	int prot = IOMMU_CACHE;
	unsigned long where;
	int ret;

	ret = compat_read_arg(&req, uarg, minsz,
			      VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE);
	if (ret)
		return ret;

	if (req.flags & VFIO_DMA_MAP_FLAG_WRITE)
		prot |= IOMMU_WRITE;
	if (req.flags & VFIO_DMA_MAP_FLAG_READ)
		prot |= IOMMU_READ;

	ioas = compat_ioas_hold(ctx);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	/* Type1 has no automatic placement: the IOVA is always fixed. */
	where = req.iova;
	ret = iopt_map_user_pages(ctx, &ioas->iopt, &where,
				  u64_to_user_ptr(req.vaddr), req.size, prot,
				  0);
	compat_ioas_release(ctx, ioas);
	return ret;
}

/*
 * Type1 v1 allows unmapping part of a mapping. That is possible here only
 * while the domains map page by page; then the areas are first cut at the
 * edges of the range. Nothing can lie below IOVA 0, so there is no cut
 * before the first byte in that case.
 */
static int compat_cut_for_unmap(struct io_pagetable *pt, unsigned long iova,
				unsigned long size)
{
	unsigned long edges[2] = { iova + size - 1, iova - 1 };

	if (!READ_ONCE(pt->disable_large_pages))
		return 0;
	return iopt_cut_iova(pt, edges, iova ? 2 : 1);
}

static int compat_unmap_dma(struct iommufd_ctx *ctx, void __user *uarg)
{
	const size_t minsz = offsetofend(struct vfio_iommu_type1_dma_unmap,
					 size);
	struct vfio_iommu_type1_dma_unmap req;
	unsigned long gone = 0;
	struct iommufd_ioas *ioas;
	int ret;

	/* Dirty bitmaps on unmap are replaced by iommufd dirty tracking. */
	ret = compat_read_arg(&req, uarg, minsz, VFIO_DMA_UNMAP_FLAG_ALL);
	if (ret)
		return ret;

	ioas = compat_ioas_hold(ctx);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	if (req.flags & VFIO_DMA_UNMAP_FLAG_ALL) {
		if (req.iova || req.size) {
			ret = -EINVAL;
			goto out_release;
		}
		ret = iopt_unmap_all(&ioas->iopt, &gone);
	} else {
		ret = compat_cut_for_unmap(&ioas->iopt, req.iova, req.size);
		if (ret)
			goto out_release;
		ret = iopt_unmap_iova(&ioas->iopt, req.iova, req.size, &gone);
	}

	/* The size unmapped goes back even when the unmap failed midway. */
	req.size = gone;
	if (copy_to_user(uarg, &req, minsz))
		ret = -EFAULT;
out_release:
	compat_ioas_release(ctx, ioas);
	return ret;
}

/*
 * VFIO_DMA_CC_IOMMU: 1 if every domain of the compat IOAS blocks non-snoop
 * DMA, else 0.
 */
static int compat_all_coherent(struct iommufd_ctx *ctx)
{
	struct iommufd_hwpt_paging *hwpt;
	struct iommufd_ioas *ioas;
	int coherent = 1;

	ioas = compat_ioas_hold(ctx);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	mutex_lock(&ioas->mutex);
	list_for_each_entry(hwpt, &ioas->hwpt_list, hwpt_item)
		coherent &= hwpt->enforce_cache_coherency;
	mutex_unlock(&ioas->mutex);

	compat_ioas_release(ctx, ioas);
	return coherent;
}

static int compat_check_extension(struct iommufd_ctx *ctx, unsigned long ext)
{
	if (ext == VFIO_TYPE1_IOMMU || ext == VFIO_TYPE1v2_IOMMU ||
	    ext == VFIO_UNMAP_ALL)
		return !ctx->no_iommu_mode;
	if (ext == VFIO_NOIOMMU_IOMMU)
		return IS_ENABLED(CONFIG_VFIO_NOIOMMU);
	if (ext == VFIO_DMA_CC_IOMMU)
		return compat_all_coherent(ctx);
	/*
	 * Everything else is refused: nesting through the container never
	 * worked, and VFIO_UPDATE_VADDR cannot be offered safely because a
	 * live mapping would have to follow a changing user address.
	 */
	return 0;
}

static int compat_set_iommu(struct iommufd_ctx *ctx, unsigned long type)
{
	bool no_iommu = READ_ONCE(ctx->no_iommu_mode);
	struct iommufd_ioas *ioas;
	int ret = 0;

	/* No-iommu is allowed to privileged users; not much works in it. */
	if (no_iommu && type == VFIO_NOIOMMU_IOMMU &&
	    IS_ENABLED(CONFIG_VFIO_NOIOMMU))
		return capable(CAP_SYS_RAWIO) ? 0 : -EPERM;

	if (no_iommu || (type != VFIO_TYPE1v2_IOMMU && type != VFIO_TYPE1_IOMMU))
		return -EINVAL;

	/* VFIO without any group fails here too. */
	ioas = compat_ioas_hold(ctx);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	/*
	 * Type1 v1 semantics let userspace unmap inside a mapping, which is
	 * only sound if no IOPTE spans more than one page.
	 */
	if (type == VFIO_TYPE1_IOMMU)
		ret = iopt_disable_large_pages(&ioas->iopt);
	compat_ioas_release(ctx, ioas);
	return ret;
}

/* The page sizes every domain of the IOAS supports, as VFIO reports them */
static unsigned long compat_pgsizes(struct iommufd_ioas *ioas)
{
	struct io_pagetable *pt = &ioas->iopt;
	unsigned long sizes = ULONG_MAX;
	struct iommu_domain *domain;
	unsigned long id;

	down_read(&pt->domains_rwsem);
	xa_for_each(&pt->domains, id, domain)
		sizes &= domain->pgsize_bitmap;

	/* Anything below a CPU page shows up as one CPU page. */
	if (sizes & ~PAGE_MASK)
		sizes = (sizes & PAGE_MASK) | PAGE_SIZE;
	sizes = max(sizes, pt->iova_alignment);
	up_read(&pt->domains_rwsem);
	return sizes;
}

/*
 * Building the capability chain of VFIO_IOMMU_GET_INFO. The chain starts
 * right after struct vfio_iommu_type1_info; each capability is written
 * only if it fits in the space userspace gave (argsz), but is counted
 * either way, so that argsz on return tells how much room all need.
 */
struct compat_cap_chain {
	void __user *base;		/* the user's info struct */
	size_t room;			/* argsz as userspace passed it */
	size_t end;			/* bytes the chain occupies so far */
	struct vfio_info_cap_header __user *prev;
};

/* Where the next capability goes, and how many bytes are left there */
static void __user *compat_chain_slot(const struct compat_cap_chain *chain,
				      size_t *avail)
{
	if (chain->room <= chain->end) {
		*avail = 0;
		return NULL;
	}
	*avail = chain->room - chain->end;
	return chain->base + chain->end;
}

/*
 * Append a capability of @len bytes (or a negative errno) that was just
 * produced at the slot: link the previous capability to it and advance.
 */
static int compat_chain_append(struct compat_cap_chain *chain, int len)
{
	if (len < 0)
		return len;
	if (chain->prev && chain->room >= chain->end &&
	    put_user(chain->end, &chain->prev->next))
		return -EFAULT;
	chain->prev = chain->base + chain->end;
	chain->end += ALIGN(len, sizeof(u64));
	return 0;
}

static int compat_cap_dma_avail(void __user *slot, size_t avail)
{
	struct vfio_iommu_type1_info_dma_avail cap = {
		.header.id = VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL,
		.header.version = 1,
		/*
		 * iommufd limits pinning by accounting, not by counting
		 * mappings; claim more than anyone will use.
		 */
		.avail = U32_MAX,
	};

	if (avail >= sizeof(cap) && copy_to_user(slot, &cap, sizeof(cap)))
		return -EFAULT;
	return sizeof(cap);
}

static int compat_cap_iova_ranges(struct iommufd_ioas *ioas, void __user *slot,
				  size_t avail)
{
	struct vfio_iommu_type1_info_cap_iova_range head = {
		.header.id = VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE,
		.header.version = 1,
	};
	struct interval_tree_span_iter gap;
	size_t off = sizeof(head);

	interval_tree_for_each_span(&gap, &ioas->iopt.reserved_itree, 0,
				    ULONG_MAX) {
		struct vfio_iova_range r = {
			.start = gap.start_hole,
			.end = gap.last_hole,
		};

		if (!gap.is_hole)
			continue;
		/* Each range that fits completely is written. */
		if (off + sizeof(r) <= avail &&
		    copy_to_user(slot + off, &r, sizeof(r)))
			return -EFAULT;
		off += sizeof(r);
		head.nr_iovas++;
	}

	/* The header only once the whole capability fits. */
	if (off <= avail && copy_to_user(slot, &head, sizeof(head)))
		return -EFAULT;
	return off;
}

static int compat_get_info(struct iommufd_ctx *ctx, void __user *uarg)
{
	size_t minsz = offsetofend(struct vfio_iommu_type1_info, iova_pgsizes);
	struct vfio_iommu_type1_info info = {};
	struct compat_cap_chain chain;
	struct iommufd_ioas *ioas;
	void __user *slot;
	size_t avail;
	int ret;

	if (copy_from_user(&info, uarg, minsz))
		return -EFAULT;
	if (info.argsz < minsz)
		return -EINVAL;
	/* The fixed part goes back, but never beyond argsz. */
	minsz = min_t(size_t, info.argsz, sizeof(info));

	ioas = compat_ioas_hold(ctx);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	info.flags = VFIO_IOMMU_INFO_PGSIZES;
	info.iova_pgsizes = compat_pgsizes(ioas);
	info.cap_offset = 0;

	chain = (struct compat_cap_chain){
		.base = uarg,
		.room = info.argsz,
		.end = sizeof(info),
	};

	down_read(&ioas->iopt.iova_rwsem);
	slot = compat_chain_slot(&chain, &avail);
	ret = compat_chain_append(&chain, compat_cap_dma_avail(slot, avail));
	if (!ret) {
		slot = compat_chain_slot(&chain, &avail);
		ret = compat_chain_append(&chain,
					  compat_cap_iova_ranges(ioas, slot,
								 avail));
	}
	if (ret)
		goto out_unlock;

	/*
	 * If the chain did not fit, only part of it was written and
	 * cap_offset stays 0; argsz says how much room it takes.
	 */
	if (info.argsz >= chain.end)
		info.cap_offset = sizeof(info);
	info.argsz = chain.end;
	info.flags |= VFIO_IOMMU_INFO_CAPS;
	if (copy_to_user(uarg, &info, minsz))
		ret = -EFAULT;
out_unlock:
	up_read(&ioas->iopt.iova_rwsem);
	compat_ioas_release(ctx, ioas);
	return ret;
}

/**
 * iommufd_vfio_ioctl() - execute a VFIO container ioctl
 * @ctx: the context
 * @cmd: the ioctl number
 * @arg: its argument, a user pointer or a plain integer
 *
 * Return: the result of the ioctl, or -ENOIOCTLCMD if it is not one of the
 * container ioctls emulated here.
 */
int iommufd_vfio_ioctl(struct iommufd_ctx *ctx, unsigned int cmd,
		       unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	switch (cmd) {
	case VFIO_IOMMU_MAP_DMA:
		return compat_map_dma(ctx, uarg);
	case VFIO_IOMMU_UNMAP_DMA:
		return compat_unmap_dma(ctx, uarg);
	case VFIO_IOMMU_GET_INFO:
		return compat_get_info(ctx, uarg);
	case VFIO_CHECK_EXTENSION:
		return compat_check_extension(ctx, arg);
	case VFIO_SET_IOMMU:
		return compat_set_iommu(ctx, arg);
	case VFIO_GET_API_VERSION:
		return VFIO_API_VERSION;
	default:
		/* VFIO_IOMMU_DIRTY_PAGES is among those not emulated. */
		return -ENOIOCTLCMD;
	}
}
