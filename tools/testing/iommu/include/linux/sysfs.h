/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysfs: attributes, attribute groups and symlinks of kobjects.
 *
 * Host environment: the tree lives in memory (lib/sysfs.c). Host-only code
 * reads and writes it by path through <host/sysfs.h>.
 */
#ifndef _LINUX_SYSFS_H
#define _LINUX_SYSFS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stringify.h>

struct kobject;
struct module;
struct file;

/**
 * struct attribute - one sysfs file
 * @name: the file name
 * @mode: the permission bits (0444, 0644, 0200, ...)
 */
struct attribute {
	const char	*name;
	umode_t		mode;
};

/**
 * struct bin_attribute - a sysfs file of raw bytes (declared for completeness)
 * @attr: the attribute
 * @size: the size of the file, 0 if unknown
 * @private: owner data
 * @read: copies bytes out
 * @write: takes written bytes
 */
struct bin_attribute {
	struct attribute	attr;
	size_t			size;
	void			*private;
	ssize_t (*read)(struct file *filp, struct kobject *kobj,
			struct bin_attribute *attr, char *buf, loff_t off,
			size_t count);
	ssize_t (*write)(struct file *filp, struct kobject *kobj,
			 struct bin_attribute *attr, char *buf, loff_t off,
			 size_t count);
};

/**
 * struct attribute_group - a set of attributes created together
 * @name: a subdirectory to create them in, or NULL for the object directory
 * @is_visible: returns the mode of attribute @n, 0 to hide it (optional)
 * @attrs: NULL-terminated array of attributes
 * @bin_attrs: NULL-terminated array of binary attributes (not modelled)
 */
struct attribute_group {
	const char		*name;
	umode_t			(*is_visible)(struct kobject *kobj,
					      struct attribute *attr, int n);
	struct attribute	**attrs;
	struct bin_attribute	**bin_attrs;
};

/**
 * struct sysfs_ops - show/store dispatch of a kobject type
 * @show: fills a PAGE_SIZE buffer with the value of @attr
 * @store: parses @count bytes written to @attr
 */
struct sysfs_ops {
	ssize_t	(*show)(struct kobject *kobj, struct attribute *attr, char *buf);
	ssize_t	(*store)(struct kobject *kobj, struct attribute *attr,
			 const char *buf, size_t count);
};

#define __ATTR(_name, _mode, _show, _store) {				\
	.attr = { .name = __stringify(_name), .mode = (_mode) },	\
	.show	= _show,						\
	.store	= _store,						\
}

#define __ATTR_RO_MODE(_name, _mode) {					\
	.attr	= { .name = __stringify(_name), .mode = (_mode) },	\
	.show	= _name##_show,						\
}

#define __ATTR_RO(_name)	__ATTR_RO_MODE(_name, 0444)

#define __ATTR_WO(_name) {						\
	.attr	= { .name = __stringify(_name), .mode = 0200 },		\
	.store	= _name##_store,					\
}

#define __ATTR_RW_MODE(_name, _mode)					\
	__ATTR(_name, _mode, _name##_show, _name##_store)

#define __ATTR_RW(_name)	__ATTR_RW_MODE(_name, 0644)

#define __ATTR_NULL { .attr = { .name = NULL } }

#define __ATTRIBUTE_GROUPS(_name)				\
static const struct attribute_group *_name##_groups[] = {	\
	&_name##_group,						\
	NULL,							\
}

#define ATTRIBUTE_GROUPS(_name)					\
static const struct attribute_group _name##_group = {		\
	.attrs = _name##_attrs,					\
};								\
__ATTRIBUTE_GROUPS(_name)

int __must_check sysfs_create_file(struct kobject *kobj,
				   const struct attribute *attr);
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr);
int __must_check sysfs_create_files(struct kobject *kobj,
				    const struct attribute * const *attrs);
void sysfs_remove_files(struct kobject *kobj,
			const struct attribute * const *attrs);
int __must_check sysfs_create_group(struct kobject *kobj,
				    const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj,
			const struct attribute_group *grp);
int __must_check sysfs_create_groups(struct kobject *kobj,
				     const struct attribute_group **groups);
void sysfs_remove_groups(struct kobject *kobj,
			 const struct attribute_group **groups);
int __must_check sysfs_create_link(struct kobject *kobj, struct kobject *target,
				   const char *name);
int __must_check sysfs_create_link_nowarn(struct kobject *kobj,
					  struct kobject *target,
					  const char *name);
void sysfs_remove_link(struct kobject *kobj, const char *name);
void sysfs_notify(struct kobject *kobj, const char *dir, const char *attr);

__printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
__printf(3, 4) int sysfs_emit_at(char *buf, int at, const char *fmt, ...);

#endif /* _LINUX_SYSFS_H */
