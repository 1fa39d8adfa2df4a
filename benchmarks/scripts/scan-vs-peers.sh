#!/usr/bin/env bash
# hangviet scan vs zbarimg vs zxing-cpp on the fixture photos, in the same run:
# reads and wrong texts, wall time over all files, and peak memory on a 24-megapixel JPEG.
# Usage: bash benchmarks/scripts/scan-vs-peers.sh [FIXTURES_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
FIXTURES="${1:-${HANGVIET_FIXTURES:-../shared/fixtures/barcodes}}"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
for tool in zbarimg:zbar-tools hyperfine:hyperfine zint:zint; do
    command -v "${tool%%:*}" >/dev/null || { $SUDO apt-get update -qq; $SUDO apt-get install -y -qq "${tool##*:}"; }
done
python3 -c "import zxingcpp, PIL" 2>/dev/null || pip install --quiet zxing-cpp pillow
swift build -c release --static-swift-stdlib --product hangviet >&2
BIN=.build/release/hangviet
mapfile -t FILES < <(awk -F'\t' 'NR>1 {print $1}' "$FIXTURES/MANIFEST.tsv" | sed "s|^|$FIXTURES/|")
OUT=$(mktemp -d)

echo "## Reads on ${#FILES[@]} fixture photos"
for tool in hangviet zbarimg zxing; do
    if [ $tool = hangviet ]; then args=(hangviet "$BIN" "$FIXTURES"); else args=($tool "$FIXTURES"); fi
    python3 benchmarks/scripts/fixture_reads.py "${args[@]}" 2>/dev/null \
        | python3 -c "import json,sys; d=json.load(sys.stdin); print(f\"{d['tool']:9} read {d['read']}/{d['total']}  wrong {d['wrong']}  misses {' '.join(d['misses'])}\")"
done

cat > "$OUT/zxing_all.py" <<'PY'
import sys, zxingcpp
from PIL import Image
for f in sys.argv[1:]:
    for r in zxingcpp.read_barcodes(Image.open(f)): print(f, r.text)
PY
printf '%s\n' "${FILES[@]}" > "$OUT/files.txt"
echo; echo "## Wall time over all fixture files (one process each, all cores)"
hyperfine --warmup 1 --runs 5 --ignore-failure --export-markdown "$OUT/time.md" \
    -n "hangviet scan" "xargs -a $OUT/files.txt -d '\n' $BIN scan --format ndjson" \
    -n "hangviet scan --fast" "xargs -a $OUT/files.txt -d '\n' $BIN scan --fast --format ndjson" \
    -n "zbarimg" "xargs -a $OUT/files.txt -d '\n' zbarimg -q" \
    -n "zxing-cpp (python)" "xargs -a $OUT/files.txt -d '\n' python3 $OUT/zxing_all.py" >/dev/null
cat "$OUT/time.md"

echo; echo "## 24-megapixel JPEG (6000×4000, made by Scripts/make-sample-photo.py)"
python3 Scripts/make-sample-photo.py "$OUT/photo-24mp.jpg" 6000 4000 10 >/dev/null
for cmd in "$BIN scan $OUT/photo-24mp.jpg --format text" "zbarimg -q $OUT/photo-24mp.jpg"; do
    /usr/bin/time -f "%e s wall, %M KB peak RSS: ${cmd%% *}" $cmd 2>&1 >/dev/null | tail -1
done
rm -rf "$OUT"
