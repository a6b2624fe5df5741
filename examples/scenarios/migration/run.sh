#!/usr/bin/env bash
# Runs the two-step rack migration end to end with Terraform against a running meshd.
# Needs: terraform (or tofu, via TERRAFORM=tofu) on PATH, meshd listening at WIDEMESH_ENDPOINT
# (default http://127.0.0.1:4740) and WIDEMESH_TOKEN set, and the provider installed with
# `./build.sh install` (or a dev_overrides CLI config in TF_CLI_CONFIG_FILE).
set -euo pipefail
cd "$(dirname "$0")"
tf="${TERRAFORM:-terraform}"

# With dev_overrides no init is needed (and init cannot install an overridden provider).
if ! grep -qs dev_overrides "${TF_CLI_CONFIG_FILE:-$HOME/.terraformrc}"; then
  "$tf" init -input=false
fi
echo "== step 0: the environment runs on the old rack"
"$tf" apply -auto-approve -input=false -var step=0
echo "== step 1: host on both racks; DNS now answers with the new rack (an in-place update)"
"$tf" apply -auto-approve -input=false -var step=1
echo "   wait until DNS has propagated (up to 24 h in real life), then:"
echo "== step 2: leave the old rack"
"$tf" apply -auto-approve -input=false -var step=2
"$tf" plan -detailed-exitcode -input=false -var step=2 && echo "== no changes left: migration done"
if [[ "${KEEP:-0}" != "1" ]]; then
  "$tf" destroy -auto-approve -input=false -var step=2
fi
