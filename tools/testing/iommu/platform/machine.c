// SPDX-License-Identifier: GPL-2.0
/*
 * Booting and tearing down a described machine (see <host/machine.h>).
 *
 * The order follows an x86 boot: the hardware exists first (models with
 * their register windows, reserved memory), firmware publishes its tables,
 * the PCI core enumerates the buses, and only then does arch code start
 * the IOMMU drivers, which find their units in the firmware tables and
 * probe the devices that are already there.  Teardown runs in reverse.
 */
#include <linux/err.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <host/fwnode.h>
#include <host/machine.h>

#include "machine-internal.h"

static const struct machine_type_ops *const machine_types[MACHINE_IOMMU_NR_TYPES] = {
	[MACHINE_IOMMU_VTD] = &machine_vtd_ops,
};

static DEFINE_MUTEX(machine_lock);
static struct machine *machine_running;

static bool fn_is_bridge(const struct machine_pci_fn_desc *f)
{
	return f->fn.flags & PCI_FAKE_BRIDGE;
}

static u8 fn_subordinate(const struct machine_pci_fn_desc *f)
{
	return f->fn.subordinate ?: f->fn.secondary;
}

int machine_fn_parent(const struct machine_spec *desc, unsigned int i)
{
	const struct machine_pci_fn_desc *f = &desc->fns[i];
	unsigned int j;

	for (j = 0; j < desc->nr_fns; j++) {
		const struct machine_pci_fn_desc *b = &desc->fns[j];

		if (j != i && fn_is_bridge(b) && b->segment == f->segment &&
		    b->fn.secondary == f->fn.bus)
			return j;
	}
	return -1;
}

static int machine_catch_all(const struct machine_spec *desc, u16 segment)
{
	unsigned int i;

	for (i = 0; i < desc->nr_iommus; i++) {
		if (desc->iommus[i].include_all && desc->iommus[i].segment == segment)
			return i;
	}
	return MACHINE_IOMMU_NONE;
}

int machine_fn_iommu(const struct machine_spec *desc, unsigned int i)
{
	int cur = i;

	/* An explicit choice wins; otherwise the nearest bridge's one. */
	while (cur >= 0) {
		if (desc->fns[cur].iommu != MACHINE_IOMMU_AUTO)
			return desc->fns[cur].iommu;
		cur = machine_fn_parent(desc, cur);
	}
	return machine_catch_all(desc, desc->fns[i].segment);
}

int machine_fn_find(const struct machine_spec *desc, const char *name)
{
	unsigned int i;

	for (i = 0; i < desc->nr_fns; i++) {
		if (desc->fns[i].name && !strcmp(desc->fns[i].name, name))
			return i;
	}
	return -1;
}

u8 machine_segment_root_bus(const struct machine_spec *desc, u16 segment)
{
	unsigned int i;
	int root = 256;

	for (i = 0; i < desc->nr_fns; i++) {
		if (desc->fns[i].segment != segment)
			continue;
		if (machine_fn_parent(desc, i) < 0 && desc->fns[i].fn.bus < root)
			root = desc->fns[i].fn.bus;
	}
	return root == 256 ? 0 : root;
}

/*
 * The requester id a function's DMA carries on the way to the root
 * complex.  Conventional PCI has no requester ids of its own: a PCIe to PCI
 * bridge tags what it forwards with its secondary bus and devfn 0, and a
 * conventional bridge forwards with its own id.
 */
static u16 machine_fn_rid(const struct machine_spec *desc, unsigned int i)
{
	const struct machine_pci_fn_desc *f = &desc->fns[i];
	u16 rid = PCI_DEVID(f->fn.bus, f->fn.devfn);
	int cur = i, p;

	if (f->dma_alias && f->fn.nr_aliases)
		rid = PCI_DEVID(f->fn.bus, f->fn.alias_devfn);

	while ((p = machine_fn_parent(desc, cur)) >= 0) {
		const struct pci_fake_fn *child = &desc->fns[cur].fn;
		const struct pci_fake_fn *br = &desc->fns[p].fn;

		if (child->flags & PCI_FAKE_CONVENTIONAL) {
			if (br->flags & PCI_FAKE_CONVENTIONAL)
				rid = PCI_DEVID(br->bus, br->devfn);
			else if (br->pcie_type == PCI_EXP_TYPE_PCI_BRIDGE)
				rid = PCI_DEVID(br->secondary, 0);
		}
		cur = p;
	}
	return rid;
}

