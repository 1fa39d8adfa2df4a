#!/usr/bin/env bash
# The Swift tests under a sanitizer (issue 21), in a build directory of their own:
#   bash Scripts/sanitizers.sh address [FILTER]   AddressSanitizer for Swift, ASan + UBSan for the C/C++ code; every test
#   bash Scripts/sanitizers.sh thread [FILTER]    ThreadSanitizer; by default the concurrent code: the two-thread PNG
#                                                 decode, the scanner's concurrent passes, the server's scan queue
# Not part of Scripts/test.sh (a sanitized build of everything takes ~15 min on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-address}"
case "$MODE" in
    address) FLAGS=(-Xswiftc -sanitize=address -Xcc -fsanitize=address,undefined -Xcxx -fsanitize=address,undefined)
             FILTER="${2:-}"
             export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1" UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" ;;
    thread)  FLAGS=(-Xswiftc -sanitize=thread -Xcc -fsanitize=thread -Xcxx -fsanitize=thread)
             FILTER="${2:-FastPNG|Escalation|FixturePhoto|RouterTests|ScanCommand|SymbolMerger|InventoryBatch}"
             export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" ;;
    *) echo "sanitizers: address or thread" >&2; exit 2 ;;
esac
bash Scripts/install-dependencies.sh
SCRATCH=$([[ "$MODE" == address ]] && echo .build-asan || echo .build-tsan)
swift build --build-tests --scratch-path "$SCRATCH" "${FLAGS[@]}"
ARGS=(--skip-build --scratch-path "$SCRATCH")
[[ -n "$FILTER" ]] && ARGS+=(--filter "$FILTER")
swift test "${ARGS[@]}" "${FLAGS[@]}"
