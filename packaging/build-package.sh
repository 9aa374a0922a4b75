#!/usr/bin/env bash
# Builds the installable SamplerLens: a jlink runtime (only the JDK modules the app needs) and,
# with jpackage, an app image plus the native installer of the system it runs on.
#   Linux:   app-image and .deb  (needs fakeroot and dpkg-deb: apt-get install fakeroot)
#   Windows: app-image and .msi  (run in Git Bash; needs the WiX Toolset 3 on PATH)
#   macOS:   app-image and .dmg  (run on macOS; sign/notarize separately, see docs/packaging.md)
# Usage: packaging/build-package.sh [app-image|deb|msi|dmg]   (default: app-image and the system's installer)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
: "${JAVA_HOME:?JAVA_HOME must point at a Java 25 JDK}"
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)
jar=target/samplerlens.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }

out=target/package
rm -rf "$out"; mkdir -p "$out/input"
cp "$jar" "$out/input/"

# The modules the jar uses (jdeps), plus the ones JavaFX and the app load by reflection.
modules=$("$JAVA_HOME/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps -q "$jar" 2>/dev/null || true)
modules="${modules:+$modules,}java.base,java.desktop,java.logging,java.prefs,java.xml,java.scripting,jdk.unsupported,jdk.jsobject,jdk.xml.dom,jdk.crypto.ec,jdk.zipfs"
# Keep only modules this JDK really has (jdk.jsobject is absent on some).
have=$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//')
modules=$(echo "$modules" | tr ',' '\n' | sort -u | grep -Fxf <(echo "$have") | paste -sd, -)
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --generate-cds-archive --output "$out/runtime"
echo "runtime: $(du -sh "$out/runtime" | cut -f1) ($modules)"

common=(--name SamplerLens --app-version "$version" --vendor "SamplerLens"
  --description "Inspect, trace and re-embed the metadata of ComfyUI images"
  --input "$out/input" --main-jar samplerlens.jar --main-class com.samplerlens.Main
  --runtime-image "$out/runtime" --dest "$out"
  --java-options "--enable-native-access=ALL-UNNAMED")
assoc=()
for f in packaging/file-assoc-*.properties; do assoc+=(--file-associations "$f"); done

types=("$@")
if [ ${#types[@]} -eq 0 ]; then
  case "$(uname -s)" in
    Linux) types=(app-image deb) ;;
    Darwin) types=(app-image dmg) ;;
    MINGW*|MSYS*|CYGWIN*) types=(app-image msi) ;;
    *) types=(app-image) ;;
  esac
fi
for t in "${types[@]}"; do
  case "$t" in
    app-image) icon=assets/icons/samplerlens.png; [ "$(uname -s)" = Darwin ] && icon=packaging/macos/samplerlens.icns
               case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) icon=assets/icons/samplerlens.ico;; esac
               "$JAVA_HOME/bin/jpackage" --type app-image "${common[@]}" --icon "$icon" ;;
    deb) "$JAVA_HOME/bin/jpackage" --type deb "${common[@]}" "${assoc[@]}" --icon assets/icons/samplerlens.png \
           --linux-shortcut --linux-menu-group "Graphics" --linux-app-category graphics \
           --linux-package-name samplerlens --linux-deb-maintainer "samplerlens@users.noreply.invalid" ;;
    msi) "$JAVA_HOME/bin/jpackage" --type msi "${common[@]}" "${assoc[@]}" --icon assets/icons/samplerlens.ico \
           --win-menu --win-shortcut --win-dir-chooser --win-upgrade-uuid 7d9c2f0e-5b1a-4c7e-9a51-3f1f6b0c2d11 ;;
    dmg) "$JAVA_HOME/bin/jpackage" --type dmg "${common[@]}" "${assoc[@]}" --icon packaging/macos/samplerlens.icns \
           --mac-package-identifier com.samplerlens.app ;;
    *) echo "unknown package type '$t' (app-image, deb, msi, dmg)" >&2; exit 2 ;;
  esac
done
ls -la "$out"
