// SPDX-License-Identifier: GPL-2.0
/*
 * iommufd: the /dev/iommu character device.
 *
 * Each open of /dev/iommu creates a context. Userspace builds objects in it
 * (IO address spaces, hardware page tables, fault queues; drivers add bound
 * devices and accesses) and refers to them by small integer ids. This file
 * holds the object model those ids index, the ioctl dispatcher, and the
 * teardown that runs on the last close.
 */
#define pr_fmt(fmt) "iommufd: " fmt

#include <linux/bug.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/iommufd.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <uapi/linux/iommufd.h>

#include "io_pagetable.h"
#include "iommufd_private.h"
#include "iommufd_test.h"

/**
 * struct iommufd_object_ops - what the object model needs to know per type
 * @file_offset: if non-zero, offset of a struct file pointer inside the
 *	object; that file holds a reference on the object and is released
 *	first when an unfinalized object is aborted
 * @destroy: free the type-specific state (the object memory itself is
 *	freed by the caller)
 * @abort: like @destroy, for an object that was never finalized; when NULL
 *	@destroy is used
 */
struct iommufd_object_ops {
	size_t file_offset;
	void (*destroy)(struct iommufd_object *obj);
	void (*abort)(struct iommufd_object *obj);
};

static const struct iommufd_object_ops iommufd_object_ops[];
static struct miscdevice vfio_misc_dev;

/**
 * _iommufd_object_alloc() - allocate an object and reserve its id
 * @ictx: the context
 * @size: size of the containing structure
 * @type: the object type
 *
 * The id is reserved but lookups do not find the object until
 * iommufd_object_finalize(). Errors before that are unwound with
 * iommufd_object_abort() or iommufd_object_abort_and_destroy().
 *
 * Return: the zeroed object, or an ERR_PTR.
 */
struct iommufd_object *_iommufd_object_alloc(struct iommufd_ctx *ictx,
					     size_t size,
					     enum iommufd_object_type type)
{
	struct iommufd_object *obj;
	int rc;

	obj = kzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!obj)
		return ERR_PTR(-ENOMEM);
	obj->type = type;
	/* The objects xarray owns one reference of each kind. */
	refcount_set(&obj->shortterm_users, 1);
	refcount_set(&obj->users, 1);

	/*
	 * A zero entry keeps the id taken while lookups still see nothing:
	 * once the pointer is visible, others can hold the object and it can
	 * no longer be torn down from here, so publishing waits until every
	 * fallible step of the creator is done.
	 */
	rc = xa_alloc(&ictx->objects, &obj->id, XA_ZERO_ENTRY, xa_limit_31b,
		      GFP_KERNEL_ACCOUNT);
	if (rc) {
		kfree(obj);
		return ERR_PTR(rc);
	}
	return obj;
}

/**
 * iommufd_object_finalize() - make a new object visible to lookups
 * @ictx: the context
 * @obj: an object from _iommufd_object_alloc() whose creation succeeded
 */
void iommufd_object_finalize(struct iommufd_ctx *ictx,
			     struct iommufd_object *obj)
{
	void *old;

	/* The slot exists already, so this store allocates nothing. */
	old = xa_store(&ictx->objects, obj->id, obj, GFP_KERNEL);
	WARN_ON(old);
}

/**
 * iommufd_object_abort() - give back an object that was never finalized
 * @ictx: the context
 * @obj: the object; nothing type-specific needs undoing
 */
void iommufd_object_abort(struct iommufd_ctx *ictx, struct iommufd_object *obj)
{
	void *old;

	old = xa_erase(&ictx->objects, obj->id);
	WARN_ON(old);
	kfree(obj);
}

/**
 * iommufd_object_abort_and_destroy() - undo a fully built, unpublished object
 * @ictx: the context
 * @obj: the object; its type's abort (or destroy) callback runs first
 */
