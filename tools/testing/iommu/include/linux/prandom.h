/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PRANDOM_H
#define _LINUX_PRANDOM_H

#include <linux/random.h>

/**
 * struct rnd_state - state of a private pseudo-random sequence
 * @s1: state word
 * @s2: state word
 * @s3: state word
 * @s4: state word
 */
struct rnd_state {
	__u32 s1, s2, s3, s4;
};

void prandom_seed_state(struct rnd_state *state, u64 seed);
u32 prandom_u32_state(struct rnd_state *state);
void prandom_bytes_state(struct rnd_state *state, void *buf, size_t nbytes);

#endif /* _LINUX_PRANDOM_H */
