// SPDX-License-Identifier: GPL-2.0
/*
 * The host VFS: open file descriptions, the process-wide descriptor
 * table, the anonymous inode and the generic file helpers.
 *
 * A descriptor number handed out by get_unused_fd_flags() is a real host
 * descriptor (a placeholder reserved by vfs-libc.c), so the numbers the
 * kernel code returns to a program never clash with the program's own
 * files.  The table maps such a number to its struct file; a slot that is
 * reserved but not yet installed reads as empty.
 */
#include <linux/anon_inodes.h>
#include <linux/cred.h>
#include <linux/export.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/xarray.h>

#include "host-vfs-abi.h"
#include "vfs-internal.h"

/* Descriptor number -> struct file.  Reserved slots hold no file yet. */
static DEFINE_XARRAY(host_fd_table);

/*
 * The table's own memory models Linux's descriptor table, which has room
 * for the small descriptors programs use without allocating: it is not a
 * fault-injection site.
 */
#define FD_TABLE_GFP	(GFP_KERNEL | __GFP_NOFAIL)

static struct inode anon_inode_inode = {
	.i_mode = S_IFREG | 0600,
	.i_ino = 1,
	.i_count = ATOMIC_INIT(1),
};

/* ---- inodes and files ---- */

void host_inode_get(struct inode *inode)
{
	atomic_inc(&inode->i_count);
}

void host_inode_put(struct inode *inode)
{
	if (atomic_dec_and_test(&inode->i_count)) {
		if (inode->host_free)
			inode->host_free(inode);
		else
			WARN(1, "static inode %lu lost its last reference\n", inode->i_ino);
	}
}

struct file *host_file_alloc(struct inode *inode, const struct file_operations *fops,
			     unsigned int flags, const char *name)
{
	struct file *file;

	file = kzalloc(sizeof(*file), GFP_KERNEL);
	if (!file)
		return ERR_PTR(-ENOMEM);
	atomic_long_set(&file->f_count, 1);
	spin_lock_init(&file->f_lock);
	mutex_init(&file->f_pos_lock);
	file->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
	file->f_mode = OPEN_FMODE(flags) | FMODE_OPENED;
	if (fops->llseek)
		file->f_mode |= FMODE_LSEEK;
	file->f_op = fops;
	file->f_cred = current_cred();
	file->f_inode = inode;
	host_inode_get(inode);
	strscpy(file->host_name, name, sizeof(file->host_name));
	return file;
}

static void file_free(struct file *file)
{
	host_inode_put(file->f_inode);
	mutex_destroy(&file->f_pos_lock);
	kfree(file);
}

void host_file_free_unopened(struct file *file)
{
	WARN_ON(atomic_long_read(&file->f_count) != 1);
	module_put(file->f_op->owner);
	file_free(file);
}

static void file_release(struct file *file)
{
	if (file->f_op->release)
		file->f_op->release(file->f_inode, file);
	module_put(file->f_op->owner);
	file_free(file);
}

void fput(struct file *file)
{
	long left = atomic_long_fetch_sub(1, &file->f_count) - 1;

	if (left > 0)
		return;
	if (WARN(left < 0, "%s() of %s: reference count went negative\n", __func__,
		 file->host_name))
		return;
	file_release(file);
}
EXPORT_SYMBOL(fput);

void __fput_sync(struct file *file)
{
	fput(file);
}
EXPORT_SYMBOL(__fput_sync);

/* ---- anonymous inode files ---- */

struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags)
{
	char label[64];
	struct file *file;

	if (!try_module_get(fops->owner))
		return ERR_PTR(-ENOENT);
	snprintf(label, sizeof(label), "anon_inode:%s", name);
	file = host_file_alloc(&anon_inode_inode, fops, flags & (O_ACCMODE | O_NONBLOCK), label);
	if (IS_ERR(file)) {
		module_put(fops->owner);
		return file;
	}
	file->private_data = priv;
	return file;
}
EXPORT_SYMBOL_GPL(anon_inode_getfile);

int anon_inode_getfd(const char *name, const struct file_operations *fops,
		     void *priv, int flags)
{
	struct file *file;
	int fd;

	fd = get_unused_fd_flags(flags);
	if (fd < 0)
		return fd;
	file = anon_inode_getfile(name, fops, priv, flags);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	return fd;
}
EXPORT_SYMBOL_GPL(anon_inode_getfd);

/* ---- the descriptor table ---- */

int get_unused_fd_flags(unsigned int flags)
{
	int fd, ret;

	fd = host_vfs_abi_fd_reserve("host-vfs", !!(flags & O_CLOEXEC));
	if (fd < 0)
		return fd;
	ret = xa_reserve(&host_fd_table, fd, FD_TABLE_GFP);
	if (ret) {
		host_vfs_abi_fd_close(fd);
		return ret;
	}
	return fd;
}
EXPORT_SYMBOL(get_unused_fd_flags);

void put_unused_fd(unsigned int fd)
{
	void *old;

	xa_lock(&host_fd_table);
	old = xa_load(&host_fd_table, fd);
	if (!WARN(old, "%s(%u) of an installed descriptor\n", __func__, fd))
		__xa_erase(&host_fd_table, fd);
	xa_unlock(&host_fd_table);
	if (!old)
		host_vfs_abi_fd_close(fd);
}
EXPORT_SYMBOL(put_unused_fd);

void fd_install(unsigned int fd, struct file *file)
{
	void *old;

	old = xa_store(&host_fd_table, fd, file, FD_TABLE_GFP);
	WARN(old, "%s(%u) over an installed descriptor\n", __func__, fd);
}
EXPORT_SYMBOL(fd_install);

