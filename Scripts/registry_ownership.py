"""Brand ownership for the registry seed: Resources/registry/brand_ownership.csv.

Every row restates one row of shared/data/brand_ownership.csv, keeping its company, sources and
retrieved date. What is added by hand, row by row below, is only the shape the registry needs:

- the brand's display name and its **aliases**: the names a product name may carry. Aliases are
  whole words after folding (case and diacritics ignored). Names that are also ordinary words or
  places are left out or narrowed ("Simply", bare "Duy Tân", bare "Mộc Châu", "Tiger" alone, which
  is also a Japanese appliance brand; "Lipton" because only the ready-to-drink tea is SPVB's);
- one **ownership** value: vietnamese, foreign-group, mixed, changing or not-stated, from the row's
  own `ownership` text;
- the controlling group's name and ISO country codes, split from the row's text;
- a short status note and, for the rows the data calls "origin warning", the warning, in English and
  Vietnamese, each saying only what the row's notes say.

Used by Scripts/curate-registry.py.
"""
import csv
import os
import sys

# brand-column prefix -> (display name, aliases, ownership, group, countries, year, as_of,
#                         note_en, note_vi, origin_warning_en, origin_warning_vi)
ROWS = {
    "Kinh Đô (": ("Kinh Đô", ["Kinh Đô", "Cosy", "Solite", "AFC"], "foreign-group", "Mondelēz International", "US", 2015, None,
                  "Mondelēz bought the snacks business (80 % in 2015, then the rest); KIDO Group, which kept the founders, is a different company.",
                  "Mondelēz mua mảng bánh kẹo (80 % năm 2015, sau đó phần còn lại); Tập đoàn KIDO của các nhà sáng lập là công ty khác.", "", ""),
    "Sabeco": ("Sabeco / Bia Sài Gòn", ["Sabeco", "Bia Sài Gòn", "Bia Saigon", "Saigon Beer"], "foreign-group",
               "ThaiBev (Vietnam Beverage Co. Ltd)", "TH", 2017, None,
               "ThaiBev bought 53.59 % from the Ministry of Industry and Trade; the state keeps about 36 % (sources differ on whether MOIT or SCIC holds it).",
               "ThaiBev mua 53,59 % từ Bộ Công Thương; Nhà nước còn giữ khoảng 36 % (các nguồn khác nhau về việc Bộ Công Thương hay SCIC nắm giữ).", "", ""),
    "Diana": ("Diana", ["Diana", "Bobby", "Caryn"], "foreign-group", "Unicharm Corporation", "JP", 2011, None,
              "Unicharm bought 95 % in 2011 (sources disagree on the price, not on the buyer).",
              "Unicharm mua 95 % năm 2011 (các nguồn khác nhau về giá, không khác về bên mua).", "", ""),
    "Tribeco": ("Tribeco", ["Tribeco"], "foreign-group", "Uni-President Enterprises", "TW", 2007, None,
                "Uni-President took 13 % in 2007 and 72.04 % by 12/2011.",
                "Uni-President mua 13 % năm 2007 và nắm 72,04 % vào 12/2011.", "", ""),
    "P/S": ("P/S", ["P/S"], "foreign-group", "Unilever", "GB/NL", 1995, None,
            "The year 1995 rests on a weak source; the sources agree Unilever bought the brand outright.",
            "Năm 1995 dựa trên nguồn chưa chắc chắn; các nguồn thống nhất Unilever đã mua đứt nhãn hiệu.", "", ""),
    "Dạ Lan": ("Dạ Lan", ["Dạ Lan"], "vietnamese", "ICC (the founder's relaunch)", "VN", 2009, None,
               "Colgate-Palmolive bought the brand in 1995 and phased it out; the founder relaunched it in 2009 (one source).",
               "Colgate-Palmolive mua nhãn hiệu năm 1995 rồi bỏ; nhà sáng lập tái lập năm 2009 (một nguồn).", "", ""),
    "Bibica": ("Bibica", ["Bibica"], "vietnamese", "PAN Group", "VN", 2017, None,
               "PAN Food reached 50.07 % in 9/2017; Lotte (KR) registered to sell its 44.03 % in 2020–2021.",
               "PAN Food đạt 50,07 % vào 9/2017; Lotte (Hàn Quốc) đăng ký bán 44,03 % năm 2020–2021.", "", ""),
    "Highlands Coffee": ("Highlands Coffee", ["Highlands Coffee", "Highland Coffee"], "foreign-group",
                         "Jollibee Foods Corporation", "PH", 2012, None,
                         "Sources give 2011 and 2012 for the deal; Jollibee held 60 % of SuperFoods Group from 2023.",
                         "Các nguồn ghi năm 2011 và 2012; Jollibee nắm 60 % SuperFoods Group từ 2023.", "", ""),
    "Phở 24": ("Phở 24", ["Phở 24"], "not-stated", "East-West Restaurant Concepts", "", 2023, None,
               "Jollibee transferred Phở 24 to East-West Restaurant Concepts in 2023; the nationality of its owners is not stated.",
               "Năm 2023 Jollibee chuyển Phở 24 cho East-West Restaurant Concepts; các nguồn không nêu quốc tịch chủ sở hữu.", "", ""),
    "X-Men": ("X-Men", ["X-Men", "XMen"], "foreign-group", "Marico Limited", "IN", 2011, None,
              "The year 2011 (85 % of ICP) comes from a weaker listicle source.",
              "Năm 2011 (85 % ICP) lấy từ một bài tổng hợp, nguồn yếu hơn.", "", ""),
    "Vinacafé": ("Vinacafé", ["Vinacafé", "Vinacafe Biên Hòa", "Phinn"], "vietnamese", "Masan Group", "VN", 2011, None,
                 "Masan Beverage bought Vinacafé Biên Hòa from 2011; Singha Asia (TH) bought 14.3 % of Masan Consumer Holdings in 2016.",
                 "Masan Beverage mua Vinacafé Biên Hòa từ năm 2011; Singha Asia (Thái Lan) mua 14,3 % Masan Consumer Holdings năm 2016.", "", ""),
    "Nhựa Duy Tân": ("Nhựa Duy Tân", ["Nhựa Duy Tân", "Duy Tân Plastics"], "foreign-group", "SCG Packaging (Siam Cement Group)",
                     "TH", 2021, None, "SCGP bought 70 % in 2021 and the rest in 6/2025.",
                     "SCGP mua 70 % năm 2021 và phần còn lại vào 6/2025.", "", ""),
    "Dược Hậu Giang": ("Dược Hậu Giang", ["Dược Hậu Giang", "DHG Pharma", "Hapacol"], "foreign-group", "Taisho Pharmaceutical",
                       "JP", 2019, None, "Taisho reached 50.78 % in 4/2019; SCIC (state) held 43.31 %.",
                       "Taisho đạt 50,78 % vào 4/2019; SCIC (Nhà nước) nắm 43,31 %.", "", ""),
    "Vinamilk": ("Vinamilk", ["Vinamilk"], "vietnamese", "SCIC (state), largest shareholder", "VN", None, None,
                 "SCIC holds 36.02 %; F&N Dairy Investments (Singapore) rose to 24.99 % in 12/2025.",
                 "SCIC nắm 36,02 %; F&N Dairy Investments (Singapore) tăng lên 24,99 % vào 12/2025.", "", ""),
    "La Vie": ("La Vie", ["La Vie", "Lavie"], "foreign-group", "Nestlé Waters", "CH/FR", None, 2012,
               "The year Nestlé took control is not stated.", "Các nguồn không nêu năm Nestlé nắm quyền kiểm soát.", "", ""),
    "Huda": ("Huda / Bia Huế", ["Huda", "Bia Huế"], "foreign-group", "Carlsberg", "DK", 2011, None,
             "Carlsberg held 50 % from 1994 and all of it from 12/2011.", "Carlsberg nắm 50 % từ 1994 và toàn bộ từ 12/2011.", "", ""),
    "Bia Hà Nội": ("Bia Hà Nội (Habeco)", ["Bia Hà Nội", "Habeco", "Hanoi Beer"], "vietnamese", "Ministry of Industry and Trade (state)",
                   "VN", None, 2017, "MOIT held 81.79 % and Carlsberg (DK) 17.3 % in 12/2017; later changes not checked.",
                   "Bộ Công Thương nắm 81,79 %, Carlsberg (Đan Mạch) 17,3 % vào 12/2017; thay đổi sau đó chưa kiểm tra.", "", ""),
    "Big C": ("Big C", ["Big C"], "foreign-group", "Central Group", "TH", 2016, None,
              "Casino (FR) sold Big C Vietnam to Central Group in 2016.", "Casino (Pháp) bán Big C Việt Nam cho Central Group năm 2016.", "", ""),
    "Metro Cash": ("Metro Cash & Carry Việt Nam", ["Metro Cash & Carry"], "foreign-group", "TCC Holding", "TH", 2015, None,
                   "The closing date is not in the sources.", "Các nguồn không nêu ngày hoàn tất.", "", ""),
    "Nguyễn Kim": ("Nguyễn Kim", ["Nguyễn Kim"], "mixed", "Central Group 49 %", "TH", None, 2016,
                   "Central Group held 49 % in 2016; later changes not checked.",
                   "Central Group nắm 49 % năm 2016; thay đổi sau đó chưa kiểm tra.", "", ""),
    "Asanzo": ("Asanzo", ["Asanzo"], "vietnamese", "Asanzo Group", "VN", None, None, "", "",
               "In 6/2019 Asanzo was reported selling appliances imported whole from China, and TVs assembled from Chinese parts, labelled 'made in Viet Nam'; its 'Hàng Việt Nam chất lượng cao' mark was revoked on 21/6/2019.",
               "Tháng 6/2019 Asanzo bị phát hiện bán hàng gia dụng nhập nguyên chiếc từ Trung Quốc và tivi lắp ráp từ linh kiện Trung Quốc, ghi 'xuất xứ Việt Nam'; danh hiệu 'Hàng Việt Nam chất lượng cao' bị thu hồi ngày 21/6/2019."),
    "TH true MILK": ("TH true MILK", ["TH true MILK", "TH true"], "vietnamese", "TH Group", "VN", None, None, "", "", "", ""),
    "Khaisilk": ("Khaisilk", ["Khaisilk", "Khai Silk"], "vietnamese", "Hoàng Khải", "VN", None, None, "", "",
                 "In 10/2017 Khaisilk's owner admitted that about half of the silk it sold was imported from China; a scarf carried both 'made in Vietnam' and 'Made in China' labels.",
                 "Tháng 10/2017 chủ Khaisilk thừa nhận khoảng một nửa lụa bán ra nhập từ Trung Quốc; một chiếc khăn mang cả nhãn 'made in Vietnam' và 'Made in China'."),
    "Biti's": ("Biti's", ["Biti's", "Bitis", "Biti's Hunter"], "vietnamese", "the Vưu family (founder Vưu Khải Thành)", "VN", None, None, "", "", "", ""),
    "Trung Nguyên": ("Trung Nguyên", ["Trung Nguyên", "G7", "Trung Nguyên Legend"], "vietnamese", "Đặng Lê Nguyên Vũ (founder) family",
                     "VN", None, None, "", "", "", ""),
    "Neptune": ("Neptune / Meizan / Cái Lân", ["Neptune", "Meizan", "Cái Lân"], "foreign-group", "Wilmar International", "SG", 2022, None,
                "Calofic was a Vocarimex–Wilmar JV; Vocarimex sold its 24 % in 11/2022.",
                "Calofic là liên doanh Vocarimex–Wilmar; Vocarimex bán 24 % vào 11/2022.", "", ""),
    "Tường An;": ("Tường An / Vocarimex", ["Tường An", "Vocarimex"], "vietnamese", "KIDO Group", "VN", 2015, None, "", "", "", ""),
    "Dutch Lady": ("Dutch Lady / Cô Gái Hà Lan", ["Dutch Lady", "Cô Gái Hà Lan"], "foreign-group",
                   "Royal FrieslandCampina (JV with Binh Duong Import-Export Co.)", "NL", None, None,
                   "The stake split is not stated.", "Các nguồn không nêu tỷ lệ góp vốn.", "", ""),
    "Number 1": ("Number 1 / Trà xanh Không Độ / Dr Thanh", ["Number 1", "Trà xanh Không Độ", "Trà xanh 0 độ", "Dr Thanh"],
                 "vietnamese", "Tân Hiệp Phát (the Trần Quí Thanh family)", "VN", None, None, "", "", "", ""),
    "Sting": ("Sting / Pepsi / 7Up / Aquafina", ["Sting", "Pepsi", "7Up", "7 Up", "Aquafina", "Ô Long TEA+", "Tea Plus"], "foreign-group",
              "Suntory Holdings & PepsiCo", "JP/US", 2013, None,
              "Suntory 51 %, PepsiCo 49 % (joint venture from 4/2013).",
              "Suntory 51 %, PepsiCo 49 % (liên doanh từ 4/2013).", "", ""),
    "Phúc Long": ("Phúc Long", ["Phúc Long"], "vietnamese", "Masan Group", "VN", 2022, None,
                  "Masan reached 85 % in 8/2022.", "Masan đạt 85 % vào 8/2022.", "", ""),
    "Vinasoy": ("Vinasoy / Fami / Thạch Bích", ["Vinasoy", "Fami", "Thạch Bích", "Đường Quảng Ngãi"], "vietnamese",
                "Công ty CP Đường Quảng Ngãi", "VN", None, None,
                "Based in Quảng Ngãi; its shareholders were not checked.",
                "Trụ sở tại Quảng Ngãi; cơ cấu cổ đông chưa được kiểm tra.", "", ""),
    "Vodka Hà Nội": ("Vodka Hà Nội (Halico)", ["Vodka Hà Nội", "Halico"], "vietnamese", "Habeco 54.3 %", "VN", None, 2018,
                     "Diageo (GB) held 45.5 % from 2012.", "Diageo (Anh) nắm 45,5 % từ năm 2012.", "", ""),
    "Sữa Mộc Châu": ("Sữa Mộc Châu", ["Sữa Mộc Châu", "Mộc Châu Milk"], "vietnamese", "Vinamilk (through GTNfoods)", "VN", 2019, None,
                     "", "", "", ""),
    "Nhựa Bình Minh": ("Nhựa Bình Minh", ["Nhựa Bình Minh"], "foreign-group", "SCG (Siam Cement Group)", "TH", None, None,
                       "SCG holds 55 %; the year it took control is not stated.",
                       "SCG nắm 55 %; các nguồn không nêu năm nắm quyền kiểm soát.", "", ""),
    "Larue": ("Heineken Việt Nam (Larue, Bivina, BGI, Tiger, Heineken)", ["Larue", "Bivina", "BGI", "Bia Tiger", "Tiger Beer", "Heineken"],
              "foreign-group", "Heineken Asia Pacific 60 %, Satra 40 %", "NL/VN", 1991, None,
              "Larue, BGI and Bivina are Vietnamese-sounding names owned by the foreign-led joint venture.",
              "Larue, BGI và Bivina là tên nghe như Việt Nam nhưng thuộc liên doanh do nước ngoài dẫn dắt.", "", ""),
    "Chin-su": ("Chin-su / Nam Ngư", ["Chin-su", "Chinsu", "Nam Ngư"], "vietnamese", "Masan Group", "VN", None, None,
                "Singha (TH) has held 14.3 % of Masan Consumer Holdings since 2016.",
                "Singha (Thái Lan) nắm 14,3 % Masan Consumer Holdings từ năm 2016.", "", ""),
    "Vissan": ("Vissan", ["Vissan"], "vietnamese", "Satra (Ho Chi Minh City People's Committee)", "VN", None, None, "", "", "", ""),
    "Thiên Long": ("Thiên Long", ["Bút Thiên Long", "Bút bi Thiên Long", "Văn phòng phẩm Thiên Long"], "changing", "Kokuyo Co.", "JP", 2026, None,
                   "A sale to Kokuyo (65.01 %) was announced on 4/12/2025, to close in 2026; its completion is not verified.",
                   "Thương vụ bán cho Kokuyo (65,01 %) công bố ngày 4/12/2025, dự kiến hoàn tất năm 2026; chưa xác minh đã hoàn tất.", "", ""),
    "Bánh kẹo Hải Hà": ("Bánh kẹo Hải Hà (Haihaco)", ["Bánh kẹo Hải Hà", "Kẹo Hải Hà", "Haihaco"], "vietnamese", "no controlling holder identified",
                        "VN", 2017, None, "The state (Vinataba) sold its 51 % in 3/2017; the current controlling holders are not identified.",
                        "Nhà nước (Vinataba) bán 51 % vào 3/2017; chưa xác định cổ đông chi phối hiện nay.", "", ""),
    "Sunhouse": ("Sunhouse", ["Sunhouse"], "vietnamese", "Sunhouse Group", "VN", None, None, "", "",
                 "In 6/2019 many Sunhouse products on sale were reported to be of Chinese origin; Sunhouse disputed it for its rice cookers, which it says its own subsidiary makes in Viet Nam.",
                 "Tháng 6/2019 nhiều sản phẩm Sunhouse được phản ánh có xuất xứ Trung Quốc; Sunhouse phản bác với nồi cơm điện, cho biết do công ty con sản xuất tại Việt Nam."),
    "Celano": ("KIDO (Celano, Merino, Wel Yo, Tường An Gold)", ["Celano", "Kem Merino", "Wel Yo", "Welyo", "Tường An Gold"], "vietnamese",
               "KIDO Group", "VN", None, None,
               "KIDO is the Kinh Đô founders' group; this source does not state its nationality.",
               "KIDO là tập đoàn của các nhà sáng lập Kinh Đô; nguồn này không nêu quốc tịch.", "", ""),
    "Viso": ("Viso", ["Viso"], "foreign-group", "Unilever", "GB/NL", None, None,
             "The year of the sale to Unilever is not stated.", "Các nguồn không nêu năm bán cho Unilever.", "", ""),
    "Lix": ("Lix", ["Lix", "Lixco"], "vietnamese", "Vinachem (state group)", "VN", None, None, "", "", "", ""),
    "Emart": ("Emart", ["Emart"], "mixed", "THACO (franchise of Emart Inc.)", "VN/KR", 2021, None,
              "A Korean brand run in Viet Nam by THACO (Vietnamese) under franchise since 2021.",
              "Nhãn hiệu Hàn Quốc do THACO (Việt Nam) vận hành theo nhượng quyền từ năm 2021.", "", ""),
}

