// SPDX-License-Identifier: GPL-2.0
/*
 * main() of the host test program, and the KTAP output channel.
 */
#include <stdio.h>

#include "kunit-host.h"

void kunit_host_write(const char *text, unsigned long len)
{
	fwrite(text, 1, len, stdout);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	return kunit_host_main(argc, argv);
}