static int machine_check_iommus(const struct machine_spec *desc)
{
	unsigned int i, j;

	for (i = 0; i < desc->nr_iommus; i++) {
		const struct machine_iommu_desc *u = &desc->iommus[i];

		if (!u->name || u->type >= MACHINE_IOMMU_NR_TYPES ||
		    u->segment >= MACHINE_MAX_SEGMENTS)
			return -EINVAL;
		if (!machine_types[u->type])
			return -EOPNOTSUPP;
		for (j = 0; j < i; j++) {
			const struct machine_iommu_desc *o = &desc->iommus[j];

			if (!strcmp(o->name, u->name))
				return -EINVAL;
			/* One catch-all unit per segment */
			if (u->include_all && o->include_all && o->segment == u->segment)
				return -EINVAL;
		}
	}
	return 0;
}

static int machine_check_fns(const struct machine_spec *desc)
{
	unsigned int i, j;
	int parent;

	for (i = 0; i < desc->nr_fns; i++) {
		const struct machine_pci_fn_desc *f = &desc->fns[i];
		int unit = f->iommu;

		if (!f->name || f->segment >= MACHINE_MAX_SEGMENTS)
			return -EINVAL;
		if (unit != MACHINE_IOMMU_AUTO && unit != MACHINE_IOMMU_NONE &&
		    (unit < 0 || unit >= (int)desc->nr_iommus))
			return -EINVAL;
		if (unit >= 0 && desc->iommus[unit].segment != f->segment)
			return -EINVAL;
		/* Firmware cannot hide a function from a catch-all unit */
		if (unit == MACHINE_IOMMU_NONE &&
		    machine_catch_all(desc, f->segment) != MACHINE_IOMMU_NONE)
			return -EINVAL;
		if (f->dma_alias && !f->fn.nr_aliases)
			return -EINVAL;
		for (j = 0; j < i; j++) {
			const struct machine_pci_fn_desc *o = &desc->fns[j];

			if (!strcmp(o->name, f->name))
				return -EINVAL;
			if (o->segment == f->segment && o->fn.bus == f->fn.bus &&
			    o->fn.devfn == f->fn.devfn)
				return -EINVAL;
		}
		/* A bridge must come before the functions behind it */
		parent = machine_fn_parent(desc, i);
		if (parent > (int)i)
			return -EINVAL;
		if (fn_is_bridge(f) && fn_subordinate(f) < f->fn.secondary)
			return -EINVAL;
	}
	return 0;
}

static int machine_check(const struct machine_spec *desc)
{
	unsigned int i, j;
	int ret;

	if (!desc || (desc->nr_iommus && !desc->iommus) ||
	    (desc->nr_fns && !desc->fns) || (desc->nr_rmrrs && !desc->rmrrs) ||
	    (desc->nr_platdevs && !desc->platdevs))
		return -EINVAL;
	ret = machine_check_iommus(desc);
	if (ret)
		return ret;
	ret = machine_check_fns(desc);
	if (ret)
		return ret;

	for (i = 0; i < desc->nr_rmrrs; i++) {
		const struct machine_rmrr_desc *r = &desc->rmrrs[i];
		int seg = -1;

		if (!r->size || !PAGE_ALIGNED(r->size) || !r->devices[0])
			return -EINVAL;
		for (j = 0; j < MACHINE_RMRR_MAX_DEVS && r->devices[j]; j++) {
			int f = machine_fn_find(desc, r->devices[j]);

			if (f < 0 || fn_is_bridge(&desc->fns[f]))
				return -EINVAL;
			if (seg >= 0 && seg != desc->fns[f].segment)
				return -EINVAL;
			seg = desc->fns[f].segment;
		}
	}
	for (i = 0; i < desc->nr_platdevs; i++) {
		const struct machine_platdev_desc *p = &desc->platdevs[i];

		if (!p->name || (p->iommu != MACHINE_IOMMU_NONE &&
				 (p->iommu < 0 || p->iommu >= (int)desc->nr_iommus)))
			return -EINVAL;
	}
	return 0;
}

static bool machine_has_type(const struct machine_spec *desc, enum machine_iommu_type type)
{
	unsigned int i;

	for (i = 0; i < desc->nr_iommus; i++) {
		if (desc->iommus[i].type == type)
			return true;
	}
	return false;
}

static void machine_destroy_units(struct machine *m, unsigned int nr)
{
	while (nr--) {
		struct machine_iommu *u = &m->iommus[nr];

		machine_types[u->desc->type]->destroy(m, u);
	}
}

