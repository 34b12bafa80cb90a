/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers of the VT-d model's KUnit suites: a small "driver" that builds
 * root, context, PASID and page tables by hand and drives the registers.
 */
#ifndef _HW_VTD_TEST_H
#define _HW_VTD_TEST_H

#include <kunit/test.h>
#include <host/vtd.h>

#include "vtd-regs.h"

#define VTD_TEST_MAX_PAGES	1024

/* Options of vtd_test_env_create(). */
#define VTD_TEST_SM		BIT(0)	/* scalable mode root table */
#define VTD_TEST_NO_QI		BIT(1)	/* do not enable queued invalidation */
#define VTD_TEST_NO_TE		BIT(2)	/* do not enable translation */
#define VTD_TEST_NARROW_QI	BIT(3)	/* 128-bit descriptors even in scalable mode */

/**
 * struct vtd_test_env - a unit plus the memory a test built for it
 * @test: the running test
 * @u: the unit
 * @sm: the root table is in scalable mode
 * @root: root table
 * @queue: invalidation queue (when enabled)
 * @wide: 256-bit descriptors
 * @qsize: queue entries
 * @qtail: software tail index
 * @status: wait-descriptor status words
 * @nr_pages: pages in @pages
 * @pages: every page block allocated for the test (freed at the end)
 * @orders: allocation order of each block
 */
struct vtd_test_env {
	struct kunit *test;
	struct vtd_unit *u;
	bool sm;
	u64 *root;
	u64 *queue;
	bool wide;
	unsigned int qsize;
	unsigned int qtail;
	u32 *status;
	unsigned int nr_pages;
	unsigned long pages[VTD_TEST_MAX_PAGES];
	unsigned int orders[VTD_TEST_MAX_PAGES];
};

/* Lifetime and memory */
struct vtd_test_env *vtd_test_env_create(struct kunit *test, const struct vtd_config *cfg,
					 unsigned int opts);
void *vtd_test_pages(struct vtd_test_env *env, unsigned int order);
void *vtd_test_page(struct vtd_test_env *env);
u64 vtd_test_pa(const void *p);

void vtd_test_cfg_no_sm(struct vtd_config *cfg);

/* Registers */
u64 vtd_test_rd(struct vtd_test_env *env, u64 off, unsigned int size);
void vtd_test_wr(struct vtd_test_env *env, u64 off, u64 val, unsigned int size);
u32 vtd_test_rd32(struct vtd_test_env *env, u64 off);
u64 vtd_test_rd64(struct vtd_test_env *env, u64 off);
void vtd_test_wr32(struct vtd_test_env *env, u64 off, u32 val);
void vtd_test_wr64(struct vtd_test_env *env, u64 off, u64 val);
void vtd_test_gcmd(struct vtd_test_env *env, u32 set, u32 clear);
void vtd_test_set_root(struct vtd_test_env *env, u64 rtaddr);

/* Tables */
u64 *vtd_test_ctx_entry(struct vtd_test_env *env, u16 sid);
void vtd_test_legacy_ctx(struct vtd_test_env *env, u16 sid, unsigned int tt, unsigned int aw,
			 u16 did, u64 slptptr);
u64 *vtd_test_sm_ctx(struct vtd_test_env *env, u16 sid);
u64 *vtd_test_pasid_entry(struct vtd_test_env *env, u16 sid, u32 pasid);
void vtd_test_pasid_sl(struct vtd_test_env *env, u16 sid, u32 pasid, u64 slptptr,
		       unsigned int aw, u16 did);
void vtd_test_pasid_fl(struct vtd_test_env *env, u16 sid, u32 pasid, u64 flptr, u16 did,
		       u64 qw2_flags);
void vtd_test_pasid_pt(struct vtd_test_env *env, u16 sid, u32 pasid, u16 did);
u64 *vtd_test_sl_map(struct vtd_test_env *env, u64 *top, unsigned int levels, u64 iova,
		     u64 pa, unsigned int shift, u64 prot);
u64 *vtd_test_fl_map(struct vtd_test_env *env, u64 *top, unsigned int levels, u64 iova,
		     u64 pa, unsigned int shift, u64 flags);

/* Invalidation */
void vtd_test_desc_cc(u64 *d, unsigned int gran, u16 did, u16 sid, unsigned int fm);
void vtd_test_desc_iotlb(u64 *d, unsigned int gran, u16 did, u64 addr, unsigned int am,
			 bool ih);
void vtd_test_desc_piotlb(u64 *d, unsigned int gran, u16 did, u32 pasid, u64 addr,
			  unsigned int am, bool ih);
void vtd_test_desc_pc(u64 *d, unsigned int gran, u16 did, u32 pasid);
void vtd_test_qi_post(struct vtd_test_env *env, const u64 *d);
int vtd_test_qi_submit(struct vtd_test_env *env, const u64 *descs, unsigned int n);
int vtd_test_qi_one(struct vtd_test_env *env, const u64 *d);
void vtd_test_flush_all(struct vtd_test_env *env);

/* Requests and faults */
int vtd_test_xlate(struct vtd_test_env *env, u16 sid, u32 pasid, u64 iova,
		   unsigned int access, struct vtd_xlate *res);
u8 vtd_test_reason(struct vtd_test_env *env, u16 sid, u32 pasid, u64 iova,
		   unsigned int access);
void vtd_test_frcd(struct vtd_test_env *env, unsigned int idx, u64 *lo, u64 *hi);
void vtd_test_clear_faults(struct vtd_test_env *env);
bool vtd_test_reason_known(u8 reason);

/* Deterministic pseudo-random numbers (xorshift64*) */
u64 vtd_test_rand(u64 *state);

#define VTD_SID(bus, dev, fn)	((u16)(((bus) << 8) | ((dev) << 3) | (fn)))

#endif /* _HW_VTD_TEST_H */
