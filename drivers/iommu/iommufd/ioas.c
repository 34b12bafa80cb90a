// SPDX-License-Identifier: GPL-2.0
/*
 * The IOAS object: an IO address space that userspace fills with mappings
 * of its own memory. The ioctls here translate the uapi into calls on the
 * io_pagetable inside the IOAS.
 */
#include <linux/capability.h>
#include <linux/interval_tree.h>
#include <linux/iommu.h>
#include <linux/iommufd.h>
#include <uapi/linux/iommufd.h>

#include "io_pagetable.h"

/**
 * iommufd_ioas_destroy() - object destructor of an IOAS
 * @obj: the IOAS object; nothing may reference it any more
 */
void iommufd_ioas_destroy(struct iommufd_object *obj)
{
	struct iommufd_ioas *ioas = container_of(obj, struct iommufd_ioas, obj);
	int rc;

	rc = iopt_unmap_all(&ioas->iopt, NULL);
	WARN_ON(rc && rc != -ENOENT);
	iopt_destroy_table(&ioas->iopt);
	mutex_destroy(&ioas->mutex);
}

/**
 * iommufd_ioas_alloc() - create an empty, unpublished IOAS
 * @ictx: the context
 *
 * Return: the IOAS (finalize or abort it), or an ERR_PTR.
 */
struct iommufd_ioas *iommufd_ioas_alloc(struct iommufd_ctx *ictx)
{
	struct iommufd_ioas *ioas;

	ioas = iommufd_object_alloc(ictx, ioas, IOMMUFD_OBJ_IOAS);
	if (IS_ERR(ioas))
		return ioas;

	iopt_init_table(&ioas->iopt);
	INIT_LIST_HEAD(&ioas->hwpt_list);
	mutex_init(&ioas->mutex);
	return ioas;
}

/**
 * iommufd_ioas_alloc_ioctl() - IOMMU_IOAS_ALLOC
 * @ucmd: the command
 *
 * Return: 0 or an errno.
 */
int iommufd_ioas_alloc_ioctl(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_alloc *cmd = ucmd->cmd;
	struct iommufd_ioas *ioas;
	int rc;

	if (cmd->flags)
		return -EOPNOTSUPP;

	ioas = iommufd_ioas_alloc(ucmd->ictx);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	cmd->out_ioas_id = ioas->obj.id;
	rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	if (rc) {
		iommufd_object_abort_and_destroy(ucmd->ictx, &ioas->obj);
		return rc;
	}
	iommufd_object_finalize(ucmd->ictx, &ioas->obj);
	return 0;
}

/**
 * iommufd_ioas_iova_ranges() - IOMMU_IOAS_IOVA_RANGES
 * @ucmd: the command
 *
 * Reports the IOVA ranges that are not reserved, as many as fit in the
 * user's array, and always the total count and the required alignment.
 *
 * Return: 0, -EMSGSIZE if the array was too small, or another errno.
 */
