/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BYTEORDER_H
#define _LINUX_BYTEORDER_H

#include <asm/byteorder.h>

#endif /* _LINUX_BYTEORDER_H */
