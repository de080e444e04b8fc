"""Minimal reader/writer for ICU resource-bundle text.

* ``parse_derb(text)`` reads the text that ``derb`` prints for a compiled
  ``.res`` file (ICU 72's own zoneinfo64 / metaZones / timezoneTypes /
  windowsZones are read this way).
* ``write_genrb(name, node)`` writes ``genrb`` source text.

Nodes are plain tuples so that they are easy to build and compare:

    ("table", dict)        keys kept in insertion order, written sorted
    ("array", list)
    ("str", str)
    ("int", int)
    ("intvector", [int, ...])
    ("bin", bytes)

Standard library only.
"""

import re

__all__ = ["parse_derb", "write_genrb", "table", "array", "s", "to_signed32"]


def to_signed32(v):
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


def table(d=None):
    return ("table", dict(d or {}))


def array(items=None):
    return ("array", list(items or []))


def s(text):
    return ("str", text)


# ---------------------------------------------------------------------------
# derb text -> nodes

_TYPED_KEY = re.compile(r"^(?P<key>.*?):(?P<type>int|intvector|binary|bin|alias|string|table|array)$")


def _unquote(text):
    if not (len(text) >= 2 and text[0] == '"' and text[-1] == '"'):
        raise ValueError("expected a quoted string, got %r" % text)
    body = text[1:-1]
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            n = body[i + 1]
            if n == "u":
                out.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
                continue
            if n == "U":
                out.append(chr(int(body[i + 2:i + 10], 16)))
                i += 10
                continue
            out.append({"n": "\n", "t": "\t", "r": "\r"}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _split_key(prefix):
    prefix = prefix.strip()
    m = _TYPED_KEY.match(prefix)
    if m:
        return m.group("key").strip(), m.group("type")
    return prefix, None


def _leaf(rtype, body):
    body = body.strip()
    if rtype == "int":
        return ("int", to_signed32(int(body)))
    if rtype == "intvector":
        vals = [v.strip() for v in body.split(",") if v.strip()]
        return ("intvector", [to_signed32(int(v)) for v in vals])
    if rtype in ("binary", "bin"):
        hexs = body.replace(" ", "").strip('"')
        return ("bin", bytes.fromhex(hexs))
    if rtype == "alias":
        raise ValueError("alias resources are not supported")
    return ("str", _unquote(body))


def parse_derb(text):
    """Parse derb output; returns (name, node) of the top-level resource."""
    stack = []  # list of [key, children(list of (key, node))]
    top = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        if line == "}":
            key, children = stack.pop()
            keyed = [k for k, _ in children if k != ""]
            if children and not keyed:
                node = ("array", [n for _, n in children])
            elif len(keyed) != len(children):
                raise ValueError("mixed keyed/unkeyed children under %r" % key)
            else:
                node = ("table", {k: n for k, n in children})
            if stack:
                stack[-1][1].append((key, node))
            else:
                top = (key, node)
            continue
        if line.endswith("{"):
            key, _ = _split_key(line[:-1])
            stack.append([key, []])
            continue
        if line.startswith('"') and line.endswith(","):
            stack[-1][1].append(("", ("str", _unquote(line[:-1].strip()))))
            continue
        m = re.match(r"^(?P<prefix>[^{]*)\{(?P<body>.*)\}$", line)
        if not m:
            raise ValueError("cannot parse derb line: %r" % raw)
        key, rtype = _split_key(m.group("prefix"))
        stack[-1][1].append((key, _leaf(rtype, m.group("body"))))
    if stack or top is None:
        raise ValueError("unbalanced derb text")
    return top


# ---------------------------------------------------------------------------
# nodes -> genrb source text

_BARE_KEY = re.compile(r"^[A-Za-z0-9_]+$")


def _quote(text):
    out = ['"']
    for c in text:
        if c in '"\\':
            out.append("\\" + c)
        elif 0x20 <= ord(c) < 0x7F:
            out.append(c)
        elif ord(c) <= 0xFFFF:
            out.append("\\u%04X" % ord(c))
        else:
            out.append("\\U%08X" % ord(c))
    out.append('"')
    return "".join(out)


def _key(key):
    return key if _BARE_KEY.match(key) else _quote(key)


def _wrap_ints(values, indent, per_line=10):
    if len(values) <= per_line:
        return " " + ", ".join(str(v) for v in values) + " "
    lines = []
    for i in range(0, len(values), per_line):
        chunk = ", ".join(str(v) for v in values[i:i + per_line])
        lines.append(indent + "    " + chunk + ("," if i + per_line < len(values) else ""))
    return "\n" + "\n".join(lines) + "\n" + indent


def _emit(out, key, node, indent, comment=None):
    kind, val = node
    k = _key(key) if key else ""
    tail = (" // " + comment) if comment else ""
    if kind == "str":
        out.append("%s%s{%s}%s" % (indent, k, _quote(val), tail))
    elif kind == "int":
        out.append("%s%s:int{%d}%s" % (indent, k, val, tail))
    elif kind == "intvector":
        out.append("%s%s:intvector{%s}%s" % (indent, k, _wrap_ints(val, indent), tail))
    elif kind == "bin":
        out.append('%s%s:bin{"%s"}%s' % (indent, k, val.hex(), tail))
    elif kind == "table":
        out.append("%s%s:table{%s" % (indent, k, tail))
        for ck in sorted(val):
            _emit(out, ck, val[ck], indent + "    ")
        out.append(indent + "}")
    elif kind == "array":
        out.append("%s%s:array{%s" % (indent, k, tail))
        for child in val:
            if child[0] == "str":
                out.append("%s    %s," % (indent, _quote(child[1])))
            else:
                _emit(out, "", child, indent + "    ")
        out.append(indent + "}")
    else:
        raise ValueError("unknown node kind %r" % kind)


def write_genrb(name, node, header_lines=(), comments=None):
    """Return genrb source for a top-level table ``name``.

    ``comments`` may map an (array key, index) pair to a trailing comment,
    used to label the entries of zoneinfo64's Zones/Regions arrays.
    """
    kind, val = node
    if kind != "table":
        raise ValueError("top-level resource must be a table")
    comments = comments or {}
    out = ["// " + h if h else "//" for h in header_lines]
    out.append("%s:table(nofallback){" % name)
    for key in sorted(val):
        child = val[key]
        if child[0] == "array" and any((key, i) in comments for i in range(len(child[1]))):
            out.append("    %s:array{" % _key(key))
            for i, item in enumerate(child[1]):
                c = comments.get((key, i))
                if item[0] == "str":
                    out.append("        %s,%s" % (_quote(item[1]), (" // " + c) if c else ""))
                else:
                    _emit(out, "", item, "        ", c)
            out.append("    }")
        else:
            _emit(out, key, child, "    ")
    out.append("}")
    return "\n".join(out) + "\n"
