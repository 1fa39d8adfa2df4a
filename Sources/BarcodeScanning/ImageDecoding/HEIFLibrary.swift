import CHeif
#if canImport(Glibc)
import Glibc
#endif

/// libheif, opened on first use with `dlopen` instead of linked: libheif pulls in a dozen codec
/// libraries (libde265, x265, aom, dav1d …) whose loading and start-up code cost every run of
/// `hangviet` about 3.5 ms, although only HEIC/HEIF photos need them. The `CHeif` module supplies
/// the declarations only; the functions are looked up here by name.
///
/// ```swift
/// let heif = try HEIFLibrary.shared.get()   // fails with a clear message when libheif is missing
/// let context = heif.contextAlloc()
/// ```
struct HEIFLibrary: @unchecked Sendable {
    let contextAlloc: @convention(c) () -> OpaquePointer?
    let contextFree: @convention(c) (OpaquePointer?) -> Void
    let readFromMemoryWithoutCopy: @convention(c) (OpaquePointer?, UnsafeRawPointer?, Int, OpaquePointer?) -> heif_error
    let primaryImageHandle: @convention(c) (OpaquePointer?, UnsafeMutablePointer<OpaquePointer?>?) -> heif_error
    let handleRelease: @convention(c) (OpaquePointer?) -> Void
    let handleWidth: @convention(c) (OpaquePointer?) -> Int32
    let handleHeight: @convention(c) (OpaquePointer?) -> Int32
    let decodeImage: @convention(c) (OpaquePointer?, UnsafeMutablePointer<OpaquePointer?>?, heif_colorspace, heif_chroma,
                                     UnsafePointer<heif_decoding_options>?) -> heif_error
    let imageRelease: @convention(c) (OpaquePointer?) -> Void
    let planeReadonly: @convention(c) (OpaquePointer?, heif_channel, UnsafeMutablePointer<Int32>?) -> UnsafePointer<UInt8>?
    let imageWidth: @convention(c) (OpaquePointer?, heif_channel) -> Int32
    let imageHeight: @convention(c) (OpaquePointer?, heif_channel) -> Int32

    /// The library names tried in order (the Debian/Ubuntu runtime package is `libheif1`).
    static let candidates = ["libheif.so.1", "libheif.so"]

    /// Opened once per process; the error says how to install libheif when it is missing.
    static let shared: Result<HEIFLibrary, ScanError> = load()

    private static func load() -> Result<HEIFLibrary, ScanError> {
        guard let handle = candidates.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(ScanError(.unsupportedFormat, "HEIC/HEIF photos need libheif, which could not be loaded (\(reason)); install it (apt-get install libheif1) or convert the photo to JPEG"))
        }
        // Each function's type comes from the property it fills.
        func symbol<T>(_ name: String) throws(ScanError) -> T {
            guard let pointer = dlsym(handle, name) else {
                throw ScanError(.unsupportedFormat, "the installed libheif lacks \(name); install libheif 1.12 or newer, or convert the photo to JPEG")
            }
            return unsafeBitCast(pointer, to: T.self)
        }
        do throws(ScanError) {
            return .success(HEIFLibrary(
                contextAlloc: try symbol("heif_context_alloc"),
                contextFree: try symbol("heif_context_free"),
                readFromMemoryWithoutCopy: try symbol("heif_context_read_from_memory_without_copy"),
                primaryImageHandle: try symbol("heif_context_get_primary_image_handle"),
                handleRelease: try symbol("heif_image_handle_release"),
                handleWidth: try symbol("heif_image_handle_get_width"),
                handleHeight: try symbol("heif_image_handle_get_height"),
                decodeImage: try symbol("heif_decode_image"),
                imageRelease: try symbol("heif_image_release"),
                planeReadonly: try symbol("heif_image_get_plane_readonly"),
                imageWidth: try symbol("heif_image_get_width"),
                imageHeight: try symbol("heif_image_get_height")))
        } catch {
            return .failure(error)
        }
    }
}
