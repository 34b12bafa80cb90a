#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench.sh: what `make bench` runs.  There are no benchmarks yet; this says
# so rather than print numbers that measure nothing.

cat <<'EOT'
make bench: there are no benchmarks yet.

They will live in tools/testing/iommu/bench/ and report ratios measured in
one run (map/unmap throughput, IOTLB invalidation, iommufd ioctl paths), with
Linux's own page-table code built beside ours for a side-by-side comparison.
Nothing was measured.
EOT
exit 0
