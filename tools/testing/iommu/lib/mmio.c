// SPDX-License-Identifier: GPL-2.0
/*
 * MMIO dispatch: readl()/writel() on an address inside a window that a
 * hardware model registered reach the model's handlers; everything else
 * is a plain memory access.  Windows are few, so a small table searched
 * under a host lock is enough; the handler runs without that lock.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <host/mem.h>
#include <host/mmio.h>

#include "host-internal.h"

#define MAX_WINDOWS 128

/**
 * struct mmio_window - one registered window
 * @base: first physical address
 * @size: length
 * @ops: handlers
 * @opaque: their first argument
 */
struct mmio_window {
	phys_addr_t base;
	size_t size;
	const struct host_mmio_ops *ops;
	void *opaque;
};

static arch_spinlock_t mmio_lock;
static struct mmio_window windows[MAX_WINDOWS];
static int nr_windows;
static unsigned long dispatched;

struct resource iomem_resource = {
	.name = "PCI mem",
	.start = 0,
	.end = ~(resource_size_t)0,
	.flags = IORESOURCE_MEM,
};
EXPORT_SYMBOL(iomem_resource);

struct resource ioport_resource = {
	.name = "PCI IO",
	.start = 0,
	.end = 0xffff,
	.flags = IORESOURCE_IO,
};
EXPORT_SYMBOL(ioport_resource);

/* Copy of the window holding [addr, addr + len), if any. */
static bool window_of(unsigned long addr, size_t len, struct mmio_window *out)
{
	bool found = false;
	int i;

	if (!__atomic_load_n(&nr_windows, __ATOMIC_ACQUIRE))
		return false;
	host_raw_lock(&mmio_lock);
	for (i = 0; i < nr_windows; i++) {
		if (addr >= windows[i].base && addr - windows[i].base + len <= windows[i].size) {
			*out = windows[i];
			found = true;
			break;
		}
	}
	host_raw_unlock(&mmio_lock);
	return found;
}

int host_mmio_register(phys_addr_t base, size_t size, const struct host_mmio_ops *ops,
		       void *opaque)
{
	int i, ret = 0;

	if (!size || (base | size) & ~PAGE_MASK || !ops || !ops->read || !ops->write)
		return -EINVAL;
	host_raw_lock(&mmio_lock);
	for (i = 0; i < nr_windows; i++) {
		if (base < windows[i].base + windows[i].size &&
		    windows[i].base < base + size) {
			ret = -EBUSY;
			goto out;
		}
	}
	if (nr_windows == MAX_WINDOWS) {
		ret = -ENOMEM;
		goto out;
	}
	/*
	 * Keep host allocations out of the window.  If something is mapped
	 * there already (a sanitizer's shadow or guard region, which the C
	 * library never hands out), that serves as well; RAM does not.
	 */
	if (host_phys_is_ram(base, 1) || host_phys_is_ram(base + size - 1, 1)) {
		ret = -EBUSY;
		goto out;
	}
	host_abi_reserve_va(base, size);
	windows[nr_windows] = (struct mmio_window){ base, size, ops, opaque };
	__atomic_store_n(&nr_windows, nr_windows + 1, __ATOMIC_RELEASE);
out:
	host_raw_unlock(&mmio_lock);
	return ret;
}

void host_mmio_unregister(phys_addr_t base)
{
	int i;

	host_raw_lock(&mmio_lock);
	for (i = 0; i < nr_windows; i++) {
		if (windows[i].base == base) {
			windows[i] = windows[nr_windows - 1];
			__atomic_store_n(&nr_windows, nr_windows - 1, __ATOMIC_RELEASE);
			break;
		}
	}
	host_raw_unlock(&mmio_lock);
	/* The address range stays reserved, so it is never reused by malloc. */
}

unsigned long host_mmio_access_count(void)
{
	return __atomic_load_n(&dispatched, __ATOMIC_RELAXED);
}

