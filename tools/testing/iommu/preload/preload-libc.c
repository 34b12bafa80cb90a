// SPDX-License-Identifier: GPL-2.0
/*
 * The preload library: a kernel instance inside an ordinary program.
 *
 * Loaded with LD_PRELOAD, it wraps the C library's file system calls.
 * Calls on paths and descriptors that belong to the host VFS (the device
 * nodes registered with misc_register(), such as /dev/iommu, and the
 * fail-nth files of /proc) go to the kernel instance; everything else
 * goes to the C library untouched.  The kernel instance boots at the
 * first open() of one of its device nodes.
 *
 * VFS descriptors are real host descriptors (empty memfds) reserved by
 * the VFS, so their numbers never collide with the program's own files,
 * and fork()/exec() see ordinary descriptors.  The kernel instance itself
 * lives in the process that booted it.  A child forked after that has no
 * kernel threads and only a snapshot of the kernel's memory, so it is cut
 * off: its inherited VFS descriptors are plain empty files to it, and
 * opening a device node fails with ENODEV (see
 * Documentation/userspace-api/iommu.rst).
 *
 * sysfs: readlink() of /sys/class/vfio-dev/..., /sys/bus/pci/... and the
 * like is answered from the kernel instance's sysfs (lib/vfs-sysfs.c), so
 * a program can find which VFIO devices share an IOMMU group.
 *
 * debugfs: opendir("/sys/kernel/debug") shows a scratch directory with
 * the fault-injection controls that fail-nth users configure (failslab,
 * fail_page_alloc, fail_usercopy, fail_iommufd).  The kernel instance
 * already injects into every allocation, so the files only need to
 * accept writes.
 */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/close_range.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "host-vfs-abi.h"
#include "preload.h"

#define EXPORT __attribute__((visibility("default")))

/* Calls made while already inside the VFS go straight to the C library. */
static __thread int in_vfs;

/* Set once the VFS created a descriptor: until then no fd can be ours. */
static int vfs_active;

/* Set once the kernel instance was entered, and in a child forked after that. */
static int vfs_entered;
static int vfs_forked;

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/*
 * The C library's definition of a wrapped function: the next one after
 * this library in the lookup order, found once and cached in @slot.
 */
static void *next_symbol(void **slot, const char *name)
{
	void *fn = __atomic_load_n(slot, __ATOMIC_ACQUIRE);

	if (!fn) {
		fn = dlsym(RTLD_NEXT, name);
		__atomic_store_n(slot, fn, __ATOMIC_RELEASE);
	}
	return fn;
}

static void *real_slots[34];

enum real_fn {
	R_OPEN, R_OPEN64, R_OPENAT, R_OPENAT64, R_OPEN_2, R_OPEN64_2, R_OPENAT_2,
	R_OPENAT64_2, R_CLOSE, R_DUP, R_DUP2, R_DUP3, R_FCNTL, R_FCNTL64, R_IOCTL,
	R_READ, R_WRITE, R_PREAD, R_PREAD64, R_PWRITE, R_PWRITE64, R_READ_CHK,
	R_PREAD_CHK, R_PREAD64_CHK, R_LSEEK, R_LSEEK64, R_POLL, R_PPOLL, R_OPENDIR,
	R_CLOSEDIR, R_CLOSE_RANGE, R_CLOSEFROM, R_READLINK, R_READLINKAT,
};

