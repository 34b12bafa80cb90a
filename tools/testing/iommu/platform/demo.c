// SPDX-License-Identifier: GPL-2.0
/*
 * build/iommu-demo, what 'make run' shows: boot the default machine, print
 * its IOMMU groups, then drive DMA from the modelled devices through a
 * paging domain and an identity domain, and show the fault that a DMA to
 * an unmapped address raises.
 */
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/iommu.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/stdarg.h>
#include <linux/string.h>

#include <acpi/actbl1.h>
#include <host/env.h>
#include <host/machine.h>
#include <host/vtd.h>

#include "../../../../drivers/iommu/iommu-priv.h"
#include "demo.h"

/* VT-d fault registers, as the spec numbers them (for the raw dump) */
#define DEMO_VTD_CAP		0x08
#define DEMO_VTD_FSTS		0x34
#define DEMO_VTD_FECTL		0x38
#define DEMO_FECTL_IM		BIT(31)
#define DEMO_CAP_FRO(cap)	((((cap) >> 24) & 0x3ff) * 16)
#define DEMO_CAP_NFR(cap)	((((cap) >> 40) & 0xff) + 1)

#define DEMO_IOVA		0x10000000UL
#define DEMO_LOG_LINES		256
#define DEMO_LOG_LEN		200

static char demo_log[DEMO_LOG_LINES][DEMO_LOG_LEN];
static unsigned int demo_log_count;
static unsigned int demo_log_shown;
static unsigned int demo_problems;

static __printf(1, 2) void out(const char *fmt, ...)
{
	char buf[512];
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	iommu_demo_write(buf, len);
}

/* Console sink: keep kernel messages to show them where they belong. */
static void demo_log_sink(const char *line)
{
	if (demo_log_count < DEMO_LOG_LINES)
		strscpy(demo_log[demo_log_count++], line, DEMO_LOG_LEN);
}

/* Print the kernel messages logged since the last call. */
static void show_kernel_log(const char *skip_prefix)
{
	unsigned int skipped = 0;

	for (; demo_log_shown < demo_log_count; demo_log_shown++) {
		const char *line = demo_log[demo_log_shown];

		if (skip_prefix && !strncmp(line, skip_prefix, strlen(skip_prefix))) {
			skipped++;
			continue;
		}
		out("  kernel: %s\n", line);
	}
	if (skipped)
		out("  kernel: (%u lines starting with \"%s\" not shown)\n", skipped, skip_prefix);
}

static void problem(const char *what, int err)
{
	demo_problems++;
	out("  !! %s (%d)\n", what, err);
}

static void show_dmar(struct machine *m)
{
	struct acpi_table_dmar *dmar = (void *)m->dmar;
	u8 *p = (u8 *)(dmar + 1), *end = (u8 *)dmar + dmar->header.length;

	out("ACPI DMAR table: %u bytes, host address width %u, checksum 0x%02x\n",
	    dmar->header.length, dmar->width + 1, dmar->header.checksum);
	while (p < end) {
		struct acpi_dmar_header *h = (void *)p;
		u8 *s = p, *send = p + h->length;

		if (h->type == ACPI_DMAR_TYPE_HARDWARE_UNIT) {
			struct acpi_dmar_hardware_unit *d = (void *)p;

			out("  DRHD  registers 0x%llx  segment %u%s\n", d->address, d->segment,
			    (d->flags & ACPI_DMAR_INCLUDE_ALL) ? "  INCLUDE_PCI_ALL" : "");
			s += sizeof(*d);
		} else if (h->type == ACPI_DMAR_TYPE_RESERVED_MEMORY) {
			struct acpi_dmar_reserved_memory *r = (void *)p;

			out("  RMRR  0x%llx-0x%llx  segment %u\n", r->base_address,
			    r->end_address, r->segment);
			s += sizeof(*r);
		} else {
			s = send;
		}
		while (s < send) {
			struct acpi_dmar_device_scope *sc = (void *)s;
			struct acpi_dmar_pci_path *path = (void *)(sc + 1);
			int n = (sc->length - sizeof(*sc)) / sizeof(*path), k;

			out("        scope %s bus %02x path",
			    sc->entry_type == ACPI_DMAR_SCOPE_TYPE_BRIDGE ? "bridge  " : "endpoint",
			    sc->bus);
			for (k = 0; k < n; k++)
				out(" %02x.%u", path[k].device, path[k].function);
			out("\n");
			s += sc->length;
		}
		p += h->length;
	}
}

