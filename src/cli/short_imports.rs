//! `explainer short-imports`: short names for what each built wasm imports from its glue.
//! wasm-bindgen names every import after its function and a hash (`__wbg_namespaceURI_cf6d…`),
//! once in the wasm and once in the glue; hashes do not compress, and the two files of the
//! widget carried about 3.7 KB of them, brotli, in every reader's download. Both files get the
//! same short names (`a`, `b`, … `aB`), so they still fit each other.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};

use super::io::write_atomically;
use super::status::{Outcome, Status};

/// The built wasm files and their glue, by the names Trunk gives them.
const PAIRS: [(&str, &str); 4] = [
    ("explainer-widget_bg.wasm", "explainer-widget.js"),
    ("explainer-studio_bg.wasm", "explainer-studio.js"),
    ("explainer-publisher_bg.wasm", "explainer-publisher.js"),
    ("explainer-card_bg.wasm", "explainer-card.js"),
];

/// The `n`th short name: `a` … `Z`, then `aa`, `ab`, …
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

/// Whether an import is one of wasm-bindgen's, named in the glue.
fn from_glue(name: &str) -> bool {
    name.starts_with("__wbg_") || name.starts_with("__wbindgen_")
}

/// Names given: (old, new), in the order of the imports.
pub type Renames = Vec<(String, String)>;

/// `wasm` with its glue's imports renamed short, and the names given; every other section as
/// it was, byte for byte.
pub fn shortened(wasm: &[u8]) -> Result<(Vec<u8>, Renames), String> {
    let mut module = wasm_encoder::Module::new();
    let mut names: HashMap<String, String> = HashMap::new();
    let mut given = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|error| format!("not a wasm file: {error}"))?;
        if let wasmparser::Payload::ImportSection(reader) = payload {
            let mut section = wasm_encoder::ImportSection::new();
            for import in reader.into_imports() {
                let import = import.map_err(|error| format!("its imports: {error}"))?;
                let name = match from_glue(import.name) {
                    false => import.name.to_owned(),
                    true => match names.get(import.name) {
                        Some(name) => name.clone(),
                        None => {
                            let name = short_name(names.len());
                            names.insert(import.name.to_owned(), name.clone());
                            given.push((import.name.to_owned(), name.clone()));
                            name
                        }
                    },
                };
                let ty = RoundtripReencoder
                    .entity_type(import.ty)
                    .map_err(|error| format!("an import of {}: {error}", import.name))?;
                section.import(import.module, &name, ty);
            }
            module.section(&section);
        } else if let Some((id, range)) = payload.as_section() {
            module.section(&wasm_encoder::RawSection {
                id,
                data: &wasm[range],
            });
        }
    }
    Ok((module.finish(), given))
}

/// `glue` with each of `names` (old, new) renamed, each found exactly once as a whole word.
pub fn renamed_glue(glue: &str, names: &[(String, String)]) -> Result<String, String> {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = glue.to_owned();
    for (old, new) in names {
        let places: Vec<usize> = out
            .match_indices(old.as_str())
            .map(|(at, _)| at)
            .filter(|&at| !out[..at].ends_with(word) && !out[at + old.len()..].starts_with(word))
            .collect();
        let [at] = places[..] else {
            return Err(format!(
                "the glue names {old} {} times, not once",
                places.len()
            ));
        };
        out.replace_range(at..at + old.len(), new);
    }
    Ok(out)
}

pub(super) fn short_imports(dist: &Path, err: &mut dyn Write) -> Outcome {
    let fail = |err: &mut dyn Write, message: String| {
        let _ = writeln!(err, "explainer: {message}");
        Status::Failed
    };
    for (wasm_name, glue_name) in PAIRS {
        let (wasm_path, glue_path) = (dist.join(wasm_name), dist.join(glue_name));
        let (Ok(wasm), Ok(glue)) = (
            std::fs::read(&wasm_path),
            std::fs::read_to_string(&glue_path),
        ) else {
            return Err(fail(
                err,
                format!(
                    "{} or {} is missing or unreadable in {} (build the widget first: trunk build --release)",
                    wasm_name,
                    glue_name,
                    dist.display()
                ),
            ));
        };
        let (wasm, names) =
            shortened(&wasm).map_err(|why| fail(err, format!("{}: {why}", wasm_path.display())))?;
        let glue = renamed_glue(&glue, &names)
            .map_err(|why| fail(err, format!("{}: {why}", glue_path.display())))?;
        write_atomically(&glue_path, glue.as_bytes())
            .and_then(|()| write_atomically(&wasm_path, &wasm))
            .map_err(|error| fail(err, format!("{}: {error}", wasm_path.display())))?;
        let _ = writeln!(err, "{wasm_name}: {} imports named short", names.len());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_count_up_in_letters() {
        let names: Vec<String> = [0, 1, 25, 26, 51, 52, 53, 52 + 52].map(short_name).to_vec();
        assert_eq!(names, ["a", "b", "z", "A", "Z", "aa", "ab", "ba"]);
    }

    #[test]
    fn the_glue_is_renamed_where_each_name_stands_alone_once() {
        let names = vec![("__wbg_f_1".to_owned(), "a".to_owned())];
        assert_eq!(
            renamed_glue("{__wbg_f_1:function(){},__wbg_f_12:1}", &names).unwrap(),
            "{a:function(){},__wbg_f_12:1}"
        );
        assert!(
            renamed_glue("{__wbg_f_1:1,x.__wbg_f_1}", &names)
                .unwrap_err()
                .contains("2 times")
        );
        assert!(renamed_glue("{}", &names).unwrap_err().contains("0 times"));
    }

    #[test]
    fn only_the_glues_imports_are_renamed_and_the_rest_is_kept() {
        let mut module = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut imports = wasm_encoder::ImportSection::new();
        let f = wasm_encoder::EntityType::Function(0);
        imports.import("./glue.js", "__wbg_log_0123456789abcdef", f);
        imports.import("./glue.js", "__wbindgen_throw_fedcba9876543210", f);
        imports.import("env", "memory_import", f);
        module.section(&imports);
        let custom = wasm_encoder::CustomSection {
            name: "note".into(),
            data: b"kept".as_slice().into(),
        };
        module.section(&custom);
        let (out, names) = shortened(&module.finish()).unwrap();
        assert_eq!(
            names,
            [
                ("__wbg_log_0123456789abcdef".to_owned(), "a".to_owned()),
                (
                    "__wbindgen_throw_fedcba9876543210".to_owned(),
                    "b".to_owned()
                )
            ]
        );
        let mut seen = Vec::new();
        for payload in wasmparser::Parser::new(0).parse_all(&out) {
            match payload.unwrap() {
                wasmparser::Payload::ImportSection(reader) => {
                    for import in reader.into_imports() {
                        let import = import.unwrap();
                        seen.push(format!("{} {}", import.module, import.name));
                    }
                }
                wasmparser::Payload::CustomSection(c) => {
                    seen.push(format!(
                        "{} {}",
                        c.name(),
                        String::from_utf8_lossy(c.data())
                    ));
                }
                _ => {}
            }
        }
        assert_eq!(
            seen,
            [
                "./glue.js a",
                "./glue.js b",
                "env memory_import",
                "note kept"
            ]
        );
        wasmparser::validate(&out).expect("still a valid module");
    }
}
