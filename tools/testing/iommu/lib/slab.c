// SPDX-License-Identifier: GPL-2.0
/*
 * Memory allocation of the host kernel: kmalloc family, kmem_cache,
 * vmalloc, the page allocator, and the registry of RAM ranges that the
 * hardware models' checked accessors consult.
 *
 * Every block comes from the C library (host_abi_alloc()) and is recorded
 * in one red-black tree keyed by start address.  The record tells the
 * block's kind, so kfree() of a page or vfree() of kmalloc memory is
 * caught, and it doubles as the "outstanding allocations" count used for
 * leak checks.  All allocators pass should_failslab() first.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/rbtree.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <host/env.h>
#include <host/mem.h>

#include "host-internal.h"

enum mem_kind {
	MEM_KMALLOC,
	MEM_VMALLOC,
	MEM_PAGES,
	MEM_EXTERNAL,
};

static const char * const mem_kind_name[] = {
	[MEM_KMALLOC] = "kmalloc",
	[MEM_VMALLOC] = "vmalloc",
	[MEM_PAGES] = "page",
	[MEM_EXTERNAL] = "registered",
};

/**
 * struct mem_rec - one registered range of host RAM
 * @node: link in mem_tree, ordered by @start
 * @start: first byte
 * @len: length in bytes (the usable size for kmalloc blocks)
 * @kind: which allocator made it
 * @order: page order, for MEM_PAGES
 * @users: registration count, for MEM_EXTERNAL
 * @pages: page descriptors, for MEM_PAGES
 */
struct mem_rec {
	struct rb_node node;
	unsigned long start;
	unsigned long len;
	enum mem_kind kind;
	unsigned int order;
	unsigned int users;
	struct page *pages;
};

static arch_spinlock_t mem_lock;
static struct rb_root mem_tree = RB_ROOT;
static long mem_outstanding;
static unsigned long alloc_calls;

/* ---- registry ---- */

/* The record whose range contains addr, or NULL.  Caller holds mem_lock. */
static struct mem_rec *mem_find(unsigned long addr)
{
	struct rb_node *n = mem_tree.rb_node;
	struct mem_rec *best = NULL;

	while (n) {
		struct mem_rec *r = rb_entry(n, struct mem_rec, node);

		if (addr < r->start) {
			n = n->rb_left;
		} else {
			best = r;
			n = n->rb_right;
		}
	}
	if (best && addr - best->start < best->len)
		return best;
	return NULL;
}

