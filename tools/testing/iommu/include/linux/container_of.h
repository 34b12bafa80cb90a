/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CONTAINER_OF_H
#define _LINUX_CONTAINER_OF_H

#include <linux/build_bug.h>
#include <linux/stddef.h>

#define typeof_member(T, m)	typeof(((T *)0)->m)

/**
 * container_of() - the structure that embeds a given member
 * @ptr: pointer to the member
 * @type: type of the enclosing structure
 * @member: name of the member inside @type
 *
 * Return: pointer to the enclosing structure.
 */
#define container_of(ptr, type, member) ({				\
	char *__cof_at = (char *)(ptr);					\
	static_assert(__same_type(*(ptr), void) ||			\
		      __same_type(*(ptr), typeof_member(type, member)),	\
		      "container_of(): ptr is not a pointer to member");	\
	(type *)(__cof_at - offsetof(type, member)); })

/* Cast the container_of() result to @T (with or without const). */
#define __cof_as(T, ptr, type, member)	((T *)container_of(ptr, type, member))

/**
 * container_of_const() - container_of() that keeps the constness of @ptr
 * @ptr: pointer to the member
 * @type: type of the enclosing structure
 * @member: name of the member inside @type
 */
#define container_of_const(ptr, type, member)				\
	_Generic((ptr),							\
		default: __cof_as(type, ptr, type, member),		\
		const typeof(*(ptr)) *: __cof_as(const type, ptr, type, member))

#endif /* _LINUX_CONTAINER_OF_H */
