// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the host VFS: file lifetime, the descriptor table, misc
 * device nodes, the system-call checks around file_operations and the
 * fail-nth file.
 */
#include <kunit/test.h>
#include <linux/anon_inodes.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/miscdevice.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "host-vfs-abi.h"

/**
 * struct vfs_probe - what the test file operations saw
 * @opens: ->open calls
 * @releases: ->release calls
 * @flushes: ->flush calls
 * @open_private: file->private_data when ->open ran
 * @open_ret: what ->open returns
 * @last_cmd: last ioctl command
 */
struct vfs_probe {
	int opens;
	int releases;
	int flushes;
	void *open_private;
	int open_ret;
	unsigned int last_cmd;
};

static struct vfs_probe probe;

static int probe_open(struct inode *inode, struct file *file)
{
	probe.opens++;
	probe.open_private = file->private_data;
	if (probe.open_ret)
		return probe.open_ret;
	return nonseekable_open(inode, file);
}

static int probe_release(struct inode *inode, struct file *file)
{
	probe.releases++;
	return 0;
}

static int probe_flush(struct file *file, void *id)
{
	probe.flushes++;
	return 0;
}

static long probe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	probe.last_cmd = cmd;
	switch (cmd) {
	case 1:
		return 42;
	case 2:
		return -EOPNOTSUPP;
	case 3:
		return -ERESTARTSYS;
	default:
		return -ENOIOCTLCMD;
	}
}

static ssize_t probe_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	static const char text[] = "0123456789";

	return simple_read_from_buffer(buf, count, ppos, text, sizeof(text) - 1);
}

static __poll_t probe_poll(struct file *file, struct poll_table_struct *pt)
{
	return EPOLLOUT | (file->private_data ? EPOLLIN : 0);
}

static const struct file_operations probe_fops = {
	.owner = THIS_MODULE,
	.open = probe_open,
	.release = probe_release,
	.flush = probe_flush,
	.unlocked_ioctl = probe_ioctl,
	.read = probe_read,
	.poll = probe_poll,
};

static const struct file_operations bare_fops = {
	.release = probe_release,
};

static struct miscdevice probe_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "vfs-kunit",
	.fops = &probe_fops,
};

static int vfs_test_init(struct kunit *test)
{
	memset(&probe, 0, sizeof(probe));
	return 0;
}

static void vfs_file_refcount(struct kunit *test)
{
	struct file *file;

	file = anon_inode_getfile("[vfs-kunit]", &probe_fops, test, O_RDWR);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	KUNIT_EXPECT_PTR_EQ(test, file->private_data, (void *)test);
	KUNIT_EXPECT_TRUE(test, file->f_mode & FMODE_READ);
	KUNIT_EXPECT_TRUE(test, file->f_mode & FMODE_WRITE);
	/* Anonymous files cannot pread/pwrite and ->open is not called. */
	KUNIT_EXPECT_FALSE(test, file->f_mode & FMODE_PREAD);
	KUNIT_EXPECT_EQ(test, probe.opens, 0);
	KUNIT_EXPECT_EQ(test, file_count(file), 1L);

	get_file(file);
	KUNIT_EXPECT_EQ(test, file_count(file), 2L);
	fput(file);
	KUNIT_EXPECT_EQ(test, probe.releases, 0);
	/* The last put releases before returning. */
	fput(file);
	KUNIT_EXPECT_EQ(test, probe.releases, 1);
}

