/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iommufd internals shared by the files of drivers/iommu/iommufd/.
 *
 * Sections, in order:
 *   1. the context and the object model (main.c)
 *   2. the IO page table and the IOAS object (io_pagetable.c, ioas.c)
 *   3. hardware page tables, devices, accesses, faults and the selftest
 *      hooks (hw_pagetable.c, device.c, fault.c, selftest.c)
 */
#ifndef __IOMMUFD_PRIVATE_H
#define __IOMMUFD_PRIVATE_H

#include <linux/init.h>
#include <linux/iommu.h>
#include <linux/iova_bitmap.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rbtree.h>
#include <linux/refcount.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <linux/xarray.h>
#include <uapi/linux/iommufd.h>

struct file;
struct iommu_domain;
struct iommu_group;
struct iommu_option;
struct iommufd_access;
struct iommufd_device;
struct iommufd_fault;
struct iommufd_hw_pagetable;
struct iommufd_hwpt_paging;
struct iommufd_ioas;

/* ------------------------------------------------------------------------
 * 1. Context and object model
 */

/**
 * struct iommufd_ctx - the state behind one open of /dev/iommu
 * @file: the file this context lives in; references to the context are
 *	references to the file
 * @objects: every object of the context, indexed by its id (ids start at 1
 *	and the lowest free one is handed out)
 * @groups: struct iommufd_group of every iommu_group with a bound device
 * @destroy_wait: woken when an object loses its last short-term user
 * @account_mode: how pinned pages are charged (IOPT_PAGES_ACCOUNT_*)
 * @no_iommu_mode: VFIO no-iommu compatibility was requested
 * @vfio_ioas: the IOAS the VFIO container ioctls act on, or NULL; not a
 *	counted reference, cleared when that IOAS is destroyed
 */
struct iommufd_ctx {
	struct file *file;
	struct xarray objects;
	struct xarray groups;
	wait_queue_head_t destroy_wait;

	u8 account_mode;
	u8 no_iommu_mode;
	struct iommufd_ioas *vfio_ioas;
};

/**
 * struct iommufd_ucmd - one ioctl being executed
 * @ictx: the context of the file the ioctl was issued on
 * @ubuffer: the user's argument
 * @user_size: the size userspace declared in the first word of @ubuffer
 * @cmd: kernel copy of the argument, zero-extended to the kernel struct size
 */
struct iommufd_ucmd {
	struct iommufd_ctx *ictx;
	void __user *ubuffer;
	u32 user_size;
	void *cmd;
};

/**
 * iommufd_ucmd_respond() - write the command struct back to userspace
 * @ucmd: the command
 * @cmd_len: size of the kernel struct
 *
 * At most the size userspace passed in is written.
 *
 * Return: 0 or -EFAULT.
 */
static inline int iommufd_ucmd_respond(struct iommufd_ucmd *ucmd,
				       size_t cmd_len)
{
	size_t len = min_t(size_t, ucmd->user_size, cmd_len);

	if (copy_to_user(ucmd->ubuffer, ucmd->cmd, len))
		return -EFAULT;
	return 0;
}

/**
 * enum iommufd_object_type - what an object id refers to
 * @IOMMUFD_OBJ_NONE: no object
 * @IOMMUFD_OBJ_ANY: wildcard for lookups
 * @IOMMUFD_OBJ_DEVICE: a bound device (struct iommufd_device)
 * @IOMMUFD_OBJ_HWPT_PAGING: a paging domain (struct iommufd_hwpt_paging)
 * @IOMMUFD_OBJ_HWPT_NESTED: a nested domain (struct iommufd_hwpt_nested)
 * @IOMMUFD_OBJ_IOAS: an IO address space (struct iommufd_ioas)
 * @IOMMUFD_OBJ_ACCESS: an in-kernel access (struct iommufd_access)
 * @IOMMUFD_OBJ_FAULT: a fault queue (struct iommufd_fault)
 * @IOMMUFD_OBJ_SELFTEST: a mock device of the selftest
 * @IOMMUFD_OBJ_MAX: number of types
 */
