#!/usr/bin/env python3
"""Differential tests of HangViet's GS1 parsing against two independent implementations
(issue 21): python-stdnum for GTIN/EAN/UPC, ISBN and ISSN validity, and biip for GS1 element
strings (which AIs, which values). Thousands of generated cases each, seeded; every
disagreement is printed and fails the run, except the documented ones below.

    differential.py HANGVIET_BIN [CASES]      (Scripts/differential.sh installs the peers)

Documented differences (checked, not counted as failures):
- biip does not check the AI 01 check digit; HangViet does, and calls such a string invalid.
- stdnum reads eight digits as an EAN-8 only; HangViet also as a UPC-E (number system 0 or 1).
- "NNNN-NNNC" that fails the ISSN check is read by HangViet as the EAN-8/UPC-E its digits make.
"""
import json, random, subprocess, sys

from stdnum import ean, isbn, issn
import biip
from biip.gs1_messages import GS1Message

BIN = sys.argv[1]
CASES = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
rng = random.Random(21)


def check_digit(body):
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def verdicts(inputs):
    run = subprocess.run([BIN, "check", "-", "--format", "ndjson"], input="\n".join(inputs) + "\n",
                         capture_output=True, text=True)
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(out) == len(inputs), f"{len(out)} verdicts for {len(inputs)} inputs: {run.stderr[:500]}"
    return out


def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def gtin_cases():
    cases = []
    for _ in range(CASES):
        length = rng.choice([8, 12, 13, 14])
        body = digits(length - 1)
        right = check_digit(body)
        last = right if rng.random() < 0.5 else rng.choice("0123456789")
        cases.append(body + last)
    return cases


