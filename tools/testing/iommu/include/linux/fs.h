/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

/*
 * The part of the VFS that character-device style drivers use: files,
 * their operations, inodes and the small generic helpers.  Files live in
 * the host environment's descriptor table (see <linux/file.h>); the
 * preload library routes a program's system calls on those descriptors
 * to the operations below.
 */

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/uidgid.h>
#include <linux/wait.h>

struct cred;
struct file;
struct module;
struct poll_table_struct;
struct seq_file;
struct vm_area_struct;

/* f_mode bits; values as in Linux. */
#define FMODE_READ		((__force fmode_t)(1 << 0))
#define FMODE_WRITE		((__force fmode_t)(1 << 1))
#define FMODE_LSEEK		((__force fmode_t)(1 << 2))
#define FMODE_PREAD		((__force fmode_t)(1 << 3))
#define FMODE_PWRITE		((__force fmode_t)(1 << 4))
#define FMODE_EXEC		((__force fmode_t)(1 << 5))
#define FMODE_ATOMIC_POS	((__force fmode_t)(1 << 15))
#define FMODE_STREAM		((__force fmode_t)(1 << 21))
#define FMODE_OPENED		((__force fmode_t)(1 << 19))
#define FMODE_NONOTIFY		((__force fmode_t)(1 << 26))

/* Turn O_ACCMODE into FMODE_READ/FMODE_WRITE (0 -> R, 1 -> W, 2 -> RW). */
#define OPEN_FMODE(flag)	((__force fmode_t)((((flag) + 1) & O_ACCMODE)))

/* Mode bits of an inode. */
#define S_IFMT		00170000
#define S_IFSOCK	0140000
#define S_IFREG		0100000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)

/* Whence values of llseek. */
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

#define MAX_LFS_FILESIZE	((loff_t)LLONG_MAX)

/**
 * struct inode - the object behind a file
 * @i_mode: file type and permission bits
 * @i_rdev: device number of a character device node
 * @i_ino: inode number (unique within the host environment)
 * @i_private: owner-private pointer
 * @i_count: references from files and from the inode's owner
 * @host_free: frees the inode when @i_count drops to zero (NULL: static)
 */
struct inode {
	umode_t i_mode;
	dev_t i_rdev;
	unsigned long i_ino;
	void *i_private;
	atomic_t i_count;
	void (*host_free)(struct inode *inode);
};

/**
 * struct file_operations - what a driver does for each system call on its file
 * @owner: the module (NULL for built-in code)
 * @llseek: lseek(); NULL makes the file unseekable (-ESPIPE)
 * @read: read()/pread(); NULL gives -EINVAL
 * @write: write()/pwrite(); NULL gives -EINVAL
 * @poll: poll()/select(); NULL means always readable and writable
 * @unlocked_ioctl: ioctl(); NULL or -ENOIOCTLCMD gives -ENOTTY
 * @compat_ioctl: ioctl() from a 32-bit process (never called on the host)
 * @mmap: mmap() (not routed by the host environment)
 * @open: called by the open of a device node, after f_op is set
 * @flush: called on every close() of a descriptor of the file
 * @release: called when the last reference to the file is dropped
 * @fasync: O_ASYNC notification (never called on the host)
 * @show_fdinfo: /proc/PID/fdinfo output (never called on the host)
 */
struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *ppos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count,
			 loff_t *ppos);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *pt);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	long (*compat_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	int (*flush)(struct file *file, void *id);
	int (*release)(struct inode *inode, struct file *file);
	int (*fasync)(int fd, struct file *file, int on);
	void (*show_fdinfo)(struct seq_file *m, struct file *file);
};

/**
 * struct file - an open file description
 * @f_count: references; the last fput() calls @f_op->release synchronously
 * @f_lock: protects @f_flags changes
 * @f_mode: FMODE_* bits
 * @f_op: the operations
 * @f_pos_lock: serialises read/write/llseek on the position
 * @f_pos: the file position
 * @f_flags: O_* flags given at open (without O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC)
 * @f_cred: credentials of the opener
 * @f_inode: the inode
 * @private_data: driver-private pointer
 * @host_name: name shown in diagnostics ("/dev/iommu", "anon_inode:[...]")
 */
struct file {
	atomic_long_t f_count;
	spinlock_t f_lock;		/* protects f_flags */
	fmode_t f_mode;
	const struct file_operations *f_op;
	struct mutex f_pos_lock;	/* serialises f_pos updates */
	loff_t f_pos;
	unsigned int f_flags;
	const struct cred *f_cred;
	struct inode *f_inode;
	void *private_data;
	char host_name[64];
};

/**
 * file_inode() - the inode of an open file
 * @f: the file
 *
 * Return: the inode.
 */
