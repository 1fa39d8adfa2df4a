#!/usr/bin/env bash
# Checks the live server against its own OpenAPI document with schemathesis (property-based
# requests for every operation; responses must match the documented schemas and status codes).
# Usage: bash Scripts/api-check.sh   (from the repository root; installs schemathesis with pip)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install -q schemathesis
swift build -c release --static-swift-stdlib --product hangviet >&2
WORK=$(mktemp -d)
export HANGVIET_REGISTRY="$WORK/no-user-registry.sqlite"
.build/release/hangviet serve --port 0 --rate-limit 0 --log-level warning 2> "$WORK/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$WORK/serve.log" && break; sleep 0.1; done
PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/serve.log" | grep -o '[0-9]*$')
echo "server on port $PORT"
schemathesis run "http://127.0.0.1:$PORT/openapi.yaml" --url "http://127.0.0.1:$PORT" \
    --checks all --exclude-checks positive_data_acceptance,unsupported_method,missing_required_header,ignored_auth \
    --max-examples 30 --workers 2 --suppress-health-check all
