# Debian package fetching shared by nova-snapshots/fetch (Nova, Cinder) and
# nova-snapshots/fetch-cpython (CPython's standard library): sourced, not run.
#
# apt runs with a private configuration (sources, lists and cache in a temporary directory), so
# the system's own apt state is never touched. Index signatures are checked against the system's
# Debian archive keyring (see deb_keyring_fallback for suites signed by newer keys), and every
# .deb against the SHA256 its signed index gives.
#
# The sourcing script sets `prog` (its name in messages) first. Environment:
# NOVATRACE_DEBIAN_MIRROR overrides the mirror URI read from the apt sources;
# NOVATRACE_DEBIAN_KEYRING overrides the trusted keyring (default: the system's).

keyring="${NOVATRACE_DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}"

die() { echo "$prog: $*" >&2; exit 1; }
say() { echo "$prog: $*" >&2; }
if [ -t 2 ]; then tty=1; else tty=0; fi

# Prints "URI<TAB>suite suite ..." for every enabled 'deb' source, deb822 and one-line style.
list_sources() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    awk 'function flush() { if (uris != "" && types ~ /(^| )deb( |$)/ && enabled != "no")
                              { n = split(uris, u, " "); for (k = 1; k <= n; k++) print u[k] "\t" suites }
                            uris = ""; types = ""; suites = ""; enabled = "" }
         /^[ \t]*#/ { next }
         /^[ \t]*$/ { flush(); next }
         { key = tolower($1); sub(/:$/, "", key); val = $0; sub(/^[^:]*:[ \t]*/, "", val)
           if (key == "types") types = val; else if (key == "uris") uris = val
           else if (key == "suites") suites = val; else if (key == "enabled") enabled = tolower(val) }
         END { flush() }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                       if (i + 1 <= NF) print $i "\t" $(i + 1) }' "$f"
  done
}

# The main Debian archive: a source that serves the system's own release (or a Debian alias for
# one) and is not the security archive.
find_mirror() {
  local codename="" uri suites s
  codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}") || true
  while IFS=$'\t' read -r uri suites; do
    case "$uri" in *security*|cdrom:*) continue ;; esac
    for s in $suites; do
      case "$s" in
        "$codename"|stable|oldstable|oldoldstable|testing|unstable|sid|bullseye|bookworm|trixie|forky|duke)
          echo "${uri%/}"; return 0 ;;
      esac
    done
  done < <(list_sources)
  return 1
}

mirror="${NOVATRACE_DEBIAN_MIRROR:-}"

# deb_open SUITE...: checks the tools, finds the mirror, sets up the private apt configuration
# (removed on exit) and fetches the signed indexes of SUITEs. DEB_TRUST_SUITES may name more
# suites to try when a suite's key is missing from the keyring (see deb_keyring_fallback).
deb_open() {
  local tool
  for tool in apt-get apt-cache dpkg-deb dpkg sha256sum gpgv; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found: fetching snapshots needs Debian's apt, dpkg and gpgv"
  done
  [ -r "$keyring" ] || die "Debian archive keyring not found: $keyring (apt-get install debian-archive-keyring)"

  mirror="${NOVATRACE_DEBIAN_MIRROR:-}"
  if [ -z "$mirror" ]; then
    mirror=$(find_mirror) || die "no Debian mirror found in /etc/apt/sources.list or /etc/apt/sources.list.d/*.sources (set NOVATRACE_DEBIAN_MIRROR)"
  fi

  work=$(mktemp -d "${TMPDIR:-/tmp}/nova-snapshots.XXXXXX")
  trap deb_cleanup EXIT
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/dl" "$work/etc"
  if [ "$(id -u)" = 0 ] && id _apt >/dev/null 2>&1; then
    # apt drops to _apt for downloads; let it write to our private directories.
    chmod 755 "$work"; chown -R _apt "$work/lists" "$work/cache" "$work/dl"
  fi
  apt_opts=(-o "Dir::Etc::sourcelist=$work/etc/sources.list" -o Dir::Etc::sourceparts=-
            -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache"
            -o Dir::State::status=/dev/null -o Acquire::Languages=none
            -o APT::Update::Error-Mode=any)
  log="$work/apt.log"

  suites=()
  local s
  for s in "$@"; do
    case " ${suites[*]:-} " in *" $s "*) ;; *) suites+=("$s") ;; esac
  done
  write_sources "$keyring" "${suites[@]}"
  if ! apt_update; then
    grep -q NO_PUBKEY "$log" || die "apt-get update failed for ${suites[*]} on $mirror: $(first_error)"
    deb_keyring_fallback
  fi
}

# The sourcing script's own partial folders (.partial-*.PID) go too.
deb_cleanup() { rm -rf "$work"; rm -rf "$here"/.partial-*."$$"; }

write_sources() { # keyring suite...
  local kr=$1 s; shift
  for s in "$@"; do echo "deb [signed-by=$kr] $mirror $s main"; done > "$work/etc/sources.list"
}

apt_update() {
  if [ "$tty" = 1 ]; then
    apt-get "${apt_opts[@]}" update 2>&1 | tee "$log" >&2; return "${PIPESTATUS[0]}"
  else
    apt-get "${apt_opts[@]}" -q=2 update > "$log" 2>&1
  fi
}

first_error() { awk '/^(E|W):/ && !n { print substr($0, 1, 300); n = 1 }' "$log"; }

# Suites whose InRelease verified (its Packages list is present).
verified_suites() {
  local s
  for s in "${suites[@]}"; do
    compgen -G "$work/lists/*_dists_${s}_main_binary-*_Packages*" >/dev/null && echo "$s"
  done
  return 0
}

