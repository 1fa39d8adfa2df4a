#!/usr/bin/env python3
"""Makes Resources/samples/hao-hao-8934563138165.jpg, the README's sample "photo".

It is NOT a camera photo: the real EAN-13 of Acecook Việt Nam's Hảo Hảo noodles
(8934563138165, an Open Food Facts record) is rendered with zint, then printed on a
slightly tilted label under uneven light with blur, sensor noise and JPEG compression, so
that `hangviet scan` has to work as it does on a phone photo. Needs zint, numpy and
libturbojpeg (all from Debian). Deterministic (fixed seed)."""
import ctypes, ctypes.util, os, subprocess, sys, tempfile
import numpy as np

OUT = sys.argv[1] if len(sys.argv) > 1 else 'Resources/samples/hao-hao-8934563138165.jpg'
# Optional: width height zint-scale (benchmarks make a 6000×4000 "24 MP photo" this way).
W, H, SCALE = (int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (960, 720, 3)

def render_bmp(code):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'c.bmp')
        subprocess.run(['zint', '-b', 'EANX', f'--scale={SCALE}', '--filetype=BMP', '-o', path, '-d', code], check=True)
        b = open(path, 'rb').read()
    off = int.from_bytes(b[10:14], 'little'); w = int.from_bytes(b[18:22], 'little', signed=True)
    h = int.from_bytes(b[22:26], 'little', signed=True); bpp = int.from_bytes(b[28:30], 'little')
    row = ((w * bpp + 31) // 32) * 4
    img = np.zeros((abs(h), w), np.float32)
    pal = [b[54 + 4 * i: 54 + 4 * i + 3] for i in range(256)] if bpp <= 8 else None
    for y in range(abs(h)):
        r = b[off + y * row: off + (y + 1) * row]
        for x in range(w):
            if bpp == 1: v = pal[(r[x // 8] >> (7 - x % 8)) & 1][1]
            elif bpp == 8: v = pal[r[x]][1]
            else: v = r[x * bpp // 8 + 1]
            img[y if h < 0 else abs(h) - 1 - y, x] = v
    return img

rng = np.random.default_rng(893)
code = render_bmp('893456313816')
canvas = np.full((H, W), 150.0, np.float32)
canvas += np.linspace(-40, 50, W)[None, :] + np.linspace(-20, 30, H)[:, None]   # uneven light
label = np.full((code.shape[0] + 60, code.shape[1] + 80), 235.0, np.float32)
label[30:30 + code.shape[0], 40:40 + code.shape[1]] = code * 0.85 + 20
# Place the label tilted by 8 degrees (inverse mapping, bilinear).
theta = np.deg2rad(8); cy, cx = H / 2 + 30, W / 2 - 20
yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
u = np.cos(theta) * (xx - cx) + np.sin(theta) * (yy - cy) + label.shape[1] / 2
v = -np.sin(theta) * (xx - cx) + np.cos(theta) * (yy - cy) + label.shape[0] / 2
inside = (u >= 0) & (v >= 0) & (u < label.shape[1] - 1) & (v < label.shape[0] - 1)
u0 = np.clip(u.astype(int), 0, label.shape[1] - 2); v0 = np.clip(v.astype(int), 0, label.shape[0] - 2)
fu, fv = u - u0, v - v0
sample = (label[v0, u0] * (1 - fu) * (1 - fv) + label[v0, u0 + 1] * fu * (1 - fv)
          + label[v0 + 1, u0] * (1 - fu) * fv + label[v0 + 1, u0 + 1] * fu * fv)
canvas = np.where(inside, sample * (0.8 + 0.25 * xx / W), canvas)
k = np.array([1, 4, 6, 4, 1], np.float32); k /= k.sum()                       # lens blur
canvas = np.apply_along_axis(lambda r: np.convolve(r, k, 'same'), 1, canvas)
canvas = np.apply_along_axis(lambda c: np.convolve(c, k, 'same'), 0, canvas)
canvas += rng.normal(0, 6, canvas.shape)                                       # sensor noise
rgb = np.stack([canvas * 1.02, canvas * 0.98, canvas * 0.9], -1)              # warm light
rgb = np.clip(rgb, 0, 255).astype(np.uint8)

tj = ctypes.CDLL(ctypes.util.find_library('turbojpeg'))
tj.tjInitCompress.restype = ctypes.c_void_p
handle = tj.tjInitCompress()
buf = ctypes.POINTER(ctypes.c_ubyte)(); size = ctypes.c_ulong(0)
src = np.ascontiguousarray(rgb)
TJPF_RGB, TJSAMP_420 = 0, 2
if tj.tjCompress2(ctypes.c_void_p(handle), src.ctypes.data_as(ctypes.c_void_p), W, 0, H, TJPF_RGB,
                  ctypes.byref(buf), ctypes.byref(size), TJSAMP_420, 80, 0) != 0:
    sys.exit('tjCompress2 failed')
os.makedirs(os.path.dirname(OUT), exist_ok=True)
open(OUT, 'wb').write(ctypes.string_at(buf, size.value))
tj.tjFree(buf); tj.tjDestroy(ctypes.c_void_p(handle))
print(OUT, size.value, 'bytes')
