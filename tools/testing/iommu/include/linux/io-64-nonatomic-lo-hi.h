/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IO_64_NONATOMIC_LO_HI_H_
#define _LINUX_IO_64_NONATOMIC_LO_HI_H_

#include <linux/io.h>

/* 64-bit register access as two 32-bit accesses, low half first. */
static inline u64 lo_hi_readq(const volatile void __iomem *addr)
{
	const volatile u32 __iomem *p = addr;
	u32 low = readl(p), high = readl(p + 1);

	return low + ((u64)high << 32);
}

static inline void lo_hi_writeq(u64 val, volatile void __iomem *addr)
{
	writel(val, addr);
	writel(val >> 32, addr + 4);
}

#define lo_hi_readq_relaxed(a)		lo_hi_readq(a)
#define lo_hi_writeq_relaxed(v, a)	lo_hi_writeq(v, a)

#endif /* _LINUX_IO_64_NONATOMIC_LO_HI_H_ */
