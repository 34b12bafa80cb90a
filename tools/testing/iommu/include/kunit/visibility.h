/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Widen the visibility of internal symbols for KUnit tests.
 *
 * A function marked VISIBLE_IF_KUNIT is static in a build without KUnit and
 * an ordinary global in a build with it, so a test file can call it.
 */
#ifndef _KUNIT_VISIBILITY_H
#define _KUNIT_VISIBILITY_H

#include <linux/export.h>

#if IS_ENABLED(CONFIG_KUNIT)
/* Nothing: the symbol keeps external linkage for the tests. */
#define VISIBLE_IF_KUNIT
/* Export @symbol in the namespace KUnit tests import. */
#define EXPORT_SYMBOL_IF_KUNIT(symbol)					\
	EXPORT_SYMBOL_NS(symbol, EXPORTED_FOR_KUNIT_TESTING)
#else
#define VISIBLE_IF_KUNIT static
/* Without KUnit the symbol is static: only check that it exists. */
#define EXPORT_SYMBOL_IF_KUNIT(symbol)	EXPORT_SYMBOL(symbol)
#endif

#endif /* _KUNIT_VISIBILITY_H */
