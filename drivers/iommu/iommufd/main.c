// SPDX-License-Identifier: GPL-2.0
/*
 * iommufd: the /dev/iommu character device and its object model.
 *
 * Opening /dev/iommu gives a context. Everything userspace (or a driver on
 * its behalf) creates in the context is an object with a small integer id:
 * IO address spaces, hardware page tables, fault queues, bound devices and
 * in-kernel accesses. This file hands out the ids, resolves them back into
 * referenced objects, destroys objects once nothing uses them, routes the
 * ioctls, and tears the whole context down on the last close.
 *
 * Reference counting, in short: every object carries two counts. "users"
 * counts every holder; "shortterm_users" counts only the holders that are
 * in the middle of an ioctl. The objects xarray owns one of each. An object
 * can be destroyed only when the xarray's "users" is the last one, and its
 * memory is freed only after the short-term holders have drained.
 */
#define pr_fmt(fmt) "iommufd: " fmt

#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <linux/iommufd.h>
#include <uapi/linux/iommufd.h>

#include "iommufd_private.h"
#include "io_pagetable.h"
#include "iommufd_test.h"

/* How long removing an object waits for in-flight ioctls to let go */
#define IOMMUFD_DRAIN_TIMEOUT_MS	(60 * 1000)

static struct miscdevice iommufd_vfio_node;

/* ---------------------------------------------------------------------- */
/* Per-type dispatch */

/*
 * Some object types own a file that holds a users reference on them (the
 * fault queue). Return that file, or NULL for types without one or when it
 * was not created yet.
 */
static struct file *iommufd_obj_owned_file(struct iommufd_object *obj)
{
	if (obj->type == IOMMUFD_OBJ_FAULT)
		return container_of(obj, struct iommufd_fault, obj)->filep;
	return NULL;
}

/*
 * Free the type-specific state of an object. @unpublished selects the
 * abort variant, for objects whose creation failed before they were
 * finalized; types without a special abort use their destructor.
 */
static void iommufd_obj_teardown(struct iommufd_object *obj, bool unpublished)
{
	switch (obj->type) {
	case IOMMUFD_OBJ_IOAS:
		iommufd_ioas_destroy(obj);
		break;
	case IOMMUFD_OBJ_DEVICE:
		iommufd_device_destroy(obj);
		break;
	case IOMMUFD_OBJ_ACCESS:
		iommufd_access_destroy_object(obj);
		break;
	case IOMMUFD_OBJ_FAULT:
		iommufd_fault_destroy(obj);
		break;
	case IOMMUFD_OBJ_HWPT_PAGING:
		if (unpublished)
			iommufd_hwpt_paging_abort(obj);
		else
			iommufd_hwpt_paging_destroy(obj);
		break;
	case IOMMUFD_OBJ_HWPT_NESTED:
		if (unpublished)
			iommufd_hwpt_nested_abort(obj);
		else
			iommufd_hwpt_nested_destroy(obj);
		break;
#ifdef CONFIG_IOMMUFD_TEST
	case IOMMUFD_OBJ_SELFTEST:
		iommufd_selftest_destroy(obj);
		break;
#endif
	default:
		WARN(1, "object of unknown type %d\n", obj->type);
		break;
	}
}

/* Final step of every destruction: type-specific state, then the memory */
static void iommufd_obj_free(struct iommufd_object *obj)
{
	iommufd_obj_teardown(obj, false);
	kfree(obj);
}

/* ---------------------------------------------------------------------- */
/* Creation */

/**
 * _iommufd_object_alloc() - allocate an object and reserve its id
 * @ctx: the context
 * @size: size of the structure that embeds the object header first
 * @type: the object type
 *
 * The id is taken at once, but the slot holds a placeholder until
 * iommufd_object_finalize(): lookups cannot see a half-built object, and a
 * creator whose later steps fail can still throw it away with
 * iommufd_object_abort() or iommufd_object_abort_and_destroy().
 *
 * Return: the zeroed object, or an ERR_PTR.
 */
struct iommufd_object *_iommufd_object_alloc(struct iommufd_ctx *ctx,
					     size_t size,
					     enum iommufd_object_type type)
{
	struct iommufd_object *fresh;
	int ret;

