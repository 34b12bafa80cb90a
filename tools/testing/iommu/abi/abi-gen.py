#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""ABI comparison of this tree's iommufd userspace headers with Linux's.

Subcommands (check.sh drives them in this order):

  items   --linux DIR --ours DIR --out DIR
          Parse the three headers on both sides, check name coverage (every
          struct, member, enum tag, enum constant and object-like #define of
          Linux's iommufd.h and iommufd_test.h must exist here; nothing may
          exist here that Linux lacks, apart from the documented additions;
          our vfio.h must be a subset of Linux's that contains the required
          names), and write the table rows abi-table.c includes, as
          OUT/rows-linux/abi-rows.h (the rows both sides can compile) and
          OUT/rows-ours/abi-rows.h (those plus the rows of our additions).
  decode  OBJ.bin
          Turn the raw abi_table section of a compiled table object into the
          same text the native table program prints.
  compare LINUX.txt OURS.txt
          Diff two tables: every Linux row must match ours exactly, and the
          rows only we have must carry the values recorded in EXTRA_EXPECT.

The DIR arguments name a root that holds include/uapi/linux/{iommufd,vfio}.h
and drivers/iommu/iommufd/iommufd_test.h.
"""

import os
import re
import struct
import sys

HEADERS = {
    "iommufd": "include/uapi/linux/iommufd.h",
    "vfio": "include/uapi/linux/vfio.h",
    "test": "drivers/iommu/iommufd/iommufd_test.h",
}

# Headers that must cover Linux completely, and the one that is a subset.
FULL = ("iommufd", "test")
SUBSET = ("vfio",)

# Names we have and Linux 6.12.117 does not: the later upstream additions that
# the 6.12.117 selftests need (see shared/ref/iommufd.md, section 0).
ADDITIONS = {
    "iommufd": {
        "const IOMMU_HW_INFO_TYPE_DEFAULT",
        "enum iommufd_hw_info_flags",
        "const IOMMU_HW_INFO_FLAG_INPUT_TYPE",
        "member iommu_hw_info.in_data_type",
    },
    "test": {
        "const MOCK_FLAGS_DEVICE_PASID",
        "const MOCK_PASID_WIDTH",
    },
    "vfio": set(),
}

# Linux names we deliberately leave out of the full-coverage headers.
OMITTED = {"iommufd": set(), "test": set(), "vfio": None}

# The part of vfio.h this tree must provide.
VFIO_REQUIRED = {
    "const VFIO_API_VERSION", "const VFIO_TYPE", "const VFIO_BASE",
    "const VFIO_GET_API_VERSION", "const VFIO_CHECK_EXTENSION",
    "const VFIO_SET_IOMMU",
    "const VFIO_TYPE1_IOMMU", "const VFIO_TYPE1v2_IOMMU",
    "const VFIO_DMA_CC_IOMMU", "const VFIO_TYPE1_NESTING_IOMMU",
    "const VFIO_NOIOMMU_IOMMU", "const VFIO_UNMAP_ALL",
    "const VFIO_UPDATE_VADDR",
    "struct vfio_info_cap_header",
    "struct vfio_iommu_type1_info", "const VFIO_IOMMU_INFO_PGSIZES",
    "const VFIO_IOMMU_INFO_CAPS", "const VFIO_IOMMU_GET_INFO",
    "const VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE", "struct vfio_iova_range",
    "struct vfio_iommu_type1_info_cap_iova_range",
    "const VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION",
    "struct vfio_iommu_type1_info_cap_migration",
    "const VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL",
    "struct vfio_iommu_type1_info_dma_avail",
    "struct vfio_iommu_type1_dma_map", "const VFIO_IOMMU_MAP_DMA",
    "const VFIO_DMA_MAP_FLAG_READ", "const VFIO_DMA_MAP_FLAG_WRITE",
    "const VFIO_DMA_MAP_FLAG_VADDR",
    "struct vfio_iommu_type1_dma_unmap", "const VFIO_IOMMU_UNMAP_DMA",
    "const VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP",
    "const VFIO_DMA_UNMAP_FLAG_ALL", "const VFIO_DMA_UNMAP_FLAG_VADDR",
    "const VFIO_IOMMU_DIRTY_PAGES",
    "struct vfio_device_bind_iommufd", "const VFIO_DEVICE_BIND_IOMMUFD",
    "struct vfio_device_attach_iommufd_pt",
    "const VFIO_DEVICE_ATTACH_IOMMUFD_PT",
    "struct vfio_device_detach_iommufd_pt",
    "const VFIO_DEVICE_DETACH_IOMMUFD_PT",
    "struct vfio_device_info", "const VFIO_DEVICE_GET_INFO",
    "struct vfio_region_info", "const VFIO_DEVICE_GET_REGION_INFO",
}

# The table rows the additions must produce (x86_64 and i386 alike).  Text
# format as printed by abi-table.c.
EXTRA_EXPECT = {
    "const IOMMU_HW_INFO_TYPE_DEFAULT": "value=0 size=4 signed=1",
    "enum iommufd_hw_info_flags": "size=4",
    "const IOMMU_HW_INFO_FLAG_INPUT_TYPE": "value=1 size=4 signed=1",
    "member iommu_hw_info.in_data_type":
        "offset=24 size=4 align=4 type=u32 count=1",
    "const MOCK_FLAGS_DEVICE_PASID": "value=4 size=4 signed=1",
    "const MOCK_PASID_WIDTH": "value=20 size=4 signed=1",
}


# ---------------------------------------------------------------------------
# A parser for the restricted C of uapi headers.

class ParseError(Exception):
    pass


def strip_comments(text):
    out = []
    i = 0
    n = len(text)
    while i < n:
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise ParseError("unterminated comment")
            # keep line structure for the preprocessor pass
            out.append("\n" * text.count("\n", i, j + 2) or " ")
            i = j + 2
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


TOKEN_RE = re.compile(r"\s*(?:([A-Za-z_]\w*)|(0[xX][0-9a-fA-F]+\w*|\d+\w*)|"
                      r"(\"(?:\\.|[^\"\\])*\")|(<<|>>|[{}()\[\];,=*+\-|~<>&:?!/%^.]))")


def tokenize(text):
    toks = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN_RE.match(text, pos)
        if not m or m.end() == pos:
            raise ParseError("cannot tokenize near %r" % text[pos:pos + 40])
        toks.append(m.group(m.lastindex))
        pos = m.end()
    return toks


class Header:
    """Names and member lists found in one header."""

    def __init__(self, path):
        self.path = path
        self.defines = []      # object-like macro names, in order
        self.structs = []      # (tag, [member, ...]) in order
        self.enums = []        # enum tags
        self.consts = []       # enum constants, in order
        self.order = []        # ("struct"|"enum"|"const", name) in order
        self._parse(open(path).read())

    # --- preprocessor lines -------------------------------------------------
    def _parse(self, text):
        text = strip_comments(text).replace("\\\n", " ")
        guard = None
        body = []
        for line in text.split("\n"):
            s = line.strip()
            if not s.startswith("#"):
                body.append(line)
                continue
            m = re.match(r"#\s*ifndef\s+(\w+)", s)
            if m and guard is None:
                guard = m.group(1)
                continue
            m = re.match(r"#\s*define\s+(\w+)(\(?)(.*)$", s)
            if m:
                name, fn = m.group(1), m.group(2)
                if name == guard or fn:
                    continue
                self.defines.append(name)
                self.order.append(("const", name))
            # other directives (#include, #endif, ...) carry no ABI names
            body.append("")
        self.toks = tokenize("\n".join(body))
        self.pos = 0
        while self.pos < len(self.toks):
            self._toplevel()

    # --- declarations ---------------------------------------------------------
    def _peek(self, k=0):
        i = self.pos + k
        return self.toks[i] if i < len(self.toks) else None

    def _next(self):
        t = self._peek()
        if t is None:
            raise ParseError("%s: unexpected end of input" % self.path)
        self.pos += 1
        return t

    def _expect(self, t):
        got = self._next()
        if got != t:
            raise ParseError("%s: expected %r, got %r near %r" %
                             (self.path, t, got,
                              self.toks[self.pos - 5:self.pos + 5]))

    def _skip_balanced(self, open_t, close_t):
        depth = 0
        while True:
            t = self._next()
            if t == open_t:
                depth += 1
            elif t == close_t:
                depth -= 1
                if depth == 0:
                    return

    def _toplevel(self):
        t = self._peek()
        if t in ("struct", "union") and self._peek(2) == "{":
            self._next()
            tag = self._next()
            members = []
            self._body(members, "")
            self.structs.append((tag, members))
            self.order.append(("struct", tag))
            self._skip_decl_tail()
        elif t == "enum" and (self._peek(1) == "{" or self._peek(2) == "{"):
            self._next()
            if self._peek() != "{":
                tag = self._next()
                self.enums.append(tag)
                self.order.append(("enum", tag))
            self._enum_body()
            self._skip_decl_tail()
        else:
            # anything else (typedefs, prototypes) is skipped to its ';'
            while self._next() != ";":
                pass

    def _skip_decl_tail(self):
        while self._peek() != ";":
            if self._peek() == "(":
                self._skip_balanced("(", ")")
            else:
                self._next()
        self._next()

    def _enum_body(self):
        self._expect("{")
        while self._peek() != "}":
            name = self._next()
            self.consts.append(name)
            self.order.append(("const", name))
            depth = 0
            while True:
                t = self._peek()
                if t in ("(", "["):
                    depth += 1
                elif t in (")", "]"):
                    depth -= 1
                elif depth == 0 and t in (",", "}"):
                    break
                self._next()
            if self._peek() == ",":
                self._next()
        self._expect("}")

    def _body(self, members, prefix):
        """Parse '{ member-decls }' and append member records."""
        self._expect("{")
        while self._peek() != "}":
            self._member(members, prefix)
        self._expect("}")

    def _member(self, members, prefix):
        t = self._peek()
        if t in ("struct", "union") and (self._peek(1) == "{" or
                                         self._peek(2) == "{"):
            self._next()
            if self._peek() != "{":
                self._next()            # inline tag, ignored
            inner = []
            if self._peek(0) == "{":
                # decide named or anonymous after the body
                save = self.pos
                self._skip_balanced("{", "}")
                name = self._peek() if self._peek() != ";" else None
                self.pos = save
                if name is None:
                    self._body(members, prefix)
                else:
                    members.append({"path": prefix + name, "kind": "aggr"})
                    self._body(inner, prefix + name + ".")
                    members.extend(inner)
                    self._next()        # the name
                self._skip_decl_tail()
            return
        # ordinary declaration: type tokens, then declarators
        decl = []
        while self._peek() != ";":
            if self._peek() == "__attribute__":
                self._next()
                self._skip_balanced("(", ")")
                continue
            decl.append(self._next())
        self._next()
        for d in self._split(decl):
            members.append(self._declarator(d, prefix))

    @staticmethod
    def _split(decl):
        # "type a, b[2]" -> [["type", "a"], ["type", "b", "[", "2", "]"]]
        parts, cur = [], []
        for t in decl:
            if t == ",":
                parts.append(cur)
                cur = []
            else:
                cur.append(t)
        parts.append(cur)
        if len(parts) == 1:
            return parts
        first = parts[0]
        # type = everything before the first declarator's name
        idx = max(i for i, t in enumerate(first)
                  if re.match(r"[A-Za-z_]\w*$", t))
        typ = first[:idx]
        return [first] + [typ + p for p in parts[1:]]

    @staticmethod
    def _declarator(d, prefix):
        rec = {"kind": "scalar"}
        if "[" in d:
            i = d.index("[")
            dim = d[i + 1:d.index("]")]
            rec["kind"] = "flex" if not dim else "array"
            d = d[:i]
        if "*" in d:
            rec["kind"] = "pointer"
        if d[0] in ("struct", "union") and rec["kind"] == "scalar":
            rec["kind"] = "aggr"
        rec["path"] = prefix + d[-1]
        return rec

    # --- the flat name set ------------------------------------------------
    def names(self):
        s = set()
        for tag, members in self.structs:
            s.add("struct " + tag)
            for m in members:
                s.add("member %s.%s" % (tag, m["path"]))
        for tag in self.enums:
            s.add("enum " + tag)
        for c in self.consts + self.defines:
            s.add("const " + c)
        return s


# ---------------------------------------------------------------------------

ROWS_PRELUDE = """\
/* Generated by abi-gen.py: rows of the ABI table (see abi-table.c). */
#define ABI_TYPE(x) _Generic((x), __u8: 1, __u16: 2, __u32: 3, __u64: 4, \\
\t__s8: 5, __s16: 6, __s32: 7, __s64: 8, default: 0)
/* signed: an all-ones value of the constant's type shifts in sign bits */
#define ABI_SIGNED(c) (((__typeof__(c))-1 >> (sizeof(c) * 8 - 1)) != 1)

