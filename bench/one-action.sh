#!/usr/bin/env bash
# Benchmark: one action traced as a person at a review would (`trace --action NAME`, the whole
# process through bin/novatrace), cold (--no-cache: every file parsed) and warm (a parse cache
# of its own, filled by a first run), against CPython's ast.parse of the same files, timed in this
# one run. Prints wall time, user CPU and peak RSS of each (/usr/bin/time), medians of ROUNDS.
#
#   bench/one-action.sh [SNAPSHOT_OR_PATH] [ACTION] [ROUNDS]   (default: 34.0.0 pause 3)
#
# Needs target/novatrace.jar (mvn -B package -DskipTests), the snapshot (nova-snapshots/fetch)
# and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
src="${1:-34.0.0}"
action="${2:-pause}"
rounds="${3:-3}"
# shellcheck source=tree.sh
. bench/tree.sh
bench_tree "$src"
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt install time)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# One line "wall user rss_kib" per run of the command after --.
timed() { /usr/bin/time -f "%e %U %M" -o "$out/t" "$@" > /dev/null 2> "$out/err" \
  || { cat "$out/err" >&2; exit 1; }; cat "$out/t"; }

cpython() {
  # shellcheck disable=SC2086 # one word per package
  timed python3 -c '
import ast, pathlib, sys
for pkg in sys.argv[2:]:
    root = pathlib.Path(sys.argv[1]) / pkg
    for f in sorted(root.rglob("*.py")):
        if (root / "tests") not in f.parents:
            ast.parse(f.read_bytes(), str(f))
' "$tree" $pkgs
}

bin/novatrace trace --nova "$tree" --action "$action" -o "$out/fill" --cache-dir "$out/cache" \
  > /dev/null 2>&1 || { echo "bench: trace --action $action failed" >&2; exit 1; }
for _ in $(seq "$rounds"); do
  cpython >> "$out/cpython"
  timed bin/novatrace trace --nova "$tree" --action "$action" -o "$out/cold" --no-cache >> "$out/cold.t"
  timed bin/novatrace trace --nova "$tree" --action "$action" -o "$out/warm" \
    --cache-dir "$out/cache" >> "$out/warm.t"
done
diff -r "$out/cold" "$out/warm" > /dev/null || { echo "bench: the warm cache changed the diagram" >&2; exit 1; }

python3 - "$out" "$action" "$rounds" <<'PY'
import statistics, sys
out, action, rounds = sys.argv[1], sys.argv[2], sys.argv[3]
def med(name):
    rows = [list(map(float, l.split())) for l in open(f"{out}/{name}") if l.strip()]
    return [statistics.median(r[i] for r in rows) for i in range(3)]
cp, cold, warm = med("cpython"), med("cold.t"), med("warm.t")
print(f"medians of {rounds} rounds")
print(f"cpython ast.parse of the tree:      {cp[0]:5.2f} s wall, {cp[1]:5.2f} s user, {cp[2]/1024:5.0f} MiB")
for label, r in (("cold (--no-cache)", cold), ("warm (parse cache)", warm)):
    print(f"trace --action {action}, {label}: {r[0]:5.2f} s wall ({r[0]/cp[0]:.2f}x), {r[1]:5.2f} s user, {r[2]/1024:5.0f} MiB")
PY