/* Insert a record; false if it overlaps an existing one.  Caller holds mem_lock. */
static bool mem_insert(struct mem_rec *rec)
{
	struct rb_node **link = &mem_tree.rb_node, *parent = NULL;
	struct rb_node *prev, *next;

	while (*link) {
		struct mem_rec *r = rb_entry(*link, struct mem_rec, node);

		parent = *link;
		link = rec->start < r->start ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(&rec->node, parent, link);
	rb_insert_color(&rec->node, &mem_tree);

	prev = rb_prev(&rec->node);
	next = rb_next(&rec->node);
	if ((prev && rb_entry(prev, struct mem_rec, node)->start +
		     rb_entry(prev, struct mem_rec, node)->len > rec->start) ||
	    (next && rec->start + rec->len > rb_entry(next, struct mem_rec, node)->start)) {
		rb_erase(&rec->node, &mem_tree);
		return false;
	}
	mem_outstanding++;
	return true;
}

static void mem_remove(struct mem_rec *rec)
{
	rb_erase(&rec->node, &mem_tree);
	mem_outstanding--;
}

static struct mem_rec *rec_new(void *p, unsigned long len, enum mem_kind kind)
{
	struct mem_rec *rec = host_abi_alloc(sizeof(*rec), 16);

	if (!rec)
		return NULL;
	memset(rec, 0, sizeof(*rec));
	rec->start = (unsigned long)p;
	rec->len = len;
	rec->kind = kind;
	return rec;
}

/* Take the record of the block that starts exactly at p out of the registry. */
static struct mem_rec *mem_take(const void *p, enum mem_kind kind, const char *caller)
{
	struct mem_rec *rec;

	host_raw_lock(&mem_lock);
	rec = mem_find((unsigned long)p);
	if (rec && rec->start == (unsigned long)p && rec->kind == kind) {
		mem_remove(rec);
		host_raw_unlock(&mem_lock);
		return rec;
	}
	host_raw_unlock(&mem_lock);
	if (rec)
		WARN(1, "%s(%p): address is %s %s memory at offset %lu\n", caller, p,
		     rec->start == (unsigned long)p ? "a block of" : "inside",
		     mem_kind_name[rec->kind], (unsigned long)p - rec->start);
	else
		WARN(1, "%s(%p): not allocated (double free or bad pointer)\n", caller, p);
	return NULL;
}

long host_alloc_outstanding(void)
{
	long n;

	host_raw_lock(&mem_lock);
	n = mem_outstanding;
	host_raw_unlock(&mem_lock);
	return n;
}

unsigned long host_alloc_total(void)
{
	return __atomic_load_n(&alloc_calls, __ATOMIC_RELAXED);
}

/* Copy to or from RAM; -EFAULT unless every byte is registered. */
static int phys_copy(unsigned long pa, void *buf, size_t len, bool write)
{
	unsigned long cur = pa, end;
	int ret = 0;

	if (check_add_overflow(pa, (unsigned long)len, &end))
		return -EFAULT;
	host_raw_lock(&mem_lock);
	/* Check the whole range first so that a failed write changes nothing. */
	while (cur < end) {
		struct mem_rec *rec = mem_find(cur);

		if (!rec) {
			ret = -EFAULT;
			break;
		}
		cur = rec->start + rec->len;
	}
	if (!ret && buf) {
		if (write)
			memcpy((void *)pa, buf, len);
		else
			memcpy(buf, (void *)pa, len);
	}
	host_raw_unlock(&mem_lock);
	return ret;
}

int host_phys_read(phys_addr_t pa, void *buf, size_t len)
{
	return phys_copy(pa, buf, len, false);
}

int host_phys_write(phys_addr_t pa, const void *buf, size_t len)
{
	return phys_copy(pa, (void *)buf, len, true);
}

bool host_phys_is_ram(phys_addr_t pa, size_t len)
{
	return phys_copy(pa, NULL, len, false) == 0;
}

int host_ram_register(phys_addr_t pa, size_t len)
{
	struct mem_rec *rec, *old;

	if (!len)
		return -EINVAL;
	host_raw_lock(&mem_lock);
	old = mem_find(pa);
	if (old && old->kind == MEM_EXTERNAL && old->start == pa && old->len == len) {
		old->users++;
		host_raw_unlock(&mem_lock);
		return 0;
	}
	host_raw_unlock(&mem_lock);

	rec = rec_new((void *)(unsigned long)pa, len, MEM_EXTERNAL);
	if (!rec)
		return -ENOMEM;
	rec->users = 1;
	host_raw_lock(&mem_lock);
	if (!mem_insert(rec)) {
		host_raw_unlock(&mem_lock);
		host_abi_free(rec);
		return -EEXIST;
	}
	/* External ranges are not allocations of ours. */
	mem_outstanding--;
	host_raw_unlock(&mem_lock);
	return 0;
}

void host_ram_unregister(phys_addr_t pa)
{
	struct mem_rec *rec;

	host_raw_lock(&mem_lock);
	rec = mem_find(pa);
	if (!rec || rec->start != pa || rec->kind != MEM_EXTERNAL) {
		host_raw_unlock(&mem_lock);
		WARN(1, "%s(%#llx): not registered\n", __func__, (unsigned long long)pa);
		return;
	}
	if (--rec->users) {
		host_raw_unlock(&mem_lock);
		return;
	}
	mem_remove(rec);
	mem_outstanding++;
	host_raw_unlock(&mem_lock);
	host_abi_free(rec);
}

int host_ram_get(phys_addr_t pa, size_t len)
{
	int ret = host_ram_register(pa, len);

	/* Memory that already is RAM (a kernel allocation) needs nothing. */
	return ret == -EEXIST ? 0 : ret;
}

void host_ram_put(phys_addr_t pa, size_t len)
{
	struct mem_rec *rec;
	bool ours;

	host_raw_lock(&mem_lock);
	rec = mem_find(pa);
	ours = rec && rec->kind == MEM_EXTERNAL && rec->start == pa && rec->len == len;
	host_raw_unlock(&mem_lock);
	if (ours)
		host_ram_unregister(pa);
}

void *host_guard_region(size_t len, size_t accessible)
{
	return host_abi_guard_region(PAGE_ALIGN(len), PAGE_ALIGN(accessible));
}

/* ---- fault injection ---- */

bool should_failslab(size_t size, gfp_t gfp)
{
	struct task_struct *t;
	unsigned int nth;

	__atomic_fetch_add(&alloc_calls, 1, __ATOMIC_RELAXED);
	if (gfp & __GFP_NOFAIL)
		return false;
	t = current;
	nth = READ_ONCE(t->fail_nth);
	if (!nth || !t->make_it_fail)
		return false;
	WRITE_ONCE(t->fail_nth, nth - 1);
	return nth == 1;
}
EXPORT_SYMBOL_GPL(should_failslab);

/* ---- raw blocks ---- */

/* Allocate and register a block; NULL on (injected or real) failure. */
static void *block_alloc(size_t size, size_t align, gfp_t gfp, enum mem_kind kind)
{
	struct mem_rec *rec;
	void *p;

	if (should_failslab(size, gfp))
		return NULL;
	p = host_abi_alloc(size, align);
	if (!p)
		return NULL;
	rec = rec_new(p, kind == MEM_KMALLOC ? host_abi_usable_size(p) : size, kind);
	if (!rec) {
		host_abi_free(p);
		return NULL;
	}
	if (kind == MEM_KMALLOC && rec->len < size)
		rec->len = size;
	host_raw_lock(&mem_lock);
	if (!mem_insert(rec)) {
		host_raw_unlock(&mem_lock);
		/* The C library handed out memory we think is live: corrupt registry. */
		panic("host memory registry: new block %p+%zu overlaps a live block\n", p, size);
	}
	host_raw_unlock(&mem_lock);
	if (gfp & __GFP_ZERO)
		memset(p, 0, size);
	return p;
}

static void block_free(const void *p, enum mem_kind kind, const char *caller)
{
	struct mem_rec *rec = mem_take(p, kind, caller);

	if (!rec)
		return;
	host_abi_free((void *)p);
	host_abi_free(rec);
}

/* ---- kmalloc ---- */

static size_t kmalloc_align(size_t size)
{
	/* Power-of-two sizes up to a page are naturally aligned, as in Linux. */
	if (size >= ARCH_KMALLOC_MINALIGN && size <= PAGE_SIZE && is_power_of_2(size))
		return size;
	return ARCH_KMALLOC_MINALIGN;
}

void *kmalloc(size_t size, gfp_t flags)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_SIZE) {
		WARN_ON_ONCE(!(flags & __GFP_NOWARN));
		return NULL;
	}
	return block_alloc(size, kmalloc_align(size), flags, MEM_KMALLOC);
}
EXPORT_SYMBOL(kmalloc);

