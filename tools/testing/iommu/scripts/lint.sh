#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# lint.sh [TOOL...]: the static checks behind `make lint`.  CI requires zero
# findings.  TOOLs, all of them by default:
#
#   sparse       sparse with the kernel's CHECKFLAGS and -Wsparse-error on
#                every .c under drivers/ (headers are checked through them),
#                with the include order of the kernel flavour of the build
#   kernel-doc   scripts/kernel-doc -none -Wall -Werror on every .c and .h
#                under drivers/, include/ and tools/testing/iommu/{include,
#                lib,kunit}/
#   checkpatch   scripts/checkpatch.pl --strict (see .checkpatch.conf) on
#                every .c and .h under drivers/, include/, tools/, scripts/;
#                the kernel-API mirror headers (tools/testing/iommu/include/
#                linux/ and asm/) get their own pass, where the few checks
#                that reproducing a kernel API exactly cannot satisfy are
#                ignored file by file, as listed (with the API that forces
#                each) in tools/testing/iommu/include/.checkpatch-api.conf
#   coccinelle   the semantic patches in scripts/coccinelle/iommu/ in report
#                mode on drivers/, after checking that each rule reports
#                exactly the marked lines of its fixture in
#                tools/testing/iommu/scripts/cocci-fixtures/
#   maintainers  MAINTAINERS: get_maintainer.pl --self-test=sections,
#                checkpatch's MAINTAINERS style rules and section order;
#                an F:/X: pattern that matches no file in the tree yet (a
#                driver still to be written) is reported as a note
#
# checkpatch.pl, kernel-doc and get_maintainer.pl come from the Linux 6.12
# tarball (linux-src.sh); nothing is copied into the tree.  Output of each
# tool is also kept in build/lint/<tool>.log.

set -uo pipefail
# shellcheck source=tools/testing/iommu/scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$srctree" || exit 1

JOBS=$(ncpus)
logdir=build/lint
all_tools=(sparse kernel-doc checkpatch coccinelle maintainers)
declare -A findings
cocci_dir=scripts/coccinelle/iommu

# What each tool looks at (directories that do not exist yet are skipped).
sparse_dirs=(drivers)
kdoc_dirs=(drivers include tools/testing/iommu/include tools/testing/iommu/lib
	   tools/testing/iommu/kunit)
checkpatch_dirs=(drivers include tools scripts)
api_dir=tools/testing/iommu/include
api_conf=$api_dir/.checkpatch-api.conf
fixture_dir=tools/testing/iommu/scripts/cocci-fixtures

