// SPDX-License-Identifier: GPL-2.0
/*
 * IOMMU groups through VFIO device cdevs and iommufd, with real (modelled)
 * DMA: the rules a VMM meets when the functions it assigns share a group.
 *
 *  - Devices are found as on Linux: /dev/vfio/devices/vfioN, whose
 *    /sys/class/vfio-dev/vfioN/device link names the PCI function, whose
 *    iommu_group link names the group.
 *  - A group is attached as a whole.  Two devices of one group cannot be
 *    attached to different HWPTs: attaching the second one to another
 *    IOAS fails with EINVAL (iommufd refuses a group already attached
 *    elsewhere); attaching it to the same IOAS succeeds and reuses the
 *    group's HWPT.
 *  - Detaching one device leaves the group attached, so DMA of every
 *    member still translates; the group is blocked again when its last
 *    attached device detaches.
 *  - Replacing the HWPT of one attached device moves the whole group.
 *  - Binding members of one group to two different iommufds fails with
 *    EPERM: the DMA of a group has one owner.
 *
 * DMA is proved with the DMA test device behind BAR0 of every function
 * (tools/testing/iommu/include/host/dma-dev-regs.h): a transfer to a
 * mapped IOVA lands in this process's buffer, one to an unmapped or
 * blocked IOVA stops with the VT-d fault reason in the device's registers.
 *
 * The functions used are those of the default machine of iommu-run
 * (tools/testing/iommu/platform/default-machine.c); a test whose function
 * is missing, or is not the DMA test device, is skipped.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include <linux/vfio.h>

#include "iommufd_uapi.h"
#include "../../iommu/include/host/dma-dev-regs.h"

/* PCI functions of the default machine */
#define BDF_GFX		"0000:00:02.0"	/* on dmar0 */
#define BDF_ISH		"0000:00:12.0"	/* has an RMRR */
#define BDF_NVME	"0000:01:00.0"	/* a group of its own */
#define BDF_NIC0	"0000:02:00.0"	/* } a dual-function NIC without */
#define BDF_NIC1	"0000:02:00.1"	/* } ACS: one group */
#define BDF_LPC		"0000:00:1f.0"	/* } a multifunction device */
#define BDF_AUDIO	"0000:00:1f.3"	/* } without ACS: */
#define BDF_SMBUS	"0000:00:1f.4"	/* } one group */

#define MAX_VFIO	64
#define IOVA_A		0x200000UL
#define IOVA_B		0x400000UL

/* VT-d fault reasons (scalable mode) that the default machine produces */
#define VTD_FR_SM_FL_NOT_PRESENT	0x71	/* first-stage entry not present */
#define VTD_FR_SM_WRITE			0x85	/* first-stage: no write permission */

/* The last path component of the target of the link @path */
static int link_name(const char *path, char *out, size_t size)
{
	char target[PATH_MAX];
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	const char *base;

	if (n < 0)
		return -errno;
	target[n] = 0;
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	if (strlen(base) >= size)
		return -ENAMETOOLONG;
	memcpy(out, base, strlen(base) + 1);
	return 0;
}

/* N of the /dev/vfio/devices/vfioN whose function is @bdf, or -1 */
static int vfio_index(const char *bdf)
{
	char path[128], name[64];
	int i;

	for (i = 0; i < MAX_VFIO; i++) {
		snprintf(path, sizeof(path), "/sys/class/vfio-dev/vfio%d/device", i);
		if (!link_name(path, name, sizeof(name)) && !strcmp(name, bdf))
			return i;
	}
	return -1;
}

/* The IOMMU group of a PCI function, as named by its iommu_group link */
static int pci_group(const char *bdf, char *group, size_t size)
{
	char path[128];

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/iommu_group", bdf);
	return link_name(path, group, size);
}

static int vfio_open(const char *bdf)
{
	char path[64];
	int index = vfio_index(bdf);

	if (index < 0)
		return -ENODEV;
	snprintf(path, sizeof(path), "/dev/vfio/devices/vfio%d", index);
	return open(path, O_RDWR | O_CLOEXEC);
}

static long vfio_bind(int devfd, int iommufd, __u32 *devid)
{
	struct vfio_device_bind_iommufd bind = {
		.argsz = sizeof(bind), .iommufd = iommufd,
	};
	long ret = sys_ioctl(devfd, VFIO_DEVICE_BIND_IOMMUFD, &bind);

	if (!ret && devid)
		*devid = bind.out_devid;
	return ret;
}

static long vfio_attach(int devfd, __u32 pt, __u32 *hwpt)
{
	struct vfio_device_attach_iommufd_pt attach = {
		.argsz = sizeof(attach), .pt_id = pt,
	};
	long ret = sys_ioctl(devfd, VFIO_DEVICE_ATTACH_IOMMUFD_PT, &attach);

	if (!ret && hwpt)
		*hwpt = attach.pt_id;
	return ret;
}

static long vfio_detach(int devfd)
{
	struct vfio_device_detach_iommufd_pt detach = { .argsz = sizeof(detach) };

	return sys_ioctl(devfd, VFIO_DEVICE_DETACH_IOMMUFD_PT, &detach);
}

static long region_info(int devfd, __u32 index, struct vfio_region_info *info)
{
	memset(info, 0, sizeof(*info));
	info->argsz = sizeof(*info);
	info->index = index;
	return sys_ioctl(devfd, VFIO_DEVICE_GET_REGION_INFO, info);
}

/* pread()/pwrite() results as byte counts or -errno */
static long rd(int fd, void *buf, size_t len, off_t off)
{
	ssize_t n = pread(fd, buf, len, off);

	return n < 0 ? -errno : n;
}

static long wr(int fd, const void *buf, size_t len, off_t off)
{
	ssize_t n = pwrite(fd, buf, len, off);

	return n < 0 ? -errno : n;
}