void iommufd_object_abort_and_destroy(struct iommufd_ctx *ictx,
				      struct iommufd_object *obj)
{
	const struct iommufd_object_ops *ops = &iommufd_object_ops[obj->type];

	if (ops->file_offset) {
		struct file **filep = (void *)obj + ops->file_offset;

		/*
		 * The file holds a reference on the object. Release it now,
		 * synchronously, so that it cannot run after the object is
		 * freed below. Nobody else can have the file yet.
		 */
		if (*filep)
			__fput_sync(*filep);
	}

	if (ops->abort)
		ops->abort(obj);
	else
		ops->destroy(obj);
	iommufd_object_abort(ictx, obj);
}

/**
 * iommufd_get_object() - look up an object and take a short-term reference
 * @ictx: the context
 * @id: the id userspace passed
 * @type: the expected type, or IOMMUFD_OBJ_ANY
 *
 * Return: the object, to be released with iommufd_put_object(), or
 * ERR_PTR(-ENOENT) if no finalized object of that type has the id.
 */
struct iommufd_object *iommufd_get_object(struct iommufd_ctx *ictx, u32 id,
					  enum iommufd_object_type type)
{
	struct iommufd_object *obj;

	if (iommufd_should_fail())
		return ERR_PTR(-ENOENT);

	xa_lock(&ictx->objects);
	obj = xa_load(&ictx->objects, id);
	if (!obj || xa_is_zero(obj) ||
	    (type != IOMMUFD_OBJ_ANY && obj->type != type) ||
	    !iommufd_lock_obj(obj))
		obj = ERR_PTR(-ENOENT);
	xa_unlock(&ictx->objects);
	return obj;
}

/*
 * Drop the xarray's short-term reference and wait until every ioctl that
 * still uses the object has let go.
 */
static int iommufd_object_dec_wait_shortterm(struct iommufd_ctx *ictx,
					     struct iommufd_object *to_destroy)
{
	if (refcount_dec_and_test(&to_destroy->shortterm_users))
		return 0;

	if (wait_event_timeout(ictx->destroy_wait,
			       refcount_read(&to_destroy->shortterm_users) == 0,
			       msecs_to_jiffies(60000)))
		return 0;

	pr_crit("an object is still in use after 60s, giving up on it\n");
	refcount_inc(&to_destroy->shortterm_users);
	return -EBUSY;
}

/**
 * iommufd_object_remove() - destroy an object if nothing else holds it
 * @ictx: the context
 * @to_destroy: if non-NULL, the object, on which the caller owns a users
 *	reference that this call consumes; NULL to destroy by @id only
 * @id: the object id
 * @flags: REMOVE_WAIT_SHORTTERM to first wait out short-term users (the
 *	caller then must not hold one)
 *
 * Return: 0 when destroyed, -ENOENT for an unknown or unpublished id,
 * -EBUSY if another reference still exists.
 */
int iommufd_object_remove(struct iommufd_ctx *ictx,
			  struct iommufd_object *to_destroy, u32 id,
			  unsigned int flags)
{
	bool shortterm_dropped = false;
	struct iommufd_object *obj;
	int rc;

	/*
	 * Every temporary reference also counts in shortterm_users, so the
	 * objects that kernel users destroy can wait for those to drain and
	 * then be destroyed deterministically.
	 */
	if (flags & REMOVE_WAIT_SHORTTERM) {
		rc = iommufd_object_dec_wait_shortterm(ictx, to_destroy);
		if (rc) {
			/*
			 * A reference leaked. Give back the caller's one; the
			 * release of the context will clean up.
			 */
			refcount_dec(&to_destroy->users);
			return rc;
		}
		shortterm_dropped = true;
	}

	xa_lock(&ictx->objects);
	obj = xa_load(&ictx->objects, id);
	if (to_destroy) {
		/* Consume the caller's reference under the lock. */
		refcount_dec(&to_destroy->users);
		if (WARN_ON(obj != to_destroy)) {
			rc = -ENOENT;
			goto err_unlock;
		}
	} else if (!obj || xa_is_zero(obj)) {
		rc = -ENOENT;
		goto err_unlock;
	}

	if (!refcount_dec_if_one(&obj->users)) {
		rc = -EBUSY;
		goto err_unlock;
	}

	__xa_erase(&ictx->objects, id);
	if (ictx->vfio_ioas && &ictx->vfio_ioas->obj == obj)
		ictx->vfio_ioas = NULL;
	xa_unlock(&ictx->objects);

	/*
	 * users is zero now; a short-term user can only be one that is just
	 * about to drop its reference, anything else is a bug.
	 */
	if (!shortterm_dropped) {
		rc = iommufd_object_dec_wait_shortterm(ictx, obj);
		if (WARN_ON(rc))
			return rc;
	}

	iommufd_object_ops[obj->type].destroy(obj);
	kfree(obj);
	return 0;

err_unlock:
	if (shortterm_dropped)
		refcount_set(&obj->shortterm_users, 1);
	xa_unlock(&ictx->objects);
	return rc;
}

