// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the DMA test device's register window (BAR0): register
 * semantics, transfers to RAM without an IOMMU, and how faults, target
 * aborts and bad requests are reported.  Registers are reached the way a
 * driver reaches them, with ioremap() and readl()/writel().
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <host/dma-dev-bar.h>

#define TEST_BAR_BASE	0xe8000000UL
#define TEST_FR		0x42

/**
 * struct bar_test - one device with its window, mapped
 * @dev: the DMA test device
 * @bar: its window
 * @regs: the mapping of the window
 * @last_pasid: the PASID the fake IOMMU saw last
 * @fault_from: the fake IOMMU faults at and above this address (0: never)
 */
struct bar_test {
	struct dma_dev dev;
	struct dma_dev_bar *bar;
	void __iomem *regs;
	u32 last_pasid;
	u64 fault_from;
};

/* An IOMMU that maps everything 1:1 below fault_from */
static int fake_translate(void *iommu, u16 source_id, u32 pasid, u64 iova,
			  unsigned int access, struct dma_dev_xlate *out,
			  struct dma_dev_fault *fault)
{
	struct bar_test *t = iommu;

	t->last_pasid = pasid;
	if (t->fault_from && iova >= t->fault_from) {
		fault->reason = TEST_FR;
		fault->recorded = true;
		return -EFAULT;
	}
	out->pa = iova;
	out->size = 0x1000 - (iova & 0xfff);
	out->perms = DMA_ACC_READ | DMA_ACC_WRITE;
	return 0;
}

static const struct dma_iommu_ops fake_iommu = {
	.name = "fake",
	.translate = fake_translate,
};

static struct bar_test *bar_test_setup(struct kunit *test, bool with_iommu)
{
	struct bar_test *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	dma_dev_init(&t->dev, "kunit", 0x0100, with_iommu ? &fake_iommu : NULL, t);
	t->bar = dma_dev_bar_create(&t->dev, TEST_BAR_BASE);
	KUNIT_ASSERT_FALSE(test, IS_ERR(t->bar));
	t->regs = ioremap(TEST_BAR_BASE, DMA_REGS_BAR_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, t->regs);
	return t;
}

static void bar_test_teardown(struct bar_test *t)
{
	iounmap(t->regs);
	dma_dev_bar_destroy(t->bar);
}

static u32 bar_run(struct bar_test *t, u64 iova, u32 len, u32 flags)
{
	writeq(iova, t->regs + DMA_REG_IOVA);
	writel(len, t->regs + DMA_REG_LEN);
	writel(flags, t->regs + DMA_REG_FLAGS);
	writel(1, t->regs + DMA_REG_DOORBELL);
	return readl(t->regs + DMA_REG_STATUS);
}

static void registers(struct kunit *test)
{
	struct bar_test *t = bar_test_setup(test, false);

	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_ID), DMA_REGS_ID);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_VERSION), DMA_REGS_VERSION);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_STATUS), DMA_STATUS_IDLE);

	/* 64-bit registers: whole, by halves, and bytewise */
	writeq(0x0123456789abcdefULL, t->regs + DMA_REG_IOVA);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_IOVA), 0x89abcdef);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_IOVA + 4), 0x01234567);
	writeb(0x55, t->regs + DMA_REG_IOVA + 7);
	KUNIT_EXPECT_EQ(test, readq(t->regs + DMA_REG_IOVA), 0x5523456789abcdefULL);

	/* Read-only registers and holes ignore writes; the doorbell reads 0 */
	writel(0, t->regs + DMA_REG_ID);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_ID), DMA_REGS_ID);
	writel(~0U, t->regs + 0x38);
	KUNIT_EXPECT_EQ(test, readl(t->regs + 0x38), 0);
	KUNIT_EXPECT_EQ(test, readl(t->regs + 0x800), 0);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_DOORBELL), 0);

	/* The DATA window is plain memory */
	writeq(0xfeedfacecafef00dULL, t->regs + DMA_REG_DATA + 8);
	KUNIT_EXPECT_EQ(test, readw(t->regs + DMA_REG_DATA + 14), 0xfeed);
	bar_test_teardown(t);
}

static void transfer_without_iommu(struct kunit *test)
{
	struct bar_test *t = bar_test_setup(test, false);
	u8 *ram = kunit_kzalloc(test, 256, GFP_KERNEL);
	u64 pa = virt_to_phys(ram);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, ram);
	for (i = 0; i < 64; i++)
		writeb(i + 1, t->regs + DMA_REG_DATA + i);
	KUNIT_EXPECT_EQ(test, bar_run(t, pa + 16, 64, DMA_FLAG_TO_MEM), DMA_STATUS_DONE);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_XFER), 64);
	KUNIT_EXPECT_EQ(test, ram[15], 0);
	KUNIT_EXPECT_EQ(test, ram[16], 1);
	KUNIT_EXPECT_EQ(test, ram[79], 64);
	KUNIT_EXPECT_EQ(test, ram[80], 0);

	memset(ram, 0xa5, 256);
	KUNIT_EXPECT_EQ(test, bar_run(t, pa, 32, 0), DMA_STATUS_DONE);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_DATA + 28), 0xa5a5a5a5);
	KUNIT_EXPECT_EQ(test, t->dev.bytes_read, 32);
	KUNIT_EXPECT_EQ(test, t->dev.bytes_written, 64);

	/* Memory that is not RAM answers with a target abort */
	KUNIT_EXPECT_EQ(test, bar_run(t, 0x1000, 8, DMA_FLAG_TO_MEM), DMA_STATUS_ABORT);
	KUNIT_EXPECT_EQ(test, readq(t->regs + DMA_REG_FAULT_ADDR), 0x1000);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_FAULT_INFO), DMA_FAULT_INFO_WRITE);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_XFER), 0);
	bar_test_teardown(t);
}

