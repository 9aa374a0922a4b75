# Sourced by ./samplerlens and ./run-tests: finds a Java 25 JDK and exports JAVA_HOME.
# The JDK's release file says its version; asking the JVM itself cost a JVM start (0.2-0.8 s wall on
# a loaded 2-core machine) on every ./samplerlens run, more than a one-file inspect's own work.
# Bash builtins only on the way to the JVM: on a machine where starting a process costs 5-10 ms,
# the subshells and sed this took were 60 ms of every ./samplerlens run (docs/benchmarks.md).
# java_major DIR sets java_version to the JDK's major version, read from its release file.
java_major() {
  java_version=
  local line
  if [ -r "$1/release" ]; then
    while IFS= read -r line; do
      case "$line" in JAVA_VERSION=\"[0-9]*)
        line=${line#JAVA_VERSION=\"}
        java_version=${line%%[!0-9]*}
        return ;;
      esac
    done < "$1/release"
  fi
  # no release file: ask the JVM (a JVM start), when there is one
  if [ -x "$1/bin/java" ]; then
    java_version=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p') || java_version=
  fi
}
java_version=
if [ -n "${JAVA_HOME:-}" ]; then java_major "$JAVA_HOME"; fi
if [ -z "${JAVA_HOME:-}" ] || [ "$java_version" != 25 ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/jdk-25*; do
    [ -x "$candidate/bin/java" ] || continue
    java_major "$candidate"
    if [ "$java_version" = 25 ]; then JAVA_HOME=$candidate; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$java_version" != 25 ]; then
  echo "SamplerLens needs Java 25: install a Java 25 JDK and set JAVA_HOME to it." >&2
  exit 2
fi
export JAVA_HOME
# this checkout's root: the folder above this file's (no subshell: see java_major)
samplerlens_root=${BASH_SOURCE[0]%/*}
[ "$samplerlens_root" = "${BASH_SOURCE[0]}" ] && samplerlens_root=.
case "$samplerlens_root" in /*) ;; *) samplerlens_root=$PWD/$samplerlens_root ;; esac
samplerlens_root=$samplerlens_root/..
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
# Fills the array app_opts with the desktop app's JVM options (packaging/app-jvm-options, one per
# line; # starts a comment).
read_app_jvm_options() {
  app_opts=()
  local line
  while IFS= read -r line; do
    case "$line" in ''|'#'*) ;; *) app_opts+=("$line") ;; esac
  done < "$samplerlens_root/packaging/app-jvm-options"
}
# Fills the array cli_opts with the command line's JVM options (packaging/cli-jvm-options).
read_cli_jvm_options() {
  cli_opts=()
  local line
  while IFS= read -r line; do
    case "$line" in ''|'#'*) ;; *) cli_opts+=("$line") ;; esac
  done < "$samplerlens_root/packaging/cli-jvm-options"
}
