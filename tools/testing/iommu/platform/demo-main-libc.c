// SPDX-License-Identifier: GPL-2.0
/*
 * main() of build/iommu-demo, and its output channel.  The demo itself is
 * kernel-flavour code (demo.c); this file only touches the C library.
 */
#include <stdio.h>

#include "../kunit/kunit-host.h"
#include "demo.h"

void iommu_demo_write(const char *text, unsigned long len)
{
	fwrite(text, 1, len, stdout);
	fflush(stdout);
}

/* The KUnit runner is linked in too; its output would go to stdout. */
void kunit_host_write(const char *text, unsigned long len)
{
	iommu_demo_write(text, len);
}

int main(int argc, char **argv)
{
	return iommu_demo_main(argc, argv);
}
