// SPDX-License-Identifier: GPL-2.0
/*
 * An in-memory sysfs for the host environment.
 *
 * Every kobject in sysfs owns a directory node; attributes are file nodes
 * that remember the attribute and the kobject whose sysfs_ops serve them;
 * links are nodes that pin the directory node they point to. Removing a
 * directory detaches its whole subtree; nodes are freed when the last
 * reference (tree membership, a kobject's ->sd, a link, a reader) is gone,
 * so a link to a removed object dangles as in the kernel.
 *
 * show()/store() methods run with no sysfs lock held and with a reference
 * on the kobject, so they may add or remove sysfs entries themselves.
 */
#include <linux/sysfs.h>
#include <linux/kobject.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/export.h>
#include <asm/page.h>

#include <host/sysfs.h>

#include "sysfs-internal.h"

#define SYSFS_MAX_DEPTH		64
#define SYSFS_MAX_LINK_HOPS	16

struct kernfs_node {
	char			*name;
	enum host_sysfs_type	type;
	struct kernfs_node	*parent;
	struct list_head	children;
	struct list_head	sibling;
	/* HOST_SYSFS_DIR: the object shown; HOST_SYSFS_FILE: the owner. */
	struct kobject		*kobj;
	/* HOST_SYSFS_FILE */
	const struct attribute	*attr;
	umode_t			mode;
	/* HOST_SYSFS_LINK */
	struct kernfs_node	*target;
	unsigned int		refs;
	bool			removed;
};

static DEFINE_MUTEX(sysfs_tree_lock);

static struct kernfs_node sysfs_root = {
	.name		= "",
	.type		= HOST_SYSFS_DIR,
	.children	= LIST_HEAD_INIT(sysfs_root.children),
	.sibling	= LIST_HEAD_INIT(sysfs_root.sibling),
	.refs		= 1,
};

static void node_put(struct kernfs_node *kn)
{
	lockdep_assert_held(&sysfs_tree_lock);

	if (WARN_ON(!kn->refs) || --kn->refs)
		return;
	if (kn->type == HOST_SYSFS_LINK)
		node_put(kn->target);
	kfree(kn->name);
	kfree(kn);
}

static struct kernfs_node *node_find(struct kernfs_node *dir, const char *name,
				     size_t len)
{
	struct kernfs_node *kn;

	lockdep_assert_held(&sysfs_tree_lock);

	list_for_each_entry(kn, &dir->children, sibling) {
		if (strlen(kn->name) == len && !memcmp(kn->name, name, len))
			return kn;
	}
	return NULL;
}

static struct kernfs_node *node_new(struct kernfs_node *dir, const char *name,
				    enum host_sysfs_type type, int *err)
{
	struct kernfs_node *kn;

	lockdep_assert_held(&sysfs_tree_lock);

	if (dir->removed) {
		*err = -ENOENT;
		return NULL;
	}
	if (node_find(dir, name, strlen(name))) {
		*err = -EEXIST;
		return NULL;
	}
	kn = kzalloc(sizeof(*kn), GFP_KERNEL);
	if (!kn)
		goto nomem;
	kn->name = kstrdup(name, GFP_KERNEL);
	if (!kn->name) {
		kfree(kn);
		goto nomem;
	}
	kn->type = type;
	kn->parent = dir;
	kn->refs = 1;
	INIT_LIST_HEAD(&kn->children);
	list_add_tail(&kn->sibling, &dir->children);
	return kn;

nomem:
	*err = -ENOMEM;
	return NULL;
}

/* Unlink a node and its subtree from the tree; drops the tree references. */
static void node_detach(struct kernfs_node *kn)
{
	struct kernfs_node *child, *next;

	lockdep_assert_held(&sysfs_tree_lock);

	if (kn->removed)
		return;
	list_for_each_entry_safe(child, next, &kn->children, sibling)
		node_detach(child);
	kn->removed = true;
	list_del_init(&kn->sibling);
	node_put(kn);
}

