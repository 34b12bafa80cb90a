/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Declarations shared by the kernel-flavour files of the host VFS.
 */
#ifndef _HOST_VFS_INTERNAL_H
#define _HOST_VFS_INTERNAL_H

#include <linux/fs.h>
#include <linux/types.h>

/**
 * host_file_alloc() - allocate an open file description
 * @inode: its inode; the file takes a reference
 * @fops: its operations
 * @flags: O_* flags of the open
 * @name: name for diagnostics
 *
 * f_mode gets FMODE_READ/FMODE_WRITE from @flags and FMODE_LSEEK when
 * @fops has ->llseek.  ->open is not called.
 *
 * Return: the file with one reference, or ERR_PTR(-ENOMEM).
 */
struct file *host_file_alloc(struct inode *inode, const struct file_operations *fops,
			     unsigned int flags, const char *name);

/**
 * host_file_free_unopened() - free a file whose ->open failed
 * @file: from host_file_alloc(), with its single reference
 *
 * ->release is not called, as in Linux for a failed open.
 */
void host_file_free_unopened(struct file *file);

/**
 * host_inode_get() - take a reference on an inode
 * @inode: the inode
 */
void host_inode_get(struct inode *inode);

/**
 * host_inode_put() - drop a reference on an inode
 * @inode: the inode; freed through ->host_free at zero
 */
void host_inode_put(struct inode *inode);

/**
 * host_misc_open() - open the node of a registered misc device
 * @path: "/dev/..." path
 * @flags: O_* flags
 *
 * Return: the opened file, ERR_PTR(-ENOENT) if no device has that node,
 * or the error of ->open.
 */
struct file *host_misc_open(const char *path, unsigned int flags);

/**
 * host_misc_exists() - whether a registered misc device has node @path
 * @path: "/dev/..." path
 *
 * Return: true if one does.
 */
bool host_misc_exists(const char *path);

/**
 * host_proc_match() - whether @path is a /proc file the VFS provides
 * @path: absolute path
 *
 * Return: true for the fail-nth files of the calling process.
 */
bool host_proc_match(const char *path);

/**
 * host_proc_open() - open a /proc file the VFS provides
 * @path: absolute path accepted by host_proc_match()
 * @flags: O_* flags
 *
 * Return: the opened file, or an ERR_PTR().
 */
struct file *host_proc_open(const char *path, unsigned int flags);

/**
 * host_vfs_table_dup() - make @newfd share the file of @oldfd
 * @oldfd: an installed descriptor
 * @newfd: a descriptor number the caller owns on the host; a file it
 *	referred to before is closed
 *
 * Return: 0, or -EBADF if @oldfd has no file.
 */
int host_vfs_table_dup(unsigned int oldfd, unsigned int newfd);

/**
 * host_vfs_table_forget() - drop @fd from the table, keeping the host descriptor
 * @fd: the descriptor
 *
 * Return: 0, or -EBADF if @fd has no file.
 */
int host_vfs_table_forget(unsigned int fd);

/**
 * host_vfs_table_next() - the lowest installed descriptor at or above @start
 * @start: first descriptor to consider
 *
 * Return: the descriptor, or -1 if there is none.
 */
int host_vfs_table_next(unsigned int start);

/**
 * host_vfs_table_count() - installed descriptors
 *
 * Return: how many descriptors refer to a file.
 */
unsigned long host_vfs_table_count(void);

#endif /* _HOST_VFS_INTERNAL_H */
