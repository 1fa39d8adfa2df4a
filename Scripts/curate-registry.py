#!/usr/bin/env python3
"""Copy the registry seed from shared/data into Resources/registry, adding ownership columns.

Every row keeps its `source`. The only thing added by hand is the `ownership` judgement for
brands (vietnamese / foreign-group / unverified) with a short note in English and Vietnamese,
each restating what the row's own `notes` say — nothing beyond them. A brand is `vietnamese`
only when its notes state Vietnamese ownership; everything else that is not a stated foreign
group is `unverified` (shared/data/README.md: unverified brands must not be presented as
Vietnamese).

Usage: python3 Scripts/curate-registry.py [SHARED_DATA_DIR]   (default ../shared/data)
"""
import csv
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from registry_ownership import write_brand_ownership  # noqa: E402
from registry_updates import write_gi, write_ocop  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "Resources", "registry")

GENERAL = " Ownership is general knowledge; the cited sources do not state it."
GENERAL_VI = " Chủ sở hữu là thông tin phổ biến, các nguồn trích dẫn không nêu."
MONDELEZ = ("foreign-group",
            "Mondelez Kinh Đô Việt Nam is US-owned: Mondelēz International bought the former Kinh Đô "
            "confectionery business in 2014–2015 and held 99.921% in September 2022; made and registered in Viet Nam.",
            "Mondelez Kinh Đô Việt Nam thuộc tập đoàn Mỹ Mondelēz International (mua mảng bánh kẹo Kinh Đô "
            "năm 2014–2015, nắm 99,921% vào tháng 9/2022); sản xuất và đăng ký tại Việt Nam.")
ACECOOK = ("foreign-group",
           "Acecook Việt Nam is Japanese-controlled: Acecook Co., Ltd (Japan) held 56.64% at the end of 2018; "
           "a Vietnamese-registered, foreign-invested (FDI) company.",
           "Acecook Việt Nam do doanh nghiệp Nhật Bản kiểm soát: Acecook Co., Ltd (Nhật Bản) nắm 56,64% cổ phần "
           "cuối năm 2018; doanh nghiệp đăng ký tại Việt Nam, có vốn đầu tư nước ngoài (FDI).")


def group(owner_en, owner_vi):
    return ("foreign-group", "Brand of " + owner_en + " on a GS1 Vietnam number." + GENERAL,
            "Nhãn hiệu của " + owner_vi + " trên mã số GS1 Việt Nam." + GENERAL_VI)


