#!/usr/bin/env python3
"""Writes a macOS .icns icon from square PNGs: icns.py out.icns a.png b.png ...

An .icns file is a 'icns' header (magic, total length) and one entry per image (4-byte type,
length including the 8-byte entry header, data). Since macOS 10.7 an entry may hold a PNG as is,
so no image codec is needed; the entry type says the size in points and the scale. Written here
because ImageMagick 6 cannot write .icns and iconutil exists only on macOS.
"""
import struct
import sys

# pixel size -> the entry types that hold a PNG of that size (1x, and 2x of half the size)
TYPES = {16: ["icp4"], 32: ["icp5", "ic11"], 64: ["icp6", "ic12"], 128: ["ic07"],
         256: ["ic08", "ic13"], 512: ["ic09", "ic14"], 1024: ["ic10"]}


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise SystemExit("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    if width != height or width not in TYPES:
        raise SystemExit(f"a {width}x{height} PNG has no .icns entry (square, 16-1024 px)")
    return width


def main(out, pngs):
    entries = b""
    for path in pngs:
        with open(path, "rb") as f:
            data = f.read()
        for kind in TYPES[png_size(data)]:
            entries += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", 8 + len(entries)) + entries)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2:])