static void vfs_fd_table(struct kunit *test)
{
	unsigned long before = host_vfs_open_count();
	struct file *file, *got;
	int fd, fd2;

	fd = get_unused_fd_flags(O_CLOEXEC);
	KUNIT_ASSERT_GE(test, fd, 0);
	/* Reserved but not installed: invisible to fget and close. */
	KUNIT_EXPECT_NULL(test, fget(fd));
	KUNIT_EXPECT_EQ(test, close_fd(fd), -EBADF);
	KUNIT_EXPECT_EQ(test, host_vfs_fd_is_ours(fd), 0);

	file = anon_inode_getfile("[vfs-kunit]", &probe_fops, NULL, O_RDONLY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	fd2 = get_unused_fd_flags(0);
	KUNIT_ASSERT_GE(test, fd2, 0);
	/* Enumeration sees installed descriptors only, not reservations. */
	KUNIT_EXPECT_NE(test, host_vfs_next_fd(fd2), fd2);
	fd_install(fd, file);
	KUNIT_EXPECT_EQ(test, host_vfs_next_fd(fd), fd);
	KUNIT_EXPECT_LE(test, host_vfs_next_fd(0), fd);
	put_unused_fd(fd2);
	KUNIT_EXPECT_EQ(test, host_vfs_open_count(), before + 1);
	KUNIT_EXPECT_EQ(test, host_vfs_fd_is_ours(fd), 1);

	got = fget(fd);
	KUNIT_EXPECT_PTR_EQ(test, got, file);
	/* close() drops the table's reference; ours keeps the file alive. */
	KUNIT_EXPECT_EQ(test, close_fd(fd), 0);
	KUNIT_EXPECT_EQ(test, probe.flushes, 1);
	KUNIT_EXPECT_EQ(test, probe.releases, 0);
	KUNIT_EXPECT_NULL(test, fget(fd));
	fput(got);
	KUNIT_EXPECT_EQ(test, probe.releases, 1);
	KUNIT_EXPECT_EQ(test, host_vfs_open_count(), before);

	/* A reservation given back is reusable. */
	fd = get_unused_fd_flags(0);
	KUNIT_ASSERT_GE(test, fd, 0);
	fd2 = get_unused_fd_flags(0);
	KUNIT_ASSERT_GE(test, fd2, 0);
	KUNIT_EXPECT_NE(test, fd, fd2);
	put_unused_fd(fd);
	put_unused_fd(fd2);
}

static void vfs_anon_getfd(struct kunit *test)
{
	struct file *file;
	int fd;

	fd = anon_inode_getfd("[vfs-kunit]", &probe_fops, test, O_RDWR | O_CLOEXEC);
	KUNIT_ASSERT_GE(test, fd, 0);
	file = fget(fd);
	KUNIT_ASSERT_NOT_NULL(test, file);
	KUNIT_EXPECT_PTR_EQ(test, file->private_data, (void *)test);
	KUNIT_EXPECT_FALSE(test, file->f_flags & O_CLOEXEC);
	KUNIT_EXPECT_STREQ(test, file->host_name, "anon_inode:[vfs-kunit]");
	fput(file);
	KUNIT_EXPECT_EQ(test, host_vfs_close(fd), 0);
	KUNIT_EXPECT_EQ(test, probe.releases, 1);
	KUNIT_EXPECT_EQ(test, host_vfs_close(fd), -EBADF);
}

static void vfs_anon_alloc_failure(struct kunit *test)
{
	struct file *file;
	int fd;

	current->fail_nth = 1;
	file = anon_inode_getfile("[vfs-kunit]", &probe_fops, NULL, O_RDWR);
	current->fail_nth = 0;
	KUNIT_EXPECT_TRUE(test, IS_ERR(file));
	KUNIT_EXPECT_EQ(test, PTR_ERR(file), -ENOMEM);

	/* The descriptor reserved first is given back on failure. */
	current->fail_nth = 1;
	fd = anon_inode_getfd("[vfs-kunit]", &probe_fops, NULL, O_RDWR);
	current->fail_nth = 0;
	KUNIT_EXPECT_EQ(test, fd, -ENOMEM);
	KUNIT_EXPECT_EQ(test, probe.releases, 0);
}

static void vfs_misc_open(struct kunit *test)
{
	int fd, ret;

	KUNIT_ASSERT_EQ(test, misc_register(&probe_misc), 0);
	KUNIT_EXPECT_GT(test, probe_misc.minor, MISC_DYNAMIC_MINOR);
	KUNIT_EXPECT_EQ(test, host_vfs_path_is_ours("/dev/vfs-kunit"), 1);
	KUNIT_EXPECT_EQ(test, host_vfs_path_is_ours("/dev/vfs-kunit2"), 0);
	KUNIT_EXPECT_EQ(test, host_vfs_path_is_ours("/tmp/vfs-kunit"), 0);

	fd = host_vfs_open("/dev/vfs-kunit", O_RDWR);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, probe.opens, 1);
	/* misc_open() points private_data at the miscdevice before ->open. */
	KUNIT_EXPECT_PTR_EQ(test, probe.open_private, (void *)&probe_misc);

	/* ioctl return values and errno translation. */
	KUNIT_EXPECT_EQ(test, host_vfs_ioctl(fd, 1, 0), 42L);
	KUNIT_EXPECT_EQ(test, host_vfs_ioctl(fd, 2, 0), (long)-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, host_vfs_ioctl(fd, 3, 0), (long)-EINTR);
	KUNIT_EXPECT_EQ(test, host_vfs_ioctl(fd, 4, 0), (long)-ENOTTY);
	KUNIT_EXPECT_EQ(test, probe.last_cmd, 4U);

	/* nonseekable_open() in ->open: pread and lseek are -ESPIPE. */
	{
		char buf[8] = {};

		KUNIT_EXPECT_EQ(test, host_vfs_pread(fd, buf, 4, 0), (long)-ESPIPE);
		KUNIT_EXPECT_EQ(test, host_vfs_lseek(fd, 0, SEEK_SET), (long long)-ESPIPE);
		KUNIT_EXPECT_EQ(test, host_vfs_read(fd, buf, 4), 4L);
		KUNIT_EXPECT_EQ(test, host_vfs_read(fd, buf + 4, 3), 3L);
		KUNIT_EXPECT_STREQ(test, buf, "0123456");
		KUNIT_EXPECT_EQ(test, host_vfs_write(fd, buf, 1), (long)-EINVAL);
	}
	/* probe_poll() reports EPOLLIN when private_data is set (the miscdevice). */
	KUNIT_EXPECT_EQ(test, host_vfs_poll(fd, 0x4 | 0x1), 0x5);
	KUNIT_EXPECT_EQ(test, host_vfs_poll(fd, 0x1), 0x1);

	/* A name is taken until deregistered; open files survive that. */
	{
		struct miscdevice dup = {
			.minor = MISC_DYNAMIC_MINOR, .name = "vfs-kunit", .fops = &bare_fops,
		};

		KUNIT_EXPECT_EQ(test, misc_register(&dup), -EBUSY);
	}
	misc_deregister(&probe_misc);
	KUNIT_EXPECT_EQ(test, probe_misc.minor, MISC_DYNAMIC_MINOR);
	KUNIT_EXPECT_EQ(test, host_vfs_open("/dev/vfs-kunit", O_RDWR), -ENOENT);
	KUNIT_EXPECT_EQ(test, host_vfs_ioctl(fd, 1, 0), 42L);
	ret = host_vfs_close(fd);
	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, probe.releases, 1);
}

