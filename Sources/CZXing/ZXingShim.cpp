// The C interface of CZXing.h over zxing-cpp 3.1.1 (vendored in zxing-cpp/, readers for the
// linear codes, QR and DataMatrix only; see zxing-cpp/README.md).
#include "CZXing.h"

#include "ReadBarcode.h"
#include "ReaderOptions.h"

#include <cstring>
#include <exception>
#include <string>
#include <vector>

using ZXing::BarcodeFormat;

namespace {
struct Stored {
    hv_zxing_symbol symbol;
    std::vector<uint8_t> bytes;
    std::string text;
};
thread_local std::string lastError;

/// The HV_ZXING_* bits as zxing-cpp formats (symbologies, with every variant).
ZXing::BarcodeFormats formatsFor(int bits) {
    std::vector<BarcodeFormat> formats;
    if (bits & HV_ZXING_EAN13) { formats.push_back(BarcodeFormat::EAN13); formats.push_back(BarcodeFormat::ISBN); }
    if (bits & HV_ZXING_EAN8) formats.push_back(BarcodeFormat::EAN8);
    if (bits & HV_ZXING_UPCA) formats.push_back(BarcodeFormat::UPCA);
    if (bits & HV_ZXING_UPCE) formats.push_back(BarcodeFormat::UPCE);
    if (bits & HV_ZXING_QRCODE) formats.push_back(BarcodeFormat::QRCode);
    if (bits & HV_ZXING_DATAMATRIX) formats.push_back(BarcodeFormat::DataMatrix);
    if (bits & HV_ZXING_CODE128) formats.push_back(BarcodeFormat::Code128);
    if (bits & (HV_ZXING_DATABAR | HV_ZXING_DATABAR_EXPANDED)) formats.push_back(BarcodeFormat::DataBar);
    if (bits & HV_ZXING_CODE39) formats.push_back(BarcodeFormat::Code39);
    if (bits & HV_ZXING_CODE93) formats.push_back(BarcodeFormat::Code93);
    if (bits & HV_ZXING_ITF) formats.push_back(BarcodeFormat::ITF);
    if (bits & HV_ZXING_CODABAR) formats.push_back(BarcodeFormat::Codabar);
    return ZXing::BarcodeFormats(std::move(formats));
}

/// A format zxing-cpp returns (a variant) as one HV_ZXING_* bit, or 0.
int bitFor(BarcodeFormat format) {
    switch (format) {
    case BarcodeFormat::EAN13: case BarcodeFormat::ISBN: return HV_ZXING_EAN13;
    case BarcodeFormat::EAN8: return HV_ZXING_EAN8;
    case BarcodeFormat::UPCA: return HV_ZXING_UPCA;
    case BarcodeFormat::UPCE: return HV_ZXING_UPCE;
    case BarcodeFormat::QRCode: case BarcodeFormat::QRCodeModel1: case BarcodeFormat::QRCodeModel2: return HV_ZXING_QRCODE;
    case BarcodeFormat::DataMatrix: return HV_ZXING_DATAMATRIX;
    case BarcodeFormat::Code128: return HV_ZXING_CODE128;
    case BarcodeFormat::DataBar: case BarcodeFormat::DataBarOmni: case BarcodeFormat::DataBarStk:
    case BarcodeFormat::DataBarStkOmni: case BarcodeFormat::DataBarLtd: return HV_ZXING_DATABAR;
    case BarcodeFormat::DataBarExp: case BarcodeFormat::DataBarExpStk: return HV_ZXING_DATABAR_EXPANDED;
    case BarcodeFormat::Code39: case BarcodeFormat::Code39Std: case BarcodeFormat::Code39Ext: return HV_ZXING_CODE39;
    case BarcodeFormat::Code93: return HV_ZXING_CODE93;
    case BarcodeFormat::ITF: case BarcodeFormat::ITF14: return HV_ZXING_ITF;
    case BarcodeFormat::Codabar: return HV_ZXING_CODABAR;
    default: return 0;   // Micro QR, rMQR and others HangViet does not report
    }
}
}

struct hv_zxing_results {
    std::vector<Stored> symbols;
};

extern "C" hv_zxing_results *hv_zxing_read(const uint8_t *grey, int width, int height, int row_stride,
                                            int formats, int flags, int max_symbols) {
    lastError.clear();
    if (grey == nullptr || width <= 0 || height <= 0 || row_stride < width) {
        lastError = "no image";
        return nullptr;
    }
    try {
        ZXing::ImageView image(grey, width, height, ZXing::ImageFormat::Lum, row_stride);
        ZXing::ReaderOptions options;
        options.setFormats(formatsFor(formats));
        options.setTryHarder(flags & HV_ZXING_TRY_HARDER);
        options.setTryRotate(flags & HV_ZXING_TRY_ROTATE);
        options.setTryInvert(flags & HV_ZXING_TRY_INVERT);
        options.setTryDownscale(flags & HV_ZXING_TRY_DOWNSCALE);
        options.setTextMode(ZXing::TextMode::Plain);
        options.setMaxNumberOfSymbols(static_cast<uint8_t>(max_symbols > 0 && max_symbols < 255 ? max_symbols : 255));
        auto found = ZXing::ReadBarcodes(image, options);
        auto *results = new hv_zxing_results();
        results->symbols.reserve(found.size());
        for (const auto &barcode : found) {
            int bit = bitFor(barcode.format());
            if (!barcode.isValid() || bit == 0) continue;
            Stored stored{};
            const auto &bytes = barcode.bytes();
            stored.bytes.assign(bytes.begin(), bytes.end());
            stored.text = barcode.text();
            stored.symbol.format = bit;
            std::string identifier = barcode.symbologyIdentifier();
            std::strncpy(stored.symbol.identifier, identifier.c_str(), sizeof stored.symbol.identifier - 1);
            const auto &position = barcode.position();
            for (int corner = 0; corner < 4; ++corner) {
                stored.symbol.corners[2 * corner] = position[corner].x;
                stored.symbol.corners[2 * corner + 1] = position[corner].y;
            }
            stored.symbol.line_count = barcode.lineCount();
            stored.symbol.is_mirrored = barcode.isMirrored() ? 1 : 0;
            stored.symbol.is_binary = barcode.contentType() == ZXing::ContentType::Binary ? 1 : 0;
            results->symbols.push_back(std::move(stored));
        }
        for (auto &stored : results->symbols) {
            stored.symbol.bytes = stored.bytes.data();
            stored.symbol.length = static_cast<int>(stored.bytes.size());
            stored.symbol.text = stored.text.c_str();
        }
        return results;
    } catch (const std::exception &error) {
        lastError = error.what();
    } catch (...) {
        lastError = "unknown zxing-cpp failure";
    }
    return nullptr;
}

extern "C" int hv_zxing_count(const hv_zxing_results *results) {
    return results ? static_cast<int>(results->symbols.size()) : 0;
}

extern "C" hv_zxing_symbol hv_zxing_symbol_at(const hv_zxing_results *results, int i) {
    if (results == nullptr || i < 0 || static_cast<size_t>(i) >= results->symbols.size()) return hv_zxing_symbol{};
    return results->symbols[static_cast<size_t>(i)].symbol;
}

extern "C" void hv_zxing_free(hv_zxing_results *results) { delete results; }

extern "C" const char *hv_zxing_last_error(void) { return lastError.c_str(); }
