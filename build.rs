//! Publishes the bundled evidence set at build time, so the widget carries parsed text and no
//! markdown parser. A bundled set with problems stops the build and lists them all.
//!
//! `EXPLAINER_EVIDENCE=path/to/authored.json` bundles another evidence set instead.

use std::path::PathBuf;
use std::{env, fs};

const DEFAULT: &str = "www/evidence/ice-contracts.json";

fn main() {
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