enum iommufd_object_type {
	IOMMUFD_OBJ_NONE,
	IOMMUFD_OBJ_ANY = IOMMUFD_OBJ_NONE,
	IOMMUFD_OBJ_DEVICE,
	IOMMUFD_OBJ_HWPT_PAGING,
	IOMMUFD_OBJ_HWPT_NESTED,
	IOMMUFD_OBJ_IOAS,
	IOMMUFD_OBJ_ACCESS,
	IOMMUFD_OBJ_FAULT,
#ifdef CONFIG_IOMMUFD_TEST
	IOMMUFD_OBJ_SELFTEST,
#endif
	IOMMUFD_OBJ_MAX,
};

/**
 * struct iommufd_object - header of every object that has a user id
 * @shortterm_users: temporary users (ioctls in flight) plus one for the
 *	objects xarray; destruction waits for it to reach zero
 * @users: every reference, short and long term, plus one for the xarray;
 *	an object can only be destroyed while this is exactly one
 * @type: the object type
 * @id: the id userspace uses
 */
struct iommufd_object {
	refcount_t shortterm_users;
	refcount_t users;
	enum iommufd_object_type type;
	unsigned int id;
};

/**
 * iommufd_lock_obj() - take a short-term reference on an object
 * @obj: the object
 *
 * Called with the objects xa_lock held, or with a users reference already
 * held by the caller.
 *
 * Return: true if both counts were raised, false if the object is dying.
 */
static inline bool iommufd_lock_obj(struct iommufd_object *obj)
{
	if (!refcount_inc_not_zero(&obj->users))
		return false;
	if (refcount_inc_not_zero(&obj->shortterm_users))
		return true;
	/* Someone is tearing it down; give the users count back. */
	refcount_dec(&obj->users);
	return false;
}

struct iommufd_object *iommufd_get_object(struct iommufd_ctx *ctx, u32 id,
					  enum iommufd_object_type type);

/**
 * iommufd_put_object() - drop the reference iommufd_get_object() took
 * @ctx: the context
 * @obj: the object
 */
static inline void iommufd_put_object(struct iommufd_ctx *ctx,
				      struct iommufd_object *obj)
{
	/*
	 * Drop users before shortterm_users: a waiter that sees shortterm
	 * reach zero must also see the users count it expects.
	 */
	refcount_dec(&obj->users);
	if (refcount_dec_and_test(&obj->shortterm_users))
		wake_up_interruptible_all(&ctx->destroy_wait);
}

void iommufd_object_abort(struct iommufd_ctx *ctx, struct iommufd_object *obj);
void iommufd_object_abort_and_destroy(struct iommufd_ctx *ctx,
				      struct iommufd_object *obj);
void iommufd_object_finalize(struct iommufd_ctx *ctx,
			     struct iommufd_object *obj);

enum {
	REMOVE_WAIT_SHORTTERM = 1,
};

int iommufd_object_remove(struct iommufd_ctx *ctx,
			  struct iommufd_object *to_destroy, u32 id,
			  unsigned int flags);

/**
 * iommufd_object_destroy_user() - destroy an object the caller holds
 * @ctx: the context
 * @obj: the object; the caller owns one users reference and no short-term
 *	reference
 *
 * Used for objects whose lifetime a kernel user controls (devices,
 * accesses). Failure is a reference-counting bug; the object is then left
 * for the release of the context to clean up.
 */
static inline void iommufd_object_destroy_user(struct iommufd_ctx *ctx,
					       struct iommufd_object *obj)
{
	int rc;

	rc = iommufd_object_remove(ctx, obj, obj->id, REMOVE_WAIT_SHORTTERM);
	WARN_ON(rc);
}

/**
 * iommufd_object_put_and_try_destroy() - drop a reference, destroy if last
 * @ctx: the context
 * @obj: the object; the caller owns one users reference
 *
 * Used for automatically created domains: when the last device leaves, the
 * domain goes away unless userspace holds it.
 */
static inline void
iommufd_object_put_and_try_destroy(struct iommufd_ctx *ctx,
				   struct iommufd_object *obj)
{
	iommufd_object_remove(ctx, obj, obj->id, 0);
}

struct iommufd_object *_iommufd_object_alloc(struct iommufd_ctx *ctx,
					     size_t size,
					     enum iommufd_object_type type);

/*
 * __iommufd_object_alloc(ctx, ptr, type, obj) allocates a zeroed object of
 * the type ptr points to, whose struct iommufd_object member obj must come
 * first, and reserves an id for it. Evaluates to the object or an ERR_PTR.
 */
