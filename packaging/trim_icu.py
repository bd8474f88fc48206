"""Rebuilds Qt's ICU data library (libicudata, 31 MB) with only what a Dutch app needs.

Qt 6 links ICU for collation (Dutch sorting), normalisation and legacy text codecs. Its data
library holds every language of the world; this keeps the root data, Dutch and English, the
collation tables, normalisation, converters and time-zone rules, and drops the other
languages' locale data and the Asian word-break dictionaries. The result is the same
library (soname, one symbol ``icudtNN_dat``) with a smaller data package inside.

Usage: trim_icu.py LIBICUDATA OUTDIR  (prints the path of the trimmed library).
Needs icupkg (package icu-devtools) and a C compiler.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("root", "nl", "en")
# Locale-named resources: "nl.res", "coll/nl_BE.res", "zone/en_GB.res" (language 2-3 letters).
LOCALE_ITEM = re.compile(r"^(?:[a-z]+/)?([a-z]{2,3}|root)(?:_[A-Za-z0-9]*)*\.res$")
NOT_LOCALES = {"res_index", "pool"}  # indexes and shared string pools stay


def drop(item: str) -> bool:
    m = LOCALE_ITEM.match(item)
    if m is None or Path(item).stem in NOT_LOCALES:
        return False
    return m.group(1) not in KEEP_LANGUAGES


def data_symbol(lib: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size in the library."""
    symbols = subprocess.run(["objdump", "-T", str(lib)], capture_output=True, text=True).stdout
    for line in symbols.splitlines():
        parts = line.split()
        if parts and re.fullmatch(r"icudt\d+_dat", parts[-1]):
            address, size, name = int(parts[0], 16), int(parts[-2], 16), parts[-1]
            break
    else:
        raise SystemExit(f"trim_icu: no icudtNN_dat symbol in {lib}")
    sections = subprocess.run(["readelf", "-SW", str(lib)], capture_output=True, text=True).stdout
    for line in sections.splitlines():
        m = re.search(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m and int(m.group(2), 16) <= address < int(m.group(2), 16) + int(m.group(4), 16):
            return name, address - int(m.group(2), 16) + int(m.group(3), 16), size
    raise SystemExit(f"trim_icu: {name} lies in no section of {lib}")


def trim(lib: Path, outdir: Path) -> Path:
    name, offset, size = data_symbol(lib)
    soname = lib.name
    work = Path(tempfile.mkdtemp(prefix="trim-icu-"))
    full = work / f"{name[:-4]}l.dat"
    with lib.open("rb") as f:
        f.seek(offset)
        full.write_bytes(f.read(size))
    items = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True, check=True)
    dropped = [i for i in items.stdout.split() if drop(i)]
    (work / "drop.txt").write_text("\n".join(dropped) + "\n")
    # The package's file name is its item prefix ("icudt73l/coll/root.res"): keep it.
    small = work / "small" / full.name
    small.parent.mkdir()
    subprocess.run(["icupkg", "-r", str(work / "drop.txt"), str(full), str(small)], check=True)
    asm = work / "data.S"
    asm.write_text(
        f".section .rodata\n.globl {name}\n.type {name}, @object\n.balign 16\n{name}:\n"
        f'.incbin "{small}"\n.size {name}, .-{name}\n.section .note.GNU-stack,"",@progbits\n'
    )
    outdir.mkdir(parents=True, exist_ok=True)
    out = outdir / soname
    subprocess.run(
        ["cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out), str(asm)],
        check=True,
    )
    return out


if __name__ == "__main__":
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