static int iommufd_destroy(struct iommufd_ucmd *ucmd)
{
	struct iommu_destroy *cmd = ucmd->cmd;

	return iommufd_object_remove(ucmd->ictx, NULL, cmd->id, 0);
}

static int iommufd_fops_open(struct inode *inode, struct file *filp)
{
	struct iommufd_ctx *ictx;

	ictx = kzalloc(sizeof(*ictx), GFP_KERNEL_ACCOUNT);
	if (!ictx)
		return -ENOMEM;

	/* /dev/vfio/vfio users expect VFIO's accounting of locked memory. */
	if (IS_ENABLED(CONFIG_IOMMUFD_VFIO_CONTAINER) &&
	    filp->private_data == &vfio_misc_dev)
		ictx->account_mode = IOPT_PAGES_ACCOUNT_MM;

	xa_init_flags(&ictx->objects, XA_FLAGS_ALLOC1 | XA_FLAGS_ACCOUNT);
	xa_init(&ictx->groups);
	ictx->file = filp;
	init_waitqueue_head(&ictx->destroy_wait);
	filp->private_data = ictx;
	return 0;
}

/*
 * Objects reference each other through their users counts, so they must
 * go leaf first. Each pass destroys every object nothing else holds; that
 * drops references on the objects they used, which the next pass can then
 * destroy. A pass that destroys nothing means a reference leaked.
 */
static int iommufd_fops_release(struct inode *inode, struct file *filp)
{
	struct iommufd_ctx *ictx = filp->private_data;
	struct iommufd_object *obj;

	while (!xa_empty(&ictx->objects)) {
		unsigned int destroyed = 0;
		unsigned long index;

		xa_for_each(&ictx->objects, index, obj) {
			if (!refcount_dec_if_one(&obj->users))
				continue;
			destroyed++;
			xa_erase(&ictx->objects, index);
			iommufd_object_ops[obj->type].destroy(obj);
			kfree(obj);
		}
		if (WARN_ON(!destroyed))
			break;
	}
	WARN_ON(!xa_empty(&ictx->groups));
	kfree(ictx);
	return 0;
}

static int iommufd_option(struct iommufd_ucmd *ucmd)
{
	struct iommu_option *cmd = ucmd->cmd;
	struct iommu_option __user *uopt = ucmd->ubuffer;
	int rc;

	if (cmd->__reserved)
		return -EOPNOTSUPP;

	switch (cmd->option_id) {
	case IOMMU_OPTION_RLIMIT_MODE:
		rc = iommufd_option_rlimit_mode(cmd, ucmd->ictx);
		break;
	case IOMMU_OPTION_HUGE_PAGES:
		rc = iommufd_ioas_option(ucmd);
		break;
	default:
		return -EOPNOTSUPP;
	}
	if (rc)
		return rc;
	/* Only the value is an output. */
	if (copy_to_user(&uopt->val64, &cmd->val64, sizeof(cmd->val64)))
		return -EFAULT;
	return 0;
}

