// The C interface of CZXing.h over zxing-cpp 1.4 (Debian's libzxing-dev).
#include "CZXing.h"

#include <ZXing/ReadBarcode.h>

#include <cstring>
#include <exception>
#include <string>
#include <vector>

namespace {
struct Stored {
    hv_zxing_symbol symbol;
    std::vector<uint8_t> bytes;
    std::string text;
};
thread_local std::string lastError;
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
        ZXing::DecodeHints hints;
        hints.setFormats(ZXing::BarcodeFormats(static_cast<ZXing::BarcodeFormat>(formats)));
        hints.setTryHarder(flags & HV_ZXING_TRY_HARDER);
        hints.setTryRotate(flags & HV_ZXING_TRY_ROTATE);
        hints.setTryDownscale(flags & HV_ZXING_TRY_DOWNSCALE);
        hints.setBinarizer((flags & HV_ZXING_GLOBAL_HISTOGRAM) ? ZXing::Binarizer::GlobalHistogram
                                                               : ZXing::Binarizer::LocalAverage);
        hints.setMaxNumberOfSymbols(static_cast<uint8_t>(max_symbols > 0 && max_symbols < 255 ? max_symbols : 255));
        auto found = ZXing::ReadBarcodes(image, hints);
        auto *results = new hv_zxing_results();
        results->symbols.reserve(found.size());
        for (const auto &result : found) {
            if (!result.isValid()) continue;
            Stored stored{};
            const auto &bytes = result.bytes();
            stored.bytes.assign(bytes.begin(), bytes.end());
            stored.symbol.format = static_cast<int>(result.format());
            std::string identifier = result.symbologyIdentifier();
            std::strncpy(stored.symbol.identifier, identifier.c_str(), sizeof stored.symbol.identifier - 1);
            const auto &position = result.position();
            for (int corner = 0; corner < 4; ++corner) {
                stored.symbol.corners[2 * corner] = position[corner].x;
                stored.symbol.corners[2 * corner + 1] = position[corner].y;
            }
            stored.symbol.line_count = result.lineCount();
            stored.text = result.text();
            stored.symbol.is_binary = result.contentType() == ZXing::ContentType::Binary ? 1 : 0;
            stored.symbol.is_mirrored = result.isMirrored() ? 1 : 0;
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
