//! The words `embed.js` says itself, before the widget's code is there to say them (the loading
//! line, and the line that says the widget could not start): written into the built script from
//! the language tables, so that `src/locales/*.toml` is the one place they are defined. The
//! script as written holds an empty table between two markers; the build fills it in.

use crate::locales::Locale;

/// What the built script's table starts after.
const START: &str = "/*@words*/";
/// What it ends before.
const END: &str = "/*@end*/";

/// The table: each language's `loading` and `could_not_load`, by language tag, as JSON.
pub fn table() -> String {
    let entries: serde_json::Map<String, serde_json::Value> = Locale::all()
        .iter()
        .map(|locale| {
            let words = &locale.words;
            let entry = serde_json::json!({
                "loading": words.loading,
                "could_not_load": words.could_not_load,
            });
            (locale.tag.to_owned(), entry)
        })
        .collect();
    serde_json::Value::Object(entries).to_string()
}

/// `script` (embed.js as written) with the table between its markers; an error when the markers
/// are not there once each, which a build must not pass over.
pub fn with_words(script: &str) -> Result<String, String> {
    let (before, rest) = script
        .split_once(START)
        .ok_or_else(|| format!("embed.js has no {START} marker for the words"))?;
    let (_, after) = rest
        .split_once(END)
        .ok_or_else(|| format!("embed.js has no {END} after {START}"))?;
    if after.contains(START) {
        return Err(format!("embed.js has {START} more than once"));
    }
    Ok(format!("{before}{}{after}", table()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_goes_between_the_markers_and_nowhere_else() {
        let built = with_words("const WORDS = /*@words*/{}/*@end*/;\nrest();").unwrap();
        let json = built
            .strip_prefix("const WORDS = ")
            .and_then(|s| s.strip_suffix(";\nrest();"))
            .unwrap();
        let table: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(table["es"]["loading"], "Cargando la verificación…");
        assert!(with_words("const WORDS = {};").is_err());
        assert!(with_words("/*@words*/{}/*@end*//*@words*/").is_err());
    }
}
