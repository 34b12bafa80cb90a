// SPDX-License-Identifier: GPL-2.0
/*
 * The iommufd uapi contract, seen from userspace: the errno of every
 * malformed request (wrong sizes, unknown flags, non-zero reserved fields,
 * bad ids, overflowing ranges, bad user pointers), errnos that drivers
 * return passed through unchanged, descriptor semantics of the iommufd and
 * of the files it creates, and that nothing is left behind once every
 * descriptor is closed.
 *
 * Runs on Linux with CONFIG_IOMMUFD_TEST and through iommu-run.
 */
#include <poll.h>
#include <stddef.h>
#include <sys/syscall.h>

#include "iommufd_uapi.h"

static void *buffer;

static __attribute__((constructor)) void setup_buffer(void)
{
	buffer = mmap(NULL, BUF_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
		      -1, 0);
	if (buffer == MAP_FAILED)
		buffer = NULL;
	else
		memset(buffer, 0x5a, BUF_SIZE);
}

/* ---------------------------------------------------------------------------
 * Sizes: every command reads a leading size, refuses one below the minimum
 * (EINVAL) and one above its struct with non-zero trailing bytes (E2BIG).
 */

/**
 * struct cmd_size - size rules of one command
 * @cmd: the ioctl number
 * @min: the smallest accepted size
 * @full: sizeof the current struct
 * @name: for messages
 */
struct cmd_size {
	unsigned long cmd;
	__u32 min;
	__u32 full;
	const char *name;
};

/* The minimum sizes are the ABI: the struct up to its last original field. */
#define CMD_SIZE(c, min, type) { c, min, sizeof(type), #c }

static const struct cmd_size cmd_sizes[] = {
	CMD_SIZE(IOMMU_DESTROY, 8, struct iommu_destroy),
	CMD_SIZE(IOMMU_IOAS_ALLOC, 12, struct iommu_ioas_alloc),
	CMD_SIZE(IOMMU_IOAS_ALLOW_IOVAS, 24, struct iommu_ioas_allow_iovas),
	CMD_SIZE(IOMMU_IOAS_COPY, 40, struct iommu_ioas_copy),
	CMD_SIZE(IOMMU_IOAS_IOVA_RANGES, 32, struct iommu_ioas_iova_ranges),
	CMD_SIZE(IOMMU_IOAS_MAP, 40, struct iommu_ioas_map),
	CMD_SIZE(IOMMU_IOAS_UNMAP, 24, struct iommu_ioas_unmap),
	CMD_SIZE(IOMMU_OPTION, 24, struct iommu_option),
	CMD_SIZE(IOMMU_VFIO_IOAS, 12, struct iommu_vfio_ioas),
	CMD_SIZE(IOMMU_HWPT_ALLOC, 24, struct iommu_hwpt_alloc),
	CMD_SIZE(IOMMU_GET_HW_INFO, 32, struct iommu_hw_info),
	CMD_SIZE(IOMMU_HWPT_SET_DIRTY_TRACKING, 16, struct iommu_hwpt_set_dirty_tracking),
	CMD_SIZE(IOMMU_HWPT_GET_DIRTY_BITMAP, 48, struct iommu_hwpt_get_dirty_bitmap),
	CMD_SIZE(IOMMU_HWPT_INVALIDATE, 32, struct iommu_hwpt_invalidate),
	CMD_SIZE(IOMMU_FAULT_QUEUE_ALLOC, 16, struct iommu_fault_alloc),
	CMD_SIZE(IOMMU_TEST_CMD, 68, struct iommu_test_cmd),
};

FIXTURE(uapi_size) {
	int fd;
};

FIXTURE_SETUP(uapi_size)
{
	self->fd = iommufd_open();
	ASSERT_LE(0, self->fd);
}

FIXTURE_TEARDOWN(uapi_size)
{
	close(self->fd);
}

TEST_F(uapi_size, below_minimum)
{
	__u8 buf[256];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cmd_sizes); i++) {
		memset(buf, 0, sizeof(buf));
		*(__u32 *)buf = cmd_sizes[i].min - 1;
		EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, cmd_sizes[i].cmd, buf))
			TH_LOG("%s with size %u", cmd_sizes[i].name, cmd_sizes[i].min - 1);
		/* A size of 0 and of 4 (only the size field) are below too. */
		*(__u32 *)buf = 0;
		EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, cmd_sizes[i].cmd, buf));
	}
}

TEST_F(uapi_size, nonzero_tail)
{
	__u8 buf[512];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cmd_sizes); i++) {
		memset(buf, 0, sizeof(buf));
		*(__u32 *)buf = sizeof(buf);
		buf[sizeof(buf) - 1] = 1;
		EXPECT_EQ(-E2BIG, sys_ioctl(self->fd, cmd_sizes[i].cmd, buf))
			TH_LOG("%s with a non-zero byte at %zu", cmd_sizes[i].name,
			       sizeof(buf) - 1);
		/* The first byte past the struct is checked as well. */
		buf[sizeof(buf) - 1] = 0;
		buf[cmd_sizes[i].full] = 0x80;
		EXPECT_EQ(-E2BIG, sys_ioctl(self->fd, cmd_sizes[i].cmd, buf))
			TH_LOG("%s with a non-zero byte at %u", cmd_sizes[i].name,
			       cmd_sizes[i].full);
	}
}

TEST_F(uapi_size, zero_tail_accepted)
{
	struct {
		struct iommu_ioas_alloc cmd;
		__u8 tail[64];
	} big = { .cmd = { .size = sizeof(big) } };
	struct iommu_ioas_alloc min = { .size = sizeof(min) };

	/* A longer struct with a zero tail behaves as the current one. */
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_IOAS_ALLOC, &big));
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_IOAS_ALLOC, &min));
	EXPECT_EQ(big.cmd.out_ioas_id + 1, min.out_ioas_id);
}

TEST_F(uapi_size, bad_pointer)
{
	size_t i;

	/* The size is read first: every command faults on a NULL argument. */
	for (i = 0; i < ARRAY_SIZE(cmd_sizes); i++)
		EXPECT_EQ(-EFAULT, sys_ioctl(self->fd, cmd_sizes[i].cmd, NULL))
			TH_LOG("%s", cmd_sizes[i].name);
	/* ...as does an unused number inside the iommufd range. */
	EXPECT_EQ(-EFAULT, sys_ioctl(self->fd, _IO(IOMMUFD_TYPE, 0x8f), NULL));
}

