#!/usr/bin/env bash
# Benchmarks how smooth the graph stays on a big workflow: builds one of 645 nodes (five stacked
# copies of kj's LongCat example, scripts/make-big-workflow.py), opens it in the real app under
# Xvfb with software rendering, then zooms in and out frame by frame and times each frame until
# the renderer has drawn it. Prints the median, 95th percentile and worst frame of each run.
# Usage: scripts/bench-app-frames.sh [RUNS] [FRAMES] [COPIES]
# BENCH_JARS="old.jar new.jar" compares builds: each run goes through the jars in turn, so a load
# that changes during the benchmark weighs on both alike. BENCH_JAVA_OPTS adds JVM options.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$here/scripts/java-env.sh"
runs=${1:-3}; frames=${2:-60}; copies=${3:-5}
read -r -a jars <<< "${BENCH_JARS:-$here/target/samplerlens.jar}"
for jar in "${jars[@]}"; do
  [ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests package ($jar is missing)" >&2; exit 2; }
done
read -r -a extra_opts <<< "${BENCH_JAVA_OPTS:-}"
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid"' EXIT
(cd "$here" && python3 scripts/make-big-workflow.py "$work/big.json" "$copies")
display=${BENCH_DISPLAY:-:96}
xvfb_pid=
if ! [ -e "/tmp/.X11-unix/X${display#:}" ]; then
  Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
fi
read_app_jvm_options
echo "load before: $(uptime | sed 's/.*load average/load average/')  cores: $(nproc)"
for i in $(seq "$runs"); do
  for jar in "${jars[@]}"; do
    label="run $i"
    [ "${#jars[@]}" -gt 1 ] && label="run $i $(basename "$jar")"
    DISPLAY=$display timeout 300 "$JAVA_HOME/bin/java" "${app_opts[@]}" "${extra_opts[@]}" -Djava.util.prefs.userRoot="$work/prefs" -Dprism.order=sw \
      -Dsamplerlens.timing=true -Dsamplerlens.timing.exit=true -Dsamplerlens.timing.open="$work/big.json" \
      -Dsamplerlens.timing.frames="$frames" -jar "$jar" 2>&1 >/dev/null | grep '^timing: .*frames\|^timing: opened\|^timing: frame ' | sed "s/^/$label: /"
  done
done
echo "load after: $(uptime | sed 's/.*load average/load average/')"
