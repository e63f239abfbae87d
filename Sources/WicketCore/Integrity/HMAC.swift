/// HMAC-SHA-256 (RFC 2104) over Wicket's own `SHA256`; checked against RFC 4231's vectors.
/// The key's inner and outer blocks are compressed once, here: each message then costs only
/// its own blocks and the outer one, which matters when an import hashes a million events.
public struct HMACSHA256: Sendable {
    private let inner: SHA256
    private let outer: SHA256

    public init<Key: Collection>(key: Key) where Key.Element == UInt8 {
        // Keys longer than a block are hashed first; shorter ones are padded with zeros.
        var block: [UInt8]
        if key.count > 64 {
            var hasher = SHA256()
            hasher.update(key)
            block = hasher.finish()
        } else {
            block = Array(key)
        }
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        self.inner = inner
        self.outer = outer
    }

    /// The 32-byte MAC of `message`.
    public func authenticate<Bytes: Sequence>(_ message: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var first = inner
        first.update(message)
        var second = outer
        second.update(first.finish())
        return second.finish()
    }

    /// The MAC of `message` as 64 lowercase hex digits.
    public func hex<Bytes: Sequence>(_ message: Bytes) -> String where Bytes.Element == UInt8 {
        SHA256.hexString(authenticate(message))
    }
}