static int machine_create_units(struct machine *m)
{
	unsigned int i;
	int ret;

	for (i = 0; i < m->nr_iommus; i++) {
		struct machine_iommu *u = &m->iommus[i];

		u->desc = &m->desc->iommus[i];
		u->index = i;
		ret = machine_types[u->desc->type]->create(m, u);
		if (ret) {
			pr_err("machine %s: unit %s: model failed (%d)\n", m->desc->name,
			       u->desc->name, ret);
			machine_destroy_units(m, i);
			return ret;
		}
	}
	return 0;
}

static void machine_free_rmrrs(struct machine *m)
{
	unsigned int i;

	for (i = 0; i < m->desc->nr_rmrrs; i++) {
		if (m->rmrrs[i].mem)
			free_pages_exact(m->rmrrs[i].mem, m->rmrrs[i].size);
		m->rmrrs[i].mem = NULL;
	}
}

static int machine_alloc_rmrrs(struct machine *m)
{
	unsigned int i;

	for (i = 0; i < m->desc->nr_rmrrs; i++) {
		struct machine_rmrr *r = &m->rmrrs[i];

		r->desc = &m->desc->rmrrs[i];
		r->size = r->desc->size;
		r->mem = alloc_pages_exact(r->size, GFP_KERNEL | __GFP_ZERO);
		if (!r->mem) {
			machine_free_rmrrs(m);
			return -ENOMEM;
		}
	}
	return 0;
}

static void machine_withdraw(struct machine *m, unsigned int nr_types)
{
	while (nr_types--) {
		if (machine_types[nr_types] && machine_has_type(m->desc, nr_types))
			machine_types[nr_types]->withdraw(m);
	}
}

static int machine_publish(struct machine *m)
{
	unsigned int t;
	int ret;

	for (t = 0; t < MACHINE_IOMMU_NR_TYPES; t++) {
		if (!machine_types[t] || !machine_has_type(m->desc, t))
			continue;
		ret = machine_types[t]->publish(m);
		if (ret) {
			machine_withdraw(m, t);
			return ret;
		}
	}
	return 0;
}

static void machine_pci_destroy(struct machine *m)
{
	unsigned int s;

	for (s = MACHINE_MAX_SEGMENTS; s--;) {
		pci_fake_destroy(m->pci[s]);
		m->pci[s] = NULL;
	}
}

static bool machine_fn_shares_slot(const struct machine_spec *desc, unsigned int i)
{
	const struct machine_pci_fn_desc *f = &desc->fns[i];
	unsigned int j;

	for (j = 0; j < desc->nr_fns; j++) {
		const struct machine_pci_fn_desc *o = &desc->fns[j];

		if (j != i && o->segment == f->segment && o->fn.bus == f->fn.bus &&
		    PCI_SLOT(o->fn.devfn) == PCI_SLOT(f->fn.devfn))
			return true;
	}
	return false;
}

static int machine_pci_segment(struct machine *m, u16 seg)
{
	const struct machine_spec *desc = m->desc;
	struct pci_fake_desc fd = { };
	struct pci_fake_fn *fns;
	unsigned int i, n = 0;
	struct pci_fake *fake;

	fns = kcalloc(desc->nr_fns, sizeof(*fns), GFP_KERNEL);
	if (!fns)
		return -ENOMEM;
	for (i = 0; i < desc->nr_fns; i++) {
		if (desc->fns[i].segment != seg)
			continue;
		fns[n] = desc->fns[i].fn;
		/* Function 0 must say "multifunction" for the others to be found */
		if (machine_fn_shares_slot(desc, i))
			fns[n].flags |= PCI_FAKE_MULTIFUNCTION;
		n++;
	}

	fd.domain = seg;
	fd.root_bus = machine_segment_root_bus(desc, seg);
	fd.fns = fns;
	fd.nr_fns = n;
	fake = pci_fake_create(&fd);
	kfree(fns);
	if (IS_ERR(fake))
		return PTR_ERR(fake);
	m->pci[seg] = fake;
	return 0;
}