	fresh = kzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!fresh)
		return ERR_PTR(-ENOMEM);

	ret = xa_alloc(&ctx->objects, &fresh->id, XA_ZERO_ENTRY, xa_limit_31b,
		       GFP_KERNEL_ACCOUNT);
	if (ret) {
		kfree(fresh);
		return ERR_PTR(ret);
	}

	/* Both counts start with the reference owned by the xarray slot. */
	fresh->type = type;
	refcount_set(&fresh->users, 1);
	refcount_set(&fresh->shortterm_users, 1);
	return fresh;
}

/**
 * iommufd_object_finalize() - publish a fully built object
 * @ctx: the context
 * @obj: an object from _iommufd_object_alloc()
 *
 * From here on other threads can find and hold the object, so the creator
 * must not fail after this call.
 */
void iommufd_object_finalize(struct iommufd_ctx *ctx,
			     struct iommufd_object *obj)
{
	void *placeholder;

	/* Overwriting a reserved slot needs no memory and cannot fail. */
	placeholder = xa_store(&ctx->objects, obj->id, obj, GFP_KERNEL);
	WARN_ON(placeholder);
}

/**
 * iommufd_object_abort() - release the id and memory of an unpublished object
 * @ctx: the context
 * @obj: the object; it owns nothing that needs undoing
 */
void iommufd_object_abort(struct iommufd_ctx *ctx, struct iommufd_object *obj)
{
	/* The slot must still hold the placeholder, not a pointer. */
	WARN_ON(xa_erase(&ctx->objects, obj->id));
	kfree(obj);
}

/**
 * iommufd_object_abort_and_destroy() - throw away a built, unpublished object
 * @ctx: the context
 * @obj: the object; its type-specific state is released as well
 */
void iommufd_object_abort_and_destroy(struct iommufd_ctx *ctx,
				      struct iommufd_object *obj)
{
	struct file *owned = iommufd_obj_owned_file(obj);

	/*
	 * A file the object created holds a users reference on it. Nobody
	 * else can have opened it yet, so releasing it synchronously here
	 * guarantees its release callback has run before the memory goes.
	 */
	if (owned)
		__fput_sync(owned);

	iommufd_obj_teardown(obj, true);
	iommufd_object_abort(ctx, obj);
}

/* ---------------------------------------------------------------------- */
/* Lookup */

/* The published object with this id, or NULL; objects xa_lock held */
static struct iommufd_object *iommufd_obj_peek(struct iommufd_ctx *ctx, u32 id)
{
	struct iommufd_object *obj = xa_load(&ctx->objects, id);

	if (xa_is_zero(obj))
		return NULL;
	return obj;
}

/**
 * iommufd_get_object() - resolve an id into an object held for an ioctl
 * @ctx: the context
 * @id: the id userspace passed
 * @want: the type the caller needs, or IOMMUFD_OBJ_ANY
 *
 * Return: the object with a short-term reference, which the caller gives
 * back with iommufd_put_object(), or ERR_PTR(-ENOENT) when no published,
 * live object of that type has the id.
 */
struct iommufd_object *iommufd_get_object(struct iommufd_ctx *ctx, u32 id,
					  enum iommufd_object_type want)
{
	struct iommufd_object *found;
	bool held = false;

	if (iommufd_should_fail())
		return ERR_PTR(-ENOENT);

	xa_lock(&ctx->objects);
	found = iommufd_obj_peek(ctx, id);
	if (found && (want == IOMMUFD_OBJ_ANY || found->type == want))
		held = iommufd_lock_obj(found);
	xa_unlock(&ctx->objects);

	return held ? found : ERR_PTR(-ENOENT);
}

/* ---------------------------------------------------------------------- */
/* Destruction */

/*
 * Give up the xarray's short-term reference and wait for the ioctls still
 * holding the object to finish. On timeout the reference is restored and
 * -EBUSY returned: somebody leaked one.
 */
static int iommufd_obj_drain(struct iommufd_ctx *ctx,
			     struct iommufd_object *obj)
{
	long left;

	if (refcount_dec_and_test(&obj->shortterm_users))
		return 0;

	left = wait_event_timeout(ctx->destroy_wait,
				  !refcount_read(&obj->shortterm_users),
				  msecs_to_jiffies(IOMMUFD_DRAIN_TIMEOUT_MS));
	if (left)
		return 0;

	pr_crit("object %u still has short-term users, not destroying it\n",
		obj->id);
	refcount_inc(&obj->shortterm_users);
	return -EBUSY;
}

