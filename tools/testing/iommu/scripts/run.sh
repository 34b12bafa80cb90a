#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh [GLOB]: what `make run` shows.  Like check.sh it sets up what is
# missing first: the Debian packages (as root), .config, build/kunit.
#
# The demo `make run` is meant to give (boot the default platform with its
# four IOMMUs and a dozen devices, print the groups and default domains, then
# drive DMA from a userspace iommufd client) does not exist yet.  Until it
# does, this runs the KUnit suites of the IOMMU core (GLOB, 'iommu_*' by
# default: every suite of the core, not the iommufd ones) and renders their
# KTAP with Linux's own kunit.py, as a readable tree.

set -uo pipefail
# shellcheck source=tools/testing/iommu/scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$srctree" || exit 1

glob=${1:-iommu_*}
out=build${SAN:+/$SAN}
bin=$out/kunit

cat <<EOT
The IOMMU subsystem, run in a host environment.

'make run' is meant to boot the default platform (four IOMMUs, a dozen
devices), print its groups and default domains and drive DMA through
/dev/iommu from a userspace client.  That demo is not written yet.  For now
it shows the IOMMU core's KUnit suites ('$glob') as they run against the
host environment: one line per test case, grouped by suite, as parsed by
Linux's tools/testing/kunit/kunit.py.  'make check' runs everything.

EOT

"$scripts_dir/install-deps.sh" || exit 1
if ! [ -f .config ]; then
	make --no-print-directory defconfig || exit 1
fi
mkdir -p "$out"
if ! make --no-print-directory -j"$(ncpus)" ${SAN:+SAN=$SAN} >"$out/run-build.log" 2>&1; then
	cat "$out/run-build.log" >&2
	echo "run.sh: the build failed" >&2
	exit 1
fi
if ! root=$("$scripts_dir/linux-src.sh" tools/testing/kunit); then
	echo "run.sh: kunit.py is not available: install linux-source-6.12 (make install-deps as root)" >&2
	exit 1
fi

ktap=$out/run.ktap
"$bin" "$glob" >"$ktap" 2>"$out/run.stderr"
read -r p f s < <(ktap_counts "$ktap")
if [ $((p + f + s)) -eq 0 ]; then
	echo "(no suite matches '$glob' yet; showing every suite instead)"
	echo
	"$bin" >"$ktap" 2>"$out/run.stderr"
fi
"$PYTHON" "$root/tools/testing/kunit/kunit.py" parse <"$ktap"
