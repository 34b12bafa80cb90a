/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BYTEORDER_GENERIC_H
#define _LINUX_BYTEORDER_GENERIC_H

#include <asm/byteorder.h>

#endif /* _LINUX_BYTEORDER_GENERIC_H */
