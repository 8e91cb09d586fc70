#!/usr/bin/env bash
# Renders every .wsd under a folder (default: diagrams/) to SVG with the built jar and prints
# how many files and messages there were and the wall time. Output goes to a temp folder, so the
# folder measured is left as it was.
#   bench/render.sh [FOLDER] [FORMAT]     (build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-diagrams}"
format="${2:-svg}"
jar=target/novatrace.jar
[ -f "$jar" ] || { echo "bench: $jar missing: run 'mvn -B -q package -DskipTests' first" >&2; exit 2; }
[ -d "$dir" ] || { echo "bench: no folder $dir" >&2; exit 2; }
files=$(find "$dir" -name '*.wsd' -type f | wc -l)
[ "$files" -gt 0 ] || { echo "bench: no .wsd files under $dir" >&2; exit 2; }
# A message line: a name, an arrow (->, -->, ->>, -->>), maybe +/-, a name. Comments do not count.
messages=$(find "$dir" -name '*.wsd' -type f -print0 | xargs -0 cat | tr -d '\r' \
  | grep -cE '^[[:space:]]*("[^"]*"|[^#":[:space:]]+)[[:space:]]*--?>>?[[:space:]]*[+-]?[[:space:]]*("[^"]*"|[^":[:space:]]+)' || true)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s%N)
status=0
java -jar "$jar" render "$dir" -o "$out" --format "$format" > /dev/null || status=$?
end=$(date +%s%N)
rendered=$(find "$out" -type f | wc -l)
ms=$(( (end - start) / 1000000 ))
printf 'files: %d (rendered %d)\nmessages: %d\nformat: %s\nwall time: %d.%03d s\n' \
  "$files" "$rendered" "$messages" "$format" $((ms / 1000)) $((ms % 1000))
exit "$status"
