#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh [GLOB]: what `make run` shows.  Like check.sh it first sets up what
# is missing: the Debian packages (as root), .config, the build.
#
# Then it runs the demo program, build/iommu-demo, which boots the default
# machine (VT-d so far; the other three IOMMUs come later), prints its IOMMU
# groups and drives DMA through a paging and an identity domain.  Then a
# userspace iommufd client, build/iommufd-client
# (tools/testing/iommu/demo/iommufd-client.c), runs through iommu-run: it
# maps a buffer, has a modelled device DMA into it through VFIO and VT-d,
# unmaps it and shows the fault of the next DMA.  Last, it runs the KUnit
# suites of the IOMMU core (GLOB, 'iommu_*' by default: the core, not
# iommufd) and renders their KTAP with Linux's own kunit.py, as a readable
# tree.

set -uo pipefail
# shellcheck source=tools/testing/iommu/scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$srctree" || exit 1

glob=${1:-iommu_*}
out=build${SAN:+/$SAN}
bin=$out/kunit
# The demo program (tools/testing/iommu/platform/demo.c): boots the default
# machine, prints its IOMMU groups, and drives DMA through a paging and an
# identity domain, showing the fault a DMA to an unmapped address raises.
demo=$out/iommu-demo

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

cat <<EOT
The IOMMU subsystem, run in a host environment.

'make run' boots the default platform (VT-d so far; the other three IOMMUs
come later) and shows what happens in it, then runs a userspace iommufd
client that drives a modelled device through /dev/iommu and a VFIO device
file.  Then it shows the IOMMU core's KUnit suites ('$glob') as they run
against the host environment: one line per test case, grouped by suite, as
parsed by Linux's tools/testing/kunit/kunit.py.  'make check' runs
everything.
EOT

demo_status=0
if [ -x "$demo" ]; then
	heading "The default machine ($demo)"
	"$demo"
	demo_status=$?
else
	echo "run.sh: $demo is missing; build it with 'make${SAN:+ SAN=$SAN}'" >&2
	demo_status=1
fi

# The userspace half: plain userspace code built against our uapi headers,
# given /dev/iommu and /dev/vfio/devices/* by the preload library.
client=$out/iommufd-client
client_status=0
heading "A userspace iommufd client ($client, through iommu-run)"
mkdir -p "$out/client-uapi/linux"
cp include/uapi/linux/iommufd.h include/uapi/linux/vfio.h "$out/client-uapi/linux/"
if ! make --no-print-directory -j"$(ncpus)" ${SAN:+SAN=$SAN} preload >>"$out/run-build.log" 2>&1 ||
   ! ${CC:-gcc} -Wall -O2 -isystem "$out/client-uapi" -o "$client" \
	tools/testing/iommu/demo/iommufd-client.c >>"$out/run-build.log" 2>&1; then
	tail -n 20 "$out/run-build.log" >&2
	echo "run.sh: building the client or the preload library failed" >&2
	client_status=1
else
	IOMMU_RUN_SAN=${SAN:-} tools/testing/iommu/iommu-run "$client" 2>&1 |
		sed 's/^DMAR: /  kernel: DMAR: /'
	client_status=${PIPESTATUS[0]}
fi

heading "KUnit suites of the IOMMU core"
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
parse_status=$?
[ "$demo_status" -eq 0 ] || exit "$demo_status"
[ "$client_status" -eq 0 ] || exit "$client_status"
exit "$parse_status"