/**
 * struct dma_result - what the device's registers say after a transfer
 * @status: DMA_STATUS_*
 * @reason: FAULT_REASON
 * @addr: FAULT_ADDR
 * @info: FAULT_INFO
 * @xfer: bytes moved
 */
struct dma_result {
	__u32 status;
	__u32 reason;
	__u64 addr;
	__u32 info;
	__u32 xfer;
};

/* One transfer between the DATA window of @bar and @iova; 0 or -errno */
static long bar_dma(int devfd, __u64 bar, __u64 iova, __u32 len, bool to_mem,
		    struct dma_result *res)
{
	__u32 flags = to_mem ? DMA_FLAG_TO_MEM : 0, one = 1;

	if (wr(devfd, &iova, 8, bar + DMA_REG_IOVA) != 8 ||
	    wr(devfd, &len, 4, bar + DMA_REG_LEN) != 4 ||
	    wr(devfd, &flags, 4, bar + DMA_REG_FLAGS) != 4 ||
	    wr(devfd, &one, 4, bar + DMA_REG_DOORBELL) != 4)
		return -EIO;
	memset(res, 0, sizeof(*res));
	if (rd(devfd, &res->status, 4, bar + DMA_REG_STATUS) != 4 ||
	    rd(devfd, &res->reason, 4, bar + DMA_REG_FAULT_REASON) != 4 ||
	    rd(devfd, &res->addr, 8, bar + DMA_REG_FAULT_ADDR) != 8 ||
	    rd(devfd, &res->info, 4, bar + DMA_REG_FAULT_INFO) != 4 ||
	    rd(devfd, &res->xfer, 4, bar + DMA_REG_XFER) != 4)
		return -EIO;
	return 0;
}

/* The file offset of BAR0 of a bound device holding the DMA test device, or -1 */
static long long dma_bar(int devfd)
{
	struct vfio_region_info info;
	__u32 id = 0;

	if (region_info(devfd, VFIO_PCI_BAR0_REGION_INDEX, &info) ||
	    info.size < DMA_REGS_BAR_SIZE)
		return -1;
	if (rd(devfd, &id, 4, info.offset + DMA_REG_ID) != 4 || id != DMA_REGS_ID)
		return -1;
	return info.offset;
}

/*
 * Have the device write @len bytes of the pattern @seed to @iova; report
 * the status and whether the pattern arrived at @host (the buffer's CPU
 * address for that IOVA, or NULL).
 */
static __u32 dma_write_pattern(int devfd, __u64 bar, __u64 iova, void *host, __u32 len,
			       unsigned char seed, struct dma_result *res, bool *landed)
{
	unsigned char data[256];
	__u32 i;

	for (i = 0; i < len && i < sizeof(data); i++)
		data[i] = seed + i;
	*landed = false;
	if (wr(devfd, data, len, bar + DMA_REG_DATA) != len ||
	    bar_dma(devfd, bar, iova, len, true, res))
		return ~0U;
	if (host)
		*landed = !memcmp(host, data, len);
	return res->status;
}

/* ---------------------------------------------------------------------------
 * Discovery: the group of every function, as Linux's sysfs tells it.
 */

TEST(groups_discovered_through_sysfs)
{
	char g_nic0[32], g_nic1[32], g_nvme[32], g_lpc[32], g_audio[32], g_smbus[32];
	char name[64], path[64];
	int fd, index;

	fd = vfio_open(BDF_NIC0);
	if (fd == -ENODEV)
		SKIP(return, "no VFIO device for %s (not the default machine)", BDF_NIC0);
	ASSERT_LE(0, fd);
	close(fd);

	ASSERT_EQ(0, pci_group(BDF_NIC0, g_nic0, sizeof(g_nic0)));
	ASSERT_EQ(0, pci_group(BDF_NIC1, g_nic1, sizeof(g_nic1)));
	ASSERT_EQ(0, pci_group(BDF_NVME, g_nvme, sizeof(g_nvme)));
	ASSERT_EQ(0, pci_group(BDF_LPC, g_lpc, sizeof(g_lpc)));
	ASSERT_EQ(0, pci_group(BDF_AUDIO, g_audio, sizeof(g_audio)));
	ASSERT_EQ(0, pci_group(BDF_SMBUS, g_smbus, sizeof(g_smbus)));

	/* No ACS between the functions of one device: one group */
	EXPECT_STREQ(g_nic0, g_nic1);
	EXPECT_STREQ(g_lpc, g_audio);
	EXPECT_STREQ(g_lpc, g_smbus);
	/* A function behind its own ACS root port is alone */
	EXPECT_STRNE(g_nic0, g_nvme);
	EXPECT_STRNE(g_nic0, g_lpc);

	/* The same link reached from the VFIO side */
	index = vfio_index(BDF_NIC1);
	ASSERT_LE(0, index);
	snprintf(path, sizeof(path), "/sys/class/vfio-dev/vfio%d/device/iommu_group", index);
	ASSERT_EQ(0, link_name(path, name, sizeof(name)));
	EXPECT_STREQ(g_nic1, name);

	/* The root port above the NIC is isolated from it by ACS */
	ASSERT_EQ(0, pci_group("0000:00:1c.1", name, sizeof(name)));
	EXPECT_STRNE(g_nic0, name);
	/* A missing function has no link at all */
	EXPECT_EQ(-ENOENT, pci_group("0000:09:00.0", name, sizeof(name)));
	EXPECT_EQ(-ENOENT, link_name("/sys/class/vfio-dev/vfio999/device", name, sizeof(name)));
}

/* ---------------------------------------------------------------------------
 * The two NIC functions (one group), bound to one iommufd, with one buffer
 * mapped in two IOASes: at IOVA_A in A and at IOVA_B in B.
 */

FIXTURE(nic_group) {
	int iommufd;
	__u32 ioas_a, ioas_b;
	int fd0, fd1;
	__u32 dev0, dev1;
	long long bar0, bar1;
	unsigned char *buf;
};

