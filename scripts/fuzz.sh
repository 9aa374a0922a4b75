#!/usr/bin/env bash
# Fuzzes one Jazzer target for real (each target stops after its @FuzzTest maxDuration, 10 min).
#   scripts/fuzz.sh ContainerReaderFuzzTest#png
# Findings are written next to the seeds (src/test/resources/com/samplerlens/fuzz/<Class>Inputs/<method>/crash-*)
# and are then replayed by every plain `mvn test`. The growing corpus lives in .cifuzz-corpus/ (ignored by git).
# Runs under nice: fuzz one target at a time on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh Class#method}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
export JAZZER_FUZZ=1
# Coverage feedback from our code and from metadata-extractor, which parses the EXIF IFDs.
# A target's @Timeout(10) becomes libFuzzer's per-input -timeout (a hang is a finding); JUnit's own
# timeout is switched off here, or it would fail the whole 10-minute fuzzing run as one slow "test".
exec nice -n 10 mvn -B -o test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.instrument='com.samplerlens.**,com.drew.**' -Djunit.jupiter.execution.timeout.mode=disabled
