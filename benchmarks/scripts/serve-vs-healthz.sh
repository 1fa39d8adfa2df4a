#!/usr/bin/env bash
# HTTP endpoint under load (wrk on loopback, same server, same run):
#   GET /healthz vs GET / (the web page) and GET /v1/codes/{code}, 64 connections, 2 wrk threads, 10 s each, with latency percentiles;
#   POST /v1/scan of the sample photo (1 connection) vs the CLI's own decode+scan time for the same photo.
# Usage: bash benchmarks/scripts/serve-vs-healthz.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null; then apt-get install -y -qq wrk >/dev/null 2>&1 || sudo apt-get install -y -qq wrk; fi
swift build -c release --static-swift-stdlib --product hangviet >&2
BIN=.build/release/hangviet
WORK=$(mktemp -d)
export HANGVIET_REGISTRY="$WORK/no-user-registry.sqlite"
"$BIN" serve --port 0 --rate-limit 0 --log-level warning 2> "$WORK/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$WORK/serve.log" && break; sleep 0.1; done
PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/serve.log" | grep -o '[0-9]*$')
URL="http://127.0.0.1:$PORT"
curl -s "$URL/v1/codes/8934563138165" > /dev/null
wrk -t2 -c64 -d3s "$URL/healthz" > /dev/null   # warm-up
echo "## GET /healthz (64 connections)"
wrk -t2 -c64 -d10s --latency "$URL/healthz" | grep -E "Requests/sec|Latency |  50%|  90%|  99%"
echo "## GET / (the web page, Vietnamese, gzip; 64 connections; issue 20)"
wrk -t2 -c64 -d10s --latency -H "Accept-Encoding: gzip" -H "Accept-Language: vi" "$URL/" | grep -E "Requests/sec|Latency |  50%|  90%|  99%"
echo "## the page's bytes: HTML + script + style, gzip-compressed as sent"
for path in / /assets/app.js /assets/app.css; do curl -s -H "Accept-Encoding: gzip" "$URL$path" | wc -c; done | awk '{ t += $1; printf "%s B  ", $1 } END { print "total " t " B" }'
echo "## GET /v1/codes/8934563138165 (64 connections; answer cache on, the default)"
wrk -t2 -c64 -d10s --latency "$URL/v1/codes/8934563138165" | grep -E "Requests/sec|Latency |  50%|  90%|  99%"
echo "## GET /v1/codes/4901780188352 (a foreign code: a smaller response, no registry facts; 64 connections)"
wrk -t2 -c64 -d10s --latency "$URL/v1/codes/4901780188352" | grep -E "Requests/sec|Latency |  50%|  90%|  99%"
# The same server software with the answer cache off: every request computes verdict + JSON.
"$BIN" serve --port 0 --rate-limit 0 --cache 0 --log-level warning 2> "$WORK/serve-nocache.log" &
NOCACHE=$!
trap 'kill $SERVER $NOCACHE 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$WORK/serve-nocache.log" && break; sleep 0.1; done
URL2="http://127.0.0.1:$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/serve-nocache.log" | grep -o '[0-9]*$')"
echo "## --cache 0: GET /v1/codes/8934563138165 (64 connections)"
wrk -t2 -c64 -d10s --latency "$URL2/v1/codes/8934563138165" | grep -E "Requests/sec|Latency |  50%|  90%|  99%"
echo "## --cache 0: GET /v1/codes/4901780188352 (64 connections)"
wrk -t2 -c64 -d10s --latency "$URL2/v1/codes/4901780188352" | grep -E "Requests/sec|Latency |  50%|  90%|  99%"
kill $NOCACHE
echo "## response sizes: $(curl -s "$URL/healthz" | wc -c) B (/healthz), $(curl -s "$URL/v1/codes/8934563138165" | wc -c) B (8934563138165), $(curl -s "$URL/v1/codes/4901780188352" | wc -c) B (4901780188352)"
cat > "$WORK/scan.lua" <<LUA
local f = io.open("Resources/samples/hao-hao-8934563138165.jpg", "rb")
wrk.method = "POST"
wrk.body = f:read("*all")
f:close()
wrk.headers["Content-Type"] = "image/jpeg"
LUA
echo "## POST /v1/scan, sample photo (1 connection, 10 s)"
wrk -t1 -c1 -d10s --latency -s "$WORK/scan.lua" "$URL/v1/scan" | grep -E "Requests/sec|Latency |  50%|  99%"
echo "## CLI decode+scan time for the same photo (milliseconds reported by hangviet scan, 30 runs)"
for _ in $(seq 30); do "$BIN" scan --format json Resources/samples/hao-hao-8934563138165.jpg | grep -o '"milliseconds":[0-9]*' | cut -d: -f2; done \
    | sort -n | awk '{ a[NR] = $1 } END { print "median " a[int((NR + 1) / 2)] " ms, min " a[1] " ms, max " a[NR] " ms" }'
echo "## server RSS after the runs"
ps -o rss= -p $SERVER | awk '{ print $1 / 1024 " MB" }'
