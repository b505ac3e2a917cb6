//! schema.org ClaimReview markup for the verdict, checked against what Google's fact-check
//! documentation requires (claimReviewed, reviewRating.alternateName, url) and recommends
//! (author, datePublished, itemReviewed): for `explainer claimreview` and Explainer Studio.

use explainer_evidence::published::plain_text;
use explainer_evidence::{ChangeKind, Evidence};
use serde_json::{Value, json};

/// Google suggests keeping claimReviewed this short, so it does not wrap on phones.
const CLAIM_LENGTH: usize = 75;

/// The ClaimReview object for `evidence`, and what it lacks by Google's documentation.
pub fn claim_review(evidence: &Evidence) -> (Value, Vec<String>) {
    let doc = evidence.document();
    let meta = &doc.meta;
    let mut review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": doc.question,
        "reviewRating": { "@type": "Rating", "alternateName": doc.verdict.label },
        "itemReviewed": { "@type": "Claim", "name": doc.question },
    });
    // The language a search engine shows the fact check to readers of.
    if let Some(language) = &meta.language {
        review["inLanguage"] = json!(language);
    }
    let mut missing = Vec::new();
    match &meta.url {
        Some(url) => review["url"] = json!(url),
        None => missing.push(
            "Google requires \"url\", the address of the page hosting the fact check: add \"url\" to \"meta\"".to_owned(),
        ),
    }
    match &meta.publisher {
        Some(name) => review["author"] = json!({ "@type": "Organization", "name": name }),
        None => missing.push(
            "Google recommends \"author\", who publishes the fact check: add \"publisher\" to \"meta\"".to_owned(),
        ),
    }
    // The people behind it: who wrote it (schema.org's creator, the same as author, which Google
    // keeps for the publishing organization) and who edited or reviewed it.
    let people = |names: &[String]| -> Value {
        names
            .iter()
            .map(|name| json!({ "@type": "Person", "name": name }))
            .collect()
    };
    if !meta.authors.is_empty() {
        review["creator"] = people(&meta.authors);
    }
    if !meta.editors.is_empty() {
        review["editor"] = people(&meta.editors);
    }
    match &meta.published {
        Some(date) => review["datePublished"] = json!(date),
        None => missing.push(
            "Google recommends \"datePublished\": add \"published\" (YYYY-MM-DD) to \"meta\""
                .to_owned(),
        ),
    }
    // The latest of the log and `meta.updated` (check holds `updated` no older than the log).
    let modified = doc
        .changes
        .last()
        .map(|change| change.date.as_str())
        .into_iter()
        .chain(meta.updated.as_deref())
        .max();
    if let Some(date) = modified {
        review["dateModified"] = json!(date);
    }
    // schema.org's `correction` takes CorrectionComments: the corrections, not the updates.
    let corrections: Vec<Value> = doc
        .changes
        .iter()
        .filter(|change| change.kind == ChangeKind::Correction)
        .map(|change| {
            json!({
                "@type": "CorrectionComment",
                "datePublished": change.date,
                "text": plain_text(&change.text),
            })
        })
        .collect();
    if !corrections.is_empty() {
        review["correction"] = Value::Array(corrections);
    }
    let length = doc.question.chars().count();
    if length > CLAIM_LENGTH {
        missing.push(format!(
            "Google suggests a claimReviewed under {CLAIM_LENGTH} characters; the question has {length}"
        ));
    }
    (review, missing)
}

/// The markup as a script element ready to paste into a page. `<` is escaped inside the JSON
/// so no text from the evidence can close the element early.
pub fn script_element(review: &Value) -> String {
    let json = serde_json::to_string_pretty(review)
        .expect("plain JSON")
        .replace('<', "\\u003c");
    format!("<script type=\"application/ld+json\">\n{json}\n</script>\n")
}