/* The IOMMU instance a device sits behind, by the name its driver gave it. */
static void iommu_name_of(struct machine_dev *md, char *buf, size_t size)
{
	struct iommu_device *iommu = md->dev->iommu ? md->dev->iommu->iommu_dev : NULL;

	if (iommu && iommu->dev)
		strscpy(buf, dev_name(iommu->dev), size);
	else
		strscpy(buf, md->iommu ? md->iommu->desc->name : "-", size);
}

/* What the group's "type" attribute shows. */
static void group_type(struct iommu_group *group, char *buf, size_t size)
{
	char *page = kzalloc(PAGE_SIZE, GFP_KERNEL);

	if (!page || iommu_group_show_type(group, page) <= 0)
		strscpy(page ? page : buf, "?", page ? PAGE_SIZE : size);
	if (page) {
		page[strcspn(page, "\n")] = '\0';
		strscpy(buf, page, size);
		kfree(page);
	}
}

static void show_groups(struct machine *m)
{
	bool *done = kcalloc(m->nr_devs, sizeof(*done), GFP_KERNEL);
	unsigned int i, j;

	if (!done) {
		problem("out of memory", -ENOMEM);
		return;
	}
	out("\nIOMMU groups\n");
	out("  %-5s  %-6s  %-10s  %s\n", "group", "iommu", "default", "devices");
	for (i = 0; i < m->nr_devs; i++) {
		struct iommu_group *group = iommu_group_get(m->devs[i].dev);
		char iommu[32], type[32], line[256];
		int id, len = 0;

		if (done[i] || !group)
			goto next;
		id = iommu_group_id(group);
		iommu_name_of(&m->devs[i], iommu, sizeof(iommu));
		group_type(group, type, sizeof(type));
		for (j = i; j < m->nr_devs; j++) {
			struct iommu_group *g = iommu_group_get(m->devs[j].dev);

			if (g == group) {
				len += scnprintf(line + len, sizeof(line) - len, "%s%s (%s)",
						 len ? ", " : "", m->devs[j].name,
						 dev_name(m->devs[j].dev));
				done[j] = true;
			}
			iommu_group_put(g);
		}
		out("  %-5d  %-6s  %-10s  %s\n", id, iommu, type, line);
next:
		iommu_group_put(group);
	}
	for (i = 0; i < m->nr_devs; i++) {
		struct iommu_group *group = iommu_group_get(m->devs[i].dev);

		if (!group)
			out("  %-5s  %-6s  %-10s  %s (%s)\n", "-", "-", "-", m->devs[i].name,
			    dev_name(m->devs[i].dev));
		iommu_group_put(group);
	}
	kfree(done);
}

static const char *fault_reason_name(u16 reason)
{
	switch (reason) {
	case 0x02: return "context entry not present";
	case 0x04: return "address beyond the domain's width";
	case 0x05: return "no write permission";
	case 0x06: return "no read permission (not mapped)";
	case 0x41: return "scalable mode: context entry not present";
	case 0x51: return "scalable mode: PASID directory entry not present";
	case 0x59: return "scalable mode: PASID table entry not present";
	case 0x71: return "scalable mode: first-stage entry not present";
	case 0x83: return "scalable mode: address beyond the maximum";
	case 0x85: return "scalable mode: no write permission";
	case 0x86: return "scalable mode: no read permission (not mapped)";
	default: return "see the VT-d specification, chapter 7";
	}
}

