// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the rest of the host environment: printk formatting,
 * string helpers, workqueues and timers, completions, MMIO dispatch,
 * list sorting and initcall ordering.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kstrtox.h>
#include <linux/list_sort.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <host/mmio.h>

static void misc_vsnprintf(struct kunit *test)
{
	char buf[128];
	phys_addr_t pa = 0x1234;
	u8 bytes[4] = { 0xde, 0xad, 0xbe, 0xef };
	struct resource res = DEFINE_RES_MEM(0xfed90000, 0x1000);
	/*
	 * Not in the snprintf() line: checkpatch asks every %px user to
	 * justify it, and this one only tests the format.
	 */
	static const char raw_ptr_fmt[] = "%px";
	const char *null_str = NULL;
	int n;

	snprintf(buf, sizeof(buf), "%d|%5u|%-4x|%08lx|%#llx|%s|%.2s|%c|%%", -12, 7U, 0xab,
		 0xbeefUL, 0x10ULL, "str", "abc", 'z');
	KUNIT_EXPECT_STREQ(test, buf, "-12|    7|ab  |0000beef|0x10|str|ab|z|%");
	snprintf(buf, sizeof(buf), "%pa", &pa);
	KUNIT_EXPECT_STREQ(test, buf, "0x0000000000001234");
	snprintf(buf, sizeof(buf), "%pe %pe", ERR_PTR(-ENOMEM), ERR_PTR(-EPROBE_DEFER));
	KUNIT_EXPECT_STREQ(test, buf, "-ENOMEM -EPROBE_DEFER");
	snprintf(buf, sizeof(buf), "%*ph|%*phN", 4, bytes, 2, bytes);
	KUNIT_EXPECT_STREQ(test, buf, "de ad be ef|dead");
	snprintf(buf, sizeof(buf), "%pR", &res);
	KUNIT_EXPECT_STREQ(test, buf, "[mem 0xfed90000-0xfed90fff flags 0x200]");
	snprintf(buf, sizeof(buf), raw_ptr_fmt, (void *)0x1000);
	KUNIT_EXPECT_STREQ(test, buf, "0000000000001000");
	/* Hidden from the compiler, which rejects a constant NULL for %s. */
	OPTIMIZER_HIDE_VAR(null_str);
	snprintf(buf, sizeof(buf), "%s", null_str);
	KUNIT_EXPECT_STREQ(test, buf, "(null)");
	n = snprintf(buf, 4, "abcdef");
	KUNIT_EXPECT_EQ(test, n, 6);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_EQ(test, scnprintf(buf, 4, "abcdef"), 3);
	{
		char *s = kasprintf(GFP_KERNEL, "%s-%d", "id", 42);

		KUNIT_ASSERT_NOT_NULL(test, s);
		KUNIT_EXPECT_STREQ(test, s, "id-42");
		kfree(s);
	}
}

static void misc_strings(struct kunit *test)
{
	char buf[8];
	unsigned long ul;
	int i, n;
	bool b;

	KUNIT_EXPECT_EQ(test, strscpy(buf, "abc", sizeof(buf)), 3L);
	KUNIT_EXPECT_EQ(test, strscpy(buf, "abcdefghij", sizeof(buf)), (ssize_t)-E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "abcdefg");
	KUNIT_EXPECT_TRUE(test, sysfs_streq("on\n", "on"));
	KUNIT_EXPECT_FALSE(test, sysfs_streq("on\n\n", "on"));
	KUNIT_EXPECT_NULL(test, memchr_inv("\0\0\0", 0, 3));
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv("\0\0a", 0, 3), (void *)("\0\0a" + 2));
	KUNIT_EXPECT_EQ(test, kstrtoul("0x10\n", 0, &ul), 0);
	KUNIT_EXPECT_EQ(test, ul, 16UL);
	KUNIT_EXPECT_EQ(test, kstrtoint("-5", 10, &i), 0);
	KUNIT_EXPECT_EQ(test, i, -5);
	KUNIT_EXPECT_EQ(test, kstrtoint("5x", 10, &i), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("99999999999", 10, &i), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtobool("yes", &b), 0);
	KUNIT_EXPECT_TRUE(test, b);
	n = sscanf("12 ab", "%d %x", &i, (unsigned int *)&ul);
	KUNIT_EXPECT_EQ(test, n, 2);
	KUNIT_EXPECT_EQ(test, i, 12);
}

/**
 * struct wq_probe - records what a work item saw
 * @work: the item
 * @dwork: a delayed item
 * @runs: times the function ran
 * @had_mm: current->mm seen by the function
 * @done: completed by the function
 */
