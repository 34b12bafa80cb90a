/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/wait.h>

struct file;
struct poll_table_struct;

/* Event bits, numbered as in the Linux uapi (<linux/eventpoll.h>). */
#define EPOLLIN		((__force __poll_t)0x00000001)
#define EPOLLPRI	((__force __poll_t)0x00000002)
#define EPOLLOUT	((__force __poll_t)0x00000004)
#define EPOLLERR	((__force __poll_t)0x00000008)
#define EPOLLHUP	((__force __poll_t)0x00000010)
#define EPOLLNVAL	((__force __poll_t)0x00000020)
#define EPOLLRDNORM	((__force __poll_t)0x00000040)
#define EPOLLRDBAND	((__force __poll_t)0x00000080)
#define EPOLLWRNORM	((__force __poll_t)0x00000100)
#define EPOLLWRBAND	((__force __poll_t)0x00000200)
#define EPOLLMSG	((__force __poll_t)0x00000400)
#define EPOLLRDHUP	((__force __poll_t)0x00002000)

#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

/**
 * typedef poll_queue_proc - how a poller registers interest in a queue
 * @file: the file being polled
 * @wq: a wait queue whose wake-up means the poll mask may have changed
 * @pt: the poll table passed to ->poll()
 */
typedef void (*poll_queue_proc)(struct file *file, wait_queue_head_t *wq,
				struct poll_table_struct *pt);

/**
 * struct poll_table_struct - a poller's registration callback
 * @_qproc: called by poll_wait() for each queue; NULL when the caller
 *	only wants the current mask
 * @_key: the events the caller is interested in
 */
struct poll_table_struct {
	poll_queue_proc _qproc;
	__poll_t _key;
};

/* Linux's typedef name, spelled as a macro here. */
#define poll_table struct poll_table_struct

/**
 * poll_wait() - let a poller know which queue signals changes of @filp
 * @filp: the polled file
 * @wait_address: the queue the driver wakes when the mask changes
 * @p: the poll table from ->poll(), may be NULL
 */
static inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address,
			     poll_table *p)
{
	if (p && p->_qproc && wait_address)
		p->_qproc(filp, wait_address, p);
}

/**
 * poll_requested_events() - the events a poller asked for
 * @p: the poll table, may be NULL
 *
 * Return: the event mask (all events when @p is NULL).
 */
static inline __poll_t poll_requested_events(const poll_table *p)
{
	return p ? p->_key : (__force __poll_t)~0U;
}

/**
 * init_poll_funcptr() - set up a poll table
 * @pt: the table
 * @qproc: its registration callback
 */
static inline void init_poll_funcptr(poll_table *pt, poll_queue_proc qproc)
{
	pt->_qproc = qproc;
	pt->_key = (__force __poll_t)~0U;
}

/**
 * vfs_poll() - ask a file for its ready events
 * @file: the file
 * @pt: the poll table, may be NULL
 *
 * Return: the event mask; files without ->poll() are always ready.
 */
__poll_t vfs_poll(struct file *file, struct poll_table_struct *pt);

#endif /* _LINUX_POLL_H */