struct file *fget(unsigned int fd)
{
	struct file *file;

	xa_lock(&host_fd_table);
	file = xa_load(&host_fd_table, fd);
	if (file && !atomic_long_inc_not_zero(&file->f_count))
		file = NULL;
	xa_unlock(&host_fd_table);
	return file;
}
EXPORT_SYMBOL(fget);

struct file *fget_raw(unsigned int fd)
{
	return fget(fd);
}
EXPORT_SYMBOL(fget_raw);

/*
 * Remove @fd from the table and return the file it referred to, or NULL
 * if the slot is empty or only reserved (a reservation is left alone).
 */
static struct file *fd_table_take(unsigned int fd)
{
	struct file *file;

	xa_lock(&host_fd_table);
	file = xa_load(&host_fd_table, fd);
	if (file)
		__xa_erase(&host_fd_table, fd);
	xa_unlock(&host_fd_table);
	return file;
}

/* What close() does with the file of a descriptor it removed. */
static void filp_close_host(struct file *file)
{
	if (file->f_op->flush)
		file->f_op->flush(file, NULL);
	fput(file);
}

int close_fd(unsigned int fd)
{
	struct file *file = fd_table_take(fd);

	if (!file)
		return -EBADF;
	filp_close_host(file);
	host_vfs_abi_fd_close(fd);
	return 0;
}
EXPORT_SYMBOL(close_fd);

int host_vfs_table_dup(unsigned int oldfd, unsigned int newfd)
{
	struct file *file, *prev;

	file = fget(oldfd);
	if (!file)
		return -EBADF;
	if (oldfd == newfd) {
		fput(file);
		return 0;
	}
	prev = xa_store(&host_fd_table, newfd, file, FD_TABLE_GFP);
	if (xa_is_err(prev)) {
		fput(file);
		return xa_err(prev);
	}
	if (prev)
		filp_close_host(prev);
	return 0;
}

int host_vfs_table_forget(unsigned int fd)
{
	struct file *file = fd_table_take(fd);

	if (!file)
		return -EBADF;
	filp_close_host(file);
	return 0;
}

int host_vfs_table_next(unsigned int start)
{
	unsigned long index = start;
	struct file *file;
	int fd = -1;

	xa_lock(&host_fd_table);
	file = xa_find(&host_fd_table, &index, INT_MAX, XA_PRESENT);
	/* Skip reserved slots: only installed descriptors count. */
	while (file && !xa_load(&host_fd_table, index)) {
		index++;
		file = xa_find(&host_fd_table, &index, INT_MAX, XA_PRESENT);
	}
	if (file)
		fd = index;
	xa_unlock(&host_fd_table);
	return fd;
}

unsigned long host_vfs_table_count(void)
{
	unsigned long index, n = 0;
	struct file *file;

	xa_lock(&host_fd_table);
	xa_for_each(&host_fd_table, index, file)
		n++;
	xa_unlock(&host_fd_table);
	return n;
}

/* ---- generic file operations ---- */

int nonseekable_open(struct inode *inode, struct file *filp)
{
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}
EXPORT_SYMBOL(nonseekable_open);

int stream_open(struct inode *inode, struct file *filp)
{
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | FMODE_ATOMIC_POS);
	filp->f_mode |= FMODE_STREAM;
	return 0;
}
EXPORT_SYMBOL(stream_open);

int simple_open(struct inode *inode, struct file *file)
{
	if (inode->i_private)
		file->private_data = inode->i_private;
	return 0;
}
EXPORT_SYMBOL(simple_open);

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}
EXPORT_SYMBOL(no_llseek);

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}
EXPORT_SYMBOL(noop_llseek);

/* Move the position of @file to @pos if it lies in [0, @max]. */
static loff_t llseek_set(struct file *file, loff_t pos, loff_t max)
{
	if (pos < 0 || pos > max)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = size;
		break;
	default:
		return -EINVAL;
	}
	if (check_add_overflow(base, offset, &base))
		return -EINVAL;
	return llseek_set(file, base, size);
}
EXPORT_SYMBOL(fixed_size_llseek);

loff_t default_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t pos;

	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		if (check_add_overflow(file->f_pos, offset, &pos))
			return -EINVAL;
		break;
	default:
		return -EINVAL;
	}
	return llseek_set(file, pos, MAX_LFS_FILESIZE);
}
EXPORT_SYMBOL(default_llseek);

ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available)
{
	loff_t pos = *ppos;
	size_t n, left;

	if (pos < 0)
		return -EINVAL;
	if (pos >= available || !count)
		return 0;
	n = min_t(size_t, count, available - pos);
	left = copy_to_user(to, from + pos, n);
	if (left == n)
		return -EFAULT;
	n -= left;
	*ppos = pos + n;
	return n;
}
EXPORT_SYMBOL(simple_read_from_buffer);

ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count)
{
	loff_t pos = *ppos;
	size_t n, left;

	if (pos < 0)
		return -EINVAL;
	if (pos >= available || !count)
		return 0;
	n = min_t(size_t, count, available - pos);
	left = copy_from_user(to + pos, from, n);
	if (left == n)
		return -EFAULT;
	n -= left;
	*ppos = pos + n;
	return n;
}
EXPORT_SYMBOL(simple_write_to_buffer);

long compat_ptr_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (!file->f_op->unlocked_ioctl)
		return -ENOIOCTLCMD;
	return file->f_op->unlocked_ioctl(file, cmd, arg);
}
EXPORT_SYMBOL(compat_ptr_ioctl);

__poll_t vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (!file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}
EXPORT_SYMBOL(vfs_poll);
