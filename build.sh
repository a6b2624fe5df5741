#!/usr/bin/env bash
# One entry point for Widemesh: build, test, testacc, bench, run, generate, lint, install, publish.
# Usage: ./build.sh <verb> [args]   (./build.sh help lists the verbs)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CHECKPOINT_DISABLE=1

AOT_DIR="$ROOT/artifacts/aot"
PROVIDER_AOT="$ROOT/artifacts/provider-aot"
PROVIDER_VERSION="0.1.0"

log() { printf '==> %s\n' "$*" >&2; }

# Debian packages the product or its tests use; installed only when missing.
ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
      log "missing Debian packages: ${missing[*]} (run as root or: sudo apt-get install ${missing[*]})"
      return 1
    fi
    log "installing Debian packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build() {
  log "building Widemesh.sln"
  dotnet build Widemesh.sln -c Debug -v quiet -nologo "$@"
}

# NativeAOT builds of the two executables users run: the provider and mesh.
publish() {
  log "publishing terraform-provider-widemesh (NativeAOT) to $PROVIDER_AOT"
  dotnet publish provider/Widemesh.Provider.Plugin -c Release -r linux-x64 -o "$PROVIDER_AOT" -v quiet -nologo
  log "publishing mesh (NativeAOT) to $AOT_DIR"
  dotnet publish mesh-cli/Widemesh.Cli -c Release -r linux-x64 -o "$AOT_DIR" -v quiet -nologo
  cp "$PROVIDER_AOT/terraform-provider-widemesh" "$AOT_DIR/"
}

# Lays the provider out as a filesystem mirror (and prints the dev_overrides form).
install_provider() {
  publish
  local mirror="${WIDEMESH_MIRROR:-$HOME/.terraform.d/plugins}"
  local dir="$mirror/registry.terraform.io/widemesh/widemesh/$PROVIDER_VERSION/linux_amd64"
  mkdir -p "$dir"
  cp "$PROVIDER_AOT/terraform-provider-widemesh" "$dir/terraform-provider-widemesh_v$PROVIDER_VERSION"
  log "installed $dir/terraform-provider-widemesh_v$PROVIDER_VERSION"
  cat >&2 <<EOF
Filesystem mirror: add to your CLI config (~/.terraformrc or TF_CLI_CONFIG_FILE):
  provider_installation {
    filesystem_mirror {
      path    = "$mirror"
      include = ["registry.terraform.io/widemesh/widemesh"]
    }
    direct { exclude = ["registry.terraform.io/widemesh/widemesh"] }
  }
or, for a dev build without 'terraform init':
  provider_installation {
    dev_overrides { "registry.terraform.io/widemesh/widemesh" = "$PROVIDER_AOT" }
    direct {}
  }
EOF
}

# Sums the TRX files of one run into the single closing line CI reads.
summarize_trx() {
  local dir="$1" passed=0 failed=0 skipped=0 f line
  for f in "$dir"/*.trx; do
    [[ -f "$f" ]] || continue
    line=$(grep -o '<Counters [^>]*>' "$f" | head -1)
    passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.* error="([0-9]+)".*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.* timeout="([0-9]+)".*/\1/' <<<"$line")))
    # xunit's skipped tests count in total but not in executed.
    skipped=$((skipped + $(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$line") - $(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$line")))
  done
  if ((skipped)); then
    echo "tests: $passed passed, $failed failed, $skipped skipped"
  else
    echo "tests: $passed passed, $failed failed"
  fi
}

test_all() {
  ensure_packages curl procps iproute2 python3
  build
  publish
  local results="$ROOT/artifacts/test-results"
  rm -rf "$results"
  mkdir -p "$results"
  export WIDEMESH_PROVIDER_PATH="$PROVIDER_AOT/terraform-provider-widemesh"
  export WIDEMESH_MESH_AOT_PATH="$AOT_DIR/mesh"
  local rc=0 project name
  for project in tests/*.Tests/*.Tests.csproj; do
    name="$(basename "$project" .csproj)"
    log "testing $name"
    dotnet test "$project" --no-build -c Debug --logger "trx;LogFileName=$name.trx" \
      --logger "console;verbosity=minimal" --results-directory "$results" "$@" || rc=$?
  done
  summarize_trx "$results"
  return $rc
}

bench() {
  publish
  local project
  for project in bench/*/; do
    [[ -f "$project/Program.cs" ]] || continue
    case "$project" in *Empty*) continue ;; esac
    log "running $project"
    dotnet run -c Release --project "$project" -- "$@"
  done
}

# The main job: build, start meshd on its embedded defaults, and walk through the product.
run_demo() {
  exec "$ROOT/examples/scenarios/quickstart/run.sh" "$@"
}

# Formats examples/. The provider docs under docs/ are written by hand for now (tfplugindocs is a Go
# tool that cannot be installed here), so there is nothing to regenerate for them yet.
generate() {
  if command -v terraform >/dev/null; then
    log "formatting examples with terraform fmt"
    terraform fmt -recursive examples
  else
    log "terraform is not on PATH: examples were not formatted"
  fi
}

lint() {
  dotnet format Widemesh.sln --verify-no-changes -v quiet
}

case "${1:-help}" in
  build) shift; build "$@" ;;
  publish) shift; publish ;;
  test) shift; test_all "$@" ;;
  testacc) shift; TF_ACC=1 test_all "$@" ;;
  bench) shift; bench "$@" ;;
  run | demo) shift; run_demo "$@" ;;
  generate) shift; generate ;;
  lint) shift; lint ;;
  install) shift; install_provider ;;
  help | -h | --help)
    sed -n '2,3p' "$0" | sed 's/^# //'
    echo "verbs: build publish test testacc bench run generate lint install"
    ;;
  *) echo "unknown verb '$1'; verbs: build publish test testacc bench run generate lint install" >&2; exit 2 ;;
esac
