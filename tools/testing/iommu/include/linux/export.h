/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler.h>

/*
 * Everything is linked into one program, so exports need no symbol table;
 * the macros only check that the symbol exists.
 */
#define __HOST_EXPORT(sym)	extern typeof(sym) sym

#define EXPORT_SYMBOL(sym)			__HOST_EXPORT(sym)
#define EXPORT_SYMBOL_GPL(sym)			__HOST_EXPORT(sym)
#define EXPORT_SYMBOL_NS(sym, ns)		__HOST_EXPORT(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)		__HOST_EXPORT(sym)
#define EXPORT_SYMBOL_FOR_MODULES(sym, mods)	__HOST_EXPORT(sym)
#define _EXPORT_SYMBOL(sym, license)		__HOST_EXPORT(sym)

#define THIS_MODULE	((struct module *)0)

#endif /* _LINUX_EXPORT_H */