static void iommu_fault_reported(struct kunit *test)
{
	struct bar_test *t = bar_test_setup(test, true);
	void *ram = kunit_kzalloc(test, 0x2000, GFP_KERNEL);
	u64 pa = virt_to_phys(ram);
	u64 page = ALIGN(pa, 0x1000);

	KUNIT_ASSERT_NOT_NULL(test, ram);
	t->fault_from = page + 0x1000;
	/* The page before the faulting one is transferred, as on a bus */
	KUNIT_EXPECT_EQ(test, bar_run(t, page + 0xff0, 32, DMA_FLAG_TO_MEM),
			DMA_STATUS_FAULT);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_XFER), 16);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_FAULT_REASON), TEST_FR);
	KUNIT_EXPECT_EQ(test, readq(t->regs + DMA_REG_FAULT_ADDR), page + 0x1000);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_FAULT_INFO),
			DMA_FAULT_INFO_WRITE | DMA_FAULT_INFO_RECORDED);
	KUNIT_EXPECT_EQ(test, t->last_pasid, DMA_DEV_NO_PASID);

	/* A good transfer clears the fault registers; PASIDs reach the IOMMU */
	writel(77, t->regs + DMA_REG_PASID);
	KUNIT_EXPECT_EQ(test, bar_run(t, page, 8, DMA_FLAG_PASID), DMA_STATUS_DONE);
	KUNIT_EXPECT_EQ(test, t->last_pasid, 77);
	KUNIT_EXPECT_EQ(test, readl(t->regs + DMA_REG_FAULT_REASON), 0);
	KUNIT_EXPECT_EQ(test, readq(t->regs + DMA_REG_FAULT_ADDR), 0);
	bar_test_teardown(t);
}

static void bad_requests(struct kunit *test)
{
	struct bar_test *t = bar_test_setup(test, true);
	u64 before = t->dev.bytes_read + t->dev.bytes_written;

	KUNIT_EXPECT_EQ(test, bar_run(t, 0, 0, 0), DMA_STATUS_INVALID);
	KUNIT_EXPECT_EQ(test, bar_run(t, 0, DMA_REGS_DATA_SIZE + 1, 0), DMA_STATUS_INVALID);
	KUNIT_EXPECT_EQ(test, bar_run(t, 0, 4, 0x80), DMA_STATUS_INVALID);
	writel(DMA_REGS_PASID_MAX + 1, t->regs + DMA_REG_PASID);
	KUNIT_EXPECT_EQ(test, bar_run(t, 0, 4, DMA_FLAG_PASID), DMA_STATUS_INVALID);
	KUNIT_EXPECT_EQ(test, t->dev.bytes_read + t->dev.bytes_written, before);
	KUNIT_EXPECT_EQ(test, t->dev.faults, 0);
	bar_test_teardown(t);
}

static void create_errors(struct kunit *test)
{
	struct dma_dev dev;
	struct dma_dev_bar *bar, *other;

	dma_dev_init(&dev, "kunit", 0, NULL, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(dma_dev_bar_create(&dev, TEST_BAR_BASE + 0x1000)),
			-EINVAL);
	bar = dma_dev_bar_create(&dev, TEST_BAR_BASE);
	KUNIT_ASSERT_FALSE(test, IS_ERR(bar));
	KUNIT_EXPECT_EQ(test, dma_dev_bar_base(bar), TEST_BAR_BASE);
	other = dma_dev_bar_create(&dev, TEST_BAR_BASE);
	KUNIT_EXPECT_EQ(test, PTR_ERR(other), -EBUSY);
	dma_dev_bar_destroy(bar);
	/* The range is free again */
	bar = dma_dev_bar_create(&dev, TEST_BAR_BASE);
	KUNIT_EXPECT_FALSE(test, IS_ERR(bar));
	dma_dev_bar_destroy(bar);
	dma_dev_bar_destroy(NULL);
}

static struct kunit_case dma_dev_bar_cases[] = {
	KUNIT_CASE(registers),
	KUNIT_CASE(transfer_without_iommu),
	KUNIT_CASE(iommu_fault_reported),
	KUNIT_CASE(bad_requests),
	KUNIT_CASE(create_errors),
	{}
};

static struct kunit_suite dma_dev_bar_suite = {
	.name = "dma_dev_bar",
	.test_cases = dma_dev_bar_cases,
};

kunit_test_suite(dma_dev_bar_suite);
