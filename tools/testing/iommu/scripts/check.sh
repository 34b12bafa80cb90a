#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check.sh: everything `make check` (and CI, through .ci/run) runs.
#
# Steps, in order; each is one function call in main() below:
#   deps      install missing Debian packages (as root; others get a list)
#   config    make defconfig, when there is no .config yet
#   build     make -j2: build/kunit
#   kunit     run build/kunit, keep its KTAP in build/kunit.ktap and have
#             Linux's own kunit.py parse it
#   asan      make SAN=asan, run build/asan/kunit under ASan, LSan and UBSan
#   tsan      make SAN=tsan, run build/tsan/kunit under ThreadSanitizer
#   selftests, selftests_asan
#             tools/testing/selftests/iommu/run.sh, plainly and under the
#             sanitizers: the tree's own uapi selftests through iommu-run
#   conformance
#             tools/testing/iommu/conformance/run.sh: Linux 6.12.117's
#             iommufd selftests, unmodified, against expected-failures.txt
#
# Counting.  Every KUnit test case of the plain run is one item (each
# instance of a parameterised case counts); every other step that can fail
# is one more item: the build, the validity of the KTAP, the sanitizer run as
# a whole.  Preparation steps (deps, config) count only when they fail.  A
# failed build ends the run at once.  The last line printed is always
# "N passed, M failed"; the exit status is non-zero exactly when M > 0.
#
# Environment: KUNIT_TIMEOUT, ASAN_TIMEOUT (seconds; 600 and 1200 by
# default) bound a run of build/kunit that hangs.

set -uo pipefail
# shellcheck source=tools/testing/iommu/scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$srctree" || exit 1

JOBS=$(ncpus)
logdir=build/check
KUNIT_TIMEOUT=${KUNIT_TIMEOUT:-600}
ASAN_TIMEOUT=${ASAN_TIMEOUT:-1200}

passed=0
failed=0
summary=()
t_start=$SECONDS

# record STATUS NAME DETAIL: add one line to the final summary.
record()
{
	local color=$c_green

	case $1 in
	FAIL)	color=$c_red ;;
	SKIP)	color=$c_yellow ;;
	esac
	summary+=("$(printf '  %s%-4s%s  %-22s %s' "$color" "$1" "$c_off" "$2" "$3")")
}

# item_pass NAME DETAIL / item_fail NAME DETAIL: a step that counts as one
# item.  item_skip records a step that did not run, without counting it.
item_pass()
{
	passed=$((passed + 1))
	record PASS "$1" "$2"
}

item_fail()
{
	failed=$((failed + 1))
	record FAIL "$1" "$2"
	printf '  %sFAILED:%s %s: %s\n' "$c_red" "$c_off" "$1" "$2"
}

item_skip()
{
	record SKIP "$1" "$2"
}

# add_counts NAME PASSED FAILED DETAIL: a step that contributes test cases.
add_counts()
{
	passed=$((passed + $2))
	failed=$((failed + $3))
	if [ "$3" -gt 0 ]; then
		record FAIL "$1" "$4"
	else
		record PASS "$1" "$4"
	fi
}

