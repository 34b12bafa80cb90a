/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

/*
 * Values stored in freed links: dereferencing them faults, and they are
 * recognisable in a crash dump.  The delta keeps them out of the range
 * userspace can map.
 */
#define POISON_POINTER_DELTA	0xdead000000000000UL

#define LIST_POISON1	((void *)(0x100 + POISON_POINTER_DELTA))
#define LIST_POISON2	((void *)(0x122 + POISON_POINTER_DELTA))

#define POISON_INUSE	0x5a
#define POISON_FREE	0x6b
#define POISON_END	0xa5

#endif /* _LINUX_POISON_H */
