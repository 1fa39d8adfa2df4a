/// The kinds of registry entries, as imported and exported.
///
/// Column names are those of the seed CSVs in Resources/registry; each kind also accepts the
/// Vietnamese headers of official lists ("Tên sản phẩm", "Chủ thể", "Tỉnh", "Số sao", "Năm" …).
/// Headers are matched ignoring case, diacritics, spaces and underscores.
public enum RegistryKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Brands and companies with their company prefixes and ownership.
    case brands
    /// Product records for exact GTINs.
    case gtins
    /// OCOP-rated products.
    case ocop
    /// Geographical indications.
    case gi
    /// Who controls a brand, by brand name and aliases (not by company prefix).
    case ownership
    /// Awards of recognition programmes (Thương hiệu Quốc gia, Hàng Việt Nam chất lượng cao).
    case recognition
    /// Lines and channels that take reports of counterfeit, smuggled or unsafe goods.
    case hotlines

    /// The SQL table holding entries of this kind.
    var table: String {
        switch self {
        case .brands: return "brand"
        case .gtins: return "product"
        case .ocop: return "ocop_product"
        case .gi: return "geographical_indication"
        case .ownership: return "brand_ownership"
        case .recognition: return "recognition"
        case .hotlines: return "hotline"
        }
    }

    /// The prefix of entry IDs ("brand:12").
    public var idPrefix: String {
        switch self {
        case .brands: return "brand"
        case .gtins: return "product"
        case .ocop: return "ocop"
        case .gi: return "gi"
        case .ownership: return "ownership"
        case .recognition: return "recognition"
        case .hotlines: return "hotline"
        }
    }

    public init?(idPrefix: String) {
        guard let kind = RegistryKind.allCases.first(where: { $0.idPrefix == idPrefix }) else { return nil }
        self = kind
    }

    /// The columns, canonical name first.
    public var columns: [ColumnSpec] {
        switch self {
        case .brands:
            return [
                ColumnSpec("brand", required: true, aliases: ["name", "brand name", "nhãn hiệu", "thương hiệu", "tên nhãn hiệu"]),
                ColumnSpec("company", aliases: ["company name", "công ty", "doanh nghiệp", "tên doanh nghiệp", "chủ sở hữu"]),
                ColumnSpec("company_prefix", aliases: ["gcp", "gs1 company prefix", "mã doanh nghiệp", "mã số doanh nghiệp"]),
                ColumnSpec("prefix7_seen_in_off", aliases: ["prefix seen", "prefix_seen"]),
                ColumnSpec("ownership", aliases: ["sở hữu", "quyền sở hữu"]),
                ColumnSpec("ownership_note", aliases: ["ownership notes", "ghi chú sở hữu"]),
                ColumnSpec("ownership_note_vi"),
                ColumnSpec("category", aliases: ["ngành hàng", "loại"]),
                ColumnSpec("example_gtin"),
                ColumnSpec("notes", aliases: ["note", "ghi chú"]),
                ColumnSpec("source", aliases: ["nguồn", "sources"]),
            ]
        case .gtins:
            return [
                ColumnSpec("gtin", required: true, aliases: ["barcode", "ean", "ean13", "code", "mã vạch", "mã số mã vạch", "mã sản phẩm"]),
                ColumnSpec("product_name", required: true, aliases: ["product_name_as_in_off", "name", "product", "tên sản phẩm", "tên hàng"]),
                ColumnSpec("brand", aliases: ["nhãn hiệu", "thương hiệu"]),
                ColumnSpec("geographical_indication", aliases: ["gi", "chỉ dẫn địa lý"]),
                ColumnSpec("notes", aliases: ["note", "ghi chú"]),
                ColumnSpec("source", aliases: ["nguồn", "sources"]),
                // Derived columns of the seed file: read and ignored (recomputed from the GTIN).
                ColumnSpec("company_prefix_by_gs1_length_table", ignored: true),
                ColumnSpec("gcp_length", ignored: true),
            ]
        case .ocop:
            return [
                ColumnSpec("product_name", required: true, aliases: ["name", "product", "tên sản phẩm", "sản phẩm", "tên sản phẩm ocop"]),
                ColumnSpec("producer", aliases: ["chủ thể", "chủ thể sản xuất", "chủ thể ocop", "cơ sở sản xuất", "đơn vị", "tên chủ thể"]),
                ColumnSpec("province", required: true, aliases: ["tỉnh", "tỉnh thành", "tỉnh thành phố", "địa phương"]),
                ColumnSpec("stars", aliases: ["số sao", "hạng sao", "xếp hạng", "hạng", "kết quả xếp hạng"]),
                ColumnSpec("year_recognised", aliases: ["year", "năm", "năm công nhận", "năm đánh giá"]),
                ColumnSpec("level_or_decision", aliases: ["decision", "quyết định", "số quyết định", "cấp"]),
                ColumnSpec("certificate_date", aliases: ["certified_on", "ngày cấp", "ngày công nhận", "ngày quyết định"]),
                ColumnSpec("expiry_date", aliases: ["expires_on", "ngày hết hạn", "hiệu lực đến", "có hiệu lực đến"]),
                ColumnSpec("revoked", aliases: ["thu hồi", "đã thu hồi"]),
                ColumnSpec("barcode", aliases: ["gtin", "mã vạch", "mã số mã vạch"]),
                ColumnSpec("notes", aliases: ["note", "ghi chú"]),
                ColumnSpec("source", aliases: ["nguồn", "sources"]),
                ColumnSpec("retrieved", aliases: ["retrieved on", "ngày truy cập", "truy cập"]),
                ColumnSpec("history", aliases: ["lịch sử", "xếp hạng trước"]),
            ]
        case .gi:
            return [
                ColumnSpec("gi_name", aliases: ["name", "chỉ dẫn địa lý", "tên chỉ dẫn địa lý", "tên gọi"]),
                ColumnSpec("product", required: true, aliases: ["sản phẩm", "tên sản phẩm"]),
                ColumnSpec("registration_no", aliases: ["số đăng bạ", "số văn bằng", "số đăng ký"]),
                ColumnSpec("application_no", aliases: ["số đơn"]),
                ColumnSpec("grant_date_or_year", aliases: ["granted", "ngày cấp", "năm cấp"]),
                ColumnSpec("decision", aliases: ["quyết định", "số quyết định"]),
                ColumnSpec("holder_or_manager", aliases: ["holder", "tổ chức quản lý", "chủ sở hữu", "tổ chức được cấp"]),
                ColumnSpec("province", aliases: ["tỉnh", "địa phương"]),
                ColumnSpec("origin_country", required: true, aliases: ["country", "quốc gia", "nước"]),
                ColumnSpec("notes", aliases: ["note", "ghi chú"]),
                ColumnSpec("source", aliases: ["nguồn", "sources"]),
            ]
        case .ownership:
            return [
                ColumnSpec("brand", required: true, aliases: ["name", "brand name", "nhãn hiệu", "thương hiệu", "tên thương hiệu"]),
                ColumnSpec("aliases", aliases: ["alias", "other names", "tên khác", "tên gọi khác"]),
                ColumnSpec("company", aliases: ["công ty", "doanh nghiệp", "tên doanh nghiệp"]),
                ColumnSpec("ownership", required: true, aliases: ["sở hữu", "quyền sở hữu", "tình trạng sở hữu"]),
                ColumnSpec("controlling_group", aliases: ["group", "owner", "tập đoàn", "tập đoàn kiểm soát", "chủ sở hữu"]),
                ColumnSpec("group_country", aliases: ["country", "quốc gia", "nước"]),
                ColumnSpec("change_year", aliases: ["year", "năm", "năm thay đổi", "năm chuyển nhượng"]),
                ColumnSpec("as_of", aliases: ["tính đến", "tính đến năm"]),
                ColumnSpec("ownership_note", aliases: ["ownership notes", "ghi chú sở hữu"]),
                ColumnSpec("ownership_note_vi"),
                ColumnSpec("origin_warning", aliases: ["cảnh báo xuất xứ"]),
                ColumnSpec("origin_warning_vi"),
                ColumnSpec("category", aliases: ["ngành hàng", "loại"]),
                ColumnSpec("notes", aliases: ["note", "ghi chú"]),
                ColumnSpec("source", aliases: ["nguồn", "sources"]),
                ColumnSpec("retrieved", aliases: ["retrieved on", "ngày truy cập", "truy cập"]),
            ]
        case .recognition:
            return [
                ColumnSpec("program", required: true, aliases: ["programme", "chương trình", "danh hiệu", "giải thưởng"]),
                ColumnSpec("year", aliases: ["năm", "năm công nhận"]),
                ColumnSpec("decision_or_event", aliases: ["decision", "quyết định", "số quyết định", "sự kiện"]),
                ColumnSpec("enterprise", required: true, aliases: ["company", "doanh nghiệp", "tên doanh nghiệp", "công ty"]),
                ColumnSpec("products_or_brands", aliases: ["products", "sản phẩm", "nhãn hiệu", "thương hiệu"]),
                ColumnSpec("province", aliases: ["tỉnh", "tỉnh thành", "địa phương"]),
                ColumnSpec("notes", aliases: ["note", "ghi chú"]),
                ColumnSpec("source", aliases: ["nguồn", "sources"]),
                ColumnSpec("retrieved", aliases: ["retrieved on", "ngày truy cập", "truy cập"]),
                ColumnSpec("status", aliases: ["tình trạng", "trạng thái"]),
            ]
        case .hotlines:
            return [
                ColumnSpec("agency", required: true, aliases: ["cơ quan", "đơn vị", "tên cơ quan"]),
                ColumnSpec("parent_body", aliases: ["cơ quan chủ quản", "trực thuộc"]),
                ColumnSpec("number_or_channel", required: true, aliases: ["number", "phone", "số điện thoại", "đường dây nóng", "kênh"]),
                ColumnSpec("channel_type", aliases: ["loại kênh", "hình thức"]),
                ColumnSpec("takes", aliases: ["tiếp nhận", "nội dung tiếp nhận"]),
                ColumnSpec("scope", required: true, aliases: ["phạm vi", "tỉnh", "địa phương"]),
                ColumnSpec("as_of", required: true, aliases: ["thời điểm", "năm"]),
                ColumnSpec("status_note", aliases: ["ghi chú tình trạng", "ghi chú"]),
                ColumnSpec("source", aliases: ["nguồn", "sources"]),
                ColumnSpec("retrieved", aliases: ["retrieved on", "ngày truy cập", "truy cập"]),
            ]
        }
    }
}

/// One column of an import file.
public struct ColumnSpec: Sendable, Hashable {
    public let name: String
    public let required: Bool
    /// Other headers accepted for this column (Vietnamese headers of official lists …).
    public let aliases: [String]
    /// Read and dropped: derived data that HangViet recomputes.
    public let ignored: Bool

    public init(_ name: String, required: Bool = false, aliases: [String] = [], ignored: Bool = false) {
        self.name = name
        self.required = required
        self.aliases = aliases
        self.ignored = ignored
        self.foldedNames = ([name] + aliases).map(ColumnSpec.fold)
    }

    /// The name and aliases folded once (see ``fold(_:)``).
    private let foldedNames: [String]

    /// True when `header` names this column.
    func matches(_ folded: String) -> Bool {
        foldedNames.contains(folded)
    }

    /// Headers folded for matching: no case, diacritics, spaces or underscores.
    static func fold(_ header: String) -> String {
        TextFolding.fold(header).filter { $0 != " " }
    }
}
