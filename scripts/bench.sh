#!/usr/bin/env bash
# Benchmarks (not unit tests), each side by side with a reference tool in the same run:
#   1. inspect --json over a folder of 2,800 real ComfyUI PNGs (hard links to the bundled
#      fixtures) vs exiftool -json on the same folder      (target: SamplerLens >= 2x faster)
#   2. AutoV2 (SHA-256) of a 2 GB file vs sha256sum        (target: >= 0.9x sha256sum's throughput)
#   3. tracing synthetic 10k / 20k / 40k-node graphs (JMH, TracerBenchmark)
#   4. the 24-MP JPEG write benchmark, scripts/bench-jpeg-write.sh, when it is there
# Usage: scripts/bench.sh [--quick]   (--quick: 280 files, 256 MB, JMH with one short iteration)
# Needs a JDK 25, Maven with the project's dependencies, exiftool and sha256sum on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
QUICK=${1:-}
COPIES=200; HASH_SIZE=2G; JMH_ARGS=(-wi 3 -i 5)
if [ "$QUICK" = --quick ]; then COPIES=20; HASH_SIZE=256M; JMH_ARGS=(-wi 1 -i 1 -w 1 -r 1); fi
command -v exiftool >/dev/null || { echo "bench: exiftool is not installed" >&2; exit 1; }

mvn -B -q -o test-compile
CP="target/classes:target/test-classes:$(mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
JAVA="$JAVA_HOME/bin/java"
WORK="$(mktemp -d -p target bench.XXXXXX)"   # inside the project: hard links need the same file system
trap 'rm -rf "$WORK"' EXIT
seconds() { local s; s=$(date +%s.%N); "$@" > /dev/null; echo "$(date +%s.%N) - $s" | bc; }

echo "== machine"
echo "nproc: $(nproc)"; lscpu | head -n 15 | sed -n '/Model name\|^CPU(s)\|Thread\|Core/p'
echo "java: $("$JAVA" -version 2>&1 | head -1)   exiftool: $(exiftool -ver)   $(sha256sum --version | head -1)"

echo "== 1. inspect --json vs exiftool -json"
FOLDER="$WORK/pngs"; mkdir -p "$FOLDER"
PNGS=(src/test/resources/fixtures/images/ce_*.png)
for ((i = 0; i < COPIES; i++)); do
  for f in "${PNGS[@]}"; do ln "$f" "$FOLDER/$(basename "$f" .png)_$i.png"; done
done
COUNT=$(ls "$FOLDER" | wc -l)
echo "$COUNT files ($(du -shl --apparent-size "$FOLDER" | cut -f1) as files, ${#PNGS[@]} distinct), page cache warmed by a first pass of each tool"
cat "${PNGS[@]}" > /dev/null
"$JAVA" -cp "$CP" com.samplerlens.Main inspect --json "$FOLDER" > "$WORK/inspect.json" || true
exiftool -json "$FOLDER" > /dev/null 2>&1 || true
T_SL=$(seconds "$JAVA" -cp "$CP" com.samplerlens.Main inspect --json "$FOLDER")
T_ET=$(seconds exiftool -json "$FOLDER")
RESULTS=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$WORK/inspect.json")
printf 'samplerlens inspect --json: %.2f s (%s results)\nexiftool -json:             %.2f s\nratio exiftool / samplerlens: %.2fx (target >= 2x)\n' \
  "$T_SL" "$RESULTS" "$T_ET" "$(echo "$T_ET / $T_SL" | bc -l)"

echo "== 2. AutoV2 hash vs sha256sum ($HASH_SIZE)"
BIG="$WORK/model.safetensors"
fallocate -l "$HASH_SIZE" "$BIG" 2>/dev/null || head -c "$HASH_SIZE" /dev/zero > "$BIG"
BYTES=$(stat -c %s "$BIG")
sha256sum "$BIG" > /dev/null   # warm the page cache for both
T_SHA=$(seconds sha256sum "$BIG")
read -r T_JAVA DIGEST _ < <("$JAVA" -cp "$CP" com.samplerlens.bench.HashBench "$BIG")
[ "$DIGEST" = "$(sha256sum "$BIG" | cut -d' ' -f1)" ] || { echo "bench: digests differ" >&2; exit 1; }
rm -f "$BIG"
printf 'sha256sum: %.2f s (%.0f MB/s)\nAutoV2:    %.2f s (%.0f MB/s, in-process time)\nthroughput AutoV2 / sha256sum: %.2fx (target >= 0.9x)\n' \
  "$T_SHA" "$(echo "$BYTES / $T_SHA / 1000000" | bc -l)" "$T_JAVA" "$(echo "$BYTES / $T_JAVA / 1000000" | bc -l)" "$(echo "$T_SHA / $T_JAVA" | bc -l)"

echo "== 3. tracing (JMH TracerBenchmark, ms per trace)"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main TracerBenchmark -f 1 "${JMH_ARGS[@]}" 2>&1 | sed -n '/^Benchmark/,$p'

if [ -x scripts/bench-jpeg-write.sh ]; then
  echo "== 4. 24-MP JPEG write (scripts/bench-jpeg-write.sh)"
  if [ "$QUICK" = --quick ]; then scripts/bench-jpeg-write.sh 3; else scripts/bench-jpeg-write.sh; fi
fi
