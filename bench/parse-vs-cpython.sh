#!/usr/bin/env bash
# parse-vs-cpython.sh: how long `novatrace parse` takes on a Python tree, against CPython's own
# ast.parse on the same files. Both are timed as whole processes (start-up included), since that
# is what a user waits for. The goal is a ratio of at most 2.0.
#
# Usage: bench/parse-vs-cpython.sh [TREE]
#   TREE  folder of .py files; default nova-snapshots/34.0.0/nova, else the first snapshot present.
# Builds nothing: run `mvn -B -q package -DskipTests` first so target/novatrace.jar exists.
# Needs python3 on PATH. Prints both wall times and the ratio java/python.
set -euo pipefail

cd "$(dirname "$0")/.."
jar=target/novatrace.jar
[[ -f $jar ]] || { echo "parse-vs-cpython: $jar missing; build it first" >&2; exit 2; }

tree=${1:-}
if [[ -z $tree ]]; then
  if [[ -d nova-snapshots/34.0.0/nova ]]; then
    tree=nova-snapshots/34.0.0/nova
  else
    tree=$(ls -d nova-snapshots/*/nova 2>/dev/null | head -n 1 || true)
  fi
fi
[[ -n $tree && -d $tree ]] || { echo "parse-vs-cpython: no tree to parse (give one, or fetch snapshots)" >&2; exit 2; }

now() { date +%s.%N; }

start=$(now)
python3 -c '
import ast, os, sys
files = lines = 0
for d, _, names in os.walk(sys.argv[1]):
    for n in names:
        if n.endswith(".py"):
            with open(os.path.join(d, n), "rb") as f:
                src = f.read()
            ast.parse(src)
            files += 1
            lines += src.count(b"\n")
print(f"cpython: {files} files, {lines} lines")
' "$tree"
python_s=$(echo "$(now) - $start" | bc)

start=$(now)
java -jar "$jar" parse "$tree" --format json --no-cache >/tmp/parse-vs-cpython.$$.json || true
java_s=$(echo "$(now) - $start" | bc)
echo "novatrace: $(cat /tmp/parse-vs-cpython.$$.json)"
rm -f /tmp/parse-vs-cpython.$$.json

printf 'tree:      %s\n' "$tree"
printf 'cpython:   %.2fs\n' "$python_s"
printf 'novatrace: %.2fs\n' "$java_s"
printf 'ratio:     %.2f\n' "$(echo "$java_s / $python_s" | bc -l)"
