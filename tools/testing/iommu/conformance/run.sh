#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# conformance/run.sh [-k] [--update] [SUITE...]
#
# Run Linux 6.12.117's own iommufd selftests, unmodified, against this
# project: tools/testing/selftests/iommu/{iommufd,iommufd_fail_nth}.c from
# the Debian linux-source-6.12 tarball are built against our uapi and test
# headers (shared/ref/iommufd.md section 6, the same layout as step 4 of
# abi/check.sh) and run through tools/testing/iommu/iommu-run, which gives
# them /dev/iommu from the in-process kernel instance.
#
# The TAP of each suite is compared with expected-failures.txt (one
# "fixture.variant.test  reason" per line, '#' comments): a listed test
# must not pass, every other test must pass.  A skip counts as "not
# passed".  The run fails on any unlisted failure or skip, on any listed
# test that passes, and when a suite reports fewer or more tests than
# Linux has (190 and 7).
#
#   -k        keep going: do not stop at the first suite that cannot build
#   --update  rewrite expected-failures.txt from this run (new entries get
#             the reason "TODO"; existing reasons are kept)
#   SUITE     iommufd and/or iommufd_fail_nth (default: both)
#
# Huge pages: 22 tests map MAP_HUGETLB memory (up to 64 2M pages at once).
# As root, the script raises /proc/sys/vm/nr_hugepages until HUGEPAGES
# (default 96) are free, and restores the old value at the end.  Without
# them those tests fail as they would on Linux.
#
# Output: build/conformance/<suite>.tap and .stderr; the last line is
# "conformance: N passed, M failed" (M counts mismatches, not failures).

set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
cd "$ROOT" || exit 1

OUT=build/conformance
EXPECTED=$HERE/expected-failures.txt
CC=${CC:-gcc}
HUGEPAGES=${HUGEPAGES:-96}
TIMEOUT=${CONFORMANCE_TIMEOUT:-3600}

declare -A TOTAL=([iommufd]=190 [iommufd_fail_nth]=7)

update=0
keep_going=0
suites=()
for a in "$@"; do
	case $a in
	--update)		update=1 ;;
	-k)			keep_going=1 ;;
	iommufd|iommufd_fail_nth) suites+=("$a") ;;
	*)	echo "usage: $0 [-k] [--update] [iommufd] [iommufd_fail_nth]" >&2
		exit 2 ;;
	esac
