#!/usr/bin/env bash
# The hello application end to end on this machine: starts meshd (unless WIDEMESH_ENDPOINT is set and
# answers), creates two local racks, deploys ./ with `mesh deploy`, requests it through its DNS name,
# shows `mesh ps` and `mesh logs`, migrates it to the second rack while a client keeps requesting it
# (every failed request is counted; the script fails unless there are none), and removes everything.
# Needs: the .NET SDK, python3 and curl (and root for network namespaces; see meshd --isolation).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHECKPOINT_DISABLE=1

step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
say() { printf '  %s\n' "$*"; }

MESH="${MESH:-$ROOT/artifacts/bin/Widemesh.Cli/debug/mesh}"
MESHD="${MESHD:-$ROOT/artifacts/bin/Widemesh.Platform/debug/meshd}"
if [[ "${HELLO_SKIP_BUILD:-}" != 1 ]]; then
  step "Building meshd and mesh"
  dotnet build "$ROOT/platform/Widemesh.Platform" -v quiet -nologo >/dev/null
  dotnet build "$ROOT/mesh-cli/Widemesh.Cli" -v quiet -nologo >/dev/null
fi

WORK="$(mktemp -d /tmp/widemesh-hello.XXXXXX)"
CLIENT_PID=""
MESHD_PID=""
cleanup() {
  [[ -n "$CLIENT_PID" ]] && kill "$CLIENT_PID" 2>/dev/null || true
  if [[ -n "$MESHD_PID" ]]; then kill "$MESHD_PID" 2>/dev/null || true; wait "$MESHD_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

DNS_PORT="${HELLO_DNS_PORT:-5353}"
if [[ -z "${WIDEMESH_ENDPOINT:-}" ]]; then
  PORT=$((20000 + RANDOM % 10000))
  DNS_PORT=$((30000 + RANDOM % 10000))
  export WIDEMESH_ENDPOINT="http://127.0.0.1:$PORT"
  step "Starting meshd on $WIDEMESH_ENDPOINT (DNS on 127.0.0.1:$DNS_PORT, data in $WORK/data)"
  # A 5 s DNS TTL keeps the migration's wait for old answers to expire short (the default is 60 s).
  "$MESHD" --data-dir "$WORK/data" --listen "$WIDEMESH_ENDPOINT" --dns-listen "127.0.0.1:$DNS_PORT" --dns-ttl 5 >"$WORK/meshd.log" 2>&1 &
  MESHD_PID=$!
  for _ in $(seq 1 150); do
    curl -fsS "$WIDEMESH_ENDPOINT/readyz" >/dev/null 2>&1 && break
    kill -0 "$MESHD_PID" 2>/dev/null || { cat "$WORK/meshd.log"; exit 1; }
    sleep 0.2
  done
  WIDEMESH_TOKEN="$(cat "$WORK/data/admin.token")"
  export WIDEMESH_TOKEN
fi
export WIDEMESH_WORKSPACE="$WORK/workspace" WIDEMESH_ENGINE="${WIDEMESH_ENGINE:-builtin}"

mesh() {
  printf '  \033[2m$ mesh %s\033[0m\n' "$*"
  "$MESH" "$@" 2>&1 | sed 's/^/    /'
  return "${PIPESTATUS[0]}"
}

# The address DNS gives hello.widemesh.internal, asked of meshd's DNS server: with dig when present, else with a
# few lines of Python (one UDP query for the A record), else the address `mesh env dns` says that server answers.
cat >"$WORK/dnsq.py" <<'PY'
import random, socket, struct, sys
name, server, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
query = struct.pack(">HHHHHH", random.randint(0, 65535), 0x0100, 1, 0, 0, 0)
query += b"".join(bytes([len(label)]) + label.encode() for label in name.split(".")) + b"\0" + struct.pack(">HH", 1, 1)
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(2)
sock.sendto(query, (server, port))
answer, _ = sock.recvfrom(4096)
at = len(query)
for _ in range(struct.unpack(">H", answer[6:8])[0]):
    if answer[at] & 0xC0 == 0xC0:
        at += 2
    else:
        while answer[at]:
            at += answer[at] + 1
        at += 1
    kind, _, ttl, length = struct.unpack(">HHIH", answer[at:at + 10])
    at += 10
    if kind == 1:
        print(".".join(str(b) for b in answer[at:at + 4]), ttl)
        break
    at += length
PY
# Prints "ADDRESS TTL".
resolve_with_ttl() {
  if command -v dig >/dev/null; then
    dig @127.0.0.1 -p "$DNS_PORT" +noall +answer +time=1 +tries=1 hello.widemesh.internal A | awk '$4 == "A" { print $5, $2; exit }'
  elif [[ -x /usr/bin/python3 ]]; then
    /usr/bin/python3 "$WORK/dnsq.py" hello.widemesh.internal 127.0.0.1 "$DNS_PORT"
  else
    { "$MESH" env dns hello --json 2>/dev/null || true; } | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["expectedAddress"] or "", d["ttl"])'
  fi
}
resolve() { resolve_with_ttl | cut -d' ' -f1; }
request_at() {
  curl -fsS --max-time 10 --resolve "hello.widemesh.internal:8080:$1" http://hello.widemesh.internal:8080/ || { echo "(at $1, $(date +%T.%N))"; return 1; }
}
request() { request_at "$(resolve)"; }