static void show_fault(struct machine_dev *md)
{
	const struct dma_dev_fault *f = dma_dev_last_fault(&md->dma);
	struct vtd_unit *u = md->iommu->vtd;
	struct vtd_stats st;
	u64 cap, fsts;
	unsigned int i, pending = 0;

	out("  the device saw: %s fault at IOVA 0x%llx, requester %02x:%02x.%u\n",
	    f->write ? "write" : "read", f->addr, f->source_id >> 8,
	    PCI_SLOT(f->source_id & 0xff), PCI_FUNC(f->source_id & 0xff));
	out("    fault reason 0x%02x: %s%s\n", f->reason, fault_reason_name(f->reason),
	    f->recorded ? " (recorded by the unit)" : "");

	cap = vtd_mmio_read(u, DEMO_VTD_CAP, 8);
	fsts = vtd_mmio_read(u, DEMO_VTD_FSTS, 4);
	for (i = 0; i < DEMO_CAP_NFR(cap); i++) {
		u64 off = DEMO_CAP_FRO(cap) + i * 16;
		u64 lo = vtd_mmio_read(u, off, 8), hi = vtd_mmio_read(u, off + 8, 8);

		if (!(hi & BIT_ULL(63)))
			continue;
		pending++;
		out("  %s fault recording register %u (offset 0x%llx):\n", md->iommu->desc->name,
		    i, off);
		out("    FI 0x%llx SID 0x%04llx FR 0x%02llx %s%s\n", lo & ~0xfffULL, hi & 0xffff,
		    (hi >> 32) & 0xff, (hi & BIT_ULL(62)) ? "read" : "write",
		    (hi & BIT_ULL(31)) ? " with PASID" : "");
	}
	vtd_get_stats(u, &st);
	if (!pending)
		out("  %s fault recording registers: none pending (FSTS 0x%llx),\n",
		    md->iommu->desc->name, fsts);
	if (!pending)
		out("    the driver has handled and cleared them (%llu recorded so far)\n",
		    st.faults_recorded);
}