static int machine_pci_create(struct machine *m)
{
	const struct machine_spec *desc = m->desc;
	bool used[MACHINE_MAX_SEGMENTS] = { };
	unsigned int i, s;
	int ret;

	for (i = 0; i < desc->nr_fns; i++)
		used[desc->fns[i].segment] = true;
	for (s = 0; s < MACHINE_MAX_SEGMENTS; s++) {
		if (!used[s])
			continue;
		ret = machine_pci_segment(m, s);
		if (ret)
			goto err;
	}

	for (i = 0; i < desc->nr_fns; i++) {
		const struct machine_pci_fn_desc *f = &desc->fns[i];
		struct machine_dev *md = &m->devs[i];
		int unit = machine_fn_iommu(desc, i);

		md->name = f->name;
		md->pci = f;
		md->pdev = pci_fake_dev(m->pci[f->segment], f->fn.bus, f->fn.devfn);
		if (!md->pdev) {
			pr_err("machine %s: %s was not enumerated\n", desc->name, f->name);
			ret = -ENODEV;
			goto err;
		}
		md->dev = &md->pdev->dev;
		md->iommu = unit >= 0 ? &m->iommus[unit] : NULL;
		md->rid = machine_fn_rid(desc, i);
		md->has_dma = !fn_is_bridge(f);
		if (md->has_dma)
			dma_dev_init(&md->dma, f->name, md->rid,
				     md->iommu ? md->iommu->dma_ops : NULL,
				     md->iommu ? md->iommu->model : NULL);
	}
	return 0;

err:
	machine_pci_destroy(m);
	return ret;
}

static void machine_platdevs_destroy(struct machine *m)
{
	unsigned int i;

	for (i = m->nr_devs; i-- > m->desc->nr_fns;) {
		struct machine_dev *md = &m->devs[i];

		if (md->platdev)
			platform_device_unregister(md->platdev);
		host_fwnode_destroy(md->fwnode);
		md->platdev = NULL;
		md->fwnode = NULL;
	}
}

static int machine_platdev_create(struct machine *m, struct machine_dev *md,
				  const struct machine_platdev_desc *p)
{
	struct property_entry props[2] = { };
	struct platform_device *pdev;
	int ret;

	if (p->fw_id)
		props[0] = PROPERTY_ENTRY_STRING("compatible", p->fw_id);
	md->fwnode = host_fwnode_create(p->name, props, NULL);
	if (IS_ERR(md->fwnode)) {
		ret = PTR_ERR(md->fwnode);
		md->fwnode = NULL;
		return ret;
	}
	pdev = platform_device_alloc(p->name, PLATFORM_DEVID_NONE);
	if (!pdev)
		return -ENOMEM;
	device_set_node(&pdev->dev, md->fwnode);
	ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ret;
	}
	md->platdev = pdev;
	md->dev = &pdev->dev;
	md->plat = p;
	md->name = p->name;
	md->iommu = p->iommu >= 0 ? &m->iommus[p->iommu] : NULL;
	md->rid = p->stream_id;
	md->has_dma = true;
	dma_dev_init(&md->dma, p->name, md->rid, md->iommu ? md->iommu->dma_ops : NULL,
		     md->iommu ? md->iommu->model : NULL);
	return 0;
}

static int machine_platdevs_create(struct machine *m)
{
	unsigned int i;
	int ret;

	for (i = 0; i < m->desc->nr_platdevs; i++) {
		ret = machine_platdev_create(m, &m->devs[m->desc->nr_fns + i],
					     &m->desc->platdevs[i]);
		if (ret) {
			machine_platdevs_destroy(m);
			return ret;
		}
	}
	return 0;
}

static void machine_drivers_exit(struct machine *m)
{
	unsigned int t;

	for (t = MACHINE_IOMMU_NR_TYPES; t--;) {
		if (m->drivers_up & BIT(t))
			machine_types[t]->driver_exit(m);
	}
	m->drivers_up = 0;
}

/* Early detection, before PCI enumeration; never fails a boot. */
static void machine_drivers_detect(struct machine *m)
{
	unsigned int t;

	m->drivers_detected = 0;
	if (m->desc->models_only)
		return;
	for (t = 0; t < MACHINE_IOMMU_NR_TYPES; t++) {
		if (!machine_types[t] || !machine_has_type(m->desc, t))
			continue;
		if (machine_types[t]->detect && machine_types[t]->detect(m))
			continue;
		m->drivers_detected |= BIT(t);
	}
}

static int machine_drivers_init(struct machine *m)
{
	unsigned int t;
	int ret;

	for (t = 0; t < MACHINE_IOMMU_NR_TYPES; t++) {
		if (!(m->drivers_detected & BIT(t)))
			continue;
		ret = machine_types[t]->driver_init(m);
		if (ret == -EOPNOTSUPP) {
			pr_info("machine %s: no %s driver built in; models only\n",
				m->desc->name, machine_types[t]->name);
			continue;
		}
		if (ret) {
			pr_err("machine %s: %s driver failed to start (%d)\n",
			       m->desc->name, machine_types[t]->name, ret);
			machine_drivers_exit(m);
			return ret;
		}
		m->drivers_up |= BIT(t);
	}
	return 0;
}

