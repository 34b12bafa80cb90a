#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh [--asan] [HARNESS ARGS...]
#
# Build the project's own iommufd selftests against our uapi headers and
# run them through tools/testing/iommu/iommu-run: iommufd_uapi (the uapi
# contract, with the mock devices of IOMMU_TEST_CMD) and iommufd_groups
# (IOMMU groups through VFIO device cdevs of the default machine, with
# DMA by the modelled devices).  With --asan both the
# tests and the preload library are built with ASan+UBSan (make SAN=asan
# preload), so the kernel instance runs under the sanitizers too.
#
# The last line is "selftests: N passed, M failed[, K skipped]"; the exit
# status is non-zero when a test failed or the TAP is incomplete.

set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
cd "$ROOT" || exit 1

san=
if [ "${1:-}" = --asan ]; then
	san=asan
	shift
fi
OUT=build${san:+/$san}/selftests/iommu

LINUX=$(tools/testing/iommu/scripts/linux-src.sh \
	tools/testing/selftests/kselftest_harness.h tools/testing/selftests/kselftest.h |
	tail -n 1) || { echo "selftests: 0 passed, 1 failed (no kselftest_harness.h)"; exit 1; }

mkdir -p "$OUT/uapi/linux"
cp include/uapi/linux/iommufd.h include/uapi/linux/vfio.h "$OUT/uapi/linux/"

if ! make --no-print-directory -C "$HERE" KSFT_DIR="$LINUX/tools/testing/selftests" \
     UAPI_DIR="$ROOT/$OUT/uapi" OUT="$ROOT/$OUT" SAN="$san" > "$OUT/build.log" 2>&1 ||
   ! make --no-print-directory -j2 ${san:+SAN=$san} preload >> "$OUT/build.log" 2>&1; then
	tail -n 30 "$OUT/build.log"
	echo "selftests: 0 passed, 1 failed (build, see $OUT/build.log)"
	exit 1
fi

total_p=0 total_f=0 total_s=0 bad=0
TESTS=(iommufd_uapi iommufd_groups)
for t in "${TESTS[@]}"; do
	IOMMU_RUN_SAN=$san ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
		UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
		tools/testing/iommu/iommu-run "$OUT/$t" "$@" > "$OUT/$t.tap" 2> "$OUT/$t.stderr"
	rc=$?
	p=$(grep -c '^ok .*' "$OUT/$t.tap" | head -1)
	s=$(grep -c '^ok .*# SKIP' "$OUT/$t.tap")
	f=$(grep -c '^not ok ' "$OUT/$t.tap")
	p=$((p - s))
	want=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$OUT/$t.tap" | head -1)
	grep -E '^(not ok|ok .*# SKIP)' "$OUT/$t.tap" | sed "s/^/# $t: /"
	if [ -z "$want" ] || [ $((p + f + s)) -ne "$want" ]; then
		echo "# $t: incomplete TAP ($((p + f + s)) of ${want:-?} results, exit $rc)"
		tail -n 20 "$OUT/$t.stderr" | sed 's/^/#   /'
		bad=$((bad + 1))
	elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "# $t: exit status $rc with no failed test"
		bad=$((bad + 1))
	fi
	if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$OUT/$t.stderr"; then
		grep -m1 -A20 -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' \
			"$OUT/$t.stderr" | sed 's/^/#   /'
		bad=$((bad + 1))
	fi
	total_p=$((total_p + p)) total_f=$((total_f + f)) total_s=$((total_s + s))
done

echo "selftests${san:+ ($san)}: $total_p passed, $((total_f + bad)) failed, $total_s skipped"
[ $((total_f + bad)) -eq 0 ]
