//! What a prerendered explainer was rendered from, so the widget never takes over markup made
//! from another evidence file or another version of itself.

/// The stamp of a rendering of the published evidence `json` by this version of the widget:
/// a 64-bit FNV-1a hash of the file's text, and the widget's version.
pub fn stamp(json: &str) -> String {
    // FNV-1a: a few lines for a check against accidents (a stale snippet, an edited file), which
    // needs no cryptographic strength and so no hashing crate in the wasm.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in json.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}-{}", env!("CARGO_PKG_VERSION"))
}

#[cfg(test)]
mod tests {
    use super::stamp;

    #[test]
    fn the_stamp_follows_the_text_and_names_the_version() {
        // FNV-1a 64 of the empty string and of "a", as published with the algorithm.
        assert!(stamp("").starts_with("cbf29ce484222325-"));
        assert!(stamp("a").starts_with("af63dc4c8601ec8c-"));
        assert!(stamp("{}").ends_with(env!("CARGO_PKG_VERSION")));
        assert_ne!(stamp("{\"a\":1}"), stamp("{\"a\":2}"));
    }
}