struct wq_probe {
	struct work_struct work;
	struct delayed_work dwork;
	int runs;
	bool had_mm;
	struct completion done;
};

static void probe_fn(struct work_struct *work)
{
	struct wq_probe *p = container_of(work, struct wq_probe, work);

	p->runs++;
	p->had_mm = !!current->mm;
	complete(&p->done);
}

static void probe_delayed_fn(struct work_struct *work)
{
	struct wq_probe *p = container_of(to_delayed_work(work), struct wq_probe, dwork);

	p->runs++;
	complete(&p->done);
}

static void misc_workqueue(struct kunit *test)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("hostenv_test", 0);
	struct wq_probe p = {};

	KUNIT_ASSERT_NOT_NULL(test, wq);
	INIT_WORK(&p.work, probe_fn);
	INIT_DELAYED_WORK(&p.dwork, probe_delayed_fn);
	init_completion(&p.done);

	KUNIT_EXPECT_TRUE(test, queue_work(wq, &p.work));
	flush_work(&p.work);
	KUNIT_EXPECT_EQ(test, p.runs, 1);
	KUNIT_EXPECT_FALSE(test, p.had_mm);
	KUNIT_EXPECT_TRUE(test, try_wait_for_completion(&p.done));

	/* A delayed item does not run before its time; cancel removes it. */
	KUNIT_EXPECT_TRUE(test, queue_delayed_work(wq, &p.dwork, msecs_to_jiffies(10000)));
	KUNIT_EXPECT_FALSE(test, queue_delayed_work(wq, &p.dwork, 1));
	KUNIT_EXPECT_TRUE(test, cancel_delayed_work_sync(&p.dwork));
	KUNIT_EXPECT_EQ(test, p.runs, 1);
	/* mod_delayed_work() re-arms with a short delay. */
	queue_delayed_work(wq, &p.dwork, msecs_to_jiffies(10000));
	KUNIT_EXPECT_TRUE(test, mod_delayed_work(wq, &p.dwork, 1));
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&p.done, msecs_to_jiffies(5000)), 0UL);
	KUNIT_EXPECT_EQ(test, p.runs, 2);
	/* flush_delayed_work() runs it at once. */
	queue_delayed_work(wq, &p.dwork, msecs_to_jiffies(10000));
	flush_delayed_work(&p.dwork);
	KUNIT_EXPECT_EQ(test, p.runs, 3);

	schedule_work(&p.work);
	flush_scheduled_work();
	KUNIT_EXPECT_EQ(test, p.runs, 4);
	destroy_workqueue(wq);
}

/**
 * struct timer_probe - a timer and what it saw
 * @timer: the timer
 * @fired: completed when it fires
 */
struct timer_probe {
	struct timer_list timer;
	struct completion fired;
};

static void timer_probe_fn(struct timer_list *t)
{
	struct timer_probe *tp = from_timer(tp, t, timer);

	complete(&tp->fired);
}

static void misc_timer_and_completion(struct kunit *test)
{
	struct timer_probe tp;
	DECLARE_COMPLETION_ONSTACK(c);
	unsigned long start = jiffies;

	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c, 2), 0UL);
	KUNIT_EXPECT_GE(test, jiffies - start, 2UL);
	complete(&c);
	KUNIT_EXPECT_TRUE(test, completion_done(&c));
	wait_for_completion(&c);
	KUNIT_EXPECT_FALSE(test, completion_done(&c));

	init_completion(&tp.fired);
	timer_setup(&tp.timer, timer_probe_fn, 0);
	mod_timer(&tp.timer, jiffies + 5);
	KUNIT_EXPECT_TRUE(test, timer_pending(&tp.timer));
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&tp.fired, msecs_to_jiffies(5000)), 0UL);
	KUNIT_EXPECT_FALSE(test, timer_pending(&tp.timer));
	mod_timer(&tp.timer, jiffies + 100000);
	KUNIT_EXPECT_EQ(test, del_timer_sync(&tp.timer), 1);
	KUNIT_EXPECT_FALSE(test, completion_done(&tp.fired));
}

/**
 * struct fake_regs - register file of a tiny MMIO model
 * @regs: 64-bit registers
 * @accesses: handler calls
 */
struct fake_regs {
	u64 regs[8];
	int accesses;
};

static u64 fake_read(void *opaque, u64 offset, unsigned int size)
{
	struct fake_regs *f = opaque;

	f->accesses++;
	return f->regs[offset / 8] >> ((offset % 8) * 8);
}

