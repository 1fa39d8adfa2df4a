#!/usr/bin/env python3
"""The misread hunt: thousands of degraded renders of known codes, made to provoke wrong reads,
and every reader scored on the same files.

Kinds: EAN-13 (real 893 GTINs from Resources/registry/products.csv), UPC-A, UPC-E, EAN-8,
QR (GS1 Digital Links on 893 GTINs, Vietnamese text), GS1 DataMatrix (with AI 422) and plain
DataMatrix. Degradations, several per photo, each drawn at random: 1–2.2 px per module,
defocus up to 1.6 modules, motion blur, perspective up to 30°, a curved pack, glare, low
contrast, a fold across the bars, a price sticker over part of the code, sensor noise, JPEG
quality 40–80. Seeded: the same files every run. With `--kinds`, also the GS1 carriers of
cases and fresh food: ITF-14, GS1-128 (01)(17)(10), GS1 DataBar and DataBar Expanded; and
`dm-beside-ean13` and `qr-beside-ean13`, a pack's EAN-13 and its GS1 DataMatrix or its QR code
(a GS1 Digital Link) in one photo (read only when both are reported).

    misread-hunt.py make OUT_DIR [--per-kind N] [--seed S] [--kinds K,K…]   # needs zint (apt), Pillow, numpy
    misread-hunt.py score OUT_DIR hangviet BIN [flags…]      # one JSON line per kind
    misread-hunt.py score OUT_DIR zbarimg
    misread-hunt.py score OUT_DIR zxing                      # zxing-cpp from PyPI

A photo is "read" when the expected text is among the texts reported (EAN/UPC compared as
digits without leading zeros, GS1 element strings without separators or parentheses); "wrong"
when a text was reported and the expected one was not; "missed" when nothing was reported.
For hangviet, wrong reads are split by confidence: "wrong_confirmed" were reported as
verified, "wrong_doubtful" as doubtful.
"""
import csv, io, json, math, os, random, re, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
KINDS = ["ean13", "upca", "upce", "ean8", "qr", "gs1-datamatrix", "datamatrix"]
# The GS1 carriers of logistics and fresh food, made only when asked (`--kinds`), each from its
# own random stream so that adding them leaves the photos of the kinds above unchanged.
GS1_LINEAR = ["itf14", "gs1-128", "databar", "databar-expanded"]
LINEAR = ["ean13", "upca", "upce", "ean8"] + GS1_LINEAR
# Two codes in one photo, made only when asked: a medicine box's EAN-13 and its GS1 DataMatrix
# (with AI 422) side by side. Read when both are reported; expected holds both, space-separated.
PAIRS = ["dm-beside-ean13", "qr-beside-ean13"]
PAIR_PARTS = {"dm-beside-ean13": ["ean13", "gs1-datamatrix"], "qr-beside-ean13": ["ean13", "qr-link"]}


def check_digit(payload):
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(payload)))
    return str((10 - total % 10) % 10)


def real_893_gtins():
    with open(os.path.join(ROOT, "Resources", "registry", "products.csv"), encoding="utf-8") as f:
        gtins = [row["gtin"] for row in csv.DictReader(f)]
    return [g for g in gtins if len(g) == 13 and g.startswith("893") and check_digit(g[:12]) == g[12]]


def upce_to_upca(upce):
    d = upce[1:7]
    last = d[5]
    if last in "012":
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    return upce[0] + body


VIETNAMESE = ["Nước mắm Phú Quốc 40 độ đạm", "Cà phê Buôn Ma Thuột", "Bánh pía Sóc Trăng",
              "Chè Thái Nguyên — OCOP 4 sao", "Gạo ST25 Sóc Trăng 5 kg", "Vải thiều Lục Ngạn"]


def expiry(rng):
    """A GS1 (17) expiry date in 2027: YYMMDD."""
    return f"27{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"


def gs1_code(zint_type, data):
    """(zint arguments, expected text) for a GS1 element string written with [AI] brackets."""
    return ["-b", zint_type, "--gs1", "-d", data], data.replace("[", "").replace("]", "")


