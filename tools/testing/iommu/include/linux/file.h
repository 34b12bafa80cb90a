/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

/*
 * File descriptors.  The host environment keeps one descriptor table for
 * the process.  Each descriptor is also a real host descriptor (a
 * placeholder reserved from the C library), so descriptor numbers handed
 * to userspace never collide with the program's own files.
 */

#include <linux/cleanup.h>
#include <linux/compiler.h>
#include <linux/fs.h>
#include <linux/types.h>

/**
 * fget() - look up a descriptor and take a reference on its file
 * @fd: the descriptor
 *
 * Return: the file (release it with fput()), or NULL if @fd is not open
 * in the table.
 */
struct file *fget(unsigned int fd);

/**
 * fget_raw() - fget() that also accepts O_PATH descriptors
 * @fd: the descriptor
 *
 * Return: as fget().
 */
struct file *fget_raw(unsigned int fd);

/**
 * get_unused_fd_flags() - reserve a descriptor number
 * @flags: O_CLOEXEC or 0
 *
 * The number stays reserved until fd_install() or put_unused_fd().
 *
 * Return: the descriptor, or -EMFILE (or -ENOMEM) on failure.
 */
int get_unused_fd_flags(unsigned int flags);

/**
 * put_unused_fd() - give back a reserved, never installed descriptor
 * @fd: from get_unused_fd_flags()
 */
void put_unused_fd(unsigned int fd);

/**
 * fd_install() - make a reserved descriptor refer to a file
 * @fd: from get_unused_fd_flags()
 * @file: the file; the descriptor takes over the caller's reference
 *
 * After this the descriptor is visible to userspace and may be closed at
 * any moment, so the caller must not use @file unless it holds another
 * reference.
 */
void fd_install(unsigned int fd, struct file *file);

/**
 * close_fd() - close a descriptor as the close() system call would
 * @fd: the descriptor
 *
 * Return: 0, or -EBADF if @fd is not open in the table.
 */
int close_fd(unsigned int fd);

/**
 * struct fd - a file borrowed from the descriptor table by fdget()
 * @word: the file, or 0 if the descriptor was not open
 */
struct fd {
	unsigned long word;
};

#define EMPTY_FD ((struct fd){ 0 })

/**
 * fd_file() - the file of a struct fd
 * @f: the borrowed descriptor
 *
 * Return: the file, or NULL.
 */
static inline struct file *fd_file(struct fd f)
{
	return (struct file *)f.word;
}

/**
 * fd_empty() - whether fdget() found nothing
 * @f: the borrowed descriptor
 *
 * Return: true if there is no file.
 */
static inline bool fd_empty(struct fd f)
{
	return unlikely(!f.word);
}

/**
 * fdget() - borrow the file of a descriptor
 * @fd: the descriptor
 *
 * Return: a struct fd to be given back with fdput().
 */
static inline struct fd fdget(unsigned int fd)
{
	return (struct fd){ (unsigned long)fget(fd) };
}

/**
 * fdput() - give back a file borrowed with fdget()
 * @fd: the borrowed descriptor
 */
static inline void fdput(struct fd fd)
{
	if (fd.word)
		fput(fd_file(fd));
}

DEFINE_CLASS(fd, struct fd, fdput(_T), fdget(fd), int fd)

DEFINE_FREE(fput, struct file *, if (!IS_ERR_OR_NULL(_T)) fput(_T))

#endif /* _LINUX_FILE_H */
