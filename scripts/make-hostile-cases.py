#!/usr/bin/env python3
"""Writes the hostile inputs of issue 14 into a folder (scripts/hostile-check.sh runs them).

Usage: make-hostile-cases.py DIR [--big]
Without --big only the small cases are made; --big adds the 120 MB PNG of 8 million tEXt
chunks, a 63 MB PNG with 64 hard links to it, the 200,000-sampler / 30,000-subgraph graphs and
1,000 instances of a 100,000-link subgraph.
Nothing here is committed as a file: every case is generated.
"""
import json
import os
import struct
import sys
import zlib


def chained_ifds(n):
    """Big-endian TIFF: IFD0 starts a chain of n IFDs, one PageNumber tag each."""
    b = bytearray(b"MM\x00\x2a" + struct.pack(">I", 8))
    off = 8
    for i in range(n):
        nxt = off + 18 if i < n - 1 else 0
        b += struct.pack(">H", 1) + struct.pack(">HHII", 0x0129, 3, 2, 0) + struct.pack(">I", nxt)
        off = nxt
    return bytes(b)


def seg(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_with_exif(tiff):
    return b"\xff\xd8" + seg(0xE1, b"Exif\x00\x00" + tiff) + seg(0xDA, bytes([1, 1, 0, 0, 0x3F, 0])) + b"\x12\x34\xff\xd9"


def riff_chunk(cid, data):
    return cid + struct.pack("<I", len(data)) + data + (b"\0" if len(data) % 2 else b"")


def webp_with_exif(tiff):
    vp8l = bytes([0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0])
    body = b"WEBP" + riff_chunk(b"VP8L", vp8l) + riff_chunk(b"EXIF", tiff)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def png_chunk(ctype, data):
    return struct.pack(">I", len(data)) + ctype + data + struct.pack(">I", zlib.crc32(ctype + data) & 0xFFFFFFFF)


PNG_SIG = b"\x89PNG\r\n\x1a\n"
IHDR = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
IDAT = png_chunk(b"IDAT", zlib.compress(b"\x00\x00"))
IEND = png_chunk(b"IEND", b"")


def api_prompt(extra_inputs=None, samplers=1):
    g = {"0": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "a.safetensors"}},
         "p": {"class_type": "CLIPTextEncode", "inputs": {"text": "cat", "clip": ["0", 1]}},
         "l": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}}}
    prev = "l"
    for i in range(1, samplers + 1):
        inputs = {"model": ["0", 0], "positive": ["p", 0], "negative": ["p", 0], "latent_image": [prev, 0], "seed": i,
                  "steps": 20, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0}
        if extra_inputs and i == 1:
            inputs.update(extra_inputs)
        g[str(i)] = {"class_type": "KSampler", "inputs": inputs}
        prev = str(i)
    g["d"] = {"class_type": "VAEDecode", "inputs": {"samples": [prev, 0], "vae": ["0", 2]}}
    g["s"] = {"class_type": "SaveImage", "inputs": {"images": ["d", 0]}}
    return g


def deep_prompt(depth):
    return json.dumps(api_prompt()).replace('"seed": 1,', '"seed": 1, "weird": ' + "[" * depth + "]" * depth + ",", 1)


def write(d, name, data):
    with open(os.path.join(d, name), "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def main():
    d = sys.argv[1]
    big = "--big" in sys.argv
    os.makedirs(d, exist_ok=True)
    write(d, "ifd-chain-3639.jpg", jpeg_with_exif(chained_ifds(3639)))
    write(d, "ifd-chain-6000.webp", webp_with_exif(chained_ifds(6000)))
    write(d, "deep-1990.json", deep_prompt(1990))
    write(d, "deep-2100.json", deep_prompt(2100))
    write(d, "good.json", json.dumps(api_prompt()))
    esc = api_prompt()
    esc["p"]["inputs"]["text"] = "red \x1b[31mcat\x1b]0;pwned\x07 \x9b2J end"
    write(d, "esc.json", json.dumps(esc))
    # 300 zTXt chunks that each inflate past the 64 MiB per-chunk limit (refused bombs)
    bomb = zlib.compressobj(9)
    data = bomb.compress(b"\0" * (65 << 20)) + bomb.flush()
    ztxt = png_chunk(b"zTXt", b"parameters\x00\x00" + data)
    write(d, "ztxt-bombs-300.png", PNG_SIG + IHDR + ztxt * 300 + IDAT + IEND)
    if big:
        write(d, "samplers-200000.json", json.dumps(api_prompt(samplers=200000)))
        # 30,000 distinct subgraphs, each holding an instance of the next
        defs = []
        for k in range(30000):
            inner = [{"id": 1, "type": "s%d" % (k + 1) if k < 29999 else "CLIPTextEncode", "widgets_values": ["x"]}]
            defs.append({"id": "s%d" % k, "nodes": inner, "links": [], "inputs": [], "outputs": []})
        write(d, "subgraph-chain-30000.json", json.dumps({"nodes": [{"id": 1, "type": "s0"}], "links": [], "definitions": {"subgraphs": defs}}))
        # 1,000 instances of one subgraph of 2 nodes joined by 100,000 links (links count toward the cap)
        inner = [{"id": 1, "type": "PrimitiveInt", "mode": 0, "inputs": [], "outputs": [], "widgets_values": [1, "fixed"]},
                 {"id": 2, "type": "PreviewAny", "mode": 0, "outputs": [],
                  "inputs": [{"name": "source", "type": "*", "link": 1}]}]
        links = [{"id": i, "origin_id": 1, "origin_slot": 0, "target_id": 2, "target_slot": 0, "type": "INT"}
                 for i in range(1, 100001)]
        sg = {"id": "sg-links", "nodes": inner, "links": links, "inputs": [], "outputs": []}
        top = [{"id": 100 + i, "type": "sg-links", "mode": 0, "inputs": [], "outputs": []} for i in range(1000)]
        write(d, "subgraph-links-1000x100000.json", json.dumps({"nodes": top, "links": [], "definitions": {"subgraphs": [sg]}}))
        # 8 million tiny tEXt chunks (120 MB)
        with open(os.path.join(d, "text-chunks-8m.png"), "wb") as f:
            f.write(PNG_SIG + IHDR)
            chunk = png_chunk(b"tEXt", b"a\x00b")
            block = chunk * 100000
            for _ in range(80):
                f.write(block)
            f.write(IDAT + IEND)
        # one valid 63 MB PNG (a 63 MB IDAT of stored zlib blocks), and 64 hard links to it
        os.makedirs(os.path.join(d, "png-63mb-x64"), exist_ok=True)
        first = os.path.join(d, "png-63mb-x64", "p00.png")
        meta = png_chunk(b"tEXt", b"prompt\x00" + json.dumps(api_prompt()).encode())
        with open(first, "wb") as f:
            f.write(PNG_SIG + IHDR + meta)
            payload = os.urandom(1 << 20)
            for _ in range(63):
                f.write(png_chunk(b"IDAT", payload))
            f.write(IDAT + IEND)
        for i in range(1, 64):
            link = os.path.join(d, "png-63mb-x64", "p%02d.png" % i)
            if not os.path.exists(link):
                os.link(first, link)


if __name__ == "__main__":
    main()
