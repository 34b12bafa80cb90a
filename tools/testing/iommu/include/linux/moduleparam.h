/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/stringify.h>
#include <linux/types.h>

/*
 * Module parameters keep their compiled-in defaults on the host; the
 * macros only type-check their arguments.
 */
struct kernel_param;

/**
 * struct kernel_param_ops - how to parse and print a parameter
 * @flags: KERNEL_PARAM_OPS_* flags
 * @set: parse a string into the parameter
 * @get: print the parameter
 * @free: release its storage
 */
struct kernel_param_ops {
	unsigned int flags;
	int (*set)(const char *val, const struct kernel_param *kp);
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

/**
 * struct kernel_param - one module parameter
 * @name: its name
 * @ops: parsing operations
 * @arg: the variable
 */
struct kernel_param {
	const char *name;
	const struct kernel_param_ops *ops;
	void *arg;
};

#define MODULE_PARM_DESC(_parm, desc)
#define module_param_named(name, value, type, perm) \
	static __maybe_unused void *__PASTE(__mod_param_, name) = &(value)
#define module_param(name, type, perm) module_param_named(name, name, type, perm)
#define module_param_named_unsafe(name, value, type, perm) \
	module_param_named(name, value, type, perm)
#define module_param_unsafe(name, type, perm) module_param(name, type, perm)
#define module_param_cb(name, ops, arg, perm) \
	static __maybe_unused const void *__PASTE(__mod_param_cb_, name) = (ops)
#define module_param_call(name, _set, _get, arg, perm)
#define module_param_array(name, type, nump, perm) \
	static __maybe_unused void *__PASTE(__mod_param_arr_, name) = (name)
#define core_param(name, var, type, perm)
#define __setup(str, fn) \
	static __maybe_unused int (*__PASTE(__setup_, fn))(char *) = (fn)
#define early_param(str, fn) \
	static __maybe_unused int (*__PASTE(__early_param_, fn))(char *) = (fn)

int param_set_bool(const char *val, const struct kernel_param *kp);
int param_get_bool(char *buffer, const struct kernel_param *kp);

#endif /* _LINUX_MODULEPARAM_H */
