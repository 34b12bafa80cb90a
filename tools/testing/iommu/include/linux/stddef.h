/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#include <linux/compiler_types.h>

#undef NULL
#define NULL ((void *)0)

enum {
	false	= 0,
	true	= 1
};

#undef offsetof
#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)

/**
 * sizeof_field() - size of a member of a structure
 * @TYPE: the structure type
 * @MEMBER: the member
 */
#define sizeof_field(TYPE, MEMBER) sizeof(__typeof__(((TYPE *)NULL)->MEMBER))

/**
 * offsetofend() - offset of the first byte after a member
 * @TYPE: the structure type
 * @MEMBER: the member
 */
#define offsetofend(TYPE, MEMBER) \
	(sizeof_field(TYPE, MEMBER) + offsetof(TYPE, MEMBER))

/*
 * Group members so they can be addressed both individually and as one
 * named (or anonymous) unit, e.g. for memcpy() of a header.
 */
#define __struct_group(TAG, NAME, ATTRS, MEMBERS...) \
	union { \
		struct TAG { MEMBERS } ATTRS NAME; /* the group as a unit */ \
		struct { MEMBERS } ATTRS;	   /* the members one by one */ \
	} ATTRS
#define struct_group_tagged(TAG, NAME, MEMBERS...) \
	__struct_group(TAG, NAME, /* no attrs */, MEMBERS)
#define struct_group_attr(NAME, ATTRS, MEMBERS...) \
	__struct_group(/* untagged */, NAME, ATTRS, MEMBERS)
#define struct_group(NAME, MEMBERS...) \
	struct_group_attr(NAME, /* no attrs */, MEMBERS)

/* A flexible array that may also be the only member of a union/struct. */
#define __DECLARE_FLEX_ARRAY(TYPE, NAME)	\
	struct { \
		struct { } __flex_pad_ ## NAME; \
		TYPE NAME[]; \
	}
#define DECLARE_FLEX_ARRAY(TYPE, NAME) __DECLARE_FLEX_ARRAY(TYPE, NAME)

#endif /* _LINUX_STDDEF_H */
