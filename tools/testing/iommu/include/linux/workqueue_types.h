/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WORKQUEUE_TYPES_H
#define _LINUX_WORKQUEUE_TYPES_H

#include <linux/atomic.h>
#include <linux/types.h>

struct work_struct;
struct workqueue_struct;

typedef void (*work_func_t)(struct work_struct *work);

/**
 * struct work_struct - a deferred function call
 * @data: WORK_STRUCT_* state bits
 * @entry: link in its queue's list
 * @func: the function
 * @wq: the queue it was last put on (host)
 * @host_expires: jiffy at which a delayed item becomes ready (host)
 */
struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
	struct workqueue_struct *wq;
	u64 host_expires;
};

#endif /* _LINUX_WORKQUEUE_TYPES_H */
