#!/usr/bin/env python3
"""Real photos with no code to find: the fixtures with every code HangViet reads painted over.

Most photos a user takes where nothing is read show no barcode at all (the wrong side of the
pack, a label too far away). The fixtures are real photos of packs, labels and screens; each
code HangViet reads there is covered by a rectangle around its outline (grown by 35 % of its
longer side on every side, for quiet zones, digits and bars beyond the lines that read it),
filled with the median grey of the rectangle's edge. Photos in which anything is still read
afterwards (a code HangViet did not read, a part of one left showing) are dropped, so every
photo kept has nothing to read. The same fixtures and binary give the same files.

    no-code-photos.py HANGVIET_BIN FIXTURES_DIR OUT_DIR      # needs Pillow
    no-code-photos.py time HANGVIET_BIN OUT_DIR [ROUNDS]      # CPU of hangviet, zbarimg, zxing-cpp (PyPI)

`time` runs the three readers on the photos in turn, ROUNDS times (default 3), one core each:
hangviet with `--jobs 1`, zbarimg once per photo, zxing-cpp in this process with Pillow's
decoding; it prints user + sys seconds per reader and round, and what each read (nothing, if
the set is right).
"""
import json, os, resource, subprocess, sys, time, warnings

warnings.filterwarnings("ignore", module="PIL")   # palette images with transparency: read as grey anyway


def scan(binary, paths):
    run = subprocess.run([binary, "scan", "--format", "ndjson", *paths], capture_output=True, text=True)
    return [json.loads(line) for line in run.stdout.splitlines()]


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_readers(binary, folder, rounds):
    photos = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".png"))
    for round_ in range(1, rounds + 1):
        start = children_cpu()
        results = scan_one_job(binary, photos)
        read = sum(1 for r in results if r.get("codes"))
        print(f"round {round_} hangviet {children_cpu() - start:.2f} s, {read} of {len(photos)} with a code")
        start, read = children_cpu(), 0
        for p in photos:
            read += bool(subprocess.run(["zbarimg", "-q", "--raw", p], capture_output=True).stdout.strip())
        print(f"round {round_} zbarimg {children_cpu() - start:.2f} s, {read} with a code")
        import zxingcpp
        from PIL import Image
        start, read = time.process_time(), 0
        for p in photos:
            read += bool(zxingcpp.read_barcodes(Image.open(p)))
        print(f"round {round_} zxing-cpp {time.process_time() - start:.2f} s, {read} with a code")


def scan_one_job(binary, paths):
    run = subprocess.run([binary, "scan", "--jobs", "1", "--format", "ndjson", *paths], capture_output=True, text=True)
    return [json.loads(line) for line in run.stdout.splitlines()]


def check_binary(binary):
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        sys.exit(f"{binary}: no such executable; build it with `swift build -c release --product hangviet`")


def main():
    if len(sys.argv) in (4, 5) and sys.argv[1] == "time":
        check_binary(sys.argv[2])
        if not os.path.isdir(sys.argv[3]):
            sys.exit(f"{sys.argv[3]}: no such folder; make the photos first (see the usage above)")
        return time_readers(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) == 5 else 3)
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    from PIL import Image, ImageDraw
    binary, fixtures, out = sys.argv[1:]
    check_binary(binary)
    if not os.path.isdir(fixtures):
        sys.exit(f"{fixtures}: no such folder; give the fixtures' folder (../shared/fixtures/barcodes)")
    os.makedirs(out, exist_ok=True)
    photos = sorted(os.path.join(d, f) for d, _, files in os.walk(fixtures) for f in files
                    if f.lower().endswith((".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif")))
    made = []
    for result in scan(binary, photos):
        codes = result.get("codes", [])
        if not codes or any(not c.get("polygon") for c in codes):
            continue  # nothing read, or a code without an outline to cover
        image = Image.open(result["file"]).convert("L")
        width, height = image.size
        draw = ImageDraw.Draw(image)
        for code in codes:
            xs = [p[0] for p in code["polygon"]]
            ys = [p[1] for p in code["polygon"]]
            grow = 0.35 * max(max(xs) - min(xs), max(ys) - min(ys))
            x0, x1 = max(0, int(min(xs) - grow)), min(width - 1, int(max(xs) + grow))
            y0, y1 = max(0, int(min(ys) - grow)), min(height - 1, int(max(ys) + grow))
            edge = sorted([image.getpixel((x, y)) for x in range(x0, x1 + 1, 4) for y in (y0, y1)]
                          + [image.getpixel((x, y)) for y in range(y0, y1 + 1, 4) for x in (x0, x1)])
            draw.rectangle([x0, y0, x1, y1], fill=edge[len(edge) // 2])
        folder = os.path.basename(os.path.dirname(result["file"]))
        name = f"{folder}-{os.path.splitext(os.path.basename(result['file']))[0]}.png"
        image.save(os.path.join(out, name))
        made.append(os.path.join(out, name))
    dropped = 0
    for result in scan(binary, made):
        if result.get("codes"):
            os.remove(result["file"])
            dropped += 1
    print(f"{len(made) - dropped} photos with nothing to read in {out} ({dropped} still showed a code and were dropped)")


if __name__ == "__main__":
    main()
