/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The boundary between the host VFS (kernel flavour: vfs*.c) and the C
 * library side that owns real descriptors (vfs-libc.c) or routes a
 * program's system calls to the VFS (the preload library).  Plain C types
 * only, so that both flavours can include it.
 *
 * Every function that takes a descriptor returns -EBADF (as a negative
 * number) when the descriptor is not one of the VFS's; the caller then
 * hands the call to the C library.
 */
#ifndef _HOST_VFS_ABI_H
#define _HOST_VFS_ABI_H

/* ---- provided by vfs-libc.c ---- */

/**
 * host_vfs_abi_fd_reserve() - reserve a real host descriptor number
 * @name: a name for diagnostics (shown in /proc/self/fd)
 * @cloexec: non-zero to set FD_CLOEXEC
 *
 * Return: the descriptor, or a negative errno.
 */
int host_vfs_abi_fd_reserve(const char *name, int cloexec);

/**
 * host_vfs_abi_fd_close() - give a reserved host descriptor back
 * @fd: from host_vfs_abi_fd_reserve() or a duplicate of one
 */
void host_vfs_abi_fd_close(int fd);

/* ---- provided by vfs-host.c (kernel flavour) ---- */

/**
 * host_vfs_boot() - boot the kernel instance once, without fault injection
 */
void host_vfs_boot(void);

/**
 * host_vfs_boot_hook() - run once after the initcalls of the kernel instance
 *
 * vfs-host.c has an empty weak definition; the preload library overrides
 * it to build the default machine.
 */
void host_vfs_boot_hook(void);

/**
 * host_vfs_path_is_ours() - whether open() of @path belongs to the VFS
 * @path: absolute path as given to open()
 *
 * True for device nodes of registered misc devices ("/dev/iommu") once
 * booted, for the prefixes the kernel instance may serve ("/dev/iommu",
 * "/dev/vfio/") before boot, and for the fail-nth files of /proc.
 *
 * Return: 1 or 0.
 */
int host_vfs_path_is_ours(const char *path);

/**
 * host_vfs_open() - open() of a VFS path
 * @path: absolute path
 * @flags: O_* flags of open()
 *
 * Return: the new descriptor, or a negative errno.
 */
int host_vfs_open(const char *path, int flags);

/**
 * host_vfs_fd_is_ours() - whether a descriptor is in the VFS table
 * @fd: the descriptor
 *
 * Return: 1 or 0.
 */
int host_vfs_fd_is_ours(int fd);

/**
 * host_vfs_ioctl() - ioctl() on a VFS descriptor
 * @fd: the descriptor
 * @cmd: the command
 * @arg: the argument
 *
 * Return: the driver's non-negative result, or a negative errno
 * (-ENOIOCTLCMD is reported as -ENOTTY).
 */
long host_vfs_ioctl(int fd, unsigned int cmd, unsigned long arg);

/**
 * host_vfs_read() - read() at the file position
 * @fd: the descriptor
 * @buf: user buffer
 * @count: bytes
 *
 * Return: bytes read, or a negative errno.
 */
long host_vfs_read(int fd, void *buf, unsigned long count);

/**
 * host_vfs_write() - write() at the file position
 * @fd: the descriptor
 * @buf: user buffer
 * @count: bytes
 *
 * Return: bytes written, or a negative errno.
 */
long host_vfs_write(int fd, const void *buf, unsigned long count);

/**
 * host_vfs_pread() - pread()
 * @fd: the descriptor
 * @buf: user buffer
 * @count: bytes
 * @pos: offset
 *
 * Return: bytes read, or a negative errno (-ESPIPE if not seekable).
 */
long host_vfs_pread(int fd, void *buf, unsigned long count, long long pos);

/**
 * host_vfs_pwrite() - pwrite()
 * @fd: the descriptor
 * @buf: user buffer
 * @count: bytes
 * @pos: offset
 *
 * Return: bytes written, or a negative errno (-ESPIPE if not seekable).
 */
long host_vfs_pwrite(int fd, const void *buf, unsigned long count, long long pos);

/**
 * host_vfs_lseek() - lseek()
 * @fd: the descriptor
 * @offset: offset
 * @whence: SEEK_SET, SEEK_CUR or SEEK_END
 *
 * Return: the new position, or a negative errno.
 */
long long host_vfs_lseek(int fd, long long offset, int whence);

/**
 * host_vfs_poll() - the ready events of a descriptor, without waiting
 * @fd: the descriptor
 * @events: POLL* events of interest
 *
 * Return: the ready events among @events plus POLLERR/POLLHUP, or a
 * negative errno.
 */
int host_vfs_poll(int fd, unsigned int events);

/**
 * host_vfs_getfl() - fcntl(F_GETFL)
 * @fd: the descriptor
 *
 * Return: the O_* status flags, or a negative errno.
 */
int host_vfs_getfl(int fd);

/**
 * host_vfs_setfl() - fcntl(F_SETFL): only O_NONBLOCK and O_APPEND change
 * @fd: the descriptor
 * @flags: the new flags
 *
 * Return: 0, or a negative errno.
 */
int host_vfs_setfl(int fd, int flags);

/**
 * host_vfs_dup_to() - make @newfd refer to the file of @oldfd
 * @oldfd: a VFS descriptor
 * @newfd: a host descriptor that the caller just made a duplicate of
 *	@oldfd's host descriptor (dup, dup2, dup3, F_DUPFD)
 *
 * If @newfd referred to another VFS file, that reference is dropped.
 *
 * Return: 0, or a negative errno (-EBADF: @oldfd is not ours).
 */
int host_vfs_dup_to(int oldfd, int newfd);

/**
 * host_vfs_forget() - drop a VFS descriptor whose host descriptor is gone
 * @fd: the descriptor (e.g. replaced by a dup2() of a foreign descriptor)
 *
 * Return: 0, or -EBADF.
 */
int host_vfs_forget(int fd);

/**
 * host_vfs_close() - close() of a VFS descriptor (host descriptor included)
 * @fd: the descriptor
 *
 * Return: 0, or -EBADF.
 */
int host_vfs_close(int fd);

/**
 * host_vfs_next_fd() - the lowest VFS descriptor at or above @start
 * @start: first descriptor to consider
 *
 * Return: the descriptor, or -1 if there is none.
 */
int host_vfs_next_fd(int start);

/**
 * host_vfs_sysfs_is_ours() - whether readlink() of @path belongs to the VFS
 * @path: absolute path
 *
 * True (and the kernel instance is booted) for the parts of /sys that
 * describe the kernel instance's PCI functions, VFIO devices and IOMMU
 * groups: /sys/bus/pci, /sys/class/vfio-dev, /sys/devices/pci*,
 * /sys/kernel/iommu_groups.
 *
 * Return: 1 or 0.
 */
int host_vfs_sysfs_is_ours(const char *path);

/**
 * host_vfs_readlink() - readlink() of a sysfs path of the kernel instance
 * @path: absolute path accepted by host_vfs_sysfs_is_ours()
 * @buf: receives the target, not NUL-terminated, truncated to @size
 * @size: size of @buf
 *
 * Return: the number of bytes placed in @buf, or a negative errno:
 * -ENOENT (no such entry), -EINVAL (not a link, or @size 0).
 */
long host_vfs_readlink(const char *path, char *buf, unsigned long size);

/**
 * host_vfs_open_count() - number of descriptors in the VFS table
 *
 * Return: the count.
 */
unsigned long host_vfs_open_count(void);

#endif /* _HOST_VFS_ABI_H */