/* REAL(open) is the C library's open(), with open()'s type. */
#define REAL_AS(fn, idx) ((__typeof__(fn) *)next_symbol(&real_slots[idx], #fn))
#define REAL_open	REAL_AS(open, R_OPEN)
#define REAL_open64	REAL_AS(open64, R_OPEN64)
#define REAL_openat	REAL_AS(openat, R_OPENAT)
#define REAL_openat64	REAL_AS(openat64, R_OPENAT64)
#define REAL___open_2	REAL_AS(__open_2, R_OPEN_2)
#define REAL___open64_2	REAL_AS(__open64_2, R_OPEN64_2)
#define REAL___openat_2	REAL_AS(__openat_2, R_OPENAT_2)
#define REAL___openat64_2 REAL_AS(__openat64_2, R_OPENAT64_2)
#define REAL_close	REAL_AS(close, R_CLOSE)
#define REAL_dup	REAL_AS(dup, R_DUP)
#define REAL_dup2	REAL_AS(dup2, R_DUP2)
#define REAL_dup3	REAL_AS(dup3, R_DUP3)
#define REAL_fcntl	REAL_AS(fcntl, R_FCNTL)
#define REAL_fcntl64	REAL_AS(fcntl64, R_FCNTL64)
#define REAL_ioctl	REAL_AS(ioctl, R_IOCTL)
#define REAL_read	REAL_AS(read, R_READ)
#define REAL_write	REAL_AS(write, R_WRITE)
#define REAL_pread	REAL_AS(pread, R_PREAD)
#define REAL_pread64	REAL_AS(pread64, R_PREAD64)
#define REAL_pwrite	REAL_AS(pwrite, R_PWRITE)
#define REAL_pwrite64	REAL_AS(pwrite64, R_PWRITE64)
#define REAL___read_chk	REAL_AS(__read_chk, R_READ_CHK)
#define REAL___pread_chk REAL_AS(__pread_chk, R_PREAD_CHK)
#define REAL___pread64_chk REAL_AS(__pread64_chk, R_PREAD64_CHK)
#define REAL_lseek	REAL_AS(lseek, R_LSEEK)
#define REAL_lseek64	REAL_AS(lseek64, R_LSEEK64)
#define REAL_poll	REAL_AS(poll, R_POLL)
#define REAL_ppoll	REAL_AS(ppoll, R_PPOLL)
#define REAL_opendir	REAL_AS(opendir, R_OPENDIR)
#define REAL_closedir	REAL_AS(closedir, R_CLOSEDIR)
#define REAL_close_range REAL_AS(close_range, R_CLOSE_RANGE)
#define REAL_closefrom	REAL_AS(closefrom, R_CLOSEFROM)
#define REAL_readlink	REAL_AS(readlink, R_READLINK)
#define REAL_readlinkat	REAL_AS(readlinkat, R_READLINKAT)

/* Turn a VFS result into the C library convention. */
static long sys_ret(long ret)
{
	if (ret < 0) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}

static int ours(int fd)
{
	int r;

	if (fd < 0 || in_vfs || vfs_forked || !__atomic_load_n(&vfs_active, __ATOMIC_ACQUIRE))
		return 0;
	in_vfs++;
	r = host_vfs_fd_is_ours(fd);
	in_vfs--;
	return r;
}

/* ---- open ---- */

static int path_wanted(const char *path)
{
	int r;

	if (!path || in_vfs)
		return 0;
	if (strncmp(path, "/dev/", 5) && strncmp(path, "/proc/", 6))
		return 0;
	if (vfs_forked)
		return !strcmp(path, "/dev/iommu") || !strncmp(path, "/dev/vfio/", 10);
	__atomic_store_n(&vfs_entered, 1, __ATOMIC_RELEASE);
	in_vfs++;
	r = host_vfs_path_is_ours(path);
	in_vfs--;
	return r;
}

static void forked_child(void)
{
	if (__atomic_load_n(&vfs_entered, __ATOMIC_ACQUIRE))
		vfs_forked = 1;
}

__attribute__((constructor)) static void preload_init(void)
{
	pthread_atfork(NULL, NULL, forked_child);
}

static int vfs_open(const char *path, int flags)
{
	static const char msg[] =
		"iommu-preload: the kernel instance belongs to the parent process; "
		"a child forked after it started cannot open its devices\n";
	int fd;

	if (vfs_forked) {
		syscall(SYS_write, 2, msg, sizeof(msg) - 1);
		errno = ENODEV;
		return -1;
	}
	in_vfs++;
	fd = host_vfs_open(path, flags);
	in_vfs--;
	if (fd >= 0)
		__atomic_store_n(&vfs_active, 1, __ATOMIC_RELEASE);
	return (int)sys_ret(fd);
}

static mode_t open_mode(int flags, va_list ap)
{
	if (flags & (O_CREAT | __O_TMPFILE))
		return va_arg(ap, mode_t);
	return 0;
}

/*
 * The optional mode argument of the enclosing variadic open function,
 * whose last named parameter must be called flags.
 */
#define OPEN_MODE_ARG() ({			\
	va_list __om_ap;			\
	mode_t __om_mode;			\
						\
	va_start(__om_ap, flags);		\
	__om_mode = open_mode(flags, __om_ap);	\
	va_end(__om_ap);			\
	__om_mode;				\
})

