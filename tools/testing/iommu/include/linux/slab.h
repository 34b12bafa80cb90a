/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/types.h>
#include <linux/cleanup.h>
#include <linux/err.h>

/*
 * Kernel object allocation on the host.  Every allocation passes through
 * should_failslab() (fault injection: current->fail_nth), is counted in
 * host_alloc_outstanding(), and is registered as RAM for the hardware
 * models.  kmalloc() of a power-of-two size up to PAGE_SIZE is naturally
 * aligned, as in Linux; other sizes are aligned to ARCH_KMALLOC_MINALIGN.
 */

#define ARCH_KMALLOC_MINALIGN	16
#define ARCH_SLAB_MINALIGN	16
#define ARCH_DMA_MINALIGN	64
#define KMALLOC_MAX_SIZE	BIT(22)
#define KMALLOC_SHIFT_HIGH	13

/* kmalloc(0) returns this: non-NULL, but faults if dereferenced. */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

#define SLAB_HWCACHE_ALIGN	((__force slab_flags_t)0x00002000U)
#define SLAB_CACHE_DMA		((__force slab_flags_t)0x00004000U)
#define SLAB_CACHE_DMA32	((__force slab_flags_t)0x00008000U)
#define SLAB_PANIC		((__force slab_flags_t)0x00040000U)
#define SLAB_TYPESAFE_BY_RCU	((__force slab_flags_t)0x00080000U)
#define SLAB_ACCOUNT		((__force slab_flags_t)0x04000000U)
#define SLAB_RECLAIM_ACCOUNT	((__force slab_flags_t)0x00020000U)
#define SLAB_NO_MERGE		((__force slab_flags_t)0x01000000U)

/**
 * should_failslab() - the single fault-injection point of all allocators
 * @size: bytes requested
 * @gfp: allocation flags
 *
 * Return: true if this allocation must fail (current->fail_nth reached,
 * never for __GFP_NOFAIL).
 */
bool should_failslab(size_t size, gfp_t gfp);

/**
 * kmalloc() - allocate kernel memory
 * @size: bytes
 * @flags: GFP flags (__GFP_ZERO zeroes)
 *
 * Return: the memory, ZERO_SIZE_PTR for 0 bytes, or NULL.
 */
void *kmalloc(size_t size, gfp_t flags) __alloc_size__(1) __malloc;

/**
 * kfree() - free memory from kmalloc() and friends
 * @objp: the memory; NULL and ZERO_SIZE_PTR are ignored
 */
void kfree(const void *objp);

/**
 * krealloc() - resize a kmalloc() block
 * @p: the block (NULL behaves as kmalloc())
 * @new_size: new size (0 frees @p and returns ZERO_SIZE_PTR)
 * @flags: GFP flags
 *
 * Return: the new block, or NULL with @p untouched.
 */
void *krealloc(const void *p, size_t new_size, gfp_t flags) __realloc_size__(2);

/**
 * ksize() - usable size of a kmalloc() block
 * @objp: the block
 *
 * Return: bytes usable, at least the size requested.
 */
size_t ksize(const void *objp);

void kfree_sensitive(const void *objp);

DEFINE_FREE(kfree, void *, if (!IS_ERR_OR_NULL(_T)) kfree(_T))

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc(bytes, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(new_n, new_size, &bytes)))
		return NULL;
	return krealloc(p, bytes, flags);
}

/* The host has one NUMA node: the _node() variants ignore @node. */
static inline void *kmalloc_node(size_t size, gfp_t flags, int node)
{
	return kmalloc(size, flags);
}

static inline void *kzalloc_node(size_t size, gfp_t flags, int node)
{
	return kzalloc(size, flags);
}

static inline void *kcalloc_node(size_t n, size_t size, gfp_t flags, int node)
{
	return kcalloc(n, size, flags);
}

static inline void *kmalloc_array_node(size_t n, size_t size, gfp_t flags, int node)
{
	return kmalloc_array(n, size, flags);
}

#define kmalloc_noprof				kmalloc
#define kmalloc_track_caller(size, flags)	kmalloc(size, flags)
#define kmalloc_size_roundup(size)		(size)

/**
 * kvmalloc() - allocate memory that need not be physically contiguous
 * @size: bytes
 * @flags: GFP flags
 *
 * Return: the memory, or NULL.  Free it with kvfree().
 */
