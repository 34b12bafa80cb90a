// SPDX-License-Identifier: GPL-2.0
/*
 * Reproducible pseudo-random numbers (xorshift64* with a splitmix64
 * seeder).  One global sequence, protected by a host lock.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/prandom.h>
#include <linux/random.h>
#include <linux/string.h>
#include <host/env.h>

#include "host-internal.h"

#define DEFAULT_SEED 0x1d0f2a7c5e3b9461ULL

static arch_spinlock_t rnd_lock;
static u64 rnd_state;
static bool rnd_ready;

static u64 splitmix64(u64 *x)
{
	u64 z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void seed_locked(u64 seed)
{
	rnd_state = splitmix64(&seed);
	if (!rnd_state)
		rnd_state = DEFAULT_SEED;
	rnd_ready = true;
}

void host_random_seed(u64 seed)
{
	host_raw_lock(&rnd_lock);
	seed_locked(seed);
	host_raw_unlock(&rnd_lock);
}

u64 host_random_next(void)
{
	u64 x;

	host_raw_lock(&rnd_lock);
	if (!rnd_ready) {
		const char *env = host_abi_getenv("HOST_RANDOM_SEED");
		unsigned long long seed = DEFAULT_SEED;

		if (env && kstrtoull(env, 0, &seed))
			seed = DEFAULT_SEED;
		seed_locked(seed);
	}
	x = rnd_state;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rnd_state = x;
	host_raw_unlock(&rnd_lock);
	return x * 0x2545f4914f6cdd1dULL;
}

u32 get_random_u32(void)
{
	return host_random_next() >> 32;
}
EXPORT_SYMBOL(get_random_u32);

u64 get_random_u64(void)
{
	return host_random_next();
}
EXPORT_SYMBOL(get_random_u64);

void get_random_bytes(void *buf, size_t len)
{
	u8 *p = buf;

	while (len) {
		u64 v = host_random_next();
		size_t n = min(len, sizeof(v));

		memcpy(p, &v, n);
		p += n;
		len -= n;
	}
}
EXPORT_SYMBOL(get_random_bytes);

u32 get_random_u32_below(u32 ceil)
{
	u64 mult;

	if (!ceil)
		return 0;
	/* Multiply-shift with rejection of the biased low range (Lemire). */
	for (;;) {
		mult = (u64)get_random_u32() * ceil;
		if ((u32)mult >= (-ceil) % ceil)
			return mult >> 32;
	}
}
EXPORT_SYMBOL(get_random_u32_below);

void prandom_seed_state(struct rnd_state *state, u64 seed)
{
	u64 x = seed;
	u64 a = splitmix64(&x), b = splitmix64(&x);

	state->s1 = a | 1;
	state->s2 = a >> 32 | 1;
	state->s3 = b | 1;
	state->s4 = b >> 32 | 1;
}
EXPORT_SYMBOL(prandom_seed_state);

u32 prandom_u32_state(struct rnd_state *state)
{
	/* xoshiro128** over the four words. */
	u32 result = rol32(state->s2 * 5, 7) * 9;
	u32 t = state->s2 << 9;

	state->s3 ^= state->s1;
	state->s4 ^= state->s2;
	state->s2 ^= state->s3;
	state->s1 ^= state->s4;
	state->s3 ^= t;
	state->s4 = rol32(state->s4, 11);
	return result;
}
EXPORT_SYMBOL(prandom_u32_state);

void prandom_bytes_state(struct rnd_state *state, void *buf, size_t nbytes)
{
	u8 *p = buf;

	while (nbytes) {
		u32 v = prandom_u32_state(state);
		size_t n = min(nbytes, sizeof(v));

		memcpy(p, &v, n);
		p += n;
		nbytes -= n;
	}
}
EXPORT_SYMBOL(prandom_bytes_state);