#define __iommufd_object_alloc(ctx, ptr, type, obj)                           \
	({                                                                    \
		typeof(ptr) __new;                                            \
									      \
		static_assert(offsetof(typeof(*__new), obj) == 0);            \
		__new = (void *)_iommufd_object_alloc(ctx, sizeof(*__new),    \
						      type);                  \
		__new;                                                        \
	})

/* The same, for types whose object header member is named obj */
#define iommufd_object_alloc(ctx, ptr, type) \
	__iommufd_object_alloc(ctx, ptr, type, obj)

int iommufd_vfio_ioctl(struct iommufd_ctx *ctx, unsigned int cmd,
		       unsigned long arg);

/* ------------------------------------------------------------------------
 * 2. IO page table and IOAS
 */

/**
 * struct io_pagetable - an IOVA to user memory map, mirrored into domains
 * @domains_rwsem: protects @domains, @next_domain_id and @access_list;
 *	taken before @iova_rwsem
 * @domains: the iommu_domains that mirror this table, packed at
 *	0..@next_domain_id-1
 * @access_list: the iommufd_access objects attached to this table
 * @next_domain_id: number of entries in @domains
 * @iova_rwsem: protects the three interval trees and @iova_alignment;
 *	taken before any iopt_pages mutex
 * @area_itree: the mapped areas (struct iopt_area)
 * @allowed_itree: ranges that cannot become reserved (struct iopt_allowed);
 *	when not empty, IOVA allocation stays inside them
 * @reserved_itree: ranges that cannot be mapped (struct iopt_reserved)
 * @disable_large_pages: map page by page so that areas can be split
 * @iova_alignment: every IOVA and length must be a multiple of this
 */
struct io_pagetable {
	struct rw_semaphore domains_rwsem;
	struct xarray domains;
	struct xarray access_list;
	unsigned int next_domain_id;

	struct rw_semaphore iova_rwsem;
	struct rb_root_cached area_itree;
	struct rb_root_cached allowed_itree;
	struct rb_root_cached reserved_itree;
	u8 disable_large_pages;
	unsigned long iova_alignment;
};

void iopt_init_table(struct io_pagetable *pt);
void iopt_destroy_table(struct io_pagetable *pt);
int iopt_get_pages(struct io_pagetable *pt, unsigned long iova,
		   unsigned long length, struct list_head *pages_list);
void iopt_free_pages_list(struct list_head *pages_list);

enum {
	IOPT_ALLOC_IOVA = 1 << 0,
};

int iopt_map_user_pages(struct iommufd_ctx *ctx, struct io_pagetable *pt,
			unsigned long *iova, void __user *uptr,
			unsigned long length, int iommu_prot,
			unsigned int flags);
int iopt_map_pages(struct io_pagetable *pt, struct list_head *pages_list,
		   unsigned long length, unsigned long *dst_iova,
		   int iommu_prot, unsigned int flags);
int iopt_unmap_iova(struct io_pagetable *pt, unsigned long iova,
		    unsigned long length, unsigned long *unmapped);
int iopt_unmap_all(struct io_pagetable *pt, unsigned long *unmapped);

int iopt_read_and_clear_dirty_data(struct io_pagetable *pt,
				   struct iommu_domain *domain,
				   unsigned long flags,
				   struct iommu_hwpt_get_dirty_bitmap *bitmap);
int iopt_set_dirty_tracking(struct io_pagetable *pt,
			    struct iommu_domain *domain, bool enable);

void iommufd_access_notify_unmap(struct io_pagetable *iopt, unsigned long iova,
				 unsigned long length);
int iopt_table_add_domain(struct io_pagetable *pt,
			  struct iommu_domain *domain);
void iopt_table_remove_domain(struct io_pagetable *pt,
			      struct iommu_domain *domain);
int iopt_table_enforce_dev_resv_regions(struct io_pagetable *pt,
					struct device *dev,
					phys_addr_t *sw_msi_start);
int iopt_set_allow_iova(struct io_pagetable *pt,
			struct rb_root_cached *allowed_iova);
int iopt_reserve_iova(struct io_pagetable *pt, unsigned long start,
		      unsigned long last, void *owner);
void iopt_remove_reserved_iova(struct io_pagetable *pt, void *owner);
int iopt_cut_iova(struct io_pagetable *pt, unsigned long *iovas,
		  size_t num_iovas);
