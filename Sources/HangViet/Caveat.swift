import BarcodeScanning
import OriginRegistry

/// A limit on what a verdict can claim, shown with it in the user's language.
public enum Caveat: Sendable, Hashable {
    /// 893 means licensed through GS1 Vietnam, not made in Viet Nam.
    case prefixIsNotOrigin
    /// A foreign prefix does not prove the goods are foreign.
    case foreignPrefixIsNotOrigin
    /// Barcodes can be copied; a valid code does not prove a genuine product.
    case codesCanBeCopied
    /// AI 422 is the brand owner's declaration, not a verified fact.
    case declaredOriginIsAClaim
    /// The code was read from a photo and the read could not be verified (``ReadConfidence``):
    /// the digits may be misread, so compare them with the digits printed under the bars.
    case doubtfulRead(ReadConfidence)
    /// GS1 publishes no company-prefix length for this 893 block.
    case companyPrefixLengthUnknown(block: String)
    /// An EAN-8 with 893: issued one by one, no public list, seen on non-Vietnamese goods.
    case vietnameseEAN8
    /// Malformed or wrong check digit.
    case possibleMisprintOrForgery
    /// The ISBN group shows registration with Viet Nam's ISBN agency, not the printing place.
    case isbnGroupIsRegistration
    /// The registrant element of a Vietnamese ISBN is not in a published range.
    case isbnRegistrantUnlisted
    /// Sources disagree about this prefix.
    case disputedPrefix(otherReading: String)
    /// A prefix not assigned to any GS1 organisation.
    case unassignedPrefix
    /// A web address in a code proves nothing; it was not opened.
    case untrustedLink
    /// A Digital Link's identifiers were read from the address; the page was not opened.
    case digitalLinkNotFetched
    /// Eight digits that are also a valid EAN-8, read as UPC-E.
    case alsoValidEAN8
    /// A registry brand whose Vietnamese ownership is not verified.
    case ownershipUnverified(RegistryFact)
    /// Brands seen with this company prefix in crowd-sourced data (Open Food Facts tags): not
    /// companies, owners not verified.
    case brandTagsOnly([String])
    /// A registry brand controlled by a foreign group (the fact's note says which).
    case foreignGroupBrand(RegistryFact)
    /// An OCOP rating whose certificate has expired, may have expired, or was revoked.
    case ocopNotCurrent(RegistryFact)
    /// A geographical indication of another country (protected in Viet Nam, not Vietnamese).
    case foreignGeographicalIndication(RegistryFact)
    /// A brand (``RegistryFact/Kind/brandOwnership``) that a foreign group controls.
    case foreignOwnedBrand(RegistryFact)
    /// A Vietnamese-owned brand found selling foreign-made goods as Vietnamese (sourced).
    case originWarning(RegistryFact)
    /// Where to report a suspect product (the national consumer line and the 389 committee's
    /// lines, with their dates and sources): for codes that may be forged and origin warnings.
    case whereToReport
    /// Recognition (Thương hiệu Quốc gia, Hàng Việt Nam chất lượng cao) is an award: not ownership, not origin.
    case recognitionIsNotOrigin

    /// Stable identifier for JSON/CSV output.
    public var code: String {
        switch self {
        case .prefixIsNotOrigin: return "prefix-is-not-origin"
        case .foreignPrefixIsNotOrigin: return "foreign-prefix-is-not-origin"
        case .codesCanBeCopied: return "codes-can-be-copied"
        case .declaredOriginIsAClaim: return "declared-origin-is-a-claim"
        case .companyPrefixLengthUnknown: return "company-prefix-length-unknown"
        case .vietnameseEAN8: return "vietnamese-ean8"
        case .possibleMisprintOrForgery: return "possible-misprint-or-forgery"
        case .isbnGroupIsRegistration: return "isbn-group-is-registration"
        case .isbnRegistrantUnlisted: return "isbn-registrant-unlisted"
        case .disputedPrefix: return "disputed-prefix"
        case .unassignedPrefix: return "unassigned-prefix"
        case .untrustedLink: return "untrusted-link"
        case .digitalLinkNotFetched: return "digital-link-not-fetched"
        case .alsoValidEAN8: return "also-valid-ean8"
        case .ownershipUnverified: return "ownership-unverified"
        case .brandTagsOnly: return "brand-tags-not-companies"
        case .foreignGroupBrand: return "foreign-group-brand"
        case .ocopNotCurrent: return "ocop-not-current"
        case .foreignGeographicalIndication: return "foreign-geographical-indication"
        case .foreignOwnedBrand: return "foreign-owned-brand"
        case .originWarning: return "origin-warning"
        case .whereToReport: return "where-to-report"
        case .recognitionIsNotOrigin: return "recognition-is-not-origin"
        case .doubtfulRead: return "doubtful-read"
        }
    }

