#!/usr/bin/env bash
# Benchmark (not a unit test): SamplerLens writing a parameters text into a 24-MP JPEG, warm and
# in-process, against `exiftool -overwrite_original -UserComment=…` on a copy of the same file.
# Targets: SamplerLens under 150 ms per write, and at least 3x faster than exiftool.
# Usage: scripts/bench-jpeg-write.sh [ROUNDS]   (needs a JDK 25, Maven with the project's
# dependencies, and exiftool on the PATH)
set -euo pipefail
ROUNDS="${1:-15}"
cd "$(dirname "$0")/.."
. scripts/java-env.sh

command -v exiftool >/dev/null || { echo "bench-jpeg-write: exiftool is not installed" >&2; exit 1; }
mvn -B -q -o test-compile
CP="target/classes:target/test-classes:$(mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
JAVA="$JAVA_HOME/bin/java"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
IMAGE="$WORK/photo-24mp.jpg"
"$JAVA" -cp "$CP" com.samplerlens.bench.JpegWriteBench make "$IMAGE" 6000 4000
PARAMS="$WORK/parameters.txt"
{
  printf 'a fox running through deep snow, winter forest, golden hour, tracking shot, 35mm, film grain\n'
  printf 'Negative prompt: blurry, static, low quality, watermark\n'
  printf 'Steps: 8, Sampler: euler_simple, CFG scale: 1.0, Seed: 706190577933098, Size: 6000x4000, '
  printf 'Model: wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors, Model hash: 5519e566e6, VAE: wan_2.1_vae.safetensors, '
  printf 'VAE hash: 2fc39d3135, Hashes: {"model": "5519e566e6", "vae": "2fc39d3135"}, Metadata generator version: 1.4.2'
} > "$PARAMS"
echo "image: $(stat -c %s "$IMAGE") bytes (6000x4000), parameters: $(stat -c %s "$PARAMS") bytes, $ROUNDS rounds"

SL_LINE="$("$JAVA" -cp "$CP" com.samplerlens.bench.JpegWriteBench write "$IMAGE" "$PARAMS" "$WORK/out.jpg" "$ROUNDS")"
SL_MS="$(sed -E 's/.*median_ms=([0-9.]+).*/\1/' <<<"$SL_LINE")"

TIMES=()
for _ in $(seq "$ROUNDS"); do
  cp "$IMAGE" "$WORK/copy.jpg"
  t0=$(date +%s%N)
  exiftool -q -overwrite_original "-UserComment<=$PARAMS" "$WORK/copy.jpg"
  t1=$(date +%s%N)
  TIMES+=("$(( (t1 - t0) / 1000 ))")
done
ET_MS="$(printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int(NR/2)+1]/1000}')"

echo "samplerlens (warm, in-process): $SL_LINE"
echo "exiftool (per run, median):     median_ms=$ET_MS"
awk -v s="$SL_MS" -v e="$ET_MS" 'BEGIN {
  r = e / s
  printf "ratio exiftool/samplerlens:    %.1fx\n", r
  printf "targets: under 150 ms %s, at least 3x faster %s\n", (s < 150 ? "MET" : "MISSED"), (r >= 3 ? "MET" : "MISSED")
}'
