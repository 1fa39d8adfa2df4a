"""OCOP and geographical-indication updates for the registry seed (used by curate-registry.py).

- OCOP: ocop_products.csv, then ocop_products_more.csv. A "more" row for the same product
  (same folded name and province, producer the same once "CP" is read as "cổ phần") replaces the
  older row as the current rating; the older rating is kept in the `history` column with its
  source. Where the data marks a DISAGREEMENT (two sources, two ratings, neither newer), the row
  that gives a year and a decision is kept as current and the other source's rating is written
  in `history`, marked as a disagreement: both stay visible.
- GI: vn_geographical_indications.csv, then vn_geographical_indications_more.csv. Rows the data
  marks "ENRICHES existing row" (or DISAGREEMENT with one) merge into that row: empty fields are
  filled; a field both give differently keeps the existing value and the other is written into
  `notes` ("other source: …"); sources are joined. Other rows are appended.
"""
import csv
import os
import sys
import unicodedata


def fold(text):
    out = []
    for ch in text:
        if ch in "đĐ":
            ch = "d"
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base.lower() if base.isalnum() else " ")
    return " ".join("".join(out).split())


def producer_key(text):
    return fold(text).replace("cong ty cp ", "cong ty co phan ")


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def write_ocop(shared, out):
    fields, rows = read(os.path.join(shared, "ocop_products.csv"))
    _, more = read(os.path.join(shared, "ocop_products_more.csv"))
    fields = fields + ["retrieved", "history"]
    for row in rows:
        row.setdefault("retrieved", "")
        row["history"] = ""
    for new in more:
        same = [r for r in rows if fold(r["product_name"]) == fold(new["product_name"])
                and fold(r["province"]) == fold(new["province"])
                and producer_key(r["producer"]) == producer_key(new["producer"])]
        if len(same) > 1:
            sys.exit("registry_updates: %s matches %d OCOP rows" % (new["product_name"], len(same)))
        if not same:
            new["history"] = ""
            rows.append(new)
            continue
        old = same[0]
        stars = old["stars"] + " stars" + (" (%s)" % old["year_recognised"] if old["year_recognised"] else "")
        if "DISAGREEMENT" in new["notes"]:
            history = "DISAGREEMENT: another source gives %s [source: %s]" % (stars, old["source"])
        else:
            history = "earlier rating: %s [source: %s]" % (stars, old["source"])
        new["history"] = history
        rows[rows.index(old)] = new
    with open(os.path.join(out, "ocop.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


GI_FIELDS = ["gi_name", "registration_no", "application_no", "grant_date_or_year", "decision", "holder_or_manager", "province"]


def write_gi(shared, out):
    fields, rows = read(os.path.join(shared, "vn_geographical_indications.csv"))
    _, more = read(os.path.join(shared, "vn_geographical_indications_more.csv"))
    original = len(rows)   # enrichments refer to rows of the first file
    for new in more:
        if "ENRICHES" not in new["notes"] and "DISAGREEMENT" not in new["notes"]:
            rows.append({k: new.get(k, "") for k in fields})
            continue
        name, product = fold(new["gi_name"]), fold(new["product"]).split(" ")[0]
        same = [r for r in rows if fold(r["gi_name"]) == name and fold(r["product"]).split(" ")[0] == product] or \
               [r for r in rows if fold(r["gi_name"]) == name and r in rows[:original]] or \
               [r for r in rows if not r["gi_name"] and name in fold(r["product"]) and product in fold(r["product"])]
        if len(same) != 1:
            sys.exit("registry_updates: GI %s / %s enriches %d rows; fix the match" % (new["gi_name"], new["product"], len(same)))
        old = same[0]
        others = []
        for field in GI_FIELDS:
            if not new[field]:
                continue
            if not old[field]:
                old[field] = new[field]
            elif fold(old[field]) != fold(new[field]):
                others.append("%s %s" % (field.replace("_", " "), new[field]))
        if fold(new["product"]).split(" ")[0] != fold(old["product"]).split(" ")[0]:
            others.append("product %s" % new["product"])
        note = new["notes"] + (" Other source: " + "; ".join(others) + "." if others else "")
        old["notes"] = (old["notes"] + " | " if old["notes"] else "") + note
        old["source"] = old["source"] + " ; " + new["source"]
    with open(os.path.join(out, "geographical_indications.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
