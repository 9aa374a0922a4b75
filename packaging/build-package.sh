#!/usr/bin/env bash
# Builds the installable SamplerLens: a jlink runtime (only the JDK modules the app needs) and,
# with jpackage, an app image plus the native installer of the system it runs on.
#   Linux:   app-image and .deb  (needs dpkg-deb and readelf; packaging/linux/build-deb.sh)
#   Windows: app-image and .msi  (run in Git Bash; needs the WiX Toolset 3 on PATH)
#   macOS:   app-image and .dmg  (run on macOS; sign/notarize separately, see docs/packaging.md)
# Usage: packaging/build-package.sh [app-image|deb|msi|dmg]   (default: app-image and the system's installer)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
: "${JAVA_HOME:?JAVA_HOME must point at a Java 25 JDK}"
source scripts/java-env.sh
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\)</version>.*:\1:p' pom.xml | head -1)
# The jar without JavaFX, and JavaFX's modular jars for this system: the package profile makes both.
jar=target/samplerlens-nofx.jar
javafx_jars=(target/javafx/*.jar)
[ -f "$jar" ] && [ -f "${javafx_jars[0]}" ] || { echo "build the jars first: mvn -B -Ppackage -DskipTests package" >&2; exit 2; }
# the jar must hold every class and resource of the build (pom.xml takes them by folder)
lost=$(comm -23 <(cd target/classes && find . -type f | sed 's|^\./||' | sort) <("$JAVA_HOME/bin/jar" tf "$jar" | sort))
[ -z "$lost" ] || { echo "$jar lacks files of target/classes (add their folder to the jar-without-javafx filter in pom.xml):" >&2; echo "$lost" | head >&2; exit 1; }

out=target/package
rm -rf "$out"; mkdir -p "$out/input"
cp "$jar" "$out/input/samplerlens.jar"
# shown by the launcher itself (-splash: below) while the JVM and JavaFX start: see LaunchSplash
cp assets/splash.png "$out/input/splash.png"
# picocli's class files made cacheable, as pom.xml does for target/samplerlens.jar (issue 16)
"$JAVA_HOME/bin/java" packaging/UpgradeClassFiles.java "$out/input/samplerlens.jar" picocli/

# JavaFX becomes part of the runtime, as modules: loaded from the class path (inside the app's
# jar) it prints "Unsupported JavaFX configuration" on every start and unpacks its native
# libraries into the user's home. jlink takes modules with native libraries only as jmods, which
# Maven Central does not carry, so they are made here from the modular jars: classes and
# resources stay, the native libraries move to the jmod's library section (lib/, or bin/ on
# Windows, where the JVM's library path finds them).
fxmods="$out/javafx-jmods"
mkdir -p "$fxmods"
for fxjar in "${javafx_jars[@]}"; do
  module=$("$JAVA_HOME/bin/jar" --describe-module --file "$fxjar" | head -1 | sed 's/@.*//')
  work="$out/javafx-work/$module"
  mkdir -p "$work/classes" "$work/libs"
  (cd "$work/classes" && "$JAVA_HOME/bin/jar" xf "$here/$fxjar")
  find "$work/classes" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dll' -o -name '*.dylib' \) -exec mv {} "$work/libs/" \;
  # JavaFX for Windows brings the MSVC runtime (vcruntime140.dll, ucrtbase.dll, ...), which the
  # JDK has already: jlink refuses two files of one name, and the JDK's copy serves both
  for lib in "$work/libs"/*; do
    name=$(basename "$lib")
    if [ -e "$JAVA_HOME/bin/$name" ] || [ -e "$JAVA_HOME/lib/$name" ]; then rm "$lib"; fi
  done
  rm -rf "$work/classes/META-INF/MANIFEST.MF"
  "$JAVA_HOME/bin/jmod" create --class-path "$work/classes" --libs "$work/libs" "$fxmods/$module.jmod"
done
rm -rf "$out/javafx-work"

# The modules the jar uses (jdeps), plus the ones JavaFX and the app load by reflection.
modules=$("$JAVA_HOME/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps -q "$jar" 2>/dev/null || true)
modules="${modules:+$modules,}javafx.controls,java.base,java.desktop,java.logging,java.prefs,java.xml,java.scripting,jdk.unsupported,jdk.jsobject,jdk.xml.dom,jdk.crypto.ec,jdk.zipfs"
# Keep only modules this JDK really has (jdk.jsobject is absent on some).
have=$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//')
have+=$'\n'$(ls "$fxmods" | sed 's/\.jmod$//')
modules=$(echo "$modules" | tr ',' '\n' | sort -u | grep -Fxf <(echo "$have") | paste -sd, -)
"$JAVA_HOME/bin/jlink" --module-path "$fxmods" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --generate-cds-archive --output "$out/runtime"
echo "runtime: $(du -sh "$out/runtime" | cut -f1) ($modules)"

# The app's JVM options (packaging/app-jvm-options says why), plus its ahead-of-time cache: the
# cache is recorded below by a training run of the finished app image and shipped inside it.
# A missing or unusable cache is ignored by the JVM (quietly, with the log options), so an image
# built where no training run is possible still runs, only slower to start.
read_app_jvm_options
# JavaFX's modules load native libraries (the app's own code is ALL-UNNAMED, in app-jvm-options)
app_opts+=(--enable-native-access=javafx.graphics)
java_opts=()
for o in "${app_opts[@]}"; do java_opts+=(--java-options "$o"); done
java_opts+=(--java-options '-XX:AOTCache=$APPDIR/samplerlens.aot' --java-options -Xlog:aot=off --java-options -Xlog:cds=off)
java_opts+=(--java-options '-splash:$APPDIR/splash.png')
common=(--name SamplerLens --app-version "$version" --vendor "SamplerLens"
  --description "Inspect, trace and re-embed the metadata of ComfyUI images"
  --dest "$out")
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

# 1. The app image (every installer is made from it, so they all carry the same cache).
icon=assets/icons/samplerlens.png
case "$(uname -s)" in
  Darwin) icon=assets/icons/samplerlens.icns; image="$out/SamplerLens.app"; appdir="$image/Contents/app"; java="$image/Contents/runtime/Contents/Home/bin/java" ;;
  MINGW*|MSYS*|CYGWIN*) icon=assets/icons/samplerlens.ico; image="$out/SamplerLens"; appdir="$image/app"; java="$image/runtime/bin/java.exe" ;;
  *) image="$out/SamplerLens"; appdir="$image/lib/app"; java="$image/lib/runtime/bin/java" ;;
esac
# A second launcher, samplerlens-cli, for the command line: its own JVM options (packaging/cli-jvm-options)
# and its own start-up cache, recorded below from com.samplerlens.cli.CliTraining (issue 16).
read_cli_jvm_options
# The launcher's other settings (console on Windows, no menu entry) come from packaging/cli-launcher.properties.
{ printf 'java-options=%s -XX:AOTCache=$APPDIR/samplerlens-cli.aot -Xlog:aot=off -Xlog:cds=off\n' "${cli_opts[*]}"
  grep -v -e '^#' -e '^java-options=' packaging/cli-launcher.properties; } > "$out/cli-launcher.properties"
"$JAVA_HOME/bin/jpackage" --type app-image "${common[@]}" --input "$out/input" --main-jar samplerlens.jar \
  --main-class com.samplerlens.Main --runtime-image "$out/runtime" "${java_opts[@]}" --icon "$icon" \
  --add-launcher samplerlens-cli="$out/cli-launcher.properties"

# The command line's cache: no display needed, every command run once on files it makes itself.
"$java" "${cli_opts[@]}" -XX:AOTCacheOutput="$appdir/samplerlens-cli.aot" -Xlog:aot=off -Xlog:cds=off \
  -cp "$appdir/samplerlens.jar" com.samplerlens.cli.CliTraining >/dev/null 2>&1 \
  || { rm -f "$appdir/samplerlens-cli.aot"  # written at exit even after a failed run
       echo "warning: the CLI's AOT training run failed; samplerlens-cli will start without its cache" >&2; }
[ -f "$appdir/samplerlens-cli.aot" ] && echo "CLI AOT cache: $(du -h "$appdir/samplerlens-cli.aot" | cut -f1)"

# 2. The AOT cache (JDK 25, JEP 483/514/515): classes loaded and linked, and method profiles,
# recorded by running the image's own runtime on the bundled sample and a ~150-node workflow,
# as scripts/bench-app-start.sh does. It more than halves the cold start (docs/benchmarks.md).
# The JVM accepts it after installation in another folder: it matches the jar by file name.
# The run needs a display: the system's, or Xvfb started here.
train_display=${DISPLAY:-}
xvfb_pid=
if [ -z "$train_display" ] && [ "$(uname -s)" = Linux ] && command -v Xvfb >/dev/null; then
  train_display=:87
  Xvfb "$train_display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
fi
if [ -n "$train_display" ] || [ "$(uname -s)" != Linux ]; then
  prefs=$(mktemp -d)
  DISPLAY=$train_display timeout 300 "$java" "${app_opts[@]}" -XX:AOTCacheOutput="$appdir/samplerlens.aot" -Xlog:aot=off -Xlog:cds=off \
    -Djava.util.prefs.userRoot="$prefs" -Dsamplerlens.timing=true -Dsamplerlens.timing.exit=true \
    -Dsamplerlens.timing.open="$here/src/test/resources/fixtures/workflows/ui/kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json" \
    -Dsamplerlens.timing.repeat=3 -cp "$appdir/samplerlens.jar" com.samplerlens.Main >/dev/null 2>&1 \
    || { rm -f "$appdir/samplerlens.aot"  # the JVM writes one at exit even after a failed run: too little of the app
         echo "warning: the AOT training run failed; the app will start without its cache" >&2; }
  rm -rf "$prefs"
else
  echo "warning: no display (and no Xvfb) for the AOT training run; the app will start without its cache" >&2
fi
[ -n "$xvfb_pid" ] && kill "$xvfb_pid"
[ -f "$appdir/samplerlens.aot" ] && echo "AOT cache: $(du -h "$appdir/samplerlens.aot" | cut -f1)"

# 3. The installers, from that image.
for t in "${types[@]}"; do
  case "$t" in
    app-image) ;;
    deb) packaging/linux/build-deb.sh "$image" "$version" "$out" ;;
    msi) "$JAVA_HOME/bin/jpackage" --type msi "${common[@]}" --app-image "$image" "${assoc[@]}" --icon assets/icons/samplerlens.ico \
           --win-menu --win-shortcut --win-dir-chooser --win-upgrade-uuid 7d9c2f0e-5b1a-4c7e-9a51-3f1f6b0c2d11 ;;
    dmg) "$JAVA_HOME/bin/jpackage" --type dmg "${common[@]}" --app-image "$image" "${assoc[@]}" --icon assets/icons/samplerlens.icns \
           --mac-package-identifier com.samplerlens.app ;;
    *) echo "unknown package type '$t' (app-image, deb, msi, dmg)" >&2; exit 2 ;;
  esac
done
ls -la "$out"
