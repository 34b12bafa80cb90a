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

#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

/**
 * ERR_PTR() - encode a negative errno as a pointer
 * @error: negative errno value
 *
 * Return: a pointer that IS_ERR() recognises.
 */
static inline void * __must_check ERR_PTR(long error)
{
	return (void *)error;
}

/**
 * PTR_ERR() - extract the errno from an error pointer
 * @ptr: a pointer for which IS_ERR() is true
 *
 * Return: the negative errno.
 */
static inline long __must_check PTR_ERR(__force const void *ptr)
{
	return (long)ptr;
}

/**
 * IS_ERR() - whether a pointer carries an errno
 * @ptr: pointer to test
 *
 * Return: true for an error pointer.
 */
static inline bool __must_check IS_ERR(__force const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

/**
 * IS_ERR_OR_NULL() - whether a pointer is NULL or carries an errno
 * @ptr: pointer to test
 *
 * Return: true for NULL or an error pointer.
 */
static inline bool __must_check IS_ERR_OR_NULL(__force const void *ptr)
{
	return unlikely(!ptr) || IS_ERR_VALUE((unsigned long)ptr);
}

/**
 * ERR_CAST() - change the type of an error pointer
 * @ptr: the error pointer
 *
 * Return: @ptr with the const qualifier and type dropped.
 */
static inline void * __must_check ERR_CAST(__force const void *ptr)
{
	return (void *)ptr;
}

/**
 * PTR_ERR_OR_ZERO() - errno of an error pointer, or 0 for any other pointer
 * @ptr: pointer to test
 *
 * Return: PTR_ERR(@ptr) or 0.
 */
static inline int __must_check PTR_ERR_OR_ZERO(__force const void *ptr)
{
	if (IS_ERR(ptr))
		return PTR_ERR(ptr);
	return 0;
}

#endif /* _LINUX_ERR_H */
