/* SPDX-License-Identifier: GPL-2.0 */
/*
 * C library entry points that the preload library wraps but that the
 * system headers declare only in some configurations (_FORTIFY_SOURCE,
 * large-file builds).  Their prototypes as glibc defines them.
 */
#ifndef _IOMMU_PRELOAD_H
#define _IOMMU_PRELOAD_H

#include <sys/types.h>

int __open_2(const char *path, int flags);
int __open64_2(const char *path, int flags);
int __openat_2(int dirfd, const char *path, int flags);
int __openat64_2(int dirfd, const char *path, int flags);
int fcntl64(int fd, int cmd, ...);
ssize_t __read_chk(int fd, void *buf, size_t count, size_t buflen);
ssize_t __pread_chk(int fd, void *buf, size_t count, off_t pos, size_t buflen);
ssize_t __pread64_chk(int fd, void *buf, size_t count, off64_t pos, size_t buflen);

#endif /* _IOMMU_PRELOAD_H */
