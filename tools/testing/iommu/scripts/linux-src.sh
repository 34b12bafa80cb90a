#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# linux-src.sh PATH...
#
# Make PATHs of the Linux 6.12 source tree (Debian package linux-source-6.12)
# available under build/linux-src/ and print the root of that tree.  Only the
# requested paths are unpacked, once each: a stamp per path records what is
# already there, so a second call costs nothing.  The tools the project
# borrows (checkpatch.pl, kernel-doc, kunit.py, get_maintainer.pl, the
# upstream iommufd selftests) come from here; nothing here is committed.
#
# A handful of commonly used paths is unpacked together with any request,
# because reading the tarball is what costs time, not writing the files.
#
# Environment: LINUX_SRC_TARBALL overrides where the tarball is looked up.

set -euo pipefail
# shellcheck source=tools/testing/iommu/scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pkg=linux-source-6.12
top=linux-source-6.12
dest=$srctree/build/linux-src
root=$dest/$top
stamps=$dest/.stamps

common_paths=(
	scripts/checkpatch.pl
	scripts/const_structs.checkpatch
	scripts/get_maintainer.pl
	scripts/kernel-doc
	scripts/spelling.txt
	tools/testing/kunit
)

die()
{
	echo "linux-src.sh: $*" >&2
	exit 1
}

find_tarball()
{
	local t

	if [ -n "${LINUX_SRC_TARBALL:-}" ]; then
		echo "$LINUX_SRC_TARBALL"
		return
	fi
	t=$(dpkg -L "$pkg" 2>/dev/null | grep -E '/linux-source-[0-9.]+\.tar\.xz$' | head -n1 || true)
	[ -n "$t" ] || t=/usr/src/$top.tar.xz
	echo "$t"
}

# stamp_of PATH: the file that records that PATH was unpacked.
stamp_of()
{
	echo "$stamps/${1//\//%}"
}

# have PATH: PATH or one of its parent directories was unpacked already.
have()
{
	local p=$1

	while :; do
		[ -e "$(stamp_of "$p")" ] && return 0
		case $p in
		*/*)	p=${p%/*} ;;
		*)	return 1 ;;
		esac
	done
}

[ $# -gt 0 ] || die "usage: linux-src.sh PATH..."

want=()
for p in "$@"; do
	p=${p#./}
	p=${p%/}
	case /$p/ in
	*/../*|//*)	die "bad path '$1'" ;;
	esac
	[ -n "$p" ] || die "refusing to unpack the whole tree"
	want+=("$p")
done

missing=()
for p in "${want[@]}"; do
	have "$p" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
	mkdir -p "$stamps"
	exec 9>"$dest/.lock"
	flock 9
	# Another caller may have unpacked what we need while we waited.
	todo=()
	for p in "${missing[@]}" "${common_paths[@]}"; do
		have "$p" && continue
		case " ${todo[*]} " in
		*" $p "*)	;;
		*)		todo+=("$p") ;;
		esac
	done
	if [ ${#todo[@]} -gt 0 ]; then
		tarball=$(find_tarball)
		[ -r "$tarball" ] ||
			die "$tarball not found: install the Debian package $pkg (make install-deps as root)"
		echo "  UNPACK  ${todo[*]}" >&2
		members=()
		for p in "${todo[@]}"; do
			members+=("$top/$p")
		done
		if ! tar -xJf "$tarball" -C "$dest" "${members[@]}"; then
			die "could not unpack ${todo[*]} from $tarball"
		fi
		for p in "${todo[@]}"; do
			: > "$(stamp_of "$p")"
		done
	fi
	exec 9>&-
fi

echo "$root"
