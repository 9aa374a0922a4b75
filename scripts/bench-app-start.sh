#!/usr/bin/env bash
# Benchmarks the real app: cold start (JVM start → window painted with its loading state, and →
# first painted graph of the bundled sample) and
# opening a ~150-node workflow (open → painted), each in a fresh JVM under Xvfb, several runs,
# medians printed with the machine load. Uses target/samplerlens.jar as built. BENCH_AOT=1 runs
# with an ahead-of-time cache as the ./samplerlens launcher does (a fresh one, recorded by an
# untimed first run); BENCH_CDS=1 with a dynamic CDS archive instead; extra JVM options go in
# BENCH_JAVA_OPTS. The app's own JVM options (packaging/app-jvm-options) are used as ./samplerlens
# and the installers use them; BENCH_NO_APP_OPTS=1 leaves them out. BENCH_LAUNCHER=<launcher>
# times the app as a launcher starts it instead, with its own options and AOT cache: ./samplerlens
# (the README's command; an untimed first run lets it record its cache) or an installed app such as
# /opt/samplerlens/bin/SamplerLens. The timing switches reach it through JAVA_TOOL_OPTIONS.
# Usage: scripts/bench-app-start.sh [RUNS] [WORKFLOW]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$here/scripts/java-env.sh"
runs=${1:-5}
workflow=${2:-$here/src/test/resources/fixtures/workflows/ui/kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json}
jar="$here/target/samplerlens.jar"
[ -n "${BENCH_LAUNCHER:-}" ] || [ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
display=${BENCH_DISPLAY:-:98}
xvfb_pid=
if ! DISPLAY=$display xdpyinfo >/dev/null 2>&1 && ! [ -e "/tmp/.X11-unix/X${display#:}" ]; then
  Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
fi
trap '[ -n "$xvfb_pid" ] && kill "$xvfb_pid"' EXIT
# a fresh preferences store, so no remembered models folder or window state changes the run
prefs=$(mktemp -d)
splashes=(); windows=(); starts=(); opens=(); cpus=(); warm=()
# the workflow is opened this many times per run: the first open right after the first paint (the
# worst case: nothing warmed up yet), the later ones as in a session where the app has been used
opens_per_run=${BENCH_OPENS:-4}
read_app_jvm_options
[ "${BENCH_NO_APP_OPTS:-0}" = 1 ] && app_opts=()
opts=("${app_opts[@]}" ${BENCH_JAVA_OPTS:-})
if [ "${BENCH_CDS:-0}" = 1 ]; then
  archive="$prefs/app.jsa"
  opts+=(-XX:SharedArchiveFile="$archive" -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
if [ "${BENCH_AOT:-0}" = 1 ]; then
  archive="$prefs/app.aot"
  opts+=(-XX:AOTCacheOutput="$archive" -Xlog:aot=off -Xlog:cds=off)
fi
if [ -n "${BENCH_LAUNCHER:-}" ]; then echo "launcher: $BENCH_LAUNCHER"; else echo "JVM options: ${opts[*]:-none}"; fi
echo "load before: $(uptime | sed 's/.*load average/load average/')  cores: $(nproc)"
# The launchers show assets/splash.png (480x270) natively before the JVM is up (-splash:, LaunchSplash):
# watched from outside on the X server, from the moment the launcher is started, when xev is here.
# xev reports the splash window's creation and mapping as they happen: one process, no polling (a
# poll with xwininfo and date every 5 ms started about a hundred processes while the JVM being
# timed was starting, on the same 2 cores). $EPOCHREALTIME is a bash builtin: no process either.
watch_splash() {
  command -v xev >/dev/null 2>&1 || return 0
  local line splash= t0
  while IFS= read -r line; do
    case "$line" in
      *"width 480, height 270"*) splash=${line#*window }; splash=${splash%%,*} ;;
      *"window $splash, override"*)
        if [ -n "$splash" ]; then
          local now=${EPOCHREALTIME/./}
          read -r t0 < "$prefs/launched"
          echo "timing: splash shown $(( (now - t0) / 1000 )) ms after launch"; return 0
        fi ;;
    esac
  done < <(DISPLAY=$display timeout 30 xev -root -event substructure 2>/dev/null)
}
run_app() {
  watch_splash &
  local watcher=$!
  sleep 0.05  # xev listening before the launcher starts
  echo "${EPOCHREALTIME/./}" > "$prefs/launched"
  run_app_only
  kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null || true
}
run_app_only() {
  if [ -n "${BENCH_LAUNCHER:-}" ]; then
    DISPLAY=$display JAVA_TOOL_OPTIONS="-Djava.util.prefs.userRoot=$prefs -Dprism.order=sw -Dsamplerlens.timing=true \
      -Dsamplerlens.timing.exit=true -Dsamplerlens.timing.open=$workflow -Dsamplerlens.timing.repeat=$opens_per_run" \
      timeout 120 "$BENCH_LAUNCHER" 2>&1 >/dev/null | grep '^timing:' || true
    return
  fi
  DISPLAY=$display timeout 120 "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${opts[@]}" \
    -Djava.util.prefs.userRoot="$prefs" -Dprism.order=sw -Dsamplerlens.timing=true -Dsamplerlens.timing.exit=true \
    -Dsamplerlens.timing.open="$workflow" -Dsamplerlens.timing.repeat="$opens_per_run" -jar "$jar" 2>&1 >/dev/null | grep '^timing:' || true
}
if [ -n "${BENCH_LAUNCHER:-}" ]; then
  echo "first run (untimed): $(run_app_only | head -1)"
  # ./samplerlens assembles its cache in the background after that first run: wait for it
  if [ "$(cd "$(dirname "$BENCH_LAUNCHER")" && pwd)" = "$here" ]; then
    for _ in $(seq 120); do [ "$here/target/samplerlens-app.aot" -nt "$jar" ] && break; sleep 1; done
    ls -la "$here/target/samplerlens-app.aot" | awk '{print "launcher AOT cache: " $5 " bytes"}'
  fi
fi
if [ -n "${archive:-}" ]; then
  echo "writing the CDS archive (untimed): $(run_app_only | tr '\n' ' ')"
  ls -la "$archive" | awk '{print "archive: " $5 " bytes"}'
  [ "${BENCH_AOT:-0}" = 1 ] && opts=("${app_opts[@]}" ${BENCH_JAVA_OPTS:-} -XX:AOTCache="$archive" -Xlog:aot=off -Xlog:cds=off)
fi
for i in $(seq "$runs"); do
  out=$(run_app)
  w=$(sed -n 's/^timing: window painted \([0-9]*\) ms.*/\1/p' <<<"$out")
  sp=$(sed -n 's/^timing: splash shown \([0-9]*\) ms.*/\1/p' <<<"$out")
  s=$(sed -n 's/^timing: first graph painted \([0-9]*\) ms.*/\1/p' <<<"$out")
  c=$(sed -n 's/^timing: first graph painted .*, \([0-9]*\) ms CPU.*/\1/p' <<<"$out")
  o=$(sed -n 's/^timing: opened .* in \([0-9]*\) ms.*/\1/p' <<<"$out" | head -1)
  later=($(sed -n 's/^timing: opened .* in \([0-9]*\) ms.*/\1/p' <<<"$out" | tail -n +2))
  echo "run $i: splash ${sp:-none} ms, window ${w:-?} ms, first graph ${s:-?} ms (process CPU ${c:-?} ms), first open ${o:-?} ms, later opens ${later[*]:-none} ms"
  [ -n "$sp" ] && splashes+=("$sp"); [ -n "$w" ] && windows+=("$w"); [ -n "$s" ] && starts+=("$s"); [ -n "$c" ] && cpus+=("$c"); [ -n "$o" ] && opens+=("$o"); warm+=("${later[@]}")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR==0) print "?"; else if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
[ ${#splashes[@]} -gt 0 ] && echo "median launch to the splash image shown (the launcher's loading state, watched on the X server): $(median "${splashes[@]}") ms (${#splashes[@]} runs)"
echo "median cold start to the JavaFX window painted (its loading state; measured from JVM start): $(median "${windows[@]}") ms (target < 1000 ms, quiet machine)"
echo "median cold start to first painted graph: $(median "${starts[@]}") ms (${#starts[@]} runs; target < 1500 ms)"
echo "median process CPU time at first paint: $(median "${cpus[@]}") ms"
echo "median first open of $(basename "$workflow") (right after the first paint): $(median "${opens[@]}") ms"
echo "median later open of it (same app, ${#warm[@]} opens): $(median "${warm[@]}") ms"
echo "load after: $(uptime | sed 's/.*load average/load average/')"
rm -rf "$prefs"
