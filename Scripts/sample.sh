#!/usr/bin/env bash
# The main job on the bundled sample: installs what is missing, builds HangViet (release)
# and checks the sample codes in Resources/samples/codes.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-dependencies.sh
swift build -c release --product hangviet >&2
exec .build/release/hangviet check - --format "${FORMAT:-table}" < Resources/samples/codes.txt
