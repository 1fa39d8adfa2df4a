#!/usr/bin/env bash
# hangviet scan vs zbarimg vs zxing-cpp on 312 synthetic photos (benchmarks/scripts/synthetic-photos.py):
# codes at 13 angles, two sizes, sharp and blurred — photos beyond the fixtures. Reads, wrong texts,
# and wall time over all of them, in the same run.
# Usage: bash benchmarks/scripts/synthetic-vs-peers.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
for tool in zbarimg:zbar-tools hyperfine:hyperfine zint:zint; do
    command -v "${tool%%:*}" >/dev/null || { $SUDO apt-get update -qq; $SUDO apt-get install -y -qq "${tool##*:}"; }
done
python3 -c "import zxingcpp, PIL" 2>/dev/null || pip install --quiet zxing-cpp pillow
swift build -c release --static-swift-stdlib --product hangviet >&2
BIN=.build/release/hangviet
OUT=$(mktemp -d)
python3 benchmarks/scripts/synthetic-photos.py "$OUT/photos"

echo "## Reads on 312 synthetic photos"
python3 benchmarks/scripts/synthetic_reads.py hangviet "$BIN" "$OUT/photos"
python3 benchmarks/scripts/synthetic_reads.py hangviet "$BIN" "$OUT/photos" --exhaustive
python3 benchmarks/scripts/synthetic_reads.py zbarimg "$OUT/photos"
python3 benchmarks/scripts/synthetic_reads.py zxing "$OUT/photos"

ls "$OUT"/photos/*.jpg > "$OUT/files.txt"
cat > "$OUT/zxing_all.py" <<'PY'
import sys, zxingcpp
from PIL import Image
for f in sys.argv[1:]:
    for r in zxingcpp.read_barcodes(Image.open(f)): print(f, r.text)
PY
echo; echo "## Wall time over all 312 photos (one process each, all cores)"
hyperfine --warmup 1 --runs 3 --ignore-failure --export-markdown "$OUT/time.md" \
    -n "hangviet scan" "xargs -a $OUT/files.txt $BIN scan --format ndjson" \
    -n "hangviet scan --exhaustive" "xargs -a $OUT/files.txt $BIN scan --exhaustive --format ndjson" \
    -n "zbarimg" "xargs -a $OUT/files.txt zbarimg -q" \
    -n "zxing-cpp (python)" "xargs -a $OUT/files.txt python3 $OUT/zxing_all.py" >/dev/null
cat "$OUT/time.md"
rm -rf "$OUT"
