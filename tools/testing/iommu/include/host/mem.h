/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _HOST_MEM_H
#define _HOST_MEM_H

/*
 * The host memory model seen by hardware models.  A physical address is
 * the host virtual address of a byte; "RAM" is whatever the host kernel
 * allocated (page allocator, kmalloc family, vmalloc) plus ranges that
 * code registered explicitly (e.g. pinned user memory).  Hardware models
 * must reach memory only through host_phys_read()/host_phys_write(), so
 * that a walk into garbage becomes an error instead of a crash.
 */

#include <linux/types.h>

/**
 * host_phys_read() - read RAM on behalf of a device
 * @pa: physical address
 * @buf: destination
 * @len: bytes
 *
 * Return: 0, or -EFAULT if any byte of [@pa, @pa + @len) is not RAM.
 */
int host_phys_read(phys_addr_t pa, void *buf, size_t len);

/**
 * host_phys_write() - write RAM on behalf of a device
 * @pa: physical address
 * @buf: source
 * @len: bytes
 *
 * Return: 0, or -EFAULT if any byte of [@pa, @pa + @len) is not RAM
 * (nothing is written then).
 */
int host_phys_write(phys_addr_t pa, const void *buf, size_t len);

/**
 * host_phys_is_ram() - whether a range is entirely RAM
 * @pa: physical address
 * @len: bytes
 *
 * Return: true if every byte is RAM.
 */
bool host_phys_is_ram(phys_addr_t pa, size_t len);

/**
 * host_ram_register() - declare extra memory as RAM
 * @pa: start
 * @len: bytes
 *
 * Registrations of the same start nest (a count is kept).
 *
 * Return: 0, -ENOMEM, or -EEXIST if the range overlaps different RAM.
 */
int host_ram_register(phys_addr_t pa, size_t len);

/**
 * host_ram_unregister() - undo one host_ram_register()
 * @pa: start given to host_ram_register()
 */
void host_ram_unregister(phys_addr_t pa);

/**
 * host_ram_get() - make a range RAM for as long as it is pinned
 * @pa: start
 * @len: bytes
 *
 * For memory the host kernel did not allocate (pinned user pages): the
 * range is registered as with host_ram_register(), nesting per start.
 * A range that already is RAM of the kernel is left alone.
 *
 * Return: 0, or -ENOMEM (the range then stays unknown to devices).
 */
int host_ram_get(phys_addr_t pa, size_t len);

/**
 * host_ram_put() - undo host_ram_get()
 * @pa: start given to host_ram_get()
 * @len: bytes given to host_ram_get()
 *
 * Drops the registration only if one of exactly this range exists, so
 * that it pairs with host_ram_get() whether or not that registered it.
 */
void host_ram_put(phys_addr_t pa, size_t len);

/**
 * host_guard_region() - memory whose tail faults on any access
 * @len: bytes (rounded up to whole pages)
 * @accessible: bytes at the start that are readable and writable
 *	(rounded up to whole pages; 0 for an entirely inaccessible region)
 *
 * For tests of bad user pointers; the region is never released.
 *
 * Return: its start, or NULL.
 */
void *host_guard_region(size_t len, size_t accessible);

#endif /* _HOST_MEM_H */
