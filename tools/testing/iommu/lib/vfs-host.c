// SPDX-License-Identifier: GPL-2.0
/*
 * System calls on host VFS descriptors, as the preload library routes
 * them: the checks and position handling the Linux VFS does around a
 * driver's file_operations, with the same errno values.
 */
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <host/env.h>

#include "host-vfs-abi.h"
#include "vfs-internal.h"

/* Generic ioctls handled by the VFS before the driver sees them. */
#define HOST_FIONBIO	0x5421
#define HOST_FIOASYNC	0x5452

/* Linux caps a single read or write at INT_MAX rounded down to a page. */
#define MAX_RW_COUNT	(INT_MAX & PAGE_MASK)

static DEFINE_MUTEX(boot_lock);

/* Set once host_vfs_boot() ran the initcalls and the boot hook. */
static bool vfs_ready;

static bool vfs_booted(void)
{
	return READ_ONCE(system_state) == SYSTEM_RUNNING;
}

/**
 * host_vfs_boot_hook() - what the kernel instance does after its initcalls
 *
 * Runs once, from the first host_vfs_boot(), with fault injection off.
 * This default does nothing, so build/kunit boots exactly as before; the
 * preload library provides its own (it builds the default machine, whose
 * devices then appear as /dev/vfio/devices/vfioN).
 */
void __weak host_vfs_boot_hook(void)
{
}

void host_vfs_boot(void)
{
	unsigned int armed;

	/* Pairs with the release below: a booted instance is seen whole */
	if (smp_load_acquire(&vfs_ready))
		return;
	mutex_lock(&boot_lock);
	if (!vfs_ready) {
		/* Boot-time allocations are not the caller's to fail. */
		armed = current->fail_nth;
		current->fail_nth = 0;
		if (!vfs_booted())
			host_boot();
		host_vfs_boot_hook();
		current->fail_nth = armed;
		/* Publish the boot and the hook's work to the fast path above */
		smp_store_release(&vfs_ready, true);
	}
	mutex_unlock(&boot_lock);
}

/* Device nodes the kernel instance may provide before it has booted. */
static bool dev_candidate(const char *path)
{
	return !strcmp(path, "/dev/iommu") || !strncmp(path, "/dev/vfio/", 10);
}

int host_vfs_path_is_ours(const char *path)
{
	if (!strncmp(path, "/proc/", 6))
		return host_proc_match(path);
	if (strncmp(path, "/dev/", 5))
		return 0;
	if (dev_candidate(path))
		host_vfs_boot();
	if (!vfs_booted())
		return 0;
	return host_misc_exists(path);
}

int host_vfs_open(const char *path, int flags)
{
	struct file *file;
	int fd;

	if (strncmp(path, "/proc/", 6))
		host_vfs_boot();
	fd = get_unused_fd_flags(flags & O_CLOEXEC);
	if (fd < 0)
		return fd;
	if (!strncmp(path, "/proc/", 6))
		file = host_proc_open(path, flags);
	else
		file = host_misc_open(path, flags);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	return fd;
}

/* fget() for a descriptor number from userspace, which may be negative. */
static struct file *host_fget(int fd)
{
	return fd < 0 ? NULL : fget(fd);
}

int host_vfs_fd_is_ours(int fd)
{
	struct file *file;

	file = host_fget(fd);
	if (!file)
		return 0;
	fput(file);
	return 1;
}

/* Errnos that exist only inside the kernel never reach userspace. */
static long user_errno(long ret)
{
	switch (ret) {
	case -ENOIOCTLCMD:
		return -ENOTTY;
	case -ERESTARTSYS:
	case -ERESTARTNOINTR:
	case -ERESTARTNOHAND:
	case -ERESTART_RESTARTBLOCK:
		return -EINTR;
	default:
		return ret;
	}
}

static long vfs_ioctl_generic(struct file *file, unsigned int cmd, unsigned long arg)
{
	int __user *argp = (int __user *)arg;
	int on;

	switch (cmd) {
	case HOST_FIONBIO:
		if (get_user(on, argp))
			return -EFAULT;
		spin_lock(&file->f_lock);
		if (on)
			file->f_flags |= O_NONBLOCK;
		else
			file->f_flags &= ~O_NONBLOCK;
		spin_unlock(&file->f_lock);
		return 0;
	case HOST_FIOASYNC:
		if (get_user(on, argp))
			return -EFAULT;
		return on ? -ENOTTY : 0;
	default:
		return -ENOIOCTLCMD;
	}
}

long host_vfs_ioctl(int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file;
	long ret;

	file = host_fget(fd);
	if (!file)
		return -EBADF;
	ret = vfs_ioctl_generic(file, cmd, arg);
	if (ret == -ENOIOCTLCMD) {
		if (file->f_op->unlocked_ioctl)
			ret = file->f_op->unlocked_ioctl(file, cmd, arg);
		else
			ret = -ENOTTY;
	}
	fput(file);
	return user_errno(ret);
}

