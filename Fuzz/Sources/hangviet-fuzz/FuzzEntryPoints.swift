import Foundation

// libFuzzer's entry points. The binary is built with `-parse-as-library`: libFuzzer supplies
// `main`, reads the corpus and calls these.

nonisolated(unsafe) var currentTarget = FuzzTarget.png

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    let name = ProcessInfo.processInfo.environment["HANGVIET_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("hangviet-fuzz: set HANGVIET_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    currentTarget = target
    if target == .payload { _ = FuzzTarget.engine }   // the seed snapshot once, not in the first run's time
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    currentTarget.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

@_silgen_name("LLVMFuzzerMutate")
func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

/// For the image targets, PNG inputs are mutated chunk by chunk with their CRCs made valid
/// again (``PNGMutator``), so that mutations reach the decoders instead of failing the CRC
/// check; everything else gets libFuzzer's own mutations.
@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzCustomMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: CUnsignedInt) -> Int {
    if currentTarget.readsImages, size > 8, PNGMutator.isPNG(UnsafeRawBufferPointer(start: data, count: size)) {
        var generator = SplitMix(seed: UInt64(seed))
        if let mutated = PNGMutator.mutate(UnsafeRawBufferPointer(start: data, count: size), maxSize: maxSize, using: &generator) {
            mutated.withUnsafeBytes { data.update(from: $0.bindMemory(to: UInt8.self).baseAddress!, count: mutated.count) }
            return mutated.count
        }
    }
    return LLVMFuzzerMutate(data, size, maxSize)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt

/// SwiftPM links an executable target with `main` set to `<module>_main`; this one hands
/// over to libFuzzer's driver (the same as libFuzzer's own `main`).
@_cdecl("hangviet_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { start, size in fuzzOneInput(start, size) }
}
