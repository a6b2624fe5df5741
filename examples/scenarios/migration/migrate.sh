#!/usr/bin/env bash
# The same move as run.sh, with `mesh env migrate` doing the waiting: it adds the new rack last,
# waits until every resolver answers it and the old record's TTL has run out, then removes the
# old rack. Also shows a run that gives up (exit 11, still on both racks) and `--abort`.
# Needs: meshd running at WIDEMESH_ENDPOINT (default http://127.0.0.1:4740) with its DNS server on
# (default 127.0.0.1:5353; set MESHD_DNS otherwise), WIDEMESH_TOKEN set, and mesh on PATH (or MESH=path).
# The wait lasts at least meshd's --dns-ttl (60s by default; start meshd with --dns-ttl 5s for a quick run).
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
mesh="${MESH:-$(command -v mesh || echo "$root/artifacts/bin/Widemesh.Cli/debug/mesh")}"
dns="${MESHD_DNS:-127.0.0.1:5353}"
: "${WIDEMESH_TOKEN:?set WIDEMESH_TOKEN to a token of your account (meshd writes the admin token to its data directory)}"
export WIDEMESH_ENDPOINT="${WIDEMESH_ENDPOINT:-http://127.0.0.1:4740}"
export WIDEMESH_WORKSPACE="${WIDEMESH_WORKSPACE:-$(mktemp -d)}"
export WIDEMESH_ENGINE="${WIDEMESH_ENGINE:-builtin}"
app="${APP:-migrate-app}"

cleanup() {
  if [[ "${KEEP:-0}" != "1" ]]; then
    "$mesh" env migrate "$app" --abort >/dev/null 2>&1 || true
    "$mesh" env delete "$app" >/dev/null 2>&1 || true
    "$mesh" rack delete migrate-new >/dev/null 2>&1 || true
    "$mesh" rack delete migrate-old >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

echo "== racks and an environment on the old rack (workspace $WIDEMESH_WORKSPACE)"
"$mesh" rack create migrate-old
"$mesh" rack create migrate-new
"$mesh" env create "$app" --rack migrate-old
"$mesh" env dns "$app" --resolver "$dns"

echo "== a migration that gives up after 1s: exit 11, the environment stays on both racks"
set +e
"$mesh" env migrate "$app" --to migrate-new --resolver "$dns" --timeout 1s --yes
code=$?
set -e
[[ $code -eq 11 ]] || { echo "expected exit 11, got $code" >&2; exit 1; }
"$mesh" env ls

echo "== --abort: DNS back to the old rack first (and its wait), then the new rack removed"
"$mesh" env migrate "$app" --abort
"$mesh" env ls

echo "== the real move: add, wait for DNS and the TTL, remove (rerun the same command if it is interrupted)"
"$mesh" env migrate "$app" --to migrate-new --resolver "$dns" --yes
"$mesh" env dns "$app" --resolver "$dns"
"$mesh" env ls