static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

/**
 * iminor() - minor number of a device inode
 * @inode: the inode
 *
 * Return: the minor number.
 */
static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

/**
 * imajor() - major number of a device inode
 * @inode: the inode
 *
 * Return: the major number.
 */
static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

/**
 * get_file() - take another reference on a file
 * @f: the file (must already be referenced by the caller)
 *
 * Return: @f.
 */
static inline struct file *get_file(struct file *f)
{
	long old = atomic_long_fetch_add(1, &f->f_count);

	WARN_ONCE(old <= 0, "%s() on a released file\n", __func__);
	return f;
}

/**
 * file_count() - current number of references to a file
 * @f: the file
 *
 * Return: the count.
 */
static inline long file_count(struct file *f)
{
	return atomic_long_read(&f->f_count);
}

/**
 * fput() - drop a reference to a file
 * @file: the file
 *
 * The last reference calls ->release() before fput() returns: the host has
 * no task_work, so deferred and synchronous release are the same.
 */
void fput(struct file *file);

/**
 * __fput_sync() - drop a reference, releasing synchronously if it was the last
 * @file: the file
 */
void __fput_sync(struct file *file);

/**
 * filp_open() - open a file by path from kernel code
 * @filename: absolute path; the host only knows the device nodes of
 *	registered misc devices (e.g. "/dev/iommu")
 * @flags: O_* flags
 * @mode: creation mode (unused: nothing can be created)
 *
 * Return: the open file (drop it with filp_close() or fput()), or an
 * ERR_PTR: -ENOENT for an unknown path, or the error of ->open().
 */
struct file *filp_open(const char *filename, int flags, umode_t mode);

/**
 * filp_close() - close a file opened with filp_open()
 * @filp: the file
 * @id: the owner (unused)
 *
 * Return: 0.
 */
int filp_close(struct file *filp, void *id);

/**
 * nonseekable_open() - mark a file as not seekable (pread/pwrite/lseek: -ESPIPE)
 * @inode: the inode
 * @filp: the file
 *
 * Return: 0.
 */
int nonseekable_open(struct inode *inode, struct file *filp);

/**
 * stream_open() - mark a file as a stream: no position at all
 * @inode: the inode
 * @filp: the file
 *
 * Return: 0.
 */
int stream_open(struct inode *inode, struct file *filp);

/**
 * simple_open() - open() that copies the inode's private pointer to the file
 * @inode: the inode
 * @file: the file
 *
 * Return: 0.
 */
int simple_open(struct inode *inode, struct file *file);

/**
 * no_llseek() - llseek() that always fails
 * @file: the file
 * @offset: ignored
 * @whence: ignored
 *
 * Return: -ESPIPE.
 */
loff_t no_llseek(struct file *file, loff_t offset, int whence);

/**
 * noop_llseek() - llseek() that succeeds and does not move
 * @file: the file
 * @offset: ignored
 * @whence: ignored
 *
 * Return: the current position.
 */
loff_t noop_llseek(struct file *file, loff_t offset, int whence);

/**
 * default_llseek() - llseek() over an unbounded position
 * @file: the file
 * @offset: the offset
 * @whence: SEEK_SET or SEEK_CUR (SEEK_END is -EINVAL: there is no size)
 *
 * Return: the new position, or -EINVAL.
 */
loff_t default_llseek(struct file *file, loff_t offset, int whence);

/**
 * fixed_size_llseek() - llseek() within a file of a given size
 * @file: the file
 * @offset: the offset
 * @whence: SEEK_SET, SEEK_CUR or SEEK_END
 * @size: the file size
 *
 * Return: the new position, or -EINVAL if it would leave [0, @size].
 */
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size);

/**
 * simple_read_from_buffer() - read() from a kernel buffer
 * @to: user destination
 * @count: bytes wanted
 * @ppos: position, advanced by the bytes copied
 * @from: the buffer
 * @available: its size
 *
 * Return: bytes copied (0 at the end), or -EFAULT if nothing could be copied.
 */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available);

/**
 * simple_write_to_buffer() - write() into a kernel buffer
 * @to: the buffer
 * @available: its size
 * @ppos: position, advanced by the bytes copied
 * @from: user source
 * @count: bytes offered
 *
 * Return: bytes copied, or -EFAULT if nothing could be copied, or -EINVAL
 * for a negative position.
 */
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);

/**
 * compat_ptr_ioctl() - compat_ioctl for drivers whose argument is a pointer
 * @file: the file
 * @cmd: the command
 * @arg: the argument
 *
 * Return: what ->unlocked_ioctl() returns.
 */
long compat_ptr_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

#endif /* _LINUX_FS_H */
