/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_BYTEORDER_H
#define _ASM_BYTEORDER_H

#include <linux/types.h>
#include <linux/swab.h>

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the host environment currently assumes a little-endian host"
#endif

#define __LITTLE_ENDIAN 1234
#define __LITTLE_ENDIAN_BITFIELD

#define cpu_to_le64(x)	((__force __le64)(u64)(x))
#define le64_to_cpu(x)	((__force u64)(__le64)(x))
#define cpu_to_le32(x)	((__force __le32)(u32)(x))
#define le32_to_cpu(x)	((__force u32)(__le32)(x))
#define cpu_to_le16(x)	((__force __le16)(u16)(x))
#define le16_to_cpu(x)	((__force u16)(__le16)(x))
#define cpu_to_be64(x)	((__force __be64)__swab64((x)))
#define be64_to_cpu(x)	__swab64((__force u64)(__be64)(x))
#define cpu_to_be32(x)	((__force __be32)__swab32((x)))
#define be32_to_cpu(x)	__swab32((__force u32)(__be32)(x))
#define cpu_to_be16(x)	((__force __be16)__swab16((x)))
#define be16_to_cpu(x)	__swab16((__force u16)(__be16)(x))

#define __cpu_to_le64 cpu_to_le64
#define __le64_to_cpu le64_to_cpu
#define __cpu_to_le32 cpu_to_le32
#define __le32_to_cpu le32_to_cpu
#define __cpu_to_le16 cpu_to_le16
#define __le16_to_cpu le16_to_cpu
#define __cpu_to_be64 cpu_to_be64
#define __be64_to_cpu be64_to_cpu
#define __cpu_to_be32 cpu_to_be32
#define __be32_to_cpu be32_to_cpu
#define __cpu_to_be16 cpu_to_be16
#define __be16_to_cpu be16_to_cpu

static inline u64 le64_to_cpup(const __le64 *p) { return le64_to_cpu(*p); }
static inline u32 le32_to_cpup(const __le32 *p) { return le32_to_cpu(*p); }
static inline u16 le16_to_cpup(const __le16 *p) { return le16_to_cpu(*p); }
static inline u64 be64_to_cpup(const __be64 *p) { return be64_to_cpu(*p); }
static inline u32 be32_to_cpup(const __be32 *p) { return be32_to_cpu(*p); }
static inline u16 be16_to_cpup(const __be16 *p) { return be16_to_cpu(*p); }

static inline void le64_add_cpu(__le64 *var, u64 val)
{
	*var = cpu_to_le64(le64_to_cpu(*var) + val);
}

static inline void le32_add_cpu(__le32 *var, u32 val)
{
	*var = cpu_to_le32(le32_to_cpu(*var) + val);
}

static inline void le16_add_cpu(__le16 *var, u16 val)
{
	*var = cpu_to_le16(le16_to_cpu(*var) + val);
}

static inline void cpu_to_le32_array(u32 *buf, unsigned int words)
{
}

static inline void le32_to_cpu_array(u32 *buf, unsigned int words)
{
}

#endif /* _ASM_BYTEORDER_H */
