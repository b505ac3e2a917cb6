//! What the build writes into the page's scripts from what the Rust defines, so each is defined
//! in one place: the words `embed.js` says itself before the widget's code is there to say them
//! (the loading line, and the line that says the widget could not start), from the language
//! tables; and the widget's built files Explainer Studio fetches to make an offline file, from
//! [`BUILT_FILES`]. Each script as written holds an empty value between `/*@NAME*/` and
//! `/*@end*/`; the build fills it in (`explainer script-data`).

use super::single_file::BUILT_FILES;
use crate::locales::Locale;

/// What ends a value.
const END: &str = "/*@end*/";

/// One value a built script is given: the file, the value's name, and the value as JSON.
pub type Datum = (&'static str, &'static str, fn() -> String);

/// Each script's value.
pub const DATA: [Datum; 2] = [
    ("embed.js", "words", words),
    ("studio/publish.js", "built-files", built_files),
];

/// Each language's `loading` and `could_not_load`, by language tag, as JSON.
pub fn words() -> String {
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

/// The names of the widget's files an offline file carries, in [`BUILT_FILES`]' order, as JSON.
pub fn built_files() -> String {
    serde_json::to_string(&BUILT_FILES).expect("names always serialize")
}

/// `script` with `value` between its `/*@name*/` and the `/*@end*/` after it; an error when the
/// marker is not there exactly once, which a build must not pass over.
pub fn with_data(script: &str, name: &str, value: &str) -> Result<String, String> {
    let start = format!("/*@{name}*/");
    let (before, rest) = script
        .split_once(&start)
        .ok_or_else(|| format!("no {start} marker"))?;
    let (_, after) = rest
        .split_once(END)
        .ok_or_else(|| format!("no {END} after {start}"))?;
    if after.contains(&start) {
        return Err(format!("{start} more than once"));
    }
    Ok(format!("{before}{value}{after}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_goes_between_the_markers_and_nowhere_else() {
        let script = "const WORDS = /*@words*/{}/*@end*/;\nrest();";
        let built = with_data(script, "words", "{\"en\":1}").unwrap();
        assert_eq!(built, "const WORDS = {\"en\":1};\nrest();");
        assert!(with_data("const WORDS = {};", "words", "1").is_err());
        assert!(with_data("/*@words*/{}/*@end*//*@words*/", "words", "1").is_err());
        assert!(with_data("/*@words*/{}", "words", "1").is_err());
    }

    #[test]
    fn the_words_are_each_tables() {
        let table: serde_json::Value = serde_json::from_str(&words()).unwrap();
        for locale in Locale::all() {
            assert_eq!(table[locale.tag]["loading"], locale.words.loading);
        }
    }
}
