#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
#
# checkpatch-forced.py CONF < findings > kept
#
# Drop the checkpatch findings that CONF (checkpatch-forced.conf) names, one
# symbol at a time, and report each rule that dropped nothing.

import re
import sys

FINDING = re.compile(r'^([^ :]+):(\d+): (?:ERROR|WARNING|CHECK):([A-Z0-9_]+):')


def load_rules(path):
    rules = []
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            line = raw.split('#', 1)[0].split()
            if not line:
                continue
            if len(line) != 3 or not re.fullmatch(r'[A-Z0-9_]+', line[0]):
                print('%s:%d: malformed rule' % (path, n))
                continue
            rules.append({'type': line[0], 'file': line[1], 'sym': line[2],
                          'where': '%s:%d' % (path, n), 'used': False})
    return rules


def source_lines(cache, path):
    if path not in cache:
        try:
            with open(path, errors='ignore') as f:
                cache[path] = f.read().split('\n')
        except OSError:
            cache[path] = []
    return cache[path]


def main():
    rules = load_rules(sys.argv[1])
    cache = {}
    for line in sys.stdin:
        m = FINDING.match(line)
        if m:
            path, num, kind = m.group(1), int(m.group(2)), m.group(3)
            text = source_lines(cache, path)
            near = ' '.join(text[max(num - 2, 0):num])
            hit = [r for r in rules if r['type'] == kind and r['file'] == path and
                   re.search(r'\b%s\b' % re.escape(r['sym']), near)]
            if hit:
                for r in hit:
                    r['used'] = True
                continue
        sys.stdout.write(line)
    for r in rules:
        # checkpatch names a CamelCase word once per run, wherever it meets
        # it first, so such a rule may rest unused.
        if not r['used'] and r['type'] != 'CAMELCASE':
            print('%s: drops nothing now, remove it: %s %s %s' %
                  (r['where'], r['type'], r['file'], r['sym']))


if __name__ == '__main__':
    main()