EXPORT int open(const char *path, int flags, ...)
{
	if (path_wanted(path))
		return vfs_open(path, flags);
	return REAL_open(path, flags, OPEN_MODE_ARG());
}

EXPORT int open64(const char *path, int flags, ...)
{
	if (path_wanted(path))
		return vfs_open(path, flags);
	return REAL_open64(path, flags, OPEN_MODE_ARG());
}

EXPORT int openat(int dirfd, const char *path, int flags, ...)
{
	if (path[0] == '/' && path_wanted(path))
		return vfs_open(path, flags);
	return REAL_openat(dirfd, path, flags, OPEN_MODE_ARG());
}

EXPORT int openat64(int dirfd, const char *path, int flags, ...)
{
	if (path[0] == '/' && path_wanted(path))
		return vfs_open(path, flags);
	return REAL_openat64(dirfd, path, flags, OPEN_MODE_ARG());
}

EXPORT int __open_2(const char *path, int flags)
{
	if (path_wanted(path))
		return vfs_open(path, flags);
	return REAL___open_2(path, flags);
}

EXPORT int __open64_2(const char *path, int flags)
{
	if (path_wanted(path))
		return vfs_open(path, flags);
	return REAL___open64_2(path, flags);
}

EXPORT int __openat_2(int dirfd, const char *path, int flags)
{
	if (path[0] == '/' && path_wanted(path))
		return vfs_open(path, flags);
	return REAL___openat_2(dirfd, path, flags);
}

EXPORT int __openat64_2(int dirfd, const char *path, int flags)
{
	if (path[0] == '/' && path_wanted(path))
		return vfs_open(path, flags);
	return REAL___openat64_2(dirfd, path, flags);
}

/* ---- close and duplication ---- */

EXPORT int close(int fd)
{
	long ret;

	if (ours(fd)) {
		in_vfs++;
		ret = host_vfs_close(fd);
		in_vfs--;
		if (ret != -EBADF)
			return (int)sys_ret(ret);
	}
	return REAL_close(fd);
}

/* Close the VFS descriptors in [@first, @last] before the host closes them. */
static void vfs_close_range(unsigned int first, unsigned int last)
{
	int fd;

	if (in_vfs || vfs_forked || !__atomic_load_n(&vfs_active, __ATOMIC_ACQUIRE))
		return;
	in_vfs++;
	for (fd = host_vfs_next_fd(first > INT_MAX ? INT_MAX : (int)first);
	     fd >= 0 && (unsigned int)fd <= last; fd = host_vfs_next_fd(fd + 1))
		host_vfs_close(fd);
	in_vfs--;
}

EXPORT int close_range(unsigned int first, unsigned int last, int flags)
{
	/* CLOSE_RANGE_CLOEXEC only marks descriptors; nothing is closed. */
	if (!(flags & CLOSE_RANGE_CLOEXEC) && first <= last)
		vfs_close_range(first, last);
	return REAL_close_range(first, last, flags);
}

EXPORT void closefrom(int lowfd)
{
	if (lowfd >= 0)
		vfs_close_range(lowfd, ~0U);
	REAL_closefrom(lowfd);
}

/* @newfd was just made a host duplicate of VFS descriptor @oldfd. */
static int vfs_dup_finish(int oldfd, int newfd)
{
	long ret;

	if (newfd < 0 || newfd == oldfd)
		return newfd;
	in_vfs++;
	ret = host_vfs_dup_to(oldfd, newfd);
	in_vfs--;
	if (ret) {
		syscall(SYS_close, newfd);
		return (int)sys_ret(ret);
	}
	return newfd;
}

/* A foreign descriptor was just duplicated onto @newfd. */
static void vfs_replaced(int newfd)
{
	if (ours(newfd)) {
		in_vfs++;
		host_vfs_forget(newfd);
		in_vfs--;
	}
}

EXPORT int dup(int oldfd)
{
	if (ours(oldfd))
		return vfs_dup_finish(oldfd, REAL_dup(oldfd));
	return REAL_dup(oldfd);
}

EXPORT int dup2(int oldfd, int newfd)
{
	int ret;

	if (ours(oldfd))
		return vfs_dup_finish(oldfd, REAL_dup2(oldfd, newfd));
	ret = REAL_dup2(oldfd, newfd);
	if (ret >= 0 && oldfd != newfd)
		vfs_replaced(newfd);
	return ret;
}

