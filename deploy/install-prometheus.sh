#!/usr/bin/env bash
# Install Prometheus and promtool from Debian's packages, unless promtool is already there.
# Used by CI before tests/unit/test_deploy_assets.py and the Prometheus integration test.
set -euo pipefail

if command -v promtool > /dev/null && command -v prometheus > /dev/null; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends prometheus > /dev/null
promtool --version | head -n 1