static void sysfs_warn_dup(struct kernfs_node *dir, const char *name)
{
	pr_warn("sysfs: cannot create duplicate filename '%s' in '%s'\n",
		name, dir->name);
}

int sysfs_create_dir_for(struct kobject *kobj)
{
	struct kernfs_node *dir, *kn;
	int err = 0;

	if (kobj->parent && !kobj->parent->sd)
		return -ENOENT;

	mutex_lock(&sysfs_tree_lock);
	dir = kobj->parent ? kobj->parent->sd : &sysfs_root;
	kn = node_new(dir, kobject_name(kobj), HOST_SYSFS_DIR, &err);
	if (kn) {
		kn->kobj = kobj;
		kn->refs++;	/* held by kobj->sd */
		kobj->sd = kn;
	} else if (err == -EEXIST) {
		sysfs_warn_dup(dir, kobject_name(kobj));
	}
	mutex_unlock(&sysfs_tree_lock);
	return err;
}

void sysfs_remove_dir_for(struct kobject *kobj)
{
	struct kernfs_node *kn = kobj->sd;

	if (!kn)
		return;
	mutex_lock(&sysfs_tree_lock);
	node_detach(kn);
	kobj->sd = NULL;
	node_put(kn);
	mutex_unlock(&sysfs_tree_lock);
}

static int add_file(struct kernfs_node *dir, struct kobject *kobj,
		    const struct attribute *attr, umode_t mode)
{
	struct kernfs_node *kn;
	int err = 0;

	lockdep_assert_held(&sysfs_tree_lock);

	kn = node_new(dir, attr->name, HOST_SYSFS_FILE, &err);
	if (!kn) {
		if (err == -EEXIST)
			sysfs_warn_dup(dir, attr->name);
		return err;
	}
	kn->kobj = kobj;
	kn->attr = attr;
	kn->mode = mode;
	return 0;
}

static void remove_named(struct kernfs_node *dir, const char *name)
{
	struct kernfs_node *kn;

	lockdep_assert_held(&sysfs_tree_lock);

	kn = node_find(dir, name, strlen(name));
	if (kn)
		node_detach(kn);
}

/**
 * sysfs_create_file() - add an attribute file to an object's directory
 * @kobj: the object, which must be in sysfs
 * @attr: the attribute, served by the object's ktype sysfs_ops
 *
 * Return: 0, -EINVAL, -EEXIST or -ENOMEM.
 */
