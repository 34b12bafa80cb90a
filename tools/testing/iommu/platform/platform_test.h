/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the platform-level KUnit suites: test-owned memory,
 * DMA probes through the modelled devices, and group ownership that is
 * released when a case ends.
 */
#ifndef _PLATFORM_TEST_H
#define _PLATFORM_TEST_H

#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/mm.h>
#include <kunit/test.h>

#include <host/machine.h>

/**
 * pt_pages() - zeroed, physically contiguous pages freed when @test ends
 * @test: the test
 * @size: bytes (rounded up to pages)
 *
 * Return: the memory; the test is aborted if there is none.
 */
void *pt_pages(struct kunit *test, size_t size);

/**
 * pt_dev() - a device of the running machine by label
 * @test: the test (aborted if the device does not exist)
 * @m: the machine
 * @name: the label
 *
 * Return: the device.
 */
struct machine_dev *pt_dev(struct kunit *test, struct machine *m, const char *name);

/**
 * pt_group() - the group of a device, with the reference put when @test ends
 * @test: the test (aborted if the device has no group)
 * @md: the device
 *
 * Return: the group.
 */
struct iommu_group *pt_group(struct kunit *test, struct machine_dev *md);

/**
 * pt_claim() - claim a group for exclusive DMA use until @test ends
 * @test: the test (aborted if the claim fails)
 * @group: the group
 *
 * The group is on its blocking domain afterwards.  When the test ends it is
 * detached from whatever domain it is on and released.
 */
void pt_claim(struct kunit *test, struct iommu_group *group);

/**
 * pt_paging() - a paging domain for @md, freed when @test ends
 * @test: the test (aborted if allocation fails)
 * @md: the device
 *
 * Return: the domain.  Free-on-exit runs after the group release of
 * pt_claim() calls made later in the test.
 */
struct iommu_domain *pt_paging(struct kunit *test, struct machine_dev *md);

/**
 * pt_write32() - DMA write of one 32-bit value
 * @md: the device
 * @iova: address
 * @pasid: PASID or %DMA_DEV_NO_PASID
 * @val: value
 *
 * Return: as machine_dev_dma().
 */
int pt_write32(struct machine_dev *md, u64 iova, u32 pasid, u32 val);

/**
 * pt_read32() - DMA read of one 32-bit value
 * @md: the device
 * @iova: address
 * @pasid: PASID or %DMA_DEV_NO_PASID
 * @val: receives the value
 *
 * Return: as machine_dev_dma().
 */
int pt_read32(struct machine_dev *md, u64 iova, u32 pasid, u32 *val);

#endif /* _PLATFORM_TEST_H */
