//! Words the widget shows for places and sources, kept apart from markup so they can be tested.

use explainer_evidence::{ChangeKind, Evidence, Meta, Part, Place, Published, Source};

/// The writing direction of a language tag (`ar`, `he-IL`): `"rtl"` for the languages written
/// right to left, `None` (the default, left to right) for the others and for none.
pub fn direction(language: Option<&str>) -> Option<&'static str> {
    const RIGHT_TO_LEFT: [&str; 10] = ["ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"];
    let primary = language?.split('-').next()?.to_ascii_lowercase();
    RIGHT_TO_LEFT.contains(&primary.as_str()).then_some("rtl")
}

/// A short visible name for where a sentence is, e.g. "Section 3" or "Reporting limits 2".
pub fn place_short(evidence: &Evidence, place: &Place) -> String {
    let n = place.sentence + 1;
    match &place.part {
        Part::Verdict if evidence.document().verdict.sentences.len() > 1 => {
            format!("Verdict, sentence {n}")
        }
        Part::Verdict => "Verdict".to_owned(),
        Part::Section(id) => match evidence.section(id) {
            Some((i, section)) if section.sentences.len() > 1 => {
                format!("Section {}, sentence {n}", i + 1)
            }
            Some((i, _)) => format!("Section {}", i + 1),
            None => "Section".to_owned(),
        },
        Part::Limits => format!("Reporting limit {n}"),
        Part::Changes => match evidence.document().changes.get(place.sentence) {
            Some(change) => format!("{} of {}", change_kind(change.kind), change.date),
            None => "Change".to_owned(),
        },
    }
}

/// A log entry's kind as its heading names it.
pub fn change_kind(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Correction => "Correction",
        ChangeKind::Update => "Update",
        ChangeKind::Clarification => "Clarification",
    }
}

/// What the line beside the verdict says of the log: the latest entry's kind and date, and,
/// whenever a change replaced the verdict, what it was before, so a corrected verdict never
/// shows without its correction. `None` for an explainer never changed.
pub fn changes_note(doc: &Published) -> Option<String> {
    let latest = doc.changes.last()?;
    let done = match latest.kind {
        ChangeKind::Correction => "Corrected",
        ChangeKind::Update => "Updated",
        ChangeKind::Clarification => "Clarified",
    };
    let mut note = format!("{done} on {}.", latest.date);
    let replaced = doc.changes.iter().rev().find_map(|change| {
        let label = change.replaces.as_ref()?;
        Some((label, &change.date))
    });
    if let Some((label, date)) = replaced {
        note.push_str(&format!(
            " The verdict was \u{201c}{label}\u{201d} until {date}."
        ));
    }
    Some(note)
}

/// A full name for where a sentence is, for screen readers: the short name and the section title.
pub fn place_long(evidence: &Evidence, place: &Place) -> String {
    let short = place_short(evidence, place);
    match &place.part {
        Part::Section(id) => match evidence.section(id) {
            Some((_, section)) => format!("{short}: {}", section.title),
            None => short,
        },
        _ => short,
    }
}

/// A marker's accessible name: which source it is, by title or publisher when known.
pub fn marker_name(source: Option<&Source>, number: u32) -> String {
    let known = source.and_then(|s| s.title.as_deref().or(s.publisher.as_deref()));
    match known {
        Some(name) => format!("Source {number}: {name}"),
        None => format!("Source {number}, not identified by the report"),
    }
}

