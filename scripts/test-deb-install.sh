#!/usr/bin/env bash
# Installs the .deb the way a new user on a minimal system would, and removes it again:
#   1. builds the .deb (mvn -Ppackage), unless one is given: scripts/test-deb-install.sh path/to.deb
#   2. a clean Debian 12 "minbase" chroot made by debootstrap (no desktop, no menu or icon
#      directories, no xdg-utils; cached in ~/.cache/samplerlens-deb-test, copied afresh per run)
#   3. installs the package's dependencies (apt-get satisfy on its Depends line), then the .deb
#      with apt; every file that appears must be one dpkg lists for the package
#   4. runs `samplerlens --version` and `samplerlens inspect` on a real ComfyUI PNG
#   5. starts the app as its menu entry says (Exec=) under Xvfb, with openbox (title bar icon) and
#      tint2 (taskbar, and a launcher drawn from the installed .desktop file and hicolor icons) when
#      they are installed; checks the window's WM_CLASS against StartupWMClass and its icons, that
#      no "Unsupported JavaFX configuration" warning was printed, and saves a screenshot
#   6. purges the package and checks that the file system is as it was before the install
# Needs root, debootstrap, Xvfb, xprop, xwininfo and ImageMagick's import; openbox and tint2 are
# optional (apt-get install debootstrap xvfb x11-utils imagemagick openbox tint2).
# Environment: MIRROR (default: the first Debian mirror in this system's apt sources),
# SUITE (default bookworm), SCREENSHOT (default docs/images/deb-install-xvfb.png).
# no pipefail: several checks read only the head of a command's output (its writer then gets SIGPIPE)
set -eu
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap, chroot and mount need it)" >&2; exit 2; }
for tool in debootstrap chroot Xvfb xprop xwininfo import dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "missing $tool (see the comment at the top of $0)" >&2; exit 2; }
done

deb=${1:-}
if [ -z "$deb" ]; then
  echo "== building the .deb"
  (cd "$here" && source scripts/java-env.sh && mvn -B -q -Dstyle.color=never -Ppackage -DskipTests package)
  deb=$(ls "$here"/target/package/samplerlens_*.deb | head -1)
fi
deb=$(realpath "$deb")
suite=${SUITE:-bookworm}
mirror=${MIRROR:-$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -1)}
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
[ -n "$mirror" ] || { echo "no Debian mirror found in the apt sources: set MIRROR" >&2; exit 2; }
shot=${SCREENSHOT:-$here/docs/images/deb-install-xvfb.png}

failures=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

cache=${XDG_CACHE_HOME:-$HOME/.cache}/samplerlens-deb-test
base="$cache/$suite-minbase"
if [ ! -d "$base" ]; then
  echo "== debootstrap --variant=minbase $suite (once; cached in $base)"
  mkdir -p "$cache"; rm -rf "$base.tmp"
  debootstrap --variant=minbase "$suite" "$base.tmp" "$mirror" > "$cache/debootstrap.log" 2>&1 \
    || { echo "debootstrap failed: see $cache/debootstrap.log" >&2; exit 1; }
  mv "$base.tmp" "$base"
fi

work=$(mktemp -d /tmp/samplerlens-deb-test.XXXXXX)
root="$work/root"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for m in "$root/tmp/.X11-unix" "$root/dev" "$root/proc"; do
    mountpoint -q "$m" 2>/dev/null && umount "$m"
  done
  # never delete through a mount that is still there (it would reach /dev or the X sockets)
  if [ -z "$(findmnt -rn -o TARGET | grep -F "$root" || true)" ]; then rm -rf "$work"
  else echo "left $work in place: something is still mounted under it" >&2; fi
}
trap cleanup EXIT
echo "== fresh copy of the $suite chroot in $root"
cp -a "$base" "$root"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

no_desktop_dirs() {
  local d found=0
  for d in /usr/share/desktop-directories /usr/share/applications /usr/local/share/applications; do
    [ -e "$root$d" ] && { echo "      $d exists"; found=1; }
  done
  [ "$found" = 0 ]
}
check "no menu directories before anything is installed (no /usr/share/desktop-directories, no /usr/share/applications)" no_desktop_dirs
check "no xdg-utils in the chroot" test ! -e "$root/usr/bin/xdg-desktop-menu"

echo "== the package"
dpkg-deb -f "$deb" Package Version Installed-Size Depends | sed 's/^/      /'
depends=$(dpkg-deb -f "$deb" Depends)
check "Depends names GTK 3 (libgtk-3-0 or libgtk-3-0t64)" grep -q 'libgtk-3-0' <<< "$depends"
check "Depends names ALSA (libasound2), which the runtime's sound library links" grep -q 'libasound2' <<< "$depends"
check "the package has no maintainer scripts" bash -c "! dpkg-deb -I '$deb' | grep -qE ' (preinst|postinst|prerm|postrm) '"