void iopt_enable_large_pages(struct io_pagetable *pt);
int iopt_disable_large_pages(struct io_pagetable *pt);

int iopt_add_access(struct io_pagetable *pt, struct iommufd_access *access);
void iopt_remove_access(struct io_pagetable *pt,
			struct iommufd_access *access, u32 iopt_access_list_id);

/**
 * struct iommufd_ioas - an IO address space object
 * @obj: object header
 * @iopt: the IOVA map
 * @mutex: serialises the choice and creation of domains on @hwpt_list
 * @hwpt_list: the struct iommufd_hwpt_paging objects built on this IOAS
 */
struct iommufd_ioas {
	struct iommufd_object obj;
	struct io_pagetable iopt;
	struct mutex mutex; /* protects hwpt_list */
	struct list_head hwpt_list;
};

/**
 * iommufd_get_ioas() - look up an IOAS by id
 * @ctx: the context
 * @id: the id
 *
 * Return: the IOAS with a short-term reference, or ERR_PTR(-ENOENT).
 */
static inline struct iommufd_ioas *iommufd_get_ioas(struct iommufd_ctx *ctx,
						    u32 id)
{
	return container_of(iommufd_get_object(ctx, id, IOMMUFD_OBJ_IOAS),
			    struct iommufd_ioas, obj);
}

struct iommufd_ioas *iommufd_ioas_alloc(struct iommufd_ctx *ctx);
int iommufd_ioas_alloc_ioctl(struct iommufd_ucmd *ucmd);
void iommufd_ioas_destroy(struct iommufd_object *obj);
int iommufd_ioas_iova_ranges(struct iommufd_ucmd *ucmd);
int iommufd_ioas_allow_iovas(struct iommufd_ucmd *ucmd);
int iommufd_ioas_map(struct iommufd_ucmd *ucmd);
int iommufd_ioas_copy(struct iommufd_ucmd *ucmd);
int iommufd_ioas_unmap(struct iommufd_ucmd *ucmd);
int iommufd_ioas_option(struct iommufd_ucmd *ucmd);
int iommufd_option_rlimit_mode(struct iommu_option *cmd,
			       struct iommufd_ctx *ctx);
int iommufd_vfio_ioas(struct iommufd_ucmd *ucmd);
int iommufd_check_iova_range(struct io_pagetable *pt,
			     struct iommu_hwpt_get_dirty_bitmap *bitmap);

/* ------------------------------------------------------------------------
 * Entry points the object model and the ioctl table need from the
 * hwpt/device/access/fault/selftest files. Their structs and the rest of
 * their internal API follow in section 3.
 */
int iommufd_hwpt_alloc(struct iommufd_ucmd *ucmd);
int iommufd_hwpt_invalidate(struct iommufd_ucmd *ucmd);
int iommufd_hwpt_set_dirty_tracking(struct iommufd_ucmd *ucmd);
int iommufd_hwpt_get_dirty_bitmap(struct iommufd_ucmd *ucmd);
int iommufd_get_hw_info(struct iommufd_ucmd *ucmd);
int iommufd_fault_alloc(struct iommufd_ucmd *ucmd);

void iommufd_device_destroy(struct iommufd_object *obj);
void iommufd_access_destroy_object(struct iommufd_object *obj);
void iommufd_hwpt_paging_destroy(struct iommufd_object *obj);
void iommufd_hwpt_paging_abort(struct iommufd_object *obj);
void iommufd_hwpt_nested_destroy(struct iommufd_object *obj);
void iommufd_hwpt_nested_abort(struct iommufd_object *obj);
void iommufd_fault_destroy(struct iommufd_object *obj);

#ifdef CONFIG_IOMMUFD_TEST
int iommufd_test(struct iommufd_ucmd *ucmd);
void iommufd_selftest_destroy(struct iommufd_object *obj);
extern size_t iommufd_test_memory_limit;
void iommufd_test_syz_conv_iova_id(struct iommufd_ucmd *ucmd,
				   unsigned int ioas_id, u64 *iova, u32 *flags);
bool iommufd_should_fail(void);
int __init iommufd_test_init(void);
void iommufd_test_exit(void);
bool iommufd_selftest_is_mock_dev(struct device *dev);
#else
static inline void iommufd_test_syz_conv_iova_id(struct iommufd_ucmd *ucmd,
						 unsigned int ioas_id,
						 u64 *iova, u32 *flags)
{
}

