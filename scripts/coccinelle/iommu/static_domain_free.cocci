// SPDX-License-Identifier: GPL-2.0
/// Identity and blocked domains that a driver defines as static objects
/// live as long as the driver; the core never frees them.  Their
/// iommu_domain_ops must therefore leave .free unset.  Report a .free op
/// in the ops of a statically defined IOMMU_DOMAIN_IDENTITY or
/// IOMMU_DOMAIN_BLOCKED domain, whether the ops are a named object or a
/// compound literal in the domain's initializer.
//
// Confidence: High
// Options: --no-includes --include-headers

virtual report

@named depends on report@
identifier dom, dops;
@@
struct iommu_domain dom = {
	...,
	.type = \(IOMMU_DOMAIN_IDENTITY\|IOMMU_DOMAIN_BLOCKED\),
	...,
	.ops = &dops,
	...
};

@named_free depends on report@
identifier named.dops, fn;
position p;
@@
struct iommu_domain_ops dops = {
	...,
	.free = fn@p,
	...
};

@script:python depends on report@
dom << named.dom;
dops << named.dops;
fn << named_free.fn;
p << named_free.p;
@@
coccilib.report.print_report(p[0],
	"static_domain_free: %s is a static domain but its ops %s set .free = %s" %
	(dom, dops, fn))

@inline_free depends on report@
identifier dom, fn;
position p;
@@
struct iommu_domain dom = {
	...,
	.type = \(IOMMU_DOMAIN_IDENTITY\|IOMMU_DOMAIN_BLOCKED\),
	...,
	.ops = &(struct iommu_domain_ops) {
		...,
		.free = fn@p,
		...
	},
	...
};

@script:python depends on report@
dom << inline_free.dom;
fn << inline_free.fn;
p << inline_free.p;
@@
coccilib.report.print_report(p[0],
	"static_domain_free: %s is a static domain but its ops set .free = %s" %
	(dom, fn))