int sysfs_create_file(struct kobject *kobj, const struct attribute *attr)
{
	int ret;

	if (WARN_ON(!kobj || !kobj->sd || !attr))
		return -EINVAL;

	mutex_lock(&sysfs_tree_lock);
	ret = add_file(kobj->sd, kobj, attr, attr->mode);
	mutex_unlock(&sysfs_tree_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(sysfs_create_file);

/**
 * sysfs_remove_file() - remove an attribute file
 * @kobj: the object
 * @attr: the attribute; nothing happens if it is not there
 */
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr)
{
	if (!kobj || !kobj->sd || !attr)
		return;
	mutex_lock(&sysfs_tree_lock);
	remove_named(kobj->sd, attr->name);
	mutex_unlock(&sysfs_tree_lock);
}
EXPORT_SYMBOL_GPL(sysfs_remove_file);

/**
 * sysfs_create_files() - add a NULL-terminated array of attribute files
 * @kobj: the object
 * @attrs: the attributes
 *
 * Return: 0, or the first error (the files added before it are removed).
 */
int sysfs_create_files(struct kobject *kobj, const struct attribute * const *attrs)
{
	int i, ret = 0;

	for (i = 0; attrs[i]; i++) {
		ret = sysfs_create_file(kobj, attrs[i]);
		if (ret)
			break;
	}
	if (ret)
		while (--i >= 0)
			sysfs_remove_file(kobj, attrs[i]);
	return ret;
}
EXPORT_SYMBOL_GPL(sysfs_create_files);

/**
 * sysfs_remove_files() - remove a NULL-terminated array of attribute files
 * @kobj: the object
 * @attrs: the attributes
 */
void sysfs_remove_files(struct kobject *kobj, const struct attribute * const *attrs)
{
	int i;

	for (i = 0; attrs[i]; i++)
		sysfs_remove_file(kobj, attrs[i]);
}
EXPORT_SYMBOL_GPL(sysfs_remove_files);

static void group_remove_files(struct kernfs_node *dir,
			       const struct attribute_group *grp)
{
	struct attribute *const *attr;

	lockdep_assert_held(&sysfs_tree_lock);

	for (attr = grp->attrs; attr && *attr; attr++)
		remove_named(dir, (*attr)->name);
}

/**
 * sysfs_create_group() - add an attribute group
 * @kobj: the object, which must be in sysfs
 * @grp: the group; with a name its files go into a subdirectory of that
 *	 name; is_visible() may hide files (mode 0) or change their mode
 *
 * Return: 0, -EINVAL, -EEXIST or -ENOMEM; on failure nothing of the group
 * is left behind.
 */
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp)
{
	struct kernfs_node *dir;
	int i, ret = 0;

	if (WARN_ON(!kobj || !kobj->sd || !grp))
		return -EINVAL;
	if (!grp->attrs && !grp->bin_attrs) {
		WARN(1, "sysfs: attribute group of '%s' has no attributes\n",
		     kobject_name(kobj));
		return -EINVAL;
	}

	mutex_lock(&sysfs_tree_lock);
	dir = kobj->sd;
	if (grp->name) {
		dir = node_new(kobj->sd, grp->name, HOST_SYSFS_DIR, &ret);
		if (!dir) {
			if (ret == -EEXIST)
				sysfs_warn_dup(kobj->sd, grp->name);
			goto out;
		}
		dir->kobj = kobj;
	}

	for (i = 0; grp->attrs && grp->attrs[i]; i++) {
		struct attribute *attr = grp->attrs[i];
		umode_t mode = attr->mode;

		if (grp->is_visible) {
			mode = grp->is_visible(kobj, attr, i);
			if (!mode)
				continue;
		}
		ret = add_file(dir, kobj, attr, mode);
		if (ret)
			break;
	}

	if (ret) {
		if (grp->name)
			node_detach(dir);
		else
			group_remove_files(dir, grp);
	}
out:
	mutex_unlock(&sysfs_tree_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(sysfs_create_group);

/**
 * sysfs_remove_group() - remove an attribute group
 * @kobj: the object
 * @grp: the group
 */
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp)
{
	if (!kobj || !kobj->sd || !grp)
		return;

	mutex_lock(&sysfs_tree_lock);
	if (grp->name)
		remove_named(kobj->sd, grp->name);
	else
		group_remove_files(kobj->sd, grp);
	mutex_unlock(&sysfs_tree_lock);
}
EXPORT_SYMBOL_GPL(sysfs_remove_group);

/**
 * sysfs_create_groups() - add a NULL-terminated array of attribute groups
 * @kobj: the object
 * @groups: the groups, or NULL for none
 *
 * Return: 0, or the first error (the groups added before it are removed).
 */
int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups)
{
	int i, ret = 0;

	if (!groups)
		return 0;
	for (i = 0; groups[i]; i++) {
		ret = sysfs_create_group(kobj, groups[i]);
		if (ret)
			break;
	}
	if (ret)
		while (--i >= 0)
			sysfs_remove_group(kobj, groups[i]);
	return ret;
}
EXPORT_SYMBOL_GPL(sysfs_create_groups);

/**
 * sysfs_remove_groups() - remove a NULL-terminated array of attribute groups
 * @kobj: the object
 * @groups: the groups, or NULL for none
 */