TEST_F(uapi_size, unknown_command)
{
	struct iommu_destroy cmd = { .size = sizeof(cmd) };

	EXPECT_EQ(-ENOTTY, sys_ioctl(self->fd, _IO(IOMMUFD_TYPE, 0x8f), &cmd));
	EXPECT_EQ(-ENOTTY, sys_ioctl(self->fd, _IO(IOMMUFD_TYPE, 0x9f), &cmd));
	/* Below the range: the VFIO compatibility commands, none matches. */
	EXPECT_EQ(-ENOTTY, sys_ioctl(self->fd, _IO(IOMMUFD_TYPE, 0x7f), &cmd));
	/* Another ioctl type altogether. */
	EXPECT_EQ(-ENOTTY, sys_ioctl(self->fd, _IO('X', 0x80), &cmd));
}

/* ---------------------------------------------------------------------------
 * Field validation of each command, without and with a device.
 */

FIXTURE(uapi) {
	int fd;
	__u32 ioas_id;
	__u32 stdev_id;
	__u32 hwpt_id;
	__u32 idev_id;
};

FIXTURE_VARIANT(uapi) {
	bool device;
};

FIXTURE_VARIANT_ADD(uapi, no_device) {
	.device = false,
};

FIXTURE_VARIANT_ADD(uapi, mock_device) {
	.device = true,
};

FIXTURE_SETUP(uapi)
{
	self->fd = iommufd_open();
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, ioas_alloc(self->fd, &self->ioas_id));
	if (variant->device)
		ASSERT_EQ(0, mock_device(self->fd, self->ioas_id, 0, &self->stdev_id,
					 &self->hwpt_id, &self->idev_id));
}

FIXTURE_TEARDOWN(uapi)
{
	int fd;

	close(self->fd);
	/* Every pin is gone as soon as the last descriptor is closed. */
	fd = iommufd_open();
	if (fd >= 0) {
		EXPECT_EQ(0, check_refs(fd, buffer, BUF_SIZE, 0));
		close(fd);
	}
}

TEST_F(uapi, ioas_alloc_flags)
{
	struct iommu_ioas_alloc cmd = { .size = sizeof(cmd), .flags = 1 };

	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_IOAS_ALLOC, &cmd));
	cmd.flags = 1U << 31;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_IOAS_ALLOC, &cmd));
}

TEST_F(uapi, destroy)
{
	__u32 ioas;

	EXPECT_EQ(-ENOENT, obj_destroy(self->fd, 0));
	EXPECT_EQ(-ENOENT, obj_destroy(self->fd, 0x7fffffff));
	ASSERT_EQ(0, ioas_alloc(self->fd, &ioas));
	EXPECT_EQ(0, obj_destroy(self->fd, ioas));
	EXPECT_EQ(-ENOENT, obj_destroy(self->fd, ioas));
	if (!variant->device)
		return;
	/* In use: the IOAS by the device's page table, the device by its driver. */
	EXPECT_EQ(-EBUSY, obj_destroy(self->fd, self->ioas_id));
	EXPECT_EQ(-EBUSY, obj_destroy(self->fd, self->hwpt_id));
	EXPECT_EQ(-EBUSY, obj_destroy(self->fd, self->idev_id));
	/* Destroying the selftest device releases all three. */
	EXPECT_EQ(0, obj_destroy(self->fd, self->stdev_id));
	EXPECT_EQ(-ENOENT, obj_destroy(self->fd, self->hwpt_id));
	EXPECT_EQ(-ENOENT, obj_destroy(self->fd, self->idev_id));
	EXPECT_EQ(0, obj_destroy(self->fd, self->ioas_id));
}

