#!/usr/bin/env python3
"""Scores readers on the photos made by synthetic-photos.py: a photo counts as read when the
code rendered into it is among the texts reported (EAN/UPC compared as digits, GS1-128 without
its separators); a "wrong" is any other text reported.

    synthetic_reads.py hangviet BIN DIR [--exhaustive]
    synthetic_reads.py zbarimg DIR
    synthetic_reads.py zxing DIR
"""
import glob, json, os, re, subprocess, sys

# The six codes of synthetic-photos.py, in its order: photo N shows code N // 52.
EXPECTED = ["8934563138165", "8935000567012", "036000291452", "9786045823453",
            "https://id.gs1.org/01/08934563138165", "010893456313816510LOT7"]
PER_CODE = 52

def normal(text):
    return text.replace("\x1d", "").replace("(", "").replace(")", "").lstrip("0")

def read(tool, args, files):
    if tool == "hangviet":
        out = subprocess.run([args[0], "scan", "--format", "ndjson", *args[1:], *files], capture_output=True, text=True).stdout
        return {d["file"]: [c["text"] for c in d.get("codes", [])] for d in map(json.loads, out.splitlines())}
    if tool == "zbarimg":
        return {f: subprocess.run(["zbarimg", "-q", "--raw", f], capture_output=True, text=True).stdout.splitlines() for f in files}
    import zxingcpp
    from PIL import Image
    return {f: [r.text for r in zxingcpp.read_barcodes(Image.open(f))] for f in files}

def main():
    tool = sys.argv[1]
    if tool == "hangviet":
        binary, directory, extra = sys.argv[2], sys.argv[3], sys.argv[4:]
        args = [binary, *extra]
    else:
        directory, args = sys.argv[2], []
    files = sorted(glob.glob(os.path.join(directory, "s*.jpg")))
    results = read(tool, args, files)
    correct = wrong = 0
    misses = {}
    for f in files:
        code = int(re.search(r"s(\d+)_", os.path.basename(f)).group(1)) // PER_CODE
        expected = normal(EXPECTED[code])
        texts = [normal(t) for t in results.get(f, [])]
        if expected in texts:
            correct += 1
        else:
            misses[EXPECTED[code]] = misses.get(EXPECTED[code], 0) + 1
        wrong += sum(1 for t in texts if t != expected)
    name = tool + (" " + " ".join(args[1:]) if tool == "hangviet" and len(args) > 1 else "")
    print(json.dumps({"tool": name, "read": correct, "total": len(files), "wrong": wrong,
                      "misses_by_code": misses}))

if __name__ == "__main__":
    main()
