#!/usr/bin/env python3
"""Re-runs every `$ ./samplerlens …` line in README.md's ```console blocks and writes the real
output under it. ReadmeExamplesTest then fails whenever the program and the README drift apart."""
import re, subprocess, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
readme = root / "README.md"
lines = readme.read_text().split("\n")
out, i, in_block = [], 0, False
while i < len(lines):
    line = lines[i]
    if not in_block and line.strip() == "```console":
        in_block = True; out.append(line); i += 1; continue
    if in_block and line.strip() == "```":
        in_block = False; out.append(line); i += 1; continue
    if in_block and line.startswith("$ ./samplerlens"):
        out.append(line)
        r = subprocess.run(line[2:], shell=True, cwd=root, capture_output=True, text=True)
        printed = (r.stdout + r.stderr).rstrip()
        out.extend(printed.split("\n") if printed else [])
        i += 1
        while i < len(lines) and not lines[i].startswith("$ ") and lines[i].strip() != "```":
            i += 1
        continue
    out.append(line); i += 1
readme.write_text("\n".join(out))
