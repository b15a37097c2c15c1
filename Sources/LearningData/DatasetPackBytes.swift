/// The small sections of a dataset pack as bytes: little-endian integers, lengths before texts and
/// lists. ``PackByteReader`` checks every length against what is left before it reads, so a damaged
/// section is an error, never a read past its end.
struct PackByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { append(v.littleEndian) }
    mutating func u32(_ v: UInt32) { append(v.littleEndian) }
    mutating func u64(_ v: UInt64) { append(v.littleEndian) }
    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func double(_ v: Double) { u64(v.bitPattern) }
    mutating func bool(_ v: Bool) { u8(v ? 1 : 0) }

    mutating func text(_ s: String) {
        let utf8 = Array(s.utf8)
        u32(UInt32(utf8.count))
        bytes += utf8
    }

    mutating func optionalText(_ s: String?) {
        bool(s != nil)
        if let s { text(s) }
    }

    mutating func texts(_ list: [String]) {
        u32(UInt32(list.count))
        for s in list { text(s) }
    }

    /// A dictionary of texts, by sorted key, so the same dictionary is the same bytes.
    mutating func textDictionary(_ d: [String: String]) {
        u32(UInt32(d.count))
        for key in d.keys.sorted() { text(key); text(d[key] ?? "") }
    }

    /// Bytes as they are (their length is known from elsewhere).
    mutating func raw(_ more: [UInt8]) { bytes += more }

    /// A list of plain numbers, as their bytes.
    mutating func array<T: FixedWidthInteger>(_ list: [T]) {
        u64(UInt64(list.count))
        for v in list { append(v.littleEndian) }
    }

    mutating func doubles(_ list: [Double]) {
        u64(UInt64(list.count))
        for v in list { u64(v.bitPattern) }
    }

    private mutating func append<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v) { bytes += $0 }
    }
}

/// Reads what ``PackByteWriter`` wrote, failing with ``PackDecodingFailure`` at the first length or
/// value that does not fit the section.
struct PackByteReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Whether every byte was read.
    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ n: Int) throws(PackDecodingFailure) -> UnsafeRawBufferPointer {
        guard n >= 0, n <= bytes.count - offset else { throw PackDecodingFailure("a length runs past the end of the section") }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
    }

    private mutating func load<T: FixedWidthInteger>(_: T.Type) throws(PackDecodingFailure) -> T {
        let raw = try take(MemoryLayout<T>.size)
        return T(littleEndian: raw.loadUnaligned(as: T.self))
    }

    /// The bytes not read yet, all of them.
    mutating func rest() -> UnsafeRawBufferPointer {
        defer { offset = bytes.count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset...])
    }

    mutating func u8() throws(PackDecodingFailure) -> UInt8 { try load(UInt8.self) }
    mutating func u16() throws(PackDecodingFailure) -> UInt16 { try load(UInt16.self) }
    mutating func u32() throws(PackDecodingFailure) -> UInt32 { try load(UInt32.self) }
    mutating func u64() throws(PackDecodingFailure) -> UInt64 { try load(UInt64.self) }
    mutating func double() throws(PackDecodingFailure) -> Double { Double(bitPattern: try u64()) }

    mutating func int() throws(PackDecodingFailure) -> Int {
        guard let v = Int(exactly: Int64(bitPattern: try u64())) else { throw PackDecodingFailure("a number is out of range") }
        return v
    }

    mutating func bool() throws(PackDecodingFailure) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        default: throw PackDecodingFailure("a yes/no byte is neither")
        }
    }

    /// A count of items of at least `minimumSize` bytes each, checked against the bytes left.
    private mutating func count(minimumSize: Int, wide: Bool = false) throws(PackDecodingFailure) -> Int {
        let n = wide ? try u64() : UInt64(try u32())
        guard n <= UInt64(bytes.count - offset) / UInt64(max(minimumSize, 1)) else { throw PackDecodingFailure("a count runs past the end of the section") }
        return Int(n)
    }

    mutating func text() throws(PackDecodingFailure) -> String {
        let n = Int(try u32())
        let raw = try take(n)
        guard let s = String(validating: raw, as: UTF8.self) else { throw PackDecodingFailure("a text is not UTF-8") }
        return s
    }

    mutating func optionalText() throws(PackDecodingFailure) -> String? {
        try bool() ? try text() : nil
    }

    mutating func texts() throws(PackDecodingFailure) -> [String] {
        let n = try count(minimumSize: 4)
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try text()) }
        return out
    }

    mutating func textDictionary() throws(PackDecodingFailure) -> [String: String] {
        let n = try count(minimumSize: 8)
        var out: [String: String] = [:]
        for _ in 0..<n {
            let key = try text()
            out[key] = try text()
        }
        return out
    }

    mutating func array<T: FixedWidthInteger>(_: T.Type) throws(PackDecodingFailure) -> [T] {
        let n = try count(minimumSize: MemoryLayout<T>.size, wide: true)
        let raw = try take(n * MemoryLayout<T>.size)
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            for i in 0..<n { buffer[i] = T(littleEndian: raw.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self)) }
            initialized = n
        }
    }

    mutating func doubles() throws(PackDecodingFailure) -> [Double] {
        try array(UInt64.self).map(Double.init(bitPattern:))
    }
}

/// Why a section's bytes do not decode (the reader names the section and the file).
struct PackDecodingFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
