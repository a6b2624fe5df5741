#!/usr/bin/env bash
# The main job: builds Widemesh, starts meshd on its embedded defaults (SQLite in a fresh data
# directory, loopback listener), and walks through the product: two racks, an environment, a
# move between the racks, and clean-up. Prints every step; exits non-zero on the first failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECKPOINT_DISABLE=1

step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
say() { printf '  %s\n' "$*"; }

# What the walk-through and the hello application need beyond the .NET SDK: curl, python3 (hello's worker
# and kv service) and iproute2 (`ip`, for the network namespaces of local racks). Installed when missing.
missing=()
[[ -x /usr/bin/curl ]] || missing+=(curl)
[[ -x /usr/bin/python3 ]] || missing+=(python3)
command -v ip >/dev/null || [[ -x /usr/sbin/ip ]] || missing+=(iproute2)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "missing Debian packages: ${missing[*]}; install them (sudo apt-get install ${missing[*]}) and run again" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

step "Building (dotnet build Widemesh.sln)"
dotnet build Widemesh.sln -c Debug -v quiet -nologo >/dev/null
MESHD="$ROOT/artifacts/bin/Widemesh.Platform/debug/meshd"
MESH="$ROOT/artifacts/bin/Widemesh.Cli/debug/mesh"

DATA_DIR="$ROOT/artifacts/demo-data"
rm -rf "$DATA_DIR"
PORT="${MESHD_DEMO_PORT:-4740}"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  PORT=$((20000 + RANDOM % 10000))
  say "port 4740 is busy; using $PORT"
fi
ENDPOINT="http://127.0.0.1:$PORT"

step "Starting meshd (data dir $DATA_DIR, listening on $ENDPOINT)"
"$MESHD" --data-dir "$DATA_DIR" --listen "$ENDPOINT" >"$ROOT/artifacts/demo-meshd.log" 2>&1 &
MESHD_PID=$!
trap 'kill $MESHD_PID 2>/dev/null || true; wait $MESHD_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS "$ENDPOINT/readyz" >/dev/null 2>&1 && break
  kill -0 $MESHD_PID 2>/dev/null || { cat "$ROOT/artifacts/demo-meshd.log"; exit 1; }
  sleep 0.2
done
curl -fsS "$ENDPOINT/readyz" >/dev/null
say "ready; the admin token is in $DATA_DIR/admin.token (mode $(stat -c %a "$DATA_DIR/admin.token"))"

export WIDEMESH_ENDPOINT="$ENDPOINT"
WIDEMESH_TOKEN="$(cat "$DATA_DIR/admin.token")"
export WIDEMESH_TOKEN

MESH_WORKSPACE="$ROOT/artifacts/demo-workspace"
rm -rf "$MESH_WORKSPACE"
export WIDEMESH_WORKSPACE="$MESH_WORKSPACE"
mesh() {
  printf '  \033[2m$ mesh %s\033[0m\n' "$*"
  "$MESH" "$@" --engine builtin 2>&1 | sed 's/^/    /'
  return "${PIPESTATUS[0]}"
}
mesh_read() {
  printf '  \033[2m$ mesh %s\033[0m\n' "$*"
  "$MESH" "$@" 2>&1 | sed 's/^/    /'
  return "${PIPESTATUS[0]}"
}
api() {
  say "\$ curl -X $1 $ENDPOINT$2"
  curl -fsS -X "$1" -H "Authorization: Bearer $WIDEMESH_TOKEN" "$ENDPOINT$2" | sed 's/^/    /'
  echo
}

step "Create two racks (mesh writes HCL into $MESH_WORKSPACE and applies it)"
mesh rack create my-old-rack
mesh rack create my-new-rack

step "Create an environment on the old rack"
mesh env create my-environment --rack my-old-rack

step "List environments (read straight from the platform API)"
mesh_read env ls
mesh_read env ls --json

step "Migration step 1: host on both racks; DNS now points at the new (last) rack"
mesh env update my-environment --rack my-old-rack,my-new-rack

step "The workspace is plain HCL that Terraform can take over"
for f in "$MESH_WORKSPACE"/*.tf; do say "# $(basename "$f")"; sed 's/^/    /' "$f"; done
if command -v terraform >/dev/null || command -v tofu >/dev/null; then
  say "publishing the provider (NativeAOT) so terraform can use it…"
  dotnet publish provider/Widemesh.Provider.Plugin -c Release -r linux-x64 -o "$ROOT/artifacts/provider-aot" -v quiet -nologo >/dev/null
  printf '  \033[2m$ mesh plan --engine terraform\033[0m\n'
  # Terraform's "development overrides are in effect" warning is expected here; show the plan itself.
  "$MESH" plan --engine terraform 2>&1 | awk '/Refreshing state|No changes|Plan:|Error/ {show=1} show' | sed 's/^/    /'
else
  say "(terraform/tofu not on PATH: skipping the take-over check)"
fi

step "Migration step 2: once the new rack receives all the traffic, leave the old rack"
mesh env update my-environment --rack my-new-rack

step "The old rack still exists (removing it from an environment never deletes it)"
mesh_read rack ls

step "The same view through the platform API"
api GET /v1/environments/my-environment

step "Delete the environment, then both racks"
mesh env delete my-environment
mesh rack delete my-old-rack
mesh rack delete my-new-rack
mesh_read env ls

step "The hello application (examples/scenarios/hello): mesh deploy, a request by DNS name, logs, a migration under load"
say "(its own meshd, on other ports, so it starts from nothing like a new user)"
HELLO_SKIP_BUILD=1 MESH="$MESH" MESHD="$MESHD" WIDEMESH_ENDPOINT= WIDEMESH_TOKEN= WIDEMESH_WORKSPACE= \
  "$ROOT/examples/scenarios/hello/run.sh" 2>&1 | sed 's/^/  /'

step "Done: racks and an environment created, listed, moved between racks and deleted — all as code; an application deployed, requested by name and migrated with no failed request."
