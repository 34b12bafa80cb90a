/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IO_64_NONATOMIC_HI_LO_H_
#define _LINUX_IO_64_NONATOMIC_HI_LO_H_

#include <linux/io.h>

/* 64-bit register access as two 32-bit accesses, high half first. */
static inline u64 hi_lo_readq(const volatile void __iomem *addr)
{
	const volatile u32 __iomem *p = addr;
	u32 high = readl(p + 1), low = readl(p);

	return low + ((u64)high << 32);
}

static inline void hi_lo_writeq(u64 val, volatile void __iomem *addr)
{
	writel(val >> 32, addr + 4);
	writel(val, addr);
}

#define hi_lo_readq_relaxed(a)		hi_lo_readq(a)
#define hi_lo_writeq_relaxed(v, a)	hi_lo_writeq(v, a)

#endif /* _LINUX_IO_64_NONATOMIC_HI_LO_H_ */
