//! Publishes the bundled evidence set at build time, so the widget carries parsed text and no
//! markdown parser. A bundled set with problems stops the build and lists them all.
//!
//! `EXPLAINER_EVIDENCE=path/to/authored.json` bundles another evidence set instead.

use std::path::{Path, PathBuf};
use std::{env, fs};

/// The language tables' compiler, shared with nothing else: see its own docs.
#[path = "src/locales/compile.rs"]
mod locales;

const DEFAULT: &str = "www/evidence/ice-contracts.json";

fn main() {
    compile_locales();
    println!("cargo::rerun-if-env-changed=EXPLAINER_EVIDENCE");
    let chosen = env::var("EXPLAINER_EVIDENCE")
        .ok()
        .filter(|p| !p.is_empty());
    let bundled = chosen.as_deref().unwrap_or(DEFAULT);
    println!("cargo::rerun-if-changed={bundled}");
    let authored = match fs::read_to_string(bundled) {
        Ok(text) => text,
        Err(error) => {
            println!("cargo::error=cannot read {bundled}: {error}");
            return;
        }
    };
    match explainer_evidence::authored::publish(&authored) {
        Ok(evidence) => {
            let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            let target = out.join("evidence.published.json");
            if let Err(error) = fs::write(&target, evidence.to_json(false)) {
                println!("cargo::error=cannot write {}: {error}", target.display());
            }
        }
        Err(problems) => {
            for problem in problems {
                println!("cargo::error={bundled}: {problem}");
            }
        }
    }
}

/// Compiles `src/locales/*.toml` into `OUT_DIR/locales.rs`; a table the widget cannot use stops
/// the build, and a string a table lacks (said in English) is a warning.
fn compile_locales() {
    println!("cargo::rerun-if-changed=src/locales");
    match locales::compile(Path::new("src/locales")) {
        Ok(compiled) => {
            for warning in compiled.warnings {
                println!("cargo::warning={warning}");
            }
            let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            if let Err(error) = fs::write(out.join("locales.rs"), compiled.code) {
                println!("cargo::error=cannot write locales.rs: {error}");
            }
        }
        Err(errors) => {
            for error in errors {
                println!("cargo::error={error}");
            }
        }
    }
}
