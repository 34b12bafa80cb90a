// SPDX-License-Identifier: GPL-2.0
/*
 * ABI table of the iommufd userspace headers.
 *
 * check.sh builds this twice, once against Linux's headers and once against
 * this tree's.  The rows come from abi-rows.h, which abi-gen.py writes from
 * our headers (rows-linux/ holds the names both sides have, rows-ours/ adds
 * the later upstream additions).  Each row holds what the compiler computed:
 * struct size and alignment; member offset, size, alignment, scalar type
 * and element count; enum size; and the value, width and signedness of
 * every constant, ioctl numbers included.
 *
 * The rows are placed in the "abi_table" section so that an object built
 * for another target (-m32) or in the kernel flavour can be read back with
 * objcopy without running it.  A native build also prints them as text, in
 * the format abi-gen.py's decoder produces.  -DABI_NO_MAIN leaves out main().
 */
#include <stddef.h>
#include <linux/types.h>
#include <linux/ioctl.h>
#include <linux/iommufd.h>
#include <linux/vfio.h>
#include "iommufd_test.h"

#ifndef ABI_NO_MAIN
#include <stdio.h>
#endif

/* kind, name, up to six values; 176 bytes on every target */
struct abi_row {
	__u32 kind;
	char name[124];
	long long v[6];
};

enum { ROW_END, ROW_STRUCT, ROW_MEMBER, ROW_ENUM, ROW_CONST };

#include "abi-rows.h"

#ifndef ABI_NO_MAIN
static const char * const type_names[] = {
	"aggr", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
};

int main(void)
{
	const struct abi_row *r;

	for (r = abi_rows; r->kind != ROW_END; r++) {
		const long long *v = r->v;

		switch (r->kind) {
		case ROW_STRUCT:
			printf("struct %s size=%lld align=%lld\n", r->name,
			       v[0], v[1]);
			break;
		case ROW_MEMBER:
			printf("member %s offset=%lld size=%lld align=%lld type=%s count=%lld%s\n",
			       r->name, v[0], v[1], v[2], type_names[v[3]],
			       v[4], v[5] ? " flex" : "");
			break;
		case ROW_ENUM:
			printf("enum %s size=%lld\n", r->name, v[0]);
			break;
		case ROW_CONST:
			printf("const %s value=%lld size=%lld signed=%lld\n",
			       r->name, v[0], v[1], v[2]);
			break;
		}
	}
	return 0;
}
#endif
