import Dispatch

/// The checksum of a dataset pack's sections: XXH64 (seed 0) of each 4 MiB block, and the section's
/// checksum XXH64 of those block checksums (little-endian, in order). Blocks let both cores hash one
/// large column at once; XXH64 runs at several GB/s a core, so a 20-million-row pack (about 850 MB)
/// is checked in well under the time it takes to read it from the disk.
enum PackChecksum {
    /// The block size of ``section(_:)``.
    static let blockSize = 4 << 20

    /// The checksum of a section given its blocks' checksums.
    static func combine(_ blockSums: [UInt64]) -> UInt64 {
        blockSums.withUnsafeBytes { xxh64($0) }
    }

    /// The checksum of a section held in memory, on one thread.
    static func section(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        combine(stride(from: 0, to: bytes.count, by: blockSize).map { start in
            xxh64(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + blockSize, bytes.count)]))
        })
    }

    /// The same as ``section(_:)``, its blocks hashed on every core.
    static func parallelSection(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let blocks = (bytes.count + blockSize - 1) / blockSize
        guard blocks > 1 else { return section(bytes) }
        var sums = [UInt64](repeating: 0, count: blocks)
        sums.withUnsafeMutableBufferPointer { out in
            let shared = UncheckedSendable((out, bytes))
            DispatchQueue.concurrentPerform(iterations: blocks) { k in
                let (out, bytes) = shared.value
                out[k] = xxh64(UnsafeRawBufferPointer(rebasing: bytes[(k * blockSize)..<min((k + 1) * blockSize, bytes.count)]))
            }
        }
        return combine(sums)
    }

    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9, p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
    @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 { rotl(acc &+ input &* p2, 31) &* p1 }
    @inline(__always) private static func merge(_ acc: UInt64, _ v: UInt64) -> UInt64 { (acc ^ round(0, v)) &* p1 &+ p4 }

    /// XXH64 with seed 0 (the reference algorithm; a little-endian machine is assumed, as by the pack).
    static func xxh64(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return avalanche(p5) }
        var i = 0, h: UInt64
        @inline(__always) func word(_ at: Int) -> UInt64 { base.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
        if n >= 32 {
            var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4 = 0 &- p1
            while i + 32 <= n {
                v1 = round(v1, word(i)); v2 = round(v2, word(i + 8)); v3 = round(v3, word(i + 16)); v4 = round(v4, word(i + 24))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(merge(merge(merge(h, v1), v2), v3), v4)
        } else {
            h = p5
        }
        h &+= UInt64(n)
        while i + 8 <= n {
            h = rotl(h ^ round(0, word(i)), 27) &* p1 &+ p4
            i += 8
        }
        if i + 4 <= n {
            h = rotl(h ^ (UInt64(base.loadUnaligned(fromByteOffset: i, as: UInt32.self)) &* p1), 23) &* p2 &+ p3
            i += 4
        }
        while i < n {
            h = rotl(h ^ (UInt64(base.load(fromByteOffset: i, as: UInt8.self)) &* p5), 11) &* p1
            i += 1
        }
        return avalanche(h)
    }

    @inline(__always) private static func avalanche(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33; h &*= p2; h ^= h >> 29; h &*= p3; h ^= h >> 32
        return h
    }
}
