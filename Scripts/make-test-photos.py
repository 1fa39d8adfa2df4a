#!/usr/bin/env python3
"""Re-creates the "photographed" DataMatrix test images and the single-line strip in
Tests/BarcodeScanningTests/Images/ from zint renders: tilted, curved, blurred, noisy, JPEG-
compressed (seeded, so the same bytes every run). Needs zint (apt) and Pillow, numpy.

    python3 Scripts/make-test-photos.py
"""
import math, os, random, subprocess, tempfile
import numpy as np
from PIL import Image, ImageFilter

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "BarcodeScanningTests", "Images")


def zint(args):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "code.png")
        subprocess.run(["zint", *args, "-o", path], check=True, capture_output=True)
        return Image.open(path).convert("L")


def curved(code, strength):
    a = np.asarray(code, dtype=np.float32)
    w = a.shape[1]
    u = (np.arange(w) - w / 2) / (w / 2)
    src = np.clip(np.sin(u * strength * math.pi / 2) / math.sin(strength * math.pi / 2) * (w / 2) + w / 2, 0, w - 1)
    lo = np.floor(src).astype(int); hi = np.minimum(lo + 1, w - 1); t = src - lo
    return Image.fromarray((a[:, lo] * (1 - t) + a[:, hi] * t).astype(np.uint8))


def photo(code, rng, angle, blur, size=(480, 360), background=205, invert=False):
    code = code.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
    canvas = Image.new("L", size, 255 if not invert else 0)
    if invert:
        code = Image.fromarray(255 - np.asarray(code))
    canvas.paste(code, ((size[0] - code.width) // 2 + rng.randint(-20, 20), (size[1] - code.height) // 2 + rng.randint(-20, 20)))
    a = np.asarray(canvas, dtype=np.float32)
    a = 30 + a / 255 * (background - 30)                                   # grey paper, not pure white
    yy, xx = np.mgrid[0:size[1], 0:size[0]]
    a = a + 25 * np.exp(-((xx - size[0] * 0.7) ** 2 + (yy - size[1] * 0.3) ** 2) / (2 * 90 ** 2))  # glare
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(blur))
    a = np.asarray(out, dtype=np.float32) + np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, 4, a.shape)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def main():
    rng = random.Random(18)
    gs1 = zint(["-b", "71", "--gs1", "--scale=3", "-d", "[01]08934563138165[17]271231[10]LOT42[422]704"])
    photo(curved(gs1, 0.5), rng, 14, 0.9).save(os.path.join(OUT, "datamatrix-gs1-origin-photo.jpg"), quality=70)
    rect = zint(["-b", "71", "--vers=29", "--scale=3", "-d", "HANGVIET 893 RECT"])
    photo(rect, rng, -8, 0.7).save(os.path.join(OUT, "datamatrix-rectangular-photo.jpg"), quality=75)
    photo(gs1, rng, 5, 0.6, invert=True).save(os.path.join(OUT, "datamatrix-inverted-photo.jpg"), quality=75)
    # An EAN-13 one pixel tall on a wide canvas: only one scan line can read it.
    ean = zint(["-b", "13", "--notext", "--scale=1", "-d", "893456313816"])
    row = ean.crop((0, ean.height // 2, ean.width, ean.height // 2 + 1))
    strip = Image.new("L", (ean.width + 40, 60), 255)
    strip.paste(row, (20, 30))
    strip.save(os.path.join(OUT, "ean13-single-line.png"))
    # A medicine box's two codes side by side: its EAN-13, and the GS1 DataMatrix with (422)704.
    ean13 = zint(["-b", "13", "--scale=2", "-d", "893456313816"])
    pair = Image.new("L", (ean13.width + 40 + gs1.width, max(ean13.height, gs1.height)), 255)
    pair.paste(ean13, (0, 0))
    pair.paste(gs1, (ean13.width + 40, (pair.height - gs1.height) // 2))
    photo(pair, rng, 3, 0.7, size=(720, 400)).save(os.path.join(OUT, "datamatrix-beside-ean13-photo.jpg"), quality=75)


if __name__ == "__main__":
    main()
