/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/types.h>

/*
 * Nothing is discarded after boot on the host, so the section markers are
 * empty.  Initcalls are real: each level has its own ELF section, named
 * as a C identifier so that the linker provides __start_ and __stop_
 * symbols, and host_boot() runs the levels in order.
 */
#define __init
#define __initdata
#define __initconst
#define __exit
#define __exitdata
#define __refdata
#define __ref
#define __meminit
#define __meminitdata
#define __init_or_module
#define __exit_p(x)	x
#define __initcall(fn)	device_initcall(fn)

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

/*
 * Section names: host_initcall_<level>.  Levels 0..7 are pure, core,
 * postcore, arch, subsys, fs, device and late; "s" variants (the _sync
 * calls) run right after their level.
 */
#define __define_initcall(fn, lvl)					\
	static initcall_t __PASTE(__PASTE(__initcall_, fn), lvl) __used	\
	__section("host_initcall_" #lvl) = fn

/* Numbered levels run in ascending order, each followed by its _sync level. */
#define pure_initcall(fn)		__define_initcall(fn, 0)
#define core_initcall(fn)		__define_initcall(fn, 1)
#define postcore_initcall(fn)		__define_initcall(fn, 2)
#define arch_initcall(fn)		__define_initcall(fn, 3)
#define subsys_initcall(fn)		__define_initcall(fn, 4)
#define fs_initcall(fn)			__define_initcall(fn, 5)
#define device_initcall(fn)		__define_initcall(fn, 6)
#define late_initcall(fn)		__define_initcall(fn, 7)

/* The _sync level of numbered level @lvl is "<lvl>s". */
#define __sync_initcall(fn, lvl)	__define_initcall(fn, lvl##s)
#define core_initcall_sync(fn)		__sync_initcall(fn, 1)
#define postcore_initcall_sync(fn)	__sync_initcall(fn, 2)
#define arch_initcall_sync(fn)		__sync_initcall(fn, 3)
#define subsys_initcall_sync(fn)	__sync_initcall(fn, 4)
#define fs_initcall_sync(fn)		__sync_initcall(fn, 5)
#define device_initcall_sync(fn)	__sync_initcall(fn, 6)
#define late_initcall_sync(fn)		__sync_initcall(fn, 7)

/* Named levels: "early" runs before level 0, "rootfs" between 5s and 6. */
#define early_initcall(fn)		__define_initcall(fn, early)
#define rootfs_initcall(fn)		__define_initcall(fn, rootfs)

/* Exit calls run in reverse registration order at host shutdown. */
#define __exitcall(fn)							\
	static exitcall_t __PASTE(__exitcall_, fn) __used		\
	__section("host_exitcall") = fn

#define console_initcall(fn)	__define_initcall(fn, early)

extern bool initcall_debug;

#endif /* _LINUX_INIT_H */
