#!/usr/bin/env bash
# Benchmark: `history --all` over every default ref of a Nova git repository against one
# `trace --all` of its newest ref, both whole processes, timed in the same rounds. Per round it
# prints the machine's load, both wall times and CPU times (user + system, from /usr/bin/time)
# and their ratios; then the median of each (target: at most 3x for ten refs). On a shared
# machine CPU time is the steadier figure: wall time doubles when another job takes a core.
#
#   bench/history-vs-trace.sh [REPO] [ROUNDS]    (defaults: target/nova-history.git, 3)
#
# The four-ref repository is the four snapshots committed one per release, which HistoryIT and
# GitSourceIT build (mvn -B verify -Dit.test=HistoryIT); the ten-ref one is made by
# bench/make-ten-ref-repo.sh (target/nova-ten.git: four real releases, six synthetic points).
# Needs target/novatrace.jar (or the jar NOVATRACE_JAR names, to compare two builds) and
# /usr/bin/time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="${1:-target/nova-history.git}"
rounds="${2:-3}"
[ -d "$repo" ] || { echo "bench: no git repository at $repo (run HistoryIT, or bench/make-ten-ref-repo.sh)" >&2; exit 2; }
jarfile="${NOVATRACE_JAR:-target/novatrace.jar}"
[ -f "$jarfile" ] || { echo "bench: build first: mvn -B package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
jar="java -jar $jarfile"

refs=$($jar history --nova "$repo" --list-refs | awk '{print $1}')
newest=$(echo "$refs" | tail -1)
echo "$repo: $(echo "$refs" | wc -l) refs ($(echo $refs | tr ' ' ,)); newest $newest"

# Wall and CPU seconds of one whole process, "wall cpu", its output thrown away.
timed() {
  rm -rf "$out/o"
  /usr/bin/time -o "$out/time" -f "%e %U %S" "$@" -o "$out/o" > /dev/null
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$out/time"
}

: > "$out/rounds"
for r in $(seq "$rounds"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  # --no-cache: each round parses as the first run on a machine does (the parse cache would
  # make every round after the first a warm one).
  t=$(timed $jar trace --nova "$repo@$newest" --all --no-cache)
  h=$(timed $jar history --nova "$repo" --all --no-cache)
  echo "$load $t $h" >> "$out/rounds"
done

python3 - "$out/rounds" "$newest" "$(echo "$refs" | wc -l)" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1])]
print(f"{'round':>5} {'load':>5} | trace of {sys.argv[2]}: wall   cpu | history, {sys.argv[3]} refs: wall   cpu | ratio wall  cpu")
for i, (load, tw, tc, hw, hc) in enumerate(rows, 1):
    print(f"{i:>5} {load:>5.1f} | {tw:>18.2f} {tc:>5.2f} | {hw:>23.2f} {hc:>5.2f} | {hw / tw:>10.2f}x {hc / tc:>4.2f}x")
med = lambda k: statistics.median(r[k] for r in rows)
print(f"median      | {med(1):>18.2f} {med(2):>5.2f} | {med(3):>23.2f} {med(4):>5.2f} |"
      f" {med(3) / med(1):>10.2f}x {med(4) / med(2):>4.2f}x")
PY
