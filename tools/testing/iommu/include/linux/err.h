/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ERR_H
#define _LINUX_ERR_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/errno.h>

/*
 * The top page of the address space never holds a valid object, so an
 * errno value in [-MAX_ERRNO, -1] can travel inside a pointer.
 */
#define MAX_ERRNO	4095

/*
 * Error pointers occupy the top MAX_ERRNO addresses: everything above
 * ~MAX_ERRNO, i.e. the values -MAX_ERRNO..-1 seen as unsigned.
 */
#define __ERR_PTR_FLOOR		(~(unsigned long)MAX_ERRNO)
#define IS_ERR_VALUE(x)		unlikely((unsigned long)(void *)(x) > __ERR_PTR_FLOOR)

/**
 * ERR_PTR() - encode a negative errno as a pointer
 * @error: negative errno value
 *
 * Return: a pointer that IS_ERR() recognises.
 */
static inline void * __must_check ERR_PTR(long error)
{
	void *encoded = (void *)error;

	return encoded;
}

/**
 * PTR_ERR() - extract the errno from an error pointer
 * @ptr: a pointer for which IS_ERR() is true
 *
 * Return: the negative errno.
 */
static inline long __must_check PTR_ERR(__force const void *ptr)
{
	long code = (long)ptr;

	return code;
}

/**
 * IS_ERR() - whether a pointer carries an errno
 * @ptr: pointer to test
 *
 * Return: true for an error pointer.
 */
static inline bool __must_check IS_ERR(__force const void *ptr)
{
	unsigned long addr = (unsigned long)ptr;

	return IS_ERR_VALUE(addr);
}

/**
 * IS_ERR_OR_NULL() - whether a pointer is NULL or carries an errno
 * @ptr: pointer to test
 *
 * Return: true for NULL or an error pointer.
 */
static inline bool __must_check IS_ERR_OR_NULL(__force const void *ptr)
{
	if (unlikely(!ptr))
		return true;
	return IS_ERR(ptr);
}

/**
 * ERR_CAST() - change the type of an error pointer
 * @ptr: the error pointer
 *
 * Return: @ptr with the const qualifier and type dropped.
 */
static inline void * __must_check ERR_CAST(__force const void *ptr)
{
	void *same = (void *)ptr;

	return same;
}

/**
 * PTR_ERR_OR_ZERO() - errno of an error pointer, or 0 for any other pointer
 * @ptr: pointer to test
 *
 * Return: PTR_ERR(@ptr) or 0.
 */
static inline int __must_check PTR_ERR_OR_ZERO(__force const void *ptr)
{
	return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0;
}

#endif /* _LINUX_ERR_H */