void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups)
{
	int i;

	if (!groups)
		return;
	for (i = 0; groups[i]; i++)
		sysfs_remove_group(kobj, groups[i]);
}
EXPORT_SYMBOL_GPL(sysfs_remove_groups);

static int create_link(struct kobject *kobj, struct kobject *target,
		       const char *name, bool warn)
{
	struct kernfs_node *dir, *kn;
	int ret = 0;

	if (!target || !name)
		return -EINVAL;

	mutex_lock(&sysfs_tree_lock);
	dir = kobj ? kobj->sd : &sysfs_root;
	if (!dir || !target->sd || target->sd->removed) {
		ret = -ENOENT;
		goto out;
	}
	kn = node_new(dir, name, HOST_SYSFS_LINK, &ret);
	if (!kn) {
		if (ret == -EEXIST && warn)
			sysfs_warn_dup(dir, name);
		goto out;
	}
	kn->target = target->sd;
	kn->target->refs++;
out:
	mutex_unlock(&sysfs_tree_lock);
	return ret;
}

/**
 * sysfs_create_link() - create a symlink to another object's directory
 * @kobj: the directory to create it in, or NULL for the sysfs root
 * @target: the object pointed to, which must be in sysfs
 * @name: the link's name
 *
 * Return: 0, -ENOENT, -EEXIST (reported) or -ENOMEM.
 */
int sysfs_create_link(struct kobject *kobj, struct kobject *target,
		      const char *name)
{
	return create_link(kobj, target, name, true);
}
EXPORT_SYMBOL_GPL(sysfs_create_link);

/**
 * sysfs_create_link_nowarn() - sysfs_create_link() without the duplicate report
 * @kobj: the directory to create it in, or NULL for the sysfs root
 * @target: the object pointed to
 * @name: the link's name
 *
 * Return: 0, -ENOENT, -EEXIST or -ENOMEM.
 */
int sysfs_create_link_nowarn(struct kobject *kobj, struct kobject *target,
			     const char *name)
{
	return create_link(kobj, target, name, false);
}
EXPORT_SYMBOL_GPL(sysfs_create_link_nowarn);

/**
 * sysfs_remove_link() - remove a symlink
 * @kobj: the directory holding it, or NULL for the sysfs root
 * @name: the link's name
 */
void sysfs_remove_link(struct kobject *kobj, const char *name)
{
	struct kernfs_node *dir, *kn;

	mutex_lock(&sysfs_tree_lock);
	dir = kobj ? kobj->sd : &sysfs_root;
	if (dir) {
		kn = node_find(dir, name, strlen(name));
		if (kn && kn->type == HOST_SYSFS_LINK)
			node_detach(kn);
	}
	mutex_unlock(&sysfs_tree_lock);
}
EXPORT_SYMBOL_GPL(sysfs_remove_link);

/**
 * sysfs_notify() - wake pollers of an attribute (nobody polls here)
 * @kobj: the object
 * @dir: an attribute group directory or NULL
 * @attr: the attribute name
 */
void sysfs_notify(struct kobject *kobj, const char *dir, const char *attr)
{
}
EXPORT_SYMBOL_GPL(sysfs_notify);

/**
 * sysfs_emit() - format a show() result into the PAGE_SIZE buffer
 * @buf: the buffer passed to show()
 * @fmt: printf-style format
 *
 * Return: the number of characters written (without the NUL).
 */
int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	if (WARN(!buf, "%s: NULL buffer\n", __func__))
		return 0;

	va_start(args, fmt);
	len = vscnprintf(buf, PAGE_SIZE, fmt, args);
	va_end(args);
	return len;
}
EXPORT_SYMBOL_GPL(sysfs_emit);

/**
 * sysfs_emit_at() - append to a show() result at an offset
 * @buf: the buffer passed to show()
 * @at: the offset to write at, below PAGE_SIZE
 * @fmt: printf-style format
 *
 * Return: the number of characters written (without the NUL).
 */
