#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# similarity.sh [--max RATIO] [FILE...]
#
# Unpack the Linux reference directories (linux-src.sh) and score how much
# of each of our C files repeats Linux token for token (similarity.py).

set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
root=$("$here/linux-src.sh" drivers/iommu drivers/pci drivers/base drivers/vfio lib/kunit \
	lib/xarray.c lib/interval_tree.c)
cd "$here/../../../.."
exec /usr/bin/python3 "$here/similarity.py" "$root" "$@"
