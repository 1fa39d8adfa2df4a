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
# The replica suite measures a latency (an import reaches two live replicas within 2 s), so it
# runs on its own once the parallel run, which keeps both cores busy scanning photos, is over.
swift test --skip-build --skip ServeReplicaTests
swift test --skip-build --filter ServeReplicaTests
bash Scripts/browser-test.sh
bash Scripts/differential.sh
bash Scripts/fuzz.sh all "${FUZZ_SECONDS:-25}"