step "Two local racks"
mesh rack create hello-a
mesh rack create hello-b

step "Deploy ./ (build, upload a release, write HCL, apply, wait until healthy)"
(cd "$HERE" && mesh deploy --rack hello-a)

step "Request it through its DNS name"
say "hello.widemesh.internal resolves to $(resolve)"
for _ in 1 2 3; do request | sed 's/^/    /'; done

step "What runs"
mesh ps --env hello

step "Its logs"
sleep 3
mesh logs --env hello --no-follow --since 5m | tail -n 12

step "Migrate to hello-b while a client keeps requesting it"
: >"$WORK/requests.log"
# The client behaves like a real one: it asks DNS again only when the answer's TTL has run out, and keeps
# using the cached address until then (the migration relies on exactly that: the old rack keeps serving until
# the old answer's TTL is over).
(
  address=""
  expires=0
  while true; do
    if (( $(date +%s) >= expires )); then
      read -r address ttl < <(resolve_with_ttl)
      expires=$(( $(date +%s) + ${ttl:-0} ))
    fi
    if out="$(request_at "$address" 2>&1)"; then echo "ok $out"; else echo "FAIL ${out//$'\n'/ }"; fi
    sleep 0.1
  done >>"$WORK/requests.log"
) &
CLIENT_PID=$!
sleep 1
if "$MESH" env migrate --help >/dev/null 2>&1; then
  # Both steps in one command: add hello-b last (DNS switches to it), wait until meshd's DNS server answers
  # hello-b and the old answer's TTL has passed, then leave hello-a.
  mesh env migrate hello --to hello-b --resolver "127.0.0.1:$DNS_PORT" --yes --timeout 5m
else
  mesh env update hello --rack hello-a,hello-b
  say "waiting until hello-b's instances are ready…"
  for _ in $(seq 1 120); do
    if "$MESH" ps --env hello --json | /usr/bin/python3 -c '
import json, sys
items = [i for i in json.load(sys.stdin)["items"] if i["rack"] == "hello-b"]
sys.exit(0 if len(items) >= 3 and all(i["state"] in ("healthy", "running") for i in items) else 1)'; then break; fi
    sleep 0.5
  done
  sleep 6
  mesh env update hello --rack hello-b --force
fi
mesh ps --env hello
sleep 2
kill "$CLIENT_PID"; wait "$CLIENT_PID" 2>/dev/null || true; CLIENT_PID=""
OK=$(grep -c '^ok' "$WORK/requests.log" || true)
FAILED=$(grep -c '^FAIL' "$WORK/requests.log" || true)
say "requests during the migration: $OK succeeded, $FAILED failed"
grep -E 'on rack' "$WORK/requests.log" | sed -E 's/.* on rack ([a-z0-9-]+).*/\1/' | uniq -c | sed 's/^/    served by /'
if [[ "$FAILED" -ne 0 ]]; then
  grep '^FAIL' "$WORK/requests.log" | head -n 5 | sed 's/^/    /'
  exit 1
fi
request | sed 's/^/    /'

step "Remove everything"
mesh env delete hello
mesh rack delete hello-a
mesh rack delete hello-b

step "Done: deployed, requested by name, migrated with $OK requests and no failure, removed."