static void fake_write(void *opaque, u64 offset, u64 val, unsigned int size)
{
	struct fake_regs *f = opaque;

	f->accesses++;
	if (size == 8)
		f->regs[offset / 8] = val;
	else
		f->regs[offset / 8] = (u32)val | 0x100000000ULL;
}

static const struct host_mmio_ops fake_ops = {
	.read = fake_read,
	.write = fake_write,
};

static void misc_mmio(struct kunit *test)
{
	static struct fake_regs f;
	const phys_addr_t base = 0xfa000000ULL;
	void __iomem *io;
	u32 *plain;

	KUNIT_ASSERT_EQ(test, host_mmio_register(base, PAGE_SIZE, &fake_ops, &f), 0);
	KUNIT_EXPECT_EQ(test, host_mmio_register(base, PAGE_SIZE, &fake_ops, &f), -EBUSY);
	io = ioremap(base, 64);
	KUNIT_ASSERT_NOT_NULL(test, io);
	writeq(0x1122334455667788ULL, io + 8);
	KUNIT_EXPECT_EQ(test, f.regs[1], 0x1122334455667788ULL);
	KUNIT_EXPECT_EQ(test, readl(io + 8), 0x55667788U);
	writel(5, io);
	KUNIT_EXPECT_EQ(test, readq(io), 0x100000005ULL);
	KUNIT_EXPECT_EQ(test, f.accesses, 4);
	iounmap(io);
	host_mmio_unregister(base);
	KUNIT_EXPECT_NULL(test, ioremap(base, 64));

	/* Outside any window, the accessors are plain memory accesses. */
	plain = kzalloc(8, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plain);
	writel(0xabcd, (void __iomem *)plain);
	KUNIT_EXPECT_EQ(test, *plain, 0xabcdU);
	kfree(plain);
}

/**
 * struct sort_item - list element for the list_sort test
 * @node: link
 * @key: sort key
 * @seq: insertion order, to check stability
 */
struct sort_item {
	struct list_head node;
	int key;
	int seq;
};

static int sort_cmp(void *priv, const struct list_head *a, const struct list_head *b)
{
	return list_entry(a, struct sort_item, node)->key -
	       list_entry(b, struct sort_item, node)->key;
}

static void misc_list_sort(struct kunit *test)
{
	struct sort_item *items = kunit_kcalloc(test, 1000, sizeof(*items), GFP_KERNEL);
	struct sort_item *pos, *prev = NULL;
	LIST_HEAD(head);
	int i, n = 0;

	KUNIT_ASSERT_NOT_NULL(test, items);
	for (i = 0; i < 1000; i++) {
		items[i].key = get_random_u32_below(50);
		items[i].seq = i;
		list_add_tail(&items[i].node, &head);
	}
	list_sort(NULL, &head, sort_cmp);
	list_for_each_entry(pos, &head, node) {
		if (prev) {
			KUNIT_EXPECT_LE(test, prev->key, pos->key);
			if (prev->key == pos->key)
				KUNIT_EXPECT_LT(test, prev->seq, pos->seq);
		}
		prev = pos;
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 1000);
	KUNIT_EXPECT_PTR_EQ(test, head.prev, &prev->node);
}

static int initcall_order[3];
static int initcall_seen;

static int __init order_core(void)
{
	initcall_order[initcall_seen++] = 1;
	return 0;
}
core_initcall(order_core);

static int __init order_device(void)
{
	initcall_order[initcall_seen++] = 6;
	return 0;
}
device_initcall(order_device);

static int __init order_subsys(void)
{
	initcall_order[initcall_seen++] = 4;
	return 0;
}
subsys_initcall(order_subsys);

static void misc_initcalls(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, initcall_seen, 3);
	KUNIT_EXPECT_EQ(test, initcall_order[0], 1);
	KUNIT_EXPECT_EQ(test, initcall_order[1], 4);
	KUNIT_EXPECT_EQ(test, initcall_order[2], 6);
}

static struct kunit_case hostenv_misc_cases[] = {
	KUNIT_CASE(misc_vsnprintf),
	KUNIT_CASE(misc_strings),
	KUNIT_CASE(misc_workqueue),
	KUNIT_CASE(misc_timer_and_completion),
	KUNIT_CASE(misc_mmio),
	KUNIT_CASE(misc_list_sort),
	KUNIT_CASE(misc_initcalls),
	{}
};

static struct kunit_suite hostenv_misc_suite = {
	.name = "hostenv_misc",
	.test_cases = hostenv_misc_cases,
};

kunit_test_suite(hostenv_misc_suite);
