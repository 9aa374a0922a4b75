#!/usr/bin/env bash
# Makes the installers' icons from the PNGs in assets/icons/ (16…256 px and the 512 px master):
#   assets/icons/samplerlens.ico   Windows (.msi, .exe): 16–256 px, made by ImageMagick
#   assets/icons/samplerlens.icns  macOS (.app, .dmg):   16–512 px, PNG entries, made by icns.py
# Needs ImageMagick (convert) and python3. The results are committed, so a build needs neither;
# run this again after changing the PNGs.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
icons="$here/assets/icons"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# 8 bits per channel: the PNGs are 16-bit, which not every icon reader takes
for s in 16 32 48 64 128 256; do convert "$icons/samplerlens-$s.png" -depth 8 "PNG32:$tmp/$s.png"; done
convert "$icons/samplerlens.png" -depth 8 "PNG32:$tmp/512.png"
convert "$tmp"/{16,32,48,64,128,256}.png "$icons/samplerlens.ico"
python3 "$here/packaging/icons/icns.py" "$icons/samplerlens.icns" "$tmp"/{16,32,64,128,256,512}.png
identify "$icons/samplerlens.ico"
ls -l "$icons/samplerlens.ico" "$icons/samplerlens.icns"
