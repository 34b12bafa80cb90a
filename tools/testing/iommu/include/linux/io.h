/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/types.h>
#include <linux/string.h>
#include <asm/barrier.h>
#include <asm/byteorder.h>
#include <asm/page.h>

/*
 * MMIO accessors.  An __iomem address inside a window registered by a
 * hardware model (<host/mmio.h>) is dispatched to the model's register
 * handlers; any other address is accessed as plain memory.  All accessors
 * are little-endian and fully ordered, which also satisfies the _relaxed
 * forms.
 */

/**
 * __host_mmio_read() - read @size bytes at an __iomem address
 * @addr: the address
 * @size: 1, 2, 4 or 8
 *
 * Return: the value read.
 */
u64 __host_mmio_read(const void __iomem *addr, unsigned int size);

/**
 * __host_mmio_write() - write @size bytes at an __iomem address
 * @val: the value
 * @addr: the address
 * @size: 1, 2, 4 or 8
 */
void __host_mmio_write(u64 val, void __iomem *addr, unsigned int size);

static inline u8 readb(const volatile void __iomem *addr)
{
	return __host_mmio_read((const void __iomem *)addr, 1);
}

static inline u16 readw(const volatile void __iomem *addr)
{
	return __host_mmio_read((const void __iomem *)addr, 2);
}

static inline u32 readl(const volatile void __iomem *addr)
{
	return __host_mmio_read((const void __iomem *)addr, 4);
}

static inline u64 readq(const volatile void __iomem *addr)
{
	return __host_mmio_read((const void __iomem *)addr, 8);
}

static inline void writeb(u8 val, volatile void __iomem *addr)
{
	__host_mmio_write(val, (void __iomem *)addr, 1);
}

static inline void writew(u16 val, volatile void __iomem *addr)
{
	__host_mmio_write(val, (void __iomem *)addr, 2);
}

static inline void writel(u32 val, volatile void __iomem *addr)
{
	__host_mmio_write(val, (void __iomem *)addr, 4);
}

static inline void writeq(u64 val, volatile void __iomem *addr)
{
	__host_mmio_write(val, (void __iomem *)addr, 8);
}

#define readb_relaxed(a)	readb(a)
#define readw_relaxed(a)	readw(a)
#define readl_relaxed(a)	readl(a)
#define readq_relaxed(a)	readq(a)
#define writeb_relaxed(v, a)	writeb(v, a)
#define writew_relaxed(v, a)	writew(v, a)
#define writel_relaxed(v, a)	writel(v, a)
#define writeq_relaxed(v, a)	writeq(v, a)
#define __raw_readl(a)		readl(a)
#define __raw_readq(a)		readq(a)
#define __raw_writel(v, a)	writel(v, a)
#define __raw_writeq(v, a)	writeq(v, a)

#define ioread8(a)		readb(a)
#define ioread16(a)		readw(a)
#define ioread32(a)		readl(a)
#define ioread64(a)		readq(a)
#define iowrite8(v, a)		writeb(v, a)
#define iowrite16(v, a)		writew(v, a)
#define iowrite32(v, a)		writel(v, a)
#define iowrite64(v, a)		writeq(v, a)
#define ioread32be(a)		be32_to_cpu((__force __be32)readl(a))
#define iowrite32be(v, a)	writel((__force u32)cpu_to_be32(v), a)

static inline void memcpy_fromio(void *dst, const volatile void __iomem *src, size_t count)
{
	u8 *d = dst;
	size_t i;

	for (i = 0; i < count; i++)
		d[i] = readb((const volatile u8 __iomem *)src + i);
}

static inline void memcpy_toio(volatile void __iomem *dst, const void *src, size_t count)
{
	const u8 *s = src;
	size_t i;

	for (i = 0; i < count; i++)
		writeb(s[i], (volatile u8 __iomem *)dst + i);
}

static inline void memset_io(volatile void __iomem *dst, int c, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		writeb(c, (volatile u8 __iomem *)dst + i);
}

/**
 * ioremap() - map a physical MMIO range
 * @phys_addr: physical address
 * @size: bytes
 *
 * Return: the __iomem cookie for a range inside a registered MMIO window
 * or inside RAM, NULL otherwise.
 */
void __iomem *ioremap(phys_addr_t phys_addr, size_t size);

/**
 * iounmap() - undo ioremap()
 * @addr: the cookie (NULL is ignored)
 */
static inline void iounmap(volatile void __iomem *addr)
{
}

#define ioremap_wc(a, s)	ioremap(a, s)
#define ioremap_uc(a, s)	ioremap(a, s)
#define ioremap_np(a, s)	ioremap(a, s)
#define ioremap_cache(a, s)	((void __force *)ioremap(a, s))

/* RAM and device windows alike are plain host memory: @flags is not used. */
static inline void *memremap(resource_size_t offset, size_t size, unsigned long flags)
{
	return (void __force *)ioremap(offset, size);
}

#define memunmap(a)		iounmap((void __iomem __force *)(a))

#define MEMREMAP_WB	BIT(0)
#define MEMREMAP_WT	BIT(1)
#define MEMREMAP_WC	BIT(2)
#define MEMREMAP_ENC	BIT(3)
#define MEMREMAP_DEC	BIT(4)

#endif /* _LINUX_IO_H */
