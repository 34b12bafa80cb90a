#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ABI check of include/uapi/linux/{iommufd,vfio}.h and
# drivers/iommu/iommufd/iommufd_test.h against Linux 6.12 (Debian's
# linux-source-6.12 tarball).
#
#  1. coverage: every name in Linux's iommufd.h and iommufd_test.h exists
#     here, our vfio.h is a subset of Linux's with the required names, and
#     the only names Linux lacks are the documented later additions
#  2. layout:   abi-table.c compiled against both header sets (native, and
#     -m32 when the compiler can, and in the kernel flavour against the
#     host environment's <linux/types.h> and <linux/ioctl.h>) gives
#     identical tables of sizes, offsets, alignments, member types and
#     constant values
#  3. our uapi headers compile on their own in userspace (C11 and C++),
#     -Wall -Wextra -Werror, against the system <linux/types.h>
#  4. Linux 6.12.117's iommufd selftests compile with -Wall and no warnings
#     against our headers (shared/ref/iommufd.md, section 6)
#
#  5. the checker itself: seeded ABI breaks in copies of our headers must
#     each make a nested run of this script fail
#
# Environment: LINUX_SRC=DIR uses an unpacked tree instead of the tarball;
# ABI_OURS_ROOT=DIR checks the headers of another tree and ABI_OUT=DIR puts
# the output elsewhere (both used by step 5); V=1 echoes every command.
# Exit status is 0 only if all pass.

set -u

cd "$(dirname "$0")/../../../.." || exit 1
ROOT=$PWD
HERE=tools/testing/iommu/abi
OUT=${ABI_OUT:-build/abi}
OURS=${ABI_OURS_ROOT:-$ROOT}
CC=${CC:-gcc}
CXX=${CXX:-g++}
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3

SRC_PATHS=(
	include/uapi/linux/iommufd.h
	include/uapi/linux/vfio.h
	drivers/iommu/iommufd/iommufd_test.h
	tools/testing/selftests/iommu
	tools/testing/selftests/kselftest_harness.h
	tools/testing/selftests/kselftest.h
)

pass=0
fail=0
LOG="$OUT/commands.log"

mkdir -p "$OUT"
: > "$LOG"

# run CMD...: log the command, run it, keep its output in $OUT/last.out
run() {
	echo "$*" >> "$LOG"
	[ "${V:-0}" = 1 ] && echo "  $*"
	"$@" > "$OUT/last.out" 2>&1
}

result() {	# result NAME STATUS
	if [ "$2" = 0 ]; then
		echo "ok - $1"
		pass=$((pass + 1))
	else
		echo "not ok - $1"
		sed 's/^/#   /' "$OUT/last.out" | head -60
		fail=$((fail + 1))
	fi
}

have_all() {	# have_all DIR: DIR holds every path of SRC_PATHS
	local p
	for p in "${SRC_PATHS[@]}"; do
		[ -e "$1/$p" ] || return 1
	done
}

# ---------------------------------------------------------------------------
# Linux sources

find_linux() {
	local dir tarball

	if [ -n "${LINUX_SRC:-}" ]; then
		have_all "$LINUX_SRC" && { echo "$LINUX_SRC"; return 0; }
		echo "abi: LINUX_SRC=$LINUX_SRC lacks the needed files" >&2
		return 1
	fi
	if [ -x tools/testing/iommu/scripts/linux-src.sh ]; then
		dir=$(tools/testing/iommu/scripts/linux-src.sh "${SRC_PATHS[@]}" \
		      2>/dev/null | tail -n 1)
		if [ -n "$dir" ] && have_all "$dir"; then
			echo "$dir"
			return 0
		fi
	fi
	# same layout as scripts/linux-src.sh: build/linux-src/linux-source-6.12
	dir=build/linux-src/linux-source-6.12
	if have_all "$dir"; then
		echo "$dir"
		return 0
	fi
	tarball=$(dpkg -L linux-source-6.12 2>/dev/null |
		  grep '/linux-source-6\.12\.tar\.xz$' | head -n 1)
	if [ -z "$tarball" ] && [ "$(id -u)" = 0 ]; then
		echo "abi: installing linux-source-6.12" >&2
		apt-get install -y -q linux-source-6.12 >&2 ||
			{ apt-get update -q >&2 &&
			  apt-get install -y -q linux-source-6.12 >&2; }
		tarball=$(dpkg -L linux-source-6.12 2>/dev/null |
			  grep '/linux-source-6\.12\.tar\.xz$' | head -n 1)
	fi
	if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
		echo "abi: linux-source-6.12 is not installed" \
		     "(apt-get install linux-source-6.12)" >&2
		return 1
	fi
	mkdir -p build/linux-src
	echo "abi: extracting ${#SRC_PATHS[@]} paths from $tarball" >&2
	tar -xJf "$tarball" -C build/linux-src \
	    "${SRC_PATHS[@]/#/linux-source-6.12/}" >&2 || return 1
	have_all "$dir" && echo "$dir"
}

