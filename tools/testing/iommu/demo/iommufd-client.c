// SPDX-License-Identifier: GPL-2.0
/*
 * iommufd-client: what a VMM does with iommufd and a VFIO device cdev,
 * end to end, against real (modelled) hardware.
 *
 *   iommu-run build/iommufd-client [BDF]        (default 0000:02:00.0, nic0)
 *
 * 1. open /dev/iommu and allocate an IO address space (IOAS);
 * 2. find the VFIO device of the PCI function BDF through sysfs, and the
 *    other members of its IOMMU group;
 * 3. open /dev/vfio/devices/vfioN, bind it to the iommufd, attach it to
 *    the IOAS;
 * 4. map a buffer of this process into the IOAS with IOMMU_IOAS_MAP;
 * 5. have the device write into the buffer by DMA, through BAR0 of the
 *    function (the DMA test device's registers, see
 *    tools/testing/iommu/include/host/dma-dev-regs.h), and print it; then
 *    have the device read the buffer back;
 * 6. unmap the buffer, trigger the same DMA again and print the fault the
 *    IOMMU (VT-d) reports for it.
 *
 * Plain userspace code: the uapi headers, libc, and the register layout of
 * the device.  Exit status 0 when every step behaved as expected.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/iommufd.h>
#include <linux/vfio.h>

#include "../include/host/dma-dev-regs.h"

#define DEMO_IOVA	0x100000UL
#define PAGE_SZ		4096UL
#define MAX_VFIO	64

static int problems;

/* printf() that flushes, so that kernel messages (stderr) stay in order */
static void step(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
}

static void problem(const char *what)
{
	problems++;
	printf("  !! %s: %s\n", what, strerror(errno));
}

/* The last component of what the sysfs link @path points to */
static int link_name(const char *path, char *out, size_t size)
{
	char target[512];
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	const char *base;

	if (n < 0)
		return -1;
	target[n] = 0;
	base = strrchr(target, '/');
	base = base ? base + 1 : target;
	if (strlen(base) >= size)
		return -1;
	memcpy(out, base, strlen(base) + 1);
	return 0;
}

/* The VFIO device index of PCI function @bdf, or -1; prints its group mates */
static int find_vfio_device(const char *bdf)
{
	char path[256], name[64], group[64] = "", other[64];
	int i, found = -1;

	for (i = 0; i < MAX_VFIO; i++) {
		snprintf(path, sizeof(path), "/sys/class/vfio-dev/vfio%d/device", i);
		if (link_name(path, name, sizeof(name)))
			continue;
		if (!strcmp(name, bdf)) {
			found = i;
			strcat(path, "/iommu_group");
			if (link_name(path, group, sizeof(group)))
				group[0] = 0;
		}
	}
	if (found < 0)
		return -1;
	step("  %s is /dev/vfio/devices/vfio%d, in IOMMU group %s\n", bdf, found,
	     group[0] ? group : "?");
	for (i = 0; group[0] && i < MAX_VFIO; i++) {
		char g[64];

		snprintf(path, sizeof(path), "/sys/class/vfio-dev/vfio%d/device/iommu_group", i);
		if (i == found || link_name(path, g, sizeof(g)) || strcmp(g, group))
			continue;
		snprintf(path, sizeof(path), "/sys/class/vfio-dev/vfio%d/device", i);
		if (!link_name(path, other, sizeof(other)))
			step("  the group also holds %s (vfio%d): %s\n", other, i,
			     "the IOMMU translates them as one");
	}
	return found;
}

static int reg_read(int fd, uint64_t bar, unsigned int off, void *val, size_t len)
{
	return pread(fd, val, len, bar + off) == (ssize_t)len ? 0 : -1;
}

static int reg_write(int fd, uint64_t bar, unsigned int off, const void *val, size_t len)
{
	return pwrite(fd, val, len, bar + off) == (ssize_t)len ? 0 : -1;
}

/*
 * One transfer of @len bytes between the device's DATA window and @iova;
 * returns the STATUS register, or -1 if the registers could not be reached.
 */
static int device_dma(int fd, uint64_t bar, uint64_t iova, uint32_t len, int to_mem)
{
	uint32_t flags = to_mem ? DMA_FLAG_TO_MEM : 0, one = 1, status;

	if (reg_write(fd, bar, DMA_REG_IOVA, &iova, 8) ||
	    reg_write(fd, bar, DMA_REG_LEN, &len, 4) ||
	    reg_write(fd, bar, DMA_REG_FLAGS, &flags, 4) ||
	    reg_write(fd, bar, DMA_REG_DOORBELL, &one, 4) ||
	    reg_read(fd, bar, DMA_REG_STATUS, &status, 4))
		return -1;
	return (int)status;
}