FIXTURE_SETUP(nic_group)
{
	self->fd0 = -1;
	self->fd1 = -1;
	self->buf = MAP_FAILED;
	self->iommufd = iommufd_open();
	ASSERT_LE(0, self->iommufd);

	self->fd0 = vfio_open(BDF_NIC0);
	self->fd1 = vfio_open(BDF_NIC1);
	if (self->fd0 == -ENODEV || self->fd1 == -ENODEV)
		SKIP(return, "no VFIO devices for %s and %s", BDF_NIC0, BDF_NIC1);
	ASSERT_LE(0, self->fd0);
	ASSERT_LE(0, self->fd1);
	ASSERT_EQ(0, vfio_bind(self->fd0, self->iommufd, &self->dev0));
	ASSERT_EQ(0, vfio_bind(self->fd1, self->iommufd, &self->dev1));
	ASSERT_NE(self->dev0, self->dev1);

	self->bar0 = dma_bar(self->fd0);
	self->bar1 = dma_bar(self->fd1);
	if (self->bar0 < 0 || self->bar1 < 0)
		SKIP(return, "BAR0 is not the DMA test device");

	ASSERT_EQ(0, ioas_alloc(self->iommufd, &self->ioas_a));
	ASSERT_EQ(0, ioas_alloc(self->iommufd, &self->ioas_b));
	self->buf = mmap(NULL, PAGE_SZ, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			 -1, 0);
	ASSERT_NE(MAP_FAILED, self->buf);
	memset(self->buf, 0, PAGE_SZ);

	__u64 iova = IOVA_A;

	ASSERT_EQ(0, ioas_map(self->iommufd, self->ioas_a, self->buf, PAGE_SZ, &iova,
			      MAP_RW | IOMMU_IOAS_MAP_FIXED_IOVA));
	iova = IOVA_B;
	ASSERT_EQ(0, ioas_map(self->iommufd, self->ioas_b, self->buf, PAGE_SZ, &iova,
			      MAP_RW | IOMMU_IOAS_MAP_FIXED_IOVA));
}

FIXTURE_TEARDOWN(nic_group)
{
	if (self->fd0 >= 0)
		close(self->fd0);
	if (self->fd1 >= 0)
		close(self->fd1);
	close(self->iommufd);
	if (self->buf != MAP_FAILED)
		munmap(self->buf, PAGE_SZ);
}

/* Does a 64-byte DMA write by the device land in @host through @iova? */
static bool dma_lands(int devfd, __u64 bar, __u64 iova, unsigned char *host,
		      unsigned char seed)
{
	struct dma_result r;
	bool landed;

	return dma_write_pattern(devfd, bar, iova, host, 64, seed, &r, &landed) ==
	       DMA_STATUS_DONE && landed;
}

/*
 * Is a 64-byte DMA write by the device to @iova stopped by the IOMMU, with
 * a fault reason, the address and the direction reported, and nothing
 * written to @host?
 */
static bool dma_faults(int devfd, __u64 bar, __u64 iova, unsigned char *host)
{
	struct dma_result r;
	bool landed;

	memset(host, 0, 64);
	return dma_write_pattern(devfd, bar, iova, host, 64, 0x5a, &r, &landed) ==
	       DMA_STATUS_FAULT && !landed && r.reason && r.addr == iova &&
	       (r.info & DMA_FAULT_INFO_WRITE);
}

#define DMA_LANDS(_fd, _bar, _iova, _seed) dma_lands(_fd, _bar, _iova, self->buf, _seed)
#define DMA_FAULTS(_fd, _bar, _iova) dma_faults(_fd, _bar, _iova, self->buf)

TEST_F(nic_group, bound_but_unattached_is_blocked)
{
	/* Binding hands the group to iommufd, which blocks its DMA */
	EXPECT_TRUE(DMA_FAULTS(self->fd0, self->bar0, IOVA_A));
	EXPECT_TRUE(DMA_FAULTS(self->fd1, self->bar1, IOVA_A));
}

TEST_F(nic_group, two_ioas_einval_same_ioas_ok)
{
	__u32 hwpt0, hwpt1 = 0;

	ASSERT_EQ(0, vfio_attach(self->fd0, self->ioas_a, &hwpt0));
	/* The group is attached to A's HWPT: the other function cannot go to B */
	EXPECT_EQ(-EINVAL, vfio_attach(self->fd1, self->ioas_b, &hwpt1));
	EXPECT_TRUE(DMA_FAULTS(self->fd1, self->bar1, IOVA_B));
	/* ...but it can join the group's HWPT, and again (it is harmless) */
	ASSERT_EQ(0, vfio_attach(self->fd1, self->ioas_a, &hwpt1));
	EXPECT_EQ(hwpt0, hwpt1);
	ASSERT_EQ(0, vfio_attach(self->fd1, self->ioas_a, &hwpt1));
	EXPECT_EQ(hwpt0, hwpt1);

	EXPECT_TRUE(DMA_LANDS(self->fd0, self->bar0, IOVA_A, 0x10));
	EXPECT_TRUE(DMA_LANDS(self->fd1, self->bar1, IOVA_A, 0x20));
	EXPECT_TRUE(DMA_FAULTS(self->fd1, self->bar1, IOVA_B));
}

TEST_F(nic_group, two_hwpts_einval)
{
	__u32 hwpt_x, hwpt_y, out;

	/* Two HWPTs of the same IOAS are still two domains */
	ASSERT_EQ(0, hwpt_alloc(self->iommufd, self->dev0, self->ioas_a, 0, 0, NULL, 0,
				&hwpt_x));
	ASSERT_EQ(0, hwpt_alloc(self->iommufd, self->dev1, self->ioas_a, 0, 0, NULL, 0,
				&hwpt_y));
	ASSERT_EQ(0, vfio_attach(self->fd0, hwpt_x, &out));
	EXPECT_EQ(hwpt_x, out);
	EXPECT_EQ(-EINVAL, vfio_attach(self->fd1, hwpt_y, &out));
	ASSERT_EQ(0, vfio_attach(self->fd1, hwpt_x, &out));
	EXPECT_EQ(hwpt_x, out);
	/* An attached HWPT is in use */
	EXPECT_EQ(-EBUSY, obj_destroy(self->iommufd, hwpt_x));
	EXPECT_EQ(0, obj_destroy(self->iommufd, hwpt_y));
	EXPECT_TRUE(DMA_LANDS(self->fd1, self->bar1, IOVA_A, 0x30));
	ASSERT_EQ(0, vfio_detach(self->fd0));
	ASSERT_EQ(0, vfio_detach(self->fd1));
	EXPECT_EQ(0, obj_destroy(self->iommufd, hwpt_x));
}

