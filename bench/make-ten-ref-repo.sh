#!/usr/bin/env bash
# Builds a ten-release Nova repository for bench/history-vs-trace.sh: the four real snapshots
# (nova-snapshots/22.0.1, 26.2.2, 31.0.0, 34.0.0) and, between each two consecutive ones, two
# SYNTHETIC commits that interpolate between them. They are no Nova release: no Nova clone and
# no network are at hand, and ten refs are what the history target is stated for.
#
#   bench/make-ten-ref-repo.sh [--fresh] [DIR]    (default DIR: target/nova-ten.git)
#
# Between releases A and B, the files that differ (changed, added or removed) are sorted by path;
# the k-th of the two points takes B's version of the files whose index i has i % 3 < k, and A's
# version of the rest, so it holds about k/3 of the way from A to B, spread over the whole tree.
# Such a point has no file content of its own, so `history` parses nothing for it (its blobs are
# all A's or B's). --fresh makes it pessimistic instead: every file a point takes from B gets a
# comment line naming the point at its top (a .py file only), so its blob is new and every line
# of it has moved: a file the first point takes is read and cut into units there, again at the
# second point and again at B (its units are A's or B's, moved by a line).
# (default DIR for --fresh too: give target/nova-ten-fresh.git to keep both.)
#
# One linear master, oldest first, commit dates in release order; tags that the default ref
# selection (ReleaseRefs) picks: the real ones as NovaHistoryRepo tags them (victoria-eom,
# zed-eom, 2025.1-eom annotated; 34.0.0 lightweight, which is also HEAD), the synthetic ones
# synth-NN-eom (NN: a series the point stands for). Fixed identity and dates: the same snapshots
# give the same commit ids. Needs git; reads only nova-snapshots/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
fresh=0
if [ "${1:-}" = "--fresh" ]; then fresh=1; shift; fi
dir="${1:-target/nova-ten.git}"

releases=(22.0.1 26.2.2 31.0.0 34.0.0)
tags=(victoria-eom zed-eom 2025.1-eom 34.0.0)
dates=(2021-01-20 2024-06-04 2025-04-02 2026-10-01)
# The two synthetic points between releases i and i+1, by the series they stand for.
synth=("23 25" "28 30" "32 33")
for v in "${releases[@]}"; do
  [ -d "nova-snapshots/$v/nova/compute" ] || {
    echo "make-ten-ref-repo: nova-snapshots/$v is not unpacked (nova-snapshots/fetch $v)" >&2
    exit 2
  }
done

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="novatrace bench" GIT_AUTHOR_EMAIL="bench@novatrace.dev"
export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
rm -rf "$dir"
git init -q --bare "$dir"
export GIT_DIR
GIT_DIR=$(cd "$dir" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GIT_INDEX_FILE="$tmp/index"

# The tree of a snapshot's nova/, every file as it is (-f: a .gitignore inside ignores nothing).
snapshot_tree() {
  rm -f "$GIT_INDEX_FILE"
  GIT_WORK_TREE="$(cd "nova-snapshots/$1" && pwd -P)" git add -A -f nova
  git write-tree
}

# The tree k/3 of the way from tree $1 to tree $2 (see above); $4 names the point for --fresh.
between() {
  local a=$1 b=$2 k=$3 name=$4
  rm -f "$GIT_INDEX_FILE"
  git read-tree "$a"
  git diff-tree -r --name-only "$a" "$b" | LC_ALL=C sort > "$tmp/paths"
  git ls-tree -r "$b" > "$tmp/b"
  # B's entry (mode blob path) of each chosen path or, for a file B removed, a removal (mode 0).
  awk -F '\t' -v k="$k" '
    NR == FNR { split($1, m, " "); entry[$2] = m[1] " " m[3]; next }
    (FNR - 1) % 3 < k {
      print ($0 in entry ? entry[$0] : "0 0000000000000000000000000000000000000000") "\t" $0
    }' "$tmp/b" "$tmp/paths" > "$tmp/info"
  if [ "$fresh" = 1 ]; then
    while IFS=$'\t' read -r meta path; do
      if [ "${meta%% *}" != 0 ] && [[ "$path" == *.py ]]; then
        meta="${meta%% *} $( { printf '# novatrace bench: synthetic point %s\n' "$name";
          git cat-file blob "${meta#* }"; } | git hash-object -w --stdin)"
      fi
      printf '%s\t%s\n' "$meta" "$path"
    done < "$tmp/info" > "$tmp/info.fresh"
    mv "$tmp/info.fresh" "$tmp/info"
  fi
  git update-index --index-info < "$tmp/info"
  git write-tree
}

head=""
commit() { # tree, date (YYYY-MM-DD), message
  export GIT_AUTHOR_DATE="$2T00:00:00Z" GIT_COMMITTER_DATE="$2T00:00:00Z"
  head=$(echo "$3" | git commit-tree "$1" ${head:+-p "$head"})
  git update-ref refs/heads/master "$head"
}

trees=()
for v in "${releases[@]}"; do trees+=("$(snapshot_tree "$v")"); done
for i in 0 1 2 3; do
  commit "${trees[$i]}" "${dates[$i]}" "Nova ${releases[$i]}"
  if [ "${tags[$i]}" = "34.0.0" ]; then
    git update-ref "refs/tags/${tags[$i]}" "$head"
  else
    git tag -a -m "${tags[$i]}" "${tags[$i]}" "$head"
  fi
  [ "$i" -lt 3 ] || break
  read -r -a series <<< "${synth[$i]}"
  from=$(date -ud "${dates[$i]}" +%s)
  to=$(date -ud "${dates[$((i + 1))]}" +%s)
  for k in 1 2; do
    name="synth-${series[$((k - 1))]}-eom"
    when=$(date -ud "@$((from + (to - from) * k / 3))" +%F)
    tree=$(between "${trees[$i]}" "${trees[$((i + 1))]}" "$k" "$name")
    commit "$tree" "$when" "SYNTHETIC: $k/3 of the way from Nova ${releases[$i]} to ${releases[$((i + 1))]}"
    git tag -a -m "$name (synthetic)" "$name" "$head"
  done
done
git symbolic-ref HEAD refs/heads/master
echo "$dir: $(git rev-list --count master) commits; $(git tag | wc -l) tags; HEAD $(git rev-parse --short HEAD)"
