# Sourced by ./samplerlens and ./run-tests: finds a Java 25 JDK and exports JAVA_HOME.
# The JDK's release file says its version; asking the JVM itself cost a JVM start (0.2-0.8 s wall on
# a loaded 2-core machine) on every ./samplerlens run, more than a one-file inspect's own work.
java_major() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  if [ -n "$v" ]; then echo "$v"; return; fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" != 25 ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/jdk-25*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" = 25 ]; then JAVA_HOME=$candidate; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" != 25 ]; then
  echo "SamplerLens needs Java 25: install a Java 25 JDK and set JAVA_HOME to it." >&2
  exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
# Fills the array app_opts with the desktop app's JVM options (packaging/app-jvm-options, one per
# line; # starts a comment).
read_app_jvm_options() {
  app_opts=()
  local line
  while IFS= read -r line; do
    case "$line" in ''|'#'*) ;; *) app_opts+=("$line") ;; esac
  done < "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/packaging/app-jvm-options"
}
# Fills the array cli_opts with the command line's JVM options (packaging/cli-jvm-options).
read_cli_jvm_options() {
  cli_opts=()
  local line
  while IFS= read -r line; do
    case "$line" in ''|'#'*) ;; *) cli_opts+=("$line") ;; esac
  done < "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/packaging/cli-jvm-options"
}
