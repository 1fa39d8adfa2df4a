#!/usr/bin/env bash
# Differential tests of GS1 parsing (issue 21): HangViet against python-stdnum (GTIN/EAN/UPC,
# ISBN, ISSN validity) and biip (element strings), 3 000 generated cases of each kind.
#   bash Scripts/differential.sh [CASES]     binary: $HANGVIET_BIN, default the debug build
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import stdnum, biip" 2>/dev/null || python3 -m pip install -q python-stdnum biip
BIN="${HANGVIET_BIN:-.build/debug/hangviet}"
[[ -x "$BIN" ]] || swift build --product hangviet >&2
python3 Scripts/differential.py "$BIN" "${1:-3000}"
