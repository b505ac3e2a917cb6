//! The language tables (`src/locales/*.toml`) are complete, used, and say plurals and dates as
//! CLDR does. A translator's mistake fails here with the file and key to fix.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use explainer::locales::{Category, LOCALES, Locale};

/// Every table, by tag, as TOML.
fn tables() -> Vec<(String, toml::Table)> {
    let mut tables: Vec<_> = fs::read_dir("src/locales")
        .expect("src/locales")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|path| {
            let tag = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&path).unwrap();
            let table = text
                .parse::<toml::Table>()
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (tag, table)
        })
        .collect();
    tables.sort_by(|a, b| a.0.cmp(&b.0));
    tables
}

/// The keys of a table's `[words]`, with each plural's forms as `key.form`.
fn keys(table: &toml::Table) -> BTreeSet<String> {
    let words = table.get("words").and_then(|w| w.as_table());
    let mut keys = BTreeSet::new();
    for (key, value) in words.into_iter().flatten() {
        keys.insert(key.clone());
        if let Some(forms) = value.as_table() {
            keys.extend(forms.keys().map(|form| format!("{key}.{form}")));
        }
    }
    keys
}

/// The CLDR categories a table's plural rules name, and `other`.
fn categories(table: &toml::Table) -> BTreeSet<String> {
    let rules = table.get("plurals").and_then(|p| p.as_table());
    let mut names: BTreeSet<String> = rules
        .into_iter()
        .flatten()
        .map(|(k, _)| k.clone())
        .collect();
    names.insert("other".to_owned());
    names
}

