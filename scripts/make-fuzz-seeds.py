#!/usr/bin/env python3
"""Regenerates the seed corpora of the container fuzz tests from the bundled fixtures.

Seeds are the fixtures with their pixel data cut down to a few bytes (a fuzzer wants small
inputs; the readers never decode pixels), plus a few hand-made variants of the structures the
readers must survive: compressed text chunks, a bad CRC, EXIF written by ExifTool.
Run from the repository root: python3 scripts/make-fuzz-seeds.py
"""
import os, struct, subprocess, tempfile, zlib

FIX = "src/test/resources/fixtures/images"
OUT = "src/test/resources/com/samplerlens/fuzz/ContainerReaderFuzzTestInputs"


def png_chunks(b):
    pos, out = 8, []
    while pos + 12 <= len(b):
        n = struct.unpack(">I", b[pos:pos + 4])[0]
        out.append((b[pos + 4:pos + 8], b[pos + 8:pos + 8 + n]))
        pos += 12 + n
    return out


def png_chunk(t, data, crc=None):
    c = zlib.crc32(t + data) if crc is None else crc
    return struct.pack(">I", len(data)) + t + data + struct.pack(">I", c)


def png(chunks):
    return b"\x89PNG\r\n\x1a\n" + b"".join(png_chunk(t, d) for t, d in chunks)


def small_png(name):
    """The fixture's chunks in order, IDAT cut to one 16-byte chunk."""
    out, idat = [], False
    for t, d in png_chunks(open(os.path.join(FIX, name), "rb").read()):
        if t == b"IDAT":
            if not idat:
                out.append((t, d[:16]))
            idat = True
        else:
            out.append((t, d))
    return out


def riff(chunks):
    body = b"WEBP"
    for cid, data in chunks:
        body += cid + struct.pack("<I", len(data)) + data + (b"\0" if len(data) & 1 else b"")
    return b"RIFF" + struct.pack("<I", len(body)) + body


def webp_chunks(b):
    pos, out = 12, []
    while pos + 8 <= len(b):
        n = struct.unpack("<I", b[pos + 4:pos + 8])[0]
        out.append((b[pos:pos + 4], b[pos + 8:pos + 8 + n]))
        pos += 8 + n + (n & 1)
    return out


def small_webp(name, max_exif=None):
    """Header chunks and EXIF kept; image data cut to 32 bytes; at most one animation frame."""
    out, frames = [], 0
    for cid, d in webp_chunks(open(os.path.join(FIX, name), "rb").read()):
        if cid == b"ANMF":
            frames += 1
            if frames > 1:
                continue
            d = d[:48]
        elif cid in (b"VP8 ", b"VP8L", b"ALPH"):
            d = d[:32]
        elif cid == b"EXIF" and max_exif:
            d = d[:max_exif]
        out.append((cid, d))
    return out


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def remove_seeds(folder):
    """Removes earlier seeds only: crash-* and other findings are regression cases and stay."""
    for root, _, files in os.walk(folder):
        for f in files:
            if f.startswith("seed-"):
                os.remove(os.path.join(root, f))


def main():
    remove_seeds(OUT)
    # PNG
    for f in sorted(os.listdir(FIX)):
        if f.startswith("sdp_") and f.endswith(".png"):
            write("png", "seed-" + f, open(os.path.join(FIX, f), "rb").read())
    lora = small_png("ce_lora.png")
    write("png", "seed-ce_lora-small.png", png(lora))
    prompt = next(d for t, d in lora if t == b"tEXt" and d.startswith(b"prompt\0"))
    text = prompt[len(b"prompt\0"):]
    ihdr, iend = lora[0], lora[-1]
    idat = next(c for c in lora if c[0] == b"IDAT")
    write("png", "seed-ztxt.png", png([ihdr, (b"zTXt", b"prompt\0\0" + zlib.compress(text)), idat, iend]))
    write("png", "seed-itxt-compressed.png", png([ihdr, (b"iTXt", b"prompt\0\1\0en\0prompt\0" + zlib.compress(text)), idat, iend]))
    write("png", "seed-itxt-plain.png", png([ihdr, (b"iTXt", b"parameters\0\0\0\0\0" + "Steps: 20, Sampler: Euler a, ü".encode()), idat, iend]))
    bad = png_chunk(*ihdr) + png_chunk(b"tEXt", b"prompt\0" + text, crc=0) + png_chunk(*idat) + png_chunk(*iend)
    write("png", "seed-bad-crc.png", b"\x89PNG\r\n\x1a\n" + bad)
    # JPEG
    jpg = open(os.path.join(FIX, "sdp_automatic1111_cropped.jpg"), "rb").read()
    write("jpeg", "seed-sdp_automatic1111_cropped.jpg", jpg)
    with tempfile.TemporaryDirectory() as tmp:
        p = os.path.join(tmp, "comfy.jpg")
        open(p, "wb").write(jpg)
        subprocess.run(["exiftool", "-q", "-overwrite_original", "-all=",
                        "-Model=prompt:" + text.decode("latin-1")[:600],
                        "-Make=workflow:{\"nodes\":[],\"links\":[]}",
                        "-UserComment=a cat, ü\nSteps: 20, Sampler: euler, CFG scale: 7, Seed: 1",
                        "-Comment=Steps: 20", p], check=True)
        write("jpeg", "seed-exiftool-comfy.jpg", open(p, "rb").read())
    # WebP
    write("webp", "seed-flux_kontext-small.webp", riff(small_webp("ce_flux_kontext_example_comic.webp")))
    write("webp", "seed-wan-small.webp", riff(small_webp("ce_wan_text_to_video_wan.webp", 4000)))


