/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

struct task_struct;

/**
 * get_current() - the task_struct of the calling thread
 *
 * Each host thread gets its own task_struct the first time it asks;
 * it is released when the thread exits.
 *
 * Return: the current task, never NULL.
 */
struct task_struct *get_current(void);

#define current get_current()

#endif /* _ASM_CURRENT_H */