    /// The caveat in a language.
    public func message(_ language: Language) -> String {
        switch (self, language) {
        case (.prefixIsNotOrigin, .en):
            return "Prefix 893 means the company licensed this number through GS1 Vietnam. It does not prove the goods were made in Viet Nam: foreign groups also sell goods with 893 numbers."
        case (.prefixIsNotOrigin, .vi):
            return "Tiền tố 893 cho biết doanh nghiệp được cấp mã số qua GS1 Việt Nam. Điều đó không chứng minh hàng được sản xuất tại Việt Nam: các tập đoàn nước ngoài cũng bán hàng mang mã 893."
        case (.foreignPrefixIsNotOrigin, .en):
            return "The prefix shows which GS1 organisation issued the number, not where the goods were made: goods made in Viet Nam can carry a foreign prefix."
        case (.foreignPrefixIsNotOrigin, .vi):
            return "Tiền tố chỉ cho biết tổ chức GS1 nào cấp mã số, không cho biết hàng được sản xuất ở đâu: hàng sản xuất tại Việt Nam vẫn có thể mang tiền tố nước ngoài."
        case (.codesCanBeCopied, .en):
            return "A valid barcode does not prove the product is genuine: barcodes can be copied."
        case (.codesCanBeCopied, .vi):
            return "Mã vạch hợp lệ không chứng minh sản phẩm là hàng thật: mã vạch có thể bị sao chép."
        case (.declaredOriginIsAClaim, .en):
            return "GS1 AI 422 is the brand owner's declaration of the country of origin, encoded in the code; HangViet cannot verify it."
        case (.declaredOriginIsAClaim, .vi):
            return "GS1 AI 422 là khai báo nước xuất xứ của chủ nhãn hàng, được mã hoá trong mã; HangViet không thể kiểm chứng."
        case (.companyPrefixLengthUnknown(let block), .en):
            return "GS1 publishes no company-prefix length for block \(block), so the company cannot be identified from the number."
        case (.companyPrefixLengthUnknown(let block), .vi):
            return "GS1 không công bố độ dài mã doanh nghiệp cho khối \(block), nên không thể xác định doanh nghiệp từ mã số."
        case (.vietnameseEAN8, .en):
            return "GS1 Vietnam issues EAN-8 numbers one by one and publishes no list of them; 893 EAN-8 codes have been seen on products that are not Vietnamese."
        case (.vietnameseEAN8, .vi):
            return "GS1 Việt Nam cấp từng mã EAN-8 riêng lẻ và không công bố danh sách; mã EAN-8 bắt đầu bằng 893 đã xuất hiện trên sản phẩm không phải của Việt Nam."
        case (.doubtfulRead(let confidence), _):
            return Caveat.doubtfulReadMessage(confidence, language)
        case (.possibleMisprintOrForgery, .en):
            return "Possible misprint or forged label."
        case (.possibleMisprintOrForgery, .vi):
            return "Có thể in sai hoặc nhãn giả."
        case (.isbnGroupIsRegistration, .en):
            return "The ISBN group shows the book was registered with Viet Nam's ISBN agency; it does not say where it was printed."
        case (.isbnGroupIsRegistration, .vi):
            return "Nhóm ISBN cho biết sách được đăng ký với cơ quan ISBN của Việt Nam; không cho biết sách được in ở đâu."
        case (.isbnRegistrantUnlisted, .en):
            return "The publisher element is not in a published range of this group: possible misprint."
        case (.isbnRegistrantUnlisted, .vi):
            return "Mã nhà xuất bản không thuộc dải đã công bố của nhóm này: có thể in sai."
        case (.disputedPrefix(let other), .en):
            return "Sources disagree about this prefix: it is also listed as “\(other)”."
        case (.disputedPrefix(let other), .vi):
            return "Các nguồn không thống nhất về tiền tố này: nó cũng được ghi là “\(other)”."
        case (.unassignedPrefix, .en):
            return "This prefix is not assigned to any GS1 member organisation: possible misprint or forged label."
        case (.unassignedPrefix, .vi):
            return "Tiền tố này chưa được cấp cho tổ chức GS1 thành viên nào: có thể in sai hoặc nhãn giả."
        case (.untrustedLink, .en):
            return "This web address was not opened. A link in a code proves nothing about the product."
        case (.untrustedLink, .vi):
            return "Địa chỉ web này không được mở. Liên kết trong mã không chứng minh điều gì về sản phẩm."
        case (.digitalLinkNotFetched, .en):
            return "The GS1 identifiers were read from the address itself; the page was not opened and its host proves nothing."
        case (.digitalLinkNotFetched, .vi):
            return "Các mã GS1 được đọc từ chính địa chỉ; trang web không được mở và tên máy chủ không chứng minh điều gì."
        case (.alsoValidEAN8, .en):
            return "These 8 digits are also a valid EAN-8; they were read as UPC-E."
        case (.alsoValidEAN8, .vi):
            return "8 chữ số này cũng là mã EAN-8 hợp lệ; chúng được đọc theo UPC-E."
        case (.brandTagsOnly(let names), .en):
            return "Registry: \(names.map { "“\($0)”" }.joined(separator: ", ")) \(names.count == 1 ? "is a brand" : "are brands") Open Food Facts contributors tagged with this prefix: not companies, and their owners are not verified."
        case (.brandTagsOnly(let names), .vi):
            return "Sổ đăng ký: \(names.map { "“\($0)”" }.joined(separator: ", ")) là nhãn hiệu do người đóng góp Open Food Facts gắn với tiền tố này: không phải doanh nghiệp, chủ sở hữu chưa được xác minh."
        case (.ownershipUnverified(let fact), .en):
            return "Registry: the Vietnamese ownership of “\(fact.name)” is not verified" + Caveat.noteSuffix(fact, .en)
        case (.ownershipUnverified(let fact), .vi):
            return "Sổ đăng ký: chủ sở hữu Việt Nam của “\(fact.name)” chưa được xác minh" + Caveat.noteSuffix(fact, .vi)
        case (.foreignGroupBrand(let fact), .en):
            return "“\(fact.name)” is registered in Viet Nam but controlled by a foreign group" + Caveat.noteSuffix(fact, .en)
        case (.foreignGroupBrand(let fact), .vi):
            return "“\(fact.name)” đăng ký tại Việt Nam nhưng do tập đoàn nước ngoài kiểm soát" + Caveat.noteSuffix(fact, .vi)
        case (.ocopNotCurrent(let fact), _):
            return Caveat.ocopMessage(fact, language)
        case (.foreignOwnedBrand(let fact), .en):
            return "“\(fact.name)” is a foreign group's brand (\(fact.ownerPhrase(.en))), even when the goods are made in Viet Nam."
        case (.foreignOwnedBrand(let fact), .vi):
            return "“\(fact.name)” là nhãn hiệu của tập đoàn nước ngoài (\(fact.ownerPhrase(.vi))), kể cả khi hàng sản xuất tại Việt Nam."
        case (.originWarning(let fact), .en):
            return "Origin warning for “\(fact.name)”: \(fact.originWarning?.text(.en) ?? "") A Vietnamese-owned brand does not make its goods Vietnamese-made: check the origin printed on the pack."
        case (.originWarning(let fact), .vi):
            return "Cảnh báo xuất xứ với “\(fact.name)”: \(fact.originWarning?.text(.vi) ?? "") Nhãn hiệu của doanh nghiệp Việt Nam không có nghĩa hàng sản xuất tại Việt Nam: hãy xem xuất xứ in trên bao bì."
        case (.recognitionIsNotOrigin, .en):
            return "Recognition (Thương hiệu Quốc gia Việt Nam, Hàng Việt Nam chất lượng cao) is an award to an enterprise: it proves neither who owns the brand nor where the goods were made."
        case (.recognitionIsNotOrigin, .vi):
            return "Danh hiệu (Thương hiệu Quốc gia Việt Nam, Hàng Việt Nam chất lượng cao) là giải thưởng cho doanh nghiệp: không chứng minh ai sở hữu nhãn hiệu, cũng không chứng minh hàng được sản xuất ở đâu."
        case (.whereToReport, _):
            return Caveat.whereToReportMessage(language)
        case (.foreignGeographicalIndication(let fact), .en):
            return "“\(fact.name)” is a foreign geographical indication protected in Viet Nam (\(fact[attribute: "country"] ?? "?")): not Vietnamese goods."
        case (.foreignGeographicalIndication(let fact), .vi):
            return "“\(fact.name)” là chỉ dẫn địa lý nước ngoài được bảo hộ tại Việt Nam (\(fact[attribute: "country"] ?? "?")): không phải hàng Việt Nam."
        }
    }