EXPORT int dup3(int oldfd, int newfd, int flags)
{
	int ret;

	if (ours(oldfd))
		return vfs_dup_finish(oldfd, REAL_dup3(oldfd, newfd, flags));
	ret = REAL_dup3(oldfd, newfd, flags);
	if (ret >= 0)
		vfs_replaced(newfd);
	return ret;
}

static int vfs_fcntl(__typeof__(fcntl) *real, int fd, int cmd, va_list ap)
{
	long ret;
	long arg;

	arg = va_arg(ap, long);
	if (!ours(fd))
		return real(fd, cmd, arg);
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		return vfs_dup_finish(fd, real(fd, cmd, arg));
	case F_GETFL:
		in_vfs++;
		ret = host_vfs_getfl(fd);
		in_vfs--;
		return (int)sys_ret(ret);
	case F_SETFL:
		in_vfs++;
		ret = host_vfs_setfl(fd, (int)arg);
		in_vfs--;
		return (int)sys_ret(ret);
	default:
		/* F_GETFD/F_SETFD and locks act on the host descriptor. */
		return real(fd, cmd, arg);
	}
}

EXPORT int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	int ret;

	va_start(ap, cmd);
	ret = vfs_fcntl(REAL_fcntl, fd, cmd, ap);
	va_end(ap);
	return ret;
}

EXPORT int fcntl64(int fd, int cmd, ...)
{
	__typeof__(fcntl) *real = REAL_fcntl64;
	va_list ap;
	int ret;

	va_start(ap, cmd);
	ret = vfs_fcntl(real ? real : REAL_fcntl, fd, cmd, ap);
	va_end(ap);
	return ret;
}

/* ---- ioctl, read, write, lseek ---- */

EXPORT int ioctl(int fd, unsigned long request, ...)
{
	unsigned long arg;
	va_list ap;
	long ret;

	va_start(ap, request);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	/* FIOCLEX and FIONCLEX act on the descriptor, which is the host's. */
	if (!ours(fd) || request == FIOCLEX || request == FIONCLEX)
		return REAL_ioctl(fd, request, arg);
	in_vfs++;
	ret = host_vfs_ioctl(fd, (unsigned int)request, arg);
	in_vfs--;
	return (int)sys_ret(ret);
}

static ssize_t vfs_read(int fd, void *buf, size_t count)
{
	long ret;

	in_vfs++;
	ret = host_vfs_read(fd, buf, count);
	in_vfs--;
	return sys_ret(ret);
}

static ssize_t vfs_pread(int fd, void *buf, size_t count, long long pos)
{
	long ret;

	in_vfs++;
	ret = host_vfs_pread(fd, buf, count, pos);
	in_vfs--;
	return sys_ret(ret);
}

static ssize_t vfs_pwrite(int fd, const void *buf, size_t count, long long pos)
{
	long ret;

	in_vfs++;
	ret = host_vfs_pwrite(fd, buf, count, pos);
	in_vfs--;
	return sys_ret(ret);
}

EXPORT ssize_t read(int fd, void *buf, size_t count)
{
	if (ours(fd))
		return vfs_read(fd, buf, count);
	return REAL_read(fd, buf, count);
}

EXPORT ssize_t __read_chk(int fd, void *buf, size_t count, size_t buflen)
{
	if (ours(fd)) {
		if (count > buflen)
			abort();
		return vfs_read(fd, buf, count);
	}
	return REAL___read_chk(fd, buf, count, buflen);
}

EXPORT ssize_t write(int fd, const void *buf, size_t count)
{
	long ret;

	if (!ours(fd))
		return REAL_write(fd, buf, count);
	in_vfs++;
	ret = host_vfs_write(fd, buf, count);
	in_vfs--;
	return sys_ret(ret);
}

EXPORT ssize_t pread(int fd, void *buf, size_t count, off_t pos)
{
	if (ours(fd))
		return vfs_pread(fd, buf, count, pos);
	return REAL_pread(fd, buf, count, pos);
}

EXPORT ssize_t pread64(int fd, void *buf, size_t count, off64_t pos)
{
	if (ours(fd))
		return vfs_pread(fd, buf, count, pos);
	return REAL_pread64(fd, buf, count, pos);
}

