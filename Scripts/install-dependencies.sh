#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages HangViet needs to build and test, if any are missing.
# Runs apt-get as root, or through sudo for other users. Safe to run again.
set -euo pipefail

# pkg-config and SQLite; zbar and the image codecs (BarcodeScanning); PostgreSQL for the shared-registry tests.
PACKAGES=(pkg-config libsqlite3-dev libzbar-dev libturbojpeg0-dev libpng-dev libisal-dev libwebp-dev libheif-dev zlib1g-dev postgresql)

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null; then
    SUDO=(sudo)
else
    echo "install-dependencies: need root or sudo to install: ${missing[*]}" >&2
    exit 2
fi

echo "install-dependencies: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
