#!/usr/bin/env bash
# The web page in a real browser (issue 20): installs Debian's chromium and chromium-driver and
# PyPI's selenium and axe-selenium-python if missing, starts `hangviet serve --port 0` on a
# throw-away registry that holds one XSS probe, and runs Scripts/browser_test.py against it.
# Screenshots of each state: .build/browser-screenshots/. Binary: $HANGVIET_BIN, default the
# debug build (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
for package in chromium chromium-driver; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    SUDO=(); [[ $(id -u) -eq 0 ]] || SUDO=(sudo)
    echo "browser-test: installing ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || { DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi
python3 -c "import selenium, axe_selenium_python" 2>/dev/null || python3 -m pip install -q selenium axe-selenium-python
BIN="${HANGVIET_BIN:-.build/debug/hangviet}"
[[ -x "$BIN" ]] || swift build --product hangviet >&2
BIN=$(realpath "$BIN")
SHOTS=.build/browser-screenshots
mkdir -p "$SHOTS"
WORK=$(mktemp -d)
trap 'kill ${SERVER:-0} 2>/dev/null || true; rm -rf "$WORK"' EXIT
export HANGVIET_REGISTRY="$WORK/registry.sqlite"
# The XSS probe: a product whose registry name is markup (a test-only GTIN in a throw-away registry).
PROBE=8934563999995
printf 'gtin,name,source\n%s,"<img src=x onerror=alert(1)><script>alert(2)</script>",https://example.org/xss-probe\n' "$PROBE" > "$WORK/probe.csv"
"$BIN" registry import "$WORK/probe.csv" --kind gtins >&2
# The share the page must show for the sample inventory: what `hangviet batch` says.
"$BIN" batch Resources/samples/inventory.csv --summary "$WORK/summary.json" --lang vi > /dev/null 2>&1 || true
SHARE=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['shares']['sku']['confirmed']['share']; print(('%.1f %%' % (s*100)).replace('.', ','))" "$WORK/summary.json")
"$BIN" serve --port 0 2> "$WORK/serve.log" &
SERVER=$!
for _ in $(seq 100); do grep -q "listening on" "$WORK/serve.log" && break; sleep 0.1; done
PORT=$(sed -n 's|.*listening on http://[^:]*:\([0-9]*\).*|\1|p' "$WORK/serve.log" | head -1)
[[ -n "$PORT" ]] || { cat "$WORK/serve.log" >&2; echo "browser-test: the server did not start" >&2; exit 1; }
python3 Scripts/browser_test.py "http://127.0.0.1:$PORT" "$PROBE" "$SHOTS" "$SHARE"
echo "browser-test: screenshots in $SHOTS" >&2
