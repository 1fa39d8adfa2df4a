#!/usr/bin/env bash
# hangviet scan vs zbarimg vs zxing-cpp on 312 synthetic photos (benchmarks/scripts/synthetic-photos.py):
# codes at 13 angles, two sizes, sharp and blurred — photos beyond the fixtures. Reads, wrong texts,
# and wall time over all of them, in the same run.
# Usage: bash benchmarks/scripts/synthetic-vs-peers.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source benchmarks/scripts/prepare-photo-peers.sh
OUT=$(mktemp -d)
python3 benchmarks/scripts/synthetic-photos.py "$OUT/photos"

echo "## Reads on 312 synthetic photos"
python3 benchmarks/scripts/synthetic_reads.py hangviet "$BIN" "$OUT/photos"
python3 benchmarks/scripts/synthetic_reads.py hangviet "$BIN" "$OUT/photos" --exhaustive
python3 benchmarks/scripts/synthetic_reads.py zbarimg "$OUT/photos"
python3 benchmarks/scripts/synthetic_reads.py zxing "$OUT/photos"

ls "$OUT"/photos/*.jpg > "$OUT/files.txt"
echo; echo "## Wall time over all 312 photos (one process each, all cores)"
time_photo_readers "$OUT/files.txt" 3 --exhaustive
rm -rf "$OUT"