u64 __host_mmio_read(const void __iomem *addr, unsigned int size)
{
	unsigned long a = (__force unsigned long)addr;
	struct mmio_window w;

	if (window_of(a, size, &w)) {
		__atomic_fetch_add(&dispatched, 1, __ATOMIC_RELAXED);
		return w.ops->read(w.opaque, a - w.base, size);
	}
	switch (size) {
	case 1:
		return READ_ONCE(*(const u8 __force *)addr);
	case 2:
		return READ_ONCE(*(const u16 __force *)addr);
	case 4:
		return READ_ONCE(*(const u32 __force *)addr);
	default:
		return READ_ONCE(*(const u64 __force *)addr);
	}
}
EXPORT_SYMBOL(__host_mmio_read);

void __host_mmio_write(u64 val, void __iomem *addr, unsigned int size)
{
	unsigned long a = (__force unsigned long)addr;
	struct mmio_window w;

	if (window_of(a, size, &w)) {
		__atomic_fetch_add(&dispatched, 1, __ATOMIC_RELAXED);
		w.ops->write(w.opaque, a - w.base, val, size);
		return;
	}
	switch (size) {
	case 1:
		WRITE_ONCE(*(u8 __force *)addr, val);
		break;
	case 2:
		WRITE_ONCE(*(u16 __force *)addr, val);
		break;
	case 4:
		WRITE_ONCE(*(u32 __force *)addr, val);
		break;
	default:
		WRITE_ONCE(*(u64 __force *)addr, val);
	}
}
EXPORT_SYMBOL(__host_mmio_write);

void __iomem *ioremap(phys_addr_t phys_addr, size_t size)
{
	struct mmio_window w;

	if (window_of(phys_addr, size, &w) || host_phys_is_ram(phys_addr, size))
		return (void __iomem __force *)(unsigned long)phys_addr;
	pr_err("%s(%#llx, %#zx): no device model or RAM there\n", __func__,
	       (unsigned long long)phys_addr, size);
	return NULL;
}
EXPORT_SYMBOL(ioremap);

/* ---- resource tree: enough for request_mem_region() ---- */

static arch_spinlock_t resource_lock;

int request_resource(struct resource *root, struct resource *new)
{
	struct resource **p;
	int ret = 0;

	if (new->start > new->end || new->start < root->start || new->end > root->end)
		return -EINVAL;
	host_raw_lock(&resource_lock);
	for (p = &root->child; *p; p = &(*p)->sibling) {
		if ((*p)->start > new->end)
			break;
		if ((*p)->end >= new->start) {
			ret = -EBUSY;
			goto out;
		}
	}
	new->sibling = *p;
	new->parent = root;
	*p = new;
out:
	host_raw_unlock(&resource_lock);
	return ret;
}
EXPORT_SYMBOL(request_resource);

int release_resource(struct resource *old)
{
	struct resource **p;
	int ret = -EINVAL;

	if (!old->parent)
		return -EINVAL;
	host_raw_lock(&resource_lock);
	for (p = &old->parent->child; *p; p = &(*p)->sibling) {
		if (*p == old) {
			*p = old->sibling;
			old->parent = NULL;
			ret = 0;
			break;
		}
	}
	host_raw_unlock(&resource_lock);
	return ret;
}
EXPORT_SYMBOL(release_resource);

struct resource *__request_region(struct resource *parent, resource_size_t start,
				  resource_size_t n, const char *name, int flags)
{
	struct resource *res = kzalloc(sizeof(*res), GFP_KERNEL);

	if (!res)
		return NULL;
	res->name = name;
	res->start = start;
	res->end = start + n - 1;
	res->flags = resource_type(parent) | IORESOURCE_BUSY | flags;
	if (request_resource(parent, res)) {
		kfree(res);
		return NULL;
	}
	return res;
}
EXPORT_SYMBOL(__request_region);

void __release_region(struct resource *parent, resource_size_t start, resource_size_t n)
{
	struct resource *res;

	host_raw_lock(&resource_lock);
	for (res = parent->child; res; res = res->sibling)
		if (res->start == start && res->end == start + n - 1)
			break;
	host_raw_unlock(&resource_lock);
	if (WARN(!res, "trying to free nonexistent resource <%#llx-%#llx>\n",
		 (unsigned long long)start, (unsigned long long)(start + n - 1)))
		return;
	release_resource(res);
	kfree(res);
}
EXPORT_SYMBOL(__release_region);