void kfree(const void *objp)
{
	if (ZERO_OR_NULL_PTR(objp))
		return;
	block_free(objp, MEM_KMALLOC, "kfree");
}
EXPORT_SYMBOL(kfree);

void kfree_sensitive(const void *objp)
{
	if (ZERO_OR_NULL_PTR(objp))
		return;
	memzero_explicit((void *)objp, ksize(objp));
	kfree(objp);
}
EXPORT_SYMBOL(kfree_sensitive);

size_t ksize(const void *objp)
{
	struct mem_rec *rec;
	size_t len = 0;

	if (ZERO_OR_NULL_PTR(objp))
		return 0;
	host_raw_lock(&mem_lock);
	rec = mem_find((unsigned long)objp);
	if (rec && rec->start == (unsigned long)objp)
		len = rec->len;
	host_raw_unlock(&mem_lock);
	WARN_ON(!len);
	return len;
}
EXPORT_SYMBOL(ksize);

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t old_size;
	void *n;

	if (ZERO_OR_NULL_PTR(p))
		return kmalloc(new_size, flags);
	if (!new_size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	old_size = ksize(p);
	if (new_size <= old_size) {
		if (flags & __GFP_ZERO)
			memset((char *)p + new_size, 0, old_size - new_size);
		return (void *)p;
	}
	n = kmalloc(new_size, flags & ~__GFP_ZERO);
	if (!n)
		return NULL;
	memcpy(n, p, old_size);
	if (flags & __GFP_ZERO)
		memset((char *)n + old_size, 0, new_size - old_size);
	kfree(p);
	return n;
}
EXPORT_SYMBOL(krealloc);