echo "== its dependencies, from $mirror"
in_root apt-get -q update > "$work/apt-update.log" 2>&1 || { cat "$work/apt-update.log"; exit 1; }
in_root apt-get -q -y --no-install-recommends satisfy "$depends" > "$work/apt-deps.log" 2>&1 \
  || { tail -20 "$work/apt-deps.log"; exit 1; }
echo "      $(grep -c '^Setting up' "$work/apt-deps.log") packages set up"
check "still no /usr/share/desktop-directories after the dependencies" test ! -e "$root/usr/share/desktop-directories"

# Every file and folder, except those that change with any apt run or belong to a user.
snapshot() {
  (cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./sys -o -path ./tmp -o -path ./run \
      -o -path ./root -o -path ./var/cache -o -path ./var/log -o -path ./var/lib/apt -o -path ./var/lib/dpkg \) -prune \
      -o -printf '%p %y %m\n' | sort)
}
snapshot > "$work/before"

echo "== apt-get install ./$(basename "$deb")"
cp "$deb" "$root/tmp/"
status=0
in_root sh -c "cd /tmp && apt-get -q -y install ./$(basename "$deb")" > "$work/apt-install.log" 2>&1 || status=$?
tail -4 "$work/apt-install.log" | sed 's/^/      /'
check "apt-get install exits 0 (was 100 with jpackage's xdg-desktop-menu)" test "$status" = 0
check "dpkg says installed" bash -c "chroot '$root' dpkg-query -W -f '\${Status}' samplerlens | grep -q 'install ok installed'"
snapshot > "$work/installed"
in_root dpkg -L samplerlens | sed 's|^/\.$|/|' | sort -u > "$work/owned"
comm -13 "$work/before" "$work/installed" | cut -d' ' -f1 | sed 's|^\.||' > "$work/new"
# the icon cache is the hicolor theme's, rebuilt by its dpkg trigger when icons come or go
made_by_triggers='^/usr/share/icons/hicolor/icon-theme\.cache$|^/usr/share/applications/mimeinfo\.cache$'
untracked=$(grep -vxFf "$work/owned" "$work/new" | grep -vE "$made_by_triggers" || true)
echo "      $(wc -l < "$work/new") new files and folders, $(wc -l < "$work/owned") in dpkg -L;" \
  "made by other packages' triggers: $(grep -E "$made_by_triggers" "$work/new" | tr '\n' ' ')"
check "every new file is dpkg's (none made by a script)" test -z "$untracked"
[ -z "$untracked" ] || echo "$untracked" | head -10 | sed 's/^/        untracked: /'
check "the hicolor icon cache (rebuilt by its trigger) lists the menu entry's icon" grep -q samplerlens "$root/usr/share/icons/hicolor/icon-theme.cache"
check "menu entry in /usr/share/applications" test -f "$root/usr/share/applications/samplerlens.desktop"
check "icon in /usr/share/icons/hicolor (48x48 and 256x256)" test -f "$root/usr/share/icons/hicolor/48x48/apps/samplerlens.png" -a -f "$root/usr/share/icons/hicolor/256x256/apps/samplerlens.png"
if command -v desktop-file-validate >/dev/null; then
  check "desktop-file-validate accepts the menu entry" desktop-file-validate "$root/usr/share/applications/samplerlens.desktop"
fi
check "no MIME type renamed (no mime/packages file, no description override)" test ! -e "$root/usr/share/mime/packages/samplerlens.xml" -a -z "$(grep -rl -i samplerlens "$root/usr/share/mime" 2>/dev/null || true)"
check "not made a default handler (no defaults.list / mimeapps.list written)" \
  test -z "$(grep -rls samplerlens "$root/usr/share/applications/defaults.list" "$root/usr/share/applications/mimeapps.list" "$root/etc/xdg/mimeapps.list" 2>/dev/null || true)"

echo "== the command line"
check "samplerlens is on the PATH" bash -c "[ \"\$(chroot '$root' /usr/bin/env PATH=/usr/bin:/bin sh -c 'command -v samplerlens')\" = /usr/bin/samplerlens ]"
version_out=$(in_root samplerlens --version 2>&1 || true)
echo "      \$ samplerlens --version"; echo "$version_out" | sed 's/^/      /'
check "samplerlens --version prints the version" grep -q "$(dpkg-deb -f "$deb" Version)" <<< "$version_out"
cp "$here/src/test/resources/fixtures/images/ce_lora.png" "$root/tmp/"
status=0
inspect_out=$(in_root samplerlens inspect /tmp/ce_lora.png 2>&1) || status=$?
echo "      \$ samplerlens inspect /tmp/ce_lora.png   (first lines)"; echo "$inspect_out" | head -12 | sed 's/^/      /'
check "samplerlens inspect exits 0" test "$status" = 0
check "samplerlens inspect finds the sampler" grep -qi 'KSampler' <<< "$inspect_out"
check "the command line prints no JVM warning" bash -c "! grep -q 'WARNING' <<< \"\$1\"" _ "$version_out$inspect_out"