TEST_F(nic_group, detach_one_keeps_group_detach_last_blocks)
{
	ASSERT_EQ(0, vfio_attach(self->fd0, self->ioas_a, NULL));
	ASSERT_EQ(0, vfio_attach(self->fd1, self->ioas_a, NULL));
	EXPECT_TRUE(DMA_LANDS(self->fd0, self->bar0, IOVA_A, 0x40));
	EXPECT_TRUE(DMA_LANDS(self->fd1, self->bar1, IOVA_A, 0x50));

	/* One detaches: the group stays on the domain */
	ASSERT_EQ(0, vfio_detach(self->fd0));
	EXPECT_TRUE(DMA_LANDS(self->fd1, self->bar1, IOVA_A, 0x60));
	/*
	 * The IOMMU translates the group as a whole, so the detached
	 * function's DMA still reaches the domain too.
	 */
	EXPECT_TRUE(DMA_LANDS(self->fd0, self->bar0, IOVA_A, 0x70));
	/* Detaching again changes nothing */
	ASSERT_EQ(0, vfio_detach(self->fd0));
	EXPECT_TRUE(DMA_LANDS(self->fd1, self->bar1, IOVA_A, 0x80));

	/* The last one detaches: the group leaves the domain and is blocked */
	ASSERT_EQ(0, vfio_detach(self->fd1));
	EXPECT_TRUE(DMA_FAULTS(self->fd1, self->bar1, IOVA_A));
	EXPECT_TRUE(DMA_FAULTS(self->fd0, self->bar0, IOVA_A));

	/* And the group can go to B now */
	ASSERT_EQ(0, vfio_attach(self->fd1, self->ioas_b, NULL));
	EXPECT_TRUE(DMA_LANDS(self->fd1, self->bar1, IOVA_B, 0x90));
	EXPECT_TRUE(DMA_FAULTS(self->fd1, self->bar1, IOVA_A));
}

TEST_F(nic_group, replace_moves_the_group)
{
	__u32 hwpt_a, hwpt_b, hwpt1;

	ASSERT_EQ(0, vfio_attach(self->fd0, self->ioas_a, &hwpt_a));
	ASSERT_EQ(0, vfio_attach(self->fd1, self->ioas_a, &hwpt1));
	EXPECT_EQ(hwpt_a, hwpt1);

	/* Attaching an attached device again replaces the group's HWPT */
	ASSERT_EQ(0, vfio_attach(self->fd0, self->ioas_b, &hwpt_b));
	EXPECT_NE(hwpt_a, hwpt_b);
	EXPECT_TRUE(DMA_LANDS(self->fd0, self->bar0, IOVA_B, 0xa0));
	EXPECT_TRUE(DMA_FAULTS(self->fd0, self->bar0, IOVA_A));
	/* The other function moved with it */
	EXPECT_TRUE(DMA_LANDS(self->fd1, self->bar1, IOVA_B, 0xb0));
	EXPECT_TRUE(DMA_FAULTS(self->fd1, self->bar1, IOVA_A));
	/* Nobody uses A's automatic HWPT any more: it is gone */
	EXPECT_EQ(-ENOENT, vfio_attach(self->fd1, hwpt_a, NULL));
	EXPECT_EQ(-ENOENT, obj_destroy(self->iommufd, hwpt_a));
}

TEST_F(nic_group, dma_lands_then_faults_after_unmap)
{
	struct dma_result r;
	unsigned char data[64];
	__u64 unmapped;
	bool landed;
	int i;

	ASSERT_EQ(0, vfio_attach(self->fd0, self->ioas_a, NULL));

	/* Device writes memory */
	EXPECT_EQ(DMA_STATUS_DONE, dma_write_pattern(self->fd0, self->bar0, IOVA_A + 100,
						     self->buf + 100, 64, 0xc0, &r, &landed));
	EXPECT_TRUE(landed);
	EXPECT_EQ(64, r.xfer);

	/* Device reads memory */
	for (i = 0; i < 64; i++)
		self->buf[200 + i] = 0xee - i;
	ASSERT_EQ(0, bar_dma(self->fd0, self->bar0, IOVA_A + 200, 64, false, &r));
	EXPECT_EQ(DMA_STATUS_DONE, r.status);
	ASSERT_EQ(64, rd(self->fd0, data, 64, self->bar0 + DMA_REG_DATA));
	EXPECT_EQ(0, memcmp(data, self->buf + 200, 64));

	/* A transfer that runs off the mapped page stops at the next one */
	EXPECT_EQ(DMA_STATUS_FAULT,
		  dma_write_pattern(self->fd0, self->bar0, IOVA_A + PAGE_SZ - 32, NULL, 64,
				    0x11, &r, &landed));
	EXPECT_EQ(32, r.xfer);
	EXPECT_EQ(IOVA_A + PAGE_SZ, r.addr);

	/* After the unmap the same DMA faults; the VT-d reason is reported */
	ASSERT_EQ(0, ioas_unmap(self->iommufd, self->ioas_a, IOVA_A, PAGE_SZ, &unmapped));
	EXPECT_EQ(PAGE_SZ, unmapped);
	memset(self->buf, 0, PAGE_SZ);
	EXPECT_EQ(DMA_STATUS_FAULT, dma_write_pattern(self->fd0, self->bar0, IOVA_A + 100,
						      self->buf + 100, 64, 0xc0, &r,
						      &landed));
	EXPECT_FALSE(landed);
	EXPECT_EQ(0, r.xfer);
	EXPECT_EQ(VTD_FR_SM_FL_NOT_PRESENT, r.reason);
	EXPECT_EQ(IOVA_A + 100, r.addr);
	EXPECT_EQ(DMA_FAULT_INFO_WRITE | DMA_FAULT_INFO_RECORDED, r.info);
	ASSERT_EQ(0, bar_dma(self->fd0, self->bar0, IOVA_A, 8, false, &r));
	EXPECT_EQ(DMA_STATUS_FAULT, r.status);
	EXPECT_EQ(0, r.info & DMA_FAULT_INFO_WRITE);

	/* Mapping it again makes it reachable again */
	__u64 iova = IOVA_A;

	ASSERT_EQ(0, ioas_map(self->iommufd, self->ioas_a, self->buf, PAGE_SZ, &iova,
			      MAP_RW | IOMMU_IOAS_MAP_FIXED_IOVA));
	EXPECT_TRUE(DMA_LANDS(self->fd0, self->bar0, IOVA_A, 0xd0));
}

