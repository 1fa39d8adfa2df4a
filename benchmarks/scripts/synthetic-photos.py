#!/usr/bin/env python3
"""Makes 312 synthetic product-like photos for checking the scan strategy beyond the fixtures:
six codes rendered by zint (three EAN-13 — two 893, one ISBN 978-604 —, a UPC-A, a GS1 Digital
Link QR and a GS1-128), each turned by 13 angles from -40° to 90°, at two sizes, sharp and
blurred, pasted at a random place on a 640×480 background covered with text, saved as JPEG
(quality 80). Seeded: the same files every run.

    synthetic-photos.py OUT_DIR        # needs zint (apt-get install zint) and Pillow
"""
import os, random, subprocess, sys, tempfile
from PIL import Image, ImageDraw, ImageFilter

CODES = [
    ["-b", "13", "-d", "893456313816"],                 # EAN-13 8934563138165
    ["-b", "13", "-d", "893500056701"],                 # EAN-13 8935000567012
    ["-b", "34", "-d", "03600029145"],                  # UPC-A 036000291452
    ["-b", "13", "-d", "978604582345"],                 # ISBN 9786045823453
    ["-b", "58", "-d", "https://id.gs1.org/01/08934563138165"],
    ["-b", "16", "--gs1", "-d", "[01]08934563138165[10]LOT7"],
]
ANGLES = [0, 7, 14, 20, 27, 33, 45, 58, 70, 83, 90, -20, -40]

def main(out):
    os.makedirs(out, exist_ok=True)
    random.seed(7)
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, args in enumerate(CODES):
            path = os.path.join(tmp, f"base{i}.png")
            subprocess.run(["zint", *args, "-o", path, "--scale=2"], check=True, capture_output=True)
            base = Image.open(path).convert("L")
            for angle in ANGLES:
                for blur in (0, 1.2):
                    for scale in (0.6, 1.0):
                        w, h = 640, 480
                        photo = Image.new("L", (w, h), 200)
                        draw = ImageDraw.Draw(photo)
                        for _ in range(40):
                            draw.text((random.randint(0, w), random.randint(0, h)), "Nuoc mam Phu Quoc 500ml",
                                      fill=random.randint(0, 120))
                        code = base.resize((max(8, int(base.width * scale)), max(8, int(base.height * scale))), Image.BILINEAR)
                        code = code.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
                        if code.width > w - 20 or code.height > h - 20:
                            f = min((w - 20) / code.width, (h - 20) / code.height)
                            code = code.resize((int(code.width * f), int(code.height * f)), Image.BILINEAR)
                        photo.paste(code, (random.randint(0, w - code.width), random.randint(0, h - code.height)))
                        if blur:
                            photo = photo.filter(ImageFilter.GaussianBlur(blur))
                        photo.save(os.path.join(out, f"s{n:03d}_a{angle}_b{blur}_s{scale}.jpg"), quality=80)
                        n += 1
    print(n, "photos in", out)

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