def code_for(kind, rng, gtins):
    """(zint arguments, expected text) for one code of `kind`."""
    if kind == "ean13":
        g = rng.choice(gtins)
        return ["-b", "13", "-d", g[:12]], g
    if kind == "upca":
        p = "0" + "".join(rng.choice("0123456789") for _ in range(10))
        return ["-b", "34", "-d", p], p + check_digit(p)
    if kind == "upce":
        e = "0" + "".join(rng.choice("0123456789") for _ in range(6))
        full = e + check_digit(upce_to_upca(e))
        return ["-b", "37", "-d", e], full
    if kind == "ean8":
        p = rng.choice(["893", "480", "500", "690"]) + "".join(rng.choice("0123456789") for _ in range(4))
        return ["-b", "13", "-d", p], p + check_digit(p)
    if kind == "qr-link":  # a GS1 Digital Link (no spaces: a pair's expected texts are space-separated)
        g = rng.choice(gtins)
        text = f"https://id.gs1.org/01/0{g}/10/LOT{rng.randint(1, 999)}?17=2612{rng.randint(10, 31)}"
        return ["-b", "58", "-d", text], text
    if kind == "qr":
        if rng.random() < 0.5:
            g = rng.choice(gtins)
            text = f"https://id.gs1.org/01/0{g}/10/LOT{rng.randint(1, 999)}?17=2612{rng.randint(10, 31)}"
        else:
            text = rng.choice(VIETNAMESE) + f" — lô {rng.randint(1, 9999)}"
        return ["-b", "58", "-d", text], text
    if kind == "itf14":
        g = rng.choice(gtins)
        payload = str(rng.randint(1, 8)) + g[:12]
        return ["-b", "89", "-d", payload], payload + check_digit(payload)
    if kind == "gs1-128":
        g = rng.choice(gtins)
        return gs1_code("16", f"[01]0{g}[17]{expiry(rng)}[10]L{rng.randint(100, 99999)}")
    if kind == "databar":
        g = rng.choice(gtins)
        return ["-b", "29", "-d", "0" + g[:12]], "010" + g
    if kind == "databar-expanded":
        g = rng.choice(gtins)
        return gs1_code("31", f"[01]0{g}[3103]{rng.randint(100, 5000):06d}[17]{expiry(rng)}")
    if kind == "gs1-datamatrix":
        g = rng.choice(gtins)
        lot = f"L{rng.randint(100, 99999)}"
        return gs1_code("71", f"[01]0{g}[17]{expiry(rng)}[10]{lot}[422]704")
    text = rng.choice(VIETNAMESE).encode("ascii", "ignore").decode() + f" {rng.randint(1, 99999)}"
    return ["-b", "71", "-d", text], text


def degrade(base, kind, rng, np, Image, ImageDraw, ImageFilter):
    """A 640×480 photo of `base` (a zint render at one pixel per module) and the list of
    degradations applied."""
    applied = []
    linear = kind in LINEAR
    module = rng.uniform(1.0, 2.2) if linear else rng.uniform(1.5, 4.0)
    code = base.resize((max(8, int(base.width * module)), max(8, int(base.height * module))), Image.BILINEAR)
    applied.append(f"module={module:.2f}")
    # Quiet zone.
    pad = int(10 * module)
    framed = Image.new("L", (code.width + 2 * pad, code.height + 2 * pad), 255)
    framed.paste(code, (pad, pad))
    code = framed
    if rng.random() < 0.35:  # a curved pack: columns squeezed toward the edges of a cylinder
        a = np.asarray(code, dtype=np.float32)
        w = a.shape[1]
        strength = rng.uniform(0.3, 0.9)
        xs = np.arange(w)
        u = (xs - w / 2) / (w / 2)
        src = (np.sin(u * strength * math.pi / 2) / math.sin(strength * math.pi / 2)) * (w / 2) + w / 2
        src = np.clip(src, 0, w - 1)
        lo = np.floor(src).astype(int); hi = np.minimum(lo + 1, w - 1); t = src - lo
        a = a[:, lo] * (1 - t) + a[:, hi] * t
        code = Image.fromarray(a.astype(np.uint8))
        applied.append(f"curved={strength:.2f}")
    if rng.random() < 0.4:  # a fold across the bars
        d = ImageDraw.Draw(code)
        y = rng.randint(code.height // 4, 3 * code.height // 4)
        shade = rng.choice([40, 230])
        d.line([(0, y + rng.randint(-8, 8)), (code.width, y + rng.randint(-8, 8))], fill=shade, width=rng.randint(1, 3))
        applied.append("fold")
    if rng.random() < 0.2:  # a price sticker over part of the code
        d = ImageDraw.Draw(code)
        w, h = code.width, code.height
        sw, sh = int(w * rng.uniform(0.1, 0.25)), int(h * rng.uniform(0.2, 0.45))
        x, y = rng.randint(0, w - sw), rng.choice([0, h - sh])
        d.rectangle([x, y, x + sw, y + sh], fill=rng.randint(225, 250))
        applied.append("sticker")
    angle = rng.choice([0, 0, rng.uniform(-15, 15), rng.uniform(-40, 40), 90])
    if angle:
        code = code.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
        applied.append(f"rotate={angle:.0f}")
    W, H = 640, 480
    if code.width > W - 10 or code.height > H - 10:
        f = min((W - 10) / code.width, (H - 10) / code.height)
        code = code.resize((int(code.width * f), int(code.height * f)), Image.BILINEAR)
        applied.append(f"shrunk={f:.2f}")
    photo = Image.new("L", (W, H), rng.randint(150, 235))
    draw = ImageDraw.Draw(photo)
    for _ in range(30):
        draw.text((rng.randint(0, W), rng.randint(0, H)), "Nuoc mam 500ml 893", fill=rng.randint(0, 120))
    photo.paste(code, (rng.randint(0, W - code.width), rng.randint(0, H - code.height)))
    if rng.random() < 0.4:  # perspective up to 30° (a tilted camera)
        tilt = math.radians(rng.uniform(10, 30))
        k = math.tan(tilt) * 0.35
        s = rng.choice([-1, 1])
        coeffs = find_perspective(np, [(0, 0), (W, 0), (W, H), (0, H)],
                                  [(0, 0 + s * k * 60), (W, 0 - s * k * 60), (W, H + s * k * 60), (0, H - s * k * 60)])
        photo = photo.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=200)
        applied.append(f"perspective={math.degrees(tilt):.0f}")
    a = np.asarray(photo, dtype=np.float32)
    if rng.random() < 0.35:  # glare: a bright blob
        cx, cy, r = rng.uniform(0, W), rng.uniform(0, H), rng.uniform(40, 160)
        yy, xx = np.mgrid[0:H, 0:W]
        a = a + rng.uniform(60, 140) * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r))
        applied.append("glare")
    if rng.random() < 0.35:  # low contrast
        lo, hi = rng.uniform(60, 110), rng.uniform(150, 200)
        a = lo + a / 255 * (hi - lo)
        applied.append("low-contrast")
    photo = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    r = rng.random()
    if r < 0.45:  # defocus, up to 1.6 modules
        sigma = rng.uniform(0.3, 1.6) * module / 2
        photo = photo.filter(ImageFilter.GaussianBlur(sigma))
        applied.append(f"defocus={sigma / module * 2:.2f}mod")
    elif r < 0.6:  # motion blur
        length = rng.randint(2, max(3, int(2.5 * module)))
        axis = 1 if rng.random() < 0.5 else 0
        a = np.asarray(photo, dtype=np.float32)
        photo = Image.fromarray((sum(np.roll(a, k, axis=axis) for k in range(length)) / length).astype(np.uint8))
        applied.append(f"motion={length}")
    if rng.random() < 0.5:
        a = np.asarray(photo, dtype=np.float32)
        a = a + np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, rng.uniform(3, 12), a.shape)
        photo = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        applied.append("noise")
    return photo, applied


