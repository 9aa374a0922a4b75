#!/usr/bin/env bash
# Runs every hostile case of issue 14 through the real CLI with a 512 MB heap and prints one table
# row per case: exit code, stderr lines, the first of them, wall seconds and peak RSS. The done-when
# of the issue: a one-line error or a correct result within 10 s and 512 MB heap, nothing changed
# that the user did not name as output. (A check script, not a timed unit test.)
# Usage: scripts/hostile-check.sh [--big]    (--big adds the 120 MB / 63 MB x 64 / 200,000-node / subgraph cases)
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
BIG=${1:-}
[ -f target/samplerlens.jar ] && [ -z "$(find src/main pom.xml -newer target/samplerlens.jar -print -quit)" ] \
  || mvn -B -q -o -DskipTests package >&2
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 scripts/make-hostile-cases.py "$WORK" $BIG
IMG=src/test/resources/fixtures/images/sdp_comfyui_img2img_cropped.png
SRC=src/test/resources/fixtures/images/ce_lora.png
# the CLI with the heap of the done-when; a script file, so that timeout and time can run it
printf '#!/bin/sh\nexec "%s/bin/java" -Xmx512m -jar "%s/target/samplerlens.jar" "$@"\n' "$JAVA_HOME" "$PWD" > "$WORK/sl"
chmod +x "$WORK/sl"
sl=$WORK/sl

row() { # row NAME EXPECT COMMAND...   EXPECT: ok (exit 0) | line (exit != 0, one stderr line)
  local name=$1 expect=$2; shift 2
  local t0 t1 rc lines first verdict rss
  t0=$(date +%s.%N)
  /usr/bin/time -o "$WORK/.time" -f "%M" timeout 120 "$@" > "$WORK/.out" 2> "$WORK/.err"; rc=$?
  t1=$(date +%s.%N)
  rss=$(( $(tail -1 "$WORK/.time" 2>/dev/null || echo 0) / 1024 ))
  grep -v "^Command exited\|^Try 'samplerlens" "$WORK/.err" > "$WORK/.err2"
  lines=$(wc -l < "$WORK/.err2"); first=$(head -c 150 "$WORK/.err2" | head -1 | sed "s|$WORK/||g; s/|/\\\\|/g")
  verdict=FAIL
  if [ "$expect" = ok ] && [ "$rc" = 0 ]; then verdict=pass; fi
  if [ "$expect" = line ] && { [ "$rc" = 1 ] || [ "$rc" = 2 ]; } && [ "$lines" -ge 1 ] && ! grep -q $'\tat \|Exception in' "$WORK/.err"; then verdict=pass; fi
  if [ "$expect" = lines ] && { [ "$rc" = 0 ] || [ "$rc" = 1 ]; } && ! grep -q $'\tat \|Exception in' "$WORK/.err"; then verdict=pass; fi
  printf '| %s | %s | %s | %s | %.1f | %s | %s |\n' "$name" "$rc" "$lines" "${first:-–}" "$(echo "$t1 - $t0" | bc)" "$rss" "$verdict"
}

echo "| case | exit | stderr lines | first stderr line | s | peak RSS MB | verdict |"
echo "|---|---|---|---|---|---|---|"
W=$WORK
row "inspect JPEG, 3,639 chained IFDs" line $sl inspect "$W/ifd-chain-3639.jpg"
row "stages JPEG, 3,639 chained IFDs" line $sl stages "$W/ifd-chain-3639.jpg"
row "strip JPEG, 3,639 chained IFDs" ok $sl strip "$W/ifd-chain-3639.jpg" --out "$W/clean.jpg"
row "write into JPEG, 3,639 chained IFDs" ok $sl write "$SRC" --into "$W/ifd-chain-3639.jpg" --out "$W/written.jpg"
row "inspect WebP, 6,000 chained IFDs" line $sl inspect "$W/ifd-chain-6000.webp"
mkdir -p "$W/folder"; cp "$W"/ifd-chain-* "$W/deep-1990.json" "$W/deep-2100.json" "$W/good.json" "$W/folder/"
row "inspect folder: IFD chains, JSON 1,990 and 2,100 deep, then a good file (3 lines, good file shown)" lines $sl inspect "$W/folder"
grep -q "good.json" "$W/.out" || echo "| … the good file was NOT shown | | | | | | FAIL |"
if [ "$(id -u)" = 0 ]; then
  mknod "$W/dev" c 1 3
  row "write --out DEVICE --force (mknod c 1 3)" line $sl write "$SRC" --into "$IMG" --out "$W/dev" --force
  [ -c "$W/dev" ] || echo "| … the device was replaced | | | | | | FAIL |"
