#!/usr/bin/env bash
# Screenshots of the real app under Xvfb for the docs: opens FILE in a fresh window (light or dark),
# optionally runs xdotool steps, and saves the whole screen with ImageMagick's import.
# Usage: scripts/shoot-app.sh FILE|- OUT.png [light|dark] [xdotool command...]   (- : the bundled sample)
# SHOT_MAX_SAMPLERS sets the max samplers the window starts with (default 1). A step "sleep 6" waits
# (xdotool's own sleep), e.g. for the Summary tab's thumbnail after a click on the tab.
# Needs Xvfb, ImageMagick and xdotool (apt-get install xvfb imagemagick xdotool).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$here/scripts/java-env.sh"
file=$1; out=$2; theme=${3:-light}; shift 3 || shift $#
jar="$here/target/samplerlens.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
display=${SHOT_DISPLAY:-:99}
xvfb_pid=; app_pid=
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if ! [ -e "/tmp/.X11-unix/X${display#:}" ]; then
  Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
fi
# a preferences root of its own: the theme asked for, no recent files from earlier runs
mkdir -p "$work/prefs/.java/.userPrefs/com/samplerlens/app"
cat > "$work/prefs/.java/.userPrefs/com/samplerlens/app/prefs.xml" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
<map MAP_XML_VERSION="1.0">
  <entry key="theme.dark" value="$([ "$theme" = dark ] && echo true || echo false)"/>
  <entry key="trace.maxSamplers" value="${SHOT_MAX_SAMPLERS:-1}"/>
</map>
XML
read_app_jvm_options
DISPLAY=$display "$JAVA_HOME/bin/java" "${app_opts[@]}" -Djava.util.prefs.userRoot="$work/prefs" -Dprism.order=sw \
  -jar "$jar" $([ "$file" = - ] || printf '%q' "$file") >/dev/null 2>&1 &
app_pid=$!
sleep "${SHOT_WAIT:-12}"
window=$(DISPLAY=$display xdotool search --sync --onlyvisible --name SamplerLens | head -1)
DISPLAY=$display xdotool windowsize "$window" 1600 1000 windowmove "$window" 0 0
sleep 2
for step in "$@"; do
  # shellcheck disable=SC2086
  DISPLAY=$display xdotool $step
  sleep 2
done
DISPLAY=$display import -window root "$out"
