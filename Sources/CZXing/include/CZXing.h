#ifndef HANGVIET_CZXING_H
#define HANGVIET_CZXING_H
/* A small C interface to zxing-cpp 3.1.1 (C++20, vendored in zxing-cpp/), so that no Swift module needs
 * C++ interoperability. One call reads a grey image; the results are copied into a block the
 * caller frees with hv_zxing_free. Nothing here throws: a C++ exception becomes a NULL result
 * with hv_zxing_last_error set, and the caller keeps what its other decoder read. */
#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The formats HangViet asks for and gets back, as bits (the shim maps them to zxing-cpp's). */
enum {
    HV_ZXING_CODABAR = 1 << 1,
    HV_ZXING_CODE39 = 1 << 2,
    HV_ZXING_CODE93 = 1 << 3,
    HV_ZXING_CODE128 = 1 << 4,
    HV_ZXING_DATABAR = 1 << 5,
    HV_ZXING_DATABAR_EXPANDED = 1 << 6,
    HV_ZXING_DATAMATRIX = 1 << 7,
    HV_ZXING_EAN8 = 1 << 8,
    HV_ZXING_EAN13 = 1 << 9,
    HV_ZXING_ITF = 1 << 10,
    HV_ZXING_QRCODE = 1 << 13,
    HV_ZXING_UPCA = 1 << 14,
    HV_ZXING_UPCE = 1 << 15,
};

/* How hard to look. */
enum {
    HV_ZXING_TRY_HARDER = 1 << 0,
    HV_ZXING_TRY_ROTATE = 1 << 1,
    HV_ZXING_TRY_DOWNSCALE = 1 << 2,
    /* Also look for light-on-dark codes. */
    HV_ZXING_TRY_INVERT = 1 << 4,
};

typedef struct hv_zxing_symbol {
    int format;                  /* one HV_ZXING_* format bit */
    const uint8_t *bytes;        /* the content bytes (GS1: FNC1 separators as 0x1D) */
    int length;
    char identifier[4];          /* the symbology identifier, "]E0", "]d2", "]Q3"…, NUL-terminated */
    int corners[8];              /* x,y of top-left, top-right, bottom-right, bottom-left */
    int line_count;              /* linear codes: scan lines that agreed */
    const char *text;            /* the content as UTF-8, decoded by its ECI or guessed character set */
    int is_binary;               /* 1 when zxing-cpp found the content to be binary data, not text */
    int is_mirrored;
} hv_zxing_symbol;

typedef struct hv_zxing_results hv_zxing_results;

/* Reads `grey` (one byte per pixel, `row_stride` bytes per row). Returns NULL only when zxing-cpp
 * failed (hv_zxing_last_error says why); an image with no code gives an empty result. */
hv_zxing_results *hv_zxing_read(const uint8_t *grey, int width, int height, int row_stride,
                                 int formats, int flags, int max_symbols);
int hv_zxing_count(const hv_zxing_results *results);
/* The i-th symbol; its bytes live as long as `results`. */
hv_zxing_symbol hv_zxing_symbol_at(const hv_zxing_results *results, int i);
void hv_zxing_free(hv_zxing_results *results);
/* The message of the last failure on this thread (empty when none). */
const char *hv_zxing_last_error(void);

#ifdef __cplusplus
}
#endif
#endif
