// SPDX-License-Identifier: GPL-2.0
/*
 * Boot and shutdown of the host kernel: run the initcalls level by level.
 *
 * Each level lives in its own ELF section named host_initcall_<level>;
 * because the names are C identifiers, the linker defines
 * __start_<section> and __stop_<section> around each one.  The symbols
 * are weak so that an empty level simply has no entries.
 */
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <host/env.h>

#include "host-internal.h"
#include "host-sections.h"

/**
 * struct initcall_level - the bounds of one level's section
 * @name: level name for messages
 * @start: first entry
 * @stop: one past the last entry
 */
struct initcall_level {
	const char *name;
	initcall_t *start;
	initcall_t *stop;
};

#define LEVEL(n, lvl) { n, __start_host_initcall_##lvl, __stop_host_initcall_##lvl }

bool initcall_debug;
enum system_states system_state = SYSTEM_BOOTING;

static bool booted;

void host_boot(void)
{
	const struct initcall_level levels[] = {
		LEVEL("early", early),
		LEVEL("pure", 0),
		LEVEL("core", 1), LEVEL("core_sync", 1s),
		LEVEL("postcore", 2), LEVEL("postcore_sync", 2s),
		LEVEL("arch", 3), LEVEL("arch_sync", 3s),
		LEVEL("subsys", 4), LEVEL("subsys_sync", 4s),
		LEVEL("fs", 5), LEVEL("fs_sync", 5s),
		LEVEL("rootfs", rootfs),
		LEVEL("device", 6), LEVEL("device_sync", 6s),
		LEVEL("late", 7), LEVEL("late_sync", 7s),
	};
	size_t i;

	if (booted)
		return;
	booted = true;
	initcall_debug = !!host_abi_getenv("HOST_INITCALL_DEBUG");
	/* Make the boot thread's task exist before anything else. */
	(void)current;

	for (i = 0; i < ARRAY_SIZE(levels); i++) {
		initcall_t *fn;

		if (!levels[i].start)
			continue;
		for (fn = levels[i].start; fn < levels[i].stop; fn++) {
			int ret;

			if (initcall_debug)
				pr_info("calling %pS @ %s\n", *fn, levels[i].name);
			ret = (*fn)();
			if (ret && ret != -ENODEV)
				pr_warn("initcall %pS returned %d\n", *fn, ret);
		}
		if (i == 0)
			system_state = SYSTEM_SCHEDULING;
	}
	system_state = SYSTEM_RUNNING;
}

void host_shutdown(void)
{
	exitcall_t *fn;

	if (!booted || !__start_host_exitcall)
		return;
	system_state = SYSTEM_HALT;
	for (fn = __stop_host_exitcall; fn-- > __start_host_exitcall;)
		(*fn)();
	rcu_barrier();
	booted = false;
}