fi
mkfifo "$W/fifo"
row "write --out FIFO --force" line $sl write "$SRC" --into "$IMG" --out "$W/fifo" --force
row "strip --out FIFO --force" line $sl strip "$SRC" --out "$W/fifo" --force
mkdir "$W/adir"
row "write --out FOLDER --force" line $sl write "$SRC" --into "$IMG" --out "$W/adir" --force
cp "$SRC" "$W/photo.png"; mkfifo "$W/photo.txt"
row "inspect --export txt --force, NAME.txt a FIFO" line $sl inspect --export txt --force "$W/photo.png"
mkdir -p "$W/A" "$W/B"; cp "$SRC" "$W/A/x.png"; cp "$IMG" "$W/B/x.png"; ln -s A "$W/A-link"
sumA=$(sha256sum "$W/A/x.png" "$W/B/x.png")
row "batch --out-dir = --from-dir" line $sl write --from-dir "$W/A" --into-dir "$W/B" --out-dir "$W/A" --force
row "batch --out-dir = --into-dir" line $sl write --from-dir "$W/A" --into-dir "$W/B" --out-dir "$W/B" --force
row "batch --out-dir a link to --from-dir" line $sl write --from-dir "$W/A" --into-dir "$W/B" --out-dir "$W/A-link" --force
[ "$sumA" = "$(sha256sum "$W/A/x.png" "$W/B/x.png")" ] || echo "| … an input changed | | | | | | FAIL |"
row "write --out SOURCE --force" line $sl write "$W/A/x.png" --into "$IMG" --out "$W/A/x.png" --force
cp "$IMG" "$W/real.png"; ln -s real.png "$W/link.png"
row "write --in-place on a symlink (note names the real file)" ok $sl write "$SRC" --into "$W/link.png" --in-place
[ -L "$W/link.png" ] || echo "| … the link was replaced | | | | | | FAIL |"
cp "$IMG" "$W/ro.png"; chmod 444 "$W/ro.png"
row "write --in-place, 0444 target" line $sl write "$SRC" --into "$W/ro.png" --in-place
row "write --in-place --force, 0444 target (note names --force)" ok $sl write "$SRC" --into "$W/ro.png" --in-place --force
[ "$(stat -c %a "$W/ro.png")" = 444 ] || echo "| … the mode changed | | | | | | FAIL |"
mkdir -p "$W/models/checkpoints" "$W/models/loras"; echo x > "$W/models/checkpoints/v1-5-pruned-emaonly.ckpt"
echo keep > "$W/victim"; ln -s "$W/victim" "$W/models/checkpoints/v1-5-pruned-emaonly.sha256"
row "inspect --models, model.sha256 a symlink" ok $sl inspect --models "$W/models" "$SRC"
[ "$(cat "$W/victim")" = keep ] || echo "| … the link's target was written | | | | | | FAIL |"
row "write --edits FIFO" line $sl write "$SRC" --into "$IMG" --out "$W/o.png" --edits "$W/fifo"
row "inspect --rules /dev/zero" line $sl inspect "$SRC" --rules /dev/zero
row "inspect --node-defs /dev/zero" line $sl inspect "$SRC" --node-defs /dev/zero
row "inspect --node-defs FOLDER" line $sl inspect "$SRC" --node-defs "$W/adir"
row "inspect, prompt with ESC sequences (escaped)" ok $sl inspect "$W/esc.json"
grep -q $'\x1b' "$W/.out" && echo "| … a raw ESC was printed | | | | | | FAIL |"
row "inspect PNG with 300 refused zTXt bombs" lines $sl inspect "$W/ztxt-bombs-300.png"
if [ "$BIG" = --big ]; then
  row "inspect 200,000 chained KSamplers (49 MB JSON)" lines $sl inspect --json "$W/samplers-200000.json"
  row "inspect 30,000 chained subgraphs" lines $sl inspect --json "$W/subgraph-chain-30000.json"
  row "inspect 1,000 instances of a 100,000-link subgraph" lines $sl inspect --json "$W/subgraph-links-1000x100000.json"
  row "inspect PNG of 8 million tEXt chunks (120 MB)" lines $sl inspect --json "$W/text-chunks-8m.png"
  row "inspect folder of 64 x 63 MB PNGs" lines $sl inspect --json "$W/png-63mb-x64"
fi
leftover=$(find "$W" -name '.*.samplerlens-*.tmp' | wc -l)
echo "temporary files left: $leftover"
