//! Build time: turns the language tables (`src/locales/*.toml`) into Rust, so the widget carries
//! them as plain data and each language's plural rules as a few comparisons, with no parser.
//!
//! `build.rs` includes this file; `tests/locales.rs` holds the tables complete.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// The CLDR plural categories, in the order the generated `Category` lists them.
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// What compiling the tables gave: the Rust source, and what a translator should know.
pub struct Compiled {
    /// Rust source defining `Words` and `LOCALES`.
    pub code: String,
    /// Strings said in English because a table lacks them, and keys English does not have.
    pub warnings: Vec<String>,
}

/// One table as read: its tag (the file's name) and its TOML.
struct Table {
    tag: String,
    file: String,
    toml: toml::Table,
}

/// Reads every `*.toml` in `dir` and compiles them; English (`en.toml`) must be there, as the
/// keys and the fallback. Errors name the file and the key.
pub fn compile(dir: &Path) -> Result<Compiled, Vec<String>> {
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map_err(|e| vec![format!("cannot read {}: {e}", dir.display())])?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        let file = path.display().to_string();
        let tag = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| text.parse::<toml::Table>().map_err(|e| e.to_string()))
        {
            Ok(toml) => tables.push(Table { tag, file, toml }),
            Err(error) => errors.push(format!("{file}: {error}")),
        }
    }
    // English first: its keys are the keys, and its words the fallback.
    tables.sort_by_key(|t| (t.tag != "en", t.tag.clone()));
    if tables.first().is_none_or(|t| t.tag != "en") {
        errors.push(format!("{}: en.toml is missing", dir.display()));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut warnings = Vec::new();
    let english = words(&tables[0]);
    let mut code = String::new();
    code.push_str(
        "/// Every string the widget adds, in one language: one field per key of `en.toml`.\n",
    );
    code.push_str("#[derive(Debug)]\npub struct Words {\n");
    for (key, value) in &english {
        let (kind, shown) = match value {
            toml::Value::Table(forms) => (
                "Plural",
                forms
                    .get("other")
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned(),
            ),
            other => (
                "&'static str",
                other.as_str().unwrap_or_default().to_owned(),
            ),
        };
        let _ = writeln!(
            code,
            "    /// In English: {:?}.\n    pub {key}: {kind},",
            shown
        );
    }
    code.push_str("}\n\n");

    let mut locales = Vec::new();
    for table in &tables {
        let rule = format!("plural_{}", table.tag.replace('-', "_"));
        match plural_rule(table) {
            Ok(body) => {
                let _ = writeln!(
                    code,
                    "fn {rule}(n: u64) -> Category {{\n{body}    Category::Other\n}}\n"
                );
            }
            Err(error) => errors.push(error),
        }
        let own = words(table);
        for key in own.keys().filter(|k| !english.contains_key(*k)) {
            warnings.push(format!(
                "{}: words.{key} is no key of en.toml, and nothing uses it",
                table.file
            ));
        }
        let mut fields = String::new();
        for (key, fallback) in &english {
            // A plural said in English is picked by English's rule, not this language's.
            let (value, value_rule) = match own.get(key) {
                Some(value) if value.type_str() == fallback.type_str() => (value, rule.as_str()),
                Some(_) => {
                    errors.push(format!(
                        "{}: words.{key} must be a {} as in en.toml",
                        table.file,
                        fallback.type_str()
                    ));
                    continue;
                }
                None => {
                    warnings.push(format!(
                        "{}: words.{key} is missing: said in English",
                        table.file
                    ));
                    (fallback, "plural_en")
                }
            };
            let allowed = placeholders(fallback);
            let used = placeholders(value);
            for name in used.difference(&allowed) {
                errors.push(format!(
                    "{}: words.{key} has {{{name}}}, which the widget does not fill in (it fills in {})",
                    table.file,
                    if allowed.is_empty() { "nothing here".to_owned() } else { allowed.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(", ") }
                ));
            }
            let literal = match value {
                toml::Value::Table(forms) => {
                    let Some(other) = forms.get("other").and_then(|v| v.as_str()) else {
                        errors.push(format!("{}: words.{key} needs an `other` form", table.file));
                        continue;
                    };
                    for name in forms.keys().filter(|k| !CATEGORIES.contains(&k.as_str())) {
                        errors.push(format!(
                            "{}: words.{key}.{name} is no CLDR plural category ({})",
                            table.file,
                            CATEGORIES.join(", ")
                        ));
                    }
                    let forms: Vec<String> = CATEGORIES
                        .iter()
                        .map(|c| {
                            format!(
                                "{:?}",
                                forms.get(*c).and_then(|v| v.as_str()).unwrap_or(other)
                            )
                        })
                        .collect();
                    format!(
                        "Plural {{ forms: [{}], rule: {value_rule} }}",
                        forms.join(", ")
                    )
                }
                value => format!("{:?}", value.as_str().unwrap_or_default()),
            };
            let _ = writeln!(fields, "            {key}: {literal},");
        }
        let dates = match dates(table, &tables[0]) {
            Ok(dates) => dates,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        locales.push(format!(
            "    Locale {{\n        tag: {:?},\n        words: Words {{\n{fields}        }},\n{dates}        rule: {rule},\n    }},\n",
            table.tag
        ));
    }
    let _ = writeln!(
        code,
        "/// Every language the widget speaks, English first.\npub static LOCALES: [Locale; {}] = [\n{}];",
        locales.len(),
        locales.concat()
    );
    if errors.is_empty() {
        Ok(Compiled { code, warnings })
    } else {
        Err(errors)
    }
}

/// A table's `[words]`.
fn words(table: &Table) -> BTreeMap<String, toml::Value> {
    table
        .toml
        .get("words")
        .and_then(|w| w.as_table())
        .map(|w| w.clone().into_iter().collect())
        .unwrap_or_default()
}

/// The `{names}` in a string, or in every form of a plural.
fn placeholders(value: &toml::Value) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let texts: Vec<&str> = match value {
        toml::Value::Table(forms) => forms.values().filter_map(|v| v.as_str()).collect(),
        other => other.as_str().into_iter().collect(),
    };
    for text in texts {
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end) => {
                    found.insert(after[..end].to_owned());
                    rest = &after[end + 1..];
                }
                None => break,
            }
        }
    }
    found
}