if __name__ == "__main__":
    main()


def ui_seeds():
    """UI workflows, minified: the smaller fixtures, then ones with muted/bypassed nodes,
    reroutes and subgraphs, plus hand-made hostile shapes."""
    import json
    src = "src/test/resources/fixtures/workflows/ui"
    out = "src/test/resources/com/samplerlens/fuzz/WorkflowFuzzTestInputs/uiWorkflow"
    remove_seeds(out)
    os.makedirs(out, exist_ok=True)
    for f in ["ce_wan22_text_to_video_wan22_5B.json", "ce_wan22_image_to_video_wan22_14B.json",
              "kj_wanvideo_2_1_14B_T2V_example_03.json", "kj_wanvideo_2_2_Fun_control_camera_example_01.json",
              "kj_wanvideo_2_1_14B_skyreels_diffusion_forcing_extension_example_01.json",
              "kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json"]:
        d = json.load(open(os.path.join(src, f)))
        open(os.path.join(out, "seed-" + f), "w").write(json.dumps(d, separators=(",", ":")))
    hostile = {
        "link-cycle": {"nodes": [{"id": 1, "type": "LoraLoader", "inputs": [{"name": "model", "type": "MODEL", "link": 1}], "outputs": [{"type": "MODEL"}]},
                                 {"id": 2, "type": "LoraLoader", "inputs": [{"name": "model", "type": "MODEL", "link": 2}], "outputs": [{"type": "MODEL"}]}],
                       "links": [[1, 2, 0, 1, 0, "MODEL"], [2, 1, 0, 2, 0, "MODEL"]]},
        "missing-and-string-ids": {"nodes": [{"id": "a", "type": "KSampler", "inputs": [{"name": "model", "type": "MODEL", "link": 7}], "widgets_values": [1, "fixed", 20, 8.0, "euler", "normal", 1.0]}],
                                   "links": [[7, 99, 0, "a", 0, "MODEL"], ["x", 1, 0, 1, 0]]},
        "subgraph-self": {"nodes": [{"id": 1, "type": "sg-1", "inputs": [], "outputs": []}], "links": [],
                          "definitions": {"subgraphs": [{"id": "sg-1", "nodes": [{"id": 1, "type": "sg-1"}], "links": [], "inputs": [], "outputs": []}]}},
        "reroute-loop": {"nodes": [{"id": 1, "type": "Reroute", "inputs": [{"name": "", "type": "*", "link": 2}], "outputs": [{"type": "*"}]},
                                   {"id": 2, "type": "Reroute", "inputs": [{"name": "", "type": "*", "link": 1}], "outputs": [{"type": "*"}]},
                                   {"id": 3, "type": "SaveImage", "inputs": [{"name": "images", "type": "IMAGE", "link": 3}], "widgets_values": ["x"]}],
                         "links": [[1, 1, 0, 2, 0, "*"], [2, 2, 0, 1, 0, "*"], [3, 2, 0, 3, 0, "IMAGE"]]},
    }
    for name, d in hostile.items():
        open(os.path.join(out, "seed-" + name + ".json"), "w").write(json.dumps(d))


ui_seeds()
