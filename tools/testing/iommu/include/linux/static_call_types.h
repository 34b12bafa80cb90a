/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STATIC_CALL_TYPES_H
#define _LINUX_STATIC_CALL_TYPES_H

#endif /* _LINUX_STATIC_CALL_TYPES_H */