LINUX=$(find_linux) || { echo "not ok - Linux 6.12 sources"; echo "abi: 0 passed, 1 failed"; exit 1; }
echo "# Linux sources: $LINUX"
echo "# our headers:   $OURS"

# ---------------------------------------------------------------------------
# 1. name coverage, and the row lists for abi-table.c

run "$PYTHON" "$HERE/abi-gen.py" items --linux "$LINUX" --ours "$OURS" --out "$OUT"
st=$?
grep '^abi:' "$OUT/last.out" | grep -v FAIL | sed 's/^/# /'
result "coverage of Linux names ($(cat "$OUT/stats.txt" 2>/dev/null))" $st

# ---------------------------------------------------------------------------
# 2. layout tables

for side in linux ours; do
	rm -rf "$OUT/inc-$side"
	mkdir -p "$OUT/inc-$side/linux"
done
cp "$LINUX/include/uapi/linux/iommufd.h" "$LINUX/include/uapi/linux/vfio.h" \
   "$OUT/inc-linux/linux/"
cp "$LINUX/drivers/iommu/iommufd/iommufd_test.h" "$OUT/inc-linux/"
cp "$OURS/include/uapi/linux/iommufd.h" "$OURS/include/uapi/linux/vfio.h" \
   "$OUT/inc-ours/linux/"
cp "$OURS/drivers/iommu/iommufd/iommufd_test.h" "$OUT/inc-ours/"

# Linux's vfio.h has one __user pointer outside the part we compare.
TFLAGS=(-std=gnu11 -Wall -Wextra -Werror -D__user=)
# the include directories of one side: its headers and its table rows
inc() {	# inc SIDE
	INC=(-I"$OUT/inc-$1" -I"$OUT/rows-$1")
}

st=0
for side in linux ours; do
	inc $side
	run $CC "${TFLAGS[@]}" "${INC[@]}" -o "$OUT/table-$side" \
	    "$HERE/abi-table.c" || { st=1; break; }
	run "$OUT/table-$side" || { st=1; break; }
	cp "$OUT/last.out" "$OUT/$side.txt"
	# the decoder used for -m32 must agree with the native printout
	run objcopy -O binary --only-section=abi_table "$OUT/table-$side" \
	    "$OUT/table-$side.bin" || { st=1; break; }
	run "$PYTHON" "$HERE/abi-gen.py" decode "$OUT/table-$side.bin" ||
		{ st=1; break; }
	cp "$OUT/last.out" "$OUT/$side-decoded.txt"
	run diff -u "$OUT/$side.txt" "$OUT/$side-decoded.txt" || { st=1; break; }
done
if [ $st = 0 ]; then
	run "$PYTHON" "$HERE/abi-gen.py" compare "$OUT/linux.txt" "$OUT/ours.txt"
	st=$?
	grep 'compared' "$OUT/last.out" | sed 's/^/# native: /'
fi
result "layout and values, native ($($CC -dumpmachine))" $st

# -m32: the same rows from a 32-bit object, read back without running it.
# Catches __u64 vs __aligned_u64 slips, which x86_64 cannot see.
MA=/usr/include/$($CC -print-multiarch 2>/dev/null)
M32_RAN=0
if echo 'int x;' | $CC -m32 -x c -c -o /dev/null - 2>/dev/null; then
	M32_RAN=1
	st=0
	for side in linux ours; do
		inc $side
		run $CC -m32 "${TFLAGS[@]}" -DABI_NO_MAIN "${INC[@]}" \
		    -idirafter "$MA" -c -o "$OUT/table32-$side.o" \
		    "$HERE/abi-table.c" || { st=1; break; }
		run objcopy -O binary --only-section=abi_table \
		    "$OUT/table32-$side.o" "$OUT/table32-$side.bin" ||
			{ st=1; break; }
		run "$PYTHON" "$HERE/abi-gen.py" decode "$OUT/table32-$side.bin" ||
			{ st=1; break; }
		cp "$OUT/last.out" "$OUT/$side-m32.txt"
	done
	if [ $st = 0 ]; then
		run "$PYTHON" "$HERE/abi-gen.py" compare "$OUT/linux-m32.txt" \
		    "$OUT/ours-m32.txt"
		st=$?
		grep 'compared' "$OUT/last.out" | sed 's/^/# -m32: /'
	fi
	result "layout and values, -m32" $st