#[test]
fn every_table_has_every_key_and_no_other() {
    let tables = tables();
    let english = &tables
        .iter()
        .find(|(tag, _)| tag == "en")
        .expect("en.toml")
        .1;
    let plural_keys: BTreeSet<String> = english["words"]
        .as_table()
        .unwrap()
        .iter()
        .filter(|(_, v)| v.is_table())
        .map(|(k, _)| k.clone())
        .collect();
    let mut wrong = Vec::new();
    for (tag, table) in &tables {
        // A plural needs the forms of this language's categories, not English's.
        let needed: BTreeSet<String> = keys(english)
            .into_iter()
            .filter(|k| !k.contains('.'))
            .flat_map(|k| {
                if plural_keys.contains(&k) {
                    let mut forms: Vec<String> = categories(table)
                        .iter()
                        .map(|c| format!("{k}.{c}"))
                        .collect();
                    forms.push(k);
                    forms
                } else {
                    vec![k]
                }
            })
            .collect();
        let has = keys(table);
        for key in needed.difference(&has) {
            wrong.push(format!("src/locales/{tag}.toml lacks words.{key}"));
        }
        for key in has.difference(&needed) {
            wrong.push(format!(
                "src/locales/{tag}.toml has words.{key}, which nothing uses"
            ));
        }
        for part in ["plurals", "dates", "words"] {
            if !table.contains_key(part) {
                wrong.push(format!("src/locales/{tag}.toml lacks [{part}]"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(
        LOCALES.iter().map(|l| l.tag).collect::<BTreeSet<_>>(),
        tables.iter().map(|(t, _)| t.as_str()).collect(),
        "every table is compiled in"
    );
    assert!(
        tables.len() >= 5,
        "English, Spanish, French, Portuguese and Arabic at least"
    );
}

/// Every `.rs` file under `dir`, as text.
fn sources(dir: &Path, into: &mut String) {
    for entry in fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, into);
        } else if path.extension().is_some_and(|x| x == "rs") && !path.ends_with("compile.rs") {
            into.push_str(&fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_key_of_english_is_used_by_the_widget_or_embed_js() {
    let mut code = String::new();
    sources(Path::new("src"), &mut code);
    let embed = fs::read_to_string("www/embed.js").unwrap();
    let english = &tables().into_iter().find(|(tag, _)| tag == "en").unwrap().1;
    let unused: Vec<String> = english["words"]
        .as_table()
        .unwrap()
        .keys()
        .filter(|key| {
            let field = format!(".{key}");
            let used_in_rust = code.match_indices(&field).any(|(at, _)| {
                let after = code[at + field.len()..].chars().next();
                !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            !used_in_rust && !embed.contains(&format!("words.{key}"))
        })
        .cloned()
        .collect();
    assert!(unused.is_empty(), "keys nothing uses: {unused:?}");
}

#[test]
fn built_embed_js_says_what_the_tables_say_before_the_widget_loads() {
    // What the build does: explainer script-data on copies of the scripts.
    let dist = std::env::temp_dir().join(format!("explainer-script-data-{}", std::process::id()));
    fs::create_dir_all(&dist).unwrap();
    fs::copy("www/embed.js", dist.join("embed.js")).unwrap();
    fs::create_dir_all(dist.join("studio")).unwrap();
    fs::copy("www/studio/publish.js", dist.join("studio/publish.js")).unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_explainer"))
        .args(["script-data", "--dist"])
        .arg(&dist)
        .status()
        .unwrap();
    let built = fs::read_to_string(dist.join("embed.js")).unwrap();
    fs::remove_dir_all(&dist).unwrap();
    assert!(status.success(), "explainer script-data failed");
    let start = built.find("const WORDS = ").expect("WORDS in embed.js") + "const WORDS = ".len();
    let end = start + built[start..].find(";\n").expect("end of WORDS");
    let written: serde_json::Value =
        serde_json::from_str(&built[start..end]).expect("WORDS is JSON");
    let expected: serde_json::Map<String, serde_json::Value> = tables()
        .into_iter()
        .map(|(tag, table)| {
            let words = table["words"].as_table().unwrap();
            let pick = |k: &str| serde_json::Value::from(words[k].as_str().unwrap());
            let entry = serde_json::json!({ "loading": pick("loading"), "could_not_load": pick("could_not_load") });
            (tag, entry)
        })
        .collect();
    assert_eq!(written, serde_json::Value::Object(expected));
}

#[test]
fn plurals_follow_cldr_for_every_whole_number_tried() {
    use icu_locale_core::Locale as IcuLocale;
    use icu_plurals::{PluralCategory, PluralRules};
    let mut tried: Vec<u64> = (0..=2_000).collect();
    for power in 3..=12 {
        let p = 10u64.pow(power);
        tried.extend([p - 1, p, p + 1, p * 2, p + 100, p + 11]);
    }
    for locale in &LOCALES {
        let icu: IcuLocale = locale.tag.parse().expect("a tag ICU reads");
        let rules = PluralRules::try_new_cardinal(icu.into()).expect("CLDR has its rules");
        for &n in &tried {
            let expected = match rules.category_for(n) {
                PluralCategory::Zero => Category::Zero,
                PluralCategory::One => Category::One,
                PluralCategory::Two => Category::Two,
                PluralCategory::Few => Category::Few,
                PluralCategory::Many => Category::Many,
                PluralCategory::Other => Category::Other,
            };
            assert_eq!(locale.category(n), expected, "{} for {n}", locale.tag);
        }
    }
}

#[test]
fn counts_pick_the_form_of_their_category() {
    let ar = Locale::of(Some("ar"));
    let said: Vec<String> = [1, 2, 3, 11, 100]
        .iter()
        .map(|&n| ar.words.more_passages.say(n))
        .collect();
    assert_eq!(
        said,
        [
            "مقطع آخر في قائمة المصادر",
            "مقطعان آخران في قائمة المصادر",
            "3 مقاطع أخرى في قائمة المصادر",
            "11 مقطعًا آخر في قائمة المصادر",
            "100 مقطع آخر في قائمة المصادر",
        ]
    );
    let fr = Locale::of(Some("fr"));
    assert_eq!(
        fr.words.problems.say(1),
        "Le jeu de preuves a 1 problème\u{a0}:"
    );
    assert_eq!(
        fr.words.problems.say(2),
        "Le jeu de preuves a 2 problèmes\u{a0}:"
    );
}

#[test]
fn dates_follow_each_language_long_format() {
    // CLDR's long date (yMMMMd) and month (yMMMM) formats for each language, Latin digits.
    let expected = [
        ("en", "April 3, 2026", "April 2026"),
        ("es", "3 de abril de 2026", "abril de 2026"),
        ("fr", "3 avril 2026", "avril 2026"),
        ("pt", "3 de abril de 2026", "abril de 2026"),
        ("ar", "3 أبريل 2026", "أبريل 2026"),
    ];
    for (tag, day, month) in expected {
        let locale = Locale::of(Some(tag));
        assert_eq!(locale.date("2026-04-03"), day, "{tag}");
        assert_eq!(locale.date("2026-04"), month, "{tag}");
        assert_eq!(locale.date("2026"), "2026", "{tag}");
    }
    // Every month has its name in every table.
    for locale in &LOCALES {
        let names: BTreeSet<String> = (1..=12)
            .map(|m| locale.date(&format!("2026-{m:02}")))
            .collect();
        assert_eq!(names.len(), 12, "{}", locale.tag);
    }
}