TEST_F(uapi, map_fields)
{
	struct iommu_ioas_map cmd = {
		.size = sizeof(cmd),
		.flags = MAP_RW,
		.ioas_id = self->ioas_id,
		.user_va = (uintptr_t)buffer,
		.length = BUF_SIZE,
	};
	struct iommu_ioas_map c;

	c = cmd;
	c.flags |= 1 << 3;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	c = cmd;
	c.__reserved = 1;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	c = cmd;
	c.length = UINT64_MAX;
	EXPECT_EQ(-EOVERFLOW, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	c = cmd;
	c.flags |= IOMMU_IOAS_MAP_FIXED_IOVA;
	c.iova = UINT64_MAX;
	EXPECT_EQ(-EOVERFLOW, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	/* Neither readable nor writeable. */
	c = cmd;
	c.flags = 0;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	c.flags = IOMMU_IOAS_MAP_FIXED_IOVA;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	c = cmd;
	c.ioas_id = 0;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	c.ioas_id = self->ioas_id + 1000;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	/* An id of another object type is no IOAS either. */
	if (variant->device) {
		c.ioas_id = self->hwpt_id;
		EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	}
	c = cmd;
	c.length = 0;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	/* The user range itself wraps around. */
	c = cmd;
	c.user_va = UINT64_MAX - PAGE_SZ + 1;
	c.length = 2 * PAGE_SZ;
	EXPECT_EQ(-EOVERFLOW, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));

	/* A valid request, echoed back with the chosen IOVA. */
	c = cmd;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	EXPECT_NE(0, c.iova);
	EXPECT_EQ(0, c.iova % PAGE_SZ);
	EXPECT_EQ(BUF_SIZE, c.length);
	/* The same fixed IOVA again overlaps. */
	c.flags |= IOMMU_IOAS_MAP_FIXED_IOVA;
	EXPECT_EQ(-EEXIST, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
	c.iova += PAGE_SZ;
	EXPECT_EQ(-EEXIST, sys_ioctl(self->fd, IOMMU_IOAS_MAP, &c));
}

TEST_F(uapi, map_bad_user_memory)
{
	__u64 iova = 0;
	void *hole;

	hole = mmap(NULL, 4 * PAGE_SZ, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, hole);
	ASSERT_EQ(0, munmap(hole, 4 * PAGE_SZ));
	if (variant->device) {
		/* A domain needs the pages now: unmapped memory faults. */
		EXPECT_EQ(-EFAULT, ioas_map(self->fd, self->ioas_id, hole, 4 * PAGE_SZ,
					    &iova, MAP_RW));
	} else {
		/* Without a domain nothing is pinned until someone needs it. */
		EXPECT_EQ(0, ioas_map(self->fd, self->ioas_id, hole, 4 * PAGE_SZ,
				      &iova, MAP_RW));
		EXPECT_EQ(0, ioas_unmap(self->fd, self->ioas_id, iova, 4 * PAGE_SZ, NULL));
	}
}

TEST_F(uapi, unmap_fields)
{
	__u64 iova = 0, unmapped = 0;

	EXPECT_EQ(-ENOENT, ioas_unmap(self->fd, 0, 0, PAGE_SZ, NULL));
	EXPECT_EQ(-EINVAL, ioas_unmap(self->fd, self->ioas_id, 0, 0, NULL));
	EXPECT_EQ(-EOVERFLOW, ioas_unmap(self->fd, self->ioas_id, UINT64_MAX, PAGE_SZ, NULL));
	EXPECT_EQ(-EOVERFLOW, ioas_unmap(self->fd, self->ioas_id, PAGE_SZ, UINT64_MAX - 1, NULL));
	EXPECT_EQ(-ENOENT, ioas_unmap(self->fd, self->ioas_id, 0, UINT64_MAX - 1, NULL));
	/* Nothing there to unmap. */
	EXPECT_EQ(-ENOENT, ioas_unmap(self->fd, self->ioas_id, 1UL << 24, PAGE_SZ, NULL));
	/* Unmap-all is the one request that succeeds on an empty IOAS. */
	EXPECT_EQ(0, ioas_unmap(self->fd, self->ioas_id, 0, UINT64_MAX, &unmapped));
	EXPECT_EQ(0, unmapped);

	ASSERT_EQ(0, ioas_map(self->fd, self->ioas_id, buffer, BUF_SIZE, &iova, MAP_RW));
	/* Areas are unmapped whole or not at all. */
	EXPECT_EQ(-ENOENT, ioas_unmap(self->fd, self->ioas_id, iova, PAGE_SZ, NULL));
	EXPECT_EQ(-ENOENT, ioas_unmap(self->fd, self->ioas_id, iova + PAGE_SZ,
				      BUF_SIZE - PAGE_SZ, NULL));
	EXPECT_EQ(0, ioas_unmap(self->fd, self->ioas_id, iova - PAGE_SZ, BUF_SIZE + 2 * PAGE_SZ,
				&unmapped));
	EXPECT_EQ(BUF_SIZE, unmapped);
	EXPECT_EQ(-ENOENT, ioas_unmap(self->fd, self->ioas_id, iova, BUF_SIZE, NULL));
}

TEST_F(uapi, iova_ranges)
{
	struct iommu_iova_range ranges[4];
	struct iommu_ioas_iova_ranges cmd = {
		.size = sizeof(cmd),
		.ioas_id = self->ioas_id,
	};
	__u32 want = 1;

	/* Too small a buffer: EMSGSIZE, with the count written back. */
	EXPECT_EQ(-EMSGSIZE, sys_ioctl(self->fd, IOMMU_IOAS_IOVA_RANGES, &cmd));
	EXPECT_EQ(want, cmd.num_iovas);
	EXPECT_EQ(variant->device ? 2048 : 1, cmd.out_iova_alignment);

	cmd.num_iovas = 4;
	cmd.allowed_iovas = (uintptr_t)ranges;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_IOAS_IOVA_RANGES, &cmd));
	EXPECT_EQ(want, cmd.num_iovas);
	if (variant->device) {
		EXPECT_EQ(MOCK_APERTURE_START, ranges[0].start);
		EXPECT_EQ(MOCK_APERTURE_LAST, ranges[0].last);
	} else {
		EXPECT_EQ(0, ranges[0].start);
		EXPECT_EQ(UINT64_MAX, ranges[0].last);
	}

	cmd.allowed_iovas = 8;
	EXPECT_EQ(-EFAULT, sys_ioctl(self->fd, IOMMU_IOAS_IOVA_RANGES, &cmd));
	cmd.allowed_iovas = (uintptr_t)ranges;
	cmd.__reserved = 1;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_IOAS_IOVA_RANGES, &cmd));
	cmd.__reserved = 0;
	cmd.ioas_id = 0;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_IOAS_IOVA_RANGES, &cmd));
}

TEST_F(uapi, allow_iovas)
{
	struct iommu_iova_range ranges[2];
	struct iommu_ioas_allow_iovas cmd = {
		.size = sizeof(cmd),
		.ioas_id = self->ioas_id,
		.num_iovas = 1,
		.allowed_iovas = (uintptr_t)ranges,
	};
	struct iommu_test_cmd resv = {
		.size = sizeof(resv),
		.op = IOMMU_TEST_OP_ADD_RESERVED,
		.id = self->ioas_id,
		.add_reserved = { .start = 1UL << 28, .length = PAGE_SZ },
	};

	/* A range is [start, last] and must hold at least two bytes. */
	ranges[0].start = 1UL << 26;
	ranges[0].last = 1UL << 26;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_IOAS_ALLOW_IOVAS, &cmd));
	ranges[0].last = (1UL << 26) - 1;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_IOAS_ALLOW_IOVAS, &cmd));
	/* Overlapping entries. */
	cmd.num_iovas = 2;
	ranges[0].last = (1UL << 27) - 1;
	ranges[1].start = (1UL << 27) - PAGE_SZ;
	ranges[1].last = 1UL << 28;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_IOAS_ALLOW_IOVAS, &cmd));
	cmd.allowed_iovas = 8;
	EXPECT_EQ(-EFAULT, sys_ioctl(self->fd, IOMMU_IOAS_ALLOW_IOVAS, &cmd));
	cmd.allowed_iovas = (uintptr_t)ranges;
	cmd.__reserved = 1;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_IOAS_ALLOW_IOVAS, &cmd));
	cmd.__reserved = 0;
	cmd.ioas_id = 0;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_IOAS_ALLOW_IOVAS, &cmd));
	cmd.ioas_id = self->ioas_id;

	/* An allowed range may not cover a reserved one, nor the reverse. */
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_TEST_CMD, &resv));
	cmd.num_iovas = 1;
	ranges[0].start = 1UL << 27;
	ranges[0].last = (1UL << 29) - 1;
	EXPECT_EQ(-EADDRINUSE, sys_ioctl(self->fd, IOMMU_IOAS_ALLOW_IOVAS, &cmd));
	ranges[0].last = (1UL << 28) - 1;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_IOAS_ALLOW_IOVAS, &cmd));
	resv.add_reserved.start = 1UL << 27;
	EXPECT_EQ(-EADDRINUSE, sys_ioctl(self->fd, IOMMU_TEST_CMD, &resv));
	/* No ranges at all clears the list. */
	cmd.num_iovas = 0;
	EXPECT_EQ(0, sys_ioctl(self->fd, IOMMU_IOAS_ALLOW_IOVAS, &cmd));
	EXPECT_EQ(0, sys_ioctl(self->fd, IOMMU_TEST_CMD, &resv));
}

