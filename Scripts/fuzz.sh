#!/usr/bin/env bash
# Fuzzes what HangViet reads from untrusted bytes (issue 21) with libFuzzer and AddressSanitizer:
#   bash Scripts/fuzz.sh [TARGET|all] [SECONDS] [JOBS]     default: all, 30 s each, 2 at a time
#   bash Scripts/fuzz.sh build                               only builds (Scripts/test.sh starts it early)
# Builds Fuzz/ (its own package) into .build-fuzz with -sanitize=fuzzer,address (and ASan for
# the C and C++ code), seeds a corpus per target from the tests, fixtures and samples (kept in
# .build-fuzz/corpus and grown by each run), and runs each target for SECONDS. Fails on a
# crash, a sanitizer report, a leak or a timeout (inputs over 10 s), naming the input kept in
# .build-fuzz/artifacts/TARGET/. A per-target summary (runs, coverage, corpus) is printed and
# written to .build-fuzz/summary.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
ONLY="${1:-all}"
SECONDS_EACH="${2:-30}"
JOBS="${3:-2}"
TARGETS=(png png-libpng jpeg webp bmp pnm heif scanner payload csv chunker xlsx multipart accept-language registry-import)
if [[ "$ONLY" != all && "$ONLY" != build ]]; then
    [[ " ${TARGETS[*]} " == *" $ONLY "* ]] || { echo "fuzz: no target $ONLY; the targets: ${TARGETS[*]}" >&2; exit 2; }
    TARGETS=("$ONLY")
fi
bash Scripts/install-dependencies.sh
echo "fuzz: building Fuzz/ with -sanitize=fuzzer,address (first build ≈ 4 min)" >&2
(cd Fuzz && swift build -c debug --scratch-path ../.build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=address -Xcxx -fsanitize=address >&2)
[[ "$ONLY" == build ]] && exit 0
BIN=.build-fuzz/debug/hangviet-fuzz
OUT=.build-fuzz
FIXTURES=../shared/fixtures/barcodes
IMAGES=Tests/BarcodeScanningTests/Images