/*
 * The locked half of iommufd_object_remove(): check that @id may go, and
 * if so take it out of the xarray. @held is the object the caller owns a
 * users reference on (consumed here), or NULL.
 */
static int iommufd_obj_unlink(struct iommufd_ctx *ctx,
			      struct iommufd_object *held, u32 id,
			      struct iommufd_object **out)
{
	struct iommufd_object *obj;

	lockdep_assert_held(&ctx->objects.xa_lock);

	obj = xa_load(&ctx->objects, id);
	if (held) {
		refcount_dec(&held->users);
		if (WARN_ON(obj != held))
			return -ENOENT;
	} else if (!obj || xa_is_zero(obj)) {
		return -ENOENT;
	}

	/* Only the xarray's reference may be left. */
	if (!refcount_dec_if_one(&obj->users))
		return -EBUSY;

	__xa_erase(&ctx->objects, id);
	/* The VFIO compat pointer is not a reference; forget it. */
	if (ctx->vfio_ioas && obj == &ctx->vfio_ioas->obj)
		ctx->vfio_ioas = NULL;
	*out = obj;
	return 0;
}

/**
 * iommufd_object_remove() - destroy an object if it is not in use
 * @ctx: the context
 * @to_destroy: the object if the caller owns a users reference on it (the
 *	call consumes it), or NULL to go by @id alone
 * @id: the object id
 * @flags: REMOVE_WAIT_SHORTTERM makes the call wait for ioctls using the
 *	object first; the caller then must hold no short-term reference
 *
 * Return: 0 once destroyed, -ENOENT for an id that is free or not yet
 * published, -EBUSY while something else still references the object.
 */
int iommufd_object_remove(struct iommufd_ctx *ctx,
			  struct iommufd_object *to_destroy, u32 id,
			  unsigned int flags)
{
	bool wait_first = flags & REMOVE_WAIT_SHORTTERM;
	struct iommufd_object *gone = NULL;
	int ret;

	/*
	 * Objects a kernel driver destroys must be gone when this returns,
	 * so wait out the ioctls before looking at the users count.
	 */
	if (wait_first) {
		ret = iommufd_obj_drain(ctx, to_destroy);
		if (ret) {
			/* Leaked reference: leave the object to close(). */
			refcount_dec(&to_destroy->users);
			return ret;
		}
	}

	xa_lock(&ctx->objects);
	ret = iommufd_obj_unlink(ctx, to_destroy, id, &gone);
	if (ret && wait_first)
		refcount_set(&to_destroy->shortterm_users, 1);
	xa_unlock(&ctx->objects);
	if (ret)
		return ret;

	/*
	 * With users at zero no new short-term holder can appear; one still
	 * present is on its way out, anything else is a bug.
	 */
	if (!wait_first) {
		ret = iommufd_obj_drain(ctx, gone);
		if (WARN_ON(ret))
			return ret;
	}

	iommufd_obj_free(gone);
	return 0;
}

static int iommufd_destroy_ioctl(struct iommufd_ucmd *uc)
{
	struct iommu_destroy *arg = uc->cmd;

	return iommufd_object_remove(uc->ictx, NULL, arg->id, 0);
}

/* ---------------------------------------------------------------------- */
/* The file */

static int iommufd_dev_open(struct inode *inode, struct file *filp)
{
	/* misc_open() left the miscdevice that was opened here. */
	bool via_vfio = filp->private_data == &iommufd_vfio_node;
	struct iommufd_ctx *ctx;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL_ACCOUNT);
	if (!ctx)
		return -ENOMEM;

	xa_init_flags(&ctx->objects, XA_FLAGS_ALLOC1 | XA_FLAGS_ACCOUNT);
	xa_init(&ctx->groups);
	init_waitqueue_head(&ctx->destroy_wait);
	ctx->file = filp;

	/* Programs using /dev/vfio/vfio expect VFIO's locked-memory rules. */
	if (IS_ENABLED(CONFIG_IOMMUFD_VFIO_CONTAINER) && via_vfio)
		ctx->account_mode = IOPT_PAGES_ACCOUNT_MM;

	filp->private_data = ctx;
	return 0;
}

/*
 * One sweep of the teardown: destroy each object that only the xarray
 * still references. Return how many went.
 */
