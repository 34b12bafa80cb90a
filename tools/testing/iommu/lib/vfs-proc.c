// SPDX-License-Identifier: GPL-2.0
/*
 * The /proc files of the host VFS: the per-task fail-nth file of Linux's
 * fault injection (Documentation/fault-injection/fault-injection.rst).
 *
 * Writing N arms task->fail_nth: the Nth fault-injection check made by
 * that task from then on fails.  Reading gives the counter as "%u\n":
 * 0 once the fault was injected (or if it never was armed), the number
 * of checks still to go otherwise.
 *
 * Accepted paths: /proc/{self,PID,thread-self}/fail-nth and
 * /proc/{self,PID}/task/TID/fail-nth, where PID is this process.  Only
 * the calling thread's own task can be named (the host keeps no table of
 * the other threads); for /proc/self/fail-nth, which names the thread
 * group leader, the caller must be the leader.
 *
 * One file exists only here: /proc/iommu-host/allocations reads as the
 * number of live kernel allocations ("%ld\n", after an RCU barrier), so
 * that tests of an unmodified program can check that a sequence of system
 * calls leaks nothing.  On Linux the path does not exist.
 */
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include <host/env.h>

#include "vfs-internal.h"

#define ALLOCATIONS_PATH	"/proc/iommu-host/allocations"

static struct inode proc_inode = {
	.i_mode = S_IFREG | 0600,
	.i_ino = 2,
	.i_count = ATOMIC_INIT(1),
};

/* Parse a decimal number that ends at '/' or at the end of the string. */
static bool parse_id(const char **p, int *id)
{
	const char *s = *p;
	int v = 0;

	if (*s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9') {
		if (v > (INT_MAX - 9) / 10)
			return false;
		v = v * 10 + (*s++ - '0');
	}
	*p = s;
	*id = v;
	return true;
}

static bool skip(const char **p, const char *word)
{
	size_t len = strlen(word);

	if (strncmp(*p, word, len))
		return false;
	*p += len;
	return true;
}

/*
 * Resolve @path to the thread id it names.  Return 0 and set @tid, or
 * -ENOENT if the path is a fail-nth file of another process or of no
 * thread, or 1 if the path is not a fail-nth file at all.
 */
static int fail_nth_resolve(const char *path, int *tid)
{
	const char *p = path;
	int pid, id;
	bool thread_self = false;

	if (!skip(&p, "/proc/"))
		return 1;
	if (skip(&p, "self/")) {
		pid = current->tgid;
	} else if (skip(&p, "thread-self/")) {
		pid = current->tgid;
		thread_self = true;
	} else if (parse_id(&p, &pid) && *p == '/') {
		p++;
	} else {
		return 1;
	}

	if (!thread_self && skip(&p, "task/")) {
		if (!parse_id(&p, &id) || *p != '/')
			return 1;
		p++;
	} else {
		id = thread_self ? current->pid : pid;
	}
	if (strcmp(p, "fail-nth"))
		return 1;
	if (pid != current->tgid || id != current->pid)
		return -ENOENT;
	*tid = id;
	return 0;
}

bool host_proc_match(const char *path)
{
	int tid;

	if (!strcmp(path, ALLOCATIONS_PATH))
		return true;
	return fail_nth_resolve(path, &tid) <= 0;
}

static ssize_t allocations_read(struct file *file, char __user *buf, size_t count,
				loff_t *ppos)
{
	char text[24];
	int len;

	rcu_barrier();
	len = snprintf(text, sizeof(text), "%ld\n", host_alloc_outstanding());
	return simple_read_from_buffer(buf, count, ppos, text, len);
}

static const struct file_operations allocations_fops = {
	.read = allocations_read,
	.llseek = default_llseek,
};

static ssize_t fail_nth_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct task_struct *task = file->private_data;
	char text[16];
	int len;

	len = snprintf(text, sizeof(text), "%u\n", READ_ONCE(task->fail_nth));
	return simple_read_from_buffer(buf, count, ppos, text, len);
}

static ssize_t fail_nth_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *ppos)
{
	struct task_struct *task = file->private_data;
	unsigned int n;
	int ret;

	ret = kstrtouint_from_user(buf, count, 0, &n);
	if (ret)
		return ret;
	WRITE_ONCE(task->fail_nth, n);
	return count;
}

static int fail_nth_release(struct inode *inode, struct file *file)
{
	put_task_struct(file->private_data);
	return 0;
}

static const struct file_operations fail_nth_fops = {
	.read = fail_nth_read,
	.write = fail_nth_write,
	.llseek = default_llseek,
	.release = fail_nth_release,
};

struct file *host_proc_open(const char *path, unsigned int flags)
{
	struct file *file;
	int ret, tid;

	if (!strcmp(path, ALLOCATIONS_PATH)) {
		if ((flags & O_ACCMODE) != O_RDONLY)
			return ERR_PTR(-EACCES);
		file = host_file_alloc(&proc_inode, &allocations_fops, flags, path);
		if (!IS_ERR(file))
			file->f_mode |= FMODE_PREAD;
		return file;
	}
	ret = fail_nth_resolve(path, &tid);
	if (ret)
		return ERR_PTR(-ENOENT);
	file = host_file_alloc(&proc_inode, &fail_nth_fops, flags, path);
	if (IS_ERR(file))
		return file;
	file->f_mode |= FMODE_PREAD | FMODE_PWRITE;
	file->private_data = get_task_struct(current);
	return file;
}