TEST_F(uapi, copy_fields)
{
	struct iommu_ioas_copy cmd = {
		.size = sizeof(cmd),
		.flags = MAP_RW,
		.dst_ioas_id = self->ioas_id,
		.src_ioas_id = self->ioas_id,
		.length = BUF_SIZE,
	};
	struct iommu_ioas_copy c;
	__u64 iova = 0;

	c = cmd;
	c.flags |= 1 << 3;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_IOAS_COPY, &c));
	c = cmd;
	c.flags = 0;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_IOAS_COPY, &c));
	c = cmd;
	c.length = UINT64_MAX;
	EXPECT_EQ(-EOVERFLOW, sys_ioctl(self->fd, IOMMU_IOAS_COPY, &c));
	c = cmd;
	c.src_ioas_id = 0;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_IOAS_COPY, &c));
	/* Nothing mapped at the source. */
	c = cmd;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_IOAS_COPY, &c));

	ASSERT_EQ(0, ioas_map(self->fd, self->ioas_id, buffer, BUF_SIZE, &iova,
			      IOMMU_IOAS_MAP_READABLE));
	c = cmd;
	c.src_iova = iova;
	c.length = 0;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_IOAS_COPY, &c));
	c.length = BUF_SIZE + PAGE_SZ;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_IOAS_COPY, &c));
	c.length = BUF_SIZE;
	c.dst_ioas_id = 0;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_IOAS_COPY, &c));
	/* A read-only source cannot become writeable. */
	c.dst_ioas_id = self->ioas_id;
	EXPECT_EQ(-EPERM, sys_ioctl(self->fd, IOMMU_IOAS_COPY, &c));
	c.flags = IOMMU_IOAS_MAP_READABLE;
	EXPECT_EQ(0, sys_ioctl(self->fd, IOMMU_IOAS_COPY, &c));
	EXPECT_NE(iova, c.dst_iova);
}

TEST_F(uapi, option_fields)
{
	struct iommu_option cmd = {
		.size = sizeof(cmd),
		.option_id = IOMMU_OPTION_HUGE_PAGES,
		.op = IOMMU_OPTION_OP_GET,
		.object_id = self->ioas_id,
	};
	struct iommu_option c;

	c = cmd;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_OPTION, &c));
	EXPECT_EQ(1, c.val64);
	c = cmd;
	c.__reserved = 1;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_OPTION, &c));
	c = cmd;
	c.option_id = 77;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_OPTION, &c));
	c = cmd;
	c.object_id = 0;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_OPTION, &c));
	c = cmd;
	c.op = 7;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_OPTION, &c));
	c = cmd;
	c.op = IOMMU_OPTION_OP_SET;
	c.val64 = 2;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_OPTION, &c));
	/* The process-wide option takes no object. */
	c = cmd;
	c.option_id = IOMMU_OPTION_RLIMIT_MODE;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_OPTION, &c));
	c.object_id = 0;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_OPTION, &c));
	EXPECT_EQ(0, c.val64);
	/* Objects exist already: the accounting mode is fixed (or not ours). */
	c.op = IOMMU_OPTION_OP_SET;
	c.val64 = 1;
	EXPECT_EQ(geteuid() == 0 ? -EBUSY : -EPERM, sys_ioctl(self->fd, IOMMU_OPTION, &c));
}

TEST_F(uapi, vfio_ioas_fields)
{
	struct iommu_vfio_ioas cmd = {
		.size = sizeof(cmd),
		.op = IOMMU_VFIO_IOAS_GET,
	};

	EXPECT_EQ(-ENODEV, sys_ioctl(self->fd, IOMMU_VFIO_IOAS, &cmd));
	cmd.op = IOMMU_VFIO_IOAS_SET;
	cmd.ioas_id = 0;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_VFIO_IOAS, &cmd));
	cmd.op = 3;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_VFIO_IOAS, &cmd));
	cmd.op = IOMMU_VFIO_IOAS_SET;
	cmd.ioas_id = self->ioas_id;
	cmd.__reserved = 1;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_VFIO_IOAS, &cmd));
	cmd.__reserved = 0;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_VFIO_IOAS, &cmd));
	cmd.op = IOMMU_VFIO_IOAS_GET;
	cmd.ioas_id = 0;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_VFIO_IOAS, &cmd));
	EXPECT_EQ(self->ioas_id, cmd.ioas_id);
	cmd.op = IOMMU_VFIO_IOAS_CLEAR;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_VFIO_IOAS, &cmd));
	cmd.op = IOMMU_VFIO_IOAS_GET;
	EXPECT_EQ(-ENODEV, sys_ioctl(self->fd, IOMMU_VFIO_IOAS, &cmd));
}