static unsigned int iommufd_sweep_unused(struct iommufd_ctx *ctx)
{
	struct iommufd_object *obj;
	unsigned int swept = 0;
	unsigned long id;

	xa_for_each(&ctx->objects, id, obj) {
		if (!refcount_dec_if_one(&obj->users))
			continue;
		xa_erase(&ctx->objects, id);
		iommufd_obj_free(obj);
		swept++;
	}
	return swept;
}

static int iommufd_dev_release(struct inode *inode, struct file *filp)
{
	struct iommufd_ctx *ctx = filp->private_data;

	/*
	 * Objects hold users references on the objects they depend on, so
	 * a sweep frees the leaves and thereby turns their dependencies into
	 * leaves for the next sweep. A sweep that frees nothing while
	 * objects remain can only mean a leaked reference.
	 */
	while (!xa_empty(&ctx->objects)) {
		if (WARN_ON(!iommufd_sweep_unused(ctx)))
			break;
	}
	WARN_ON(!xa_empty(&ctx->groups));
	kfree(ctx);
	return 0;
}

static int iommufd_option_ioctl(struct iommufd_ucmd *uc)
{
	struct iommu_option __user *uopt = uc->ubuffer;
	struct iommu_option *opt = uc->cmd;
	int ret;

	if (opt->__reserved)
		return -EOPNOTSUPP;

	if (opt->option_id == IOMMU_OPTION_RLIMIT_MODE)
		ret = iommufd_option_rlimit_mode(opt, uc->ictx);
	else if (opt->option_id == IOMMU_OPTION_HUGE_PAGES)
		ret = iommufd_ioas_option(uc);
	else
		ret = -EOPNOTSUPP;

	/* val64 is the only field the kernel fills in. */
	if (!ret && copy_to_user(&uopt->val64, &opt->val64, sizeof(opt->val64)))
		ret = -EFAULT;
	return ret;
}

/* ---------------------------------------------------------------------- */
/* ioctl dispatch */

/* Storage for the kernel copy of any command's argument */
union iommufd_cmd_arg {
	struct iommu_destroy destroy;
	struct iommu_ioas_alloc ioas_new;
	struct iommu_ioas_iova_ranges ioas_ranges;
	struct iommu_ioas_allow_iovas ioas_allow;
	struct iommu_ioas_map ioas_map;
	struct iommu_ioas_copy ioas_copy;
	struct iommu_ioas_unmap ioas_unmap;
	struct iommu_option opt;
	struct iommu_vfio_ioas vfio;
	struct iommu_hwpt_alloc hwpt_new;
	struct iommu_hw_info hw_info;
	struct iommu_hwpt_set_dirty_tracking dirty_track;
	struct iommu_hwpt_get_dirty_bitmap dirty_read;
	struct iommu_hwpt_invalidate hwpt_inval;
	struct iommu_fault_alloc fault_new;
#ifdef CONFIG_IOMMUFD_TEST
	struct iommu_test_cmd selftest;
#endif
};

/**
 * struct iommufd_cmd_desc - how one iommufd ioctl is executed
 * @kernel_size: size of the argument struct this kernel knows
 * @min_user_size: the size of the first version of the struct; older
 *	userspace never passes less
 * @run: the handler; NULL for a number no command uses
 */
struct iommufd_cmd_desc {
	u32 kernel_size;
	u32 min_user_size;
	int (*run)(struct iommufd_ucmd *uc);
};

/*
 * One table slot per command number, from IOMMUFD_CMD_BASE up. @oldest is
 * the last member of the first version of @type.
 */
#define IOMMUFD_CMD(number, type, oldest, handler)                            \
	[_IOC_NR(number) - IOMMUFD_CMD_BASE] = {                              \
		.run = handler,                                               \
		.min_user_size = offsetofend(type, oldest),                   \
		.kernel_size = sizeof(type) +                                 \
			       BUILD_BUG_ON_ZERO(sizeof(type) >               \
						 sizeof(union iommufd_cmd_arg)), \
	}