static inline bool iommufd_should_fail(void)
{
	return false;
}

static inline int __init iommufd_test_init(void)
{
	return 0;
}

static inline void iommufd_test_exit(void)
{
}

static inline bool iommufd_selftest_is_mock_dev(struct device *dev)
{
	return false;
}
#endif

/* ------------------------------------------------------------------------
 * 3. Hardware page tables, devices, accesses, faults, selftest
 *    (owned by hw_pagetable.c/device.c/fault.c/selftest.c)
 */

/**
 * struct iommufd_hw_pagetable - header every HWPT object starts with
 * @obj: object header
 * @domain: the iommu_domain this object stands for; freed with the object
 * @fault_q: the fault queue that receives the page requests taken on
 *	@domain, or NULL; the HWPT owns a users reference on it
 *
 * To userspace a HWPT is an iommu_domain. A paging HWPT has its page table
 * filled by iommufd from an IOAS; a nested HWPT is a first stage that
 * userspace manages, translated through a paging HWPT below it.
 */
struct iommufd_hw_pagetable {
	struct iommufd_object obj;
	struct iommu_domain *domain;
	struct iommufd_fault *fault_q;
};

/**
 * struct iommufd_hwpt_paging - a HWPT whose mappings come from an IOAS
 * @common: the part shared with nested HWPTs
 * @ioas: where the mappings come from; the HWPT owns a users reference
 * @auto_made: made implicitly when a device was attached to @ioas; such
 *	HWPTs are offered to later devices and go away with their last user
 * @enforce_cache_coherency: the domain keeps no-snoop DMA from bypassing
 *	the CPU caches
 * @msi_ready: the software MSI cookie of the domain is installed
 * @nesting_parent: userspace asked for IOMMU_HWPT_ALLOC_NEST_PARENT
 * @hwpt_item: link in &iommufd_ioas.hwpt_list under the IOAS mutex;
 *	points to itself while the domain is not filled from @ioas
 */
struct iommufd_hwpt_paging {
	struct iommufd_hw_pagetable common;
	struct iommufd_ioas *ioas;
	bool auto_made : 1;
	bool enforce_cache_coherency : 1;
	bool msi_ready : 1;
	bool nesting_parent : 1;
	struct list_head hwpt_item;
};

/**
 * struct iommufd_hwpt_nested - a first-stage HWPT owned by userspace
 * @common: the part shared with paging HWPTs
 * @stage2: the paging HWPT that translates the output of this one; the
 *	nested HWPT owns a users reference on it
 */
struct iommufd_hwpt_nested {
	struct iommufd_hw_pagetable common;
	struct iommufd_hwpt_paging *stage2;
};

/**
 * iommufd_hwpt_is_paging() - tell a paging HWPT from a nested one
 * @hwpt: a HWPT
 *
 * Return: true when the object type is IOMMUFD_OBJ_HWPT_PAGING.
 */
static inline bool iommufd_hwpt_is_paging(struct iommufd_hw_pagetable *hwpt)
{
	return hwpt->obj.type == IOMMUFD_OBJ_HWPT_PAGING;
}

/**
 * hwpt_as_paging() - downcast to the paging HWPT
 * @hwpt: a HWPT known to be of type IOMMUFD_OBJ_HWPT_PAGING
 *
 * Return: the enclosing paging HWPT.
 */
static inline struct iommufd_hwpt_paging *
hwpt_as_paging(struct iommufd_hw_pagetable *hwpt)
{
	return container_of(hwpt, struct iommufd_hwpt_paging, common);
}

/**
 * hwpt_as_nested() - downcast to the nested HWPT
 * @hwpt: a HWPT known to be of type IOMMUFD_OBJ_HWPT_NESTED
 *
 * Return: the enclosing nested HWPT.
 */
static inline struct iommufd_hwpt_nested *
hwpt_as_nested(struct iommufd_hw_pagetable *hwpt)
{
	return container_of(hwpt, struct iommufd_hwpt_nested, common);
}

/**
 * hwpt_ioas_paging() - the paging HWPT whose IOAS feeds a HWPT
 * @hwpt: a HWPT of either kind
 *
 * Return: @hwpt when it is a paging HWPT, its second stage when it is a
 * nested one, NULL for anything else.
 */