# sources DIR...: the .c and .h files below DIRs, sorted, one per line,
# leaving out generated and build output.
sources()
{
	local d dirs=()

	for d in "$@"; do
		[ -d "$d" ] && dirs+=("$d")
	done
	[ ${#dirs[@]} -gt 0 ] || return 0
	find "${dirs[@]}" \( -path build -o -path include/generated -o -name .git \) -prune -o \
		-type f \( -name '*.c' -o -name '*.h' \) -print | LC_ALL=C sort
}

# linux_tool PATH: the path of a tool from the Linux 6.12 tree.
linux_tool()
{
	local root

	root=$("$scripts_dir/linux-src.sh" "$1") || return 1
	echo "$root/$1"
}

# need CMD PACKAGE: fail the current tool when CMD is not installed.
need()
{
	command -v "$1" >/dev/null && return 0
	echo "$1 is not installed (Debian package $2; make install-deps as root)"
	return 1
}

# count_lines REGEX FILE: the number of lines of FILE matching REGEX.
count_lines()
{
	grep -cE "$1" "$2" || true
}

# ---------------------------------------------------------------------------

lint_sparse()
{
	local log=$logdir/sparse.log files gccinc

	need sparse sparse >"$log" || { cat "$log"; found=1; return; }
	mapfile -t files < <(sources "${sparse_dirs[@]}" | grep '\.c$')
	if [ ${#files[@]} -eq 0 ]; then
		note "no .c files under drivers/ yet"
		return
	fi
	# The kernel flavour includes include/generated/autoconf.h.
	if ! [ -f .config ]; then
		make --no-print-directory defconfig >>"$log" 2>&1 ||
			{ cat "$log"; echo "make defconfig failed"; found=1; return; }
	fi
	if ! make --no-print-directory include/generated/autoconf.h >>"$log" 2>&1; then
		cat "$log"
		if ! [ -f include/generated/autoconf.h ]; then
			echo "could not generate include/generated/autoconf.h"
			found=1
			return
		fi
		warn "could not refresh include/generated/autoconf.h; using the one there"
	fi
	: >"$log"
	gccinc=$(gcc -print-file-name=include)
	note "${#files[@]} files"
	printf '%s\n' "${files[@]}" |
		xargs -P "$JOBS" -n 1 sparse \
			-D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ \
			-Wbitwise -Wno-return-void -Wno-unknown-attribute \
			--arch=x86_64 -mlittle-endian -m64 -Wsparse-error \
			-std=gnu11 -O1 -ffreestanding -nostdinc -isystem "$gccinc" \
			-Iinclude -Iinclude/uapi -Itools/testing/iommu/include \
			-include tools/testing/iommu/include/linux/kconfig.h \
			-D__KERNEL__ >>"$log" 2>&1
	cat "$log"
	found=$(count_lines ': (error|warning): ' "$log")
}

lint_kernel_doc()
{
	local log=$logdir/kernel-doc.log files kdoc

	need perl perl >"$log" || { cat "$log"; found=1; return; }
	kdoc=$(linux_tool scripts/kernel-doc) || { echo "kernel-doc unavailable"; found=1; return; }
	mapfile -t files < <(sources "${kdoc_dirs[@]}")
	if [ ${#files[@]} -eq 0 ]; then
		note "no sources yet"
		return
	fi
	note "${#files[@]} files"
	printf '%s\n' "${files[@]}" |
		xargs -P "$JOBS" -n 16 perl "$kdoc" -none -Wall -Werror >"$log" 2>&1
	grep -vE '^[0-9]+ warnings? as [Ee]rrors$' "$log"
	found=$(count_lines '^[^ ]+:[0-9]+: (warning|error): ' "$log")
}

# api_rules: the rules of $api_conf, one "TYPE GLOB..." per line, comments
# and blank lines dropped.
api_rules()
{
	sed -e 's/#.*//' -e 's/[[:space:]]\+/ /g' -e 's/^ //' -e 's/ $//' "$api_conf" | grep -v '^$'
}

# api_check_conf: every rule names a checkpatch type and only globs inside
# linux/ or asm/ that match a file; prints the broken rules.
api_check_conf()
{
	local type glob globs

	while read -r type globs; do
		if ! [[ $type =~ ^[A-Z0-9_]+$ ]] || [ -z "$globs" ]; then
			echo "$api_conf: malformed rule: $type $globs"
			continue
		fi
		for glob in $globs; do
			case $glob in
			linux/*|asm/*)	;;
			*)		echo "$api_conf: $type: $glob is not a kernel-API mirror header"
					continue ;;
			esac
			compgen -G "$api_dir/$glob" >/dev/null ||
				echo "$api_conf: $type: $glob matches no file"
		done
	done < <(api_rules)
}

# api_filter RAW KEPT: copy the findings of checkpatch log RAW to KEPT, less
# those that a rule of $api_conf ignores; print one line per rule (type and
# glob) that ignored nothing, so that rules cannot outlive their reason.
api_filter()
{
	api_rules | awk -v raw="$1" -v kept="$2" -v dir="$api_dir/" '
	function glob_re(g,	r) {
		r = g
		gsub(/[.+^$(){}|\\]/, "\\\\&", r)
		gsub(/\*/, "[^/]*", r)
		gsub(/\?/, "[^/]", r)
		return "^" r "$"
	}
	# Only well-formed rules on linux/ and asm/ apply (api_check_conf
	# reports the others).
	$1 ~ /^[A-Z0-9_]+$/ {
		for (i = 2; i <= NF; i++) {
			if ($i !~ /^(linux|asm)\//)
				continue
			n++
			rtype[n] = $1
			rglob[n] = $i
			rre[n] = glob_re($i)
		}
	}
	END {
		while ((getline line < raw) > 0) {
			drop = 0
			if (index(line, dir) == 1 &&
			    match(line, /^[^ :]+:[0-9]+: (ERROR|WARNING|CHECK):[A-Z0-9_]+:/)) {
				file = substr(line, length(dir) + 1)
				sub(/:.*/, "", file)
				type = line
				sub(/^[^ :]+:[0-9]+: (ERROR|WARNING|CHECK):/, "", type)
				sub(/:.*/, "", type)
				for (k = 1; k <= n; k++)
					if (rtype[k] == type && file ~ rre[k]) {
						used[k] = 1
						drop = 1
					}
			}
			if (!drop)
				print line > kept
		}
		# checkpatch reports a CamelCase word once per run, in whichever
		# file of a batch comes first: such a rule may rest unused.
		for (k = 1; k <= n; k++)
			if (!used[k] && rtype[k] != "CAMELCASE")
				print rtype[k] " " rglob[k]
	}'
}

lint_checkpatch()
{
	local log=$logdir/checkpatch.log raw=$logdir/checkpatch-raw.log files cp bad stale rule

	need perl perl >"$log" || { cat "$log"; found=1; return; }
	cp=$(linux_tool scripts/checkpatch.pl) || { echo "checkpatch.pl unavailable"; found=1; return; }
	mapfile -t files < <(sources "${checkpatch_dirs[@]}")
	if [ ${#files[@]} -eq 0 ]; then
		note "no sources yet"
		return
	fi
	note "${#files[@]} files"
	# checkpatch caches the CamelCase names of include/ in the current
	# directory on first use; create the cache before running it in
	# parallel, so no instance reads a half-written one, and drop it after.
	printf '// SPDX-License-Identifier: GPL-2.0\nint seedCamelCase;\n' >"$logdir/camelcase.c"
	perl "$cp" --strict --no-tree -f "$logdir/camelcase.c" >/dev/null 2>&1
	# Options beyond these come from .checkpatch.conf in the current directory.
	printf '%s\n' "${files[@]}" |
		xargs -P "$JOBS" -n 16 perl "$cp" --strict --no-tree --terse --show-types \
			--no-summary --color=never -f >"$raw" 2>&1
	rm -f .checkpatch-camelcase.*
	# The kernel-API mirror headers: drop what $api_conf ignores.
	: >"$log"
	bad=$(api_check_conf)
	[ -z "$bad" ] || echo "$bad" >>"$log"
	stale=$(api_filter "$raw" "$log.kept")
	# Outside them: drop only the single findings checkpatch-forced.conf
	# names by symbol.
	/usr/bin/python3 "$scripts_dir/checkpatch-forced.py" \
		"$scripts_dir/checkpatch-forced.conf" \
		<"$log.kept" >"$log.forced"
	LC_ALL=C sort -t: -k1,1 -k2,2n "$log.forced" >>"$log"
	rm -f "$log.kept" "$log.forced"
	if [ -n "$stale" ]; then
		while read -r rule; do
			echo "$api_conf: ignores nothing now, drop it: $rule"
		done <<<"$stale" >>"$log"
	fi
	note "$(( $(count_lines ': (ERROR|WARNING|CHECK):' "$raw") -
		  $(count_lines ': (ERROR|WARNING|CHECK):' "$log") )) finding(s) in mirror headers ignored as $api_conf lists"
	cat "$log"
	found=$(( $(count_lines '^[^ ]+:[0-9]+: (ERROR|WARNING|CHECK):' "$log") +
		  $(count_lines "^$api_conf: " "$log") +
		  $(count_lines ': (drops nothing now, remove it: |malformed rule)' "$log") ))
}

# spatch_rule RULE FILE-OR-DIR: run one semantic patch in report mode, with
# the options its "// Options:" line asks for.
spatch_rule()
{
	local rule=$1 target=$2 opts where=()

	opts=$(sed -n 's@^// *Options: *@@p' "$rule" | head -n1)
	if [ -d "$target" ]; then
		where=(-j "$JOBS" --dir "$target")
	else
		where=("$target")
	fi
	# shellcheck disable=SC2086 # opts is a list of options
	TMPDIR=$tmpdir spatch -D report --very-quiet --no-show-diff $opts \
		-I include -I include/uapi -I tools/testing/iommu/include \
		--cocci-file "$rule" "${where[@]}" 2>&1
}

# cocci_selfcheck: each rule must report exactly the lines of the fixtures
# marked "cocci-expect: <rule>", so that a rule that silently matches
# nothing (a typo, a spatch upgrade) cannot pass for a clean tree.
cocci_selfcheck()
{
	local rule name fixture want got bad=0

	for rule in "$cocci_dir"/*.cocci; do
		name=$(basename "$rule" .cocci)
		fixture=$fixture_dir/$name.c
		if ! [ -f "$fixture" ]; then
			echo "$rule: no fixture $fixture"
			bad=$((bad + 1))
			continue
		fi
		want=$(grep -n "/\* cocci-expect: $name \*/" "$fixture" | cut -d: -f1 | sort -n | tr '\n' ' ')
		got=$(spatch_rule "$rule" "$fixture" |
		      sed -n "s@^$fixture:\([0-9]*\):.*@\1@p" | sort -n | tr '\n' ' ')
		if [ -z "$want" ] || [ "$want" != "$got" ]; then
			echo "$rule: self-check on $fixture: expected reports on lines [ $want], got [ $got]"
			bad=$((bad + 1))
		fi
	done
	echo "$bad" >"$tmpdir/selfcheck.bad"
}

lint_coccinelle()
{
	local log=$logdir/coccinelle.log rule n=0 bad

	need spatch coccinelle >"$log" || { cat "$log"; found=1; return; }
	tmpdir=$(mktemp -d "$srctree/$logdir/tmp.XXXXXX")
	cocci_selfcheck >>"$log"
	bad=$(cat "$tmpdir/selfcheck.bad")
	if [ -d drivers ]; then
		for rule in "$cocci_dir"/*.cocci; do
			spatch_rule "$rule" drivers >>"$log"
			n=$((n + 1))
		done
		note "$n rules on drivers/"
	else
		note "no drivers/ yet; self-check only"
	fi
	rm -rf "$tmpdir"
	cat "$log"
	found=$((bad + $(count_lines '^[^ ]+:[0-9]+:[0-9]+-[0-9]+: ' "$log")))
}

# maintainers_patterns: an F:/X: pattern that matches no file or directory
# of the tree (on disk, so that files not yet committed count) is a note, not
# a finding: MAINTAINERS lists the drivers still to be written.
maintainers_patterns()
{
	local linenr=0 line tag pat m

	while IFS= read -r line; do
		linenr=$((linenr + 1))
		case $line in
		F:*|X:*) ;;
		*) continue ;;
		esac
		tag=${line%%:*}
		pat=${line#?:}
		pat=${pat#"${pat%%[![:space:]]*}"}
		m=$(compgen -G "${pat%/}" | head -n1)
		[ -n "$m" ] || note "MAINTAINERS line $linenr: $tag: $pat matches no file yet"
	done <MAINTAINERS
}

# maintainers_titles: sections are sorted by title (THE REST comes last).
maintainers_titles()
{
	local titles

	titles=$(awk '
		/^Maintainers List/ { list = 1; next }
		list && prev != "" && prev !~ /^[A-Z]:/ && $0 ~ /^[A-Z]:/ { print NR - 1 ":" prev }
		{ prev = $0 }' MAINTAINERS | grep -v ':THE REST$')
	if ! cut -d: -f2- <<<"$titles" | LC_ALL=C sort -c 2>/dev/null; then
		cut -d: -f2- <<<"$titles" | LC_ALL=C sort | diff <(cut -d: -f2- <<<"$titles") - |
			sed -n 's/^< /MAINTAINERS: warning: section out of alphabetical order: /p'
	fi
}

lint_maintainers()
{
	local log=$logdir/maintainers.log gm cp

	: >"$log"
	if ! [ -f MAINTAINERS ]; then
		echo "MAINTAINERS is missing" | tee "$log"
		found=1
		return
	fi
	gm=$(linux_tool scripts/get_maintainer.pl) || { echo "get_maintainer.pl unavailable"; found=1; return; }
	cp=$(linux_tool scripts/checkpatch.pl) || { echo "checkpatch.pl unavailable"; found=1; return; }
	perl "$gm" --self-test=sections >>"$log" 2>&1
	# checkpatch checks MAINTAINERS style (one tab after the tag, the tag
	# order, sorted F: patterns) only on the lines a patch adds: feed it the
	# whole file as a new file, and map patch lines back to file lines.
	{
		echo "Subject: [PATCH] MAINTAINERS: whole-file check"
		echo
		echo "Check every line of MAINTAINERS against the style rules."
		echo "---"
		echo "--- /dev/null"
		echo "+++ b/MAINTAINERS"
		echo "@@ -0,0 +1,$(wc -l <MAINTAINERS) @@"
		sed 's/^/+/' MAINTAINERS
	} | perl "$cp" --strict --no-tree --terse --show-types --no-summary --color=never \
		--no-signoff - 2>&1 |
		awk -F: -v OFS=: '$1 == "-" && $2 ~ /^[0-9]+$/ { $1 = "MAINTAINERS"; $2 -= 7 } 1' \
		>>"$log"
	maintainers_titles >>"$log"
	cat "$log"
	maintainers_patterns | tee -a "$log"
	found=$(count_lines '(^MAINTAINERS:[0-9]+: |: warning: )' "$log")
}

# ---------------------------------------------------------------------------

main()
{
	local tools=("$@") t n total=0 status=0

	[ ${#tools[@]} -gt 0 ] || tools=("${all_tools[@]}")
	mkdir -p "$logdir"
	for t in "${tools[@]}"; do
		case " ${all_tools[*]} " in
		*" $t "*)	;;
		*)		echo "lint.sh: unknown tool '$t' (known: ${all_tools[*]})" >&2
				exit 2 ;;
		esac
		heading "$t"
		found=0
		"lint_${t//-/_}"
		n=$found
		findings[$t]=$n
		total=$((total + n))
	done

	heading "Summary"
	for t in "${tools[@]}"; do
		n=${findings[$t]}
		if [ "$n" -eq 0 ]; then
			printf '  %s%-4s%s  %-12s %s\n' "$c_green" ok "$c_off" "$t" "no findings"
		else
			printf '  %s%-4s%s  %-12s %s\n' "$c_red" FAIL "$c_off" "$t" \
				"$n finding(s), see $logdir/$t.log"
			status=1
		fi
	done
	echo "lint: $total finding(s)"
	exit "$status"
}

main "$@"
