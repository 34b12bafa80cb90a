/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Messages about a device: "<driver or bus> <device name>: message".
 */
#ifndef _DEVICE_PRINTK_H_
#define _DEVICE_PRINTK_H_

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/printk.h>
#include <linux/bug.h>

struct device;

#ifndef dev_fmt
#define dev_fmt(fmt) fmt
#endif

__printf(3, 4) __cold
void _dev_printk(const char *level, const struct device *dev,
		 const char *fmt, ...);
__printf(2, 3) __cold void _dev_emerg(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_alert(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_crit(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_err(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_warn(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_notice(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_info(const struct device *dev, const char *fmt, ...);
__printf(2, 3) __cold void _dev_dbg(const struct device *dev, const char *fmt, ...);

#define dev_printk(level, dev, fmt, ...) \
	_dev_printk(level, dev, dev_fmt(fmt), ##__VA_ARGS__)

#define dev_emerg(dev, fmt, ...)  _dev_emerg(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)	  _dev_crit(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...)  _dev_alert(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)	  _dev_err(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	  _dev_warn(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) _dev_notice(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)	  _dev_info(dev, dev_fmt(fmt), ##__VA_ARGS__)

/*
 * Debug messages go out at KERN_DEBUG; the console shows them only at a
 * debug loglevel. Without DEBUG they are still type-checked but compiled
 * out, as without dynamic debug in the kernel.
 */
#ifdef DEBUG
#define dev_dbg(dev, fmt, ...)	_dev_dbg(dev, dev_fmt(fmt), ##__VA_ARGS__)
#else
#define dev_dbg(dev, fmt, ...)						\
({									\
	if (0)								\
		_dev_dbg(dev, dev_fmt(fmt), ##__VA_ARGS__);		\
})
#endif
#define dev_vdbg(dev, fmt, ...)						\
({									\
	if (0)								\
		_dev_dbg(dev, dev_fmt(fmt), ##__VA_ARGS__);		\
})

/* Emit at most once per call site. */
#define dev_level_once(dev_level, dev, fmt, ...)			\
do {									\
	static bool __section(".data.once") __dev_once_done;		\
									\
	if (!__dev_once_done) {						\
		__dev_once_done = true;					\
		dev_level(dev, fmt, ##__VA_ARGS__);			\
	}								\
} while (0)

#define dev_emerg_once(dev, fmt, ...)  dev_level_once(dev_emerg, dev, fmt, ##__VA_ARGS__)
#define dev_alert_once(dev, fmt, ...)  dev_level_once(dev_alert, dev, fmt, ##__VA_ARGS__)
#define dev_crit_once(dev, fmt, ...)   dev_level_once(dev_crit, dev, fmt, ##__VA_ARGS__)
#define dev_err_once(dev, fmt, ...)    dev_level_once(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_once(dev, fmt, ...)   dev_level_once(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_notice_once(dev, fmt, ...) dev_level_once(dev_notice, dev, fmt, ##__VA_ARGS__)
#define dev_info_once(dev, fmt, ...)   dev_level_once(dev_info, dev, fmt, ##__VA_ARGS__)
#define dev_dbg_once(dev, fmt, ...)    dev_level_once(dev_dbg, dev, fmt, ##__VA_ARGS__)

/* Rate limiting is not modelled: every message is printed. */
#define dev_emerg_ratelimited(dev, fmt, ...)	dev_emerg(dev, fmt, ##__VA_ARGS__)
#define dev_alert_ratelimited(dev, fmt, ...)	dev_alert(dev, fmt, ##__VA_ARGS__)
#define dev_crit_ratelimited(dev, fmt, ...)	dev_crit(dev, fmt, ##__VA_ARGS__)
#define dev_err_ratelimited(dev, fmt, ...)	dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn_ratelimited(dev, fmt, ...)	dev_warn(dev, fmt, ##__VA_ARGS__)
#define dev_notice_ratelimited(dev, fmt, ...)	dev_notice(dev, fmt, ##__VA_ARGS__)
#define dev_info_ratelimited(dev, fmt, ...)	dev_info(dev, fmt, ##__VA_ARGS__)
#define dev_dbg_ratelimited(dev, fmt, ...)	dev_dbg(dev, fmt, ##__VA_ARGS__)

/*
 * Warnings about a device. They go through WARN(), so they are counted
 * (and may be suppressed) like any other warning.
 */
#define dev_WARN(dev, format, arg...) ({					\
	const struct device *__dw = (dev);				\
	WARN(1, "%s %s: " format, dev_driver_string(__dw), dev_name(__dw), ## arg); \
})

#define dev_WARN_ONCE(dev, condition, format, arg...) ({		\
	const struct device *__dwo = (dev);				\
	WARN_ONCE(condition, "%s %s: " format,				\
		  dev_driver_string(__dwo), dev_name(__dwo), ## arg);	\
})

__printf(3, 4) int dev_err_probe(const struct device *dev, int err,
				 const char *fmt, ...);
__printf(3, 4) int dev_warn_probe(const struct device *dev, int err,
				  const char *fmt, ...);

#endif /* _DEVICE_PRINTK_H_ */
