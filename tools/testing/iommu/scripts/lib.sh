# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034 # the variables are for the scripts that source this file
#
# Shared helpers for the scripts in tools/testing/iommu/scripts/.  Sourced,
# never executed.  Sets $srctree (the top of the tree) and $PYTHON, and
# provides small output helpers.

srctree=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
scripts_dir=$srctree/tools/testing/iommu/scripts

# Debian's modules (python3-kconfiglib) are only visible to Debian's own
# interpreter; a python3 earlier in PATH may be a separate installation.
PYTHON=${PYTHON:-/usr/bin/python3}

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
	c_red=$'\e[31m' c_green=$'\e[32m' c_yellow=$'\e[33m' c_bold=$'\e[1m' c_off=$'\e[0m'
else
	c_red='' c_green='' c_yellow='' c_bold='' c_off=''
fi

# heading TEXT: a visible separator between the steps of a script.
heading()
{
	printf '\n%s== %s ==%s\n' "$c_bold" "$*" "$c_off"
}

# note TEXT / warn TEXT: one line of information / of concern.
note()
{
	printf '  %s\n' "$*"
}

warn()
{
	printf '  %swarning:%s %s\n' "$c_yellow" "$c_off" "$*" >&2
}

# is_root: true when the script may install packages.
is_root()
{
	[ "$(id -u)" = 0 ]
}

# ncpus: the parallelism the scripts use (2 at most on the shared machine).
ncpus()
{
	local n

	n=$(nproc 2>/dev/null || echo 1)
	[ "$n" -gt 2 ] && n=2
	echo "$n"
}

# ktap_counts KTAP [FAILED_LIST]: count the leaf results of a KTAP file.
# A leaf is a test without subtests: a KUnit case, or one instance of a
# parameterised case.  Prints "PASSED FAILED SKIPPED"; when FAILED_LIST is
# given, writes the full name (suite.case[.param]) of every failed leaf to it.
# A result line is a parent exactly when the result line before it is more
# deeply indented (its subtests' results come just before it).
ktap_counts()
{
	[ -z "${2:-}" ] || : >"$2"
	awk -v failed_list="${2:-/dev/null}" '
	function indent_of(s) { match(s, /^[ \t]*/); return RLENGTH }
	/^[ \t]*# Subtest: / {
		ind = indent_of($0)
		name = $0
		sub(/^[ \t]*# Subtest: /, "", name)
		subtest[ind] = name
		next
	}
	/^[ \t]*(not )?ok [0-9]+/ {
		ind = indent_of($0)
		parent = seen && prev > ind
		seen = 1
		prev = ind
		line = substr($0, ind + 1)
		for (j in subtest)
			if (j + 0 > ind)
				delete subtest[j]
		if (parent)
			next
		desc = line
		sub(/^(not )?ok [0-9]+ ?(- )?/, "", desc)
		directive = ""
		if (index(desc, "#")) {
			directive = substr(desc, index(desc, "#") + 1)
			desc = substr(desc, 1, index(desc, "#") - 1)
		}
		sub(/[ \t]+$/, "", desc)
		if (toupper(directive) ~ /^[ \t]*SKIP/) {
			skipped++
		} else if (line ~ /^not ok/) {
			failed++
			full = ""
			for (j = 0; j <= ind; j++)
				if (j in subtest)
					full = full subtest[j] "."
			print full desc > failed_list
		} else {
			passed++
		}
	}
	END { printf "%d %d %d\n", passed, failed, skipped }
	' "$1"
}