/// The line under a source's title: publisher, author and date, those that are known.
pub fn byline(source: &Source) -> Option<String> {
    let parts: Vec<&str> = [&source.publisher, &source.author, &source.date]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Who stands behind the explainer, as the line under the verdict says it: "By A and B.
/// Edited by C. Published by D.", with the parts that are known.
pub fn credits(meta: &Meta) -> Option<String> {
    let mut parts = Vec::new();
    if !meta.authors.is_empty() {
        parts.push(format!("By {}.", names(&meta.authors)));
    }
    if !meta.editors.is_empty() {
        parts.push(format!("Edited by {}.", names(&meta.editors)));
    }
    if let Some(publisher) = &meta.publisher {
        parts.push(format!("Published by {publisher}."));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Names as a sentence lists them: "A", "A and B", "A, B and C".
fn names(list: &[String]) -> String {
    match list {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn languages_written_right_to_left_are_known_by_their_primary_tag() {
        assert_eq!(direction(Some("ar")), Some("rtl"));
        assert_eq!(direction(Some("he-IL")), Some("rtl"));
        assert_eq!(direction(Some("FA")), Some("rtl"));
        assert_eq!(direction(Some("en")), None);
        assert_eq!(direction(Some("arn")), None, "Mapudungun is not Arabic");
        assert_eq!(direction(None), None);
    }

    use explainer_evidence::{CitationNumber, SectionId};

    use super::*;

    fn evidence() -> Evidence {
        explainer_evidence::load_published(crate::BUNDLED_EVIDENCE).expect("bundled set is valid")
    }

    #[test]
    fn places_are_named_by_section_number_and_sentence() {
        let e = evidence();
        let amazon = Place {
            part: Part::Section(SectionId("amazon".into())),
            sentence: 0,
        };
        assert_eq!(place_short(&e, &amazon), "Section 3");
        assert!(place_long(&e, &amazon).starts_with("Section 3: What Amazon did"));
        let bottom = Place {
            part: Part::Section(SectionId("bottom-line".into())),
            sentence: 1,
        };
        assert_eq!(place_short(&e, &bottom), "Section 7, sentence 2");
        assert_eq!(
            place_short(
                &e,
                &Place {
                    part: Part::Limits,
                    sentence: 1
                }
            ),
            "Reporting limit 2"
        );
    }

    #[test]
    fn markers_name_their_source_or_say_it_is_unidentified() {
        let e = evidence();
        assert_eq!(
            marker_name(e.source(CitationNumber(4)), 4),
            "Source 4: Amazon Employees Continue to Urge Company to Cut Ties With ICE"
        );
        assert_eq!(
            marker_name(e.source(CitationNumber(3)), 3),
            "Source 3: Forbes"
        );
        assert_eq!(
            marker_name(e.source(CitationNumber(9)), 9),
            "Source 9, not identified by the report"
        );
    }

    #[test]
    fn bylines_join_what_is_known() {
        let e = evidence();
        let four = e.source(CitationNumber(4)).expect("source 4");
        assert_eq!(
            byline(four).as_deref(),
            Some("Yahoo Finance · Michael Tedder")
        );
        assert_eq!(byline(e.source(CitationNumber(1)).expect("source 1")), None);
    }

    #[test]
    fn credits_name_who_wrote_edited_and_published_it() {
        let meta = |authors: &[&str], editors: &[&str], publisher: Option<&str>| Meta {
            authors: authors.iter().map(|s| (*s).to_owned()).collect(),
            editors: editors.iter().map(|s| (*s).to_owned()).collect(),
            publisher: publisher.map(str::to_owned),
            ..Meta::default()
        };
        assert_eq!(credits(&meta(&[], &[], None)), None);
        assert_eq!(credits(&meta(&["A"], &[], None)).as_deref(), Some("By A."));
        assert_eq!(
            credits(&meta(&["A", "B", "C"], &["D", "E"], Some("F"))).as_deref(),
            Some("By A, B and C. Edited by D and E. Published by F.")
        );
        assert_eq!(
            credits(&meta(&[], &["D"], Some("F"))).as_deref(),
            Some("Edited by D. Published by F.")
        );
    }

    #[test]
    fn the_note_beside_the_verdict_names_the_latest_change_and_any_verdict_it_replaced() {
        let mut doc = explainer_evidence::load_published(include_str!(
            "../../www/evidence/library-hours.published.json"
        ))
        .expect("the demo's second set is valid")
        .document()
        .clone();
        // A correction that replaced the label, then a later update: both are said.
        assert_eq!(
            changes_note(&doc).as_deref(),
            Some(
                "Updated on 2026-04-09. The verdict was \u{201c}Yes, at every library\u{201d} until 2026-04-03."
            )
        );
        doc.changes[0].replaces = None;
        assert_eq!(
            changes_note(&doc).as_deref(),
            Some("Updated on 2026-04-09.")
        );
        doc.changes[1].kind = ChangeKind::Clarification;
        assert_eq!(
            changes_note(&doc).as_deref(),
            Some("Clarified on 2026-04-09.")
        );
        doc.changes.clear();
        assert_eq!(changes_note(&doc), None);
    }

    #[test]
    fn a_change_is_named_by_its_kind_and_date_where_it_is_cited() {
        let e = explainer_evidence::load_published(include_str!(
            "../../www/evidence/library-hours.published.json"
        ))
        .expect("valid");
        let place = |sentence| Place {
            part: Part::Changes,
            sentence,
        };
        assert_eq!(place_short(&e, &place(0)), "Correction of 2026-04-03");
        assert_eq!(place_long(&e, &place(1)), "Update of 2026-04-09");
    }
}
