// SPDX-License-Identifier: GPL-2.0
/*
 * C library glue: console, process facts, and access to memory that may
 * not be mapped (user pointers).
 *
 * Possibly-bad pointers are never dereferenced here.  The kernel copies
 * for us with process_vm_readv()/process_vm_writev() on our own pid,
 * which fail with EFAULT instead of raising SIGSEGV.  Where those calls
 * are not permitted (some sandboxes), a pipe serves the same purpose:
 * write() from a bad source or read() into a bad destination also fails
 * with EFAULT.  Copies go page by page so that the result is the exact
 * prefix that was accessible.
 */
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "host-abi.h"

#define PROBE_PAGE 4096UL

void host_abi_console_write(const char *text, unsigned long len)
{
	while (len) {
		ssize_t n = write(STDERR_FILENO, text, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		text += n;
		len -= n;
	}
}

void host_abi_abort(void)
{
	abort();
}

void host_abi_backtrace(void)
{
	void *frames[64];
	int n = backtrace(frames, 64);

	backtrace_symbols_fd(frames, n, STDERR_FILENO);
}

const char *host_abi_getenv(const char *name)
{
	return getenv(name);
}

int host_abi_getpid(void)
{
	return getpid();
}

int host_abi_gettid(void)
{
	return (int)syscall(SYS_gettid);
}

int host_abi_getrlimit(int resource, unsigned long *cur, unsigned long *max)
{
	struct rlimit rl;

	if (getrlimit(resource, &rl))
		return -1;
	*cur = rl.rlim_cur == RLIM_INFINITY ? ~0UL : (unsigned long)rl.rlim_cur;
	*max = rl.rlim_max == RLIM_INFINITY ? ~0UL : (unsigned long)rl.rlim_max;
	return 0;
}

unsigned int host_abi_getuid(void)
{
	return getuid();
}

int host_abi_symbolize(unsigned long addr, char *buf, unsigned long len)
{
	Dl_info info;

	if (len)
		buf[0] = '\0';
	if (!dladdr((void *)addr, &info) || !info.dli_sname)
		return -1;
	snprintf(buf, len, "%s+0x%lx", info.dli_sname, addr - (unsigned long)info.dli_saddr);
	return 0;
}

int host_abi_reserve_va(unsigned long addr, unsigned long len)
{
	void *p = mmap((void *)addr, len, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);

	if (p == MAP_FAILED)
		return -1;
	if ((unsigned long)p != addr) {
		munmap(p, len);
		return -1;
	}
	return 0;
}

void *host_abi_guard_region(unsigned long len, unsigned long accessible)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	if (accessible < len && mprotect(p + accessible, len - accessible, PROT_NONE)) {
		munmap(p, len);
		return NULL;
	}
	return p;
}

/* ---- probing copies ---- */

static int vm_calls_broken;
static pthread_mutex_t pipe_lock = PTHREAD_MUTEX_INITIALIZER;
static int probe_pipe[2] = { -1, -1 };

/* Length from p to the end of its page, capped at len. */
static unsigned long chunk_len(unsigned long p, unsigned long len)
{
	unsigned long room = PROBE_PAGE - (p & (PROBE_PAGE - 1));

	return room < len ? room : len;
}

/* 1: copied, 0: fault, -1: the syscall is unavailable */
static int vm_copy(void *dst, const void *src, unsigned long n, int to_remote)
{
	struct iovec local, remote;
	ssize_t r;

	if (__atomic_load_n(&vm_calls_broken, __ATOMIC_RELAXED))
		return -1;
	if (to_remote) {
		local.iov_base = (void *)src;
		remote.iov_base = dst;
	} else {
		local.iov_base = dst;
		remote.iov_base = (void *)src;
	}
	local.iov_len = n;
	remote.iov_len = n;
	r = to_remote ? process_vm_writev(getpid(), &local, 1, &remote, 1, 0) :
			process_vm_readv(getpid(), &local, 1, &remote, 1, 0);
	if (r == (ssize_t)n)
		return 1;
	if (r < 0 && (errno == ENOSYS || errno == EPERM)) {
		__atomic_store_n(&vm_calls_broken, 1, __ATOMIC_RELAXED);
		return -1;
	}
	return 0;
}

static int pipe_ready(void)
{
	if (probe_pipe[0] >= 0)
		return 1;
	if (pipe2(probe_pipe, O_CLOEXEC | O_NONBLOCK))
		return 0;
	return 1;
}

static void pipe_drain(void)
{
	char junk[256];

	while (read(probe_pipe[0], junk, sizeof(junk)) > 0)
		;
}

/* The pipe fallback: the kernel validates user pointers of read()/write(). */
static int pipe_copy(void *dst, const void *src, unsigned long n)
{
	int ok = 0;

	pthread_mutex_lock(&pipe_lock);
	if (pipe_ready() && write(probe_pipe[1], src, n) == (ssize_t)n)
		ok = read(probe_pipe[0], dst, n) == (ssize_t)n;
	pipe_drain();
	pthread_mutex_unlock(&pipe_lock);
	return ok;
}

static unsigned long probe_copy(void *dst, const void *src, unsigned long len, int to_remote)
{
	unsigned long done = 0;

	while (done < len) {
		unsigned long at = (unsigned long)(to_remote ? dst : src) + done;
		unsigned long n = chunk_len(at, len - done);
		int r;

		if (at < PROBE_PAGE)
			break;
		r = vm_copy((char *)dst + done, (const char *)src + done, n, to_remote);
		if (r < 0)
			r = pipe_copy((char *)dst + done, (const char *)src + done, n);
		if (r <= 0)
			break;
		done += n;
	}
	return done;
}

unsigned long host_abi_probe_read(void *dst, const void *src, unsigned long len)
{
	return probe_copy(dst, src, len, 0);
}

unsigned long host_abi_probe_write(void *dst, const void *src, unsigned long len)
{
	return probe_copy(dst, src, len, 1);
}