# finish: print the summary and the final count line, and exit.
finish()
{
	local line

	heading "Summary ($((SECONDS - t_start)) s)"
	for line in "${summary[@]}"; do
		printf '%s\n' "$line"
	done
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

# show_tail FILE [N]: the end of a log, for a failure that needs context.
show_tail()
{
	[ -s "$1" ] || return 0
	note "last lines of $1:"
	tail -n "${2:-40}" "$1" | sed 's/^/    /'
}

# kunit_py: the path of Linux's kunit.py, unpacked on first use.
kunit_py()
{
	local root

	root=$("$scripts_dir/linux-src.sh" tools/testing/kunit) || return 1
	echo "$root/tools/testing/kunit/kunit.py"
}

# parse_summary FILE: turn kunit.py's "Testing complete. Ran N tests: ..."
# line into "total passed failed crashed skipped errors".
parse_summary()
{
	sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '
	/Testing complete\. Ran [0-9]+ tests/ {
		found = 1
		sub(/.*Testing complete\. Ran /, "")
		total = $1 + 0
		n = split($0, kv, /[:,] */)
		p = f = c = s = e = 0
		for (i = 1; i < n; i++) {
			key = kv[i]
			sub(/.* /, "", key)
			v = kv[i + 1] + 0
			if (key == "passed") p = v
			else if (key == "failed") f = v
			else if (key == "crashed") c = v
			else if (key == "skipped") s = v
			else if (key == "errors") e = v
		}
	}
	END { if (found) print total, p, f, c, s, e }'
}

# ktap_verdict KTAP PARSED RC COUNTS: why the KTAP of a run cannot be
# trusted, or nothing when it can.  COUNTS is "passed failed skipped" from
# ktap_counts; RC is the exit status of the run; PARSED is kunit.py's output.
ktap_verdict()
{
	local ktap=$1 parsed=$2 rc=$3 p f s total kp kf kc ks ke sum

	read -r p f s <<<"$4"
	total=$((p + f + s))
	if [ "$rc" -eq 124 ]; then
		echo "timed out"
		return
	elif [ "$rc" -gt 128 ]; then
		echo "killed by signal $((rc - 128))"
		return
	fi
	if ! [ -s "$ktap" ]; then
		echo "no output"
		return
	fi
	if grep -q 'Could not find any KTAP output' "$parsed"; then
		echo "kunit.py found no KTAP output"
		return
	fi
	sum=$(parse_summary "$parsed")
	if [ -z "$sum" ]; then
		echo "kunit.py printed no summary"
		return
	fi
	read -r kt kp kf kc ks ke <<<"$sum"
	if [ "$ke" -gt 0 ] || [ "$kc" -gt 0 ]; then
		echo "kunit.py: $ke parse errors, $kc crashed"
	elif [ "$total" -eq 0 ]; then
		echo "no test cases ran"
	elif [ "$kt" -ne "$total" ] || [ "$kp" -ne "$p" ] || [ "$kf" -ne "$f" ] ||
	     [ "$ks" -ne "$s" ]; then
		echo "kunit.py counts $kp/$kf/$ks passed/failed/skipped, the KTAP leaves $p/$f/$s"
	elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "exit status $rc although no case failed"
	fi
}

# run_kunit BIN OUTDIR [ENV...]: run a kunit binary, keeping KTAP (stdout)
# and stderr apart, then have kunit.py parse the KTAP.  Sets run_rc,
# run_counts ("passed failed skipped") and run_verdict (empty if the KTAP
# is complete and valid).
run_kunit()
{
	local bin=$1 out=$2 timeout=$3 kpy
	shift 3

	env "$@" timeout "$timeout" "$bin" >"$out/kunit.ktap" 2>"$out/kunit.stderr"
	run_rc=$?
	run_counts=$(ktap_counts "$out/kunit.ktap" "$out/kunit.failed")
	if ! kpy=$(kunit_py); then
		: >"$out/kunit.parse"
		run_verdict="kunit.py is not available (linux-source-6.12 missing)"
		return
	fi
	"$PYTHON" "$kpy" parse <"$out/kunit.ktap" >"$out/kunit.parse" 2>&1
	run_verdict=$(ktap_verdict "$out/kunit.ktap" "$out/kunit.parse" "$run_rc" "$run_counts")
}

# ---------------------------------------------------------------------------
# Steps.

step_deps()
{
	heading "Dependencies"
	if ! "$scripts_dir/install-deps.sh"; then
		item_fail "deps" "install-deps.sh failed"
		return 1
	fi
	note "ok"
}

step_config()
{
	heading "Configuration"
	if [ -f .config ]; then
		note "using the existing .config"
		return 0
	fi
	if ! make --no-print-directory defconfig; then
		item_fail "config" "make defconfig failed"
		return 1
	fi
}

step_build()
{
	local log=$logdir/build.log

	heading "Build (make -j$JOBS)"
	make --no-print-directory -j"$JOBS" 2>&1 | tee "$log"
	if [ "${PIPESTATUS[0]}" -ne 0 ]; then
		item_fail "build" "make -j$JOBS failed, see $log"
		return 1
	elif ! [ -x build/kunit ]; then
		item_fail "build" "make -j$JOBS succeeded but left no build/kunit"
		return 1
	fi
	item_pass "build" "build/kunit"
}

step_kunit()
{
	local p f s

	heading "KUnit (build/kunit, KTAP in build/kunit.ktap)"
	run_kunit build/kunit build "$KUNIT_TIMEOUT"
	cat build/kunit.parse
	read -r p f s <<<"$run_counts"
	# Every case runs where it applies (parameters pick the machines), so a
	# skipped case is a test that stopped asserting: it counts as failed.
	add_counts "kunit" "$p" "$((f + s))" "$p passed, $f failed, $s skipped"
	if [ "$f" -gt 0 ]; then
		note "failed cases:"
		sed 's/^/    /' build/kunit.failed
	fi
	if [ -n "$run_verdict" ]; then
		show_tail build/kunit.stderr
		item_fail "kunit KTAP" "$run_verdict"
	else
		item_pass "kunit KTAP" "complete, and kunit.py parse agrees"
	fi
}

# sanitizer_step SAN TITLE REPORT-REGEX ENV...: build with make SAN=SAN, run
# the suites with ENV, and fail on any report matching REPORT-REGEX, on
# cases that fail only in this build, or on a different number of cases.
sanitizer_step()
{
	local san=$1 title=$2 report_re=$3 out=build/$1 log=$logdir/$1-build.log
	local p f s pp pf ps new reports

	shift 3
	heading "Sanitizers (make SAN=$san: $title)"
	if ! make --no-print-directory -j"$JOBS" SAN="$san" >"$log" 2>&1 ||
	   ! [ -x "$out/kunit" ]; then
		show_tail "$log"
		item_fail "$san" "make SAN=$san failed, see $log"
		return 1
	fi
	note "built $out/kunit; running it"
	run_kunit "$out/kunit" "$out" "$ASAN_TIMEOUT" "$@"
	read -r p f s <<<"$run_counts"
	note "$p passed, $f failed, $s skipped (exit status $run_rc)"

	reports=$(grep -cE "$report_re" "$out/kunit.stderr" "$out/kunit.ktap" |
		  awk -F: '{ n += $NF } END { print n + 0 }')
	# Failures the plain run has too are counted there; here only what the
	# sanitizers add matters.
	new=$(LC_ALL=C sort -u "$out/kunit.failed" |
	      LC_ALL=C comm -23 - <(LC_ALL=C sort -u build/kunit.failed 2>/dev/null))
	read -r pp pf ps < <(ktap_counts build/kunit.ktap 2>/dev/null || echo "0 0 0")

	if [ "$reports" -gt 0 ]; then
		grep -h -m1 -A30 -E "$report_re" "$out/kunit.stderr" "$out/kunit.ktap" |
			sed 's/^/    /'
		item_fail "$san" "$reports sanitizer report(s), see $out/kunit.stderr"
	elif [ -n "$run_verdict" ]; then
		show_tail "$out/kunit.stderr"
		item_fail "$san" "KTAP: $run_verdict"
	elif [ -n "$new" ]; then
		note "cases that fail only under the sanitizers:"
		echo "$new" | sed 's/^/    /'
		item_fail "$san" "$(echo "$new" | wc -l) case(s) fail only under the sanitizers"
	elif [ $((p + f + s)) -ne $((pp + pf + ps)) ]; then
		item_fail "$san" "ran $((p + f + s)) cases, the plain run $((pp + pf + ps))"
	else
		item_pass "$san" "$((p + f + s)) cases, no sanitizer report"
	fi
}

step_asan()
{
	sanitizer_step asan "ASan + LSan + UBSan" \
		'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' \
		ASAN_OPTIONS=detect_leaks=1 \
		UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
}

step_tsan()
{
	sanitizer_step tsan "ThreadSanitizer" 'WARNING: ThreadSanitizer' \
		TSAN_OPTIONS=halt_on_error=0
}

# ---- steps of the userspace engineer: uapi selftests and Linux conformance ----

# last_counts LOG WORD: "N M K" from the final "WORD...: N passed, M failed[, K skipped]".
last_counts()
{
	sed -n "s/^$2[^:]*: \([0-9]*\) passed, \([0-9]*\) failed\(, \([0-9]*\) skipped\)\{0,1\}.*/\1 \2 \4/p" \
		"$1" | tail -n 1
}

step_selftests()
{
	local log=$logdir/selftests.log p f s

	heading "Selftests (tools/testing/selftests/iommu through iommu-run)"
	tools/testing/selftests/iommu/run.sh 2>&1 | tee "$log"
	read -r p f s <<<"$(last_counts "$log" selftests)"
	if [ -z "${p:-}" ]; then
		item_fail "selftests" "no result line, see $log"
		return
	fi
	# The tests skip where what they need is missing, as kselftests do; under
	# iommu-run on the default machine nothing is, so a skip is a failure.
	add_counts "selftests" "$p" "$((f + ${s:-0}))" "$p passed, $f failed, ${s:-0} skipped"
}

step_selftests_asan()
{
	local log=$logdir/selftests-asan.log p f s

	heading "Selftests under ASan + UBSan (preload library and tests)"
	tools/testing/selftests/iommu/run.sh --asan 2>&1 | tee "$log"
	read -r p f s <<<"$(last_counts "$log" selftests)"
	if [ -z "${p:-}" ]; then
		item_fail "selftests asan" "no result line, see $log"
	elif [ "$f" -gt 0 ]; then
		item_fail "selftests asan" "$f failed under the sanitizers, see $log"
	elif [ "${s:-0}" -gt 0 ]; then
		item_fail "selftests asan" "${s} skipped under iommu-run, see $log"
	else
		item_pass "selftests asan" "$p passed, ${s:-0} skipped, no sanitizer report"
	fi
}

step_conformance()
{
	local log=$logdir/conformance.log p f

	heading "Conformance (Linux 6.12.117 iommufd selftests, unmodified)"
	tools/testing/iommu/conformance/run.sh -k 2>&1 | tee "$log"
	read -r p f _ <<<"$(last_counts "$log" conformance)"
	if [ -z "${p:-}" ]; then
		item_fail "conformance" "no result line, see $log"
		return
	fi
	add_counts "conformance" "$p" "$f" \
		"$p passed, $f mismatches against conformance/expected-failures.txt"
}

# To add a step: write step_<name>() reporting through item_pass/item_fail
# (one item) or add_counts (test cases), then call it below.  A step that
# makes the rest meaningless returns non-zero and is followed by "|| finish".
main()
{
	mkdir -p "$logdir"
	step_deps
	step_config || finish
	step_build || finish
	step_kunit
	step_asan
	step_tsan
	step_selftests
	step_selftests_asan
	step_conformance
	finish
}

main "$@"