echo "== the app, started as the menu entry says, under Xvfb"
display=":$(( 90 + RANDOM % 50 ))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
mkdir -p "$root/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
if command -v openbox >/dev/null; then
  DISPLAY=$display openbox > "$work/openbox.log" 2>&1 & pids+=($!)
fi
if command -v tint2 >/dev/null; then
  # the panel's launcher reads the installed menu entry and finds its icon in the chroot's hicolor theme
  sed "s|@DESKTOP@|$root/usr/share/applications/samplerlens.desktop|" "$here/scripts/test-deb-tint2rc" > "$work/tint2rc"
  # (tint2 looks for icon themes in ~/.icons: a home whose .icons is the chroot's /usr/share/icons)
  mkdir -p "$work/tint2-home"; ln -s "$root/usr/share/icons" "$work/tint2-home/.icons"
  DISPLAY=$display HOME="$work/tint2-home" XDG_DATA_DIRS="$root/usr/share" tint2 -c "$work/tint2rc" > "$work/tint2.log" 2>&1 & pids+=($!)
fi
sleep 1
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/samplerlens.desktop" | sed 's/ %[fFuU]//')
wmclass=$(sed -n 's/^StartupWMClass=//p' "$root/usr/share/applications/samplerlens.desktop")
echo "      Exec=$exec_line   StartupWMClass=$wmclass"
chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 DISPLAY="$display" $exec_line > "$work/app.log" 2>&1 &
app=$!; pids+=($app)
win=
for _ in $(seq 240); do
  win=$(DISPLAY=$display xwininfo -root -tree | awk -v c="(\"$wmclass\" \"$wmclass\")" '!found && index($0, c) && /— SamplerLens/ {print $1; found = 1}')
  [ -n "$win" ] && break
  kill -0 "$app" 2>/dev/null || break
  sleep 0.5
done
check "the app's window is up, with WM_CLASS $wmclass (= StartupWMClass)" test -n "$win"
if [ -n "$win" ]; then
  DISPLAY=$display xprop -id "$win" WM_CLASS WM_NAME | sed 's/^/      /'
  icons=$(DISPLAY=$display xprop -id "$win" _NET_WM_ICON | grep -o 'Icon ([0-9]* x [0-9]*)' | tr '\n' ' ')
  echo "      _NET_WM_ICON: $icons"
  # JavaFX hands the window manager the one icon of the stage's list that suits it best; a
  # JavaFX window without icons of its own has no _NET_WM_ICON at all
  check "the window carries a SamplerLens icon (_NET_WM_ICON of one of its sizes)" bash -c "grep -qE 'Icon \((16|32|48|64|128|256) x ' <<< '$icons'"
  sleep 12   # the graph is laid out and drawn with software rendering
  mkdir -p "$(dirname "$shot")"
  DISPLAY=$display import -window root "$shot"
  echo "      screenshot: ${shot#$here/}"
fi
kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
echo "      app output:"; sed 's/^/        /' "$work/app.log" | head -10
check "no 'Unsupported JavaFX configuration' warning" bash -c "! grep -q 'Unsupported JavaFX configuration' '$work/app.log'"
check "no warning at all from the JVM or JavaFX" bash -c "! grep -qi 'warning' '$work/app.log'"

echo "== apt-get purge samplerlens"
status=0
in_root apt-get -q -y purge samplerlens > "$work/apt-purge.log" 2>&1 || status=$?
tail -2 "$work/apt-purge.log" | sed 's/^/      /'
check "apt-get purge exits 0" test "$status" = 0
check "dpkg no longer knows the package" bash -c "! chroot '$root' dpkg-query -W -f '\${Status}' samplerlens 2>/dev/null | grep -q installed"
snapshot > "$work/after"
left=$(comm -13 "$work/before" "$work/after")
gone=$(comm -23 "$work/before" "$work/after")
check "nothing is left: no file or folder that was not there before the install (/opt/samplerlens, /usr/bin/samplerlens, menu entry, icons, icon cache all gone)" test -z "$left"
[ -z "$left" ] || echo "$left" | head -20 | sed 's/^/        left: /'
# dpkg removes a folder the package listed once it is empty and no other package lists it: a
# minbase /opt belongs to no package, so it goes with the last package in it
[ -z "$gone" ] || echo "$gone" | sed 's/^/        removed by dpkg with the package (was there before): /'
check "nothing that was there before is gone but empty, unowned folders" test -z "$(grep -v ' d [0-9]*$' <<< "$gone" || true)"

echo "== $failures failed"
[ "$failures" = 0 ]