TEST_F(uapi, hwpt_alloc_fields)
{
	struct iommu_hwpt_selftest data = { .iotlb = IOMMU_TEST_IOTLB_DEFAULT };
	struct iommu_hwpt_alloc cmd = {
		.size = sizeof(cmd),
		.dev_id = self->idev_id,
		.pt_id = self->ioas_id,
	};
	struct iommu_hwpt_alloc c;
	__u32 hwpt, parent;

	c = cmd;
	c.__reserved = 1;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_HWPT_ALLOC, &c));
	/* Data without a type, or a type without data. */
	c = cmd;
	c.data_len = sizeof(data);
	c.data_uptr = (uintptr_t)&data;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_HWPT_ALLOC, &c));
	c = cmd;
	c.data_type = IOMMU_HWPT_DATA_SELFTEST;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_HWPT_ALLOC, &c));
	if (!variant->device) {
		EXPECT_EQ(-ENOENT, hwpt_alloc(self->fd, 0, self->ioas_id, 0, 0, NULL, 0, NULL));
		return;
	}
	EXPECT_EQ(-ENOENT, hwpt_alloc(self->fd, 0, self->ioas_id, 0, 0, NULL, 0, NULL));
	EXPECT_EQ(-ENOENT, hwpt_alloc(self->fd, self->ioas_id, self->ioas_id, 0, 0, NULL, 0,
				      NULL));
	/* A page table id that does not resolve is EINVAL, not ENOENT. */
	EXPECT_EQ(-EINVAL, hwpt_alloc(self->fd, self->idev_id, 0, 0, 0, NULL, 0, NULL));
	EXPECT_EQ(-EINVAL, hwpt_alloc(self->fd, self->idev_id, self->idev_id, 0, 0, NULL, 0,
				      NULL));
	EXPECT_EQ(-EOPNOTSUPP, hwpt_alloc(self->fd, self->idev_id, self->ioas_id, 1U << 7, 0,
					  NULL, 0, NULL));
	/* A fault queue belongs to nested tables only. */
	EXPECT_EQ(-EOPNOTSUPP, hwpt_alloc(self->fd, self->idev_id, self->ioas_id,
					  IOMMU_HWPT_FAULT_ID_VALID, 0, NULL, 0, NULL));

	/* Nesting needs a parent made for it. */
	ASSERT_EQ(0, hwpt_alloc(self->fd, self->idev_id, self->ioas_id, 0, 0, NULL, 0, &hwpt));
	EXPECT_EQ(-EINVAL, hwpt_alloc(self->fd, self->idev_id, hwpt, 0,
				      IOMMU_HWPT_DATA_SELFTEST, &data, sizeof(data), NULL));
	ASSERT_EQ(0, hwpt_alloc(self->fd, self->idev_id, self->ioas_id,
				IOMMU_HWPT_ALLOC_NEST_PARENT, 0, NULL, 0, &parent));
	/* Nested data must have exactly the driver's size. */
	EXPECT_EQ(-EINVAL, hwpt_alloc(self->fd, self->idev_id, parent, 0,
				      IOMMU_HWPT_DATA_SELFTEST, &data, sizeof(data) + 1, NULL));
	EXPECT_EQ(-EFAULT, hwpt_alloc(self->fd, self->idev_id, parent, 0,
				      IOMMU_HWPT_DATA_SELFTEST, NULL, sizeof(data), NULL));
	EXPECT_EQ(-ENOENT, hwpt_alloc(self->fd, self->idev_id, parent,
				      IOMMU_HWPT_FAULT_ID_VALID, IOMMU_HWPT_DATA_SELFTEST,
				      &data, sizeof(data), NULL));
	EXPECT_EQ(0, obj_destroy(self->fd, hwpt));
	EXPECT_EQ(0, obj_destroy(self->fd, parent));
}

TEST_F(uapi, hw_info_fields)
{
	struct iommu_test_hw_info info;
	struct iommu_hw_info cmd = {
		.size = sizeof(cmd),
		.dev_id = self->idev_id,
		.data_len = sizeof(info),
		.data_uptr = (uintptr_t)&info,
	};
	struct iommu_hw_info c;

	c = cmd;
	c.__reserved[1] = 1;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_GET_HW_INFO, &c));
	c = cmd;
	c.flags = 1U << 5;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_GET_HW_INFO, &c));
	c = cmd;
	c.dev_id = self->ioas_id;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_GET_HW_INFO, &c));
	if (!variant->device)
		return;
	c = cmd;
	c.data_uptr = 0;
	EXPECT_EQ(-EFAULT, sys_ioctl(self->fd, IOMMU_GET_HW_INFO, &c));
	/* Feature discovery: the mock reports its type, data and capabilities. */
	c = cmd;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_GET_HW_INFO, &c));
	EXPECT_EQ(IOMMU_HW_INFO_TYPE_SELFTEST, c.out_data_type);
	EXPECT_EQ(sizeof(info), c.data_len);
	EXPECT_EQ(IOMMU_HW_INFO_SELFTEST_REGVAL, info.test_reg);
	EXPECT_EQ(IOMMU_HW_CAP_DIRTY_TRACKING,
		  c.out_capabilities & IOMMU_HW_CAP_DIRTY_TRACKING);
	/* A zero-length query with no buffer reports the length needed. */
	c = cmd;
	c.data_len = 0;
	c.data_uptr = 0;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_GET_HW_INFO, &c));
	EXPECT_EQ(sizeof(info), c.data_len);
}

TEST_F(uapi, invalidate_fields)
{
	struct iommu_hwpt_invalidate_selftest inv = { .iotlb_id = 0 };
	struct iommu_hwpt_selftest data = { .iotlb = IOMMU_TEST_IOTLB_DEFAULT };
	struct iommu_hwpt_invalidate cmd = {
		.size = sizeof(cmd),
		.hwpt_id = self->hwpt_id,
		.data_uptr = (uintptr_t)&inv,
		.data_type = IOMMU_HWPT_INVALIDATE_DATA_SELFTEST,
		.entry_len = sizeof(inv),
		.entry_num = 1,
	};
	struct iommu_hwpt_invalidate c;
	__u32 parent, nested;

	c = cmd;
	c.__reserved = 1;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_HWPT_INVALIDATE, &c));
	c = cmd;
	c.data_uptr = 0;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_HWPT_INVALIDATE, &c));
	c = cmd;
	c.entry_len = 0;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_HWPT_INVALIDATE, &c));
	c = cmd;
	c.entry_len = PAGE_SZ + 1;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_HWPT_INVALIDATE, &c));
	/* Only nested tables are invalidated by userspace. */
	c = cmd;
	c.hwpt_id = variant->device ? self->hwpt_id : self->ioas_id;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_HWPT_INVALIDATE, &c));
	if (!variant->device)
		return;

	ASSERT_EQ(0, hwpt_alloc(self->fd, self->idev_id, self->ioas_id,
				IOMMU_HWPT_ALLOC_NEST_PARENT, 0, NULL, 0, &parent));
	ASSERT_EQ(0, hwpt_alloc(self->fd, self->idev_id, parent, 0, IOMMU_HWPT_DATA_SELFTEST,
				&data, sizeof(data), &nested));
	/* The driver's errnos come back as they are, with the count handled. */
	c = cmd;
	c.hwpt_id = nested;
	c.data_type = IOMMU_HWPT_INVALIDATE_DATA_SELFTEST_INVALID;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_HWPT_INVALIDATE, &c));
	EXPECT_EQ(0, c.entry_num);
	c = cmd;
	c.hwpt_id = nested;
	inv.iotlb_id = MOCK_NESTED_DOMAIN_IOTLB_ID_MAX + 1;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd, IOMMU_HWPT_INVALIDATE, &c));
	EXPECT_EQ(0, c.entry_num);
	c = cmd;
	c.hwpt_id = nested;
	inv.iotlb_id = 0;
	inv.flags = 1U << 4;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_HWPT_INVALIDATE, &c));
	EXPECT_EQ(0, c.entry_num);
	c = cmd;
	c.hwpt_id = nested;
	inv.flags = 0;
	EXPECT_EQ(0, sys_ioctl(self->fd, IOMMU_HWPT_INVALIDATE, &c));
	EXPECT_EQ(1, c.entry_num);
	/* Zero entries probe the type without touching anything. */
	c.entry_num = 0;
	c.data_uptr = 0;
	EXPECT_EQ(0, sys_ioctl(self->fd, IOMMU_HWPT_INVALIDATE, &c));
	EXPECT_EQ(-EBUSY, obj_destroy(self->fd, parent));
	EXPECT_EQ(0, obj_destroy(self->fd, nested));
	EXPECT_EQ(0, obj_destroy(self->fd, parent));
}