/* Big enough for the argument of any ioctl in the table below. */
union ucmd_buffer {
	struct iommu_destroy destroy;
	struct iommu_fault_alloc fault;
	struct iommu_hw_info info;
	struct iommu_hwpt_alloc hwpt;
	struct iommu_hwpt_get_dirty_bitmap get_dirty_bitmap;
	struct iommu_hwpt_invalidate cache;
	struct iommu_hwpt_set_dirty_tracking set_dirty_tracking;
	struct iommu_ioas_alloc alloc;
	struct iommu_ioas_allow_iovas allow_iovas;
	struct iommu_ioas_copy ioas_copy;
	struct iommu_ioas_iova_ranges iova_ranges;
	struct iommu_ioas_map map;
	struct iommu_ioas_unmap unmap;
	struct iommu_option option;
	struct iommu_vfio_ioas vfio_ioas;
#ifdef CONFIG_IOMMUFD_TEST
	struct iommu_test_cmd test;
#endif
};

/**
 * struct iommufd_ioctl_op - one entry of the ioctl table
 * @size: size of the kernel's argument struct
 * @min_size: the smallest size userspace may pass: the end of the last
 *	field the first version of the struct had
 * @execute: the handler, NULL for an unused number
 */
struct iommufd_ioctl_op {
	unsigned int size;
	unsigned int min_size;
	int (*execute)(struct iommufd_ucmd *ucmd);
};

/*
 * Every iommufd ioctl number is _IO(IOMMUFD_TYPE, nr): the table is
 * indexed by nr and a command only matches its slot if it has exactly that
 * form (no direction or size bits).
 */
#define IOMMUFD_IOCTL_SLOT(_ioctl)	(_IOC_NR(_ioctl) - IOMMUFD_CMD_BASE)

#define IOCTL_OP(_ioctl, _fn, _struct, _last)                                 \
	[IOMMUFD_IOCTL_SLOT(_ioctl)] = {                                      \
		.size = sizeof(_struct) +                                     \
			BUILD_BUG_ON_ZERO(sizeof(union ucmd_buffer) <         \
					  sizeof(_struct)),                   \
		.min_size = offsetofend(_struct, _last),                      \
		.execute = _fn,                                               \
	}

static const struct iommufd_ioctl_op iommufd_ioctl_ops[] = {
	IOCTL_OP(IOMMU_DESTROY, iommufd_destroy, struct iommu_destroy, id),
	IOCTL_OP(IOMMU_FAULT_QUEUE_ALLOC, iommufd_fault_alloc,
		 struct iommu_fault_alloc, out_fault_fd),
	IOCTL_OP(IOMMU_GET_HW_INFO, iommufd_get_hw_info, struct iommu_hw_info,
		 __reserved),
	IOCTL_OP(IOMMU_HWPT_ALLOC, iommufd_hwpt_alloc, struct iommu_hwpt_alloc,
		 __reserved),
	IOCTL_OP(IOMMU_HWPT_GET_DIRTY_BITMAP, iommufd_hwpt_get_dirty_bitmap,
		 struct iommu_hwpt_get_dirty_bitmap, data),
	IOCTL_OP(IOMMU_HWPT_INVALIDATE, iommufd_hwpt_invalidate,
		 struct iommu_hwpt_invalidate, __reserved),
	IOCTL_OP(IOMMU_HWPT_SET_DIRTY_TRACKING, iommufd_hwpt_set_dirty_tracking,
		 struct iommu_hwpt_set_dirty_tracking, __reserved),
	IOCTL_OP(IOMMU_IOAS_ALLOC, iommufd_ioas_alloc_ioctl,
		 struct iommu_ioas_alloc, out_ioas_id),
	IOCTL_OP(IOMMU_IOAS_ALLOW_IOVAS, iommufd_ioas_allow_iovas,
		 struct iommu_ioas_allow_iovas, allowed_iovas),
	IOCTL_OP(IOMMU_IOAS_COPY, iommufd_ioas_copy, struct iommu_ioas_copy,
		 src_iova),
	IOCTL_OP(IOMMU_IOAS_IOVA_RANGES, iommufd_ioas_iova_ranges,
		 struct iommu_ioas_iova_ranges, out_iova_alignment),
	IOCTL_OP(IOMMU_IOAS_MAP, iommufd_ioas_map, struct iommu_ioas_map, iova),
	IOCTL_OP(IOMMU_IOAS_UNMAP, iommufd_ioas_unmap, struct iommu_ioas_unmap,
		 length),
	IOCTL_OP(IOMMU_OPTION, iommufd_option, struct iommu_option, val64),
	IOCTL_OP(IOMMU_VFIO_IOAS, iommufd_vfio_ioas, struct iommu_vfio_ioas,
		 __reserved),
#ifdef CONFIG_IOMMUFD_TEST
	IOCTL_OP(IOMMU_TEST_CMD, iommufd_test, struct iommu_test_cmd, last),
#endif
};