/* ---- vmalloc / kvmalloc ---- */

void *__vmalloc(unsigned long size, gfp_t gfp_mask)
{
	if (!size || size > (1UL << 40))
		return NULL;
	return block_alloc(size, PAGE_SIZE, gfp_mask, MEM_VMALLOC);
}
EXPORT_SYMBOL(__vmalloc);

void *vmalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL);
}
EXPORT_SYMBOL(vmalloc);

void *vzalloc(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL | __GFP_ZERO);
}
EXPORT_SYMBOL(vzalloc);

void *vmalloc_user(unsigned long size)
{
	return __vmalloc(size, GFP_KERNEL | __GFP_ZERO);
}
EXPORT_SYMBOL(vmalloc_user);

/* __vmalloc() of @n elements of @size bytes, NULL when the product overflows. */
static void *vmalloc_elems(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (check_mul_overflow(n, size, &bytes))
		return NULL;
	return __vmalloc(bytes, gfp);
}

void *vmalloc_array(size_t n, size_t size)
{
	return vmalloc_elems(n, size, GFP_KERNEL);
}
EXPORT_SYMBOL(vmalloc_array);

void *vcalloc(size_t n, size_t size)
{
	return vmalloc_elems(n, size, GFP_KERNEL | __GFP_ZERO);
}
EXPORT_SYMBOL(vcalloc);

void vfree(const void *addr)
{
	if (!addr)
		return;
	block_free(addr, MEM_VMALLOC, "vfree");
}
EXPORT_SYMBOL(vfree);

void *kvmalloc(size_t size, gfp_t flags)
{
	if (size > KMALLOC_MAX_SIZE) {
		if (size > INT_MAX) {
			WARN_ON_ONCE(!(flags & __GFP_NOWARN));
			return NULL;
		}
		return __vmalloc(size, flags);
	}
	return kmalloc(size, flags);
}
EXPORT_SYMBOL(kvmalloc);

/* Free memory from any of kmalloc()/vmalloc(), whichever it came from. */
void kvfree(const void *addr)
{
	struct mem_rec *rec;
	enum mem_kind kind = MEM_KMALLOC;

	if (ZERO_OR_NULL_PTR(addr))
		return;
	host_raw_lock(&mem_lock);
	rec = mem_find((unsigned long)addr);
	if (rec && rec->kind == MEM_VMALLOC)
		kind = MEM_VMALLOC;
	host_raw_unlock(&mem_lock);
	block_free(addr, kind, "kvfree");
}
EXPORT_SYMBOL(kvfree);

void kvfree_sensitive(const void *addr, size_t len)
{
	if (ZERO_OR_NULL_PTR(addr))
		return;
	memzero_explicit((void *)addr, len);
	kvfree(addr);
}
EXPORT_SYMBOL(kvfree_sensitive);

void *kvrealloc(const void *p, size_t size, gfp_t flags)
{
	size_t old_size = 0;
	struct mem_rec *rec;
	void *n;

	if (p) {
		host_raw_lock(&mem_lock);
		rec = mem_find((unsigned long)p);
		if (rec)
			old_size = rec->len;
		host_raw_unlock(&mem_lock);
	}
	if (p && size <= old_size)
		return (void *)p;
	n = kvmalloc(size, flags & ~__GFP_ZERO);
	if (!n)
		return NULL;
	if (p)
		memcpy(n, p, old_size);
	if (flags & __GFP_ZERO)
		memset((char *)n + old_size, 0, size - old_size);
	kvfree(p);
	return n;
}
EXPORT_SYMBOL(kvrealloc);

/* ---- kmem_cache ---- */

/**
 * struct kmem_cache - a cache of equally sized objects (backed by kmalloc)
 * @name: name for diagnostics
 * @size: object size
 * @align: object alignment
 * @ctor: constructor, or NULL
 * @live: objects allocated and not freed
 */
