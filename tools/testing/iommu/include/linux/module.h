/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/moduleparam.h>
#include <linux/kmod.h>

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

/* Module metadata has nowhere to go: it all expands to nothing. */
#define MODULE_INFO(tag, info)
#define MODULE_LICENSE(license)
#define MODULE_AUTHOR(author)
#define MODULE_DESCRIPTION(text)
#define MODULE_VERSION(version)
#define MODULE_ALIAS(alias)
#define MODULE_SOFTDEP(deps)
#define MODULE_FIRMWARE(file)
#define MODULE_IMPORT_NS(ns)
#define MODULE_DEVICE_TABLE(bus, table)

/* Built-in code: module_init is a device initcall, module_exit an exit call. */
#define module_init(fn)		device_initcall(fn)
#define module_exit(fn)		__exitcall(fn)

#define module_name(mod)	"kernel"

/* With nothing loadable, pinning a module always works and changes nothing. */
static inline bool try_module_get(struct module *owner) { return true; }
static inline void __module_get(struct module *owner) { }
static inline void module_put(struct module *owner) { }
static inline bool module_is_live(struct module *owner) { return true; }

/* Every symbol is linked in: getting one is taking its address. */
#define symbol_get(x)		(&(x))
#define symbol_put(x)		((void)0)
#define symbol_put_addr(p)	((void)(p))

/*
 * The init function of a driver-registering module, <drv>_init(), which
 * calls @reg on @drv (and the extra arguments, if any), hooked up with the
 * initcall macro @hook.
 */
#define __hostenv_driver_init(drv, hook, reg, ...)			\
static int __init drv##_init(void)					\
{									\
	return reg(&(drv), ##__VA_ARGS__);				\
}									\
hook(drv##_init)

/*
 * A module whose init and exit do nothing but register and unregister
 * a driver: <drv>_init() and <drv>_exit().
 */
#define module_driver(__driver, __register, __unregister, ...)		\
__hostenv_driver_init(__driver, module_init, __register, ##__VA_ARGS__); \
static void __exit __driver##_exit(void)				\
{									\
	__unregister(&(__driver), ##__VA_ARGS__);			\
}									\
module_exit(__driver##_exit)

/* The built-in form: only the registration, run as a device initcall. */
#define builtin_driver(__driver, __register, ...)			\
	__hostenv_driver_init(__driver, device_initcall, __register, ##__VA_ARGS__)

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