EXPORT ssize_t __pread_chk(int fd, void *buf, size_t count, off_t pos, size_t buflen)
{
	if (ours(fd)) {
		if (count > buflen)
			abort();
		return vfs_pread(fd, buf, count, pos);
	}
	return REAL___pread_chk(fd, buf, count, pos, buflen);
}

EXPORT ssize_t __pread64_chk(int fd, void *buf, size_t count, off64_t pos, size_t buflen)
{
	if (ours(fd)) {
		if (count > buflen)
			abort();
		return vfs_pread(fd, buf, count, pos);
	}
	return REAL___pread64_chk(fd, buf, count, pos, buflen);
}

EXPORT ssize_t pwrite(int fd, const void *buf, size_t count, off_t pos)
{
	if (ours(fd))
		return vfs_pwrite(fd, buf, count, pos);
	return REAL_pwrite(fd, buf, count, pos);
}

EXPORT ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t pos)
{
	if (ours(fd))
		return vfs_pwrite(fd, buf, count, pos);
	return REAL_pwrite64(fd, buf, count, pos);
}

static off64_t vfs_lseek(int fd, off64_t offset, int whence)
{
	long long ret;

	in_vfs++;
	ret = host_vfs_lseek(fd, offset, whence);
	in_vfs--;
	return sys_ret(ret);
}

EXPORT off_t lseek(int fd, off_t offset, int whence)
{
	if (ours(fd))
		return vfs_lseek(fd, offset, whence);
	return REAL_lseek(fd, offset, whence);
}

EXPORT off64_t lseek64(int fd, off64_t offset, int whence)
{
	if (ours(fd))
		return vfs_lseek(fd, offset, whence);
	return REAL_lseek64(fd, offset, whence);
}

/* ---- poll ---- */

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/*
 * VFS files have no host wait queue to sleep on, so a poll() that
 * includes one checks every descriptor and then waits on the others for
 * at most a millisecond at a time.
 */
static int vfs_poll_mixed(struct pollfd *fds, nfds_t nfds, int timeout_ms)
{
	long long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	struct pollfd *host;
	int ready, i, r;

	host = calloc(nfds ? nfds : 1, sizeof(*host));
	if (!host) {
		errno = ENOMEM;
		return -1;
	}
	for (;;) {
		int wait_ms = 1;

		ready = 0;
		for (i = 0; i < (int)nfds; i++) {
			host[i] = fds[i];
			host[i].revents = 0;
			if (ours(fds[i].fd))
				host[i].fd = -1;
		}
		if (deadline >= 0 && now_ms() >= deadline)
			wait_ms = 0;
		for (i = 0; i < (int)nfds; i++) {
			if (host[i].fd == -1 && fds[i].fd >= 0) {
				in_vfs++;
				r = host_vfs_poll(fds[i].fd, fds[i].events);
				in_vfs--;
				fds[i].revents = r < 0 ? POLLNVAL : r;
				if (fds[i].revents)
					wait_ms = 0;
			}
		}
		r = REAL_poll(host, nfds, wait_ms);
		if (r < 0) {
			free(host);
			return -1;
		}
		for (i = 0; i < (int)nfds; i++) {
			if (host[i].fd != -1 || fds[i].fd < 0)
				fds[i].revents = host[i].revents;
			if (fds[i].revents)
				ready++;
		}
		if (ready || (deadline >= 0 && now_ms() >= deadline))
			break;
	}
	free(host);
	return ready;
}

static int any_ours(struct pollfd *fds, nfds_t nfds)
{
	nfds_t i;

	for (i = 0; i < nfds; i++)
		if (ours(fds[i].fd))
			return 1;
	return 0;
}

EXPORT int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	if (any_ours(fds, nfds))
		return vfs_poll_mixed(fds, nfds, timeout);
	return REAL_poll(fds, nfds, timeout);
}

EXPORT int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *tmo,
		 const sigset_t *sigmask)
{
	int timeout = -1;

	if (!any_ours(fds, nfds))
		return REAL_ppoll(fds, nfds, tmo, sigmask);
	if (tmo)
		timeout = (int)(tmo->tv_sec * 1000 + (tmo->tv_nsec + 999999) / 1000000);
	return vfs_poll_mixed(fds, nfds, timeout);
}

/* ---- sysfs links ---- */

/*
 * readlink() of the parts of /sys that describe the kernel instance's
 * devices (/sys/class/vfio-dev/vfioN/device, .../iommu_group, ...) is
 * answered by the kernel instance; the rest of /sys is the host's.
 */
