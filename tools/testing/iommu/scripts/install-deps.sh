#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# install-deps.sh: install the Debian packages the project needs.
#
# As root, installs whatever is missing with apt-get (refreshing the package
# lists first, and only when something has to be installed).  As any other
# user, lists what is missing and carries on, so that a developer machine
# with everything in place never needs root.  Fast when nothing is missing:
# one dpkg-query call.
#
# What each package is for:
#   gcc, libc6-dev      the compiler, and the libc headers the *-libc.c
#                       glue of the host environment uses.  gcc 12 brings
#                       libasan8, liblsan0 and libubsan1 (through
#                       libgcc-12-dev): -fsanitize=address includes
#                       LeakSanitizer on x86_64, so no clang is needed.
#   make                the build
#   python3-kconfiglib  make defconfig / olddefconfig / menuconfig
#   linux-source-6.12   kunit.py (KTAP validation), checkpatch.pl,
#                       kernel-doc, get_maintainer.pl and the upstream
#                       iommufd selftests, unpacked on demand by linux-src.sh
#   xz-utils            to read that tarball
#   sparse, coccinelle  make lint
#   perl                checkpatch.pl, kernel-doc, get_maintainer.pl

set -euo pipefail
# shellcheck source=tools/testing/iommu/scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

packages=(
	coccinelle
	gcc
	libc6-dev
	linux-source-6.12
	make
	perl
	python3
	python3-kconfiglib
	sparse
	xz-utils
)

missing=()
while read -r pkg status; do
	[ "$status" = ii ] || missing+=("$pkg")
done < <(for p in "${packages[@]}"; do
		s=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
		echo "$p ${s:0:2}"
	done)

if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi

if ! is_root; then
	warn "missing Debian packages: ${missing[*]}"
	warn "run 'make install-deps' as root (or apt-get install them); continuing without"
	exit 0
fi

echo "  APT     ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! apt-get update -qq >"$log" 2>&1 ||
   ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
	cat "$log" >&2
	echo "install-deps.sh: apt-get failed to install: ${missing[*]}" >&2
	exit 1
fi