static const char *status_name(int status)
{
	switch (status) {
	case DMA_STATUS_DONE: return "done";
	case DMA_STATUS_FAULT: return "IOMMU fault";
	case DMA_STATUS_ABORT: return "target abort";
	case DMA_STATUS_INVALID: return "invalid request";
	default: return "?";
	}
}

static const char *vtd_reason(uint32_t reason)
{
	switch (reason) {
	case 0x05: case 0x85: return "no write permission";
	case 0x06: case 0x86: return "no read permission: the address is not mapped";
	case 0x71: return "first-stage entry not present: the address is not mapped";
	case 0x59: return "PASID table entry not present: DMA is blocked";
	case 0x41: return "context entry not present: DMA is blocked";
	default: return "see the VT-d specification, chapter 7";
	}
}

int main(int argc, char **argv)
{
	const char *bdf = argc > 1 ? argv[1] : "0000:02:00.0";
	char msg[64];
	uint32_t msg_len;
	struct iommu_ioas_alloc alloc = { .size = sizeof(alloc) };
	struct vfio_device_bind_iommufd bind = { .argsz = sizeof(bind) };
	struct vfio_device_attach_iommufd_pt attach = { .argsz = sizeof(attach) };
	struct vfio_device_detach_iommufd_pt detach = { .argsz = sizeof(detach) };
	struct vfio_region_info bar0 = { .argsz = sizeof(bar0) };
	struct iommu_hw_info_vtd vtd = {};
	struct iommu_hw_info hw = { .size = sizeof(hw) };
	struct iommu_ioas_unmap unmap = { .size = sizeof(unmap) };
	struct iommu_ioas_map map = { .size = sizeof(map) };
	uint32_t id = 0, reason = 0, info = 0;
	uint64_t fault_addr = 0;
	char path[64], readback[64];
	int iommufd, devfd, index, status;
	char *buf;

	step("iommufd client: a VMM's view of /dev/iommu and a VFIO device\n\n");
	snprintf(msg, sizeof(msg), "hello from %s, by DMA through VT-d", bdf);
	msg_len = strlen(msg) + 1;

	iommufd = open("/dev/iommu", O_RDWR | O_CLOEXEC);
	if (iommufd < 0) {
		problem("open /dev/iommu");
		return 1;
	}
	if (ioctl(iommufd, IOMMU_IOAS_ALLOC, &alloc)) {
		problem("IOMMU_IOAS_ALLOC");
		return 1;
	}
	step("opened /dev/iommu; IOMMU_IOAS_ALLOC: IOAS %u\n", alloc.out_ioas_id);

	step("looking for PCI function %s through /sys/class/vfio-dev/vfio*/device\n", bdf);
	index = find_vfio_device(bdf);
	if (index < 0) {
		errno = ENODEV;
		problem("no VFIO device for that function");
		return 1;
	}

	snprintf(path, sizeof(path), "/dev/vfio/devices/vfio%d", index);
	devfd = open(path, O_RDWR | O_CLOEXEC);
	if (devfd < 0) {
		problem(path);
		return 1;
	}
	bind.iommufd = iommufd;
	if (ioctl(devfd, VFIO_DEVICE_BIND_IOMMUFD, &bind)) {
		problem("VFIO_DEVICE_BIND_IOMMUFD");
		return 1;
	}
	step("opened %s; VFIO_DEVICE_BIND_IOMMUFD: device id %u in the iommufd\n", path,
	     bind.out_devid);

	hw.dev_id = bind.out_devid;
	hw.data_len = sizeof(vtd);
	hw.data_uptr = (uintptr_t)&vtd;
	if (!ioctl(iommufd, IOMMU_GET_HW_INFO, &hw) &&
	    hw.out_data_type == IOMMU_HW_INFO_TYPE_INTEL_VTD)
		step("  IOMMU_GET_HW_INFO: Intel VT-d, CAP 0x%016llx ECAP 0x%016llx; %s\n",
		     (unsigned long long)vtd.cap_reg, (unsigned long long)vtd.ecap_reg,
		     hw.out_max_pasid_log2 ? "the function has PASIDs" :
					     "the function has no PASID capability");

	attach.pt_id = alloc.out_ioas_id;
	if (ioctl(devfd, VFIO_DEVICE_ATTACH_IOMMUFD_PT, &attach)) {
		problem("VFIO_DEVICE_ATTACH_IOMMUFD_PT");
		return 1;
	}
	step("VFIO_DEVICE_ATTACH_IOMMUFD_PT to IOAS %u: %s HWPT %u\n", alloc.out_ioas_id,
	     "the device now translates through", attach.pt_id);

	bar0.index = VFIO_PCI_BAR0_REGION_INDEX;
	if (ioctl(devfd, VFIO_DEVICE_GET_REGION_INFO, &bar0) || !bar0.size) {
		problem("VFIO_DEVICE_GET_REGION_INFO (BAR0)");
		return 1;
	}
	if (reg_read(devfd, bar0.offset, DMA_REG_ID, &id, 4) || id != DMA_REGS_ID) {
		problem("BAR0 does not hold the DMA test device's registers");
		return 1;
	}
	step("BAR0: %llu bytes at file offset 0x%llx, ID register 0x%08x (\"DMAT\")\n",
	     (unsigned long long)bar0.size, (unsigned long long)bar0.offset, id);

	buf = mmap(NULL, PAGE_SZ, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED) {
		problem("mmap");
		return 1;
	}
	memset(buf, '.', PAGE_SZ);
	map.flags = IOMMU_IOAS_MAP_FIXED_IOVA | IOMMU_IOAS_MAP_READABLE |
		    IOMMU_IOAS_MAP_WRITEABLE;
	map.ioas_id = alloc.out_ioas_id;
	map.user_va = (uintptr_t)buf;
	map.length = PAGE_SZ;
	map.iova = DEMO_IOVA;
	if (ioctl(iommufd, IOMMU_IOAS_MAP, &map)) {
		problem("IOMMU_IOAS_MAP");
		return 1;
	}
	step("\nIOMMU_IOAS_MAP: buffer %p (one page) at IOVA 0x%lx, read/write\n", buf,
	     DEMO_IOVA);

	if (reg_write(devfd, bar0.offset, DMA_REG_DATA, msg, msg_len))
		problem("writing the device's DATA window");
	status = device_dma(devfd, bar0.offset, DEMO_IOVA, msg_len, 1);
	step("device DMA write of %u bytes to IOVA 0x%lx: %s\n", msg_len, DEMO_IOVA,
	     status_name(status));
	step("  the buffer now holds: \"%.*s\"\n", (int)msg_len - 1, buf);
	if (status != DMA_STATUS_DONE || memcmp(buf, msg, msg_len)) {
		errno = EIO;
		problem("the DMA did not land in the buffer");
	}

	memcpy(buf, "the CPU wrote this; the device read it", 39);
	status = device_dma(devfd, bar0.offset, DEMO_IOVA, 39, 0);
	memset(readback, 0, sizeof(readback));
	reg_read(devfd, bar0.offset, DMA_REG_DATA, readback, 39);
	step("device DMA read of 39 bytes from IOVA 0x%lx: %s; DATA holds \"%s\"\n",
	     DEMO_IOVA, status_name(status), readback);
	if (status != DMA_STATUS_DONE || strcmp(readback, buf)) {
		errno = EIO;
		problem("the device did not read the buffer");
	}

	unmap.ioas_id = alloc.out_ioas_id;
	unmap.iova = DEMO_IOVA;
	unmap.length = PAGE_SZ;
	if (ioctl(iommufd, IOMMU_IOAS_UNMAP, &unmap))
		problem("IOMMU_IOAS_UNMAP");
	step("\nIOMMU_IOAS_UNMAP of IOVA 0x%lx (%llu bytes)\n", DEMO_IOVA,
	     (unsigned long long)unmap.length);

	memset(buf, '.', PAGE_SZ);
	status = device_dma(devfd, bar0.offset, DEMO_IOVA, msg_len, 1);
	reg_read(devfd, bar0.offset, DMA_REG_FAULT_REASON, &reason, 4);
	reg_read(devfd, bar0.offset, DMA_REG_FAULT_ADDR, &fault_addr, 8);
	reg_read(devfd, bar0.offset, DMA_REG_FAULT_INFO, &info, 4);
	step("the same DMA write again: %s\n", status_name(status));
	step("  VT-d fault reason 0x%02x (%s) at IOVA 0x%llx, %s access%s\n", reason,
	     vtd_reason(reason), (unsigned long long)fault_addr,
	     (info & DMA_FAULT_INFO_WRITE) ? "write" : "read",
	     (info & DMA_FAULT_INFO_RECORDED) ? ", recorded in the unit's fault registers" : "");
	step("  the buffer is untouched: \"%.16s...\"\n", buf);
	if (status != DMA_STATUS_FAULT || buf[0] != '.') {
		errno = EIO;
		problem("the DMA to an unmapped IOVA was not stopped");
	}

	if (ioctl(devfd, VFIO_DEVICE_DETACH_IOMMUFD_PT, &detach))
		problem("VFIO_DEVICE_DETACH_IOMMUFD_PT");
	step("\nVFIO_DEVICE_DETACH_IOMMUFD_PT; closing the device and the iommufd\n");
	close(devfd);
	close(iommufd);
	munmap(buf, PAGE_SZ);

	if (problems)
		step("\n%d step(s) did not behave as expected\n", problems);
	return problems ? 1 : 0;
}
