// SPDX-License-Identifier: GPL-2.0
/// The attach contract of the IOMMU core: a driver's attach_dev and
/// set_dev_pasid callbacks fail only with -ENOMEM, -EINVAL, -EBUSY, -ENODEV
/// or -ENOSPC.  Report every other errno constant that such a callback
/// returns directly.  Values held in variables or returned by callees are
/// not followed; the core checks those at run time.
//
// Confidence: High
// Options: --no-includes --include-headers

virtual report

@named_ops@
identifier ops, fn;
identifier op = {attach_dev, set_dev_pasid};
@@
struct iommu_domain_ops ops = {
	...,
	.op = fn,
	...
};

@literal_ops@
identifier fn;
identifier op = {attach_dev, set_dev_pasid};
@@
 (struct iommu_domain_ops) {
	...,
	.op = fn,
	...
}

@bad depends on report@
identifier f = {named_ops.fn, literal_ops.fn};
identifier E =~ "^E[A-Z0-9]+$";
position p;
@@
f(...)
{
	<...
	return -E@p;
	...>
}

@script:python depends on report@
f << bad.f;
E << bad.E;
p << bad.p;
@@
allowed = ("ENOMEM", "EINVAL", "EBUSY", "ENODEV", "ENOSPC")
if E not in allowed:
	coccilib.report.print_report(p[0],
		"attach_errno: %s() returns -%s; attach callbacks may only fail with -%s" %
		(f, E, ", -".join(allowed)))
