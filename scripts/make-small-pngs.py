#!/usr/bin/env python3
"""Writes small ComfyUI PNGs for scripts/bench.sh: each bundled ce_*.png fixture's text chunks
(prompt, workflow: the real metadata, byte for byte) in front of a 24x24 noise image, so the
files are 4-20 KB like crops or thumbnails. Usage: make-small-pngs.py OUT_DIR COPIES FIXTURE..."""
import os, random, struct, sys, zlib

def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)

def text_chunks(path):
    b = open(path, 'rb').read()
    p, out = 8, []
    while p < len(b):
        n, = struct.unpack('>I', b[p:p + 4])
        if b[p + 4:p + 8] in (b'tEXt', b'zTXt', b'iTXt'):
            out.append(b[p:p + 12 + n])
        p += 12 + n
    return out

def small_png(texts, seed):
    rnd = random.Random(seed)
    w = h = 24
    raw = b''.join(b'\0' + bytes(rnd.randrange(256) for _ in range(w * 3)) for _ in range(h))
    ihdr = struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + b''.join(texts)
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))

out_dir, copies, fixtures = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
os.makedirs(out_dir, exist_ok=True)
for f in fixtures:
    name = os.path.splitext(os.path.basename(f))[0]
    data = small_png(text_chunks(f), name)
    first = os.path.join(out_dir, f'{name}_small_0.png')
    open(first, 'wb').write(data)
    for i in range(1, copies):
        os.link(first, os.path.join(out_dir, f'{name}_small_{i}.png'))
