#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
#
# similarity.py LINUX_ROOT [--max RATIO] [FILE...]
#
# How much of each C file of ours is made of token runs that also occur in
# Linux.  Comments are dropped, identifiers are kept; a file is cut into
# every window of WINDOW tokens and the score is the share of its windows
# found anywhere in the Linux reference directories.  Shared API names make
# a small score unavoidable; a high one means code was carried over instead
# of written.  With --max the exit status is 1 when a file scores above it.

import argparse
import os
import re
import sys

WINDOW = 15
REFERENCE_DIRS = ['drivers/iommu', 'drivers/pci', 'drivers/base', 'drivers/vfio',
                  'lib/kunit', 'lib/xarray.c', 'lib/interval_tree.c']
OUR_DIRS = ['drivers', 'tools/testing/iommu']

TOKEN = re.compile(r'[A-Za-z_]\w*|\d\w*|\S')
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)


def windows(path):
    with open(path, errors='ignore') as f:
        text = COMMENT.sub(' ', f.read())
    toks = TOKEN.findall(text)
    return {hash(tuple(toks[i:i + WINDOW])) for i in range(len(toks) - WINDOW + 1)}


def c_files(root, rel):
    top = os.path.join(root, rel)
    if os.path.isfile(top):
        yield top
        return
    for dirpath, _, names in os.walk(top):
        for name in names:
            if name.endswith('.c'):
                yield os.path.join(dirpath, name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('linux_root')
    ap.add_argument('--max', type=float)
    ap.add_argument('--min-windows', type=int, default=50)
    ap.add_argument('files', nargs='*')
    args = ap.parse_args()

    ref = set()
    for rel in REFERENCE_DIRS:
        for path in c_files(args.linux_root, rel):
            ref |= windows(path)
    if not ref:
        sys.exit('similarity: no reference sources under %s' % args.linux_root)

    files = args.files or [p for d in OUR_DIRS for p in c_files('.', d)]
    rows = []
    for path in files:
        ours = windows(path)
        if len(ours) < args.min_windows:
            continue
        rows.append((len(ours & ref) / len(ours), path))
    rows.sort(reverse=True)
    over = 0
    for score, path in rows:
        flag = ''
        if args.max is not None and score > args.max:
            flag = '  <-- above %.2f' % args.max
            over += 1
        print('%.2f  %s%s' % (score, os.path.normpath(path), flag))
    if args.max is not None:
        print('similarity: %d file(s) above %.2f' % (over, args.max))
        sys.exit(1 if over else 0)


if __name__ == '__main__':
    main()
