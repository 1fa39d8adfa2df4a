import Foundation

/// An inventory to check, opened: a CSV/TSV file or standard input streamed as it is read, or
/// the first sheet of an Excel workbook turned into CSV in memory. It owns the file
/// descriptor and closes it when released.
///
/// ```swift
/// let file = try InventoryFile(path: "kho.csv")   // or "-" for standard input
/// file.size     // bytes, for a progress estimate (nil for a pipe or a workbook)
/// try await batch.run(file.source, name: file.name) { … }
/// ```
public final class InventoryFile {
    /// How messages name it: the path, or "standard input".
    public let name: String
    /// The input's size in bytes when known (a regular CSV/TSV file).
    public let size: Int?
    /// True when it was an Excel workbook.
    public let isWorkbook: Bool
    private let descriptor: Int32
    private let workbookCSV: [UInt8]?

    /// Opens `path`, or standard input for "-". Throws ``BatchError`` (`unreadable-input`,
    /// `unreadable-workbook`, `workbook-too-large`) naming the file.
    public init(path: String) throws(BatchError) {
        if path == "-" {
            name = "standard input"
            descriptor = STDIN_FILENO
            size = nil
            isWorkbook = false
            workbookCSV = nil
            return
        }
        name = path
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { throw BatchError(.unreadableInput, "cannot open \(path): \(String(cString: strerror(errno)))") }
        var info = stat()
        var knownSize: Int?
        if fstat(fd, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw BatchError(.unreadableInput, "\(path) is a directory; give an inventory file (CSV or TSV).")
            }
            if (info.st_mode & S_IFMT) == S_IFREG { knownSize = Int(info.st_size) }
        }
        descriptor = fd
        if XLSXSheet.looksLikeXLSX(path) {
            isWorkbook = true
            size = nil
            do {
                workbookCSV = try XLSXSheet.csv(path: path)
            } catch {
                close(fd)
                throw error
            }
        } else {
            isWorkbook = false
            size = knownSize
            workbookCSV = nil
        }
    }

    deinit { if descriptor != STDIN_FILENO { close(descriptor) } }

    /// The bytes to check, as CSV/TSV.
    public var source: any ByteSource {
        if let workbookCSV { return MemorySource(workbookCSV) }
        return FileDescriptorSource(fd: descriptor, name: name)
    }
}