/* ---------------------------------------------------------------------------
 * Descriptors: the iommufd and the files it hands out behave as files.
 */

FIXTURE(uapi_fd) {
	int fd;
	__u32 ioas_id;
};

FIXTURE_SETUP(uapi_fd)
{
	self->fd = iommufd_open();
	ASSERT_LE(0, self->fd);
	ASSERT_EQ(0, ioas_alloc(self->fd, &self->ioas_id));
}

FIXTURE_TEARDOWN(uapi_fd)
{
	close(self->fd);
}

TEST_F(uapi_fd, driver_errno_passthrough)
{
	__u32 dirty_hwpt, parent, stdev, idev, stdev2, idev2;

	ASSERT_EQ(0, mock_device(self->fd, self->ioas_id, 0, &stdev, NULL, &idev));
	/* A device that cannot track dirty pages: the driver refuses both ways. */
	ASSERT_EQ(0, hwpt_alloc(self->fd, idev, self->ioas_id,
				IOMMU_HWPT_ALLOC_DIRTY_TRACKING, 0, NULL, 0, &dirty_hwpt));
	EXPECT_EQ(-EINVAL, mock_device(self->fd, dirty_hwpt, MOCK_FLAGS_DEVICE_NO_DIRTY,
				       NULL, NULL, NULL));
	ASSERT_EQ(0, mock_device(self->fd, self->ioas_id, MOCK_FLAGS_DEVICE_NO_DIRTY, &stdev2,
				 NULL, &idev2));
	EXPECT_EQ(-EOPNOTSUPP, hwpt_alloc(self->fd, idev2, self->ioas_id,
					  IOMMU_HWPT_ALLOC_DIRTY_TRACKING, 0, NULL, 0, NULL));
	/* Nested data of a type the driver does not know. */
	ASSERT_EQ(0, hwpt_alloc(self->fd, idev, self->ioas_id, IOMMU_HWPT_ALLOC_NEST_PARENT, 0,
				NULL, 0, &parent));
	EXPECT_EQ(-EOPNOTSUPP, hwpt_alloc(self->fd, idev, parent, 0, 0xbeef, &stdev,
					  sizeof(stdev), NULL));
	EXPECT_EQ(0, obj_destroy(self->fd, parent));
	/* Unknown device flags are refused by the test interface. */
	EXPECT_EQ(-EINVAL, mock_device(self->fd, self->ioas_id, 1U << 9, NULL, NULL, NULL));
	EXPECT_EQ(0, obj_destroy(self->fd, stdev2));
	EXPECT_EQ(0, obj_destroy(self->fd, stdev));
	EXPECT_EQ(0, obj_destroy(self->fd, dirty_hwpt));
}

TEST_F(uapi_fd, dup_shares_context)
{
	__u32 ioas;
	int fd2, fd3;

	fd2 = dup(self->fd);
	ASSERT_LE(0, fd2);
	fd3 = fcntl(self->fd, F_DUPFD_CLOEXEC, 100);
	ASSERT_LE(100, fd3);
	EXPECT_EQ(O_RDWR, fcntl(fd3, F_GETFL) & O_ACCMODE);
	EXPECT_EQ(FD_CLOEXEC, fcntl(fd3, F_GETFD));
	/* One context: objects made through one descriptor are seen by all. */
	ASSERT_EQ(0, ioas_alloc(fd2, &ioas));
	EXPECT_EQ(0, obj_destroy(fd3, ioas));
	EXPECT_EQ(0, close(self->fd));
	EXPECT_EQ(0, obj_destroy(fd2, self->ioas_id));
	EXPECT_EQ(0, close(fd2));
	EXPECT_EQ(-ENOENT, obj_destroy(fd3, self->ioas_id));
	self->fd = fd3;
	/* A closed descriptor is no longer an iommufd. */
	EXPECT_EQ(-EBADF, obj_destroy(fd2, 1));
}

TEST_F(uapi_fd, dup2_over_iommufd)
{
	struct iommu_destroy cmd = { .size = sizeof(cmd) };
	int other, devnull;

	other = iommufd_open();
	ASSERT_LE(0, other);
	devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, devnull);
	/* Replacing an iommufd by another file drops that iommufd. */
	ASSERT_EQ(other, dup2(devnull, other));
	EXPECT_EQ(-ENOTTY, sys_ioctl(other, IOMMU_DESTROY, &cmd));
	/* And the reverse: the number becomes an iommufd. */
	ASSERT_EQ(devnull, dup2(self->fd, devnull));
	EXPECT_EQ(0, obj_destroy(devnull, self->ioas_id));
	close(other);
	close(devnull);
}

TEST_F(uapi_fd, not_seekable)
{
	char c;

	EXPECT_EQ(-1, lseek(self->fd, 0, SEEK_SET));
	EXPECT_EQ(-1, read(self->fd, &c, 1));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, write(self->fd, &c, 1));
	EXPECT_EQ(EINVAL, errno);
}

TEST_F(uapi_fd, access_fd)
{
	struct iommu_test_cmd cmd = {
		.size = sizeof(cmd),
		.op = IOMMU_TEST_OP_CREATE_ACCESS,
		.id = self->ioas_id,
	};
	struct iommu_test_cmd pages = {
		.size = sizeof(pages),
		.op = IOMMU_TEST_OP_DESTROY_ACCESS_PAGES,
	};
	int access_fd;

	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_TEST_CMD, &cmd));
	access_fd = cmd.create_access.out_access_fd;
	EXPECT_EQ(FD_CLOEXEC, fcntl(access_fd, F_GETFD));
	/* The access holds the IOAS. */
	EXPECT_EQ(-EBUSY, obj_destroy(self->fd, self->ioas_id));
	pages.id = access_fd;
	pages.destroy_access_pages.access_pages_id = 5;
	EXPECT_EQ(-ENOENT, sys_ioctl(self->fd, IOMMU_TEST_CMD, &pages));
	/* Not an access file. */
	pages.id = self->fd;
	EXPECT_EQ(-EBADFD, sys_ioctl(self->fd, IOMMU_TEST_CMD, &pages));
	/* Closing the descriptor destroys the access at once. */
	EXPECT_EQ(0, close(access_fd));
	EXPECT_EQ(0, obj_destroy(self->fd, self->ioas_id));
	pages.id = access_fd;
	EXPECT_EQ(-EBADFD, sys_ioctl(self->fd, IOMMU_TEST_CMD, &pages));
}