struct kmem_cache {
	const char *name;
	unsigned int size;
	unsigned int align;
	void (*ctor)(void *obj);
	long live;
};

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s) {
		if (flags & SLAB_PANIC)
			panic("%s(%s) failed\n", __func__, name);
		return NULL;
	}
	s->name = name;
	s->size = size;
	s->align = max_t(unsigned int, align, ARCH_SLAB_MINALIGN);
	if (flags & SLAB_HWCACHE_ALIGN)
		s->align = max_t(unsigned int, s->align, 64);
	s->ctor = ctor;
	return s;
}
EXPORT_SYMBOL(kmem_cache_create);

struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size,
					      unsigned int align, slab_flags_t flags,
					      unsigned int useroffset, unsigned int usersize,
					      void (*ctor)(void *))
{
	return kmem_cache_create(name, size, align, flags, ctor);
}
EXPORT_SYMBOL(kmem_cache_create_usercopy);

void kmem_cache_destroy(struct kmem_cache *s)
{
	if (!s)
		return;
	WARN(READ_ONCE(s->live), "%s %s: %ld objects still allocated\n", __func__,
	     s->name, s->live);
	kfree(s);
}
EXPORT_SYMBOL(kmem_cache_destroy);

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	void *obj = block_alloc(s->size ? s->size : 1, s->align, flags, MEM_KMALLOC);

	if (!obj)
		return NULL;
	__atomic_fetch_add(&s->live, 1, __ATOMIC_RELAXED);
	if (s->ctor && !(flags & __GFP_ZERO))
		s->ctor(obj);
	return obj;
}
EXPORT_SYMBOL(kmem_cache_alloc);

void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	if (!objp)
		return;
	__atomic_fetch_sub(&s->live, 1, __ATOMIC_RELAXED);
	block_free(objp, MEM_KMALLOC, "kmem_cache_free");
}
EXPORT_SYMBOL(kmem_cache_free);

/* ---- strings that allocate ---- */

char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	buf = kmalloc(len, gfp);
	if (buf)
		memcpy(buf, s, len);
	return buf;
}
EXPORT_SYMBOL(kstrdup);

const char *kstrdup_const(const char *s, gfp_t gfp)
{
	return kstrdup(s, gfp);
}
EXPORT_SYMBOL(kstrdup_const);

void kfree_const(const void *x)
{
	kfree(x);
}
EXPORT_SYMBOL(kfree_const);

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}
EXPORT_SYMBOL(kstrndup);

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p && len)
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(kmemdup);

void *kvmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kvmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(kvmemdup);

char *kmemdup_nul(const char *s, size_t len, gfp_t gfp)
{
	char *buf;

	if (!s)
		return NULL;
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}
EXPORT_SYMBOL(kmemdup_nul);

void *kmemdup_array(const void *src, size_t count, size_t element_size, gfp_t gfp)
{
	size_t bytes;

	if (check_mul_overflow(count, element_size, &bytes))
		return NULL;
	return kmemdup(src, bytes, gfp);
}
EXPORT_SYMBOL(kmemdup_array);

/* ---- pages ---- */

/*
 * Descriptors for pages the page allocator did not hand out, created on
 * first use and kept for the life of the process.
 */
#define LOOSE_BUCKETS 4096

struct loose_page {
	struct page page;
	struct loose_page *next;
};

static struct loose_page *loose_pages[LOOSE_BUCKETS];
static arch_spinlock_t loose_lock;

static struct page *loose_page(unsigned long pfn)
{
	unsigned long b = (pfn * 0x9e3779b97f4a7c15UL) >> 52;
	struct loose_page *lp;

	host_raw_lock(&loose_lock);
	for (lp = loose_pages[b]; lp; lp = lp->next)
		if (page_to_pfn(&lp->page) == pfn)
			goto out;
	lp = host_abi_alloc(sizeof(*lp), 16);
	if (!lp)
		panic("out of memory for page descriptors\n");
	memset(lp, 0, sizeof(*lp));
	lp->page.virtual = (void *)(pfn << PAGE_SHIFT);
	lp->page.compound_head = &lp->page;
	atomic_set(&lp->page._refcount, 1);
	INIT_LIST_HEAD(&lp->page.lru);
	lp->next = loose_pages[b];
	loose_pages[b] = lp;
out:
	host_raw_unlock(&loose_lock);
	return &lp->page;
}