    static func noteSuffix(_ fact: RegistryFact, _ language: Language) -> String {
        guard let note = fact.note else { return "." }
        return ": " + note.text(language)
    }

    static func ocopMessage(_ fact: RegistryFact, _ language: Language) -> String {
        guard let status = fact.ocop else { return "" }
        switch status.validity {
        case .revoked:
            return LocalizedText(en: "The OCOP certificate of “\(fact.name)” was revoked: it is not a current OCOP product.", vi: "Chứng nhận OCOP của “\(fact.name)” đã bị thu hồi: không còn là sản phẩm OCOP.")[language]
        case .expired(let since):
            let when = since.map { LocalizedText(en: " on \($0)", vi: " từ \($0)")[language] } ?? (LocalizedText(en: " (36 months after \(status.year.map(String.init) ?? "?") have passed)", vi: " (quá 36 tháng kể từ năm \(status.year.map(String.init) ?? "?"))")[language])
            return LocalizedText(en: "The OCOP certificate of “\(fact.name)” expired\(when); certificates last 36 months. Not a current OCOP rating.", vi: "Chứng nhận OCOP của “\(fact.name)” đã hết hạn\(when); chứng nhận có hiệu lực 36 tháng. Không phải hạng OCOP hiện hành.")[language]
        case .possiblyExpired(let year):
            return LocalizedText(en: "The OCOP certificate of “\(fact.name)” dates from \(year), so it may have lapsed this year (certificates last 36 months); check the province's decision.", vi: "Chứng nhận OCOP của “\(fact.name)” được cấp năm \(year) nên có thể đã hết hạn trong năm nay (hiệu lực 36 tháng); hãy kiểm tra quyết định của tỉnh.")[language]
        case .unknown:
            return LocalizedText(en: "The year of “\(fact.name)”'s OCOP recognition is unknown: whether the certificate is current cannot be said.", vi: "Không rõ năm công nhận OCOP của “\(fact.name)”: không thể biết chứng nhận còn hiệu lực.")[language]
        case .current:
            return ""
        }
    }
}