static void vfs_misc_open_fails(struct kunit *test)
{
	unsigned long before = host_vfs_open_count();
	struct miscdevice node = {
		.minor = MISC_DYNAMIC_MINOR, .nodename = "vfs-kunit/dir/node",
		.name = "vfs-kunit-node", .fops = &probe_fops,
	};

	KUNIT_ASSERT_EQ(test, misc_register(&node), 0);
	probe.open_ret = -ENXIO;
	KUNIT_EXPECT_EQ(test, host_vfs_open("/dev/vfs-kunit/dir/node", O_RDWR), -ENXIO);
	/* A failed open is never released. */
	KUNIT_EXPECT_EQ(test, probe.opens, 1);
	KUNIT_EXPECT_EQ(test, probe.releases, 0);
	KUNIT_EXPECT_EQ(test, host_vfs_open_count(), before);
	misc_deregister(&node);

	KUNIT_EXPECT_EQ(test, misc_register(&(struct miscdevice){ .fops = &probe_fops }),
			-EINVAL);
}

static void vfs_access_mode(struct kunit *test)
{
	char buf[4];
	struct file *file;
	int fd;

	fd = get_unused_fd_flags(0);
	KUNIT_ASSERT_GE(test, fd, 0);
	file = anon_inode_getfile("[vfs-kunit]", &probe_fops, NULL, O_WRONLY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	fd_install(fd, file);
	/* Read on a write-only file is EBADF; a file without ->write is EINVAL. */
	KUNIT_EXPECT_EQ(test, host_vfs_read(fd, buf, sizeof(buf)), (long)-EBADF);
	KUNIT_EXPECT_EQ(test, host_vfs_write(fd, buf, sizeof(buf)), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, host_vfs_getfl(fd) & O_ACCMODE, O_WRONLY);
	KUNIT_EXPECT_EQ(test, host_vfs_setfl(fd, O_NONBLOCK | O_RDWR), 0);
	KUNIT_EXPECT_EQ(test, host_vfs_getfl(fd) & (O_ACCMODE | O_NONBLOCK), O_WRONLY | O_NONBLOCK);
	KUNIT_EXPECT_EQ(test, host_vfs_close(fd), 0);

	/* Without ->poll a file is always ready; without ioctl it is ENOTTY. */
	fd = anon_inode_getfd("[vfs-kunit-bare]", &bare_fops, NULL, O_RDWR);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, host_vfs_poll(fd, 0x1), 0x1);
	KUNIT_EXPECT_EQ(test, host_vfs_ioctl(fd, 1, 0), (long)-ENOTTY);
	KUNIT_EXPECT_EQ(test, host_vfs_close(fd), 0);
	KUNIT_EXPECT_EQ(test, host_vfs_ioctl(fd, 1, 0), (long)-EBADF);
}

