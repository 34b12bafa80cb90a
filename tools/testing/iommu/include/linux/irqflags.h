/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <linux/typecheck.h>

/* There are no interrupts on the host; these keep code compiling. */
#define local_irq_enable()		do { } while (0)
#define local_irq_disable()		do { } while (0)
#define local_irq_save(flags) \
	do { typecheck(unsigned long, flags); (flags) = 0; } while (0)
#define local_irq_restore(flags) \
	do { typecheck(unsigned long, flags); (void)(flags); } while (0)
#define irqs_disabled()			0
#define irqs_disabled_flags(flags)	((void)(flags), 0)
#define raw_local_irq_save(flags)	local_irq_save(flags)
#define raw_local_irq_restore(flags)	local_irq_restore(flags)

#endif /* _LINUX_IRQFLAGS_H */