static int demo_dma_domain(struct machine *m)
{
	static const char msg[] = "hello through the IOMMU";
	struct machine_dev *md = machine_dev_find(m, "nvme");
	struct iommu_domain *domain;
	struct iommu_group *group;
	char got[sizeof(msg)] = "";
	u8 *buf;
	int ret;

	out("\nDMA through a paging domain: %s (%s)\n", md->name, dev_name(md->dev));
	buf = alloc_pages_exact(2 * PAGE_SIZE, GFP_KERNEL | __GFP_ZERO);
	group = iommu_group_get(md->dev);
	if (!buf || !group) {
		ret = -ENODEV;
		problem("no buffer or no group", ret);
		goto out_free;
	}

	ret = iommu_group_claim_dma_owner(group, md);
	if (ret) {
		problem("claiming the group for exclusive use failed", ret);
		goto out_free;
	}
	domain = iommu_paging_domain_alloc(md->dev);
	if (IS_ERR(domain)) {
		ret = PTR_ERR(domain);
		problem("paging domain allocation failed", ret);
		goto out_release;
	}
	ret = iommu_attach_group(domain, group);
	if (ret) {
		problem("attaching the paging domain failed", ret);
		goto out_domain;
	}
	out("  group %d claimed and attached to a paging domain (aperture 0x%llx-0x%llx)\n",
	    iommu_group_id(group), (u64)domain->geometry.aperture_start,
	    (u64)domain->geometry.aperture_end);

	ret = iommu_map(domain, DEMO_IOVA, virt_to_phys(buf), PAGE_SIZE,
			IOMMU_READ | IOMMU_WRITE, GFP_KERNEL);
	if (!ret)
		ret = iommu_map(domain, DEMO_IOVA + PAGE_SIZE, virt_to_phys(buf + PAGE_SIZE),
				PAGE_SIZE, IOMMU_READ, GFP_KERNEL);
	if (ret) {
		problem("iommu_map failed", ret);
		goto out_detach;
	}
	out("  mapped IOVA 0x%lx -> PA 0x%llx (read/write), IOVA 0x%lx -> PA 0x%llx (read-only)\n",
	    DEMO_IOVA, (u64)virt_to_phys(buf), DEMO_IOVA + PAGE_SIZE,
	    (u64)virt_to_phys(buf + PAGE_SIZE));
	out("  iommu_iova_to_phys(0x%lx) = 0x%llx\n", DEMO_IOVA + 0x10,
	    (u64)iommu_iova_to_phys(domain, DEMO_IOVA + 0x10));

	ret = machine_dev_dma(md, DEMO_IOVA + 0x10, (void *)msg, sizeof(msg), DMA_DEV_NO_PASID,
			      DMA_ACC_WRITE);
	out("  device writes \"%s\" at IOVA 0x%lx: %s\n", msg, DEMO_IOVA + 0x10,
	    ret ? "FAULT" : "ok");
	if (ret || memcmp(buf + 0x10, msg, sizeof(msg)))
		problem("the DMA write did not land in the mapped page", ret);
	else
		out("  the buffer at PA 0x%llx now holds \"%s\"\n",
		    (u64)virt_to_phys(buf + 0x10), (char *)buf + 0x10);

	ret = machine_dev_dma(md, DEMO_IOVA + 0x10, got, sizeof(got), DMA_DEV_NO_PASID,
			      DMA_ACC_READ);
	out("  device reads it back: %s \"%s\"\n", ret ? "FAULT" : "ok", got);

	out("\nA write to the read-only page at IOVA 0x%lx:\n", DEMO_IOVA + PAGE_SIZE);
	ret = machine_dev_dma(md, DEMO_IOVA + PAGE_SIZE, (void *)msg, 8, DMA_DEV_NO_PASID,
			      DMA_ACC_WRITE);
	if (ret != -EFAULT)
		problem("the write to a read-only page was not blocked", ret);
	else
		show_fault(md);
	show_kernel_log(NULL);

	out("\nA read of the unmapped IOVA 0x%lx, with the fault interrupt masked\n",
	    DEMO_IOVA + 2 * PAGE_SIZE);
	out("(FECTL.IM) so that the record stays in the unit's registers:\n");
	vtd_mmio_write(md->iommu->vtd, DEMO_VTD_FECTL, DEMO_FECTL_IM, 4);
	ret = machine_dev_dma(md, DEMO_IOVA + 2 * PAGE_SIZE, got, 8, DMA_DEV_NO_PASID,
			      DMA_ACC_READ);
	if (ret != -EFAULT)
		problem("the read of an unmapped page was not blocked", ret);
	else
		show_fault(md);
	out("  unmasking delivers the pending fault event to the driver:\n");
	vtd_mmio_write(md->iommu->vtd, DEMO_VTD_FECTL, 0, 4);
	show_kernel_log(NULL);

	out("\nAfter iommu_unmap() of IOVA 0x%lx, the same read:\n", DEMO_IOVA);
	iommu_unmap(domain, DEMO_IOVA, 2 * PAGE_SIZE);
	ret = machine_dev_dma(md, DEMO_IOVA + 0x10, got, 8, DMA_DEV_NO_PASID, DMA_ACC_READ);
	if (ret != -EFAULT)
		problem("a read after unmap was not blocked", ret);
	else
		show_fault(md);
	show_kernel_log(NULL);
	ret = 0;

out_detach:
	iommu_detach_group(domain, group);
out_domain:
	iommu_domain_free(domain);
out_release:
	iommu_group_release_dma_owner(group);
out_free:
	iommu_group_put(group);
	if (buf)
		free_pages_exact(buf, 2 * PAGE_SIZE);
	return ret;
}

/* Write the group's "type" attribute, as root does through sysfs. */
static int set_group_type(struct iommu_group *group, const char *type)
{
	return iommu_group_store_type(group, type, strlen(type));
}