static long iommufd_fops_ioctl(struct file *filp, unsigned int cmd,
			       unsigned long arg)
{
	struct iommufd_ctx *ictx = filp->private_data;
	const struct iommufd_ioctl_op *op;
	struct iommufd_ucmd ucmd = {};
	union ucmd_buffer buf;
	unsigned int nr;
	int rc;

	/* Numbers outside the table belong to the VFIO container API. */
	nr = _IOC_NR(cmd);
	if (nr < IOMMUFD_CMD_BASE ||
	    nr - IOMMUFD_CMD_BASE >= ARRAY_SIZE(iommufd_ioctl_ops))
		return iommufd_vfio_ioctl(ictx, cmd, arg);

	ucmd.ictx = ictx;
	ucmd.ubuffer = (void __user *)arg;
	rc = get_user(ucmd.user_size, (u32 __user *)ucmd.ubuffer);
	if (rc)
		return rc;

	op = &iommufd_ioctl_ops[nr - IOMMUFD_CMD_BASE];
	if (!op->execute || cmd != _IO(IOMMUFD_TYPE, nr))
		return -ENOIOCTLCMD;
	if (ucmd.user_size < op->min_size)
		return -EINVAL;

	ucmd.cmd = &buf;
	rc = copy_struct_from_user(ucmd.cmd, op->size, ucmd.ubuffer,
				   ucmd.user_size);
	if (rc)
		return rc;
	return op->execute(&ucmd);
}

static const struct file_operations iommufd_fops = {
	.owner = THIS_MODULE,
	.open = iommufd_fops_open,
	.release = iommufd_fops_release,
	.unlocked_ioctl = iommufd_fops_ioctl,
};

/**
 * iommufd_ctx_get() - take a reference on a context
 * @ictx: the context; the caller must already hold a reference
 */
void iommufd_ctx_get(struct iommufd_ctx *ictx)
{
	get_file(ictx->file);
}
EXPORT_SYMBOL_NS_GPL(iommufd_ctx_get, IOMMUFD);

/**
 * iommufd_ctx_from_file() - the context behind an iommufd file
 * @file: a file the caller holds
 *
 * Return: the context with a new reference (drop it with
 * iommufd_ctx_put()), or ERR_PTR(-EBADFD) if @file is not an iommufd.
 */
struct iommufd_ctx *iommufd_ctx_from_file(struct file *file)
{
	struct iommufd_ctx *ictx;

	if (file->f_op != &iommufd_fops)
		return ERR_PTR(-EBADFD);
	ictx = file->private_data;
	iommufd_ctx_get(ictx);
	return ictx;
}
EXPORT_SYMBOL_NS_GPL(iommufd_ctx_from_file, IOMMUFD);

