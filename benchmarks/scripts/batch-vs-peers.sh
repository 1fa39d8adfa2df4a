#!/usr/bin/env bash
# `hangviet batch` on a generated 1-million-row inventory, with two peers in the same run:
#   - a naive Python peer: csv module + python-stdnum validation + a GS1 prefix lookup
#   - awk: the cheapest possible pass (count rows whose barcode starts with 893; no validation)
# and peak memory at 1, 3 and 10 million rows.
# Usage: bash benchmarks/scripts/batch-vs-peers.sh [--no-10m]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c "import stdnum" 2>/dev/null || python3 -m pip install -q python-stdnum
swift build -c release --static-swift-stdlib --product hangviet >&2
BIN=.build/release/hangviet
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HANGVIET_REGISTRY="$WORK/no-user-registry.sqlite"
python3 - "$WORK" <<'PY'
import sys
codes = ["8934563138165", "8934561000235", "8935000567012", "8933607022682", "8938526297135",
         "4901780188352", "5201815331227", "9780140013993", "9786045823453", "012345678905",
         "96001233", "2001234567893", "8934563138166", "8934673503358", "8935001706588", "8936036020380"]
names = ["Mì Hảo Hảo tôm chua cay 75g", "Sữa tươi Vinamilk 180ml", "Kẹo Mentos bạc hà",
         "Bánh Chocopie Orion hộp 12", '"Nước mắm Phú Quốc, 40 độ đạm"']
def write(path, rows):
    with open(path, "w") as f:
        f.write("sku,name,barcode,quantity,price\n")
        for i in range(rows):
            f.write(f"SKU{i:07d},{names[i % 5]},{codes[i % 16]},{i % 50 + 1},{(i % 97 + 1) * 1000}\n")
write(sys.argv[1] + "/1m.csv", 1_000_000)
write(sys.argv[1] + "/3m.csv", 3_000_000)
PY
cat > "$WORK/naive.py" <<'PY'
# Naive peer: what a retailer's analyst might write in an afternoon.
import csv, sys
from stdnum import ean
prefix_vn = counted = vn = invalid = 0
with open(sys.argv[1], newline="", encoding="utf-8") as f, open(sys.argv[2], "w", newline="") as out:
    reader = csv.DictReader(f)
    writer = csv.writer(out)
    for row in reader:
        code = row["barcode"]
        ok = ean.is_valid(code)
        origin = "invalid"
        if ok:
            counted += 1
            if code.startswith("893"):
                origin = "vietnam-prefix"; vn += 1
            else:
                origin = "other"
        else:
            invalid += 1
        writer.writerow([origin] + list(row.values()))
print(f"rows {counted + invalid} invalid {invalid} share893 {vn / max(counted, 1):.3f}", file=sys.stderr)
PY
ls -la "$WORK"/*.csv >&2
echo "## hangviet batch, 1M rows ($(du -h "$WORK/1m.csv" | cut -f1)), CSV out, quantity and value weights"
for run in 1 2 3; do
    /usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" "$BIN" batch "$WORK/1m.csv" --quantity quantity --price price \
        > "$WORK/out.csv" 2> "$WORK/err.txt" || true
    tail -1 "$WORK/err.txt"
done
echo "rows out: $(($(wc -l < "$WORK/out.csv") - 1))"
echo "## peer: naive Python (csv + python-stdnum + 893 prefix), same file"
/usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" python3 "$WORK/naive.py" "$WORK/1m.csv" "$WORK/py.csv"
echo "## peer: awk (893-prefix count only, no validation)"
/usr/bin/time -f "wall %e s, user %U s, peak RSS %M KB" awk -F, 'NR>1 { n++; if (substr($3,1,3)=="893") v++ } END { print "rows", n, "share893", v/n }' "$WORK/1m.csv"
echo "## hangviet batch peak memory: 3M rows"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$BIN" batch "$WORK/3m.csv" > /dev/null 2> "$WORK/err.txt" || true
tail -1 "$WORK/err.txt"
if [[ "${1:-}" != "--no-10m" ]]; then
    echo "## hangviet batch peak memory: 10M rows (the 1M file ten times, through standard input)"
    for i in $(seq 10); do if [[ $i -eq 1 ]]; then cat "$WORK/1m.csv"; else tail -n +2 "$WORK/1m.csv"; fi; done \
        | /usr/bin/time -f "wall %e s, peak RSS %M KB" "$BIN" batch - > /dev/null 2> "$WORK/err.txt" || true
    tail -1 "$WORK/err.txt"
fi
