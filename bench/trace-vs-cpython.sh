#!/usr/bin/env bash
# Benchmark: `trace --all` (whole process: parse, index, discover, trace, write .wsd) against
# CPython's ast.parse of the same files (nova/ without nova/tests, which tracing does not read;
# cinder/ without cinder/tests for a Cinder tree; neutron/ and neutron_lib/ without their tests for
# a Neutron tree), both timed as whole processes in this one run. Prints both wall times and their
# ratio; novatrace runs with --no-cache (every file parsed), then twice more with a parse cache of
# its own, cold (parsed and kept) and warm (read back). novatrace runs as the installed command
# does, through bin/novatrace (its JVM options: the parallel collector, the client compiler, and
# the class-data archive its first run writes: one untimed run first, as a user's first, writes
# it if this build has none yet).
#
#   bench/trace-vs-cpython.sh [SNAPSHOT_OR_PATH]    (default: 34.0.0; cinder-29.0.0, neutron-29.0.0)
#
# Needs target/novatrace.jar (mvn -B package -DskipTests) and the snapshot (nova-snapshots/fetch).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
src="${1:-34.0.0}"
# shellcheck source=tree.sh
. bench/tree.sh
bench_tree "$src"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

now() { date +%s.%N; }

bin/novatrace trace --nova "$tree" --all -o "$out/first" --no-cache > /dev/null

t0=$(now)
# shellcheck disable=SC2086 # one word per package
python3 - "$tree" $pkgs <<'PY'
import ast, pathlib, sys
n = 0
for pkg in sys.argv[2:]:
    root = pathlib.Path(sys.argv[1]) / pkg
    for f in sorted(root.rglob("*.py")):
        if (root / "tests") in f.parents:
            continue
        ast.parse(f.read_bytes(), str(f))
        n += 1
print(f"cpython: ast.parse of {n} files", file=sys.stderr)
PY
t1=$(now)
bin/novatrace trace --nova "$tree" --all -o "$out/off" --no-cache > /dev/null
t2=$(now)
bin/novatrace trace --nova "$tree" --all -o "$out/cold" --cache-dir "$out/cache" > /dev/null
t3=$(now)
bin/novatrace trace --nova "$tree" --all -o "$out/warm" --cache-dir "$out/cache" > /dev/null
t4=$(now)
diff -r "$out/off" "$out/warm" > /dev/null || { echo "bench: the warm cache changed a diagram" >&2; exit 1; }

python3 - "$t0" "$t1" "$t2" "$t3" "$t4" "$out/off" <<'PY'
import sys, os
t0, t1, t2, t3, t4 = map(float, sys.argv[1:6])
cp, nt, cold, warm = t1 - t0, t2 - t1, t3 - t2, t4 - t3
n = len([f for f in os.listdir(sys.argv[6]) if f.endswith(".wsd")])
print(f"cpython ast.parse:   {cp:6.2f} s")
print(f"novatrace trace --all ({n} actions), --no-cache: {nt:6.2f} s")
print(f"ratio: {nt / cp:.2f}x CPython")
print(f"with the parse cache: cold {cold:6.2f} s ({cold / cp:.2f}x), warm {warm:6.2f} s ({warm / cp:.2f}x)")
PY
