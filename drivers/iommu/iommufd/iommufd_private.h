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

struct iommufd_object *iommufd_get_object(struct iommufd_ctx *ictx, u32 id,
					  enum iommufd_object_type type);

/**
 * iommufd_put_object() - drop the reference iommufd_get_object() took
 * @ictx: the context
 * @obj: the object
 */
static inline void iommufd_put_object(struct iommufd_ctx *ictx,
				      struct iommufd_object *obj)
{
	/*
	 * Drop users before shortterm_users: a waiter that sees shortterm
	 * reach zero must also see the users count it expects.
	 */
	refcount_dec(&obj->users);
	if (refcount_dec_and_test(&obj->shortterm_users))
		wake_up_interruptible_all(&ictx->destroy_wait);
}

void iommufd_object_abort(struct iommufd_ctx *ictx, struct iommufd_object *obj);
void iommufd_object_abort_and_destroy(struct iommufd_ctx *ictx,
				      struct iommufd_object *obj);
void iommufd_object_finalize(struct iommufd_ctx *ictx,
			     struct iommufd_object *obj);

enum {
	REMOVE_WAIT_SHORTTERM = 1,
};

int iommufd_object_remove(struct iommufd_ctx *ictx,
			  struct iommufd_object *to_destroy, u32 id,
			  unsigned int flags);

/**
 * iommufd_object_destroy_user() - destroy an object the caller holds
 * @ictx: the context
 * @obj: the object; the caller owns one users reference and no short-term
 *	reference
 *
 * Used for objects whose lifetime a kernel user controls (devices,
 * accesses). Failure is a reference-counting bug; the object is then left
 * for the release of the context to clean up.
 */
static inline void iommufd_object_destroy_user(struct iommufd_ctx *ictx,
					       struct iommufd_object *obj)
{
	int rc;

	rc = iommufd_object_remove(ictx, obj, obj->id, REMOVE_WAIT_SHORTTERM);
	WARN_ON(rc);
}

/**
 * iommufd_object_put_and_try_destroy() - drop a reference, destroy if last
 * @ictx: the context
 * @obj: the object; the caller owns one users reference
 *
 * Used for automatically created domains: when the last device leaves, the
 * domain goes away unless userspace holds it.
 */
static inline void
iommufd_object_put_and_try_destroy(struct iommufd_ctx *ictx,
				   struct iommufd_object *obj)
{
	iommufd_object_remove(ictx, obj, obj->id, 0);
}

struct iommufd_object *_iommufd_object_alloc(struct iommufd_ctx *ictx,
					     size_t size,
					     enum iommufd_object_type type);

/*
 * __iommufd_object_alloc(ictx, ptr, type, obj) allocates a zeroed object of
 * the type ptr points to, whose struct iommufd_object member obj must come
 * first, and reserves an id for it. Evaluates to the object or an ERR_PTR.
 */
#define __iommufd_object_alloc(ictx, ptr, type, obj)                          \
	({                                                                    \
		typeof(ptr) __new;                                            \
									      \
		static_assert(offsetof(typeof(*__new), obj) == 0);            \
		__new = (void *)_iommufd_object_alloc(ictx, sizeof(*__new),   \
						      type);                  \
		__new;                                                        \
	})

/* The same, for types whose object header member is named obj */
#define iommufd_object_alloc(ictx, ptr, type) \
	__iommufd_object_alloc(ictx, ptr, type, obj)

