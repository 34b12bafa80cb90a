/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BITS_H
#define _LINUX_BITS_H

#include <linux/const.h>
#include <linux/build_bug.h>

#define BITS_PER_LONG		64
#define BITS_PER_LONG_LONG	64
#define BITS_PER_BYTE		8

#define BIT(nr)			(_UL(1) << (nr))
#define BIT_ULL(nr)		(_ULL(1) << (nr))
#define BIT_MASK(nr)		(_UL(1) << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr)		((nr) / BITS_PER_LONG)
#define BIT_ULL_MASK(nr)	(_ULL(1) << ((nr) % BITS_PER_LONG_LONG))
#define BIT_ULL_WORD(nr)	((nr) / BITS_PER_LONG_LONG)

#define GENMASK_INPUT_CHECK(h, l) BUILD_BUG_ON_ZERO(__builtin_choose_expr( \
	__is_constexpr((l) > (h)), (l) > (h), 0))

/*
 * GENMASK(h, l): the bits l..h (inclusive) set.  Computed as "all ones
 * from bit l upwards" AND "all ones up to bit h".
 */
#define GENMASK(h, l) \
	(GENMASK_INPUT_CHECK(h, l) + \
	 ((~_UL(0) << (l)) & (~_UL(0) >> (BITS_PER_LONG - 1 - (h)))))
#define GENMASK_ULL(h, l) \
	(GENMASK_INPUT_CHECK(h, l) + \
	 ((~_ULL(0) << (l)) & (~_ULL(0) >> (BITS_PER_LONG_LONG - 1 - (h)))))
#define GENMASK_U128(h, l) \
	(GENMASK_INPUT_CHECK(h, l) + \
	 ((~(__uint128_t)0 << (l)) & (~(__uint128_t)0 >> (127 - (h)))))

#endif /* _LINUX_BITS_H */
