#!/usr/bin/env bash
# Installs what is missing and runs every test: the Swift tests (the PostgreSQL registry ones
# start a throwaway server with Scripts/postgres.sh), the web page in a real
# browser (Scripts/browser-test.sh: Debian's chromium driven by selenium), GS1 parsing against
# python-stdnum and biip (Scripts/differential.sh), then every fuzz target for FUZZ_SECONDS (15)
# under AddressSanitizer (Scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-dependencies.sh
# The fuzz targets are a second, sanitized build of the libraries (≈ 4 min on 2 cores). Where
# the kernel groups CPU time by session ("autogroup"), it runs meanwhile in a session of its own
# whose weight is lowered to the minimum, so it only takes the CPU the Swift build and the tests
# leave idle (nice alone does not do it: SwiftPM starts its compilers at normal priority). Where
# it cannot be lowered so, it does nothing here and fuzz.sh builds after the tests instead.
mkdir -p .build-fuzz
setsid bash -c '[[ $(cat /proc/sys/kernel/sched_autogroup_enabled 2> /dev/null) == 1 ]] && echo 19 > /proc/self/autogroup 2> /dev/null \
                    || { echo "no autogroup: fuzz.sh builds after the tests"; exit 0; }
                exec nice -n 19 bash Scripts/fuzz.sh build' > .build-fuzz/build.log 2>&1 &
fuzz_build=$!
trap 'kill -- -$fuzz_build 2> /dev/null || true' EXIT
swift build --build-tests
# The replica suite measures a latency (an import reaches two live replicas within 2 s), so it
# runs on its own once the parallel run, which keeps both cores busy scanning photos, is over.
swift test --skip-build --skip ServeReplicaTests
swift test --skip-build --filter ServeReplicaTests
bash Scripts/browser-test.sh
bash Scripts/differential.sh
wait $fuzz_build || { tail -40 .build-fuzz/build.log >&2; echo "test: the fuzz build failed (.build-fuzz/build.log)" >&2; exit 1; }
bash Scripts/fuzz.sh all "${FUZZ_SECONDS:-15}"
