/// A stable fingerprint of a set of question files (64-bit FNV-1a over paths and bytes, plus the format
/// version), used to notice that the bundled content changed since it was imported. Not cryptographic.
public func contentHash(of files: [(path: String, text: String)]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
    }
    mix("tensorprep-content-format-\(ContentFormat.version)".utf8)
    for file in files.sorted(by: { $0.path < $1.path }) {
        mix([0])
        mix(file.path.utf8)
        mix([0])
        mix(file.text.utf8)
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