TEST_F(nic_group, read_only_mapping)
{
	struct dma_result r;
	__u64 iova = IOVA_A + PAGE_SZ;
	bool landed;

	ASSERT_EQ(0, ioas_map(self->iommufd, self->ioas_a, self->buf, PAGE_SZ, &iova,
			      IOMMU_IOAS_MAP_READABLE | IOMMU_IOAS_MAP_FIXED_IOVA));
	ASSERT_EQ(0, vfio_attach(self->fd0, self->ioas_a, NULL));
	ASSERT_EQ(0, bar_dma(self->fd0, self->bar0, iova, 16, false, &r));
	EXPECT_EQ(DMA_STATUS_DONE, r.status);
	EXPECT_EQ(DMA_STATUS_FAULT, dma_write_pattern(self->fd0, self->bar0, iova, self->buf,
						      16, 0x33, &r, &landed));
	EXPECT_FALSE(landed);
	EXPECT_EQ(VTD_FR_SM_WRITE, r.reason);
}

TEST_F(nic_group, close_detaches_and_unbinds)
{
	ASSERT_EQ(0, vfio_attach(self->fd0, self->ioas_a, NULL));
	ASSERT_EQ(0, vfio_attach(self->fd1, self->ioas_a, NULL));
	/* Closing the last file of a device unbinds it, detaching first */
	close(self->fd0);
	self->fd0 = -1;
	EXPECT_TRUE(DMA_LANDS(self->fd1, self->bar1, IOVA_A, 0xe0));
	/* The device can be opened and bound again */
	self->fd0 = vfio_open(BDF_NIC0);
	ASSERT_LE(0, self->fd0);
	ASSERT_EQ(0, vfio_bind(self->fd0, self->iommufd, &self->dev0));
	close(self->fd1);
	self->fd1 = -1;
	/* No attached device is left: the group is blocked */
	EXPECT_TRUE(DMA_FAULTS(self->fd0, self->bar0, IOVA_A));
	/* The IOAS lost its users: it can be destroyed */
	EXPECT_EQ(0, obj_destroy(self->iommufd, self->ioas_a));
}

TEST_F(nic_group, attach_errors)
{
	struct vfio_device_attach_iommufd_pt attach = { .argsz = sizeof(attach) };
	struct vfio_device_detach_iommufd_pt detach = { .argsz = sizeof(detach) };

	attach.pt_id = self->ioas_a;
	attach.argsz = offsetof(struct vfio_device_attach_iommufd_pt, pt_id);
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd0, VFIO_DEVICE_ATTACH_IOMMUFD_PT, &attach));
	attach.argsz = sizeof(attach);
	attach.flags = 1;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd0, VFIO_DEVICE_ATTACH_IOMMUFD_PT, &attach));
	attach.flags = 0;
	EXPECT_EQ(-EFAULT, sys_ioctl(self->fd0, VFIO_DEVICE_ATTACH_IOMMUFD_PT, NULL));

	/* Ids: unknown, and of the wrong type (a device is not a page table) */
	EXPECT_EQ(-ENOENT, vfio_attach(self->fd0, 9999, NULL));
	EXPECT_EQ(-EINVAL, vfio_attach(self->fd0, self->dev1, NULL));

	detach.flags = 1;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd0, VFIO_DEVICE_DETACH_IOMMUFD_PT, &detach));
	detach.flags = 0;
	detach.argsz = 4;
	EXPECT_EQ(-EINVAL, sys_ioctl(self->fd0, VFIO_DEVICE_DETACH_IOMMUFD_PT, &detach));
	/* Detaching a device that is not attached succeeds */
	EXPECT_EQ(0, vfio_detach(self->fd0));

	/* A larger argsz than the structure is accepted */
	struct {
		struct vfio_device_attach_iommufd_pt a;
		__u32 extra[2];
	} big = { .a = { .argsz = sizeof(big), .pt_id = self->ioas_a } };
	EXPECT_EQ(0, sys_ioctl(self->fd0, VFIO_DEVICE_ATTACH_IOMMUFD_PT, &big));
	EXPECT_NE(self->ioas_a, big.a.pt_id);
}

