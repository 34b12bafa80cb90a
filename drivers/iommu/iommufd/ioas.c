// SPDX-License-Identifier: GPL-2.0
/*
 * The IOAS object and its ioctls.
 *
 * An IOAS is an io_pagetable wrapped in an object: userspace maps its own
 * memory into it (IOMMU_IOAS_MAP), shares mappings between IOASes
 * (IOMMU_IOAS_COPY), restricts where automatic placement may go
 * (IOMMU_IOAS_ALLOW_IOVAS) and asks which IOVA is usable at all
 * (IOMMU_IOAS_IOVA_RANGES). Paging HWPTs built on the IOAS hang off its
 * hwpt_list; they mirror whatever the io_pagetable holds.
 */
#include <linux/capability.h>
#include <linux/interval_tree.h>
#include <linux/iommu.h>
#include <linux/iommufd.h>
#include <linux/slab.h>
#include <uapi/linux/iommufd.h>

#include "io_pagetable.h"

/* The IOMMU_IOAS_MAP_* flags this kernel understands */
#define IOAS_MAP_KNOWN_FLAGS                                                  \
	(IOMMU_IOAS_MAP_READABLE | IOMMU_IOAS_MAP_WRITEABLE |                 \
	 IOMMU_IOAS_MAP_FIXED_IOVA)

/**
 * iommufd_ioas_destroy() - destructor of the IOAS object type
 * @obj: the IOAS; no HWPT or access refers to it any more
 */
void iommufd_ioas_destroy(struct iommufd_object *obj)
{
	struct iommufd_ioas *ioas = container_of(obj, struct iommufd_ioas, obj);
	int ret;

	/* Nothing can be mid-map now, so this only fails on a bug. */
	ret = iopt_unmap_all(&ioas->iopt, NULL);
	WARN_ON(ret && ret != -ENOENT);
	iopt_destroy_table(&ioas->iopt);
	mutex_destroy(&ioas->mutex);
}

/**
 * iommufd_ioas_alloc() - create an empty IOAS, not yet published
 * @ctx: the context
 *
 * Return: the IOAS, which the caller finalizes or aborts, or an ERR_PTR.
 */
struct iommufd_ioas *iommufd_ioas_alloc(struct iommufd_ctx *ctx)
{
	struct iommufd_ioas *fresh;

	fresh = iommufd_object_alloc(ctx, fresh, IOMMUFD_OBJ_IOAS);
	if (!IS_ERR(fresh)) {
		mutex_init(&fresh->mutex);
		INIT_LIST_HEAD(&fresh->hwpt_list);
		iopt_init_table(&fresh->iopt);
	}
	return fresh;
}

/**
 * iommufd_ioas_alloc_ioctl() - IOMMU_IOAS_ALLOC
 * @ucmd: the command
 *
 * Return: 0 (the new id is written back) or an errno.
 */
int iommufd_ioas_alloc_ioctl(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_alloc *req = ucmd->cmd;
	struct iommufd_ioas *fresh;
	int ret;

	if (req->flags)
		return -EOPNOTSUPP;

	fresh = iommufd_ioas_alloc(ucmd->ictx);
	if (IS_ERR(fresh))
		return PTR_ERR(fresh);

	req->out_ioas_id = fresh->obj.id;
	ret = iommufd_ucmd_respond(ucmd, sizeof(*req));
	if (ret)
		iommufd_object_abort_and_destroy(ucmd->ictx, &fresh->obj);
	else
		iommufd_object_finalize(ucmd->ictx, &fresh->obj);
	return ret;
}

/*
 * Write the usable IOVA ranges (the gaps between reserved ranges) to the
 * user array, as far as @room entries allow, and count all of them in
 * *total. iova_rwsem must be held.
 */
static int ioas_emit_usable_ranges(struct io_pagetable *pt,
				   struct iommu_iova_range __user *out,
				   u32 room, u32 *total)
{
	struct interval_tree_span_iter gap;
	u32 n = 0;

	lockdep_assert_held(&pt->iova_rwsem);

	interval_tree_for_each_span(&gap, &pt->reserved_itree, 0, ULONG_MAX) {
		struct iommu_iova_range r = {
			.start = gap.start_hole,
			.last = gap.last_hole,
		};

		if (!gap.is_hole)
			continue;
		if (n < room && copy_to_user(out + n, &r, sizeof(r)))
			return -EFAULT;
		n++;
	}
	*total = n;
	return 0;
}

