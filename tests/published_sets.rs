//! Published evidence files kept in `www/evidence/` (for the demo and embeds) are exactly what
//! `explainer build` makes from their authored files, so they can never drift apart.
#![cfg(not(target_arch = "wasm32"))]

use explainer::evidence::authored::publish;

#[test]
fn every_published_file_is_its_authored_file_built() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/evidence");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("www/evidence") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let Some(stem) = name.strip_suffix(".published.json") else {
            continue;
        };
        let authored = std::fs::read_to_string(dir.join(format!("{stem}.json")))
            .expect("authored file beside it");
        let published = std::fs::read_to_string(&path).expect("published file");
        let built = publish(&authored)
            .unwrap_or_else(|p| panic!("{stem}.json: {p:?}"))
            .to_json(true);
        assert_eq!(
            published, built,
            "{name} is stale: run explainer build www/evidence/{stem}.json -o www/evidence/{name}"
        );
        checked += 1;
    }
    assert!(checked >= 1, "no published files in www/evidence");
}