static void machine_free(struct machine *m)
{
	kfree(m->rmrrs);
	kfree(m->devs);
	kfree(m->iommus);
	kfree(m);
}

struct machine *machine_boot(const struct machine_spec *desc)
{
	struct machine *m;
	int ret;

	ret = machine_check(desc);
	if (ret)
		return ERR_PTR(ret);

	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return ERR_PTR(-ENOMEM);
	m->desc = desc;
	m->nr_iommus = desc->nr_iommus;
	m->nr_devs = desc->nr_fns + desc->nr_platdevs;
	m->iommus = kcalloc(desc->nr_iommus ?: 1, sizeof(*m->iommus), GFP_KERNEL);
	m->devs = kcalloc(m->nr_devs ?: 1, sizeof(*m->devs), GFP_KERNEL);
	m->rmrrs = kcalloc(desc->nr_rmrrs ?: 1, sizeof(*m->rmrrs), GFP_KERNEL);
	if (!m->iommus || !m->devs || !m->rmrrs) {
		ret = -ENOMEM;
		goto err_free;
	}

	mutex_lock(&machine_lock);
	if (machine_running) {
		ret = -EBUSY;
		goto err_unlock;
	}

	ret = machine_create_units(m);
	if (ret)
		goto err_unlock;
	ret = machine_alloc_rmrrs(m);
	if (ret)
		goto err_units;
	ret = machine_publish(m);
	if (ret)
		goto err_rmrrs;
	machine_drivers_detect(m);
	ret = machine_pci_create(m);
	if (ret)
		goto err_withdraw;
	ret = machine_platdevs_create(m);
	if (ret)
		goto err_pci;
	ret = machine_drivers_init(m);
	if (ret)
		goto err_platdevs;

	machine_running = m;
	mutex_unlock(&machine_lock);
	return m;

err_platdevs:
	machine_platdevs_destroy(m);
err_pci:
	machine_pci_destroy(m);
err_withdraw:
	machine_withdraw(m, MACHINE_IOMMU_NR_TYPES);
err_rmrrs:
	machine_free_rmrrs(m);
err_units:
	machine_destroy_units(m, m->nr_iommus);
err_unlock:
	mutex_unlock(&machine_lock);
err_free:
	machine_free(m);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_GPL(machine_boot);

void machine_teardown(struct machine *m)
{
	if (IS_ERR_OR_NULL(m))
		return;

	mutex_lock(&machine_lock);
	WARN_ON(machine_running != m);
	machine_drivers_exit(m);
	machine_platdevs_destroy(m);
	machine_pci_destroy(m);
	machine_withdraw(m, MACHINE_IOMMU_NR_TYPES);
	machine_free_rmrrs(m);
	machine_destroy_units(m, m->nr_iommus);
	if (machine_running == m)
		machine_running = NULL;
	mutex_unlock(&machine_lock);
	machine_free(m);
}
EXPORT_SYMBOL_GPL(machine_teardown);

struct machine *machine_current(void)
{
	struct machine *m;

	mutex_lock(&machine_lock);
	m = machine_running;
	mutex_unlock(&machine_lock);
	return m;
}
EXPORT_SYMBOL_GPL(machine_current);

struct machine_dev *machine_dev_find(struct machine *m, const char *name)
{
	unsigned int i;

	for (i = 0; i < m->nr_devs; i++) {
		if (m->devs[i].name && !strcmp(m->devs[i].name, name))
			return &m->devs[i];
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(machine_dev_find);

struct machine_dev *machine_dev_of(struct machine *m, struct device *dev)
{
	unsigned int i;

	for (i = 0; i < m->nr_devs; i++) {
		if (m->devs[i].dev == dev)
			return &m->devs[i];
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(machine_dev_of);

struct machine_iommu *machine_iommu_find(struct machine *m, const char *name)
{
	unsigned int i;

	for (i = 0; i < m->nr_iommus; i++) {
		if (!strcmp(m->iommus[i].desc->name, name))
			return &m->iommus[i];
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(machine_iommu_find);

bool machine_driver_up(struct machine *m, enum machine_iommu_type type)
{
	return m->drivers_up & BIT(type);
}
EXPORT_SYMBOL_GPL(machine_driver_up);

int machine_dev_dma(struct machine_dev *md, u64 iova, void *buf, size_t len, u32 pasid,
		    unsigned int access)
{
	if (!md->has_dma)
		return -ENODEV;
	return dma_dev_access(&md->dma, iova, buf, len, pasid, access);
}
EXPORT_SYMBOL_GPL(machine_dev_dma);