OWNERSHIP = {
    "Acecook": ACECOOK,
    "Vina Acecook": ACECOOK,
    "LU": MONDELEZ, "Oreo": MONDELEZ, "Ritz": MONDELEZ,
    "Pepsi": ("foreign-group",
              "Pepsi, Sting, 7Up and Aquafina are made and sold in Viet Nam by Suntory PepsiCo Vietnam Beverage: "
              "Suntory Holdings (Japan) 51%, PepsiCo (United States) 49%, since 2013. Open Food Facts tags link "
              "the prefix to Pepsi.",
              "Pepsi, Sting, 7Up và Aquafina do Suntory PepsiCo Việt Nam sản xuất và bán tại Việt Nam: "
              "Suntory Holdings (Nhật Bản) 51 %, PepsiCo (Hoa Kỳ) 49 %, từ năm 2013. Thẻ Open Food Facts gắn "
              "tiền tố này với Pepsi."),
    "Knorr": group("Unilever (United Kingdom)", "Unilever (Vương quốc Anh)"),
    "Maggi": group("Nestlé (Switzerland)", "Nestlé (Thụy Sĩ)"),
    "Nestlé": group("Nestlé (Switzerland)", "Nestlé (Thụy Sĩ)"),
    "Maggi (Thai-script tag แม็กกี้)": group("Nestlé (Switzerland)", "Nestlé (Thụy Sĩ)"),
    "Nestlé (Thai-script tag เนสเล่)": group("Nestlé (Switzerland)", "Nestlé (Thụy Sĩ)"),
    "Chupa Chups": group("Perfetti Van Melle (Italy/Netherlands)", "Perfetti Van Melle (Ý/Hà Lan)"),
    "Mentos": group("Perfetti Van Melle (Italy/Netherlands)", "Perfetti Van Melle (Ý/Hà Lan)"),
    "Coca-Cola": group("The Coca-Cola Company (United States)", "The Coca-Cola Company (Hoa Kỳ)"),
    "Orion": group("Orion (South Korea)", "Orion (Hàn Quốc)"),
    "Vinamilk": ("vietnamese",
                 "Vietnamese company founded in 1976 (as Công ty Sữa – Cà Phê Miền Nam), listed in 2006.",
                 "Doanh nghiệp Việt Nam thành lập năm 1976 (tiền thân là Công ty Sữa – Cà Phê Miền Nam), niêm yết năm 2006."),
    "Vifon": ("unverified",
              "Described as a 100% state-owned Vietnamese enterprise in 1993; its current ownership is not verified.",
              "Được mô tả là doanh nghiệp nhà nước 100% vốn Việt Nam vào năm 1993; chủ sở hữu hiện nay chưa được xác minh."),
    "Marou": ("unverified",
              "Chocolate made in Viet Nam (factory in Thủ Đức, Vietnamese cacao) by a company founded by two Frenchmen; ownership not verified.",
              "Sô-cô-la sản xuất tại Việt Nam (xưởng ở Thủ Đức, ca cao Việt Nam) bởi công ty do hai người Pháp sáng lập; chủ sở hữu chưa được xác minh."),
    "Sapporo": ("unverified", "Japanese-origin brand name; ownership not verified.",
                "Tên nhãn hiệu gốc Nhật Bản; chủ sở hữu chưa được xác minh."),
    "Eurasie": ("unverified", "Product names are French: likely an importer's brand for Vietnamese-made goods (not verified).",
                "Tên sản phẩm bằng tiếng Pháp: có thể là nhãn hiệu của nhà nhập khẩu cho hàng làm tại Việt Nam (chưa xác minh)."),
    "TH true MILK": ("unverified", "Brand launched in 2010 with dairy farms in Nghĩa Đàn, Nghệ An; ownership not verified.",
                     "Nhãn hiệu ra đời năm 2010, trang trại bò sữa ở Nghĩa Đàn, Nghệ An; chủ sở hữu chưa được xác minh."),
}
DEFAULT = ("unverified",
           "listed only because Open Food Facts contributors tagged products of this brand with this prefix.",
           "chỉ có trong danh sách vì người đóng góp Open Food Facts gắn nhãn hiệu này cho sản phẩm mang tiền tố này.")


