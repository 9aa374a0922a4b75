#!/usr/bin/env bash
# Fuzzes one Jazzer target for real, for the target's @FuzzTest maxDuration (10 min) unless
# --duration says otherwise (a libFuzzer/Jazzer duration: 30s, 10m, 1h).
#   scripts/fuzz.sh ContainerReaderFuzzTest#png
#   scripts/fuzz.sh --duration 2m WriterRoundTripFuzzTest#png
# Findings are written next to the seeds (src/test/resources/com/samplerlens/fuzz/<Class>Inputs/<method>/crash-*)
# and are then replayed by every plain `mvn test`. The growing corpus lives in .cifuzz-corpus/ (ignored by git).
# Runs under `nice -n 19` (FUZZ_NICE to change): fuzz one target at a time on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=
if [[ ${1:-} == --duration ]]; then
    duration=${2:?usage: scripts/fuzz.sh [--duration 10m] Class#method}
    shift 2
fi
target=${1:?usage: scripts/fuzz.sh [--duration 10m] Class#method}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
export JAZZER_FUZZ=1
# The annotation's maxDuration only applies while jazzer.max_duration is unset (Jazzer's setIfDefault),
# so this property overrides it.
duration_opt=()
[[ -n $duration ]] && duration_opt=("-Djazzer.max_duration=$duration")
# Coverage feedback from our code and from metadata-extractor, which parses the EXIF IFDs.
# A target's @Timeout(10) becomes libFuzzer's per-input -timeout (a hang is a finding); JUnit's own
# timeout is switched off here, or it would fail the whole 10-minute fuzzing run as one slow "test".
exec nice -n "${FUZZ_NICE:-19}" mvn -B -o test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    "${duration_opt[@]}" \
    -Djazzer.instrument='com.samplerlens.**,com.drew.**' -Djunit.jupiter.execution.timeout.mode=disabled
