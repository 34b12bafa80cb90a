/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The boundary between the demo program (kernel flavour, demo.c) and its
 * C library glue (demo-main-libc.c).  Plain C types only.
 */
#ifndef _PLATFORM_DEMO_H
#define _PLATFORM_DEMO_H

/**
 * iommu_demo_main() - the demo: boot the default machine and show it
 * @argc: argument count
 * @argv: arguments (none are used yet)
 *
 * Return: the process exit status: 0 when every step behaved as expected.
 */
int iommu_demo_main(int argc, char **argv);

/**
 * iommu_demo_write() - write demo output to standard output
 * @text: the bytes
 * @len: how many
 */
void iommu_demo_write(const char *text, unsigned long len);

#endif /* _PLATFORM_DEMO_H */