TEST_F(uapi_fd, fault_fd)
{
	struct iommu_hwpt_selftest data = { .iotlb = IOMMU_TEST_IOTLB_DEFAULT };
	struct iommu_fault_alloc fault = { .size = sizeof(fault) };
	struct iommu_hwpt_page_response resp = { .cookie = 77, .code = 0 };
	struct iommu_hwpt_pgfault msg;
	struct iommu_test_cmd trig = {
		.size = sizeof(trig),
		.op = IOMMU_TEST_OP_TRIGGER_IOPF,
	};
	struct iommu_hwpt_alloc nested = {
		.size = sizeof(nested),
		.flags = IOMMU_HWPT_FAULT_ID_VALID,
		.data_type = IOMMU_HWPT_DATA_SELFTEST,
		.data_len = sizeof(data),
		.data_uptr = (uintptr_t)&data,
	};
	struct iommu_test_cmd replace = {
		.size = sizeof(replace),
		.op = IOMMU_TEST_OP_MOCK_DOMAIN_REPLACE,
	};
	__u32 stdev, idev, parent;
	struct pollfd pfd;

	fault.flags = 1;
	EXPECT_EQ(-EOPNOTSUPP, sys_ioctl(self->fd, IOMMU_FAULT_QUEUE_ALLOC, &fault));
	fault.flags = 0;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_FAULT_QUEUE_ALLOC, &fault));
	EXPECT_EQ(FD_CLOEXEC, fcntl(fault.out_fault_fd, F_GETFD));

	/* Whole records only, no positions, nothing queued reads as 0. */
	EXPECT_EQ(-1, read(fault.out_fault_fd, &msg, sizeof(msg) - 1));
	EXPECT_EQ(ESPIPE, errno);
	EXPECT_EQ(-1, pread(fault.out_fault_fd, &msg, sizeof(msg), 0));
	EXPECT_EQ(ESPIPE, errno);
	EXPECT_EQ(0, read(fault.out_fault_fd, &msg, sizeof(msg)));
	EXPECT_EQ(-1, write(fault.out_fault_fd, &resp, sizeof(resp) - 1));
	EXPECT_EQ(ESPIPE, errno);
	EXPECT_EQ(-1, write(fault.out_fault_fd, &resp, sizeof(resp)));
	EXPECT_EQ(EINVAL, errno);
	pfd.fd = fault.out_fault_fd;
	pfd.events = POLLIN | POLLOUT;
	EXPECT_EQ(1, poll(&pfd, 1, 0));
	EXPECT_EQ(POLLOUT, pfd.revents);

	/* A fault of a device on a nested table with this queue arrives. */
	ASSERT_EQ(0, mock_device(self->fd, self->ioas_id, 0, &stdev, NULL, &idev));
	ASSERT_EQ(0, hwpt_alloc(self->fd, idev, self->ioas_id, IOMMU_HWPT_ALLOC_NEST_PARENT, 0,
				NULL, 0, &parent));
	nested.dev_id = idev;
	nested.pt_id = parent;
	nested.fault_id = fault.out_fault_id;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_HWPT_ALLOC, &nested));
	replace.id = stdev;
	replace.mock_domain_replace.pt_id = nested.out_hwpt_id;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_TEST_CMD, &replace));
	trig.trigger_iopf.dev_id = idev;
	trig.trigger_iopf.grpid = 3;
	trig.trigger_iopf.perm = IOMMU_PGFAULT_PERM_READ;
	trig.trigger_iopf.addr = 0xdead0000;
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_TEST_CMD, &trig));
	EXPECT_EQ(1, poll(&pfd, 1, 1000));
	EXPECT_EQ(POLLIN | POLLOUT, pfd.revents);
	ASSERT_EQ(sizeof(msg), read(fault.out_fault_fd, &msg, sizeof(msg)));
	EXPECT_EQ(idev, msg.dev_id);
	EXPECT_EQ(3, msg.grpid);
	EXPECT_EQ(0xdead0000, msg.addr);
	resp.cookie = msg.cookie;
	resp.code = 2;
	EXPECT_EQ(-1, write(fault.out_fault_fd, &resp, sizeof(resp)));
	EXPECT_EQ(EINVAL, errno);
	resp.code = IOMMUFD_PAGE_RESP_SUCCESS;
	EXPECT_EQ(sizeof(resp), write(fault.out_fault_fd, &resp, sizeof(resp)));

	/* The open queue file holds the queue object. */
	EXPECT_EQ(0, obj_destroy(self->fd, stdev));
	EXPECT_EQ(0, obj_destroy(self->fd, nested.out_hwpt_id));
	EXPECT_EQ(-EBUSY, obj_destroy(self->fd, fault.out_fault_id));
	EXPECT_EQ(0, close(fault.out_fault_fd));
	EXPECT_EQ(0, obj_destroy(self->fd, fault.out_fault_id));
	EXPECT_EQ(0, obj_destroy(self->fd, parent));
}

TEST_F(uapi_fd, context_outlives_descriptor)
{
	struct iommu_test_cmd cmd = {
		.size = sizeof(cmd),
		.op = IOMMU_TEST_OP_CREATE_ACCESS,
		.id = self->ioas_id,
	};
	struct iommu_test_cmd rw = {
		.size = sizeof(rw),
		.op = IOMMU_TEST_OP_ACCESS_RW,
	};
	char out[16] = {};
	__u64 iova = 0;
	int fd2;

	ASSERT_EQ(0, ioas_map(self->fd, self->ioas_id, buffer, BUF_SIZE, &iova, MAP_RW));
	ASSERT_EQ(0, sys_ioctl(self->fd, IOMMU_TEST_CMD, &cmd));
	/* The access keeps the context alive after the iommufd is closed. */
	fd2 = iommufd_open();
	ASSERT_LE(0, fd2);
	EXPECT_EQ(0, close(self->fd));
	self->fd = fd2;
	rw.id = cmd.create_access.out_access_fd;
	rw.access_rw.iova = iova;
	rw.access_rw.length = sizeof(out);
	rw.access_rw.uptr = (uintptr_t)out;
	ASSERT_EQ(0, sys_ioctl(fd2, IOMMU_TEST_CMD, &rw));
	EXPECT_EQ(0, memcmp(out, buffer, sizeof(out)));
	EXPECT_EQ(0, close(cmd.create_access.out_access_fd));
}

