//! `explainer fingerprint`: content-hashed names for the widget's large files in a built
//! folder, so a host can cache them for a year as immutable, while `embed.js` and the pages,
//! whose addresses never change, name the new files after each build. See docs/embedding.md
//! ("Caching").

use std::io::Write;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::status::{Outcome, Status};

/// The files that get a hashed name: (plain name, what comes before the hash, what after).
const HASHED: [(&str, &str, &str); 3] = [
    ("explainer-widget.js", "explainer-widget-", ".js"),
    ("explainer-widget_bg.wasm", "explainer-widget-", "_bg.wasm"),
    ("explainer.css", "explainer-", ".css"),
];

/// A file's hashed name: `stem`, the first 16 hex digits of the SHA-256 of `bytes`, `end`.
fn hashed_name(stem: &str, end: &str, bytes: &[u8]) -> String {
    let hex: String = Sha256::digest(bytes)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{stem}{hex}{end}")
}

/// The built file of `plain` name in `dist`: under its hashed name once `fingerprint` has run,
/// else its plain one.
pub(super) fn built(dist: &Path, plain: &str) -> std::path::PathBuf {
    let plain_path = dist.join(plain);
    let Some((_, stem, end)) = HASHED.iter().find(|(name, ..)| *name == plain) else {
        return plain_path;
    };
    let hashed = std::fs::read_dir(dist).ok().and_then(|entries| {
        entries.flatten().map(|e| e.path()).find(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix(stem)?.strip_suffix(end))
                .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        })
    });
    hashed.unwrap_or(plain_path)
}

pub(super) fn fingerprint(dist: &Path, err: &mut dyn Write) -> Outcome {
    let names = rename_all(dist).map_err(|message| {
        let _ = writeln!(err, "explainer: {message}");
        Status::Failed
    })?;
    for (plain, hashed) in names {
        let _ = writeln!(err, "{plain} -> {hashed}");
    }
    Ok(())
}

/// Gives each file its hashed name and rewrites what names it; the stylesheet keeps its plain
/// name too, for the snippets already pasted into articles.
fn rename_all(dist: &Path) -> Result<Vec<(String, String)>, String> {
    let failed = |what: &str, path: &Path, error: std::io::Error| {
        format!("cannot {what} {}: {error}", path.display())
    };
    // embed.js names all three as string literals; a build that renamed or dropped one must
    // fail here, before anything is renamed, rather than ship a widget that fetches a file
    // that is not there.
    let embed = dist.join("embed.js");
    let mut script = std::fs::read_to_string(&embed).map_err(|e| failed("read", &embed, e))?;
    let literals = |name: &str| [format!("\"{name}\""), format!("'{name}'")];
    if let Some((plain, ..)) = HASHED
        .iter()
        .find(|(plain, ..)| !literals(plain).iter().any(|l| script.contains(l)))
    {
        return Err(format!("{} does not name {plain}", embed.display()));
    }
    // Explainer Studio's script fetches the same files to make offline files.
    let studio = dist.join("studio.js");
    let mut studio_script = match std::fs::read_to_string(&studio) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(failed("read", &studio, error)),
    };
    let mut names = Vec::new();
    for (plain, stem, end) in HASHED {
        let path = dist.join(plain);
        let bytes = std::fs::read(&path).map_err(|e| {
            format!(
                "{} (build the widget first: trunk build --release)",
                failed("read", &path, e)
            )
        })?;
        let hashed = hashed_name(stem, end, &bytes);
        std::fs::write(dist.join(&hashed), &bytes)
            .map_err(|e| failed("write", &dist.join(&hashed), e))?;
        if plain != "explainer.css" {
            std::fs::remove_file(&path).map_err(|e| failed("remove", &path, e))?;
        }
        for literal in literals(plain) {
            let quote = &literal[..1];
            let named = format!("{quote}{hashed}{quote}");
            script = script.replace(&literal, &named);
            if let Some(text) = studio_script.as_mut() {
                *text = text.replace(&literal, &named);
            }
        }
        names.push((plain.to_owned(), hashed));
    }
    std::fs::write(&embed, script).map_err(|e| failed("write", &embed, e))?;
    if let Some(text) = studio_script {
        std::fs::write(&studio, text).map_err(|e| failed("write", &studio, e))?;
    }
    // The pages link the stylesheet; `href=` before the name, so text that happens to say
    // "explainer.css" stays as written.
    let css = &names[2].1;
    let pages = std::fs::read_dir(dist).map_err(|e| failed("read", dist, e))?;
    for page in pages.flatten().map(|e| e.path()) {
        if page.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        let html = std::fs::read_to_string(&page).map_err(|e| failed("read", &page, e))?;
        let mut linked = html.clone();
        for prefix in ["href=", "href=\"", "href=./", "href=\"./"] {
            linked = linked.replace(&format!("{prefix}explainer.css"), &format!("{prefix}{css}"));
        }
        if linked != html {
            std::fs::write(&page, linked).map_err(|e| failed("write", &page, e))?;
        }
    }
    Ok(names)
}
