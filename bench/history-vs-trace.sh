#!/usr/bin/env bash
# Benchmark: `history --all` over every default ref of a Nova git repository against one
# `trace --all` of its newest ref, both whole processes timed in this one run. Prints both wall
# times and their ratio (target: at most 3x for ten refs).
#
#   bench/history-vs-trace.sh [REPO]    (default: target/nova-history.git)
#
# The default repository is the four snapshots committed one per release, which HistoryIT and
# GitSourceIT build (mvn -B verify -Dit.test=HistoryIT). Needs target/novatrace.jar.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="${1:-target/nova-history.git}"
[ -d "$repo" ] || { echo "bench: no git repository at $repo (run HistoryIT first)" >&2; exit 2; }
[ -f target/novatrace.jar ] || { echo "bench: build first: mvn -B package -DskipTests" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
jar="java -jar target/novatrace.jar"

now() { date +%s.%N; }

refs=$($jar history --nova "$repo" --list-refs | awk '{print $1}')
newest=$(echo "$refs" | tail -1)
t0=$(now)
$jar trace --nova "$repo@$newest" --all -o "$out/trace" > /dev/null
t1=$(now)
$jar history --nova "$repo" --all -o "$out/history" > /dev/null
t2=$(now)

python3 - "$t0" "$t1" "$t2" "$(echo "$refs" | wc -l)" "$newest" <<'PY'
import sys
t0, t1, t2 = map(float, sys.argv[1:4])
tr, hi = t1 - t0, t2 - t1
print(f"trace --all of {sys.argv[5]}:        {tr:6.2f} s")
print(f"history --all over {sys.argv[4]} refs: {hi:6.2f} s")
print(f"ratio: {hi / tr:.2f}x one trace")
PY