static inline struct iommufd_hwpt_paging *
hwpt_ioas_paging(struct iommufd_hw_pagetable *hwpt)
{
	switch (hwpt->obj.type) {
	case IOMMUFD_OBJ_HWPT_PAGING:
		return hwpt_as_paging(hwpt);
	case IOMMUFD_OBJ_HWPT_NESTED:
		return hwpt_as_nested(hwpt)->stage2;
	default:
		return NULL;
	}
}

struct iommufd_hwpt_paging *
iommufd_paging_hwpt_create(struct iommufd_ctx *ictx, struct iommufd_ioas *ioas,
			   struct iommufd_device *idev, ioasid_t pasid,
			   u32 flags, bool attach_first,
			   const struct iommu_user_data *user_data);
int iommufd_paging_hwpt_block_nosnoop(struct iommufd_hwpt_paging *paging);
int iommufd_hwpt_add_device(struct iommufd_hw_pagetable *hwpt,
			    struct iommufd_device *idev, ioasid_t pasid);
struct iommufd_hw_pagetable *
iommufd_hwpt_remove_device(struct iommufd_device *idev, ioasid_t pasid);

/**
 * iommufd_hwpt_drop_device_ref() - give back the reference of a device
 * @ictx: the context
 * @hwpt: the HWPT the device used to be attached to
 *
 * A HWPT made implicitly for an IOAS attach is destroyed along with its
 * last reference from a device; any other HWPT only loses the reference.
 * The destruction takes the IOAS mutex, so the caller must not hold it.
 */
static inline void iommufd_hwpt_drop_device_ref(struct iommufd_ctx *ictx,
						struct iommufd_hw_pagetable *hwpt)
{
	struct iommufd_hwpt_paging *paging;

	if (!iommufd_hwpt_is_paging(hwpt))
		goto plain;
	paging = hwpt_as_paging(hwpt);
	lockdep_assert_not_held(&paging->ioas->mutex);
	if (paging->auto_made) {
		iommufd_object_put_and_try_destroy(ictx, &hwpt->obj);
		return;
	}
plain:
	refcount_dec(&hwpt->obj.users);
}

/**
 * struct iommufd_group - per-context state of one iommu_group
 * @refs: held by each bound device of the group, and by lookups in flight
 * @mtx: serialises attach, replace and detach of the group's devices;
 *	protects @cur_hwpt, @members and @msi_base
 * @ictx: the owning context, not counted: only objects of the context
 *	reach the group
 * @iommu_grp: the core's group, referenced
 * @cur_hwpt: the HWPT that the group's domain belongs to, NULL if none
 * @members: the bound devices of the group that are attached to @cur_hwpt
 * @msi_base: start of the software MSI window that the reserved regions
 *	of the devices reported, PHYS_ADDR_MAX when there is none
 *
 * Translation is per iommu_group, so all the attached devices of a group
 * share @cur_hwpt. The first device to attach installs the domain, the last
 * one to detach takes it away.
 */
struct iommufd_group {
	struct kref refs;
	struct mutex mtx;	/* protects cur_hwpt, members, msi_base */
	struct iommufd_ctx *ictx;
	struct iommu_group *iommu_grp;
	struct iommufd_hw_pagetable *cur_hwpt;
	struct list_head members;
	phys_addr_t msi_base;
};

/**
 * struct iommufd_device - a physical device a driver bound to a context
 * @obj: object header
 * @ictx: the context
 * @grp: the per-context state of the device's group, referenced
 * @member_node: link in &iommufd_group.members while the device is attached
 * @dev: the device
 * @enforce_cache_coherency: the IOMMU can stop no-snoop DMA of @dev, so
 *	every domain the device uses is asked to
 * @iopf_mtx: protects @iopf_users
 * @iopf_users: attachments of the device that need page requests enabled
 *
 * Made by iommufd_device_bind() and freed by iommufd_device_unbind().
 * Userspace learns the id but cannot destroy the object.
 */
struct iommufd_device {
	struct iommufd_object obj;
	struct iommufd_ctx *ictx;
	struct iommufd_group *grp;
	struct list_head member_node;
	struct device *dev;
	bool enforce_cache_coherency;
	struct mutex iopf_mtx;	/* protects iopf_users */
	unsigned int iopf_users;
};

