/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of the machine code: what each kind of IOMMU unit contributes
 * to a boot (its model, its firmware tables, its driver).
 */
#ifndef _PLATFORM_MACHINE_INTERNAL_H
#define _PLATFORM_MACHINE_INTERNAL_H

#include <host/machine.h>

/* First register window the machine hands out, and the stride. */
#define MACHINE_MMIO_BASE	0xfed90000ULL
#define MACHINE_MMIO_STRIDE	0x10000ULL

/**
 * struct machine_type_ops - what one kind of IOMMU unit brings to a boot
 * @name: for messages
 * @create: instantiate the model of @u (register window included)
 * @destroy: destroy the model of @u
 * @publish: build and install the firmware tables describing every unit
 *	of this kind (called once, after every model exists)
 * @withdraw: withdraw and free those tables
 * @detect: optional: early detection, before PCI is enumerated (where a
 *	driver asks the PCI core for ACS); -EOPNOTSUPP when the driver is not
 *	built in
 * @driver_init: start the driver the way arch code does, once PCI is
 *	enumerated; -EOPNOTSUPP when the driver is not built in (the machine
 *	then runs without it)
 * @driver_exit: stop the driver and free everything it allocated
 */
struct machine_type_ops {
	const char *name;
	int (*create)(struct machine *m, struct machine_iommu *u);
	void (*destroy)(struct machine *m, struct machine_iommu *u);
	int (*publish)(struct machine *m);
	void (*withdraw)(struct machine *m);
	int (*detect)(struct machine *m);
	int (*driver_init)(struct machine *m);
	void (*driver_exit)(struct machine *m);
};

extern const struct machine_type_ops machine_vtd_ops;

/**
 * machine_fn_parent() - the bridge a PCI function sits behind
 * @desc: the machine description
 * @i: index of the function in @desc->fns
 *
 * Return: the index of the bridge whose secondary bus is the function's
 * bus (same segment), or -1 for a function on a root bus.
 */
int machine_fn_parent(const struct machine_spec *desc, unsigned int i);

/**
 * machine_fn_iommu() - the unit that serves a PCI function
 * @desc: the machine description
 * @i: index of the function in @desc->fns
 *
 * Return: the unit index, or %MACHINE_IOMMU_NONE.
 */
int machine_fn_iommu(const struct machine_spec *desc, unsigned int i);

/**
 * machine_fn_find() - a PCI function by label
 * @desc: the machine description
 * @name: the label
 *
 * Return: its index, or -1.
 */
int machine_fn_find(const struct machine_spec *desc, const char *name);

/**
 * machine_segment_root_bus() - the root bus number of a segment
 * @desc: the machine description
 * @segment: the segment
 *
 * Return: the lowest bus number of @segment that no bridge leads to.
 */
u8 machine_segment_root_bus(const struct machine_spec *desc, u16 segment);

#endif /* _PLATFORM_MACHINE_INTERNAL_H */
