/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

/*
 * Fixed-size and kernel-wide types for the host build.  Everything is
 * spelled with compiler built-ins; no libc header is involved.  The layout
 * follows the LP64 ABI of the 64-bit Linux architectures.
 */

#include <linux/compiler_types.h>
#include <linux/stddef.h>

#ifndef __ASSEMBLY__

typedef signed char		__s8;
typedef unsigned char		__u8;
typedef signed short		__s16;
typedef unsigned short		__u16;
typedef signed int		__s32;
typedef unsigned int		__u32;
typedef signed long long	__s64;
typedef unsigned long long	__u64;

typedef __s8	s8;
typedef __u8	u8;
typedef __s16	s16;
typedef __u16	u16;
typedef __s32	s32;
typedef __u32	u32;
typedef __s64	s64;
typedef __u64	u64;

typedef __signed__ __int128	s128;
typedef unsigned __int128	u128;

typedef __u16 __bitwise __le16;
typedef __u16 __bitwise __be16;
typedef __u32 __bitwise __le32;
typedef __u32 __bitwise __be32;
typedef __u64 __bitwise __le64;
typedef __u64 __bitwise __be64;
typedef __u16 __bitwise __sum16;
typedef __u32 __bitwise __wsum;

#define __aligned_u64		__u64 __aligned(8)
#define __aligned_s64		__s64 __aligned(8)
#define __aligned_be64		__be64 __aligned(8)
#define __aligned_le64		__le64 __aligned(8)

typedef unsigned int __bitwise __poll_t;

typedef long			__kernel_long_t;
typedef unsigned long		__kernel_ulong_t;
typedef __kernel_ulong_t	__kernel_size_t;
typedef __kernel_long_t		__kernel_ssize_t;
typedef long			__kernel_ptrdiff_t;
typedef int			__kernel_pid_t;
typedef unsigned int		__kernel_uid32_t;
typedef unsigned int		__kernel_gid32_t;
typedef unsigned int		__kernel_mode_t;
typedef long long		__kernel_loff_t;
typedef long long		__kernel_time64_t;
typedef __kernel_long_t		__kernel_off_t;
typedef __kernel_long_t		__kernel_clock_t;
typedef int			__kernel_clockid_t;
typedef char			*__kernel_caddr_t;
typedef unsigned int		__kernel_dev_t;

#ifndef __SIZE_TYPE__
#error "compiler does not define __SIZE_TYPE__"
#endif
typedef __SIZE_TYPE__		size_t;
typedef __kernel_ssize_t	ssize_t;
typedef __PTRDIFF_TYPE__	ptrdiff_t;
typedef unsigned long		uintptr_t;
typedef long			intptr_t;

typedef _Bool			bool;

typedef __kernel_pid_t		pid_t;
typedef __kernel_uid32_t	uid_t;
typedef __kernel_gid32_t	gid_t;
typedef unsigned short		umode_t;
typedef __kernel_mode_t		mode_t;
typedef __kernel_dev_t		dev_t;
typedef unsigned long		ino_t;
typedef unsigned int		nlink_t;
typedef __kernel_off_t		off_t;
typedef __kernel_loff_t		loff_t;
typedef __kernel_clockid_t	clockid_t;
typedef __kernel_time64_t	time64_t;
typedef __kernel_clock_t	clock_t;
typedef __kernel_caddr_t	caddr_t;

typedef unsigned char		u_char;
typedef unsigned short		u_short;
typedef unsigned int		u_int;
typedef unsigned long		u_long;
typedef unsigned char		unchar;
typedef unsigned short		ushort;
typedef unsigned int		uint;
typedef unsigned long		ulong;

typedef u8			uint8_t;
typedef u16			uint16_t;
typedef u32			uint32_t;
typedef u64			uint64_t;
typedef s8			int8_t;
typedef s16			int16_t;
typedef s32			int32_t;
typedef s64			int64_t;
typedef u8			u_int8_t;
typedef u16			u_int16_t;
typedef u32			u_int32_t;
typedef u64			u_int64_t;

typedef u64			sector_t;
typedef u64			blkcnt_t;

/* Physical and bus addresses are 64-bit on every host we support. */
typedef u64			phys_addr_t;
typedef phys_addr_t		resource_size_t;
typedef u64			dma_addr_t;
typedef unsigned long		irq_hw_number_t;
typedef unsigned long		pgoff_t;

typedef unsigned int __bitwise gfp_t;
typedef unsigned int __bitwise slab_flags_t;
typedef unsigned int __bitwise fmode_t;

#define DECLARE_BITMAP(name, bits) \
	unsigned long name[((bits) + (8 * sizeof(long)) - 1) / (8 * sizeof(long))]

/**
 * struct atomic_t - a 32-bit integer accessed with the atomic_*() API
 * @counter: the value; touch it only through atomic_*()
 */
typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) { (i) }

/**
 * struct atomic64_t - a 64-bit integer accessed with the atomic64_*() API
 * @counter: the value; touch it only through atomic64_*()
 */
typedef struct {
	s64 counter;
} atomic64_t;

typedef atomic64_t atomic_long_t;

/**
 * struct list_head - a link in a circular doubly linked list
 * @next: the following entry (the head itself after the last entry)
 * @prev: the preceding entry
 */
struct list_head {
	struct list_head *next, *prev;
};

/**
 * struct hlist_head - head of a singly anchored hash-bucket list
 * @first: first node, NULL when empty
 */
struct hlist_head {
	struct hlist_node *first;
};

/**
 * struct hlist_node - a link in an hlist
 * @next: following node or NULL
 * @pprev: address of the pointer that points at this node
 */
struct hlist_node {
	struct hlist_node *next, **pprev;
};

/**
 * struct callback_head - a deferred callback, as used by call_rcu()
 * @next: queue link
 * @func: function to run with the address of this structure
 */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __aligned(sizeof(void *));
#define rcu_head callback_head

typedef void (*rcu_callback_t)(struct rcu_head *head);

/**
 * struct ustat - placeholder kept for source compatibility
 * @f_tfree: unused
 */
struct ustat {
	long f_tfree;
};

#endif /* __ASSEMBLY__ */

#endif /* _LINUX_TYPES_H */