static int sysfs_wanted(const char *path)
{
	int r;

	if (!path || in_vfs || vfs_forked || strncmp(path, "/sys/", 5))
		return 0;
	__atomic_store_n(&vfs_entered, 1, __ATOMIC_RELEASE);
	in_vfs++;
	r = host_vfs_sysfs_is_ours(path);
	in_vfs--;
	return r;
}

static ssize_t vfs_readlink(const char *path, char *buf, size_t size)
{
	long ret;

	in_vfs++;
	ret = host_vfs_readlink(path, buf, size);
	in_vfs--;
	return sys_ret(ret);
}

EXPORT ssize_t readlink(const char *path, char *buf, size_t size)
{
	if (sysfs_wanted(path))
		return vfs_readlink(path, buf, size);
	return REAL_readlink(path, buf, size);
}

EXPORT ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t size)
{
	if (path[0] == '/' && sysfs_wanted(path))
		return vfs_readlink(path, buf, size);
	return REAL_readlinkat(dirfd, path, buf, size);
}

/* ---- debugfs ---- */

static const char *const debugfs_files[] = {
	"failslab/ignore-gfp-wait",
	"failslab/verbose",
	"failslab/probability",
	"failslab/times",
	"fail_page_alloc/ignore-gfp-wait",
	"fail_page_alloc/ignore-gfp-highmem",
	"fail_page_alloc/verbose",
	"fail_usercopy/verbose",
	"fail_iommufd/verbose",
};

static const char *const debugfs_dirs[] = {
	"failslab", "fail_page_alloc", "fail_usercopy", "fail_iommufd",
};

static char debugfs_root[256];
static pid_t debugfs_owner;
static DIR *debugfs_dir;

static void debugfs_remove(void)
{
	char path[512];
	size_t i;

	if (!debugfs_root[0] || getpid() != debugfs_owner)
		return;
	for (i = 0; i < ARRAY_SIZE(debugfs_files); i++) {
		snprintf(path, sizeof(path), "%s/%s", debugfs_root, debugfs_files[i]);
		unlink(path);
	}
	for (i = 0; i < ARRAY_SIZE(debugfs_dirs); i++) {
		snprintf(path, sizeof(path), "%s/%s", debugfs_root, debugfs_dirs[i]);
		rmdir(path);
	}
	rmdir(debugfs_root);
	debugfs_root[0] = 0;
}

static int debugfs_create(void)
{
	const char *tmp = getenv("TMPDIR");
	char path[512];
	size_t i;
	int fd;

	if (debugfs_root[0])
		return 0;
	snprintf(debugfs_root, sizeof(debugfs_root), "%s/iommu-debugfs.XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(debugfs_root)) {
		debugfs_root[0] = 0;
		return -1;
	}
	debugfs_owner = getpid();
	for (i = 0; i < ARRAY_SIZE(debugfs_dirs); i++) {
		snprintf(path, sizeof(path), "%s/%s", debugfs_root, debugfs_dirs[i]);
		mkdir(path, 0700);
	}
	for (i = 0; i < ARRAY_SIZE(debugfs_files); i++) {
		snprintf(path, sizeof(path), "%s/%s", debugfs_root, debugfs_files[i]);
		fd = REAL_open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		if (fd >= 0)
			REAL_close(fd);
	}
	atexit(debugfs_remove);
	return 0;
}

static int is_debugfs(const char *path)
{
	return path && (!strcmp(path, "/sys/kernel/debug") || !strcmp(path, "/sys/kernel/debug/"));
}

EXPORT DIR *opendir(const char *path)
{
	if (is_debugfs(path) && !in_vfs && !getenv("IOMMU_PRELOAD_REAL_DEBUGFS")) {
		if (debugfs_create() == 0) {
			DIR *dir = REAL_opendir(debugfs_root);

			if (dir)
				debugfs_dir = dir;
			return dir;
		}
	}
	return REAL_opendir(path);
}

EXPORT int closedir(DIR *dir)
{
	int ret = REAL_closedir(dir);

	if (dir == debugfs_dir) {
		debugfs_dir = NULL;
		debugfs_remove();
	}
	return ret;
}

/* The KUnit runner's output channel, unused in a preloaded program. */
void kunit_host_write(const char *text, unsigned long len)
{
	ssize_t r = syscall(SYS_write, 2, text, len);

	(void)r;
}