TEST_F(nic_group, driver_errnos_pass_through)
{
	struct iommu_hw_info_vtd vtd = {};
	struct iommu_hw_info hw = {
		.size = sizeof(hw), .dev_id = self->dev0,
		.data_len = sizeof(vtd), .data_uptr = (uintptr_t)&vtd,
	};
	__u32 hwpt;

	/* The VT-d driver describes its unit */
	ASSERT_EQ(0, sys_ioctl(self->iommufd, IOMMU_GET_HW_INFO, &hw));
	EXPECT_EQ(IOMMU_HW_INFO_TYPE_INTEL_VTD, hw.out_data_type);
	EXPECT_EQ(sizeof(vtd), hw.data_len);
	EXPECT_NE(0, vtd.cap_reg);
	EXPECT_NE(0, vtd.ecap_reg);

	/* It cannot make a nesting parent: its EOPNOTSUPP reaches userspace */
	EXPECT_EQ(-EOPNOTSUPP, hwpt_alloc(self->iommufd, self->dev0, self->ioas_a,
					  IOMMU_HWPT_ALLOC_NEST_PARENT, 0, NULL, 0, &hwpt));
	/* Nor track dirty pages */
	EXPECT_EQ(-EOPNOTSUPP, hwpt_alloc(self->iommufd, self->dev0, self->ioas_a,
					  IOMMU_HWPT_ALLOC_DIRTY_TRACKING, 0, NULL, 0, &hwpt));
}

/* ---------------------------------------------------------------------------
 * A three-function group, and one IOAS feeding two VT-d units.
 */

TEST(three_function_group)
{
	int iommufd, lpc, audio, smbus;
	__u32 ioas_a, ioas_b, h_lpc, h_smbus;

	iommufd = iommufd_open();
	ASSERT_LE(0, iommufd);
	lpc = vfio_open(BDF_LPC);
	audio = vfio_open(BDF_AUDIO);
	smbus = vfio_open(BDF_SMBUS);
	if (lpc == -ENODEV || audio == -ENODEV || smbus == -ENODEV)
		SKIP(return, "the LPC/audio/SMBus functions have no VFIO devices");
	ASSERT_EQ(0, vfio_bind(lpc, iommufd, NULL));
	ASSERT_EQ(0, vfio_bind(audio, iommufd, NULL));
	ASSERT_EQ(0, vfio_bind(smbus, iommufd, NULL));
	ASSERT_EQ(0, ioas_alloc(iommufd, &ioas_a));
	ASSERT_EQ(0, ioas_alloc(iommufd, &ioas_b));

	ASSERT_EQ(0, vfio_attach(lpc, ioas_a, &h_lpc));
	EXPECT_EQ(-EINVAL, vfio_attach(audio, ioas_b, NULL));
	ASSERT_EQ(0, vfio_attach(smbus, ioas_a, &h_smbus));
	EXPECT_EQ(h_lpc, h_smbus);
	ASSERT_EQ(0, vfio_detach(lpc));
	/* smbus still holds the group on A */
	EXPECT_EQ(-EINVAL, vfio_attach(audio, ioas_b, NULL));
	ASSERT_EQ(0, vfio_detach(smbus));
	EXPECT_EQ(0, vfio_attach(audio, ioas_b, NULL));

	close(lpc);
	close(audio);
	close(smbus);
	close(iommufd);
}

TEST(one_ioas_two_units)
{
	struct dma_result r;
	int iommufd, gfx, nic;
	long long bar_gfx, bar_nic;
	unsigned char *buf;
	__u64 iova = IOVA_A;
	bool landed;

	iommufd = iommufd_open();
	ASSERT_LE(0, iommufd);
	gfx = vfio_open(BDF_GFX);
	nic = vfio_open(BDF_NIC0);
	if (gfx == -ENODEV || nic == -ENODEV)
		SKIP(return, "no VFIO devices for %s and %s", BDF_GFX, BDF_NIC0);
	ASSERT_EQ(0, vfio_bind(gfx, iommufd, NULL));
	ASSERT_EQ(0, vfio_bind(nic, iommufd, NULL));
	bar_gfx = dma_bar(gfx);
	bar_nic = dma_bar(nic);
	if (bar_gfx < 0 || bar_nic < 0)
		SKIP(return, "BAR0 is not the DMA test device");

	buf = mmap(NULL, PAGE_SZ, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, buf);
	__u32 ioas;

	ASSERT_EQ(0, ioas_alloc(iommufd, &ioas));
	ASSERT_EQ(0, ioas_map(iommufd, ioas, buf, PAGE_SZ, &iova,
			      MAP_RW | IOMMU_IOAS_MAP_FIXED_IOVA));
	/* gfx is behind dmar0, the NIC behind dmar1: both see the IOAS */
	ASSERT_EQ(0, vfio_attach(gfx, ioas, NULL));
	ASSERT_EQ(0, vfio_attach(nic, ioas, NULL));
	EXPECT_EQ(DMA_STATUS_DONE, dma_write_pattern(gfx, bar_gfx, IOVA_A, buf, 32, 1, &r,
						     &landed));
	EXPECT_TRUE(landed);
	EXPECT_EQ(DMA_STATUS_DONE, dma_write_pattern(nic, bar_nic, IOVA_A + 64, buf + 64, 32,
						     2, &r, &landed));
	EXPECT_TRUE(landed);
	/* An unmap reaches the tables of both units */
	ASSERT_EQ(0, ioas_unmap(iommufd, ioas, IOVA_A, PAGE_SZ, NULL));
	EXPECT_EQ(DMA_STATUS_FAULT, dma_write_pattern(gfx, bar_gfx, IOVA_A, NULL, 32, 1, &r,
						      &landed));
	EXPECT_EQ(DMA_STATUS_FAULT, dma_write_pattern(nic, bar_nic, IOVA_A, NULL, 32, 1, &r,
						      &landed));
	close(gfx);
	close(nic);
	close(iommufd);
	munmap(buf, PAGE_SZ);
}

/* ---------------------------------------------------------------------------
 * VFIO_DEVICE_BIND_IOMMUFD, the regions, and ownership.
 */