static void vfs_buffer_helpers(struct kunit *test)
{
	char kbuf[8] = "abcdefg";
	char ubuf[8] = {};
	loff_t pos = 5;

	KUNIT_EXPECT_EQ(test, simple_read_from_buffer((char __user *)ubuf, 8, &pos, kbuf, 7),
			2L);
	KUNIT_EXPECT_EQ(test, pos, 7LL);
	KUNIT_EXPECT_EQ(test, memcmp(ubuf, "fg", 2), 0);
	KUNIT_EXPECT_EQ(test, simple_read_from_buffer((char __user *)ubuf, 8, &pos, kbuf, 7),
			0L);
	pos = 0;
	KUNIT_EXPECT_EQ(test, simple_read_from_buffer(NULL, 8, &pos, kbuf, 7), (long)-EFAULT);
	KUNIT_EXPECT_EQ(test, pos, 0LL);
	KUNIT_EXPECT_EQ(test, simple_write_to_buffer(kbuf, 7, &pos, (const char __user *)"XY", 2),
			2L);
	KUNIT_EXPECT_STREQ(test, kbuf, "XYcdefg");
}

static void vfs_llseek_helpers(struct kunit *test)
{
	struct file file = { .f_pos = 10 };

	KUNIT_EXPECT_EQ(test, default_llseek(&file, 5, SEEK_CUR), 15LL);
	KUNIT_EXPECT_EQ(test, default_llseek(&file, -20, SEEK_CUR), (loff_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, file.f_pos, 15LL);
	KUNIT_EXPECT_EQ(test, default_llseek(&file, 0, SEEK_END), (loff_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, fixed_size_llseek(&file, -3, SEEK_END, 100), 97LL);
	KUNIT_EXPECT_EQ(test, fixed_size_llseek(&file, 4, SEEK_END, 100), (loff_t)-EINVAL);
	KUNIT_EXPECT_EQ(test, noop_llseek(&file, 50, SEEK_SET), 97LL);
	KUNIT_EXPECT_EQ(test, no_llseek(&file, 0, SEEK_SET), (loff_t)-ESPIPE);
}

static int fail_nth_open(struct kunit *test, const char *fmt, int a, int b)
{
	char path[96];

	snprintf(path, sizeof(path), fmt, a, b);
	return host_vfs_open(path, O_RDWR);
}

static void vfs_fail_nth(struct kunit *test)
{
	char buf[16] = {};
	void *p;
	int fd;

	fd = fail_nth_open(test, "/proc/%d/task/%d/fail-nth", current->tgid, current->pid);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, host_vfs_pread(fd, buf, sizeof(buf), 0), 2L);
	KUNIT_EXPECT_STREQ(test, buf, "0\n");

	KUNIT_EXPECT_EQ(test, host_vfs_pwrite(fd, "3\n", 2, 0), 2L);
	KUNIT_EXPECT_EQ(test, current->fail_nth, 3U);
	p = kmalloc(8, GFP_KERNEL);
	kfree(p);
	KUNIT_EXPECT_EQ(test, host_vfs_pread(fd, buf, sizeof(buf), 0), 2L);
	KUNIT_EXPECT_STREQ(test, buf, "2\n");
	/* The third check from arming it is the one that fails. */
	p = kmalloc(8, GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, p);
	kfree(p);
	p = kmalloc(8, GFP_KERNEL);
	KUNIT_EXPECT_NULL(test, p);
	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, host_vfs_pread(fd, buf, sizeof(buf), 0), 2L);
	KUNIT_EXPECT_STREQ(test, buf, "0\n");

	/* kstrtouint rules: base prefixes, one trailing newline, no junk. */
	KUNIT_EXPECT_EQ(test, host_vfs_pwrite(fd, "0x10", 4, 0), 4L);
	KUNIT_EXPECT_EQ(test, current->fail_nth, 16U);
	KUNIT_EXPECT_EQ(test, host_vfs_pwrite(fd, "5x", 2, 0), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, host_vfs_pwrite(fd, "-1", 2, 0), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, host_vfs_pwrite(fd, "99999999999", 11, 0), (long)-ERANGE);
	KUNIT_EXPECT_EQ(test, current->fail_nth, 16U);
	KUNIT_EXPECT_EQ(test, host_vfs_pwrite(fd, "0", 1, 0), 1L);
	KUNIT_EXPECT_EQ(test, current->fail_nth, 0U);
	/* Sequential reads advance the position. */
	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, host_vfs_read(fd, buf, 1), 1L);
	KUNIT_EXPECT_EQ(test, host_vfs_read(fd, buf + 1, 8), 1L);
	KUNIT_EXPECT_EQ(test, host_vfs_read(fd, buf + 2, 8), 0L);
	KUNIT_EXPECT_STREQ(test, buf, "0\n");
	KUNIT_EXPECT_EQ(test, host_vfs_close(fd), 0);

	fd = host_vfs_open("/proc/thread-self/fail-nth", O_RDONLY);
	KUNIT_ASSERT_GE(test, fd, 0);
	KUNIT_EXPECT_EQ(test, host_vfs_pwrite(fd, "1", 1, 0), (long)-EBADF);
	KUNIT_EXPECT_EQ(test, host_vfs_close(fd), 0);

	/* Another process's file, or a thread the host cannot name. */
	KUNIT_EXPECT_EQ(test, fail_nth_open(test, "/proc/%d/task/%d/fail-nth", current->tgid + 1,
					    current->pid), -ENOENT);
	KUNIT_EXPECT_EQ(test, fail_nth_open(test, "/proc/%d/task/%d/fail-nth", current->tgid,
					    current->pid + 100000), -ENOENT);
	KUNIT_EXPECT_EQ(test, host_vfs_path_is_ours("/proc/self/task/1x/fail-nth"), 0);
	KUNIT_EXPECT_EQ(test, host_vfs_path_is_ours("/proc/self/status"), 0);
	KUNIT_EXPECT_EQ(test, host_vfs_path_is_ours("/proc/self/fail-nth"), 1);
}

