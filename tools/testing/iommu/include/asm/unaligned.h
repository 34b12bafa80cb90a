/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_UNALIGNED_H
#define _ASM_UNALIGNED_H

/*
 * Older spelling of the unaligned-access header; the accessors themselves
 * live in <linux/unaligned.h>.
 */
#include <linux/unaligned.h>

#endif /* _ASM_UNALIGNED_H */
