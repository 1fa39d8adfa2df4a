#!/usr/bin/env bash
# Installs what is missing and runs every test: the Swift tests (the PostgreSQL registry ones
# start a throwaway server with Scripts/postgres.sh), the web page in a real
# browser (Scripts/browser-test.sh: Debian's chromium driven by selenium), GS1 parsing against
# python-stdnum and biip (Scripts/differential.sh), then every fuzz target for FUZZ_SECONDS (25)
# under AddressSanitizer (Scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-dependencies.sh
swift build --build-tests
swift test --skip-build
bash Scripts/browser-test.sh
bash Scripts/differential.sh
bash Scripts/fuzz.sh all "${FUZZ_SECONDS:-25}"
