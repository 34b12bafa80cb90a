// SPDX-License-Identifier: GPL-2.0
/*
 * Miscellaneous character devices of the host VFS.
 *
 * The registry maps a node path below /dev to a struct miscdevice.  Each
 * registration owns an inode (character device MISC_MAJOR:minor) that the
 * files opened through it share; the inode outlives the registration for
 * as long as such files exist.
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/idr.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "vfs-internal.h"

#define MISC_PATH_MAX	128

/**
 * struct misc_node - the host side of one registered misc device
 * @inode: the device inode shared by the opened files
 * @misc: the device, NULL once deregistered
 * @path: "/dev/" plus the node name
 * @link: entry in misc_nodes
 */
struct misc_node {
	struct inode inode;
	struct miscdevice *misc;
	char path[MISC_PATH_MAX];
	struct list_head link;
};

/* misc_mtx protects misc_nodes and is held across ->open, as in Linux. */
static DEFINE_MUTEX(misc_mtx);
static LIST_HEAD(misc_nodes);
static DEFINE_IDA(misc_minors);

static void misc_node_free(struct inode *inode)
{
	kfree(container_of(inode, struct misc_node, inode));
}

static struct misc_node *misc_find_path(const char *path)
{
	struct misc_node *node;

	lockdep_assert_held(&misc_mtx);
	list_for_each_entry(node, &misc_nodes, link)
		if (!strcmp(node->path, path))
			return node;
	return NULL;
}

static bool misc_minor_taken(int minor)
{
	struct misc_node *node;

	lockdep_assert_held(&misc_mtx);
	list_for_each_entry(node, &misc_nodes, link)
		if (node->misc->minor == minor)
			return true;
	return false;
}

int misc_register(struct miscdevice *misc)
{
	const char *name = misc->nodename ? : misc->name;
	bool dynamic = misc->minor == MISC_DYNAMIC_MINOR;
	struct misc_node *node;
	int ret;

	if (!name || !*name || !misc->fops)
		return -EINVAL;
	node = kzalloc(sizeof(*node), GFP_KERNEL);
	if (!node)
		return -ENOMEM;
	if (snprintf(node->path, sizeof(node->path), "/dev/%s", name) >= sizeof(node->path)) {
		ret = -ENAMETOOLONG;
		goto err_free;
	}

	mutex_lock(&misc_mtx);
	if (misc_find_path(node->path)) {
		ret = -EBUSY;
		goto err_unlock;
	}
	if (dynamic) {
		ret = ida_alloc_range(&misc_minors, MISC_DYNAMIC_MINOR + 1, MINORMASK,
				      GFP_KERNEL);
		if (ret < 0)
			goto err_unlock;
		misc->minor = ret;
	} else if (misc_minor_taken(misc->minor)) {
		ret = -EBUSY;
		goto err_unlock;
	}

	node->misc = misc;
	node->inode.i_mode = S_IFCHR | (misc->mode ? : 0600);
	node->inode.i_rdev = MKDEV(MISC_MAJOR, misc->minor);
	node->inode.i_ino = 0x10000 + misc->minor;
	node->inode.host_free = misc_node_free;
	atomic_set(&node->inode.i_count, 1);
	INIT_LIST_HEAD(&misc->list);
	list_add_tail(&node->link, &misc_nodes);
	mutex_unlock(&misc_mtx);
	return 0;

err_unlock:
	mutex_unlock(&misc_mtx);
err_free:
	kfree(node);
	return ret;
}
EXPORT_SYMBOL(misc_register);

void misc_deregister(struct miscdevice *misc)
{
	struct misc_node *node, *found = NULL;

	mutex_lock(&misc_mtx);
	list_for_each_entry(node, &misc_nodes, link) {
		if (node->misc == misc) {
			found = node;
			break;
		}
	}
	if (WARN(!found, "%s() of unregistered %s\n", __func__, misc->name)) {
		mutex_unlock(&misc_mtx);
		return;
	}
	list_del(&found->link);
	found->misc = NULL;
	if (misc->minor > MISC_DYNAMIC_MINOR) {
		ida_free(&misc_minors, misc->minor);
		misc->minor = MISC_DYNAMIC_MINOR;
	}
	mutex_unlock(&misc_mtx);
	host_inode_put(&found->inode);
}
EXPORT_SYMBOL(misc_deregister);

bool host_misc_exists(const char *path)
{
	bool found;

	mutex_lock(&misc_mtx);
	found = misc_find_path(path);
	mutex_unlock(&misc_mtx);
	return found;
}

struct file *host_misc_open(const char *path, unsigned int flags)
{
	const struct file_operations *fops;
	struct misc_node *node;
	struct file *file;
	int ret;

	mutex_lock(&misc_mtx);
	node = misc_find_path(path);
	if (!node) {
		file = ERR_PTR(-ENOENT);
		goto out;
	}
	fops = node->misc->fops;
	if (!try_module_get(fops->owner)) {
		file = ERR_PTR(-ENODEV);
		goto out;
	}
	file = host_file_alloc(&node->inode, fops, flags, path);
	if (IS_ERR(file)) {
		module_put(fops->owner);
		goto out;
	}
	/* Character device files start out seekable; ->open may say otherwise. */
	file->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	file->private_data = node->misc;
	if (fops->open) {
		ret = fops->open(&node->inode, file);
		if (ret) {
			host_file_free_unopened(file);
			file = ERR_PTR(ret);
		}
	}
out:
	mutex_unlock(&misc_mtx);
	return file;
}

/* Kernel code opening a device node: only misc devices exist to open */
struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	return host_misc_open(filename, flags);
}
EXPORT_SYMBOL(filp_open);

int filp_close(struct file *filp, void *id)
{
	fput(filp);
	return 0;
}
EXPORT_SYMBOL(filp_close);
