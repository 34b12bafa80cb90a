/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Between lib/kobject.c and lib/sysfs.c: directories of kobjects.
 */
#ifndef _HOSTENV_SYSFS_INTERNAL_H
#define _HOSTENV_SYSFS_INTERNAL_H

struct kobject;

/**
 * sysfs_create_dir_for() - create the directory of an object in its parent's
 * @kobj: the object, with name and parent set
 *
 * Return: 0, -EEXIST when the name is taken, -ENOENT when the parent has no
 * directory, or -ENOMEM.
 */
int sysfs_create_dir_for(struct kobject *kobj);

/**
 * sysfs_remove_dir_for() - remove the directory of an object and all it holds
 * @kobj: the object
 */
void sysfs_remove_dir_for(struct kobject *kobj);

#endif /* _HOSTENV_SYSFS_INTERNAL_H */