extension Caveat {
    /// Why a read is doubtful, and what to do: compare with the printed digits.
    static func doubtfulReadMessage(_ confidence: ReadConfidence, _ language: Language) -> String {
        let why: String
        switch (confidence.level, confidence.reason) {
        case (.conflicting, .barFit):
            let others = confidence.alternatives.prefix(3).joined(separator: ", ")
            why = LocalizedText(en: "the decoders read \(others), but the bars, fitted digit by digit, show this code", vi: "bộ giải mã đọc ra \(others), nhưng các vạch, khi khớp từng chữ số, cho thấy mã này")[language]
        case (.conflicting, .barDarkness):
            let others = confidence.alternatives.prefix(3).joined(separator: ", ")
            why = LocalizedText(en: "the decoders read \(others), but how dark each digit's bars are shows this code, since 1 and 7, 2 and 8 differ only in bar width", vi: "bộ giải mã đọc ra \(others), nhưng độ đậm của vạch ở từng chữ số cho thấy mã này, vì 1 và 7, 2 và 8 chỉ khác nhau ở độ rộng vạch")[language]
        case (.conflicting, _):
            let others = confidence.alternatives.prefix(3).joined(separator: ", ")
            why = LocalizedText(en: "the photo also gave another reading at the same place (\(others))", vi: "ảnh cho ra cách đọc khác tại cùng chỗ (\(others))")[language]
        case (_, .blurModel):
            why = LocalizedText(en: "read from a blurred photo", vi: "đọc từ ảnh bị mờ")[language]
        case (.singleRead, _):
            why = LocalizedText(en: "read by a single scan line and not confirmed by the second decoder", vi: "chỉ một đường quét đọc được mã, bộ giải mã thứ hai không xác nhận")[language]
        default:
            why = LocalizedText(en: "read by one decoder only and not confirmed by the second", vi: "chỉ một bộ giải mã đọc được mã, bộ thứ hai không xác nhận")[language]
        }
        return LocalizedText(en: "Doubtful read (\(why)): compare with the digits printed under the bars.", vi: "Kết quả đọc chưa chắc chắn (\(why)): hãy so với các chữ số in dưới vạch.")[language]
    }
}
