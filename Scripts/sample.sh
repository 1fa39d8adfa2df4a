#!/usr/bin/env bash
# The main job on the bundled samples: installs what is missing, builds HangViet (release),
# reads the barcode in the sample photo Resources/samples/hao-hao-8934563138165.jpg and
# gives its verdict, checks the sample inventory Resources/samples/inventory.csv (share of
# Vietnamese goods), then checks the sample codes in Resources/samples/codes.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-dependencies.sh
swift build -c release --static-swift-stdlib --product hangviet >&2
.build/release/hangviet scan Resources/samples/hao-hao-8934563138165.jpg --format text
.build/release/hangviet batch Resources/samples/inventory.csv --quantity SL --price "Đơn giá" > /dev/null
exec .build/release/hangviet check - --format "${FORMAT:-table}" < Resources/samples/codes.txt