# Brands whose ownership note now rests on brand_ownership.csv (research of 2026-12-02): the row of
# that file (found by the start of its `brand` cell) lends its sources, appended to the brand's own.
# Only foreign-group rows: the prefix link itself is crowd-sourced, so it must not make goods
# "confirmed Vietnamese".
OWNERSHIP_SOURCES = {"Pepsi": "Sting;"}


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(SHARED, "brand_ownership.csv"), newline="", encoding="utf-8") as f:
        ownership_rows = list(csv.DictReader(f))
    with open(os.path.join(SHARED, "vn_brands.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = ["brand", "company", "company_prefix", "prefix7_seen_in_off", "ownership", "ownership_note",
              "ownership_note_vi", "category", "example_gtin", "notes", "source"]
    with open(os.path.join(OUT, "brands.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for row in rows:
            ownership, note, note_vi = OWNERSHIP.get(row["brand"], DEFAULT)
            source, notes = row["source"], row["notes"]
            if row["brand"] in OWNERSHIP_SOURCES:
                lenders = [r for r in ownership_rows if r["brand"].startswith(OWNERSHIP_SOURCES[row["brand"]])]
                if len(lenders) != 1 or ownership != "foreign-group":
                    sys.exit("curate-registry: %s: expected one foreign-group row of brand_ownership.csv starting "
                             "“%s”, found %d (ownership %s); fix OWNERSHIP_SOURCES" % (
                                 row["brand"], OWNERSHIP_SOURCES[row["brand"]], len(lenders), ownership))
                lender = lenders[0]
                source += " ; " + lender["source"]
                year, month, day = lender["retrieved"].split("-")
                note += " (Sources retrieved " + lender["retrieved"] + ".)"
                note_vi += " (Nguồn truy cập ngày " + day + "/" + month + "/" + year + ".)"
                notes += (" HangViet: the ownership note now rests on brand_ownership.csv (retrieved "
                          + lender["retrieved"] + "), whose sources are added.")
            w.writerow({"brand": row["brand"], "company": row["company"], "company_prefix": row["company_prefix"],
                        "prefix7_seen_in_off": row["prefix7_seen_in_off"], "ownership": ownership,
                        "ownership_note": note, "ownership_note_vi": note_vi, "category": row["category"],
                        "example_gtin": row["example_gtin"], "notes": notes, "source": source})
    write_ocop(SHARED, OUT)
    write_gi(SHARED, OUT)
    for name, target in [("off_893_products_2019.csv", "products.csv"),
                         ("vn_consumer_hotlines.csv", "hotlines.csv")]:
        shutil.copyfile(os.path.join(SHARED, name), os.path.join(OUT, target))
    write_brand_ownership(SHARED, OUT)
    write_recognition(SHARED, OUT)
    generate_swift()


def write_recognition(shared, out):
    """Recognition programmes, row for row, with a `status` column: `revoked` for the one row the
    data records as a revocation (Asanzo's HVNCLC mark, 21/6/2019), else `awarded`."""
    with open(os.path.join(shared, "vn_recognition_programs.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields = reader.fieldnames + ["status"]
        rows = list(reader)
    with open(os.path.join(out, "recognition.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for row in rows:
            row["status"] = "revoked" if "revocation" in row["decision_or_event"].lower() else "awarded"
            w.writerow(row)


SEED_FILES = [("brands", "brands.csv"), ("products", "products.csv"), ("ocop", "ocop.csv"),
              ("geographicalIndications", "geographical_indications.csv"), ("hotlines", "hotlines.csv"),
              ("brandOwnership", "brand_ownership.csv"), ("recognition", "recognition.csv")]


def generate_swift():
    """Embed the seed CSVs in Swift source, so the binary answers with no file lookup at run time."""
    import hashlib
    out_dir = os.path.join(ROOT, "Sources", "OriginRegistry", "Generated")
    os.makedirs(out_dir, exist_ok=True)
    digest = hashlib.sha256()
    parts = []
    for name, file in SEED_FILES:
        with open(os.path.join(OUT, file), encoding="utf-8") as f:
            text = f.read()
        assert '"""#' not in text and "\r" not in text
        digest.update(text.encode("utf-8"))
        parts.append('    /// Resources/registry/%s\n    static let %s = #"""\n%s"""#\n' % (file, name, text))
    with open(os.path.join(out_dir, "SeedData.swift"), "w", encoding="utf-8") as f:
        f.write("// GENERATED by Scripts/curate-registry.py from Resources/registry/*.csv — do not edit.\n\n")
        f.write("/// The bundled seed registry: the curated CSVs, verbatim.\n")
        f.write("package enum SeedData {\n")
        f.write('    /// Changes whenever any seed file changes; stored in a registry file to know when to refresh its seed rows.\n')
        f.write('    package static let version = "%s"\n\n' % digest.hexdigest()[:16])
        f.write("\n".join(parts))
        f.write("}\n")
    print("SeedData.swift written. The seed's checked entries are precomputed too; write them anew with\n"
          "  HANGVIET_WRITE_SEED_ENTRIES=1 swift test --filter SeedEntriesTests\n"
          "(until then `check` builds the seed from the CSVs, which is slower, and SeedEntriesTests fails)")


if __name__ == "__main__":
    main()