int sysfs_emit_at(char *buf, int at, const char *fmt, ...)
{
	va_list args;
	int len;

	if (WARN(!buf || at < 0 || at >= PAGE_SIZE,
		 "%s: bad offset %d\n", __func__, at))
		return 0;

	va_start(args, fmt);
	len = vscnprintf(buf + at, PAGE_SIZE - at, fmt, args);
	va_end(args);
	return len;
}
EXPORT_SYMBOL_GPL(sysfs_emit_at);

/* ------------------------------------------------------------------------
 * Host access by path.
 */

static const char *skip_sys_prefix(const char *path)
{
	if (!strncmp(path, "/sys/", 5))
		path += 5;
	else if (!strcmp(path, "/sys"))
		path += 4;
	while (*path == '/')
		path++;
	return path;
}

/*
 * Resolve @path to a node. Links met in the middle of the path are always
 * followed; the last component's link is followed only if @follow_last.
 */
static struct kernfs_node *resolve(const char *path, bool follow_last)
{
	struct kernfs_node *kn = &sysfs_root;
	const char *p = skip_sys_prefix(path);
	int hops = 0;

	lockdep_assert_held(&sysfs_tree_lock);

	while (*p) {
		const char *end = strchrnul(p, '/');
		bool last;

		if (kn->type != HOST_SYSFS_DIR)
			return NULL;
		kn = node_find(kn, p, end - p);
		if (!kn)
			return NULL;

		p = end;
		while (*p == '/')
			p++;
		last = !*p;

		while (kn->type == HOST_SYSFS_LINK && (!last || follow_last)) {
			if (++hops > SYSFS_MAX_LINK_HOPS || kn->target->removed)
				return NULL;
			kn = kn->target;
		}
	}
	return kn;
}

/* Pin the file's object for a show/store call; NULL if it is going away. */
static struct kernfs_node *get_file(const char *path, umode_t need, int *err)
{
	struct kernfs_node *kn;

	mutex_lock(&sysfs_tree_lock);
	kn = resolve(path, true);
	if (!kn)
		*err = -ENOENT;
	else if (kn->type == HOST_SYSFS_DIR)
		*err = -EISDIR;
	else if (!(kn->mode & need))
		*err = -EACCES;
	else if (!kobject_get_unless_zero(kn->kobj))
		*err = -ENOENT;
	else
		kn->refs++;
	if (*err)
		kn = NULL;
	mutex_unlock(&sysfs_tree_lock);
	return kn;
}

static void put_file(struct kernfs_node *kn)
{
	struct kobject *kobj = kn->kobj;

	mutex_lock(&sysfs_tree_lock);
	node_put(kn);
	mutex_unlock(&sysfs_tree_lock);
	kobject_put(kobj);
}

ssize_t host_sysfs_read(const char *path, char *buf, size_t size)
{
	const struct sysfs_ops *ops;
	struct kernfs_node *kn;
	ssize_t ret;
	char *page;
	int err = 0;

	kn = get_file(path, 0444, &err);
	if (!kn)
		return err;

	ops = kn->kobj->ktype ? kn->kobj->ktype->sysfs_ops : NULL;
	page = kzalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page) {
		ret = -ENOMEM;
	} else if (!ops || !ops->show) {
		ret = -EIO;
	} else {
		ret = ops->show(kn->kobj, (struct attribute *)kn->attr, page);
		if (ret > (ssize_t)PAGE_SIZE) {
			WARN(1, "sysfs: show() of '%s' returned %zd\n",
			     kn->attr->name, ret);
			ret = PAGE_SIZE;
		}
		if (ret >= 0 && size)
			strscpy(buf, page, min_t(size_t, size, (size_t)ret + 1));
	}
	kfree(page);
	put_file(kn);
	return ret;
}
EXPORT_SYMBOL_GPL(host_sysfs_read);

