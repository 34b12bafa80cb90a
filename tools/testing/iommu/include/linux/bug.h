/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <asm/bug.h>
#include <linux/build_bug.h>
#include <linux/compiler.h>

/**
 * kunit_is_suppressed_warning() - whether the running test expects a warning
 * @function: name of the function that is about to warn
 *
 * The KUnit runner provides this; a weak default in the host library
 * returns false so that programs without the runner still link.
 *
 * Return: true if the warning must be neither printed nor counted.
 */
bool kunit_is_suppressed_warning(const char *function);

#define MAYBE_BUILD_BUG_ON(cond) BUILD_BUG_ON(cond)

/**
 * check_data_corruption() - WARN when data corruption is detected
 * @v: the condition that signals corruption
 *
 * Return: the value of @v.
 */
#define check_data_corruption(v) ({					\
	bool __cdc_ret = !!(v);						\
	if (unlikely(__cdc_ret))					\
		WARN(1, "data corruption: %s", #v);			\
	unlikely(__cdc_ret);						\
})

#define CHECK_DATA_CORRUPTION(condition, fmt, ...) ({			\
	bool __cdc2_ret = !!(condition);				\
	if (unlikely(__cdc2_ret))					\
		WARN(1, fmt, ##__VA_ARGS__);				\
	unlikely(__cdc2_ret);						\
})

enum bug_trap_type {
	BUG_TRAP_TYPE_NONE = 0,
	BUG_TRAP_TYPE_WARN = 1,
	BUG_TRAP_TYPE_BUG = 2,
};

#endif /* _LINUX_BUG_H */