static long rw_checks(struct file *file, bool write, size_t *count)
{
	fmode_t need = write ? FMODE_WRITE : FMODE_READ;

	if (!(file->f_mode & need))
		return -EBADF;
	if (write ? !file->f_op->write : !file->f_op->read)
		return -EINVAL;
	if (*count > MAX_RW_COUNT)
		*count = MAX_RW_COUNT;
	return 0;
}

static long do_rw(int fd, void __user *buf, unsigned long count, bool write,
		  bool positioned, loff_t pos)
{
	struct file *file;
	loff_t *ppos = NULL;
	bool locked = false;
	long ret;

	file = host_fget(fd);
	if (!file)
		return -EBADF;
	ret = rw_checks(file, write, &count);
	if (ret)
		goto out;
	if (positioned) {
		if (!(file->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))) {
			ret = -ESPIPE;
			goto out;
		}
		if (pos < 0) {
			ret = -EINVAL;
			goto out;
		}
		ppos = &pos;
	} else if (!(file->f_mode & FMODE_STREAM)) {
		if (file->f_mode & FMODE_ATOMIC_POS) {
			mutex_lock(&file->f_pos_lock);
			locked = true;
		}
		pos = file->f_pos;
		ppos = &pos;
	}
	if (write)
		ret = file->f_op->write(file, (const char __user *)buf, count, ppos);
	else
		ret = file->f_op->read(file, (char __user *)buf, count, ppos);
	if (!positioned && ppos && ret >= 0)
		file->f_pos = pos;
	if (locked)
		mutex_unlock(&file->f_pos_lock);
out:
	fput(file);
	return user_errno(ret);
}

long host_vfs_read(int fd, void *buf, unsigned long count)
{
	return do_rw(fd, (void __user *)buf, count, false, false, 0);
}

long host_vfs_write(int fd, const void *buf, unsigned long count)
{
	return do_rw(fd, (void __user *)buf, count, true, false, 0);
}

long host_vfs_pread(int fd, void *buf, unsigned long count, long long pos)
{
	return do_rw(fd, (void __user *)buf, count, false, true, pos);
}

long host_vfs_pwrite(int fd, const void *buf, unsigned long count, long long pos)
{
	return do_rw(fd, (void __user *)buf, count, true, true, pos);
}

long long host_vfs_lseek(int fd, long long offset, int whence)
{
	struct file *file;
	loff_t ret;

	file = host_fget(fd);
	if (!file)
		return -EBADF;
	if (whence < SEEK_SET || whence > SEEK_END)
		ret = -EINVAL;
	else if (!(file->f_mode & FMODE_LSEEK) || !file->f_op->llseek)
		ret = -ESPIPE;
	else
		ret = file->f_op->llseek(file, offset, whence);
	fput(file);
	return ret;
}

int host_vfs_poll(int fd, unsigned int events)
{
	const __poll_t always = EPOLLERR | EPOLLHUP | EPOLLNVAL;
	poll_table pt = { ._qproc = NULL, ._key = (__force __poll_t)events };
	struct file *file;
	__poll_t mask;

	file = host_fget(fd);
	if (!file)
		return -EBADF;
	mask = vfs_poll(file, &pt);
	fput(file);
	return (__force int)(mask & ((__force __poll_t)events | always));
}

int host_vfs_getfl(int fd)
{
	struct file *file;
	int flags;

	file = host_fget(fd);
	if (!file)
		return -EBADF;
	/* 64-bit Linux reports every file as O_LARGEFILE. */
	flags = file->f_flags | O_LARGEFILE;
	fput(file);
	return flags;
}

int host_vfs_setfl(int fd, int flags)
{
	const unsigned int settable = O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME;
	struct file *file;

	file = host_fget(fd);
	if (!file)
		return -EBADF;
	spin_lock(&file->f_lock);
	file->f_flags = (file->f_flags & ~settable) | (flags & settable);
	spin_unlock(&file->f_lock);
	fput(file);
	return 0;
}

int host_vfs_dup_to(int oldfd, int newfd)
{
	if (oldfd < 0 || newfd < 0)
		return -EBADF;
	return host_vfs_table_dup(oldfd, newfd);
}

int host_vfs_forget(int fd)
{
	if (fd < 0)
		return -EBADF;
	return host_vfs_table_forget(fd);
}

int host_vfs_close(int fd)
{
	if (fd < 0)
		return -EBADF;
	return close_fd(fd);
}

int host_vfs_next_fd(int start)
{
	return host_vfs_table_next(start < 0 ? 0 : start);
}

unsigned long host_vfs_open_count(void)
{
	return host_vfs_table_count();
}
