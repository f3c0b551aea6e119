//! FNV-1a, 64 bits: a small fingerprint of a text, the same on every platform and release, by
//! which a stored AKN, a mandate's wording and an index's version are told apart.

/// The FNV-1a hash of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The FNV-1a hash of `text` in 16 hex digits.
pub fn hex(text: &str) -> String {
    format!("{:016x}", fnv1a(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_published_test_vectors() {
        assert_eq!(super::fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::hex("a"), "af63dc4c8601ec8c");
        assert_eq!(super::hex("foobar"), "85944171f73967e8");
    }
}
