#!/usr/bin/env bash
# Installs what is missing and runs every test: the Swift tests, then the web page in a real
# browser (Scripts/browser-test.sh: Debian's chromium driven by selenium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-dependencies.sh
swift build --build-tests
swift test --skip-build
bash Scripts/browser-test.sh