/// The `dates:` field of a locale: the table's months and patterns, or English's.
fn dates(table: &Table, english: &Table) -> Result<String, String> {
    let of = |t: &Table| t.toml.get("dates").and_then(|d| d.as_table()).cloned();
    let own = of(table).or_else(|| of(english)).unwrap_or_default();
    let months: Vec<&str> = own
        .get("months")
        .and_then(|m| m.as_array())
        .map(|m| m.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    if months.len() != 12 {
        return Err(format!(
            "{}: dates.months must list the 12 months, January first",
            table.file
        ));
    }
    let pattern = |name: &str| {
        own.get(name)
            .and_then(|v| v.as_str())
            .ok_or_else(|| format!("{}: dates.{name} is missing", table.file))
    };
    Ok(format!(
        "        dates: Dates {{\n            months: {:?},\n            day: {:?},\n            month: {:?},\n        }},\n",
        months,
        pattern("day")?,
        pattern("month")?
    ))
}

/// The body of a table's plural rule function: one `if` per category its `[plurals]` names,
/// in CLDR's order, each a condition on the whole number `n`.
fn plural_rule(table: &Table) -> Result<String, String> {
    let rules = table
        .toml
        .get("plurals")
        .and_then(|p| p.as_table())
        .cloned()
        .unwrap_or_default();
    if let Some(unknown) = rules
        .keys()
        .find(|k| !CATEGORIES[..5].contains(&k.as_str()))
    {
        return Err(format!(
            "{}: plurals.{unknown} is none of {} (\"other\" is what is left)",
            table.file,
            CATEGORIES[..5].join(", ")
        ));
    }
    let mut body = String::new();
    // In CLDR's order, whatever order the file lists them in: the first that holds wins.
    for category in &CATEGORIES[..5] {
        let Some(rule) = rules.get(*category) else {
            continue;
        };
        let rule = rule
            .as_str()
            .ok_or_else(|| format!("{}: plurals.{category} must be text", table.file))?;
        let condition = condition(rule)
            .map_err(|error| format!("{}: plurals.{category}: {error} in {rule:?}", table.file))?;
        if let Some(condition) = condition {
            let name = format!("{}{}", category[..1].to_uppercase(), &category[1..]);
            let _ = writeln!(
                body,
                "    if {condition} {{\n        return Category::{name};\n    }}"
            );
        }
    }
    Ok(body)
}

/// A CLDR rule's condition (samples after `@` left out) as a Rust expression on `n`, for whole
/// numbers: `i` is `n`, and the fraction and exponent operands (`v w f t e c`) are 0, so
/// relations on them are decided here. `None` when the condition never holds for whole numbers.
fn condition(rule: &str) -> Result<Option<String>, String> {
    let rule = rule.split('@').next().unwrap_or_default();
    let mut any = Vec::new();
    for and in rule.split(" or ") {
        let mut all = Vec::new();
        let mut holds = true;
        for relation in and.split(" and ") {
            match relation_of(relation.trim())? {
                Relation::Always(true) => {}
                Relation::Always(false) => holds = false,
                Relation::On(expression) => all.push(expression),
            }
        }
        if holds {
            any.push(if all.is_empty() {
                "true".to_owned()
            } else {
                all.join(" && ")
            });
        }
    }
    Ok(match any.len() {
        0 => None,
        1 => Some(any.remove(0)),
        _ => Some(format!("({})", any.join(") || ("))),
    })
}

/// One relation, decided or as Rust.
enum Relation {
    /// It holds, or not, for every whole number.
    Always(bool),
    /// A test on `n`.
    On(String),
}

/// `operand [% m] (=|!=|is|is not|in|not in|within|not within) ranges`.
fn relation_of(text: &str) -> Result<Relation, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let (operator_at, operator_len, negated) = words
        .iter()
        .enumerate()
        .find_map(|(at, word)| match *word {
            "=" | "in" | "within" => Some((at, 1, false)),
            "!=" => Some((at, 1, true)),
            "is" if words.get(at + 1) == Some(&"not") => Some((at, 2, true)),
            "is" => Some((at, 1, false)),
            "not" if matches!(words.get(at + 1), Some(&"in") | Some(&"within")) => {
                Some((at, 2, true))
            }
            _ => None,
        })
        .ok_or_else(|| format!("no operator in {text:?}"))?;
    let expression: String = words[..operator_at].concat();
    let ranges: String = words[operator_at + operator_len..].concat();
    let (operand, modulus) = match expression
        .split_once('%')
        .or_else(|| expression.split_once("mod"))
    {
        Some((operand, modulus)) => (operand, Some(number(modulus)?)),
        None => (expression.as_str(), None),
    };
    let mut patterns = Vec::new();
    let mut constant_hits = false;
    for item in ranges.split(',') {
        let (low, high) = match item.split_once("..") {
            Some((low, high)) => (number(low)?, number(high)?),
            None => (number(item)?, number(item)?),
        };
        constant_hits |= low == 0;
        patterns.push(if low == high {
            low.to_string()
        } else {
            format!("{low}..={high}")
        });
    }
    match operand {
        "n" | "i" => {
            let subject = match modulus {
                Some(m) => format!("n % {m}"),
                None => "n".to_owned(),
            };
            let test = format!("matches!({subject}, {})", patterns.join(" | "));
            Ok(Relation::On(if negated {
                format!("!{test}")
            } else {
                test
            }))
        }
        // Fraction digits and the exponent are 0 for a whole number.
        "v" | "w" | "f" | "t" | "e" | "c" => Ok(Relation::Always(constant_hits != negated)),
        other => Err(format!("unknown operand {other:?}")),
    }
}

/// A whole number in a rule.
fn number(text: &str) -> Result<u64, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a whole number"))
}
