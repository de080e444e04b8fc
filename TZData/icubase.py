#!/usr/bin/env python3
"""Extract ICU's own time-zone resources from the installed ICU data library.

ICU's common data is linked into libicudata.so.NN as one symbol,
icudtNN_dat, holding a .dat package.  This script copies that package out of
the shared library (ELF symbol table lookup), lists it with icupkg, extracts
zoneinfo64.res, metaZones.res, timezoneTypes.res and windowsZones.res, and
prints each as text with derb.  Those texts are the starting point of the
rebuilt resources (legacy zone IDs, CLDR metadata).

Usage: icubase.py --out DIR [--lib /path/to/libicudata.so.72] [--icu-major 72]
Standard library only; needs icupkg and derb (icu-devtools) on PATH.
"""

import argparse
import glob
import hashlib
import os
import struct
import subprocess
import sys

RESOURCES = ["zoneinfo64", "metaZones", "timezoneTypes", "windowsZones"]


def elf_symbol(path, wanted):
    """(file offset, size) of a dynamic symbol in an ELF64 little-endian file."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("%s: not a 64-bit little-endian ELF file" % path)
    e_shoff, = struct.unpack_from("<Q", data, 0x28)
    e_shentsize, e_shnum, e_shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    sections = []
    for i in range(e_shnum):
        off = e_shoff + i * e_shentsize
        (name, stype, flags, addr, offset, size, link, info, align,
         entsize) = struct.unpack_from("<IIQQQQIIQQ", data, off)
        sections.append((name, stype, addr, offset, size, link, entsize))
    for sec in sections:
        if sec[1] not in (2, 11):       # SHT_SYMTAB, SHT_DYNSYM
            continue
        _, _, _, off, size, link, entsize = sec
        strtab = sections[link]
        for j in range(size // entsize):
            st_name, st_info, st_other, st_shndx, st_value, st_size = \
                struct.unpack_from("<IBBHQQ", data, off + j * entsize)
            s0 = strtab[3] + st_name
            name = data[s0:data.index(b"\0", s0)].decode("ascii", "replace")
            if name == wanted:
                target = sections[st_shndx]
                return st_value - target[2] + target[3], st_size, data
    raise ValueError("%s: symbol %s not found" % (path, wanted))


def find_lib(major):
    candidates = []
    for d in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
              "/usr/lib", "/usr/local/lib"):
        candidates += glob.glob(os.path.join(d, "libicudata.so.%s*" % major))
    candidates = sorted(set(os.path.realpath(c) for c in candidates))
    if not candidates:
        raise ValueError("libicudata.so.%s not found; pass --lib" % major)
    return candidates[0]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--lib")
    ap.add_argument("--icu-major", default="72")
    args = ap.parse_args(argv)
    lib = args.lib or find_lib(args.icu_major)
    sym = "icudt%s_dat" % args.icu_major
    off, size, data = elf_symbol(lib, sym)
    pkg = data[off:off + size]
    if pkg[2:4] != b"\xda\x27" or pkg[12:16] != b"CmnD":
        raise ValueError("%s in %s is not an ICU .dat package" % (sym, lib))
    os.makedirs(args.out, exist_ok=True)
    dat = os.path.join(args.out, "icudt%sl.dat" % args.icu_major)
    with open(dat, "wb") as f:
        f.write(pkg)
    listing = subprocess.run(["icupkg", "-l", dat], check=True, capture_output=True,
                             text=True).stdout.split()
    resdir = os.path.join(args.out, "res")
    os.makedirs(resdir, exist_ok=True)
    for name in RESOURCES:
        item = name + ".res"
        if item not in listing:
            raise ValueError("%s not in %s" % (item, lib))
        subprocess.run(["icupkg", "-x", item, "-d", resdir, dat], check=True)
        subprocess.run(["derb", "-i", ".", "-d", os.path.abspath(args.out), item],
                       check=True, capture_output=True, cwd=resdir)
        if not os.path.exists(os.path.join(args.out, name + ".txt")):
            raise ValueError("derb did not write %s.txt" % name)
        with open(os.path.join(resdir, item), "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        print("icubase: %s from %s (sha256 %s)" % (item, os.path.basename(lib), digest))
    os.remove(dat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
