/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BITFIELD_H
#define _LINUX_BITFIELD_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/bits.h>
#include <asm/byteorder.h>

/*
 * Fields of registers described by a contiguous mask, e.g.
 *	#define REG_ID	GENMASK(7, 4)
 *	id = FIELD_GET(REG_ID, reg);  reg |= FIELD_PREP(REG_ID, 3);
 * The mask must be a non-zero compile-time constant; a constant value
 * that does not fit the field breaks the build.
 */

/* Lowest set bit of a mask, as a shift count. */
#define __bf_shf(x) (__builtin_ffsll(x) - 1)

#define __BF_FIELD_CHECK(_mask, _reg, _val, _pfx)			\
	({								\
		BUILD_BUG_ON_MSG(!__builtin_constant_p(_mask),		\
				 _pfx "mask is not constant");		\
		BUILD_BUG_ON_MSG((_mask) == 0, _pfx "mask is zero");	\
		BUILD_BUG_ON_MSG(__builtin_constant_p(_val) ?		\
				 ~((_mask) >> __bf_shf(_mask)) &	\
					(0 + (_val)) : 0,		\
				 _pfx "value too large for the field"); \
		BUILD_BUG_ON_MSG(__builtin_constant_p(_mask) &&		\
				 (((_mask) >> __bf_shf(_mask)) &	\
				  (((_mask) >> __bf_shf(_mask)) + 1)) != 0, \
				 _pfx "mask is not contiguous");	\
	})

#define FIELD_MAX(_mask) ({						\
		__BF_FIELD_CHECK(_mask, 0ULL, 0ULL, "FIELD_MAX: ");	\
		(typeof(_mask))((_mask) >> __bf_shf(_mask));		\
	})

#define FIELD_FIT(_mask, _val) ({					\
		__BF_FIELD_CHECK(_mask, 0ULL, 0ULL, "FIELD_FIT: ");	\
		!((((typeof(_mask))_val) << __bf_shf(_mask)) & ~(_mask)); \
	})

#define FIELD_PREP(_mask, _val) ({					\
		__BF_FIELD_CHECK(_mask, 0ULL, _val, "FIELD_PREP: ");	\
		((typeof(_mask))(_val) << __bf_shf(_mask)) & (_mask);	\
	})

#define FIELD_PREP_CONST(_mask, _val)					\
	(BUILD_BUG_ON_ZERO((_mask) == 0) +				\
	 (((typeof(_mask))(_val) << __bf_shf(_mask)) & (_mask)))

#define FIELD_GET(_mask, _reg) ({					\
		__BF_FIELD_CHECK(_mask, _reg, 0U, "FIELD_GET: ");	\
		(typeof(_mask))(((_reg) & (_mask)) >> __bf_shf(_mask));	\
	})

#define FIELD_MODIFY(_mask, _reg_p, _val) ({				\
		typeof(_reg_p) __fm_p = (_reg_p);			\
		*__fm_p = (*__fm_p & ~(_mask)) | FIELD_PREP(_mask, _val); \
	})

/* Helpers for fields of little/big-endian values: le32_get_bits() etc. */
static __always_inline u64 __field_mask_shift(u64 field)
{
	return field & -field;
}

#define ____MAKE_OP(type, base, to, from)				\
static __always_inline __##type type##_encode_bits(base v, base field)	\
{									\
	return to((v * (base)__field_mask_shift(field)) & field);	\
}									\
static __always_inline __##type type##_replace_bits(__##type old, base val, base field) \
{									\
	return (old & ~to(field)) | type##_encode_bits(val, field);	\
}									\
static __always_inline void type##p_replace_bits(__##type *p, base val, base field) \
{									\
	*p = (*p & ~to(field)) | type##_encode_bits(val, field);	\
}									\
static __always_inline base type##_get_bits(__##type v, base field)	\
{									\
	return (from(v) & field) / (base)__field_mask_shift(field);	\
}

____MAKE_OP(u8, u8, /* as is */, /* as is */)
____MAKE_OP(le16, u16, cpu_to_le16, le16_to_cpu)
____MAKE_OP(be16, u16, cpu_to_be16, be16_to_cpu)
____MAKE_OP(u16, u16, /* as is */, /* as is */)
____MAKE_OP(le32, u32, cpu_to_le32, le32_to_cpu)
____MAKE_OP(be32, u32, cpu_to_be32, be32_to_cpu)
____MAKE_OP(u32, u32, /* as is */, /* as is */)
____MAKE_OP(le64, u64, cpu_to_le64, le64_to_cpu)
____MAKE_OP(be64, u64, cpu_to_be64, be64_to_cpu)
____MAKE_OP(u64, u64, /* as is */, /* as is */)

#undef ____MAKE_OP

#endif /* _LINUX_BITFIELD_H */
