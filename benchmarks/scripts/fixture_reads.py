#!/usr/bin/env python3
"""Scores barcode readers on the fixture photos (MANIFEST.tsv): how many images each reads
correctly, which it misses, and how many wrong texts it reports.

    fixture_reads.py hangviet BIN FIXTURES   # runs `hangviet scan --format ndjson`
    fixture_reads.py zbarimg FIXTURES        # runs zbarimg once per image
    fixture_reads.py zxing FIXTURES          # zxing-cpp's Python module
"""
import csv, json, os, subprocess, sys, collections

def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            if n == 'x':
                out.append(chr(int(s[i + 2:i + 4], 16))); i += 4; continue
            out.append({'\\': '\\', 't': '\t', 'n': '\n', 'r': '\r'}.get(n, n)); i += 2; continue
        out.append(c); i += 1
    return ''.join(out)

def upce_to_upca(d):
    ns, m, check = d[0], d[1:7], d[7]
    x = m[5]
    if x in '012': body = m[0:2] + x + '0000' + m[2:5]
    elif x == '3': body = m[0:3] + '00000' + m[3:5]
    elif x == '4': body = m[0:4] + '00000' + m[4]
    else: body = m[0:5] + '0000' + x
    return ns + body + check

def normal(symbology, text):
    """EAN/UPC in 13-digit form; other text as is."""
    if symbology in ('EAN-13', 'EAN-8', 'UPC-A', 'UPC-E', 'ISBN-13') and text.isdigit():
        if symbology == 'UPC-E' and len(text) == 8: text = upce_to_upca(text)
        return text.zfill(13)
    return text

def manifest(root):
    with open(os.path.join(root, 'MANIFEST.tsv'), newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE))[1:]
    out = []
    for file, symbology, expected, *_ in rows:
        if expected.startswith('hex:'): exp = ('hex', expected[4:].lower())
        else: exp = ('text', normal(symbology, unescape(expected)))
        out.append((file, symbology, exp))
    return out

def hangviet_reads(binary, root, files):
    paths = [os.path.join(root, f) for f in files]
    proc = subprocess.run([binary, 'scan', '--format', 'ndjson', *paths], capture_output=True, text=True)
    reads = {}
    for line in proc.stdout.splitlines():
        obj = json.loads(line)
        rel = os.path.relpath(obj['file'], root)
        found = []
        for code in obj.get('codes', []):
            found.append((code['symbology'], code.get('text'), code.get('bytesHex')))
        reads[rel] = found
    return reads

def zbarimg_reads(root, files):
    reads = {}
    for f in files:
        p = subprocess.run(['zbarimg', '-q', '--raw', '-Sbinary', os.path.join(root, f)], capture_output=True)
        # One symbol per image is the norm in this set; binary output keeps raw bytes.
        data = p.stdout
        if not data: reads[f] = []; continue
        text = data.decode('utf-8', 'replace').rstrip('\n')
        reads[f] = [('?', text, data.rstrip(b'\n').hex())]
    return reads

def zxing_reads(root, files):
    import zxingcpp
    from PIL import Image
    reads = {}
    for f in files:
        img = Image.open(os.path.join(root, f))
        found = []
        for r in zxingcpp.read_barcodes(img):
            found.append((str(r.format), r.text, r.bytes.hex()))
        reads[f] = found
    return reads

RETAIL = ('EAN-13', 'EAN-8', 'UPC-A', 'UPC-E', 'ISBN-13')

def matches(exp, symbology, found):
    """Expected bytes compare as hex; texts compare in normal form, read as the reader's
    symbology when it names a retail one (UPC-E digits), else as the manifest's."""
    kind, value = exp
    for sym, text, hexbytes in found:
        if kind == 'hex':
            if hexbytes and hexbytes.lower() == value: return True
        elif text is not None and normal(sym if sym in RETAIL else symbology, text) == value:
            return True
    return False

def main():
    tool = sys.argv[1]
    if tool == 'hangviet': binary, root = sys.argv[2], sys.argv[3]
    else: root = sys.argv[2]
    rows = manifest(root)
    files = [r[0] for r in rows]
    reads = {'hangviet': lambda: hangviet_reads(binary, root, files),
             'zbarimg': lambda: zbarimg_reads(root, files),
             'zxing': lambda: zxing_reads(root, files)}[tool]()
    per_folder = collections.defaultdict(lambda: [0, 0])
    ok = wrong = 0
    misses = []
    for file, symbology, exp in rows:
        folder = file.split('/')[0]
        found = reads.get(file, [])
        per_folder[folder][1] += 1
        if matches(exp, symbology, found):
            ok += 1; per_folder[folder][0] += 1
            extra = len(found) - 1
        else:
            misses.append(file); extra = len(found)
        wrong += max(0, extra)
    print(json.dumps({'tool': tool, 'read': ok, 'total': len(rows), 'wrong': wrong,
                      'folders': {k: v for k, v in sorted(per_folder.items())}, 'misses': misses}, indent=1))

main()