struct page *virt_to_page(const void *addr)
{
	unsigned long a = (unsigned long)addr;
	struct mem_rec *rec;
	struct page *page = NULL;

	host_raw_lock(&mem_lock);
	rec = mem_find(a);
	if (rec && rec->kind == MEM_PAGES)
		page = &rec->pages[(a - rec->start) >> PAGE_SHIFT];
	host_raw_unlock(&mem_lock);
	return page ? page : loose_page(a >> PAGE_SHIFT);
}
EXPORT_SYMBOL(virt_to_page);

struct page *pfn_to_page(unsigned long pfn)
{
	return virt_to_page((void *)(pfn << PAGE_SHIFT));
}
EXPORT_SYMBOL(pfn_to_page);

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long size, i;
	struct mem_rec *rec;
	struct page *pages;
	void *p;

	if (order > MAX_PAGE_ORDER) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	size = PAGE_SIZE << order;
	if (should_failslab(size, gfp))
		return NULL;
	p = host_abi_alloc(size, size);
	if (!p)
		return NULL;
	pages = host_abi_alloc(sizeof(*pages) << order, 16);
	rec = rec_new(p, size, MEM_PAGES);
	if (!pages || !rec) {
		host_abi_free(pages);
		host_abi_free(rec);
		host_abi_free(p);
		return NULL;
	}
	memset(pages, 0, sizeof(*pages) << order);
	for (i = 0; i < (1UL << order); i++) {
		pages[i].virtual = (char *)p + (i << PAGE_SHIFT);
		pages[i].compound_head = &pages[0];
		INIT_LIST_HEAD(&pages[i].lru);
	}
	pages[0].order = order;
	atomic_set(&pages[0]._refcount, 1);
	rec->order = order;
	rec->pages = pages;
	host_raw_lock(&mem_lock);
	if (!mem_insert(rec)) {
		host_raw_unlock(&mem_lock);
		panic("host memory registry: new pages %p overlap a live block\n", p);
	}
	host_raw_unlock(&mem_lock);
	if (gfp & __GFP_ZERO)
		memset(p, 0, size);
	return pages;
}
EXPORT_SYMBOL(alloc_pages);

static void free_block_of(struct page *head, unsigned int order, const char *caller)
{
	void *addr = page_address(head);
	struct mem_rec *rec = mem_take(addr, MEM_PAGES, caller);

	if (!rec)
		return;
	WARN(rec->order != order, "%s: block of order %u freed as order %u\n", caller,
	     rec->order, order);
	host_abi_free(addr);
	host_abi_free(rec->pages);
	host_abi_free(rec);
}

void __free_pages(struct page *page, unsigned int order)
{
	if (WARN_ON(compound_head(page) != page))
		return;
	if (atomic_dec_and_test(&page->_refcount))
		free_block_of(page, order, "__free_pages");
}
EXPORT_SYMBOL(__free_pages);

void get_page(struct page *page)
{
	atomic_inc(&compound_head(page)->_refcount);
}
EXPORT_SYMBOL(get_page);

void put_page(struct page *page)
{
	struct page *head = compound_head(page);

	if (atomic_dec_and_test(&head->_refcount))
		free_block_of(head, head->order, "put_page");
}
EXPORT_SYMBOL(put_page);

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}
EXPORT_SYMBOL(__get_free_pages);

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}
EXPORT_SYMBOL(get_zeroed_page);

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}
EXPORT_SYMBOL(free_pages);

void *alloc_pages_exact(size_t size, gfp_t gfp)
{
	return (void *)__get_free_pages(gfp, get_order(size));
}
EXPORT_SYMBOL(alloc_pages_exact);

void free_pages_exact(void *virt, size_t size)
{
	free_pages((unsigned long)virt, get_order(size));
}
EXPORT_SYMBOL(free_pages_exact);

struct folio *folio_alloc(gfp_t gfp, unsigned int order)
{
	return (struct folio *)alloc_pages(gfp | __GFP_COMP, order);
}
EXPORT_SYMBOL(folio_alloc);

void folio_put(struct folio *folio)
{
	put_page(&folio->page);
}
EXPORT_SYMBOL(folio_put);
