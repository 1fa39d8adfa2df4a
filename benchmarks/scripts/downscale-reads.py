#!/usr/bin/env python3
"""How far a phone photo can be scaled down in the browser before upload and keep its code
readable (issue 20). Makes phone-sized photos (4032×3024) of an EAN-13 (real 893 GTINs from
Resources/registry/products.csv), a GS1 Digital Link QR and a GS1 DataMatrix, each filling
10 %, 15 %, 25 % or 40 % of the frame's width, with a phone's defocus, a small tilt, noise
and JPEG; scales each so its longer side is 640 … 2048 px (antialiased, as a canvas with
imageSmoothingQuality "high" does, then JPEG quality 92 as the page sends), and counts the
photos `hangviet scan` still reads right at each size. Seeded: the same photos every run.

    downscale-reads.py HANGVIET_BIN [OUT_DIR]      # needs zint and Pillow
"""
import importlib.util, json, os, random, subprocess, sys, tempfile
from PIL import Image, ImageDraw, ImageFilter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIDES = [640, 800, 1024, 1280, 1600, 2048, 4032]
FRACTIONS = [0.10, 0.15, 0.25, 0.40]
PER_CELL = 6


def real_893_gtins():
    """The hunt's real 893 GTINs (misread-hunt.py: products.csv rows with a valid check digit)."""
    spec = importlib.util.spec_from_file_location("hunt", os.path.join(os.path.dirname(os.path.abspath(__file__)), "misread-hunt.py"))
    hunt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hunt)
    return hunt.real_893_gtins()


def code(kind, gtin):
    if kind == "ean13":
        return ["-b", "13", "-d", gtin[:12]], gtin
    if kind == "qr":
        link = "https://id.gs1.org/01/0" + gtin
        return ["-b", "58", "-d", link], link
    return ["-b", "71", "--gs1", "-d", f"[01]0{gtin}[422]704"], f"010{gtin}422704"


def photo(base, fraction, rng):
    width, height = 4032, 3024
    canvas = Image.new("L", (width, height), rng.randint(150, 215))
    draw = ImageDraw.Draw(canvas)
    for _ in range(60):
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.rectangle([x, y, x + rng.randint(50, 600), y + rng.randint(20, 300)], fill=rng.randint(90, 240))
    target = int(width * fraction)
    scale = target / base.width
    code_image = base.resize((target, max(1, int(base.height * scale))), Image.NEAREST)
    padded = Image.new("L", (code_image.width + 80, code_image.height + 80), 255)
    padded.paste(code_image, (40, 40))
    padded = padded.rotate(rng.uniform(-8, 8), resample=Image.BICUBIC, expand=True, fillcolor=255)
    x = rng.randint(0, width - padded.width)
    y = rng.randint(0, height - padded.height)
    mask = Image.new("L", padded.size, 0)
    ImageDraw.Draw(mask).rectangle([2, 2, padded.width - 3, padded.height - 3], fill=255)
    canvas.paste(padded, (x, y), mask)
    canvas = canvas.filter(ImageFilter.GaussianBlur(rng.uniform(1.5, 4.0)))  # a phone's defocus at full resolution
    noise = Image.effect_noise((width, height), rng.uniform(6, 14))
    canvas = Image.blend(canvas, noise, 0.12)
    return canvas


def main():
    binary = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="downscale-")
    rng = random.Random(2026)
    gtins = real_893_gtins()
    expected = {}
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("ean13", "qr", "datamatrix"):
            for fraction in FRACTIONS:
                for index in range(PER_CELL):
                    args, text = code(kind, rng.choice(gtins))
                    base_path = os.path.join(tmp, "base.png")
                    subprocess.run(["zint", *args, "--scale=1", "-o", base_path], check=True, capture_output=True)
                    full = photo(Image.open(base_path).convert("L"), fraction, rng)
                    name = f"{kind}-{int(fraction * 100):02d}-{index}"
                    for side in SIDES:
                        folder = os.path.join(out, str(side))
                        os.makedirs(folder, exist_ok=True)
                        scale = side / max(full.size)
                        small = full if scale >= 1 else full.resize((round(full.width * scale), round(full.height * scale)), Image.LANCZOS)
                        small.save(os.path.join(folder, name + ".jpg"), quality=92)
                    expected[name] = text
    results = {}
    for side in SIDES:
        folder = os.path.join(out, str(side))
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
        run = subprocess.run([binary, "scan", "--format", "ndjson", *files], capture_output=True, text=True)
        for line in run.stdout.splitlines():
            d = json.loads(line)
            name = os.path.basename(d["file"])[:-4]
            texts = [c.get("text", "").replace("\x1d", "") for c in d.get("codes", [])]
            results[(side, name)] = expected[name].replace("\x1d", "") in texts
    print("| code, share of the frame's width | " + " | ".join(f"{s} px" for s in SIDES) + " |")
    print("| --- | " + " | ".join("---:" for _ in SIDES) + " |")
    for kind in ("ean13", "qr", "datamatrix"):
        for fraction in FRACTIONS:
            names = [f"{kind}-{int(fraction * 100):02d}-{i}" for i in range(PER_CELL)]
            cells = [f"{sum(results.get((s, n), False) for n in names)}/{PER_CELL}" for s in SIDES]
            print(f"| {kind} {int(fraction * 100)} % | " + " | ".join(cells) + " |")
    totals = [sum(v for (s, _), v in results.items() if s == side) for side in SIDES]
    print("| **all** | " + " | ".join(f"**{t}/{len(expected)}**" for t in totals) + " |")


if __name__ == "__main__":
    main()
