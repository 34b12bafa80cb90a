// SPDX-License-Identifier: GPL-2.0
/*
 * Symbolic links of the kernel instance's sysfs, for readlink(2) under the
 * preload library: enough for a VFIO user to find out which devices share
 * an IOMMU group, the way it does on Linux:
 *
 *   readlink("/sys/class/vfio-dev/vfio3/device")
 *	-> "/sys/devices/pci0000:00/0000:00:1c.1/0000:02:00.0"
 *   readlink("/sys/bus/pci/devices/0000:02:00.0/iommu_group")
 *	-> "/sys/kernel/iommu_groups/7"
 *
 * Links are those of the in-memory sysfs (lib/sysfs.c).  The IOMMU core of
 * this tree keeps no group objects in sysfs, so the "iommu_group" link of
 * a PCI function is produced here from iommu_group_get() and
 * iommu_group_id(); the directory it names does not exist.
 *
 * Differences from Linux: targets are absolute paths (Linux returns them
 * relative to the link's directory; basename() sees the same name), and
 * only readlink() is served: open() and opendir() of these paths still go
 * to the host's own /sys.
 */
#include <linux/device.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <host/sysfs.h>

#include "host-vfs-abi.h"

#define SYSFS_PATH_MAX	512

/* The parts of /sys whose links the kernel instance answers for */
static const char *const sysfs_prefixes[] = {
	"/sys/bus/pci", "/sys/class/vfio-dev", "/sys/devices/pci",
	"/sys/kernel/iommu_groups",
};

int host_vfs_sysfs_is_ours(const char *path)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sysfs_prefixes); i++) {
		size_t len = strlen(sysfs_prefixes[i]);

		if (!strncmp(path, sysfs_prefixes[i], len)) {
			host_vfs_boot();
			return 1;
		}
	}
	return 0;
}

/*
 * Resolve every link of @path (an absolute /sys path) into @out, so that
 * the result names the entry's real location.  "." and ".." are handled
 * after each link is resolved, as the kernel's path walk does.
 */
static int sysfs_canonical(const char *path, char *out, size_t size)
{
	char *next __free(kfree) = kmalloc(SYSFS_PATH_MAX, GFP_KERNEL);
	const char *p = path + strlen("/sys");
	int len;

	if (!next)
		return -ENOMEM;
	len = strscpy(out, "/sys", size);
	while (*p) {
		const char *end;
		int ret;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		end = strchrnul(p, '/');
		if (end - p == 1 && p[0] == '.') {
			p = end;
			continue;
		}
		if (end - p == 2 && p[0] == '.' && p[1] == '.') {
			/* Never above /sys itself */
			if (len > 4) {
				char *slash = strrchr(out, '/');

				*slash = 0;
				len = slash - out;
			}
			p = end;
			continue;
		}
		if (len + 1 + (end - p) >= size)
			return -ENAMETOOLONG;
		out[len++] = '/';
		memcpy(out + len, p, end - p);
		len += end - p;
		out[len] = 0;
		p = end;

		ret = host_sysfs_type(out);
		if (ret < 0)
			return ret;
		if (ret == HOST_SYSFS_LINK) {
			ret = host_sysfs_readlink(out, next, SYSFS_PATH_MAX);
			if (ret < 0)
				return ret;
			if (strscpy(out, next, size) < 0)
				return -ENAMETOOLONG;
			len = strlen(out);
		}
	}
	return 0;
}

/* The iommu_group link of the PCI function whose directory is @dir */
static int sysfs_iommu_group_link(const char *dir, char *target, size_t size)
{
	char *canon __free(kfree) = kmalloc(SYSFS_PATH_MAX, GFP_KERNEL);
	struct iommu_group *group;
	struct device *dev;
	const char *name;
	char *kpath;
	int ret;

	if (!canon)
		return -ENOMEM;
	ret = sysfs_canonical(dir, canon, SYSFS_PATH_MAX);
	if (ret)
		return ret;
	if (host_sysfs_type(canon) != HOST_SYSFS_DIR)
		return -ENOENT;

	name = strrchr(canon, '/') + 1;
	dev = bus_find_device_by_name(&pci_bus_type, NULL, name);
	if (!dev)
		return -ENOENT;
	/* The name must be that of this very directory, not a namesake */
	kpath = kobject_get_path(&dev->kobj, GFP_KERNEL);
	ret = kpath && !strcmp(kpath, canon + strlen("/sys")) ? 0 : -ENOENT;
	kfree(kpath);
	if (!ret) {
		group = iommu_group_get(dev);
		if (group) {
			ret = snprintf(target, size, "/sys/kernel/iommu_groups/%d",
				       iommu_group_id(group));
			iommu_group_put(group);
		} else {
			ret = -ENOENT;
		}
	}
	put_device(dev);
	return ret;
}

long host_vfs_readlink(const char *path, char *buf, unsigned long size)
{
	char *target __free(kfree) = kmalloc(SYSFS_PATH_MAX, GFP_KERNEL);
	char *dir __free(kfree) = NULL;
	const char *base;
	long ret;

	if (!target)
		return -ENOMEM;
	if (!size)
		return -EINVAL;

	ret = host_sysfs_readlink(path, target, SYSFS_PATH_MAX);
	if (ret == -ENOENT || ret == -EINVAL) {
		/* Links in the middle of the path are followed by sysfs */
		base = strrchr(path, '/');
		if (base && !strcmp(base, "/iommu_group")) {
			dir = kstrndup(path, base - path, GFP_KERNEL);
			if (!dir)
				return -ENOMEM;
			ret = sysfs_iommu_group_link(dir, target, SYSFS_PATH_MAX);
			if (ret == -ENOENT && host_sysfs_exists(path))
				ret = -EINVAL;
		}
	}
	if (ret < 0)
		return ret;
	if (ret >= SYSFS_PATH_MAX)
		return -ENAMETOOLONG;
	/* readlink() truncates silently and adds no terminating NUL */
	ret = min_t(unsigned long, ret, size);
	memcpy(buf, target, ret);
	return ret;
}
