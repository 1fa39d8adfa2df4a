#!/usr/bin/env bash
# Saves the output of every command and format, and of every server endpoint, on the bundled
# samples and a few fixtures, so that a refactoring can prove its outputs byte-identical:
#   bash Scripts/golden-outputs.sh DIR [BINARY]      (BINARY: default .build/release/hangviet)
#   diff -r BEFORE AFTER
# Timings (JSON "milliseconds" and "seconds", the summary's rows per second) are replaced by 0,
# the temporary directory becomes WORK, and the server's /metrics (counters of this very run)
# is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$1"
BIN="${2:-.build/release/hangviet}"
BIN=$(realpath "$BIN")
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'kill ${SERVER:-0} 2>/dev/null || true; rm -rf "$WORK"' EXIT
export HANGVIET_REGISTRY="$WORK/registry.sqlite"   # no user registry: the bundled one
FIXTURES=../shared/fixtures/barcodes
untime() { sed -E "s|$WORK|WORK|g" | sed -E 's/"(milliseconds|seconds|rowsPerSecond)": ?[0-9.e+-]+/"\1":0/g; s/[0-9][0-9.,]* (rows\/s|dòng\/giây|ms|giây|s)\b/0 \1/g'; }
run() {   # run NAME COMMAND… : stdout, stderr and exit code of one command
    local name="$1"; shift
    set +e
    "$@" > "$OUT/$name.out" 2> "$OUT/$name.err"
    echo $? > "$OUT/$name.rc"
    set -e
    untime < "$OUT/$name.out" > "$OUT/$name.tmp" && mv "$OUT/$name.tmp" "$OUT/$name.out"
    untime < "$OUT/$name.err" > "$OUT/$name.tmp" && mv "$OUT/$name.tmp" "$OUT/$name.err"
}

CODES=(8934563138165 8936017364113 8934588233074 5449000000996 8934563138166 "(01)08934563138165(17)271231(10)LOT42(422)704"
       "https://id.gs1.org/01/08934563138165/10/LOT42" 9786045823456 01234565 977123456700 ABC)
PHOTOS=(Resources/samples/hao-hao-8934563138165.jpg Tests/BarcodeScanningTests/Images/qr-vietnamese.png
        Tests/BarcodeScanningTests/Images/datamatrix-gs1-origin-photo.jpg Tests/BarcodeScanningTests/Images/ean13-single-line.png
        Tests/BarcodeScanningTests/Images/qr-shift-jis.png Tests/BarcodeScanningTests/Images/ean13-addon.png README.md)
[ -d "$FIXTURES" ] && PHOTOS+=($(ls "$FIXTURES"/zbar-examples/* | head -6))

for lang in en vi; do
    for format in text json ndjson csv table; do
        run "check-$lang-$format" "$BIN" check --lang "$lang" --format "$format" "${CODES[@]}"
        run "scan-$lang-$format" "$BIN" scan --lang "$lang" --format "$format" --jobs 1 "${PHOTOS[@]}"
    done
    run "check-$lang-stdin" "$BIN" check --lang "$lang" - < Resources/samples/codes.txt
    run "check-$lang-no-registry" "$BIN" check --lang "$lang" --format json --no-registry "${CODES[@]}"
    for format in csv ndjson json; do
        run "batch-$lang-$format" "$BIN" batch --lang "$lang" --format "$format" Resources/samples/inventory.csv \
            --summary "$OUT/batch-$lang-$format.summary.json" --report "$OUT/batch-$lang-$format.report.html"
    done
    run "batch-$lang-missing" "$BIN" batch --lang "$lang" "$WORK/missing.csv"
    printf 'name;qty\nx;1\n' > "$WORK/nocolumn.csv"
    run "batch-$lang-no-column" "$BIN" batch --lang "$lang" "$WORK/nocolumn.csv"
    run "registry-$lang-stats" "$BIN" registry stats --lang "$lang"
    for format in text json; do
        run "registry-$lang-search-$format" "$BIN" registry search --lang "$lang" --format "$format" "hảo hảo"
        run "registry-$lang-search-ocop-$format" "$BIN" registry search --lang "$lang" --format "$format" "nam định"
        for id in gi:1 ocop:1 brand:1 product:63 nothing:0; do
            run "registry-$lang-show-$id-$format" "$BIN" registry show --lang "$lang" --format "$format" "$id"
        done
    done
done
for kind in brands gtins ocop gi; do
    run "registry-export-$kind-csv" "$BIN" registry export --kind "$kind" --format csv
    run "registry-export-$kind-json" "$BIN" registry export --kind "$kind" --format json
done
for file in "$OUT"/batch-*.summary.json "$OUT"/batch-*.report.html; do
    [ -f "$file" ] && untime < "$file" > "$file.tmp" && mv "$file.tmp" "$file"
done

# The server: every endpoint, and its errors.
"$BIN" serve --port 0 --rate-limit 0 --log-level warning 2> "$WORK/serve.log" &
SERVER=$!
for _ in $(seq 100); do grep -q "listening on" "$WORK/serve.log" && break; sleep 0.1; done
PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/serve.log" | grep -o '[0-9]*$')
URL="http://127.0.0.1:$PORT"
get() {   # get NAME CURL-ARGS… : status line, content type and body
    local name="$1"; shift
    curl -s -o "$WORK/body" -w '%{http_code} %{content_type}\n' "$@" > "$OUT/serve-$name.status" || true
    untime < "$WORK/body" > "$OUT/serve-$name.body"
}
get code "$URL/v1/codes/8934563138165"
get code-vi -H 'Accept-Language: vi' "$URL/v1/codes/8934588233074"
get code-invalid "$URL/v1/codes/8934563138166"
get code-element-string "$URL/v1/codes/%2801%2908934563138165%28422%29704"
get codes -X POST -H 'Content-Type: application/json' --data '["8934563138165","5449000000996","ABC"]' "$URL/v1/codes"
get codes-object -X POST -H 'Content-Type: application/json' --data '{"codes":["8936017364113"]}' "$URL/v1/codes"
get codes-bad-json -X POST -H 'Content-Type: application/json' --data '[1,' "$URL/v1/codes"
get scan -X POST -H 'Content-Type: image/jpeg' --data-binary @Resources/samples/hao-hao-8934563138165.jpg "$URL/v1/scan"
get scan-multipart -F "image=@Tests/BarcodeScanningTests/Images/qr-vietnamese.png" "$URL/v1/scan"
get scan-not-image -X POST -H 'Content-Type: application/octet-stream' --data-binary @README.md "$URL/v1/scan"
get search "$URL/v1/registry/search?q=h%E1%BA%A3o%20h%E1%BA%A3o&limit=5"
get search-empty "$URL/v1/registry/search?q="
get healthz "$URL/healthz"
get readyz "$URL/readyz"
get openapi "$URL/openapi.yaml"
get not-found "$URL/v1/nothing"
kill $SERVER; wait $SERVER 2>/dev/null || true
echo "golden outputs in $OUT: $(ls "$OUT" | wc -l) files"