/**
 * iommufd_device_lookup() - find a bound device by id
 * @ucmd: the ioctl in progress
 * @id: the object id
 *
 * Return: the device, holding a short-term reference, or ERR_PTR(-ENOENT).
 */
static inline struct iommufd_device *
iommufd_device_lookup(struct iommufd_ucmd *ucmd, u32 id)
{
	struct iommufd_object *found;

	found = iommufd_get_object(ucmd->ictx, id, IOMMUFD_OBJ_DEVICE);
	return container_of(found, struct iommufd_device, obj);
}

/**
 * struct iommufd_access - a kernel user reaching IOAS memory with the CPU
 * @obj: object header
 * @ictx: the context, referenced
 * @cur_ioas: where new pins and copies go; NULL while detached and while a
 *	move to another IOAS is in progress
 * @pinned_ioas: the IOAS that existing pins were taken from
 * @ioas_mtx: protects @cur_ioas and @pinned_ioas
 * @ops: callbacks of the driver
 * @priv: the driver's cookie, handed to @ops
 * @iova_alignment: PAGE_SIZE for drivers that pin pages, 1 otherwise
 * @iopt_access_list_id: slot in &io_pagetable.access_list
 */
struct iommufd_access {
	struct iommufd_object obj;
	struct iommufd_ctx *ictx;
	struct iommufd_ioas *cur_ioas;
	struct iommufd_ioas *pinned_ioas;
	struct mutex ioas_mtx;	/* protects cur_ioas and pinned_ioas */
	const struct iommufd_access_ops *ops;
	void *priv;
	unsigned long iova_alignment;
	u32 iopt_access_list_id;
};

/**
 * struct iommufd_fault - page requests waiting for userspace
 * @obj: object header
 * @ictx: the context
 * @filep: the file that userspace reads requests from and writes answers
 *	to; while it is open it owns a users reference on the object and a
 *	reference on the context
 * @queue_lock: protects @pending; taken on the fault reporting path
 * @pending: iopf_groups not read yet, oldest first, linked by their node
 * @rw_mutex: serialises read() and write(); protects @in_flight
 * @in_flight: iopf_groups handed to userspace and not answered yet, keyed
 *	by the cookie they were given
 * @readers_wq: woken whenever a group is queued
 */
struct iommufd_fault {
	struct iommufd_object obj;
	struct iommufd_ctx *ictx;
	struct file *filep;

	spinlock_t queue_lock;	/* protects @pending */
	struct list_head pending;
	struct mutex rw_mutex;	/* serialises read/write, protects @in_flight */
	struct xarray in_flight;

	struct wait_queue_head readers_wq;
};

/**
 * iommufd_fault_lookup() - find a fault queue by id
 * @ucmd: the ioctl in progress
 * @id: the object id
 *
 * Return: the fault queue, holding a short-term reference, or
 * ERR_PTR(-ENOENT).
 */
static inline struct iommufd_fault *
iommufd_fault_lookup(struct iommufd_ucmd *ucmd, u32 id)
{
	struct iommufd_object *found;

	found = iommufd_get_object(ucmd->ictx, id, IOMMUFD_OBJ_FAULT);
	return container_of(found, struct iommufd_fault, obj);
}

/**
 * struct iommufd_pt_handle - what iommufd attaches a group's domain with
 * @core: the handle the core keeps and iommu_attach_handle_get() returns
 * @reporter: the device named in page requests that come in through this
 *	handle; always one of the attached devices of the group
 */
struct iommufd_pt_handle {
	struct iommu_attach_handle core;
	struct iommufd_device *reporter;
};

/* From the core's attach handle to the iommufd one around it */
#define pt_handle_of(hdl) container_of(hdl, struct iommufd_pt_handle, core)

int iommufd_fault_enqueue(struct iopf_group *group);
int iommufd_dev_iopf_get(struct iommufd_device *idev);
void iommufd_dev_iopf_put(struct iommufd_device *idev);
void iommufd_fault_abandon_handle(struct iommufd_hw_pagetable *hwpt,
				  struct iommufd_pt_handle *handle);
void iommufd_fault_abandon_dev(struct iommufd_hw_pagetable *hwpt,
			       struct device *dev);

#endif /* __IOMMUFD_PRIVATE_H */