seed() {   # seed TARGET FILE…: copies the files into the target's corpus
    local dir="$OUT/corpus/$1"; shift
    mkdir -p "$dir"
    for file in "$@"; do [[ -f "$file" ]] && cp -n "$file" "$dir/" 2>/dev/null || true; done
}
small() { find "$@" -type f -size -64k 2>/dev/null | head -60; }
make_seeds() {
    mkdir -p "$OUT/seeds"
    local s="$OUT/seeds"
    mapfile -t pngs < <(small "$IMAGES" "$FIXTURES" -name '*.png')
    mapfile -t jpegs < <(small "$IMAGES" "$FIXTURES" Resources/samples -name '*.jpg')
    seed png "${pngs[@]}"; seed png-libpng "${pngs[@]}"; seed jpeg "${jpegs[@]}"
    seed scanner "${pngs[@]:0:20}" "${jpegs[@]:0:20}"
    # Other formats made from a test image (Pillow, when there), and a bare HEIF header.
    if python3 -c "import PIL" 2>/dev/null; then
        python3 - "$IMAGES/ean13-893.png" "$s" <<'PY'
import sys
from PIL import Image
image = Image.open(sys.argv[1]).convert("L")
image.thumbnail((160, 160))
out = sys.argv[2]
image.save(f"{out}/seed.webp", lossless=True); image.save(f"{out}/seed-lossy.webp", quality=50)
image.save(f"{out}/seed.bmp"); image.convert("RGB").save(f"{out}/seed-rgb.bmp")
image.save(f"{out}/seed.pgm"); image.convert("RGB").save(f"{out}/seed.ppm")
image.convert("P").save(f"{out}/seed-palette.png"); image.save(f"{out}/seed-interlaced.png", interlace=1)
image.convert("RGBA").save(f"{out}/seed-rgba.png"); image.convert("1").save(f"{out}/seed-1bit.png")
PY
        seed webp "$s"/seed*.webp; seed bmp "$s"/seed*.bmp; seed pnm "$s"/seed.p?m
        seed png "$s"/seed-*.png; seed png-libpng "$s"/seed-*.png
        seed scanner "$s"/seed.webp "$s"/seed.bmp "$s"/seed.pgm
    fi
    printf '\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\x08meta' > "$s/seed.heic"
    seed heif "$s/seed.heic" "${jpegs[@]:0:3}" "${pngs[@]:0:3}"
    # Codes, element strings and links.
    local i=0
    { grep -v '^#' Resources/samples/codes.txt | sed 's/ *#.*//'
      printf '%s\n' '(01)08934563138165(17)271231(10)LOT42(422)704' ']d2010893456313816517271231' ']C10108934563138165' \
        'https://id.gs1.org/01/08934563138165/10/LOT42?17=271231' '9786045823453' '977123456700' '01234565' \
        '0212345678906' ']Q3https://example.com/01/08934563138165' 'Nước mắm Phú Quốc'; } | while IFS= read -r line; do
        [[ -n "$line" ]] || continue
        i=$((i + 1)); printf '%s' "$line" > "$s/payload-$i.txt"
    done
    seed payload "$s"/payload-*.txt
    # Inventories and registry files.
    for file in Resources/samples/inventory.csv Resources/registry/*.csv; do head -c 4096 "$file" > "$s/$(basename "$file")"; done
    seed csv "$s"/*.csv; seed chunker "$s"/*.csv
    seed xlsx Tests/HangVietCLITests/Fixtures/inventory.xlsx
    local kind=0
    for name in brands products ocop geographical_indications brand_ownership recognition hotlines; do
        { printf "\\x$(printf '%02x' $kind)"; cat "$s/$name.csv"; } > "$s/import-$name.bin"
        kind=$((kind + 1))
    done
    seed registry-import "$s"/import-*.bin
    printf 'multipart/form-data; boundary=XyZ\n--XyZ\r\nContent-Disposition: form-data; name="image"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nDATA\r\n--XyZ--\r\n' > "$s/multipart.txt"
    seed multipart "$s/multipart.txt"
    printf 'vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7' > "$s/al-1.txt"; printf 'en;q=0,vi;q=0.1' > "$s/al-2.txt"; printf '*' > "$s/al-3.txt"
    seed accept-language "$s"/al-*.txt
}
make_seeds
# Inputs that once crashed stay in the corpus (Fuzz/regressions/TARGET/; the tests run them too).
for dir in Fuzz/regressions/*/; do seed "$(basename "$dir")" "$dir"*; done

dictionary() {
    case "$1" in
        png|png-libpng|scanner|heif) echo "-dict=Fuzz/dictionaries/png.dict" ;;
        payload) echo "-dict=Fuzz/dictionaries/gs1.dict" ;;
        xlsx) echo "-dict=Fuzz/dictionaries/xlsx.dict" ;;
        csv|chunker|multipart|accept-language|registry-import) echo "-dict=Fuzz/dictionaries/text.dict" ;;
    esac
}
run_one() {
    local target="$1"
    rm -rf "$OUT/artifacts/$target"   # inputs kept by an earlier run: the fixed ones are in Fuzz/regressions/
    mkdir -p "$OUT/artifacts/$target" "$OUT/logs"
    local log="$OUT/logs/$target.log"
    if HANGVIET_FUZZ_TARGET="$target" SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" \
        LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0" "$BIN" "$OUT/corpus/$target" \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2560 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$OUT/artifacts/$target/" $(dictionary "$target") > "$log" 2>&1; then
        echo "ok   $target"
    else
        echo "FAIL $target: $(grep -m1 -E 'ERROR: |==[0-9]+==|deadly signal|timeout' "$log" || tail -1 "$log")"
        ls "$OUT/artifacts/$target/" | sed 's/^/     input kept: /'
        return 1
    fi
}
export -f run_one dictionary
export OUT BIN SECONDS_EACH
echo "fuzz: ${#TARGETS[@]} targets, ${SECONDS_EACH} s each, ${JOBS} at a time" >&2
status=0
printf '%s\n' "${TARGETS[@]}" | xargs -P "$JOBS" -I{} bash -c 'run_one {}' || status=1
printf 'target\truns\truns/s\tcoverage\tfeatures\tcorpus\n' > "$OUT/summary.tsv"
for target in "${TARGETS[@]}"; do
    log="$OUT/logs/$target.log"
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' <<< "$last" | grep -o '[0-9]*' || echo 0)
    ft=$(grep -o 'ft: [0-9]*' <<< "$last" | grep -o '[0-9]*' || echo 0)
    corpus=$(ls "$OUT/corpus/$target" | wc -l)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$runs" "$speed" "$cov" "$ft" "$corpus" >> "$OUT/summary.tsv"
done
column -t -s $'\t' "$OUT/summary.tsv"
exit $status
