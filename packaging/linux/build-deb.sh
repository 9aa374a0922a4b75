#!/usr/bin/env bash
# Builds samplerlens_<version>_<arch>.deb from the app image that packaging/build-package.sh made.
# Usage: packaging/linux/build-deb.sh IMAGE_DIR VERSION OUT_DIR   (needs dpkg-deb, dpkg, readelf)
#
# Made with dpkg-deb rather than jpackage --type deb, so that every file the package puts on the
# system is dpkg's to track and to remove:
#   /opt/samplerlens/                         the app image (launcher, runtime with JavaFX, AOT cache)
#   /usr/bin/samplerlens                      the command line (the image's samplerlens-cli launcher)
#   /usr/share/applications/samplerlens.desktop   the menu entry ("Open With" for PNG/JPEG/WebP/JSON)
#   /usr/share/icons/hicolor/*/apps/samplerlens.png   its icon in every size
# There are no maintainer scripts: jpackage's ran xdg-desktop-menu, which fails the whole install
# where /usr/share/desktop-directories is missing, registered a MIME description that renamed the
# types, and made the app the default handler. The menu and icon caches are updated by the
# triggers of the packages that own them (desktop-file-utils, gtk-update-icon-cache) where they
# are installed, and need nothing where they are not.
set -euo pipefail
image=${1:?app image directory}
version=${2:?version}
out=${3:?output directory}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
arch=$(dpkg --print-architecture)
out=$(cd "$out" && pwd)
root="$out/deb-root"
rm -rf "$root"
install -d -m 755 "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/doc/samplerlens"
cp -a "$image" "$root/opt/samplerlens"
chmod -R u+rwX,go+rX,go-w "$root/opt/samplerlens"
ln -s /opt/samplerlens/bin/samplerlens-cli "$root/usr/bin/samplerlens"
install -m 644 "$here/packaging/linux/samplerlens.desktop" "$root/usr/share/applications/samplerlens.desktop"
for size in 16 32 48 64 128 256; do
  install -D -m 644 "$here/assets/icons/samplerlens-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/samplerlens.png"
done
install -D -m 644 "$here/assets/icons/samplerlens.png" "$root/usr/share/icons/hicolor/512x512/apps/samplerlens.png"
cat > "$root/usr/share/doc/samplerlens/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: SamplerLens
Comment: SamplerLens bundles a Java runtime made with jlink from OpenJDK and OpenJFX (GPL-2.0 with
 the Classpath Exception) and the libraries in /opt/samplerlens/lib/app/samplerlens.jar (their
 licences are in the jar's META-INF). The runtime's notices are in /opt/samplerlens/lib/runtime/legal/.
EOF

# Depends: the package of every shared library that a native library or program in the image
# asks for by name (readelf: NEEDED), except those the image brings itself, found with
# ldconfig and dpkg -S on this system. Debian 13 and Ubuntu 24.04 renamed some of them for the
# 64-bit time_t change; those get their other name as an alternative, so that the same .deb
# installs on both sides of it.
t64_renamed=" libgtk-3-0 libasound2 libglib2.0-0 libatk1.0-0 libatk-bridge2.0-0 libpng16-16 libcups2 "
ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
owner_of() {
  local lib=$1 p
  for p in "$lib" "$(readlink -f "$lib")" "${lib#/usr}" "/usr$lib"; do
    dpkg -S "$p" 2>/dev/null | head -1 | cut -d: -f1 && return 0
  done
  echo "warning: no package owns $lib" >&2
}
native=$(find "$root/opt/samplerlens" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \))
bundled=$(for f in $native; do basename "$f"; done | sort -u)
needed=$(echo "$native" | xargs readelf -d 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u | grep -vxFf <(echo "$bundled"))
packages=$(for soname in $needed; do
  path=$("$ldconfig" -p | awk -v n="$soname" '$1 == n && /x86-64|aarch64|64bit|AArch64/ {print $NF; exit}')
  [ -n "$path" ] || path=$("$ldconfig" -p | awk -v n="$soname" '$1 == n {print $NF; exit}')
  if [ -n "$path" ]; then owner_of "$path"; else echo "warning: $soname is not installed here, so not in Depends" >&2; fi
done | sort -u)
depends=""
for p in $packages; do
  base=${p%t64}
  case "$t64_renamed" in
    *" $base "*) [ "$p" = "$base" ] && alt="$p | ${p}t64" || alt="$p | $base" ;;
    *) alt="$p" ;;
  esac
  depends="${depends:+$depends, }$alt"
done
[ -n "$depends" ] || { echo "found no library dependencies: is readelf (binutils) installed?" >&2; exit 1; }

cat > "$root/DEBIAN/control" <<EOF
Package: samplerlens
Version: $version
Section: graphics
Priority: optional
Architecture: $arch
Maintainer: SamplerLens <samplerlens@users.noreply.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Description: Inspect, trace and re-embed the metadata of ComfyUI images
 A desktop inspector and editor plus a command line (samplerlens) for the metadata of ComfyUI
 images (PNG, JPEG, WebP, workflow JSON): which nodes fed each sampler, the PNG chunks, EXIF and
 JPEG fallback stages, and metadata written back without touching the pixels.
EOF
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum | sed 's| \./| |' > DEBIAN/md5sums)
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
deb="$out/samplerlens_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb"
rm -rf "$root"
echo "Depends: $depends"