/**
 * iommufd_ctx_from_fd() - the context behind an iommufd file descriptor
 * @fd: a file descriptor of the current task
 *
 * Return: the context with a new reference (drop it with
 * iommufd_ctx_put()), ERR_PTR(-EBADF) for a bad descriptor, or
 * ERR_PTR(-EBADFD) if it is not an iommufd.
 */
struct iommufd_ctx *iommufd_ctx_from_fd(int fd)
{
	struct file *file;

	file = fget(fd);
	if (!file)
		return ERR_PTR(-EBADF);

	if (file->f_op != &iommufd_fops) {
		fput(file);
		return ERR_PTR(-EBADFD);
	}
	/* The file reference fget() took is the context reference. */
	return file->private_data;
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

/* A file pointer inside an object, see struct iommufd_object_ops */
#define IOMMUFD_FILE_OFFSET(_struct, _filep)	.file_offset = offsetof(_struct, _filep)

static_assert(__same_type(struct file *, ((struct iommufd_fault *)NULL)->filep));
static_assert(offsetof(struct iommufd_fault, obj) == 0);

static const struct iommufd_object_ops iommufd_object_ops[] = {
	[IOMMUFD_OBJ_ACCESS] = {
		.destroy = iommufd_access_destroy_object,
	},
	[IOMMUFD_OBJ_DEVICE] = {
		.destroy = iommufd_device_destroy,
	},
	[IOMMUFD_OBJ_IOAS] = {
		.destroy = iommufd_ioas_destroy,
	},
	[IOMMUFD_OBJ_HWPT_PAGING] = {
		.destroy = iommufd_hwpt_paging_destroy,
		.abort = iommufd_hwpt_paging_abort,
	},
	[IOMMUFD_OBJ_HWPT_NESTED] = {
		.destroy = iommufd_hwpt_nested_destroy,
		.abort = iommufd_hwpt_nested_abort,
	},
	[IOMMUFD_OBJ_FAULT] = {
		.destroy = iommufd_fault_destroy,
		IOMMUFD_FILE_OFFSET(struct iommufd_fault, filep),
	},
#ifdef CONFIG_IOMMUFD_TEST
	[IOMMUFD_OBJ_SELFTEST] = {
		.destroy = iommufd_selftest_destroy,
	},
#endif
};

static struct miscdevice iommu_misc_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "iommu",
	.fops = &iommufd_fops,
	.nodename = "iommu",
	.mode = 0660,
};

static struct miscdevice vfio_misc_dev = {
	.minor = VFIO_MINOR,
	.name = "vfio",
	.fops = &iommufd_fops,
	.nodename = "vfio/vfio",
	.mode = 0666,
};

static int __init iommufd_init(void)
{
	int rc;

	rc = misc_register(&iommu_misc_dev);
	if (rc)
		return rc;

	if (IS_ENABLED(CONFIG_IOMMUFD_VFIO_CONTAINER)) {
		rc = misc_register(&vfio_misc_dev);
		if (rc)
			goto err_iommu_misc;
	}
	rc = iommufd_test_init();
	if (rc)
		goto err_vfio_misc;
	return 0;

err_vfio_misc:
	if (IS_ENABLED(CONFIG_IOMMUFD_VFIO_CONTAINER))
		misc_deregister(&vfio_misc_dev);
err_iommu_misc:
	misc_deregister(&iommu_misc_dev);
	return rc;
}

static void __exit iommufd_exit(void)
{
	iommufd_test_exit();
	if (IS_ENABLED(CONFIG_IOMMUFD_VFIO_CONTAINER))
		misc_deregister(&vfio_misc_dev);
	misc_deregister(&iommu_misc_dev);
}

module_init(iommufd_init);
module_exit(iommufd_exit);

MODULE_IMPORT_NS(IOMMUFD_INTERNAL);
MODULE_IMPORT_NS(IOMMUFD);
MODULE_DESCRIPTION("I/O Address Space Management for passthrough devices");
MODULE_LICENSE("GPL");