else
	echo "# -m32 layout check skipped: $CC cannot target i386"
fi

# Kernel flavour: our headers with the host environment's <linux/types.h>
# and <linux/ioctl.h> (tools/testing/iommu/include), compiled as the kernel
# sources are (-nostdinc -D__KERNEL__), must give Linux's table too.
st=0
inc ours
run $CC "${TFLAGS[@]}" -DABI_NO_MAIN -ffreestanding -nostdinc \
    -isystem "$($CC -print-file-name=include)" "${INC[@]}" \
    -Itools/testing/iommu/include -D__KERNEL__ -Wundef \
    -c -o "$OUT/table-kernel.o" "$HERE/abi-table.c" || st=1
[ $st = 0 ] && { run objcopy -O binary --only-section=abi_table \
	"$OUT/table-kernel.o" "$OUT/table-kernel.bin" || st=1; }
[ $st = 0 ] && { run "$PYTHON" "$HERE/abi-gen.py" decode "$OUT/table-kernel.bin" ||
	st=1; }
if [ $st = 0 ]; then
	cp "$OUT/last.out" "$OUT/ours-kernel.txt"
	run "$PYTHON" "$HERE/abi-gen.py" compare "$OUT/linux.txt" "$OUT/ours-kernel.txt"
	st=$?
	grep 'compared' "$OUT/last.out" | sed 's/^/# kernel flavour: /'
fi
result "layout and values, kernel flavour (host-env types.h/ioctl.h)" $st

# ---------------------------------------------------------------------------
# 3. standalone userspace compiles of our headers

SFLAGS=(-fsyntax-only -Wall -Wextra -Werror)
st=0
run $CC -x c -std=gnu11 "${SFLAGS[@]}" "$OURS/include/uapi/linux/iommufd.h" || st=1
[ $st = 0 ] && { run $CC -x c -std=c11 -Wpedantic "${SFLAGS[@]}" \
	"$OURS/include/uapi/linux/iommufd.h" || st=1; }
[ $st = 0 ] && { run $CC -x c -std=gnu11 "${SFLAGS[@]}" \
	"$OURS/include/uapi/linux/vfio.h" || st=1; }
[ $st = 0 ] && { run $CC -x c -std=gnu11 "${SFLAGS[@]}" -I"$OUT/inc-ours" \
	"$OURS/drivers/iommu/iommufd/iommufd_test.h" || st=1; }
if [ $st = 0 ] && command -v "$CXX" > /dev/null; then
	run $CXX -x c++ "${SFLAGS[@]}" "$OURS/include/uapi/linux/iommufd.h" &&
	run $CXX -x c++ "${SFLAGS[@]}" "$OURS/include/uapi/linux/vfio.h" || st=1
fi
result "uapi headers compile standalone in userspace (-Wall -Wextra -Werror)" $st

# ---------------------------------------------------------------------------
# 4. Linux's selftests against our headers (ref/iommufd.md section 6)
#
# The test header is reached by a quoted relative include from
# tools/testing/selftests/iommu/iommufd_utils.h, so it must sit at
# drivers/iommu/iommufd/ in the same tree as the tests.

K="$OUT/ksft"
rm -rf "$K"
mkdir -p "$K/tools/testing/selftests" "$K/drivers/iommu/iommufd" \
	 "$K/uapi/linux" "$K/uapi-vfio/linux"
cp -r "$LINUX/tools/testing/selftests/iommu" "$K/tools/testing/selftests/"
cp "$LINUX/tools/testing/selftests/kselftest_harness.h" \
   "$LINUX/tools/testing/selftests/kselftest.h" "$K/tools/testing/selftests/"
cp "$OURS/drivers/iommu/iommufd/iommufd_test.h" "$K/drivers/iommu/iommufd/"
cp "$OURS/include/uapi/linux/iommufd.h" "$K/uapi/linux/"
cp "$OURS/include/uapi/linux/iommufd.h" "$OURS/include/uapi/linux/vfio.h" \
   "$K/uapi-vfio/linux/"

# CFLAGS of tools/testing/selftests/iommu/Makefile plus lib.mk's
KFLAGS=(-fsyntax-only -Wall -O2 -Wno-unused-function -D_GNU_SOURCE=)
for t in iommufd iommufd_fail_nth; do
	# as the selftest build does it: our iommufd.h only, system vfio.h
	run $CC "${KFLAGS[@]}" -isystem "$K/uapi" \
	    "$K/tools/testing/selftests/iommu/$t.c"
	st=$?
	[ $st = 0 ] && [ -s "$OUT/last.out" ] && st=1	# no warnings at all
	result "selftest $t.c syntax check (our iommufd.h + iommufd_test.h)" $st

	# stricter: our vfio.h too, headers not system (warnings not hidden)
	run $CC "${KFLAGS[@]}" -Werror -I "$K/uapi-vfio" \
	    "$K/tools/testing/selftests/iommu/$t.c"
	st=$?
	[ $st = 0 ] && [ -s "$OUT/last.out" ] && st=1
	result "selftest $t.c syntax check (also our vfio.h, -I, -Werror)" $st