static long read_allocations(struct kunit *test, int fd)
{
	char buf[32] = {};
	long n = -1;

	KUNIT_EXPECT_GT(test, host_vfs_pread(fd, buf, sizeof(buf) - 1, 0), 1L);
	KUNIT_EXPECT_EQ(test, kstrtol(buf, 10, &n), 0);
	return n;
}

static void vfs_allocations_file(struct kunit *test)
{
	long before, during;
	void *p;
	int fd;

	KUNIT_EXPECT_EQ(test, host_vfs_open("/proc/iommu-host/allocations", O_RDWR), -EACCES);
	fd = host_vfs_open("/proc/iommu-host/allocations", O_RDONLY);
	KUNIT_ASSERT_GE(test, fd, 0);
	before = read_allocations(test, fd);
	KUNIT_EXPECT_GT(test, before, 0L);
	p = kmalloc(16, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	during = read_allocations(test, fd);
	kfree(p);
	KUNIT_EXPECT_EQ(test, during, before + 1);
	KUNIT_EXPECT_EQ(test, read_allocations(test, fd), before);
	KUNIT_EXPECT_EQ(test, host_vfs_close(fd), 0);
}

static struct kunit_case vfs_cases[] = {
	KUNIT_CASE(vfs_file_refcount),
	KUNIT_CASE(vfs_fd_table),
	KUNIT_CASE(vfs_anon_getfd),
	KUNIT_CASE(vfs_anon_alloc_failure),
	KUNIT_CASE(vfs_misc_open),
	KUNIT_CASE(vfs_misc_open_fails),
	KUNIT_CASE(vfs_access_mode),
	KUNIT_CASE(vfs_buffer_helpers),
	KUNIT_CASE(vfs_llseek_helpers),
	KUNIT_CASE(vfs_fail_nth),
	KUNIT_CASE(vfs_allocations_file),
	{}
};

static struct kunit_suite vfs_suite = {
	.name = "host_vfs",
	.init = vfs_test_init,
	.test_cases = vfs_cases,
};

kunit_test_suite(vfs_suite);