void *kvmalloc(size_t size, gfp_t flags) __alloc_size__(1) __malloc;

/**
 * kvfree() - free memory from kvmalloc()/vmalloc()/kmalloc()
 * @addr: the memory (NULL is ignored)
 */
void kvfree(const void *addr);
void kvfree_sensitive(const void *addr, size_t len);

/**
 * kvrealloc() - resize a kvmalloc() block
 * @p: the block
 * @size: new size
 * @flags: GFP flags
 *
 * Return: the new block, or NULL with @p untouched.
 */
void *kvrealloc(const void *p, size_t size, gfp_t flags);

DEFINE_FREE(kvfree, void *, if (!IS_ERR_OR_NULL(_T)) kvfree(_T))

static inline void *kvzalloc(size_t size, gfp_t flags)
{
	return kvmalloc(size, flags | __GFP_ZERO);
}

static inline void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kvmalloc(bytes, flags);
}

static inline void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	return kvmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *kvmalloc_node(size_t size, gfp_t flags, int node)
{
	return kvmalloc(size, flags);
}

static inline void *kvzalloc_node(size_t size, gfp_t flags, int node)
{
	return kvzalloc(size, flags);
}

struct kmem_cache;

/**
 * kmem_cache_create() - create a cache of equally sized objects
 * @name: name for diagnostics
 * @size: object size
 * @align: required alignment (0 for the default)
 * @flags: SLAB_* flags
 * @ctor: constructor run on every new object, or NULL
 *
 * Return: the cache, or NULL.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *));

struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size,
					      unsigned int align, slab_flags_t flags,
					      unsigned int useroffset, unsigned int usersize,
					      void (*ctor)(void *));

/**
 * kmem_cache_destroy() - destroy a cache; WARNs if objects are still live
 * @s: the cache (NULL is ignored)
 */
void kmem_cache_destroy(struct kmem_cache *s);

/**
 * kmem_cache_alloc() - allocate one object from a cache
 * @cachep: the cache
 * @flags: GFP flags
 *
 * Return: the object, or NULL.
 */
void *kmem_cache_alloc(struct kmem_cache *cachep, gfp_t flags) __malloc;

/**
 * kmem_cache_free() - return an object to its cache
 * @cachep: the cache
 * @objp: the object
 */
void kmem_cache_free(struct kmem_cache *cachep, void *objp);

static inline void *kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags)
{
	return kmem_cache_alloc(k, flags | __GFP_ZERO);
}

static inline void *kmem_cache_alloc_node(struct kmem_cache *s, gfp_t flags, int node)
{
	return kmem_cache_alloc(s, flags);
}

struct list_lru;

/* No shrinkers on the host: @lru is not used. */
static inline void *kmem_cache_alloc_lru(struct kmem_cache *s, struct list_lru *lru,
					 gfp_t flags)
{
	return kmem_cache_alloc(s, flags);
}

#define KMEM_CACHE(__struct, __flags)					\
	kmem_cache_create(#__struct, sizeof(struct __struct),		\
			  __alignof__(struct __struct), (__flags), NULL)

#define KMEM_CACHE_USERCOPY(__struct, __flags, __field)			\
	kmem_cache_create_usercopy(#__struct, sizeof(struct __struct),	\
			  __alignof__(struct __struct), (__flags),	\
			  offsetof(struct __struct, __field),		\
			  sizeof_field(struct __struct, __field), NULL)

/**
 * kvfree_call_rcu() - free @ptr with kvfree() after an RCU grace period
 * @head: rcu_head inside the object, or NULL for the headless form
 * @ptr: start of the object
 */
void kvfree_call_rcu(struct rcu_head *head, void *ptr);

/* Free ptr after a grace period; rhf names the struct rcu_head member. */
#define kfree_rcu(ptr, rhf) do {					\
	typeof(ptr) __kr_p = (ptr);					\
	if (__kr_p)							\
		kvfree_call_rcu(&((__kr_p)->rhf), (void *)__kr_p);	\
} while (0)
#define kvfree_rcu(ptr, rhf) kfree_rcu(ptr, rhf)
#define kfree_rcu_mightsleep(ptr) kvfree_call_rcu(NULL, (void *)(ptr))
#define kvfree_rcu_mightsleep(ptr) kvfree_call_rcu(NULL, (void *)(ptr))

static inline void kmem_dump_obj(void *object)
{
}

#endif /* _LINUX_SLAB_H */