/**
 * iommufd_ioas_iova_ranges() - IOMMU_IOAS_IOVA_RANGES
 * @ucmd: the command
 *
 * Fills the user's array with the IOVA ranges that are not reserved, as
 * many as fit, and reports how many there are and the alignment every
 * mapping needs.
 *
 * Return: 0; -EMSGSIZE when the array was too short (the counts are still
 * written back); or another errno.
 */
int iommufd_ioas_iova_ranges(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_iova_ranges *req = ucmd->cmd;
	struct iommufd_ioas *ioas;
	u32 room = req->num_iovas;
	int ret;

	if (req->__reserved)
		return -EOPNOTSUPP;

	ioas = iommufd_get_ioas(ucmd->ictx, req->ioas_id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	down_read(&ioas->iopt.iova_rwsem);
	req->out_iova_alignment = ioas->iopt.iova_alignment;
	ret = ioas_emit_usable_ranges(&ioas->iopt,
				      u64_to_user_ptr(req->allowed_iovas),
				      room, &req->num_iovas);
	if (!ret)
		ret = iommufd_ucmd_respond(ucmd, sizeof(*req));
	if (!ret && req->num_iovas > room)
		ret = -EMSGSIZE;
	up_read(&ioas->iopt.iova_rwsem);

	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return ret;
}

/* Empty a tree of struct iopt_allowed */
static void ioas_free_allowed(struct rb_root_cached *tree)
{
	struct interval_tree_node *node;

	for (node = interval_tree_iter_first(tree, 0, ULONG_MAX); node;
	     node = interval_tree_iter_first(tree, 0, ULONG_MAX)) {
		interval_tree_remove(node, tree);
		kfree(container_of(node, struct iopt_allowed, node));
	}
}

/*
 * Build a tree of struct iopt_allowed from the user's array. Ranges must
 * span at least two bytes and must not overlap each other. On error the
 * tree holds what was read so far.
 */
static int ioas_read_allowed(struct rb_root_cached *tree,
			     const struct iommu_iova_range __user *in,
			     u32 count)
{
	struct iommu_iova_range r;
	u32 n;

	for (n = 0; n < count; n++) {
		struct iopt_allowed *entry;

		if (copy_from_user(&r, &in[n], sizeof(r)))
			return -EFAULT;
		if (r.start >= r.last ||
		    interval_tree_iter_first(tree, r.start, r.last))
			return -EINVAL;

		entry = kzalloc(sizeof(*entry), GFP_KERNEL_ACCOUNT);
		if (!entry)
			return -ENOMEM;
		entry->node.last = r.last;
		entry->node.start = r.start;
		interval_tree_insert(&entry->node, tree);
	}
	return 0;
}

/**
 * iommufd_ioas_allow_iovas() - IOMMU_IOAS_ALLOW_IOVAS
 * @ucmd: the command
 *
 * The new list replaces the old one as a whole, or not at all.
 *
 * Return: 0 or an errno.
 */
int iommufd_ioas_allow_iovas(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_allow_iovas *req = ucmd->cmd;
	struct rb_root_cached tree = RB_ROOT_CACHED;
	struct iommufd_ioas *ioas;
	int ret;

	if (req->__reserved)
		return -EOPNOTSUPP;

	ioas = iommufd_get_ioas(ucmd->ictx, req->ioas_id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	ret = ioas_read_allowed(&tree, u64_to_user_ptr(req->allowed_iovas),
				req->num_iovas);
	if (!ret)
		ret = iopt_set_allow_iova(&ioas->iopt, &tree);
	/* On success this is the previous list, else the rejected one. */
	ioas_free_allowed(&tree);

	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return ret;
}

/*
 * The IOMMU protection of a mapping, or -EINVAL if it would be neither
 * readable nor writeable. IOMMU_CACHE is always set: userspace cannot
 * flush CPU caches for non-coherent DMA, so only coherent DMA is offered
 * and devices that cannot snoop are refused when they attach.
 */
static int ioas_map_prot(u32 map_flags)
{
	int prot = IOMMU_CACHE;

	if (!(map_flags & (IOMMU_IOAS_MAP_READABLE | IOMMU_IOAS_MAP_WRITEABLE)))
		return -EINVAL;
	if (map_flags & IOMMU_IOAS_MAP_WRITEABLE)
		prot |= IOMMU_WRITE;
	if (map_flags & IOMMU_IOAS_MAP_READABLE)
		prot |= IOMMU_READ;
	return prot;
}

/* iopt flags for the IOMMU_IOAS_MAP_FIXED_IOVA bit of map_flags */
static unsigned int ioas_placement(u32 map_flags)
{
	return (map_flags & IOMMU_IOAS_MAP_FIXED_IOVA) ? 0 : IOPT_ALLOC_IOVA;
}

/**
 * iommufd_ioas_map() - IOMMU_IOAS_MAP
 * @ucmd: the command
 *
 * Return: 0 (the IOVA used is written back) or an errno.
 */
int iommufd_ioas_map(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_map *req = ucmd->cmd;
	struct iommufd_ioas *ioas;
	unsigned long where;
	int prot;
	int ret;

	if (req->__reserved || (req->flags & ~IOAS_MAP_KNOWN_FLAGS))
		return -EOPNOTSUPP;
	if (req->length >= ULONG_MAX || req->iova >= ULONG_MAX)
		return -EOVERFLOW;
	prot = ioas_map_prot(req->flags);
	if (prot < 0)
		return prot;

	ioas = iommufd_get_ioas(ucmd->ictx, req->ioas_id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	where = req->iova;
	ret = iopt_map_user_pages(ucmd->ictx, &ioas->iopt, &where,
				  u64_to_user_ptr(req->user_va), req->length,
				  prot, ioas_placement(req->flags));
	if (!ret) {
		req->iova = where;
		ret = iommufd_ucmd_respond(ucmd, sizeof(*req));
	}

	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return ret;
}

/*
 * Collect references on the memory behind [iova, iova + length) of the
 * IOAS with id @src_id, as a list of pieces for iopt_map_pages().
 */
static int ioas_grab_source(struct iommufd_ucmd *ucmd, u32 src_id,
			    unsigned long iova, unsigned long length,
			    struct list_head *pieces)
{
	struct iommufd_ioas *src;
	int ret;

	src = iommufd_get_ioas(ucmd->ictx, src_id);
	if (IS_ERR(src))
		return PTR_ERR(src);
	ret = iopt_get_pages(&src->iopt, iova, length, pieces);
	iommufd_put_object(ucmd->ictx, &src->obj);
	return ret;
}

/**
 * iommufd_ioas_copy() - IOMMU_IOAS_COPY
 * @ucmd: the command
 *
 * Maps the memory behind an IOVA range of one IOAS into another IOAS (or
 * the same one). The pins are shared, not duplicated.
 *
 * Return: 0 (the IOVA used is written back) or an errno.
 */
int iommufd_ioas_copy(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_copy *req = ucmd->cmd;
	struct iommufd_ioas *dst;
	unsigned long where;
	LIST_HEAD(pieces);
	int prot;
	int ret;

	iommufd_test_syz_conv_iova_id(ucmd, req->src_ioas_id, &req->src_iova,
				      &req->flags);

	if (req->flags & ~IOAS_MAP_KNOWN_FLAGS)
		return -EOPNOTSUPP;
	if (req->src_iova >= ULONG_MAX || req->dst_iova >= ULONG_MAX ||
	    req->length >= ULONG_MAX)
		return -EOVERFLOW;
	prot = ioas_map_prot(req->flags);
	if (prot < 0)
		return prot;

	ret = ioas_grab_source(ucmd, req->src_ioas_id, req->src_iova,
			       req->length, &pieces);
	if (ret)
		return ret;

	dst = iommufd_get_ioas(ucmd->ictx, req->dst_ioas_id);
	if (IS_ERR(dst)) {
		ret = PTR_ERR(dst);
		goto out_release;
	}

	where = req->dst_iova;
	ret = iopt_map_pages(&dst->iopt, &pieces, req->length, &where, prot,
			     ioas_placement(req->flags));
	if (!ret) {
		req->dst_iova = where;
		ret = iommufd_ucmd_respond(ucmd, sizeof(*req));
	}
	iommufd_put_object(ucmd->ictx, &dst->obj);
out_release:
	iopt_free_pages_list(&pieces);
	return ret;
}

/**
 * iommufd_ioas_unmap() - IOMMU_IOAS_UNMAP
 * @ucmd: the command
 *
 * IOVA 0 with length U64_MAX means everything and succeeds even on an
 * empty IOAS; any other range has to unmap at least one whole area.
 *
 * Return: 0 (the number of bytes unmapped is written back) or an errno.
 */
int iommufd_ioas_unmap(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_unmap *req = ucmd->cmd;
	bool everything = !req->iova && req->length == U64_MAX;
	unsigned long gone = 0;
	struct iommufd_ioas *ioas;
	int ret;

	ioas = iommufd_get_ioas(ucmd->ictx, req->ioas_id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	if (everything) {
		ret = iopt_unmap_all(&ioas->iopt, &gone);
	} else if (req->length >= ULONG_MAX || req->iova >= ULONG_MAX) {
		ret = -EOVERFLOW;
	} else {
		ret = iopt_unmap_iova(&ioas->iopt, req->iova, req->length,
				      &gone);
		if (!ret && !gone)
			ret = -ENOENT;
	}

	if (!ret) {
		req->length = gone;
		ret = iommufd_ucmd_respond(ucmd, sizeof(*req));
	}
	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return ret;
}

/* Switch the charging mode; only while the context is still empty */
static int ioas_set_rlimit_mode(struct iommufd_ctx *ctx, u64 mode)
{
	int ret = 0;

	if (!capable(CAP_SYS_RESOURCE))
		return -EPERM;

	xa_lock(&ctx->objects);
	if (!xa_empty(&ctx->objects))
		ret = -EBUSY;
	else if (mode > 1)
		ret = -EINVAL;
	else
		ctx->account_mode = mode ? IOPT_PAGES_ACCOUNT_MM :
					   IOPT_PAGES_ACCOUNT_USER;
	xa_unlock(&ctx->objects);
	return ret;
}

/**
 * iommufd_option_rlimit_mode() - IOMMU_OPTION_RLIMIT_MODE
 * @cmd: the option command
 * @ctx: the context
 *
 * Chooses how pinned memory of the context is charged against
 * RLIMIT_MEMLOCK: 0 per user (the default), 1 per mm as VFIO does.
 *
 * Return: 0 or an errno.
 */
int iommufd_option_rlimit_mode(struct iommu_option *cmd,
			       struct iommufd_ctx *ctx)
{
	if (cmd->object_id)
		return -EOPNOTSUPP;

	if (cmd->op == IOMMU_OPTION_OP_SET)
		return ioas_set_rlimit_mode(ctx, cmd->val64);
	if (cmd->op == IOMMU_OPTION_OP_GET) {
		cmd->val64 = ctx->account_mode == IOPT_PAGES_ACCOUNT_MM;
		return 0;
	}
	return -EOPNOTSUPP;
}

/* IOMMU_OPTION_HUGE_PAGES on one IOAS */
static int ioas_huge_pages_option(struct iommufd_ioas *ioas,
				  struct iommu_option *cmd)
{
	struct io_pagetable *pt = &ioas->iopt;

	if (cmd->op == IOMMU_OPTION_OP_GET) {
		cmd->val64 = pt->disable_large_pages ? 0 : 1;
		return 0;
	}
	if (cmd->op != IOMMU_OPTION_OP_SET)
		return -EOPNOTSUPP;

	switch (cmd->val64) {
	case 0:
		return iopt_disable_large_pages(pt);
	case 1:
		iopt_enable_large_pages(pt);
		return 0;
	default:
		return -EINVAL;
	}
}

/**
 * iommufd_ioas_option() - IOMMU_OPTION on an IOAS
 * @ucmd: the command
 *
 * Return: 0 or an errno.
 */
int iommufd_ioas_option(struct iommufd_ucmd *ucmd)
{
	struct iommu_option *opt = ucmd->cmd;
	struct iommufd_ioas *ioas;
	int ret = -EOPNOTSUPP;

	if (opt->__reserved)
		return -EOPNOTSUPP;

	ioas = iommufd_get_ioas(ucmd->ictx, opt->object_id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	if (opt->option_id == IOMMU_OPTION_HUGE_PAGES)
		ret = ioas_huge_pages_option(ioas, opt);

	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return ret;
}
