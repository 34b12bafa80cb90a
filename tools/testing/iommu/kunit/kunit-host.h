/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The boundary between the KUnit runner (kernel flavour) and its C library
 * glue (*-libc.c).  Plain C types only: both flavours include this file.
 */
#ifndef _KUNIT_HOST_H
#define _KUNIT_HOST_H

/* C11's noreturn: a freestanding header, usable by both flavours. */
#include <stdnoreturn.h>

/**
 * kunit_host_try() - run @body below a catch point
 * @frame_slot: where the catch point is published while @body runs; the
 *	previous value is restored afterwards, so catch points nest.
 * @body: the function to run.
 * @data: its argument.
 * @signal_out: set to the crash signal that ended @body, or 0.
 *
 * Return: 0 if @body returned, 1 if kunit_host_throw() unwound it, 2 if it
 * crashed (SIGSEGV, SIGBUS, SIGFPE or SIGILL on this thread).
 */
int kunit_host_try(void **frame_slot, void (*body)(void *data), void *data,
		   int *signal_out);

/**
 * kunit_host_signal_name() - describe a signal
 * @sig: the signal number.
 *
 * Return: a human-readable name.
 */
const char *kunit_host_signal_name(int sig);

/**
 * kunit_host_throw() - unwind to a catch point made by kunit_host_try()
 * @frame: the value kunit_host_try() published.
 *
 * Does not return.  If @frame is NULL or belongs to another thread there is
 * nowhere to unwind to; the process is aborted with a message.
 */
noreturn void kunit_host_throw(void *frame);

/**
 * kunit_host_write() - write KTAP output to standard output, unbuffered
 * @text: the bytes.
 * @len: how many.
 */
void kunit_host_write(const char *text, unsigned long len);

/**
 * kunit_host_main() - the runner's entry point, called by main()
 * @argc: argument count.
 * @argv: arguments: an optional filter glob, or --list, or --help.
 *
 * Return: the process exit status.
 */
int kunit_host_main(int argc, char **argv);

#endif /* _KUNIT_HOST_H */