def find_perspective(np, src, dst):
    """PIL's 8 perspective coefficients mapping output points `src` to input points `dst`."""
    m = []
    for (x, y), (u, v) in zip(src, dst):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    return list(np.linalg.solve(np.array(m, dtype=float), np.array([c for p in dst for c in p], dtype=float)))


def make(out, per_kind, seed, kinds=KINDS):
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    gtins = real_893_gtins()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            if kind in GS1_LINEAR + PAIRS:
                rng = random.Random(f"{seed}-{kind}")
            for i in range(per_kind):
                path = os.path.join(tmp, "base.png")
                parts = []
                for part in PAIR_PARTS.get(kind, [kind]):
                    while True:  # zint refuses some random UPC-E digits: draw again
                        args, expected = code_for(part, rng, gtins)
                        if subprocess.run(["zint", *args, "--notext", "--scale=0.5", "-o", path], capture_output=True).returncode == 0:
                            break
                    parts.append((Image.open(path).convert("L"), expected))
                base, expected = parts[0]
                if len(parts) == 2:  # side by side, ten modules apart, centred on each other
                    (first, a), (second, b) = parts
                    base = Image.new("L", (first.width + 10 + second.width, max(first.height, second.height)), 255)
                    base.paste(first, (0, (base.height - first.height) // 2))
                    base.paste(second, (first.width + 10, (base.height - second.height) // 2))
                    expected = f"{a} {b}"
                photo, applied = degrade(base, kind, rng, np, Image, ImageDraw, ImageFilter)
                quality = rng.randint(40, 80)
                name = f"{kind}-{i:04d}.jpg"
                photo.save(os.path.join(out, name), quality=quality)
                rows.append((name, kind, expected, " ".join(applied + [f"jpeg={quality}"])))
    with open(os.path.join(out, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write("file\tkind\texpected\tdegradations\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} photos in {out}")


def normal(text):
    text = text.replace("\x1d", "").replace("(", "").replace(")", "")
    for prefix in ("]d2", "]Q3", "]C1", "]e0"):
        if text.startswith(prefix):
            text = text[3:]
    return text.lstrip("0") if text.isdigit() else text


def read_all(out, tool, args, files):
    """{file: [(text, doubtful)]}"""
    paths = [os.path.join(out, f) for f in files]
    if tool == "hangviet":
        results = {}
        for start in range(0, len(paths), 400):
            chunk = paths[start:start + 400]
            run = subprocess.run([args[0], "scan", "--format", "ndjson", *args[1:], *chunk], capture_output=True, text=True)
            for line in run.stdout.splitlines():
                d = json.loads(line)
                results[os.path.basename(d["file"])] = [
                    (c.get("text") or "", c.get("confidence", {}).get("level", "confirmed") != "confirmed")
                    for c in d.get("codes", [])]
        return results
    if tool == "zbarimg":
        def one(p):
            run = subprocess.run(["zbarimg", "-q", "--raw", p], capture_output=True)
            return os.path.basename(p), [(t, False) for t in run.stdout.decode("utf-8", "replace").splitlines()]
        with ThreadPoolExecutor(os.cpu_count()) as pool:
            return dict(pool.map(one, paths))
    import zxingcpp
    from PIL import Image
    return {os.path.basename(p): [(r.text, False) for r in zxingcpp.read_barcodes(Image.open(p))] for p in paths}


def score(out, tool, args):
    with open(os.path.join(out, "MANIFEST.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    results = read_all(out, tool, args, [r["file"] for r in rows])
    name = tool + ("" if len(args) < 2 else " " + " ".join(args[1:]))
    totals = {}
    wrong_files = []
    for row in rows:
        t = totals.setdefault(row["kind"], {"photos": 0, "read": 0, "wrong": 0, "missed": 0,
                                           "wrong_confirmed": 0, "wrong_doubtful": 0, "read_doubtful": 0})
        t["photos"] += 1
        expected = {normal(row["expected"])}
        if row["kind"] == "upce":  # also right when reported expanded to UPC-A/EAN-13
            e = row["expected"]
            expected.add(normal(upce_to_upca(e[:7]) + e[7]))
        got = results.get(row["file"], [])
        texts = [normal(text) for text, _ in got]
        if row["kind"] in PAIRS:  # both codes, or it is not read
            expected = {normal(e) for e in row["expected"].split(" ")}
            if expected <= set(texts):
                t["read"] += 1
                if any(doubtful for text, doubtful in got if normal(text) in expected):
                    t["read_doubtful"] += 1
            elif set(texts) - expected:
                t["wrong"] += 1
                t["wrong_confirmed" if any(not d for text, d in got if normal(text) not in expected) else "wrong_doubtful"] += 1
                wrong_files.append((row["file"], row["expected"], [text for text, _ in got]))
            else:
                t["missed"] += 1
        elif expected & set(texts):
            t["read"] += 1
            if all(doubtful for text, doubtful in got if normal(text) in expected):
                t["read_doubtful"] += 1
        elif got:
            t["wrong"] += 1
            if any(not doubtful for _, doubtful in got):
                t["wrong_confirmed"] += 1
            else:
                t["wrong_doubtful"] += 1
            wrong_files.append((row["file"], row["expected"], [text for text, _ in got]))
        else:
            t["missed"] += 1
    for kind in KINDS + GS1_LINEAR + PAIRS:
        if kind in totals:
            print(json.dumps({"tool": name, "kind": kind, **totals[kind]}))
    linear = {k: sum(totals[x][k] for x in ("ean13", "upca", "upce", "ean8") if x in totals)
              for k in ("photos", "read", "wrong", "missed", "wrong_confirmed", "wrong_doubtful", "read_doubtful")}
    if linear["photos"]:
        print(json.dumps({"tool": name, "kind": "all-1D", **linear}))
    if any(x in totals for x in GS1_LINEAR):
        gs1 = {k: sum(totals[x][k] for x in GS1_LINEAR if x in totals)
               for k in ("photos", "read", "wrong", "missed", "wrong_confirmed", "wrong_doubtful", "read_doubtful")}
        print(json.dumps({"tool": name, "kind": "all-GS1-linear", **gs1}))
    if os.environ.get("HUNT_WRONG"):
        for f, expected, got in wrong_files:
            print(f"wrong {f}: expected {expected}, got {got}", file=sys.stderr)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "make":
        per_kind = 300
        seed = 2026
        rest = sys.argv[3:]
        if "--per-kind" in rest:
            per_kind = int(rest[rest.index("--per-kind") + 1])
        if "--seed" in rest:
            seed = int(rest[rest.index("--seed") + 1])
        kinds = KINDS
        if "--kinds" in rest:
            kinds = rest[rest.index("--kinds") + 1].split(",")
            unknown = [k for k in kinds if k not in KINDS + GS1_LINEAR + PAIRS]
            if unknown:
                sys.exit(f"unknown kind {', '.join(unknown)}: choose from {', '.join(KINDS + GS1_LINEAR + PAIRS)}")
        make(sys.argv[2], per_kind, seed, kinds)
    elif len(sys.argv) >= 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
