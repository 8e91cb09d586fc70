# Sourced by the benchmarks that trace a tree: resolves SRC (a snapshot name or a path) to
# $tree and the packages CPython parses for it to $pkgs (nova; cinder; neutron and neutron_lib),
# and checks that the jar is built.
# shellcheck shell=bash
bench_tree() {
  local src=$1
  if [ -d "$src/nova" ] || [ -d "$src/cinder" ] || [ -d "$src/neutron" ]; then tree="$src"
  else tree="nova-snapshots/$src"; fi
  if [ -d "$tree/nova" ]; then pkgs=nova; elif [ -d "$tree/cinder" ]; then pkgs=cinder
  elif [ -d "$tree/neutron" ]; then pkgs="neutron neutron_lib"; else
    echo "bench: no Nova, Cinder or Neutron tree at $tree (run nova-snapshots/fetch)" >&2; exit 2
  fi
  [ -f target/novatrace.jar ] || { echo "bench: build first: mvn -B package -DskipTests" >&2; exit 2; }
}