done
[ ${#suites[@]} -gt 0 ] || suites=(iommufd iommufd_fail_nth)

mkdir -p "$OUT"
# One run at a time: the outputs and the huge page reservation are shared.
exec 8>"$OUT/.lock"
flock 8

# ---------------------------------------------------------------------------
# Sources and build

SRC_PATHS=(
	tools/testing/selftests/iommu
	tools/testing/selftests/kselftest_harness.h
	tools/testing/selftests/kselftest.h
)

LINUX=$(tools/testing/iommu/scripts/linux-src.sh "${SRC_PATHS[@]}" | tail -n 1) || {
	echo "conformance: cannot get the Linux 6.12 selftests (linux-source-6.12)" >&2
	echo "conformance: 0 passed, 1 failed"
	exit 1
}

# The layout of abi/check.sh step 4: the tests' quoted relative include of
# ../../../../drivers/iommu/iommufd/iommufd_test.h must find ours, and the
# system <linux/vfio.h> is used with only our iommufd.h ahead of it.
K=$OUT/ksft
rm -rf "$K"
mkdir -p "$K/tools/testing/selftests" "$K/drivers/iommu/iommufd" "$K/uapi/linux"
cp -r "$LINUX/tools/testing/selftests/iommu" "$K/tools/testing/selftests/"
cp "$LINUX/tools/testing/selftests/kselftest_harness.h" \
   "$LINUX/tools/testing/selftests/kselftest.h" "$K/tools/testing/selftests/"
cp drivers/iommu/iommufd/iommufd_test.h "$K/drivers/iommu/iommufd/"
cp include/uapi/linux/iommufd.h "$K/uapi/linux/"

# CFLAGS of tools/testing/selftests/iommu/Makefile plus lib.mk's
KFLAGS=(-Wall -O2 -Wno-unused-function -D_GNU_SOURCE= -isystem "$K/uapi")

if ! make --no-print-directory -j2 preload > "$OUT/preload-build.log" 2>&1; then
	tail -n 30 "$OUT/preload-build.log" >&2
	echo "conformance: make preload failed, see $OUT/preload-build.log" >&2
	echo "conformance: 0 passed, 1 failed"
	exit 1
fi

# ---------------------------------------------------------------------------
# Huge pages

hp_restore=
hp_free() { awk '/^HugePages_Free:/ { print $2 }' /proc/meminfo; }

reserve_hugepages()
{
	local cur free want

	[ -w /proc/sys/vm/nr_hugepages ] || return 0
	cur=$(cat /proc/sys/vm/nr_hugepages)
	free=$(hp_free)
	[ "${free:-0}" -ge "$HUGEPAGES" ] && return 0
	want=$((cur + HUGEPAGES - free))
	echo "$want" > /proc/sys/vm/nr_hugepages 2>/dev/null || return 0
	hp_restore=$cur
	echo "# reserved huge pages: nr_hugepages $cur -> $(cat /proc/sys/vm/nr_hugepages)," \
	     "$(hp_free) free"
}

restore_hugepages()
{
	[ -n "$hp_restore" ] && echo "$hp_restore" > /proc/sys/vm/nr_hugepages 2>/dev/null
	hp_restore=
}
trap restore_hugepages EXIT

# ---------------------------------------------------------------------------
# Expected failures

declare -A XFAIL=()
declare -A REASON=()
load_expected()
{
	local name reason

	[ -f "$EXPECTED" ] || return 0
	while read -r name reason; do
		case $name in
		''|'#'*) continue ;;
		esac
		XFAIL[$name]=1
		REASON[$name]=$reason
	done < "$EXPECTED"
}
load_expected

# ---------------------------------------------------------------------------
# Run

passed=0
mismatches=0
declare -A SEEN=()
declare -A NOTPASS=()
all_results=()

run_suite()
{
	local t=$1 tap=$OUT/$1.tap bin=$OUT/$1 rc n p f s line status name
	local bad=() xpass=()

	if ! $CC "${KFLAGS[@]}" -o "$bin" "$K/tools/testing/selftests/iommu/$t.c" \
	     > "$OUT/$t.build.log" 2>&1; then
		sed 's/^/#   /' "$OUT/$t.build.log" | head -40
		echo "not ok - $t: does not build against our headers"
		mismatches=$((mismatches + 1))
		return 1
	fi
	[ -s "$OUT/$t.build.log" ] && sed 's/^/# warning: /' "$OUT/$t.build.log" | head -20

	timeout "$TIMEOUT" tools/testing/iommu/iommu-run "$bin" > "$tap" 2> "$OUT/$t.stderr"
	rc=$?

	n=0 p=0 f=0 s=0
	while IFS= read -r line; do
		case $line in
		'ok '*|'not ok '*) ;;
		*) continue ;;
		esac
		status=pass
		case $line in
		'not ok '*)		status=fail ;;
		*'# SKIP'*)		status=skip ;;
		*'# XFAIL'*)		status=fail ;;
		esac
		name=${line#ok }
		name=${name#not ok }
		name=${name#* }		# drop the test number
		name=${name%% *}
		n=$((n + 1))
		case $status in
		pass)	p=$((p + 1)) ;;
		fail)	f=$((f + 1)) ;;
		skip)	s=$((s + 1)) ;;
		esac
		SEEN[$name]=$status
		all_results+=("$name")
		if [ "$status" = pass ]; then
			if [ -n "${XFAIL[$name]:-}" ]; then
				xpass+=("$name")
			else
				passed=$((passed + 1))
			fi
		else
			NOTPASS[$name]=$status
			[ -n "${XFAIL[$name]:-}" ] || bad+=("$name ($status)")
		fi
	done < "$tap"

	echo "# $t: $n of ${TOTAL[$t]} tests ran: $p pass, $f fail, $s skip (exit status $rc)"
	if [ "$n" -ne "${TOTAL[$t]}" ]; then
		echo "not ok - $t: reported $n results, Linux has ${TOTAL[$t]}"
		tail -n 20 "$OUT/$t.stderr" | sed 's/^/#   /'
		mismatches=$((mismatches + 1))
	fi
	for name in "${bad[@]}"; do
		echo "not ok - unexpected: $name"
		mismatches=$((mismatches + 1))
	done
	for name in "${xpass[@]}"; do
		echo "not ok - listed in expected-failures.txt but passes: $name"
		mismatches=$((mismatches + 1))
	done
	return 0
}

reserve_hugepages
for t in "${suites[@]}"; do
	run_suite "$t" || [ $keep_going = 1 ] || break
done
restore_hugepages

# Listed tests of the suites that ran but never reported.
for name in "${!XFAIL[@]}"; do
	case $name in
	basic_fail_nth.*)	suite=iommufd_fail_nth ;;
	*)			suite=iommufd ;;
	esac
	case " ${suites[*]} " in
	*" $suite "*) ;;
	*) continue ;;
	esac
	if [ -z "${SEEN[$name]:-}" ]; then
		echo "not ok - listed in expected-failures.txt but not run: $name"
		mismatches=$((mismatches + 1))
	fi
done

if [ $update = 1 ]; then
	{
		sed -n '/^#/p' "$EXPECTED" 2>/dev/null
		for name in "${all_results[@]}"; do
			[ -n "${NOTPASS[$name]:-}" ] || continue
			printf '%s  %s\n' "$name" "${REASON[$name]:-TODO}"
		done
	} > "$EXPECTED.new"
	mv "$EXPECTED.new" "$EXPECTED"
	echo "# rewrote $EXPECTED"
fi

xfail=0
for name in "${!NOTPASS[@]}"; do
	[ -n "${XFAIL[$name]:-}" ] && xfail=$((xfail + 1))
done
echo "# expected failures: $xfail (listed: ${#XFAIL[@]})"
echo "conformance: $passed passed, $mismatches failed"
[ $mismatches -eq 0 ]
