/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_ANON_INODES_H
#define _LINUX_ANON_INODES_H

/*
 * Files without a path, all sharing one anonymous inode (event fds,
 * fault queues, test handles).
 */

#include <linux/fs.h>

/**
 * anon_inode_getfile() - create a file on the anonymous inode
 * @name: its name ("[name]"), used in diagnostics
 * @fops: its operations (->open is not called)
 * @priv: becomes file->private_data
 * @flags: O_ACCMODE bits and O_NONBLOCK are kept in f_flags
 *
 * Return: the file with one reference, or an ERR_PTR().
 */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags);

/**
 * anon_inode_getfd() - create a file on the anonymous inode and install it
 * @name: as anon_inode_getfile()
 * @fops: as anon_inode_getfile()
 * @priv: as anon_inode_getfile()
 * @flags: as anon_inode_getfile(); O_CLOEXEC also applies to the descriptor
 *
 * Return: the new descriptor, or a negative errno.
 */
int anon_inode_getfd(const char *name, const struct file_operations *fops,
		     void *priv, int flags);

#endif /* _LINUX_ANON_INODES_H */