static const struct iommufd_cmd_desc iommufd_cmds[] = {
	IOMMUFD_CMD(IOMMU_DESTROY, struct iommu_destroy, id,
		    iommufd_destroy_ioctl),
	IOMMUFD_CMD(IOMMU_IOAS_ALLOC, struct iommu_ioas_alloc, out_ioas_id,
		    iommufd_ioas_alloc_ioctl),
	IOMMUFD_CMD(IOMMU_IOAS_ALLOW_IOVAS, struct iommu_ioas_allow_iovas,
		    allowed_iovas, iommufd_ioas_allow_iovas),
	IOMMUFD_CMD(IOMMU_IOAS_COPY, struct iommu_ioas_copy, src_iova,
		    iommufd_ioas_copy),
	IOMMUFD_CMD(IOMMU_IOAS_IOVA_RANGES, struct iommu_ioas_iova_ranges,
		    out_iova_alignment, iommufd_ioas_iova_ranges),
	IOMMUFD_CMD(IOMMU_IOAS_MAP, struct iommu_ioas_map, iova,
		    iommufd_ioas_map),
	IOMMUFD_CMD(IOMMU_IOAS_UNMAP, struct iommu_ioas_unmap, length,
		    iommufd_ioas_unmap),
	IOMMUFD_CMD(IOMMU_OPTION, struct iommu_option, val64,
		    iommufd_option_ioctl),
	IOMMUFD_CMD(IOMMU_VFIO_IOAS, struct iommu_vfio_ioas, __reserved,
		    iommufd_vfio_ioas),
	IOMMUFD_CMD(IOMMU_HWPT_ALLOC, struct iommu_hwpt_alloc, __reserved,
		    iommufd_hwpt_alloc),
	IOMMUFD_CMD(IOMMU_GET_HW_INFO, struct iommu_hw_info, __reserved,
		    iommufd_get_hw_info),
	IOMMUFD_CMD(IOMMU_HWPT_SET_DIRTY_TRACKING,
		    struct iommu_hwpt_set_dirty_tracking, __reserved,
		    iommufd_hwpt_set_dirty_tracking),
	IOMMUFD_CMD(IOMMU_HWPT_GET_DIRTY_BITMAP,
		    struct iommu_hwpt_get_dirty_bitmap, data,
		    iommufd_hwpt_get_dirty_bitmap),
	IOMMUFD_CMD(IOMMU_HWPT_INVALIDATE, struct iommu_hwpt_invalidate,
		    __reserved, iommufd_hwpt_invalidate),
	IOMMUFD_CMD(IOMMU_FAULT_QUEUE_ALLOC, struct iommu_fault_alloc,
		    out_fault_fd, iommufd_fault_alloc),
#ifdef CONFIG_IOMMUFD_TEST
	IOMMUFD_CMD(IOMMU_TEST_CMD, struct iommu_test_cmd, last, iommufd_test),
#endif
};

/*
 * Execute the command in table slot @slot. Errors come in a fixed order:
 * an unreadable size word, then a number that does not name exactly this
 * command, then a size older than the first version, then whatever
 * copying in the argument reports, and last the handler's own result.
 */
static long iommufd_run_cmd(struct iommufd_ctx *ctx, unsigned int slot,
			    unsigned int cmd, void __user *uarg)
{
	const struct iommufd_cmd_desc *desc = &iommufd_cmds[slot];
	union iommufd_cmd_arg karg;
	struct iommufd_ucmd uc = {
		.ictx = ctx,
		.ubuffer = uarg,
		.cmd = &karg,
	};
	int ret;

	ret = get_user(uc.user_size, (u32 __user *)uarg);
	if (ret)
		return ret;

	/* Only the plain _IO() form of the number is accepted. */
	if (!desc->run || cmd != _IO(IOMMUFD_TYPE, IOMMUFD_CMD_BASE + slot))
		return -ENOIOCTLCMD;
	if (uc.user_size < desc->min_user_size)
		return -EINVAL;

	ret = copy_struct_from_user(&karg, desc->kernel_size, uarg,
				    uc.user_size);
	if (ret)
		return ret;
	return desc->run(&uc);
}

static long iommufd_dev_ioctl(struct file *filp, unsigned int cmd,
			      unsigned long arg)
{
	struct iommufd_ctx *ctx = filp->private_data;
	unsigned int nr = _IOC_NR(cmd);

	/* Anything below or above the iommufd numbers is a VFIO ioctl. */
	if (nr >= IOMMUFD_CMD_BASE &&
	    nr - IOMMUFD_CMD_BASE < ARRAY_SIZE(iommufd_cmds))
		return iommufd_run_cmd(ctx, nr - IOMMUFD_CMD_BASE, cmd,
				       (void __user *)arg);
	return iommufd_vfio_ioctl(ctx, cmd, arg);
}

