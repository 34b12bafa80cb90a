/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers of the project's own iommufd uapi selftests.  They wrap one
 * ioctl each and return its result as 0 or -errno, so that tests can
 * compare errno values directly.
 */
#ifndef _IOMMUFD_UAPI_TEST_H
#define _IOMMUFD_UAPI_TEST_H

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/iommufd.h>

#include "kselftest_harness.h"
#include "../../../../drivers/iommu/iommufd/iommufd_test.h"

#define PAGE_SZ		4096UL
#define BUF_PAGES	16
#define BUF_SIZE	(BUF_PAGES * PAGE_SZ)

/* The ioctl result as 0 (or the positive value) or -errno. */
static inline long sys_ioctl(int fd, unsigned long cmd, void *arg)
{
	int ret = ioctl(fd, cmd, arg);

	return ret < 0 ? -errno : ret;
}

static inline int iommufd_open(void)
{
	return open("/dev/iommu", O_RDWR | O_CLOEXEC);
}

static inline long ioas_alloc(int fd, __u32 *id)
{
	struct iommu_ioas_alloc cmd = { .size = sizeof(cmd) };
	long ret = sys_ioctl(fd, IOMMU_IOAS_ALLOC, &cmd);

	if (!ret)
		*id = cmd.out_ioas_id;
	return ret;
}

static inline long obj_destroy(int fd, __u32 id)
{
	struct iommu_destroy cmd = { .size = sizeof(cmd), .id = id };

	return sys_ioctl(fd, IOMMU_DESTROY, &cmd);
}

static inline long ioas_map(int fd, __u32 ioas, void *va, __u64 len, __u64 *iova,
			    __u32 flags)
{
	struct iommu_ioas_map cmd = {
		.size = sizeof(cmd),
		.flags = flags,
		.ioas_id = ioas,
		.user_va = (uintptr_t)va,
		.length = len,
		.iova = iova ? *iova : 0,
	};
	long ret = sys_ioctl(fd, IOMMU_IOAS_MAP, &cmd);

	if (!ret && iova)
		*iova = cmd.iova;
	return ret;
}

#define MAP_RW	(IOMMU_IOAS_MAP_READABLE | IOMMU_IOAS_MAP_WRITEABLE)

static inline long ioas_unmap(int fd, __u32 ioas, __u64 iova, __u64 len, __u64 *unmapped)
{
	struct iommu_ioas_unmap cmd = {
		.size = sizeof(cmd), .ioas_id = ioas, .iova = iova, .length = len,
	};
	long ret = sys_ioctl(fd, IOMMU_IOAS_UNMAP, &cmd);

	if (!ret && unmapped)
		*unmapped = cmd.length;
	return ret;
}

static inline long mock_device(int fd, __u32 pt, __u32 dev_flags, __u32 *stdev,
			       __u32 *hwpt, __u32 *idev)
{
	struct iommu_test_cmd cmd = {
		.size = sizeof(cmd),
		.op = IOMMU_TEST_OP_MOCK_DOMAIN_FLAGS,
		.id = pt,
		.mock_domain_flags = { .dev_flags = dev_flags },
	};
	long ret = sys_ioctl(fd, IOMMU_TEST_CMD, &cmd);

	if (!ret) {
		if (stdev)
			*stdev = cmd.mock_domain_flags.out_stdev_id;
		if (hwpt)
			*hwpt = cmd.mock_domain_flags.out_hwpt_id;
		if (idev)
			*idev = cmd.mock_domain_flags.out_idev_id;
	}
	return ret;
}

static inline long hwpt_alloc(int fd, __u32 dev, __u32 pt, __u32 flags, __u32 type,
			      void *data, __u32 len, __u32 *out)
{
	struct iommu_hwpt_alloc cmd = {
		.size = sizeof(cmd),
		.flags = flags,
		.dev_id = dev,
		.pt_id = pt,
		.data_type = type,
		.data_len = len,
		.data_uptr = (uintptr_t)data,
	};
	long ret = sys_ioctl(fd, IOMMU_HWPT_ALLOC, &cmd);

	if (!ret && out)
		*out = cmd.out_hwpt_id;
	return ret;
}

static inline long check_refs(int fd, void *buf, __u64 len, __u32 refs)
{
	struct iommu_test_cmd cmd = {
		.size = sizeof(cmd),
		.op = IOMMU_TEST_OP_MD_CHECK_REFS,
		.check_refs = { .length = len, .uptr = (uintptr_t)buf, .refs = refs },
	};

	return sys_ioctl(fd, IOMMU_TEST_CMD, &cmd);
}

/*
 * Live allocations of the kernel instance behind the preload library, or
 * -1 where that is not available (a real Linux kernel).
 */
static inline long kernel_allocations(void)
{
	char buf[32] = {};
	long n = -1;
	int fd;

	fd = open("/proc/iommu-host/allocations", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (pread(fd, buf, sizeof(buf) - 1, 0) > 0)
		n = strtol(buf, NULL, 10);
	close(fd);
	return n;
}

#endif /* _IOMMUFD_UAPI_TEST_H */