done

# ---------------------------------------------------------------------------
# 5. seeded breaks: FILE|sed expression|what it breaks

MUTATIONS=(
	"include/uapi/linux/iommufd.h|s/IOMMU_HWPT_FAULT_ID_VALID = 1 << 2/IOMMU_HWPT_FAULT_ID_VALID = 1 << 3/|flag bit"
	"include/uapi/linux/iommufd.h|/__u32 __reserved2;/d|missing member"
	"include/uapi/linux/iommufd.h|s/__u8 out_max_pasid_log2;/__s8 out_max_pasid_log2;/|member signedness"
	"include/uapi/linux/iommufd.h|s/__u32 in_data_type;/__u16 in_data_type;/|addition layout"
	"include/uapi/linux/iommufd.h|/IOMMU_HW_INFO_TYPE_DEFAULT = 0,/d|missing addition"
	"include/uapi/linux/iommufd.h|s/IOMMUFD_CMD_HWPT_INVALIDATE = 0x8d/IOMMUFD_CMD_HWPT_INVALIDATE = 0x8f/|ioctl number"
	"include/uapi/linux/vfio.h|s/__s32\t\tiommufd;/__u32\t\tiommufd;/|vfio member type"
	"include/uapi/linux/vfio.h|s/VFIO_BASE + 19)/VFIO_BASE + 21)/|vfio ioctl number"
	"include/uapi/linux/vfio.h|/^#define VFIO_UNMAP_ALL/d|required vfio name"
	"drivers/iommu/iommufd/iommufd_test.h|s/^#define MOCK_PASID_WIDTH 20/#define MOCK_PASID_WIDTH 16/|addition value"
	"drivers/iommu/iommufd/iommufd_test.h|/IOMMU_TEST_OP_TRIGGER_IOPF = 15,/d|missing enum constant"
	"drivers/iommu/iommufd/iommufd_test.h|s/^#define MOCK_PASID_WIDTH 20/#define MOCK_PASID_WIDTH 20\n#define MOCK_UNKNOWN 1/|name Linux lacks"
	"drivers/iommu/iommufd/iommufd_test.h|s/MOCK_APERTURE_LAST = (1UL << 31) - 1,/MOCK_APERTURE_LAST = (1UL << 31) - 2,/|enum value"
)
if [ "$M32_RAN" = 1 ]; then
	# visible on i386 only
	MUTATIONS+=("include/uapi/linux/iommufd.h|/struct iommu_hwpt_invalidate {/,/};/s/__aligned_u64 data_uptr/__u64 data_uptr/|u64 alignment")
fi

if [ -z "${ABI_OURS_ROOT:-}" ]; then
	st=0
	n=0
	: > "$OUT/last.out"
	for m in "${MUTATIONS[@]}"; do
		IFS='|' read -r file expr what <<< "$m"
		case "$OUT" in
		/*)	mut=$OUT/mutant ;;
		*)	mut="$ROOT/$OUT/mutant" ;;
		esac
		rm -rf "$mut"
		mkdir -p "$mut/include/uapi/linux" "$mut/drivers/iommu/iommufd"
		cp include/uapi/linux/iommufd.h include/uapi/linux/vfio.h \
		   "$mut/include/uapi/linux/"
		cp drivers/iommu/iommufd/iommufd_test.h "$mut/drivers/iommu/iommufd/"
		sed -i "$expr" "$mut/$file"
		if cmp -s "$file" "$mut/$file"; then
			echo "seed '$what' did not change $file" >> "$OUT/last.out"
			st=1
			continue
		fi
		# it must fail, and fail in a check, not for lack of sources
		if ABI_OURS_ROOT="$mut" ABI_OUT="$mut-out" LINUX_SRC="$LINUX" \
		   V=0 "$0" > "$mut.log" 2>&1 ||
		   ! grep -q '^# Linux sources:' "$mut.log" ||
		   ! grep -q '^not ok - ' "$mut.log"; then
			echo "seed '$what' was not detected" >> "$OUT/last.out"
			st=1
		fi
		n=$((n + 1))
	done
	rm -rf "$mut" "$mut-out" "$mut.log"
	result "checker rejects each of $n seeded ABI breaks" $st
fi

echo "# commands: $LOG"
echo "abi: $pass passed, $fail failed"
[ $fail = 0 ]