int iommufd_ioas_iova_ranges(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_iova_ranges *cmd = ucmd->cmd;
	struct iommu_iova_range __user *uranges;
	struct interval_tree_span_iter span;
	struct iommufd_ioas *ioas;
	u32 room;
	int rc;

	if (cmd->__reserved)
		return -EOPNOTSUPP;

	ioas = iommufd_get_ioas(ucmd->ictx, cmd->ioas_id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	down_read(&ioas->iopt.iova_rwsem);
	room = cmd->num_iovas;
	uranges = u64_to_user_ptr(cmd->allowed_iovas);
	cmd->num_iovas = 0;
	cmd->out_iova_alignment = ioas->iopt.iova_alignment;
	interval_tree_for_each_span(&span, &ioas->iopt.reserved_itree, 0,
				    ULONG_MAX) {
		struct iommu_iova_range range;

		if (!span.is_hole)
			continue;
		if (cmd->num_iovas < room) {
			range.start = span.start_hole;
			range.last = span.last_hole;
			if (copy_to_user(&uranges[cmd->num_iovas], &range,
					 sizeof(range))) {
				rc = -EFAULT;
				goto out_unlock;
			}
		}
		cmd->num_iovas++;
	}
	rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	if (!rc && cmd->num_iovas > room)
		rc = -EMSGSIZE;
out_unlock:
	up_read(&ioas->iopt.iova_rwsem);
	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return rc;
}

static void iommufd_free_allowed_tree(struct rb_root_cached *itree)
{
	struct interval_tree_node *node;

	while ((node = interval_tree_iter_first(itree, 0, ULONG_MAX))) {
		interval_tree_remove(node, itree);
		kfree(container_of(node, struct iopt_allowed, node));
	}
}

/* Read the user's range list into a tree of struct iopt_allowed. */
static int iommufd_ioas_load_iovas(struct rb_root_cached *itree,
				   struct iommu_iova_range __user *uranges,
				   u32 num)
{
	u32 i;

	for (i = 0; i != num; i++) {
		struct iommu_iova_range range;
		struct iopt_allowed *allowed;

		if (copy_from_user(&range, uranges + i, sizeof(range)))
			return -EFAULT;

		/* An inclusive range of a single byte is not accepted. */
		if (range.start >= range.last)
			return -EINVAL;

		if (interval_tree_iter_first(itree, range.start, range.last))
			return -EINVAL;

		allowed = kzalloc(sizeof(*allowed), GFP_KERNEL_ACCOUNT);
		if (!allowed)
			return -ENOMEM;
		allowed->node.start = range.start;
		allowed->node.last = range.last;
		interval_tree_insert(&allowed->node, itree);
	}
	return 0;
}

/**
 * iommufd_ioas_allow_iovas() - IOMMU_IOAS_ALLOW_IOVAS
 * @ucmd: the command
 *
 * Replaces the allowed ranges as a whole: on any error the old list stays.
 *
 * Return: 0 or an errno.
 */
int iommufd_ioas_allow_iovas(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_allow_iovas *cmd = ucmd->cmd;
	struct rb_root_cached allowed = RB_ROOT_CACHED;
	struct iommufd_ioas *ioas;
	int rc;

	if (cmd->__reserved)
		return -EOPNOTSUPP;

	ioas = iommufd_get_ioas(ucmd->ictx, cmd->ioas_id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	rc = iommufd_ioas_load_iovas(&allowed,
				     u64_to_user_ptr(cmd->allowed_iovas),
				     cmd->num_iovas);
	if (!rc)
		rc = iopt_set_allow_iova(&ioas->iopt, &allowed);

	/* Either the new list on error, or the old one after the swap. */
	iommufd_free_allowed_tree(&allowed);
	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return rc;
}

/*
 * Userspace has no way to flush CPU caches for DMA, so every mapping asks
 * for cache-coherent DMA; devices that cannot do it are refused at attach.
 */
static int iommufd_map_flags_to_prot(u32 map_flags)
{
	int prot = IOMMU_CACHE;

	if (map_flags & IOMMU_IOAS_MAP_READABLE)
		prot |= IOMMU_READ;
	if (map_flags & IOMMU_IOAS_MAP_WRITEABLE)
		prot |= IOMMU_WRITE;
	return prot;
}

#define IOMMUFD_IOAS_MAP_FLAGS                                   \
	(IOMMU_IOAS_MAP_FIXED_IOVA | IOMMU_IOAS_MAP_WRITEABLE | \
	 IOMMU_IOAS_MAP_READABLE)

/**
 * iommufd_ioas_map() - IOMMU_IOAS_MAP
 * @ucmd: the command
 *
 * Return: 0 (the IOVA used is written back) or an errno.
 */
int iommufd_ioas_map(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_map *cmd = ucmd->cmd;
	unsigned long iova = cmd->iova;
	struct iommufd_ioas *ioas;
	unsigned int flags = 0;
	int rc;

	if ((cmd->flags & ~IOMMUFD_IOAS_MAP_FLAGS) || cmd->__reserved)
		return -EOPNOTSUPP;
	if (cmd->iova >= ULONG_MAX || cmd->length >= ULONG_MAX)
		return -EOVERFLOW;
	if (!(cmd->flags &
	      (IOMMU_IOAS_MAP_WRITEABLE | IOMMU_IOAS_MAP_READABLE)))
		return -EINVAL;

	ioas = iommufd_get_ioas(ucmd->ictx, cmd->ioas_id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	if (!(cmd->flags & IOMMU_IOAS_MAP_FIXED_IOVA))
		flags = IOPT_ALLOC_IOVA;
	rc = iopt_map_user_pages(ucmd->ictx, &ioas->iopt, &iova,
				 u64_to_user_ptr(cmd->user_va), cmd->length,
				 iommufd_map_flags_to_prot(cmd->flags), flags);
	if (!rc) {
		cmd->iova = iova;
		rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	}
	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return rc;
}

/**
 * iommufd_ioas_copy() - IOMMU_IOAS_COPY
 * @ucmd: the command
 *
 * Maps the memory behind an IOVA range of one IOAS into another (or the
 * same) IOAS. Both then share the pins.
 *
 * Return: 0 (the IOVA used is written back) or an errno.
 */
int iommufd_ioas_copy(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_copy *cmd = ucmd->cmd;
	struct iommufd_ioas *src_ioas;
	struct iommufd_ioas *dst_ioas;
	unsigned int flags = 0;
	LIST_HEAD(pages_list);
	unsigned long iova;
	int rc;

	iommufd_test_syz_conv_iova_id(ucmd, cmd->src_ioas_id, &cmd->src_iova,
				      &cmd->flags);

	if (cmd->flags & ~IOMMUFD_IOAS_MAP_FLAGS)
		return -EOPNOTSUPP;
	if (cmd->length >= ULONG_MAX || cmd->src_iova >= ULONG_MAX ||
	    cmd->dst_iova >= ULONG_MAX)
		return -EOVERFLOW;
	if (!(cmd->flags &
	      (IOMMU_IOAS_MAP_WRITEABLE | IOMMU_IOAS_MAP_READABLE)))
		return -EINVAL;

	src_ioas = iommufd_get_ioas(ucmd->ictx, cmd->src_ioas_id);
	if (IS_ERR(src_ioas))
		return PTR_ERR(src_ioas);
	rc = iopt_get_pages(&src_ioas->iopt, cmd->src_iova, cmd->length,
			    &pages_list);
	iommufd_put_object(ucmd->ictx, &src_ioas->obj);
	if (rc)
		return rc;

	dst_ioas = iommufd_get_ioas(ucmd->ictx, cmd->dst_ioas_id);
	if (IS_ERR(dst_ioas)) {
		rc = PTR_ERR(dst_ioas);
		goto out_pages;
	}

	if (!(cmd->flags & IOMMU_IOAS_MAP_FIXED_IOVA))
		flags = IOPT_ALLOC_IOVA;
	iova = cmd->dst_iova;
	rc = iopt_map_pages(&dst_ioas->iopt, &pages_list, cmd->length, &iova,
			    iommufd_map_flags_to_prot(cmd->flags), flags);
	if (!rc) {
		cmd->dst_iova = iova;
		rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	}
	iommufd_put_object(ucmd->ictx, &dst_ioas->obj);
out_pages:
	iopt_free_pages_list(&pages_list);
	return rc;
}

/**
 * iommufd_ioas_unmap() - IOMMU_IOAS_UNMAP
 * @ucmd: the command
 *
 * iova 0 with length U64_MAX unmaps everything and succeeds even when
 * nothing is mapped; any other range must unmap at least one whole area.
 *
 * Return: 0 (the number of bytes unmapped is written back) or an errno.
 */
int iommufd_ioas_unmap(struct iommufd_ucmd *ucmd)
{
	struct iommu_ioas_unmap *cmd = ucmd->cmd;
	unsigned long unmapped = 0;
	struct iommufd_ioas *ioas;
	int rc;

	ioas = iommufd_get_ioas(ucmd->ictx, cmd->ioas_id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	if (cmd->iova == 0 && cmd->length == U64_MAX) {
		rc = iopt_unmap_all(&ioas->iopt, &unmapped);
	} else if (cmd->iova >= ULONG_MAX || cmd->length >= ULONG_MAX) {
		rc = -EOVERFLOW;
	} else {
		rc = iopt_unmap_iova(&ioas->iopt, cmd->iova, cmd->length,
				     &unmapped);
		if (!rc && !unmapped)
			rc = -ENOENT;
	}
	if (!rc) {
		cmd->length = unmapped;
		rc = iommufd_ucmd_respond(ucmd, sizeof(*cmd));
	}
	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return rc;
}

/**
 * iommufd_option_rlimit_mode() - IOMMU_OPTION_RLIMIT_MODE
 * @cmd: the option command
 * @ictx: the context
 *
 * Selects how pinned memory of this context is charged: 0 per user (the
 * default), 1 per mm like VFIO. It can only change while the context has
 * no objects.
 *
 * Return: 0 or an errno.
 */
int iommufd_option_rlimit_mode(struct iommu_option *cmd,
			       struct iommufd_ctx *ictx)
{
	int rc = 0;

	if (cmd->object_id)
		return -EOPNOTSUPP;

	switch (cmd->op) {
	case IOMMU_OPTION_OP_GET:
		cmd->val64 = ictx->account_mode == IOPT_PAGES_ACCOUNT_MM;
		return 0;
	case IOMMU_OPTION_OP_SET:
		if (!capable(CAP_SYS_RESOURCE))
			return -EPERM;

		xa_lock(&ictx->objects);
		if (!xa_empty(&ictx->objects))
			rc = -EBUSY;
		else if (cmd->val64 == 0)
			ictx->account_mode = IOPT_PAGES_ACCOUNT_USER;
		else if (cmd->val64 == 1)
			ictx->account_mode = IOPT_PAGES_ACCOUNT_MM;
		else
			rc = -EINVAL;
		xa_unlock(&ictx->objects);
		return rc;
	default:
		return -EOPNOTSUPP;
	}
}

static int iommufd_ioas_option_huge_pages(struct iommu_option *cmd,
					  struct iommufd_ioas *ioas)
{
	switch (cmd->op) {
	case IOMMU_OPTION_OP_GET:
		cmd->val64 = !ioas->iopt.disable_large_pages;
		return 0;
	case IOMMU_OPTION_OP_SET:
		if (cmd->val64 == 0)
			return iopt_disable_large_pages(&ioas->iopt);
		if (cmd->val64 == 1) {
			iopt_enable_large_pages(&ioas->iopt);
			return 0;
		}
		return -EINVAL;
	default:
		return -EOPNOTSUPP;
	}
}

/**
 * iommufd_ioas_option() - the per-IOAS options of IOMMU_OPTION
 * @ucmd: the command
 *
 * Return: 0 or an errno.
 */
int iommufd_ioas_option(struct iommufd_ucmd *ucmd)
{
	struct iommu_option *cmd = ucmd->cmd;
	struct iommufd_ioas *ioas;
	int rc;

	if (cmd->__reserved)
		return -EOPNOTSUPP;

	ioas = iommufd_get_ioas(ucmd->ictx, cmd->object_id);
	if (IS_ERR(ioas))
		return PTR_ERR(ioas);

	if (cmd->option_id == IOMMU_OPTION_HUGE_PAGES)
		rc = iommufd_ioas_option_huge_pages(cmd, ioas);
	else
		rc = -EOPNOTSUPP;

	iommufd_put_object(ucmd->ictx, &ioas->obj);
	return rc;
}