deb_keyring_fallback() {
  # A suite is signed by a key the trusted keyring lacks (e.g. a new release key that only
  # a newer debian-archive-keyring carries). The chain of trust is kept: take the newest
  # debian-archive-keyring package from a suite that DID verify against the trusted keyring
  # (adding the system's own release for that), check its SHA256 against that signed index,
  # and trust the keys it ships in addition to ours. Verification is never switched off.
  local codename ok kr_deb kr_ver kr_sha
  codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}") || true
  local all=() s
  for s in ${DEB_TRUST_SUITES[@]+"${DEB_TRUST_SUITES[@]}"} "${suites[@]}" $codename; do
    case " ${all[*]:-} " in *" $s "*) ;; *) all+=("$s") ;; esac
  done
  write_sources "$keyring" "${all[@]}"
  apt_update || true
  ok=$(suites=("${all[@]}"); verified_suites | tr '\n' ' ')
  ok=${ok% }
  [ -n "$ok" ] || die "cannot verify ${suites[*]} on $mirror: signed by keys missing from $keyring (install a newer debian-archive-keyring): $(first_error)"
  kr_ver=$(apt-cache "${apt_opts[@]}" show debian-archive-keyring 2>/dev/null \
           | awk '/^Version:/ { print $2 }' | sort -V | tail -n 1)
  [ -n "$kr_ver" ] || die "suite signed by an unknown key, and no verified debian-archive-keyring to trust it: $(first_error)"
  (cd "$work/dl" && apt-get "${apt_opts[@]}" -q=2 download "debian-archive-keyring=$kr_ver" >> "$log" 2>&1) \
    || die "cannot download debian-archive-keyring $kr_ver: $(first_error)"
  kr_deb=$(ls "$work"/dl/debian-archive-keyring_*.deb)
  kr_sha=$(apt-cache "${apt_opts[@]}" show "debian-archive-keyring=$kr_ver" | awk '/^SHA256:/ && !n { print $2; n = 1 }')
  [ "$(sha256sum < "$kr_deb" | cut -d' ' -f1)" = "$kr_sha" ] || die "debian-archive-keyring $kr_ver: SHA256 mismatch"
  dpkg-deb -x "$kr_deb" "$work/kr"
  cat "$keyring" "$work/kr/usr/share/keyrings/debian-archive-keyring.gpg" > "$work/etc/keyring.gpg"
  rm -f "$kr_deb"
  say "note: trusting the keys of debian-archive-keyring $kr_ver (verified via: $ok) for suites signed by newer keys"
  rm -rf "$work/lists"; mkdir -p "$work/lists/partial"
  [ "$(id -u)" = 0 ] && id _apt >/dev/null 2>&1 && chown -R _apt "$work/lists"
  write_sources "$work/etc/keyring.gpg" "${suites[@]}"
  apt_update || die "apt-get update failed for ${suites[*]} on $mirror even with debian-archive-keyring $kr_ver: $(first_error)"
}

upstream_of() { local v=${1#*:}; echo "${v%-*}"; }

# deb_download PACKAGE WANT SUITE: downloads PACKAGE at version WANT (or, if that revision has
# left the archive, the newest revision of the same upstream version; WANT "newest": the newest
# the indexes list) into $work/dl, checked against the index's SHA256. Sets deb_file, deb_use,
# deb_sha and deb_note (why another revision than WANT, or "").
deb_download() {
  local package=$1 want=$2 suite=$3 cand got
  deb_use="" deb_note=""
  # (No `| grep -q` here: under pipefail, grep quitting early fails the pipeline with SIGPIPE.)
  if [ "$want" = newest ]; then
    for cand in $(apt-cache "${apt_opts[@]}" show "$package" 2>/dev/null | awk '/^Version:/ { print $2 }'); do
      if [ -z "$deb_use" ] || dpkg --compare-versions "$cand" gt "$deb_use"; then deb_use=$cand; fi
    done
    [ -n "$deb_use" ] || die "$package is not in $suite on $mirror"
  elif [ "$(apt-cache "${apt_opts[@]}" show "$package=$want" 2>/dev/null | awk '/^Version:/ { print $2 }')" = "$want" ]; then
    deb_use=$want
  else
    # The exact revision has left the archive: take the newest revision of the same upstream.
    for cand in $(apt-cache "${apt_opts[@]}" show "$package" 2>/dev/null | awk '/^Version:/ { print $2 }'); do
      [ "$(upstream_of "$cand")" = "$(upstream_of "$want")" ] || continue
      if [ -z "$deb_use" ] || dpkg --compare-versions "$cand" gt "$deb_use"; then deb_use=$cand; fi
    done
    [ -n "$deb_use" ] || die "$package $want is not in $suite on $mirror, nor any other revision of $(upstream_of "$want")"
    deb_note=" (manifest's $want has left the archive; using $deb_use)"
  fi
  deb_sha=$(apt-cache "${apt_opts[@]}" show "$package=$deb_use" | awk '/^SHA256:/ && !n { print $2; n = 1 }')
  [ -n "$deb_sha" ] || die "the package index gives no SHA256 for $package $deb_use"

  rm -f "$work"/dl/*.deb
  if [ "$tty" = 1 ]; then
    (cd "$work/dl" && apt-get "${apt_opts[@]}" download "$package=$deb_use") >&2 \
      || die "download of $package $deb_use failed"
  else
    (cd "$work/dl" && apt-get "${apt_opts[@]}" -q=2 download "$package=$deb_use" >> "$log" 2>&1) \
      || die "download of $package $deb_use failed: $(first_error)"
  fi
  deb_file=$(ls "$work"/dl/*.deb)
  got=$(sha256sum < "$deb_file" | cut -d' ' -f1)
  [ "$got" = "$deb_sha" ] || die "$package $deb_use: SHA256 mismatch (index $deb_sha, downloaded $got)"
}