__attribute__((section("abi_table"), used, aligned(8)))
const struct abi_row abi_rows[] = {
"""


def row_lines(hdr, exclude):
    """C initializers of struct abi_row, in header order."""
    out = []
    members_of = dict(hdr.structs)
    for kind, name in hdr.order:
        if kind == "struct":
            # a shared struct can still have members only one side has
            if "struct " + name not in exclude:
                out.append('{ 1, "%s", { sizeof(struct %s), '
                           '__alignof__(struct %s) } },' %
                           (name, name, name))
            for m in members_of[name]:
                key = "member %s.%s" % (name, m["path"])
                if key in exclude:
                    continue
                ref = "((struct %s *)0)->%s" % (name, m["path"])
                elem = ref + "[0]" if m["kind"] in ("array", "flex") else ref
                typ = "0" if m["kind"] in ("aggr", "pointer") else \
                    "ABI_TYPE(%s)" % elem
                if m["kind"] == "flex":
                    size, align, count, flex = ("sizeof(%s)" % elem,
                                                "__alignof__(%s)" % elem,
                                                "0", "1")
                else:
                    size, align, flex = ("sizeof(%s)" % ref,
                                         "__alignof__(%s)" % ref, "0")
                    count = "sizeof(%s) / sizeof(%s)" % (ref, elem)
                out.append('{ 2, "%s.%s", { offsetof(struct %s, %s), %s, '
                           '%s, %s, %s, %s } },' %
                           (name, m["path"], name, m["path"], size, align,
                            typ, count, flex))
        elif kind == "enum":
            if "enum " + name not in exclude:
                out.append('{ 3, "%s", { sizeof(enum %s) } },' %
                           (name, name))
        else:
            if "const " + name not in exclude:
                out.append('{ 4, "%s", { (long long)(%s), sizeof(%s), '
                           'ABI_SIGNED(%s) } },' % (name, name, name, name))
    return out


def write_rows(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(ROWS_PRELUDE)
        f.write("\n".join(rows))
        f.write("\n{ 0 }\n};\n")


def cmd_items(args):
    opts = dict(zip(args[::2], args[1::2]))
    linux_root, ours_root, out = opts["--linux"], opts["--ours"], opts["--out"]
    os.makedirs(out, exist_ok=True)
    errors = []
    common, extra = [], []
    stats = {"struct": 0, "member": 0, "enum": 0, "const": 0}
    for key in ("iommufd", "vfio", "test"):
        lh = Header(os.path.join(linux_root, HEADERS[key]))
        oh = Header(os.path.join(ours_root, HEADERS[key]))
        ln, on = lh.names(), oh.names()
        only_ours = on - ln
        only_linux = ln - on
        if key in FULL:
            missing = only_linux - OMITTED[key]
            for n in sorted(missing):
                errors.append("%s: Linux has %s, ours lacks it" % (key, n))
        else:
            for n in sorted(VFIO_REQUIRED - on):
                errors.append("%s: required %s is missing" % (key, n))
        unexpected = only_ours - ADDITIONS[key]
        for n in sorted(unexpected):
            errors.append("%s: ours has %s, which Linux does not" % (key, n))
        for n in sorted(ADDITIONS[key] - only_ours):
            errors.append("%s: documented addition %s not found" % (key, n))
        common += ["/* %s */" % HEADERS[key]] + row_lines(oh, only_ours)
        extra += row_lines(oh, on - only_ours)
        for n in on & ln:
            stats[n.split()[0]] += 1
        print("abi: %-8s linux %3d names, ours %3d, shared %3d, "
              "ours-only %d%s" %
              (key, len(ln), len(on), len(on & ln), len(only_ours),
               ", linux-only %d (subset header)" % len(only_linux)
               if key in SUBSET else ""))
    write_rows(os.path.join(out, "rows-linux", "abi-rows.h"), common)
    write_rows(os.path.join(out, "rows-ours", "abi-rows.h"), common + extra)
    with open(os.path.join(out, "stats.txt"), "w") as f:
        f.write("structs=%(struct)d members=%(member)d enums=%(enum)d "
                "constants=%(const)d\n" % stats)
    for e in errors:
        print("abi: FAIL " + e)
    return 1 if errors else 0


# Row layout of abi-table.c's struct abi_row, little-endian.
ROW_NAME = 124
ROW_FMT = "<I%ds6q" % ROW_NAME     # kind, name, six values: 176 bytes
KINDS = {1: "struct", 2: "member", 3: "enum", 4: "const"}
TYPES = {0: "aggr", 1: "u8", 2: "u16", 3: "u32", 4: "u64", 5: "s8",
         6: "s16", 7: "s32", 8: "s64", 9: "ptr"}


def format_row(kind, name, v):
    k = KINDS[kind]
    if k == "struct":
        rest = "size=%d align=%d" % (v[0], v[1])
    elif k == "member":
        rest = "offset=%d size=%d align=%d type=%s count=%d" % (
            v[0], v[1], v[2], TYPES[v[3]], v[4])
        if v[5]:
            rest += " flex"
    elif k == "enum":
        rest = "size=%d" % v[0]
    else:
        rest = "value=%d size=%d signed=%d" % (v[0], v[1], v[2])
    return "%s %s %s" % (k, name, rest)


def cmd_decode(args):
    data = open(args[0], "rb").read()
    size = struct.calcsize(ROW_FMT)
    if len(data) % size:
        print("abi: decode: %d bytes is not a whole number of rows" %
              len(data))
        return 1
    for off in range(0, len(data), size):
        kind, name, *v = struct.unpack_from(ROW_FMT, data, off)
        if kind == 0:
            continue
        print(format_row(kind, name.rstrip(b"\0").decode(), v))
    return 0


def load_table(path):
    rows = {}
    for line in open(path):
        kind, name, rest = line.rstrip("\n").split(" ", 2)
        rows["%s %s" % (kind, name)] = rest
    return rows


def cmd_compare(args):
    linux, ours = load_table(args[0]), load_table(args[1])
    bad = 0
    for key, val in linux.items():
        if key not in ours:
            print("abi: MISSING %s (linux: %s)" % (key, val))
            bad += 1
        elif ours[key] != val:
            print("abi: MISMATCH %s\n       linux: %s\n       ours:  %s" %
                  (key, val, ours[key]))
            bad += 1
    for key in sorted(set(ours) - set(linux)):
        want = EXTRA_EXPECT.get(key)
        if want is None:
            print("abi: UNEXPECTED %s %s" % (key, ours[key]))
            bad += 1
        elif ours[key] != want:
            print("abi: MISMATCH %s (addition)\n       want: %s\n"
                  "       ours: %s" % (key, want, ours[key]))
            bad += 1
    counts = {}
    for key in linux:
        counts[key.split()[0]] = counts.get(key.split()[0], 0) + 1
    extra = len(set(ours) - set(linux))
    print("abi: compared %d rows (%d structs, %d members, %d enums, "
          "%d constants) plus %d additions: %d mismatches" %
          (len(linux), counts.get("struct", 0), counts.get("member", 0),
           counts.get("enum", 0), counts.get("const", 0), extra, bad))
    return 1 if bad else 0


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd = {"items": cmd_items, "decode": cmd_decode,
           "compare": cmd_compare}.get(argv[1])
    if cmd is None:
        print(__doc__)
        return 2
    try:
        return cmd(argv[2:])
    except ParseError as e:
        print("abi: parse error: %s" % e)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
