/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kmod.h>
#include <linux/moduleparam.h>
#include <linux/stringify.h>
#include <linux/types.h>

/*
 * Everything is built in.  As in a Linux build without modules,
 * THIS_MODULE is NULL and reference counting on it always succeeds.
 */

/**
 * struct module - a loadable module (never instantiated on the host)
 * @name: module name
 */
struct module {
	char name[56];
};

#define MODULE_NAME_LEN 56

#define MODULE_LICENSE(x)
#define MODULE_AUTHOR(x)
#define MODULE_DESCRIPTION(x)
#define MODULE_ALIAS(x)
#define MODULE_SOFTDEP(x)
#define MODULE_VERSION(x)
#define MODULE_FIRMWARE(x)
#define MODULE_INFO(tag, info)
#define MODULE_IMPORT_NS(ns)
#define MODULE_DEVICE_TABLE(type, name)

/* Built-in code: module_init is a device initcall, module_exit an exit call. */
#define module_init(fn)		device_initcall(fn)
#define module_exit(fn)		__exitcall(fn)

#define module_name(mod)	"kernel"

static inline bool try_module_get(struct module *module)
{
	return true;
}

static inline void module_put(struct module *module)
{
}

static inline void __module_get(struct module *module)
{
}

static inline bool module_is_live(struct module *module)
{
	return true;
}

#define symbol_get(x)		(&(x))
#define symbol_put(x)		do { } while (0)
#define symbol_put_addr(p)	do { } while (0)

/*
 * A module whose init and exit do nothing but register and unregister
 * a driver.
 */
#define module_driver(__driver, __register, __unregister, ...)		\
static int __init __driver##_init(void)					\
{									\
	return __register(&(__driver), ##__VA_ARGS__);			\
}									\
module_init(__driver##_init);						\
static void __exit __driver##_exit(void)				\
{									\
	__unregister(&(__driver), ##__VA_ARGS__);			\
}									\
module_exit(__driver##_exit)

#define builtin_driver(__driver, __register, ...)			\
static int __init __driver##_init(void)					\
{									\
	return __register(&(__driver), ##__VA_ARGS__);			\
}									\
device_initcall(__driver##_init)

/**
 * is_module_address() - does an address lie inside a loadable module?
 * @addr: the address
 *
 * Return: false; everything is built in.
 */
static inline bool is_module_address(unsigned long addr)
{
	return false;
}

#endif /* _LINUX_MODULE_H */
