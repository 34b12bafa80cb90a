/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Named fault-injection points (Linux's struct fault_attr) for the host
 * environment.
 *
 * Linux configures each point through debugfs (probability, interval,
 * times, task filter). The host has no debugfs, and the only trigger that
 * matters here is the per-task fail-nth counter, which every point shares
 * with the allocators: should_fail() consumes current->fail_nth exactly
 * like should_failslab() does, so a fail-nth sweep reaches named points
 * and allocations alike, in program order.
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/compiler.h>
#include <linux/sched.h>
#include <linux/types.h>

/**
 * struct fault_attr - a named fault-injection point
 * @name: the debugfs name the point has in Linux (informational)
 */
struct fault_attr {
	const char *name;
};

#define FAULT_ATTR_INITIALIZER { .name = NULL }

/* Define a fault-injection point called @name */
#define DECLARE_FAULT_ATTR(name) struct fault_attr name = FAULT_ATTR_INITIALIZER

/**
 * should_fail() - should the code at a fault-injection point fail now?
 * @attr: the point
 * @size: the size of the operation (unused)
 *
 * Counts down current->fail_nth when it is armed; the call that brings it
 * to zero fails.
 *
 * Return: true if the caller must act as if the operation failed.
 */
static inline bool should_fail(struct fault_attr *attr, ssize_t size)
{
	struct task_struct *t = current;
	unsigned int nth = READ_ONCE(t->fail_nth);

	if (!nth || !t->make_it_fail)
		return false;
	WRITE_ONCE(t->fail_nth, nth - 1);
	return nth == 1;
}

#endif /* _LINUX_FAULT_INJECT_H */
