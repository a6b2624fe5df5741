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

if ! command -v curl >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
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

api() {
  local method="$1" path="$2" body="${3:-}"
  local args=(-sS -X "$method" -H "Authorization: Bearer $WIDEMESH_TOKEN" -H 'Content-Type: application/json')
  [[ -n "$body" ]] && args+=(-d "$body")
  say "$method $path ${body}"
  local out
  out=$(curl "${args[@]}" -w '\n%{http_code}' "$ENDPOINT$path")
  local code="${out##*$'\n'}"
  local json="${out%$'\n'*}"
  say "→ $code ${json:0:400}"
  [[ "$code" =~ ^2 ]] || { echo "unexpected status $code" >&2; exit 1; }
}

step "Create two racks"
api POST /v1/racks '{"name":"my-old-rack","provider":"local"}'
api POST /v1/racks '{"name":"my-new-rack","provider":"local"}'

step "Create an environment on the old rack"
api POST /v1/environments '{"name":"my-environment","racks":["my-old-rack"]}'

step "List environments"
api GET /v1/environments

step "Migration step 1: host on both racks; DNS now points at the new (last) rack"
api PATCH /v1/environments/my-environment '{"racks":["my-old-rack","my-new-rack"]}'

step "Migration step 2: once the new rack has all the traffic, leave the old rack"
api PATCH /v1/environments/my-environment '{"racks":["my-new-rack"]}'

step "The old rack still exists (removing it from an environment never deletes it)"
api GET /v1/racks

step "Delete the environment, then both racks"
api DELETE /v1/environments/my-environment
api DELETE /v1/racks/my-old-rack
api DELETE /v1/racks/my-new-rack

step "Done: the platform walked through create → list → move → delete."