int iommufd_vfio_ioctl(struct iommufd_ctx *ictx, unsigned int cmd,
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

void iopt_init_table(struct io_pagetable *iopt);
void iopt_destroy_table(struct io_pagetable *iopt);
int iopt_get_pages(struct io_pagetable *iopt, unsigned long iova,
		   unsigned long length, struct list_head *pages_list);
void iopt_free_pages_list(struct list_head *pages_list);

enum {
	IOPT_ALLOC_IOVA = 1 << 0,
};

int iopt_map_user_pages(struct iommufd_ctx *ictx, struct io_pagetable *iopt,
			unsigned long *iova, void __user *uptr,
			unsigned long length, int iommu_prot,
			unsigned int flags);
int iopt_map_pages(struct io_pagetable *iopt, struct list_head *pages_list,
		   unsigned long length, unsigned long *dst_iova,
		   int iommu_prot, unsigned int flags);
int iopt_unmap_iova(struct io_pagetable *iopt, unsigned long iova,
		    unsigned long length, unsigned long *unmapped);
int iopt_unmap_all(struct io_pagetable *iopt, unsigned long *unmapped);

int iopt_read_and_clear_dirty_data(struct io_pagetable *iopt,
				   struct iommu_domain *domain,
				   unsigned long flags,
				   struct iommu_hwpt_get_dirty_bitmap *bitmap);
int iopt_set_dirty_tracking(struct io_pagetable *iopt,
			    struct iommu_domain *domain, bool enable);

void iommufd_access_notify_unmap(struct io_pagetable *iopt, unsigned long iova,
				 unsigned long length);
int iopt_table_add_domain(struct io_pagetable *iopt,
			  struct iommu_domain *domain);
void iopt_table_remove_domain(struct io_pagetable *iopt,
			      struct iommu_domain *domain);
int iopt_table_enforce_dev_resv_regions(struct io_pagetable *iopt,
					struct device *dev,
					phys_addr_t *sw_msi_start);
int iopt_set_allow_iova(struct io_pagetable *iopt,
			struct rb_root_cached *allowed_iova);
int iopt_reserve_iova(struct io_pagetable *iopt, unsigned long start,
		      unsigned long last, void *owner);
void iopt_remove_reserved_iova(struct io_pagetable *iopt, void *owner);
int iopt_cut_iova(struct io_pagetable *iopt, unsigned long *iovas,
		  size_t num_iovas);
void iopt_enable_large_pages(struct io_pagetable *iopt);
int iopt_disable_large_pages(struct io_pagetable *iopt);

int iopt_add_access(struct io_pagetable *iopt, struct iommufd_access *access);
void iopt_remove_access(struct io_pagetable *iopt,
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
 * @ictx: the context
 * @id: the id
 *
 * Return: the IOAS with a short-term reference, or ERR_PTR(-ENOENT).
 */
static inline struct iommufd_ioas *iommufd_get_ioas(struct iommufd_ctx *ictx,
						    u32 id)
{
	return container_of(iommufd_get_object(ictx, id, IOMMUFD_OBJ_IOAS),
			    struct iommufd_ioas, obj);
}

struct iommufd_ioas *iommufd_ioas_alloc(struct iommufd_ctx *ictx);
int iommufd_ioas_alloc_ioctl(struct iommufd_ucmd *ucmd);
void iommufd_ioas_destroy(struct iommufd_object *obj);
int iommufd_ioas_iova_ranges(struct iommufd_ucmd *ucmd);
int iommufd_ioas_allow_iovas(struct iommufd_ucmd *ucmd);
int iommufd_ioas_map(struct iommufd_ucmd *ucmd);
int iommufd_ioas_copy(struct iommufd_ucmd *ucmd);
int iommufd_ioas_unmap(struct iommufd_ucmd *ucmd);
int iommufd_ioas_option(struct iommufd_ucmd *ucmd);
int iommufd_option_rlimit_mode(struct iommu_option *cmd,
			       struct iommufd_ctx *ictx);
int iommufd_vfio_ioas(struct iommufd_ucmd *ucmd);
int iommufd_check_iova_range(struct io_pagetable *iopt,
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
 *    (owned by hw_pagetable.c/device.c/fault.c/selftest.c; appended below)
 */

/**
 * struct iommufd_hw_pagetable - common part of the two HWPT object types
 * @obj: object header
 * @domain: the iommu_domain the object wraps; owned by the object
 * @fault: the fault queue page faults of @domain are delivered to, or NULL;
 *	the HWPT holds a users reference on it
 *
 * A HWPT is an iommu_domain as userspace sees it. Paging HWPTs mirror an
 * IOAS; nested HWPTs are a user-owned first stage on top of a paging one.
 */
struct iommufd_hw_pagetable {
	struct iommufd_object obj;
	struct iommu_domain *domain;
	struct iommufd_fault *fault;
};

/**
 * struct iommufd_hwpt_paging - a HWPT whose page table mirrors an IOAS
 * @common: the common HWPT part
 * @ioas: the IOAS whose mappings fill the domain; a users reference is held
 * @auto_domain: created by attaching a device to the IOAS; chosen again for
 *	compatible devices and destroyed with its last device
 * @enforce_cache_coherency: the domain blocks no-snoop DMA
 * @msi_cookie: iommu_get_msi_cookie() has been done for the domain
 * @nest_parent: allocated with IOMMU_HWPT_ALLOC_NEST_PARENT
 * @hwpt_item: entry in &iommufd_ioas.hwpt_list, protected by the IOAS mutex;
 *	empty while the domain is not in the IOAS's domain list
 */
struct iommufd_hwpt_paging {
	struct iommufd_hw_pagetable common;
	struct iommufd_ioas *ioas;
	bool auto_domain : 1;
	bool enforce_cache_coherency : 1;
	bool msi_cookie : 1;
	bool nest_parent : 1;
	struct list_head hwpt_item;
};

/**
 * struct iommufd_hwpt_nested - a user-managed stage-1 HWPT
 * @common: the common HWPT part
 * @parent: the paging HWPT below; a users reference is held
 */
struct iommufd_hwpt_nested {
	struct iommufd_hw_pagetable common;
	struct iommufd_hwpt_paging *parent;
};

/**
 * hwpt_is_paging() - is this HWPT a paging one?
 * @hwpt: the HWPT
 *
 * Return: true for IOMMUFD_OBJ_HWPT_PAGING.
 */
static inline bool hwpt_is_paging(struct iommufd_hw_pagetable *hwpt)
{
	return hwpt->obj.type == IOMMUFD_OBJ_HWPT_PAGING;
}

/**
 * to_hwpt_paging() - the paging HWPT containing @hwpt
 * @hwpt: a HWPT of type IOMMUFD_OBJ_HWPT_PAGING
 *
 * Return: the containing struct.
 */
static inline struct iommufd_hwpt_paging *
to_hwpt_paging(struct iommufd_hw_pagetable *hwpt)
{
	return container_of(hwpt, struct iommufd_hwpt_paging, common);
}

/**
 * to_hwpt_nested() - the nested HWPT containing @hwpt
 * @hwpt: a HWPT of type IOMMUFD_OBJ_HWPT_NESTED
 *
 * Return: the containing struct.
 */
static inline struct iommufd_hwpt_nested *
to_hwpt_nested(struct iommufd_hw_pagetable *hwpt)
{
	return container_of(hwpt, struct iommufd_hwpt_nested, common);
}

/**
 * find_hwpt_paging() - the paging HWPT that maps the IOAS behind @hwpt
 * @hwpt: any HWPT
 *
 * Return: @hwpt itself if it is paging, the parent of a nested HWPT, or
 * NULL.
 */
static inline struct iommufd_hwpt_paging *
find_hwpt_paging(struct iommufd_hw_pagetable *hwpt)
{
	if (hwpt->obj.type == IOMMUFD_OBJ_HWPT_PAGING)
		return to_hwpt_paging(hwpt);
	if (hwpt->obj.type == IOMMUFD_OBJ_HWPT_NESTED)
		return to_hwpt_nested(hwpt)->parent;
	return NULL;
}

/**
 * iommufd_get_hwpt_paging() - look up a paging HWPT by id
 * @ucmd: the command being executed
 * @id: the id
 *
 * Return: the HWPT with a short-term reference, or ERR_PTR(-ENOENT).
 */
static inline struct iommufd_hwpt_paging *
iommufd_get_hwpt_paging(struct iommufd_ucmd *ucmd, u32 id)
{
	return container_of(iommufd_get_object(ucmd->ictx, id,
					       IOMMUFD_OBJ_HWPT_PAGING),
			    struct iommufd_hwpt_paging, common.obj);
}

/**
 * iommufd_get_hwpt_nested() - look up a nested HWPT by id
 * @ucmd: the command being executed
 * @id: the id
 *
 * Return: the HWPT with a short-term reference, or ERR_PTR(-ENOENT).
 */
static inline struct iommufd_hw_pagetable *
iommufd_get_hwpt_nested(struct iommufd_ucmd *ucmd, u32 id)
{
	return container_of(iommufd_get_object(ucmd->ictx, id,
					       IOMMUFD_OBJ_HWPT_NESTED),
			    struct iommufd_hw_pagetable, obj);
}

struct iommufd_hwpt_paging *
iommufd_hwpt_paging_alloc(struct iommufd_ctx *ictx, struct iommufd_ioas *ioas,
			  struct iommufd_device *idev, ioasid_t pasid,
			  u32 flags, bool immediate_attach,
			  const struct iommu_user_data *user_data);
int iommufd_hwpt_paging_enforce_cc(struct iommufd_hwpt_paging *hwpt_paging);
int iommufd_hw_pagetable_attach(struct iommufd_hw_pagetable *hwpt,
				struct iommufd_device *idev, ioasid_t pasid);
struct iommufd_hw_pagetable *
iommufd_hw_pagetable_detach(struct iommufd_device *idev, ioasid_t pasid);

/**
 * iommufd_hw_pagetable_put() - drop a device's users reference on a HWPT
 * @ictx: the context
 * @hwpt: the HWPT the device was attached to
 *
 * An automatically created paging HWPT is destroyed when this was its last
 * user; any other HWPT just loses the reference. Must be called without the
 * IOAS mutex, since destroying the HWPT takes it.
 */
static inline void iommufd_hw_pagetable_put(struct iommufd_ctx *ictx,
					    struct iommufd_hw_pagetable *hwpt)
{
	if (hwpt_is_paging(hwpt)) {
		struct iommufd_hwpt_paging *hwpt_paging = to_hwpt_paging(hwpt);

		lockdep_assert_not_held(&hwpt_paging->ioas->mutex);
		if (hwpt_paging->auto_domain) {
			iommufd_object_put_and_try_destroy(ictx, &hwpt->obj);
			return;
		}
	}
	refcount_dec(&hwpt->obj.users);
}

/**
 * struct iommufd_group - what iommufd tracks per iommu_group of a context
 * @ref: one reference per bound device of the group (plus lookups)
 * @lock: protects @hwpt, @device_list and @sw_msi_start
 * @ictx: the context; not counted, every user is an object of the context
 * @group: the iommu_group; a reference is held
 * @hwpt: the HWPT the whole group is attached to, or NULL
 * @device_list: the bound devices of the group that are attached to @hwpt
 * @sw_msi_start: the start of the software MSI window reported by the
 *	devices' reserved regions, PHYS_ADDR_MAX if none
 *
 * The IOMMU can only translate a group as a whole, so all attached devices
 * of a group share @hwpt. The group's domain is set by the first device to
 * attach and released by the last one to detach.
 */
struct iommufd_group {
	struct kref ref;
	struct mutex lock;	/* protects hwpt, device_list, sw_msi_start */
	struct iommufd_ctx *ictx;
	struct iommu_group *group;
	struct iommufd_hw_pagetable *hwpt;
	struct list_head device_list;
	phys_addr_t sw_msi_start;
};

/**
 * struct iommufd_device - a device bound to a context by a kernel driver
 * @obj: object header
 * @ictx: the context
 * @igroup: the device's group; a reference is held
 * @group_item: entry in &iommufd_group.device_list while attached
 * @dev: the physical device
 * @enforce_cache_coherency: the IOMMU can block no-snoop DMA of @dev, so
 *	domains made for it are made to do so
 * @iopf_lock: protects @iopf_enabled
 * @iopf_enabled: how many attachments need IOPF enabled on the device
 *
 * Created by iommufd_device_bind() and destroyed by iommufd_device_unbind();
 * userspace can see the id but never destroy the object itself.
 */
struct iommufd_device {
	struct iommufd_object obj;
	struct iommufd_ctx *ictx;
	struct iommufd_group *igroup;
	struct list_head group_item;
	struct device *dev;
	bool enforce_cache_coherency;
	struct mutex iopf_lock;	/* protects iopf_enabled */
	unsigned int iopf_enabled;
};

/**
 * iommufd_get_device() - look up a device by id
 * @ucmd: the command being executed
 * @id: the id
 *
 * Return: the device with a short-term reference, or ERR_PTR(-ENOENT).
 */
static inline struct iommufd_device *
iommufd_get_device(struct iommufd_ucmd *ucmd, u32 id)
{
	return container_of(iommufd_get_object(ucmd->ictx, id,
					       IOMMUFD_OBJ_DEVICE),
			    struct iommufd_device, obj);
}

/**
 * struct iommufd_access - an in-kernel user of an IOAS (e.g. emulated DMA)
 * @obj: object header
 * @ictx: the context; a reference is held
 * @ioas: the IOAS new pins and copies go to, NULL while detached or while
 *	a change of IOAS is under way
 * @ioas_unpin: the IOAS existing pins belong to
 * @ioas_lock: protects @ioas and @ioas_unpin
 * @ops: the driver's callbacks
 * @data: the driver's cookie, passed to @ops
 * @iova_alignment: PAGE_SIZE if the driver pins pages, else 1
 * @iopt_access_list_id: index in &io_pagetable.access_list
 */
struct iommufd_access {
	struct iommufd_object obj;
	struct iommufd_ctx *ictx;
	struct iommufd_ioas *ioas;
	struct iommufd_ioas *ioas_unpin;
	struct mutex ioas_lock;	/* protects ioas and ioas_unpin */
	const struct iommufd_access_ops *ops;
	void *data;
	unsigned long iova_alignment;
	u32 iopt_access_list_id;
};

/**
 * struct iommufd_fault - a queue of I/O page faults for userspace
 * @obj: object header
 * @ictx: the context
 * @filep: the file userspace reads faults from and writes responses to;
 *	while open it holds a users reference on the object and a context
 *	reference
 * @lock: protects @deliver; taken from the fault reporting path
 * @deliver: iopf_groups not yet read, oldest first (linked by their node)
 * @mutex: serialises readers and writers; protects @response
 * @response: iopf_groups read by userspace and awaiting a response,
 *	indexed by the cookie userspace got
 * @wait_queue: woken when a group is queued
 */
struct iommufd_fault {
	struct iommufd_object obj;
	struct iommufd_ctx *ictx;
	struct file *filep;

	spinlock_t lock;	/* protects @deliver */
	struct list_head deliver;
	struct mutex mutex;	/* serialises read/write, protects @response */
	struct xarray response;

	struct wait_queue_head wait_queue;
};

/**
 * iommufd_get_fault() - look up a fault queue by id
 * @ucmd: the command being executed
 * @id: the id
 *
 * Return: the fault object with a short-term reference, or
 * ERR_PTR(-ENOENT).
 */
static inline struct iommufd_fault *
iommufd_get_fault(struct iommufd_ucmd *ucmd, u32 id)
{
	return container_of(iommufd_get_object(ucmd->ictx, id,
					       IOMMUFD_OBJ_FAULT),
			    struct iommufd_fault, obj);
}

/**
 * struct iommufd_attach_handle - the attach handle iommufd gives the core
 * @handle: the core's handle, found again by iommu_attach_handle_get()
 * @idev: the device whose attach installed the handle; page faults
 *	routed to the handle are reported with this device's id
 */
struct iommufd_attach_handle {
	struct iommu_attach_handle handle;
	struct iommufd_device *idev;
};

/* The iommufd handle embedding a core attach handle */
#define to_iommufd_handle(hdl) \
	container_of(hdl, struct iommufd_attach_handle, handle)

int iommufd_fault_iopf_handler(struct iopf_group *group);
int iommufd_fault_iopf_enable(struct iommufd_device *idev);
void iommufd_fault_iopf_disable(struct iommufd_device *idev);
void iommufd_auto_response_faults(struct iommufd_hw_pagetable *hwpt,
				  struct iommufd_attach_handle *handle);
void iommufd_auto_response_dev_faults(struct iommufd_hw_pagetable *hwpt,
				      struct device *dev);

#endif /* __IOMMUFD_PRIVATE_H */
