#!/usr/bin/env bash
# End-to-end CLI timings with peers measured in the same run on the same input:
#   - `hangviet check` of one code (process start to exit), via hyperfine
#   - 1 million codes through standard input (text and csv output), via /usr/bin/time
#   - peer: python-stdnum validating the same 1 million codes (EAN/ISBN check only, no verdict)
# Usage: bash benchmarks/scripts/cli-vs-peers.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v hyperfine >/dev/null; then apt-get install -y -qq hyperfine >/dev/null || sudo apt-get install -y -qq hyperfine; fi
python3 -c "import stdnum" 2>/dev/null || python3 -m pip install -q python-stdnum
swift build -c release --static-swift-stdlib --product hangviet >&2
BIN=.build/release/hangviet
WORK=$(mktemp -d)
# The bundled registry (no user file), so every machine measures the same thing.
export HANGVIET_REGISTRY="$WORK/no-user-registry.sqlite"
python3 - "$WORK" <<'PY'
import sys
codes = ["8934563138165", "8934561000235", "8935000567012", "8933607022682", "8938526297135",
         "4901780188352", "5201815331227", "9780140013993", "9786045823453", "012345678905",
         "96001233", "2001234567893", "8934563138166", "8850123456789", "6901234567892", "8801234567893"]
with open(sys.argv[1] + "/1m.txt", "w") as f:
    f.write("\n".join(codes[i % len(codes)] for i in range(1_000_000)) + "\n")
PY
cat > "$WORK/stdnum_peer.py" <<'PY'
import sys
from stdnum import ean, isbn
ok = bad = 0
for line in sys.stdin:
    code = line.strip()
    valid = isbn.is_valid(code) if code.startswith(("978", "979")) else ean.is_valid(code)
    print(code, "valid" if valid else "invalid")
PY
echo "## one code (with the bundled registry; then without any registry)"
hyperfine -N --warmup 3 --runs 50 "$BIN check 8934563138165" 2>&1 | grep -E "Time|Range"
hyperfine -N --warmup 3 --runs 50 "$BIN check --no-registry 8934563138165" 2>&1 | grep -E "Time|Range"
echo "## one registry search, process start to exit"
hyperfine -N --warmup 3 --runs 30 "$BIN registry search 'nuoc mam phu quoc'" 2>&1 | grep -E "Time|Range"
for format in text csv; do
    echo "## 1M codes, --format $format"
    /usr/bin/time -f "wall %e s, peak RSS %M KB" "$BIN" check --format "$format" < "$WORK/1m.txt" > /dev/null || true
done
echo "## 1M codes, --format csv --no-registry"
/usr/bin/time -f "wall %e s, peak RSS %M KB" "$BIN" check --format csv --no-registry < "$WORK/1m.txt" > /dev/null || true
echo "## peer: python-stdnum, 1M codes (validation only)"
/usr/bin/time -f "wall %e s, peak RSS %M KB" python3 "$WORK/stdnum_peer.py" < "$WORK/1m.txt" > /dev/null
rm -rf "$WORK"
