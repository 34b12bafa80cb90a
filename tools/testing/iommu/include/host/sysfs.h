/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host-only access to the in-memory sysfs tree, by path.
 *
 * Paths are relative to the sysfs root; a leading "/sys" or "/" is ignored,
 * so "/sys/kernel/iommu_groups/0/type" and "kernel/iommu_groups/0/type" are
 * the same file. Symlinks in the middle of a path are followed.
 */
#ifndef _HOST_SYSFS_H
#define _HOST_SYSFS_H

#include <linux/types.h>

/**
 * enum host_sysfs_type - what a sysfs entry is
 * @HOST_SYSFS_DIR: a directory (a kobject or a named attribute group)
 * @HOST_SYSFS_FILE: an attribute
 * @HOST_SYSFS_LINK: a symbolic link
 */
enum host_sysfs_type {
	HOST_SYSFS_DIR,
	HOST_SYSFS_FILE,
	HOST_SYSFS_LINK,
};

/**
 * host_sysfs_read() - read an attribute, like read(2) of a whole sysfs file
 * @path: the file
 * @buf: receives the text, always NUL-terminated when @size > 0
 * @size: size of @buf
 *
 * Return: the length the show() method produced (which may exceed what fit
 * in @buf), or -ENOENT, -EISDIR, -EACCES (not readable), -EIO (no show
 * method), -ENOMEM, or the show() method's own errno.
 */
ssize_t host_sysfs_read(const char *path, char *buf, size_t size);

/**
 * host_sysfs_write() - write to an attribute, like write(2)
 * @path: the file
 * @buf: the bytes to write
 * @count: how many (at most PAGE_SIZE - 1 are passed on)
 *
 * Return: what the store() method returned, or -ENOENT, -EISDIR, -EACCES
 * (not writable), -EIO (no store method), -ENOMEM.
 */
ssize_t host_sysfs_write(const char *path, const char *buf, size_t count);

/**
 * host_sysfs_readlink() - where a symlink points
 * @path: the link
 * @buf: receives the absolute target path, starting with "/sys/"
 * @size: size of @buf
 *
 * Return: the length of the target path, -ENOENT (no such link, or its
 * target is gone), -EINVAL (not a link), -ENAMETOOLONG.
 */
int host_sysfs_readlink(const char *path, char *buf, size_t size);

/**
 * host_sysfs_type() - whether and what an entry is (links are not followed)
 * @path: the entry
 *
 * Return: an enum host_sysfs_type value, or -ENOENT.
 */
int host_sysfs_type(const char *path);

/**
 * host_sysfs_exists() - whether an entry exists (links are not followed)
 * @path: the entry
 *
 * Return: true if it exists.
 */
static inline bool host_sysfs_exists(const char *path)
{
	return host_sysfs_type(path) >= 0;
}

/**
 * host_sysfs_for_each() - list a directory
 * @dir: the directory (a symlink to a directory is followed)
 * @fn: called for every entry, in creation order, with no lock held;
 *	a non-zero return stops the walk
 * @data: passed to @fn
 *
 * Return: the first non-zero value @fn returned, 0, -ENOENT, -ENOTDIR or
 * -ENOMEM.
 */
int host_sysfs_for_each(const char *dir,
			int (*fn)(void *data, const char *name,
				  enum host_sysfs_type type),
			void *data);

#endif /* _HOST_SYSFS_H */
