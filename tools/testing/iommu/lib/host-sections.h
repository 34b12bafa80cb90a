/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bounds of the sections that collect initcalls, exitcalls (init.c)
 * and PCI fixups (pci.c).  The section names are C identifiers, so the
 * linker defines __start_<section> and __stop_<section>; the symbols are
 * weak so that an empty section simply has no entries.
 */
#ifndef _HOST_SECTIONS_H
#define _HOST_SECTIONS_H

#include <linux/init.h>
#include <linux/pci.h>

#define DECLARE_LEVEL(lvl)						\
	extern initcall_t __start_host_initcall_##lvl[] __weak;	\
	extern initcall_t __stop_host_initcall_##lvl[] __weak

DECLARE_LEVEL(early);
DECLARE_LEVEL(0);
DECLARE_LEVEL(1);
DECLARE_LEVEL(1s);
DECLARE_LEVEL(2);
DECLARE_LEVEL(2s);
DECLARE_LEVEL(3);
DECLARE_LEVEL(3s);
DECLARE_LEVEL(4);
DECLARE_LEVEL(4s);
DECLARE_LEVEL(5);
DECLARE_LEVEL(5s);
DECLARE_LEVEL(rootfs);
DECLARE_LEVEL(6);
DECLARE_LEVEL(6s);
DECLARE_LEVEL(7);
DECLARE_LEVEL(7s);

extern exitcall_t __start_host_exitcall[] __weak;
extern exitcall_t __stop_host_exitcall[] __weak;

extern const struct pci_fixup __start_host_pci_fixup_early[] __weak;
extern const struct pci_fixup __stop_host_pci_fixup_early[] __weak;
extern const struct pci_fixup __start_host_pci_fixup_header[] __weak;
extern const struct pci_fixup __stop_host_pci_fixup_header[] __weak;
extern const struct pci_fixup __start_host_pci_fixup_final[] __weak;
extern const struct pci_fixup __stop_host_pci_fixup_final[] __weak;

#endif /* _HOST_SECTIONS_H */