ssize_t host_sysfs_write(const char *path, const char *buf, size_t count)
{
	const struct sysfs_ops *ops;
	struct kernfs_node *kn;
	ssize_t ret;
	char *page;
	int err = 0;

	kn = get_file(path, 0222, &err);
	if (!kn)
		return err;

	ops = kn->kobj->ktype ? kn->kobj->ktype->sysfs_ops : NULL;
	count = min_t(size_t, count, PAGE_SIZE - 1);
	page = kzalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page) {
		ret = -ENOMEM;
	} else if (!ops || !ops->store) {
		ret = -EIO;
	} else {
		memcpy(page, buf, count);
		ret = ops->store(kn->kobj, (struct attribute *)kn->attr, page,
				 count);
	}
	kfree(page);
	put_file(kn);
	return ret;
}
EXPORT_SYMBOL_GPL(host_sysfs_write);

int host_sysfs_readlink(const char *path, char *buf, size_t size)
{
	const struct kernfs_node *chain[SYSFS_MAX_DEPTH];
	const struct kernfs_node *kn;
	int depth = 0, len = 0, ret;

	mutex_lock(&sysfs_tree_lock);
	kn = resolve(path, false);
	if (!kn) {
		ret = -ENOENT;
		goto out;
	}
	if (kn->type != HOST_SYSFS_LINK) {
		ret = -EINVAL;
		goto out;
	}
	if (kn->target->removed) {
		ret = -ENOENT;
		goto out;
	}
	for (kn = kn->target; kn && kn != &sysfs_root; kn = kn->parent) {
		if (depth == SYSFS_MAX_DEPTH) {
			ret = -ENAMETOOLONG;
			goto out;
		}
		chain[depth++] = kn;
	}

	len = scnprintf(buf, size, "/sys");
	while (depth--) {
		ret = snprintf(buf + len, size > len ? size - len : 0, "/%s",
			       chain[depth]->name);
		if (ret >= (int)(size - len)) {
			ret = -ENAMETOOLONG;
			goto out;
		}
		len += ret;
	}
	ret = len;
out:
	mutex_unlock(&sysfs_tree_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(host_sysfs_readlink);

int host_sysfs_type(const char *path)
{
	struct kernfs_node *kn;
	int ret;

	mutex_lock(&sysfs_tree_lock);
	kn = resolve(path, false);
	ret = kn ? (int)kn->type : -ENOENT;
	mutex_unlock(&sysfs_tree_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(host_sysfs_type);

struct sysfs_listing {
	char			*name;
	enum host_sysfs_type	type;
};

int host_sysfs_for_each(const char *dir,
			int (*fn)(void *data, const char *name,
				  enum host_sysfs_type type),
			void *data)
{
	struct sysfs_listing *list = NULL;
	struct kernfs_node *kn, *child;
	size_t n = 0, i;
	int ret = 0;

	mutex_lock(&sysfs_tree_lock);
	kn = resolve(dir, true);
	if (!kn) {
		ret = -ENOENT;
		goto unlock;
	}
	if (kn->type != HOST_SYSFS_DIR) {
		ret = -ENOTDIR;
		goto unlock;
	}
	list_for_each_entry(child, &kn->children, sibling)
		n++;
	list = kcalloc(n ?: 1, sizeof(*list), GFP_KERNEL);
	if (!list) {
		ret = -ENOMEM;
		goto unlock;
	}
	i = 0;
	list_for_each_entry(child, &kn->children, sibling) {
		list[i].name = kstrdup(child->name, GFP_KERNEL);
		list[i].type = child->type;
		if (!list[i].name) {
			ret = -ENOMEM;
			break;
		}
		i++;
	}
	n = i;
unlock:
	mutex_unlock(&sysfs_tree_lock);

	for (i = 0; !ret && i < n; i++)
		ret = fn(data, list[i].name, list[i].type);
	for (i = 0; list && i < n; i++)
		kfree(list[i].name);
	kfree(list);
	return ret;
}
EXPORT_SYMBOL_GPL(host_sysfs_for_each);