static int demo_identity(struct machine *m)
{
	static const char msg[] = "hello without translation";
	struct machine_dev *md = machine_dev_find(m, "nic0");
	struct machine_dev *gfx = machine_dev_find(m, "gfx");
	struct iommu_group *group;
	char type[32];
	u8 *buf;
	int ret;

	out("\nDMA through an identity domain: %s (%s)\n", md->name, dev_name(md->dev));
	buf = alloc_pages_exact(PAGE_SIZE, GFP_KERNEL | __GFP_ZERO);
	group = iommu_group_get(md->dev);
	if (!buf || !group) {
		ret = -ENODEV;
		problem("no buffer or no group", ret);
		goto out;
	}
	host_set_capable(-1, true);
	ret = set_group_type(group, "identity");
	group_type(group, type, sizeof(type));
	out("  echo identity > /sys/kernel/iommu_groups/%d/type: %s; the type is now %s\n",
	    iommu_group_id(group), ret < 0 ? "refused" : "ok", type);
	if (ret < 0) {
		problem("switching the group to identity failed", ret);
		goto out;
	}

	ret = machine_dev_dma(md, virt_to_phys(buf), (void *)msg, sizeof(msg), DMA_DEV_NO_PASID,
			      DMA_ACC_WRITE);
	out("  device writes \"%s\" at bus address 0x%llx (= the buffer's PA): %s\n", msg,
	    (u64)virt_to_phys(buf), ret ? "FAULT" : "ok");
	if (ret || memcmp(buf, msg, sizeof(msg)))
		problem("the identity-mapped DMA did not land in the buffer", ret);
	else
		out("  the buffer holds \"%s\"\n", (char *)buf);

	ret = set_group_type(group, "DMA");
	group_type(group, type, sizeof(type));
	out("  echo DMA > /sys/kernel/iommu_groups/%d/type: %s; back to %s\n",
	    iommu_group_id(group), ret < 0 ? "refused" : "ok", type);
	ret = ret < 0 ? ret : 0;

	iommu_group_put(group);
	group = iommu_group_get(gfx->dev);
	if (group) {
		int err = set_group_type(group, "identity");

		group_type(group, type, sizeof(type));
		out("  %s sits behind %s, which has no pass-through (ECAP.PT=0):\n", gfx->name,
		    gfx->iommu->desc->name);
		out("    echo identity: %s (%d); the group's type is %s\n",
		    err < 0 ? "refused" : "accepted", err, type);
		if (err >= 0)
			set_group_type(group, "auto");
	}
out:
	show_kernel_log(NULL);
	iommu_group_put(group);
	if (buf)
		free_pages_exact(buf, PAGE_SIZE);
	return ret;
}

int iommu_demo_main(int argc, char **argv)
{
	struct machine *m;
	long before;

	host_console_set_sink(demo_log_sink);
	host_boot();
	rcu_barrier();
	before = host_alloc_outstanding();

	out("Booting the default machine\n");
	m = machine_boot(machine_default_spec());
	if (IS_ERR(m)) {
		show_kernel_log(NULL);
		out("boot failed: %ld\n", PTR_ERR(m));
		host_console_set_sink(NULL);
		return 1;
	}
	show_kernel_log("pci ");
	out("\n");
	show_dmar(m);

	if (!machine_driver_up(m, MACHINE_IOMMU_VTD)) {
		out("\nThe VT-d driver is not built in (CONFIG_INTEL_IOMMU): the units are\n"
		    "modelled and described in the DMAR table, but nothing forms groups yet.\n");
	} else {
		show_groups(m);
		if (demo_dma_domain(m))
			demo_problems++;
		if (demo_identity(m))
			demo_problems++;
	}

	out("\nTearing the machine down\n");
	machine_teardown(m);
	show_kernel_log(NULL);
	rcu_barrier();
	out("  allocations still live after teardown: %ld\n",
	    host_alloc_outstanding() - before);
	host_console_set_sink(NULL);
	if (demo_problems)
		out("\n%u step(s) did not behave as expected\n", demo_problems);
	return demo_problems ? 1 : 0;
}