FIELDS = ["brand", "aliases", "company", "ownership", "controlling_group", "group_country", "change_year", "as_of",
          "ownership_note", "ownership_note_vi", "origin_warning", "origin_warning_vi", "category", "notes", "source",
          "retrieved"]


def write_brand_ownership(shared, out):
    with open(os.path.join(shared, "brand_ownership.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    used = set()
    with open(os.path.join(out, "brand_ownership.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        for row in rows:
            keys = [k for k in ROWS if row["brand"].startswith(k)]
            if len(keys) != 1:
                sys.exit("registry_ownership: brand_ownership.csv row “%s” matches %d entries of ROWS; add or fix one"
                         % (row["brand"], len(keys)))
            used.add(keys[0])
            name, aliases, ownership, group, countries, year, as_of, note, note_vi, warning, warning_vi = ROWS[keys[0]]
            w.writerow({"brand": name, "aliases": "; ".join(aliases), "company": row["company"], "ownership": ownership,
                        "controlling_group": group.replace(" %", "%"), "group_country": countries, "change_year": year or "",
                        "as_of": as_of or "", "ownership_note": note.replace(" %", "%"), "ownership_note_vi": note_vi,
                        "origin_warning": warning.replace(" %", "%"), "origin_warning_vi": warning_vi, "category": row["category"],
                        "notes": row["notes"], "source": row["source"], "retrieved": row["retrieved"]})
    unused = set(ROWS) - used
    if unused:
        sys.exit("registry_ownership: ROWS entries with no brand_ownership.csv row: %s" % ", ".join(sorted(unused)))
