#!/usr/bin/env bash
# The shared registry (issue 22), measured in one run on a throwaway PostgreSQL server
# (Scripts/postgres.sh) beside the SQLite file:
#   1. loading a snapshot: `hangviet check` with the registry in SQLite vs in PostgreSQL, for the
#      seed alone and for 100 000 imported entries (hyperfine; the process start is the same in both);
#   2. GET /v1/codes throughput: BEFORE_BIN (a build without the PostgreSQL backend, if given) and
#      this build on the SQLite registry, and this build on PostgreSQL (wrk, 64 connections, 10 s);
#   3. p99 under load with an import (so a snapshot refresh on the replica) every second, vs none.
# Usage: bash benchmarks/scripts/registry-backends.sh [BEFORE_BIN]
set -euo pipefail
cd "$(dirname "$0")/../.."
BEFORE=${1:-}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null 2>&1 || sudo apt-get install -y -qq wrk
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null 2>&1 || sudo apt-get install -y -qq hyperfine
swift build -c release --static-swift-stdlib --product hangviet >&2
BIN=$PWD/.build/release/hangviet
WORK=$(mktemp -d)
chmod 755 "$WORK"
PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; bash Scripts/postgres.sh stop "$WORK/pg" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
SEED_PG=$(bash Scripts/postgres.sh start "$WORK/pg")
BIG_PG=$(bash Scripts/postgres.sh createdb "$WORK/pg" big)
"$BIN" registry stats --registry "$SEED_PG" > /dev/null
"$BIN" registry stats --registry "$BIG_PG" > /dev/null

# 100 000 GTINs in the restricted-circulation range 200–299 (store-internal numbers): no real
# product number is made up.
python3 - "$WORK/big.csv" <<'PY'
import sys
def check(d): return str((10 - sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(d))) % 10) % 10)
with open(sys.argv[1], "w") as f:
    f.write("gtin,name,source\n")
    for i in range(100_000):
        body = "2%011d" % (1_000_000 + i)
        f.write(f"{body}{check(body)},Benchmark item {i},benchmark list\n")
PY
SEED_FILE="$WORK/seed.sqlite"; BIG_FILE="$WORK/big.sqlite"
printf 'gtin,name,source\n2001234567893,Benchmark seed-only item,benchmark list\n' > "$WORK/one.csv"
"$BIN" registry import "$WORK/one.csv" --kind gtins --registry "$SEED_FILE" > /dev/null
"$BIN" registry import "$WORK/one.csv" --kind gtins --registry "$SEED_PG" > /dev/null
echo "## importing 100 000 GTINs (one transaction each)"
/usr/bin/time -f "SQLite file: %e s" "$BIN" registry import "$WORK/big.csv" --kind gtins --registry "$BIG_FILE" > /dev/null
/usr/bin/time -f "PostgreSQL: %e s" "$BIN" registry import "$WORK/big.csv" --kind gtins --registry "$BIG_PG" > /dev/null

echo "## loading the snapshot: hangviet check (seed + 1 entry; seed + 100 000)"
# A BEFORE_BIN that has the PostgreSQL backend too is measured on the same databases.
before_pg=()
if [[ -n "$BEFORE" ]] && "$BEFORE" check 2001234567893 --registry "$BIG_PG" > /dev/null 2>&1; then
    before_pg=(-n "before, PostgreSQL, seed" "$BEFORE check 2001234567893 --registry $SEED_PG"
               -n "before, PostgreSQL, 100k" "$BEFORE check 2001234567893 --registry $BIG_PG")
fi
hyperfine -N -w 3 -r 20 --export-markdown "$WORK/load.md" \
    -n "SQLite, seed" "$BIN check 2001234567893 --registry $SEED_FILE" \
    -n "PostgreSQL, seed" "$BIN check 2001234567893 --registry $SEED_PG" \
    -n "SQLite, 100k" "$BIN check 2001234567893 --registry $BIG_FILE" \
    -n "PostgreSQL, 100k" "$BIN check 2001234567893 --registry $BIG_PG" "${before_pg[@]}" > /dev/null
sed 's/postgres:[^ ]*@/postgres:…@/g' "$WORK/load.md"

start_serve() {   # BIN REGISTRY LOG → sets URL and SERVER
    "$1" serve --port 0 --rate-limit 0 --log-level warning --registry "$2" > /dev/null 2> "$3" &
    SERVER=$!
    PIDS+=("$SERVER")
    for _ in $(seq 300); do grep -q "listening on" "$3" && break; sleep 0.1; done
    URL="http://127.0.0.1:$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$3" | grep -o '[0-9]*$')"
}
load() { wrk -t2 -c64 -d10s --latency "$1/v1/codes/8934563138165" | grep -E "Requests/sec|  99%"; }

echo "## GET /v1/codes/8934563138165 (64 connections, 10 s each, one server at a time)"
if [[ -n "$BEFORE" ]]; then
    start_serve "$BEFORE" "$SEED_FILE" "$WORK/before.log"; wrk -t2 -c64 -d3s "$URL/healthz" > /dev/null
    echo "- before (no PostgreSQL backend), SQLite:"; load "$URL"; kill "$SERVER"
fi
start_serve "$BIN" "$SEED_FILE" "$WORK/sqlite.log"; wrk -t2 -c64 -d3s "$URL/healthz" > /dev/null
echo "- this build, SQLite:"; load "$URL"; kill "$SERVER"
start_serve "$BIN" "$SEED_PG" "$WORK/pg.log"; wrk -t2 -c64 -d3s "$URL/healthz" > /dev/null
echo "- this build, PostgreSQL, no imports:"; load "$URL"
echo "- this build, PostgreSQL, an import (a snapshot refresh) every second:"
( for i in $(seq 10); do
      printf 'gtin,name,source\n2001234567893,Benchmark item v%s,benchmark list\n' "$i" > "$WORK/v.csv"
      "$BIN" registry import "$WORK/v.csv" --kind gtins --registry "$SEED_PG" > /dev/null; sleep 1
  done ) > /dev/null &
PIDS+=($!)
load "$URL"
wait "${PIDS[-1]}" 2>/dev/null || true
curl -s "$URL/readyz"; echo
