#!/usr/bin/env bash
# The misread hunt (issue 18): thousands of degraded renders of known codes, and hangviet,
# zbarimg and zxing-cpp scored on the same files in the same run — read / wrong / missed per
# kind, and the same for ITF-14, GS1-128 and DataBar photos and for photos of two codes (an
# EAN-13 beside a GS1 DataMatrix or a QR code) — then each tool's CPU over all of them on one core.
# Usage: bash benchmarks/scripts/misread-hunt.sh [PER_KIND]   (default 400: 2 800 photos)
set -euo pipefail
cd "$(dirname "$0")/../.."
PER_KIND="${1:-400}"
source benchmarks/scripts/prepare-photo-peers.sh
OUT=$(mktemp -d)
python3 benchmarks/scripts/misread-hunt.py make "$OUT/photos" --per-kind "$PER_KIND"
# The GS1 carriers of cases and fresh food (ITF-14, GS1-128, DataBar, DataBar Expanded), half as many.
python3 benchmarks/scripts/misread-hunt.py make "$OUT/gs1" --per-kind $((PER_KIND / 2)) \
    --kinds itf14,gs1-128,databar,databar-expanded

echo "## Reads, wrong texts and misses per kind (a wrong = a text reported and not the right one)"
python3 benchmarks/scripts/misread-hunt.py score "$OUT/photos" hangviet "$BIN"
python3 benchmarks/scripts/misread-hunt.py score "$OUT/photos" zbarimg
python3 benchmarks/scripts/misread-hunt.py score "$OUT/photos" zxing
for tool in "hangviet $BIN" zbarimg zxing; do
    # shellcheck disable=SC2086
    python3 benchmarks/scripts/misread-hunt.py score "$OUT/gs1" $tool | grep all-GS1-linear
done
# Two codes in one photo: an EAN-13 beside a GS1 DataMatrix or a QR code, half as many; read
# only when both are reported.
python3 benchmarks/scripts/misread-hunt.py make "$OUT/pairs" --per-kind $((PER_KIND / 2)) --kinds dm-beside-ean13,qr-beside-ean13
for tool in "hangviet $BIN" zbarimg zxing; do
    # shellcheck disable=SC2086
    python3 benchmarks/scripts/misread-hunt.py score "$OUT/pairs" $tool
done

echo; echo "## CPU over all photos, one core (user + sys)"
ls "$OUT"/photos/*.jpg > "$OUT/files.txt"
/usr/bin/time -f "hangviet scan --jobs 1: %U s user, %S s sys" xargs -a "$OUT/files.txt" -d '\n' "$BIN" scan --jobs 1 --format ndjson > /dev/null || true
/usr/bin/time -f "zxing-cpp (python, with image decoding): %U s user, %S s sys" xargs -a "$OUT/files.txt" -d '\n' python3 benchmarks/scripts/zxing_all.py > /dev/null || true
rm -rf "$OUT"
