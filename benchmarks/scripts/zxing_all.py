#!/usr/bin/env python3
"""zxing-cpp over many image files in one process, as zbarimg does: prints `FILE TEXT` per code.

    zxing_all.py FILE...
"""
import sys
import zxingcpp
from PIL import Image

for f in sys.argv[1:]:
    for r in zxingcpp.read_barcodes(Image.open(f)):
        print(f, r.text)
