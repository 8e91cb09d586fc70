#!/usr/bin/env bash
# Benchmark: the README's test command (unit, golden and integration tests, SpotBugs), as a
# whole: wall time, CPU time and the peak RSS of the largest process of the run (Maven or a
# forked test JVM), from GNU time. Run it with the snapshots fetched (nova-snapshots/fetch,
# nova-snapshots/fetch-cpython), as .ci/run does, so that no integration test is skipped.
#
#   bench/test-suite.sh [MAVEN_ARGS...]      (default: -B verify)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt install time)" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log" "$log.t"' EXIT
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-B verify)
start=$(date +%s)
if ! /usr/bin/time -f "%e %U %S %M" -o "$log.t" mvn "${args[@]}" > "$log" 2>&1; then
  tail -40 "$log" >&2
  echo "bench: the test command failed" >&2
  exit 1
fi
read -r wall user sys rss < "$log.t"
# The totals of surefire and failsafe (the lines that name no class), whatever Maven's prefix.
tests=$(grep -E "Tests run: [0-9]+, Failures" "$log" | grep -v " -- in " \
  | sed -E 's/.*Tests run: ([0-9]+),.*/\1/' | paste -sd+ | bc)
echo "mvn ${args[*]}: $(date -u -d "@$start" +%F) $wall s wall, $(echo "$user + $sys" | bc) s CPU, peak RSS $((rss / 1024)) MiB, $tests tests"
