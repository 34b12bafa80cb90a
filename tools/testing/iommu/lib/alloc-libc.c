// SPDX-License-Identifier: GPL-2.0
/*
 * C library glue: raw memory for the host allocators.  All accounting,
 * fault injection and RAM registration happen on the kernel-flavour side
 * (slab.c); this file only talks to malloc.
 */
#include <malloc.h>
#include <stdlib.h>

#include "host-abi.h"

void *host_abi_alloc(unsigned long size, unsigned long align)
{
	void *p = NULL;

	if (align < sizeof(void *))
		align = sizeof(void *);
	if (posix_memalign(&p, align, size))
		return NULL;
	return p;
}

void host_abi_free(void *p)
{
	free(p);
}

unsigned long host_abi_usable_size(void *p)
{
	return malloc_usable_size(p);
}