def isbn_cases():
    cases = []
    for _ in range(CASES // 2):
        body = rng.choice(["978", "979"]) + digits(9)
        cases.append(body + (check_digit(body) if rng.random() < 0.5 else rng.choice("0123456789")))
    for _ in range(CASES // 2):
        body = digits(9)
        total = sum((10 - i) * int(d) for i, d in enumerate(body))
        right = (11 - total % 11) % 11
        right = "X" if right == 10 else str(right)
        cases.append(body + (right if rng.random() < 0.5 else rng.choice("0123456789X")))
    return cases


def issn_cases():
    cases = []
    for _ in range(CASES // 2):
        body = "977" + digits(9)   # ISSN in an EAN-13 (with its 2-digit variant)
        cases.append(body + (check_digit(body) if rng.random() < 0.5 else rng.choice("0123456789")))
    for _ in range(CASES // 2):
        body = digits(7)
        total = sum((8 - i) * int(d) for i, d in enumerate(body))
        right = (11 - total % 11) % 11
        right = "X" if right == 10 else str(right)
        check = right if rng.random() < 0.5 else rng.choice("0123456789X")
        cases.append(body[:4] + "-" + body[4:] + check)
    return cases


AIS = {
    "01": lambda ok: (lambda b: b + (check_digit(b) if ok else str((int(check_digit(b)) + 1) % 10)))("0893" + digits(9)),
    "10": lambda ok: "".join(rng.choice("ABCXYZ0123456789-") for _ in range(rng.randint(1, 20))),
    "17": lambda ok: f"{rng.randint(20, 35):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}",
    "11": lambda ok: f"{rng.randint(20, 35):02d}{rng.randint(1, 12):02d}{rng.randint(0, 28):02d}",
    "21": lambda ok: "".join(rng.choice("ABC0123456789") for _ in range(rng.randint(1, 20))),
    "422": lambda ok: rng.choice(["704", "392", "840", "156", "276"]),
    "37": lambda ok: str(rng.randint(1, 99999999)),
}
VARIABLE = {"10", "21", "37"}


def element_cases():
    cases = []
    for _ in range(CASES):
        chosen = rng.sample(sorted(AIS), rng.randint(1, 4))
        if "01" not in chosen and rng.random() < 0.7:
            chosen.insert(0, "01")
        ok = rng.random() < 0.7
        parts = [(ai, AIS[ai](ok)) for ai in chosen]
        cases.append(("".join(f"({ai}){value}" for ai, value in parts), parts, ok or "01" not in chosen))
    return cases


failures = []


def differ(kind, text, ours, theirs):
    failures.append(f"{kind}: {text!r}: HangViet {ours}, peer {theirs}")


def upc_e_valid(text):
    """An 8-digit UPC-E (number system 0 or 1), expanded to UPC-A as GS1 defines it."""
    if len(text) != 8 or not text.isdigit() or text[0] not in "01":
        return False
    d, last = text[1:7], text[6]
    body = {"0": d[0:2] + "00000" + d[2:5], "1": d[0:2] + "10000" + d[2:5], "2": d[0:2] + "20000" + d[2:5],
            "3": d[0:3] + "00000" + d[3:5], "4": d[0:4] + "00000" + d[4]}.get(last, d[0:5] + "0000" + last)
    return ean.is_valid(text[0] + body + text[7])


def issn_peer(text):
    """ISSN validity; "NNNN-NNNC" whose ISSN check fails is also a valid EAN-8 or UPC-E when
    its eight digits are (HangViet reads it so, as it reads "1234 5670")."""
    if text.startswith("977"):
        return ean.is_valid(text)
    digits = text.replace("-", "")
    return issn.is_valid(text) or (digits.isdigit() and (ean.is_valid(digits) or upc_e_valid(digits)))


def main():
    counts = {}
    # An 8-digit number is an EAN-8 or a UPC-E: valid when either reading is (stdnum reads EAN-8 only).
    for kind, cases, peer in (("gtin", gtin_cases(), lambda t: ean.is_valid(t) or upc_e_valid(t)), ("isbn", isbn_cases(), isbn.is_valid),
                              ("issn", issn_cases(), issn_peer)):
        for text, verdict in zip(cases, verdicts(cases)):
            ours, theirs = verdict["valid"], bool(peer(text))
            if ours != theirs:
                differ(kind, text, f"valid={ours} ({verdict['outcome']}, {verdict.get('error', {}).get('message', '')})", f"valid={theirs}")
        counts[kind] = len(cases)
    documented = 0
    cases = element_cases()
    for (text, parts, check_ok), verdict in zip(cases, verdicts([c[0] for c in cases])):
        try:
            theirs = {e.ai.ai: e.value for e in GS1Message.parse_hri(text).element_strings}
        except biip.ParseError:
            theirs = None
        ours_valid = verdict["valid"]
        if theirs is None:
            if ours_valid:
                differ("element string", text, "valid", "biip cannot parse it")
            continue
        if not check_ok:   # a wrong AI 01 check digit: biip parses it, HangViet calls it invalid
            if ours_valid:
                differ("element string", text, "valid", "AI 01 check digit is wrong")
            else:
                documented += 1
            continue
        if not ours_valid:
            differ("element string", text, f"invalid ({verdict.get('error', {}).get('message', '')})", f"biip reads {theirs}")
            continue
        ours = {e["ai"]: e["value"] for e in verdict.get("elements", [])}
        if verdict.get("code"):
            ours["01"] = verdict["code"]["gtin14"]
        if "422" in theirs and verdict.get("countryOfOrigin"):
            ours["422"] = f'{verdict["countryOfOrigin"]["numeric"]:03d}'
        for ai, value in theirs.items():
            if ours.get(ai) != value:
                differ("element string", text, f"AI {ai} = {ours.get(ai)!r}", f"{value!r}")
    counts["element strings"] = len(cases)
    shown = {}
    for line in failures:
        kind = line.split(":")[0]
        shown[kind] = shown.get(kind, 0) + 1
        if shown[kind] <= 12:
            print("DIFF", line)
    by_kind = {}
    for line in failures:
        by_kind[line.split(":")[0]] = by_kind.get(line.split(":")[0], 0) + 1
    print("disagreements by kind:", by_kind)
    print(json.dumps({"cases": counts, "disagreements": len(failures), "documented (AI 01 check digit)": documented}))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
