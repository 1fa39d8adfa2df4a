import BarcodeScanning
import Foundation

/// The images `hangviet scan` was asked to read, in order: files as given, directories
/// expanded to the image files they hold (sorted; subdirectories with `--recursive`), and
/// `-` for standard input. Problems are kept per input so the others still run.
enum ImageInput {
    case file(String)
    case standardInput
    /// An argument that yields nothing to scan (an empty directory, a missing path).
    case problem(source: String, error: ScanError)

    var source: String {
        switch self {
        case .file(let path): path
        case .standardInput: "stdin"
        case .problem(let source, _): source
        }
    }

    /// File name endings taken from directories (files named explicitly are always tried:
    /// the format comes from the bytes).
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "jpe", "png", "webp", "heic", "heif", "avif",
                                               "pgm", "ppm", "pnm", "bmp"]

    static func expand(_ arguments: [String], recursive: Bool) -> [ImageInput] {
        var inputs: [ImageInput] = []
        let manager = FileManager.default
        for argument in arguments {
            if argument == "-" { inputs.append(.standardInput); continue }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                inputs.append(.problem(source: argument, error: ScanError(
                    .unreadable, "\(argument): no such file or directory; check the path", source: argument)))
                continue
            }
            guard isDirectory.boolValue else { inputs.append(.file(argument)); continue }
            let found = imageFiles(in: argument, recursive: recursive)
            if found.isEmpty {
                let hint = recursive ? "" : " (use --recursive to look in subdirectories)"
                inputs.append(.problem(source: argument, error: ScanError(
                    .unreadable, "\(argument): the directory holds no image files (.jpg, .png, .webp, .heic …)\(hint)",
                    source: argument)))
            }
            inputs += found.map { .file($0) }
        }
        return inputs
    }

    private static func imageFiles(in directory: String, recursive: Bool) -> [String] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return [] }
        var files: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if recursive { files += imageFiles(in: path, recursive: true) }
            } else if let dot = name.lastIndex(of: "."),
                      imageExtensions.contains(name[name.index(after: dot)...].lowercased()) {
                files.append(path)
            }
        }
        return files
    }
}
