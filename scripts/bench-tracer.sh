#!/usr/bin/env bash
# Tracing stays linear (issue 16 target: 10k / 20k / 40k nodes within 2.2x per doubling), for the
# eight-sampler "spread" graph and the "chained" graph where every fourth node is a sampler
# (issue 14: the sampler count must not matter). JMH TracerBenchmark.trace (a built graph traced)
# and buildAndTrace (the graph's index and id ranks built too); prints the ratio of each doubling
# from the JMH scores. A benchmark, not a test: run it on a quiet machine.
# Usage: scripts/bench-tracer.sh [JMH options, default -wi 3 -i 5 -f 1]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mvn -B -q -o test-compile
CP="target/classes:target/test-classes:$(mvn -B -q -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test | sed 's/\x1b\[[0-9;]*m//g')"
ARGS=("$@"); [ ${#ARGS[@]} -eq 0 ] && ARGS=(-wi 3 -i 5 -f 1)
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
"$JAVA_HOME/bin/java" -cp "$CP" org.openjdk.jmh.Main 'TracerBenchmark.(trace|buildAndTrace)$' "${ARGS[@]}" -rf csv -rff "$OUT" >&2
# "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: nodes","Param: shape"
python3 - "$OUT" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
by = {}
for r in rows:
    if ":" in r["Benchmark"]: continue  # a profiler's secondary row (-prof gc), not a score
    by.setdefault(r["Benchmark"].split(".")[-1] + " " + r["Param: shape"], {})[int(r["Param: nodes"])] = (float(r["Score"]), float(r["Score Error (99.9%)"]))
print("| benchmark, shape | nodes | ms/op | ratio to half the nodes |")
print("|---|---|---|---|")
for shape, scores in by.items():
    prev = None
    for n in sorted(scores):
        s, e = scores[n]
        print(f"| {shape} | {n:,} | {s:.1f} ± {e:.1f} | {'' if prev is None else f'{s / prev:.2f}x'} |")
        prev = s
EOF
# The floor to read those ratios against: a breadth-first walk from the save node alone, on arrays
# made once (GraphWalkFloorBenchmark.bfs). When its time per node steps up between two sizes (on a
# core with a 1 MiB L2 it does between 20,000 and 30,000 nodes), no trace built on it grows
# linearly across that step (docs/benchmarks.md, seventh pass).
"$JAVA_HOME/bin/java" -cp "$CP" org.openjdk.jmh.Main 'GraphWalkFloorBenchmark.bfs$' -p nodes=10000,20000,40000 "${ARGS[@]}" -rf csv -rff "$OUT" >&2
python3 - "$OUT" <<'EOF2'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if ":" not in r["Benchmark"]]
scores = sorted((int(r["Param: nodes"]), float(r["Score"])) for r in rows)
per_node = " / ".join(f"{s * 1000 / n:.1f}" for n, s in scores)
ratios = ", ".join(f"{b[1] / a[1]:.2f}x" for a, b in zip(scores, scores[1:]))
print(f"floor (breadth-first walk alone, spread): {per_node} ns per node at " + " / ".join(f"{n:,}" for n, _ in scores) + f" nodes; per doubling {ratios}")
EOF2
