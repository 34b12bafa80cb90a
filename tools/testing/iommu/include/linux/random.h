/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/limits.h>
#include <linux/types.h>

/*
 * Pseudo-random numbers for the host kernel: a xorshift generator with a
 * fixed default seed, so that a test run is reproducible.  The seed can
 * be changed with host_random_seed() or the HOST_RANDOM_SEED environment
 * variable.  Never use this for anything secret.
 */
u32 get_random_u32(void);
u64 get_random_u64(void);
void get_random_bytes(void *buf, size_t len);

static inline u8 get_random_u8(void)
{
	return get_random_u32();
}

static inline u16 get_random_u16(void)
{
	return get_random_u32();
}

static inline unsigned long get_random_long(void)
{
	return get_random_u64();
}

static inline unsigned int get_random_int(void)
{
	return get_random_u32();
}

/**
 * get_random_u32_below() - uniform random number in [0, ceil)
 * @ceil: upper bound (exclusive), > 0
 *
 * Return: the number.
 */
u32 get_random_u32_below(u32 ceil);

static inline u32 get_random_u32_inclusive(u32 floor, u32 ceil)
{
	return floor + get_random_u32_below(ceil - floor + 1);
}

static inline u32 get_random_u32_above(u32 floor)
{
	return floor + 1 + get_random_u32_below(U32_MAX - floor);
}

#define prandom_u32_max(ceil) get_random_u32_below(ceil)

#endif /* _LINUX_RANDOM_H */
