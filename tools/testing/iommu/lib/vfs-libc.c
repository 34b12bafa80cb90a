// SPDX-License-Identifier: GPL-2.0
/*
 * C library side of the host VFS: the real descriptors that stand behind
 * VFS descriptor numbers.  Each is an empty memfd, named after the VFS so
 * that /proc/self/fd shows where a descriptor comes from.  System calls
 * are made directly so that a preload library's wrappers of close() and
 * friends never see them.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "host-vfs-abi.h"

int host_vfs_abi_fd_reserve(const char *name, int cloexec)
{
	long fd;

	fd = syscall(SYS_memfd_create, name, cloexec ? MFD_CLOEXEC : 0);
	if (fd < 0)
		return errno == EMFILE || errno == ENFILE ? -EMFILE : -errno;
	return (int)fd;
}

void host_vfs_abi_fd_close(int fd)
{
	syscall(SYS_close, fd);
}