TEST(bind_errors)
{
	struct vfio_device_bind_iommufd bind = { .argsz = sizeof(bind) };
	struct vfio_device_info info = { .argsz = sizeof(info) };
	int iommufd, fd, fd2, closed;
	__u32 devid, out;
	char byte;

	iommufd = iommufd_open();
	ASSERT_LE(0, iommufd);
	fd = vfio_open(BDF_NVME);
	if (fd == -ENODEV)
		SKIP(return, "no VFIO device for %s", BDF_NVME);
	ASSERT_LE(0, fd);

	/* Nothing but the bind works before the bind */
	EXPECT_EQ(-EINVAL, sys_ioctl(fd, VFIO_DEVICE_GET_INFO, &info));
	EXPECT_EQ(-EINVAL, vfio_attach(fd, 1, NULL));
	EXPECT_EQ(-EINVAL, vfio_detach(fd));
	EXPECT_EQ(-EINVAL, rd(fd, &byte, 1, 0));
	EXPECT_EQ(-EINVAL, wr(fd, &byte, 1, 0));

	bind.iommufd = iommufd;
	bind.argsz = offsetof(struct vfio_device_bind_iommufd, out_devid);
	EXPECT_EQ(-EINVAL, sys_ioctl(fd, VFIO_DEVICE_BIND_IOMMUFD, &bind));
	bind.argsz = sizeof(bind);
	bind.flags = 1;
	EXPECT_EQ(-EINVAL, sys_ioctl(fd, VFIO_DEVICE_BIND_IOMMUFD, &bind));
	bind.flags = 0;
	EXPECT_EQ(-EFAULT, sys_ioctl(fd, VFIO_DEVICE_BIND_IOMMUFD, NULL));
	EXPECT_EQ(-EINVAL, vfio_bind(fd, -1, NULL));
	/* A descriptor that is not an iommufd, and one that is not open */
	EXPECT_EQ(-EBADFD, vfio_bind(fd, fd, NULL));
	closed = dup(iommufd);
	ASSERT_LE(0, closed);
	close(closed);
	EXPECT_EQ(-EBADF, vfio_bind(fd, closed, NULL));

	ASSERT_EQ(0, vfio_bind(fd, iommufd, &devid));
	/* Once per file, and one file at a time */
	EXPECT_EQ(-EINVAL, vfio_bind(fd, iommufd, &out));
	fd2 = vfio_open(BDF_NVME);
	ASSERT_LE(0, fd2);
	EXPECT_EQ(-EINVAL, vfio_bind(fd2, iommufd, &out));
	close(fd);
	/* Closing the binding file frees the device for another */
	ASSERT_EQ(0, vfio_bind(fd2, iommufd, &out));
	close(fd2);
	close(iommufd);
}

TEST(group_has_one_owner)
{
	int ictx1, ictx2, fd0, fd1;

	ictx1 = iommufd_open();
	ictx2 = iommufd_open();
	ASSERT_LE(0, ictx1);
	ASSERT_LE(0, ictx2);
	fd0 = vfio_open(BDF_NIC0);
	fd1 = vfio_open(BDF_NIC1);
	if (fd0 == -ENODEV || fd1 == -ENODEV)
		SKIP(return, "no VFIO devices for the NIC");
	ASSERT_EQ(0, vfio_bind(fd0, ictx1, NULL));
	/* The group's DMA belongs to the first iommufd now (Linux: EPERM) */
	EXPECT_EQ(-EPERM, vfio_bind(fd1, ictx2, NULL));
	EXPECT_EQ(0, vfio_bind(fd1, ictx1, NULL));
	close(fd0);
	close(fd1);
	/* Everything was given back: the other iommufd may have the group */
	fd0 = vfio_open(BDF_NIC0);
	ASSERT_LE(0, fd0);
	EXPECT_EQ(0, vfio_bind(fd0, ictx2, NULL));
	close(fd0);
	close(ictx1);
	close(ictx2);
}

TEST(rmrr_device_cannot_be_bound)
{
	int iommufd, fd;

	iommufd = iommufd_open();
	ASSERT_LE(0, iommufd);
	fd = vfio_open(BDF_ISH);
	if (fd == -ENODEV)
		SKIP(return, "no VFIO device for %s", BDF_ISH);
	ASSERT_LE(0, fd);
	/*
	 * Its firmware keeps using the RMRR, so the group needs its identity
	 * mapping and the core refuses to block it for userspace.
	 */
	EXPECT_EQ(-EINVAL, vfio_bind(fd, iommufd, NULL));
	close(fd);
	close(iommufd);
}

