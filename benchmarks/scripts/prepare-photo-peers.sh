# Sourced by scan-vs-peers.sh and synthetic-vs-peers.sh (from the repository root): installs
# the peers and tools they compare against (apt-get as root, sudo otherwise; pip for
# zxing-cpp) and builds the hangviet binary they time, as BIN.
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
for tool in zbarimg:zbar-tools hyperfine:hyperfine zint:zint; do
    command -v "${tool%%:*}" >/dev/null || { $SUDO apt-get update -qq; $SUDO apt-get install -y -qq "${tool##*:}"; }
done
python3 -c "import zxingcpp, PIL" 2>/dev/null || pip install --quiet zxing-cpp pillow
swift build -c release --static-swift-stdlib --product hangviet >&2
BIN=.build/release/hangviet

# time_photo_readers FILE_LIST RUNS VARIANT: wall time of hangviet scan, hangviet scan VARIANT
# (a flag), zbarimg and zxing-cpp, each over every file of FILE_LIST in one process; prints
# hyperfine's markdown table.
time_photo_readers() {
    local list=$1 runs=$2 variant=$3 table
    table=$(mktemp)
    hyperfine --warmup 1 --runs "$runs" --ignore-failure --export-markdown "$table" \
        -n "hangviet scan" "xargs -a $list -d '\n' $BIN scan --format ndjson" \
        -n "hangviet scan $variant" "xargs -a $list -d '\n' $BIN scan $variant --format ndjson" \
        -n "zbarimg" "xargs -a $list -d '\n' zbarimg -q" \
        -n "zxing-cpp (python)" "xargs -a $list -d '\n' python3 benchmarks/scripts/zxing_all.py" >/dev/null
    cat "$table"
    rm -f "$table"
}
