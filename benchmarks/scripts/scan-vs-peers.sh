#!/usr/bin/env bash
# hangviet scan vs zbarimg vs zxing-cpp on the fixture photos, in the same run:
# reads and wrong texts, wall time over all files, and peak memory on a 24-megapixel JPEG.
# Usage: bash benchmarks/scripts/scan-vs-peers.sh [FIXTURES_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
FIXTURES="${1:-${HANGVIET_FIXTURES:-../shared/fixtures/barcodes}}"
source benchmarks/scripts/prepare-photo-peers.sh
mapfile -t FILES < <(awk -F'\t' 'NR>1 {print $1}' "$FIXTURES/MANIFEST.tsv" | sed "s|^|$FIXTURES/|")
OUT=$(mktemp -d)

echo "## Reads on ${#FILES[@]} fixture photos"
for tool in hangviet zbarimg zxing; do
    if [ $tool = hangviet ]; then args=(hangviet "$BIN" "$FIXTURES"); else args=($tool "$FIXTURES"); fi
    python3 benchmarks/scripts/fixture_reads.py "${args[@]}" 2>/dev/null \
        | python3 -c "import json,sys; d=json.load(sys.stdin); print(f\"{d['tool']:9} read {d['read']}/{d['total']}  wrong {d['wrong']}  misses {' '.join(d['misses'])}\")"
done

printf '%s\n' "${FILES[@]}" > "$OUT/files.txt"
echo; echo "## Wall time over all fixture files (one process each, all cores)"
time_photo_readers "$OUT/files.txt" 5 --fast

echo; echo "## hangviet vs zbarimg, interleaved run by run (the VM's speed drifts between hyperfine's batches)"
python3 benchmarks/scripts/interleaved.py --rounds 10 \
    "hangviet scan=xargs -a $OUT/files.txt -d '\n' $BIN scan --format ndjson" \
    "zbarimg=xargs -a $OUT/files.txt -d '\n' zbarimg -q"

echo; echo "## 24-megapixel JPEG (6000×4000, made by Scripts/make-sample-photo.py)"
python3 Scripts/make-sample-photo.py "$OUT/photo-24mp.jpg" 6000 4000 10 >/dev/null
for cmd in "$BIN scan $OUT/photo-24mp.jpg --format text" "zbarimg -q $OUT/photo-24mp.jpg"; do
    /usr/bin/time -f "%e s wall, %M KB peak RSS: ${cmd%% *}" $cmd 2>&1 >/dev/null | tail -1
done
rm -rf "$OUT"
