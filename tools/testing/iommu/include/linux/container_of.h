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
	void *__cof_mptr = (void *)(ptr);				\
	static_assert(__same_type(*(ptr), ((type *)0)->member) ||	\
		      __same_type(*(ptr), void),			\
		      "pointer type mismatch in container_of()");	\
	((type *)(__cof_mptr - offsetof(type, member))); })

/**
 * container_of_const() - container_of() that keeps the constness of @ptr
 * @ptr: pointer to the member
 * @type: type of the enclosing structure
 * @member: name of the member inside @type
 */
#define container_of_const(ptr, type, member)				\
	_Generic(ptr,							\
		const typeof(*(ptr)) *: ((const type *)container_of(ptr, type, member)),\
		default: ((type *)container_of(ptr, type, member))	\
	)

#endif /* _LINUX_CONTAINER_OF_H */