/* ---------------------------------------------------------------------------
 * Nothing leaked: a full life cycle, repeated, leaves no kernel memory
 * behind (checked through the preload library's allocation counter; on
 * Linux only the pin counts are checked).
 */

static void life_cycle(struct __test_metadata *_metadata)
{
	struct iommu_hwpt_selftest data = { .iotlb = IOMMU_TEST_IOTLB_DEFAULT };
	struct iommu_fault_alloc fault = { .size = sizeof(fault) };
	struct iommu_test_cmd access = {
		.size = sizeof(access),
		.op = IOMMU_TEST_OP_CREATE_ACCESS,
		.create_access = { .flags = MOCK_FLAGS_ACCESS_CREATE_NEEDS_PIN_PAGES },
	};
	struct iommu_test_cmd pin = {
		.size = sizeof(pin),
		.op = IOMMU_TEST_OP_ACCESS_PAGES,
	};
	__u32 ioas, ioas2, stdev, idev, parent, nested;
	__u64 iova = 0, iova2 = 0;
	int fd;

	fd = iommufd_open();
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, ioas_alloc(fd, &ioas));
	ASSERT_EQ(0, ioas_alloc(fd, &ioas2));
	ASSERT_EQ(0, mock_device(fd, ioas, 0, &stdev, NULL, &idev));
	ASSERT_EQ(0, ioas_map(fd, ioas, buffer, BUF_SIZE, &iova, MAP_RW));
	ASSERT_EQ(0, ioas_map(fd, ioas2, buffer, BUF_SIZE / 2, &iova2, MAP_RW));
	ASSERT_EQ(0, hwpt_alloc(fd, idev, ioas, IOMMU_HWPT_ALLOC_NEST_PARENT, 0, NULL, 0,
				&parent));
	ASSERT_EQ(0, hwpt_alloc(fd, idev, parent, 0, IOMMU_HWPT_DATA_SELFTEST, &data,
				sizeof(data), &nested));
	ASSERT_EQ(0, sys_ioctl(fd, IOMMU_FAULT_QUEUE_ALLOC, &fault));
	access.id = ioas;
	ASSERT_EQ(0, sys_ioctl(fd, IOMMU_TEST_CMD, &access));
	pin.id = access.create_access.out_access_fd;
	pin.access_pages.iova = iova;
	pin.access_pages.length = 2 * PAGE_SZ;
	ASSERT_EQ(0, sys_ioctl(fd, IOMMU_TEST_CMD, &pin));
	EXPECT_EQ(0, check_refs(fd, buffer, PAGE_SZ, 1));
	/* Close everything in an order that leaves objects for the release. */
	EXPECT_EQ(0, close(access.create_access.out_access_fd));
	EXPECT_EQ(0, close(fd));
	EXPECT_EQ(0, close(fault.out_fault_fd));
}

TEST(uapi_no_leaks)
{
	long before, after;
	int fd;

	/* The first round creates lazily allocated state; measure the second. */
	life_cycle(_metadata);
	before = kernel_allocations();
	life_cycle(_metadata);
	life_cycle(_metadata);
	after = kernel_allocations();
	fd = iommufd_open();
	ASSERT_LE(0, fd);
	EXPECT_EQ(0, check_refs(fd, buffer, BUF_SIZE, 0));
	close(fd);
	if (before < 0)
		SKIP(return, "no allocation counter (not running under iommu-run)");
	EXPECT_EQ(before, after);
}

/* ---------------------------------------------------------------------------
 * Fault injection through /proc/self/task/TID/fail-nth: a failed call
 * leaves nothing behind, and the counter reads back as documented.
 */

TEST(uapi_fail_nth)
{
	char path[64], buf[16];
	long before, after;
	unsigned int nth;
	int pfd, fd, ret;
	__u32 ioas;

	snprintf(path, sizeof(path), "/proc/self/task/%ld/fail-nth", (long)syscall(SYS_gettid));
	pfd = open(path, O_RDWR | O_CLOEXEC);
	if (pfd < 0)
		SKIP(return, "no fail-nth (CONFIG_FAULT_INJECTION)");
	fd = iommufd_open();
	ASSERT_LE(0, fd);
	before = kernel_allocations();
	for (nth = 1; nth < 50; nth++) {
		__u64 iova = 0;

		ioas = 0;
		snprintf(buf, sizeof(buf), "%u", nth);
		ASSERT_EQ((ssize_t)strlen(buf), pwrite(pfd, buf, strlen(buf), 0));
		ret = ioas_alloc(fd, &ioas);
		if (!ret)
			ret = ioas_map(fd, ioas, buffer, BUF_SIZE, &iova, MAP_RW);
		memset(buf, 0, sizeof(buf));
		ASSERT_LT(1, pread(pfd, buf, sizeof(buf), 0));
		ASSERT_EQ(1, pwrite(pfd, "0", 1, 0));
		/* Injected failures surface as ENOMEM (or as the site's errno). */
		if (ret)
			EXPECT_TRUE(ret == -ENOMEM || ret == -ENOENT || ret == -EFAULT);
		if (!ret)
			EXPECT_EQ(0, ioas_unmap(fd, ioas, 0, UINT64_MAX, NULL));
		obj_destroy(fd, ioas);
		if (strcmp(buf, "0\n"))
			break;	/* nothing was injected: every site is covered */
	}
	EXPECT_LT(1, nth);
	EXPECT_GT(50, nth);
	after = kernel_allocations();
	if (before >= 0)
		EXPECT_EQ(before, after);
	/* Malformed writes are refused with kstrtouint's errnos. */
	EXPECT_EQ(-1, pwrite(pfd, "x", 1, 0));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, pwrite(pfd, "99999999999", 11, 0));
	EXPECT_EQ(ERANGE, errno);
	close(fd);
	close(pfd);
}

TEST_HARNESS_MAIN
