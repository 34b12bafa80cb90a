/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CC_PLATFORM_H
#define _LINUX_CC_PLATFORM_H

#include <linux/types.h>

/**
 * enum cc_attr - confidential computing attributes
 * @CC_ATTR_MEM_ENCRYPT: memory encryption is active
 * @CC_ATTR_HOST_MEM_ENCRYPT: host memory encryption is active
 * @CC_ATTR_GUEST_MEM_ENCRYPT: guest memory encryption is active
 * @CC_ATTR_GUEST_STATE_ENCRYPT: guest state encryption is active
 * @CC_ATTR_GUEST_UNROLL_STRING_IO: string I/O is unrolled
 * @CC_ATTR_GUEST_SEV_SNP: SEV-SNP is active
 * @CC_ATTR_HOST_SEV_SNP: the host runs SEV-SNP guests
 */
enum cc_attr {
	CC_ATTR_MEM_ENCRYPT,
	CC_ATTR_HOST_MEM_ENCRYPT,
	CC_ATTR_GUEST_MEM_ENCRYPT,
	CC_ATTR_GUEST_STATE_ENCRYPT,
	CC_ATTR_GUEST_UNROLL_STRING_IO,
	CC_ATTR_GUEST_SEV_SNP,
	CC_ATTR_HOST_SEV_SNP,
};

/* The host is never a confidential-computing platform. */
static inline bool cc_platform_has(enum cc_attr attr)
{
	return false;
}

#endif /* _LINUX_CC_PLATFORM_H */