static const struct file_operations iommufd_fops = {
	.unlocked_ioctl = iommufd_dev_ioctl,
	.release = iommufd_dev_release,
	.open = iommufd_dev_open,
	.owner = THIS_MODULE,
};

/* ---------------------------------------------------------------------- */
/* Context references for other subsystems */

static bool iommufd_file_is_ctx(const struct file *file)
{
	return file->f_op == &iommufd_fops;
}

/**
 * iommufd_ctx_get() - take another reference on a context
 * @ictx: the context; the caller already holds a reference
 *
 * A context lives as long as its file, so this is a file reference.
 */
void iommufd_ctx_get(struct iommufd_ctx *ictx)
{
	get_file(ictx->file);
}
EXPORT_SYMBOL_NS_GPL(iommufd_ctx_get, IOMMUFD);

/**
 * iommufd_ctx_from_file() - the context of an iommufd file
 * @file: a file the caller holds a reference on
 *
 * Return: the context with a reference of its own, dropped with
 * iommufd_ctx_put(), or ERR_PTR(-EBADFD) when @file is something else.
 */
struct iommufd_ctx *iommufd_ctx_from_file(struct file *file)
{
	if (!iommufd_file_is_ctx(file))
		return ERR_PTR(-EBADFD);

	get_file(file);
	return file->private_data;
}
EXPORT_SYMBOL_NS_GPL(iommufd_ctx_from_file, IOMMUFD);

/**
 * iommufd_ctx_from_fd() - the context behind a file descriptor
 * @fd: a descriptor of the calling task
 *
 * Return: the context with a reference of its own, dropped with
 * iommufd_ctx_put(); ERR_PTR(-EBADF) if @fd is not open, ERR_PTR(-EBADFD)
 * if it is not an iommufd.
 */
struct iommufd_ctx *iommufd_ctx_from_fd(int fd)
{
	struct file *file = fget(fd);

	if (!file)
		return ERR_PTR(-EBADF);
	if (iommufd_file_is_ctx(file))
		return file->private_data;	/* keeps fget()'s reference */

	fput(file);
	return ERR_PTR(-EBADFD);
}
EXPORT_SYMBOL_NS_GPL(iommufd_ctx_from_fd, IOMMUFD);

/**
 * iommufd_ctx_put() - drop a context reference
 * @ictx: the context
 */
void iommufd_ctx_put(struct iommufd_ctx *ictx)
{
	fput(ictx->file);
}
EXPORT_SYMBOL_NS_GPL(iommufd_ctx_put, IOMMUFD);

/* ---------------------------------------------------------------------- */
/* Device nodes and module init */

static struct miscdevice iommufd_node = {
	.name = "iommu",
	.nodename = "iommu",
	.minor = MISC_DYNAMIC_MINOR,
	.mode = 0660,
	.fops = &iommufd_fops,
};

/* /dev/vfio/vfio, for VFIO container users (CONFIG_IOMMUFD_VFIO_CONTAINER) */
static struct miscdevice iommufd_vfio_node = {
	.name = "vfio",
	.nodename = "vfio/vfio",
	.minor = VFIO_MINOR,
	.mode = 0666,
	.fops = &iommufd_fops,
};

static bool iommufd_wants_vfio_node(void)
{
	return IS_ENABLED(CONFIG_IOMMUFD_VFIO_CONTAINER);
}

static int __init iommufd_module_init(void)
{
	int ret;

	ret = misc_register(&iommufd_node);
	if (ret)
		return ret;

	if (iommufd_wants_vfio_node()) {
		ret = misc_register(&iommufd_vfio_node);
		if (ret)
			goto out_iommu_node;
	}

	ret = iommufd_test_init();
	if (ret)
		goto out_vfio_node;
	return 0;

out_vfio_node:
	if (iommufd_wants_vfio_node())
		misc_deregister(&iommufd_vfio_node);
out_iommu_node:
	misc_deregister(&iommufd_node);
	return ret;
}

static void __exit iommufd_module_exit(void)
{
	iommufd_test_exit();
	if (iommufd_wants_vfio_node())
		misc_deregister(&iommufd_vfio_node);
	misc_deregister(&iommufd_node);
}

module_init(iommufd_module_init);
module_exit(iommufd_module_exit);

MODULE_DESCRIPTION("iommufd: userspace control of IOMMU address spaces");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(IOMMUFD);
MODULE_IMPORT_NS(IOMMUFD_INTERNAL);