TEST(device_info_and_regions)
{
	struct vfio_device_info info = { .argsz = sizeof(info) };
	struct vfio_region_info reg;
	int iommufd, fd;
	__u16 ids[2];
	__u32 bar_reg, val;
	char byte;

	iommufd = iommufd_open();
	ASSERT_LE(0, iommufd);
	fd = vfio_open(BDF_NIC0);
	if (fd == -ENODEV)
		SKIP(return, "no VFIO device for %s", BDF_NIC0);
	ASSERT_EQ(0, vfio_bind(fd, iommufd, NULL));

	ASSERT_EQ(0, sys_ioctl(fd, VFIO_DEVICE_GET_INFO, &info));
	EXPECT_EQ(VFIO_DEVICE_FLAGS_PCI, info.flags);
	EXPECT_EQ(VFIO_PCI_NUM_REGIONS, info.num_regions);
	EXPECT_EQ(VFIO_PCI_NUM_IRQS, info.num_irqs);
	info.argsz = offsetof(struct vfio_device_info, num_irqs);
	EXPECT_EQ(-EINVAL, sys_ioctl(fd, VFIO_DEVICE_GET_INFO, &info));

	/* BAR0: the DMA test device; BAR1-5 and the ROM: not implemented */
	ASSERT_EQ(0, region_info(fd, VFIO_PCI_BAR0_REGION_INDEX, &reg));
	EXPECT_EQ(DMA_REGS_BAR_SIZE, reg.size);
	EXPECT_EQ(VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE, reg.flags);
	ASSERT_EQ(4, rd(fd, &val, 4, reg.offset + DMA_REG_VERSION));
	EXPECT_EQ(DMA_REGS_VERSION, val);
	/* Accesses end at the end of the BAR; beyond it nothing is there */
	EXPECT_EQ(2, rd(fd, &val, 4, reg.offset + DMA_REGS_BAR_SIZE - 2));
	EXPECT_EQ(-EINVAL, rd(fd, &val, 4, reg.offset + DMA_REGS_BAR_SIZE));
	ASSERT_EQ(0, region_info(fd, VFIO_PCI_BAR1_REGION_INDEX, &reg));
	EXPECT_EQ(0, reg.size);
	EXPECT_EQ(0, reg.flags);
	EXPECT_EQ(-EINVAL, rd(fd, &byte, 1, reg.offset));
	ASSERT_EQ(0, region_info(fd, VFIO_PCI_ROM_REGION_INDEX, &reg));
	EXPECT_EQ(0, reg.size);

	/* Configuration space: the function's IDs, and BAR0's address */
	ASSERT_EQ(0, region_info(fd, VFIO_PCI_CONFIG_REGION_INDEX, &reg));
	EXPECT_EQ(4096, reg.size);
	EXPECT_EQ(VFIO_REGION_INFO_FLAG_READ, reg.flags);
	ASSERT_EQ(4, rd(fd, ids, 4, reg.offset));
	EXPECT_EQ(0x8086, ids[0]);
	EXPECT_EQ(0x1521, ids[1]);
	ASSERT_EQ(4, rd(fd, &bar_reg, 4, reg.offset + 0x10));
	EXPECT_NE(0, bar_reg);
	EXPECT_EQ(0, bar_reg & 0xf);
	EXPECT_EQ(-EINVAL, wr(fd, &bar_reg, 4, reg.offset + 0x10));
	EXPECT_EQ(-EINVAL, rd(fd, &byte, 1, reg.offset + 4096));

	/* No VGA, no device-specific regions; unknown ioctls */
	EXPECT_EQ(-EINVAL, region_info(fd, VFIO_PCI_VGA_REGION_INDEX, &reg));
	EXPECT_EQ(-EINVAL, region_info(fd, VFIO_PCI_NUM_REGIONS, &reg));
	reg.argsz = 8;
	EXPECT_EQ(-EINVAL, sys_ioctl(fd, VFIO_DEVICE_GET_REGION_INFO, &reg));
	EXPECT_EQ(-ENOTTY, sys_ioctl(fd, _IO(VFIO_TYPE, VFIO_BASE + 60), &reg));
	EXPECT_EQ(-EINVAL, rd(fd, &byte, 1, (off_t)VFIO_PCI_NUM_REGIONS << 40));

	close(fd);
	close(iommufd);
}

TEST(device_registers)
{
	struct dma_result r;
	int iommufd, fd;
	long long bar;
	__u64 v64;
	__u32 v32;

	iommufd = iommufd_open();
	ASSERT_LE(0, iommufd);
	fd = vfio_open(BDF_NVME);
	if (fd == -ENODEV)
		SKIP(return, "no VFIO device for %s", BDF_NVME);
	ASSERT_EQ(0, vfio_bind(fd, iommufd, NULL));
	bar = dma_bar(fd);
	if (bar < 0)
		SKIP(return, "BAR0 is not the DMA test device");

	/* 64-bit registers take 8-byte and 4-byte accesses */
	v64 = 0x1122334455667788ULL;
	ASSERT_EQ(8, wr(fd, &v64, 8, bar + DMA_REG_IOVA));
	ASSERT_EQ(4, rd(fd, &v32, 4, bar + DMA_REG_IOVA + 4));
	EXPECT_EQ(0x11223344, v32);
	/* Read-only registers ignore writes */
	v32 = 0;
	ASSERT_EQ(4, wr(fd, &v32, 4, bar + DMA_REG_ID));
	ASSERT_EQ(4, rd(fd, &v32, 4, bar + DMA_REG_ID));
	EXPECT_EQ(DMA_REGS_ID, v32);

	/* Bad requests are refused without any DMA */
	ASSERT_EQ(0, bar_dma(fd, bar, 0, 0, true, &r));
	EXPECT_EQ(DMA_STATUS_INVALID, r.status);
	ASSERT_EQ(0, bar_dma(fd, bar, 0, DMA_REGS_DATA_SIZE + 1, true, &r));
	EXPECT_EQ(DMA_STATUS_INVALID, r.status);
	close(fd);
	close(iommufd);
}

TEST(nothing_left_behind)
{
	long before, after;
	int iommufd, fd0, fd1;
	__u32 ioas;
	void *buf;
	__u64 iova = IOVA_A;

	iommufd = iommufd_open();
	ASSERT_LE(0, iommufd);
	close(iommufd);
	before = kernel_allocations();
	if (before < 0)
		SKIP(return, "no allocation counter (not under iommu-run)");

	iommufd = iommufd_open();
	fd0 = vfio_open(BDF_NIC0);
	fd1 = vfio_open(BDF_NIC1);
	if (fd0 == -ENODEV || fd1 == -ENODEV)
		SKIP(return, "no VFIO devices for the NIC");
	buf = mmap(NULL, PAGE_SZ, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, buf);
	ASSERT_EQ(0, vfio_bind(fd0, iommufd, NULL));
	ASSERT_EQ(0, vfio_bind(fd1, iommufd, NULL));
	ASSERT_EQ(0, ioas_alloc(iommufd, &ioas));
	ASSERT_EQ(0, ioas_map(iommufd, ioas, buf, PAGE_SZ, &iova,
			      MAP_RW | IOMMU_IOAS_MAP_FIXED_IOVA));
	ASSERT_EQ(0, vfio_attach(fd0, ioas, NULL));
	ASSERT_EQ(0, vfio_attach(fd1, ioas, NULL));
	/* The iommufd goes first: the devices keep its context alive */
	close(iommufd);
	ASSERT_EQ(0, vfio_detach(fd0));
	close(fd0);
	close(fd1);
	after = kernel_allocations();
	/* BAR mappings of the device are released on close as well */
	EXPECT_EQ(before, after);
	munmap(buf, PAGE_SZ);
}

TEST_HARNESS_MAIN
