/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H

#include <linux/atomic.h>

#endif /* _ASM_ATOMIC_H */
